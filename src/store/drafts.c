/* drafts.c: what is being written, saved as it is typed, one row per
 * slot. */
#include "store/drafts.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"
#include "util/timefmt.h"

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
	return store_bind_run(vault_db(v), "DELETE FROM drafts WHERE slot = ?1", e, "removing the draft",
	                "s", slot);
}
