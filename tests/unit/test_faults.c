/* Vaults that tend must refuse or repair without losing anything: one
 * last written by a newer tend, one whose layout update fails part way
 * (as a killed or failing migration would leave it), and a layout update
 * with one failing write, sync or truncate at each step. The full disk and
 * the read-only folder are in tests/vault/faults.sh, and one failing call
 * in every other command in tests/vault/inject.sh, which need real files. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "store/homework.h"
#include "store/migrate.h"
#include "store/vault.h"
#include "../../src/store/store_int.h"
#include "store_helpers.h"
#include "unit.h"

/* A hash of the database file, to prove it did not change. */
static void db_hash(const char *dir, unsigned char out[32])
{
	char path[512];
	snprintf(path, sizeof path, "%s/tend.db", dir);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, 32);
	unsigned char b[4096];
	size_t n;
	while ((n = fread(b, 1, sizeof b, f)) > 0)
		crypto_generichash_update(&st, b, n);
	fclose(f);
	crypto_generichash_final(&st, out, 32);
}

static void set_version(struct vault *v, int version)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", version);
	struct error e = {0};
	assert_int_equal(store_exec(vault_db(v), sql, &e), 0);
}

static void add_entry(struct vault *v, const char *title)
{
	struct error e = {0};
	int64_t id;
	assert_int_equal(entries_add(v, title, "kept through it all", NULL, 0, &id, &e), 0);
}

/* Opening the vault in dir fails with a message holding both words, and
 * leaves the database file byte for byte as it was. */
static void refused_unchanged(const char *dir, const char *says, const char *and_says)
{
	unsigned char before[32], after[32];
	db_hash(dir, before);
	struct vault *v = NULL;
	struct error e = {0};
	assert_int_equal(vault_open(dir, "pw", 2, &v, &e), -1);
	assert_null(v);
	assert_non_null(strstr(e.msg, says));
	assert_non_null(strstr(e.msg, and_says));
	db_hash(dir, after);
	assert_memory_equal(before, after, 32);
}

static void newer_vault_refused_untouched(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	add_entry(f->v, "before the newer tend");
	set_version(f->v, migrate_latest() + 1);
	vault_close(f->v);
	f->v = NULL;
	refused_unchanged(f->dir, "newer version of tend", "nothing was changed");
	test_vault_free(f);
}

/* A layout update that fails part way: the last migration is marked as
 * not done, its tables dropped, and a table put where its index goes, so
 * running it again creates its two tables and then fails on the index. The
 * whole update is rolled back (the file is byte for byte what it was, so
 * the entry written before is still there), and the message says what
 * failed. A second try fails the same way and still changes nothing. */
static void failed_migration_rolls_back(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	add_entry(f->v, "written before the update");
	struct error e = {0};
	assert_int_equal(store_exec(vault_db(f->v),
	                            "DROP TABLE homework_done; DROP TABLE homework_packs;"
	                            "CREATE TABLE homework_done_by_pack(x);",
	                            &e),
	                 0);
	set_version(f->v, 6); /* migration 7 made the homework tables */
	vault_close(f->v);
	f->v = NULL;
	for (int round = 0; round < 2; round++)
		refused_unchanged(f->dir, "updating the vault's layout", "homework_done_by_pack");
	test_vault_free(f);
}

/* ---- one failing I/O call in a layout update ------------------------------
 *
 * The fault hook sits under tend's VFS: SQLite's own "unix" VFS, whose
 * xOpen is swapped for one that gives the files under hook.dir methods
 * that count each write, sync and truncate and fail the nth of one kind
 * (once, or from then on), as tests/faults/inject.c does for a whole
 * tend. tend's VFS finds "unix" once, then calls through its pointer, so
 * the swap reaches it. */
enum { H_WRITE, H_SYNC, H_TRUNCATE, H_KINDS };
static const char *const hook_kind_names[H_KINDS] = {"write", "sync", "truncate"};

static struct {
	char dir[512];
	size_t dirlen;
	int kind; /* -1: only count */
	int n;
	bool persist;
	int full; /* a failing write says SQLITE_FULL, not an I/O error */
	int count[H_KINDS];
} hook = {.kind = -1};

static sqlite3_vfs *hook_vfs;
static int (*hook_real_open)(sqlite3_vfs *, sqlite3_filename, sqlite3_file *, int, int *);
/* The unix VFS gives a database and a journal different methods: each
 * real table with its hooked copy. */
static struct {
	const sqlite3_io_methods *real;
	sqlite3_io_methods hooked;
} hook_tables[4];

static const sqlite3_io_methods *real_of(sqlite3_file *f)
{
	for (size_t i = 0; i < sizeof hook_tables / sizeof hook_tables[0]; i++)
		if (f->pMethods == &hook_tables[i].hooked)
			return hook_tables[i].real;
	fail_msg("a file the hook does not know");
	return NULL;
}

static bool hook_fails(int kind)
{
	int n = ++hook.count[kind];
	return kind == hook.kind && (n == hook.n || (hook.persist && n > hook.n));
}

