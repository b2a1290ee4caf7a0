#include <string.h>

#include "unit.h"
#include "util/buf.h"

static void append_and_grow(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_string_equal(buf_str(&b), "");
	for (int i = 0; i < 1000; i++)
		assert_int_equal(buf_putc(&b, (char)('a' + i % 26)), 0);
	assert_int_equal(b.len, 1000);
	assert_true(b.cap > 1000);
	assert_int_equal(b.data[1000], '\0');
	assert_int_equal(b.data[27], 'b');
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
}

static void printf_and_erase(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_int_equal(buf_printf(&b, "%d-%s", 42, "tend"), 0);
	assert_string_equal(buf_str(&b), "42-tend");
	buf_erase(&b, 1, 2);
	assert_string_equal(buf_str(&b), "4tend");
	buf_erase(&b, 3, 100);
	assert_string_equal(buf_str(&b), "4te");
	buf_erase(&b, 10, 1);
	assert_string_equal(buf_str(&b), "4te");
	buf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_puts(&b, "again"), 0);
	assert_string_equal(buf_str(&b), "again");
	buf_free(&b);
}

static void clear_wipes_bytes(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_int_equal(buf_puts(&b, "secret words"), 0);
	char *p = b.data;
	size_t cap = b.cap;
	buf_clear(&b);
	for (size_t i = 0; i < cap; i++)
		assert_int_equal(p[i], 0);
	buf_free(&b);
}

static void huge_reserve_fails_cleanly(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_int_equal(buf_puts(&b, "x"), 0);
	assert_int_equal(buf_reserve(&b, (size_t)-1), -1);
	assert_string_equal(buf_str(&b), "x");
	buf_free(&b);
}

SUITE(buf, cmocka_unit_test(append_and_grow), cmocka_unit_test(printf_and_erase),
      cmocka_unit_test(clear_wipes_bytes), cmocka_unit_test(huge_reserve_fails_cleanly))
