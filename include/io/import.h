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

/* The formats tend reads: one table for --format, the usage text, the
 * import screen and telling a file's format from what is in it. */
struct import_format_info {
	enum import_format format;
	const char *name;  /* as --format takes it: "jrnl" */
	const char *label; /* for a person: "jrnl (its journal file or JSON export)" */
};
extern const struct import_format_info import_formats[]; /* ends with name NULL */
#define IMPORT_NFORMATS 5
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

/* Reads another app's export (jrnl or tui-journal JSON, Daylio CSV) and
 * adds it to v, which may be in use: all or nothing, in one transaction,
 * with what the vault held already skipped (see store/merge.h). Text that
 * is not UTF-8 (after converting from o->encoding) or holds a NUL is
 * refused; other control characters are removed and counted, and a line
 * break in a title becomes a space. A problem names its line (CSV, and
 * any file that is not UTF-8) or entry (JSON) and changes nothing. A dry run counts exactly
 * what a real one would add and skip, then rolls back. With v NULL the file
 * is only checked and counted, as if the vault were empty. */
int import_foreign(struct vault *v, const char *text, size_t len, const struct import_opts *o,
                   struct import_summary *sum, struct error *e);

/* import_tend_json or import_foreign, as o->format says. When the file
 * does not read as that format but is another one tend knows, the problem
 * ends by naming it: "It looks like a Daylio export: try --format daylio." */
int import_run(struct vault *v, const char *text, size_t len, const struct import_opts *o,
               struct import_summary *sum, struct error *e);

#endif
