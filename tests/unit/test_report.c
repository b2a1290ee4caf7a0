/* Session reports: a fixed data set against golden Markdown
 * (tests/fixtures/report/; UPDATE_GOLDEN=1 rewrites them, read the diff),
 * HTML escaping and self-containment, sections on and off, journal text
 * only for entries that were named, the preview, and the option parsers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/homework.h"
#include "io/report.h"
#include "store/homework.h"
#include "store/settings.h"
#include "store_helpers.h"
#include "unit.h"
#include "util/fileio.h"

#define OFF 60 /* the fixture's records were written at UTC+1 */

static int64_t at(int y, int m, int d, int hour)
{
	return stats_days_from_civil(y, m, d) * 86400 + hour * 3600 - OFF * 60;
}

/* Two weeks of November 2026 (Monday 2 to Sunday 15), with records just
 * outside on both sides that must not count. */
struct fixture {
	struct mood_point moods[12];
	struct trigger_point trig[6];
	struct trigger_point helps[6];
	unsigned char own[6];
	struct report_module mods[2];
	struct entry entries[3];
	struct report_score scores[3];
	struct report_hw_item items[2];
	struct report_hw_pack pack;
};

static struct fixture make_fixture(void)
{
	struct fixture f = {
		.moods = {
			{at(2026, 11, 1, 22), OFF, 1, -1, -1}, /* the day before: left out */
			{at(2026, 11, 2, 9), OFF, 4, 7, 5},
			{at(2026, 11, 2, 21), OFF, 6, -1, -1},
			{at(2026, 11, 3, 8), OFF, 5, 6, 4},
			{at(2026, 11, 5, 20), OFF, 3, -1, -1},
			{at(2026, 11, 8, 10), OFF, 7, 8, 6},
			{at(2026, 11, 9, 10), OFF, 6, -1, -1},
			{at(2026, 11, 12, 23), OFF, 8, -1, -1},
			{at(2026, 11, 15, 23), OFF, 7, -1, -1}, /* 23:00 local: still the 15th */
			{at(2026, 11, 16, 0), OFF, 0, -1, -1},  /* the day after: left out */
			{at(2026, 11, 10, 12), OFF, 11, -1, -1}, /* out of scale: ignored */
			{at(2026, 11, 11, 12), OFF, 5, -1, -1},
		},
		.trig = {
			{at(2026, 11, 2, 18), OFF, "people", 8, 5, "Slow breathing"},
			{at(2026, 11, 4, 13), OFF, "people", 6, -1, NULL},
			{at(2026, 11, 6, 9), OFF, "sound", 7, 3, "Cold water"},
			{at(2026, 11, 9, 19), OFF, "people", -1, -1, NULL},
			{at(2026, 11, 14, 22), OFF, "date or anniversary", 9, 6, "marker-own-words"},
			{at(2026, 10, 30, 9), OFF, "sound", 10, 10, "Cold water"}, /* before: left out */
		},
		.helps = {
			{at(2026, 11, 2, 18), OFF, "people", 8, 5, "Slow breathing"},
			{at(2026, 11, 6, 9), OFF, "sound", 7, 3, "Cold water"},
			{at(2026, 11, 14, 22), OFF, "date or anniversary", 9, 6, "marker-own-words"},
			{at(2026, 11, 3, 20), OFF, NULL, 6, 3, "Paced breathing"},
			{at(2026, 11, 7, 20), OFF, NULL, 5, 3, "Paced breathing"},
			{at(2026, 11, 10, 20), OFF, NULL, 7, 4, "Paced breathing"},
		},
		.own = {0, 0, 1, 0, 0, 0},
		.mods = {{"Talking with a therapist", "exploring"}, {"Healthy boundaries", "not started"}},
		.entries = {{.id = 7, .title = "After the call", .body = "It went better than I feared.\n"
		                                                          "# not a heading\nI slept.",
		             .created = "2026-11-09T21:40:00+01:00", .tags = "calm,family"},
		            /* Two times getting ready for a session: the newer one
		             * goes in the summary, its first line only. */
		            {.id = 8, .title = "Getting ready for a session",
		             .body = "## What I want to bring\n\nSleep, mostly.",
		             .created = "2026-11-05T19:00:00+01:00", .tags = "exercise,session-prep"},
		            {.id = 9, .title = "Getting ready for a session",
		             .body = "## Since we last met\n\nA hard week.\n\n"
		                     "## What I want to bring\n\nThe nightmares came back twice.\n"
		                     "And the row with my sister.\n\n## Questions I have\n\nHow long?",
		             .created = "2026-11-13T20:30:00+01:00", .tags = "exercise,session-prep"}},
		.scores = {{"2026-11-04", 3}, {"2026-11-09", 5}, {"2026-11-14", 4}},
	};
	f.items[0] = (struct report_hw_item){
	    .heading = "How settled the week felt", .what = "a number from 0 (not at all) to 10 "
	                                                    "(very settled)",
	    .status = "4 of 10", .nscores = 3, .done = true};
	f.items[1] = (struct report_hw_item){
	    .heading = "What to bring next time", .what = "a short answer", .status = "answered",
	    .answer = "Why the evenings are the hardest part.", .done = true};
	f.pack = (struct report_hw_pack){.title = "Steadier weeks", .from = "Dr. Lee",
	                                 .assigned = "2026-11-02", .due = "2026-11-16"};
	return f;
}

