/* vault_cmds.c: the subcommands that create, open and look after the vault,
 * and quick capture of entries. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "cli/secret.h"
#include "io/export.h"
#include "content/prompts.h"
#include "store/entries.h"
#include "store/journal.h"
#include "store/settings.h"
#include "util/timefmt.h"
#include "store/vault.h"
#include "util/buf.h"
#include "util/path.h"
#include "util/termsafe.h"
#include "util/utf8.h"

static int vault_dir(char **dir, struct error *e)
{
	struct paths p;
	if (paths_resolve(&p, e))
		return -1;
	*dir = p.data_dir;
	free(p.config_dir);
	return 0;
}

static int need_vault(const char *dir, struct error *e)
{
	if (vault_exists(dir))
		return 0;
	return error_set(e, E_FAIL, "There is no vault in %s yet. Create one with 'tend init'.", dir);
}

void cli_open_notes(struct vault *v)
{
	unsigned mode;
	if (vault_folder_shared(v, &mode))
		fprintf(stderr,
		        "tend: the vault folder %s can be opened by other people on this computer "
		        "(mode %04o). They cannot read the vault, which is encrypted and whose files "
		        "are yours alone (0600), but they can see it is there%s. tend leaves the "
		        "folder as it is in case you share it on purpose; if not, make it yours "
		        "alone with: chmod 700 %s\n",
		        vault_folder(v), mode,
		        (mode & 022) ? ", and remove or replace its files" : "", vault_folder(v));
	struct vault_conflicts vc;
	struct error ce;
	if (vault_conflicts(v, &vc, &ce) == 0) {
		for (size_t i = 0; i < vc.ndb; i++)
			fprintf(stderr,
			        "tend: a sync tool left another copy of the vault beside it (%s); what "
			        "was written in that copy is not in this one yet. Bring it in with: tend "
			        "merge '%s'\n",
			        strrchr(vc.db[i], '/') + 1, vc.db[i]);
		for (size_t i = 0; i < vc.nkey; i++)
			fprintf(stderr,
			        "tend: %s is a key file for another key: the vault was re-keyed on one "
			        "device while another still used the old key. Keep that file; first "
			        "bring in any conflict copy of tend.db, then see docs/sync.md, \"Key "
			        "files\".\n",
			        vc.key[i]);
		vault_conflicts_free(&vc);
	}
	struct vault_check info;
	vault_open_info(v, &info);
	if (info.used_key_backup)
		fputs("tend: the key file was damaged; its backup copy was used and the key "
		      "file was written again.\n", stderr);
	if (info.recovered)
		fputs("tend: an interrupted change was rolled back; everything saved before "
		      "it is intact.\n", stderr);
	if (info.older)
		fprintf(stderr,
		        "tend: WARNING: this vault is older than the one this computer last opened "
		        "(it has %llu changes; this computer saw %llu). A sync tool or an old copy "
		        "may have put it back, and what was written since is not in it. It is open "
		        "read-only. If you brought this copy back on purpose, run 'tend "
		        "accept-older'.\n",
		        info.counter, info.seen);
	if (info.rekey_finished)
		fputs("tend: an interrupted re-key was finished: the vault has a new key, so the "
		      "old recovery code no longer opens it. Run 'tend rekey' now to get a new "
		      "recovery code to write down.\n", stderr);
	if (info.rekey_undone)
		fputs("tend: an interrupted re-key was undone: the vault keeps its old key, and the "
		      "old recovery code still opens it.\n", stderr);
}

/* Asks for the passphrase and opens the vault; reports on failure. */
static int unlock(struct cli_ctx *ctx, const char *dir, struct vault **v, struct secret *keep,
                  struct error *e)
{
	struct secret pass;
	if (need_vault(dir, e) || secret_read(ctx, "Passphrase: ", &pass, e))
		return -1;
	int rc = vault_open(dir, pass.s, pass.len, v, e);
	if (rc == 0)
		cli_open_notes(*v);
	if (rc == 0 && keep)
		*keep = pass;
	else
		secret_free(&pass);
	return rc;
}

static int no_args(int argc, char **argv, const char *name)
{
	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		const struct cli_command *c = cli_find(name);
		printf("usage: tend %s %s\n%s\n", name, c ? c->args : "", c ? c->summary : "");
		return 0;
	}
	if (argc > 1)
		return cli_usage_error("'tend %s' takes no arguments ('%s' was given).", name, argv[1]);
	return -1;
}

