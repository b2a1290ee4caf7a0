#include "store/insights.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util/buf.h"

static const char *keep(struct insight_data *d, const char *s, size_t *cap)
{
	if (!s || !*s)
		return NULL;
	/* Categories, tools and tags repeat: share one copy of each. */
	for (size_t i = d->nnames; i-- > 0 && i + 64 >= d->nnames;)
		if (strcmp(d->names[i], s) == 0)
			return d->names[i];
	if (d->nnames == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		char **p = realloc(d->names, nc * sizeof(*p));
		if (!p)
			return NULL;
		d->names = p;
		*cap = nc;
	}
	char *copy = strdup(s);
	if (copy)
		d->names[d->nnames++] = copy;
	return copy;
}

/* Room for one more help and its flag. */
static int help_grow(struct insight_data *d, size_t *cap)
{
	size_t old = *cap;
	if (store_grow((void **)&d->helps, cap, d->nhelps, sizeof(*d->helps)))
		return -1;
	if (*cap != old || !d->help_own_words) {
		unsigned char *w = realloc(d->help_own_words, *cap ? *cap : 1);
		if (!w)
			return -1;
		d->help_own_words = w;
	}
	return 0;
}

/* A trigger log's time, category, distress before and after, and the
 * tool or words of what was done, from columns 0-5 of st. */
static void read_point(struct insight_data *d, sqlite3_stmt *st, struct trigger_point *p,
                       size_t *cap_n)
{
	p->t = sqlite3_column_int64(st, 0);
	p->off_min = sqlite3_column_int(st, 1);
	p->category = keep(d, (const char *)sqlite3_column_text(st, 2), cap_n);
	p->suds_before = sqlite3_column_int(st, 3);
	p->suds_after = sqlite3_column_int(st, 4);
	p->tool = keep(d, (const char *)sqlite3_column_text(st, 5), cap_n);
}

int insights_load(struct vault *v, struct insight_data *d, struct error *e)
{
	sqlite3 *db = vault_db(v);
	memset(d, 0, sizeof(*d));
	size_t cap_m = 0, cap_t = 0, cap_g = 0, cap_n = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
	                            "SELECT at, at_off, score, coalesce(sleep_hours, -1),"
	                            " coalesce(energy, -1), tags FROM moods ORDER BY at",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_sql_error(db, rc, e, "reading check-ins");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)&d->moods, &cap_m, d->nmoods, sizeof(*d->moods)))
			goto nomem;
		struct mood_point *m = &d->moods[d->nmoods++];
		m->t = sqlite3_column_int64(st, 0);
		m->off_min = sqlite3_column_int(st, 1);
		m->score = sqlite3_column_int(st, 2);
		m->sleep_hours = sqlite3_column_double(st, 3);
		m->energy = sqlite3_column_int(st, 4);
		const char *tags = (const char *)sqlite3_column_text(st, 5);
		for (const char *p = tags ? tags : ""; *p;) {
			size_t k = strcspn(p, ",");
			char one[128];
			size_t len = k < sizeof(one) - 1 ? k : sizeof(one) - 1;
			memcpy(one, p, len);
			one[len] = '\0';
			if (*one) {
				if (store_grow((void **)&d->tags, &cap_g, d->ntags, sizeof(*d->tags)))
					goto nomem;
				const char *name = keep(d, one, &cap_n);
				if (name)
					d->tags[d->ntags++] = (struct tag_score){name, m->score};
			}
			p += k + (p[k] == ',');
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto sqlfail;
	rc = sqlite3_prepare_v2(db,
	                        "SELECT g.at, g.at_off, g.category, coalesce(g.suds_before, -1),"
	                        " coalesce(g.suds_after, -1), (SELECT coalesce(t.name, nullif(c.text,"
	                        " '')) FROM trigger_did c LEFT JOIN tools t ON t.id = c.tool_id"
	                        " WHERE c.trigger_id = g.id ORDER BY c.position LIMIT 1)"
	                        " FROM triggers g ORDER BY g.at",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto sqlfail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_grow((void **)&d->triggers, &cap_t, d->ntriggers, sizeof(*d->triggers)))
			goto nomem;
		read_point(d, st, &d->triggers[d->ntriggers++], &cap_n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto sqlfail;
	/* What helped: each thing done in a trigger log counts, with that
	 * log's distress before and after; then each exercise session, with
	 * the exercise in place of the tool and no category. */
	static const char *const helps_sql[] = {
		"SELECT g.at, g.at_off, g.category, coalesce(g.suds_before, -1),"
		" coalesce(g.suds_after, -1), coalesce(t.name, c.text), t.name IS NULL"
		" FROM trigger_did c JOIN triggers g ON g.id = c.trigger_id"
		" LEFT JOIN tools t ON t.id = c.tool_id"
		" WHERE t.name IS NOT NULL OR c.text != ''"
		" ORDER BY g.at, g.id, c.position",
		"SELECT at, at_off, NULL, coalesce(suds_before, -1),"
		" coalesce(suds_after, -1), exercise, 0 FROM exercise_sessions ORDER BY at",
	};
	size_t cap_h = 0;
	for (size_t k = 0; k < sizeof(helps_sql) / sizeof(helps_sql[0]); k++) {
		rc = sqlite3_prepare_v2(db, helps_sql[k], -1, &st, NULL);
		if (rc != SQLITE_OK)
			goto sqlfail;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (help_grow(d, &cap_h))
				goto nomem;
			d->help_own_words[d->nhelps] = (unsigned char)sqlite3_column_int(st, 6);
			read_point(d, st, &d->helps[d->nhelps++], &cap_n);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			goto sqlfail;
	}
	return 0;
nomem:
	sqlite3_finalize(st);
	insights_free(d);
	return error_set(e, E_FAIL, "Out of memory.");
sqlfail:
	store_sql_error(db, rc, e, "reading what to summarise");
	insights_free(d);
	return -1;
}

void insights_free(struct insight_data *d)
{
	/* Categories and ways of coping say something about the person. */
	for (size_t i = 0; i < d->nnames; i++) {
		mem_wipe(d->names[i], strlen(d->names[i]));
		free(d->names[i]);
	}
	free(d->names);
	free(d->moods);
	free(d->triggers);
	free(d->tags);
	free(d->helps);
	free(d->help_own_words);
	memset(d, 0, sizeof(*d));
}
