/* safety.c: the safety plan: seven short parts in the person's own words,
 * with the crisis lines for their region listed under professionals.
 * Reached from the crisis screen in one key. */
#include <stdio.h>
#include <string.h>

#include "content/crisis.h"
#include "store/safety.h"
#include "util/buf.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/menu.h"

#define PART_MAX 1024

struct safety_state {
	char text[SP_COUNT][PART_MAX];
	char lines[600]; /* crisis lines for the region, read-only */
	struct menu m;
	struct ask ask;
	int top; /* first row shown */
};

static int safety_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct safety_state *s = st;
	if (!c->vault) {
		snprintf(c->note, sizeof(c->note), "%s",
		         "Unlock tend to see your safety plan; the lines here work without it.");
		c->note_role = ROLE_WARN;
		return -1;
	}
	struct error e = {0};
	for (int p = 0; p < SP_COUNT; p++)
		if (safety_get(c->vault, (enum safety_part)p, s->text[p], PART_MAX, &e)) {
			view_warn(c, &e);
			return -1;
		}
	struct crisis_data d;
	if (crisis_load(&d, &e) == 0) {
		size_t used = 0;
		for (size_t i = 0; i < d.nlines && used < sizeof(s->lines); i++)
			if (strcmp(d.lines[i].region, c->region) == 0)
				used += (size_t)snprintf(s->lines + used, sizeof(s->lines) - used, "%s%s %s",
				                         used ? "; " : "", d.lines[i].service, d.lines[i].contact);
		const struct crisis_region *r = crisis_region(&d, c->region);
		if (r && used < sizeof(s->lines))
			snprintf(s->lines + used, sizeof(s->lines) - used, "%semergency: %s", used ? "; " : "",
			         r->emergency);
		crisis_free(&d);
	}
	s->m.n = SP_COUNT;
	return 0;
}

static void safety_leave(struct ctx *c, void *st)
{
	(void)c;
	struct safety_state *s = st;
	mem_wipe(s->text, sizeof(s->text));
}

/* A part's body as markdown: the line of guidance, then the person's words
 * (or how to add some), then for professionals the region's crisis lines. */
static void part_body(const struct safety_state *s, int p, char *out, size_t n)
{
	snprintf(out, n, "*%s*\n\n%s%s%s", safety_guidance((enum safety_part)p),
	         *s->text[p] ? s->text[p] : "(empty: Enter to write something here)",
	         p == SP_PROFESSIONAL && *s->lines ? "  \n" : "",
	         p == SP_PROFESSIONAL ? s->lines : "");
}

static void safety_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct safety_state *s = st;
	int w = cols - 4 > 100 ? 100 : cols - 4;
	int y = view_title(cols, "My safety plan");
	char body[PART_MAX + 1200];
	/* Keep the chosen part in view: scroll by parts. */
	if ((int)s->m.sel < s->top)
		s->top = (int)s->m.sel;
	for (;;) {
		int need = 0;
		for (int p = s->top; p <= (int)s->m.sel; p++) {
			part_body(s, p, body, sizeof(body));
			need += 2 + view_markdown(rows, 0, w - 2, 0, 0, body);
		}
		if (need <= rows - y || s->top >= (int)s->m.sel)
			break;
		s->top++;
	}
	for (int p = s->top; p < SP_COUNT && y < rows; p++) {
		bool sel = (size_t)p == s->m.sel;
		ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(y++, 2, w, sel ? ROLE_SELECTED : ROLE_HEADING, safety_title((enum safety_part)p));
		part_body(s, p, body, sizeof(body));
		y += view_markdown(y, 4, w - 2, rows - y, 0, body) + 1;
	}
}

static int save_part(struct ctx *c, void *data, const char *text, struct error *e)
{
	struct safety_state *s = data;
	if (safety_set(c->vault, (enum safety_part)s->m.sel, text, e))
		return -1;
	/* The readable copy, when the person keeps one, follows the plan. */
	if (safety_copy_update(c->vault, c->data_dir, e))
		view_warn(c, e);
	snprintf(s->text[s->m.sel], PART_MAX, "%s", text);
	return 0;
}

static struct step safety_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct safety_state *s = st;
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_SELECT || a == ACT_EDIT) {
		s->ask = (struct ask){.title = safety_title((enum safety_part)s->m.sel),
		                      .initial = s->text[s->m.sel], .on_done = save_part, .data = s};
		return PUSH(ask_view, &s->ask);
	}
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	return STEP(STEP_NONE);
}

static const struct hint safety_hints[] = {
	{ACT_SELECT, "write"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops safety_view = {
	.name = "safety",
	.state_size = sizeof(struct safety_state),
	.flags = VIEW_NEEDS_VAULT | VIEW_ANY_SIZE,
	.hints = safety_hints,
	.enter = safety_enter,
	.leave = safety_leave,
	.draw = safety_draw,
	.on_action = safety_action,
};
