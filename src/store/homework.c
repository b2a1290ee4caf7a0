/* homework.c: homework packs and what has been done of them. */
#include "store/homework.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

int hwpack_add(struct vault *v, const char *text, size_t len, const char *title,
               const char *from, const char *assigned, const char *due, int64_t *id,
               bool *existed, struct error *e)
{
	*existed = false;
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	if (len > (size_t)1 << 20)
		return error_set(e, E_USAGE, "The pack is too large to keep.");
	sqlite3 *db = vault_db(v);
	if (store_begin(db, "updating the vault", e))
		return -1;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT id FROM homework_packs WHERE text = ?1 ORDER BY id",
	                            -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, text, (int)len, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*existed = true;
			*id = sqlite3_column_int64(st, 0);
			rc = SQLITE_DONE;
		}
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_DONE && !*existed) {
		struct stamp now = stamp_now();
		rc = sqlite3_prepare_v2(db,
		                        "INSERT INTO homework_packs(text, title, sender, assigned, due,"
		                        " imported_at, imported_off) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		                        -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, text, (int)len, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, assigned, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, due ? due : "", -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 6, now.t);
			sqlite3_bind_int(st, 7, now.off_min);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			*id = sqlite3_last_insert_rowid(db);
		}
	}
	if (rc != SQLITE_DONE)
		store_sql_error(db, rc, e, "keeping the homework pack");
	return store_end(db, rc != SQLITE_DONE, "updating the vault", e);
}

void hwpack_list_free(struct hw_pack *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		str_wipe_free(p[i].text);
		str_wipe_free(p[i].title);
		str_wipe_free(p[i].from);
		str_wipe_free(p[i].assigned);
		str_wipe_free(p[i].due);
	}
	free(p);
}

int hwpack_list(struct vault *v, struct hw_pack **out, size_t *n, struct error *e)
{
	*out = NULL;
	*n = 0;
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT id, text, title, sender, assigned, due, imported_at,"
	                            " imported_off FROM homework_packs ORDER BY id",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading the homework packs");
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)out, &cap, *n + 1, sizeof(**out))) {
			rc = SQLITE_NOMEM;
			break;
		}
		struct hw_pack *p = &(*out)[(*n)++];
		memset(p, 0, sizeof(*p));
		p->id = sqlite3_column_int64(st, 0);
		p->text = store_col_dup(st, 1);
		p->title = store_col_dup(st, 2);
		p->from = store_col_dup(st, 3);
		p->assigned = store_col_dup(st, 4);
		p->due = store_col_dup(st, 5);
		p->imported_at = sqlite3_column_int64(st, 6);
		p->imported_off = sqlite3_column_int(st, 7);
		if (!p->text || !p->title || !p->from || !p->assigned || !p->due) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		hwpack_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sql_error(db, rc, e, "reading the homework packs");
	}
	return 0;
}

int hwpack_count(struct vault *v, struct error *e)
{
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM homework_packs", -1, &st, NULL);
	int n = -1;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n >= 0 ? n : store_sql_error(db, rc, e, "counting the homework packs");
}

/* Runs sql with ?1 bound to id; the rows it changed, or -1. */
static int run_id(sqlite3 *db, const char *sql, int64_t id, struct error *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "removing the homework pack");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(db, rc, e, "removing the homework pack");
	return sqlite3_changes(db);
}

int hwpack_remove(struct vault *v, int64_t id, struct error *e)
{
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	sqlite3 *db = vault_db(v);
	if (store_begin(db, "updating the vault", e))
		return -1;
	/* Progress goes with the pack (ON DELETE CASCADE), and so do answers
	 * paused part way on the homework screen. */
	int n = run_id(db, "DELETE FROM homework_packs WHERE id = ?1", id, e);
	if (n > 0 && run_id(db, "DELETE FROM settings WHERE key LIKE 'homework.paused.' || ?1 || '.%'",
	                    id, e) < 0)
		n = -1;
	if (n <= 0) {
		store_cancel(db);
		if (n == 0)
			return error_set(e, E_USAGE, "There is no homework pack %lld; 'tend homework list' "
			                             "shows their numbers.", (long long)id);
		return -1;
	}
	return store_end(db, 0, "updating the vault", e);
}

int hwpack_mark(struct vault *v, const struct hw_mark *m, struct error *e)
{
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	if (m->item < 0 || m->score < -1 || m->score > 10)
		return error_set(e, E_USAGE, "A score is a whole number from 0 to 10.");
	sqlite3 *db = vault_db(v);
	struct stamp now = stamp_now();
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "INSERT INTO homework_done(pack_id, item, at, at_off, score,"
	                            " answer, entry_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "keeping what was done");
	sqlite3_bind_int64(st, 1, m->pack);
	sqlite3_bind_int(st, 2, m->item);
	sqlite3_bind_int64(st, 3, now.t);
	sqlite3_bind_int(st, 4, now.off_min);
	if (m->score >= 0)
		sqlite3_bind_int(st, 5, m->score);
	else
		sqlite3_bind_null(st, 5);
	if (m->answer)
		sqlite3_bind_text(st, 6, m->answer, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 6);
	if (m->entry_id)
		sqlite3_bind_int64(st, 7, m->entry_id);
	else
		sqlite3_bind_null(st, 7);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return error_set(e, E_USAGE, "That homework pack is not in the vault any more.");
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, "keeping what was done");
}

