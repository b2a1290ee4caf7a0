/* export_text.c: the journal as a Markdown diary or as jrnl's journal
 * file, and check-ins and trigger logs as CSV (docs/export-format.md).
 *
 * Both read the vault through store_dump, like the JSON export, keeping the
 * few tables they need in memory that is wiped when freed. Days and times
 * are those of the writer's local clock (the offset stored with each
 * record, see core/stats.h), so an evening entry stays on its evening
 * wherever the file is made. Numbers and names of days are written by hand,
 * not through the locale, so the file reads the same on any machine. */
#include "io/export.h"

#include <csv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/feelings.h"
#include "core/stats.h"
#include "io_int.h"
#include "store/dump.h"
#include "util/timefmt.h"

#define OOM "Out of memory writing the export."

/* ---- the tables, copied out of the dump */

struct table {
	size_t ncols;
	char names[64][48];
	struct dump_value *vals; /* nrows * ncols; text in wiped memory */
	size_t nrows, cap;
};

enum { T_ENTRIES, T_TAGS, T_ENTRY_TAGS, T_MOODS, T_TRIGGERS, T_TOOLS, T_DID, T_COUNT };

struct vault_copy {
	struct table t[T_COUNT];
};

/* What the diary reads (in T_ order, NULL-terminated for store_dump_tables);
 * the CSV reads no entries (its rows are check-ins and trigger logs), so no
 * journal text is read for it. */
static const char *const wanted[T_COUNT + 1] = {
	"entries", "tags", "entry_tags", "moods", "triggers", "tools", "trigger_did", NULL,
};
static const char *const csv_tables[] = {"moods", "triggers", "tools", "trigger_did", NULL};

static int keep_row(void *arg, const char *table, size_t ncols, const char *const *names,
                    const struct dump_value *vals, struct error *e)
{
	struct vault_copy *c = arg;
	struct table *t = NULL;
	for (int i = 0; i < T_COUNT; i++)
		if (strcmp(wanted[i], table) == 0)
			t = &c->t[i];
	if (!t)
		return 0;
	if (!vals) {
		t->ncols = ncols < 64 ? ncols : 64;
		for (size_t i = 0; i < t->ncols; i++)
			snprintf(t->names[i], sizeof(t->names[i]), "%s", names[i]);
		return 0;
	}
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		/* Wiped too: scores and times are the person's as much as words. */
		struct dump_value *p = io_wipe_realloc(t->vals, cap * t->ncols * sizeof(*p));
		if (!p)
			return error_set(e, E_FAIL, OOM);
		t->vals = p;
		t->cap = cap;
	}
	struct dump_value *row = &t->vals[t->nrows * t->ncols];
	for (size_t i = 0; i < t->ncols; i++) {
		row[i] = vals[i];
		row[i].s = NULL;
		if (vals[i].type != DV_TEXT)
			continue;
		char *s = io_wipe_malloc(vals[i].len + 1);
		if (!s) {
			for (size_t k = 0; k < i; k++)
				io_wipe_free((char *)row[k].s);
			return error_set(e, E_FAIL, OOM);
		}
		memcpy(s, vals[i].s, vals[i].len);
		s[vals[i].len] = '\0';
		row[i].s = s;
	}
	t->nrows++;
	return 0;
}

static void copy_free(struct vault_copy *c)
{
	for (int i = 0; i < T_COUNT; i++) {
		struct table *t = &c->t[i];
		for (size_t k = 0; k < t->nrows * t->ncols; k++)
			io_wipe_free((char *)t->vals[k].s);
		io_wipe_free(t->vals);
	}
	memset(c, 0, sizeof(*c));
}

static int col(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->names[i], name) == 0)
			return (int)i;
	return -1;
}

static const struct dump_value *cell(const struct table *t, size_t row, const char *name)
{
	static const struct dump_value none = {.type = DV_NULL};
	int c = col(t, name);
	return c < 0 ? &none : &t->vals[row * t->ncols + (size_t)c];
}

/* Text, or "" for NULL and numbers. */
static const char *text(const struct table *t, size_t row, const char *name)
{
	const struct dump_value *d = cell(t, row, name);
	return d->type == DV_TEXT ? d->s : "";
}

