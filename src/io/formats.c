/* formats.c: the formats tend imports, in one table, and telling which
 * one a file is from what is in it. */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "io/import.h"
#include "io_int.h"

const struct import_format_info import_formats[] = {
	{IMPORT_TEND_JSON, "tend-json", "tend (its own JSON export)"},
	{IMPORT_JRNL, "jrnl", "jrnl (its journal file or JSON export)"},
	{IMPORT_DAYLIO, "daylio", "Daylio (its CSV export)"},
	{IMPORT_TUI_JOURNAL, "tui-journal", "tui-journal (its JSON export)"},
	{IMPORT_DAY_ONE, "day-one", "Day One (Journal.json from its export)"},
	{0, NULL, NULL},
};

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

static int detect_json(const char *text, size_t len, enum import_format *out, const char **what,
                       struct error *e)
{
	(void)e;
	io_json_wipe_alloc();
	json_error_t je;
	json_t *root = json_loadb(text, len, 0, &je);
	/* JSON that is no other app's (or no JSON at all) goes to tend's own
	 * reader, which names what is wrong with it. */
	*out = IMPORT_TEND_JSON, *what = json_only;
	if (!root)
		return 0;
	json_t *entries = json_object_get(root, "entries");
	json_t *first = json_array_get(entries, 0);
	const char *format = json_string_value(json_object_get(root, "format"));
	if (format && strcmp(format, "tend-export") == 0) {
		*out = IMPORT_TEND_JSON, *what = "tend's own export";
	} else if (json_is_array(entries) && (json_is_object(json_object_get(root, "metadata")) ||
	                                      json_object_get(first, "creationDate"))) {
		*out = IMPORT_DAY_ONE, *what = "a Day One export";
	} else if (json_is_array(entries) && json_is_integer(json_object_get(root, "version"))) {
		*out = IMPORT_TUI_JOURNAL, *what = "a tui-journal export";
	} else if (json_is_array(entries) && (!first || json_object_get(first, "time"))) {
		*out = IMPORT_JRNL, *what = "a jrnl JSON export";
	}
	json_decref(root);
	return 0;
}

int import_detect(const char *text, size_t len, enum import_format *out, const char **what,
                  struct error *e)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	size_t i = 0;
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
		i++;
	if (i < len && (text[i] == '{' || (text[i] == '[' && !jrnl_line(text + i, len - i))))
		return detect_json(text, len, out, what, e);
	if (i < len && jrnl_line(text + i, len - i)) {
		*out = IMPORT_JRNL, *what = "jrnl's journal file";
		return 0;
	}
	if (daylio_header(text, len)) {
		*out = IMPORT_DAYLIO, *what = "a Daylio export";
		return 0;
	}
	char names[120];
	import_format_names(names, sizeof(names), ", ", " or ");
	return error_set(e, E_USAGE, "tend cannot tell which app wrote this file; give --format "
	                             "(%s).", names);
}

int import_run(struct vault *v, const char *text, size_t len, const struct import_opts *o,
               struct import_summary *sum, struct error *e)
{
	int rc = o->format == IMPORT_TEND_JSON ? import_tend_json(v, text, len, o->dry_run, sum, e)
	                                       : import_foreign(v, text, len, o, sum, e);
	enum import_format f;
	const char *what;
	struct error de = {0};
	if (rc && e->code == E_CORRUPT && !o->encoding && import_detect(text, len, &f, &what, &de) == 0 &&
	    f != o->format && what != json_only) {
		size_t n = strlen(e->msg);
		snprintf(e->msg + n, sizeof(e->msg) - n, " It looks like %s: try --format %s.", what,
		         import_format_info(f)->name);
	}
	return rc;
}
