/* Homework packs: the parser (good packs, the two examples, every kind of
 * mistake with its exact message) and the store (add, re-import, progress,
 * answers, remove). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/homework.h"
#include "store/homework.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "unit.h"
#include "../../src/store/store_int.h"

#define HEAD "---\ntitle: A week\nfrom: Sam\nassigned: 2026-11-20\n---\n"

static const char good[] = "---\n"
	"title: A steadier week\n"
	"from: Sam Rivera, Harbour Counselling\n"
	"assigned: 2026-11-20\n"
	"due: 2026-11-27\n"
	"note: Small things.\n"
	"---\n"
	"# Hello\n"
	"\n"
	"Some intro.\n"
	"\n"
	"## Read this\n"
	"kind: read\n"
	"page: nervous-system\n"
	"\n"
	"Skim it.\n"
	"## Breathe\n"
	"kind: exercise\n"
	"exercise: paced-breathing\n"
	"times: 3\n"
	"## Ground\n"
	"kind: exercise\n"
	"exercise: grounding-54321\n"
	"## Write\n"
	"kind: prompt\n"
	"\n"
	"When did you feel *steady*?\n"
	"## Rate\n"
	"kind: scale\n"
	"low: not at all\n"
	"high: very\n"
	"\n"
	"How settled was the week?\n"
	"## Say\n"
	"kind: answer\n";

static void parses_a_pack(void **state)
{
	(void)state;
	struct homework h;
	struct error e = {0};
	if (homework_parse(good, strlen(good), HW_CHECK_REFS, &h, &e))
		fail_msg("%s", e.msg);
	assert_string_equal(h.title, "A steadier week");
	assert_string_equal(h.from, "Sam Rivera, Harbour Counselling");
	assert_string_equal(h.assigned, "2026-11-20");
	assert_string_equal(h.due, "2026-11-27");
	assert_string_equal(h.note, "Small things.");
	assert_string_equal(h.intro, "# Hello\n\nSome intro.");
	assert_int_equal(h.nitems, 6);
	const struct hw_item *it = h.items;
	assert_int_equal(it[0].kind, HW_READ);
	assert_string_equal(it[0].target, "learn/09-nervous-system.md");
	assert_string_equal(it[0].target_title, "Noticing your nervous system");
	assert_string_equal(it[0].text, "Skim it.");
	assert_int_equal(it[0].line, 12);
	assert_int_equal(it[1].kind, HW_EXERCISE);
	assert_string_equal(it[1].target, "paced-breathing");
	assert_string_equal(it[1].target_title, "Paced breathing");
	assert_int_equal(it[1].times, 3);
	assert_string_equal(it[1].text, "");
	assert_string_equal(it[2].target_title, "5-4-3-2-1 grounding");
	assert_int_equal(it[2].times, 1); /* the default */
	assert_int_equal(it[3].kind, HW_PROMPT);
	assert_string_equal(it[3].text, "When did you feel *steady*?");
	assert_null(it[3].target);
	assert_int_equal(it[4].kind, HW_SCALE);
	assert_string_equal(it[4].low, "not at all");
	assert_string_equal(it[4].high, "very");
	assert_int_equal(it[5].kind, HW_ANSWER);
	assert_string_equal(it[5].heading, "Say");
	assert_string_equal(it[5].low, "");
	assert_string_equal(homework_kind_name(it[5].kind), "answer");
	homework_free(&h);
	homework_free(&h); /* harmless twice */

	/* CRLF line ends, a byte order mark, no due date, a path module. */
	const char crlf[] = "\xEF\xBB\xBF---\r\ntitle: T\r\nfrom: F\r\nassigned: 2026-01-31\r\n"
	                    "---\r\n## One\r\nkind: read\r\npage: boundaries\r\n";
	if (homework_parse(crlf, strlen(crlf), HW_CHECK_REFS, &h, &e))
		fail_msg("%s", e.msg);
	assert_null(h.due);
	assert_null(h.note);
	assert_string_equal(h.intro, "");
	assert_string_equal(h.items[0].target, "path/06-boundaries.md");
	homework_free(&h);
}

