/* report.c: session reports in Markdown and self-contained HTML.
 *
 * The numbers come from core/stats.h (the same functions the Insights
 * screen draws from), over the records on a local day inside the range.
 * Everything is written into a wiping buffer; nothing here touches a file.
 * Numbers are formatted by hand (one decimal) so a report reads the same
 * under any locale. */
#include "io/report.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content/homework.h"
#include "content/page.h"
#include "crypto/secmem.h"
#include "store/entries.h"
#include "store/homework.h"
#include "store/settings.h"
#include "util/termsafe.h"
#include "util/timefmt.h"

static const struct {
	const char *name, *title;
} sections[REPORT_NSECTIONS] = {
#define REPORT_ROW(e, name, title) {name, title},
	REPORT_SECTIONS(REPORT_ROW)
#undef REPORT_ROW
};

const char *report_section_name(enum report_section s)
{
	return s < REPORT_NSECTIONS ? sections[s].name : "";
}

const char *report_section_title(enum report_section s)
{
	return s < REPORT_NSECTIONS ? sections[s].title : "";
}

int report_sections_parse(const char *list, unsigned *out, struct error *e)
{
	unsigned bits = 0;
	const char *p = list;
	while (*p) {
		size_t k = strcspn(p, ",");
		size_t a = 0, b = k;
		while (a < b && p[a] == ' ')
			a++;
		while (b > a && p[b - 1] == ' ')
			b--;
		int found = -1;
		for (int s = 0; s < REPORT_NSECTIONS && b > a; s++)
			if (strlen(sections[s].name) == b - a && memcmp(p + a, sections[s].name, b - a) == 0)
				found = s;
		if (found < 0) {
			char names[128] = "";
			for (int s = 0; s < REPORT_NSECTIONS; s++)
				snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
				         s ? ", " : "", sections[s].name);
			return error_set(e, E_USAGE, "--include: '%.*s' is not a section; the sections are "
			                             "%s.", (int)(b - a), p + a, names);
		}
		bits |= REPORT_BIT(found);
		p += k + (p[k] == ',');
	}
	if (!bits)
		return error_set(e, E_USAGE, "--include needs at least one section.");
	*out = bits;
	return 0;
}

int report_parse_day(const char *s, int64_t *day, struct error *e)
{
	int y, m, d;
	enum day_parse r = day_parse(s, &y, &m, &d);
	if (r == DAY_SHAPE || y < 1900 || m < 1 || m > 12 || d < 1 || d > 31)
		return error_set(e, E_USAGE, "'%s' is not a date like 2026-11-23.", s);
	if (r != DAY_OK)
		return error_set(e, E_USAGE, "%s is not a day in the calendar.", s);
	*day = stats_days_from_civil(y, m, d);
	return 0;
}

/* ---- output helpers: a failed append is remembered, checked once at the end */

struct out {
	struct buf *b;
	bool html;
	bool failed;
	int col; /* the table cell the row is at */
};

static void put(struct out *o, const char *s)
{
	if (buf_puts(o->b, s))
		o->failed = true;
}

static void putf(struct out *o, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void putf(struct out *o, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(small)) {
		o->failed = true; /* formats here are short; text goes through text() */
		return;
	}
	put(o, small);
	mem_wipe(small, sizeof(small));
}

/* The person's words (a title, a tool, a category): escaped for the
 * format. In HTML every markup character; in Markdown the punctuation
 * that would make it markup (a table's bar, emphasis, links, raw HTML). */
static void text(struct out *o, const char *s)
{
	for (; s && *s; s++) {
		const char *rep = NULL;
		if (o->html) {
			switch (*s) {
			case '&': rep = "&amp;"; break;
			case '<': rep = "&lt;"; break;
			case '>': rep = "&gt;"; break;
			case '"': rep = "&quot;"; break;
			case '\'': rep = "&#39;"; break;
			}
		} else if (strchr("\\`*_[]<>|#&", *s)) {
			if (buf_putc(o->b, '\\'))
				o->failed = true;
		} else if (*s == '\n' || *s == '\r' || *s == '\t') {
			rep = " ";
		}
		if (rep)
			put(o, rep);
		else if (buf_putc(o->b, *s))
			o->failed = true;
	}
}

/* Nearest whole number, halves away from zero (no libm needed). */
static long round_l(double x)
{
	return (long)(x >= 0 ? x + 0.5 : x - 0.5);
}

/* One decimal without the locale's help: "5.3", "-0.5". */
static const char *num1(double x, char out[24])
{
	long t = round_l(x * 10);
	snprintf(out, 24, "%s%ld.%ld", t < 0 ? "-" : "", labs(t) / 10, labs(t) % 10);
	return out;
}

static const char *const wday_short[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/* ---- the numbers */

/* Distress before and after, paired: only a log with both noted counts,
 * so the two means rest on the same n logs. */
struct cat_suds {
	size_t n;
	double before, after; /* means over the n paired logs */
};

struct facts {
	bool weekly;
	struct mood_point *mood;
	size_t nmood;
	struct series sr;
	size_t days_with; /* days in the range with a check-in */
	double mean;
	int min, max;
	/* The lowest days (by their lowest check-in): lowest first, then
	 * earliest; for the summary. */
	int64_t low_day[REPORT_LOW_DAYS];
	int low_min[REPORT_LOW_DAYS];
	size_t nlow;
	struct trigger_point *trig;
	size_t ntrig;
	struct trigger_counts tc;
	struct cat_suds *cs; /* one per tc.cats */
	struct cat_suds all;
	struct trigger_point *help;
	size_t nhelp;
	struct tool_effect *te;
	size_t nte;
};

/* Keeps the day in f's lowest days when it belongs there. */
static void low_add(struct facts *f, int64_t day, int min)
{
	size_t i = f->nlow;
	while (i > 0 && min < f->low_min[i - 1])
		i--;
	if (i >= REPORT_LOW_DAYS)
		return;
	size_t last = f->nlow < REPORT_LOW_DAYS ? f->nlow : REPORT_LOW_DAYS - 1;
	for (size_t k = last; k > i; k--) {
		f->low_day[k] = f->low_day[k - 1];
		f->low_min[k] = f->low_min[k - 1];
	}
	f->low_day[i] = day;
	f->low_min[i] = min;
	if (f->nlow < REPORT_LOW_DAYS)
		f->nlow++;
}

static const char own_words_label[] = "Something else, in their own words (not included)";

static bool in_range(const struct report_data *d, int64_t t, int off_min)
{
	int64_t day = stats_day_of(t, off_min);
	return day >= d->from_day && day <= d->to_day;
}

static int keep_points(const struct report_data *d, const struct trigger_point *p, size_t n,
                       struct trigger_point **out, size_t *nout)
{
	*out = calloc(n ? n : 1, sizeof(**out));
	*nout = 0;
	if (!*out)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (in_range(d, p[i].t, p[i].off_min))
			(*out)[(*nout)++] = p[i];
	return 0;
}

static void suds_add(struct cat_suds *c, const struct trigger_point *p)
{
	if (p->suds_before < 0 || p->suds_after < 0)
		return;
	c->n++;
	c->before += (p->suds_before - c->before) / (double)c->n;
	c->after += (p->suds_after - c->after) / (double)c->n;
}

/* One skill under two names (the toolbox's and the exercise's) is counted
 * once, under the second name. Add a row when a name is added to either. */
static const struct {
	const char *from, *to;
} same_skill[] = {
	{"Grounding: 5-4-3-2-1", "5-4-3-2-1 grounding"},
};

static const char *skill_name(const char *tool)
{
	for (size_t i = 0; tool && i < sizeof(same_skill) / sizeof(same_skill[0]); i++)
		if (strcmp(tool, same_skill[i].from) == 0)
			return same_skill[i].to;
	return tool;
}

/* "What helped" in the order a reader can trust: the most used first,
 * then the most ratings; a mean over fewer than STATS_MIN_MEAN ratings
 * never ranks above one that rests on enough. */
static int effect_cmp(const void *pa, const void *pb)
{
	const struct tool_effect *a = pa, *b = pb;
	if (a->uses != b->uses)
		return a->uses > b->uses ? -1 : 1;
	bool ea = stats_enough(a->n), eb = stats_enough(b->n);
	if (ea != eb)
		return ea ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->tool, b->tool);
}

