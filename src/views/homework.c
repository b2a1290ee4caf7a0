/* homework.c: "From my therapist". The packs a therapist gave (see
 * docs/homework.md), each item with how far along it is in words that do
 * not nag; Enter does an item: a page opens in the reader, an exercise
 * runs (a finished run counts, told through view_done), a prompt opens
 * the journal, a scale or a short answer opens hwitem_view. hwimport_view
 * adds a pack from a file, showing what it asks (or every problem, by
 * line) before anything is kept. Any of it can be left with Esc: a half
 * written answer waits in the vault. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/homework.h"
#include "store/homework.h"
#include "store/settings.h"
#include "store/vault.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "views/data_int.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/field.h"
#include "widgets/list.h"
#include "widgets/scale.h"
#include "util/utf8.h"

/* One pack as shown: the stored row, its items read from the stored text,
 * and what has been done of each. */
struct shown {
	struct homework h;
	bool readable;
	char why[sizeof(((struct error *)0)->msg)]; /* when not readable */
	struct hw_progress pr[HOMEWORK_MAX_ITEMS];
};

/* What hwitem_view works on (kept alive in the list's state). */
struct item_task {
	int64_t pack;
	int item;
	const struct hw_item *it;
	const struct hw_progress *pr;
};

/* What hwbefore_view shows: item `item` of the open pack. */
struct before_task {
	const struct hw_item *it;
	int item;
};

struct hwlist {
	struct hw_pack *packs;
	struct shown *shown;
	size_t n;
	bool stale;
	unsigned gen;
	struct menu m;     /* the packs, then "add a pack" */
	bool open;         /* one pack open */
	struct menu items; /* its items */
	int pending;       /* the item whose exercise or prompt is out, -1: none */
	struct write_req req;
	struct item_task task;
	struct before_task before;
	struct confirm del;
	/* The open pack's introduction scrolls on its own (PgUp, PgDn): its
	 * first line shown, how many it has, how many fit. */
	int intro_top, intro_total, intro_room;
};

static const struct view_ops hwbefore_view, hwmeasure_view;

static void drop(struct hwlist *s)
{
	for (size_t i = 0; s->shown && i < s->n; i++) {
		homework_free(&s->shown[i].h);
		hwpack_progress_clear(s->shown[i].pr, HOMEWORK_MAX_ITEMS);
	}
	free(s->shown);
	hwpack_list_free(s->packs, s->n);
	s->shown = NULL;
	s->packs = NULL;
	s->n = 0;
}

static int reload(struct ctx *c, struct hwlist *s)
{
	drop(s);
	s->stale = false;
	s->gen = c->ses->journal_gen;
	struct error e = {0};
	if (hwpack_list(c->ses->vault, &s->packs, &s->n, &e)) {
		view_warn(c, &e);
		return -1;
	}
	if (s->n && !(s->shown = calloc(s->n, sizeof(*s->shown)))) {
		drop(s);
		view_note(c, ROLE_WARN, "%s", "Out of memory reading the homework.");
		return -1;
	}
	for (size_t i = 0; i < s->n; i++) {
		struct shown *sh = &s->shown[i];
		hwpack_progress_clear(sh->pr, HOMEWORK_MAX_ITEMS);
		struct error pe = {0};
		if (homework_parse(s->packs[i].text, strlen(s->packs[i].text), 0, &sh->h, &pe)) {
			snprintf(sh->why, sizeof(sh->why), "%s", pe.msg);
			continue;
		}
		sh->readable = true;
		const char *practice[HOMEWORK_MAX_ITEMS];
		homework_practice_names(&sh->h, practice);
		if (hwpack_progress(c->ses->vault, s->packs[i].id, practice, sh->pr, sh->h.nitems, &e))
			view_warn(c, &e);
	}
	s->m.n = s->n + 1;
	if (s->m.sel >= s->m.n)
		s->m.sel = s->m.n - 1;
	if (s->open && s->m.sel >= s->n)
		s->open = false;
	return 0;
}

/* Stops waiting for a task this screen sent out. */
static void forget_task(struct ctx *c, struct hwlist *s)
{
	(void)c;
	s->pending = -1;
}

static int hw_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct hwlist *s = st;
	s->pending = -1;
	if (reload(c, s))
		return -1;
	/* With one pack, open it straight away. */
	if (s->n == 1 && s->shown[0].readable)
		s->open = true;
	return 0;
}

static void hw_leave(struct ctx *c, void *st)
{
	struct hwlist *s = st;
	forget_task(c, s);
	drop(s);
}

/* "From X · assigned D · for the session on D"; short leaves out the
 * day it was given when there is a session day. */
static void dates_line(const struct ctx *c, const struct hw_pack *p, bool short_form, char *out,
                       size_t size)
{
	char given[32], due[32];
	date_format_iso_text(given, sizeof(given), p->assigned, c->set->date_style);
	date_format_iso_text(due, sizeof(due), p->due, c->set->date_style);
	int n = snprintf(out, size, "From %s", p->from);
	if ((!short_form || !*p->due) && n > 0 && (size_t)n < size)
		n += snprintf(out + n, size - (size_t)n, " · assigned %s", given);
	if (*p->due && n > 0 && (size_t)n < size)
		snprintf(out + n, size - (size_t)n, " · for the session on %s", due);
}

