/* help.c: the keys that matter on the screen below, then the ones that
 * work everywhere, drawn from the action table so it cannot go stale. */
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/pager.h"

struct help {
	const struct view_ops *under;
	struct buf md;
	struct pager pg; /* the Markdown's lines, counted as it is drawn */
};

/* On a screen that takes text, a letter or other character key types
 * itself: only the keys that still act are listed there (none: the action
 * is left out). */
static void add(struct buf *b, enum action a, const char *label, bool text)
{
	char keys[64];
	keymap_keys_for(a, text, keys, sizeof(keys));
	if (!keys[0])
		return;
	buf_printf(b, "- **%s**: %s\n", keys, label ? label : action_help(a));
}

static const enum action everywhere[] = {ACT_CRISIS, ACT_HELP, ACT_BACK, ACT_LOCK, ACT_HIDE,
                                         ACT_QUIT};
static const enum action moving[] = {ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_TOP, ACT_BOTTOM};
static const enum action writing[] = {
	ACT_SAVE, ACT_NEXT_FIELD, ACT_WORD_LEFT, ACT_WORD_RIGHT, ACT_PARA_UP, ACT_PARA_DOWN,
	ACT_LINE_START, ACT_LINE_END, ACT_SEL_LEFT, ACT_MARK, ACT_SELECT_ALL, ACT_CUT, ACT_COPY,
	ACT_PASTE, ACT_DELETE_WORD, ACT_KILL_TO_END, ACT_KILL_LINE, ACT_UNDO, ACT_REDO,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int help_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	struct help *h = st;
	h->under = arg;
	pager_init(&h->pg, NULL, NULL);
	const struct view_ops *u = h->under;
	bool text = u && (u->flags & VIEW_TAKES_TEXT);
	if (u && u->hints && u->hints[0].a != ACT_NONE) {
		buf_puts(&h->md, "## On this screen\n\n");
		for (const struct hint *hi = u->hints; hi->a != ACT_NONE; hi++)
			add(&h->md, hi->a, hi->label, text);
		buf_puts(&h->md, "\n");
	}
	buf_puts(&h->md, "## Everywhere\n\n");
	for (size_t i = 0; i < N(everywhere); i++)
		add(&h->md, everywhere[i], NULL, text);
	if (u == &write_view) {
		buf_puts(&h->md, "\n## While writing\n\n");
		for (size_t i = 0; i < N(writing); i++)
			add(&h->md, writing[i], NULL, text);
	} else if (!text) {
		buf_puts(&h->md, "\n## Moving\n\n");
		for (size_t i = 0; i < N(moving); i++)
			add(&h->md, moving[i], NULL, text);
	}
	return h->md.data ? 0 : -1;
}

static void help_leave(struct ctx *c, void *st)
{
	(void)c;
	buf_free(&((struct help *)st)->md);
}

static void help_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct help *h = st;
	/* The whole screen, so nothing below shows through. */
	for (int y = 0; y < rows; y++)
		ui_fill(y, 0, cols, ROLE_NORMAL);
	int x, w;
	view_reading_box(c, cols, 90, &x, &w);
	ui_puts(0, x, w, ROLE_TITLE, "Keys");
	h->pg.vis = rows - 2;
	int total = view_markdown_flags(2, x, w, h->pg.vis, (int)h->pg.top, buf_str(&h->md), c->set->wide);
	h->pg.nlines = total > 0 ? (size_t)total : 0;
}

static struct step help_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct help *h = st;
	/* Any other key closes the screen, Home and End too. */
	switch (a) {
	case ACT_DOWN:
	case ACT_PGDN:
	case ACT_UP:
	case ACT_PGUP:
		pager_action(&h->pg, a);
		return STEP(STEP_REDRAW);
	default:
		return STEP(STEP_POP);
	}
}

static const struct hint help_hints[] = {
	{ACT_BACK, "close"},
	{ACT_NONE, NULL},
};

const struct view_ops help_view = {
	.name = "help",
	.state_size = sizeof(struct help),
	.flags = VIEW_OVERLAY,
	.hints = help_hints,
	.enter = help_enter,
	.leave = help_leave,
	.draw = help_draw,
	.on_action = help_action,
};
