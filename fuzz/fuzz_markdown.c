/* fuzz_markdown: doc_parse, then doc_layout at a width taken from the first
 * byte (10..200), then layout_find with a needle taken from the input.
 *
 * Input: [width byte] [needle length byte, 0..15] [needle] [Markdown...]
 * Checks what render.h promises cheaply: every line is NUL-terminated at
 * its length and valid UTF-8, spans are sorted, inside the line and do not overlap,
 * headings point at real lines, and layout_find answers a line or -1. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content/render.h"
#include "fuzz.h"
#include "util/utf8.h"

static void check_layout(const struct layout *l, int width)
{
	FUZZ_CHECK(l->width == width);
	FUZZ_CHECK(l->nlines == 0 || l->lines);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct layout_line *ln = &l->lines[i];
		FUZZ_CHECK(ln->text && ln->text[ln->len] == '\0');
		FUZZ_CHECK(ln->width >= 0);
		FUZZ_CHECK(utf8_valid(ln->text, ln->len));
		size_t end = 0;
		for (size_t j = 0; j < ln->nspans; j++) {
			const struct style_span *s = &ln->spans[j];
			FUZZ_CHECK(s->off >= end);
			FUZZ_CHECK(s->off + s->len <= ln->len);
			end = s->off + s->len;
		}
	}
	for (size_t i = 0; i < l->nheadings; i++) {
		FUZZ_CHECK(l->headings[i].text);
		FUZZ_CHECK(l->headings[i].level >= 1 && l->headings[i].level <= 6);
		FUZZ_CHECK(l->headings[i].line < l->nlines || l->nlines == 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int width = 10 + data[0] % 191;
	size_t nlen = data[1] % 16;
	data += 2, size -= 2;
	if (nlen > size)
		nlen = size;
	char needle[16];
	memcpy(needle, data, nlen);
	needle[nlen] = '\0';
	data += nlen, size -= nlen;

	struct error e = {0};
	struct doc *d = doc_parse((const char *)data, size, &e);
	if (!d)
		return 0;
	size_t nlinks = 0;
	const char *const *links = doc_links(d, &nlinks);
	for (size_t i = 0; i < nlinks; i++)
		FUZZ_CHECK(links[i]);

	struct layout *l = doc_layout(d, width);
	if (l) {
		check_layout(l, width);
		size_t from = l->nlines ? (size_t)(nlen * 31 + (size_t)width) % l->nlines : 0;
		long fwd = layout_find(l, needle, from, 1);
		long back = layout_find(l, needle, from, -1);
		FUZZ_CHECK(fwd == -1 || ((size_t)fwd >= from && (size_t)fwd < l->nlines));
		FUZZ_CHECK(back == -1 || (size_t)back <= from);
		if (nlen == 0)
			FUZZ_CHECK(fwd == -1 && back == -1);
		/* Past the end either way must be safe. */
		layout_find(l, needle, l->nlines + 3, 1);
		layout_find(l, needle, l->nlines + 3, -1);
		layout_free(l);
	}
	/* The same document again at a narrow and at a wide width. */
	l = doc_layout(d, 10 + (width * 7) % 50);
	if (l) {
		check_layout(l, 10 + (width * 7) % 50);
		layout_free(l);
	}
	doc_free(d);
	return 0;
}
