/* timefmt.h: timestamps as tend stores them: Unix seconds plus the local
 * UTC offset in minutes at the time of writing, so moving between time
 * zones never reorders a diary. */
#ifndef TEND_UTIL_TIMEFMT_H
#define TEND_UTIL_TIMEFMT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct stamp {
	int64_t t;   /* Unix seconds, UTC */
	int off_min; /* local offset east of UTC, minutes */
};

struct stamp stamp_now(void);
/* A moment typed as local wall-clock time, "YYYY-MM-DD HH:MM" (a 'T' for
 * the space works too), with the offset it had then. -1 when it is not such
 * a time, or not a real one (31 February, a time skipped by a clock change). */
int stamp_parse_local(const char *s, struct stamp *out);

/* What day_parse found in a "YYYY-MM-DD" text. */
enum day_parse {
	DAY_OK = 0,       /* a real calendar day */
	DAY_SHAPE = -1,   /* not exactly ten characters: four digits, '-', two, '-', two */
	DAY_NOT_REAL = -2 /* the right shape but no day (2026-02-30, 2026-13-01) */
};
/* The one reader of a calendar day written "YYYY-MM-DD". y, m and d are set
 * to what the text says whenever it has the right shape (DAY_OK and
 * DAY_NOT_REAL), so a caller can tell its own story about a bad day. */
enum day_parse day_parse(const char *s, int *y, int *m, int *d);
/* A real "YYYY-MM-DD" as local time, Unix seconds: its first second, or its
 * last one (23:59:59) when end_of_day. -1 when day_parse does not say DAY_OK
 * or the C library cannot place the time. */
int day_parse_local(const char *s, bool end_of_day, int64_t *out);
/* "2026-11-23T08:10:00+01:00": the local time as it was when written.
 * out needs 26 bytes. */
void stamp_format(struct stamp s, char out[32]);

/* How dates are shown on screen (the config file's date_format). Exports,
 * reports and the CLI keep ISO dates whatever this says. */
enum date_style {
	DATE_LONG, /* 23 November 2026 (the default) */
	DATE_ISO,  /* 2026-11-23 */
	DATE_DMY,  /* 23/11/2026 */
	DATE_MDY,  /* 11/23/2026 */
};
/* The style a config value names ("long", "iso", "dmy", "mdy"); -1 for
 * anything else. */
int date_style_parse(const char *name);
const char *date_style_name(enum date_style st);
/* The calendar day of tm (tm_year, tm_mon, tm_mday; tm_wday when
 * weekday) in style st, with the weekday's name first when weekday is
 * true ("Monday 23 November 2026", "Monday 2026-11-23"). Returns the
 * length written; out is always terminated. Month and day names are
 * English, like the rest of tend's text. */
size_t date_format(char *out, size_t size, const struct tm *tm, enum date_style st,
                   int weekday);
/* The same for "YYYY-MM-DD" text (a date stored as text); copies it as it is
 * when it is not such a date. */
size_t date_format_iso_text(char *out, size_t size, const char *iso, enum date_style st);

#endif
