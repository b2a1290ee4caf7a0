/* app.c: the one input loop. Views return steps; this file applies them. */
#include "app/app.h"

#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/config.h"
#include "content/crisis.h"
#include "store/entries.h"
#include "store/vault.h"
#include "ui/action.h"
#include "ui/term.h"
#include "util/buf.h"
#include "util/path.h"
#include "util/utf8.h"
#include "views/status.h"
#include "views/view.h"

#define MIN_ROWS 18
#define MIN_COLS 60
#define MAX_VIEWS 16

struct frame {
	const struct view_ops *ops;
	void *state;
};

struct app {
	struct settings set;
	struct session ses;
	struct ctx ctx; /* what views get: set (const), ses, the note */
	struct frame stack[MAX_VIEWS];
	int n;
	bool dirty, work_pending, quit;
	int status;
	long long last_input_ms;
	long long data_version, next_poll_ms; /* the vault as last seen */
	const struct app_io *io;
};

/* How often an idle screen looks for changes another tend made. */
#define POLL_MS 2000

static long long real_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const struct app_io *clock_io;

static long long now_ms(void)
{
	if (clock_io && clock_io->now_ms)
		return clock_io->now_ms(clock_io->arg);
	return real_now_ms();
}

static struct frame *top(struct app *a)
{
	return a->n ? &a->stack[a->n - 1] : NULL;
}

/* Closes the top view. A result goes to the view under it first, while
 * the closing view's state (which the result may point into) is whole;
 * returns the step that view asks for, to be applied after this one. */
static struct step pop_with(struct app *a, const struct view_result *r)
{
	struct frame *f = top(a);
	struct step next = STEP(STEP_NONE);
	if (!f)
		return next;
	struct frame *below = a->n > 1 ? &a->stack[a->n - 2] : NULL;
	if (r->kind != RESULT_NONE && below && below->ops->on_result)
		next = below->ops->on_result(&a->ctx, below->state, r);
	if (f->ops->leave)
		f->ops->leave(&a->ctx, f->state);
	if (f->state) {
		mem_wipe(f->state, f->ops->state_size);
		free(f->state);
	}
	a->n--;
	a->dirty = true;
	return next;
}

/* c->tell_all: a result for every open view, not only the one below. */
static void tell_all(struct ctx *c, const struct view_result *r)
{
	struct app *a = (struct app *)(void *)((char *)c - offsetof(struct app, ctx));
	for (int i = a->n - 1; i >= 0; i--) {
		const struct frame *f = &a->stack[i];
		if (f->ops->on_result && f->ops->on_result(c, f->state, r).kind != STEP_NONE)
			a->dirty = true;
	}
}

static void pop(struct app *a)
{
	pop_with(a, &(struct view_result){.kind = RESULT_NONE});
}

static void push(struct app *a, const struct view_ops *ops, const void *arg)
{
	if (a->n == MAX_VIEWS) {
		view_note(&a->ctx, ROLE_WARN, "Too many screens open; go back first.");
		return;
	}
	void *state = calloc(1, ops->state_size ? ops->state_size : 1);
	if (!state) {
		view_note(&a->ctx, ROLE_WARN, "Out of memory.");
		return;
	}
	a->stack[a->n++] = (struct frame){ops, state};
	if (ops->enter && ops->enter(&a->ctx, state, arg) != 0) {
		if (!*status_line_text(a->ctx.status, NULL))
			view_note(&a->ctx, ROLE_WARN, "That screen could not open.");
		pop(a);
	}
	a->dirty = true;
}

static void pop_all(struct app *a)
{
	while (a->n)
		pop(a);
}

/* Everything that must happen before the vault closes. */
static void close_vault(struct app *a)
{
	for (int i = a->n - 1; i >= 0; i--)
		if (a->stack[i].ops->before_lock)
			a->stack[i].ops->before_lock(&a->ctx, a->stack[i].state);
	deleted_entry_free(a->ses.last_deleted);
	a->ses.last_deleted = NULL;
	if (a->ses.vault) {
		vault_close(a->ses.vault);
		a->ses.vault = NULL;
	}
}

