/* formats.c: the formats tend imports, in one table, and telling which
 * one a file is from what is in it. */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "io/import.h"
#include "io_int.h"

static const char *detect_tend(const struct import_sniff *s);
static const char *detect_jrnl(const struct import_sniff *s);
static const char *detect_daylio(const struct import_sniff *s);
static const char *detect_tui(const struct import_sniff *s);
static const char *detect_dayone(const struct import_sniff *s);

const struct import_format_info import_formats[] = {
	{IMPORT_TEND_JSON, "tend-json", "tend (its own JSON export)", detect_tend, NULL},
	{IMPORT_JRNL, "jrnl", "jrnl (its journal file or JSON export)", detect_jrnl,
	 import_read_jrnl},
	{IMPORT_DAYLIO, "daylio", "Daylio (its CSV export)", detect_daylio, import_read_daylio},
	{IMPORT_TUI_JOURNAL, "tui-journal", "tui-journal (its JSON export)", detect_tui,
	 import_read_tui},
	{IMPORT_DAY_ONE, "day-one", "Day One (Journal.json from its export)", detect_dayone,
	 import_read_dayone},
	{0, NULL, NULL, NULL, NULL},
};

size_t import_format_count(void)
{
	size_t n = 0;
	while (import_formats[n].name)
		n++;
	return n;
}

const struct import_format_info *import_format_info(enum import_format f)
{
	for (int i = 0; import_formats[i].name; i++)
		if (import_formats[i].format == f)
			return &import_formats[i];
	return &import_formats[0];
}

int import_format_parse(const char *name, enum import_format *out)
{
	for (int i = 0; import_formats[i].name; i++)
		if (strcmp(name, import_formats[i].name) == 0) {
			*out = import_formats[i].format;
			return 0;
		}
	return -1;
}

void import_format_names(char *out, size_t size, const char *sep, const char *last)
{
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; import_formats[i].name && n < size; i++) {
		const char *before = i == 0 ? "" : import_formats[i + 1].name ? sep : last;
		int k = snprintf(out + n, size - n, "%s%s", before, import_formats[i].name);
		if (k < 0)
			break;
		n += (size_t)k;
	}
}

/* A Daylio header: its first line names mood, time and full_date (or
 * year and date). */
static bool daylio_header(const char *s, size_t len)
{
	size_t end = 0;
	while (end < len && s[end] != '\n')
		end++;
	bool mood = false, time = false, date = false, year = false;
	for (size_t i = 0; i < end;) {
		size_t k = i;
		while (k < end && s[k] != ',')
			k++;
		size_t a = i, b = k;
		while (a < b && (s[a] == '"' || s[a] == ' '))
			a++;
		while (b > a && (s[b - 1] == '"' || s[b - 1] == ' ' || s[b - 1] == '\r'))
			b--;
#define IS(w) (b - a == strlen(w) && strncasecmp(s + a, w, b - a) == 0)
		mood |= IS("mood");
		time |= IS("time");
		date |= IS("full_date");
		year |= IS("year");
#undef IS
		i = k + 1;
	}
	return mood && time && (date || year);
}

/* "[2024-03-02 21:15" or "2024-03-02 21:15 " */
static bool jrnl_line(const char *s, size_t len)
{
	if (!len)
		return false;
	size_t i = s[0] == '[';
	static const char shape[] = "dddd-dd-dd dd:dd";
	if (len < i + sizeof(shape) - 1)
		return false;
	for (size_t k = 0; k + 1 < sizeof(shape); k++)
		if (shape[k] == 'd' ? !isdigit((unsigned char)s[i + k]) : s[i + k] != shape[k])
			return false;
	return true;
}

static const char json_only[] = "tend's own export (it is JSON, and no other app's)";

/* Each detect says yes to its own files only, so the rows' order does
 * not matter. */

static const char *detect_tend(const struct import_sniff *s)
{
	const char *format = json_string_value(json_object_get(s->json, "format"));
	return format && strcmp(format, "tend-export") == 0 ? "tend's own export" : NULL;
}

/* The "entries" list of another app's JSON export (not tend's), or NULL. */
static json_t *entries_of(const struct import_sniff *s)
{
	json_t *entries = json_object_get(s->json, "entries");
	return json_is_array(entries) && !detect_tend(s) ? entries : NULL;
}

static bool dayone_json(const struct import_sniff *s)
{
	json_t *entries = entries_of(s);
	return entries && (json_is_object(json_object_get(s->json, "metadata")) ||
	                   json_object_get(json_array_get(entries, 0), "creationDate"));
}

static const char *detect_dayone(const struct import_sniff *s)
{
	return dayone_json(s) ? "a Day One export" : NULL;
}

static const char *detect_tui(const struct import_sniff *s)
{
	return entries_of(s) && !dayone_json(s) && json_is_integer(json_object_get(s->json, "version"))
	           ? "a tui-journal export"
	           : NULL;
}

static const char *detect_jrnl(const struct import_sniff *s)
{
	if (!s->looks_json)
		return jrnl_line(s->text + s->start, s->len - s->start) ? "jrnl's journal file" : NULL;
	json_t *entries = entries_of(s), *first = json_array_get(entries, 0);
	return entries && !dayone_json(s) && !detect_tui(s) && (!first || json_object_get(first, "time"))
	           ? "a jrnl JSON export"
	           : NULL;
}

static const char *detect_daylio(const struct import_sniff *s)
{
	return !s->looks_json && daylio_header(s->text, s->len) ? "a Daylio export" : NULL;
}

int import_detect(const char *text, size_t len, enum import_format *out, const char **what,
                  struct error *e)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	struct import_sniff s = {.text = text, .len = len};
	while (s.start < len && strchr(" \t\r\n", text[s.start]) && text[s.start])
		s.start++;
	char c = s.start < len ? text[s.start] : 0;
	s.looks_json = c == '{' || (c == '[' && !jrnl_line(text + s.start, len - s.start));
	if (s.looks_json) {
		io_json_wipe_alloc();
		json_error_t je;
		s.json = json_loadb(text, len, 0, &je);
	}
	*what = NULL;
	for (int i = 0; import_formats[i].name && !*what; i++)
		if ((*what = import_formats[i].detect(&s)))
			*out = import_formats[i].format;
	json_decref(s.json);
	/* JSON that is no other app's (or no JSON at all) goes to tend's own
	 * reader, which names what is wrong with it. */
	if (!*what && s.looks_json)
		*out = IMPORT_TEND_JSON, *what = json_only;
	if (*what)
		return 0;
	char names[120];
	import_format_names(names, sizeof(names), ", ", " or ");
	return error_set(e, E_USAGE, "tend cannot tell which app wrote this file; give --format "
	                             "(%s).", names);
}

void import_hint(const char *text, size_t len, const struct import_opts *o, struct error *e)
{
	enum import_format f;
	const char *what;
	struct error de = {0};
	if (e->code == E_CORRUPT && !o->encoding && import_detect(text, len, &f, &what, &de) == 0 &&
	    f != o->format && what != json_only) {
		size_t n = strlen(e->msg);
		snprintf(e->msg + n, sizeof(e->msg) - n, " It looks like %s: try --format %s.", what,
		         import_format_info(f)->name);
	}
}

int import_run(struct vault *v, const char *text, size_t len, const struct import_opts *o,
               struct import_summary *sum, struct error *e)
{
	if (import_format_info(o->format)->read)
		return import_foreign(v, text, len, o, sum, e); /* it hints itself */
	int rc = import_tend_json(v, text, len, o->dry_run, sum, e);
	if (rc)
		import_hint(text, len, o, e);
	return rc;
}
