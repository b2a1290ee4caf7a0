#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "cli/plain.h"
#include "util/error.h"
#include "util/termsafe.h"

static const struct cli_command commands[] = {
#define X(name, fn, args, summary) {#name, fn, args, summary},
	CLI_COMMANDS(X)
#undef X
};

static void usage(FILE *out)
{
	fputs("usage: tend [--passphrase-fd N] [COMMAND [ARGS]]\n"
	      "       tend --plain [--passphrase-fd N]\n"
	      "       tend --help | --version\n"
	      "\n"
	      "With no command, tend opens its full-screen journal in this terminal.\n"
	      "--plain asks in lines instead: for screen readers and simple terminals.\n"
	      "\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		char head[64];
		snprintf(head, sizeof(head), "%s %s", commands[i].name, commands[i].args);
		fprintf(out, "  %-24s %s\n", head, commands[i].summary);
	}
	fputs("\n"
	      "Options:\n"
	      "  --passphrase-fd N        read the passphrase from file descriptor N\n"
	      "                           (its first line) instead of the terminal\n"
	      "  --plain                  numbered menus and line prompts, no full screen\n"
	      "                           (check-in, writing, trigger log, Learn, crisis)\n"
	      "  -h, --help               show this help\n"
	      "  -V, --version            show the version\n"
	      "\n"
	      "Environment: TEND_HOME chooses the folder for the vault and settings.\n"
	      "tend is self-help, not treatment. In a crisis, call your local emergency\n"
	      "number, or 988 in the US and Canada.\n",
	      out);
}

const struct cli_command *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int parse_fd(const char *s, int *fd)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > 1000000)
		return -1;
	*fd = (int)v;
	return 0;
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	/* The words may quote what was typed on the command line. */
	char msg[512];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	fputs("tend: ", stderr);
	termsafe_fputs(msg, stderr, TERMSAFE_TEXT);
	fputs("\nRun 'tend --help' to see the commands.\n", stderr);
	va_end(ap);
	return E_USAGE;
}

int cli_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"passphrase-fd", required_argument, NULL, 'p'},
		{"plain", no_argument, NULL, 'P'},
		{NULL, 0, NULL, 0},
	};
	struct cli_ctx ctx = {.pass_fd = -1};
	bool plain = false;
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return E_OK;
		case 'V':
			printf("tend %s\n", TEND_VERSION);
			return E_OK;
		case 'P':
			plain = true;
			break;
		case 'p':
			if (parse_fd(optarg, &ctx.pass_fd))
				return cli_usage_error("--passphrase-fd takes a file descriptor number, not '%s'.",
				                       optarg);
			break;
		default:
			if (optopt == 'p')
				return cli_usage_error("%s needs a file descriptor number.", "--passphrase-fd");
			return cli_usage_error("unknown option '%s'.", argv[optind - 1]);
		}
	}
	if (plain && optind < argc)
		return cli_usage_error("--plain runs on its own; '%s' cannot follow it.", argv[optind]);
	if (plain)
		return plain_run(&ctx);
	if (optind >= argc) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fputs("tend: no terminal here; run tend in a terminal window, use "
			      "'tend --plain' for line prompts, or see 'tend --help' for commands.\n",
			      stderr);
			return E_FAIL;
		}
		return CLI_START_UI;
	}
	const struct cli_command *cmd = cli_find(argv[optind]);
	if (!cmd)
		return cli_usage_error("'%s' is not a tend command.", argv[optind]);
	/* Subcommands parse their own options from argv[0] = their name. */
	optind++;
	return cmd->run(&ctx, argc - optind + 1, argv + optind - 1);
}

int cli_fail(const struct error *e)
{
	/* A message may quote a file (an import, a pack, a report): shown
	 * through termsafe like everything from outside tend. */
	fputs("tend: ", stderr);
	termsafe_fputs(e->msg, stderr, TERMSAFE_TEXT);
	putc('\n', stderr);
	return e->code ? e->code : E_FAIL;
}

int cli_parse_id(const char *s, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 1)
		return -1;
	*out = (int64_t)v;
	return 0;
}
