/* helpnow.c: when a steadying tool is offered (see core/helpnow.h). */
#include "core/helpnow.h"

#include <stdio.h>
#include <strings.h>

static const struct {
	const char *name, *exercise;
} tools[HELP_COUNT] = {
	[HELP_BREATHE] = {"Slow breathing", "paced-breathing"},
	[HELP_GROUND] = {"Grounding: 5-4-3-2-1", "grounding-54321"},
	[HELP_SAFETY] = {"My safety plan", NULL},
};

bool helpnow_after_checkin(int score)
{
	return score >= 0 && score <= HELPNOW_LOW_MOOD;
}

bool helpnow_after_trigger(int before, int after)
{
	int now = after >= 0 ? after : before;
	return now >= HELPNOW_HIGH_DISTRESS && now <= 10;
}

/* Toolbox rows (the tools table, matched without case) that are also an
 * exercise tend can open. A row the person renamed or added matches
 * nothing and stays a plain row. */
static const struct {
	const char *tool, *exercise;
} toolbox[] = {
	{"Slow breathing", "paced-breathing"},
	{"Grounding: 5-4-3-2-1", "grounding-54321"},
};

const char *helpnow_for_tool(const char *name)
{
	for (size_t i = 0; name && i < sizeof(toolbox) / sizeof(toolbox[0]); i++)
		if (strcasecmp(name, toolbox[i].tool) == 0)
			return toolbox[i].exercise;
	return NULL;
}

const char *helpnow_name(enum helpnow_tool t)
{
	return (unsigned)t < HELP_COUNT ? tools[t].name : "";
}

const char *helpnow_exercise(enum helpnow_tool t)
{
	return (unsigned)t < HELP_COUNT ? tools[t].exercise : NULL;
}

size_t helpnow_change(int before, int after, char *out, size_t size)
{
	if (!size)
		return 0;
	out[0] = '\0';
	if (before < 0 || before > 10 || after < 0 || after > 10)
		return 0;
	int n = snprintf(out, size, "distress %d \xe2\x86\x92 %d", before, after);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}