/* A whole number, or -1 when it is not given. */
static int64_t num(const struct table *t, size_t row, const char *name)
{
	const struct dump_value *d = cell(t, row, name);
	if (d->type == DV_INT)
		return d->i;
	if (d->type == DV_REAL)
		return (int64_t)d->r;
	return -1;
}

/* ---- names: id -> name for tags and tools, tags per entry */

struct named {
	int64_t id;
	const char *name;
};

struct pair {
	int64_t entry;
	const char *tag;
};

static int by_id(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_entry_then_tag(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	if (x->entry != y->entry)
		return (x->entry > y->entry) - (x->entry < y->entry);
	return strcmp(x->tag, y->tag);
}

/* The rows of t as (id, name) sorted by id; *out NULL when t is empty. */
static int names_of(const struct table *t, const char *name_col, struct named **out,
                    struct error *e)
{
	*out = NULL;
	if (!t->nrows)
		return 0;
	struct named *n = malloc(t->nrows * sizeof(*n));
	if (!n)
		return error_set(e, E_FAIL, OOM);
	for (size_t i = 0; i < t->nrows; i++)
		n[i] = (struct named){num(t, i, "id"), text(t, i, name_col)};
	qsort(n, t->nrows, sizeof(*n), by_id);
	*out = n;
	return 0;
}

static const char *name_for(const struct named *n, size_t count, int64_t id)
{
	struct named key = {id, NULL};
	const struct named *hit = n ? bsearch(&key, n, count, sizeof(*n), by_id) : NULL;
	return hit ? hit->name : NULL;
}

/* The names of the tools chosen in trigger log `trigger` ("What I did"),
 * in the person's order, joined with sep; "" when none. The choices come
 * sorted by trigger and place (store_dump). 0, or -1 out of memory. */
static int tools_chosen(const struct table *did, const struct named *tools, size_t ntools,
                        int64_t trigger, const char *sep, struct buf *out)
{
	buf_clear(out);
	size_t lo = 0, hi = did->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (num(did, mid, "trigger_id") < trigger)
			lo = mid + 1;
		else
			hi = mid;
	}
	int rc = buf_puts(out, "");
	for (size_t i = lo; i < did->nrows && num(did, i, "trigger_id") == trigger && !rc; i++) {
		const char *name = name_for(tools, ntools, num(did, i, "tool_id"));
		if (name)
			rc = (out->len && buf_puts(out, sep)) || buf_puts(out, name);
	}
	return rc ? -1 : 0;
}

/* ---- records in the order they were lived */

enum kind { K_ENTRY, K_CHECKIN, K_TRIGGER };

struct item {
	int64_t local, t; /* local seconds (stats_local), and UTC */
	enum kind kind;
	int64_t id;
	size_t row;
};

static int by_time(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	if (x->local != y->local)
		return (x->local > y->local) - (x->local < y->local);
	if (x->t != y->t)
		return (x->t > y->t) - (x->t < y->t);
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return (x->id > y->id) - (x->id < y->id);
}

static size_t add_items(struct item *out, size_t n, const struct table *t, enum kind k,
                        const char *at, const char *off)
{
	for (size_t i = 0; i < t->nrows; i++) {
		int64_t when = num(t, i, at);
		const struct dump_value *o = cell(t, i, off);
		int off_min = o->type == DV_INT ? (int)o->i : 0;
		out[n++] = (struct item){stats_local(when, off_min), when, k, num(t, i, "id"), i};
	}
	return n;
}

/* Every entry, check-in and trigger log, sorted; *out NULL when none. */
static int timeline(const struct vault_copy *c, struct item **out, size_t *n, struct error *e)
{
	size_t total = c->t[T_ENTRIES].nrows + c->t[T_MOODS].nrows + c->t[T_TRIGGERS].nrows;
	*out = NULL;
	*n = 0;
	if (!total)
		return 0;
	struct item *it = malloc(total * sizeof(*it));
	if (!it)
		return error_set(e, E_FAIL, OOM);
	size_t k = add_items(it, 0, &c->t[T_ENTRIES], K_ENTRY, "created_at", "created_off");
	k = add_items(it, k, &c->t[T_MOODS], K_CHECKIN, "at", "at_off");
	k = add_items(it, k, &c->t[T_TRIGGERS], K_TRIGGER, "at", "at_off");
	qsort(it, k, sizeof(*it), by_time);
	*out = it;
	*n = k;
	return 0;
}