struct hw_drawing {
	const struct ctx *c;
	const struct hwlist *s;
};

/* A pack: its name and its dates under it; the last row adds one. */
static int pack_row(const void *data, const struct list_row *r)
{
	const struct hw_drawing *d = data;
	const struct hwlist *s = d->s;
	size_t i = r->i;
	if (i == s->n) {
		list_line(r->y, r->x, r->w, r->sel, ROLE_MUTED, "+ Add a pack from a file");
		return 1;
	}
	char line[400];
	/* A pack's label, when it has one, stands in for a title that may
	 * be long and personal; the title shows once the pack is open. */
	const char *name = s->shown[i].readable && s->shown[i].h.label ? s->shown[i].h.label
	                                                               : s->packs[i].title;
	list_line(r->y, r->x, r->w, r->sel, ROLE_STRONG, name);
	dates_line(d->c, &s->packs[i], true, line, sizeof(line));
	ui_puts(r->y + 1, 6, r->w - 6, ROLE_MUTED, line);
	return 2;
}

static void draw_overview(const struct ctx *c, struct hwlist *s, int rows, int cols)
{
	int y = view_title(cols, "From my therapist");
	int w = cols - 4;
	y += view_markdown(y, 2, w, 3, 0,
	                   "What your therapist suggested between sessions. Do any of it, in any "
	                   "order, or none of it; it is kept here for you, not checked.") +
	     1;
	struct hw_drawing d = {c, s};
	menu_draw(&s->m, (struct list_area){.y = y, .end = rows, .x = 2, .w = w, .item_rows = 2},
	          pack_row, &d);
}

/* Markdown in at most max lines from column 2; the lines it took. */
static int md_lines(int y, int w, int max, const char *md)
{
	int n = view_markdown(y, 2, w, max, 0, md);
	return n < max ? n : max;
}

/* An item of the open pack: its heading and how far it has come, and what
 * it is under them. */
static int item_row(const void *data, const struct list_row *r)
{
	const struct shown *sh = data;
	const struct hw_item *it = &sh->h.items[r->i];
	char status[64], what[400];
	homework_status(it, (long long)sh->pr[r->i].done, sh->pr[r->i].last_score, status,
	                sizeof(status));
	homework_describe(it, what, sizeof(what));
	int sw = (int)utf8_width(status, strlen(status)), w = r->w;
	list_fill(r->y, r->x, w, r->sel);
	ui_puts(r->y, 4, w - sw - 8, list_role(r->sel, ROLE_STRONG), it->heading);
	ui_puts(r->y, w - sw, sw + 2,
	        list_role(r->sel, sh->pr[r->i].done ? ROLE_GOOD : ROLE_MUTED), status);
	what[0] = (char)(what[0] >= 'a' && what[0] <= 'z' ? what[0] - 32 : what[0]);
	ui_puts(r->y + 1, 6, w - 6, ROLE_MUTED, what);
	return 2;
}

static void draw_pack(const struct ctx *c, struct hwlist *s, int rows, int cols)
{
	const struct hw_pack *p = &s->packs[s->m.sel];
	const struct shown *sh = &s->shown[s->m.sel];
	int y = view_title(cols, p->title);
	int w = cols - 4;
	char line[400];
	dates_line(c, p, false, line, sizeof(line));
	y += view_markdown(y, 2, w, 2, 0, line);
	if (!sh->readable) {
		view_markdown(y + 1, 2, w, rows - y - 1, 0, sh->why);
		return;
	}
	if (sh->h.note)
		y += md_lines(y, w, 2, sh->h.note);
	if (sh->h.content_note) {
		snprintf(line, sizeof(line), "Content note: %s", sh->h.content_note);
		y += md_lines(y, w, 2, line);
	}
	y++;
	/* The intro gets a third of the screen (three lines at least) and
	 * scrolls there, so its last line (often what to do when it is too
	 * much) can always be reached; the items get the rest. */
	s->intro_total = s->intro_room = 0;
	if (*sh->h.intro) {
		int room = (rows - y) / 3;
		if (room < 3)
			room = 3;
		int total = view_markdown(y, 2, w, 0, 0, sh->h.intro);
		if (total > room) {
			room--; /* for the line that says there is more */
			if (s->intro_top > total - room)
				s->intro_top = total - room;
			if (s->intro_top < 0)
				s->intro_top = 0;
		} else {
			s->intro_top = 0;
		}
		s->intro_total = total;
		s->intro_room = room;
		view_markdown(y, 2, w, room, s->intro_top, sh->h.intro);
		y += total < room ? total : room;
		if (total > room) {
			int last = s->intro_top + room;
			char keys[80];
			if (s->intro_top && last < total)
				snprintf(keys, sizeof(keys), "%s, %s", keymap_label(ACT_PGUP, true),
				         keymap_label(ACT_PGDN, true));
			else
				snprintf(keys, sizeof(keys), "%s",
				         keymap_label(last < total ? ACT_PGDN : ACT_PGUP, true));
			snprintf(line, sizeof(line), "%s: more of the introduction (lines %d-%d of %d)",
			         keys, s->intro_top + 1, last, total);
			ui_puts(y++, 2, w, ROLE_MUTED, line);
		}
		y++;
	}
	s->items.n = sh->h.nitems;
	menu_draw(&s->items, (struct list_area){.y = y, .end = rows, .x = 2, .w = w, .item_rows = 2},
	          item_row, sh);
}

