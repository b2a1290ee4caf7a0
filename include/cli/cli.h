/* cli.h: the command line: global options and subcommands. */
#ifndef TEND_CLI_CLI_H
#define TEND_CLI_CLI_H

#define TEND_VERSION "0.1.0"

/* Returned by cli_main when no subcommand was given and both standard
 * input and output are terminals: the caller starts the full-screen UI. */
#define CLI_START_UI (-1)

/* Parses argv and runs a subcommand. Returns an exit status (see
 * util/error.h: 0 ok, 1 error, 2 usage, 3 wrong passphrase, 4 damaged,
 * 5 busy) or CLI_START_UI. */
int cli_main(int argc, char **argv);

#endif
