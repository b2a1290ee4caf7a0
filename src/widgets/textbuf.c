/* textbuf.c: the text being written, with undo, clipboard, word count and
 * soft wrap. See widgets/textbuf.h for the rules; the notes here are about
 * how.
 *
 * The text is one contiguous buffer. Inserting moves the bytes after the
 * cursor (a memmove of at most the whole entry, microseconds at 100 KB);
 * the line table and the word count are updated from the place that
 * changed, so no keystroke walks the whole text. Every block that held
 * text is wiped before it is released, and blocks grow by copying, never
 * by realloc (which could free the old block with its bytes intact). */
#include "widgets/textbuf.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

/* One recorded change: at pos, del bytes were replaced by ins bytes. The
 * arena holds the deleted bytes, then the inserted ones, from `text`. */
struct urec {
	size_t pos, text, del, ins;
	size_t cur_before, cur_after;
	uint64_t group; /* records of one undo step share a group */
};

enum ukind { UK_NONE, UK_TYPE, UK_ERASE, UK_DELETE, UK_OTHER };

struct textbuf {
	void *(*alloc)(size_t);
	void (*release)(void *);

	char *text; /* NUL-terminated */
	size_t len, cap;
	size_t cursor, anchor;
	bool sel, mark;
	size_t goal; /* column kept by up/down; SIZE_MAX: none */
	size_t page;

	struct urec *recs;
	size_t nrec, rcap, upos; /* recs[0, upos) are applied; the rest can be redone */
	char *arena;
	size_t alen, acap;
	uint64_t next_group;
	bool open;          /* the next change of open_kind may join the last step */
	enum ukind open_kind;
	bool open_space;    /* the last typed character was white space */
	bool applying;      /* undo/redo in progress: do not record */

	char *clip;
	size_t clen, ccap;
	char *scratch; /* cleaned input */
	size_t scap;

	size_t words;
	uint64_t version;

	size_t width;    /* 0: no wrapping */
	size_t *lines;   /* start offset of each visual line */
	size_t nlines, lcap;
	size_t *fresh;   /* scratch for re-wrapping */
	size_t fcap;
	bool layout_ok;
};

/* ---- memory ---- */

static void *def_alloc(size_t n)
{
	return malloc(n);
}

static void def_release(void *p)
{
	free(p);
}

/* A block of at least need elements holding the first `used` of old, or
 * old itself when it is big enough; NULL when memory runs out (old is
 * untouched). The old block is wiped before it is released. */
static void *grow(struct textbuf *tb, void *old, size_t *cap, size_t used, size_t need, size_t elem)
{
	if (old && need <= *cap)
		return old;
	size_t c = *cap ? *cap : 16;
	while (c < need)
		c = c > SIZE_MAX / 4 ? need : c * 2;
	if (c > SIZE_MAX / elem)
		return NULL;
	void *p = tb->alloc(c * elem);
	if (!p)
		return NULL;
	if (old) {
		if (used)
			memcpy(p, old, used * elem);
		mem_wipe(old, *cap * elem);
		tb->release(old);
	}
	*cap = c;
	return p;
}

static void drop(struct textbuf *tb, void *p, size_t bytes)
{
	if (p) {
		mem_wipe(p, bytes);
		tb->release(p);
	}
}

/* ---- characters ---- */

static uint32_t cp_at(const char *s, size_t len, size_t off, size_t *adv)
{
	unsigned char c = (unsigned char)s[off];
	if (c < 0x80) {
		*adv = 1;
		return c;
	}
	return utf8_decode(s + off, len - off, adv);
}

static bool is_mark(uint32_t cp)
{
	return cp >= 0x300 && u_width(cp) == 0;
}

/* What may follow U+200D inside one character: emoji and pictographs. */
static bool joins_zwj(uint32_t cp)
{
	return (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

/* Whether a character starts at off. */
static bool boundary(const char *s, size_t len, size_t off)
{
	if (off == 0 || off >= len || (unsigned char)s[off] < 0x80)
		return true;
	if (((unsigned char)s[off] & 0xC0) == 0x80)
		return false; /* inside a code point */
	size_t adv;
	uint32_t cp = utf8_decode(s + off, len - off, &adv);
	size_t p = utf8_prev(s, off);
	uint32_t before = cp_at(s, len, p, &adv);
	if (before < 0x20)
		return true; /* marks never join a newline or a tab */
	return !(is_mark(cp) || (before == 0x200D && joins_zwj(cp)));
}

/* The end of the character at off; *base gets its first code point. */
static size_t next_char(const char *s, size_t len, size_t off, uint32_t *base)
{
	size_t adv;
	uint32_t cp = cp_at(s, len, off, &adv);
	if (base)
		*base = cp;
	off += adv;
	if (cp < 0x20)
		return off;
	uint32_t prev = cp;
	while (off < len && (unsigned char)s[off] >= 0x80) {
		uint32_t c = utf8_decode(s + off, len - off, &adv);
		if (!is_mark(c) && !(prev == 0x200D && joins_zwj(c)))
			break;
		off += adv;
		prev = c;
	}
	return off;
}

static size_t prev_char(const char *s, size_t len, size_t off)
{
	if (off == 0)
		return 0;
	size_t p = utf8_prev(s, off);
	while (p > 0 && !boundary(s, len, p))
		p = utf8_prev(s, p);
	return p;
}

enum cls { C_SPACE, C_PUNCT, C_JOIN, C_IDEO, C_WORD };

struct range {
	uint32_t lo, hi;
};

static bool in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cp >= r[i].lo && cp <= r[i].hi)
			return true;
	return false;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool is_space_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static const struct range punct[] = {
	{0x00A1, 0x00A9}, {0x00AB, 0x00B1}, {0x00B4, 0x00B4}, {0x00B6, 0x00B8},
	{0x00BB, 0x00BB}, {0x00BF, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7},
	{0x037E, 0x037E}, {0x0387, 0x0387}, {0x055A, 0x055F}, {0x0589, 0x058A},
	{0x05BE, 0x05BE}, {0x05C0, 0x05C0}, {0x05C3, 0x05C3}, {0x05F3, 0x05F4},
	{0x060C, 0x060D}, {0x061B, 0x061B}, {0x061F, 0x061F}, {0x066A, 0x066D},
	{0x06D4, 0x06D4}, {0x0964, 0x0965}, {0x0E4F, 0x0E4F}, {0x0E5A, 0x0E5B},
	{0x104A, 0x104F}, {0x10FB, 0x10FB}, {0x1360, 0x1368}, {0x166E, 0x166E},
	{0x17D4, 0x17D6}, {0x17D8, 0x17DA}, {0x2012, 0x2018}, {0x201A, 0x2027},
	{0x2030, 0x205E}, {0x2E00, 0x2E7F}, {0x3001, 0x3003}, {0x3008, 0x3011},
	{0x3014, 0x301F}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x30FB, 0x30FB},
	{0xFE10, 0xFE19}, {0xFE30, 0xFE4F}, {0xFE50, 0xFE6B}, {0xFF01, 0xFF0F},
	{0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65},
};

