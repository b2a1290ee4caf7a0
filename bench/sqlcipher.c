/* sqlcipher.c: the SQLCipher side of `make bench`, built as its own
 * program against libsqlcipher only (its sqlite3_* would clash with
 * libsqlite3's). bench.c runs it as a child:
 *
 *   bench-sqlcipher DB SCHEMA_FILE N_PREFILL FIRST_ENTRY
 *
 * It creates DB (key set with PRAGMA key, cipher_page_size 4096, tend's
 * pragmas), runs the schema bench.c took from a tend database, fills in
 * entries 0..N_PREFILL-1 in one transaction and answers "ready INFO".
 * Then for each line "c N" it commits the next N entries (FIRST_ENTRY,
 * FIRST_ENTRY+1, ...) one per transaction, with the statements tend's
 * entries_add uses, and prints each commit's time in microseconds on its
 * own line; "q" ends it.
 *
 * An SQLCipher built on an SQLite without FTS5 (Debian's 3.4.1 is on
 * SQLite 3.15) gets the nearest equivalent: an FTS4 external-content
 * table with the same columns, tokenizer and triggers; INFO says so. On
 * SQLite before 3.24 "ON CONFLICT DO NOTHING" becomes "INSERT OR IGNORE". */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gen.h"

static sqlite3 *db;

static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("error: ", stdout);
	vprintf(fmt, ap);
	if (db)
		printf(" (%s)", sqlite3_errmsg(db));
	fputc('\n', stdout);
	va_end(ap);
	exit(1);
}

static void exec(const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail("%s", sql);
}

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static const char *const fts4_schema =
    "CREATE VIRTUAL TABLE entries_fts USING fts4(content=\"entries\", title, body,"
    "  tokenize=unicode61 \"remove_diacritics=1\");"
    "CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN"
    "  INSERT INTO entries_fts(docid, title, body) VALUES (new.id, new.title, new.body);"
    "END;"
    "CREATE TRIGGER entries_bd BEFORE DELETE ON entries BEGIN"
    "  DELETE FROM entries_fts WHERE docid = old.id;"
    "END;"
    "CREATE TRIGGER entries_bu BEFORE UPDATE ON entries BEGIN"
    "  DELETE FROM entries_fts WHERE docid = old.id;"
    "END;"
    "CREATE TRIGGER entries_au AFTER UPDATE ON entries BEGIN"
    "  INSERT INTO entries_fts(docid, title, body) VALUES (new.id, new.title, new.body);"
    "END;";

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		fail("cannot read %s", path);
	size_t cap = 1 << 16, len = 0;
	char *s = malloc(cap);
	size_t n;
	while (s && (n = fread(s + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (len + 1 == cap)
			s = realloc(s, cap *= 2);
	}
	fclose(f);
	if (!s)
		fail("out of memory");
	s[len] = '\0';
	return s;
}

static int apply_schema(const char *path)
{
	int fts5 = sqlite3_compileoption_used("ENABLE_FTS5");
	char *sql = slurp(path);
	const char *p = sql;
	exec("BEGIN");
	while (*p) {
		sqlite3_stmt *st = NULL;
		const char *tail;
		if (sqlite3_prepare_v2(db, p, -1, &st, &tail) != SQLITE_OK)
			fail("schema: %.60s", p);
		if (!st)
			break;
		if (fts5 || !strstr(sqlite3_sql(st), "entries_fts")) {
			if (sqlite3_step(st) != SQLITE_DONE)
				fail("schema: %.60s", p);
		}
		sqlite3_finalize(st);
		p = tail;
	}
	if (!fts5)
		exec(fts4_schema);
	exec("COMMIT");
	free(sql);
	return fts5;
}

static const char *tag_sql;

static void step_done(sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		fail("insert");
	sqlite3_finalize(st);
}

static void prep(const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		fail("%s", sql);
}

/* As tend's entries_add: a transaction, statements prepared per commit. */
static void add_entry(uint64_t i, int64_t when, int in_txn)
{
	char title[GEN_TITLE_MAX], body[GEN_BODY_MAX];
	const char *tags[2];
	size_t ntags;
	gen_entry(i, title, body, tags, &ntags);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	int off = (int)(tm.tm_gmtoff / 60);
	if (when)
		now = when, off = 0;
	sqlite3_stmt *st;
	if (!in_txn)
		exec("BEGIN IMMEDIATE");
	prep("INSERT INTO entries(title, body, created_at, created_off,"
	     " updated_at, updated_off) VALUES (?1, ?2, ?3, ?4, ?3, ?4)",
	     &st);
	sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
	sqlite3_bind_int(st, 4, off);
	step_done(st);
	sqlite3_int64 eid = sqlite3_last_insert_rowid(db);
	for (size_t k = 0; k < ntags; k++) {
		prep(tag_sql, &st);
		sqlite3_bind_text(st, 1, tags[k], -1, SQLITE_STATIC);
		step_done(st);
		prep("INSERT OR IGNORE INTO entry_tags(entry_id, tag_id)"
		     " SELECT ?1, id FROM tags WHERE name = ?2",
		     &st);
		sqlite3_bind_int64(st, 1, eid);
		sqlite3_bind_text(st, 2, tags[k], -1, SQLITE_STATIC);
		step_done(st);
	}
	if (!in_txn)
		exec("COMMIT");
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s DB SCHEMA_FILE N_PREFILL FIRST_ENTRY\n", argv[0]);
		return 2;
	}
	gen_init();
	uint64_t npre = strtoull(argv[3], NULL, 10), next = strtoull(argv[4], NULL, 10);
	remove(argv[1]);
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK)
		fail("cannot open %s", argv[1]);
	exec("PRAGMA key = 'bench passphrase, not a secret';"
	     "PRAGMA cipher_page_size = 4096;");
	/* Is this SQLCipher at all? */
	sqlite3_stmt *st;
	prep("PRAGMA cipher_version", &st);
	if (sqlite3_step(st) != SQLITE_ROW)
		fail("this library is not SQLCipher");
	char version[64];
	snprintf(version, sizeof(version), "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=TRUNCATE;"
	     "PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;"
	     "PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;"
	     "PRAGMA cell_size_check=ON; PRAGMA mmap_size=0;");
	exec("SELECT count(*) FROM sqlite_master");
	tag_sql = sqlite3_libversion_number() >= 3024000
	              ? "INSERT INTO tags(name) VALUES (?1) ON CONFLICT DO NOTHING"
	              : "INSERT OR IGNORE INTO tags(name) VALUES (?1)";
	int fts5 = apply_schema(argv[2]);
	exec("BEGIN IMMEDIATE");
	for (uint64_t i = 0; i < npre; i++)
		add_entry(i, 1600000000 + (int64_t)i * 600, 1);
	exec("COMMIT");
	printf("ready SQLCipher %s on SQLite %s, %s\n", version, sqlite3_libversion(),
	       fts5 ? "FTS5" : "FTS4 (no FTS5 in this build)");
	fflush(stdout);

	char line[64];
	while (fgets(line, sizeof(line), stdin)) {
		if (line[0] == 'q')
			break;
		int n = line[0] == 'c' ? atoi(line + 1) : 0;
		for (int k = 0; k < n; k++) {
			double t0 = now_us();
			add_entry(next++, 0, 0);
			printf("%.1f\n", now_us() - t0);
		}
		fflush(stdout);
	}
	if (sqlite3_close(db) != SQLITE_OK)
		fail("close");
	return 0;
}
