/* store_int.h: what the store's own files share; not for other layers. */
#ifndef TEND_STORE_INT_H
#define TEND_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "core/tags.h"
#include "util/timefmt.h"

sqlite3 *vault_db(struct vault *v);
/* Is db a vault held read-only because it is older than this computer's
 * mark (vault_accept_older)? */
bool vault_db_held_older(sqlite3 *db);
/* Attaches another copy of v's database (file, read only) as schema
 * `as` (a plain name), after checking every page of it against v's key:
 * E_CORRUPT when it is another vault's, damaged, or caught mid-write. */
int vault_attach_copy(struct vault *v, const char *file, const char *as, struct error *e);
void vault_detach_copy(struct vault *v, const char *as);
/* true when v opened as older than this computer's mark (read-only) and
 * the attached copy is at least as new as the mark: a sync tool put the
 * other device's file in place and kept this device's as a conflict copy.
 * Merging that copy brings back all this computer saw. */
bool vault_copy_covers_mark(struct vault *v);
/* Gives each synced table (store/sync.c) what syncing needs that it lacks:
 * a uid and a change time (backfilled), their indexes, and the triggers
 * that keep them and leave tombstones. Inside the caller's transaction;
 * run as a migration (store/migrate.c), and safe to run again. */
int store_sync_setup(sqlite3 *db, struct error *e);
/* Gives the toolbox and the trigger categories, which two copies join by
 * name, a change time (0 for rows already there) and the triggers that
 * set it and leave a tombstone by name when a row goes. Inside the
 * caller's transaction; a migration, safe to run again. */
int store_named_setup(sqlite3 *db, struct error *e);
/* Before tools go: each trigger log that chose one of the tools the query
 * ids lists (it may use ?1, bound to id when id is not 0) keeps it as the
 * tool's name in its words ("What I did", and the older did column), so
 * the foreign key leaves it more than nothing. Inside the caller's
 * transaction. */
int store_keep_tool_names(sqlite3 *db, const char *ids, int64_t id, const char *doing,
                          struct error *e);
/* Turns an SQLite failure into a message a person can act on. */
int store_sql_error(sqlite3 *db, int rc, struct error *e, const char *doing);
/* One write, one transaction (src/store/sql.c). store_begin starts it with
 * BEGIN IMMEDIATE, so the write lock is taken (or waited for) before
 * anything is read. store_end ends it: when rc is 0 it commits, else it
 * rolls back (e is the caller's, already filled). A failed BEGIN or COMMIT
 * fills e as store_sql_error does, naming doing; a failed COMMIT is rolled
 * back. Both return 0 or -1. The store's writes are never inside one
 * another: a function meant to run inside its caller's transaction says so
 * and calls neither. */
int store_begin(sqlite3 *db, const char *doing, struct error *e);
int store_end(sqlite3 *db, int rc, const char *doing, struct error *e);
/* Rolls the transaction back, errors ignored: a write given up (its error
 * already in e), or a dry run. */
void store_cancel(sqlite3 *db);
/* Ends a failed write: finalizes st (may be NULL), fills e from rc as
 * store_sql_error does, rolls the transaction back; returns -1. */
int store_rollback(sqlite3 *db, int rc, sqlite3_stmt *st, struct error *e, const char *doing);
/* Binds s as text (NULL binds ""); s must outlive the statement's step. */
void store_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Binds n as an integer, or NULL when it is below 0 (not given). */
void store_bind_opt(sqlite3_stmt *st, int i, int n);
/* Steps st once and finalizes it: 0 when it ran to the end, else -1 with
 * e filled as store_sql_error does, naming doing. */
int store_step_done(sqlite3 *db, sqlite3_stmt *st, struct error *e, const char *doing);
/* Runs one statement with text ("s") or integer ("i", int64_t) parameters,
 * given after fmt in order; -1 with e filled (naming doing) on failure. */
int store_bind_run(sqlite3 *db, const char *sql, struct error *e, const char *doing,
                   const char *fmt, ...);
/* The first column of the first row sql gives, in *out; -1 with e filled
 * (naming doing) when it fails or gives no row. */
int store_one_int(sqlite3 *db, const char *sql, int64_t *out, const char *doing, struct error *e);
/* The vault's layout number (PRAGMA user_version). */
int store_user_version(sqlite3 *db, int *out, struct error *e);
/* A copy of a text column ("" for NULL); NULL when memory runs out. */
char *store_col_dup(sqlite3_stmt *st, int col);
/* Replaces an entry's tags (inside the caller's transaction); tags not
 * used by any entry any more are removed. */
int store_set_tags(sqlite3 *db, int64_t entry_id, const char *const *tags, size_t ntags,
                   struct error *e);
/* Adds a journal entry with its tags inside the caller's transaction (no
 * BEGIN, COMMIT or ROLLBACK here); its id in *id when id is not NULL. */
