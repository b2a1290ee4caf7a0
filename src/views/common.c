/* common.c: drawing helpers every view uses. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/config.h"
#include "util/error.h"
#include "content/render.h"
#include "views/view.h"
#include "util/utf8.h"

void view_warn(struct ctx *c, const struct error *e)
{
	view_note(c, ROLE_WARN, "%.*s", (int)utf8_cut(e->msg, 190), e->msg);
}

int view_title(int cols, const char *title)
{
	ui_puts(0, 2, cols - 4, ROLE_TITLE, title);
	return 2;
}

static enum role role_of(unsigned st)
{
	if (st & (STYLE_HEADING1 | STYLE_HEADING2 | STYLE_HEADING3))
		return ROLE_HEADING;
	if (st & STYLE_CODE)
		return ROLE_CODE;
	if (st & STYLE_LINK)
		return ROLE_LINK;
	if (st & STYLE_QUOTE)
		return ROLE_QUOTE;
	if (st & STYLE_MUTED)
		return ROLE_MUTED;
	if (st & STYLE_BULLET)
		return ROLE_TITLE;
	return ROLE_NORMAL;
}

void view_draw_line(int y, int x, int w, const struct layout_line *ln)
{
	size_t at = 0;
	int col = 0;
	for (size_t i = 0; i <= ln->nspans && col < w; i++) {
		size_t start = i < ln->nspans ? ln->spans[i].off : ln->len;
		if (start > at)
			col += ui_put(y, x + col, w - col, ROLE_NORMAL, ln->text + at, start - at);
		if (i == ln->nspans)
			break;
		const struct style_span *sp = &ln->spans[i];
		col += ui_put_attr(y, x + col, w - col, role_of(sp->style),
		                   (sp->style & (STYLE_STRONG | STYLE_HEADING1 | STYLE_HEADING2)) != 0,
		                   (sp->style & STYLE_HEADING1) != 0, (sp->style & STYLE_EMPH) != 0,
		                   ln->text + sp->off, sp->len);
		at = sp->off + sp->len;
	}
}

int view_markdown(int y, int x, int w, int maxrows, int skip, const char *md)
{
	return view_markdown_flags(y, x, w, maxrows, skip, md, false);
}

void view_reading_box(const struct ctx *c, int cols, int max, int *x, int *w)
{
	*x = !c->set->wide ? 2 : cols >= 72 ? 6 : 4;
	*w = cols - 2 * *x < max ? cols - 2 * *x : max;
	if (*w < 1)
		*w = 1;
}

int view_markdown_flags(int y, int x, int w, int maxrows, int skip, const char *md, bool wide)
{
	struct error e;
	struct doc *d = doc_parse(md, strlen(md), &e);
	if (!d)
		return 0;
	struct layout *l = doc_layout_flags(d, w, wide ? LAYOUT_WIDE : 0);
	int total = 0;
	if (l) {
		total = (int)l->nlines;
		for (int i = 0; i < maxrows && (size_t)(i + skip) < l->nlines; i++)
			view_draw_line(y + i, x, w, &l->lines[i + skip]);
		layout_free(l);
	}
	doc_free(d);
	return total;
}

void view_done(struct ctx *c, const char *what, int64_t id)
{
	struct view_result r = {.kind = RESULT_DONE, .id = id, .text = what, .len = strlen(what)};
	if (c->tell_all)
		c->tell_all(c, &r);
}

void view_set_region(struct ctx *c, const char *code)
{
	snprintf(c->ses->region, sizeof(c->ses->region), "%s", code);
	struct error e;
	if (config_set(c->set->config_dir, "region", code, &e)) {
		view_note(c, ROLE_WARN, "%s",
		          "The region is set until tend closes, but it could not be saved.");
	}
}

void view_date(const struct ctx *c, int64_t at, int off_min, char *out, size_t size)
{
	time_t t = (time_t)(at + (int64_t)off_min * 60);
	struct tm tm;
	if (!gmtime_r(&t, &tm)) {
		snprintf(out, size, "?");
		return;
	}
	date_format(out, size, &tm, c->set->date_style, 0);
}

void view_date_time(const struct ctx *c, int64_t at, int off_min, char *out, size_t size)
{
	time_t t = (time_t)(at + (int64_t)off_min * 60);
	struct tm tm;
	if (!gmtime_r(&t, &tm)) {
		snprintf(out, size, "?");
		return;
	}
	size_t n = date_format(out, size, &tm, c->set->date_style, 0);
	if (n + 1 < size)
		snprintf(out + n, size - n, " %02d:%02d", tm.tm_hour, tm.tm_min);
}

void view_stamp(const struct ctx *c, const char *stamp, char *out, size_t size)
{
	char day[11];
	int hh, mm, used = 0;
	if (strlen(stamp) < 16 || stamp[10] != 'T' ||
	    sscanf(stamp + 11, "%2d:%2d%n", &hh, &mm, &used) != 2 || used != 5) {
		snprintf(out, size, "%s", stamp);
		return;
	}
	memcpy(day, stamp, 10);
	day[10] = '\0';
	size_t n = date_format_iso_text(out, size, day, c->set->date_style);
	if (n + 1 < size)
		snprintf(out + n, size - n, " %02d:%02d", hh, mm);
}

void view_box(int rows, int cols, int maxw, int height, int *y0, int *x0, int *w)
{
	*w = cols - 8 > maxw ? maxw : cols - 8;
	*x0 = (cols - *w) / 2;
	*y0 = (rows - height) / 2;
	if (*y0 < 1)
		*y0 = 1;
	for (int y = *y0 - 1; y < *y0 + height + 1 && y < rows; y++)
		ui_fill(y, *x0 - 2, *w + 4, ROLE_SELECTED);
	for (int y = *y0; y < *y0 + height && y < rows; y++)
		ui_fill(y, *x0 - 1, *w + 2, ROLE_NORMAL);
}
