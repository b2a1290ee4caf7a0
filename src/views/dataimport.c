/* dataimport.c: bringing another app's diary in. The person picks the
 * format (or lets tend tell it from the file) and the file; tend reads it
 * once into a plan (import_read) and does a dry run of it on the open vault
 * (import_apply, as 'tend import --dry-run' does), showing what would
 * be added, what is there already, and the dates it spans, or the problem
 * by line. Only then does Enter import it for real, all of it or nothing.
 * A Daylio file with moods of the person's own goes to moodmap_view first,
 * where each gets a score, and the same plan's dry run is done again with
 * them. The import applies that plan: the file is never read twice.
 * tend's own JSON export is merged into the vault as it is
 * (import_tend_json): what the vault has already is skipped. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "io/import.h"
#include "util/fileio.h"
#include "views/data_int.h"
#include "views/journal_int.h"
#include "util/utf8.h"
#include "widgets/list.h"
#include "widgets/form.h"
#include "widgets/scale.h"

#define IMPORT_MAX_BYTES ((size_t)512 << 20) /* as 'tend import' */

/* kind 0 lets tend tell the format from the file; kind k is
 * import_formats[k - 1]. */
#define NIMPORT ((int)import_format_count() + 1)

static const char *kind_label(int kind)
{
	return kind ? import_formats[kind - 1].label : "Tell from the file";
}

enum { IM_FORMAT, IM_PATH, IM_CHECK, IM_NROWS };
enum stage { IM_EDIT, IM_READY, IM_PROBLEM };

struct importst {
	int kind;
	enum import_format format; /* the kind's, or what the file was told to be */
	const char *what;          /* what tend took the file for (kind 0), or NULL */
	struct form form;
	struct field path;
	enum stage stage;
	struct buf text; /* the file, wiped when freed */
	struct import_plan plan; /* another app's file, read (plan.in set) */
	struct import_summary sum;
	char problem[700];
	/* Daylio moods of the person's own and the scores given them. */
	char names[MOODMAP_MAX][MOODMAP_NAME];
	int scores[MOODMAP_MAX];
	size_t nnames;
	struct moodmap map;
};

static int im_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	(void)arg;
	struct importst *s = st;
	s->text = (struct buf)BUF_INIT;
	const struct form_row rows[IM_NROWS] = {
		[IM_FORMAT] = {.kind = FORM_CHOICE, .label = "From"},
		[IM_PATH] = {.kind = FORM_FIELD, .label = "File", .field = &s->path, .submits = true},
		[IM_CHECK] = {.kind = FORM_BUTTON, .label = "[ Check the file ]"},
	};
	form_init(&s->form, rows, IM_NROWS, IM_PATH);
	return field_init(&s->path, false, NULL, NULL);
}

static void im_leave(struct ctx *c, void *st)
{
	(void)c;
	struct importst *s = st;
	field_free(&s->path);
	buf_free(&s->text);
	import_plan_free(&s->plan);
	mem_wipe(s->names, sizeof(s->names));
}

static void day_of(int64_t t, char out[16])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm))
		snprintf(out, 16, "?");
}

