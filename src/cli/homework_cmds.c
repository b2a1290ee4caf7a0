/* homework_cmds.c: tend homework import | list | remove. A pack is checked
 * whole before the vault is even opened, so a therapist can check a pack
 * with --dry-run on a machine without a vault, and a person sees every
 * problem before typing a passphrase. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "cli/secret.h"
#include "content/homework.h"
#include "core/checkin.h"
#include "store/homework.h"
#include "store/safety.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/termsafe.h"
#include "util/timefmt.h"
#include "util/utf8.h"

#define HW_USAGE \
	"usage: tend homework import [--dry-run] FILE\n" \
	"       tend homework list\n" \
	"       tend homework answer ID ITEM\n" \
	"       tend homework remove --yes ID\n" \
	"Homework packs from a therapist (docs/homework.md). import checks a pack and\n" \
	"adds it (--dry-run only checks it, and needs no vault); list shows each pack\n" \
	"with how far along each item is, each item numbered; answer asks a scale\n" \
	"or short-answer item's question and keeps the answer typed (or read from\n" \
	"standard input); remove takes a pack and its answers out of the vault\n" \
	"(journal entries written to its prompts stay).\n"

/* A pack is a file from someone else: what it says is shown through
 * termsafe, in the dry run, the list and the errors that quote it. */
static void put_line(const char *s)
{
	termsafe_fputs(s, stdout, TERMSAFE_LINE);
}

/* Text from the pack, each of its lines after indent. */
static void put_indented(const char *indent, const char *prefix, const char *text)
{
	const char *p = text;
	bool first = true;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, n);
		if (!line)
			return;
		fputs(indent, stdout);
		fputs(first ? prefix : "", stdout);
		termsafe_fputs(line, stdout, TERMSAFE_LINE);
		putchar('\n');
		free(line);
		first = false;
		p += n + (nl != NULL);
	}
}

/* What the therapist wrote for an item besides its keys: its content
 * note, and the note under a read or exercise item (for the other kinds
 * the text is the question, shown where it is answered). */
static void put_item_notes(const struct hw_item *it, const char *indent)
{
	if (it->content_note)
		put_indented(indent, "Content note: ", it->content_note);
	if ((it->kind == HW_READ || it->kind == HW_EXERCISE) && *it->text)
		put_indented(indent, "", it->text);
}

/* The header and every item, as the import shows them. */
static void print_pack(const struct homework *h)
{
	put_line(h->title);
	fputs("\nfrom ", stdout);
	put_line(h->from);
	fputs(", assigned ", stdout);
	put_line(h->assigned);
	if (h->due) {
		fputs(", for the session on ", stdout);
		put_line(h->due);
	}
	putchar('\n');
	if (h->note) {
		termsafe_fputs(h->note, stdout, TERMSAFE_TEXT);
		putchar('\n');
	}
	if (h->content_note)
		put_indented("", "Content note: ", h->content_note);
	printf("%zu item%s:\n", h->nitems, h->nitems == 1 ? "" : "s");
	for (size_t i = 0; i < h->nitems; i++) {
		char what[400];
		homework_describe(&h->items[i], what, sizeof(what));
		printf("  %2zu. ", i + 1);
		put_line(h->items[i].heading);
		fputs(": ", stdout);
		termsafe_fputs(what, stdout, TERMSAFE_TEXT);
		putchar('\n');
		if (h->items[i].content_note)
			put_indented("      ", "Content note: ", h->items[i].content_note);
	}
}

struct import_args {
	const char *file;
	size_t problems;
	struct buf text;
	struct homework h;
};

/* One line per problem in the pack: "tend: FILE: line N: ...". */
static void put_problem(const char *msg, void *arg)
{
	struct import_args *a = arg;
	a->problems++;
	fputs("tend: ", stderr);
	termsafe_fputs(a->file, stderr, TERMSAFE_LINE);
	fputs(": ", stderr);
	termsafe_fputs(msg, stderr, TERMSAFE_TEXT);
	putc('\n', stderr);
}

