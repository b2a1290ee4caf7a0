#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <stdio.h>

#include "app/app.h"
#include "cli/cli.h"
#include "util/error.h"
#include "util/proc.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* tend's text is UTF-8. A locale that is not (or does not exist here)
	 * would show every non-ASCII character as garbage, so use C.UTF-8. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (proc_harden() != 0)
		fputs("tend: warning: could not switch off core dumps\n", stderr);
	int rc = cli_main(argc, argv);
	if (rc == CLI_START_UI) {
		struct app_opts o = {0};
		rc = app_run(&o);
	}
	return rc;
}
