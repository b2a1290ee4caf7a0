/* jfilter.c: narrowing a search by date, tag, mood and trigger. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/timefmt.h"
#include "views/journal_int.h"
#include "widgets/list.h"

void jfilter_apply(const struct jfilter *f, struct entry_query *q)
{
	if (f->from[0])
		day_parse_local(f->from, false, &q->from);
	if (f->to[0])
		day_parse_local(f->to, true, &q->to);
	q->tag = f->tag[0] ? f->tag : NULL;
	q->mood_filter = f->mood_min >= 0 || f->mood_max >= 0;
	q->mood_min = f->mood_min >= 0 ? f->mood_min : 0;
	q->mood_max = f->mood_max >= 0 ? f->mood_max : 10;
	q->has_trigger = f->has_trigger;
}

void jfilter_describe(const struct jfilter *f, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
#define ADD(...) \
	do { \
		if (n < size) \
			n += (size_t)snprintf(out + n, size - n, __VA_ARGS__); \
	} while (0)
	if (f->from[0])
		ADD("%sfrom %s", n ? " · " : "", f->from);
	if (f->to[0])
		ADD("%still %s", n ? " · " : "", f->to);
	if (f->tag[0])
		ADD("%stag %s", n ? " · " : "", f->tag);
	if (f->mood_min >= 0 || f->mood_max >= 0)
		ADD("%smood %d to %d", n ? " · " : "", f->mood_min >= 0 ? f->mood_min : 0,
		    f->mood_max >= 0 ? f->mood_max : 10);
	if (f->has_trigger)
		ADD("%swith a trigger log", n ? " · " : "");
#undef ADD
}

enum { F_FROM, F_TO, F_TAG, F_MOOD_MIN, F_MOOD_MAX, F_TRIGGER, F_CLEAR, F_COUNT };

/* The filters are edited in a copy, handed back on leaving (RESULT_FILTER). */
struct fview {
	struct jfilter f;
	struct menu m;
	struct ask ask;
	char initial[32];
};

static int fview_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	struct fview *v = st;
	v->f = *(const struct jfilter *)arg;
	v->m.n = F_COUNT;
	return 0;
}

static void value_of(const struct jfilter *f, int i, char *out, size_t size)
{
	switch (i) {
	case F_FROM: snprintf(out, size, "%s", f->from[0] ? f->from : "any"); break;
	case F_TO: snprintf(out, size, "%s", f->to[0] ? f->to : "any"); break;
	case F_TAG: snprintf(out, size, "%s", f->tag[0] ? f->tag : "any"); break;
	case F_MOOD_MIN:
		if (f->mood_min >= 0)
			snprintf(out, size, "%d", f->mood_min);
		else
			snprintf(out, size, "any");
		break;
	case F_MOOD_MAX:
		if (f->mood_max >= 0)
			snprintf(out, size, "%d", f->mood_max);
		else
			snprintf(out, size, "any");
		break;
	case F_TRIGGER: snprintf(out, size, "%s", f->has_trigger ? "yes" : "no"); break;
	default: out[0] = '\0';
	}
}

static void fview_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct fview *v = st;
	static const char *const labels[F_COUNT] = {
		"From (YYYY-MM-DD)", "Until (YYYY-MM-DD)", "Tag", "Mood at least (0-10)",
		"Mood at most (0-10)", "Only with a trigger log", "Clear all filters",
	};
	int y = view_title(cols, "Narrow the search");
	menu_layout(&v->m, rows - y);
	for (int i = 0; i < F_COUNT && y < rows; i++, y++) {
		bool sel = (size_t)i == v->m.sel;
		char val[140];
		value_of(&v->f, i, val, sizeof(val));
		list_fill(y, 2, cols - 4, sel);
		ui_puts(y, 4, 28, list_role(sel, ROLE_NORMAL), labels[i]);
		ui_puts(y, 34, cols - 38, list_role(sel, ROLE_STRONG), val);
	}
}

static int set_value(struct ctx *c, void *data, const char *text, struct error *e)
{
	(void)c;
	struct fview *v = data;
	struct jfilter *f = &v->f;
	int64_t t;
	char *end;
	long n;
	switch (v->m.sel) {
	case F_FROM:
	case F_TO:
		if (*text && day_parse_local(text, false, &t))
			return error_set(e, E_USAGE, "Please write the date as YYYY-MM-DD, or leave it empty.");
		snprintf(v->m.sel == F_FROM ? f->from : f->to, sizeof(f->from), "%s", text);
		break;
	case F_TAG:
		snprintf(f->tag, sizeof(f->tag), "%s", text);
		break;
	default:
		if (!*text) {
			*(v->m.sel == F_MOOD_MIN ? &f->mood_min : &f->mood_max) = -1;
			break;
		}
		n = strtol(text, &end, 10);
		if (*end || n < 0 || n > 10)
			return error_set(e, E_USAGE, "A mood is a whole number from 0 to 10.");
		*(v->m.sel == F_MOOD_MIN ? &f->mood_min : &f->mood_max) = (int)n;
	}
	f->changed = true;
	return 0;
}

static struct step fview_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct fview *v = st;
	if (menu_action(&v->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK)
		return POP_WITH(.kind = RESULT_FILTER, .filter = &v->f);
	if (a != ACT_SELECT)
		return STEP(STEP_NONE);
	if (v->m.sel == F_TRIGGER) {
		v->f.has_trigger = !v->f.has_trigger;
		v->f.changed = true;
		return STEP(STEP_REDRAW);
	}
	if (v->m.sel == F_CLEAR) {
		memset(&v->f, 0, sizeof(v->f));
		v->f.mood_min = v->f.mood_max = -1;
		v->f.changed = true;
		return STEP(STEP_REDRAW);
	}
	value_of(&v->f, (int)v->m.sel, v->initial, sizeof(v->initial));
	if (strcmp(v->initial, "any") == 0)
		v->initial[0] = '\0';
	/* The field and what to type, before anything is typed. */
	static const char *const titles[F_COUNT] = {
		[F_FROM] = "Entries from", [F_TO] = "Entries until", [F_TAG] = "Entries with the tag",
		[F_MOOD_MIN] = "Mood at least", [F_MOOD_MAX] = "Mood at most",
	};
	static const char *const abouts[F_COUNT] = {
		[F_FROM] = "A date as YYYY-MM-DD; empty for any.",
		[F_TO] = "A date as YYYY-MM-DD; empty for any.",
		[F_TAG] = "One tag's name; empty for any.",
		[F_MOOD_MIN] = "A whole number from 0 to 10; empty for any.",
		[F_MOOD_MAX] = "A whole number from 0 to 10; empty for any.",
	};
	v->ask = (struct ask){.title = titles[v->m.sel], .about = abouts[v->m.sel],
	                      .label = "Value:", .initial = v->initial, .on_done = set_value,
	                      .data = v};
	return PUSH(ask_view, &v->ask);
}

static const struct hint fview_hints[] = {
	{ACT_SELECT, "change"},
	{ACT_BACK, "done"},
	{ACT_NONE, NULL},
};

const struct view_ops filter_view = {
	.name = "filters",
	.state_size = sizeof(struct fview),
	.flags = VIEW_NEEDS_VAULT,
	.hints = fview_hints,
	.enter = fview_enter,
	.draw = fview_draw,
	.on_action = fview_action,
};
