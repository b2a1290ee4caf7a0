/* insights.c: what check-ins and trigger logs show over time. Every figure
 * carries its n, and the screen says plainly when there is too little to
 * go on. No scores, no streaks, no judgement. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/stats.h"
#include "store/insights.h"
#include "store/settings.h"
#include "util/timefmt.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/chart.h"

enum section { S_MOOD, S_YEAR, S_TRIGGERS, S_HELPS, S_PATTERNS, S_COUNT };
enum period { P_WEEK, P_MONTH, P_YEAR, P_COUNT };

/* Whether the year view counts the days with a check-in; in the vault,
 * since it is the person's choice. */
#define COUNT_KEY "insights.year-count"

struct insights_state {
	struct insight_data d;
	enum section section;
	enum period period;
	int year;
	int64_t today; /* local day number */
	bool show_count; /* the year's "days with a check-in"; hidden unless asked for */
	char err[512];
};

static int insights_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct insights_state *s = st;
	struct error e = {0};
	if (insights_load(c->ses->vault, &s->d, &e))
		snprintf(s->err, sizeof(s->err), "%s", e.msg);
	time_t now = (time_t)stamp_now().t; /* a test build may fix the clock */
	struct tm tm;
	localtime_r(&now, &tm);
	s->today = stats_day_of((int64_t)now, (int)(tm.tm_gmtoff / 60));
	s->year = tm.tm_year + 1900;
	char val[16];
	s->show_count = settings_get(c->ses->vault, COUNT_KEY, val, sizeof(val), &e) == 1 &&
	                strcmp(val, "shown") == 0;
	return 0;
}

static void insights_leave(struct ctx *c, void *st)
{
	(void)c;
	insights_free(&((struct insights_state *)st)->d);
}

