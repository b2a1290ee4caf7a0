/* track_cmds.c: quick check-ins and trigger logs from the command line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_int.h"
#include "cli/commands.h"
#include "content/crisis.h"
#include "core/checkin.h"
#include "core/feelings.h"
#include "core/tags.h"
#include "core/trigger.h"
#include "store/safety.h"
#include "store/checkins.h"
#include "store/tools.h"
#include "store/triggers.h"
#include "util/buf.h"
#include "util/config.h"
#include "util/path.h"
#include "util/termsafe.h"
#include "util/utf8.h"

int cli_parse_at(const char *s, struct stamp *out)
{
	if (stamp_parse_local(s, out))
		return cli_usage_error("--at takes a local date and time like '2026-11-23 08:10' "
		                       "(in quotes: it has a space), and it must be a real one.");
	if (out->t > stamp_now().t + 60)
		return cli_usage_error("--at '%s' is in the future; give the time it happened.", s);
	return 0;
}

struct mood_args {
	struct checkin c;
	bool note_from_stdin;
};

static int save_mood(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct mood_args *m = arg;
	struct buf note = BUF_INIT;
	if (m->note_from_stdin) {
		if (cli_read_stdin(&note, e)) {
			buf_free(&note);
			return -1;
		}
		while (note.len && (note.data[note.len - 1] == '\n' || note.data[note.len - 1] == '\r'))
			note.data[--note.len] = '\0';
		if (!utf8_valid(buf_str(&note), note.len)) {
			buf_free(&note);
			return error_set(e, E_FAIL, "The note is not valid UTF-8 text; nothing was saved.");
		}
		m->c.note = buf_str(&note);
	}
	int64_t id;
	int rc = checkin_add(v, &m->c, &id, e);
	if (!rc)
		printf("Saved check-in %lld.\n", (long long)id);
	buf_free(&note);
	return rc;
}

/* One --tag or --emotion (opt) added to the comma list in b; the usage
 * error when it is not one item (core/tags.h). arg is wiped either way. */
static int add_item(struct buf *b, char *arg, const char *opt)
{
	int rc = 0;
	if (!list_item_ok(arg))
		rc = cli_usage_error("%s takes one word or phrase (no commas).", opt);
	else
		buf_printf(b, "%s%s", b->len ? "," : "", arg);
	mem_wipe(arg, strlen(arg));
	return rc;
}

int cmd_mood(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"emotion", required_argument, NULL, 'e'},
		{"tag", required_argument, NULL, 't'},
		{"note", required_argument, NULL, 'n'},
		{"at", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct mood_args m = {.c = CHECKIN_INIT};
	struct buf emotions = BUF_INIT, tags = BUF_INIT;
	int c, usage = -1;
	optind = 0; /* 0, not 1: glibc then re-reads the option ordering */
	while (usage < 0 && (c = getopt_long(argc, argv, "e:t:n:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: tend mood SCORE [--emotion E]... [--tag T]... [--note -]\n"
			     "                 [--at 'YYYY-MM-DD HH:MM']\n"
			     "A check-in: SCORE from 0 (worst) to 10 (best). --note - reads a note\n"
			     "from standard input, so it stays out of your shell history. --at\n"
			     "records one from earlier, at that local time.");
			usage = 0;
			break;
		case 'a':
			if (cli_parse_at(optarg, &m.c.at))
				usage = E_USAGE;
			break;
		case 'e':
		case 't':
			if (add_item(c == 'e' ? &emotions : &tags, optarg,
			             c == 'e' ? "--emotion" : "--tag"))
				usage = E_USAGE;
			break;
		case 'n':
			if (strcmp(optarg, "-") != 0)
				usage = cli_usage_error("--note takes '-' and reads the note from standard "
				                        "input, so it stays out of your shell history.");
			m.note_from_stdin = true;
			break;
		default:
			usage = cli_usage_error("unknown option for 'tend mood'.");
		}
	}
	if (usage < 0 && (optind + 1 != argc || score_parse(argv[optind], &m.c.score)))
		usage = cli_usage_error("'tend mood' takes one score, a whole number from 0 to 10.");
	if (usage < 0) {
		m.c.emotions = buf_str(&emotions);
		m.c.tags = buf_str(&tags);
		usage = cli_with_vault(ctx, save_mood, &m, NULL);
	}
	buf_free(&emotions);
	buf_free(&tags);
	return usage;
}

/* ---- trigger: questions on the terminal ----------------------------------------- */

