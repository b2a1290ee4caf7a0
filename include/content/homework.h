/* homework.h: a therapist's homework pack, one Markdown file
 * (docs/homework.md describes it for therapists):
 *
 *   ---
 *   title: A steadier week
 *   from: Sam Rivera, Harbour Counselling
 *   assigned: 2026-11-20
 *   due: 2026-11-27            optional; not before assigned
 *   note: One line for the list.   optional
 *   content-note: what it touches  optional; shown before the pack opens
 *   label: Week 3              optional; the list shows it, not the title
 *   key: tendpk1:...           optional: the therapist's public key
 *   ---
 *   An intro in Markdown.
 *
 *   ## Breathe slowly
 *   kind: exercise             read, exercise, prompt, scale, answer, measure
 *   exercise: paced-breathing  exercise: an exercise id (times: 1-50)
 *   times: 3
 *
 *   Text in Markdown: a note for read and exercise items; the prompt or
 *   the question for the others.
 *
 * The front matter is read by content/page.h's reader; its keys are the
 * eight above and nothing else (key: is kept as text: the report screen
 * checks it, as content/ cannot see crypto/). An item's key lines follow its heading
 * (blank lines before the first key are fine): read takes page: (a Learn
 * page or path module id), scale takes low: and high:, measure takes
 * responses:, score:, reverse:, bands: and safety: (its questions are the
 * text's numbered list), and any item content-note:. Every problem is an
 * E_CORRUPT error "line N: ..." naming the key or heading; homework_check
 * hands out all of them.
 *
 * A pack is private (it says what someone works on in therapy): every
 * string is wiped when the pack is freed. */
#ifndef TEND_CONTENT_HOMEWORK_H
#define TEND_CONTENT_HOMEWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

#define HOMEWORK_MAX_ITEMS 20
#define HOMEWORK_MAX_BYTES 65536
#define HOMEWORK_MAX_TIMES 50
#define HOMEWORK_FIELD_MAX 200 /* title, from, note, a heading, a label */

enum hw_kind { HW_READ, HW_EXERCISE, HW_PROMPT, HW_SCALE, HW_ANSWER, HW_MEASURE, HW_KINDS };

#define HOMEWORK_MAX_QUESTIONS 30
#define HOMEWORK_MAX_RESPONSES 11
#define HOMEWORK_MAX_BANDS 8

/* A measure's score band: totals from lo to hi (both included) carry the
 * label, which only the report shows, marked for the clinician. */
struct hw_band {
	double lo, hi;
	char *label;
};

/* A measure item: questions the pack supplies (tend ships none), each
 * answered with one of the same response labels, worth 0 for the first
 * up to nresponses - 1 for the last (the other way round when reversed).
 * The score is their sum or their mean. */
struct hw_measure {
	char *questions[HOMEWORK_MAX_QUESTIONS];
	size_t nquestions;
	char *responses[HOMEWORK_MAX_RESPONSES];
	size_t nresponses;
	bool mean;
	bool reversed[HOMEWORK_MAX_QUESTIONS];
	/* A safety question: any answer above its first opens crisis help. */
	bool safety[HOMEWORK_MAX_QUESTIONS];
	struct hw_band bands[HOMEWORK_MAX_BANDS];
	size_t nbands;
};

struct hw_item {
	char *heading;
	enum hw_kind kind;
	/* read: the page's content path ("learn/01-spectrum.md"); exercise:
	 * its id ("grounding-54321"); NULL for the others. */
	char *target;
	/* read and exercise: the page's or exercise's title; NULL when the
	 * reference was not checked and is not in this tend. */
	char *target_title;
	int times;        /* exercise: runs asked for; 1 for the others */
	char *low, *high; /* scale: the words under 0 and 10 ("" when not given) */
	char *text;       /* the Markdown under the keys ("" when none) */
	char *content_note; /* what the item touches on, said before it; NULL: none */
	struct hw_measure m; /* measure: the questions and the scoring */
	int line;         /* the heading's line */
};

