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
	X(init, cmd_init, "", "create a new encrypted vault") \
	X(add, cmd_add, "[--tag T]... [--prompt] [--at T]", "save an entry read from standard input") \
	X(list, cmd_list, "", "list entries: id, date, title, tags") \
	X(show, cmd_show, "ID", "print one entry") \
	X(mood, cmd_mood, "SCORE [--emotion E] [--tag T] [--note -] [--at T]", "a check-in, 0 to 10") \
	X(delete, cmd_delete, "[--yes] ID", "delete an entry (asks first without --yes)") \
	X(checkins, cmd_checkins, "[list | show ID | edit ID ... | remove --yes ID]", \
	  "read back, change or remove check-ins") \
	X(trigger, cmd_trigger, "", "log a trigger (asks a few questions)") \
	X(safety-plan, cmd_safety_plan, "[--copy PARTS|all|off] [--no-passphrase]", "print your safety plan") \
	X(search, cmd_search, "WORDS... | -", "find entries (filters: --tag, --from, --to)") \
	X(export, cmd_export, "[--format json|md|csv|jrnl] [-o FILE]", "write the vault out, NOT encrypted") \
	X(import, cmd_import, "[--format F] [--dry-run] FILE", "read an export from tend or another app") \
	X(homework, cmd_homework, "import FILE | list | answer ID ITEM | remove ID", \
	  "homework packs from your therapist") \
	X(report, cmd_report, "--from DATE --to DATE [-o FILE]...", "a report for a session (see --help)") \
	X(keygen, cmd_keygen, "[-o DIR | FILE]", "a therapist's key pair for sealed reports") \
	X(open-report, cmd_open_report, "FILE [-k KEY] [-o OUT]", "open a sealed report (therapist)") \
	X(passwd, cmd_passwd, "", "change the passphrase") \
	X(recover, cmd_recover, "", "set a new passphrase using the recovery code") \
	X(verify, cmd_verify, "", "check every page of the vault") \
	X(accept-older, cmd_accept_older, "", "write to a vault older than this computer saw") \
	X(merge, cmd_merge, "[--dry-run] FILE", "bring in another copy of this vault") \
	X(merge-driver, cmd_merge_driver, "BASE OURS THEIRS", "git's merge driver for tend.db") \
	X(sync-setup, cmd_sync_setup, "git [--yes] | syncthing", "set a synced vault folder up") \
	X(backup, cmd_backup, "FILE", "write an encrypted backup") \
	X(restore, cmd_restore, "FILE", "bring back a backup") \
	X(rekey, cmd_rekey, "", "give the vault a new key and recovery code") \
	X(destroy, cmd_destroy, "", "erase the vault for good") \
	X(keys, cmd_keys, "", "list the keys in use (the config file can change them)") \
	X(help, cmd_help, "[COMMAND | TOPIC | topics]", "this help, a command's, or a page to read")

#define DECLARE_CMD(name, fn, args, summary) int fn(struct cli_ctx *ctx, int argc, char **argv);
CLI_COMMANDS(DECLARE_CMD)
#undef DECLARE_CMD

const struct cli_command *cli_find(const char *name);
/* Prints "tend: <fmt with arg>" and a pointer to --help; returns E_USAGE. */
int cli_usage_error(const char *fmt, ...) PRINTF_LIKE(1, 2);

#endif
