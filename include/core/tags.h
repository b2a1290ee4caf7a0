/* tags.h: comma-separated lists as a person types them and as tend keeps
 * them: tags on entries and check-ins, and the feelings of a check-in. One
 * set of rules for the screen, --plain and the store. Pure. */
#ifndef TEND_CORE_TAGS_H
#define TEND_CORE_TAGS_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Splits "a, b ,c" in place into items without the spaces around them,
 * leaving out empty ones (pointers into buf); returns how many, at most
 * max. A NULL buf is an empty list. */
size_t list_split(char *buf, const char **out, size_t max);
/* s (n bytes) without the spaces and tabs around it: the start, and its
 * length in *len. How a tag is stored: "family" and " family" are one. */
const char *tag_trim(const char *s, size_t n, size_t *len);
/* A comma-separated list of tags as it is stored: each trimmed, empty ones
 * left out, joined with "," ("breakup, family" is "breakup,family"). -1
 * when out could not grow. */
int tags_tidy(const char *in, struct buf *out);
/* Whether s can be one item of a list: not empty, no comma, valid UTF-8. */
bool list_item_ok(const char *s);
/* Whether a stored list ("a,b") holds item, exactly. */
bool list_has(const char *list, const char *item);
/* Takes item out of the stored list list (size bytes), or adds it at the
 * end when it was not there and fits. What does not fit is left out. */
void list_toggle(char *list, size_t size, const char *item);
/* A stored list ("a,b") as it is shown for editing ("a, b"), appended to
 * out. -1 when out could not grow. */
int tags_for_editing(const char *stored, struct buf *out);

#endif
