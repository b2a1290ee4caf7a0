/* merge.h: records from other journaling apps, added to a vault that may
 * already be in use. Called between store_load_begin and store_load_end
 * (store/dump.h), so an import is one transaction. A record the vault
 * held already, before the import began, is skipped: importing the same
 * file twice adds nothing the second time, yet two records alike in one
 * file both come in (the vault is compared as it was, not with the rows
 * this import added). */
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
	/* The title was made here from the body's first words (the file
	 * gave none): the entry is then known by its time and body alone, as
	 * the vault may hold it with no title (imported before titles were
	 * made) or with one the person gave it since. */
	bool title_made;
	const char *const *tags; /* trimmed, no commas; at most 64 */
	size_t ntags;
	int mood;          /* a check-in's score 0..10 at the same time, or -1 */
	const char *mood_tags; /* the check-in's tags, comma-separated */
	const char *mood_note; /* the check-in's note, or NULL */
};

/* The vault as it was when the import began (its highest ids), and the
 * import's statements, prepared once. */
struct merge_mark {
	int64_t entries, moods;
	void *db, *st[6];
};

/* Notes the vault's rows as they are now; call it after store_load_begin,
 * and store_merge_end (even after a failure) before store_load_end. */
int store_merge_mark(struct vault *v, struct merge_mark *m, struct error *e);
void store_merge_end(struct merge_mark *m);

/* Records that are the same thing to the vault: an entry with the same
 * time, title and body (time and body when the title was made); a check-in alone with the same time and tags (not
 * score, so a different mood map finds the same rows). */
bool merge_same(const struct merge_record *a, const struct merge_record *b);
uint64_t merge_hash(const struct merge_record *r);

/* Adds r, or sets *dup and adds nothing when the vault held it before the
 * import (m): nth is how many records of this import came before r that
 * are merge_same as it, so a file holding a record twice where the vault
 * held it once adds it once. A check-in made with an entry is linked to
 * it, as one written in tend is. */
int store_merge(struct vault *v, struct merge_mark *m, const struct merge_record *r, size_t nth,
                bool *dup, struct error *e);

#endif