static void facts_free(struct facts *f)
{
	free(f->mood);
	series_free(&f->sr);
	free(f->trig);
	trigger_counts_free(&f->tc);
	free(f->cs);
	free(f->help);
	free(f->te);
	memset(f, 0, sizeof(*f));
}

static int facts_build(const struct report_data *d, struct facts *f, struct error *e)
{
	memset(f, 0, sizeof(*f));
	f->weekly = d->to_day - d->from_day + 1 > REPORT_DAILY_MAX;
	f->mood = calloc(d->nmoods ? d->nmoods : 1, sizeof(*f->mood));
	if (!f->mood)
		goto nomem;
	for (size_t i = 0; i < d->nmoods; i++)
		if (in_range(d, d->moods[i].t, d->moods[i].off_min) && d->moods[i].score >= 0 &&
		    d->moods[i].score <= 10)
			f->mood[f->nmood++] = d->moods[i];
	int64_t from = d->from_day * 86400, to = d->to_day * 86400 + 86399;
	struct series daily;
	if (mood_series(f->mood, f->nmood, from, to, B_DAY, &daily))
		goto nomem;
	for (size_t i = 0; i < daily.n; i++) {
		const struct series_bucket *b = &daily.v[i];
		if (!b->count)
			continue;
		if (!f->days_with || b->min < f->min)
			f->min = b->min;
		if (!f->days_with || b->max > f->max)
			f->max = b->max;
		f->days_with++;
		f->mean += b->mean * (double)b->count;
		low_add(f, b->day, b->min);
	}
	if (daily.total)
		f->mean /= (double)daily.total;
	if (f->weekly) {
		series_free(&daily);
		if (mood_series(f->mood, f->nmood, from, to, B_WEEK, &f->sr))
			goto nomem;
	} else {
		f->sr = daily;
	}
	if (keep_points(d, d->triggers, d->ntriggers, &f->trig, &f->ntrig) ||
	    trigger_counts(f->trig, f->ntrig, &f->tc))
		goto nomem;
	f->cs = calloc(f->tc.ncats ? f->tc.ncats : 1, sizeof(*f->cs));
	if (!f->cs)
		goto nomem;
	for (size_t i = 0; i < f->ntrig; i++) {
		suds_add(&f->all, &f->trig[i]);
		for (size_t c = 0; c < f->tc.ncats && f->trig[i].category; c++)
			if (strcmp(f->tc.cats[c].category, f->trig[i].category) == 0)
				suds_add(&f->cs[c], &f->trig[i]);
	}
	if (keep_points(d, d->helps, d->nhelps, &f->help, &f->nhelp))
		goto nomem;
	/* A way of coping typed in the person's own words is free text: it is
	 * counted under one neutral name, never printed. */
	for (size_t i = 0, k = 0; i < d->nhelps; i++)
		if (in_range(d, d->helps[i].t, d->helps[i].off_min)) {
			if (d->help_own_words && d->help_own_words[i])
				f->help[k].tool = own_words_label;
			else
				f->help[k].tool = skill_name(f->help[k].tool);
			k++;
		}
	if (coping_effects(f->help, f->nhelp, &f->te, &f->nte))
		goto nomem;
	if (f->nte > 1)
		qsort(f->te, f->nte, sizeof(*f->te), effect_cmp);
	return 0;
nomem:
	facts_free(f);
	return error_set(e, E_FAIL, "Out of memory making the report.");
}


/* ---- HTML: the style and the charts */

static const char html_style[] =
	"<style>\n"
	"body{font:15px/1.5 Georgia,'Times New Roman',serif;color:#222;background:#fff;margin:0}\n"
	"main{max-width:46em;margin:0 auto;padding:2em 1.5em}\n"
	"h1{font-size:1.6em;margin:0 0 .4em}\n"
	"h2{font-size:1.25em;margin:1.8em 0 .5em;border-bottom:1px solid #ccc;padding-bottom:.2em}\n"
	"h3{font-size:1.05em;margin:1.2em 0 .3em}\n"
	".note{color:#555;font-style:italic}\n"
	"table{border-collapse:collapse;margin:.6em 0 1em;max-width:100%}\n"
	"th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left;overflow-wrap:anywhere}\n"
	"td.n{text-align:right}\n"
	"th{background:#eef2f0}\n"
	"svg.chart{display:block;width:100%;max-width:640px;height:auto;margin:.6em 0}\n"
	".range{stroke:#2f6f8f;stroke-width:3}.mean{stroke:#222;stroke-width:2}\n"
	".axis{stroke:#999;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}\n"
	".line{fill:none;stroke:#2f6f8f;stroke-width:2.5}\n"
	".dot{fill:#2f6f8f}.bar{fill:#c0703a}\n"
	".label{font:12px sans-serif;fill:#444}\n"
	"blockquote{margin:.4em 0 1em;padding:.2em 1em;border-left:3px solid #9bb;"
	"white-space:pre-wrap}\n"
	"footer{margin-top:2.5em;color:#666;font-size:.9em}\n"
	"@media print{body{font-size:11pt}main{max-width:none;padding:0}"
	"h2,h3{break-after:avoid;page-break-after:avoid}"
	"table,svg,blockquote,tr{break-inside:avoid;page-break-inside:avoid}"
	"th{background:none}}\n"
	"</style>\n";

#define CH_W 640
#define CH_H 220
#define CH_L 40  /* left edge of the plot */
#define CH_R 620
#define CH_T 28  /* the y of 10 (the axis title above it) */
#define CH_B 185 /* the y of 0 */

static long chart_x(size_t i, size_t n)
{
	return n == 1 ? (CH_L + CH_R) / 2 : CH_L + (long)((CH_R - CH_L) * i / (n - 1));
}

static long chart_y(double mood)
{
	return round_l(CH_B - (CH_B - CH_T) * mood / 10.0);
}

