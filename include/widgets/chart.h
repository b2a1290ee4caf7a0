/* chart.h: Insights charts. Each chart is rendered in two steps: a pure
 * "text" function lays it out for a rectangle as UTF-8 lines plus a colour
 * role per cell (unit-tested without a terminal), and chart_paint puts those
 * on the screen. The *_draw functions do both.
 *
 * Sizes: every chart fits any width >= CHART_MIN_COLS. When there is less
 * room than data, fewer buckets/weeks are shown and the most recent are
 * kept. Below the minimum size the text is blank (the view should say
 * "make the window larger").
 *
 * ascii: only bytes < 0x80 in the output (for terminals without Unicode).
 *
 * Too little data (see core/stats.h): a series with no entries at all says
 * so in words over its empty plot; list items marked !enough are muted. The
 * view still owns the plain sentence ("Not enough entries yet...") that the
 * rule in core/stats.h asks for. */
#ifndef TEND_WIDGETS_CHART_H
#define TEND_WIDGETS_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/stats.h"
#include "ui/term.h"

#define CHART_MIN_COLS 20

struct chart_text {
	int rows, cols;
	char **lines;      /* rows NUL-terminated UTF-8 lines, each exactly cols columns */
	enum role *roles;  /* rows * cols: the role of cell (r, c) at [r * cols + c] */
};

void chart_text_free(struct chart_text *t);
/* The role of a cell (ROLE_NORMAL outside). */
enum role chart_role_at(const struct chart_text *t, int row, int col);
/* Paints t with its top-left corner at (y, x). */
void chart_paint(const struct chart_text *t, int y, int x);

/* (a) Mood over time: one column per bucket (wider when there is room),
 * eighth blocks scaled 0..10, the y axis labelled 0/5/10 on the left, an
 * empty bucket as a muted dot on the base line, colour by the bucket mean
 * (ROLE_MOOD_LOW < 4, ROLE_MOOD_MID 4 up to 7, ROLE_MOOD_HIGH >= 7), and the
 * last row for date labels ("Mar 14" for days and weeks, "Mar" for months,
 * the year at January). Needs rows >= 3. Returns 0, or -1 when memory
 * runs out. */
int chart_bars_text(const struct series *s, int rows, int cols, bool ascii,
                    struct chart_text *out);
int chart_bars_draw(int y, int x, int rows, int cols, const struct series *s, bool ascii);

/* (b) A horizontal bar list: one row per item, "label  bar  value  n=N".
 * Bars are scaled to max (values <= 0 draw no bar). Items beyond rows are
 * left out (pass them best first). An item with enough == false is drawn
 * muted. decimals: digits after the point for value (0 for counts). */
struct chart_item {
	const char *label;
	double value;
	size_t n;
	bool enough;
};
int chart_list_text(const struct chart_item *items, size_t count, double max, int decimals,
                    enum role bar_role, int rows, int cols, bool ascii, struct chart_text *out);
int chart_list_draw(int y, int x, int rows, int cols, const struct chart_item *items,
                    size_t count, double max, int decimals, enum role bar_role, bool ascii);

/* (c) A year as a calendar heat map: weeks as columns, Monday to Sunday as
 * 7 rows, a row of month names on top when rows >= 8. A day with data is a
 * shade by its mean mood (low, mid, high: three glyphs so it reads without
 * colour too) in the mood roles; a day without data a muted dot. last_day
 * (a day number, or INT64_MAX for the whole year) ends the map: later days
 * are blank and, when the width is short, the weeks up to it are the ones
 * kept. Needs rows >= 7. */
int chart_heatmap_text(const struct heatmap *h, int64_t last_day, int rows, int cols, bool ascii,
                       struct chart_text *out);
int chart_heatmap_draw(int y, int x, int rows, int cols, const struct heatmap *h,
                       int64_t last_day, bool ascii);

/* The role for a mood value 0..10. */
enum role chart_mood_role(double v);

#endif
