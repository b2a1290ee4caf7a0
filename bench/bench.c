/* bench.c: `make bench`. Prints speed figures as ratios against references
 * measured in the same run, one line each ("bench: NAME VALUE"), then a
 * short summary with the targets. A slow result is reported, never
 * failed; only an error ends it with a non-zero status.
 *
 *   bench CACHE_DIR WORK_DIR SQLCIPHER_PROG|- [SKIP_REASON]
 *
 * CACHE_DIR keeps the 100k-entry vault and plain database between runs
 * (keyed by BENCH_DATA and the schema version); WORK_DIR is scratch space
 * the caller removes afterwards. SQLCIPHER_PROG is bench/sqlcipher.c
 * built against libsqlcipher, run as a child process, or "-" to skip
 * that comparison (SKIP_REASON says why).
 *
 * What is measured, and how:
 * - Commits: the same generated entries are committed one at a time to an
 *   encrypted vault (entries_add), a plain SQLite file (default VFS, same
 *   schema from migrate(), same pragmas, same statements prepared per
 *   commit as entries_add does), a copy of the 100k-entry vault, a copy of
 *   the 100k plain file and, when available, SQLCipher: one commit each per
 *   round, the order rotated every round, so the disk's drift and fsync
 *   noise fall on all alike. Figures are medians of the per-commit times.
 * - Search: FTS5 queries (LIMIT 50) over the 100k vault and the 100k
 *   plain file; SQLite's page cache is emptied before each timed query
 *   (sqlite3_db_release_memory), so pages come through the VFS (and its
 *   decryption) each time, from the OS cache. Order alternates.
 * - The whole program: the tend binary run as a child on copies of the 1k
 *   and 100k vaults with check-ins and trigger logs added (20k and 10k at
 *   100k), their keys wrapped again with the cheapest KDF limits: start to
 *   the unlock prompt and Enter to the home screen in a pseudo-terminal,
 *   then list, search, export and report as commands, each with its peak
 *   RSS (through `bench --rss-child`, see rss_child()).
 * - Import: 100,000 entries as jrnl's journal file (a title, a body line
 *   and a tag each) into a new vault, then the same file again (all found
 *   already there), through import_foreign as 'tend import' calls it.
 * - Merge: two copies of the 100k vault (and of the 1k vault), each with
 *   1,000 entries of its own, one merged into the other (store_sync_merge,
 *   as 'tend merge' does) in a child process: time, and peak resident
 *   size with its growth during the merge.
 * - Unlock: keyfile_unwrap alone (Argon2id with the key file's limits,
 *   which must be the real defaults) against the opening path without
 *   any KDF (vault_open_code: key file read, page-set scan, pragmas,
 *   schema check) plus the first query (the first 20 rows of the list). */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../src/store/store_int.h" /* vault_db(): bulk loading and searching */
#include "app/app.h"
#include "content/embed.h"
#include "content/page.h"
#include "content/render.h"
#include "widgets/textbuf.h"
#include "crypto/keyfile.h"
#include "crypto/secmem.h"
#include "gen.h"
#include "io/import.h"
#include "store/entries.h"
#include "store/journal.h"
#include "../tests/unit/store_helpers.h" /* entries_add, entries_count */
#include "store/insights.h"
#include "widgets/chart.h"
#include "store/migrate.h"
#include "store/sync.h"
#include "store/vault.h"
#include "util/timefmt.h"

/* Bump when the generated data or the way the cache is built changes. */
#define BENCH_DATA "d1"
#define BIG_N 100000
#define SMALL_N 1000
#define BULK_TXN 5000
#define COMMIT_ROUNDS 400
#define COMMIT_WARMUP 5
#define COMMIT_BASE 1000000 /* entry numbers used by the timed commits */
#define FTS_REPS 15
#define UNLOCK_REPS 5
#define FIRST_ROWS 20

static const char pass[] = "bench passphrase, not a secret";

static const char *const queries[] = {
	"today",      /* in about 2 of 3 entries */
	"walk",       /* about 1 in 3 */
	"grateful",   /* about 1 in 9 */
	"violin",     /* about 1 in 20 */
	"sleep tired", /* both words */
	GEN_UNCOMMON, /* about 1 in 400 */
	GEN_RARE,     /* about 1 in 4000 */
};
#define NQUERIES (sizeof(queries) / sizeof(queries[0]))

#define PLAIN_PRAGMAS                                                                           \
	"PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=TRUNCATE;"                             \
	"PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;"                                       \
	"PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;"                                         \
	"PRAGMA cell_size_check=ON; PRAGMA mmap_size=0;"

/* ---- small helpers -------------------------------------------------------- */

static void die(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench: error: ", stdout);
	vprintf(fmt, ap);
	fputc('\n', stdout);
	va_end(ap);
	fflush(stdout);
	exit(1);
}

static void note(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench: (", stderr);
	vfprintf(stderr, fmt, ap);
	fputs(")\n", stderr);
	va_end(ap);
}

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static char *fmt(const char *f, ...) PRINTF_LIKE(1, 2);
static char *fmt(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *s = NULL;
	if (vasprintf(&s, f, ap) < 0)
		die("out of memory");
	va_end(ap);
	return s;
}

static void xexec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		die("SQL failed (%s): %s", sql, msg ? msg : sqlite3_errmsg(db));
}

struct samples {
	double *v;
	size_t n, cap;
};

static void add(struct samples *s, double x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = realloc(s->v, s->cap * sizeof(*s->v));
		if (!s->v)
			die("out of memory");
	}
	s->v[s->n++] = x;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(const struct samples *s)
{
	if (!s->n)
		return 0;
	double *c = malloc(s->n * sizeof(*c));
	if (!c)
		die("out of memory");
	memcpy(c, s->v, s->n * sizeof(*c));
	qsort(c, s->n, sizeof(*c), cmp_double);
	double m = s->n % 2 ? c[s->n / 2] : (c[s->n / 2 - 1] + c[s->n / 2]) / 2;
	free(c);
	return m;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static double file_mb(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (double)st.st_size / (1024.0 * 1024.0) : 0;
}

/* Copies of one vault go back in time on purpose (a copy of the 1k vault
 * as it was before the commits measured on it): each is opened as if on a
 * computer of its own, with its own marks against rollback. */
static void own_marks(const char *dir)
{
	/* XDG_STATE_HOME counts only when absolute, as the spec says. */
	char cwd[4096];
	char *state = dir[0] == '/' ? fmt("%s.state", dir)
	                            : fmt("%s/%s.state", getcwd(cwd, sizeof cwd) ? cwd : "/tmp", dir);
	setenv("XDG_STATE_HOME", state, 1);
	free(state);
}

static void copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (in < 0 || out < 0)
		die("cannot copy %s to %s: %s", from, to, strerror(errno));
	static char buf[1 << 20];
	ssize_t n;
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(out, buf + done, (size_t)(n - done));
			if (w < 0)
				die("cannot write %s: %s", to, strerror(errno));
			done += w;
		}
	}
	/* Synced, so the first timed commit does not pay for the copy. */
	if (n < 0 || fsync(out) != 0)
		die("cannot copy %s: %s", from, strerror(errno));
	close(in);
	close(out);
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char buf[256];
	char *r = fgets(buf, sizeof(buf), f) ? strdup(buf) : NULL;
	fclose(f);
	if (r)
		r[strcspn(r, "\n")] = '\0';
	return r;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f || fprintf(f, "%s\n", text) < 0 || fclose(f) != 0)
		die("cannot write %s", path);
}

static void store_check(int rc, const struct error *e, const char *what)
{
	if (rc)
		die("%s: %s", what, e->msg);
}

/* ---- plain SQLite, the reference ------------------------------------------- */

static sqlite3 *plain_open(const char *path)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db,
	                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
	                         NULL);
	if (rc != SQLITE_OK)
		die("cannot open %s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	xexec(db, "PRAGMA page_size=4096;" PLAIN_PRAGMAS);
	xexec(db, "SELECT count(*) FROM sqlite_schema");
	struct error e = {0};
	store_check(migrate(db, &e), &e, "setting up the plain database");
	return db;
}

static void plain_fail(sqlite3 *db, sqlite3_stmt *st)
{
	const char *msg = sqlite3_errmsg(db);
	sqlite3_finalize(st);
	die("plain commit: %s", msg);
}

