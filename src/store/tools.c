/* tools.c: the coping toolbox and the trigger categories, two lists the
 * person edits. */
#include "store/tools.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

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
	store_bind_text(st, 1, name);
	store_bind_text(st, 2, about);
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

int store_keep_tool_names(sqlite3 *db, const char *ids, int64_t id, const char *doing,
                          struct error *e)
{
	static const char *const col[][2] = {{"trigger_did", "text"}, {"triggers", "did"}};
	for (size_t i = 0; i < 2; i++) {
		char *sql = sqlite3_mprintf("UPDATE %s SET %s = (SELECT name FROM tools AS t"
		                            " WHERE t.id = tool_id) || CASE WHEN %s = '' THEN ''"
		                            " ELSE ', ' || %s END WHERE tool_id IN (%s)",
		                            col[i][0], col[i][1], col[i][1], col[i][1], ids);
		if (!sql)
			return error_set(e, E_FAIL, "Out of memory.");
		int rc = id ? store_bind_run(db, sql, e, doing, "i", id)
		            : store_bind_run(db, sql, e, doing, "");
		sqlite3_free(sql);
		if (rc)
			return -1;
	}
	return 0;
}

int tool_delete(struct vault *v, int64_t id, struct error *e)
{
	static const char *const doing = "removing the tool";
	sqlite3 *db = vault_db(v);
	if (store_begin(db, doing, e))
		return -1;
	int bad = store_keep_tool_names(db, "?1", id, doing, e) ||
	          store_bind_run(db, "DELETE FROM tools WHERE id = ?1", e, doing, "i", id);
	return store_end(db, bad, doing, e);
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
	store_bind_text(st, 1, name);
	return store_step_done(db, st, e, "adding the category");
}

int category_delete(struct vault *v, const char *name, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM trigger_categories WHERE name = ?1", -1, &st,
	                            NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "removing the category");
	store_bind_text(st, 1, name);
	return store_step_done(db, st, e, "removing the category");
}
