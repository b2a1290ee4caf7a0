/* curses_int.h: curses itself, for term.c and input.c only. Every other
 * file reaches the terminal through ui/term.h and ui/input.h, which name
 * no curses type, so a view compiles without the curses headers. */
#ifndef TEND_UI_CURSES_INT_H
#define TEND_UI_CURSES_INT_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
