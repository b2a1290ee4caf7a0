/* trigger.c: trigger logs (new ones, and ones left to finish later) and the
 * coping toolbox with what has helped so far. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/helpnow.h"
#include "core/trigger.h"
#include "store/settings.h"
#include "store/tools.h"
#include "store/triggers.h"
#include "util/buf.h"
#include "views/editlist.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"
#include "widgets/scale.h"
#include "util/utf8.h"

/* At most this many tools in one "What I did" (more than a toolbox holds). */
#define TOOLS_MAX 64

enum tf { T_KIND, T_WHAT, T_WHERE, T_BEFORE, T_BODY, T_THOUGHTS, T_URGES, T_DID, T_AFTER, T_HELPED,
          T_SAVE, T_LATER, T_COUNT };

struct trigger_state {
	int64_t id; /* 0: a new log */
	char text[7][512]; /* category, place, what, body, thoughts, urges, did */
	struct scale before, after, helped; /* nothing chosen until chosen */
	int64_t picked[TOOLS_MAX]; /* tools chosen for "What I did", in order */
	size_t npicked;
	char **cats;
	size_t ncats;
	struct tool *tools;
	size_t ntools;
	struct menu m;
	struct ask ask;
	struct confirm leave;
	char initial[512];
	bool picking; /* choosing from a list: what I did (several), or the kind */
	bool picking_kind;
	struct menu pick;
	char draft_key[48]; /* where the unsaved form is kept */
	char kind0[512];    /* the kind it started with (not news on its own) */
};

enum { X_CATEGORY, X_PLACE, X_WHAT, X_BODY, X_THOUGHTS, X_URGES, X_DID };

/* A log not yet saved is kept in the vault (encrypted, like every setting)
 * on every change, so a lock, a hang-up or a killed terminal loses nothing;
 * it comes back the next time the form opens (a new log, or the same log
 * to finish). One value: "1" SEP before SEP after SEP helped SEP tools SEP
 * then the seven texts; tools are the ids chosen, separated by commas.
 * Typed text holds no control characters (the fields drop them), so SEP
 * cannot appear in it. */
#define SEP '\x1f'

static bool form_untouched(const struct trigger_state *s)
{
	if (s->before.value != SCALE_NONE || s->after.value != SCALE_NONE ||
	    s->helped.value != SCALE_NONE || s->npicked || strcmp(s->text[X_CATEGORY], s->kind0))
		return false;
	for (int k = 1; k < 7; k++)
		if (*s->text[k])
			return false;
	return true;
}

static void keep_draft(struct ctx *c, struct trigger_state *s)
{
	struct error e = {0};
	if (!c->ses->vault)
		return;
	if (!s->id && form_untouched(s)) {
		/* Emptied by the person: no draft is left behind. */
		settings_delete(c->ses->vault, s->draft_key, &e);
		return;
	}
	struct buf b = BUF_INIT;
	int rc = buf_printf(&b, "1%c%d%c%d%c%d%c", SEP, s->before.value, SEP, s->after.value, SEP,
	                    s->helped.value, SEP);
	for (size_t i = 0; i < s->npicked && rc == 0; i++)
		rc = buf_printf(&b, "%s%lld", i ? "," : "", (long long)s->picked[i]);
	for (int k = 0; k < 7 && rc == 0; k++)
		rc = buf_printf(&b, "%c%s", SEP, s->text[k]);
	if (rc || settings_set(c->ses->vault, s->draft_key, buf_str(&b), &e)) {
		const char *why = rc ? "out of memory" : e.msg;
		view_note(c, ROLE_WARN, "The log could not be kept as a draft: %.*s",
		          (int)utf8_cut(why, 120), why);
	}
	if (b.data)
		mem_wipe(b.data, b.cap);
	buf_free(&b);
}

/* Is tool id among those chosen? Its place, or -1. */
static int picked_at(const struct trigger_state *s, int64_t id)
{
	for (size_t i = 0; i < s->npicked; i++)
		if (s->picked[i] == id)
			return (int)i;
	return -1;
}

