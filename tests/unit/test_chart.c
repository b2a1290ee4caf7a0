/* The Insights charts as text, without a terminal: shapes, labels, roles,
 * gaps, the most recent data kept when narrow, and pure ASCII when asked. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "util/utf8.h"
#include "widgets/chart.h"

#define MON_2024_12_30 INT64_C(1735516800)
#define DAY INT64_C(86400)

/* Every line exactly t->cols columns of valid UTF-8; ASCII only when asked. */
static void well_formed(const struct chart_text *t, int rows, int cols, bool ascii)
{
	assert_int_equal(t->rows, rows);
	assert_int_equal(t->cols, cols);
	for (int r = 0; r < rows; r++) {
		const char *l = t->lines[r];
		assert_true(utf8_valid(l, strlen(l)));
		assert_int_equal(utf8_width(l, strlen(l)), (size_t)cols);
		if (ascii)
			for (const char *p = l; *p; p++)
				assert_true((unsigned char)*p < 0x80);
	}
}

/* The character drawn at display column col of row r, as UTF-8. */
static const char *at(const struct chart_text *t, int r, int col)
{
	static char out[16];
	const char *l = t->lines[r];
	size_t len = strlen(l), i = 0, adv;
	int c = 0;
	while (i < len) {
		uint32_t cp = utf8_decode(l + i, len - i, &adv);
		int w = u_width(cp);
		if (c == col) {
			memcpy(out, l + i, adv);
			out[adv] = '\0';
			return out;
		}
		c += w;
		i += adv;
		if (c > col)
			break;
	}
	return "";
}

static bool has(const struct chart_text *t, int r, const char *s)
{
	return strstr(t->lines[r], s) != NULL;
}

/* A day series starting on Monday 2024-12-30 with the given means;
 * a negative mean is an empty bucket. */
static void make_series(struct series *s, const double *means, size_t n)
{
	s->b = B_DAY;
	s->n = n;
	s->total = 0;
	s->v = calloc(n, sizeof(*s->v));
	assert_non_null(s->v);
	for (size_t i = 0; i < n; i++) {
		s->v[i].day = MON_2024_12_30 / DAY + (int64_t)i;
		if (means[i] >= 0) {
			s->v[i].count = 1;
			s->v[i].mean = means[i];
			s->total++;
		}
	}
}

static void bars_60(void **state)
{
	(void)state;
	const double m[7] = {2, 5, -1, 8, 10, 0, 6.5};
	struct series s;
	make_series(&s, m, 7);
	struct chart_text t;
	assert_int_equal(chart_bars_text(&s, 8, 60, false, &t), 0);
	well_formed(&t, 8, 60, false);
	/* The y axis: 10, 5 and 0 on seven plot rows. */
	assert_true(strncmp(t.lines[0], "10\u2502", 5) == 0);
	assert_true(strncmp(t.lines[3], " 5\u2502", 5) == 0);
	assert_true(strncmp(t.lines[6], " 0\u2502", 5) == 0);
	assert_int_equal(chart_role_at(&t, 0, 0), ROLE_MUTED);
	/* Seven buckets in 57 columns: 8 columns each, bars 7 wide. */
	/* 10: full height, high. */
	assert_string_equal(at(&t, 0, 3 + 8 * 4), "\u2588");
	assert_string_equal(at(&t, 0, 3 + 8 * 4 + 6), "\u2588");
	assert_string_equal(at(&t, 0, 3 + 8 * 4 + 7), " ");
	assert_int_equal(chart_role_at(&t, 0, 3 + 8 * 4), ROLE_MOOD_HIGH);
	/* 2: 11.2 eighths of 56 rounds to 11: one full cell and a 3/8 block. */
	assert_string_equal(at(&t, 6, 3), "\u2588");
	assert_string_equal(at(&t, 5, 3), "\u2583");
	assert_string_equal(at(&t, 4, 3), " ");
	assert_int_equal(chart_role_at(&t, 6, 3), ROLE_MOOD_LOW);
	/* 5 and 6.5 are mid, 8 high. */
	assert_int_equal(chart_role_at(&t, 6, 3 + 8), ROLE_MOOD_MID);
	assert_int_equal(chart_role_at(&t, 6, 3 + 8 * 6), ROLE_MOOD_MID);
	assert_int_equal(chart_role_at(&t, 6, 3 + 8 * 3), ROLE_MOOD_HIGH);
	/* The gap: a muted dot on the base line, nothing above. */
	assert_string_equal(at(&t, 6, 3 + 8 * 2), "\u00b7");
	assert_int_equal(chart_role_at(&t, 6, 3 + 8 * 2), ROLE_MUTED);
	assert_string_equal(at(&t, 5, 3 + 8 * 2), " ");
	/* A real 0 still shows as the lowest block, unlike a gap. */
	assert_string_equal(at(&t, 6, 3 + 8 * 5), "\u2581");
	/* Every bucket named on the last row. */
	assert_true(strncmp(t.lines[7], "   Dec 30  Dec 31  Jan 1   Jan 2   Jan 3", 40) == 0);
	assert_true(has(&t, 7, "Jan 5"));
	assert_int_equal(chart_role_at(&t, 7, 3), ROLE_MUTED);
	assert_false(has(&t, 3, "No entries"));
	chart_text_free(&t);
	assert_null(t.lines);
	series_free(&s);
}

