/* config.h: settings that are not private (kept outside the vault so the
 * crisis screen knows the region before unlocking). */
#ifndef TEND_UTIL_CONFIG_H
#define TEND_UTIL_CONFIG_H

#include <stddef.h>

#include "util/error.h"
#include "util/timefmt.h"

/* A `key.ACTION = KEYS` line, kept as written: the names of actions and
 * keys belong to the ui layer, which reads these (keymap_configure). */
struct config_key {
	int line;
	char action[24];
	char keys[80];
};

#define CONFIG_MAX_KEYS 64
#define CONFIG_MAX_WARNINGS 8

struct config {
	char region[8];  /* "" when never chosen */
	int autolock_min; /* 0: never */
	int color;        /* 1 on, 0 off (as NO_COLOR), -1 not set */
	int reduced_motion; /* 1: nothing animates (the breathing pacer) */
	int week_start;   /* the weekday weeks begin on: 0 Monday (default), 6 Sunday */
	enum date_style date_style; /* dates on screen; DATE_LONG by default */
	int wide;         /* spacing = wide: more room in pages to read */
	struct config_key keys[CONFIG_MAX_KEYS];
	size_t nkeys;
	/* The problems on the first CONFIG_MAX_WARNINGS lines with one, in
	 * line order (warnings[0], the earliest, is the one the status bar
	 * shows, so fixing the file top to bottom works); nwarnings counts
	 * them all. A line with a problem is skipped; the default stays. */
	char warnings[CONFIG_MAX_WARNINGS][160];
	int warning_lines[CONFIG_MAX_WARNINGS];
	int nwarnings;
};

/* The file "config" in dir, as `key = value` lines; '#' starts a comment.
 * Keys: region (a code from content/crisis/regions.tsv), autolock
 * (minutes, 0 turns it off), color and reduced_motion (on or off),
 * week_start (monday or sunday), date_format (long, iso, dmy, mdy),
 * spacing (normal or wide), and key.ACTION lines (see docs/config.md).
 * A missing file gives the defaults. */
void config_load(const char *dir, struct config *c);
/* Records a problem with line `line` as "config line N: <what>". */
void config_warn(struct config *c, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Rewrites one key = value line, keeping the rest of the file. */
int config_set(const char *dir, const char *key, const char *value, struct error *e);

#endif