static void svg_mood(struct out *o, const struct facts *f)
{
	putf(o, "<svg class=\"chart mood-chart\" role=\"img\" aria-label=\"Mood per %s, 0 to 10\" "
	        "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	        "xmlns=\"http://www.w3.org/2000/svg\">\n",
	     f->weekly ? "week" : "day", CH_W, CH_H, CH_W, CH_H);
	for (int v = 0; v <= 10; v += 5) {
		int y = CH_B - (CH_B - CH_T) * v / 10;
		putf(o, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
		        "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>\n",
		     v ? "grid" : "axis", CH_L, y, CH_R, y, CH_L - 6, y + 4, v);
	}
	size_t n = f->sr.n;
	/* Each day (or week) with check-ins is drawn as what happened: a bar
	 * from its lowest to its highest check-in with a dot at each end, and
	 * a short tick at the average, never one dot at a score nobody gave. */
	for (size_t i = 0; i < n; i++) {
		const struct series_bucket *sb = &f->sr.v[i];
		if (!sb->count)
			continue;
		long x = chart_x(i, n), lo = chart_y(sb->min), hi = chart_y(sb->max);
		char a[24], b[16];
		if (sb->min == sb->max)
			putf(o, "<g class=\"day\"><title>%s: %zu check-in%s, %d</title>",
			     stats_day_text(sb->day, b), sb->count, sb->count == 1 ? "" : "s", sb->min);
		else
			putf(o, "<g class=\"day\"><title>%s: %zu check-ins, %d to %d, average %s</title>",
			     stats_day_text(sb->day, b), sb->count, sb->min, sb->max, num1(sb->mean, a));
		if (lo != hi)
			putf(o, "<line class=\"range\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"/>", x,
			     lo, x, hi);
		putf(o, "<circle class=\"dot\" cx=\"%ld\" cy=\"%ld\" r=\"4\"/>", x, lo);
		if (lo != hi)
			putf(o, "<circle class=\"dot\" cx=\"%ld\" cy=\"%ld\" r=\"4\"/>"
			        "<line class=\"mean\" x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\"/>",
			     x, hi, x - 7, chart_y(sb->mean), x + 7, chart_y(sb->mean));
		put(o, "</g>\n");
	}
	/* The axis says what it is; dates under about every seventh bucket,
	 * and the last. */
	putf(o, "<text class=\"label\" x=\"%d\" y=\"%d\">Mood: 0 = hardest, 10 = best</text>\n",
	     CH_L, CH_T - 12);
	size_t step = n > 8 ? (n + 6) / 7 : 1;
	for (size_t i = 0; i < n; i++) {
		if (i % step && i != n - 1)
			continue;
		if (i != n - 1 && n - 1 - i < step / 2 + 1 && i)
			continue; /* too close to the last label */
		char b[16];
		stats_day_text(f->sr.v[i].day, b);
		putf(o, "<text class=\"label\" x=\"%ld\" y=\"%d\" text-anchor=\"middle\">%s</text>",
		     chart_x(i, n), CH_H - 10, b + 5);
	}
	put(o, "\n");
	put(o, "</svg>\n");
}

static void svg_triggers(struct out *o, const struct facts *f)
{
	size_t n = f->tc.ncats < 12 ? f->tc.ncats : 12;
	int row = 26, h = (int)n * row + 10;
	size_t max = 1;
	for (size_t i = 0; i < n; i++)
		max = f->tc.cats[i].count > max ? f->tc.cats[i].count : max;
	putf(o, "<svg class=\"chart trigger-chart\" role=\"img\" aria-label=\"Trigger logs per "
	        "kind\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	        "xmlns=\"http://www.w3.org/2000/svg\">\n",
	     CH_W, h, CH_W, h);
	for (size_t i = 0; i < n; i++) {
		int y = 5 + (int)i * row;
		long w = (long)(400 * f->tc.cats[i].count / max);
		put(o, "<text class=\"label\" x=\"170\" y=\"");
		putf(o, "%d\" text-anchor=\"end\">", y + 16);
		text(o, f->tc.cats[i].category);
		putf(o, "</text><rect class=\"bar\" x=\"180\" y=\"%d\" width=\"%ld\" height=\"%d\"/>"
		        "<text class=\"label\" x=\"%ld\" y=\"%d\">%zu</text>\n",
		     y + 3, w < 2 ? 2 : w, row - 8, 186 + w, y + 16, f->tc.cats[i].count);
	}
	put(o, "</svg>\n");
}


/* ---- pieces that write either format: a paragraph, a table, a heading */

static void para(struct out *o)
{
	if (o->html)
		put(o, "<p>");
}

static void para_end(struct out *o)
{
	put(o, o->html ? "</p>\n" : "\n\n");
}

/* A paragraph that is all one literal line. */
static void para_line(struct out *o, const char *s)
{
	para(o);
	put(o, s);
	para_end(o);
}

static void table(struct out *o, const char *const *heads, size_t n)
{
	put(o, o->html ? "<table><tr>" : "|");
	for (size_t i = 0; i < n; i++)
		putf(o, o->html ? "<th>%s</th>" : " %s |", heads[i]);
	put(o, o->html ? "</tr>\n" : "\n|");
	for (size_t i = 0; i < n && !o->html; i++)
		put(o, "---|");
	if (!o->html)
		put(o, "\n");
	o->col = 0;
}

/* Starts the next cell of a row (a number is right-aligned in HTML). */
static void cell(struct out *o, bool number)
{
	if (o->html)
		put(o, o->col ? "</td><td" : "<tr><td");
	else
		put(o, o->col ? " | " : "| ");
	if (o->html)
		put(o, number ? " class=\"n\">" : ">");
	o->col++;
}

static void row_end(struct out *o)
{
	put(o, o->html ? "</td></tr>\n" : " |\n");
	o->col = 0;
}

static void table_end(struct out *o)
{
	put(o, o->html ? "</table>\n" : "\n");
}

static void heading3(struct out *o, const char *title)
{
	put(o, o->html ? "<h3>" : "### ");
	text(o, title);
}

static void heading3_end(struct out *o)
{
	put(o, o->html ? "</h3>\n" : "\n\n");
}

/* The person's own text, kept whole: a Markdown quote line by line (raw
 * HTML escaped so a viewer shows it as text), or an HTML blockquote whose
 * newlines the style keeps (pre-wrap). */
static void quote(struct out *o, const char *body)
{
	put(o, o->html ? "<blockquote>" : "> ");
	for (const char *p = body ? body : ""; *p; p++) {
		char one[2] = {*p, '\0'};
		if (*p == '\r')
			continue;
		if (*p == '\n')
			put(o, o->html ? "\n" : p[1] ? "\n> " : "");
		else if (o->html)
			text(o, one);
		else
			put(o, *p == '<' ? "\\<" : one);
	}
	put(o, o->html ? "</blockquote>\n" : "\n\n");
}

/* ---- the sections */

static void sec_mood(struct out *o, const struct report_data *d, const struct facts *f)
{
	char a[24], b[16];
	int64_t days = d->to_day - d->from_day + 1;
	if (!f->nmood) {
		para_line(o, "No check-ins in this period.");
		return;
	}
	para(o);
	putf(o, "%zu check-in%s, on %zu of %lld day%s. ", f->nmood, f->nmood == 1 ? "" : "s",
	     f->days_with, (long long)days, days == 1 ? "" : "s");
	putf(o, "Mood averaged %s out of 10 (lowest %d, highest %d). Mood runs from 0 = hardest "
	        "to 10 = best.", num1(f->mean, a), f->min, f->max);
	para_end(o);
	if (!stats_enough(f->nmood)) {
		para(o);
		putf(o, "That is too few check-ins to suggest a pattern (fewer than %d).",
		     STATS_MIN_MEAN);
		para_end(o);
	}
	if (o->html)
		svg_mood(o, f);
	const char *heads[] = {f->weekly ? "Week starting" : "Day", "Check-ins", "Lowest",
	                       "Highest", "Average"};
	table(o, heads, 5);
	for (size_t i = 0; i < f->sr.n; i++) {
		const struct series_bucket *sb = &f->sr.v[i];
		if (!sb->count)
			continue;
		cell(o, false);
		putf(o, "%s %s", wday_short[stats_weekday(sb->day)], stats_day_text(sb->day, b));
		cell(o, true);
		putf(o, "%zu", sb->count);
		cell(o, true);
		putf(o, "%d", sb->min);
		cell(o, true);
		putf(o, "%d", sb->max);
		cell(o, true);
		putf(o, "%s%s", num1(sb->mean, a), stats_enough(sb->count) ? "" : " (few)");
		row_end(o);
	}
	table_end(o);
	put(o, o->html ? "<p class=\"note\">" : "");
	putf(o, "%s without a check-in are left out of the table.", f->weekly ? "Weeks" : "Days");
	para_end(o);
}

