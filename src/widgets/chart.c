#include "widgets/chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

/* ---- a canvas of cells, turned into lines at the end */

struct cell {
	char s[12];       /* UTF-8: one base character and any marks that fit */
	unsigned char len;
	bool cont;        /* right half of a wide character */
};

struct canvas {
	int rows, cols;
	struct cell *c;
	enum role *r;
};

static int cv_init(struct canvas *cv, int rows, int cols)
{
	cv->rows = rows > 0 ? rows : 0;
	cv->cols = cols > 0 ? cols : 0;
	size_t n = (size_t)cv->rows * (size_t)cv->cols;
	cv->c = calloc(n ? n : 1, sizeof(*cv->c));
	cv->r = calloc(n ? n : 1, sizeof(*cv->r));
	if (!cv->c || !cv->r) {
		free(cv->c);
		free(cv->r);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		cv->c[i].s[0] = ' ';
		cv->c[i].len = 1;
		cv->r[i] = ROLE_NORMAL;
	}
	return 0;
}

static void cv_free(struct canvas *cv)
{
	free(cv->c);
	free(cv->r);
	cv->c = NULL;
	cv->r = NULL;
}

static void cv_blank(struct canvas *cv, int row, int col)
{
	struct cell *c = &cv->c[row * cv->cols + col];
	c->s[0] = ' ';
	c->len = 1;
	c->cont = false;
}

/* One code point of width w (1 or 2) at (row, col); nothing when it does
 * not fit. Returns the columns used. */
static int cv_cp(struct canvas *cv, int row, int col, uint32_t cp, enum role r)
{
	int w = u_width(cp);
	if (w <= 0 || row < 0 || row >= cv->rows || col < 0 || col + w > cv->cols)
		return 0;
	size_t i = (size_t)row * (size_t)cv->cols + (size_t)col;
	/* Writing over half of a wide character blanks its other half. */
	if (cv->c[i].cont && col > 0)
		cv_blank(cv, row, col - 1);
	if (col + w < cv->cols && cv->c[i + (size_t)w].cont)
		cv_blank(cv, row, col + w);
	cv->c[i].len = (unsigned char)utf8_encode(cp, cv->c[i].s);
	cv->c[i].cont = false;
	cv->r[i] = r;
	if (w == 2) {
		cv->c[i + 1].len = 0;
		cv->c[i + 1].cont = true;
		cv->r[i + 1] = r;
	}
	return w;
}

/* UTF-8 text in at most maxw columns; control characters become U+FFFD,
 * zero-width marks stay with their base when there is room. In ASCII mode
 * anything else becomes '?' and marks are dropped. */
static int cv_text_as(struct canvas *cv, int row, int col, int maxw, const char *s, enum role r,
                      bool ascii)
{
	if (!s || maxw <= 0)
		return 0;
	size_t len = strlen(s), i = 0, adv;
	int used = 0;
	struct cell *last = NULL;
	while (i < len) {
		uint32_t cp = utf8_decode(s + i, len - i, &adv);
		i += adv;
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			cp = UTF8_REPLACEMENT;
		if (ascii && cp >= 0x80)
			cp = u_width(cp) == 0 ? 0 : '?';
		if (cp == 0)
			continue;
		int w = u_width(cp);
		if (w == 0) {
			char enc[4];
			size_t k = utf8_encode(cp, enc);
			if (last && k && last->len + k <= sizeof(last->s)) {
				memcpy(last->s + last->len, enc, k);
				last->len = (unsigned char)(last->len + k);
			}
			continue;
		}
		if (used + w > maxw)
			break;
		if (!cv_cp(cv, row, col + used, cp, r))
			break;
		last = &cv->c[row * cv->cols + col + used];
		used += w;
	}
	return used;
}

static int cv_text(struct canvas *cv, int row, int col, int maxw, const char *s, enum role r)
{
	return cv_text_as(cv, row, col, maxw, s, r, false);
}

/* Text cut to maxw columns with an ellipsis when it is longer. */
static int cv_text_cut(struct canvas *cv, int row, int col, int maxw, const char *s, enum role r,
                       bool ascii)
{
	if (!s || maxw <= 0)
		return 0;
	size_t len = strlen(s);
	if (utf8_width(s, len) <= (size_t)maxw)
		return cv_text_as(cv, row, col, maxw, s, r, ascii);
	int used = cv_text_as(cv, row, col, maxw - 1, s, r, ascii);
	return used + cv_cp(cv, row, col + used, ascii ? '~' : 0x2026, r);
}

