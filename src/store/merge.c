/* merge.c: records from other apps, added with exact duplicates skipped. */
#include "store/merge.h"

#include <sqlite3.h>

#include "store_int.h"
#include "util/buf.h"

/* 1 when the query with its bound values finds a row, 0 when not. */
static int found(sqlite3 *db, sqlite3_stmt *st, struct error *e)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, "looking for duplicates");
}

static int is_duplicate(sqlite3 *db, const struct merge_record *r, struct error *e)
{
	sqlite3_stmt *st;
	int rc;
	if (r->has_entry) {
		rc = sqlite3_prepare_v2(db,
		                        "SELECT 1 FROM entries WHERE created_at = ?1 AND title = ?2"
		                        " AND body = ?3",
		                        -1, &st, NULL);
		if (rc != SQLITE_OK)
			return store_sql_error(db, rc, e, "looking for duplicates");
		sqlite3_bind_text(st, 2, r->title ? r->title : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, r->body ? r->body : "", -1, SQLITE_STATIC);
	} else {
		rc = sqlite3_prepare_v2(db, "SELECT 1 FROM moods WHERE at = ?1 AND score = ?2", -1, &st,
		                        NULL);
		if (rc != SQLITE_OK)
			return store_sql_error(db, rc, e, "looking for duplicates");
		sqlite3_bind_int(st, 2, r->mood);
	}
	sqlite3_bind_int64(st, 1, r->at);
	return found(db, st, e);
}

static int add_mood(sqlite3 *db, const struct merge_record *r, int64_t *id, struct error *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "INSERT INTO moods(at, at_off, score, tags) VALUES (?1, ?2, ?3, ?4)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "adding a check-in");
	sqlite3_bind_int64(st, 1, r->at);
	sqlite3_bind_int(st, 2, r->off_min);
	sqlite3_bind_int(st, 3, r->mood);
	struct buf tags = BUF_INIT;
	if (store_tags_tidy(r->mood_tags, &tags)) {
		sqlite3_finalize(st);
		buf_free(&tags);
		return error_set(e, E_FAIL, "Out of memory adding a check-in.");
	}
	sqlite3_bind_text(st, 4, buf_str(&tags), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	buf_free(&tags);
	if (rc != SQLITE_DONE)
		return store_sql_error(db, rc, e, "adding a check-in");
	*id = sqlite3_last_insert_rowid(db);
	return 0;
}

static int add_entry(sqlite3 *db, const struct merge_record *r, int64_t mood_id, struct error *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "INSERT INTO entries(title, body, created_at, created_off,"
	                            " updated_at, updated_off, mood_id)"
	                            " VALUES (?1, ?2, ?3, ?4, ?3, ?4, ?5)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "adding an entry");
	sqlite3_bind_text(st, 1, r->title ? r->title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->body ? r->body : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, r->at);
	sqlite3_bind_int(st, 4, r->off_min);
	if (mood_id)
		sqlite3_bind_int64(st, 5, mood_id);
	else
		sqlite3_bind_null(st, 5);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(db, rc, e, "adding an entry");
	return store_set_tags(db, sqlite3_last_insert_rowid(db), r->tags, r->ntags, e);
}

int store_merge(struct vault *v, const struct merge_record *r, bool *dup, struct error *e)
{
	if (r->mood > 10 || (!r->has_entry && r->mood < 0))
		return error_set(e, E_CORRUPT, "A record has neither an entry nor a score from 0 to 10.");
	sqlite3 *db = vault_db(v);
	int d = is_duplicate(db, r, e);
	if (d < 0)
		return -1;
	*dup = d == 1;
	if (*dup)
		return 0;
	int64_t mood_id = 0;
	if (r->mood >= 0 && add_mood(db, r, &mood_id, e))
		return -1;
	return r->has_entry ? add_entry(db, r, mood_id, e) : 0;
}
