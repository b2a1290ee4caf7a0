/* io_cmds.c: moving data out of the vault (and, later, in). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "io/export.h"
#include "io/import.h"
#include "store/dump.h"
#include "util/buf.h"
#include "util/fileio.h"

struct export_args {
	const char *out; /* NULL: standard output */
	enum export_format format;
};

static int export_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct export_args *a = arg;
	int rc = export_write(v, a->format, a->out, NULL, e);
	if (rc == 0 && a->out)
		fprintf(stderr, "tend: wrote %s. It is NOT encrypted: anyone who can read the file can "
		                "read your journal. Keep it private, or delete it when done.\n",
		        a->out);
	else if (rc == 0)
		fprintf(stderr, "tend: the export went to standard output, NOT encrypted.\n");
	return rc;
}

int cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct export_args a = {.format = EXPORT_JSON};
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend export [--format json|md|csv|jrnl] [-o FILE]\n"
			     "Writes the vault out to FILE, or to standard output (docs/export-format.md):\n"
			     "json is everything, to read back in; md is a readable diary of entries,\n"
			     "check-ins and trigger logs; csv is check-ins and trigger logs for a\n"
			     "spreadsheet; jrnl is the entries as jrnl's journal file, for 'jrnl --import'.\n"
			     "The export is NOT encrypted.");
			return 0;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				a.format = EXPORT_JSON;
			else if (strcmp(optarg, "md") == 0)
				a.format = EXPORT_MD;
			else if (strcmp(optarg, "csv") == 0)
				a.format = EXPORT_CSV;
			else if (strcmp(optarg, "jrnl") == 0)
				a.format = EXPORT_JRNL;
			else
				return cli_usage_error("--format is json, md, csv or jrnl.");
			break;
		case 'o':
			a.out = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		default:
			return cli_usage_error("unknown option for 'tend export'.");
		}
	}
	if (optind != argc)
		return cli_usage_error("'tend export' takes no other arguments.");
	if (!a.out && isatty(STDOUT_FILENO))
		return cli_usage_error("the export is not encrypted; give -o FILE, or send standard "
		                       "output to a file or another program.");
	return cli_with_vault(ctx, export_run, &a, NULL);
}

struct import_args {
	const char *file;
	bool format_given;
	struct import_opts opts;
	struct mood_name moods[32];
	struct buf text;
};

static void day_of(int64_t t, char out[16])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (localtime_r(&tt, &tm))
		strftime(out, 16, "%Y-%m-%d", &tm);
	else
		snprintf(out, 16, "?");
}

static void print_span(const struct import_summary *s)
{
	if (s->dated) {
		char a[16], b[16];
		day_of(s->first, a);
		day_of(s->last, b);
		printf("Entries and check-ins from %s to %s.\n", a, b);
	}
}

static void print_summary(const struct import_summary *s, bool dry)
{
	printf("%zu rows in a tend export:", s->total);
	for (size_t i = 0; i < IMPORT_MAX_TABLES && dump_tables[i]; i++)
		if (s->rows[i])
			printf(" %s %zu;", dump_tables[i], s->rows[i]);
	putchar('\n');
	print_span(s);
	if (!s->merged)
		return;
	/* Merged into a vault in use: what came in, and what was there. */
	printf("Into the vault as it is: %s %zu row%s", dry ? "would add" : "added", s->added_total,
	       s->added_total == 1 ? "" : "s");
	const char *sep = " (";
	for (size_t i = 0; i < IMPORT_MAX_TABLES && dump_tables[i]; i++)
		if (s->added[i]) {
			printf("%s%s %zu", sep, dump_tables[i], s->added[i]);
			sep = "; ";
		}
	printf("%s; %zu already there, skipped.\n", *sep == ';' ? ")" : "",
	       s->total - s->added_total);
	if (s->kept)
		printf("%zu setting%s had another value here; the vault's own %s kept.\n", s->kept,
		       s->kept == 1 ? "" : "s", s->kept == 1 ? "was" : "were");
}

