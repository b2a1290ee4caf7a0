/* The Markdown diary and the CSV of check-ins and trigger logs: a fixed
 * small vault against golden files (tests/fixtures/export/; UPDATE_GOLDEN=1
 * rewrites them, read the diff), CSV quoting and the formula guard, days
 * cut at the writer's local midnight. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/export.h"
#include "store/checkins.h"
#include "store/entries.h"
#include "store/triggers.h"
#include "util/fileio.h"
#include "store_helpers.h"
#include "unit.h"

static void at_time(long long t)
{
	char b[32];
	snprintf(b, sizeof(b), "%lld", t);
	setenv("TEND_NOW", b, 1);
}

#define BERLIN "CET-1CEST,M3.5.0,M10.5.0/3"
#define NEW_YORK "EST5EDT,M3.2.0,M11.1.0"
/* 2026-11-22 00:00 UTC */
#define DAY0 1795305600LL

/* The fixed vault: written in Berlin (UTC+1 in November) but for one
 * check-in made in New York; read back with the zone set to UTC. */
static struct test_vault *fixture(void)
{
	struct test_vault *f = test_vault_new();
	struct error e = {0};
	test_zone(BERLIN);
	/* 22 Nov, 23:30 in Berlin (22:30 UTC). */
	at_time(DAY0 + 22 * 3600 + 1800);
	const char *tags[] = {"night", "calm"};
	int64_t id;
	assert_int_equal(entries_add(f->v, "Late walk", "First draft.", tags, 2, &id, &e), 0);
	/* Edited later: the diary keeps only what it says now. */
	at_time(DAY0 + 23 * 3600);
	assert_int_equal(entries_update(f->v, id, "Late walk",
	                                "Along the *river*, slowly.\n\n- cold air\n- quiet\n", tags,
	                                2, &e),
	                 0);
	/* 23:30 UTC on the 22nd is 00:30 on Monday the 23rd in Berlin. */
	at_time(DAY0 + 23 * 3600 + 1800);
	struct checkin c = CHECKIN_INIT;
	c.score = 3;
	c.emotions = "sad/lonely,tired"; /* as the picker keeps them */
	c.intensity = 6;
	c.body = "tight chest";
	c.energy = 2;
	c.sleep_hours = 6.5;
	c.tolerance = "overwhelmed";
	c.tags = "work";
	c.note = "=SUM(A1), he said \"fine\"\nthen left";
	assert_int_equal(checkin_add(f->v, &c, NULL, &e), 0);
	/* 08:15 on the 23rd in Berlin: a trigger, with a tool that helped. */
	at_time(DAY0 + 24 * 3600 + 7 * 3600 + 900);
	struct trigger_log t = TRIGGER_INIT;
	t.category = "sound";
	t.place = "kitchen";
	t.what = "a door slammed";
	t.body = "jumped";
	t.thoughts = "+1 for staying";
	t.urges = "-leave";
	t.did = "@breath, then tea";
	t.tool_id = 1; /* Slow breathing, from the starting toolbox */
	t.suds_before = 8;
	t.suds_after = 4;
	t.helped = 6;
	assert_int_equal(trigger_add(f->v, &t, NULL, &e), 0);
	/* Same day, a log kept to finish later, with only the first answer. */
	at_time(DAY0 + 24 * 3600 + 9 * 3600);
	struct trigger_log u = TRIGGER_INIT;
	u.category = "people";
	u.what = "\ttabbed";
	u.suds_before = 5;
	u.finished = false;
	assert_int_equal(trigger_add(f->v, &u, NULL, &e), 0);
	/* In New York, 20:00 on the 23rd (01:00 UTC on the 24th). */
	test_zone(NEW_YORK);
	at_time(DAY0 + 49 * 3600);
	struct checkin q = CHECKIN_INIT;
	q.score = 7;
	assert_int_equal(checkin_add(f->v, &q, NULL, &e), 0);
	/* Read in yet another zone, on the 25th. */
	test_zone("UTC0");
	at_time(DAY0 + 3 * 86400 + 9 * 3600);
	return f;
}

static void done(struct test_vault *f)
{
	test_vault_free(f);
	unsetenv("TEND_NOW");
	test_zone(NULL);
}

