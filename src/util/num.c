#include "util/num.h"

#include <errno.h>
#include <stdlib.h>

int num_parse(const char *s, long long min, long long max, long long *out)
{
	if (!s)
		return -1;
	const char *d = *s == '-' ? s + 1 : s;
	if (*d < '0' || *d > '9')
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
