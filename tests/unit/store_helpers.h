/* store_helpers.h: short ways to fill a vault, for the unit tests and the
 * benchmark only (tend itself never calls them, and they are not in it). */
#ifndef TEND_TESTS_STORE_HELPERS_H
#define TEND_TESTS_STORE_HELPERS_H

#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

/* An entry written now with title, body and tags (entries_add_ex). */
int entries_add(struct vault *v, const char *title, const char *body,
                const char *const *tags, size_t ntags, int64_t *id, struct error *e);
/* How many entries the vault holds; -1 when it cannot be read. */
int64_t entries_count(struct vault *v);
/* A check-in made now with only a score and a note (checkin_add). */
int moods_add(struct vault *v, int score, const char *note, int64_t *id, struct error *e);

#endif
