/* test_trigger.c: the rules of check-ins and trigger logs in core: scores,
 * what a check-in the vault takes is, and the trigger log's questions. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/checkin.h"
#include "core/trigger.h"
#include "unit.h"
#include "util/error.h"

static void scores(void **state)
{
	(void)state;
	int n = 99;
	assert_int_equal(score_parse("0", &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(score_parse("10", &n), 0);
	assert_int_equal(n, 10);
	const char *bad[] = {"", "11", "-1", "5x", "x", "4.5"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		n = 99;
		assert_int_equal(score_parse(bad[i], &n), -1);
		assert_int_equal(n, 99);
	}
	assert_true(score_or_none(-1));
	assert_true(score_or_none(10));
	assert_false(score_or_none(11));
	assert_false(score_or_none(-2));
}

static void checkins_the_vault_takes(void **state)
{
	(void)state;
	struct error e = {0};
	struct checkin c = CHECKIN_INIT;
	assert_int_equal(checkin_check(&c, &e), 0);
	c.tolerance = "within";
	assert_int_equal(checkin_check(&c, &e), 0);
	c.tolerance = "calm";
	assert_int_equal(checkin_check(&c, &e), -1);
	assert_int_equal(e.code, E_USAGE);
	assert_non_null(strstr(e.msg, "window of tolerance"));
	c = (struct checkin)CHECKIN_INIT;
	c.score = 11;
	error_clear(&e);
	assert_int_equal(checkin_check(&c, &e), -1);
	assert_non_null(strstr(e.msg, "0 to 10"));
	c = (struct checkin)CHECKIN_INIT;
	c.energy = -2;
	assert_int_equal(checkin_check(&c, &e), -1);
	c = (struct checkin)CHECKIN_INIT;
	c.sleep_hours = 24.5;
	error_clear(&e);
	assert_int_equal(checkin_check(&c, &e), -1);
	assert_non_null(strstr(e.msg, "24"));
}

static void the_trigger_questions(void **state)
{
	(void)state;
	/* The command line asks these, in this order. */
	static const enum trigger_field asked[] = {TF_KIND, TF_WHAT,  TF_WHERE, TF_BEFORE,
	                                           TF_DID,  TF_AFTER, TF_HELPED};
	size_t k = 0;
	for (int f = 0; f < TF_COUNT; f++) {
		const struct trigger_question *q = &trigger_questions[f];
		assert_non_null(q->label);
		assert_non_null(q->about);
		struct trigger_log t = TRIGGER_INIT;
		/* a scale is kept as a score, words as text */
		assert_int_equal(q->answer == TA_SCALE, trigger_field_score(&t, f) != NULL);
		assert_int_equal(q->answer == TA_TEXT || q->answer == TA_KIND,
		                 trigger_field_text(&t, f) != NULL);
		if (q->question) {
			assert_true(k < sizeof(asked) / sizeof(asked[0]));
			assert_int_equal(f, asked[k++]);
		}
	}
	assert_int_equal(k, sizeof(asked) / sizeof(asked[0]));
	assert_int_equal(trigger_questions[TF_HELPED].after, TF_AFTER);
	assert_string_equal(trigger_questions[TF_BEFORE].label, "Distress then (0-10)");
}

static void trigger_answers(void **state)
{
	(void)state;
	struct trigger_log t = TRIGGER_INIT;
	assert_false(trigger_field_given(&t, TF_AFTER));
	assert_false(trigger_field_given(&t, TF_WHAT));
	*trigger_field_score(&t, TF_AFTER) = 0;
	assert_int_equal(t.suds_after, 0);
	assert_true(trigger_field_given(&t, TF_AFTER));
	*trigger_field_text(&t, TF_WHERE) = "";
	assert_false(trigger_field_given(&t, TF_WHERE));
	*trigger_field_text(&t, TF_WHERE) = "home";
	assert_string_equal(t.place, "home");
	assert_true(trigger_field_given(&t, TF_WHERE));
	struct error e = {0};
	assert_int_equal(trigger_check(&t, &e), 0);
	t.helped = 11;
	assert_int_equal(trigger_check(&t, &e), -1);
	assert_int_equal(e.code, E_USAGE);
}

SUITE(trigger, cmocka_unit_test(scores), cmocka_unit_test(checkins_the_vault_takes),
      cmocka_unit_test(the_trigger_questions), cmocka_unit_test(trigger_answers))
