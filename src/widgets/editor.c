/* editor.c: a textbuf on screen, and actions mapped onto it. */
#include "widgets/editor.h"

#include <string.h>

#include "ui/term.h"
#include "util/utf8.h"

int editor_init(struct editor *ed, void *(*alloc)(size_t), void (*release)(void *))
{
	memset(ed, 0, sizeof(*ed));
	ed->tb = textbuf_new(alloc, release);
	return ed->tb ? 0 : -1;
}

void editor_free(struct editor *ed)
{
	textbuf_free(ed->tb);
	memset(ed, 0, sizeof(*ed));
}

int editor_set_text(struct editor *ed, const char *s, size_t n)
{
	ed->top = 0;
	ed->out_of_memory = textbuf_set_text(ed->tb, s, n) != 0;
	return ed->out_of_memory ? -1 : 0;
}

const char *editor_text(const struct editor *ed, size_t *len)
{
	return textbuf_text(ed->tb, len);
}

static bool go(struct editor *ed, enum tb_move m, bool extend)
{
	textbuf_move(ed->tb, m, extend);
	return true;
}

static bool edit(struct editor *ed, int r)
{
	ed->out_of_memory = r != 0;
	return true;
}

bool editor_action(struct editor *ed, enum action a)
{
	struct textbuf *tb = ed->tb;
	switch (a) {
	case ACT_LEFT: return go(ed, TB_LEFT, false);
	case ACT_RIGHT: return go(ed, TB_RIGHT, false);
	case ACT_UP: return go(ed, TB_UP, false);
	case ACT_DOWN: return go(ed, TB_DOWN, false);
	case ACT_WORD_LEFT: return go(ed, TB_WORD_LEFT, false);
	case ACT_WORD_RIGHT: return go(ed, TB_WORD_RIGHT, false);
	case ACT_PARA_UP: return go(ed, TB_PARA_UP, false);
	case ACT_PARA_DOWN: return go(ed, TB_PARA_DOWN, false);
	case ACT_PGUP: return go(ed, TB_PAGE_UP, false);
	case ACT_PGDN: return go(ed, TB_PAGE_DOWN, false);
	case ACT_LINE_START: return go(ed, TB_LINE_START, false);
	case ACT_LINE_END: return go(ed, TB_LINE_END, false);
	case ACT_TOP: return go(ed, TB_START, false);
	case ACT_BOTTOM: return go(ed, TB_END, false);
	case ACT_SEL_LEFT: return go(ed, TB_LEFT, true);
	case ACT_SEL_RIGHT: return go(ed, TB_RIGHT, true);
	case ACT_SEL_UP: return go(ed, TB_UP, true);
	case ACT_SEL_DOWN: return go(ed, TB_DOWN, true);
	case ACT_SEL_LINE_START: return go(ed, TB_LINE_START, true);
	case ACT_SEL_LINE_END: return go(ed, TB_LINE_END, true);
	case ACT_MARK:
		textbuf_mark(tb);
		return true;
	case ACT_SELECT_ALL:
		textbuf_select_all(tb);
		return true;
	case ACT_BACK:
		/* Esc lets go of a selection; without one it is the view's. */
		return textbuf_select_none(tb);
	case ACT_SELECT: return edit(ed, textbuf_type(tb, "\n", 1));
	case ACT_ERASE: return edit(ed, textbuf_erase(tb));
	case ACT_DELETE: return edit(ed, textbuf_delete(tb));
	case ACT_DELETE_WORD: return edit(ed, textbuf_delete_word(tb));
	case ACT_KILL_LINE: return edit(ed, textbuf_kill_to_start(tb));
	case ACT_KILL_TO_END: return edit(ed, textbuf_kill_to_end(tb));
	case ACT_CUT: return edit(ed, textbuf_cut(tb));
	case ACT_COPY: return edit(ed, textbuf_copy(tb));
	case ACT_PASTE: return edit(ed, textbuf_paste(tb));
	case ACT_UNDO:
		textbuf_undo(tb);
		return true;
	case ACT_REDO:
		textbuf_redo(tb);
		return true;
	default:
		return false;
	}
}