static int hook_write(sqlite3_file *f, const void *p, int amt, sqlite3_int64 off)
{
	if (hook_fails(H_WRITE))
		return hook.full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
	return real_of(f)->xWrite(f, p, amt, off);
}

static int hook_sync(sqlite3_file *f, int flags)
{
	return hook_fails(H_SYNC) ? SQLITE_IOERR_FSYNC : real_of(f)->xSync(f, flags);
}

static int hook_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return hook_fails(H_TRUNCATE) ? SQLITE_IOERR_TRUNCATE : real_of(f)->xTruncate(f, size);
}

static int hook_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *f, int flags,
                     int *out)
{
	int rc = hook_real_open(vfs, name, f, flags, out);
	if (rc != SQLITE_OK || !f->pMethods || !name || !hook.dirlen ||
	    strncmp(name, hook.dir, hook.dirlen) != 0 || name[hook.dirlen] != '/')
		return rc;
	size_t i = 0, n = sizeof hook_tables / sizeof hook_tables[0];
	while (i < n && hook_tables[i].real && hook_tables[i].real != f->pMethods)
		i++;
	assert_true(i < n);
	if (!hook_tables[i].real) {
		hook_tables[i].real = f->pMethods;
		hook_tables[i].hooked = *f->pMethods;
		hook_tables[i].hooked.xWrite = hook_write;
		hook_tables[i].hooked.xSync = hook_sync;
		hook_tables[i].hooked.xTruncate = hook_truncate;
	}
	f->pMethods = &hook_tables[i].hooked;
	return rc;
}

static void hook_install(const char *dir)
{
	hook_vfs = sqlite3_vfs_find("unix");
	assert_non_null(hook_vfs);
	hook_real_open = hook_vfs->xOpen;
	hook_vfs->xOpen = hook_open;
	snprintf(hook.dir, sizeof hook.dir, "%s", dir);
	hook.dirlen = strlen(hook.dir);
}

static void hook_remove(void)
{
	hook_vfs->xOpen = hook_real_open;
	hook.dirlen = 0;
}

static void hook_arm(int kind, int n, bool persist, int full)
{
	memset(hook.count, 0, sizeof hook.count);
	hook.kind = kind;
	hook.n = n;
	hook.persist = persist;
	hook.full = full;
}

