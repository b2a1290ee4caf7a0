/* page.h: a content page's front matter.
 *
 * A page starts with a block like
 *
 *   ---
 *   id: spectrum
 *   title: Trauma is a spectrum
 *   summary: One line for lists.
 *   order: 1
 *   content_note: Mentions abuse in general terms.
 *   reviewed: tend maintainers, 2026-11-23
 *   review-due: 2027-11-23
 *   source: One source per line.
 *   source: Another.
 *   ---
 *
 * then the Markdown body. Values are the rest of the line, trimmed. Blank
 * lines and lines starting with '#' inside the block are skipped; unknown
 * keys are ignored. id and title are required; a key other than source
 * given twice, an order that is not a whole number, a reviewed or
 * review-due whose date is not a real YYYY-MM-DD, or a review-due not
 * after the reviewed date is an error naming the line. reviewed is "who,
 * date" or just the date. */
#ifndef TEND_CONTENT_PAGE_H
#define TEND_CONTENT_PAGE_H

#include <stddef.h>

#include "util/error.h"

struct page_meta {
	char *id;
	char *title;
	char *summary;      /* "" when absent */
	int order;          /* 0 when absent */
	char *content_note; /* NULL when absent */
	char *reviewed;     /* "YYYY-MM-DD", or NULL when absent */
	char *reviewer;     /* who reviewed it, or NULL when not named */
	char *review_due;   /* "YYYY-MM-DD" of the next review, or NULL */
	char **sources;     /* in file order */
	size_t nsources;
	/* Healing-path modules (content/path) also carry these. */
	char *phase;        /* stabilise, work-through or reconnect; NULL when absent */
	char **prompts;     /* reflection prompts ("prompt:" repeats) */
	size_t nprompts;
	char **exercises;   /* exercise ids ("exercise:" repeats) */
	size_t nexercises;
};

/* Parses the front matter at the start of text[0..len) into m (which owns
 * its strings afterwards; free with page_meta_free, also after an error is
 * harmless). *body_off (when not NULL) gets the offset of the first byte
 * after the closing "---" line. Returns 0, or -1 with e->code E_CORRUPT and
 * a message starting "line N: " (E_FAIL when out of memory). */
int page_meta_parse(const char *text, size_t len, struct page_meta *m, size_t *body_off,
                    struct error *e);
void page_meta_free(struct page_meta *m);

/* The front matter reader under page_meta_parse, for files with keys of
 * their own (homework packs): fn gets each "key: value" line in order, the
 * key (letters, digits, '-', '_', '.') and the trimmed value, which it
 * then owns (malloc'd), with its line number; returning non-zero (with e
 * filled) stops the reading. Blank lines and '#' lines are skipped. On
 * success *body_off is the offset after the closing "---" line and
 * *close_line that line's number (either may be NULL). Errors are
 * E_CORRUPT "line N: ..." (E_FAIL when out of memory). */
typedef int (*frontmatter_fn)(void *arg, const char *key, char *val, size_t line,
                              struct error *e);
int frontmatter_each(const char *text, size_t len, frontmatter_fn fn, void *arg,
                     size_t *body_off, size_t *close_line, struct error *e);
/* 1 when s is a real date written YYYY-MM-DD (from 1900 on). */
int frontmatter_date(const char *s);

/* content_get(path), then page_meta_parse. *body and *body_len (each may be
 * NULL) get the Markdown after the front matter; it lives as long as
 * content_get's text. Errors are prefixed with the path:
 * "learn/x.md: line 3: ...". */
int page_load(const char *path, struct page_meta *m, const char **body, size_t *body_len,
              struct error *e);
/* Calls fn for each page (a .md file whose front matter reads) in the
 * folders, in order ("learn/", "path/"...), with the folder's index; a
 * non-zero return from fn stops the walk and is returned. */
typedef int (*page_each_fn)(size_t folder, const char *path, const struct page_meta *m,
                            void *arg);
int page_each(const char *const *folders, size_t nfolders, page_each_fn fn, void *arg);

#endif