/* entries_add without the vault: the same statements, the same way. */
static void plain_add(sqlite3 *db, const char *title, const char *body,
                      const char *const *tags, size_t ntags)
{
	struct stamp now = stamp_now();
	sqlite3_stmt *st = NULL;
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		plain_fail(db, NULL);
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO entries(title, body, created_at, created_off,"
	                       " updated_at, updated_off) VALUES (?1, ?2, ?3, ?4, ?3, ?4)",
	                       -1, &st, NULL) != SQLITE_OK)
		plain_fail(db, st);
	sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now.t);
	sqlite3_bind_int(st, 4, now.off_min);
	if (sqlite3_step(st) != SQLITE_DONE)
		plain_fail(db, st);
	sqlite3_finalize(st);
	int64_t eid = sqlite3_last_insert_rowid(db);
	for (size_t i = 0; i < ntags; i++) {
		if (sqlite3_prepare_v2(db, "INSERT INTO tags(name) VALUES (?1) ON CONFLICT DO NOTHING",
		                       -1, &st, NULL) != SQLITE_OK)
			plain_fail(db, st);
		sqlite3_bind_text(st, 1, tags[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			plain_fail(db, st);
		sqlite3_finalize(st);
		if (sqlite3_prepare_v2(db,
		                       "INSERT OR IGNORE INTO entry_tags(entry_id, tag_id)"
		                       " SELECT ?1, id FROM tags WHERE name = ?2",
		                       -1, &st, NULL) != SQLITE_OK)
			plain_fail(db, st);
		sqlite3_bind_int64(st, 1, eid);
		sqlite3_bind_text(st, 2, tags[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			plain_fail(db, st);
		sqlite3_finalize(st);
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		plain_fail(db, NULL);
}

/* Entries [from, to) in transactions of BULK_TXN, with the statements
 * entries_add uses (prepared once) and made-up times 10 minutes apart.
 * Works on a vault's connection or a plain one alike. */
static void bulk_fill(sqlite3 *db, uint64_t from, uint64_t to)
{
	const int64_t t0 = 1600000000;
	sqlite3_stmt *ins, *tag, *link;
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO entries(title, body, created_at, created_off,"
	                       " updated_at, updated_off) VALUES (?1, ?2, ?3, 0, ?3, 0)",
	                       -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO tags(name) VALUES (?1) ON CONFLICT DO NOTHING", -1,
	                       &tag, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
	                       "INSERT OR IGNORE INTO entry_tags(entry_id, tag_id)"
	                       " SELECT ?1, id FROM tags WHERE name = ?2",
	                       -1, &link, NULL) != SQLITE_OK)
		die("bulk load: %s", sqlite3_errmsg(db));
	char title[GEN_TITLE_MAX], body[GEN_BODY_MAX];
	const char *tags[2];
	size_t ntags;
	for (uint64_t i = from; i < to; i++) {
		if ((i - from) % BULK_TXN == 0)
			xexec(db, i == from ? "BEGIN IMMEDIATE" : "COMMIT; BEGIN IMMEDIATE");
		gen_entry(i, title, body, tags, &ntags);
		sqlite3_bind_text(ins, 1, title, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, body, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 3, t0 + (int64_t)i * 600);
		if (sqlite3_step(ins) != SQLITE_DONE)
			die("bulk load: %s", sqlite3_errmsg(db));
		sqlite3_reset(ins);
		int64_t eid = sqlite3_last_insert_rowid(db);
		for (size_t k = 0; k < ntags; k++) {
			sqlite3_bind_text(tag, 1, tags[k], -1, SQLITE_STATIC);
			sqlite3_bind_int64(link, 1, eid);
			sqlite3_bind_text(link, 2, tags[k], -1, SQLITE_STATIC);
			if (sqlite3_step(tag) != SQLITE_DONE || sqlite3_step(link) != SQLITE_DONE)
				die("bulk load: %s", sqlite3_errmsg(db));
			sqlite3_reset(tag);
			sqlite3_reset(link);
		}
	}
	xexec(db, "COMMIT");
	sqlite3_finalize(ins);
	sqlite3_finalize(tag);
	sqlite3_finalize(link);
}

/* ---- the 100k cache ---------------------------------------------------------- */

struct cache {
	char *dir, *vault, *plain, *code_file;
	char code[VAULT_CODE_MAX];
	double build_s; /* 0 when it was there already */
};

static bool kdf_is_default(const struct kdf_params *p)
{
	struct kdf_params d;
	kdf_params_default(&d, false);
	return p->opslimit == d.opslimit && p->memlimit == d.memlimit;
}

/* Is the cache there, complete, and readable by this build of tend? */
static bool cache_usable(struct cache *c, const char *key)
{
	char *done = fmt("%s/done", c->dir);
	char *have = read_text(done);
	free(done);
	bool ok = have && strcmp(have, key) == 0;
	free(have);
	char *code = ok ? read_text(c->code_file) : NULL;
	ok = code && strlen(code) < VAULT_CODE_MAX;
	if (ok)
		snprintf(c->code, sizeof(c->code), "%s", code);
	free(code);
	if (!ok)
		return false;
	struct keyfile kf;
	bool used;
	struct error e = {0};
	if (keyfile_load(c->vault, &kf, &used, &e) || used || !kdf_is_default(&kf.kdf)) {
		note("the cached vault's key file is not usable (%s); building it again",
		     e.msg[0] ? e.msg : "other KDF limits");
		return false;
	}
	struct vault *v;
	own_marks(c->vault);
	if (vault_open_code(c->vault, c->code, &v, &e)) {
		note("the cached vault does not open with this tend (%s); building it again", e.msg);
		return false;
	}
	int64_t n = entries_count(v);
	vault_close(v);
	return n == BIG_N && exists(c->plain);
}

static void cache_prepare(struct cache *c, const char *root)
{
	char *key = fmt("%s-s%d-n%d", BENCH_DATA, migrate_latest(), BIG_N);
	c->dir = fmt("%s/cache-%s", root, key);
	c->vault = fmt("%s/vault", c->dir);
	c->plain = fmt("%s/plain.db", c->dir);
	c->code_file = fmt("%s/code", c->dir);
	c->build_s = 0;
	if (cache_usable(c, key)) {
		free(key);
		return;
	}
	note("building the %d-entry vault and plain database once, in %s", BIG_N, c->dir);
	double t0 = now_us();
	char *cmd = fmt("rm -rf '%s'", c->dir);
	if (system(cmd) != 0)
		die("cannot clear %s", c->dir);
	free(cmd);
	if (mkdir(c->dir, 0700) != 0)
		die("cannot create %s: %s", c->dir, strerror(errno));

	/* With the real Argon2id limits: the unlock figures use this vault. */
	unsetenv("TEND_INSECURE_FAST_KDF");
	struct error e = {0};
	store_check(vault_init(c->vault, pass, strlen(pass), c->code, &e), &e, "creating the vault");
	write_text(c->code_file, c->code);
	struct vault *v;
	own_marks(c->vault);
	store_check(vault_open_code(c->vault, c->code, &v, &e), &e, "opening the new vault");
	xexec(vault_db(v), "PRAGMA cache_size=-131072"); /* this connection only */
	bulk_fill(vault_db(v), 0, BIG_N);
	vault_close(v);

	sqlite3 *db = plain_open(c->plain);
	xexec(db, "PRAGMA cache_size=-131072");
	bulk_fill(db, 0, BIG_N);
	if (sqlite3_close(db) != SQLITE_OK)
		die("cannot close %s", c->plain);

	char *done = fmt("%s/done", c->dir);
	write_text(done, key);
	free(done);
	c->build_s = (now_us() - t0) / 1e6;
	note("built in %.0f s", c->build_s);

	/* Caches of other data versions are stale now. */
	cmd = fmt("for d in '%s'/cache-*; do [ \"$d\" = '%s' ] || rm -rf \"$d\"; done", root, c->dir);
	if (system(cmd) != 0)
		note("could not remove old caches");
	free(cmd);
	free(key);
}

/* ---- SQLCipher, in a child process ------------------------------------------ */

struct child {
	pid_t pid;
	FILE *to, *from;
	char info[256];
};

static void child_start(struct child *ch, const char *prog, const char *db, const char *schema)
{
	int in[2], out[2];
	if (pipe(in) != 0 || pipe(out) != 0)
		die("pipe: %s", strerror(errno));
	fflush(NULL);
	ch->pid = fork();
	if (ch->pid < 0)
		die("fork: %s", strerror(errno));
	if (ch->pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]), close(in[1]), close(out[0]), close(out[1]);
		char npre[32], base[32];
		snprintf(npre, sizeof(npre), "%d", SMALL_N);
		snprintf(base, sizeof(base), "%d", COMMIT_BASE);
		execl(prog, prog, db, schema, npre, base, (char *)NULL);
		fprintf(stdout, "error: cannot run %s: %s\n", prog, strerror(errno));
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	ch->to = fdopen(in[1], "w");
	ch->from = fdopen(out[0], "r");
	if (!ch->to || !ch->from)
		die("fdopen: %s", strerror(errno));
	if (!fgets(ch->info, sizeof(ch->info), ch->from) || strncmp(ch->info, "ready ", 6) != 0)
		die("the SQLCipher program failed: %s", ch->info[0] ? ch->info : "no answer");
	ch->info[strcspn(ch->info, "\n")] = '\0';
}

static void child_commits(struct child *ch, int n, struct samples *s)
{
	fprintf(ch->to, "c %d\n", n);
	fflush(ch->to);
	char line[256];
	for (int i = 0; i < n; i++) {
		if (!fgets(line, sizeof(line), ch->from))
			die("the SQLCipher program stopped");
		char *end;
		double us = strtod(line, &end);
		if (end == line)
			die("the SQLCipher program failed: %s", line);
		if (s)
			add(s, us);
	}
}

static void child_stop(struct child *ch)
{
	fputs("q\n", ch->to);
	fclose(ch->to);
	fclose(ch->from);
	int status;
	if (waitpid(ch->pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("the SQLCipher program did not end cleanly");
}

/* The schema as the plain database has it, minus FTS5's shadow tables
 * (creating the virtual table makes them). */
static void write_schema(sqlite3 *db, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write %s", path);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
	                       "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND NOT"
	                       " (type = 'table' AND name LIKE 'entries\\_fts\\_%' ESCAPE '\\')"
	                       " ORDER BY rowid",
	                       -1, &st, NULL) != SQLITE_OK)
		die("reading the schema: %s", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(f, "%s;\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (fclose(f) != 0)
		die("cannot write %s", path);
}

/* ---- commits ---------------------------------------------------------------- */

enum { ENC_1K, PLAIN_1K, ENC_100K, PLAIN_100K, SQLC_1K, NDB };

struct commit_targets {
	struct vault *enc1k, *enc100k;
	sqlite3 *plain1k, *plain100k;
	struct child *sqlc;
	/* SQLite's own counts over the timed commits: pages it had to read
	 * (page-cache misses, through the VFS) and pages it wrote. */
	long long pages_read[NDB], pages_written[NDB];
};

static sqlite3 *target_db(struct commit_targets *t, int which)
{
	switch (which) {
	case ENC_1K:
		return vault_db(t->enc1k);
	case ENC_100K:
		return vault_db(t->enc100k);
	case PLAIN_1K:
		return t->plain1k;
	default:
		return t->plain100k;
	}
}

static void commit_one(struct commit_targets *t, int which, uint64_t i, struct samples *s)
{
	char title[GEN_TITLE_MAX], body[GEN_BODY_MAX];
	const char *tags[2];
	size_t ntags;
	gen_entry(i, title, body, tags, &ntags);
	struct error e = {0};
	int64_t id;
	sqlite3 *db = target_db(t, which);
	int cur, hi;
	sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &cur, &hi, 1);
	sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &cur, &hi, 1);
	double t0 = now_us();
	if (which == PLAIN_1K || which == PLAIN_100K)
		plain_add(db, title, body, tags, ntags);
	else
		store_check(entries_add(which == ENC_1K ? t->enc1k : t->enc100k, title, body, tags,
		                        ntags, &id, &e),
		            &e, "entries_add");
	double dt = now_us() - t0;
	if (s) {
		add(s, dt);
		sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &cur, &hi, 0);
		t->pages_read[which] += cur;
		sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &cur, &hi, 0);
		t->pages_written[which] += cur;
	}
}

