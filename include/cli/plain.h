/* plain.h: tend --plain, the line-oriented front end for screen readers
 * and simple terminals. No curses: numbered menus and line prompts on
 * standard output, answers read a line at a time from standard input. */
#ifndef TEND_CLI_PLAIN_H
#define TEND_CLI_PLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/commands.h"

/* Runs the plain front end until the person leaves or input ends; returns
 * the exit status (128 + the signal after Ctrl-C, with the vault closed). */
int plain_run(struct cli_ctx *ctx);

/* The pure parts, unit-tested. */

/* "!" or "help" (any case) alone on a line, spaces around allowed. */
bool plain_is_crisis(const char *line);
/* A menu answer: 1..n for a number in range, 0 for going back (an empty
 * line or q), -1 for anything else. */
int plain_choice(const char *s, size_t n);
/* The pager's height from $LINES (NULL or not a sensible number: 24). */
int plain_rows(const char *lines_env);
/* Where a line too long for cols display columns is broken: the byte
 * length of its first part, ending before the last space that fits, or
 * at the last whole character that fits when no space does (never 0 for
 * a non-empty line). */
size_t plain_break(const char *s, size_t cols);
/* Drops control characters other than tab from s (len bytes) in place, so
 * nothing typed can reach the output as a terminal command; returns the
 * new length. */
size_t plain_clean(char *s, size_t len);

#endif
