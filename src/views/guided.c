/* guided.c: a written exercise, step by step (the steps come from
 * content/exercises/<id>.md). Every step can be skipped; Esc pauses and
 * keeps what was written in the vault, to go on later; finishing saves the
 * answers as a journal entry and the distress before and after (when
 * given) for "what helps". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/exercise.h"
#include "core/helpnow.h"
#include "io/exsession.h"
#include "util/buf.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/editor.h"
#include "widgets/scale.h"

enum stage { G_INTRO, G_BEFORE, G_STEP, G_AFTER };

struct guided {
	struct exercise_def d;
	enum stage stage;
	size_t cur;
	struct editor ed[EXERCISE_MAX_STEPS]; /* text and compose steps */
	struct scale scale[EXERCISE_MAX_STEPS]; /* scale steps: SCALE_NONE not rated */
	int before, after;                    /* distress; -1 not given */
	struct scale score;                   /* the distress asked now */
	bool resumed;
	enum stage resume_at;                 /* G_STEP or G_AFTER */
	/* A compose step's text as last put together from the answers (NULL:
	 * none); while the text is still exactly that, it is rebuilt when an
	 * answer changes, and it is not kept when an answer it uses is missing. */
	char *composed[EXERCISE_MAX_STEPS];
	struct confirm afresh;
};

static bool writes(const struct ex_step *s)
{
	return exsession_writes(s);
}

static const char *answer(struct guided *g, size_t i)
{
	size_t len;
	return writes(&g->d.steps[i]) ? editor_text(&g->ed[i], &len) : "";
}

/* A compose step still holding what was put together for it, from answers
 * with a gap: the bare template, not the person's words. */
static bool bare_compose(struct guided *g, size_t i)
{
	if (g->d.steps[i].kind != ANSWER_COMPOSE || !g->composed[i] ||
	    strcmp(answer(g, i), g->composed[i]) != 0)
		return false;
	const char *answers[EXERCISE_MAX_STEPS];
	for (size_t k = 0; k < g->d.nsteps; k++)
		answers[k] = answer(g, k);
	return exercise_compose_gaps(&g->d, i, answers, NULL) > 0;
}

/* The session as it is kept (io/exsession.h): the words of each step ("" for
 * a bare compose step) and the ratings. */
static void session_of(struct guided *g, struct exsession *s)
{
	*s = (struct exsession){
		.d = &g->d,
		.stage = g->stage == G_AFTER ? EXSESSION_AT_AFTER : EXSESSION_AT_STEP,
		.cur = g->cur, .before = g->before, .after = g->after,
	};
	for (size_t i = 0; i < g->d.nsteps; i++) {
		s->answer[i] = bare_compose(g, i) ? "" : answer(g, i);
		s->rating[i] = g->d.steps[i].kind == ANSWER_SCALE ? g->scale[i].value : -1;
	}
}

static bool anything_given(struct guided *g)
{
	struct exsession s;
	session_of(g, &s);
	return exsession_any(&s);
}

static int save_pause(struct ctx *c, struct guided *g, struct error *e)
{
	struct exsession s;
	session_of(g, &s);
	return exsession_pause(c->ses->vault, &s, e);
}

/* Picks up a pause; 0 when there was none (or it no longer fits). */
static int load_pause(struct ctx *c, struct guided *g)
{
	struct buf b = BUF_INIT;
	struct exsession s = {.d = &g->d};
	int ok = exsession_resume(c->ses->vault, &s, &b);
	if (ok) {
		g->cur = s.cur;
		g->before = s.before;
		g->resume_at = s.stage == EXSESSION_AT_AFTER ? G_AFTER : G_STEP;
		for (size_t i = 0; i < g->d.nsteps; i++) {
			if (g->d.steps[i].kind == ANSWER_SCALE)
				scale_set(&g->scale[i], s.rating[i]);
			else if (writes(&g->d.steps[i]) &&
			         editor_set_text(&g->ed[i], s.answer[i], strlen(s.answer[i])))
				ok = 0;
		}
	}
	if (b.data)
		mem_wipe(b.data, b.cap);
	buf_free(&b);
	return ok;
}

