/* learn.c: the Learn section. A list of short pages about trauma and
 * healing, and a reader for one page: a gentle notice first when the page
 * carries a content note, a table of contents, search within the page, and
 * the place the person stopped reading, kept in the vault (what someone
 * reads says something about them, so it never goes to a plain file).
 *
 * The reader is one view with two modes (the notice, then the page). The
 * table of contents and the search prompt are small overlay views of their
 * own, given the reader's state as their argument: a view's flags are
 * const, and the prompt must take text while the page must not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content/page.h"
#include "content/render.h"
#include "store/settings.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "views/view.h"
#include "widgets/field.h"
#include "widgets/menu.h"

#define TEXT_MAX 80       /* the widest a page is laid out, for easy reading */
#define POS_SCALE 10000L  /* a saved place is a fraction of the page in 1/10000 */

/* Copies at most size - 1 bytes of s into out, never ending inside a
 * UTF-8 character. */
static void copy_cut(char *out, size_t size, const char *s, size_t len)
{
	if (len >= size) {
		len = size - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(out, s, len);
	out[len] = '\0';
}

static void set_note(struct ctx *c, enum role r, const char *msg)
{
	view_note(c, r, "%s", msg);
}

/* ---- text helpers ---- */

/* Draws s wrapped to w columns from row y, in at most maxlines lines; the
 * last line ends with "…" when text is left over. Returns the rows used.
 * With draw false, only counts. */
static int put_wrapped(bool draw, int y, int x, int w, int maxlines, enum role r, const char *s)
{
	size_t len = strlen(s), at = 0;
	int n = 0;
	while (at < len && n < maxlines) {
		size_t next, cut = utf8_wrap(s + at, len - at, w > 0 ? (size_t)w : 0, &next);
		bool last = n + 1 == maxlines && at + next < len;
		if (last)
			cut = utf8_wrap(s + at, len - at, w > 1 ? (size_t)(w - 1) : 0, &next);
		if (draw) {
			int used = ui_put(y + n, x, w, r, s + at, cut);
			if (last)
				ui_puts(y + n, x + used, w - used, r, "…");
		}
		at += next;
		n++;
	}
	return n;
}

/* Draws s in at most w columns, cut with "…" when it is wider. */
static int put_cut(int y, int x, int w, enum role r, const char *s)
{
	size_t len = strlen(s);
	if (w <= 0)
		return 0;
	if (utf8_width(s, len) <= (size_t)w)
		return ui_put(y, x, w, r, s, len);
	size_t fit = utf8_fit(s, len, (size_t)(w - 1), NULL);
	int used = ui_put(y, x, w - 1, r, s, fit);
	return used + ui_puts(y, x + used, w - used, r, "…");
}

static int ascii_lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

/* Where needle starts in hay, ignoring ASCII case (as layout_find does); -1
 * when it is not there. */
static long find_ci(const char *hay, size_t hlen, const char *needle)
{
	size_t nlen = strlen(needle);
	if (!nlen || nlen > hlen)
		return -1;
	for (size_t i = 0; i + nlen <= hlen; i++) {
		size_t j = 0;
		while (j < nlen && ascii_lower((unsigned char)hay[i + j]) ==
		                       ascii_lower((unsigned char)needle[j]))
			j++;
		if (j == nlen)
			return (long)i;
	}
	return -1;
}

/* ---- the pages, in reading order ---- */

struct learn_page {
	const char *path; /* lives as long as the content text */
	struct page_meta meta;
};

static void pages_free(struct learn_page *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		page_meta_free(&p[i].meta);
	free(p);
}

static int by_order(const void *a, const void *b)
{
	const struct learn_page *x = a, *y = b;
	if (x->meta.order != y->meta.order)
		return x->meta.order < y->meta.order ? -1 : 1;
	return strcmp(x->path, y->path);
}

static bool is_markdown(const char *path)
{
	size_t n = strlen(path);
	return n > 3 && strcmp(path + n - 3, ".md") == 0;
}

/* The front matter of every page under learn/, sorted by order. Returns
 * the count, or -1 when memory runs out. A page that does not load is left
 * out, and the first such problem is copied into bad (when not NULL). */
static long pages_load(struct learn_page **out, struct error *bad)
{
	*out = NULL;
	size_t total = content_list("learn/", NULL, 0);
	if (!total)
		return 0;
	const char **paths = calloc(total, sizeof(*paths));
	struct learn_page *p = calloc(total, sizeof(*p));
	if (!paths || !p) {
		free(paths);
		free(p);
		return -1;
	}
	size_t got = content_list("learn/", paths, total);
	if (got > total)
		got = total;
	size_t n = 0;
	for (size_t i = 0; i < got; i++) {
		if (!paths[i] || !is_markdown(paths[i]))
			continue;
		struct error e = {0};
		if (page_load(paths[i], &p[n].meta, NULL, NULL, &e) != 0) {
			page_meta_free(&p[n].meta);
			if (bad && !bad->msg[0])
				*bad = e;
			continue;
		}
		p[n++].path = paths[i];
	}
	free(paths);
	qsort(p, n, sizeof(*p), by_order);
	*out = p;
	return (long)n;
}

/* ---- the reading place, kept in the vault ---- */

static void pos_key(char *key, size_t size, const char *id)
{
	snprintf(key, size, "learn.pos.%s", id);
}

/* The saved place in 1/POS_SCALE of the page, or -1 when there is none. */
static long pos_load(struct vault *v, const char *id)
{
	if (!v || !id)
		return -1;
	char key[128], val[32];
	struct error e = {0};
	pos_key(key, sizeof(key), id);
	if (settings_get(v, key, val, sizeof(val), &e) != 1)
		return -1;
	char *end;
	long bp = strtol(val, &end, 10);
	if (end == val || *end || bp < 0)
		return -1;
	return bp > POS_SCALE ? POS_SCALE : bp;
}

/* ==== the list ==== */

struct list_state {
	struct learn_page *pages;
	bool *started;
	size_t n;
	struct menu m;
	bool stale; /* a page was opened: read the "started" marks again */
};

static void list_marks(struct ctx *c, struct list_state *st)
{
	for (size_t i = 0; i < st->n; i++)
		st->started[i] = pos_load(c->ses->vault, st->pages[i].meta.id) > 0;
}

static int list_enter(struct ctx *c, void *vs, const void *arg)
{
	struct list_state *st = vs;
	(void)arg;
	struct error bad = {0};
	long n = pages_load(&st->pages, &bad);
	if (n < 0) {
		set_note(c, ROLE_WARN, "There was not enough memory to open Learn.");
		return -1;
	}
	st->n = (size_t)n;
	st->started = calloc(st->n ? st->n : 1, sizeof(*st->started));
	if (!st->started) {
		set_note(c, ROLE_WARN, "There was not enough memory to open Learn.");
		return -1;
	}
	st->m.n = st->n;
	list_marks(c, st);
	if (bad.msg[0])
		set_note(c, ROLE_WARN, bad.msg);
	return 0;
}

static void list_leave(struct ctx *c, void *vs)
{
	struct list_state *st = vs;
	(void)c;
	pages_free(st->pages, st->n);
	free(st->started);
	st->pages = NULL;
	st->started = NULL;
	st->n = 0;
}

static const char list_intro[] =
    "Short pages on trauma and healing, to read in any order, at your own pace.";
static const char mark_note[] = "content note";
static const char mark_started[] = "started";

static void list_item(const struct list_state *st, size_t i, bool sel, int y, int cols,
                      int sumlines)
{
	const struct page_meta *m = &st->pages[i].meta;
	int right = cols - 2;
	if (sel)
		ui_fill(y, 0, cols, ROLE_SELECTED);
	if (m->content_note) {
		int w = (int)utf8_width(mark_note, strlen(mark_note));
		right -= w;
		ui_puts(y, right, w, ROLE_WARN, mark_note);
		right -= 2;
	}
	if (st->started[i]) {
		int w = (int)utf8_width(mark_started, strlen(mark_started));
		right -= w;
		ui_puts(y, right, w, sel ? ROLE_SELECTED : ROLE_GOOD, mark_started);
		right -= 2;
	}
	put_cut(y, 2, right - 2, sel ? ROLE_SELECTED : ROLE_TITLE, m->title);
	if (m->summary && m->summary[0])
		put_wrapped(true, y + 1, 4, cols - 6, sumlines, ROLE_MUTED, m->summary);
}

static int list_item_rows(const struct list_state *st, size_t i, int cols)
{
	const char *s = st->pages[i].meta.summary;
	return 2 + (s ? put_wrapped(false, 0, 0, cols - 6, 2, ROLE_MUTED, s) : 0);
}

static void list_draw(struct ctx *c, void *vs, int rows, int cols)
{
	struct list_state *st = vs;
	if (st->stale) {
		list_marks(c, st);
		st->stale = false;
	}
	int y = view_title(cols, "Learn");
	y += put_wrapped(true, y, 2, cols - 4, 2, ROLE_MUTED, list_intro) + 1;
	if (!st->n) {
		ui_puts(y, 2, cols - 4, ROLE_MUTED, "No pages were found.");
		return;
	}
	/* An item is its title, one or two lines of summary, and a gap. The
	 * first item shown moves only as far as it must to show the selection. */
	int room = rows - y;
	struct menu *m = &st->m;
	if (m->sel >= st->n)
		m->sel = st->n - 1;
	if (m->top > m->sel)
		m->top = m->sel;
	for (;;) {
		int used = 0;
		for (size_t i = m->top; i <= m->sel; i++)
			used += list_item_rows(st, i, cols);
		if (used - 1 <= room || m->top == m->sel)
			break;
		m->top++;
	}
	int shown = 0;
	for (size_t i = m->top; i < st->n; i++) {
		int h = list_item_rows(st, i, cols);
		if (shown && y + h - 1 > rows)
			break;
		list_item(st, i, i == m->sel, y, cols, h - 2);
		y += h;
		shown++;
	}
	m->rows = shown;
	char pos[32];
	snprintf(pos, sizeof(pos), "%zu of %zu", st->m.sel + 1, st->n);
	int pw = (int)strlen(pos);
	ui_puts(0, cols - 2 - pw, pw, ROLE_MUTED, pos);
}

static struct step list_action(struct ctx *c, void *vs, enum action a)
{
	struct list_state *st = vs;
	(void)c;
	if (menu_action(&st->m, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_SELECT:
		if (!st->n)
			return STEP(STEP_NONE);
		st->stale = true;
		return PUSH(learn_page_view, st->pages[st->m.sel].path);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint list_hints[] = {
	{ACT_SELECT, "read"},
	{ACT_BACK, "back"},
	{ACT_HELP, "keys"},
	{ACT_NONE, NULL},
};

const struct view_ops learn_list_view = {
	.name = "learn",
	.state_size = sizeof(struct list_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = list_hints,
	.enter = list_enter,
	.leave = list_leave,
	.draw = list_draw,
	.on_action = list_action,
};

/* ==== one page ==== */

enum page_mode { MODE_NOTICE, MODE_READ };

struct page_state {
	char path[256];
	struct page_meta meta;
	struct doc *doc;      /* the page's Markdown */
	struct doc *tail_doc; /* "Sources" and the review date, made from the front matter */
	/* Laid out for lay_w columns; rebuilt in draw when the width changes.
	 * Lines are numbered over the page, one blank line, then the tail. */
	struct layout *lay, *tail;
	int lay_w;
	size_t top;       /* the first line shown */
	int vis;          /* lines shown at the last draw */
	long restore;     /* the saved place, for the first layout; -1: none */
	enum page_mode mode;
	bool reading;     /* the page itself was shown: its place is worth saving */
	const char *next; /* the next page in order, NULL at the end */
	char query[200];
	long match;       /* the line found last, -1 when none */
};

static size_t body_lines(const struct page_state *st)
{
	return st->lay ? st->lay->nlines : 0;
}

static size_t tail_start(const struct page_state *st)
{
	size_t nb = body_lines(st);
	return nb + (st->tail && st->tail->nlines && nb ? 1 : 0);
}

static size_t total_lines(const struct page_state *st)
{
	return st->tail ? tail_start(st) + st->tail->nlines : body_lines(st);
}

/* Line i, or NULL for the blank line between the page and its tail. */
static const struct layout_line *line_at(const struct page_state *st, size_t i, bool *in_tail)
{
	*in_tail = false;
	if (i < body_lines(st))
		return &st->lay->lines[i];
	size_t ts = tail_start(st);
	if (st->tail && i >= ts && i - ts < st->tail->nlines) {
		*in_tail = true;
		return &st->tail->lines[i - ts];
	}
	return NULL;
}

static size_t max_top(const struct page_state *st)
{
	size_t tot = total_lines(st), vis = st->vis > 0 ? (size_t)st->vis : 1;
	return tot > vis ? tot - vis : 0;
}

static void clamp_top(struct page_state *st)
{
	if (st->top > max_top(st))
		st->top = max_top(st);
}

/* Where a place is kept across a change of width: the section it is in
 * (the top of the page, a heading, or the tail) and how far into that
 * section, in 1/POS_SCALE. The sections are the same at every width. */
static size_t nbounds(const struct page_state *st)
{
	return 1 + (st->lay ? st->lay->nheadings : 0) + (st->tail ? 1 : 0);
}

static size_t bound(const struct page_state *st, size_t k)
{
	size_t nh = st->lay ? st->lay->nheadings : 0;
	if (k == 0)
		return 0;
	if (k <= nh)
		return st->lay->headings[k - 1].line;
	if (st->tail && k == nh + 1)
		return tail_start(st);
	return total_lines(st);
}

struct anchor {
	size_t section;
	long frac;
};

static struct anchor anchor_of(const struct page_state *st)
{
	struct anchor a = {0, 0};
	size_t nb = nbounds(st);
	for (size_t k = 0; k < nb; k++)
		if (bound(st, k) <= st->top)
			a.section = k;
	size_t from = bound(st, a.section), to = bound(st, a.section + 1);
	if (to > from)
		a.frac = (long)((st->top - from) * (size_t)POS_SCALE / (to - from));
	return a;
}

static size_t anchor_line(const struct page_state *st, struct anchor a)
{
	size_t from = bound(st, a.section), to = bound(st, a.section + 1);
	size_t len = to > from ? to - from : 0;
	return from + (len * (size_t)a.frac + POS_SCALE / 2) / (size_t)POS_SCALE;
}

/* The first line from `from` on (dir > 0) or back (dir < 0) holding the
 * query, over the page and its tail; -1 when none. */
static long find_line(const struct page_state *st, size_t from, int dir)
{
	size_t nb = body_lines(st), ts = tail_start(st);
	size_t nt = st->tail ? st->tail->nlines : 0;
	long r;
	if (dir > 0) {
		if (from < nb && (r = layout_find(st->lay, st->query, from, 1)) >= 0)
			return r;
		if (nt) {
			size_t f = from > ts ? from - ts : 0;
			if (f < nt && (r = layout_find(st->tail, st->query, f, 1)) >= 0)
				return (long)ts + r;
		}
		return -1;
	}
	if (nt && from >= ts) {
		size_t f = from - ts < nt ? from - ts : nt - 1;
		if ((r = layout_find(st->tail, st->query, f, -1)) >= 0)
			return (long)ts + r;
	}
	if (nb && (r = layout_find(st->lay, st->query, from < nb ? from : nb - 1, -1)) >= 0)
		return r;
	return -1;
}

/* Scrolls so line sits a third of the way down, unless it is in view. */
static void show_line(struct page_state *st, size_t line)
{
	size_t vis = st->vis > 0 ? (size_t)st->vis : 1;
	if (line >= st->top && line < st->top + vis)
		return;
	st->top = line > vis / 3 ? line - vis / 3 : 0;
	clamp_top(st);
}

/* A note naming the query, cut to 40 columns (whole characters only). */
static void note_query(struct ctx *c, enum role r, const char *before, const char *q,
                       const char *after)
{
	size_t len = strlen(q), n = utf8_fit(q, len, 40, NULL);
	view_note(c, r, "%s“%.*s%s”%s", before, (int)n, q, n < len ? "…" : "", after);
}

/* Finds the query: from the first line shown (first), or on from the last
 * match (again), going round the end of the page once. */
static void page_find(struct ctx *c, struct page_state *st, int dir, bool again)
{
	size_t tot = total_lines(st);
	if (!tot || !st->query[0])
		return;
	long from;
	if (!again)
		from = (long)st->top;
	else if (st->match < 0)
		from = (long)st->top;
	else
		from = st->match + (dir > 0 ? 1 : -1);
	long r = -1;
	bool wrapped = false;
	if (from >= 0 && (size_t)from < tot)
		r = find_line(st, (size_t)from, dir);
	if (r < 0 && (dir > 0 ? from > 0 : from < (long)tot - 1)) {
		r = find_line(st, dir > 0 ? 0 : tot - 1, dir);
		wrapped = r >= 0;
	}
	if (r < 0) {
		note_query(c, ROLE_WARN, "No match for ", st->query, ".");
		st->match = -1;
		return;
	}
	if (wrapped && r == st->match) {
		note_query(c, ROLE_MUTED, "This is the only place with ", st->query, ".");
	} else if (wrapped) {
		set_note(c, ROLE_MUTED,
		         dir > 0 ? "Reached the end of the page, so the search went on from the top."
		                 : "Reached the top of the page, so the search went on from the end.");
	}
	st->match = r;
	show_line(st, (size_t)r);
}

/* Markdown for the tail: the sources, then when the page was reviewed.
 * Source text is escaped so it shows exactly as written. */
static bool ascii_punct(unsigned char ch)
{
	return (ch >= '!' && ch <= '/') || (ch >= ':' && ch <= '@') || (ch >= '[' && ch <= '`') ||
	       (ch >= '{' && ch <= '~');
}

static int escaped(struct buf *b, const char *s)
{
	int rc = 0;
	for (; *s; s++) {
		if (ascii_punct((unsigned char)*s))
			rc |= buf_putc(b, '\\');
		rc |= buf_putc(b, *s);
	}
	return rc;
}

static int tail_markdown(const struct page_meta *m, struct buf *b)
{
	if (!m->nsources && !m->reviewed)
		return 0;
	int rc = buf_puts(b, "---\n\n");
	if (m->nsources) {
		rc |= buf_puts(b, "## Sources\n\n");
		for (size_t i = 0; i < m->nsources; i++) {
			rc |= buf_puts(b, "- ");
			rc |= escaped(b, m->sources[i]);
			rc |= buf_putc(b, '\n');
		}
		rc |= buf_putc(b, '\n');
	}
	if (m->reviewed) {
		rc |= buf_printf(b, "Reviewed %s", m->reviewed);
		if (m->reviewer) {
			rc |= buf_puts(b, " by ");
			rc |= escaped(b, m->reviewer);
		}
		rc |= buf_puts(b, ".");
		if (m->review_due)
			rc |= buf_printf(b, " Next review due %s.", m->review_due);
		rc |= buf_putc(b, '\n');
	}
	return rc ? -1 : 0;
}

static const struct hint read_hints[] = {
	{ACT_CONTENTS, "contents"},
	{ACT_SEARCH, "search"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};
static const struct hint notice_hints[] = {
	{ACT_SELECT, "read on"},
	{ACT_SKIP, "next page"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};
static const struct hint notice_last_hints[] = {
	{ACT_SELECT, "read on"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};
/* The status bar shows what the keys do in the page's current mode: the
 * table in learn_page_view points here and draw fills it in. */
static struct hint page_hints[4];

static void use_hints(const struct hint *h)
{
	size_t i = 0;
	for (; i + 1 < sizeof(page_hints) / sizeof(page_hints[0]) && h[i].a != ACT_NONE; i++)
		page_hints[i] = h[i];
	page_hints[i] = (struct hint){ACT_NONE, NULL};
}

/* The page after path in reading order, NULL when it is the last. */
static const char *next_page(const char *path)
{
	struct learn_page *p;
	long n = pages_load(&p, NULL);
	const char *next = NULL;
	for (long i = 0; i + 1 < n; i++)
		if (strcmp(p[i].path, path) == 0)
			next = p[i + 1].path;
	if (n >= 0)
		pages_free(p, (size_t)n);
	return next;
}

static void start_reading(struct ctx *c, struct page_state *st)
{
	st->mode = MODE_READ;
	st->reading = true;
	if (st->restore > 0)
		set_note(c, ROLE_MUTED, "Back where you stopped.");
}

static int page_enter(struct ctx *c, void *vs, const void *arg)
{
	struct page_state *st = vs;
	const char *path = arg;
	st->match = -1;
	st->restore = -1;
	if (!path || (size_t)snprintf(st->path, sizeof(st->path), "%s", path) >= sizeof(st->path)) {
		set_note(c, ROLE_WARN, "That page could not be found.");
		return -1;
	}
	const char *body;
	size_t body_len;
	struct error e = {0};
	/* On failure, leave() frees whatever was made. */
	if (page_load(st->path, &st->meta, &body, &body_len, &e) != 0) {
		set_note(c, ROLE_WARN, e.msg);
		return -1;
	}
	st->doc = doc_parse(body, body_len, &e);
	struct buf tail = BUF_INIT;
	if (st->doc && tail_markdown(&st->meta, &tail) == 0)
		st->tail_doc = doc_parse(buf_str(&tail), tail.len, &e);
	buf_free(&tail);
	if (!st->doc || !st->tail_doc) {
		set_note(c, ROLE_WARN, "There was not enough memory to open this page.");
		return -1;
	}
	st->next = next_page(st->path);
	st->restore = pos_load(c->ses->vault, st->meta.id);
	st->mode = st->meta.content_note ? MODE_NOTICE : MODE_READ;
	if (st->mode == MODE_READ)
		start_reading(c, st);
	return 0;
}

static void page_save(struct ctx *c, struct page_state *st)
{
	if (!c->ses->vault || !st->reading || !st->lay || !st->meta.id)
		return;
	size_t tot = total_lines(st);
	long at = tot ? (long)(st->top * (size_t)POS_SCALE / tot) : 0;
	char key[128], val[32];
	pos_key(key, sizeof(key), st->meta.id);
	snprintf(val, sizeof(val), "%ld", at);
	struct error e = {0};
	if (settings_set(c->ses->vault, key, val, &e) != 0)
		set_note(c, ROLE_WARN, "Your place on this page could not be saved.");
}

static void page_leave(struct ctx *c, void *vs)
{
	struct page_state *st = vs;
	page_save(c, st);
	layout_free(st->lay);
	layout_free(st->tail);
	doc_free(st->doc);
	doc_free(st->tail_doc);
	page_meta_free(&st->meta);
	st->lay = st->tail = NULL;
	st->doc = st->tail_doc = NULL;
}

static void page_before_lock(struct ctx *c, void *vs)
{
	page_save(c, vs);
}

/* Lays the page out for w columns when it is not yet, keeping the place:
 * the first time from the vault, after that by section. */
static void page_layout(struct page_state *st, int w, bool wide)
{
	if (st->lay && st->lay_w == w)
		return;
	bool had = st->lay != NULL;
	struct anchor a = had ? anchor_of(st) : (struct anchor){0, 0};
	unsigned flags = wide ? LAYOUT_WIDE : 0;
	struct layout *nl = doc_layout_flags(st->doc, w, flags);
	struct layout *nt = doc_layout_flags(st->tail_doc, w, flags);
	if (!nl || !nt) {
		/* Keep the old layout (drawn clipped) until memory allows. */
		layout_free(nl);
		layout_free(nt);
		return;
	}
	layout_free(st->lay);
	layout_free(st->tail);
	st->lay = nl;
	st->tail = nt;
	st->lay_w = w;
	if (had)
		st->top = anchor_line(st, a);
	else if (st->restore > 0)
		st->top = (size_t)(((long long)total_lines(st) * st->restore + POS_SCALE / 2) / POS_SCALE);
	clamp_top(st);
	if (st->match >= 0) {
		/* Line numbers changed: mark the first match in view, if any. */
		st->match = find_line(st, st->top, 1);
		if (st->match >= 0 && (size_t)st->match >= st->top + (size_t)st->vis)
			st->match = -1;
	}
}

static void key_choice(int y, int x, int w, enum action a, const char *label)
{
	char buf[16];
	ui_puts(y, x, 8, ROLE_KEY, keymap_key_for(a, false, buf));
	put_cut(y, x + 9, w - 9, ROLE_NORMAL, label);
}

static void notice_draw(const struct ctx *c, struct page_state *st, int rows, int cols)
{
	use_hints(st->next ? notice_hints : notice_last_hints);
	view_title(cols, st->meta.title);
	int x, w;
	view_reading_box(c, cols, TEXT_MAX, &x, &w);
	int y = 2;
	ui_puts(y, x, w, ROLE_HEADING, "A note before you read");
	y += 2;
	int room = rows - y - 9;
	y += put_wrapped(true, y, x, w, room > 1 ? room : 1, ROLE_NORMAL, st->meta.content_note);
	y++;
	y += put_wrapped(true, y, x, w, 3, ROLE_MUTED,
	                 "Check in with yourself before going on. You can stop at any point, and "
	                 "the page will still be here on another day.");
	y++;
	key_choice(y++, x, w, ACT_SELECT, "Read on");
	key_choice(y++, x, w, ACT_BACK, "Back to the list");
	if (st->next)
		key_choice(y, x, w, ACT_SKIP, "Skip to the next page");
}

static void page_draw(struct ctx *c, void *vs, int rows, int cols)
{
	struct page_state *st = vs;
	if (st->mode == MODE_NOTICE) {
		notice_draw(c, st, rows, cols);
		return;
	}
	use_hints(read_hints);
	int x, w;
	view_reading_box(c, cols, c->set->wide ? TEXT_MAX - 8 : TEXT_MAX, &x, &w);
	int y0 = 2;
	st->vis = rows - y0 > 1 ? rows - y0 : 1;
	page_layout(st, w, c->set->wide);

	char pct[8];
	size_t mt = max_top(st);
	snprintf(pct, sizeof(pct), "%d%%", mt ? (int)(st->top * 100 / mt) : 100);
	int pw = (int)strlen(pct);
	put_cut(0, 2, cols - 4 - pw - 2, ROLE_TITLE, st->meta.title);
	ui_puts(0, cols - 2 - pw, pw, ROLE_MUTED, pct);
	if (!st->lay) {
		ui_puts(y0, x, w, ROLE_WARN, "There is not enough memory to show this page.");
		return;
	}
	size_t tot = total_lines(st);
	/* The end of the page is on screen: it was read (homework counts a
	 * read item only then). */
	if (st->reading && st->top >= mt)
		view_done(c, st->path, 0);
	for (int i = 0; i < st->vis && st->top + (size_t)i < tot; i++) {
		bool in_tail;
		const struct layout_line *ln = line_at(st, st->top + (size_t)i, &in_tail);
		if (!ln)
			continue;
		if (!in_tail) {
			view_draw_line(y0 + i, x, w, ln);
			continue;
		}
		/* The sources are quieter than the page. */
		bool heading = false;
		for (size_t k = 0; k < ln->nspans; k++)
			if (ln->spans[k].style & (STYLE_HEADING1 | STYLE_HEADING2 | STYLE_HEADING3))
				heading = true;
		ui_put_attr(y0 + i, x, w, ROLE_MUTED, heading, false, false, ln->text, ln->len);
	}
	if (st->match >= 0 && (size_t)st->match >= st->top &&
	    (size_t)st->match < st->top + (size_t)st->vis) {
		bool in_tail;
		const struct layout_line *ln = line_at(st, (size_t)st->match, &in_tail);
		long off = ln ? find_ci(ln->text, ln->len, st->query) : -1;
		if (off >= 0) {
			int col = (int)utf8_width(ln->text, (size_t)off);
			int yy = y0 + (int)((size_t)st->match - st->top);
			ui_put(yy, x + col, w - col, ROLE_SELECTED, ln->text + off, strlen(st->query));
		}
	}
}

static const struct view_ops learn_toc_view, learn_find_view;

static struct step read_action(struct ctx *c, struct page_state *st, enum action a)
{
	size_t page = st->vis > 1 ? (size_t)st->vis - 1 : 1;
	char key[16];
	switch (a) {
	case ACT_UP:
		if (st->top)
			st->top--;
		return STEP(STEP_REDRAW);
	case ACT_DOWN:
		st->top++;
		clamp_top(st);
		return STEP(STEP_REDRAW);
	case ACT_PGUP:
		st->top = st->top > page ? st->top - page : 0;
		return STEP(STEP_REDRAW);
	case ACT_PGDN:
		st->top += page;
		clamp_top(st);
		return STEP(STEP_REDRAW);
	case ACT_TOP:
		st->top = 0;
		return STEP(STEP_REDRAW);
	case ACT_BOTTOM:
		st->top = max_top(st);
		return STEP(STEP_REDRAW);
	case ACT_CONTENTS:
		if (!st->lay)
			return STEP(STEP_NONE);
		return PUSH(learn_toc_view, st);
	case ACT_SEARCH:
		if (!st->lay)
			return STEP(STEP_NONE);
		return PUSH(learn_find_view, st);
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		if (!st->query[0]) {
			view_note(c, ROLE_MUTED, "To search this page, press %s first.",
			          keymap_key_for(ACT_SEARCH, false, key));
			return STEP(STEP_REDRAW);
		}
		page_find(c, st, a == ACT_SEARCH_NEXT ? 1 : -1, true);
		return STEP(STEP_REDRAW);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static struct step page_action(struct ctx *c, void *vs, enum action a)
{
	struct page_state *st = vs;
	if (st->mode == MODE_READ)
		return read_action(c, st, a);
	switch (a) {
	case ACT_SELECT:
		start_reading(c, st);
		return STEP(STEP_REDRAW);
	case ACT_SKIP:
		if (!st->next)
			return STEP(STEP_NONE);
		return REPLACE(learn_page_view, st->next);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

/* Back from the contents (a heading's line) or the search prompt (what to
 * find, searched from the top line on). */
static struct step page_result(struct ctx *c, void *vs, const struct view_result *r)
{
	struct page_state *st = vs;
	if (r->kind == RESULT_LINE) {
		st->top = (size_t)r->id;
		clamp_top(st);
	} else if (r->kind == RESULT_TEXT) {
		copy_cut(st->query, sizeof(st->query), r->text, r->len);
		st->match = -1;
		page_find(c, st, 1, false);
	}
	return STEP(STEP_NONE);
}

const struct view_ops learn_page_view = {
	.name = "learn-page",
	.state_size = sizeof(struct page_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = page_hints,
	.enter = page_enter,
	.leave = page_leave,
	.draw = page_draw,
	.on_action = page_action,
	.before_lock = page_before_lock,
	.on_result = page_result,
};

/* ==== the table of contents (over the page) ==== */

struct toc_state {
	const struct page_state *page;
	struct menu m;
};

/* Heading i over the page then the tail; *line gets its line. */
static const struct layout_heading *toc_at(const struct page_state *p, size_t i, size_t *line)
{
	size_t nh = p->lay->nheadings;
	if (i < nh) {
		*line = p->lay->headings[i].line;
		return &p->lay->headings[i];
	}
	*line = tail_start(p) + p->tail->headings[i - nh].line;
	return &p->tail->headings[i - nh];
}

static int toc_enter(struct ctx *c, void *vs, const void *arg)
{
	struct toc_state *st = vs;
	st->page = arg;
	const struct page_state *p = st->page;
	if (!p || !p->lay || !p->tail)
		return -1;
	st->m.n = p->lay->nheadings + p->tail->nheadings;
	if (!st->m.n) {
		set_note(c, ROLE_MUTED, "This page has no headings to jump to.");
		return -1;
	}
	/* Start on the section being read. */
	for (size_t i = 0; i < st->m.n; i++) {
		size_t line;
		toc_at(p, i, &line);
		if (line <= p->top)
			st->m.sel = i;
	}
	return 0;
}

static void toc_draw(struct ctx *c, void *vs, int rows, int cols)
{
	struct toc_state *st = vs;
	const struct page_state *p = st->page;
	(void)c;
	if (!p->lay || !p->tail)
		return;
	int pw = cols - 8 < 56 ? cols - 8 : 56;
	int x0 = (cols - pw) / 2, y0 = 2;
	int inner = (int)st->m.n < rows - y0 - 3 ? (int)st->m.n : rows - y0 - 3;
	if (inner < 1)
		inner = 1;
	int ph = inner + 2;
	for (int r = 0; r < ph; r++) {
		ui_fill(y0 + r, x0, pw, ROLE_NORMAL);
		const char *edge = r == 0 ? "┌" : r == ph - 1 ? "└" : "│";
		const char *edge2 = r == 0 ? "┐" : r == ph - 1 ? "┘" : "│";
		ui_puts(y0 + r, x0, 1, ROLE_MUTED, edge);
		ui_puts(y0 + r, x0 + pw - 1, 1, ROLE_MUTED, edge2);
		if (r == 0 || r == ph - 1)
			for (int k = 1; k < pw - 1; k++)
				ui_puts(y0 + r, x0 + k, 1, ROLE_MUTED, "─");
	}
	ui_puts(y0, x0 + 2, pw - 4, ROLE_TITLE, " Contents ");
	menu_layout(&st->m, inner);
	for (int r = 0; r < st->m.rows && st->m.top + (size_t)r < st->m.n; r++) {
		size_t i = st->m.top + (size_t)r, line;
		const struct layout_heading *h = toc_at(p, i, &line);
		bool sel = i == st->m.sel;
		int y = y0 + 1 + r;
		if (sel)
			ui_fill(y, x0 + 1, pw - 2, ROLE_SELECTED);
		int indent = 2 * (h->level > 1 ? (h->level > 3 ? 2 : h->level - 1) : 0);
		put_cut(y, x0 + 2 + indent, pw - 4 - indent, sel ? ROLE_SELECTED : ROLE_NORMAL, h->text);
	}
	if (st->m.top > 0)
		ui_puts(y0, x0 + pw - 4, 1, ROLE_MUTED, "↑");
	if (st->m.top + (size_t)st->m.rows < st->m.n)
		ui_puts(y0 + ph - 1, x0 + pw - 4, 1, ROLE_MUTED, "↓");
}

static struct step toc_action(struct ctx *c, void *vs, enum action a)
{
	struct toc_state *st = vs;
	(void)c;
	if (menu_action(&st->m, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_SELECT: {
		size_t line;
		toc_at(st->page, st->m.sel, &line);
		return POP_WITH(.kind = RESULT_LINE, .id = (int64_t)line);
	}
	case ACT_BACK:
	case ACT_CONTENTS:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint toc_hints[] = {
	{ACT_SELECT, "go there"},
	{ACT_BACK, "close"},
	{ACT_NONE, NULL},
};

static const struct view_ops learn_toc_view = {
	.name = "learn-contents",
	.state_size = sizeof(struct toc_state),
	.flags = VIEW_OVERLAY | VIEW_NEEDS_VAULT,
	.hints = toc_hints,
	.enter = toc_enter,
	.draw = toc_draw,
	.on_action = toc_action,
};

/* ==== the search prompt (the bottom row of the page) ==== */

struct find_state {
	const struct page_state *page;
	struct field f;
};

static int find_enter(struct ctx *c, void *vs, const void *arg)
{
	struct find_state *st = vs;
	st->page = arg;
	if (!st->page)
		return -1;
	if (field_init(&st->f, false, NULL, NULL) != 0 ||
	    field_insert(&st->f, st->page->query, strlen(st->page->query)) != 0) {
		set_note(c, ROLE_WARN, "There was not enough memory to search.");
		return -1;
	}
	return 0;
}

static void find_leave(struct ctx *c, void *vs)
{
	struct find_state *st = vs;
	(void)c;
	field_free(&st->f);
}

static const char find_label[] = "Find on this page: ";

static void find_draw(struct ctx *c, void *vs, int rows, int cols)
{
	struct find_state *st = vs;
	(void)c;
	int y = rows - 1;
	ui_fill(y, 0, cols, ROLE_NORMAL);
	int lw = ui_puts(y, 2, cols - 4, ROLE_KEY, find_label);
	field_draw(&st->f, y, 2 + lw, cols - 4 - lw, ROLE_NORMAL);
}

static struct step find_text(struct ctx *c, void *vs, const char *text, size_t len)
{
	struct find_state *st = vs;
	if (field_insert(&st->f, text, len) != 0)
		set_note(c, ROLE_WARN, "There was not enough memory for that text.");
	return STEP(STEP_REDRAW);
}

static struct step find_action(struct ctx *c, void *vs, enum action a)
{
	struct find_state *st = vs;
	(void)c;
	if (field_action(&st->f, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_SELECT:
		return POP_WITH(.kind = RESULT_TEXT, .text = st->f.buf, .len = st->f.len);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint find_hints[] = {
	{ACT_SELECT, "find"},
	{ACT_BACK, "cancel"},
	{ACT_NONE, NULL},
};

static const struct view_ops learn_find_view = {
	.name = "learn-search",
	.state_size = sizeof(struct find_state),
	.flags = VIEW_TAKES_TEXT | VIEW_OVERLAY | VIEW_NEEDS_VAULT,
	.hints = find_hints,
	.enter = find_enter,
	.leave = find_leave,
	.draw = find_draw,
	.on_text = find_text,
	.on_action = find_action,
};
