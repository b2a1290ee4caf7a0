/* vault.c: opening, creating, re-keying, backing up and destroying the
 * encrypted vault. The encryption itself is in vfs.c. */
#include "store/vault.h"

#include <dirent.h>
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
#include "store/safety.h"
#include "store/sync.h"
#include "store/vfs.h"
#include "store_int.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"
#include "util/testhook.h"

#define DB_NAME "tend.db"
/* How long a tend waits for another one before it says the vault is busy
 * (exit 5): long enough for a save or a check-in elsewhere to finish. */
#define BUSY_WAIT_MS 3000
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
	int copy_slot; /* the key slot of a copy attached for a merge, or -1 */
	sqlite3_stmt *data_version; /* made at its first use, freed with db */
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
		return error_set(e, E_BUSY,
		                 "Another tend is changing the vault and did not finish within a few "
		                 "seconds, so nothing was saved here (while %s). Try again in a moment.",
		                 doing);
	if (prim == SQLITE_FULL || (prim == SQLITE_IOERR && db && sqlite3_system_errno(db) == ENOSPC))
		return error_set(e, E_FAIL,
		                 "The disk is full, so nothing was saved (while %s). Free some space "
		                 "and try again; what was saved before is safe.",
		                 doing);
	if (prim == SQLITE_READONLY && vault_db_held_older(db))
		return error_set(e, E_FAIL,
		                 "This vault is older than the one this computer last opened, so "
		                 "tend opened it read-only and saved nothing (while %s). If you "
		                 "brought back this copy on purpose, run 'tend accept-older' to "
		                 "write to it again; otherwise find the newer copy first.",
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

/* file:PATH?vfs=tend&tendkey=N[&tendoffset=B][&immutable=1], with PATH
 * percent-encoded. */
static char *db_uri(const char *path, int slot, long long off, bool immutable)
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
	if (!bad && immutable)
		bad = buf_puts(&b, "&immutable=1");
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

enum open_mode { OPEN_VAULT, OPEN_COPY, OPEN_READONLY };

/* Every page genuine, but not the set page 1 was sealed with. In a synced
 * folder the likely cause is a copy taken while another computer's tend
 * was writing; the sync tool brings the rest once that change is done. */
static const char set_mismatch_msg[] =
	"The vault's pages are each genuine but do not belong together, so it was not "
	"opened and nothing was changed. If a sync tool (Syncthing, Dropbox, Nextcloud) "
	"keeps this folder in step, it may have copied tend.db while another computer's "
	"tend was writing: let the sync finish and open tend again. If nothing syncs this "
	"folder, an old page was put back or the file was changed outside tend: "
	"'tend verify' tells more, and 'tend restore FILE' brings back a backup.";

/* The first reads of a vault meet any damage: say which kind. */
static int open_error(sqlite3 *db, int slot, int rc, struct error *e)
{
	struct vfs_stats vs;
	vfs_slot_stats(slot, &vs);
	if (vs.journal_stale)
		return error_set(e, E_CORRUPT,
		                 "The vault's crash journal (tend.db-journal) is a genuine one, but from "
		                 "an earlier change, not the one the vault was making: a sync tool or a "
		                 "copy may have put it back. tend did not play it back, and nothing was "
		                 "changed. Move tend.db-journal out of the vault folder (keep it) and "
		                 "open tend again; if the vault is then reported damaged, bring back a "
		                 "backup with 'tend restore FILE'.");
	if (vs.journal_failures)
		return error_set(e, E_CORRUPT,
		                 "The vault's crash journal (tend.db-journal) is damaged or was changed, "
		                 "so the interrupted change cannot be undone safely. Nothing was changed. "
		                 "Bring back a backup with 'tend restore FILE', or keep a copy of the "
		                 "folder and ask for help.");
	if (vs.set_mismatches)
		return error_set(e, E_CORRUPT, "%s", set_mismatch_msg);
	return store_sql_error(db, vs.page_failures ? SQLITE_CORRUPT : rc, e, "opening the vault");
}

static int db_open(const char *path, int slot, long long off, enum open_mode mode, sqlite3 **out,
                   struct error *e)
{
	*out = NULL;
	/* A backup is only read, and nothing may change it while it is: as
	 * immutable, SQLite takes no lock and never looks for a FILE-journal
	 * beside it, so a stray one (garbage, or a journal from elsewhere) is
	 * neither needed nor played into the backup. */
	char *uri = db_uri(path, slot, off, mode == OPEN_READONLY);
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
	/* Each change holds the database for itself alone; another tend
	 * waiting for it waits this long before it gives up (exit 5). */
	sqlite3_busy_timeout(db, BUSY_WAIT_MS);
	const char *pragmas =
	    mode == OPEN_COPY ? "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=OFF;"
	                        "PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;"
	                      : "PRAGMA journal_mode=TRUNCATE;"
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
	return testhook_fast_kdf();
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


/* ---- the per-device mark against rollback -------------------------------
 *
 * Per-page checks cannot tell a whole vault put back from an older copy (a
 * sync tool's history, an old disk image) from the real one: every page of
 * it is genuine. So each computer keeps, outside the vault folder, the
 * highest change counter it has seen for each vault id, under a MAC made
 * with a key derived from the vault key (so the mark cannot be forged or
 * moved to another vault). A vault older than its mark opens read-only
 * until the person says it is the copy they want. */

static const char mark_label[] = "tend seen mark";
#define MARK_HELD_MAX 8
static sqlite3 *held_older[MARK_HELD_MAX];

bool vault_db_held_older(sqlite3 *db)
{
	for (int i = 0; db && i < MARK_HELD_MAX; i++)
		if (held_older[i] == db)
			return true;
	return false;
}

static void hold_older(sqlite3 *db, bool on)
{
	for (int i = 0; i < MARK_HELD_MAX; i++) {
		if (on && !held_older[i]) {
			held_older[i] = db;
			return;
		}
		if (!on && held_older[i] == db)
			held_older[i] = NULL;
	}
}

static char *mark_path(const struct vault *v)
{
	char *dir = path_state_dir();
	char name[5 + 2 * VAULT_ID_BYTES + 1] = "seen-";
	for (int i = 0; i < VAULT_ID_BYTES; i++)
		snprintf(name + 5 + 2 * i, 3, "%02x", v->kf.vault_id[i]);
	char *p = dir ? path_join(dir, name) : NULL;
	free(dir);
	return p;
}

static void mark_mac(const struct vault *v, uint64_t counter, char hex[2 * PAGE_MAC_BYTES + 1])
{
	uint8_t enc[PAGE_KEY_BYTES], mac[PAGE_KEY_BYTES], out[PAGE_MAC_BYTES];
	uint8_t msg[sizeof(mark_label) + VAULT_ID_BYTES + 8];
	page_keys_derive(v->key, enc, mac);
	memcpy(msg, mark_label, sizeof(mark_label));
	memcpy(msg + sizeof(mark_label), v->kf.vault_id, VAULT_ID_BYTES);
	for (int i = 0; i < 8; i++)
		msg[sizeof(mark_label) + VAULT_ID_BYTES + i] = (uint8_t)(counter >> (56 - 8 * i));
	page_mac_bytes(mac, msg, sizeof(msg), out);
	for (int i = 0; i < PAGE_MAC_BYTES; i++)
		snprintf(hex + 2 * i, 3, "%02x", out[i]);
	secmem_wipe(enc, sizeof(enc));
	secmem_wipe(mac, sizeof(mac));
}

/* The counter this computer last saw for v: 0 and false when there is no
 * mark, or one that does not check out (it is then written anew). */
static bool mark_read(const struct vault *v, uint64_t *out)
{
	*out = 0;
	char *p = mark_path(v);
	FILE *f = p ? fopen(p, "re") : NULL;
	free(p);
	if (!f)
		return false;
	char line[200], want[2 * PAGE_MAC_BYTES + 1], got[2 * PAGE_MAC_BYTES + 1];
	unsigned long long c;
	bool ok = fgets(line, sizeof(line), f) &&
	          sscanf(line, "tend-seen 1 %llu %64s", &c, got) == 2;
	fclose(f);
	if (!ok)
		return false;
	mark_mac(v, c, want);
	if (strcmp(want, got) != 0)
		return false;
	*out = c;
	return true;
}

/* Best effort: a mark that cannot be written only loses this check. */
static void mark_write(const struct vault *v, uint64_t counter)
{
	char *dir = path_state_dir(), *p = mark_path(v);
	struct error e;
	if (dir && p && mkdir_p(dir, &e) == 0) {
		char hex[2 * PAGE_MAC_BYTES + 1], line[200];
		mark_mac(v, counter, hex);
		int n = snprintf(line, sizeof(line), "tend-seen 1 %llu %s\n",
		                 (unsigned long long)counter, hex);
		atomic_write(p, line, (size_t)n, 0600, &e);
	}
	free(dir);
	free(p);
}

static uint64_t vault_counter(const struct vault *v)
{
	struct vfs_stats vs;
	vfs_slot_stats(v->slot, &vs);
	return vs.counter;
}

/* At open: compare with the mark; hold an older vault read-only. */
static int mark_check(struct vault *v, struct error *e)
{
	uint64_t seen, now = vault_counter(v);
	bool have = mark_read(v, &seen);
	/* Another tend may have saved (and moved the mark) between this open's
	 * first read and reading the mark: look at the vault once more, after
	 * the mark, before calling it older. */
	if (have && seen > now) {
		sqlite3_exec(v->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
		now = vault_counter(v);
	}
	v->info.counter = now;
	v->info.seen = seen;
	/* A database with no change yet (being made, or brought back from a
	 * backup into a new folder) is new, not older. */
	if (have && seen > now && now > 0) {
		if (store_exec(v->db, "PRAGMA query_only=1", e))
			return -1;
		v->info.older = true;
		hold_older(v->db, true);
		return 0;
	}
	if (!have || now > seen)
		mark_write(v, now);
	return 0;
}

/* Before a deliberate step back in time (a backup brought back). */
static void mark_forget(const struct vault *v)
{
	char *p = mark_path(v);
	if (p)
		unlink(p);
	free(p);
}

/* At close: the mark follows what this process wrote (never back). */
static void mark_update(const struct vault *v)
{
	uint64_t seen, now = vault_counter(v);
	if (v->info.older || v->slot < 0)
		return;
	if (!mark_read(v, &seen) || now > seen)
		mark_write(v, now);
}

int vault_accept_older(struct vault *v, struct error *e)
{
	if (!v->info.older)
		return 0;
	if (store_exec(v->db, "PRAGMA query_only=0", e))
		return -1;
	hold_older(v->db, false);
	v->info.older = false;
	v->info.seen = vault_counter(v);
	mark_write(v, v->info.seen);
	return 0;
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

/* The vault's files are the person's alone: any found looser than 0600
 * (copied in with another mode, chmodded, or SQLite's journal taking the
 * mode of a loosened tend.db) is set back to 0600 while the lock is held.
 * The folder is left as it is: it may be shared on purpose, so opening
 * only tells about it (vault_folder_shared). A file this account does
 * not own keeps its mode. */
static void tighten_modes(const char *dir, int lock_fd)
{
	static const char *const names[] = {"key", "key.bak", DB_NAME, DB_NAME "-journal",
	                                    DB_NAME ".new"};
	struct stat st;
	if (fstat(lock_fd, &st) == 0 && (st.st_mode & 077))
		(void)fchmod(lock_fd, 0600);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = join(dir, names[i]);
		if (p && lstat(p, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077))
			(void)chmod(p, 0600);
		free(p);
	}
}


static int flock_wait(int fd, int op)
{
	for (int waited = 0;; waited += 25) {
		if (flock(fd, op | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK || waited >= BUSY_WAIT_MS)
			return -1;
		usleep(25000);
	}
}

static int busy_error(struct error *e)
{
	return error_set(e, E_BUSY,
	                 "The vault is open in another tend (another window or a script), and "
	                 "this needs tend to be the only one. Close it there first.");
}

/* The folder lock: shared while a tend has the vault open (several may,
 * SQLite's own locks keep their changes apart, each held for one change),
 * sole for what replaces the vault's files (making, re-keying, bringing
 * back into a new folder, destroying). */
static int take_lock(const char *dir, bool sole, int *fd_out, struct error *e)
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
	if (flock_wait(fd, sole ? LOCK_EX : LOCK_SH) != 0) {
		int err = errno;
		close(fd);
		if (err == EWOULDBLOCK)
			return busy_error(e);
		return error_errno(e, err, "Cannot lock the vault folder %s", dir);
	}
	tighten_modes(dir, fd);
	/* A key file write killed before its rename leaves a temporary file;
	 * only a holder of the lock writes key files, so none is in use. */
	keyfile_clean_tmp(dir);
	*fd_out = fd;
	return 0;
}

/* Becomes the only tend with the vault open, waiting a little for others. */
static int lock_sole(struct vault *v, struct error *e)
{
	if (flock_wait(v->lock_fd, LOCK_EX) == 0)
		return 0;
	return errno == EWOULDBLOCK ? busy_error(e)
	                            : error_errno(e, errno, "Cannot lock the vault folder %s", v->dir);
}

static struct vault *vault_new(const char *dir)
{
	struct vault *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	v->lock_fd = -1;
	v->slot = -1;
	v->copy_slot = -1;
	v->dir = strdup(dir);
	v->db_path = join(dir, DB_NAME);
	v->key = secmem_alloc(VAULT_KEY_BYTES);
	if (!v->dir || !v->db_path || !v->key) {
		vault_close(v);
		return NULL;
	}
	return v;
}

/* Closes the database (statements kept for it first: SQLite does not
 * close a database with statements left). */
static void close_db(struct vault *v)
{
	sqlite3_finalize(v->data_version);
	v->data_version = NULL;
	sqlite3_close(v->db);
	v->db = NULL;
}

void vault_close(struct vault *v)
{
	if (!v)
		return;
	if (v->db) {
		if (v->slot >= 0)
			mark_update(v);
		hold_older(v->db, false);
		close_db(v);
	}
	if (v->copy_slot >= 0)
		vfs_slot_close(v->copy_slot);
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

long long vault_data_version(struct vault *v)
{
	if (!v || !v->db)
		return -1;
	if (!v->data_version &&
	    sqlite3_prepare_v3(v->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
	                       &v->data_version, NULL) != SQLITE_OK)
		return -1;
	long long n = -1;
	if (sqlite3_step(v->data_version) == SQLITE_ROW)
		n = sqlite3_column_int64(v->data_version, 0);
	sqlite3_reset(v->data_version);
	return n;
}

const char *vault_folder(const struct vault *v)
{
	return v->dir;
}

bool vault_folder_shared(const struct vault *v, unsigned *mode)
{
	struct stat st;
	if (stat(v->dir, &st) != 0)
		return false;
	*mode = (unsigned)(st.st_mode & 07777);
	return (st.st_mode & 066) != 0;
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

/* True when the file at path is a whole database under the key in slot. */
static bool db_opens_with(const char *path, int slot)
{
	uint32_t bad, pages;
	return vfs_verify_file(path, 0, slot, &bad, &pages) == 0 && pages > 0;
}

/* 1 when copy (key, or key.bak when backup) is intact and names the key
 * with this id, 0 when it is intact and names another, -1 otherwise. */
static int key_copy_names(const char *dir, bool backup, const uint8_t id[VAULT_ID_BYTES])
{
	struct keyfile kf;
	struct error ignored;
	if (keyfile_load_copy(dir, backup, &kf, &ignored))
		return -1;
	int same = memcmp(kf.vault_id, id, VAULT_ID_BYTES) == 0;
	secmem_wipe(&kf, sizeof(kf));
	return same;
}

/* The steps after vault_rekey's commit point, also taken by finish_rekey:
 * key.bak becomes a copy of key (when key is whole, names v's key and
 * key.bak does not), then the database under v's key at next replaces
 * tend.db. Each step is synced, file and folder, before the next. */
static int rekey_complete(struct vault *v, const char *next, struct error *e)
{
	if (key_copy_names(v->dir, false, v->kf.vault_id) == 1 &&
	    key_copy_names(v->dir, true, v->kf.vault_id) != 1 &&
	    keyfile_save_backup(v->dir, &v->kf, e))
		return -1;
	if (rename(next, v->db_path) != 0)
		return error_errno(e, errno, "Cannot put the re-keyed database in place");
	return fsync_dir_of(v->db_path, e);
}

/* Puts right, at open, a re-key (vault_rekey) that was stopped. Its
 * steps, each synced (file and folder) before the next:
 *   1. tend.db.new: the database copied under the new key, and checked;
 *   2. key: the new key file put in place (written aside, then renamed).
 *      The commit point: from here on the new key is the vault's;
 *   3. key.bak: a copy of key;
 *   4. tend.db.new renamed over tend.db.
 * tend.db.new always holds the same entries as tend.db: the vault stays
 * locked from step 1 to the end. K is the key that opened the vault, from
 * key or, when key is damaged ("bad"), from key.bak. First the temporary
 * files of a key file write cut short are removed; then:
 *
 *   key  key.bak tend.db tend.db.new  left by               here
 *   old  old     old     none         no re-key, or done    nothing to do
 *   old  old     old     partial/new  a kill in 1 or 2      .new removed: undone (a)
 *   new  old     old     new          a kill in 3           3 and 4: finished
 *   new  new     old     new          a kill in 4           4: finished
 *   new  new     new     none         done                  nothing to do
 *   new  old     new     none         an older tend, which  key.bak from key:
 *                                     did 4 before 3        finished (b)
 *   bad  old     old     none         damage, no re-key     K is the old key: opens
 *   bad  old     old     partial/new  a kill in 1, 2 or 3   .new kept: undone (c)
 *   bad  new     old     new          a kill in 4           4: finished
 *   bad  new     new     none         damage after it       opens (vault_open
 *                                                           rewrites key)
 *   bad  old     new     none         an older tend         refused (d)
 * What no kill leaves on a disk that keeps what it synced, and is met
 * all the same:
 *   new  any     old     none/partial the copy was lost     refused (d)
 *   bad  old     new     partial/new  the same              refused (d)
 *   new  any     new     partial      a second re-key       as a kill in 1: undone
 *   any  any     any     new under K  -                     4: finished
 *   old  new     old     any          key.bak before key    as the rows with key.bak
 *                                                           old; then as (b)
 *   bad  new     old     none/partial key.bak after key     refused (d)
 *   any  any     none    not under K  a vault being made     left alone
 *                                     (init, restore) where
 *                                     one was removed by hand
 *
 * (a) Only when tend.db opens with K and K came from key itself: tend.db
 *     is then the vault, and tend.db.new a copy under a key that never
 *     took over (or never will: it was never whole).
 * (b) Only when tend.db opens with K (key.bak may be the only key that
 *     opens an older tend.db). Told as finished: the recovery code changed.
 * (c) The damaged key may have named tend.db.new's key, so the file is not
 *     removed; tend.db opens with K and holds the same entries, so the
 *     vault goes on under its old key and code. Once vault_open has
 *     rewritten key from key.bak, the next open removes it as in (a).
 * (d) Neither file opens with K: E_CORRUPT, and nothing is changed or
 *     removed. */
static int finish_rekey(struct vault *v, struct error *e)
{
	keyfile_clean_tmp(v->dir);
	char *next = with_suffix(v->db_path, ".new");
	if (!next)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = 0;
	bool db_ok = false; /* tend.db is known to open with K */
	if (file_exists(next)) {
		if (db_opens_with(next, v->slot)) {
			rc = rekey_complete(v, next, e);
			v->info.rekey_finished = rc == 0;
			db_ok = true;
		} else if (!file_exists(v->db_path)) {
			/* No database yet (a vault being made or restored into
			 * this folder): not a re-key of this vault. Left alone. */
		} else if (!db_opens_with(v->db_path, v->slot)) {
			rc = error_set(e, E_CORRUPT,
			               "A re-key was interrupted, and neither the vault's database "
			               "(tend.db) nor its re-keyed copy (tend.db.new) opens with this "
			               "key. Nothing was changed or removed. Keep a copy of the folder "
			               "%s, and bring back a backup with 'tend restore FILE' or ask "
			               "for help.",
			               v->dir);
		} else {
			db_ok = true;
			if (!v->info.used_key_backup)
				unlink(next);
			v->info.rekey_undone = true;
		}
	}
	/* key.bak naming another key than key: (b), or the row with key.bak
	 * written before key. */
	if (rc == 0 && !v->info.used_key_backup &&
	    key_copy_names(v->dir, false, v->kf.vault_id) == 1 &&
	    key_copy_names(v->dir, true, v->kf.vault_id) == 0 &&
	    (db_ok || db_opens_with(v->db_path, v->slot))) {
		rc = keyfile_save_backup(v->dir, &v->kf, e);
		if (rc == 0 && !v->info.rekey_undone)
			v->info.rekey_finished = true;
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
	if (db_open(v->db_path, v->slot, 0, OPEN_VAULT, &v->db, e))
		return -1;
	/* A crash journal played back as the vault opened (not one another
	 * tend is writing at this moment: SQLite leaves that one alone). */
	struct vfs_stats vs;
	vfs_slot_stats(v->slot, &vs);
	v->info.recovered = vs.journals_played > 0;
	if (vs.journal_failures)
		return error_set(e, E_CORRUPT,
		                 "The vault's crash journal was damaged or changed, so the last "
		                 "interrupted change could not be fully undone. Run 'tend verify'; if "
		                 "it reports damage, bring back a backup with 'tend restore FILE'.");
	/* Before any layout update writes: an older vault stays as it is. */
	if (mark_check(v, e))
		return -1;
	return store_sync_functions(v->db, e) || migrate(v->db, e) ? -1 : 0;
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
	if (take_lock(dir, true, &v->lock_fd, e))
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
	tighten_modes(dir, v->lock_fd); /* what SQLite made, whatever the umask */
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
	return take_lock(dir, false, &v->lock_fd, e);
}

int vault_open(const char *dir, const char *pass, size_t passlen, struct vault **out,
               struct error *e)
{
	struct vault *v = NULL;
	if (open_common(dir, out, &v, e) ||
	    keyfile_unlock(dir, pass, passlen, &v->kf, v->key, &v->info.used_key_backup, e) ||
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
	if (take_lock(dir, false, &v->lock_fd, e) || recovery_decode(code, v->key, e))
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

/* ---- another copy of the vault ------------------------------------------- */

int vault_attach_copy(struct vault *v, const char *file, const char *as, struct error *e)
{
	if (v->copy_slot >= 0)
		return error_set(e, E_FAIL, "A copy is attached already.");
	struct stat a, b;
	if (stat(file, &a) != 0)
		return error_errno(e, errno, "Cannot read %s", file);
	if (!S_ISREG(a.st_mode))
		return error_set(e, E_FAIL, "%s is not a file. Give the path of the other copy's "
		                            "tend.db.", file);
	if (stat(v->db_path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return error_set(e, E_FAIL, "%s is this vault's own database; give the other copy's "
		                            "file.", file);
	/* The copy is read with this vault's key in a slot of its own, so
	 * what the VFS notes about it stays apart from the vault's. */
	uint8_t id[VAULT_ID_BYTES];
	vault_id_of(v->key, id);
	int slot = vfs_slot_open(v->key, id);
	if (slot < 0)
		return error_set(e, E_FAIL, "Out of memory.");
	uint32_t bad = 0, pages = 0;
	int r = vfs_verify_file(file, 0, slot, &bad, &pages);
	if (r != 0 || pages == 0) {
		if (r < 0) {
			vfs_slot_close(slot);
			return error_errno(e, errno, "Cannot read %s", file);
		}
		/* Page 1 of another vault does not open with this key; a copy
		 * caught between two saves has a page 1 that opens, and pages
		 * that do not make its set. */
		int own = pages < 2 ? 0 : vfs_page1_opens(file, 0, slot), err = errno;
		vfs_slot_close(slot);
		if (own < 0)
			return error_errno(e, err, "Cannot read %s", file);
		if (!own)
			return error_set(e, E_CORRUPT,
			                 "%s is not a copy of this vault (another vault, or not a tend "
			                 "vault at all), or it is damaged at its start. Nothing was "
			                 "changed.",
			                 file);
		return error_set(e, E_CORRUPT,
		                 "%s was caught mid-write, or is damaged: its pages do not make one "
		                 "set (a sync tool may have copied it while tend was saving). Nothing "
		                 "was changed; let the sync tool finish bringing the rest, then try "
		                 "again.",
		                 file);
	}
	char *uri = db_uri(file, slot, 0, true);
	sqlite3_stmt *st = NULL;
	char sql[64];
	snprintf(sql, sizeof(sql), "ATTACH ?1 AS %s", as);
	int rc = uri ? sqlite3_prepare_v2(v->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, uri, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	free(uri);
	if (rc == SQLITE_OK) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s.sqlite_schema", as);
		rc = sqlite3_exec(v->db, sql, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			vault_detach_copy(v, as);
	}
	if (rc != SQLITE_OK) {
		vfs_slot_close(slot);
		return error_set(e, E_CORRUPT, "%s could not be read as a copy of this vault (%s). "
		                               "Nothing was changed.",
		                 file, sqlite3_errstr(rc));
	}
	v->copy_slot = slot;
	return 0;
}

int vault_put_away_copy(struct vault *v, const char *file, struct error *e)
{
	const char *slash = strrchr(file, '/');
	const char *name = slash ? slash + 1 : file;
	struct vault_check c;
	if (vault_verify(v, &c, e))
		return -1;
	char *dir = join(v->dir, "merged");
	char *to = dir ? path_join(dir, name) : NULL;
	int rc = 0;
	if (!to)
		rc = error_set(e, E_FAIL, "Out of memory.");
	else if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		rc = error_errno(e, errno, "Cannot make %s", dir);
	else if (rename(file, to) != 0)
		rc = error_errno(e, errno, "Cannot move %s into %s", name, dir);
	free(dir);
	free(to);
	return rc;
}

bool vault_copy_covers_mark(struct vault *v)
{
	if (!v->info.older || v->copy_slot < 0)
		return false;
	struct vfs_stats vs;
	vfs_slot_stats(v->copy_slot, &vs);
	return vs.counter >= v->info.seen;
}

void vault_detach_copy(struct vault *v, const char *as)
{
	char sql[64];
	snprintf(sql, sizeof(sql), "DETACH %s", as);
	sqlite3_exec(v->db, sql, NULL, NULL, NULL);
	if (v->copy_slot >= 0)
		vfs_slot_close(v->copy_slot);
	v->copy_slot = -1;
}

/* ---- conflict copies ------------------------------------------------------- */

/* The part of name between base and ext is one a sync tool adds. */
static bool conflict_middle(const char *name, const char *base, const char *ext)
{
	size_t nb = strlen(base), ne = strlen(ext), n = strlen(name);
	if (n <= nb + ne || strncmp(name, base, nb) != 0 || strcmp(name + n - ne, ext) != 0)
		return false;
	const char *mid = name + nb;
	size_t nm = n - nb - ne;
	if (nm > 200)
		return false;
	char m[201];
	memcpy(m, mid, nm);
	m[nm] = '\0';
	if (strncmp(m, ".sync-conflict-", 15) == 0) /* Syncthing */
		return true;
	if (strncmp(m, ".Conflict", 9) == 0) /* Resilio: .Conflict, .Conflict1 */
		return true;
	if (m[0] == ' ' && m[1] == '(' && m[nm - 1] == ')' && strstr(m, "conflicted copy"))
		return true; /* Dropbox, Nextcloud, ownCloud */
	if (m[0] == '-' && nm > 1) { /* OneDrive: -HOSTNAME */
		for (size_t i = 1; i < nm; i++)
			if (!((m[i] >= 'a' && m[i] <= 'z') || (m[i] >= 'A' && m[i] <= 'Z') ||
			      (m[i] >= '0' && m[i] <= '9') || m[i] == '-' || m[i] == '_'))
				return false;
		return true;
	}
	return false;
}

enum conflict_kind vault_conflict_kind(const char *name)
{
	if (conflict_middle(name, "tend", ".db"))
		return CONFLICT_DB;
	if (conflict_middle(name, "key", "") && !strstr(name, ".tmp-"))
		return CONFLICT_KEY;
	return CONFLICT_NONE;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does the key file at path wrap this vault's key? Its vault id says so
 * without a passphrase (the id is a digest of the key). */
static bool same_key(const struct vault *v, const char *path)
{
	struct buf b = BUF_INIT;
	int missing = 0;
	struct error e;
	struct keyfile kf;
	bool same = read_file(path, 4096, &b, &missing, &e) == 0 &&
	            keyfile_decode((const uint8_t *)b.data, b.len, &kf, &e) == 0 &&
	            memcmp(kf.vault_id, v->kf.vault_id, VAULT_ID_BYTES) == 0;
	buf_free(&b);
	return same;
}

int vault_conflicts(const struct vault *v, struct vault_conflicts *out, struct error *e)
{
	memset(out, 0, sizeof(*out));
	DIR *d = opendir(v->dir);
	if (!d)
		return error_errno(e, errno, "Cannot read the folder %s", v->dir);
	size_t capd = 0, capk = 0;
	int rc = 0;
	for (struct dirent *de; rc == 0 && (de = readdir(d)) != NULL;) {
		enum conflict_kind k = vault_conflict_kind(de->d_name);
		if (k == CONFLICT_NONE)
			continue;
		char *p = join(v->dir, de->d_name);
		if (!p || !file_exists(p)) {
			free(p);
			rc = p ? 0 : -1;
			continue;
		}
		if (k == CONFLICT_KEY && same_key(v, p)) {
			free(p);
			continue;
		}
		char ***arr = k == CONFLICT_DB ? &out->db : &out->key;
		size_t *n = k == CONFLICT_DB ? &out->ndb : &out->nkey;
		size_t *cap = k == CONFLICT_DB ? &capd : &capk;
		if (store_grow((void **)arr, cap, *n, sizeof(char *))) {
			free(p);
			rc = -1;
			continue;
		}
		(*arr)[(*n)++] = p;
	}
	closedir(d);
	if (rc) {
		vault_conflicts_free(out);
		return error_set(e, E_FAIL, "Out of memory.");
	}
	if (out->ndb)
		qsort(out->db, out->ndb, sizeof(char *), by_name);
	if (out->nkey)
		qsort(out->key, out->nkey, sizeof(char *), by_name);
	return 0;
}

void vault_conflicts_free(struct vault_conflicts *c)
{
	for (size_t i = 0; i < c->ndb; i++)
		free(c->db[i]);
	for (size_t i = 0; i < c->nkey; i++)
		free(c->key[i]);
	free(c->db);
	free(c->key);
	memset(c, 0, sizeof(*c));
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
		                 bad == 1 ? "The vault's pages do not match the set they were "
		                            "written as (an old, moved or missing page). If a sync "
		                            "tool keeps this folder in step, it may have copied "
		                            "tend.db while another computer's tend was writing: let "
		                            "the sync finish and check again. Otherwise bring back "
		                            "a backup with 'tend restore FILE'."
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
	if (path_refuse_inside(v->dir, file, "the backup",
	                       "it could overwrite the vault's own files, and it would be lost "
	                       "with the folder.",
	                       e))
		return -1;
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
	struct error ke;
	if (keyfile_decode(header + sizeof(backup_magic), KEYFILE_SIZE, &b->kf, &ke)) {
		if (ke.code == E_CORRUPT)
			error_set(e, E_CORRUPT, "The backup %s is damaged or was not made by tend; "
			                        "nothing was restored. %s",
			          file, ke.msg);
		else
			error_set(e, ke.code, "%s", ke.msg);
		goto out;
	}
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
	if (take_lock(dir, true, &v->lock_fd, e))
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
	/* Bringing back a backup goes back in time on purpose: this
	 * computer's mark of the vault starts again from the copy. */
	mark_forget(v);
	if (keyfile_save(dir, &v->kf, e) || finish_open(v, e))
		goto out;
	tighten_modes(dir, v->lock_fd); /* what SQLite made, whatever the umask */
	mark_write(v, vault_counter(v));
	rc = 0;
out:
	if (rc && made) {
		/* Nothing was here before: take away what was made. */
		if (v->db)
			close_db(v);
		remove_vault_files(dir);
	}
	free(next);
	vault_close(v);
	return rc;
}

/* ---- re-keying and destroying ------------------------------------------- */

/* The reason in e's message: what follows its last ": " (the system's
 * words, as error_errno puts them), or all of it. */
static const char *reason_of(const struct error *e)
{
	const char *r = e->msg, *p;
	while ((p = strstr(r, ": ")) != NULL)
		r = p + 2;
	return r;
}

/* A failure after the commit point (committed), or where it cannot be
 * told whether the key file changed: v's database is closed and
 * tend.db.new left in place; the next open finishes the re-key or undoes
 * it (finish_rekey). */
static int rekey_stopped(struct error *e, bool committed)
{
	char why[sizeof(e->msg)];
	int n = snprintf(why, sizeof(why), "%s", reason_of(e));
	if (n > 0 && (size_t)n < sizeof(why) && why[n - 1] == '.')
		why[n - 1] = '\0';
	if (committed)
		return error_set(e, E_FAIL,
		                 "The re-key stopped part way (%s), after the new key took over: "
		                 "the new recovery code is the one that opens the vault now. Nothing "
		                 "is lost: the next time the vault opens, tend finishes the re-key.",
		                 why);
	return error_set(e, E_FAIL,
	                 "The re-key stopped part way (%s). Nothing is lost: the next time the "
	                 "vault opens, tend finishes the re-key or undoes it, and says which.",
	                 why);
}

int vault_rekey(struct vault *v, const char *pass, size_t passlen, char code[VAULT_CODE_MAX],
                struct error *e)
{
	/* The database file is replaced: no other tend may hold the old one. */
	if (lock_sole(v, e))
		return -1;
	uint8_t *key = secmem_alloc(VAULT_KEY_BYTES);
	char *next = with_suffix(v->db_path, ".new");
	int slot = -1, rc = -1;
	code[0] = '\0';
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
	/* Step 1 (the steps: finish_rekey). */
	unlink(next);
	if (write_copy(v->db, next, 0, NULL, slot, e))
		goto out;
	if (!db_opens_with(next, slot)) {
		unlink(next);
		error_set(e, E_FAIL, "The re-keyed copy did not check out; nothing was changed.");
		goto out;
	}
	if (fsync_dir_of(next, e)) {
		unlink(next);
		goto out;
	}
	/* Step 2, the commit point: once the key file names the new key, the
	 * new database is the vault. */
	uint8_t raw[KEYFILE_SIZE];
	keyfile_encode(&kf, raw);
	char *keypath = join(v->dir, "key");
	int wrc = keypath ? atomic_write(keypath, raw, sizeof(raw), 0600, e)
	                  : error_set(e, E_FAIL, "Out of memory.");
	free(keypath);
	/* atomic_write also fails when syncing the folder after its rename
	 * does: only a key file that still names the old key means nothing
	 * was committed. Otherwise the old database is closed, so that nothing
	 * is written to it, and the next open decides. */
	if (wrc && key_copy_names(v->dir, false, v->kf.vault_id) == 1) {
		unlink(next);
		goto out;
	}
	close_db(v);
	if (wrc) {
		rekey_stopped(e, false);
		goto out;
	}
	vfs_slot_close(v->slot);
	v->slot = slot;
	slot = -1;
	memcpy(v->key, key, VAULT_KEY_BYTES);
	v->kf = kf;
	/* The new key is the vault's whatever happens next: its code is
	 * given back even if a later step fails. */
	recovery_encode(v->key, code);
	/* Steps 3 and 4. */
	if (rekey_complete(v, next, e)) {
		rekey_stopped(e, true);
		goto out;
	}
	if (db_open(v->db_path, v->slot, 0, OPEN_VAULT, &v->db, e)) {
		char why[sizeof(e->msg)];
		snprintf(why, sizeof(why), "%s", e->msg);
		error_set(e, e->code,
		          "The re-key is done (the new recovery code is the one that opens the "
		          "vault now), but the vault could not be opened again afterwards: %s",
		          why);
		goto out;
	}
	rc = 0;
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
	if (store_init(e) || take_lock(dir, true, &fd, e))
		return -1;
	int rc = keyfile_shred(dir, e);
	if (rc == 0) {
		/* The safety plan's readable copy too, when the person kept one:
		 * nothing of theirs stays behind in the clear. */
		static const char *const names[] = {DB_NAME, DB_NAME "-journal", DB_NAME ".new",
		                                    SAFETY_COPY_FILE};
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