int cli_with_vault(struct cli_ctx *ctx, vault_fn fn, void *arg, struct secret *keep)
{
	struct error e = {0};
	char *dir = NULL;
	struct vault *v = NULL;
	int rc = vault_dir(&dir, &e);
	if (!rc)
		rc = unlock(ctx, dir, &v, keep, &e);
	if (!rc)
		rc = fn(ctx, v, arg, &e);
	vault_close(v);
	free(dir);
	return rc ? cli_fail(&e) : 0;
}

static void print_code(const char *code, const char *what)
{
	printf("%s\n\n    %s\n\n"
	       "This code opens your vault if you forget the passphrase. Write it on paper and keep\n"
	       "it somewhere safe and private. It is shown only this once.\n",
	       what, code);
}

int cmd_init(struct cli_ctx *ctx, int argc, char **argv)
{
	int r = no_args(argc, argv, "init");
	if (r >= 0)
		return r;
	struct error e = {0};
	char *dir = NULL;
	struct secret pass = {0};
	char code[VAULT_CODE_MAX];
	int rc = vault_dir(&dir, &e);
	if (!rc && vault_exists(dir))
		rc = error_set(&e, E_FAIL, "There is already a vault in %s.", dir);
	if (!rc)
		rc = secret_read_new(ctx, "Choose a passphrase: ", &pass, &e);
	if (!rc)
		rc = vault_init(dir, pass.s, pass.len, code, &e);
	secret_free(&pass);
	if (!rc) {
		fprintf(stderr, "tend: made a new vault in %s\n", dir);
		print_code(code, "Your recovery code:");
		mem_wipe(code, sizeof(code));
	}
	free(dir);
	return rc ? cli_fail(&e) : 0;
}

int cli_read_stdin(struct buf *b, struct error *e)
{
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		if (buf_append(b, chunk, n)) {
			mem_wipe(chunk, sizeof(chunk));
			return error_set(e, E_FAIL, "Out of memory.");
		}
	}
	mem_wipe(chunk, sizeof(chunk));
	if (ferror(stdin))
		return error_set(e, E_FAIL, "Could not read the entry from standard input; nothing "
		                            "was saved.");
	return 0;
}

