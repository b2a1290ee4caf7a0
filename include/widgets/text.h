/* text.h: a string put on the screen in a given number of columns, cut
 * with "…" when it is wider, or wrapped over a few lines. */
#ifndef TEND_WIDGETS_TEXT_H
#define TEND_WIDGETS_TEXT_H

#include <stdbool.h>

#include "ui/term.h"

/* Draws s wrapped to w columns from row y, in at most maxlines lines; the
 * last line ends with "…" when text is left over. Returns the rows used.
 * With draw false, only counts. */
int text_put_wrapped(bool draw, int y, int x, int w, int maxlines, enum role r, const char *s);
/* Draws s in at most w columns, cut with "…" when it is wider; returns
 * the columns used. */
int text_put_cut(int y, int x, int w, enum role r, const char *s);

#endif