static void print_foreign(const struct import_summary *s, bool dry)
{
	printf("%zu record%s: %s %zu entr%s and %zu check-in%s", s->total, s->total == 1 ? "" : "s",
	       dry ? "would add" : "added", s->entries, s->entries == 1 ? "y" : "ies", s->checkins,
	       s->checkins == 1 ? "" : "s");
	if (s->duplicates)
		printf("; %zu already in the vault, skipped", s->duplicates);
	puts(".");
	print_span(s);
	if (s->controls)
		printf("%zu control character%s removed from the text (they do not show, and can "
		       "upset a terminal).\n", s->controls, s->controls == 1 ? " was" : "s were");
	if (s->breaks)
		printf("%zu title%s or tag%s had line breaks; they are spaces now.\n", s->breaks,
		       s->breaks == 1 ? "" : "s", s->breaks == 1 ? "" : "s");
	if (s->dst)
		printf("%zu time%s fell in a daylight-saving change (a skipped or doubled hour); "
		       "kept as the clock showed %s.\n", s->dst, s->dst == 1 ? "" : "s",
		       s->dst == 1 ? "it" : "them");
	if (s->photos || s->places)
		printf("Left out: %zu photo%s or other media and %zu place%s (tend keeps words, "
		       "tags and times).\n", s->photos, s->photos == 1 ? "" : "s", s->places,
		       s->places == 1 ? "" : "s");
	if (s->empty)
		printf("%zu entr%s had no words, only media, and %s not added.\n", s->empty,
		       s->empty == 1 ? "y" : "ies", s->empty == 1 ? "was" : "were");
}

/* Where the text was changed or a time fell in a daylight-saving change:
 * "Where: entry 1 (control characters), entry 2 (a line break)." */
static void print_where(const struct import_plan *p)
{
	static const char *const what[] = {
		[IMPORT_W_CONTROL] = "control characters",
		[IMPORT_W_BREAK] = "a line break",
		[IMPORT_W_DST] = "daylight saving",
	};
	if (!p->nwarnings)
		return;
	fputs("Where:", stdout);
	for (size_t i = 0; i < p->nwarnings; i++)
		printf("%s %s %zu (%s)", i ? "," : "", p->by_line ? "line" : "entry",
		       p->warnings[i].where, what[p->warnings[i].kind]);
	puts(p->nwarnings == IMPORT_MAX_WARNINGS ? ", and maybe more." : ".");
}

static int import_cmd(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct import_args *a = arg;
	struct import_summary sum;
	bool dry = a->opts.dry_run;
	if (!import_format_info(a->opts.format)->read) {
		if (import_run(v, a->text.data, a->text.len, &a->opts, &sum, e))
			return -1;
		print_summary(&sum, dry);
	} else {
		/* read once into a plan, then applied */
		struct import_plan p;
		if (import_read(a->text.data, a->text.len, &a->opts, &p, e))
			return -1;
		int rc = import_apply(v, &p, dry, &sum, e);
		if (rc == 0) {
			print_foreign(&sum, dry);
			print_where(&p);
		}
		import_plan_free(&p);
		if (rc)
			return -1;
	}
	puts(dry ? "Nothing was imported (--dry-run)." : "Imported, all of it.");
	return 0;
}

/* --mood "NAME=SCORE": a Daylio mood on tend's 0-10 scale. */
static int add_mood(struct import_args *a, char *arg)
{
	char *eq = strrchr(arg, '=');
	char *end;
	long score = eq ? strtol(eq + 1, &end, 10) : -1;
	if (!eq || eq == arg || !eq[1] || *end || score < 0 || score > 10)
		return cli_usage_error("--mood takes NAME=SCORE with SCORE from 0 to 10, e.g. "
		                       "--mood \"sleepy=4\".");
	if (a->opts.nmoods == sizeof(a->moods) / sizeof(a->moods[0]))
		return cli_usage_error("at most %zu --mood options.", a->opts.nmoods);
	*eq = '\0';
	a->moods[a->opts.nmoods++] = (struct mood_name){arg, (int)score};
	return 0;
}

int cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"dry-run", no_argument, NULL, 'n'},
		{"mood", required_argument, NULL, 'm'},
		{"encoding", required_argument, NULL, 'E'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct import_args a = {.text = BUF_INIT};
	a.opts.moods = a.moods;
	char names[120], bars[120];
	import_format_names(names, sizeof(names), ", ", " or ");
	import_format_names(bars, sizeof(bars), "|", "|");
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "f:nm:E:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			printf("usage: tend import [--format %s]\n"
			       "                   [--dry-run] [--mood NAME=SCORE]... [--encoding NAME] FILE\n"
			       "Reads FILE into the vault, all or nothing. Without --format, tend tells from\n"
			       "the file which app wrote it, and says so. The formats:\n", bars);
			for (int i = 0; import_formats[i].name; i++)
				printf("  %-12s %s\n", import_formats[i].name, import_formats[i].label);
			puts("tend's own export fills a new vault as it was; into a vault in use, it and\n"
			     "the others add only what is not there yet. --dry-run checks the file and\n"
			     "says what it would add, changing nothing. --mood gives a Daylio mood a score\n"
			     "from 0 to 10. Files are read as UTF-8; --encoding names another (latin1,\n"
			     "windows-1252, utf-16) for files from other apps.");
			return 0;
		case 'f':
			if (import_format_parse(optarg, &a.opts.format))
				return cli_usage_error("--format is %s.", names);
			a.format_given = true;
			break;
		case 'n':
			a.opts.dry_run = true;
			break;
		case 'm':
			if (add_mood(&a, optarg))
				return 2;
			break;
		case 'E':
			if (!*optarg)
				return cli_usage_error("--encoding takes a name, e.g. --encoding latin1.");
			a.opts.encoding = optarg;
			break;
		default:
			return cli_usage_error("unknown option for 'tend import'.");
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("'tend import' takes one file.");
	if (a.format_given && a.opts.nmoods && a.opts.format != IMPORT_DAYLIO)
		return cli_usage_error("--mood is for --format daylio.");
	if (a.format_given && a.opts.encoding && a.opts.format == IMPORT_TEND_JSON)
		return cli_usage_error("--encoding is for other apps' files; tend's own export is "
		                       "always UTF-8.");
	a.file = argv[optind];
	struct error e = {0};
	if (read_file(a.file, (size_t)512 << 20, &a.text, NULL, &e)) {
		fprintf(stderr, "tend: %s\n", e.msg);
		buf_free(&a.text);
		return 1;
	}
	int rc = 0;
	if (!a.format_given) {
		const char *what;
		struct buf conv = BUF_INIT;
		/* In another encoding, what it is shows once it is UTF-8. */
		rc = a.opts.encoding ? import_convert(a.opts.encoding, a.text.data, a.text.len, &conv, &e)
		                     : 0;
		if (rc == 0)
			rc = a.opts.encoding ? import_detect(conv.data, conv.len, &a.opts.format, &what, &e)
			                     : import_detect(a.text.data, a.text.len, &a.opts.format, &what, &e);
		buf_free(&conv);
		if (rc == 0 && a.opts.nmoods && a.opts.format != IMPORT_DAYLIO)
			rc = error_set(&e, E_USAGE, "--mood is for Daylio files, and this is %s.", what);
		if (rc == 0 && a.opts.encoding && a.opts.format == IMPORT_TEND_JSON)
			rc = error_set(&e, E_USAGE, "--encoding is for other apps' files; tend's own "
			                            "export is always UTF-8.");
		if (rc) {
			buf_free(&a.text);
			return cli_fail(&e);
		}
		fprintf(stderr, "tend: reading %s as %s (--format %s).\n", a.file, what,
		        import_format_info(a.opts.format)->name);
	}
	rc = cli_with_vault(ctx, import_cmd, &a, NULL);
	buf_free(&a.text);
	return rc;
}