int cmd_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"tag", required_argument, NULL, 't'},
		{"prompt", optional_argument, NULL, 'p'},
		{"at", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct stamp at = {0};
	const char *tags[64];
	size_t ntags = 0;
	struct prompt prompts[64];
	size_t nprompts = 0;
	const struct prompt *prompt = NULL;
	int c, usage = -1;
	optind = 0; /* 0, not 1: glibc then re-reads the option ordering */
	while (usage < 0 && (c = getopt_long(argc, argv, "+t:h", opts, NULL)) != -1) {
		if (c == 'h') {
			puts("usage: tend add [--tag TAG]... [--prompt[=ID]] [--at 'YYYY-MM-DD HH:MM']\n"
			     "Reads an entry from standard input: the first line is its title.\n"
			     "--prompt shows today's writing prompt (or the one named ID) first\n"
			     "and keeps it with the entry. --at dates it at that local time, for\n"
			     "something written earlier. Tags given here are visible to other\n"
			     "programs only while tend parses them, but your shell may keep them\n"
			     "in its history.");
			usage = 0;
		} else if (c == 'a') {
			if (cli_parse_at(optarg, &at))
				usage = E_USAGE;
		} else if (c == 'p') {
			prompts_free(prompts, nprompts);
			nprompts = prompts_load(prompts, sizeof(prompts) / sizeof(prompts[0]));
			struct stamp now = stamp_now();
			prompt = optarg ? prompt_find(prompts, nprompts, optarg)
			                : prompt_of_day(prompts, nprompts,
			                                (now.t + (int64_t)now.off_min * 60) / 86400);
			if (!prompt)
				usage = cli_usage_error("there is no prompt called '%s'.", optarg ? optarg : "");
		} else if (c != 't') {
			usage = cli_usage_error("unknown option for 'tend add'.");
		} else if (ntags == sizeof(tags) / sizeof(tags[0])) {
			usage = cli_usage_error("at most %zu tags per entry.", ntags);
		} else if (!*optarg || !utf8_valid(optarg, strlen(optarg))) {
			usage = cli_usage_error("a tag must be non-empty UTF-8 text.");
		} else if (!(tags[ntags] = strdup(optarg))) {
			usage = cli_usage_error("out of memory.");
		} else {
			/* Copied, then wiped from argv, so the tag does not stay
			 * readable in /proc/PID/cmdline while tend waits for input. */
			mem_wipe(optarg, strlen(optarg));
			ntags++;
		}
	}
	if (usage < 0 && optind < argc)
		usage = cli_usage_error("'tend add' reads the entry from standard input, not from "
		                        "arguments, so it stays out of your shell history.");
	if (usage >= 0) {
		for (size_t i = 0; i < ntags; i++)
			free((char *)tags[i]);
		prompts_free(prompts, nprompts);
		return usage;
	}
	struct error e = {0};
	char *dir = NULL;
	struct vault *v = NULL;
	struct buf text = BUF_INIT;
	int rc = vault_dir(&dir, &e);
	if (!rc)
		rc = need_vault(dir, &e);
	if (!rc && prompt)
		fprintf(stderr, "Prompt: %s\n", prompt->text);
	if (!rc && isatty(STDIN_FILENO))
		fputs("Write your entry; the first line is its title. End with Ctrl-D.\n", stderr);
	if (!rc)
		rc = cli_read_stdin(&text, &e);
	if (!rc && !utf8_valid(text.data ? text.data : "", text.len))
		rc = error_set(&e, E_FAIL, "The entry is not valid UTF-8 text; nothing was saved.");
	const char *all = buf_str(&text);
	size_t skip = strspn(all, " \t\r\n");
	if (!rc && all[skip] == '\0')
		rc = error_set(&e, E_FAIL, "The entry is empty; nothing was saved.");
	if (!rc)
		rc = unlock(ctx, dir, &v, NULL, &e);
	if (!rc) {
		char *title = (char *)all + skip;
		char *nl = strchr(title, '\n');
		const char *body = "";
		if (nl) {
			*nl = '\0';
			body = nl + 1;
		}
		size_t tl = strlen(title);
		while (tl && (title[tl - 1] == '\r' || title[tl - 1] == ' '))
			title[--tl] = '\0';
		int64_t id;
		struct new_entry ne = {.title = title, .body = body, .tags = tags, .ntags = ntags,
		                       .prompt = prompt ? prompt->text : "", .at = at};
		rc = entries_add_ex(v, &ne, &id, &e);
		if (!rc)
			printf("Saved entry %lld.\n", (long long)id);
	}
	buf_free(&text);
	for (size_t i = 0; i < ntags; i++) {
		mem_wipe((char *)tags[i], strlen(tags[i]));
		free((char *)tags[i]);
	}
	prompts_free(prompts, nprompts);
	vault_close(v);
	free(dir);
	return rc ? cli_fail(&e) : 0;
}

/* list, show and search print what the vault holds for reading: every
 * title, tag, prompt and body goes through termsafe (one row per entry, so
 * a newline or tab in a title is shown as ^J or ^I there). 'tend export'
 * is the way to get the words byte for byte. */
static int print_row(const struct entry *en, void *arg)
{
	(void)arg;
	printf("%lld\t%.16s\t", (long long)en->id, en->created);
	termsafe_fputs(*en->title ? en->title : ENTRY_UNTITLED, stdout, TERMSAFE_LINE);
	putchar('\t');
	termsafe_fputs(en->tags, stdout, TERMSAFE_LINE);
	putchar('\n');
	return ferror(stdout) ? -1 : 0;
}

static int list_all(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	(void)arg;
	return entries_each(v, print_row, NULL, e);
}

int cmd_list(struct cli_ctx *ctx, int argc, char **argv)
{
	int r = no_args(argc, argv, "list");
	return r >= 0 ? r : cli_with_vault(ctx, list_all, NULL, NULL);
}

