/* Importing from other apps: jrnl and tui-journal JSON, Daylio CSV. Each
 * is checked whole before anything is added; duplicates are skipped. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/export.h"
#include "io/import.h"
#include "store/vault.h"
#include "../../src/store/store_int.h"
#include "unit.h"

/* The vault as tend's JSON export, for looking at what landed. */
static json_t *vault_json(struct test_vault *f)
{
	struct buf b = BUF_INIT;
	struct error e = {0};
	assert_int_equal(export_json(f->v, &b, &e), 0);
	json_t *root = json_loadb(b.data, b.len, 0, NULL);
	buf_free(&b);
	assert_non_null(root);
	return root;
}

static json_t *rows(json_t *root, const char *table)
{
	return json_object_get(json_object_get(root, "tables"), table);
}

static const char *text_of(json_t *row, const char *col)
{
	return json_string_value(json_object_get(row, col));
}

static long long int_of(json_t *row, const char *col)
{
	return (long long)json_integer_value(json_object_get(row, col));
}

static int run(struct test_vault *f, enum import_format fmt, const char *text, bool dry,
               struct import_summary *sum, struct error *e)
{
	struct import_opts o = {.format = fmt, .dry_run = dry};
	return import_foreign(f->v, text, strlen(text), &o, sum, e);
}

static const char jrnl[] =
	"{\"tags\": {\"@walk\": 1}, \"entries\": ["
	"{\"title\": \"By the canal.\", \"body\": \"The heron.\", \"date\": \"2024-03-02\","
	" \"time\": \"08:15\", \"tags\": [\"@walk\", \"@a,b\"], \"starred\": true},"
	"{\"title\": \"Late\", \"body\": \"\", \"date\": \"2024-03-03\", \"time\": \"23:59\","
	" \"tags\": [], \"starred\": false}]}";

static void jrnl_entries_with_tags_and_local_time(void **state)
{
	(void)state;
	test_zone("CET-1CEST,M3.5.0,M10.5.0/3"); /* Berlin */
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	assert_int_equal(run(f, IMPORT_JRNL, jrnl, false, &sum, &e), 0);
	assert_int_equal(sum.entries, 2);
	assert_int_equal(sum.checkins, 0);
	json_t *root = vault_json(f);
	json_t *en = json_array_get(rows(root, "entries"), 0);
	assert_string_equal(text_of(en, "title"), "By the canal.");
	assert_string_equal(text_of(en, "body"), "The heron.");
	/* 08:15 in Berlin in March is 07:15 UTC. */
	assert_int_equal(int_of(en, "created_at"), 1709363700);
	assert_int_equal(int_of(en, "created_off"), 60);
	json_t *tags = rows(root, "tags");
	assert_int_equal(json_array_size(tags), 3);
	/* the @ goes, a comma (tend's separator) becomes a space, a star is a tag */
	const char *want[] = {"a b", "starred", "walk"};
	for (size_t i = 0; i < 3; i++) {
		bool seen = false;
		for (size_t k = 0; k < 3; k++)
			seen |= strcmp(text_of(json_array_get(tags, k), "name"), want[i]) == 0;
		if (!seen)
			fail_msg("tag '%s' missing", want[i]);
	}
	json_decref(root);
	test_vault_free(f);
	test_zone(NULL);
}

static void reimport_skips_exact_duplicates(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	assert_int_equal(run(f, IMPORT_JRNL, jrnl, false, &sum, &e), 0);
	assert_int_equal(run(f, IMPORT_JRNL, jrnl, true, &sum, &e), 0);
	assert_int_equal(sum.entries, 0);
	assert_int_equal(sum.duplicates, 2);
	/* An entry changed since is not a duplicate: it comes in beside the old one. */
	char *changed = strdup(jrnl);
	memcpy(strstr(changed, "The heron."), "The egret.", 10);
	assert_int_equal(run(f, IMPORT_JRNL, changed, false, &sum, &e), 0);
	assert_int_equal(sum.entries, 1);
	assert_int_equal(sum.duplicates, 1);
	free(changed);
	json_t *root = vault_json(f);
	assert_int_equal(json_array_size(rows(root, "entries")), 3);
	json_decref(root);
	test_vault_free(f);
}

