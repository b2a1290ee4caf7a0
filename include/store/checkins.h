/* checkins.h: mood check-ins (the moods table). */
#ifndef TEND_STORE_CHECKINS_H
#define TEND_STORE_CHECKINS_H

#include <stddef.h>
#include <stdint.h>

#include "core/checkin.h"
#include "store/vault.h"
#include "util/error.h"

int checkin_add(struct vault *v, const struct checkin *c, int64_t *id, struct error *e);
/* Replaces check-in id with c (c->at.t == 0 keeps its time). */
int checkin_update(struct vault *v, int64_t id, const struct checkin *c, struct error *e);
/* An entry linked to it keeps its words and loses the link. */
int checkin_delete(struct vault *v, int64_t id, struct error *e);

/* A saved check-in, as read back (strings owned; free with checkins_free). */
struct checkin_saved {
	int64_t id;
	struct checkin c; /* its strings point into text */
	char *text[5];    /* emotions, tolerance, body, tags, note */
};
/* Every check-in, newest first; id > 0: only that one (E_FAIL when it is
 * not there). */
int checkins_list(struct vault *v, int64_t id, struct checkin_saved **out, size_t *n,
                  struct error *e);
void checkins_free(struct checkin_saved *list, size_t n);

#endif
