/* The journal store: paging, search, edits and versions, delete and undo,
 * drafts, tags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/drafts.h"
#include "store/entries.h"
#include "store/journal.h"
#include "store/tags.h"
#include "store/vault.h"
#include "store_helpers.h"
#include "unit.h"

static void at_time(long long t)
{
	char b[32];
	snprintf(b, sizeof(b), "%lld", t);
	setenv("TEND_NOW", b, 1);
}

static int setup(void **state)
{
	*state = test_vault_new();
	return 0;
}

static int teardown(void **state)
{
	test_vault_free(*state);
	unsetenv("TEND_NOW");
	return 0;
}

static int64_t add(struct vault *v, long long t, const char *title, const char *body,
                   const char *tag)
{
	at_time(t);
	const char *tags[1] = {tag};
	int64_t id;
	struct error e;
	assert_int_equal(entries_add(v, title, body, tags, tag ? 1 : 0, &id, &e), 0);
	return id;
}

static size_t rows(struct vault *v, const struct entry_query *q, const struct entry_cursor *c,
                   struct entry_row *out, size_t limit)
{
	size_t n;
	struct error e;
	if (journal_rows(v, q, c, out, limit, &n, &e))
		fail_msg("%s", e.msg);
	return n;
}

static void free_rows(struct entry_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		entry_row_free(&r[i]);
}

static void pages_newest_first(void **state)
{
	struct test_vault *f = *state;
	/* Added out of order: the list follows the time written, not the id. */
	for (int i = 0; i < 25; i++)
		add(f->v, 1700000000LL + (i * 7 % 25) * 3600, "t", "body", NULL);
	struct entry_row r[10];
	struct entry_cursor c = {0};
	long long last = 1LL << 62;
	size_t total = 0, n;
	while ((n = rows(f->v, NULL, &c, r, 10)) > 0) {
		for (size_t i = 0; i < n; i++) {
			assert_true(r[i].at <= last);
			last = r[i].at;
		}
		total += n;
		c = entry_cursor_after(&r[n - 1], NULL);
		free_rows(r, n);
	}
	assert_int_equal(total, 25);
}

/* Search results too come newest first by the time written, page after
 * page, whatever order the entries were added in (they came in the order
 * of their ids). */
static void search_newest_first(void **state)
{
	struct test_vault *f = *state;
	for (int i = 0; i < 25; i++)
		add(f->v, 1700000000LL + (i * 7 % 25) * 3600, "river", "by the river", NULL);
	add(f->v, 1690000000LL, "other", "nothing to find", NULL);
	struct entry_row r[10];
	struct entry_query q = {.text = "river"};
	struct entry_cursor c = {0};
	long long last = 1LL << 62;
	size_t total = 0, n;
	while ((n = rows(f->v, &q, &c, r, 10)) > 0) {
		for (size_t i = 0; i < n; i++) {
			assert_true(r[i].at <= last);
			last = r[i].at;
		}
		total += n;
		c = entry_cursor_after(&r[n - 1], &q);
		free_rows(r, n);
	}
	assert_int_equal(total, 25);
}

static void search_highlights_and_filters(void **state)
{
	struct test_vault *f = *state;
	add(f->v, 1700000000, "A walk by the sea", "The waves were calm and slow.", "calm");
	add(f->v, 1700100000, "Hard day", "Work was loud. I walked home to settle.", "work");
	add(f->v, 1700200000, "Café", "Crème brûlée with a friend.", NULL);
	struct entry_row r[10];
	struct entry_query q = {.text = "walk"};
	size_t n = rows(f->v, &q, NULL, r, 10);
	assert_int_equal(n, 2); /* prefix: "walk" and "walked" */
	assert_non_null(strchr(r[0].preview, MATCH_ON));
	assert_non_null(strstr(r[1].title, "\x01walk\x02"));
	free_rows(r, n);
	q.tag = "work";
	n = rows(f->v, &q, NULL, r, 10);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].title, "Hard day");
	free_rows(r, n);
	/* diacritics folded; nothing after a date range */
	struct entry_query q2 = {.text = "creme"};
	n = rows(f->v, &q2, NULL, r, 10);
	assert_int_equal(n, 1);
	free_rows(r, n);
	struct entry_query q3 = {.from = 1700150000};
	n = rows(f->v, &q3, NULL, r, 10);
	assert_int_equal(n, 1);
	free_rows(r, n);
	/* FTS syntax in the text is just text */
	struct entry_query q4 = {.text = "\"calm\" OR NEAR( *"};
	n = rows(f->v, &q4, NULL, r, 10);
	assert_int_equal(n, 0);
	free_rows(r, n);
	char *fq = journal_fts_query("  it's a \"test\"  ");
	assert_string_equal(fq, "\"it\"* \"s\" \"a\" \"test\"*");
	free(fq);
	assert_null(journal_fts_query(" ... "));
}

