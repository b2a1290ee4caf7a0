/* journal.c: the list of entries (grouped by day, week or month) and the
 * search screen that updates as you type. Rows are read a page at a time,
 * newest first, so a journal of any size opens at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/entries.h"
#include "store/journal.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/field.h"
#include "widgets/list.h"

#define PAGE_ROWS 100

void jrows_clear(struct jrows *r)
{
	for (size_t i = 0; i < r->n; i++)
		entry_row_free(&r->rows[i]);
	free(r->rows);
	memset(r, 0, sizeof(*r));
}

/* Loads the next page after what is loaded. */
int jrows_more(struct jrows *r, struct vault *v, const struct entry_query *q, struct error *e)
{
	if (r->done)
		return 0;
	struct entry_row *grown = realloc(r->rows, (r->n + PAGE_ROWS) * sizeof(*grown));
	if (!grown)
		return error_set(e, E_FAIL, "Out of memory.");
	r->rows = grown;
	struct entry_cursor c = r->n ? entry_cursor_after(&r->rows[r->n - 1], q)
	                             : (struct entry_cursor){0};
	size_t got;
	if (journal_rows(v, q, r->n ? &c : NULL, r->rows + r->n, PAGE_ROWS, &got, e))
		return -1;
	r->n += got;
	r->done = got < PAGE_ROWS;
	return 0;
}

/* The heading a row falls under, in the time zone it was written in, with
 * the config file's date format and first day of the week. */
static void group_label(const struct ctx *c, const struct entry_row *r, enum grouping g,
                        char *out, size_t size)
{
	time_t t = (time_t)(r->at + (int64_t)r->off_min * 60);
	struct tm tm;
	gmtime_r(&t, &tm);
	if (g == GROUP_MONTH) {
		strftime(out, size, "%B %Y", &tm);
	} else if (g == GROUP_WEEK) {
		/* tm_wday counts from Sunday; week_start from Monday (0) to Sunday (6). */
		int back = (tm.tm_wday + 6 - c->set->week_start + 7) % 7;
		time_t start = t - (time_t)back * 86400;
		struct tm sm;
		gmtime_r(&start, &sm);
		char day[64];
		date_format(day, sizeof(day), &sm, c->set->date_style, 0);
		snprintf(out, size, "Week of %s", day);
	} else {
		date_format(out, size, &tm, c->set->date_style, 1);
	}
}

/* Draws text with MATCH_ON/MATCH_OFF marks as highlights, newlines as
 * spaces; returns columns used. */
int jdraw_marked(int y, int x, int w, enum role base, const char *s)
{
	int col = 0;
	bool on = false;
	const char *p = s;
	while (*p && col < w) {
		size_t n = strcspn(p, "\x01\x02\n\r\t");
		if (n) {
			col += ui_put(y, x + col, w - col, on ? ROLE_KEY : base, p, n);
			p += n;
			continue;
		}
		if (*p == MATCH_ON)
			on = true;
		else if (*p == MATCH_OFF)
			on = false;
		else
			col += ui_puts(y, x + col, w - col, base, " ");
		p++;
	}
	return col;
}

/* A row under a day's heading shows its time; under a week's or a
 * month's, the day too ("Mon 16 09:15"), or rows of different days would
 * look alike. */