/* n, then the paired averages before and after, each marked "few" on
 * fewer than STATS_MIN_MEAN pairs, or "not noted". */
static void suds_cells(struct out *o, const struct cat_suds *c)
{
	char a[24];
	const char *few = stats_enough(c->n) ? "" : " (few)";
	cell(o, true);
	putf(o, "%zu", c->n);
	cell(o, true);
	if (c->n)
		putf(o, "%s%s", num1(c->before, a), few);
	else
		put(o, "not noted");
	cell(o, true);
	if (c->n)
		putf(o, "%s%s", num1(c->after, a), few);
	else
		put(o, "not noted");
	row_end(o);
}

static void sec_triggers(struct out *o, const struct facts *f)
{
	if (!f->ntrig) {
		para_line(o, "No trigger logs in this period.");
		return;
	}
	para(o);
	putf(o, "%zu trigger log%s. Distress runs from 0 = none to 10 = most. Before and after "
	        "are averaged over the same logs, those with both noted (n); fewer than %d is "
	        "marked \"few\". What happened is not included.",
	     f->ntrig, f->ntrig == 1 ? "" : "s", STATS_MIN_MEAN);
	para_end(o);
	if (o->html && f->tc.ncats)
		svg_triggers(o, f);
	static const char *const heads[] = {"Kind", "Logs", "n", "Distress before (average)",
	                                    "Distress after (average)"};
	table(o, heads, 5);
	for (size_t i = 0; i < f->tc.ncats; i++) {
		cell(o, false);
		text(o, f->tc.cats[i].category);
		cell(o, true);
		putf(o, "%zu", f->tc.cats[i].count);
		suds_cells(o, &f->cs[i]);
	}
	cell(o, false);
	put(o, "All");
	cell(o, true);
	putf(o, "%zu", f->ntrig);
	suds_cells(o, &f->all);
	table_end(o);
}

static void sec_coping(struct out *o, const struct facts *f)
{
	char a[24];
	if (!f->nte) {
		para_line(o, "No way of coping or exercise was noted in this period.");
		return;
	}
	para(o);
	putf(o, "How much distress (0 = none, 10 = most) fell, on average, after each way of "
	        "coping or exercise, the most used first. \"Noted\" counts the times distress was "
	        "noted before and after; fewer than %d is marked \"few\" and is best read lightly.",
	     STATS_MIN_MEAN);
	para_end(o);
	static const char *const heads[] = {"Way of coping", "Times used", "Noted", "Average fall"};
	table(o, heads, 4);
	for (size_t i = 0; i < f->nte; i++) {
		const struct tool_effect *t = &f->te[i];
		cell(o, false);
		text(o, t->tool);
		cell(o, true);
		putf(o, "%zu", t->uses);
		cell(o, true);
		putf(o, "%zu", t->n);
		cell(o, t->n != 0);
		if (!t->n)
			put(o, "not noted");
		else
			putf(o, "%s%s", num1(t->mean_drop, a), stats_enough(t->n) ? "" : " (few)");
		row_end(o);
	}
	table_end(o);
}

static bool module_begun(const struct report_module *m)
{
	return m->status && strcmp(m->status, "not started") != 0;
}

static void sec_path(struct out *o, const struct report_data *d)
{
	if (!d->nmodules) {
		para_line(o, "No path modules were found.");
		return;
	}
	para_line(o, "The status the person gave each module of the healing path they have begun "
	             "(modules not started are left out).");
	static const char *const heads[] = {"Module", "Status"};
	table(o, heads, 2);
	for (size_t i = 0; i < d->nmodules; i++) {
		if (!module_begun(&d->modules[i]))
			continue;
		cell(o, false);
		text(o, d->modules[i].title);
		cell(o, false);
		text(o, d->modules[i].status);
		row_end(o);
	}
	table_end(o);
}

/* A pack's measures: each time one was answered, its date and score, and
 * the pack's band for the score, labelled for the clinician (the client's
 * own screens never show a band). */
static void sec_measures(struct out *o, const struct report_hw_pack *p)
{
	static const char *const heads[] = {"Date", "Score", "Band (for the clinician)"};
	for (size_t k = 0; k < p->nitems; k++) {
		const struct report_hw_item *it = &p->items[k];
		if (!it->nadmins)
			continue;
		para(o);
		put(o, "Measure \"");
		text(o, it->heading);
		putf(o, "\", each time it was answered (%s of the responses; the bands are the "
		        "pack's own, for the clinician):", it->mean ? "mean" : "sum");
		para_end(o);
		table(o, heads, 3);
		for (size_t i = 0; i < it->nadmins; i++) {
			const struct report_measure *m = &it->admins[i];
			char num[24];
			cell(o, false);
			text(o, m->date);
			cell(o, true);
			if (it->mean)
				text(o, num1(m->total, num));
			else
				putf(o, "%ld", round_l(m->total));
			cell(o, false);
			text(o, m->band ? m->band : "-");
			row_end(o);
		}
		table_end(o);
	}
}

/* A pack's scales: every number given, with its day, oldest first. These
 * are the person's own numbers, not a figure made from them, so no
 * "(few)" goes with them. */
static void sec_scores(struct out *o, const struct report_hw_pack *p)
{
	for (size_t k = 0; k < p->nitems; k++) {
		const struct report_hw_item *it = &p->items[k];
		if (!it->nscores)
			continue;
		para(o);
		put(o, "Numbers given for \"");
		text(o, it->heading);
		putf(o, "\"%s: ", it->scores_more ? ", the latest ones, oldest first (older ones are "
		                                    "left out)"
		                                  : ", oldest first");
		for (size_t i = 0; i < it->nscores; i++) {
			if (i)
				put(o, " \xc2\xb7 ");
			text(o, it->scores[i].date);
			putf(o, ": %d", it->scores[i].score);
		}
		put(o, ".");
		para_end(o);
	}
}

static void sec_homework(struct out *o, const struct report_data *d)
{
	if (!d->npacks) {
		para_line(o, "No homework packs are in tend.");
		return;
	}
	para_line(o, "Each pack the therapist gave, and how far along each item is so far (over "
	             "all time, not only these days).");
	static const char *const heads[] = {"Item", "What it asks", "So far"};
	for (size_t i = 0; i < d->npacks; i++) {
		const struct report_hw_pack *p = &d->packs[i];
		heading3(o, p->title);
		heading3_end(o);
		para(o);
		put(o, "From ");
		text(o, p->from);
		put(o, "; given ");
		text(o, p->assigned);
		if (p->due) {
			put(o, ", for ");
			text(o, p->due);
		}
		put(o, ".");
		para_end(o);
		table(o, heads, 3);
		for (size_t k = 0; k < p->nitems; k++) {
			cell(o, false);
			text(o, p->items[k].heading);
			cell(o, false);
			text(o, p->items[k].what);
			cell(o, false);
			text(o, p->items[k].status);
			row_end(o);
		}
		table_end(o);
		for (size_t k = 0; k < p->nitems; k++) {
			if (!p->items[k].answer)
				continue;
			para(o);
			put(o, "Answer to \"");
			text(o, p->items[k].heading);
			put(o, "\": ");
			text(o, p->items[k].answer);
			para_end(o);
		}
		sec_scores(o, p);
		sec_measures(o, p);
	}
}

static void when_text(const char *iso, char out[20])
{
	snprintf(out, 20, "%.16s", iso ? iso : "");
	if (strlen(out) > 10 && out[10] == 'T')
		out[10] = ' ';
}


