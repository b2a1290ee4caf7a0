/* term.h: the terminal, drawn by roles and columns. It names no curses
 * type: curses is included by src/ui/curses_int.h, for term.c and input.c
 * alone, so the views and widgets that include this do not pull it in. */
#ifndef TEND_UI_TERM_H
#define TEND_UI_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/error.h"

/* Colours are semantic roles, mapped in one table (term.c) with a
 * monochrome column for terminals without colour and for NO_COLOR. */
#define UI_ROLES(X) \
	X(ROLE_NORMAL) \
	X(ROLE_TITLE) \
	X(ROLE_HEADING) \
	X(ROLE_MUTED) \
	X(ROLE_EMPH) \
	X(ROLE_STRONG) \
	X(ROLE_CODE) \
	X(ROLE_LINK) \
	X(ROLE_QUOTE) \
	X(ROLE_SELECTED) \
	X(ROLE_STATUS) \
	X(ROLE_KEY) \
	X(ROLE_WARN) \
	X(ROLE_CRISIS) \
	X(ROLE_GOOD) \
	X(ROLE_MOOD_LOW) \
	X(ROLE_MOOD_MID) \
	X(ROLE_MOOD_HIGH)

enum role {
#define X(r) r,
	UI_ROLES(X)
#undef X
	ROLE_COUNT
};

struct term_opts {
	FILE *in, *out;  /* NULL: the controlling terminal */
	bool no_color;   /* NO_COLOR set and non-empty, or asked for */
	bool headless;   /* tests: fixed size from LINES/COLUMNS, no terminal needed */
};

/* newterm() and the settings tend runs with. A missing or dumb terminal
 * gives an error, never a crash. */
int term_open(const struct term_opts *o, struct error *e);
/* endwin(); safe to call twice. */
void term_close(void);

void ui_size(int *rows, int *cols);
void ui_erase(void);
void ui_refresh(void);
/* Clears the screen and asks the terminal to drop its scrollback. */
void ui_wipe_scrollback(void);
/* Draws UTF-8 text at (y, x) in at most maxw columns; returns the columns
 * used. Control characters are shown as U+FFFD. */
int ui_put(int y, int x, int maxw, enum role r, const char *s, size_t len);
/* ui_put with a NUL-terminated string. */
int ui_puts(int y, int x, int maxw, enum role r, const char *s);
/* Fills columns [x, x + w) of row y with spaces in role r. */
void ui_fill(int y, int x, int w, enum role r);
/* Where the cursor rests after drawing; hidden when visible is false. */
void ui_cursor(int y, int x, bool visible);
/* Where the cursor is, and moving it without changing its visibility. */
void ui_cursor_get(int *y, int *x);
void ui_cursor_move(int y, int x);
/* Combines a role with bold/underline for styled text. */
int ui_put_attr(int y, int x, int maxw, enum role r, bool bold, bool underline, bool italic,
                const char *s, size_t len);

/* The screen as text, one line per row, trailing spaces removed (tests). */
int ui_dump(FILE *out);
/* One character per cell: '.' for no colour pair, else 'a' + pair - 1. */
int ui_dump_colors(FILE *out);
/* Tells curses the window is now rows x cols (headless tests). */
void ui_resize(int rows, int cols);

#endif
