/* homework.c: reading a therapist's homework pack (content/homework.h).
 * The front matter goes through page.c's reader; the items are read the
 * way exercise.c reads steps, with stricter keys, because a pack comes
 * from outside tend and a mistake in it should be named, not guessed at. */
#include "content/homework.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content_int.h"
#include "content/exercise.h"
#include "content/page.h"
#include "util/buf.h"
#include "util/utf8.h"

static const char *const kind_names[HW_KINDS] = {"read", "exercise", "prompt", "scale", "answer"};

const char *homework_kind_name(enum hw_kind k)
{
	return k < HW_KINDS ? kind_names[k] : "?";
}

void homework_describe(const struct hw_item *it, char *out, size_t size)
{
	const char *title = it->target_title;
	switch (it->kind) {
	case HW_READ:
		if (title)
			snprintf(out, size, "read \"%s\"", title);
		else
			snprintf(out, size, "read the page '%s' (not in this tend)", it->target);
		return;
	case HW_EXERCISE:
		if (!title)
			snprintf(out, size, "the exercise '%s' (not in this tend)", it->target);
		else if (it->times > 1)
			snprintf(out, size, "%s, %d times", title, it->times);
		else
			snprintf(out, size, "%s, once", title);
		return;
	case HW_PROMPT:
		snprintf(out, size, "a journal prompt");
		return;
	case HW_SCALE:
		if (*it->low || *it->high)
			snprintf(out, size, "a number from 0 (%s) to 10 (%s)", *it->low ? it->low : "0",
			         *it->high ? it->high : "10");
		else
			snprintf(out, size, "a number from 0 to 10");
		return;
	default:
		snprintf(out, size, "a short answer");
		return;
	}
}

void homework_status(const struct hw_item *it, long long done, int last_score, char *out,
                     size_t size)
{
	if (done <= 0) {
		snprintf(out, size, "not yet");
		return;
	}
	switch (it->kind) {
	case HW_READ:
		snprintf(out, size, "read");
		return;
	case HW_EXERCISE:
		if (done > it->times)
			snprintf(out, size, "%lld times", done);
		else if (it->times == 1)
			snprintf(out, size, "done");
		else
			snprintf(out, size, "%lld of %d times", done, it->times);
		return;
	case HW_SCALE:
		if (last_score >= 0) {
			snprintf(out, size, "%d of 10", last_score);
			return;
		}
		break;
	default:
		break;
	}
	snprintf(out, size, "answered");
}

const char *homework_builtin_exercise(const char *id)
{
	return strcmp(id, "paced-breathing") == 0 ? "Paced breathing" : NULL;
}

void homework_free(struct homework *h)
{
	if (!h)
		return;
	str_wipe_free(h->title);
	str_wipe_free(h->from);
	str_wipe_free(h->assigned);
	str_wipe_free(h->due);
	str_wipe_free(h->note);
	str_wipe_free(h->key);
	str_wipe_free(h->intro);
	for (size_t i = 0; i < h->nitems; i++) {
		struct hw_item *it = &h->items[i];
		str_wipe_free(it->heading);
		str_wipe_free(it->target);
		str_wipe_free(it->target_title);
		str_wipe_free(it->low);
		str_wipe_free(it->high);
		str_wipe_free(it->text);
	}
	memset(h, 0, sizeof(*h));
}

static int oom(struct error *e)
{
	return error_set(e, E_FAIL, "Out of memory reading the homework pack.");
}

/* ---- the front matter ---- */

struct fm {
	struct homework *h;
	size_t line_assigned, line_due;
};

