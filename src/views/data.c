/* data.c: "Export, import, a report": the screen that gathers what moves
 * data out of the vault or into it, and the export screen. Export calls
 * the same io/ code as 'tend export' and writes with the same atomic
 * helper, so the file is whole or not there, readable only by its owner
 * (0600). A file already at the path is replaced only after asking. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/stats.h"
#include "io/export.h"
#include "util/fileio.h"
#include "util/path.h"
#include "util/timefmt.h"
#include "views/data_int.h"
#include "views/journal_int.h"
#include "util/utf8.h"
#include "widgets/list.h"
#include "widgets/form.h"
#include "widgets/menu.h"

/* ---- shared by the data screens ---- */

void data_today(char out[16])
{
	struct stamp now = stamp_now(); /* honours TEND_NOW, so tests are stable */
	time_t t = (time_t)(now.t + (int64_t)now.off_min * 60);
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm))
		snprintf(out, 16, "today");
}

long long data_today_day(void)
{
	struct stamp now = stamp_now();
	return (long long)stats_day_of(now.t, now.off_min);
}

int data_expand(const char *typed, struct buf *out)
{
	const char *home = getenv("HOME");
	if (typed[0] == '~' && (typed[1] == '/' || !typed[1]) && home && *home)
		return buf_printf(out, "%s%s", home, typed + 1);
	return buf_puts(out, typed);
}

bool data_exists(const char *path, bool *folder)
{
	struct stat st;
	*folder = false;
	if (lstat(path, &st) != 0)
		return false;
	*folder = S_ISDIR(st.st_mode);
	return true;
}

void data_set_ext(struct field *f, const char *old_ext, const char *new_ext)
{
	size_t lo = strlen(old_ext);
	if (f->len <= lo + 1 || f->buf[f->len - lo - 1] != '.' ||
	    strcmp(f->buf + f->len - lo, old_ext) != 0)
		return; /* a name of the person's own: left as it is */
	f->cursor = f->len;
	for (size_t i = 0; i < lo; i++)
		field_action(f, ACT_ERASE);
	field_insert(f, new_ext, strlen(new_ext));
}

void data_draw_keys(int y, int w, const char *what, bool scroll)
{
	char line[200];
	int n = snprintf(line, sizeof(line), "%s/%s: move · %s/%s: %s",
	                 keymap_label(ACT_UP, true), keymap_label(ACT_DOWN, true),
	                 keymap_label(ACT_LEFT, true), keymap_label(ACT_RIGHT, true), what);
	if (scroll && n > 0 && (size_t)n < sizeof(line))
		snprintf(line + n, sizeof(line) - (size_t)n, " · %s/%s: scroll",
		         keymap_label(ACT_PGUP, true), keymap_label(ACT_PGDN, true));
	view_markdown(y, 2, w, 1, 0, line);
}

void data_draw_back(int y, int w)
{
	char line[80];
	snprintf(line, sizeof(line), "**%s** or **%s** goes back.", keymap_label(ACT_SELECT, true),
	         keymap_label(ACT_BACK, true));
	view_markdown(y, 2, w, 2, 0, line);
}

/* ---- the menu ---- */

struct datamenu {
	struct menu m;
};

static const struct {
	const char *title, *about;
	const struct view_ops *view;
} data_items[] = {
	{"Export everything",
	 "A copy of the whole vault in one file, to keep or to move to another computer.",
	 &export_view},
	{"Import from another app",
	 "Entries and moods from jrnl, Daylio or tui-journal. You see what would come in first.",
	 &import_view},
	{"A report for a session",
	 "Mood, triggers, what helped, and only the entries you pick, to take to a therapist.",
	 &report_view},
};
#define NDATA (sizeof(data_items) / sizeof(data_items[0]))

static int dm_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	(void)arg;
	((struct datamenu *)st)->m.n = NDATA;
	return 0;
}

static void dm_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct datamenu *s = st;
	int y = view_title(cols, "Export, import, a report");
	int w = cols - 4;
	y += view_markdown(y, 2, w, 3, 0,
	                   "Nothing leaves the vault unless you choose it here, and you see what "
	                   "goes before anything is written.") +
	     1;
	for (size_t i = 0; i < NDATA && y < rows; i++) {
		bool sel = i == s->m.sel;
		list_fill(y, 2, w, sel);
		ui_puts(y, 4, w - 4, list_role(sel, ROLE_STRONG), data_items[i].title);
		int n = view_markdown(y + 1, 4, w - 4, rows - y - 1 > 2 ? 2 : rows - y - 1, 0,
		                      data_items[i].about);
		y += 2 + (n < 2 ? n : 2);
	}
}