/* The packs in content/examples are what therapists copy: they must be
 * right. The tests run from the top of the tree. */
static void examples_parse(void **state)
{
	(void)state;
	static const struct {
		const char *path;
		size_t items;
	} ex[] = {
		{"content/examples/grounding-week.md", 6},
		{"content/examples/boundaries-week.md", 6},
		{"content/examples/steadiness-check.md", 2},
	};
	bool kinds[HW_KINDS] = {0};
	for (size_t i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
		struct buf b = BUF_INIT;
		struct error e = {0};
		if (read_file(ex[i].path, HOMEWORK_MAX_BYTES + 1, &b, NULL, &e))
			fail_msg("%s", e.msg);
		struct homework h;
		if (homework_parse(b.data, b.len, HW_CHECK_REFS, &h, &e))
			fail_msg("%s: %s", ex[i].path, e.msg);
		assert_int_equal(h.nitems, ex[i].items);
		for (size_t k = 0; k < h.nitems; k++) {
			kinds[h.items[k].kind] = true;
			assert_true(h.items[k].text[0] || h.items[k].kind == HW_ANSWER);
		}
		assert_non_null(h.due);
		homework_free(&h);
		buf_free(&b);
	}
	for (int k = 0; k < HW_KINDS; k++)
		if (!kinds[k])
			fail_msg("no %s item; the examples show every kind",
			         homework_kind_name((enum hw_kind)k));
}

