/* fuzz_journal: the input as a crash journal beside a real database.
 *
 * At start a small encrypted database is made through the tend VFS and a
 * change to it is caught in the middle (pages of the change written, its
 * journal hot), as a kill would leave it. That journal is written into the
 * first corpus folder named on the command line, so the fuzzer starts from
 * a journal that really binds to this run's database (its id is random).
 * Each input is then put beside a fresh copy of the crash image and the
 * database opened. Two things must hold besides not crashing:
 *  - a journal the VFS refuses (SQLITE_IOERR_DATA) leaves the database
 *    file byte for byte as it was;
 *  - a journal it accepts leaves a database that passes quick_check. */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "fuzz_key.h"
#include "store/vfs.h"

static char dir[64], path[96], journal[112], uri[160];
static uint8_t *image; /* the database as the crash left it */
static size_t image_len;
static int slot = -1;

static void cleanup(void)
{
	if (!dir[0])
		return;
	unlink(journal);
	unlink(path);
	rmdir(dir);
}

static uint8_t *slurp(const char *p, size_t *len)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
	if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return b;
}

static int put(const char *p, const uint8_t *data, size_t size)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
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

static sqlite3 *open_db(void)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
	                    NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	int reserve = VFS_RESERVE;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
	sqlite3_exec(db, "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=TRUNCATE;", NULL, NULL,
	             NULL);
	return db;
}

static void crash_image(const char *corpus)
{
	sqlite3 *db = open_db();
	if (!db ||
	    sqlite3_exec(db,
	                 "PRAGMA synchronous=FULL; CREATE TABLE t(x);"
	                 "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 60)"
	                 " INSERT INTO t SELECT hex(randomblob(200)) FROM c;",
	                 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA cache_size=2; BEGIN; UPDATE t SET x = 'changed ' || x;", NULL,
	                 NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz_journal: cannot make the crash image\n");
		exit(1);
	}
	size_t jlen;
	uint8_t *j = slurp(journal, &jlen);
	image = slurp(path, &image_len);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	if (!j || !image || jlen < 512) {
		fprintf(stderr, "fuzz_journal: no hot journal was left\n");
		exit(1);
	}
	if (corpus) {
		char seed[4200];
		snprintf(seed, sizeof(seed), "%s/live-hot-journal", corpus);
		mkdir(corpus, 0700);
		put(seed, j, jlen);
	}
	free(j);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp || strlen(tmp) > 40)
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/tend-fuzz-XXXXXX", tmp);
	if (!mkdtemp(dir)) {
		perror("fuzz_journal: mkdtemp");
		exit(1);
	}
	atexit(cleanup);
	snprintf(path, sizeof(path), "%s/t.db", dir);
	snprintf(journal, sizeof(journal), "%s/t.db-journal", dir);
	slot = vfs_slot_open(fuzz_vault_key, fuzz_vault_id);
	if (slot < 0) {
		fprintf(stderr, "fuzz_journal: no key slot\n");
		exit(1);
	}
	snprintf(uri, sizeof(uri), "file:%s?vfs=" VFS_NAME "&tendkey=%d", path, slot);
	const char *corpus = NULL;
	for (int i = 1; i < *argc && !corpus; i++)
		if ((*argv)[i][0] != '-')
			corpus = (*argv)[i];
	crash_image(corpus);
	return 0;
}

static int count_rows(void *arg, int n, char **vals, char **names)
{
	(void)names;
	if (n > 0 && vals[0] && strcmp(vals[0], "ok") == 0)
		++*(int *)arg;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (put(path, image, image_len) != 0 || put(journal, data, size) != 0) {
		perror("fuzz_journal: write");
		abort();
	}
	sqlite3 *db = open_db();
	FUZZ_CHECK(db != NULL);
	int rc = sqlite3_exec(db, "SELECT count(*) FROM t", NULL, NULL, NULL);
	if (rc != SQLITE_OK && sqlite3_extended_errcode(db) == SQLITE_IOERR_DATA) {
		sqlite3_close(db);
		size_t now_len;
		uint8_t *now = slurp(path, &now_len);
		FUZZ_CHECK(now && now_len == image_len && memcmp(now, image, now_len) == 0);
		free(now);
	} else if (rc == SQLITE_OK) {
		int ok = 0;
		sqlite3_exec(db, "PRAGMA quick_check", count_rows, &ok, NULL);
		FUZZ_CHECK(ok == 1);
		sqlite3_close(db);
	} else {
		sqlite3_close(db);
	}
	unlink(journal);
	unlink(path);
	return 0;
}
