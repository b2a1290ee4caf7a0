#include "util/config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"
#include "util/termsafe.h"
#include "util/utf8.h"

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

void config_warn(struct config *c, int line, const char *fmt, ...)
{
	char what[140];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	/* A warning quotes the file, which may hold anything: made safe here
	 * for stderr and the status bar alike. */
	termsafe_inplace(what, sizeof(what), TERMSAFE_LINE);
	/* Kept in line order (the keymap adds its problems after the rest). */
	int n = c->nwarnings < CONFIG_MAX_WARNINGS ? c->nwarnings : CONFIG_MAX_WARNINGS;
	int at = n;
	while (at > 0 && c->warning_lines[at - 1] > line)
		at--;
	if (at < CONFIG_MAX_WARNINGS) {
		int move = (n < CONFIG_MAX_WARNINGS ? n : CONFIG_MAX_WARNINGS - 1) - at;
		/* Nothing to move into the last slot: warnings[at + 1] would be
		 * past the end of the array. */
		if (move > 0) {
			memmove(c->warnings[at + 1], c->warnings[at],
			        (size_t)move * sizeof(c->warnings[0]));
			memmove(&c->warning_lines[at + 1], &c->warning_lines[at],
			        (size_t)move * sizeof(c->warning_lines[0]));
		}
		snprintf(c->warnings[at], sizeof(c->warnings[0]), "config line %d: %s", line, what);
		c->warning_lines[at] = line;
	}
	c->nwarnings++;
}

static void warn(struct config *c, int line, const char *what, const char *key)
{
	config_warn(c, line, "%s '%.*s', default kept", what, (int)utf8_cut(key, 24), key);
}

/* "on" or "off" into *out; -1 for anything else. */
static int parse_onoff(const char *v, int *out)
{
	if (strcmp(v, "on") != 0 && strcmp(v, "off") != 0)
		return -1;
	*out = strcmp(v, "on") == 0;
	return 0;
}

/* key.ACTION = KEYS: kept for the keymap, which knows the names. */
static void add_key_line(struct config *c, int line, const char *action, const char *keys)
{
	if (!*action || strlen(action) >= sizeof(c->keys[0].action)) {
		config_warn(c, line, "no action '%.*s' to bind, line skipped",
		            (int)utf8_cut(action, 24), action);
		return;
	}
	if (!*keys || strlen(keys) >= sizeof(c->keys[0].keys)) {
		config_warn(c, line, "%s keys for %s, line skipped", *keys ? "too many" : "no",
		            action);
		return;
	}
	if (c->nkeys == CONFIG_MAX_KEYS) {
		config_warn(c, line, "more than %d key lines, line skipped", CONFIG_MAX_KEYS);
		return;
	}
	struct config_key *k = &c->keys[c->nkeys++];
	k->line = line;
	snprintf(k->action, sizeof(k->action), "%s", action);
	snprintf(k->keys, sizeof(k->keys), "%s", keys);
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
	c->date_style = DATE_LONG;
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
			if (parse_onoff(val, &c->reduced_motion))
				warn(c, lineno, "bad reduced_motion (on or off)", val);
		} else if (strcmp(key, "color") == 0) {
			if (parse_onoff(val, &c->color))
				warn(c, lineno, "bad color (on or off)", val);
		} else if (strcmp(key, "week_start") == 0) {
			if (strcmp(val, "monday") == 0 || strcmp(val, "sunday") == 0)
				c->week_start = strcmp(val, "sunday") == 0 ? 6 : 0;
			else
				warn(c, lineno, "bad week_start (monday or sunday)", val);
		} else if (strcmp(key, "date_format") == 0) {
			int st = date_style_parse(val);
			if (st < 0)
				warn(c, lineno, "bad date_format (long, iso, dmy or mdy)", val);
			else
				c->date_style = (enum date_style)st;
		} else if (strcmp(key, "spacing") == 0) {
			if (strcmp(val, "normal") == 0 || strcmp(val, "wide") == 0)
				c->wide = strcmp(val, "wide") == 0;
			else
				warn(c, lineno, "bad spacing (normal or wide)", val);
		} else if (strncmp(key, "key.", 4) == 0) {
			add_key_line(c, lineno, key + 4, val);
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
