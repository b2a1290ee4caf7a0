/* dump.c: every exported table, row by row, in one read transaction. */
#include "store/dump.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store_int.h"

const char *const dump_tables[] = {
	"tags", "entries", "entry_tags", "entry_versions", "moods", "tools", "trigger_categories",
	"triggers", "trigger_did", "exercise_sessions", "own_lists", "homework_packs",
	"homework_done", "settings", "tombstones", NULL,
};

static int dump_table(sqlite3 *db, const char *table, dump_fn fn, void *arg, struct error *e)
{
	char sql[192];
	/* Table names come from the list above, never from input. Settings
	 * leave out work in hand (draft.*, like the drafts table) and what
	 * set-up keeps until it is done (setup.*: the recovery code, which
	 * must never leave the vault) and keys (key.*: the signing key of
	 * sealed reports, which would let anyone holding an export sign as
	 * this vault). */
	snprintf(sql, sizeof(sql), "SELECT * FROM %s%s ORDER BY 1%s", table,
	         strcmp(table, "settings") == 0
	             ? " WHERE key NOT GLOB 'draft.*' AND key NOT GLOB 'setup.*'"
	               " AND key NOT GLOB 'key.*'"
	             : "",
	         strcmp(table, "trigger_did") == 0 ? ", position" : "");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading the vault for export");
	int ncols = sqlite3_column_count(st);
	const char *names[64];
	struct dump_value vals[64];
	if (ncols > 64) {
		sqlite3_finalize(st);
		return error_set(e, E_FAIL, "Table %s has too many columns to export.", table);
	}
	for (int i = 0; i < ncols; i++)
		names[i] = sqlite3_column_name(st, i);
	if (fn(arg, table, (size_t)ncols, names, NULL, e)) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++) {
			struct dump_value *d = &vals[i];
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_INTEGER:
				*d = (struct dump_value){.type = DV_INT, .i = sqlite3_column_int64(st, i)};
				break;
			case SQLITE_FLOAT:
				*d = (struct dump_value){.type = DV_REAL, .r = sqlite3_column_double(st, i)};
				break;
			case SQLITE_NULL:
				*d = (struct dump_value){.type = DV_NULL};
				break;
			default: /* text; a blob is read as text too */
				d->type = DV_TEXT;
				d->s = (const char *)sqlite3_column_text(st, i);
				d->len = (size_t)sqlite3_column_bytes(st, i);
				if (!d->s)
					d->s = "";
			}
		}
		if (fn(arg, table, (size_t)ncols, names, vals, e)) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, "reading the vault for export");
}

int store_dump_tables(struct vault *v, const char *const *tables, dump_fn fn, void *arg,
                      struct error *e)
{
	if (!v)
		return error_set(e, E_FAIL, "The vault is locked.");
	for (size_t i = 0; tables[i]; i++) {
		bool known = false;
		for (size_t k = 0; dump_tables[k]; k++)
			known |= strcmp(tables[i], dump_tables[k]) == 0;
		if (!known) /* names go into SQL: only the ones listed above */
			return error_set(e, E_FAIL, "No table %s to read.", tables[i]);
	}
	sqlite3 *db = vault_db(v);
	/* One read transaction, so every table is read as of one moment; it
	 * writes nothing, so it ends by rolling back. */
	if (store_exec(db, "BEGIN", e))
		return -1;
	int rc = 0;
	for (size_t i = 0; tables[i] && rc == 0; i++)
		rc = dump_table(db, tables[i], fn, arg, e);
	store_cancel(db);
	return rc;
}

int store_dump(struct vault *v, dump_fn fn, void *arg, struct error *e)
{
	return store_dump_tables(v, dump_tables, fn, arg, e);
}

int store_schema(struct vault *v, int *out, struct error *e)
{
	return store_user_version(vault_db(v), out, e);
}

int store_load_begin(struct vault *v, struct error *e)
{
	return store_begin(vault_db(v), "updating the vault", e);
}

int store_load_end(struct vault *v, bool commit, struct error *e)
{
	/* What came in is stored as tend stores it: an older export may hold
	 * tags with spaces around them, and trigger logs whose "What I did"
	 * is only in their did and tool_id columns. */
	sqlite3 *db = vault_db(v);
	if (!commit) {
		store_cancel(db);
		return 0;
	}
	int rc = store_exec(db, STORE_TIDY_TAGS_SQL STORE_TRIGGER_DID_FILL_SQL, e);
	return store_end(db, rc, "updating the vault", e);
}

