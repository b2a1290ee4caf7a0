/* view.h: what a screen is. A view is a const table of callbacks; its
 * handlers change its state and return what should happen next, and the
 * main loop (app/app.c) applies that in one place. Handlers never draw and
 * never block; drawing happens in draw(), slow work in work(). */
#ifndef TEND_VIEWS_VIEW_H
#define TEND_VIEWS_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/action.h"
#include "ui/term.h"
#include "util/timefmt.h"

struct vault;
struct deleted_entry;
struct status_line;
struct view_result;

/* The config file's comfort settings and where things live: read once when
 * tend starts and never changed while it runs, so views get them const. */
struct settings {
	const char *data_dir;
	const char *config_dir;
	bool no_color;
	int autolock_min;    /* 0: never */
	bool reduced_motion; /* nothing animates */
	int week_start;      /* weeks begin on this weekday: 0 Monday, 6 Sunday */
	enum date_style date_style; /* dates on screen (view_date) */
	bool wide;           /* spacing = wide: more room in pages to read */
};

/* What changes while tend runs and every screen shares. */
struct session {
	struct vault *vault; /* NULL while locked */
	/* The crisis-line region code, e.g. "GB": from the config file, or as
	 * chosen on a region screen since (view_set_region). */
	char region[8];
	/* Milliseconds on a monotonic clock, set by the loop before each
	 * event (a fake clock in tests). */
	long long now_ms;
	/* Moves on whenever the journal changes; a screen that shows journal
	 * data keeps the value it last read at and reloads when it differs. */
	unsigned journal_gen;
	/* The entry a list opened (its address is the entry view's arg). */
	int64_t open_entry;
	/* The last deleted entry, kept in memory for undo until lock. */
	struct deleted_entry *last_deleted;
};

/* What a view is handed: the settings to read, the session, the status
 * bar's note (set with view_note), and the few ways one screen leaves
 * word for the loop or for another screen. The app owns all of it. */
struct ctx {
	const struct settings *set;
	struct session *ses;
	struct status_line *status;
	/* Opened over the home screen after STEP_UNLOCKED, once. */
	const struct view_ops *after_unlock;
	const void *after_arg;
	/* Set by the app: gives r to the on_result of every open view, top
	 * first, at once (view_done); a view's step other than STEP_NONE only
	 * redraws. */
	void (*tell_all)(struct ctx *c, const struct view_result *r);
};

enum step_kind {
	STEP_NONE,     /* nothing changed */
	STEP_REDRAW,
	STEP_PUSH,     /* open view on top, with arg */
	STEP_REPLACE,  /* replace this view with view */
	STEP_POP,      /* close this view */
	STEP_POP_TWO,  /* close this view and the one under it (a dialog and its screen) */
	STEP_HOME,     /* close everything down to the home screen */
	STEP_WORK,     /* redraw, then call work() (for slow things like unlock) */
	STEP_UNLOCKED, /* the vault is open now: show the home screen */
	STEP_LOCK,
	STEP_HIDE,
	STEP_QUIT,
};

struct view_ops;
struct jfilter;

/* What a closing view hands back to the view under it, in place of writing
 * into that view's state through its arg. */
enum result_kind {
	RESULT_NONE,
	RESULT_CHECKIN, /* a check-in asked for by an entry was saved: id */
	RESULT_FILTER,  /* the search filters as they were left: filter */
	RESULT_KEPT,    /* something the view below shows was kept (homework) */
	RESULT_CHOSEN,  /* go on with item id (homework's note before an item) */
	RESULT_LINE,    /* show line id at the top (a page's contents) */
	RESULT_TEXT,    /* text, len: what was typed (a page's search prompt) */
	RESULT_SCORES,  /* scores, len of them: every mood scored (import) */
	RESULT_DONE,    /* text, len: what was done, id: its entry (view_done) */
};

struct view_result {
	enum result_kind kind;
	int64_t id;
	/* These point into the closing view's state: valid only in on_result. */
	const struct jfilter *filter;
	const char *text;
	const int *scores;
	size_t len;
};

struct step {
	enum step_kind kind;
	const struct view_ops *view;
	const void *arg;
	/* STEP_POP and STEP_REPLACE: given to the on_result of the view under
	 * this one as this one closes (before its leave, so the result may
	 * point into its state); the step on_result returns is applied next. */
	struct view_result result;
};

#define STEP(k) ((struct step){.kind = (k)})
#define PUSH(v, a) ((struct step){.kind = STEP_PUSH, .view = &(v), .arg = (a)})
#define REPLACE(v, a) ((struct step){.kind = STEP_REPLACE, .view = &(v), .arg = (a)})
/* Closes this view with a result: POP_WITH(.kind = RESULT_KEPT). */
#define POP_WITH(...) ((struct step){.kind = STEP_POP, .result = {__VA_ARGS__}})

enum {
	VIEW_TAKES_TEXT = 1u << 0, /* printable keys are text */
	VIEW_NEEDS_VAULT = 1u << 1, /* closed on lock */
	VIEW_OVERLAY = 1u << 2,    /* drawn over the view below (help, dialogs) */
	VIEW_ANY_SIZE = 1u << 3,   /* drawn even when the window is very small */
	VIEW_NO_LOCK = 1u << 4,    /* lock and hide mean nothing here (unlock) */
	VIEW_BARE = 1u << 5,       /* no status bar (the neutral hidden screen) */
	VIEW_DIGITS = 1u << 6,     /* digits go to on_text; other keys as usual (scales) */
	VIEW_SPACE_TICKS = 1u << 7, /* Space goes to on_text (a list of boxes to tick) */
};

/* A key worth showing in the status bar, with what it does here. */
struct hint {
	enum action a;
	const char *label;
};

