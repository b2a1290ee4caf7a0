#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "widgets/textbuf.h"
#include "unit.h"
#include "util/utf8.h"

static struct textbuf *fresh(const char *text)
{
	struct textbuf *tb = textbuf_new(NULL, NULL);
	assert_non_null(tb);
	if (text)
		assert_int_equal(textbuf_set_text(tb, text, strlen(text)), 0);
	return tb;
}

/* Types s one code point at a time, as keys arrive. */
static void type(struct textbuf *tb, const char *s)
{
	size_t n = strlen(s), i = 0, adv;
	while (i < n) {
		utf8_decode(s + i, n - i, &adv);
		assert_int_equal(textbuf_type(tb, s + i, adv), 0);
		i += adv;
	}
}

static void is(const struct textbuf *tb, const char *want)
{
	size_t len;
	const char *t = textbuf_text(tb, &len);
	assert_int_equal(len, strlen(want));
	assert_string_equal(t, want);
}

static void move(struct textbuf *tb, enum tb_move m, int times)
{
	for (int i = 0; i < times; i++)
		textbuf_move(tb, m, false);
}

/* Row r as a string, for comparing layouts. */
static const char *row(const struct textbuf *tb, size_t r)
{
	static char out[512];
	size_t s, e;
	textbuf_row(tb, r, &s, &e);
	size_t n = e - s < sizeof(out) - 1 ? e - s : sizeof(out) - 1;
	memcpy(out, textbuf_text(tb, NULL) + s, n);
	out[n] = '\0';
	return out;
}

static void insert_and_clean(void **state)
{
	(void)state;
	struct textbuf *tb = fresh(NULL);
	type(tb, "hello");
	assert_int_equal(textbuf_cursor(tb), 5);
	move(tb, TB_LEFT, 2);
	type(tb, "XY");
	is(tb, "helXYlo");
	assert_int_equal(textbuf_cursor(tb), 5);
	textbuf_move(tb, TB_END, false);
	/* CRLF and lone CR become LF; other controls go; bad bytes become U+FFFD. */
	assert_int_equal(textbuf_insert(tb, " a\r\nb\rc\x01\x1b[d\xff" "e\t", 15), 0);
	is(tb, "helXYlo a\nb\nc[d\xEF\xBF\xBD" "e\t");
	textbuf_free(tb);
}

