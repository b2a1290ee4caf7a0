/* homework.c: reading a therapist's homework pack (content/homework.h).
 * The front matter goes through page.c's reader; the items are read the
 * way exercise.c reads steps, with stricter keys, because a pack comes
 * from outside tend and a mistake in it should be named, not guessed at. */
#include "content/homework.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/embed.h"
#include "content_int.h"
#include "content/exercise.h"
#include "content/page.h"
#include "util/buf.h"
#include "util/utf8.h"

static const char *const kind_names[HW_KINDS] = {"read",  "exercise", "prompt",
                                                 "scale", "answer",   "measure"};

void homework_practice_names(const struct homework *h, const char *names[HOMEWORK_MAX_ITEMS])
{
	for (size_t i = 0; i < HOMEWORK_MAX_ITEMS; i++)
		names[i] = i < h->nitems && h->items[i].kind == HW_EXERCISE ? h->items[i].target_title
		                                                          : NULL;
}

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
	case HW_MEASURE:
		snprintf(out, size, "%zu question%s, each answered from \"%s\" to \"%s\"",
		         it->m.nquestions, it->m.nquestions == 1 ? "" : "s",
		         it->m.nresponses ? it->m.responses[0] : "",
		         it->m.nresponses ? it->m.responses[it->m.nresponses - 1] : "");
		return;
	default:
		snprintf(out, size, "a short answer");
		return;
	}
}

int homework_measure_encode(const struct hw_item *it, const int *answers, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < it->m.nquestions; i++) {
		if (answers[i] < 0 || (size_t)answers[i] >= it->m.nresponses)
			return -1;
		int w = snprintf(out + n, size - n, "%s%d", i ? "," : "", answers[i]);
		if (w < 0 || (size_t)w >= size - n)
			return -1;
		n += (size_t)w;
	}
	return 0;
}

int homework_measure_decode(const struct hw_item *it, const char *text,
                            int answers[HOMEWORK_MAX_QUESTIONS])
{
	const char *p = text;
	for (size_t i = 0; i < it->m.nquestions; i++) {
		if (i && *p++ != ',')
			return -1;
		if (*p < '0' || *p > '9')
			return -1;
		int v = 0;
		while (*p >= '0' && *p <= '9' && v < 100)
			v = v * 10 + (*p++ - '0');
		if ((size_t)v >= it->m.nresponses)
			return -1;
		answers[i] = v;
	}
	return *p || !it->m.nquestions ? -1 : 0;
}

double homework_measure_score(const struct hw_item *it, const int *answers)
{
	double total = 0;
	int top = (int)it->m.nresponses - 1;
	for (size_t i = 0; i < it->m.nquestions; i++)
		total += it->m.reversed[i] ? top - answers[i] : answers[i];
	return it->m.mean && it->m.nquestions ? total / (double)it->m.nquestions : total;
}

const char *homework_measure_band(const struct hw_item *it, double score)
{
	for (size_t i = 0; i < it->m.nbands; i++)
		if (score >= it->m.bands[i].lo && score <= it->m.bands[i].hi)
			return it->m.bands[i].label;
	return NULL;
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
	case HW_MEASURE:
		if (done == 1)
			snprintf(out, size, "answered once");
		else
			snprintf(out, size, "answered %lld times", done);
		return;
	default:
		break;
	}
	snprintf(out, size, "answered");
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
	str_wipe_free(h->content_note);
	str_wipe_free(h->label);
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
		str_wipe_free(it->content_note);
		for (size_t k = 0; k < it->m.nquestions; k++)
			str_wipe_free(it->m.questions[k]);
		for (size_t k = 0; k < it->m.nresponses; k++)
			str_wipe_free(it->m.responses[k]);
		for (size_t k = 0; k < it->m.nbands; k++)
			str_wipe_free(it->m.bands[k].label);
	}
	memset(h, 0, sizeof(*h));
}

static int oom(struct error *e)
{
	return error_set(e, E_FAIL, "Out of memory reading the homework pack.");
}

/* ---- problems ---- */

/* Every problem found in one run, so an author fixes them all at once;
 * they are handed out sorted by line. After a problem the parse goes on
 * where the rest of the file still means something. */
#define MAX_PROBLEMS 50

