/* safety.h: the safety plan, kept in the vault: six parts and the reasons
 * to keep going, each the person's own words. */
#ifndef TEND_STORE_SAFETY_H
#define TEND_STORE_SAFETY_H

#include <stddef.h>

#include "store/vault.h"
#include "util/error.h"

enum safety_part {
	SP_SIGNS,        /* my warning signs */
	SP_ON_MY_OWN,    /* things I can do on my own to cope */
	SP_PLACES,       /* people and places that help me feel better */
	SP_ASK,          /* people I can ask for help */
	SP_PROFESSIONAL, /* professionals and crisis lines */
	SP_SAFER,        /* making my surroundings safer */
	SP_REASONS,      /* my reasons to keep going */
	SP_COUNT
};

/* The heading each part is shown under. */
const char *safety_title(enum safety_part p);
/* A line of guidance shown under the heading: what belongs in the part. */
const char *safety_guidance(enum safety_part p);
/* Fills out with the part's text ("" when empty). */
int safety_get(struct vault *v, enum safety_part p, char *out, size_t size, struct error *e);
int safety_set(struct vault *v, enum safety_part p, const char *text, struct error *e);

#endif