int cli_ask_line(void *arg, const char *prompt, struct buf *out)
{
	(void)arg;
	char line[2048];
	buf_clear(out);
	if (line_read(prompt, line, sizeof(line)))
		return -1;
	int rc = buf_puts(out, line);
	mem_wipe(line, sizeof(line));
	return rc;
}

static int ask_score(const struct cli_asker *a, const char *prompt, int *out)
{
	struct buf b = BUF_INIT;
	for (;;) {
		if (a->ask(a->arg, prompt, &b)) {
			buf_free(&b);
			return -1;
		}
		if (!b.len) {
			*out = -1;
			break;
		}
		if (score_parse(buf_str(&b), out) == 0)
			break;
		fputs("  A whole number from 0 to 10, please (or Enter to leave it out).\n", a->talk);
	}
	buf_free(&b);
	return 0;
}

/* "What I did" as typed: numbers from the toolbox list, separated by
 * commas or spaces, each a choice; after a comma, the person's own words
 * are one more choice ("1, 3, called my sister"). Anything that does not
 * start with the numbers is all own words ("3 walks" is words, not tool
 * 3). 0, or 1 when only numbers were typed and one names no tool (*bad is
 * it), -1 out of memory. */
static int parse_did(const char *in, const struct tool *tools, size_t ntools,
                     struct trigger_choice **out, size_t *n, char **words, long *bad)
{
	*n = 0;
	*out = malloc((strlen(in) + 1) * sizeof(**out));
	if (!*out)
		return -1;
	const char *p = in, *rest = in;
	bool comma = false;
	for (;;) {
		p += strspn(p, ", \t");
		char *end;
		long k = *p >= '0' && *p <= '9' ? strtol(p, &end, 10) : 0;
		if (*p < '0' || *p > '9' || (*end && !strchr(", \t", *end)))
			break;
		if (k < 1 || (size_t)k > ntools) {
			/* Only numbers, and one names no tool: ask again. With
			 * words too, it is all words ("10 minutes' walk"). */
			if (in[strspn(in, "0123456789, \t")] == '\0') {
				*bad = k;
				return 1;
			}
			*n = 0;
			rest = in;
			comma = true;
			break;
		}
		bool twice = false;
		for (size_t i = 0; i < *n; i++)
			twice |= (*out)[i].tool_id == tools[k - 1].id;
		if (!twice)
			(*out)[(*n)++] = (struct trigger_choice){tools[k - 1].id, NULL};
		size_t gap = strspn(end, " \t");
		comma = end[gap] == ',';
		p = rest = end;
	}
	rest += strspn(rest, ", \t");
	if (*rest && *n && !comma) { /* "3 walks": words, not a tool */
		*n = 0;
		rest = in;
	}
	if (*rest) {
		if (!(*words = strdup(rest)))
			return -1;
		(*out)[(*n)++] = (struct trigger_choice){0, *words};
	}
	return 0;
}

/* The kind of trigger, by its number in the list shown; Enter is "other".
 * -1 when the person stopped. */
static int ask_kind(const struct cli_asker *a, const char *question, char **cats, size_t ncats,
                    struct buf *pick, const char **out)
{
	while (!*out) {
		if (a->ask(a->arg, question, pick))
			return -1;
		char *end;
		long k = strtol(buf_str(pick), &end, 10);
		if (!pick->len)
			*out = "other";
		else if (!*end && k >= 1 && (size_t)k <= ncats)
			*out = cats[k - 1];
		else
			fprintf(a->talk, "  That is not one of the numbers 1 to %zu; type one of them, or "
			                 "press Enter for other.\n",
			        ncats);
	}
	return 0;
}

/* "What I did": tools by their numbers in the list shown, and own words,
 * into t->did_list (*chosen, which the caller frees, as *words). */
static int ask_did(const struct cli_asker *a, const char *question, const struct tool *tools,
                   size_t ntools, struct buf *did, struct trigger_log *t,
                   struct trigger_choice **chosen, char **words, struct error *e)
{
	for (;;) {
		for (size_t i = 0; i < ntools; i++)
			fprintf(a->talk, "  %zu. %s\n", i + 1, tools[i].name);
		if (a->ask(a->arg, question, did))
			return error_set(e, E_FAIL, "Stopped; nothing was saved.");
		free(*chosen);
		*chosen = NULL;
		long bad = 0;
		int got = parse_did(buf_str(did), tools, ntools, chosen, &t->ndid, words, &bad);
		if (got < 0)
			return error_set(e, E_FAIL, "Out of memory; nothing was saved.");
		if (got == 0) {
			t->did_list = *chosen;
			return 0;
		}
		fprintf(a->talk,
		        "  There is no tool %ld: type numbers from 1 to %zu, your own words, "
		        "or both (numbers first, then a comma).\n",
		        bad, ntools);
	}
}