/* The fixture's pack, pointing into f where it now is. */
static void with_homework(struct fixture *f)
{
	f->items[0].scores = f->scores;
	f->pack.items = f->items;
	f->pack.nitems = 2;
}

static struct report_data data_for(const struct fixture *f, int64_t from, int64_t to,
                                   unsigned sections)
{
	return (struct report_data){
		.from_day = from, .to_day = to, .sections = sections,
		.made_day = stats_days_from_civil(2026, 11, 16),
		.moods = f->moods, .nmoods = 12, .triggers = f->trig, .ntriggers = 6,
		.helps = f->helps, .help_own_words = f->own, .nhelps = 6,
		.modules = f->mods, .nmodules = 2, .entries = f->entries, .nentries = 3,
	};
}

static char *render(const struct report_data *d, enum report_format fmt)
{
	struct buf b = BUF_INIT;
	struct error e = {0};
	if (report_render(d, fmt, &b, &e))
		fail_msg("render: %s", e.msg);
	char *s = strdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static void markdown_golden_daily(void **state)
{
	(void)state;
	struct fixture f = make_fixture();
	with_homework(&f);
	struct report_data d = data_for(&f, stats_days_from_civil(2026, 11, 2),
	                                stats_days_from_civil(2026, 11, 15),
	                                REPORT_DEFAULT | REPORT_BIT(REPORT_ENTRIES) |
	                                    REPORT_BIT(REPORT_HOMEWORK));
	d.packs = &f.pack;
	d.npacks = 1;
	char *md = render(&d, REPORT_MD);
	test_golden("tests/fixtures/report/two-weeks.md", md);
	/* What the golden file says, checked here too so a wrong golden
	 * cannot pass unnoticed: 9 check-ins in range (not the 1, the 0 or
	 * the 11), on 8 of 14 days; mean 51/9 = 5.7. */
	assert_non_null(strstr(md, "# tend report, 2026-11-02 to 2026-11-15\n"));
	assert_non_null(strstr(md, "not a diagnosis"));
	assert_non_null(strstr(md, "9 check-ins, on 8 of 14 days. Mood averaged 5.7 out of 10 "
	                           "(lowest 3, highest 8)."));
	assert_non_null(strstr(md, "| Sun 2026-11-15 | 1 | 7 | 7 | 7.0 (few) |"));
	assert_non_null(strstr(md, "| people | 3 | 1 | 8.0 (few) | 5.0 (few) |"));
	assert_non_null(strstr(md, "| All | 5 | 3 | 8.0 | 4.7 |"));
	assert_non_null(strstr(md, "| Paced breathing | 3 | 3 | 2.7 |"));
	assert_non_null(strstr(md, "| Slow breathing | 1 | 1 | 3.0 (few) |"));
	assert_non_null(strstr(md, "> It went better than I feared.\n> # not a heading\n"));
	assert_null(strstr(md, "marker-own-words"));
	/* A scale's every number with its day, oldest first. */
	assert_non_null(strstr(md, "Numbers given for \"How settled the week felt\", oldest first: "
	                           "2026-11-04: 3 \xc2\xb7 2026-11-09: 5 \xc2\xb7 2026-11-14: 4.\n"));
	assert_non_null(strstr(md, "- To bring to the session (written on 2026-11-13, getting ready "
	                           "for it): The nightmares came back twice. (in full "
	                           "under Journal entries chosen for this report).\n"));
	assert_non_null(strstr(md, "- Homework answers: \"What to bring next time\": Why the "
	                           "evenings are the hardest part. (in full under Homework from the "
	                           "therapist).\n"));
	free(md);
}

/* The summary's "bring to the session" rests only on what the person
 * chose: the session-prep entries named for the report, in its days, and
 * the homework answers when homework is in it. */
static void summary_bring(void **state)
{
	(void)state;
	struct fixture f = make_fixture();
	with_homework(&f);
	int64_t from = stats_days_from_civil(2026, 11, 2), to = stats_days_from_civil(2026, 11, 15);
	struct report_data d = data_for(&f, from, to, REPORT_DEFAULT);
	d.packs = &f.pack;
	d.npacks = 1;
	char *md = render(&d, REPORT_MD);
	assert_null(strstr(md, "To bring"));
	assert_null(strstr(md, "nightmares"));
	assert_null(strstr(md, "Homework answers"));
	assert_null(strstr(md, "evenings"));
	free(md);
	/* Only the days of the report: the older one then. */
	d = data_for(&f, from, stats_days_from_civil(2026, 11, 10), REPORT_BIT(REPORT_ENTRIES));
	md = render(&d, REPORT_MD);
	assert_non_null(strstr(md, "- To bring to the session (written on 2026-11-05, getting ready "
	                           "for it): Sleep, mostly. (in full"));
	free(md);
	/* The newer by the clock wins, whatever the offset it was written
	 * under: 20:00 at UTC-5 is 01:00 UTC on the 14th, after 20:30 at
	 * UTC+1 (19:30 UTC on the 13th), though it sorts first as text. */
	f.entries[1].created = "2026-11-13T20:00:00-05:00";
	d = data_for(&f, from, to, REPORT_BIT(REPORT_ENTRIES));
	md = render(&d, REPORT_MD);
	assert_non_null(strstr(md, ": Sleep, mostly. (in full"));
	free(md);
	/* The step left blank: nothing to bring is said. */
	f.entries[1].body = f.entries[2].body = "## Since we last met\n\nA hard week.";
	d = data_for(&f, from, to, REPORT_BIT(REPORT_ENTRIES));
	md = render(&d, REPORT_MD);
	assert_null(strstr(md, "To bring"));
	free(md);
	/* A long answer is cut on a character's boundary, in HTML too. */
	static char longer[200];
	memset(longer, 'a', sizeof(longer) - 1);
	memcpy(longer + 119, "\xc3\xa9", 2); /* across the cut */
	f.items[1].answer = longer;
	d = data_for(&f, from, to, REPORT_BIT(REPORT_HOMEWORK));
	d.packs = &f.pack;
	d.npacks = 1;
	char *html = render(&d, REPORT_HTML);
	assert_non_null(strstr(html, "<li>Homework answers: \"What to bring next time\": aaa"));
	assert_non_null(strstr(html, "aaaaa\xe2\x80\xa6 (in full under Homework from the therapist)."
	                             "</li>"));
	free(html);
}

static void markdown_golden_weekly(void **state)
{
	(void)state;
	struct fixture f = make_fixture();
	struct report_data d = data_for(&f, stats_days_from_civil(2026, 10, 1),
	                                stats_days_from_civil(2026, 11, 30),
	                                REPORT_BIT(REPORT_MOOD) | REPORT_BIT(REPORT_TRIGGERS));
	char *md = render(&d, REPORT_MD);
	test_golden("tests/fixtures/report/two-months.md", md);
	assert_non_null(strstr(md, "| Week starting |"));
	/* Every check-in in range now (11 in scale), in weeks from Monday. */
	assert_non_null(strstr(md, "11 check-ins, on 10 of 61 days."));
	assert_non_null(strstr(md, "| Mon 2026-10-26 | 1 | 1 | 1 | 1.0 (few) |"));
	assert_null(strstr(md, "## What helped"));
	assert_null(strstr(md, "## The healing path"));
	free(md);
}

static void html_is_escaped_and_self_contained(void **state)
{
	(void)state;
	struct fixture f = make_fixture();
	f.entries[0].title = "<script>alert('x')</script> & \"more\"";
	f.entries[0].body = "a <b>bold</b> claim & more\n<img src=x onerror=alert(1)>";
	f.trig[0].category = "loud <noise> & \"bangs\"";
	f.helps[0].tool = "<iframe src=\"https://example.org\">";
	f.mods[0].title = "A & B <i>";
	struct report_data d = data_for(&f, stats_days_from_civil(2026, 11, 2),
	                                stats_days_from_civil(2026, 11, 15),
	                                REPORT_DEFAULT | REPORT_BIT(REPORT_ENTRIES));
	char *html = render(&d, REPORT_HTML);
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<iframe"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "<b>"));
	assert_null(strstr(html, "src=\""));
	assert_null(strstr(html, "href=\""));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "@import"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
	                             "&quot;more&quot;"));
	assert_non_null(strstr(html, "a &lt;b&gt;bold&lt;/b&gt; claim &amp; more\n&lt;img"));
	assert_non_null(strstr(html, "loud &lt;noise&gt; &amp; &quot;bangs&quot;"));
	assert_non_null(strstr(html, "A &amp; B &lt;i&gt;"));
	/* One file: its style inline, both charts as inline SVG. */
	assert_non_null(strstr(html, "<!DOCTYPE html>"));
	assert_non_null(strstr(html, "<style>"));
	assert_non_null(strstr(html, "@media print"));
	assert_non_null(strstr(html, "<svg class=\"chart mood-chart\" role=\"img\" aria-label=\"Mood per day"));
	assert_non_null(strstr(html, "<svg class=\"chart trigger-chart\""));
	/* A day of a 4 and a 6 is drawn from 4 to 6, not as one dot at 5. */
	assert_non_null(strstr(html, "<title>2026-11-02: 2 check-ins, 4 to 6, average 5.0</title>"
	                             "<line class=\"range\""));
	assert_null(strstr(html, "<polyline"));
	assert_non_null(strstr(html, "Mood: 0 = hardest, 10 = best</text>"));
	assert_non_null(strstr(html, "h2,h3{break-after:avoid"));
	assert_non_null(strstr(html, "</html>\n"));
	free(html);

	/* Markdown escapes what would be markup too. */
	char *md = render(&d, REPORT_MD);
	assert_non_null(strstr(md, "### \\<script\\>alert('x')\\</script\\> \\& \"more\""));
	assert_non_null(strstr(md, "| loud \\<noise\\> \\& \"bangs\" |"));
	assert_non_null(strstr(md, "> a \\<b>bold\\</b> claim & more\n> \\<img"));
	free(md);
}

