/* fuzz_textbuf: the input as a sequence of edits on a textbuf.
 *
 * Each operation is one byte, some followed by an argument byte and text
 * (see run_op). After every operation the invariants textbuf.h states are
 * checked: the text is valid UTF-8, NUL-terminated, without control
 * characters other than '\n' and '\t'; the cursor and the selection are
 * within it and on character boundaries; the visual lines cover the text
 * in order and the cursor's row and column are in range. At the end:
 * the incrementally kept word count and soft wrap equal those of a fresh
 * buffer given the same text, undoing every step gives back the text the
 * history started from, and redoing as many steps gives the final text. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "widgets/textbuf.h"
#include "fuzz.h"
#include "util/utf8.h"

struct input {
	const uint8_t *p;
	size_t n;
};

static unsigned take(struct input *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

static const char *take_text(struct input *in, size_t max, size_t *len)
{
	size_t n = take(in) % (max + 1);
	if (n > in->n)
		n = in->n;
	const char *s = (const char *)in->p;
	in->p += n, in->n -= n;
	*len = n;
	return s;
}

/* The same rule as textbuf.c: a character is a base code point with the
 * marks after it, or emoji joined by U+200D. */
static bool is_mark(uint32_t cp)
{
	return cp >= 0x300 && u_width(cp) == 0;
}

static bool joins_zwj(uint32_t cp)
{
	return (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

static bool char_boundary(const char *s, size_t len, size_t off)
{
	if (off == 0 || off >= len)
		return true;
	if (((unsigned char)s[off] & 0xC0) == 0x80)
		return false;
	size_t adv;
	uint32_t cp = utf8_decode(s + off, len - off, &adv);
	size_t p = utf8_prev(s, off);
	uint32_t before = utf8_decode(s + p, len - p, &adv);
	if (before < 0x20)
		return true;
	return !(is_mark(cp) || (before == 0x200D && joins_zwj(cp)));
}

static bool cp_boundary(const char *s, size_t len, size_t off)
{
	return off >= len || ((unsigned char)s[off] & 0xC0) != 0x80;
}

static void check(struct textbuf *tb, bool rows_too)
{
	size_t len;
	const char *t = textbuf_text(tb, &len);
	FUZZ_CHECK(t && t[len] == '\0' && textbuf_len(tb) == len);
	FUZZ_CHECK(utf8_valid(t, len));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		FUZZ_CHECK(c >= 0x20 || c == '\n' || c == '\t');
		FUZZ_CHECK(c != 0x7f);
		/* C1 controls, U+0080..U+009F, are dropped too. */
		FUZZ_CHECK(!(c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] < 0xA0));
	}
	size_t cur = textbuf_cursor(tb);
	FUZZ_CHECK(cur <= len);
	FUZZ_CHECK(cp_boundary(t, len, cur));
	FUZZ_CHECK(char_boundary(t, len, cur));
	size_t from, to;
	bool sel = textbuf_selection(tb, &from, &to);
	FUZZ_CHECK(from <= to && to <= len);
	FUZZ_CHECK(sel ? from < to : (from == cur && to == cur));
	FUZZ_CHECK(!sel || cur == from || cur == to);
	FUZZ_CHECK(cp_boundary(t, len, from) && cp_boundary(t, len, to));

	size_t rows = textbuf_rows(tb), width = textbuf_width(tb);
	FUZZ_CHECK(rows >= 1);
	size_t row = textbuf_row_of(tb, cur);
	FUZZ_CHECK(row < rows);
	size_t start, end;
	textbuf_row(tb, row, &start, &end);
	FUZZ_CHECK(start <= cur && cur <= end);
	if (width > 0)
		FUZZ_CHECK(textbuf_col_of(tb, cur) <= width);
	if (!rows_too)
		return;
	size_t prev_end = 0;
	for (size_t r = 0; r < rows; r++) {
		textbuf_row(tb, r, &start, &end);
		FUZZ_CHECK(start <= end && end <= len);
		FUZZ_CHECK(start >= prev_end);
		FUZZ_CHECK(cp_boundary(t, len, start) && cp_boundary(t, len, end));
		prev_end = end;
	}
	FUZZ_CHECK(prev_end == len);
}