int cli_trigger_questions(const struct cli_asker *a, struct vault *v, struct error *e)
{
	char **cats = NULL;
	size_t ncats = 0;
	struct tool *tools = NULL;
	size_t ntools = 0;
	struct buf answer[TF_COUNT];
	for (int f = 0; f < TF_COUNT; f++)
		answer[f] = (struct buf)BUF_INIT;
	struct trigger_log t = TRIGGER_INIT;
	struct trigger_choice *chosen = NULL;
	char *words = NULL;
	int rc = categories_list(v, &cats, &ncats, e) || tools_list(v, &tools, &ntools, e) ? -1 : 0;
	if (!rc) {
		fputs("A trigger log. Press Enter to leave anything out; you can stop at any "
		      "question with Ctrl-D.\n",
		      a->talk);
		for (size_t i = 0; i < ncats; i++)
			fprintf(a->talk, "  %zu. %s\n", i + 1, cats[i]);
	}
	/* The questions the command line asks, in the table's order. */
	for (int f = 0; !rc && f < TF_COUNT; f++) {
		const struct trigger_question *q = &trigger_questions[f];
		if (!q->question || (q->after != TF_COUNT && !trigger_field_given(&t, q->after)))
			continue;
		int stopped = 0;
		switch (q->answer) {
		case TA_KIND:
			stopped = ask_kind(a, q->question, cats, ncats, &answer[f], &t.category);
			break;
		case TA_TEXT:
			stopped = a->ask(a->arg, q->question, &answer[f]);
			*trigger_field_text(&t, f) = buf_str(&answer[f]);
			break;
		case TA_SCALE:
			stopped = ask_score(a, q->question, trigger_field_score(&t, f));
			break;
		case TA_DID:
			rc = ask_did(a, q->question, tools, ntools, &answer[f], &t, &chosen, &words, e);
			break;
		}
		if (stopped)
			rc = error_set(e, E_FAIL, "Stopped; nothing was saved.");
	}
	if (!rc) {
		t.finished = trigger_field_given(&t, TF_AFTER);
		int64_t id;
		rc = trigger_add(v, &t, &id, e);
		if (!rc)
			printf("Saved trigger log %lld%s.\n", (long long)id,
			       t.finished ? "" : " (to finish later)");
		if (!rc && a->before)
			*a->before = t.suds_before;
		if (!rc && a->after)
			*a->after = t.suds_after;
	}
	categories_free(cats, ncats);
	tools_free(tools, ntools);
	for (int f = 0; f < TF_COUNT; f++)
		buf_free(&answer[f]);
	if (words)
		mem_wipe(words, strlen(words));
	free(words);
	free(chosen);
	return rc;
}

static int log_trigger(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	(void)arg;
	const struct cli_asker a = {.ask = cli_ask_line, .talk = stderr};
	return cli_trigger_questions(&a, v, e);
}

int cmd_trigger(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		puts("usage: tend trigger\nAsks a few questions about a trigger and saves the answers.");
		return 0;
	}
	if (argc > 1)
		return cli_usage_error("'tend trigger' asks its questions; it takes no arguments.");
	return cli_with_vault(ctx, log_trigger, NULL, NULL);
}

/* ---- safety plan: printed, to keep on paper or share ---------------------------- */

/* The emergency number and crisis lines of the region tend shows (the one
 * chosen, else the guess from the locale), so that a printed plan carries
 * real numbers; with no list to read, what to do instead. */
static void print_crisis_numbers(FILE *out)
{
	struct crisis_data d;
	struct error e = {0};
	if (crisis_load(&d, &e)) {
		fputs("In danger: call your local emergency number. Crisis lines: tend, then "
		      "Ctrl-G.\n", out);
		return;
	}
	struct paths ps = {0};
	struct config cfg = {0};
	if (paths_resolve(&ps, &e) == 0)
		config_load(ps.config_dir, &cfg);
	paths_free(&ps);
	char why[256], head[160];
	const struct crisis_region *r =
		crisis_region(&d, crisis_pick_region_why(&d, cfg.region, why, sizeof(why)));
	if (r) {
		crisis_heading(r, head, sizeof(head));
		fprintf(out, "In danger: call %s now.\n\n%s:\n", r->emergency, head);
		for (size_t i = 0; i < d.nlines; i++) {
			const struct crisis_line *l = &d.lines[i];
			if (strcmp(l->region, r->code) == 0)
				fprintf(out, "  %s: %s (%s%s%s)%s%s\n", l->service, l->contact,
				        crisis_how_text(l->how), *l->hours ? ", " : "", l->hours,
				        *l->note ? ". " : "", l->note);
		}
		fprintf(out, "\nThe region is %s.\nAnother region: tend, then Ctrl-G, then r.\n", why);
	}
	crisis_free(&d);
}

