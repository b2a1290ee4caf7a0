/* crisis.c: crisis lines for the chosen region, the emergency number, and
 * a short grounding prompt. Reachable from every screen, locked or not,
 * and drawn at any window size. */
#include <stdio.h>
#include <string.h>

#include "content/crisis.h"
#include "content/embed.h"
#include "content/page.h"
#include "store/safety.h"
#include "util/buf.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"

struct crisis {
	struct buf md;
	char region[8];
	int top, total, rows;
	bool plan; /* the person's safety plan goes on the page too */
};

const char crisis_with_plan[] = "with the safety plan";

/* Words kept as plain text, line by line, so that nothing in them is read
 * as markup. */
static void add_plain(struct buf *b, const char *text)
{
	for (const char *l = text; *l;) {
		size_t n = strcspn(l, "\n");
		if (n)
			buf_printf(b, "    %.*s\n", (int)n, l);
		else
			buf_puts(b, "\n");
		l += n + (l[n] == '\n');
	}
	buf_puts(b, "\n");
}

/* The person's own safety plan from the open vault: each part they wrote,
 * under its heading. */
static void add_plan(struct buf *b, struct ctx *c)
{
	char text[1024];
	struct error e = {0};
	bool any = false;
	buf_printf(b, "## Your safety plan\n\n");
	for (int p = 0; p < SP_COUNT; p++) {
		if (safety_get(c->ses->vault, (enum safety_part)p, text, sizeof(text), &e) || !text[0])
			continue;
		buf_printf(b, "**%s**\n\n", safety_title((enum safety_part)p));
		add_plain(b, text);
		any = true;
	}
	mem_wipe(text, sizeof(text));
	if (!any)
		buf_printf(b, "Nothing is written in it yet. Press **%s** to start it, when you are "
		              "ready.\n\n",
		           keymap_label(ACT_SAFETY, false));
}

static void add_lines(struct buf *b, const struct crisis_data *d, const char *region)
{
	for (size_t i = 0; i < d->nlines; i++) {
		const struct crisis_line *l = &d->lines[i];
		if (strcmp(l->region, region) != 0)
			continue;
		buf_printf(b, "**%s**  \n%s · %s · %s  \n", l->service, l->contact, crisis_how_text(l->how),
		           l->hours);
		if (*l->note)
			buf_printf(b, "%s  \n", l->note);
		buf_printf(b, "*number checked %s*\n\n", l->verified);
	}
}

static void build(struct crisis *cr, struct ctx *c)
{
	struct crisis_data d;
	struct error e;
	buf_clear(&cr->md);
	snprintf(cr->region, sizeof(cr->region), "%s", c->ses->region);
	if (crisis_load(&d, &e)) {
		buf_printf(&cr->md, "**If you are in danger, call your local emergency number now.**\n\n"
		                    "(The list of crisis lines could not be read: %s)\n",
		           e.msg);
		if (cr->plan && c->ses->vault)
			add_plan(&cr->md, c);
		return;
	}
	const struct crisis_region *r = crisis_region(&d, c->ses->region);
	if (!r)
		r = crisis_region(&d, crisis_guess_region(&d, NULL));
	const char *emergency = r ? r->emergency : "your local emergency number";
	buf_printf(&cr->md,
	           "**If you are in danger, or might act on thoughts of harming yourself, "
	           "call %s now.**\n\n",
	           emergency);
	bool plan = cr->plan && c->ses->vault;
	if (plan)
		buf_printf(&cr->md, "Your safety plan is on this page too, under the crisis lines "
		                    "(**%s** to scroll).\n\n",
		           keymap_label(ACT_PGDN, false));
	if (r) {
		char head[160];
		crisis_heading(r, head, sizeof(head));
		buf_printf(&cr->md,
		           "## %s\n\nPress **%s** to choose another region, **%s** for your "
		           "safety plan, **%s** for paced breathing.\n\n",
		           head, keymap_label(ACT_REGION, false), keymap_label(ACT_SAFETY, false),
		           keymap_label(ACT_BREATHE, false));
		add_lines(&cr->md, &d, r->code);
	}
	if (plan)
		add_plan(&cr->md, c);
	if (r) {
		if (strcmp(r->countries, "*") != 0) {
			const char *intl = crisis_guess_region(&d, NULL);
			buf_printf(&cr->md, "## Anywhere else\n\n");
			add_lines(&cr->md, &d, intl);
		}
	}
	crisis_free(&d);
	/* Locked, the readable copy of the safety plan (when the person chose
	 * to keep one) is the plan they can reach. */
	if (!c->ses->vault && c->set->data_dir) {
		struct buf copy = BUF_INIT;
		int missing = 0;
		struct error ce = {0};
		if (safety_copy_read(c->set->data_dir, &copy, &missing, &ce) == 0) {
			buf_puts(&cr->md, "## Your safety plan (the copy you keep readable)\n\n");
			add_plain(&cr->md, buf_str(&copy));
		}
		if (copy.data)
			mem_wipe(copy.data, copy.cap);
		buf_free(&copy);
	}
	struct page_meta m;
	const char *body;
	size_t len;
	if (page_load("crisis/grounding.md", &m, &body, &len, &e) == 0) {
		buf_append(&cr->md, body, len);
		buf_puts(&cr->md, "\n\n");
		page_meta_free(&m);
	}
	buf_puts(&cr->md, "*tend is a self-help tool. It cannot call anyone for you or answer "
	                  "in an emergency.*\n");
}

