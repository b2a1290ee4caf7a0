/* report.c: a report for a session, from the screens. The person picks
 * the days (the last fourteen to start with), the sections, and each
 * journal entry whose text should go in, from the titles of those days;
 * free text goes in only for an entry picked by itself. The preview is
 * report_preview's text, the very lines 'tend report --dry-run' prints,
 * built by report_build_load as the CLI builds it; what is written is
 * report_output of that same build, to a file (0600) the person names,
 * after the plain warning that it is NOT encrypted, or sealed for a
 * therapist's public key when one is given (as --seal-to). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/homework.h"
#include "core/stats.h"
#include "io/export.h"
#include "io/report.h"
#include "store/homework.h"
#include "store/settings.h"
#include "util/fileio.h"
#include "util/utf8.h"
#include "views/data_int.h"
#include "views/journal_int.h"
#include "widgets/list.h"
#include "widgets/form.h"

#define RP_LIST_MAX 200 /* titles listed for picking: the newest in the days */
#define RP_PICK_MAX 64  /* entries in one report, as 'tend report --entry' */
#define RP_DAYS_MAX 36600

enum rp_stage { RP_CHOOSE, RP_PREVIEW, RP_WRITTEN };
enum { RP_FORMAT, RP_SEAL, RP_PATH, RP_WRITE, RP_NROWS };

static const struct {
	enum report_format f;
	const char *label, *ext;
} rp_formats[] = {
	{REPORT_MD, "Markdown (plain text)", "md"},
	{REPORT_HTML, "HTML (one page with charts)", "html"},
};
#define NFORMATS ((int)(sizeof(rp_formats) / sizeof(rp_formats[0])))

/* The vault remembers the key last sealed for, and whose it is. */
#define SEAL_TO_SETTING "report.seal-to"
#define SEAL_FOR_SETTING "report.seal-for"

#define SEALED_NOTE \
	"**Sealed** for the key above: only the holder of its key file and " \
	"passphrase can open it (tend open-report). The plain report is never written."

struct reportst {
	enum rp_stage stage;
	/* choosing */
	struct field from, to;
	int64_t from_day, to_day;
	bool dates_ok;
	char date_problem[sizeof(((struct error *)0)->msg)];
	int sect[REPORT_NSECTIONS]; /* the sections offered as toggles */
	int nsect;
	unsigned sections;
	struct jrows rows;    /* the journal around the days */
	size_t *shown;        /* indexes into rows of the entries in the days */
	size_t nshown;
	bool capped;          /* more entries than RP_LIST_MAX in the days */
	int64_t picked[RP_PICK_MAX];
	size_t npicked;
	size_t row, top;
	/* previewing and writing */
	struct report_build rb;
	bool built;
	struct buf preview;
	int scroll, plines;
	int fmt;
	struct form form;
	struct field path;
	struct field seal; /* a therapist's public key; empty: not sealed */
	bool sealed_ext;   /* the path's ending is .sealed (s->seal holds a key) */
	/* The key offered (a pack's key:, or the one last sealed for) and
	 * whose it is: "Seal for <from>" while the field still holds it. */
	char offered[REPORT_PK_TEXT_MAX];
	char offered_for[HOMEWORK_FIELD_MAX + 1];
	char problem[600];
	char done[900];
	struct buf full;
	struct confirm q;
	char question[700];
};

static size_t nrows(const struct reportst *s)
{
	return 2 + (size_t)s->nsect + s->nshown + 1;
}

static bool is_picked(const struct reportst *s, int64_t id)
{
	for (size_t i = 0; i < s->npicked; i++)
		if (s->picked[i] == id)
			return true;
	return false;
}

/* The entries written on the chosen days, newest first; picks of entries
 * no longer in the days are dropped. */
