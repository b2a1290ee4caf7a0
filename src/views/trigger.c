/* trigger.c: trigger logs (new ones, and ones left to finish later) and the
 * coping toolbox with what has helped so far. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/helpnow.h"
#include "store/settings.h"
#include "store/tracking.h"
#include "util/buf.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/menu.h"
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

static const char *const abouts[T_COUNT] = {
	"What sort of thing it was; Enter opens the list of kinds.",
	"What happened, in a few words; Enter to type.",
	"Where you were; Enter to type.",
	"How much distress you felt then: 0 calm, 10 the most you can imagine.",
	"What you noticed in your body; Enter to type.",
	"The thoughts that came; Enter to type.",
	"What you felt like doing; Enter to type.",
	"What you did to cope: every tool you used, and your own words; Enter opens the list.",
	"How much distress you feel now: 0 calm, 10 the most you can imagine.",
	"How much what you did helped: 0 not at all, 10 a great deal.",
	"Keeps the log as finished.",
	"Keeps the log; it waits under Triggers to be finished.",
};

static void trigger_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct trigger_state *s = st;
	static const char *const labels[T_COUNT] = {
		"Kind of trigger", "What happened", "Where", "Distress then (0-10)", "In the body",
		"Thoughts", "Urges", "What I did", "Distress now (0-10)", "It helped (0-10)",
		"Save", "Save, finish later",
	};
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
		menu_layout(&s->pick, rows - y);
		for (size_t i = s->pick.top; i < s->pick.n && y < rows; i++, y++) {
			bool sel = i == s->pick.sel;
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
			ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
			ui_puts(y, 4, w - 4, sel ? ROLE_SELECTED : i > s->ntools ? ROLE_STRONG : ROLE_NORMAL,
			        line);
		}
		return;
	}
	int y = view_title(cols, s->id ? "Finish a trigger log" : "Log a trigger");
	y += view_markdown(y, 2, w, 2, 0,
	                   "Fill in what you like; everything can be left out or finished later.");
	y++;
	/* The selected row explained at the foot, with the scale keys on a scale. */
	struct scale *sc = row_scale(s, s->m.sel);
	char hint[160];
	view_markdown(rows - 2, 2, w, 1, 0, abouts[s->m.sel]);
	if (sc)
		ui_puts(rows - 1, 2, w, ROLE_MUTED, (scale_hint(sc, hint, sizeof(hint)), hint));
	rows -= 3;
	menu_layout(&s->m, rows - y);
	for (int i = (int)s->m.top; i < T_COUNT && y < rows; i++, y++) {
		bool sel = (size_t)i == s->m.sel;
		char val[600];
		value_text(s, i, val, sizeof(val));
		ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(y, 4, 24, sel ? ROLE_SELECTED : (i >= T_SAVE ? ROLE_STRONG : ROLE_NORMAL), labels[i]);
		if (i < T_SAVE)
			ui_puts(y, 29, w - 29, sel ? ROLE_SELECTED : ROLE_MUTED, val);
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

static const char *const ask_titles[T_COUNT] = {
	[T_WHAT] = "What happened", [T_WHERE] = "Where", [T_BODY] = "In the body",
	[T_THOUGHTS] = "Thoughts", [T_URGES] = "Urges",
};

static struct step trigger_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct trigger_state *s = st;
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
		s->ask = (struct ask){.title = ask_titles[s->m.sel], .about = abouts[s->m.sel],
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
	.flags = VIEW_NEEDS_VAULT | VIEW_DIGITS,
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

static void tmenu_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct tmenu *t = st;
	tmenu_load(c, t);
	int y = view_title(cols, "Triggers and what helps");
	int w = cols - 4;
	menu_layout(&t->m, rows - y);
	for (size_t i = t->m.top; i < t->m.n && y < rows; i++, y++) {
		bool sel = i == t->m.sel;
		char line[300];
		if (i == 0) {
			snprintf(line, sizeof(line), "Log a new trigger");
		} else if (i == 1) {
			snprintf(line, sizeof(line), "My coping toolbox");
		} else if (i == 2) {
			snprintf(line, sizeof(line), "Kinds of trigger (the list is yours to change)");
		} else {
			const struct trigger_saved *g = &t->open[i - 3];
			char when[48];
			view_date_time(c, g->at, g->off_min, when, sizeof(when));
			snprintf(line, sizeof(line), "Finish: %s  %s", when, *g->text[2] ? g->text[2]
			                                                                 : g->text[0]);
		}
		ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(y, 4, w - 4, sel ? ROLE_SELECTED : (i < 3 ? ROLE_STRONG : ROLE_NORMAL), line);
		if (i == 2 && y + 1 < rows && t->n)
			ui_puts(++y, 4, w - 4, ROLE_MUTED, "Left to finish:");
	}
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
	struct menu m;
	struct ask ask;
	struct confirm confirm;
};

static void kinds_load(struct ctx *c, struct kinds *k)
{
	struct error e = {0};
	categories_free(k->c, k->n);
	k->c = NULL;
	k->n = 0;
	if (categories_list(c->ses->vault, &k->c, &k->n, &e)) {
		view_warn(c, &e);
	}
	k->m.n = k->n;
	if (k->m.sel >= k->n)
		k->m.sel = k->n ? k->n - 1 : 0;
}

static int kinds_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	kinds_load(c, st);
	return 0;
}

static void kinds_leave(struct ctx *c, void *st)
{
	(void)c;
	struct kinds *k = st;
	categories_free(k->c, k->n);
}