static int import_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct import_args *a = arg;
	int64_t id;
	bool existed;
	if (hwpack_add(v, a->text.data, a->text.len, a->h.title, a->h.from, a->h.assigned,
	               a->h.due, &id, &existed, e))
		return -1;
	print_pack(&a->h);
	if (existed)
		printf("This pack is already in the vault (pack %lld); nothing was added.\n",
		       (long long)id);
	else
		printf("Added as pack %lld. It is under \"From my therapist\" on the home screen.\n",
		       (long long)id);
	return 0;
}

static int hw_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dry-run", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool dry_run = false;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "nh", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(HW_USAGE, stdout);
			return 0;
		case 'n':
			dry_run = true;
			break;
		default:
			return cli_usage_error("unknown option for 'tend homework import'.");
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("'tend homework import' takes one file.");
	struct import_args a = {.file = argv[optind], .text = BUF_INIT};
	struct error e = {0};
	int rc;
	/* Read a little past the limit so the parser can say how large it is. */
	if (read_file(a.file, (size_t)HOMEWORK_MAX_BYTES * 16, &a.text, NULL, &e)) {
		rc = cli_fail(&e);
	} else if (homework_check(a.text.data, a.text.len, HW_CHECK_REFS, &a.h, put_problem,
	                          &a, &e)) {
		/* A pack the author can fix is a plain failure (1), not a damaged
		 * vault (4). */
		if (e.code != E_CORRUPT) {
			rc = cli_fail(&e);
		} else {
			if (a.problems > 1)
				fprintf(stderr, "tend: %zu problems in the pack; nothing was added.\n",
				        a.problems);
			rc = E_FAIL;
		}
	} else if (dry_run) {
		print_pack(&a.h);
		puts("The pack is fine. Nothing was added (--dry-run).");
		rc = 0;
	} else {
		rc = cli_with_vault(ctx, import_run, &a, NULL);
	}
	homework_free(&a.h);
	buf_free(&a.text);
	return rc;
}

static int list_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	(void)arg;
	struct hw_pack *packs;
	size_t n;
	if (hwpack_list(v, &packs, &n, e))
		return -1;
	if (n == 0)
		puts("No homework packs yet. 'tend homework import FILE' adds one.");
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct hw_pack *p = &packs[i];
		char added[32]; /* "YYYY-MM-DDT...": the day as lived, in the offset kept */
		stamp_format((struct stamp){p->imported_at, p->imported_off}, added);
		printf("%s%lld  ", i ? "\n" : "", (long long)p->id);
		put_line(p->title);
		fputs("\n    from ", stdout);
		put_line(p->from);
		fputs(", assigned ", stdout);
		put_line(p->assigned);
		if (*p->due) {
			fputs(", for the session on ", stdout);
			put_line(p->due);
		}
		printf(", added %.10s\n", added);
		struct homework h;
		struct error pe = {0};
		if (homework_parse(p->text, strlen(p->text), 0, &h, &pe)) {
			fputs("    This tend cannot read the pack's items: ", stdout);
			termsafe_fputs(pe.msg, stdout, TERMSAFE_TEXT);
			putchar('\n');
			continue;
		}
		if (h.note)
			put_indented("    ", "", h.note);
		if (h.content_note)
			put_indented("    ", "Content note: ", h.content_note);
		struct hw_progress pr[HOMEWORK_MAX_ITEMS];
		const char *practice[HOMEWORK_MAX_ITEMS];
		homework_practice_names(&h, practice);
		rc = hwpack_progress(v, p->id, practice, pr, h.nitems, e);
		for (size_t k = 0; k < h.nitems && rc == 0; k++) {
			char status[64];
			homework_status(&h.items[k], (long long)pr[k].done, pr[k].last_score, status,
			                sizeof(status));
			char heading[256];
			snprintf(heading, sizeof(heading), "%s", h.items[k].heading);
			termsafe_inplace(heading, sizeof(heading), TERMSAFE_LINE);
			printf("    %2zu. %-40s %s\n", k + 1, heading, status);
			put_item_notes(&h.items[k], "        ");
		}
		if (rc == 0)
			hwpack_progress_clear(pr, h.nitems);
		homework_free(&h);
	}
	hwpack_list_free(packs, n);
	return rc;
}