static void hw_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct hwlist *s = st;
	if (s->stale || s->gen != c->ses->journal_gen)
		reload(c, s);
	if (s->open)
		draw_pack(c, s, rows, cols);
	else
		draw_overview(c, s, rows, cols);
}

/* What view_done told (RESULT_DONE): a finished run of the item's
 * exercise, or an entry saved to its prompt, counts toward it. */
static bool task_done(struct ctx *c, struct hwlist *s, const char *what, int64_t id)
{
	if (s->pending < 0 || !s->open)
		return false;
	const struct hw_item *it = &s->shown[s->m.sel].h.items[s->pending];
	bool match = it->kind == HW_PROMPT ? strcmp(what, "entry") == 0
	                                   : it->target && strcmp(what, it->target) == 0;
	if (!match)
		return false;
	struct hw_mark m = HW_MARK_INIT;
	m.pack = s->packs[s->m.sel].id;
	m.item = s->pending;
	m.entry_id = it->kind == HW_PROMPT ? id : 0;
	struct error e = {0};
	if (hwpack_mark(c->ses->vault, &m, &e))
		view_warn(c, &e);
	s->pending = -1;
	s->stale = true;
	return true;
}

/* Starts item i: the page, the exercise, the journal or hwitem_view. */
static struct step start_item(struct ctx *c, struct hwlist *s, int i)
{
	struct shown *sh = &s->shown[s->m.sel];
	const struct hw_item *it = &sh->h.items[i];
	switch (it->kind) {
	case HW_READ:
	case HW_EXERCISE:
	case HW_PROMPT:
		/* A page counts once its end is reached, a run once finished, a
		 * prompt once an entry is saved: each tells task_done. */
		s->pending = i;
		if (it->kind == HW_READ) {
			if (sh->pr[i].done)
				forget_task(c, s); /* read already: once is enough */
			return PUSH(learn_page_view, it->target);
		}
		if (it->kind == HW_PROMPT) {
			s->req = (struct write_req){.prompt = it->text, .tags = "homework"};
			return PUSH(write_view, &s->req);
		}
		const struct view_ops *own = view_for_exercise(it->target, NULL);
		if (own)
			return (struct step){.kind = STEP_PUSH, .view = own};
		return PUSH(guided_view, it->target);
	default:
		s->task = (struct item_task){.pack = s->packs[s->m.sel].id, .item = i, .it = it,
		                             .pr = &sh->pr[i]};
		if (it->kind == HW_MEASURE)
			return PUSH(hwmeasure_view, &s->task);
		return PUSH(hwitem_view, &s->task);
	}
}

/* What the therapist wrote to be read before an item starts: its
 * content note, and the note under a read or exercise item. */
static bool has_before(const struct hw_item *it)
{
	return it->content_note || ((it->kind == HW_READ || it->kind == HW_EXERCISE) && *it->text);
}

static struct step do_item(struct ctx *c, struct hwlist *s)
{
	struct shown *sh = &s->shown[s->m.sel];
	if (!sh->readable || s->items.sel >= sh->h.nitems)
		return STEP(STEP_NONE);
	int i = (int)s->items.sel;
	const struct hw_item *it = &sh->h.items[i];
	if ((it->kind == HW_READ || it->kind == HW_EXERCISE) && !it->target_title) {
		view_note(c, ROLE_STATUS, "%s",
		          "This tend does not have that one; your therapist can suggest another.");
		return STEP(STEP_REDRAW);
	}
	if (has_before(it)) {
		/* hwbefore_view hands it back with RESULT_CHOSEN: hw_result starts it */
		s->before = (struct before_task){.it = it, .item = i};
		return PUSH(hwbefore_view, &s->before);
	}
	return start_item(c, s, i);
}

static struct step remove_pack(struct ctx *c, void *data)
{
	struct hwlist *s = data;
	struct error e = {0};
	if (hwpack_remove(c->ses->vault, s->packs[s->m.sel].id, &e)) {
		view_warn(c, &e);
	} else {
		view_note(c, ROLE_STATUS, "%s", "The pack and what was kept for it are gone.");
		c->ses->journal_gen++; /* home shows the section only while there are packs */
	}
	s->open = false;
	s->stale = true;
	return STEP(STEP_REDRAW);
}

