/* entry.h: a journal entry, as read from the vault and as a new one is
 * handed to it. */
#ifndef TEND_CORE_ENTRY_H
#define TEND_CORE_ENTRY_H

#include <stddef.h>
#include <stdint.h>

#include "util/timefmt.h"

struct entry {
	int64_t id;
	char *title;
	char *body;
	char *created; /* local time with its UTC offset, ISO 8601 */
	char *updated;
	char *tags;    /* comma-separated, sorted */
	char *prompt;  /* the prompt it was written to, or "" */
};

/* What a new entry starts with. mood_id/trigger_id: a check-in or trigger
 * log made at the same time (0: none). */
struct new_entry {
	const char *title, *body, *prompt;
	const char *const *tags;
	size_t ntags;
	int64_t mood_id, trigger_id;
	struct stamp at; /* when it was written; at.t == 0: now */
};

/* Wipes and frees what en holds, and zeroes it. */
void entry_free(struct entry *en);

#endif
