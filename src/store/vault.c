/* vault.c: opening, creating, re-keying, backing up and destroying the
 * encrypted vault. The encryption itself is in vfs.c. */
#include "store/vault.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/keyfile.h"
#include "crypto/page.h"
#include "crypto/recovery.h"
#include "crypto/secmem.h"
#include "store/migrate.h"
#include "store/vfs.h"
#include "store_int.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"

#define DB_NAME "tend.db"
#define BACKUP_HEADER 4096
static const char backup_magic[16] = "tend backup 1";

struct vault {
	char *dir;
	char *db_path;
	int lock_fd;
	int slot;
	sqlite3 *db;
	struct keyfile kf;
	uint8_t *key; /* VAULT_KEY_BYTES, locked memory */
	struct vault_check info;
};

struct backup {
	int slot;
	sqlite3 *db;
	struct keyfile kf;
	uint8_t *key;
};

/* ---- SQLite set-up ------------------------------------------------------- */

/* A zeroing allocator: SQLite's freed page buffers keep no plaintext. */
static void *zm_malloc(int n)
{
	size_t sz = n > 0 ? (size_t)n : 1;
	size_t *p = malloc(sz + 16);
	if (!p)
		return NULL;
	p[0] = sz;
	return (char *)p + 16;
}

static int zm_size(void *p)
{
	return p ? (int)*(size_t *)(void *)((char *)p - 16) : 0;
}

static void zm_free(void *p)
{
	if (!p)
		return;
	char *b = (char *)p - 16;
	mem_wipe(b, *(size_t *)(void *)b + 16);
	free(b);
}

static void *zm_realloc(void *p, int n)
{
	void *q = zm_malloc(n);
	if (q && p) {
		int old = zm_size(p);
		memcpy(q, p, (size_t)(old < n ? old : n));
		zm_free(p);
	}
	return q;
}

static int zm_roundup(int n)
{
	return (n + 7) & ~7;
}

static int zm_init(void *arg)
{
	(void)arg;
	return SQLITE_OK;
}

static void zm_shutdown(void *arg)
{
	(void)arg;
}

static const sqlite3_mem_methods zero_mem = {
	zm_malloc, zm_free, zm_realloc, zm_size, zm_roundup, zm_init, zm_shutdown, NULL,
};

static int store_init(struct error *e)
{
	static int done;
	if (done)
		return 0;
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	/* MISUSE here means SQLite was started already; it then keeps the
	 * allocator it has, which is only a loss of wiping, not of data. */
	sqlite3_config(SQLITE_CONFIG_MALLOC, &zero_mem);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_initialize() != SQLITE_OK || vfs_register() != SQLITE_OK)
		return error_set(e, E_FAIL, "The database library could not start.");
	done = 1;
	return 0;
}

int store_exec(sqlite3 *db, const char *sql, struct error *e)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : store_sql_error(db, rc, e, "updating the vault");
}

