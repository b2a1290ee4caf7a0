/* tracking.c: check-ins, trigger logs, coping tools, trigger categories. */
#include "store/tracking.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

/* Binds n as an integer, or NULL when it is below 0 (not given). */
static void bind_opt(sqlite3_stmt *st, int i, int n)
{
	if (n >= 0)
		sqlite3_bind_int(st, i, n);
	else
		sqlite3_bind_null(st, i);
}

static int in_range(int n)
{
	return n >= -1 && n <= 10;
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, struct error *e, const char *doing)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, doing);
}

const char *store_tag_trim(const char *s, size_t n, size_t *len)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*len = n;
	return s;
}

int store_tags_tidy(const char *in, struct buf *out)
{
	buf_clear(out);
	int rc = buf_puts(out, "");
	for (const char *p = in ? in : ""; *p && rc == 0;) {
		size_t k = strcspn(p, ","), len;
		const char *t = store_tag_trim(p, k, &len);
		if (len) {
			if (out->len)
				rc = buf_putc(out, ',');
			if (rc == 0)
				rc = buf_append(out, t, len);
		}
		p += k + (p[k] == ',');
	}
	return rc;
}

static int check_checkin(const struct checkin *c, struct error *e)
{
	if (c->score < 0 || c->score > 10 || !in_range(c->intensity) || !in_range(c->energy))
		return error_set(e, E_USAGE, "Scores are whole numbers from 0 to 10.");
	if (c->sleep_hours > 24)
		return error_set(e, E_USAGE, "Hours of sleep go from 0 to 24.");
	const char *tol = c->tolerance ? c->tolerance : "";
	if (*tol && strcmp(tol, "overwhelmed") && strcmp(tol, "within") && strcmp(tol, "shut-down"))
		return error_set(e, E_USAGE, "The window of tolerance is overwhelmed, within or "
		                             "shut-down.");
	return 0;
}

/* Binds c, made at `at`, to ?1..?11 of an INSERT or UPDATE of moods; its
 * tags, tidied, are held in *tags until the statement has run. */
