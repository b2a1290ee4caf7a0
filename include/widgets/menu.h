/* menu.h: a vertical list with a selection, scrolled to keep it in view. */
#ifndef TEND_WIDGETS_MENU_H
#define TEND_WIDGETS_MENU_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"

struct menu {
	size_t n;    /* items */
	size_t sel;  /* selected item */
	size_t top;  /* first item shown */
	int rows;    /* rows shown, set by menu_layout */
};

/* Movement actions; false when the action is not a movement. */
bool menu_action(struct menu *m, enum action a);
/* Fits the scroll to rows visible rows and the selection. */
void menu_layout(struct menu *m, int rows);

#endif
