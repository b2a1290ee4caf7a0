/* journal.h: reading, finding, editing and deleting journal entries, their
 * earlier versions, drafts and tags. Every string handed out here is
 * private text: free it with the matching *_free, which wipes it. */
#ifndef TEND_STORE_JOURNAL_H
#define TEND_STORE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/draft.h"
#include "store/entries.h"
#include "store/vault.h"
#include "util/error.h"

/* Marks around matched words in row previews and titles found by a search. */
#define MATCH_ON '\x01'
#define MATCH_OFF '\x02'

/* One line of a list or of search results. */
struct entry_row {
	int64_t id;
	int64_t at;       /* created, Unix seconds */
	int off_min;      /* UTC offset when written */
	int mood;         /* linked check-in's score, or -1 */
	bool has_trigger;
	char *title;      /* with MATCH_ON/OFF marks when found by a search */
	char *tags;       /* comma-separated */
	char *preview;    /* the start of the body, or the matching part */
};

/* What to list. Zero/NULL fields do not filter. */
struct entry_query {
	const char *text;   /* words to find (each as a prefix of a word) */
	int64_t from, to;   /* created between, Unix seconds, inclusive */
	const char *tag;
	int mood_min, mood_max; /* 0..10; both 0 means any (set mood_max 10 to filter) */
	bool mood_filter;
	bool has_trigger;
};

/* Where a page of rows ends, for the next page (keyset paging: the cost
 * of a page does not grow with how far down it is). */
struct entry_cursor {
	bool valid;
	int64_t at, id;
};

/* Up to limit rows after `after` (or from the top), newest first; search
 * results come newest-added first. *n gets the count; rows go in out. */
int journal_rows(struct vault *v, const struct entry_query *q, const struct entry_cursor *after,
                 struct entry_row *out, size_t limit, size_t *n, struct error *e);
void entry_row_free(struct entry_row *r);
/* The cursor just past row r. */
struct entry_cursor entry_cursor_after(const struct entry_row *r, const struct entry_query *q);
/* Turns a person's search text into a safe FTS5 query; NULL when it has
 * no words. Free with free(). */
char *journal_fts_query(const char *text);

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

int draft_save(struct vault *v, const struct draft *d, struct error *e);
/* 1 found, 0 none, -1 error. slot NULL: the most recently saved draft. */
int draft_load(struct vault *v, const char *slot, struct draft *out, struct error *e);
int draft_delete(struct vault *v, const char *slot, struct error *e);

struct tag_count {
	char *name;
	int64_t uses;
};
int tags_list(struct vault *v, struct tag_count **out, size_t *n, struct error *e);
void tags_free(struct tag_count *list, size_t n);
/* Renames a tag everywhere; if `to` exists already the two are merged. */
int tag_rename(struct vault *v, const char *from, const char *to, struct error *e);
int tag_delete(struct vault *v, const char *name, struct error *e);

#endif
