/* journal_int.h: what the journal screens share (views/journal.c, entry.c,
 * write.c, tags.c). */
#ifndef TEND_VIEWS_JOURNAL_INT_H
#define TEND_VIEWS_JOURNAL_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/journal.h"
#include "views/view.h"

enum grouping { GROUP_DAY, GROUP_WEEK, GROUP_MONTH };

/* Rows read so far, a page at a time. */
struct jrows {
	struct entry_row *rows;
	size_t n;
	bool done; /* no more rows after these */
};

void jrows_clear(struct jrows *r);
int jrows_more(struct jrows *r, struct vault *v, const struct entry_query *q, struct error *e);
/* Draws rows under group headings from *top, keeping sel in view; returns
 * how many rows fit. */
int jdraw_rows(const struct ctx *c, struct jrows *r, size_t *top, size_t sel, enum grouping g,
               int y, int rows, int w);
/* Text with search-match marks drawn as highlights. */
int jdraw_marked(int y, int x, int w, enum role base, const char *s);

/* The filters a search can carry, edited in filter_view (arg: this). */
struct jfilter {
	char from[16], to[16]; /* YYYY-MM-DD or "" */
	char tag[128];
	int mood_min, mood_max; /* -1: not set */
	bool has_trigger;
	bool changed;
};
/* Fills q's filter fields from f (dates in local time). */
void jfilter_apply(const struct jfilter *f, struct entry_query *q);
/* "from 2026-01-01 · tag calm · with a trigger", or "" */
void jfilter_describe(const struct jfilter *f, char *out, size_t size);

/* What the write screen starts from (NULL arg: a new, blank entry). */
struct write_req {
	int64_t entry_id;   /* edit this entry; 0: a new one */
	const char *prompt; /* a prompt to write to (copied) */
	int minutes;        /* free writing: a quiet timer, 0: none */
	int64_t mood_id, trigger_id; /* link a check-in or trigger log */
	const char *tags;   /* tags a new entry starts with ("homework"), or NULL */
};

/* The screen of an exercise that has its own (paced breathing, the support
 * map, affirmations) and its title, or NULL: a guided exercise. */
const struct view_ops *view_for_exercise(const char *id, const char **title);
/* Opens the exercise with that id (kind: STEP_PUSH or STEP_REPLACE); id
 * must outlive the screen (a guided exercise keeps it). */
struct step view_open_exercise(enum step_kind kind, const char *id);

extern const struct view_ops journal_view, jsearch_view, entry_view, versions_view, write_view,
    tags_view, filter_view, checkin_view, checkin_edit_view, checkins_view, trigger_view, triggers_view, toolbox_view,
    path_view, insights_view, safety_view, breathe_view, guided_view, support_view, affirm_view,
    homework_view, hwimport_view, hwitem_view, data_view, export_view, import_view, moodmap_view,
    report_view, helpnow_view;

/* crisis_view's arg to show the person's safety plan on the same page,
 * under their region's lines (a safety question answered in a measure);
 * NULL: the usual page. */
extern const char crisis_with_plan[];

#endif
