/* cli_int.h: what the subcommand files share. */
#ifndef TEND_CLI_INT_H
#define TEND_CLI_INT_H

#include <stdint.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/secret.h"
#include "content/page.h"
#include "store/vault.h"
#include "util/buf.h"
#include "util/error.h"

/* Runs fn with the vault unlocked, then closes it and reports any error;
 * returns the exit status. keep (when not NULL) receives the passphrase. */
typedef int (*vault_fn)(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e);
int cli_with_vault(struct cli_ctx *ctx, vault_fn fn, void *arg, struct secret *keep);
/* Tells the person (on stderr) what opening the vault repaired, if anything. */
void cli_open_notes(struct vault *v);
/* All of standard input into b. */
int cli_read_stdin(struct buf *b, struct error *e);

/* --at: a local date and time "YYYY-MM-DD HH:MM", not in the future.
 * E_USAGE (with the usage error printed) when it is not one. */
struct stamp;
int cli_parse_at(const char *s, struct stamp *out);
/* Prints "tend: <message>" on standard error; returns the exit code for
 * e's code (E_FAIL when it has none). */
int cli_fail(const struct error *e);
/* A record's number: a whole number from 1 up, nothing else on the line. */
int cli_parse_id(const char *s, int64_t *out);

/* Where questions are asked: ask shows prompt and reads one line into
 * out, returning -1 when the person stopped (end of input); talk gets the
 * lists and notes between questions. */
struct cli_asker {
	int (*ask)(void *arg, const char *prompt, struct buf *out);
	FILE *talk;
	void *arg;
	/* Shows crisis help and the safety plan (NULL: they are printed). */
	void (*crisis)(void *arg);
	/* When not NULL: the distress before and after of the log saved
	 * (0..10, -1 not given), for the offer plain mode may make. */
	int *before, *after;
};
/* An asker's ask for the terminal (or standard input): a line, wiped
 * after use ('tend trigger', 'tend homework answer'). */
int cli_ask_line(void *arg, const char *prompt, struct buf *out);
/* The trigger log's questions, then the log saved ('tend trigger' and
 * --plain). "Stopped; nothing was saved." in e when the person stopped. */
int cli_trigger_questions(const struct cli_asker *a, struct vault *v, struct error *e);

/* Asks item (1-based) of pack for its answer, a scale's number or a short
 * answer, and keeps it ('tend homework answer' and --plain). E_USAGE for
 * no such pack or item, or an item of another kind. */
int cli_homework_answer(const struct cli_asker *a, struct vault *v, int64_t pack, int item,
                        struct error *e);

/* Learn pages (folder 0), healing-path modules (1) and exercises (2),
 * in order: fn gets each until it returns non-zero, which is returned. */
int cli_topics_each(page_each_fn fn, void *arg);
/* A topic as plain text wrapped to cols: its content note, the page (an
 * exercise's steps), sources and review date. fn gets each line without a
 * newline; a non-zero return stops it. 'tend help TOPIC' and --plain. */
typedef int (*line_fn)(void *arg, const char *line);
int cli_page_lines(const char *path, int cols, line_fn fn, void *arg, struct error *e);
/* Markdown text (an exercise's intro or a step's guidance) as plain text
 * wrapped to cols, a line at a time, as cli_page_lines gives a page. */
int cli_md_lines(const char *md, int cols, line_fn fn, void *arg, struct error *e);

#endif