static void a_bad_entry_late_in_the_file_adds_nothing(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *bad = "{\"entries\": [{\"title\": \"ok\", \"body\": \"\", \"date\": \"2024-03-02\","
	                  " \"time\": \"08:15\"}, {\"title\": \"x\", \"date\": \"2024-02-30\","
	                  " \"time\": \"08:15\"}]}";
	assert_int_equal(run(f, IMPORT_JRNL, bad, false, &sum, &e), -1);
	assert_string_equal(e.msg, "entry 2: 2024-02-30 08:15 is not a real date and time.");
	json_t *root = vault_json(f);
	assert_int_equal(json_array_size(rows(root, "entries")), 0);
	json_decref(root);
	const char *odd[][2] = {
		{"[1, 2]", "not a jrnl export"},
		{"{\"entries\": [{\"date\": \"2024-03-02\", \"time\": \"8 am\"}]}", "entry 1: \"time\""},
		{"{\"entries\": [{\"date\": 20240302}]}", "entry 1: date, time, title and body are text"},
		{"{\"entries\": [{\"date\": \"2024-03-02\", \"tags\": \"x\"}]}", "\"tags\" is not a list"},
		{"{\"entries\": [7]}", "entry 1 is not an object"},
		{"{\"entries\": [", "line 1, column"},
	};
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		assert_int_equal(run(f, IMPORT_JRNL, odd[i][0], false, &sum, &e), -1);
		if (!strstr(e.msg, odd[i][1]))
			fail_msg("'%s': got '%s'", odd[i][0], e.msg);
	}
	test_vault_free(f);
}

static void tui_journal_dates_with_zones(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *doc = "{\"version\": 100, \"entries\": ["
	                  "{\"date\": \"2024-01-04T16:07:40.123456789Z\", \"title\": \"Back\","
	                  " \"content\": \"Tired\\nproud\", \"tags\": [\"work\"], \"priority\": 1},"
	                  "{\"date\": \"2024-01-06T09:30:00+02:00\", \"title\": \"Sat\","
	                  " \"content\": \"\", \"tags\": [], \"priority\": null}]}";
	assert_int_equal(run(f, IMPORT_TUI_JOURNAL, doc, false, &sum, &e), 0);
	assert_int_equal(sum.entries, 2);
	json_t *root = vault_json(f);
	json_t *en = rows(root, "entries");
	assert_int_equal(int_of(json_array_get(en, 0), "created_at"), 1704384460);
	assert_string_equal(text_of(json_array_get(en, 0), "body"), "Tired\nproud");
	assert_int_equal(int_of(json_array_get(en, 1), "created_at"), 1704526200);
	json_decref(root);
	const char *odd[][2] = {
		{"{\"version\": 200, \"entries\": []}", "not 1xx"},
		{"{\"version\": 100, \"entries\": [{\"date\": \"2024-01-04T16:07:40\"}]}", "not a date"},
		{"{\"version\": 100, \"entries\": [{\"date\": \"2024-13-04T16:07:40Z\"}]}", "not a date"},
	};
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		assert_int_equal(run(f, IMPORT_TUI_JOURNAL, odd[i][0], false, &sum, &e), -1);
		if (!strstr(e.msg, odd[i][1]))
			fail_msg("'%s': got '%s'", odd[i][0], e.msg);
	}
	test_vault_free(f);
}

static const char daylio[] =
	"\xEF\xBB\xBF" "full_date,date,weekday,time,mood,activities,note_title,note\r\n"
	"2024-05-18,May 18,Saturday,9:54 pm,rad,\"friends | music | movies / tv\",\"A day\","
	"\"Lake.<br>We laughed, \"\"a lot\"\".\"\r\n"
	"2024-05-17,May 17,Friday,10:21,meh,\"cleaning | bad sleep \",\"\",\"\"\r\n"
	"2024-05-16,May 16,Thursday,23:41,awful,\"\",\"\",\"Loud.\n\nI stayed in.\"\r\n";

static void daylio_check_ins_notes_and_activities(void **state)
{
	(void)state;
	test_zone("UTC0");
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	assert_int_equal(run(f, IMPORT_DAYLIO, daylio, false, &sum, &e), 0);
	assert_int_equal(sum.total, 3);
	assert_int_equal(sum.checkins, 3);
	assert_int_equal(sum.entries, 2);
	json_t *root = vault_json(f);
	json_t *moods = rows(root, "moods");
	assert_int_equal(json_array_size(moods), 3);
	/* rows come by id: the file's order, newest first */
	assert_int_equal(int_of(json_array_get(moods, 0), "score"), 9);
	assert_int_equal(int_of(json_array_get(moods, 0), "at"), 1716069240);
	assert_string_equal(text_of(json_array_get(moods, 0), "tags"), "friends,music,movies / tv");
	assert_int_equal(int_of(json_array_get(moods, 1), "score"), 5);
	assert_string_equal(text_of(json_array_get(moods, 1), "tags"), "cleaning,bad sleep");
	assert_int_equal(int_of(json_array_get(moods, 2), "score"), 1);
	json_t *en = rows(root, "entries");
	assert_int_equal(json_array_size(en), 2);
	assert_string_equal(text_of(json_array_get(en, 0), "title"), "A day");
	assert_string_equal(text_of(json_array_get(en, 0), "body"), "Lake.\nWe laughed, \"a lot\".");
	assert_int_equal(int_of(json_array_get(en, 0), "mood_id"), int_of(json_array_get(moods, 0), "id"));
	assert_string_equal(text_of(json_array_get(en, 1), "body"), "Loud.\n\nI stayed in.");
	json_decref(root);
	/* again: everything is there already */
	assert_int_equal(run(f, IMPORT_DAYLIO, daylio, false, &sum, &e), 0);
	assert_int_equal(sum.duplicates, 3);
	assert_int_equal(sum.checkins + sum.entries, 0);
	test_vault_free(f);
	test_zone(NULL);
}