/* Returns true when the operation reset the undo history. */
static bool run_op(struct textbuf *tb, struct input *in)
{
	unsigned op = take(in);
	size_t n;
	const char *s;
	switch (op % 22) {
	case 0: s = take_text(in, 8, &n); textbuf_type(tb, s, n); break;
	case 1: s = take_text(in, 40, &n); textbuf_insert(tb, s, n); break;
	case 2: textbuf_erase(tb); break;
	case 3: textbuf_delete(tb); break;
	case 4: textbuf_delete_word(tb); break;
	case 5: textbuf_kill_to_end(tb); break;
	case 6: textbuf_kill_to_start(tb); break;
	case 7: {
		unsigned a = take(in);
		textbuf_move(tb, (enum tb_move)(a % 14), (a & 0x80) != 0);
		break;
	}
	case 8: {
		size_t off = take(in) << 8;
		off |= take(in);
		textbuf_set_cursor(tb, off % (textbuf_len(tb) + 2));
		break;
	}
	case 9: textbuf_mark(tb); break;
	case 10: textbuf_select_all(tb); break;
	case 11: textbuf_select_none(tb); break;
	case 12: textbuf_copy(tb); break;
	case 13: textbuf_cut(tb); break;
	case 14: textbuf_paste(tb); break;
	case 15: textbuf_undo(tb); break;
	case 16: textbuf_redo(tb); break;
	case 17: textbuf_break_undo(tb); break;
	case 18: textbuf_layout(tb, take(in) % 90); break;
	case 19: textbuf_set_page(tb, take(in) % 12); break;
	case 20: s = take_text(in, 64, &n); textbuf_set_text(tb, s, n); return true;
	case 21: {
		size_t row = take(in), col = take(in);
		size_t off = textbuf_offset_at(tb, row % (textbuf_rows(tb) + 1), col % 100);
		size_t len;
		const char *t = textbuf_text(tb, &len);
		FUZZ_CHECK(off <= len && char_boundary(t, len, off));
		textbuf_set_cursor(tb, off);
		break;
	}
	}
	return false;
}

static char *copy_text(const struct textbuf *tb, size_t *len)
{
	const char *t = textbuf_text(tb, len);
	char *c = malloc(*len + 1);
	FUZZ_CHECK(c);
	memcpy(c, t, *len + 1);
	return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct textbuf *tb = textbuf_new(NULL, NULL);
	if (!tb)
		return 0;
	struct input in = {data, size};
	size_t base_len = 0, ops = 0;
	char *base = copy_text(tb, &base_len);
	check(tb, true);
	while (in.n > 0) {
		if (run_op(tb, &in)) {
			free(base);
			base = copy_text(tb, &base_len);
			ops = 0;
		}
		ops++;
		check(tb, (ops & 7) == 0 || in.n == 0);
	}

	/* Incremental counts and wrapping against a fresh buffer. */
	size_t len;
	char *final = copy_text(tb, &len);
	struct textbuf *fresh = textbuf_new(NULL, NULL);
	if (fresh) {
		FUZZ_CHECK(textbuf_set_text(fresh, final, len) == 0);
		size_t flen;
		const char *ft = textbuf_text(fresh, &flen);
		FUZZ_CHECK(flen == len && memcmp(ft, final, len) == 0); /* cleaning is idempotent */
		FUZZ_CHECK(textbuf_words(fresh) == textbuf_words(tb));
		if (textbuf_layout(fresh, textbuf_width(tb)) == 0) {
			FUZZ_CHECK(textbuf_rows(fresh) == textbuf_rows(tb));
			for (size_t r = 0; r < textbuf_rows(tb); r++) {
				size_t a0, a1, b0, b1;
				textbuf_row(tb, r, &a0, &a1);
				textbuf_row(fresh, r, &b0, &b1);
				FUZZ_CHECK(a0 == b0 && a1 == b1);
			}
		}
		textbuf_free(fresh);
	}

	/* Undo everything, then redo everything. */
	if (ops < TEXTBUF_UNDO_STEPS) {
		size_t now, steps = 0;
		while (textbuf_undo(tb)) {
			steps++;
			check(tb, false);
		}
		const char *t = textbuf_text(tb, &now);
		FUZZ_CHECK(now == base_len && memcmp(t, base, now) == 0);
		/* As many redos as undos: anything undone before the end stays
		 * undone. */
		for (; steps > 0; steps--) {
			FUZZ_CHECK(textbuf_redo(tb));
			check(tb, false);
		}
		t = textbuf_text(tb, &now);
		FUZZ_CHECK(now == len && memcmp(t, final, len) == 0);
	}
	free(final);
	free(base);
	textbuf_free(tb);
	return 0;
}
