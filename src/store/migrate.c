#include "store/migrate.h"

#include <sqlite3.h>

#include "store/sync.h"
#include "store_int.h"

/* A migration done by code, not SQL: store_sync_setup (store/sync.c). It
 * stands in migrations[] by its address. */
static const char sync_setup[] = "";
/* Another, by store_named_setup (store/sync.c). */
static const char named_setup[] = "";

/* Never edit a migration once it has shipped: add a new one. */
static const char *const migrations[] = {
	/* 1: journal entries, tags, versions, moods, triggers, settings, search */
	"CREATE TABLE entries("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  body TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL, created_off INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL, updated_off INTEGER NOT NULL);"
	"CREATE INDEX entries_by_time ON entries(created_at);"
	"CREATE TABLE tags(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
	"CREATE TABLE entry_tags("
	"  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,"
	"  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
	"  PRIMARY KEY(entry_id, tag_id)) WITHOUT ROWID;"
	"CREATE INDEX entry_tags_by_tag ON entry_tags(tag_id);"
	"CREATE TABLE entry_versions("
	"  id INTEGER PRIMARY KEY,"
	"  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,"
	"  title TEXT NOT NULL, body TEXT NOT NULL,"
	"  saved_at INTEGER NOT NULL, saved_off INTEGER NOT NULL);"
	"CREATE TABLE moods("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL, at_off INTEGER NOT NULL,"
	"  score INTEGER NOT NULL CHECK(score BETWEEN 0 AND 10),"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX moods_by_time ON moods(at);"
	"CREATE TABLE triggers("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL, at_off INTEGER NOT NULL,"
	"  category TEXT NOT NULL DEFAULT 'other',"
	"  what TEXT NOT NULL DEFAULT '',"
	"  suds_before INTEGER CHECK(suds_before BETWEEN 0 AND 10),"
	"  suds_after INTEGER CHECK(suds_after BETWEEN 0 AND 10));"
	"CREATE INDEX triggers_by_time ON triggers(at);"
	"CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE entries_fts USING fts5(title, body, content='entries',"
	"  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN"
	"  INSERT INTO entries_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
	"END;"
	"CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, title, body)"
	"  VALUES ('delete', old.id, old.title, old.body);"
	"END;"
	"CREATE TRIGGER entries_au AFTER UPDATE ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, title, body)"
	"  VALUES ('delete', old.id, old.title, old.body);"
	"  INSERT INTO entries_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
	"END;",
	/* 2: prompts and links to a check-in or trigger log; drafts */
	"ALTER TABLE entries ADD COLUMN prompt TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE entries ADD COLUMN mood_id INTEGER REFERENCES moods(id) ON DELETE SET NULL;"
	"ALTER TABLE entries ADD COLUMN trigger_id INTEGER"
	"  REFERENCES triggers(id) ON DELETE SET NULL;"
	"CREATE INDEX entries_by_time_id ON entries(created_at, id);"
	"DROP INDEX entries_by_time;"
	"CREATE INDEX entry_versions_by_entry ON entry_versions(entry_id);"
	"CREATE TABLE drafts("
	"  slot TEXT PRIMARY KEY,"
	"  entry_id INTEGER NOT NULL DEFAULT 0,"
	"  title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',"
	"  tags TEXT NOT NULL DEFAULT '', prompt TEXT NOT NULL DEFAULT '',"
	"  saved_at INTEGER NOT NULL) WITHOUT ROWID;",
	/* 3: prefix indexes so search-as-you-type stays quick on large journals */
	"DROP TABLE entries_fts;"
	"CREATE VIRTUAL TABLE entries_fts USING fts5(title, body, content='entries',"
	"  content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
	"INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');",
	/* 4: the details of a check-in and a trigger log; coping tools; the
	 * person's own trigger categories */
	"ALTER TABLE moods ADD COLUMN emotions TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE moods ADD COLUMN intensity INTEGER CHECK(intensity BETWEEN 0 AND 10);"
	"ALTER TABLE moods ADD COLUMN body TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE moods ADD COLUMN energy INTEGER CHECK(energy BETWEEN 0 AND 10);"
	"ALTER TABLE moods ADD COLUMN sleep_hours REAL CHECK(sleep_hours BETWEEN 0 AND 24);"
	"ALTER TABLE moods ADD COLUMN tolerance TEXT NOT NULL DEFAULT ''"
	"  CHECK(tolerance IN ('', 'overwhelmed', 'within', 'shut-down'));"
	"ALTER TABLE moods ADD COLUMN tags TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE tools("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  about TEXT NOT NULL DEFAULT '',"
	"  position INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO tools(name, about, position) VALUES"
	"  ('Slow breathing', 'Breathe out a little longer than you breathe in, for a minute or two.', 1),"
	"  ('Grounding: 5-4-3-2-1', 'Name what you can see, hear, feel, smell and taste around you.', 2),"
	"  ('Reach out to someone', 'A message or a call to a person who feels safe.', 3),"
	"  ('Move your body', 'A walk, a stretch, shaking out your hands.', 4),"
	"  ('Cold water', 'Cool water on your face or wrists for a few seconds.', 5),"
	"  ('A kind phrase to yourself', 'Something you would say to a friend in the same spot.', 6),"
	"  ('Write it down', 'A few lines in the journal, however messy.', 7),"
	"  ('Step away for a while', 'Leave the room or the conversation until you feel steadier.', 8);"
	"CREATE TABLE trigger_categories("
	"  name TEXT PRIMARY KEY COLLATE NOCASE, position INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO trigger_categories(name, position) VALUES"
	"  ('people', 1), ('place', 2), ('sound', 3), ('smell', 4),"
	"  ('date or anniversary', 5), ('conflict', 6), ('body sensation', 7), ('media', 8),"
	"  ('other', 9);"
	"ALTER TABLE triggers ADD COLUMN place TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE triggers ADD COLUMN body TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE triggers ADD COLUMN thoughts TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE triggers ADD COLUMN urges TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE triggers ADD COLUMN did TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE triggers ADD COLUMN tool_id INTEGER REFERENCES tools(id) ON DELETE SET NULL;"
	"ALTER TABLE triggers ADD COLUMN helped INTEGER CHECK(helped BETWEEN 0 AND 10);"
	"ALTER TABLE triggers ADD COLUMN finished INTEGER NOT NULL DEFAULT 1;",
	/* 5: exercises done, with distress before and after when given */
	"CREATE TABLE exercise_sessions("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL, at_off INTEGER NOT NULL,"
	"  exercise TEXT NOT NULL,"
	"  suds_before INTEGER CHECK(suds_before BETWEEN 0 AND 10),"
	"  suds_after INTEGER CHECK(suds_after BETWEEN 0 AND 10),"
	"  finished INTEGER NOT NULL DEFAULT 1);",
	/* 6: the person's own lists: support map (0), affirmations (1) */
	"CREATE TABLE own_lists("
	"  id INTEGER PRIMARY KEY,"
	"  list INTEGER NOT NULL,"
	"  a TEXT NOT NULL, b TEXT NOT NULL DEFAULT '', c TEXT NOT NULL DEFAULT '');",
	/* 7: homework packs from a therapist (the file as imported, its header
	 * for lists), and each thing done for an item: a run, a page read, an
	 * entry written, a number or an answer, with when */
	"CREATE TABLE homework_packs("
	"  id INTEGER PRIMARY KEY,"
	"  text TEXT NOT NULL,"
	"  title TEXT NOT NULL, sender TEXT NOT NULL,"
	"  assigned TEXT NOT NULL, due TEXT NOT NULL DEFAULT '',"
	"  imported_at INTEGER NOT NULL, imported_off INTEGER NOT NULL);"
	"CREATE TABLE homework_done("
	"  id INTEGER PRIMARY KEY,"
	"  pack_id INTEGER NOT NULL REFERENCES homework_packs(id) ON DELETE CASCADE,"
	"  item INTEGER NOT NULL CHECK(item >= 0),"
	"  at INTEGER NOT NULL, at_off INTEGER NOT NULL,"
	"  score INTEGER CHECK(score BETWEEN 0 AND 10),"
	"  answer TEXT,"
	"  entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL);"
	"CREATE INDEX homework_done_by_pack ON homework_done(pack_id, item);",
	/* 8: tags without the spaces around them. A check-in's tags were kept
	 * as typed ("breakup, family" kept " family", which Insights counted
	 * apart from "family"): each is trimmed and empty ones left out. An
	 * entry's tag that differs from another only by spaces joins it. */
	STORE_TIDY_TAGS_SQL,
	/* sync: what a deletion leaves behind so another copy of the vault
	 * learns of it (the table and the row's uid, never its content). The
	 * synced tables get their uid and changed_at columns, backfilled, from
	 * one list of tables in store/sync.c by store_sync_setup, a later
	 * migration (earlier tends ran it at every open). */
	"CREATE TABLE IF NOT EXISTS tombstones("
	"  tbl TEXT NOT NULL, uid TEXT NOT NULL, deleted_at INTEGER NOT NULL,"
	"  PRIMARY KEY(tbl, uid)) WITHOUT ROWID;"
	/* The search index follows an entry's title and body only, so setting
	 * its uid or change time never touches it. */
	"DROP TRIGGER IF EXISTS entries_au;"
	"CREATE TRIGGER entries_au AFTER UPDATE OF title, body ON entries BEGIN"
	"  INSERT INTO entries_fts(entries_fts, rowid, title, body)"
	"  VALUES ('delete', old.id, old.title, old.body);"
	"  INSERT INTO entries_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
	"END;",
	/* "What I did" in a trigger log takes several choices: each a tool
	 * from the toolbox or the person's own words, one row each, in the
	 * person's order. A log kept before has its did and tool_id as one
	 * choice; those columns stay (and are kept in step: the first tool
	 * chosen, and the own words joined with "; "). It can run again on a
	 * vault that has the table (IF NOT EXISTS; the fill skips logs that have
	 * choices). */
	"CREATE TABLE IF NOT EXISTS trigger_did("
	"  trigger_id INTEGER NOT NULL REFERENCES triggers(id) ON DELETE CASCADE,"
	"  tool_id INTEGER REFERENCES tools(id) ON DELETE SET NULL,"
	"  text TEXT NOT NULL DEFAULT '',"
	"  position INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX IF NOT EXISTS trigger_did_by_trigger ON trigger_did(trigger_id, position);"
	"CREATE INDEX IF NOT EXISTS trigger_did_by_tool ON trigger_did(tool_id);"
	STORE_TRIGGER_DID_FILL_SQL,
	/* The synced tables get a uid and a change time (backfilled: the uid
	 * from a row's own values, so two copies of one vault agree), their
	 * indexes and the triggers that keep them and leave tombstones. Earlier
	 * tends did this at every open, so most vaults have it all already;
	 * what a table has is left as it is. */
	sync_setup,
	/* 12: the toolbox and the kinds of trigger join by name when two copies
	 * of a vault merge; a change time on each and a tombstone by name when
	 * one is taken out let the removal travel too (store_named_setup). */
	named_setup,
};