static int fm_key(void *arg, const char *key, char *val, size_t line, struct error *e)
{
	struct fm *f = arg;
	struct homework *h = f->h;
	char **slot = NULL;
	bool date = false;
	if (strcmp(key, "title") == 0) {
		slot = &h->title;
	} else if (strcmp(key, "from") == 0) {
		slot = &h->from;
	} else if (strcmp(key, "assigned") == 0) {
		slot = &h->assigned;
		date = true;
		f->line_assigned = line;
	} else if (strcmp(key, "due") == 0) {
		slot = &h->due;
		date = true;
		f->line_due = line;
	} else if (strcmp(key, "note") == 0) {
		slot = &h->note;
	} else if (strcmp(key, "key") == 0) {
		slot = &h->key; /* sealed reports for the pack's author */
	}
	int rc = 0;
	if (!slot)
		rc = error_set(e, E_CORRUPT,
		               "line %zu: unknown key '%s'; a pack's front matter has title, from, "
		               "assigned, due, note and key.", line, key);
	else if (*slot)
		rc = error_set(e, E_CORRUPT, "line %zu: '%s' is given twice; keep one.", line, key);
	else if (!*val)
		rc = error_set(e, E_CORRUPT, "line %zu: %s is empty.", line, key);
	else if (date && !frontmatter_date(val))
		rc = error_set(e, E_CORRUPT, "line %zu: %s must be a date written YYYY-MM-DD, such as "
		                             "2026-11-20.", line, key);
	else if (strlen(val) > HOMEWORK_FIELD_MAX)
		rc = error_set(e, E_CORRUPT, "line %zu: %s is longer than %d bytes; shorten it.", line,
		               key, HOMEWORK_FIELD_MAX);
	if (rc) {
		str_wipe_free(val);
		return rc;
	}
	*slot = val;
	return 0;
}

/* ---- references to tend's own content ---- */

/* The Learn page or path module with this id: its path and title. */
struct find {
	const char *id;
	char *path, *title;
};

static int match_page(size_t folder, const char *path, const struct page_meta *m, void *arg)
{
	(void)folder;
	struct find *f = arg;
	if (strcmp(m->id, f->id) != 0)
		return 0;
	f->path = strdup(path);
	f->title = strdup(m->title);
	return f->path && f->title ? 1 : -1;
}

/* A Learn page or path module by id: 1 with its path and title, 0 when
 * there is none, -1 out of memory. */
static int find_page(const char *id, char **path, char **title)
{
	static const char *const folders[] = {"learn/", "path/"};
	struct find f = {.id = id};
	int r = page_each(folders, 2, match_page, &f);
	if (r != 1) {
		free(f.path);
		free(f.title);
		return r;
	}
	*path = f.path;
	*title = f.title;
	return 1;
}

/* The path's two lists of the person's own (support map, affirmations)
 * are kept, not run, so there is nothing to count. */
static bool is_list(const char *id)
{
	return strcmp(id, "support-map") == 0 || strcmp(id, "affirmations") == 0;
}

/* A guided exercise or one with its own screen: its title. */
static int find_exercise(const char *id, char **title)
{
	if (is_list(id))
		return 0;
	const char *own = homework_builtin_exercise(id);
	if (own)
		return (*title = strdup(own)) ? 1 : -1;
	if (!exercise_exists(id))
		return 0;
	char path[160];
	struct page_meta m;
	struct error e;
	snprintf(path, sizeof(path), "exercises/%s.md", id);
	if (page_load(path, &m, NULL, NULL, &e))
		return 0;
	*title = strdup(m.title);
	page_meta_free(&m);
	return *title ? 1 : -1;
}

/* ---- the items ---- */

enum { K_KIND, K_PAGE, K_EXERCISE, K_TIMES, K_LOW, K_HIGH, K_COUNT };
static const char *const item_keys[K_COUNT] = {"kind", "page", "exercise", "times", "low", "high"};
/* Which kind each key belongs to (-1: any). */
static const int key_kind[K_COUNT] = {-1, HW_READ, HW_EXERCISE, HW_EXERCISE, HW_SCALE, HW_SCALE};

struct item_keys {
	int line[K_COUNT]; /* 0: not given */
	char *val[K_COUNT];
};

