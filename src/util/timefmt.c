#include "util/timefmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/testhook.h"

struct stamp stamp_now(void)
{
	struct stamp s = {(int64_t)time(NULL), 0};
	int64_t fixed;
	if (testhook_now(&fixed)) /* a test build's fixed clock */
		s.t = fixed;
	time_t tt = (time_t)s.t;
	struct tm tm;
	if (localtime_r(&tt, &tm))
		s.off_min = (int)(tm.tm_gmtoff / 60);
	return s;
}

static bool leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

enum day_parse day_parse(const char *s, int *y, int *m, int *d)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return DAY_SHAPE; /* also stops at the end of a short text */
	if (s[10])
		return DAY_SHAPE;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (*m < 1 || *m > 12 || *d < 1)
		return DAY_NOT_REAL;
	if (*d > mdays[*m - 1] + (*m == 2 && leap_year(*y)))
		return DAY_NOT_REAL;
	return DAY_OK;
}

int day_parse_local(const char *s, bool end_of_day, int64_t *out)
{
	int y, m, d;
	if (day_parse(s, &y, &m, &d) != DAY_OK)
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1};
	if (end_of_day) {
		tm.tm_hour = 23, tm.tm_min = 59, tm.tm_sec = 59;
	}
	time_t t = mktime(&tm);
	if (t == (time_t)-1)
		return -1;
	*out = (int64_t)t;
	return 0;
}

static bool two_digits(const char *s, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	*out = (s[0] - '0') * 10 + (s[1] - '0');
	return true;
}

int stamp_parse_local(const char *s, struct stamp *out)
{
	int y, mo, d, h, mi;
	char day[11];
	if (strlen(s) != 16 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':')
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (day_parse(day, &y, &mo, &d) != DAY_OK || !two_digits(s + 11, &h) ||
	    !two_digits(s + 14, &mi))
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
	                .tm_min = mi, .tm_isdst = -1};
	time_t t = mktime(&tm);
	/* mktime moves a day or time that does not exist; such a one is refused. */
	if (t == (time_t)-1 || tm.tm_year != y - 1900 || tm.tm_mon != mo - 1 || tm.tm_mday != d ||
	    tm.tm_hour != h || tm.tm_min != mi)
		return -1;
	out->t = (int64_t)t;
	out->off_min = (int)(tm.tm_gmtoff / 60);
	return 0;
}

void stamp_format(struct stamp s, char out[32])
{
	time_t tt = (time_t)(s.t + (int64_t)s.off_min * 60);
	struct tm tm;
	if (!gmtime_r(&tt, &tm)) {
		snprintf(out, 32, "?");
		return;
	}
	int off = s.off_min < 0 ? -s.off_min : s.off_min;
	char tmp[96];
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
	         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	         s.off_min < 0 ? '-' : '+', off / 60, off % 60);
	size_t n = strlen(tmp) < 31 ? strlen(tmp) : 31;
	memcpy(out, tmp, n);
	out[n] = '\0';
}

static const char *const style_names[] = {"long", "iso", "dmy", "mdy"};

int date_style_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(style_names) / sizeof(style_names[0]); i++)
		if (strcmp(name, style_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *date_style_name(enum date_style st)
{
	return (unsigned)st < sizeof(style_names) / sizeof(style_names[0]) ? style_names[st] : "";
}

size_t date_format(char *out, size_t size, const struct tm *tm, enum date_style st, int weekday)
{
	static const char *const months[12] = {"January", "February", "March",     "April",
	                                       "May",     "June",     "July",      "August",
	                                       "September", "October", "November", "December"};
	static const char *const days[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
	                                    "Thursday", "Friday", "Saturday"};
	if (!size)
		return 0;
	int y = tm->tm_year + 1900, m = tm->tm_mon + 1, d = tm->tm_mday;
	if (m < 1 || m > 12 || d < 1 || d > 31) {
		snprintf(out, size, "?");
		return strlen(out);
	}
	char day[16] = "";
	if (weekday && tm->tm_wday >= 0 && tm->tm_wday < 7)
		snprintf(day, sizeof(day), "%s ", days[tm->tm_wday]);
	int n;
	switch (st) {
	case DATE_ISO: n = snprintf(out, size, "%s%04d-%02d-%02d", day, y, m, d); break;
	case DATE_DMY: n = snprintf(out, size, "%s%02d/%02d/%04d", day, d, m, y); break;
	case DATE_MDY: n = snprintf(out, size, "%s%02d/%02d/%04d", day, m, d, y); break;
	case DATE_LONG:
	default: n = snprintf(out, size, "%s%d %s %d", day, d, months[m - 1], y); break;
	}
	if (n < 0) {
		out[0] = '\0';
		return 0;
	}
	return (size_t)n < size ? (size_t)n : size - 1;
}

size_t date_format_iso_text(char *out, size_t size, const char *iso, enum date_style st)
{
	int y, m, d;
	struct tm tm = {0};
	/* A day the calendar lacks (30 February) is still shown in style. */
	if (day_parse(iso, &y, &m, &d) != DAY_SHAPE && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		return date_format(out, size, &tm, st, 0);
	}
	snprintf(out, size, "%s", iso);
	return strlen(out);
}
