/* driver.c: runs the real full-screen app headless at a fixed size, feeds
 * it a script of keys, and prints text dumps of the screen (tig's way).
 *
 * usage: screen-driver SCRIPT
 * Script lines:
 *   size ROWSxCOLS      first line only; default 24x80
 *   key NAME            Enter Esc Tab S-Tab Up Down Left Right Home End PgUp
 *                       PgDn Bksp Del F1..F12 Ctrl-X Alt-x Ctrl-Left S-Up...
 *                       (every name input_key_parse knows), or one character
 *   type TEXT           each character typed
 *   paste TEXT          one bracketed paste
 *   resize ROWSxCOLS
 *   dump [LABEL]        the screen as text
 *   colors              one character per cell: '.' no colour, else a letter
 *   wait SECONDS        moves the fake clock on and lets a timer fire
 *   # comment
 * When the script ends, the terminal "goes away" and the app closes. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "ui/term.h"
#include "util/utf8.h"

struct script {
	FILE *f;
	long long clock_ms;
	char pending[4096]; /* rest of a "type" line */
	size_t pos, len;
};

static void text_event(struct event *ev, const char *s, size_t len, size_t *adv)
{
	uint32_t cp = utf8_decode(s, len, adv);
	ev->type = EV_TEXT;
	ev->key = (int)cp;
	size_t n = utf8_encode(cp, ev->text);
	ev->text[n] = '\0';
}

static void next(struct event *ev, int timeout_ms, void *arg)
{
	(void)timeout_ms;
	struct script *s = arg;
	memset(ev, 0, sizeof(*ev));
	if (s->pos < s->len) {
		size_t adv;
		text_event(ev, s->pending + s->pos, s->len - s->pos, &adv);
		s->pos += adv;
		return;
	}
	char line[4096];
	while (fgets(line, sizeof(line), s->f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		char *arg1 = strchr(line, ' ');
		if (arg1)
			*arg1++ = '\0';
		else
			arg1 = line + strlen(line);
		if (strcmp(line, "dump") == 0) {
			printf("--- %s\n", *arg1 ? arg1 : "screen");
			ui_dump(stdout);
			continue;
		}
		if (strcmp(line, "colors") == 0) {
			printf("--- colors\n");
			ui_dump_colors(stdout);
			continue;
		}
		if (strcmp(line, "key") == 0) {
			/* Named as the config file names keys (ui/input.c reads
			 * both); a character key ("q", "Space") is typed as text. */
			int k = input_key_parse(arg1);
			if (k && !input_key_is_text(k)) {
				ev->type = EV_KEY;
				ev->key = k;
			} else if (k) {
				char u[4];
				size_t adv, n = utf8_encode((uint32_t)k, u);
				text_event(ev, u, n, &adv);
			} else {
				/* One character no name covers (é) is typed; anything
				 * longer is a misspelt name, which must not pass as text. */
				size_t adv, len = strlen(arg1);
				utf8_decode(arg1, len, &adv);
				if (!len || adv != len) {
					fprintf(stderr, "screen-driver: no key named '%s'\n", arg1);
					exit(2);
				}
				text_event(ev, arg1, len, &adv);
			}
			return;
		}
		if (strcmp(line, "type") == 0) {
			snprintf(s->pending, sizeof(s->pending), "%s", arg1);
			s->len = strlen(s->pending);
			s->pos = 0;
			if (!s->len)
				continue;
			size_t adv;
			text_event(ev, s->pending, s->len, &adv);
			s->pos = adv;
			return;
		}
		if (strcmp(line, "paste") == 0) {
			snprintf(s->pending, sizeof(s->pending), "%s", arg1);
			ev->type = EV_PASTE;
			ev->paste = s->pending;
			ev->paste_len = strlen(s->pending);
			s->len = s->pos = 0;
			return;
		}
		if (strcmp(line, "wait") == 0) {
			s->clock_ms += (long long)(atof(arg1) * 1000);
			ev->type = EV_TIMEOUT;
			return;
		}
		if (strcmp(line, "resize") == 0) {
			int r, c;
			if (sscanf(arg1, "%dx%d", &r, &c) == 2) {
				ui_resize(r, c);
				ev->type = EV_RESIZE;
				return;
			}
		}
		fprintf(stderr, "screen-driver: cannot read script line: %s %s\n", line, arg1);
		exit(2);
	}
	ev->type = EV_EOF;
}

static long long fake_clock(void *arg)
{
	return ((struct script *)arg)->clock_ms;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: screen-driver SCRIPT\n");
		return 2;
	}
	struct script s = {0};
	s.f = fopen(argv[1], "r");
	if (!s.f) {
		perror(argv[1]);
		return 2;
	}
	int rows = 24, cols = 80;
	char first[64];
	long start = ftell(s.f);
	if (fgets(first, sizeof(first), s.f) && sscanf(first, "size %dx%d", &rows, &cols) == 2)
		start = ftell(s.f);
	fseek(s.f, start, SEEK_SET);
	/* As main.c does, so wide characters take two cells here too. */
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* A fixed clock unless the script's caller sets one: screens that show
	 * the date or the prompt of the day stay the same on any day. */
	setenv("TEND_NOW", "1795420800", 0);
	char buf[16];
	snprintf(buf, sizeof(buf), "%d", rows);
	setenv("LINES", buf, 1);
	snprintf(buf, sizeof(buf), "%d", cols);
	setenv("COLUMNS", buf, 1);
	if (!getenv("TERM") || !*getenv("TERM") || strcmp(getenv("TERM"), "dumb") == 0)
		setenv("TERM", "xterm-256color", 1);
	FILE *in = fopen("/dev/null", "r"), *out = fopen("/dev/null", "w");
	s.clock_ms = 1000000;
	struct app_io io = {next, &s, fake_clock};
	struct app_opts o = {.headless = true, .in = in, .out = out, .io = &io};
	int rc = app_run(&o);
	fclose(s.f);
	fclose(in);
	fclose(out);
	fflush(stdout);
	return rc;
}
