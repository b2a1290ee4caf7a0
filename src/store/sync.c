/* sync.c: ids, change times and tombstones for the rows a person makes,
 * and the merge of two copies of one vault, done in SQL so no table is
 * ever held in memory. */
#include "store/sync.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "crypto/page.h"
#include "store_int.h"
#include "util/buf.h"
#include "util/testhook.h"

/* The synced tables, each after the tables its rows point at. Adding one
 * is one line here and one migration: store_sync_setup appended again to
 * migrations[] (store/migrate.c) gives it its uid and changed_at columns,
 * their backfill and its triggers, and leaves the other tables as they
 * are.
 *   key     the column a row is found by in its own vault
 *   uid     the column a row is known by on every device (settings: the
 *           key, which is the same everywhere)
 *   parent  a column pointing at a row whose deletion takes this row with
 *           it (no tombstone of its own then: the parent's says it all)
 *   local   settings that stay on the device they were made on: work in
 *           hand (draft.*), set-up (setup.*: the recovery code) and
 *           homework state named by this vault's own pack numbers. */
static const struct sync_table {
	const char *name, *key, *uid, *parent, *parent_table;
	const char *local;
} sync_tables[] = {
	{"moods", "id", "uid", NULL, NULL, NULL},
	{"triggers", "id", "uid", NULL, NULL, NULL},
	{"entries", "id", "uid", NULL, NULL, NULL},
	{"entry_versions", "id", "uid", "entry_id", "entries", NULL},
	{"exercise_sessions", "id", "uid", NULL, NULL, NULL},
	{"own_lists", "id", "uid", NULL, NULL, NULL},
	{"homework_packs", "id", "uid", NULL, NULL, NULL},
	{"homework_done", "id", "uid", "pack_id", "homework_packs", NULL},
	{"settings", "key", "key", NULL, NULL, "'draft.*', 'setup.*', 'homework.*'"},
};

#define NSYNC (sizeof(sync_tables) / sizeof(sync_tables[0]))

/* Columns that hold another table's id, turned into this vault's id
 * through the row's uid (or a tool's name: tools are not synced by id). */
static const struct {
	const char *col, *table, *by;
} refs[] = {
	{"mood_id", "moods", "uid"},    {"trigger_id", "triggers", "uid"},
	{"entry_id", "entries", "uid"}, {"pack_id", "homework_packs", "uid"},
	{"tool_id", "tools", "name"},
};

/* ---- SQL functions ---------------------------------------------------------- */

static int merging; /* set while a merge runs: no change time is bumped */

static void hex16(const uint8_t *in, char out[33])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 16; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[32] = '\0';
}

static void fn_uid(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	uint8_t r[16];
	char hex[33];
	crypto_random(r, sizeof(r));
	hex16(r, hex);
	sqlite3_result_text(cx, hex, 32, SQLITE_TRANSIENT);
}

/* A uid that every device computes alike from the same values: for rows
 * that were there before ids were (so two copies of an old vault agree),
 * and for the earlier text a merge keeps as a version. */
static void fn_uid_of(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	static const uint8_t key[PAGE_KEY_BYTES] = "tend row id, from its values";
	struct buf b = BUF_INIT;
	int bad = buf_puts(&b, "tend-uid");
	for (int i = 0; i < argc && !bad; i++) {
		const unsigned char *t = sqlite3_value_text(argv[i]);
		int n = sqlite3_value_bytes(argv[i]);
		bad = buf_printf(&b, "%d:%d:", sqlite3_value_type(argv[i]), n) ||
		      (t && buf_append(&b, t, (size_t)n));
	}
	if (bad) {
		buf_free(&b);
		sqlite3_result_error_nomem(cx);
		return;
	}
	uint8_t d[PAGE_MAC_BYTES];
	char hex[33];
	page_mac_bytes(key, (const uint8_t *)b.data, b.len, d);
	mem_wipe(b.data, b.len);
	buf_free(&b);
	hex16(d, hex);
	sqlite3_result_text(cx, hex, 32, SQLITE_TRANSIENT);
}

/* A change time: Unix milliseconds times 1000, plus a random 0-999, so
 * two devices never stamp two edits alike (an equal time is the same
 * edit, which the merge can then tell from the times alone). */