static struct step dm_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct datamenu *s = st;
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	if (a == ACT_SELECT)
		return (struct step){.kind = STEP_PUSH, .view = data_items[s->m.sel].view};
	return STEP(STEP_NONE);
}

static const struct hint dm_hints[] = {
	{ACT_SELECT, "open"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops data_view = {
	.name = "data",
	.state_size = sizeof(struct datamenu),
	.flags = VIEW_NEEDS_VAULT,
	.hints = dm_hints,
	.enter = dm_enter,
	.draw = dm_draw,
	.on_action = dm_action,
};

enum data_target data_target(const char *vault_dir, const char *why, const char *typed,
                             const char *what, const char *example, struct buf *full,
                             char *problem, size_t psize, char *question, size_t qsize)
{
	buf_clear(full);
	if (!*typed) {
		snprintf(problem, psize, "Type where the %s should go first.", what);
		return DATA_PROBLEM;
	}
	if (data_expand(typed, full)) {
		snprintf(problem, psize, "%s", "Out of memory.");
		return DATA_PROBLEM;
	}
	/* Before anything is asked: never beside the vault, or over it. */
	char the[64];
	struct error e;
	snprintf(the, sizeof(the), "the %s", what);
	if (vault_dir && path_refuse_inside(vault_dir, buf_str(full), the, why, &e)) {
		snprintf(problem, psize, "%s", e.msg);
		return DATA_PROBLEM;
	}
	bool folder;
	if (!data_exists(buf_str(full), &folder))
		return DATA_WRITE;
	if (folder) {
		int n = (int)utf8_cut(typed, 200);
		snprintf(problem, psize, "%.*s is a folder. Add a file name after it, such as "
		                         "%.*s/%s.",
		         n, typed, n, typed, example);
		return DATA_PROBLEM;
	}
	snprintf(question, qsize, "There is a file at %.*s already. Replacing it cannot be undone.",
	         (int)utf8_cut(typed, 300), typed);
	return DATA_ASK;
}

struct step data_go(struct ctx *c, enum data_target t, struct confirm *q, const char *question,
                    struct step (*write)(struct ctx *c, void *data), void *data)
{
	switch (t) {
	case DATA_PROBLEM:
		return STEP(STEP_REDRAW);
	case DATA_ASK:
		*q = (struct confirm){.title = "Replace the file?", .message = question,
		                      .yes = "Replace it", .no = "Keep it", .yes_is_risky = true,
		                      .on_yes = write, .data = data};
		return PUSH(confirm_view, q);
	case DATA_WRITE:
		break;
	}
	return write(c, data);
}

/* ---- export ---- */

/* The formats, as 'tend export --format' names them. Another format is
 * one line here once io/export.h has its writer. */
static const struct {
	const char *name, *label, *ext;
	enum export_format format;
} export_kinds[] = {
	{"json", "JSON (all of it; tend reads it back)", "json", EXPORT_JSON},
	{"md", "Markdown (a diary to read)", "md", EXPORT_MD},
	{"csv", "CSV (check-ins and trigger logs)", "csv", EXPORT_CSV},
	{"jrnl", "jrnl's journal file (entries; jrnl --import reads it)", "txt", EXPORT_JRNL},
};
#define NKINDS ((int)(sizeof(export_kinds) / sizeof(export_kinds[0])))

enum { EX_FORMAT, EX_PATH, EX_WRITE, EX_NROWS };

struct exportst {
	int kind;
	struct form form;
	struct field path;
	char problem[600];  /* the last try's problem, shown until the next */
	bool written;
	char done[700];     /* where it went */
	struct buf full;    /* the path as it will be written */
	struct confirm q;
	char question[700];
};

static int ex_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	(void)arg;
	struct exportst *s = st;
	s->full = (struct buf)BUF_INIT;
	const struct form_row rows[EX_NROWS] = {
		[EX_FORMAT] = {.kind = FORM_CHOICE, .label = "Format"},
		[EX_PATH] = {.kind = FORM_FIELD, .label = "Save to", .field = &s->path, .submits = true},
		[EX_WRITE] = {.kind = FORM_BUTTON, .label = "[ Write the file ]"},
	};
	form_init(&s->form, rows, EX_NROWS, EX_PATH);
	if (field_init(&s->path, false, NULL, NULL))
		return -1;
	char today[16], name[64];
	data_today(today);
	snprintf(name, sizeof(name), "~/tend-export-%s.%s", today, export_kinds[0].ext);
	return field_insert(&s->path, name, strlen(name));
}

static void ex_leave(struct ctx *c, void *st)
{
	(void)c;
	struct exportst *s = st;
	field_free(&s->path);
	buf_free(&s->full);
}

static void ex_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct exportst *s = st;
	int w = cols - 4;
	int y = view_title(cols, "Export everything");
	if (s->written) {
		y += view_markdown(y, 2, w, rows - y - 4, 0, s->done) + 1;
		data_draw_back(y, w);
		return;
	}
	y += view_markdown(y, 2, w, 3, 0,
	                   "Every entry and its versions, check-ins, trigger logs, your lists, the "
	                   "path, the safety plan and homework, in one file.") +
	     1;
	s->form.rows[EX_FORMAT].choice = export_kinds[s->kind].label;
	y = form_draw(&s->form, y, w) + 1;
	int left = rows - y - 2;
	if (*s->problem && left > 0) {
		ui_puts(y, 2, w, ROLE_WARN, "Nothing was written:");
		y += 1 + view_markdown(y + 1, 2, w, left - 1 < 3 ? left - 1 : 3, 0, s->problem);
		y++;
	}
	y += view_markdown(y, 2, w, rows - y - 2, 0, DATA_NOT_ENCRYPTED);
	if (y < rows - 1)
		data_draw_keys(rows - 1 - (rows - y > 2 ? 1 : 0), w, "change the format", false);
}