struct problem {
	int line;
	size_t seq; /* the order found, for problems on one line */
	char msg[sizeof(((struct error *)0)->msg)];
};

struct pctx {
	struct homework *h;
	const char *base;     /* the file, to tell a line's number */
	const char *cur_text, *cur_end; /* the item's text in it */
	unsigned flags;
	struct problem *p; /* MAX_PROBLEMS of them */
	size_t n;
	bool more; /* some were not kept */
};

static void add_problem(struct pctx *pc, int line, const char *msg)
{
	if (pc->n == MAX_PROBLEMS) {
		pc->more = true;
		return;
	}
	struct problem *p = &pc->p[pc->n];
	p->seq = pc->n++;
	p->line = line;
	snprintf(p->msg, sizeof(p->msg), "%s", msg);
}

/* Keeps "line N: ..." as a problem; returns 0 so the parse goes on. */
static int problem(struct pctx *pc, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);
static int problem(struct pctx *pc, int line, const char *fmt, ...)
{
	char msg[sizeof(((struct error *)0)->msg)];
	int n = snprintf(msg, sizeof(msg), "line %d: ", line);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	add_problem(pc, line, msg);
	return 0;
}

/* ---- the front matter ---- */

/* key: the therapist's public key, kept as text for sealed reports (the
 * report screen checks it; content/ cannot see crypto/). */
enum { F_TITLE, F_FROM, F_ASSIGNED, F_DUE, F_NOTE, F_CNOTE, F_LABEL, F_KEY, F_COUNT };
static const char *const fm_names[F_COUNT] = {"title", "from", "assigned", "due", "note",
                                              "content-note", "label", "key"};

struct fm {
	struct pctx *pc;
	size_t line[F_COUNT]; /* 0: not given */
};

static char **fm_slot(struct homework *h, int k)
{
	char **slots[F_COUNT] = {&h->title, &h->from, &h->assigned, &h->due, &h->note,
	                         &h->content_note, &h->label, &h->key};
	return slots[k];
}

/* "2026-02-30" has the shape of a date but is no day; each gets its own
 * message. */
static bool date_shape(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

static int fm_key(void *arg, const char *key, char *val, size_t line, struct error *e)
{
	(void)e;
	struct fm *f = arg;
	struct pctx *pc = f->pc;
	int ln = (int)line, k = -1;
	for (int i = 0; i < F_COUNT; i++)
		if (strcmp(key, fm_names[i]) == 0)
			k = i;
	bool date = k == F_ASSIGNED || k == F_DUE;
	if (k >= 0 && f->line[k]) {
		problem(pc, ln, "'%s' is given twice; keep one.", key);
		str_wipe_free(val);
		return 0;
	}
	if (k >= 0)
		f->line[k] = line; /* given, if wrongly: not "missing" as well */
	if (k < 0)
		problem(pc, ln, "unknown key '%.*s'; a pack's front matter has title, from, assigned, "
		                "due, note, content-note, label and key.", (int)utf8_cut(key, 40), key);
	else if (!*val)
		problem(pc, ln, "%s is empty.", key);
	else if (date && !date_shape(val))
		problem(pc, ln, "%s must be a date written YYYY-MM-DD, such as 2026-11-20.", key);
	else if (date && !frontmatter_date(val))
		problem(pc, ln, "%s: %s is not a day on the calendar; check the month and the day.",
		        key, val);
	else if (strlen(val) > HOMEWORK_FIELD_MAX)
		problem(pc, ln, "%s is longer than %d bytes; shorten it.", key, HOMEWORK_FIELD_MAX);
	else {
		*fm_slot(pc->h, k) = val;
		return 0;
	}
	str_wipe_free(val);
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
bool homework_is_list(const char *id)
{
	return strcmp(id, "support-map") == 0 || strcmp(id, "affirmations") == 0;
}

/* A guided exercise or one with its own screen: its title. */
static int find_exercise(const char *id, char **title)
{
	if (homework_is_list(id))
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

/* The one table of exercises with a screen of their own; every other
 * exercise a pack may name is a file in content/exercises. */
static const struct {
	const char *id, *title;
} builtins[] = {
	{"paced-breathing", "Paced breathing"},
};

const char *homework_builtin_exercise(const char *id)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(id, builtins[i].id) == 0)
			return builtins[i].title;
	return NULL;
}

struct each {
	hw_exercise_fn fn;
	void *arg;
};

static int each_file(size_t folder, const char *path, const struct page_meta *m, void *arg)
{
	(void)folder;
	(void)path;
	struct each *x = arg;
	char *title = NULL;
	/* find_exercise is the parser's own test, so the list and the
	 * check cannot disagree. */
	int r = find_exercise(m->id, &title);
	if (r == 1 && !homework_builtin_exercise(m->id))
		r = x->fn(m->id, title, x->arg);
	else if (r == 1)
		r = 0;
	free(title);
	return r;
}

int homework_exercises_each(hw_exercise_fn fn, void *arg)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		int r = fn(builtins[i].id, builtins[i].title, arg);
		if (r)
			return r;
	}
	static const char *const folders[] = {"exercises/"};
	struct each x = {fn, arg};
	return page_each(folders, 1, each_file, &x);
}