static void summary_text(const struct import_summary *m, char *out, size_t size)
{
	int n = snprintf(out, size, "Would add **%zu entr%s** and **%zu check-in%s**",
	                 m->entries, m->entries == 1 ? "y" : "ies", m->checkins,
	                 m->checkins == 1 ? "" : "s");
	if (m->triggers || m->others)
		n = snprintf(out, size,
		             "Would add **%zu entr%s**, **%zu check-in%s**, **%zu trigger log%s** and "
		             "%zu other record%s (tags, versions, lists, settings)",
		             m->entries, m->entries == 1 ? "y" : "ies", m->checkins,
		             m->checkins == 1 ? "" : "s", m->triggers, m->triggers == 1 ? "" : "s",
		             m->others, m->others == 1 ? "" : "s");
	if (m->duplicates && n > 0 && (size_t)n < size)
		n += snprintf(out + n, size - (size_t)n, "; %zu already in your vault, skipped",
		              m->duplicates);
	if (m->dated && n > 0 && (size_t)n < size) {
		char a[16], b[16];
		day_of(m->first, a);
		day_of(m->last, b);
		n += snprintf(out + n, size - (size_t)n, ", from %s to %s", a, b);
	}
	if (n > 0 && (size_t)n < size)
		n += snprintf(out + n, size - (size_t)n, ".");
	/* what was changed or left out on the way, as 'tend import' says it */
	if (m->controls && n > 0 && (size_t)n < size)
		n += snprintf(out + n, size - (size_t)n, " %zu control character%s removed.",
		              m->controls, m->controls == 1 ? "" : "s");
	if (m->breaks && n > 0 && (size_t)n < size)
		n += snprintf(out + n, size - (size_t)n, " %zu line break%s in titles or tags made "
		              "spaces.", m->breaks, m->breaks == 1 ? "" : "s");
	if (m->dst && n > 0 && (size_t)n < size)
		n += snprintf(out + n, size - (size_t)n, " %zu time%s in a daylight-saving change, "
		              "kept as written.", m->dst, m->dst == 1 ? "" : "s");
	if ((m->photos || m->places || m->empty) && n > 0 && (size_t)n < size)
		snprintf(out + n, size - (size_t)n, " Left out: %zu photo%s or other media, %zu "
		         "place%s.", m->photos, m->photos == 1 ? "" : "s", m->places,
		         m->places == 1 ? "" : "s");
}