static void sec_entries(struct out *o, const struct report_data *d)
{
	for (size_t i = 0; i < d->nentries; i++) {
		const struct entry *en = &d->entries[i];
		char when[20];
		when_text(en->created, when);
		heading3(o, en->title && *en->title ? en->title : ENTRY_UNTITLED);
		putf(o, o->html ? " <small>(%s)</small>" : " (%s)", when);
		heading3_end(o);
		if (en->tags && *en->tags) {
			para(o);
			put(o, "Tags: ");
			text(o, en->tags);
			para_end(o);
		}
		quote(o, en->body);
	}
}

static const char self_help_note[] =
	"These are self-help records the person kept in tend and chose to share. They are not "
	"a diagnosis or a clinical assessment.";


/* A section that would hold nothing is left out (the summary names it). */
static bool section_empty(int s, const struct report_data *d, const struct facts *f)
{
	switch ((enum report_section)s) {
	case REPORT_MOOD: return !f->nmood;
	case REPORT_TRIGGERS: return !f->ntrig;
	case REPORT_COPING: return !f->nte;
	case REPORT_PATH:
		for (size_t i = 0; i < d->nmodules; i++)
			if (module_begun(&d->modules[i]))
				return false;
		return true;
	case REPORT_HOMEWORK: return !d->npacks;
	case REPORT_ENTRIES: return !d->nentries;
	case REPORT_NSECTIONS: break;
	}
	return true;
}

/* ---- what the person wants to bring to the session, in the summary */

/* The session-prep exercise keeps its answers as a journal entry tagged
 * with its id, each answer under its step's heading; this is the heading
 * of the step that asks what to bring (content/exercises/session-prep.md). */
static const char prep_tag[] = "session-prep";
static const char prep_bring[] = "## What I want to bring\n";
#define SUMMARY_LINE 120 /* bytes of an answer shown in the summary */
#define SUMMARY_ANSWERS 3

static bool has_tag(const char *tags, const char *tag)
{
	size_t n = strlen(tag);
	for (const char *t = tags; t && *t; t += strcspn(t, ",")) {
		t += *t == ',';
		if (strncmp(t, tag, n) == 0 && (t[n] == ',' || t[n] == '\0'))
			return true;
	}
	return false;
}

/* The first line of s (after any blank ones), at most SUMMARY_LINE bytes
 * cut on a character boundary, with an ellipsis when the line was cut
 * (the summary's pointer to the full text says there may be more). */
static void first_line(struct out *o, const char *s)
{
	char line[SUMMARY_LINE + 1];
	s += strspn(s, "\n\r \t");
	size_t n = strcspn(s, "\r\n");
	bool cut = false;
	if (n > SUMMARY_LINE) {
		n = SUMMARY_LINE;
		while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		cut = true;
	}
	memcpy(line, s, n);
	line[n] = '\0';
	text(o, line);
	if (cut)
		put(o, "\xe2\x80\xa6");
	mem_wipe(line, sizeof(line));
}

/* The day an entry was written, as lived ("2026-11-09T21:40:00+01:00"). */
static int64_t entry_day(const struct entry *en)
{
	int y, m, dd;
	if (!en->created || sscanf(en->created, "%4d-%2d-%2d", &y, &m, &dd) != 3)
		return INT64_MIN;
	return stats_days_from_civil(y, m, dd);
}

/* When an entry was written, in seconds, so that two written under
 * different clock offsets still compare in the order they happened. */
static int64_t entry_when(const struct entry *en)
{
	int hh = 0, mm = 0, ss = 0, oh = 0, om = 0;
	char sign = '+';
	int64_t day = entry_day(en);
	if (day == INT64_MIN)
		return INT64_MIN;
	if (strlen(en->created) > 10)
		sscanf(en->created + 10, "T%2d:%2d:%2d%c%2d:%2d", &hh, &mm, &ss, &sign, &oh, &om);
	int64_t off = (oh * 60 + om) * 60;
	return day * 86400 + hh * 3600 + mm * 60 + ss - (sign == '-' ? -off : off);
}

/* The newest session-prep entry among those chosen for the report and
 * written in its days, with what it says to bring; the chosen entries are
 * all it looks at, so only what the person chose to share shows. */
static void summary_prep(struct out *o, const struct report_data *d, const char *li,
                         const char *li_end)
{
	const struct entry *best = NULL;
	const char *bring = NULL;
	for (size_t i = 0; i < d->nentries; i++) {
		const struct entry *en = &d->entries[i];
		int64_t day = entry_day(en);
		if (!has_tag(en->tags, prep_tag) || day < d->from_day || day > d->to_day || !en->body)
			continue;
		if (best && entry_when(en) <= entry_when(best))
			continue;
		const char *b = en->body;
		while (b && strncmp(b, prep_bring, sizeof(prep_bring) - 1) != 0)
			b = (b = strchr(b, '\n')) ? b + 1 : NULL;
		if (!b)
			continue; /* that step was skipped */
		best = en;
		bring = b + sizeof(prep_bring) - 1;
	}
	if (!best)
		return;
	char a[16];
	putf(o, "%sTo bring to the session (written on %s, getting ready for it): ", li,
	     stats_day_text(entry_day(best), a));
	first_line(o, bring);
	putf(o, " (in full under %s).%s", sections[REPORT_ENTRIES].title, li_end);
}

/* Answers to the homework's short-answer items, the first few. */
static void summary_answers(struct out *o, const struct report_data *d, const char *li,
                            const char *li_end)
{
	size_t shown = 0, more = 0;
	for (size_t i = 0; i < d->npacks; i++)
		for (size_t k = 0; k < d->packs[i].nitems; k++) {
			const struct report_hw_item *it = &d->packs[i].items[k];
			if (!it->answer)
				continue;
			if (shown == SUMMARY_ANSWERS) {
				more++;
				continue;
			}
			put(o, shown ? "; \"" : li);
			if (!shown)
				put(o, "Homework answers: \"");
			text(o, it->heading);
			put(o, "\": ");
			first_line(o, it->answer);
			shown++;
		}
	if (!shown)
		return;
	if (more)
		putf(o, "; and %zu more", more);
	putf(o, " (in full under %s).%s", sections[REPORT_HOMEWORK].title, li_end);
}

/* At the top: when the report was made (always), the days with a
 * check-in, the lowest days with their dates, what the person wants to
 * bring to the session, and what was left out. */