static void bars_narrow_keeps_recent(void **state)
{
	(void)state;
	double m[200];
	for (int i = 0; i < 200; i++)
		m[i] = i % 11;
	m[199] = -1; /* the newest bucket is empty */
	m[198] = 10;
	struct series s;
	make_series(&s, m, 200);
	struct chart_text t;
	for (int cols = 20; cols <= 120; cols += 100) {
		assert_int_equal(chart_bars_text(&s, 6, cols, false, &t), 0);
		well_formed(&t, 6, cols, false);
		/* One column per bucket, the newest at the right edge. */
		assert_string_equal(at(&t, 4, cols - 1), "\u00b7");
		assert_string_equal(at(&t, 0, cols - 2), "\u2588");
		/* The newest date is named, ending at the edge: day 199 is 2025-07-17. */
		int len = (int)strlen(t.lines[5]);
		assert_true(len >= 6);
		assert_string_equal(t.lines[5] + len - 6, "Jul 17");
		chart_text_free(&t);
	}
	series_free(&s);
}

static void bars_ascii_and_edges(void **state)
{
	(void)state;
	const double m[5] = {1, -1, 4, 7.5, 10};
	struct series s;
	make_series(&s, m, 5);
	struct chart_text t;
	for (int cols = 60; cols <= 120; cols += 60) {
		assert_int_equal(chart_bars_text(&s, 6, cols, true, &t), 0);
		well_formed(&t, 6, cols, true);
		assert_true(strncmp(t.lines[0], "10|", 3) == 0);
		int slot = (cols - 3) / 5 > 8 ? 8 : (cols - 3) / 5;
		assert_string_equal(at(&t, 4, 3 + slot), "."); /* the gap */
		assert_string_equal(at(&t, 0, 3 + slot * 4), "#");
		assert_int_equal(chart_role_at(&t, 0, 3 + slot * 4), ROLE_MOOD_HIGH);
		chart_text_free(&t);
	}
	series_free(&s);

	/* No entries at all: said in words, over the empty base line. */
	const double none[3] = {-1, -1, -1};
	make_series(&s, none, 3);
	assert_int_equal(chart_bars_text(&s, 6, 60, true, &t), 0);
	well_formed(&t, 6, 60, true);
	assert_true(has(&t, 2, "No entries in this period"));
	chart_text_free(&t);
	assert_int_equal(chart_bars_text(&s, 6, 20, false, &t), 0);
	well_formed(&t, 6, 20, false);
	assert_true(has(&t, 2, "No entries"));
	chart_text_free(&t);
	series_free(&s);

	/* Months: the year stands in for January. */
	struct mood_point p = {MON_2024_12_30, 0, 5, -1, -1};
	assert_int_equal(mood_series(&p, 1, MON_2024_12_30 - 40 * DAY, MON_2024_12_30 + 40 * DAY,
	                             B_MONTH, &s),
	                 0);
	assert_int_equal(s.n, 4);
	assert_int_equal(chart_bars_text(&s, 5, 60, false, &t), 0);
	well_formed(&t, 5, 60, false);
	assert_true(has(&t, 4, "Nov"));
	assert_true(has(&t, 4, "Dec"));
	assert_true(has(&t, 4, "2025"));
	assert_true(has(&t, 4, "Feb"));
	chart_text_free(&t);
	series_free(&s);

	/* Too small: blank, never garbage. */
	assert_int_equal(chart_bars_text(NULL, 6, 19, false, &t), 0);
	well_formed(&t, 6, 19, true);
	for (int r = 0; r < 6; r++)
		assert_int_equal(strspn(t.lines[r], " "), 19);
	chart_text_free(&t);
	assert_int_equal(chart_bars_text(NULL, 2, 60, false, &t), 0);
	well_formed(&t, 2, 60, true);
	chart_text_free(&t);
}

