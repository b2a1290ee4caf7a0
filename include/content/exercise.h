/* exercise.h: a guided written exercise, read from content/exercises/<id>.md.
 *
 * After the front matter (content/page.h) comes an intro in Markdown, then
 * one section per step:
 *
 *   ## What happened
 *   answer: text          text (default), scale (0-10), none or compose
 *   id: situation         letters, digits, '-'; unique in the file
 *   low: calm             scale only: the words under 0 and 10
 *   high: the most
 *   template: When {situation}, I felt {feeling}.   compose only
 *
 *   Guidance in Markdown, ending with the question.
 *
 * The key lines follow the heading with no blank line between. A compose
 * template names earlier text steps by id; the person gets it filled in
 * with their answers to reword. Anything off is an error naming the line. */
#ifndef TEND_CONTENT_EXERCISE_H
#define TEND_CONTENT_EXERCISE_H

#include <stddef.h>

#include "content/page.h"
#include "util/buf.h"
#include "util/error.h"

#define EXERCISE_MAX_STEPS 12

enum answer_kind { ANSWER_TEXT, ANSWER_SCALE, ANSWER_NONE, ANSWER_COMPOSE };

struct ex_step {
	char *heading;
	char *id;    /* "" when not given */
	enum answer_kind kind;
	char *low, *high; /* scale labels ("" when not given) */
	char *tmpl;       /* compose template, or NULL */
	char *guide;      /* Markdown */
};

struct exercise_def {
	struct page_meta m;
	char *intro; /* Markdown before the first step */
	struct ex_step steps[EXERCISE_MAX_STEPS];
	size_t nsteps;
};

/* Parses a whole file (front matter and body). Returns 0, or -1 with
 * e->code E_CORRUPT and "line N: ..." (E_FAIL when out of memory). */
int exercise_parse(const char *text, size_t len, struct exercise_def *d, struct error *e);
/* Loads "exercises/<id>.md"; errors are prefixed with the path. E_FAIL
 * "No exercise <id>." when there is none. */
int exercise_load(const char *id, struct exercise_def *d, struct error *e);
void exercise_free(struct exercise_def *d);
/* Fills step `step`'s template into out (cleared first): {id} becomes the
 * answer of that step, answers[i] being step i's text ("" or NULL when
 * skipped: the placeholder becomes "..."). -1 when memory runs out. */
int exercise_compose(const struct exercise_def *d, size_t step, const char *const *answers,
                     struct buf *out);
/* How many of step `step`'s placeholders name a step with no answer (only
 * spaces counts as none); *refs, when not NULL, gets how many there are. */
size_t exercise_compose_gaps(const struct exercise_def *d, size_t step,
                             const char *const *answers, size_t *refs);
/* 1 when content/exercises/<id>.md exists. */
int exercise_exists(const char *id);

#endif