static const struct range ideo[] = {
	{0x3005, 0x3007}, {0x3040, 0x30FF}, {0x31F0, 0x31FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x3FFFD},
};

static enum cls classify(uint32_t cp)
{
	if (cp < 0x80) {
		if (cp <= ' ' || cp == 0x7F)
			return C_SPACE;
		if (cp == '\'' || cp == '-')
			return C_JOIN;
		if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
			return C_WORD;
		return C_PUNCT;
	}
	if (is_space_cp(cp) || cp < 0xA0)
		return C_SPACE;
	if (cp == 0x2019 || cp == 0x2010 || cp == 0x2011 || cp == 0x00AD)
		return C_JOIN;
	if (in_ranges(cp, punct, COUNT(punct)))
		return C_PUNCT;
	if (cp >= 0x3000 && in_ranges(cp, ideo, COUNT(ideo)))
		return C_IDEO;
	return C_WORD;
}

static enum cls cls_at(const struct textbuf *tb, size_t off, size_t *end)
{
	uint32_t base;
	size_t e = next_char(tb->text, tb->len, off, &base);
	if (end)
		*end = e;
	return classify(base);
}

/* Word and ideograph counts over the characters starting in [from, to);
 * from must start a character with no word running into it. */
static size_t count_words(const char *s, size_t len, size_t from, size_t to)
{
	size_t n = 0, p = from;
	bool in = false;
	while (p < to) {
		uint32_t base;
		size_t q = next_char(s, len, p, &base);
		switch (classify(base)) {
		case C_WORD:
			n += !in;
			in = true;
			break;
		case C_IDEO:
			n++;
			in = false;
			break;
		case C_JOIN:
			if (in && q < len) {
				uint32_t nb;
				next_char(s, len, q, &nb);
				in = classify(nb) == C_WORD;
			} else {
				in = false;
			}
			break;
		default:
			in = false;
			break;
		}
		p = q;
	}
	return n;
}

/* White space and ideographs separate words and are never part of one, so
 * counting can start at one (before `off`) and stop at one (from `off`). */
static bool is_sep(const char *s, size_t len, size_t off)
{
	size_t adv;
	enum cls c = classify(cp_at(s, len, off, &adv));
	return c == C_SPACE || c == C_IDEO;
}

static size_t sep_before(const struct textbuf *tb, size_t off)
{
	size_t p = off;
	while (p > 0) {
		p = utf8_prev(tb->text, p);
		if (is_sep(tb->text, tb->len, p))
			return p;
	}
	return 0;
}

static size_t sep_from(const struct textbuf *tb, size_t off)
{
	size_t p = off, adv;
	while (p < tb->len) {
		if (is_sep(tb->text, tb->len, p))
			return p;
		cp_at(tb->text, tb->len, p, &adv);
		p += adv;
	}
	return tb->len;
}

size_t textbuf_cp_width(uint32_t cp, size_t col)
{
	if (cp == '\t')
		return TEXTBUF_TAB - col % TEXTBUF_TAB;
	return (size_t)u_width(cp);
}

/* Columns of the character [p, q) with base at column col. */
static size_t char_width(const char *s, size_t p, size_t q, uint32_t base, size_t col)
{
	if (base < 0x80)
		return textbuf_cp_width(base, col);
	return utf8_width(s + p, q - p);
}

/* ---- soft wrap ---- */

/* No line starts with closing punctuation or ends with an opening one. */
static bool no_break_before(uint32_t cp)
{
	static const uint32_t close[] = {
		',', '.', '!', '?', ':', ';', ')', ']', '}', 0x3001, 0x3002, 0x3009, 0x300B,
		0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x3005, 0x3063, 0x30C3,
		0x30FC, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,
	};
	for (size_t i = 0; i < COUNT(close); i++)
		if (close[i] == cp)
			return true;
	return false;
}

