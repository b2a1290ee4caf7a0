/* exsession.h: one guided written exercise as it is kept: the answers so
 * far, the distress before and after, a pause to go on with later, and the
 * save at the end. The full screen (views/guided.c) and plain mode
 * (cli/plain.c) both keep exercises through here, so a session is stored
 * the same way whichever one the person used.
 *
 * A pause is one private setting, "exercise.paused.<id>", holding
 * "1" SEP stage SEP step SEP before, then one field per step (a scale
 * step's rating or "", a text step's words with SEP made a space); SEP is
 * the byte 0x1f. Stage 3 means the steps were done and the distress after
 * was still to be asked; any other stage goes on at the step. */
#ifndef TEND_IO_EXSESSION_H
#define TEND_IO_EXSESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/exercise.h"
#include "util/buf.h"
#include "util/error.h"

struct vault;

#define EXSESSION_AT_STEP 2
#define EXSESSION_AT_AFTER 3

struct exsession {
	const struct exercise_def *d;
	/* Text and compose steps: the words as kept ("" for none); other
	 * steps: ignored (NULL is fine). */
	const char *answer[EXERCISE_MAX_STEPS];
	int rating[EXERCISE_MAX_STEPS]; /* scale steps: 0..10, -1 not rated */
	int stage;                      /* EXSESSION_AT_STEP or EXSESSION_AT_AFTER */
	size_t cur;                     /* the step to go on at */
	int before, after;              /* distress 0..10; -1 not given */
};

/* A step the person writes in (text or compose). */
bool exsession_writes(const struct ex_step *s);
/* Something was written or rated in a step. */
bool exsession_any(const struct exsession *s);
/* The setting a pause is kept under. */
void exsession_key(const struct exercise_def *d, char *out, size_t size);
/* Keeps s as a pause. */
int exsession_pause(struct vault *v, const struct exsession *s, struct error *e);
/* Reads a pause into s (s->d set): answers point into *store, which the
 * caller frees with buf_free after wiping it (mem_wipe). 1 when there was
 * one that fits this exercise, 0 when not (nothing changed). */
int exsession_resume(struct vault *v, struct exsession *s, struct buf *store);
/* Forgets the pause, if any. */
int exsession_drop(struct vault *v, const struct exercise_def *d, struct error *e);
/* The answers as Markdown, one "## heading" per step given. */
int exsession_body(const struct exsession *s, struct buf *b);
/* The end: the answers as a journal entry tagged "exercise" and the
 * exercise's id (when anything was given; *wrote says), the session with
 * its distress before and after for "what helps", and the pause
 * forgotten. On failure the session is kept as a pause (nothing lost) and
 * -1 comes back with e filled. */
int exsession_finish(struct vault *v, const struct exsession *s, bool *wrote, struct error *e);

#endif
