/* triggers.c: trigger logs and their "What I did" choices. */
#include "store/triggers.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

static int bind_trigger(sqlite3_stmt *st, const struct trigger_log *t)
{
	store_bind_text(st, 1, t->category && *t->category ? t->category : "other");
	store_bind_text(st, 2, t->what);
	store_bind_opt(st, 3, t->suds_before);
	store_bind_opt(st, 4, t->suds_after);
	store_bind_text(st, 5, t->place);
	store_bind_text(st, 6, t->body);
	store_bind_text(st, 7, t->thoughts);
	store_bind_text(st, 8, t->urges);
	store_bind_text(st, 9, t->did);
	if (t->tool_id > 0)
		sqlite3_bind_int64(st, 10, t->tool_id);
	else
		sqlite3_bind_null(st, 10);
	store_bind_opt(st, 11, t->helped);
	sqlite3_bind_int(st, 12, t->finished ? 1 : 0);
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
	if (store_step_done(db, st, e, "saving the trigger log"))
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
		store_bind_text(st, 3, list[i].text);
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
	return store_step_done(db, st, e, "saving the trigger log");
}

/* The one writer of a trigger log: a new one (update NULL; its id in *id
 * when id is not NULL) or new answers for the log *update, with its
 * choices, in one transaction. */
static int put_trigger(struct vault *v, const int64_t *update, const struct trigger_log *t,
                       int64_t *id, struct error *e)
{
	if (trigger_check(t, e))
		return -1;
	sqlite3 *db = vault_db(v);
	struct stamp now = stamp_now();
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            update ? "UPDATE triggers SET category = ?1, what = ?2,"
	                                     " suds_before = ?3, suds_after = ?4, place = ?5,"
	                                     " body = ?6, thoughts = ?7, urges = ?8, did = ?9,"
	                                     " tool_id = (SELECT id FROM tools WHERE id = ?10),"
	                                     " helped = ?11, finished = ?12 WHERE id = ?13"
	                                   : "INSERT INTO triggers(category, what, suds_before,"
	                                     " suds_after, place, body, thoughts, urges, did,"
	                                     " tool_id, helped, finished, at, at_off) VALUES (?1,"
	                                     " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT id FROM tools"
	                                     " WHERE id = ?10), ?11, ?12, ?13, ?14)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the trigger log");
	if (store_begin(db, "updating the vault", e)) {
		sqlite3_finalize(st);
		return -1;
	}
	bind_trigger(st, t);
	if (update) {
		sqlite3_bind_int64(st, 13, *update);
	} else {
		sqlite3_bind_int64(st, 13, now.t);
		sqlite3_bind_int(st, 14, now.off_min);
	}
	rc = store_step_done(db, st, e, "saving the trigger log");
	int64_t row = update ? *update : sqlite3_last_insert_rowid(db);
	if (!rc && update && sqlite3_changes(db) == 0)
		rc = error_set(e, E_FAIL, "There is no trigger log %lld.", (long long)row);
	if (!rc)
		rc = set_choices(db, row, t, e);
	if (store_end(db, rc, "updating the vault", e))
		return -1;
	if (id)
		*id = row;
	return 0;
}

int trigger_add(struct vault *v, const struct trigger_log *t, int64_t *id, struct error *e)
{
	return put_trigger(v, NULL, t, id, e);
}

int trigger_update(struct vault *v, int64_t id, const struct trigger_log *t, struct error *e)
{
	return put_trigger(v, &id, t, NULL, e);
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
