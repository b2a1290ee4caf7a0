/* status.c: the status bar's note. Only view_note writes it; the app reads
 * it through status.h. */
#include "views/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/buf.h"
#include "views/view.h"

struct status_line {
	char text[200];
	enum role role;
};

struct status_line *status_line_new(void)
{
	struct status_line *s = calloc(1, sizeof(*s));
	if (s)
		s->role = ROLE_STATUS;
	return s;
}

void status_line_free(struct status_line *s)
{
	if (!s)
		return;
	mem_wipe(s, sizeof(*s));
	free(s);
}

const char *status_line_text(const struct status_line *s, enum role *r)
{
	if (r)
		*r = s->role;
	return s->text;
}

void status_line_clear(struct status_line *s)
{
	s->text[0] = '\0';
	s->role = ROLE_STATUS;
}

void view_note(struct ctx *c, enum role r, const char *fmt, ...)
{
	struct status_line *s = c->status;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(s->text, sizeof(s->text), fmt, ap);
	va_end(ap);
	if (n < 0) {
		s->text[0] = '\0';
	} else if ((size_t)n >= sizeof(s->text)) {
		/* Cut: drop a character whose last bytes did not fit. */
		size_t len = sizeof(s->text) - 1, i = len;
		while (i > 0 && ((unsigned char)s->text[i - 1] & 0xC0) == 0x80)
			i--;
		unsigned char b = i ? (unsigned char)s->text[i - 1] : 0;
		size_t need = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		if (i && i - 1 + need > len)
			s->text[i - 1] = '\0';
	}
	s->role = r;
}
