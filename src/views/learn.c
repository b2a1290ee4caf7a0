/* learn.c: the Learn section's list of short pages about trauma and
 * healing, in reading order, each marked when it carries a content note or
 * was started. What the Learn screens share is here too: the pages' front
 * matter, and the place the person stopped reading, kept in the vault
 * (what someone reads says something about them, so it never goes to a
 * plain file). One page is read in learnpage.c, its contents and search
 * are in learnnav.c (views/learn_int.h joins them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "store/settings.h"
#include "util/utf8.h"
#include "views/learn_int.h"
#include "widgets/list.h"
#include "widgets/menu.h"
#include "widgets/text.h"

void learn_note(struct ctx *c, enum role r, const char *msg)
{
	view_note(c, r, "%s", msg);
}

/* ---- the pages, in reading order ---- */

void learn_pages_free(struct learn_page *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		page_meta_free(&p[i].meta);
	free(p);
}

static int by_order(const void *a, const void *b)
{
	const struct learn_page *x = a, *y = b;
	if (x->meta.order != y->meta.order)
		return x->meta.order < y->meta.order ? -1 : 1;
	return strcmp(x->path, y->path);
}

static bool is_markdown(const char *path)
{
	size_t n = strlen(path);
	return n > 3 && strcmp(path + n - 3, ".md") == 0;
}

long learn_pages_load(struct learn_page **out, struct error *bad)
{
	*out = NULL;
	size_t total = content_list("learn/", NULL, 0);
	if (!total)
		return 0;
	const char **paths = calloc(total, sizeof(*paths));
	struct learn_page *p = calloc(total, sizeof(*p));
	if (!paths || !p) {
		free(paths);
		free(p);
		return -1;
	}
	size_t got = content_list("learn/", paths, total);
	if (got > total)
		got = total;
	size_t n = 0;
	for (size_t i = 0; i < got; i++) {
		if (!paths[i] || !is_markdown(paths[i]))
			continue;
		struct error e = {0};
		if (page_load(paths[i], &p[n].meta, NULL, NULL, &e) != 0) {
			page_meta_free(&p[n].meta);
			if (bad && !bad->msg[0])
				*bad = e;
			continue;
		}
		p[n++].path = paths[i];
	}
	free(paths);
	qsort(p, n, sizeof(*p), by_order);
	*out = p;
	return (long)n;
}

/* ---- the reading place, kept in the vault ---- */

void learn_pos_key(char *key, size_t size, const char *id)
{
	snprintf(key, size, "learn.pos.%s", id);
}

long learn_pos_load(struct vault *v, const char *id)
{
	if (!v || !id)
		return -1;
	char key[128], val[32];
	struct error e = {0};
	learn_pos_key(key, sizeof(key), id);
	if (settings_get(v, key, val, sizeof(val), &e) != 1)
		return -1;
	char *end;
	long bp = strtol(val, &end, 10);
	if (end == val || *end || bp < 0)
		return -1;
	return bp > POS_SCALE ? POS_SCALE : bp;
}

/* ==== the list ==== */

struct list_state {
	struct learn_page *pages;
	bool *started;
	size_t n;
	struct menu m;
	bool stale; /* a page was opened: read the "started" marks again */
};

static void list_marks(struct ctx *c, struct list_state *st)
{
	for (size_t i = 0; i < st->n; i++)
		st->started[i] = learn_pos_load(c->ses->vault, st->pages[i].meta.id) > 0;
}

static int list_enter(struct ctx *c, void *vs, const void *arg)
{
	struct list_state *st = vs;
	(void)arg;
	struct error bad = {0};
	long n = learn_pages_load(&st->pages, &bad);
	if (n < 0) {
		learn_note(c, ROLE_WARN, "There was not enough memory to open Learn.");
		return -1;
	}
	st->n = (size_t)n;
	st->started = calloc(st->n ? st->n : 1, sizeof(*st->started));
	if (!st->started) {
		learn_note(c, ROLE_WARN, "There was not enough memory to open Learn.");
		return -1;
	}
	st->m.n = st->n;
	list_marks(c, st);
	if (bad.msg[0])
		learn_note(c, ROLE_WARN, bad.msg);
	return 0;
}

