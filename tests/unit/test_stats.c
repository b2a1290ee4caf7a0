/* Insights statistics on known data: buckets in each writer's local time,
 * gaps, exact means, correlations and the "not enough data" flags, trigger
 * bins and the order of what helps. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "core/stats.h"

/* Checked with date -u: 2024-12-30 00:00 UTC (a Monday), 2025-01-01 00:00
 * UTC (a Wednesday). */
#define MON_2024_12_30 INT64_C(1735516800)
#define WED_2025_01_01 INT64_C(1735689600)
#define DAY INT64_C(86400)
#define HOUR INT64_C(3600)

static struct mood_point mp(int64_t t, int off_min, int score)
{
	return (struct mood_point){t, off_min, score, -1, -1};
}

static void calendar(void **state)
{
	(void)state;
	assert_int_equal(stats_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(stats_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(stats_days_from_civil(2024, 12, 30), MON_2024_12_30 / DAY);
	assert_int_equal(stats_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(stats_weekday(0), 3);  /* Thursday */
	assert_int_equal(stats_weekday(-1), 2); /* Wednesday */
	assert_int_equal(stats_weekday(MON_2024_12_30 / DAY), 0);
	assert_int_equal(stats_weekday(WED_2025_01_01 / DAY), 2);
	for (int64_t d = -800; d < 800000; d += 37) {
		int y, m, dd;
		stats_civil_from_days(d, &y, &m, &dd);
		assert_int_equal(stats_days_from_civil(y, m, dd), d);
	}
	int y, m, d;
	stats_civil_from_days(stats_days_from_civil(2024, 2, 29), &y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 20240229);
	/* Local days: before 1970 and across an offset. */
	assert_int_equal(stats_day_of(-1, 0), -1);
	assert_int_equal(stats_day_of(WED_2025_01_01 - 30 * 60, 60), WED_2025_01_01 / DAY);
	assert_int_equal(stats_day_of(WED_2025_01_01 + 3 * HOUR, -300), WED_2025_01_01 / DAY - 1);
	assert_true(stats_enough(3));
	assert_false(stats_enough(2));
	assert_true(stats_enough_corr(10));
	assert_false(stats_enough_corr(9));
}

static void empty_input(void **state)
{
	(void)state;
	struct series s;
	assert_int_equal(mood_series(NULL, 0, MON_2024_12_30, MON_2024_12_30 + 2 * DAY, B_DAY, &s), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.total, 0);
	for (size_t i = 0; i < s.n; i++) {
		assert_int_equal(s.v[i].count, 0);
		assert_int_equal(s.v[i].day, MON_2024_12_30 / DAY + (int64_t)i);
	}
	series_free(&s);
	assert_null(s.v);

	/* A range that ends before it starts: no buckets. */
	assert_int_equal(mood_series(NULL, 0, MON_2024_12_30, MON_2024_12_30 - 1, B_DAY, &s), 0);
	assert_int_equal(s.n, 0);
	assert_null(s.v);
	series_free(&s);
	/* A range far too long is refused, not allocated. */
	assert_int_equal(mood_series(NULL, 0, 0, INT64_C(1) << 50, B_DAY, &s), -1);
	assert_int_equal(s.n, 0);

	struct heatmap h;
	year_heatmap(NULL, 0, 2025, 0, &h);
	assert_int_equal(h.days, 365);
	assert_int_equal(h.wday0, 2);
	assert_int_equal(h.day0, WED_2025_01_01 / DAY);
	for (int d = 0; d < h.days; d++)
		assert_int_equal(h.count[d], 0);
	year_heatmap(NULL, 0, 2024, 0, &h);
	assert_int_equal(h.days, 366);

	struct trigger_counts tc;
	assert_int_equal(trigger_counts(NULL, 0, &tc), 0);
	assert_int_equal(tc.total, 0);
	assert_int_equal(tc.ncats, 0);
	assert_null(tc.cats);
	trigger_counts_free(&tc);

	struct tool_effect *fx = (void *)1;
	size_t nfx = 9;
	assert_int_equal(coping_effects(NULL, 0, &fx, &nfx), 0);
	assert_null(fx);
	assert_int_equal(nfx, 0);

	struct tag_mean *tm = (void *)1;
	size_t ntm = 9;
	assert_int_equal(tag_means(NULL, 0, &tm, &ntm), 0);
	assert_null(tm);
	assert_int_equal(ntm, 0);

	struct relation r = mood_vs_sleep(NULL, 0);
	assert_false(r.enough);
	assert_int_equal(r.n, 0);
	r = stats_pearson(NULL, NULL, 0);
	assert_false(r.enough);
}

static void single_point(void **state)
{
	(void)state;
	struct mood_point p = mp(MON_2024_12_30 + 12 * HOUR, 0, 6);
	struct series s;
	assert_int_equal(mood_series(&p, 1, MON_2024_12_30, MON_2024_12_30 + 12 * HOUR, B_DAY, &s), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.total, 1);
	assert_int_equal(s.v[0].count, 1);
	assert_float_equal(s.v[0].mean, 6.0, 0);
	assert_int_equal(s.v[0].min, 6);
	assert_int_equal(s.v[0].max, 6);
	series_free(&s);

	/* A score outside 0..10 is not data. */
	p.score = 11;
	assert_int_equal(mood_series(&p, 1, MON_2024_12_30, MON_2024_12_30, B_DAY, &s), 0);
	assert_int_equal(s.total, 0);
	series_free(&s);
}

static void week_boundary(void **state)
{
	(void)state;
	/* Sunday 2024-12-29 evening and Monday 2024-12-30 morning fall in two
	 * weeks; the weeks start on Monday. */
	struct mood_point p[] = {
		mp(MON_2024_12_30 - 2 * HOUR, 0, 2),
		mp(MON_2024_12_30 + 9 * HOUR, 0, 8),
		mp(MON_2024_12_30 + 6 * DAY + 23 * HOUR, 0, 6), /* Sunday 2025-01-05 */
	};
	struct series s;
	assert_int_equal(mood_series(p, 3, MON_2024_12_30 - DAY, MON_2024_12_30 + 6 * DAY, B_WEEK, &s),
	                 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.v[0].day, stats_days_from_civil(2024, 12, 23));
	assert_int_equal(s.v[1].day, stats_days_from_civil(2024, 12, 30));
	assert_int_equal(s.v[0].count, 1);
	assert_float_equal(s.v[0].mean, 2.0, 0);
	assert_int_equal(s.v[1].count, 2);
	assert_float_equal(s.v[1].mean, 7.0, 0);
	assert_int_equal(s.v[1].min, 6);
	assert_int_equal(s.v[1].max, 8);
	series_free(&s);
}

static void month_year_and_offset(void **state)
{
	(void)state;
	/* 23:30 UTC on New Year's Eve: December in London, but already 00:30
	 * on January 1st for someone at UTC+1 and still the 31st at UTC-5. */
	int64_t t = WED_2025_01_01 - 30 * 60;
	struct mood_point p[] = {
		mp(t, 0, 3),
		mp(t, 60, 9),
		mp(WED_2025_01_01 + 3 * HOUR, -300, 5),
	};
	struct series s;
	int64_t from = stats_local(MON_2024_12_30, 0), to = stats_local(WED_2025_01_01, 0);
	assert_int_equal(mood_series(p, 3, from, to, B_MONTH, &s), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.v[0].day, stats_days_from_civil(2024, 12, 1));
	assert_int_equal(s.v[1].day, stats_days_from_civil(2025, 1, 1));
	assert_int_equal(s.v[0].count, 2);
	assert_float_equal(s.v[0].mean, 4.0, 0);
	assert_int_equal(s.v[1].count, 1);
	assert_float_equal(s.v[1].mean, 9.0, 0);
	series_free(&s);

	/* Per day: Dec 30 empty, Dec 31 two points, Jan 1 one. */
	assert_int_equal(mood_series(p, 3, from, to, B_DAY, &s), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.v[0].count, 0);
	assert_int_equal(s.v[1].count, 2);
	assert_int_equal(s.v[2].count, 1);
	assert_int_equal(s.v[2].day, WED_2025_01_01 / DAY);
	series_free(&s);

	/* The year heat maps split the same way. */
	struct heatmap h;
	year_heatmap(p, 3, 2025, 0, &h);
	assert_int_equal(h.count[0], 1);
	assert_float_equal(h.mean[0], 9.0, 0);
	for (int d = 1; d < h.days; d++)
		assert_int_equal(h.count[d], 0);
	year_heatmap(p, 3, 2024, 0, &h);
	assert_int_equal(h.count[365], 2); /* December 31st of a leap year */
	assert_float_equal(h.mean[365], 4.0, 0);
	assert_int_equal(h.wday0, 0); /* 2024 began on a Monday */
}

static void gaps_and_means(void **state)
{
	(void)state;
	struct mood_point p[] = {
		mp(MON_2024_12_30 + 8 * HOUR, 0, 2),
		mp(MON_2024_12_30 + 12 * HOUR, 0, 3),
		mp(MON_2024_12_30 + 20 * HOUR, 0, 7),
		mp(MON_2024_12_30 + 4 * DAY + HOUR, 0, 10),
		mp(MON_2024_12_30 + 4 * DAY + 2 * HOUR, 0, 0),
		mp(MON_2024_12_30 + 4 * DAY + 3 * HOUR, 0, 0),
		mp(MON_2024_12_30 + 9 * DAY, 0, 5), /* after the range: left out */
	};
	struct series s;
	assert_int_equal(
		mood_series(p, 7, MON_2024_12_30, MON_2024_12_30 + 4 * DAY + 5, B_DAY, &s), 0);
	assert_int_equal(s.n, 5);
	assert_int_equal(s.total, 6);
	assert_int_equal(s.v[0].count, 3);
	assert_float_equal(s.v[0].mean, 4.0, 0);
	assert_int_equal(s.v[0].min, 2);
	assert_int_equal(s.v[0].max, 7);
	for (int i = 1; i <= 3; i++) {
		assert_int_equal(s.v[i].count, 0);
		assert_float_equal(s.v[i].mean, 0.0, 0);
	}
	assert_int_equal(s.v[4].count, 3);
	assert_float_equal(s.v[4].mean, 10.0 / 3.0, 1e-12);
	assert_int_equal(s.v[4].min, 0);
	assert_int_equal(s.v[4].max, 10);
	series_free(&s);
}

static void correlations(void **state)
{
	(void)state;
	struct mood_point p[14];
	/* Perfectly linear: mood = sleep - 1 and energy = 10 - mood. */
	for (int i = 0; i < 10; i++) {
		p[i] = mp(MON_2024_12_30 + i * DAY, 0, i);
		p[i].sleep_hours = i + 1;
		p[i].energy = 10 - i;
	}
	/* Unknown sides are skipped, not read as zero. */
	for (int i = 10; i < 14; i++)
		p[i] = mp(MON_2024_12_30 + i * DAY, 0, 3);
	struct relation r = mood_vs_sleep(p, 14);
	assert_true(r.enough);
	assert_int_equal(r.n, 10);
	assert_float_equal(r.r, 1.0, 1e-12);
	r = mood_vs_energy(p, 14);
	assert_true(r.enough);
	assert_float_equal(r.r, -1.0, 1e-12);

	/* Nine pairs: not enough, whatever they show. */
	r = mood_vs_sleep(p, 9);
	assert_false(r.enough);
	assert_int_equal(r.n, 9);
	assert_float_equal(r.r, 0.0, 0);

	/* Constant sleep: no variance, no conclusion. */
	for (int i = 0; i < 14; i++)
		p[i].sleep_hours = 7.1;
	r = mood_vs_sleep(p, 14);
	assert_false(r.enough);
	assert_int_equal(r.n, 14);

	double x[12], y[12], c[12];
	for (int i = 0; i < 12; i++) {
		x[i] = i * 0.5;
		y[i] = 3 * x[i] + 2;
		c[i] = 0.1;
	}
	r = stats_pearson(x, y, 12);
	assert_true(r.enough);
	assert_float_equal(r.r, 1.0, 1e-12);
	r = stats_pearson(x, c, 12);
	assert_false(r.enough);
	/* Half rising, half falling: no linear relation at all. */
	double a[10] = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5};
	double b[10] = {1, 2, 3, 4, 5, 5, 4, 3, 2, 1};
	r = stats_pearson(a, b, 10);
	assert_true(r.enough);
	assert_float_equal(r.r, 0.0, 1e-12);
}

static void trigger_bins(void **state)
{
	(void)state;
	int64_t mon = MON_2024_12_30;
	struct trigger_point p[] = {
		{mon + 9 * HOUR, 0, "work", -1, -1, NULL},
		{mon + 9 * HOUR + 59 * 60, 0, "work", -1, -1, NULL},
		{mon + DAY + 17 * HOUR, 0, "work", -1, -1, NULL},            /* Tuesday */
		{mon + 2 * DAY + 22 * HOUR, 0, "health", -1, -1, NULL},      /* Wednesday */
		{mon + 2 * DAY + 22 * HOUR, 0, "family", -1, -1, NULL},
		{mon + 3 * DAY + 12 * HOUR, 0, "family", -1, -1, NULL},
		{mon + 6 * DAY + 23 * HOUR + 1800, 60, "health", -1, -1, NULL}, /* 00:30 next Monday */
		{mon + 5 * DAY, 0, "sleep", -1, -1, NULL},                   /* Saturday */
		{mon + 5 * DAY, 0, NULL, -1, -1, NULL},
		{mon + 5 * DAY, 0, "", -1, -1, NULL},
	};
	struct trigger_counts tc;
	assert_int_equal(trigger_counts(p, 10, &tc), 0);
	assert_int_equal(tc.total, 10);
	assert_int_equal(tc.ncats, 4);
	assert_string_equal(tc.cats[0].category, "work");
	assert_int_equal(tc.cats[0].count, 3);
	assert_string_equal(tc.cats[1].category, "family"); /* ties by name */
	assert_int_equal(tc.cats[1].count, 2);
	assert_string_equal(tc.cats[2].category, "health");
	assert_int_equal(tc.cats[2].count, 2);
	assert_string_equal(tc.cats[3].category, "sleep");
	assert_int_equal(tc.cats[3].count, 1);

	size_t hour_want[24] = {0};
	hour_want[9] = 2;
	hour_want[17] = 1;
	hour_want[22] = 2;
	hour_want[12] = 1;
	hour_want[0] = 4; /* the UTC+1 point and the three at Saturday midnight */
	for (int i = 0; i < 24; i++)
		assert_int_equal(tc.hour[i], hour_want[i]);
	size_t wday_want[7] = {3, 1, 2, 1, 0, 3, 0};
	for (int i = 0; i < 7; i++)
		assert_int_equal(tc.wday[i], wday_want[i]);
	trigger_counts_free(&tc);
	assert_null(tc.cats);
}

static void coping_order(void **state)
{
	(void)state;
	int64_t t = MON_2024_12_30;
	struct trigger_point p[] = {
		{t, 0, "work", 70, 40, "breathing"},
		{t, 0, "work", 60, 40, "breathing"},
		{t, 0, "work", 50, 40, "breathing"},
		{t, 0, "work", 60, 40, "walk"},
		{t, 0, "work", 80, 50, "grounding"},
		{t, 0, "work", 60, 40, "grounding"},
		{t, 0, "work", 40, 45, "cold water"},
		{t, 0, "work", -1, -1, "music"},
		{t, 0, "work", 60, -1, "music"},
		{t, 0, "work", 50, -1, "walk"}, /* used, not rated */
		{t, 0, "work", 90, 10, NULL},   /* no tool */
	};
	struct tool_effect *fx;
	size_t n;
	assert_int_equal(coping_effects(p, 11, &fx, &n), 0);
	assert_int_equal(n, 5);
	assert_string_equal(fx[0].tool, "grounding");
	assert_float_equal(fx[0].mean_drop, 25.0, 0);
	assert_int_equal(fx[0].n, 2);
	assert_string_equal(fx[1].tool, "breathing"); /* same drop as walk, more data */
	assert_float_equal(fx[1].mean_drop, 20.0, 0);
	assert_int_equal(fx[1].n, 3);
	assert_int_equal(fx[1].uses, 3);
	assert_string_equal(fx[2].tool, "walk");
	assert_float_equal(fx[2].mean_drop, 20.0, 0);
	assert_int_equal(fx[2].n, 1);
	assert_int_equal(fx[2].uses, 2);
	assert_string_equal(fx[3].tool, "cold water");
	assert_float_equal(fx[3].mean_drop, -5.0, 0);
	assert_string_equal(fx[4].tool, "music"); /* never rated: last */
	assert_int_equal(fx[4].n, 0);
	assert_int_equal(fx[4].uses, 2);
	assert_true(stats_enough(fx[1].n));
	assert_false(stats_enough(fx[0].n));
	free(fx);
}

static void tags(void **state)
{
	(void)state;
	struct tag_score p[] = {
		{"walk", 8}, {"walk", 7}, {"walk", 9}, {"work", 3}, {"work", 4}, {"work", 5},
		{"party", 10}, {NULL, 5}, {"walk", 12},
	};
	struct tag_mean *tm;
	size_t n;
	assert_int_equal(tag_means(p, 9, &tm, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(tm[0].tag, "walk");
	assert_float_equal(tm[0].mean, 8.0, 0);
	assert_int_equal(tm[0].n, 3);
	assert_true(tm[0].enough);
	assert_string_equal(tm[1].tag, "work");
	assert_float_equal(tm[1].mean, 4.0, 0);
	/* One evening at a party says nothing yet, however high: after the rest. */
	assert_string_equal(tm[2].tag, "party");
	assert_false(tm[2].enough);
	assert_int_equal(tm[2].n, 1);
	free(tm);
}

SUITE(stats, cmocka_unit_test(calendar), cmocka_unit_test(empty_input),
      cmocka_unit_test(single_point), cmocka_unit_test(week_boundary),
      cmocka_unit_test(month_year_and_offset), cmocka_unit_test(gaps_and_means),
      cmocka_unit_test(correlations), cmocka_unit_test(trigger_bins),
      cmocka_unit_test(coping_order), cmocka_unit_test(tags))
