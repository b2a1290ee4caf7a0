#include "widgets/text.h"

#include <string.h>

#include "util/utf8.h"

int text_put_wrapped(bool draw, int y, int x, int w, int maxlines, enum role r, const char *s)
{
	size_t len = strlen(s), at = 0;
	int n = 0;
	while (at < len && n < maxlines) {
		size_t next, cut = utf8_wrap(s + at, len - at, w > 0 ? (size_t)w : 0, &next);
		bool last = n + 1 == maxlines && at + next < len;
		if (last)
			cut = utf8_wrap(s + at, len - at, w > 1 ? (size_t)(w - 1) : 0, &next);
		if (draw) {
			int used = ui_put(y + n, x, w, r, s + at, cut);
			if (last)
				ui_puts(y + n, x + used, w - used, r, "…");
		}
		at += next;
		n++;
	}
	return n;
}

int text_put_cut(int y, int x, int w, enum role r, const char *s)
{
	size_t len = strlen(s);
	if (w <= 0)
		return 0;
	if (utf8_width(s, len) <= (size_t)w)
		return ui_put(y, x, w, r, s, len);
	size_t fit = utf8_fit(s, len, (size_t)(w - 1), NULL);
	int used = ui_put(y, x, w - 1, r, s, fit);
	return used + ui_puts(y, x + used, w - used, r, "…");
}
