/* io_cmds.c: moving data out of the vault (and, later, in). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "io/export.h"
#include "util/buf.h"
#include "util/fileio.h"

struct export_args {
	const char *out; /* NULL: standard output */
};

static int export_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct export_args *a = arg;
	struct buf b = BUF_INIT;
	int rc = export_json(v, &b, e);
	if (rc == 0 && a->out) {
		rc = atomic_write(a->out, b.data, b.len, 0600, e);
		if (rc == 0)
			fprintf(stderr, "tend: wrote %s. It is NOT encrypted: anyone who can read the "
			                "file can read your journal. Keep it private, or delete it when "
			                "done.\n", a->out);
	} else if (rc == 0) {
		if (write_all(STDOUT_FILENO, b.data, b.len))
			rc = error_errno(e, errno, "Could not write the export to standard output");
		else
			fprintf(stderr, "tend: the export went to standard output, NOT encrypted.\n");
	}
	buf_free(&b);
	return rc;
}

int cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct export_args a = {0};
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend export [--format json] [-o FILE]\n"
			     "Writes everything in the vault as tend's JSON export (docs/export-format.md)\n"
			     "to FILE, or to standard output. The export is NOT encrypted.");
			return 0;
		case 'f':
			if (strcmp(optarg, "json") != 0)
				return cli_usage_error("--format: this tend exports json.");
			break;
		case 'o':
			a.out = optarg;
			break;
		default:
			return cli_usage_error("unknown option for 'tend export'.");
		}
	}
	if (optind != argc)
		return cli_usage_error("'tend export' takes no other arguments.");
	if (!a.out && isatty(STDOUT_FILENO))
		return cli_usage_error("the export is not encrypted; give -o FILE, or send standard "
		                       "output to a file or another program.");
	return cli_with_vault(ctx, export_run, &a, NULL);
}
