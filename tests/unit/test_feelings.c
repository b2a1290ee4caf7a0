/* feelings: a check-in's feelings shown as words, not as kept. */
#include <string.h>

#include "core/feelings.h"
#include "unit.h"

static void as_words(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(feelings_words("sad/lonely,sad/grieving", out, sizeof(out)), 16);
	assert_string_equal(out, "lonely, grieving");
	feelings_words("sad/lonely,tired,numb/far away", out, sizeof(out));
	assert_string_equal(out, "lonely, tired, far away");
	/* typed words (tend mood --emotion, --plain) as they are, trimmed */
	feelings_words(" calm , , hopeful", out, sizeof(out));
	assert_string_equal(out, "calm, hopeful");
	feelings_words("", out, sizeof(out));
	assert_string_equal(out, "");
	feelings_words(NULL, out, sizeof(out));
	assert_string_equal(out, "");
}

/* Too little room: cut after a whole word, never inside one. */
static void cut_at_a_word(void **state)
{
	(void)state;
	char out[12];
	feelings_words("sad/lonely,sad/grieving", out, sizeof(out));
	assert_string_equal(out, "lonely");
	char one[1];
	feelings_words("tired", one, sizeof(one));
	assert_string_equal(one, "");
}

SUITE(feelings, cmocka_unit_test(as_words), cmocka_unit_test(cut_at_a_word))