static int crisis_enter(struct ctx *c, void *st, const void *arg)
{
	struct crisis *cr = st;
	cr->plan = arg == crisis_with_plan;
	build(st, c);
	return 0;
}

static void crisis_leave(struct ctx *c, void *st)
{
	(void)c;
	struct crisis *cr = st;
	if (cr->md.data) /* it may hold the readable copy of the safety plan */
		mem_wipe(cr->md.data, cr->md.cap);
	buf_free(&cr->md);
}

static void crisis_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct crisis *cr = st;
	if (strcmp(cr->region, c->ses->region) != 0)
		build(cr, c);
	ui_fill(0, 0, cols, ROLE_CRISIS);
	ui_puts(0, 2, cols - 4, ROLE_CRISIS,
	        cols >= 60 ? "Crisis help: you do not have to go through this alone" : "Crisis help");
	int w = cols - 4 > 100 ? 100 : cols - 4;
	cr->rows = rows - 2;
	cr->total = view_markdown(2, 2, w, cr->rows, cr->top, buf_str(&cr->md));
	if (cr->top > cr->total - 1)
		cr->top = cr->total > 0 ? cr->total - 1 : 0;
}

static struct step crisis_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct crisis *cr = st;
	int page = cr->rows > 2 ? cr->rows - 1 : 1;
	int max = cr->total - cr->rows > 0 ? cr->total - cr->rows : 0;
	switch (a) {
	case ACT_DOWN:
		cr->top = cr->top < max ? cr->top + 1 : max;
		return STEP(STEP_REDRAW);
	case ACT_UP:
		cr->top = cr->top > 0 ? cr->top - 1 : 0;
		return STEP(STEP_REDRAW);
	case ACT_PGDN:
		cr->top = cr->top + page < max ? cr->top + page : max;
		return STEP(STEP_REDRAW);
	case ACT_PGUP:
		cr->top = cr->top > page ? cr->top - page : 0;
		return STEP(STEP_REDRAW);
	case ACT_TOP:
		cr->top = 0;
		return STEP(STEP_REDRAW);
	case ACT_BOTTOM:
		cr->top = max;
		return STEP(STEP_REDRAW);
	case ACT_REGION:
		return PUSH(region_view, NULL);
	case ACT_SAFETY:
		return PUSH(safety_view, NULL);
	case ACT_BREATHE:
		return PUSH(breathe_view, NULL);
	case ACT_BACK:
	case ACT_SELECT:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint crisis_hints[] = {
	{ACT_SAFETY, "safety plan"},
	{ACT_BREATHE, "breathe"},
	{ACT_REGION, "region"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops crisis_view = {
	.name = "crisis",
	.state_size = sizeof(struct crisis),
	.flags = VIEW_ANY_SIZE,
	.hints = crisis_hints,
	.enter = crisis_enter,
	.leave = crisis_leave,
	.draw = crisis_draw,
	.on_action = crisis_action,
};

/* ---- choosing a region ---------------------------------------------------- */

struct region {
	struct crisis_data d;
	struct menu m;
};

static int region_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct region *r = st;
	struct error e;
	if (crisis_load(&r->d, &e)) {
		view_note(c, ROLE_WARN, "%s", "The list of regions could not be read.");
		return -1;
	}
	r->m.n = r->d.nregions;
	for (size_t i = 0; i < r->d.nregions; i++)
		if (strcmp(r->d.regions[i].code, c->ses->region) == 0)
			r->m.sel = i;
	return 0;
}

static void region_leave(struct ctx *c, void *st)
{
	(void)c;
	struct region *r = st;
	crisis_free(&r->d);
}

int view_region_row(const void *data, const struct list_row *r)
{
	const struct region_rows *d = data;
	const struct crisis_region *g = &d->d->regions[r->i];
	char line[160];
	snprintf(line, sizeof(line), "%s%s", g->name, strcmp(g->code, d->current) == 0 ? d->mark : "");
	list_line(r->y, r->x, r->w, r->sel, ROLE_NORMAL, line);
	return 1;
}

static void region_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct region *r = st;
	int y = view_title(cols, "Where are you? Crisis lines differ by country.");
	struct region_rows d = {&r->d, c->ses->region, "  (chosen now)"};
	menu_draw(&r->m, (struct list_area){.y = y, .end = rows - 1, .x = 2, .w = cols - 4},
	          view_region_row, &d);
}

static struct step region_action(struct ctx *c, void *st, enum action a)
{
	struct region *r = st;
	if (menu_action(&r->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_SELECT && r->m.n) {
		view_set_region(c, r->d.regions[r->m.sel].code);
		return STEP(STEP_POP);
	}
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	return STEP(STEP_NONE);
}

static const struct hint region_hints[] = {
	{ACT_SELECT, "choose"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops region_view = {
	.name = "region",
	.state_size = sizeof(struct region),
	.flags = VIEW_ANY_SIZE,
	.hints = region_hints,
	.enter = region_enter,
	.leave = region_leave,
	.draw = region_draw,
	.on_action = region_action,
};
