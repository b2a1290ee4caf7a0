/* checkin.c: a mood check-in. The quick path is a score and Enter; Tab
 * opens the optional details (emotions, window of tolerance, energy,
 * sleep, body, tags, a note). Nothing here is required. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "core/feelings.h"
#include "core/helpnow.h"
#include "core/tags.h"
#include "store/settings.h"
#include "store/checkins.h"
#include "util/buf.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"
#include "widgets/scale.h"
#include "util/utf8.h"

enum field_id { F_SCORE, F_EMOTIONS, F_TOLERANCE, F_INTENSITY, F_ENERGY, F_SLEEP, F_BODY, F_TAGS, F_NOTE,
                F_WHEN, F_SAVE, F_COUNT };

struct checkin_state {
	bool link;           /* for the entry being written: its id goes back (RESULT_CHECKIN) */
	struct checkin c;
	struct scale score, intensity, energy; /* nothing chosen until the person chooses */
	bool details;
	struct menu m;
	char emotions[512], body[256], tags[256], note[1024], sleep[16];
	char when[20];       /* "YYYY-MM-DD HH:MM" local, or "" for now */
	int64_t edit_id;     /* a saved check-in being changed; 0: a new one */
	char when_was[20];   /* its time as it was */
	bool dirty;          /* changed since it opened (edits) */
	struct ask ask;
	struct confirm leave;
	char initial[1024];
	/* the emotion picker */
	struct emotion_pick *pick;
};

static void keep_draft(struct ctx *c, struct checkin_state *s);

/* ---- emotion words ------------------------------------------------------------ */

struct emotion_pick {
	char core[16][32];
	char fine[16][8][32];
	int nfine[16];
	int ncore;
	int level; /* 0: core words, 1: finer words of core `at` */
	int at;
	struct menu m;
	char *out; /* the check-in's emotions, comma-separated */
	size_t out_size;
	struct checkin_state *owner; /* kept as a draft on every change */
};

static void load_emotions(struct emotion_pick *p)
{
	size_t len;
	const char *text = content_get("emotions.tsv", &len);
	p->ncore = 0;
	for (size_t i = 0; text && i < len && p->ncore < 16;) {
		size_t end = i;
		while (end < len && text[end] != '\n')
			end++;
		const char *line = text + i;
		const char *tab = memchr(line, '\t', end - i);
		if (end > i && line[0] != '#' && tab) {
			int k = p->ncore++;
			snprintf(p->core[k], sizeof(p->core[k]), "%.*s", (int)(tab - line), line);
			const char *w = tab + 1;
			p->nfine[k] = 0;
			while (w < text + end && p->nfine[k] < 8) {
				const char *comma = memchr(w, ',', (size_t)(text + end - w));
				const char *we = comma ? comma : text + end;
				snprintf(p->fine[k][p->nfine[k]++], 32, "%.*s", (int)(we - w), w);
				w = comma ? comma + 1 : text + end;
			}
		}
		i = end + 1;
	}
}

static bool picked(const struct emotion_pick *p, const char *word)
{
	return list_has(p->out, word);
}

static void toggle(struct emotion_pick *p, const char *word)
{
	list_toggle(p->out, p->out_size, word);
}

static int pick_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	struct emotion_pick *p = st;
	const struct emotion_pick *from = arg;
	p->out = from->out;
	p->out_size = from->out_size;
	p->owner = from->owner;
	load_emotions(p);
	p->m.n = (size_t)p->ncore;
	return p->ncore ? 0 : -1;
}

static void pick_word(const struct emotion_pick *p, size_t i, char *out, size_t size)
{
	if (p->level == 0)
		snprintf(out, size, "%s", p->core[i]);
	else if (i == 0)
		snprintf(out, size, "%s", p->core[p->at]);
	else
		snprintf(out, size, "%s/%s", p->core[p->at], p->fine[p->at][i - 1]);
}

