/* data_int.h: what the screens that move data in and out share
 * (views/data.c: the menu and export; dataimport.c; report.c). */
#ifndef TEND_VIEWS_DATA_INT_H
#define TEND_VIEWS_DATA_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"
#include "views/view.h"
#include "widgets/field.h"

/* Today on the local calendar as YYYY-MM-DD (honours TEND_NOW). */
void data_today(char out[16]);
/* The local day number (core/stats.h) of today. */
long long data_today_day(void);

/* What a typed path means: "~/x" is the home folder's x. -1 when memory
 * runs out. */
int data_expand(const char *typed, struct buf *out);

/* True when something is at path already (the screens ask before they
 * replace a file); *folder is set when it is a folder, which is never
 * replaced. */
bool data_exists(const char *path, bool *folder);
/* Where a file typed into a path field (typed, what the screen calls its
 * file: "file", "report") may go: DATA_WRITE with *full its expanded path;
 * DATA_ASK when a file is there already (question holds the words for a
 * "Replace the file?" confirm); DATA_PROBLEM with problem saying what to
 * change (nothing typed, a folder, a place inside the vault folder
 * vault_dir, where why says what would go wrong; example is a file name to
 * suggest). */
enum data_target { DATA_WRITE, DATA_ASK, DATA_PROBLEM };
enum data_target data_target(const char *vault_dir, const char *why, const char *typed,
                             const char *what, const char *example, struct buf *full,
                             char *problem, size_t psize, char *question, size_t qsize);

/* What to do after data_target said t: show the problem (a redraw), ask
 * with q whether to replace the file (question is its message; on yes,
 * write runs with data), or write now. */
struct step data_go(struct ctx *c, enum data_target t, struct confirm *q, const char *question,
                    struct step (*write)(struct ctx *c, void *data), void *data);

/* The file name part of a typed path is swapped for a new extension when
 * the person has not typed one of their own: "x.json" to "x.md". */
void data_set_ext(struct field *f, const char *old_ext, const char *new_ext);

/* The keys line these screens end with, named from the keymap: "Up/Down:
 * move · Left/Right: <what>" (with " · PgUp/PgDn: scroll" when scroll). */
void data_draw_keys(int y, int w, const char *what, bool scroll);
/* "**Enter** or **Esc** goes back." with the keys of the keymap. */
void data_draw_back(int y, int w);

/* The line every writing screen shows before a plain file is written. */
#define DATA_NOT_ENCRYPTED \
	"**The file is NOT encrypted.** Anyone who can open it can read it: another " \
	"person using this computer, a backup, a synced folder. Keep it somewhere " \
	"private, and delete it when you no longer need it."

/* The mood mapping screen (arg: struct moodmap, kept alive by the caller):
 * each name gets a score from 0 to 10 (-1: not set); on Enter with every
 * score set, the screen closes with RESULT_SCORES. Esc hands back nothing. */
#define MOODMAP_MAX 32
#define MOODMAP_NAME 128
struct moodmap {
	size_t n;
	char (*names)[MOODMAP_NAME];
	const int *scores; /* the scores so far */
};

#endif
