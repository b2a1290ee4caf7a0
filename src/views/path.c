/* path.c: the healing path: ten strategy modules grouped by the phase they
 * mostly belong to, each with a status the person sets (never a score),
 * its page, and reflection prompts that open the journal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/page.h"
#include "io/healpath.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"

#define MAX_MODULES HEALPATH_MAX

/* Exercises with a screen of their own, by their front-matter id; any
 * other id is a guided exercise (content/exercises/<id>.md). */
static const struct {
	const char *id, *title;
	const struct view_ops *view;
} own_screens[] = {
	{"paced-breathing", "Paced breathing", &breathe_view},
	{"support-map", "Support map", &support_view},
	{"affirmations", "Affirmations", &affirm_view},
};

const struct view_ops *view_for_exercise(const char *id, const char **title)
{
	for (size_t k = 0; k < sizeof(own_screens) / sizeof(own_screens[0]); k++)
		if (strcmp(id, own_screens[k].id) == 0) {
			if (title)
				*title = own_screens[k].title;
			return own_screens[k].view;
		}
	return NULL;
}

struct step view_open_exercise(enum step_kind kind, const char *id)
{
	const struct view_ops *own = view_for_exercise(id, NULL);
	/* Own screens get their ops as arg, as the path gives them. */
	return (struct step){.kind = kind, .view = own ? own : &guided_view,
	                     .arg = own ? (const void *)own : (const void *)id};
}

struct offer {
	const char *id; /* lives as long as the module's page_meta */
	char title[80];
	const struct view_ops *view;
};

struct module {
	struct offer ex[4];
	size_t nex;
};

/* The module's exercises that exist; a missing one is left out. */
static void find_exercises(const struct healpath_module *h, struct module *m)
{
	m->nex = 0;
	for (size_t i = 0; i < h->m.nexercises && m->nex < sizeof(m->ex) / sizeof(m->ex[0]); i++) {
		struct offer *o = &m->ex[m->nex];
		o->id = h->m.exercises[i];
		const char *title;
		o->view = view_for_exercise(o->id, &title);
		if (o->view) {
			snprintf(o->title, sizeof(o->title), "%s", title);
		} else {
			char path[160];
			struct page_meta pm;
			struct error e;
			snprintf(path, sizeof(path), "exercises/%s.md", o->id);
			if (page_load(path, &pm, NULL, NULL, &e))
				continue; /* no such exercise (yet) */
			snprintf(o->title, sizeof(o->title), "%s", pm.title);
			page_meta_free(&pm);
			o->view = &guided_view;
		}
		m->nex++;
	}
	/* Where homework from a therapist comes in, when there is none yet. */
	if (strcmp(h->m.id, "therapy") == 0 && m->nex < sizeof(m->ex) / sizeof(m->ex[0])) {
		struct offer *o = &m->ex[m->nex++];
		o->id = h->m.id;
		o->view = &hwimport_view;
		snprintf(o->title, sizeof(o->title), "%s", "Add homework from my therapist");
	}
}

struct path_state {
	struct healpath_module hp[MAX_MODULES]; /* in phase order */
	struct module mod[MAX_MODULES];
	size_t n;
	struct menu menu;
	/* one module open */
	bool open;
	struct menu items; /* read, each prompt, status */
	struct write_req req;
	char err[512];
};

static int path_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct path_state *s = st;
	struct error e = {0};
	s->n = healpath_load(c->ses->vault, s->hp, MAX_MODULES, &e);
	if (e.msg[0])
		snprintf(s->err, sizeof(s->err), "%s", e.msg);
	for (size_t i = 0; i < s->n; i++)
		find_exercises(&s->hp[i], &s->mod[i]);
	s->menu.n = s->n;
	return s->n ? 0 : -1;
}

static void path_leave(struct ctx *c, void *st)
{
	(void)c;
	struct path_state *s = st;
	healpath_free(s->hp, s->n);
}

static struct module *selected(struct path_state *s)
{
	return &s->mod[s->menu.sel];
}

static struct healpath_module *selected_hp(struct path_state *s)
{
	return &s->hp[s->menu.sel];
}

/* A module, under its phase's heading when it is the first shown of that
 * phase. */
static int module_row(const void *data, const struct list_row *r)
{
	const struct path_state *s = data;
	const struct healpath_module *m = &s->hp[r->i];
	int y = r->y, w = r->w;
	if (r->first || m->phase != s->hp[r->i - 1].phase) {
		if (y + 1 >= r->end)
			return 0;
		ui_puts(y++, 2, w, ROLE_HEADING, healpath_phase_title(m->phase));
	}
	list_fill(y, 2, w, r->sel);
	ui_puts(y, 4, w - 20, list_role(r->sel, ROLE_NORMAL), m->m.title);
	ui_puts(y, w - 14, 16, list_role(r->sel, m->status ? ROLE_GOOD : ROLE_MUTED),
	        healpath_status(m->status));
	return y + 1 - r->y;
}