static bool no_break_after(uint32_t cp)
{
	static const uint32_t open[] = {
		'(', '[', '{', 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018,
		0x301A, 0xFF08, 0xFF3B, 0xFF5B,
	};
	for (size_t i = 0; i < COUNT(open); i++)
		if (open[i] == cp)
			return true;
	return false;
}

enum { END_SOFT, END_HARD, END_EOF };

/* Where the visual line after the one starting at s starts. *kind says
 * how the line ended: wrapped, at a '\n' (skipped), or at the end. */
static size_t wrap_next(const struct textbuf *tb, size_t s, int *kind)
{
	const char *t = tb->text;
	size_t len = tb->len, w_max = tb->width ? tb->width : SIZE_MAX;
	size_t col = 0, i = s, brk = s;
	bool prev_space = false, prev_ideo = false;
	uint32_t prev = 0;
	while (i < len) {
		unsigned char b = (unsigned char)t[i];
		if (b == '\n') {
			*kind = END_HARD;
			return i + 1;
		}
		uint32_t base;
		size_t q, w;
		if (b < 0x80 && (i + 1 == len || (unsigned char)t[i + 1] < 0x80)) {
			base = b, q = i + 1;
			w = b == '\t' ? TEXTBUF_TAB - col % TEXTBUF_TAB : 1;
		} else {
			q = next_char(t, len, i, &base);
			w = char_width(t, i, q, base, col);
		}
		if (base == ' ' || base == '\t' || (base >= 0x80 && is_space_cp(base))) {
			if (col + w > w_max && i > s) {
				/* White space that does not fit hangs at the end. */
				for (i = q; i < len; i = q) {
					if (t[i] == '\n') {
						*kind = END_HARD;
						return i + 1;
					}
					q = next_char(t, len, i, &base);
					if (!(base == ' ' || base == '\t' || is_space_cp(base)))
						break;
				}
				*kind = i < len ? END_SOFT : END_EOF;
				return i;
			}
			col += w;
			i = q;
			prev_space = true, prev_ideo = false, prev = base;
			continue;
		}
		bool id = base >= 0x3000 && classify(base) == C_IDEO;
		if (i > s && !no_break_before(base) &&
		    (prev_space || ((id || prev_ideo) && !no_break_after(prev))))
			brk = i;
		if (col + w > w_max && i > s) {
			*kind = END_SOFT;
			return brk > s ? brk : i;
		}
		col += w;
		i = q;
		prev_space = false, prev_ideo = id, prev = base;
	}
	*kind = END_EOF;
	return len;
}

static void layout_fallback(struct textbuf *tb)
{
	tb->lines[0] = 0;
	tb->nlines = 1;
	tb->layout_ok = false;
}

static int push_line(struct textbuf *tb, size_t **arr, size_t *cap, size_t *n, size_t v)
{
	size_t *p = grow(tb, *arr, cap, *n, *n + 1, sizeof(size_t));
	if (!p)
		return -1;
	*arr = p;
	p[(*n)++] = v;
	return 0;
}

static int layout_full(struct textbuf *tb)
{
	tb->nlines = 1;
	tb->lines[0] = 0;
	size_t s = 0;
	for (;;) {
		int kind;
		size_t n = wrap_next(tb, s, &kind);
		if (kind == END_EOF)
			break;
		if (push_line(tb, &tb->lines, &tb->lcap, &tb->nlines, n)) {
			layout_fallback(tb);
			return -1;
		}
		s = n;
	}
	tb->layout_ok = true;
	return 0;
}

