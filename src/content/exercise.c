/* exercise.c: guided exercises from content/exercises/<id>.md. */
#include "content/exercise.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content_int.h"

void exercise_free(struct exercise_def *d)
{
	if (!d)
		return;
	page_meta_free(&d->m);
	free(d->intro);
	for (size_t i = 0; i < d->nsteps; i++) {
		struct ex_step *s = &d->steps[i];
		free(s->heading);
		free(s->id);
		free(s->low);
		free(s->high);
		free(s->tmpl);
		free(s->guide);
	}
	memset(d, 0, sizeof(*d));
}

static int valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static int find_step(const struct exercise_def *d, size_t before, const char *id, size_t n)
{
	for (size_t i = 0; i < before; i++)
		if (strlen(d->steps[i].id) == n && memcmp(d->steps[i].id, id, n) == 0)
			return (int)i;
	return -1;
}

static int oom(struct error *e)
{
	return error_set(e, E_FAIL, "Out of memory reading an exercise.");
}

/* One "key: value" line after a heading; sets the step's fields. */
static int step_key(struct exercise_def *d, struct ex_step *s, const char *line, size_t n, int ln,
                    struct error *e)
{
	const char *colon = memchr(line, ':', n);
	if (!colon)
		return error_set(e, E_CORRUPT, "line %d: expected 'key: value' after the heading", ln);
	size_t klen = (size_t)(colon - line);
	const char *v = colon + 1;
	while (v < line + n && *v == ' ')
		v++;
	char *val = content_dup_trimmed(v, line + n);
	if (!val)
		return oom(e);
	char **slot = NULL;
#define KEY(k) (klen == sizeof(k) - 1 && memcmp(line, k, klen) == 0)
	if (KEY("answer")) {
		static const char *const kinds[] = {"text", "scale", "none", "compose"};
		int k = -1;
		for (int i = 0; i < 4; i++)
			if (strcmp(val, kinds[i]) == 0)
				k = i;
		free(val);
		if (k < 0)
			return error_set(e, E_CORRUPT,
			                 "line %d: answer is text, scale, none or compose", ln);
		s->kind = (enum answer_kind)k;
		return 0;
	}
	if (KEY("id")) {
		if (!valid_id(val) || find_step(d, (size_t)(s - d->steps), val, strlen(val)) >= 0) {
			error_set(e, E_CORRUPT, "line %d: id '%s' is not a new id of a-z, 0-9 and '-'",
			          ln, val);
			free(val);
			return -1;
		}
		slot = &s->id;
	} else if (KEY("low")) {
		slot = &s->low;
	} else if (KEY("high")) {
		slot = &s->high;
	} else if (KEY("template")) {
		slot = &s->tmpl;
	}
#undef KEY
	if (!slot) {
		free(val);
		return error_set(e, E_CORRUPT, "line %d: unknown key '%.*s'", ln, (int)klen, line);
	}
	free(*slot);
	*slot = val;
	return 0;
}

/* A compose step needs a template whose {ids} are earlier text steps. */
static int check_step(const struct exercise_def *d, size_t i, int ln, struct error *e)
{
	const struct ex_step *s = &d->steps[i];
	if (s->kind != ANSWER_COMPOSE) {
		if (s->tmpl)
			return error_set(e, E_CORRUPT, "line %d: template: is for compose steps", ln);
		return 0;
	}
	if (!s->tmpl || !*s->tmpl)
		return error_set(e, E_CORRUPT, "line %d: a compose step needs a template:", ln);
	for (const char *p = s->tmpl; (p = strchr(p, '{')); ) {
		const char *end = strchr(p, '}');
		if (!end)
			return error_set(e, E_CORRUPT, "line %d: '{' without '}' in the template", ln);
		int k = find_step(d, i, p + 1, (size_t)(end - p - 1));
		if (k < 0 || d->steps[k].kind != ANSWER_TEXT)
			return error_set(e, E_CORRUPT,
			                 "line %d: {%.*s} is not an earlier text step's id", ln,
			                 (int)(end - p - 1), p + 1);
		p = end + 1;
	}
	return 0;
}

static int finish_step(struct exercise_def *d, const char *gstart, const char *gend, int ln,
                       struct error *e)
{
	struct ex_step *s = &d->steps[d->nsteps - 1];
	if (!(s->guide = content_dup_trimmed(gstart, gend)))
		return oom(e);
	if (!s->low && !(s->low = content_dup("", 0)))
		return oom(e);
	if (!s->high && !(s->high = content_dup("", 0)))
		return oom(e);
	return check_step(d, d->nsteps - 1, ln, e);
}

