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

/* The parts of a trigger log, in the order they are asked: the same on the
 * form (views/trigger.c), after 'tend trigger' and in --plain. */
enum trigger_field {
	TF_KIND, TF_WHAT, TF_WHERE, TF_BEFORE, TF_BODY, TF_THOUGHTS, TF_URGES, TF_DID, TF_AFTER,
	TF_HELPED, TF_COUNT
};
/* How a part is answered. */
enum trigger_answer {
	TA_KIND,  /* one of the person's trigger categories; none is "other" */
	TA_TEXT,  /* words */
	TA_SCALE, /* a score from 0 to 10 */
	TA_DID,   /* tools from the toolbox and the person's own words */
};
/* Every part may be left out. Leaving out the distress after marks the log
 * "finish later"; the command line then does not ask how much it helped
 * (after: the part whose answer it waits for; TF_COUNT when none). */
struct trigger_question {
	const char *label;    /* the form's row, "Distress then (0-10)" */
	const char *about;    /* the form's line under the list for that row */
	const char *question; /* the command line's question; NULL: only the form asks */
	enum trigger_answer answer;
	enum trigger_field after;
};
extern const struct trigger_question trigger_questions[TF_COUNT];
/* Where part f of t is kept: its text (TA_KIND and TA_TEXT) or its score
 * (TA_SCALE); NULL for a part kept otherwise. */
const char **trigger_field_text(struct trigger_log *t, enum trigger_field f);
int *trigger_field_score(struct trigger_log *t, enum trigger_field f);
/* Whether part f of t has an answer: a score, or text that is not empty.
 * The list of what was done is not looked at (false). */
bool trigger_field_given(struct trigger_log *t, enum trigger_field f);

/* The scores of t are each 0 to 10 or -1. 0, or -1 with E_USAGE. */
struct error;
int trigger_check(const struct trigger_log *t, struct error *e);

#endif
