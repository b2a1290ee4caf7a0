/* utf8.h: decoding, encoding and terminal display width. */
#ifndef TEND_UTIL_UTF8_H
#define TEND_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point from s[0..len). Sets *adv to the bytes used (at
 * least 1 when len > 0). Invalid, overlong, surrogate or truncated input
 * gives U+FFFD and consumes one byte, so decoding always makes progress. */
uint32_t utf8_decode(const char *s, size_t len, size_t *adv);
/* Writes cp as UTF-8 into out (4 bytes room); returns the byte count, or 0
 * for a surrogate or a value past U+10FFFF. */
size_t utf8_encode(uint32_t cp, char out[4]);
bool utf8_valid(const char *s, size_t len);

/* Columns a code point takes: 0 (combining, zero-width, control), 1 or 2. */
int u_width(uint32_t cp);
/* Columns a string takes; invalid bytes count as one U+FFFD each. */
size_t utf8_width(const char *s, size_t len);
/* The longest prefix of s that fits in max_cols columns, never splitting a
 * code point or separating a combining mark from its base. Returns its
 * length in bytes; *cols (when not NULL) gets its width. */
size_t utf8_fit(const char *s, size_t len, size_t max_cols, size_t *cols);
/* One line of s wrapped at a space to fit cols columns: returns how much of
 * it to show (spaces at its end left out) and sets *next to where the next
 * line starts (spaces skipped). A word longer than the line is cut; when
 * not even one character fits, one is taken anyway, so it always moves on. */
size_t utf8_wrap(const char *s, size_t len, size_t cols, size_t *next);
/* How many bytes of the string s to keep for at most max bytes without
 * cutting a character in two: strlen(s) when it is shorter, else max moved
 * back to where the character it falls in starts. For printf's "%.*s", in
 * place of "%.40s", which may cut a character and print half of it. */
size_t utf8_cut(const char *s, size_t max);
/* Where needle (nlen bytes) first starts in hay (hlen bytes), ASCII
 * letters matching in either case and every other byte only itself; -1
 * when it is not there or needle is empty. */
long utf8_find_nocase(const char *hay, size_t hlen, const char *needle, size_t nlen);
/* Offset of the start of the code point before off (0 at the start). */
size_t utf8_prev(const char *s, size_t off);

#endif
