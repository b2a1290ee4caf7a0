/* io_int.h: what the io/ files share. */
#ifndef TEND_IO_INT_H
#define TEND_IO_INT_H

#include <stddef.h>

#include "io/import.h"

/* Memory that is wiped when freed (or moved by realloc), for libraries
 * that hold the person's words: jansson and libcsv. */
void *io_wipe_malloc(size_t n);
void io_wipe_free(void *p);
void *io_wipe_realloc(void *p, size_t n);
/* Makes jansson use it. */
void io_json_wipe_alloc(void);

/* The readers of import_formats[] (foreign.c): the whole text, UTF-8
 * already, into records. */
int import_read_jrnl(struct import_reader *f, const char *text, size_t len, struct error *e);
int import_read_tui(struct import_reader *f, const char *text, size_t len, struct error *e);
int import_read_dayone(struct import_reader *f, const char *text, size_t len, struct error *e);
int import_read_daylio(struct import_reader *f, const char *text, size_t len, struct error *e);

/* When the import of text as o->format failed as a broken file (E_CORRUPT)
 * and it looks like another format tend knows, e's message ends by
 * naming it: "It looks like a Daylio export: try --format daylio." */
void import_hint(const char *text, size_t len, const struct import_opts *o, struct error *e);

#endif
