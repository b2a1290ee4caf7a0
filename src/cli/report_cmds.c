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
	bool dry_run, sealed, fingerprint;
	uint8_t pk[SEAL_PK_BYTES];
};

/* tend report --fingerprint: what the therapist sees on opening. */
static int fingerprint_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	(void)arg;
	char fpr[SEAL_FPR_TEXT_MAX];
	if (report_fingerprint(v, fpr, e))
		return -1;
	printf("%s\n", fpr);
	return 0;
}

/* A report goes to -o FILE, or to standard output sent to a file or
 * another program, exactly as it is. Neither 'tend report' nor 'tend
 * open-report' writes a report to a terminal (both refuse one first). */
static int write_out(const char *path, const struct buf *b, struct error *e)
{
	if (path)
		return atomic_write(path, b->data, b->len, 0600, e);
	if (write_all(STDOUT_FILENO, b->data, b->len))
		return error_errno(e, errno, "Could not write the report to standard output");
	return 0;
}

static int report_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct report_args *a = arg;
	struct report_build rb;
	char fpr[SEAL_FPR_TEXT_MAX] = "";
	if (a->sealed && report_fingerprint(v, fpr, e))
		return -1;
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
			printf("As %s, %s%s, to %s.\n", a->format == REPORT_HTML ? "HTML" : "Markdown",
			       a->sealed ? "sealed for " : "NOT encrypted", a->sealed ? pk : "",
			       a->out ? a->out : "standard output");
			if (a->sealed)
				printf("Signed by this vault, fingerprint %s.\n", fpr);
			puts("Nothing was written (--dry-run).");
		}
	} else {
		rc = a->out ? path_refuse_inside(vault_folder(v), a->out, "the report",
		                                 a->sealed ? "it could overwrite the vault's own files."
		                                           : EXPORT_INSIDE_VAULT,
		                                 e)
		            : 0;
		if (!rc)
			rc = report_output(v, d, a->format, a->sealed ? a->pk : NULL, &text, e);
		if (!rc)
			rc = write_out(a->out, &text, e);
		if (!rc && a->sealed)
			fprintf(stderr, "tend: wrote the report, sealed, to %s. Only the holder of the "
			                "matching key file and its passphrase can open it. It is "
			                "signed by this vault: your therapist will see the fingerprint "
			                "%s.\n",
			        a->out ? a->out : "standard output", fpr);
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

/* What tend report was given, checked before the vault is opened: the
 * days, and the entries against the sections. 0, or the exit code of the
 * usage error it printed. */
static int report_args_check(struct report_args *a, const char *from, const char *to,
                             bool included)
{
	struct error e = {0};
	if (!from || !to)
		return cli_usage_error("'tend report' needs --from and --to, each a date like "
		                       "2026-11-23.");
	if (report_parse_day(from, &a->from, &e) || report_parse_day(to, &a->to, &e))
		return cli_usage_error("%s", e.msg);
	if (a->from > a->to)
		return cli_usage_error("--from (%s) comes after --to (%s).", from, to);
	if (a->to - a->from >= MAX_DAYS)
		return cli_usage_error("a report covers at most %d days.", MAX_DAYS);
	bool want_entries = a->sections & REPORT_BIT(REPORT_ENTRIES);
	if (a->nids && !included)
		a->sections |= REPORT_BIT(REPORT_ENTRIES);
	else if (a->nids && !want_entries)
		return cli_usage_error("--entry was given but --include leaves out 'entries'.");
	else if (want_entries && !a->nids)
		return cli_usage_error("'entries' goes in only with the entries you name: add "
		                       "--entry ID for each (see 'tend list').");
	if (!a->dry_run && !a->out && isatty(STDOUT_FILENO))
		return cli_usage_error(a->sealed ? "give -o FILE for the sealed report."
		                                 : "the report is not encrypted; give -o FILE, or "
		                                   "send standard output to a file or another "
		                                   "program.");
	return 0;
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
		{"fingerprint", no_argument, NULL, 'P'},
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
			     "       tend report --fingerprint\n"
			     "A report of the days from --from to --to (both included) to take to a\n"
			     "session. LIST picks sections: mood, triggers, coping, path, homework\n"
			     "(progress, each scale's numbers by day, the text of short answers),\n"
			     "entries (default mood,triggers,coping,path). Journal text goes in\n"
			     "only for each entry named with --entry. --dry-run shows what the\n"
			     "report would hold and writes nothing. Without --seal-to the report is\n"
			     "NOT encrypted; --seal-to seals it for the key a therapist made with\n"
			     "'tend keygen', signed by this vault; --fingerprint shows what the\n"
			     "therapist sees as its sender.");
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
		case 'o': /* "-" is standard output, as for export and open-report */
			a.out = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case 's':
			if (seal_pk_parse(optarg, a.pk, &e))
				return cli_usage_error("--seal-to: %s", e.msg);
			a.sealed = true;
			break;
		case 'n':
			a.dry_run = true;
			break;
		case 'P':
			a.fingerprint = true;
			break;
		default:
			return cli_usage_error("unknown option for 'tend report'.");
		}
	}
	if (a.fingerprint) {
		if (optind != argc || from || to || a.sealed || a.out || a.dry_run)
			return cli_usage_error("'tend report --fingerprint' takes nothing else.");
		return cli_with_vault(ctx, fingerprint_run, NULL, NULL);
	}
	if (optind != argc)
		return cli_usage_error("'tend report' takes no other arguments ('%s' was given).",
		                       argv[optind]);
	int bad = report_args_check(&a, from, to, included);
	if (bad)
		return bad;
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
		{"key", required_argument, NULL, 'o'},
		{"show", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *given = NULL;
	bool show = false;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:k:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend keygen [-o DIR | FILE]\n"
			     "       tend keygen --show [-k DIR | FILE]\n"
			     "For a therapist: makes a key pair for sealed reports. The secret key is\n"
			     "kept in FILE (default ./" KEY_DEFAULT "), locked with a passphrase you\n"
			     "choose; the public key is printed as one line to give to clients, who\n"
			     "use it with 'tend report --seal-to'. Open reports with 'tend open-report'.\n"
			     "--show prints the public key of an existing key file again (no\n"
			     "passphrase needed).");
			return 0;
		case 'o':
		case 'k':
			given = optarg;
			break;
		case 'S':
			show = true;
			break;
		default:
			return cli_usage_error("unknown option for 'tend keygen'.");
		}
	}
	if (optind != argc)
		return cli_usage_error("'tend keygen' takes no other arguments ('%s' was given).",
		                       argv[optind]);
	/* The secret key goes to a file of its own, never to standard output
	 * (a file named "-" is what "-o -" made). */
	if (given && strcmp(given, "-") == 0)
		return cli_usage_error("the key pair is written to a file: give -o DIR or -o FILE "
		                       "(without -o, %s here).",
		                       KEY_DEFAULT);
	struct error e = {0};
	char *path = key_path(given);
	if (!path)
		return error_set(&e, E_FAIL, "Out of memory."), cli_fail(&e);
	if (show) {
		struct buf key = BUF_INIT;
		uint8_t pk[SEAL_PK_BYTES];
		char line[SEAL_PK_TEXT_MAX];
		int rc = read_file(path, 4096, &key, NULL, &e);
		if (!rc)
			rc = seal_keyfile_public((const uint8_t *)key.data, key.len, pk, &e);
		if (!rc) {
			seal_pk_format(pk, line);
			printf("%s\n", line);
		}
		buf_free(&key);
		free(path);
		return rc ? cli_fail(&e) : 0;
	}
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

