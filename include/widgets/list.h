/* list.h: a list that scrolls and draws. Its state is a struct menu (the
 * item count, the selection and the first item shown); this adds the
 * painting every list shares: the chosen row filled from edge to edge in
 * ROLE_SELECTED with its text in that role, the other rows cleared and
 * their text in the role the caller asks for. */
#ifndef TEND_WIDGETS_LIST_H
#define TEND_WIDGETS_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/term.h"
#include "widgets/menu.h"

/* The role for text on a row: ROLE_SELECTED on the chosen row, else r. */
static inline enum role list_role(bool sel, enum role r)
{
	return sel ? ROLE_SELECTED : r;
}

/* Paints row y from column x, w wide: ROLE_SELECTED when sel, else
 * cleared. Text drawn on it afterwards takes list_role(sel, ...). */
void list_fill(int y, int x, int w, bool sel);
/* A one-line item: the row painted (list_fill) and text from column x + 2,
 * at most w - 4 columns, in list_role(sel, r). */
void list_line(int y, int x, int w, bool sel, enum role r, const char *text);

/* Draws item i from row y (rows y to end - 1 are free) and returns the rows
 * it used; 0 stops the list. */
typedef int (*list_row_fn)(void *data, size_t i, bool sel, int y, int end);

/* Lays the menu out in rows y to end - 1, item_rows rows per item (less
 * reserve rows kept for headings the rows draw), then draws the items from
 * the first shown while a whole item fits. Returns the row after the last
 * drawn. */
int list_draw(struct menu *m, int y, int end, int item_rows, int reserve, list_row_fn row,
              void *data);

#endif
