/* timefmt.h: timestamps as tend stores them: Unix seconds plus the local
 * UTC offset in minutes at the time of writing, so moving between time
 * zones never reorders a diary. */
#ifndef TEND_UTIL_TIMEFMT_H
#define TEND_UTIL_TIMEFMT_H

#include <stdint.h>
#include <time.h>

struct stamp {
	int64_t t;   /* Unix seconds, UTC */
	int off_min; /* local offset east of UTC, minutes */
};

struct stamp stamp_now(void);
/* "2026-11-23T08:10:00+01:00": the local time as it was when written.
 * out needs 26 bytes. */
void stamp_format(struct stamp s, char out[32]);

#endif
