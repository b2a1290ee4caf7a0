/* entries.h: journal entries in the vault. */
#ifndef TEND_STORE_ENTRIES_H
#define TEND_STORE_ENTRIES_H

#include <stddef.h>
#include <stdint.h>

#include "core/entry.h"
#include "store/vault.h"
#include "util/error.h"
#include "util/timefmt.h"

int entries_add_ex(struct vault *v, const struct new_entry *ne, int64_t *id, struct error *e);

/* Calls fn for each entry, newest first (body not filled). A non-zero
 * return from fn stops the walk. */
int entries_each(struct vault *v, int (*fn)(const struct entry *en, void *arg), void *arg,
                 struct error *e);
/* E_FAIL "No entry N." when missing. */
int entries_get(struct vault *v, int64_t id, struct entry *out, struct error *e);
/* The one word for an entry without a title, wherever one is named: the
 * journal, the reader, its versions, the report screen and the report,
 * the command line and --plain. */
#define ENTRY_UNTITLED "(untitled)"

#endif