static void bad_packs(void **state)
{
	(void)state;
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{"", "line 1: the file is empty; it must start with front matter between '---' "
		     "lines."},
		{"## Read\nkind: read\n", "line 1: the file must start with a line '---', then "
		                         "'key: value' lines, then '---'."},
		{"---\ntitle: T\nfrom: F\nassigned: 2026-11-20\n",
		 "line 4: the front matter opened on line 1 is never closed with '---'."},
		{"---\ntitle: T\nfrom: F\nassigned: 2026-11-20\nid: x\n---\n",
		 "line 5: unknown key 'id'; a pack's front matter has title, from, assigned, due, note, "
		 "content-note, label and key."},
		{"---\ntitle: T\nfrom: F\ntitle: U\n---\n", "line 4: 'title' is given twice; keep one."},
		{"---\ntitle: T\nassigned: 2026-11-20\n---\n## A\nkind: answer\n",
		 "line 4: the front matter has no from; add 'from: ...'."},
		{"---\ntitle: T\nfrom: F\n---\n", "line 4: the front matter has no assigned; add "
		                                 "'assigned: ...'."},
		{"---\ntitle: T\nfrom: F\nassigned: 2026-02-30\n---\n",
		 "line 4: assigned: 2026-02-30 is not a day on the calendar; check the month and the "
		 "day."},
		{"---\ntitle: T\nfrom: F\nassigned: 2026-11-20\ndue: next week\n---\n",
		 "line 5: due must be a date written YYYY-MM-DD, such as 2026-11-20."},
		{"---\ntitle: T\nfrom: F\nassigned: 2026-11-20\ndue: 2026-11-19\n---\n",
		 "line 5: due (2026-11-19) is before assigned (2026-11-20)."},
		{"---\ntitle:\nfrom: F\nassigned: 2026-11-20\n---\n", "line 2: title is empty."},
		{HEAD, "line 5: a pack needs at least one item, a '## ' heading with a kind under "
		       "it."},
		{HEAD "Just an intro.\n", "line 6: a pack needs at least one item, a '## ' heading "
		                         "with a kind under it."},
		{HEAD "## Read\n",
		 "line 6: the item 'Read' has no kind; put 'kind: read' (or exercise, prompt, scale, "
		 "answer, measure) right under its heading."},
		{HEAD "## Read\nkind: watch\n",
		 "line 7: kind 'watch' is not one tend knows; use read, exercise, prompt, scale, "
		 "answer or measure."},
		{HEAD "## Read\nkind: answer\nurl: x\n",
		 "line 8: unknown key 'url' in an item; the keys are kind, page, exercise, times, low, "
		 "high, content-note, and for a measure responses, score, reverse, bands and safety."},
		{HEAD "## Read\nkind: answer\nkind: answer\n",
		 "line 8: 'kind' is given twice in this item; keep one."},
		{HEAD "## Read\nkind: read\n",
		 "line 6: a read item needs 'page:' with a Learn page or path module id ('tend help "
		 "topics' lists them)."},
		{HEAD "## Read\nkind: read\npage: no-such-page\n",
		 "line 8: page 'no-such-page' is not a Learn page or path module in this tend ('tend "
		 "help topics' lists them)."},
		{HEAD "## Read\nkind: read\npage: spectrum\ntimes: 2\n",
		 "line 9: times: belongs to exercise items, and this one is kind: read."},
		{HEAD "## Do\nkind: exercise\n",
		 "line 6: an exercise item needs 'exercise:' with an exercise id ('tend help topics' "
		 "lists them)."},
		{HEAD "## Do\nkind: exercise\nexercise: juggling\n",
		 "line 8: exercise 'juggling' is not one this tend has ('tend help topics' lists every "
		 "one a pack may name)."},
		{HEAD "## Do\nkind: exercise\nexercise: support-map\n",
		 "line 8: support-map is a list the person keeps, not an exercise to repeat; a read "
		 "item or an answer item fits it better."},
		{HEAD "## Do\nkind: exercise\nexercise: paced-breathing\ntimes: 0\n",
		 "line 9: times must be a whole number from 1 to 50."},
		{HEAD "## Do\nkind: exercise\nexercise: paced-breathing\ntimes: 3x\n",
		 "line 9: times must be a whole number from 1 to 50."},
		{HEAD "## Write\nkind: prompt\n",
		 "line 6: a prompt item needs the prompt written under it, after a blank line."},
		{HEAD "## Rate\nkind: scale\nlow:\n", "line 8: low is empty."},
		{HEAD "## Rate\nkind: answer\nlow: x\n",
		 "line 8: low: belongs to scale items, and this one is kind: answer."},
		{HEAD "## Say\nkind: answer\nJust words\n",
		 "line 8: expected 'key: value' right under the heading (a blank line comes before "
		 "the item's text)."},
		{HEAD "## Say\nkind: answer\n## Say\nkind: answer\n",
		 "line 8: the heading 'Say' is used twice (first on line 6); give each item its own."},
		{HEAD "## \nkind: answer\n", "line 6: an item needs a heading after '## '."},
		{HEAD "## Say\nkind: answer\n\n### More\n",
		 "line 9: only '## ' starts an item, and an item's text has no headings of its own."},
		{HEAD "## Say\nkind: answer\n\nBad \xC3(\n",
		 "line 9: this line is not valid UTF-8; save the file as UTF-8."},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct homework h;
		struct error e;
		error_clear(&e);
		int rc = homework_parse(cases[i].text, strlen(cases[i].text), HW_CHECK_REFS, &h, &e);
		if (rc != -1 || strcmp(e.msg, cases[i].msg) != 0)
			fail_msg("case %zu: rc %d, message\n  '%s', wanted\n  '%s'", i, rc, e.msg,
			         cases[i].msg);
		assert_int_equal(e.code, E_CORRUPT);
		assert_null(h.title);
		assert_int_equal(h.nitems, 0);
	}
}

static void add_msg(const char *msg, void *arg)
{
	struct buf *b = arg;
	assert_int_equal(buf_printf(b, "%s\n", msg), 0);
}

/* One run names every problem, sorted by line, not only the first; a
 * blank line between a heading and its keys is not one of them. */