static void copy_file(const char *from_dir, const char *to_dir, const char *name)
{
	char from[512], to[512];
	snprintf(from, sizeof from, "%s/%s", from_dir, name);
	snprintf(to, sizeof to, "%s/%s", to_dir, name);
	FILE *in = fopen(from, "rb");
	if (!in)
		return;
	FILE *out = fopen(to, "wb");
	assert_non_null(out);
	char b[4096];
	size_t n;
	while ((n = fread(b, 1, sizeof b, in)) > 0)
		assert_int_equal(fwrite(b, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static int64_t count_of(struct vault *v, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(vault_db(v), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Cases the VFS (src/store/vfs.c) breaks, as KNOWN_VFS in
 * tests/vault/inject.sh: shown as XFAIL while they fail, and a failure
 * once they pass, so the list shrinks with the fix. */
static const char *const known_vfs[] = {
	NULL,
};

static bool is_known(const char *id)
{
	for (size_t i = 0; known_vfs[i]; i++)
		if (strcmp(known_vfs[i], id) == 0)
			return true;
	return false;
}

/* The calls the last case's first open made. */
static int hook_counted[H_KINDS];

/* Runs one case on a fresh copy of the vault in tpl: the open (which runs
 * the layout update) with the fault, then a clean open. What broke goes
 * into why (empty when nothing did). */
static void migrate_case(const char *tpl, const char *dir, int kind, int n, bool persist, int full,
                         char *why, size_t whylen)
{
	static const char *const names[] = {"key", "key.bak", "tend.db", "tend.db-journal"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char p[512];
		snprintf(p, sizeof p, "%s/%s", dir, names[i]);
		remove(p);
		copy_file(tpl, dir, names[i]);
	}
	/* Every case starts again from the same copy, a step back in time on
	 * purpose: the per-device mark against rollback is forgotten first. */
	char marks[600];
	snprintf(marks, sizeof marks, "%s/tend", getenv("XDG_STATE_HOME"));
	test_rmtree(marks);
	why[0] = '\0';
	struct vault *v = NULL;
	struct error e = {0};
	hook_arm(kind, n, persist, full);
	int rc = vault_open(dir, "pw", 2, &v, &e);
	vault_close(v);
	memcpy(hook_counted, hook.count, sizeof hook_counted);
	hook_arm(-1, 0, false, 0);
	v = NULL;
	size_t at = 0;
#define WHY(...) (at += (size_t)snprintf(why + at, at < whylen ? whylen - at : 0, __VA_ARGS__))
	if (rc && (e.code != E_FAIL || strstr(e.msg, "Database error")))
		WHY(" failed-badly(code %d: %s)", e.code, e.msg);
	/* The next open finishes the update; after a reported success there
	 * is nothing left for it to write. */
	struct error e2 = {0};
	if (vault_open(dir, "pw", 2, &v, &e2) != 0) {
		WHY(" next-open-fails(code %d: %s)", e2.code, e2.msg);
		return;
	}
	if (rc == 0 && hook.count[H_WRITE])
		WHY(" reported-done-but-not-done");
	struct vault_check chk;
	if (vault_verify(v, &chk, &e2))
		WHY(" verify-fails(code %d)", e2.code);
	if (count_of(v, "PRAGMA user_version") != migrate_latest())
		WHY(" not-updated");
	if (count_of(v, "SELECT count(*) FROM entries WHERE title = 'written before the update' "
	                "AND body = 'kept through it all'") != 1)
		WHY(" entry-lost");
	vault_close(v);
#undef WHY
}

/* Which n of 1..count run: all with FAULT_FULL=1 or when there are few;
 * else the first three, the last three and about six between, as
 * tests/vault/inject.sh picks them. */
static bool sampled(int n, int count)
{
	const char *full = getenv("FAULT_FULL");
	if ((full && strcmp(full, "1") == 0) || count <= 12)
		return true;
	int step = (count + 5) / 6;
	return n <= 3 || n > count - 3 || n % step == 0;
}

/* A vault from before migrations 5 to 7 (they only add tables), opened
 * with each write, sync and truncate of its update failing in turn, once
 * and from then on (writes as a full disk and as an I/O error). Whether
 * the open reports the update done or not (E_FAIL, with a message), the
 * next open finishes it, the vault verifies, and the entry written before
 * is whole; after a reported success the next open has nothing to write.
 * (Each migration is its own transaction, so a failure may leave the ones
 * before it done: that is by design.) */
static void migration_with_each_io_failing(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	add_entry(f->v, "written before the update");
	struct error e = {0};
	assert_int_equal(store_exec(vault_db(f->v),
	                            "DROP TABLE homework_done; DROP TABLE homework_packs;"
	                            "DROP TABLE own_lists; DROP TABLE exercise_sessions;",
	                            &e),
	                 0);
	set_version(f->v, 4);
	vault_close(f->v);
	f->v = NULL;
	char *dir = test_tmpdir();
	hook_install(dir);
	char why[1024];
	migrate_case(f->dir, dir, -1, 0, false, 0, why, sizeof why);
	assert_string_equal(why, "");
	int counts[H_KINDS];
	memcpy(counts, hook_counted, sizeof counts);
	int cases = 0, unexpected = 0, xfail = 0;
	for (int k = 0; k < H_KINDS; k++) {
		printf("# migration: %s %d\n", hook_kind_names[k], counts[k]);
		for (int n = 1; n <= counts[k]; n++) {
			if (!sampled(n, counts[k]))
				continue;
			for (int variant = 0; variant < (k == H_WRITE ? 4 : 2); variant++) {
				bool persist = variant & 1;
				int full = variant >= 2;
				char id[96];
				snprintf(id, sizeof id, "migrate:%s:%d:%s:%s", hook_kind_names[k], n,
				         persist ? "persist" : "once", full ? "ENOSPC" : "EIO");
				migrate_case(f->dir, dir, k, n, persist, full, why, sizeof why);
				cases++;
				bool known = is_known(id);
				if (*why && known) {
					xfail++;
					printf("XFAIL - %s:%s\n", id, why);
				} else if (*why || known) {
					unexpected++;
					printf("not ok - %s:%s\n", id,
					       *why ? why : " passes now; take it out of known_vfs");
				}
			}
		}
	}
	printf("# migration: %d cases, %d failed, %d known VFS failures (XFAIL)\n", cases,
	       unexpected, xfail);
	hook_remove();
	test_rmtree(dir);
	free(dir);
	test_vault_free(f);
	assert_int_equal(unexpected, 0);
}

/* A commit that cannot finish (another tend is still reading, past the
 * wait) is reported as busy and rolled back, so the next change starts a
 * transaction of its own rather than failing inside the one left open. */
static void busy_commit_rolled_back(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct error e = {0};
	static const char pack[] = "---\ntitle: A week\nfrom: Sam\nassigned: 2026-11-20\n---\n";
	int64_t id;
	bool existed;
	assert_int_equal(hwpack_add(f->v, pack, strlen(pack), "A week", "Sam", "2026-11-20", NULL,
	                            &id, &existed, &e),
	                 0);
	struct vault *reader;
	if (vault_open(f->dir, "pw", 2, &reader, &e))
		fail_msg("%s", e.msg);
	assert_int_equal(store_exec(vault_db(reader), "BEGIN; SELECT count(*) FROM settings;", &e), 0);
	assert_int_equal(hwpack_remove(f->v, id, &e), -1);
	assert_int_equal(e.code, E_BUSY);
	assert_int_equal(store_exec(vault_db(reader), "COMMIT", &e), 0);
	vault_close(reader);
	struct error e2 = {0};
	if (hwpack_remove(f->v, id, &e2))
		fail_msg("%s", e2.msg);
	assert_int_equal(hwpack_count(f->v, &e2), 0);
	test_vault_free(f);
}

SUITE(faults, cmocka_unit_test(newer_vault_refused_untouched),
      cmocka_unit_test(failed_migration_rolls_back),
      cmocka_unit_test(migration_with_each_io_failing), cmocka_unit_test(busy_commit_rolled_back))