static void list_bars(void **state)
{
	(void)state;
	const struct chart_item it[] = {
		{"work", 8, 8, true},
		{"family", 4, 4, true},
		{"a very long category name indeed", 2, 2, false},
		{"\xe4\xbb\x95\xe4\xba\x8b", 1, 1, false}, /* 仕事: two wide characters */
	};
	struct chart_text t;
	assert_int_equal(chart_list_text(it, 4, 0, 0, ROLE_EMPH, 3, 60, false, &t), 0);
	well_formed(&t, 3, 60, false);
	/* Label width 24 (2/5 of 60), value 1, n 3: the bar gets 60-24-1-3-3 = 29. */
	assert_true(strncmp(t.lines[0], "work ", 5) == 0);
	assert_string_equal(at(&t, 0, 25), "\u2588");
	assert_string_equal(at(&t, 0, 25 + 28), "\u2588");
	assert_int_equal(chart_role_at(&t, 0, 25), ROLE_EMPH);
	assert_true(has(&t, 0, " 8 n=8"));
	/* family: half of 29 cells is 14.5: 14 full and a half block. */
	assert_string_equal(at(&t, 1, 25 + 13), "\u2588");
	assert_string_equal(at(&t, 1, 25 + 14), "\u258c");
	assert_string_equal(at(&t, 1, 25 + 15), " ");
	/* Cut with an ellipsis, and muted when there is too little data. */
	assert_string_equal(at(&t, 2, 23), "\u2026");
	assert_int_equal(chart_role_at(&t, 2, 0), ROLE_MUTED);
	assert_int_equal(chart_role_at(&t, 2, 25), ROLE_MUTED);
	chart_text_free(&t);

	/* 120 columns, one decimal, the wide label laid out by display width. */
	assert_int_equal(chart_list_text(it, 4, 10, 1, ROLE_GOOD, 10, 120, false, &t), 0);
	well_formed(&t, 10, 120, false);
	assert_true(has(&t, 0, " 8.0 n=8"));
	assert_true(has(&t, 3, "\xe4\xbb\x95\xe4\xba\x8b "));
	assert_string_equal(at(&t, 3, 0), "\xe4\xbb\x95");
	assert_true(has(&t, 2, "a very long category name indeed "));
	chart_text_free(&t);

	/* ASCII at 60 and 20 columns: labels that are not ASCII become '?'. */
	assert_int_equal(chart_list_text(it, 4, 0, 1, ROLE_EMPH, 4, 60, true, &t), 0);
	well_formed(&t, 4, 60, true);
	assert_true(has(&t, 2, "~"));
	assert_true(has(&t, 0, "#"));
	assert_true(strncmp(t.lines[3], "?? ", 3) == 0);
	chart_text_free(&t);
	assert_int_equal(chart_list_text(it, 4, 0, 1, ROLE_EMPH, 4, 20, true, &t), 0);
	well_formed(&t, 4, 20, true);
	assert_true(has(&t, 0, "work"));
	assert_true(has(&t, 0, "8.0 n=8"));
	chart_text_free(&t);
	/* When even a short label leaves no room, the n column gives way. */
	const struct chart_item big = {"a long label", 100.5, 1234, true};
	assert_int_equal(chart_list_text(&big, 1, 0, 1, ROLE_EMPH, 1, 20, false, &t), 0);
	well_formed(&t, 1, 20, false);
	assert_true(strncmp(t.lines[0], "a lon\u2026 ", 9) == 0);
	assert_null(strstr(t.lines[0], "n="));
	assert_true(has(&t, 0, "100.5"));
	chart_text_free(&t);

	/* Nothing to show, and negative values draw no bar. */
	assert_int_equal(chart_list_text(NULL, 0, 0, 0, ROLE_EMPH, 3, 60, false, &t), 0);
	well_formed(&t, 3, 60, true);
	chart_text_free(&t);
	const struct chart_item neg = {"cold water", -5, 3, true};
	assert_int_equal(chart_list_text(&neg, 1, 20, 1, ROLE_EMPH, 1, 60, true, &t), 0);
	well_formed(&t, 1, 60, true);
	assert_null(strchr(t.lines[0], '#'));
	assert_true(has(&t, 0, "-5.0 n=3"));
	chart_text_free(&t);
}

