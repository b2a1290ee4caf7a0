/* learn_int.h: what the Learn screens share (views/learn.c: the list, the
 * pages in reading order and the place kept in the vault; learnpage.c:
 * one page; learnnav.c: its contents and search prompt). */
#ifndef TEND_VIEWS_LEARN_INT_H
#define TEND_VIEWS_LEARN_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "content/page.h"
#include "content/render.h"
#include "util/error.h"
#include "views/view.h"
#include "widgets/pager.h"

/* A saved place is a fraction of the page in 1/10000: the vault keeps the
 * number, so the pager's scale must stay the same. */
#define POS_SCALE PAGER_SCALE

/* A status note for msg, cut to fit (whole characters only). */
void learn_note(struct ctx *c, enum role r, const char *msg);

/* ---- the pages, in reading order (learn.c) ---- */

struct learn_page {
	const char *path; /* lives as long as the content text */
	struct page_meta meta;
};

/* The front matter of every page under learn/, sorted by order. Returns
 * the count, or -1 when memory runs out. A page that does not load is left
 * out, and the first such problem is copied into bad (when not NULL). */
long learn_pages_load(struct learn_page **out, struct error *bad);
void learn_pages_free(struct learn_page *p, size_t n);

/* The settings key of a page's place: "learn.pos.ID". */
void learn_pos_key(char *key, size_t size, const char *id);
/* The saved place in 1/POS_SCALE of the page, or -1 when there is none. */
long learn_pos_load(struct vault *v, const char *id);

/* ---- one page (learnpage.c) ---- */

enum page_mode { MODE_NOTICE, MODE_READ };

struct learn_page_state {
	char path[256];
	struct page_meta meta;
	struct doc *doc;      /* the page's Markdown */
	struct doc *tail_doc; /* "Sources" and the review date, made from the front matter */
	/* Laid out for pg.width columns; rebuilt in draw when the width
	 * changes. Lines are numbered over the page, one blank line, then the
	 * tail. The sections that keep the place are the top of the page, each
	 * heading, and the tail: the same at every width. */
	struct layout *lay, *tail;
	struct pager pg;
	long restore;     /* the saved place, for the first layout; -1: none */
	enum page_mode mode;
	bool reading;     /* the page itself was shown: its place is worth saving */
	const char *next; /* the next page in order, NULL at the end */
};

/* The line the tail starts on (after the page and one blank line). */
size_t learn_tail_start(const struct learn_page_state *st);
/* Finds the page's query (see pager_find) and says in a note what came of
 * it: nothing found, found after going round the end, or only one place. */
void learn_page_find(struct ctx *c, struct learn_page_state *st, int dir, bool again);

/* Over the page, with its state as the argument (learnnav.c). */
extern const struct view_ops learn_toc_view, learn_find_view;

#endif