/* The last visual line starting at or before off. */
static size_t find_row(const struct textbuf *tb, size_t off)
{
	size_t lo = 0, hi = tb->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (tb->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* After [pos, pos + del) became ins bytes: wraps again from a few lines
 * before the change until a new line starts where an old one did (moved
 * by the change); from there on the old lines stand, shifted. */
static void layout_edit(struct textbuf *tb, size_t pos, size_t del, size_t ins)
{
	if (!tb->layout_ok) {
		layout_full(tb);
		return;
	}
	size_t row = find_row(tb, pos);
	size_t r = row >= 3 ? row - 3 : 0;
	size_t s = tb->lines[r], k = r + 1, nfresh = 0;
	bool converged = false;
	for (;;) {
		int kind;
		size_t n = wrap_next(tb, s, &kind);
		if (kind == END_EOF) {
			k = tb->nlines;
			break;
		}
		if (n >= pos + ins) {
			size_t old = n - ins + del;
			while (k < tb->nlines && tb->lines[k] < old)
				k++;
			if (k < tb->nlines && tb->lines[k] == old) {
				converged = true;
				break;
			}
		}
		if (push_line(tb, &tb->fresh, &tb->fcap, &nfresh, n)) {
			layout_full(tb);
			return;
		}
		s = n;
	}
	size_t tail = converged ? tb->nlines - k : 0;
	size_t total = r + 1 + nfresh + tail;
	size_t *p = grow(tb, tb->lines, &tb->lcap, tb->nlines, total, sizeof(size_t));
	if (!p) {
		layout_full(tb);
		return;
	}
	tb->lines = p;
	if (tail) {
		memmove(p + r + 1 + nfresh, p + k, tail * sizeof(size_t));
		for (size_t i = r + 1 + nfresh; i < total; i++)
			p[i] = p[i] - del + ins;
	}
	if (nfresh)
		memcpy(p + r + 1, tb->fresh, nfresh * sizeof(size_t));
	tb->nlines = total;
}

int textbuf_layout(struct textbuf *tb, size_t width)
{
	if (width == tb->width && tb->layout_ok)
		return 0;
	tb->width = width;
	return layout_full(tb);
}

size_t textbuf_width(const struct textbuf *tb)
{
	return tb->width;
}

size_t textbuf_rows(const struct textbuf *tb)
{
	return tb->nlines;
}

static bool row_soft(const struct textbuf *tb, size_t row)
{
	return row + 1 < tb->nlines && tb->text[tb->lines[row + 1] - 1] != '\n';
}

void textbuf_row(const struct textbuf *tb, size_t row, size_t *start, size_t *end)
{
	if (row >= tb->nlines)
		row = tb->nlines - 1;
	*start = tb->lines[row];
	if (row + 1 < tb->nlines) {
		size_t e = tb->lines[row + 1];
		*end = tb->text[e - 1] == '\n' ? e - 1 : e;
	} else {
		*end = tb->len;
	}
}

size_t textbuf_row_of(const struct textbuf *tb, size_t off)
{
	return find_row(tb, off);
}

size_t textbuf_col_of(const struct textbuf *tb, size_t off)
{
	if (off > tb->len)
		off = tb->len;
	size_t p = tb->lines[find_row(tb, off)], col = 0;
	while (p < off) {
		uint32_t base;
		size_t q = next_char(tb->text, tb->len, p, &base);
		col += char_width(tb->text, p, q, base, col);
		p = q;
	}
	return tb->width && col > tb->width ? tb->width : col;
}

/* The furthest the cursor can go on a row: the end of a row of text, and
 * on a wrapped row the start of its hanging white space, or else its last
 * character (the row's end offset is shown on the next row). */
static size_t row_last(const struct textbuf *tb, size_t row)
{
	size_t s, e;
	textbuf_row(tb, row, &s, &e);
	if (!row_soft(tb, row))
		return e;
	size_t p = e;
	while (p > s) {
		size_t q = prev_char(tb->text, tb->len, p);
		size_t adv;
		uint32_t cp = cp_at(tb->text, tb->len, q, &adv);
		if (!(cp == ' ' || cp == '\t' || is_space_cp(cp)))
			break;
		p = q;
	}
	if (p > s && p < e)
		return p;
	p = prev_char(tb->text, tb->len, e);
	return p > s ? p : s;
}

size_t textbuf_offset_at(const struct textbuf *tb, size_t row, size_t col)
{
	if (row >= tb->nlines)
		row = tb->nlines - 1;
	size_t p = tb->lines[row], last = row_last(tb, row), c = 0;
	while (p < last) {
		uint32_t base;
		size_t q = next_char(tb->text, tb->len, p, &base);
		size_t w = char_width(tb->text, p, q, base, c);
		if (c + w > col)
			break;
		c += w;
		p = q;
	}
	return p;
}

/* ---- creation ---- */

struct textbuf *textbuf_new(void *(*alloc)(size_t), void (*release)(void *))
{
	if (!alloc)
		alloc = def_alloc;
	if (!release)
		release = def_release;
	struct textbuf *tb = alloc(sizeof(*tb));
	if (!tb)
		return NULL;
	memset(tb, 0, sizeof(*tb));
	tb->alloc = alloc;
	tb->release = release;
	tb->goal = SIZE_MAX;
	tb->page = 10;
	tb->text = grow(tb, NULL, &tb->cap, 0, 256, 1);
	tb->lines = grow(tb, NULL, &tb->lcap, 0, 64, sizeof(size_t));
	if (!tb->text || !tb->lines) {
		textbuf_free(tb);
		return NULL;
	}
	tb->text[0] = '\0';
	tb->lines[0] = 0;
	tb->nlines = 1;
	tb->layout_ok = true;
	return tb;
}

void textbuf_free(struct textbuf *tb)
{
	if (!tb)
		return;
	drop(tb, tb->text, tb->cap);
	drop(tb, tb->recs, tb->rcap * sizeof(struct urec));
	drop(tb, tb->arena, tb->acap);
	drop(tb, tb->clip, tb->ccap);
	drop(tb, tb->scratch, tb->scap);
	drop(tb, tb->lines, tb->lcap * sizeof(size_t));
	drop(tb, tb->fresh, tb->fcap * sizeof(size_t));
	void (*release)(void *) = tb->release;
	mem_wipe(tb, sizeof(*tb));
	release(tb);
}

const char *textbuf_text(const struct textbuf *tb, size_t *len)
{
	if (len)
		*len = tb->len;
	return tb->text;
}

size_t textbuf_len(const struct textbuf *tb)
{
	return tb->len;
}

size_t textbuf_cursor(const struct textbuf *tb)
{
	return tb->cursor;
}

static size_t snap(const struct textbuf *tb, size_t off)
{
	if (off >= tb->len)
		return tb->len;
	while (off < tb->len && !boundary(tb->text, tb->len, off)) {
		size_t adv;
		cp_at(tb->text, tb->len, off, &adv);
		off += adv;
	}
	return off;
}

void textbuf_set_cursor(struct textbuf *tb, size_t off)
{
	textbuf_break_undo(tb);
	tb->cursor = snap(tb, off);
	tb->sel = tb->mark = false;
	tb->goal = SIZE_MAX;
}

bool textbuf_selection(const struct textbuf *tb, size_t *from, size_t *to)
{
	if (!tb->sel || tb->anchor == tb->cursor) {
		*from = *to = tb->cursor;
		return false;
	}
	*from = tb->anchor < tb->cursor ? tb->anchor : tb->cursor;
	*to = tb->anchor < tb->cursor ? tb->cursor : tb->anchor;
	return true;
}

/* ---- undo history ---- */

static void history_clear(struct textbuf *tb)
{
	mem_wipe(tb->arena, tb->alen);
	mem_wipe(tb->recs, tb->nrec * sizeof(struct urec));
	tb->alen = tb->nrec = tb->upos = 0;
	tb->open = false;
}

static size_t rec_end(const struct urec *r)
{
	return r->text + r->del + r->ins;
}

/* Keeps at most TEXTBUF_UNDO_STEPS steps, dropping a quarter at a time. */
static void history_trim(struct textbuf *tb)
{
	if (!tb->nrec || tb->recs[tb->nrec - 1].group - tb->recs[0].group < TEXTBUF_UNDO_STEPS)
		return;
	uint64_t keep = tb->recs[tb->nrec - 1].group - TEXTBUF_UNDO_STEPS * 3 / 4;
	size_t i = 0;
	while (i < tb->upos && tb->recs[i].group < keep)
		i++;
	if (!i)
		return;
	size_t t0 = tb->recs[i].text;
	if (i == tb->nrec)
		t0 = tb->alen;
	memmove(tb->arena, tb->arena + t0, tb->alen - t0);
	mem_wipe(tb->arena + tb->alen - t0, t0);
	tb->alen -= t0;
	memmove(tb->recs, tb->recs + i, (tb->nrec - i) * sizeof(struct urec));
	mem_wipe(tb->recs + tb->nrec - i, i * sizeof(struct urec));
	tb->nrec -= i;
	tb->upos -= i;
	for (size_t j = 0; j < tb->nrec; j++)
		tb->recs[j].text -= t0;
}

static bool space_cp_at(const char *s, size_t n, size_t off)
{
	size_t adv;
	return classify(cp_at(s, n, off, &adv)) == C_SPACE;
}

/* Records that [pos, pos + del) becomes ins. When memory runs out the
 * history is emptied rather than the change refused. */
static void record(struct textbuf *tb, size_t pos, size_t del, const char *ins, size_t n,
                   enum ukind kind)
{
	if (tb->upos < tb->nrec) {
		size_t keep = tb->upos ? rec_end(&tb->recs[tb->upos - 1]) : 0;
		mem_wipe(tb->arena + keep, tb->alen - keep);
		tb->alen = keep;
		mem_wipe(tb->recs + tb->upos, (tb->nrec - tb->upos) * sizeof(struct urec));
		tb->nrec = tb->upos;
		tb->open = false;
	}
	bool join = tb->open && tb->open_kind == kind && kind != UK_OTHER && tb->nrec > 0;
	/* A word typed after white space starts a new step. */
	if (join && kind == UK_TYPE && tb->open_space && n && !space_cp_at(ins, n, 0))
		join = false;
	struct urec *last = tb->nrec ? &tb->recs[tb->nrec - 1] : NULL;
	if (join && kind == UK_TYPE && del == 0 && last->pos + last->ins == pos &&
	    rec_end(last) == tb->alen) {
		char *a = grow(tb, tb->arena, &tb->acap, tb->alen, tb->alen + n, 1);
		if (!a) {
			history_clear(tb);
			return;
		}
		tb->arena = a;
		memcpy(a + tb->alen, ins, n);
		tb->alen += n;
		last->ins += n;
		last->cur_after = pos + n;
	} else {
		/* Read from the last record before grow() may free the table. */
		uint64_t group = join ? last->group : ++tb->next_group;
		struct urec *r = grow(tb, tb->recs, &tb->rcap, tb->nrec, tb->nrec + 1, sizeof(*r));
		if (r)
			tb->recs = r;
		char *a = r ? grow(tb, tb->arena, &tb->acap, tb->alen, tb->alen + del + n, 1) : NULL;
		if (!a) {
			history_clear(tb);
			return;
		}
		tb->arena = a;
		memcpy(a + tb->alen, tb->text + pos, del);
		if (n)
			memcpy(a + tb->alen + del, ins, n);
		tb->recs[tb->nrec] = (struct urec){
			.pos = pos, .text = tb->alen, .del = del, .ins = n,
			.cur_before = tb->cursor, .cur_after = pos + n,
			.group = group,
		};
		tb->nrec++;
		tb->alen += del + n;
	}
	tb->upos = tb->nrec;
	tb->open = kind != UK_OTHER;
	tb->open_kind = kind;
	if (kind == UK_TYPE && n)
		tb->open_space = space_cp_at(ins, n, utf8_prev(ins, n));
	history_trim(tb);
}

void textbuf_break_undo(struct textbuf *tb)
{
	tb->open = false;
}

/* ---- the one way text changes ---- */

/* Replaces [pos, pos + del) with n clean bytes; records it unless undo or
 * redo is replaying. 0, or -1 with nothing changed. */
static int replace(struct textbuf *tb, size_t pos, size_t del, const char *ins, size_t n,
                   enum ukind kind)
{
	if (!del && !n)
		return 0;
	if (n > del) {
		if (n - del > SIZE_MAX - tb->len - 1)
			return -1;
		char *p = grow(tb, tb->text, &tb->cap, tb->len + 1, tb->len + (n - del) + 1, 1);
		if (!p)
			return -1;
		tb->text = p;
	}
	if (!tb->applying)
		record(tb, pos, del, ins, n, kind);
	size_t from = sep_before(tb, pos), to = sep_from(tb, pos + del);
	size_t before = count_words(tb->text, tb->len, from, to);
	char *t = tb->text;
	memmove(t + pos + n, t + pos + del, tb->len - pos - del);
	if (n)
		memcpy(t + pos, ins, n);
	size_t old = tb->len;
	tb->len = old - del + n;
	if (tb->len < old)
		mem_wipe(t + tb->len, old - tb->len);
	t[tb->len] = '\0';
	tb->words = tb->words - before + count_words(t, tb->len, from, to - del + n);
	layout_edit(tb, pos, del, n);
	tb->version++;
	return 0;
}

/* Cleans text on the way in (see the header). *out is s itself when it
 * is clean already, else the scratch buffer; wipe_scratch() after use. */
static int clean(struct textbuf *tb, const char *s, size_t n, const char **out, size_t *outn)
{
	size_t i = 0, adv;
	bool dirty = false;
	while (i < n && !dirty) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			dirty = (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F;
			i++;
			continue;
		}
		uint32_t cp = utf8_decode(s + i, n - i, &adv);
		dirty = (cp == UTF8_REPLACEMENT && adv == 1) || (cp >= 0x80 && cp < 0xA0);
		i += adv;
	}
	if (!dirty) {
		*out = s;
		*outn = n;
		return 0;
	}
	if (n > SIZE_MAX / 3)
		return -1;
	char *p = grow(tb, tb->scratch, &tb->scap, 0, n * 3 + 1, 1);
	if (!p)
		return -1;
	tb->scratch = p;
	size_t o = 0;
	for (i = 0; i < n; i += adv) {
		uint32_t cp = utf8_decode(s + i, n - i, &adv);
		if (cp == '\r') {
			p[o++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				adv = 2;
			continue;
		}
		if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0))
			continue;
		o += utf8_encode(cp, p + o);
	}
	*out = p;
	*outn = o;
	return 0;
}

