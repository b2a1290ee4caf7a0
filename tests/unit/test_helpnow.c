/* When a steadying tool is offered (a check-in of 3 or less, a trigger
 * log whose latest distress is 7 or more), which toolbox rows start an
 * exercise, and how the change in distress is told. */
#include <string.h>

#include "content/exercise.h"
#include "core/helpnow.h"
#include "unit.h"

static void low_checkins_only(void **state)
{
	(void)state;
	for (int s = 0; s <= 10; s++)
		assert_int_equal(helpnow_after_checkin(s), s <= 3);
	assert_false(helpnow_after_checkin(-1));
}

static void high_distress_now(void **state)
{
	(void)state;
	assert_true(helpnow_after_trigger(7, -1));
	assert_true(helpnow_after_trigger(10, -1));
	assert_false(helpnow_after_trigger(6, -1));
	assert_false(helpnow_after_trigger(-1, -1));
	/* The after, when given, is how it is now. */
	assert_false(helpnow_after_trigger(9, 3));
	assert_true(helpnow_after_trigger(4, 8));
	assert_true(helpnow_after_trigger(-1, 7));
	assert_false(helpnow_after_trigger(11, -1));
}

static void toolbox_rows(void **state)
{
	(void)state;
	assert_string_equal(helpnow_for_tool("Slow breathing"), "paced-breathing");
	assert_string_equal(helpnow_for_tool("slow BREATHING"), "paced-breathing");
	assert_string_equal(helpnow_for_tool("Grounding: 5-4-3-2-1"), "grounding-54321");
	assert_null(helpnow_for_tool("Move your body"));
	assert_null(helpnow_for_tool("Slow breathing, twice"));
	assert_null(helpnow_for_tool(NULL));
	/* Every written exercise offered is one that exists. */
	for (int t = 0; t < HELP_COUNT; t++) {
		const char *id = helpnow_exercise((enum helpnow_tool)t);
		if (id && strcmp(id, "paced-breathing") != 0)
			assert_true(exercise_exists(id));
	}
	assert_true(exercise_exists(helpnow_for_tool("Grounding: 5-4-3-2-1")));
	assert_null(helpnow_exercise(HELP_SAFETY));
}

static void change_told(void **state)
{
	(void)state;
	char out[40];
	assert_int_equal(helpnow_change(7, 4, out, sizeof(out)), strlen("distress 7 \xe2\x86\x92 4"));
	assert_string_equal(out, "distress 7 \xe2\x86\x92 4");
	helpnow_change(0, 10, out, sizeof(out));
	assert_string_equal(out, "distress 0 \xe2\x86\x92 10");
	assert_int_equal(helpnow_change(7, -1, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(helpnow_change(-1, 4, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	/* Cut short, never overrun. */
	char small[6];
	assert_int_equal(helpnow_change(7, 4, small, sizeof(small)), 5);
	assert_string_equal(small, "distr");
}

SUITE(helpnow, cmocka_unit_test(low_checkins_only), cmocka_unit_test(high_distress_now),
      cmocka_unit_test(toolbox_rows), cmocka_unit_test(change_told))
