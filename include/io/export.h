/* export.h: the vault written out for the person to keep or move. What
 * comes out is NOT encrypted; callers say so before writing it. */
#ifndef TEND_IO_EXPORT_H
#define TEND_IO_EXPORT_H

#include "store/vault.h"
#include "util/buf.h"
#include "util/error.h"

/* The format's name and version, in every JSON export (docs/export-format.md). */
#define EXPORT_FORMAT "tend-export"
#define EXPORT_VERSION 2

/* Everything in the vault as JSON, appended to out (a wiping buffer):
 * every table's rows as objects keyed by column name, one row a line. */
int export_json(struct vault *v, struct buf *out, struct error *e);
/* The same, handed to sink piece by piece as it is read, so memory stays
 * small however large the vault. A sink returns 0, or -1 with e set; its
 * pieces are private text and live only during the call. */
typedef int (*export_sink)(const char *p, size_t n, void *arg, struct error *e);
int export_json_to(struct vault *v, export_sink sink, void *arg, struct error *e);

/* Looks at every text the JSON export would write and appends to places
 * ("entries 7 (body), moods 3 (tags)", by table, id and column; at most
 * 20 named) each one it would refuse: text that is not UTF-8. *nbad gets
 * how many there are in all. */
int export_check(struct vault *v, struct buf *places, size_t *nbad, struct error *e);

/* A readable diary in Markdown: a header saying the file is not
 * encrypted, then one heading per local day, oldest first, and under it
 * each entry (current version), check-in and trigger log in time order. */
int export_markdown(struct vault *v, struct buf *out, struct error *e);

/* Check-ins and trigger logs as CSV (RFC 4180, UTF-8, CRLF): a header row,
 * then one row each in time order; a cell a spreadsheet would read as a
 * formula starts with an apostrophe. Columns: docs/export-format.md. */
int export_csv(struct vault *v, struct buf *out, struct error *e);

/* Entries as jrnl's own journal file, oldest first, for 'jrnl --import':
 * "[YYYY-MM-DD HH:MM] Title" in the writer's local time, " *" after it
 * when the entry has the tag "starred", the body below, then a line of
 * the tags its words do not hold already ("@walk @movies-/-tv"), and a
 * blank line. Check-ins and trigger logs are not in it. */
int export_jrnl(struct vault *v, struct buf *out, struct error *e);

enum export_format { EXPORT_JSON, EXPORT_MD, EXPORT_CSV, EXPORT_JRNL };

/* Why a plain file (an export, a report) is never written inside the vault
 * folder (util/path.h path_refuse_inside). */
#define EXPORT_INSIDE_VAULT \
	"it would sit beside the vault unencrypted, or overwrite the vault's own files."

/* The export in format f written to path (created 0600 through a
 * temporary file renamed at the end, so a failure part way leaves nothing),
 * or to standard output when path is NULL. A path inside the vault's
 * folder is refused. JSON streams as the vault is
 * read; Markdown and CSV are made whole first (they are sorted by day).
 * *bytes (when not NULL) gets how much was written. */
int export_write(struct vault *v, enum export_format f, const char *path, size_t *bytes,
                 struct error *e);

#endif
