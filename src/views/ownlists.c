/* ownlists.c: two short lists in the person's own words, kept encrypted
 * in the vault: the support map (who is there, for what, and how to reach
 * them) and affirmations (a few of ours, and their own). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content/page.h"
#include "store/lists.h"
#include "views/editlist.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"

#define OURS_MAX 32

struct ownlist {
	enum own_list which;
	struct list_item *items;
	size_t n;
	char *ours[OURS_MAX];  /* affirmations of ours (content), not owned text */
	size_t nours;
	char *intro;
	int64_t editing;       /* 0: adding */
};

/* The rows: affirmations of ours first, then own, then "add". */
static int ownlist_load(struct ctx *c, void *own, size_t *rows)
{
	struct ownlist *s = own;
	list_items_free(s->items, s->n);
	s->items = NULL;
	s->n = 0;
	*rows = s->nours + 1;
	struct error e = {0};
	if (list_items(c->ses->vault, s->which, &s->items, &s->n, &e)) {
		view_warn(c, &e);
		return -1;
	}
	*rows = s->nours + s->n + 1;
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

static void ownlist_free(void *own)
{
	struct ownlist *s = own;
	list_items_free(s->items, s->n);
	for (size_t i = 0; i < s->nours; i++)
		free(s->ours[i]);
	free(s->intro);
}

static int ownlist_head(struct ctx *c, void *own, int y, int w)
{
	(void)c;
	struct ownlist *s = own;
	bool aff = s->which == LIST_AFFIRM;
	y += view_markdown(y, 2, w, 4, 0,
	                   aff && s->intro ? s->intro
	                                   : "The people who help, what each is good for, and how "
	                                     "to reach them. It is kept encrypted in the vault. "
	                                     "Nobody here is asked to help with everything.") +
	     1;
	return y;
}

/* Affirmations keep two rows for the headings over ours and own. */
static int ownlist_reserve(const void *own)
{
	return ((const struct ownlist *)own)->which == LIST_AFFIRM ? 2 : 0;
}

/* One line of a row, when it fits; returns the rows used. */
static int line(const struct list_row *r, int y, bool sel, enum role role, const char *text)
{
	if (y >= r->end)
		return 0;
	list_line(y, 2, r->w, sel, role, text);
	return 1;
}

static int ownlist_row(const void *own, const struct list_row *r)
{
	const struct ownlist *s = own;
	bool aff = s->which == LIST_AFFIRM;
	size_t i = r->i;
	int y = r->y;
	if (aff && r->first && i < s->nours)
		y += line(r, y, false, ROLE_HEADING, "A few of ours");
	if (aff && i == s->nours)
		y += line(r, y, false, ROLE_HEADING, "My own");
	if (i < s->nours) {
		y += line(r, y, r->sel, ROLE_NORMAL, s->ours[i]);
	} else if (i < s->nours + s->n) {
		const struct list_item *it = &s->items[i - s->nours];
		char text[600];
		if (aff)
			snprintf(text, sizeof(text), "%s", it->a);
		else
			snprintf(text, sizeof(text), "%s  ·  helps with: %s  ·  reach: %s", it->a,
			         *it->b ? it->b : "-", *it->c ? it->c : "-");
		y += line(r, y, r->sel, ROLE_STRONG, text);
	} else {
		y += line(r, y, r->sel, ROLE_MUTED, aff ? "+ Add one of my own" : "+ Add someone");
	}
	return y - r->y;
}

/* The own item on row i, or NULL (one of ours, or "add"). */
static const struct list_item *item_at(const struct ownlist *s, size_t i)
{
	return i >= s->nours && i < s->nours + s->n ? &s->items[i - s->nours] : NULL;
}

static bool ownlist_ask(void *own, size_t i, struct ask *q)
{
	struct ownlist *s = own;
	if (i < s->nours)
		return false;
	const struct list_item *it = item_at(s, i);
	bool aff = s->which == LIST_AFFIRM;
	s->editing = it ? it->id : 0;
	q->title = aff ? (it ? "Change the words" : "An affirmation of my own")
	               : (it ? "Change this person" : "Someone on my support map");
	q->label = aff ? NULL : "Name:";
	q->initial = it ? it->a : "";
	if (!aff) {
		q->more_labels[0] = "Helps with:";
		q->more_labels[1] = "How to reach:";
		q->more_initial[0] = it ? it->b : "";
		q->more_initial[1] = it ? it->c : "";
	}
	return true;
}

static int save_item(struct ctx *c, void *own, const char *const *t, struct error *e)
{
	struct ownlist *s = own;
	return s->editing ? list_update(c->ses->vault, s->editing, t[0], t[1], t[2], e)
	                  : list_add(c->ses->vault, s->which, t[0], t[1], t[2], NULL, e);
}

static bool ownlist_confirm(void *own, size_t i, struct confirm *q)
{
	struct ownlist *s = own;
	const struct list_item *it = item_at(s, i);
	if (!it)
		return false;
	s->editing = it->id;
	q->title = s->which == LIST_AFFIRM ? "Remove this affirmation?"
	                                   : "Take this person off the map?";
	q->message = "It is wiped from the vault.";
	q->yes = "Remove";
	q->no = "Keep";
	return true;
}

static int delete_item(struct ctx *c, void *own, size_t i, struct error *e)
{
	(void)i;
	return list_delete(c->ses->vault, ((struct ownlist *)own)->editing, e);
}

#define OWNLIST_OPS(var, vtitle) \
	static const struct editlist_ops var = { \
		.title = vtitle, \
		.select_edits = true, \
		.load = ownlist_load, \
		.free = ownlist_free, \
		.head = ownlist_head, \
		.reserve = ownlist_reserve, \
		.row = ownlist_row, \
		.ask = ownlist_ask, \
		.save = save_item, \
		.confirm = ownlist_confirm, \
		.remove = delete_item, \
	}

OWNLIST_OPS(affirm_list, "Affirmations");
OWNLIST_OPS(support_list, "My support map");

static int ownlist_enter(struct ctx *c, void *st, const void *arg)
{
	struct ownlist *s = editlist_own(st);
	s->which = arg == &affirm_view ? LIST_AFFIRM : LIST_SUPPORT;
	if (s->which == LIST_AFFIRM)
		load_ours(s);
	return editlist_enter(c, st, s->which == LIST_AFFIRM ? &affirm_list : &support_list);
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
		.state_size = EDITLIST_SIZE(struct ownlist), \
		.flags = VIEW_NEEDS_VAULT, \
		.hints = ownlist_hints, \
		.enter = ownlist_enter, \
		.leave = editlist_leave, \
		.draw = editlist_draw, \
		.on_action = editlist_action, \
	}

OWNLIST_VIEW(support_view, "support-map");
OWNLIST_VIEW(affirm_view, "affirmations");