static void lock(struct app *a)
{
	bool was_open = a->ses.vault != NULL;
	/* Someone reading crisis lines keeps them in front of the lock. */
	bool crisis = a->n && top(a)->ops == &crisis_view;
	close_vault(a);
	pop_all(a);
	push(a, &unlock_view, NULL);
	if (crisis)
		push(a, &crisis_view, NULL);
	if (was_open)
		view_note(&a->ctx, ROLE_MUTED, "Locked. Your writing is saved in the vault.");
}

static void apply(struct app *a, struct step s)
{
	struct step next = STEP(STEP_NONE);
	switch (s.kind) {
	case STEP_NONE:
		break;
	case STEP_REDRAW:
		a->dirty = true;
		break;
	case STEP_PUSH:
		push(a, s.view, s.arg);
		break;
	case STEP_REPLACE:
		next = pop_with(a, &s.result);
		push(a, s.view, s.arg);
		break;
	case STEP_POP:
	case STEP_POP_TWO:
		next = pop_with(a, &s.result);
		if (s.kind == STEP_POP_TWO && a->n > 1)
			pop(a);
		if (!a->n)
			a->quit = true;
		break;
	case STEP_HOME:
		while (a->n > 1)
			pop(a);
		if (!a->n || a->stack[0].ops != &home_view) {
			pop_all(a);
			push(a, a->ses.vault ? &home_view : &unlock_view, NULL);
		}
		break;
	case STEP_WORK:
		a->dirty = true;
		a->work_pending = true;
		break;
	case STEP_UNLOCKED:
		pop_all(a);
		push(a, &home_view, NULL);
		if (a->ctx.after_unlock) {
			push(a, a->ctx.after_unlock, a->ctx.after_arg);
			a->ctx.after_unlock = NULL;
		}
		break;
	case STEP_LOCK:
		lock(a);
		break;
	case STEP_HIDE:
		close_vault(a);
		pop_all(a);
		ui_wipe_scrollback();
		push(a, &hidden_view, NULL);
		break;
	case STEP_QUIT:
		a->quit = true;
		break;
	}
	if (next.kind != STEP_NONE)
		apply(a, next);
}

/* A note too long for the status bar wraps at spaces onto up to three
 * more rows above it, over the bottom of the screen, so a message such as
 * why something was not saved is read whole. */
static void draw_note(const char *note, enum role r, int y, int x, int cols)
{
	enum { MAX_LINES = 4 };
	const char *line[MAX_LINES];
	size_t len[MAX_LINES];
	int n = 0, w = cols - x - 2;
	size_t left = strlen(note);
	while (left && n < MAX_LINES && w > 0) {
		size_t next, fit;
		if (n < MAX_LINES - 1)
			fit = utf8_wrap(note, left, (size_t)w, &next);
		else /* the last row takes what fits, broken or not */
			fit = next = utf8_fit(note, left, (size_t)w, NULL);
		line[n] = note;
		len[n++] = fit;
		note += next, left -= next;
	}
	for (int i = 0; i < n; i++) {
		int row = y - (n - 1) + i;
		if (row < 0)
			continue;
		/* Rows above the bar are cleared whole, so the note does not sit
		 * beside what the screen drew there. */
		ui_fill(row, i == n - 1 ? x : 0, i == n - 1 ? cols - x : cols, r);
		ui_put(row, x + 1, w, r, line[i], len[i]);
	}
}

