/* import.c: tend's own JSON export, read back in. */
#include "io/import.h"

#include <jansson.h>
#include <string.h>

#include "io/export.h"
#include "io_int.h"
#include "store/dump.h"
#include "store/migrate.h"
#include "util/buf.h"

static int table_index(const char *name)
{
	for (int i = 0; dump_tables[i]; i++)
		if (strcmp(dump_tables[i], name) == 0)
			return i;
	return -1;
}

/* A row's values, read from a JSON object; -1 with e naming the place. */
static int row_values(json_t *row, const char *table, size_t n, const char **names,
                      struct dump_value *vals, size_t *ncols, struct error *e)
{
	if (!json_is_object(row))
		return error_set(e, E_CORRUPT, "%s, row %zu: a row is an object {\"column\": value}.",
		                 table, n + 1);
	const char *key;
	json_t *val;
	size_t k = 0;
	json_object_foreach(row, key, val)
	{
		if (k == 64)
			return error_set(e, E_CORRUPT, "%s, row %zu: too many columns.", table, n + 1);
		names[k] = key;
		struct dump_value *d = &vals[k];
		switch (json_typeof(val)) {
		case JSON_INTEGER:
			*d = (struct dump_value){.type = DV_INT, .i = json_integer_value(val)};
			break;
		case JSON_REAL:
			*d = (struct dump_value){.type = DV_REAL, .r = json_real_value(val)};
			break;
		case JSON_STRING:
			*d = (struct dump_value){.type = DV_TEXT, .s = json_string_value(val),
			                         .len = json_string_length(val)};
			if (memchr(d->s, '\0', d->len))
				return error_set(e, E_CORRUPT, "%s, row %zu, column '%s': text with a NUL byte.",
				                 table, n + 1, key);
			break;
		case JSON_NULL:
			*d = (struct dump_value){.type = DV_NULL};
			break;
		default:
			return error_set(e, E_CORRUPT,
			                 "%s, row %zu, column '%s': a value is a number, text or null.",
			                 table, n + 1, key);
		}
		k++;
	}
	*ncols = k;
	return 0;
}

static void note_time(struct import_summary *sum, const char *table, json_t *row)
{
	const char *col = strcmp(table, "entries") == 0 ? "created_at"
	                  : strcmp(table, "moods") == 0 ? "at"
	                                                : NULL;
	json_t *t = col ? json_object_get(row, col) : NULL;
	if (!json_is_integer(t))
		return;
	int64_t at = json_integer_value(t);
	if (!sum->dated || at < sum->first)
		sum->first = at;
	if (!sum->dated || at > sum->last)
		sum->last = at;
	sum->dated = true;
}

enum walk_mode { W_COUNT, W_LOAD, W_MERGE };

/* Checks the document and counts it (W_COUNT); loads it into a new vault
 * (W_LOAD) or merges it into one in use (W_MERGE). */
static int walk(json_t *tables, enum walk_mode mode, struct vault *v, struct load_ids *ids,
                struct import_summary *sum, struct error *e)
{
	const char *names[64];
	struct dump_value vals[64];
	/* Counting keeps the file's table order; loading follows the links. */
	const char *const *order = mode == W_COUNT ? dump_tables : load_tables;
	for (int k = 0; order[k]; k++) {
		const char *table = order[k];
		int t = table_index(table);
		json_t *rows = json_object_get(tables, table);
		if (!rows || t < 0)
			continue;
		if (!json_is_array(rows))
			return error_set(e, E_CORRUPT, "tables.%s: rows are in a list [...].", table);
		size_t i;
		json_t *row;
		json_array_foreach(rows, i, row)
		{
			size_t ncols = 0;
			if (row_values(row, table, i, names, vals, &ncols, e))
				return -1;
			int rc = 0;
			enum merge_result res = MERGE_ADDED;
			if (mode == W_LOAD)
				rc = store_load_row(v, table, ncols, names, vals, e);
			else if (mode == W_MERGE)
				rc = store_merge_row(v, ids, table, ncols, names, vals, &res, e);
			if (rc && e->code != E_CORRUPT)
				return -1; /* the disk, not the row */
			if (rc) {
				char msg[sizeof(e->msg)];
				snprintf(msg, sizeof(msg), "%s", e->msg);
				return error_set(e, E_CORRUPT, "%s, row %zu: %s", table, i + 1, msg);
			}
			if (mode == W_COUNT) {
				sum->rows[t]++;
				sum->total++;
				note_time(sum, table, row);
			} else if (mode == W_MERGE && t < IMPORT_MAX_TABLES) {
				sum->added[t] += res == MERGE_ADDED;
				sum->added_total += res == MERGE_ADDED;
				sum->kept += res == MERGE_KEPT;
			}
		}
	}
	return 0;
}

