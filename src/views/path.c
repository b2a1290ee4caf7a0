/* path.c: the healing path: ten strategy modules grouped by the phase they
 * mostly belong to, each with a status the person sets (never a score),
 * its page, and reflection prompts that open the journal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content/page.h"
#include "store/settings.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/menu.h"

#define MAX_MODULES 16

static const char *const statuses[] = {"not started", "exploring", "practising", "this helps me"};
#define NSTATUS 4

static const struct {
	const char *id, *title;
} phases[] = {
	{"stabilise", "Feel safer and steadier"},
	{"work-through", "Work through it, with support"},
	{"reconnect", "Rebuild and reconnect"},
};

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
	char path[128];
	struct page_meta m;
	int status;
	struct offer ex[4];
	size_t nex;
};

/* The module's exercises that exist; a missing one is left out. */
static void find_exercises(struct module *m)
{
	m->nex = 0;
	for (size_t i = 0; i < m->m.nexercises && m->nex < sizeof(m->ex) / sizeof(m->ex[0]); i++) {
		struct offer *o = &m->ex[m->nex];
		o->id = m->m.exercises[i];
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
	if (strcmp(m->m.id, "therapy") == 0 && m->nex < sizeof(m->ex) / sizeof(m->ex[0])) {
		struct offer *o = &m->ex[m->nex++];
		o->id = m->m.id;
		o->view = &hwimport_view;
		snprintf(o->title, sizeof(o->title), "%s", "Add homework from my therapist");
	}
}

struct path_state {
	struct module mod[MAX_MODULES];
	size_t n;
	size_t order[MAX_MODULES]; /* modules in phase order */
	struct menu menu;
	/* one module open */
	bool open;
	struct menu items; /* read, each prompt, status */
	struct write_req req;
	char err[512];
};

static int status_of(struct ctx *c, const char *id)
{
	char key[160], val[32];
	struct error e;
	snprintf(key, sizeof(key), "path.status.%s", id);
	if (settings_get(c->vault, key, val, sizeof(val), &e) != 1)
		return 0;
	for (int i = 0; i < NSTATUS; i++)
		if (strcmp(val, statuses[i]) == 0)
			return i;
	return 0;
}

static int phase_index(const struct module *m)
{
	for (int i = 0; i < 3; i++)
		if (m->m.phase && strcmp(m->m.phase, phases[i].id) == 0)
			return i;
	return 2;
}

static int path_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct path_state *s = st;
	const char *paths[MAX_MODULES];
	size_t total = content_list("path/", paths, MAX_MODULES);
	struct error e = {0};
	for (size_t i = 0; i < total && i < MAX_MODULES; i++) {
		size_t len = strlen(paths[i]);
		if (len < 3 || strcmp(paths[i] + len - 3, ".md") != 0)
			continue;
		struct module *m = &s->mod[s->n];
		if (page_load(paths[i], &m->m, NULL, NULL, &e)) {
			snprintf(s->err, sizeof(s->err), "%s", e.msg);
			continue;
		}
		snprintf(m->path, sizeof(m->path), "%s", paths[i]);
		m->status = status_of(c, m->m.id);
		find_exercises(m);
		s->n++;
	}
	/* Phase first, then the module's own order. */
	size_t k = 0;
	for (int p = 0; p < 3; p++)
		for (size_t i = 0; i < s->n; i++)
			if (phase_index(&s->mod[i]) == p)
				s->order[k++] = i;
	s->menu.n = k;
	return s->n ? 0 : -1;
}

static void path_leave(struct ctx *c, void *st)
{
	(void)c;
	struct path_state *s = st;
	for (size_t i = 0; i < s->n; i++)
		page_meta_free(&s->mod[i].m);
}

static struct module *selected(struct path_state *s)
{
	return &s->mod[s->order[s->menu.sel]];
}

static void draw_overview(struct path_state *s, int rows, int cols)
{
	int y = view_title(cols, "The healing path");
	int w = cols - 4;
	y += view_markdown(y, 2, w, 3, 0,
	                   "Ten ways of working on healing. Many people begin with the steadying "
	                   "ones; any module can be opened at any time, in any order.");
	y++;
	menu_layout(&s->menu, rows - y - 3);
	int last_phase = -1;
	for (size_t i = s->menu.top; i < s->menu.n && y < rows; i++) {
		struct module *m = &s->mod[s->order[i]];
		int p = phase_index(m);
		if (p != last_phase) {
			if (y + 1 >= rows)
				break;
			ui_puts(y++, 2, w, ROLE_HEADING, phases[p].title);
			last_phase = p;
		}
		bool sel = i == s->menu.sel;
		ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(y, 4, w - 20, sel ? ROLE_SELECTED : ROLE_NORMAL, m->m.title);
		ui_puts(y, w - 14, 16, sel ? ROLE_SELECTED : (m->status ? ROLE_GOOD : ROLE_MUTED),
		        statuses[m->status]);
		y++;
	}
	if (s->err[0])
		ui_puts(rows - 1, 2, w, ROLE_WARN, s->err);
}

static void draw_module(struct path_state *s, int rows, int cols)
{
	struct module *m = selected(s);
	int y = view_title(cols, m->m.title);
	int w = cols - 4;
	y += view_markdown(y, 2, w, 3, 0, m->m.summary);
	y++;
	size_t first_prompt = 2 + m->nex;
	s->items.n = first_prompt + m->m.nprompts;
	menu_layout(&s->items, rows - y);
	for (size_t i = s->items.top; i < s->items.n && y < rows; i++) {
		bool sel = i == s->items.sel;
		char line[600];
		if (i == 0)
			snprintf(line, sizeof(line), "Read about it");
		else if (i == 1)
			snprintf(line, sizeof(line), "Where I am with it: %s (%s changes it)",
			         statuses[m->status], keymap_label(ACT_SELECT, false));
		else if (i < first_prompt)
			snprintf(line, sizeof(line), m->ex[i - 2].view == &hwimport_view ? "%s" : "Try: %s",
			         m->ex[i - 2].title);
		else
			snprintf(line, sizeof(line), "Write: %s", m->m.prompts[i - first_prompt]);
		int n = 1;
		ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		if (i >= first_prompt) {
			/* Prompts may need two lines. */
			n = view_markdown(y, 4, w - 4, rows - y > 2 ? 2 : rows - y, 0, line);
			if (sel)
				ui_puts(y, 2, 2, ROLE_SELECTED, ">");
		} else {
			ui_puts(y, 4, w - 4, sel ? ROLE_SELECTED : (i == 0 ? ROLE_STRONG : ROLE_NORMAL),
			        line);
		}
		y += (n > 0 ? n : 1) + (i == first_prompt - 1);
	}
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
	if (s->items.sel == 0)
		return PUSH(learn_page_view, m->path);
	if (s->items.sel == 1) {
		m->status = (m->status + 1) % NSTATUS;
		char key[160];
		struct error e = {0};
		snprintf(key, sizeof(key), "path.status.%s", m->m.id);
		if (settings_set(c->vault, key, statuses[m->status], &e)) {
			view_warn(c, &e);
		}
		return STEP(STEP_REDRAW);
	}
	if (s->items.sel < 2 + m->nex) {
		const struct offer *o = &m->ex[s->items.sel - 2];
		/* Own screens get their ops, so one state can serve two lists. */
		return PUSH(*o->view, o->view == &guided_view ? (const void *)o->id : o->view);
	}
	s->req = (struct write_req){.prompt = m->m.prompts[s->items.sel - 2 - m->nex]};
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
