/* The scale widget without a terminal: it starts with nothing chosen, digits
 * pick (two within a moment make 10), steps and ends, clearing, and a range
 * other than 0 to 10. */
#include <string.h>

#include "unit.h"
#include "widgets/scale.h"

static void starts_unchosen_and_digits_pick(void **state)
{
	(void)state;
	struct scale s;
	char w[32];
	scale_init(&s, 0, 10);
	assert_int_equal(s.value, SCALE_NONE);
	scale_words(&s, w, sizeof(w));
	assert_string_equal(w, "not chosen yet");
	assert_true(scale_text(&s, "2", 1, 1000));
	assert_int_equal(s.value, 2);
	scale_words(&s, w, sizeof(w));
	assert_string_equal(w, "2 of 10");
	/* 1 then 0 within a moment is 10; later, the 0 is a 0. */
	assert_true(scale_text(&s, "1", 1, 2000));
	assert_true(scale_text(&s, "0", 1, 2000 + SCALE_DIGIT_MS));
	assert_int_equal(s.value, 10);
	assert_true(scale_text(&s, "1", 1, 5000));
	assert_true(scale_text(&s, "0", 1, 5001 + SCALE_DIGIT_MS));
	assert_int_equal(s.value, 0);
	/* Both in one piece of text. */
	assert_true(scale_text(&s, "10", 2, 9000));
	assert_int_equal(s.value, 10);
	/* 1 then 1 is not 11 on a scale to 10: the second 1 stands alone. */
	scale_text(&s, "11", 2, 9000);
	assert_int_equal(s.value, 1);
	assert_false(scale_text(&s, "x", 1, 9000));
	assert_int_equal(s.value, 1);
}

static void steps_ends_and_clearing(void **state)
{
	(void)state;
	struct scale s;
	scale_init(&s, 0, 10);
	assert_true(scale_action(&s, ACT_RIGHT));
	assert_int_equal(s.value, 5); /* a step from nothing starts in the middle, shown */
	assert_true(scale_action(&s, ACT_LEFT));
	assert_int_equal(s.value, 4);
	assert_true(scale_action(&s, ACT_LINE_END));
	assert_int_equal(s.value, 10);
	assert_true(scale_action(&s, ACT_RIGHT));
	assert_int_equal(s.value, 10);
	assert_true(scale_action(&s, ACT_TOP));
	assert_int_equal(s.value, 0);
	assert_true(scale_action(&s, ACT_LEFT));
	assert_int_equal(s.value, 0);
	assert_true(scale_action(&s, ACT_DELETE));
	assert_int_equal(s.value, SCALE_NONE);
	assert_false(scale_action(&s, ACT_SELECT));
	assert_false(scale_action(&s, ACT_UP));
	/* An action between two digits keeps them apart. */
	scale_text(&s, "1", 1, 0);
	scale_action(&s, ACT_RIGHT);
	scale_text(&s, "0", 1, 1);
	assert_int_equal(s.value, 0);
	scale_set(&s, 11);
	assert_int_equal(s.value, SCALE_NONE);
	scale_set(&s, 7);
	assert_int_equal(s.value, 7);
}

static void other_ranges(void **state)
{
	(void)state;
	struct scale s;
	char w[32];
	scale_init(&s, 1, 5);
	assert_false(scale_text(&s, "0", 1, 0));
	assert_false(scale_text(&s, "7", 1, 0));
	assert_int_equal(s.value, SCALE_NONE);
	assert_true(scale_text(&s, "4", 1, 0));
	scale_words(&s, w, sizeof(w));
	assert_string_equal(w, "4 of 5");
	scale_action(&s, ACT_LINE_START);
	assert_int_equal(s.value, 1);
	scale_init(&s, 0, 20);
	scale_text(&s, "17", 2, 0);
	assert_int_equal(s.value, 17);
	scale_text(&s, "2", 1, 10);
	scale_text(&s, "5", 1, 20); /* 25 is past the end: 5 */
	assert_int_equal(s.value, 5);
	char hint[160];
	scale_hint(&s, hint, sizeof(hint));
	assert_non_null(strstr(hint, "0 to 20"));
	scale_init(&s, 0, 10);
	scale_hint(&s, hint, sizeof(hint));
	assert_non_null(strstr(hint, "10 is 1 then 0"));
}

SUITE(scale, cmocka_unit_test(starts_unchosen_and_digits_pick),
      cmocka_unit_test(steps_ends_and_clearing), cmocka_unit_test(other_ranges))