static int check_head(json_t *root, json_t **tables, struct error *e)
{
	if (!json_is_object(root))
		return error_set(e, E_CORRUPT, "This is JSON, but not a tend export (no object at the top).");
	const char *format = json_string_value(json_object_get(root, "format"));
	if (!format || strcmp(format, EXPORT_FORMAT) != 0)
		return error_set(e, E_CORRUPT, "This is JSON, but not a tend export (\"format\" is not "
		                               "\"%s\").", EXPORT_FORMAT);
	json_t *ver = json_object_get(root, "version");
	/* Version 1 had no uids, change times or tombstones; it still reads. */
	if (!json_is_integer(ver) || json_integer_value(ver) < 1 ||
	    json_integer_value(ver) > EXPORT_VERSION)
		return error_set(e, E_CORRUPT, "This export's version is not 1 to %d; this tend cannot "
		                               "read it.",
		                 EXPORT_VERSION);
	json_t *schema = json_object_get(root, "schema");
	if (!json_is_integer(schema) || json_integer_value(schema) < 1)
		return error_set(e, E_CORRUPT, "\"schema\" is missing or not a whole number.");
	if (json_integer_value(schema) > migrate_latest())
		return error_set(e, E_CORRUPT, "This export comes from a newer tend (schema %lld; this "
		                               "one knows %d). Update tend to import it.",
		                 (long long)json_integer_value(schema), migrate_latest());
	*tables = json_object_get(root, "tables");
	if (!json_is_object(*tables))
		return error_set(e, E_CORRUPT, "\"tables\" is missing or not an object.");
	const char *key;
	json_t *val;
	json_object_foreach(*tables, key, val)
	{
		if (table_index(key) < 0)
			return error_set(e, E_CORRUPT, "tables.%s: tend has no such table.", key);
	}
	return 0;
}

/* Into a vault in use: all or nothing; a dry run rolls back. */
static int merge(json_t *tables, struct vault *v, bool dry_run, struct import_summary *sum,
                 struct error *e)
{
	sum->merged = true;
	struct load_ids *ids = load_ids_new();
	if (!ids)
		return error_set(e, E_FAIL, "Out of memory reading the export.");
	int rc = store_load_begin(v, e);
	if (rc == 0) {
		rc = walk(tables, W_MERGE, v, ids, sum, e);
		if (rc == 0 && !dry_run)
			rc = store_load_end(v, true, e);
		else
			store_load_end(v, false, e);
	}
	load_ids_free(ids);
	return rc;
}

/* Rows of table added (or, into a new vault, all of its rows). */
static size_t added_in(const struct import_summary *m, const char *table)
{
	for (size_t i = 0; i < IMPORT_MAX_TABLES && dump_tables[i]; i++)
		if (strcmp(dump_tables[i], table) == 0)
			return m->merged ? m->added[i] : m->rows[i];
	return 0;
}

/* The counts a person reads: entries, check-ins, trigger logs, the rest. */
static void sum_people(struct import_summary *m)
{
	m->entries = added_in(m, "entries");
	m->checkins = added_in(m, "moods");
	m->triggers = added_in(m, "triggers");
	size_t added = m->merged ? m->added_total : m->total;
	m->duplicates = m->total - added;
	m->others = added - m->entries - m->checkins - m->triggers;
}

int import_tend_json(struct vault *v, const char *text, size_t len, bool dry_run,
                     struct import_summary *sum, struct error *e)
{
	memset(sum, 0, sizeof(*sum));
	io_json_wipe_alloc();
	json_error_t je;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return error_set(e, E_CORRUPT, "line %d, column %d: %s", je.line, je.column, je.text);
	json_t *tables = NULL;
	int rc = check_head(root, &tables, e);
	if (rc == 0)
		rc = walk(tables, W_COUNT, NULL, NULL, sum, e);
	/* No vault: the file is only checked and counted (fuzz_import). */
	int fresh = rc ? -1 : v ? store_is_new(v, e) : 1;
	if (fresh < 0) {
		rc = -1;
	} else if (fresh && v && !dry_run) {
		if ((rc = store_load_begin(v, e)) == 0) {
			rc = store_load_clear_defaults(v, e);
			if (rc == 0)
				rc = walk(tables, W_LOAD, v, NULL, sum, e);
			if (rc == 0)
				rc = store_load_end(v, true, e);
			else
				store_load_end(v, false, e);
		}
	} else if (!fresh) { /* v is set: no vault counts as new */
		rc = merge(tables, v, dry_run, sum, e);
	}
	json_decref(root);
	if (rc == 0)
		sum_people(sum);
	return rc;
}
