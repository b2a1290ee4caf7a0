/* exercises.h: exercise sessions, and a finished exercise kept whole. */
#ifndef TEND_STORE_EXERCISES_H
#define TEND_STORE_EXERCISES_H

#include <stdbool.h>

#include "store/vault.h"
#include "util/error.h"

/* An exercise done (name as shown, e.g. "Paced breathing"); before and
 * after are 0..10 or -1 when not given; finished = false when it was left
 * part way (which is fine). */
int exercise_log(struct vault *v, const char *exercise, int before, int after, bool finished,
                 struct error *e);

/* A finished exercise kept in one transaction, so that all of it is saved
 * or none: the journal entry ne (NULL when nothing was written), the
 * session as exercise_log keeps it (finished), and the setting pause_key
 * removed (NULL: none). On failure nothing changed and -1 comes back with
 * e filled. */
struct new_entry;
int exercise_finish(struct vault *v, const struct new_entry *ne, const char *exercise,
                    int before, int after, const char *pause_key, struct error *e);

#endif