static const char *const weekdays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
static const char *const months[12] = {"January", "February", "March", "April",
                                       "May", "June", "July", "August",
                                       "September", "October", "November", "December"};

/* "Monday, 23 November 2026" for a local day number. */
static void day_words(int64_t day, char out[48])
{
	int y, m, d;
	stats_civil_from_days(day, &y, &m, &d);
	snprintf(out, 48, "%s, %d %s %d", weekdays[stats_weekday(day)], d, months[m - 1], y);
}

/* "2026-11-23" and "08:10" for local seconds. */
static void date_time(int64_t local, char date[16], char hm[8])
{
	int64_t day = stats_day_of(local, 0);
	int64_t sec = local - day * 86400;
	stats_day_text(day, date);
	snprintf(hm, 8, "%02d:%02d", (int)(sec / 3600), (int)(sec / 60 % 60));
}

/* ---- Markdown */

struct md {
	struct buf *out;
	const struct vault_copy *c;
	struct named *tools;
	size_t ntools;
	struct pair *tags; /* (entry, tag name) sorted */
	size_t ntags;
	int err;
};

static void put(struct md *m, const char *s)
{
	if (!m->err && buf_puts(m->out, s))
		m->err = -1;
}

static void putn(struct md *m, const char *s, size_t n)
{
	if (!m->err && buf_append(m->out, s, n))
		m->err = -1;
}

/* "- Label: value" with a value over several lines indented under it, so
 * it stays one item of the list. Nothing for an empty value. */
static void field(struct md *m, const char *label, const char *value)
{
	if (!*value)
		return;
	put(m, "- ");
	put(m, label);
	put(m, ": ");
	for (const char *p = value; *p;) {
		size_t k = strcspn(p, "\n");
		putn(m, p, k);
		put(m, "\n");
		p += k;
		if (*p == '\n' && *++p)
			put(m, "  ");
	}
}

/* A comma-separated list as stored ("sad,tired"), written "sad, tired". */
static void field_list(struct md *m, const char *label, const char *value)
{
	struct buf b = BUF_INIT;
	for (const char *p = value; *p && !m->err; p++)
		if (buf_putc(&b, *p) || (*p == ',' && p[1] != ' ' && buf_putc(&b, ' ')))
			m->err = -1;
	field(m, label, buf_str(&b));
	buf_free(&b);
}

/* A score out of ten, or "" when not given. */
static const char *tenths(int64_t v, char out[32])
{
	if (v < 0)
		out[0] = '\0';
	else
		snprintf(out, 32, "%lld/10", (long long)v);
	return out;
}

static void md_entry(struct md *m, size_t row, int64_t id, const char *hm)
{
	const struct table *t = &m->c->t[T_ENTRIES];
	const char *title = text(t, row, "title");
	put(m, "### ");
	put(m, hm);
	put(m, *title ? " Journal entry: " : " Journal entry");
	put(m, title);
	put(m, "\n\n");
	struct buf tags = BUF_INIT;
	struct pair key = {id, NULL};
	/* The first of this entry's tags, then the run after it. */
	size_t lo = 0, hi = m->ntags;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->tags[mid].entry < key.entry)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < m->ntags && m->tags[i].entry == id; i++)
		if ((tags.len && buf_puts(&tags, ", ")) || buf_puts(&tags, m->tags[i].tag))
			m->err = -1;
	field(m, "Tags", buf_str(&tags));
	field(m, "Prompt", text(t, row, "prompt"));
	if (tags.len || *text(t, row, "prompt"))
		put(m, "\n");
	buf_free(&tags);
	const char *body = text(t, row, "body");
	if (*body) {
		put(m, body);
		put(m, body[strlen(body) - 1] == '\n' ? "\n" : "\n\n");
	}
}

