/* Check-ins, trigger logs, the toolbox and categories in the vault. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/exercise.h"
#include "io/exsession.h"
#include "store/checkins.h"
#include "store/exercises.h"
#include "store/tools.h"
#include "store/triggers.h"
#include "store/insights.h"
#include "store/vault.h"
#include "store/lists.h"
#include "store/migrate.h"
#include "store_helpers.h"
#include "unit.h"
#include "../../src/store/store_int.h"

static int setup(void **state)
{
	*state = test_vault_new();
	return 0;
}

static int teardown(void **state)
{
	test_vault_free(*state);
	return 0;
}

static void checkins_validate(void **state)
{
	struct test_vault *f = *state;
	struct error e;
	struct checkin c = CHECKIN_INIT;
	int64_t id;
	c.score = 7;
	assert_int_equal(checkin_add(f->v, &c, &id, &e), 0); /* the quick path */
	assert_true(id > 0);
	c.emotions = "sad/lonely,tired";
	c.tolerance = "overwhelmed";
	c.sleep_hours = 6.5;
	c.energy = 3;
	assert_int_equal(checkin_add(f->v, &c, &id, &e), 0);
	c.score = 11;
	assert_int_equal(checkin_add(f->v, &c, &id, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	c.score = 5;
	c.tolerance = "calm";
	assert_int_equal(checkin_add(f->v, &c, &id, &e), -1);
	c.tolerance = "";
	c.sleep_hours = 30;
	assert_int_equal(checkin_add(f->v, &c, &id, &e), -1);
}

static void toolbox_counts_what_helped(void **state)
{
	struct test_vault *f = *state;
	struct error e;
	struct tool *t;
	size_t n;
	assert_int_equal(tools_list(f->v, &t, &n, &e), 0);
	assert_true(n >= 6); /* seeded defaults */
	int64_t breathing = t[0].id;
	assert_int_equal(t[0].uses, 0);
	tools_free(t, n);
	struct trigger_log g = TRIGGER_INIT;
	g.category = "sound";
	g.what = "a door slammed";
	g.tool_id = breathing;
	g.suds_before = 8;
	g.suds_after = 4;
	assert_int_equal(trigger_add(f->v, &g, NULL, &e), 0);
	g.suds_before = 6;
	g.suds_after = 4;
	assert_int_equal(trigger_add(f->v, &g, NULL, &e), 0);
	g.suds_after = -1; /* log now, finish later */
	g.finished = false;
	int64_t later;
	assert_int_equal(trigger_add(f->v, &g, &later, &e), 0);
	assert_int_equal(tools_list(f->v, &t, &n, &e), 0);
	assert_int_equal(t[0].uses, 3);
	assert_int_equal(t[0].drop_n, 2);
	assert_true(t[0].mean_drop > 2.99 && t[0].mean_drop < 3.01);
	tools_free(t, n);
	g.suds_after = 2;
	g.finished = true;
	assert_int_equal(trigger_update(f->v, later, &g, &e), 0);
	assert_int_equal(tools_list(f->v, &t, &n, &e), 0);
	assert_int_equal(t[0].drop_n, 3);
	tools_free(t, n);
	assert_int_equal(trigger_update(f->v, 9999, &g, &e), -1);
	g.helped = 12;
	assert_int_equal(trigger_add(f->v, &g, NULL, &e), -1);
	int64_t mine;
	assert_int_equal(tool_add(f->v, "Humming", "A tune, low and slow.", &mine, &e), 0);
	assert_int_equal(tool_add(f->v, "humming", "", NULL, &e), -1);
	assert_int_equal(tool_delete(f->v, mine, &e), 0);
}

static void categories_are_editable(void **state)
{
	struct test_vault *f = *state;
	struct error e;
	char **c;
	size_t n;
	assert_int_equal(categories_list(f->v, &c, &n, &e), 0);
	assert_int_equal(n, 9);
	assert_string_equal(c[0], "people");
	assert_string_equal(c[8], "other");
	categories_free(c, n);
	assert_int_equal(category_add(f->v, "work", &e), 0);
	assert_int_equal(category_delete(f->v, "media", &e), 0);
	assert_int_equal(categories_list(f->v, &c, &n, &e), 0);
	assert_int_equal(n, 9);
	assert_string_equal(c[8], "work");
	categories_free(c, n);
}

static void exercises_feed_what_helps(void **state)
{
	struct test_vault *f = *state;
	struct error e;
	assert_int_equal(exercise_log(f->v, "Paced breathing", 11, 3, true, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	assert_int_equal(exercise_log(f->v, "Paced breathing", 7, 3, true, &e), 0);
	assert_int_equal(exercise_log(f->v, "Paced breathing", -1, -1, false, &e), 0);
	struct insight_data d;
	assert_int_equal(insights_load(f->v, &d, &e), 0);
	int seen = 0;
	for (size_t i = 0; i < d.nhelps; i++) {
		if (!d.helps[i].tool || strcmp(d.helps[i].tool, "Paced breathing") != 0)
			continue;
		seen++;
		if (d.helps[i].suds_after >= 0) {
			assert_true(d.helps[i].suds_before > d.helps[i].suds_after);
			assert_true(d.helps[i].category == NULL || !d.helps[i].category[0]);
		} else {
			assert_int_equal(d.helps[i].suds_before, -1); /* skipped stays unknown */
		}
	}
	assert_int_equal(seen, 2);
	insights_free(&d);
}

static void own_lists_keep_apart(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	int64_t sam, mine;
	assert_int_equal(list_add(f->v, LIST_SUPPORT, "Sam", "listens", "text after 6", &sam, &e), 0);
	assert_int_equal(list_add(f->v, LIST_AFFIRM, "I am allowed to rest.", NULL, NULL, &mine, &e), 0);
	assert_int_equal(list_add(f->v, LIST_SUPPORT, "", "x", "y", NULL, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	struct list_item *it;
	size_t n;
	assert_int_equal(list_items(f->v, LIST_SUPPORT, &it, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(it[0].a, "Sam");
	assert_string_equal(it[0].b, "listens");
	assert_string_equal(it[0].c, "text after 6");
	list_items_free(it, n);
	assert_int_equal(list_update(f->v, sam, "Sam R.", "walks", "", &e), 0);
	assert_int_equal(list_update(f->v, sam, "", "walks", "", &e), -1);
	assert_int_equal(list_items(f->v, LIST_SUPPORT, &it, &n, &e), 0);
	assert_string_equal(it[0].a, "Sam R.");
	assert_string_equal(it[0].c, "");
	list_items_free(it, n);
	assert_int_equal(list_items(f->v, LIST_AFFIRM, &it, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(it[0].a, "I am allowed to rest.");
	assert_string_equal(it[0].b, "");
	list_items_free(it, n);
	assert_int_equal(list_delete(f->v, mine, &e), 0);
	assert_int_equal(list_items(f->v, LIST_AFFIRM, &it, &n, &e), 0);
	assert_int_equal(n, 0);
	list_items_free(it, n);
	assert_int_equal(list_items(NULL, LIST_AFFIRM, &it, &n, &e), -1);
}

/* Every row of one text column of a query, joined with "|". */
static void column_is(struct vault *v, const char *sql, const char *want)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(vault_db(v), sql, -1, &st, NULL), SQLITE_OK);
	char got[512] = "";
	size_t used = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		used += (size_t)snprintf(got + used, sizeof(got) - used, "%s%s", used ? "|" : "",
		                         (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_string_equal(got, want);
}

/* "breakup, family" kept " family", which Insights counted apart from
 * "family": tags are stored trimmed, empty ones left out. */
static void tags_are_trimmed(void **state)
{
	struct test_vault *f = *state;
	struct error e;
	struct checkin c = CHECKIN_INIT;
	int64_t id;
	c.tags = "breakup, family,, \twork ,  ";
	assert_int_equal(checkin_add(f->v, &c, &id, &e), 0);
	c.tags = "family";
	assert_int_equal(checkin_add(f->v, &c, &id, &e), 0);
	column_is(f->v, "SELECT tags FROM moods ORDER BY id", "breakup,family,work|family");
	struct insight_data d;
	assert_int_equal(insights_load(f->v, &d, &e), 0);
	size_t family = 0;
	for (size_t i = 0; i < d.ntags; i++) {
		assert_null(strchr(d.tags[i].tag, ' '));
		family += strcmp(d.tags[i].tag, "family") == 0;
	}
	assert_int_equal(family, 2);
	insights_free(&d);
	const char *tags[] = {" family", "family ", "  ", "sleep"};
	assert_int_equal(entries_add(f->v, "t", "b", tags, 4, &id, &e), 0);
	column_is(f->v, "SELECT name FROM tags ORDER BY name", "family|sleep");
}

/* Tags stored before they were trimmed are trimmed when the vault opens. */
static void old_tags_trimmed_on_open(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	assert_int_equal(store_exec(vault_db(f->v),
	                            "INSERT INTO moods(at, at_off, score, tags) VALUES"
	                            " (1, 0, 5, 'breakup, family'), (2, 0, 6, ' , '),"
	                            " (3, 0, 7, 'work');"
	                            "INSERT INTO entries(id, title, body, created_at, created_off,"
	                            " updated_at, updated_off) VALUES (1, 't', 'b', 1, 0, 1, 0),"
	                            " (2, 'u', 'c', 2, 0, 2, 0);"
	                            "INSERT INTO tags(id, name) VALUES (1, 'family'), (2, ' family'),"
	                            " (3, ' sleep ');"
	                            "INSERT INTO entry_tags(entry_id, tag_id) VALUES (1, 1), (1, 2),"
	                            " (2, 2), (2, 3);"
	                            "PRAGMA user_version = 7;",
	                            &e),
	                 0);
	vault_close(f->v);
	assert_int_equal(vault_open(f->dir, "pw", 2, &f->v, &e), 0);
	column_is(f->v, "SELECT tags FROM moods ORDER BY at", "breakup,family||work");
	column_is(f->v, "SELECT name FROM tags ORDER BY name", "family|sleep");
	column_is(f->v,
	          "SELECT et.entry_id || ':' || t.name FROM entry_tags et JOIN tags t"
	          " ON t.id = et.tag_id ORDER BY et.entry_id, t.name",
	          "1:family|2:family|2:sleep");
}

/* Finishing an exercise keeps its entry, its session and the pause's
 * removal together: when the session cannot be saved, no entry is left
 * behind and the words stay in the pause, so finishing again later makes
 * one entry, not two. The failure is a trigger that refuses the session. */
static void exercise_saved_whole_or_not(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	static const char text[] = "---\nid: calm-words\ntitle: Calm words\n---\n# Calm words\n\n"
	                           "## What happened\nanswer: text\n\nSay it.\n";
	struct exercise_def d = {0};
	assert_int_equal(exercise_parse(text, sizeof(text) - 1, &d, &e), 0);
	struct exsession s = {.d = &d, .stage = EXSESSION_AT_AFTER, .before = 7, .after = 3};
	s.answer[0] = "the words I wrote";
	s.rating[0] = -1;
	assert_int_equal(exsession_pause(f->v, &s, &e), 0);
	assert_int_equal(store_exec(vault_db(f->v),
	                            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON exercise_sessions"
	                            " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
	                            &e),
	                 0);
	bool wrote = false;
	struct error fe = {0};
	assert_int_equal(exsession_finish(f->v, &s, &wrote, &fe), -1);
	assert_true(fe.msg[0] != '\0');
	column_is(f->v, "SELECT count(*) FROM entries", "0");
	column_is(f->v, "SELECT count(*) FROM exercise_sessions", "0");
	column_is(f->v, "SELECT count(*) FROM settings WHERE key = 'exercise.paused.calm-words'"
	                " AND instr(value, 'the words I wrote') > 0",
	          "1");
	assert_int_equal(store_exec(vault_db(f->v), "DROP TRIGGER temp.refuse", &e), 0);
	assert_int_equal(exsession_finish(f->v, &s, &wrote, &e), 0);
	assert_true(wrote);
	column_is(f->v, "SELECT count(*) FROM entries", "1");
	column_is(f->v, "SELECT count(*) FROM entries WHERE instr(body, 'the words I wrote') > 0",
	          "1");
	column_is(f->v, "SELECT exercise || ':' || suds_before || ':' || suds_after"
	                " FROM exercise_sessions",
	          "Calm words:7:3");
	column_is(f->v, "SELECT count(*) FROM settings WHERE key LIKE 'exercise.paused.%'", "0");
	exercise_free(&d);
}

/* A trigger log kept before "What I did" was a list has its did and
 * tool_id as its one choice after the update; the old columns are as
 * they were. */
static void old_did_is_one_choice(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	char sql[1024];
	snprintf(sql, sizeof sql,
	         "DROP TABLE trigger_did;"
	         "INSERT INTO tools(id, name, about, position) VALUES (90, 'Old tool', '', 90);"
	         "INSERT INTO triggers(id, at, at_off, what, did, tool_id) VALUES"
	         " (1, 1, 0, 'a', 'ran it off', NULL), (2, 2, 0, 'b', '', 90),"
	         " (3, 3, 0, 'c', 'both', 90), (4, 4, 0, 'd', '', NULL);"
	         "PRAGMA user_version = %d;",
	         9); /* migration 10 made trigger_did */
	assert_int_equal(store_exec(vault_db(f->v), sql, &e), 0);
	vault_close(f->v);
	assert_int_equal(vault_open(f->dir, "pw", 2, &f->v, &e), 0);
	column_is(f->v,
	          "SELECT trigger_id || ':' || coalesce(tool_id, '-') || ':' || text || ':' ||"
	          " position FROM trigger_did ORDER BY trigger_id",
	          "1:-:ran it off:1|2:90::1|3:90:both:1");
	column_is(f->v,
	          "SELECT id || ':' || did || ':' || coalesce(tool_id, '-') FROM triggers ORDER BY id",
	          "1:ran it off:-|2::90|3:both:90|4::-");
	struct trigger_saved *open;
	size_t n;
	assert_int_equal(triggers_unfinished(f->v, &open, &n, &e), 0);
	assert_int_equal(n, 0);
	trigger_saved_free(open, n);
}

/* Several things done in one log: each is its own choice, in order; the
 * toolbox and Insights count each; an update replaces the list. */
static void several_choices(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	struct tool *t;
	size_t n;
	assert_int_equal(tools_list(f->v, &t, &n, &e), 0);
	assert_true(n >= 3);
	int64_t a = t[0].id, b = t[2].id;
	tools_free(t, n);
	struct trigger_choice did[] = {{a, NULL}, {0, "called my sister"}, {b, ""}, {0, ""}};
	struct trigger_log g = TRIGGER_INIT;
	g.what = "a letter";
	g.did_list = did;
	g.ndid = 4; /* the empty one is left out */
	g.suds_before = 8;
	g.suds_after = -1;
	g.finished = false;
	int64_t id;
	assert_int_equal(trigger_add(f->v, &g, &id, &e), 0);
	char want[256];
	snprintf(want, sizeof want, "%lld:|-:called my sister|%lld:", (long long)a, (long long)b);
	column_is(f->v,
	          "SELECT coalesce(tool_id, '-') || ':' || text FROM trigger_did ORDER BY position",
	          want);
	snprintf(want, sizeof want, "called my sister:%lld", (long long)a);
	column_is(f->v, "SELECT did || ':' || tool_id FROM triggers", want);
	struct trigger_saved *open;
	assert_int_equal(triggers_unfinished(f->v, &open, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(open[0].log.ndid, 3);
	assert_int_equal(open[0].log.did_list[0].tool_id, a);
	assert_string_equal(open[0].log.did_list[1].text, "called my sister");
	assert_int_equal(open[0].log.did_list[2].tool_id, b);
	trigger_saved_free(open, n);
	g.suds_after = 3;
	g.finished = true;
	assert_int_equal(trigger_update(f->v, id, &g, &e), 0);
	assert_int_equal(tools_list(f->v, &t, &n, &e), 0);
	assert_int_equal(t[0].uses, 1);
	assert_int_equal(t[2].uses, 1);
	assert_int_equal(t[2].drop_n, 1);
	tools_free(t, n);
	struct insight_data d;
	assert_int_equal(insights_load(f->v, &d, &e), 0);
	assert_int_equal(d.nhelps, 3);
	assert_int_equal(d.help_own_words[1], 1);
	insights_free(&d);
	g.did_list = did + 1;
	g.ndid = 1;
	assert_int_equal(trigger_update(f->v, id, &g, &e), 0);
	column_is(f->v, "SELECT text FROM trigger_did", "called my sister");
	column_is(f->v, "SELECT did || ':' || coalesce(tool_id, '-') FROM triggers",
	          "called my sister:-");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
/* A tool taken out of the toolbox stays in the logs that chose it, as its
 * name in words: the foreign key set the choice to nothing, so a log said
 * "What I did: (nothing)" where the person had picked "Humming". */
static void removed_tool_stays_in_logs(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	int64_t hum;
	assert_int_equal(tool_add(f->v, "Humming", "A tune, low and slow.", &hum, &e), 0);
	struct trigger_choice did[] = {{hum, NULL}, {0, "a walk"}};
	struct trigger_log g = TRIGGER_INIT;
	g.what = "a door slammed";
	g.did_list = did;
	g.ndid = 2;
	g.suds_before = 7;
	g.finished = false;
	assert_int_equal(trigger_add(f->v, &g, NULL, &e), 0);
	struct trigger_choice only[] = {{hum, NULL}};
	g.did_list = only;
	g.ndid = 1;
	assert_int_equal(trigger_add(f->v, &g, NULL, &e), 0);
	assert_int_equal(tool_delete(f->v, hum, &e), 0);
	column_is(f->v,
	          "SELECT coalesce(tool_id, '-') || ':' || text FROM trigger_did"
	          " ORDER BY trigger_id, position",
	          "-:Humming|-:a walk|-:Humming");
	/* the older one-choice columns (a tool and words) keep both */
	column_is(f->v, "SELECT coalesce(tool_id, '-') || ':' || did FROM triggers ORDER BY id",
	          "-:Humming, a walk|-:Humming");
	struct trigger_saved *open;
	size_t n;
	assert_int_equal(triggers_unfinished(f->v, &open, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(open[0].log.ndid, 1);
	assert_string_equal(open[0].log.did_list[0].text, "Humming");
	trigger_saved_free(open, n);
}

SUITE(tracking, T(checkins_validate), T(toolbox_counts_what_helped), T(categories_are_editable),
      T(exercises_feed_what_helps), T(own_lists_keep_apart), T(tags_are_trimmed),
      T(old_tags_trimmed_on_open), T(exercise_saved_whole_or_not), T(old_did_is_one_choice),
      T(several_choices), T(removed_tool_stays_in_logs))
