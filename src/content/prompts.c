#include "content/prompts.h"

#include <stdlib.h>
#include <string.h>

#include "content/embed.h"

size_t prompts_load(struct prompt *out, size_t max)
{
	size_t len, n = 0;
	const char *text = content_get("prompts/journal.tsv", &len);
	if (!text)
		return 0;
	for (size_t i = 0; i < len;) {
		size_t end = i;
		while (end < len && text[end] != '\n')
			end++;
		const char *line = text + i;
		size_t ll = end - i;
		const char *tab = memchr(line, '\t', ll);
		if (ll && line[0] != '#' && tab && (size_t)(tab - line) < sizeof(out[0].id)) {
			if (n == max)
				break;
			{
				memcpy(out[n].id, line, (size_t)(tab - line));
				out[n].id[tab - line] = '\0';
				size_t tl = ll - (size_t)(tab - line) - 1;
				char *t = malloc(tl + 1);
				if (!t)
					return n;
				memcpy(t, tab + 1, tl);
				t[tl] = '\0';
				out[n].text = t;
			}
			n++;
		}
		i = end + 1;
	}
	return n;
}

void prompts_free(struct prompt *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)list[i].text);
		list[i].text = NULL;
	}
}

const struct prompt *prompt_find(const struct prompt *list, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].id, id) == 0)
			return &list[i];
	return NULL;
}

const struct prompt *prompt_of_day(const struct prompt *list, size_t n, int64_t day)
{
	if (!n)
		return NULL;
	return &list[(size_t)((day % (int64_t)n + (int64_t)n) % (int64_t)n)];
}
