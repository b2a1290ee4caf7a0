/* fuzz_input: arbitrary bytes from the terminal, decoded by input_read().
 *
 * The screen is opened once, the way tend opens it (term_open with
 * xterm-256color, keypad, bracketed paste), reading from a pipe and
 * drawing to /dev/null. Each input is written into the pipe (at most 4 KiB,
 * which a pipe always holds) and read back as events until none is left.
 * Checks: every event is of a kind bytes can make (no resize, signal or end
 * of input); a key is a KEYC_* value, a control character, or Alt with a
 * printable character or Backspace; text is one valid UTF-8 character,
 * NUL-terminated, that decodes to the event's code point; a paste is valid
 * UTF-8 and at most four bytes for each byte sent; every event uses up at
 * least one byte, so over the run there are never more events than bytes
 * (plus one). */
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "ui/input.h"
#include "ui/term.h"
#include "util/error.h"
#include "util/utf8.h"

static int wfd = -1;
/* Across all inputs: curses may hold the start of an escape sequence
 * until the next input completes it, so the counts are kept over the run. */
static size_t bytes_in, events_out;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TERM", "xterm-256color", 1);
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	int p[2];
	FUZZ_CHECK(pipe(p) == 0);
	struct term_opts o = {.in = fdopen(p[0], "r"), .out = fopen("/dev/null", "w")};
	FUZZ_CHECK(o.in && o.out);
	struct error e = {0};
	FUZZ_CHECK(term_open(&o, &e) == 0);
	/* All the bytes are in the pipe already: no need to wait for the rest
	 * of a sequence, and waiting would only slow the fuzzer down. */
	set_escdelay(0);
	wfd = p[1];
	return 0;
}

static bool key_ok(int k)
{
	if (k & KEYC_ALT_FLAG) {
		int base = k & ~KEYC_ALT_FLAG;
		return (base > ' ' && base < 0x7F) || base == KEYC_BACKSPACE;
	}
	return (k > 0 && k < 0x20) || (k >= KEYC_UP && k <= KEYC_SHIFT_END);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	FUZZ_CHECK(write(wfd, data, size) == (ssize_t)size);
	bytes_in += size;
	for (;;) {
		struct event ev;
		input_read(&ev, 0);
		if (ev.type == EV_TIMEOUT)
			break;
		FUZZ_CHECK(++events_out <= bytes_in + 1);
		switch (ev.type) {
		case EV_KEY:
			FUZZ_CHECK(key_ok(ev.key));
			break;
		case EV_TEXT: {
			size_t n = strlen(ev.text);
			FUZZ_CHECK(n >= 1 && n <= 4);
			FUZZ_CHECK(utf8_valid(ev.text, n));
			size_t adv;
			FUZZ_CHECK(utf8_decode(ev.text, n, &adv) == (uint32_t)ev.key && adv == n);
			break;
		}
		case EV_PASTE:
			FUZZ_CHECK(ev.paste_len <= 4 * bytes_in);
			FUZZ_CHECK(ev.paste_len == 0 || ev.paste);
			FUZZ_CHECK(utf8_valid(ev.paste, ev.paste_len));
			break;
		case EV_NONE:
			break;
		default:
			FUZZ_CHECK(!"an event bytes cannot make");
		}
		input_release();
	}
	return 0;
}
