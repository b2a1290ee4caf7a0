#include <locale.h>
#include <stdio.h>

#include "cli/cli.h"
#include "util/error.h"
#include "util/proc.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (proc_harden() != 0)
		fputs("tend: warning: could not switch off core dumps\n", stderr);
	int rc = cli_main(argc, argv);
	if (rc == CLI_START_UI) {
		fputs("tend: the full-screen journal is not in this build yet; "
		      "see 'tend --help' for the commands.\n", stderr);
		rc = E_FAIL;
	}
	return rc;
}