static void draw_status(struct app *a, const struct view_ops *ops, int y, int cols)
{
	ui_fill(y, 0, cols, ROLE_STATUS);
	bool text = (ops->flags & VIEW_TAKES_TEXT) != 0;
	int x = 0;
	char key[16], label[64];
	/* The crisis key is always first, on every screen. */
	snprintf(label, sizeof(label), " %s ", keymap_key_for(ACT_CRISIS, text, key));
	x += ui_puts(y, x, cols - x, ROLE_CRISIS, label);
	x += ui_puts(y, x, cols - x, ROLE_STATUS, " crisis help ");
	/* A note takes the place of the hints until the next key. */
	enum role r;
	const char *note = status_line_text(a->ctx.status, &r);
	if (*note) {
		draw_note(note, r == ROLE_WARN ? ROLE_WARN : ROLE_STATUS, y, x, cols);
		return;
	}
	for (const struct hint *h = ops->hints; h && h->a != ACT_NONE && x < cols; h++) {
		const char *name = keymap_key_for(h->a, text, key);
		if (!*name)
			continue; /* no key for it here (the config file took it) */
		snprintf(label, sizeof(label), " %s", name);
		/* A hint that does not fit whole is left out, not cut to "F2 check-i"
		 * (the keys overlay lists them all); a shorter one after it may fit. */
		size_t need = utf8_width(label, strlen(label)) + 1 + utf8_width(h->label, strlen(h->label));
		if ((size_t)x + need > (size_t)cols)
			continue;
		x += ui_puts(y, x, cols - x, ROLE_KEY, label);
		snprintf(label, sizeof(label), " %s ", h->label);
		x += ui_puts(y, x, cols - x, ROLE_STATUS, label);
	}
}

static void draw_too_small(int rows, int cols)
{
	int y = view_markdown(0, 0, cols, rows - 1, 0,
	                      "Please make this window larger: tend needs at least 60 columns "
	                      "and 18 rows.");
	if (y < rows) {
		ui_fill(y + (y + 1 < rows), 0, cols, ROLE_CRISIS);
		char key[16], label[48];
		snprintf(label, sizeof(label), "%s: crisis help", keymap_key_for(ACT_CRISIS, true, key));
		ui_puts(y + (y + 1 < rows), 0, cols, ROLE_CRISIS, label);
	}
}

static void draw(struct app *a)
{
	int rows, cols;
	ui_size(&rows, &cols);
	ui_erase();
	ui_cursor(0, 0, false);
	struct frame *t = top(a);
	if (!t) {
		ui_refresh();
		return;
	}
	if ((rows < MIN_ROWS || cols < MIN_COLS) && !(t->ops->flags & VIEW_ANY_SIZE)) {
		draw_too_small(rows, cols);
	} else {
		int base = a->n - 1;
		while (base > 0 && (a->stack[base].ops->flags & VIEW_OVERLAY))
			base--;
		for (int i = base; i < a->n; i++) {
			ui_cursor(0, 0, false);
			a->stack[i].ops->draw(&a->ctx, a->stack[i].state, rows - 1, cols);
		}
		/* The status bar must not move the cursor a view placed. */
		int cy, cx;
		ui_cursor_get(&cy, &cx);
		if (!(t->ops->flags & VIEW_BARE))
			draw_status(a, t->ops, rows - 1, cols);
		ui_cursor_move(cy, cx);
	}
	ui_refresh();
	a->dirty = false;
}

static long long view_timer(struct app *a)
{
	struct frame *t = top(a);
	if (!t || !t->ops->timer)
		return -1;
	a->ses.now_ms = now_ms();
	return t->ops->timer(&a->ctx, t->state);
}

/* Another tend (a check-in from a script, a second window) may have changed
 * the vault: the journal, home and the other lists read it again. */
static void poll_vault(struct app *a)
{
	if (!a->ses.vault) {
		a->data_version = -1;
		return;
	}
	long long now = now_ms();
	if (a->data_version >= 0 && now < a->next_poll_ms)
		return;
	a->next_poll_ms = now + POLL_MS;
	long long v = vault_data_version(a->ses.vault);
	if (a->data_version >= 0 && v >= 0 && v != a->data_version) {
		a->ses.journal_gen++;
		a->dirty = true;
	}
	a->data_version = v;
}

static int timeout_for(struct app *a)
{
	long long left = -1;
	/* No auto-lock while the first run shows the recovery code. */
	struct frame *t = top(a);
	if (a->ses.vault && a->set.autolock_min > 0 && !(t && (t->ops->flags & VIEW_NO_LOCK))) {
		left = a->last_input_ms + (long long)a->set.autolock_min * 60000 - now_ms();
		if (left < 0)
			left = 0;
	}
	if (a->ses.vault && (left < 0 || left > POLL_MS))
		left = POLL_MS;
	long long vt = view_timer(a);
	if (vt >= 0 && (left < 0 || vt < left))
		left = vt;
	if (left < 0)
		return -1;
	return (int)(left < 60000 ? left : 60000);
}