static int pick_row(const void *data, const struct list_row *r)
{
	const struct emotion_pick *p = data;
	char word[80], line[120];
	pick_word(p, r->i, word, sizeof(word));
	const char *shown = strchr(word, '/') ? strchr(word, '/') + 1 : word;
	snprintf(line, sizeof(line), "%s %s%s", picked(p, word) ? "[x]" : "[ ]", shown,
	         p->level == 0 && p->nfine[r->i] ? "  ..." : "");
	list_line(r->y, r->x, r->w, r->sel, ROLE_NORMAL, line);
	return 1;
}

static void pick_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct emotion_pick *p = st;
	char title[80];
	snprintf(title, sizeof(title), p->level ? "Closer to which? (%s)" : "Which feeling is nearest?",
	         p->level ? p->core[p->at] : "");
	int y = view_title(cols, title);
	char chosen[600];
	snprintf(chosen, sizeof(chosen), "Chosen: %s", *p->out ? p->out : "none yet");
	ui_puts(y, 2, cols - 4, ROLE_MUTED, chosen);
	y += 2;
	menu_draw(&p->m, (struct list_area){.y = y, .end = rows, .x = 2, .w = cols - 4}, pick_row,
	          p);
}

static struct step pick_action(struct ctx *c, void *st, enum action a)
{
	struct emotion_pick *p = st;
	if (menu_action(&p->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_SELECT) {
		if (p->level == 0 && p->nfine[p->m.sel]) {
			p->level = 1;
			p->at = (int)p->m.sel;
			p->m = (struct menu){.n = (size_t)p->nfine[p->at] + 1};
		} else {
			char word[80];
			pick_word(p, p->m.sel, word, sizeof(word));
			toggle(p, word);
			keep_draft(c, p->owner);
		}
		return STEP(STEP_REDRAW);
	}
	if (a == ACT_BACK) {
		if (p->level == 1) {
			p->level = 0;
			p->m = (struct menu){.n = (size_t)p->ncore, .sel = (size_t)p->at};
			return STEP(STEP_REDRAW);
		}
		return STEP(STEP_POP);
	}
	return STEP(STEP_NONE);
}

/* Space ticks or unticks the word under the cursor, a main word too
 * (Enter opens its finer words). */
static struct step pick_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct emotion_pick *p = st;
	if (len != 1 || text[0] != ' ' || !p->m.n)
		return STEP(STEP_NONE);
	char word[80];
	pick_word(p, p->m.sel, word, sizeof(word));
	toggle(p, word);
	keep_draft(c, p->owner);
	return STEP(STEP_REDRAW);
}

static const struct hint pick_hints[] = {
	{ACT_SELECT, "choose"},
	{ACT_BACK, "done"},
	{ACT_NONE, NULL},
};

static const struct view_ops pick_view = {
	.name = "emotions",
	.state_size = sizeof(struct emotion_pick),
	.flags = VIEW_NEEDS_VAULT | VIEW_SPACE_TICKS,
	.hints = pick_hints,
	.enter = pick_enter,
	.draw = pick_draw,
	.on_action = pick_action,
	.on_text = pick_text,
};

/* ---- the check-in --------------------------------------------------------------- */

/* A check-in not yet saved is kept in the vault (encrypted, like every
 * setting) on every change, so a lock, a hang-up or a killed terminal loses
 * nothing; it comes back the next time the check-in opens. One value:
 * "1" SEP score SEP intensity SEP energy SEP tolerance SEP sleep SEP
 * emotions SEP body SEP tags SEP note. Typed text holds no control
 * characters (the fields drop them), so SEP cannot appear in it. */
#define DRAFT_KEY "draft.checkin"
#define SEP '\x1f'

static bool form_empty(const struct checkin_state *s)
{
	return s->score.value == SCALE_NONE && s->intensity.value == SCALE_NONE &&
	       s->energy.value == SCALE_NONE && !*s->c.tolerance && !*s->sleep && !*s->emotions &&
	       !*s->body && !*s->tags && !*s->note && !*s->when;
}