static void daylio_header_variants(void **state)
{
	(void)state;
	test_zone("UTC0");
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *docs[][2] = {
		/* the oldest: year and "18 May", 12-hour times, no title */
		{"year,date,weekday,time,mood,activities,note\n"
		 "2018,18 May,Friday,11:54 pm,good,\"clean | cook\",\"A party\"\n"
		 "2018,May 17,Thursday,12:05 am,bad,\"\",\"\"\n", "2"},
		{"full_date,date,weekday,time,mood,activities,note\n"
		 "2023-11-02,November 2,Thursday,19:00,meh,work,Long day\n", "1"},
		{"full_date,date,weekday,time,mood,activities,note_title,note,scales\n"
		 "2025-02-01,February 1,Saturday,8:05 am,good,walk,,,Energy 4\n", "1"},
	};
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		if (run(f, IMPORT_DAYLIO, docs[i][0], false, &sum, &e))
			fail_msg("variant %zu: %s", i, e.msg);
		assert_int_equal(sum.checkins, atoi(docs[i][1]));
	}
	json_t *root = vault_json(f);
	json_t *moods = rows(root, "moods");
	assert_int_equal(int_of(json_array_get(moods, 0), "at"), 1526687640); /* 2018-05-18 23:54 */
	assert_int_equal(int_of(json_array_get(moods, 1), "at"), 1526515500); /* 2018-05-17 00:05 */
	assert_int_equal(int_of(json_array_get(moods, 1), "score"), 3);
	json_decref(root);
	test_vault_free(f);
	test_zone(NULL);
}