/* ---- the items ---- */

enum {
	K_KIND, K_PAGE, K_EXERCISE, K_TIMES, K_LOW, K_HIGH, K_CNOTE,
	K_RESPONSES, K_SCORE, K_REVERSE, K_BANDS, K_SAFETY, K_COUNT
};
static const char *const item_keys[K_COUNT] = {
	"kind", "page", "exercise", "times", "low", "high", "content-note",
	"responses", "score", "reverse", "bands", "safety",
};
/* Which kind each key belongs to (-1: any). */
static const int key_kind[K_COUNT] = {
	-1, HW_READ, HW_EXERCISE, HW_EXERCISE, HW_SCALE, HW_SCALE, -1,
	HW_MEASURE, HW_MEASURE, HW_MEASURE, HW_MEASURE, HW_MEASURE,
};

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

static int item_key(struct pctx *pc, struct item_keys *k, const char *line, size_t n, int ln,
                    struct error *e)
{
	const char *colon = memchr(line, ':', n);
	if (!colon)
		return problem(pc, ln, "expected 'key: value' right under the heading (a blank line "
		                       "comes before the item's text).");
	size_t klen = (size_t)(colon - line);
	while (klen && (line[klen - 1] == ' ' || line[klen - 1] == '\t'))
		klen--;
	int which = -1;
	for (int i = 0; i < K_COUNT; i++)
		if (klen == strlen(item_keys[i]) && memcmp(line, item_keys[i], klen) == 0)
			which = i;
	if (which < 0)
		return problem(pc, ln, "unknown key '%.*s' in an item; the keys are kind, page, "
		                       "exercise, times, low, high, content-note, and for a measure "
		                       "responses, score, reverse, bands and safety.",
		               (int)(klen > 40 ? utf8_cut(line, 40) : klen), line);
	if (k->line[which])
		return problem(pc, ln, "'%s' is given twice in this item; keep one.",
		               item_keys[which]);
	char *val = content_dup_trimmed(colon + 1, line + n);
	if (!val)
		return oom(e);
	k->line[which] = ln;
	if (!*val) {
		free(val);
		return problem(pc, ln, "%s is empty.", item_keys[which]);
	}
	if (strlen(val) > HOMEWORK_FIELD_MAX) {
		str_wipe_free(val);
		return problem(pc, ln, "%s is longer than %d bytes; shorten it.", item_keys[which],
		               HOMEWORK_FIELD_MAX);
	}
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

/* Moves a key's value into the item. */
static void take(struct item_keys *k, int key, char **slot)
{
	if (!k->val[key])
		return;
	str_wipe_free(*slot);
	*slot = k->val[key];
	k->val[key] = NULL;
}

/* The line number of p in the file. */
static int line_of(const struct pctx *pc, const char *p)
{
	int ln = 1;
	for (const char *q = pc->base; q < p; q++)
		ln += *q == '\n';
	return ln;
}

/* "3, 5": question numbers into flags; 0 or a problem kept. */
static void question_list(struct pctx *pc, const struct item_keys *k, int key, size_t nq,
                          bool *flags)
{
	const char *p = k->val[key];
	if (!p)
		return;
	for (;;) {
		while (*p == ' ')
			p++;
		int v = 0, digits = 0;
		while (*p >= '0' && *p <= '9' && digits < 4) {
			v = v * 10 + (*p++ - '0');
			digits++;
		}
		while (*p == ' ')
			p++;
		if (!digits || v < 1 || (size_t)v > nq || (*p && *p != ',')) {
			problem(pc, k->line[key], "%s: takes question numbers from 1 to %zu, with commas "
			                          "between, such as '%s: 2, 4'.", item_keys[key], nq,
			        item_keys[key]);
			return;
		}
		flags[v - 1] = true;
		if (!*p++)
			return;
	}
}

/* "0-4 low | 5-9 some": bands, each "FROM-TO label". */
static int band_list(struct pctx *pc, const struct item_keys *k, struct hw_measure *m,
                     struct error *e)
{
	const char *p = k->val[K_BANDS];
	while (p && *p) {
		const char *bar = strchr(p, '|');
		const char *end = bar ? bar : p + strlen(p);
		char *one = content_dup_trimmed(p, end);
		if (!one)
			return oom(e);
		char *after = NULL;
		double lo = strtod(one, &after), hi = 0;
		bool ok = after != one && *after == '-';
		if (ok) {
			char *from = after + 1;
			hi = strtod(from, &after);
			ok = after != from && *after == ' ' && hi >= lo;
		}
		while (ok && *after == ' ')
			after++;
		ok = ok && *after;
		if (!ok || m->nbands == HOMEWORK_MAX_BANDS) {
			str_wipe_free(one);
			return problem(pc, k->line[K_BANDS], "bands: each band is 'FROM-TO label', such as "
			                                     "'0-4 low', with '|' between them (at most "
			                                     "%d).", HOMEWORK_MAX_BANDS);
		}
		struct hw_band *b = &m->bands[m->nbands];
		if (!(b->label = strdup(after))) {
			str_wipe_free(one);
			return oom(e);
		}
		b->lo = lo;
		b->hi = hi;
		m->nbands++;
		str_wipe_free(one);
		p = bar ? bar + 1 : end;
	}
	return 0;
}

/* A measure: responses, score and the optional keys, and the questions,
 * a numbered list ("1. ...") after any words of introduction. The item's
 * text keeps the introduction only. */
static int finish_measure(struct pctx *pc, struct item_keys *k, struct hw_item *it,
                          struct error *e)
{
	struct hw_measure *m = &it->m;
	if (!k->line[K_RESPONSES])
		problem(pc, it->line, "a measure needs 'responses:', the answers to choose from "
		                      "with '|' between them, such as 'responses: never | "
		                      "sometimes | often'.");
	for (const char *p = k->val[K_RESPONSES]; p && *p;) {
		const char *bar = strchr(p, '|');
		const char *end = bar ? bar : p + strlen(p);
		if (m->nresponses == HOMEWORK_MAX_RESPONSES) {
			problem(pc, k->line[K_RESPONSES], "responses: at most %d answers to choose from.",
			        HOMEWORK_MAX_RESPONSES);
			break;
		}
		char *r = content_dup_trimmed(p, end);
		if (!r)
			return oom(e);
		m->responses[m->nresponses++] = r;
		if (!*r) {
			problem(pc, k->line[K_RESPONSES], "responses: one of them is empty; put words "
			                                  "between each '|'.");
			break;
		}
		p = bar ? bar + 1 : end;
	}
	if (k->val[K_RESPONSES] && m->nresponses < 2)
		problem(pc, k->line[K_RESPONSES], "responses: give at least two answers to choose "
		                                  "from, with '|' between them.");
	if (k->val[K_SCORE]) {
		if (strcmp(k->val[K_SCORE], "mean") == 0)
			m->mean = true;
		else if (strcmp(k->val[K_SCORE], "sum") != 0)
			problem(pc, k->line[K_SCORE], "score: is sum or mean.");
	}
	/* The questions: the text's numbered lines. */
	const char *t = it->text, *first = NULL;
	const char *from = pc->cur_text;
	while (from < pc->cur_end &&
	       (*from == ' ' || *from == '\t' || *from == '\r' || *from == '\n'))
		from++; /* where the trimmed text starts */
	int tline = line_of(pc, from);
	for (int ln = tline; *t; ln++) {
		const char *nl = strchr(t, '\n');
		size_t n = nl ? (size_t)(nl - t) : strlen(t);
		size_t d = 0;
		while (d < n && d < 3 && t[d] >= '0' && t[d] <= '9')
			d++;
		bool numbered = d && d + 1 < n && t[d] == '.' && t[d + 1] == ' ';
		bool blank = strspn(t, " \t\r") >= n;
		if (numbered) {
			if (!first)
				first = t;
			int v = atoi(t);
			if ((size_t)v != m->nquestions + 1) {
				problem(pc, ln, "questions are numbered 1, 2, 3... in order; this one should "
				                "be %zu.", m->nquestions + 1);
			} else if (m->nquestions == HOMEWORK_MAX_QUESTIONS) {
				problem(pc, ln, "a measure holds at most %d questions.",
				        HOMEWORK_MAX_QUESTIONS);
				break;
			} else {
				char *q = content_dup_trimmed(t + d + 2, t + n);
				if (!q)
					return oom(e);
				m->questions[m->nquestions++] = q;
			}
		} else if (first && !blank) {
			problem(pc, ln, "after the first question, every line is a numbered question "
			                "('%zu. ...').", m->nquestions + 1);
		}
		t += n + (nl != NULL);
	}
	if (!m->nquestions) {
		problem(pc, it->line, "a measure needs its questions under it as a numbered list "
		                      "('1. ...'), after a blank line.");
		return 0;
	}
	char *intro = content_dup_trimmed(it->text, first);
	if (!intro)
		return oom(e);
	str_wipe_free(it->text);
	it->text = intro;
	question_list(pc, k, K_REVERSE, m->nquestions, m->reversed);
	question_list(pc, k, K_SAFETY, m->nquestions, m->safety);
	return band_list(pc, k, m, e);
}

/* Checks the item's keys against its kind and fills it; takes the text
 * between gstart and gend as its Markdown. Every problem is kept. */
static int finish_item(struct pctx *pc, struct item_keys *k, const char *gstart,
                       const char *gend, struct error *e)
{
	struct homework *h = pc->h;
	struct hw_item *it = &h->items[h->nitems - 1];
	int rc = 0;
	pc->cur_text = gstart;
	pc->cur_end = gend;
	if (!(it->text = content_dup_trimmed(gstart, gend)) || !(it->low = content_dup("", 0)) ||
	    !(it->high = content_dup("", 0))) {
		rc = oom(e);
		goto out;
	}
	it->times = 1;
	take(k, K_CNOTE, &it->content_note);
	if (!k->line[K_KIND]) {
		if (!k->val[K_KIND]) /* an empty kind: was named already */
			problem(pc, it->line, "the item '%s' has no kind; put 'kind: read' (or "
			                      "exercise, prompt, scale, answer, measure) right under its "
			                      "heading.",
			        it->heading);
		goto out;
	}
	if (!k->val[K_KIND])
		goto out; /* named already */
	int kind = -1;
	for (int i = 0; i < HW_KINDS; i++)
		if (strcmp(k->val[K_KIND], kind_names[i]) == 0)
			kind = i;
	if (kind < 0) {
		problem(pc, k->line[K_KIND], "kind '%s' is not one tend knows; use read, exercise, "
		                             "prompt, scale, answer or measure.", k->val[K_KIND]);
		goto out;
	}
	it->kind = (enum hw_kind)kind;
	for (int i = 1; i < K_COUNT; i++)
		if (k->line[i] && key_kind[i] >= 0 && key_kind[i] != kind)
			problem(pc, k->line[i], "%s: belongs to %s items, and this one is kind: %s.",
			        item_keys[i], kind_names[key_kind[i]], kind_names[kind]);
	switch (it->kind) {
	case HW_READ: {
		if (!k->line[K_PAGE]) {
			problem(pc, it->line, "a read item needs 'page:' with a Learn page or path "
			                      "module id ('tend help topics' lists them).");
			break;
		}
		if (!k->val[K_PAGE])
			break;
		int r = find_page(k->val[K_PAGE], &it->target, &it->target_title);
		if (r < 0) {
			rc = oom(e);
			break;
		}
		if (r == 0) {
			if (pc->flags & HW_CHECK_REFS)
				problem(pc, k->line[K_PAGE], "page '%s' is not a Learn page or path module "
				                             "in this tend ('tend help topics' lists them).",
				        k->val[K_PAGE]);
			take(k, K_PAGE, &it->target);
		}
		break;
	}
	case HW_EXERCISE: {
		if (!k->line[K_EXERCISE]) {
			problem(pc, it->line, "an exercise item needs 'exercise:' with an exercise id "
			                      "('tend help topics' lists them).");
			break;
		}
		if (k->val[K_TIMES] && (it->times = parse_times(k->val[K_TIMES])) < 0) {
			it->times = 1;
			problem(pc, k->line[K_TIMES], "times must be a whole number from 1 to %d.",
			        HOMEWORK_MAX_TIMES);
		}
		if (!k->val[K_EXERCISE])
			break;
		take(k, K_EXERCISE, &it->target);
		int r = find_exercise(it->target, &it->target_title);
		if (r < 0)
			rc = oom(e);
		else if (r == 0 && (pc->flags & HW_CHECK_REFS) && homework_is_list(it->target))
			problem(pc, k->line[K_EXERCISE], "%s is a list the person keeps, not an "
			                                 "exercise to repeat; a read item or an answer "
			                                 "item fits it better.", it->target);
		else if (r == 0 && (pc->flags & HW_CHECK_REFS))
			problem(pc, k->line[K_EXERCISE], "exercise '%s' is not one this tend has ('tend "
			                                 "help topics' lists every one a pack may name).",
			        it->target);
		break;
	}
	case HW_PROMPT:
		if (!*it->text)
			problem(pc, it->line, "a prompt item needs the prompt written under it, after a "
			                      "blank line.");
		break;
	case HW_SCALE:
		take(k, K_LOW, &it->low);
		take(k, K_HIGH, &it->high);
		break;
	case HW_MEASURE:
		rc = finish_measure(pc, k, it, e);
		break;
	default:
		break;
	}
out:
	keys_clear(k);
	return rc;
}

/* Every line is UTF-8 without NUL bytes, so what is shown is what was
 * written. */
static void check_text(struct pctx *pc, const char *text, size_t len)
{
	int ln = 1;
	for (size_t pos = 0; pos < len; ln++) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (memchr(text + pos, '\0', end - pos))
			problem(pc, ln, "the file holds a NUL byte; a pack is a plain text file.");
		else if (!utf8_valid(text + pos, end - pos))
			problem(pc, ln, "this line is not valid UTF-8; save the file as UTF-8.");
		pos = end + 1;
	}
}