struct new_entry;
int store_entry_insert(sqlite3 *db, const struct new_entry *ne, int64_t *id, struct error *e);
/* A row of entries as it is written: the one INSERT INTO entries, for a
 * new entry, one brought back and one merged in. */
struct entry_put {
	int64_t id;                        /* 0: the next free one */
	const char *title, *body, *prompt; /* NULL: "" */
	struct stamp created, updated;
	int64_t mood_id, trigger_id;       /* 0, or one not there: no link */
};
/* Inserts p (no tags; inside the caller's transaction) and puts its id in
 * *id when id is not NULL. keep NULL: the statement is made and freed
 * here; else it is kept in *keep for the next row (the caller finalizes
 * it). doing names the work in an error message. */
int store_entry_put(sqlite3 *db, sqlite3_stmt **keep, const struct entry_put *p, int64_t *id,
                    const char *doing, struct error *e);
/* The one INSERT INTO moods: check-in c made at `at` (checked by the
 * caller), inside the caller's transaction; keep, id and doing as for
 * store_entry_put. */
struct checkin;
int store_checkin_put(sqlite3 *db, sqlite3_stmt **keep, const struct checkin *c, struct stamp at,
                      int64_t *id, const char *doing, struct error *e);
/* Tags without the spaces around them: each of a check-in's tags trimmed
 * and empty ones left out; an entry's tag that differs from another only
 * by spaces joined into it. Migration 8, and the end of every import. */
#define STORE_TIDY_TAGS_SQL \
	"WITH RECURSIVE split(id, rest, part, n) AS (" \
	"  SELECT id, tags || ',', NULL, 0 FROM moods WHERE tags GLOB '*[ \t]*'" \
	"    OR tags GLOB ',*' OR tags GLOB '*,' OR tags GLOB '*,,*'" \
	"  UNION ALL" \
	"  SELECT id, substr(rest, instr(rest, ',') + 1)," \
	"         trim(substr(rest, 1, instr(rest, ',') - 1), ' ' || char(9)), n + 1" \
	"  FROM split WHERE rest != '')" \
	"UPDATE moods SET tags = coalesce((SELECT group_concat(part, ',') FROM" \
	"  (SELECT part FROM split WHERE split.id = moods.id AND part != '' ORDER BY n)), '')" \
	"  WHERE id IN (SELECT id FROM split);" \
	"INSERT OR IGNORE INTO tags(name) SELECT trim(name, ' ' || char(9)) FROM tags" \
	"  WHERE name != trim(name, ' ' || char(9)) AND trim(name, ' ' || char(9)) != '';" \
	"INSERT OR IGNORE INTO entry_tags(entry_id, tag_id)" \
	"  SELECT et.entry_id, t2.id FROM entry_tags et JOIN tags t ON t.id = et.tag_id" \
	"  JOIN tags t2 ON t2.name = trim(t.name, ' ' || char(9))" \
	"  WHERE t.name != trim(t.name, ' ' || char(9));" \
	"DELETE FROM entry_tags WHERE tag_id IN" \
	"  (SELECT id FROM tags WHERE name != trim(name, ' ' || char(9)));" \
	"DELETE FROM tags WHERE name != trim(name, ' ' || char(9));"

/* A trigger log with no "What I did" choices but a did or tool_id (kept
 * before the list, or read from an older export) gets those as its one
 * choice. The migration that made the list, and the end of every import. */
#define STORE_TRIGGER_DID_FILL_SQL \
	"INSERT INTO trigger_did(trigger_id, tool_id, text, position)" \
	"  SELECT id, tool_id, did, 1 FROM triggers g" \
	"  WHERE (tool_id IS NOT NULL OR did != '')" \
	"    AND NOT EXISTS (SELECT 1 FROM trigger_did d WHERE d.trigger_id = g.id);"

struct buf;
/* Makes room for item n in a growing array of size-byte items (doubling
 * *cap); 0, or -1 when memory runs out (the array is then unchanged). */
int store_grow(void **arr, size_t *cap, size_t n, size_t size);
/* A column name as tend's tables have them (a-z, 0-9, _; at most 40), so
 * it can go into SQL as it is. */
bool store_plain_name(const char *s);
/* One exported value bound to parameter k (text bound in place). */
struct dump_value;
void store_bind_value(sqlite3_stmt *st, int k, const struct dump_value *d);
/* INSERT INTO table (names...) VALUES (vals...); the names must be plain
 * (checked), table one of dump_tables (the caller's check). E_CORRUPT
 * naming the table when the row does not fit or is refused. */
int store_insert_row(sqlite3 *db, const char *table, size_t ncols, const char *const *names,
                     const struct dump_value *vals, struct error *e);
/* Runs SQL with no results; -1 with e filled on failure. */
int store_exec(sqlite3 *db, const char *sql, struct error *e);

#endif