static void wipe_scratch(struct textbuf *tb, const char *used, size_t n)
{
	if (used == tb->scratch)
		mem_wipe(tb->scratch, n);
}

static void after_edit(struct textbuf *tb, size_t cursor)
{
	tb->cursor = snap(tb, cursor);
	tb->sel = tb->mark = false;
	tb->goal = SIZE_MAX;
}

static int put_text(struct textbuf *tb, const char *s, size_t n, enum ukind kind)
{
	const char *c;
	size_t cn;
	if (clean(tb, s, n, &c, &cn))
		return -1;
	size_t from, to;
	if (textbuf_selection(tb, &from, &to) || kind == UK_OTHER)
		tb->open = false;
	int r = replace(tb, from, to - from, c, cn, kind);
	wipe_scratch(tb, c, cn);
	if (r)
		return -1;
	after_edit(tb, from + cn);
	if (kind == UK_OTHER)
		tb->open = false;
	return 0;
}

int textbuf_type(struct textbuf *tb, const char *s, size_t n)
{
	return put_text(tb, s, n, UK_TYPE);
}

int textbuf_insert(struct textbuf *tb, const char *s, size_t n)
{
	return put_text(tb, s, n, UK_OTHER);
}

/* Deletes [from, to) as an edit of kind; the cursor goes to from. */
static int cut_range(struct textbuf *tb, size_t from, size_t to, enum ukind kind)
{
	if (kind == UK_OTHER)
		tb->open = false;
	if (replace(tb, from, to - from, "", 0, kind))
		return -1;
	after_edit(tb, from);
	if (kind == UK_OTHER)
		tb->open = false;
	return 0;
}

