/* config.h: settings that are not private (kept outside the vault so the
 * crisis screen knows the region before unlocking). */
#ifndef TEND_APP_CONFIG_H
#define TEND_APP_CONFIG_H

#include "util/error.h"

struct config {
	char region[8]; /* "" when never chosen */
	int autolock_min;
};

/* Missing file: defaults. Unknown keys are ignored here. */
void config_load(const char *dir, struct config *c);
/* Rewrites one key = value line, keeping the rest of the file. */
int config_set(const char *dir, const char *key, const char *value, struct error *e);

#endif