static void edits_keep_versions(void **state)
{
	struct test_vault *f = *state;
	int64_t id = add(f->v, 1700000000, "First", "one", "a");
	struct error e;
	const char *tags[] = {"b", "c"};
	at_time(1700000500);
	assert_int_equal(entries_update(f->v, id, "First", "two", tags, 2, &e), 0);
	at_time(1700000900);
	assert_int_equal(entries_update(f->v, id, "First", "two", tags, 2, &e), 0); /* no change */
	assert_int_equal(entries_update(f->v, id, "Second", "three", tags, 2, &e), 0);
	struct entry en;
	assert_int_equal(entries_get(f->v, id, &en, &e), 0);
	assert_string_equal(en.body, "three");
	assert_string_equal(en.tags, "b,c");
	entry_free(&en);
	struct entry_version *vers;
	size_t n;
	assert_int_equal(entry_versions(f->v, id, &vers, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(vers[0].body, "two");
	assert_string_equal(vers[1].body, "one");
	assert_int_equal(entry_version_delete(f->v, vers[1].id, &e), 0);
	entry_versions_free(vers, n);
	assert_int_equal(entry_versions(f->v, id, &vers, &n, &e), 0);
	assert_int_equal(n, 1);
	entry_versions_free(vers, n);
	/* the unused tag "a" is gone */
	struct tag_count *tc;
	assert_int_equal(tags_list(f->v, &tc, &n, &e), 0);
	assert_int_equal(n, 2);
	tags_free(tc, n);
	assert_int_equal(entries_update(f->v, 999, "x", "y", NULL, 0, &e), -1);
}

static void delete_and_undo(void **state)
{
	struct test_vault *f = *state;
	int64_t id = add(f->v, 1700000000, "Keep me", "text UNDOWORD", "t1");
	struct error e;
	assert_int_equal(entries_update(f->v, id, "Keep me", "text2 UNDOWORD", NULL, 0, &e), 0);
	const char *tags[] = {"t1", "t2"};
	assert_int_equal(entries_update(f->v, id, "Keep me", "text3 UNDOWORD", tags, 2, &e), 0);
	struct deleted_entry *d;
	assert_int_equal(entries_delete(f->v, id, &d, &e), 0);
	struct entry en;
	assert_int_equal(entries_get(f->v, id, &en, &e), -1);
	struct entry_row r[4];
	struct entry_query q = {.text = "UNDOWORD"};
	assert_int_equal(rows(f->v, &q, NULL, r, 4), 0);
	assert_int_equal(entries_undelete(f->v, d, &e), 0);
	deleted_entry_free(d);
	assert_int_equal(entries_get(f->v, id, &en, &e), 0);
	assert_string_equal(en.body, "text3 UNDOWORD");
	assert_string_equal(en.tags, "t1,t2");
	entry_free(&en);
	size_t n = rows(f->v, &q, NULL, r, 4);
	assert_int_equal(n, 1);
	free_rows(r, n);
	struct entry_version *vers;
	assert_int_equal(entry_versions(f->v, id, &vers, &n, &e), 0);
	assert_int_equal(n, 2);
	entry_versions_free(vers, n);
	assert_int_equal(entries_delete(f->v, 4242, &d, &e), -1);
	assert_null(d);
}

static void drafts_round_trip(void **state)
{
	struct test_vault *f = *state;
	struct error e;
	struct draft d = {.slot = "new", .title = "T", .body = "half a sentence", .tags = "x"};
	assert_int_equal(draft_save(f->v, &d, &e), 0);
	d.body = "half a sentence and more";
	assert_int_equal(draft_save(f->v, &d, &e), 0);
	struct draft out;
	assert_int_equal(draft_load(f->v, "new", &out, &e), 1);
	assert_string_equal(out.body, "half a sentence and more");
	draft_free(&out);
	struct draft d2 = {.slot = "edit:7", .entry_id = 7, .body = "b", .saved_at = 1};
	assert_int_equal(draft_save(f->v, &d2, &e), 0);
	assert_int_equal(draft_load(f->v, NULL, &out, &e), 1);
	assert_string_equal(out.slot, "new"); /* the most recent */
	draft_free(&out);
	assert_int_equal(draft_delete(f->v, "new", &e), 0);
	assert_int_equal(draft_load(f->v, "new", &out, &e), 0);
	assert_int_equal(draft_load(f->v, NULL, &out, &e), 1);
	assert_string_equal(out.slot, "edit:7");
	draft_free(&out);
}

static void tags_rename_merge_delete(void **state)
{
	struct test_vault *f = *state;
	struct error e;
	int64_t a = add(f->v, 1, "a", "a", "sad");
	int64_t b = add(f->v, 2, "b", "b", "low");
	add(f->v, 3, "c", "c", "work");
	assert_int_equal(tag_rename(f->v, "sad", "low", &e), 0); /* merge */
	struct tag_count *tc;
	size_t n;
	assert_int_equal(tags_list(f->v, &tc, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(tc[0].name, "low");
	assert_int_equal(tc[0].uses, 2);
	tags_free(tc, n);
	assert_int_equal(tag_rename(f->v, "work", "job", &e), 0);
	assert_int_equal(tag_delete(f->v, "low", &e), 0);
	struct entry en;
	assert_int_equal(entries_get(f->v, a, &en, &e), 0);
	assert_string_equal(en.tags, "");
	entry_free(&en);
	(void)b;
	assert_int_equal(tag_delete(f->v, "nope", &e), -1);
	assert_int_equal(tag_rename(f->v, "nope", "x", &e), -1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
SUITE(journal, T(pages_newest_first), T(search_newest_first), T(search_highlights_and_filters), T(edits_keep_versions),
      T(delete_and_undo), T(drafts_round_trip), T(tags_rename_merge_delete))
