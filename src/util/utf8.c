#include "util/utf8.h"

#include <string.h>

uint32_t utf8_decode(const char *str, size_t len, size_t *adv)
{
	const unsigned char *s = (const unsigned char *)str;
	*adv = len ? 1 : 0;
	if (!len)
		return UTF8_REPLACEMENT;
	unsigned char c = s[0];
	if (c < 0x80)
		return c;
	size_t n;
	uint32_t cp, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, cp = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, cp = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, cp = c & 0x07, min = 0x10000;
	} else {
		return UTF8_REPLACEMENT;
	}
	if (len < n)
		return UTF8_REPLACEMENT;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return UTF8_REPLACEMENT;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return UTF8_REPLACEMENT;
	*adv = n;
	return cp;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t len)
{
	size_t i = 0, adv;
	while (i < len) {
		uint32_t cp = utf8_decode(s + i, len - i, &adv);
		if (cp == UTF8_REPLACEMENT && adv == 1 && (unsigned char)s[i] >= 0x80)
			return false;
		i += adv;
	}
	return true;
}

struct range {
	uint32_t lo, hi;
};

/* Zero-width: combining marks, joiners, variation selectors, format
 * characters, Hangul medial and final jamo, emoji skin-tone modifiers. */
static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x061C, 0x061C}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC},
	{0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0711, 0x0711},
	{0x0730, 0x074A}, {0x07A6, 0x07B0}, {0x07EB, 0x07F3}, {0x0816, 0x082D},
	{0x0859, 0x085B}, {0x08D3, 0x0902}, {0x093A, 0x093A}, {0x093C, 0x093C},
	{0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957}, {0x0962, 0x0963},
	{0x0981, 0x0981}, {0x09BC, 0x09BC}, {0x09C1, 0x09C4}, {0x09CD, 0x09CD},
	{0x09E2, 0x09E3}, {0x0A01, 0x0A02}, {0x0A3C, 0x0A3C}, {0x0A41, 0x0A51},
	{0x0A70, 0x0A71}, {0x0A75, 0x0A75}, {0x0A81, 0x0A82}, {0x0ABC, 0x0ABC},
	{0x0AC1, 0x0AC8}, {0x0ACD, 0x0ACD}, {0x0AE2, 0x0AE3}, {0x0B01, 0x0B01},
	{0x0B3C, 0x0B3C}, {0x0B3F, 0x0B3F}, {0x0B41, 0x0B44}, {0x0B4D, 0x0B4D},
	{0x0B82, 0x0B82}, {0x0BC0, 0x0BC0}, {0x0BCD, 0x0BCD}, {0x0C3E, 0x0C40},
	{0x0C46, 0x0C56}, {0x0CBC, 0x0CBC}, {0x0CCC, 0x0CCD}, {0x0D41, 0x0D44},
	{0x0D4D, 0x0D4D}, {0x0DCA, 0x0DCA}, {0x0DD2, 0x0DD6}, {0x0E31, 0x0E31},
	{0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC},
	{0x0EC8, 0x0ECD}, {0x0F18, 0x0F19}, {0x0F35, 0x0F35}, {0x0F37, 0x0F37},
	{0x0F39, 0x0F39}, {0x0F71, 0x0F7E}, {0x0F80, 0x0F84}, {0x102D, 0x1030},
	{0x1032, 0x1037}, {0x1039, 0x103A}, {0x1160, 0x11FF}, {0x135D, 0x135F},
	{0x1712, 0x1714}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD}, {0x17C6, 0x17C6},
	{0x17C9, 0x17D3}, {0x180B, 0x180F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
	{0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20F0},
	{0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
	{0xFEFF, 0xFEFF}, {0x1F3FB, 0x1F3FF}, {0xE0001, 0xE0001},
	{0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
};

/* Double-width: East Asian Wide and Fullwidth, and emoji presentation. */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x3247}, {0x3250, 0x4DBF}, {0x4E00, 0xA4CF}, {0xA960, 0xA97F},
	{0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
	{0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF},
	{0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F202},
	{0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251},
	{0x1F260, 0x1F265}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
	{0x1F3F8, 0x1F3FA}, {0x1F400, 0x1F43E}, {0x1F440, 0x1F440},
	{0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
	{0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
	{0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5},
	{0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7},
	{0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
	{0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF},
	{0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static bool in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;
	if (cp < t[0].lo || cp > t[n - 1].hi)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return true;
	}
	return false;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int u_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp == 0x00AD)
		return 1;
	if (in_table(cp, zero_width, COUNT(zero_width)))
		return 0;
	if (in_table(cp, wide, COUNT(wide)))
		return 2;
	return 1;
}

size_t utf8_width(const char *s, size_t len)
{
	size_t w = 0, i = 0, adv;
	while (i < len) {
		w += (size_t)u_width(utf8_decode(s + i, len - i, &adv));
		i += adv;
	}
	return w;
}

size_t utf8_fit(const char *s, size_t len, size_t max_cols, size_t *cols)
{
	size_t w = 0, i = 0, adv;
	while (i < len) {
		int cw = u_width(utf8_decode(s + i, len - i, &adv));
		/* A zero-width mark stays with the base before it. */
		if (cw > 0 && w + (size_t)cw > max_cols)
			break;
		w += (size_t)cw;
		i += adv;
	}
	if (cols)
		*cols = w;
	return i;
}

size_t utf8_prev(const char *s, size_t off)
{
	if (off == 0)
		return 0;
	size_t i = off - 1;
	size_t stop = off >= 4 ? off - 4 : 0;
	while (i > stop && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	size_t adv;
	utf8_decode(s + i, off - i, &adv);
	/* Stray continuation bytes step back one at a time. */
	return i + adv == off ? i : off - 1;
}

size_t utf8_wrap(const char *s, size_t len, size_t cols, size_t *next)
{
	size_t fit = utf8_fit(s, len, cols, NULL);
	size_t cut = fit, resume = fit;
	if (fit < len && s[fit] != ' ') {
		size_t sp = fit;
		while (sp > 0 && s[sp - 1] != ' ')
			sp--;
		if (sp > 0) {
			cut = sp - 1;
			resume = sp;
		}
	}
	if (cut == 0 && resume == 0 && len > 0) {
		/* Not even one character fits: take one anyway, to make progress. */
		size_t adv;
		utf8_decode(s, len, &adv);
		cut = resume = adv;
	}
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	while (resume < len && s[resume] == ' ')
		resume++;
	*next = resume;
	return cut;
}

size_t utf8_cut(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	if (n < max)
		return n;
	/* s[n] is the first byte left out: when it continues a character,
	 * leave out that character's first bytes too (at most 3 of them). */
	size_t back = 0;
	while (back < 3 && back < n && ((unsigned char)s[n - back] & 0xC0) == 0x80)
		back++;
	if (((unsigned char)s[n - back] & 0xC0) == 0x80)
		return n; /* not a character's start: stray bytes, cut anywhere */
	return n - back;
}

static unsigned char ascii_fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

long utf8_find_nocase(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	if (!nlen || nlen > hlen)
		return -1;
	for (size_t i = 0; i + nlen <= hlen; i++) {
		size_t j = 0;
		while (j < nlen && ascii_fold((unsigned char)hay[i + j]) ==
		                       ascii_fold((unsigned char)needle[j]))
			j++;
		if (j == nlen)
			return (long)i;
	}
	return -1;
}