static void render_summary(struct out *o, const struct report_data *d, const struct facts *f)
{
	char a[16];
	int64_t days = d->to_day - d->from_day + 1;
	put(o, o->html ? "<section id=\"summary\">\n<h2>Summary</h2>\n<ul>\n" : "## Summary\n\n");
	const char *li = o->html ? "<li>" : "- ", *li_end = o->html ? "</li>\n" : "\n";
	putf(o, "%sMade on %s.%s", li, stats_day_text(d->made_day, a), li_end);
	if (d->sections & REPORT_BIT(REPORT_MOOD)) {
		putf(o, "%sA check-in on %zu of %lld day%s.%s", li, f->days_with, (long long)days,
		     days == 1 ? "" : "s", li_end);
		if (f->nlow) {
			putf(o, "%sThe lowest day%s (mood 0 = hardest, 10 = best): ", li,
			     f->nlow == 1 ? "" : "s");
			for (size_t i = 0; i < f->nlow; i++)
				putf(o, "%s%s %s (%d)", i ? ", " : "", wday_short[stats_weekday(f->low_day[i])],
				     stats_day_text(f->low_day[i], a), f->low_min[i]);
			putf(o, ".%s", li_end);
		}
	}
	if ((d->sections & REPORT_BIT(REPORT_HOMEWORK)) && d->npacks) {
		size_t items = 0, done = 0;
		for (size_t i = 0; i < d->npacks; i++)
			for (size_t k = 0; k < d->packs[i].nitems; k++) {
				items++;
				done += d->packs[i].items[k].done;
			}
		putf(o, "%sHomework: %zu of %zu item%s done as asked, in %zu pack%s.%s", li, done, items,
		     items == 1 ? "" : "s", d->npacks, d->npacks == 1 ? "" : "s", li_end);
	}
	if (d->sections & REPORT_BIT(REPORT_ENTRIES))
		summary_prep(o, d, li, li_end);
	if (d->sections & REPORT_BIT(REPORT_HOMEWORK))
		summary_answers(o, d, li, li_end);
	bool any = false;
	for (int s = 0; s < REPORT_NSECTIONS; s++) {
		if (!(d->sections & REPORT_BIT(s)) || !section_empty(s, d, f))
			continue;
		putf(o, "%s%s", any ? ", " : li, any ? "" : "Left out, as nothing was noted for them: ");
		put(o, sections[s].title);
		any = true;
	}
	if (any)
		putf(o, ".%s", li_end);
	put(o, o->html ? "</ul>\n</section>\n" : "\n");
}

static void render_sections(struct out *o, const struct report_data *d, const struct facts *f)
{
	render_summary(o, d, f);
	for (int s = 0; s < REPORT_NSECTIONS; s++) {
		if (!(d->sections & REPORT_BIT(s)) || section_empty(s, d, f))
			continue;
		if (o->html)
			putf(o, "<section id=\"%s\">\n<h2>%s</h2>\n", sections[s].name,
			     sections[s].title);
		else
			putf(o, "## %s\n\n", sections[s].title);
		switch ((enum report_section)s) {
		case REPORT_MOOD: sec_mood(o, d, f); break;
		case REPORT_TRIGGERS: sec_triggers(o, f); break;
		case REPORT_COPING: sec_coping(o, f); break;
		case REPORT_PATH: sec_path(o, d); break;
		case REPORT_HOMEWORK: sec_homework(o, d); break;
		case REPORT_ENTRIES: sec_entries(o, d); break;
		case REPORT_NSECTIONS: break;
		}
		if (o->html)
			put(o, "</section>\n");
	}
}

static const char made_with[] = "Made with tend, a private journal. Numbers rest on what was "
                                "noted, and a gap may only mean nothing was written down that "
                                "day.";

static void render_md(struct out *o, const struct report_data *d, const struct facts *f)
{
	char a[16], b[16];
	putf(o, "# tend report, %s to %s\n\n%s\n\n", stats_day_text(d->from_day, a), stats_day_text(d->to_day, b),
	     self_help_note);
	render_sections(o, d, f);
	putf(o, "%s\n", made_with);
}

static void render_html(struct out *o, const struct report_data *d, const struct facts *f)
{
	char a[16], b[16];
	stats_day_text(d->from_day, a);
	stats_day_text(d->to_day, b);
	/* No script, nothing fetched: the policy says so to the browser too. */
	putf(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	        "style-src 'unsafe-inline'\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	        "<title>tend report, %s to %s</title>\n",
	     a, b);
	put(o, html_style);
	putf(o, "</head>\n<body>\n<main>\n<h1>tend report, %s to %s</h1>\n<p class=\"note\">%s</p>\n",
	     a, b, self_help_note);
	render_sections(o, d, f);
	putf(o, "<footer>%s</footer>\n</main>\n</body>\n</html>\n", made_with);
}

int report_render(const struct report_data *d, enum report_format fmt, struct buf *out,
                  struct error *e)
{
	if (d->from_day > d->to_day)
		return error_set(e, E_USAGE, "The report's first day comes after its last.");
	struct facts f;
	if (facts_build(d, &f, e))
		return -1;
	size_t start = out->len;
	struct out o = {.b = out, .html = fmt == REPORT_HTML};
	if (o.html)
		render_html(&o, d, &f);
	else
		render_md(&o, d, &f);
	facts_free(&f);
	if (o.failed) {
		mem_wipe(out->data + start, out->len - start);
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
		return error_set(e, E_FAIL, "Out of memory making the report.");
	}
	return 0;
}

int report_preview(const struct report_data *d, struct buf *out, struct error *e)
{
	if (d->from_day > d->to_day)
		return error_set(e, E_USAGE, "The report's first day comes after its last.");
	struct facts f;
	if (facts_build(d, &f, e))
		return -1;
	struct out o = {.b = out};
	char a[16], b[16];
	int64_t days = d->to_day - d->from_day + 1;
	putf(&o, "From %s to %s (%lld day%s). The report would hold:\n", stats_day_text(d->from_day, a),
	     stats_day_text(d->to_day, b), (long long)days, days == 1 ? "" : "s");
	for (int s = 0; s < REPORT_NSECTIONS; s++) {
		if (!(d->sections & REPORT_BIT(s)))
			continue;
		putf(&o, "  %s: ", sections[s].title);
		switch ((enum report_section)s) {
		case REPORT_MOOD:
			putf(&o, "%zu check-in%s, %s", f.nmood, f.nmood == 1 ? "" : "s",
			     f.weekly ? "by week" : "by day");
			if (f.nmood) {
				char m[24];
				putf(&o, "; on %zu day%s, average %s%s (lowest %d, highest %d; 0 = hardest, "
				         "10 = best)", f.days_with, f.days_with == 1 ? "" : "s",
				     num1(f.mean, m), stats_enough(f.nmood) ? "" : " (few)", f.min, f.max);
			}
			put(&o, "\n");
			break;
		case REPORT_TRIGGERS:
			putf(&o, "%zu trigger log%s in %zu kind%s (not what happened)", f.ntrig,
			     f.ntrig == 1 ? "" : "s", f.tc.ncats, f.tc.ncats == 1 ? "" : "s");
			if (f.all.n) {
				char x[24], y[24];
				putf(&o, "; distress %s before, %s after, over %zu log%s with both%s "
				         "(10 = most)", num1(f.all.before, x), num1(f.all.after, y), f.all.n,
				     f.all.n == 1 ? "" : "s", stats_enough(f.all.n) ? "" : " (few)");
			}
			put(&o, "\n");
			break;
		case REPORT_COPING:
			putf(&o, "%zu way%s of coping or exercises, used %zu time%s", f.nte,
			     f.nte == 1 ? "" : "s", f.nhelp, f.nhelp == 1 ? "" : "s");
			if (f.nte) {
				put(&o, "; most used: ");
				if (termsafe_append(out, f.te[0].tool, strlen(f.te[0].tool), TERMSAFE_LINE))
					o.failed = true;
				putf(&o, " (%zu)", f.te[0].uses);
			}
			put(&o, "\n");
			break;
		case REPORT_PATH: {
			size_t begun = 0;
			for (size_t i = 0; i < d->nmodules; i++)
				begun += module_begun(&d->modules[i]);
			putf(&o, "%zu of %zu module%s begun, with their status\n", begun, d->nmodules,
			     d->nmodules == 1 ? "" : "s");
			break;
		}
		case REPORT_HOMEWORK: {
			size_t items = 0, answers = 0, scores = 0;
			for (size_t i = 0; i < d->npacks; i++) {
				items += d->packs[i].nitems;
				for (size_t k = 0; k < d->packs[i].nitems; k++) {
					answers += d->packs[i].items[k].answer != NULL;
					scores += d->packs[i].items[k].nscores;
				}
			}
			putf(&o, "%zu pack%s, %zu item%s and how far along each is", d->npacks,
			     d->npacks == 1 ? "" : "s", items, items == 1 ? "" : "s");
			if (scores)
				putf(&o, "; %zu number%s given on scales, with their days", scores,
				     scores == 1 ? "" : "s");
			if (answers)
				putf(&o, "; %zu short answer%s, with their text", answers,
				     answers == 1 ? "" : "s");
			put(&o, "\n");
			break;
		}
		case REPORT_ENTRIES:
			putf(&o, "%zu, with their whole text:\n", d->nentries);
			for (size_t i = 0; i < d->nentries; i++) {
				char when[20];
				when_text(d->entries[i].created, when);
				putf(&o, "    %lld  %s  ", (long long)d->entries[i].id, when);
				/* Plain text for a terminal: control characters shown. */
				const char *t = d->entries[i].title;
				if (!t || !*t)
					t = ENTRY_UNTITLED;
				if (termsafe_append(out, t, strlen(t), TERMSAFE_LINE))
					o.failed = true;
				put(&o, "\n");
			}
			break;
		case REPORT_NSECTIONS:
			break;
		}
	}
	if (!(d->sections & REPORT_BIT(REPORT_ENTRIES)))
		put(&o, "No journal text: an entry goes in only when it is picked by itself "
		        "(--entry ID, or on the report screen).\n");
	facts_free(&f);
	if (o.failed)
		return error_set(e, E_FAIL, "Out of memory describing the report.");
	return 0;
}