static int cv_finish(struct canvas *cv, struct chart_text *out)
{
	memset(out, 0, sizeof(*out));
	out->lines = calloc(cv->rows ? (size_t)cv->rows : 1, sizeof(*out->lines));
	if (!out->lines) {
		cv_free(cv);
		return -1;
	}
	out->rows = cv->rows;
	out->cols = cv->cols;
	for (int y = 0; y < cv->rows; y++) {
		size_t n = 0;
		for (int x = 0; x < cv->cols; x++)
			n += cv->c[y * cv->cols + x].len;
		char *line = malloc(n + 1);
		if (!line) {
			cv_free(cv);
			chart_text_free(out);
			return -1;
		}
		n = 0;
		for (int x = 0; x < cv->cols; x++) {
			const struct cell *c = &cv->c[y * cv->cols + x];
			memcpy(line + n, c->s, c->len);
			n += c->len;
		}
		line[n] = '\0';
		out->lines[y] = line;
	}
	out->roles = cv->r;
	cv->r = NULL;
	cv_free(cv);
	return 0;
}

void chart_text_free(struct chart_text *t)
{
	if (t->lines)
		for (int y = 0; y < t->rows; y++)
			free(t->lines[y]);
	free(t->lines);
	free(t->roles);
	memset(t, 0, sizeof(*t));
}

enum role chart_role_at(const struct chart_text *t, int row, int col)
{
	if (!t->roles || row < 0 || row >= t->rows || col < 0 || col >= t->cols)
		return ROLE_NORMAL;
	return t->roles[row * t->cols + col];
}

void chart_paint(const struct chart_text *t, int y, int x)
{
	for (int r = 0; r < t->rows; r++) {
		const char *s = t->lines[r];
		size_t len = strlen(s), i = 0, adv;
		int col = 0;
		while (i < len && col < t->cols) {
			/* A run of cells with the same role, painted at once. */
			enum role role = chart_role_at(t, r, col);
			size_t start = i;
			int start_col = col;
			while (i < len && col < t->cols && chart_role_at(t, r, col) == role) {
				uint32_t cp = utf8_decode(s + i, len - i, &adv);
				i += adv;
				col += u_width(cp);
				/* Marks after a base belong to it. */
				while (i < len) {
					uint32_t m = utf8_decode(s + i, len - i, &adv);
					if (u_width(m) != 0)
						break;
					i += adv;
				}
			}
			if (col == start_col) /* a zero-width code point on its own: skip it */
				col++;
			ui_put(y + r, x + start_col, col - start_col, role, s + start, i - start);
		}
	}
}

enum role chart_mood_role(double v)
{
	if (v < 4)
		return ROLE_MOOD_LOW;
	if (v < 7)
		return ROLE_MOOD_MID;
	return ROLE_MOOD_HIGH;
}