/* Adds tool id to the choices, when it is in the toolbox (one taken out
 * since is left out) and not chosen yet. */
static void pick_tool(struct trigger_state *s, int64_t id)
{
	if (!id || picked_at(s, id) >= 0 || s->npicked == TOOLS_MAX)
		return;
	for (size_t i = 0; i < s->ntools; i++)
		if (s->tools[i].id == id)
			s->picked[s->npicked++] = id;
}

static const char *tool_name(const struct trigger_state *s, int64_t id)
{
	for (size_t i = 0; i < s->ntools; i++)
		if (s->tools[i].id == id)
			return s->tools[i].name;
	return "";
}

static bool load_draft(struct ctx *c, struct trigger_state *s)
{
	struct buf b = BUF_INIT;
	struct error e = {0};
	bool ok = false;
	if (settings_get_buf(c->ses->vault, s->draft_key, &b, &e) == 1 && b.data) {
		char *f[12];
		size_t n = 0;
		for (char *p = b.data; p && n < 12;) {
			f[n++] = p;
			char *sep = strchr(p, SEP);
			if (sep)
				*sep = '\0';
			p = sep ? sep + 1 : NULL;
		}
		ok = n == 12 && strcmp(f[0], "1") == 0;
		if (ok) {
			scale_set(&s->before, atoi(f[1]));
			scale_set(&s->after, atoi(f[2]));
			scale_set(&s->helped, atoi(f[3]));
			s->npicked = 0;
			for (char *p = f[4]; *p;) {
				char *end;
				long long id = strtoll(p, &end, 10);
				if (end == p)
					break;
				pick_tool(s, id);
				p = end + (*end == ',');
			}
			for (int k = 0; k < 7; k++)
				snprintf(s->text[k], sizeof(s->text[k]), "%s", f[5 + k]);
		}
	}
	if (b.data)
		mem_wipe(b.data, b.cap);
	buf_free(&b);
	return ok;
}

static void drop_draft(struct ctx *c, struct trigger_state *s)
{
	struct error e = {0};
	if (c->ses->vault)
		settings_delete(c->ses->vault, s->draft_key, &e);
}

static int trigger_enter(struct ctx *c, void *st, const void *arg)
{
	struct trigger_state *s = st;
	struct error e = {0};
	scale_init(&s->before, 0, 10);
	scale_init(&s->after, 0, 10);
	scale_init(&s->helped, 0, 10);
	if (categories_list(c->ses->vault, &s->cats, &s->ncats, &e) ||
	    tools_list(c->ses->vault, &s->tools, &s->ntools, &e)) {
		view_warn(c, &e);
		return -1;
	}
	snprintf(s->text[X_CATEGORY], sizeof(s->text[0]), "%s", s->ncats ? s->cats[0] : "other");
	const struct trigger_saved *saved = arg;
	if (saved) {
		s->id = saved->id;
		for (int k = 0; k < 7; k++)
			snprintf(s->text[k], sizeof(s->text[k]), "%s", saved->text[k]);
		scale_set(&s->before, saved->log.suds_before);
		scale_set(&s->after, saved->log.suds_after);
		scale_set(&s->helped, saved->log.helped);
		/* Tools to the list, own words (one or more) to the text. */
		s->text[X_DID][0] = '\0';
		for (size_t i = 0; i < saved->log.ndid; i++) {
			const struct trigger_choice *d = &saved->log.did_list[i];
			pick_tool(s, d->tool_id);
			size_t at = strlen(s->text[X_DID]);
			if (d->text && *d->text)
				snprintf(s->text[X_DID] + at, sizeof(s->text[X_DID]) - at, "%s%s",
				         at ? "; " : "", d->text);
		}
		s->m.sel = T_AFTER;
	}
	s->m.n = T_COUNT;
	snprintf(s->kind0, sizeof(s->kind0), "%s", s->text[X_CATEGORY]);
	if (s->id)
		snprintf(s->draft_key, sizeof(s->draft_key), "draft.trigger.%lld", (long long)s->id);
	else
		snprintf(s->draft_key, sizeof(s->draft_key), "draft.trigger");
	if (load_draft(c, s)) {
		view_note(c, ROLE_STATUS, "%s",
		          "The log you started is back. Save it, change it, or leave with Esc.");
	}
	return 0;
}

