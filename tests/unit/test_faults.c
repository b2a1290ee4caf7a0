/* Vaults that tend must refuse or repair without losing anything: one
 * last written by a newer tend, and one whose layout update fails part way
 * (as a killed or failing migration would leave it). The full disk and the
 * read-only folder are in tests/vault/faults.sh, which needs real files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "store/entries.h"
#include "store/migrate.h"
#include "store/vault.h"
#include "../../src/store/store_int.h"
#include "unit.h"

/* A hash of the database file, to prove it did not change. */
static void db_hash(const char *dir, unsigned char out[32])
{
	char path[512];
	snprintf(path, sizeof path, "%s/tend.db", dir);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, 32);
	unsigned char b[4096];
	size_t n;
	while ((n = fread(b, 1, sizeof b, f)) > 0)
		crypto_generichash_update(&st, b, n);
	fclose(f);
	crypto_generichash_final(&st, out, 32);
}

static void set_version(struct vault *v, int version)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", version);
	struct error e = {0};
	assert_int_equal(store_exec(vault_db(v), sql, &e), 0);
}

static void add_entry(struct vault *v, const char *title)
{
	struct error e = {0};
	int64_t id;
	assert_int_equal(entries_add(v, title, "kept through it all", NULL, 0, &id, &e), 0);
}

/* Opening the vault in dir fails with a message holding both words, and
 * leaves the database file byte for byte as it was. */
static void refused_unchanged(const char *dir, const char *says, const char *and_says)
{
	unsigned char before[32], after[32];
	db_hash(dir, before);
	struct vault *v = NULL;
	struct error e = {0};
	assert_int_equal(vault_open(dir, "pw", 2, &v, &e), -1);
	assert_null(v);
	assert_non_null(strstr(e.msg, says));
	assert_non_null(strstr(e.msg, and_says));
	db_hash(dir, after);
	assert_memory_equal(before, after, 32);
}

static void newer_vault_refused_untouched(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	add_entry(f->v, "before the newer tend");
	set_version(f->v, migrate_latest() + 1);
	vault_close(f->v);
	f->v = NULL;
	refused_unchanged(f->dir, "newer version of tend", "nothing was changed");
	test_vault_free(f);
}

/* A layout update that fails part way: the last migration is marked as
 * not done, its tables dropped, and a table put where its index goes, so
 * running it again creates its two tables and then fails on the index. The
 * whole update is rolled back (the file is byte for byte what it was, so
 * the entry written before is still there), and the message says what
 * failed. A second try fails the same way and still changes nothing. */
static void failed_migration_rolls_back(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	add_entry(f->v, "written before the update");
	struct error e = {0};
	assert_int_equal(store_exec(vault_db(f->v),
	                            "DROP TABLE homework_done; DROP TABLE homework_packs;"
	                            "CREATE TABLE homework_done_by_pack(x);",
	                            &e),
	                 0);
	set_version(f->v, 6); /* migration 7 made the homework tables */
	vault_close(f->v);
	f->v = NULL;
	for (int round = 0; round < 2; round++)
		refused_unchanged(f->dir, "updating the vault's layout", "homework_done_by_pack");
	test_vault_free(f);
}

SUITE(faults, cmocka_unit_test(newer_vault_refused_untouched),
      cmocka_unit_test(failed_migration_rolls_back))