struct homework {
	char *title, *from, *assigned; /* assigned: YYYY-MM-DD */
	char *due;                     /* YYYY-MM-DD, or NULL */
	char *note;                    /* NULL when absent */
	char *content_note;            /* what the pack touches on; NULL when absent */
	char *label;                   /* a neutral name for lists; NULL: the title */
	char *key;                     /* the therapist's public key line, or NULL */
	char *intro;                   /* Markdown before the first item */
	struct hw_item items[HOMEWORK_MAX_ITEMS];
	size_t nitems;
};

enum {
	/* Refuse a read item whose page, or an exercise item whose exercise,
	 * this tend does not have. Without it (a pack already in the vault,
	 * read by a newer or older tend) such an item is kept with
	 * target_title NULL, so the rest of the pack still shows. */
	HW_CHECK_REFS = 1u << 0,
};

/* Parses a whole pack (at most HOMEWORK_MAX_BYTES). Returns 0, or -1 with
 * e->code E_CORRUPT and "line N: ..." (E_FAIL when out of memory); h is
 * empty after an error (homework_free is still harmless). */
int homework_parse(const char *text, size_t len, unsigned flags, struct homework *h,
                   struct error *e);
/* Like homework_parse, and fn (when not NULL) is called with every
 * problem found, "line N: ...", sorted by line; e holds the first. */
typedef void (*hw_problem_fn)(const char *msg, void *arg);
int homework_check(const char *text, size_t len, unsigned flags, struct homework *h,
                   hw_problem_fn fn, void *arg, struct error *e);
/* Wipes and frees every string; h is left empty. */
void homework_free(struct homework *h);

/* What an item asks, in a line: "read \"Healthy boundaries\"", "Paced
 * breathing, 3 times", "a journal prompt", "a number from 0 (low) to 10
 * (high)", "a short answer". */
void homework_describe(const struct hw_item *it, char *out, size_t size);
/* How far along an item is, in gentle words ("not yet", "2 of 3 times",
 * "read", "answered", "6 of 10"): done is how many times something was
 * kept for it, last_score the latest number (-1: none). */
void homework_status(const struct hw_item *it, long long done, int last_score, char *out,
                     size_t size);

/* For hwpack_progress: names[i] is the name an exercise session of item
 * i's exercise is kept under (its title), NULL for any other item. */
void homework_practice_names(const struct homework *h, const char *names[HOMEWORK_MAX_ITEMS]);

/* A measure's answers, kept as text so nothing chosen is lost: each
 * question's response, 0-based, joined with commas ("0,2,1"). */
int homework_measure_encode(const struct hw_item *it, const int *answers, char *out,
                            size_t size);
/* Reads the answers back; -1 when the text does not fit this measure. */
int homework_measure_decode(const struct hw_item *it, const char *text,
                            int answers[HOMEWORK_MAX_QUESTIONS]);
/* The score of a full set of answers by the item's rule (sum or mean,
 * reversed questions turned round). */
double homework_measure_score(const struct hw_item *it, const int *answers);
/* The band a score falls in, for the clinician's eyes only; NULL: none. */
const char *homework_measure_band(const struct hw_item *it, double score);

/* "read", "exercise", ... as written in a pack. */
const char *homework_kind_name(enum hw_kind k);
/* The path's lists of the person's own (support map, affirmations): kept,
 * not run, so a pack cannot ask for them as exercises. */
bool homework_is_list(const char *id);
/* The exercises a pack may name that have a screen of their own rather
 * than a file in content/exercises (paced-breathing): its title, or NULL. */
const char *homework_builtin_exercise(const char *id);
/* Calls fn with the id and title of every exercise a pack may name (the
 * ones with their own screen, then the guided ones), the same set the
 * parser accepts; a nonzero return from fn stops the walk and is returned
 * (-1 also when memory runs out). */
typedef int (*hw_exercise_fn)(const char *id, const char *title, void *arg);
int homework_exercises_each(hw_exercise_fn fn, void *arg);

#endif
