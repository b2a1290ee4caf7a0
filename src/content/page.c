#include "content/page.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content_int.h"

char *content_dup(const char *p, size_t n)
{
	char *s = malloc(n + 1);
	if (s) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

char *content_dup_trimmed(const char *p, const char *end)
{
	while (p < end && (*p == '\n' || *p == ' ' || *p == '\r' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t'))
		end--;
	return content_dup(p, (size_t)(end - p));
}

void page_meta_free(struct page_meta *m)
{
	if (!m)
		return;
	free(m->id);
	free(m->title);
	free(m->summary);
	free(m->content_note);
	free(m->reviewed);
	free(m->reviewer);
	free(m->review_due);
	for (size_t i = 0; i < m->nsources; i++)
		free(m->sources[i]);
	free(m->sources);
	for (size_t i = 0; i < m->nprompts; i++)
		free(m->prompts[i]);
	free(m->prompts);
	for (size_t i = 0; i < m->nexercises; i++)
		free(m->exercises[i]);
	free(m->exercises);
	free(m->phase);
	memset(m, 0, sizeof(*m));
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int frontmatter_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return 0;
	int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1])
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(mo == 2 && d == 29 && !leap);
}

static int parse_int(const char *s, int *out)
{
	if (!*s)
		return -1;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end || errno || v < INT_MIN || v > INT_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

static int id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' ||
	       c == '_' || c == '.';
}

int frontmatter_each(const char *text, size_t len, frontmatter_fn fn, void *arg,
                     size_t *body_off, size_t *close_line, struct error *e)
{
	size_t pos = 0, line = 0;
	int open = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len, next = nl ? end + 1 : len;
		size_t a = pos, b = end;
		line++;
		pos = next;
		while (b > a && is_blank(text[b - 1]))
			b--;
		int fence = b - a == 3 && memcmp(text + a, "---", 3) == 0;
		if (!open) {
			if (!fence)
				return error_set(e, E_CORRUPT,
				                 "line %zu: the file must start with a line '---', then "
				                 "'key: value' lines, then '---'.", line);
			open = 1;
			continue;
		}
		if (fence) {
			if (body_off)
				*body_off = next;
			if (close_line)
				*close_line = line;
			return 0;
		}
		while (a < b && is_blank(text[a]))
			a++;
		if (a == b || text[a] == '#')
			continue;
		const char *colon = memchr(text + a, ':', b - a);
		size_t kend = colon ? (size_t)(colon - text) : a;
		while (kend > a && is_blank(text[kend - 1]))
			kend--;
		int key_ok = kend > a;
		for (size_t i = a; i < kend; i++)
			key_ok = key_ok && id_char(text[i]);
		if (!colon || !key_ok)
			return error_set(e, E_CORRUPT,
			                 "line %zu: expected 'key: value' (or '---' to end the front "
			                 "matter).", line);
		size_t va = (size_t)(colon - text) + 1;
		while (va < b && is_blank(text[va]))
			va++;
		char key[32];
		size_t klen = kend - a < sizeof(key) - 1 ? kend - a : sizeof(key) - 1;
		memcpy(key, text + a, klen);
		key[klen] = '\0';
		if (memchr(text + va, '\0', b - va))
			return error_set(e, E_CORRUPT, "line %zu: the value holds a NUL byte.", line);
		char *val = strndup(text + va, b - va);
		if (!val)
			return error_set(e, E_FAIL, "Out of memory reading the front matter.");
		if (fn(arg, key, val, line, e))
			return -1;
	}
	if (!open)
		return error_set(e, E_CORRUPT,
		                 "line 1: the file is empty; it must start with front matter "
		                 "between '---' lines.");
	return error_set(e, E_CORRUPT,
	                 "line %zu: the front matter opened on line 1 is never closed with '---'.",
	                 line);
}

/* Sets a single-valued key, refusing a second occurrence. */
static int set_once(char **slot, char *val, int *seen, const char *key, size_t line,
                    struct error *e)
{
	if (*seen) {
		free(val);
		return error_set(e, E_CORRUPT, "line %zu: '%s' is given twice; keep one.", line, key);
	}
	*seen = 1;
	*slot = val;
	return 0;
}

struct page_parse {
	struct page_meta *m;
	int seen_id, seen_title, seen_summary, seen_order, seen_note, seen_reviewed, seen_phase;
	int seen_due;
	size_t due_line;
};