static void kinds_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct kinds *k = st;
	int y = view_title(cols, "Kinds of trigger");
	y += view_markdown(y, 2, cols - 4, 2, 0, "The list is yours: add the kinds that fit your life "
	                                         "and remove the ones that do not.");
	y++;
	menu_layout(&k->m, rows - y);
	for (size_t i = k->m.top; i < k->n && y < rows; i++, y++) {
		bool sel = i == k->m.sel;
		ui_fill(y, 2, cols - 4, sel ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(y, 4, cols - 8, sel ? ROLE_SELECTED : ROLE_NORMAL, k->c[i]);
	}
}

static int add_kind(struct ctx *c, void *data, const char *text, struct error *e)
{
	struct kinds *k = data;
	if (category_add(c->ses->vault, text, e))
		return -1;
	kinds_load(c, k);
	return 0;
}

static struct step remove_kind(struct ctx *c, void *data)
{
	struct kinds *k = data;
	struct error e = {0};
	if (category_delete(c->ses->vault, k->c[k->m.sel], &e)) {
		view_warn(c, &e);
	}
	kinds_load(c, k);
	return STEP(STEP_REDRAW);
}

static struct step kinds_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct kinds *k = st;
	if (menu_action(&k->m, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_EDIT:
		k->ask = (struct ask){.title = "A kind of trigger of your own", .label = "Name:",
		                      .about = "A word or a few, like: work, or being ignored.",
		                      .on_done = add_kind, .data = k};
		return PUSH(ask_view, &k->ask);
	case ACT_REMOVE:
		if (k->n <= 1)
			return STEP(STEP_NONE);
		k->confirm = (struct confirm){
			.title = "Remove this kind from the list?",
			.message = "Logs already saved with it keep it.",
			.yes = "Remove", .no = "Keep it", .yes_is_risky = true,
			.on_yes = remove_kind, .data = k,
		};
		return PUSH(confirm_view, &k->confirm);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint kinds_hints[] = {
	{ACT_EDIT, "add"},
	{ACT_REMOVE, "remove"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

static const struct view_ops kinds_view = {
	.name = "kinds",
	.state_size = sizeof(struct kinds),
	.flags = VIEW_NEEDS_VAULT,
	.hints = kinds_hints,
	.enter = kinds_enter,
	.leave = kinds_leave,
	.draw = kinds_draw,
	.on_action = kinds_action,
};

/* ---- the toolbox ------------------------------------------------------------------ */

struct toolbox {
	struct tool *t;
	size_t n;
	struct menu m;
	struct ask ask;
	struct confirm confirm;
};

static void toolbox_load(struct ctx *c, struct toolbox *b)
{
	struct error e = {0};
	tools_free(b->t, b->n);
	b->t = NULL;
	b->n = 0;
	if (tools_list(c->ses->vault, &b->t, &b->n, &e)) {
		view_warn(c, &e);
	}
	b->m.n = b->n;
	if (b->m.sel >= b->n)
		b->m.sel = b->n ? b->n - 1 : 0;
}

static int toolbox_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	toolbox_load(c, st);
	return 0;
}

static void toolbox_leave(struct ctx *c, void *st)
{
	(void)c;
	struct toolbox *b = st;
	tools_free(b->t, b->n);
}

static void toolbox_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct toolbox *b = st;
	int y = view_title(cols, "My coping toolbox");
	int w = cols - 4;
	menu_layout(&b->m, (rows - y) / 2);
	for (size_t i = b->m.top; i < b->n && y + 1 < rows; i++, y += 2) {
		bool sel = i == b->m.sel;
		const struct tool *t = &b->t[i];
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
		if (sel && helpnow_for_tool(t->name)) {
			size_t n = strlen(use);
			snprintf(use + n, sizeof(use) - n, "; %s starts it now",
			         keymap_label(ACT_SELECT, false));
		}
		ui_fill(y, 2, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(y, 4, w - 4, sel ? ROLE_SELECTED : ROLE_STRONG, t->name);
		ui_puts(y + 1, 4, w - 4, ROLE_MUTED, use);
	}
}

static int add_tool(struct ctx *c, void *data, const char *text, struct error *e)
{
	struct toolbox *b = data;
	if (tool_add(c->ses->vault, text, "", NULL, e))
		return -1;
	toolbox_load(c, b);
	return 0;
}

static struct step remove_tool(struct ctx *c, void *data)
{
	struct toolbox *b = data;
	struct error e = {0};
	if (tool_delete(c->ses->vault, b->t[b->m.sel].id, &e)) {
		view_warn(c, &e);
	}
	toolbox_load(c, b);
	return STEP(STEP_REDRAW);
}

static struct step toolbox_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct toolbox *b = st;
	if (menu_action(&b->m, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_SELECT: {
		/* A row that is one of tend's exercises starts it. */
		const char *id = b->n ? helpnow_for_tool(b->t[b->m.sel].name) : NULL;
		return id ? view_open_exercise(STEP_PUSH, id) : STEP(STEP_NONE);
	}
	case ACT_EDIT:
		b->ask = (struct ask){.title = "A coping tool of your own", .label = "Name:",
		                      .about = "What you do, in a few words, like: a walk round the block.",
		                      .on_done = add_tool, .data = b};
		return PUSH(ask_view, &b->ask);
	case ACT_REMOVE:
		if (!b->n)
			return STEP(STEP_NONE);
		b->confirm = (struct confirm){
			.title = "Take this tool out of the toolbox?",
			.message = "Trigger logs that name it keep what you wrote.",
			.yes = "Remove", .no = "Keep it", .yes_is_risky = true,
			.on_yes = remove_tool, .data = b,
		};
		return PUSH(confirm_view, &b->confirm);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
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
	.state_size = sizeof(struct toolbox),
	.flags = VIEW_NEEDS_VAULT,
	.hints = toolbox_hints,
	.enter = toolbox_enter,
	.leave = toolbox_leave,
	.draw = toolbox_draw,
	.on_action = toolbox_action,
};