static void md_checkin(struct md *m, size_t row, const char *hm)
{
	const struct table *t = &m->c->t[T_MOODS];
	char n[32];
	put(m, "### ");
	put(m, hm);
	put(m, " Check-in: ");
	put(m, tenths(num(t, row, "score"), n));
	put(m, "\n\n");
	size_t before = m->out->len;
	/* As words ("lonely, tired"), not as kept ("sad/lonely,tired"); twice
	 * the length always holds them whole. */
	const char *kept = text(t, row, "emotions");
	size_t room = 2 * strlen(kept) + 1;
	char *feelings = malloc(room);
	if (!feelings) {
		m->err = -1;
	} else {
		feelings_words(kept, feelings, room);
		field(m, "Emotions", feelings);
		str_wipe_free(feelings);
	}
	field(m, "Intensity", tenths(num(t, row, "intensity"), n));
	field(m, "In the body", text(t, row, "body"));
	field(m, "Energy", tenths(num(t, row, "energy"), n));
	const struct dump_value *sleep = cell(t, row, "sleep_hours");
	if (sleep->type == DV_REAL || sleep->type == DV_INT) {
		char h[32];
		double v = sleep->type == DV_REAL ? sleep->r : (double)sleep->i;
		/* Tenths of an hour by hand, so no locale puts a comma in. */
		long tenth = (long)(v * 10 + 0.5);
		if (tenth % 10)
			snprintf(h, sizeof(h), "%ld.%ld hours", tenth / 10, tenth % 10);
		else
			snprintf(h, sizeof(h), "%ld hour%s", tenth / 10, tenth == 10 ? "" : "s");
		field(m, "Sleep", h);
	}
	field(m, "Window of tolerance", text(t, row, "tolerance"));
	field_list(m, "Tags", text(t, row, "tags"));
	field(m, "Note", text(t, row, "note"));
	if (m->out->len != before)
		put(m, "\n");
}

static void md_trigger(struct md *m, size_t row, const char *hm)
{
	const struct table *t = &m->c->t[T_TRIGGERS];
	char a[32], b[32], line[96];
	put(m, "### ");
	put(m, hm);
	put(m, " Trigger\n\n");
	field(m, "Category", text(t, row, "category"));
	field(m, "Where", text(t, row, "place"));
	field(m, "What happened", text(t, row, "what"));
	field(m, "In the body", text(t, row, "body"));
	field(m, "Thoughts", text(t, row, "thoughts"));
	field(m, "Urges", text(t, row, "urges"));
	int64_t sb = num(t, row, "suds_before"), sa = num(t, row, "suds_after");
	if (sb >= 0 && sa >= 0)
		snprintf(line, sizeof(line), "%s before, %s after", tenths(sb, a), tenths(sa, b));
	else if (sb >= 0)
		snprintf(line, sizeof(line), "%s before", tenths(sb, a));
	else if (sa >= 0)
		snprintf(line, sizeof(line), "%s after", tenths(sa, b));
	else
		line[0] = '\0';
	field(m, "Distress", line);
	field(m, "What I did", text(t, row, "did"));
	struct buf chosen = BUF_INIT;
	if (tools_chosen(&m->c->t[T_DID], m->tools, m->ntools, num(t, row, "id"), ", ", &chosen))
		m->err = -1;
	const char *tool = chosen.len ? buf_str(&chosen) : NULL;
	int64_t helped = num(t, row, "helped");
	if (tool && helped >= 0) {
		put(m, "- What helped: ");
		put(m, tool);
		put(m, " (");
		put(m, tenths(helped, a));
		put(m, ")\n");
	} else if (tool) {
		field(m, "What helped", tool);
	} else {
		field(m, "How much it helped", tenths(helped, a));
	}
	if (num(t, row, "finished") == 0)
		put(m, "- Kept to finish later\n");
	put(m, "\n");
	buf_free(&chosen);
}

static int collect(struct vault *v, const char *const *tables, struct vault_copy *c,
                   struct error *e)
{
	memset(c, 0, sizeof(*c));
	if (store_dump_tables(v, tables, keep_row, c, e) == 0)
		return 0;
	copy_free(c);
	return -1;
}

static int entry_tags(const struct vault_copy *c, struct pair **out, size_t *n, struct error *e)
{
	const struct table *et = &c->t[T_ENTRY_TAGS];
	struct named *tags;
	*out = NULL;
	*n = 0;
	if (names_of(&c->t[T_TAGS], "name", &tags, e))
		return -1;
	if (et->nrows) {
		struct pair *p = malloc(et->nrows * sizeof(*p));
		if (!p) {
			free(tags);
			return error_set(e, E_FAIL, OOM);
		}
		size_t k = 0;
		for (size_t i = 0; i < et->nrows; i++) {
			const char *name = name_for(tags, c->t[T_TAGS].nrows, num(et, i, "tag_id"));
			if (name)
				p[k++] = (struct pair){num(et, i, "entry_id"), name};
		}
		qsort(p, k, sizeof(*p), by_entry_then_tag);
		*out = p;
		*n = k;
	}
	free(tags);
	return 0;
}