static struct step hw_action(struct ctx *c, void *st, enum action a)
{
	struct hwlist *s = st;
	forget_task(c, s); /* back here: whatever was sent out is over */
	if (!s->open) {
		if (menu_action(&s->m, a))
			return STEP(STEP_REDRAW);
		if (a == ACT_BACK)
			return STEP(STEP_POP);
		if (a == ACT_SELECT && s->m.sel == s->n)
			return PUSH(hwimport_view, NULL);
		if (a == ACT_SELECT) {
			s->open = true;
			s->items = (struct menu){0};
			s->intro_top = 0;
			return STEP(STEP_REDRAW);
		}
	} else {
		/* Page keys scroll an introduction that does not fit. */
		if ((a == ACT_PGDN || a == ACT_PGUP) && s->intro_total > s->intro_room) {
			int step = s->intro_room > 1 ? s->intro_room - 1 : 1;
			s->intro_top += a == ACT_PGDN ? step : -step; /* draw keeps it in range */
			if (s->intro_top < 0)
				s->intro_top = 0;
			return STEP(STEP_REDRAW);
		}
		if (menu_action(&s->items, a))
			return STEP(STEP_REDRAW);
		if (a == ACT_BACK) {
			s->open = false;
			return STEP(STEP_REDRAW);
		}
		if (a == ACT_SELECT)
			return do_item(c, s);
	}
	if (a == ACT_REMOVE && s->m.sel < s->n) {
		s->del = (struct confirm){
			.title = "Remove this pack?",
			.message = "Its progress and answers are wiped from the vault. Journal entries "
			           "written to its prompts stay.",
			.yes = "Remove it",
			.no = "Keep it",
			.yes_is_risky = true,
			.on_yes = remove_pack,
			.data = s,
		};
		return PUSH(confirm_view, &s->del);
	}
	return STEP(STEP_NONE);
}

static const struct hint hw_hints[] = {
	{ACT_SELECT, "open"},
	{ACT_REMOVE, "remove pack"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

/* Back from an item's screen: what it kept (the list reads it again), or
 * the note before an item, gone on from (the item starts); and, from
 * wherever it was done, the task sent out (task_done). */
static struct step hw_result(struct ctx *c, void *st, const struct view_result *r)
{
	struct hwlist *s = st;
	if (r->kind == RESULT_KEPT)
		s->stale = true;
	else if (r->kind == RESULT_CHOSEN && s->open)
		return start_item(c, s, (int)r->id);
	else if (r->kind == RESULT_DONE && task_done(c, s, r->text, r->id))
		return STEP(STEP_REDRAW);
	return STEP(STEP_NONE);
}

const struct view_ops homework_view = {
	.name = "homework",
	.state_size = sizeof(struct hwlist),
	.flags = VIEW_NEEDS_VAULT,
	.hints = hw_hints,
	.enter = hw_enter,
	.leave = hw_leave,
	.draw = hw_draw,
	.on_action = hw_action,
	.on_result = hw_result,
};

/* ---- the therapist's note, before an item starts ---- */

struct hwbefore {
	const struct before_task *t;
	int top, total, room;
};

static int before_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	struct hwbefore *b = st;
	b->t = arg;
	return 0;
}

static void before_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct hwbefore *b = st;
	const struct hw_item *it = b->t->it;
	int w = cols - 4;
	int y = view_title(cols, it->heading);
	char line[600];
	if (it->content_note) {
		snprintf(line, sizeof(line), "Content note: %s", it->content_note);
		y += md_lines(y, w, 3, line) + 1;
	}
	char what[400];
	homework_describe(it, what, sizeof(what));
	what[0] = (char)(what[0] >= 'a' && what[0] <= 'z' ? what[0] - 32 : what[0]);
	ui_puts(y++, 2, w, ROLE_MUTED, what);
	y++;
	bool note = (it->kind == HW_READ || it->kind == HW_EXERCISE) && *it->text;
	b->room = rows - y - 3;
	if (b->room < 1)
		b->room = 1;
	b->total = note ? view_markdown(y, 2, w, 0, 0, it->text) : 0;
	if (b->top > b->total - b->room)
		b->top = b->total - b->room;
	if (b->top < 0)
		b->top = 0;
	if (note) {
		view_markdown(y, 2, w, b->room, b->top, it->text);
		y += b->total < b->room ? b->total : b->room;
	}
	y++;
	snprintf(line, sizeof(line), "**%s** %s; **%s** goes back.%s", keymap_label(ACT_SELECT, true),
	         it->kind == HW_READ       ? "opens the page"
	         : it->kind == HW_EXERCISE ? "starts the exercise"
	                                   : "goes on",
	         keymap_label(ACT_BACK, true),
	         b->total > b->room ? " Page keys scroll the note." : "");
	view_markdown(y < rows - 2 ? y : rows - 2, 2, w, 2, 0, line);
}

static struct step before_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct hwbefore *b = st;
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if (a == ACT_SELECT) /* back from the item is back to the list */
		return POP_WITH(.kind = RESULT_CHOSEN, .id = b->t->item);
	if (a == ACT_PGDN || a == ACT_DOWN || a == ACT_PGUP || a == ACT_UP) {
		int step = a == ACT_PGDN || a == ACT_PGUP ? (b->room > 1 ? b->room - 1 : 1) : 1;
		b->top += a == ACT_PGDN || a == ACT_DOWN ? step : -step;
		return STEP(STEP_REDRAW);
	}
	return STEP(STEP_NONE);
}