/* A sentence, wrapped; returns the lines it took. */
static int line(int y, int w, const char *fmt, ...) PRINTF_LIKE(3, 4);
static int line(int y, int w, const char *fmt, ...)
{
	char buf[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return view_markdown(y, 2, w, 3, 0, buf);
}

static void draw_mood(struct insights_state *s, int y, int rows, int w)
{
	static const char *const names[P_COUNT] = {"the last 7 days", "the last 30 days",
	                                           "the last 12 months"};
	int64_t days = s->period == P_WEEK ? 7 : s->period == P_MONTH ? 30 : 365;
	int64_t to = (s->today + 1) * 86400 - 1, from = (s->today - days + 1) * 86400;
	struct series sr;
	if (mood_series(s->d.moods, s->d.nmoods, from, to, s->period == P_YEAR ? B_MONTH : B_DAY,
	                &sr)) {
		ui_puts(y, 2, w, ROLE_WARN, "Out of memory.");
		return;
	}
	size_t n = 0;
	double sum = 0;
	for (size_t i = 0; i < sr.n; i++) {
		n += sr.v[i].count;
		sum += sr.v[i].mean * (double)sr.v[i].count;
	}
	y += line(y, w, "Mood over %s (%s and %s change the period).", names[s->period],
	          keymap_label(ACT_LEFT, false), keymap_label(ACT_RIGHT, false));
	y++;
	int h = rows - y - 3;
	if (h > 12)
		h = 12;
	if (h >= 3)
		chart_bars_draw(y, 2, h, w, &sr, false);
	y += h + 1;
	if (!stats_enough(n))
		line(y, w, "%zu check-in%s in this period: too few to say anything about a "
		                       "pattern yet.", n, n == 1 ? "" : "s");
	else
		line(y, w, "%zu check-ins; the average was %.1f out of 10.", n,
		     sum / (double)n);
	series_free(&sr);
}

static void draw_year(const struct ctx *c, struct insights_state *s, int y, int rows, int w)
{
	struct heatmap hm;
	year_heatmap(s->d.moods, s->d.nmoods, s->year, c->set->week_start, &hm);
	size_t days = 0;
	for (int i = 0; i < hm.days; i++)
		days += hm.count[i] > 0;
	y += line(y, w, "Check-ins in %d, a square a day (%s and %s change the year). A square's "
	                "shade is that day's average mood, not a grade.",
	          s->year, keymap_label(ACT_LEFT, false), keymap_label(ACT_RIGHT, false));
	/* The legend, in the glyphs and colours the chart uses. */
	static const struct {
		enum role r;
		const char *text;
	} legend[] = {
		{ROLE_MUTED, "\u00b7 no check-in"},
		{ROLE_MOOD_LOW, "\u2591 mood 0 to 3"},
		{ROLE_MOOD_MID, "\u2592 4 to 6"},
		{ROLE_MOOD_HIGH, "\u2593 7 to 10"},
	};
	for (size_t i = 0, x = 2; i < sizeof(legend) / sizeof(*legend) && (int)x < w; i++)
		x += (size_t)ui_puts(y, (int)x, w + 2 - (int)x, legend[i].r, legend[i].text) + 3;
	y += 2;
	int h = rows - y - 2 < 9 ? rows - y - 2 : 9;
	if (h >= 7)
		chart_heatmap_draw(y, 2, h, w, &hm, s->today, false);
	y += h + 1;
	if (s->show_count)
		line(y, w, "Days in %d with a check-in: %zu (%s hides this).", s->year, days,
		     keymap_label(ACT_SELECT, false));
	else
		line(y, w, "%s shows how many days have a check-in.", keymap_label(ACT_SELECT, false));
}

static void draw_triggers(const struct ctx *c, struct insights_state *s, int y, int rows, int w)
{
	struct trigger_counts tc;
	if (trigger_counts(s->d.triggers, s->d.ntriggers, &tc)) {
		ui_puts(y, 2, w, ROLE_WARN, "Out of memory.");
		return;
	}
	y += line(y, w, "%zu trigger log%s. What kinds:", tc.total,
	          tc.total == 1 ? "" : "s");
	if (!tc.total) {
		trigger_counts_free(&tc);
		return;
	}
	struct chart_item items[16];
	size_t k = 0;
	double max = 0;
	for (size_t i = 0; i < tc.ncats && k < 16; i++, k++) {
		items[k] = (struct chart_item){tc.cats[i].category, (double)tc.cats[i].count,
		                               tc.cats[i].count, true};
		max = items[k].value > max ? items[k].value : max;
	}
	int h = (int)k < (rows - y) / 2 ? (int)k : (rows - y) / 2;
	chart_list_draw(y, 2, h, w, items, k, max, 0, ROLE_WARN, false);
	y += h + 1;
	static const char *const wd[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	                                  "Saturday", "Sunday"};
	static const char *const parts[6] = {"night (0-4)", "early (4-8)", "morning (8-12)",
	                                     "afternoon (12-16)", "evening (16-20)", "late (20-24)"};
	if (y + 2 < rows) {
		int half = w >= 60 ? w / 2 - 2 : w;
		ui_puts(y, 2, half, ROLE_NORMAL, "Time of day:");
		if (w >= 60)
			ui_puts(y, 4 + w / 2, w / 2 - 2, ROLE_NORMAL, "Day of the week:");
		y++;
		max = 0;
		for (int p = 0; p < 6; p++) {
			size_t cnt = tc.hour[p * 4] + tc.hour[p * 4 + 1] + tc.hour[p * 4 + 2] + tc.hour[p * 4 + 3];
			items[p] = (struct chart_item){parts[p], (double)cnt, cnt, true};
			max = items[p].value > max ? items[p].value : max;
		}
		h = rows - y < 6 ? rows - y : 6;
		chart_list_draw(y, 2, h, half, items, 6, max, 0, ROLE_WARN, false);
		max = 0;
		/* In the config file's week order (tc.wday counts from Monday). */
		for (int i = 0; i < 7; i++) {
			int d = (i + c->set->week_start) % 7;
			items[i] = (struct chart_item){wd[d], (double)tc.wday[d], tc.wday[d], true};
			max = items[i].value > max ? items[i].value : max;
		}
		if (w >= 60)
			chart_list_draw(y, 4 + w / 2, rows - y < 7 ? rows - y : 7, w / 2 - 2, items, 7, max,
			                0, ROLE_WARN, false);
	}
	trigger_counts_free(&tc);
}

static void draw_helps(struct insights_state *s, int y, int rows, int w)
{
	struct tool_effect *te = NULL;
	size_t n = 0;
	if (coping_effects(s->d.helps, s->d.nhelps, &te, &n)) {
		ui_puts(y, 2, w, ROLE_WARN, "Out of memory.");
		return;
	}
	y += line(y, w,
	          "How much distress fell (0-10) after each way of coping or exercise, on average. "
	          "n is how many times distress was noted before and after; below %d, read it lightly.",
	          STATS_MIN_MEAN);
	y++;
	if (!n) {
		line(y, w, "No trigger log names a way of coping, and no exercise has been done, yet.");
		free(te);
		return;
	}
	struct chart_item items[32];
	size_t k = 0;
	double max = 0;
	for (size_t i = 0; i < n && k < 32; i++, k++) {
		items[k] = (struct chart_item){te[i].tool, te[i].mean_drop, te[i].n,
		                               stats_enough(te[i].n)};
		max = te[i].mean_drop > max ? te[i].mean_drop : max;
	}
	chart_list_draw(y, 2, rows - y, w, items, k, max > 0 ? max : 1, 1, ROLE_GOOD, false);
	free(te);
}

static void describe(char *out, size_t size, const char *what, struct relation r)
{
	if (!r.enough)
		snprintf(out, size, "Mood and %s: %zu check-in%s with both noted; too few, or too "
		                    "alike, to tell.", what, r.n, r.n == 1 ? "" : "s");
	else
		snprintf(out, size, "Mood and %s: %s (r = %.2f, n = %zu). Together is not the same "
		                    "as one causing the other.",
		         what,
		         r.r > 0.5 ? "they tend to rise together" : r.r > 0.2 ? "a slight tendency to rise together"
		         : r.r < -0.5 ? "when one rises the other tends to fall"
		         : r.r < -0.2 ? "a slight tendency to move apart" : "no clear link",
		         r.r, r.n);
}

static void draw_patterns(struct insights_state *s, int y, int rows, int w)
{
	char text[400];
	describe(text, sizeof(text), "sleep", mood_vs_sleep(s->d.moods, s->d.nmoods));
	y += view_markdown(y, 2, w, 3, 0, text) + 1;
	describe(text, sizeof(text), "energy", mood_vs_energy(s->d.moods, s->d.nmoods));
	y += view_markdown(y, 2, w, 3, 0, text) + 1;
	struct tag_mean *tm = NULL;
	size_t n = 0;
	if (tag_means(s->d.tags, s->d.ntags, &tm, &n) || !n) {
		line(y, w, "No check-ins carry tags yet.");
		free(tm);
		return;
	}
	y += line(y, w, "Average mood on check-ins with each tag (muted: fewer than %d):",
	          STATS_MIN_MEAN);
	struct chart_item items[32];
	size_t k = 0;
	for (size_t i = 0; i < n && k < 32; i++, k++)
		items[k] = (struct chart_item){tm[i].tag, tm[i].mean, tm[i].n, tm[i].enough};
	chart_list_draw(y, 2, rows - y, w, items, k, 10, 1, ROLE_MOOD_MID, false);
	free(tm);
}

static void insights_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct insights_state *s = st;
	static const char *const titles[S_COUNT] = {"Mood", "The year", "Triggers", "What helps",
	                                            "Patterns"};
	static const char *const short_titles[S_COUNT] = {"Mood", "Year", "Triggers", "Helps",
	                                                  "Patterns"};
	int y = view_title(cols, "Insights");
	int x = 12;
	for (int i = 0; i < S_COUNT && x < cols; i++) {
		char tab[40];
		snprintf(tab, sizeof(tab), " %s ", cols < 72 ? short_titles[i] : titles[i]);
		x += ui_puts(0, x, cols - x, i == (int)s->section ? ROLE_SELECTED : ROLE_MUTED, tab) + 1;
	}
	int w = cols - 4;
	if (s->err[0]) {
		view_markdown(y, 2, w, rows - y, 0, s->err);
		return;
	}
	switch (s->section) {
	case S_MOOD: draw_mood(s, y, rows, w); break;
	case S_YEAR: draw_year(c, s, y, rows, w); break;
	case S_TRIGGERS: draw_triggers(c, s, y, rows, w); break;
	case S_HELPS: draw_helps(s, y, rows, w); break;
	default: draw_patterns(s, y, rows, w); break;
	}
}

