/* keys.c: tend keys, the keys in use after the config file is read. It is a
 * subcommand like the ones in cli/, but it lives here because the keymap
 * belongs to ui/, which cli/ may not include (see the layer table in
 * scripts/check-layers). */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "ui/action.h"
#include "util/config.h"
#include "util/path.h"

int cmd_keys(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		puts("usage: tend keys\n"
		     "Lists every action with the keys that do it, after the key.ACTION lines in\n"
		     "the config file (docs/config.md). Problems in that file are shown first,\n"
		     "each with its line number.");
		return 0;
	}
	if (argc > 1)
		return cli_usage_error("'tend keys' takes no arguments.");
	struct paths p;
	struct error e = {0};
	if (paths_resolve(&p, &e)) {
		fprintf(stderr, "tend: %s\n", e.msg);
		return e.code;
	}
	struct config cfg;
	config_load(p.config_dir, &cfg);
	keymap_configure(&cfg);
	for (int i = 0; i < cfg.nwarnings && i < CONFIG_MAX_WARNINGS; i++)
		fprintf(stderr, "tend: %s\n", cfg.warnings[i]);
	if (cfg.nwarnings > CONFIG_MAX_WARNINGS)
		fprintf(stderr, "tend: and %d more problems in the config file\n",
		        cfg.nwarnings - CONFIG_MAX_WARNINGS);
	printf("%-18s %-22s %s\n", "ACTION", "KEYS", "WHAT IT DOES");
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		char keys[96];
		keymap_keys_for((enum action)a, false, keys, sizeof(keys));
		printf("%-18s %-22s %s\n", action_name((enum action)a), keys[0] ? keys : "(none)",
		       action_help((enum action)a));
	}
	puts("\nA letter or other character key works only where nothing is being typed.");
	paths_free(&p);
	return 0;
}