/* One commit per database per round, the order rotated every round, so
 * the disk's slow and fast spells fall on all of them alike. Each
 * database gets entries COMMIT_BASE + k, k = 0, 1, ..., the same texts in
 * the same order. */
static void run_commits(struct commit_targets *t, struct samples s[NDB])
{
	int order[NDB], n = 0;
	for (int d = 0; d < NDB; d++)
		if (d != SQLC_1K || t->sqlc)
			order[n++] = d;
	uint64_t next[NDB] = {0};
	for (int round = -COMMIT_WARMUP; round < COMMIT_ROUNDS; round++) {
		for (int k = 0; k < n; k++) {
			int d = order[(k + (round < 0 ? 0 : round)) % n];
			struct samples *out = round < 0 ? NULL : &s[d];
			if (d == SQLC_1K)
				child_commits(t->sqlc, 1, out);
			else
				commit_one(t, d, COMMIT_BASE + next[d]++, out);
		}
	}
}

/* ---- search -------------------------------------------------------------- */

static double fts_query(sqlite3 *db, const char *q, bool cold, int *rows, int *pages)
{
	if (cold)
		sqlite3_db_release_memory(db);
	int cur, hi;
	sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &cur, &hi, 1);
	double t0 = now_us();
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
	                       "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?1 LIMIT 50",
	                       -1, &st, NULL) != SQLITE_OK)
		die("search: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	int rc, n = 0;
	int64_t sum = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sum += sqlite3_column_int64(st, 0);
		n++;
	}
	if (rc != SQLITE_DONE)
		die("search for %s: %s", q, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	double dt = now_us() - t0;
	if (rows)
		*rows = n;
	if (pages) {
		sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &cur, &hi, 0);
		*pages = cur;
	}
	(void)sum;
	return dt;
}

struct fts_result {
	double enc_med[NQUERIES], plain_med[NQUERIES];
	int rows[NQUERIES], pages[NQUERIES]; /* rows found, pages read with a cold cache */
	struct samples enc_all;
	double hot_enc, hot_plain; /* sums of per-query medians, warm page cache */
};

static void run_fts(sqlite3 *enc, sqlite3 *plain, struct fts_result *r)
{
	memset(r, 0, sizeof(*r));
	for (size_t q = 0; q < NQUERIES; q++) {
		int a, b, pa, pb;
		fts_query(enc, queries[q], true, &a, &pa);
		fts_query(plain, queries[q], true, &b, &pb);
		if (a != b)
			die("search for '%s' found %d rows encrypted, %d plain", queries[q], a, b);
		r->rows[q] = a;
		r->pages[q] = pa;
	}
	for (int hot = 0; hot < 2; hot++) {
		for (size_t q = 0; q < NQUERIES; q++) {
			struct samples se = {0}, sp = {0};
			for (int rep = 0; rep < FTS_REPS; rep++) {
				for (int k = 0; k < 2; k++) {
					bool do_enc = (k + rep) % 2 == 0;
					double dt = fts_query(do_enc ? enc : plain, queries[q], !hot, NULL, NULL);
					add(do_enc ? &se : &sp, dt);
					if (do_enc && !hot)
						add(&r->enc_all, dt);
				}
			}
			if (hot) {
				r->hot_enc += median(&se);
				r->hot_plain += median(&sp);
			} else {
				r->enc_med[q] = median(&se);
				r->plain_med[q] = median(&sp);
			}
			free(se.v);
			free(sp.v);
		}
	}
}

/* ---- unlock ---------------------------------------------------------------- */

static int count_row(const struct entry *en, void *arg)
{
	(void)en;
	return ++*(int *)arg >= FIRST_ROWS;
}

static void first_query(struct vault *v)
{
	struct error e = {0};
	int n = 0;
	store_check(entries_each(v, count_row, &n, &e), &e, "listing entries");
	if (n != FIRST_ROWS)
		die("the list gave %d rows, not %d", n, FIRST_ROWS);
}

struct unlock_result {
	double kdf_ms;   /* keyfile_unwrap alone */
	double nokdf_ms; /* vault_open_code + first query */
	double diff_ms;  /* (vault_open + first query) - keyfile_unwrap, paired */
	double small_ms; /* vault_open_code + first query on the 1k vault */
};

static double open_code_ms(const char *dir, const char *code)
{
	struct vault *v;
	struct error e = {0};
	double t0 = now_us();
	own_marks(dir);
	store_check(vault_open_code(dir, code, &v, &e), &e, "opening with the code");
	first_query(v);
	double dt = now_us() - t0;
	vault_close(v);
	return dt / 1e3;
}

/* Argon2id's time on this shared machine drifts by tens of percent, so
 * the "vault_open minus KDF" check pairs each open with a KDF run next
 * to it, in alternating order, and takes the median of the differences. */
static void run_unlock(const struct cache *c, const char *small_dir, const char *small_code,
                       struct unlock_result *r)
{
	struct keyfile kf;
	bool used;
	struct error e = {0};
	store_check(keyfile_load(c->vault, &kf, &used, &e), &e, "reading the key file");
	if (!kdf_is_default(&kf.kdf))
		die("the cached vault does not have the default KDF limits");
	uint8_t *key = secmem_alloc(VAULT_KEY_BYTES);
	if (!key)
		die("out of memory");
	struct samples kdf = {0}, nokdf = {0}, diff = {0}, small = {0};
	for (int rep = 0; rep < UNLOCK_REPS; rep++) {
		double k = 0, o = 0;
		for (int step = 0; step < 2; step++) {
			double t0 = now_us();
			if ((step + rep) % 2 == 0) {
				store_check(keyfile_unwrap(&kf, pass, strlen(pass), key, &e), &e,
				            "unwrapping the key");
				k = (now_us() - t0) / 1e3;
			} else {
				struct vault *v;
				own_marks(c->vault);
				store_check(vault_open(c->vault, pass, strlen(pass), &v, &e), &e, "opening");
				first_query(v);
				o = (now_us() - t0) / 1e3;
				vault_close(v);
			}
		}
		add(&kdf, k);
		add(&diff, o - k);
		add(&nokdf, open_code_ms(c->vault, c->code));
		add(&small, open_code_ms(small_dir, small_code));
	}
	secmem_free(key);
	r->kdf_ms = median(&kdf);
	r->nokdf_ms = median(&nokdf);
	r->diff_ms = median(&diff);
	r->small_ms = median(&small);
	free(kdf.v), free(nokdf.v), free(diff.v), free(small.v);
}

/* ---- the full-screen app, headless ------------------------------------------ */

/* Events for one run: unlock, open Learn, open a page, then keystrokes.
 * The time from handing the app an event to its next read is that event's
 * frame: it handled the key and drew the screen. */
enum ui_mark { UI_KEY, UI_UNLOCK, UI_PAGE };

struct ui_script {
	struct event ev[200];
	enum ui_mark mark[200];
	int n, at;
	double handed; /* when the last event was handed over, us */
	enum ui_mark last;
	struct samples keys, unlock, page;
};

static void ui_push(struct ui_script *s, enum ev_type t, int key, const char *text,
                    enum ui_mark m)
{
	struct event *e = &s->ev[s->n];
	memset(e, 0, sizeof(*e));
	e->type = t;
	e->key = key;
	if (text)
		snprintf(e->text, sizeof(e->text), "%s", text);
	s->mark[s->n++] = m;
}

