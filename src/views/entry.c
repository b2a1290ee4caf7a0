/* entry.c: reading one entry, its earlier versions, and deleting it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/entries.h"
#include "store/journal.h"
#include "widgets/textbuf.h"
#include "store/vault.h"
#include "views/journal_int.h"
#include "widgets/editor.h"
#include "widgets/list.h"

/* A scrollable, wrapped, read-only text: the body of an entry or of an
 * earlier version. */
struct reader {
	struct textbuf *tb;
	size_t top;
	int rows;
};

static int reader_set(struct reader *r, const char *text)
{
	if (!r->tb)
		r->tb = textbuf_new(vault_secret_alloc, vault_secret_free);
	if (!r->tb || textbuf_set_text(r->tb, text, strlen(text)))
		return -1;
	r->top = 0;
	return 0;
}

static void reader_free(struct reader *r)
{
	textbuf_free(r->tb);
	r->tb = NULL;
}

static void reader_draw(struct reader *r, int y, int x, int rows, int w)
{
	r->rows = rows;
	if (!r->tb || rows <= 0)
		return;
	textbuf_layout(r->tb, (size_t)w);
	size_t n = textbuf_rows(r->tb);
	if (r->top >= n)
		r->top = n ? n - 1 : 0;
	size_t len;
	const char *text = textbuf_text(r->tb, &len);
	for (int i = 0; i < rows && r->top + (size_t)i < n; i++) {
		size_t a, b;
		textbuf_row(r->tb, r->top + (size_t)i, &a, &b);
		/* As the editor draws it: a tab is spaces to the next stop. */
		editor_put_span(y + i, x, 0, (size_t)w, ROLE_NORMAL, text + a, b - a);
	}
}

static bool reader_action(struct reader *r, enum action a)
{
	size_t n = r->tb ? textbuf_rows(r->tb) : 0;
	size_t page = r->rows > 2 ? (size_t)r->rows - 1 : 1;
	size_t max = n > (size_t)r->rows ? n - (size_t)r->rows : 0;
	switch (a) {
	case ACT_DOWN: r->top = r->top < max ? r->top + 1 : max; return true;
	case ACT_UP: r->top = r->top ? r->top - 1 : 0; return true;
	case ACT_PGDN: r->top = r->top + page < max ? r->top + page : max; return true;
	case ACT_PGUP: r->top = r->top > page ? r->top - page : 0; return true;
	case ACT_TOP: r->top = 0; return true;
	case ACT_BOTTOM: r->top = max; return true;
	default: return false;
	}
}

/* ---- one entry -------------------------------------------------------------- */

struct entry_state {
	int64_t id;
	struct entry en;
	struct reader body;
	struct confirm ask;
	struct write_req edit;
	char err[512];
	bool deleted;
	unsigned gen;
};

static void load(struct ctx *c, struct entry_state *s)
{
	struct error e = {0};
	entry_free(&s->en);
	s->err[0] = '\0';
	if (entries_get(c->ses->vault, s->id, &s->en, &e) || reader_set(&s->body, s->en.body)) {
		snprintf(s->err, sizeof(s->err), "%s", e.msg[0] ? e.msg : "Out of memory.");
		return;
	}
}

static int entry_enter(struct ctx *c, void *st, const void *arg)
{
	struct entry_state *s = st;
	s->id = *(const int64_t *)arg;
	s->gen = c->ses->journal_gen;
	load(c, s);
	return 0;
}

static void entry_leave(struct ctx *c, void *st)
{
	(void)c;
	struct entry_state *s = st;
	entry_free(&s->en);
	reader_free(&s->body);
}

static void entry_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct entry_state *s = st;
	if (s->gen != c->ses->journal_gen && !s->deleted) {
		s->gen = c->ses->journal_gen;
		load(c, s);
	}
	if (s->err[0]) {
		view_title(cols, "Journal entry");
		view_markdown(2, 2, cols - 4, rows - 2, 0, s->err);
		return;
	}
	int w = cols - 4 > 90 ? 90 : cols - 4;
	view_title(cols, *s->en.title ? s->en.title : ENTRY_UNTITLED);
	char meta[200], made[48], changed[48] = "";
	view_stamp(c, s->en.created, made, sizeof(made));
	if (strcmp(s->en.created, s->en.updated) != 0)
		view_stamp(c, s->en.updated, changed, sizeof(changed));
	snprintf(meta, sizeof(meta), "Written %s%s%s", made, *changed ? " · edited " : "", changed);
	ui_puts(1, 2, w, ROLE_MUTED, meta);
	int y = 2;
	if (*s->en.tags) {
		char tags[300];
		snprintf(tags, sizeof(tags), "Tags: %s", s->en.tags);
		ui_puts(y++, 2, w, ROLE_MUTED, tags);
	}
	if (*s->en.prompt) {
		char pr[600];
		snprintf(pr, sizeof(pr), "Prompt: %s", s->en.prompt);
		ui_puts(y++, 2, w, ROLE_QUOTE, pr);
	}
	y++;
	reader_draw(&s->body, y, 2, rows - y, w);
}

/* Asks to be sure before a delete (q: the question, kept in the state). */
static struct step ask_delete(struct confirm *q, const char *title, const char *message,
                              struct step (*on_yes)(struct ctx *c, void *data), void *data)
{
	*q = (struct confirm){.title = title, .message = message, .yes = "Delete", .no = "Keep it",
	                      .yes_is_risky = true, .on_yes = on_yes, .data = data};
	return PUSH(confirm_view, q);
}