static void daylio_custom_moods_and_problems(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *doc = "full_date,date,weekday,time,mood,activities,note_title,note\n"
	                  "2024-06-01,June 1,Saturday,09:00,sleepy,,,\n"
	                  "2024-06-02,June 2,Sunday,09:00,Calm,,,\n"
	                  "2024-06-03,June 3,Monday,09:00,sleepy,,,\n";
	assert_int_equal(run(f, IMPORT_DAYLIO, doc, false, &sum, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	assert_non_null(strstr(e.msg, "\"sleepy\" (line 2), \"Calm\" (line 3)"));
	/* The names once each, for the screen that asks for their scores. */
	struct buf unknown = BUF_INIT;
	struct import_opts ask = {.format = IMPORT_DAYLIO, .dry_run = true, .unknown = &unknown};
	assert_int_equal(import_foreign(f->v, doc, strlen(doc), &ask, &sum, &e), -1);
	assert_string_equal(buf_str(&unknown), "sleepy\nCalm\n");
	buf_free(&unknown);
	struct mood_name names[] = {{"sleepy", 4}, {"calm", 6}, {"good", 10}};
	struct import_opts o = {.format = IMPORT_DAYLIO, .moods = names, .nmoods = 3};
	assert_int_equal(import_foreign(f->v, doc, strlen(doc), &o, &sum, &e), 0);
	assert_int_equal(sum.checkins, 3);
	json_t *root = vault_json(f);
	assert_int_equal(int_of(json_array_get(rows(root, "moods"), 1), "score"), 6);
	json_decref(root);
	const char *odd[][2] = {
		{"", "empty"},
		{"name,email\nAda,ada@example.org\n", "line 1: this is not a Daylio export"},
		{"full_date,time,mood\n2024-05-18,21:54,rad\n2024-05-17,10:21\n",
		 "line 3: 2 fields where the header has 3"},
		{"full_date,time,mood,note\n2024-05-18,21:54,rad,\"a\n\nb\"\n2024-05-18,25:00,rad,x\n",
		 "line 5: the time \"25:00\""},
		{"full_date,time,mood,note\n2024-05-18,21:54,rad,\"a \"stray\" quote\"\n",
		 "line 2: a quote out of place"},
		{"full_date,time,mood,note\n2024-05-18,21:54,rad,\"never closed\n", "ends inside a quoted"},
		{"full_date,time,mood\n18/05/2024,21:54,rad\n", "line 2: the date \"18/05/2024\""},
	};
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		assert_int_equal(run(f, IMPORT_DAYLIO, odd[i][0], false, &sum, &e), -1);
		if (!strstr(e.msg, odd[i][1]))
			fail_msg("case %zu: got '%s'", i, e.msg);
	}
	root = vault_json(f);
	assert_int_equal(json_array_size(rows(root, "moods")), 3);
	json_decref(root);
	test_vault_free(f);
}

static void a_dry_run_counts_exactly_and_changes_nothing(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *doc = "full_date,time,mood\n2024-05-18,21:54,rad\n2024-05-19,21:54,rad\n";
	assert_int_equal(run(f, IMPORT_DAYLIO, doc, false, &sum, &e), 0);
	const char *more = "full_date,time,mood\n2024-05-18,21:54,rad\n2024-05-20,8:00,bad\n";
	assert_int_equal(run(f, IMPORT_DAYLIO, more, true, &sum, &e), 0);
	assert_int_equal(sum.checkins, 1);
	assert_int_equal(sum.duplicates, 1);
	json_t *root = vault_json(f);
	assert_int_equal(json_array_size(rows(root, "moods")), 2);
	json_decref(root);
	test_vault_free(f);
}

/* Rows alike in one file are all the person's: only what the vault held
 * before the import counts as already there. */
static void duplicates_only_against_the_vault_before(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *twice = "{\"entries\": ["
	                    "{\"title\": \"Tea\", \"body\": \"b\", \"date\": \"2024-03-02\", \"time\": \"08:15\"},"
	                    "{\"title\": \"Tea\", \"body\": \"b\", \"date\": \"2024-03-02\", \"time\": \"08:15\"}]}";
	assert_int_equal(run(f, IMPORT_JRNL, twice, true, &sum, &e), 0);
	assert_int_equal(sum.entries, 2);
	assert_int_equal(sum.duplicates, 0);
	assert_int_equal(run(f, IMPORT_JRNL, twice, false, &sum, &e), 0);
	assert_int_equal(sum.entries, 2);
	assert_int_equal(sum.duplicates, 0);
	assert_int_equal(run(f, IMPORT_JRNL, twice, false, &sum, &e), 0);
	assert_int_equal(sum.entries, 0);
	assert_int_equal(sum.duplicates, 2);
	/* A file holding it three times where the vault holds it twice adds one. */
	const char *thrice = "{\"entries\": ["
	                     "{\"title\": \"Tea\", \"body\": \"b\", \"date\": \"2024-03-02\", \"time\": \"08:15\"},"
	                     "{\"title\": \"Tea\", \"body\": \"b\", \"date\": \"2024-03-02\", \"time\": \"08:15\"},"
	                     "{\"title\": \"Tea\", \"body\": \"b\", \"date\": \"2024-03-02\", \"time\": \"08:15\"}]}";
	assert_int_equal(run(f, IMPORT_JRNL, thrice, false, &sum, &e), 0);
	assert_int_equal(sum.entries, 1);
	assert_int_equal(sum.duplicates, 2);
	/* Daylio: two check-ins in the same minute with other activities */
	const char *day = "full_date,time,mood,activities\n"
	                  "2024-05-18,21:54,rad,walk\n2024-05-18,21:54,sleepy,work\n"
	                  "2024-05-18,21:54,sleepy,work\n";
	struct mood_name low[] = {{"sleepy", 2}}, high[] = {{"sleepy", 8}};
	struct import_opts o = {.format = IMPORT_DAYLIO, .moods = low, .nmoods = 1};
	assert_int_equal(import_foreign(f->v, day, strlen(day), &o, &sum, &e), 0);
	assert_int_equal(sum.checkins, 3);
	assert_int_equal(sum.duplicates, 0);
	/* again with another score for a mood: still nothing new */
	o.moods = high;
	assert_int_equal(import_foreign(f->v, day, strlen(day), &o, &sum, &e), 0);
	assert_int_equal(sum.checkins, 0);
	assert_int_equal(sum.duplicates, 3);
	json_t *root = vault_json(f);
	assert_int_equal(json_array_size(rows(root, "entries")), 3);
	assert_int_equal(json_array_size(rows(root, "moods")), 3);
	assert_int_equal(int_of(json_array_get(rows(root, "moods"), 1), "score"), 2);
	json_decref(root);
	test_vault_free(f);
}

/* The vault never holds text its own export refuses; verify names any. */
static void text_the_export_refuses_stays_out(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *latin1 = "full_date,time,mood,note\n2024-05-18,21:54,rad,ok\n"
	                     "2024-05-19,21:54,rad,caf\xE9\n";
	assert_int_equal(run(f, IMPORT_DAYLIO, latin1, false, &sum, &e), -1);
	assert_string_equal(e.msg, "line 3: byte 0xE9 is not UTF-8. If the file was written in "
	                           "another encoding, name it, e.g. --encoding windows-1252 (or "
	                           "latin1, utf-16).");
	const char *nul = "{\"entries\": []}\n\0";
	struct import_opts o = {.format = IMPORT_JRNL};
	assert_int_equal(import_foreign(f->v, nul, 17, &o, &sum, &e), -1);
	assert_non_null(strstr(e.msg, "line 2: a NUL byte"));
	o = (struct import_opts){.format = IMPORT_DAYLIO, .encoding = "latin1"};
	assert_int_equal(import_foreign(f->v, latin1, strlen(latin1), &o, &sum, &e), 0);
	assert_int_equal(sum.entries, 2);
	/* Daylio's title: a CR LF is a space there, a tab too; the note keeps
	 * its line and loses the escape and the CR */
	const char *ctl = "full_date,time,mood,note_title,note\n"
	                  "2024-05-20,8:00,bad,\"one\r\ntwo\tthree\",\"a\x1b[2Jb\r\nc\x7f\"\n";
	assert_int_equal(run(f, IMPORT_DAYLIO, ctl, false, &sum, &e), 0);
	assert_int_equal(sum.controls, 2);
	assert_int_equal(sum.breaks, 1);
	json_t *root = vault_json(f);
	json_t *en = rows(root, "entries");
	assert_int_equal(json_array_size(en), 3);
	assert_string_equal(text_of(json_array_get(en, 1), "body"), "caf\xC3\xA9");
	assert_string_equal(text_of(json_array_get(en, 2), "title"), "one two three");
	assert_string_equal(text_of(json_array_get(en, 2), "body"), "a[2Jb\nc");
	json_decref(root);
	struct buf places = BUF_INIT;
	size_t nbad = 1;
	assert_int_equal(export_check(f->v, &places, &nbad, &e), 0);
	assert_int_equal(nbad, 0);
	/* a row an older tend let in */
	assert_int_equal(store_exec(vault_db(f->v), "UPDATE entries SET body = x'6361e9' WHERE id = 2;"
	                                            "UPDATE moods SET tags = x'ff' WHERE id = 1;", &e), 0);
	assert_int_equal(export_check(f->v, &places, &nbad, &e), 0);
	assert_int_equal(nbad, 2);
	assert_string_equal(buf_str(&places), "entries 2 (body), moods 1 (tags)");
	buf_free(&places);
	test_vault_free(f);
}

/* Daylio's older layout is in the phone's language. */
static void daylio_dates_in_the_phones_language(void **state)
{
	(void)state;
	static const struct {
		const char *dm;
		int mo, d;
	} cases[] = {
		{"7 września", 9, 7},    {"16 de octubre", 10, 16}, {"7. September", 9, 7},
		{"3 février", 2, 3},     {"1er mai", 5, 1},         {"12 settembre", 9, 12},
		{"5 de março", 3, 5},    {"9 maart", 3, 9},          {"9 mrt.", 3, 9},
		{"21 сентября", 9, 21},  {"2 Января", 1, 2},        {"4. června", 6, 4},
		{"4. července", 7, 4},   {"8 Şubat", 2, 8},         {"30 Ağustos", 8, 30},
		{"9月7日", 9, 7},         {"12월 25일", 12, 25},      {"May 18th", 5, 18},
		{"18 Sept.", 9, 18},     {"11 paź", 10, 11},        {"1 Jänner", 1, 1},
		{"6 листопада", 11, 6},  {"22 kwietnia", 4, 22},    {"14 Dezember", 12, 14},
	};
	test_zone("UTC0");
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char doc[200];
		snprintf(doc, sizeof(doc), "year,date,weekday,time,mood\n2019,\"%s\",x,10:00,good\n",
		         cases[i].dm);
		if (run(f, IMPORT_DAYLIO, doc, true, &sum, &e))
			fail_msg("'%s': %s", cases[i].dm, e.msg);
		struct tm tm = {.tm_year = 119, .tm_mon = cases[i].mo - 1, .tm_mday = cases[i].d,
		                .tm_hour = 10};
		if (sum.first != (int64_t)timegm(&tm))
			fail_msg("'%s': read as %lld", cases[i].dm, (long long)sum.first);
	}
	/* "čer" begins both June and July; no such day; no month */
	const char *bad[] = {"7 čer", "7 września 8", "7", "septembre", "32 mai", "7 Smarch"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char doc[200];
		snprintf(doc, sizeof(doc), "year,date,weekday,time,mood\n2019,\"%s\",x,10:00,good\n",
		         bad[i]);
		assert_int_equal(run(f, IMPORT_DAYLIO, doc, true, &sum, &e), -1);
		assert_non_null(strstr(e.msg, "line 2:"));
	}
	test_vault_free(f);
	test_zone(NULL);
}

