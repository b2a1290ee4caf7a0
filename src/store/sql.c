/* sql.c: what every file of the store uses to speak SQL: one transaction
 * per write, binding and running a statement, copies of text columns and
 * arrays that grow. */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

int store_begin(sqlite3 *db, const char *doing, struct error *e)
{
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : store_sql_error(db, rc, e, doing);
}

void store_cancel(sqlite3 *db)
{
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int store_end(sqlite3 *db, int rc, const char *doing, struct error *e)
{
	if (rc) {
		store_cancel(db);
		return -1;
	}
	rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return 0;
	store_sql_error(db, rc, e, doing);
	store_cancel(db);
	return -1;
}

int store_rollback(sqlite3 *db, int rc, sqlite3_stmt *st, struct error *e, const char *doing)
{
	sqlite3_finalize(st);
	store_sql_error(db, rc, e, doing);
	store_cancel(db);
	return -1;
}

char *store_col_dup(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return strdup(t ? t : "");
}

int store_grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	void *p = realloc(*arr, nc * size);
	if (!p)
		return -1;
	*arr = p;
	*cap = nc;
	return 0;
}

void store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

void store_bind_opt(sqlite3_stmt *st, int i, int n)
{
	if (n >= 0)
		sqlite3_bind_int(st, i, n);
	else
		sqlite3_bind_null(st, i);
}

int store_step_done(sqlite3 *db, sqlite3_stmt *st, struct error *e, const char *doing)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(db, rc, e, doing);
}

int store_bind_run(sqlite3 *db, const char *sql, struct error *e, const char *doing,
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

int store_one_int(sqlite3 *db, const char *sql, int64_t *out, const char *doing, struct error *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : store_sql_error(db, rc, e, doing);
}