static int guided_enter(struct ctx *c, void *st, const void *arg)
{
	struct guided *g = st;
	struct error e = {0};
	if (exercise_load(arg, &g->d, &e)) {
		view_warn(c, &e);
		return -1;
	}
	g->before = g->after = -1;
	scale_init(&g->score, 0, 10);
	for (size_t i = 0; i < g->d.nsteps; i++) {
		scale_init(&g->scale[i], 0, 10);
		if (writes(&g->d.steps[i]) && editor_init(&g->ed[i], vault_secret_alloc, vault_secret_free)) {
			view_note(c, ROLE_WARN, "%s", "Out of memory opening the exercise.");
			return -1;
		}
	}
	g->resumed = load_pause(c, g);
	if (!g->resumed) {
		for (size_t i = 0; i < g->d.nsteps; i++)
			if (writes(&g->d.steps[i]))
				editor_set_text(&g->ed[i], "", 0);
		g->cur = 0;
		g->before = -1;
	}
	g->stage = G_INTRO;
	return 0;
}

static void guided_leave(struct ctx *c, void *st)
{
	(void)c;
	struct guided *g = st;
	for (size_t i = 0; i < g->d.nsteps; i++) {
		if (writes(&g->d.steps[i]) && g->ed[i].tb)
			editor_free(&g->ed[i]);
		str_wipe_free(g->composed[i]);
		g->composed[i] = NULL;
	}
	exercise_free(&g->d);
}

static void draw_intro(struct ctx *c, struct guided *g, int y, int rows, int w)
{
	(void)c;
	if (g->d.m.content_note) {
		char note[600];
		snprintf(note, sizeof(note), "**Content note:** %s", g->d.m.content_note);
		y += view_markdown(y, 2, w, 4, 0, note) + 1;
	}
	y += view_markdown(y, 2, w, rows - y - 4, 0, g->d.intro) + 1;
	char more[200];
	if (g->resumed)
		snprintf(more, sizeof(more),
		         "You started this before, and what you wrote is kept. **%s** goes on at "
		         "step %zu of %zu; **%s** starts afresh.",
		         keymap_label(ACT_SELECT, true), g->cur + 1, g->d.nsteps,
		         keymap_label(ACT_DELETE, true));
	else
		snprintf(more, sizeof(more), "%zu steps. **%s** begins; **%s** leaves.", g->d.nsteps,
		         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
	if (y < rows - 1)
		view_markdown(y, 2, w, rows - y, 0, more);
}

static void draw_step(struct guided *g, int y, int rows, int w)
{
	const struct ex_step *s = &g->d.steps[g->cur];
	char head[160];
	snprintf(head, sizeof(head), "Step %zu of %zu: %s", g->cur + 1, g->d.nsteps, s->heading);
	ui_puts(y++, 2, w, ROLE_HEADING, head);
	y++;
	int room = rows - y - (s->kind == ANSWER_NONE ? 1 : 5);
	y += view_markdown(y, 2, w, room < 8 ? (room > 1 ? room : 1) : 8, 0, s->guide) + 1;
	if (s->kind == ANSWER_SCALE) {
		scale_draw(&g->scale[g->cur], y, 4, w - 2, s->low, s->high, true);
		char hint[160], line[240];
		scale_hint(&g->scale[g->cur], hint, sizeof(hint));
		snprintf(line, sizeof(line), "%s %s goes on.", hint, keymap_label(ACT_NEXT_FIELD, true));
		ui_puts(y + 4, 4, w - 4, ROLE_MUTED, line);
	} else if (writes(s)) {
		int h = rows - y;
		if (h < 2)
			h = 2;
		ui_fill(y, 2, w, ROLE_MUTED);
		ui_puts(y, 3, w - 2, ROLE_MUTED,
		        s->kind == ANSWER_COMPOSE ? "Your words, put together; change anything:"
		                                  : "Your words (Enter starts a new line):");
		editor_draw(&g->ed[g->cur], y + 1, 3, h - 1, w - 2);
	}
}

static void guided_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct guided *g = st;
	int w = cols - 4;
	int y = view_title(cols, g->d.m.title);
	switch (g->stage) {
	case G_INTRO:
		draw_intro(c, g, y, rows, w);
		return;
	case G_BEFORE:
	case G_AFTER:
	{
		char md[500], hint[160], then[64] = "";
		scale_hint(&g->score, hint, sizeof(hint));
		if (g->stage == G_AFTER && g->before >= 0)
			snprintf(then, sizeof(then), " (Before, it was %d.)", g->before);
		snprintf(md, sizeof(md), "%s%s\n\n%s **%s** keeps it; **%s** skips the question.",
		         g->stage == G_BEFORE ? "How much distress do you feel right now, from 0 to 10?"
		                              : "And now, from 0 to 10?",
		         then, hint, keymap_label(ACT_SELECT, true), keymap_label(ACT_NEXT_FIELD, true));
		y += view_markdown(y, 2, w, 5, 0, md);
	}
		scale_draw(&g->score, y + 1, 4, w - 2, "calm", "most distress", true);
		return;
	case G_STEP:
		draw_step(g, y, rows, w);
		return;
	}
}

