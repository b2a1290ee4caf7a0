/* foreign.c: journals from other apps (jrnl, tui-journal, Daylio), read
 * into merge records and added with exact duplicates skipped. Every copy
 * of the person's words is made in one arena, wiped when the import ends. */
#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "io/import.h"
#include "io_int.h"
#include "store/dump.h"
#include "store/merge.h"
#include "util/buf.h"
#include "util/timefmt.h"
#include "util/utf8.h"

/* ---- an arena for the records' strings ---------------------------------- */

struct chunk {
	struct chunk *next;
	size_t size, used;
	char data[];
};

struct import_reader {
	struct merge_record *recs;
	size_t n, cap;
	size_t *lines;          /* where each record began (CSV), or its index + 1 */
	struct chunk *chunks;
	int *umood;             /* each record's unknown mood (plan->unknown), or -1 */
	const struct import_opts *opts;
	struct import_plan *plan; /* the counts, warnings and unknown moods */
	size_t cap_unknown;
	size_t cur;             /* the line or entry being read, for warnings */
	struct buf conv;        /* the text converted from o->encoding */
};

static void *arena_alloc(struct import_reader *f, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	struct chunk *c = f->chunks;
	if (!c || c->size - c->used < n) {
		size_t size = n > 65536 ? n : 65536;
		c = malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		*c = (struct chunk){.next = f->chunks, .size = size};
		f->chunks = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	return p;
}

static char *arena_strndup(struct import_reader *f, const char *s, size_t len)
{
	char *p = arena_alloc(f, len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

static void foreign_free(struct import_reader *f)
{
	for (struct chunk *c = f->chunks, *next; c; c = next) {
		next = c->next;
		mem_wipe(c->data, c->used);
		free(c);
	}
	free(f->recs);
	free(f->lines);
	free(f->umood);
	buf_free(&f->conv);
}

/* A change to the text or a time at the place being read, noted once a
 * place and kind, the first IMPORT_MAX_WARNINGS of them. */
static void warn(struct import_reader *f, enum import_warning_kind kind)
{
	struct import_plan *p = f->plan;
	for (size_t i = p->nwarnings; i-- > 0 && p->warnings[i].where == f->cur;)
		if (p->warnings[i].kind == kind)
			return;
	if (p->nwarnings < IMPORT_MAX_WARNINGS)
		p->warnings[p->nwarnings++] = (struct import_warning){kind, f->cur};
}

static struct merge_record *new_record(struct import_reader *f, size_t line, struct error *e)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct merge_record *r = realloc(f->recs, cap * sizeof(*r));
		if (r)
			f->recs = r;
		size_t *l = r ? realloc(f->lines, cap * sizeof(*l)) : NULL;
		if (l)
			f->lines = l;
		int *u = l ? realloc(f->umood, cap * sizeof(*u)) : NULL;
		if (!u) {
			error_set(e, E_FAIL, "Out of memory reading the import.");
			return NULL;
		}
		f->umood = u;
		f->cap = cap;
	}
	f->lines[f->n] = line;
	f->umood[f->n] = -1;
	f->cur = line;
	struct merge_record *r = &f->recs[f->n++];
	*r = (struct merge_record){.mood = -1};
	return r;
}

enum tidy_mode { T_BODY, T_LINE };

/* Text from another app made fit for the vault, in place: control
 * characters (C0 but tab and newline, DEL, C1) are removed and counted; a
 * CR ends a line (CR LF is one end). In T_LINE text (titles, tags) line
 * ends and tabs become spaces. The text is valid UTF-8 already. */
static char *tidy(struct import_reader *f, char *s, enum tidy_mode m)
{
	if (!s)
		return NULL;
	char *out = s;
	bool broke = false;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\r') {
			if (p[1] != '\n')
				c = '\n';
			else
				continue;
		}
		if (c == 0xC2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9F) {
			f->plan->controls++; /* U+0080..U+009F */
			warn(f, IMPORT_W_CONTROL);
			p++;
			continue;
		}
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
			f->plan->controls++;
			warn(f, IMPORT_W_CONTROL);
			continue;
		}
		if (m == T_LINE && (c == '\n' || c == '\t')) {
			broke |= c == '\n';
			c = ' ';
		}
		*out++ = (char)c;
	}
	*out = '\0';
	if (m == T_LINE)
		while (out > s && out[-1] == ' ')
			*--out = '\0';
	f->plan->breaks += broke;
	if (broke)
		warn(f, IMPORT_W_BREAK);
	return s;
}

/* A tag from another app: trimmed, commas (tend's separator) made spaces,
 * leading tag marks (jrnl's @) dropped. NULL for an empty one. */
static const char *clean_tag(struct import_reader *f, const char *s, size_t len, const char *marks)
{
	while (len && (isspace((unsigned char)*s) || (marks && strchr(marks, *s)))) {
		s++;
		len--;
	}
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len)
		return NULL;
	char *t = tidy(f, arena_strndup(f, s, len), T_LINE);
	for (char *p = t; p && *p; p++)
		if (*p == ',')
			*p = ' ';
	return t && *t ? t : NULL;
}

/* ---- times -------------------------------------------------------------- */

static long offset_at(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	return localtime_r(&tt, &tm) ? tm.tm_gmtoff : 0;
}

/* A local date and time into a stamp; false when there is no such day
 * (31 February). The time is kept as the clock showed it: one that a
 * daylight-saving change skipped (02:30 when clocks went from 02:00 to
 * 03:00) takes the offset from before the change, and one it showed twice
 * the first of the two; either is counted in f->dst. */
static bool local_time(struct import_reader *f, int y, int mo, int d, int h, int mi, int s, int64_t *at,
                       int *off)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                .tm_hour = h, .tm_min = mi, .tm_sec = s};
	int64_t wall = (int64_t)timegm(&tm); /* the clock's reading, as if in UTC */
	if (tm.tm_year != y - 1900 || tm.tm_mon != mo - 1 || tm.tm_mday != d)
		return false;
	/* Changes are months apart: the offsets two days either side are the
	 * only ones this time can have. */
	long before = offset_at(wall - 2 * 86400), after = offset_at(wall + 2 * 86400);
	bool b_ok = offset_at(wall - before) == before, a_ok = offset_at(wall - after) == after;
	long o = b_ok && a_ok ? (before > after ? before : after) : a_ok ? after : before;
	if ((b_ok && a_ok && before != after) || (!b_ok && !a_ok)) {
		f->plan->dst++;
		warn(f, IMPORT_W_DST);
	}
	*at = wall - o;
	*off = (int)(o / 60);
	return true;
}

/* Only the shape: whether the day is real is local_time's question, so a
 * file's 30 February is named as a date and time that is not real. */
static bool parse_date(const char *s, int *y, int *mo, int *d)
{
	return day_parse(s, y, mo, d) != DAY_SHAPE;
}

/* "23:54", "9:05", "11:54 pm", "11:54 PM" */
static bool parse_clock(const char *s, int *h, int *mi)
{
	int n = 0;
	if (sscanf(s, "%2d:%2d%n", h, mi, &n) != 2 || *mi > 59 || *h > 23 || *h < 0 || *mi < 0)
		return false;
	const char *rest = s + n;
	while (*rest == ' ')
		rest++;
	if (!*rest)
		return true;
	bool pm = strcasecmp(rest, "pm") == 0 || strcasecmp(rest, "p.m.") == 0;
	bool am = strcasecmp(rest, "am") == 0 || strcasecmp(rest, "a.m.") == 0;
	if ((!am && !pm) || *h < 1 || *h > 12)
		return false;
	*h = *h % 12 + (pm ? 12 : 0);
	return true;
}

