/* sql.c: what every file of the store uses to speak SQL: one transaction
 * per write, copies of text columns and arrays that grow. */
#include <sqlite3.h>
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
