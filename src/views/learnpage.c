/* learnpage.c: one Learn page. A gentle notice first when the page
 * carries a content note, then the page itself in a pager, its sources and
 * review date at the end, and the reading place saved when it is left. The
 * page is one view with two modes (the notice, then the page); the table
 * of contents and the search prompt over it are in learnnav.c. */
#include <stdio.h>
#include <string.h>

#include "store/settings.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "views/learn_int.h"
#include "widgets/text.h"

#define TEXT_MAX 80 /* the widest a page is laid out, for easy reading */

static size_t body_lines(const struct learn_page_state *st)
{
	return st->lay ? st->lay->nlines : 0;
}

size_t learn_tail_start(const struct learn_page_state *st)
{
	size_t nb = body_lines(st);
	return nb + (st->tail && st->tail->nlines && nb ? 1 : 0);
}

static size_t total_lines(const struct learn_page_state *st)
{
	return st->tail ? learn_tail_start(st) + st->tail->nlines : body_lines(st);
}

/* Line i, or NULL for the blank line between the page and its tail. */
static const struct layout_line *line_at(const struct learn_page_state *st, size_t i,
                                         bool *in_tail)
{
	*in_tail = false;
	if (i < body_lines(st))
		return &st->lay->lines[i];
	size_t ts = learn_tail_start(st);
	if (st->tail && i >= ts && i - ts < st->tail->nlines) {
		*in_tail = true;
		return &st->tail->lines[i - ts];
	}
	return NULL;
}

/* ---- the page's lines, as the pager reads them ---- */

static const char *pg_text(const void *data, size_t i, size_t *len)
{
	bool in_tail;
	const struct layout_line *ln = line_at(data, i, &in_tail);
	*len = ln ? ln->len : 0;
	return ln ? ln->text : NULL;
}

static void pg_draw(const void *data, size_t i, int y, int x, int w)
{
	bool in_tail;
	const struct layout_line *ln = line_at(data, i, &in_tail);
	if (!ln)
		return;
	if (!in_tail) {
		view_draw_line(y, x, w, ln);
		return;
	}
	/* The sources are quieter than the page. */
	bool heading = false;
	for (size_t k = 0; k < ln->nspans; k++)
		if (ln->spans[k].style & (STYLE_HEADING1 | STYLE_HEADING2 | STYLE_HEADING3))
			heading = true;
	ui_put_attr(y, x, w, ROLE_MUTED, heading, false, false, ln->text, ln->len);
}

/* Section k: heading k - 1 of the page, or after them the tail. */
static size_t pg_section(const void *data, size_t k)
{
	const struct learn_page_state *st = data;
	size_t nh = st->lay ? st->lay->nheadings : 0;
	if (k <= nh)
		return st->lay->headings[k - 1].line;
	return learn_tail_start(st);
}

static const struct pager_ops page_lines = {
	.text = pg_text,
	.draw = pg_draw,
	.section = pg_section,
};

/* A note naming the query, cut to 40 columns (whole characters only). */
static void note_query(struct ctx *c, enum role r, const char *before, const char *q,
                       const char *after)
{
	size_t len = strlen(q), n = utf8_fit(q, len, 40, NULL);
	view_note(c, r, "%s“%.*s%s”%s", before, (int)n, q, n < len ? "…" : "", after);
}

void learn_page_find(struct ctx *c, struct learn_page_state *st, int dir, bool again)
{
	switch (pager_find(&st->pg, dir, again)) {
	case PAGER_NONE:
		note_query(c, ROLE_WARN, "No match for ", st->pg.query, ".");
		break;
	case PAGER_ONLY:
		note_query(c, ROLE_MUTED, "This is the only place with ", st->pg.query, ".");
		break;
	case PAGER_WRAPPED:
		learn_note(c, ROLE_MUTED,
		           dir > 0 ? "Reached the end of the page, so the search went on from the top."
		                   : "Reached the top of the page, so the search went on from the end.");
		break;
	default:
		break;
	}
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
	long n = learn_pages_load(&p, NULL);
	const char *next = NULL;
	for (long i = 0; i + 1 < n; i++)
		if (strcmp(p[i].path, path) == 0)
			next = p[i + 1].path;
	if (n >= 0)
		learn_pages_free(p, (size_t)n);
	return next;
}

static void start_reading(struct ctx *c, struct learn_page_state *st)
{
	st->mode = MODE_READ;
	st->reading = true;
	if (st->restore > 0)
		learn_note(c, ROLE_MUTED, "Back where you stopped.");
}

static int page_enter(struct ctx *c, void *vs, const void *arg)
{
	struct learn_page_state *st = vs;
	const char *path = arg;
	pager_init(&st->pg, &page_lines, st);
	st->restore = -1;
	if (!path || (size_t)snprintf(st->path, sizeof(st->path), "%s", path) >= sizeof(st->path)) {
		learn_note(c, ROLE_WARN, "That page could not be found.");
		return -1;
	}
	const char *body;
	size_t body_len;
	struct error e = {0};
	/* On failure, leave() frees whatever was made. */
	if (page_load(st->path, &st->meta, &body, &body_len, &e) != 0) {
		learn_note(c, ROLE_WARN, e.msg);
		return -1;
	}
	st->doc = doc_parse(body, body_len, &e);
	struct buf tail = BUF_INIT;
	if (st->doc && tail_markdown(&st->meta, &tail) == 0)
		st->tail_doc = doc_parse(buf_str(&tail), tail.len, &e);
	buf_free(&tail);
	if (!st->doc || !st->tail_doc) {
		learn_note(c, ROLE_WARN, "There was not enough memory to open this page.");
		return -1;
	}
	st->next = next_page(st->path);
	st->restore = learn_pos_load(c->ses->vault, st->meta.id);
	st->mode = st->meta.content_note ? MODE_NOTICE : MODE_READ;
	if (st->mode == MODE_READ)
		start_reading(c, st);
	return 0;
}