/* RFC 3339 as chrono writes it: 2024-01-04T16:07:40.123456Z or +02:00. */
static bool parse_rfc3339(const char *s, int64_t *at, int *off)
{
	int y, mo, d, h, mi, sec, n = 0;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6 || n != 19)
		return false;
	const char *p = s + n;
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++)
			;
	int zone = 0;
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int zh, zm, k = 0;
		if (sscanf(p + 1, "%2d:%2d%n", &zh, &zm, &k) != 2 || k != 5 || zh > 23 || zm > 59)
			return false;
		zone = (zh * 60 + zm) * (*p == '-' ? -1 : 1);
		p += 6;
	} else {
		return false;
	}
	if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return false;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                .tm_hour = h, .tm_min = mi, .tm_sec = sec};
	time_t t = timegm(&tm);
	if (t == (time_t)-1 || tm.tm_mday != d)
		return false;
	*at = (int64_t)t - zone * 60;
	/* Shown in the local time of this machine at that moment. */
	time_t tt = (time_t)*at;
	struct tm loc;
	*off = localtime_r(&tt, &loc) ? (int)(loc.tm_gmtoff / 60) : 0;
	return true;
}

/* ---- jrnl and tui-journal (JSON) ---------------------------------------- */

static char *json_text(struct import_reader *f, json_t *obj, const char *key, bool *bad)
{
	static char empty[1];
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return empty;
	if (!json_is_string(v) || memchr(json_string_value(v), '\0', json_string_length(v))) {
		*bad = true;
		return NULL;
	}
	char *s = arena_strndup(f, json_string_value(v), json_string_length(v));
	if (!s)
		*bad = true;
	return s;
}

static int json_tags(struct import_reader *f, json_t *obj, struct merge_record *r, const char *marks,
                     size_t i, struct error *e)
{
	json_t *tags = json_object_get(obj, "tags");
	if (tags && !json_is_null(tags) && !json_is_array(tags))
		return error_set(e, E_CORRUPT, "entry %zu: \"tags\" is not a list.", i + 1);
	/* room for every tag, and jrnl's star */
	const char **out = arena_alloc(f, sizeof(*out) * (json_array_size(tags) + 1));
	if (!out)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	r->tags = out;
	size_t k;
	json_t *t;
	json_array_foreach(tags, k, t)
	{
		if (!json_is_string(t))
			return error_set(e, E_CORRUPT, "entry %zu: tag %zu is not text.", i + 1, k + 1);
		const char *tag = clean_tag(f, json_string_value(t), json_string_length(t), marks);
		if (tag)
			out[r->ntags++] = tag;
	}
	return 0;
}

static bool tag_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c >= 0x80 || (c && strchr("-+*#/", c));
}

/* jrnl's tags from an entry's words, as jrnl finds them: @ or # at the
 * start of a word, then letters, digits and -+*#/ ("@tagone", "#c++"),
 * each once. Room is left for the star. */
static int text_tags(struct import_reader *f, struct merge_record *r, struct error *e)
{
	size_t max = 1;
	const char *texts[] = {r->title, r->body};
	for (int t = 0; t < 2; t++)
		for (const char *p = texts[t]; p && *p; p++)
			max += *p == '@' || *p == '#';
	const char **out = arena_alloc(f, sizeof(*out) * max);
	if (!out)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	r->tags = out;
	for (int t = 0; t < 2; t++)
		for (const char *s = texts[t], *p = s; p && *p; p++) {
			if ((*p != '@' && *p != '#') || (p > s && !isspace((unsigned char)p[-1])) ||
			    !tag_char((unsigned char)p[1]))
				continue;
			size_t len = 1;
			while (tag_char((unsigned char)p[len]))
				len++;
			const char *tag = clean_tag(f, p, len, "@#");
			bool seen = false;
			for (size_t k = 0; tag && k < r->ntags && !seen; k++)
				seen = strcasecmp(out[k], tag) == 0;
			if (tag && !seen)
				out[r->ntags++] = tag;
			p += len - 1;
		}
	return 0;
}

/* A new record for entry i of a JSON export; NULL with e filled when the
 * entry is not an object. */
static struct merge_record *json_record(struct import_reader *f, json_t *en, size_t i, struct error *e)
{
	if (!json_is_object(en)) {
		error_set(e, E_CORRUPT, "entry %zu is not an object.", i + 1);
		return NULL;
	}
	return new_record(f, i + 1, e);
}

/* jrnl --format json: {"tags": {...}, "entries": [{"date": "2024-03-02",
 * "time": "21:15", "title", "body", "tags": ["@work"], "starred"}]} */
static int read_jrnl_entry(struct import_reader *f, json_t *en, size_t i, struct error *e)
{
	struct merge_record *r = json_record(f, en, i, e);
	if (!r)
		return -1;
	bool bad = false;
	const char *date = json_text(f, en, "date", &bad);
	const char *clock = json_text(f, en, "time", &bad);
	r->title = tidy(f, json_text(f, en, "title", &bad), T_LINE);
	r->body = tidy(f, json_text(f, en, "body", &bad), T_BODY);
	if (bad)
		return error_set(e, E_CORRUPT, "entry %zu: date, time, title and body are text.", i + 1);
	int y, mo, d, h = 0, mi = 0;
	if (!parse_date(date, &y, &mo, &d))
		return error_set(e, E_CORRUPT, "entry %zu: \"date\" is \"%s\", not YYYY-MM-DD.", i + 1,
		                 date);
	if (*clock && !parse_clock(clock, &h, &mi))
		return error_set(e, E_CORRUPT, "entry %zu: \"time\" is \"%s\", not HH:MM.", i + 1, clock);
	if (!local_time(f, y, mo, d, h, mi, 0, &r->at, &r->off_min))
		return error_set(e, E_CORRUPT, "entry %zu: %s %s is not a real date and time.", i + 1,
		                 date, clock);
	/* jrnl before 2.4.4 wrote no tags for an entry: they are in its words */
	if (json_object_get(en, "tags") ? json_tags(f, en, r, "@#", i, e) : text_tags(f, r, e))
		return -1;
	json_t *star = json_object_get(en, "starred");
	if (json_is_true(star))
		((const char **)r->tags)[r->ntags++] = "starred";
	r->has_entry = true;
	return 0;
}

/* tui-journal's export: {"version": 100, "entries": [{"date": RFC 3339
 * UTC, "title", "content", "tags": [...], "priority": null or a number}]} */
static int read_tui_entry(struct import_reader *f, json_t *en, size_t i, struct error *e)
{
	struct merge_record *r = json_record(f, en, i, e);
	if (!r)
		return -1;
	bool bad = false;
	const char *date = json_text(f, en, "date", &bad);
	r->title = tidy(f, json_text(f, en, "title", &bad), T_LINE);
	r->body = tidy(f, json_text(f, en, "content", &bad), T_BODY);
	if (bad)
		return error_set(e, E_CORRUPT, "entry %zu: date, title and content are text.", i + 1);
	if (!parse_rfc3339(date, &r->at, &r->off_min))
		return error_set(e, E_CORRUPT, "entry %zu: \"date\" is \"%s\", not a date and time "
		                               "like 2024-01-04T16:07:40Z.", i + 1, date);
	r->has_entry = true;
	return json_tags(f, en, r, NULL, i, e);
}