static int show_one(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct entry en = {0};
	if (entries_get(v, *(int64_t *)arg, &en, e))
		return -1;
	termsafe_fputs(*en.title ? en.title : ENTRY_UNTITLED, stdout, TERMSAFE_LINE);
	printf("\n%s", en.created);
	if (*en.tags) {
		fputs("  tags: ", stdout);
		termsafe_fputs(en.tags, stdout, TERMSAFE_LINE);
	}
	if (*en.prompt) {
		fputs("\nPrompt: ", stdout);
		termsafe_fputs(en.prompt, stdout, TERMSAFE_LINE);
	}
	fputs("\n\n", stdout);
	termsafe_fputs(en.body, stdout, TERMSAFE_TEXT);
	if (*en.body && en.body[strlen(en.body) - 1] != '\n')
		putchar('\n');
	entry_free(&en);
	return 0;
}

int cmd_show(struct cli_ctx *ctx, int argc, char **argv)
{
	int64_t id;
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		puts("usage: tend show ID");
		return 0;
	}
	if (argc != 2 || cli_parse_id(argv[1], &id))
		return cli_usage_error("'tend show' takes one entry number, as 'tend list' shows.");
	return cli_with_vault(ctx, show_one, &id, NULL);
}

static int new_passphrase(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	struct secret pass = {0};
	int rc = secret_read_new(ctx, "New passphrase: ", &pass, e);
	if (!rc)
		rc = vault_set_passphrase(v, pass.s, pass.len, e);
	if (!rc)
		fprintf(stderr, "tend: %s\n", (const char *)arg);
	secret_free(&pass);
	return rc;
}

int cmd_passwd(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		puts("usage: tend passwd\n"
		     "Changes the passphrase at once: the vault key is wrapped again under the new\n"
		     "one, and the recovery code stays the same. It cannot reach copies of the key\n"
		     "file made before (a backup, a synced or copied folder): such a copy, with the\n"
		     "old passphrase, still opens the vault. If someone may know the old\n"
		     "passphrase, run 'tend rekey' as well: the vault gets a new key, and no old\n"
		     "key file, backup or recovery code opens it any more.");
		return 0;
	}
	int r = no_args(argc, argv, "passwd");
	return r >= 0 ? r
	              : cli_with_vault(ctx, new_passphrase,
	                               "the passphrase was changed; your recovery code still works. "
	                               "Copies of the key file made before (in backups, synced or "
	                               "copied folders) still open the vault with the old "
	                               "passphrase; if someone may know it, run 'tend rekey' too.",
	                               NULL);
}

int cmd_recover(struct cli_ctx *ctx, int argc, char **argv)
{
	int r = no_args(argc, argv, "recover");
	if (r >= 0)
		return r;
	struct error e = {0};
	char *dir = NULL;
	struct vault *v = NULL;
	struct secret code = {0};
	int rc = vault_dir(&dir, &e);
	if (!rc && !vault_has_data(dir))
		rc = need_vault(dir, &e);
	if (!rc)
		rc = secret_read(ctx, "Recovery code: ", &code, &e);
	if (!rc)
		rc = vault_open_code(dir, code.s, &v, &e);
	secret_free(&code);
	if (!rc)
		cli_open_notes(v);
	if (!rc)
		rc = new_passphrase(ctx, v, "the vault has a new passphrase; the recovery code is unchanged.",
		                    &e);
	vault_close(v);
	free(dir);
	return rc ? cli_fail(&e) : 0;
}

static int verify(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	(void)arg;
	struct vault_check chk;
	if (vault_verify(v, &chk, e))
		return -1;
	printf("The vault is intact: %u pages decrypted and checked, and the database "
	       "passed its integrity check.\n",
	       chk.pages);
	/* Text the vault holds but its own export would refuse (an import
	 * from an older tend could store it). */
	struct buf places = BUF_INIT;
	size_t nbad = 0;
	int rc = export_check(v, &places, &nbad, e);
	if (rc == 0 && nbad)
		rc = error_set(e, E_CORRUPT, "%zu piece%s of text in the vault %s not valid UTF-8, "
		                             "so 'tend export' cannot write %s: %s%s (table, id and "
		                             "column). Edit or delete %s in tend.",
		               nbad, nbad == 1 ? "" : "s", nbad == 1 ? "is" : "are",
		               nbad == 1 ? "it" : "them", buf_str(&places), nbad > 20 ? ", ..." : "",
		               nbad == 1 ? "that row" : "those rows");
	buf_free(&places);
	return rc;
}