static void keep_draft(struct ctx *c, struct checkin_state *s)
{
	struct error e = {0};
	s->dirty = true;
	if (!c->ses->vault || s->edit_id)
		return; /* a saved check-in being changed is not a draft */
	if (form_empty(s)) {
		/* Emptied by the person: no draft is left behind. */
		settings_delete(c->ses->vault, DRAFT_KEY, &e);
		return;
	}
	struct buf b = BUF_INIT;
	int rc = buf_printf(&b, "1%c%d%c%d%c%d%c%s%c%s%c%s%c%s%c%s%c%s%c%s", SEP, s->score.value,
	                    SEP, s->intensity.value, SEP, s->energy.value, SEP, s->c.tolerance, SEP,
	                    s->sleep, SEP, s->emotions, SEP, s->body, SEP, s->tags, SEP, s->note, SEP,
	                    s->when);
	if (rc || settings_set(c->ses->vault, DRAFT_KEY, buf_str(&b), &e)) {
		const char *why = rc ? "out of memory" : e.msg;
		view_note(c, ROLE_WARN, "The check-in could not be kept as a draft: %.*s",
		          (int)utf8_cut(why, 120), why);
	}
	mem_wipe(b.data, b.cap);
	buf_free(&b);
}

/* Picks up a draft; false when there is none (or it does not read). */
static bool load_draft(struct ctx *c, struct checkin_state *s)
{
	struct buf b = BUF_INIT;
	struct error e = {0};
	bool ok = false;
	if (settings_get_buf(c->ses->vault, DRAFT_KEY, &b, &e) == 1 && b.data) {
		char *f[11];
		size_t n = 0;
		for (char *p = b.data; p && n < 11;) {
			f[n++] = p;
			char *sep = strchr(p, SEP);
			if (sep)
				*sep = '\0';
			p = sep ? sep + 1 : NULL;
		}
		ok = n == 11 && strcmp(f[0], "1") == 0;
		if (ok) {
			static const char *const tol[] = {"", "within", "overwhelmed", "shut-down"};
			scale_set(&s->score, atoi(f[1]));
			scale_set(&s->intensity, atoi(f[2]));
			scale_set(&s->energy, atoi(f[3]));
			for (int i = 0; i < 4; i++)
				if (strcmp(f[4], tol[i]) == 0)
					s->c.tolerance = tol[i];
			snprintf(s->sleep, sizeof(s->sleep), "%s", f[5]);
			snprintf(s->emotions, sizeof(s->emotions), "%s", f[6]);
			snprintf(s->body, sizeof(s->body), "%s", f[7]);
			snprintf(s->tags, sizeof(s->tags), "%s", f[8]);
			snprintf(s->note, sizeof(s->note), "%s", f[9]);
			snprintf(s->when, sizeof(s->when), "%s", f[10]);
		}
	}
	if (b.data)
		mem_wipe(b.data, b.cap);
	buf_free(&b);
	return ok;
}

static void drop_draft(struct ctx *c)
{
	struct error e = {0};
	if (c->ses->vault)
		settings_delete(c->ses->vault, DRAFT_KEY, &e);
}

/* An empty form, new or to be filled from a saved check-in; -1 when out of
 * memory. */
static int form_init(struct checkin_state *s)
{
	s->c = (struct checkin)CHECKIN_INIT;
	s->c.tolerance = "";
	scale_init(&s->score, 0, 10);
	scale_init(&s->intensity, 0, 10);
	scale_init(&s->energy, 0, 10);
	s->m.n = F_COUNT;
	s->pick = calloc(1, sizeof(*s->pick));
	if (!s->pick)
		return -1;
	s->pick->out = s->emotions;
	s->pick->out_size = sizeof(s->emotions);
	s->pick->owner = s;
	return 0;
}