/* Before 1970, HTML in notes, scales, a note with no title, many activities. */
static void daylio_keeps_everything_a_row_holds(void **state)
{
	(void)state;
	test_zone("UTC0");
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	struct buf doc = BUF_INIT;
	buf_puts(&doc, "full_date,time,mood,activities,note_title,note,scales\n"
	               "1954-03-01,8:00,good,,,,\n1936-07-04,9:30,meh,,,,\n"
	               "2024-05-01,21:00,rad,\"");
	for (int i = 0; i < 70; i++)
		buf_printf(&doc, "%sact%d", i ? " | " : "", i);
	buf_puts(&doc, "\",,\"<b>Bold</b> and <i>soft</i> &amp; &lt;3 &#233;t&eacute;<br>"
	               "<ul><li>one</li><li>two</li></ul><p>Last</p>\",\"Energy 4 | Sleep 7 \"\n");
	assert_int_equal(run(f, IMPORT_DAYLIO, buf_str(&doc), false, &sum, &e), 0);
	assert_int_equal(sum.checkins, 3);
	assert_int_equal(sum.entries, 1);
	assert_int_equal(sum.first, -1056983400); /* 1936-07-04 09:30 */
	assert_int_equal(sum.last, 1714597200);
	json_t *root = vault_json(f);
	json_t *en = json_array_get(rows(root, "entries"), 0);
	assert_string_equal(text_of(en, "body"),
	                    "Bold and soft & <3 \xC3\xA9t&eacute;\n- one\n- two\nLast");
	assert_string_equal(text_of(en, "title"), "Bold and soft & <3 \xC3\xA9t&eacute;");
	json_t *moods = rows(root, "moods");
	assert_int_equal(int_of(json_array_get(moods, 1), "at"), -1056983400);
	assert_string_equal(text_of(json_array_get(moods, 2), "note"), "Energy 4\nSleep 7");
	const char *tags = text_of(json_array_get(moods, 2), "tags");
	assert_non_null(strstr(tags, ",act69"));
	assert_int_equal(json_array_size(rows(root, "entry_tags")), 70);
	json_decref(root);
	/* a long note's title is cut between words */
	const char *lng = "full_date,time,mood,note\n2024-05-02,21:00,rad,\"I walked down to the "
	                  "river this morning and sat there for a long while watching.\"\n";
	assert_int_equal(run(f, IMPORT_DAYLIO, lng, false, &sum, &e), 0);
	root = vault_json(f);
	en = json_array_get(rows(root, "entries"), 1);
	assert_string_equal(text_of(en, "title"), "I walked down to the river this morning and sat there for a...");
	json_decref(root);
	buf_free(&doc);
	test_vault_free(f);
	test_zone(NULL);
}

