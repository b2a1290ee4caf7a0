/* sync_cmds.c: tend delete and tend merge, for a vault kept on several
 * devices (docs/sync.md). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "cli/secret.h"
#include "store/entries.h"
#include "store/sync.h"
#include "store/vault.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"

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
	struct error e;
	if (vault_put_away_copy(v, file, &e))
		fprintf(stderr, "tend: %s stays where it is: %s\n", name, e.msg);
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

/* ---- merge-driver --------------------------------------------------------------- */

/* Copies from to to (mode 0600), through to.tmp renamed into place. */
static int copy_file(const char *from, const char *to, struct error *e)
{
	int fd = open(from, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_errno(e, errno, "Cannot read %s", from);
	struct atomic_file f;
	if (atomic_begin(&f, to, 0600, e)) {
		close(fd);
		return -1;
	}
	char buf[65536];
	ssize_t n;
	int rc = 0;
	while (rc == 0 && (n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		rc = n < 0 ? error_errno(e, errno, "Cannot read %s", from)
		           : atomic_add(&f, buf, (size_t)n, e);
	}
	close(fd);
	if (rc) {
		atomic_abort(&f);
		return -1;
	}
	return atomic_commit(&f, e);
}

static void remove_tree_files(const char *dir)
{
	static const char *const names[] = {"tend.db", "tend.db-journal", "key", "key.bak", "lock"};
	char p[PATH_MAX];
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
}

/* git's merge driver for tend.db: ours (A) becomes the two merged, row by
 * row. The passphrase comes from the terminal (or --passphrase-fd), never
 * from the command line or the environment. */
int cmd_merge_driver(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		printf("usage: tend merge-driver BASE OURS THEIRS\n"
		       "git's merge driver for tend.db (tend sync-setup git sets it up): OURS\n"
		       "becomes both copies merged, row by row, as 'tend merge' does. Run by git\n"
		       "in the vault folder; it asks for the passphrase on the terminal.\n");
		return 0;
	}
	if (argc != 4)
		return cli_usage_error("'tend merge-driver' takes three files: BASE OURS THEIRS "
		                       "(git gives them as %%O %%A %%B).");
	const char *ours = argv[2], *theirs = argv[3];
	struct error e = {0};
	if (!vault_exists("."))
		return cli_fail(&(struct error){.code = E_FAIL,
		                                .msg = "tend merge-driver runs in the vault folder (git "
		                                       "runs it at the top of the repository), and "
		                                       "there is no key file here."});
	/* ours is opened as a vault of its own: a private folder beside it
	 * with a copy of the key file, all encrypted as in the vault. */
	char tmp[] = ".tend-merge-XXXXXX";
	if (!mkdtemp(tmp)) {
		error_errno(&e, errno, "Cannot make a folder for the merge");
		return cli_fail(&e);
	}
	char db[PATH_MAX], key[PATH_MAX];
	snprintf(db, sizeof(db), "%s/tend.db", tmp);
	snprintf(key, sizeof(key), "%s/key", tmp);
	struct vault *v = NULL;
	struct secret pass = {0};
	struct sync_result r;
	int rc = copy_file("key", key, &e) || copy_file(ours, db, &e) ||
	         secret_read(ctx, "Passphrase (to merge tend.db): ", &pass, &e) ||
	         vault_open(tmp, pass.s, pass.len, &v, &e) ||
	         store_sync_merge(v, theirs, false, &r, &e);
	secret_free(&pass);
	struct vault_check c;
	if (!rc)
		rc = vault_verify(v, &c, &e);
	vault_close(v);
	if (!rc)
		rc = copy_file(db, ours, &e);
	remove_tree_files(tmp);
	if (rc)
		return cli_fail(&e);
	long long n = r.tombstones + r.versions;
	for (size_t i = 0; i < r.n; i++)
		n += r.t[i].added + r.t[i].updated + r.t[i].deleted;
	fprintf(stderr, "tend: merged tend.db row by row (%lld change%s from the other side).\n", n,
	        n == 1 ? "" : "s");
	return 0;
}

/* ---- sync-setup ------------------------------------------------------------------ */

/* What never travels: the lock, the crash journal, a merge in progress,
 * key files being written, conflict copies already merged. */
static const char ignore_lines[] = "lock\n"
                                   "tend.db-journal\n"
                                   "*.tmp-*\n"
                                   ".tend-merge-*\n"
                                   "merged/\n";

/* Appends the lines of add that file lacks (creating it 0600 if missing). */
static int add_lines(const char *file, const char *add, struct error *e)
{
	struct buf b = BUF_INIT;
	int missing = 0;
	if (read_file(file, 1 << 20, &b, &missing, e) && !missing)
		return -1;
	int bad = 0;
	if (b.len && b.data[b.len - 1] != '\n')
		bad = buf_putc(&b, '\n');
	for (const char *p = add; *p && !bad;) {
		const char *nl = strchr(p, '\n');
		size_t n = (size_t)(nl - p);
		bool have = false;
		for (const char *q = b.len ? buf_str(&b) : ""; *q;) {
			const char *qn = strchr(q, '\n');
			size_t m = qn ? (size_t)(qn - q) : strlen(q);
			have |= m == n && memcmp(q, p, n) == 0;
			q += m + (qn != NULL);
		}
		if (!have)
			bad = buf_append(&b, p, n + 1);
		p = nl + 1;
	}
	int rc = bad ? error_set(e, E_FAIL, "Out of memory.")
	             : atomic_write(file, b.data ? b.data : "", b.len, 0644, e);
	buf_free(&b);
	if (rc == 0)
		printf("wrote %s\n", file);
	return rc;
}

int cmd_sync_setup(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	bool yes = argc == 3 && strcmp(argv[2], "--yes") == 0;
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		printf("usage: tend sync-setup git [--yes] | syncthing\n"
		       "Writes into the vault folder what a sync tool needs to keep the vault in\n"
		       "step between devices (docs/sync.md). git: .gitattributes (tend.db goes to\n"
		       "tend's merge driver) and .gitignore, and the git config line to run (run\n"
		       "for you with --yes). syncthing: .stignore.\n");
		return 0;
	}
	if (argc < 2 || argc > 3 || (argc == 3 && !yes) ||
	    (strcmp(argv[1], "git") != 0 && strcmp(argv[1], "syncthing") != 0) ||
	    (yes && strcmp(argv[1], "git") != 0))
		return cli_usage_error("'tend sync-setup' takes git [--yes] or syncthing.");
	struct error e = {0};
	struct paths p;
	if (paths_resolve(&p, &e))
		return cli_fail(&e);
	char *dir = p.data_dir;
	free(p.config_dir);
	char f[PATH_MAX];
	int rc = 0;
	if (strcmp(argv[1], "syncthing") == 0) {
		snprintf(f, sizeof(f), "%s/.stignore", dir);
		rc = add_lines(f, ignore_lines, &e);
	} else {
		snprintf(f, sizeof(f), "%s/.gitattributes", dir);
		rc = add_lines(f, "tend.db binary merge=tend\n", &e);
		snprintf(f, sizeof(f), "%s/.gitignore", dir);
		if (!rc)
			rc = add_lines(f, ignore_lines, &e);
		static const char *const cfg[] = {"git", "config", "merge.tend.driver",
		                                  "tend merge-driver %O %A %B", NULL};
		if (!rc && yes) {
			pid_t pid = fork();
			if (pid == 0) {
				if (chdir(dir) != 0)
					_exit(127);
				execvp(cfg[0], (char *const *)cfg);
				_exit(127);
			}
			int st = 0;
			if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st))
				rc = error_set(&e, E_FAIL, "git config did not work in %s (is it a git "
				                           "repository?). Run it there by hand:\n  git config "
				                           "merge.tend.driver \"tend merge-driver %%O %%A %%B\"",
				               dir);
			else
				printf("ran: git config merge.tend.driver \"tend merge-driver %%O %%A %%B\"\n");
		} else if (!rc) {
			printf("Now run this in %s (each clone needs it once):\n"
			       "  git config merge.tend.driver \"tend merge-driver %%O %%A %%B\"\n",
			       dir);
		}
	}
	free(dir);
	return rc ? cli_fail(&e) : 0;
}