/* The line a message "line N: ..." names (0 when none). */
static int msg_line(const char *msg)
{
	int ln = 0;
	return sscanf(msg, "line %d:", &ln) == 1 ? ln : 0;
}

static int parse(struct pctx *pc, const char *text, size_t len, struct error *e)
{
	struct homework *h = pc->h;
	if (len > HOMEWORK_MAX_BYTES) {
		char msg[160];
		snprintf(msg, sizeof(msg), "The pack is %zu bytes; a pack may be at most %d bytes "
		                           "(64 KiB).", len, HOMEWORK_MAX_BYTES);
		add_problem(pc, 0, msg);
		return 0;
	}
	check_text(pc, text, len);
	if (pc->n)
		return 0; /* lines that are not text: the rest would only echo them */
	struct fm f = {.pc = pc};
	size_t off = 0, close = 0;
	struct error fe = {0};
	if (frontmatter_each(text, len, fm_key, &f, &off, &close, &fe)) {
		if (fe.code == E_FAIL && !pc->n)
			return error_set(e, E_FAIL, "%s", fe.msg);
		add_problem(pc, msg_line(fe.msg), fe.msg);
		return 0; /* no header to stand on */
	}
	for (int i = 0; i < 3; i++)
		if (!f.line[i])
			problem(pc, (int)close, "the front matter has no %s; add '%s: ...'.", fm_names[i],
			        fm_names[i]);
	if (h->due && h->assigned && strcmp(h->due, h->assigned) < 0)
		problem(pc, (int)f.line[F_DUE], "due (%s) is before assigned (%s).", h->due,
		        h->assigned);
	int ln = (int)close + 1;
	const char *p = text + off, *end = text + len;
	const char *gstart = p;
	/* in_keys: right under a heading, where its keys go; blank lines
	 * between the heading and the first key are fine. */
	bool in_keys = false, any_key = false;
	struct item_keys k = {0};
	int rc = 0;
	for (; p < end && rc == 0; ln++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - p);
		while (n && p[n - 1] == '\r')
			n--;
		bool blank = true;
		for (size_t i = 0; i < n && blank; i++)
			blank = p[i] == ' ' || p[i] == '\t';
		if (n >= 3 && memcmp(p, "## ", 3) == 0) {
			if (h->nitems == 0) {
				if (!(h->intro = content_dup_trimmed(gstart, p)))
					rc = oom(e);
			} else {
				rc = finish_item(pc, &k, gstart, p, e);
			}
			if (rc)
				break;
			if (h->nitems == HOMEWORK_MAX_ITEMS) {
				problem(pc, ln, "more than %d items; a pack holds at most %d, so split it in "
				                "two.", HOMEWORK_MAX_ITEMS, HOMEWORK_MAX_ITEMS);
				keys_clear(&k);
				return 0;
			}
			struct hw_item *it = &h->items[h->nitems++];
			it->line = ln;
			if (!(it->heading = content_dup_trimmed(p + 3, p + n))) {
				rc = oom(e);
				break;
			}
			if (!*it->heading)
				problem(pc, ln, "an item needs a heading after '## '.");
			else if (strlen(it->heading) > HOMEWORK_FIELD_MAX)
				problem(pc, ln, "the heading is longer than %d bytes; shorten it.",
				        HOMEWORK_FIELD_MAX);
			for (size_t i = 0; *it->heading && i + 1 < h->nitems; i++)
				if (strcmp(h->items[i].heading, it->heading) == 0) {
					problem(pc, ln, "the heading '%s' is used twice (first on line %d); "
					                "give each item its own.", it->heading,
					        h->items[i].line);
					break;
				}
			in_keys = true;
			any_key = false;
			gstart = nl ? nl + 1 : end;
		} else if (n >= 1 && p[0] == '#' && (n == 1 || p[1] == ' ' || p[1] == '#')) {
			if (h->nitems)
				problem(pc, ln, "only '## ' starts an item, and an item's text has no "
				                "headings of its own.");
			in_keys = false; /* the intro may have its own "# Title" */
		} else if (in_keys && !blank) {
			rc = item_key(pc, &k, p, n, ln, e);
			any_key = true;
			gstart = nl ? nl + 1 : end;
		} else if (in_keys && blank && !any_key) {
			gstart = nl ? nl + 1 : end; /* a blank line before the keys */
		} else {
			in_keys = false;
		}
		p = nl ? nl + 1 : end;
	}
	if (rc == 0 && h->nitems == 0)
		problem(pc, ln - 1, "a pack needs at least one item, a '## ' heading with a kind "
		                    "under it.");
	else if (rc == 0)
		rc = finish_item(pc, &k, gstart, end, e);
	keys_clear(&k);
	return rc;
}