static void every_problem(void **state)
{
	(void)state;
	static const char text[] = "---\n"
		"title: T\n"
		"assigned: 2026-13-01\n"
		"colour: blue\n"
		"---\n"
		"## Breathe\n"
		"\n"
		"kind: exercise\n"
		"exercise: paced-breathing\n"
		"times: 0\n"
		"## Watch\n"
		"kind: video\n"
		"## Read\n"
		"kind: read\n"
		"low: x\n"
		"\n"
		"### Inside\n"
		"## Watch\n"
		"kind: answer\n";
	struct buf got = BUF_INIT;
	struct homework h;
	struct error e = {0};
	assert_int_equal(homework_check(text, strlen(text), HW_CHECK_REFS, &h, add_msg, &got, &e),
	                 -1);
	assert_int_equal(e.code, E_CORRUPT);
	assert_string_equal(buf_str(&got),
		"line 3: assigned: 2026-13-01 is not a day on the calendar; check the month and the "
		"day.\n"
		"line 4: unknown key 'colour'; a pack's front matter has title, from, assigned, due, "
		"note, content-note, label and key.\n"
		"line 5: the front matter has no from; add 'from: ...'.\n"
		"line 10: times must be a whole number from 1 to 50.\n"
		"line 12: kind 'video' is not one tend knows; use read, exercise, prompt, scale, "
		"answer or measure.\n"
		"line 13: a read item needs 'page:' with a Learn page or path module id ('tend help "
		"topics' lists them).\n"
		"line 15: low: belongs to scale items, and this one is kind: read.\n"
		"line 17: only '## ' starts an item, and an item's text has no headings of its "
		"own.\n"
		"line 18: the heading 'Watch' is used twice (first on line 11); give each item its "
		"own.\n");
	assert_string_equal(e.msg, "line 3: assigned: 2026-13-01 is not a day on the calendar; "
	                           "check the month and the day.");
	assert_null(h.title);
	buf_free(&got);
	/* The same items with the header put right and the mistakes fixed:
	 * the blank line after "## Breathe" is fine. */
	static const char fine[] = HEAD "## Breathe\n\nkind: exercise\nexercise: paced-breathing\n"
	                           "times: 2\n\nSlowly.\n";
	if (homework_parse(fine, strlen(fine), HW_CHECK_REFS, &h, &e))
		fail_msg("%s", e.msg);
	assert_int_equal(h.items[0].kind, HW_EXERCISE);
	assert_int_equal(h.items[0].times, 2);
	assert_string_equal(h.items[0].text, "Slowly.");
	homework_free(&h);
}

/* Every exercise the list offers, the parser takes; paced-breathing is
 * one. */
static int count_ex(const char *id, const char *title, void *arg)
{
	int *n = arg;
	char text[300];
	snprintf(text, sizeof(text), HEAD "## Do\nkind: exercise\nexercise: %s\n", id);
	struct homework h;
	struct error e = {0};
	if (homework_parse(text, strlen(text), HW_CHECK_REFS, &h, &e))
		fail_msg("%s: %s", id, e.msg);
	assert_string_equal(h.items[0].target_title, title);
	homework_free(&h);
	if (strcmp(id, "paced-breathing") == 0)
		n[1]++;
	n[0]++;
	return 0;
}

static void exercise_list(void **state)
{
	(void)state;
	int n[2] = {0, 0};
	assert_int_equal(homework_exercises_each(count_ex, n), 0);
	assert_true(n[0] > 5);
	assert_int_equal(n[1], 1);
}

/* A measure: its questions and responses from the pack, scored by its
 * rule (reversed questions turned round), its bands found, its answers
 * kept as text and read back; every mistake in one named by line. */
