#include "util/timefmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct stamp stamp_now(void)
{
	struct stamp s = {(int64_t)time(NULL), 0};
	/* TEND_NOW fixes the clock for tests (Unix seconds). */
	const char *fixed = getenv("TEND_NOW");
	if (fixed && *fixed)
		s.t = strtoll(fixed, NULL, 10);
	time_t tt = (time_t)s.t;
	struct tm tm;
	if (localtime_r(&tt, &tm))
		s.off_min = (int)(tm.tm_gmtoff / 60);
	return s;
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
