/* stats.h: the numbers behind Insights (issue 7): mood over time, trigger
 * patterns, what helps. Pure: the store hands in arrays of records, these
 * functions count and average them. No I/O, no clock, no locale.
 *
 * Time. Every record carries Unix seconds plus the local UTC offset it was
 * written with (see util/timefmt.h). Days, weeks, hours and months are
 * always those of the writer's local clock: t + off_min * 60, read as if it
 * were UTC ("local seconds"). So an entry written at 23:30 in Auckland stays
 * on its own evening even when read in London. Weeks start on Monday.
 * A "day number" is days since 1970-01-01 on that local calendar.
 *
 * THE RULE ON TOO LITTLE DATA. These numbers are about a person's healing;
 * a chart must never suggest more than the data can carry. The UI must say
 * plainly ("Not enough entries yet to see a pattern") instead of showing a
 * conclusion when:
 *   - a correlation has n < STATS_MIN_CORR (10) pairs, or either side never
 *     varies (struct relation's `enough` is false; r is then 0 and must not
 *     be shown);
 *   - a mean (a bucket, a tool's average drop, a tag's average mood) rests
 *     on n < STATS_MIN_MEAN (3) values: stats_enough(n) is false. The value
 *     may be drawn muted, but never as a finding.
 * Every result below carries its n so the UI can apply this rule. */
#ifndef TEND_CORE_STATS_H
#define TEND_CORE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATS_MIN_MEAN 3
#define STATS_MIN_CORR 10
/* mood_series refuses ranges longer than this many buckets (~270 years of days). */
#define STATS_MAX_BUCKETS 100000

/* n >= STATS_MIN_MEAN: enough values for a mean to be shown as a finding. */
bool stats_enough(size_t n);
/* n >= STATS_MIN_CORR: enough pairs for a correlation. */
bool stats_enough_corr(size_t n);

/* ---- records (borrowed: strings must outlive any result pointing at them) */

struct mood_point {
	int64_t t;          /* Unix seconds, UTC */
	int off_min;        /* local offset east of UTC, minutes */
	int score;          /* 0..10; points outside are ignored */
	double sleep_hours; /* < 0: unknown */
	int energy;         /* 0..10, or -1: unknown */
};

struct trigger_point {
	int64_t t;
	int off_min;
	const char *category;        /* NULL or "": not counted by category */
	int suds_before, suds_after; /* 0..100 distress, -1 unknown */
	const char *tool;            /* coping tool used, or NULL */
};

/* ---- calendar helpers (proleptic Gregorian, any year) */

/* t + off_min * 60. */
int64_t stats_local(int64_t t, int off_min);
/* The local day number of a moment. */
int64_t stats_day_of(int64_t t, int off_min);
int64_t stats_days_from_civil(int y, int m, int d);
void stats_civil_from_days(int64_t day, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday. */
int stats_weekday(int64_t day);
/* "YYYY-MM-DD" for a day number, in out; returns out. */
const char *stats_day_text(int64_t day, char out[16]);

/* ---- mood over time */

enum bucket { B_DAY, B_WEEK, B_MONTH };

struct series_bucket {
	int64_t day;  /* first local day of the bucket (a Monday for weeks, the 1st for months) */
	size_t count; /* 0: no entries; mean/min/max are then 0 and mean nothing */
	double mean;
	int min, max;
};

struct series {
	enum bucket b;
	size_t n;                 /* buckets, oldest first */
	struct series_bucket *v;
	size_t total;             /* points that landed in a bucket */
};

/* Buckets every day, week or month from the one holding `from` to the one
 * holding `to` (both local seconds, see stats_local; inclusive), including
 * empty ones, so a chart shows gaps honestly. Each point goes to the bucket
 * of its own local day. from > to gives an empty series. Returns 0, or -1
 * when memory runs out or the range is longer than STATS_MAX_BUCKETS (out
 * is then empty). Free with series_free. */
int mood_series(const struct mood_point *p, size_t n, int64_t from, int64_t to, enum bucket b,
                struct series *out);
void series_free(struct series *s);

/* Mean mood per local day of one year; count[i] == 0 means no data for day i
 * (mean[i] is then 0 and means nothing). Weeks begin on week_start (a
 * stats_weekday: 0 Monday, 6 Sunday). No allocation. */
struct heatmap {
	int year;
	int days;      /* 365 or 366 */
	int64_t day0;  /* day number of January 1st */
	int week_start; /* the weekday the rows start on, 0 = Monday */
	int wday0;     /* January 1st's place in its week, 0 = week_start */
	size_t count[366];
	double mean[366];
};
void year_heatmap(const struct mood_point *p, size_t n, int year, int week_start,
                  struct heatmap *out);

/* ---- trigger patterns */

struct cat_count {
	const char *category; /* points into the records */
	size_t count;
};

struct trigger_counts {
	struct cat_count *cats; /* by count, most first; ties by name (strcmp) */
	size_t ncats;
	size_t hour[24];        /* local hour of day */
	size_t wday[7];         /* local weekday, Monday first */
	size_t total;           /* every point, with or without a category */
};

/* Returns 0, or -1 when memory runs out (out is then empty). Free with
 * trigger_counts_free. */
int trigger_counts(const struct trigger_point *p, size_t n, struct trigger_counts *out);
void trigger_counts_free(struct trigger_counts *c);

/* ---- what helps */

struct tool_effect {
	const char *tool; /* points into the records */
	size_t uses;      /* times used at all */
	size_t n;         /* uses with both SUDS known: what mean_drop rests on */
	double mean_drop; /* mean of before - after over those n (0 when n == 0) */
};

/* Per coping tool, sorted by mean_drop (largest first; tools with n == 0
 * last), then n (most first), then name. Points without a tool are skipped.
 * *out is NULL when there is nothing. Returns 0, or -1 when memory runs out.
 * Free *out with free(). */
int coping_effects(const struct trigger_point *p, size_t n, struct tool_effect **out,
                   size_t *nout);

/* ---- relations */

struct relation {
	double r;    /* Pearson correlation in [-1, 1]; 0 when !enough */
	size_t n;    /* pairs with both sides known */
	bool enough; /* false: n < STATS_MIN_CORR or a side never varies */
};

struct relation stats_pearson(const double *x, const double *y, size_t n);
/* Mood against sleep hours / energy, over points where both are known. */
struct relation mood_vs_sleep(const struct mood_point *p, size_t n);
struct relation mood_vs_energy(const struct mood_point *p, size_t n);

struct tag_score {
	const char *tag;
	int score; /* 0..10; pairs outside are ignored */
};

struct tag_mean {
	const char *tag; /* points into the pairs */
	size_t n;
	double mean;
	bool enough; /* stats_enough(n) */
};

/* Mean mood per tag, sorted by tags with enough data first, then mean
 * (highest first), then n, then name. Returns 0, or -1 when memory runs out.
 * Free *out with free(). */
int tag_means(const struct tag_score *p, size_t n, struct tag_mean **out, size_t *nout);

#endif