static int checkin_enter(struct ctx *c, void *st, const void *arg)
{
	struct checkin_state *s = st;
	if (form_init(s))
		return -1;
	s->link = arg != NULL; /* the write screen's "entry" */
	if (c->ses->vault && load_draft(c, s)) {
		s->details = s->intensity.value != SCALE_NONE || s->energy.value != SCALE_NONE ||
		             *s->c.tolerance || *s->sleep || *s->emotions || *s->body || *s->tags ||
		             *s->note || *s->when;
		view_note(c, ROLE_STATUS, "%s",
		          "The check-in you started is back. Save it, change it, or leave with Esc.");
	}
	return 0;
}

static void checkin_before_lock(struct ctx *c, void *st)
{
	keep_draft(c, st);
}

static void checkin_leave(struct ctx *c, void *st)
{
	(void)c;
	struct checkin_state *s = st;
	free(s->pick);
	mem_wipe(s->note, sizeof(s->note));
	mem_wipe(s->body, sizeof(s->body));
}

/* The scale a row of the form is, or NULL. */
static struct scale *row_scale(struct checkin_state *s, size_t row)
{
	return row == F_SCORE ? &s->score : row == F_INTENSITY ? &s->intensity
	     : row == F_ENERGY ? &s->energy : NULL;
}

static void value_text(const struct checkin_state *s, int f, char *out, size_t size)
{
	switch (f) {
	case F_EMOTIONS:
		if (*s->emotions)
			feelings_words(s->emotions, out, size);
		else
			snprintf(out, size, "-");
		break;
	case F_TOLERANCE: snprintf(out, size, "%s", *s->c.tolerance ? s->c.tolerance : "-"); break;
	case F_INTENSITY: scale_words(&s->intensity, out, size); break;
	case F_ENERGY: scale_words(&s->energy, out, size); break;
	case F_SLEEP: snprintf(out, size, "%s", *s->sleep ? s->sleep : "-"); break;
	case F_BODY: snprintf(out, size, "%s", *s->body ? s->body : "-"); break;
	case F_TAGS: snprintf(out, size, "%s", *s->tags ? s->tags : "-"); break;
	case F_NOTE: snprintf(out, size, "%s", *s->note ? s->note : "-"); break;
	case F_WHEN: snprintf(out, size, "%s", *s->when ? s->when : "now"); break;
	default: out[0] = '\0';
	}
}

/* One line on what the selected row of the details is, and how to fill it. */
static const char *const abouts[F_COUNT] = {
	"",
	"Words for what you feel; Enter opens the list.",
	("Within: you can think and feel. Overwhelmed: too much. Shut-down: numb, far away. "
	 "Enter changes it."),
	"How strong the feelings are: 0 barely there, 10 the most you can imagine.",
	"How much energy you have: 0 none at all, 10 plenty.",
	"Hours slept last night, like 6.5; Enter to type.",
	"What you notice in your body; Enter to type.",
	"Words to find this by later, separated by commas; Enter to type.",
	"Anything else to keep with it; Enter to type.",
	"For a check-in from earlier: the local date and time; Enter to type.",
	"Keeps the check-in.",
};

