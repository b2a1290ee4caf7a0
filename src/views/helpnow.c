/* helpnow.c: the offer made after a low check-in or a trigger log with
 * high distress (the rule is in core/helpnow.h): one calm line and three
 * tools, breathing, grounding or the safety plan. Nothing is opened
 * unless chosen; Esc closes it and it does not come back until the next
 * save that meets the rule. */
#include <stdio.h>

#include "core/helpnow.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"

struct helpnow {
	struct menu m;
};

static int helpnow_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	(void)arg;
	struct helpnow *h = st;
	h->m = (struct menu){.n = HELP_COUNT};
	return 0;
}

static void helpnow_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct helpnow *h = st;
	int y0, x0, w;
	view_box(rows, cols, 64, 4 + HELP_COUNT, &y0, &x0, &w);
	char line[200];
	snprintf(line, sizeof(line), "If you like, one of these may help right now. 1, 2 or 3 opens it; %s closes this.",
	         keymap_label(ACT_BACK, false));
	view_markdown(y0, x0, w, 2, 0, line);
	for (int i = 0; i < HELP_COUNT; i++) {
		bool sel = (size_t)i == h->m.sel;
		snprintf(line, sizeof(line), "%d  %s", i + 1, helpnow_name((enum helpnow_tool)i));
		list_fill(y0 + 3 + i, x0, w, sel);
		ui_puts(y0 + 3 + i, x0 + 1, w - 1, list_role(sel, ROLE_NORMAL), line);
	}
}

static struct step open_tool(enum helpnow_tool t)
{
	const char *id = helpnow_exercise(t);
	if (!id)
		return REPLACE(safety_view, NULL);
	return view_open_exercise(STEP_REPLACE, id);
}

static struct step helpnow_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct helpnow *h = st;
	if (menu_action(&h->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_SELECT)
		return open_tool((enum helpnow_tool)h->m.sel);
	return a == ACT_BACK ? STEP(STEP_POP) : STEP(STEP_NONE);
}

static struct step helpnow_text(struct ctx *c, void *st, const char *text, size_t len)
{
	(void)c;
	(void)st;
	if (len == 1 && text[0] >= '1' && text[0] < '1' + HELP_COUNT)
		return open_tool((enum helpnow_tool)(text[0] - '1'));
	return STEP(STEP_NONE);
}

static const struct hint helpnow_hints[] = {
	{ACT_SELECT, "open"},
	{ACT_BACK, "no, thanks"},
	{ACT_NONE, NULL},
};

const struct view_ops helpnow_view = {
	.name = "helpnow",
	.state_size = sizeof(struct helpnow),
	.flags = VIEW_NEEDS_VAULT | VIEW_OVERLAY | VIEW_DIGITS,
	.hints = helpnow_hints,
	.enter = helpnow_enter,
	.draw = helpnow_draw,
	.on_action = helpnow_action,
	.on_text = helpnow_text,
};
