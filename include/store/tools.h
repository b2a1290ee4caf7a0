/* tools.h: the coping toolbox and the trigger categories, lists the
 * person edits. */
#ifndef TEND_STORE_TOOLS_H
#define TEND_STORE_TOOLS_H

#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/error.h"

struct tool {
	int64_t id;
	char *name, *about;
	int64_t uses;      /* trigger logs that name it */
	int64_t drop_n;    /* of those, with distress before and after */
	double mean_drop;  /* mean of (before - after) over drop_n */
};
/* Tools in the person's order, with how they have helped so far. */
int tools_list(struct vault *v, struct tool **out, size_t *n, struct error *e);
void tools_free(struct tool *list, size_t n);
int tool_add(struct vault *v, const char *name, const char *about, int64_t *id, struct error *e);
int tool_delete(struct vault *v, int64_t id, struct error *e);

/* The trigger categories, in order; the list is the person's to edit. */
int categories_list(struct vault *v, char ***out, size_t *n, struct error *e);
void categories_free(char **list, size_t n);
int category_add(struct vault *v, const char *name, struct error *e);
int category_delete(struct vault *v, const char *name, struct error *e);

#endif