/* The vault's signing seed, as 64 hex digits in its settings; kept out
 * of exports (store/dump.c leaves out key.*). */
#define SIGN_SETTING "key.report-signing"

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* seed (SEAL_SIGN_SEED_BYTES): the vault's signing seed, made and kept the
 * first time a report is sealed. */
static int sign_seed_load(struct vault *v, uint8_t *seed, struct error *e)
{
	struct buf b = BUF_INIT;
	int got = settings_get_buf(v, SIGN_SETTING, &b, e);
	if (got < 0) {
		buf_free(&b);
		return -1;
	}
	if (got == 1) {
		bool ok = b.len == 2 * SEAL_SIGN_SEED_BYTES;
		for (size_t i = 0; ok && i < SEAL_SIGN_SEED_BYTES; i++) {
			int hi = hexval(b.data[2 * i]), lo = hexval(b.data[2 * i + 1]);
			ok = hi >= 0 && lo >= 0;
			seed[i] = (uint8_t)(ok ? hi << 4 | lo : 0);
		}
		buf_free(&b);
		if (!ok)
			return error_set(e, E_CORRUPT, "The vault's key for signing reports is damaged; "
			                               "no report was sealed.");
		return 0;
	}
	buf_free(&b);
	char hex[2 * SEAL_SIGN_SEED_BYTES + 1];
	if (seal_sign_seed_new(seed, e))
		return -1;
	for (size_t i = 0; i < SEAL_SIGN_SEED_BYTES; i++)
		snprintf(hex + 2 * i, 3, "%02x", seed[i]);
	int rc = settings_set(v, SIGN_SETTING, hex, e);
	mem_wipe(hex, sizeof(hex));
	return rc;
}

int report_output(struct vault *v, const struct report_data *d, enum report_format f,
                  const uint8_t *seal_pk, struct buf *out, struct error *e)
{
	if (!seal_pk)
		return report_render(d, f, out, e);
	uint8_t *seed = secmem_alloc(SEAL_SIGN_SEED_BYTES);
	if (!seed)
		return error_set(e, E_FAIL, "Out of memory.");
	struct buf plain = BUF_INIT;
	int rc = sign_seed_load(v, seed, e);
	if (rc == 0)
		rc = report_render(d, f, &plain, e);
	if (rc == 0)
		rc = seal_data(seal_pk, seed, plain.data, plain.len, out, e);
	secmem_free(seed);
	buf_free(&plain);
	return rc;
}

int report_fingerprint(struct vault *v, char out[SEAL_FPR_TEXT_MAX], struct error *e)
{
	uint8_t *seed = secmem_alloc(SEAL_SIGN_SEED_BYTES);
	uint8_t spk[SEAL_SIGN_PK_BYTES];
	if (!seed)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = sign_seed_load(v, seed, e);
	if (rc == 0)
		rc = seal_sign_public(seed, spk, e);
	secmem_free(seed);
	if (rc == 0)
		seal_fingerprint(spk, out);
	return rc;
}

int report_pk_parse(const char *text, uint8_t pk[REPORT_PK_BYTES], struct error *e)
{
	return seal_pk_parse(text, pk, e);
}

void report_pk_format(const uint8_t pk[REPORT_PK_BYTES], char out[REPORT_PK_TEXT_MAX])
{
	seal_pk_format(pk, out);
}

/* ---- reading what a report needs */

static void report_source_free(struct report_source *s);

static int report_source_load(struct vault *v, const int64_t *ids, size_t nids,
                       struct report_source *out, struct error *e)
{
	memset(out, 0, sizeof(*out));
	if (insights_load(v, &out->ins, e))
		return -1;
	if (!nids)
		return 0;
	out->entries = calloc(nids, sizeof(*out->entries));
	if (!out->entries) {
		report_source_free(out);
		return error_set(e, E_FAIL, "Out of memory.");
	}
	for (size_t i = 0; i < nids; i++) {
		if (entries_get(v, ids[i], &out->entries[i], e)) {
			report_source_free(out);
			return -1;
		}
		out->nentries++;
	}
	return 0;
}

static void report_source_free(struct report_source *s)
{
	insights_free(&s->ins);
	for (size_t i = 0; i < s->nentries; i++)
		entry_free(&s->entries[i]);
	free(s->entries);
	memset(s, 0, sizeof(*s));
}

/* The path modules in content order, each with the status the person set
 * (the Path screen keeps it in the vault's settings). */
static int load_modules(struct vault *v, struct report_build *b, struct error *e)
{
	const char *paths[REPORT_MAX_MODULES];
	size_t total = content_list("path/", paths, REPORT_MAX_MODULES);
	size_t n = 0;
	for (size_t i = 0; i < total && i < REPORT_MAX_MODULES; i++) {
		size_t len = strlen(paths[i]);
		if (len < 3 || strcmp(paths[i] + len - 3, ".md") != 0)
			continue;
		struct page_meta m;
		if (page_load(paths[i], &m, NULL, NULL, e))
			return -1;
		char key[160];
		snprintf(key, sizeof(key), "path.status.%s", m.id);
		snprintf(b->titles[n], sizeof(b->titles[n]), "%s", m.title);
		page_meta_free(&m);
		int got = settings_get(v, key, b->status[n], sizeof(b->status[n]), e);
		if (got < 0)
			return -1;
		if (got == 0 || !*b->status[n])
			snprintf(b->status[n], sizeof(b->status[n]), "not started");
		b->modules[n] = (struct report_module){b->titles[n], b->status[n]};
		n++;
	}
	b->d.nmodules = n;
	return 0;
}

/* The homework packs as they are now: each pack's text parsed again (not
 * checked against this tend's pages, so an old pack still shows) with its
 * progress. Everything here is the person's and is wiped when freed. */
