/* sync_cmds.c: tend delete and tend merge, for a vault kept on several
 * devices (docs/sync.md). */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "store/entries.h"
#include "store/journal.h"
#include "store/sync.h"
#include "store/vault.h"

/* ---- delete ------------------------------------------------------------------ */

struct delete_args {
	int64_t id;
	bool yes;
};

/* Asks on the terminal (stderr, then a line from stdin); true for yes. */
static bool confirm(const char *title, long long id)
{
	fprintf(stderr, "Delete entry %lld, \"%s\", and its earlier versions? This cannot be "
	                "undone from the command line. [y/N] ",
	        id, title);
	fflush(stderr);
	char line[16];
	if (!fgets(line, sizeof(line), stdin))
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

static int run_delete(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct delete_args *a = arg;
	if (!a->yes) {
		struct entry en;
		if (entries_get(v, a->id, &en, e))
			return -1;
		bool ok = confirm(*en.title ? en.title : ENTRY_UNTITLED, (long long)a->id);
		entry_free(&en);
		if (!ok) {
			fprintf(stderr, "tend: nothing was deleted.\n");
			return 0;
		}
	}
	struct deleted_entry *d = NULL;
	if (entries_delete(v, a->id, &d, e))
		return -1;
	deleted_entry_free(d);
	fprintf(stderr, "tend: deleted entry %lld.\n", (long long)a->id);
	return 0;
}

int cmd_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"yes", no_argument, NULL, 'y'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	struct delete_args a = {0};
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "+yh", opts, NULL)) != -1) {
		if (c == 'y') {
			a.yes = true;
		} else if (c == 'h') {
			printf("usage: tend delete [--yes] ID\n"
			       "Deletes an entry and its earlier versions. Without --yes it asks first,\n"
			       "on a terminal. Another copy of the vault learns of the deletion when\n"
			       "the two are merged (tend merge).\n");
			return 0;
		} else {
			return cli_usage_error("'tend delete' takes --yes and an entry's number.");
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("'tend delete' takes one entry number ('tend list' shows them).");
	if (cli_parse_id(argv[optind], &a.id))
		return cli_usage_error("'%s' is not an entry number ('tend list' shows them).",
		                       argv[optind]);
	if (!a.yes && (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)))
		return cli_usage_error("deleting entry %lld cannot be undone, and there is no terminal "
		                       "to ask on; add --yes to go ahead.",
		                       (long long)a.id);
	return cli_with_vault(ctx, run_delete, &a, NULL);
}

/* ---- merge ------------------------------------------------------------------- */

struct merge_args {
	const char *file;
	bool dry_run;
};

/* A sync tool's conflict copy in the vault folder, once merged, goes to
 * merged/ in that folder, but only when the merged vault verifies: until
 * then it stays where it is, and nothing is lost either way. */
static void put_away(struct vault *v, const char *file)
{
	const char *slash = strrchr(file, '/');
	const char *name = slash ? slash + 1 : file;
	if (vault_conflict_kind(name) != CONFLICT_DB)
		return;
	char dir[PATH_MAX], folder[PATH_MAX], *copy = strdup(file);
	bool here = copy && realpath(slash ? dirname(copy) : ".", dir) &&
	            realpath(vault_folder(v), folder) && strcmp(dir, folder) == 0;
	free(copy);
	if (!here)
		return;
	struct vault_check c;
	struct error e;
	if (vault_verify(v, &c, &e)) {
		fprintf(stderr, "tend: the merged vault did not verify, so %s stays where it is: %s\n",
		        name, e.msg);
		return;
	}
	char to[PATH_MAX + 64];
	snprintf(to, sizeof(to), "%s/merged", folder);
	if (mkdir(to, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "tend: %s stays where it is (cannot make %s: %s).\n", name, to,
		        strerror(errno));
		return;
	}
	snprintf(to, sizeof(to), "%s/merged/%s", folder, name);
	if (rename(file, to) != 0)
		fprintf(stderr, "tend: %s stays where it is (cannot move it: %s).\n", name,
		        strerror(errno));
	else
		fprintf(stderr, "tend: the vault verifies; %s was moved to %s/merged/ (delete it "
		                "when you like).\n",
		        name, folder);
}

static int run_merge(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct merge_args *a = arg;
	struct sync_result r;
	if (store_sync_merge(v, a->file, a->dry_run, &r, e))
		return -1;
	long long total = r.tombstones + r.versions;
	for (size_t i = 0; i < r.n; i++)
		total += r.t[i].added + r.t[i].updated + r.t[i].deleted;
	FILE *out = stdout;
	fprintf(out, "%s %s:\n", a->dry_run ? "Merging would bring in, from" : "Merged from",
	        a->file);
	for (size_t i = 0; i < r.n; i++) {
		const struct sync_count *t = &r.t[i];
		if (t->added || t->updated || t->deleted)
			fprintf(out, "  %-18s %lld new, %lld newer, %lld deleted\n", t->table, t->added,
			        t->updated, t->deleted);
	}
	if (r.versions)
		fprintf(out, "  %lld other text(s) of an entry kept as earlier versions\n", r.versions);
	if (r.tombstones)
		fprintf(out, "  %lld deletion(s) noted\n", r.tombstones);
	if (!total)
		fprintf(out, "  nothing: this vault has everything the other copy has.\n");
	if (a->dry_run)
		fprintf(out, "Nothing was changed (--dry-run).\n");
	else
		put_away(v, a->file);
	return 0;
}

int cmd_merge(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dry-run", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0},
	};
	struct merge_args a = {0};
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "+nh", opts, NULL)) != -1) {
		if (c == 'n') {
			a.dry_run = true;
		} else if (c == 'h') {
			printf("usage: tend merge [--dry-run] FILE\n"
			       "Brings in another copy of this vault's database (a sync tool's conflict\n"
			       "copy, or tend.db from another device): rows only it has are added, the\n"
			       "newer edit of a row becomes current (an entry's other text is kept as an\n"
			       "earlier version) and deletions travel. All or nothing; merging the same\n"
			       "copy again changes nothing. --dry-run says what would change. A file that\n"
			       "is not a copy of this vault is refused (exit 4) and nothing changes.\n");
			return 0;
		} else {
			return cli_usage_error("'tend merge' takes --dry-run and a file.");
		}
	}
	if (argc - optind != 1 || !*argv[optind])
		return cli_usage_error("'tend merge' takes one file: the other copy's tend.db.");
	a.file = argv[optind];
	return cli_with_vault(ctx, run_merge, &a, NULL);
}
