/* report.h: a session report for the person to take to (or send to) a
 * therapist: what their check-ins, trigger logs and coping showed over a
 * date range, in Markdown or one self-contained HTML file.
 *
 * Built in memory only (a wiping struct buf); writing it anywhere, or
 * sealing it first (crypto/seal.h), is the caller's choice. Free text
 * (entry bodies, notes, what happened in a trigger) is never in a report
 * unless the person names each entry: only REPORT_ENTRIES prints text, and
 * only of the entries handed in.
 *
 * report_render is pure: the same report_data gives the same bytes, so it
 * is tested against golden files with a fixed data set. */
#ifndef TEND_IO_REPORT_H
#define TEND_IO_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/stats.h"
#include "crypto/seal.h"
#include "store/entries.h"
#include "store/insights.h"
#include "store/vault.h"
#include "util/buf.h"
#include "util/error.h"

/* X(ENUM, name for --include, heading). The order here is the order in a
 * report. A new section is one line here, a count in report_preview and a
 * renderer pair in report.c. */
#define REPORT_SECTIONS(X) \
	X(MOOD, "mood", "Mood over time") \
	X(TRIGGERS, "triggers", "Distress before and after") \
	X(COPING, "coping", "What helped") \
	X(PATH, "path", "The healing path") \
	X(HOMEWORK, "homework", "Homework from the therapist") \
	X(ENTRIES, "entries", "Journal entries chosen for this report")

enum report_section {
#define REPORT_ENUM(e, name, title) REPORT_##e,
	REPORT_SECTIONS(REPORT_ENUM)
#undef REPORT_ENUM
	REPORT_NSECTIONS
};

#define REPORT_BIT(s) (1u << (s))
#define REPORT_DEFAULT \
	(REPORT_BIT(REPORT_MOOD) | REPORT_BIT(REPORT_TRIGGERS) | REPORT_BIT(REPORT_COPING) | \
	 REPORT_BIT(REPORT_PATH))

enum report_format { REPORT_MD, REPORT_HTML };

/* The summary at the top names this many of the lowest days. */
#define REPORT_LOW_DAYS 3

/* Mood trends go per day up to this many days, per week beyond. */
#define REPORT_DAILY_MAX 31

struct report_module {
	const char *title;
	const char *status; /* "not started", "exploring"... */
};

/* A homework pack's items as the report shows them (store/homework.h,
 * content/homework.h). An answer's text is the person's own words; it is
 * in the report only when the homework section is asked for. */
/* One time a measure was answered: the day, its score, and the band the
 * pack puts it in (for the clinician; NULL when the pack gives none). */
struct report_measure {
	char date[11];
	double total;
	const char *band;
};

/* A number given for a scale item, and the day it was given. */
struct report_score {
	char date[11];
	int score;
};

struct report_hw_item {
	const char *heading;
	const char *what;   /* homework_describe: "Paced breathing, 3 times" */
	const char *status; /* homework_status: "2 of 3 times", "not yet" */
	const char *answer; /* an answer item's latest answer, or NULL */
	/* A measure: every time it was answered, oldest first. */
	const struct report_measure *admins;
	size_t nadmins;
	bool mean; /* the score is a mean, not a sum */
	/* A scale: the numbers given, oldest first; scores_more when older
	 * ones were left out (at most HWPACK_SCORES_MAX are read). */
	const struct report_score *scores;
	size_t nscores;
	bool scores_more;
	bool done;          /* done as many times as asked */
};

struct report_hw_pack {
	const char *title, *from, *assigned;
	const char *due; /* NULL when the pack has none */
	const struct report_hw_item *items;
	size_t nitems;
};

struct report_data {
	int64_t from_day, to_day; /* local day numbers (core/stats.h), inclusive */
	int64_t made_day;         /* the local day the report was made */
	unsigned sections;        /* REPORT_BIT()s */
	/* Every record; the report keeps those on a local day in the range. */
	const struct mood_point *moods;
	size_t nmoods;
	const struct trigger_point *triggers;
	size_t ntriggers;
	const struct trigger_point *helps; /* as struct insight_data's */
	const unsigned char *help_own_words; /* per help, or NULL: see insights.h */
	size_t nhelps;
	const struct report_module *modules;
	size_t nmodules;
	/* The entries the person named, in their order (any date). */
	const struct entry *entries;
	size_t nentries;
	/* Every homework pack, as imported (progress is all-time). */
	const struct report_hw_pack *packs;
	size_t npacks;
};

/* "mood,coping" into bits. E_USAGE naming the word that is not a section,
 * or for an empty list. */
int report_sections_parse(const char *list, unsigned *out, struct error *e);
const char *report_section_name(enum report_section s);
const char *report_section_title(enum report_section s);

/* "YYYY-MM-DD" (a real calendar day) into a day number. E_USAGE otherwise. */
int report_parse_day(const char *s, int64_t *day, struct error *e);

/* The report, appended to out. */
int report_render(const struct report_data *d, enum report_format f, struct buf *out,
                  struct error *e);

/* What tend report and the report screen write: the report as it is, or
 * with seal_pk (a therapist's public key) sealed for that key and signed
 * with the vault's own signing key (made and kept in the vault the first
 * time), the plain text held only in wiped memory on the way
 * (crypto/seal.h). */
#define REPORT_PK_BYTES SEAL_PK_BYTES
int report_output(struct vault *v, const struct report_data *d, enum report_format f,
                  const uint8_t *seal_pk, struct buf *out, struct error *e);
/* The fingerprint a therapist sees when opening this vault's sealed
 * reports (made, as above, when the vault has no signing key yet). */
int report_fingerprint(struct vault *v, char out[SEAL_FPR_TEXT_MAX], struct error *e);
/* A public key as 'tend keygen' prints it ("tendpk1:..."); E_USAGE with
 * what is wrong with it. */
int report_pk_parse(const char *text, uint8_t pk[REPORT_PK_BYTES], struct error *e);
/* pk written back as that line, in its one spelling. */
#define REPORT_PK_TEXT_MAX SEAL_PK_TEXT_MAX
void report_pk_format(const uint8_t pk[REPORT_PK_BYTES], char out[REPORT_PK_TEXT_MAX]);
/* What a report of d would hold, as plain lines for a terminal: the date
 * range, each section with its counts, the chosen entries by date and
 * title. Nothing from the records' free text. */
int report_preview(const struct report_data *d, struct buf *out, struct error *e);

/* What report_data points at, read from the vault (report_build_load):
 * insights_load's records and the named entries. */
struct report_source {
	struct insight_data ins;
	struct entry *entries;
	size_t nentries;
};

#define REPORT_MAX_MODULES 16

/* One report, read and assembled: what the CLI (tend report) and the
 * report screen both build, so a preview on either shows the same thing.
 * The healing path's modules come in content order with the status the
 * person set on the Path screen (the vault's settings), only when
 * which holds REPORT_PATH; the homework packs only when it holds
 * REPORT_HOMEWORK. d points into the rest. */
struct report_hw_build;
struct report_build {
	struct report_source src;
	struct report_hw_build *hw; /* the packs' parsed text and progress */
	struct report_hw_pack *packs;
	char titles[REPORT_MAX_MODULES][128];
	char status[REPORT_MAX_MODULES][32];
	struct report_module modules[REPORT_MAX_MODULES];
	struct report_data d;
};
int report_build_load(struct vault *v, int64_t from_day, int64_t to_day, unsigned which,
                      const int64_t *ids, size_t nids, struct report_build *b, struct error *e);
void report_build_free(struct report_build *b);

#endif