int editor_insert(struct editor *ed, const char *s, size_t n)
{
	size_t adv;
	int r;
	utf8_decode(s, n, &adv);
	if (n && adv == n)
		r = textbuf_type(ed->tb, s, n);
	else
		r = textbuf_insert(ed->tb, s, n);
	ed->out_of_memory = r != 0;
	return r;
}

size_t editor_words(const struct editor *ed)
{
	return textbuf_words(ed->tb);
}

uint64_t editor_version(const struct editor *ed)
{
	return textbuf_version(ed->tb);
}

bool editor_has_selection(const struct editor *ed)
{
	size_t from, to;
	return textbuf_selection(ed->tb, &from, &to);
}

size_t editor_put_span(int y, int x, size_t col, size_t maxcol, enum role r, const char *s,
                        size_t n)
{
	size_t i = 0;
	while (i < n && col < maxcol) {
		const char *tab = memchr(s + i, '\t', n - i);
		size_t run = tab ? (size_t)(tab - (s + i)) : n - i;
		if (run)
			col += (size_t)ui_put(y, x + (int)col, (int)(maxcol - col), r, s + i, run);
		i += run;
		if (tab && col < maxcol) {
			size_t w = textbuf_cp_width('\t', col);
			if (w > maxcol - col)
				w = maxcol - col;
			ui_fill(y, x + (int)col, (int)w, r);
			col += w;
			i++;
		}
	}
	return col;
}

void editor_draw(struct editor *ed, int y, int x, int rows, int cols)
{
	if (rows <= 0 || cols <= 0)
		return;
	struct textbuf *tb = ed->tb;
	size_t width = cols > 1 ? (size_t)cols - 1 : 1;
	/* On failure the text shows unwrapped; nothing is lost. */
	if (textbuf_layout(tb, width))
		ed->out_of_memory = true;
	textbuf_set_page(tb, rows > 2 ? (size_t)rows - 1 : 1);

	size_t nrows = textbuf_rows(tb), cur = textbuf_cursor(tb);
	size_t crow = textbuf_row_of(tb, cur), h = (size_t)rows;
	if (crow < ed->top)
		ed->top = crow;
	if (crow >= ed->top + h)
		ed->top = crow - h + 1;
	if (ed->top + h > nrows)
		ed->top = nrows > h ? nrows - h : 0;

	size_t sfrom, sto;
	bool sel = textbuf_selection(tb, &sfrom, &sto);
	const char *text = textbuf_text(tb, NULL);
	for (size_t i = 0; i < h; i++) {
		int yy = y + (int)i;
		ui_fill(yy, x, cols, ROLE_NORMAL);
		size_t r = ed->top + i;
		if (r >= nrows)
			continue;
		size_t s, e, col = 0, maxcol = (size_t)cols;
		textbuf_row(tb, r, &s, &e);
		if (!sel || sto <= s || sfrom > e) {
			editor_put_span(yy, x, 0, maxcol, ROLE_NORMAL, text + s, e - s);
			continue;
		}
		size_t a = sfrom > s ? sfrom : s, b = sto < e ? sto : e;
		col = editor_put_span(yy, x, col, maxcol, ROLE_NORMAL, text + s, a - s);
		col = editor_put_span(yy, x, col, maxcol, ROLE_SELECTED, text + a, b - a);
		/* A selected line break shows as one selected cell. */
		if (sto > e && text[e] == '\n' && col < maxcol) {
			ui_fill(yy, x + (int)col, 1, ROLE_SELECTED);
			col++;
		}
		editor_put_span(yy, x, col, maxcol, ROLE_NORMAL, text + b, e - b);
	}
	ui_cursor(y + (int)(crow - ed->top), x + (int)textbuf_col_of(tb, cur), true);
}
