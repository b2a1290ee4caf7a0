#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content/exercise.h"
#include "unit.h"

#define HEAD "---\nid: x\ntitle: X\n---\n"

static const char good[] = HEAD
	"# X\n\nIntro text.\n\n"
	"## What happened\n"
	"answer: text\n"
	"id: situation\n"
	"\n"
	"Say what happened.\n"
	"\n"
	"## How strong\n"
	"answer: scale\n"
	"low: not at all\n"
	"high: very\n"
	"\n"
	"Rate it.\n"
	"## Pause\n"
	"answer: none\n"
	"\n"
	"Breathe.\n"
	"## Feeling\n"
	"id: feeling\n"
	"\n"
	"What did you feel?\n"
	"## Say it\n"
	"answer: compose\n"
	"template: When {situation}, I felt {feeling}.\n"
	"\n"
	"Change anything.\n";

static void parses_steps(void **state)
{
	(void)state;
	struct exercise_def d;
	struct error e = {0};
	assert_int_equal(exercise_parse(good, strlen(good), &d, &e), 0);
	assert_string_equal(d.intro, "# X\n\nIntro text.");
	assert_int_equal(d.nsteps, 5);
	assert_string_equal(d.steps[0].heading, "What happened");
	assert_string_equal(d.steps[0].id, "situation");
	assert_int_equal(d.steps[0].kind, ANSWER_TEXT);
	assert_string_equal(d.steps[0].guide, "Say what happened.");
	assert_int_equal(d.steps[1].kind, ANSWER_SCALE);
	assert_string_equal(d.steps[1].low, "not at all");
	assert_string_equal(d.steps[1].high, "very");
	assert_string_equal(d.steps[1].guide, "Rate it.");
	assert_int_equal(d.steps[2].kind, ANSWER_NONE);
	assert_int_equal(d.steps[3].kind, ANSWER_TEXT); /* the default */
	assert_string_equal(d.steps[3].low, "");
	assert_int_equal(d.steps[4].kind, ANSWER_COMPOSE);
	assert_string_equal(d.steps[4].guide, "Change anything.");
	exercise_free(&d);
}

static void composes(void **state)
{
	(void)state;
	struct exercise_def d;
	struct error e = {0};
	assert_int_equal(exercise_parse(good, strlen(good), &d, &e), 0);
	const char *answers[5] = {"  my friend\ncancelled again.\n\n", "", NULL, "", NULL};
	struct buf out = BUF_INIT;
	assert_int_equal(exercise_compose(&d, 4, answers, &out), 0);
	/* On one line, the full stop dropped; a skipped answer shows as "...". */
	assert_string_equal(buf_str(&out), "When my friend cancelled again, I felt ....");
	answers[3] = "let down";
	assert_int_equal(exercise_compose(&d, 4, answers, &out), 0);
	assert_string_equal(buf_str(&out), "When my friend cancelled again, I felt let down.");
	/* A step with no template composes to nothing. */
	assert_int_equal(exercise_compose(&d, 0, answers, &out), 0);
	assert_string_equal(buf_str(&out), "");
	buf_free(&out);
	/* Gaps: placeholders whose step has no answer (spaces are none). */
	size_t refs = 0;
	assert_int_equal(exercise_compose_gaps(&d, 4, answers, &refs), 0);
	assert_int_equal(refs, 2);
	answers[3] = " \n ";
	assert_int_equal(exercise_compose_gaps(&d, 4, answers, NULL), 1);
	answers[0] = NULL;
	assert_int_equal(exercise_compose_gaps(&d, 4, answers, &refs), 2);
	assert_int_equal(exercise_compose_gaps(&d, 0, answers, &refs), 0);
	assert_int_equal(refs, 0);
	exercise_free(&d);
}

