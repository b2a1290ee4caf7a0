/* test_draft.c: the typed draft key and the names drafts are stored under
 * (core/draft.c), and the one save path of an entry (store/entrysave.c). */
#include <stdlib.h>
#include <string.h>

#include "core/draft.h"
#include "store/entries.h"
#include "store/entrysave.h"
#include "store/drafts.h"
#include "store/journal.h"
#include "unit.h"

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

static void slot_names(void **state)
{
	(void)state;
	char slot[32];
	draft_slot_name(draft_key_of(0), slot);
	assert_string_equal(slot, "new");
	draft_slot_name(draft_key_of(12), slot);
	assert_string_equal(slot, "edit:12");
	draft_slot_name((struct draft_key){DRAFT_EDIT, 9007199254740993LL}, slot);
	assert_string_equal(slot, "edit:9007199254740993");
	struct draft_key k;
	assert_int_equal(draft_key_parse("edit:12", &k), 0);
	assert_int_equal(k.kind, DRAFT_EDIT);
	assert_int_equal(k.entry_id, 12);
	assert_int_equal(draft_key_parse("new", &k), 0);
	assert_int_equal(k.kind, DRAFT_NEW);
	const char *bad[] = {"", "edit:", "edit:0", "edit:12x", "edit:-3", "edit: 4", "New", "old"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(draft_key_parse(bad[i], &k), -1);
}

/* A vault written before the key was typed holds the slot as text. */
static void an_old_edit_draft_is_found(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	struct draft old = {.slot = "edit:12", .entry_id = 12, .title = "T", .body = "kept words",
	                    .tags = "", .prompt = ""};
	assert_int_equal(draft_save(f->v, &old, &e), 0);
	char slot[32];
	draft_slot_name(draft_key_of(12), slot);
	struct draft d;
	assert_int_equal(draft_load(f->v, slot, &d, &e), 1);
	assert_string_equal(d.body, "kept words");
	assert_int_equal(d.entry_id, 12);
	draft_free(&d);
	draft_slot_name(draft_key_of(0), slot);
	assert_int_equal(draft_load(f->v, slot, &d, &e), 0);
}

static void save_draft_as(struct test_vault *f, const char *slot, const char *body)
{
	struct error e = {0};
	struct draft d = {.title = "", .body = (char *)body, .tags = "", .prompt = ""};
	strcpy(d.slot, slot);
	assert_int_equal(draft_save(f->v, &d, &e), 0);
}

static bool has_draft(struct test_vault *f, const char *slot)
{
	struct error e = {0};
	struct draft d;
	int found = draft_load(f->v, slot, &d, &e);
	assert_true(found >= 0);
	if (found == 1)
		draft_free(&d);
	return found == 1;
}

static void saving_a_new_entry(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	save_draft_as(f, "new", "half");
	struct entry_save s = {.key = draft_key_of(0), .title = "Title", .body = "Body",
	                       .tags = " work , family,, ", .prompt = "p"};
	int64_t id = 0;
	assert_int_equal(entry_save(f->v, &s, &id, &e), 0);
	assert_true(id > 0);
	assert_false(has_draft(f, "new"));
	struct entry en;
	assert_int_equal(entries_get(f->v, id, &en, &e), 0);
	assert_string_equal(en.title, "Title");
	assert_string_equal(en.body, "Body");
	assert_string_equal(en.tags, "family,work");
	assert_string_equal(en.prompt, "p");
	entry_free(&en);
}

/* Saving an edit removes that edit's draft and no other: the unsaved draft
 * of a new entry stays. */
static void saving_an_edit(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	struct entry_save s = {.key = draft_key_of(0), .title = "A", .body = "one", .tags = "x"};
	int64_t id = 0;
	assert_int_equal(entry_save(f->v, &s, &id, &e), 0);
	char slot[32];
	draft_slot_name(draft_key_of(id), slot);
	save_draft_as(f, slot, "two");
	save_draft_as(f, "new", "another entry, not saved yet");
	s = (struct entry_save){.key = draft_key_of(id), .title = "A", .body = "two", .tags = "y, x"};
	int64_t untouched = -5;
	assert_int_equal(entry_save(f->v, &s, &untouched, &e), 0);
	assert_int_equal(untouched, -5);
	assert_false(has_draft(f, slot));
	assert_true(has_draft(f, "new"));
	struct entry en;
	assert_int_equal(entries_get(f->v, id, &en, &e), 0);
	assert_string_equal(en.body, "two");
	assert_string_equal(en.tags, "x,y");
	entry_free(&en);
}

/* A save that fails leaves the draft, which then holds the only copy. */
static void a_failed_save_keeps_the_draft(void **state)
{
	struct test_vault *f = *state;
	struct error e = {0};
	save_draft_as(f, "edit:999", "words");
	struct entry_save s = {.key = draft_key_of(999), .title = "", .body = "words", .tags = ""};
	assert_int_equal(entry_save(f->v, &s, NULL, &e), -1);
	assert_true(e.msg[0] != '\0');
	assert_true(has_draft(f, "edit:999"));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
SUITE(draft, cmocka_unit_test(slot_names), T(an_old_edit_draft_is_found), T(saving_a_new_entry),
      T(saving_an_edit), T(a_failed_save_keeps_the_draft))