/* jrnl's plain-text journal, as jrnl 1 and 2+ write it. */
static void jrnl_text_journal(void **state)
{
	(void)state;
	test_zone("UTC0");
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *doc = "\n[2024-03-02 08:15] Title only *\n\n"
	                  "[2024-03-02 09:00] Two lines\n"
	                  "2024-03-01 10:00 is a date in the body, not an entry.\n"
	                  "[not a date] neither; mail me@x.org, see @a/b and #c++.\n\n"
	                  "2024-03-03 10:00 Old style. Body @here!\n";
	assert_int_equal(run(f, IMPORT_JRNL, doc, false, &sum, &e), 0);
	assert_int_equal(sum.entries, 3);
	json_t *root = vault_json(f);
	json_t *en = rows(root, "entries");
	assert_string_equal(text_of(json_array_get(en, 0), "title"), "Title only");
	assert_string_equal(text_of(json_array_get(en, 0), "body"), "");
	assert_string_equal(text_of(json_array_get(en, 1), "title"), "Two lines");
	assert_string_equal(text_of(json_array_get(en, 1), "body"),
	                    "2024-03-01 10:00 is a date in the body, not an entry.\n"
	                    "[not a date] neither; mail me@x.org, see @a/b and #c++.");
	assert_string_equal(text_of(json_array_get(en, 2), "title"), "Old style.");
	assert_string_equal(text_of(json_array_get(en, 2), "body"), "Body @here!");
	assert_int_equal(int_of(json_array_get(en, 2), "created_at"), 1709460000);
	json_t *tags = rows(root, "tags");
	const char *want[] = {"starred", "a/b", "c++", "here"};
	assert_int_equal(json_array_size(tags), 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(text_of(json_array_get(tags, i), "name"), want[i]);
	json_decref(root);
	const char *odd[][2] = {
		{"Dear diary\n[2024-03-02 08:15] x\n", "line 1: this is not a jrnl journal"},
		{"[2024-03-02 08:15] ok\n\n[2024-02-30 08:15] x\n", "line 3: 2024-02-30 08:15 is not a real"},
		{"\n \n", "empty"},
	};
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		assert_int_equal(run(f, IMPORT_JRNL, odd[i][0], false, &sum, &e), -1);
		if (!strstr(e.msg, odd[i][1]))
			fail_msg("case %zu: got '%s'", i, e.msg);
	}
	test_vault_free(f);
	test_zone(NULL);
}