static void trigger_before_lock(struct ctx *c, void *st)
{
	struct trigger_state *s = st;
	/* Every change is kept as it is made; this is for a change the
	 * moment before the lock, on a new log. */
	if (!s->id && !form_untouched(s))
		keep_draft(c, s);
}

static struct step leave_keeping(struct ctx *c, void *data)
{
	keep_draft(c, data);
	view_note(c, ROLE_STATUS, "%s",
	          "Kept as a draft; it comes back the next time you open the log.");
	return STEP(STEP_POP);
}

static struct step leave_throwing(struct ctx *c, void *data)
{
	drop_draft(c, data);
	view_note(c, ROLE_STATUS, "%s", "Thrown away; nothing more was saved.");
	return STEP(STEP_POP);
}

static void trigger_leave(struct ctx *c, void *st)
{
	(void)c;
	struct trigger_state *s = st;
	categories_free(s->cats, s->ncats);
	tools_free(s->tools, s->ntools);
	mem_wipe(s->text, sizeof(s->text));
}

/* The scale a row of the form is, or NULL. */
static struct scale *row_scale(struct trigger_state *s, size_t row)
{
	return row == T_BEFORE ? &s->before : row == T_AFTER ? &s->after
	     : row == T_HELPED ? &s->helped : NULL;
}

static void value_text(const struct trigger_state *s, int f, char *out, size_t size)
{
	const char *t = NULL;
	switch (f) {
	case T_KIND: t = s->text[X_CATEGORY]; break;
	case T_WHAT: t = s->text[X_WHAT]; break;
	case T_WHERE: t = s->text[X_PLACE]; break;
	case T_BODY: t = s->text[X_BODY]; break;
	case T_THOUGHTS: t = s->text[X_THOUGHTS]; break;
	case T_URGES: t = s->text[X_URGES]; break;
	case T_DID: {
		/* The tools chosen, then the own words. */
		size_t at = 0;
		out[0] = '\0';
		for (size_t i = 0; i < s->npicked && at < size; i++)
			at += (size_t)snprintf(out + at, size - at, "%s%s", at ? ", " : "",
			                       tool_name(s, s->picked[i]));
		if (*s->text[X_DID] && at < size)
			snprintf(out + at, size - at, "%s%s", at ? ", " : "", s->text[X_DID]);
		if (!out[0])
			snprintf(out, size, "-");
		return;
	}
	case T_BEFORE:
	case T_AFTER:
	case T_HELPED: scale_words(row_scale((struct trigger_state *)s, (size_t)f), out, size); return;
	default: out[0] = '\0'; return;
	}
	snprintf(out, size, "%s", t && *t ? t : "-");
}

/* The rows before Save are the parts of a log, as core/trigger.c names them. */
_Static_assert((int)T_SAVE == (int)TF_COUNT, "one row per part of a trigger log");

static const char *row_label(size_t i)
{
	return i < T_SAVE ? trigger_questions[i].label : i == T_SAVE ? "Save" : "Save, finish later";
}

static const char *row_about(size_t i)
{
	return i < T_SAVE    ? trigger_questions[i].about
	       : i == T_SAVE ? "Keeps the log as finished."
	                     : "Keeps the log; it waits under Triggers to be finished.";
}

/* A row of the list picked from: a kind, or a tool for "What I did". */
static int pick_row(const void *data, const struct list_row *r)
{
	const struct trigger_state *s = data;
	size_t i = r->i;
	char line[700];
	if (s->picking_kind)
		snprintf(line, sizeof(line), "%s", s->cats[i]);
	else if (i < s->ntools)
		snprintf(line, sizeof(line), "%s %s",
		         picked_at(s, s->tools[i].id) >= 0 ? "[x]" : "[ ]", s->tools[i].name);
	else if (i == s->ntools)
		snprintf(line, sizeof(line), "%s My own words%s%.500s",
		         *s->text[X_DID] ? "[x]" : "[ ]", *s->text[X_DID] ? ": " : " (type them)",
		         s->text[X_DID]);
	else
		snprintf(line, sizeof(line), "Done");
	list_line(r->y, r->x, r->w, r->sel, i > s->ntools ? ROLE_STRONG : ROLE_NORMAL, line);
	return 1;
}

