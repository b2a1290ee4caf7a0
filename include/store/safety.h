/* safety.h: the safety plan, kept in the vault: six parts and the reasons
 * to keep going, each the person's own words. */
#ifndef TEND_STORE_SAFETY_H
#define TEND_STORE_SAFETY_H

#include <stddef.h>

#include "store/vault.h"
#include "util/buf.h"
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

/* The copy readable before unlocking, off unless the person turns it on:
 * a plain file, SAFETY_COPY_FILE in the vault folder (mode 0600, written
 * atomically), holding the parts they chose. It is the one file tend
 * writes readable on purpose (docs/security.md). */
#define SAFETY_COPY_FILE "safety-plan-readable.txt"
/* Which parts are in the copy: bit p for part p; 0 when it is off. */
unsigned safety_copy_parts(struct vault *v);
/* Turns the copy on with these parts (written now), or off with 0 (the
 * file removed). */
int safety_copy_set(struct vault *v, const char *dir, unsigned parts, struct error *e);
/* Rewrites the copy from the plan when it is on (after a part changed). */
int safety_copy_update(struct vault *v, const char *dir, struct error *e);
/* The copy's text, no vault needed; *missing is 1 when it is off. */
int safety_copy_read(const char *dir, struct buf *out, int *missing, struct error *e);

#endif
