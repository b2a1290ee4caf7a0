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

/* For a chosen row whose text keeps its own roles (Markdown): a ">" at
 * column x, in ROLE_SELECTED. Nothing when not sel. */
void list_mark(int y, int x, bool sel);

/* Where the rows go: screen rows y to end - 1, from column x, w columns
 * wide; item_rows rows an item (1 when 0), and reserve rows kept for
 * headings the rows draw themselves. */
struct list_area {
	int y, end, x, w;
	int item_rows, reserve;
};

/* One item to draw: item i from screen row y (rows up to end free), x and w
 * as in the area; sel when it is the chosen one, first when it is the first
 * shown. */
struct list_row {
	size_t i;
	bool sel, first;
	int y, end, x, w;
};

/* Draws one item and returns the rows it used; 0 stops the list. */
typedef int (*menu_row_fn)(const void *data, const struct list_row *r);

/* Lays the menu out in the area (its rows less the reserve, over the rows
 * an item takes), then hands row() each item from the first shown while a
 * whole item fits. Returns the screen row after the last drawn. */
int menu_draw(struct menu *m, struct list_area a, menu_row_fn row, const void *data);

#endif
