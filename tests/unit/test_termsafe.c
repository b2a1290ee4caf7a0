/* termsafe: terminal commands in outside text shown, never obeyed. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "util/termsafe.h"

static char *safe(const char *s, enum termsafe_mode m)
{
	struct buf b = BUF_INIT;
	assert_int_equal(termsafe_append(&b, s, strlen(s), m), 0);
	char *r = strdup(buf_str(&b));
	buf_free(&b);
	return r;
}

static void expect(const char *in, enum termsafe_mode m, const char *want)
{
	char *got = safe(in, m);
	assert_string_equal(got, want);
	free(got);
}

/* OSC 52, OSC 8 and CSI 2J: no ESC, BEL or ST left, the words still there. */
static void escapes(void **state)
{
	(void)state;
	expect("\x1b]52;c;aGk=\x07", TERMSAFE_TEXT, "^[]52;c;aGk=^G");
	expect("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", TERMSAFE_TEXT,
	       "^[]8;;http://x^[\\link^[]8;;^[\\");
	expect("a\x1b[2Jb", TERMSAFE_LINE, "a^[[2Jb");
	expect("\x7f\x01\x1f", TERMSAFE_LINE, "^?^A^_");
}

/* C1 controls as UTF-8 (U+009B is CSI for some terminals), bidi overrides,
 * and bytes that are not UTF-8 (a lone 0x9B is CSI in 8-bit terminals). */
static void c1_bidi_invalid(void **state)
{
	(void)state;
	expect("x\xc2\x9b" "2J", TERMSAFE_TEXT, "x<U+009B>2J");
	expect("\xc2\x9d" "52", TERMSAFE_LINE, "<U+009D>52");
	expect("abc\xe2\x80\xae" "fdp.exe", TERMSAFE_LINE, "abc<U+202E>fdp.exe");
	expect("\xe2\x81\xa6x\xe2\x81\xa9", TERMSAFE_LINE, "<U+2066>x<U+2069>");
	expect("a\x9b" "2Jb\xff", TERMSAFE_TEXT, "a\\x9B2Jb\\xFF");
}

/* Newline and tab kept in a body, shown in a one-line field; carriage
 * return shown in both; ordinary text, accents, CJK, emoji untouched. */
static void lines_and_text(void **state)
{
	(void)state;
	expect("one\n\ttwo\r\n", TERMSAFE_TEXT, "one\n\ttwo^M\n");
	expect("one\n\ttwo", TERMSAFE_LINE, "one^J^Itwo");
	const char *plain = "Café 日本 \xf0\x9f\x8c\xb1 ü ^ \\ <U+0041>";
	expect(plain, TERMSAFE_TEXT, plain);
	expect("", TERMSAFE_LINE, "");
}

/* In place: made safe, and cut at a whole piece when it does not fit. */
static void in_place(void **state)
{
	(void)state;
	char s[8] = "a\x1b[2J";
	termsafe_inplace(s, sizeof(s), TERMSAFE_TEXT);
	assert_string_equal(s, "a^[[2J");
	char t[6] = "ab\x1b" "cd";
	termsafe_inplace(t, sizeof(t), TERMSAFE_TEXT);
	assert_string_equal(t, "ab^[c");
	char u[4] = "ab\x1b";
	termsafe_inplace(u, sizeof(u), TERMSAFE_TEXT);
	assert_string_equal(u, "ab");
}

SUITE(termsafe, cmocka_unit_test(escapes), cmocka_unit_test(c1_bidi_invalid),
      cmocka_unit_test(lines_and_text), cmocka_unit_test(in_place))