static int delete_selection(struct textbuf *tb, bool *done)
{
	size_t from, to;
	*done = textbuf_selection(tb, &from, &to);
	if (!*done) {
		tb->sel = tb->mark = false;
		return 0;
	}
	return cut_range(tb, from, to, UK_OTHER);
}

int textbuf_erase(struct textbuf *tb)
{
	bool done;
	int r = delete_selection(tb, &done);
	if (done || !tb->cursor)
		return r;
	return cut_range(tb, prev_char(tb->text, tb->len, tb->cursor), tb->cursor, UK_ERASE);
}

int textbuf_delete(struct textbuf *tb)
{
	bool done;
	int r = delete_selection(tb, &done);
	if (done || tb->cursor >= tb->len)
		return r;
	size_t to = next_char(tb->text, tb->len, tb->cursor, NULL);
	size_t at = tb->cursor;
	if (cut_range(tb, at, to, UK_DELETE))
		return -1;
	return 0;
}

static size_t word_left(const struct textbuf *tb, size_t p);

int textbuf_delete_word(struct textbuf *tb)
{
	bool done;
	int r = delete_selection(tb, &done);
	if (done)
		return r;
	size_t from = word_left(tb, tb->cursor);
	return from < tb->cursor ? cut_range(tb, from, tb->cursor, UK_OTHER) : 0;
}

static size_t para_start(const struct textbuf *tb, size_t p)
{
	while (p > 0 && tb->text[p - 1] != '\n')
		p--;
	return p;
}

static size_t para_end(const struct textbuf *tb, size_t p)
{
	const char *nl = memchr(tb->text + p, '\n', tb->len - p);
	return nl ? (size_t)(nl - tb->text) : tb->len;
}

