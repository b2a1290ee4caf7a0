/* breathe.c: paced breathing, an exercise that can be paused, skipped or
 * left at any point. Distress before and after is asked for, and can be
 * skipped; what is given feeds "what helps" in Insights. */
#include <stdio.h>
#include <string.h>

#include "core/helpnow.h"
#include "core/pacer.h"
#include "store/settings.h"
#include "store/exercises.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"
#include "widgets/scale.h"

enum stage { B_CHOOSE, B_BEFORE, B_RUN, B_AFTER };

struct breathe {
	enum stage stage;
	enum pacer_pattern pattern;
	int pct; /* how long each phase is, in percent of the named pace */
	struct pacer pc;
	int before, after;        /* -1: not given */
	struct scale score;       /* the distress asked now */
	long long due;            /* next redraw, on the clock; 0: not set */
	bool ran;
};

static int breathe_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct breathe *b = st;
	b->before = b->after = -1;
	scale_init(&b->score, 0, 10);
	b->pct = 100;
	/* The pace chosen last time, when the vault is open. */
	char val[32];
	struct error e;
	int p, pct;
	if (c->ses->vault && settings_get(c->ses->vault, "breathe.pace", val, sizeof(val), &e) == 1 &&
	    sscanf(val, "%d %d", &p, &pct) == 2 && p >= 0 && p < PACE_COUNT) {
		b->pattern = (enum pacer_pattern)p;
		b->pct = pacer_clamp_pct(pct);
	}
	return 0;
}

static void breathe_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)rows;
	struct breathe *b = st;
	int w = cols - 4;
	int y = view_title(cols, "Paced breathing");
	switch (b->stage) {
	case B_CHOOSE:
		y += view_markdown(y, 2, w, 6, 0,
		                   "Breathing a little slower, with the out-breath at least as long as the "
		                   "in-breath, can help a body settle. Eyes open is fine. Stop whenever you "
		                   "like; if it makes you feel worse, that is a reason to stop, not a "
		                   "failure.");
		y++;
		for (int p = 0; p < PACE_COUNT; p++, y++) {
			list_line(y, 2, w, p == (int)b->pattern, ROLE_NORMAL,
			          pacer_name((enum pacer_pattern)p));
		}
		char pace[200];
		long long ms = pacer_cycle_ms(b->pattern, b->pct);
		snprintf(pace, sizeof(pace), "One breath takes %lld.%lld s (%d%% of the usual). "
		         "**Left** and **Right** make it quicker or slower.",
		         ms / 1000, ms % 1000 / 100, b->pct);
		y += 1 + view_markdown(y + 1, 2, w, 2, 0, pace);
		if (c->set->reduced_motion)
			ui_puts(y + 1, 2, w, ROLE_MUTED, "Reduced motion is on: the words change, nothing moves.");
		return;
	case B_BEFORE:
	case B_AFTER:
	{
		char md[400], hint[160];
		scale_hint(&b->score, hint, sizeof(hint));
		snprintf(md, sizeof(md), "%s\n\n%s **%s** keeps it; **%s** skips the question.",
		         b->stage == B_BEFORE ? "How much distress do you feel right now, from 0 to 10?"
		                              : "And now, from 0 to 10?",
		         hint, keymap_label(ACT_SELECT, false), keymap_label(ACT_NEXT_FIELD, false));
		y += view_markdown(y, 2, w, 5, 0, md);
	}
		scale_draw(&b->score, y + 1, 4, w - 2, "calm", "most distress", true);
		return;
	case B_RUN: {
		struct pacer_now n;
		pacer_at(&b->pc, c->ses->now_ms, &n);
		char head[80];
		long long secs = (n.phase_left_ms + 999) / 1000;
		snprintf(head, sizeof(head), "%s%s  %lld", pacer_paused(&b->pc) ? "Paused. " : "", n.label,
		         secs);
		ui_puts(y + 1, 4, w - 4, ROLE_TITLE, head);
		int span = w - 8 > 60 ? 60 : w - 8;
		double f = n.filling ? n.progress : n.emptying ? 1 - n.progress : n.phase == 1 ? 1 : 0;
		if (!c->set->reduced_motion) {
			int len = (int)(f * span + 0.5);
			ui_fill(y + 3, 4, span, ROLE_MUTED);
			ui_fill(y + 3, 4, len, ROLE_SELECTED);
		}
		char cyc[64];
		snprintf(cyc, sizeof(cyc), "%d breath%s so far", n.cycle, n.cycle == 1 ? "" : "s");
		ui_puts(y + 5, 4, w - 4, ROLE_MUTED, cyc);
		char md[160];
		snprintf(md, sizeof(md), "**%s** pauses or goes on; **%s** ends here (that is fine).",
		         keymap_label(ACT_SELECT, false), keymap_label(ACT_BACK, false));
		view_markdown(y + 7, 2, w, 3, 0, md);
		return;
	}
	}
}

