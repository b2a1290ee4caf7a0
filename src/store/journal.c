/* journal.c: the journal beyond adding entries (entries.c): paging,
 * search, edits with versions, delete and undo, drafts and tags. */
#include "store/journal.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

/* ---- search text -------------------------------------------------------- */

static bool word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_';
}

char *journal_fts_query(const char *text)
{
	struct buf b = BUF_INIT;
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	int words = 0;
	while (*s) {
		while (*s && !word_byte(*s))
			s++;
		const unsigned char *start = s;
		while (*s && word_byte(*s))
			s++;
		if (s > start) {
			/* Each word quoted (no FTS syntax can slip in) and, from two
			 * characters on, a prefix (one letter as a prefix would match
			 * most of the journal and cost a lot for nothing). */
			bool prefix = s - start > 1;
			if (buf_printf(&b, "%s\"%.*s\"%s", words ? " " : "", (int)(s - start),
			               (const char *)start, prefix ? "*" : "")) {
				buf_free(&b);
				return NULL;
			}
			words++;
		}
	}
	if (!words) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* ---- listing and searching ------------------------------------------------ */

void entry_row_free(struct entry_row *r)
{
	str_wipe_free(r->title);
	str_wipe_free(r->tags);
	str_wipe_free(r->preview);
	memset(r, 0, sizeof(*r));
}

struct entry_cursor entry_cursor_after(const struct entry_row *r, const struct entry_query *q)
{
	(void)q;
	return (struct entry_cursor){true, r->at, r->id};
}

int journal_rows(struct vault *v, const struct entry_query *q, const struct entry_cursor *after,
                 struct entry_row *out, size_t limit, size_t *n, struct error *e)
{
	sqlite3 *db = vault_db(v);
	*n = 0;
	char *fts = q && q->text ? journal_fts_query(q->text) : NULL;
	struct buf sql = BUF_INIT;
	int bad = 0;
	bad |= buf_puts(&sql, "SELECT e.id, e.created_at, e.created_off, coalesce(m.score, -1),"
	                      " e.trigger_id IS NOT NULL, ");
	if (fts)
		bad |= buf_puts(&sql, "highlight(entries_fts, 0, char(1), char(2)),");
	else
		bad |= buf_puts(&sql, "e.title,");
	bad |= buf_puts(&sql, " (SELECT group_concat(name, ',') FROM (SELECT t.name FROM entry_tags et"
	                      " JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id"
	                      " ORDER BY t.name)), ");
	if (fts)
		bad |= buf_puts(&sql, "snippet(entries_fts, 1, char(1), char(2), '…', 14)"
		                      " FROM entries_fts f JOIN entries e ON e.id = f.rowid");
	else
		bad |= buf_puts(&sql, "substr(e.body, 1, 240) FROM entries e");
	bad |= buf_puts(&sql, " LEFT JOIN moods m ON m.id = e.mood_id WHERE 1");
	if (fts)
		bad |= buf_puts(&sql, " AND entries_fts MATCH ?1");
	if (q && q->from)
		bad |= buf_puts(&sql, " AND e.created_at >= ?2");
	if (q && q->to)
		bad |= buf_puts(&sql, " AND e.created_at <= ?3");
	if (q && q->tag && *q->tag)
		bad |= buf_puts(&sql, " AND e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t"
		                      " ON t.id = et.tag_id WHERE t.name = ?4)");
	if (q && q->mood_filter)
		bad |= buf_puts(&sql, " AND m.score BETWEEN ?5 AND ?6");
	if (q && q->has_trigger)
		bad |= buf_puts(&sql, " AND e.trigger_id IS NOT NULL");
	/* Newest first by the day written, search or not (an entry imported or
	 * written later about an earlier day has a higher id, not a later
	 * date). */
	if (after && after->valid)
		bad |= buf_puts(&sql, " AND (e.created_at, e.id) < (?7, ?8)");
	bad |= buf_puts(&sql, " ORDER BY e.created_at DESC, e.id DESC");
	bad |= buf_puts(&sql, " LIMIT ?9");
	if (bad) {
		free(fts);
		buf_free(&sql);
		return error_set(e, E_FAIL, "Out of memory.");
	}
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql.data, -1, &st, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		free(fts);
		return store_sql_error(db, rc, e, "listing entries");
	}
	if (fts)
		sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
	if (q) {
		sqlite3_bind_int64(st, 2, q->from);
		sqlite3_bind_int64(st, 3, q->to);
		if (q->tag)
			sqlite3_bind_text(st, 4, q->tag, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, q->mood_min);
		sqlite3_bind_int(st, 6, q->mood_max);
	}
	if (after && after->valid) {
		sqlite3_bind_int64(st, 7, after->at);
		sqlite3_bind_int64(st, 8, after->id);
	}
	sqlite3_bind_int64(st, 9, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < limit) {
		struct entry_row *r = &out[*n];
		r->id = sqlite3_column_int64(st, 0);
		r->at = sqlite3_column_int64(st, 1);
		r->off_min = sqlite3_column_int(st, 2);
		r->mood = sqlite3_column_int(st, 3);
		r->has_trigger = sqlite3_column_int(st, 4) != 0;
		r->title = store_col_dup(st, 5);
		r->tags = store_col_dup(st, 6);
		r->preview = store_col_dup(st, 7);
		(*n)++;
		if (!r->title || !r->tags || !r->preview) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	free(fts);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		for (size_t i = 0; i < *n; i++)
			entry_row_free(&out[i]);
		*n = 0;
		return store_sql_error(db, rc, e, "listing entries");
	}
	return 0;
}

/* ---- editing ------------------------------------------------------------------ */

