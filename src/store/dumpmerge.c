/* dumpmerge.c: tend's own export merged into a vault in use, row by row,
 * inside the load's transaction (store_load_begin/end). What "already
 * there" means per table is in docs/export-format.md; this file is the
 * rule. */
#include "store/dump.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"

const char *const load_tables[] = {
	"tags", "moods", "tools", "trigger_categories", "triggers", "trigger_did", "entries",
	"entry_tags", "entry_versions", "exercise_sessions", "own_lists", "homework_packs",
	"homework_done", "settings", "tombstones", NULL,
};

#define NTABLES (sizeof(load_tables) / sizeof(load_tables[0]) - 1)

/* Columns that hold another table's id: the same name in every table. */
static const struct {
	const char *col, *table;
} refs[] = {
	{"tag_id", "tags"},         {"entry_id", "entries"}, {"mood_id", "moods"},
	{"trigger_id", "triggers"}, {"tool_id", "tools"},    {"pack_id", "homework_packs"},
};

/* Tables where a row with the same key is the same thing, whatever else it
 * says: the vault's row stays as it is. Names compare without case, as
 * the tables' own unique keys do. */
static const struct {
	const char *table, *key;
} keyed[] = {
	{"tags", "name"},     {"tools", "name"},           {"trigger_categories", "name"},
	{"settings", "key"},  {"homework_packs", "text"}, {"tombstones", "uid"},
};

struct idpair {
	int64_t from, to;
};

struct idmap {
	struct idpair *p;
	size_t n, cap;
	bool sorted;
};

struct load_ids {
	struct idmap m[NTABLES];
};

struct load_ids *load_ids_new(void)
{
	return calloc(1, sizeof(struct load_ids));
}

void load_ids_free(struct load_ids *ids)
{
	if (!ids)
		return;
	for (size_t i = 0; i < NTABLES; i++)
		free(ids->m[i].p);
	free(ids);
}

static int table_index(const char *name)
{
	for (size_t i = 0; i < NTABLES; i++)
		if (strcmp(load_tables[i], name) == 0)
			return (int)i;
	return -1;
}

static int map_add(struct idmap *m, int64_t from, int64_t to, struct error *e)
{
	if (store_grow((void **)&m->p, &m->cap, m->n, sizeof(*m->p)))
		return error_set(e, E_FAIL, "Out of memory reading the export.");
	m->p[m->n++] = (struct idpair){from, to};
	m->sorted = false;
	return 0;
}

static int by_from(const void *a, const void *b)
{
	const struct idpair *x = a, *y = b;
	return (x->from > y->from) - (x->from < y->from);
}

/* 1 and *to when the export's row `from` of table t was read, 0 when the
 * export has no such row, -1 when it names one id twice. */
static int map_find(struct idmap *m, const char *table, int64_t from, int64_t *to,
                    struct error *e)
{
	if (!m->sorted) {
		if (m->n)
			qsort(m->p, m->n, sizeof(*m->p), by_from);
		for (size_t i = 1; i < m->n; i++)
			if (m->p[i].from == m->p[i - 1].from)
				return error_set(e, E_CORRUPT, "tables.%s has two rows with id %lld.", table,
				                 (long long)m->p[i].from);
		m->sorted = true;
	}
	struct idpair key = {from, 0};
	const struct idpair *hit = m->n ? bsearch(&key, m->p, m->n, sizeof(*m->p), by_from) : NULL;
	if (!hit)
		return 0;
	*to = hit->to;
	return 1;
}

/* A row's columns without its id, references turned into the vault's ids. */
struct row {
	const char *names[64];
	struct dump_value vals[64];
	size_t n;
	bool has_id;
	int64_t id;
	struct buf tidy; /* a tag or a check-in's tags, as tend stores them */
};

