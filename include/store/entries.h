/* entries.h: one journal entry: adding it, reading it, new text with the
 * earlier text kept as a version, deleting it and bringing it back. Every
 * string handed out here is private text: free it with the matching
 * *_free, which wipes it. */
#ifndef TEND_STORE_ENTRIES_H
#define TEND_STORE_ENTRIES_H

#include <stdbool.h>
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
/* Saves new text for an entry; the text it had is kept as a version
 * first (only if something changed). */
int entries_update(struct vault *v, int64_t id, const char *title, const char *body,
                   const char *const *tags, size_t ntags, struct error *e);

struct entry_version {
	int64_t id;
	int64_t at;
	int off_min;
	char *title, *body;
};
int entry_versions(struct vault *v, int64_t entry_id, struct entry_version **out, size_t *n,
                   struct error *e);
void entry_versions_free(struct entry_version *list, size_t n);
int entry_version_delete(struct vault *v, int64_t version_id, struct error *e);

/* Deleting keeps a copy in memory (never on disk) so it can be undone in
 * this session; secure_delete wipes the old pages in the vault. */
struct deleted_entry;
int entries_delete(struct vault *v, int64_t id, struct deleted_entry **undo, struct error *e);
int entries_undelete(struct vault *v, const struct deleted_entry *d, struct error *e);
void deleted_entry_free(struct deleted_entry *d);

/* The one word for an entry without a title, wherever one is named: the
 * journal, the reader, its versions, the report screen and the report,
 * the command line and --plain. */
#define ENTRY_UNTITLED "(untitled)"

#endif