static bool autolock_due(struct app *a)
{
	struct frame *t = top(a);
	return a->ses.vault && a->set.autolock_min > 0 && !(t->ops->flags & VIEW_NO_LOCK) &&
	       now_ms() - a->last_input_ms >= (long long)a->set.autolock_min * 60000;
}

static void handle_action(struct app *a, enum action act)
{
	struct frame *t = top(a);
	switch (act) {
	case ACT_CRISIS:
		if (t->ops != &crisis_view)
			push(a, &crisis_view, NULL);
		return;
	case ACT_HELP:
		if (t->ops != &help_view)
			push(a, &help_view, t->ops);
		return;
	case ACT_LOCK:
		if (!(t->ops->flags & VIEW_NO_LOCK) || a->ses.vault)
			apply(a, STEP(STEP_LOCK));
		return;
	case ACT_HIDE:
		apply(a, STEP(STEP_HIDE));
		return;
	case ACT_QUIT:
		apply(a, STEP(STEP_QUIT));
		return;
	default:
		break;
	}
	if (t->ops->on_action)
		apply(a, t->ops->on_action(&a->ctx, t->state, act));
}

static void handle(struct app *a, const struct event *ev)
{
	struct frame *t = top(a);
	bool text = (t->ops->flags & VIEW_TAKES_TEXT) != 0;
	switch (ev->type) {
	case EV_RESIZE:
		a->dirty = true;
		return;
	case EV_TIMEOUT:
		if (t->ops->on_timer && view_timer(a) == 0)
			apply(a, t->ops->on_timer(&a->ctx, t->state));
		if (autolock_due(a)) {
			apply(a, STEP(STEP_LOCK));
			view_note(&a->ctx, ROLE_MUTED, "Locked after a quiet while. Your writing is saved.");
		}
		return;
	case EV_SIGNAL:
		/* Saved and closed like a quit, then the usual 128 + signal. */
		a->status = 128 + input_signal();
		a->quit = true;
		return;
	case EV_EOF:
		/* The terminal went away: drafts are saved and the vault closed,
		 * which is a clean end. */
		a->quit = true;
		return;
	case EV_KEY:
		handle_action(a, keymap_lookup(ev->key, text));
		return;
	case EV_TEXT:
		if (t->ops->on_text && (text || ((t->ops->flags & VIEW_DIGITS) && ev->text[0] >= '0' &&
		                                 ev->text[0] <= '9' && !ev->text[1]) ||
		                        ((t->ops->flags & VIEW_SPACE_TICKS) && ev->text[0] == ' ' &&
		                         !ev->text[1])))
			apply(a, t->ops->on_text(&a->ctx, t->state, ev->text, strlen(ev->text)));
		else
			handle_action(a, keymap_lookup(ev->key, false));
		return;
	case EV_PASTE:
		if (text && t->ops->on_text)
			apply(a, t->ops->on_text(&a->ctx, t->state, ev->paste, ev->paste_len));
		return;
	default:
		return;
	}
}

static void term_read(struct event *ev, int timeout_ms, void *arg)
{
	(void)arg;
	input_read(ev, timeout_ms);
}

static void load_settings(struct app *a, struct paths *p)
{
	struct config cfg;
	config_load(p->config_dir, &cfg);
	keymap_configure(&cfg);
	a->set.autolock_min = cfg.autolock_min;
	if (cfg.color == 0)
		a->set.no_color = true;
	a->set.reduced_motion = cfg.reduced_motion == 1;
	a->set.week_start = cfg.week_start;
	a->set.date_style = cfg.date_style;
	a->set.wide = cfg.wide != 0;
	if (cfg.nwarnings) {
		if (cfg.nwarnings > 1)
			view_note(&a->ctx, ROLE_WARN, "%.*s (%d more: tend keys lists them)",
			          (int)utf8_cut(cfg.warnings[0], 150), cfg.warnings[0], cfg.nwarnings - 1);
		else
			view_note(&a->ctx, ROLE_WARN, "%s", cfg.warnings[0]);
	}
	/* The crisis data is read at start only when a region must be guessed. */
	if (cfg.region[0]) {
		snprintf(a->ses.region, sizeof(a->ses.region), "%s", cfg.region);
		return;
	}
	struct crisis_data d;
	struct error e;
	if (crisis_load(&d, &e) == 0) {
		snprintf(a->ses.region, sizeof(a->ses.region), "%s", crisis_pick_region(&d, NULL));
		crisis_free(&d);
	} else {
		snprintf(a->ses.region, sizeof(a->ses.region), "INTL");
	}
}

