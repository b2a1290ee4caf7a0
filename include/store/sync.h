/* sync.h: one vault kept on several devices. Every row a person makes
 * carries a random 128-bit id (uid, 32 hex digits) and the time it last
 * changed (changed_at: Unix milliseconds times 1000, plus a random
 * 0-999); a deleted row leaves a tombstone (table, uid, deleted_at) with
 * no content. Two copies of the
 * same vault are then merged row by row (docs/sync.md). */
#ifndef TEND_STORE_SYNC_H
#define TEND_STORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

/* What a merge changed (or, in a dry run, would change), per table. */
struct sync_count {
	const char *table;
	long long added, updated, deleted;
};

struct sync_result {
	struct sync_count t[16];
	size_t n;
	long long versions;   /* earlier texts kept as versions of an entry */
	long long tombstones; /* deletions learnt from the other copy */
};

/* Merges the copy of v in file (another tend.db of the same vault) into
 * v: union by uid, the newer edit current (an entry's other text kept as
 * a version), a tombstone beating an older edit. One transaction; a dry
 * run rolls it back. The copy is only read. E_CORRUPT when file is not a
 * copy of this vault, or is damaged or caught mid-write. */
int store_sync_merge(struct vault *v, const char *file, bool dry_run, struct sync_result *out,
                     struct error *e);

/* The SQL functions the synced tables' triggers call (a new uid, the
 * time now); on every connection, before the migrations run. */
struct sqlite3;
int store_sync_functions(struct sqlite3 *db, struct error *e);

#endif