/* A time a daylight-saving change skipped or showed twice keeps its clock
 * reading, and the summary says so. */
static void times_in_a_daylight_saving_change(void **state)
{
	(void)state;
	test_zone("CET-1CEST,M3.5.0,M10.5.0/3"); /* Berlin */
	struct test_vault *f = test_vault_new();
	struct import_summary sum;
	struct error e = {0};
	const char *doc = "{\"entries\": ["
	                  "{\"title\": \"gap\", \"date\": \"2024-03-31\", \"time\": \"02:30\", \"tags\": []},"
	                  "{\"title\": \"twice\", \"date\": \"2024-10-27\", \"time\": \"02:30\", \"tags\": []},"
	                  "{\"title\": \"summer\", \"date\": \"2024-07-01\", \"time\": \"12:00\", \"tags\": []}]}";
	assert_int_equal(run(f, IMPORT_JRNL, doc, false, &sum, &e), 0);
	assert_int_equal(sum.dst, 2);
	json_t *root = vault_json(f);
	json_t *en = rows(root, "entries");
	/* 02:30 at +01:00 (the clocks had not gone forward yet) */
	assert_int_equal(int_of(json_array_get(en, 0), "created_at"), 1711848600);
	assert_int_equal(int_of(json_array_get(en, 0), "created_off"), 60);
	/* the first 02:30, still in summer time */
	assert_int_equal(int_of(json_array_get(en, 1), "created_at"), 1729989000);
	assert_int_equal(int_of(json_array_get(en, 1), "created_off"), 120);
	assert_int_equal(int_of(json_array_get(en, 2), "created_at"), 1719828000);
	assert_int_equal(int_of(json_array_get(en, 2), "created_off"), 120);
	json_decref(root);
	test_vault_free(f);
	test_zone(NULL);
}

/* One small file of each format, for the table's rows. */
static const struct {
	enum import_format format;
	const char *text;
} samples[] = {
	{IMPORT_TEND_JSON, "{\"format\": \"tend-export\", \"version\": 1, \"tables\": {}}"},
	{IMPORT_JRNL, "{\"tags\": {}, \"entries\": [{\"date\": \"2024-03-02\", \"time\": \"21:15\","
	              " \"title\": \"t\", \"body\": \"\"}]}"},
	{IMPORT_JRNL, "[2024-03-02 21:15] A walk.\n"},
	{IMPORT_DAYLIO, "full_date,date,weekday,time,mood,activities,note\n"
	                "2024-05-18,May 18,Saturday,21:54,rad,,\n"},
	{IMPORT_TUI_JOURNAL, "{\"version\": 100, \"entries\": [{\"date\": \"2024-01-04T16:07:40Z\","
	                     " \"title\": \"t\", \"content\": \"\", \"tags\": []}]}"},
	{IMPORT_DAY_ONE, "{\"metadata\": {\"version\": \"1.0\"}, \"entries\": [{\"creationDate\":"
	                 " \"2023-07-14T18:05:00Z\", \"text\": \"Picnic\"}]}"},
};

/* The table is all a format needs: each row is taken by --format, named
 * in the usage text, read (or left to tend's own reader), and its files
 * are told from what is in them by that row alone, whatever the order. */
static void one_table_of_formats(void **state)
{
	(void)state;
	size_t n = import_format_count();
	assert_true(n >= 5);
	char names[400];
	import_format_names(names, sizeof(names), "|", "|");
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		const struct import_format_info *row = &import_formats[i];
		enum import_format f;
		assert_int_equal(import_format_parse(row->name, &f), 0);
		assert_int_equal(f, row->format);
		assert_ptr_equal(import_format_info(f), row);
		assert_non_null(strstr(names, row->name));
		len += strlen(row->name) + (i ? 1 : 0);
		assert_non_null(row->label);
		assert_non_null(row->detect);
		assert_true(row->read != NULL || row->format == IMPORT_TEND_JSON);
		bool sampled = false;
		for (size_t k = 0; k < sizeof(samples) / sizeof(samples[0]); k++)
			sampled |= samples[k].format == row->format;
		if (!sampled)
			fail_msg("no sample file for --format %s", row->name);
	}
	assert_int_equal(strlen(names), len); /* the names, and nothing else */
	for (size_t k = 0; k < sizeof(samples) / sizeof(samples[0]); k++) {
		const char *text = samples[k].text;
		struct import_sniff s = {.text = text, .len = strlen(text)};
		s.looks_json = text[0] == '{';
		s.json = s.looks_json ? json_loads(text, 0, NULL) : NULL;
		for (size_t i = 0; i < n; i++) {
			bool mine = import_formats[i].format == samples[k].format;
			if ((import_formats[i].detect(&s) != NULL) != mine)
				fail_msg("sample %zu: --format %s %s it", k, import_formats[i].name,
				         mine ? "does not claim" : "claims");
		}
		json_decref(s.json);
		enum import_format told;
		const char *what;
		struct error e = {0};
		assert_int_equal(import_detect(text, strlen(text), &told, &what, &e), 0);
		assert_int_equal(told, samples[k].format);
		/* and each reader reads its own sample */
		if (import_format_info(told)->read) {
			struct import_opts o = {.format = told};
			struct import_plan p;
			if (import_read(text, strlen(text), &o, &p, &e))
				fail_msg("sample %zu: %s", k, e.msg);
			assert_int_equal(p.nrecords, 1);
			import_plan_free(&p);
		}
	}
}

