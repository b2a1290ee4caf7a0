/* homework.h: homework packs from a therapist, kept in the vault with what
 * the person has done of each item. A pack's text, its answers and its
 * progress are private: every string read back is wiped when freed. The
 * pack is parsed by content/homework.h; the store keeps the text exactly
 * as imported (so a second import of the same file is recognised), with
 * the header fields beside it for lists. */
#ifndef TEND_STORE_HOMEWORK_H
#define TEND_STORE_HOMEWORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

struct hw_pack {
	int64_t id;
	char *text;                    /* the file as imported */
	char *title, *from, *assigned; /* from the header */
	char *due;                     /* "" when not given */
	int64_t imported_at;
	int imported_off;
};

/* Adds a pack (text is stored as given; the header fields must be the
 * parsed ones, due NULL or ""). When the vault already holds a pack with
 * exactly this text nothing is added, *id is that pack's id and *existed
 * is true. */
int hwpack_add(struct vault *v, const char *text, size_t len, const char *title,
               const char *from, const char *assigned, const char *due, int64_t *id,
               bool *existed, struct error *e);
/* Every pack, in the order imported. */
int hwpack_list(struct vault *v, struct hw_pack **out, size_t *n, struct error *e);
void hwpack_list_free(struct hw_pack *p, size_t n);
/* How many packs there are, or -1 with e filled. */
int hwpack_count(struct vault *v, struct error *e);
/* Removes a pack with its progress and answers (journal entries written
 * to its prompts stay: they are the person's). E_USAGE when there is no
 * such pack. */
int hwpack_remove(struct vault *v, int64_t id, struct error *e);

/* One thing done for an item (0-based, in the pack's order): a run of an
 * exercise, a page read, an entry written to a prompt (entry_id), a
 * number on a scale (score 0..10), or an answer. */
struct hw_mark {
	int64_t pack;
	int item;
	int score;          /* -1: none */
	const char *answer; /* NULL: none */
	int64_t entry_id;   /* 0: none */
};
#define HW_MARK_INIT {.score = -1}
int hwpack_mark(struct vault *v, const struct hw_mark *m, struct error *e);

/* What has been done of each item so far: out[i] for item i < nitems. */
struct hw_progress {
	int64_t done;        /* how many times anything was marked */
	int64_t last_at;     /* when the latest was (0: never) */
	int last_off;
	int last_score;      /* the latest score given, -1: none */
	char *last_answer;   /* the latest answer given, NULL: none */
};
/* practice (NULL, or one name per item, NULL for none; see
 * homework_practice_names) names the exercise an item counts: its done is
 * then at least the finished sessions of that exercise, started anywhere
 * in tend, on the days from the pack's assigned day through its session
 * day (every day after assigned when there is none). done stays a count
 * of runs, so a run started from the pack is counted once. */
int hwpack_progress(struct vault *v, int64_t pack, const char *const *practice,
                    struct hw_progress *out, size_t nitems, struct error *e);
void hwpack_progress_clear(struct hw_progress *p, size_t nitems);

/* Every answer kept for item (0-based), oldest first: fn gets when it was
 * kept and the answer (a measure's answers as homework_measure_encode
 * wrote them); a nonzero return from fn stops the walk and is returned. */
typedef int (*hw_answer_fn)(int64_t at, int off, const char *answer, void *arg);
int hwpack_answers(struct vault *v, int64_t pack, int item, hw_answer_fn fn, void *arg,
                   struct error *e);

/* The numbers given for a scale item (0-based), with when each was
 * given, oldest first. A scale is asked for once or a few times, but
 * nothing stops a person answering it every day, so at most max are read:
 * the newest ones, with *more set when older ones were left out. */
struct hw_score {
	int64_t at;
	int off;
	int score;
};
#define HWPACK_SCORES_MAX 30
int hwpack_scores(struct vault *v, int64_t pack, int item, struct hw_score *out, size_t max,
                  size_t *n, bool *more, struct error *e);

#endif
