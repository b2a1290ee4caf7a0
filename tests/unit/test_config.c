/* The settings file: values, comments, and a warning with the line number
 * for anything it cannot use (the default stays, tend still starts). */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "util/config.h"
#include "util/fileio.h"
#include "util/path.h"

static void write_config(const char *dir, const char *text)
{
	char *p = path_join(dir, "config");
	struct error e;
	assert_int_equal(atomic_write(p, text, strlen(text), 0600, &e), 0);
	free(p);
}

static void defaults_without_a_file(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct config c;
	config_load(dir, &c);
	assert_string_equal(c.region, "");
	assert_int_equal(c.autolock_min, 10);
	assert_int_equal(c.color, -1);
	assert_false(c.reduced_motion);
	assert_int_equal(c.nwarnings, 0);
	test_rmtree(dir);
	free(dir);
}

static void values_and_comments(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	write_config(dir, "# mine\n\nregion = GB\r\n  autolock=0\ncolor = off\nreduced_motion = on\n");
	struct config c;
	config_load(dir, &c);
	assert_string_equal(c.region, "GB");
	assert_int_equal(c.autolock_min, 0);
	assert_int_equal(c.color, 0);
	assert_true(c.reduced_motion);
	assert_int_equal(c.nwarnings, 0);
	test_rmtree(dir);
	free(dir);
}

static void problems_name_their_line(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	write_config(dir, "region = IE\nautolock = soon\nshoe_size = 9\njust words\ncolor = blue\n");
	struct config c;
	config_load(dir, &c);
	assert_string_equal(c.region, "IE");     /* good lines still count */
	assert_int_equal(c.autolock_min, 10);    /* the default stays */
	assert_int_equal(c.color, -1);
	assert_int_equal(c.nwarnings, 4);
	assert_non_null(strstr(c.warning, "config line 2"));
	assert_non_null(strstr(c.warning, "soon"));
	test_rmtree(dir);
	free(dir);
}

static void set_keeps_other_lines(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	write_config(dir, "# keep me\nautolock = 5\nregion = US\n");
	struct error e;
	assert_int_equal(config_set(dir, "region", "AU", &e), 0);
	assert_int_equal(config_set(dir, "color", "off", &e), 0);
	struct config c;
	config_load(dir, &c);
	assert_string_equal(c.region, "AU");
	assert_int_equal(c.autolock_min, 5);
	assert_int_equal(c.color, 0);
	char *p = path_join(dir, "config");
	struct buf b = BUF_INIT;
	int missing;
	assert_int_equal(read_file(p, 4096, &b, &missing, &e), 0);
	assert_non_null(strstr(buf_str(&b), "# keep me"));
	buf_free(&b);
	free(p);
	test_rmtree(dir);
	free(dir);
}

SUITE(config, cmocka_unit_test(defaults_without_a_file), cmocka_unit_test(values_and_comments),
      cmocka_unit_test(problems_name_their_line), cmocka_unit_test(set_keeps_other_lines))
