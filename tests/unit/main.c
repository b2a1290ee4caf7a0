/* The unit test runner: every suite, or those named on the command line.
 * Ends with "unit: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define SUITES(X) \
	X(buf) \
	X(utf8) \
	X(timefmt) \
	X(termsafe) \
	X(path) \
	X(fileio) \
	X(config) \
	X(keymap) \
	X(keyfile) \
	X(recovery) \
	X(vfs) \
	X(faults) \
	X(journal) \
	X(draft) \
	X(sync) \
	X(tracking) \
	X(trigger) \
	X(export) \
	X(textexport) \
	X(import) \
	X(seal) \
	X(report) \
	X(pacer) \
	X(helpnow) \
	X(content) \
	X(exercise) \
	X(homework) \
	X(render) \
	X(settings) \
	X(textbuf) \
	X(editor) \
	X(scale) \
	X(list) \
	X(editlist) \
	X(pager) \
	X(form) \
	X(stats) \
	X(feelings) \
	X(chart) \
	X(firstrun) \
	X(tags) \
	X(plain) \
	X(status)

#define DECLARE(name) int suite_##name(int *total);
SUITES(DECLARE)

static const struct {
	const char *name;
	int (*run)(int *total);
} suites[] = {
#define ENTRY(name) {#name, suite_##name},
	SUITES(ENTRY)
};

static int wanted(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	/* Vaults made by the tests leave this computer's marks against
	 * rollback (path_state_dir) in a folder of their own. */
	char *state = test_tmpdir();
	setenv("XDG_STATE_HOME", state, 1);
	for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
		if (!wanted(suites[i].name, argc, argv))
			continue;
		int total = 0;
		int bad = suites[i].run(&total);
		if (bad > total)
			bad = total;
		passed += total - bad;
		failed += bad;
	}
	test_rmtree(state);
	free(state);
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
