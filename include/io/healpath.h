/* healpath.h: the healing path as both the full screen and plain mode show
 * it: the modules of content/path in phase order (the steadying ones
 * first), and the status the person gives each (never a score), kept in
 * the vault as "path.status.<id>". */
#ifndef TEND_IO_HEALPATH_H
#define TEND_IO_HEALPATH_H

#include <stddef.h>

#include "content/page.h"
#include "util/error.h"

struct vault;

#define HEALPATH_MAX 16
#define HEALPATH_NSTATUS 4
#define HEALPATH_NPHASES 3

struct healpath_module {
	char path[128];
	struct page_meta m;
	int status; /* index into healpath_status */
	int phase;  /* index into the phases, 0..HEALPATH_NPHASES-1 */
};

/* "not started", "exploring", "practising", "this helps me" */
const char *healpath_status(int status);
/* "Feel safer and steadier", ... */
const char *healpath_phase_title(int phase);
/* Reads the modules, each with its status from v (not started when v is
 * NULL), into mods in phase order, then each module's own order. Returns
 * how many; a module that cannot be read is left out and its error kept
 * in e (e->msg "" when all were read). */
size_t healpath_load(struct vault *v, struct healpath_module *mods, size_t max, struct error *e);
void healpath_free(struct healpath_module *mods, size_t n);
/* Sets and keeps a module's status. */
int healpath_set_status(struct vault *v, struct healpath_module *m, int status, struct error *e);

#endif
