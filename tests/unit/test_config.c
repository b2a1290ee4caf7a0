/* The settings file: values, comments, and a warning with the line number
 * for anything it cannot use (the default stays, tend still starts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "util/config.h"
#include "util/fileio.h"
#include "util/path.h"
#include "util/utf8.h"

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
	assert_int_equal(c.week_start, 0);
	assert_int_equal(c.date_style, DATE_LONG);
	assert_false(c.wide);
	assert_int_equal(c.nkeys, 0);
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
	assert_non_null(strstr(c.warnings[0], "config line 2"));
	assert_non_null(strstr(c.warnings[0], "soon"));
	test_rmtree(dir);
	free(dir);
}

static void comfort_settings(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	static const struct {
		const char *text;
		int week, date, wide;
	} good[] = {
		{"week_start = sunday\n", 6, DATE_LONG, 0},
		{"week_start = monday\n", 0, DATE_LONG, 0},
		{"date_format = iso\n", 0, DATE_ISO, 0},
		{"date_format = dmy\n", 0, DATE_DMY, 0},
		{"date_format = mdy\n", 0, DATE_MDY, 0},
		{"date_format = long\n", 0, DATE_LONG, 0},
		{"spacing = wide\n", 0, DATE_LONG, 1},
		{"spacing = normal\n", 0, DATE_LONG, 0},
		{"week_start=sunday\ndate_format =mdy\nspacing= wide\n", 6, DATE_MDY, 1},
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		write_config(dir, good[i].text);
		struct config c;
		config_load(dir, &c);
		assert_int_equal(c.nwarnings, 0);
		assert_int_equal(c.week_start, good[i].week);
		assert_int_equal(c.date_style, good[i].date);
		assert_int_equal(c.wide, good[i].wide);
	}
	/* Each bad value names its line and keeps the default (or the value an
	 * earlier line set). */
	static const struct {
		const char *text, *want;
	} bad[] = {
		{"week_start = tuesday\n", "config line 1: bad week_start (monday or sunday) 'tuesday'"},
		{"# x\nweek_start = Sunday\n", "config line 2: bad week_start"},
		{"date_format = us\n", "config line 1: bad date_format (long, iso, dmy or mdy) 'us'"},
		{"\n\n\ndate_format =\n", "config line 4: bad date_format"},
		{"spacing = double\n", "config line 1: bad spacing (normal or wide) 'double'"},
		{"spacing = wide\nspacing = 2\n", "config line 2: bad spacing"},
		{"key.crisis\n", "config line 1: not key = value:"},
		{"key. = F2\n", "config line 1: no action '' to bind"},
		{"key.up = \n", "config line 1: no keys for up"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		write_config(dir, bad[i].text);
		struct config c;
		config_load(dir, &c);
		assert_int_equal(c.nwarnings, 1);
		if (!strstr(c.warnings[0], bad[i].want))
			fail_msg("'%s' gave '%s'", bad[i].text, c.warnings[0]);
		assert_int_equal(c.week_start, 0);
		assert_int_equal(c.date_style, DATE_LONG);
		assert_int_equal(c.wide, i == 5);
		assert_int_equal(c.nkeys, 0);
	}
	test_rmtree(dir);
	free(dir);
}

static void key_lines_are_kept(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	write_config(dir, "region = US\n  key.crisis = F2 !  \nkey.down=n\n");
	struct config c;
	config_load(dir, &c);
	assert_int_equal(c.nwarnings, 0);
	assert_int_equal(c.nkeys, 2);
	assert_int_equal(c.keys[0].line, 2);
	assert_string_equal(c.keys[0].action, "crisis");
	assert_string_equal(c.keys[0].keys, "F2 !");
	assert_int_equal(c.keys[1].line, 3);
	assert_string_equal(c.keys[1].action, "down");
	assert_string_equal(c.keys[1].keys, "n");
	test_rmtree(dir);
	free(dir);
}