static void ui_read(struct event *ev, int timeout_ms, void *arg)
{
	(void)timeout_ms;
	struct ui_script *s = arg;
	double now = now_us();
	if (s->at > 0) {
		struct samples *into = s->last == UI_UNLOCK ? &s->unlock
		                       : s->last == UI_PAGE ? &s->page : &s->keys;
		add(into, (now - s->handed) / 1e3);
	}
	if (s->at >= s->n) {
		memset(ev, 0, sizeof(*ev));
		ev->type = EV_EOF;
		return;
	}
	*ev = s->ev[s->at];
	s->last = s->mark[s->at++];
	s->handed = now_us();
}

static void run_ui(const char *vault_dir, double *unlock_ms, double *page_ms, double *key_ms,
                   double *key_max_ms, double *render_ms)
{
	struct ui_script *s = calloc(1, sizeof(*s));
	if (!s)
		die("out of memory");
	for (const char *p = pass; *p; p++) {
		char t[2] = {*p, 0};
		ui_push(s, EV_TEXT, *p, t, UI_KEY);
	}
	ui_push(s, EV_KEY, KEYC_ENTER, NULL, UI_UNLOCK);  /* unlock, KDF included */
	ui_push(s, EV_KEY, KEYC_ENTER, NULL, UI_KEY);     /* home: Learn */
	ui_push(s, EV_KEY, KEYC_DOWN, NULL, UI_KEY);
	ui_push(s, EV_KEY, KEYC_DOWN, NULL, UI_KEY);
	ui_push(s, EV_KEY, KEYC_ENTER, NULL, UI_PAGE);    /* a page (content note first) */
	ui_push(s, EV_KEY, KEYC_ENTER, NULL, UI_PAGE);    /* read on */
	for (int i = 0; i < 60; i++)
		ui_push(s, EV_KEY, i % 10 == 9 ? KEYC_PGDN : KEYC_DOWN, NULL, UI_KEY);
	for (int i = 0; i < 40; i++)
		ui_push(s, EV_KEY, i % 2 ? KEYC_UP : KEYC_PGUP, NULL, UI_KEY);
	setenv("TEND_HOME", vault_dir, 1);
	setenv("LINES", "40", 1);
	setenv("COLUMNS", "120", 1);
	setenv("TERM", "xterm-256color", 1);
	FILE *in = fopen("/dev/null", "r"), *out = fopen("/dev/null", "w");
	if (!in || !out)
		die("cannot open /dev/null");
	struct app_io io = {ui_read, s, NULL};
	struct app_opts o = {.headless = true, .in = in, .out = out, .io = &io};
	app_run(&o);
	fclose(in);
	fclose(out);
	*unlock_ms = median(&s->unlock);
	*page_ms = median(&s->page);
	*key_ms = median(&s->keys);
	double mx = 0;
	for (size_t i = 0; i < s->keys.n; i++)
		mx = s->keys.v[i] > mx ? s->keys.v[i] : mx;
	*key_max_ms = mx;
	/* Rendering a Learn page on its own: parse and lay out, every page. */
	struct samples r = {0};
	const char *paths[32];
	size_t np = content_list("learn/", paths, 32);
	for (int rep = 0; rep < 20; rep++) {
		for (size_t i = 0; i < np && i < 32; i++) {
			struct page_meta m;
			const char *body;
			size_t len;
			struct error e;
			double t0 = now_us();
			if (page_load(paths[i], &m, &body, &len, &e))
				die("%s", e.msg);
			struct doc *d = doc_parse(body, len, &e);
			struct layout *l = d ? doc_layout(d, 80) : NULL;
			add(&r, (now_us() - t0) / 1e3);
			layout_free(l);
			doc_free(d);
			page_meta_free(&m);
		}
	}
	*render_ms = median(&r);
	free(r.v), free(s->keys.v), free(s->unlock.v), free(s->page.v);
	free(s);
}

/* ---- the journal list ---------------------------------------------------------- */

struct journal_result {
	double open_ms, scroll_ms, key_ms;
};

static void free_rows(struct entry_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		entry_row_free(&r[i]);
}

/* What the list screen asks of the store: the first screenful, the next
 * page while scrolling, and a search for each keystroke of a query. */
static void run_journal(struct vault *v, struct journal_result *r)
{
	struct entry_row rows[40];
	size_t n;
	struct error e;
	struct samples open = {0}, scroll = {0}, key = {0};
	for (int rep = 0; rep < 30; rep++) {
		double t0 = now_us();
		store_check(journal_rows(v, NULL, NULL, rows, 40, &n, &e), &e, "listing");
		add(&open, (now_us() - t0) / 1e3);
		struct entry_cursor c = entry_cursor_after(&rows[n - 1], NULL);
		free_rows(rows, n);
		for (int page = 0; page < 10; page++) {
			t0 = now_us();
			store_check(journal_rows(v, NULL, &c, rows, 40, &n, &e), &e, "scrolling");
			add(&scroll, (now_us() - t0) / 1e3);
			if (!n)
				break;
			c = entry_cursor_after(&rows[n - 1], NULL);
			free_rows(rows, n);
		}
	}
	static const char *const typed[] = {"walk", "grateful", "sleep tired", "lighthouse"};
	for (int rep = 0; rep < 5; rep++) {
		for (size_t w = 0; w < sizeof(typed) / sizeof(typed[0]); w++) {
			for (size_t len = 1; len <= strlen(typed[w]); len++) {
				char q[32];
				snprintf(q, sizeof(q), "%.*s", (int)len, typed[w]);
				struct entry_query eq = {.text = q};
				double t0 = now_us();
				store_check(journal_rows(v, &eq, NULL, rows, 40, &n, &e), &e, "searching");
				add(&key, (now_us() - t0) / 1e3);
				free_rows(rows, n);
			}
		}
	}
	r->open_ms = median(&open);
	r->scroll_ms = median(&scroll);
	r->key_ms = median(&key);
	free(open.v), free(scroll.v), free(key.v);
}

/* ---- insights --------------------------------------------------------------------- */

/* n check-ins `step` seconds apart and ntrig trigger logs spread over the
 * same span, ending at `end`, in one transaction. */
static void add_tracking(sqlite3 *db, int n, int64_t step, int ntrig, int64_t end)
{
	xexec(db, "BEGIN");
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO moods(at, at_off, score, sleep_hours, energy, tags)"
	                           " VALUES (?1, 60, ?2, ?3, ?4, ?5)", -1, &st, NULL) != SQLITE_OK)
		die("prepare");
	for (int d = 0; d < n; d++) {
		sqlite3_bind_int64(st, 1, end - (int64_t)d * step);
		sqlite3_bind_int(st, 2, (d * 7) % 11);
		sqlite3_bind_double(st, 3, 5 + (d % 5));
		sqlite3_bind_int(st, 4, (d * 3) % 11);
		sqlite3_bind_text(st, 5, d % 3 ? "rest" : "work,rest", -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("insert mood");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "INSERT INTO triggers(at, at_off, category, what, suds_before,"
	                           " suds_after, tool_id) VALUES (?1, 60, ?2, 'x', ?3, ?4, ?5)",
	                       -1, &st, NULL) != SQLITE_OK)
		die("prepare");
	static const char *const cats[] = {"people", "place", "sound", "conflict", "media"};
	for (int i = 0; i < ntrig; i++) {
		sqlite3_bind_int64(st, 1, end - (int64_t)(i * 7919) % ((int64_t)n * step));
		sqlite3_bind_text(st, 2, cats[i % 5], -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, 5 + i % 6);
		sqlite3_bind_int(st, 4, i % 5);
		sqlite3_bind_int(st, 5, 1 + i % 8);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("insert trigger");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	xexec(db, "COMMIT");
}

/* A vault with `days` daily check-ins and `ntrig` trigger logs. */
static struct vault *insights_vault(const char *dir, int days, int ntrig)
{
	char code[VAULT_CODE_MAX];
	struct error e = {0};
	struct vault *v;
	store_check(vault_init(dir, pass, strlen(pass), code, &e), &e, "creating a vault");
	own_marks(dir);
	store_check(vault_open(dir, pass, strlen(pass), &v, &e), &e, "opening it");
	add_tracking(vault_db(v), days, 86400, ntrig, 1795420800);
	return v;
}

/* What the Insights year view does: read, summarise, lay out its charts. */
static double insights_once(struct vault *v)
{
	double t0 = now_us();
	struct insight_data d;
	struct error e = {0};
	store_check(insights_load(v, &d, &e), &e, "reading insights");
	struct heatmap hm;
	year_heatmap(d.moods, d.nmoods, 2026, 0, &hm);
	struct series sr;
	if (mood_series(d.moods, d.nmoods, 1795420800 - 365LL * 86400, 1795420800, B_MONTH, &sr))
		die("series");
	struct trigger_counts tc;
	struct tool_effect *te;
	size_t nte;
	if (trigger_counts(d.triggers, d.ntriggers, &tc) ||
	    coping_effects(d.triggers, d.ntriggers, &te, &nte))
		die("stats");
	struct chart_text a, b;
	if (chart_heatmap_text(&hm, INT64_MAX, 9, 120, false, &a) ||
	    chart_bars_text(&sr, 12, 120, false, &b))
		die("chart");
	double ms = (now_us() - t0) / 1e3;
	chart_text_free(&a);
	chart_text_free(&b);
	free(te);
	trigger_counts_free(&tc);
	series_free(&sr);
	insights_free(&d);
	return ms;
}

