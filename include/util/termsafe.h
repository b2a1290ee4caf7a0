/* termsafe.h: text that did not come from tend itself (titles, bodies and
 * tags, homework packs, opened reports, a file's words quoted in a message)
 * made harmless for a terminal before it is printed there.
 *
 * A terminal obeys the bytes it is sent: ESC starts a command (OSC 52
 * writes the clipboard, OSC 8 hides a link, CSI 2J clears the screen), and
 * so do C1 controls and, in some terminals, bytes that are not UTF-8. So
 * every control character is shown as visible text instead:
 *   C0 controls and DEL    ^@ .. ^_ and ^?   (ESC is ^[)
 *   C1 controls U+0080..9F <U+009B>
 *   bidi overrides and isolates U+202A..202E, U+2066..2069: <U+202E>
 *   a byte that is not UTF-8  \x9b
 * Newline and tab are kept in TERMSAFE_TEXT (a body, a message); in
 * TERMSAFE_LINE (a title in a list, a tag) they are shown as ^J and ^I, so
 * one row stays one row and tab-separated columns stay columns.
 *
 * What goes to a file the person named (-o FILE, tend export) is written
 * as it is; see docs/security.md for which command does which. */
#ifndef TEND_UTIL_TERMSAFE_H
#define TEND_UTIL_TERMSAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/buf.h"

enum termsafe_mode {
	TERMSAFE_LINE, /* one line: newline and tab shown as ^J and ^I */
	TERMSAFE_TEXT, /* several lines: newline and tab kept */
};

/* True for a code point that is never sent to a terminal as it is: C0
 * and C1 controls, DEL, and the bidi overrides and isolates above. The
 * full screen draws each as a replacement mark. */
bool termsafe_control(uint32_t cp);

/* The next piece of s (len > 0 bytes) as it is to be shown: writes it to
 * out (at most TERMSAFE_PIECE_MAX bytes, not NUL-terminated), returns its
 * length and sets *adv to the bytes of s it stands for (at least 1). */
#define TERMSAFE_PIECE_MAX 8
size_t termsafe_piece(const char *s, size_t len, enum termsafe_mode m,
                      char out[TERMSAFE_PIECE_MAX], size_t *adv);
/* Appends s (len bytes) to out made safe; 0, or -1 when memory runs out
 * (out then holds a safe prefix). */
int termsafe_append(struct buf *out, const char *s, size_t len, enum termsafe_mode m);
/* Writes the NUL-terminated s (NULL is "") to f made safe. */
void termsafe_fputs(const char *s, FILE *f, enum termsafe_mode m);
/* Makes the NUL-terminated string in s[0..size) safe in place, cutting it
 * at a whole piece when the shown form does not fit (size > 0; only the
 * first 1024 bytes are kept, enough for a message). */
void termsafe_inplace(char *s, size_t size, enum termsafe_mode m);

#endif