static void markdown_diary(void **state)
{
	(void)state;
	struct test_vault *f = fixture();
	struct buf b = BUF_INIT;
	struct error e = {0};
	assert_int_equal(export_markdown(f->v, &b, &e), 0);
	test_golden("tests/fixtures/export/diary.md", b.data);
	/* What the golden file must say, checked here too so a wrong golden
	 * cannot pass unnoticed. */
	const char *md = b.data;
	assert_non_null(strstr(md, "# tend journal, exported Wednesday, 25 November 2026\n"));
	assert_non_null(strstr(md, "NOT encrypted"));
	const char *sun = strstr(md, "## Sunday, 22 November 2026\n");
	const char *mon = strstr(md, "## Monday, 23 November 2026\n");
	assert_non_null(sun);
	assert_non_null(mon);
	assert_true(sun < mon);
	/* The entry is on Sunday at 23:30, its tags sorted, its body as
	 * written now; the first draft is not in the file. */
	const char *walk = strstr(md, "### 23:30 Journal entry: Late walk\n\n- Tags: calm, night\n\n"
	                              "Along the *river*, slowly.\n\n- cold air\n- quiet\n\n");
	assert_non_null(walk);
	assert_true(walk > sun && walk < mon);
	assert_null(strstr(md, "First draft"));
	/* The check-in at 00:30 Berlin time belongs to Monday, though it was
	 * still Sunday in UTC (the zone the file is made in). */
	const char *low = strstr(md, "### 00:30 Check-in: 3/10\n");
	assert_non_null(low);
	assert_true(low > mon);
	assert_non_null(strstr(md, "- Emotions: lonely, tired\n"));
	assert_non_null(strstr(md, "- Sleep: 6.5 hours\n"));
	assert_non_null(strstr(md, "- Note: =SUM(A1), he said \"fine\"\n  then left\n"));
	assert_non_null(strstr(md, "- Distress: 8/10 before, 4/10 after\n"));
	assert_non_null(strstr(md, "- What helped: Slow breathing (6/10)\n"));
	assert_non_null(strstr(md, "- Kept to finish later\n"));
	/* New York's evening stays on the 23rd, at its own 20:00, last. */
	const char *ny = strstr(md, "### 20:00 Check-in: 7/10\n");
	const char *later = strstr(md, "### 10:00 Trigger\n");
	assert_non_null(later);
	assert_non_null(ny);
	assert_true(ny > later);
	assert_null(strstr(md, "## Tuesday"));
	buf_free(&b);
	done(f);
}

/* Reads CSV back with libcsv: the rows' cells, joined as "a|b|c\n". */
struct back {
	struct buf out;
	int fields;
};

static void cell_cb(void *s, size_t n, void *data)
{
	struct back *b = data;
	if (b->fields++)
		buf_putc(&b->out, '|');
	buf_append(&b->out, s, n);
}

static void row_cb(int c, void *data)
{
	(void)c;
	struct back *b = data;
	buf_putc(&b->out, '\n');
	b->fields = 0;
}

static void csv_moods_and_triggers(void **state)
{
	(void)state;
	struct test_vault *f = fixture();
	struct buf b = BUF_INIT;
	struct error e = {0};
	assert_int_equal(export_csv(f->v, &b, &e), 0);
	test_golden("tests/fixtures/export/logs.csv", b.data);
	/* Strict RFC 4180: libcsv reads it back, every row 24 cells. */
	struct csv_parser p;
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	struct back back = {BUF_INIT, 0};
	assert_int_equal(csv_parse(&p, b.data, b.len, cell_cb, row_cb, &back), b.len);
	assert_int_equal(csv_fini(&p, cell_cb, row_cb, &back), 0);
	csv_free(&p);
	const char *rows = back.out.data;
	assert_non_null(strstr(rows, "kind|date|time|utc_offset|score|emotions|intensity|energy|"
	                             "sleep_hours|tolerance|tags|note|body|category|place|what|"
	                             "thoughts|urges|distress_before|distress_after|did|tool|"
	                             "helped|finished\n"));
	/* The quote doubled and the comma and line break kept inside quotes
	 * come back as written; the leading = behind an apostrophe. */
	assert_non_null(strstr(rows, "check-in|2026-11-23|00:30|UTC+01:00|3|sad/lonely,tired|6|2|6.5|"
	                             "overwhelmed|work|'=SUM(A1), he said \"fine\"\nthen left|"
	                             "tight chest|||||||||||\n"));
	assert_non_null(strstr(rows, "trigger|2026-11-23|08:15|UTC+01:00|||||||||jumped|sound|"
	                             "kitchen|a door slammed|'+1 for staying|'-leave|8|4|"
	                             "'@breath, then tea|Slow breathing|6|yes\n"));
	assert_non_null(strstr(rows, "|'\ttabbed|||5|||||no\n"));
	assert_non_null(strstr(rows, "check-in|2026-11-23|20:00|UTC-05:00|7|"));
	/* Five records and the header; no journal entry in a CSV. */
	int lines = 0;
	for (const char *s = b.data; (s = strstr(s, "\r\n")); s += 2)
		lines++;
	assert_int_equal(lines, 5);
	assert_null(strstr(b.data, "river"));
	buf_free(&back.out);
	buf_free(&b);
	done(f);
}

static void empty_vault(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct buf b = BUF_INIT;
	struct error e = {0};
	assert_int_equal(export_csv(f->v, &b, &e), 0);
	/* The header row is always there. */
	assert_int_equal(strncmp(b.data, "kind,date,time,", 15), 0);
	assert_int_equal(strstr(b.data, "\r\n") - b.data, (long)b.len - 2);
	buf_clear(&b);
	assert_int_equal(export_markdown(f->v, &b, &e), 0);
	assert_non_null(strstr(b.data, "NOT encrypted"));
	assert_non_null(strstr(b.data, "Nothing in the journal yet.\n"));
	assert_null(strstr(b.data, "## "));
	buf_free(&b);
	test_vault_free(f);
}

SUITE(textexport, cmocka_unit_test(markdown_diary), cmocka_unit_test(csv_moods_and_triggers),
      cmocka_unit_test(empty_vault))