static const struct hint before_hints[] = {
	{ACT_SELECT, "go on"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

static const struct view_ops hwbefore_view = {
	.name = "homework-note",
	.state_size = sizeof(struct hwbefore),
	.flags = VIEW_NEEDS_VAULT,
	.hints = before_hints,
	.enter = before_enter,
	.draw = before_draw,
	.on_action = before_action,
};

/* ---- a measure: one question at a time ---- */

struct hwmeasure {
	const struct item_task *t;
	size_t q; /* the question showing */
	int answers[HOMEWORK_MAX_QUESTIONS];
	struct menu m; /* its responses */
	char key[64];  /* where the answers so far wait */
	char trend[400]; /* the person's own scores so far */
};

struct trend_text {
	const struct hw_item *it;
	const struct ctx *c;
	char *out;
	size_t size;
};

static int trend_add(int64_t at, int off, const char *answer, void *arg)
{
	struct trend_text *t = arg;
	int a[HOMEWORK_MAX_QUESTIONS];
	if (homework_measure_decode(t->it, answer, a))
		return 0;
	char when[32];
	view_date(t->c, at, off, when, sizeof(when));
	size_t n = strlen(t->out);
	double score = homework_measure_score(t->it, a);
	snprintf(t->out + n, t->size - n, t->it->m.mean ? "%s%.1f on %s" : "%s%.0f on %s",
	         n ? ", " : "", score, when);
	return 0;
}

/* The answers so far, as "0,2": kept when the person leaves part way. */
static void measure_pause(struct ctx *c, struct hwmeasure *s)
{
	struct error e = {0};
	if (!s->q) {
		settings_delete(c->ses->vault, s->key, &e);
		return;
	}
	char text[HOMEWORK_MAX_QUESTIONS * 4] = "";
	for (size_t i = 0; i < s->q; i++) {
		size_t n = strlen(text);
		snprintf(text + n, sizeof(text) - n, "%s%d", i ? "," : "", s->answers[i]);
	}
	if (settings_set(c->ses->vault, s->key, text, &e))
		view_warn(c, &e);
}

static int measure_enter(struct ctx *c, void *st, const void *arg)
{
	struct hwmeasure *s = st;
	s->t = arg;
	const struct hw_item *it = s->t->it;
	snprintf(s->key, sizeof(s->key), "homework.paused.%lld.%d", (long long)s->t->pack,
	         s->t->item);
	/* Answers left part way: go on from there. */
	struct buf b = BUF_INIT;
	struct error e = {0};
	if (settings_get_buf(c->ses->vault, s->key, &b, &e) == 1) {
		const char *p = buf_str(&b);
		while (*p && s->q < it->m.nquestions) {
			char *end;
			long v = strtol(p, &end, 10);
			if (end == p || v < 0 || (size_t)v >= it->m.nresponses)
				break;
			s->answers[s->q++] = (int)v;
			p = *end == ',' ? end + 1 : end;
		}
	}
	buf_free(&b);
	struct trend_text t = {it, c, s->trend, sizeof(s->trend)};
	hwpack_answers(c->ses->vault, s->t->pack, s->t->item, trend_add, &t, &e);
	s->m = (struct menu){.n = it->m.nresponses};
	return 0;
}

static int response_row(const void *data, const struct list_row *r)
{
	const struct hw_item *it = data;
	list_line(r->y, r->x, r->w, r->sel, ROLE_NORMAL, it->m.responses[r->i]);
	return 1;
}

static void measure_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct hwmeasure *s = st;
	const struct hw_item *it = s->t->it;
	int w = cols - 4;
	int y = view_title(cols, it->heading);
	char line[600];
	if (s->q == 0) {
		if (it->content_note) {
			snprintf(line, sizeof(line), "Content note: %s", it->content_note);
			y += md_lines(y, w, 2, line);
		}
		if (*it->text)
			y += md_lines(y, w, rows / 4 > 2 ? rows / 4 : 2, it->text);
		if (*s->trend) {
			snprintf(line, sizeof(line), "Your %s so far: %s.", it->m.mean ? "scores" : "totals",
			         s->trend);
			y += md_lines(y, w, 2, line);
		}
		y++;
	}
	snprintf(line, sizeof(line), "Question %zu of %zu", s->q + 1, it->m.nquestions);
	ui_puts(y++, 2, w, ROLE_MUTED, line);
	y += md_lines(y, w, 3, it->m.questions[s->q]) + 1;
	menu_draw(&s->m, (struct list_area){.y = y, .end = rows - 1, .x = 2, .w = w}, response_row,
	          it);
}

static struct step measure_action(struct ctx *c, void *st, enum action a)
{
	struct hwmeasure *s = st;
	const struct hw_item *it = s->t->it;
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK) {
		measure_pause(c, s);
		if (s->q)
			view_note(c, ROLE_STATUS, "%s",
			          "Your answers so far wait here; open the item again to go on.");
		return STEP(STEP_POP);
	}
	if (a != ACT_SELECT)
		return STEP(STEP_NONE);
	int chosen = (int)s->m.sel;
	s->answers[s->q] = chosen;
	bool safety = it->m.safety[s->q] && chosen > 0;
	if (s->q + 1 < it->m.nquestions) {
		s->q++;
		s->m.sel = s->m.top = 0;
		measure_pause(c, s); /* nothing chosen is lost */
		/* A safety question answered above its first response: crisis
		 * help and the person's safety plan at once, on one page; the
		 * questions wait underneath. Nothing is sent anywhere. */
		return safety ? PUSH(crisis_view, crisis_with_plan) : STEP(STEP_REDRAW);
	}
	char text[HOMEWORK_MAX_QUESTIONS * 4];
	struct hw_mark m = HW_MARK_INIT;
	m.pack = s->t->pack;
	m.item = s->t->item;
	m.answer = text;
	struct error e = {0};
	if (homework_measure_encode(it, s->answers, text, sizeof(text)) ||
	    hwpack_mark(c->ses->vault, &m, &e)) {
		if (!e.msg[0])
			snprintf(e.msg, sizeof(e.msg), "%s", "Those answers could not be kept.");
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	settings_delete(c->ses->vault, s->key, &e);
	double score = homework_measure_score(it, s->answers);
	view_note(c, ROLE_STATUS, it->m.mean ? "Kept in your vault. This time: %.1f."
	                                     : "Kept in your vault. This time: %.0f.",
	          score);
	struct step next = safety ? REPLACE(crisis_view, crisis_with_plan) : STEP(STEP_POP);
	next.result.kind = RESULT_KEPT;
	return next;
}

static void measure_before_lock(struct ctx *c, void *st)
{
	measure_pause(c, st);
}

static const struct hint measure_hints[] = {
	{ACT_SELECT, "choose"},
	{ACT_BACK, "leave (answers wait)"},
	{ACT_NONE, NULL},
};

static const struct view_ops hwmeasure_view = {
	.name = "homework-measure",
	.state_size = sizeof(struct hwmeasure),
	.flags = VIEW_NEEDS_VAULT,
	.hints = measure_hints,
	.enter = measure_enter,
	.draw = measure_draw,
	.on_action = measure_action,
	.before_lock = measure_before_lock,
};

/* ---- a scale or a short answer ---- */

struct hwitem {
	const struct item_task *t;
	struct scale score;
	struct field f;
	char key[64]; /* where a half-written answer waits */
};

static int item_enter(struct ctx *c, void *st, const void *arg)
{
	struct hwitem *s = st;
	s->t = arg;
	scale_init(&s->score, 0, 10);
	if (field_init(&s->f, false, vault_secret_alloc, vault_secret_free))
		return -1;
	snprintf(s->key, sizeof(s->key), "homework.paused.%lld.%d", (long long)s->t->pack,
	         s->t->item);
	struct buf b = BUF_INIT;
	struct error e = {0};
	if (s->t->it->kind == HW_ANSWER && settings_get_buf(c->ses->vault, s->key, &b, &e) == 1)
		field_insert(&s->f, b.data, b.len);
	buf_free(&b);
	return 0;
}

static void item_leave(struct ctx *c, void *st)
{
	(void)c;
	field_free(&((struct hwitem *)st)->f);
}

static void item_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct hwitem *s = st;
	const struct hw_item *it = s->t->it;
	int w = cols - 4;
	int y = view_title(cols, it->heading);
	const char *q = *it->text ? it->text : it->heading;
	y += view_markdown(y, 2, w, rows - y - 7, 0, q) + 1;
	const struct hw_progress *pr = s->t->pr;
	if (pr->done) {
		char when[32], last[120];
		view_date(c, pr->last_at, pr->last_off, when, sizeof(when));
		if (it->kind == HW_SCALE && pr->last_score >= 0)
			snprintf(last, sizeof(last), "Last time, on %s: %d of 10. A new number is kept "
			                             "beside it.", when, pr->last_score);
		else
			snprintf(last, sizeof(last), "You answered on %s; a new answer is kept beside it.",
			         when);
		ui_puts(y++, 2, w, ROLE_MUTED, last);
		y++;
	}
	if (it->kind == HW_SCALE) {
		scale_draw(&s->score, y, 4, w - 2, it->low, it->high, true);
		char hint[160], line[240];
		scale_hint(&s->score, hint, sizeof(hint));
		snprintf(line, sizeof(line), "%s %s keeps it; %s leaves.", hint,
		         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
		view_markdown(y + 4, 2, w, 2, 0, line);
	} else {
		char hint[120];
		snprintf(hint, sizeof(hint), "Your answer (%s keeps it; %s leaves, and it waits):",
		         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
		ui_puts(y, 2, w, ROLE_MUTED, hint);
		field_draw(&s->f, y + 1, 2, w, ROLE_SELECTED);
	}
}

static struct step keep(struct ctx *c, struct hwitem *s)
{
	const struct hw_item *it = s->t->it;
	struct hw_mark m = HW_MARK_INIT;
	m.pack = s->t->pack;
	m.item = s->t->item;
	if (it->kind == HW_SCALE) {
		if (s->score.value == SCALE_NONE) {
			char hint[160];
			scale_hint(&s->score, hint, sizeof(hint));
			view_note(c, ROLE_STATUS, "Choose a number first (%.*s), or leave with %s.",
			          (int)utf8_cut(hint, 140), hint, keymap_label(ACT_BACK, true));
			return STEP(STEP_REDRAW);
		}
		m.score = s->score.value;
	} else {
		if (!s->f.len) {
			view_note(c, ROLE_STATUS, "%s",
			          "Nothing written yet; a few words are enough, or leave with Esc.");
			return STEP(STEP_REDRAW);
		}
		m.answer = s->f.buf;
	}
	struct error e = {0};
	if (hwpack_mark(c->ses->vault, &m, &e)) {
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	settings_delete(c->ses->vault, s->key, &e);
	view_note(c, ROLE_STATUS, "%s", "Kept in your vault.");
	return POP_WITH(.kind = RESULT_KEPT);
}

static struct step item_action(struct ctx *c, void *st, enum action a)
{
	struct hwitem *s = st;
	bool scale = s->t->it->kind == HW_SCALE;
	if (a == ACT_SELECT)
		return keep(c, s);
	if (a == ACT_BACK) {
		struct error e = {0};
		if (!scale && s->f.len) {
			if (settings_set(c->ses->vault, s->key, s->f.buf, &e)) {
				view_warn(c, &e);
				return STEP(STEP_REDRAW);
			}
			view_note(c, ROLE_STATUS, "%s", "Your words wait here; open the item again to go on.");
		} else if (!scale) {
			settings_delete(c->ses->vault, s->key, &e);
		}
		return STEP(STEP_POP);
	}
	if (scale) {
		return scale_action(&s->score, a) ? STEP(STEP_REDRAW) : STEP(STEP_NONE);
	}
	return field_action(&s->f, a) ? STEP(STEP_REDRAW) : STEP(STEP_NONE);
}

static struct step item_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct hwitem *s = st;
	if (s->t->it->kind == HW_SCALE) {
		return scale_text(&s->score, text, len, c->ses->now_ms) ? STEP(STEP_REDRAW) : STEP(STEP_NONE);
	}
	if (field_insert(&s->f, text, len)) {
		view_note(c, ROLE_WARN, "%s", "Out of memory: that text was not added.");
	}
	return STEP(STEP_REDRAW);
}

static void item_before_lock(struct ctx *c, void *st)
{
	struct hwitem *s = st;
	struct error e = {0};
	if (s->t->it->kind == HW_ANSWER && s->f.len)
		settings_set(c->ses->vault, s->key, s->f.buf, &e);
}

static const struct hint item_hints[] = {
	{ACT_SELECT, "keep it"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

const struct view_ops hwitem_view = {
	.name = "homework-item",
	.state_size = sizeof(struct hwitem),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = item_hints,
	.enter = item_enter,
	.leave = item_leave,
	.draw = item_draw,
	.on_action = item_action,
	.on_text = item_text,
	.before_lock = item_before_lock,
};

/* ---- adding a pack from a file ---- */

struct hwimport {
	struct field path;
	bool checked;       /* a file was read: the summary or the problem shows */
	bool ok;            /* it is a pack that can be added */
	struct buf text;
	struct homework h;
	char problem[4096];
	char name[80]; /* the file's own name, for the problem */
};

static int imp_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	(void)arg;
	struct hwimport *s = st;
	s->text = (struct buf)BUF_INIT;
	return field_init(&s->path, false, NULL, NULL);
}

static void imp_reset(struct hwimport *s)
{
	homework_free(&s->h);
	buf_free(&s->text);
	s->checked = s->ok = false;
	s->problem[0] = '\0';
	s->name[0] = '\0';
}

static void imp_leave(struct ctx *c, void *st)
{
	(void)c;
	struct hwimport *s = st;
	imp_reset(s);
	field_free(&s->path);
}

static void imp_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct hwimport *s = st;
	int w = cols - 4;
	int y = view_title(cols, "Add homework from your therapist");
	if (!s->checked) {
		char md[300];
		snprintf(md, sizeof(md),
		         "Type where the pack's file is, such as `~/Downloads/week.md`, and press "
		         "**%s**. tend checks it and shows what it asks; nothing is kept until you say "
		         "so. **%s** leaves.",
		         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
		y += view_markdown(y, 2, w, 6, 0, md) + 1;
		ui_puts(y, 2, 7, ROLE_NORMAL, "File:");
		field_draw(&s->path, y, 8, w - 6, ROLE_SELECTED);
		return;
	}
	if (!s->ok) {
		char head[160];
		snprintf(head, sizeof(head), "%s cannot be added as it is:",
		         *s->name ? s->name : "This file");
		ui_puts(y++, 2, w, ROLE_WARN, head);
		y++;
		y += view_markdown(y, 2, w, rows - y - 3, 0, s->problem) + 1;
		char md[240];
		snprintf(md, sizeof(md),
		         "Your therapist can fix the lines named above (docs/homework.md describes the "
		         "format). **%s** tries another file; **%s** leaves.",
		         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
		view_markdown(y, 2, w, 3, 0, md);
		return;
	}
	const struct homework *h = &s->h;
	ui_puts(y++, 2, w, ROLE_HEADING, h->title);
	char line[600];
	char given[32], due[32] = "";
	date_format_iso_text(given, sizeof(given), h->assigned, c->set->date_style);
	if (h->due)
		date_format_iso_text(due, sizeof(due), h->due, c->set->date_style);
	snprintf(line, sizeof(line), "From %s · assigned %s%s%s", h->from, given,
	         h->due ? " · for the session on " : "", due);
	y += view_markdown(y, 2, w, 2, 0, line);
	if (h->note)
		y += md_lines(y, w, 2, h->note);
	if (h->content_note) {
		snprintf(line, sizeof(line), "Content note: %s", h->content_note);
		y += md_lines(y, w, 2, line);
	}
	y++;
	snprintf(line, sizeof(line), "It asks for %zu thing%s:", h->nitems, h->nitems == 1 ? "" : "s");
	ui_puts(y++, 2, w, ROLE_NORMAL, line);
	for (size_t i = 0; i < h->nitems && y < rows - 3; i++) {
		char what[400];
		homework_describe(&h->items[i], what, sizeof(what));
		snprintf(line, sizeof(line), "- **%s**: %s", h->items[i].heading, what);
		y += view_markdown(y, 2, w, rows - 3 - y < 2 ? rows - 3 - y : 2, 0, line);
	}
	y++;
	snprintf(line, sizeof(line),
	         "**%s** adds it to your vault, under From my therapist on the home screen. **%s** "
	         "leaves without adding it.",
	         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
	view_markdown(y, 2, w, 2, 0, line);
}

/* Every problem in the pack, one Markdown list item each. */
static void add_problem(const char *msg, void *arg)
{
	struct hwimport *s = arg;
	size_t n = strlen(s->problem);
	if (n + 8 < sizeof(s->problem))
		snprintf(s->problem + n, sizeof(s->problem) - n, "%s- %s", n ? "\n" : "", msg);
}

static void imp_check(struct hwimport *s)
{
	imp_reset(s);
	s->checked = true;
	struct buf path = BUF_INIT;
	struct error e = {0};
	if (data_expand(s->path.buf, &path)) {
		snprintf(s->problem, sizeof(s->problem), "%s", "Out of memory.");
	} else if (read_file(buf_str(&path), (size_t)HOMEWORK_MAX_BYTES * 16, &s->text, NULL, &e)) {
		snprintf(s->problem, sizeof(s->problem), "%s", e.msg);
	} else if (homework_check(s->text.data, s->text.len, HW_CHECK_REFS, &s->h, add_problem, s,
	                          &e)) {
		const char *base = strrchr(buf_str(&path), '/');
		snprintf(s->name, sizeof(s->name), "%s", base ? base + 1 : buf_str(&path));
		if (e.code != E_CORRUPT)
			snprintf(s->problem, sizeof(s->problem), "%s", e.msg);
	} else {
		s->ok = true;
	}
	buf_free(&path);
}

static struct step imp_add(struct ctx *c, struct hwimport *s)
{
	int64_t id;
	bool existed;
	struct error e = {0};
	if (hwpack_add(c->ses->vault, s->text.data, s->text.len, s->h.title, s->h.from, s->h.assigned,
	               s->h.due, &id, &existed, &e)) {
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	view_note(c, ROLE_STATUS, "%s",
	          existed ? "That pack is in your vault already; nothing was added."
	                  : "Added. It is under From my therapist on the home screen.");
	c->ses->journal_gen++; /* the home screen and the list read the packs again */
	return STEP(STEP_POP);
}

static struct step imp_action(struct ctx *c, void *st, enum action a)
{
	struct hwimport *s = st;
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if (s->checked) {
		if (a != ACT_SELECT)
			return STEP(STEP_NONE);
		if (s->ok)
			return imp_add(c, s);
		imp_reset(s); /* try another file */
		return STEP(STEP_REDRAW);
	}
	if (a == ACT_SELECT) {
		if (!s->path.len)
			return STEP(STEP_NONE);
		imp_check(s);
		return STEP(STEP_REDRAW);
	}
	return field_action(&s->path, a) ? STEP(STEP_REDRAW) : STEP(STEP_NONE);
}

static struct step imp_text(struct ctx *c, void *st, const char *text, size_t len)
{
	(void)c;
	struct hwimport *s = st;
	if (s->checked)
		return STEP(STEP_NONE);
	field_insert(&s->path, text, len);
	return STEP(STEP_REDRAW);
}

static const struct hint imp_hints[] = {
	{ACT_SELECT, "go on"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

const struct view_ops hwimport_view = {
	.name = "homework-import",
	.state_size = sizeof(struct hwimport),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = imp_hints,
	.enter = imp_enter,
	.leave = imp_leave,
	.draw = imp_draw,
	.on_action = imp_action,
	.on_text = imp_text,
};