static void fn_stamp(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	int64_t ms;
	if (testhook_now(&ms)) {
		ms *= 1000;
	} else {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	}
	uint16_t r;
	crypto_random(&r, sizeof(r));
	sqlite3_result_int64(cx, ms * 1000 + r % 1000);
}

static void fn_merging(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(cx, merging);
}

/* ---- columns ---------------------------------------------------------------- */

struct cols {
	char name[64][41];
	bool notnull[64];
	size_t n;
};

/* The columns of schema.table, in order. */
static int table_cols(sqlite3 *db, const char *schema, const char *table, struct cols *c,
                      struct error *e)
{
	char sql[128];
	snprintf(sql, sizeof(sql), "PRAGMA %s.table_info(%s)", schema, table);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading the vault's layout");
	c->n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && c->n < 64) {
		const char *n = (const char *)sqlite3_column_text(st, 1);
		if (!n || !store_plain_name(n))
			continue;
		snprintf(c->name[c->n], sizeof(c->name[0]), "%s", n);
		c->notnull[c->n++] = sqlite3_column_int(st, 3) != 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0
	                                             : store_sql_error(db, rc, e, "reading the vault's layout");
}

static bool has_col(const struct cols *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->name[i], name) == 0)
			return true;
	return false;
}

/* A column the person's data is in: not the row's own key, uid or time. */
static bool data_col(const struct sync_table *t, const char *name)
{
	return !(strcmp(t->key, "id") == 0 && strcmp(name, "id") == 0) &&
	       strcmp(name, "uid") != 0 && strcmp(name, "changed_at") != 0;
}

static int ref_of(const char *col)
{
	for (size_t k = 0; k < sizeof(refs) / sizeof(refs[0]); k++)
		if (strcmp(refs[k].col, col) == 0)
			return (int)k;
	return -1;
}