/* "2024-03-02 21:15", with seconds and AM or PM as jrnl's timeformat may
 * write them; how many bytes it took, or 0. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* (Read by hand: sscanf would measure the whole rest of the file first.) */
static size_t jrnl_stamp(const char *s, int *y, int *mo, int *d, int *h, int *mi, int *sec)
{
	static const char shape[] = "dddd-dd-dd dd:dd";
	for (size_t k = 0; k + 1 < sizeof(shape); k++)
		if (shape[k] == 'd' ? s[k] < '0' || s[k] > '9' : s[k] != shape[k])
			return 0;
	*y = digits(s, 4), *mo = digits(s + 5, 2), *d = digits(s + 8, 2);
	*h = digits(s + 11, 2), *mi = digits(s + 14, 2);
	size_t n = 16;
	*sec = 0;
	if (s[n] == ':' && digits(s + n + 1, 2) >= 0) {
		*sec = digits(s + n + 1, 2);
		n += 3;
	}
	if (s[n] == ' ' && (s[n + 1] == 'A' || s[n + 1] == 'P' || s[n + 1] == 'a' ||
	                    s[n + 1] == 'p') && (s[n + 2] == 'M' || s[n + 2] == 'm')) {
		if (*h < 1 || *h > 12)
			return 0;
		*h = *h % 12 + (s[n + 1] == 'P' || s[n + 1] == 'p' ? 12 : 0);
		n += 3;
	}
	return *h <= 23 && *mi <= 59 && *sec <= 59 ? n : 0;
}

/* Where an entry's first line begins, and what follows its date: a line
 * "[2024-03-02 21:15] Title" (jrnl 2 and later) anywhere, or
 * "2024-03-02 21:15 Title" (jrnl 1) at the start or after a blank line. */
static const char *jrnl_head(const char *line, bool after_blank, int t[6])
{
	bool br = *line == '[';
	if (!br && !after_blank)
		return NULL;
	size_t n = jrnl_stamp(line + br, &t[0], &t[1], &t[2], &t[3], &t[4], &t[5]);
	if (!n || (br && line[1 + n] != ']'))
		return NULL;
	const char *rest = line + br + n + br;
	if (*rest != ' ' && *rest != '\n' && *rest)
		return NULL;
	return *rest == ' ' ? rest + 1 : rest;
}

/* One entry of jrnl's journal file: text runs from after the date to the
 * next entry. A star at the end of the first line marks it starred; the
 * first line is the title and the rest the body, or, for an entry of one
 * line, its first sentence is the title. */
static int jrnl_text_entry(struct import_reader *f, const int t[6], const char *s, size_t len,
                           size_t line, struct error *e)
{
	struct merge_record *r = new_record(f, line, e);
	if (!r)
		return -1;
	if (!local_time(f, t[0], t[1], t[2], t[3], t[4], t[5], &r->at, &r->off_min))
		return error_set(e, E_CORRUPT, "line %zu: %04d-%02d-%02d %02d:%02d is not a real date "
		                               "and time.", line, t[0], t[1], t[2], t[3], t[4]);
	const char *nl = memchr(s, '\n', len);
	size_t end = nl ? (size_t)(nl - s) : len;
	const char *body = nl ? nl + 1 : s + len;
	size_t blen = (size_t)(s + len - body);
	while (end && (s[end - 1] == ' ' || s[end - 1] == '\r'))
		end--;
	bool starred = end && s[end - 1] == '*';
	if (starred)
		for (end--; end && s[end - 1] == ' '; end--)
			;
	while (blen && isspace((unsigned char)*body))
		body++, blen--;
	while (blen && isspace((unsigned char)body[blen - 1]))
		blen--;
	size_t tlen = end;
	if (!blen) { /* one line: the title is its first sentence */
		size_t k = 0;
		while (k < end && !(strchr(".?!", s[k]) && (k + 1 == end || s[k + 1] == ' ')))
			k++;
		while (k < end && strchr(".?!", s[k]))
			k++;
		tlen = k;
		body = s + k;
		blen = end - k;
		while (blen && *body == ' ')
			body++, blen--;
	}
	r->title = tidy(f, arena_strndup(f, s, tlen), T_LINE);
	r->body = tidy(f, arena_strndup(f, body, blen), T_BODY);
	if (!r->title || !r->body)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	r->has_entry = true;
	if (text_tags(f, r, e))
		return -1;
	if (starred)
		((const char **)r->tags)[r->ntags++] = "starred";
	return 0;
}

/* jrnl's own journal file, plain text (see jrnl_head), NUL-terminated. */
static int read_jrnl_lines(struct import_reader *f, const char *text, size_t len, struct error *e)
{
	const char *start = NULL;
	int t[6] = {0};
	size_t line = 1, start_line = 0;
	bool blank = true;
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) + 1 : len - at;
		int nt[6];
		const char *rest = jrnl_head(text + at, blank, nt);
		if (rest) {
			if (start && jrnl_text_entry(f, t, start, (size_t)(text + at - start), start_line, e))
				return -1;
			start = rest;
			start_line = line;
			memcpy(t, nt, sizeof(t));
		} else if (!start && strspn(text + at, " \t\r\n") < n) {
			return error_set(e, E_CORRUPT, "line %zu: this is not a jrnl journal (an entry "
			                               "begins with a line like \"[2024-03-02 21:15] "
			                               "Title\").", line);
		}
		blank = strspn(text + at, " \t\r") + 1 >= n;
		at += n;
		line++;
	}
	if (!start)
		return error_set(e, E_CORRUPT, "The file is empty: a jrnl journal begins with a line "
		                               "like \"[2024-03-02 21:15] Title\".");
	return jrnl_text_entry(f, t, start, (size_t)(text + len - start), start_line, e);
}

static int read_jrnl_text(struct import_reader *f, const char *text, size_t len, struct error *e)
{
	f->plan->by_line = true;
	struct buf copy = BUF_INIT; /* the file holds no NUL (check_utf8) */
	int rc = buf_append(&copy, text, len) ? error_set(e, E_FAIL, "Out of memory reading the import.")
	                                      : read_jrnl_lines(f, buf_str(&copy), len, e);
	buf_free(&copy);
	return rc;
}

/* Day One's offset for a time zone name ("Europe/Berlin") at a moment:
 * TZ is set to it while the file is read (zone_done puts it back). False
 * for a name this system does not know. */
struct zone {
	char set[64];   /* the zone TZ holds now, "" for this machine's own */
	char *saved;    /* TZ as it was, to put back */
	bool changed;
};

