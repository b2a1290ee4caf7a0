/* homework.h: a therapist's homework pack, one Markdown file
 * (docs/homework.md describes it for therapists):
 *
 *   ---
 *   title: A steadier week
 *   from: Sam Rivera, Harbour Counselling
 *   assigned: 2026-11-20
 *   due: 2026-11-27            optional; not before assigned
 *   note: One line for the list.   optional
 *   key: tendpk1:...           optional: the therapist's public key
 *   ---
 *   An intro in Markdown.
 *
 *   ## Breathe slowly
 *   kind: exercise             read, exercise, prompt, scale or answer
 *   exercise: paced-breathing  exercise: an exercise id (times: 1-50)
 *   times: 3
 *
 *   Text in Markdown: a note for read and exercise items; the prompt or
 *   the question for the others.
 *
 * The front matter is read by content/page.h's reader; its keys are the
 * six above and nothing else (key: is kept as text: the report screen
 * checks it, as content/ cannot see crypto/). An item's key lines follow
 * its heading with no blank line between (as in an exercise): read takes page: (a Learn
 * page or path module id), scale takes low: and high:. Every problem is an
 * E_CORRUPT error "line N: ..." naming the key or heading.
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

enum hw_kind { HW_READ, HW_EXERCISE, HW_PROMPT, HW_SCALE, HW_ANSWER, HW_KINDS };

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
	int line;         /* the heading's line */
};

struct homework {
	char *title, *from, *assigned; /* assigned: YYYY-MM-DD */
	char *due;                     /* YYYY-MM-DD, or NULL */
	char *note;                    /* NULL when absent */
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

/* "read", "exercise", ... as written in a pack. */
const char *homework_kind_name(enum hw_kind k);
/* The exercises a pack may name that have a screen of their own rather
 * than a file in content/exercises (paced-breathing): its title, or NULL. */
const char *homework_builtin_exercise(const char *id);

#endif
