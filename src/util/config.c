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

static void warn(struct config *c, int line, const char *what, const char *key)
{
	if (!c->nwarnings++)
		snprintf(c->warning, sizeof(c->warning), "config line %d: %s '%.24s', default kept",
		         line, what, key);
}

static int parse_minutes(const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < 0 || n > 24 * 60)
		return -1;
	*out = (int)n;
	return 0;
}

void config_load(const char *dir, struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->autolock_min = 10;
	c->color = -1;
	char *path = path_join(dir, "config");
	struct buf b = BUF_INIT;
	int missing;
	if (!path || read_file(path, CONFIG_MAX, &b, &missing, NULL)) {
		free(path);
		buf_free(&b);
		return;
	}
	int lineno = 0;
	for (char *line = b.data ? b.data : (char *)"", *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		char *t = trim(line);
		if (!*t || *t == '#')
			continue;
		char *eq = strchr(t, '=');
		if (!eq) {
			warn(c, lineno, "not key = value:", t);
			continue;
		}
		*eq = '\0';
		char *key = trim(t), *val = trim(eq + 1);
		if (strcmp(key, "region") == 0) {
			if (!*val || strlen(val) >= sizeof(c->region))
				warn(c, lineno, "bad region", val);
			else
				strcpy(c->region, val);
		} else if (strcmp(key, "autolock") == 0) {
			if (parse_minutes(val, &c->autolock_min))
				warn(c, lineno, "bad autolock", val);
		} else if (strcmp(key, "reduced_motion") == 0) {
			if (strcmp(val, "on") == 0 || strcmp(val, "off") == 0)
				c->reduced_motion = strcmp(val, "on") == 0;
			else
				warn(c, lineno, "bad reduced_motion", val);
		} else if (strcmp(key, "color") == 0) {
			if (strcmp(val, "on") == 0 || strcmp(val, "off") == 0)
				c->color = strcmp(val, "on") == 0;
			else
				warn(c, lineno, "bad color", val);
		} else {
			warn(c, lineno, "unknown setting", key);
		}
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
