/* tracking.h: mood check-ins, trigger logs, the coping toolbox and the
 * person's trigger categories. */
#ifndef TEND_STORE_TRACKING_H
#define TEND_STORE_TRACKING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/checkin.h"
#include "core/trigger.h"
#include "store/vault.h"
#include "util/error.h"
#include "util/timefmt.h"

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

int trigger_add(struct vault *v, const struct trigger_log *t, int64_t *id, struct error *e);
int trigger_update(struct vault *v, int64_t id, const struct trigger_log *t, struct error *e);

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

struct tool {
	int64_t id;
	char *name, *about;
	int64_t uses;      /* trigger logs that name it */
	int64_t drop_n;    /* of those, with distress before and after */
	double mean_drop;  /* mean of (before - after) over drop_n */
};
/* Tools in the person's order, with how they have helped so far. */
int tools_list(struct vault *v, struct tool **out, size_t *n, struct error *e);
void tools_free(struct tool *list, size_t n);
int tool_add(struct vault *v, const char *name, const char *about, int64_t *id, struct error *e);
int tool_delete(struct vault *v, int64_t id, struct error *e);

/* The trigger categories, in order; the list is the person's to edit. */
int categories_list(struct vault *v, char ***out, size_t *n, struct error *e);
void categories_free(char **list, size_t n);
int category_add(struct vault *v, const char *name, struct error *e);
int category_delete(struct vault *v, const char *name, struct error *e);

#endif
