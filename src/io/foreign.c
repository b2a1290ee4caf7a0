/* foreign.c: journals from other apps (jrnl, tui-journal, Daylio), read
 * into merge records and added with exact duplicates skipped. Every copy
 * of the person's words is made in one arena, wiped when the import ends. */
#include <csv.h>
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "io/import.h"
#include "io_int.h"
#include "store/dump.h"
#include "store/merge.h"
#include "util/buf.h"

#define MAX_TAGS 64

/* ---- an arena for the records' strings ---------------------------------- */

struct chunk {
	struct chunk *next;
	size_t size, used;
	char data[];
};

struct foreign {
	struct merge_record *recs;
	size_t n, cap;
	size_t *lines;          /* where each record began (CSV), or its index + 1 */
	struct chunk *chunks;
	const struct import_opts *opts;
	struct buf unknown;     /* Daylio moods with no score, "name (line N)" */
	size_t nunknown;        /* counted apart: the list may fail to grow */
};

static void *arena_alloc(struct foreign *f, size_t n)
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

static char *arena_strndup(struct foreign *f, const char *s, size_t len)
{
	char *p = arena_alloc(f, len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

static void foreign_free(struct foreign *f)
{
	for (struct chunk *c = f->chunks, *next; c; c = next) {
		next = c->next;
		mem_wipe(c->data, c->used);
		free(c);
	}
	free(f->recs);
	free(f->lines);
	buf_free(&f->unknown);
}

static struct merge_record *new_record(struct foreign *f, size_t line, struct error *e)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct merge_record *r = realloc(f->recs, cap * sizeof(*r));
		if (r)
			f->recs = r;
		size_t *l = r ? realloc(f->lines, cap * sizeof(*l)) : NULL;
		if (!l) {
			error_set(e, E_FAIL, "Out of memory reading the import.");
			return NULL;
		}
		f->lines = l;
		f->cap = cap;
	}
	f->lines[f->n] = line;
	struct merge_record *r = &f->recs[f->n++];
	*r = (struct merge_record){.mood = -1};
	return r;
}

/* A tag from another app: trimmed, commas (tend's separator) made spaces,
 * leading tag marks (jrnl's @) dropped. NULL for an empty one. */
static const char *clean_tag(struct foreign *f, const char *s, size_t len, const char *marks)
{
	while (len && (isspace((unsigned char)*s) || (marks && strchr(marks, *s)))) {
		s++;
		len--;
	}
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len)
		return NULL;
	char *t = arena_strndup(f, s, len);
	for (char *p = t; p && *p; p++)
		if (*p == ',')
			*p = ' ';
	return t;
}

/* ---- times -------------------------------------------------------------- */

/* A local date and time into a stamp; false when there is no such time
 * (31 February, 25:00). */
static bool local_time(int y, int mo, int d, int h, int mi, int s, int64_t *at, int *off)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                .tm_hour = h, .tm_min = mi, .tm_sec = s, .tm_isdst = -1};
	time_t t = mktime(&tm);
	if (t == (time_t)-1 || tm.tm_year != y - 1900 || tm.tm_mon != mo - 1 || tm.tm_mday != d)
		return false;
	*at = (int64_t)t;
	*off = (int)(tm.tm_gmtoff / 60);
	return true;
}

static bool parse_date(const char *s, int *y, int *mo, int *d)
{
	int n = 0;
	return sscanf(s, "%4d-%2d-%2d%n", y, mo, d, &n) == 3 && n == 10 && !s[n];
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

static const char *json_text(struct foreign *f, json_t *obj, const char *key, bool *bad)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return "";
	if (!json_is_string(v) || memchr(json_string_value(v), '\0', json_string_length(v))) {
		*bad = true;
		return NULL;
	}
	const char *s = arena_strndup(f, json_string_value(v), json_string_length(v));
	if (!s)
		*bad = true;
	return s;
}

