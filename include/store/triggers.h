/* triggers.h: trigger logs and their "What I did" choices. */
#ifndef TEND_STORE_TRIGGERS_H
#define TEND_STORE_TRIGGERS_H

#include <stddef.h>
#include <stdint.h>

#include "core/trigger.h"
#include "store/vault.h"
#include "util/error.h"

int trigger_add(struct vault *v, const struct trigger_log *t, int64_t *id, struct error *e);
int trigger_update(struct vault *v, int64_t id, const struct trigger_log *t, struct error *e);

/* A saved trigger log, as read back (strings owned; free with
 * trigger_saved_free). */
struct trigger_saved {
	int64_t id, at;
	int off_min;
	struct trigger_log log;
	char *text[7]; /* category, place, what, body, thoughts, urges, did */
	struct trigger_choice *choices; /* log.did_list; texts owned */
};
/* The logs marked "finish later", newest first. */
int triggers_unfinished(struct vault *v, struct trigger_saved **out, size_t *n, struct error *e);
void trigger_saved_free(struct trigger_saved *list, size_t n);

#endif
