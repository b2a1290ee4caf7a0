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
	pacer_start(&p, PACE_BOX, 1000);
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
	pacer_start(&p, PACE_478, 0);
	pacer_at(&p, 4000 + 6999, &n);
	assert_string_equal(n.label, "Hold");
	pacer_at(&p, 11000, &n);
	assert_string_equal(n.label, "Breathe out");
	assert_int_equal(n.phase_left_ms, 8000);
	pacer_at(&p, 19000, &n);
	assert_int_equal(n.cycle, 1);
	/* 5.5 breaths a minute: 11 breaths take about two minutes. */
	pacer_start(&p, PACE_SLOW, 0);
	pacer_at(&p, 120000, &n);
	assert_int_equal(n.cycle, 11);
}

static void pauses_do_not_count(void **state)
{
	(void)state;
	struct pacer p;
	struct pacer_now n;
	pacer_start(&p, PACE_BOX, 0);
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
	pacer_start(&p, PACE_BOX, 0);
	assert_int_equal(pacer_next_ms(&p, 0, false), 100);
	assert_int_equal(pacer_next_ms(&p, 3950, false), 50);
	/* Reduced motion: redraw only when the phase changes. */
	assert_int_equal(pacer_next_ms(&p, 1000, true), 3000);
	assert_string_equal(pacer_name(PACE_478), "4-7-8");
}

SUITE(pacer, cmocka_unit_test(box_phases), cmocka_unit_test(four_seven_eight_and_slow),
      cmocka_unit_test(pauses_do_not_count), cmocka_unit_test(frames_and_reduced_motion))