static void keys_clear(struct item_keys *k)
{
	for (int i = 0; i < K_COUNT; i++)
		str_wipe_free(k->val[i]);
	memset(k, 0, sizeof(*k));
}

static int item_key(struct item_keys *k, const char *line, size_t n, int ln, struct error *e)
{
	const char *colon = memchr(line, ':', n);
	if (!colon)
		return error_set(e, E_CORRUPT,
		                 "line %d: expected 'key: value' right under the heading (a blank "
		                 "line comes before the item's text).", ln);
	size_t klen = (size_t)(colon - line);
	while (klen && (line[klen - 1] == ' ' || line[klen - 1] == '\t'))
		klen--;
	int which = -1;
	for (int i = 0; i < K_COUNT; i++)
		if (klen == strlen(item_keys[i]) && memcmp(line, item_keys[i], klen) == 0)
			which = i;
	if (which < 0)
		return error_set(e, E_CORRUPT,
		                 "line %d: unknown key '%.*s' in an item; the keys are kind, page, "
		                 "exercise, times, low and high.", ln, (int)(klen > 40 ? 40 : klen),
		                 line);
	if (k->line[which])
		return error_set(e, E_CORRUPT, "line %d: '%s' is given twice in this item; keep one.",
		                 ln, item_keys[which]);
	char *val = content_dup_trimmed(colon + 1, line + n);
	if (!val)
		return oom(e);
	if (!*val) {
		free(val);
		return error_set(e, E_CORRUPT, "line %d: %s is empty.", ln, item_keys[which]);
	}
	if (strlen(val) > HOMEWORK_FIELD_MAX) {
		str_wipe_free(val);
		return error_set(e, E_CORRUPT, "line %d: %s is longer than %d bytes; shorten it.", ln,
		                 item_keys[which], HOMEWORK_FIELD_MAX);
	}
	k->line[which] = ln;
	k->val[which] = val;
	return 0;
}

static int parse_times(const char *s)
{
	if (!*s || strlen(s) > 3)
		return -1;
	int v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v >= 1 && v <= HOMEWORK_MAX_TIMES ? v : -1;
}

/* Checks the item's keys against its kind and fills it; takes the text
 * between gstart and gend as its Markdown. */