int store_sql_error(sqlite3 *db, int rc, struct error *e, const char *doing)
{
	int xrc = db ? sqlite3_extended_errcode(db) : rc;
	int prim = rc & 0xFF;
	if (xrc == SQLITE_IOERR_DATA || prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
		return error_set(e, E_CORRUPT,
		                 "The vault is damaged or was changed outside tend (found while %s). "
		                 "Nothing was changed. 'tend verify' tells more; a backup can be "
		                 "brought back with 'tend restore FILE'.",
		                 doing);
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
		return error_set(e, E_BUSY, "The vault is open in another tend. Close it there first.");
	if (prim == SQLITE_FULL || (prim == SQLITE_IOERR && db && sqlite3_system_errno(db) == ENOSPC))
		return error_set(e, E_FAIL,
		                 "The disk is full, so nothing was saved (while %s). Free some space "
		                 "and try again; what was saved before is safe.",
		                 doing);
	if (prim == SQLITE_IOERR && xrc != SQLITE_IOERR_NOMEM) {
		int err = db ? sqlite3_system_errno(db) : 0;
		return error_set(e, E_FAIL,
		                 "The disk reported an error (%s) while %s, so it was not done. What "
		                 "was saved before is safe; check the disk and try again.",
		                 err ? strerror(err) : sqlite3_errstr(rc), doing);
	}
	if (prim == SQLITE_READONLY || prim == SQLITE_PERM || prim == SQLITE_CANTOPEN)
		return error_set(e, E_FAIL,
		                 "tend cannot write to its vault folder (while %s). Check the folder's "
		                 "permissions.",
		                 doing);
	return error_set(e, E_FAIL, "Database error while %s: %s.", doing,
	                 db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

/* file:PATH?vfs=tend&tendkey=N[&tendoffset=B], with PATH percent-encoded. */
static char *db_uri(const char *path, int slot, long long off)
{
	struct buf b = BUF_INIT;
	int bad = buf_puts(&b, "file:");
	for (const unsigned char *s = (const unsigned char *)path; *s && !bad; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		    strchr("/-._~", *s))
			bad = buf_putc(&b, (char)*s);
		else
			bad = buf_printf(&b, "%%%02X", *s);
	}
	if (!bad)
		bad = buf_printf(&b, "?vfs=" VFS_NAME "&tendkey=%d", slot);
	if (!bad && off)
		bad = buf_printf(&b, "&tendoffset=%lld", off);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

enum open_mode { OPEN_VAULT, OPEN_COPY, OPEN_READONLY };

/* The first reads of a vault meet any damage: say which kind. */
static int open_error(sqlite3 *db, int slot, int rc, struct error *e)
{
	struct vfs_stats vs;
	vfs_slot_stats(slot, &vs);
	if (vs.journal_failures)
		return error_set(e, E_CORRUPT,
		                 "The vault's crash journal (tend.db-journal) is damaged or was changed, "
		                 "so the interrupted change cannot be undone safely. Nothing was changed. "
		                 "Bring back a backup with 'tend restore FILE', or keep a copy of the "
		                 "folder and ask for help.");
	return store_sql_error(db, vs.page_failures ? SQLITE_CORRUPT : rc, e, "opening the vault");
}

static int db_open(const char *path, int slot, long long off, enum open_mode mode, sqlite3 **out,
                   struct error *e)
{
	*out = NULL;
	char *uri = db_uri(path, slot, off);
	if (!uri)
		return error_set(e, E_FAIL, "Out of memory.");
	int flags = SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE |
	            (mode == OPEN_READONLY ? SQLITE_OPEN_READONLY
	                                   : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(uri, &db, flags, VFS_NAME);
	free(uri);
	if (rc != SQLITE_OK) {
		store_sql_error(db, rc, e, "opening the vault");
		sqlite3_close(db);
		return -1;
	}
	int reserve = VFS_RESERVE;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
	const char *pragmas =
	    mode == OPEN_COPY ? "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=OFF;"
	                        "PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;"
	                      : "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=TRUNCATE;"
	                        "PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;"
	                        "PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;"
	                        "PRAGMA cell_size_check=ON; PRAGMA mmap_size=0;";
	if (mode == OPEN_READONLY)
		pragmas = "PRAGMA temp_store=MEMORY; PRAGMA mmap_size=0;";
	rc = sqlite3_exec(db, pragmas, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		open_error(db, slot, rc, e);
		sqlite3_close(db);
		return -1;
	}
	/* Reading the schema reads page 1, which checks the whole page set. */
	rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		open_error(db, slot, rc, e);
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* ---- keys ------------------------------------------------------------------ */

void *vault_secret_alloc(size_t n)
{
	if (crypto_init() != 0)
		return NULL;
	char *p = secmem_alloc(n);
	if (p)
		memset(p, 0, n);
	return p;
}

void vault_secret_free(void *p)
{
	secmem_free(p);
}

bool vault_fast_kdf_requested(void)
{
	const char *v = getenv("TEND_INSECURE_FAST_KDF");
	return v && strcmp(v, "1") == 0;
}

/* The vault id is derived from the key, so the recovery code alone can
 * open a vault whose key files are lost. */
static void vault_id_of(const uint8_t *key, uint8_t id[VAULT_ID_BYTES])
{
	uint8_t enc[PAGE_KEY_BYTES], mac[PAGE_KEY_BYTES], d[PAGE_MAC_BYTES];
	page_keys_derive(key, enc, mac);
	static const uint8_t zero_tag[PAGE_TAG_BYTES];
	page_mac(mac, 0, zero_tag, d);
	memcpy(id, d, VAULT_ID_BYTES);
	secmem_wipe(enc, sizeof(enc));
	secmem_wipe(mac, sizeof(mac));
}

/* ---- the vault folder -------------------------------------------------- */

static char *join(const char *dir, const char *name)
{
	return path_join(dir, name);
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

bool vault_exists(const char *dir)
{
	return keyfile_exists(dir);
}

bool vault_has_data(const char *dir)
{
	if (keyfile_exists(dir))
		return true;
	char *db = join(dir, DB_NAME);
	bool there = db && file_exists(db);
	free(db);
	return there;
}

static int take_lock(const char *dir, int *fd_out, struct error *e)
{
	char *p = join(dir, "lock");
	if (!p)
		return error_set(e, E_FAIL, "Out of memory.");
	int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(p);
	if (fd < 0 && (errno == EROFS || errno == EACCES || errno == EPERM))
		return error_set(e, E_FAIL,
		                 "The vault folder %s cannot be written to (%s), and tend needs "
		                 "to, even to read, so that two programs never change the vault at "
		                 "once. Nothing was changed. Check the folder's permissions, or copy "
		                 "the folder somewhere you can write and set TEND_HOME to it.",
		                 dir, strerror(errno));
	if (fd < 0)
		return error_errno(e, errno, "Cannot use the vault folder %s", dir);
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int err = errno;
		close(fd);
		if (err == EWOULDBLOCK)
			return error_set(e, E_BUSY,
			                 "The vault is open in another tend (another window or a script). "
			                 "Close it there first.");
		return error_errno(e, err, "Cannot lock the vault folder %s", dir);
	}
	/* A key file write killed before its rename leaves a temporary file;
	 * only a holder of the lock writes key files, so none is in use. */
	keyfile_clean_tmp(dir);
	*fd_out = fd;
	return 0;
}

static struct vault *vault_new(const char *dir)
{
	struct vault *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	v->lock_fd = -1;
	v->slot = -1;
	v->dir = strdup(dir);
	v->db_path = join(dir, DB_NAME);
	v->key = secmem_alloc(VAULT_KEY_BYTES);
	if (!v->dir || !v->db_path || !v->key) {
		vault_close(v);
		return NULL;
	}
	return v;
}

void vault_close(struct vault *v)
{
	if (!v)
		return;
	if (v->db)
		sqlite3_close(v->db);
	if (v->slot >= 0)
		vfs_slot_close(v->slot);
	if (v->lock_fd >= 0)
		close(v->lock_fd);
	secmem_free(v->key);
	free(v->dir);
	free(v->db_path);
	secmem_wipe(&v->kf, sizeof(v->kf));
	free(v);
}

sqlite3 *vault_db(struct vault *v)
{
	return v->db;
}

static char *with_suffix(const char *path, const char *suffix)
{
	size_t a = strlen(path), b = strlen(suffix);
	char *p = malloc(a + b + 1);
	if (p) {
		memcpy(p, path, a);
		memcpy(p + a, suffix, b + 1);
	}
	return p;
}

/* A re-key that stopped after the new key file was written but before the
 * new database took the old one's place is finished here; one that
 * stopped earlier is undone. */
static int finish_rekey(struct vault *v, struct error *e)
{
	char *next = with_suffix(v->db_path, ".new");
	if (!next)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = 0;
	if (file_exists(next)) {
		uint32_t bad, pages;
		if (vfs_verify_file(next, 0, v->slot, &bad, &pages) == 0 && pages > 0) {
			if (rename_into_place(next, v->db_path) != 0)
				rc = error_errno(e, errno, "Cannot put the re-keyed database in place");
		} else {
			unlink(next);
		}
	}
	free(next);
	return rc;
}

static int finish_open(struct vault *v, struct error *e)
{
	uint8_t id[VAULT_ID_BYTES];
	vault_id_of(v->key, id);
	v->slot = vfs_slot_open(v->key, id);
	if (v->slot < 0)
		return error_set(e, E_FAIL, "Out of memory.");
	if (finish_rekey(v, e))
		return -1;
	/* A journal that starts with a zero byte is not hot: SQLite ignores it. */
	char *journal = with_suffix(v->db_path, "-journal");
	int jfd = journal ? open(journal, O_RDONLY | O_CLOEXEC) : -1;
	unsigned char first = 0;
	if (jfd >= 0) {
		v->info.recovered = read(jfd, &first, 1) == 1 && first != 0;
		close(jfd);
	}
	free(journal);
	if (db_open(v->db_path, v->slot, 0, OPEN_VAULT, &v->db, e))
		return -1;
	struct vfs_stats vs;
	vfs_slot_stats(v->slot, &vs);
	if (vs.journal_failures)
		return error_set(e, E_CORRUPT,
		                 "The vault's crash journal was damaged or changed, so the last "
		                 "interrupted change could not be fully undone. Run 'tend verify'; if "
		                 "it reports damage, bring back a backup with 'tend restore FILE'.");
	return migrate(v->db, e);
}

int vault_init(const char *dir, const char *pass, size_t passlen, char code[VAULT_CODE_MAX],
               struct error *e)
{
	if (store_init(e) || mkdir_p(dir, e))
		return -1;
	struct vault *v = vault_new(dir);
	if (!v)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = -1;
	if (take_lock(dir, &v->lock_fd, e))
		goto out;
	if (keyfile_exists(dir)) {
		error_set(e, E_FAIL, "There is already a vault in %s. Open it with tend, or choose "
		                     "another folder with TEND_HOME.", dir);
		goto out;
	}
	if (file_exists(v->db_path)) {
		error_set(e, E_FAIL, "%s holds a vault database but no key file. If you have its "
		                     "recovery code, run 'tend recover'; otherwise move the folder "
		                     "away before making a new vault.", dir);
		goto out;
	}
	crypto_random(v->key, VAULT_KEY_BYTES);
	vault_id_of(v->key, v->kf.vault_id);
	struct kdf_params kdf;
	kdf_params_default(&kdf, vault_fast_kdf_requested());
	if (keyfile_wrap(&v->kf, &kdf, pass, passlen, v->key, e) || keyfile_save(dir, &v->kf, e))
		goto out;
	if (finish_open(v, e))
		goto out;
	recovery_encode(v->key, code);
	rc = 0;
out:
	vault_close(v);
	return rc;
}

static int open_common(const char *dir, struct vault **out, struct vault **vp, struct error *e)
{
	*out = NULL;
	if (store_init(e))
		return -1;
	struct vault *v = vault_new(dir);
	if (!v)
		return error_set(e, E_FAIL, "Out of memory.");
	*vp = v;
	if (take_lock(dir, &v->lock_fd, e))
		return -1;
	return keyfile_load(dir, &v->kf, &v->info.used_key_backup, e);
}

int vault_open(const char *dir, const char *pass, size_t passlen, struct vault **out,
               struct error *e)
{
	struct vault *v = NULL;
	if (open_common(dir, out, &v, e) || keyfile_unwrap(&v->kf, pass, passlen, v->key, e) ||
	    finish_open(v, e)) {
		vault_close(v);
		return -1;
	}
	/* A damaged key file that was read from key.bak is mended now, and
	 * a key.bak that differs from key (a change of passphrase that
	 * failed half-way) is made its copy again. */
	struct error ignored;
	if (v->info.used_key_backup)
		keyfile_save(dir, &v->kf, &ignored);
	else
		keyfile_mend_backup(dir, &ignored);
	*out = v;
	return 0;
}

int vault_open_code(const char *dir, const char *code, struct vault **out, struct error *e)
{
	*out = NULL;
	if (store_init(e))
		return -1;
	struct vault *v = vault_new(dir);
	if (!v)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = -1;
	if (take_lock(dir, &v->lock_fd, e) || recovery_decode(code, v->key, e))
		goto out;
	struct error kerr;
	uint8_t id[VAULT_ID_BYTES];
	vault_id_of(v->key, id);
	if (keyfile_load(dir, &v->kf, &v->info.used_key_backup, &kerr) == 0) {
		if (memcmp(id, v->kf.vault_id, VAULT_ID_BYTES) != 0) {
			error_set(e, E_AUTH, "That recovery code belongs to a different vault. Nothing "
			                     "was changed.");
			goto out;
		}
	} else if (!file_exists(v->db_path)) {
		error_set(e, kerr.code, "%s", kerr.msg);
		goto out;
	} else {
		/* Both key files are gone: the code and the database are enough. */
		memset(&v->kf, 0, sizeof(v->kf));
		memcpy(v->kf.vault_id, id, VAULT_ID_BYTES);
	}
	if (finish_open(v, e)) {
		if (e->code == E_CORRUPT && !file_exists(v->db_path))
			e->code = E_FAIL;
		goto out;
	}
	*out = v;
	rc = 0;
out:
	if (rc)
		vault_close(v);
	return rc;
}

void vault_open_info(const struct vault *v, struct vault_check *out)
{
	*out = v->info;
}

int vault_set_passphrase(struct vault *v, const char *pass, size_t passlen, struct error *e)
{
	struct keyfile kf = v->kf;
	struct kdf_params kdf;
	kdf_params_default(&kdf, vault_fast_kdf_requested());
	vault_id_of(v->key, kf.vault_id);
	if (keyfile_wrap(&kf, &kdf, pass, passlen, v->key, e) || keyfile_save(v->dir, &kf, e))
		return -1;
	v->kf = kf;
	return 0;
}

/* ---- checking ------------------------------------------------------------ */

int vault_verify(struct vault *v, struct vault_check *out, struct error *e)
{
	*out = v->info;
	uint32_t bad, pages;
	int r = vfs_verify_file(v->db_path, 0, v->slot, &bad, &pages);
	if (r < 0)
		return error_errno(e, errno, "Cannot read %s", v->db_path);
	if (r > 0)
		return error_set(e, E_CORRUPT,
		                 bad == 1 ? "The vault was changed outside tend: its pages do not "
		                            "match the set they were written as (an old, moved or "
		                            "missing page). Bring back a backup with 'tend restore FILE'."
		                          : "The vault is damaged or was changed outside tend: page %u "
		                            "failed its check. Bring back a backup with 'tend restore "
		                            "FILE'.",
		                 bad);
	out->pages = pages;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(v->db, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(v->db, rc, e, "checking the vault");
	int ok = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (t && strcmp(t, "ok") == 0)
			ok = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(v->db, rc, e, "checking the vault");
	if (!ok)
		return error_set(e, E_CORRUPT, "The vault's pages are intact but its database "
		                               "structure is not. Bring back a backup with 'tend "
		                               "restore FILE'.");
	return 0;
}

/* ---- backup and restore -------------------------------------------------- */

/* A failed step's code and message are left on the destination (`to`),
 * whichever side failed; `from` holds no error then. */
static int copy_db(sqlite3 *to, sqlite3 *from, struct error *e)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b)
		return store_sql_error(to, sqlite3_errcode(to), e, "copying the vault");
	int rc = sqlite3_backup_step(b, -1);
	int rc2 = sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return store_sql_error(to, rc, e, "copying the vault");
	if (rc2 != SQLITE_OK)
		return store_sql_error(to, rc2, e, "copying the vault");
	return 0;
}


/* Writes the database behind `from` into path at byte offset `off`, under
 * key slot `slot`, with `header` (when not NULL) in the first off bytes. */
static int write_copy(sqlite3 *from, const char *path, long long off, const uint8_t *header,
                      int slot, struct error *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return error_errno(e, errno, "Cannot create %s", path);
	int bad = header && write_all(fd, header, (size_t)off) != 0;
	if (bad) {
		error_errno(e, errno, "Cannot write %s", path);
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	sqlite3 *to;
	int rc = db_open(path, slot, off, OPEN_COPY, &to, e);
	if (rc == 0) {
		rc = copy_db(to, from, e);
		int crc = sqlite3_close(to);
		if (!rc && crc != SQLITE_OK)
			rc = error_set(e, E_FAIL, "Cannot finish writing %s.", path);
	}
	if (rc == 0) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fsync(fd) != 0)
			rc = error_errno(e, errno, "Cannot write %s", path);
		if (fd >= 0)
			close(fd);
	}
	if (rc)
		unlink(path);
	return rc;
}

int vault_backup(struct vault *v, const char *file, struct error *e)
{
	if (file_exists(file))
		return error_set(e, E_FAIL, "%s already exists; choose a new name for the backup.",
		                 file);
	char *tmp = with_suffix(file, ".partial");
	if (!tmp)
		return error_set(e, E_FAIL, "Out of memory.");
	unlink(tmp);
	uint8_t header[BACKUP_HEADER] = {0};
	memcpy(header, backup_magic, sizeof(backup_magic));
	keyfile_encode(&v->kf, header + sizeof(backup_magic));
	int rc = write_copy(v->db, tmp, BACKUP_HEADER, header, v->slot, e);
	if (rc == 0 && rename_into_place(tmp, file) != 0)
		rc = error_errno(e, errno, "Cannot write %s", file);
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}

int backup_open(const char *file, const char *pass, size_t passlen, struct backup **out,
                struct error *e)
{
	*out = NULL;
	if (store_init(e))
		return -1;
	uint8_t header[BACKUP_HEADER];
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_errno(e, errno, "Cannot open %s", file);
	ssize_t got = read(fd, header, sizeof(header));
	close(fd);
	if (got != (ssize_t)sizeof(header) || memcmp(header, backup_magic, sizeof(backup_magic)))
		return error_set(e, E_CORRUPT, "%s is not a tend backup, or it is damaged.", file);
	struct backup *b = calloc(1, sizeof(*b));
	if (!b)
		return error_set(e, E_FAIL, "Out of memory.");
	b->slot = -1;
	b->key = secmem_alloc(VAULT_KEY_BYTES);
	int rc = -1;
	if (!b->key) {
		error_set(e, E_FAIL, "Out of memory.");
		goto out;
	}
	if (keyfile_decode(header + sizeof(backup_magic), KEYFILE_SIZE, &b->kf, e))
		goto out;
	if (keyfile_unwrap(&b->kf, pass, passlen, b->key, e)) {
		if (e->code == E_AUTH)
			error_set(e, E_AUTH, "That passphrase does not open this backup. Use the "
			                     "passphrase the vault had when the backup was made.");
		goto out;
	}
	uint8_t id[VAULT_ID_BYTES];
	vault_id_of(b->key, id);
	b->slot = vfs_slot_open(b->key, id);
	if (b->slot < 0) {
		error_set(e, E_FAIL, "Out of memory.");
		goto out;
	}
	uint32_t bad, pages;
	int vr = vfs_verify_file(file, BACKUP_HEADER, b->slot, &bad, &pages);
	if (vr != 0 || pages == 0) {
		error_set(e, E_CORRUPT, "The backup %s is damaged or was changed; nothing was "
		                        "restored.", file);
		goto out;
	}
	if (db_open(file, b->slot, BACKUP_HEADER, OPEN_READONLY, &b->db, e))
		goto out;
	rc = 0;
out:
	if (rc)
		backup_close(b);
	else
		*out = b;
	return rc;
}

void backup_close(struct backup *b)
{
	if (!b)
		return;
	if (b->db)
		sqlite3_close(b->db);
	if (b->slot >= 0)
		vfs_slot_close(b->slot);
	secmem_free(b->key);
	secmem_wipe(&b->kf, sizeof(b->kf));
	free(b);
}

int vault_restore_into(struct vault *v, struct backup *b, struct error *e)
{
	return copy_db(v->db, b->db, e);
}

/* Removes every file a vault is made of (a restore that failed). */
static void remove_vault_files(const char *dir)
{
	static const char *const names[] = {"key", "key.bak", DB_NAME, DB_NAME "-journal",
	                                    DB_NAME ".new"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = join(dir, names[i]);
		if (p)
			unlink(p);
		free(p);
	}
}

int vault_restore_new(const char *dir, struct backup *b, struct error *e)
{
	if (store_init(e) || mkdir_p(dir, e))
		return -1;
	struct vault *v = vault_new(dir);
	if (!v)
		return error_set(e, E_FAIL, "Out of memory.");
	char *next = with_suffix(v->db_path, ".new");
	int rc = -1;
	bool made = false;
	if (!next) {
		error_set(e, E_FAIL, "Out of memory.");
		goto out;
	}
	if (take_lock(dir, &v->lock_fd, e))
		goto out;
	if (keyfile_exists(dir) || file_exists(v->db_path)) {
		error_set(e, E_FAIL, "%s already holds a vault; open it and restore into it instead.",
		          dir);
		goto out;
	}
	/* The database first, where a re-key writes it (tend.db.new, which
	 * the first open moves into place once a key file names its key),
	 * then the key file, which makes it a vault. A copy left by a restore
	 * that was killed before its key file is of no use: no key names it. */
	made = true;
	unlink(next);
	uint32_t bad, pages;
	if (write_copy(b->db, next, 0, NULL, b->slot, e))
		goto out;
	if (vfs_verify_file(next, 0, b->slot, &bad, &pages) != 0 || pages == 0) {
		error_set(e, E_FAIL, "The restored copy did not check out; nothing was restored.");
		goto out;
	}
	memcpy(v->key, b->key, VAULT_KEY_BYTES);
	v->kf = b->kf;
	if (keyfile_save(dir, &v->kf, e) || finish_open(v, e))
		goto out;
	rc = 0;
out:
	if (rc && made) {
		/* Nothing was here before: take away what was made. */
		if (v->db)
			sqlite3_close(v->db);
		v->db = NULL;
		remove_vault_files(dir);
	}
	free(next);
	vault_close(v);
	return rc;
}

/* ---- re-keying and destroying ------------------------------------------- */

int vault_rekey(struct vault *v, const char *pass, size_t passlen, char code[VAULT_CODE_MAX],
                struct error *e)
{
	uint8_t *key = secmem_alloc(VAULT_KEY_BYTES);
	char *next = with_suffix(v->db_path, ".new");
	int slot = -1, rc = -1;
	if (!key || !next) {
		error_set(e, E_FAIL, "Out of memory.");
		goto out;
	}
	crypto_random(key, VAULT_KEY_BYTES);
	struct keyfile kf = v->kf;
	vault_id_of(key, kf.vault_id);
	slot = vfs_slot_open(key, kf.vault_id);
	if (slot < 0) {
		error_set(e, E_FAIL, "Out of memory.");
		goto out;
	}
	struct kdf_params kdf;
	kdf_params_default(&kdf, vault_fast_kdf_requested());
	if (keyfile_wrap(&kf, &kdf, pass, passlen, key, e))
		goto out;
	unlink(next);
	if (write_copy(v->db, next, 0, NULL, slot, e))
		goto out;
	uint32_t bad, pages;
	if (vfs_verify_file(next, 0, slot, &bad, &pages) != 0) {
		unlink(next);
		error_set(e, E_FAIL, "The re-keyed copy did not check out; nothing was changed.");
		goto out;
	}
	/* The commit point: once the key file names the new key, the new
	 * database is the vault (finish_rekey completes it after a crash). */
	uint8_t raw[KEYFILE_SIZE];
	keyfile_encode(&kf, raw);
	char *keypath = join(v->dir, "key");
	int wrc = keypath ? atomic_write(keypath, raw, sizeof(raw), 0600, e)
	                  : error_set(e, E_FAIL, "Out of memory.");
	free(keypath);
	if (wrc) {
		unlink(next);
		goto out;
	}
	/* From here the re-key has happened: the old recovery code no longer
	 * opens the vault, so the new one is given out even when a step below
	 * fails (the next open finishes them: finish_rekey, and
	 * keyfile_mend_backup for key.bak). */
	sqlite3_close(v->db);
	v->db = NULL;
	vfs_slot_close(v->slot);
	v->slot = slot;
	slot = -1;
	memcpy(v->key, key, VAULT_KEY_BYTES);
	v->kf = kf;
	recovery_encode(v->key, code);
	rc = 0;
	struct error late;
	if (finish_rekey(v, &late) || keyfile_save(v->dir, &v->kf, &late) ||
	    db_open(v->db_path, v->slot, 0, OPEN_VAULT, &v->db, &late)) {
		error_set(e, late.code, "The vault has its new key, but the re-key's last step failed "
		                        "(%s). tend finishes it the next time it opens the vault.",
		          late.msg);
		rc = 1;
	}
out:
	if (slot >= 0)
		vfs_slot_close(slot);
	secmem_free(key);
	free(next);
	return rc;
}

int vault_destroy(const char *dir, struct error *e)
{
	int fd;
	if (store_init(e) || take_lock(dir, &fd, e))
		return -1;
	int rc = keyfile_shred(dir, e);
	if (rc == 0) {
		static const char *const names[] = {DB_NAME, DB_NAME "-journal", DB_NAME ".new"};
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			char *p = join(dir, names[i]);
			if (p && unlink(p) != 0 && errno != ENOENT && !rc)
				rc = error_errno(e, errno, "Cannot remove %s", p);
			free(p);
		}
		char *lock = join(dir, "lock");
		if (lock)
			unlink(lock);
		free(lock);
	}
	close(fd);
	return rc;
}