static void im_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct importst *s = st;
	int w = cols - 4;
	int y = view_title(cols, "Import from another app");
	if (s->stage != IM_EDIT) {
		ui_puts(y++, 2, w, ROLE_STRONG, s->path.buf);
		y++;
		if (s->stage == IM_PROBLEM) {
			ui_puts(y++, 2, w, ROLE_WARN, "This file cannot be imported as it is:");
			y += view_markdown(y, 2, w, rows - y - 4, 0, s->problem) + 1;
			char keys[120];
			snprintf(keys, sizeof(keys),
			         "Nothing was imported. **%s** goes back to the file; **%s** leaves.",
			         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
			view_markdown(y, 2, w, 3, 0, keys);
			return;
		}
		char line[400];
		if (s->what) {
			snprintf(line, sizeof(line), "Read as %s.", s->what);
			y += view_markdown(y, 2, w, 2, 0, line);
		}
		summary_text(&s->sum, line, sizeof(line));
		y += view_markdown(y, 2, w, 5, 0, line) + 1;
		if (s->nnames) {
			int n = snprintf(line, sizeof(line), "Your moods on tend's scale:");
			for (size_t i = 0; i < s->nnames && n > 0 && (size_t)n < sizeof(line); i++)
				n += snprintf(line + n, sizeof(line) - (size_t)n, "%s %.*s %d", i ? "," : "",
				              (int)utf8_cut(s->names[i], 40), s->names[i], s->scores[i]);
			y += 1 + view_markdown(y, 2, w, 2, 0, line);
		}
		y += view_markdown(y, 2, w, 3, 0,
		                   "It comes in all at once or not at all; anything already in your "
		                   "vault is skipped.") +
		     1;
		snprintf(line, sizeof(line), "**%s** imports it. **%s** leaves without importing anything.",
		         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
		view_markdown(y, 2, w, 3, 0, line);
		return;
	}
	y += view_markdown(y, 2, w, 4, 0,
	                   "Choose the app, then type where its export file is, such as "
	                   "`~/Downloads/journal.json`. tend reads it and shows what would come "
	                   "in; nothing is added until you say so.") +
	     1;
	s->form.rows[IM_FORMAT].choice = kind_label(s->kind);
	y = form_draw(&s->form, y, w);
	if (y + 1 < rows)
		data_draw_keys(rows - 1, w, "change the app", false);
}

/* Keeps the scores given so far; new names start unset. */
static void add_unknown(struct importst *s, const struct buf *unknown)
{
	const char *p = buf_str(unknown);
	while (*p && s->nnames < MOODMAP_MAX) {
		size_t k = strcspn(p, "\n");
		bool known = false;
		for (size_t i = 0; i < s->nnames; i++)
			known |= strlen(s->names[i]) == k && strncmp(s->names[i], p, k) == 0;
		if (!known && k < MOODMAP_NAME) {
			memcpy(s->names[s->nnames], p, k);
			s->names[s->nnames][k] = '\0';
			s->scores[s->nnames++] = -1;
		}
		p += k + (p[k] == '\n');
	}
}

/* tend's own export is merged from its text; another app's file is its
 * plan, with the scores given so far. */
static int run_import(struct vault *v, struct importst *s, const struct import_opts *o,
                      struct import_summary *sum, struct error *e)
{
	if (!s->plan.in)
		return import_run(v, s->text.data, s->text.len, o, sum, e);
	for (size_t i = 0; i < o->nmoods; i++)
		import_plan_score(&s->plan, o->moods[i].name, o->moods[i].score);
	return import_apply(v, &s->plan, o->dry_run, sum, e);
}

static void dry_run(struct ctx *c, struct importst *s, bool *ask_moods);

/* The scores were given: the same file's dry run again, with them. */

/* Reads the file (again) and does the dry run. */
/* The options for an import of the file, with the moods scored so far. */
static struct import_opts opts_for(const struct importst *s, struct mood_name *moods)
{
	struct import_opts o = {.format = s->format, .moods = moods};
	for (size_t i = 0; i < s->nnames; i++)
		if (s->scores[i] >= 0)
			moods[o.nmoods++] = (struct mood_name){s->names[i], s->scores[i]};
	return o;
}

/* The dry run on the file already read; *ask_moods when Daylio moods are
 * still without a score. */
static void dry_run(struct ctx *c, struct importst *s, bool *ask_moods)
{
	*ask_moods = false;
	struct buf unknown = BUF_INIT;
	struct error e = {0};
	struct mood_name moods[MOODMAP_MAX];
	struct import_opts o = opts_for(s, moods);
	o.dry_run = true;
	o.unknown = &unknown;
	int rc = run_import(c->ses->vault, s, &o, &s->sum, &e);
	s->stage = rc ? IM_PROBLEM : IM_READY;
	for (size_t i = 0; rc && i < s->plan.nunknown; i++)
		if (s->plan.unknown[i].score < 0)
			buf_printf(&unknown, "%s\n", s->plan.unknown[i].name);
	if (rc) {
		snprintf(s->problem, sizeof(s->problem), "%s", e.msg);
		if (unknown.len) {
			size_t before = s->nnames;
			add_unknown(s, &unknown);
			*ask_moods = s->nnames > before || o.nmoods < s->nnames;
		}
	}
	buf_free(&unknown);
}

/* Reads the file, then the dry run. */
static void check(struct ctx *c, struct importst *s, bool *ask_moods)
{
	*ask_moods = false;
	buf_free(&s->text);
	import_plan_free(&s->plan);
	struct buf path = BUF_INIT;
	struct error e = {0};
	int rc = data_expand(s->path.buf, &path) ? error_set(&e, E_FAIL, "Out of memory.") : 0;
	if (!rc)
		rc = read_file(buf_str(&path), IMPORT_MAX_BYTES, &s->text, NULL, &e);
	buf_free(&path);
	s->what = NULL;
	if (!rc && s->kind == 0)
		rc = import_detect(s->text.data, s->text.len, &s->format, &s->what, &e);
	else if (!rc)
		s->format = import_formats[s->kind - 1].format;
	if (!rc && import_format_info(s->format)->read) {
		struct import_opts o = {.format = s->format};
		rc = import_read(s->text.data, s->text.len, &o, &s->plan, &e);
		buf_free(&s->text); /* all of it is in the plan now */
	}
	if (rc) {
		snprintf(s->problem, sizeof(s->problem), "%s", e.msg);
		s->stage = IM_PROBLEM;
		return;
	}
	dry_run(c, s, ask_moods);
}

static struct step im_go(struct ctx *c, struct importst *s)
{
	if (!s->path.len) {
		view_note(c, ROLE_STATUS, "%s", "Type where the file is first.");
		return STEP(STEP_REDRAW);
	}
	bool ask;
	check(c, s, &ask);
	if (!ask)
		return STEP(STEP_REDRAW);
	s->map = (struct moodmap){.n = s->nnames, .names = s->names, .scores = s->scores};
	return PUSH(moodmap_view, &s->map);
}

static struct step im_import(struct ctx *c, struct importst *s)
{
	struct error e = {0};
	struct mood_name moods[MOODMAP_MAX];
	struct import_opts o = opts_for(s, moods);
	struct import_summary done;
	if (run_import(c->ses->vault, s, &o, &done, &e)) {
		snprintf(s->problem, sizeof(s->problem), "%s", e.msg);
		s->stage = IM_PROBLEM;
		return STEP(STEP_REDRAW);
	}
	char there[48] = ".";
	if (done.duplicates)
		snprintf(there, sizeof(there), " (%zu there already).", done.duplicates);
	view_note(c, ROLE_STATUS, "Imported %zu entr%s and %zu check-in%s%s", done.entries,
	          done.entries == 1 ? "y" : "ies", done.checkins, done.checkins == 1 ? "" : "s",
	          there);
	c->ses->journal_gen++;
	return STEP(STEP_POP);
}

static struct step im_action(struct ctx *c, void *st, enum action a)
{
	struct importst *s = st;
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if (s->stage == IM_READY)
		return a == ACT_SELECT ? im_import(c, s) : STEP(STEP_NONE);
	if (s->stage == IM_PROBLEM) {
		if (a != ACT_SELECT)
			return STEP(STEP_NONE);
		s->stage = IM_EDIT;
		s->form.focus = IM_PATH;
		buf_free(&s->text);
		return STEP(STEP_REDRAW);
	}
	enum form_answer f = form_action(&s->form, a);
	if (f == FORM_SUBMIT)
		return im_go(c, s);
	if (f == FORM_PREV || f == FORM_NEXT)
		s->kind = (s->kind + (f == FORM_NEXT ? 1 : NIMPORT - 1)) % NIMPORT;
	return f == FORM_NONE ? STEP(STEP_NONE) : STEP(STEP_REDRAW);
}

static struct step im_text(struct ctx *c, void *st, const char *text, size_t len)
{
	(void)c;
	struct importst *s = st;
	if (s->stage != IM_EDIT || !form_text(&s->form, text, len))
		return STEP(STEP_NONE);
	return STEP(STEP_REDRAW);
}

static const struct hint im_hints[] = {
	{ACT_SELECT, "go on"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

/* Back from scoring the moods: the dry run again, with the scores. */
static struct step im_result(struct ctx *c, void *st, const struct view_result *r)
{
	struct importst *s = st;
	if (r->kind != RESULT_SCORES || r->len != s->nnames)
		return STEP(STEP_NONE);
	memcpy(s->scores, r->scores, r->len * sizeof(int));
	bool ask;
	dry_run(c, s, &ask);
	return STEP(STEP_NONE);
}

const struct view_ops import_view = {
	.name = "import",
	.state_size = sizeof(struct importst),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = im_hints,
	.enter = im_enter,
	.leave = im_leave,
	.draw = im_draw,
	.on_action = im_action,
	.on_text = im_text,
	.on_result = im_result,
};

/* ---- scores for moods of the person's own ---- */

struct moodmapst {
	const struct moodmap *m;
	size_t sel, top;
	int scores[MOODMAP_MAX]; /* changed here, kept only on Enter */
	struct scale sc;         /* the selected mood's score, as it is chosen */
};

/* The scale on the selected mood's score (digits typed before a move are
 * not joined to digits after it). */
static void mm_focus(struct moodmapst *s)
{
	scale_init(&s->sc, 0, 10);
	scale_set(&s->sc, s->scores[s->sel]);
}

static int mm_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	struct moodmapst *s = st;
	s->m = arg;
	memcpy(s->scores, s->m->scores, s->m->n * sizeof(int));
	mm_focus(s);
	return 0;
}

static void mm_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct moodmapst *s = st;
	int w = cols - 4;
	int y = view_title(cols, "Scores for your own moods");
	y += view_markdown(y, 2, w, 4, 0,
	                   "This Daylio file has moods tend does not know. Give each a place on "
	                   "tend's scale, from 0 (the hardest) to 10 (the best), the scale of a "
	                   "check-in.") +
	     1;
	int room = rows - y - 3;
	if (room < 1)
		room = 1;
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + (size_t)room)
		s->top = s->sel - (size_t)room + 1;
	int nw = w / 3 < 24 ? w / 3 : 24;
	for (size_t i = s->top; i < s->m->n && y < rows - 3; i++, y++) {
		bool sel = i == s->sel;
		list_fill(y, 2, w, sel);
		ui_puts(y, 4, nw, list_role(sel, ROLE_STRONG), s->m->names[i]);
		int x = 6 + nw;
		if (s->scores[i] < 0) {
			ui_puts(y, x, w - x, list_role(sel, ROLE_MUTED), "not chosen yet");
			continue;
		}
		char words[32];
		snprintf(words, sizeof(words), "%d of 10", s->scores[i]);
		ui_puts(y, x, 9, list_role(sel, ROLE_STRONG), words);
		x += 9;
		for (int v = 0; v <= 10 && x < w; v++) {
			char n[8];
			snprintf(n, sizeof(n), v == s->scores[i] ? "[%d]" : " %d ", v);
			ui_puts(y, x, 4, v == s->scores[i] ? ROLE_STRONG : list_role(sel, ROLE_MUTED),
			        n);
			x += v == 10 ? 4 : 3;
		}
	}
	char keys[240], hint[160];
	scale_hint(&s->sc, hint, sizeof(hint));
	snprintf(keys, sizeof(keys), "%s/%s: a mood. %s", keymap_label(ACT_UP, true),
	         keymap_label(ACT_DOWN, true), hint);
	view_markdown(rows - 2, 2, w, 2, 0, keys);
}

