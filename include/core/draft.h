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
/* Which draft: the one of a new entry (there is one), or the one of an edit
 * of entry entry_id. */
enum draft_kind { DRAFT_NEW, DRAFT_EDIT };
struct draft_key {
	enum draft_kind kind;
	int64_t entry_id; /* DRAFT_EDIT only */
};
/* The key of the draft for entry_id, or of a new entry when it is 0. */
struct draft_key draft_key_of(int64_t entry_id);
/* The slot a draft is stored under: "new", or "edit:<id>" ("edit:12").
 * Vaults keep these names, so they must never change. */
void draft_slot_name(struct draft_key k, char out[32]);
/* The key a stored slot name stands for; -1 when it is neither form. */
int draft_key_parse(const char *slot, struct draft_key *out);
/* Wipes and frees the texts of d (not d itself). */
void draft_free(struct draft *d);

#endif
