/* The JSON export: every table, every value, in tend's own format. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "io/export.h"
#include "store/entries.h"
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

SUITE(export, cmocka_unit_test(everything_is_exported))