static int hw_list(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage_error("'tend homework list' takes no arguments.");
	return cli_with_vault(ctx, list_run, NULL, NULL);
}

/* ---- answering a scale or a short answer ---- */


/* After a safety question was answered above its first response: the
 * person's own safety plan and where help is, at once and gently. Nothing
 * is sent anywhere; the answer is kept like any other. */
static void safety_now(const struct cli_asker *a, struct vault *v)
{
	if (a->crisis) {
		a->crisis(a->arg);
		return;
	}
	fputs("\nThank you for answering that honestly. If you might act on these thoughts, "
	      "please reach\nout now: call your local emergency number, or open tend and press "
	      "Ctrl-G for crisis\nlines.\n\n", a->talk);
	char text[4096];
	struct error e = {0};
	bool any = false;
	for (int p = 0; p < SP_COUNT; p++) {
		if (safety_get(v, (enum safety_part)p, text, sizeof(text), &e) || !*text)
			continue;
		if (!any)
			fputs("Your safety plan:\n\n", a->talk);
		any = true;
		fprintf(a->talk, "%s\n  ", safety_title((enum safety_part)p));
		termsafe_fputs(text, a->talk, TERMSAFE_TEXT);
		fputs("\n\n", a->talk);
	}
	mem_wipe(text, sizeof(text));
	if (!any)
		fputs("A safety plan can help on days like this; tend's Safety plan screen walks "
		      "through one.\n", a->talk);
	fputs("Your answers so far are waiting; go on when you are ready.\n", a->talk);
}

/* A measure, one question at a time; the answers are kept together once
 * every question has one. */
static int ask_measure(const struct cli_asker *a, struct vault *v, const struct hw_item *it,
                       struct hw_mark *m, struct buf *b, struct error *e)
{
	const struct hw_measure *ms = &it->m;
	int answers[HOMEWORK_MAX_QUESTIONS];
	char prompt[80];
	snprintf(prompt, sizeof(prompt), "A number from 1 to %zu (Enter leaves): ", ms->nresponses);
	for (size_t q = 0; q < ms->nquestions; q++) {
		fprintf(a->talk, "\n%zu of %zu. ", q + 1, ms->nquestions);
		termsafe_fputs(ms->questions[q], a->talk, TERMSAFE_TEXT);
		fputc('\n', a->talk);
		for (size_t r = 0; r < ms->nresponses; r++) {
			fprintf(a->talk, "  %zu. ", r + 1);
			termsafe_fputs(ms->responses[r], a->talk, TERMSAFE_LINE);
			fputc('\n', a->talk);
		}
		for (;;) {
			if (a->ask(a->arg, prompt, b))
				return error_set(e, E_FAIL, "Stopped; nothing was kept.");
			if (!b->len) {
				fputs("Nothing was kept; the questions start again next time.\n", a->talk);
				return 1;
			}
			char *end;
			long k = strtol(buf_str(b), &end, 10);
			if (*end == '\0' && k >= 1 && (size_t)k <= ms->nresponses) {
				answers[q] = (int)k - 1;
				break;
			}
			fprintf(a->talk, "  One of the numbers 1 to %zu, please.\n", ms->nresponses);
		}
		if (ms->safety[q] && answers[q] > 0)
			safety_now(a, v);
	}
	char text[HOMEWORK_MAX_QUESTIONS * 4];
	if (homework_measure_encode(it, answers, text, sizeof(text)))
		return error_set(e, E_FAIL, "Those answers could not be kept.");
	buf_clear(b);
	if (buf_puts(b, text))
		return error_set(e, E_FAIL, "Out of memory.");
	m->answer = buf_str(b);
	return 0;
}