struct view_ops {
	const char *name;
	size_t state_size;
	unsigned flags;
	/* Status bar keys, ending with {ACT_NONE, NULL}. */
	const struct hint *hints;
	int (*enter)(struct ctx *c, void *state, const void *arg);
	void (*leave)(struct ctx *c, void *state);
	void (*draw)(struct ctx *c, void *state, int rows, int cols);
	struct step (*on_action)(struct ctx *c, void *state, enum action a);
	struct step (*on_text)(struct ctx *c, void *state, const char *text, size_t len);
	struct step (*work)(struct ctx *c, void *state);
	/* Before the vault closes (lock, signal, lost terminal): save drafts. */
	void (*before_lock)(struct ctx *c, void *state);
	/* A timer for the top view: milliseconds until on_timer is wanted
	 * (-1: none). Asked after every event; c->ses->now_ms is the clock. */
	long long (*timer)(struct ctx *c, void *state);
	struct step (*on_timer)(struct ctx *c, void *state);
	/* A result: from the view above, as it closed (struct step), or told
	 * to every open view (view_done). Kinds it does not know it ignores. */
	struct step (*on_result)(struct ctx *c, void *state, const struct view_result *r);
};

extern const struct view_ops unlock_view, onboard_view, home_view, crisis_view, region_view,
    help_view, hidden_view, learn_list_view, learn_page_view, confirm_view, ask_view;

/* True when set-up was left after the vault was made (the recovery code
 * not yet checked, or the region step not done): unlocking then opens
 * onboard_view with a non-NULL arg, which goes on from there. */
bool onboard_unfinished(struct ctx *c);

/* A yes/no question over the current screen (arg: struct confirm, kept
 * alive by the caller). "No" is chosen first when yes_is_risky. */
struct confirm {
	const char *title, *message, *yes, *no;
	bool yes_is_risky;
	/* Called on yes with data; its step is applied after the dialog closes. */
	struct step (*on_yes)(struct ctx *c, void *data);
	void *data;
	/* Called, when set, on choosing "no" (not on Esc, which only closes). */
	struct step (*on_no)(struct ctx *c, void *data);
};

/* One line of text asked for over the current screen (arg: struct ask). */
struct ask {
	const char *title, *label;
	/* What to type (a range or a format), shown before anything is typed. */
	const char *about;
	const char *initial;
	/* Called with the text on Enter; returning -1 with e filled keeps the
	 * dialog open and shows e->msg. */
	int (*on_done)(struct ctx *c, void *data, const char *text, struct error *e);
	void *data;
	/* A small form instead: up to two more lines under the first, Tab
	 * moving between them; on_form gets every line's text on Enter. */
	const char *more_labels[2], *more_initial[2];
	int (*on_form)(struct ctx *c, void *data, const char *const *texts, struct error *e);
};

/* ---- drawing helpers shared by views (views/common.c) ---- */
struct layout_line;
/* The screen's title on row 0 and a rule under it; returns the next row. */
int view_title(int cols, const char *title);
/* Draws one rendered line, mapping its styles to roles. */
void view_draw_line(int y, int x, int w, const struct layout_line *ln);
/* Renders Markdown in w columns from row y, skipping the first `skip`
 * lines and drawing at most maxrows; returns the total line count. */
int view_markdown(int y, int x, int w, int maxrows, int skip, const char *md);
/* The same, spaced out when wide (LAYOUT_WIDE). */
int view_markdown_flags(int y, int x, int w, int maxrows, int skip, const char *md, bool wide);
/* Where reading text goes across cols columns: from column *x, *w wide, at
 * most max. With spacing = wide the margins are wider (6 columns a side
 * from 72 columns up, 4 below). */
void view_reading_box(const struct ctx *c, int cols, int max, int *x, int *w);
/* Sets the status bar's note, shown once in role r (ROLE_WARN for a
 * warning): the one way a view or the app writes it. A note too long for
 * the line is cut at a whole character. */
void view_note(struct ctx *c, enum role r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A box over the screen for a dialog: at most maxw columns wide (8 less
 * than cols), height rows, centred (from row 1 at the least), framed by a
 * band in ROLE_SELECTED and cleared inside; its text area is *w columns
 * from row *y0, column *x0. */
void view_box(int rows, int cols, int maxw, int height, int *y0, int *x0, int *w);
/* Shows an error's message in the status bar as a warning. */
void view_warn(struct ctx *c, const struct error *e);
/* Tells every open view that something was done (RESULT_DONE): an
 * exercise's id or a page's path was finished, or "entry" with its id was
 * saved. A screen that sent the person to do it (homework) counts it. */
void view_done(struct ctx *c, const char *what, int64_t id);
/* Sets the session's region and saves it in the config file. */
void view_set_region(struct ctx *c, const char *code);
/* A moment (Unix seconds and the offset it was written at) as a date in the
 * config file's format and the time: "23 November 2026 08:10". */
void view_date_time(const struct ctx *c, int64_t at, int off_min, char *out, size_t size);
/* The same from a stored stamp ("2026-11-23T08:10:00+01:00"); a stamp that
 * is not one is copied as it is. */
void view_stamp(const struct ctx *c, const char *stamp, char *out, size_t size);
/* Just the day of a moment, in the config file's format. */
void view_date(const struct ctx *c, int64_t at, int off_min, char *out, size_t size);

/* The list of crisis-line regions (set-up and region_view): a row is a
 * region's name, followed by mark when it is the current one. menu_draw's
 * row function (views/crisis.c), with data a struct region_rows. */
struct crisis_data;
struct list_row;
struct region_rows {
	const struct crisis_data *d;
	const char *current, *mark;
};
int view_region_row(const void *data, const struct list_row *r);

#endif
