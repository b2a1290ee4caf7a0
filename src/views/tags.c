/* tags.c: every tag with how many entries carry it; rename (which merges
 * into a tag of that name), delete, or list the entries. */
#include <stdio.h>
#include <string.h>

#include "store/journal.h"
#include "util/utf8.h"
#include "views/journal_int.h"
#include "widgets/menu.h"

struct tags_state {
	struct tag_count *t;
	size_t n;
	struct menu m;
	struct ask ask;
	struct confirm confirm;
	char name[128];
	char msg[512];
	unsigned gen;
};

static void tags_load(struct ctx *c, struct tags_state *s)
{
	struct error e = {0};
	tags_free(s->t, s->n);
	s->t = NULL;
	s->n = 0;
	s->msg[0] = '\0';
	if (tags_list(c->ses->vault, &s->t, &s->n, &e))
		snprintf(s->msg, sizeof(s->msg), "%s", e.msg);
	s->m.n = s->n;
	if (s->m.sel >= s->n)
		s->m.sel = s->n ? s->n - 1 : 0;
}

static int tags_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	((struct tags_state *)st)->gen = c->ses->journal_gen;
	tags_load(c, st);
	return 0;
}

static void tags_leave(struct ctx *c, void *st)
{
	(void)c;
	struct tags_state *s = st;
	tags_free(s->t, s->n);
}

static void tags_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct tags_state *s = st;
	if (s->gen != c->ses->journal_gen) {
		s->gen = c->ses->journal_gen;
		tags_load(c, s);
	}
	int y = view_title(cols, "Tags");
	int w = cols - 4 > 80 ? 80 : cols - 4;
	if (s->msg[0]) {
		ui_puts(y, 2, w, ROLE_WARN, s->msg);
		return;
	}
	if (!s->n) {
		view_markdown(y, 2, w, 3, 0, "No tags yet. Tags can be added while writing.");
		return;
	}
	menu_layout(&s->m, rows - y);
	for (size_t i = s->m.top; i < s->n && y < rows; i++, y++) {
		bool sel = i == s->m.sel;
		char uses[32];
		snprintf(uses, sizeof(uses), "%lld %s", (long long)s->t[i].uses,
		         s->t[i].uses == 1 ? "entry" : "entries");
		ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(y, 4, w - 20, sel ? ROLE_SELECTED : ROLE_NORMAL, s->t[i].name);
		ui_puts(y, w - 14, 14, sel ? ROLE_SELECTED : ROLE_MUTED, uses);
	}
}

static int do_rename(struct ctx *c, void *data, const char *to, struct error *e)
{
	struct tags_state *s = data;
	if (!*to)
		return error_set(e, E_USAGE, "A tag needs a name; to remove it, use delete instead.");
	if (!utf8_valid(to, strlen(to)))
		return error_set(e, E_USAGE, "That name is not valid text.");
	if (tag_rename(c->ses->vault, s->name, to, e))
		return -1;
	view_note(c, ROLE_STATUS, "Renamed.");
	c->ses->journal_gen++;
	tags_load(c, s);
	return 0;
}

static struct step do_delete(struct ctx *c, void *data)
{
	struct tags_state *s = data;
	struct error e = {0};
	if (tag_delete(c->ses->vault, s->name, &e)) {
		view_warn(c, &e);
	} else {
		view_note(c, ROLE_STATUS, "The tag was removed; the entries stay.");
		c->ses->journal_gen++;
	}
	tags_load(c, s);
	return STEP(STEP_REDRAW);
}

static struct step tags_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct tags_state *s = st;
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if (!s->n)
		return STEP(STEP_NONE);
	snprintf(s->name, sizeof(s->name), "%s", s->t[s->m.sel].name);
	switch (a) {
	case ACT_SELECT:
		return PUSH(journal_view, s->name);
	case ACT_EDIT:
		s->ask = (struct ask){.title = "Rename the tag (an existing name merges the two)",
		                      .label = "New name:", .initial = s->name, .on_done = do_rename,
		                      .data = s};
		return PUSH(ask_view, &s->ask);
	case ACT_REMOVE:
		s->confirm = (struct confirm){
			.title = "Remove this tag?",
			.message = "It is taken off every entry that has it. The entries themselves "
			           "stay as they are.",
			.yes = "Remove",
			.no = "Keep it",
			.yes_is_risky = true,
			.on_yes = do_delete,
			.data = s,
		};
		return PUSH(confirm_view, &s->confirm);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint tags_hints[] = {
	{ACT_SELECT, "entries"},
	{ACT_EDIT, "rename"},
	{ACT_REMOVE, "remove"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops tags_view = {
	.name = "tags",
	.state_size = sizeof(struct tags_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = tags_hints,
	.enter = tags_enter,
	.leave = tags_leave,
	.draw = tags_draw,
	.on_action = tags_action,
};