void hwpack_progress_clear(struct hw_progress *p, size_t nitems)
{
	for (size_t i = 0; i < nitems; i++) {
		str_wipe_free(p[i].last_answer);
		p[i] = (struct hw_progress){.last_score = -1};
	}
}

/* Finished sessions of the exercise called name on a day, as lived where
 * it was done, from the pack's assigned day through its session day (no
 * end when there is none). */
static int practice_count(sqlite3 *db, int64_t pack, const char *name, int64_t *n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT count(*) FROM exercise_sessions s, homework_packs p"
	                            " WHERE p.id = ?1 AND s.exercise = ?2 AND s.finished"
	                            " AND date(s.at + s.at_off * 60, 'unixepoch') >= p.assigned"
	                            " AND (p.due = '' OR"
	                            "      date(s.at + s.at_off * 60, 'unixepoch') <= p.due)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pack);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return rc;
}

int hwpack_progress(struct vault *v, int64_t pack, const char *const *practice,
                    struct hw_progress *out, size_t nitems, struct error *e)
{
	for (size_t i = 0; i < nitems; i++)
		out[i] = (struct hw_progress){.last_score = -1};
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	/* Oldest first, so the last row seen for an item is its latest. */
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT item, at, at_off, score, answer FROM homework_done"
	                            " WHERE pack_id = ?1 ORDER BY at, id",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading homework progress");
	sqlite3_bind_int64(st, 1, pack);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int item = sqlite3_column_int(st, 0);
		if (item < 0 || (size_t)item >= nitems)
			continue; /* not an item of this pack as this tend reads it */
		struct hw_progress *p = &out[item];
		p->done++;
		p->last_at = sqlite3_column_int64(st, 1);
		p->last_off = sqlite3_column_int(st, 2);
		if (sqlite3_column_type(st, 3) != SQLITE_NULL)
			p->last_score = sqlite3_column_int(st, 3);
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			str_wipe_free(p->last_answer);
			if (!(p->last_answer = store_col_dup(st, 4))) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	/* Practice done anywhere counts: every run of the exercise is also an
	 * exercise session, so the larger of the two counts each run once. */
	for (size_t i = 0; practice && i < nitems && rc == SQLITE_DONE; i++) {
		int64_t runs = 0;
		if (practice[i] && (rc = practice_count(db, pack, practice[i], &runs)) == SQLITE_DONE &&
		    runs > out[i].done)
			out[i].done = runs;
	}
	if (rc != SQLITE_DONE) {
		hwpack_progress_clear(out, nitems);
		return store_sql_error(db, rc, e, "reading homework progress");
	}
	return 0;
}

int hwpack_answers(struct vault *v, int64_t pack, int item, hw_answer_fn fn, void *arg,
                   struct error *e)
{
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT at, at_off, answer FROM homework_done WHERE pack_id = ?1"
	                            " AND item = ?2 AND answer IS NOT NULL ORDER BY at, id",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading homework answers");
	sqlite3_bind_int64(st, 1, pack);
	sqlite3_bind_int(st, 2, item);
	int stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1),
		          (const char *)sqlite3_column_text(st, 2), arg);
	sqlite3_finalize(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, "reading homework answers");
}

int hwpack_scores(struct vault *v, int64_t pack, int item, struct hw_score *out, size_t max,
                  size_t *n, bool *more, struct error *e)
{
	*n = 0;
	*more = false;
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	/* Newest first, one more than asked for to learn whether any were
	 * left out; turned round below. */
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT at, at_off, score FROM homework_done WHERE pack_id = ?1"
	                            " AND item = ?2 AND score IS NOT NULL ORDER BY at DESC, id DESC"
	                            " LIMIT ?3",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading homework scores");
	sqlite3_bind_int64(st, 1, pack);
	sqlite3_bind_int(st, 2, item);
	sqlite3_bind_int64(st, 3, (int64_t)max + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == max) {
			*more = true;
			continue;
		}
		out[(*n)++] = (struct hw_score){sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1),
		                                sqlite3_column_int(st, 2)};
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*n = 0;
		return store_sql_error(db, rc, e, "reading homework scores");
	}
	for (size_t i = 0; i < *n / 2; i++) {
		struct hw_score t = out[i];
		out[i] = out[*n - 1 - i];
		out[*n - 1 - i] = t;
	}
	return 0;
}