static int by_line(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq; /* found first, told first */
}

int homework_check(const char *text, size_t len, unsigned flags, struct homework *h,
                   hw_problem_fn fn, void *arg, struct error *e)
{
	memset(h, 0, sizeof(*h));
	if (!text)
		return error_set(e, E_FAIL, "No pack text.");
	struct pctx pc = {.h = h, .flags = flags, .base = text};
	if (!(pc.p = malloc(MAX_PROBLEMS * sizeof(*pc.p))))
		return oom(e);
	int rc = parse(&pc, text, len, e);
	if (rc == 0 && !h->intro && !(h->intro = content_dup("", 0)))
		rc = oom(e);
	if (rc == 0 && pc.n) {
		qsort(pc.p, pc.n, sizeof(*pc.p), by_line);
		for (size_t i = 0; fn && i < pc.n; i++)
			fn(pc.p[i].msg, arg);
		if (fn && pc.more)
			fn("There are more problems after these; fix these first.", arg);
		rc = error_set(e, E_CORRUPT, "%s", pc.p[0].msg);
	}
	free(pc.p);
	if (rc)
		homework_free(h);
	return rc;
}

int homework_parse(const char *text, size_t len, unsigned flags, struct homework *h,
                   struct error *e)
{
	return homework_check(text, len, flags, h, NULL, NULL, e);
}
