/* content_int.h: what the content/ files share; not for other layers. */
#ifndef TEND_CONTENT_INT_H
#define TEND_CONTENT_INT_H

#include <stddef.h>

/* A malloc'd, NUL-terminated copy of n bytes at p; NULL when memory runs out. */
char *content_dup(const char *p, size_t n);
/* The same for [p, end) without the blank lines and spaces at either end. */
char *content_dup_trimmed(const char *p, const char *end);

#endif