static int accept_older(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx, (void)arg;
	struct vault_check info;
	vault_open_info(v, &info);
	if (!info.older) {
		printf("This vault is not older than the one this computer last opened; nothing "
		       "to accept.\n");
		return 0;
	}
	if (vault_accept_older(v, e))
		return -1;
	printf("This computer now takes this copy of the vault as the current one; tend "
	       "writes to it again.\n");
	return 0;
}

int cmd_accept_older(struct cli_ctx *ctx, int argc, char **argv)
{
	int r = no_args(argc, argv, "accept-older");
	return r >= 0 ? r : cli_with_vault(ctx, accept_older, NULL, NULL);
}

int cmd_verify(struct cli_ctx *ctx, int argc, char **argv)
{
	int r = no_args(argc, argv, "verify");
	return r >= 0 ? r : cli_with_vault(ctx, verify, NULL, NULL);
}

static int one_file_arg(int argc, char **argv, const char *name, const char *what)
{
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		printf("usage: tend %s FILE\n", name);
		return 0;
	}
	if (argc != 2 || !*argv[1])
		return cli_usage_error("'tend %s' takes one file name: %s.", name, what);
	return -1;
}

static int backup(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	if (vault_backup(v, arg, e))
		return -1;
	fprintf(stderr, "tend: wrote an encrypted backup to %s; it opens with the vault's "
	                "current passphrase.\n", (const char *)arg);
	return 0;
}

int cmd_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	int r = one_file_arg(argc, argv, "backup", "where to write the backup");
	return r >= 0 ? r : cli_with_vault(ctx, backup, argv[1], NULL);
}

int cmd_restore(struct cli_ctx *ctx, int argc, char **argv)
{
	int r = one_file_arg(argc, argv, "restore", "the backup to bring back");
	if (r >= 0)
		return r;
	struct error e = {0};
	char *dir = NULL;
	struct vault *v = NULL;
	struct backup *b = NULL;
	struct secret pass = {0};
	int rc = vault_dir(&dir, &e);
	if (!rc)
		rc = secret_read(ctx, "Passphrase of the backup: ", &pass, &e);
	if (!rc)
		rc = backup_open(argv[1], pass.s, pass.len, &b, &e);
	if (!rc && !vault_exists(dir)) {
		rc = vault_restore_new(dir, b, &e);
	} else if (!rc) {
		/* Try the same passphrase for the vault first, then ask. */
		rc = vault_open(dir, pass.s, pass.len, &v, &e);
		if (rc && e.code == E_AUTH) {
			struct secret vp;
			rc = secret_read(ctx, "Passphrase of the vault: ", &vp, &e);
			if (!rc)
				rc = vault_open(dir, vp.s, vp.len, &v, &e);
			secret_free(&vp);
		}
		if (!rc)
			cli_open_notes(v);
		if (!rc)
			rc = vault_restore_into(v, b, &e);
	}
	if (!rc)
		fprintf(stderr, "tend: restored the vault in %s from %s.\n", dir, argv[1]);
	secret_free(&pass);
	backup_close(b);
	vault_close(v);
	free(dir);
	return rc ? cli_fail(&e) : 0;
}

static int rekey(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	const struct secret *pass = arg;
	char code[VAULT_CODE_MAX];
	/* A code the first-run screens still wait to have checked (views/
	 * onboard.c) is about to stop working; the new one is printed below. */
	if (settings_delete(v, "setup.code", e))
		return -1;
	int rc = vault_rekey(v, pass->s, pass->len, code, e);
	/* Once the new key took over its code must be seen, even if a later
	 * step failed. */
	if (code[0])
		print_code(code, "The vault has a new key. Your passphrase is unchanged, but the old "
		                 "recovery code\nand old backups' keys no longer open it. New "
		                 "recovery code:");
	mem_wipe(code, sizeof(code));
	return rc;
}

int cmd_rekey(struct cli_ctx *ctx, int argc, char **argv)
{
	int r = no_args(argc, argv, "rekey");
	if (r >= 0)
		return r;
	struct secret pass = {0};
	r = cli_with_vault(ctx, rekey, &pass, &pass);
	secret_free(&pass);
	return r;
}