int entries_update(struct vault *v, int64_t id, const char *title, const char *body,
                   const char *const *tags, size_t ntags, struct error *e)
{
	sqlite3 *db = vault_db(v);
	struct stamp now = stamp_now();
	sqlite3_stmt *st = NULL;
	if (store_begin(db, "saving the entry", e))
		return -1;
	/* The text as it was becomes a version, unless nothing changed. */
	int rc = sqlite3_prepare_v2(db,
	                        "INSERT INTO entry_versions(entry_id, title, body, saved_at, saved_off)"
	                        " SELECT id, title, body, updated_at, updated_off FROM entries"
	                        " WHERE id = ?1 AND (title IS NOT ?2 OR body IS NOT ?3)",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_rollback(db, rc, st, e, "saving the entry");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		return store_rollback(db, rc, st, e, "saving the entry");
	sqlite3_finalize(st);
	rc = sqlite3_prepare_v2(db,
	                        "UPDATE entries SET title = ?2, body = ?3, updated_at = ?4,"
	                        " updated_off = ?5 WHERE id = ?1",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_rollback(db, rc, st, e, "saving the entry");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now.t);
	sqlite3_bind_int(st, 5, now.off_min);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		return store_rollback(db, rc, st, e, "saving the entry");
	sqlite3_finalize(st);
	if (sqlite3_changes(db) == 0)
		rc = error_set(e, E_FAIL, "There is no entry %lld any more.", (long long)id);
	else
		rc = store_set_tags(db, id, tags, ntags, e);
	return store_end(db, rc, "saving the entry", e);
}

/* ---- versions --------------------------------------------------------------- */

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

/* ---- delete and undo --------------------------------------------------------- */

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

static int bind_run(sqlite3 *db, const char *sql, struct error *e, const char *doing,
                    const char *fmt, ...);

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

/* ---- drafts ---------------------------------------------------------------------- */

void draft_free(struct draft *d)
{
	str_wipe_free(d->title);
	str_wipe_free(d->body);
	str_wipe_free(d->tags);
	str_wipe_free(d->prompt);
	d->title = d->body = d->tags = d->prompt = NULL;
}

int draft_save(struct vault *v, const struct draft *d, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "INSERT INTO drafts(slot, entry_id, title, body, tags, prompt,"
	                            " saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	                            " ON CONFLICT(slot) DO UPDATE SET entry_id = excluded.entry_id,"
	                            " title = excluded.title, body = excluded.body,"
	                            " tags = excluded.tags, prompt = excluded.prompt,"
	                            " saved_at = excluded.saved_at",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "saving the draft");
	sqlite3_bind_text(st, 1, d->slot, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, d->entry_id);
	sqlite3_bind_text(st, 3, d->title ? d->title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->body ? d->body : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, d->tags ? d->tags : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, d->prompt ? d->prompt : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, d->saved_at ? d->saved_at : stamp_now().t);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, "saving the draft");
}

int draft_load(struct vault *v, const char *slot, struct draft *out, struct error *e)
{
	sqlite3 *db = vault_db(v);
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            slot ? "SELECT slot, entry_id, title, body, tags, prompt, saved_at"
	                                   " FROM drafts WHERE slot = ?1"
	                                 : "SELECT slot, entry_id, title, body, tags, prompt, saved_at"
	                                   " FROM drafts ORDER BY saved_at DESC LIMIT 1",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading the draft");
	if (slot)
		sqlite3_bind_text(st, 1, slot, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	int found = 0;
	if (rc == SQLITE_ROW) {
		snprintf(out->slot, sizeof(out->slot), "%s", (const char *)sqlite3_column_text(st, 0));
		out->entry_id = sqlite3_column_int64(st, 1);
		out->title = store_col_dup(st, 2);
		out->body = store_col_dup(st, 3);
		out->tags = store_col_dup(st, 4);
		out->prompt = store_col_dup(st, 5);
		out->saved_at = sqlite3_column_int64(st, 6);
		found = 1;
		if (!out->title || !out->body || !out->tags || !out->prompt) {
			draft_free(out);
			sqlite3_finalize(st);
			return error_set(e, E_FAIL, "Out of memory.");
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(db, rc, e, "reading the draft");
	return found;
}

int draft_delete(struct vault *v, const char *slot, struct error *e)
{
	return bind_run(vault_db(v), "DELETE FROM drafts WHERE slot = ?1", e, "removing the draft",
	                "s", slot);
}

/* ---- tags ------------------------------------------------------------------------ */

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

/* Runs one statement with text ("s") or integer ("i") parameters. */
static int bind_run(sqlite3 *db, const char *sql, struct error *e, const char *doing,
                    const char *fmt, ...)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, doing);
	va_list ap;
	va_start(ap, fmt);
	for (int i = 0; fmt[i]; i++) {
		if (fmt[i] == 's')
			sqlite3_bind_text(st, i + 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
	}
	va_end(ap);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : store_sql_error(db, rc, e, doing);
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
	return bind_run(db, "UPDATE entries SET changed_at = tend_stamp() WHERE id IN"
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
		bad = bind_run(db, "INSERT OR IGNORE INTO entry_tags(entry_id, tag_id)"
		                   " SELECT entry_id, ?2 FROM entry_tags WHERE tag_id = ?1",
		               e, "merging the tags", "ii", a, b) ||
		      bind_run(db, "DELETE FROM tags WHERE id = ?1", e, "merging the tags", "i", a);
	} else {
		bad = bind_run(db, "UPDATE tags SET name = ?2 WHERE id = ?1", e, "renaming the tag", "is",
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
	          bind_run(db, "DELETE FROM tags WHERE id = ?1", e, "deleting the tag", "i", a);
	return store_end(db, bad, "deleting the tag", e);
}