static bool zone_offset(struct zone *z, const char *name, int64_t at, int *off)
{
	size_t len = strlen(name);
	if (!len || len >= sizeof(z->set) || strstr(name, "..") || *name == '/' ||
	    strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-") != len)
		return false;
	if (strcmp(z->set, name) != 0) {
		const char *dir = getenv("TZDIR");
		char path[256];
		snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
		if (access(path, R_OK) != 0)
			return false;
		if (!z->changed) {
			const char *tz = getenv("TZ");
			z->saved = tz ? strdup(tz) : NULL;
			z->changed = true;
		}
		if (setenv("TZ", name, 1) != 0)
			return false;
		tzset();
		snprintf(z->set, sizeof(z->set), "%s", name);
	}
	*off = (int)(offset_at(at) / 60);
	return true;
}

static void zone_done(struct zone *z)
{
	if (!z->changed)
		return;
	if (z->saved)
		setenv("TZ", z->saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(z->saved);
}

/* Day One's text is Markdown: images ("![](dayone-moment://...)") go, as
 * do the backslashes it puts before punctuation ("Done\!"). The first
 * line, without its "#", is the title. */
static int dayone_text(struct import_reader *f, const char *s, struct merge_record *r)
{
	size_t len = strlen(s);
	char *out = arena_alloc(f, len + 1);
	if (!out)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		if (strncmp(s + i, "![", 2) == 0) {
			const char *close = strstr(s + i, "](");
			const char *end = close ? strchr(close, ')') : NULL;
			if (close && end && !memchr(s + i, '\n', (size_t)(end - (s + i))) &&
			    strncmp(close + 2, "dayone-moment:", 14) == 0) {
				i = (size_t)(end - s) + 1;
				continue;
			}
		}
		if (s[i] == '\\' && ispunct((unsigned char)s[i + 1]))
			i++;
		/* where an image stood alone, no run of blank lines is left */
		if (s[i] == '\n' && k >= 2 && out[k - 1] == '\n' && out[k - 2] == '\n') {
			i++;
			continue;
		}
		out[k++] = s[i++];
	}
	out[k] = '\0';
	char *p = out + strspn(out, " \t\r\n");
	size_t first = strcspn(p, "\n");
	char *body = p[first] ? p + first + 1 : p + first;
	p[first] = '\0';
	p += strspn(p, "#");
	p += strspn(p, " \t");
	r->title = tidy(f, p, T_LINE);
	body += strspn(body, " \t\r\n");
	size_t blen = strlen(body);
	while (blen && isspace((unsigned char)body[blen - 1]))
		body[--blen] = '\0';
	r->body = tidy(f, body, T_BODY);
	return 0;
}

/* Day One's Journal.json: {"metadata": {...}, "entries": [{"creationDate":
 * "2019-03-22T14:35:21Z", "timeZone": "Europe/Berlin", "text": Markdown,
 * "tags": [...], "starred": true, "photos": [...], "location": {...}}]}.
 * Photos, videos, audio, PDFs and places are left out, and counted. */
static int read_dayone_entry(struct import_reader *f, struct zone *z, json_t *en, size_t i,
                             struct error *e)
{
	if (!json_is_object(en))
		return error_set(e, E_CORRUPT, "entry %zu is not an object.", i + 1);
	static const char *const media[] = {"photos", "videos", "audios", "pdfAttachments"};
	size_t nmedia = 0;
	for (size_t k = 0; k < sizeof(media) / sizeof(media[0]); k++)
		nmedia += json_array_size(json_object_get(en, media[k]));
	f->cur = i + 1;
	f->plan->photos += nmedia;
	f->plan->places += json_object_get(en, "location") != NULL;
	bool bad = false;
	const char *date = json_text(f, en, "creationDate", &bad);
	const char *zone = json_text(f, en, "timeZone", &bad);
	const char *text = json_text(f, en, "text", &bad);
	if (bad)
		return error_set(e, E_CORRUPT, "entry %zu: creationDate, timeZone and text are text.",
		                 i + 1);
	struct merge_record probe = {.mood = -1};
	if (!parse_rfc3339(date, &probe.at, &probe.off_min))
		return error_set(e, E_CORRUPT, "entry %zu: \"creationDate\" is \"%s\", not a date and "
		                               "time like 2019-03-22T14:35:21Z.", i + 1, date);
	if (*zone)
		zone_offset(z, zone, probe.at, &probe.off_min);
	if (dayone_text(f, text, &probe))
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	json_t *tags = json_object_get(en, "tags");
	bool starred = json_is_true(json_object_get(en, "starred"));
	if (!*probe.title && !*probe.body && !json_array_size(tags) && !starred) {
		f->plan->empty++; /* only photos, or nothing */
		return 0;
	}
	struct merge_record *r = new_record(f, i + 1, e);
	if (!r)
		return -1;
	*r = probe;
	r->has_entry = true;
	if (json_tags(f, en, r, "#", i, e))
		return -1;
	if (starred)
		((const char **)r->tags)[r->ntags++] = "starred";
	return 0;
}

static int read_json(struct import_reader *f, const char *text, size_t len, enum import_format fmt,
                     struct error *e)
{
	io_json_wipe_alloc();
	json_error_t je;
	json_t *root = json_loadb(text, len, 0, &je);
	if (!root)
		return error_set(e, E_CORRUPT, "line %d, column %d: %s", je.line, je.column, je.text);
	const char *app = fmt == IMPORT_JRNL ? "jrnl" : fmt == IMPORT_DAY_ONE ? "Day One" : "tui-journal";
	json_t *entries = json_object_get(root, "entries");
	int rc = 0;
	if (!json_is_object(root) || !json_is_array(entries)) {
		rc = error_set(e, E_CORRUPT, "This is JSON, but not a %s export (no \"entries\" list).",
		               app);
	} else if (fmt == IMPORT_TUI_JOURNAL) {
		json_t *ver = json_object_get(root, "version");
		if (!json_is_integer(ver) || json_integer_value(ver) / 100 != 1)
			rc = error_set(e, E_CORRUPT, "This tui-journal export's \"version\" is not 1xx; "
			                             "this tend cannot read it.");
	}
	size_t i;
	json_t *en;
	struct zone z = {.set = ""};
	json_array_foreach(entries, i, en)
	{
		if (rc)
			break;
		rc = fmt == IMPORT_JRNL      ? read_jrnl_entry(f, en, i, e)
		     : fmt == IMPORT_DAY_ONE ? read_dayone_entry(f, &z, en, i, e)
		                             : read_tui_entry(f, en, i, e);
	}
	zone_done(&z);
	json_decref(root);
	return rc;
}

/* ---- Daylio (CSV) ------------------------------------------------------- */

enum { D_FULL_DATE, D_YEAR, D_DATE, D_TIME, D_MOOD, D_ACTIVITIES, D_NOTE_TITLE, D_NOTE, D_SCALES,
       D_NCOLS };
static const char *const daylio_cols[D_NCOLS] = {
	"full_date", "year", "date", "time", "mood", "activities", "note_title", "note", "scales",
};

/* Daylio's five default moods on tend's 0..10 scale: the middle of five
 * equal bands (docs/export-format.md, "Importing"). */
static const struct mood_name daylio_moods[] = {
	{"rad", 9}, {"good", 7}, {"meh", 5}, {"bad", 3}, {"awful", 1},
};

struct csv_state {
	struct import_reader *f;
	struct error *e;
	int rc;
	size_t line;        /* the line being fed */
	size_t row_line;    /* the line the current row began on */
	bool header_done;
	int col_of[D_NCOLS]; /* column index of each known column, or -1 */
	size_t ncols;
	struct buf fields[32];
	size_t nfields;
};

static int mood_score(const struct import_reader *f, const char *name)
{
	for (size_t i = 0; i < f->opts->nmoods; i++)
		if (strcasecmp(f->opts->moods[i].name, name) == 0)
			return f->opts->moods[i].score;
	for (size_t i = 0; i < sizeof(daylio_moods) / sizeof(daylio_moods[0]); i++)
		if (strcasecmp(daylio_moods[i].name, name) == 0)
			return daylio_moods[i].score;
	return -1;
}

static void field_cb(void *s, size_t len, void *data)
{
	struct csv_state *cs = data;
	if (cs->nfields < sizeof(cs->fields) / sizeof(cs->fields[0])) {
		struct buf *b = &cs->fields[cs->nfields];
		buf_clear(b);
		if (buf_append(b, s, len) || buf_putc(b, '\0'))
			cs->rc = cs->rc ? cs->rc : error_set(cs->e, E_FAIL, "Out of memory.");
		else
			b->len--;
	}
	cs->nfields++;
}

static const char *field(struct csv_state *cs, int col)
{
	int i = cs->col_of[col];
	return i >= 0 && (size_t)i < cs->nfields ? buf_str(&cs->fields[i]) : "";
}

static int daylio_header(struct csv_state *cs)
{
	for (int c = 0; c < D_NCOLS; c++)
		cs->col_of[c] = -1;
	for (size_t i = 0; i < cs->nfields && i < 32; i++) {
		const char *name = buf_str(&cs->fields[i]);
		for (int c = 0; c < D_NCOLS; c++)
			if (strcasecmp(name, daylio_cols[c]) == 0)
				cs->col_of[c] = (int)i;
	}
	cs->ncols = cs->nfields;
	bool dated = cs->col_of[D_FULL_DATE] >= 0 || (cs->col_of[D_YEAR] >= 0 && cs->col_of[D_DATE] >= 0);
	if (!dated || cs->col_of[D_TIME] < 0 || cs->col_of[D_MOOD] < 0)
		return error_set(cs->e, E_CORRUPT, "line 1: this is not a Daylio export (its first line "
		                                   "names no full_date (or year and date), time and mood "
		                                   "columns).");
	return 0;
}

/* Month names in the languages Daylio writes its older exports in, each
 * in lower case: twelve to a line, a language's other grammatical form
 * (Polish, Czech, Russian, Ukrainian write "7 września") on a line of its
 * own. A shorter form ("sept.", "paź") matches when it begins one name
 * only, or several of the same month. */
static const char *const month_names[][12] = {
	{"january", "february", "march", "april", "may", "june", "july", "august", "september",
	 "october", "november", "december"},
	{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
	 "oktober", "november", "dezember"},
	{"jänner", "feber", "marts", "april", "maj", "juni", "juli", "augusti", "september",
	 "oktober", "november", "december"}, /* Austrian German, Danish, Swedish */
	{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
	 "octobre", "novembre", "décembre"},
	{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
	 "octubre", "noviembre", "diciembre"},
	{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
	 "ottobre", "novembre", "dicembre"},
	{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
	 "outubro", "novembro", "dezembro"},
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
	 "oktober", "november", "december"},
	/* short forms that begin no name above, and Spanish "setiembre" */
	{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "setiembre", "okt", "nov", "dec"},
	{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
	 "październik", "listopad", "grudzień"},
	{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
	 "października", "listopada", "grudnia"},
	{"leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen", "září", "říjen",
	 "listopad", "prosinec"},
	{"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
	 "listopadu", "prosince"},
	{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
	 "ноябрь", "декабрь"},
	{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
	 "октября", "ноября", "декабря"},
	{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
	 "жовтня", "листопада", "грудня"},
	{"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
	 "kasım", "aralık"},
};

