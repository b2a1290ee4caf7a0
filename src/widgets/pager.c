#include "widgets/pager.h"

#include <string.h>

#include "ui/term.h"
#include "util/utf8.h"

void pager_init(struct pager *p, const struct pager_ops *ops, const void *data)
{
	*p = (struct pager){.ops = ops, .data = data, .nsections = 1, .vis = 1, .match = -1};
}

size_t pager_max_top(const struct pager *p)
{
	size_t vis = p->vis > 0 ? (size_t)p->vis : 1;
	return p->nlines > vis ? p->nlines - vis : 0;
}

void pager_clamp(struct pager *p)
{
	if (p->top > pager_max_top(p))
		p->top = pager_max_top(p);
}

bool pager_action(struct pager *p, enum action a)
{
	size_t page = p->vis > 1 ? (size_t)p->vis - 1 : 1;
	switch (a) {
	case ACT_UP:
		if (p->top)
			p->top--;
		return true;
	case ACT_DOWN:
		p->top++;
		pager_clamp(p);
		return true;
	case ACT_PGUP:
		p->top = p->top > page ? p->top - page : 0;
		return true;
	case ACT_PGDN:
		p->top += page;
		pager_clamp(p);
		return true;
	case ACT_TOP:
		p->top = 0;
		return true;
	case ACT_BOTTOM:
		p->top = pager_max_top(p);
		return true;
	default:
		return false;
	}
}

void pager_show(struct pager *p, size_t line)
{
	size_t vis = p->vis > 0 ? (size_t)p->vis : 1;
	if (line >= p->top && line < p->top + vis)
		return;
	p->top = line > vis / 3 ? line - vis / 3 : 0;
	pager_clamp(p);
}

int pager_percent(const struct pager *p)
{
	size_t mt = pager_max_top(p);
	return mt ? (int)(p->top * 100 / mt) : 100;
}

long pager_fraction(const struct pager *p)
{
	return p->nlines ? (long)(p->top * (size_t)PAGER_SCALE / p->nlines) : 0;
}

void pager_to_fraction(struct pager *p, long frac)
{
	p->top = (size_t)(((long long)p->nlines * frac + PAGER_SCALE / 2) / PAGER_SCALE);
	pager_clamp(p);
}

/* ---- the place, by section ---- */

/* The first line of section k; past the last section, the end. */
static size_t bound(const struct pager *p, size_t k)
{
	if (k == 0)
		return 0;
	if (k < p->nsections && p->ops && p->ops->section)
		return p->ops->section(p->data, k);
	return p->nlines;
}

struct pager_place pager_place(const struct pager *p)
{
	struct pager_place a = {0, 0};
	if (!p->width)
		return a;
	for (size_t k = 0; k < p->nsections; k++)
		if (bound(p, k) <= p->top)
			a.section = k;
	size_t from = bound(p, a.section), to = bound(p, a.section + 1);
	if (to > from)
		a.frac = (long)((p->top - from) * (size_t)PAGER_SCALE / (to - from));
	return a;
}

static size_t place_line(const struct pager *p, struct pager_place a)
{
	size_t from = bound(p, a.section), to = bound(p, a.section + 1);
	size_t len = to > from ? to - from : 0;
	return from + (len * (size_t)a.frac + PAGER_SCALE / 2) / (size_t)PAGER_SCALE;
}

void pager_relaid(struct pager *p, size_t nlines, size_t nsections, int width,
                  struct pager_place place)
{
	bool had = p->width != 0;
	p->nlines = nlines;
	p->nsections = nsections ? nsections : 1;
	p->width = width;
	if (had)
		p->top = place_line(p, place);
	pager_clamp(p);
	if (p->match >= 0) {
		/* Line numbers changed: mark the first match in view, if any. */
		p->match = pager_find_line(p, p->top, 1);
		if (p->match >= 0 && (size_t)p->match >= p->top + (size_t)p->vis)
			p->match = -1;
	}
}

/* ---- finding ---- */

static bool holds(const struct pager *p, size_t i, size_t qlen)
{
	size_t len;
	const char *s = p->ops->text(p->data, i, &len);
	return s && utf8_find_nocase(s, len, p->query, qlen) >= 0;
}

long pager_find_line(const struct pager *p, size_t from, int dir)
{
	size_t qlen = strlen(p->query);
	if (!qlen || !p->ops || !p->ops->text || !p->nlines || !dir)
		return -1;
	if (dir > 0) {
		for (size_t i = from; i < p->nlines; i++)
			if (holds(p, i, qlen))
				return (long)i;
		return -1;
	}
	size_t i = from < p->nlines ? from + 1 : p->nlines;
	while (i-- > 0)
		if (holds(p, i, qlen))
			return (long)i;
	return -1;
}

enum pager_found pager_find(struct pager *p, int dir, bool again)
{
	size_t tot = p->nlines;
	if (!tot || !p->query[0])
		return PAGER_NOTHING;
	long from = again && p->match >= 0 ? p->match + (dir > 0 ? 1 : -1) : (long)p->top;
	long r = -1;
	bool wrapped = false;
	if (from >= 0 && (size_t)from < tot)
		r = pager_find_line(p, (size_t)from, dir);
	if (r < 0 && (dir > 0 ? from > 0 : from < (long)tot - 1)) {
		r = pager_find_line(p, dir > 0 ? 0 : tot - 1, dir);
		wrapped = r >= 0;
	}
	if (r < 0) {
		p->match = -1;
		return PAGER_NONE;
	}
	enum pager_found f = !wrapped ? PAGER_FOUND : r == p->match ? PAGER_ONLY : PAGER_WRAPPED;
	p->match = r;
	pager_show(p, (size_t)r);
	return f;
}

/* ---- drawing ---- */

void pager_draw(const struct pager *p, int y, int x, int w)
{
	for (int i = 0; i < p->vis && p->top + (size_t)i < p->nlines; i++)
		p->ops->draw(p->data, p->top + (size_t)i, y + i, x, w);
	if (p->match < 0 || (size_t)p->match < p->top ||
	    (size_t)p->match >= p->top + (size_t)p->vis)
		return;
	size_t len, qlen = strlen(p->query);
	const char *s = p->ops->text(p->data, (size_t)p->match, &len);
	long off = s ? utf8_find_nocase(s, len, p->query, qlen) : -1;
	if (off < 0)
		return;
	int col = (int)utf8_width(s, (size_t)off);
	int yy = y + (int)((size_t)p->match - p->top);
	ui_put(yy, x + col, w - col, ROLE_SELECTED, s + off, qlen);
}
