/* export.c: tend's own JSON export (jansson writes each row; every byte it
 * allocates is wiped when freed, since it is the person's journal). */
#include "io/export.h"

#include <errno.h>
#include <unistd.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io_int.h"
#include "store/dump.h"
#include "util/fileio.h"
#include "util/path.h"
#include "util/timefmt.h"
#include "util/utf8.h"

/* Rows go out one at a time as they are read, so an export of years of
 * entries never holds more than one row in memory (tend export -o streams
 * into the file). */
struct exp {
	export_sink sink;
	void *arg;
	struct error *e;
	bool first_table, first_row;
	bool sink_failed;
};

static int out(struct exp *x, const char *p, size_t n)
{
	if (x->sink(p, n, x->arg, x->e) == 0)
		return 0;
	x->sink_failed = true; /* e says why */
	return -1;
}

static int out_str(struct exp *x, const char *s)
{
	return out(x, s, strlen(s));
}

/* jansson's callback: one row's JSON. */
static int row_out(const char *p, size_t n, void *data)
{
	return out(data, p, n);
}

static int add_row(void *arg, const char *table, size_t ncols, const char *const *names,
                   const struct dump_value *vals, struct error *e)
{
	struct exp *x = arg;
	if (!vals) {
		/* Table names are a-z and _, so they need no escaping. */
		/* Close the table before (an empty one as []), open this one. */
		int rc = x->first_table ? 0 : out_str(x, x->first_row ? "]," : "\n    ],");
		if (rc == 0)
			rc = out_str(x, "\n    \"");
		x->first_table = false;
		x->first_row = true;
		if (rc || out_str(x, table) || out_str(x, "\": ["))
			return -1;
		return 0;
	}
	json_t *row = json_object();
	if (!row)
		return error_set(e, E_FAIL, "Out of memory writing the export.");
	int rc = 0;
	for (size_t i = 0; i < ncols && rc == 0; i++) {
		json_t *j;
		switch (vals[i].type) {
		case DV_INT:
			j = json_integer(vals[i].i);
			break;
		case DV_REAL:
			j = json_real(vals[i].r);
			break;
		case DV_TEXT:
			j = json_stringn(vals[i].s, vals[i].len);
			if (!j) {
				rc = error_set(e, E_CORRUPT,
				               "A value in %s (column %s) is not valid UTF-8, so it cannot "
				               "go into JSON; the export stopped there.",
				               table, names[i]);
				continue;
			}
			break;
		default:
			j = json_null();
		}
		if (!j || json_object_set_new(row, names[i], j))
			rc = error_set(e, E_FAIL, "Out of memory writing the export.");
	}
	if (rc == 0) {
		rc = out_str(x, x->first_row ? "\n      " : ",\n      ");
		x->first_row = false;
	}
	if (rc == 0 && json_dump_callback(row, row_out, x, JSON_PRESERVE_ORDER) != 0)
		rc = x->sink_failed ? -1 : error_set(e, E_FAIL, "Out of memory writing the export.");
	json_decref(row);
	return rc;
}

struct check {
	struct buf *places;
	size_t nbad;
};

static int check_row(void *arg, const char *table, size_t ncols, const char *const *names,
                     const struct dump_value *vals, struct error *e)
{
	struct check *c = arg;
	if (!vals)
		return 0;
	long long id = -1;
	for (size_t i = 0; i < ncols; i++)
		if (strcmp(names[i], "id") == 0 && vals[i].type == DV_INT)
			id = (long long)vals[i].i;
	for (size_t i = 0; i < ncols; i++) {
		if (vals[i].type != DV_TEXT || utf8_valid(vals[i].s, vals[i].len))
			continue;
		if (c->nbad++ >= 20)
			continue;
		int rc = id >= 0 ? buf_printf(c->places, "%s%s %lld (%s)", c->places->len ? ", " : "",
		                              table, id, names[i])
		                 : buf_printf(c->places, "%s%s (%s)", c->places->len ? ", " : "",
		                              table, names[i]);
		if (rc)
			return error_set(e, E_FAIL, "Out of memory checking the vault.");
	}
	return 0;
}

int export_check(struct vault *v, struct buf *places, size_t *nbad, struct error *e)
{
	struct check c = {.places = places};
	int rc = store_dump(v, check_row, &c, e);
	*nbad = c.nbad;
	return rc;
}

int export_json_to(struct vault *v, export_sink sink, void *arg, struct error *e)
{
	io_json_wipe_alloc();
	int schema;
	if (store_schema(v, &schema, e))
		return -1;
	char when[32], head[256];
	stamp_format(stamp_now(), when);
	snprintf(head, sizeof(head),
	         "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"schema\": %d,\n"
	         "  \"exported_at\": \"%s\",\n  \"tables\": {",
	         EXPORT_FORMAT, EXPORT_VERSION, schema, when);
	struct exp x = {.sink = sink, .arg = arg, .e = e, .first_table = true};
	if (out_str(&x, head) || store_dump(v, add_row, &x, e))
		return -1;
	return out_str(&x, x.first_table ? "\n  }\n}\n" : x.first_row ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n");
}

static int to_buf(const char *p, size_t n, void *data, struct error *e)
{
	if (buf_append(data, p, n))
		return error_set(e, E_FAIL, "Out of memory writing the export.");
	return 0;
}

int export_json(struct vault *v, struct buf *out, struct error *e)
{
	return export_json_to(v, to_buf, out, e);
}

/* ---- writing it out: gathered into 64 KiB writes, to a file or stdout */

struct chunks {
	struct buf b;
	struct atomic_file *f; /* NULL: standard output */
	size_t total;
};

static int flush(struct chunks *c, struct error *e)
{
	int rc = 0;
	if (c->f)
		rc = atomic_add(c->f, c->b.data, c->b.len, e);
	else if (c->b.len && write_all(STDOUT_FILENO, c->b.data, c->b.len))
		rc = error_errno(e, errno, "Could not write the export to standard output");
	c->total += c->b.len;
	buf_clear(&c->b);
	return rc;
}

static int to_chunks(const char *p, size_t n, void *arg, struct error *e)
{
	struct chunks *c = arg;
	if (buf_append(&c->b, p, n))
		return error_set(e, E_FAIL, "Out of memory writing the export.");
	return c->b.len >= 65536 ? flush(c, e) : 0;
}

int export_write(struct vault *v, enum export_format f, const char *path, size_t *bytes,
                 struct error *e)
{
	struct atomic_file af;
	struct chunks c = {.b = BUF_INIT, .f = path ? &af : NULL};
	if (path && (path_refuse_inside(vault_folder(v), path, "the export", EXPORT_INSIDE_VAULT, e) ||
	             atomic_begin(&af, path, 0600, e)))
		return -1;
	int rc;
	if (f == EXPORT_JSON)
		rc = export_json_to(v, to_chunks, &c, e);
	else
		rc = (f == EXPORT_MD ? export_markdown : f == EXPORT_JRNL ? export_jrnl : export_csv)(v, &c.b, e);
	if (rc == 0)
		rc = flush(&c, e);
	buf_free(&c.b);
	if (path && rc)
		atomic_abort(&af);
	else if (path)
		rc = atomic_commit(&af, e);
	if (rc == 0 && bytes)
		*bytes = c.total;
	return rc;
}
