/* scale.h: a number chosen on a short scale (0 to 10 mostly). It starts with
 * nothing chosen and records only what the person chose: a digit picks that
 * number, two digits typed within a moment make a two-digit one ("1" then
 * "0" is 10), Left and Right step, Home and End go to the ends, Delete and
 * Backspace clear. The caller sends keys to it only while it has focus. */
#ifndef TEND_WIDGETS_SCALE_H
#define TEND_WIDGETS_SCALE_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"

#define SCALE_NONE (-1)
/* How long after one digit a second still joins it, in milliseconds. */
#define SCALE_DIGIT_MS 1500

struct scale {
	int min, max;       /* 0 <= min < max <= 99 */
	int value;          /* min..max, or SCALE_NONE */
	int first;          /* a digit that may start a two-digit number; -1: none */
	long long first_at; /* when it was typed (the caller's clock) */
};

/* Nothing chosen, over min..max. */
void scale_init(struct scale *s, int min, int max);
/* The same, with value chosen already (SCALE_NONE, or out of range: nothing). */
void scale_set(struct scale *s, int value);
/* Left, Right, Home/End (top, bottom, line start, line end), Delete and
 * Backspace; false when the action is not for a scale. */
bool scale_action(struct scale *s, enum action a);
/* Digits typed at now_ms (other characters are ignored); true when the
 * choice changed. */
bool scale_text(struct scale *s, const char *text, size_t len, long long now_ms);
/* The choice in words: "6 of 10", or "not chosen yet". */
void scale_words(const struct scale *s, char *out, size_t size);
/* One line on which keys do what, the same on every screen. */
void scale_hint(const struct scale *s, char *out, size_t size);
/* Draws the scale on row y from column x: the numbers, with the choice
 * marked by colour and brackets; the words for its ends under them; then
 * the choice in words. Uses three rows. focused dims it when false. */
void scale_draw(const struct scale *s, int y, int x, int w, const char *low, const char *high,
                bool focused);

#endif
