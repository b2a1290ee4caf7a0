/* report_cmds.c: session reports (tend report), and sealing them for a
 * therapist (tend keygen, tend report --seal-to, tend open-report).
 *
 * cli includes crypto/seal.h directly: sealing and the therapist's key
 * file are not vault data, so routing them through io would add a layer
 * of wrappers for nothing (scripts/check-layers allows cli -> crypto). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "cli/secret.h"
#include "crypto/secmem.h"
#include "crypto/seal.h"
#include "io/export.h"
#include "io/report.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"
#include "util/termsafe.h"

#define MAX_ENTRIES 64
#define MAX_DAYS 36600 /* a hundred years: more is a typo */
#define KEY_DEFAULT "tend-therapist.key"
#define SEALED_MAX ((size_t)256 << 20)

struct report_args {
	int64_t from, to; /* day numbers */
	unsigned sections;
	enum report_format format;
	int64_t ids[MAX_ENTRIES];
	size_t nids;
	const char *out;
	bool dry_run, sealed;
	uint8_t pk[SEAL_PK_BYTES];
};

/* A report goes to -o FILE, or to standard output sent to a file or
 * another program, exactly as it is. Only an opened report on a terminal
 * is for reading there: its titles and notes may hold anything an import
 * brought in, so it goes through termsafe (newlines and tabs kept).
 * ('tend report' refuses a terminal, so its output is never filtered.) */
static int write_out(const char *path, const struct buf *b, bool to_read, struct error *e)
{
	if (path)
		return atomic_write(path, b->data, b->len, 0600, e);
	struct buf safe = BUF_INIT;
	const struct buf *out = b;
	if (to_read) {
		if (termsafe_append(&safe, b->data, b->len, TERMSAFE_TEXT)) {
			buf_free(&safe);
			return error_set(e, E_FAIL, "Out of memory.");
		}
		out = &safe;
	}
	int rc = 0;
	if (write_all(STDOUT_FILENO, out->data, out->len))
		rc = error_errno(e, errno, "Could not write the report to standard output");
	buf_free(&safe);
	return rc;
}

static int report_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct report_args *a = arg;
	struct report_build rb;
	if (report_build_load(v, a->from, a->to, a->sections, a->ids, a->nids, &rb, e))
		return -1;
	const struct report_data *d = &rb.d;
	int rc;
	struct buf text = BUF_INIT;
	if (a->dry_run) {
		rc = report_preview(d, &text, e);
		if (!rc) {
			termsafe_fputs(buf_str(&text), stdout, TERMSAFE_TEXT);
			char pk[SEAL_PK_TEXT_MAX];
			if (a->sealed)
				seal_pk_format(a->pk, pk);
			printf("As %s, %s%s, to %s.\nNothing was written (--dry-run).\n",
			       a->format == REPORT_HTML ? "HTML" : "Markdown",
			       a->sealed ? "sealed for " : "NOT encrypted", a->sealed ? pk : "",
			       a->out ? a->out : "standard output");
		}
	} else {
		rc = a->out ? path_refuse_inside(vault_folder(v), a->out, "the report",
		                                 a->sealed ? "it could overwrite the vault's own files."
		                                           : EXPORT_INSIDE_VAULT,
		                                 e)
		            : 0;
		if (!rc)
			rc = report_output(d, a->format, a->sealed ? a->pk : NULL, &text, e);
		if (!rc)
			rc = write_out(a->out, &text, false, e);
		if (!rc && a->sealed)
			fprintf(stderr, "tend: wrote the report, sealed, to %s. Only the holder of the "
			                "matching key file and its passphrase can open it.\n",
			        a->out ? a->out : "standard output");
		else if (!rc)
			fprintf(stderr, "tend: wrote the report to %s. It is NOT encrypted: anyone who "
			                "can read it can read what it holds. Keep it private, or use "
			                "--seal-to.\n",
			        a->out ? a->out : "standard output");
	}
	buf_free(&text);
	report_build_free(&rb);
	return rc;
}