static struct step finish(struct ctx *c, struct breathe *b)
{
	struct error e = {0};
	if (!c->ses->vault) {
		/* Opened from the crisis screen before unlocking: nothing to keep. */
		return STEP(STEP_POP);
	}
	if (exercise_log(c->ses->vault, "Paced breathing", b->before, b->after, b->ran, &e)) {
		view_warn(c, &e);
	} else {
		if (b->ran)
			view_done(c, "paced-breathing", 0);
		char change[40];
		if (helpnow_change(b->before, b->after, change, sizeof(change)))
			view_note(c, ROLE_STATUS, "Noted; %s. Come back to it whenever you like.", change);
		else
			view_note(c, ROLE_STATUS, "%s", "Noted. Come back to it whenever you like.");
	}
	return STEP(STEP_POP);
}

static struct step breathe_action(struct ctx *c, void *st, enum action a)
{
	struct breathe *b = st;
	switch (b->stage) {
	case B_CHOOSE:
		if (a == ACT_UP || a == ACT_DOWN) {
			b->pattern = (b->pattern + (a == ACT_DOWN ? 1 : PACE_COUNT - 1)) % PACE_COUNT;
			return STEP(STEP_REDRAW);
		}
		if (a == ACT_LEFT || a == ACT_RIGHT) {
			b->pct = pacer_clamp_pct(b->pct + (a == ACT_RIGHT ? 10 : -10));
			return STEP(STEP_REDRAW);
		}
		if (a == ACT_SELECT) {
			b->stage = B_BEFORE;
			if (c->ses->vault) {
				char val[32];
				struct error e;
				snprintf(val, sizeof(val), "%d %d", (int)b->pattern, b->pct);
				settings_set(c->ses->vault, "breathe.pace", val, &e); /* a nicety */
			}
			return STEP(STEP_REDRAW);
		}
		return a == ACT_BACK ? STEP(STEP_POP) : STEP(STEP_NONE);
	case B_BEFORE:
	case B_AFTER:
		if (scale_action(&b->score, a))
			return STEP(STEP_REDRAW);
		if (a == ACT_SELECT || a == ACT_NEXT_FIELD) {
			/* Enter with nothing chosen keeps no number, as skipping does. */
			int given = a == ACT_SELECT ? b->score.value : -1;
			scale_init(&b->score, 0, 10);
			if (b->stage == B_AFTER) {
				b->after = given;
				return finish(c, b);
			}
			b->before = given;
			b->stage = B_RUN;
			pacer_start(&b->pc, b->pattern, b->pct, c->ses->now_ms);
			return STEP(STEP_REDRAW);
		}
		if (a == ACT_BACK)
			return b->stage == B_AFTER ? finish(c, b) : STEP(STEP_POP);
		return STEP(STEP_NONE);
	case B_RUN:
		if (a == ACT_SELECT) {
			if (pacer_paused(&b->pc))
				pacer_resume(&b->pc, c->ses->now_ms);
			else
				pacer_pause(&b->pc, c->ses->now_ms);
			b->due = 0;
			return STEP(STEP_REDRAW);
		}
		if (a == ACT_BACK) {
			struct pacer_now n;
			pacer_at(&b->pc, c->ses->now_ms, &n);
			b->ran = n.cycle > 0;
			b->stage = B_AFTER;
			return STEP(STEP_REDRAW);
		}
		return STEP(STEP_NONE);
	}
	return STEP(STEP_NONE);
}

static struct step breathe_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct breathe *b = st;
	if ((b->stage == B_BEFORE || b->stage == B_AFTER) && scale_text(&b->score, text, len, c->ses->now_ms))
		return STEP(STEP_REDRAW);
	return STEP(STEP_NONE);
}

static long long breathe_timer(struct ctx *c, void *st)
{
	struct breathe *b = st;
	if (b->stage != B_RUN)
		return -1;
	/* The hook asks "how long until due"; keep the due time on the clock
	 * so a late wake-up (or a jump of the fake clock) still fires. */
	if (!b->due) {
		long long next = pacer_next_ms(&b->pc, c->ses->now_ms, c->set->reduced_motion);
		if (next < 0)
			return -1;
		b->due = c->ses->now_ms + next;
	}
	return b->due > c->ses->now_ms ? b->due - c->ses->now_ms : 0;
}

static struct step breathe_on_timer(struct ctx *c, void *st)
{
	(void)c;
	struct breathe *b = st;
	b->due = 0;
	return STEP(STEP_REDRAW);
}

static const struct hint breathe_hints[] = {
	{ACT_SELECT, "go on / pause"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

const struct view_ops breathe_view = {
	.name = "breathe",
	.state_size = sizeof(struct breathe),
	.flags = VIEW_DIGITS,
	.hints = breathe_hints,
	.enter = breathe_enter,
	.draw = breathe_draw,
	.on_action = breathe_action,
	.on_text = breathe_text,
	.timer = breathe_timer,
	.on_timer = breathe_on_timer,
};
