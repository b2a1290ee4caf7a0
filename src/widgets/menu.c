#include "widgets/menu.h"

bool menu_action(struct menu *m, enum action a)
{
	if (!m->n)
		return a == ACT_UP || a == ACT_DOWN || a == ACT_TOP || a == ACT_BOTTOM || a == ACT_PGUP ||
		       a == ACT_PGDN;
	size_t page = m->rows > 1 ? (size_t)m->rows - 1 : 1;
	switch (a) {
	case ACT_UP:
		m->sel = m->sel ? m->sel - 1 : 0;
		return true;
	case ACT_DOWN:
		m->sel = m->sel + 1 < m->n ? m->sel + 1 : m->n - 1;
		return true;
	case ACT_TOP:
		m->sel = 0;
		return true;
	case ACT_BOTTOM:
		m->sel = m->n - 1;
		return true;
	case ACT_PGUP:
		m->sel = m->sel > page ? m->sel - page : 0;
		return true;
	case ACT_PGDN:
		m->sel = m->sel + page < m->n ? m->sel + page : m->n - 1;
		return true;
	default:
		return false;
	}
}

void menu_layout(struct menu *m, int rows)
{
	m->rows = rows > 0 ? rows : 1;
	if (m->sel >= m->n)
		m->sel = m->n ? m->n - 1 : 0;
	if (m->sel < m->top)
		m->top = m->sel;
	if (m->sel >= m->top + (size_t)m->rows)
		m->top = m->sel - (size_t)m->rows + 1;
	if (m->n <= (size_t)m->rows)
		m->top = 0;
}
