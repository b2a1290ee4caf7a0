#include "core/tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

size_t list_split(char *buf, const char **out, size_t max)
{
	size_t n = 0;
	if (!buf)
		return 0;
	for (char *save = NULL, *t = strtok_r(buf, ",", &save); t && n < max;
	     t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		size_t len = strlen(t);
		while (len && t[len - 1] == ' ')
			t[--len] = '\0';
		if (*t)
			out[n++] = t;
	}
	return n;
}

const char *tag_trim(const char *s, size_t n, size_t *len)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*len = n;
	return s;
}

int tags_tidy(const char *in, struct buf *out)
{
	buf_clear(out);
	int rc = buf_puts(out, "");
	for (const char *p = in ? in : ""; *p && rc == 0;) {
		size_t k = strcspn(p, ","), len;
		const char *t = tag_trim(p, k, &len);
		if (len) {
			if (out->len)
				rc = buf_putc(out, ',');
			if (rc == 0)
				rc = buf_append(out, t, len);
		}
		p += k + (p[k] == ',');
	}
	return rc;
}

int tags_for_editing(const char *stored, struct buf *out)
{
	int rc = buf_puts(out, "");
	for (const char *p = stored ? stored : ""; *p && rc == 0;) {
		size_t n = strcspn(p, ",");
		rc = buf_append(out, p, n);
		p += n;
		if (*p == ',' && rc == 0) {
			rc = buf_puts(out, ", ");
			p++;
		}
	}
	return rc;
}

bool list_item_ok(const char *s)
{
	return *s && !strchr(s, ',') && utf8_valid(s, strlen(s));
}

bool list_has(const char *list, const char *item)
{
	size_t n = strlen(item);
	for (const char *s = list; *s;) {
		size_t k = strcspn(s, ",");
		if (k == n && strncmp(s, item, n) == 0)
			return true;
		s += k + (s[k] == ',');
	}
	return false;
}

void list_toggle(char *list, size_t size, const char *item)
{
	char *next = calloc(1, size);
	if (!next)
		return;
	size_t used = 0, n = strlen(item);
	bool had = false;
	for (const char *s = list; *s;) {
		size_t k = strcspn(s, ",");
		if (k == n && strncmp(s, item, n) == 0)
			had = true;
		else
			used += (size_t)snprintf(next + used, size - used, "%s%.*s", used ? "," : "", (int)k,
			                         s);
		s += k + (s[k] == ',');
		if (used >= size)
			break;
	}
	if (!had && used + n + 2 < size)
		snprintf(next + used, size - used, "%s%s", used ? "," : "", item);
	snprintf(list, size, "%s", next);
	mem_wipe(next, size);
	free(next);
}