static int finish_item(struct homework *h, struct item_keys *k, const char *gstart,
                       const char *gend, unsigned flags, struct error *e)
{
	struct hw_item *it = &h->items[h->nitems - 1];
	if (!(it->text = content_dup_trimmed(gstart, gend)) || !(it->low = content_dup("", 0)) ||
	    !(it->high = content_dup("", 0)))
		return oom(e);
	it->times = 1;
	if (!k->line[K_KIND])
		return error_set(e, E_CORRUPT,
		                 "line %d: the item '%s' has no kind; put 'kind: read' (or exercise, "
		                 "prompt, scale, answer) right under its heading.", it->line,
		                 it->heading);
	int kind = -1;
	for (int i = 0; i < HW_KINDS; i++)
		if (strcmp(k->val[K_KIND], kind_names[i]) == 0)
			kind = i;
	if (kind < 0)
		return error_set(e, E_CORRUPT,
		                 "line %d: kind '%s' is not one tend knows; use read, exercise, "
		                 "prompt, scale or answer.", k->line[K_KIND], k->val[K_KIND]);
	it->kind = (enum hw_kind)kind;
	for (int i = 1; i < K_COUNT; i++)
		if (k->line[i] && key_kind[i] != kind)
			return error_set(e, E_CORRUPT, "line %d: %s: belongs to %s items, and this one "
			                               "is kind: %s.", k->line[i], item_keys[i],
			                 kind_names[key_kind[i]], kind_names[kind]);
	switch (it->kind) {
	case HW_READ: {
		if (!k->line[K_PAGE])
			return error_set(e, E_CORRUPT,
			                 "line %d: a read item needs 'page:' with a Learn page or path "
			                 "module id ('tend help topics' lists them).", it->line);
		int r = find_page(k->val[K_PAGE], &it->target, &it->target_title);
		if (r < 0)
			return oom(e);
		if (r == 0) {
			if (flags & HW_CHECK_REFS)
				return error_set(e, E_CORRUPT,
				                 "line %d: page '%s' is not a Learn page or path module "
				                 "in this tend ('tend help topics' lists them).",
				                 k->line[K_PAGE], k->val[K_PAGE]);
			it->target = k->val[K_PAGE];
			k->val[K_PAGE] = NULL;
		}
		break;
	}
	case HW_EXERCISE: {
		if (!k->line[K_EXERCISE])
			return error_set(e, E_CORRUPT,
			                 "line %d: an exercise item needs 'exercise:' with an exercise "
			                 "id ('tend help topics' lists them).", it->line);
		if (k->line[K_TIMES] && (it->times = parse_times(k->val[K_TIMES])) < 0)
			return error_set(e, E_CORRUPT, "line %d: times must be a whole number from 1 to "
			                               "%d.", k->line[K_TIMES], HOMEWORK_MAX_TIMES);
		it->target = k->val[K_EXERCISE];
		k->val[K_EXERCISE] = NULL;
		int r = find_exercise(it->target, &it->target_title);
		if (r < 0)
			return oom(e);
		if (r == 0 && (flags & HW_CHECK_REFS) && is_list(it->target))
			return error_set(e, E_CORRUPT,
			                 "line %d: %s is a list the person keeps, not an exercise to "
			                 "repeat; a read item or an answer item fits it better.",
			                 k->line[K_EXERCISE], it->target);
		if (r == 0 && (flags & HW_CHECK_REFS))
			return error_set(e, E_CORRUPT,
			                 "line %d: exercise '%s' is not one this tend has ('tend help "
			                 "topics' lists them; paced-breathing is one too).",
			                 k->line[K_EXERCISE], it->target);
		break;
	}
	case HW_PROMPT:
		if (!*it->text)
			return error_set(e, E_CORRUPT,
			                 "line %d: a prompt item needs the prompt written under it, "
			                 "after a blank line.", it->line);
		break;
	case HW_SCALE:
		for (int i = K_LOW; i <= K_HIGH; i++)
			if (k->val[i]) {
				char **slot = i == K_LOW ? &it->low : &it->high;
				free(*slot);
				*slot = k->val[i];
				k->val[i] = NULL;
			}
		break;
	default:
		break;
	}
	keys_clear(k);
	return 0;
}

/* Every line is UTF-8 without NUL bytes, so what is shown is what was
 * written. */
static int check_text(const char *text, size_t len, struct error *e)
{
	int ln = 1;
	for (size_t pos = 0; pos < len; ln++) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (memchr(text + pos, '\0', end - pos))
			return error_set(e, E_CORRUPT,
			                 "line %d: the file holds a NUL byte; a pack is a plain text file.",
			                 ln);
		if (!utf8_valid(text + pos, end - pos))
			return error_set(e, E_CORRUPT,
			                 "line %d: this line is not valid UTF-8; save the file as UTF-8.",
			                 ln);
		pos = end + 1;
	}
	return 0;
}

