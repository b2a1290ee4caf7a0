/* dump.h: every row a full export carries, table by table, for io/ to
 * write out (and, later, to read back in). Values handed to the callback
 * are private text and live only during the call. */
#ifndef TEND_STORE_DUMP_H
#define TEND_STORE_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

enum dump_type { DV_NULL, DV_INT, DV_REAL, DV_TEXT };

struct dump_value {
	enum dump_type type;
	int64_t i;
	double r;
	const char *s; /* DV_TEXT: UTF-8, s[len] == '\0' */
	size_t len;
};

/* The tables exported, in an order that keeps references valid when they
 * are read back in; NULL-terminated. Search indexes and drafts are left
 * out (the first is rebuilt from entries, the second is work in hand). */
extern const char *const dump_tables[];

/* Called once per table before its rows (row == NULL, vals == NULL), then
 * once per row. Returning non-zero stops the dump (the result is -1, and
 * e is the callback's to fill). */
typedef int (*dump_fn)(void *arg, const char *table, size_t ncols, const char *const *names,
                       const struct dump_value *vals, struct error *e);

/* Reads every table in one read transaction, so the dump is consistent. */
int store_dump(struct vault *v, dump_fn fn, void *arg, struct error *e);
/* The same for only the tables named (each one of dump_tables; NULL-
 * terminated), so a partial export never reads what it leaves out. */
int store_dump_tables(struct vault *v, const char *const *tables, dump_fn fn, void *arg,
                      struct error *e);
/* The vault's layout version (PRAGMA user_version). */
int store_schema(struct vault *v, int *out, struct error *e);

/* Reading an export back in, all or nothing: begin, rows, then end with
 * commit true (or false to leave the vault as it was). */
int store_load_begin(struct vault *v, struct error *e);
/* One row into table (one of dump_tables), columns by name (a-z, 0-9, _). */
int store_load_row(struct vault *v, const char *table, size_t ncols, const char *const *names,
                   const struct dump_value *vals, struct error *e);
int store_load_end(struct vault *v, bool commit, struct error *e);
/* Merging an export into a vault in use (docs/export-format.md, "Into a
 * vault in use"), also between store_load_begin and store_load_end. The
 * export's ids are its own: each row's references are turned into the
 * vault's ids through a map kept for the whole load. */
struct load_ids;
struct load_ids *load_ids_new(void);
void load_ids_free(struct load_ids *m);

/* dump_tables in the order an export is read back in (loaded or merged):
 * each table refers only to tables before it (entries point at moods and
 * triggers, so those come first). NULL-terminated. */
extern const char *const load_tables[];

/* True for a settings row holding one of the vault's own keys (key.*),
 * which an import never takes. */
bool store_row_is_vault_key(const char *table, size_t ncols, const char *const *names,
                            const struct dump_value *vals);

enum merge_result {
	MERGE_ADDED, /* a new row */
	MERGE_THERE, /* the vault has it already: skipped */
	MERGE_KEPT,  /* a setting the vault has with another value: the vault's kept */
};

/* One row of table, merged: the rule for "already there" is the table's
 * (a name or key for tags, tools, trigger categories, settings and
 * homework packs; every column but the id for the rest). A reference to a
 * row the export does not hold is refused (E_CORRUPT). */
int store_merge_row(struct vault *v, struct load_ids *ids, const char *table, size_t ncols,
                    const char *const *names, const struct dump_value *vals,
                    enum merge_result *res, struct error *e);

/* 1 when the vault holds nothing of the person's yet (only what a new
 * vault starts with), 0 when it does, -1 on error. */
int store_is_new(struct vault *v, struct error *e);
/* Clears what a new vault starts with (the toolbox and trigger
 * categories), so a whole export can take its place. Inside a load. */
int store_load_clear_defaults(struct vault *v, struct error *e);

#endif