static struct step insights_action(struct ctx *c, void *st, enum action a)
{
	struct insights_state *s = st;
	switch (a) {
	case ACT_NEXT_FIELD:
	case ACT_DOWN:
		s->section = (s->section + 1) % S_COUNT;
		return STEP(STEP_REDRAW);
	case ACT_PREV_FIELD:
	case ACT_UP:
		s->section = (s->section + S_COUNT - 1) % S_COUNT;
		return STEP(STEP_REDRAW);
	case ACT_LEFT:
	case ACT_RIGHT:
		if (s->section == S_MOOD)
			s->period = (s->period + (a == ACT_RIGHT ? 1 : P_COUNT - 1)) % P_COUNT;
		else if (s->section == S_YEAR)
			s->year += a == ACT_RIGHT ? 1 : -1;
		return STEP(STEP_REDRAW);
	case ACT_SELECT:
		if (s->section != S_YEAR)
			return STEP(STEP_NONE);
		s->show_count = !s->show_count;
		struct error e;
		/* Kept for next time when it can be; the screen follows either way. */
		settings_set(c->ses->vault, COUNT_KEY, s->show_count ? "shown" : "hidden", &e);
		return STEP(STEP_REDRAW);
	case ACT_BACK:
		return STEP(STEP_POP);
	default:
		return STEP(STEP_NONE);
	}
}

static const struct hint insights_hints[] = {
	{ACT_NEXT_FIELD, "next view"},
	{ACT_RIGHT, "period"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops insights_view = {
	.name = "insights",
	.state_size = sizeof(struct insights_state),
	.flags = VIEW_NEEDS_VAULT,
	.hints = insights_hints,
	.enter = insights_enter,
	.leave = insights_leave,
	.draw = insights_draw,
	.on_action = insights_action,
};