int cmd_report(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"format", required_argument, NULL, 'F'},
		{"include", required_argument, NULL, 'i'},
		{"entry", required_argument, NULL, 'e'},
		{"output", required_argument, NULL, 'o'},
		{"seal-to", required_argument, NULL, 's'},
		{"dry-run", no_argument, NULL, 'n'},
		{"preview", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct report_args a = {.sections = REPORT_DEFAULT, .format = REPORT_MD};
	const char *from = NULL, *to = NULL;
	bool included = false;
	struct error e = {0};
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend report --from YYYY-MM-DD --to YYYY-MM-DD [--format md|html]\n"
			     "                   [--include LIST] [--entry ID]... [-o FILE]\n"
			     "                   [--seal-to PUBKEY] [--dry-run]\n"
			     "A report of the days from --from to --to (both included) to take to a\n"
			     "session. LIST picks sections: mood, triggers, coping, path, homework\n"
			     "(progress, and the text of short answers), entries (default\n"
			     "mood,triggers,coping,path). Journal text goes in only for each\n"
			     "entry named with --entry. --dry-run shows what the report would hold and\n"
			     "writes nothing. Without --seal-to the report is NOT encrypted; --seal-to\n"
			     "seals it for the key a therapist made with 'tend keygen'.");
			return 0;
		case 'f':
			from = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "md") == 0 || strcmp(optarg, "markdown") == 0)
				a.format = REPORT_MD;
			else if (strcmp(optarg, "html") == 0)
				a.format = REPORT_HTML;
			else
				return cli_usage_error("--format: a report is md or html, not '%s'.", optarg);
			break;
		case 'i':
			if (report_sections_parse(optarg, &a.sections, &e))
				return cli_usage_error("%s", e.msg);
			included = true;
			break;
		case 'e':
			if (a.nids == MAX_ENTRIES)
				return cli_usage_error("--entry: at most %d entries in one report.",
				                       MAX_ENTRIES);
			if (cli_parse_id(optarg, &a.ids[a.nids]))
				return cli_usage_error("--entry takes an entry's number (see 'tend list'), "
				                       "not '%s'.", optarg);
			a.nids++;
			break;
		case 'o':
			a.out = optarg;
			break;
		case 's':
			if (seal_pk_parse(optarg, a.pk, &e))
				return cli_usage_error("--seal-to: %s", e.msg);
			a.sealed = true;
			break;
		case 'n':
			a.dry_run = true;
			break;
		default:
			return cli_usage_error("unknown option for 'tend report'.");
		}
	}
	if (optind != argc)
		return cli_usage_error("'tend report' takes no other arguments ('%s' was given).",
		                       argv[optind]);
	if (!from || !to)
		return cli_usage_error("'tend report' needs --from and --to, each a date like "
		                       "2026-11-23.");
	if (report_parse_day(from, &a.from, &e) || report_parse_day(to, &a.to, &e))
		return cli_usage_error("%s", e.msg);
	if (a.from > a.to)
		return cli_usage_error("--from (%s) comes after --to (%s).", from, to);
	if (a.to - a.from >= MAX_DAYS)
		return cli_usage_error("a report covers at most %d days.", MAX_DAYS);
	bool want_entries = a.sections & REPORT_BIT(REPORT_ENTRIES);
	if (a.nids && !included)
		a.sections |= REPORT_BIT(REPORT_ENTRIES);
	else if (a.nids && !want_entries)
		return cli_usage_error("--entry was given but --include leaves out 'entries'.");
	else if (want_entries && !a.nids)
		return cli_usage_error("'entries' goes in only with the entries you name: add "
		                       "--entry ID for each (see 'tend list').");
	if (!a.dry_run && !a.out && isatty(STDOUT_FILENO))
		return cli_usage_error(a.sealed ? "give -o FILE for the sealed report."
		                                : "the report is not encrypted; give -o FILE, or "
		                                  "send standard output to a file or another "
		                                  "program.");
	return cli_with_vault(ctx, report_run, &a, NULL);
}

/* ---- the therapist's side */

/* -o DIR puts the key file in DIR under its usual name. */
static char *key_path(const char *given)
{
	struct stat st;
	if (!given)
		return strdup(KEY_DEFAULT);
	if (stat(given, &st) == 0 && S_ISDIR(st.st_mode))
		return path_join(given, KEY_DEFAULT);
	return strdup(given);
}

