/* The form without a terminal: Up and Down (and Tab) go round the rows,
 * Enter moves on except on a button or a field that submits, Left and
 * Right on a choice are the view's to step, and keys and typed text reach
 * the focused field only. */
#include <string.h>

#include "unit.h"
#include "widgets/form.h"

enum { F_KIND, F_KEY, F_PATH, F_GO, F_N };

struct fixture {
	struct field key, path;
	struct form f;
};

static void setup(struct fixture *x)
{
	assert_int_equal(field_init(&x->key, false, NULL, NULL), 0);
	assert_int_equal(field_init(&x->path, false, NULL, NULL), 0);
	const struct form_row rows[F_N] = {
		[F_KIND] = {FORM_CHOICE, "As"},
		[F_KEY] = {FORM_FIELD, "Key", .field = &x->key},
		[F_PATH] = {FORM_FIELD, "Save to", .field = &x->path, .submits = true},
		[F_GO] = {FORM_BUTTON, "[ Go ]"},
	};
	form_init(&x->f, rows, F_N, F_PATH);
}

static void teardown(struct fixture *x)
{
	field_free(&x->key);
	field_free(&x->path);
}

static void moves_round_the_rows(void **state)
{
	(void)state;
	struct fixture x;
	setup(&x);
	assert_int_equal(x.f.focus, F_PATH);
	assert_int_equal(form_action(&x.f, ACT_DOWN), FORM_MOVED);
	assert_int_equal(x.f.focus, F_GO);
	assert_int_equal(form_action(&x.f, ACT_NEXT_FIELD), FORM_MOVED);
	assert_int_equal(x.f.focus, F_KIND);
	assert_int_equal(form_action(&x.f, ACT_UP), FORM_MOVED);
	assert_int_equal(x.f.focus, F_GO);
	assert_int_equal(form_action(&x.f, ACT_PREV_FIELD), FORM_MOVED);
	assert_int_equal(x.f.focus, F_PATH);
	teardown(&x);
}

static void enter_moves_on_or_submits(void **state)
{
	(void)state;
	struct fixture x;
	setup(&x);
	x.f.focus = F_KIND;
	assert_int_equal(form_action(&x.f, ACT_SELECT), FORM_MOVED);
	assert_int_equal(x.f.focus, F_KEY);
	assert_int_equal(form_action(&x.f, ACT_SELECT), FORM_MOVED);
	assert_int_equal(x.f.focus, F_PATH);
	assert_int_equal(form_action(&x.f, ACT_SELECT), FORM_SUBMIT);
	assert_int_equal(x.f.focus, F_PATH);
	x.f.focus = F_GO;
	assert_int_equal(form_action(&x.f, ACT_SELECT), FORM_SUBMIT);
	teardown(&x);
}

static void choices_and_fields(void **state)
{
	(void)state;
	struct fixture x;
	setup(&x);
	/* Text goes to the focused field alone. */
	assert_true(form_text(&x.f, "~/a.md", 6));
	assert_string_equal(x.path.buf, "~/a.md");
	assert_string_equal(x.key.buf, "");
	assert_int_equal(form_action(&x.f, ACT_ERASE), FORM_EDITED);
	assert_string_equal(x.path.buf, "~/a.m");
	/* Left on a field moves its cursor; on a choice it is the view's. */
	assert_int_equal(form_action(&x.f, ACT_LEFT), FORM_EDITED);
	x.f.focus = F_KIND;
	assert_int_equal(form_action(&x.f, ACT_LEFT), FORM_PREV);
	assert_int_equal(form_action(&x.f, ACT_RIGHT), FORM_NEXT);
	assert_false(form_text(&x.f, "x", 1));
	assert_int_equal(form_action(&x.f, ACT_ERASE), FORM_NONE);
	/* Keys that are not the form's are left to the view. */
	x.f.focus = F_GO;
	assert_int_equal(form_action(&x.f, ACT_LEFT), FORM_NONE);
	assert_false(form_text(&x.f, "x", 1));
	assert_int_equal(form_action(&x.f, ACT_BACK), FORM_NONE);
	assert_string_equal(x.key.buf, "");
	teardown(&x);
}

SUITE(form, cmocka_unit_test(moves_round_the_rows), cmocka_unit_test(enter_moves_on_or_submits),
      cmocka_unit_test(choices_and_fields))
