/* The JSON export: every table, every value, in tend's own format. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "io/export.h"
#include "io/import.h"
#include "store/entries.h"
#include "store/homework.h"
#include "store/lists.h"
#include "store/safety.h"
#include "store/tracking.h"
#include "unit.h"

static json_t *rows_of(json_t *root, const char *table)
{
	json_t *t = json_object_get(json_object_get(root, "tables"), table);
	assert_non_null(t);
	assert_true(json_is_array(t));
	return t;
}

static void everything_is_exported(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct error e = {0};
	const char *tags[] = {"calm", "night"};
	int64_t id;
	assert_int_equal(entries_add(f->v, "Évening", "A body\nwith two lines", tags, 2, &id, &e), 0);
	assert_int_equal(moods_add(f->v, 4, "low", NULL, &e), 0);
	assert_int_equal(exercise_log(f->v, "Thought record", 7, 4, true, &e), 0);
	assert_int_equal(safety_set(f->v, SP_REASONS, "my cat", &e), 0);
	assert_int_equal(list_add(f->v, LIST_SUPPORT, "Sam", "listens", "text", NULL, &e), 0);
	int64_t pack;
	bool existed;
	assert_int_equal(hwpack_add(f->v, "pack text", 9, "A week", "Sam", "2026-11-20", NULL, &pack,
	                            &existed, &e), 0);
	struct hw_mark m = HW_MARK_INIT;
	m.pack = pack;
	m.item = 2;
	m.entry_id = id;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	struct buf b = BUF_INIT;
	assert_int_equal(export_json(f->v, &b, &e), 0);
	json_error_t je;
	json_t *root = json_loadb(b.data, b.len, 0, &je);
	if (!root)
		fail_msg("not JSON: %s (line %d)", je.text, je.line);
	assert_string_equal(json_string_value(json_object_get(root, "format")), "tend-export");
	assert_int_equal(json_integer_value(json_object_get(root, "version")), 1);
	assert_true(json_integer_value(json_object_get(root, "schema")) >= 6);
	json_t *entries = rows_of(root, "entries");
	assert_int_equal(json_array_size(entries), 1);
	json_t *en = json_array_get(entries, 0);
	assert_string_equal(json_string_value(json_object_get(en, "title")), "Évening");
	assert_string_equal(json_string_value(json_object_get(en, "body")), "A body\nwith two lines");
	assert_true(json_is_null(json_object_get(en, "mood_id")));
	assert_int_equal(json_array_size(rows_of(root, "tags")), 2);
	assert_int_equal(json_array_size(rows_of(root, "entry_tags")), 2);
	json_t *mood = json_array_get(rows_of(root, "moods"), 0);
	assert_int_equal(json_integer_value(json_object_get(mood, "score")), 4);
	json_t *ex = json_array_get(rows_of(root, "exercise_sessions"), 0);
	assert_int_equal(json_integer_value(json_object_get(ex, "suds_before")), 7);
	json_t *person = json_array_get(rows_of(root, "own_lists"), 0);
	assert_string_equal(json_string_value(json_object_get(person, "a")), "Sam");
	json_t *hp = json_array_get(rows_of(root, "homework_packs"), 0);
	assert_string_equal(json_string_value(json_object_get(hp, "text")), "pack text");
	assert_string_equal(json_string_value(json_object_get(hp, "sender")), "Sam");
	assert_string_equal(json_string_value(json_object_get(hp, "due")), "");
	json_t *hd = json_array_get(rows_of(root, "homework_done"), 0);
	assert_int_equal(json_integer_value(json_object_get(hd, "item")), 2);
	assert_int_equal(json_integer_value(json_object_get(hd, "entry_id")), id);
	assert_true(json_is_null(json_object_get(hd, "score")));
	bool found = false;
	json_t *row;
	size_t i;
	json_array_foreach(rows_of(root, "settings"), i, row)
		found |= strcmp(json_string_value(json_object_get(row, "value")), "my cat") == 0;
	assert_true(found);
	/* Drafts and the search index stay behind. */
	assert_null(json_object_get(json_object_get(root, "tables"), "drafts"));
	assert_null(json_object_get(json_object_get(root, "tables"), "entries_fts"));
	json_decref(root);
	buf_free(&b);
	test_vault_free(f);
}

static void import_round_trip(void **state)
{
	(void)state;
	struct test_vault *a = test_vault_new(), *b = test_vault_new();
	struct error e = {0};
	const char *tags[] = {"calm"};
	int64_t id;
	assert_int_equal(entries_add(a->v, "One", "first body", tags, 1, &id, &e), 0);
	assert_int_equal(moods_add(a->v, 3, "", NULL, &e), 0);
	int64_t pack;
	bool existed;
	assert_int_equal(hwpack_add(a->v, "a pack", 6, "Week", "Sam", "2026-11-20", "2026-11-27",
	                            &pack, &existed, &e), 0);
	struct hw_mark m = HW_MARK_INIT;
	m.pack = pack;
	m.answer = "an answer";
	m.score = 4;
	assert_int_equal(hwpack_mark(a->v, &m, &e), 0);
	m.entry_id = id;
	assert_int_equal(hwpack_mark(a->v, &m, &e), 0);
	struct buf x = BUF_INIT, y = BUF_INIT;
	assert_int_equal(export_json(a->v, &x, &e), 0);
	struct import_summary sum;
	assert_int_equal(import_tend_json(b->v, x.data, x.len, true, &sum, &e), 0);
	assert_int_equal(sum.rows[1], 1); /* entries */
	assert_int_equal(entries_count(b->v), 0); /* a dry run changes nothing */
	assert_int_equal(import_tend_json(b->v, x.data, x.len, false, &sum, &e), 0);
	assert_int_equal(entries_count(b->v), 1);
	assert_int_equal(hwpack_count(b->v, &e), 1);
	assert_int_equal(export_json(b->v, &y, &e), 0);
	/* The same apart from when each was made. */
	char *ax = strstr(x.data, "\"schema\""), *by = strstr(y.data, "\"schema\"");
	char *at = strstr(ax, "\"tables\""), *bt = strstr(by, "\"tables\"");
	assert_string_equal(at, bt);
	/* Into a vault in use: refused, unchanged. */
	assert_int_equal(import_tend_json(b->v, x.data, x.len, false, &sum, &e), -1);
	assert_int_equal(entries_count(b->v), 1);
	/* A broken file names where. */
	assert_int_equal(import_tend_json(b->v, "{\n  \"format\": }", 16, true, &sum, &e), -1);
	assert_non_null(strstr(e.msg, "line 2"));
	buf_free(&x);
	buf_free(&y);
	test_vault_free(a);
	test_vault_free(b);
}

SUITE(export, cmocka_unit_test(everything_is_exported), cmocka_unit_test(import_round_trip))
