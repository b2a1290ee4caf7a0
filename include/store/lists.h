/* lists.h: short lists of the person's own, kept in the vault: the people
 * on their support map, and affirmations in their own words. Every string
 * is private text; list_items_free wipes it. */
#ifndef TEND_STORE_LISTS_H
#define TEND_STORE_LISTS_H

#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

enum own_list { LIST_SUPPORT, LIST_AFFIRM };

/* For the support map: a = name, b = what they help with, c = how to reach
 * them. For affirmations only a is used. */
struct list_item {
	int64_t id;
	char *a, *b, *c;
};

/* In the order added. */
int list_items(struct vault *v, enum own_list l, struct list_item **out, size_t *n,
               struct error *e);
void list_items_free(struct list_item *items, size_t n);
/* a must not be empty (E_USAGE); b and c may be NULL. */
int list_add(struct vault *v, enum own_list l, const char *a, const char *b, const char *c,
             int64_t *id, struct error *e);
int list_update(struct vault *v, int64_t id, const char *a, const char *b, const char *c,
                struct error *e);
int list_delete(struct vault *v, int64_t id, struct error *e);

#endif