/* " AND <alias>.key NOT GLOB ..." for a table with local rows; "" else. */
static int cond_synced(struct buf *b, const struct sync_table *t, const char *alias)
{
	if (!t->local)
		return 0;
	/* local is a list of quoted globs: 'a', 'b' */
	const char *p = t->local;
	int bad = 0;
	while (*p && !bad) {
		const char *q = strchr(p + 1, '\'');
		if (!q)
			break;
		bad = buf_printf(b, " AND %s.%s NOT GLOB %.*s", alias, t->key, (int)(q - p + 1), p);
		p = q + 1;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return bad;
}

/* ---- preparing a vault ------------------------------------------------------ */

static int run_sql(sqlite3 *db, const struct buf *b, struct error *e, const char *doing)
{
	int rc = sqlite3_exec(db, buf_str(b), NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : store_sql_error(db, rc, e, doing);
}

/* What table t lacks, added: the columns (old rows get a uid from their
 * own values, so two copies of one vault agree, and time 0), the index,
 * the triggers. */
static int prepare_table(sqlite3 *db, const struct sync_table *t, struct error *e)
{
	struct cols c;
	if (table_cols(db, "main", t->name, &c, e))
		return -1;
	struct buf b = BUF_INIT;
	int bad = 0;
	bool own_uid = strcmp(t->uid, "uid") == 0;
	if (own_uid && !has_col(&c, "uid")) {
		bad |= buf_printf(&b, "ALTER TABLE %s ADD COLUMN uid TEXT;", t->name);
		bad |= buf_printf(&b, "UPDATE %s SET uid = tend_uid_of('%s', %s, json_array(", t->name,
		                  t->name, t->key);
		for (size_t i = 0, k = 0; i < c.n; i++)
			if (data_col(t, c.name[i]))
				bad |= buf_printf(&b, "%s%s", k++ ? ", " : "", c.name[i]);
		bad |= buf_printf(&b, "));");
	}
	if (!has_col(&c, "changed_at"))
		bad |= buf_printf(&b, "ALTER TABLE %s ADD COLUMN changed_at INTEGER;"
		                      "UPDATE %s SET changed_at = 0;",
		                  t->name, t->name);
	/* The second index holds what a merge compares, so matching two
	 * copies' rows reads only it, never the rows. */
	if (own_uid)
		bad |= buf_printf(&b,
		                  "CREATE UNIQUE INDEX IF NOT EXISTS %s_by_uid ON %s(uid);"
		                  "CREATE INDEX IF NOT EXISTS %s_by_change ON %s(uid, changed_at);",
		                  t->name, t->name, t->name, t->name);
	/* A row made without a uid or time gets them; a change that does not
	 * set the time itself gets the time now (not during a merge, which
	 * sets it); a deletion leaves a tombstone, or moves an older one (of
	 * a row deleted, then brought back by a newer edit) to now. */
	bad |= buf_printf(&b,
	                  "CREATE TRIGGER IF NOT EXISTS %s_sync_ai AFTER INSERT ON %s"
	                  " WHEN new.changed_at IS NULL%s BEGIN UPDATE %s SET",
	                  t->name, t->name, own_uid ? " OR new.uid IS NULL" : "", t->name);
	if (own_uid)
		bad |= buf_printf(&b, " uid = coalesce(new.uid, tend_uid()),");
	bad |= buf_printf(&b,
	                  " changed_at = coalesce(new.changed_at, tend_stamp())"
	                  " WHERE %s = new.%s; END;"
	                  "CREATE TRIGGER IF NOT EXISTS %s_sync_au AFTER UPDATE ON %s"
	                  " WHEN new.changed_at IS old.changed_at AND NOT tend_merging() BEGIN"
	                  " UPDATE %s SET changed_at = tend_stamp() WHERE %s = new.%s; END;"
	                  "CREATE TRIGGER IF NOT EXISTS %s_sync_ad AFTER DELETE ON %s WHEN 1",
	                  t->key, t->key, t->name, t->name, t->name, t->key, t->key, t->name,
	                  t->name);
	bad |= cond_synced(&b, t, "old");
	if (t->parent)
		bad |= buf_printf(&b, " AND EXISTS (SELECT 1 FROM %s WHERE id = old.%s)",
		                  t->parent_table, t->parent);
	bad |= buf_printf(&b,
	                  " BEGIN INSERT INTO tombstones(tbl, uid, deleted_at)"
	                  " VALUES ('%s', old.%s, tend_stamp()) ON CONFLICT(tbl, uid) DO UPDATE"
	                  " SET deleted_at = excluded.deleted_at"
	                  " WHERE deleted_at < old.changed_at; END;",
	                  t->name, t->uid);
	int rc = bad ? error_set(e, E_FAIL, "Out of memory.")
	             : run_sql(db, &b, e, "updating the vault's layout");
	buf_free(&b);
	return rc;
}

int store_sync_functions(struct sqlite3 *db, struct error *e)
{
	int rc = sqlite3_create_function(db, "tend_uid", 0, SQLITE_UTF8, NULL, fn_uid, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "tend_uid_of", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
		                             NULL, fn_uid_of, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "tend_stamp", 0, SQLITE_UTF8, NULL, fn_stamp, NULL,
		                             NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "tend_merging", 0, SQLITE_UTF8, NULL, fn_merging, NULL,
		                             NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "opening the vault");
	return 0;
}

int store_sync_setup(sqlite3 *db, struct error *e)
{
	int rc = 0;
	for (size_t i = 0; i < NSYNC && rc == 0; i++)
		rc = prepare_table(db, &sync_tables[i], e);
	return rc;
}

/* The lists two copies join by name, and the column that names a row. */
static const struct {
	const char *name, *key;
} named_tables[] = {{"tools", "id"}, {"trigger_categories", "name"}};

int store_named_setup(sqlite3 *db, struct error *e)
{
	struct buf b = BUF_INIT;
	int bad = 0;
	for (size_t i = 0; i < sizeof(named_tables) / sizeof(named_tables[0]); i++) {
		const char *t = named_tables[i].name, *k = named_tables[i].key;
		struct cols c;
		if (table_cols(db, "main", t, &c, e)) {
			buf_free(&b);
			return -1;
		}
		/* NULL until set: a row loaded from an export keeps the time it
		 * brings, even 0, and one made here takes the time now. */
		if (!has_col(&c, "changed_at"))
			bad |= buf_printf(&b, "ALTER TABLE %s ADD COLUMN changed_at INTEGER;"
			                      "UPDATE %s SET changed_at = 0;",
			                  t, t);
		/* A merge sets the times and tombstones itself. */
		bad |= buf_printf(&b,
		                  "CREATE TRIGGER IF NOT EXISTS %s_named_ai AFTER INSERT ON %s"
		                  " WHEN new.changed_at IS NULL BEGIN"
		                  " UPDATE %s SET changed_at = tend_stamp() WHERE %s = new.%s; END;"
		                  "CREATE TRIGGER IF NOT EXISTS %s_named_ad AFTER DELETE ON %s"
		                  " WHEN NOT tend_merging() BEGIN INSERT INTO tombstones(tbl, uid,"
		                  " deleted_at) VALUES ('%s', lower(old.name), tend_stamp())"
		                  " ON CONFLICT(tbl, uid) DO UPDATE SET deleted_at = excluded.deleted_at"
		                  " WHERE deleted_at < excluded.deleted_at; END;",
		                  t, t, t, k, k, t, t, t);
	}
	int rc = bad ? error_set(e, E_FAIL, "Out of memory.")
	             : run_sql(db, &b, e, "updating the vault's layout");
	buf_free(&b);
	return rc;
}

/* ---- merging ---------------------------------------------------------------- */

/* o.col as this vault has it: a reference turned into this vault's id of
 * the same row (NULL when this vault has no such row). */
static int mapped(struct buf *b, const char *col, const char *o)
{
	int k = ref_of(col);
	if (k < 0)
		return buf_printf(b, "%s.%s", o, col);
	return buf_printf(b,
	                  "(SELECT x.id FROM main.%s AS x WHERE x.%s ="
	                  " (SELECT y.%s FROM other.%s AS y WHERE y.id = %s.%s))",
	                  refs[k].table, refs[k].by, refs[k].by, refs[k].table, o, col);
}

/* Runs the statement in b, adds the rows it changed to *count, clears b. */
static int step(sqlite3 *db, struct buf *b, int bad, long long *count, struct error *e)
{
	if (bad) {
		buf_free(b);
		return error_set(e, E_FAIL, "Out of memory merging.");
	}
	int rc = sqlite3_exec(db, buf_str(b), NULL, NULL, NULL);
	buf_clear(b);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "merging the other copy");
	if (count)
		*count += sqlite3_changes(db);
	return 0;
}

/* The other copy's tags of the entries m (main) and o (other) where cond
 * holds, given to this vault's entries. */
static int tags_from_other(sqlite3 *db, struct buf *b, const char *cond, struct error *e)
{
	static const char join[] =
	    " FROM main.entries AS m JOIN other.entries AS o ON o.uid = m.uid"
	    " JOIN other.entry_tags AS oet ON oet.entry_id = o.id"
	    " JOIN other.tags AS ot ON ot.id = oet.tag_id";
	int bad = buf_printf(b, "INSERT OR IGNORE INTO main.tags(name) SELECT ot.name%s WHERE %s",
	                     join, cond);
	if (step(db, b, bad, NULL, e))
		return -1;
	bad = buf_printf(b,
	                 "INSERT OR IGNORE INTO main.entry_tags(entry_id, tag_id) SELECT m.id, mt.id%s"
	                 " JOIN main.tags AS mt ON mt.name = ot.name WHERE %s",
	                 join, cond);
	return step(db, b, bad, NULL, e);
}

/* A trigger log's choices of "what I did" (trigger_did, kept like an
 * entry's tags: no id of their own) come with the log from the other copy,
 * for the logs in this vault that cond picks (m: main.triggers); a tool
 * is found by its name. */
static int did_from_other(sqlite3 *db, struct buf *b, const char *cond, struct error *e)
{
	int bad = buf_printf(b,
	                     "INSERT INTO main.trigger_did(trigger_id, tool_id, text, position)"
	                     " SELECT m.id, (SELECT mt.id FROM main.tools AS mt JOIN other.tools AS ot"
	                     " ON ot.name = mt.name WHERE ot.id = od.tool_id),"
	                     /* a tool this copy no longer has comes as its name */
	                     " CASE WHEN od.tool_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
	                     " main.tools AS mt JOIN other.tools AS ot ON ot.name = mt.name WHERE"
	                     " ot.id = od.tool_id) THEN (SELECT name FROM other.tools WHERE id ="
	                     " od.tool_id) || CASE WHEN od.text = '' THEN '' ELSE ', ' || od.text END"
	                     " ELSE od.text END, od.position"
	                     " FROM main.triggers AS m JOIN other.triggers AS o ON o.uid = m.uid"
	                     " JOIN other.trigger_did AS od ON od.trigger_id = o.id WHERE %s"
	                     " ORDER BY m.id, od.position",
	                     cond);
	return step(db, b, bad, NULL, e);
}

/* The rows of child (by its column col) that hang on the rows of synced
 * table k edited later on the other side, taken again from there by from. */
static int rows_from_other(sqlite3 *db, struct buf *b, size_t k, const char *child,
                           const char *col,
                           int (*from)(sqlite3 *, struct buf *, const char *, struct error *),
                           struct error *e)
{
	char cond[128];
	snprintf(cond, sizeof(cond), "m.id IN (SELECT mid FROM temp.sync_pairs WHERE tbl = %zu AND"
	                             " theirs)",
	         k);
	int bad = buf_printf(b, "DELETE FROM main.%s WHERE %s IN (SELECT mid FROM temp.sync_pairs"
	                        " WHERE tbl = %zu AND theirs)",
	                     child, col, k);
	return step(db, b, bad, NULL, e) || from(db, b, cond, e) ? -1 : 0;
}

/* Rows the other copy has and this one has not (nor has a later
 * tombstone of); found through the uid and change-time index alone. */
static int insert_new(sqlite3 *db, struct buf *b, const struct sync_table *t,
                      const struct cols *c, long long *count, struct error *e)
{
	bool own_uid = strcmp(t->uid, "uid") == 0;
	int bad = buf_printf(b, "INSERT INTO main.%s(", t->name);
	for (size_t i = 0; i < c->n; i++)
		if (data_col(t, c->name[i]))
			bad |= buf_printf(b, "%s, ", c->name[i]);
	bad |= buf_printf(b, "%schanged_at) SELECT ", own_uid ? "uid, " : "");
	for (size_t i = 0; i < c->n; i++)
		if (data_col(t, c->name[i]))
			bad |= mapped(b, c->name[i], "o") || buf_puts(b, ", ");
	char ix[96] = "";
	if (own_uid)
		snprintf(ix, sizeof(ix), " INDEXED BY %s_by_change", t->name);
	bad |= buf_printf(b,
	                  "%so.changed_at FROM other.%s AS o WHERE o.%s IN (SELECT n.%s FROM"
	                  " other.%s AS n%s WHERE NOT EXISTS (SELECT 1 FROM main.%s AS m"
	                  " WHERE m.%s = n.%s) AND NOT EXISTS (SELECT 1 FROM main.tombstones AS d"
	                  " WHERE d.tbl = '%s' AND d.uid = n.%s AND d.deleted_at >= n.changed_at))",
	                  own_uid ? "o.uid, " : "", t->name, t->key, t->key, t->name, ix,
	                  t->name, t->uid, t->uid, t->name, t->uid);
	bad |= cond_synced(b, t, "o");
	/* A row whose parent this vault deleted goes with it. */
	for (size_t i = 0; i < c->n; i++)
		if (c->notnull[i] && ref_of(c->name[i]) >= 0)
			bad |= buf_puts(b, " AND ") || mapped(b, c->name[i], "o") ||
			       buf_puts(b, " IS NOT NULL");
	bad |= buf_printf(b, " ORDER BY o.%s", t->key);
	return step(db, b, bad, count, e);
}

/* The rows both copies have with different change times, into
 * temp.sync_pairs (table number k): theirs is 1 where the other copy's
 * edit is the later. Read from the indexes only. */
static int find_pairs(sqlite3 *db, struct buf *b, size_t k, const struct sync_table *t,
                      struct error *e)
{
	char ix[96] = "";
	if (strcmp(t->uid, "uid") == 0)
		snprintf(ix, sizeof(ix), " INDEXED BY %s_by_change", t->name);
	int bad = buf_printf(b,
	                     "INSERT INTO temp.sync_pairs(tbl, mid, oid, theirs) SELECT %zu, m.%s,"
	                     " o.%s, o.changed_at > m.changed_at FROM main.%s AS m%s JOIN other.%s"
	                     " AS o%s ON o.%s = m.%s WHERE o.changed_at IS NOT m.changed_at",
	                     k, t->key, t->key, t->name, ix, t->name, ix, t->uid, t->uid);
	bad |= cond_synced(b, t, "m");
	return step(db, b, bad, NULL, e);
}

static int update_newer(sqlite3 *db, struct buf *b, size_t k, const struct sync_table *t,
                        const struct cols *c, long long *count, struct error *e)
{
	int bad = buf_printf(b, "UPDATE main.%s AS m SET (", t->name);
	for (size_t i = 0; i < c->n; i++)
		if (data_col(t, c->name[i]))
			bad |= buf_printf(b, "%s, ", c->name[i]);
	bad |= buf_puts(b, "changed_at) = (SELECT ");
	for (size_t i = 0; i < c->n; i++) {
		if (!data_col(t, c->name[i]))
			continue;
		bool keep = c->notnull[i] && ref_of(c->name[i]) >= 0;
		bad |= (keep && buf_puts(b, "coalesce(")) || mapped(b, c->name[i], "o") ||
		       (keep && buf_printf(b, ", m.%s)", c->name[i])) || buf_puts(b, ", ");
	}
	bad |= buf_printf(b,
	                  "o.changed_at FROM other.%s AS o WHERE o.%s = (SELECT p.oid FROM"
	                  " temp.sync_pairs AS p WHERE p.tbl = %zu AND p.mid = m.%s)) WHERE m.%s IN"
	                  " (SELECT mid FROM temp.sync_pairs WHERE tbl = %zu AND theirs)",
	                  t->name, t->key, k, t->key, t->key, k);
	return step(db, b, bad, count, e);
}

/* The toolbox and the trigger categories join by name. One taken out on
 * either side after it was added goes (a trigger log that chose a tool
 * keeps it as its name in words, as tool_delete does); the other copy's
 * come in unless a later tombstone names them. */
#define GONE_BY_NAME(tbl, row) \
	"EXISTS (SELECT 1 FROM main.tombstones AS d WHERE d.tbl = '" tbl "'" \
	" AND d.uid = lower(" row ".name) AND d.deleted_at >= " row ".changed_at)"
#define TOOLS_GONE "SELECT m.id FROM main.tools AS m WHERE " GONE_BY_NAME("tools", "m")
static int merge_named(sqlite3 *db, struct buf *b, struct error *e)
{
	if (store_keep_tool_names(db, TOOLS_GONE, 0, "merging", e))
		return -1;
	int bad = buf_puts(b, "DELETE FROM main.tools WHERE id IN (" TOOLS_GONE ")");
	if (step(db, b, bad, NULL, e))
		return -1;
	bad = buf_puts(b, "DELETE FROM main.trigger_categories AS m WHERE "
	                  GONE_BY_NAME("trigger_categories", "m"));
	if (step(db, b, bad, NULL, e))
		return -1;
	bad = buf_puts(b, "INSERT INTO main.tools(name, about, position, changed_at) SELECT"
	                  " o.name, o.about, (SELECT coalesce(max(position), 0) FROM main.tools)"
	                  " + o.position, coalesce(o.changed_at, 0) FROM other.tools AS o"
	                  " WHERE NOT EXISTS (SELECT 1 FROM main.tools AS m WHERE m.name = o.name)"
	                  " AND NOT " GONE_BY_NAME("tools", "o") " ORDER BY o.position");
	if (step(db, b, bad, NULL, e))
		return -1;
	bad = buf_puts(b, "INSERT INTO main.trigger_categories(name, position, changed_at) SELECT"
	                  " o.name, (SELECT coalesce(max(position), 0) FROM"
	                  " main.trigger_categories) + o.position, coalesce(o.changed_at, 0)"
	                  " FROM other.trigger_categories AS o WHERE NOT EXISTS (SELECT 1 FROM"
	                  " main.trigger_categories AS m WHERE m.name = o.name)"
	                  " AND NOT " GONE_BY_NAME("trigger_categories", "o") " ORDER BY o.position");
	return step(db, b, bad, NULL, e);
}
#undef TOOLS_GONE
#undef GONE_BY_NAME

/* Where the two copies hold different texts of one entry, the one that
 * is not kept current becomes an earlier version, unless the entry has a
 * version with that text already. Its uid comes from what it holds, so
 * both devices make the same version. */
static int keep_other_text(sqlite3 *db, struct buf *b, size_t k, long long *count,
                           struct error *e)
{
	for (int theirs = 1; theirs >= 0; theirs--) {
		const char *l = theirs ? "m" : "o"; /* the text not kept current */
		int bad = buf_printf(b,
		                     "INSERT OR IGNORE INTO main.entry_versions(entry_id, title, body,"
		                     " saved_at, saved_off, uid, changed_at) SELECT m.id, %s.title,"
		                     " %s.body, %s.updated_at, %s.updated_off,"
		                     " tend_uid_of('version', %s.uid, %s.changed_at, %s.title, %s.body),"
		                     " %s.changed_at FROM temp.sync_pairs AS p"
		                     " JOIN main.entries AS m ON m.id = p.mid"
		                     " JOIN other.entries AS o ON o.id = p.oid"
		                     " WHERE p.tbl = %zu AND p.theirs = %d AND (o.title IS NOT m.title"
		                     " OR o.body IS NOT m.body) AND NOT EXISTS (SELECT 1 FROM"
		                     " main.entry_versions AS v WHERE v.entry_id = m.id AND"
		                     " v.title = %s.title AND v.body = %s.body) AND NOT EXISTS"
		                     " (SELECT 1 FROM main.tombstones AS d WHERE d.tbl ="
		                     " 'entry_versions' AND d.uid = tend_uid_of('version', %s.uid,"
		                     " %s.changed_at, %s.title, %s.body))",
		                     l, l, l, l, l, l, l, l, l, k, theirs, l, l, l, l, l, l);
		if (step(db, b, bad, count, e))
			return -1;
	}
	return 0;
}

static struct sync_count *count_of(struct sync_result *r, const char *table)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->t[i].table, table) == 0)
			return &r->t[i];
	return NULL;
}