int export_markdown(struct vault *v, struct buf *out, struct error *e)
{
	struct vault_copy c;
	if (collect(v, wanted, &c, e))
		return -1;
	struct md m = {.out = out, .c = &c};
	struct item *it = NULL;
	size_t n = 0;
	int rc = -1;
	if (names_of(&c.t[T_TOOLS], "name", &m.tools, e) == 0 &&
	    entry_tags(&c, &m.tags, &m.ntags, e) == 0 && timeline(&c, &it, &n, e) == 0) {
		m.ntools = c.t[T_TOOLS].nrows;
		struct stamp now = stamp_now();
		char day[48], date[16], hm[8];
		day_words(stats_day_of(now.t, now.off_min), day);
		put(&m, "# tend journal, exported ");
		put(&m, day);
		put(&m, "\n\n> This file is NOT encrypted. Anyone who can open it can read what you\n"
		        "> wrote. Keep it somewhere private, or delete it when you are done with it.\n\n"
		        "Times are the local time where each was written. Entries are shown as\n"
		        "they are now; earlier versions stay in the vault.\n\n");
		if (!n)
			put(&m, "Nothing in the journal yet.\n");
		int64_t last_day = 0;
		for (size_t i = 0; i < n && !m.err; i++) {
			int64_t d = stats_day_of(it[i].local, 0);
			if (i == 0 || d != last_day) {
				day_words(d, day);
				put(&m, "## ");
				put(&m, day);
				put(&m, "\n\n");
				last_day = d;
			}
			date_time(it[i].local, date, hm);
			if (it[i].kind == K_ENTRY)
				md_entry(&m, it[i].row, it[i].id, hm);
			else if (it[i].kind == K_CHECKIN)
				md_checkin(&m, it[i].row, hm);
			else
				md_trigger(&m, it[i].row, hm);
		}
		rc = m.err ? error_set(e, E_FAIL, OOM) : 0;
	}
	free(it);
	free(m.tools);
	free(m.tags);
	copy_free(&c);
	return rc;
}

/* ---- jrnl's journal file */

static bool jrnl_tag_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_' || c >= 0x80 || (c && strchr("-+*#/", c));
}

/* A tag as a jrnl word: "@" and the name, anything jrnl would end a tag
 * at (a space) made "-". */
static void jrnl_tag_word(struct buf *w, const char *tag, int *err)
{
	buf_clear(w);
	if (buf_putc(w, '@'))
		*err = -1;
	for (const char *p = tag; *p && !*err; p++)
		if (buf_putc(w, jrnl_tag_char((unsigned char)*p) ? *p : '-'))
			*err = -1;
}

