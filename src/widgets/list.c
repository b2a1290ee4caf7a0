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

void list_mark(int y, int x, bool sel)
{
	if (sel)
		ui_puts(y, x, 2, ROLE_SELECTED, ">");
}

int menu_draw(struct menu *m, struct list_area a, menu_row_fn row, const void *data)
{
	int per = a.item_rows > 0 ? a.item_rows : 1;
	menu_layout(m, (a.end - a.y - a.reserve) / per);
	int y = a.y;
	for (size_t i = m->top; i < m->n && y + per <= a.end; i++) {
		struct list_row r = {i, i == m->sel, i == m->top, y, a.end, a.x, a.w};
		int used = row(data, &r);
		if (used <= 0)
			break;
		y += used;
	}
	return y;
}
