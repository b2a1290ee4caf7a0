#include "widgets/list.h"

void list_fill(int y, int x, int w, bool sel)
{
	ui_fill(y, x, w, list_role(sel, ROLE_NORMAL));
}

void list_line(int y, int x, int w, bool sel, enum role r, const char *text)
{
	list_fill(y, x, w, sel);
	ui_puts(y, x + 2, w - 4, list_role(sel, r), text);
}

int list_draw(struct menu *m, int y, int end, int item_rows, int reserve, list_row_fn row,
              void *data)
{
	if (item_rows < 1)
		item_rows = 1;
	menu_layout(m, (end - y - reserve) / item_rows);
	for (size_t i = m->top; i < m->n && y + item_rows <= end; i++) {
		int used = row(data, i, i == m->sel, y, end);
		if (used <= 0)
			break;
		y += used;
	}
	return y;
}
