/* The list widget without a terminal: movement keeps the selection inside
 * the list, the scroll follows it, and menu_draw hands the row function the
 * items that fit, from the first shown, with the chosen one marked. */
#include "unit.h"
#include "widgets/list.h"

static void moves_inside_the_list(void **state)
{
	(void)state;
	struct menu m = {.n = 5};
	menu_layout(&m, 3);
	assert_true(menu_action(&m, ACT_UP));
	assert_int_equal(m.sel, 0);
	assert_true(menu_action(&m, ACT_DOWN));
	assert_int_equal(m.sel, 1);
	assert_true(menu_action(&m, ACT_BOTTOM));
	assert_int_equal(m.sel, 4);
	assert_true(menu_action(&m, ACT_DOWN));
	assert_int_equal(m.sel, 4);
	/* A page is the rows shown less one. */
	assert_true(menu_action(&m, ACT_PGUP));
	assert_int_equal(m.sel, 2);
	assert_true(menu_action(&m, ACT_PGUP));
	assert_int_equal(m.sel, 0);
	assert_true(menu_action(&m, ACT_PGDN));
	assert_int_equal(m.sel, 2);
	assert_true(menu_action(&m, ACT_PGDN));
	assert_true(menu_action(&m, ACT_PGDN));
	assert_int_equal(m.sel, 4);
	assert_true(menu_action(&m, ACT_TOP));
	assert_int_equal(m.sel, 0);
	/* Other actions are the view's. */
	assert_false(menu_action(&m, ACT_SELECT));
	assert_false(menu_action(&m, ACT_BACK));
	/* An empty list takes movement and stays put. */
	struct menu e = {0};
	assert_true(menu_action(&e, ACT_DOWN));
	assert_true(menu_action(&e, ACT_BOTTOM));
	assert_int_equal(e.sel, 0);
	assert_false(menu_action(&e, ACT_SELECT));
}

static void scroll_follows_the_selection(void **state)
{
	(void)state;
	struct menu m = {.n = 10};
	menu_layout(&m, 4);
	assert_int_equal(m.top, 0);
	m.sel = 6;
	menu_layout(&m, 4);
	assert_int_equal(m.top, 3);
	m.sel = 2;
	menu_layout(&m, 4);
	assert_int_equal(m.top, 2);
	/* A selection past a shrunk list comes back to its end. */
	m.n = 3;
	m.sel = 7;
	menu_layout(&m, 4);
	assert_int_equal(m.sel, 2);
	assert_int_equal(m.top, 0);
	/* No room still shows one row. */
	m.n = 10;
	m.sel = 5;
	menu_layout(&m, 0);
	assert_int_equal(m.rows, 1);
	assert_int_equal(m.top, 5);
}

struct seen {
	size_t item[16];
	int y[16];
	bool sel[16], first[16];
	int n;
	int rows; /* what each row uses */
};

/* What the row function was handed (menu_draw's data is const). */
static struct seen s;

static int record(const void *data, const struct list_row *r)
{
	(void)data;
	s.item[s.n] = r->i;
	s.y[s.n] = r->y;
	s.sel[s.n] = r->sel;
	s.first[s.n] = r->first;
	s.n++;
	return s.rows;
}

static struct list_area area(int y, int end, int item_rows, int reserve)
{
	return (struct list_area){.y = y, .end = end, .x = 2, .w = 40, .item_rows = item_rows,
	                          .reserve = reserve};
}

static void draws_what_fits(void **state)
{
	(void)state;
	struct menu m = {.n = 8, .sel = 5};
	s = (struct seen){.rows = 1};
	/* Rows 3 to 6: four items, scrolled so that item 5 is the last. */
	int y = menu_draw(&m, area(3, 7, 1, 0), record, NULL);
	assert_int_equal(s.n, 4);
	assert_int_equal(y, 7);
	assert_int_equal(m.top, 2);
	for (int k = 0; k < 4; k++) {
		assert_int_equal(s.item[k], 2 + k);
		assert_int_equal(s.y[k], 3 + k);
		assert_int_equal(s.sel[k], 2 + k == 5);
		assert_int_equal(s.first[k], k == 0);
	}
	/* Two rows an item in seven rows: three items, none cut in half. */
	m = (struct menu){.n = 8, .sel = 0};
	s = (struct seen){.rows = 2};
	y = menu_draw(&m, area(0, 7, 2, 0), record, NULL);
	assert_int_equal(s.n, 3);
	assert_int_equal(y, 6);
	assert_int_equal(m.rows, 3);
	/* Rows kept for headings make the page smaller. */
	m = (struct menu){.n = 8, .sel = 7};
	s = (struct seen){.rows = 1};
	menu_draw(&m, area(0, 6, 1, 2), record, NULL);
	assert_int_equal(m.rows, 4);
	assert_int_equal(m.top, 4);
	/* A row that draws nothing ends the list. */
	m = (struct menu){.n = 8};
	s = (struct seen){.rows = 0};
	y = menu_draw(&m, area(1, 9, 1, 0), record, NULL);
	assert_int_equal(s.n, 1);
	assert_int_equal(y, 1);
	/* An empty list draws nothing. */
	m = (struct menu){0};
	s = (struct seen){.rows = 1};
	assert_int_equal(menu_draw(&m, area(2, 9, 1, 0), record, NULL), 2);
	assert_int_equal(s.n, 0);
}

SUITE(list, cmocka_unit_test(moves_inside_the_list), cmocka_unit_test(scroll_follows_the_selection),
      cmocka_unit_test(draws_what_fits))