static void measure(void **state)
{
	(void)state;
	static const char text[] = HEAD "## Check\nkind: measure\n"
		"responses: never | sometimes | often | always\n"
		"score: mean\nreverse: 2\nsafety: 3\nbands: 0-1 low | 1.01-3 high\n\n"
		"Think of the week.\n\n1. One.\n2. Two.\n3. Three.\n";
	struct homework h;
	struct error e = {0};
	if (homework_parse(text, strlen(text), HW_CHECK_REFS, &h, &e))
		fail_msg("%s", e.msg);
	const struct hw_item *it = &h.items[0];
	assert_int_equal(it->kind, HW_MEASURE);
	assert_string_equal(it->text, "Think of the week.");
	assert_int_equal(it->m.nquestions, 3);
	assert_string_equal(it->m.questions[2], "Three.");
	assert_int_equal(it->m.nresponses, 4);
	assert_string_equal(it->m.responses[3], "always");
	assert_true(it->m.mean && it->m.reversed[1] && !it->m.reversed[0] && it->m.safety[2]);
	int a[HOMEWORK_MAX_QUESTIONS] = {3, 3, 0};
	/* (3 + (3 - 3) + 0) / 3 = 1 */
	assert_true(homework_measure_score(it, a) > 0.99 && homework_measure_score(it, a) < 1.01);
	assert_string_equal(homework_measure_band(it, 1.0), "low");
	assert_string_equal(homework_measure_band(it, 2.5), "high");
	char enc[64];
	assert_int_equal(homework_measure_encode(it, a, enc, sizeof(enc)), 0);
	assert_string_equal(enc, "3,3,0");
	int back[HOMEWORK_MAX_QUESTIONS];
	assert_int_equal(homework_measure_decode(it, enc, back), 0);
	assert_int_equal(back[0], 3);
	assert_int_equal(back[2], 0);
	assert_int_equal(homework_measure_decode(it, "3,3", back), -1);
	assert_int_equal(homework_measure_decode(it, "3,3,4", back), -1);
	assert_int_equal(homework_measure_decode(it, "3,3,0,1", back), -1);
	homework_free(&h);

	static const char bad[] = HEAD "## Check\nkind: measure\nscore: median\nreverse: 4\n"
		"bands: low\n\n1. One.\n3. Three.\nloose words\n";
	struct buf got = BUF_INIT;
	assert_int_equal(homework_check(bad, strlen(bad), HW_CHECK_REFS, &h, add_msg, &got, &e),
	                 -1);
	assert_string_equal(buf_str(&got),
		"line 6: a measure needs 'responses:', the answers to choose from with '|' between "
		"them, such as 'responses: never | sometimes | often'.\n"
		"line 8: score: is sum or mean.\n"
		"line 9: reverse: takes question numbers from 1 to 1, with commas between, such as "
		"'reverse: 2, 4'.\n"
		"line 10: bands: each band is 'FROM-TO label', such as '0-4 low', with '|' between "
		"them (at most 8).\n"
		"line 13: questions are numbered 1, 2, 3... in order; this one should be 2.\n"
		"line 14: after the first question, every line is a numbered question ('2. ...').\n");
	buf_free(&got);
}

static void limits(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct homework h;
	struct error e = {0};
	/* Twenty items are fine; the twenty-first is named. */
	assert_int_equal(buf_puts(&b, HEAD), 0);
	for (int i = 1; i <= 21; i++)
		assert_int_equal(buf_printf(&b, "## Item %d\nkind: answer\n", i), 0);
	assert_int_equal(homework_parse(b.data, b.len, HW_CHECK_REFS, &h, &e), -1);
	assert_string_equal(e.msg, "line 46: more than 20 items; a pack holds at most 20, so "
	                           "split it in two.");
	char *cut = strstr(b.data, "## Item 21");
	assert_int_equal(homework_parse(b.data, (size_t)(cut - b.data), HW_CHECK_REFS, &h, &e), 0);
	assert_int_equal(h.nitems, 20);
	homework_free(&h);
	/* Too large, before anything else is looked at. */
	buf_clear(&b);
	assert_int_equal(buf_puts(&b, HEAD "## Say\nkind: answer\n\n"), 0);
	while (b.len <= HOMEWORK_MAX_BYTES)
		assert_int_equal(buf_puts(&b, "Words and more words.\n"), 0);
	assert_int_equal(homework_parse(b.data, b.len, HW_CHECK_REFS, &h, &e), -1);
	char want[160];
	snprintf(want, sizeof(want), "The pack is %zu bytes; a pack may be at most 65536 bytes "
	                             "(64 KiB).", b.len);
	assert_string_equal(e.msg, want);
	/* A NUL byte is named by its line. */
	const char nul[] = HEAD "## Say\nkind: answer\n\nA\0B\n";
	assert_int_equal(homework_parse(nul, sizeof(nul) - 1, HW_CHECK_REFS, &h, &e), -1);
	assert_string_equal(e.msg, "line 9: the file holds a NUL byte; a pack is a plain text file.");
	buf_free(&b);
}

/* A pack already in the vault is read without checking its references,
 * so a page this tend lacks does not hide the rest. */