static int prepare_row(struct load_ids *ids, const char *table, size_t ncols,
                       const char *const *names, const struct dump_value *vals, struct row *r,
                       struct error *e)
{
	memset(r, 0, sizeof(*r));
	if (ncols == 0 || ncols > 64)
		return error_set(e, E_CORRUPT, "A row of %s has no columns, or too many.", table);
	for (size_t i = 0; i < ncols; i++) {
		if (!store_plain_name(names[i]))
			return error_set(e, E_CORRUPT, "'%s' is not a column name.", names[i]);
		struct dump_value d = vals[i];
		if (strcmp(names[i], "id") == 0) {
			if (d.type != DV_INT)
				return error_set(e, E_CORRUPT, "column 'id': an id is a whole number.");
			r->has_id = true;
			r->id = d.i;
			continue;
		}
		for (size_t k = 0; k < sizeof(refs) / sizeof(refs[0]); k++) {
			if (strcmp(names[i], refs[k].col) != 0 || d.type == DV_NULL)
				continue;
			if (d.type != DV_INT)
				return error_set(e, E_CORRUPT, "column '%s': a link to another row is a whole "
				                               "number or null.", names[i]);
			int64_t to = 0;
			int t = table_index(refs[k].table);
			int found = map_find(&ids->m[t], refs[k].table, d.i, &to, e);
			if (found < 0)
				return -1;
			if (!found)
				return error_set(e, E_CORRUPT, "column '%s': there is no row %lld in "
				                               "tables.%s of this export.",
				                 names[i], (long long)d.i, refs[k].table);
			d.i = to;
		}
		/* Tags compare as tend stores them (trimmed), so an older export
		 * with " family" finds what the vault has. */
		bool tag = strcmp(table, "tags") == 0 && strcmp(names[i], "name") == 0;
		if (d.type == DV_TEXT && (tag || (strcmp(table, "moods") == 0 &&
		                                   strcmp(names[i], "tags") == 0))) {
			size_t len;
			const char *t = tag_trim(d.s, d.len, &len);
			buf_clear(&r->tidy);
			if (tag ? (buf_append(&r->tidy, t, len) || buf_puts(&r->tidy, ""))
			        : tags_tidy(d.s, &r->tidy))
				return error_set(e, E_FAIL, "Out of memory reading the export.");
			d.s = buf_str(&r->tidy);
			d.len = r->tidy.len;
		}
		r->names[r->n] = names[i];
		r->vals[r->n++] = d;
	}
	if (!r->n)
		return error_set(e, E_CORRUPT, "A row of %s has nothing but an id.", table);
	return 0;
}

/* Appends the strings (up to a (char *)NULL: a bare NULL may be a plain 0
 * int, which va_arg would read as a pointer) to sql; -1 when they would not fit. */
static int sql_cat(char *sql, size_t size, size_t *at, ...)
{
	va_list ap;
	va_start(ap, at);
	int rc = 0;
	for (const char *s; (s = va_arg(ap, const char *)) != NULL;) {
		size_t n = strlen(s);
		if (n >= size - *at) {
			rc = -1;
			break;
		}
		memcpy(sql + *at, s, n + 1);
		*at += n;
	}
	va_end(ap);
	return rc;
}

/* Looks for the row in the vault. 1 with *found_id (0 for a table
 * without ids) and *same when it is there, 0 when not. */