static void list_leave(struct ctx *c, void *vs)
{
	struct list_state *st = vs;
	(void)c;
	learn_pages_free(st->pages, st->n);
	free(st->started);
	st->pages = NULL;
	st->started = NULL;
	st->n = 0;
}

static const char list_intro[] =
    "Short pages on trauma and healing, to read in any order, at your own pace.";
static const char mark_note[] = "content note";
static const char mark_started[] = "started";

static void list_item(const struct list_state *st, size_t i, bool sel, int y, int cols,
                      int sumlines)
{
	const struct page_meta *m = &st->pages[i].meta;
	int right = cols - 2;
	list_fill(y, 0, cols, sel);
	if (m->content_note) {
		int w = (int)utf8_width(mark_note, strlen(mark_note));
		right -= w;
		ui_puts(y, right, w, ROLE_WARN, mark_note);
		right -= 2;
	}
	if (st->started[i]) {
		int w = (int)utf8_width(mark_started, strlen(mark_started));
		right -= w;
		ui_puts(y, right, w, list_role(sel, ROLE_GOOD), mark_started);
		right -= 2;
	}
	text_put_cut(y, 2, right - 2, list_role(sel, ROLE_TITLE), m->title);
	if (m->summary && m->summary[0])
		text_put_wrapped(true, y + 1, 4, cols - 6, sumlines, ROLE_MUTED, m->summary);
}

static int list_item_rows(const struct list_state *st, size_t i, int cols)
{
	const char *s = st->pages[i].meta.summary;
	return 2 + (s ? text_put_wrapped(false, 0, 0, cols - 6, 2, ROLE_MUTED, s) : 0);
}

static void list_draw(struct ctx *c, void *vs, int rows, int cols)
{
	struct list_state *st = vs;
	if (st->stale) {
		list_marks(c, st);
		st->stale = false;
	}
	int y = view_title(cols, "Learn");
	y += text_put_wrapped(true, y, 2, cols - 4, 2, ROLE_MUTED, list_intro) + 1;
	if (!st->n) {
		ui_puts(y, 2, cols - 4, ROLE_MUTED, "No pages were found.");
		return;
	}
	/* An item is its title, one or two lines of summary, and a gap. The
	 * first item shown moves only as far as it must to show the selection. */
	int room = rows - y;
	struct menu *m = &st->m;
	if (m->sel >= st->n)
		m->sel = st->n - 1;
	if (m->top > m->sel)
		m->top = m->sel;
	for (;;) {
		int used = 0;
		for (size_t i = m->top; i <= m->sel; i++)
			used += list_item_rows(st, i, cols);
		if (used - 1 <= room || m->top == m->sel)
			break;
		m->top++;
	}
	int shown = 0;
	for (size_t i = m->top; i < st->n; i++) {
		int h = list_item_rows(st, i, cols);
		if (shown && y + h - 1 > rows)
			break;
		list_item(st, i, i == m->sel, y, cols, h - 2);
		y += h;
		shown++;
	}
	m->rows = shown;
	char pos[32];
	snprintf(pos, sizeof(pos), "%zu of %zu", st->m.sel + 1, st->n);
	int pw = (int)strlen(pos);
	ui_puts(0, cols - 2 - pw, pw, ROLE_MUTED, pos);
}

static struct step list_action(struct ctx *c, void *vs, enum action a)
{
	struct list_state *st = vs;
	(void)c;
	if (menu_action(&st->m, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_SELECT:
		if (!st->n)
			return STEP(STEP_NONE);
		st->stale = true;
		return PUSH(learn_page_view, st->pages[st->m.sel].path);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint list_hints[] = {
	{ACT_SELECT, "read"},
	{ACT_BACK, "back"},
	{ACT_HELP, "keys"},
	{ACT_NONE, NULL},
};

const struct view_ops learn_list_view = {
	.name = "learn",
	.state_size = sizeof(struct list_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = list_hints,
	.enter = list_enter,
	.leave = list_leave,
	.draw = list_draw,
	.on_action = list_action,
};
