/* checkin.h: a mood check-in. */
#ifndef TEND_CORE_CHECKIN_H
#define TEND_CORE_CHECKIN_H

#include <stdbool.h>

#include "util/error.h"
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

/* Scores (mood, intensity, energy, distress, how much something helped)
 * are whole numbers from 0 to 10; -1 where one may be left out. */
#define SCORE_MAX 10
/* Whether n is a score, or -1 (not given). */
bool score_or_none(int n);
/* A score typed as text: a whole number from 0 to 10 and nothing else.
 * -1 otherwise (*out untouched). */
int score_parse(const char *s, int *out);
/* What makes a check-in one the vault takes: a score, the other scores
 * given or -1, sleep at most 24 hours, a known window of tolerance. 0, or
 * -1 with E_USAGE and a sentence saying which part is off. */
int checkin_check(const struct checkin *c, struct error *e);

#endif