struct report_hw_build {
	struct homework h;
	struct hw_progress prog[HOMEWORK_MAX_ITEMS];
	char what[HOMEWORK_MAX_ITEMS][2 * HOMEWORK_FIELD_MAX];
	char status[HOMEWORK_MAX_ITEMS][64];
	struct report_hw_item items[HOMEWORK_MAX_ITEMS];
	struct report_measure *admins[HOMEWORK_MAX_ITEMS];
	size_t nadmins[HOMEWORK_MAX_ITEMS], cap[HOMEWORK_MAX_ITEMS];
	struct report_score scores[HOMEWORK_MAX_ITEMS][HWPACK_SCORES_MAX];
	size_t nscores[HOMEWORK_MAX_ITEMS];
	bool scores_more[HOMEWORK_MAX_ITEMS];
};

static void hw_free(struct report_build *b)
{
	for (size_t i = 0; b->hw && i < b->d.npacks; i++) {
		homework_free(&b->hw[i].h);
		hwpack_progress_clear(b->hw[i].prog, HOMEWORK_MAX_ITEMS);
		for (size_t k = 0; k < HOMEWORK_MAX_ITEMS; k++)
			free(b->hw[i].admins[k]);
		mem_wipe(&b->hw[i], sizeof(b->hw[i]));
	}
	free(b->hw);
	free(b->packs);
	b->hw = NULL;
	b->packs = NULL;
}

/* ---- measures: each administration with its date and score ---- */

struct admin_load {
	struct report_hw_build *w;
	size_t k;
};

static int admin_one(int64_t at, int off, const char *answer, void *arg)
{
	struct admin_load *x = arg;
	struct report_hw_build *w = x->w;
	const struct hw_item *it = &w->h.items[x->k];
	int answers[HOMEWORK_MAX_QUESTIONS];
	if (homework_measure_decode(it, answer, answers))
		return 0; /* kept under an older version of the pack */
	size_t n = w->nadmins[x->k];
	if (n == w->cap[x->k]) {
		size_t cap = n ? 2 * n : 8;
		struct report_measure *m = realloc(w->admins[x->k], cap * sizeof(*m));
		if (!m)
			return 1; /* out of memory: stops the walk */
		w->admins[x->k] = m;
		w->cap[x->k] = cap;
	}
	struct report_measure *r = &w->admins[x->k][n];
	char when[32];
	stamp_format((struct stamp){at, off}, when);
	snprintf(r->date, sizeof(r->date), "%.10s", when);
	r->total = homework_measure_score(it, answers);
	r->band = homework_measure_band(it, r->total);
	w->nadmins[x->k] = n + 1;
	return 0;
}

/* Every administration of the pack's measures into w. */
static int load_measures(struct vault *v, int64_t pack, struct report_hw_build *w,
                         struct error *e)
{
	for (size_t k = 0; k < w->h.nitems; k++) {
		if (w->h.items[k].kind != HW_MEASURE)
			continue;
		struct admin_load x = {w, k};
		int r = hwpack_answers(v, pack, (int)k, admin_one, &x, e);
		if (r > 0)
			return error_set(e, E_FAIL, "Out of memory.");
		if (r)
			return -1;
	}
	return 0;
}

/* The numbers given for each scale item into w, with their days. */
static int load_scores(struct vault *v, int64_t pack, struct report_hw_build *w,
                       struct error *e)
{
	struct hw_score sc[HWPACK_SCORES_MAX];
	int rc = 0;
	for (size_t k = 0; k < w->h.nitems && rc == 0; k++) {
		if (w->h.items[k].kind != HW_SCALE)
			continue;
		size_t n;
		rc = hwpack_scores(v, pack, (int)k, sc, HWPACK_SCORES_MAX, &n, &w->scores_more[k], e);
		for (size_t i = 0; rc == 0 && i < n; i++) {
			char when[32];
			stamp_format((struct stamp){sc[i].at, sc[i].off}, when);
			snprintf(w->scores[k][i].date, sizeof(w->scores[k][i].date), "%.10s", when);
			w->scores[k][i].score = sc[i].score;
		}
		if (rc == 0)
			w->nscores[k] = n;
	}
	mem_wipe(sc, sizeof(sc));
	return rc;
}

static int load_homework(struct vault *v, struct report_build *b, struct error *e)
{
	struct hw_pack *list;
	size_t n;
	if (hwpack_list(v, &list, &n, e))
		return -1;
	int rc = 0;
	if (n) {
		b->hw = calloc(n, sizeof(*b->hw));
		b->packs = calloc(n, sizeof(*b->packs));
		if (!b->hw || !b->packs)
			rc = error_set(e, E_FAIL, "Out of memory.");
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t j = b->d.npacks;
		struct report_hw_build *w = &b->hw[j];
		/* A pack this tend cannot read (from a newer one, say) is left
		 * out, as the homework screen and list leave it out. */
		struct error pe = {0};
		if (homework_parse(list[i].text, strlen(list[i].text), 0, &w->h, &pe)) {
			if (pe.code != E_CORRUPT)
				rc = error_set(e, pe.code, "%s", pe.msg);
			continue;
		}
		b->d.npacks = j + 1; /* from here hw_free frees it */
		const char *practice[HOMEWORK_MAX_ITEMS];
		homework_practice_names(&w->h, practice);
		if ((rc = hwpack_progress(v, list[i].id, practice, w->prog, w->h.nitems, e)) != 0 ||
		    (rc = load_measures(v, list[i].id, w, e)) != 0 ||
		    (rc = load_scores(v, list[i].id, w, e)) != 0)
			break;
		for (size_t k = 0; k < w->h.nitems; k++) {
			const struct hw_item *it = &w->h.items[k];
			homework_describe(it, w->what[k], sizeof(w->what[k]));
			homework_status(it, w->prog[k].done, w->prog[k].last_score, w->status[k],
			                sizeof(w->status[k]));
			w->items[k] = (struct report_hw_item){
			    .heading = it->heading, .what = w->what[k], .status = w->status[k],
			    .answer = it->kind == HW_ANSWER ? w->prog[k].last_answer : NULL,
			    .admins = w->admins[k], .nadmins = w->nadmins[k], .mean = it->m.mean,
			    .scores = w->scores[k], .nscores = w->nscores[k],
			    .scores_more = w->scores_more[k],
			    .done = w->prog[k].done >= (it->times > 0 ? it->times : 1)};
		}
		b->packs[j] = (struct report_hw_pack){
		    .title = w->h.title, .from = w->h.from, .assigned = w->h.assigned,
		    .due = w->h.due, .items = w->items, .nitems = w->h.nitems};
	}
	hwpack_list_free(list, n);
	b->d.packs = b->packs;
	return rc;
}

int report_build_load(struct vault *v, int64_t from_day, int64_t to_day, unsigned which,
                      const int64_t *ids, size_t nids, struct report_build *b, struct error *e)
{
	memset(b, 0, sizeof(*b));
	if (report_source_load(v, ids, nids, &b->src, e))
		return -1;
	const struct report_source *s = &b->src;
	b->d = (struct report_data){
		.from_day = from_day, .to_day = to_day, .sections = which,
		.made_day = stats_day_of(stamp_now().t, stamp_now().off_min),
		.moods = s->ins.moods, .nmoods = s->ins.nmoods,
		.triggers = s->ins.triggers, .ntriggers = s->ins.ntriggers,
		.helps = s->ins.helps, .help_own_words = s->ins.help_own_words,
		.nhelps = s->ins.nhelps, .modules = b->modules,
		.entries = s->entries, .nentries = s->nentries,
	};
	if (((which & REPORT_BIT(REPORT_PATH)) && load_modules(v, b, e)) ||
	    ((which & REPORT_BIT(REPORT_HOMEWORK)) && load_homework(v, b, e))) {
		report_build_free(b);
		return -1;
	}
	return 0;
}

void report_build_free(struct report_build *b)
{
	hw_free(b);
	report_source_free(&b->src);
	memset(b, 0, sizeof(*b));
}