static int print_plan(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	(void)arg;
	char text[4096];
	puts("My safety plan\n");
	for (int p = 0; p < SP_COUNT; p++) {
		if (safety_get(v, (enum safety_part)p, text, sizeof(text), e))
			return -1;
		printf("%s\n  ", safety_title((enum safety_part)p));
		termsafe_fputs(*text ? text : "-", stdout, TERMSAFE_TEXT);
		fputs("\n\n", stdout);
	}
	mem_wipe(text, sizeof(text));
	print_crisis_numbers(stdout);
	return 0;
}

#define SAFETY_USAGE \
	"usage: tend safety-plan\n" \
	"       tend safety-plan --copy PARTS|all|off\n" \
	"       tend safety-plan --no-passphrase\n" \
	"Prints your safety plan, with the crisis lines of your region, to print it\n" \
	"or keep a copy. The printout is not encrypted: keep it somewhere private.\n" \
	"\n" \
	"--copy keeps a copy of the parts you choose readable before tend is\n" \
	"unlocked, so that the plan is there in a crisis even when the passphrase\n" \
	"is not. PARTS are numbers separated by commas (1 warning signs, 2 on my\n" \
	"own, 3 people and places, 4 people to ask, 5 professionals, 6 making my\n" \
	"surroundings safer, 7 reasons), or all. The copy is a plain file in the\n" \
	"vault folder and is NOT encrypted: anyone who can open the folder can read\n" \
	"it. It is off unless you turn it on; --copy off removes the file.\n" \
	"--no-passphrase prints that copy (and the crisis lines) without unlocking.\n"

/* "1,4,6" or "all" to a mask of parts; -1 when it is neither. */
static long parse_parts(const char *s)
{
	if (strcmp(s, "all") == 0)
		return (1L << SP_COUNT) - 1;
	long m = 0;
	while (*s) {
		if (*s < '1' || *s > '0' + SP_COUNT || (s[1] && s[1] != ','))
			return -1;
		m |= 1L << (*s - '1');
		s += s[1] ? 2 : 1;
	}
	return m ? m : -1;
}

struct copy_args {
	unsigned parts;
	const char *dir;
};

static int set_copy(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	const struct copy_args *a = arg;
	if (safety_copy_set(v, a->dir, a->parts, e))
		return -1;
	if (!a->parts) {
		puts("The readable copy of your safety plan is off, and its file is removed.");
		return 0;
	}
	printf("A copy of these parts is now kept readable before tend is unlocked:\n");
	for (int p = 0; p < SP_COUNT; p++)
		if (a->parts & (1u << p))
			printf("  %d %s\n", p + 1, safety_title((enum safety_part)p));
	printf("It is the file %s/%s. It is NOT encrypted: anyone who can open\n"
	       "that folder can read it. It follows your plan as you change it;\n"
	       "'tend safety-plan --copy off' removes it.\n",
	       a->dir, SAFETY_COPY_FILE);
	return 0;
}

