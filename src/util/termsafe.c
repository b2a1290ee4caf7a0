#include "util/termsafe.h"

#include <string.h>

#include "util/utf8.h"

static const char hex[] = "0123456789ABCDEF";

/* Right-to-left and left-to-right overrides, embeddings and isolates: they
 * reorder what follows on the line, so a title can show other words than
 * it holds. */
static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool termsafe_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp);
}

size_t termsafe_piece(const char *s, size_t len, enum termsafe_mode m,
                      char out[TERMSAFE_PIECE_MAX], size_t *adv)
{
	unsigned char c = (unsigned char)s[0];
	uint32_t cp = utf8_decode(s, len, adv);
	if (cp == UTF8_REPLACEMENT && *adv == 1 && c >= 0x80) {
		out[0] = '\\', out[1] = 'x', out[2] = hex[c >> 4], out[3] = hex[c & 15];
		return 4;
	}
	if ((c == '\n' || c == '\t') && m == TERMSAFE_TEXT) {
		out[0] = (char)c;
		return 1;
	}
	if (cp < 0x20 || cp == 0x7F) {
		out[0] = '^', out[1] = (char)(cp ^ 0x40);
		return 2;
	}
	if ((cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp)) {
		out[0] = '<', out[1] = 'U', out[2] = '+';
		for (int i = 0; i < 4; i++)
			out[3 + i] = hex[(cp >> (12 - 4 * i)) & 15];
		out[7] = '>';
		return 8;
	}
	memcpy(out, s, *adv);
	return *adv;
}

int termsafe_append(struct buf *out, const char *s, size_t len, enum termsafe_mode m)
{
	size_t i = 0, adv;
	char piece[TERMSAFE_PIECE_MAX];
	while (i < len) {
		size_t n = termsafe_piece(s + i, len - i, m, piece, &adv);
		if (buf_append(out, piece, n))
			return -1;
		i += adv;
	}
	return 0;
}

void termsafe_fputs(const char *s, FILE *f, enum termsafe_mode m)
{
	size_t len = s ? strlen(s) : 0, i = 0, adv;
	char piece[TERMSAFE_PIECE_MAX];
	while (i < len) {
		size_t n = termsafe_piece(s + i, len - i, m, piece, &adv);
		fwrite(piece, 1, n, f);
		i += adv;
	}
}

void termsafe_inplace(char *s, size_t size, enum termsafe_mode m)
{
	char copy[1024];
	size_t len = strnlen(s, size);
	if (len == size)
		len = size - 1;
	if (len > sizeof(copy))
		len = sizeof(copy);
	memcpy(copy, s, len);
	size_t i = 0, o = 0, adv;
	char piece[TERMSAFE_PIECE_MAX];
	while (i < len) {
		size_t n = termsafe_piece(copy + i, len - i, m, piece, &adv);
		if (o + n >= size)
			break;
		memcpy(s + o, piece, n);
		o += n;
		i += adv;
	}
	s[o] = '\0';
	mem_wipe(copy, len);
}