/* One front matter line of a page; takes val. */
static int page_key(void *arg, const char *key, char *val, size_t line, struct error *e)
{
	struct page_parse *p = arg;
	struct page_meta *m = p->m;
	if (strcmp(key, "id") == 0) {
		int ok = *val != '\0';
		for (const char *s = val; *s; s++)
			ok = ok && id_char(*s);
		if (!ok) {
			free(val);
			return error_set(e, E_CORRUPT,
			                 "line %zu: an id uses only letters, digits, '-', '_' and "
			                 "'.', and is not empty.", line);
		}
		return set_once(&m->id, val, &p->seen_id, key, line, e);
	}
	if (strcmp(key, "title") == 0) {
		if (!*val) {
			free(val);
			return error_set(e, E_CORRUPT, "line %zu: the title is empty.", line);
		}
		return set_once(&m->title, val, &p->seen_title, key, line, e);
	}
	if (strcmp(key, "summary") == 0)
		return set_once(&m->summary, val, &p->seen_summary, key, line, e);
	if (strcmp(key, "content_note") == 0) {
		if (!*val) {
			free(val);
			val = NULL;
		}
		return set_once(&m->content_note, val, &p->seen_note, key, line, e);
	}
	if (strcmp(key, "order") == 0) {
		int v, bad = parse_int(val, &v);
		free(val);
		if (p->seen_order)
			return error_set(e, E_CORRUPT, "line %zu: 'order' is given twice; keep one.", line);
		if (bad)
			return error_set(e, E_CORRUPT, "line %zu: order must be a whole number.", line);
		p->seen_order = 1;
		m->order = v;
		return 0;
	}
	if (strcmp(key, "reviewed") == 0) {
		/* "WHO, YYYY-MM-DD" or just the date: the date is what follows
		 * the last comma. */
		char *comma = strrchr(val, ',');
		char *date = comma ? comma + 1 : val;
		while (*date == ' ' || *date == '\t')
			date++;
		if (!frontmatter_date(date)) {
			free(val);
			return error_set(e, E_CORRUPT,
			                 "line %zu: reviewed must be 'who, YYYY-MM-DD' or a date "
			                 "written YYYY-MM-DD.", line);
		}
		if (comma) {
			char *end = comma;
			while (end > val && (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			if (end == val) {
				free(val);
				return error_set(e, E_CORRUPT,
				                 "line %zu: reviewed names nobody before the comma; "
				                 "write 'who, YYYY-MM-DD'.", line);
			}
			if (!p->seen_reviewed && !(m->reviewer = strndup(val, (size_t)(end - val)))) {
				free(val);
				return error_set(e, E_FAIL, "Out of memory reading the front matter.");
			}
			memmove(val, date, strlen(date) + 1);
		}
		return set_once(&m->reviewed, val, &p->seen_reviewed, key, line, e);
	}
	if (strcmp(key, "review-due") == 0) {
		if (!frontmatter_date(val)) {
			free(val);
			return error_set(e, E_CORRUPT,
			                 "line %zu: review-due must be a date written YYYY-MM-DD.", line);
		}
		p->due_line = line;
		return set_once(&m->review_due, val, &p->seen_due, key, line, e);
	}
	if (strcmp(key, "phase") == 0)
		return set_once(&m->phase, val, &p->seen_phase, key, line, e);
	if (strcmp(key, "source") == 0 || strcmp(key, "prompt") == 0 ||
	    strcmp(key, "exercise") == 0) {
		/* Keys that repeat: one item per line. */
		char ***list = key[0] == 's' ? &m->sources : key[0] == 'p' ? &m->prompts
		                                                          : &m->exercises;
		size_t *count = key[0] == 's' ? &m->nsources : key[0] == 'p' ? &m->nprompts
		                                                              : &m->nexercises;
		if (!*val) {
			free(val);
			return error_set(e, E_CORRUPT, "line %zu: the %s is empty.", line, key);
		}
		char **grown = realloc(*list, (*count + 1) * sizeof(*grown));
		if (!grown) {
			free(val);
			return error_set(e, E_FAIL, "Out of memory reading the front matter.");
		}
		*list = grown;
		(*list)[(*count)++] = val;
		return 0;
	}
	free(val); /* unknown keys are for other tools */
	return 0;
}

static int parse(const char *text, size_t len, struct page_meta *m, size_t *body_off,
                 struct error *e)
{
	struct page_parse p = {.m = m};
	size_t close = 0, off = 0;
	if (frontmatter_each(text, len, page_key, &p, &off, &close, e))
		return -1;
	if (!p.seen_id)
		return error_set(e, E_CORRUPT, "line %zu: the front matter has no id; add 'id: ...'.",
		                 close);
	if (!p.seen_title)
		return error_set(e, E_CORRUPT,
		                 "line %zu: the front matter has no title; add 'title: ...'.", close);
	if (m->review_due && m->reviewed && strcmp(m->review_due, m->reviewed) <= 0)
		return error_set(e, E_CORRUPT,
		                 "line %zu: review-due must come after the reviewed date.", p.due_line);
	if (!m->summary && !(m->summary = strdup("")))
		return error_set(e, E_FAIL, "Out of memory reading the front matter.");
	if (body_off)
		*body_off = off;
	return 0;
}

int page_meta_parse(const char *text, size_t len, struct page_meta *m, size_t *body_off,
                    struct error *e)
{
	memset(m, 0, sizeof(*m));
	if (!text)
		return error_set(e, E_FAIL, "No page text.");
	if (parse(text, len, m, body_off, e) != 0) {
		page_meta_free(m);
		return -1;
	}
	return 0;
}

int page_load(const char *path, struct page_meta *m, const char **body, size_t *body_len,
              struct error *e)
{
	memset(m, 0, sizeof(*m));
	size_t len, off;
	const char *text = content_get(path, &len);
	if (!text) {
		const char *dir = getenv("TEND_CONTENT_DIR");
		return error_set(e, E_FAIL, "%s: no such page%s.", path ? path : "(null)",
		                 dir && *dir ? " in TEND_CONTENT_DIR" : "");
	}
	struct error sub;
	error_clear(&sub);
	if (page_meta_parse(text, len, m, &off, &sub) != 0)
		return error_set(e, sub.code, "%s: %s", path, sub.msg);
	if (body)
		*body = text + off;
	if (body_len)
		*body_len = len - off;
	return 0;
}

int page_each(const char *const *folders, size_t nfolders, page_each_fn fn, void *arg)
{
	for (size_t f = 0; f < nfolders; f++) {
		const char *paths[64];
		size_t n = content_list(folders[f], paths, 64);
		for (size_t i = 0; i < n && i < 64; i++) {
			struct page_meta m;
			struct error e;
			if (!strstr(paths[i], ".md") || page_load(paths[i], &m, NULL, NULL, &e))
				continue;
			int r = fn(f, paths[i], &m, arg);
			page_meta_free(&m);
			if (r)
				return r;
		}
	}
	return 0;
}