static int bind_checkin(sqlite3_stmt *st, const struct checkin *c, struct stamp at,
                        struct buf *tags)
{
	sqlite3_bind_int64(st, 1, at.t);
	sqlite3_bind_int(st, 2, at.off_min);
	sqlite3_bind_int(st, 3, c->score);
	bind_text(st, 4, c->note);
	bind_text(st, 5, c->emotions);
	bind_opt(st, 6, c->intensity);
	bind_text(st, 7, c->body);
	bind_opt(st, 8, c->energy);
	if (c->sleep_hours >= 0)
		sqlite3_bind_double(st, 9, c->sleep_hours);
	else
		sqlite3_bind_null(st, 9);
	bind_text(st, 10, c->tolerance);
	if (store_tags_tidy(c->tags, tags))
		return -1;
	bind_text(st, 11, buf_str(tags));
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
	if (check_checkin(c, e))
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
	rc = step_done(db, st, e, "saving the check-in");
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
	if (step_done(db, st, e, "deleting the check-in"))
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

static int bind_trigger(sqlite3_stmt *st, const struct trigger_log *t)
{
	bind_text(st, 1, t->category && *t->category ? t->category : "other");
	bind_text(st, 2, t->what);
	bind_opt(st, 3, t->suds_before);
	bind_opt(st, 4, t->suds_after);
	bind_text(st, 5, t->place);
	bind_text(st, 6, t->body);
	bind_text(st, 7, t->thoughts);
	bind_text(st, 8, t->urges);
	bind_text(st, 9, t->did);
	if (t->tool_id > 0)
		sqlite3_bind_int64(st, 10, t->tool_id);
	else
		sqlite3_bind_null(st, 10);
	bind_opt(st, 11, t->helped);
	sqlite3_bind_int(st, 12, t->finished ? 1 : 0);
	return 0;
}

static int check_trigger(const struct trigger_log *t, struct error *e)
{
	if (!in_range(t->suds_before) || !in_range(t->suds_after) || !in_range(t->helped))
		return error_set(e, E_USAGE, "Distress and how much it helped are whole numbers "
		                             "from 0 to 10.");
	return 0;
}

/* Writes trigger id's "What I did" list (inside the caller's transaction)
 * and keeps the older did and tool_id columns in step with it. */
static int set_choices(sqlite3 *db, int64_t id, const struct trigger_log *t, struct error *e)
{
	struct trigger_choice one = {t->tool_id, t->did};
	const struct trigger_choice *list = t->ndid ? t->did_list : &one;
	size_t n = t->ndid ? t->ndid : 1;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM trigger_did WHERE trigger_id = ?1", -1, &st,
	                            NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the trigger log");
	sqlite3_bind_int64(st, 1, id);
	if (step_done(db, st, e, "saving the trigger log"))
		return -1;
	/* A tool taken out of the toolbox since it was picked is left out. */
	rc = sqlite3_prepare_v2(db,
	                        "INSERT INTO trigger_did(trigger_id, tool_id, text, position)"
	                        " SELECT ?1, (SELECT id FROM tools WHERE id = ?2), ?3, ?4"
	                        " WHERE ?3 != '' OR EXISTS (SELECT 1 FROM tools WHERE id = ?2)",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the trigger log");
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, list[i].tool_id);
		bind_text(st, 3, list[i].text);
		sqlite3_bind_int64(st, 4, (int64_t)i + 1);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_sql_error(db, rc, e, "saving the trigger log");
		}
	}
	sqlite3_finalize(st);
	rc = sqlite3_prepare_v2(db,
	                        "UPDATE triggers SET tool_id = (SELECT tool_id FROM trigger_did"
	                        " WHERE trigger_id = ?1 AND tool_id IS NOT NULL ORDER BY position"
	                        " LIMIT 1), did = coalesce((SELECT group_concat(text, '; ') FROM"
	                        " (SELECT text FROM trigger_did WHERE trigger_id = ?1 AND text != ''"
	                        " ORDER BY position)), '') WHERE id = ?1",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the trigger log");
	sqlite3_bind_int64(st, 1, id);
	return step_done(db, st, e, "saving the trigger log");
}

int trigger_add(struct vault *v, const struct trigger_log *t, int64_t *id, struct error *e)
{
	if (check_trigger(t, e))
		return -1;
	sqlite3 *db = vault_db(v);
	struct stamp now = stamp_now();
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "INSERT INTO triggers(category, what, suds_before, suds_after,"
	                            " place, body, thoughts, urges, did, tool_id, helped, finished,"
	                            " at, at_off) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	                            " (SELECT id FROM tools WHERE id = ?10), ?11, ?12, ?13, ?14)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the trigger log");
	if (store_begin(db, "updating the vault", e)) {
		sqlite3_finalize(st);
		return -1;
	}
	bind_trigger(st, t);
	sqlite3_bind_int64(st, 13, now.t);
	sqlite3_bind_int(st, 14, now.off_min);
	rc = step_done(db, st, e, "saving the trigger log");
	int64_t row = sqlite3_last_insert_rowid(db);
	if (!rc)
		rc = set_choices(db, row, t, e);
	if (store_end(db, rc, "updating the vault", e))
		return -1;
	if (id)
		*id = row;
	return 0;
}

int trigger_update(struct vault *v, int64_t id, const struct trigger_log *t, struct error *e)
{
	if (check_trigger(t, e))
		return -1;
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "UPDATE triggers SET category = ?1, what = ?2, suds_before = ?3,"
	                            " suds_after = ?4, place = ?5, body = ?6, thoughts = ?7,"
	                            " urges = ?8, did = ?9, tool_id = (SELECT id FROM tools WHERE"
	                            " id = ?10), helped = ?11, finished = ?12 WHERE id = ?13",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the trigger log");
	if (store_begin(db, "updating the vault", e)) {
		sqlite3_finalize(st);
		return -1;
	}
	bind_trigger(st, t);
	sqlite3_bind_int64(st, 13, id);
	rc = step_done(db, st, e, "saving the trigger log");
	if (!rc && sqlite3_changes(db) == 0)
		rc = error_set(e, E_FAIL, "There is no trigger log %lld.", (long long)id);
	if (!rc)
		rc = set_choices(db, id, t, e);
	return store_end(db, rc, "updating the vault", e);
}

