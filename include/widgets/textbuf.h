/* textbuf.h: the text of a journal entry being written. UTF-8 in one
 * buffer that is wiped whenever it moves or is freed, a cursor and an
 * optional selection, undo and redo, an internal clipboard, a word count,
 * a change counter for autosave, and soft-wrapped visual lines. Pure: no
 * terminal, no I/O.
 *
 * Offsets are bytes. The cursor always sits on a character boundary, where
 * a character is a base code point with the zero-width marks after it
 * (é written as e + U+0301 is one character; so is an emoji joined with
 * U+200D to the next one). Movement and deletion go a character at a time.
 *
 * What the buffer holds: valid UTF-8 whose only control characters are
 * '\n' and '\t'. Inserted text is cleaned on the way in: "\r\n" and a lone
 * '\r' become '\n', other control characters are dropped, and invalid
 * bytes become U+FFFD.
 *
 * Tabs are kept as they were written (a pasted or imported tab stays a tab)
 * and shown as spaces up to the next multiple of TEXTBUF_TAB columns within
 * the visual line. The editor widget does not insert tabs from the Tab key.
 *
 * Words (textbuf_words, word movement, Ctrl-W): a word is a run of code
 * points that are neither white space nor punctuation; an apostrophe or a
 * hyphen between two such code points joins them ("don't", "well-being"
 * are one word each). Each Han ideograph and each kana counts as a word of
 * its own, as word processors count Chinese and Japanese; scripts written
 * with spaces (Hangul, Cyrillic, Greek...) count like Latin. Marks belong
 * to their base. Emoji and symbols count as words.
 *
 * Soft wrap: textbuf_layout(width) splits every paragraph (text between
 * '\n's) into visual lines of at most width columns, breaking after white
 * space, and between ideographs; a word longer than the line is broken
 * between characters. White space that does not fit hangs at the end of
 * its line instead of starting the next. The cursor may sit at column
 * == width at the end of a line, so draw in width + 1 columns. After an
 * edit only the visual lines near it are wrapped again.
 *
 * Undo: every change is recorded; textbuf_undo() reverts one step. Typed
 * characters (textbuf_type) join the step before them until a word starts
 * after white space, the cursor moves, another kind of edit happens, or
 * textbuf_break_undo() is called. Consecutive Backspaces form one step, as
 * do consecutive Deletes. Everything else (textbuf_insert, which is how a
 * paste arrives, cut, paste, kills, word deletion) is one step of its own.
 * A new change clears what could be redone. The oldest steps are dropped
 * past TEXTBUF_UNDO_STEPS.
 *
 * Functions returning int give 0, or -1 when memory runs out; the text is
 * then unchanged. (If only the undo history cannot grow, the change is
 * still made, the history is emptied, and 0 is returned: a keystroke is
 * never lost.) */
#ifndef TEND_WIDGETS_TEXTBUF_H
#define TEND_WIDGETS_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXTBUF_TAB 4
#define TEXTBUF_UNDO_STEPS 2000

struct textbuf;

enum tb_move {
	TB_LEFT,        /* one character */
	TB_RIGHT,
	TB_WORD_LEFT,   /* to the start of this or the previous word */
	TB_WORD_RIGHT,  /* to the end of this or the next word */
	TB_UP,          /* one visual line, keeping the goal column */
	TB_DOWN,
	TB_LINE_START,  /* of the visual line */
	TB_LINE_END,
	TB_PARA_UP,     /* to the blank line before this paragraph, or the start */
	TB_PARA_DOWN,   /* to the blank line after it, or the end */
	TB_PAGE_UP,     /* textbuf_set_page() visual lines */
	TB_PAGE_DOWN,
	TB_START,       /* of the text */
	TB_END,
};

/* alloc/release NULL: malloc and free. Everything the buffer holds (text,
 * undo history, clipboard, line table) lives in memory from alloc and is
 * wiped before it goes back to release, so secure memory can be passed.
 * NULL when memory runs out. */
struct textbuf *textbuf_new(void *(*alloc)(size_t), void (*release)(void *));
/* Wipes and frees everything; NULL is fine. */
void textbuf_free(struct textbuf *tb);

/* Replaces the whole text (cleaned as above), puts the cursor at its end,
 * and forgets the undo history: for loading an entry. The change counter
 * still moves on. */
int textbuf_set_text(struct textbuf *tb, const char *s, size_t n);
/* The text, NUL-terminated; valid until the next change. */
const char *textbuf_text(const struct textbuf *tb, size_t *len);
size_t textbuf_len(const struct textbuf *tb);

