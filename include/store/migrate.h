/* migrate.h: the numbered schema migrations, run in a transaction at open. */
#ifndef TEND_STORE_MIGRATE_H
#define TEND_STORE_MIGRATE_H

#include "util/error.h"

struct sqlite3;
/* Brings the schema up to date; PRAGMA user_version records where it is.
 * A vault from a newer tend is refused with E_FAIL and left untouched. */
int migrate(struct sqlite3 *db, struct error *e);
int migrate_latest(void);

#endif