/* Fills a compose step from the answers so far, unless the person has
 * written in it: empty, or still exactly what was put together last time
 * (an earlier answer may have changed since). With no answer to use it
 * stays empty. */
static void compose_into(struct guided *g, size_t i)
{
	size_t len;
	if (g->d.steps[i].kind != ANSWER_COMPOSE)
		return;
	const char *now = editor_text(&g->ed[i], &len);
	if (len && !(g->composed[i] && strcmp(now, g->composed[i]) == 0))
		return;
	const char *answers[EXERCISE_MAX_STEPS];
	for (size_t k = 0; k < g->d.nsteps; k++)
		answers[k] = answer(g, k);
	size_t refs;
	size_t gaps = exercise_compose_gaps(&g->d, i, answers, &refs);
	struct buf b = BUF_INIT;
	str_wipe_free(g->composed[i]);
	g->composed[i] = NULL;
	if (refs && gaps == refs) {
		editor_set_text(&g->ed[i], "", 0);
	} else if (exercise_compose(&g->d, i, answers, &b) == 0 &&
	           editor_set_text(&g->ed[i], buf_str(&b), b.len) == 0) {
		g->composed[i] = strdup(buf_str(&b));
	}
	if (b.data)
		mem_wipe(b.data, b.cap);
	buf_free(&b);
}

static void to_after(struct guided *g)
{
	g->stage = G_AFTER;
	scale_init(&g->score, 0, 10);
}

static void go_to(struct guided *g, size_t i)
{
	g->cur = i;
	g->stage = G_STEP;
	compose_into(g, i);
}

