/* gen_seeds: writes the fuzz seeds that only the code can make, into
 * DIR/fuzz_keyfile/ and DIR/fuzz_vfs/ (make fuzz-seeds; the results are
 * checked in). The vault key and id are fuzz_key.h's, so fuzz_vfs can read
 * the database.
 *
 *   fuzz_keyfile/key-valid      a key file (fast KDF limits), passphrase "fuzz"
 *   fuzz_keyfile/recovery-code  the recovery code for fuzz_key.h's key
 *   fuzz_vfs/vault.db           an encrypted database with tend's schema
 *                               and one entry (several pages)
 *   fuzz_vfs/small.db           an encrypted database of two pages
 *   fuzz_vfs/one-page.db        an encrypted database of a single page */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/keyfile.h"
#include "crypto/recovery.h"
#include "fuzz_key.h"
#include "store/migrate.h"
#include "store/vfs.h"

static void die(const char *what)
{
	fprintf(stderr, "gen-seeds: %s\n", what);
	exit(1);
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
		die(path);
	printf("  SEED   %s (%zu bytes)\n", path, n);
}

static void make_db(const char *path, int slot, const char *sql)
{
	unlink(path);
	char uri[4200];
	snprintf(uri, sizeof(uri), "file:%s?vfs=" VFS_NAME "&tendkey=%d", path, slot);
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
	                    NULL) != SQLITE_OK)
		die(sqlite3_errmsg(db));
	int reserve = VFS_RESERVE;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
	if (sqlite3_exec(db, "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=TRUNCATE;"
	                     "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;",
	                 NULL, NULL, NULL) != SQLITE_OK)
		die(sqlite3_errmsg(db));
	if (sql) {
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			die(sqlite3_errmsg(db));
	} else {
		struct error e = {0};
		if (migrate(db, &e) != 0)
			die(e.msg);
	}
	if (sqlite3_close(db) != SQLITE_OK)
		die("close");
	char journal[4200];
	snprintf(journal, sizeof(journal), "%s-journal", path);
	unlink(journal);
	uint32_t bad, pages;
	if (vfs_verify_file(path, 0, slot, &bad, &pages) != 0)
		die("the database just written does not verify");
	printf("  SEED   %s (%u pages)\n", path, pages);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		die("usage: gen-seeds DIR");
	char path[4096];

	struct keyfile kf;
	memset(&kf, 0, sizeof(kf));
	memcpy(kf.vault_id, fuzz_vault_id, sizeof(kf.vault_id));
	struct kdf_params kdf;
	kdf_params_default(&kdf, true);
	struct error e = {0};
	if (keyfile_wrap(&kf, &kdf, "fuzz", 4, fuzz_vault_key, &e) != 0)
		die(e.msg);
	uint8_t bytes[KEYFILE_SIZE];
	keyfile_encode(&kf, bytes);
	snprintf(path, sizeof(path), "%s/fuzz_keyfile/key-valid", argv[1]);
	write_file(path, bytes, sizeof(bytes));

	char code[RECOVERY_CODE_MAX];
	recovery_encode(fuzz_vault_key, code);
	snprintf(path, sizeof(path), "%s/fuzz_keyfile/recovery-code", argv[1]);
	write_file(path, code, strlen(code));

	int slot = vfs_slot_open(fuzz_vault_key, fuzz_vault_id);
	if (slot < 0)
		die("no key slot");
	snprintf(path, sizeof(path), "%s/fuzz_vfs/vault.db", argv[1]);
	make_db(path, slot, NULL);
	snprintf(path, sizeof(path), "%s/fuzz_vfs/small.db", argv[1]);
	make_db(path, slot, "CREATE TABLE t(a TEXT); INSERT INTO t VALUES('feeling better')");
	snprintf(path, sizeof(path), "%s/fuzz_vfs/one-page.db", argv[1]);
	make_db(path, slot, "PRAGMA user_version=7");
	vfs_slot_close(slot);
	return 0;
}
