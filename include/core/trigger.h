/* trigger.h: a trigger log and what was done to cope. */
#ifndef TEND_CORE_TRIGGER_H
#define TEND_CORE_TRIGGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