static int look_up(sqlite3 *db, const char *table, const struct row *r, int64_t *found_id,
                   bool *same, struct error *e)
{
	const char *key = NULL;
	for (size_t k = 0; k < sizeof(keyed) / sizeof(keyed[0]); k++)
		if (strcmp(keyed[k].table, table) == 0)
			key = keyed[k].key;
	/* A row with a uid (tend's exports since version 2) is the vault's
	 * row of the same uid, whatever else it says. */
	for (size_t i = 0; i < r->n && !key; i++)
		if (strcmp(r->names[i], "uid") == 0 && r->vals[i].type == DV_TEXT)
			key = "uid";
	bool settings = strcmp(table, "settings") == 0;
	char sql[8192];
	size_t at = 0;
	int key_col = -1;
	bool fits = sql_cat(sql, sizeof(sql), &at, "SELECT ",
	                    settings ? "value" : r->has_id ? "id" : "0", " FROM ", table, " WHERE ",
	                    (char *)NULL) == 0;
	if (key) {
		for (size_t i = 0; i < r->n; i++)
			if (strcmp(r->names[i], key) == 0)
				key_col = (int)i;
		if (key_col < 0)
			return error_set(e, E_CORRUPT, "column '%s' is missing; rows of %s need it.", key,
			                 table);
		fits = fits && sql_cat(sql, sizeof(sql), &at, key, " = ?", (char *)NULL) == 0;
	} else {
		for (size_t i = 0; i < r->n && fits; i++)
			fits = sql_cat(sql, sizeof(sql), &at, i ? " AND " : "", r->names[i], " IS ?",
			               (char *)NULL) == 0;
	}
	if (!fits || sql_cat(sql, sizeof(sql), &at, " LIMIT 1", (char *)NULL))
		return error_set(e, E_CORRUPT, "A row of %s is too large to compare.", table);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return error_set(e, E_CORRUPT, "A row of %s does not fit: %s.", table, sqlite3_errmsg(db));
	if (key) {
		store_bind_value(st, 1, &r->vals[key_col]);
	} else {
		for (size_t i = 0; i < r->n; i++)
			store_bind_value(st, (int)i + 1, &r->vals[i]);
	}
	rc = sqlite3_step(st);
	int result = 0;
	if (rc == SQLITE_ROW) {
		result = 1;
		*found_id = r->has_id ? sqlite3_column_int64(st, 0) : 0;
		*same = true;
		if (settings) {
			const struct dump_value *v = NULL;
			for (size_t i = 0; i < r->n; i++)
				if (strcmp(r->names[i], "value") == 0)
					v = &r->vals[i];
			const char *have = (const char *)sqlite3_column_text(st, 0);
			*same = v && v->type == DV_TEXT && have &&
			        (size_t)sqlite3_column_bytes(st, 0) == v->len &&
			        memcmp(have, v->s, v->len) == 0;
		}
	} else if (rc != SQLITE_DONE) {
		result = store_sql_error(db, rc, e, "comparing the export with the vault");
	}
	sqlite3_finalize(st);
	return result;
}

/* The next free place at the end of a list the person orders (tools,
 * trigger categories), so what comes in goes after their own. */
static int next_position(sqlite3 *db, const char *table, int64_t *out, struct error *e)
{
	char sql[128];
	snprintf(sql, sizeof(sql), "SELECT coalesce(max(position), 0) + 1 FROM %s", table);
	return store_one_int(db, sql, out, "reading the vault's lists", e);
}

static int insert(sqlite3 *db, const char *table, struct row *r, struct error *e)
{
	/* A tool or category goes to the end of the person's list (a choice
	 * in a trigger log keeps its place in that log). */
	bool list = strcmp(table, "tools") == 0 || strcmp(table, "trigger_categories") == 0;
	for (size_t i = 0; i < r->n && list; i++)
		if (strcmp(r->names[i], "position") == 0) {
			if (next_position(db, table, &r->vals[i].i, e))
				return -1;
			r->vals[i].type = DV_INT;
		}
	return store_insert_row(db, table, r->n, r->names, r->vals, e);
}

int store_merge_row(struct vault *v, struct load_ids *ids, const char *table, size_t ncols,
                    const char *const *names, const struct dump_value *vals,
                    enum merge_result *res, struct error *e)
{
	int t = table_index(table);
	if (t < 0)
		return error_set(e, E_CORRUPT, "There is no table '%s' in a tend export.", table);
	if (store_row_is_vault_key(table, ncols, names, vals)) {
		*res = MERGE_KEPT; /* the vault's own keys are never taken from a file */
		return 0;
	}
	struct row r;
	int rc = prepare_row(ids, table, ncols, names, vals, &r, e);
	sqlite3 *db = vault_db(v);
	int64_t id = 0;
	bool same = false;
	int there = rc ? -1 : look_up(db, table, &r, &id, &same, e);
	if (there < 0) {
		rc = -1;
	} else if (there) {
		*res = same ? MERGE_THERE : MERGE_KEPT;
	} else if (insert(db, table, &r, e)) {
		rc = -1;
	} else {
		id = sqlite3_last_insert_rowid(db);
		*res = MERGE_ADDED;
	}
	buf_free(&r.tidy);
	if (rc)
		return -1;
	return r.has_id ? map_add(&ids->m[t], r.id, id, e) : 0;
}
