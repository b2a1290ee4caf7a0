/* lists.c: the person's own short lists (support map, affirmations). */
#include "store/lists.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"

void list_items_free(struct list_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		str_wipe_free(items[i].a);
		str_wipe_free(items[i].b);
		str_wipe_free(items[i].c);
	}
	free(items);
}

int list_items(struct vault *v, enum own_list l, struct list_item **out, size_t *n,
               struct error *e)
{
	*out = NULL;
	*n = 0;
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT id, a, b, c FROM own_lists WHERE list = ?1 ORDER BY id",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading a list");
	sqlite3_bind_int(st, 1, (int)l);
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)out, &cap, *n + 1, sizeof(**out))) {
			rc = SQLITE_NOMEM;
			break;
		}
		struct list_item *it = &(*out)[(*n)++];
		it->id = sqlite3_column_int64(st, 0);
		it->a = store_col_dup(st, 1);
		it->b = store_col_dup(st, 2);
		it->c = store_col_dup(st, 3);
		if (!it->a || !it->b || !it->c) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		list_items_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sql_error(db, rc, e, "reading a list");
	}
	return 0;
}

static int run(struct vault *v, const char *sql, int64_t id, int list, const char *a,
               const char *b, const char *c, struct error *e, const char *doing)
{
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	if (a && !*a)
		return error_set(e, E_USAGE, "A name or words are needed; nothing was saved.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, doing);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, list);
	sqlite3_bind_text(st, 3, a ? a : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, b ? b : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c ? c : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, doing);
}

int list_add(struct vault *v, enum own_list l, const char *a, const char *b, const char *c,
             int64_t *id, struct error *e)
{
	if (!a)
		a = "";
	if (run(v, "INSERT INTO own_lists(list, a, b, c) VALUES (?2, ?3, ?4, ?5)", 0, (int)l, a, b,
	        c, e, "adding to a list"))
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(vault_db(v));
	return 0;
}

int list_update(struct vault *v, int64_t id, const char *a, const char *b, const char *c,
                struct error *e)
{
	return run(v, "UPDATE own_lists SET a = ?3, b = ?4, c = ?5 WHERE id = ?1", id, 0,
	           a ? a : "", b, c, e, "changing a list");
}

int list_delete(struct vault *v, int64_t id, struct error *e)
{
	return run(v, "DELETE FROM own_lists WHERE id = ?1", id, 0, NULL, NULL, NULL, e,
	           "removing from a list");
}
