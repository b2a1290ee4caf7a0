#include <string.h>

#include "unit.h"
#include "cli/plain.h"

static void crisis_words(void **state)
{
	(void)state;
	assert_true(plain_is_crisis("!"));
	assert_true(plain_is_crisis("  !  "));
	assert_true(plain_is_crisis("help"));
	assert_true(plain_is_crisis("HELP"));
	assert_true(plain_is_crisis("\tHelp "));
	assert_false(plain_is_crisis(""));
	assert_false(plain_is_crisis("!!"));
	assert_false(plain_is_crisis("help me"));
	assert_false(plain_is_crisis("I said !"));
	assert_false(plain_is_crisis("helpful"));
}

static void menu_answers(void **state)
{
	(void)state;
	assert_int_equal(plain_choice("1", 6), 1);
	assert_int_equal(plain_choice(" 6 ", 6), 6);
	assert_int_equal(plain_choice("", 6), 0);
	assert_int_equal(plain_choice("   ", 6), 0);
	assert_int_equal(plain_choice("q", 6), 0);
	assert_int_equal(plain_choice("Q", 6), 0);
	assert_int_equal(plain_choice("0", 6), -1);
	assert_int_equal(plain_choice("7", 6), -1);
	assert_int_equal(plain_choice("-1", 6), -1);
	assert_int_equal(plain_choice("2x", 6), -1);
	assert_int_equal(plain_choice("seven", 6), -1);
	assert_int_equal(plain_choice("99999999999", 6), -1);
	assert_int_equal(plain_choice("1", 0), -1);
}

static void pager_rows(void **state)
{
	(void)state;
	assert_int_equal(plain_rows(NULL), 24);
	assert_int_equal(plain_rows(""), 24);
	assert_int_equal(plain_rows("40"), 40);
	assert_int_equal(plain_rows("5"), 5);
	assert_int_equal(plain_rows("4"), 24);
	assert_int_equal(plain_rows("40x"), 24);
	assert_int_equal(plain_rows("100000"), 24);
}

static void breaking_lines(void **state)
{
	(void)state;
	assert_int_equal(plain_break("", 10), 0);
	assert_int_equal(plain_break("short", 10), 5);
	assert_int_equal(plain_break("exactly10!", 10), 10);
	/* At the last space that fits. */
	assert_int_equal(plain_break("one two three", 10), 7);
	assert_int_equal(plain_break("one two three", 7), 7);
	/* A word longer than the room is cut where it must be. */
	assert_int_equal(plain_break("abcdefghijkl", 5), 5);
	/* Wide characters count two columns and are never split. */
	assert_int_equal(plain_break("日本語", 5), strlen("日本"));
	/* A character wider than the room still moves the line on. */
	assert_int_equal(plain_break("日本", 1), strlen("日"));
}

static void cleaning_input(void **state)
{
	(void)state;
	char s[] = "a\x1b[31mb\tc\x7f\x01" "d";
	size_t n = plain_clean(s, strlen(s));
	assert_int_equal(n, strlen("a[31mb\tcd"));
	assert_memory_equal(s, "a[31mb\tcd", n);
	char u[] = "é ok";
	assert_int_equal(plain_clean(u, strlen(u)), strlen("é ok"));
}

SUITE(plain, cmocka_unit_test(crisis_words), cmocka_unit_test(menu_answers),
      cmocka_unit_test(pager_rows), cmocka_unit_test(breaking_lines),
      cmocka_unit_test(cleaning_input))
