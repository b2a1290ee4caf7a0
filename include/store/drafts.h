/* drafts.h: what is being written, saved as it is typed (struct draft is
 * in store/journal.h). Free a loaded draft with draft_free, which wipes
 * it. */
#ifndef TEND_STORE_DRAFTS_H
#define TEND_STORE_DRAFTS_H

#include "store/journal.h"
#include "store/vault.h"
#include "util/error.h"

int draft_save(struct vault *v, const struct draft *d, struct error *e);
/* 1 found, 0 none, -1 error. slot NULL: the most recently saved draft. */
int draft_load(struct vault *v, const char *slot, struct draft *out, struct error *e);
int draft_delete(struct vault *v, const char *slot, struct error *e);
void draft_free(struct draft *d);

#endif
