#include <string.h>

#include "unit.h"
#include "core/firstrun.h"
#include "core/tags.h"

static enum pass_level level_of(const char *s)
{
	enum pass_level l;
	const char *say = pass_rate(s, strlen(s), &l);
	assert_non_null(say);
	assert_true(*say);
	return l;
}

static void passphrase_levels(void **state)
{
	(void)state;
	assert_int_equal(level_of(""), PASS_EMPTY);
	assert_int_equal(level_of("seven!!"), PASS_TOO_SHORT);
	assert_int_equal(level_of("eight!!!"), PASS_FAIR);
	assert_int_equal(level_of("a b c d e f"), PASS_STRONG);
	assert_int_equal(level_of("river stone lantern morning"), PASS_VERY_STRONG);
	/* Width, not bytes: seven two-byte letters are still too short, and
	 * four wide characters fill eight columns. */
	assert_int_equal(level_of("ééééééé"), PASS_TOO_SHORT);
	assert_int_equal(level_of("日本語文"), PASS_FAIR);
	enum pass_level l;
	assert_non_null(strstr(pass_rate("short", 5, &l), "8 characters"));
}

static void recovery_group(void **state)
{
	(void)state;
	const char *code = "ABCDE-FGH1K-M0PQR-STVWX-YZ234";
	char g[8];
	code_check_group(code, g);
	assert_string_equal(g, "M0PQR");
	assert_true(code_check_matches(code, "M0PQR", 5));
	assert_true(code_check_matches(code, "mopqr", 5));
	assert_false(code_check_matches(code, "M0PQ", 4));
	assert_false(code_check_matches(code, "M0PQS", 5));
	assert_false(code_check_matches(code, "FGH1K", 5));
	/* A code with too few groups has nothing to check against. */
	code_check_group("ABCDE", g);
	assert_string_equal(g, "");
	assert_false(code_check_matches("ABCDE", "", 0));
}

static void splitting_lists(void **state)
{
	(void)state;
	char buf[] = " calm,  night , ,tired  ,";
	const char *out[8];
	size_t n = list_split(buf, out, 8);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "calm");
	assert_string_equal(out[1], "night");
	assert_string_equal(out[2], "tired");
	char two[] = "a,b,c";
	assert_int_equal(list_split(two, out, 2), 2);
	char none[] = " , ";
	assert_int_equal(list_split(none, out, 8), 0);
}

SUITE(firstrun, cmocka_unit_test(passphrase_levels), cmocka_unit_test(recovery_group),
      cmocka_unit_test(splitting_lists))
