/* Paced breathing timing on a fake clock: phases, cycles, pauses that do
 * not count, and no timer at all while paused. */
#include <string.h>

#include "core/pacer.h"
#include "unit.h"

static void box_phases(void **state)
{
	(void)state;
	struct pacer p;
	struct pacer_now n;
	pacer_start(&p, PACE_BOX, 100, 1000);
	pacer_at(&p, 1000, &n);
	assert_string_equal(n.label, "Breathe in");
	assert_true(n.filling);
	assert_int_equal(n.phase_left_ms, 4000);
	pacer_at(&p, 1000 + 2000, &n);
	assert_true(n.progress > 0.49 && n.progress < 0.51);
	pacer_at(&p, 1000 + 4000, &n);
	assert_string_equal(n.label, "Hold");
	pacer_at(&p, 1000 + 8000, &n);
	assert_string_equal(n.label, "Breathe out");
	assert_true(n.emptying);
	pacer_at(&p, 1000 + 16000, &n);
	assert_string_equal(n.label, "Breathe in");
	assert_int_equal(n.cycle, 1);
}

static void four_seven_eight_and_slow(void **state)
{
	(void)state;
	struct pacer p;
	struct pacer_now n;
	pacer_start(&p, PACE_478, 100, 0);
	pacer_at(&p, 4000 + 6999, &n);
	assert_string_equal(n.label, "Hold");
	pacer_at(&p, 11000, &n);
	assert_string_equal(n.label, "Breathe out");
	assert_int_equal(n.phase_left_ms, 8000);
	pacer_at(&p, 19000, &n);
	assert_int_equal(n.cycle, 1);
	/* 5.5 breaths a minute: 11 breaths take about two minutes. */
	pacer_start(&p, PACE_SLOW, 100, 0);
	pacer_at(&p, 120000, &n);
	assert_int_equal(n.cycle, 11);
}

static void pauses_do_not_count(void **state)
{
	(void)state;
	struct pacer p;
	struct pacer_now n;
	pacer_start(&p, PACE_BOX, 100, 0);
	pacer_pause(&p, 3000);
	assert_true(pacer_paused(&p));
	assert_int_equal(pacer_next_ms(&p, 3000, false), -1); /* idle: no timer */
	pacer_at(&p, 60000, &n);
	assert_string_equal(n.label, "Breathe in");
	assert_int_equal(n.phase_left_ms, 1000);
	pacer_resume(&p, 60000);
	pacer_at(&p, 61000, &n);
	assert_string_equal(n.label, "Hold");
	assert_int_equal(n.cycle, 0);
}

static void frames_and_reduced_motion(void **state)
{
	(void)state;
	struct pacer p;
	pacer_start(&p, PACE_BOX, 100, 0);
	assert_int_equal(pacer_next_ms(&p, 0, false), 100);
	assert_int_equal(pacer_next_ms(&p, 3950, false), 50);
	/* Reduced motion: redraw only when the phase changes. */
	assert_int_equal(pacer_next_ms(&p, 1000, true), 3000);
	assert_string_equal(pacer_name(PACE_478), "4-7-8");
}

static void pace_can_be_slower_or_quicker(void **state)
{
	(void)state;
	struct pacer p;
	struct pacer_now n;
	assert_int_equal(pacer_cycle_ms(PACE_BOX, 100), 16000);
	assert_int_equal(pacer_cycle_ms(PACE_BOX, 150), 24000);
	assert_int_equal(pacer_cycle_ms(PACE_478, 50), 9500);
	/* Out of range is held to the range. */
	assert_int_equal(pacer_cycle_ms(PACE_BOX, 10), 8000);
	assert_int_equal(pacer_cycle_ms(PACE_BOX, 1000), 32000);
	pacer_start(&p, PACE_BOX, 150, 0);
	pacer_at(&p, 5999, &n);
	assert_string_equal(n.label, "Breathe in");
	assert_int_equal(n.phase_left_ms, 1);
	pacer_at(&p, 6000, &n);
	assert_string_equal(n.label, "Hold");
	pacer_at(&p, 24000, &n);
	assert_int_equal(n.cycle, 1);
	pacer_start(&p, PACE_SLOW, 80, 0);
	pacer_at(&p, 4363, &n);
	assert_string_equal(n.label, "Breathe in");
	pacer_at(&p, 4364, &n);
	assert_string_equal(n.label, "Breathe out");
}

SUITE(pacer, cmocka_unit_test(box_phases), cmocka_unit_test(four_seven_eight_and_slow),
      cmocka_unit_test(pauses_do_not_count), cmocka_unit_test(frames_and_reduced_motion),
      cmocka_unit_test(pace_can_be_slower_or_quicker))