/* word in lower case into out (Latin and Cyrillic letters; others kept). */
static bool fold(const char *word, size_t len, char *out, size_t size)
{
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		size_t adv;
		uint32_t c = utf8_decode(word + i, len - i, &adv);
		i += adv;
		if (c < 0x80)
			c = (uint32_t)tolower((int)c);
		else if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x410 && c <= 0x42F))
			c += 0x20;
		else if (c >= 0x400 && c <= 0x40F)
			c += 0x50;
		else if ((c >= 0x100 && c <= 0x137 && !(c & 1)) || (c >= 0x139 && c <= 0x148 && (c & 1)) ||
		         (c >= 0x14A && c <= 0x177 && !(c & 1)) || (c >= 0x179 && c <= 0x17E && (c & 1)))
			c += 1;
		char enc[4];
		size_t n = utf8_encode(c, enc);
		if (k + n >= size)
			return false;
		memcpy(out + k, enc, n);
		k += n;
	}
	out[k] = '\0';
	return true;
}

/* The month a word names (1..12), or 0. */
static int month_of(const char *word, size_t len)
{
	char w[64];
	if (!fold(word, len, w, sizeof(w)) || !*w)
		return 0;
	size_t wl = strlen(w), chars = utf8_width(w, wl);
	int found = 0;
	for (size_t l = 0; l < sizeof(month_names) / sizeof(month_names[0]); l++)
		for (int m = 0; m < 12; m++)
			if (strcmp(month_names[l][m], w) == 0)
				return m + 1;
	if (chars < 3)
		return 0;
	for (size_t l = 0; l < sizeof(month_names) / sizeof(month_names[0]); l++)
		for (int m = 0; m < 12; m++)
			if (strncmp(month_names[l][m], w, wl) == 0) {
				if (found && found != m + 1)
					return 0; /* "čer": June or July */
				found = m + 1;
			}
	return found;
}

/* The day-and-month column of Daylio's older exports, with the year from
 * its own column: "18 May", "May 18", "7 września", "16 de octubre",
 * "7. September", "9月7日" (Japanese and Chinese), "9월 7일" (Korean). */
static bool old_date(const char *year, const char *dm, int *y, int *mo, int *d)
{
	int n = 0;
	if (sscanf(year, "%5d%n", y, &n) != 1 || year[n] || *y < 1 || *y > 9999)
		return false;
	*mo = *d = 0;
	int mk = 0, dk = 0;
	if (sscanf(dm, "%2d\xE6\x9C\x88%2d\xE6\x97\xA5%n", mo, d, &mk) == 2 && !dm[mk])
		return *mo >= 1 && *mo <= 12;
	if (sscanf(dm, "%2d\xEC\x9B\x94 %2d\xEC\x9D\xBC%n", mo, d, &dk) == 2 && !dm[dk])
		return *mo >= 1 && *mo <= 12;
	*mo = *d = 0;
	for (const char *p = dm; *p;) {
		if (*p == ' ' || *p == '.' || *p == ',') {
			p++;
			continue;
		}
		size_t len = 0;
		while (p[len] && p[len] != ' ' && p[len] != '.' && p[len] != ',')
			len++;
		if (isdigit((unsigned char)*p)) {
			char *end;
			long v = strtol(p, &end, 10);
			size_t rest = len - (size_t)(end - p); /* "1er", "2nd", "3rd", "18th" */
			bool suffix = rest == 0 || (rest == 2 && (strncasecmp(end, "er", 2) == 0 ||
			                                          strncasecmp(end, "st", 2) == 0 ||
			                                          strncasecmp(end, "nd", 2) == 0 ||
			                                          strncasecmp(end, "rd", 2) == 0 ||
			                                          strncasecmp(end, "th", 2) == 0));
			if (*d || !suffix || end - p > 2 || v < 1)
				return false;
			*d = (int)v;
		} else if ((len == 2 && (strncasecmp(p, "de", 2) == 0 || strncasecmp(p, "of", 2) == 0)) ||
		           (len == 3 && strncasecmp(p, "del", 3) == 0)) {
			/* "16 de octubre" */
		} else {
			int m = month_of(p, len);
			if (!m || *mo)
				return false;
			*mo = m;
		}
		p += len;
	}
	return *d && *mo;
}

