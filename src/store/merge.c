/* merge.c: records from other apps, added with what the vault held
 * already skipped. */
#include "store/merge.h"

#include <sqlite3.h>
#include <string.h>

#include "core/checkin.h"
#include "store_int.h"
#include "util/buf.h"

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

int store_merge_mark(struct vault *v, struct merge_mark *m, struct error *e)
{
	*m = (struct merge_mark){.db = vault_db(v)};
	/* A large import touches pages all over the tables and their search
	 * index; each page read is decrypted, so more of them stay at hand
	 * for it (SQLite's default is 2 MiB), until store_merge_end. */
	if (store_exec(m->db, "PRAGMA cache_size=-32768", e))
		return -1;
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT (SELECT coalesce(max(id), 0) FROM entries),"
	                            " (SELECT coalesce(max(id), 0) FROM moods)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "looking for duplicates");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		m->entries = sqlite3_column_int64(st, 0);
		m->moods = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_sql_error(db, rc, e, "looking for duplicates");
}

bool merge_same(const struct merge_record *a, const struct merge_record *b)
{
	if (a->at != b->at || a->has_entry != b->has_entry)
		return false;
	if (a->has_entry)
		return a->title_made == b->title_made &&
		       (a->title_made || strcmp(or_empty(a->title), or_empty(b->title)) == 0) &&
		       strcmp(or_empty(a->body), or_empty(b->body)) == 0;
	return strcmp(or_empty(a->mood_tags), or_empty(b->mood_tags)) == 0;
}

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (h ^ 0xff) * 1099511628211u;
}

uint64_t merge_hash(const struct merge_record *r)
{
	uint64_t h = 14695981039346656037u ^ (uint64_t)r->at ^ (r->has_entry ? 1u << 31 : 0) ^
	             (r->title_made ? 1u << 30 : 0);
	h *= 1099511628211u;
	if (r->has_entry)
		return fnv(fnv(h, r->title_made ? "" : or_empty(r->title)), or_empty(r->body));
	return fnv(h, or_empty(r->mood_tags));
}

/* A statement of the import, prepared on first use and kept until
 * store_merge_end; NULL with e set on failure. */
static sqlite3_stmt *stmt(sqlite3 *db, struct merge_mark *m, int k, const char *sql,
                          struct error *e)
{
	sqlite3_stmt **st = (sqlite3_stmt **)&m->st[k];
	if (*st) {
		sqlite3_reset(*st);
		sqlite3_clear_bindings(*st);
		return *st;
	}
	int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		store_sql_error(db, rc, e, "adding the import");
		*st = NULL;
	}
	return *st;
}

void store_merge_end(struct merge_mark *m)
{
	if (m->db)
		sqlite3_exec(m->db, "PRAGMA cache_size=-2000", NULL, NULL, NULL);
	for (size_t k = 0; k < sizeof(m->st) / sizeof(m->st[0]); k++) {
		sqlite3_finalize((sqlite3_stmt *)m->st[k]);
		m->st[k] = NULL;
	}
}

/* Runs st to its end, then resets it so it holds no lock or text. */
static int run(sqlite3 *db, sqlite3_stmt *st, struct error *e, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, what);
}

/* How many rows the vault held before the import (m) that are r; -1 on
 * error. */
static int64_t held_before(sqlite3 *db, struct merge_mark *m, const struct merge_record *r,
                           struct error *e)
{
	sqlite3_stmt *st;
	if (r->has_entry) {
		/* ?5: the title was made from the body, so any title matches */
		st = stmt(db, m, 0,
		          "SELECT count(*) FROM entries WHERE created_at = ?1"
		          " AND (?5 OR title = ?2) AND body = ?3 AND id <= ?4",
		          e);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 2, or_empty(r->title), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, or_empty(r->body), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, m->entries);
		sqlite3_bind_int(st, 5, r->title_made);
	} else {
		st = stmt(db, m, 1, "SELECT count(*) FROM moods WHERE at = ?1 AND tags = ?2 AND id <= ?4",
		          e);
		if (!st)
			return -1;
		struct buf tags = BUF_INIT;
		if (tags_tidy(r->mood_tags, &tags)) {
			buf_free(&tags);
			return error_set(e, E_FAIL, "Out of memory looking for duplicates.");
		}
		sqlite3_bind_text(st, 2, buf_str(&tags), -1, SQLITE_TRANSIENT);
		buf_free(&tags);
		sqlite3_bind_int64(st, 4, m->moods);
	}
	sqlite3_bind_int64(st, 1, r->at);
	int rc = sqlite3_step(st);
	int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? n : store_sql_error(db, rc, e, "looking for duplicates");
}

static int add_mood(sqlite3 *db, struct merge_mark *m, const struct merge_record *r, int64_t *id,
                    struct error *e)
{
	struct checkin c = CHECKIN_INIT;
	c.score = r->mood;
	c.tags = r->mood_tags;
	c.note = or_empty(r->mood_note);
	return store_checkin_put(db, (sqlite3_stmt **)&m->st[2], &c, (struct stamp){r->at, r->off_min},
	                         id, "adding a check-in", e);
}

/* The entry's tags, as store_set_tags adds them, with the statements kept. */
static int add_tags(sqlite3 *db, struct merge_mark *m, int64_t eid, const struct merge_record *r,
                    struct error *e)
{
	for (size_t i = 0; i < r->ntags; i++) {
		sqlite3_stmt *st = stmt(db, m, 4,
		                        "INSERT INTO tags(name) VALUES (?1) ON CONFLICT DO NOTHING", e);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, r->tags[i], -1, SQLITE_STATIC);
		if (run(db, st, e, "saving the entry's tags"))
			return -1;
		st = stmt(db, m, 5,
		          "INSERT OR IGNORE INTO entry_tags(entry_id, tag_id)"
		          " SELECT ?1, id FROM tags WHERE name = ?2",
		          e);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, eid);
		sqlite3_bind_text(st, 2, r->tags[i], -1, SQLITE_STATIC);
		if (run(db, st, e, "saving the entry's tags"))
			return -1;
	}
	return 0;
}

static int add_entry(sqlite3 *db, struct merge_mark *m, const struct merge_record *r,
                     int64_t mood_id, struct error *e)
{
	struct entry_put p = {.title = or_empty(r->title), .body = or_empty(r->body),
	                      .created = {r->at, r->off_min}, .updated = {r->at, r->off_min},
	                      .mood_id = mood_id};
	int64_t eid;
	if (store_entry_put(db, (sqlite3_stmt **)&m->st[3], &p, &eid, "adding an entry", e))
		return -1;
	return add_tags(db, m, eid, r, e);
}

int store_merge(struct vault *v, struct merge_mark *m, const struct merge_record *r, size_t nth,
                bool *dup, struct error *e)
{
	if (r->mood > 10 || (!r->has_entry && r->mood < 0))
		return error_set(e, E_CORRUPT, "A record has neither an entry nor a score from 0 to 10.");
	sqlite3 *db = vault_db(v);
	int64_t held = held_before(db, m, r, e);
	if (held < 0)
		return -1;
	*dup = (uint64_t)held > nth;
	if (*dup)
		return 0;
	int64_t mood_id = 0;
	if (r->mood >= 0 && add_mood(db, m, r, &mood_id, e))
		return -1;
	return r->has_entry ? add_entry(db, m, r, mood_id, e) : 0;
}