struct trend {
	const struct cli_asker *a;
	const struct hw_item *it;
};

static int trend_line(int64_t at, int off, const char *answer, void *arg)
{
	struct trend *t = arg;
	int answers[HOMEWORK_MAX_QUESTIONS];
	if (homework_measure_decode(t->it, answer, answers))
		return 0; /* from an older version of the pack */
	char when[32], score[32];
	stamp_format((struct stamp){at, off}, when);
	double total = homework_measure_score(t->it, answers);
	snprintf(score, sizeof(score), t->it->m.mean ? "%.1f" : "%.0f", total);
	fprintf(t->a->talk, "  %.10s  %s\n", when, score);
	return 0;
}

/* The person's own totals over time (never a band's label: those are
 * for the clinician, in the report). */
static int measure_trend(const struct cli_asker *a, struct vault *v, int64_t pack, int item,
                         const struct hw_item *it, struct error *e)
{
	fprintf(a->talk, "Your %s so far, oldest first:\n", it->m.mean ? "averages" : "totals");
	struct trend t = {a, it};
	return hwpack_answers(v, pack, item, trend_line, &t, e) < 0 ? -1 : 0;
}

int cli_homework_answer(const struct cli_asker *a, struct vault *v, int64_t pack, int item,
                        struct error *e)
{
	struct hw_pack *packs;
	size_t n;
	if (hwpack_list(v, &packs, &n, e))
		return -1;
	size_t at = 0;
	while (at < n && packs[at].id != pack)
		at++;
	struct homework h = {0};
	struct buf b = BUF_INIT;
	int rc = 0;
	if (at == n) {
		rc = error_set(e, E_USAGE, "There is no homework pack %lld; 'tend homework list' shows "
		                           "their numbers.", (long long)pack);
		goto out;
	}
	if (homework_parse(packs[at].text, strlen(packs[at].text), 0, &h, e)) {
		rc = error_set(e, E_FAIL, "This tend cannot read that pack's items: %s", e->msg);
		goto out;
	}
	if (item < 1 || (size_t)item > h.nitems) {
		rc = error_set(e, E_USAGE, "Pack %lld has items 1 to %zu ('tend homework list' shows "
		                           "them).", (long long)pack, h.nitems);
		goto out;
	}
	const struct hw_item *it = &h.items[item - 1];
	if (it->kind != HW_SCALE && it->kind != HW_ANSWER && it->kind != HW_MEASURE) {
		rc = error_set(e, E_USAGE, "Item %d (%s) is done on tend's screens; here "
		                           "a scale, a short answer or a measure is answered.", item,
		               homework_kind_name(it->kind));
		goto out;
	}
	termsafe_fputs(it->heading, a->talk, TERMSAFE_LINE);
	fputs("\n", a->talk);
	if (it->content_note) {
		fputs("Content note: ", a->talk);
		termsafe_fputs(it->content_note, a->talk, TERMSAFE_TEXT);
		fputs("\n", a->talk);
	}
	termsafe_fputs(*it->text ? it->text : it->heading, a->talk, TERMSAFE_TEXT);
	fputs("\n", a->talk);
	struct hw_mark m = HW_MARK_INIT;
	m.pack = pack;
	m.item = item - 1;
	if (it->kind == HW_MEASURE) {
		int r = ask_measure(a, v, it, &m, &b, e);
		if (r) {
			rc = r < 0 ? -1 : 0;
			goto out;
		}
	} else if (it->kind == HW_SCALE) {
		char range[500];
		snprintf(range, sizeof(range), "0 is %s, 10 is %s.", *it->low ? it->low : "the least",
		         *it->high ? it->high : "the most");
		termsafe_fputs(range, a->talk, TERMSAFE_TEXT);
		fputs("\n", a->talk);
		for (;;) {
			if (a->ask(a->arg, "A number from 0 to 10 (Enter leaves): ", &b)) {
				rc = error_set(e, E_FAIL, "Stopped; nothing was kept.");
				goto out;
			}
			if (!b.len || score_parse(buf_str(&b), &m.score) == 0)
				break;
			fputs("  A whole number from 0 to 10, please (or Enter to leave it).\n", a->talk);
		}
	} else if (a->ask(a->arg, "Your answer (Enter on an empty line leaves): ", &b)) {
		rc = error_set(e, E_FAIL, "Stopped; nothing was kept.");
		goto out;
	} else if (!utf8_valid(buf_str(&b), b.len)) {
		rc = error_set(e, E_FAIL, "The answer is not valid UTF-8 text; nothing was kept.");
		goto out;
	} else {
		m.answer = buf_str(&b);
	}
	if (!b.len) {
		fputs("Nothing was kept.\n", a->talk);
		goto out;
	}
	if ((rc = hwpack_mark(v, &m, e)) == 0)
		fputs("Kept in your vault.\n", a->talk);
	if (rc == 0 && it->kind == HW_MEASURE)
		rc = measure_trend(a, v, pack, item - 1, it, e);
out:
	buf_free(&b);
	homework_free(&h);
	hwpack_list_free(packs, n);
	return rc;
}

