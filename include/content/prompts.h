/* prompts.h: journal prompts from content/prompts/journal.tsv. */
#ifndef TEND_CONTENT_PROMPTS_H
#define TEND_CONTENT_PROMPTS_H

#include <stddef.h>
#include <stdint.h>

struct prompt {
	char id[32];
	const char *text; /* a NUL-terminated copy, freed by prompts_free */
};

/* Fills up to max prompts; returns how many it filled. */
size_t prompts_load(struct prompt *out, size_t max);
/* Frees the texts prompts_load made (n as it returned, at most max). */
void prompts_free(struct prompt *list, size_t n);
/* The prompt with this id, or NULL. */
const struct prompt *prompt_find(const struct prompt *list, size_t n, const char *id);
/* A different prompt each day (days since 1970, in local time). */
const struct prompt *prompt_of_day(const struct prompt *list, size_t n, int64_t day);

#endif
