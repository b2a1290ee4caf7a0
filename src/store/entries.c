/* entries.c: one journal entry, all of its SQL: adding it, reading it,
 * new text with the earlier text kept as a version, deleting it and
 * bringing it back in the same session. */
#include "store/entries.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

int store_entry_put(sqlite3 *db, sqlite3_stmt **keep, const struct entry_put *p, int64_t *id,
                    const char *doing, struct error *e)
{
	sqlite3_stmt *st = keep ? *keep : NULL;
	int rc = SQLITE_OK;
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	} else {
		rc = sqlite3_prepare_v2(db,
		                        "INSERT INTO entries(id, title, body, created_at, created_off,"
		                        " updated_at, updated_off, prompt, mood_id, trigger_id)"
		                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		                        " (SELECT id FROM moods WHERE id = ?9),"
		                        " (SELECT id FROM triggers WHERE id = ?10))",
		                        -1, &st, NULL);
		if (rc != SQLITE_OK) {
			sqlite3_finalize(st);
			return store_sql_error(db, rc, e, doing);
		}
		if (keep)
			*keep = st;
	}
	if (p->id)
		sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_text(st, 2, p->title ? p->title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->body ? p->body : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, p->created.t);
	sqlite3_bind_int(st, 5, p->created.off_min);
	sqlite3_bind_int64(st, 6, p->updated.t);
	sqlite3_bind_int(st, 7, p->updated.off_min);
	sqlite3_bind_text(st, 8, p->prompt ? p->prompt : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, p->mood_id);
	sqlite3_bind_int64(st, 10, p->trigger_id);
	rc = sqlite3_step(st);
	if (keep)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(db, rc, e, doing);
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return 0;
}

int store_entry_insert(sqlite3 *db, const struct new_entry *ne, int64_t *id, struct error *e)
{
	struct stamp now = ne->at.t ? ne->at : stamp_now();
	struct entry_put p = {.title = ne->title, .body = ne->body, .prompt = ne->prompt,
	                      .created = now, .updated = now,
	                      .mood_id = ne->mood_id, .trigger_id = ne->trigger_id};
	int64_t eid;
	if (store_entry_put(db, NULL, &p, &eid, "saving the entry", e) ||
	    store_set_tags(db, eid, ne->tags, ne->ntags, e))
		return -1;
	if (id)
		*id = eid;
	return 0;
}

int entries_add_ex(struct vault *v, const struct new_entry *ne, int64_t *id, struct error *e)
{
	sqlite3 *db = vault_db(v);
	int64_t eid;
	if (store_begin(db, "saving the entry", e) ||
	    store_end(db, store_entry_insert(db, ne, &eid, e), "saving the entry", e))
		return -1;
	if (id)
		*id = eid;
	return 0;
}

#define ENTRY_COLS \
	"SELECT e.id, e.title, e.created_at, e.created_off, e.updated_at, e.updated_off," \
	" (SELECT group_concat(name, ',') FROM (SELECT t.name FROM entry_tags et" \
	"   JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id ORDER BY t.name))," \
	" e.body, e.prompt FROM entries e "

static void fill_entry(sqlite3_stmt *st, struct entry *en, int with_body)
{
	char when[32];
	en->id = sqlite3_column_int64(st, 0);
	en->title = store_col_dup(st, 1);
	stamp_format((struct stamp){sqlite3_column_int64(st, 2), sqlite3_column_int(st, 3)}, when);
	en->created = strdup(when);
	stamp_format((struct stamp){sqlite3_column_int64(st, 4), sqlite3_column_int(st, 5)}, when);
	en->updated = strdup(when);
	en->tags = store_col_dup(st, 6);
	en->body = with_body ? store_col_dup(st, 7) : NULL;
	en->prompt = store_col_dup(st, 8);
}

int entries_each(struct vault *v, int (*fn)(const struct entry *en, void *arg), void *arg,
                 struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, ENTRY_COLS "ORDER BY e.created_at DESC, e.id DESC", -1,
	                            &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "listing entries");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct entry en;
		fill_entry(st, &en, 0);
		int stop = !en.title || !en.created || !en.updated || !en.tags || !en.prompt ? -1
		                                                                          : fn(&en, arg);
		entry_free(&en);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, "listing entries");
}

