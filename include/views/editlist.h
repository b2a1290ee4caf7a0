/* editlist.h: one screen for a short list the person keeps (kinds of
 * trigger, coping tools, tags, the support map, affirmations). The screen
 * scrolls and paints its rows with widgets/list and turns the keys into
 * questions: the edit key asks for words (struct ask), the remove key asks
 * to be sure (struct confirm), Enter does what the list says. What differs
 * between the lists is a small const table of callbacks, each given the
 * list's own state ("own"), which lives in the view's state after struct
 * editlist. A list is a view_ops with .state_size = EDITLIST_SIZE(own
 * type), its own .enter calling editlist_enter, and the editlist_ callbacks
 * for the rest. */
#ifndef TEND_VIEWS_EDITLIST_H
#define TEND_VIEWS_EDITLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "views/view.h"
#include "widgets/list.h"

struct editlist_ops {
	const char *title;
	int max_width;        /* widest the rows are drawn; 0: the window less its margins */
	int item_rows;        /* screen rows one item takes (1 when 0) */
	bool follows_journal; /* reloads when c->journal_gen moves */
	bool select_edits;    /* Enter asks, like the edit key */
	/* Reads the items again and sets *rows to how many rows the list has.
	 * A failure is the callback's to show; returning -1 for it keeps the
	 * screen from opening. */
	int (*load)(struct ctx *c, void *own, size_t *rows);
	void (*free)(void *own);
	/* Optional: draws what goes between the title and the rows from row y,
	 * w wide, and returns the row the list starts on; -1: no list. */
	int (*head)(struct ctx *c, void *own, int y, int w);
	/* Optional: rows the list keeps for headings its rows draw. */
	int (*reserve)(const void *own);
	/* Draws one row (x is 2, w the list's width); returns the rows used. */
	int (*row)(const void *own, const struct list_row *r);
	/* Optional: what Enter on row i does (when not select_edits). */
	struct step (*select)(struct ctx *c, void *own, size_t i);
	/* Optional: fills the question for the edit key on row i (titles,
	 * labels, what is already there); false: nothing to ask here. */
	bool (*ask)(void *own, size_t i, struct ask *q);
	/* Keeps what was typed (the first line, and a form's further lines);
	 * -1 with e filled keeps the question open. The list reloads after. */
	int (*save)(struct ctx *c, void *own, const char *const *texts, struct error *e);
	/* Optional: fills the question for the remove key on row i (its words);
	 * false: row i cannot be removed. */
	bool (*confirm)(void *own, size_t i, struct confirm *q);
	/* Removes row i once confirmed; a failure is shown as a warning. The
	 * list reloads after. */
	int (*remove)(struct ctx *c, void *own, size_t i, struct error *e);
};

struct editlist {
	const struct editlist_ops *ops;
	struct menu m;
	struct ask ask;
	struct confirm confirm;
	unsigned gen; /* c->journal_gen when last loaded */
	_Alignas(max_align_t) unsigned char own[];
};

#define EDITLIST_SIZE(own_type) (sizeof(struct editlist) + sizeof(own_type))

/* Starts list st with ops and loads it; returns what the load did. */
int editlist_enter(struct ctx *c, void *st, const struct editlist_ops *ops);
/* The list's own state. */
void *editlist_own(void *st);
/* Reads the items again (after a change made from elsewhere). */
int editlist_reload(struct ctx *c, void *st);
void editlist_leave(struct ctx *c, void *st);
void editlist_draw(struct ctx *c, void *st, int rows, int cols);
struct step editlist_action(struct ctx *c, void *st, enum action a);

#endif
