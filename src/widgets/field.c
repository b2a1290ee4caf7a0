#include "widgets/field.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

static void *def_alloc(size_t n)
{
	return malloc(n);
}

static void def_release(void *p)
{
	free(p);
}

int field_init(struct field *f, bool secret, void *(*alloc)(size_t), void (*release)(void *))
{
	memset(f, 0, sizeof(*f));
	f->secret = secret;
	f->alloc = alloc ? alloc : def_alloc;
	f->release = release ? release : def_release;
	f->cap = 128;
	f->buf = f->alloc(f->cap);
	if (!f->buf)
		return -1;
	memset(f->buf, 0, f->cap);
	return 0;
}

void field_free(struct field *f)
{
	if (f->buf) {
		mem_wipe(f->buf, f->cap);
		f->release(f->buf);
	}
	f->buf = NULL;
	f->len = f->cap = f->cursor = 0;
}

void field_clear(struct field *f)
{
	if (f->buf)
		mem_wipe(f->buf, f->cap);
	f->len = f->cursor = 0;
}

static int grow(struct field *f, size_t need)
{
	if (need < f->cap)
		return 0;
	size_t cap = f->cap;
	while (cap <= need)
		cap *= 2;
	char *p = f->alloc(cap);
	if (!p)
		return -1;
	memset(p, 0, cap);
	memcpy(p, f->buf, f->len);
	mem_wipe(f->buf, f->cap);
	f->release(f->buf);
	f->buf = p;
	f->cap = cap;
	return 0;
}

int field_insert(struct field *f, const char *s, size_t n)
{
	size_t i = 0, adv;
	while (i < n) {
		uint32_t cp = utf8_decode(s + i, n - i, &adv);
		if (cp < 0x20 || cp == 0x7F) {
			i += adv;
			continue;
		}
		char u[4];
		size_t k = utf8_encode(cp, u);
		if (grow(f, f->len + k + 1))
			return -1;
		memmove(f->buf + f->cursor + k, f->buf + f->cursor, f->len - f->cursor);
		memcpy(f->buf + f->cursor, u, k);
		f->len += k;
		f->cursor += k;
		f->buf[f->len] = '\0';
		i += adv;
	}
	return 0;
}

static size_t next_cp(const struct field *f, size_t at)
{
	size_t adv;
	if (at >= f->len)
		return f->len;
	utf8_decode(f->buf + at, f->len - at, &adv);
	return at + adv;
}

bool field_action(struct field *f, enum action a)
{
	size_t from, to;
	switch (a) {
	case ACT_LEFT:
		f->cursor = utf8_prev(f->buf, f->cursor);
		return true;
	case ACT_RIGHT:
		f->cursor = next_cp(f, f->cursor);
		return true;
	case ACT_LINE_START:
		f->cursor = 0;
		return true;
	case ACT_LINE_END:
		f->cursor = f->len;
		return true;
	case ACT_ERASE:
		if (!f->cursor)
			return true;
		from = utf8_prev(f->buf, f->cursor);
		to = f->cursor;
		break;
	case ACT_DELETE:
		from = f->cursor;
		to = next_cp(f, f->cursor);
		break;
	case ACT_KILL_LINE:
		field_clear(f);
		return true;
	default:
		return false;
	}
	memmove(f->buf + from, f->buf + to, f->len - to);
	f->len -= to - from;
	mem_wipe(f->buf + f->len, to - from);
	f->buf[f->len] = '\0';
	f->cursor = from;
	return true;
}

static size_t count_cps(const char *s, size_t n)
{
	size_t c = 0, i = 0, adv;
	while (i < n) {
		utf8_decode(s + i, n - i, &adv);
		i += adv;
		c++;
	}
	return c;
}

void field_draw(const struct field *f, int y, int x, int w, enum role r)
{
	ui_fill(y, x, w, r);
	if (w < 2)
		return;
	if (f->secret) {
		/* One dot per character; the count is visible, the text is not. */
		size_t n = count_cps(f->buf, f->len), at = count_cps(f->buf, f->cursor);
		size_t shown = n < (size_t)w - 1 ? n : (size_t)w - 1;
		size_t start = at > shown ? at - shown : 0;
		for (size_t i = 0; i < shown; i++)
			ui_puts(y, x + (int)i, 1, r, "*");
		ui_cursor(y, x + (int)(at - start), true);
		return;
	}
	/* Scroll so the cursor stays in view. */
	size_t before = utf8_width(f->buf, f->cursor);
	size_t start = 0;
	while (before - utf8_width(f->buf, start) >= (size_t)w - 1 && start < f->cursor) {
		size_t adv;
		utf8_decode(f->buf + start, f->len - start, &adv);
		start += adv;
	}
	ui_put(y, x, w - 1, r, f->buf + start, f->len - start);
	ui_cursor(y, x + (int)(before - utf8_width(f->buf, start)), true);
}