/* ---- who sent a report: the therapist's known senders
 *
 * Next to the key file (KEYFILE.senders), one line per sender seen:
 * the public signing key in hex, a space, and the name the therapist gave
 * with --client (or "-"). Trust on first use: the first report from a key
 * is recorded; later ones are "the same sender as before"; a report that
 * names a known client but comes from another key is called out. */

#define SENDERS_MAX ((size_t)1 << 20)
#define CLIENT_MAX 64

struct senders {
	struct buf text;
	const char *path;
};

static void spk_hex(const uint8_t spk[SEAL_SIGN_PK_BYTES], char out[2 * SEAL_SIGN_PK_BYTES + 1])
{
	for (size_t i = 0; i < SEAL_SIGN_PK_BYTES; i++)
		snprintf(out + 2 * i, 3, "%02x", spk[i]);
}

/* The line's name (into name) when a line holds hex; 1 found, 0 not. */
static int senders_find_key(const struct senders *s, const char *hex, char *name, size_t size)
{
	size_t hl = strlen(hex);
	const char *p = buf_str(&s->text);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > hl && memcmp(p, hex, hl) == 0 && p[hl] == ' ') {
			snprintf(name, size, "%.*s", (int)(len - hl - 1), p + hl + 1);
			return 1;
		}
		p += len + (nl != NULL);
	}
	return 0;
}

