/* write.c: writing and editing an entry. What is typed is kept as an
 * encrypted draft in the vault two seconds after typing stops, when the
 * screen is left, on lock, and on a signal or a lost terminal; the next
 * visit continues it. Ctrl-S saves the entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/tags.h"
#include "store/drafts.h"
#include "store/entries.h"
#include "store/entrysave.h"
#include "store/journal.h"
#include "store/vault.h"
#include "util/buf.h"
#include "util/timefmt.h"
#include "views/journal_int.h"
#include "widgets/editor.h"
#include "widgets/field.h"
#include "util/utf8.h"

#define AUTOSAVE_MS 2000

enum focus { F_TITLE, F_BODY, F_TAGS };

struct write_state {
	struct write_req req;
	struct draft_key key;
	struct field title, tags;
	struct editor ed;
	enum focus focus;
	uint64_t saved_version;   /* editor version at the last draft save */
	uint64_t edits, saved_edits;
	long long changed_at;     /* when typing last changed something */
	long long timer_end;      /* free writing: when the time is up (0: none) */
	bool time_up;
	bool leave_unkept; /* Esc once more leaves words no draft could keep */
	char prompt[600];
	char status[120];
};

static bool unsaved(const struct write_state *w)
{
	return editor_version(&w->ed) != w->saved_version || w->edits != w->saved_edits;
}

static void set_status(struct write_state *w, const char *what)
{
	char when[32];
	stamp_format(stamp_now(), when); /* "YYYY-MM-DDTHH:MM:SS+hh:mm" */
	snprintf(w->status, sizeof(w->status), "%s %.5s", what, when + 11);
}

static int save_draft(struct ctx *c, struct write_state *w)
{
	if (!c->ses->vault || !unsaved(w))
		return 0;
	size_t len;
	struct draft d = {.entry_id = w->req.entry_id};
	draft_slot_name(w->key, d.slot);
	d.title = w->title.buf;
	d.body = (char *)editor_text(&w->ed, &len);
	d.tags = w->tags.buf;
	d.prompt = w->prompt;
	struct error e = {0};
	if (draft_save(c->ses->vault, &d, &e)) {
		/* The reason goes in the note; the title bar has room for little. */
		snprintf(w->status, sizeof(w->status), "Draft not kept");
		view_note(c, ROLE_WARN, "The draft could not be kept: %.*s",
		          (int)utf8_cut(e.msg, 160), e.msg);
		return -1;
	}
	w->saved_version = editor_version(&w->ed);
	w->saved_edits = w->edits;
	c->ses->journal_gen++; /* home now offers to continue the draft */
	set_status(w, "Draft kept");
	return 0;
}

static int write_enter(struct ctx *c, void *st, const void *arg)
{
	struct write_state *w = st;
	if (arg)
		w->req = *(const struct write_req *)arg;
	if (field_init(&w->title, false, vault_secret_alloc, vault_secret_free) ||
	    field_init(&w->tags, false, vault_secret_alloc, vault_secret_free) ||
	    editor_init(&w->ed, vault_secret_alloc, vault_secret_free))
		return -1;
	w->key = draft_key_of(w->req.entry_id);
	char slot[32];
	draft_slot_name(w->key, slot);
	if (w->req.prompt)
		snprintf(w->prompt, sizeof(w->prompt), "%s", w->req.prompt);
	struct error e = {0};
	struct draft d;
	int found = draft_load(c->ses->vault, slot, &d, &e);
	if (found == 1) {
		field_insert(&w->title, d.title, strlen(d.title));
		field_insert(&w->tags, d.tags, strlen(d.tags));
		editor_set_text(&w->ed, d.body, strlen(d.body));
		if (*d.prompt)
			snprintf(w->prompt, sizeof(w->prompt), "%s", d.prompt);
		draft_free(&d);
		view_note(c, ROLE_STATUS, "Continuing your unsaved draft.");
	} else if (w->req.entry_id) {
		struct entry en;
		if (entries_get(c->ses->vault, w->req.entry_id, &en, &e)) {
			view_warn(c, &e);
			return -1;
		}
		field_insert(&w->title, en.title, strlen(en.title));
		struct buf shown = BUF_INIT;
		if (tags_for_editing(en.tags, &shown) == 0 && shown.len)
			field_insert(&w->tags, shown.data, shown.len);
		buf_free(&shown);
		editor_set_text(&w->ed, en.body, strlen(en.body));
		snprintf(w->prompt, sizeof(w->prompt), "%s", en.prompt);
		entry_free(&en);
	} else if (w->req.tags) {
		field_insert(&w->tags, w->req.tags, strlen(w->req.tags));
	}
	w->saved_version = editor_version(&w->ed);
	w->focus = w->req.entry_id || found == 1 ? F_BODY : F_TITLE;
	if (w->req.minutes > 0)
		w->timer_end = c->ses->now_ms + (long long)w->req.minutes * 60000;
	return 0;
}

