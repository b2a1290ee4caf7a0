/* journal.c: the journal as a list: pages of entries, newest first, and
 * search over their words, tags, dates and linked check-ins. */
#include "store/journal.h"

#include <sqlite3.h>
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