static void load_entries(struct ctx *c, struct reportst *s)
{
	jrows_clear(&s->rows);
	free(s->shown);
	s->shown = NULL;
	s->nshown = 0;
	s->capped = false;
	if (!s->dates_ok)
		return;
	/* A day wider each side: the local day of a row is checked below. */
	struct entry_query q = {.from = (s->from_day - 1) * 86400, .to = (s->to_day + 2) * 86400};
	struct error e = {0};
	while (!s->rows.done && s->rows.n < RP_LIST_MAX * 2)
		if (jrows_more(&s->rows, c->ses->vault, &q, &e)) {
			view_warn(c, &e);
			break;
		}
	if (s->rows.n && !(s->shown = calloc(s->rows.n, sizeof(*s->shown))))
		return;
	for (size_t i = 0; i < s->rows.n; i++) {
		int64_t day = stats_day_of(s->rows.rows[i].at, s->rows.rows[i].off_min);
		if (day < s->from_day || day > s->to_day)
			continue;
		if (s->nshown == RP_LIST_MAX) {
			s->capped = true;
			break;
		}
		s->shown[s->nshown++] = i;
	}
	size_t kept = 0;
	for (size_t p = 0; p < s->npicked; p++)
		for (size_t i = 0; i < s->nshown; i++)
			if (s->rows.rows[s->shown[i]].id == s->picked[p]) {
				s->picked[kept++] = s->picked[p];
				break;
			}
	s->npicked = kept;
	if (s->row >= nrows(s))
		s->row = nrows(s) - 1;
}

static void check_dates(struct ctx *c, struct reportst *s)
{
	struct error e = {0};
	int64_t a, b;
	s->dates_ok = false;
	if (report_parse_day(s->from.buf, &a, &e) || report_parse_day(s->to.buf, &b, &e))
		snprintf(s->date_problem, sizeof(s->date_problem), "%s", e.msg);
	else if (a > b)
		snprintf(s->date_problem, sizeof(s->date_problem), "%s",
		         "The first day comes after the last.");
	else if (b - a >= RP_DAYS_MAX)
		snprintf(s->date_problem, sizeof(s->date_problem), "%s",
		         "A report covers at most a hundred years.");
	else
		s->dates_ok = true;
	if (s->dates_ok) {
		s->date_problem[0] = '\0';
		bool moved = a != s->from_day || b != s->to_day;
		s->from_day = a;
		s->to_day = b;
		if (moved || !s->rows.n)
			load_entries(c, s);
	} else {
		load_entries(c, s);
	}
}

static void sync_ext(struct reportst *s);

/* The key to seal for, offered in the field: the one last sealed for, or
 * else the newest homework pack's key: (a line that is not a valid key is
 * passed over). */
static void offer_key(struct ctx *c, struct reportst *s)
{
	struct error e = {0};
	uint8_t pk[REPORT_PK_BYTES];
	if (settings_get(c->ses->vault, SEAL_TO_SETTING, s->offered, sizeof(s->offered), &e) == 1 &&
	    report_pk_parse(s->offered, pk, &e) == 0) {
		settings_get(c->ses->vault, SEAL_FOR_SETTING, s->offered_for, sizeof(s->offered_for), &e);
	} else {
		s->offered[0] = '\0';
		struct hw_pack *p = NULL;
		size_t n = 0;
		if (hwpack_list(c->ses->vault, &p, &n, &e) == 0) {
			for (size_t i = n; i-- > 0 && !s->offered[0];) {
				struct homework h;
				if (homework_parse(p[i].text, strlen(p[i].text), 0, &h, &e) != 0)
					continue;
				if (h.key && report_pk_parse(h.key, pk, &e) == 0) {
					report_pk_format(pk, s->offered);
					snprintf(s->offered_for, sizeof(s->offered_for), "%s", h.from);
				}
				homework_free(&h);
			}
			hwpack_list_free(p, n);
		}
	}
	if (s->offered[0])
		field_insert(&s->seal, s->offered, strlen(s->offered));
	sync_ext(s);
}

static bool offering(const struct reportst *s)
{
	return s->offered[0] && s->offered_for[0] && strcmp(s->seal.buf, s->offered) == 0;
}