static void run_insights(const char *work, double *big_ms, double *small_ms)
{
	setenv("TEND_INSECURE_FAST_KDF", "1", 1);
	char *bd = fmt("%s/ins-big", work), *sd = fmt("%s/ins-small", work);
	struct vault *big = insights_vault(bd, 5 * 365 + 1, 10000);
	struct vault *small = insights_vault(sd, 30, 160);
	unsetenv("TEND_INSECURE_FAST_KDF");
	struct samples b = {0}, s = {0};
	for (int i = 0; i < 21; i++) {
		add(&b, insights_once(big));
		add(&s, insights_once(small));
	}
	*big_ms = median(&b);
	*small_ms = median(&s);
	free(b.v), free(s.v);
	vault_close(big);
	vault_close(small);
	free(bd), free(sd);
}

/* ---- typing into a long entry ------------------------------------------------ */

/* One keystroke into a text buffer holding `text` (insert, undo record,
 * word count, re-wrap at 79), at `at`: the mean over 2000 keys, in ms. */
static double keystroke_ms(const char *text, size_t n, size_t at)
{
	struct textbuf *tb = textbuf_new(NULL, NULL);
	if (!tb || textbuf_set_text(tb, text, n) || textbuf_layout(tb, 79))
		die("textbuf");
	textbuf_set_cursor(tb, at);
	const char *keys = "the quick brown fox jumps over the lazy dog ";
	int count = 2000;
	double t0 = now_us();
	for (int i = 0; i < count; i++) {
		if (textbuf_type(tb, keys + i % 44, 1))
			die("textbuf_type");
		(void)textbuf_words(tb);
		(void)textbuf_col_of(tb, textbuf_cursor(tb));
	}
	double per = (now_us() - t0) / 1e3 / count;
	textbuf_free(tb);
	return per;
}

struct typing {
	double small, start, mid, para;
};

/* A 1 KB entry, and a 100 KB one in paragraphs of about 60 words (at the
 * start and in the middle) and as one paragraph. */
static void run_typing(struct typing *r)
{
	size_t n = 100 * 1024;
	char *text = malloc(n), *flat = malloc(n);
	if (!text || !flat)
		die("out of memory");
	static const char *const words[] = {"today ", "I ", "felt ", "lighter ", "than ",
	                                    "yesterday, ", "and ", "that ", "matters. "};
	size_t i = 0, k = 0;
	while (i < n) {
		const char *w = words[k++ % 9];
		for (size_t j = 0; w[j] && i < n; j++, i++)
			flat[i] = text[i] = w[j];
		if (k % 60 == 0 && i < n)
			text[i - 1] = '\n';
	}
	r->small = keystroke_ms(text, 1024, 512);
	r->start = keystroke_ms(text, n, 0);
	r->mid = keystroke_ms(text, n, n / 2);
	r->para = keystroke_ms(flat, n, n / 2);
	free(text), free(flat);
}

/* ---- the whole program ------------------------------------------------------- */

/* The tend binary itself, as a person runs it: each command in a child
 * process (so its peak RSS is its own), timed from fork to exit. The vaults
 * are copies whose key is wrapped again with the cheapest KDF limits, so
 * the figures are tend's own work apart from Argon2id (measured above). */
static char *prog_vault(const char *work, const char *name, const char *from, const char *code,
                        int moods, int trigs)
{
	char *dir = fmt("%s/%s", work, name);
	if (mkdir(dir, 0700) != 0)
		die("cannot create %s: %s", dir, strerror(errno));
	static const char *const files[] = {"key", "key.bak", "tend.db"};
	for (size_t i = 0; i < 3; i++) {
		char *a = fmt("%s/%s", from, files[i]), *b = fmt("%s/%s", dir, files[i]);
		copy_file(a, b);
		free(a), free(b);
	}
	struct vault *v;
	struct error e = {0};
	setenv("TEND_INSECURE_FAST_KDF", "1", 1);
	own_marks(dir);
	store_check(vault_open_code(dir, code, &v, &e), &e, "opening a copy");
	store_check(vault_set_passphrase(v, pass, strlen(pass), &e), &e, "re-wrapping its key");
	/* Check-ins three a day, back from the newest entry's time. */
	add_tracking(vault_db(v), moods, 8 * 3600, trigs, 1600000000 + (int64_t)BIG_N * 600);
	vault_close(v);
	unsetenv("TEND_INSECURE_FAST_KDF");
	return dir;
}

/* Peak RSS. A process's ru_maxrss starts at its parent's resident size
 * when it forks and survives exec, so a child of this (large) bench would
 * report the bench's memory. Children therefore run through the bench
 * itself re-executed as a tiny wrapper (`bench --rss-child PROG ARGS`): it
 * forks PROG from a fresh, small image, waits, and writes PROG's own peak
 * (KiB) to fd 4. */
