/* pager.h: a long text read a screenful at a time. The view lays the text
 * out in lines for a width and tells the pager how many there are; the
 * pager keeps the first line shown, scrolls by line, page and to either
 * end, finds a word forward or back (going round the end once), and keeps
 * the reader's place when the text is laid out again for another width.
 *
 * The place is kept by section, since sections are the same at every
 * width: which section the first line shown is in (the start of the text,
 * or a heading the view names), and how far into it. The pager never holds
 * the text; it reads lines through the callbacks in struct pager_ops. */
#ifndef TEND_WIDGETS_PAGER_H
#define TEND_WIDGETS_PAGER_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"

/* A fraction of a text (a place in it) is counted in 1/PAGER_SCALE. */
#define PAGER_SCALE 10000L

struct pager_ops {
	/* The text of line i and its length in bytes; NULL for a line that is
	 * only a gap (nothing there to find). */
	const char *(*text)(const void *data, size_t i, size_t *len);
	/* Draws line i in w columns at (y, x). */
	void (*draw)(const void *data, size_t i, int y, int x, int w);
	/* The first line of section k, for 0 < k < nsections (section 0
	 * starts at line 0). May be NULL when there is one section. */
	size_t (*section)(const void *data, size_t k);
};

struct pager {
	const struct pager_ops *ops;
	const void *data;    /* given to every callback */
	size_t nlines;       /* lines laid out */
	size_t nsections;    /* sections in them: 1 or more */
	int width;           /* the width they are laid out for; 0: not yet */
	size_t top;          /* the first line shown */
	int vis;             /* lines shown at the last draw (at least 1) */
	char query[200];     /* what to find: ASCII letters match either case */
	long match;          /* the line found last, -1: none */
};

/* Where the first line shown is, in a form that outlives a new layout. */
struct pager_place {
	size_t section;
	long frac; /* how far into the section, in 1/PAGER_SCALE */
};

/* The answer of pager_find. */
enum pager_found {
	PAGER_NOTHING, /* no query, or no lines: nothing was done */
	PAGER_NONE,    /* no line holds the query */
	PAGER_FOUND,   /* found without going round the end */
	PAGER_WRAPPED, /* found after going round the end of the text */
	PAGER_ONLY,    /* went round the end and found the same line again */
};

/* Not laid out yet, nothing found, top at 0. */
void pager_init(struct pager *p, const struct pager_ops *ops, const void *data);

/* The highest first line: the last screenful shows the end. */
size_t pager_max_top(const struct pager *p);
void pager_clamp(struct pager *p);
/* Up, Down, PgUp, PgDn, Home and End (ACT_TOP, ACT_BOTTOM) scroll; false
 * when a is not one of them. A page is the lines shown less one. */
bool pager_action(struct pager *p, enum action a);
/* Scrolls so line sits a third of the way down, unless it is in view. */
void pager_show(struct pager *p, size_t line);
/* How far down the text is read, 0 to 100 (100 when it all fits). */
int pager_percent(const struct pager *p);
/* The first line shown as a fraction of all lines, in 1/PAGER_SCALE; and
 * the first line put back at such a fraction (rounded, clamped). */
long pager_fraction(const struct pager *p);
void pager_to_fraction(struct pager *p, long frac);

/* The place now (section 0, 0 when not laid out yet). Ask before the text
 * is laid out again, and give it to pager_relaid after. */
struct pager_place pager_place(const struct pager *p);
/* The text was laid out again: nlines lines in nsections sections for
 * width. When it was laid out before, top goes back to place; it is then
 * kept in range, and a match (line numbers changed) becomes the first
 * line in view that holds the query, or none. */
void pager_relaid(struct pager *p, size_t nlines, size_t nsections, int width,
                  struct pager_place place);

/* The first line from `from` on (dir > 0) or back (dir < 0) that holds
 * the query; -1 when none. */
long pager_find_line(const struct pager *p, size_t from, int dir);
/* Finds the query from the first line shown (again false), or on from the
 * last match (again true), going round the end once; the line found
 * becomes the match and is scrolled into view. */
enum pager_found pager_find(struct pager *p, int dir, bool again);

/* Draws the lines in view on rows y to y + vis - 1, and marks the query
 * in the match when it is in view. */
void pager_draw(const struct pager *p, int y, int x, int w);

#endif
