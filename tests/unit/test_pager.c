/* The pager without a terminal: scrolling stays in range, a page is the
 * lines shown less one, find goes forward and back and round the end once,
 * and the place survives a new layout by section. The text is an array of
 * lines; a NULL line is a gap. */
#include <string.h>

#include "unit.h"
#include "widgets/pager.h"

struct text {
	const char **lines;
	size_t n;
	const size_t *sections; /* first line of sections 1, 2, ... */
};

static const char *t_text(const void *data, size_t i, size_t *len)
{
	const struct text *t = data;
	const char *s = i < t->n ? t->lines[i] : NULL;
	*len = s ? strlen(s) : 0;
	return s;
}

static size_t t_section(const void *data, size_t k)
{
	const struct text *t = data;
	return t->sections[k - 1];
}

static const struct pager_ops ops = {.text = t_text, .section = t_section};

static void scrolls_in_range(void **state)
{
	(void)state;
	struct pager p;
	pager_init(&p, &ops, NULL);
	p.vis = 10;
	pager_relaid(&p, 25, 1, 40, pager_place(&p));
	assert_int_equal(pager_max_top(&p), 15);
	assert_int_equal(pager_percent(&p), 0);
	assert_true(pager_action(&p, ACT_UP));
	assert_int_equal(p.top, 0);
	assert_true(pager_action(&p, ACT_DOWN));
	assert_int_equal(p.top, 1);
	assert_true(pager_action(&p, ACT_PGDN));
	assert_int_equal(p.top, 10);
	assert_true(pager_action(&p, ACT_PGDN));
	assert_int_equal(p.top, 15);
	assert_int_equal(pager_percent(&p), 100);
	assert_true(pager_action(&p, ACT_DOWN));
	assert_int_equal(p.top, 15);
	assert_true(pager_action(&p, ACT_PGUP));
	assert_int_equal(p.top, 6);
	assert_true(pager_action(&p, ACT_PGUP));
	assert_int_equal(p.top, 0);
	assert_true(pager_action(&p, ACT_BOTTOM));
	assert_int_equal(p.top, 15);
	assert_true(pager_action(&p, ACT_TOP));
	assert_int_equal(p.top, 0);
	assert_false(pager_action(&p, ACT_SELECT));
	/* A text shorter than the screen does not scroll and is all read. */
	pager_relaid(&p, 4, 1, 40, pager_place(&p));
	assert_true(pager_action(&p, ACT_PGDN));
	assert_int_equal(p.top, 0);
	assert_int_equal(pager_percent(&p), 100);
	/* One line shown: a page is still one line. */
	pager_relaid(&p, 25, 1, 40, pager_place(&p));
	p.vis = 1;
	assert_true(pager_action(&p, ACT_PGDN));
	assert_int_equal(p.top, 1);
}

static void shows_a_line_a_third_down(void **state)
{
	(void)state;
	struct pager p;
	pager_init(&p, &ops, NULL);
	p.vis = 9;
	pager_relaid(&p, 100, 1, 40, pager_place(&p));
	pager_show(&p, 5); /* in view: nothing moves */
	assert_int_equal(p.top, 0);
	pager_show(&p, 50);
	assert_int_equal(p.top, 47);
	pager_show(&p, 99);
	assert_int_equal(p.top, 91);
	pager_show(&p, 1);
	assert_int_equal(p.top, 0);
}

static const char *page[] = {
	"Grounding",      "Feet on the floor.", "name five things", NULL,
	"More grounding", "breathe",            "Five slow breaths", "end",
};

