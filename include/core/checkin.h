/* checkin.h: a mood check-in. */
#ifndef TEND_CORE_CHECKIN_H
#define TEND_CORE_CHECKIN_H

#include "util/timefmt.h"

/* A check-in. Only score is needed (the quick path); the rest is optional:
 * NULL or "" for text, -1 for numbers not given. */
struct checkin {
	int score;              /* 0..10 */
	const char *emotions;   /* comma-separated, e.g. "sad/lonely,tired" */
	int intensity;          /* 0..10 */
	const char *body;       /* body sensations */
	int energy;             /* 0..10 */
	double sleep_hours;     /* 0..24; < 0 not given */
	const char *tolerance;  /* "", "overwhelmed", "within", "shut-down" */
	const char *tags;       /* comma-separated */
	const char *note;
	struct stamp at;        /* when; at.t == 0: now */
};
#define CHECKIN_INIT {.score = 5, .intensity = -1, .energy = -1, .sleep_hours = -1}

#endif