static void write_leave(struct ctx *c, void *st)
{
	struct write_state *w = st;
	save_draft(c, w);
	field_free(&w->title);
	field_free(&w->tags);
	editor_free(&w->ed);
}

static void write_before_lock(struct ctx *c, void *st)
{
	save_draft(c, st);
}

static void write_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct write_state *w = st;
	char head[200];
	size_t words = editor_words(&w->ed);
	int n = snprintf(head, sizeof(head), "%s · %zu word%s%s",
	                 w->req.entry_id ? "Editing" : "New entry", words, words == 1 ? "" : "s",
	                 w->req.mood_id ? " · check-in linked" : "");
	if (w->timer_end && !w->time_up) {
		long long left = (w->timer_end - c->ses->now_ms + 59999) / 60000;
		snprintf(head + n, sizeof(head) - (size_t)n, " · %lld min left", left);
	} else if (w->time_up) {
		snprintf(head + n, sizeof(head) - (size_t)n, " · time is up; carry on if you like");
	}
	view_title(cols, head);
	if (w->status[0]) {
		int sw = (int)utf8_width(w->status, strlen(w->status));
		ui_puts(0, cols - 2 - sw, sw, ROLE_MUTED, w->status);
	}
	int width = cols - 4;
	int y = 2;
	if (w->prompt[0]) {
		y += view_markdown(y, 2, width, 2, 0, w->prompt);
	}
	ui_puts(y, 2, 8, ROLE_NORMAL, "Title:");
	ui_puts(rows - 1, 2, 8, ROLE_NORMAL, "Tags:");
	int ey = y + 2, erows = rows - 1 - ey - 1;
	/* The focused part is drawn last, so the cursor rests in it. */
	if (w->focus != F_TITLE)
		field_draw(&w->title, y, 10, width - 8, ROLE_STRONG);
	if (w->focus != F_TAGS)
		field_draw(&w->tags, rows - 1, 10, width - 8, ROLE_MUTED);
	if (w->focus != F_BODY)
		editor_draw(&w->ed, ey, 2, erows, width);
	if (w->focus == F_TITLE)
		field_draw(&w->title, y, 10, width - 8, ROLE_SELECTED);
	else if (w->focus == F_TAGS)
		field_draw(&w->tags, rows - 1, 10, width - 8, ROLE_SELECTED);
	else
		editor_draw(&w->ed, ey, 2, erows, width);
}

static void changed(struct ctx *c, struct write_state *w)
{
	w->edits++;
	w->changed_at = c->ses->now_ms;
	w->status[0] = '\0';
	w->leave_unkept = false; /* new words: Esc must try to keep them again */
}

static struct step write_text(struct ctx *c, void *st, const char *t, size_t n)
{
	struct write_state *w = st;
	if (w->focus == F_BODY)
		editor_insert(&w->ed, t, n);
	else
		field_insert(w->focus == F_TITLE ? &w->title : &w->tags, t, n);
	changed(c, w);
	return STEP(STEP_REDRAW);
}

static struct step save_entry(struct ctx *c, struct write_state *w)
{
	size_t len;
	const char *body = editor_text(&w->ed, &len);
	if (!w->title.len && !len) {
		snprintf(w->status, sizeof(w->status), "Nothing to save yet.");
		return STEP(STEP_REDRAW);
	}
	struct entry_save s = {.key = w->key, .title = w->title.buf, .body = body,
	                       .tags = w->tags.buf, .prompt = w->prompt, .mood_id = w->req.mood_id,
	                       .trigger_id = w->req.trigger_id};
	struct error e = {0};
	if (entry_save(c->ses->vault, &s, &w->req.entry_id, &e)) {
		/* The draft keeps every word even when the save fails. */
		save_draft(c, w);
		view_note(c, ROLE_WARN, "Not saved: %.*s", (int)utf8_cut(e.msg, 170), e.msg);
		return STEP(STEP_REDRAW);
	}
	if (w->key.kind == DRAFT_NEW) {
		/* From now on it is an edit of the entry just made. */
		w->key = draft_key_of(w->req.entry_id);
		view_done(c, "entry", w->req.entry_id);
	}
	w->saved_version = editor_version(&w->ed);
	w->saved_edits = w->edits;
	c->ses->journal_gen++;
	set_status(w, "Saved");
	return STEP(STEP_REDRAW);
}