/* The key (hex) of the line named name; 1 found, 0 not. */
static int senders_find_name(const struct senders *s, const char *name, char *hex, size_t size)
{
	size_t nl_len = strlen(name);
	const char *p = buf_str(&s->text);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *sp = memchr(p, ' ', len);
		if (sp && (size_t)(p + len - sp - 1) == nl_len && memcmp(sp + 1, name, nl_len) == 0) {
			snprintf(hex, size, "%.*s", (int)(sp - p), p);
			return 1;
		}
		p += len + (nl != NULL);
	}
	return 0;
}

/* Adds the line "hex name", in place of any line for the same key and,
 * with replace, of the line already named name. */
static int senders_add(struct senders *s, const char *hex, const char *name, bool replace,
                       struct error *e)
{
	struct buf out = BUF_INIT;
	const char *p = buf_str(&s->text);
	int rc = 0;
	while (*p && !rc) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *sp = memchr(p, ' ', len);
		bool drop = sp && (((size_t)(sp - p) == strlen(hex) && memcmp(p, hex, strlen(hex)) == 0) ||
		                   (replace && (size_t)(p + len - sp - 1) == strlen(name) &&
		                    memcmp(sp + 1, name, strlen(name)) == 0));
		if (!drop && len && (buf_append(&out, p, len) || buf_append(&out, "\n", 1)))
			rc = error_set(e, E_FAIL, "Out of memory.");
		p += len + (nl != NULL);
	}
	if (!rc && (buf_append(&out, hex, strlen(hex)) || buf_append(&out, " ", 1) ||
	            buf_append(&out, name, strlen(name)) || buf_append(&out, "\n", 1)))
		rc = error_set(e, E_FAIL, "Out of memory.");
	if (!rc)
		rc = atomic_write(s->path, out.data, out.len, 0600, e);
	buf_free(&out);
	return rc;
}

/* A client's name as the therapist gives it: one short line of text. */
static bool client_name_ok(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > CLIENT_MAX || strcmp(s, "-") == 0)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* Says who sent the report. 0 when it is signed by a key that may be
 * trusted (first seen, or the same as before); E_FAIL for an unsigned
 * report; E_CORRUPT for a known client's name on another key. */
static int say_sender(const char *keyfile, const struct seal_sender *from, const char *client,
                      bool new_key, struct error *e)
{
	if (!from->is_signed)
		return error_set(e, E_FAIL, "This report is UNSIGNED (older format): tend cannot "
		                            "tell who made it, and anyone holding your public key "
		                            "could have. Read it only if the client confirms, in "
		                            "person, that they sent it; ask them to update tend.");
	char fpr[SEAL_FPR_TEXT_MAX], hex[2 * SEAL_SIGN_PK_BYTES + 1];
	char known[CLIENT_MAX + 1], khex[2 * SEAL_SIGN_PK_BYTES + 1];
	seal_fingerprint(from->spk, fpr);
	spk_hex(from->spk, hex);
	struct senders s = {.text = BUF_INIT};
	char *path = NULL;
	if (asprintf(&path, "%s.senders", keyfile) < 0)
		return error_set(e, E_FAIL, "Out of memory.");
	s.path = path;
	int rc = 0;
	if (access(path, F_OK) == 0)
		rc = read_file(path, SENDERS_MAX, &s.text, NULL, e);
	if (rc)
		goto out;
	fprintf(stderr, "tend: sender's fingerprint: %s\n", fpr);
	if (senders_find_key(&s, hex, known, sizeof(known))) {
		fputs("tend: the same sender as before", stderr);
		if (strcmp(known, "-") != 0) {
			fputs(" (", stderr);
			termsafe_fputs(known, stderr, TERMSAFE_LINE);
			fputs(")", stderr);
		}
		fputs(".\n", stderr);
		/* A name given for a key first seen without one is kept. */
		if (client && strcmp(known, "-") == 0 && !senders_find_name(&s, client, khex, sizeof(khex)))
			rc = senders_add(&s, hex, client, false, e);
		goto out;
	}
	if (client && senders_find_name(&s, client, khex, sizeof(khex)) && !new_key) {
		uint8_t old[SEAL_SIGN_PK_BYTES];
		char ofpr[SEAL_FPR_TEXT_MAX] = "(unreadable)";
		bool ok = strlen(khex) == 2 * SEAL_SIGN_PK_BYTES;
		for (size_t i = 0; ok && i < SEAL_SIGN_PK_BYTES; i++) {
			unsigned b;
			ok = sscanf(khex + 2 * i, "%2x", &b) == 1;
			old[i] = (uint8_t)b;
		}
		if (ok)
			seal_fingerprint(old, ofpr);
		rc = error_set(e, E_CORRUPT, "A DIFFERENT KEY: earlier reports from %s came from "
		                             "fingerprint %s, this one from %s. Someone else may have "
		                             "made it, or the client set tend up again. Ask the "
		                             "client before you trust what it says; if they sent "
		                             "it, open it again with --new-key.",
		               client, ofpr, fpr);
		goto out;
	}
	if (client && new_key)
		fputs("tend: this client's new key is remembered in ", stderr);
	else if (client)
		fputs("tend: the first report from this client; their key is remembered in ", stderr);
	else
		fputs("tend: the first report from this sender; the key is remembered in ", stderr);
	termsafe_fputs(path, stderr, TERMSAFE_LINE);
	fputs(".\ntend: check the fingerprint with your client once (they see it with 'tend "
	      "report --fingerprint'). Give --client NAME to tell a changed key apart.\n",
	      stderr);
	rc = senders_add(&s, hex, client ? client : "-", new_key, e);
out:
	buf_free(&s.text);
	free(path);
	return rc;
}

