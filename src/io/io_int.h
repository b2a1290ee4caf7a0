/* io_int.h: what the io/ files share. */
#ifndef TEND_IO_INT_H
#define TEND_IO_INT_H

#include <stddef.h>

/* Memory that is wiped when freed (or moved by realloc), for libraries
 * that hold the person's words: jansson and libcsv. */
void *io_wipe_malloc(size_t n);
void io_wipe_free(void *p);
void *io_wipe_realloc(void *p, size_t n);
/* Makes jansson use it. */
void io_json_wipe_alloc(void);

#endif
