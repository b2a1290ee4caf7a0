#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "util/utf8.h"

static void decode_valid(void **state)
{
	(void)state;
	size_t adv;
	assert_int_equal(utf8_decode("A", 1, &adv), 'A');
	assert_int_equal(adv, 1);
	assert_int_equal(utf8_decode("\xC3\xA9", 2, &adv), 0xE9);
	assert_int_equal(adv, 2);
	assert_int_equal(utf8_decode("\xE6\x97\xA5", 3, &adv), 0x65E5);
	assert_int_equal(adv, 3);
	assert_int_equal(utf8_decode("\xF0\x9F\x8C\xB1", 4, &adv), 0x1F331);
	assert_int_equal(adv, 4);
}

static void decode_invalid(void **state)
{
	(void)state;
	size_t adv;
	/* overlong '/' */
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &adv), UTF8_REPLACEMENT);
	assert_int_equal(adv, 1);
	/* surrogate */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &adv), UTF8_REPLACEMENT);
	assert_int_equal(adv, 1);
	/* truncated */
	assert_int_equal(utf8_decode("\xE6\x97", 2, &adv), UTF8_REPLACEMENT);
	assert_int_equal(adv, 1);
	/* lone continuation */
	assert_int_equal(utf8_decode("\x80", 1, &adv), UTF8_REPLACEMENT);
	assert_int_equal(adv, 1);
	/* past U+10FFFF */
	assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &adv), UTF8_REPLACEMENT);
	assert_false(utf8_valid("ok\xC0\xAF", 4));
	assert_true(utf8_valid("caf\xC3\xA9 \xF0\x9F\x8C\xB1", 10));
	/* the replacement character itself is valid text */
	assert_true(utf8_valid("\xEF\xBF\xBD", 3));
}

static void encode_round_trip(void **state)
{
	(void)state;
	const uint32_t cps[] = {0x24, 0xA2, 0x20AC, 0x10348, 0x10FFFF};
	for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		char out[4];
		size_t n = utf8_encode(cps[i], out), adv;
		assert_true(n >= 1);
		assert_int_equal(utf8_decode(out, n, &adv), cps[i]);
		assert_int_equal(adv, n);
	}
	char out[4];
	assert_int_equal(utf8_encode(0xD800, out), 0);
	assert_int_equal(utf8_encode(0x110000, out), 0);
}

static void widths(void **state)
{
	(void)state;
	assert_int_equal(u_width('a'), 1);
	assert_int_equal(u_width(0x0301), 0); /* combining acute */
	assert_int_equal(u_width(0x200D), 0); /* zero-width joiner */
	assert_int_equal(u_width(0x65E5), 2); /* CJK */
	assert_int_equal(u_width(0xAC00), 2); /* Hangul syllable */
	assert_int_equal(u_width(0x1F331), 2); /* seedling emoji */
	assert_int_equal(u_width(0xFF21), 2); /* fullwidth A */
	assert_int_equal(u_width(0x0007), 0); /* control */
	assert_int_equal(u_width(0x00E9), 1);
	/* "e" + combining acute: one column */
	assert_int_equal(utf8_width("e\xCC\x81", 3), 1);
	/* "日本" */
	assert_int_equal(utf8_width("\xE6\x97\xA5\xE6\x9C\xAC", 6), 4);
	/* invalid byte shows as one replacement column */
	assert_int_equal(utf8_width("a\xFF" "b", 3), 3);
}

static void fit_never_splits(void **state)
{
	(void)state;
	size_t cols;
	const char *s = "\xE6\x97\xA5\xE6\x9C\xAC"; /* 日本, 4 columns */
	assert_int_equal(utf8_fit(s, 6, 3, &cols), 3);
	assert_int_equal(cols, 2);
	assert_int_equal(utf8_fit(s, 6, 4, &cols), 6);
	assert_int_equal(cols, 4);
	assert_int_equal(utf8_fit(s, 6, 1, &cols), 0);
	/* a combining mark stays with its base even at the edge */
	const char *t = "ae\xCC\x81x";
	assert_int_equal(utf8_fit(t, 5, 2, &cols), 4);
	assert_int_equal(cols, 2);
}