static void trigger_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct trigger_state *s = st;
	int w = cols - 4;
	if (s->picking) {
		int y = view_title(cols, s->picking_kind ? "What kind of trigger was it?"
		                                         : "What did you do? Choose all that apply.");
		if (!s->picking_kind) {
			y += view_markdown(y, 2, w, 2, 0,
			                   "Enter marks or unmarks a tool; your own words can go with "
			                   "them. Esc or Done goes back to the log.");
			y++;
		}
		menu_draw(&s->pick, (struct list_area){.y = y, .end = rows, .x = 2, .w = w}, pick_row, s);
		return;
	}
	int y = view_title(cols, s->id ? "Finish a trigger log" : "Log a trigger");
	y += view_markdown(y, 2, w, 2, 0,
	                   "Fill in what you like; everything can be left out or finished later.");
	y++;
	/* The selected row explained at the foot, with the scale keys on a scale. */
	struct scale *sc = row_scale(s, s->m.sel);
	char hint[160];
	view_markdown(rows - 2, 2, w, 1, 0, row_about(s->m.sel));
	if (sc)
		ui_puts(rows - 1, 2, w, ROLE_MUTED, (scale_hint(sc, hint, sizeof(hint)), hint));
	rows -= 3;
	menu_layout(&s->m, rows - y);
	for (int i = (int)s->m.top; i < T_COUNT && y < rows; i++, y++) {
		bool sel = (size_t)i == s->m.sel;
		char val[600];
		value_text(s, i, val, sizeof(val));
		list_fill(y, 2, w, sel);
		ui_puts(y, 4, 24, list_role(sel, i >= T_SAVE ? ROLE_STRONG : ROLE_NORMAL),
		        row_label((size_t)i));
		if (i < T_SAVE)
			ui_puts(y, 29, w - 29, list_role(sel, ROLE_MUTED), val);
	}
}

static struct step save(struct ctx *c, struct trigger_state *s, bool finished)
{
	/* Each tool chosen, then the own words, each its own choice. */
	struct trigger_choice did[TOOLS_MAX + 1];
	size_t n = 0;
	for (size_t i = 0; i < s->npicked; i++)
		did[n++] = (struct trigger_choice){s->picked[i], NULL};
	if (*s->text[X_DID])
		did[n++] = (struct trigger_choice){0, s->text[X_DID]};
	struct trigger_log t = {
		.category = s->text[X_CATEGORY], .place = s->text[X_PLACE], .what = s->text[X_WHAT],
		.body = s->text[X_BODY], .thoughts = s->text[X_THOUGHTS], .urges = s->text[X_URGES],
		.did = "", .did_list = did, .ndid = n,
		.suds_before = s->before.value, .suds_after = s->after.value,
		.helped = s->helped.value,
		.finished = finished,
	};
	struct error e = {0};
	int rc = s->id ? trigger_update(c->ses->vault, s->id, &t, &e) : trigger_add(c->ses->vault, &t, NULL, &e);
	if (rc) {
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	drop_draft(c, s);
	view_note(c, ROLE_STATUS, "%s",
	          finished ? "Saved. Noticing a trigger is itself a skill."
	                   : "Saved for now; finish it whenever you like.");
	/* High distress: offer a steadying tool, once, after this save. */
	if (helpnow_after_trigger(t.suds_before, t.suds_after))
		return REPLACE(helpnow_view, NULL);
	return STEP(STEP_POP);
}

static int set_value(struct ctx *c, void *data, const char *text, struct error *e)
{
	(void)e;
	struct trigger_state *s = data;
	int k = s->m.sel == T_WHAT ? X_WHAT : s->m.sel == T_WHERE ? X_PLACE
	      : s->m.sel == T_BODY ? X_BODY : s->m.sel == T_THOUGHTS ? X_THOUGHTS
	      : s->m.sel == T_URGES ? X_URGES : X_DID;
	snprintf(s->text[k], sizeof(s->text[k]), "%s", text);
	keep_draft(c, s);
	return 0;
}

static struct step trigger_action(struct ctx *c, void *st, enum action a);

static struct step trigger_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct trigger_state *s = st;
	/* Space ticks a tool in the list of what was done, as Enter does (it
	 * paged down to "Done" before, so nothing was ticked). */
	if (len == 1 && text[0] == ' ')
		return s->picking && !s->picking_kind && s->pick.sel < s->ntools
		           ? trigger_action(c, st, ACT_SELECT)
		           : STEP(STEP_NONE);
	struct scale *sc = s->picking ? NULL : row_scale(s, s->m.sel);
	if (sc && scale_text(sc, text, len, c->ses->now_ms)) {
		keep_draft(c, s);
		return STEP(STEP_REDRAW);
	}
	return STEP(STEP_NONE);
}