static void finds_forward_back_and_round(void **state)
{
	(void)state;
	struct text t = {page, 8, NULL};
	struct pager p;
	pager_init(&p, &ops, &t);
	p.vis = 3;
	pager_relaid(&p, t.n, 1, 40, pager_place(&p));
	/* Nothing to find. */
	assert_int_equal(pager_find(&p, 1, false), PAGER_NOTHING);
	strcpy(p.query, "FIVE");
	assert_int_equal(pager_find_line(&p, 0, 1), 2);
	assert_int_equal(pager_find_line(&p, 3, 1), 6);
	assert_int_equal(pager_find_line(&p, 5, -1), 2);
	assert_int_equal(pager_find_line(&p, 100, -1), 6);
	assert_int_equal(pager_find(&p, 1, false), PAGER_FOUND);
	assert_int_equal(p.match, 2);
	assert_int_equal(pager_find(&p, 1, true), PAGER_FOUND);
	assert_int_equal(p.match, 6);
	assert_true(p.top <= 6 && 6 < p.top + 3);
	/* On past the last: round to the top. */
	assert_int_equal(pager_find(&p, 1, true), PAGER_WRAPPED);
	assert_int_equal(p.match, 2);
	/* Back before the first: round to the end. */
	assert_int_equal(pager_find(&p, -1, true), PAGER_WRAPPED);
	assert_int_equal(p.match, 6);
	/* One line holds it: going round finds the same line. */
	strcpy(p.query, "floor");
	p.match = -1;
	p.top = 0;
	assert_int_equal(pager_find(&p, 1, false), PAGER_FOUND);
	assert_int_equal(pager_find(&p, 1, true), PAGER_ONLY);
	assert_int_equal(p.match, 1);
	strcpy(p.query, "nowhere");
	assert_int_equal(pager_find(&p, 1, true), PAGER_NONE);
	assert_int_equal(p.match, -1);
}

static void keeps_the_place_by_section(void **state)
{
	(void)state;
	/* Narrow: sections start at 0, 40 and 100 of 200 lines. */
	static const size_t narrow[] = {40, 100};
	/* Wide: the same sections at 0, 20 and 50 of 100 lines. */
	static const size_t wide[] = {20, 50};
	struct text t = {page, 0, narrow};
	struct pager p;
	pager_init(&p, &ops, &t);
	p.vis = 10;
	pager_relaid(&p, 200, 3, 30, pager_place(&p));
	p.top = 70; /* halfway into section 1 */
	struct pager_place a = pager_place(&p);
	assert_int_equal(a.section, 1);
	assert_int_equal(a.frac, PAGER_SCALE / 2);
	t.sections = wide;
	pager_relaid(&p, 100, 3, 60, a);
	assert_int_equal(p.top, 35);
	assert_int_equal(p.width, 60);
	/* And back. */
	a = pager_place(&p);
	t.sections = narrow;
	pager_relaid(&p, 200, 3, 30, a);
	assert_int_equal(p.top, 70);
	/* In the last section, measured to the end. */
	p.top = 150;
	a = pager_place(&p);
	assert_int_equal(a.section, 2);
	t.sections = wide;
	pager_relaid(&p, 100, 3, 60, a);
	assert_int_equal(p.top, 75);
}

static void first_layout_keeps_top_and_fraction(void **state)
{
	(void)state;
	struct pager p;
	pager_init(&p, &ops, NULL);
	p.vis = 10;
	/* Not laid out yet: the place is the start, and a first layout does
	 * not move top. */
	struct pager_place a = pager_place(&p);
	assert_int_equal(a.section, 0);
	assert_int_equal(a.frac, 0);
	pager_relaid(&p, 300, 1, 50, a);
	assert_int_equal(p.top, 0);
	pager_to_fraction(&p, 2500);
	assert_int_equal(p.top, 75);
	assert_int_equal(pager_fraction(&p), 2500);
	/* Clamped to the last screenful. */
	pager_to_fraction(&p, PAGER_SCALE);
	assert_int_equal(p.top, 290);
}

static void relayout_moves_the_match(void **state)
{
	(void)state;
	struct text t = {page, 8, NULL};
	struct pager p;
	pager_init(&p, &ops, &t);
	p.vis = 3;
	pager_relaid(&p, t.n, 1, 40, pager_place(&p));
	strcpy(p.query, "breath");
	assert_int_equal(pager_find(&p, 1, false), PAGER_FOUND);
	assert_int_equal(p.match, 5);
	/* Laid out again: the first line in view with the query is the match. */
	p.top = 4;
	pager_relaid(&p, t.n, 1, 41, (struct pager_place){0, PAGER_SCALE / 2});
	assert_int_equal(p.top, 4);
	assert_int_equal(p.match, 5);
	/* None in view: no match. */
	pager_relaid(&p, t.n, 1, 42, (struct pager_place){0, 0});
	assert_int_equal(p.top, 0);
	assert_int_equal(p.match, -1);
}

SUITE(pager, cmocka_unit_test(scrolls_in_range), cmocka_unit_test(shows_a_line_a_third_down),
      cmocka_unit_test(finds_forward_back_and_round), cmocka_unit_test(keeps_the_place_by_section),
      cmocka_unit_test(first_layout_keeps_top_and_fraction),
      cmocka_unit_test(relayout_moves_the_match))