static void checkin_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct checkin_state *s = st;
	int y = view_title(cols, "How are you, right now?");
	int w = cols - 4;
	bool on_score = !s->details || s->m.sel == F_SCORE;
	char hint[160];
	scale_draw(&s->score, y, 4, w - 2, "hardest", "best", on_score);
	y += 4;
	if (!s->details) {
		char md[400];
		scale_hint(&s->score, hint, sizeof(hint));
		snprintf(md, sizeof(md),
		         "%s **%s** saves. **%s** adds more if you want to: feelings, energy, sleep, "
		         "a note. Every part is optional.",
		         hint, keymap_label(ACT_SELECT, true), keymap_label(ACT_NEXT_FIELD, true));
		view_markdown(y, 2, w, rows - y, 0, md);
		return;
	}
	static const char *const labels[F_COUNT] = {
		"", "Feelings", "Window of tolerance", "How strong (0-10)", "Energy (0-10)",
		"Hours of sleep", "In the body", "Tags", "Note", "When", "Save the check-in",
	};
	/* The selected row explained at the foot, with the scale keys on a scale. */
	struct scale *sc = row_scale(s, s->m.sel);
	int foot = sc ? 2 : 1;
	if (s->m.sel == F_SCORE)
		ui_puts(rows - 1, 2, w, ROLE_MUTED, (scale_hint(sc, hint, sizeof(hint)), hint));
	else {
		view_markdown(rows - foot, 2, w, 1, 0, abouts[s->m.sel]);
		if (sc)
			ui_puts(rows - 1, 2, w, ROLE_MUTED, (scale_hint(sc, hint, sizeof(hint)), hint));
	}
	rows -= foot + 1;
	menu_layout(&s->m, rows - y + 1);
	for (int i = (int)s->m.top; i < F_COUNT && y < rows; i++) {
		if (i == F_SCORE)
			continue; /* the scale above */
		bool sel = (size_t)i == s->m.sel;
		char val[1100];
		value_text(s, i, val, sizeof(val));
		list_fill(y, 2, w, sel);
		ui_puts(y, 4, 22, list_role(sel, i == F_SAVE ? ROLE_STRONG : ROLE_NORMAL), labels[i]);
		if (i != F_SAVE)
			ui_puts(y, 27, w - 27, list_role(sel, ROLE_MUTED), val);
		y++;
	}
}

