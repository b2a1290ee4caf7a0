/* entrysave.h: the one way an entry the person wrote is saved, for the
 * write screen and --plain alike: the tags split as typed, the entry added
 * or its new text kept, and then its draft removed. */
#ifndef TEND_STORE_ENTRYSAVE_H
#define TEND_STORE_ENTRYSAVE_H

#include <stdint.h>

#include "core/draft.h"
#include "store/vault.h"
#include "util/error.h"

struct entry_save {
	struct draft_key key; /* DRAFT_NEW: a new entry; DRAFT_EDIT: entry_id's new text */
	const char *title, *body;
	const char *tags;     /* as typed: "work, family" */
	const char *prompt;   /* new entries: the prompt it was written to, or "" */
	int64_t mood_id, trigger_id; /* new entries: a check-in or trigger log made with it */
};

/* Saves s. A new entry's number goes in *id (which may be NULL). The draft
 * of s->key is removed after the save, as it holds nothing the vault now
 * lacks (failing to remove it is not an error). Whether there is anything
 * worth saving is the caller's question. On failure nothing was saved, the
 * draft stays as it was, and -1 comes back with e filled. */
int entry_save(struct vault *v, const struct entry_save *s, int64_t *id, struct error *e);

#endif
