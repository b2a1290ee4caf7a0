/* tags.c: an entry's tags, and the tags as a list to rename and delete;
 * check-in tags are text in their row, tidied here. */
#include "store/tags.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/tags.h"
#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

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
		const char *tag = tag_trim(tags[i], strlen(tags[i]), &len);
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

void tags_free(struct tag_count *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		str_wipe_free(list[i].name);
	free(list);
}

int tags_list(struct vault *v, struct tag_count **out, size_t *n, struct error *e)
{
	sqlite3 *db = vault_db(v);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT t.name, count(et.entry_id) FROM tags t"
	                            " LEFT JOIN entry_tags et ON et.tag_id = t.id"
	                            " GROUP BY t.id ORDER BY t.name COLLATE NOCASE",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "listing tags");
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)out, &cap, *n, sizeof(**out))) {
			rc = SQLITE_NOMEM;
			break;
		}
		(*out)[*n].name = store_col_dup(st, 0);
		(*out)[*n].uses = sqlite3_column_int64(st, 1);
		if (!(*out)[(*n)++].name) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		tags_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sql_error(db, rc, e, "listing tags");
	}
	return 0;
}

static int64_t tag_id(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(db, "SELECT id FROM tags WHERE name = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return id;
}

/* A change of tag is a change of every entry that carries it. */
static int touch_tagged(sqlite3 *db, int64_t tag, struct error *e)
{
	return store_bind_run(db, "UPDATE entries SET changed_at = tend_stamp() WHERE id IN"
	                    " (SELECT entry_id FROM entry_tags WHERE tag_id = ?1)",
	                e, "changing the tag", "i", tag);
}

int tag_rename(struct vault *v, const char *from, const char *to, struct error *e)
{
	sqlite3 *db = vault_db(v);
	if (!to || !*to)
		return error_set(e, E_USAGE, "A tag needs a name.");
	if (store_begin(db, "renaming the tag", e))
		return -1;
	int64_t a = tag_id(db, from), b = tag_id(db, to);
	int bad;
	if (!a) {
		store_cancel(db);
		return error_set(e, E_FAIL, "There is no tag called \"%s\".", from);
	}
	/* The entries carrying it change with it, so the new name travels to
	 * another copy of the vault with them (tend merge goes by their
	 * change times). */
	bad = touch_tagged(db, a, e);
	if (bad) {
	} else if (b && b != a) {
		bad = store_bind_run(db, "INSERT OR IGNORE INTO entry_tags(entry_id, tag_id)"
		                   " SELECT entry_id, ?2 FROM entry_tags WHERE tag_id = ?1",
		               e, "merging the tags", "ii", a, b) ||
		      store_bind_run(db, "DELETE FROM tags WHERE id = ?1", e, "merging the tags", "i", a);
	} else {
		bad = store_bind_run(db, "UPDATE tags SET name = ?2 WHERE id = ?1", e, "renaming the tag", "is",
		               a, to);
	}
	return store_end(db, bad, "renaming the tag", e);
}

int tag_delete(struct vault *v, const char *name, struct error *e)
{
	sqlite3 *db = vault_db(v);
	if (store_begin(db, "deleting the tag", e))
		return -1;
	int64_t a = tag_id(db, name);
	if (!a) {
		store_cancel(db);
		return error_set(e, E_FAIL, "There is no tag called \"%s\".", name);
	}
	int bad = touch_tagged(db, a, e) ||
	          store_bind_run(db, "DELETE FROM tags WHERE id = ?1", e, "deleting the tag", "i", a);
	return store_end(db, bad, "deleting the tag", e);
}