static struct step save(struct ctx *c, struct checkin_state *s)
{
	struct error e = {0};
	s->c.emotions = s->emotions;
	s->c.body = s->body;
	s->c.tags = s->tags;
	s->c.note = s->note;
	s->c.sleep_hours = *s->sleep ? strtod(s->sleep, NULL) : -1;
	s->c.intensity = s->intensity.value;
	s->c.energy = s->energy.value;
	if (s->score.value == SCALE_NONE) {
		/* A check-in is its number: nothing is saved that was not chosen. */
		char hint[160];
		scale_hint(&s->score, hint, sizeof(hint));
		view_note(c, ROLE_STATUS, "How are you, from 0 to 10? %s", hint);
		if (s->details)
			s->m.sel = F_SCORE;
		return STEP(STEP_REDRAW);
	}
	s->c.score = s->score.value;
	s->c.at = (struct stamp){0};
	if (*s->when && strcmp(s->when, s->when_was) != 0 && stamp_parse_local(s->when, &s->c.at)) {
		s->m.sel = F_WHEN;
		view_note(c, ROLE_STATUS, "%s", "That time is not a real one; change When.");
		return STEP(STEP_REDRAW);
	}
	int64_t id = s->edit_id;
	if (s->edit_id ? checkin_update(c->ses->vault, s->edit_id, &s->c, &e)
	               : checkin_add(c->ses->vault, &s->c, &id, &e)) {
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	if (s->edit_id) {
		view_note(c, ROLE_STATUS, "%s", "The check-in is changed.");
		return STEP(STEP_POP);
	}
	drop_draft(c);
	view_note(c, ROLE_STATUS, "%s",
	          s->link ? "Checked in; the entry will be linked to it." : "Checked in. Thank you.");
	struct view_result r = {.kind = s->link ? RESULT_CHECKIN : RESULT_NONE, .id = id};
	/* A low score: offer a steadying tool, once, over what was below. */
	if (helpnow_after_checkin(s->c.score))
		return (struct step){.kind = STEP_REPLACE, .view = &helpnow_view, .result = r};
	return (struct step){.kind = STEP_POP, .result = r};
}

static int set_field(struct ctx *c, void *data, const char *text, struct error *e)
{
	struct checkin_state *s = data;
	char *end;
	switch (s->m.sel) {
	case F_SLEEP: {
		double h = *text ? strtod(text, &end) : 0;
		if (*text && (*end || h < 0 || h > 24))
			return error_set(e, E_USAGE, "Hours from 0 to 24 (like 6.5), or leave it empty.");
		snprintf(s->sleep, sizeof(s->sleep), "%s", text);
		break;
	}
	case F_BODY: snprintf(s->body, sizeof(s->body), "%s", text); break;
	case F_TAGS: snprintf(s->tags, sizeof(s->tags), "%s", text); break;
	case F_WHEN: {
		struct stamp at;
		if (*text && (stamp_parse_local(text, &at) || at.t > stamp_now().t + 60))
			return error_set(e, E_USAGE, "A local date and time like 2026-11-23 08:10, not in "
			                             "the future; or leave it empty for now.");
		snprintf(s->when, sizeof(s->when), "%s", text);
		break;
	}
	default: snprintf(s->note, sizeof(s->note), "%s", text); break;
	}
	keep_draft(c, s);
	return 0;
}

static struct step leave_keeping(struct ctx *c, void *data)
{
	keep_draft(c, data);
	view_note(c, ROLE_STATUS, "%s", "Kept as a draft; it comes back the next time you check in.");
	return STEP(STEP_POP);
}

static struct step leave_unchanged(struct ctx *c, void *data)
{
	(void)c;
	(void)data;
	return STEP(STEP_POP);
}

static struct step leave_throwing(struct ctx *c, void *data)
{
	(void)data;
	drop_draft(c);
	view_note(c, ROLE_STATUS, "%s", "Thrown away; nothing was saved.");
	return STEP(STEP_POP);
}

static const char *const ask_titles[F_COUNT] = {
	[F_SLEEP] = "Hours of sleep", [F_BODY] = "In the body", [F_TAGS] = "Tags",
	[F_NOTE] = "A note with the check-in", [F_WHEN] = "When was it?",
};
static const char *const ask_abouts[F_COUNT] = {
	[F_SLEEP] = "Hours from 0 to 24, like 6.5; empty for none.",
	[F_BODY] = "What you notice in your body, in your words.",
	[F_TAGS] = "Words separated by commas, like: work, family",
	[F_NOTE] = "Anything else you want to keep with it.",
	[F_WHEN] = "The local date and time, like 2026-11-23 08:10; empty for now.",
};

static struct step checkin_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct checkin_state *s = st;
	struct scale *sc = row_scale(s, s->details ? s->m.sel : F_SCORE);
	if (sc && scale_text(sc, text, len, c->ses->now_ms)) {
		keep_draft(c, s);
		return STEP(STEP_REDRAW);
	}
	return STEP(STEP_NONE);
}

