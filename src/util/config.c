#include "util/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"

#define CONFIG_MAX (64 * 1024)

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

void config_load(const char *dir, struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->autolock_min = 10;
	char *path = path_join(dir, "config");
	struct buf b = BUF_INIT;
	int missing;
	if (!path || read_file(path, CONFIG_MAX, &b, &missing, NULL)) {
		free(path);
		buf_free(&b);
		return;
	}
	char *save = NULL;
	for (char *line = strtok_r(b.data ? b.data : (char *)"", "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '=');
		if (!eq || *trim(line) == '#')
			continue;
		*eq = '\0';
		char *key = trim(line), *val = trim(eq + 1);
		if (strcmp(key, "region") == 0 && strlen(val) < sizeof(c->region))
			strcpy(c->region, val);
		else if (strcmp(key, "autolock") == 0)
			c->autolock_min = atoi(val) >= 0 ? atoi(val) : 10;
	}
	buf_free(&b);
	free(path);
}

int config_set(const char *dir, const char *key, const char *value, struct error *e)
{
	if (mkdir_p(dir, e))
		return -1;
	char *path = path_join(dir, "config");
	if (!path)
		return error_set(e, E_FAIL, "Out of memory.");
	struct buf old = BUF_INIT, out = BUF_INIT;
	int missing = 0;
	if (read_file(path, CONFIG_MAX, &old, &missing, e) && !missing) {
		free(path);
		buf_free(&old);
		return -1;
	}
	size_t klen = strlen(key);
	int done = 0;
	const char *s = buf_str(&old);
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		const char *k = s;
		while (k < s + n && (*k == ' ' || *k == '\t'))
			k++;
		int match = (size_t)(s + n - k) > klen && strncmp(k, key, klen) == 0 &&
		            strchr(" \t=", k[klen]) != NULL;
		if (match && !done) {
			buf_printf(&out, "%s = %s\n", key, value);
			done = 1;
		} else if (!match) {
			buf_append(&out, s, n);
			buf_putc(&out, '\n');
		}
		s += n + (nl ? 1 : 0);
	}
	if (!done)
		buf_printf(&out, "%s = %s\n", key, value);
	int rc = atomic_write(path, buf_str(&out), out.len, 0600, e);
	buf_free(&old);
	buf_free(&out);
	free(path);
	return rc;
}