/* The simple HTML Daylio writes in notes, as plain text: "<br>" is a new
 * line, "<p>", "<div>" and headings begin one, "<li>" a "- " item, "<b>",
 * "<i>" and their like go; entities (&amp;, &#233;) become their
 * characters. A "<" that begins no such tag stays as it is ("<3"). */
static size_t html_tag(const char *s, size_t *skip, bool *block)
{
	static const char *const inline_tags[] = {
		"b", "i", "u", "s", "em", "strong", "span", "font", "strike", "del", "ins", "mark",
		"small", "big", "sub", "sup", "a", "code", NULL};
	static const char *const block_tags[] = {
		"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "br",
		"hr", "pre", NULL};
	size_t i = 1 + (s[1] == '/');
	size_t name = i;
	while (isalnum((unsigned char)s[i]))
		i++;
	size_t nlen = i - name;
	if (!nlen || (s[i] != '>' && s[i] != ' ' && s[i] != '/'))
		return 0;
	while (s[i] && s[i] != '>' && s[i] != '<' && s[i] != '\n' && i < 300)
		i++;
	if (s[i] != '>')
		return 0;
	*skip = i + 1;
	for (int k = 0; block_tags[k]; k++)
		if (strlen(block_tags[k]) == nlen && strncasecmp(s + name, block_tags[k], nlen) == 0) {
			*block = true;
			return name + nlen;
		}
	for (int k = 0; inline_tags[k]; k++)
		if (strlen(inline_tags[k]) == nlen && strncasecmp(s + name, inline_tags[k], nlen) == 0) {
			*block = false;
			return name + nlen;
		}
	return 0;
}

/* An entity at s ("&amp;") into out; its length, or 0 when it is none. */
static size_t html_entity(const char *s, char out[4], size_t *n)
{
	static const struct {
		const char *name;
		const char *text;
	} named[] = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
	             {"nbsp", " "}};
	const char *semi = memchr(s, ';', strnlen(s, 12));
	if (!semi)
		return 0;
	size_t len = (size_t)(semi - s) + 1;
	if (s[1] == '#') {
		char *end;
		bool hex = s[2] == 'x' || s[2] == 'X';
		unsigned long cp = strtoul(s + 2 + hex, &end, hex ? 16 : 10);
		if (end != semi || end == s + 2 + hex || cp == 0 || cp > 0x10FFFF)
			return 0;
		*n = utf8_encode((uint32_t)cp, out);
		return *n ? len : 0;
	}
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strlen(named[i].name) == len - 2 && strncmp(s + 1, named[i].name, len - 2) == 0) {
			*n = strlen(named[i].text);
			memcpy(out, named[i].text, *n);
			return len;
		}
	return 0;
}

/* A Daylio note or title as plain text (see html_tag), tidied, with the
 * space around it gone. */
static const char *daylio_text(struct import_reader *f, const char *s, enum tidy_mode m)
{
	size_t len = strlen(s);
	char *out = arena_alloc(f, len * 2 + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		size_t skip = 0, name, n;
		bool block = false;
		char ent[4];
		if (s[i] == '<' && (name = html_tag(s + i, &skip, &block))) {
			bool li = strncasecmp(s + i + name - 2, "li", 2) == 0 && s[i + 1] != '/';
			bool br = strncasecmp(s + i + name - 2, "br", 2) == 0;
			if (block && (br || (k && out[k - 1] != '\n')))
				out[k++] = '\n';
			if (li) {
				out[k++] = '-';
				out[k++] = ' ';
			}
			i += skip;
		} else if (s[i] == '&' && (skip = html_entity(s + i, ent, &n))) {
			memcpy(out + k, ent, n);
			k += n;
			i += skip;
		} else {
			out[k++] = s[i++];
		}
	}
	out[k] = '\0';
	tidy(f, out, m);
	k = strlen(out);
	while (k && isspace((unsigned char)out[k - 1]))
		k--;
	out[k] = '\0';
	size_t lead = strspn(out, " \t\r\n");
	return out + lead;
}

/* A title for a note that has none: its first words, up to about 60
 * bytes, cut between words (or characters), "..." when cut. */
static const char *first_words(struct import_reader *f, const char *body)
{
	size_t len = strcspn(body, "\n"), cut = len;
	if (len > 60) {
		cut = 60;
		while (cut > 30 && body[cut] != ' ')
			cut--;
		if (body[cut] != ' ')
			for (cut = 60; cut && ((unsigned char)body[cut] & 0xC0) == 0x80; cut--)
				;
		while (cut && body[cut - 1] == ' ')
			cut--;
	}
	char *t = arena_alloc(f, cut + 4);
	if (t) {
		memcpy(t, body, cut);
		strcpy(t + cut, cut < len ? "..." : "");
	}
	return t;
}

/* The mood's place in the plan's list of moods with no score (added the
 * first time it is seen); -1 with e set when memory runs out. */
static int note_unknown_mood(struct import_reader *f, const char *name, size_t line,
                             struct error *e)
{
	struct import_plan *p = f->plan;
	for (size_t i = 0; i < p->nunknown; i++)
		if (strcmp(p->unknown[i].name, name) == 0)
			return (int)i;
	if (p->nunknown == f->cap_unknown) {
		size_t cap = f->cap_unknown ? f->cap_unknown * 2 : 8;
		struct import_unknown *u = realloc(p->unknown, cap * sizeof(*u));
		if (!u)
			return error_set(e, E_FAIL, "Out of memory reading the import.");
		p->unknown = u;
		f->cap_unknown = cap;
	}
	const char *copy = arena_strndup(f, name, strlen(name));
	if (!copy)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	p->unknown[p->nunknown] = (struct import_unknown){copy, line, -1};
	if (f->opts->unknown)
		buf_printf(f->opts->unknown, "%s\n", name);
	return (int)p->nunknown++;
}