/* Beside the sealed file: FILE.sealed becomes FILE.md or FILE.html (by
 * what the report is), any other name gets the ending added. */
static char *beside(const char *file, const struct buf *plain)
{
	const char *ext = strncmp(buf_str(plain), "<!DOCTYPE", 9) == 0 ? ".html" : ".md";
	size_t n = strlen(file);
	if (n > 7 && strcmp(file + n - 7, ".sealed") == 0)
		n -= 7;
	char *p = NULL;
	return asprintf(&p, "%.*s%s", (int)n, file, ext) < 0 ? NULL : p;
}

/* Whether path may be written: it is not there, -f was given, or the
 * person says yes on the terminal. */
static int may_replace(const char *path, bool force, struct error *e)
{
	struct stat st;
	if (force || (lstat(path, &st) != 0 && errno == ENOENT))
		return 0;
	if (isatty(STDIN_FILENO) && isatty(STDERR_FILENO)) {
		fputs("tend: ", stderr);
		termsafe_fputs(path, stderr, TERMSAFE_LINE);
		fputs(" exists. Replace it? [y/N] ", stderr);
		char line[16];
		if (fgets(line, sizeof(line), stdin) && (line[0] == 'y' || line[0] == 'Y'))
			return 0;
	}
	return error_set(e, E_FAIL, "%s exists already and was left as it is. Give -o another "
	                            "name, or -f to replace it.", path);
}

/* Opens the sealed report with the key file's secret key, asking for its
 * passphrase once the key is known to be the one it was sealed for: the
 * report into plain, its signer into from. */
static int unseal(struct cli_ctx *ctx, const char *file, const char *keyfile,
                  const struct buf *sealed, const struct sealed_header *h, struct buf *plain,
                  struct seal_sender *from, struct error *e)
{
	struct buf key = BUF_INIT;
	struct secret pass = {0};
	uint8_t pk[SEAL_PK_BYTES];
	uint8_t *sk = NULL;
	int rc = 0;
	if (read_file(keyfile, 4096, &key, NULL, e)) {
		char why[sizeof(e->msg)];
		snprintf(why, sizeof(why), "%s", e->msg);
		rc = error_set(e, E_FAIL, "%s. Give the key file with -k KEYFILE.", why);
	}
	if (!rc)
		rc = seal_keyfile_public((const uint8_t *)key.data, key.len, pk, e);
	if (!rc) {
		uint8_t id[SEAL_KEY_ID_BYTES];
		seal_key_id(pk, id);
		if (memcmp(id, h->key_id, sizeof(id)) != 0)
			rc = error_set(e, E_FAIL, "%s was sealed for a different key, not the one in "
			                          "%s. Nothing was opened.", file, keyfile);
	}
	if (!rc)
		rc = secret_read(ctx, "Passphrase for the key: ", &pass, e);
	if (!rc && !(sk = secmem_alloc(SEAL_SK_BYTES)))
		rc = error_set(e, E_FAIL, "Out of memory.");
	if (!rc)
		rc = seal_keyfile_unlock((const uint8_t *)key.data, key.len, pass.s, pass.len, pk, sk,
		                         e);
	secret_free(&pass);
	if (!rc)
		rc = seal_open((const uint8_t *)sealed->data, sealed->len, pk, sk, plain, from, e);
	secmem_free(sk);
	buf_free(&key);
	return rc;
}