static void prev_steps_back(void **state)
{
	(void)state;
	const char *s = "a\xC3\xA9\xE6\x97\xA5";
	assert_int_equal(utf8_prev(s, 6), 3);
	assert_int_equal(utf8_prev(s, 3), 1);
	assert_int_equal(utf8_prev(s, 1), 0);
	assert_int_equal(utf8_prev(s, 0), 0);
	/* stray continuation bytes: one at a time */
	const char *bad = "a\x80\x80";
	assert_int_equal(utf8_prev(bad, 3), 2);
}

/* Lines broken at spaces, spaces at the break left out, a long word cut,
 * a wide character taken whole when nothing fits. */
static void wrap(void **state)
{
	(void)state;
	const char *s = "a few  words here";
	size_t next, n = utf8_wrap(s, strlen(s), 8, &next);
	assert_int_equal(n, 5); /* "a few" */
	assert_int_equal(next, 7);
	n = utf8_wrap(s + 7, strlen(s + 7), 20, &next);
	assert_int_equal(n, 10); /* all of "words here" */
	assert_int_equal(next, 10);
	n = utf8_wrap("unbreakable", 11, 4, &next);
	assert_int_equal(n, 4);
	assert_int_equal(next, 4);
	n = utf8_wrap("日本", 6, 1, &next); /* two columns each: one anyway */
	assert_int_equal(n, 3);
	assert_int_equal(next, 3);
	n = utf8_wrap("", 0, 10, &next);
	assert_int_equal(n, 0);
	assert_int_equal(next, 0);
}

static void cut_keeps_whole_characters(void **state)
{
	(void)state;
	assert_int_equal(utf8_cut("abc", 10), 3);
	assert_int_equal(utf8_cut("abc", 3), 3);
	assert_int_equal(utf8_cut("abc", 2), 2);
	assert_int_equal(utf8_cut("abc", 0), 0);
	/* "é" is C3 A9: 2 bytes of "aé" is "a" alone, 3 is all of it. */
	assert_int_equal(utf8_cut("a\xC3\xA9", 2), 1);
	assert_int_equal(utf8_cut("a\xC3\xA9", 3), 3);
	assert_int_equal(utf8_cut("a\xC3\xA9z", 3), 3);
	/* A four-byte character cut after any of its first three bytes. */
	const char *emoji = "ab\xF0\x9F\x8C\xB1!";
	for (size_t max = 3; max <= 5; max++)
		assert_int_equal(utf8_cut(emoji, max), 2);
	assert_int_equal(utf8_cut(emoji, 6), 6);
	/* Stray continuation bytes are not characters: cut where asked. */
	assert_int_equal(utf8_cut("\x80\x80\x80\x80\x80", 4), 4);
	char buf[32];
	snprintf(buf, sizeof(buf), "%.*s", (int)utf8_cut("na\xC3\xAFve", 3), "na\xC3\xAFve");
	assert_string_equal(buf, "na");
	assert_true(utf8_valid(buf, strlen(buf)));
}

static void find_nocase(void **state)
{
	(void)state;
	const char *s = "Feet on the FLOOR, \xC3\x89t\xC3\xA9";
	size_t n = strlen(s);
	assert_int_equal(utf8_find_nocase(s, n, "floor", 5), 12);
	assert_int_equal(utf8_find_nocase(s, n, "feet", 4), 0);
	/* Only ASCII letters fold: "É" is not "é". */
	assert_int_equal(utf8_find_nocase(s, n, "\xC3\xA9t", 3), -1);
	assert_int_equal(utf8_find_nocase(s, n, "\xC3\x89t", 3), 19);
	/* The length given is the end: a match past it is not one. */
	assert_int_equal(utf8_find_nocase(s, 15, "floor", 5), -1);
	assert_int_equal(utf8_find_nocase(s, n, "", 0), -1);
	assert_int_equal(utf8_find_nocase("ab", 2, "abc", 3), -1);
}

SUITE(utf8, cmocka_unit_test(decode_valid), cmocka_unit_test(decode_invalid),
      cmocka_unit_test(encode_round_trip), cmocka_unit_test(widths),
      cmocka_unit_test(fit_never_splits), cmocka_unit_test(prev_steps_back), cmocka_unit_test(wrap),
      cmocka_unit_test(cut_keeps_whole_characters),
      cmocka_unit_test(find_nocase))
