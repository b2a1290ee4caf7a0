/* insights.h: the records the Insights screen summarises, read from the
 * vault into plain arrays for core/stats.h. */
#ifndef TEND_STORE_INSIGHTS_H
#define TEND_STORE_INSIGHTS_H

#include <stddef.h>

#include "core/stats.h"
#include "store/vault.h"
#include "util/error.h"

struct insight_data {
	struct mood_point *moods;
	size_t nmoods;
	struct trigger_point *triggers; /* category and tool point into names */
	size_t ntriggers;
	struct tag_score *tags;         /* one per (check-in, tag) */
	/* What helped: trigger logs that name a way of coping, and exercises
	 * done (tool = the exercise's name, no category). */
	struct trigger_point *helps;
	/* Per helps[i]: 1 when its tool is the person's own words (a trigger
	 * log's "what I did" typed in, not a toolbox item or an exercise), so
	 * a report can count it without printing it. */
	unsigned char *help_own_words;
	size_t nhelps;
	size_t ntags;
	char **names;                   /* every string the arrays point at */
	size_t nnames;
};

int insights_load(struct vault *v, struct insight_data *out, struct error *e);
void insights_free(struct insight_data *d);

#endif
