#include "store/settings.h"

#include <sqlite3.h>
#include <string.h>

#include "store_int.h"

/* Steps a lookup of key: SQLITE_ROW (the value is column 0 of *st),
 * SQLITE_DONE, or -1 with e filled. The caller finalizes *st. */
static int lookup(struct vault *v, const char *key, sqlite3_stmt **st, struct error *e)
{
	*st = NULL;
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked, so the setting cannot be read.");
	sqlite3 *db = vault_db(v);
	int rc = sqlite3_prepare_v2(db, "SELECT value FROM settings WHERE key = ?1", -1, st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(*st, 1, key, -1, SQLITE_STATIC);
		rc = sqlite3_step(*st);
	}
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	return store_sql_error(db, rc, e, "reading a setting");
}

int settings_get(struct vault *v, const char *key, char *out, size_t size, struct error *e)
{
	if (out && size)
		out[0] = '\0';
	sqlite3_stmt *st;
	int rc = lookup(v, key, &st, e);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	const char *val = (const char *)sqlite3_column_text(st, 0);
	size_t n = val ? (size_t)sqlite3_column_bytes(st, 0) : 0;
	if (out && size) {
		if (n >= size) {
			n = size - 1;
			/* Do not end inside a UTF-8 sequence. */
			while (n > 0 && ((unsigned char)val[n] & 0xC0) == 0x80)
				n--;
		}
		if (n)
			memcpy(out, val, n);
		out[n] = '\0';
	}
	sqlite3_finalize(st);
	return 1;
}

int settings_get_buf(struct vault *v, const char *key, struct buf *out, struct error *e)
{
	buf_clear(out);
	sqlite3_stmt *st;
	int rc = lookup(v, key, &st, e);
	if (rc == SQLITE_ROW) {
		const void *val = sqlite3_column_text(st, 0);
		size_t n = val ? (size_t)sqlite3_column_bytes(st, 0) : 0;
		rc = buf_append(out, val ? val : "", n) || buf_reserve(out, 1)
		         ? error_set(e, E_FAIL, "Out of memory reading a setting.")
		         : 1;
	} else {
		rc = rc == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	return rc;
}

int settings_delete(struct vault *v, const char *key, struct error *e)
{
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked, so the setting was not removed.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM settings WHERE key = ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, "removing a setting");
}

int settings_set(struct vault *v, const char *key, const char *value, struct error *e)
{
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked, so the setting was not saved.");
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db,
	                            "INSERT INTO settings(key, value) VALUES (?1, ?2)"
	                            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return store_sql_error(db, rc, e, "saving a setting");
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		store_sql_error(db, rc, e, "saving a setting");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}
