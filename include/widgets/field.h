/* field.h: a one-line text field, optionally secret (shown as dots, kept
 * in memory the caller provides and wipes). */
#ifndef TEND_WIDGETS_FIELD_H
#define TEND_WIDGETS_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"
#include "ui/term.h"

struct field {
	char *buf;      /* NUL-terminated UTF-8 */
	size_t len, cap;
	size_t cursor;  /* byte offset */
	bool secret;
	void *(*alloc)(size_t);
	void (*release)(void *);
};

/* alloc/release NULL: malloc and free (the text is still wiped). */
int field_init(struct field *f, bool secret, void *(*alloc)(size_t), void (*release)(void *));
void field_free(struct field *f);
/* Wipes the text, keeps the memory. */
void field_clear(struct field *f);
/* Inserts UTF-8 at the cursor; newlines and other control characters are
 * dropped. Returns -1 when memory runs out (the field is unchanged). */
int field_insert(struct field *f, const char *s, size_t n);
/* Editing and cursor actions; false when the action is not for a field. */
bool field_action(struct field *f, enum action a);
/* Draws the field in w columns at (y, x) and puts the cursor in it. */
void field_draw(const struct field *f, int y, int x, int w, enum role r);

#endif