static void bad_files(void **state)
{
	(void)state;
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{HEAD "Only an intro.\n", "line 6: an exercise needs at least one '## ' step"},
		{HEAD "## A\nanswer: sing\n\nx\n", "line 6: answer is text, scale, none or compose"},
		{HEAD "## A\nGuidance without a blank line.\n", "line 6: expected 'key: value'"},
		{HEAD "## A\ncolour: red\n\nx\n", "line 6: unknown key 'colour'"},
		{HEAD "## A\nid: a\n\nx\n## B\nid: a\n\ny\n", "line 10: id 'a' is not a new id"},
		{HEAD "## A\nid: Big Id\n\nx\n", "line 6: id 'Big Id'"},
		{HEAD "## A\n\nx\n## A\n\ny\n", "line 8: heading 'A' is used twice"},
		{HEAD "## \n\nx\n", "line 5: a step needs a heading"},
		{HEAD "## A\n\nx\n### Deeper\n", "line 8: no headings inside a step"},
		{HEAD "## A\nanswer: compose\n\nx\n", "line 5: a compose step needs a template:"},
		{HEAD "## A\nanswer: compose\ntemplate: {later}\n\nx\n## B\nid: later\n\ny\n",
		 "line 5: {later} is not an earlier text step's id"},
		{HEAD "## A\nid: s\nanswer: scale\n\nx\n## B\nanswer: compose\ntemplate: {s}\n\ny\n",
		 "line 10: {s} is not an earlier text step's id"},
		{HEAD "## A\nid: a\n\nx\n## B\nanswer: compose\ntemplate: {a\n\ny\n",
		 "line 9: '{' without '}'"},
		{HEAD "## A\ntemplate: {a}\n\nx\n", "line 5: template: is for compose steps"},
		{"---\ntitle: no id\n---\n## A\n\nx\n", "id"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct exercise_def d;
		struct error e = {0};
		if (exercise_parse(cases[i].text, strlen(cases[i].text), &d, &e) == 0)
			fail_msg("case %zu parsed", i);
		if (!strstr(e.msg, cases[i].msg))
			fail_msg("case %zu: '%s' lacks '%s'", i, e.msg, cases[i].msg);
		exercise_free(&d);
	}
	/* Thirteen steps is one too many. */
	char many[2048] = HEAD;
	for (int i = 0; i <= EXERCISE_MAX_STEPS; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many), "## S%d\n\nx\n", i);
	struct exercise_def d;
	struct error e = {0};
	assert_int_equal(exercise_parse(many, strlen(many), &d, &e), -1);
	assert_non_null(strstr(e.msg, "more than 12 steps"));
	exercise_free(&d);
}

/* Every exercise a path module names exists, as a file here or as one of
 * the views the path knows by id; every file parses and has its sources. */
static void embedded_exercises_valid(void **state)
{
	(void)state;
	unsetenv("TEND_CONTENT_DIR");
	content_cache_clear();
	const char *paths[64];
	size_t n = content_list("exercises/", paths, 64);
	assert_true(n >= 8 && n <= 64);
	for (size_t i = 0; i < n; i++) {
		const char *p = paths[i];
		size_t len = strlen(p);
		if (len < 4 || strcmp(p + len - 3, ".md") != 0)
			continue;
		char id[64];
		snprintf(id, sizeof(id), "%.*s", (int)(len - 3 - 10), p + 10);
		if (strcmp(id, "affirmations") == 0)
			continue; /* a list, not steps (views/affirm.c) */
		struct exercise_def d;
		struct error e = {0};
		if (exercise_load(id, &d, &e))
			fail_msg("%s", e.msg);
		assert_string_equal(d.m.id, id);
		if (!d.m.reviewed || d.m.nsources < 2)
			fail_msg("%s: needs 'reviewed:' and two 'source:' lines", p);
		assert_true(d.nsteps >= 3);
		exercise_free(&d);
	}
	/* Every path module offers at least one exercise, and each exists:
	 * a file here, or a screen of its own (views/path.c). */
	const char *mods[32];
	size_t nm = content_list("path/", mods, 32);
	assert_true(nm >= 10 && nm <= 32);
	for (size_t i = 0; i < nm; i++) {
		struct page_meta m;
		struct error e = {0};
		if (page_load(mods[i], &m, NULL, NULL, &e))
			fail_msg("%s", e.msg);
		if (m.nexercises < 1)
			fail_msg("%s names no exercise", mods[i]);
		for (size_t k = 0; k < m.nexercises; k++)
			if (!exercise_exists(m.exercises[k]) &&
			    strcmp(m.exercises[k], "paced-breathing") != 0 &&
			    strcmp(m.exercises[k], "support-map") != 0)
				fail_msg("%s: no exercise '%s'", mods[i], m.exercises[k]);
		page_meta_free(&m);
	}
	assert_false(exercise_exists("no-such-thing"));
	assert_false(exercise_exists("../learn/01-spectrum"));
	struct exercise_def d;
	struct error e = {0};
	assert_int_equal(exercise_load("no-such-thing", &d, &e), -1);
	assert_string_equal(e.msg, "No exercise no-such-thing.");
}

SUITE(exercise, cmocka_unit_test(parses_steps), cmocka_unit_test(composes),
      cmocka_unit_test(bad_files), cmocka_unit_test(embedded_exercises_valid))