static void draw_row(const struct entry_row *r, int y, int w, bool sel, bool with_day)
{
	static const char *const wdays[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	list_fill(y, 2, w, sel);
	list_fill(y + 1, 2, w, sel);
	time_t t = (time_t)(r->at + (int64_t)r->off_min * 60);
	struct tm tm;
	gmtime_r(&t, &tm);
	char hhmm[32];
	if (with_day && tm.tm_wday >= 0 && tm.tm_wday < 7)
		snprintf(hhmm, sizeof(hhmm), "%s %2d %02d:%02d", wdays[tm.tm_wday], tm.tm_mday,
		         tm.tm_hour, tm.tm_min);
	else
		snprintf(hhmm, sizeof(hhmm), "%02d:%02d", tm.tm_hour, tm.tm_min);
	int x = 4;
	x += ui_puts(y, x, w - x, list_role(sel, ROLE_MUTED), hhmm) + 2;
	/* Right side: tags, mood, trigger. */
	char right[160] = "";
	size_t rl = 0;
	if (r->tags && *r->tags) {
		for (const char *p = r->tags; *p && rl + 2 < sizeof(right);) {
			size_t n = strcspn(p, ",");
			rl += (size_t)snprintf(right + rl, sizeof(right) - rl, "#%.*s ", (int)n, p);
			p += n + (p[n] == ',');
		}
	}
	if (r->mood >= 0 && rl < sizeof(right))
		rl += (size_t)snprintf(right + rl, sizeof(right) - rl, "mood %d ", r->mood);
	if (r->has_trigger && rl < sizeof(right))
		snprintf(right + rl, sizeof(right) - rl, "trigger ");
	int rw = (int)utf8_width(right, strlen(right));
	int title_w = w - x - rw - 1;
	if (title_w < 10)
		title_w = w - x, rw = 0;
	jdraw_marked(y, x, title_w, list_role(sel, ROLE_STRONG),
	             r->title && *r->title ? r->title : ENTRY_UNTITLED);
	if (rw)
		ui_puts(y, w - rw + 1, rw, list_role(sel, ROLE_MUTED), right);
	jdraw_marked(y + 1, x, w - x, list_role(sel, ROLE_MUTED), r->preview ? r->preview : "");
}

/* Lays out headings and rows from `first` and draws what fits; keeps the
 * selected row in view. Returns the number of rows that fit. */
int jdraw_rows(const struct ctx *c, struct jrows *r, size_t *top, size_t sel, enum grouping g,
               int y, int rows, int w)
{
	if (sel < *top)
		*top = sel;
	/* Move top down until sel fits. */
	for (;;) {
		int used = 0;
		char prev[80] = "";
		size_t i;
		for (i = *top; i < r->n; i++) {
			char label[80];
			group_label(c, &r->rows[i], g, label, sizeof(label));
			int need = 2 + (strcmp(label, prev) != 0 || i == *top ? 1 : 0);
			if (used + need > rows)
				break;
			used += need;
			snprintf(prev, sizeof(prev), "%s", label);
		}
		if (sel < i || *top >= sel)
			break;
		(*top)++;
	}
	int at = y, fitted = 0;
	char prev[80] = "";
	for (size_t i = *top; i < r->n; i++) {
		char label[80];
		group_label(c, &r->rows[i], g, label, sizeof(label));
		bool head = strcmp(label, prev) != 0 || i == *top;
		if (at + 2 + head > y + rows)
			break;
		if (head) {
			ui_puts(at++, 2, w, ROLE_HEADING, label);
			snprintf(prev, sizeof(prev), "%s", label);
		}
		draw_row(&r->rows[i], at, w, i == sel, g != GROUP_DAY);
		at += 2;
		fitted++;
	}
	return fitted;
}

/* ---- the list ------------------------------------------------------------------ */

struct jlist {
	struct jrows r;
	struct entry_query q;
	char tag[128];
	size_t sel, top;
	int page;
	enum grouping group;
	bool stale;
	unsigned gen;
	char err[512];
};

static void reload(struct ctx *c, struct jlist *l)
{
	struct error e = {0};
	jrows_clear(&l->r);
	l->err[0] = '\0';
	l->q.tag = l->tag[0] ? l->tag : NULL;
	if (jrows_more(&l->r, c->ses->vault, &l->q, &e))
		snprintf(l->err, sizeof(l->err), "%s", e.msg);
	if (l->sel >= l->r.n)
		l->sel = l->r.n ? l->r.n - 1 : 0;
	l->stale = false;
}

static int jlist_enter(struct ctx *c, void *st, const void *arg)
{
	struct jlist *l = st;
	if (arg)
		snprintf(l->tag, sizeof(l->tag), "%s", (const char *)arg);
	l->gen = c->ses->journal_gen;
	reload(c, l);
	return 0;
}

static void jlist_leave(struct ctx *c, void *st)
{
	(void)c;
	jrows_clear(&((struct jlist *)st)->r);
}

static void jlist_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct jlist *l = st;
	if (l->stale || l->gen != c->ses->journal_gen) {
		l->gen = c->ses->journal_gen;
		reload(c, l);
	}
	char title[200];
	snprintf(title, sizeof(title), "Journal%s%s", l->tag[0] ? ": entries tagged " : "",
	         l->tag);
	int y = view_title(cols, title);
	int w = cols - 4;
	if (l->err[0]) {
		view_markdown(y, 2, w, 4, 0, l->err);
		return;
	}
	if (!l->r.n) {
		char md[160];
		snprintf(md, sizeof(md),
		         "Nothing written yet. Press **%s** to write, whenever you like; a sentence is "
		         "enough.",
		         keymap_label(ACT_WRITE, false));
		view_markdown(y, 2, w, rows - y, 0, l->tag[0] ? "No entries carry this tag now." : md);
		return;
	}
	l->page = jdraw_rows(c, &l->r, &l->top, l->sel, l->group, y, rows - y, w);
}