int entries_get(struct vault *v, int64_t id, struct entry *out, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	memset(out, 0, sizeof(*out));
	int rc = sqlite3_prepare_v2(db, ENTRY_COLS "WHERE e.id = ?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading the entry");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		fill_entry(st, out, 1);
		sqlite3_finalize(st);
		if (!out->title || !out->body || !out->created || !out->updated || !out->tags ||
		    !out->prompt) {
			entry_free(out);
			return error_set(e, E_FAIL, "Out of memory.");
		}
		return 0;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return error_set(e, E_FAIL, "There is no entry %lld. 'tend list' shows them all.",
		                 (long long)id);
	return store_sql_error(db, rc, e, "reading the entry");
}

/* ---- editing ------------------------------------------------------------------- */

int entries_update(struct vault *v, int64_t id, const char *title, const char *body,
                   const char *const *tags, size_t ntags, struct error *e)
{
	sqlite3 *db = vault_db(v);
	struct stamp now = stamp_now();
	sqlite3_stmt *st = NULL;
	if (store_begin(db, "saving the entry", e))
		return -1;
	/* The text as it was becomes a version, unless nothing changed; then
	 * the new text. */
	static const char *const sql[] = {
		"INSERT INTO entry_versions(entry_id, title, body, saved_at, saved_off)"
		" SELECT id, title, body, updated_at, updated_off FROM entries"
		" WHERE id = ?1 AND (title IS NOT ?2 OR body IS NOT ?3)",
		"UPDATE entries SET title = ?2, body = ?3, updated_at = ?4,"
		" updated_off = ?5 WHERE id = ?1",
	};
	int rc;
	for (size_t k = 0; k < 2; k++) {
		rc = sqlite3_prepare_v2(db, sql[k], -1, &st, NULL);
		if (rc != SQLITE_OK)
			return store_rollback(db, rc, st, e, "saving the entry");
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
		if (k == 1) {
			sqlite3_bind_int64(st, 4, now.t);
			sqlite3_bind_int(st, 5, now.off_min);
		}
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			return store_rollback(db, rc, st, e, "saving the entry");
		sqlite3_finalize(st);
	}
	if (sqlite3_changes(db) == 0)
		rc = error_set(e, E_FAIL, "There is no entry %lld any more.", (long long)id);
	else
		rc = store_set_tags(db, id, tags, ntags, e);
	return store_end(db, rc, "saving the entry", e);
}

/* ---- versions ------------------------------------------------------------------ */

void entry_versions_free(struct entry_version *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		str_wipe_free(list[i].title);
		str_wipe_free(list[i].body);
	}
	free(list);
}

static int load_versions(sqlite3 *db, int64_t entry_id, struct entry_version **out, size_t *n,
                         struct error *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT id, saved_at, saved_off, title, body FROM entry_versions"
	                            " WHERE entry_id = ?1 ORDER BY saved_at DESC, id DESC",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading earlier versions");
	sqlite3_bind_int64(st, 1, entry_id);
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)out, &cap, *n, sizeof(**out))) {
			rc = SQLITE_NOMEM;
			break;
		}
		struct entry_version *ver = &(*out)[(*n)++];
		ver->id = sqlite3_column_int64(st, 0);
		ver->at = sqlite3_column_int64(st, 1);
		ver->off_min = sqlite3_column_int(st, 2);
		ver->title = store_col_dup(st, 3);
		ver->body = store_col_dup(st, 4);
		if (!ver->title || !ver->body) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		entry_versions_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sql_error(db, rc, e, "reading earlier versions");
	}
	return 0;
}

int entry_versions(struct vault *v, int64_t entry_id, struct entry_version **out, size_t *n,
                   struct error *e)
{
	return load_versions(vault_db(v), entry_id, out, n, e);
}

int entry_version_delete(struct vault *v, int64_t version_id, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM entry_versions WHERE id = ?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "deleting a version");
	sqlite3_bind_int64(st, 1, version_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, "deleting a version");
}

/* ---- delete and undo ----------------------------------------------------------- */

struct deleted_entry {
	int64_t id, created_at, updated_at, mood_id, trigger_id;
	int created_off, updated_off;
	char *title, *body, *prompt, *tags;
	struct entry_version *versions;
	size_t nversions;
};

void deleted_entry_free(struct deleted_entry *d)
{
	if (!d)
		return;
	str_wipe_free(d->title);
	str_wipe_free(d->body);
	str_wipe_free(d->prompt);
	str_wipe_free(d->tags);
	entry_versions_free(d->versions, d->nversions);
	free(d);
}

