/* import.h: reading data into the vault. All or nothing: a file with any
 * problem changes nothing, and the problem is named. */
#ifndef TEND_IO_IMPORT_H
#define TEND_IO_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/vault.h"
#include "util/buf.h"
#include "util/error.h"

#define IMPORT_MAX_TABLES 16

struct import_summary {
	size_t rows[IMPORT_MAX_TABLES]; /* tend-json: per dump_tables[i] */
	size_t total;
	/* tend-json into a vault in use: merged is set, added[i] counts the
	 * rows of dump_tables[i] added (the others were there already), kept
	 * the settings the vault holds with another value (the vault's stay). */
	bool merged;
	size_t added[IMPORT_MAX_TABLES];
	size_t added_total, kept;
	size_t entries, checkins, duplicates; /* added, and skipped as there already */
	size_t triggers, others; /* tend-json: trigger logs and other rows added */
	/* entries' and check-ins' times (Unix seconds), when dated is set
	 * (times before 1970 are below 0) */
	bool dated;
	int64_t first, last;
	/* Other apps' files: control characters removed from the text, and
	 * titles or tags whose line breaks became spaces. */
	size_t controls, breaks;
	/* Times that fell in a daylight-saving change (a gap or an overlap),
	 * kept as the clock showed them. */
	size_t dst;
	/* Day One: photos (and other media) and places left out, entries
	 * with nothing but those (not added). */
	size_t photos, places, empty;
};

/* Reads tend's own JSON export (docs/export-format.md) from text. The
 * whole file is checked first and counted into sum. Into a new vault
 * (nothing of the person's in it yet) it goes in as it is, ids and all, in
 * place of the starting toolbox and categories; with dry_run nothing more
 * happens. Into a vault in use it is merged: what the vault has already is
 * skipped (store_merge_row's rules), the rest added, all or nothing in one
 * transaction; a dry run does the whole merge, counts it, and rolls back.
 * With v NULL the file is only checked and counted. */
int import_tend_json(struct vault *v, const char *text, size_t len, bool dry_run,
                     struct import_summary *sum, struct error *e);

enum import_format { IMPORT_TEND_JSON, IMPORT_JRNL, IMPORT_DAYLIO, IMPORT_TUI_JOURNAL, IMPORT_DAY_ONE };

/* A file as detection sees it: its text (no byte order mark) and, when
 * it is JSON, the document, parsed once for every row's detect. */
struct import_sniff {
	const char *text;
	size_t len;
	size_t start;    /* where the text begins after space */
	bool looks_json; /* it begins with "{", or "[" that is no jrnl date */
	void *json;      /* then the document (a json_t), or NULL if it is not JSON */
};

struct import_reader; /* io/foreign.c: a file being read into a plan */

/* The formats tend reads, one row each: the table feeds --format, the
 * usage text, the import screen's choices and telling a file's format
 * from what is in it (the rows are tried in order). A new format is a new
 * row. */
struct import_format_info {
	enum import_format format;
	const char *name;  /* as --format takes it: "jrnl" */
	const char *label; /* for a person: "jrnl (its journal file or JSON export)" */
	/* How to say what the file was taken for ("a jrnl JSON export"), or
	 * NULL when it is not this format. */
	const char *(*detect)(const struct import_sniff *s);
	/* Reads the whole (UTF-8) text into records; NULL for tend's own
	 * export, which is not records but the vault's tables. */
	int (*read)(struct import_reader *r, const char *text, size_t len, struct error *e);
};
extern const struct import_format_info import_formats[]; /* ends with name NULL */
size_t import_format_count(void); /* the rows of import_formats[] */
const struct import_format_info *import_format_info(enum import_format f);
/* A name as --format takes it; -1 for another name. */
int import_format_parse(const char *name, enum import_format *out);
/* The names, "tend-json, jrnl, ... or day-one" (sep ", " and last " or "),
 * or "tend-json|jrnl|..." with sep "|" and last "|". */
void import_format_names(char *out, size_t size, const char *sep, const char *last);

/* text converted from encoding (as iconv names it) to UTF-8, appended to
 * out (a wiping buffer); a problem names the line. */
int import_convert(const char *encoding, const char *text, size_t len, struct buf *out,
                   struct error *e);

