#include "core/feelings.h"

#include <string.h>

size_t feelings_words(const char *stored, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (const char *p = stored ? stored : ""; *p;) {
		size_t n = strcspn(p, ",");
		const char *w = p, *end = p + n;
		p = *end ? end + 1 : end;
		const char *slash = memchr(w, '/', (size_t)(end - w));
		if (slash)
			w = slash + 1;
		while (w < end && (*w == ' ' || *w == '\t'))
			w++;
		while (end > w && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		size_t len = (size_t)(end - w), sep = used ? 2 : 0;
		if (!len)
			continue;
		if (used + sep + len >= size)
			break;
		memcpy(out + used, ", ", sep);
		memcpy(out + used + sep, w, len);
		used += sep + len;
		out[used] = '\0';
	}
	return used;
}
