/* import.h: reading data into the vault. All or nothing: a file with any
 * problem changes nothing, and the problem is named. */
#ifndef TEND_IO_IMPORT_H
#define TEND_IO_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

#define IMPORT_MAX_TABLES 16

struct import_summary {
	size_t rows[IMPORT_MAX_TABLES]; /* per dump_tables[i] */
	size_t total;
	int64_t first, last; /* entries' and check-ins' times (Unix seconds); 0 when none */
};

/* Reads tend's own JSON export (docs/export-format.md) from text. The
 * whole file is checked first and counted into sum; with dry_run that is
 * all. Otherwise it goes into v, which must be new (nothing of the
 * person's in it yet: merging comes later), in one transaction. */
int import_tend_json(struct vault *v, const char *text, size_t len, bool dry_run,
                     struct import_summary *sum, struct error *e);

#endif
