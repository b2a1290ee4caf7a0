/* tags.h: the tags on journal entries, as a list to rename and delete. */
#ifndef TEND_STORE_TAGS_H
#define TEND_STORE_TAGS_H

#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

struct tag_count {
	char *name;
	int64_t uses;
};
int tags_list(struct vault *v, struct tag_count **out, size_t *n, struct error *e);
void tags_free(struct tag_count *list, size_t n);
/* Renames a tag everywhere; if `to` exists already the two are merged. */
int tag_rename(struct vault *v, const char *from, const char *to, struct error *e);
int tag_delete(struct vault *v, const char *name, struct error *e);

#endif