static int rp_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct reportst *s = st;
	s->preview = (struct buf)BUF_INIT;
	s->full = (struct buf)BUF_INIT;
	if (field_init(&s->from, false, NULL, NULL) || field_init(&s->to, false, NULL, NULL) ||
	    field_init(&s->path, false, NULL, NULL) || field_init(&s->seal, false, NULL, NULL))
		return -1;
	long long today = data_today_day();
	char a[16], b[16], name[64];
	stats_day_text(today - 13, a);
	stats_day_text(today, b);
	field_insert(&s->from, a, strlen(a));
	field_insert(&s->to, b, strlen(b));
	snprintf(name, sizeof(name), "~/tend-report-%s.%s", b, rp_formats[0].ext);
	field_insert(&s->path, name, strlen(name));
	const struct form_row form_rows[RP_NROWS] = {
		[RP_FORMAT] = {.kind = FORM_CHOICE, .label = "As"},
		[RP_SEAL] = {.kind = FORM_FIELD, .label = "Seal for", .field = &s->seal,
		             .empty = "(a therapist's public key, or nothing)"},
		[RP_PATH] = {.kind = FORM_FIELD, .label = "Save to", .field = &s->path, .submits = true},
		[RP_WRITE] = {.kind = FORM_BUTTON, .label = "[ Write the report ]"},
	};
	form_init(&s->form, form_rows, RP_NROWS, RP_PATH);
	/* Homework is offered only when there is a pack to report on. */
	struct error e = {0};
	bool packs = hwpack_count(c->ses->vault, &e) > 0;
	offer_key(c, s);
	for (int i = 0; i < REPORT_NSECTIONS; i++)
		if (i != REPORT_ENTRIES && (i != REPORT_HOMEWORK || packs))
			s->sect[s->nsect++] = i;
	s->sections = REPORT_DEFAULT & ~REPORT_BIT(REPORT_ENTRIES);
	s->from_day = s->to_day = -1;
	check_dates(c, s);
	return 0;
}

static void unbuild(struct reportst *s)
{
	if (s->built)
		report_build_free(&s->rb);
	s->built = false;
	buf_free(&s->preview);
}

static void rp_leave(struct ctx *c, void *st)
{
	(void)c;
	struct reportst *s = st;
	unbuild(s);
	jrows_clear(&s->rows);
	free(s->shown);
	field_free(&s->from);
	field_free(&s->to);
	field_free(&s->path);
	field_free(&s->seal);
	buf_free(&s->full);
}

/* ---- drawing ---- */

/* The preview's plain lines wrapped at w columns (the rest of a long line
 * indented under it), drawn from wrapped line `skip` on, at most maxrows
 * of them from row y; returns how many wrapped lines there are. */
static int draw_wrapped(const char *text, int y, int w, int skip, int maxrows)
{
	int n = 0;
	while (*text) {
		size_t k = strcspn(text, "\n");
		const char *p = text;
		int indent = 0;
		do {
			size_t next, fit = utf8_wrap(p, k, (size_t)(w - indent), &next);
			if (n >= skip && n - skip < maxrows)
				ui_put(y + n - skip, 2 + indent, w - indent, ROLE_NORMAL, p, fit);
			n++;
			p += next;
			k -= next;
			indent = 6;
		} while (k > 0);
		text += strcspn(text, "\n");
		text += *text == '\n';
	}
	return n;
}

static void draw_choose(struct reportst *s, int rows, int cols)
{
	int w = cols - 4;
	int y = view_title(cols, "A report for a session");
	y += view_markdown(y, 2, w, 2, 0,
	                   "Choose the days and what goes in. Journal text goes in only for an "
	                   "entry you pick here, one by one.") +
	     1;
	int room = rows - y - 3; /* the keys line, and the heading over the entries */
	if (*s->date_problem)
		room--;
	if (room < 3)
		room = 3;
	size_t n = nrows(s);
	if (s->row < s->top)
		s->top = s->row;
	if (s->row >= s->top + (size_t)room)
		s->top = s->row - (size_t)room + 1;
	size_t first_entry = 2 + (size_t)s->nsect;
	for (size_t i = s->top; i < n && y < rows - 1 - (*s->date_problem ? 1 : 0); i++, y++) {
		bool sel = i == s->row;
		enum role r = list_role(sel, ROLE_NORMAL);
		list_fill(y, 2, w, sel);
		if (i < 2) {
			struct field *f = i == 0 ? &s->from : &s->to;
			ui_puts(y, 4, 12, r, i == 0 ? "First day" : "Last day");
			if (sel)
				field_draw(f, y, 18, 12, ROLE_SELECTED);
			else
				ui_puts(y, 18, 12, ROLE_STRONG, f->buf);
			if (i == 0)
				ui_puts(y, 32, w - 30, sel ? r : ROLE_MUTED, "(YYYY-MM-DD)");
		} else if (i < first_entry) {
			int sec = s->sect[i - 2];
			char line[160];
			snprintf(line, sizeof(line), "[%c] %s", s->sections & REPORT_BIT(sec) ? 'x' : ' ',
			         report_section_title((enum report_section)sec));
			ui_puts(y, 4, w - 4, r, line);
		} else if (i < n - 1) {
			const struct entry_row *er = &s->rows.rows[s->shown[i - first_entry]];
			char day[16];
			stats_day_text(stats_day_of(er->at, er->off_min), day);
			char head[32];
			snprintf(head, sizeof(head), "[%c] %s  ", is_picked(s, er->id) ? 'x' : ' ', day);
			int x = 6 + ui_puts(y, 6, w - 6, r, head);
			ui_puts(y, x, w - x + 2, sel ? r : ROLE_STRONG,
			        er->title && *er->title ? er->title : ENTRY_UNTITLED);
		} else {
			ui_puts(y, 4, w - 4, sel ? r : ROLE_STRONG, "[ Preview the report ]");
		}
		/* The heading over the entries, on the row before the first. */
		if (i == first_entry - 1 && y + 1 < rows - 2) {
			y++;
			char line[160];
			if (!s->dates_ok)
				snprintf(line, sizeof(line), "%s", "Journal entries: fix the days first.");
			else if (!s->nshown)
				snprintf(line, sizeof(line), "%s", "Journal entries: none written on these days.");
			else
				snprintf(line, sizeof(line), "Journal entries on these days%s (%zu picked):",
				         s->capped ? ", the newest 200" : "", s->npicked);
			ui_puts(y, 4, w - 4, ROLE_HEADING, line);
		}
	}
	if (*s->date_problem)
		ui_puts(rows - 2, 2, w, ROLE_WARN, s->date_problem);
	char keys[100];
	snprintf(keys, sizeof(keys), "%s/%s: move · %s or Space: pick", keymap_label(ACT_UP, true),
	         keymap_label(ACT_DOWN, true), keymap_label(ACT_SELECT, true));
	view_markdown(rows - 1, 2, w, 1, 0, keys);
}