static int parse(const char *text, size_t len, unsigned flags, struct homework *h,
                 struct error *e)
{
	if (len > HOMEWORK_MAX_BYTES)
		return error_set(e, E_CORRUPT,
		                 "The pack is %zu bytes; a pack may be at most %d bytes (64 KiB).", len,
		                 HOMEWORK_MAX_BYTES);
	if (check_text(text, len, e))
		return -1;
	struct fm f = {.h = h};
	size_t off = 0, close = 0;
	if (frontmatter_each(text, len, fm_key, &f, &off, &close, e))
		return -1;
	static const char *const need[] = {"title", "from", "assigned"};
	char *have[] = {h->title, h->from, h->assigned};
	for (int i = 0; i < 3; i++)
		if (!have[i])
			return error_set(e, E_CORRUPT, "line %zu: the front matter has no %s; add "
			                               "'%s: ...'.", close, need[i], need[i]);
	if (h->due && strcmp(h->due, h->assigned) < 0)
		return error_set(e, E_CORRUPT, "line %zu: due (%s) is before assigned (%s).",
		                 f.line_due, h->due, h->assigned);
	int ln = (int)close + 1;
	const char *p = text + off, *end = text + len;
	const char *gstart = p;
	bool in_keys = false;
	struct item_keys k = {0};
	int rc = 0;
	for (; p < end && rc == 0; ln++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - p);
		while (n && p[n - 1] == '\r')
			n--;
		if (n >= 3 && memcmp(p, "## ", 3) == 0) {
			if (h->nitems == 0) {
				if (!(h->intro = content_dup_trimmed(gstart, p)))
					rc = oom(e);
			} else {
				rc = finish_item(h, &k, gstart, p, flags, e);
			}
			if (rc)
				break;
			if (h->nitems == HOMEWORK_MAX_ITEMS) {
				rc = error_set(e, E_CORRUPT,
				               "line %d: more than %d items; a pack holds at most %d, so "
				               "split it in two.", ln, HOMEWORK_MAX_ITEMS, HOMEWORK_MAX_ITEMS);
				break;
			}
			struct hw_item *it = &h->items[h->nitems++];
			it->line = ln;
			if (!(it->heading = content_dup_trimmed(p + 3, p + n))) {
				rc = oom(e);
				break;
			}
			if (!*it->heading)
				rc = error_set(e, E_CORRUPT, "line %d: an item needs a heading after '## '.",
				               ln);
			else if (strlen(it->heading) > HOMEWORK_FIELD_MAX)
				rc = error_set(e, E_CORRUPT,
				               "line %d: the heading is longer than %d bytes; shorten it.",
				               ln, HOMEWORK_FIELD_MAX);
			for (size_t i = 0; rc == 0 && i + 1 < h->nitems; i++)
				if (strcmp(h->items[i].heading, it->heading) == 0)
					rc = error_set(e, E_CORRUPT,
					               "line %d: the heading '%s' is used twice (first on line "
					               "%d); give each item its own.", ln, it->heading,
					               h->items[i].line);
			in_keys = true;
			gstart = nl ? nl + 1 : end;
		} else if (n >= 1 && p[0] == '#' && (n == 1 || p[1] == ' ' || p[1] == '#')) {
			if (h->nitems)
				rc = error_set(e, E_CORRUPT,
				               "line %d: only '## ' starts an item, and an item's text has "
				               "no headings of its own.", ln);
			in_keys = false; /* the intro may have its own "# Title" */
		} else if (in_keys && n > 0) {
			rc = item_key(&k, p, n, ln, e);
			gstart = nl ? nl + 1 : end;
		} else {
			in_keys = false;
		}
		p = nl ? nl + 1 : end;
	}
	if (rc == 0 && h->nitems == 0)
		rc = error_set(e, E_CORRUPT, "line %d: a pack needs at least one item, a '## ' "
		                             "heading with a kind under it.", ln - 1);
	if (rc == 0)
		rc = finish_item(h, &k, gstart, end, flags, e);
	keys_clear(&k);
	return rc;
}

int homework_parse(const char *text, size_t len, unsigned flags, struct homework *h,
                   struct error *e)
{
	memset(h, 0, sizeof(*h));
	if (!text)
		return error_set(e, E_FAIL, "No pack text.");
	if (parse(text, len, flags, h, e)) {
		homework_free(h);
		return -1;
	}
	if (!h->intro && !(h->intro = content_dup("", 0))) {
		homework_free(h);
		return oom(e);
	}
	return 0;
}