static void page_save(struct ctx *c, struct learn_page_state *st)
{
	if (!c->ses->vault || !st->reading || !st->lay || !st->meta.id)
		return;
	long at = pager_fraction(&st->pg);
	char key[128], val[32];
	learn_pos_key(key, sizeof(key), st->meta.id);
	snprintf(val, sizeof(val), "%ld", at);
	struct error e = {0};
	if (settings_set(c->ses->vault, key, val, &e) != 0)
		learn_note(c, ROLE_WARN, "Your place on this page could not be saved.");
}

static void page_leave(struct ctx *c, void *vs)
{
	struct learn_page_state *st = vs;
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
static void page_layout(struct learn_page_state *st, int w, bool wide)
{
	if (st->lay && st->pg.width == w)
		return;
	bool had = st->lay != NULL;
	struct pager_place a = pager_place(&st->pg);
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
	pager_relaid(&st->pg, total_lines(st), 2 + nl->nheadings, w, a);
	if (!had && st->restore > 0)
		pager_to_fraction(&st->pg, st->restore);
}

static void key_choice(int y, int x, int w, enum action a, const char *label)
{
	char buf[16];
	ui_puts(y, x, 8, ROLE_KEY, keymap_key_for(a, false, buf));
	text_put_cut(y, x + 9, w - 9, ROLE_NORMAL, label);
}

static void notice_draw(const struct ctx *c, struct learn_page_state *st, int rows, int cols)
{
	use_hints(st->next ? notice_hints : notice_last_hints);
	view_title(cols, st->meta.title);
	int x, w;
	view_reading_box(c, cols, TEXT_MAX, &x, &w);
	int y = 2;
	ui_puts(y, x, w, ROLE_HEADING, "A note before you read");
	y += 2;
	int room = rows - y - 9;
	y += text_put_wrapped(true, y, x, w, room > 1 ? room : 1, ROLE_NORMAL,
	                      st->meta.content_note);
	y++;
	y += text_put_wrapped(true, y, x, w, 3, ROLE_MUTED,
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
	struct learn_page_state *st = vs;
	if (st->mode == MODE_NOTICE) {
		notice_draw(c, st, rows, cols);
		return;
	}
	use_hints(read_hints);
	int x, w;
	view_reading_box(c, cols, c->set->wide ? TEXT_MAX - 8 : TEXT_MAX, &x, &w);
	int y0 = 2;
	st->pg.vis = rows - y0 > 1 ? rows - y0 : 1;
	page_layout(st, w, c->set->wide);

	char pct[8];
	snprintf(pct, sizeof(pct), "%d%%", pager_percent(&st->pg));
	int pw = (int)strlen(pct);
	text_put_cut(0, 2, cols - 4 - pw - 2, ROLE_TITLE, st->meta.title);
	ui_puts(0, cols - 2 - pw, pw, ROLE_MUTED, pct);
	if (!st->lay) {
		ui_puts(y0, x, w, ROLE_WARN, "There is not enough memory to show this page.");
		return;
	}
	/* The end of the page is on screen: it was read (homework counts a
	 * read item only then). */
	if (st->reading && st->pg.top >= pager_max_top(&st->pg))
		view_done(c, st->path, 0);
	pager_draw(&st->pg, y0, x, w);
}

static struct step read_action(struct ctx *c, struct learn_page_state *st, enum action a)
{
	char key[16];
	if (pager_action(&st->pg, a))
		return STEP(STEP_REDRAW);
	switch (a) {
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
		if (!st->pg.query[0]) {
			view_note(c, ROLE_MUTED, "To search this page, press %s first.",
			          keymap_key_for(ACT_SEARCH, false, key));
			return STEP(STEP_REDRAW);
		}
		learn_page_find(c, st, a == ACT_SEARCH_NEXT ? 1 : -1, true);
		return STEP(STEP_REDRAW);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static struct step page_action(struct ctx *c, void *vs, enum action a)
{
	struct learn_page_state *st = vs;
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
	struct learn_page_state *st = vs;
	if (r->kind == RESULT_LINE) {
		st->pg.top = (size_t)r->id;
		pager_clamp(&st->pg);
	} else if (r->kind == RESULT_TEXT) {
		size_t n = utf8_cut(r->text, sizeof(st->pg.query) - 1);
		memcpy(st->pg.query, r->text, n);
		st->pg.query[n] = '\0';
		st->pg.match = -1;
		learn_page_find(c, st, 1, false);
	}
	return STEP(STEP_NONE);
}

const struct view_ops learn_page_view = {
	.name = "learn-page",
	.state_size = sizeof(struct learn_page_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = page_hints,
	.enter = page_enter,
	.leave = page_leave,
	.draw = page_draw,
	.on_action = page_action,
	.before_lock = page_before_lock,
	.on_result = page_result,
};
