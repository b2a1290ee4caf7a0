/* help.c: the keys, drawn from the action table so it cannot go stale. */
#include <stdio.h>
#include <string.h>

#include "views/view.h"

struct help {
	const struct view_ops *under;
	int top;
};

static int help_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	struct help *h = st;
	h->under = arg;
	return 0;
}

static bool shown(enum action a)
{
	char keys[64];
	keymap_keys_for(a, keys, sizeof(keys));
	return a != ACT_NONE && keys[0];
}

static void help_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct help *h = st;
	int w = cols - 8 > 90 ? 90 : cols - 8;
	int x = (cols - w) / 2, y0 = 1, height = rows - 2;
	for (int y = y0; y < y0 + height; y++)
		ui_fill(y, x - 1, w + 2, ROLE_NORMAL);
	ui_puts(y0, x, w, ROLE_TITLE, "Keys");
	ui_puts(y0, x + 6, w - 6, ROLE_MUTED,
	        h->under && h->under->name ? "(Esc closes this)" : "");
	int y = y0 + 2, n = 0, visible = height - 3;
	for (int a = 0; a < ACT_COUNT; a++) {
		if (!shown((enum action)a))
			continue;
		if (n++ < h->top)
			continue;
		if (y >= y0 + 2 + visible)
			break;
		char keys[64];
		keymap_keys_for((enum action)a, keys, sizeof(keys));
		ui_puts(y, x, 18, ROLE_KEY, keys);
		ui_puts(y, x + 19, w - 19, ROLE_NORMAL, action_help((enum action)a));
		y++;
	}
}

static struct step help_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct help *h = st;
	int total = 0;
	for (int i = 0; i < ACT_COUNT; i++)
		total += shown((enum action)i);
	switch (a) {
	case ACT_DOWN:
	case ACT_PGDN:
		if (h->top + 1 < total)
			h->top++;
		return STEP(STEP_REDRAW);
	case ACT_UP:
	case ACT_PGUP:
		if (h->top > 0)
			h->top--;
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
	.draw = help_draw,
	.on_action = help_action,
};