static void draw_preview(struct reportst *s, int rows, int cols)
{
	int w = cols - 4;
	int y = view_title(cols, "What the report holds");
	const char *about = s->seal.len ? SEALED_NOTE : DATA_NOT_ENCRYPTED;
	int warn = view_markdown(rows, 2, w, 0, 0, about);
	int bottom = warn + 1 + RP_NROWS + (*s->problem ? 3 : 0) + 1;
	int room = rows - y - bottom;
	if (room < 1)
		room = 1;
	s->plines = draw_wrapped(buf_str(&s->preview), y, w, s->scroll, room);
	if (s->plines > room) {
		char more[32];
		bool down = s->scroll + room < s->plines;
		snprintf(more, sizeof(more), "(%s: %s)", keymap_label(down ? ACT_PGDN : ACT_PGUP, true),
		         down ? "more" : "back");
		ui_puts(y + room, cols - 16, 14, ROLE_MUTED, more);
	}
	y = 2 + room + 1;
	y += view_markdown(y, 2, w, warn, 0, about);
	/* The key offered stands for itself by whose it is, until the row
	 * has the focus. */
	char who[HOMEWORK_FIELD_MAX + 16];
	snprintf(who, sizeof(who), "%s (their key)", s->offered_for);
	s->form.rows[RP_FORMAT].choice = rp_formats[s->fmt].label;
	s->form.rows[RP_SEAL].stand_in = offering(s) ? who : NULL;
	y = form_draw(&s->form, y, w);
	s->form.rows[RP_SEAL].stand_in = NULL;
	if (*s->problem) {
		ui_puts(y++, 2, w, ROLE_WARN, "Nothing was written:");
		view_markdown(y, 2, w, 2, 0, s->problem);
	}
	data_draw_keys(rows - 1, w, "format", true);
}

static void rp_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct reportst *s = st;
	if (s->stage == RP_CHOOSE) {
		draw_choose(s, rows, cols);
	} else if (s->stage == RP_PREVIEW) {
		draw_preview(s, rows, cols);
	} else {
		int y = view_title(cols, "A report for a session");
		y += view_markdown(y, 2, cols - 4, rows - y - 3, 0, s->done) + 1;
		data_draw_back(y, cols - 4);
	}
}

/* ---- acting ---- */