int cmd_open_report(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"key", required_argument, NULL, 'k'},
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, 'f'},
		{"client", required_argument, NULL, 'c'},
		{"new-key", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *keyfile = KEY_DEFAULT, *out = NULL, *client = NULL;
	bool force = false, new_key = false;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "k:o:fh", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend open-report FILE [-k KEYFILE] [-o OUT] [-f] [--client NAME]\n"
			     "                        [--new-key]\n"
			     "Opens a report sealed with 'tend report --seal-to', using the key file\n"
			     "from 'tend keygen' (default ./" KEY_DEFAULT ") and its passphrase. Writes\n"
			     "the report beside FILE (r.sealed gives r.md or r.html), or to OUT ('-':\n"
			     "standard output, never a terminal); an existing file is replaced only\n"
			     "when you say so or give -f. It shows the sender's fingerprint and\n"
			     "remembers it in KEYFILE.senders: --client NAME (a name or initials of\n"
			     "your choosing) warns when NAME's reports come from a new key;\n"
			     "--new-key accepts that key after you have asked the client.");
			return 0;
		case 'k':
			keyfile = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'f':
			force = true;
			break;
		case 'c':
			if (!client_name_ok(optarg))
				return cli_usage_error("--client: a name of 1 to %d characters on one line.",
				                       CLIENT_MAX);
			client = optarg;
			break;
		case 'N':
			new_key = true;
			break;
		default:
			return cli_usage_error("unknown option for 'tend open-report'.");
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("'tend open-report' takes one sealed file.");
	if (new_key && !client)
		return cli_usage_error("--new-key goes with --client NAME (whose key it replaces).");
	bool to_stdout = out && strcmp(out, "-") == 0;
	if (to_stdout && isatty(STDOUT_FILENO))
		return cli_usage_error("an opened report is not shown on the terminal: leave out -o "
		                       "to write it beside the sealed file, or give -o FILE.");
	const char *file = argv[optind];
	struct error e = {0};
	struct buf sealed = BUF_INIT, plain = BUF_INIT;
	struct sealed_header h;
	struct seal_sender from = {0};
	char *dest = NULL;
	int rc = read_file(file, SEALED_MAX, &sealed, NULL, &e);
	/* The file, and where it goes, are checked before the passphrase is
	 * asked for. */
	if (!rc)
		rc = sealed_parse((const uint8_t *)sealed.data, sealed.len, &h, &e);
	if (!rc && out && !to_stdout)
		rc = may_replace(out, force, &e);
	if (!rc)
		rc = unseal(ctx, file, keyfile, &sealed, &h, &plain, &from, &e);
	if (!rc && !out && !(dest = beside(file, &plain)))
		rc = error_set(&e, E_FAIL, "Out of memory.");
	if (!rc && dest)
		rc = may_replace(dest, force, &e);
	if (!rc)
		rc = write_out(to_stdout ? NULL : out ? out : dest, &plain, &e);
	/* Written first, then judged: what the report says about its sender
	 * is shown, and an exit status other than 0 carries it. */
	struct error who = {0};
	int sent = rc ? 0 : say_sender(keyfile, &from, client, new_key, &who);
	if (!rc && !to_stdout) {
		fputs("tend: opened the report into ", stderr);
		termsafe_fputs(out ? out : dest, stderr, TERMSAFE_LINE);
		fputs(" (not encrypted).\n", stderr);
	}
	buf_free(&sealed);
	buf_free(&plain);
	free(dest);
	if (rc)
		return cli_fail(&e);
	return sent ? cli_fail(&who) : 0;
}