static struct step open_selected(struct ctx *c, struct jlist *l)
{
	if (!l->r.n)
		return STEP(STEP_NONE);
	c->ses->open_entry = l->r.rows[l->sel].id;
	return PUSH(entry_view, &c->ses->open_entry);
}

static struct step jlist_action(struct ctx *c, void *st, enum action a)
{
	struct jlist *l = st;
	struct error e = {0};
	size_t page = l->page > 1 ? (size_t)l->page - 1 : 1;
	switch (a) {
	case ACT_DOWN:
	case ACT_PGDN:
	case ACT_BOTTOM: {
		size_t want = a == ACT_DOWN ? l->sel + 1 : a == ACT_PGDN ? l->sel + page : SIZE_MAX;
		/* Read further pages only as the selection gets near them. */
		while (!l->r.done && (want == SIZE_MAX || want + 2 >= l->r.n)) {
			size_t before = l->r.n;
			if (jrows_more(&l->r, c->ses->vault, &l->q, &e) || l->r.n == before)
				break;
			if (want != SIZE_MAX)
				break;
		}
		l->sel = l->r.n ? (want < l->r.n ? want : l->r.n - 1) : 0;
		return STEP(STEP_REDRAW);
	}
	case ACT_UP:
		l->sel = l->sel ? l->sel - 1 : 0;
		return STEP(STEP_REDRAW);
	case ACT_PGUP:
		l->sel = l->sel > page ? l->sel - page : 0;
		return STEP(STEP_REDRAW);
	case ACT_TOP:
		l->sel = l->top = 0;
		return STEP(STEP_REDRAW);
	case ACT_SELECT:
		return open_selected(c, l);
	case ACT_WRITE:
		return PUSH(write_view, NULL);
	case ACT_SEARCH:
		return PUSH(jsearch_view, NULL);
	case ACT_GROUPING:
		l->group = (l->group + 1) % 3;
		view_note(c, ROLE_STATUS, "Grouped by %s.",
		          l->group == GROUP_DAY ? "day" : l->group == GROUP_WEEK ? "week" : "month");
		return STEP(STEP_REDRAW);
	case ACT_TAGS:
		return PUSH(tags_view, NULL);
	case ACT_RESTORE:
		if (!c->ses->last_deleted) {
			view_note(c, ROLE_STATUS, "Nothing to bring back.");
			return STEP(STEP_REDRAW);
		}
		if (entries_undelete(c->ses->vault, c->ses->last_deleted, &e)) {
			view_warn(c, &e);
		} else {
			deleted_entry_free(c->ses->last_deleted);
			c->ses->last_deleted = NULL;
			view_note(c, ROLE_STATUS, "The entry is back.");
			l->stale = true;
			c->ses->journal_gen++;
		}
		return STEP(STEP_REDRAW);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint jlist_hints[] = {
	{ACT_SELECT, "read"},
	{ACT_WRITE, "write"},
	{ACT_SEARCH, "search"},
	{ACT_GROUPING, "group"},
	{ACT_TAGS, "tags"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops journal_view = {
	.name = "journal",
	.state_size = sizeof(struct jlist),
	.flags = VIEW_NEEDS_VAULT,
	.hints = jlist_hints,
	.enter = jlist_enter,
	.leave = jlist_leave,
	.draw = jlist_draw,
	.on_action = jlist_action,
};

/* ---- search ------------------------------------------------------------------------ */

struct jsearch {
	struct field f;
	struct jrows r;
	struct entry_query q;
	struct jfilter filter;
	char *last; /* the text the results are for */
	bool searched;
	unsigned gen;
	size_t sel, top;
	char err[512];
};

static bool has_filter(const struct jfilter *f)
{
	return f->from[0] || f->to[0] || f->tag[0] || f->mood_min >= 0 || f->mood_max >= 0 ||
	       f->has_trigger;
}

/* Runs the search when the words or the filters changed. */
static void jsearch_run(struct ctx *c, struct jsearch *s)
{
	if (s->last && strcmp(s->last, s->f.buf) == 0 && !s->filter.changed)
		return;
	s->filter.changed = false;
	if (s->last) {
		mem_wipe(s->last, strlen(s->last));
		free(s->last);
	}
	s->last = strdup(s->f.buf);
	jrows_clear(&s->r);
	s->sel = s->top = 0;
	s->err[0] = '\0';
	s->searched = false;
	char *fts = journal_fts_query(s->f.buf);
	bool any = fts != NULL;
	free(fts);
	if (!any && !has_filter(&s->filter))
		return;
	s->searched = true;
	memset(&s->q, 0, sizeof(s->q));
	jfilter_apply(&s->filter, &s->q);
	s->q.text = any ? s->f.buf : NULL;
	struct error e = {0};
	if (jrows_more(&s->r, c->ses->vault, &s->q, &e))
		snprintf(s->err, sizeof(s->err), "%s", e.msg);
}

static int jsearch_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	(void)arg;
	struct jsearch *s = st;
	s->gen = c->ses->journal_gen;
	s->filter.mood_min = s->filter.mood_max = -1;
	return field_init(&s->f, false, NULL, NULL);
}

static void jsearch_leave(struct ctx *c, void *st)
{
	(void)c;
	struct jsearch *s = st;
	field_free(&s->f);
	jrows_clear(&s->r);
	if (s->last) {
		mem_wipe(s->last, strlen(s->last));
		free(s->last);
	}
}

static void jsearch_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct jsearch *s = st;
	if (s->gen != c->ses->journal_gen || s->filter.changed) {
		free(s->last);
		s->last = NULL;
		s->gen = c->ses->journal_gen;
		jsearch_run(c, s);
	}
	int y = view_title(cols, "Search the journal");
	int w = cols - 4;
	ui_puts(y, 2, 8, ROLE_NORMAL, "Find:");
	int fy = y;
	char filters[300];
	jfilter_describe(&s->filter, filters, sizeof(filters));
	if (filters[0]) {
		char line[340];
		snprintf(line, sizeof(line), "Only: %s", filters);
		ui_puts(y + 1, 2, w, ROLE_MUTED, line);
	}
	y += 3;
	if (s->err[0]) {
		ui_puts(y, 2, w, ROLE_WARN, s->err);
	} else if (!s->searched) {
		char md[240];
		snprintf(md, sizeof(md),
		         "Type a few letters of any word; results appear as you type, newest first. %s "
		         "and %s choose, %s opens, %s narrows by date, tag, mood or trigger.",
		         keymap_label(ACT_UP, true), keymap_label(ACT_DOWN, true),
		         keymap_label(ACT_SELECT, true), keymap_label(ACT_FILTER, true));
		view_markdown(y, 2, w, 4, 0, md);
	} else if (!s->r.n) {
		ui_puts(y, 2, w, ROLE_MUTED, "No entries match yet.");
	} else {
		jdraw_rows(c, &s->r, &s->top, s->sel, GROUP_DAY, y, rows - y, w);
	}
	field_draw(&s->f, fy, 9, w - 8, ROLE_SELECTED);
}

static struct step jsearch_text(struct ctx *c, void *st, const char *t, size_t n)
{
	struct jsearch *s = st;
	field_insert(&s->f, t, n);
	jsearch_run(c, s);
	return STEP(STEP_REDRAW);
}

static struct step jsearch_action(struct ctx *c, void *st, enum action a)
{
	struct jsearch *s = st;
	struct error e = {0};
	if (a != ACT_UP && a != ACT_DOWN && field_action(&s->f, a)) {
		jsearch_run(c, s);
		return STEP(STEP_REDRAW);
	}
	switch (a) {
	case ACT_FILTER:
		return PUSH(filter_view, &s->filter);
	case ACT_DOWN:
	case ACT_PGDN:
		if (s->sel + 3 >= s->r.n && !s->r.done)
			jrows_more(&s->r, c->ses->vault, &s->q, &e);
		if (s->r.n)
			s->sel = s->sel + 1 < s->r.n ? s->sel + 1 : s->r.n - 1;
		return STEP(STEP_REDRAW);
	case ACT_UP:
	case ACT_PGUP:
		s->sel = s->sel ? s->sel - 1 : 0;
		return STEP(STEP_REDRAW);
	case ACT_SELECT:
		if (!s->r.n)
			return STEP(STEP_NONE);
		c->ses->open_entry = s->r.rows[s->sel].id;
		return PUSH(entry_view, &c->ses->open_entry);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

/* Back from the filters screen with the filters as they were left. */
static struct step jsearch_result(struct ctx *c, void *st, const struct view_result *r)
{
	(void)c;
	struct jsearch *s = st;
	if (r->kind == RESULT_FILTER)
		s->filter = *r->filter;
	return STEP(STEP_NONE);
}

static const struct hint jsearch_hints[] = {
	{ACT_SELECT, "open"},
	{ACT_FILTER, "filters"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops jsearch_view = {
	.name = "search",
	.state_size = sizeof(struct jsearch),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = jsearch_hints,
	.enter = jsearch_enter,
	.leave = jsearch_leave,
	.draw = jsearch_draw,
	.on_action = jsearch_action,
	.on_text = jsearch_text,
	.on_result = jsearch_result,
};
