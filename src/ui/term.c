#include "ui/term.h"
#include "curses_int.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "ui/input.h"
#include "util/termsafe.h"
#include "util/utf8.h"

static SCREEN *screen;
static FILE *own_in, *own_out;
static bool colors;
static attr_t role_attr[ROLE_COUNT];
static short role_pair[ROLE_COUNT];

/* fg, bg (-1: the terminal's own), and what monochrome uses instead. */
static const struct {
	short fg, bg;
	attr_t color_extra, mono;
} roles[ROLE_COUNT] = {
	[ROLE_NORMAL] = {-1, -1, 0, 0},
	[ROLE_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[ROLE_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	[ROLE_MUTED] = {-1, -1, A_DIM, A_DIM},
	[ROLE_EMPH] = {-1, -1, A_ITALIC, A_UNDERLINE},
	[ROLE_STRONG] = {-1, -1, A_BOLD, A_BOLD},
	[ROLE_CODE] = {COLOR_GREEN, -1, 0, A_BOLD},
	[ROLE_LINK] = {COLOR_BLUE, -1, A_UNDERLINE, A_UNDERLINE},
	[ROLE_QUOTE] = {COLOR_MAGENTA, -1, 0, A_DIM},
	[ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[ROLE_STATUS] = {COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE},
	[ROLE_KEY] = {COLOR_BLUE, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
	[ROLE_WARN] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[ROLE_CRISIS] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
	[ROLE_GOOD] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[ROLE_MOOD_LOW] = {COLOR_BLUE, -1, 0, 0},
	[ROLE_MOOD_MID] = {COLOR_YELLOW, -1, 0, 0},
	[ROLE_MOOD_HIGH] = {COLOR_GREEN, -1, 0, A_BOLD},
};

static void colors_init(bool no_color)
{
	colors = !no_color && has_colors() && start_color() == OK;
	if (colors)
		use_default_colors();
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (!colors) {
			role_attr[r] = roles[r].mono;
			role_pair[r] = 0;
			continue;
		}
		role_attr[r] = roles[r].color_extra;
		role_pair[r] = 0;
		if (roles[r].fg != -1 || roles[r].bg != -1) {
			if (init_pair((short)(r + 1), roles[r].fg, roles[r].bg) == OK)
				role_pair[r] = (short)(r + 1);
			else
				role_attr[r] = roles[r].mono;
		}
	}
}

int term_open(const struct term_opts *o, struct error *e)
{
	const char *t = getenv("TERM");
	if (!t || !*t || strcmp(t, "dumb") == 0)
		return error_set(e, E_FAIL, "This terminal cannot show tend's screens (TERM is %s). "
		                            "'tend --plain' asks the same things a line at a time "
		                            "here; or try another terminal, or see 'tend --help' "
		                            "for commands.",
		                 t && *t ? t : "not set");
	FILE *in = o->in, *out = o->out;
	if (!in || !out) {
		own_in = own_out = NULL;
		if (!in)
			in = own_in = fopen("/dev/tty", "r");
		if (!out)
			out = own_out = fopen("/dev/tty", "w");
		if (!in || !out) {
			if (own_in)
				fclose(own_in);
			if (own_out)
				fclose(own_out);
			own_in = own_out = NULL;
			return error_set(e, E_FAIL, "No terminal to draw on.");
		}
	}
	if (o->headless)
		use_env(TRUE);
	screen = newterm(NULL, out, in);
	if (!screen) {
		term_close();
		return error_set(e, E_FAIL, "The terminal type %s is not known here; try TERM=xterm, "
		                            "or 'tend --plain' for line prompts.",
		                 t);
	}
	set_term(screen);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colors_init(o->no_color);
	input_init_keys();
	/* Bracketed paste: a paste arrives as one event, not as keystrokes. */
	if (!o->headless) {
		define_key("\033[200~", KEY_MAX - 2);
		define_key("\033[201~", KEY_MAX - 1);
		fputs("\033[?2004h", out);
		fflush(out);
	}
	return 0;
}

void term_close(void)
{
	if (screen) {
		if (!isendwin()) {
			FILE *f = own_out ? own_out : NULL;
			if (f) {
				fputs("\033[?2004l", f);
				fflush(f);
			}
			endwin();
		}
		delscreen(screen);
		screen = NULL;
	}
	if (own_in)
		fclose(own_in);
	if (own_out)
		fclose(own_out);
	own_in = own_out = NULL;
}

void ui_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

void ui_erase(void)
{
	erase();
}

void ui_refresh(void)
{
	refresh();
}

void ui_wipe_scrollback(void)
{
	erase();
	clearok(curscr, TRUE);
	refresh();
	if (own_out) {
		/* Clear the screen and the scrollback (xterm, VTE, tmux, kitty). */
		fputs("\033[H\033[2J\033[3J", own_out);
		fflush(own_out);
	}
}

/* A control character is drawn as a replacement mark, one column wide
 * where utf8_fit counted none: the columns are counted again as drawn, so
 * a line with controls in it never runs past maxw (and wraps). */
static int put_wide(int y, int x, int maxw, attr_t a, short pair, const char *s, size_t len)
{
	size_t cols = 0;
	size_t n = utf8_fit(s, len, (size_t)maxw, NULL);
	wchar_t wbuf[256];
	size_t i = 0, adv;
	int done = 0;
	move(y, x);
	attr_set(a, pair, NULL);
	while (i < n) {
		size_t k = 0;
		while (i < n && k < sizeof(wbuf) / sizeof(wbuf[0]) - 1) {
			uint32_t cp = utf8_decode(s + i, n - i, &adv);
			if (termsafe_control(cp))
				cp = UTF8_REPLACEMENT;
			size_t w = (size_t)u_width(cp);
			if (cols + w > (size_t)maxw) {
				n = i;
				break;
			}
			cols += w;
			wbuf[k++] = (wchar_t)cp;
			i += adv;
		}
		wbuf[k] = 0;
		addnwstr(wbuf, (int)k);
		done = 1;
	}
	attr_set(A_NORMAL, 0, NULL);
	(void)done;
	return (int)cols;
}

int ui_put(int y, int x, int maxw, enum role r, const char *s, size_t len)
{
	if (maxw <= 0 || !s)
		return 0;
	return put_wide(y, x, maxw, role_attr[r], role_pair[r], s, len);
}

int ui_puts(int y, int x, int maxw, enum role r, const char *s)
{
	return s ? ui_put(y, x, maxw, r, s, strlen(s)) : 0;
}

int ui_put_attr(int y, int x, int maxw, enum role r, bool bold, bool underline, bool italic,
                const char *s, size_t len)
{
	if (maxw <= 0 || !s)
		return 0;
	attr_t a = role_attr[r];
	if (bold)
		a |= A_BOLD;
	if (underline)
		a |= A_UNDERLINE;
	if (italic)
		a |= colors ? A_ITALIC : A_UNDERLINE;
	return put_wide(y, x, maxw, a, role_pair[r], s, len);
}

void ui_fill(int y, int x, int w, enum role r)
{
	if (w <= 0)
		return;
	attr_set(role_attr[r], role_pair[r], NULL);
	mvhline(y, x, ' ', w);
	attr_set(A_NORMAL, 0, NULL);
}

void ui_cursor(int y, int x, bool visible)
{
	move(y, x);
	curs_set(visible ? 1 : 0);
}

void ui_cursor_get(int *y, int *x)
{
	getyx(stdscr, *y, *x);
}

void ui_cursor_move(int y, int x)
{
	move(y, x);
}

int ui_dump(FILE *out)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	wchar_t *w = calloc((size_t)cols + 1, sizeof(wchar_t));
	if (!w)
		return -1;
	for (int y = 0; y < rows; y++) {
		int n = mvinnwstr(y, 0, w, cols);
		if (n < 0)
			n = 0;
		w[n] = 0;
		while (n > 0 && w[n - 1] == L' ')
			w[--n] = 0;
		for (int i = 0; i < n; i++) {
			char u[4];
			size_t k = utf8_encode((uint32_t)w[i], u);
			fwrite(u, 1, k, out);
		}
		fputc('\n', out);
	}
	free(w);
	return 0;
}

int ui_dump_colors(FILE *out)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	for (int y = 0; y < rows; y++) {
		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			attr_t a;
			short pair = 0;
			wchar_t w[CCHARW_MAX + 1];
			if (mvin_wch(y, x, &cc) == OK)
				getcchar(&cc, w, &a, &pair, NULL);
			fputc(pair ? 'a' + (pair - 1) % 26 : '.', out);
		}
		fputc('\n', out);
	}
	return 0;
}

void ui_resize(int rows, int cols)
{
	resizeterm(rows, cols);
}
