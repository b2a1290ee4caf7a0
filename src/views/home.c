/* home.c: the calm overview the vault opens to. It lists only what tend
 * can do; there are no streaks and no counts to live up to. */
#include "views/view.h"
#include "widgets/menu.h"

struct item {
	const char *title;
	const char *about;
	const struct view_ops *view; /* NULL: a step instead */
	enum step_kind step;
};

static const struct item items[] = {
	{"Learn", "What trauma is, how healing tends to unfold, and why it takes time.",
	 &learn_list_view, STEP_PUSH},
	{"Crisis help and grounding", "Lines you can call or text, and a short way to steady yourself.",
	 &crisis_view, STEP_PUSH},
	{"Lock", "Close the vault now. Your passphrase opens it again.", NULL, STEP_LOCK},
	{"Quit", "Lock the vault and leave tend.", NULL, STEP_QUIT},
};

#define NITEMS (sizeof(items) / sizeof(items[0]))

struct home {
	struct menu m;
};

static int home_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	(void)arg;
	struct home *h = st;
	h->m.n = NITEMS;
	return 0;
}

static void home_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct home *h = st;
	int y = view_title(cols, "tend");
	int w = cols - 4;
	y += view_markdown(y, 2, w, 3, 0,
	                   "Welcome back. There is nothing you have to do here today; "
	                   "choose whatever feels right, or nothing at all.");
	y++;
	int per = 3;
	menu_layout(&h->m, (rows - y) / per);
	for (size_t i = h->m.top; i < NITEMS && y + per <= rows; i++, y += per) {
		bool sel = i == h->m.sel;
		ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(y, 4, w - 4, sel ? ROLE_SELECTED : ROLE_STRONG, items[i].title);
		ui_puts(y + 1, 4, w - 4, ROLE_MUTED, items[i].about);
	}
}

static struct step home_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct home *h = st;
	if (menu_action(&h->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_SELECT) {
		const struct item *it = &items[h->m.sel];
		if (it->view)
			return (struct step){STEP_PUSH, it->view, NULL};
		return STEP(it->step);
	}
	if (a == ACT_BACK)
		return STEP(STEP_NONE);
	return STEP(STEP_NONE);
}

static const struct hint home_hints[] = {
	{ACT_SELECT, "open"},
	{ACT_LOCK, "lock"},
	{ACT_HIDE, "hide"},
	{ACT_HELP, "keys"},
	{ACT_NONE, NULL},
};

const struct view_ops home_view = {
	.name = "home",
	.state_size = sizeof(struct home),
	.flags = VIEW_NEEDS_VAULT,
	.hints = home_hints,
	.enter = home_enter,
	.draw = home_draw,
	.on_action = home_action,
};
