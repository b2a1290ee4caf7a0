#include "store/entries.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

void entry_free(struct entry *en)
{
	str_wipe_free(en->title);
	str_wipe_free(en->body);
	free(en->created);
	free(en->updated);
	str_wipe_free(en->tags);
	str_wipe_free(en->prompt);
	memset(en, 0, sizeof(*en));
}

int store_set_tags(sqlite3 *db, int64_t eid, const char *const *tags, size_t ntags,
                   struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM entry_tags WHERE entry_id = ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, eid);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the entry's tags");
	for (size_t i = 0; i < ntags; i++) {
		/* A tag is stored without the spaces around it, so "family" and
		 * " family" are one tag; one that is only spaces is none. */
		size_t len;
		const char *tag = store_tag_trim(tags[i], strlen(tags[i]), &len);
		if (!len)
			continue;
		rc = sqlite3_prepare_v2(db, "INSERT INTO tags(name) VALUES (?1) ON CONFLICT DO NOTHING",
		                        -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, tag, (int)len, SQLITE_STATIC);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			st = NULL;
		}
		if (rc != SQLITE_DONE && rc != SQLITE_OK)
			return store_sql_error(db, rc, e, "saving the entry's tags");
		rc = sqlite3_prepare_v2(db,
		                        "INSERT OR IGNORE INTO entry_tags(entry_id, tag_id)"
		                        " SELECT ?1, id FROM tags WHERE name = ?2",
		                        -1, &st, NULL);
		if (rc != SQLITE_OK)
			return store_sql_error(db, rc, e, "saving the entry's tags");
		sqlite3_bind_int64(st, 1, eid);
		sqlite3_bind_text(st, 2, tag, (int)len, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_sql_error(db, rc, e, "saving the entry's tags");
	}
	rc = sqlite3_exec(db, "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM entry_tags)",
	                  NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : store_sql_error(db, rc, e, "saving the entry's tags");
}

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