int textbuf_kill_to_end(struct textbuf *tb)
{
	bool done;
	int r = delete_selection(tb, &done);
	if (done)
		return r;
	size_t e = para_end(tb, tb->cursor);
	if (e == tb->cursor && e < tb->len)
		e++;
	return e > tb->cursor ? cut_range(tb, tb->cursor, e, UK_OTHER) : 0;
}

int textbuf_kill_to_start(struct textbuf *tb)
{
	bool done;
	int r = delete_selection(tb, &done);
	if (done)
		return r;
	size_t s = para_start(tb, tb->cursor);
	if (s == tb->cursor && s > 0)
		s--;
	return s < tb->cursor ? cut_range(tb, s, tb->cursor, UK_OTHER) : 0;
}

int textbuf_set_text(struct textbuf *tb, const char *s, size_t n)
{
	const char *c;
	size_t cn;
	if (clean(tb, s, n, &c, &cn))
		return -1;
	char *p = grow(tb, tb->text, &tb->cap, 0, cn + 1, 1);
	if (!p) {
		wipe_scratch(tb, c, cn);
		return -1;
	}
	tb->text = p;
	mem_wipe(p, tb->len);
	memcpy(p, c, cn);
	p[cn] = '\0';
	tb->len = cn;
	wipe_scratch(tb, c, cn);
	history_clear(tb);
	tb->words = count_words(tb->text, tb->len, 0, tb->len);
	layout_full(tb);
	tb->version++;
	after_edit(tb, tb->len);
	return 0;
}

/* ---- movement ---- */

static size_t word_right(const struct textbuf *tb, size_t p)
{
	size_t q = p;
	enum cls c = C_SPACE;
	while (p < tb->len && (c = cls_at(tb, p, &q)) != C_WORD && c != C_IDEO)
		p = q;
	if (p >= tb->len)
		return tb->len;
	if (c == C_IDEO)
		return q;
	for (p = q; p < tb->len; p = q) {
		c = cls_at(tb, p, &q);
		if (c == C_WORD || (c == C_JOIN && q < tb->len && cls_at(tb, q, NULL) == C_WORD))
			continue;
		break;
	}
	return p;
}

static size_t word_left(const struct textbuf *tb, size_t p)
{
	const char *s = tb->text;
	size_t q = p;
	enum cls c = C_SPACE;
	while (p > 0) {
		q = prev_char(s, tb->len, p);
		c = cls_at(tb, q, NULL);
		if (c == C_WORD || c == C_IDEO)
			break;
		p = q;
	}
	if (p == 0)
		return 0;
	if (c == C_IDEO)
		return q;
	for (p = q; p > 0; p = q) {
		q = prev_char(s, tb->len, p);
		c = cls_at(tb, q, NULL);
		if (c == C_WORD ||
		    (c == C_JOIN && q > 0 && cls_at(tb, prev_char(s, tb->len, q), NULL) == C_WORD))
			continue;
		break;
	}
	return p;
}

/* A line of text holding nothing but white space. */
static bool blank_line(const struct textbuf *tb, size_t p)
{
	for (; p < tb->len && tb->text[p] != '\n'; p++)
		if (tb->text[p] != ' ' && tb->text[p] != '\t')
			return false;
	return true;
}

static size_t next_para_start(const struct textbuf *tb, size_t p)
{
	size_t e = para_end(tb, p);
	return e < tb->len ? e + 1 : tb->len;
}

static size_t para_down(const struct textbuf *tb, size_t p)
{
	p = para_start(tb, p);
	while (p < tb->len && blank_line(tb, p))
		p = next_para_start(tb, p);
	while (p < tb->len && !blank_line(tb, p))
		p = next_para_start(tb, p);
	return p;
}

static size_t para_up(const struct textbuf *tb, size_t p)
{
	size_t q = para_start(tb, p);
	if (q == p) {
		if (q == 0)
			return 0;
		q = para_start(tb, q - 1);
	}
	while (q > 0 && blank_line(tb, q))
		q = para_start(tb, q - 1);
	while (q > 0 && !blank_line(tb, q))
		q = para_start(tb, q - 1);
	return q;
}

static void move_vertical(struct textbuf *tb, bool up, size_t step)
{
	size_t row = find_row(tb, tb->cursor), last = tb->nlines - 1;
	if (tb->goal == SIZE_MAX)
		tb->goal = textbuf_col_of(tb, tb->cursor);
	if (up ? row == 0 : row == last) {
		tb->cursor = up ? 0 : tb->len;
		tb->goal = SIZE_MAX;
		return;
	}
	size_t to = up ? (row > step ? row - step : 0) : (last - row > step ? row + step : last);
	tb->cursor = textbuf_offset_at(tb, to, tb->goal);
}