static struct step finish(struct ctx *c, struct guided *g)
{
	struct error e = {0};
	struct exsession s;
	bool wrote;
	session_of(g, &s);
	if (exsession_finish(c->ses->vault, &s, &wrote, &e)) {
		/* Kept as a pause; stay. */
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	if (wrote)
		c->ses->journal_gen++;
	view_done(c, g->d.m.id, 0);
	char change[40];
	helpnow_change(g->before, g->after, change, sizeof(change));
	view_note(c, ROLE_STATUS, "%s%s%s%s",
	          wrote ? "Saved in your journal, tagged exercise" : "Noted", *change ? "; " : "",
	          change, wrote ? "." : ". Come back any time.");
	return STEP(STEP_POP);
}

/* Esc: keep what is there (if anything) and leave. */
static struct step pause_and_leave(struct ctx *c, struct guided *g)
{
	struct error e = {0};
	if (!anything_given(g) && g->before < 0) {
		exsession_drop(c->ses->vault, &g->d, &e);
		return STEP(STEP_POP);
	}
	if (save_pause(c, g, &e)) {
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	view_note(c, ROLE_STATUS, "%s", "Paused. What you wrote is kept; open it again to go on.");
	return STEP(STEP_POP);
}

static struct step start_afresh(struct ctx *c, void *data)
{
	struct guided *g = data;
	struct error e = {0};
	if (exsession_drop(c->ses->vault, &g->d, &e)) {
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	for (size_t i = 0; i < g->d.nsteps; i++) {
		scale_init(&g->scale[i], 0, 10);
		if (writes(&g->d.steps[i]))
			editor_set_text(&g->ed[i], "", 0);
	}
	g->cur = 0;
	g->before = -1;
	g->resumed = false;
	return STEP(STEP_REDRAW);
}

static struct step intro_action(struct guided *g, enum action a)
{
	if (a == ACT_SELECT) {
		if (!g->resumed) {
			g->stage = G_BEFORE;
		} else if (g->resume_at == G_AFTER) {
			to_after(g);
		} else {
			go_to(g, g->cur);
		}
		return STEP(STEP_REDRAW);
	}
	if (a == ACT_DELETE && g->resumed) {
		g->afresh = (struct confirm){
			.title = "Start afresh?",
			.message = "What you wrote in this exercise so far will be wiped.",
			.yes = "Wipe it and start afresh",
			.no = "Keep it",
			.yes_is_risky = true,
			.on_yes = start_afresh,
			.data = g,
		};
		return PUSH(confirm_view, &g->afresh);
	}
	return a == ACT_BACK ? STEP(STEP_POP) : STEP(STEP_NONE);
}

static struct step step_action(struct ctx *c, struct guided *g, enum action a)
{
	const struct ex_step *s = &g->d.steps[g->cur];
	struct error e = {0};
	switch (a) {
	case ACT_NEXT_FIELD:
		if (g->cur + 1 < g->d.nsteps)
			go_to(g, g->cur + 1);
		else
			to_after(g);
		if (save_pause(c, g, &e))
			view_warn(c, &e);
		return STEP(STEP_REDRAW);
	case ACT_PREV_FIELD:
		if (g->cur > 0)
			go_to(g, g->cur - 1);
		return STEP(STEP_REDRAW);
	case ACT_SKIP: /* finish now, with what there is */
		to_after(g);
		return STEP(STEP_REDRAW);
	case ACT_BACK:
		if (writes(s) && editor_has_selection(&g->ed[g->cur]))
			break;
		return pause_and_leave(c, g);
	default:
		break;
	}
	if (s->kind == ANSWER_SCALE) {
		if (scale_action(&g->scale[g->cur], a))
			return STEP(STEP_REDRAW);
	}
	if (!writes(s)) {
		if (a == ACT_SELECT)
			return step_action(c, g, ACT_NEXT_FIELD);
		return STEP(STEP_NONE);
	}
	if (editor_action(&g->ed[g->cur], a))
		return STEP(STEP_REDRAW);
	return STEP(STEP_NONE);
}

static struct step guided_action(struct ctx *c, void *st, enum action a)
{
	struct guided *g = st;
	switch (g->stage) {
	case G_INTRO:
		return intro_action(g, a);
	case G_BEFORE:
	case G_AFTER:
		if (scale_action(&g->score, a))
			return STEP(STEP_REDRAW);
		if (a == ACT_SELECT || a == ACT_NEXT_FIELD) {
			/* Enter with nothing chosen keeps no number, as skipping does. */
			int given = a == ACT_SELECT ? g->score.value : -1;
			if (g->stage == G_AFTER) {
				g->after = given;
				return finish(c, g);
			}
			g->before = given;
			go_to(g, g->cur);
			return STEP(STEP_REDRAW);
		}
		if (a == ACT_PREV_FIELD && g->stage == G_AFTER) {
			go_to(g, g->cur);
			return STEP(STEP_REDRAW);
		}
		if (a == ACT_BACK)
			return g->stage == G_AFTER ? pause_and_leave(c, g) : STEP(STEP_POP);
		return STEP(STEP_NONE);
	case G_STEP:
		return step_action(c, g, a);
	}
	return STEP(STEP_NONE);
}

static struct step guided_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct guided *g = st;
	if (g->stage == G_BEFORE || g->stage == G_AFTER)
		return scale_text(&g->score, text, len, c->ses->now_ms) ? STEP(STEP_REDRAW) : STEP(STEP_NONE);
	if (g->stage == G_STEP && g->d.steps[g->cur].kind == ANSWER_SCALE)
		return scale_text(&g->scale[g->cur], text, len, c->ses->now_ms) ? STEP(STEP_REDRAW)
		                                                            : STEP(STEP_NONE);
	if (g->stage != G_STEP || !writes(&g->d.steps[g->cur]))
		return STEP(STEP_NONE);
	if (editor_insert(&g->ed[g->cur], text, len)) {
		view_note(c, ROLE_WARN, "%s", "Out of memory: that text was not added.");
	}
	return STEP(STEP_REDRAW);
}

static void guided_before_lock(struct ctx *c, void *st)
{
	struct guided *g = st;
	struct error e = {0};
	if (g->stage != G_INTRO && (anything_given(g) || g->before >= 0))
		save_pause(c, g, &e);
}

static const struct hint guided_hints[] = {
	{ACT_NEXT_FIELD, "next"},
	{ACT_PREV_FIELD, "back a step"},
	{ACT_SKIP, "finish now"},
	{ACT_BACK, "pause and leave"},
	{ACT_NONE, NULL},
};

const struct view_ops guided_view = {
	.name = "exercise",
	.state_size = sizeof(struct guided),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = guided_hints,
	.enter = guided_enter,
	.leave = guided_leave,
	.draw = guided_draw,
	.on_action = guided_action,
	.on_text = guided_text,
	.before_lock = guided_before_lock,
};
