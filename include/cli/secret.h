/* secret.h: reading passphrases and recovery codes: from --passphrase-fd
 * (one line each) or from the terminal with echo off. Never argv or the
 * environment. */
#ifndef TEND_CLI_SECRET_H
#define TEND_CLI_SECRET_H

#include <stddef.h>

#include "cli/commands.h"
#include "util/error.h"

struct secret {
	char *s; /* locked memory, NUL-terminated */
	size_t len;
};

/* Prompts (terminal only) and reads one line. */
int secret_read(struct cli_ctx *ctx, const char *prompt, struct secret *out, struct error *e);
/* A new passphrase: on a terminal asked twice and compared. Never empty. */
int secret_read_new(struct cli_ctx *ctx, const char *prompt, struct secret *out,
                    struct error *e);
void secret_free(struct secret *s);

/* Reads one line of plain input (not secret) from the terminal, or from
 * standard input when there is no terminal. Returns 0 and fills buf. */
int line_read(const char *prompt, char *buf, size_t size);

#endif