int exercise_parse(const char *text, size_t len, struct exercise_def *d, struct error *e)
{
	memset(d, 0, sizeof(*d));
	size_t off;
	if (page_meta_parse(text, len, &d->m, &off, e))
		return -1;
	int ln = 1;
	for (size_t i = 0; i < off; i++)
		ln += text[i] == '\n';
	const char *p = text + off, *end = text + len;
	const char *gstart = p; /* where the current Markdown block began */
	int step_line = 0;
	bool in_keys = false;
	for (; p < end; ln++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - p);
		if (n >= 3 && memcmp(p, "## ", 3) == 0) {
			if (d->nsteps == 0) {
				if (!(d->intro = content_dup_trimmed(gstart, p)))
					return oom(e);
			} else if (finish_step(d, gstart, p, step_line, e)) {
				return -1;
			}
			if (d->nsteps == EXERCISE_MAX_STEPS)
				return error_set(e, E_CORRUPT, "line %d: more than %d steps", ln,
				                 EXERCISE_MAX_STEPS);
			struct ex_step *s = &d->steps[d->nsteps++];
			if (!(s->heading = content_dup_trimmed(p + 3, le)) || !(s->id = content_dup("", 0)))
				return oom(e);
			if (!*s->heading)
				return error_set(e, E_CORRUPT, "line %d: a step needs a heading", ln);
			for (size_t k = 0; k + 1 < d->nsteps; k++)
				if (strcmp(d->steps[k].heading, s->heading) == 0)
					return error_set(e, E_CORRUPT, "line %d: heading '%s' is used twice",
					                 ln, s->heading);
			step_line = ln;
			in_keys = true;
			gstart = nl ? nl + 1 : end;
		} else if (n >= 1 && p[0] == '#' && (n == 1 || p[1] == ' ' || p[1] == '#')) {
			if (d->nsteps)
				return error_set(e, E_CORRUPT, "line %d: no headings inside a step", ln);
			in_keys = false; /* the intro may have its own "# Title" */
		} else if (in_keys && n > 0) {
			if (step_key(d, &d->steps[d->nsteps - 1], p, n, ln, e))
				return -1;
			gstart = nl ? nl + 1 : end;
		} else {
			in_keys = false;
		}
		p = nl ? nl + 1 : end;
	}
	if (d->nsteps == 0)
		return error_set(e, E_CORRUPT, "line %d: an exercise needs at least one '## ' step", ln);
	return finish_step(d, gstart, end, step_line, e);
}

int exercise_load(const char *id, struct exercise_def *d, struct error *e)
{
	memset(d, 0, sizeof(*d));
	char path[160];
	if (!valid_id(id) || snprintf(path, sizeof(path), "exercises/%s.md", id) >= (int)sizeof(path))
		return error_set(e, E_FAIL, "No exercise %s.", id);
	size_t len;
	const char *text = content_get(path, &len);
	if (!text)
		return error_set(e, E_FAIL, "No exercise %s.", id);
	if (exercise_parse(text, len, d, e)) {
		char msg[sizeof(e->msg)];
		snprintf(msg, sizeof(msg), "%s", e->msg);
		exercise_free(d);
		return error_set(e, e->code, "%s: %s", path, msg);
	}
	return 0;
}

int exercise_exists(const char *id)
{
	char path[160];
	if (!valid_id(id) || snprintf(path, sizeof(path), "exercises/%s.md", id) >= (int)sizeof(path))
		return 0;
	return content_get(path, NULL) != NULL;
}

/* An answer as part of a sentence: on one line, without the full stop it
 * may end with. */
static int put_inline(struct buf *out, const char *a)
{
	if (!a)
		a = "";
	while (*a == ' ' || *a == '\n' || *a == '\t')
		a++;
	size_t n = strlen(a);
	while (n && (a[n - 1] == ' ' || a[n - 1] == '\n' || a[n - 1] == '\t' || a[n - 1] == '.'))
		n--;
	if (!n)
		return buf_puts(out, "...");
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = a[i];
		if (c == '\n' || c == '\t' || c == ' ' || c == '\r') {
			space = true;
			continue;
		}
		if ((space && buf_putc(out, ' ')) || buf_putc(out, c))
			return -1;
		space = false;
	}
	return 0;
}

size_t exercise_compose_gaps(const struct exercise_def *d, size_t step,
                             const char *const *answers, size_t *refs)
{
	size_t gaps = 0, n = 0;
	for (const char *t = d->steps[step].tmpl; t && *t;) {
		const char *open = strchr(t, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		if (!close)
			break;
		int k = find_step(d, step, open + 1, (size_t)(close - open - 1));
		if (k >= 0) {
			const char *a = answers[k] ? answers[k] : "";
			n++;
			gaps += a[strspn(a, " \t\r\n")] == '\0';
		}
		t = close + 1;
	}
	if (refs)
		*refs = n;
	return gaps;
}

int exercise_compose(const struct exercise_def *d, size_t step, const char *const *answers,
                     struct buf *out)
{
	buf_clear(out);
	const char *t = d->steps[step].tmpl;
	if (!t)
		return 0;
	while (*t) {
		const char *open = strchr(t, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		if (!close)
			return buf_puts(out, t);
		if (buf_append(out, t, (size_t)(open - t)))
			return -1;
		int k = find_step(d, step, open + 1, (size_t)(close - open - 1));
		if (k < 0 ? buf_append(out, open, (size_t)(close - open + 1))
		          : put_inline(out, answers[k]))
			return -1;
		t = close + 1;
	}
	return 0;
}