int store_load_clear_defaults(struct vault *v, struct error *e)
{
	/* Not removals to pass on to another copy: the loaded lists replace
	 * them, so their tombstones go too. */
	return store_exec(vault_db(v),
	                  "DELETE FROM tools; DELETE FROM trigger_categories;"
	                  " DELETE FROM tombstones WHERE tbl IN ('tools', 'trigger_categories');",
	                  e);
}

bool store_plain_name(const char *s)
{
	if (!*s || strlen(s) > 40)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

void store_bind_value(sqlite3_stmt *st, int k, const struct dump_value *d)
{
	switch (d->type) {
	case DV_INT:
		sqlite3_bind_int64(st, k, d->i);
		break;
	case DV_REAL:
		sqlite3_bind_double(st, k, d->r);
		break;
	case DV_TEXT:
		sqlite3_bind_text(st, k, d->s, (int)d->len, SQLITE_STATIC);
		break;
	default:
		sqlite3_bind_null(st, k);
	}
}

int store_insert_row(sqlite3 *db, const char *table, size_t ncols, const char *const *names,
                     const struct dump_value *vals, struct error *e)
{
	if (ncols == 0 || ncols > 64)
		return error_set(e, E_CORRUPT, "A row of %s has no columns, or too many.", table);
	char sql[8192];
	size_t at = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s(", table);
	for (size_t i = 0; i < ncols && at < sizeof(sql); i++) {
		if (!store_plain_name(names[i]))
			return error_set(e, E_CORRUPT, "'%s' is not a column name.", names[i]);
		at += (size_t)snprintf(sql + at, sizeof(sql) - at, "%s%s", i ? "," : "", names[i]);
	}
	if (at < sizeof(sql))
		at += (size_t)snprintf(sql + at, sizeof(sql) - at, ") VALUES (");
	for (size_t i = 0; i < ncols && at < sizeof(sql); i++)
		at += (size_t)snprintf(sql + at, sizeof(sql) - at, "%s?", i ? "," : "");
	if (at < sizeof(sql))
		at += (size_t)snprintf(sql + at, sizeof(sql) - at, ")");
	if (at >= sizeof(sql))
		return error_set(e, E_CORRUPT, "A row of %s is too large.", table);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return error_set(e, E_CORRUPT, "A row of %s does not fit: %s.", table, sqlite3_errmsg(db));
	for (size_t i = 0; i < ncols; i++)
		store_bind_value(st, (int)i + 1, &vals[i]);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	/* The row itself was refused, or the disk failed it. */
	int prim = rc & 0xFF;
	if (prim == SQLITE_CONSTRAINT || prim == SQLITE_MISMATCH || prim == SQLITE_TOOBIG ||
	    prim == SQLITE_RANGE || prim == SQLITE_ERROR)
		return error_set(e, E_CORRUPT, "A row of %s was refused: %s.", table, sqlite3_errmsg(db));
	return store_sql_error(db, rc, e, "adding the import");
}

bool store_row_is_vault_key(const char *table, size_t ncols, const char *const *names,
                            const struct dump_value *vals)
{
	if (strcmp(table, "settings") != 0)
		return false;
	for (size_t i = 0; i < ncols; i++)
		if (strcmp(names[i], "key") == 0)
			return vals[i].type == DV_TEXT && vals[i].len >= 4 && memcmp(vals[i].s, "key.", 4) == 0;
	return false;
}

int store_load_row(struct vault *v, const char *table, size_t ncols, const char *const *names,
                   const struct dump_value *vals, struct error *e)
{
	/* A vault's own keys (key.*) never come in from a file: one planted
	 * there would let whoever wrote the file sign as this vault. */
	if (store_row_is_vault_key(table, ncols, names, vals))
		return 0;
	bool known = false;
	for (size_t i = 0; dump_tables[i]; i++)
		known |= strcmp(dump_tables[i], table) == 0;
	if (!known)
		return error_set(e, E_CORRUPT, "There is no table '%s' in a tend export.", table);
	return store_insert_row(vault_db(v), table, ncols, names, vals, e);
}

int store_is_new(struct vault *v, struct error *e)
{
	sqlite3 *db = vault_db(v);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM moods)"
	                            " + (SELECT count(*) FROM triggers) + (SELECT count(*) FROM tags)"
	                            " + (SELECT count(*) FROM exercise_sessions)"
	                            " + (SELECT count(*) FROM own_lists) + (SELECT count(*) FROM settings)"
	                            " + (SELECT count(*) FROM homework_packs)",
	                            -1, &st, NULL);
	int n = -1;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (n < 0)
		return store_sql_error(db, rc, e, "looking at the vault");
	return n == 0;
}
