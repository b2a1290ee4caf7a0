/* dialog.c: small questions over the current screen: yes/no, and one
 * line of text. Modal views on the stack, never a nested input loop. */
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"
#include "views/view.h"
#include "widgets/field.h"
#include "widgets/list.h"

/* ---- yes / no ----------------------------------------------------------------- */

struct confirm_state {
	const struct confirm *q;
	int choice; /* 0 no, 1 yes */
};

static int confirm_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	struct confirm_state *s = st;
	s->q = arg;
	s->choice = s->q->yes_is_risky ? 0 : 1;
	return 0;
}

static void confirm_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct confirm_state *s = st;
	int y0, x0, w;
	view_box(rows, cols, 70, 8, &y0, &x0, &w);
	ui_puts(y0, x0, w, ROLE_TITLE, s->q->title);
	view_markdown(y0 + 2, x0, w, 3, 0, s->q->message);
	char no[64], yes[64];
	snprintf(no, sizeof(no), " %s ", s->q->no);
	snprintf(yes, sizeof(yes), " %s ", s->q->yes);
	int x = x0;
	x += ui_puts(y0 + 6, x, w, list_role(s->choice == 0, ROLE_NORMAL), no) + 3;
	ui_puts(y0 + 6, x, w - (x - x0), list_role(s->choice == 1, ROLE_NORMAL), yes);
}

static struct step confirm_action(struct ctx *c, void *st, enum action a)
{
	struct confirm_state *s = st;
	switch (a) {
	case ACT_LEFT:
	case ACT_RIGHT:
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
	case ACT_UP:
	case ACT_DOWN:
		s->choice = !s->choice;
		return STEP(STEP_REDRAW);
	case ACT_SELECT:
		if (s->choice && s->q->on_yes) {
			struct step next = s->q->on_yes(c, s->q->data);
			if (next.kind == STEP_POP)
				return STEP(STEP_POP_TWO);
			if (next.kind == STEP_NONE || next.kind == STEP_REDRAW)
				return STEP(STEP_POP);
			return next;
		}
		if (!s->choice && s->q->on_no) {
			struct step next = s->q->on_no(c, s->q->data);
			if (next.kind == STEP_POP)
				return STEP(STEP_POP_TWO);
			if (next.kind == STEP_NONE || next.kind == STEP_REDRAW)
				return STEP(STEP_POP);
			return next;
		}
		return STEP(STEP_POP);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint confirm_hints[] = {
	{ACT_SELECT, "choose"},
	{ACT_BACK, "cancel"},
	{ACT_NONE, NULL},
};

const struct view_ops confirm_view = {
	.name = "confirm",
	.state_size = sizeof(struct confirm_state),
	.flags = VIEW_OVERLAY,
	.hints = confirm_hints,
	.enter = confirm_enter,
	.draw = confirm_draw,
	.on_action = confirm_action,
};

/* ---- one line of text ------------------------------------------------------------ */

struct ask_state {
	const struct ask *q;
	struct field f[3];
	int nf, focus;
	char msg[sizeof(((struct error *)0)->msg)];
};

static int ask_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	struct ask_state *s = st;
	s->q = arg;
	s->nf = 1 + (s->q->more_labels[0] != NULL) + (s->q->more_labels[1] != NULL);
	for (int i = 0; i < s->nf; i++) {
		const char *init = i ? s->q->more_initial[i - 1] : s->q->initial;
		if (field_init(&s->f[i], false, NULL, NULL))
			return -1;
		if (init)
			field_insert(&s->f[i], init, strlen(init));
	}
	return 0;
}

static void ask_leave(struct ctx *c, void *st)
{
	(void)c;
	struct ask_state *s = st;
	for (int i = 0; i < s->nf; i++)
		field_free(&s->f[i]);
}

static void ask_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct ask_state *s = st;
	int y0, x0, w;
	view_box(rows, cols, 70, 6 + s->nf, &y0, &x0, &w);
	ui_puts(y0, x0, w, ROLE_TITLE, s->q->title);
	if (s->q->about)
		ui_puts(y0 + 1, x0, w, ROLE_MUTED, s->q->about);
	if (s->msg[0])
		ui_puts(y0 + 3 + s->nf, x0, w, ROLE_WARN, s->msg);
	int lw = 0;
	for (int i = 0; i < s->nf; i++) {
		const char *l = i ? s->q->more_labels[i - 1] : s->q->label;
		int lwi = l ? (int)utf8_width(l, strlen(l)) + 1 : 0;
		lw = lwi > lw ? lwi : lw;
	}
	/* The focused field last, so the cursor ends up in it. */
	for (int k = 1; k <= s->nf; k++) {
		int i = (s->focus + k) % s->nf;
		const char *l = i ? s->q->more_labels[i - 1] : s->q->label;
		if (l)
			ui_puts(y0 + 2 + i, x0, w, ROLE_NORMAL, l);
		field_draw(&s->f[i], y0 + 2 + i, x0 + lw, w - lw,
		           i == s->focus ? ROLE_SELECTED : ROLE_MUTED);
	}
}

static struct step ask_text(struct ctx *c, void *st, const char *t, size_t n)
{
	(void)c;
	struct ask_state *s = st;
	s->msg[0] = '\0';
	field_insert(&s->f[s->focus], t, n);
	return STEP(STEP_REDRAW);
}

static struct step ask_action(struct ctx *c, void *st, enum action a)
{
	struct ask_state *s = st;
	if (field_action(&s->f[s->focus], a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if ((a == ACT_NEXT_FIELD || a == ACT_DOWN || a == ACT_PREV_FIELD || a == ACT_UP) &&
	    s->nf > 1) {
		bool fwd = a == ACT_NEXT_FIELD || a == ACT_DOWN;
		s->focus = (s->focus + (fwd ? 1 : s->nf - 1)) % s->nf;
		return STEP(STEP_REDRAW);
	}
	if (a != ACT_SELECT)
		return STEP(STEP_NONE);
	struct error e = {0};
	const char *texts[3] = {s->f[0].buf, s->nf > 1 ? s->f[1].buf : NULL,
	                        s->nf > 2 ? s->f[2].buf : NULL};
	int rc = s->q->on_form ? s->q->on_form(c, s->q->data, texts, &e)
	         : s->q->on_done ? s->q->on_done(c, s->q->data, texts[0], &e)
	                         : 0;
	if (rc) {
		snprintf(s->msg, sizeof(s->msg), "%s", e.msg);
		return STEP(STEP_REDRAW);
	}
	return STEP(STEP_POP);
}

static const struct hint ask_hints[] = {
	{ACT_SELECT, "done"},
	{ACT_BACK, "cancel"},
	{ACT_NONE, NULL},
};

const struct view_ops ask_view = {
	.name = "ask",
	.state_size = sizeof(struct ask_state),
	.flags = VIEW_OVERLAY | VIEW_TAKES_TEXT,
	.hints = ask_hints,
	.enter = ask_enter,
	.leave = ask_leave,
	.draw = ask_draw,
	.on_action = ask_action,
	.on_text = ask_text,
};
