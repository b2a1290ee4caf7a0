/* buf.h: a growable byte buffer that wipes what it held when it grows or is freed. */
#ifndef TEND_UTIL_BUF_H
#define TEND_UTIL_BUF_H

#include <stddef.h>

#include "util/error.h"

struct buf {
	char *data; /* always NUL-terminated when cap > 0 */
	size_t len;
	size_t cap;
};

#define BUF_INIT {NULL, 0, 0}

/* Each returns 0, or -1 when memory runs out (the buffer is unchanged). */
int buf_reserve(struct buf *b, size_t extra);
int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Removes n bytes at off (clamped to the end). */
void buf_erase(struct buf *b, size_t off, size_t n);
/* Empties the buffer, wiping its bytes, keeping the memory. */
void buf_clear(struct buf *b);
/* Wipes and releases the memory. */
void buf_free(struct buf *b);
/* A NUL-terminated view; "" for an empty buffer. */
const char *buf_str(const struct buf *b);

/* Overwrites n bytes with zeros in a way the compiler may not drop. */
void mem_wipe(void *p, size_t n);
/* Wipes a NUL-terminated string, then frees it (NULL is fine). */
void str_wipe_free(char *s);

#endif