#define LATEST ((int)(sizeof(migrations) / sizeof(migrations[0])))

int migrate_latest(void)
{
	return LATEST;
}

int store_user_version(sqlite3 *db, int *out, struct error *e)
{
	int64_t n = 0;
	int rc = store_one_int(db, "PRAGMA user_version", &n, "reading the vault's version", e);
	*out = (int)n;
	return rc;
}

int migrate(sqlite3 *db, struct error *e)
{
	int v = 0;
	if (store_user_version(db, &v, e))
		return -1;
	if (v > LATEST)
		return error_set(e, E_FAIL, "This vault was last used by a newer version of tend "
		                            "(schema %d; this tend knows %d). Update tend to open it; "
		                            "nothing was changed.",
		                 v, LATEST);
	/* The sync triggers call tend's SQL functions, and the backfill too. */
	if (v < LATEST && store_sync_functions(db, e))
		return -1;
	for (; v < LATEST; v++) {
		char *sql = sqlite3_mprintf("%s PRAGMA user_version=%d;", migrations[v], v + 1);
		if (!sql)
			return error_set(e, E_FAIL, "Out of memory.");
		int rc = store_begin(db, "updating the vault's layout", e);
		if (rc == 0 && migrations[v] == sync_setup)
			rc = store_sync_setup(db, e);
		if (rc == 0 && migrations[v] == named_setup)
			rc = store_named_setup(db, e);
		if (rc == 0 && (rc = sqlite3_exec(db, sql, NULL, NULL, NULL)) != SQLITE_OK)
			rc = store_sql_error(db, rc, e, "updating the vault's layout");
		sqlite3_free(sql);
		if (store_end(db, rc, "updating the vault's layout", e))
			return -1;
	}
	return 0;
}