void textbuf_move(struct textbuf *tb, enum tb_move m, bool extend)
{
	size_t from, to;
	bool has = textbuf_selection(tb, &from, &to);
	extend = extend || tb->mark;
	textbuf_break_undo(tb);
	if (!extend && tb->sel) {
		tb->sel = false;
		if (has && (m == TB_LEFT || m == TB_RIGHT)) {
			tb->cursor = m == TB_LEFT ? from : to;
			tb->goal = SIZE_MAX;
			return;
		}
	}
	if (extend && !tb->sel) {
		tb->sel = true;
		tb->anchor = tb->cursor;
	}
	if (m != TB_UP && m != TB_DOWN && m != TB_PAGE_UP && m != TB_PAGE_DOWN)
		tb->goal = SIZE_MAX;
	size_t c = tb->cursor;
	switch (m) {
	case TB_LEFT:
		c = prev_char(tb->text, tb->len, c);
		break;
	case TB_RIGHT:
		c = c < tb->len ? next_char(tb->text, tb->len, c, NULL) : c;
		break;
	case TB_WORD_LEFT:
		c = word_left(tb, c);
		break;
	case TB_WORD_RIGHT:
		c = word_right(tb, c);
		break;
	case TB_UP:
	case TB_DOWN:
		move_vertical(tb, m == TB_UP, 1);
		return;
	case TB_PAGE_UP:
	case TB_PAGE_DOWN:
		move_vertical(tb, m == TB_PAGE_UP, tb->page);
		return;
	case TB_LINE_START:
		c = tb->lines[find_row(tb, c)];
		break;
	case TB_LINE_END:
		c = row_last(tb, find_row(tb, c));
		break;
	case TB_PARA_UP:
		c = para_up(tb, c);
		break;
	case TB_PARA_DOWN:
		c = para_down(tb, c);
		break;
	case TB_START:
		c = 0;
		break;
	case TB_END:
		c = tb->len;
		break;
	}
	tb->cursor = c;
}

void textbuf_set_page(struct textbuf *tb, size_t rows)
{
	tb->page = rows ? rows : 1;
}

void textbuf_mark(struct textbuf *tb)
{
	textbuf_break_undo(tb);
	if (tb->mark || tb->sel) {
		tb->mark = tb->sel = false;
		return;
	}
	tb->mark = tb->sel = true;
	tb->anchor = tb->cursor;
}

bool textbuf_mark_active(const struct textbuf *tb)
{
	return tb->mark;
}

void textbuf_select_all(struct textbuf *tb)
{
	textbuf_break_undo(tb);
	tb->sel = true;
	tb->mark = false;
	tb->anchor = 0;
	tb->cursor = tb->len;
	tb->goal = SIZE_MAX;
}

bool textbuf_select_none(struct textbuf *tb)
{
	bool had = tb->sel || tb->mark;
	tb->sel = tb->mark = false;
	return had;
}

/* ---- clipboard ---- */

int textbuf_copy(struct textbuf *tb)
{
	size_t from, to;
	if (!textbuf_selection(tb, &from, &to)) {
		tb->sel = tb->mark = false;
		return 0;
	}
	size_t n = to - from;
	char *p = grow(tb, tb->clip, &tb->ccap, 0, n + 1, 1);
	if (!p)
		return -1;
	tb->clip = p;
	if (tb->clen > n)
		mem_wipe(p + n, tb->clen - n);
	memcpy(p, tb->text + from, n);
	p[n] = '\0';
	tb->clen = n;
	tb->sel = tb->mark = false;
	return 0;
}

int textbuf_cut(struct textbuf *tb)
{
	size_t from, to;
	if (!textbuf_selection(tb, &from, &to)) {
		tb->sel = tb->mark = false;
		return 0;
	}
	if (textbuf_copy(tb))
		return -1;
	return cut_range(tb, from, to, UK_OTHER);
}

int textbuf_paste(struct textbuf *tb)
{
	if (!tb->clen)
		return 0;
	size_t from, to;
	textbuf_selection(tb, &from, &to);
	tb->open = false;
	/* The clipboard is clean already and separate from the text. */
	if (replace(tb, from, to - from, tb->clip, tb->clen, UK_OTHER))
		return -1;
	after_edit(tb, from + tb->clen);
	tb->open = false;
	return 0;
}

const char *textbuf_clipboard(const struct textbuf *tb, size_t *len)
{
	if (len)
		*len = tb->clen;
	return tb->clip ? tb->clip : "";
}

/* ---- undo ---- */

bool textbuf_undo(struct textbuf *tb)
{
	if (!tb->upos)
		return false;
	uint64_t g = tb->recs[tb->upos - 1].group;
	size_t cur = tb->cursor;
	bool ok = true;
	tb->applying = true;
	while (tb->upos && tb->recs[tb->upos - 1].group == g) {
		const struct urec *r = &tb->recs[tb->upos - 1];
		if (replace(tb, r->pos, r->ins, tb->arena + r->text, r->del, UK_NONE)) {
			ok = false;
			break;
		}
		cur = r->cur_before;
		tb->upos--;
	}
	tb->applying = false;
	tb->open = false;
	after_edit(tb, cur);
	return ok;
}

bool textbuf_redo(struct textbuf *tb)
{
	if (tb->upos >= tb->nrec)
		return false;
	uint64_t g = tb->recs[tb->upos].group;
	size_t cur = tb->cursor;
	bool ok = true;
	tb->applying = true;
	while (tb->upos < tb->nrec && tb->recs[tb->upos].group == g) {
		const struct urec *r = &tb->recs[tb->upos];
		if (replace(tb, r->pos, r->del, tb->arena + r->text + r->del, r->ins, UK_NONE)) {
			ok = false;
			break;
		}
		cur = r->cur_after;
		tb->upos++;
	}
	tb->applying = false;
	tb->open = false;
	after_edit(tb, cur);
	return ok;
}

/* ---- counts ---- */

size_t textbuf_words(const struct textbuf *tb)
{
	return tb->words;
}

uint64_t textbuf_version(const struct textbuf *tb)
{
	return tb->version;
}
