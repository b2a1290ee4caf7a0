#include "content/crisis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "util/utf8.h"

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Splits one line into exactly n tab-separated fields. */
static int split(const char *s, size_t len, char **out, size_t n)
{
	size_t f = 0, start = 0;
	for (size_t i = 0; i <= len && f < n; i++) {
		if (i == len || s[i] == '\t') {
			out[f] = dup_n(s + start, i - start);
			if (!out[f])
				break;
			f++;
			start = i + 1;
		}
	}
	/* Out of memory, too few fields or too many: none are kept. */
	if (f != n || start <= len) {
		for (size_t i = 0; i < f; i++)
			free(out[i]);
		return -1;
	}
	return 0;
}

typedef int (*row_fn)(struct crisis_data *d, char **fields);

static int add_region(struct crisis_data *d, char **f)
{
	struct crisis_region *r = realloc(d->regions, (d->nregions + 1) * sizeof(*r));
	if (!r)
		return -1;
	d->regions = r;
	r[d->nregions++] = (struct crisis_region){f[0], f[1], f[2], f[3]};
	return 0;
}

static int add_line(struct crisis_data *d, char **f)
{
	struct crisis_line *l = realloc(d->lines, (d->nlines + 1) * sizeof(*l));
	if (!l)
		return -1;
	d->lines = l;
	l[d->nlines++] = (struct crisis_line){f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]};
	return 0;
}

static int parse(struct crisis_data *d, const char *path, size_t nfields, row_fn add,
                 struct error *e)
{
	size_t len;
	const char *text = content_get(path, &len);
	if (!text)
		return error_set(e, E_FAIL, "The crisis list %s is missing from this build.", path);
	size_t lineno = 0;
	for (size_t i = 0; i < len;) {
		size_t end = i;
		while (end < len && text[end] != '\n')
			end++;
		lineno++;
		size_t n = end - i;
		if (n && text[i + n - 1] == '\r')
			n--;
		if (n && text[i] != '#') {
			char *fields[8];
			if (split(text + i, n, fields, nfields))
				return error_set(e, E_FAIL, "%s line %zu: expected %zu tab-separated fields.",
				                 path, lineno, nfields);
			if (add(d, fields)) {
				for (size_t k = 0; k < nfields; k++)
					free(fields[k]);
				return error_set(e, E_FAIL, "Out of memory.");
			}
		}
		i = end + 1;
	}
	return 0;
}

int crisis_load(struct crisis_data *d, struct error *e)
{
	memset(d, 0, sizeof(*d));
	if (parse(d, "crisis/regions.tsv", 4, add_region, e) ||
	    parse(d, "crisis/lines.tsv", 8, add_line, e)) {
		crisis_free(d);
		return -1;
	}
	return 0;
}

void crisis_free(struct crisis_data *d)
{
	for (size_t i = 0; i < d->nregions; i++) {
		struct crisis_region *r = &d->regions[i];
		free(r->code), free(r->name), free(r->countries), free(r->emergency);
	}
	for (size_t i = 0; i < d->nlines; i++) {
		struct crisis_line *l = &d->lines[i];
		free(l->region), free(l->service), free(l->contact), free(l->how);
		free(l->hours), free(l->verified), free(l->checked), free(l->note);
	}
	free(d->regions);
	free(d->lines);
	memset(d, 0, sizeof(*d));
}

const struct crisis_region *crisis_region(const struct crisis_data *d, const char *code)
{
	for (size_t i = 0; i < d->nregions; i++)
		if (strcmp(d->regions[i].code, code) == 0)
			return &d->regions[i];
	return NULL;
}

static int covers(const char *list, const char *cc)
{
	size_t n = strlen(cc);
	for (const char *p = list; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, cc, n) == 0)
			return 1;
		if (!comma)
			break;
		p = comma + 1;
	}
	return 0;
}

const char *crisis_guess_region(const struct crisis_data *d, const char *locale)
{
	char cc[3] = {0};
	const char *us = locale ? strchr(locale, '_') : NULL;
	if (us && us[1] >= 'A' && us[1] <= 'Z' && us[2] >= 'A' && us[2] <= 'Z') {
		cc[0] = us[1];
		cc[1] = us[2];
		for (size_t i = 0; i < d->nregions; i++)
			if (covers(d->regions[i].countries, cc))
				return d->regions[i].code;
	}
	for (size_t i = 0; i < d->nregions; i++)
		if (strcmp(d->regions[i].countries, "*") == 0)
			return d->regions[i].code;
	return d->nregions ? d->regions[0].code : "INTL";
}

const char *crisis_pick_region_why(const struct crisis_data *d, const char *configured,
                                   char *why, size_t n)
{
	char dummy[1];
	if (!why)
		why = dummy, n = sizeof(dummy);
	if (configured && *configured && crisis_region(d, configured)) {
		snprintf(why, n, "the region chosen before, kept in tend's settings file");
		return crisis_region(d, configured)->code;
	}
	/* The first locale variable that names a country, as setlocale reads
	 * them: LC_ALL, then LC_MESSAGES, then LANG. The time zone is not
	 * read. */
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && strchr(v, '_')) {
			const char *code = crisis_guess_region(d, v);
			const struct crisis_region *r = crisis_region(d, code);
			if (r && strcmp(r->countries, "*") == 0)
				snprintf(why, n,
				         "the language setting %s=%.*s names a country tend has no lines "
				         "for, so these are lines that work in any country",
				         vars[i], (int)utf8_cut(v, 40), v);
			else
				snprintf(why, n, "a guess from the language setting %s=%.*s", vars[i],
				         (int)utf8_cut(v, 40), v);
			return code;
		}
	}
	snprintf(why, n,
	         "no language setting (LC_ALL, LC_MESSAGES, LANG) names a country, so these are "
	         "lines that work in any country");
	return crisis_guess_region(d, NULL);
}

const char *crisis_pick_region(const struct crisis_data *d, const char *configured)
{
	return crisis_pick_region_why(d, configured, NULL, 0);
}

void crisis_heading(const struct crisis_region *r, char *out, size_t n)
{
	if (strcmp(r->countries, "*") == 0)
		snprintf(out, n, "Crisis lines that work in any country");
	else
		snprintf(out, n, "Crisis lines: %s", r->name);
}

const char *crisis_how_text(const char *how)
{
	if (strcmp(how, "call-or-text") == 0)
		return "call or text";
	if (strcmp(how, "chat") == 0)
		return "chat online";
	if (strcmp(how, "web") == 0)
		return "website";
	return how;
}
