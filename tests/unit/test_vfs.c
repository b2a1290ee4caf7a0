/* The encrypting VFS against what SQLite expects of a VFS, and against
 * what tend promises: nothing readable on disk, tampering caught. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <unistd.h>

#include "crypto/page.h"
#include "store/vfs.h"
#include "unit.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"

static const uint8_t key_a[32] = {1, 2, 3};
static const uint8_t key_b[32] = {9, 9, 9};
static const uint8_t id_a[16] = {7};

struct fx {
	char *dir, *path;
	int slot;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	assert_int_equal(vfs_register(), SQLITE_OK);
	f->dir = test_tmpdir();
	f->path = path_join(f->dir, "t.db");
	f->slot = vfs_slot_open(key_a, id_a);
	assert_true(f->slot >= 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	vfs_slot_close(f->slot);
	test_rmtree(f->dir);
	free(f->dir);
	free(f->path);
	free(f);
	return 0;
}

/* Opened but not yet read: the first statement meets any damage. */
static sqlite3 *open_raw(const char *path, int slot)
{
	char uri[4200];
	snprintf(uri, sizeof(uri), "file:%s?vfs=tend&tendkey=%d", path, slot);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL),
	                 SQLITE_OK);
	sqlite3_exec(db, "PRAGMA locking_mode=EXCLUSIVE", NULL, NULL, NULL);
	return db;
}

static sqlite3 *open_db(const char *path, int slot, int expect_rc)
{
	char uri[4200];
	snprintf(uri, sizeof(uri), "file:%s?vfs=tend&tendkey=%d", path, slot);
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
	                         NULL);
	assert_int_equal(rc, expect_rc);
	if (rc != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	int reserve = VFS_RESERVE;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
	rc = sqlite3_exec(db, "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=TRUNCATE;"
	                      "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;",
	                  NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		fail_msg("opening %s: %s (%d)", path, sqlite3_errmsg(db), sqlite3_extended_errcode(db));
	return db;
}

static void exec_ok(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
}

static long long count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	long long n = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int file_has(const char *path, const char *needle)
{
	struct buf b = BUF_INIT;
	int missing;
	struct error e;
	if (read_file(path, 1 << 28, &b, &missing, &e)) {
		buf_free(&b);
		return 0;
	}
	int found = memmem(b.data, b.len, needle, strlen(needle)) != NULL;
	buf_free(&b);
	return found;
}

static void fill(sqlite3 *db, int rows)
{
	exec_ok(db, "CREATE TABLE IF NOT EXISTS t(x TEXT)");
	exec_ok(db, "BEGIN");
	for (int i = 0; i < rows; i++) {
		char sql[200];
		snprintf(sql, sizeof(sql),
		         "INSERT INTO t VALUES ('SECRETMARK %d ' || hex(randomblob(300)))", i);
		exec_ok(db, sql);
	}
	exec_ok(db, "COMMIT");
}

static void round_trip_leaves_no_plaintext(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 200);
	assert_int_equal(count(db, "SELECT count(*) FROM t WHERE x LIKE 'SECRETMARK%'"), 200);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
	assert_false(file_has(f->path, "SECRETMARK"));
	assert_false(file_has(f->path, "SQLite format 3"));
	assert_true(file_has(f->path, "tend vault 2"));
	db = open_db(f->path, f->slot, SQLITE_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM t"), 200);
	uint32_t bad, pages;
	assert_int_equal(vfs_verify_file(f->path, 0, f->slot, &bad, &pages), 0);
	assert_true(pages > 10);
	sqlite3_close(db);
}

static void no_key_no_open(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = NULL;
	char uri[4200];
	snprintf(uri, sizeof(uri), "file:%s?vfs=tend", f->path);
	assert_int_equal(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                                               SQLITE_OPEN_URI, NULL),
	                 SQLITE_CANTOPEN);
	sqlite3_close(db);
	db = open_db(f->path, VFS_SLOTS + 3, SQLITE_CANTOPEN);
	assert_null(db);
}

