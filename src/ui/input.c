#include "ui/input.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/term.h"
#include "curses_int.h"
#include "util/buf.h"
#include "util/utf8.h"

#define KEY_PASTE_BEGIN (KEY_MAX - 2)
#define KEY_PASTE_END (KEY_MAX - 1)

static volatile sig_atomic_t got_signal;
static struct buf paste;
static int eof_count;

static void on_signal(int sig)
{
	got_signal = sig;
}

void input_install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocked read returns so the loop sees the flag. */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

int input_signal(void)
{
	return (int)got_signal;
}

void input_release(void)
{
	buf_free(&paste);
}

/* Key codes curses gives for modified keys, found by input_init_keys(). */
static struct {
	int code, key;
} extra[24];
static size_t nextra;

static void add_extra(int code, int key)
{
	if (nextra < sizeof(extra) / sizeof(extra[0])) {
		extra[nextra].code = code;
		extra[nextra].key = key;
		nextra++;
	}
}

void input_init_keys(void)
{
	/* The terminfo name first (xterm's has kLFT5 and friends, numbered by
	 * curses above KEY_MAX); then the sequences xterm (and tmux) and rxvt
	 * send, taught to curses under codes of our own just below KEY_MAX
	 * (KEY_MAX - 1 and - 2 are the bracketed paste markers). */
	static const struct {
		const char *cap;
		const char *seq[2];
		int key;
	} keys[] = {
		{"kLFT5", {"\033[1;5D", "\033Od"}, KEYC_CTRL_LEFT},
		{"kRIT5", {"\033[1;5C", "\033Oc"}, KEYC_CTRL_RIGHT},
		{"kUP5", {"\033[1;5A", "\033Oa"}, KEYC_CTRL_UP},
		{"kDN5", {"\033[1;5B", "\033Ob"}, KEYC_CTRL_DOWN},
		{"kHOM5", {"\033[1;5H", "\033[7^"}, KEYC_CTRL_HOME},
		{"kEND5", {"\033[1;5F", "\033[8^"}, KEYC_CTRL_END},
		{"kUP", {"\033[1;2A", "\033[a"}, KEYC_SHIFT_UP},
		{"kDN", {"\033[1;2B", "\033[b"}, KEYC_SHIFT_DOWN},
		{NULL, {"\033[1;2D", "\033[d"}, KEYC_SHIFT_LEFT},
		{NULL, {"\033[1;2C", "\033[c"}, KEYC_SHIFT_RIGHT},
		{NULL, {"\033[1;2H", NULL}, KEYC_SHIFT_HOME},
		{NULL, {"\033[1;2F", NULL}, KEYC_SHIFT_END},
	};
	int own = KEY_MAX - 3;
	nextra = 0;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (keys[i].cap) {
			char *s = tigetstr(keys[i].cap);
			int code = s && s != (char *)-1 && *s ? key_defined(s) : 0;
			if (code > 0)
				add_extra(code, keys[i].key);
		}
		for (int j = 0; j < 2 && keys[i].seq[j]; j++) {
			/* Sequences curses knows already decode as before. */
			if (key_defined(keys[i].seq[j]) != 0)
				continue;
			if (define_key(keys[i].seq[j], own) == OK) {
				add_extra(own, keys[i].key);
				own--;
			}
		}
	}
}

static int map_key(int k)
{
	for (size_t i = 0; i < nextra; i++)
		if (extra[i].code == k)
			return extra[i].key;
	switch (k) {
	case KEY_UP: return KEYC_UP;
	case KEY_DOWN: return KEYC_DOWN;
	case KEY_LEFT: return KEYC_LEFT;
	case KEY_RIGHT: return KEYC_RIGHT;
	case KEY_HOME: return KEYC_HOME;
	case KEY_END: return KEYC_END;
	case KEY_PPAGE: return KEYC_PGUP;
	case KEY_NPAGE: return KEYC_PGDN;
	case KEY_ENTER: return KEYC_ENTER;
	case KEY_BTAB: return KEYC_BACKTAB;
	case KEY_BACKSPACE: return KEYC_BACKSPACE;
	case KEY_DC: return KEYC_DELETE;
	case KEY_IC: return KEYC_INSERT;
	case KEY_SLEFT: return KEYC_SHIFT_LEFT;
	case KEY_SRIGHT: return KEYC_SHIFT_RIGHT;
	case KEY_SR: return KEYC_SHIFT_UP;
	case KEY_SF: return KEYC_SHIFT_DOWN;
	case KEY_SHOME: return KEYC_SHIFT_HOME;
	case KEY_SEND: return KEYC_SHIFT_END;
	default:
		if (k >= KEY_F(1) && k <= KEY_F(12))
			return KEYC_F1 + (k - KEY_F(1));
		return KEYC_NONE;
	}
}