static int json_tags(struct foreign *f, json_t *obj, struct merge_record *r, const char *marks,
                     size_t i, struct error *e)
{
	json_t *tags = json_object_get(obj, "tags");
	if (!tags || json_is_null(tags))
		return 0;
	if (!json_is_array(tags))
		return error_set(e, E_CORRUPT, "entry %zu: \"tags\" is not a list.", i + 1);
	const char **out = arena_alloc(f, sizeof(*out) * MAX_TAGS);
	if (!out)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	size_t k;
	json_t *t;
	json_array_foreach(tags, k, t)
	{
		if (!json_is_string(t))
			return error_set(e, E_CORRUPT, "entry %zu: tag %zu is not text.", i + 1, k + 1);
		const char *tag = clean_tag(f, json_string_value(t), json_string_length(t), marks);
		if (tag && r->ntags < MAX_TAGS)
			out[r->ntags++] = tag;
	}
	r->tags = out;
	return 0;
}

/* A new record for entry i of a JSON export; NULL with e filled when the
 * entry is not an object. */
static struct merge_record *json_record(struct foreign *f, json_t *en, size_t i, struct error *e)
{
	if (!json_is_object(en)) {
		error_set(e, E_CORRUPT, "entry %zu is not an object.", i + 1);
		return NULL;
	}
	return new_record(f, i + 1, e);
}

/* jrnl --format json: {"tags": {...}, "entries": [{"date": "2024-03-02",
 * "time": "21:15", "title", "body", "tags": ["@work"], "starred"}]} */
static int read_jrnl_entry(struct foreign *f, json_t *en, size_t i, struct error *e)
{
	struct merge_record *r = json_record(f, en, i, e);
	if (!r)
		return -1;
	bool bad = false;
	const char *date = json_text(f, en, "date", &bad);
	const char *clock = json_text(f, en, "time", &bad);
	r->title = json_text(f, en, "title", &bad);
	r->body = json_text(f, en, "body", &bad);
	if (bad)
		return error_set(e, E_CORRUPT, "entry %zu: date, time, title and body are text.", i + 1);
	int y, mo, d, h = 0, mi = 0;
	if (!parse_date(date, &y, &mo, &d))
		return error_set(e, E_CORRUPT, "entry %zu: \"date\" is \"%s\", not YYYY-MM-DD.", i + 1,
		                 date);
	if (*clock && !parse_clock(clock, &h, &mi))
		return error_set(e, E_CORRUPT, "entry %zu: \"time\" is \"%s\", not HH:MM.", i + 1, clock);
	if (!local_time(y, mo, d, h, mi, 0, &r->at, &r->off_min))
		return error_set(e, E_CORRUPT, "entry %zu: %s %s is not a real date and time.", i + 1,
		                 date, clock);
	if (json_tags(f, en, r, "@#", i, e))
		return -1;
	json_t *star = json_object_get(en, "starred");
	if (json_is_true(star) && r->ntags < MAX_TAGS) {
		if (!r->tags && !(r->tags = arena_alloc(f, sizeof(char *) * MAX_TAGS)))
			return error_set(e, E_FAIL, "Out of memory reading the import.");
		((const char **)r->tags)[r->ntags++] = "starred";
	}
	r->has_entry = true;
	return 0;
}

/* tui-journal's export: {"version": 100, "entries": [{"date": RFC 3339
 * UTC, "title", "content", "tags": [...], "priority": null or a number}]} */
static int read_tui_entry(struct foreign *f, json_t *en, size_t i, struct error *e)
{
	struct merge_record *r = json_record(f, en, i, e);
	if (!r)
		return -1;
	bool bad = false;
	const char *date = json_text(f, en, "date", &bad);
	r->title = json_text(f, en, "title", &bad);
	r->body = json_text(f, en, "content", &bad);
	if (bad)
		return error_set(e, E_CORRUPT, "entry %zu: date, title and content are text.", i + 1);
	if (!parse_rfc3339(date, &r->at, &r->off_min))
		return error_set(e, E_CORRUPT, "entry %zu: \"date\" is \"%s\", not a date and time "
		                               "like 2024-01-04T16:07:40Z.", i + 1, date);
	r->has_entry = true;
	return json_tags(f, en, r, NULL, i, e);
}