/* Whether the words hold word ("@walk", or "#walk") as a tag of their own. */
static bool has_word(const char *text, const char *word, size_t len)
{
	for (const char *p = text; *p; p++)
		if ((*p == '@' || *p == '#') && strncmp(p + 1, word + 1, len - 1) == 0 &&
		    (p == text || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t') &&
		    !jrnl_tag_char((unsigned char)p[len]))
			return true;
	return false;
}

/* A line jrnl would take for a new entry's date: "[2024-03-02 21:15". */
static bool date_line(const char *p)
{
	static const char shape[] = "[dddd-dd-dd dd:dd";
	for (size_t k = 0; k + 1 < sizeof(shape); k++)
		if (shape[k] == 'd' ? !(p[k] >= '0' && p[k] <= '9') : p[k] != shape[k])
			return false;
	return true;
}

static void jrnl_entry(struct md *m, size_t row, int64_t id, const char *date, const char *hm)
{
	const struct table *t = &m->c->t[T_ENTRIES];
	const char *title = text(t, row, "title"), *body = text(t, row, "body");
	size_t lo = 0, hi = m->ntags;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->tags[mid].entry < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	bool starred = false;
	struct buf extra = BUF_INIT, w = BUF_INIT;
	for (size_t i = lo; i < m->ntags && m->tags[i].entry == id && !m->err; i++) {
		if (strcmp(m->tags[i].tag, "starred") == 0) {
			starred = true;
			continue;
		}
		jrnl_tag_word(&w, m->tags[i].tag, &m->err);
		if (!m->err && !has_word(title, buf_str(&w), w.len) && !has_word(body, buf_str(&w), w.len) &&
		    ((extra.len && buf_putc(&extra, ' ')) || buf_append(&extra, w.data, w.len)))
			m->err = -1;
	}
	put(m, "[");
	put(m, date);
	put(m, " ");
	put(m, hm);
	put(m, "]");
	if (*title)
		put(m, " ");
	for (const char *p = title; *p; p++)
		putn(m, *p == '\n' ? " " : p, 1);
	put(m, starred ? " *\n" : "\n");
	/* A body line jrnl would read as the next entry's date is indented by
	 * a space, so the entry stays whole. */
	size_t blen = strlen(body);
	while (blen && (body[blen - 1] == '\n' || body[blen - 1] == ' '))
		blen--;
	for (size_t i = 0; i < blen;) {
		size_t k = i;
		while (k < blen && body[k] != '\n')
			k++;
		if (date_line(body + i))
			put(m, " ");
		putn(m, body + i, k - i);
		put(m, "\n");
		i = k + 1;
	}
	if (extra.len) {
		putn(m, extra.data, extra.len);
		put(m, "\n");
	}
	put(m, "\n");
	buf_free(&extra);
	buf_free(&w);
}

int export_jrnl(struct vault *v, struct buf *out, struct error *e)
{
	static const char *const tables[] = {"entries", "tags", "entry_tags", NULL};
	struct vault_copy c;
	if (collect(v, tables, &c, e))
		return -1;
	struct md m = {.out = out, .c = &c};
	struct item *it = NULL;
	size_t n = 0;
	int rc = -1;
	if (entry_tags(&c, &m.tags, &m.ntags, e) == 0 && timeline(&c, &it, &n, e) == 0) {
		char date[16], hm[8];
		for (size_t i = 0; i < n && !m.err; i++) {
			date_time(it[i].local, date, hm);
			jrnl_entry(&m, it[i].row, it[i].id, date, hm);
		}
		rc = m.err ? error_set(e, E_FAIL, OOM) : 0;
	}
	free(it);
	free(m.tags);
	copy_free(&c);
	return rc;
}

/* ---- CSV */

/* The columns, in order (docs/export-format.md). */
enum {
	C_KIND, C_DATE, C_TIME, C_ZONE, C_SCORE, C_EMOTIONS, C_INTENSITY, C_ENERGY, C_SLEEP,
	C_TOLERANCE, C_TAGS, C_NOTE, C_BODY, C_CATEGORY, C_PLACE, C_WHAT, C_THOUGHTS, C_URGES,
	C_BEFORE, C_AFTER, C_DID, C_TOOL, C_HELPED, C_FINISHED, C_COUNT
};

static const char *const csv_header[C_COUNT] = {
	"kind", "date", "time", "utc_offset", "score", "emotions", "intensity", "energy",
	"sleep_hours", "tolerance", "tags", "note", "body", "category", "place", "what",
	"thoughts", "urges", "distress_before", "distress_after", "did", "tool", "helped",
	"finished",
};

/* A cell whose text a spreadsheet would run as a formula gets a leading
 * apostrophe: = + - @ and a tab or carriage return in front. */
static bool formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r", *s);
}

/* One cell, quoted by libcsv when it holds a comma, quote or line break. */
static int csv_cell(struct buf *out, const char *s, bool first)
{
	if (!first && buf_putc(out, ','))
		return -1;
	size_t len = strlen(s);
	bool guard = formula_like(s);
	if (!guard && strcspn(s, ",\"\r\n") == len)
		return buf_append(out, s, len);
	struct buf cell = BUF_INIT;
	int rc = (guard ? buf_putc(&cell, '\'') : 0) || buf_append(&cell, s, len);
	if (rc == 0 && strcspn(buf_str(&cell), ",\"\r\n") == cell.len) {
		rc = buf_append(out, cell.data, cell.len);
	} else if (rc == 0) {
		size_t need = csv_write(NULL, 0, cell.data, cell.len);
		rc = buf_reserve(out, need);
		if (rc == 0) {
			csv_write(out->data + out->len, need, cell.data, cell.len);
			out->len += need;
			out->data[out->len] = '\0';
		}
	}
	buf_free(&cell);
	return rc ? -1 : 0;
}

