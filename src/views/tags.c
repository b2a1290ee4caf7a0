/* tags.c: every tag with how many entries carry it; rename (which merges
 * into a tag of that name), delete, or list the entries. */
#include <stdio.h>
#include <string.h>

#include "store/tags.h"
#include "util/utf8.h"
#include "views/editlist.h"
#include "views/journal_int.h"
#include "widgets/list.h"

struct tags {
	struct tag_count *t;
	size_t n;
	char name[128];
	char msg[512];
};

static int tags_load(struct ctx *c, void *own, size_t *rows)
{
	struct tags *s = own;
	struct error e = {0};
	tags_free(s->t, s->n);
	s->t = NULL;
	s->n = 0;
	s->msg[0] = '\0';
	if (tags_list(c->ses->vault, &s->t, &s->n, &e))
		snprintf(s->msg, sizeof(s->msg), "%s", e.msg);
	*rows = s->n;
	return 0;
}

static void tags_drop(void *own)
{
	struct tags *s = own;
	tags_free(s->t, s->n);
}

static int tags_head(struct ctx *c, void *own, int y, int w)
{
	(void)c;
	struct tags *s = own;
	if (s->msg[0]) {
		ui_puts(y, 2, w, ROLE_WARN, s->msg);
		return -1;
	}
	if (!s->n) {
		view_markdown(y, 2, w, 3, 0, "No tags yet. Tags can be added while writing.");
		return -1;
	}
	return y;
}

static int tags_row(const void *own, const struct list_row *r)
{
	const struct tags *s = own;
	char uses[32];
	snprintf(uses, sizeof(uses), "%lld %s", (long long)s->t[r->i].uses,
	         s->t[r->i].uses == 1 ? "entry" : "entries");
	list_fill(r->y, 2, r->w, r->sel);
	ui_puts(r->y, 4, r->w - 20, list_role(r->sel, ROLE_NORMAL), s->t[r->i].name);
	ui_puts(r->y, r->w - 14, 14, list_role(r->sel, ROLE_MUTED), uses);
	return 1;
}

/* Keeps the chosen tag's name for what comes next; false when there is none. */
static bool choose(struct tags *s, size_t i)
{
	if (!s->n)
		return false;
	snprintf(s->name, sizeof(s->name), "%s", s->t[i].name);
	return true;
}

static struct step tags_select(struct ctx *c, void *own, size_t i)
{
	(void)c;
	struct tags *s = own;
	return choose(s, i) ? PUSH(journal_view, s->name) : STEP(STEP_NONE);
}

static bool tags_ask(void *own, size_t i, struct ask *q)
{
	struct tags *s = own;
	if (!choose(s, i))
		return false;
	q->title = "Rename the tag (an existing name merges the two)";
	q->label = "New name:";
	q->initial = s->name;
	return true;
}

static int do_rename(struct ctx *c, void *own, const char *const *t, struct error *e)
{
	struct tags *s = own;
	const char *to = t[0];
	if (!*to)
		return error_set(e, E_USAGE, "A tag needs a name; to remove it, use delete instead.");
	if (!utf8_valid(to, strlen(to)))
		return error_set(e, E_USAGE, "That name is not valid text.");
	if (tag_rename(c->ses->vault, s->name, to, e))
		return -1;
	view_note(c, ROLE_STATUS, "Renamed.");
	c->ses->journal_gen++;
	return 0;
}

static bool tags_confirm(void *own, size_t i, struct confirm *q)
{
	if (!choose(own, i))
		return false;
	q->title = "Remove this tag?";
	q->message = "It is taken off every entry that has it. The entries themselves "
	             "stay as they are.";
	q->yes = "Remove";
	q->no = "Keep it";
	return true;
}

static int do_delete(struct ctx *c, void *own, size_t i, struct error *e)
{
	(void)i;
	struct tags *s = own;
	if (tag_delete(c->ses->vault, s->name, e))
		return -1;
	view_note(c, ROLE_STATUS, "The tag was removed; the entries stay.");
	c->ses->journal_gen++;
	return 0;
}

static const struct editlist_ops tag_list = {
	.title = "Tags",
	.max_width = 80,
	.follows_journal = true,
	.load = tags_load,
	.free = tags_drop,
	.head = tags_head,
	.row = tags_row,
	.select = tags_select,
	.ask = tags_ask,
	.save = do_rename,
	.confirm = tags_confirm,
	.remove = do_delete,
};

static int tags_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	return editlist_enter(c, st, &tag_list);
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
	.state_size = EDITLIST_SIZE(struct tags),
	.flags = VIEW_NEEDS_VAULT,
	.hints = tags_hints,
	.enter = tags_enter,
	.leave = editlist_leave,
	.draw = editlist_draw,
	.on_action = editlist_action,
};
