/* draft.h: a draft, what is being written, kept as it is typed. */
#ifndef TEND_CORE_DRAFT_H
#define TEND_CORE_DRAFT_H

#include <stdint.h>

/* A draft: what is being written, saved as it is typed. `slot` names it:
 * "new" for a new entry, "edit:<id>" for an edit. */
struct draft {
	char slot[32];
	int64_t entry_id; /* 0 for a new entry */
	int64_t saved_at;
	char *title, *body, *tags, *prompt;
};
/* Wipes and frees the texts of d (not d itself). */
void draft_free(struct draft *d);

#endif
