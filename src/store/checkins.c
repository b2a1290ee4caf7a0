/* checkins.c: mood check-ins (the moods table). */
#include "store/checkins.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/tags.h"
#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

/* Binds c, made at `at`, to ?1..?11 of an INSERT or UPDATE of moods; its
 * tags, tidied, are held in *tags until the statement has run. */
static int bind_checkin(sqlite3_stmt *st, const struct checkin *c, struct stamp at,
                        struct buf *tags)
{
	sqlite3_bind_int64(st, 1, at.t);
	sqlite3_bind_int(st, 2, at.off_min);
	sqlite3_bind_int(st, 3, c->score);
	store_bind_text(st, 4, c->note);
	store_bind_text(st, 5, c->emotions);
	store_bind_opt(st, 6, c->intensity);
	store_bind_text(st, 7, c->body);
	store_bind_opt(st, 8, c->energy);
	if (c->sleep_hours >= 0)
		sqlite3_bind_double(st, 9, c->sleep_hours);
	else
		sqlite3_bind_null(st, 9);
	store_bind_text(st, 10, c->tolerance);
	if (tags_tidy(c->tags, tags))
		return -1;
	store_bind_text(st, 11, buf_str(tags));
	return 0;
}

int store_checkin_put(sqlite3 *db, sqlite3_stmt **keep, const struct checkin *c, struct stamp at,
                      int64_t *id, const char *doing, struct error *e)
{
	sqlite3_stmt *st = keep ? *keep : NULL;
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	} else {
		int rc = sqlite3_prepare_v2(db,
		                            "INSERT INTO moods(at, at_off, score, note, emotions,"
		                            " intensity, body, energy, sleep_hours, tolerance, tags)"
		                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		                            -1, &st, NULL);
		if (rc != SQLITE_OK) {
			sqlite3_finalize(st);
			return store_sql_error(db, rc, e, doing);
		}
		if (keep)
			*keep = st;
	}
	struct buf tags = BUF_INIT;
	int rc = bind_checkin(st, c, at, &tags) ? SQLITE_NOMEM : sqlite3_step(st);
	buf_free(&tags);
	if (keep)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	if (rc == SQLITE_NOMEM)
		return error_set(e, E_FAIL, "Out of memory %s.", doing);
	if (rc != SQLITE_DONE)
		return store_sql_error(db, rc, e, doing);
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return 0;
}

/* Adds c (update 0) or puts it in place of check-in update. */
static int put_checkin(struct vault *v, int64_t update, const struct checkin *c, int64_t *id,
                       struct error *e)
{
	if (checkin_check(c, e))
		return -1;
	sqlite3 *db = vault_db(v);
	struct stamp now = c->at.t ? c->at : stamp_now();
	if (!update)
		return store_checkin_put(db, NULL, c, now, id, "saving the check-in", e);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "UPDATE moods SET at = CASE WHEN ?12 THEN ?1 ELSE at END,"
	                            " at_off = CASE WHEN ?12 THEN ?2 ELSE at_off END,"
	                            " score = ?3, note = ?4, emotions = ?5, intensity = ?6,"
	                            " body = ?7, energy = ?8, sleep_hours = ?9,"
	                            " tolerance = ?10, tags = ?11 WHERE id = ?13",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the check-in");
	sqlite3_bind_int(st, 12, c->at.t != 0);
	sqlite3_bind_int64(st, 13, update);
	struct buf tags = BUF_INIT;
	if (bind_checkin(st, c, now, &tags)) {
		sqlite3_finalize(st);
		buf_free(&tags);
		return error_set(e, E_FAIL, "Out of memory saving the check-in.");
	}
	rc = store_step_done(db, st, e, "saving the check-in");
	buf_free(&tags);
	if (rc)
		return -1;
	if (sqlite3_changes(db) == 0)
		return error_set(e, E_FAIL, "There is no check-in %lld.", (long long)update);
	if (id)
		*id = update;
	return 0;
}

int checkin_add(struct vault *v, const struct checkin *c, int64_t *id, struct error *e)
{
	return put_checkin(v, 0, c, id, e);
}

int checkin_update(struct vault *v, int64_t id, const struct checkin *c, struct error *e)
{
	if (id <= 0)
		return error_set(e, E_FAIL, "There is no check-in %lld.", (long long)id);
	return put_checkin(v, id, c, NULL, e);
}

int checkin_delete(struct vault *v, int64_t id, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM moods WHERE id = ?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "deleting the check-in");
	sqlite3_bind_int64(st, 1, id);
	if (store_step_done(db, st, e, "deleting the check-in"))
		return -1;
	if (sqlite3_changes(db) == 0)
		return error_set(e, E_FAIL, "There is no check-in %lld.", (long long)id);
	return 0;
}

void checkins_free(struct checkin_saved *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 5; k++)
			str_wipe_free(list[i].text[k]);
	free(list);
}

int checkins_list(struct vault *v, int64_t id, struct checkin_saved **out, size_t *n,
                  struct error *e)
{
	sqlite3 *db = vault_db(v);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT id, at, at_off, score, coalesce(intensity, -1),"
	                            " coalesce(energy, -1), coalesce(sleep_hours, -1), emotions,"
	                            " tolerance, body, tags, note FROM moods"
	                            " WHERE ?1 = 0 OR id = ?1 ORDER BY at DESC, id DESC",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "listing check-ins");
	sqlite3_bind_int64(st, 1, id);
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)out, &cap, *n, sizeof(**out))) {
			rc = SQLITE_NOMEM;
			break;
		}
		struct checkin_saved *s = &(*out)[(*n)++];
		memset(s, 0, sizeof(*s));
		s->id = sqlite3_column_int64(st, 0);
		int bad = 0;
		for (int k = 0; k < 5; k++) {
			const char *t = (const char *)sqlite3_column_text(st, 7 + k);
			bad |= !(s->text[k] = strdup(t ? t : ""));
		}
		s->c = (struct checkin){
			.score = sqlite3_column_int(st, 3), .intensity = sqlite3_column_int(st, 4),
			.energy = sqlite3_column_int(st, 5), .sleep_hours = sqlite3_column_double(st, 6),
			.emotions = s->text[0], .tolerance = s->text[1], .body = s->text[2],
			.tags = s->text[3], .note = s->text[4],
			.at = {sqlite3_column_int64(st, 1), sqlite3_column_int(st, 2)},
		};
		if (bad) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		checkins_free(*out, *n);
		*out = NULL;
		*n = 0;
		return rc == SQLITE_NOMEM ? error_set(e, E_FAIL, "Out of memory listing check-ins.")
		                          : store_sql_error(db, rc, e, "listing check-ins");
	}
	if (id && !*n)
		return error_set(e, E_FAIL, "There is no check-in %lld.", (long long)id);
	return 0;
}