/* While curses owns the screen, stderr goes into a pipe that is shown
 * after the screen is given back (a full pipe drops text, never blocks). */
static int hold_stderr(int *saved)
{
	int fds[2];
	*saved = -1;
	if (pipe(fds) != 0)
		return -1;
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	*saved = dup(STDERR_FILENO);
	dup2(fds[1], STDERR_FILENO);
	close(fds[1]);
	return fds[0];
}

static void release_stderr(int rd, int saved)
{
	if (saved < 0)
		return;
	dup2(saved, STDERR_FILENO);
	close(saved);
	char buf[4096];
	ssize_t n;
	while (rd >= 0 && (n = read(rd, buf, sizeof(buf))) > 0)
		if (write(STDERR_FILENO, buf, (size_t)n) < 0)
			break;
	if (rd >= 0)
		close(rd);
}

static void app_free(struct app *a)
{
	status_line_free(a->ctx.status);
	mem_wipe(a, sizeof(*a));
	free(a);
}

int app_run(const struct app_opts *o)
{
	static const struct app_io term_io = {term_read, NULL, NULL};
	struct app *a = calloc(1, sizeof(*a));
	if (!a)
		return E_FAIL;
	a->ctx.set = &a->set;
	a->ctx.ses = &a->ses;
	a->ctx.tell_all = tell_all;
	a->ctx.status = status_line_new();
	if (!a->ctx.status) {
		app_free(a);
		return E_FAIL;
	}
	a->data_version = -1;
	struct paths p;
	struct error e = {0};
	if (paths_resolve(&p, &e)) {
		fprintf(stderr, "tend: %s\n", e.msg);
		app_free(a);
		return e.code;
	}
	a->io = o->io ? o->io : &term_io;
	clock_io = a->io;
	a->set.data_dir = p.data_dir;
	a->set.config_dir = p.config_dir;
	const char *nc = getenv("NO_COLOR");
	a->set.no_color = nc && *nc;
	load_settings(a, &p);

	struct term_opts to = {o->in, o->out, a->set.no_color, o->headless};
	int saved_err = -1, err_rd = -1;
	if (!o->headless)
		err_rd = hold_stderr(&saved_err);
	if (term_open(&to, &e)) {
		release_stderr(err_rd, saved_err);
		fprintf(stderr, "tend: %s\n", e.msg);
		paths_free(&p);
		app_free(a);
		return e.code;
	}
	if (!o->headless)
		input_install_signals();
	push(a, vault_exists(p.data_dir) ? &unlock_view : &onboard_view, NULL);
	a->last_input_ms = now_ms();
	a->dirty = true;
	while (!a->quit && a->n) {
		poll_vault(a);
		if (a->dirty)
			draw(a);
		if (a->work_pending) {
			a->work_pending = false;
			struct frame *t = top(a);
			if (t->ops->work)
				apply(a, t->ops->work(&a->ctx, t->state));
			continue;
		}
		struct event ev;
		a->io->read(&ev, timeout_for(a), a->io->arg);
		if (ev.type == EV_NONE)
			continue;
		if (ev.type != EV_TIMEOUT) {
			a->last_input_ms = now_ms();
			/* A note is read once; the next key clears it. */
			if (ev.type != EV_RESIZE)
				status_line_clear(a->ctx.status);
			a->dirty = true;
		}
		a->ses.now_ms = now_ms();
		handle(a, &ev);
		input_release();
	}
	close_vault(a);
	pop_all(a);
	term_close();
	release_stderr(err_rd, saved_err);
	paths_free(&p);
	int status = a->status;
	app_free(a);
	return status;
}