static int map_char(wint_t c)
{
	switch (c) {
	case 0: return KEYC_CTRL_SPACE;
	case '\r':
	case '\n': return KEYC_ENTER;
	case 27: return KEYC_ESC;
	case '\t': return KEYC_TAB;
	case 127:
	case 8: return KEYC_BACKSPACE;
	default: return c < 0x20 ? (int)c : KEYC_NONE;
	}
}

static void read_paste(struct event *ev)
{
	buf_clear(&paste);
	for (;;) {
		wint_t c;
		int r = get_wch(&c);
		if (r == ERR)
			break;
		if (r == KEY_CODE_YES) {
			if ((int)c == KEY_PASTE_END)
				break;
			continue;
		}
		if (c == '\r')
			c = '\n';
		char u[4];
		size_t n = utf8_encode((uint32_t)c, u);
		if (n && buf_append(&paste, u, n))
			break;
	}
	ev->type = EV_PASTE;
	ev->paste = paste.data;
	ev->paste_len = paste.len;
}

/* After Esc: a key that came with it (within ESCDELAY, so not typed by
 * hand) makes Alt-key; anything else is put back and Esc stands alone. */
static int read_alt(void)
{
	wint_t c;
	timeout(0);
	int r = get_wch(&c);
	if (r == ERR)
		return KEYC_ESC;
	if (r == KEY_CODE_YES) {
		if ((int)c == KEY_BACKSPACE)
			return KEYC_ALT(KEYC_BACKSPACE);
		ungetch((int)c);
		return KEYC_ESC;
	}
	if (c > ' ' && c < 0x7F)
		return KEYC_ALT((int)c);
	if (c == 0x7F || c == 8)
		return KEYC_ALT(KEYC_BACKSPACE);
	unget_wch((wchar_t)c);
	return KEYC_ESC;
}

void input_read(struct event *ev, int timeout_ms)
{
	memset(ev, 0, sizeof(*ev));
	if (got_signal) {
		ev->type = EV_SIGNAL;
		return;
	}
	timeout(timeout_ms);
	wint_t c;
	errno = 0;
	int r = get_wch(&c);
	if (got_signal) {
		ev->type = EV_SIGNAL;
		return;
	}
	if (r == ERR) {
		/* A read error with no time limit means the terminal is gone. */
		if (timeout_ms < 0 && errno != EINTR) {
			if (++eof_count > 3) {
				ev->type = EV_EOF;
				return;
			}
		}
		ev->type = timeout_ms >= 0 ? EV_TIMEOUT : EV_NONE;
		return;
	}
	eof_count = 0;
	if (r == KEY_CODE_YES) {
		if ((int)c == KEY_RESIZE) {
			ev->type = EV_RESIZE;
		} else if ((int)c == KEY_PASTE_BEGIN) {
			read_paste(ev);
		} else {
			ev->type = EV_KEY;
			ev->key = map_key((int)c);
			if (!ev->key)
				ev->type = EV_NONE;
		}
		return;
	}
	int k = map_char(c);
	if (k == KEYC_ESC)
		k = read_alt();
	if (k) {
		ev->type = EV_KEY;
		ev->key = k;
		return;
	}
	ev->type = EV_TEXT;
	ev->key = (int)c;
	size_t n = utf8_encode((uint32_t)c, ev->text);
	ev->text[n] = '\0';
	if (!n)
		ev->type = EV_NONE;
}

const char *input_key_name(int key, char buf[16])
{
	static const char *const names[] = {
		"Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn", "Enter", "Esc",
		"Tab", "S-Tab", "Bksp", "Del", "Ins",
	};
	static const char *const mod_names[] = {
		"Ctrl-Space", "Ctrl-Left", "Ctrl-Right", "Ctrl-Up", "Ctrl-Down", "Ctrl-Home",
		"Ctrl-End", "S-Left", "S-Right", "S-Up", "S-Down", "S-Home", "S-End",
	};
	if (key & KEYC_ALT_FLAG) {
		char inner[16];
		snprintf(buf, 16, "Alt-%s", input_key_name(key & ~KEYC_ALT_FLAG, inner));
		return buf;
	}
	if (key >= KEYC_UP && key <= KEYC_INSERT)
		return names[key - KEYC_UP];
	if (key >= KEYC_CTRL_SPACE && key <= KEYC_SHIFT_END)
		return mod_names[key - KEYC_CTRL_SPACE];
	if (key >= KEYC_F1 && key <= KEYC_F12) {
		snprintf(buf, 16, "F%d", key - KEYC_F1 + 1);
		return buf;
	}
	if (key > 0 && key < 0x20) {
		snprintf(buf, 16, "Ctrl-%c", key + '@');
		return buf;
	}
	if (key == ' ')
		return "Space";
	size_t n = utf8_encode((uint32_t)key, buf);
	buf[n] = '\0';
	return buf;
}