static struct step trigger_action(struct ctx *c, void *st, enum action a)
{
	struct trigger_state *s = st;
	if (s->picking) {
		if (menu_action(&s->pick, a))
			return STEP(STEP_REDRAW);
		if (a == ACT_BACK) {
			s->picking = s->picking_kind = false;
			return STEP(STEP_REDRAW);
		}
		if (a != ACT_SELECT)
			return STEP(STEP_NONE);
		if (s->picking_kind) {
			s->picking = false;
			s->picking_kind = false;
			snprintf(s->text[X_CATEGORY], sizeof(s->text[0]), "%s", s->cats[s->pick.sel]);
			keep_draft(c, s);
			return STEP(STEP_REDRAW);
		}
		if (s->pick.sel < s->ntools) {
			/* Marks or unmarks it; the list stays open for more. */
			int at = picked_at(s, s->tools[s->pick.sel].id);
			if (at >= 0) {
				memmove(&s->picked[at], &s->picked[at + 1],
				        (s->npicked - (size_t)at - 1) * sizeof(s->picked[0]));
				s->npicked--;
			} else {
				pick_tool(s, s->tools[s->pick.sel].id);
			}
			keep_draft(c, s);
			return STEP(STEP_REDRAW);
		}
		if (s->pick.sel > s->ntools) {
			s->picking = false;
			return STEP(STEP_REDRAW);
		}
		snprintf(s->initial, sizeof(s->initial), "%s", s->text[X_DID]);
		s->ask = (struct ask){.title = "What did you do, in your own words?",
		                      .about = "Anything not in your toolbox, with the tools you marked "
		                               "or without them. Empty it to take it out.",
		                      .initial = s->initial, .on_done = set_value, .data = s};
		return PUSH(ask_view, &s->ask);
	}
	/* Keys for a scale reach only the scale that has focus. */
	struct scale *sc = row_scale(s, s->m.sel);
	if (sc && scale_action(sc, a)) {
		keep_draft(c, s);
		return STEP(STEP_REDRAW);
	}
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK) {
		struct buf none = BUF_INIT;
		struct error e = {0};
		bool drafted = settings_get_buf(c->ses->vault, s->draft_key, &none, &e) == 1;
		buf_free(&none);
		if (!s->id ? form_untouched(s) : !drafted) {
			drop_draft(c, s);
			return STEP(STEP_POP);
		}
		/* Something was chosen or written: ask before it goes. */
		s->leave = (struct confirm){
			.title = "Leave the trigger log without saving?",
			.message = "Keep it and it comes back the next time you open the log; or "
			           "throw the changes away.",
			.yes = "Throw it away", .no = "Keep it for later", .yes_is_risky = true,
			.on_yes = leave_throwing, .on_no = leave_keeping, .data = s,
		};
		return PUSH(confirm_view, &s->leave);
	}
	if (a != ACT_SELECT)
		return STEP(STEP_NONE);
	switch (s->m.sel) {
	case T_BEFORE:
	case T_AFTER:
	case T_HELPED:
		s->m.sel++;
		return STEP(STEP_REDRAW);
	case T_KIND:
		if (!s->ncats)
			return STEP(STEP_NONE);
		/* The kinds as a list, on the one there is now. */
		s->picking = s->picking_kind = true;
		s->pick = (struct menu){.n = s->ncats};
		for (size_t i = 0; i < s->ncats; i++)
			if (strcmp(s->cats[i], s->text[X_CATEGORY]) == 0)
				s->pick.sel = i;
		return STEP(STEP_REDRAW);
	case T_DID:
		s->picking = true;
		s->pick = (struct menu){.n = s->ntools + 2}; /* the tools, own words, Done */
		return STEP(STEP_REDRAW);
	case T_SAVE:
		return save(c, s, true);
	case T_LATER:
		return save(c, s, false);
	default:
		value_text(s, (int)s->m.sel, s->initial, sizeof(s->initial));
		if (strcmp(s->initial, "-") == 0)
			s->initial[0] = '\0';
		s->ask = (struct ask){.title = row_label(s->m.sel), .about = row_about(s->m.sel),
		                      .initial = s->initial, .on_done = set_value, .data = s};
		return PUSH(ask_view, &s->ask);
	}
}