static void draw_overview(struct path_state *s, int rows, int cols)
{
	int y = view_title(cols, "The healing path");
	int w = cols - 4;
	y += view_markdown(y, 2, w, 3, 0,
	                   "Ten ways of working on healing. Many people begin with the steadying "
	                   "ones; any module can be opened at any time, in any order.");
	y++;
	menu_draw(&s->menu, (struct list_area){.y = y, .end = rows, .x = 2, .w = w, .reserve = 3},
	          module_row, s);
	if (s->err[0])
		ui_puts(rows - 1, 2, w, ROLE_WARN, s->err);
}

/* A row of an open module: read, where I am, exercises, then prompts to
 * write to (Markdown, up to two lines, marked when chosen). */
static int item_row(const void *data, const struct list_row *r)
{
	const struct path_state *s = data;
	const struct module *m = &s->mod[s->menu.sel];
	const struct healpath_module *h = &s->hp[s->menu.sel];
	size_t i = r->i, first_prompt = 2 + m->nex;
	int y = r->y, w = r->w, rows = r->end;
	char line[600];
	if (i == 0)
		snprintf(line, sizeof(line), "Read about it");
	else if (i == 1)
		snprintf(line, sizeof(line), "Where I am with it: %s (%s changes it)",
		         healpath_status(h->status), keymap_label(ACT_SELECT, false));
	else if (i < first_prompt)
		snprintf(line, sizeof(line), m->ex[i - 2].view == &hwimport_view ? "%s" : "Try: %s",
		         m->ex[i - 2].title);
	else
		snprintf(line, sizeof(line), "Write: %s", h->m.prompts[i - first_prompt]);
	int n = 1;
	list_fill(y, 2, w, r->sel);
	if (i >= first_prompt) {
		/* Prompts may need two lines. */
		n = view_markdown(y, 4, w - 4, rows - y > 2 ? 2 : rows - y, 0, line);
		list_mark(y, 2, r->sel);
	} else {
		ui_puts(y, 4, w - 4, list_role(r->sel, i == 0 ? ROLE_STRONG : ROLE_NORMAL), line);
	}
	return (n > 0 ? n : 1) + (i == first_prompt - 1);
}

static void draw_module(struct path_state *s, int rows, int cols)
{
	struct module *m = selected(s);
	struct healpath_module *h = selected_hp(s);
	int y = view_title(cols, h->m.title);
	int w = cols - 4;
	y += view_markdown(y, 2, w, 3, 0, h->m.summary);
	y++;
	size_t first_prompt = 2 + m->nex;
	s->items.n = first_prompt + h->m.nprompts;
	menu_draw(&s->items, (struct list_area){.y = y, .end = rows, .x = 2, .w = w}, item_row, s);
}

static void path_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct path_state *s = st;
	if (s->open)
		draw_module(s, rows, cols);
	else
		draw_overview(s, rows, cols);
}

static struct step path_action(struct ctx *c, void *st, enum action a)
{
	struct path_state *s = st;
	if (!s->open) {
		if (menu_action(&s->menu, a))
			return STEP(STEP_REDRAW);
		if (a == ACT_SELECT && s->menu.n) {
			s->open = true;
			s->items = (struct menu){0};
			return STEP(STEP_REDRAW);
		}
		return a == ACT_BACK ? STEP(STEP_POP) : STEP(STEP_NONE);
	}
	if (menu_action(&s->items, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK) {
		s->open = false;
		return STEP(STEP_REDRAW);
	}
	if (a != ACT_SELECT)
		return STEP(STEP_NONE);
	struct module *m = selected(s);
	struct healpath_module *h = selected_hp(s);
	if (s->items.sel == 0)
		return PUSH(learn_page_view, h->path);
	if (s->items.sel == 1) {
		struct error e = {0};
		if (healpath_set_status(c->ses->vault, h, (h->status + 1) % HEALPATH_NSTATUS, &e))
			view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	if (s->items.sel < 2 + m->nex) {
		const struct offer *o = &m->ex[s->items.sel - 2];
		/* Own screens get their ops, so one state can serve two lists. */
		return PUSH(*o->view, o->view == &guided_view ? (const void *)o->id : o->view);
	}
	s->req = (struct write_req){.prompt = h->m.prompts[s->items.sel - 2 - m->nex]};
	return PUSH(write_view, &s->req);
}

static const struct hint path_hints[] = {
	{ACT_SELECT, "open"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops path_view = {
	.name = "path",
	.state_size = sizeof(struct path_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = path_hints,
	.enter = path_enter,
	.leave = path_leave,
	.draw = path_draw,
	.on_action = path_action,
};