static void delete_characters(void **state)
{
	(void)state;
	/* e + U+0301 is one character for Backspace, Delete and movement. */
	struct textbuf *tb = fresh("cafe\xCC\x81");
	assert_int_equal(textbuf_erase(tb), 0);
	is(tb, "caf");
	textbuf_free(tb);

	tb = fresh("e\xCC\x81\xCC\xA7x");
	textbuf_set_cursor(tb, 0);
	textbuf_move(tb, TB_RIGHT, false);
	assert_int_equal(textbuf_cursor(tb), 5);
	textbuf_set_cursor(tb, 0);
	assert_int_equal(textbuf_delete(tb), 0);
	is(tb, "x");
	/* A cursor asked to stand inside a character moves past it. */
	textbuf_free(tb);
	tb = fresh("ae\xCC\x81z");
	textbuf_set_cursor(tb, 2);
	assert_int_equal(textbuf_cursor(tb), 4);
	textbuf_free(tb);

	/* CJK and emoji: a code point each; a skin tone and a ZWJ sequence
	 * stay with their emoji. */
	tb = fresh("日本語");
	assert_int_equal(textbuf_erase(tb), 0);
	is(tb, "日本");
	textbuf_free(tb);
	tb = fresh("a\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
	assert_int_equal(textbuf_erase(tb), 0);
	is(tb, "a");
	textbuf_free(tb);
	tb = fresh("x\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7");
	textbuf_move(tb, TB_LEFT, false);
	assert_int_equal(textbuf_cursor(tb), 1);
	assert_int_equal(textbuf_erase(tb), 0);
	is(tb, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7");
	textbuf_move(tb, TB_END, false);
	assert_int_equal(textbuf_erase(tb), 0);
	is(tb, "");
	/* Nothing to erase is fine. */
	assert_int_equal(textbuf_erase(tb), 0);
	assert_int_equal(textbuf_delete(tb), 0);
	textbuf_free(tb);

	/* A mark after a newline is its own character; it never joins it. */
	tb = fresh("a\n\xCC\x81");
	assert_int_equal(textbuf_erase(tb), 0);
	is(tb, "a\n");
	textbuf_free(tb);
}

static void word_movement(void **state)
{
	(void)state;
	const char *s = "Hello, world! don't stop\xE2\x80\x94 na\xC3\xAFve";
	struct textbuf *tb = fresh(s);
	textbuf_set_cursor(tb, 0);
	size_t want_right[] = {5, 12, 19, 24, 34, 34};
	for (size_t i = 0; i < sizeof(want_right) / sizeof(want_right[0]); i++) {
		textbuf_move(tb, TB_WORD_RIGHT, false);
		assert_int_equal(textbuf_cursor(tb), want_right[i]);
	}
	size_t want_left[] = {28, 20, 14, 7, 0, 0};
	for (size_t i = 0; i < sizeof(want_left) / sizeof(want_left[0]); i++) {
		textbuf_move(tb, TB_WORD_LEFT, false);
		assert_int_equal(textbuf_cursor(tb), want_left[i]);
	}
	/* Ctrl-W: back to the start of the word, then the one before. */
	textbuf_move(tb, TB_END, false);
	assert_int_equal(textbuf_delete_word(tb), 0);
	is(tb, "Hello, world! don't stop\xE2\x80\x94 ");
	assert_int_equal(textbuf_delete_word(tb), 0);
	is(tb, "Hello, world! don't ");
	assert_int_equal(textbuf_delete_word(tb), 0);
	is(tb, "Hello, world! ");
	textbuf_free(tb);

	/* Ideographs are a word each. */
	tb = fresh("今日は good");
	textbuf_set_cursor(tb, 0);
	textbuf_move(tb, TB_WORD_RIGHT, false);
	assert_int_equal(textbuf_cursor(tb), 3);
	textbuf_move(tb, TB_WORD_RIGHT, false);
	assert_int_equal(textbuf_cursor(tb), 6);
	textbuf_move(tb, TB_WORD_RIGHT, false);
	assert_int_equal(textbuf_cursor(tb), 9);
	textbuf_move(tb, TB_WORD_RIGHT, false);
	assert_int_equal(textbuf_cursor(tb), 14);
	textbuf_free(tb);
}

static void visual_up_down(void **state)
{
	(void)state;
	/* Row 1 is five ideographs (10 columns); goal column 5 falls on the
	 * second half of the third, so the cursor goes before it. */
	struct textbuf *tb = fresh("abcdefgh\n日本語日本\nxy\nabcdefgh");
	assert_int_equal(textbuf_layout(tb, 10), 0);
	assert_int_equal(textbuf_rows(tb), 4);
	textbuf_set_cursor(tb, 5);
	textbuf_move(tb, TB_DOWN, false);
	assert_int_equal(textbuf_cursor(tb), 9 + 6);
	assert_int_equal(textbuf_col_of(tb, textbuf_cursor(tb)), 4);
	textbuf_move(tb, TB_DOWN, false);
	assert_int_equal(textbuf_cursor(tb), 9 + 16 + 2); /* end of "xy" */
	textbuf_move(tb, TB_DOWN, false);
	assert_int_equal(textbuf_col_of(tb, textbuf_cursor(tb)), 5); /* goal kept */
	textbuf_move(tb, TB_UP, false);
	textbuf_move(tb, TB_UP, false);
	assert_int_equal(textbuf_cursor(tb), 9 + 6);
	textbuf_move(tb, TB_UP, false);
	assert_int_equal(textbuf_cursor(tb), 5);
	/* Up on the first row goes to the start; down on the last to the end. */
	textbuf_move(tb, TB_UP, false);
	assert_int_equal(textbuf_cursor(tb), 0);
	textbuf_move(tb, TB_END, false);
	textbuf_move(tb, TB_LEFT, false);
	textbuf_move(tb, TB_DOWN, false);
	assert_int_equal(textbuf_cursor(tb), textbuf_len(tb));

	/* Within a wrapped paragraph: rows "one two " / "three " / "four". */
	textbuf_free(tb);
	tb = fresh("one two three four");
	assert_int_equal(textbuf_layout(tb, 8), 0);
	assert_int_equal(textbuf_rows(tb), 3);
	assert_string_equal(row(tb, 0), "one two ");
	assert_string_equal(row(tb, 1), "three ");
	assert_string_equal(row(tb, 2), "four");
	textbuf_set_cursor(tb, 7); /* after "two" */
	textbuf_move(tb, TB_DOWN, false);
	/* Column 7 is past "three"; the end of a wrapped row is before its
	 * hanging space. */
	assert_int_equal(textbuf_cursor(tb), 13);
	textbuf_move(tb, TB_LINE_START, false);
	assert_int_equal(textbuf_cursor(tb), 8);
	textbuf_move(tb, TB_LINE_END, false);
	assert_int_equal(textbuf_cursor(tb), 13);
	/* The offset where a wrapped row ends shows at the next row's start. */
	assert_int_equal(textbuf_row_of(tb, 14), 2);
	assert_int_equal(textbuf_col_of(tb, 14), 0);
	/* Pages move by the page height. */
	textbuf_set_page(tb, 2);
	textbuf_set_cursor(tb, 1);
	textbuf_move(tb, TB_PAGE_DOWN, false);
	assert_int_equal(textbuf_cursor(tb), 15);
	textbuf_move(tb, TB_PAGE_UP, false);
	assert_int_equal(textbuf_cursor(tb), 1);
	textbuf_free(tb);
}

static void paragraph_movement(void **state)
{
	(void)state;
	/* offsets: "one\ntwo\n" 0-7, blank 8, "three\n" 9-14, blank 15,
	 * "  \n" 16-18 (blank), "four" 19-22 */
	struct textbuf *tb = fresh("one\ntwo\n\nthree\n\n  \nfour");
	textbuf_set_cursor(tb, 1);
	textbuf_move(tb, TB_PARA_DOWN, false);
	assert_int_equal(textbuf_cursor(tb), 8);
	textbuf_move(tb, TB_PARA_DOWN, false);
	assert_int_equal(textbuf_cursor(tb), 15);
	textbuf_move(tb, TB_PARA_DOWN, false);
	assert_int_equal(textbuf_cursor(tb), 23);
	textbuf_move(tb, TB_PARA_UP, false);
	assert_int_equal(textbuf_cursor(tb), 18 - 2); /* the blank "  " line */
	textbuf_move(tb, TB_PARA_UP, false);
	assert_int_equal(textbuf_cursor(tb), 8);
	textbuf_move(tb, TB_PARA_UP, false);
	assert_int_equal(textbuf_cursor(tb), 0);
	textbuf_free(tb);
}

static void selection_clipboard(void **state)
{
	(void)state;
	struct textbuf *tb = fresh("one two three");
	textbuf_set_cursor(tb, 4);
	textbuf_move(tb, TB_WORD_RIGHT, true);
	size_t from, to;
	assert_true(textbuf_selection(tb, &from, &to));
	assert_int_equal(from, 4);
	assert_int_equal(to, 7);
	assert_int_equal(textbuf_cut(tb), 0);
	is(tb, "one  three");
	size_t n;
	assert_string_equal(textbuf_clipboard(tb, &n), "two");
	assert_false(textbuf_selection(tb, &from, &to));
	textbuf_move(tb, TB_END, false);
	assert_int_equal(textbuf_paste(tb), 0);
	is(tb, "one  threetwo");

	/* Left with a selection goes to its start and drops it. */
	textbuf_move(tb, TB_LEFT, true);
	textbuf_move(tb, TB_LEFT, true);
	textbuf_move(tb, TB_LEFT, false);
	assert_int_equal(textbuf_cursor(tb), 11);
	assert_false(textbuf_selection(tb, &from, &to));

	/* The mark: movement selects until it is cleared; typing replaces. */
	textbuf_set_cursor(tb, 0);
	textbuf_mark(tb);
	assert_true(textbuf_mark_active(tb));
	textbuf_move(tb, TB_WORD_RIGHT, false);
	assert_true(textbuf_selection(tb, &from, &to));
	assert_int_equal(to, 3);
	assert_int_equal(textbuf_copy(tb), 0);
	assert_false(textbuf_mark_active(tb));
	assert_false(textbuf_selection(tb, &from, &to));
	assert_string_equal(textbuf_clipboard(tb, &n), "one");
	textbuf_mark(tb);
	textbuf_move(tb, TB_RIGHT, false);
	textbuf_mark(tb);
	assert_false(textbuf_selection(tb, &from, &to));

	/* Select all, then paste over it. */
	textbuf_select_all(tb);
	assert_true(textbuf_selection(tb, &from, &to));
	assert_int_equal(to - from, textbuf_len(tb));
	assert_int_equal(textbuf_paste(tb), 0);
	is(tb, "one");
	/* Typing over a selection, and Backspace on one. */
	textbuf_move(tb, TB_START, false);
	textbuf_move(tb, TB_RIGHT, true);
	type(tb, "O");
	is(tb, "One");
	textbuf_move(tb, TB_END, false);
	textbuf_move(tb, TB_LEFT, true);
	textbuf_move(tb, TB_LEFT, true);
	assert_int_equal(textbuf_erase(tb), 0);
	is(tb, "O");
	/* Copy and cut with nothing selected do nothing. */
	assert_int_equal(textbuf_cut(tb), 0);
	is(tb, "O");
	assert_true(textbuf_select_none(tb) == false);
	textbuf_free(tb);
}

static void kills(void **state)
{
	(void)state;
	struct textbuf *tb = fresh("first line\nsecond line");
	textbuf_set_cursor(tb, 5);
	assert_int_equal(textbuf_kill_to_end(tb), 0);
	is(tb, "first\nsecond line");
	assert_int_equal(textbuf_kill_to_end(tb), 0); /* joins the next line */
	is(tb, "firstsecond line");
	assert_int_equal(textbuf_kill_to_start(tb), 0);
	is(tb, "second line");
	assert_int_equal(textbuf_cursor(tb), 0);
	assert_int_equal(textbuf_kill_to_start(tb), 0);
	is(tb, "second line");
	textbuf_free(tb);

	tb = fresh("a\nbc");
	textbuf_set_cursor(tb, 2);
	assert_int_equal(textbuf_kill_to_start(tb), 0); /* joins the previous line */
	is(tb, "abc");
	assert_int_equal(textbuf_cursor(tb), 1);
	/* Killed text stays out of the clipboard. */
	size_t n;
	textbuf_clipboard(tb, &n);
	assert_int_equal(n, 0);
	textbuf_free(tb);
}

static void undo_redo(void **state)
{
	(void)state;
	struct textbuf *tb = fresh(NULL);
	type(tb, "hello world");
	assert_true(textbuf_undo(tb));
	is(tb, "hello ");
	assert_int_equal(textbuf_cursor(tb), 6);
	assert_true(textbuf_undo(tb));
	is(tb, "");
	assert_false(textbuf_undo(tb));
	assert_true(textbuf_redo(tb));
	is(tb, "hello ");
	assert_true(textbuf_redo(tb));
	is(tb, "hello world");
	assert_int_equal(textbuf_cursor(tb), 11);
	assert_false(textbuf_redo(tb));

	/* A paste is one step however long, and does not join typing. */
	type(tb, " ");
	assert_int_equal(textbuf_insert(tb, "pasted text here", 16), 0);
	type(tb, "!");
	is(tb, "hello world pasted text here!");
	assert_true(textbuf_undo(tb));
	is(tb, "hello world pasted text here");
	assert_true(textbuf_undo(tb));
	is(tb, "hello world ");
	/* New typing clears redo. */
	type(tb, "x");
	assert_false(textbuf_redo(tb));
	assert_true(textbuf_undo(tb));
	is(tb, "hello world ");

	/* Movement ends a typing step; Backspaces group. */
	textbuf_free(tb);
	tb = fresh(NULL);
	type(tb, "abc");
	textbuf_move(tb, TB_LEFT, false);
	textbuf_move(tb, TB_RIGHT, false);
	type(tb, "def");
	assert_int_equal(textbuf_erase(tb), 0);
	assert_int_equal(textbuf_erase(tb), 0);
	is(tb, "abcd");
	assert_true(textbuf_undo(tb));
	is(tb, "abcdef");
	assert_true(textbuf_undo(tb));
	is(tb, "abc");
	/* break_undo splits typing. */
	type(tb, "12");
	textbuf_break_undo(tb);
	type(tb, "34");
	assert_true(textbuf_undo(tb));
	is(tb, "abc12");
	/* Undo puts the cursor back where the change was. */
	textbuf_set_cursor(tb, 0);
	type(tb, "Z");
	textbuf_move(tb, TB_END, false);
	assert_true(textbuf_undo(tb));
	is(tb, "abc12");
	assert_int_equal(textbuf_cursor(tb), 0);
	/* Undo of cut, kill and delete-word. */
	textbuf_select_all(tb);
	assert_int_equal(textbuf_cut(tb), 0);
	is(tb, "");
	assert_true(textbuf_undo(tb));
	is(tb, "abc12");
	/* set_text forgets the history. */
	assert_int_equal(textbuf_set_text(tb, "new", 3), 0);
	assert_false(textbuf_undo(tb));
	textbuf_free(tb);
}

static void undo_limit(void **state)
{
	(void)state;
	struct textbuf *tb = fresh(NULL);
	for (int i = 0; i < TEXTBUF_UNDO_STEPS * 2; i++)
		assert_int_equal(textbuf_insert(tb, "ab", 2), 0);
	int steps = 0;
	while (textbuf_undo(tb))
		steps++;
	assert_true(steps <= TEXTBUF_UNDO_STEPS);
	assert_true(steps >= TEXTBUF_UNDO_STEPS / 2);
	assert_int_equal(textbuf_len(tb), (size_t)(TEXTBUF_UNDO_STEPS * 2 - steps) * 2);
	while (textbuf_redo(tb))
		;
	assert_int_equal(textbuf_len(tb), TEXTBUF_UNDO_STEPS * 4);
	textbuf_free(tb);
}

static void wrap_widths(void **state)
{
	(void)state;
	const char *s = "The quick brown fox jumps over the lazy dog. "
	                "Supercalifragilisticexpialidocious words wrap too.";
	struct textbuf *tb = fresh(s);
	assert_int_equal(textbuf_layout(tb, 10), 0);
	/* "jumps over" fills the row; the space after it hangs. */
	const char *want10[] = {"The quick ", "brown fox ", "jumps over ", "the lazy ", "dog. ",
	                        "Supercalif", "ragilistic", "expialidoc", "ious words ",
	                        "wrap too."};
	assert_int_equal(textbuf_rows(tb), 10);
	for (size_t i = 0; i < 10; i++)
		assert_string_equal(row(tb, i), want10[i]);
	assert_int_equal(textbuf_layout(tb, 40), 0);
	assert_int_equal(textbuf_rows(tb), 3);
	assert_string_equal(row(tb, 0), "The quick brown fox jumps over the lazy ");
	assert_string_equal(row(tb, 1), "dog. Supercalifragilisticexpialidocious ");
	assert_string_equal(row(tb, 2), "words wrap too.");
	assert_int_equal(textbuf_layout(tb, 80), 0);
	assert_int_equal(textbuf_rows(tb), 2);
	assert_string_equal(row(tb, 1), "words wrap too.");
	assert_int_equal(textbuf_layout(tb, 0), 0);
	assert_int_equal(textbuf_rows(tb), 1);
	textbuf_free(tb);

	/* CJK without spaces breaks between ideographs, never before 。 */
	tb = fresh("一二三四五六七八九十。一二");
	assert_int_equal(textbuf_layout(tb, 10), 0);
	assert_string_equal(row(tb, 0), "一二三四五");
	assert_string_equal(row(tb, 1), "六七八九");
	assert_string_equal(row(tb, 2), "十。一二");
	/* A wide character never straddles the edge. */
	assert_int_equal(textbuf_layout(tb, 9), 0);
	assert_string_equal(row(tb, 0), "一二三四");
	textbuf_free(tb);

	/* Marks stay with their base; spaces that do not fit hang. */
	tb = fresh("abcde\xCC\x81" "fgh   ijk\n\nlast");
	assert_int_equal(textbuf_layout(tb, 5), 0);
	assert_string_equal(row(tb, 0), "abcde\xCC\x81");
	assert_string_equal(row(tb, 1), "fgh   ");
	assert_string_equal(row(tb, 2), "ijk");
	assert_string_equal(row(tb, 3), "");
	assert_string_equal(row(tb, 4), "last");
	/* The cursor in hanging space stays at the right edge. */
	assert_int_equal(textbuf_col_of(tb, 6 + 3 + 3), 5);
	assert_int_equal(textbuf_layout(tb, 8), 0);
	assert_string_equal(row(tb, 0), "abcde\xCC\x81" "fgh   ");
	assert_string_equal(row(tb, 1), "ijk");
	assert_string_equal(row(tb, 2), "");
	assert_string_equal(row(tb, 3), "last");
	textbuf_free(tb);

	/* Tabs go to the next stop of four columns. */
	tb = fresh("a\tb\tc");
	assert_int_equal(textbuf_col_of(tb, 2), 4);
	assert_int_equal(textbuf_col_of(tb, 4), 8);
	assert_int_equal(textbuf_layout(tb, 6), 0);
	assert_string_equal(row(tb, 0), "a\tb\t");
	assert_string_equal(row(tb, 1), "c");
	assert_int_equal(textbuf_offset_at(tb, 0, 2), 1);
	textbuf_free(tb);

	/* A trailing newline gives an empty last row, where the cursor is. */
	tb = fresh("end\n");
	assert_int_equal(textbuf_layout(tb, 20), 0);
	assert_int_equal(textbuf_rows(tb), 2);
	assert_int_equal(textbuf_row_of(tb, 4), 1);
	textbuf_free(tb);
}

static size_t count_of(const char *s)
{
	struct textbuf *tb = fresh(s);
	size_t n = textbuf_words(tb);
	textbuf_free(tb);
	return n;
}

static void word_count(void **state)
{
	(void)state;
	assert_int_equal(count_of(""), 0);
	assert_int_equal(count_of("   \n\t "), 0);
	assert_int_equal(count_of("one"), 1);
	assert_int_equal(count_of("Hello, world!"), 2);
	assert_int_equal(count_of("don't stop—well-being it's 3.5 ok"), 7);
	assert_int_equal(count_of("’quoted’ -- dash"), 2);
	assert_int_equal(count_of("na\xC3\xAFve caf\xC3\xA9 cafe\xCC\x81"), 3);
	assert_int_equal(count_of("Привет мир"), 2);
	assert_int_equal(count_of("안녕하세요 세계"), 2);
	assert_int_equal(count_of("今日は晴れ。"), 5);
	assert_int_equal(count_of("I \xE2\x9D\xA4\xEF\xB8\x8F you"), 3);
	assert_int_equal(count_of("a...b"), 2);

	/* Kept up to date through edits and undo. */
	struct textbuf *tb = fresh(NULL);
	type(tb, "one two");
	assert_int_equal(textbuf_words(tb), 2);
	type(tb, "three");
	assert_int_equal(textbuf_words(tb), 2);
	type(tb, " ");
	textbuf_move(tb, TB_LEFT, false);
	textbuf_move(tb, TB_WORD_LEFT, false);
	move(tb, TB_RIGHT, 3);
	type(tb, " ");
	is(tb, "one two three ");
	assert_int_equal(textbuf_words(tb), 3);
	assert_true(textbuf_undo(tb));
	assert_int_equal(textbuf_words(tb), 2);
	textbuf_free(tb);
}

/* A tiny deterministic generator for the random edit test. */
static unsigned long long rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* After many random edits, the incrementally kept lines and word count
 * match what a fresh buffer computes from the same text. */
static void incremental_matches_full(void **state)
{
	(void)state;
	static const char *pieces[] = {
		"a", "b", " ", "\n", "word ", "日本", "e\xCC\x81", "\t", "--", "don't ",
		"\xF0\x9F\x91\x8D", "longwordwithoutanyspaces", "  ", ".", "\n\n", "x y z ",
	};
	struct textbuf *tb = fresh(NULL);
	size_t widths[] = {7, 12, 30};
	for (size_t w = 0; w < 3; w++) {
		assert_int_equal(textbuf_layout(tb, widths[w]), 0);
		for (int i = 0; i < 3000; i++) {
			unsigned op = rnd(10);
			size_t len = textbuf_len(tb);
			textbuf_set_cursor(tb, len ? rnd((unsigned)len + 1) : 0);
			if (op < 6) {
				const char *p = pieces[rnd(sizeof(pieces) / sizeof(pieces[0]))];
				assert_int_equal(textbuf_type(tb, p, strlen(p)), 0);
			} else if (op == 6) {
				assert_int_equal(textbuf_erase(tb), 0);
			} else if (op == 7) {
				assert_int_equal(textbuf_delete_word(tb), 0);
			} else if (op == 8) {
				textbuf_move(tb, TB_WORD_RIGHT, true);
				assert_int_equal(textbuf_delete(tb), 0);
			} else {
				textbuf_undo(tb);
			}
			if (i % 50 != 0 && i != 2999)
				continue;
			size_t n;
			const char *t = textbuf_text(tb, &n);
			struct textbuf *ref = textbuf_new(NULL, NULL);
			assert_non_null(ref);
			assert_int_equal(textbuf_set_text(ref, t, n), 0);
			assert_int_equal(textbuf_layout(ref, widths[w]), 0);
			assert_int_equal(textbuf_words(tb), textbuf_words(ref));
			assert_int_equal(textbuf_rows(tb), textbuf_rows(ref));
			for (size_t r = 0; r < textbuf_rows(tb); r++) {
				size_t s1, e1, s2, e2;
				textbuf_row(tb, r, &s1, &e1);
				textbuf_row(ref, r, &s2, &e2);
				assert_int_equal(s1, s2);
				assert_int_equal(e1, e2);
			}
			textbuf_free(ref);
		}
	}
	textbuf_free(tb);
}

/* An allocator that checks every block comes back wiped. */
#define MAXBLOCKS 64
static struct {
	void *p;
	size_t n;
} blocks[MAXBLOCKS];
static int unwiped, live;

static void *track_alloc(size_t n)
{
	for (int i = 0; i < MAXBLOCKS; i++) {
		if (!blocks[i].p) {
			blocks[i].p = malloc(n);
			blocks[i].n = n;
			if (blocks[i].p)
				live++;
			return blocks[i].p;
		}
	}
	return NULL;
}

static void track_release(void *p)
{
	for (int i = 0; i < MAXBLOCKS; i++) {
		if (blocks[i].p == p) {
			const unsigned char *b = p;
			for (size_t j = 0; j < blocks[i].n; j++)
				if (b[j]) {
					unwiped++;
					break;
				}
			blocks[i].p = NULL;
			live--;
			free(p);
			return;
		}
	}
	unwiped += 1000; /* not ours */
}

static void memory_is_wiped(void **state)
{
	(void)state;
	unwiped = live = 0;
	struct textbuf *tb = textbuf_new(track_alloc, track_release);
	assert_non_null(tb);
	assert_int_equal(textbuf_layout(tb, 20), 0);
	/* Grow the text, history, clipboard and lines several times over. */
	char line[64];
	for (int i = 0; i < 400; i++) {
		snprintf(line, sizeof(line), "secret line %d, felt %s\n", i, i % 2 ? "calm" : "sad");
		assert_int_equal(textbuf_insert(tb, line, strlen(line)), 0);
		type(tb, "x\r");
	}
	assert_int_equal(unwiped, 0);
	/* Growth kept the content right. */
	size_t len;
	const char *t = textbuf_text(tb, &len);
	assert_memory_equal(t, "secret line 0, felt sad\nx\nsecret line 1, felt calm\nx\n", 53);
	assert_non_null(strstr(t, "secret line 399, felt calm\nx\n"));
	textbuf_select_all(tb);
	assert_int_equal(textbuf_copy(tb), 0);
	textbuf_move(tb, TB_END, false);
	assert_int_equal(textbuf_paste(tb), 0);
	assert_int_equal(textbuf_len(tb), len * 2);
	while (textbuf_undo(tb))
		;
	assert_int_equal(textbuf_len(tb), 0);
	type(tb, "new");
	assert_int_equal(unwiped, 0);
	textbuf_free(tb);
	assert_int_equal(unwiped, 0);
	assert_int_equal(live, 0);

	/* Running out of memory leaves the text as it was. */
	tb = textbuf_new(track_alloc, track_release);
	assert_non_null(tb);
	type(tb, "kept");
	char big[300];
	memset(big, 'z', sizeof(big));
	int filled = 0;
	void *hold[MAXBLOCKS];
	for (int i = 0; i < MAXBLOCKS; i++) {
		hold[i] = track_alloc(1);
		if (hold[i])
			filled++;
	}
	assert_int_equal(textbuf_insert(tb, big, sizeof(big)), -1);
	is(tb, "kept");
	for (int i = 0; i < MAXBLOCKS; i++)
		if (hold[i]) {
			*(char *)hold[i] = 0;
			track_release(hold[i]);
		}
	assert_true(filled > 0);
	assert_int_equal(textbuf_insert(tb, big, sizeof(big)), 0);
	textbuf_free(tb);
	assert_int_equal(unwiped, 0);
	assert_int_equal(live, 0);
}

static void version_counts_changes(void **state)
{
	(void)state;
	struct textbuf *tb = fresh(NULL);
	uint64_t v0 = textbuf_version(tb);
	type(tb, "a");
	uint64_t v1 = textbuf_version(tb);
	assert_true(v1 != v0);
	textbuf_move(tb, TB_LEFT, false);
	textbuf_select_all(tb);
	assert_int_equal(textbuf_copy(tb), 0);
	assert_true(textbuf_version(tb) == v1);
	assert_true(textbuf_undo(tb));
	assert_true(textbuf_version(tb) != v1);
	textbuf_free(tb);
}


/* A long run of Backspace is one undo step even when the history table
 * grows in the middle of it (it once read the previous step from memory
 * the growth had just freed). */
static void backspace_run_across_growth(void **state)
{
	(void)state;
	struct textbuf *tb = textbuf_new(NULL, NULL);
	assert_non_null(tb);
	const char *words = "one two three four five six seven eight nine ten eleven twelve ";
	for (int k = 0; k < 3; k++)
		for (const char *p = words; *p; p++)
			assert_int_equal(textbuf_type(tb, p, 1), 0);
	size_t len;
	char before[512];
	snprintf(before, sizeof(before), "%s", textbuf_text(tb, &len));
	for (int i = 0; i < 70; i++)
		assert_int_equal(textbuf_erase(tb), 0);
	assert_true(textbuf_undo(tb));
	assert_string_equal(textbuf_text(tb, &len), before);
	textbuf_free(tb);
}

SUITE(textbuf, cmocka_unit_test(insert_and_clean), cmocka_unit_test(delete_characters),
      cmocka_unit_test(word_movement), cmocka_unit_test(visual_up_down),
      cmocka_unit_test(paragraph_movement), cmocka_unit_test(selection_clipboard),
      cmocka_unit_test(kills), cmocka_unit_test(undo_redo), cmocka_unit_test(undo_limit),
      cmocka_unit_test(wrap_widths), cmocka_unit_test(word_count),
      cmocka_unit_test(incremental_matches_full),
      cmocka_unit_test(memory_is_wiped), cmocka_unit_test(version_counts_changes),
      cmocka_unit_test(backspace_run_across_growth))