static const struct hint trigger_hints[] = {
	{ACT_SELECT, "change"},
	{ACT_BACK, "leave (nothing saved)"},
	{ACT_NONE, NULL},
};

const struct view_ops trigger_view = {
	.name = "trigger",
	.state_size = sizeof(struct trigger_state),
	.flags = VIEW_NEEDS_VAULT | VIEW_DIGITS | VIEW_SPACE_TICKS,
	.hints = trigger_hints,
	.enter = trigger_enter,
	.leave = trigger_leave,
	.draw = trigger_draw,
	.on_action = trigger_action,
	.on_text = trigger_text,
	.before_lock = trigger_before_lock,
};

static const struct view_ops kinds_view;

/* ---- new log, or one to finish ---------------------------------------------------- */

struct tmenu {
	struct trigger_saved *open;
	size_t n;
	struct menu m;
};

static void tmenu_load(struct ctx *c, struct tmenu *t)
{
	struct error e = {0};
	trigger_saved_free(t->open, t->n);
	t->open = NULL;
	t->n = 0;
	if (triggers_unfinished(c->ses->vault, &t->open, &t->n, &e)) {
		view_warn(c, &e);
	}
	t->m.n = t->n + 3;
	if (t->m.sel >= t->m.n)
		t->m.sel = 0;
}

static int tmenu_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	tmenu_load(c, st);
	return 0;
}

static void tmenu_leave(struct ctx *c, void *st)
{
	(void)c;
	struct tmenu *t = st;
	trigger_saved_free(t->open, t->n);
}

struct tmenu_drawing {
	const struct ctx *c;
	const struct tmenu *t;
};

static int tmenu_row(const void *data, const struct list_row *r)
{
	const struct tmenu_drawing *d = data;
	size_t i = r->i;
	char line[300];
	if (i == 0) {
		snprintf(line, sizeof(line), "Log a new trigger");
	} else if (i == 1) {
		snprintf(line, sizeof(line), "My coping toolbox");
	} else if (i == 2) {
		snprintf(line, sizeof(line), "Kinds of trigger (the list is yours to change)");
	} else {
		const struct trigger_saved *g = &d->t->open[i - 3];
		char when[48];
		view_date_time(d->c, g->at, g->off_min, when, sizeof(when));
		snprintf(line, sizeof(line), "Finish: %s  %s", when, *g->text[2] ? g->text[2]
		                                                                 : g->text[0]);
	}
	list_line(r->y, r->x, r->w, r->sel, i < 3 ? ROLE_STRONG : ROLE_NORMAL, line);
	if (i == 2 && r->y + 1 < r->end && d->t->n) {
		ui_puts(r->y + 1, 4, r->w - 4, ROLE_MUTED, "Left to finish:");
		return 2;
	}
	return 1;
}