static void dates_in_each_style(void **state)
{
	(void)state;
	struct tm tm = {.tm_year = 2026 - 1900, .tm_mon = 10, .tm_mday = 3, .tm_wday = 2};
	char out[64];
	assert_int_equal(date_format(out, sizeof(out), &tm, DATE_LONG, 0), 15);
	assert_string_equal(out, "3 November 2026");
	date_format(out, sizeof(out), &tm, DATE_ISO, 0);
	assert_string_equal(out, "2026-11-03");
	date_format(out, sizeof(out), &tm, DATE_DMY, 0);
	assert_string_equal(out, "03/11/2026");
	date_format(out, sizeof(out), &tm, DATE_MDY, 1);
	assert_string_equal(out, "Tuesday 11/03/2026");
	date_format(out, sizeof(out), &tm, DATE_LONG, 1);
	assert_string_equal(out, "Tuesday 3 November 2026");
	/* Cut short, never past the end. */
	assert_int_equal(date_format(out, 5, &tm, DATE_ISO, 0), 4);
	assert_string_equal(out, "2026");
	date_format_iso_text(out, sizeof(out), "2026-11-23", DATE_DMY);
	assert_string_equal(out, "23/11/2026");
	date_format_iso_text(out, sizeof(out), "soon", DATE_DMY);
	assert_string_equal(out, "soon");
	date_format_iso_text(out, sizeof(out), "2026-13-01", DATE_LONG);
	assert_string_equal(out, "2026-13-01");
	assert_int_equal(date_style_parse("mdy"), DATE_MDY);
	assert_int_equal(date_style_parse("MDY"), -1);
	assert_string_equal(date_style_name(DATE_ISO), "iso");
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

/* More problems than slots: the earliest lines are kept, in order, and one
 * that sorts into the last slot moves nothing past the end of the array
 * (under the sanitizers, forming warnings[8] there was caught). */
/* A long unknown key is quoted cut to whole characters: "%.24s" once
 * printed the first byte of a two-byte character and no more. */
static void quoted_key_keeps_whole_characters(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	/* 23 a's, then é (C3 A9) on bytes 24 and 25. */
	write_config(dir, "aaaaaaaaaaaaaaaaaaaaaaa\xC3\xA9 = 1\n");
	struct config c;
	config_load(dir, &c);
	assert_int_equal(c.nwarnings, 1);
	assert_non_null(strstr(c.warnings[0], "'aaaaaaaaaaaaaaaaaaaaaaa'"));
	assert_true(utf8_valid(c.warnings[0], strlen(c.warnings[0])));
	test_rmtree(dir);
	free(dir);
}

static void warnings_past_the_cap(void **state)
{
	(void)state;
	struct config c;
	memset(&c, 0, sizeof(c));
	for (int i = 0; i < CONFIG_MAX_WARNINGS; i++)
		config_warn(&c, 10 + 2 * i, "problem %d", i);
	int last = 10 + 2 * (CONFIG_MAX_WARNINGS - 1);
	config_warn(&c, last - 1, "late");
	char want[64];
	snprintf(want, sizeof(want), "config line %d: late", last - 1);
	assert_non_null(strstr(c.warnings[CONFIG_MAX_WARNINGS - 1], want));
	config_warn(&c, 1, "first");
	assert_int_equal(c.nwarnings, CONFIG_MAX_WARNINGS + 2);
	assert_non_null(strstr(c.warnings[0], "config line 1: first"));
	snprintf(want, sizeof(want), "config line %d: problem %d", last - 2, CONFIG_MAX_WARNINGS - 2);
	assert_non_null(strstr(c.warnings[CONFIG_MAX_WARNINGS - 1], want));
	for (int i = 1; i < CONFIG_MAX_WARNINGS; i++)
		assert_true(c.warning_lines[i - 1] < c.warning_lines[i]);
}

SUITE(config, cmocka_unit_test(defaults_without_a_file), cmocka_unit_test(values_and_comments),
      cmocka_unit_test(problems_name_their_line), cmocka_unit_test(comfort_settings),
      cmocka_unit_test(key_lines_are_kept), cmocka_unit_test(dates_in_each_style),
      cmocka_unit_test(set_keeps_other_lines),
      cmocka_unit_test(warnings_past_the_cap),
      cmocka_unit_test(quoted_key_keeps_whole_characters))
