#include "core/firstrun.h"

#include <ctype.h>
#include <string.h>

#include "util/utf8.h"

const char *pass_rate(const char *s, size_t len, enum pass_level *level)
{
	size_t cols = utf8_width(s, len);
	size_t words = 1;
	for (size_t i = 0; i < len; i++)
		words += s[i] == ' ';
	if (cols == 0) {
		*level = PASS_EMPTY;
		return "A sentence of four or more ordinary words is strong and easy to remember.";
	}
	if (cols < PASS_MIN_COLS) {
		*level = PASS_TOO_SHORT;
		return "Too short: please use at least 8 characters.";
	}
	if (cols < 12 && words < 3) {
		*level = PASS_FAIR;
		return "Fair. Another word or two would make it much harder to guess.";
	}
	*level = cols < 20 ? PASS_STRONG : PASS_VERY_STRONG;
	return cols < 20 ? "Strong." : "Very strong.";
}

void code_check_group(const char *code, char out[8])
{
	const char *p = code;
	for (int dash = 0; dash < 2 && p; dash++) {
		p = strchr(p, '-');
		if (p)
			p++;
	}
	size_t n = 0;
	while (p && p[n] && p[n] != '-' && n < 7)
		n++;
	memcpy(out, p ? p : "", n);
	out[n] = '\0';
}

bool code_check_matches(const char *code, const char *typed, size_t len)
{
	char want[8];
	code_check_group(code, want);
	size_t n = strlen(want);
	if (n == 0 || len != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		int a = toupper((unsigned char)typed[i]);
		a = a == 'O' ? '0' : (a == 'I' || a == 'L') ? '1' : a;
		if (a != want[i])
			return false;
	}
	return true;
}
