/* The status bar's note: view_note sets text and role together, a note too
 * long for the line is cut at a whole character, and clearing it clears
 * the role too. */
#include <string.h>

#include "unit.h"
#include "util/utf8.h"
#include "views/status.h"
#include "views/view.h"

static void text_and_role(void **state)
{
	(void)state;
	struct ctx c = {.status = status_line_new()};
	assert_non_null(c.status);
	enum role r;
	assert_string_equal(status_line_text(c.status, &r), "");
	view_note(&c, ROLE_WARN, "Not saved: %s (%d)", "disk full", 28);
	assert_string_equal(status_line_text(c.status, &r), "Not saved: disk full (28)");
	assert_int_equal(r, ROLE_WARN);
	view_note(&c, ROLE_STATUS, "%s", "Saved.");
	assert_string_equal(status_line_text(c.status, &r), "Saved.");
	assert_int_equal(r, ROLE_STATUS);
	view_note(&c, ROLE_WARN, "again");
	status_line_clear(c.status);
	assert_string_equal(status_line_text(c.status, &r), "");
	assert_int_equal(r, ROLE_STATUS);
	status_line_free(c.status);
}

/* n ASCII letters then ch, formatted as one note: how many bytes are kept. */
static size_t kept(struct ctx *c, size_t n, const char *ch)
{
	char head[400];
	memset(head, 'a', n);
	head[n] = '\0';
	view_note(c, ROLE_STATUS, "%s%s and more after it", head, ch);
	const char *t = status_line_text(c->status, NULL);
	assert_true(utf8_valid(t, strlen(t)));
	return strlen(t);
}

static void cut_at_a_whole_character(void **state)
{
	(void)state;
	struct ctx c = {.status = status_line_new()};
	assert_non_null(c.status);
	/* The note holds 199 bytes: "é" (2 bytes) after 197 fits, after 198
	 * it would be cut in half and is left out. */
	assert_int_equal(kept(&c, 197, "é"), 199);
	assert_int_equal(kept(&c, 198, "é"), 198);
	/* A 4-byte character that would lose one, two or three bytes. */
	assert_int_equal(kept(&c, 196, "🌿"), 196);
	assert_int_equal(kept(&c, 197, "🌿"), 197);
	assert_int_equal(kept(&c, 198, "🌿"), 198);
	assert_int_equal(kept(&c, 195, "🌿"), 199);
	status_line_free(c.status);
}

SUITE(status, cmocka_unit_test(text_and_role), cmocka_unit_test(cut_at_a_whole_character))