int cmd_destroy(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	int r = no_args(argc, argv, "destroy");
	if (r >= 0)
		return r;
	struct error e = {0};
	char *dir = NULL;
	int rc = vault_dir(&dir, &e);
	if (!rc)
		rc = need_vault(dir, &e);
	if (!rc) {
		char answer[64];
		fprintf(stderr, "This erases the vault in %s for good: without its key nobody, "
		                "including you, can read it again.\n", dir);
		if (line_read("Type 'destroy' to go on: ", answer, sizeof(answer)) != 0 ||
		    strcmp(answer, "destroy") != 0)
			rc = error_set(&e, E_FAIL, "Not confirmed; nothing was changed.");
	}
	if (!rc)
		rc = vault_destroy(dir, &e);
	if (!rc)
		fprintf(stderr, "tend: the vault in %s was destroyed.\n", dir);
	free(dir);
	return rc ? cli_fail(&e) : 0;
}

int cmd_search(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"tag", required_argument, NULL, 't'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 'T'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct entry_query q = {0};
	char *tag = NULL;
	int c;
	optind = 0; /* 0, not 1: glibc then re-reads the option ordering */
	while ((c = getopt_long(argc, argv, "t:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend search [--tag TAG] [--from YYYY-MM-DD] [--to YYYY-MM-DD] WORDS...\n"
			     "       tend search [options] -    (read the words from standard input)\n"
			     "Prints the number, date and title of each matching entry, newest first.\n"
			     "Words on the command line may stay in your shell's history; '-' avoids that.");
			free(tag);
			return 0;
		case 't':
			free(tag);
			tag = strdup(optarg);
			mem_wipe(optarg, strlen(optarg));
			break;
		case 'f':
			if (day_parse_local(optarg, false, &q.from)) {
				free(tag);
				return cli_usage_error("--from takes a date like 2026-11-23.");
			}
			break;
		case 'T':
			if (day_parse_local(optarg, true, &q.to)) {
				free(tag);
				return cli_usage_error("--to takes a date like 2026-11-23.");
			}
			break;
		default:
			free(tag);
			return cli_usage_error("unknown option for 'tend search'.");
		}
	}
	struct buf words = BUF_INIT;
	struct error e = {0};
	int rc = 0;
	if (optind < argc && strcmp(argv[optind], "-") == 0 && optind + 1 == argc) {
		rc = cli_read_stdin(&words, &e);
	} else {
		for (int i = optind; i < argc; i++) {
			buf_printf(&words, "%s%s", i > optind ? " " : "", argv[i]);
			mem_wipe(argv[i], strlen(argv[i]));
		}
	}
	q.tag = tag;
	q.text = words.len ? buf_str(&words) : NULL;
	if (!rc && !q.text && !q.tag && !q.from && !q.to) {
		buf_free(&words);
		free(tag);
		return cli_usage_error("'tend search' needs words to look for (or a filter).");
	}
	char *dir = NULL;
	struct vault *v = NULL;
	if (!rc)
		rc = vault_dir(&dir, &e);
	if (!rc)
		rc = unlock(ctx, dir, &v, NULL, &e);
	struct entry_cursor cur = {0};
	struct entry_row rows[64];
	size_t n, found = 0;
	while (!rc && (rc = journal_rows(v, &q, &cur, rows, 64, &n, &e)) == 0 && n > 0) {
		for (size_t i = 0; i < n; i++) {
			char when[32];
			stamp_format((struct stamp){rows[i].at, rows[i].off_min}, when);
			/* The match marks are for screens; drop them here. */
			for (char *p = rows[i].title; *p; p++)
				if (*p == MATCH_ON || *p == MATCH_OFF)
					memmove(p, p + 1, strlen(p)), p--;
			printf("%lld\t%.16s\t", (long long)rows[i].id, when);
			termsafe_fputs(*rows[i].title ? rows[i].title : ENTRY_UNTITLED, stdout,
			               TERMSAFE_LINE);
			putchar('\n');
			found++;
		}
		cur = entry_cursor_after(&rows[n - 1], &q);
		for (size_t i = 0; i < n; i++)
			entry_row_free(&rows[i]);
	}
	if (!rc && !found)
		fputs("tend: no entries match.\n", stderr);
	buf_free(&words);
	free(tag);
	vault_close(v);
	free(dir);
	return rc ? cli_fail(&e) : 0;
}
