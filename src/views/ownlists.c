/* ownlists.c: two short lists in the person's own words, kept encrypted
 * in the vault: the support map (who is there, for what, and how to reach
 * them) and affirmations (a few of ours, and their own). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content/page.h"
#include "store/lists.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/menu.h"

#define OURS_MAX 32

struct ownlist {
	enum own_list which;
	struct list_item *items;
	size_t n;
	bool stale;            /* reload before drawing (a dialog changed it) */
	struct menu m;         /* affirmations: ours first, then own, then "add" */
	char *ours[OURS_MAX];  /* affirmations of ours (content), not owned text */
	size_t nours;
	char *intro;
	struct ask ask;
	struct confirm del;
	int64_t editing;       /* 0: adding */
};

static int reload(struct ctx *c, struct ownlist *s)
{
	list_items_free(s->items, s->n);
	s->items = NULL;
	s->n = 0;
	struct error e = {0};
	if (list_items(c->ses->vault, s->which, &s->items, &s->n, &e)) {
		view_warn(c, &e);
		return -1;
	}
	s->stale = false;
	s->m.n = s->nours + s->n + 1;
	if (s->m.sel >= s->m.n)
		s->m.sel = s->m.n - 1;
	return 0;
}

/* Ours: the "- " lines under "## Ours" in content/exercises/affirmations.md;
 * the text before that heading is the intro. */
static void load_ours(struct ownlist *s)
{
	const char *body;
	size_t len;
	struct page_meta pm;
	struct error e;
	if (page_load("exercises/affirmations.md", &pm, &body, &len, &e))
		return;
	page_meta_free(&pm);
	const char *ours = strstr(body, "\n## Ours");
	size_t ilen = ours ? (size_t)(ours - body) : len;
	s->intro = strndup(body, ilen);
	for (const char *p = ours; p && *p && s->nours < OURS_MAX;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n > 2 && p[0] == '-' && p[1] == ' ')
			s->ours[s->nours++] = strndup(p + 2, n - 2);
		p = nl ? nl + 1 : NULL;
	}
}

static int ownlist_enter(struct ctx *c, void *st, const void *arg)
{
	struct ownlist *s = st;
	s->which = arg == &affirm_view ? LIST_AFFIRM : LIST_SUPPORT;
	if (s->which == LIST_AFFIRM)
		load_ours(s);
	return reload(c, s);
}

static void ownlist_leave(struct ctx *c, void *st)
{
	(void)c;
	struct ownlist *s = st;
	list_items_free(s->items, s->n);
	for (size_t i = 0; i < s->nours; i++)
		free(s->ours[i]);
	free(s->intro);
}

/* One row: highlighted when chosen; returns rows used. */
static int row(int y, int w, int rows, bool sel, enum role r, const char *text)
{
	if (y >= rows)
		return 0;
	ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
	ui_puts(y, 4, w - 4, sel ? ROLE_SELECTED : r, text);
	return 1;
}

static void ownlist_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct ownlist *s = st;
	if (s->stale)
		reload(c, s);
	int w = cols - 4;
	bool aff = s->which == LIST_AFFIRM;
	int y = view_title(cols, aff ? "Affirmations" : "My support map");
	y += view_markdown(y, 2, w, 4, 0,
	                   aff && s->intro ? s->intro
	                                   : "The people who help, what each is good for, and how "
	                                     "to reach them. It is kept encrypted in the vault. "
	                                     "Nobody here is asked to help with everything.") +
	     1;
	/* Every row is one line; the menu scrolls them. */
	size_t heads = aff ? 2 : 0;
	menu_layout(&s->m, rows - y - (int)heads);
	for (size_t i = s->m.top; i < s->m.n && y < rows; i++) {
		bool sel = i == s->m.sel;
		if (aff && i == s->m.top && i < s->nours)
			y += row(y, w, rows, false, ROLE_HEADING, "A few of ours");
		if (aff && i == s->nours)
			y += row(y, w, rows, false, ROLE_HEADING, "My own");
		if (i < s->nours) {
			y += row(y, w, rows, sel, ROLE_NORMAL, s->ours[i]);
		} else if (i < s->nours + s->n) {
			const struct list_item *it = &s->items[i - s->nours];
			char line[600];
			if (aff)
				snprintf(line, sizeof(line), "%s", it->a);
			else
				snprintf(line, sizeof(line), "%s  ·  helps with: %s  ·  reach: %s", it->a,
				         *it->b ? it->b : "-", *it->c ? it->c : "-");
			y += row(y, w, rows, sel, ROLE_STRONG, line);
		} else {
			y += row(y, w, rows, sel, ROLE_MUTED,
			         aff ? "+ Add one of my own" : "+ Add someone");
		}
	}
}