static void wrong_key_is_caught(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 20);
	sqlite3_close(db);
	int other = vfs_slot_open(key_b, id_a);
	db = open_raw(f->path, other);
	int rc = sqlite3_exec(db, "SELECT count(*) FROM t", NULL, NULL, NULL);
	assert_int_equal(sqlite3_extended_errcode(db), SQLITE_IOERR_DATA);
	assert_int_not_equal(rc, SQLITE_OK);
	struct vfs_stats st;
	vfs_slot_stats(other, &st);
	assert_true(st.page_failures > 0);
	sqlite3_close(db);
	uint32_t bad, pages;
	assert_int_equal(vfs_verify_file(f->path, 0, other, &bad, &pages), 1);
	vfs_slot_close(other);
}

static void refuses_wal_and_page_size(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	exec_ok(db, "CREATE TABLE t(x)");
	assert_int_not_equal(sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "PRAGMA page_size=8192", NULL, NULL, NULL), SQLITE_OK);
	/* Only the number itself: atoi once read "4096x" as 4096. */
	assert_int_not_equal(sqlite3_exec(db, "PRAGMA page_size='4096x'", NULL, NULL, NULL),
	                     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "PRAGMA page_size='4096 '", NULL, NULL, NULL),
	                     SQLITE_OK);
	exec_ok(db, "PRAGMA page_size=4096");
	exec_ok(db, "INSERT INTO t VALUES (1)");
	assert_int_equal(count(db, "SELECT count(*) FROM t"), 1);
	sqlite3_close(db);
	/* A fresh database asking for 8192-byte pages cannot be written. */
	char *p2 = path_join(f->dir, "big.db");
	/* Nor one without the reserved bytes. */
	char uri[4200];
	snprintf(uri, sizeof(uri), "file:%s-nr?vfs=tend&tendkey=%d", p2, f->slot);
	assert_int_equal(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                                               SQLITE_OPEN_URI, NULL),
	                 SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(p2);
}

static void short_reads_and_partial_reads(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 5);
	sqlite3_file *file = NULL;
	assert_int_equal(sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file),
	                 SQLITE_OK);
	sqlite3_int64 size;
	assert_int_equal(file->pMethods->xFileSize(file, &size), SQLITE_OK);
	assert_int_equal(size % VFS_PAGE_SIZE, 0);
	char hdr[100];
	assert_int_equal(file->pMethods->xRead(file, hdr, 100, 0), SQLITE_OK);
	assert_memory_equal(hdr, "SQLite format 3", 16);
	assert_int_equal((unsigned char)hdr[20], VFS_RESERVE);
	/* A read that straddles two pages. */
	char mid[200];
	assert_int_equal(file->pMethods->xRead(file, mid, 200, VFS_PAGE_SIZE - 100), SQLITE_OK);
	/* Past the end: zeros and SHORT_READ, as SQLite requires. */
	char past[512];
	memset(past, 'x', sizeof(past));
	assert_int_equal(file->pMethods->xRead(file, past, 512, size + 10), SQLITE_IOERR_SHORT_READ);
	for (size_t i = 0; i < sizeof(past); i++)
		assert_int_equal(past[i], 0);
	/* Writes that are not whole pages are refused. */
	assert_int_not_equal(file->pMethods->xWrite(file, "abc", 3, 0), SQLITE_OK);
	assert_int_equal(file->pMethods->xSectorSize(file), 512);
	sqlite3_close(db);
}

static void truncate_and_vacuum(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 400);
	long long before = count(db, "PRAGMA page_count");
	exec_ok(db, "DELETE FROM t WHERE rowid > 10");
	exec_ok(db, "VACUUM");
	long long after = count(db, "PRAGMA page_count");
	assert_true(after < before);
	sqlite3_close(db);
	uint32_t bad, pages;
	assert_int_equal(vfs_verify_file(f->path, 0, f->slot, &bad, &pages), 0);
	assert_int_equal(pages, (uint32_t)after);
	db = open_db(f->path, f->slot, SQLITE_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM t"), 10);
	assert_string_equal("ok", "ok");
	sqlite3_close(db);
}