static int read_json(struct foreign *f, const char *text, size_t len, enum import_format fmt,
                     struct error *e)
{
	io_json_wipe_alloc();
	json_error_t je;
	json_t *root = json_loadb(text, len, 0, &je);
	if (!root)
		return error_set(e, E_CORRUPT, "line %d, column %d: %s", je.line, je.column, je.text);
	const char *app = fmt == IMPORT_JRNL ? "jrnl" : "tui-journal";
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
	json_array_foreach(entries, i, en)
	{
		if (rc)
			break;
		rc = fmt == IMPORT_JRNL ? read_jrnl_entry(f, en, i, e) : read_tui_entry(f, en, i, e);
	}
	json_decref(root);
	return rc;
}

/* ---- Daylio (CSV) ------------------------------------------------------- */

enum { D_FULL_DATE, D_YEAR, D_DATE, D_TIME, D_MOOD, D_ACTIVITIES, D_NOTE_TITLE, D_NOTE, D_NCOLS };
static const char *const daylio_cols[D_NCOLS] = {
	"full_date", "year", "date", "time", "mood", "activities", "note_title", "note",
};

/* Daylio's five default moods on tend's 0..10 scale: the middle of five
 * equal bands (docs/export-format.md, "Importing"). */
static const struct mood_name daylio_moods[] = {
	{"rad", 9}, {"good", 7}, {"meh", 5}, {"bad", 3}, {"awful", 1},
};

struct csv_state {
	struct foreign *f;
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

static int mood_score(const struct foreign *f, const char *name)
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

/* "18 May" or "May 18" with the year column (Daylio's older exports). */
static bool old_date(const char *year, const char *dm, int *y, int *mo, int *d)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char name[16] = "";
	int n = 0;
	if (sscanf(year, "%4d%n", y, &n) != 1 || year[n])
		return false;
	if (sscanf(dm, "%2d %15[A-Za-z]", d, name) != 2 && sscanf(dm, "%15[A-Za-z] %2d", name, d) != 2)
		return false;
	if (strlen(name) < 3)
		return false;
	for (int i = 0; i < 12; i++)
		if (strncasecmp(name, months + i * 3, 3) == 0) {
			*mo = i + 1;
			return true;
		}
	return false;
}

/* A Daylio note: <br> tags become new lines; surrounding space goes. */
static const char *daylio_text(struct foreign *f, const char *s)
{
	size_t len = strlen(s);
	char *out = arena_alloc(f, len + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		size_t tag = 0;
		if (strncasecmp(s + i, "<br>", 4) == 0)
			tag = 4;
		else if (strncasecmp(s + i, "<br/>", 5) == 0)
			tag = 5;
		else if (strncasecmp(s + i, "<br />", 6) == 0)
			tag = 6;
		if (tag) {
			out[k++] = '\n';
			i += tag;
		} else {
			out[k++] = s[i++];
		}
	}
	while (k && isspace((unsigned char)out[k - 1]))
		k--;
	out[k] = '\0';
	size_t lead = strspn(out, " \t\r\n");
	return out + lead;
}

static void note_unknown_mood(struct foreign *f, const char *name, size_t line)
{
	char needle[80];
	snprintf(needle, sizeof(needle), "\"%s\"", name);
	if (f->unknown.len && strstr(buf_str(&f->unknown), needle))
		return;
	buf_printf(&f->unknown, "%s%s (line %zu)", f->nunknown++ ? ", " : "", needle, line);
	if (f->opts->unknown)
		buf_printf(f->opts->unknown, "%s\n", name);
}