int cmd_safety_plan(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		fputs(SAFETY_USAGE, stdout);
		return 0;
	}
	const char *copy = NULL;
	bool readable = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--copy") == 0 && i + 1 < argc)
			copy = argv[++i];
		else if (strncmp(argv[i], "--copy=", 7) == 0)
			copy = argv[i] + 7;
		else if (strcmp(argv[i], "--no-passphrase") == 0)
			readable = true;
		else
			return cli_usage_error("'tend safety-plan' does not know '%s'.", argv[i]);
	}
	if (copy && readable)
		return cli_usage_error("'tend safety-plan' takes --copy or --no-passphrase, not both.");
	if (!copy && !readable)
		return cli_with_vault(ctx, print_plan, NULL, NULL);
	struct paths ps = {0};
	struct error e = {0};
	if (paths_resolve(&ps, &e))
		return cli_fail(&e);
	int rc = 0;
	if (readable) {
		struct buf b = BUF_INIT;
		int missing = 0;
		if (safety_copy_read(ps.data_dir, &b, &missing, &e) == 0) {
			termsafe_fputs(buf_str(&b), stdout, TERMSAFE_TEXT);
			fputs("\n", stdout);
		} else if (missing) {
			puts("There is no readable copy of your safety plan: it is off unless you turn it\n"
			     "on ('tend safety-plan --copy all', after unlocking). Your plan is in the\n"
			     "vault: 'tend safety-plan' shows it.\n");
		} else {
			rc = cli_fail(&e);
		}
		if (b.data)
			mem_wipe(b.data, b.cap);
		buf_free(&b);
		if (rc == 0)
			print_crisis_numbers(stdout);
	} else {
		long parts = strcmp(copy, "off") == 0 ? 0 : parse_parts(copy);
		if (parts < 0)
			rc = cli_usage_error("--copy takes part numbers from 1 to %d separated by commas "
			                     "(for example 1,4,5), all, or off.",
			                     SP_COUNT);
		else
			rc = cli_with_vault(ctx, set_copy,
			                    &(struct copy_args){(unsigned)parts, ps.data_dir}, NULL);
	}
	paths_free(&ps);
	return rc;
}

/* ---- checkins: read back, change, remove ----------------------------------------- */

#define CHECKINS_USAGE \
	"usage: tend checkins [list]\n" \
	"       tend checkins show ID\n" \
	"       tend checkins edit ID [--score N] [--at 'YYYY-MM-DD HH:MM'] [--tag T]... [--note -]\n" \
	"       tend checkins remove --yes ID\n"

struct checkins_args {
	char what; /* 'l' list, 's' show, 'e' edit, 'r' remove */
	int64_t id;
	int score;          /* -1: keep */
	struct stamp at;    /* t == 0: keep */
	struct buf tags;    /* used when tags_given */
	bool tags_given, note_from_stdin;
};

/* "2026-11-23 08:10": the local time it was written at. */
static void local_time(struct stamp s, char out[32])
{
	char iso[32];
	stamp_format(s, iso);
	snprintf(out, 32, "%.10s %.5s", iso, iso + 11);
}


/* A label of tend's own, then text that came from the vault, shown so
 * that no control character reaches the terminal (util/termsafe). */
static void shown(const char *label, const char *text, enum termsafe_mode mode)
{
	fputs(label, stdout);
	termsafe_fputs(text, stdout, mode);
	putchar('\n');
}

static int run_checkins(struct cli_ctx *ctx, struct vault *v, void *arg, struct error *e)
{
	(void)ctx;
	struct checkins_args *a = arg;
	struct checkin_saved *list;
	size_t n;
	if (a->what == 'r') {
		if (checkin_delete(v, a->id, e))
			return -1;
		printf("Removed check-in %lld.\n", (long long)a->id);
		return 0;
	}
	if (checkins_list(v, a->what == 'l' ? 0 : a->id, &list, &n, e))
		return -1;
	int rc = 0;
	if (a->what == 'l') {
		for (size_t i = 0; i < n; i++) {
			char when[32];
			local_time(list[i].c.at, when);
			char feel[512];
			feelings_words(list[i].c.emotions, feel, sizeof(feel));
			printf("%lld\t%s\t%d\t", (long long)list[i].id, when, list[i].c.score);
			termsafe_fputs(feel, stdout, TERMSAFE_LINE);
			putchar('\t');
			termsafe_fputs(list[i].c.tags, stdout, TERMSAFE_LINE);
			putchar('\n');
		}
	} else if (a->what == 's') {
		const struct checkin *c = &list[0].c;
		char when[32];
		local_time(c->at, when);
		printf("Check-in %lld\n%s\nscore: %d of 10\n", (long long)list[0].id, when, c->score);
		if (*c->emotions) {
			char feel[512];
			feelings_words(c->emotions, feel, sizeof(feel));
			shown("feelings: ", feel, TERMSAFE_LINE);
		}
		if (*c->tolerance)
			shown("window of tolerance: ", c->tolerance, TERMSAFE_LINE);
		if (c->intensity >= 0)
			printf("how strong: %d of 10\n", c->intensity);
		if (c->energy >= 0)
			printf("energy: %d of 10\n", c->energy);
		if (c->sleep_hours >= 0)
			printf("sleep: %g hours\n", c->sleep_hours);
		if (*c->body)
			shown("in the body: ", c->body, TERMSAFE_LINE);
		if (*c->tags)
			shown("tags: ", c->tags, TERMSAFE_LINE);
		if (*c->note)
			shown("\n", c->note, TERMSAFE_TEXT);
	} else {
		struct checkin c = list[0].c;
		struct buf note = BUF_INIT;
		if (a->score >= 0)
			c.score = a->score;
		c.at = a->at;
		if (a->tags_given)
			c.tags = buf_str(&a->tags);
		if (a->note_from_stdin) {
			rc = cli_read_stdin(&note, e);
			while (!rc && note.len &&
			       (note.data[note.len - 1] == '\n' || note.data[note.len - 1] == '\r'))
				note.data[--note.len] = '\0';
			if (!rc && !utf8_valid(buf_str(&note), note.len))
				rc = error_set(e, E_FAIL, "The note is not valid UTF-8 text; nothing was changed.");
			c.note = buf_str(&note);
		}
		if (!rc)
			rc = checkin_update(v, a->id, &c, e);
		if (!rc)
			printf("Changed check-in %lld.\n", (long long)a->id);
		buf_free(&note);
	}
	checkins_free(list, n);
	return rc;
}