static struct step ex_write(struct ctx *c, void *data)
{
	struct exportst *s = data;
	struct error e = {0};
	size_t len = 0;
	if (export_write(c->ses->vault, export_kinds[s->kind].format, buf_str(&s->full), &len, &e)) {
		snprintf(s->problem, sizeof(s->problem), "%s", e.msg);
		return STEP(STEP_REDRAW);
	}
	s->problem[0] = '\0';
	s->written = true;
	snprintf(s->done, sizeof(s->done),
	         "Written: `%s` (%zu KB), as %s, readable only by you on this computer.\n\n%s",
	         s->path.buf, (len + 1023) / 1024, export_kinds[s->kind].name,
	         DATA_NOT_ENCRYPTED);
	view_note(c, ROLE_STATUS, "%s", "Exported. The file is not encrypted.");
	return STEP(STEP_REDRAW);
}

static struct step ex_try(struct ctx *c, struct exportst *s)
{
	s->problem[0] = '\0';
	char example[32];
	snprintf(example, sizeof(example), "tend-export.%s", export_kinds[s->kind].ext);
	enum data_target t = data_target(c->set->data_dir, EXPORT_INSIDE_VAULT, s->path.buf, "export",
	                                 example, &s->full, s->problem, sizeof(s->problem),
	                                 s->question, sizeof(s->question));
	return data_go(c, t, &s->q, s->question, ex_write, s);
}

static struct step ex_action(struct ctx *c, void *st, enum action a)
{
	struct exportst *s = st;
	if (s->written)
		return a == ACT_BACK || a == ACT_SELECT ? STEP(STEP_POP) : STEP(STEP_NONE);
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	enum form_answer f = form_action(&s->form, a);
	if (f == FORM_SUBMIT)
		return ex_try(c, s);
	if (f == FORM_PREV || f == FORM_NEXT) {
		int k = (s->kind + (f == FORM_NEXT ? 1 : NKINDS - 1)) % NKINDS;
		data_set_ext(&s->path, export_kinds[s->kind].ext, export_kinds[k].ext);
		s->kind = k;
	}
	return f == FORM_NONE ? STEP(STEP_NONE) : STEP(STEP_REDRAW);
}

static struct step ex_text(struct ctx *c, void *st, const char *text, size_t len)
{
	(void)c;
	struct exportst *s = st;
	if (s->written || !form_text(&s->form, text, len))
		return STEP(STEP_NONE);
	return STEP(STEP_REDRAW);
}

static const struct hint ex_hints[] = {
	{ACT_SELECT, "write"},
	{ACT_BACK, "leave"},
	{ACT_NONE, NULL},
};

const struct view_ops export_view = {
	.name = "export",
	.state_size = sizeof(struct exportst),
	.flags = VIEW_NEEDS_VAULT | VIEW_TAKES_TEXT,
	.hints = ex_hints,
	.enter = ex_enter,
	.leave = ex_leave,
	.draw = ex_draw,
	.on_action = ex_action,
	.on_text = ex_text,
};