static struct step mm_action(struct ctx *c, void *st, enum action a)
{
	struct moodmapst *s = st;
	if (scale_action(&s->sc, a)) {
		s->scores[s->sel] = s->sc.value;
		return STEP(STEP_REDRAW);
	}
	switch (a) {
	case ACT_BACK:
		return STEP(STEP_POP);
	case ACT_UP:
	case ACT_PREV_FIELD:
		s->sel = s->sel ? s->sel - 1 : s->m->n - 1;
		mm_focus(s);
		return STEP(STEP_REDRAW);
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		s->sel = s->sel + 1 < s->m->n ? s->sel + 1 : 0;
		mm_focus(s);
		return STEP(STEP_REDRAW);
	case ACT_SELECT:
		for (size_t i = 0; i < s->m->n; i++)
			if (s->scores[i] < 0) {
				s->sel = i;
				mm_focus(s);
				view_note(c, ROLE_STATUS, "Give '%.*s' a score first, or leave with Esc.",
				          (int)utf8_cut(s->m->names[i], 60), s->m->names[i]);
				return STEP(STEP_REDRAW);
			}
		return POP_WITH(.kind = RESULT_SCORES, .scores = s->scores, .len = s->m->n);
	default:
		return STEP(STEP_NONE);
	}
}

static struct step mm_text(struct ctx *c, void *st, const char *text, size_t len)
{
	struct moodmapst *s = st;
	if (!scale_text(&s->sc, text, len, c->ses->now_ms))
		return STEP(STEP_NONE);
	s->scores[s->sel] = s->sc.value;
	return STEP(STEP_REDRAW);
}

static const struct hint mm_hints[] = {
	{ACT_SELECT, "check again"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

const struct view_ops moodmap_view = {
	.name = "mood-scores",
	.state_size = sizeof(struct moodmapst),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = mm_hints,
	.enter = mm_enter,
	.draw = mm_draw,
	.on_action = mm_action,
	.on_text = mm_text,
};
