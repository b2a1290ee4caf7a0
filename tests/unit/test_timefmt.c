/* test_timefmt.c: the one reader of "YYYY-MM-DD" days (day_parse) and its
 * local-time form (day_parse_local). */
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "unit.h"
#include "util/timefmt.h"

static void test_day_parse_real_days(void **state)
{
	(void)state;
	int y = 0, m = 0, d = 0;
	assert_int_equal(day_parse("2026-11-23", &y, &m, &d), DAY_OK);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 11);
	assert_int_equal(d, 23);
	assert_int_equal(day_parse("2028-02-29", &y, &m, &d), DAY_OK); /* leap year */
	assert_int_equal(day_parse("2000-02-29", &y, &m, &d), DAY_OK); /* every 400 years */
	assert_int_equal(day_parse("2026-12-31", &y, &m, &d), DAY_OK);
	assert_int_equal(day_parse("2026-01-01", &y, &m, &d), DAY_OK);
}

static void test_day_parse_days_that_are_not(void **state)
{
	(void)state;
	int y = 0, m = 0, d = 0;
	assert_int_equal(day_parse("2026-02-29", &y, &m, &d), DAY_NOT_REAL);
	/* the parts are still given, for the caller's message */
	assert_int_equal(y, 2026);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(day_parse("1900-02-29", &y, &m, &d), DAY_NOT_REAL); /* a century */
	assert_int_equal(day_parse("2026-13-01", &y, &m, &d), DAY_NOT_REAL);
	assert_int_equal(day_parse("2026-00-10", &y, &m, &d), DAY_NOT_REAL);
	assert_int_equal(day_parse("2026-04-31", &y, &m, &d), DAY_NOT_REAL);
	assert_int_equal(day_parse("2026-04-00", &y, &m, &d), DAY_NOT_REAL);
	assert_int_equal(day_parse("2026-01-32", &y, &m, &d), DAY_NOT_REAL);
}

static void test_day_parse_shapes(void **state)
{
	(void)state;
	int y, m, d;
	const char *bad[] = {"2026-1-01",   "2026-01-1",   "2026-01-01x", "2026-01-01 ", " 2026-01-01",
	                     "26-01-01",    "2026/01/01",  "",            "20261120",    "2026-01-+1",
	                     "+026-01-01",  "2026-01-0",   "2026_01_01",  "2026-01-01T00:00"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(day_parse(bad[i], &y, &m, &d), DAY_SHAPE);
}

static void test_day_parse_local(void **state)
{
	(void)state;
	test_zone("UTC0");
	int64_t t = 0;
	assert_int_equal(day_parse_local("2026-11-23", false, &t), 0);
	assert_int_equal(t, 1795392000);
	assert_int_equal(day_parse_local("2026-11-23", true, &t), 0);
	assert_int_equal(t, 1795392000 + 86399);
	test_zone("CET-1");
	assert_int_equal(day_parse_local("2026-11-23", false, &t), 0);
	assert_int_equal(t, 1795392000 - 3600);
	/* a day that is not one is refused, not moved to the next month */
	t = 7;
	assert_int_equal(day_parse_local("2026-02-30", false, &t), -1);
	assert_int_equal(day_parse_local("2026-2-3", false, &t), -1);
	assert_int_equal(t, 7);
	test_zone(NULL);
}

static void moments(void **state)
{
	(void)state;
	test_zone("UTC0");
	struct stamp st = {0, 99};
	assert_int_equal(stamp_parse_local("2026-11-23 08:10", &st), 0);
	assert_int_equal(st.t, 1795392000 + 8 * 3600 + 600);
	assert_int_equal(st.off_min, 0);
	assert_int_equal(stamp_parse_local("2026-11-23T08:10", &st), 0);
	const char *bad[] = {"2026-11-23 8:10",   " 2026-1-23 08:10", "2026-11-23 08:10 ",
	                     "2026-02-30 08:10",  "2026-11-23 24:00", "2026-11-23 08:60",
	                     "2026-11-23_08:10",  "2026-11-23 08-10", "+026-11-23 08:10",
	                     "2026-11-23 +8:10",  ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(stamp_parse_local(bad[i], &st), -1);
	test_zone(NULL);
}

SUITE(timefmt, cmocka_unit_test(test_day_parse_real_days),
      cmocka_unit_test(test_day_parse_days_that_are_not), cmocka_unit_test(test_day_parse_shapes),
      cmocka_unit_test(test_day_parse_local), cmocka_unit_test(moments))
