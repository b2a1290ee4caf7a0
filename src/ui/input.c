#include "ui/input.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/term.h"
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

void input_release(void)
{
	buf_free(&paste);
}

static int map_key(int k)
{
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
	default:
		if (k >= KEY_F(1) && k <= KEY_F(10))
			return KEYC_F1 + (k - KEY_F(1));
		return KEYC_NONE;
	}
}

static int map_char(wint_t c)
{
	switch (c) {
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
	if (key >= KEYC_UP && key <= KEYC_INSERT)
		return names[key - KEYC_UP];
	if (key >= KEYC_F1 && key <= KEYC_F10) {
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