bool input_key_is_text(int key)
{
	return key >= ' ' && key < KEYC_UP && key != 0x7F;
}

int input_key_parse(const char *name)
{
	static const struct {
		const char *name;
		int key;
	} names[] = {
		{"Up", KEYC_UP},
		{"Down", KEYC_DOWN},
		{"Left", KEYC_LEFT},
		{"Right", KEYC_RIGHT},
		{"Home", KEYC_HOME},
		{"End", KEYC_END},
		{"PgUp", KEYC_PGUP},
		{"PageUp", KEYC_PGUP},
		{"PgDn", KEYC_PGDN},
		{"PageDown", KEYC_PGDN},
		{"Enter", KEYC_ENTER},
		{"Return", KEYC_ENTER},
		{"Esc", KEYC_ESC},
		{"Escape", KEYC_ESC},
		{"Tab", KEYC_TAB},
		{"S-Tab", KEYC_BACKTAB},
		{"Shift-Tab", KEYC_BACKTAB},
		{"BackTab", KEYC_BACKTAB},
		{"Bksp", KEYC_BACKSPACE},
		{"Backspace", KEYC_BACKSPACE},
		{"Del", KEYC_DELETE},
		{"Delete", KEYC_DELETE},
		{"Ins", KEYC_INSERT},
		{"Insert", KEYC_INSERT},
		{"Space", ' '},
		{"Ctrl-Space", KEYC_CTRL_SPACE},
		{"Ctrl-Left", KEYC_CTRL_LEFT},
		{"Ctrl-Right", KEYC_CTRL_RIGHT},
		{"Ctrl-Up", KEYC_CTRL_UP},
		{"Ctrl-Down", KEYC_CTRL_DOWN},
		{"Ctrl-Home", KEYC_CTRL_HOME},
		{"Ctrl-End", KEYC_CTRL_END},
		{"S-Left", KEYC_SHIFT_LEFT},
		{"S-Right", KEYC_SHIFT_RIGHT},
		{"S-Up", KEYC_SHIFT_UP},
		{"S-Down", KEYC_SHIFT_DOWN},
		{"S-Home", KEYC_SHIFT_HOME},
		{"S-End", KEYC_SHIFT_END},
		{"Shift-Left", KEYC_SHIFT_LEFT},
		{"Shift-Right", KEYC_SHIFT_RIGHT},
		{"Shift-Up", KEYC_SHIFT_UP},
		{"Shift-Down", KEYC_SHIFT_DOWN},
		{"Shift-Home", KEYC_SHIFT_HOME},
		{"Shift-End", KEYC_SHIFT_END},
	};
	size_t len = strlen(name);
	if (!len)
		return 0;
	/* One character stands for itself. */
	size_t adv;
	uint32_t cp = utf8_decode(name, len, &adv);
	if (adv == len)
		return input_key_is_text((int)cp) && cp != UTF8_REPLACEMENT ? (int)cp : 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(name, names[i].name) == 0)
			return names[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (!*end && n >= 1 && n <= 12 && name[1] != '0')
			return KEYC_F1 + (int)n - 1;
		return 0;
	}
	if (strncasecmp(name, "Ctrl-", 5) == 0 && len == 6) {
		int c = (unsigned char)name[5];
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		/* The terminal sends these as Tab, Enter, Bksp and Esc. */
		if (c == 'I' || c == 'J' || c == 'M' || c == 'H' || c == '[')
			return 0;
		if ((c >= 'A' && c <= 'Z') || c == '\\' || c == ']' || c == '^' || c == '_')
			return KEYC_CTRL(c);
		return 0;
	}
	if (strncasecmp(name, "Alt-", 4) == 0 || strncasecmp(name, "M-", 2) == 0) {
		const char *rest = name[1] == '-' ? name + 2 : name + 4;
		if (rest[0] > ' ' && rest[0] < 0x7F && !rest[1])
			return KEYC_ALT(rest[0]);
		if (strcasecmp(rest, "Bksp") == 0 || strcasecmp(rest, "Backspace") == 0)
			return KEYC_ALT(KEYC_BACKSPACE);
	}
	return 0;
}
