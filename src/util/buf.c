#include "util/buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mem_wipe(void *p, size_t n)
{
	if (p && n)
		explicit_bzero(p, n);
}

void str_wipe_free(char *s)
{
	if (s) {
		mem_wipe(s, strlen(s));
		free(s);
	}
}

int buf_reserve(struct buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return -1;
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	/* Not realloc: the old block would be freed with its bytes intact. */
	char *p = malloc(cap);
	if (!p)
		return -1;
	if (b->data) {
		memcpy(p, b->data, b->len + 1);
		mem_wipe(b->data, b->cap);
		free(b->data);
	} else {
		p[0] = '\0';
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int buf_append(struct buf *b, const void *p, size_t n)
{
	if (buf_reserve(b, n))
		return -1;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int buf_putc(struct buf *b, char c)
{
	return buf_append(b, &c, 1);
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_reserve(b, (size_t)n))
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void buf_erase(struct buf *b, size_t off, size_t n)
{
	if (off >= b->len)
		return;
	if (n > b->len - off)
		n = b->len - off;
	memmove(b->data + off, b->data + off + n, b->len - off - n);
	b->len -= n;
	mem_wipe(b->data + b->len, n);
	b->data[b->len] = '\0';
}

void buf_clear(struct buf *b)
{
	if (b->data) {
		mem_wipe(b->data, b->cap);
		b->data[0] = '\0';
	}
	b->len = 0;
}

void buf_free(struct buf *b)
{
	if (b->data) {
		mem_wipe(b->data, b->cap);
		free(b->data);
	}
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}