static struct step checkin_action(struct ctx *c, void *st, enum action a)
{
	struct checkin_state *s = st;
	/* Keys for a scale reach only the scale that has focus. */
	struct scale *sc = row_scale(s, s->details ? s->m.sel : F_SCORE);
	if (sc && scale_action(sc, a)) {
		keep_draft(c, s);
		return STEP(STEP_REDRAW);
	}
	if (a == ACT_NEXT_FIELD && !s->details) {
		s->details = true;
		s->m.sel = F_EMOTIONS;
		return STEP(STEP_REDRAW);
	}
	if (s->details && menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_VERSIONS && !s->edit_id && !s->link)
		return PUSH(checkins_view, NULL);
	if (a == ACT_BACK && s->edit_id) {
		if (!s->dirty)
			return STEP(STEP_POP);
		s->leave = (struct confirm){
			.title = "Leave without saving the changes?",
			.message = "The check-in stays as it was before you opened it.",
			.yes = "Leave without saving", .no = "Stay", .yes_is_risky = true,
			.on_yes = leave_unchanged, .data = s,
		};
		return PUSH(confirm_view, &s->leave);
	}
	if (a == ACT_BACK) {
		if (form_empty(s)) {
			drop_draft(c);
			return STEP(STEP_POP);
		}
		/* Something was chosen or written: ask before it goes. */
		s->leave = (struct confirm){
			.title = "Leave the check-in without saving it?",
			.message = "Keep it and it comes back the next time you check in; or throw "
			           "it away.",
			.yes = "Throw it away", .no = "Keep it for later", .yes_is_risky = true,
			.on_yes = leave_throwing, .on_no = leave_keeping, .data = s,
		};
		return PUSH(confirm_view, &s->leave);
	}
	if (a != ACT_SELECT)
		return STEP(STEP_NONE);
	if (!s->details || s->m.sel == F_SAVE)
		return save(c, s);
	static const char *const tol[] = {"", "within", "overwhelmed", "shut-down"};
	switch (s->m.sel) {
	case F_SCORE:
	case F_INTENSITY:
	case F_ENERGY:
		s->m.sel++;
		return STEP(STEP_REDRAW);
	case F_EMOTIONS:
		return PUSH(pick_view, s->pick);
	case F_TOLERANCE:
		for (int i = 0; i < 4; i++) {
			if (strcmp(s->c.tolerance, tol[i]) == 0) {
				s->c.tolerance = tol[(i + 1) % 4];
				break;
			}
		}
		keep_draft(c, s);
		return STEP(STEP_REDRAW);
	default:
		value_text(s, (int)s->m.sel, s->initial, sizeof(s->initial));
		if (strcmp(s->initial, "-") == 0 || (s->m.sel == F_WHEN && !*s->when))
			s->initial[0] = '\0';
		s->ask = (struct ask){.title = ask_titles[s->m.sel], .about = ask_abouts[s->m.sel],
		                      .initial = s->initial, .on_done = set_field, .data = s};
		return PUSH(ask_view, &s->ask);
	}
}

