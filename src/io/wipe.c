/* wipe.c: memory for the libraries io/ hands the person's words to
 * (jansson, libcsv), wiped when it is freed or moved. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "io_int.h"
#include "util/buf.h"

/* Each block carries its size in front, so free can wipe all of it. */
#define HEAD (sizeof(size_t) * 2)

void *io_wipe_malloc(size_t n)
{
	size_t *p = malloc(HEAD + n);
	if (!p)
		return NULL;
	p[0] = n;
	return (char *)p + HEAD;
}

void io_wipe_free(void *q)
{
	if (!q)
		return;
	size_t *p = (size_t *)((char *)q - HEAD);
	mem_wipe(p, HEAD + p[0]);
	free(p);
}

void *io_wipe_realloc(void *q, size_t n)
{
	void *r = io_wipe_malloc(n);
	if (r && q) {
		size_t old = ((size_t *)((char *)q - HEAD))[0];
		memcpy(r, q, old < n ? old : n);
		io_wipe_free(q);
	}
	return r;
}

void io_json_wipe_alloc(void)
{
	json_set_alloc_funcs(io_wipe_malloc, io_wipe_free);
}
