/* commands.h: the subcommand table and what subcommands share. */
#ifndef TEND_CLI_COMMANDS_H
#define TEND_CLI_COMMANDS_H

#include "util/error.h"

struct cli_ctx {
	int pass_fd; /* -1: read the passphrase from the terminal */
};

typedef int (*cli_fn)(struct cli_ctx *ctx, int argc, char **argv);

struct cli_command {
	const char *name;
	cli_fn run;
	const char *args;
	const char *summary;
};

/* X(name, function, arguments, summary): one line per subcommand feeds the
 * dispatcher, --help and the manual, so they cannot drift apart. */
#define CLI_COMMANDS(X) \
	X(help, cmd_help, "", "show this help")

int cmd_help(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_command *cli_find(const char *name);
/* Prints "tend: <fmt with arg>" and a pointer to --help; returns E_USAGE. */
int cli_usage_error(const char *fmt, ...) PRINTF_LIKE(1, 2);

#endif