static struct step do_delete(struct ctx *c, void *data)
{
	struct entry_state *s = data;
	struct error e = {0};
	struct deleted_entry *d;
	if (entries_delete(c->ses->vault, s->id, &d, &e)) {
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	deleted_entry_free(c->ses->last_deleted);
	c->ses->last_deleted = d;
	c->ses->journal_gen++;
	s->deleted = true;
	view_note(c, ROLE_STATUS, "Deleted. Press %s in the journal to bring it back.",
	          keymap_label(ACT_RESTORE, false));
	return STEP(STEP_POP);
}

static struct step entry_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct entry_state *s = st;
	if (reader_action(&s->body, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_EDIT:
		if (s->err[0])
			return STEP(STEP_NONE);
		s->edit = (struct write_req){.entry_id = s->id};
		return PUSH(write_view, &s->edit);
	case ACT_VERSIONS:
		return PUSH(versions_view, &s->id);
	case ACT_REMOVE:
		return ask_delete(&s->ask, "Delete this entry?",
		                  "It is removed from the vault and its old text is wiped. Until you "
		                  "lock or quit, **u** in the journal brings it back.",
		                  do_delete, s);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint entry_hints[] = {
	{ACT_EDIT, "edit"},
	{ACT_VERSIONS, "versions"},
	{ACT_REMOVE, "delete"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops entry_view = {
	.name = "entry",
	.state_size = sizeof(struct entry_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = entry_hints,
	.enter = entry_enter,
	.leave = entry_leave,
	.draw = entry_draw,
	.on_action = entry_action,
};

/* ---- earlier versions ------------------------------------------------------------ */

struct versions_state {
	int64_t id;
	struct entry_version *v;
	size_t n;
	struct menu m;
	struct reader text;
	bool reading;
	struct confirm ask;
	char err[512];
};

static void versions_load(struct ctx *c, struct versions_state *s)
{
	struct error e = {0};
	entry_versions_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
	if (entry_versions(c->ses->vault, s->id, &s->v, &s->n, &e))
		snprintf(s->err, sizeof(s->err), "%s", e.msg);
	s->m.n = s->n;
}

static int versions_enter(struct ctx *c, void *st, const void *arg)
{
	struct versions_state *s = st;
	s->id = *(const int64_t *)arg;
	versions_load(c, s);
	return 0;
}

static void versions_leave(struct ctx *c, void *st)
{
	(void)c;
	struct versions_state *s = st;
	entry_versions_free(s->v, s->n);
	reader_free(&s->text);
}

static void when(const struct ctx *c, const struct entry_version *v, char *out, size_t size)
{
	view_date_time(c, v->at, v->off_min, out, size);
}

struct versions_drawing {
	const struct ctx *c;
	const struct versions_state *s;
};

static int version_row(const void *data, const struct list_row *r)
{
	const struct versions_drawing *d = data;
	const struct entry_version *v = &d->s->v[r->i];
	char at[32], line[300];
	when(d->c, v, at, sizeof(at));
	snprintf(line, sizeof(line), "%s   %s", at, *v->title ? v->title : ENTRY_UNTITLED);
	list_line(r->y, r->x, r->w, r->sel, ROLE_NORMAL, line);
	return 1;
}

static void versions_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct versions_state *s = st;
	int w = cols - 4 > 90 ? 90 : cols - 4;
	if (s->reading && s->m.sel < s->n) {
		char head[200], at[32];
		when(c, &s->v[s->m.sel], at, sizeof(at));
		snprintf(head, sizeof(head), "As it was on %s", at);
		view_title(cols, head);
		ui_puts(1, 2, w, ROLE_STRONG, s->v[s->m.sel].title);
		reader_draw(&s->text, 3, 2, rows - 3, w);
		return;
	}
	int y = view_title(cols, "Earlier versions of this entry");
	if (s->err[0]) {
		ui_puts(y, 2, w, ROLE_WARN, s->err);
		return;
	}
	if (!s->n) {
		view_markdown(y, 2, w, 3, 0, "There are no earlier versions: this entry has not been "
		                             "changed since it was written.");
		return;
	}
	struct versions_drawing d = {c, s};
	menu_draw(&s->m, (struct list_area){.y = y, .end = rows, .x = 2, .w = w}, version_row, &d);
}

static struct step version_delete(struct ctx *c, void *data)
{
	struct versions_state *s = data;
	struct error e = {0};
	if (entry_version_delete(c->ses->vault, s->v[s->m.sel].id, &e)) {
		view_warn(c, &e);
	} else {
		view_note(c, ROLE_STATUS, "That version was deleted.");
	}
	s->reading = false;
	versions_load(c, s);
	return STEP(STEP_REDRAW);
}

static struct step versions_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct versions_state *s = st;
	if (s->reading) {
		if (reader_action(&s->text, a))
			return STEP(STEP_REDRAW);
		if (a == ACT_BACK) {
			s->reading = false;
			return STEP(STEP_REDRAW);
		}
	} else if (menu_action(&s->m, a)) {
		return STEP(STEP_REDRAW);
	}
	switch (a) {
	case ACT_SELECT:
		if (s->n && !s->reading && reader_set(&s->text, s->v[s->m.sel].body) == 0)
			s->reading = true;
		return STEP(STEP_REDRAW);
	case ACT_REMOVE:
		if (!s->n)
			return STEP(STEP_NONE);
		return ask_delete(&s->ask, "Delete this version?",
		                  "The entry keeps its current text; only this earlier one is wiped.",
		                  version_delete, s);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint versions_hints[] = {
	{ACT_SELECT, "read"},
	{ACT_REMOVE, "delete"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops versions_view = {
	.name = "versions",
	.state_size = sizeof(struct versions_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = versions_hints,
	.enter = versions_enter,
	.leave = versions_leave,
	.draw = versions_draw,
	.on_action = versions_action,
};