/* A file is read once into a plan; the plan is applied as a dry run and
 * then for real, with the moods it did not know scored in between. */
static void read_once_then_apply(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	const char *doc = "full_date,date,weekday,time,mood,activities,note_title,note\n"
	                  "2024-06-01,June 1,Saturday,09:00,sleepy,,\"Bell\a\",\n"
	                  "2024-06-02,June 2,Sunday,09:00,rad,,,\n"
	                  "2024-06-03,June 3,Monday,09:00,Sleepy,,\"Two\nlines\",x\n";
	struct import_opts o = {.format = IMPORT_DAYLIO};
	struct import_plan p;
	struct error e = {0};
	assert_int_equal(import_read(doc, strlen(doc), &o, &p, &e), 0);
	assert_int_equal(p.nrecords, 3);
	assert_true(p.by_line);
	/* the unknown moods: a list, each once, where first seen */
	assert_int_equal(p.nunknown, 2);
	assert_string_equal(p.unknown[0].name, "sleepy");
	assert_int_equal(p.unknown[0].line, 2);
	assert_string_equal(p.unknown[1].name, "Sleepy");
	assert_int_equal(p.unknown[1].line, 4);
	/* warnings with their lines */
	assert_int_equal(p.controls, 1);
	assert_int_equal(p.breaks, 1);
	assert_int_equal(p.nwarnings, 2);
	assert_int_equal(p.warnings[0].kind, IMPORT_W_CONTROL);
	assert_int_equal(p.warnings[0].where, 2);
	assert_int_equal(p.warnings[1].kind, IMPORT_W_BREAK);
	assert_int_equal(p.warnings[1].where, 4);
	struct import_summary sum;
	assert_int_equal(import_apply(f->v, &p, true, &sum, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	assert_non_null(strstr(e.msg, "\"sleepy\" (line 2), \"Sleepy\" (line 4)"));
	import_plan_score(&p, "SLEEPY", 4); /* any case: both */
	assert_int_equal(import_apply(f->v, &p, true, &sum, &e), 0);
	assert_int_equal(sum.checkins, 3);
	assert_int_equal(sum.entries, 2);
	json_t *root = vault_json(f);
	assert_int_equal(json_array_size(rows(root, "moods")), 0); /* a dry run */
	json_decref(root);
	assert_int_equal(import_apply(f->v, &p, false, &sum, &e), 0);
	assert_int_equal(sum.checkins, 3);
	assert_int_equal(import_apply(f->v, &p, false, &sum, &e), 0);
	assert_int_equal(sum.duplicates, 3); /* the plan again: all there */
	root = vault_json(f);
	json_t *moods = rows(root, "moods");
	assert_int_equal(json_array_size(moods), 3);
	assert_int_equal(int_of(json_array_get(moods, 0), "score"), 4);
	assert_int_equal(int_of(json_array_get(moods, 1), "score"), 9);
	assert_int_equal(int_of(json_array_get(moods, 2), "score"), 4);
	json_decref(root);
	import_plan_free(&p);
	assert_null(p.in);
	test_vault_free(f);
}

SUITE(import, cmocka_unit_test(jrnl_entries_with_tags_and_local_time),
      cmocka_unit_test(reimport_skips_exact_duplicates),
      cmocka_unit_test(a_bad_entry_late_in_the_file_adds_nothing),
      cmocka_unit_test(tui_journal_dates_with_zones),
      cmocka_unit_test(daylio_check_ins_notes_and_activities),
      cmocka_unit_test(daylio_header_variants),
      cmocka_unit_test(daylio_custom_moods_and_problems),
      cmocka_unit_test(a_dry_run_counts_exactly_and_changes_nothing),
      cmocka_unit_test(duplicates_only_against_the_vault_before),
      cmocka_unit_test(text_the_export_refuses_stays_out),
      cmocka_unit_test(daylio_dates_in_the_phones_language),
      cmocka_unit_test(daylio_keeps_everything_a_row_holds),
      cmocka_unit_test(jrnl_text_journal),
      cmocka_unit_test(times_in_a_daylight_saving_change),
      cmocka_unit_test(one_table_of_formats), cmocka_unit_test(read_once_then_apply))
