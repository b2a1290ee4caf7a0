#include <stdio.h>

#include "cli/cli.h"
#include "cli/commands.h"

int cmd_help(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	char *args[] = {argv[0], "--help", NULL};
	return cli_main(2, args);
}
