/* learnnav.c: finding one's way in a Learn page: the table of contents
 * and the search prompt. Each is a small overlay view of its own, given the
 * page's state as its argument: a view's flags are const, and the prompt
 * must take text while the page must not. */
#include <string.h>

#include "util/utf8.h"
#include "views/learn_int.h"
#include "widgets/list.h"
#include "widgets/field.h"
#include "widgets/menu.h"
#include "widgets/text.h"

/* ==== the table of contents (over the page) ==== */

struct toc_state {
	const struct learn_page_state *page;
	struct menu m;
};

/* Heading i over the page then the tail; *line gets its line. */
static const struct layout_heading *toc_at(const struct learn_page_state *p, size_t i,
                                           size_t *line)
{
	size_t nh = p->lay->nheadings;
	if (i < nh) {
		*line = p->lay->headings[i].line;
		return &p->lay->headings[i];
	}
	*line = learn_tail_start(p) + p->tail->headings[i - nh].line;
	return &p->tail->headings[i - nh];
}

static int toc_enter(struct ctx *c, void *vs, const void *arg)
{
	struct toc_state *st = vs;
	st->page = arg;
	const struct learn_page_state *p = st->page;
	if (!p || !p->lay || !p->tail)
		return -1;
	st->m.n = p->lay->nheadings + p->tail->nheadings;
	if (!st->m.n) {
		learn_note(c, ROLE_MUTED, "This page has no headings to jump to.");
		return -1;
	}
	/* Start on the section being read. */
	for (size_t i = 0; i < st->m.n; i++) {
		size_t line;
		toc_at(p, i, &line);
		if (line <= p->pg.top)
			st->m.sel = i;
	}
	return 0;
}

static void toc_draw(struct ctx *c, void *vs, int rows, int cols)
{
	struct toc_state *st = vs;
	const struct learn_page_state *p = st->page;
	(void)c;
	if (!p->lay || !p->tail)
		return;
	int pw = cols - 8 < 56 ? cols - 8 : 56;
	int x0 = (cols - pw) / 2, y0 = 2;
	int inner = (int)st->m.n < rows - y0 - 3 ? (int)st->m.n : rows - y0 - 3;
	if (inner < 1)
		inner = 1;
	int ph = inner + 2;
	for (int r = 0; r < ph; r++) {
		ui_fill(y0 + r, x0, pw, ROLE_NORMAL);
		const char *edge = r == 0 ? "┌" : r == ph - 1 ? "└" : "│";
		const char *edge2 = r == 0 ? "┐" : r == ph - 1 ? "┘" : "│";
		ui_puts(y0 + r, x0, 1, ROLE_MUTED, edge);
		ui_puts(y0 + r, x0 + pw - 1, 1, ROLE_MUTED, edge2);
		if (r == 0 || r == ph - 1)
			for (int k = 1; k < pw - 1; k++)
				ui_puts(y0 + r, x0 + k, 1, ROLE_MUTED, "─");
	}
	ui_puts(y0, x0 + 2, pw - 4, ROLE_TITLE, " Contents ");
	menu_layout(&st->m, inner);
	for (int r = 0; r < st->m.rows && st->m.top + (size_t)r < st->m.n; r++) {
		size_t i = st->m.top + (size_t)r, line;
		const struct layout_heading *h = toc_at(p, i, &line);
		bool sel = i == st->m.sel;
		int y = y0 + 1 + r;
		list_fill(y, x0 + 1, pw - 2, sel);
		int indent = 2 * (h->level > 1 ? (h->level > 3 ? 2 : h->level - 1) : 0);
		text_put_cut(y, x0 + 2 + indent, pw - 4 - indent, list_role(sel, ROLE_NORMAL), h->text);
	}
	if (st->m.top > 0)
		ui_puts(y0, x0 + pw - 4, 1, ROLE_MUTED, "↑");
	if (st->m.top + (size_t)st->m.rows < st->m.n)
		ui_puts(y0 + ph - 1, x0 + pw - 4, 1, ROLE_MUTED, "↓");
}

static struct step toc_action(struct ctx *c, void *vs, enum action a)
{
	struct toc_state *st = vs;
	(void)c;
	if (menu_action(&st->m, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_SELECT: {
		size_t line;
		toc_at(st->page, st->m.sel, &line);
		return POP_WITH(.kind = RESULT_LINE, .id = (int64_t)line);
	}
	case ACT_BACK:
	case ACT_CONTENTS:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint toc_hints[] = {
	{ACT_SELECT, "go there"},
	{ACT_BACK, "close"},
	{ACT_NONE, NULL},
};

const struct view_ops learn_toc_view = {
	.name = "learn-contents",
	.state_size = sizeof(struct toc_state),
	.flags = VIEW_OVERLAY | VIEW_NEEDS_VAULT,
	.hints = toc_hints,
	.enter = toc_enter,
	.draw = toc_draw,
	.on_action = toc_action,
};

/* ==== the search prompt (the bottom row of the page) ==== */

struct find_state {
	const struct learn_page_state *page;
	struct field f;
};

static int find_enter(struct ctx *c, void *vs, const void *arg)
{
	struct find_state *st = vs;
	st->page = arg;
	if (!st->page)
		return -1;
	if (field_init(&st->f, false, NULL, NULL) != 0 ||
	    field_insert(&st->f, st->page->pg.query, strlen(st->page->pg.query)) != 0) {
		learn_note(c, ROLE_WARN, "There was not enough memory to search.");
		return -1;
	}
	return 0;
}

static void find_leave(struct ctx *c, void *vs)
{
	struct find_state *st = vs;
	(void)c;
	field_free(&st->f);
}

static const char find_label[] = "Find on this page: ";

static void find_draw(struct ctx *c, void *vs, int rows, int cols)
{
	struct find_state *st = vs;
	(void)c;
	int y = rows - 1;
	ui_fill(y, 0, cols, ROLE_NORMAL);
	int lw = ui_puts(y, 2, cols - 4, ROLE_KEY, find_label);
	field_draw(&st->f, y, 2 + lw, cols - 4 - lw, ROLE_NORMAL);
}

static struct step find_text(struct ctx *c, void *vs, const char *text, size_t len)
{
	struct find_state *st = vs;
	if (field_insert(&st->f, text, len) != 0)
		learn_note(c, ROLE_WARN, "There was not enough memory for that text.");
	return STEP(STEP_REDRAW);
}

static struct step find_action(struct ctx *c, void *vs, enum action a)
{
	struct find_state *st = vs;
	(void)c;
	if (field_action(&st->f, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_SELECT:
		return POP_WITH(.kind = RESULT_TEXT, .text = st->f.buf, .len = st->f.len);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint find_hints[] = {
	{ACT_SELECT, "find"},
	{ACT_BACK, "cancel"},
	{ACT_NONE, NULL},
};

const struct view_ops learn_find_view = {
	.name = "learn-search",
	.state_size = sizeof(struct find_state),
	.flags = VIEW_TAKES_TEXT | VIEW_OVERLAY | VIEW_NEEDS_VAULT,
	.hints = find_hints,
	.enter = find_enter,
	.leave = find_leave,
	.draw = find_draw,
	.on_text = find_text,
	.on_action = find_action,
};