void trigger_saved_free(struct trigger_saved *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < 7; k++) {
			if (list[i].text[k])
				mem_wipe(list[i].text[k], strlen(list[i].text[k]));
			free(list[i].text[k]);
		}
		for (size_t k = 0; k < list[i].log.ndid; k++) {
			char *t = (char *)list[i].choices[k].text;
			if (t)
				mem_wipe(t, strlen(t));
			free(t);
		}
		free(list[i].choices);
	}
	free(list);
}

/* Reads trigger log t's "What I did" list into t->choices. */
static int read_choices(sqlite3 *db, struct trigger_saved *t)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT coalesce(tool_id, 0), text FROM trigger_did"
	                            " WHERE trigger_id = ?1 ORDER BY position, rowid",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, t->id);
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)&t->choices, &cap, t->log.ndid, sizeof(*t->choices))) {
			rc = SQLITE_NOMEM;
			break;
		}
		const char *txt = (const char *)sqlite3_column_text(st, 1);
		char *copy = strdup(txt ? txt : "");
		if (!copy) {
			rc = SQLITE_NOMEM;
			break;
		}
		t->choices[t->log.ndid++] = (struct trigger_choice){sqlite3_column_int64(st, 0), copy};
	}
	sqlite3_finalize(st);
	t->log.did_list = t->choices;
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int triggers_unfinished(struct vault *v, struct trigger_saved **out, size_t *n, struct error *e)
{
	sqlite3 *db = vault_db(v);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT id, at, at_off, category, place, what, body, thoughts, urges,"
	                            " did, coalesce(tool_id, 0), coalesce(suds_before, -1),"
	                            " coalesce(suds_after, -1), coalesce(helped, -1)"
	                            " FROM triggers WHERE finished = 0 ORDER BY at DESC, id DESC",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "listing trigger logs");
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)out, &cap, *n, sizeof(**out))) {
			rc = SQLITE_NOMEM;
			break;
		}
		struct trigger_saved *t = &(*out)[(*n)++];
		memset(t, 0, sizeof(*t));
		t->id = sqlite3_column_int64(st, 0);
		t->at = sqlite3_column_int64(st, 1);
		t->off_min = sqlite3_column_int(st, 2);
		int bad = 0;
		for (int k = 0; k < 7; k++) {
			const char *txt = (const char *)sqlite3_column_text(st, 3 + k);
			bad |= !(t->text[k] = strdup(txt ? txt : ""));
		}
		t->log = (struct trigger_log){
			.category = t->text[0], .place = t->text[1], .what = t->text[2],
			.body = t->text[3], .thoughts = t->text[4], .urges = t->text[5], .did = t->text[6],
			.tool_id = sqlite3_column_int64(st, 10), .suds_before = sqlite3_column_int(st, 11),
			.suds_after = sqlite3_column_int(st, 12), .helped = sqlite3_column_int(st, 13),
			.finished = false,
		};
		if (bad) {
			rc = SQLITE_NOMEM;
			break;
		}
		int crc = read_choices(db, t);
		if (crc != SQLITE_OK) {
			rc = crc;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		trigger_saved_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sql_error(db, rc, e, "listing trigger logs");
	}
	return 0;
}

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
	bind_text(st, 3, exercise);
	bind_opt(st, 4, before);
	bind_opt(st, 5, after);
	sqlite3_bind_int(st, 6, finished ? 1 : 0);
	return step_done(db, st, e, "saving the exercise");
}

int exercise_log(struct vault *v, const char *exercise, int before, int after, bool finished,
                 struct error *e)
{
	if (!in_range(before) || !in_range(after))
		return error_set(e, E_USAGE, "Distress is a whole number from 0 to 10.");
	return session_insert(vault_db(v), exercise, before, after, finished, e);
}