static void heatmap(void **state)
{
	(void)state;
	int64_t jan1 = MON_2024_12_30 + 2 * DAY;
	struct mood_point p[] = {
		{jan1 + 3600, 0, 2, -1, -1},
		{jan1 + 5 * DAY, 0, 9, -1, -1},  /* Monday January 6th */
		{jan1 + 61 * DAY, 0, 5, -1, -1}, /* March 3rd */
	};
	struct heatmap h;
	year_heatmap(p, 3, 2025, 0, &h);
	struct chart_text t;

	/* 120 columns: 53 weeks, two columns each, a month row on top. */
	assert_int_equal(chart_heatmap_text(&h, INT64_MAX, 8, 120, false, &t), 0);
	well_formed(&t, 8, 120, false);
	assert_true(strncmp(t.lines[0], "   Jan", 6) == 0);
	assert_true(has(&t, 0, "Dec"));
	assert_true(strncmp(t.lines[1], "Mo ", 3) == 0);
	assert_string_equal(at(&t, 1, 3), " ");        /* Dec 30 2024: not this year */
	assert_string_equal(at(&t, 3, 3), "\u2591");   /* Jan 1: low */
	assert_int_equal(chart_role_at(&t, 3, 3), ROLE_MOOD_LOW);
	assert_string_equal(at(&t, 4, 3), "\u00b7");   /* Jan 2: no data */
	assert_int_equal(chart_role_at(&t, 4, 3), ROLE_MUTED);
	assert_string_equal(at(&t, 1, 5), "\u2593");   /* Jan 6: high */
	assert_int_equal(chart_role_at(&t, 1, 5), ROLE_MOOD_HIGH);
	assert_string_equal(at(&t, 1, 3 + 2 * 9), "\u2592"); /* Mar 3, week 9: mid */
	assert_string_equal(at(&t, 3, 3 + 2 * 52), "\u00b7"); /* Dec 31, last week */
	chart_text_free(&t);

	/* 60 columns, ASCII, no month row in 7 rows, ending on March 3rd. */
	assert_int_equal(chart_heatmap_text(&h, h.day0 + 61, 7, 60, true, &t), 0);
	well_formed(&t, 7, 60, true);
	assert_true(strncmp(t.lines[0], "Mo ", 3) == 0);
	assert_string_equal(at(&t, 2, 3), "-");
	assert_string_equal(at(&t, 0, 5), "#");
	assert_string_equal(at(&t, 0, 3 + 2 * 9), "+");
	assert_string_equal(at(&t, 1, 3 + 2 * 9), " "); /* March 4th: not yet */
	assert_string_equal(at(&t, 1, 3 + 2 * 8), ".");
	chart_text_free(&t);

	/* 20 columns: the 17 most recent weeks, one column each. */
	assert_int_equal(chart_heatmap_text(&h, INT64_MAX, 8, 20, false, &t), 0);
	well_formed(&t, 8, 20, false);
	assert_string_equal(at(&t, 3, 19), "\u00b7"); /* Wed Dec 31 in the last column */
	assert_string_equal(at(&t, 4, 19), " ");      /* Thu Jan 1 2026: next year */
	assert_true(has(&t, 0, "Sep") || has(&t, 0, "Oct"));
	chart_text_free(&t);
	assert_int_equal(chart_heatmap_text(&h, INT64_MAX, 8, 20, true, &t), 0);
	well_formed(&t, 8, 20, true);
	chart_text_free(&t);

	/* Too few rows: blank. */
	assert_int_equal(chart_heatmap_text(&h, INT64_MAX, 6, 60, false, &t), 0);
	well_formed(&t, 6, 60, true);
	chart_text_free(&t);

	/* Weeks from Sunday (week_start = sunday): Sunday is the top row, and
	 * Wednesday January 1st is its week's fourth day. */
	year_heatmap(p, 3, 2025, 6, &h);
	assert_int_equal(h.wday0, 3);
	assert_int_equal(chart_heatmap_text(&h, INT64_MAX, 8, 120, false, &t), 0);
	well_formed(&t, 8, 120, false);
	assert_true(strncmp(t.lines[1], "Su ", 3) == 0);
	assert_true(strncmp(t.lines[3], "Tu ", 3) == 0);
	assert_true(strncmp(t.lines[7], "Sa ", 3) == 0);
	assert_string_equal(at(&t, 4, 3), "\u2591");   /* Jan 1: low, in its own row */
	assert_string_equal(at(&t, 2, 5), "\u2593");   /* Monday Jan 6, second week */
	assert_string_equal(at(&t, 1, 5), "\u00b7");   /* Sunday Jan 5: no data */
	chart_text_free(&t);
}

SUITE(chart, cmocka_unit_test(bars_60), cmocka_unit_test(bars_narrow_keeps_recent),
      cmocka_unit_test(bars_ascii_and_edges), cmocka_unit_test(list_bars),
      cmocka_unit_test(heatmap))
