/* fuzz_vfs: the input as a database file, read by the tend VFS.
 *
 * The bytes are written to t.db in a private temporary folder, then
 * vfs_verify_file checks them with a fixed key slot, and SQLite opens them
 * through the VFS (file:PATH?vfs=tend&tendkey=N, as tests/unit/test_vfs.c
 * does) and runs PRAGMA quick_check and a count of sqlite_schema. Any
 * result is fine; a crash or a sanitizer report is not. The folder is
 * removed when the fuzzer exits.
 *
 * The key and vault id are the ones fuzz/gen_seeds.c uses, so the
 * database in fuzz/corpus/fuzz_vfs/ is valid and mutations of it start
 * from real pages. */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "fuzz_key.h"
#include "store/vfs.h"

static char dir[64];
static char path[96];
static char journal[112];
static char uri[160];
static int slot = -1;

static void cleanup(void)
{
	if (!dir[0])
		return;
	unlink(journal);
	unlink(path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp || strlen(tmp) > 40)
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/tend-fuzz-XXXXXX", tmp);
	if (!mkdtemp(dir)) {
		perror("fuzz_vfs: mkdtemp");
		exit(1);
	}
	atexit(cleanup);
	snprintf(path, sizeof(path), "%s/t.db", dir);
	snprintf(journal, sizeof(journal), "%s/t.db-journal", dir);
	slot = vfs_slot_open(fuzz_vault_key, fuzz_vault_id);
	if (slot < 0) {
		fprintf(stderr, "fuzz_vfs: no key slot\n");
		exit(1);
	}
	snprintf(uri, sizeof(uri), "file:%s?vfs=" VFS_NAME "&tendkey=%d", path, slot);
	return 0;
}

static int write_all(const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	while (size > 0) {
		ssize_t w = write(fd, data, size);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		data += w, size -= (size_t)w;
	}
	return close(fd);
}

static int count_rows(void *arg, int n, char **vals, char **names)
{
	(void)n, (void)vals, (void)names;
	++*(int *)arg;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (write_all(data, size) != 0) {
		perror("fuzz_vfs: write");
		abort();
	}

	uint32_t bad = 0, npages = 0;
	int r = vfs_verify_file(path, 0, slot, &bad, &npages);
	FUZZ_CHECK(r == 0 || r == 1);
	FUZZ_CHECK(npages == (size + VFS_PAGE_SIZE - 1) / VFS_PAGE_SIZE);
	FUZZ_CHECK(r == 0 || bad <= npages);
	/* An offset past the end is an unreadable file, not a crash. */
	FUZZ_CHECK(vfs_verify_file(path, (long long)size + 1, slot, &bad, &npages) == -1);

	sqlite3 *db = NULL;
	if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL) == SQLITE_OK) {
		int rows = 0;
		sqlite3_exec(db, "PRAGMA locking_mode=EXCLUSIVE", NULL, NULL, NULL);
		sqlite3_exec(db, "PRAGMA quick_check", count_rows, &rows, NULL);
		sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", count_rows, &rows, NULL);
	}
	sqlite3_close(db);
	unlink(journal);
	unlink(path);
	return 0;
}
