/* export.c: tend's own JSON export (jansson builds it; every byte it
 * allocates is wiped when freed, since it is the person's journal). */
#include "io/export.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io_int.h"
#include "store/dump.h"
#include "util/timefmt.h"

struct exp {
	json_t *tables;
	json_t *rows; /* the current table's array (borrowed from tables) */
};

static int add_row(void *arg, const char *table, size_t ncols, const char *const *names,
                   const struct dump_value *vals, struct error *e)
{
	struct exp *x = arg;
	if (!vals) {
		x->rows = json_array();
		if (!x->rows || json_object_set_new(x->tables, table, x->rows))
			return error_set(e, E_FAIL, "Out of memory writing the export.");
		return 0;
	}
	json_t *row = json_object();
	if (!row || json_array_append_new(x->rows, row))
		return error_set(e, E_FAIL, "Out of memory writing the export.");
	for (size_t i = 0; i < ncols; i++) {
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
			if (!j)
				return error_set(e, E_CORRUPT,
				                 "A value in %s (column %s) is not valid UTF-8, so it cannot "
				                 "go into JSON; nothing was written.",
				                 table, names[i]);
			break;
		default:
			j = json_null();
		}
		if (!j || json_object_set_new(row, names[i], j))
			return error_set(e, E_FAIL, "Out of memory writing the export.");
	}
	return 0;
}

static int to_buf(const char *p, size_t n, void *data)
{
	return buf_append(data, p, n);
}

int export_json(struct vault *v, struct buf *out, struct error *e)
{
	io_json_wipe_alloc();
	int schema;
	if (store_schema(v, &schema, e))
		return -1;
	char when[32];
	stamp_format(stamp_now(), when);
	struct exp x = {.tables = json_object()};
	json_t *root = json_pack("{s:s, s:i, s:i, s:s}", "format", EXPORT_FORMAT, "version",
	                         EXPORT_VERSION, "schema", schema, "exported_at", when);
	int rc = -1;
	if (!root || !x.tables || json_object_set(root, "tables", x.tables)) {
		error_set(e, E_FAIL, "Out of memory writing the export.");
	} else if (store_dump(v, add_row, &x, e) == 0) {
		rc = json_dump_callback(root, to_buf, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		if (rc == 0)
			rc = buf_putc(out, '\n');
		if (rc)
			error_set(e, E_FAIL, "Out of memory writing the export.");
	}
	json_decref(x.tables);
	json_decref(root);
	return rc ? -1 : 0;
}
