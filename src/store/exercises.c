/* exercises.c: exercise sessions, and a finished exercise kept whole. */
#include "store/exercises.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/checkin.h"
#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

static int session_insert(sqlite3 *db, const char *exercise, int before, int after,
                          bool finished, struct error *e)
{
	struct stamp now = stamp_now();
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "INSERT INTO exercise_sessions(at, at_off, exercise, suds_before,"
	                            " suds_after, finished) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the exercise");
	sqlite3_bind_int64(st, 1, now.t);
	sqlite3_bind_int(st, 2, now.off_min);
	store_bind_text(st, 3, exercise);
	store_bind_opt(st, 4, before);
	store_bind_opt(st, 5, after);
	sqlite3_bind_int(st, 6, finished ? 1 : 0);
	return store_step_done(db, st, e, "saving the exercise");
}

int exercise_log(struct vault *v, const char *exercise, int before, int after, bool finished,
                 struct error *e)
{
	if (!score_or_none(before) || !score_or_none(after))
		return error_set(e, E_USAGE, "Distress is a whole number from 0 to 10.");
	return session_insert(vault_db(v), exercise, before, after, finished, e);
}

int exercise_finish(struct vault *v, const struct new_entry *ne, const char *exercise,
                    int before, int after, const char *pause_key, struct error *e)
{
	if (!score_or_none(before) || !score_or_none(after))
		return error_set(e, E_USAGE, "Distress is a whole number from 0 to 10.");
	sqlite3 *db = vault_db(v);
	if (store_begin(db, "updating the vault", e))
		return -1;
	int rc = ne ? store_entry_insert(db, ne, NULL, e) : 0;
	if (rc == 0)
		rc = session_insert(db, exercise, before, after, true, e);
	if (rc == 0 && pause_key) {
		sqlite3_stmt *st;
		int src = sqlite3_prepare_v2(db, "DELETE FROM settings WHERE key = ?1", -1, &st,
		                             NULL);
		if (src != SQLITE_OK) {
			rc = store_sql_error(db, src, e, "saving the exercise");
		} else {
			store_bind_text(st, 1, pause_key);
			rc = store_step_done(db, st, e, "saving the exercise");
		}
	}
	return store_end(db, rc, "updating the vault", e);
}