int exercise_finish(struct vault *v, const struct new_entry *ne, const char *exercise,
                    int before, int after, const char *pause_key, struct error *e)
{
	if (!in_range(before) || !in_range(after))
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
			bind_text(st, 1, pause_key);
			rc = step_done(db, st, e, "saving the exercise");
		}
	}
	return store_end(db, rc, "updating the vault", e);
}

/* ---- the toolbox -------------------------------------------------------------- */

void tools_free(struct tool *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].about);
	}
	free(list);
}

int tools_list(struct vault *v, struct tool **out, size_t *n, struct error *e)
{
	sqlite3 *db = vault_db(v);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
	    db,
	    "SELECT t.id, t.name, t.about, count(g.id),"
	    " count(g.suds_before + g.suds_after), avg(g.suds_before - g.suds_after)"
	    " FROM tools t LEFT JOIN (SELECT DISTINCT trigger_id, tool_id FROM trigger_did) d"
	    " ON d.tool_id = t.id LEFT JOIN triggers g ON g.id = d.trigger_id"
	    " GROUP BY t.id ORDER BY t.position, t.id",
	    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "listing coping tools");
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)out, &cap, *n, sizeof(**out))) {
			rc = SQLITE_NOMEM;
			break;
		}
		struct tool *t = &(*out)[(*n)++];
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *about = (const char *)sqlite3_column_text(st, 2);
		t->id = sqlite3_column_int64(st, 0);
		t->name = strdup(name ? name : "");
		t->about = strdup(about ? about : "");
		t->uses = sqlite3_column_int64(st, 3);
		t->drop_n = sqlite3_column_int64(st, 4);
		t->mean_drop = sqlite3_column_double(st, 5);
		if (!t->name || !t->about) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		tools_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sql_error(db, rc, e, "listing coping tools");
	}
	return 0;
}

int tool_add(struct vault *v, const char *name, const char *about, int64_t *id, struct error *e)
{
	if (!name || !*name)
		return error_set(e, E_USAGE, "A coping tool needs a name.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "INSERT INTO tools(name, about, position) VALUES (?1, ?2,"
	                            " (SELECT coalesce(max(position), 0) + 1 FROM tools))",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "adding the tool");
	bind_text(st, 1, name);
	bind_text(st, 2, about);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return error_set(e, E_FAIL, "There is a tool called \"%s\" already.", name);
	if (rc != SQLITE_DONE)
		return store_sql_error(db, rc, e, "adding the tool");
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return 0;
}

int tool_delete(struct vault *v, int64_t id, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM tools WHERE id = ?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "removing the tool");
	sqlite3_bind_int64(st, 1, id);
	return step_done(db, st, e, "removing the tool");
}

/* ---- trigger categories ------------------------------------------------------- */

void categories_free(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

int categories_list(struct vault *v, char ***out, size_t *n, struct error *e)
{
	sqlite3 *db = vault_db(v);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT name FROM trigger_categories ORDER BY position, name",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "listing categories");
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)out, &cap, *n, sizeof(**out))) {
			rc = SQLITE_NOMEM;
			break;
		}
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!((*out)[(*n)++] = strdup(name ? name : ""))) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		categories_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sql_error(db, rc, e, "listing categories");
	}
	return 0;
}

int category_add(struct vault *v, const char *name, struct error *e)
{
	if (!name || !*name)
		return error_set(e, E_USAGE, "A category needs a name.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "INSERT OR IGNORE INTO trigger_categories(name, position) VALUES"
	                            " (?1, (SELECT coalesce(max(position), 0) + 1"
	                            " FROM trigger_categories))",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "adding the category");
	bind_text(st, 1, name);
	return step_done(db, st, e, "adding the category");
}

int category_delete(struct vault *v, const char *name, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM trigger_categories WHERE name = ?1", -1, &st,
	                            NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "removing the category");
	bind_text(st, 1, name);
	return step_done(db, st, e, "removing the category");
}
