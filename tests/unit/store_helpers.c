#include "store_helpers.h"

#include <sqlite3.h>

#include "../../src/store/store_int.h" /* vault_db() */
#include "store/checkins.h"
#include "store/entries.h"

int entries_add(struct vault *v, const char *title, const char *body,
                const char *const *tags, size_t ntags, int64_t *id, struct error *e)
{
	struct new_entry ne = {.title = title, .body = body, .tags = tags, .ntags = ntags};
	return entries_add_ex(v, &ne, id, e);
}

int64_t entries_count(struct vault *v)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(vault_db(v), "SELECT count(*) FROM entries", -1, &st, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

int moods_add(struct vault *v, int score, const char *note, int64_t *id, struct error *e)
{
	struct checkin c = CHECKIN_INIT;
	c.score = score;
	c.note = note;
	return checkin_add(v, &c, id, e);
}
