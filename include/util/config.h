/* config.h: settings that are not private (kept outside the vault so the
 * crisis screen knows the region before unlocking). */
#ifndef TEND_UTIL_CONFIG_H
#define TEND_UTIL_CONFIG_H

#include "util/error.h"

struct config {
	char region[8];  /* "" when never chosen */
	int autolock_min; /* 0: never */
	int color;        /* 1 on, 0 off (as NO_COLOR), -1 not set */
	int reduced_motion; /* 1: nothing animates (the breathing pacer) */
	/* The first problem found in the file ("config line 3: ..."), or "".
	 * A line with a problem is skipped; the default stays. */
	char warning[200];
	int nwarnings;
};

/* The file "config" in dir, as `key = value` lines; '#' starts a comment.
 * Keys: region (a code from content/crisis/regions.tsv), autolock
 * (minutes, 0 turns it off), color (on or off). A missing file gives the
 * defaults. */
void config_load(const char *dir, struct config *c);
/* Rewrites one key = value line, keeping the rest of the file. */
int config_set(const char *dir, const char *key, const char *value, struct error *e);

#endif
