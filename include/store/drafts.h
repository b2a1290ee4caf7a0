/* drafts.h: what is being written, saved as it is typed (struct draft and
 * its typed key are in core/draft.h). Free a loaded draft with draft_free
 * (core/draft.h), which wipes it. */
#ifndef TEND_STORE_DRAFTS_H
#define TEND_STORE_DRAFTS_H

#include "core/draft.h"
#include "store/vault.h"
#include "util/error.h"

int draft_save(struct vault *v, const struct draft *d, struct error *e);
/* 1 found, 0 none, -1 error. slot NULL: the most recently saved draft. */
int draft_load(struct vault *v, const char *slot, struct draft *out, struct error *e);
int draft_delete(struct vault *v, const char *slot, struct error *e);

#endif