struct answer_args {
	int64_t pack;
	int item;
};

static int answer_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	const struct answer_args *x = arg;
	const struct cli_asker a = {.ask = cli_ask_line, .talk = stderr};
	return cli_homework_answer(&a, v, x->pack, x->item, e);
}

static int hw_answer(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(HW_USAGE, stdout);
		return 0;
	}
	if (argc != 3)
		return cli_usage_error("'tend homework answer' takes a pack number and an item "
		                       "number ('tend homework list' shows both).");
	struct answer_args x;
	int64_t item;
	if (cli_parse_id(argv[1], &x.pack) || cli_parse_id(argv[2], &item) ||
	    item > HOMEWORK_MAX_ITEMS)
		return cli_usage_error("'tend homework answer' takes a pack number and an item "
		                       "number ('tend homework list' shows both).");
	x.item = (int)item;
	return cli_with_vault(ctx, answer_run, &x, NULL);
}

static int remove_run(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	int64_t id = *(int64_t *)arg;
	if (hwpack_remove(v, id, e))
		return -1;
	printf("Pack %lld and what was kept for it are gone from the vault.\n", (long long)id);
	return 0;
}

static int hw_remove(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"yes", no_argument, NULL, 'y'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool yes = false;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "yh", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(HW_USAGE, stdout);
			return 0;
		case 'y':
			yes = true;
			break;
		default:
			return cli_usage_error("unknown option for 'tend homework remove'.");
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("'tend homework remove' takes one pack number "
		                       "('tend homework list' shows them).");
	int64_t id;
	if (cli_parse_id(argv[optind], &id))
		return cli_usage_error("'%s' is not a pack number ('tend homework list' shows them).",
		                       argv[optind]);
	if (!yes)
		return cli_usage_error("removing pack %lld also removes its answers and progress; "
		                       "add --yes to go ahead.", (long long)id);
	return cli_with_vault(ctx, remove_run, &id, NULL);
}

int cmd_homework(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("'tend homework' needs import, list, answer or remove.");
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 || strcmp(sub, "help") == 0) {
		fputs(HW_USAGE, stdout);
		return 0;
	}
	if (strcmp(sub, "import") == 0)
		return hw_import(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return hw_list(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "remove") == 0)
		return hw_remove(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "answer") == 0)
		return hw_answer(ctx, argc - 1, argv + 1);
	return cli_usage_error("'tend homework' has no '%s'; use import, list, answer or remove.",
	                       sub);
}