static int daylio_row(struct csv_state *cs)
{
	struct foreign *f = cs->f;
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
	if (!local_time(y, mo, d, h, mi, 0, &r->at, &r->off_min))
		return error_set(e, E_CORRUPT, "line %zu: %04d-%02d-%02d %02d:%02d is not a real date "
		                               "and time.", line, y, mo, d, h, mi);
	const char *mood = field(cs, D_MOOD);
	r->mood = mood_score(f, mood);
	if (r->mood < 0) {
		note_unknown_mood(f, mood, line);
		r->mood = 5; /* only counted: the import stops before anything is added */
	}
	/* Activities "clean | music | movies / tv" become the check-in's tags,
	 * and the entry's when there is a note. */
	const char *acts = field(cs, D_ACTIVITIES);
	const char **tags = arena_alloc(f, sizeof(*tags) * MAX_TAGS);
	struct buf joined = BUF_INIT;
	if (!tags)
		return error_set(e, E_FAIL, "Out of memory reading the import.");
	for (const char *p = acts; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		const char *tag = clean_tag(f, p, len, NULL);
		if (tag && r->ntags < MAX_TAGS) {
			tags[r->ntags++] = tag;
			buf_printf(&joined, "%s%s", joined.len ? "," : "", tag);
		}
		p += len + (bar ? 1 : 0);
	}
	r->tags = tags;
	r->mood_tags = arena_strndup(f, buf_str(&joined), joined.len);
	buf_free(&joined);
	r->title = daylio_text(f, field(cs, D_NOTE_TITLE));
	r->body = daylio_text(f, field(cs, D_NOTE));
	if (!r->title || !r->body || !r->mood_tags)
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

static int read_daylio(struct foreign *f, const char *text, size_t len, struct error *e)
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
	if (!cs.rc && f->nunknown)
		cs.rc = error_set(e, E_USAGE, "Daylio moods with no score on tend's 0-10 scale: %s. "
		                              "Give each one, e.g. --mood \"sleepy=4\".",
		                  buf_str(&f->unknown));
	return cs.rc;
}

/* ---- the import --------------------------------------------------------- */

int import_format_parse(const char *name, enum import_format *out)
{
	static const char *const names[] = {"tend-json", "jrnl", "daylio", "tui-journal"};
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (enum import_format)i;
			return 0;
		}
	return -1;
}

static void count(struct import_summary *sum, const struct merge_record *r, bool dup)
{
	sum->total++;
	if (dup) {
		sum->duplicates++;
		return;
	}
	sum->entries += r->has_entry;
	sum->checkins += r->mood >= 0;
	if (!sum->first || r->at < sum->first)
		sum->first = r->at;
	if (r->at > sum->last)
		sum->last = r->at;
}

int import_foreign(struct vault *v, const char *text, size_t len, const struct import_opts *o,
                   struct import_summary *sum, struct error *e)
{
	memset(sum, 0, sizeof(*sum));
	struct foreign f = {.opts = o, .unknown = BUF_INIT};
	int rc = o->format == IMPORT_DAYLIO ? read_daylio(&f, text, len, e)
	         : o->format == IMPORT_JRNL || o->format == IMPORT_TUI_JOURNAL
	             ? read_json(&f, text, len, o->format, e)
	             : error_set(e, E_USAGE, "That format is not read here.");
	if (rc == 0 && !v) /* only checked and counted (no duplicates known) */
		for (size_t i = 0; i < f.n; i++)
			count(sum, &f.recs[i], false);
	/* The whole file is good: add it in one transaction. A dry run does
	 * the same and rolls back, so its counts (duplicates too) are exact. */
	if (rc == 0 && v && (rc = store_load_begin(v, e)) == 0) {
		for (size_t i = 0; i < f.n && rc == 0; i++) {
			bool dup = false;
			rc = store_merge(v, &f.recs[i], &dup, e);
			if (rc && e->code == E_CORRUPT) {
				/* The record was refused: say which. A full disk
				 * or a failing one is not the file's fault. */
				char msg[sizeof(e->msg)];
				snprintf(msg, sizeof(msg), "%s", e->msg);
				error_set(e, E_CORRUPT, "%s %zu: %s",
				          o->format == IMPORT_DAYLIO ? "line" : "entry", f.lines[i], msg);
			} else if (!rc) {
				count(sum, &f.recs[i], dup);
			}
		}
		if (rc == 0 && !o->dry_run)
			rc = store_load_end(v, true, e);
		else
			store_load_end(v, false, e);
	}
	foreign_free(&f);
	return rc;
}