int entries_delete(struct vault *v, int64_t id, struct deleted_entry **undo, struct error *e)
{
	sqlite3 *db = vault_db(v);
	*undo = NULL;
	struct deleted_entry *d = calloc(1, sizeof(*d));
	if (!d)
		return error_set(e, E_FAIL, "Out of memory.");
	sqlite3_stmt *st = NULL;
	if (store_begin(db, "deleting the entry", e)) {
		deleted_entry_free(d);
		return -1;
	}
	int rc = sqlite3_prepare_v2(db,
	                        "SELECT created_at, created_off, updated_at, updated_off, title, body,"
	                        " prompt, coalesce(mood_id, 0), coalesce(trigger_id, 0),"
	                        " (SELECT group_concat(t.name, char(10)) FROM entry_tags et JOIN tags t"
	                        "  ON t.id = et.tag_id WHERE et.entry_id = entries.id)"
	                        " FROM entries WHERE id = ?1",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto sqlfail;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		store_cancel(db);
		deleted_entry_free(d);
		return error_set(e, E_FAIL, "There is no entry %lld.", (long long)id);
	}
	if (rc != SQLITE_ROW)
		goto sqlfail;
	d->id = id;
	d->created_at = sqlite3_column_int64(st, 0);
	d->created_off = sqlite3_column_int(st, 1);
	d->updated_at = sqlite3_column_int64(st, 2);
	d->updated_off = sqlite3_column_int(st, 3);
	d->title = store_col_dup(st, 4);
	d->body = store_col_dup(st, 5);
	d->prompt = store_col_dup(st, 6);
	d->mood_id = sqlite3_column_int64(st, 7);
	d->trigger_id = sqlite3_column_int64(st, 8);
	d->tags = store_col_dup(st, 9);
	sqlite3_finalize(st);
	st = NULL;
	if (!d->title || !d->body || !d->prompt || !d->tags) {
		rc = SQLITE_NOMEM;
		goto sqlfail;
	}
	if (load_versions(db, id, &d->versions, &d->nversions, e))
		goto fail;
	rc = sqlite3_prepare_v2(db, "DELETE FROM entries WHERE id = ?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto sqlfail;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		goto sqlfail;
	sqlite3_finalize(st);
	st = NULL;
	rc = sqlite3_exec(db, "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)",
	                  NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto sqlfail;
	if (store_end(db, 0, "deleting the entry", e))
		goto fail;
	*undo = d;
	return 0;
sqlfail:
	store_sql_error(db, rc, e, "deleting the entry");
fail:
	sqlite3_finalize(st);
	store_cancel(db);
	deleted_entry_free(d);
	return -1;
}

int entries_undelete(struct vault *v, const struct deleted_entry *d, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st = NULL;
	if (store_begin(db, "bringing the entry back", e))
		return -1;
	struct entry_put p = {.id = d->id, .title = d->title, .body = d->body, .prompt = d->prompt,
	                      .created = {d->created_at, d->created_off},
	                      .updated = {d->updated_at, d->updated_off},
	                      .mood_id = d->mood_id, .trigger_id = d->trigger_id};
	if (store_entry_put(db, NULL, &p, NULL, "bringing the entry back", e))
		return store_end(db, -1, NULL, e);
	/* Tags were kept one per line. */
	const char *tags[64];
	size_t ntags = 0;
	char *copy = strdup(d->tags);
	if (!copy)
		return store_rollback(db, SQLITE_NOMEM, NULL, e, "bringing the entry back");
	for (char *save = NULL, *t = strtok_r(copy, "\n", &save); t && ntags < 64;
	     t = strtok_r(NULL, "\n", &save))
		tags[ntags++] = t;
	int trc = store_set_tags(db, d->id, tags, ntags, e);
	str_wipe_free(copy);
	if (trc)
		return store_end(db, -1, NULL, e);
	for (size_t i = 0; i < d->nversions; i++) {
		int rc = sqlite3_prepare_v2(db,
		                        "INSERT INTO entry_versions(id, entry_id, title, body, saved_at,"
		                        " saved_off) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		                        -1, &st, NULL);
		if (rc != SQLITE_OK)
			return store_rollback(db, rc, st, e, "bringing the entry back");
		const struct entry_version *ver = &d->versions[i];
		sqlite3_bind_int64(st, 1, ver->id);
		sqlite3_bind_int64(st, 2, d->id);
		sqlite3_bind_text(st, 3, ver->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, ver->body, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, ver->at);
		sqlite3_bind_int(st, 6, ver->off_min);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			return store_rollback(db, rc, st, e, "bringing the entry back");
		sqlite3_finalize(st);
	}
	return store_end(db, 0, "bringing the entry back", e);
}