static void unchecked_refs(void **state)
{
	(void)state;
	const char text[] = HEAD "## Old page\nkind: read\npage: gone-page\n"
	                         "## Old exercise\nkind: exercise\nexercise: gone\ntimes: 2\n";
	struct homework h;
	struct error e = {0};
	assert_int_equal(homework_parse(text, strlen(text), HW_CHECK_REFS, &h, &e), -1);
	if (homework_parse(text, strlen(text), 0, &h, &e))
		fail_msg("%s", e.msg);
	assert_string_equal(h.items[0].target, "gone-page");
	assert_null(h.items[0].target_title);
	assert_string_equal(h.items[1].target, "gone");
	assert_null(h.items[1].target_title);
	assert_int_equal(h.items[1].times, 2);
	homework_free(&h);
}

static void stored(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct homework h;
	struct error e = {0};
	assert_int_equal(homework_parse(good, strlen(good), HW_CHECK_REFS, &h, &e), 0);
	int64_t id, again;
	bool existed = true;
	assert_int_equal(hwpack_count(f->v, &e), 0);
	assert_int_equal(hwpack_add(f->v, good, strlen(good), h.title, h.from, h.assigned, h.due,
	                            &id, &existed, &e), 0);
	assert_false(existed);
	/* The same file again is recognised, not added twice. */
	assert_int_equal(hwpack_add(f->v, good, strlen(good), h.title, h.from, h.assigned, h.due,
	                            &again, &existed, &e), 0);
	assert_true(existed);
	assert_int_equal(again, id);
	assert_int_equal(hwpack_count(f->v, &e), 1);
	/* A changed file is a new pack. */
	assert_int_equal(hwpack_add(f->v, good, strlen(good) - 1, h.title, h.from, h.assigned, NULL,
	                            &again, &existed, &e), 0);
	assert_false(existed);
	assert_true(again != id);
	assert_int_equal(hwpack_count(f->v, &e), 2);

	struct hw_pack *packs;
	size_t n;
	assert_int_equal(hwpack_list(f->v, &packs, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(packs[0].id, id);
	assert_string_equal(packs[0].text, good);
	assert_string_equal(packs[0].from, "Sam Rivera, Harbour Counselling");
	assert_string_equal(packs[0].due, "2026-11-27");
	assert_string_equal(packs[1].due, "");
	assert_true(packs[0].imported_at > 0);
	hwpack_list_free(packs, n);

	/* Two runs of the exercise, two numbers, an answer. */
	struct hw_mark m = HW_MARK_INIT;
	m.pack = id;
	m.item = 1;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	m.item = 4;
	m.score = 6;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	m.score = 8;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	m = (struct hw_mark)HW_MARK_INIT;
	m.pack = id;
	m.item = 5;
	m.answer = "marker-answer";
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	m.score = 11;
	assert_int_equal(hwpack_mark(f->v, &m, &e), -1);
	assert_int_equal(e.code, E_USAGE);

	struct hw_progress pr[HOMEWORK_MAX_ITEMS];
	assert_int_equal(hwpack_progress(f->v, id, NULL, pr, h.nitems, &e), 0);
	assert_int_equal(pr[0].done, 0);
	assert_int_equal(pr[0].last_at, 0);
	assert_int_equal(pr[1].done, 2);
	assert_true(pr[1].last_at > 0);
	assert_int_equal(pr[1].last_score, -1);
	assert_null(pr[1].last_answer);
	assert_int_equal(pr[4].done, 2);
	assert_int_equal(pr[4].last_score, 8); /* the latest */
	assert_int_equal(pr[5].done, 1);
	assert_string_equal(pr[5].last_answer, "marker-answer");
	hwpack_progress_clear(pr, h.nitems);
	/* The other pack has its own progress. */
	assert_int_equal(hwpack_progress(f->v, again, NULL, pr, h.nitems, &e), 0);
	assert_int_equal(pr[1].done, 0);
	hwpack_progress_clear(pr, h.nitems);

	/* Removing takes the progress with it. */
	assert_int_equal(hwpack_remove(f->v, id, &e), 0);
	assert_int_equal(hwpack_count(f->v, &e), 1);
	assert_int_equal(hwpack_remove(f->v, id, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	assert_non_null(strstr(e.msg, "no homework pack"));
	m.score = -1;
	assert_int_equal(hwpack_mark(f->v, &m, &e), -1);
	assert_int_equal(hwpack_progress(f->v, id, NULL, pr, h.nitems, &e), 0);
	assert_int_equal(pr[5].done, 0);
	hwpack_progress_clear(pr, h.nitems);
	homework_free(&h);
	test_vault_free(f);
}

/* Practice done anywhere counts toward an exercise item: a finished
 * session of the same exercise on a day from assigned (2026-11-20) through
 * the session day (2026-11-27), wherever it was started; one started from
 * the pack (a mark and a session) counts once; a session before, after, or
 * not finished does not count. */
static void practice_anywhere(void **state)
{
	(void)state;
	struct test_vault *f = test_vault_new();
	struct homework h;
	struct error e = {0};
	assert_int_equal(homework_parse(good, strlen(good), HW_CHECK_REFS, &h, &e), 0);
	int64_t id;
	bool existed;
	assert_int_equal(hwpack_add(f->v, good, strlen(good), h.title, h.from, h.assigned, h.due,
	                            &id, &existed, &e), 0);
	const char *names[HOMEWORK_MAX_ITEMS];
	homework_practice_names(&h, names);
	assert_null(names[0]); /* read */
	assert_string_equal(names[1], "Paced breathing");
	assert_string_equal(names[2], "5-4-3-2-1 grounding");
	assert_null(names[3]);
	/* 1795651200 is 2026-11-26 00:00 UTC; at_off is in minutes. */
	assert_int_equal(store_exec(vault_db(f->v),
		"INSERT INTO exercise_sessions(at, at_off, exercise, finished) VALUES"
		" (1795651200, 0, 'Paced breathing', 1),"          /* in the window */
		" (1795651200 - 60, 0, 'Paced breathing', 1),"     /* 25 Nov, in it */
		" (1795651200 - 7 * 86400, 0, 'Paced breathing', 1)," /* 19 Nov: before */
		" (1795651200 + 2 * 86400 - 60, 0, 'Paced breathing', 1)," /* 27 Nov 23:59 */
		" (1795651200 + 2 * 86400, 0, 'Paced breathing', 1),"  /* 28 Nov: after */
		" (1795651200 + 2 * 86400 - 60, 60, 'Paced breathing', 1)," /* 28 Nov where it was */
		" (1795651200, 0, 'Paced breathing', 0),"          /* not finished */
		" (1795651200, 0, 'Thought record', 1)", &e), 0);
	struct hw_progress pr[HOMEWORK_MAX_ITEMS];
	assert_int_equal(hwpack_progress(f->v, id, names, pr, h.nitems, &e), 0);
	assert_int_equal(pr[1].done, 3);
	assert_int_equal(pr[2].done, 0);
	hwpack_progress_clear(pr, h.nitems);
	/* Marks from the pack are runs that are sessions too: not added on. */
	struct hw_mark m = HW_MARK_INIT;
	m.pack = id;
	m.item = 1;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	m.item = 2;
	assert_int_equal(hwpack_mark(f->v, &m, &e), 0);
	assert_int_equal(hwpack_progress(f->v, id, names, pr, h.nitems, &e), 0);
	assert_int_equal(pr[1].done, 3);
	assert_int_equal(pr[2].done, 1);
	hwpack_progress_clear(pr, h.nitems);
	/* Without names, only the marks. */
	assert_int_equal(hwpack_progress(f->v, id, NULL, pr, h.nitems, &e), 0);
	assert_int_equal(pr[1].done, 1);
	hwpack_progress_clear(pr, h.nitems);
	homework_free(&h);
	test_vault_free(f);
}

SUITE(homework, cmocka_unit_test(parses_a_pack), cmocka_unit_test(examples_parse),
      cmocka_unit_test(bad_packs), cmocka_unit_test(every_problem),
      cmocka_unit_test(exercise_list), cmocka_unit_test(measure), cmocka_unit_test(limits),
      cmocka_unit_test(unchecked_refs),
      cmocka_unit_test(stored), cmocka_unit_test(practice_anywhere))
