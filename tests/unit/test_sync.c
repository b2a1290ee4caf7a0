/* Two copies of one vault, merged: the newer edit of an entry becomes
 * current and the other text is kept as a version, alike on both sides;
 * a deletion beats an older edit and loses to a newer one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/entries.h"
#include "store/migrate.h"
#include "store/tags.h"
#include "store/tools.h"
#include "store/triggers.h"
#include "store/sync.h"
#include "store/vault.h"
#include "../../src/store/store_int.h"
#include "store_helpers.h"
#include "unit.h"

static void at_time(long long t)
{
	char b[32];
	snprintf(b, sizeof(b), "%lld", t);
	setenv("TEND_NOW", b, 1);
}

static void copy_file(const char *from, const char *to)
{
	FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
	assert_non_null(a);
	assert_non_null(b);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), a)) > 0)
		assert_int_equal(fwrite(buf, 1, n, b), n);
	fclose(a);
	assert_int_equal(fclose(b), 0);
}

static char *path(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	assert_non_null(p);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

/* One row of text from sql in v. */
static char *text_of(struct vault *v, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(vault_db(v), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *t = (const char *)sqlite3_column_text(st, 0);
	char *out = strdup(t ? t : "");
	sqlite3_finalize(st);
	return out;
}

static void edit(struct vault *v, long long t, int64_t id, const char *body)
{
	struct error e;
	at_time(t);
	assert_int_equal(entries_update(v, id, "title", body, NULL, 0, &e), 0);
}

static void merge(struct vault *v, const char *dir)
{
	struct error e = {0};
	struct sync_result r;
	char *db = path(dir, "tend.db");
	if (store_sync_merge(v, db, false, &r, &e))
		fail_msg("%s", e.msg);
	free(db);
}

#define STATE \
	"SELECT group_concat(x, '|') FROM (SELECT uid || ':' || title || ':' || body AS x" \
	" FROM entries UNION ALL SELECT v.uid || ':' || v.body || '<' || e.uid FROM" \
	" entry_versions v JOIN entries e ON e.id = v.entry_id UNION ALL SELECT tbl || ':' ||" \
	" uid || ':' || deleted_at FROM tombstones ORDER BY 1)"

static void edits_on_both_sides(void **state)
{
	(void)state;
	struct test_vault *a = test_vault_new();
	struct error e;
	int64_t id[3];
	for (int i = 0; i < 3; i++) {
		at_time(1000 + i);
		assert_int_equal(entries_add(a->v, "title", "first", NULL, 0, &id[i], &e), 0);
	}
	vault_close(a->v);
	char *bdir = test_tmpdir();
	const char *files[] = {"tend.db", "key", "key.bak"};
	for (int i = 0; i < 3; i++) {
		char *f = path(a->dir, files[i]), *t = path(bdir, files[i]);
		copy_file(f, t);
		free(f);
		free(t);
	}
	struct vault *b;
	assert_int_equal(vault_open(a->dir, "pw", 2, &a->v, &e), 0);
	assert_int_equal(vault_open(bdir, "pw", 2, &b, &e), 0);
	/* 0: edited on both, b later. 1: deleted on a, edited later on b.
	 * 2: edited on b, deleted later on a. */
	edit(a->v, 2000, id[0], "from a");
	edit(b, 3000, id[0], "from b");
	at_time(2000);
	struct deleted_entry *d;
	assert_int_equal(entries_delete(a->v, id[1], &d, &e), 0);
	deleted_entry_free(d);
	edit(b, 2500, id[1], "kept by b");
	edit(b, 2500, id[2], "lost on b");
	at_time(4000);
	assert_int_equal(entries_delete(a->v, id[2], &d, &e), 0);
	deleted_entry_free(d);
	at_time(5000);
	merge(a->v, bdir);
	merge(b, a->dir);
	char *sa = text_of(a->v, STATE), *sb = text_of(b, STATE);
	assert_string_equal(sa, sb);
	/* b's later text is current, a's is a version, the first text too */
	char *cur = text_of(a->v, "SELECT group_concat(body, '|') FROM (SELECT body FROM entries"
	                          " ORDER BY body)");
	assert_string_equal(cur, "from b|kept by b");
	char *vers = text_of(a->v, "SELECT group_concat(body, '|') FROM (SELECT v.body FROM"
	                           " entry_versions v JOIN entries e ON e.id = v.entry_id"
	                           " WHERE e.body = 'from b' ORDER BY 1)");
	assert_string_equal(vers, "first|first|from a");
	/* merging again changes nothing */
	merge(a->v, bdir);
	merge(b, a->dir);
	char *sa2 = text_of(a->v, STATE);
	assert_string_equal(sa, sa2);
	struct vault_check c;
	assert_int_equal(vault_verify(a->v, &c, &e), 0);
	assert_int_equal(vault_verify(b, &c, &e), 0);
	free(sa);
	free(sb);
	free(sa2);
	free(cur);
	free(vers);
	vault_close(b);
	test_rmtree(bdir);
	free(bdir);
	test_vault_free(a);
	unsetenv("TEND_NOW");
}

/* b: a copy of a's vault folder, opened. */
static struct vault *copy_of(struct test_vault *a, char **bdir)
{
	struct error e;
	vault_close(a->v);
	*bdir = test_tmpdir();
	const char *files[] = {"tend.db", "key", "key.bak"};
	for (int i = 0; i < 3; i++) {
		char *f = path(a->dir, files[i]), *t = path(*bdir, files[i]);
		copy_file(f, t);
		free(f);
		free(t);
	}
	struct vault *b;
	assert_int_equal(vault_open(a->dir, "pw", 2, &a->v, &e), 0);
	assert_int_equal(vault_open(*bdir, "pw", 2, &b, &e), 0);
	return b;
}

#define TAGS \
	"SELECT coalesce(group_concat(x, '|'), '') FROM (SELECT e.body || '=' || t.name AS x" \
	" FROM entries e JOIN entry_tags et ON et.entry_id = e.id JOIN tags t ON t.id = et.tag_id" \
	" ORDER BY 1)"

/* A tag renamed, merged into another, or deleted on one device reaches the
 * other: the entries carrying it change with it. */
static void tag_changes_travel(void **state)
{
	(void)state;
	struct test_vault *a = test_vault_new();
	struct error e;
	int64_t id;
	const char *t1[] = {"walks", "keep"}, *t2[] = {"park", "gone"};
	at_time(1000);
	assert_int_equal(entries_add(a->v, "t", "one", t1, 2, &id, &e), 0);
	assert_int_equal(entries_add(a->v, "t", "two", t2, 2, &id, &e), 0);
	char *bdir;
	struct vault *b = copy_of(a, &bdir);
	at_time(2000);
	assert_int_equal(tag_rename(a->v, "walks", "outside", &e), 0);
	assert_int_equal(tag_rename(a->v, "park", "outside", &e), 0);
	assert_int_equal(tag_delete(a->v, "gone", &e), 0);
	at_time(3000);
	merge(b, a->dir);
	merge(a->v, bdir);
	char *ta = text_of(a->v, TAGS), *tb = text_of(b, TAGS);
	assert_string_equal(ta, "one=keep|one=outside|two=outside");
	assert_string_equal(tb, ta);
	free(ta);
	free(tb);
	vault_close(b);
	test_rmtree(bdir);
	free(bdir);
	test_vault_free(a);
	unsetenv("TEND_NOW");
}

/* What layouts after 10 added besides the sync set-up, taken out again so
 * that "PRAGMA user_version = 10" stands for a vault of that time. */
#define UNDO_AFTER_10 \
	"DROP TRIGGER tools_named_ai; DROP TRIGGER tools_named_ad;" \
	"DROP TRIGGER trigger_categories_named_ai; DROP TRIGGER trigger_categories_named_ad;" \
	"ALTER TABLE tools DROP COLUMN changed_at;" \
	"ALTER TABLE trigger_categories DROP COLUMN changed_at;"

/* A vault from before syncing (a synced table without uid and changed_at,
 * its indexes and triggers) gets them when it opens: an old row a uid
 * made from its values and change time 0, a row added then its own uid
 * and time. A vault that has them already keeps its uids. The last
 * migration that shipped is 10, so both run every layout update after. */
static void old_vault_made_syncable(void **state)
{
	(void)state;
	struct test_vault *a = test_vault_new();
	struct error e = {0};
	int64_t id;
	at_time(1000);
	assert_int_equal(entries_add(a->v, "title", "old", NULL, 0, &id, &e), 0);
	assert_int_equal(store_exec(vault_db(a->v),
	                            "DROP TRIGGER entries_sync_ai; DROP TRIGGER entries_sync_au;"
	                            "DROP TRIGGER entries_sync_ad; DROP INDEX entries_by_uid;"
	                            "DROP INDEX entries_by_change;"
	                            "ALTER TABLE entries DROP COLUMN uid;"
	                            "ALTER TABLE entries DROP COLUMN changed_at;"
	                            UNDO_AFTER_10 "PRAGMA user_version = 10;",
	                            &e),
	                 0);
	vault_close(a->v);
	assert_int_equal(vault_open(a->dir, "pw", 2, &a->v, &e), 0);
	char *t = text_of(a->v, "SELECT (SELECT count(*) FROM sqlite_schema WHERE name IN"
	                        " ('entries_sync_ai', 'entries_sync_au', 'entries_sync_ad',"
	                        " 'entries_by_uid', 'entries_by_change')) || ':' ||"
	                        " length(uid) || ':' || changed_at FROM entries");
	assert_string_equal(t, "5:32:0");
	free(t);
	char *uid = text_of(a->v, "SELECT uid FROM entries");
	at_time(2000);
	assert_int_equal(entries_add(a->v, "title", "new", NULL, 0, &id, &e), 0);
	t = text_of(a->v, "SELECT length(uid) || ':' || (changed_at > 0) FROM entries"
	                  " WHERE body = 'new'");
	assert_string_equal(t, "32:1");
	free(t);
	assert_int_equal(store_exec(vault_db(a->v), UNDO_AFTER_10 "PRAGMA user_version = 10;", &e),
	                 0);
	vault_close(a->v);
	assert_int_equal(vault_open(a->dir, "pw", 2, &a->v, &e), 0);
	t = text_of(a->v, "SELECT uid FROM entries WHERE body = 'old'");
	assert_string_equal(t, uid);
	free(t);
	free(uid);
	char want[16];
	snprintf(want, sizeof(want), "%d", migrate_latest());
	t = text_of(a->v, "PRAGMA user_version");
	assert_string_equal(t, want);
	free(t);
	test_vault_free(a);
	unsetenv("TEND_NOW");
}

/* The number the screen asks for every two seconds stays while nothing
 * changed and changes once another tend wrote. It is read through one
 * statement kept for the whole open, not one made at every call. */
static void data_version_watches_other_writers(void **state)
{
	(void)state;
	struct test_vault *a = test_vault_new();
	struct error e = {0};
	int64_t id;
	long long v1 = vault_data_version(a->v);
	assert_true(v1 >= 0);
	sqlite3_stmt *kept = sqlite3_next_stmt(vault_db(a->v), NULL);
	assert_non_null(kept);
	assert_int_equal(vault_data_version(a->v), v1);
	assert_ptr_equal(sqlite3_next_stmt(vault_db(a->v), NULL), kept);
	assert_null(sqlite3_next_stmt(vault_db(a->v), kept));
	struct vault *b;
	if (vault_open(a->dir, "pw", 2, &b, &e))
		fail_msg("%s", e.msg);
	assert_int_equal(entries_add(b, "title", "from the other", NULL, 0, &id, &e), 0);
	vault_close(b);
	assert_true(vault_data_version(a->v) != v1);
	test_vault_free(a);
}

#define TOOLS \
	"SELECT (SELECT group_concat(name, '|') FROM (SELECT name FROM tools ORDER BY name)) || '/' ||" \
	" (SELECT group_concat(name, '|') FROM (SELECT name FROM trigger_categories ORDER BY name))"
#define DID \
	"SELECT coalesce(group_concat(x, '|'), '') FROM (SELECT g.what || '=' ||" \
	" coalesce((SELECT name FROM tools WHERE id = d.tool_id), '') || ':' || d.text AS x" \
	" FROM trigger_did d JOIN triggers g ON g.id = d.trigger_id ORDER BY 1)"

static int64_t tool_named(struct vault *v, const char *name)
{
	struct tool *t;
	size_t n;
	struct error e;
	int64_t id = 0;
	assert_int_equal(tools_list(v, &t, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].name, name) == 0)
			id = t[i].id;
	tools_free(t, n);
	assert_true(id > 0);
	return id;
}

