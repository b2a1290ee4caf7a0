/* status.h: the status bar's note, from the app's side. Views set it only
 * through view_note (view.h) and cannot read it; the app makes it, draws it
 * and clears it on the next key. */
#ifndef TEND_VIEWS_STATUS_H
#define TEND_VIEWS_STATUS_H

#include "ui/term.h"

struct status_line;

/* NULL when out of memory. */
struct status_line *status_line_new(void);
/* Wipes the note (it may quote what the person typed) and frees it. */
void status_line_free(struct status_line *s);
/* The note, "" when there is none, and the role it was set with. */
const char *status_line_text(const struct status_line *s, enum role *r);
/* Read once: the next key clears the note and its role. */
void status_line_clear(struct status_line *s);

#endif
