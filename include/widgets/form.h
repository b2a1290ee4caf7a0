/* form.h: a short form of rows, one of which has the focus: a choice
 * stepped with Left and Right ("< label >"), a one-line text field, or a
 * button. Up and Shift-Tab go to the row above, Down and Tab to the row
 * below, both going round the ends. Enter on a button, or on a field that
 * submits, is the form's answer; on any other row it moves to the next.
 * The view keeps the form in its state, builds the rows once, names the
 * choice before drawing, and does what the answer of form_action asks. */
#ifndef TEND_WIDGETS_FORM_H
#define TEND_WIDGETS_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"
#include "widgets/field.h"

#define FORM_MAX_ROWS 8

enum form_kind { FORM_CHOICE, FORM_FIELD, FORM_BUTTON };

struct form_row {
	enum form_kind kind;
	/* Before the row at column 2, in 9 columns; a button's own text. */
	const char *label;
	/* FORM_FIELD: the field (kept by the view); whether Enter in it
	 * submits; the words shown muted while it is empty and without the
	 * focus (NULL: nothing); and a text the view may set that stands in
	 * for the field's own while the row has no focus (NULL: none). */
	struct field *field;
	bool submits;
	const char *empty;
	const char *stand_in;
	/* FORM_CHOICE: the label of what is chosen now. */
	const char *choice;
};

struct form {
	struct form_row rows[FORM_MAX_ROWS];
	int n;
	int focus; /* the row with the focus */
};

/* What an action did to the form. */
enum form_answer {
	FORM_NONE,   /* not an action for the form: the view decides */
	FORM_MOVED,  /* the focus moved */
	FORM_EDITED, /* the focused field took the action */
	FORM_PREV,   /* Left on a choice: the view steps it back */
	FORM_NEXT,   /* Right on a choice: the view steps it on */
	FORM_SUBMIT, /* Enter on a button or a field that submits */
};

/* The form with n rows (at most FORM_MAX_ROWS) copied from rows, focus on
 * row focus. */
void form_init(struct form *f, const struct form_row *rows, int n, int focus);
enum form_answer form_action(struct form *f, enum action a);
/* Typed text into the focused field; false when the focus is not on one. */
bool form_text(struct form *f, const char *text, size_t len);

/* Draws the rows one a line from row y, w columns from column 2; returns
 * the row after the last. */
int form_draw(const struct form *f, int y, int w);
/* The pieces form_draw draws, for a row drawn on its own: a choice as
 * "< label >" at (y, x) in w columns; a field row (its label at column 2,
 * the field at column 12 in w - 10 columns, being edited when focused,
 * else its text, or empty muted when there is none); a button at column
 * 12. Each is marked when it has the focus. */
void form_draw_choice(int y, int x, int w, bool focus, const char *label);
void form_draw_field(int y, int w, const char *label, const struct field *f, bool focus,
                     const char *empty);
void form_draw_button(int y, bool focus, const char *label);

#endif
