/* editlist.c: the screen behind every short list the person keeps. */
#include "views/editlist.h"

void *editlist_own(void *st)
{
	return ((struct editlist *)st)->own;
}

int editlist_reload(struct ctx *c, void *st)
{
	struct editlist *s = st;
	s->gen = c->ses->journal_gen;
	s->m.n = 0;
	int rc = s->ops->load(c, s->own, &s->m.n);
	if (s->m.sel >= s->m.n)
		s->m.sel = s->m.n ? s->m.n - 1 : 0;
	return rc;
}

int editlist_enter(struct ctx *c, void *st, const struct editlist_ops *ops)
{
	struct editlist *s = st;
	s->ops = ops;
	return editlist_reload(c, s);
}

void editlist_leave(struct ctx *c, void *st)
{
	(void)c;
	struct editlist *s = st;
	if (s->ops) /* NULL when an enter failed before editlist_enter */
		s->ops->free(s->own);
}

static int draw_row(const void *data, const struct list_row *r)
{
	const struct editlist *s = data;
	return s->ops->row(s->own, r);
}

void editlist_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct editlist *s = st;
	const struct editlist_ops *ops = s->ops;
	if (ops->follows_journal && s->gen != c->ses->journal_gen)
		editlist_reload(c, s);
	int y = view_title(cols, ops->title);
	int w = cols - 4;
	if (ops->max_width && w > ops->max_width)
		w = ops->max_width;
	if (ops->head && (y = ops->head(c, s->own, y, w)) < 0)
		return;
	struct list_area a = {.y = y, .end = rows, .x = 2, .w = w, .item_rows = ops->item_rows,
	                      .reserve = ops->reserve ? ops->reserve(s->own) : 0};
	menu_draw(&s->m, a, draw_row, s);
}

static int saved(struct ctx *c, void *data, const char *const *texts, struct error *e)
{
	struct editlist *s = data;
	if (s->ops->save(c, s->own, texts, e))
		return -1;
	editlist_reload(c, s);
	return 0;
}

static struct step removed(struct ctx *c, void *data)
{
	struct editlist *s = data;
	struct error e = {0};
	if (s->ops->remove(c, s->own, s->m.sel, &e))
		view_warn(c, &e);
	editlist_reload(c, s);
	return STEP(STEP_REDRAW);
}

struct step editlist_action(struct ctx *c, void *st, enum action a)
{
	struct editlist *s = st;
	const struct editlist_ops *ops = s->ops;
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if (a == ACT_SELECT && ops->select)
		return ops->select(c, s->own, s->m.sel);
	if (a == ACT_EDIT || (a == ACT_SELECT && ops->select_edits)) {
		s->ask = (struct ask){0};
		if (!ops->ask || !ops->ask(s->own, s->m.sel, &s->ask))
			return STEP(STEP_NONE);
		s->ask.on_form = saved;
		s->ask.data = s;
		return PUSH(ask_view, &s->ask);
	}
	if (a == ACT_REMOVE && ops->confirm) {
		s->confirm = (struct confirm){.yes_is_risky = true};
		if (!ops->confirm(s->own, s->m.sel, &s->confirm))
			return STEP(STEP_NONE);
		s->confirm.on_yes = removed;
		s->confirm.data = s;
		return PUSH(confirm_view, &s->confirm);
	}
	return STEP(STEP_NONE);
}