int cmd_checkins(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"score", required_argument, NULL, 's'},
		{"at", required_argument, NULL, 'a'},
		{"tag", required_argument, NULL, 't'},
		{"note", required_argument, NULL, 'n'},
		{"yes", no_argument, NULL, 'y'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct checkins_args a = {.what = 'l', .score = -1, .tags = BUF_INIT};
	bool yes = false, edits = false;
	int c, usage = -1;
	optind = 0;
	while (usage < 0 && (c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(CHECKINS_USAGE "Lists check-ins (id, local time, score, feelings, tags), newest\n"
			      "first; shows one whole; changes one (what is not given stays as it was;\n"
			      "--tag replaces the tags, --note - reads the note from standard input);\n"
			      "or removes one (an entry linked to it keeps its words).\n",
			      stdout);
			usage = 0;
			break;
		case 's':
			edits = true;
			if (score_parse(optarg, &a.score))
				usage = cli_usage_error("--score takes a whole number from 0 to 10.");
			break;
		case 'a':
			edits = true;
			if (cli_parse_at(optarg, &a.at))
				usage = E_USAGE;
			break;
		case 't':
			edits = true;
			a.tags_given = true;
			if (add_item(&a.tags, optarg, "--tag"))
				usage = E_USAGE;
			break;
		case 'n':
			edits = true;
			if (strcmp(optarg, "-") != 0)
				usage = cli_usage_error("--note takes '-' and reads the note from standard "
				                        "input, so it stays out of your shell history.");
			a.note_from_stdin = true;
			break;
		case 'y':
			yes = true;
			break;
		default:
			usage = cli_usage_error("unknown option for 'tend checkins'.");
		}
	}
	int rest = argc - optind;
	const char *sub = rest ? argv[optind] : "list";
	if (usage < 0) {
		if (strcmp(sub, "list") == 0 && rest <= 1)
			a.what = 'l';
		else if (strcmp(sub, "show") == 0 && rest == 2)
			a.what = 's';
		else if (strcmp(sub, "edit") == 0 && rest == 2)
			a.what = 'e';
		else if (strcmp(sub, "remove") == 0 && rest == 2)
			a.what = 'r';
		else
			usage = cli_usage_error("'tend checkins' takes list, show ID, edit ID or remove ID.");
	}
	if (usage < 0 && a.what != 'l' && cli_parse_id(argv[optind + 1], &a.id))
		usage = cli_usage_error("'%s' is not a check-in number (tend checkins lists them).",
		                        argv[optind + 1]);
	if (usage < 0 && edits && a.what != 'e')
		usage = cli_usage_error("--score, --at, --tag and --note go with 'tend checkins edit'.");
	if (usage < 0 && a.what == 'e' && !edits)
		usage = cli_usage_error("say what to change: --score, --at, --tag or --note -.");
	if (usage < 0 && yes != (a.what == 'r'))
		usage = a.what == 'r' ? cli_usage_error("removing check-in %lld cannot be undone; add "
		                                        "--yes to go ahead.", (long long)a.id)
		                      : cli_usage_error("--yes goes with 'tend checkins remove'.");
	if (usage < 0)
		usage = cli_with_vault(ctx, run_checkins, &a, NULL);
	buf_free(&a.tags);
	return usage;
}