static void number(char out[24], int64_t v)
{
	if (v < 0)
		out[0] = '\0';
	else
		snprintf(out, 24, "%lld", (long long)v);
}

static void zone_name(char out[16], int off_min)
{
	int a = off_min < 0 ? -off_min : off_min;
	snprintf(out, 16, "UTC%c%02d:%02d", off_min < 0 ? '-' : '+', a / 60 % 100, a % 60);
}

static int csv_row(struct buf *out, const char *const *cells)
{
	for (int i = 0; i < C_COUNT; i++)
		if (csv_cell(out, cells[i] ? cells[i] : "", i == 0))
			return -1;
	return buf_puts(out, "\r\n");
}

int export_csv(struct vault *v, struct buf *out, struct error *e)
{
	struct vault_copy c;
	if (collect(v, csv_tables, &c, e))
		return -1;
	struct named *tools = NULL;
	struct item *it = NULL;
	struct buf chosen = BUF_INIT;
	size_t n = 0;
	int rc = -1;
	if (names_of(&c.t[T_TOOLS], "name", &tools, e) == 0 && timeline(&c, &it, &n, e) == 0) {
		rc = csv_row(out, csv_header);
		for (size_t i = 0; i < n && rc == 0; i++) {
			if (it[i].kind == K_ENTRY)
				continue;
			const char *cells[C_COUNT] = {0};
			char date[16], hm[8], zone[16], nums[6][24], sleep[32];
			const struct table *t = &c.t[it[i].kind == K_CHECKIN ? T_MOODS : T_TRIGGERS];
			size_t r = it[i].row;
			date_time(it[i].local, date, hm);
			zone_name(zone, (int)((it[i].local - it[i].t) / 60));
			cells[C_DATE] = date;
			cells[C_TIME] = hm;
			cells[C_ZONE] = zone;
			cells[C_BODY] = text(t, r, "body");
			if (it[i].kind == K_CHECKIN) {
				cells[C_KIND] = "check-in";
				number(nums[0], num(t, r, "score"));
				number(nums[1], num(t, r, "intensity"));
				number(nums[2], num(t, r, "energy"));
				cells[C_SCORE] = nums[0];
				cells[C_INTENSITY] = nums[1];
				cells[C_ENERGY] = nums[2];
				const struct dump_value *s = cell(t, r, "sleep_hours");
				sleep[0] = '\0';
				if (s->type == DV_REAL || s->type == DV_INT) {
					long tenth = (long)((s->type == DV_REAL ? s->r : (double)s->i) * 10 + 0.5);
					snprintf(sleep, sizeof(sleep), "%ld.%ld", tenth / 10, tenth % 10);
				}
				cells[C_SLEEP] = sleep;
				cells[C_EMOTIONS] = text(t, r, "emotions");
				cells[C_TOLERANCE] = text(t, r, "tolerance");
				cells[C_TAGS] = text(t, r, "tags");
				cells[C_NOTE] = text(t, r, "note");
			} else {
				cells[C_KIND] = "trigger";
				cells[C_CATEGORY] = text(t, r, "category");
				cells[C_PLACE] = text(t, r, "place");
				cells[C_WHAT] = text(t, r, "what");
				cells[C_THOUGHTS] = text(t, r, "thoughts");
				cells[C_URGES] = text(t, r, "urges");
				cells[C_DID] = text(t, r, "did");
				number(nums[3], num(t, r, "suds_before"));
				number(nums[4], num(t, r, "suds_after"));
				number(nums[5], num(t, r, "helped"));
				cells[C_BEFORE] = nums[3];
				cells[C_AFTER] = nums[4];
				cells[C_HELPED] = nums[5];
				if (tools_chosen(&c.t[T_DID], tools, c.t[T_TOOLS].nrows, num(t, r, "id"),
				                 "; ", &chosen))
					rc = -1;
				cells[C_TOOL] = buf_str(&chosen);
				cells[C_FINISHED] = num(t, r, "finished") == 0 ? "no" : "yes";
			}
			rc = rc ? rc : csv_row(out, cells);
		}
		if (rc)
			error_set(e, E_FAIL, OOM);
	}
	buf_free(&chosen);
	free(it);
	free(tools);
	copy_free(&c);
	return rc;
}