static struct step preview(struct ctx *c, struct reportst *s)
{
	if (!s->dates_ok) {
		view_note(c, ROLE_STATUS, "%s", "Fix the days first.");
		return STEP(STEP_REDRAW);
	}
	unsigned which = s->sections | (s->npicked ? REPORT_BIT(REPORT_ENTRIES) : 0);
	if (!which) {
		view_note(c, ROLE_STATUS, "%s", "Choose at least one thing for the report.");
		return STEP(STEP_REDRAW);
	}
	unbuild(s);
	struct error e = {0};
	if (report_build_load(c->ses->vault, s->from_day, s->to_day, which, s->picked, s->npicked,
	                      &s->rb, &e)) {
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	s->built = true;
	if (report_preview(&s->rb.d, &s->preview, &e)) {
		unbuild(s);
		view_warn(c, &e);
		return STEP(STEP_REDRAW);
	}
	s->plines = 0; /* counted as drawn, at the window's width */
	s->scroll = 0;
	s->form.focus = RP_PATH;
	s->problem[0] = '\0';
	s->stage = RP_PREVIEW;
	return STEP(STEP_REDRAW);
}

static struct step rp_write(struct ctx *c, void *data)
{
	struct reportst *s = data;
	struct buf b = BUF_INIT;
	struct error e = {0};
	uint8_t pk[REPORT_PK_BYTES];
	int rc = 0;
	if (s->seal.len && report_pk_parse(s->seal.buf, pk, &e)) {
		snprintf(s->problem, sizeof(s->problem), "Seal for: %s", e.msg);
		return STEP(STEP_REDRAW);
	}
	rc = report_output(c->ses->vault, &s->rb.d, rp_formats[s->fmt].f, s->seal.len ? pk : NULL, &b,
	                   &e);
	if (rc == 0)
		rc = atomic_write(buf_str(&s->full), b.data, b.len, 0600, &e);
	size_t len = b.len;
	buf_free(&b);
	if (rc) {
		snprintf(s->problem, sizeof(s->problem), "%s", e.msg);
		return STEP(STEP_REDRAW);
	}
	if (offering(s)) {
		/* A pack's key, once used, is remembered for when the pack is
		 * gone (a public key is no secret, but whose it is says who the
		 * person sees, so it stays in the vault). */
		struct error ignored = {0};
		settings_set(c->ses->vault, SEAL_TO_SETTING, s->offered, &ignored);
		settings_set(c->ses->vault, SEAL_FOR_SETTING, s->offered_for, &ignored);
	}
	s->stage = RP_WRITTEN;
	snprintf(s->done, sizeof(s->done),
	         "Written: `%s` (%zu KB), readable only by you on this computer.\n\n%s",
	         s->path.buf, (len + 1023) / 1024, s->seal.len ? SEALED_NOTE : DATA_NOT_ENCRYPTED);
	view_note(c, ROLE_STATUS, "%s",
	          s->seal.len ? "The report is written, sealed."
	                      : "The report is written. It is not encrypted.");
	unbuild(s);
	return STEP(STEP_REDRAW);
}

/* A sealed report's name ends in .sealed (it is not Markdown or HTML to
 * anything that opens it); the format's own ending comes back when the
 * key is cleared. A name of the person's own is left alone. */
static const char *cur_ext(const struct reportst *s)
{
	return s->sealed_ext ? "sealed" : rp_formats[s->fmt].ext;
}

static void sync_ext(struct reportst *s)
{
	bool want = s->seal.len > 0;
	if (want == s->sealed_ext)
		return;
	const char *was = cur_ext(s);
	s->sealed_ext = want;
	data_set_ext(&s->path, was, cur_ext(s));
}

static struct step rp_try(struct ctx *c, struct reportst *s)
{
	s->problem[0] = '\0';
	char example[32];
	snprintf(example, sizeof(example), "tend-report.%s", cur_ext(s));
	enum data_target t = data_target(c->set->data_dir,
	                                 s->seal.len ? "it could overwrite the vault's own files."
	                                             : EXPORT_INSIDE_VAULT,
	                                 s->path.buf, "report", example, &s->full, s->problem,
	                                 sizeof(s->problem), s->question, sizeof(s->question));
	return data_go(c, t, &s->q, s->question, rp_write, s);
}

static struct step toggle_row(struct ctx *c, struct reportst *s)
{
	size_t first_entry = 2 + (size_t)s->nsect;
	if (s->row < 2) {
		s->row++;
		return STEP(STEP_REDRAW);
	}
	if (s->row < first_entry) {
		s->sections ^= REPORT_BIT(s->sect[s->row - 2]);
		return STEP(STEP_REDRAW);
	}
	if (s->row == nrows(s) - 1)
		return preview(c, s);
	int64_t id = s->rows.rows[s->shown[s->row - first_entry]].id;
	for (size_t i = 0; i < s->npicked; i++)
		if (s->picked[i] == id) {
			memmove(&s->picked[i], &s->picked[i + 1],
			        (s->npicked - i - 1) * sizeof(s->picked[0]));
			s->npicked--;
			return STEP(STEP_REDRAW);
		}
	if (s->npicked == RP_PICK_MAX) {
		view_note(c, ROLE_STATUS, "At most %d entries go in one report.", RP_PICK_MAX);
		return STEP(STEP_REDRAW);
	}
	s->picked[s->npicked++] = id;
	return STEP(STEP_REDRAW);
}

static struct step choose_action(struct ctx *c, struct reportst *s, enum action a)
{
	size_t n = nrows(s);
	switch (a) {
	case ACT_BACK:
		return STEP(STEP_POP);
	case ACT_UP:
	case ACT_PREV_FIELD:
		s->row = s->row ? s->row - 1 : n - 1;
		return STEP(STEP_REDRAW);
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		s->row = s->row + 1 < n ? s->row + 1 : 0;
		return STEP(STEP_REDRAW);
	case ACT_PGDN:
		s->row = n - 1;
		return STEP(STEP_REDRAW);
	case ACT_PGUP:
		s->row = 0;
		return STEP(STEP_REDRAW);
	case ACT_SELECT:
		return toggle_row(c, s);
	default:
		break;
	}
	if (s->row < 2 && field_action(s->row == 0 ? &s->from : &s->to, a)) {
		check_dates(c, s);
		return STEP(STEP_REDRAW);
	}
	return STEP(STEP_NONE);
}

static struct step preview_action(struct ctx *c, struct reportst *s, enum action a)
{
	switch (a) {
	case ACT_BACK:
		unbuild(s);
		s->problem[0] = '\0';
		s->stage = RP_CHOOSE;
		return STEP(STEP_REDRAW);
	case ACT_PGDN:
		s->scroll = s->scroll + 5 < s->plines ? s->scroll + 5 : s->scroll;
		return STEP(STEP_REDRAW);
	case ACT_PGUP:
		s->scroll = s->scroll > 5 ? s->scroll - 5 : 0;
		return STEP(STEP_REDRAW);
	default:
		break;
	}
	enum form_answer f = form_action(&s->form, a);
	if (f == FORM_SUBMIT)
		return rp_try(c, s);
	if (f == FORM_PREV || f == FORM_NEXT) {
		int k = (s->fmt + (f == FORM_NEXT ? 1 : NFORMATS - 1)) % NFORMATS;
		if (!s->sealed_ext)
			data_set_ext(&s->path, rp_formats[s->fmt].ext, rp_formats[k].ext);
		s->fmt = k;
	}
	if (f == FORM_EDITED && s->form.focus == RP_SEAL)
		sync_ext(s);
	return f == FORM_NONE ? STEP(STEP_NONE) : STEP(STEP_REDRAW);
}

static struct step rp_action(struct ctx *c, void *st, enum action a)
{
	struct reportst *s = st;
	if (s->stage == RP_WRITTEN)
		return a == ACT_BACK || a == ACT_SELECT ? STEP(STEP_POP) : STEP(STEP_NONE);
	if (s->stage == RP_PREVIEW)
		return preview_action(c, s, a);
	return choose_action(c, s, a);
}

static struct step rp_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct reportst *s = st;
	if (s->stage == RP_PREVIEW && form_text(&s->form, text, len)) {
		sync_ext(s);
		return STEP(STEP_REDRAW);
	}
	if (s->stage != RP_CHOOSE)
		return STEP(STEP_NONE);
	if (s->row < 2) {
		field_insert(s->row == 0 ? &s->from : &s->to, text, len);
		check_dates(c, s);
		return STEP(STEP_REDRAW);
	}
	/* Space picks, as Enter does, on a line that is not a date. */
	if (len == 1 && text[0] == ' ')
		return toggle_row(c, s);
	return STEP(STEP_NONE);
}

static const struct hint rp_hints[] = {
	{ACT_SELECT, "go on"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

const struct view_ops report_view = {
	.name = "report",
	.state_size = sizeof(struct reportst),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = rp_hints,
	.enter = rp_enter,
	.leave = rp_leave,
	.draw = rp_draw,
	.on_action = rp_action,
	.on_text = rp_text,
};