static const struct hint checkin_hints[] = {
	{ACT_SELECT, "save"},
	{ACT_NEXT_FIELD, "more"},
	{ACT_VERSIONS, "earlier ones"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

const struct view_ops checkin_view = {
	.name = "checkin",
	.state_size = sizeof(struct checkin_state),
	.flags = VIEW_NEEDS_VAULT | VIEW_DIGITS,
	.hints = checkin_hints,
	.enter = checkin_enter,
	.leave = checkin_leave,
	.draw = checkin_draw,
	.on_action = checkin_action,
	.on_text = checkin_text,
	.before_lock = checkin_before_lock,
};

/* ---- a saved check-in changed --------------------------------------------------- */

static int edit_enter(struct ctx *c, void *st, const void *arg)
{
	struct checkin_state *s = st;
	const struct checkin_saved *saved = arg;
	if (form_init(s))
		return -1;
	s->edit_id = saved->id;
	s->details = true;
	scale_set(&s->score, saved->c.score);
	scale_set(&s->intensity, saved->c.intensity);
	scale_set(&s->energy, saved->c.energy);
	static const char *const tol[] = {"", "within", "overwhelmed", "shut-down"};
	for (int i = 0; i < 4; i++)
		if (strcmp(saved->c.tolerance, tol[i]) == 0)
			s->c.tolerance = tol[i];
	if (saved->c.sleep_hours >= 0)
		snprintf(s->sleep, sizeof(s->sleep), "%g", saved->c.sleep_hours);
	snprintf(s->emotions, sizeof(s->emotions), "%s", saved->c.emotions);
	snprintf(s->body, sizeof(s->body), "%s", saved->c.body);
	snprintf(s->tags, sizeof(s->tags), "%s", saved->c.tags);
	snprintf(s->note, sizeof(s->note), "%s", saved->c.note);
	char iso[32];
	stamp_format(saved->c.at, iso);
	snprintf(s->when, sizeof(s->when), "%.10s %.5s", iso, iso + 11);
	snprintf(s->when_was, sizeof(s->when_was), "%s", s->when);
	(void)c;
	return 0;
}

static const struct hint edit_hints[] = {
	{ACT_SELECT, "change"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

const struct view_ops checkin_edit_view = {
	.name = "checkin-edit",
	.state_size = sizeof(struct checkin_state),
	.flags = VIEW_NEEDS_VAULT | VIEW_DIGITS,
	.hints = edit_hints,
	.enter = edit_enter,
	.leave = checkin_leave,
	.draw = checkin_draw,
	.on_action = checkin_action,
	.on_text = checkin_text,
};

/* ---- earlier check-ins ------------------------------------------------------------ */

struct checkins_state {
	struct checkin_saved *list;
	size_t n;
	struct menu m;
	struct confirm del;
	int64_t del_id;
};

static void list_load(struct ctx *c, struct checkins_state *s)
{
	struct error e = {0};
	checkins_free(s->list, s->n);
	s->list = NULL;
	s->n = 0;
	if (checkins_list(c->ses->vault, 0, &s->list, &s->n, &e))
		view_warn(c, &e);
	s->m.n = s->n;
	if (s->m.sel >= s->n)
		s->m.sel = s->n ? s->n - 1 : 0;
}

static int list_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	list_load(c, st);
	return 0;
}

static void list_leave(struct ctx *c, void *st)
{
	(void)c;
	struct checkins_state *s = st;
	checkins_free(s->list, s->n);
}

struct checkins_drawing {
	const struct ctx *c;
	const struct checkins_state *s;
};

static int checkins_row(const void *data, const struct list_row *r)
{
	const struct checkins_drawing *d = data;
	const struct checkin *k = &d->s->list[r->i].c;
	char when[64], line[400];
	view_date_time(d->c, k->at.t, k->at.off_min, when, sizeof(when));
	snprintf(line, sizeof(line), "%s  %d of 10%s%.*s%s%.*s", when, k->score,
	         *k->emotions ? "  " : "", (int)utf8_cut(k->emotions, 150), k->emotions,
	         *k->tags ? "  tags: " : "", (int)utf8_cut(k->tags, 100), k->tags);
	list_line(r->y, r->x, r->w, r->sel, ROLE_NORMAL, line);
	return 1;
}

static void list_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct checkins_state *s = st;
	list_load(c, s); /* after a change or a removal */
	int y = view_title(cols, "Earlier check-ins");
	int w = cols - 4;
	if (!s->n) {
		ui_puts(y, 2, w, ROLE_MUTED, "No check-ins yet.");
		return;
	}
	struct checkins_drawing d = {c, s};
	menu_draw(&s->m, (struct list_area){.y = y, .end = rows, .x = 2, .w = w}, checkins_row, &d);
}

static struct step remove_it(struct ctx *c, void *data)
{
	struct checkins_state *s = data;
	struct error e = {0};
	if (checkin_delete(c->ses->vault, s->del_id, &e))
		view_warn(c, &e);
	else
		view_note(c, ROLE_STATUS, "%s", "The check-in is removed.");
	return STEP(STEP_REDRAW);
}

static struct step list_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct checkins_state *s = st;
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if (!s->n)
		return STEP(STEP_NONE);
	if (a == ACT_SELECT || a == ACT_EDIT)
		return PUSH(checkin_edit_view, &s->list[s->m.sel]);
	if (a == ACT_REMOVE) {
		s->del_id = s->list[s->m.sel].id;
		s->del = (struct confirm){
			.title = "Remove this check-in?",
			.message = "It cannot be brought back. An entry linked to it keeps its words.",
			.yes = "Remove it", .no = "Keep it", .yes_is_risky = true,
			.on_yes = remove_it, .data = s,
		};
		return PUSH(confirm_view, &s->del);
	}
	return STEP(STEP_NONE);
}

static const struct hint list_hints[] = {
	{ACT_SELECT, "change"},
	{ACT_REMOVE, "remove"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops checkins_view = {
	.name = "checkins",
	.state_size = sizeof(struct checkins_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = list_hints,
	.enter = list_enter,
	.leave = list_leave,
	.draw = list_draw,
	.on_action = list_action,
};