static int daylio_row(struct csv_state *cs)
{
	struct import_reader *f = cs->f;
	size_t line = cs->row_line;
	struct error *e = cs->e;
	if (cs->nfields != cs->ncols)
		return error_set(e, E_CORRUPT, "line %zu: %zu fields where the header has %zu.", line,
		                 cs->nfields, cs->ncols);
	int y, mo, d, h, mi;
	bool dated = cs->col_of[D_FULL_DATE] >= 0
	                 ? parse_date(field(cs, D_FULL_DATE), &y, &mo, &d)
	                 : old_date(field(cs, D_YEAR), field(cs, D_DATE), &y, &mo, &d);
	if (!dated)
		return error_set(e, E_CORRUPT, "line %zu: the date \"%s\" is not one Daylio writes.", line,
		                 field(cs, cs->col_of[D_FULL_DATE] >= 0 ? D_FULL_DATE : D_DATE));
	if (!parse_clock(field(cs, D_TIME), &h, &mi))
		return error_set(e, E_CORRUPT, "line %zu: the time \"%s\" is not like 21:30 or 9:30 pm.",
		                 line, field(cs, D_TIME));
	struct merge_record *r = new_record(f, line, e);
	if (!r)
		return -1;
	if (!local_time(f, y, mo, d, h, mi, 0, &r->at, &r->off_min))
		return error_set(e, E_CORRUPT, "line %zu: %04d-%02d-%02d %02d:%02d is not a real date "
		                               "and time.", line, y, mo, d, h, mi);
	const char *mood = field(cs, D_MOOD);
	r->mood = mood_score(f, mood);
	if (r->mood < 0) {
		int k = note_unknown_mood(f, mood, line, e);
		if (k < 0)
			return -1;
		f->umood[f->n - 1] = k;
		r->mood = 5; /* until it is given a score: no import is done without */
	}
	/* Activities "clean | music | movies / tv" become the check-in's tags,
	 * and the entry's when there is a note: all of them. */
	const char *acts = field(cs, D_ACTIVITIES);
	size_t nacts = 1;
	for (const char *p = acts; (p = strchr(p, '|')); p++)
		nacts++;
	const char **tags = arena_alloc(f, sizeof(*tags) * nacts);
	struct buf joined = BUF_INIT;
	if (!tags)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	for (const char *p = acts; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		const char *tag = clean_tag(f, p, len, NULL);
		if (tag) {
			tags[r->ntags++] = tag;
			buf_printf(&joined, "%s%s", joined.len ? "," : "", tag);
		}
		p += len + (bar ? 1 : 0);
	}
	r->tags = tags;
	r->mood_tags = arena_strndup(f, buf_str(&joined), joined.len);
	buf_free(&joined);
	r->title = daylio_text(f, field(cs, D_NOTE_TITLE), T_LINE);
	r->body = daylio_text(f, field(cs, D_NOTE), T_BODY);
	if (r->title && r->body && !*r->title && *r->body) {
		r->title = first_words(f, r->body);
		r->title_made = true;
	}
	/* Scales ("Energy 4 | Sleep 7") are the check-in's note, one a line. */
	struct buf scales = BUF_INIT;
	int oom = 0;
	for (const char *p = field(cs, D_SCALES); *p && !oom;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		const char *one = p;
		p += len + (bar ? 1 : 0);
		while (len && isspace((unsigned char)*one))
			one++, len--;
		while (len && isspace((unsigned char)one[len - 1]))
			len--;
		if (len)
			oom = (scales.len && buf_putc(&scales, '\n')) || buf_append(&scales, one, len);
	}
	r->mood_note = oom ? NULL : tidy(f, arena_strndup(f, buf_str(&scales), scales.len), T_BODY);
	buf_free(&scales);
	if (!r->title || !r->body || !r->mood_tags || !r->mood_note)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	r->has_entry = *r->title || *r->body;
	return 0;
}

static void row_cb(int c, void *data)
{
	(void)c;
	struct csv_state *cs = data;
	if (!cs->rc) {
		if (!cs->header_done) {
			cs->rc = daylio_header(cs);
			cs->header_done = true;
		} else {
			cs->rc = daylio_row(cs);
		}
	}
	cs->nfields = 0;
	cs->row_line = cs->line + 1;
}

static int read_daylio(struct import_reader *f, const char *text, size_t len, struct error *e)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	csv_set_realloc_func(&p, io_wipe_realloc);
	csv_set_free_func(&p, io_wipe_free);
	struct csv_state cs = {.f = f, .e = e, .line = 1, .row_line = 1};
	for (size_t i = 0; i < sizeof(cs.fields) / sizeof(cs.fields[0]); i++)
		cs.fields[i] = (struct buf)BUF_INIT;
	/* Fed a line at a time, so a problem can name its line. */
	size_t at = 0;
	while (at < len && !cs.rc) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) + 1 : len - at;
		if (csv_parse(&p, text + at, n, field_cb, row_cb, &cs) != n && !cs.rc)
			cs.rc = csv_error(&p) == CSV_EPARSE
			            ? error_set(e, E_CORRUPT, "line %zu: a quote out of place (a field with "
			                                      "quotes in it is wrapped in quotes, and each "
			                                      "quote inside is doubled).", cs.line)
			            : error_set(e, E_FAIL, "line %zu: a field too big to read.", cs.line);
		at += n;
		cs.line++;
	}
	cs.line--;
	if (!cs.rc && csv_fini(&p, field_cb, row_cb, &cs) != 0)
		cs.rc = error_set(e, E_CORRUPT, "line %zu: the file ends inside a quoted field.",
		                  cs.row_line);
	if (!cs.rc && !cs.header_done)
		cs.rc = error_set(e, E_CORRUPT, "The file is empty: a Daylio export starts with a "
		                                "header line.");
	csv_free(&p);
	for (size_t i = 0; i < sizeof(cs.fields) / sizeof(cs.fields[0]); i++)
		buf_free(&cs.fields[i]);
	f->plan->by_line = true;
	return cs.rc;
}

/* ---- the import --------------------------------------------------------- */

static void count(struct import_summary *sum, const struct merge_record *r, bool dup)
{
	sum->total++;
	if (dup) {
		sum->duplicates++;
		return;
	}
	sum->entries += r->has_entry;
	sum->checkins += r->mood >= 0;
	if (!sum->dated || r->at < sum->first)
		sum->first = r->at;
	if (!sum->dated || r->at > sum->last)
		sum->last = r->at;
	sum->dated = true;
}

/* For each record, how many records before it in the file are the same
 * thing to the vault (merge_same): nth[i]. A table of first indices. */
static int count_alike(const struct import_reader *f, size_t *nth, struct error *e)
{
	size_t size = 16;
	while (size < f->n * 2)
		size *= 2;
	struct slot {
		size_t first, seen; /* first: index + 1, 0 for a free slot */
	} *tab = calloc(size, sizeof(*tab));
	if (!tab)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	for (size_t i = 0; i < f->n; i++) {
		size_t k = (size_t)merge_hash(&f->recs[i]) & (size - 1);
		while (tab[k].first && !merge_same(&f->recs[tab[k].first - 1], &f->recs[i]))
			k = (k + 1) & (size - 1);
		if (!tab[k].first)
			tab[k].first = i + 1;
		nth[i] = tab[k].seen++;
	}
	free(tab);
	return 0;
}

/* A file that begins (after space) with "{", or "[" but not "[2024-". */
static bool is_json(const char *text, size_t len)
{
	size_t i = 0;
	while (i < len && text[i] && strchr(" \t\r\n", text[i]))
		i++;
	if (i == len || (text[i] != '{' && text[i] != '['))
		return false;
	size_t d = 1;
	while (i + d < len && d < 5 && isdigit((unsigned char)text[i + d]))
		d++;
	return text[i] == '{' || d < 5 || i + 5 >= len || text[i + 5] != '-';
}

static size_t line_at(const char *text, size_t off)
{
	size_t line = 1;
	for (const char *p = text; (p = memchr(p, '\n', off - (size_t)(p - text))); p++)
		line++;
	return line;
}

/* The file as UTF-8 with no NUL in it, or an error naming the line. */
static int check_utf8(const char *text, size_t len, struct error *e)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		if (c && c < 0x80) {
			i++;
			continue;
		}
		if (!c)
			return error_set(e, E_CORRUPT, "line %zu: a NUL byte, so this is not UTF-8 text. "
			                               "If the file is UTF-16, give --encoding utf-16.",
			                 line_at(text, i));
		size_t adv;
		if (utf8_decode(text + i, len - i, &adv) == UTF8_REPLACEMENT &&
		    !(adv == 3 && memcmp(text + i, "\xEF\xBF\xBD", 3) == 0))
			return error_set(e, E_CORRUPT, "line %zu: byte 0x%02X is not UTF-8. If the file "
			                               "was written in another encoding, name it, e.g. "
			                               "--encoding windows-1252 (or latin1, utf-16).",
			                 line_at(text, i), c);
		i += adv;
	}
	return 0;
}

