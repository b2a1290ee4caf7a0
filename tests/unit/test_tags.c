/* test_tags.c: splitting, trimming and tidying comma-separated lists
 * (core/tags.c). list_split has its cases in test_firstrun.c. */
#include <stdlib.h>
#include <string.h>

#include "core/tags.h"
#include "unit.h"
#include "util/buf.h"

static void trimming_a_tag(void **state)
{
	(void)state;
	size_t len;
	const char *s = " \tfamily \t";
	const char *t = tag_trim(s, strlen(s), &len);
	assert_int_equal(len, 6);
	assert_memory_equal(t, "family", 6);
	tag_trim(" \t ", 3, &len);
	assert_int_equal(len, 0);
	/* only the n bytes given are looked at */
	t = tag_trim("  ab  cd", 5, &len);
	assert_int_equal(len, 2);
	assert_memory_equal(t, "ab", 2);
}

static void tidying_a_list(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_int_equal(tags_tidy("breakup, family", &b), 0);
	assert_string_equal(buf_str(&b), "breakup,family");
	assert_int_equal(tags_tidy(" ,\t, a b ,,c\t", &b), 0);
	assert_string_equal(buf_str(&b), "a b,c");
	assert_int_equal(tags_tidy(NULL, &b), 0);
	assert_string_equal(buf_str(&b), "");
	buf_free(&b);
}

static void shown_for_editing(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_int_equal(tags_for_editing("a,b c,d", &b), 0);
	assert_string_equal(buf_str(&b), "a, b c, d");
	buf_clear(&b);
	assert_int_equal(tags_for_editing("", &b), 0);
	assert_string_equal(buf_str(&b), "");
	/* what is shown splits back into what was stored */
	buf_clear(&b);
	assert_int_equal(tags_for_editing("work,family", &b), 0);
	const char *out[4];
	assert_int_equal(list_split(b.data, out, 4), 2);
	assert_string_equal(out[0], "work");
	assert_string_equal(out[1], "family");
	assert_int_equal(list_split(NULL, out, 4), 0);
	buf_free(&b);
}

static void picking_from_a_list(void **state)
{
	(void)state;
	char list[16] = "sad,tired";
	assert_true(list_has(list, "sad"));
	assert_true(list_has(list, "tired"));
	assert_false(list_has(list, "sa"));
	assert_false(list_has(list, "sad,tired"));
	list_toggle(list, sizeof(list), "calm");
	assert_string_equal(list, "sad,tired,calm");
	list_toggle(list, sizeof(list), "tired");
	assert_string_equal(list, "sad,calm");
	list_toggle(list, sizeof(list), "sad");
	list_toggle(list, sizeof(list), "calm");
	assert_string_equal(list, "");
	assert_true(list_item_ok("work stress"));
	assert_false(list_item_ok(""));
	assert_false(list_item_ok("a,b"));
	assert_false(list_item_ok("caf\xc3"));
	/* what does not fit is not added */
	strcpy(list, "aaaaa,bbbbb");
	list_toggle(list, sizeof(list), "cccc");
	assert_string_equal(list, "aaaaa,bbbbb");
	list_toggle(list, sizeof(list), "cc");
	assert_string_equal(list, "aaaaa,bbbbb,cc");
}

SUITE(tags, cmocka_unit_test(trimming_a_tag), cmocka_unit_test(tidying_a_list),
      cmocka_unit_test(shown_for_editing), cmocka_unit_test(picking_from_a_list))