size_t textbuf_cursor(const struct textbuf *tb);
/* Moves the cursor to off (clamped, and moved forward onto a character
 * boundary); clears the selection. */
void textbuf_set_cursor(struct textbuf *tb, size_t off);
/* The selection as [*from, *to); false (and an empty range at the cursor)
 * when nothing is selected. */
bool textbuf_selection(const struct textbuf *tb, size_t *from, size_t *to);

/* ---- editing (each replaces the selection when there is one) ---- */
/* Typed text: joins the typing before it in one undo step. */
int textbuf_type(struct textbuf *tb, const char *s, size_t n);
/* Inserted text, such as a paste: one undo step. s must not point into
 * the buffer. */
int textbuf_insert(struct textbuf *tb, const char *s, size_t n);
/* Backspace and Delete: one character, or the selection. */
int textbuf_erase(struct textbuf *tb);
int textbuf_delete(struct textbuf *tb);
/* Back to the start of this or the previous word (Ctrl-W). */
int textbuf_delete_word(struct textbuf *tb);
/* To the end (Ctrl-K) or the start (Ctrl-U) of the line of text (not the
 * visual line). At the end of a line Ctrl-K joins the next line to it; at
 * the start Ctrl-U joins it to the previous one. Killed text does not go
 * to the clipboard. */
int textbuf_kill_to_end(struct textbuf *tb);
int textbuf_kill_to_start(struct textbuf *tb);

/* ---- cursor and selection ---- */
/* extend: grow the selection (shift-movement); otherwise the selection is
 * dropped (Left and Right first go to its start or end), unless the mark
 * is set, in which case every movement extends it. */
void textbuf_move(struct textbuf *tb, enum tb_move m, bool extend);
/* Visual lines a page moves (at least 1). */
void textbuf_set_page(struct textbuf *tb, size_t rows);
/* Sets the mark at the cursor (movement then selects), or, when the mark
 * is set or something is selected, clears both. */
void textbuf_mark(struct textbuf *tb);
bool textbuf_mark_active(const struct textbuf *tb);
void textbuf_select_all(struct textbuf *tb);
/* Clears the selection and the mark; false when there was neither. */
bool textbuf_select_none(struct textbuf *tb);

/* ---- clipboard (inside this buffer only; wiped with it) ---- */
/* Copy and cut do nothing without a selection; both clear it. */
int textbuf_copy(struct textbuf *tb);
int textbuf_cut(struct textbuf *tb);
/* Inserts the clipboard as one undo step. */
int textbuf_paste(struct textbuf *tb);
const char *textbuf_clipboard(const struct textbuf *tb, size_t *len);

/* ---- undo ---- */
/* false when there was nothing to undo or redo (or memory ran out). */
bool textbuf_undo(struct textbuf *tb);
bool textbuf_redo(struct textbuf *tb);
/* Typing after this starts a new undo step. */
void textbuf_break_undo(struct textbuf *tb);

/* ---- counts ---- */
/* Words, by the rule at the top; kept up to date as the text changes. */
size_t textbuf_words(const struct textbuf *tb);
/* Moves on with every change to the text (undo and redo too): save when
 * it differs from the value at the last save. */
uint64_t textbuf_version(const struct textbuf *tb);

/* ---- soft wrap ---- */
/* Wraps to width columns (0: no wrapping, one visual line per line of
 * text). Cheap when the width is unchanged: edits keep the lines current.
 * On -1 the text is shown as one long line until memory comes back. */
int textbuf_layout(struct textbuf *tb, size_t width);
size_t textbuf_width(const struct textbuf *tb);
/* Visual lines; at least 1. */
size_t textbuf_rows(const struct textbuf *tb);
/* Row's text as [*start, *end): without its '\n'; a wrapped row includes
 * the white space hanging at its end. */
void textbuf_row(const struct textbuf *tb, size_t row, size_t *start, size_t *end);
/* The row an offset is shown on. An offset where a wrapped row ends is
 * shown at the start of the next row. */
size_t textbuf_row_of(const struct textbuf *tb, size_t off);
/* The column an offset is shown at in its row (at most the width). */
size_t textbuf_col_of(const struct textbuf *tb, size_t off);
/* The offset nearest to (row, col) that the cursor can take: before a wide
 * character whose second column col is, and at most the end of the row. */
size_t textbuf_offset_at(const struct textbuf *tb, size_t row, size_t col);
/* Columns one code point takes at column col (tabs to the next stop). */
size_t textbuf_cp_width(uint32_t cp, size_t col);

#endif