int cmd_keygen(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *given = NULL;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend keygen [-o DIR | FILE]\n"
			     "For a therapist: makes a key pair for sealed reports. The secret key is\n"
			     "kept in FILE (default ./" KEY_DEFAULT "), locked with a passphrase you\n"
			     "choose; the public key is printed as one line to give to clients, who\n"
			     "use it with 'tend report --seal-to'. Open reports with 'tend open-report'.");
			return 0;
		case 'o':
			given = optarg;
			break;
		default:
			return cli_usage_error("unknown option for 'tend keygen'.");
		}
	}
	if (optind != argc)
		return cli_usage_error("'tend keygen' takes no other arguments ('%s' was given).",
		                       argv[optind]);
	struct error e = {0};
	char *path = key_path(given);
	if (!path)
		return error_set(&e, E_FAIL, "Out of memory."), cli_fail(&e);
	struct stat st;
	if (lstat(path, &st) == 0 || errno != ENOENT) {
		error_set(&e, E_FAIL, "%s exists already; it is left as it is (a key file replaced "
		                      "is a key lost). Choose another name with -o.", path);
		free(path);
		return cli_fail(&e);
	}
	struct secret pass = {0};
	uint8_t pk[SEAL_PK_BYTES], file[SEAL_KEYFILE_SIZE];
	struct kdf_params kdf;
	kdf_params_default(&kdf, vault_fast_kdf_requested());
	int rc = secret_read_new(ctx, "Choose a passphrase for the key: ", &pass, &e);
	if (!rc)
		rc = seal_keygen(pass.s, pass.len, &kdf, pk, file, &e);
	secret_free(&pass);
	if (!rc)
		rc = atomic_write(path, file, sizeof(file), 0600, &e);
	if (!rc) {
		char line[SEAL_PK_TEXT_MAX];
		seal_pk_format(pk, line);
		fprintf(stderr, "tend: the key is in %s (keep it, and its passphrase, safe: without "
		                "them no report sealed to it can be opened). Give clients this public "
		                "key:\n",
		        path);
		printf("%s\n", line);
	}
	free(path);
	return rc ? cli_fail(&e) : 0;
}

int cmd_open_report(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"key", required_argument, NULL, 'k'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *keyfile = KEY_DEFAULT, *out = NULL;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "k:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend open-report FILE [-k KEYFILE] [-o OUT]\n"
			     "Opens a report sealed with 'tend report --seal-to', using the key file\n"
			     "from 'tend keygen' (default ./" KEY_DEFAULT ") and its passphrase. Writes\n"
			     "the report to OUT, or to standard output.");
			return 0;
		case 'k':
			keyfile = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return cli_usage_error("unknown option for 'tend open-report'.");
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("'tend open-report' takes one sealed file.");
	const char *file = argv[optind];
	struct error e = {0};
	struct buf key = BUF_INIT, sealed = BUF_INIT, plain = BUF_INIT;
	struct sealed_header h;
	struct secret pass = {0};
	uint8_t pk[SEAL_PK_BYTES];
	uint8_t *sk = NULL;
	int rc = read_file(file, SEALED_MAX, &sealed, NULL, &e);
	/* The file is checked before the passphrase is asked for. */
	if (!rc)
		rc = sealed_parse((const uint8_t *)sealed.data, sealed.len, &h, &e);
	if (!rc && read_file(keyfile, 4096, &key, NULL, &e)) {
		char why[sizeof(e.msg)];
		snprintf(why, sizeof(why), "%s", e.msg);
		rc = error_set(&e, E_FAIL, "%s. Give the key file with -k KEYFILE.", why);
	}
	if (!rc)
		rc = seal_keyfile_public((const uint8_t *)key.data, key.len, pk, &e);
	if (!rc) {
		uint8_t id[SEAL_KEY_ID_BYTES];
		seal_key_id(pk, id);
		if (memcmp(id, h.key_id, sizeof(id)) != 0)
			rc = error_set(&e, E_FAIL, "%s was sealed for a different key, not the one in "
			                           "%s. Nothing was opened.", file, keyfile);
	}
	if (!rc)
		rc = secret_read(ctx, "Passphrase for the key: ", &pass, &e);
	if (!rc && !(sk = secmem_alloc(SEAL_SK_BYTES)))
		rc = error_set(&e, E_FAIL, "Out of memory.");
	if (!rc)
		rc = seal_keyfile_unlock((const uint8_t *)key.data, key.len, pass.s, pass.len, pk, sk,
		                         &e);
	secret_free(&pass);
	if (!rc)
		rc = seal_open((const uint8_t *)sealed.data, sealed.len, pk, sk, &plain, &e);
	secmem_free(sk);
	if (!rc)
		rc = write_out(out, &plain, isatty(STDOUT_FILENO), &e);
	if (!rc && out)
		fprintf(stderr, "tend: opened the report into %s (not encrypted).\n", out);
	buf_free(&key);
	buf_free(&sealed);
	buf_free(&plain);
	return rc ? cli_fail(&e) : 0;
}