static const char *const month_name[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* ---- (a) mood over time */

#define AXIS_W 3 /* "10" and the axis line */

static void bucket_label(const struct series *s, const struct series_bucket *b, char out[16])
{
	int y, m, d;
	stats_civil_from_days(b->day, &y, &m, &d);
	if (s->b == B_MONTH) {
		if (m == 1)
			snprintf(out, 16, "%04d", y % 10000);
		else
			snprintf(out, 16, "%s", month_name[m - 1]);
	} else {
		snprintf(out, 16, "%s %d", month_name[m - 1], d);
	}
}

int chart_bars_text(const struct series *s, int rows, int cols, bool ascii,
                    struct chart_text *out)
{
	struct canvas cv;
	memset(out, 0, sizeof(*out));
	if (cv_init(&cv, rows, cols) < 0)
		return -1;
	if (rows < 3 || cols < CHART_MIN_COLS)
		return cv_finish(&cv, out);

	static const uint32_t eighth[9] = {' ', 0x2581, 0x2582, 0x2583, 0x2584,
	                                   0x2585, 0x2586, 0x2587, 0x2588};
	static const char ascii_eighth[9] = " _-:=+*%#";
	int h = rows - 1, pw = cols - AXIS_W, labels = rows - 1;

	/* The y axis: 10 at the top, 0 at the bottom, 5 between when there is room. */
	for (int r = 0; r < h; r++)
		cv_cp(&cv, r, 2, ascii ? '|' : 0x2502, ROLE_MUTED);
	cv_text(&cv, 0, 0, 2, "10", ROLE_MUTED);
	cv_text(&cv, h - 1, 0, 2, " 0", ROLE_MUTED);
	if (h >= 5)
		cv_text(&cv, h - 1 - h / 2, 0, 2, " 5", ROLE_MUTED);

	size_t nb = s ? s->n : 0;
	size_t shown = nb < (size_t)pw ? nb : (size_t)pw;
	int slot = shown ? pw / (int)shown : 1;
	if (slot > 8)
		slot = 8;
	int bw = slot >= 2 ? slot - 1 : 1;
	size_t first = nb - shown;

	for (size_t i = 0; i < shown; i++) {
		const struct series_bucket *b = &s->v[first + i];
		int col = AXIS_W + (int)i * slot;
		if (!b->count) {
			cv_cp(&cv, h - 1, col, ascii ? '.' : 0xB7, ROLE_MUTED);
			continue;
		}
		double v = b->mean < 0 ? 0 : b->mean > 10 ? 10 : b->mean;
		int e = (int)(v / 10.0 * h * 8 + 0.5);
		if (e < 1)
			e = 1; /* a real 0 still shows, unlike a gap */
		enum role role = chart_mood_role(b->mean);
		for (int k = 0; k < h; k++) {
			int lvl = e - 8 * k;
			if (lvl <= 0)
				break;
			if (lvl > 8)
				lvl = 8;
			for (int j = 0; j < bw; j++)
				cv_cp(&cv, h - 1 - k, col + j, ascii ? (uint32_t)ascii_eighth[lvl] : eighth[lvl],
				      role);
		}
	}

	if (!s || !s->total) {
		const char *msg = pw >= 26 ? "No entries in this period" : "No entries";
		int w = (int)strlen(msg);
		cv_text(&cv, (h - 1) / 2, AXIS_W + (pw - w) / 2, w, msg, ROLE_MUTED);
	}

	/* Date labels: every k-th bucket counted back from the most recent, so
	 * the newest is always named; placed right to left without overlaps. */
	int lw = s && s->b == B_MONTH ? 4 : 6;
	int k = slot >= lw + 1 ? 1 : (lw + 1 + slot - 1) / slot;
	int limit = cols;
	for (size_t back = 0; back < shown; back += (size_t)k) {
		size_t i = shown - 1 - back;
		char lab[16];
		bucket_label(s, &s->v[first + i], lab);
		int w = (int)strlen(lab);
		int col = AXIS_W + (int)i * slot;
		if (col + w > limit)
			col = limit - w;
		if (col < AXIS_W)
			break;
		cv_text(&cv, labels, col, w, lab, ROLE_MUTED);
		limit = col - 1;
	}
	return cv_finish(&cv, out);
}

int chart_bars_draw(int y, int x, int rows, int cols, const struct series *s, bool ascii)
{
	struct chart_text t;
	if (chart_bars_text(s, rows, cols, ascii, &t) < 0)
		return -1;
	chart_paint(&t, y, x);
	chart_text_free(&t);
	return 0;
}

/* ---- (b) horizontal bars */

int chart_list_text(const struct chart_item *items, size_t count, double max, int decimals,
                    enum role bar_role, int rows, int cols, bool ascii, struct chart_text *out)
{
	struct canvas cv;
	memset(out, 0, sizeof(*out));
	if (cv_init(&cv, rows, cols) < 0)
		return -1;
	if (rows < 1 || cols < CHART_MIN_COLS || !count)
		return cv_finish(&cv, out);
	if (decimals < 0)
		decimals = 0;
	if (decimals > 3)
		decimals = 3;

	size_t shown = count < (size_t)rows ? count : (size_t)rows;
	int lw = 0, vw = 0, nw = 0;
	char num[48];
	if (max <= 0)
		for (size_t i = 0; i < shown; i++)
			if (items[i].value > max)
				max = items[i].value;
	for (size_t i = 0; i < shown; i++) {
		const char *l = items[i].label ? items[i].label : "";
		int w = (int)utf8_width(l, strlen(l));
		lw = w > lw ? w : lw;
		w = snprintf(num, sizeof(num), "%.*f", decimals, items[i].value);
		vw = w > vw ? w : vw;
		w = snprintf(num, sizeof(num), "n=%zu", items[i].n);
		nw = w > nw ? w : nw;
	}
	if (lw > cols * 2 / 5)
		lw = cols * 2 / 5;
	if (lw < 1)
		lw = 1;
	/* label, bar, value, n with a space between each. */
	int bw = cols - lw - vw - nw - 3;
	while (bw < 4 && lw > 6) {
		lw--;
		bw++;
	}
	if (bw < 4 && nw) {
		bw += nw + 1;
		nw = 0;
	}
	if (bw < 1)
		return cv_finish(&cv, out);

	static const uint32_t left[9] = {' ', 0x258F, 0x258E, 0x258D, 0x258C,
	                                 0x258B, 0x258A, 0x2589, 0x2588};
	for (size_t i = 0; i < shown; i++) {
		const struct chart_item *it = &items[i];
		int row = (int)i;
		enum role text_role = it->enough ? ROLE_NORMAL : ROLE_MUTED;
		cv_text_cut(&cv, row, 0, lw, it->label ? it->label : "", text_role, ascii);

		int e = 0;
		if (max > 0 && it->value > 0) {
			double v = it->value > max ? max : it->value;
			e = (int)(v / max * bw * 8 + 0.5);
			if (e < 1)
				e = 1;
		}
		int bx = lw + 1;
		for (int j = 0; j < bw && e > 0; j++, e -= 8) {
			int lvl = e > 8 ? 8 : e;
			uint32_t cp = ascii ? (lvl >= 6 ? '#' : lvl >= 3 ? '+' : '|') : left[lvl];
			cv_cp(&cv, row, bx + j, cp, it->enough ? bar_role : ROLE_MUTED);
		}

		int w = snprintf(num, sizeof(num), "%.*f", decimals, it->value);
		cv_text(&cv, row, bx + bw + 1 + (vw - w), w, num, text_role);
		if (nw) {
			snprintf(num, sizeof(num), "n=%zu", it->n);
			cv_text(&cv, row, bx + bw + 1 + vw + 1, nw, num, ROLE_MUTED);
		}
	}
	return cv_finish(&cv, out);
}

int chart_list_draw(int y, int x, int rows, int cols, const struct chart_item *items,
                    size_t count, double max, int decimals, enum role bar_role, bool ascii)
{
	struct chart_text t;
	if (chart_list_text(items, count, max, decimals, bar_role, rows, cols, ascii, &t) < 0)
		return -1;
	chart_paint(&t, y, x);
	chart_text_free(&t);
	return 0;
}

/* ---- (c) calendar heat map */

#define DAYS_W 3 /* "Mo " */

int chart_heatmap_text(const struct heatmap *h, int64_t last_day, int rows, int cols, bool ascii,
                       struct chart_text *out)
{
	struct canvas cv;
	memset(out, 0, sizeof(*out));
	if (cv_init(&cv, rows, cols) < 0)
		return -1;
	if (rows < 7 || cols < CHART_MIN_COLS || h->days < 365)
		return cv_finish(&cv, out);

	int top = rows >= 8 ? 1 : 0;
	/* Every other row is named, from the day weeks start on. */
	static const char *const wday_name[7] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
	for (int d = 0; d < 7; d += 2)
		cv_text(&cv, top + d, 0, 2, wday_name[(d + h->week_start) % 7], ROLE_MUTED);

	int last; /* last day of the year drawn, 0-based; -1: none yet */
	if (last_day < h->day0)
		last = -1;
	else if (last_day - h->day0 >= h->days)
		last = h->days - 1;
	else
		last = (int)(last_day - h->day0);
	int weeks = (h->days - 1 + h->wday0) / 7 + 1;
	int end_week = last >= 0 ? (last + h->wday0) / 7 : weeks - 1;
	int avail = cols - DAYS_W;
	int cw = 2 * (end_week + 1) <= avail ? 2 : 1;
	int shown = avail / cw < end_week + 1 ? avail / cw : end_week + 1;
	int first_week = end_week + 1 - shown;

	for (int d = 0; d < h->days; d++) {
		int w = (d + h->wday0) / 7;
		if (w < first_week || w > end_week)
			continue;
		if (d > last)
			continue; /* not yet: blank */
		int row = top + (d + h->wday0) % 7;
		int col = DAYS_W + (w - first_week) * cw;
		if (!h->count[d]) {
			cv_cp(&cv, row, col, ascii ? '.' : 0xB7, ROLE_MUTED);
			continue;
		}
		double m = h->mean[d];
		enum role r = chart_mood_role(m);
		uint32_t cp;
		if (r == ROLE_MOOD_LOW)
			cp = ascii ? '-' : 0x2591;
		else if (r == ROLE_MOOD_MID)
			cp = ascii ? '+' : 0x2592;
		else
			cp = ascii ? '#' : 0x2593;
		cv_cp(&cv, row, col, cp, r);
	}

	if (top) {
		int next = DAYS_W;
		for (int m = 1; m <= 12; m++) {
			int d = (int)(stats_days_from_civil(h->year, m, 1) - h->day0);
			int w = (d + h->wday0) / 7;
			if (w < first_week || w > end_week)
				continue;
			int col = DAYS_W + (w - first_week) * cw;
			if (col < next)
				continue;
			if (col + 3 > cols)
				break;
			cv_text(&cv, 0, col, 3, month_name[m - 1], ROLE_MUTED);
			next = col + 4;
		}
	}
	return cv_finish(&cv, out);
}

int chart_heatmap_draw(int y, int x, int rows, int cols, const struct heatmap *h,
                       int64_t last_day, bool ascii)
{
	struct chart_text t;
	if (chart_heatmap_text(h, last_day, rows, cols, ascii, &t) < 0)
		return -1;
	chart_paint(&t, y, x);
	chart_text_free(&t);
	return 0;
}