static void tmenu_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct tmenu *t = st;
	tmenu_load(c, t);
	int y = view_title(cols, "Triggers and what helps");
	int w = cols - 4;
	struct tmenu_drawing d = {c, t};
	menu_draw(&t->m, (struct list_area){.y = y, .end = rows, .x = 2, .w = w}, tmenu_row, &d);
}

static struct step tmenu_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct tmenu *t = st;
	if (menu_action(&t->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if (a != ACT_SELECT)
		return STEP(STEP_NONE);
	if (t->m.sel == 0)
		return PUSH(trigger_view, NULL);
	if (t->m.sel == 1)
		return PUSH(toolbox_view, NULL);
	if (t->m.sel == 2)
		return PUSH(kinds_view, NULL);
	return PUSH(trigger_view, &t->open[t->m.sel - 3]);
}

static const struct hint tmenu_hints[] = {
	{ACT_SELECT, "open"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops triggers_view = {
	.name = "triggers",
	.state_size = sizeof(struct tmenu),
	.flags = VIEW_NEEDS_VAULT,
	.hints = tmenu_hints,
	.enter = tmenu_enter,
	.leave = tmenu_leave,
	.draw = tmenu_draw,
	.on_action = tmenu_action,
};

/* ---- the kinds of trigger ------------------------------------------------------------ */

struct kinds {
	char **c;
	size_t n;
};

static int kinds_load(struct ctx *c, void *own, size_t *rows)
{
	struct kinds *k = own;
	struct error e = {0};
	categories_free(k->c, k->n);
	k->c = NULL;
	k->n = 0;
	if (categories_list(c->ses->vault, &k->c, &k->n, &e)) {
		view_warn(c, &e);
	}
	*rows = k->n;
	return 0;
}

static void kinds_free(void *own)
{
	struct kinds *k = own;
	categories_free(k->c, k->n);
}

static int kinds_head(struct ctx *c, void *own, int y, int w)
{
	(void)c, (void)own;
	y += view_markdown(y, 2, w, 2, 0, "The list is yours: add the kinds that fit your life "
	                                  "and remove the ones that do not.");
	return y + 1;
}

static int kinds_row(const void *own, const struct list_row *r)
{
	list_line(r->y, 2, r->w, r->sel, ROLE_NORMAL, ((const struct kinds *)own)->c[r->i]);
	return 1;
}

static bool kinds_ask(void *own, size_t i, struct ask *q)
{
	(void)own, (void)i;
	*q = (struct ask){.title = "A kind of trigger of your own", .label = "Name:",
	                  .about = "A word or a few, like: work, or being ignored."};
	return true;
}

static int add_kind(struct ctx *c, void *own, const char *const *t, struct error *e)
{
	(void)own;
	return category_add(c->ses->vault, t[0], e);
}

static bool kinds_confirm(void *own, size_t i, struct confirm *q)
{
	(void)i;
	if (((struct kinds *)own)->n <= 1)
		return false;
	q->title = "Remove this kind from the list?";
	q->message = "Logs already saved with it keep it.";
	q->yes = "Remove";
	q->no = "Keep it";
	return true;
}

static int remove_kind(struct ctx *c, void *own, size_t i, struct error *e)
{
	return category_delete(c->ses->vault, ((struct kinds *)own)->c[i], e);
}

static const struct editlist_ops kinds_list = {
	.title = "Kinds of trigger",
	.load = kinds_load,
	.free = kinds_free,
	.head = kinds_head,
	.row = kinds_row,
	.ask = kinds_ask,
	.save = add_kind,
	.confirm = kinds_confirm,
	.remove = remove_kind,
};

static int kinds_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	return editlist_enter(c, st, &kinds_list);
}

static const struct hint kinds_hints[] = {
	{ACT_EDIT, "add"},
	{ACT_REMOVE, "remove"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

static const struct view_ops kinds_view = {
	.name = "kinds",
	.state_size = EDITLIST_SIZE(struct kinds),
	.flags = VIEW_NEEDS_VAULT,
	.hints = kinds_hints,
	.enter = kinds_enter,
	.leave = editlist_leave,
	.draw = editlist_draw,
	.on_action = editlist_action,
};

/* ---- the toolbox ------------------------------------------------------------------ */

struct toolbox {
	struct tool *t;
	size_t n;
};

static int toolbox_load(struct ctx *c, void *own, size_t *rows)
{
	struct toolbox *b = own;
	struct error e = {0};
	tools_free(b->t, b->n);
	b->t = NULL;
	b->n = 0;
	if (tools_list(c->ses->vault, &b->t, &b->n, &e)) {
		view_warn(c, &e);
	}
	*rows = b->n;
	return 0;
}

static void toolbox_free(void *own)
{
	struct toolbox *b = own;
	tools_free(b->t, b->n);
}

static int toolbox_row(const void *own, const struct list_row *r)
{
	const struct tool *t = &((const struct toolbox *)own)->t[r->i];
	char use[200];
	if (!t->uses)
		snprintf(use, sizeof(use), "not used in a trigger log yet");
	else if (t->drop_n < 3)
		snprintf(use, sizeof(use), "used %lld %s; too few with distress before and after "
		                           "to say how much it helps (n = %lld)",
		         (long long)t->uses, t->uses == 1 ? "time" : "times", (long long)t->drop_n);
	else
		snprintf(use, sizeof(use), "used %lld times; distress fell by %.1f on average "
		                           "(n = %lld)",
		         (long long)t->uses, t->mean_drop, (long long)t->drop_n);
	if (r->sel && helpnow_for_tool(t->name)) {
		size_t n = strlen(use);
		snprintf(use + n, sizeof(use) - n, "; %s starts it now",
		         keymap_label(ACT_SELECT, false));
	}
	list_line(r->y, 2, r->w, r->sel, ROLE_STRONG, t->name);
	ui_puts(r->y + 1, 4, r->w - 4, ROLE_MUTED, use);
	return 2;
}

/* A row that is one of tend's exercises starts it. */
static struct step toolbox_select(struct ctx *c, void *own, size_t i)
{
	(void)c;
	struct toolbox *b = own;
	const char *id = b->n ? helpnow_for_tool(b->t[i].name) : NULL;
	return id ? view_open_exercise(STEP_PUSH, id) : STEP(STEP_NONE);
}

static bool toolbox_ask(void *own, size_t i, struct ask *q)
{
	(void)own, (void)i;
	*q = (struct ask){.title = "A coping tool of your own", .label = "Name:",
	                  .about = "What you do, in a few words, like: a walk round the block."};
	return true;
}

static int add_tool(struct ctx *c, void *own, const char *const *t, struct error *e)
{
	(void)own;
	return tool_add(c->ses->vault, t[0], "", NULL, e);
}

static bool toolbox_confirm(void *own, size_t i, struct confirm *q)
{
	(void)i;
	if (!((struct toolbox *)own)->n)
		return false;
	q->title = "Take this tool out of the toolbox?";
	q->message = "Trigger logs that chose it keep it, by its name.";
	q->yes = "Remove";
	q->no = "Keep it";
	return true;
}

static int remove_tool(struct ctx *c, void *own, size_t i, struct error *e)
{
	return tool_delete(c->ses->vault, ((struct toolbox *)own)->t[i].id, e);
}

static const struct editlist_ops toolbox_list = {
	.title = "My coping toolbox",
	.item_rows = 2,
	.load = toolbox_load,
	.free = toolbox_free,
	.row = toolbox_row,
	.select = toolbox_select,
	.ask = toolbox_ask,
	.save = add_tool,
	.confirm = toolbox_confirm,
	.remove = remove_tool,
};

static int toolbox_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	return editlist_enter(c, st, &toolbox_list);
}

static const struct hint toolbox_hints[] = {
	{ACT_SELECT, "start"},
	{ACT_EDIT, "add"},
	{ACT_REMOVE, "remove"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops toolbox_view = {
	.name = "toolbox",
	.state_size = EDITLIST_SIZE(struct toolbox),
	.flags = VIEW_NEEDS_VAULT,
	.hints = toolbox_hints,
	.enter = toolbox_enter,
	.leave = editlist_leave,
	.draw = editlist_draw,
	.on_action = editlist_action,
};