static void log_with_tool(struct vault *v, const char *what, int64_t tool)
{
	struct error e;
	struct trigger_choice did[] = {{tool, NULL}};
	struct trigger_log g = TRIGGER_INIT;
	g.what = what;
	g.did_list = did;
	g.ndid = 1;
	assert_int_equal(trigger_add(v, &g, NULL, &e), 0);
}

/* A tool or a kind of trigger taken out on one device goes on the other
 * too (they join by name, so before this a merge brought them back), and
 * a log there that chose the tool keeps it as its name in words; one
 * added again later, after the removal, stays. */
static void toolbox_removals_travel(void **state)
{
	(void)state;
	struct test_vault *a = test_vault_new();
	struct error e;
	char *bdir;
	at_time(1000);
	struct vault *b = copy_of(a, &bdir);
	at_time(2000);
	assert_int_equal(tool_delete(a->v, tool_named(a->v, "Cold water"), &e), 0);
	assert_int_equal(tool_delete(a->v, tool_named(a->v, "Move your body"), &e), 0);
	assert_int_equal(category_delete(a->v, "media", &e), 0);
	at_time(2500);
	log_with_tool(b, "on b", tool_named(b, "Cold water"));
	at_time(3000);
	assert_int_equal(tool_add(a->v, "Move your body", "Again.", NULL, &e), 0);
	at_time(4000);
	merge(b, a->dir);
	merge(a->v, bdir);
	char *ta = text_of(a->v, TOOLS), *tb = text_of(b, TOOLS);
	assert_null(strstr(ta, "Cold water"));
	assert_non_null(strstr(ta, "Move your body"));
	assert_null(strstr(strchr(ta, '/'), "media"));
	assert_string_equal(tb, ta);
	free(ta);
	free(tb);
	char *da = text_of(a->v, DID), *db = text_of(b, DID);
	assert_string_equal(da, "on b=:Cold water");
	assert_string_equal(db, da);
	free(da);
	free(db);
	vault_close(b);
	test_rmtree(bdir);
	free(bdir);
	test_vault_free(a);
	unsetenv("TEND_NOW");
}

SUITE(sync, cmocka_unit_test(edits_on_both_sides), cmocka_unit_test(tag_changes_travel),
      cmocka_unit_test(toolbox_removals_travel),
      cmocka_unit_test(old_vault_made_syncable),
      cmocka_unit_test(data_version_watches_other_writers))