/* What the file is, from what is in it: *out its format and *what how to
 * say it ("jrnl's journal file"). JSON that is no other app's export is
 * taken for tend's own (whose reader says what is wrong with it). -1 with
 * e saying so when it is none tend reads. */
int import_detect(const char *text, size_t len, enum import_format *out, const char **what,
                  struct error *e);

/* A Daylio mood name and its score on tend's 0..10 scale. */
struct mood_name {
	const char *name;
	int score;
};

struct import_opts {
	enum import_format format;
	bool dry_run;            /* check and count, then change nothing */
	const struct mood_name *moods; /* Daylio: custom moods (and overrides) */
	size_t nmoods;
	/* Daylio: when not NULL, each mood name with no score is appended
	 * here once, one to a line, so a screen can ask for its score (the
	 * import still fails, naming them). */
	struct buf *unknown;
	/* The file's character encoding as iconv names it ("latin1",
	 * "windows-1252", "utf-16"); NULL for UTF-8, which is checked. */
	const char *encoding;
};

/* Another app's file, read and checked whole, ready to be applied to a
 * vault as often as wanted (a dry run, then for real) without reading the
 * file again. */
struct import_unknown {
	const char *name; /* a Daylio mood with no score */
	size_t line;      /* the first line it is on */
	int score;        /* -1 until import_plan_score gives one */
};
enum import_warning_kind { IMPORT_W_CONTROL, IMPORT_W_BREAK, IMPORT_W_DST };
struct import_warning {
	enum import_warning_kind kind;
	size_t where; /* a line (by_line) or an entry's number */
};
#define IMPORT_MAX_WARNINGS 20
struct import_plan {
	enum import_format format;
	size_t nrecords;
	bool by_line; /* places are lines of the file, or entries' numbers */
	struct import_unknown *unknown;
	size_t nunknown;
	/* The first IMPORT_MAX_WARNINGS places where the text was changed
	 * (a control character removed, a line break made a space) or a time
	 * fell in a daylight-saving change; the counts have them all. */
	struct import_warning warnings[IMPORT_MAX_WARNINGS];
	size_t nwarnings;
	size_t controls, breaks, dst;
	/* Day One: left out (photos and other media, places), and entries
	 * with nothing else, which are not records. */
	size_t photos, places, empty;
	struct import_reader *in; /* the records and their words */
};

/* Reads another app's export (jrnl or tui-journal JSON, jrnl's text,
 * Daylio CSV, Day One JSON) into p, changing nothing. Text that is not
 * UTF-8 (after converting from o->encoding) or holds a NUL is refused;
 * other control characters are removed and counted, and a line break in a
 * title becomes a space. A problem names its line (CSV, and any file that
 * is not UTF-8) or entry (JSON). Daylio moods with no score do not fail the
 * read: they are p->unknown (and appended to o->unknown when it is set).
 * The plan holds the person's words: import_plan_free wipes them. */
int import_read(const char *text, size_t len, const struct import_opts *o, struct import_plan *p,
                struct error *e);
/* Gives the unknown mood name (any case) a score, on every record with it. */
void import_plan_score(struct import_plan *p, const char *name, int score);
/* Adds the plan to v, which may be in use: all or nothing, in one
 * transaction, with what the vault held already skipped (see
 * store/merge.h). A mood still without a score refuses the import
 * (E_USAGE, naming them). A dry run counts exactly what a real one would
 * add and skip, then rolls back. With v NULL it is only counted, as if the
 * vault were empty. */
int import_apply(struct vault *v, const struct import_plan *p, bool dry_run,
                 struct import_summary *sum, struct error *e);
void import_plan_free(struct import_plan *p);

/* import_read then import_apply (o->dry_run), in one. */
int import_foreign(struct vault *v, const char *text, size_t len, const struct import_opts *o,
                   struct import_summary *sum, struct error *e);

/* import_tend_json or import_foreign, as o->format says. When the file
 * does not read as that format but is another one tend knows, the problem
 * ends by naming it: "It looks like a Daylio export: try --format daylio." */
int import_run(struct vault *v, const char *text, size_t len, const struct import_opts *o,
               struct import_summary *sum, struct error *e);

#endif