static struct step write_action(struct ctx *c, void *st, enum action a)
{
	struct write_state *w = st;
	if (a == ACT_NEXT_FIELD || a == ACT_PREV_FIELD) {
		w->focus = (enum focus)((w->focus + (a == ACT_NEXT_FIELD ? 1 : 2)) % 3);
		return STEP(STEP_REDRAW);
	}
	if (a == ACT_SKIP)
		return save_entry(c, w);
	if (a == ACT_CHECKIN) {
		if (w->req.entry_id) {
			view_note(c, ROLE_STATUS, "%s",
			          "A check-in links to a new entry; this one is saved already.");
			return STEP(STEP_REDRAW);
		}
		return PUSH(checkin_view, "entry");
	}
	if (w->focus == F_BODY) {
		uint64_t before = editor_version(&w->ed);
		if (editor_action(&w->ed, a)) {
			if (editor_version(&w->ed) != before)
				changed(c, w);
			return STEP(STEP_REDRAW);
		}
	} else {
		struct field *f = w->focus == F_TITLE ? &w->title : &w->tags;
		if (a == ACT_SELECT || a == ACT_DOWN) {
			w->focus = w->focus == F_TITLE ? F_BODY : F_TITLE;
			return STEP(STEP_REDRAW);
		}
		size_t len = f->len;
		if (field_action(f, a)) {
			if (f->len != len || a == ACT_KILL_LINE)
				changed(c, w);
			return STEP(STEP_REDRAW);
		}
	}
	if (a == ACT_BACK) {
		if (!unsaved(w) || w->leave_unkept)
			return STEP(STEP_POP);
		if (save_draft(c, w) == 0) {
			view_note(c, ROLE_STATUS, "%s", "Kept as a draft; it opens again next time you write.");
			return STEP(STEP_POP);
		}
		/* Nowhere to keep the words (a full disk, say): leaving now would
		 * lose them, so stay until the person says so. */
		w->leave_unkept = true;
		char save[16], back[16];
		view_note(c, ROLE_WARN,
		         "Your words are still here but could not be kept. %s tries again; "
		          "%s again leaves without them.",
		          keymap_key_for(ACT_SKIP, true, save), keymap_key_for(ACT_BACK, true, back));
		return STEP(STEP_REDRAW);
	}
	return STEP(STEP_NONE);
}

static long long write_timer(struct ctx *c, void *st)
{
	struct write_state *w = st;
	long long next = -1;
	if (unsaved(w)) {
		long long d = w->changed_at + AUTOSAVE_MS - c->ses->now_ms;
		next = d > 0 ? d : 0;
	}
	if (w->timer_end && !w->time_up) {
		long long d = w->timer_end - c->ses->now_ms;
		/* Redraw once a minute for the quiet countdown. */
		long long minute = d % 60000 ? d % 60000 : 60000;
		d = d > 0 ? minute : 0;
		if (next < 0 || d < next)
			next = d;
	}
	return next;
}

static struct step write_on_timer(struct ctx *c, void *st)
{
	struct write_state *w = st;
	if (unsaved(w) && c->ses->now_ms - w->changed_at >= AUTOSAVE_MS)
		save_draft(c, w);
	if (w->timer_end && !w->time_up && c->ses->now_ms >= w->timer_end)
		w->time_up = true;
	return STEP(STEP_REDRAW);
}

static const struct hint write_hints[] = {
	{ACT_SKIP, "save"},
	{ACT_NEXT_FIELD, "next part"},
	{ACT_CHECKIN, "check-in"},
	{ACT_BACK, "close"},
	{ACT_NONE, NULL},
};

/* Back from a check-in made for this entry: the entry will link to it. */
static struct step write_result(struct ctx *c, void *st, const struct view_result *r)
{
	(void)c;
	struct write_state *w = st;
	if (r->kind == RESULT_CHECKIN)
		w->req.mood_id = r->id;
	return STEP(STEP_NONE);
}

const struct view_ops write_view = {
	.name = "write",
	.state_size = sizeof(struct write_state),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = write_hints,
	.enter = write_enter,
	.leave = write_leave,
	.draw = write_draw,
	.on_action = write_action,
	.on_text = write_text,
	.before_lock = write_before_lock,
	.timer = write_timer,
	.on_timer = write_on_timer,
	.on_result = write_result,
};
