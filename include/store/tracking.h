/* tracking.h: what a check-in and a trigger log hold. Their functions are
 * in store/checkins.h and store/triggers.h. */
#ifndef TEND_STORE_TRACKING_H
#define TEND_STORE_TRACKING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
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

/* One thing done to cope: a tool from the toolbox, or the person's own
 * words (a choice may hold both, as logs from before the list did). */
struct trigger_choice {
	int64_t tool_id;  /* 0: none */
	const char *text; /* NULL or "": none */
};

/* A trigger log; finished = false for "log now, finish later". "What I
 * did" is the list did_list[0..ndid) in the person's order; with ndid 0
 * it is did and tool_id, one choice (either may be empty). */
struct trigger_log {
	const char *category, *place, *what, *body, *thoughts, *urges, *did;
	int64_t tool_id;        /* a coping tool used, 0: none */
	const struct trigger_choice *did_list;
	size_t ndid;
	int suds_before, suds_after, helped; /* 0..10, -1 not given */
	bool finished;
};
#define TRIGGER_INIT {.suds_before = -1, .suds_after = -1, .helped = -1, .finished = true}

#endif
