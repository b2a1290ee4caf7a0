#include "core/checkin.h"

#include <stdlib.h>
#include <string.h>

bool score_or_none(int n)
{
	return n >= -1 && n <= SCORE_MAX;
}

int score_parse(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < 0 || v > SCORE_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

int checkin_check(const struct checkin *c, struct error *e)
{
	if (c->score < 0 || c->score > SCORE_MAX || !score_or_none(c->intensity) ||
	    !score_or_none(c->energy))
		return error_set(e, E_USAGE, "Scores are whole numbers from 0 to 10.");
	if (c->sleep_hours > 24)
		return error_set(e, E_USAGE, "Hours of sleep go from 0 to 24.");
	const char *tol = c->tolerance ? c->tolerance : "";
	if (*tol && strcmp(tol, "overwhelmed") && strcmp(tol, "within") && strcmp(tol, "shut-down"))
		return error_set(e, E_USAGE, "The window of tolerance is overwhelmed, within or "
		                             "shut-down.");
	return 0;
}