static int schema_version(sqlite3 *db, const char *schema, int *out, struct error *e)
{
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA %s.user_version", schema);
	int64_t n = 0;
	int rc = store_one_int(db, sql, &n, "reading the other copy", e);
	*out = (int)n;
	return rc;
}

static int64_t max_id(sqlite3 *db, const char *table)
{
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT coalesce(max(id), 0) FROM main.%s", table);
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int merge_all(sqlite3 *db, struct sync_result *r, struct error *e)
{
	struct cols c[NSYNC];
	size_t ke = 0, kt = 0;
	for (size_t i = 0; i < NSYNC; i++) {
		struct cols oc;
		if (table_cols(db, "main", sync_tables[i].name, &c[i], e) ||
		    table_cols(db, "other", sync_tables[i].name, &oc, e))
			return -1;
		if (!has_col(&oc, "changed_at"))
			return error_set(e, E_FAIL, "The other copy was last used by an older tend, without "
			                            "the ids a merge needs. Open it once with this tend (on "
			                            "the device it came from), then merge again.");
		r->t[r->n++] = (struct sync_count){.table = sync_tables[i].name};
		if (strcmp(sync_tables[i].name, "entries") == 0)
			ke = i;
		if (strcmp(sync_tables[i].name, "triggers") == 0)
			kt = i;
	}
	struct buf b = BUF_INIT;
	/* Deletions the other copy knows of, each at its latest time. */
	int bad = buf_puts(&b, "INSERT INTO main.tombstones(tbl, uid, deleted_at)"
	                       " SELECT tbl, uid, deleted_at FROM other.tombstones WHERE 1"
	                       " ON CONFLICT(tbl, uid) DO UPDATE SET deleted_at ="
	                       " excluded.deleted_at WHERE excluded.deleted_at > deleted_at");
	if (step(db, &b, bad, &r->tombstones, e))
		return -1;
	if (merge_named(db, &b, e))
		return -1;
	/* Rows deleted on either side, where the deletion is the later. */
	for (size_t i = 0; i < NSYNC; i++) {
		const struct sync_table *t = &sync_tables[i];
		bad = buf_printf(&b,
		                 "DELETE FROM main.%s AS m WHERE m.%s IN (SELECT uid FROM"
		                 " main.tombstones WHERE tbl = '%s') AND m.changed_at <= (SELECT"
		                 " d.deleted_at FROM main.tombstones AS d WHERE d.tbl = '%s'"
		                 " AND d.uid = m.%s)",
		                 t->name, t->uid, t->name, t->name, t->uid);
		bad |= cond_synced(&b, t, "m");
		if (step(db, &b, bad, &count_of(r, t->name)->deleted, e))
			return -1;
	}
	/* Rows only the other copy has. */
	int64_t entries_before = max_id(db, "entries"), triggers_before = max_id(db, "triggers");
	for (size_t i = 0; i < NSYNC; i++)
		if (insert_new(db, &b, &sync_tables[i], &c[i], &count_of(r, sync_tables[i].name)->added,
		               e))
			return -1;
	char cond[128];
	snprintf(cond, sizeof(cond), "m.id > %lld", (long long)entries_before);
	if (tags_from_other(db, &b, cond, e))
		return -1;
	snprintf(cond, sizeof(cond), "m.id > %lld", (long long)triggers_before);
	if (did_from_other(db, &b, cond, e))
		return -1;
	/* Rows both have, edited since they parted: the later edit is current. */
	bad = buf_puts(&b, "DROP TABLE IF EXISTS temp.sync_pairs; CREATE TEMP TABLE sync_pairs("
	                   "tbl INTEGER, mid, oid, theirs INTEGER, PRIMARY KEY(tbl, mid))");
	if (step(db, &b, bad, NULL, e))
		return -1;
	for (size_t i = 0; i < NSYNC; i++)
		if (find_pairs(db, &b, i, &sync_tables[i], e))
			return -1;
	if (keep_other_text(db, &b, ke, &r->versions, e))
		return -1;
	/* An entry or a log edited later on the other side: its tags or its
	 * choices of what was done come with it. */
	int rc = rows_from_other(db, &b, ke, "entry_tags", "entry_id", tags_from_other, e) ||
	                 rows_from_other(db, &b, kt, "trigger_did", "trigger_id", did_from_other, e)
	             ? -1
	             : 0;
	for (size_t i = 0; i < NSYNC && rc == 0; i++)
		rc = update_newer(db, &b, i, &sync_tables[i], &c[i],
		                  &count_of(r, sync_tables[i].name)->updated, e);
	if (rc == 0) {
		bad = buf_puts(&b, "DELETE FROM main.tags WHERE id NOT IN"
		                   " (SELECT tag_id FROM main.entry_tags); DROP TABLE temp.sync_pairs");
		rc = step(db, &b, bad, NULL, e);
	}
	buf_free(&b);
	return rc;
}

int store_sync_merge(struct vault *v, const char *file, bool dry_run, struct sync_result *out,
                     struct error *e)
{
	memset(out, 0, sizeof(*out));
	sqlite3 *db = vault_db(v);
	if (vault_attach_copy(v, file, "other", e))
		return -1;
	int mine = 0, theirs = 0;
	int rc = schema_version(db, "main", &mine, e) || schema_version(db, "other", &theirs, e);
	if (rc == 0 && theirs != mine)
		rc = error_set(e, E_FAIL,
		               theirs > mine ? "The other copy was last used by a newer tend (layout "
		                               "%d; this one is at %d). Update tend here first; nothing "
		                               "was changed."
		                             : "The other copy was last used by an older tend (layout "
		                               "%d; this one is at %d). Open it once with this tend "
		                               "on the device it came from, then merge again; nothing "
		                               "was changed.",
		               theirs, mine);
	/* The vault opened read-only as older than this computer saw, but the
	 * copy holds (at least) what it saw: once merged nothing is missing,
	 * so writing is allowed again (as 'tend accept-older' does). */
	if (rc == 0 && !dry_run && vault_copy_covers_mark(v))
		rc = vault_accept_older(v, e);
	if (rc == 0)
		rc = store_begin(db, "updating the vault", e);
	if (rc == 0) {
		merging = 1;
		rc = merge_all(db, out, e);
		merging = 0;
		if (rc == 0 && !dry_run)
			rc = store_end(db, 0, "updating the vault", e);
		else
			store_cancel(db);
	}
	vault_detach_copy(v, "other");
	return rc;
}
