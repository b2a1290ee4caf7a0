/* cli_int.h: what the subcommand files share. */
#ifndef TEND_CLI_INT_H
#define TEND_CLI_INT_H

#include "cli/commands.h"
#include "cli/secret.h"
#include "store/vault.h"
#include "util/buf.h"
#include "util/error.h"

/* Runs fn with the vault unlocked, then closes it and reports any error;
 * returns the exit status. keep (when not NULL) receives the passphrase. */
typedef int (*vault_fn)(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e);
int cli_with_vault(struct cli_ctx *ctx, vault_fn fn, void *arg, struct secret *keep);
/* All of standard input into b. */
int cli_read_stdin(struct buf *b, struct error *e);

#endif