int import_convert(const char *encoding, const char *text, size_t len, struct buf *out,
                   struct error *e)
{
	iconv_t cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1)
		return error_set(e, E_USAGE, "--encoding: this system does not know \"%s\" (try "
		                             "latin1, windows-1252 or utf-16).", encoding);
	int rc = 0;
	char *in = (char *)text;
	size_t left = len;
	while (left && rc == 0) {
		if (buf_reserve(out, left * 2 + 16)) {
			rc = error_set(e, E_FAIL, "Out of memory reading the import.");
			break;
		}
		char *to = out->data + out->len;
		size_t room = out->cap - out->len - 1, was = room;
		size_t n = iconv(cd, &in, &left, &to, &room);
		out->len += was - room;
		if (n == (size_t)-1 && errno != E2BIG)
			rc = error_set(e, E_CORRUPT, "line %zu: this is not %s text%s.",
			               line_at(text, (size_t)(in - text)), encoding,
			               errno == EINVAL ? " (it ends part way through a character)" : "");
	}
	iconv_close(cd);
	if (out->cap)
		out->data[out->len] = '\0';
	return rc;
}

/* ---- the plan, read and applied --------------------------------------- */

int import_read(const char *text, size_t len, const struct import_opts *o, struct import_plan *p,
                struct error *e)
{
	*p = (struct import_plan){.format = o->format};
	struct import_reader *f = calloc(1, sizeof(*f));
	if (!f)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	*f = (struct import_reader){.opts = o, .plan = p, .conv = BUF_INIT};
	p->in = f;
	int rc = 0;
	const char *given = text;
	size_t given_len = len;
	if (o->encoding && (rc = import_convert(o->encoding, text, len, &f->conv, e)) == 0) {
		text = buf_str(&f->conv);
		len = f->conv.len;
	}
	if (rc == 0)
		rc = check_utf8(text, len, e);
	if (rc == 0 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	const struct import_format_info *fi = import_format_info(o->format);
	if (rc == 0 && (fi->format != o->format || !fi->read))
		rc = error_set(e, E_USAGE, "That format is not read here.");
	else if (rc == 0)
		rc = fi->read(f, text, len, e);
	/* The converted text is copied into the records: it goes now, and
	 * so do the options, which are the caller's. */
	buf_free(&f->conv);
	f->opts = NULL;
	f->plan = NULL; /* the plan may be moved: it points to f, not f to it */
	p->nrecords = f->n;
	if (rc) {
		import_hint(given, given_len, o, e);
		import_plan_free(p);
	}
	return rc;
}

void import_plan_score(struct import_plan *p, const char *name, int score)
{
	struct import_reader *f = p->in;
	for (size_t k = 0; k < p->nunknown; k++) {
		if (strcasecmp(p->unknown[k].name, name) != 0)
			continue;
		p->unknown[k].score = score;
		for (size_t i = 0; f && i < f->n; i++)
			if (f->umood[i] == (int)k)
				f->recs[i].mood = score;
	}
}

void import_plan_free(struct import_plan *p)
{
	if (p->in) {
		foreign_free(p->in);
		free(p->in);
	}
	free(p->unknown);
	*p = (struct import_plan){.format = p->format};
}

int import_apply(struct vault *v, const struct import_plan *p, bool dry_run,
                 struct import_summary *sum, struct error *e)
{
	memset(sum, 0, sizeof(*sum));
	sum->controls = p->controls;
	sum->breaks = p->breaks;
	sum->dst = p->dst;
	sum->photos = p->photos;
	sum->places = p->places;
	sum->empty = p->empty;
	struct import_reader *f = p->in;
	if (!f)
		return error_set(e, E_USAGE, "Nothing was read to import.");
	struct buf names = BUF_INIT;
	for (size_t k = 0; k < p->nunknown; k++)
		if (p->unknown[k].score < 0)
			buf_printf(&names, "%s\"%s\" (line %zu)", names.len ? ", " : "",
			           p->unknown[k].name, p->unknown[k].line);
	if (names.len) {
		int rc = error_set(e, E_USAGE, "Daylio moods with no score on tend's 0-10 scale: %s. "
		                               "Give each one, e.g. --mood \"sleepy=4\".",
		                   buf_str(&names));
		buf_free(&names);
		return rc;
	}
	buf_free(&names);
	int rc = 0;
	if (!v) { /* only counted (no duplicates known) */
		for (size_t i = 0; i < f->n; i++)
			count(sum, &f->recs[i], false);
		return 0;
	}
	size_t *nth = malloc((f->n ? f->n : 1) * sizeof(*nth));
	if (!nth)
		rc = error_set(e, E_FAIL, "Out of memory reading the import.");
	if (rc == 0)
		rc = count_alike(f, nth, e);
	/* The whole file is good: add it in one transaction. A dry run does
	 * the same and rolls back, so its counts (duplicates too) are exact.
	 * Duplicates are looked for among the rows the vault held before. */
	struct merge_mark mark = {0};
	if (rc == 0 && (rc = store_load_begin(v, e)) == 0) {
		rc = store_merge_mark(v, &mark, e);
		for (size_t i = 0; i < f->n && rc == 0; i++) {
			bool dup = false;
			rc = store_merge(v, &mark, &f->recs[i], nth[i], &dup, e);
			if (rc && e->code == E_CORRUPT) {
				/* The record was refused: say which. A full disk
				 * or a failing one is not the file's fault. */
				char msg[sizeof(e->msg)];
				snprintf(msg, sizeof(msg), "%s", e->msg);
				error_set(e, E_CORRUPT, "%s %zu: %s", p->by_line ? "line" : "entry",
				          f->lines[i], msg);
			} else if (!rc) {
				count(sum, &f->recs[i], dup);
			}
		}
		store_merge_end(&mark);
		if (rc == 0 && !dry_run)
			rc = store_load_end(v, true, e);
		else
			store_load_end(v, false, e);
	}
	free(nth);
	return rc;
}

int import_foreign(struct vault *v, const char *text, size_t len, const struct import_opts *o,
                   struct import_summary *sum, struct error *e)
{
	memset(sum, 0, sizeof(*sum));
	struct import_plan p;
	if (import_read(text, len, o, &p, e))
		return -1;
	int rc = import_apply(v, &p, o->dry_run, sum, e);
	import_plan_free(&p);
	return rc;
}

/* ---- the readers in import_formats[] ------------------------------------ */

int import_read_jrnl(struct import_reader *f, const char *text, size_t len, struct error *e)
{
	return is_json(text, len) ? read_json(f, text, len, IMPORT_JRNL, e)
	                          : read_jrnl_text(f, text, len, e);
}

int import_read_tui(struct import_reader *f, const char *text, size_t len, struct error *e)
{
	return read_json(f, text, len, IMPORT_TUI_JOURNAL, e);
}

int import_read_dayone(struct import_reader *f, const char *text, size_t len, struct error *e)
{
	return read_json(f, text, len, IMPORT_DAY_ONE, e);
}

int import_read_daylio(struct import_reader *f, const char *text, size_t len, struct error *e)
{
	return read_daylio(f, text, len, e);
}
