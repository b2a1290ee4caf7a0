/* The editable-list screen without a terminal, over a list of words in
 * memory: movement, the edit key asking and saving (then reloading), the
 * remove key asking to be sure only where the table allows it and removing
 * the chosen row, Enter as the table says, and the selection kept inside a
 * list that shrinks. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "views/status.h"
#include "views/editlist.h"

struct words {
	char w[8][32];
	size_t n;
	int loads;
	bool refuse; /* save fails */
	size_t removed, selected;
};

static int words_load(struct ctx *c, void *own, size_t *rows)
{
	(void)c;
	struct words *s = own;
	s->loads++;
	*rows = s->n;
	return 0;
}

static void words_free(void *own)
{
	(void)own;
}

static int words_row(const void *own, const struct list_row *r)
{
	(void)own, (void)r;
	return 1;
}

static struct step words_select(struct ctx *c, void *own, size_t i)
{
	(void)c;
	((struct words *)own)->selected = i;
	return STEP(STEP_REDRAW);
}

static bool words_ask(void *own, size_t i, struct ask *q)
{
	struct words *s = own;
	q->title = "A word";
	q->initial = i < s->n ? s->w[i] : "";
	return true;
}

static int words_save(struct ctx *c, void *own, const char *const *t, struct error *e)
{
	(void)c;
	struct words *s = own;
	if (s->refuse)
		return error_set(e, E_USAGE, "Not that one.");
	snprintf(s->w[s->n++], sizeof(s->w[0]), "%s", t[0]);
	return 0;
}

/* The last word stays: there must be one. */
static bool words_confirm(void *own, size_t i, struct confirm *q)
{
	(void)i;
	if (((struct words *)own)->n <= 1)
		return false;
	q->title = "Remove it?";
	q->yes = "Remove";
	q->no = "Keep it";
	return true;
}

static int words_remove(struct ctx *c, void *own, size_t i, struct error *e)
{
	(void)c, (void)e;
	struct words *s = own;
	s->removed = i;
	memmove(s->w[i], s->w[i + 1], (s->n - i - 1) * sizeof(s->w[0]));
	s->n--;
	return 0;
}

static const struct editlist_ops words_ops = {
	.title = "Words",
	.load = words_load,
	.free = words_free,
	.row = words_row,
	.select = words_select,
	.ask = words_ask,
	.save = words_save,
	.confirm = words_confirm,
	.remove = words_remove,
};

static void asks_saves_and_removes(void **state)
{
	(void)state;
	struct session ses = {0};
	struct ctx c = {.ses = &ses, .status = status_line_new()};
	struct editlist *s = calloc(1, EDITLIST_SIZE(struct words));
	assert_non_null(s);
	struct words *w = editlist_own(s);
	snprintf(w->w[0], sizeof(w->w[0]), "one");
	snprintf(w->w[1], sizeof(w->w[0]), "two");
	w->n = 2;
	assert_int_equal(editlist_enter(&c, s, &words_ops), 0);
	assert_int_equal(s->m.n, 2);
	assert_int_equal(w->loads, 1);

	assert_int_equal(editlist_action(&c, s, ACT_DOWN).kind, STEP_REDRAW);
	assert_int_equal(s->m.sel, 1);
	assert_int_equal(editlist_action(&c, s, ACT_SELECT).kind, STEP_REDRAW);
	assert_int_equal(w->selected, 1);
	assert_int_equal(editlist_action(&c, s, ACT_BACK).kind, STEP_POP);
	assert_int_equal(editlist_action(&c, s, ACT_HELP).kind, STEP_NONE);

	/* The edit key asks, with the table's words; what is typed is kept
	 * and the list read again. A refusal keeps the question open. */
	struct step st = editlist_action(&c, s, ACT_EDIT);
	assert_int_equal(st.kind, STEP_PUSH);
	assert_ptr_equal(st.view, &ask_view);
	const struct ask *q = st.arg;
	assert_string_equal(q->title, "A word");
	assert_string_equal(q->initial, "two");
	assert_non_null(q->on_form);
	struct error e = {0};
	const char *texts[3] = {"three", NULL, NULL};
	w->refuse = true;
	assert_int_equal(q->on_form(&c, q->data, texts, &e), -1);
	assert_string_equal(e.msg, "Not that one.");
	assert_int_equal(w->loads, 1);
	w->refuse = false;
	assert_int_equal(q->on_form(&c, q->data, texts, &e), 0);
	assert_int_equal(w->loads, 2);
	assert_int_equal(s->m.n, 3);

	/* Remove asks first, risky first choice "no"; yes removes the row
	 * chosen then, and the list is read again. */
	editlist_action(&c, s, ACT_BOTTOM);
	st = editlist_action(&c, s, ACT_REMOVE);
	assert_int_equal(st.kind, STEP_PUSH);
	assert_ptr_equal(st.view, &confirm_view);
	const struct confirm *k = st.arg;
	assert_true(k->yes_is_risky);
	assert_string_equal(k->title, "Remove it?");
	assert_int_equal(k->on_yes(&c, k->data).kind, STEP_REDRAW);
	assert_int_equal(w->removed, 2);
	assert_int_equal(s->m.n, 2);
	assert_int_equal(s->m.sel, 1); /* back inside the shorter list */

	/* Where the table says no (the last word), the remove key does
	 * nothing. */
	k = editlist_action(&c, s, ACT_REMOVE).arg;
	k->on_yes(&c, k->data);
	assert_int_equal(s->m.n, 1);
	assert_int_equal(editlist_action(&c, s, ACT_REMOVE).kind, STEP_NONE);
	editlist_leave(&c, s);
	free(s);
	status_line_free(c.status);
}

/* A table whose Enter asks (select_edits), with nothing to ask on a row
 * the table keeps for itself. */
static bool only_past_first(void *own, size_t i, struct ask *q)
{
	(void)own;
	q->title = "Change it";
	return i > 0;
}

static void enter_can_ask(void **state)
{
	(void)state;
	struct editlist_ops ops = words_ops;
	ops.select = NULL;
	ops.select_edits = true;
	ops.ask = only_past_first;
	struct session ses = {0};
	struct ctx c = {.ses = &ses, .status = status_line_new()};
	struct editlist *s = calloc(1, EDITLIST_SIZE(struct words));
	assert_non_null(s);
	struct words *w = editlist_own(s);
	w->n = 3;
	editlist_enter(&c, s, &ops);
	assert_int_equal(editlist_action(&c, s, ACT_SELECT).kind, STEP_NONE);
	editlist_action(&c, s, ACT_DOWN);
	struct step st = editlist_action(&c, s, ACT_SELECT);
	assert_int_equal(st.kind, STEP_PUSH);
	assert_ptr_equal(st.view, &ask_view);
	/* Without select, and not select_edits, Enter does nothing. */
	ops.select_edits = false;
	assert_int_equal(editlist_action(&c, s, ACT_SELECT).kind, STEP_NONE);
	editlist_leave(&c, s);
	free(s);
	status_line_free(c.status);
}

SUITE(editlist, cmocka_unit_test(asks_saves_and_removes), cmocka_unit_test(enter_can_ask))
