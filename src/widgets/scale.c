#include <stdio.h>
#include <string.h>

#include "ui/term.h"
#include "widgets/scale.h"
#include "util/utf8.h"

void scale_init(struct scale *s, int min, int max)
{
	*s = (struct scale){.min = min, .max = max, .value = SCALE_NONE, .first = -1};
}

void scale_set(struct scale *s, int value)
{
	s->value = value >= s->min && value <= s->max ? value : SCALE_NONE;
	s->first = -1;
}

bool scale_action(struct scale *s, enum action a)
{
	int mid = s->min + (s->max - s->min + 1) / 2;
	s->first = -1;
	switch (a) {
	case ACT_LEFT:
		/* From nothing, a step starts in the middle: it is shown, then kept. */
		s->value = s->value == SCALE_NONE ? mid : s->value > s->min ? s->value - 1 : s->min;
		return true;
	case ACT_RIGHT:
		s->value = s->value == SCALE_NONE ? mid : s->value < s->max ? s->value + 1 : s->max;
		return true;
	case ACT_TOP:
	case ACT_LINE_START:
		s->value = s->min;
		return true;
	case ACT_BOTTOM:
	case ACT_LINE_END:
		s->value = s->max;
		return true;
	case ACT_DELETE:
	case ACT_ERASE:
		s->value = SCALE_NONE;
		return true;
	default:
		return false;
	}
}

bool scale_text(struct scale *s, const char *text, size_t len, long long now_ms)
{
	bool changed = false;
	for (size_t i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9') {
			s->first = -1;
			continue;
		}
		int d = text[i] - '0';
		if (s->first >= 0 && now_ms - s->first_at <= SCALE_DIGIT_MS &&
		    s->first * 10 + d <= s->max && s->first * 10 + d >= s->min) {
			s->value = s->first * 10 + d;
			s->first = -1;
			changed = true;
			continue;
		}
		s->first = d > 0 && d * 10 <= s->max ? d : -1;
		s->first_at = now_ms;
		if (d >= s->min && d <= s->max) {
			s->value = d;
			changed = true;
		}
	}
	return changed;
}

void scale_words(const struct scale *s, char *out, size_t size)
{
	if (s->value == SCALE_NONE)
		snprintf(out, size, "not chosen yet");
	else
		snprintf(out, size, "%d of %d", s->value, s->max);
}

void scale_hint(const struct scale *s, char *out, size_t size)
{
	char two[48] = "";
	if (s->max >= 10)
		snprintf(two, sizeof(two), " (%d is %d then %d)", s->max, s->max / 10, s->max % 10);
	snprintf(out, size, "Type %d to %d%s or use %s/%s; %s: %d; %s clears.", s->min, s->max, two,
	         keymap_label(ACT_LEFT, true), keymap_label(ACT_RIGHT, true),
	         keymap_label(ACT_LINE_END, true), s->max, keymap_label(ACT_DELETE, true));
}

void scale_draw(const struct scale *s, int y, int x, int w, const char *low, const char *high,
                bool focused)
{
	int n = s->max - s->min + 1;
	int step = n > 11 ? 3 : 4;
	int span = (n - 1) * step + 3;
	for (int i = 0; i < n && (i * step + 3) <= w; i++) {
		int v = s->min + i;
		char num[8];
		bool on = v == s->value;
		snprintf(num, sizeof(num), on ? "[%d]" : " %d", v);
		ui_puts(y, x + i * step, 4,
		        on ? ROLE_SELECTED : focused ? ROLE_NORMAL : ROLE_MUTED, num);
	}
	if (low)
		ui_puts(y + 1, x, span / 2, ROLE_MUTED, low);
	if (high) {
		int hw = (int)utf8_width(high, strlen(high));
		if (hw > span / 2)
			hw = span / 2;
		ui_puts(y + 1, x + span - hw, hw, ROLE_MUTED, high);
	}
	/* In words too, for screen readers and terminals without colour. */
	char words[32], line[48];
	scale_words(s, words, sizeof(words));
	snprintf(line, sizeof(line), "%s%s", s->value == SCALE_NONE ? "Not chosen yet" : "Chosen: ",
	         s->value == SCALE_NONE ? "" : words);
	ui_puts(y + 2, x, w, ROLE_STRONG, line);
}