static int save_item(struct ctx *c, void *data, const char *const *t, struct error *e)
{
	struct ownlist *s = data;
	int rc = s->editing ? list_update(c->ses->vault, s->editing, t[0], t[1], t[2], e)
	                    : list_add(c->ses->vault, s->which, t[0], t[1], t[2], NULL, e);
	if (rc == 0)
		s->stale = true;
	return rc;
}

static struct step delete_item(struct ctx *c, void *data)
{
	struct ownlist *s = data;
	struct error e = {0};
	if (list_delete(c->ses->vault, s->editing, &e))
		view_warn(c, &e);
	s->stale = true;
	return STEP(STEP_REDRAW);
}

static struct step ownlist_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct ownlist *s = st;
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	bool own = s->m.sel >= s->nours && s->m.sel < s->nours + s->n;
	const struct list_item *it = own ? &s->items[s->m.sel - s->nours] : NULL;
	bool aff = s->which == LIST_AFFIRM;
	if (a == ACT_REMOVE && it) {
		s->editing = it->id;
		s->del = (struct confirm){
			.title = aff ? "Remove this affirmation?" : "Take this person off the map?",
			.message = "It is wiped from the vault.",
			.yes = "Remove",
			.no = "Keep",
			.yes_is_risky = true,
			.on_yes = delete_item,
			.data = s,
		};
		return PUSH(confirm_view, &s->del);
	}
	if (a != ACT_SELECT && a != ACT_EDIT)
		return STEP(STEP_NONE);
	if (s->m.sel < s->nours)
		return STEP(STEP_NONE);
	s->editing = it ? it->id : 0;
	s->ask = (struct ask){
		.title = aff ? (it ? "Change the words" : "An affirmation of my own")
		             : (it ? "Change this person" : "Someone on my support map"),
		.label = aff ? NULL : "Name:",
		.initial = it ? it->a : "",
		.on_form = save_item,
		.data = s,
	};
	if (!aff) {
		s->ask.more_labels[0] = "Helps with:";
		s->ask.more_labels[1] = "How to reach:";
		s->ask.more_initial[0] = it ? it->b : "";
		s->ask.more_initial[1] = it ? it->c : "";
	}
	return PUSH(ask_view, &s->ask);
}

static const struct hint ownlist_hints[] = {
	{ACT_SELECT, "add or change"},
	{ACT_REMOVE, "remove"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

/* One screen for both lists: enter() tells them apart by the arg (the
 * path passes a screen's own ops as its arg). */
#define OWNLIST_VIEW(var, vname) \
	const struct view_ops var = { \
		.name = vname, \
		.state_size = sizeof(struct ownlist), \
		.flags = VIEW_NEEDS_VAULT, \
		.hints = ownlist_hints, \
		.enter = ownlist_enter, \
		.leave = ownlist_leave, \
		.draw = ownlist_draw, \
		.on_action = ownlist_action, \
	}

OWNLIST_VIEW(support_view, "support-map");
OWNLIST_VIEW(affirm_view, "affirmations");
