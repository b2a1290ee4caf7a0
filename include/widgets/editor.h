/* editor.h: the journal's text editor. A textbuf (widgets/textbuf.h) drawn
 * in a rectangle with soft wrap, scrolled to keep the cursor in view, the
 * selection in ROLE_SELECTED.
 *
 * Keys reach it as actions (editor_action) and text (editor_insert):
 *   Enter (ACT_SELECT)        a new line
 *   arrows, Home/End, PgUp/PgDn, Ctrl-Home/End (ACT_TOP/ACT_BOTTOM)
 *   Ctrl-Left/Right or Alt-b/f  by word;  Ctrl-Up/Down or Alt-{/}  by paragraph
 *   Shift-arrows, Shift-Home/End  select;  Ctrl-Space  mark (moving selects)
 *   Alt-a  select all;  Ctrl-X / Alt-w or F5 / Ctrl-V  cut / copy / paste
 *   Bksp, Del, Ctrl-W (word), Ctrl-K (to line end), Ctrl-U (to line start)
 *   Ctrl-Z / Ctrl-Y  undo / redo;  Esc  drops a selection first
 * Not taken, so the view decides: Tab and Shift-Tab (ACT_NEXT_FIELD and
 * ACT_PREV_FIELD: moving focus out of the editor must stay possible; the
 * editor never inserts tabs, though pasted tabs are kept and shown), Ctrl-S
 * (ACT_SAVE), Esc without a selection, and every global key.
 *
 * Text that arrives in one piece of more than one character (a bracketed
 * paste) is one undo step; a single character is typing, which groups. */
#ifndef TEND_WIDGETS_EDITOR_H
#define TEND_WIDGETS_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "widgets/textbuf.h"
#include "ui/action.h"
#include "ui/term.h"

struct editor {
	struct textbuf *tb;
	size_t top;         /* first visual row on screen */
	bool out_of_memory; /* the last change could not be made */
};

/* alloc/release as for textbuf_new (NULL: malloc and free; the text is
 * wiped either way). -1 when memory runs out. */
int editor_init(struct editor *ed, void *(*alloc)(size_t), void (*release)(void *));
/* Wipes and frees the text, its history and clipboard. */
void editor_free(struct editor *ed);
/* Loads an entry: the cursor goes to its end, the undo history is empty. */
int editor_set_text(struct editor *ed, const char *s, size_t n);
/* The text, NUL-terminated, valid until the next change. */
const char *editor_text(const struct editor *ed, size_t *len);

/* Carries out a, returning false when a is not an editor action (the view
 * handles it) and true otherwise, even when nothing changed. */
bool editor_action(struct editor *ed, enum action a);
/* Typed text or a paste at the cursor, replacing the selection. */
int editor_insert(struct editor *ed, const char *s, size_t n);

/* Draws the text in rows x cols at (y, x) and puts the terminal cursor at
 * the text cursor. Wraps at cols - 1 columns: the last column is where
 * the cursor stands after a full line. */
void editor_draw(struct editor *ed, int y, int x, int rows, int cols);

size_t editor_words(const struct editor *ed);
/* Moves on with every change: autosave when it differs from the value at
 * the last save. */
uint64_t editor_version(const struct editor *ed);
bool editor_has_selection(const struct editor *ed);
/* Draws s[0, n) from column col of row y (relative to x), tabs as spaces
 * to the next stop, as textbuf_layout counts them; returns the column
 * after it. For read-only text laid out by a textbuf (the reader). */
size_t editor_put_span(int y, int x, size_t col, size_t maxcol, enum role r, const char *s,
                       size_t n);

#endif
