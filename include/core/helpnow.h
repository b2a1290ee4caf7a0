/* helpnow.h: when tend offers a steadying tool, and how a change in
 * distress is told after an exercise. One rule for the full screen and
 * plain mode alike.
 *
 * A check-in of HELPNOW_LOW_MOOD or less (0 worst, 10 best: the lowest
 * four marks) or a trigger log whose latest distress is HELPNOW_HIGH_DISTRESS
 * or more (0 calm, 10 most: the top four marks) brings the offer. The
 * latest distress is the one after, when it was given, else the one before:
 * someone who came down from 8 to 3 is not offered help for the 8. The
 * offer is made once, right after the save, and is never repeated. */
#ifndef TEND_CORE_HELPNOW_H
#define TEND_CORE_HELPNOW_H

#include <stdbool.h>
#include <stddef.h>

#define HELPNOW_LOW_MOOD 3
#define HELPNOW_HIGH_DISTRESS 7

/* The tools offered, in the order they are shown. */
enum helpnow_tool { HELP_BREATHE, HELP_GROUND, HELP_SAFETY, HELP_COUNT };

/* Score 0..10; -1 (not given) never brings the offer. */
bool helpnow_after_checkin(int score);
/* Distress before and after, 0..10 or -1 when not given. */
bool helpnow_after_trigger(int before, int after);
/* The tool's name as offered ("Slow breathing"). */
const char *helpnow_name(enum helpnow_tool t);
/* The exercise a tool opens, by its content id ("paced-breathing",
 * "grounding-54321"), or NULL for the safety plan. */
const char *helpnow_exercise(enum helpnow_tool t);
/* The exercise a toolbox row starts (its tool name, as in the tools
 * table), or NULL when it is not one tend can open. */
const char *helpnow_for_tool(const char *name);
/* Writes "distress 7 → 4" when both before and after were given (0..10),
 * else "". Returns the length written. */
size_t helpnow_change(int before, int after, char *out, size_t size);

#endif