static int rss_child(char **argv)
{
	pid_t pid = fork();
	if (pid < 0)
		return 127;
	if (pid == 0) {
		close(4);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid)
		return 127;
	dprintf(4, "%ld\n", ru.ru_maxrss);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* In a forked child with fd 4 the write end of a pipe: runs prog. */
static void rss_exec(const char *prog, char **argv)
{
	char *args[20] = {(char *)"bench", (char *)"--rss-child", (char *)prog};
	int n = 3;
	for (int i = 1; argv[i] && n < 19; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	execv("/proc/self/exe", args);
	_exit(127);
}

static long rss_read(int fd)
{
	char b[32] = "";
	ssize_t n = read(fd, b, sizeof b - 1);
	close(fd);
	return n > 0 ? atol(b) : 0;
}

struct run {
	double ms;
	long rss_kb;
};

/* tend ARGS... with the passphrase on fd 3 and standard output to out. */
static struct run run_tend(const char *tend, const char *home, const char *out,
                           const char *const *args)
{
	int p[2];
	if (pipe(p) != 0)
		die("pipe: %s", strerror(errno));
	dprintf(p[1], "%s\n", pass);
	close(p[1]);
	int q[2];
	if (pipe(q) != 0)
		die("pipe: %s", strerror(errno));
	double t0 = now_us();
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		char *argv[16] = {(char *)"tend", (char *)"--passphrase-fd", (char *)"3"};
		int n = 3;
		for (; *args && n < 15; args++)
			argv[n++] = (char *)*args;
		argv[n] = NULL;
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int null = open("/dev/null", O_RDWR);
		if (o < 0 || null < 0 || dup2(null, 0) < 0 || dup2(o, 1) < 0 || dup2(null, 2) < 0 ||
		    dup2(p[0], 3) < 0)
			_exit(127);
		setenv("TEND_HOME", home, 1);
		setenv("TEND_INSECURE_FAST_KDF", "1", 1);
		if (dup2(q[1], 4) < 0)
			_exit(127);
		rss_exec(tend, argv);
	}
	close(p[0]);
	close(q[1]);
	int status;
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid: %s", strerror(errno));
	struct run r = {(now_us() - t0) / 1e3, rss_read(q[0])};
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("tend %s exited with %d", args[0], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return r;
}

/* Reads the terminal's output until `want` shows (true), or until the
 * output has been quiet for quiet_ms with want NULL, or timeout_ms. */
static bool pty_wait(int fd, const char *want, int quiet_ms, int timeout_ms)
{
	static char seen[1 << 16];
	static size_t len;
	if (!want)
		len = 0;
	double end = now_us() + timeout_ms * 1e3;
	for (;;) {
		if (want && memmem(seen, len, want, strlen(want))) {
			len = 0;
			return true;
		}
		double left = (end - now_us()) / 1e3;
		if (left <= 0)
			return false;
		struct pollfd pf = {fd, POLLIN, 0};
		int r = poll(&pf, 1, want ? (int)left : quiet_ms);
		if (r == 0 && !want)
			return true;
		if (r <= 0)
			continue;
		char b[4096];
		ssize_t n = read(fd, b, sizeof b);
		if (n <= 0)
			return false;
		if (len + (size_t)n > sizeof seen) /* keep the tail */
			len = 0;
		memcpy(seen + len, b, (size_t)n);
		len += (size_t)n;
	}
}

struct tui_result {
	double prompt_ms, home_ms;
	long rss_kb;
};

/* The full-screen tend in a pseudo-terminal (80x24): start to the unlock
 * prompt, Enter to the home screen drawn (cheap KDF), then the journal and
 * Insights opened, and Ctrl-Q; the peak RSS is the whole session's. */
static struct tui_result run_tui(const char *tend, const char *home)
{
	struct tui_result r = {0};
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	int fd, q[2];
	if (pipe(q) != 0)
		die("pipe: %s", strerror(errno));
	double t0 = now_us();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		die("forkpty: %s", strerror(errno));
	if (pid == 0) {
		setenv("TEND_HOME", home, 1);
		setenv("TEND_INSECURE_FAST_KDF", "1", 1);
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		char *argv[] = {(char *)"tend", NULL};
		if (dup2(q[1], 4) < 0)
			_exit(127);
		rss_exec(tend, argv);
	}
	close(q[1]);
	if (!pty_wait(fd, "Passphrase:", 0, 10000))
		die("the full-screen tend showed no unlock prompt");
	r.prompt_ms = (now_us() - t0) / 1e3;
	pty_wait(fd, NULL, 50, 1000); /* the rest of the first frame */
	dprintf(fd, "%s\r", pass);
	double t1 = now_us();
	if (!pty_wait(fd, "Welcome", 0, 20000))
		die("the full-screen tend did not reach its home screen");
	r.home_ms = (now_us() - t1) / 1e3;
	pty_wait(fd, NULL, 300, 20000);
	/* Down five times is the journal (no draft or homework here), Enter. */
	dprintf(fd, "\033[B\033[B\033[B\033[B\033[B\r");
	pty_wait(fd, NULL, 300, 20000);
	dprintf(fd, "\033");
	pty_wait(fd, NULL, 300, 20000);
	dprintf(fd, "\033[B\r"); /* Insights */
	pty_wait(fd, NULL, 300, 20000);
	dprintf(fd, "\021"); /* Ctrl-Q */
	int status;
	for (int i = 0; i < 200; i++) {
		/* Keep reading so tend never blocks on a full terminal; once it
		 * lets go of the terminal, reads fail at once, hence the sleep. */
		pty_wait(fd, NULL, 20, 20);
		usleep(25000);
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid) {
			r.rss_kb = rss_read(q[0]);
			close(fd);
			return r;
		}
	}
	kill(pid, SIGKILL);
	die("the full-screen tend did not quit on Ctrl-Q");
	return r;
}

struct whole {
	struct run list, search, exp, report;
	struct tui_result tui;
};

static void run_whole(const char *tend, const char *home, const char *work, struct whole *w)
{
	own_marks(home);
	char *out = fmt("%s/whole-out", work);
	static const char *const list[] = {"list", NULL};
	static const char *const search[] = {"search", "river", NULL};
	static const char *const exp[] = {"export", NULL};
	static const char *const report[] = {"report", "--from", "2000-01-01", "--to", "2030-12-31",
	                                     NULL};
	struct samples s[4] = {{0}};
	long rss[4] = {0};
	const char *const *cmds[4] = {list, search, exp, report};
	for (int round = 0; round < 5; round++)
		for (int c = 0; c < 4; c++) {
			struct run r = run_tend(tend, home, out, cmds[c]);
			add(&s[c], r.ms);
			if (r.rss_kb > rss[c])
				rss[c] = r.rss_kb;
		}
	struct run *dst[4] = {&w->list, &w->search, &w->exp, &w->report};
	for (int c = 0; c < 4; c++) {
		*dst[c] = (struct run){median(&s[c]), rss[c]};
		free(s[c].v);
	}
	unlink(out);
	free(out);
	struct samples p = {0}, h = {0};
	w->tui.rss_kb = 0;
	for (int i = 0; i < 3; i++) {
		struct tui_result t = run_tui(tend, home);
		add(&p, t.prompt_ms);
		add(&h, t.home_ms);
		if (t.rss_kb > w->tui.rss_kb)
			w->tui.rss_kb = t.rss_kb;
	}
	w->tui.prompt_ms = median(&p);
	w->tui.home_ms = median(&h);
	free(p.v), free(h.v);
}

/* ---- main ------------------------------------------------------------------- */

static const char *verdict(double v, double target, bool below)
{
	return (below ? v < target : v <= target) ? "ok" : "MISSED";
}

struct import_result {
	double first_s, again_s;
};

/* 100,000 jrnl entries into a new vault, then again (see the top). */
static struct import_result bench_import(const char *work)
{
	struct buf text = BUF_INIT;
	for (int i = 0; i < BIG_N; i++)
		if (buf_printf(&text, "[%04d-%02d-%02d %02d:%02d] Entry %d of the bench. @tag%d\n"
		                      "A body line for entry %d, a few words long.\n\n",
		               2000 + i % 20, i % 12 + 1, i % 28 + 1, i % 24, i % 60, i, i % 50, i))
			die("out of memory");
	char *dir = fmt("%s/import", work);
	char code[VAULT_CODE_MAX];
	struct error e = {0};
	struct vault *v;
	setenv("TEND_INSECURE_FAST_KDF", "1", 1);
	store_check(vault_init(dir, pass, strlen(pass), code, &e), &e, "creating a vault");
	unsetenv("TEND_INSECURE_FAST_KDF");
	store_check(vault_open_code(dir, code, &v, &e), &e, "opening the import vault");
	struct import_opts o = {.format = IMPORT_JRNL};
	struct import_summary sum;
	struct import_result r;
	double t0 = now_us();
	store_check(import_foreign(v, text.data, text.len, &o, &sum, &e), &e, "importing");
	r.first_s = (now_us() - t0) / 1e6;
	if (sum.entries != BIG_N)
		die("the import added %zu entries, not %d", sum.entries, BIG_N);
	t0 = now_us();
	store_check(import_foreign(v, text.data, text.len, &o, &sum, &e), &e, "importing again");
	r.again_s = (now_us() - t0) / 1e6;
	if (sum.duplicates != BIG_N)
		die("importing again found %zu already there, not %d", sum.duplicates, BIG_N);
	vault_close(v);
	buf_free(&text);
	free(dir);
	return r;
}

/* ---- merging two copies ---------------------------------------------------- */

#define SYNC_ADDS 1000

struct merge_figure {
	double ms;
	long rss_kb, grew_kb; /* the merging process's peak, and its growth */
};

/* dir/NAME-a and dir/NAME-b, copies of the vault in from, each given
 * SYNC_ADDS entries of its own (one transaction each, as two devices
 * apart); then, in a child process, b merged into a: the time of
 * store_sync_merge and the child's peak resident size (ru_maxrss) before
 * and after it, so what the merge itself holds shows as growth. */
static struct merge_figure run_merge(const char *work, const char *name, const char *from,
                                     const char *code)
{
	static const char *const files[] = {"key", "key.bak", "tend.db"};
	char *dirs[2];
	struct error e = {0};
	for (int k = 0; k < 2; k++) {
		dirs[k] = fmt("%s/%s-%c", work, name, "ab"[k]);
		if (mkdir(dirs[k], 0700) != 0)
			die("cannot create %s: %s", dirs[k], strerror(errno));
		for (size_t i = 0; i < 3; i++) {
			char *f = fmt("%s/%s", from, files[i]), *t = fmt("%s/%s", dirs[k], files[i]);
			copy_file(f, t);
			free(f), free(t);
		}
		own_marks(dirs[k]);
		struct vault *v;
		store_check(vault_open_code(dirs[k], code, &v, &e), &e, "opening a copy to merge");
		char *sql = fmt("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
		                " WHERE i < %d) INSERT INTO entries(title, body, created_at,"
		                " created_off, updated_at, updated_off) SELECT 'device %c ' || i,"
		                " hex(randomblob(400)), 1900000000 + i, 0, 1900000000 + i, 0 FROM n;"
		                " COMMIT;",
		                SYNC_ADDS, "ab"[k]);
		xexec(vault_db(v), sql);
		free(sql);
		vault_close(v);
	}
	int fds[2];
	if (pipe(fds) != 0)
		die("pipe: %s", strerror(errno));
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		close(fds[0]);
		own_marks(dirs[0]);
		struct rusage before, after;
		getrusage(RUSAGE_SELF, &before);
		struct vault *v;
		store_check(vault_open_code(dirs[0], code, &v, &e), &e, "opening the copy to merge");
		char *other = fmt("%s/tend.db", dirs[1]);
		struct sync_result r;
		double t0 = now_us();
		store_check(store_sync_merge(v, other, false, &r, &e), &e, "merging");
		double ms = (now_us() - t0) / 1000.0;
		vault_close(v);
		getrusage(RUSAGE_SELF, &after);
		if (r.n < 3 || r.t[2].added != SYNC_ADDS)
			die("the merge added %lld entries, not %d", r.n > 2 ? r.t[2].added : -1LL, SYNC_ADDS);
		dprintf(fds[1], "%f %ld %ld\n", ms, after.ru_maxrss, after.ru_maxrss - before.ru_maxrss);
		_exit(0);
	}
	close(fds[1]);
	char buf[128] = {0};
	ssize_t n = read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	int st = 0;
	waitpid(pid, &st, 0);
	struct merge_figure m = {0};
	if (n <= 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
	    sscanf(buf, "%lf %ld %ld", &m.ms, &m.rss_kb, &m.grew_kb) != 3)
		die("the merge of %s failed", name);
	free(dirs[0]), free(dirs[1]);
	return m;
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "--rss-child") == 0)
		return rss_child(argv + 2);
	if (argc == 5 && strcmp(argv[1], "--merge-only") == 0) {
		/* bench --merge-only VAULT CODE WORK: the merge figure alone. */
		struct merge_figure m = run_merge(argv[4], "merge", argv[2], argv[3]);
		printf("bench: merge_ms %.1f\nbench: merge_peak_rss_mib %.1f (grew %.1f)\n", m.ms,
		       m.rss_kb / 1024.0, m.grew_kb / 1024.0);
		return 0;
	}
	if (argc < 4) {
		fprintf(stderr, "usage: bench CACHE_DIR WORK_DIR SQLCIPHER_PROG|- [SKIP_REASON]\n");
		return 2;
	}
	const char *root = argv[1], *work = argv[2], *sqlc_prog = argv[3];
	const char *skip = argc > 4 ? argv[4] : "no SQLCipher program given";
	if (strcmp(sqlc_prog, "-") == 0)
		sqlc_prog = NULL;
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);
	gen_init();
	double t_start = now_us();

	if (mkdir(work, 0700) != 0 && errno != EEXIST)
		die("cannot create %s: %s", work, strerror(errno));
	/* The scratch vaults' marks against rollback stay with them. */
	own_marks(work);

	/* The first store call starts SQLite with tend's settings (its zeroing
	 * allocator), which the plain connections then share. */
	char *enc1k_dir = fmt("%s/enc1k", work);
	char code[VAULT_CODE_MAX];
	struct error e = {0};
	setenv("TEND_INSECURE_FAST_KDF", "1", 1); /* scratch vaults: KDF not measured */
	store_check(vault_init(enc1k_dir, pass, strlen(pass), code, &e), &e, "creating a vault");
	unsetenv("TEND_INSECURE_FAST_KDF");

	struct cache cache;
	cache_prepare(&cache, root);

	/* ---- commits */
	struct commit_targets t = {0};
	own_marks(enc1k_dir);
	store_check(vault_open_code(enc1k_dir, code, &t.enc1k, &e), &e, "opening the 1k vault");
	bulk_fill(vault_db(t.enc1k), 0, SMALL_N);

	char *plain1k_path = fmt("%s/plain1k.db", work);
	t.plain1k = plain_open(plain1k_path);
	bulk_fill(t.plain1k, 0, SMALL_N);

	char *enc100k_dir = fmt("%s/enc100k", work);
	if (mkdir(enc100k_dir, 0700) != 0)
		die("cannot create %s: %s", enc100k_dir, strerror(errno));
	static const char *const vault_files[] = {"key", "key.bak", "tend.db"};
	for (size_t i = 0; i < 3; i++) {
		char *from = fmt("%s/%s", cache.vault, vault_files[i]);
		char *to = fmt("%s/%s", enc100k_dir, vault_files[i]);
		copy_file(from, to);
		free(from), free(to);
	}
	own_marks(enc100k_dir);
	store_check(vault_open_code(enc100k_dir, cache.code, &t.enc100k, &e), &e,
	            "opening the 100k vault");
	char *plain100k_path = fmt("%s/plain100k.db", work);
	copy_file(cache.plain, plain100k_path);
	t.plain100k = plain_open(plain100k_path);

	struct child sqlc = {0};
	if (sqlc_prog) {
		char *schema = fmt("%s/schema.sql", work);
		char *db = fmt("%s/sqlcipher1k.db", work);
		write_schema(t.plain1k, schema);
		child_start(&sqlc, sqlc_prog, db, schema);
		t.sqlc = &sqlc;
		free(schema), free(db);
	}

	struct samples cs[NDB] = {{0}};
	run_commits(&t, cs);
	double m[NDB];
	for (int d = 0; d < NDB; d++)
		m[d] = median(&cs[d]);
	if (t.sqlc)
		child_stop(&sqlc);
	char *path = fmt("%s/tend.db", enc1k_dir);
	double enc1k_mb = file_mb(path);
	free(path);
	path = fmt("%s/tend.db", cache.vault);
	double big_mb = file_mb(path);
	free(path);
	double plain1k_mb = file_mb(plain1k_path), big_plain_mb = file_mb(cache.plain);
	struct kdf_params default_kdf;
	kdf_params_default(&default_kdf, false);
	struct journal_result jsmall;
	run_journal(t.enc1k, &jsmall);
	vault_close(t.enc1k);
	vault_close(t.enc100k);
	sqlite3_close(t.plain1k);
	sqlite3_close(t.plain100k);

	double commit_vs_plain = m[ENC_1K] / m[PLAIN_1K];
	double commit_100k = m[ENC_100K] / m[ENC_1K];
	double commit_vs_sqlc = t.sqlc ? m[ENC_1K] / m[SQLC_1K] : 0;
	printf("bench: commit_enc_us %.0f\n", m[ENC_1K]);
	printf("bench: commit_plain_us %.0f\n", m[PLAIN_1K]);
	printf("bench: commit_vs_plain %.2fx\n", commit_vs_plain);
	if (t.sqlc) {
		printf("bench: commit_sqlcipher_us %.0f\n", m[SQLC_1K]);
		printf("bench: commit_vs_sqlcipher %.2fx\n", commit_vs_sqlc);
	} else {
		printf("bench: commit_vs_sqlcipher skipped (%s)\n", skip);
	}
	printf("bench: commit_100k_us %.0f\n", m[ENC_100K]);
	printf("bench: commit_100k_vs_1k %.2fx\n", commit_100k);

	/* ---- search */
	struct vault *big;
	own_marks(cache.vault);
	store_check(vault_open_code(cache.vault, cache.code, &big, &e), &e, "opening the 100k vault");
	sqlite3 *plain_big = plain_open(cache.plain);
	struct fts_result fr;
	run_fts(vault_db(big), plain_big, &fr);
	struct journal_result jbig;
	run_journal(big, &jbig);
	vault_close(big);
	sqlite3_close(plain_big);
	double sum_enc = 0, sum_plain = 0;
	for (size_t q = 0; q < NQUERIES; q++)
		sum_enc += fr.enc_med[q], sum_plain += fr.plain_med[q];
	double fts_ratio = sum_enc / sum_plain;
	double fts_ms = median(&fr.enc_all) / 1e3;
	printf("bench: fts_median_ms %.2f\n", fts_ms);
	printf("bench: fts_enc_vs_plain %.2fx\n", fts_ratio);
	printf("bench: fts_warm_enc_vs_plain %.2fx\n", fr.hot_enc / fr.hot_plain);
	printf("bench: list_open_100k_ms %.3f\n", jbig.open_ms);
	printf("bench: list_open_100k_vs_1k %.2fx\n", jbig.open_ms / jsmall.open_ms);
	printf("bench: list_scroll_100k_ms %.3f\n", jbig.scroll_ms);
	printf("bench: list_scroll_100k_vs_1k %.2fx\n", jbig.scroll_ms / jsmall.scroll_ms);
	printf("bench: search_key_100k_ms %.3f\n", jbig.key_ms);
	printf("bench: search_key_100k_vs_1k %.2fx\n", jbig.key_ms / jsmall.key_ms);

	/* ---- unlock */
	struct unlock_result ur;
	run_unlock(&cache, enc1k_dir, code, &ur);
	printf("bench: unlock_ms %.0f\n", ur.kdf_ms);
	printf("bench: unlock_to_first_query_ms %.1f\n", ur.nokdf_ms);

	/* ---- insights */
	double ins_big, ins_small;
	run_insights(work, &ins_big, &ins_small);
	printf("bench: insights_year_5y_ms %.2f\n", ins_big);
	printf("bench: insights_5y_vs_month %.2fx\n", ins_big / ins_small);

	/* ---- the screens */
	/* A copy of the 1k vault: the bench still holds the original open. */
	double ui_unlock, ui_page, ui_key, ui_key_max, ui_render;
	char *ui_dir = fmt("%s/ui", work);
	if (mkdir(ui_dir, 0700) != 0)
		die("cannot make %s", ui_dir);
	static const char *const ui_files[] = {"key", "key.bak", "tend.db"};
	for (size_t i = 0; i < 3; i++) {
		char *from = fmt("%s/%s", enc1k_dir, ui_files[i]);
		char *to = fmt("%s/%s", ui_dir, ui_files[i]);
		copy_file(from, to);
		free(from), free(to);
	}
	own_marks(ui_dir);
	run_ui(ui_dir, &ui_unlock, &ui_page, &ui_key, &ui_key_max, &ui_render);
	free(ui_dir);
	/* The scratch vault has the cheapest Argon2id limits, so this is the
	 * cost of unlocking apart from the KDF (measured above on its own). */
	printf("bench: ui_unlock_to_frame_minus_kdf_ms %.1f\n", ui_unlock);
	printf("bench: ui_learn_page_render_ms %.3f\n", ui_render);
	printf("bench: ui_open_page_frame_ms %.2f\n", ui_page);
	printf("bench: ui_keystroke_frame_ms %.3f\n", ui_key);
	printf("bench: ui_keystroke_vs_60hz %.3fx\n", ui_key / 16.7);

	/* ---- typing */
	struct typing ty;
	run_typing(&ty);
	printf("bench: keystroke_100k_entry_ms %.4f\n", ty.mid);
	printf("bench: keystroke_100k_vs_1k_entry %.2fx\n", ty.mid / ty.small);
	printf("bench: keystroke_100k_one_paragraph_ms %.4f\n", ty.para);

	/* ---- the whole program (make bench sets TEND_BIN) */
	const char *tend_bin = getenv("TEND_BIN");
	bool whole = tend_bin && *tend_bin;
	struct whole w1 = {0}, wb = {0};
	if (whole) {
		note("the tend binary on copies of the 1k and 100k vaults with check-ins and trigger"
		     " logs added");
		char *p1 = prog_vault(work, "prog1k", enc1k_dir, code, 200, 100);
		char *pb = prog_vault(work, "prog100k", cache.vault, cache.code, 20000, 10000);
		run_whole(tend_bin, p1, work, &w1);
		run_whole(tend_bin, pb, work, &wb);
		free(p1), free(pb);
		const struct {
			const char *name;
			double big, small;
		} fig[] = {
			{"start_to_prompt_ms", wb.tui.prompt_ms, w1.tui.prompt_ms},
			{"unlock_to_home_ms", wb.tui.home_ms, w1.tui.home_ms},
			{"cli_list_ms", wb.list.ms, w1.list.ms},
			{"cli_search_ms", wb.search.ms, w1.search.ms},
			{"cli_export_ms", wb.exp.ms, w1.exp.ms},
			{"cli_report_ms", wb.report.ms, w1.report.ms},
			{"tui_peak_rss_mib", wb.tui.rss_kb / 1024.0, w1.tui.rss_kb / 1024.0},
			{"export_peak_rss_mib", wb.exp.rss_kb / 1024.0, w1.exp.rss_kb / 1024.0},
			{"list_peak_rss_mib", wb.list.rss_kb / 1024.0, w1.list.rss_kb / 1024.0},
		};
		for (size_t i = 0; i < sizeof fig / sizeof fig[0]; i++) {
			printf("bench: prog_%s %.1f\n", fig[i].name, fig[i].big);
			printf("bench: prog_%s_100k_vs_1k %.2fx\n", fig[i].name, fig[i].big / fig[i].small);
		}
	} else {
		note("TEND_BIN not set: the whole-program figures are skipped");
	}

	/* ---- import */
	struct import_result imp = bench_import(work);
	printf("bench: import_jrnl_100k_s %.1f\n", imp.first_s);
	printf("bench: reimport_jrnl_100k_s %.1f\n", imp.again_s);

	/* ---- merging two copies that each added 1,000 entries */
	struct merge_figure mbig = run_merge(work, "merge100k", cache.vault, cache.code);
	struct merge_figure msmall = run_merge(work, "merge1k", enc1k_dir, code);
	printf("bench: merge_2x1k_into_100k_ms %.1f\n", mbig.ms);
	printf("bench: merge_100k_vs_1k %.2fx\n", mbig.ms / msmall.ms);
	printf("bench: merge_100k_peak_rss_mib %.1f\n", mbig.rss_kb / 1024.0);
	printf("bench: merge_100k_rss_growth_mib %.1f\n", mbig.grew_kb / 1024.0);
	printf("bench: merge_rss_growth_100k_vs_1k %.2fx\n",
	       msmall.grew_kb > 0 ? (double)mbig.grew_kb / (double)msmall.grew_kb : 0.0);

	/* ---- summary */
	printf("\nSummary (medians from this run; %d commits per database, one at a time in"
	       " rotation; %zu searches x %d runs each):\n",
	       COMMIT_ROUNDS, NQUERIES, FTS_REPS);
	printf("  commit_vs_plain          %5.2fx  target <= 1.3x  %-6s  %.0f vs %.0f us per commit"
	       " (1k entries)\n",
	       commit_vs_plain, verdict(commit_vs_plain, 1.3, false), m[ENC_1K], m[PLAIN_1K]);
	if (t.sqlc)
		printf("  commit_vs_sqlcipher      %5.2fx  target <  1.0x  %-6s  %.0f us with %s\n",
		       commit_vs_sqlc, verdict(commit_vs_sqlc, 1.0, true), m[SQLC_1K], sqlc.info + 6);
	else
		printf("  commit_vs_sqlcipher      skipped                         %s\n", skip);
	printf("  commit_100k_vs_1k        %5.2fx  target <= 1.2x  %-6s  %.0f us at 100k; plain"
	       " SQLite's own 100k/1k: %.2fx (%.0f us)\n",
	       commit_100k, verdict(commit_100k, 1.2, false), m[ENC_100K],
	       m[PLAIN_100K] / m[PLAIN_1K], m[PLAIN_100K]);
	printf("  pages read / written per commit: 1k vault %.1f / %.1f, plain %.1f / %.1f;"
	       " 100k vault %.1f / %.1f, plain %.1f / %.1f\n",
	       (double)t.pages_read[ENC_1K] / COMMIT_ROUNDS,
	       (double)t.pages_written[ENC_1K] / COMMIT_ROUNDS,
	       (double)t.pages_read[PLAIN_1K] / COMMIT_ROUNDS,
	       (double)t.pages_written[PLAIN_1K] / COMMIT_ROUNDS,
	       (double)t.pages_read[ENC_100K] / COMMIT_ROUNDS,
	       (double)t.pages_written[ENC_100K] / COMMIT_ROUNDS,
	       (double)t.pages_read[PLAIN_100K] / COMMIT_ROUNDS,
	       (double)t.pages_written[PLAIN_100K] / COMMIT_ROUNDS);
	printf("  fts_enc_vs_plain         %5.2fx  target <= 1.3x  %-6s  SQLite page cache emptied"
	       " before each search; with it warm: %.2fx\n",
	       fts_ratio, verdict(fts_ratio, 1.3, false), fr.hot_enc / fr.hot_plain);
	printf("  fts_median_ms            %5.2f                           encrypted/plain ms and"
	       " pages read per search:\n   ",
	       fts_ms);
	double extra = 0;
	int npages = 0;
	for (size_t q = 0; q < NQUERIES; q++) {
		printf(" %s %.2f/%.2f (%d);", queries[q], fr.enc_med[q] / 1e3, fr.plain_med[q] / 1e3,
		       fr.pages[q]);
		extra += fr.enc_med[q] - fr.plain_med[q];
		npages += fr.pages[q];
	}
	printf(" about %.1f us more per page read\n", npages ? extra / npages : 0.0);
	printf("  unlock_ms                %5.0f                           Argon2id at the default"
	       " limits (%llu MiB, %llu passes), on purpose slow\n",
	       ur.kdf_ms, (unsigned long long)(default_kdf.memlimit >> 20),
	       (unsigned long long)default_kdf.opslimit);
	printf("  unlock_to_first_query_ms %5.1f                           opening without the"
	       " KDF + first %d rows, 100k entries; vault_open minus KDF: %.1f; 1k entries: %.1f\n",
	       ur.nokdf_ms, FIRST_ROWS, ur.diff_ms, ur.small_ms);
	printf("  journal list, 40 rows: open %.2f ms, next page %.2f ms, a search keystroke %.2f ms"
	       " at 100k (1k: %.2f, %.2f, %.2f); targets: well under 16.7 ms and <= 1.5x\n",
	       jbig.open_ms, jbig.scroll_ms, jbig.key_ms, jsmall.open_ms, jsmall.scroll_ms,
	       jsmall.key_ms);
	printf("  insights year view (read, summarise, lay out the charts): %.2f ms over 5 years of"
	       " daily check-ins and 10k trigger logs, %.2f ms over one month; target well under"
	       " 50 ms\n",
	       ins_big, ins_small);
	printf("  ui: Enter on the unlock screen to the home screen drawn %.1f ms plus the KDF"
	       " (1k vault); a Learn page parsed and laid out in %.3f ms; opening one %.2f ms;"
	       " a keystroke %.3f ms (slowest %.2f) against a 60 Hz frame of 16.7 ms\n",
	       ui_unlock, ui_render, ui_page, ui_key, ui_key_max);
	printf("  typing: a keystroke in a 100 KB entry %.4f ms at the start, %.4f ms in the middle,"
	       " %.4f ms inside one 100 KB paragraph (1 KB entry: %.4f); target well under 16.7 ms"
	       " %s\n",
	       ty.start, ty.mid, ty.para, ty.small, verdict(ty.para, 16.7, true));
	if (whole) {
		long peak = wb.tui.rss_kb;
		const struct run *runs[] = {&wb.list, &wb.search, &wb.exp, &wb.report};
		for (size_t i = 0; i < 4; i++)
			if (runs[i]->rss_kb > peak)
				peak = runs[i]->rss_kb;
		printf("  the tend binary, 100k entries + 20k check-ins + 10k trigger logs (1k vault in"
		       " brackets), KDF apart:\n"
		       "    start to the unlock prompt %.1f ms (%.1f), target well under 50 ms %s;"
		       " Enter to the home screen %.1f ms (%.1f)\n"
		       "    tend list %.0f ms (%.1f), search %.0f ms (%.1f), export %.0f ms (%.1f),"
		       " report over all of it %.0f ms (%.1f)\n"
		       "    peak RSS: full screen with the journal and Insights opened %.1f MiB (%.1f),"
		       " list %.1f, search %.1f, export %.1f, report %.1f MiB; target under 64 MiB %s\n",
		       wb.tui.prompt_ms, w1.tui.prompt_ms, verdict(wb.tui.prompt_ms, 50, true),
		       wb.tui.home_ms, w1.tui.home_ms, wb.list.ms, w1.list.ms, wb.search.ms,
		       w1.search.ms, wb.exp.ms, w1.exp.ms, wb.report.ms, w1.report.ms,
		       wb.tui.rss_kb / 1024.0, w1.tui.rss_kb / 1024.0, wb.list.rss_kb / 1024.0,
		       wb.search.rss_kb / 1024.0, wb.exp.rss_kb / 1024.0, wb.report.rss_kb / 1024.0,
		       verdict(peak / 1024.0, 64, true));
	}
	printf("  import_jrnl_100k_s       %5.1f   target <= 30 s  %-6s  100,000 jrnl entries into a"
	       " new vault; the same file again, all there already: %.1f s\n",
	       imp.first_s, verdict(imp.first_s, 30, false), imp.again_s);
	printf("  files: 1k vault %.1f MB, 1k plain %.1f MB; 100k vault %.0f MB, 100k plain %.0f MB\n",
	       enc1k_mb, plain1k_mb, big_mb, big_plain_mb);
	if (cache.build_s > 0)
		printf("  the 100k cache was built in this run (%.0f s); later runs reuse it\n",
		       cache.build_s);
	printf("  total %.0f s\n", (now_us() - t_start) / 1e6);
	for (int d = 0; d < NDB; d++)
		free(cs[d].v);
	return 0;
}
