/* input.h: keys, text and pastes from the terminal as events. */
#ifndef TEND_UI_INPUT_H
#define TEND_UI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

enum ev_type {
	EV_NONE,
	EV_KEY,     /* a special or control key: key holds a KEYC_* value */
	EV_TEXT,    /* typed text: text holds one character's UTF-8 */
	EV_PASTE,   /* bracketed paste: paste/paste_len hold it all */
	EV_RESIZE,
	EV_TIMEOUT,
	EV_SIGNAL,  /* SIGHUP or SIGTERM: save and leave */
	EV_EOF,     /* the terminal went away */
};

/* Keys that are not text. Control keys are KEYC_CTRL('x'). */
enum {
	KEYC_NONE = 0,
	KEYC_UP = 0x110000,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_HOME,
	KEYC_END,
	KEYC_PGUP,
	KEYC_PGDN,
	KEYC_ENTER,
	KEYC_ESC,
	KEYC_TAB,
	KEYC_BACKTAB,
	KEYC_BACKSPACE,
	KEYC_DELETE,
	KEYC_INSERT,
	KEYC_F1,
	KEYC_F2,
	KEYC_F3,
	KEYC_F4,
	KEYC_F5,
	KEYC_F10 = KEYC_F1 + 9,
	KEYC_F11,
	KEYC_F12,
	/* Keys with modifiers, decoded in input.c from the terminal's own
	 * description or, failing that, the sequences xterm and rxvt send. */
	KEYC_CTRL_SPACE, /* also Ctrl-@; not KEYC_CTRL('@'), which is KEYC_NONE */
	KEYC_CTRL_LEFT,
	KEYC_CTRL_RIGHT,
	KEYC_CTRL_UP,
	KEYC_CTRL_DOWN,
	KEYC_CTRL_HOME,
	KEYC_CTRL_END,
	KEYC_SHIFT_LEFT,
	KEYC_SHIFT_RIGHT,
	KEYC_SHIFT_UP,
	KEYC_SHIFT_DOWN,
	KEYC_SHIFT_HOME,
	KEYC_SHIFT_END,
};
#define KEYC_CTRL(c) ((c) & 0x1f)
/* Alt (Meta) with a key: the terminal sends Esc, then the key at once.
 * Works with an ASCII character or KEYC_BACKSPACE. */
#define KEYC_ALT_FLAG 0x200000
#define KEYC_ALT(k) (KEYC_ALT_FLAG | (k))

struct event {
	enum ev_type type;
	int key;        /* EV_KEY; or the code point of EV_TEXT */
	char text[8];   /* EV_TEXT, NUL-terminated */
	char *paste;    /* EV_PASTE: owned by the input layer until the next read */
	size_t paste_len;
};

/* Teaches curses the modified keys above (Ctrl-Left, Shift-Up...) for the
 * terminal just opened; term_open() calls it. */
void input_init_keys(void);
/* Waits for the next event, at most timeout_ms (-1: no limit). */
void input_read(struct event *ev, int timeout_ms);
/* Signal handlers for SIGHUP and SIGTERM that only set a flag. */
void input_install_signals(void);
/* The signal that ended the program (SIGHUP or SIGTERM), or 0. */
int input_signal(void);
/* Wipes and frees the last paste. */
void input_release(void);
/* A key's name for help and the status line ("Ctrl-G", "Up", "?"). */
const char *input_key_name(int key, char buf[16]);
/* The key a name means, the other way round: every name input_key_name
 * gives, plus a few spellings people reach for ("PageDown", "Escape",
 * "Shift-Tab", "Backspace"). Names of special keys ignore case; a single
 * character is itself ("q" and "Q" differ). 0 for anything else, and for
 * control keys a terminal cannot tell apart from another key (Ctrl-I is
 * Tab, Ctrl-M is Enter, Ctrl-H is Bksp, Ctrl-[ is Esc). */
int input_key_parse(const char *name);
/* True for a key that is typed text in a text field: a character that is
 * not a control key. */
bool input_key_is_text(int key);

#endif
