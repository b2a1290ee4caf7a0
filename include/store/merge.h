/* merge.h: records from other journaling apps, added to a vault that may
 * already be in use. Called between store_load_begin and store_load_end
 * (store/dump.h), so an import is one transaction. A record the vault
 * holds already, exactly, is skipped: importing the same file twice adds
 * nothing the second time. */
#ifndef TEND_STORE_MERGE_H
#define TEND_STORE_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

struct merge_record {
	int64_t at;        /* when it was written, Unix seconds */
	int off_min;       /* the UTC offset of the local time it was written in */
	bool has_entry;    /* a journal entry: title, body and tags */
	const char *title, *body;
	const char *const *tags; /* trimmed, no commas; at most 64 */
	size_t ntags;
	int mood;          /* a check-in's score 0..10 at the same time, or -1 */
	const char *mood_tags; /* the check-in's tags, comma-separated */
};

/* Adds r, or sets *dup and adds nothing when the vault has it already: an
 * entry with the same time, title and body, or (for a check-in alone) a
 * check-in with the same time and score. A check-in made with an entry is
 * linked to it, as one written in tend is. */
int store_merge(struct vault *v, const struct merge_record *r, bool *dup, struct error *e);

#endif