static void rollback_uses_encrypted_journal(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 100);
	exec_ok(db, "PRAGMA cache_size=2"); /* force pages out to disk mid-transaction */
	exec_ok(db, "BEGIN");
	exec_ok(db, "UPDATE t SET x = 'JOURNALMARK ' || x");
	char *jpath = NULL;
	assert_int_not_equal(asprintf(&jpath, "%s-journal", f->path), -1);
	assert_false(file_has(jpath, "SECRETMARK"));
	assert_false(file_has(f->path, "JOURNALMARK"));
	exec_ok(db, "ROLLBACK");
	assert_int_equal(count(db, "SELECT count(*) FROM t WHERE x LIKE 'JOURNALMARK%'"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM t"), 100);
	sqlite3_close(db);
	uint32_t bad, pages;
	assert_int_equal(vfs_verify_file(f->path, 0, f->slot, &bad, &pages), 0);
	free(jpath);
}

static int dir_count(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *de;
	while (d && (de = readdir(d)))
		n += de->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static void temp_files_stay_in_memory(void **state)
{
	struct fx *f = *state;
	char *tmp = path_join(f->dir, "tmp");
	struct error e;
	assert_int_equal(mkdir_p(tmp, &e), 0);
	char *old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	setenv("TMPDIR", tmp, 1);
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	exec_ok(db, "PRAGMA temp_store=FILE; PRAGMA cache_size=5");
	fill(db, 2000);
	/* A big sort and a temp table both want spill files. */
	assert_int_equal(count(db, "SELECT count(*) FROM (SELECT x FROM t ORDER BY x DESC)"), 2000);
	exec_ok(db, "CREATE TEMP TABLE s AS SELECT x FROM t");
	assert_int_equal(count(db, "SELECT count(*) FROM s"), 2000);
	assert_int_equal(dir_count(tmp), 0);
	sqlite3_close(db);
	if (old) {
		setenv("TMPDIR", old, 1);
		free(old);
	} else {
		unsetenv("TMPDIR");
	}
	free(tmp);
}

static void second_connection_is_locked_out(void **state)
{
	struct fx *f = *state;
	sqlite3 *a = open_db(f->path, f->slot, SQLITE_OK);
	fill(a, 3);
	sqlite3 *b = open_raw(f->path, f->slot);
	int rc = sqlite3_exec(b, "SELECT count(*) FROM t", NULL, NULL, NULL);
	assert_int_equal(rc & 0xFF, SQLITE_BUSY);
	sqlite3_close(b);
	sqlite3_close(a);
}

static void swapped_pages_are_caught(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 100);
	sqlite3_close(db);
	int fd = open(f->path, O_RDWR);
	assert_true(fd >= 0);
	uint8_t p3[VFS_PAGE_SIZE], p4[VFS_PAGE_SIZE];
	assert_int_equal(pread(fd, p3, sizeof(p3), 2 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	assert_int_equal(pread(fd, p4, sizeof(p4), 3 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	assert_int_equal(pwrite(fd, p4, sizeof(p4), 2 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	assert_int_equal(pwrite(fd, p3, sizeof(p3), 3 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	close(fd);
	uint32_t bad, pages;
	assert_int_equal(vfs_verify_file(f->path, 0, f->slot, &bad, &pages), 1);
	assert_int_equal(bad, 3);
	db = open_raw(f->path, f->slot);
	assert_int_not_equal(sqlite3_exec(db, "SELECT count(*) FROM t WHERE x > ''", NULL, NULL, NULL),
	                     SQLITE_OK);
	sqlite3_close(db);
}

static void old_page_copy_is_caught(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 50);
	sqlite3_close(db);
	int fd = open(f->path, O_RDWR);
	uint8_t old[VFS_PAGE_SIZE];
	assert_int_equal(pread(fd, old, sizeof(old), 2 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	close(fd);
	db = open_db(f->path, f->slot, SQLITE_OK);
	exec_ok(db, "UPDATE t SET x = 'changed' WHERE rowid <= 50");
	sqlite3_close(db);
	fd = open(f->path, O_RDWR);
	assert_int_equal(pwrite(fd, old, sizeof(old), 2 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	close(fd);
	uint32_t bad, pages;
	/* The page itself is authentic; the page set is not. */
	assert_int_equal(vfs_verify_file(f->path, 0, f->slot, &bad, &pages), 1);
	assert_int_equal(bad, 1);
	db = open_raw(f->path, f->slot);
	int rc = sqlite3_exec(db, "SELECT count(*) FROM t", NULL, NULL, NULL);
	assert_int_not_equal(rc, SQLITE_OK);
	assert_int_equal(sqlite3_extended_errcode(db), SQLITE_IOERR_DATA);
	sqlite3_close(db);
}

/* The page set in memory comes from a scan made when the file is opened,
 * with no lock held: another tend may be part way through a change then.
 * Here the file is opened while one page is still the old one, and the
 * change then completes before the first read. The first read, under a
 * lock, must find the vault whole (it once reported the pages as not
 * belonging together, and a second tend refused a vault another was
 * writing). */
static void scan_without_lock_is_read_again(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 50);
	sqlite3_close(db);
	uint8_t old[VFS_PAGE_SIZE], now[VFS_PAGE_SIZE];
	int fd = open(f->path, O_RDWR);
	assert_int_equal(pread(fd, old, sizeof(old), 2 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	close(fd);
	db = open_db(f->path, f->slot, SQLITE_OK);
	exec_ok(db, "UPDATE t SET x = 'changed' WHERE rowid <= 50");
	sqlite3_close(db);
	fd = open(f->path, O_RDWR);
	assert_int_equal(pread(fd, now, sizeof(now), 2 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	assert_int_not_equal(memcmp(old, now, sizeof(old)), 0);
	/* mid-change: the new page 1, an old page 3 */
	assert_int_equal(pwrite(fd, old, sizeof(old), 2 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	db = open_raw(f->path, f->slot);
	/* the change done */
	assert_int_equal(pwrite(fd, now, sizeof(now), 2 * VFS_PAGE_SIZE), VFS_PAGE_SIZE);
	close(fd);
	assert_int_equal(count(db, "SELECT count(*) FROM t WHERE x = 'changed'"), 50);
	sqlite3_close(db);
}

static void offset_database_in_a_bigger_file(void **state)
{
	struct fx *f = *state;
	int fd = open(f->path, O_RDWR | O_CREAT, 0600);
	assert_int_equal(write(fd, "HEADER", 6), 6);
	close(fd);
	char uri[4200];
	snprintf(uri, sizeof(uri), "file:%s?vfs=tend&tendkey=%d&tendoffset=4096", f->path, f->slot);
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL),
	                 SQLITE_OK);
	int reserve = VFS_RESERVE;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
	exec_ok(db, "PRAGMA journal_mode=OFF");
	fill(db, 30);
	sqlite3_close(db);
	assert_true(file_has(f->path, "HEADER"));
	uint32_t bad, pages;
	assert_int_equal(vfs_verify_file(f->path, 4096, f->slot, &bad, &pages), 0);
	assert_int_equal(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
	                 SQLITE_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM t"), 30);
	sqlite3_close(db);
}


/* ---- faults, through the unix VFS's own system-call table -------------- */

/* SQLite's unix VFS calls the system through a table its tests can change
 * (xSetSystemCall); these hooks fail one chosen call on the test database,
 * once or from then on, as SQLite's own I/O-error tests do. */
static struct {
	const char *path; /* the file whose calls count */
	int op_size;      /* pwrite: only writes of this size count (0: any) */
	int nth;          /* the call that fails, 1-based; 0: none */
	bool persist;     /* every later call fails too */
	int err;
	int seen;
} fault;
static sqlite3_syscall_ptr real_pwrite, real_ftruncate;

static bool fault_hits(int fd)
{
	char link[64], path[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (!fault.nth || n < 0)
		return false;
	path[n] = '\0';
	if (strcmp(path, fault.path) != 0)
		return false;
	fault.seen++;
	return fault.seen == fault.nth || (fault.persist && fault.seen > fault.nth);
}

static ssize_t hook_pwrite(int fd, const void *buf, size_t n, off_t off)
{
	if ((!fault.op_size || n == (size_t)fault.op_size) && fault_hits(fd)) {
		/* A failing disk may take part of the write: half goes down. */
		((ssize_t(*)(int, const void *, size_t, off_t))real_pwrite)(fd, buf, n / 2, off);
		errno = fault.err;
		return -1;
	}
	return ((ssize_t(*)(int, const void *, size_t, off_t))real_pwrite)(fd, buf, n, off);
}

static int hook_ftruncate(int fd, off_t len)
{
	if (fault_hits(fd)) {
		errno = fault.err;
		return -1;
	}
	return ((int (*)(int, off_t))real_ftruncate)(fd, len);
}

static void fault_arm(const char *name, const char *path, int nth, bool persist, int err)
{
	sqlite3_vfs *u = sqlite3_vfs_find("unix");
	if (!real_pwrite) {
		real_pwrite = u->xGetSystemCall(u, "pwrite64");
		real_ftruncate = u->xGetSystemCall(u, "ftruncate");
	}
	assert_non_null(real_pwrite);
	memset(&fault, 0, sizeof(fault));
	char *real = realpath(path, NULL);
	assert_non_null(real);
	static char keep[4096];
	snprintf(keep, sizeof keep, "%s", real);
	free(real);
	fault.path = keep;
	fault.nth = nth;
	fault.persist = persist;
	fault.err = err;
	if (strcmp(name, "pwrite64") == 0) {
		fault.op_size = VFS_PAGE_SIZE;
		assert_int_equal(u->xSetSystemCall(u, "pwrite64", (sqlite3_syscall_ptr)hook_pwrite),
		                 SQLITE_OK);
	} else {
		assert_int_equal(u->xSetSystemCall(u, "ftruncate", (sqlite3_syscall_ptr)hook_ftruncate),
		                 SQLITE_OK);
	}
}

static void fault_disarm(void)
{
	sqlite3_vfs *u = sqlite3_vfs_find("unix");
	u->xSetSystemCall(u, NULL, NULL); /* every call back to the system's */
	fault.nth = 0;
}

/* After a failed change the database still opens, checks out, and holds
 * either all of the change or none of it. */
static void intact_with(struct fx *f, long long rows_a, long long rows_b)
{
	uint32_t bad, pages;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK); /* rolls back what was cut short */
	long long n = count(db, "SELECT count(*) FROM t");
	if (n != rows_a && n != rows_b)
		fail_msg("%lld rows, expected %lld or %lld", n, rows_a, rows_b);
	char *err = NULL;
	assert_int_equal(sqlite3_exec(db, "PRAGMA integrity_check", NULL, NULL, &err), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(vfs_verify_file(f->path, 0, f->slot, &bad, &pages), 0);
}

/* One database write that fails once (ENOSPC for a moment, EIO), at every
 * point of a change: SQLite rolls back in the same process, and the page-set
 * digest must not count the page that never reached the disk. */
static void one_failed_write_leaves_it_whole(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 40);
	sqlite3_close(db);
	long long rows = 40;
	int fired = 0;
	for (int n = 1; n <= 12; n++) {
		for (int persist = 0; persist <= 1; persist++) {
			db = open_db(f->path, f->slot, SQLITE_OK);
			assert_int_equal(count(db, "SELECT count(*) FROM t"), rows);
			fault_arm("pwrite64", f->path, n, persist, n % 2 ? ENOSPC : EIO);
			int rc = sqlite3_exec(db,
			                      "INSERT INTO t SELECT 'more ' || hex(randomblob(900)) "
			                      "FROM t LIMIT 6",
			                      NULL, NULL, NULL);
			fired += fault.seen >= n;
			fault_disarm();
			sqlite3_close(db);
			print_message("write %d %s: rc %d\n", n, persist ? "from then on" : "once", rc);
			intact_with(f, rows, rows + 6);
			db = open_db(f->path, f->slot, SQLITE_OK);
			if (rc == SQLITE_OK)
				assert_int_equal(count(db, "SELECT count(*) FROM t"), rows + 6);
			rows = count(db, "SELECT count(*) FROM t");
			sqlite3_close(db);
		}
	}
	assert_true(fired >= 8); /* the faults really hit the writes */
}

/* The same for truncating: a rollback or a shrinking commit that cannot cut
 * the file leaves the digest as the disk is. */
static void one_failed_truncate_leaves_it_whole(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 60);
	exec_ok(db, "PRAGMA auto_vacuum=FULL; VACUUM");
	sqlite3_close(db);
	long long rows = 60;
	int fired = 0;
	for (int n = 1; n <= 3; n++) {
		db = open_db(f->path, f->slot, SQLITE_OK);
		fault_arm("ftruncate", f->path, n, false, EIO);
		sqlite3_exec(db, "DELETE FROM t WHERE rowid > (SELECT max(rowid) - 30 FROM t)", NULL, NULL,
		             NULL);
		fired += fault.seen >= n;
		fault_disarm();
		sqlite3_close(db);
		db = open_db(f->path, f->slot, SQLITE_OK);
		rows = count(db, "SELECT count(*) FROM t");
		sqlite3_close(db);
		intact_with(f, rows, rows);
		db = open_db(f->path, f->slot, SQLITE_OK);
		fill(db, 20);
		sqlite3_close(db);
	}
	assert_true(fired >= 1);
}

/* ---- the crash journal, bound to the state it protects ------------------ */

static void copy_file(const char *from, const char *to)
{
	struct buf b = BUF_INIT;
	int missing;
	struct error e;
	assert_int_equal(read_file(from, 1 << 28, &b, &missing, &e), 0);
	FILE *o = fopen(to, "wb");
	assert_non_null(o);
	assert_int_equal(fwrite(b.data, 1, b.len, o), b.len);
	fclose(o);
	buf_free(&b);
}

static char *jpath_of(const char *db)
{
	char *j = NULL;
	assert_int_not_equal(asprintf(&j, "%s-journal", db), -1);
	return j;
}

/* A crash image: the database and its journal as a kill in the middle of a
 * big change would leave them (pages of the change already written). */
static void crash_image(struct fx *f, const char *db_to, const char *j_to)
{
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	exec_ok(db, "PRAGMA cache_size=2");
	exec_ok(db, "BEGIN");
	exec_ok(db, "UPDATE t SET x = 'CHANGED ' || x");
	char *j = jpath_of(f->path);
	copy_file(f->path, db_to);
	copy_file(j, j_to);
	exec_ok(db, "ROLLBACK");
	sqlite3_close(db);
	free(j);
}

static void file_hash(const char *path, uint8_t out[32])
{
	struct buf b = BUF_INIT;
	int missing;
	struct error e;
	assert_int_equal(read_file(path, 1 << 28, &b, &missing, &e), 0);
	crypto_generichash(out, 32, (const uint8_t *)b.data, b.len, NULL, 0);
	buf_free(&b);
}

/* Opening refuses the journal as damaged or changed, and neither file
 * changes by a byte. */
static void journal_refused(struct fx *f)
{
	char *j = jpath_of(f->path);
	uint8_t db0[32], j0[32], db1[32], j1[32];
	file_hash(f->path, db0);
	file_hash(j, j0);
	struct vfs_stats before, after;
	vfs_slot_stats(f->slot, &before);
	sqlite3 *db = open_raw(f->path, f->slot);
	int rc = sqlite3_exec(db, "SELECT count(*) FROM t", NULL, NULL, NULL);
	assert_int_not_equal(rc, SQLITE_OK);
	assert_int_equal(sqlite3_extended_errcode(db), SQLITE_IOERR_DATA);
	sqlite3_close(db);
	vfs_slot_stats(f->slot, &after);
	assert_true(after.journal_failures > before.journal_failures);
	file_hash(f->path, db1);
	file_hash(j, j1);
	assert_memory_equal(db0, db1, 32);
	assert_memory_equal(j0, j1, 32);
	free(j);
}

static long long rows_now(struct fx *f)
{
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	long long n = count(db, "SELECT count(*) FROM t");
	sqlite3_close(db);
	return n;
}

/* A real crash is rolled back; the same journal put back later (kept by a
 * sync tool, say) is refused: played back, it would undo what was saved
 * since. */
static void old_journal_is_refused(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 100);
	sqlite3_close(db);
	char *img = path_join(f->dir, "img.db"), *imgj = path_join(f->dir, "img.db-journal");
	char *j = jpath_of(f->path);
	crash_image(f, img, imgj);
	copy_file(img, f->path);
	copy_file(imgj, j);
	assert_int_equal(rows_now(f), 100); /* the crash, rolled back */
	assert_int_equal(count(db = open_db(f->path, f->slot, SQLITE_OK),
	                       "SELECT count(*) FROM t WHERE x LIKE 'CHANGED%'"),
	                 0);
	fill(db, 10);
	sqlite3_close(db);
	assert_int_equal(rows_now(f), 110);
	copy_file(imgj, j); /* the old journal comes back */
	struct vfs_stats st0, st1;
	vfs_slot_stats(f->slot, &st0);
	journal_refused(f);
	vfs_slot_stats(f->slot, &st1);
	assert_true(st1.journal_stale > st0.journal_stale); /* genuine, but of another state */
	unlink(j);
	assert_int_equal(rows_now(f), 110);
	uint32_t bad, pages;
	assert_int_equal(vfs_verify_file(f->path, 0, f->slot, &bad, &pages), 0);
	free(img);
	free(imgj);
	free(j);
}

/* A header written with no key (a forged original size would have SQLite
 * cut the file), and one flipped bit in a real hot journal's size field. */
static void forged_or_altered_header_is_refused(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 100);
	sqlite3_close(db);
	char *j = jpath_of(f->path);
	uint8_t hdr[512] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
	hdr[19] = 2;               /* original size: 2 pages */
	hdr[22] = 2;               /* sector size 512 */
	hdr[26] = 0x10;            /* page size 4096 */
	FILE *o = fopen(j, "wb");
	assert_int_equal(fwrite(hdr, 1, sizeof(hdr), o), sizeof(hdr));
	fclose(o);
	journal_refused(f);
	unlink(j);
	assert_int_equal(rows_now(f), 100);

	char *img = path_join(f->dir, "img.db"), *imgj = path_join(f->dir, "img.db-journal");
	crash_image(f, img, imgj);
	copy_file(img, f->path);
	copy_file(imgj, j);
	FILE *io = fopen(j, "r+b");
	uint8_t b;
	fseek(io, 19, SEEK_SET);
	assert_int_equal(fread(&b, 1, 1, io), 1);
	b ^= 1;
	fseek(io, 19, SEEK_SET);
	fwrite(&b, 1, 1, io);
	fclose(io);
	journal_refused(f);
	copy_file(imgj, j); /* unaltered, the same journal rolls its crash back */
	assert_int_equal(rows_now(f), 100);
	free(img);
	free(imgj);
	free(j);
}

/* Records of two journals of the same vault cannot be mixed: each is
 * sealed with its own journal's id. */
static void spliced_journal_is_refused(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = open_db(f->path, f->slot, SQLITE_OK);
	fill(db, 100);
	sqlite3_close(db);
	char *a = path_join(f->dir, "a.db"), *aj = path_join(f->dir, "a.db-journal");
	char *b = path_join(f->dir, "b.db"), *bj = path_join(f->dir, "b.db-journal");
	char *j = jpath_of(f->path);
	char *bj0 = path_join(f->dir, "b0.db-journal");
	crash_image(f, a, aj);
	crash_image(f, b, bj);
	copy_file(bj, bj0);
	/* b's journal with its first record's page image taken from a's, for
	 * the same page (both changes touched the same pages first). */
	uint8_t ra[4 + VFS_PAGE_SIZE], rb[4 + VFS_PAGE_SIZE];
	FILE *fa = fopen(aj, "rb"), *fb = fopen(bj, "r+b");
	fseek(fa, 512, SEEK_SET);
	fseek(fb, 512, SEEK_SET);
	assert_int_equal(fread(ra, 1, sizeof ra, fa), sizeof ra);
	assert_int_equal(fread(rb, 1, sizeof rb, fb), sizeof rb);
	assert_memory_equal(ra, rb, 4); /* same page number */
	fseek(fb, 512, SEEK_SET);
	fwrite(ra, 1, sizeof ra, fb);
	fclose(fa);
	fclose(fb);
	copy_file(b, f->path);
	copy_file(bj, j);
	journal_refused(f);
	copy_file(bj0, j); /* b's own journal rolls its crash back */
	assert_int_equal(rows_now(f), 100);
	free(bj0);
	free(a);
	free(aj);
	free(b);
	free(bj);
	free(j);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
SUITE(vfs, T(round_trip_leaves_no_plaintext), T(scan_without_lock_is_read_again), T(no_key_no_open), T(wrong_key_is_caught),
      T(refuses_wal_and_page_size), T(short_reads_and_partial_reads), T(truncate_and_vacuum),
      T(rollback_uses_encrypted_journal), T(temp_files_stay_in_memory),
      T(second_connection_is_locked_out), T(swapped_pages_are_caught),
      T(old_page_copy_is_caught), T(offset_database_in_a_bigger_file),
      T(one_failed_write_leaves_it_whole), T(one_failed_truncate_leaves_it_whole),
      T(old_journal_is_refused), T(forged_or_altered_header_is_refused),
      T(spliced_journal_is_refused))