static void sections_on_and_off(void **state)
{
	(void)state;
	struct fixture f = make_fixture();
	int64_t from = stats_days_from_civil(2026, 11, 2), to = stats_days_from_civil(2026, 11, 15);
	static const char *const heads[REPORT_NSECTIONS] = {
		"## Mood over time", "## Distress before and after", "## What helped", "## The healing path",
		"## Homework from the therapist", "## Journal entries chosen"};
	for (int s = 0; s < REPORT_NSECTIONS; s++) {
		struct report_data d = data_for(&f, from, to, REPORT_BIT(s));
		char *md = render(&d, REPORT_MD);
		/* (the fixture has no homework pack: that section is left out) */
		for (int k = 0; k < REPORT_NSECTIONS; k++)
			if (k == s && s != REPORT_HOMEWORK)
				assert_non_null(strstr(md, heads[k]));
			else
				assert_null(strstr(md, heads[k]));
		free(md);
	}
	/* Entries handed in but not asked for: none of their text. */
	struct report_data d = data_for(&f, from, to, REPORT_DEFAULT);
	char *md = render(&d, REPORT_MD), *html = render(&d, REPORT_HTML);
	assert_null(strstr(md, "After the call"));
	assert_null(strstr(md, "feared"));
	assert_null(strstr(html, "feared"));
	free(md);
	free(html);
	/* An empty period leaves its empty sections out, and says so once. */
	d = data_for(&f, stats_days_from_civil(2027, 1, 1), stats_days_from_civil(2027, 1, 7),
	             REPORT_DEFAULT);
	md = render(&d, REPORT_MD);
	assert_non_null(strstr(md, "- Left out, as nothing was noted for them: Mood over time, "
	                           "Distress before and after, What helped.\n"));
	assert_null(strstr(md, "## Mood over time"));
	assert_null(strstr(md, "## What helped"));
	assert_non_null(strstr(md, "## The healing path"));
	assert_non_null(strstr(md, "- Made on 2026-11-16.\n"));
	free(md);
	html = render(&d, REPORT_HTML);
	assert_null(strstr(html, "mood-chart"));
	free(html);
	d.from_day = d.to_day + 1;
	struct buf b = BUF_INIT;
	struct error e = {0};
	assert_int_equal(report_render(&d, REPORT_MD, &b, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	buf_free(&b);
}

static void preview_lists_without_text(void **state)
{
	(void)state;
	struct fixture f = make_fixture();
	struct report_data d = data_for(&f, stats_days_from_civil(2026, 11, 2),
	                                stats_days_from_civil(2026, 11, 15),
	                                REPORT_DEFAULT | REPORT_BIT(REPORT_ENTRIES));
	struct buf b = BUF_INIT;
	struct error e = {0};
	assert_int_equal(report_preview(&d, &b, &e), 0);
	const char *p = buf_str(&b);
	assert_non_null(strstr(p, "From 2026-11-02 to 2026-11-15 (14 days)"));
	assert_non_null(strstr(p, "Mood over time: 9 check-ins, by day"));
	assert_non_null(strstr(p, "Distress before and after: 5 trigger logs in 3 kinds"));
	assert_non_null(strstr(p, "What helped: 4 ways of coping or exercises, used 6 times"));
	assert_non_null(strstr(p, "The healing path: 1 of 2 modules begun"));
	assert_non_null(strstr(p, "    7  2026-11-09 21:40  After the call\n"));
	assert_null(strstr(p, "feared"));
	assert_null(strstr(p, "marker-own-words"));
	buf_free(&b);
}

/* Issue 19, "reports that read truly": each scale says which way it runs;
 * distress before and after rests on the same logs, with n; the same skill
 * under two names is one row; the most used comes first and one rating
 * never ranks above many; a healing path module not started is left out;
 * the summary gives the date made and the lowest days. */
static void reads_truly(void **state)
{
	(void)state;
	struct fixture f = make_fixture();
	f.helps[3].tool = "Grounding: 5-4-3-2-1";
	f.helps[4].tool = "5-4-3-2-1 grounding";
	f.helps[5].tool = "5-4-3-2-1 grounding";
	f.helps[1].suds_before = 10; /* Cold water: one rating, the largest fall */
	f.helps[1].suds_after = 0;
	struct report_data d = data_for(&f, stats_days_from_civil(2026, 11, 2),
	                                stats_days_from_civil(2026, 11, 15), REPORT_DEFAULT);
	char *md = render(&d, REPORT_MD);
	assert_non_null(strstr(md, "Mood runs from 0 = hardest to 10 = best."));
	assert_non_null(strstr(md, "Distress runs from 0 = none to 10 = most."));
	assert_non_null(strstr(md, "How much distress (0 = none, 10 = most) fell"));
	/* people: 8/5 paired, 6/- and -/- unpaired: n 1, from that pair only */
	assert_non_null(strstr(md, "| people | 3 | 1 | 8.0 (few) | 5.0 (few) |"));
	assert_non_null(strstr(md, "| All | 5 | 3 | 8.0 | 4.7 |"));
	const char *g = strstr(md, "| 5-4-3-2-1 grounding | 3 | 3 |");
	assert_non_null(g);
	assert_null(strstr(md, "Grounding: 5-4-3-2-1"));
	const char *cold = strstr(md, "| Cold water | 1 | 1 | 10.0 (few) |");
	assert_non_null(cold);
	assert_true(g < cold);
	assert_non_null(strstr(md, "| Talking with a therapist | exploring |"));
	assert_null(strstr(md, "Healthy boundaries"));
	assert_non_null(strstr(md, "## Summary\n\n- Made on 2026-11-16.\n- A check-in on 8 of 14 days.\n"
	                           "- The lowest days (mood 0 = hardest, 10 = best): Thu 2026-11-05 (3), "
	                           "Mon 2026-11-02 (4), Tue 2026-11-03 (5).\n"));
	assert_true(strstr(md, "## Summary") < strstr(md, "## Mood over time"));
	free(md);
}

static void parsers(void **state)
{
	(void)state;
	unsigned bits = 0;
	struct error e = {0};
	assert_int_equal(report_sections_parse("mood, coping", &bits, &e), 0);
	assert_int_equal(bits, REPORT_BIT(REPORT_MOOD) | REPORT_BIT(REPORT_COPING));
	assert_int_equal(report_sections_parse("mood,feelings", &bits, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	assert_non_null(strstr(e.msg, "'feelings' is not a section"));
	assert_int_equal(report_sections_parse(",", &bits, &e), -1);
	assert_int_equal(report_sections_parse("mood,,path", &bits, &e), -1);
	int64_t day;
	assert_int_equal(report_parse_day("2028-02-29", &day, &e), 0);
	assert_int_equal(day, stats_days_from_civil(2028, 2, 29));
	assert_int_equal(report_parse_day("2026-02-29", &day, &e), -1);
	assert_non_null(strstr(e.msg, "not a day in the calendar"));
	const char *bad[] = {"2026-1-01", "2026-01-01x", "26-01-01", "2026/01/01", "", "2026-13-01",
	                     "2026-01-+1"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		error_clear(&e);
		assert_int_equal(report_parse_day(bad[i], &day, &e), -1);
		assert_int_equal(e.code, E_USAGE);
	}
	assert_string_equal(report_section_name(REPORT_PATH), "path");
}

/* report_build_load, what tend report and the report screen both use:
 * the path's modules in order with the status set on the Path screen,
 * the named entries, and nothing of the path unless it was asked for. */
static void build_from_a_vault(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct error e = {0};
	int64_t id;
	assert_int_equal(entries_add(f->v, "marker-title", "marker-body", NULL, 0, &id, &e), 0);
	assert_int_equal(settings_set(f->v, "path.status.cbt", "exploring", &e), 0);
	struct report_build b;
	unsigned with = REPORT_BIT(REPORT_PATH) | REPORT_BIT(REPORT_ENTRIES);
	assert_int_equal(report_build_load(f->v, 100, 113, with, &id, 1, &b, &e), 0);
	assert_int_equal(b.d.from_day, 100);
	assert_int_equal(b.d.to_day, 113);
	assert_int_equal(b.d.sections, with);
	assert_int_equal(b.d.nentries, 1);
	assert_string_equal(b.d.entries[0].body, "marker-body");
	assert_true(b.d.nmodules >= 2);
	size_t exploring = 0;
	for (size_t i = 0; i < b.d.nmodules; i++) {
		assert_true(*b.d.modules[i].title);
		exploring += strcmp(b.d.modules[i].status, "exploring") == 0;
	}
	assert_int_equal(exploring, 1);
	report_build_free(&b);
	assert_int_equal(report_build_load(f->v, 100, 113, REPORT_BIT(REPORT_MOOD), NULL, 0, &b, &e),
	                 0);
	assert_int_equal(b.d.nmodules, 0);
	report_build_free(&b);
	int64_t missing = id + 5;
	assert_int_equal(report_build_load(f->v, 100, 113, with, &missing, 1, &b, &e), -1);
	assert_non_null(strstr(e.msg, "entry"));
	test_vault_free(f);
}

/* A pack with a scale answered and a short answer given: the homework
 * section shows each item, what it asks and how far along it is, and the
 * answer's text; the preview counts them; without the section nothing of
 * it is in the report. HTML escapes the pack's own words. */
static void homework_section(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct error e = {0};
	static const char pack[] =
	    "---\ntitle: Small <steps> week\nfrom: Dr. Lee\nassigned: 2026-11-16\n"
	    "due: 2026-11-23\n---\nA week of small steps.\n\n"
	    "## How hard was it\nkind: scale\nlow: very hard\nhigh: easy\n\nAsk yourself.\n\n"
	    "## One word for today\nkind: answer\n\nWhat word fits?\n\n"
	    "## Write it down\nkind: prompt\n\nWhat went well?\n";
	struct homework h;
	assert_int_equal(homework_parse(pack, strlen(pack), 0, &h, &e), 0);
	int64_t id;
	bool existed;
	assert_int_equal(hwpack_add(f->v, pack, strlen(pack), h.title, h.from, h.assigned, h.due,
	                            &id, &existed, &e),
	                 0);
	homework_free(&h);
	struct hw_mark m = HW_MARK_INIT;
	m.pack = id, m.item = 0, m.score = 6;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	/* Two more numbers on later days, given out of order of id. */
	setenv("TEND_NOW", "1795420800", 1); /* 2026-11-23 08:00 UTC */
	m.score = 4;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	setenv("TEND_NOW", "1795161600", 1); /* 2026-11-20 08:00 UTC */
	m.score = 2;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	unsetenv("TEND_NOW");
	m = (struct hw_mark)HW_MARK_INIT;
	m.pack = id, m.item = 1, m.answer = "marker-answer steady";
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);

	/* A pack this tend cannot read is left out; the report still comes. */
	static const char unreadable[] = "---\ntitle: From a newer tend\n---\nno items\n";
	int64_t other;
	assert_int_equal(hwpack_add(f->v, unreadable, strlen(unreadable), "From a newer tend", "x",
	                            "2026-11-16", NULL, &other, &existed, &e),
	                 0);
	struct report_build b;
	unsigned with = REPORT_BIT(REPORT_HOMEWORK);
	assert_int_equal(report_build_load(f->v, 100, 113, with, NULL, 0, &b, &e), 0);
	assert_int_equal(b.d.npacks, 1);
	assert_int_equal(b.d.packs[0].nitems, 3);
	struct buf out = BUF_INIT;
	assert_int_equal(report_render(&b.d, REPORT_MD, &out, &e), 0);
	const char *md = buf_str(&out);
	assert_non_null(strstr(md, "## Homework from the therapist"));
	assert_non_null(strstr(md, "### Small \\<steps\\> week"));
	assert_non_null(strstr(md, "From Dr. Lee; given 2026-11-16, for 2026-11-23."));
	assert_non_null(strstr(md, "| How hard was it | a number from 0 (very hard) to 10 (easy) | "));
	assert_non_null(strstr(md, "6 of 10"));
	assert_non_null(strstr(md, "| One word for today | a short answer | answered |"));
	assert_non_null(strstr(md, "| Write it down | a journal prompt | not yet |"));
	assert_non_null(strstr(md, "Answer to \"One word for today\": marker-answer steady"));
	/* Every number given, oldest first with its day, not only the latest. */
	const char *nums = strstr(md, "Numbers given for \"How hard was it\", oldest first: "
	                              "2026-11-20: 2 \xc2\xb7 2026-11-23: 4 \xc2\xb7 ");
	assert_non_null(nums);
	assert_non_null(strstr(nums, ": 6.\n"));
	/* The summary says how much of the homework is done, and the answer. */
	assert_non_null(strstr(md, "- Homework: 2 of 3 items done as asked, in 1 pack.\n"));
	assert_non_null(strstr(md, "- Homework answers: \"One word for today\": marker-answer "
	                           "steady (in full under Homework from the therapist).\n"));
	buf_clear(&out);
	assert_int_equal(report_render(&b.d, REPORT_HTML, &out, &e), 0);
	assert_non_null(strstr(buf_str(&out), "<h3>Small &lt;steps&gt; week</h3>"));
	assert_null(strstr(buf_str(&out), "<steps>"));
	buf_clear(&out);
	assert_int_equal(report_preview(&b.d, &out, &e), 0);
	assert_non_null(strstr(buf_str(&out), "1 pack, 3 items and how far along each is; "
	                                      "3 numbers given on scales, with their days; "
	                                      "1 short answer, with their text"));
	assert_null(strstr(buf_str(&out), "marker-answer"));
	report_build_free(&b);

	buf_clear(&out);
	assert_int_equal(report_build_load(f->v, 100, 113, REPORT_DEFAULT, NULL, 0, &b, &e), 0);
	assert_int_equal(b.d.npacks, 0);
	assert_int_equal(report_render(&b.d, REPORT_MD, &out, &e), 0);
	assert_null(strstr(buf_str(&out), "marker-answer"));
	assert_null(strstr(buf_str(&out), "Homework"));
	report_build_free(&b);
	buf_free(&out);
	test_vault_free(f);
}

/* A scale answered more often than any report needs: the store hands back
 * only the newest, oldest first, and says that older ones were left out;
 * the report says so too. */
static void scores_are_capped(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct error e = {0};
	static const char pack[] =
	    "---\ntitle: Daily\nfrom: Dr. Lee\nassigned: 2026-11-01\n---\nEvery day.\n\n"
	    "## How today felt\nkind: scale\n\nA number.\n";
	struct homework h;
	assert_int_equal(homework_parse(pack, strlen(pack), 0, &h, &e), 0);
	int64_t id;
	bool existed;
	assert_int_equal(hwpack_add(f->v, pack, strlen(pack), h.title, h.from, h.assigned, h.due,
	                            &id, &existed, &e),
	                 0);
	homework_free(&h);
	enum { N = HWPACK_SCORES_MAX + 5 };
	for (int i = 0; i < N; i++) {
		char now[24];
		snprintf(now, sizeof(now), "%lld", 1793520000LL + i * 86400LL); /* from 2026-11-01 */
		setenv("TEND_NOW", now, 1);
		struct hw_mark m = HW_MARK_INIT;
		m.pack = id, m.item = 0, m.score = i % 11;
		assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	}
	unsetenv("TEND_NOW");
	struct hw_score sc[N + 1];
	size_t n;
	bool more;
	assert_int_equal(hwpack_scores(f->v, id, 0, sc, HWPACK_SCORES_MAX, &n, &more, &e), 0);
	assert_int_equal(n, HWPACK_SCORES_MAX);
	assert_true(more);
	assert_int_equal(sc[0].score, 5 % 11);
	assert_int_equal(sc[n - 1].score, (N - 1) % 11);
	assert_true(sc[0].at < sc[1].at);
	assert_int_equal(hwpack_scores(f->v, id, 0, sc, N + 1, &n, &more, &e), 0);
	assert_int_equal(n, N);
	assert_false(more);
	assert_int_equal(hwpack_scores(f->v, id, 1, sc, N + 1, &n, &more, &e), 0);
	assert_int_equal(n, 0);

	struct report_build b;
	assert_int_equal(report_build_load(f->v, 100, 113, REPORT_BIT(REPORT_HOMEWORK), NULL, 0, &b,
	                                   &e),
	                 0);
	assert_int_equal(b.d.packs[0].items[0].nscores, HWPACK_SCORES_MAX);
	struct buf out = BUF_INIT;
	assert_int_equal(report_render(&b.d, REPORT_MD, &out, &e), 0);
	assert_non_null(strstr(buf_str(&out), "Numbers given for \"How today felt\", the latest "
	                                      "ones, oldest first (older ones are left out): "
	                                      "2026-11-06: 5 \xc2\xb7 "));
	report_build_free(&b);
	buf_free(&out);
	test_vault_free(f);
}

SUITE(report, cmocka_unit_test(markdown_golden_daily), cmocka_unit_test(markdown_golden_weekly),
      cmocka_unit_test(html_is_escaped_and_self_contained), cmocka_unit_test(sections_on_and_off),
      cmocka_unit_test(preview_lists_without_text), cmocka_unit_test(reads_truly),
      cmocka_unit_test(parsers),
      cmocka_unit_test(build_from_a_vault), cmocka_unit_test(homework_section),
      cmocka_unit_test(summary_bring), cmocka_unit_test(scores_are_capped))
