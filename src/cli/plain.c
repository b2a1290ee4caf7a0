/* plain.c: tend --plain. The same vault, rules and pages as the full-screen
 * journal, as a conversation of lines: numbered menus and prompts that say
 * what to type, nothing that moves the cursor or colours the text. It
 * suits screen readers, TERM=dumb, an Emacs shell buffer or a serial line.
 *
 * Standard input is read with read(2) into a buffer of tend's own that is
 * wiped as it is used, never through stdio (whose buffer would keep what
 * was typed), and a passphrase from a pipe goes through the same reader
 * as the answers after it. A line holding only "!" or "help" opens crisis help at every
 * prompt. End of input leaves; an entry being written is kept as a draft
 * when it was interrupted. There is no auto-lock here: the vault stays open
 * until tend --plain ends. */
#include "cli/plain.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_int.h"
#include "cli/secret.h"
#include "content/crisis.h"
#include "content/homework.h"
#include "content/exercise.h"
#include "content/page.h"
#include "core/checkin.h"
#include "core/firstrun.h"
#include "core/helpnow.h"
#include "core/tags.h"
#include "io/exsession.h"
#include "io/healpath.h"
#include "store/checkins.h"
#include "store/drafts.h"
#include "store/entries.h"
#include "store/entrysave.h"
#include "store/journal.h"
#include "store/homework.h"
#include "store/safety.h"
#include "store/vault.h"
#include "util/buf.h"
#include "util/config.h"
#include "util/path.h"
#include "util/termsafe.h"
#include "util/timefmt.h"
#include "util/utf8.h"

#define PAGE_COLS 76

/* ---- pure helpers ------------------------------------------------------------ */

/* s without spaces around it: *start and the length. */
static size_t trimmed(const char *s, const char **start)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*start = s;
	return n;
}

bool plain_is_crisis(const char *line)
{
	const char *s;
	size_t n = trimmed(line, &s);
	return (n == 1 && *s == '!') || (n == 4 && strncasecmp(s, "help", 4) == 0);
}

int plain_choice(const char *line, size_t n)
{
	const char *s;
	size_t len = trimmed(line, &s);
	if (len == 0 || (len == 1 && (*s == 'q' || *s == 'Q')))
		return 0;
	if (len > 4)
		return -1;
	int v = 0;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v >= 1 && (size_t)v <= n ? v : -1;
}

int plain_rows(const char *lines_env)
{
	if (!lines_env || !*lines_env)
		return 24;
	char *end;
	long v = strtol(lines_env, &end, 10);
	return *end || v < 5 || v > 1000 ? 24 : (int)v;
}

size_t plain_clean(char *s, size_t len)
{
	size_t out = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			continue;
		s[out++] = s[i];
	}
	if (out < len)
		mem_wipe(s + out, len - out);
	return out;
}

size_t plain_break(const char *s, size_t cols)
{
	size_t len = strlen(s), used;
	size_t fit = utf8_fit(s, len, cols, &used);
	if (fit >= len)
		return len;
	for (size_t i = fit; i > 0; i--)
		if (s[i] == ' ')
			return i;
	if (fit)
		return fit;
	size_t adv;
	utf8_decode(s, len, &adv);
	return adv ? adv : 1;
}

/* ---- reading lines ------------------------------------------------------------ */

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
	stop_signal = sig;
}

struct plain {
	struct cli_ctx *ctx;
	struct paths paths;
	struct vault *v;
	bool ended;     /* input ended or a signal came: leave */
	bool in_crisis; /* the crisis screen is showing: "!" there is plain text */
	bool tty;       /* standard input is a terminal (it echoes what is typed) */
	int rows;
	char region[8]; /* the crisis region for this run; "" until first needed */
	/* What was read from standard input and not used yet: private, wiped
	 * as it is used and at the end. */
	char in[4096];
	size_t in_pos, in_len;
};

/* The next byte of standard input: 1, 0 at its end, -1 on an error or a
 * signal. Read a buffer at a time (a pasted page is one read, not one per
 * byte). */
static int next_byte(struct plain *p, char *c)
{
	while (p->in_pos == p->in_len) {
		mem_wipe(p->in, sizeof(p->in));
		p->in_pos = p->in_len = 0;
		ssize_t r = read(STDIN_FILENO, p->in, sizeof(p->in));
		if (stop_signal || (r < 0 && errno != EINTR))
			return -1;
		if (r == 0)
			return 0;
		if (r > 0)
			p->in_len = (size_t)r;
	}
	*c = p->in[p->in_pos];
	p->in[p->in_pos++] = '\0';
	return 1;
}

/* One line from standard input, without its newline, cleaned of control
 * characters. 0, or -1 at the end of input or on a signal (p->ended). A
 * last line without a newline still counts as a line. */
static int read_line(struct plain *p, struct buf *out)
{
	buf_clear(out);
	if (p->ended)
		return -1;
	bool any = false;
	for (;;) {
		char c;
		int r = next_byte(p, &c);
		if (r < 0 || (r == 0 && !any)) {
			p->ended = true;
			return -1;
		}
		if (r == 0) {
			p->ended = true;
			break;
		}
		any = true;
		if (c == '\n')
			break;
		if (buf_putc(out, c)) {
			p->ended = true;
			return -1;
		}
	}
	out->len = plain_clean(out->data ? out->data : (char *)"", out->len);
	if (out->data)
		out->data[out->len] = '\0';
	return 0;
}

static void show_crisis(struct plain *p);

/* Shows prompt (none when ""), reads the answer into out. "!" or "help"
 * shows crisis help, then asks again. Text that is not UTF-8 is asked
 * again. 0, or -1 when input ended. */
static int ask(struct plain *p, const char *prompt, struct buf *out)
{
	for (;;) {
		if (*prompt) {
			fputs(prompt, stdout);
			putchar(' ');
		}
		fflush(stdout);
		int r = read_line(p, out);
		/* Input from a pipe is not echoed: end the prompt's line so the
		 * output stays one line per thing said. */
		if (*prompt && !p->tty)
			putchar('\n');
		if (r)
			return -1;
		if (!p->in_crisis && plain_is_crisis(buf_str(out))) {
			buf_clear(out);
			show_crisis(p);
			if (p->ended)
				return -1;
			puts(*prompt ? "Back where you were." : "Back where you were; go on writing.");
			continue;
		}
		if (!utf8_valid(buf_str(out), out->len)) {
			buf_clear(out);
			puts("That line is not UTF-8 text, which tend stores; please type it again.");
			continue;
		}
		return 0;
	}
}

/* A numbered list; 1..n, 0 for back (Enter or q), -1 when input ended. */
static int menu(struct plain *p, const char *title, const char *const *items, size_t n,
                const char *back)
{
	printf("\n%s\n", title);
	for (size_t i = 0; i < n; i++)
		printf("  %zu. %s\n", i + 1, items[i]);
	char prompt[128];
	snprintf(prompt, sizeof(prompt), "Type a number from 1 to %zu, or Enter %s:", n, back);
	struct buf b = BUF_INIT;
	int choice = -1;
	while (choice < 0 && ask(p, prompt, &b) == 0) {
		choice = plain_choice(buf_str(&b), n);
		if (choice < 0)
			printf("That is not one of the numbers 1 to %zu. Try again, or press Enter %s.\n",
			       n, back);
	}
	buf_free(&b);
	return choice;
}

/* ---- the pager: Enter for more, q to stop ------------------------------------- */

struct pager {
	struct plain *p;
	int shown; /* lines since the last question */
};

static int page_row(struct pager *pg, const char *row, size_t len)
{
	if (pg->shown >= pg->p->rows - 1) {
		struct buf b = BUF_INIT;
		int r = ask(pg->p, "-- Enter for more, q to stop --", &b);
		const char *s;
		bool stop = r || (trimmed(buf_str(&b), &s) == 1 && (*s == 'q' || *s == 'Q'));
		buf_free(&b);
		if (stop)
			return 1;
		pg->shown = 0;
	}
	printf("%.*s\n", (int)len, row);
	pg->shown++;
	return 0;
}

/* A line too long for PAGE_COLS goes on over more rows, indented under
 * where its text starts. */
static int page_line(void *arg, const char *line)
{
	struct pager *pg = arg;
	size_t indent = strspn(line, " ");
	size_t n = plain_break(line, PAGE_COLS);
	if (page_row(pg, line, n))
		return 1;
	char row[PAGE_COLS * 5 + 64];
	for (const char *s = line + n; *s;) {
		s += strspn(s, " ");
		size_t pad = indent + 2 < PAGE_COLS / 2 ? indent + 2 : 2;
		n = plain_break(s, PAGE_COLS - pad);
		if (!n)
			break;
		snprintf(row, sizeof(row), "%*s%.*s", (int)pad, "", (int)n, s);
		if (page_row(pg, row, strlen(row)))
			return 1;
		s += n;
	}
	return 0;
}

/* ---- crisis help, from every prompt --------------------------------------------- */

/* Read from the settings once a run; a region chosen here is kept for the
 * run even when it could not be saved. */
static const char *region_of(struct plain *p, const struct crisis_data *d)
{
	if (!p->region[0]) {
		struct config cfg;
		config_load(p->paths.config_dir, &cfg);
		snprintf(p->region, sizeof(p->region), "%s", crisis_pick_region(d, cfg.region));
	}
	return p->region;
}

static void crisis_lines(struct pager *pg, const struct crisis_data *d, const char *region)
{
	char line[1024];
	for (size_t i = 0; i < d->nlines; i++) {
		const struct crisis_line *l = &d->lines[i];
		if (strcmp(l->region, region) != 0)
			continue;
		snprintf(line, sizeof(line), "  %s: %s (%s, %s).%s%s Number checked %s.", l->service,
		         l->contact, crisis_how_text(l->how), l->hours, *l->note ? " " : "", l->note,
		         l->verified);
		if (page_line(pg, line))
			return;
	}
}

/* What the person asked for on the crisis page. */
enum crisis_next { CRISIS_BACK, CRISIS_REGION, CRISIS_SAFETY };

/* Returns what the person asked for next. */
static enum crisis_next crisis_page(struct plain *p, const struct crisis_data *d, const char *code)
{
	struct pager pg = {p, 0};
	const struct crisis_region *r = crisis_region(d, code);
	char line[512];
	page_line(&pg, "");
	page_line(&pg, "Crisis help: you do not have to go through this alone.");
	snprintf(line, sizeof(line),
	         "If you are in danger, or might act on thoughts of harming yourself, call %s now.",
	         r ? r->emergency : "your local emergency number");
	page_line(&pg, line);
	if (r) {
		page_line(&pg, "");
		char head[160];
		crisis_heading(r, head, sizeof(head));
		snprintf(line, sizeof(line), "%s:", head);
		page_line(&pg, line);
		crisis_lines(&pg, d, r->code);
		if (strcmp(r->countries, "*") != 0) {
			page_line(&pg, "");
			page_line(&pg, "Anywhere else:");
			crisis_lines(&pg, d, crisis_guess_region(d, NULL));
		}
	}
	page_line(&pg, "");
	page_line(&pg, "If you can, let one breath out be slow, and name five things you can see.");
	page_line(&pg, "tend is a self-help tool. It cannot call anyone for you or answer in an "
	               "emergency.");
	struct buf b = BUF_INIT;
	int rc = ask(p,
	             "Type r to choose another region, s for your safety plan, or press Enter to "
	             "go back:",
	             &b);
	const char *s;
	enum crisis_next next = CRISIS_BACK;
	if (!rc && trimmed(buf_str(&b), &s) == 1) {
		if (*s == 'r' || *s == 'R')
			next = CRISIS_REGION;
		else if (*s == 's' || *s == 'S')
			next = CRISIS_SAFETY;
	}
	buf_free(&b);
	return next;
}

/* s as one paragraph, indented by indent columns; 1 when the person
 * stopped the pager. */
static int page_indented(struct pager *pg, const char *s, int indent, const char *label)
{
	char row[4200];
	snprintf(row, sizeof(row), "%*s%s%s", indent, "", label, s);
	int r = page_line(pg, row);
	mem_wipe(row, sizeof(row));
	return r;
}

/* The safety plan: each part with its guidance and the person's words,
 * and a part can be written anew. Locked, the readable copy when the
 * person keeps one. */
static void show_safety(struct plain *p)
{
	struct error e = {0};
	if (!p->v) {
		struct buf b = BUF_INIT;
		int missing = 0;
		if (safety_copy_read(p->paths.data_dir, &b, &missing, &e) == 0) {
			struct pager pg = {p, 0};
			page_line(&pg, "");
			page_line(&pg, "Your safety plan (the copy you keep readable):");
			for (const char *l = buf_str(&b); *l;) {
				size_t n = strcspn(l, "\n");
				char row[1024];
				snprintf(row, sizeof(row), "%.*s", (int)(n < 1000 ? n : 1000), l);
				int stop = page_line(&pg, row);
				mem_wipe(row, sizeof(row));
				if (stop)
					break;
				l += n + (l[n] == '\n');
			}
		} else {
			puts("\nYour safety plan is in your vault: unlock tend to see it. (A copy readable "
			     "before\nunlocking is off unless you turn it on: tend safety-plan --help.)");
		}
		if (b.data)
			mem_wipe(b.data, b.cap);
		buf_free(&b);
		return;
	}
	const char *names[SP_COUNT];
	for (int i = 0; i < SP_COUNT; i++)
		names[i] = safety_title((enum safety_part)i);
	char text[4096];
	int k;
	for (;;) {
		struct pager pg = {p, 0};
		page_line(&pg, "");
		page_line(&pg, "My safety plan");
		for (int i = 0; i < SP_COUNT; i++) {
			enum safety_part part = (enum safety_part)i;
			if (safety_get(p->v, part, text, sizeof(text), &e)) {
				mem_wipe(text, sizeof(text));
				printf("The plan could not be read: %s\n", e.msg);
				return;
			}
			if (page_line(&pg, "") || page_indented(&pg, safety_title(part), 0, "") ||
			    page_indented(&pg, safety_guidance(part), 2, "") ||
			    page_indented(&pg, *text ? text : "(empty)", 2, "Yours: "))
				break;
		}
		mem_wipe(text, sizeof(text));
		k = menu(p, "Write a part anew, or go back.", names, SP_COUNT, "to go back");
		if (k <= 0)
			break;
		struct buf b = BUF_INIT;
		printf("%s: %s\n", names[k - 1], safety_guidance((enum safety_part)(k - 1)));
		int rc = ask(p, "Your words, one line (Enter keeps what is there):", &b);
		const char *s;
		size_t n;
		if (!rc && (n = trimmed(buf_str(&b), &s)) > 0) {
			((char *)s)[n] = '\0';
			if (safety_set(p->v, (enum safety_part)(k - 1), s, &e))
				printf("It could not be saved: %s\n", e.msg);
			else if (safety_copy_update(p->v, p->paths.data_dir, &e))
				printf("Saved in the vault; the readable copy could not be updated: %s\n",
				       e.msg);
			else
				puts("Saved.");
		}
		buf_free(&b);
		if (p->ended)
			break;
	}
}

/* Lists the regions; the one chosen is kept in the settings file (not
 * private: the crisis screen needs it before the vault is open). */
static void choose_region(struct plain *p, const struct crisis_data *d, const char *intro)
{
	const char *names[64];
	size_t n = d->nregions < 64 ? d->nregions : 64;
	for (size_t i = 0; i < n; i++)
		names[i] = d->regions[i].name;
	int k = menu(p, intro, names, n, "to keep it as it is");
	if (k <= 0)
		return;
	struct error e = {0};
	snprintf(p->region, sizeof(p->region), "%s", d->regions[k - 1].code);
	if (config_set(p->paths.config_dir, "region", d->regions[k - 1].code, &e))
		printf("The region could not be saved (%s); it is used until tend closes.\n", e.msg);
	char head[160];
	crisis_heading(&d->regions[k - 1], head, sizeof(head));
	printf("%s.\n", head);
}

static void show_crisis(struct plain *p)
{
	struct crisis_data d;
	struct error e = {0};
	p->in_crisis = true;
	if (crisis_load(&d, &e)) {
		printf("\nIf you are in danger, call your local emergency number now.\n"
		       "(The list of crisis lines could not be read: %s)\n",
		       e.msg);
		p->in_crisis = false;
		return;
	}
	enum crisis_next next;
	while (!p->ended && (next = crisis_page(p, &d, region_of(p, &d))) != CRISIS_BACK) {
		if (next == CRISIS_REGION)
			choose_region(p, &d, "Where are you? Crisis lines differ by country.");
		else
			show_safety(p);
	}
	crisis_free(&d);
	p->in_crisis = false;
}

/* ---- passphrases ------------------------------------------------------------- */

/* --passphrase-fd names a descriptor other than standard input: the
 * passphrase is one line there, read once (standard input goes through
 * the same reader as every answer). */
static bool pass_from_fd(const struct plain *p)
{
	return p->ctx->pass_fd >= 0 && p->ctx->pass_fd != STDIN_FILENO;
}

/* A passphrase: from --passphrase-fd, from the terminal with echo off, or
 * a line of standard input when that is a pipe. "!" or "help" shows crisis
 * help first. 0; 1 when input ended (p->ended); -1 with e filled when
 * --passphrase-fd could not be read. */
static int read_pass(struct plain *p, const char *prompt, struct secret *out, struct error *e)
{
	for (;;) {
		out->s = NULL;
		out->len = 0;
		fflush(stdout);
		if (pass_from_fd(p) || (p->ctx->pass_fd < 0 && p->tty)) {
			char full[160];
			snprintf(full, sizeof(full), "%s ", prompt);
			if (secret_read(p->ctx, full, out, e)) {
				p->ended = true;
				return pass_from_fd(p) ? -1 : 1;
			}
		} else {
			struct buf b = BUF_INIT;
			int r = ask(p, prompt, &b);
			if (r == 0 && (out->s = vault_secret_alloc(b.len + 1)) != NULL) {
				memcpy(out->s, buf_str(&b), b.len + 1);
				out->len = b.len;
			}
			buf_free(&b);
			if (r || !out->s) {
				p->ended = true;
				return 1;
			}
			return 0; /* ask() has handled "!" already */
		}
		if (!plain_is_crisis(out->s))
			return 0;
		secret_free(out);
		show_crisis(p);
		if (p->ended)
			return 1;
	}
}

static const char code_note[] =
    "If you ever forget your passphrase, this code is the only other way into your\n"
    "vault. Write it on paper now and keep it somewhere private; it is shown only\n"
    "this once. Please do not keep it in a file on this computer, or in a photo\n"
    "that syncs to the cloud.";

/* Shows the recovery code once and checks the copy (or skips the check). */
static void recovery_code(struct plain *p, const char *code)
{
	struct buf b = BUF_INIT;
	while (!p->ended) {
		printf("\nYour recovery code:\n\n    %s\n\n%s\n", code, code_note);
		if (ask(p, "Press Enter when it is written down.", &b))
			break;
		if (ask(p, "To check your copy, type its third group of five (after the second dash), "
		           "or s to skip the check:",
		        &b))
			break;
		const char *s;
		size_t n = trimmed(buf_str(&b), &s);
		if (n == 1 && (*s == 's' || *s == 'S')) {
			puts("Check skipped; 'tend rekey' makes a new code any time.");
			break;
		}
		if (code_check_matches(code, s, n)) {
			puts("That matches. Keep the paper somewhere safe.");
			break;
		}
		puts("That does not match the third group. Here is the code once more.");
	}
	buf_free(&b);
}

static const char welcome[] =
    "\nWelcome to tend.\n\n"
    "tend is a private place to learn about trauma and healing, to practise\n"
    "steadying skills, and to keep a journal of how you are doing, at your own\n"
    "pace. It is self-help: it can sit alongside therapy or other support, but it\n"
    "is not treatment, it does not diagnose anything, and it cannot respond in an\n"
    "emergency.\n\n"
    "Your privacy: everything you write stays on this computer, in one vault that\n"
    "is encrypted before it touches the disk. Your passphrase is the key; nobody\n"
    "can open the vault without it or without the recovery code you will see\n"
    "next. Encryption cannot protect you from someone who controls this computer\n"
    "while you use it, or who can see or hear your screen.\n";

/* The first run: a passphrase, the vault, the recovery code, the region.
 * 0 with the vault open, 1 when the person left first, -1 with e filled. */
static int first_run(struct plain *p, struct error *e)
{
	fputs(welcome, stdout);
	printf("The vault will be made in %s.\n", p->paths.data_dir);
	struct buf b = BUF_INIT;
	int asked = ask(p, "Press Enter to choose a passphrase, or type q to leave without "
	                   "making a vault:",
	                &b);
	const char *s;
	bool leave = asked || (trimmed(buf_str(&b), &s) == 1 && (*s == 'q' || *s == 'Q'));
	buf_free(&b);
	if (leave)
		return 1;
	struct secret pass = {0};
	for (;;) {
		int r = read_pass(p, "Choose a passphrase of at least 8 characters (a few ordinary "
		                     "words work well):",
		                  &pass, e);
		if (r)
			return r;
		enum pass_level l;
		const char *say = pass_rate(pass.s, pass.len, &l);
		puts(say);
		if (l < PASS_FAIR) {
			secret_free(&pass);
			if (pass_from_fd(p))
				return error_set(e, E_USAGE, "%s Nothing was made.", say);
			continue;
		}
		if (pass_from_fd(p))
			break;
		struct secret again = {0};
		r = read_pass(p, "Type it once more:", &again, e);
		if (r) {
			secret_free(&pass);
			return r;
		}
		bool same = again.len == pass.len && memcmp(again.s, pass.s, pass.len) == 0;
		secret_free(&again);
		if (same)
			break;
		secret_free(&pass);
		puts("The two passphrases differ. Please choose one again.");
	}
	puts("Making your vault, one moment...");
	fflush(stdout);
	char *code = vault_secret_alloc(VAULT_CODE_MAX);
	int rc = code ? 0 : error_set(e, E_FAIL, "Out of memory; nothing was made.");
	if (!rc)
		rc = vault_init(p->paths.data_dir, pass.s, pass.len, code, e);
	bool made = rc == 0;
	if (!rc)
		rc = vault_open(p->paths.data_dir, pass.s, pass.len, &p->v, e);
	secret_free(&pass);
	/* Once the vault exists its code must be seen, even if opening it
	 * failed: it is shown only now. */
	if (made)
		recovery_code(p, code);
	vault_secret_free(code);
	if (rc)
		return rc;
	struct crisis_data d;
	struct error ce;
	if (!p->ended && crisis_load(&d, &ce) == 0) {
		char intro[512], why[256];
		struct config cfg;
		config_load(p->paths.config_dir, &cfg);
		const char *guess = crisis_pick_region_why(&d, cfg.region, why, sizeof(why));
		snprintf(p->region, sizeof(p->region), "%s", guess);
		const struct crisis_region *gr = crisis_region(&d, guess);
		snprintf(intro, sizeof(intro), "Crisis lines differ by country. Shown now: %s (%s).",
		         gr ? gr->name : guess, why);
		choose_region(p, &d, intro);
		crisis_free(&d);
	}
	if (!p->ended)
		puts("\nYour vault is ready.");
	return 0;
}

/* 0 with the vault open, 1 when the person left first, -1 with e filled. */
static int unlock(struct plain *p, struct error *e)
{
	for (int left = 3; left > 0;) {
		struct secret pass;
		int r = read_pass(p, "Passphrase (or ! for crisis help):", &pass, e);
		if (r)
			return r;
		int rc = vault_open(p->paths.data_dir, pass.s, pass.len, &p->v, e);
		secret_free(&pass);
		if (rc == 0) {
			cli_open_notes(p->v);
			return 0;
		}
		if (e->code != E_AUTH || pass_from_fd(p) || --left == 0)
			return -1;
		printf("That passphrase does not open the vault. %d more %s; 'tend recover' sets a "
		       "new one with the recovery code.\n",
		       left, left == 1 ? "try" : "tries");
	}
	return -1;
}

static void offer_help(struct plain *p);

/* ---- check-in ------------------------------------------------------------------ */

static void check_in(struct plain *p)
{
	struct buf b = BUF_INIT, feelings = BUF_INIT, note = BUF_INIT;
	struct checkin c = CHECKIN_INIT;
	puts("\nA check-in. Nothing here is required: Enter skips any question.");
	for (;;) {
		if (ask(p, "Mood from 0 (worst) to 10 (best), or Enter to skip:", &b))
			goto stopped;
		if (!b.len) {
			puts("Skipped; nothing was saved.");
			goto done;
		}
		if (score_parse(buf_str(&b), &c.score) == 0)
			break;
		puts("A whole number from 0 to 10, please, or Enter to skip.");
	}
	if (ask(p, "How you feel, in a few words separated by commas (Enter to skip):", &b))
		goto stopped;
	const char *words[16];
	size_t n = list_split(b.data, words, 16);
	for (size_t i = 0; i < n; i++)
		buf_printf(&feelings, "%s%s", i ? "," : "", words[i]);
	if (ask(p, "A note, one line (Enter to skip):", &note))
		goto stopped;
	c.emotions = buf_str(&feelings);
	c.note = buf_str(&note);
	struct error e = {0};
	int64_t id;
	if (checkin_add(p->v, &c, &id, &e)) {
		printf("The check-in was not saved: %s\n", e.msg);
	} else {
		puts("Saved your check-in.");
		if (helpnow_after_checkin(c.score))
			offer_help(p);
	}
	goto done;
stopped:
	puts("Stopped; the check-in was not saved.");
done:
	buf_free(&b);
	buf_free(&feelings);
	buf_free(&note);
}

/* ---- writing ------------------------------------------------------------------ */

struct writing {
	struct buf title, tags, body;
	bool from_draft; /* going on with a kept draft: title and tags are set */
	const char *prompt; /* written to this prompt (the healing path), or NULL */
};

static void writing_free(struct writing *w)
{
	buf_free(&w->title);
	buf_free(&w->tags);
	buf_free(&w->body);
}

static int keep_draft(struct plain *p, struct writing *w)
{
	struct draft d = {0};
	draft_slot_name(draft_key_of(0), d.slot);
	d.title = (char *)buf_str(&w->title);
	d.tags = (char *)buf_str(&w->tags);
	d.body = (char *)buf_str(&w->body);
	d.prompt = (char *)(w->prompt ? w->prompt : "");
	struct error e = {0};
	if (draft_save(p->v, &d, &e) == 0) {
		puts("Your unfinished entry was kept as a draft, encrypted in the vault. It opens "
		     "again the next time you write, here or in the full-screen journal.");
		return 0;
	}
	printf("Your unfinished entry could not be kept (%s); it was not saved.\n", e.msg);
	return -1;
}

/* An unfinished entry from before: go on with it, or leave it. 1 go on,
 * 0 leave it, -1 input ended. */
static int offer_draft(struct plain *p, struct writing *w)
{
	struct draft d;
	struct error e = {0};
	char slot[32];
	draft_slot_name(draft_key_of(0), slot);
	int found = draft_load(p->v, slot, &d, &e);
	if (found != 1)
		return 1;
	char when[32];
	/* Drafts keep no offset: show the day in this computer's zone now. */
	stamp_format((struct stamp){d.saved_at, stamp_now().off_min}, when);
	printf("\nYou have an unfinished entry kept on %.10s%s", when,
	       *d.title ? ", titled \"" : ", " ENTRY_UNTITLED);
	termsafe_fputs(d.title, stdout, TERMSAFE_LINE);
	puts(*d.title ? "\"." : ".");
	static const char *const items[] = {"Go on writing it", "Leave it for later"};
	int k = menu(p, "What would you like to do?", items, 2, "to go back");
	if (k == 1) {
		w->from_draft = true;
		buf_puts(&w->title, d.title);
		buf_puts(&w->tags, d.tags);
		buf_puts(&w->body, d.body);
	}
	draft_free(&d);
	return k < 0 ? -1 : k == 1;
}

static void save_entry(struct plain *p, struct writing *w)
{
	const char *all = buf_str(&w->body);
	if (!w->title.len && all[strspn(all, " \t\n")] == '\0') {
		struct error e = {0};
		char slot[32];
		draft_slot_name(draft_key_of(0), slot);
		draft_delete(p->v, slot, &e);
		puts("The entry is empty, so there was nothing to save.");
		return;
	}
	struct entry_save s = {.key = draft_key_of(0), .title = buf_str(&w->title), .body = all,
	                       .tags = buf_str(&w->tags), .prompt = w->prompt};
	struct error e = {0};
	if (entry_save(p->v, &s, NULL, &e)) {
		printf("Not saved: %s\n", e.msg);
		keep_draft(p, w);
		return;
	}
	puts("Saved your entry.");
}

static void write_entry(struct plain *p, const char *prompt)
{
	struct writing w = {BUF_INIT, BUF_INIT, BUF_INIT, false, prompt};
	struct buf line = BUF_INIT;
	int go = offer_draft(p, &w);
	if (go <= 0)
		goto done;
	if (w.from_draft)
		w.prompt = NULL; /* the draft is its own writing, not the prompt's */
	else if (prompt)
		printf("\nThe prompt: %s\n", prompt);
	puts("\nWrite an entry. After the title and tags, write as many lines as you like.\n"
	     "End with a line holding only a dot (.), or press Ctrl-D. A line holding only\n"
	     "! or help opens crisis help and is not added to the entry.");
	if (w.from_draft) {
		/* A draft may have been kept by the full screen: shown safe. */
		fputs("\nTitle: ", stdout);
		termsafe_fputs(w.title.len ? buf_str(&w.title) : ENTRY_UNTITLED, stdout, TERMSAFE_LINE);
		putchar('\n');
		if (w.tags.len) {
			fputs("Tags: ", stdout);
			termsafe_fputs(buf_str(&w.tags), stdout, TERMSAFE_LINE);
			putchar('\n');
		}
		if (w.body.len) {
			puts("So far:");
			termsafe_fputs(buf_str(&w.body), stdout, TERMSAFE_TEXT);
			putchar('\n');
			puts("(end of what was kept)");
		}
	} else {
		if (ask(p, "Title, one line (Enter for none):", &line))
			goto stopped;
		buf_puts(&w.title, buf_str(&line));
		if (ask(p, "Tags, separated by commas (Enter for none):", &line))
			goto stopped;
		buf_puts(&w.tags, buf_str(&line));
	}
	puts("Your entry (end with a line holding only a dot):");
	for (;;) {
		if (ask(p, "", &line)) {
			/* Ctrl-D ends the entry, as a dot does. A terminal goes on
			 * reading after it (a pipe that ended does not). */
			if (p->tty && !stop_signal)
				p->ended = false;
			break;
		}
		if (strcmp(buf_str(&line), ".") == 0)
			break;
		if (w.body.len)
			buf_putc(&w.body, '\n');
		buf_puts(&w.body, buf_str(&line));
	}
	if (stop_signal)
		goto stopped;
	save_entry(p, &w);
	goto done;
stopped:
	/* Interrupted before the entry was finished: keep every word. */
	if (w.title.len || w.body.len || w.tags.len)
		keep_draft(p, &w);
	else
		puts("Stopped; nothing had been written, so nothing was saved.");
done:
	buf_free(&line);
	writing_free(&w);
}

/* ---- trigger log --------------------------------------------------------------- */

static int ask_cb(void *arg, const char *prompt, struct buf *out)
{
	/* The trigger questions end with "? "; ask adds its own space. */
	char q[256];
	snprintf(q, sizeof(q), "%s", prompt);
	size_t n = strlen(q);
	while (n && q[n - 1] == ' ')
		q[--n] = '\0';
	return ask(arg, q, out);
}

static void trigger(struct plain *p)
{
	int before = -1, after = -1;
	const struct cli_asker a = {
		.ask = ask_cb, .talk = stdout, .arg = p, .before = &before, .after = &after};
	struct error e = {0};
	putchar('\n');
	if (cli_trigger_questions(&a, p->v, &e))
		printf("%s\n", e.msg);
	else if (helpnow_after_trigger(before, after))
		offer_help(p);
}

/* ---- Learn ------------------------------------------------------------------------ */

struct topics {
	char *path[64], *title[64];
	size_t n;
};

static int collect(size_t folder, const char *path, const struct page_meta *m, void *arg)
{
	(void)folder;
	struct topics *t = arg;
	if (t->n == 64)
		return 1;
	t->path[t->n] = strdup(path);
	t->title[t->n] = strdup(m->title);
	if (!t->path[t->n] || !t->title[t->n]) {
		free(t->path[t->n]);
		free(t->title[t->n]);
		return 1;
	}
	t->n++;
	return 0;
}

static void learn(struct plain *p)
{
	static const char *const learn_folder[] = {"learn/"};
	struct topics t = {0};
	page_each(learn_folder, 1, collect, &t);
	if (!t.n) {
		puts("No Learn pages could be read.");
		return;
	}
	int k;
	while ((k = menu(p, "Learn: short pages to read at your own pace.",
	                 (const char *const *)t.title, t.n, "to go back")) > 0) {
		struct pager pg = {p, 0};
		struct error e = {0};
		page_line(&pg, "");
		if (cli_page_lines(t.path[k - 1], PAGE_COLS, page_line, &pg, &e) == 0)
			puts("(end of the page)");
		else if (e.msg[0])
			printf("The page could not be shown: %s\n", e.msg);
	}
	for (size_t i = 0; i < t.n; i++) {
		free(t.path[i]);
		free(t.title[i]);
	}
}

/* ---- homework from a therapist ---------------------------------------------------- */

/* Text from a pack: through termsafe, so a pack cannot drive the terminal. */
static void put_text(const char *label, const char *s)
{
	fputs(label, stdout);
	termsafe_fputs(s, stdout, TERMSAFE_TEXT);
	putchar('\n');
}

/* A measure's safety question answered above its first response: crisis
 * help at once, then the questions go on. */
static void crisis_cb(void *arg)
{
	show_crisis(arg);
	puts("The questions go on when you are ready.");
}

static bool written_exercise(const char *id);
static void run_exercise(struct plain *p, const char *id);

/* One item: a scale or a short answer is asked here; a page is shown
 * (and counts as read once shown to its end); a written exercise can be
 * run; one with a screen of its own, or a prompt, is described, with the
 * therapist's note. */
static void homework_item(struct plain *p, const struct hw_pack *pk, const struct homework *h,
                          const struct hw_progress *pr, size_t i)
{
	const struct hw_item *it = &h->items[i];
	struct error e = {0};
	putchar('\n');
	if (it->content_note)
		put_text("Content note: ", it->content_note);
	if (it->kind == HW_SCALE || it->kind == HW_ANSWER || it->kind == HW_MEASURE) {
		const struct cli_asker a = {.ask = ask_cb, .talk = stdout, .arg = p, .crisis = crisis_cb};
		if (cli_homework_answer(&a, p->v, pk->id, (int)i + 1, &e))
			printf("%s\n", e.msg);
		return;
	}
	char what[400];
	homework_describe(it, what, sizeof(what));
	put_text("", what);
	if (*it->text)
		put_text("", it->text);
	if (it->kind == HW_READ && it->target_title) {
		struct pager pg = {p, 0};
		page_line(&pg, "");
		if (cli_page_lines(it->target, PAGE_COLS, page_line, &pg, &e) == 0) {
			puts("(end of the page)");
			struct hw_mark m = HW_MARK_INIT;
			m.pack = pk->id;
			m.item = (int)i;
			if (!pr[i].done && hwpack_mark(p->v, &m, &e))
				printf("%s\n", e.msg);
		} else if (e.msg[0]) {
			printf("The page could not be shown: %s\n", e.msg);
		}
	} else if (it->kind == HW_EXERCISE && it->target && written_exercise(it->target)) {
		struct buf b = BUF_INIT;
		const char *s;
		if (ask(p, "Type 1 to start it now, or press Enter to go back:", &b) == 0 &&
		    trimmed(buf_str(&b), &s) == 1 && *s == '1')
			run_exercise(p, it->target); /* a finished run counts here */
		buf_free(&b);
	} else if (it->kind == HW_EXERCISE) {
		puts("This exercise runs on tend's full screen (tend without --plain); each finished "
		     "run counts here.");
	} else if (it->kind == HW_PROMPT) {
		puts("Write to it from Home, \"Write in your journal\"; tag the entry homework.");
	}
}

static void homework_pack(struct plain *p, const struct hw_pack *pk)
{
	struct homework h;
	struct error e = {0};
	if (homework_parse(pk->text, strlen(pk->text), 0, &h, &e)) {
		printf("This tend cannot read the pack's items: %s\n", e.msg);
		return;
	}
	while (!p->ended) {
		struct hw_progress pr[HOMEWORK_MAX_ITEMS];
		const char *practice[HOMEWORK_MAX_ITEMS];
		homework_practice_names(&h, practice);
		if (hwpack_progress(p->v, pk->id, practice, pr, h.nitems, &e)) {
			printf("%s\n", e.msg);
			break;
		}
		char lines[HOMEWORK_MAX_ITEMS][300];
		const char *items[HOMEWORK_MAX_ITEMS];
		for (size_t i = 0; i < h.nitems; i++) {
			char status[64];
			homework_status(&h.items[i], (long long)pr[i].done, pr[i].last_score, status,
			                sizeof(status));
			snprintf(lines[i], sizeof(lines[i]), "%s (%s)", h.items[i].heading, status);
			termsafe_inplace(lines[i], sizeof(lines[i]), TERMSAFE_LINE);
			items[i] = lines[i];
		}
		putchar('\n');
		put_text("", h.title);
		if (h.note)
			put_text("", h.note);
		if (h.content_note)
			put_text("Content note: ", h.content_note);
		if (*h.intro)
			put_text("", h.intro);
		int k = menu(p, "Its items:", items, h.nitems, "to go back");
		if (k > 0)
			homework_item(p, pk, &h, pr, (size_t)k - 1);
		hwpack_progress_clear(pr, h.nitems);
		if (k <= 0)
			break;
	}
	homework_free(&h);
}

static void homework(struct plain *p)
{
	struct hw_pack *packs;
	size_t n;
	struct error e = {0};
	if (hwpack_list(p->v, &packs, &n, &e)) {
		printf("%s\n", e.msg);
		return;
	}
	const char **titles = calloc(n ? n : 1, sizeof(*titles));
	char **safe = calloc(n ? n : 1, sizeof(*safe));
	for (size_t i = 0; titles && safe && i < n; i++) {
		size_t size = strlen(packs[i].title) * 4 + 1;
		if ((safe[i] = malloc(size))) {
			snprintf(safe[i], size, "%s", packs[i].title);
			termsafe_inplace(safe[i], size, TERMSAFE_LINE);
		}
		titles[i] = safe[i] ? safe[i] : "(a pack)";
	}
	int k;
	while (titles && safe && !p->ended &&
	       (k = menu(p, "Homework from your therapist: do any of it, in any order.", titles, n,
	                 "to go back")) > 0)
		homework_pack(p, &packs[k - 1]);
	for (size_t i = 0; safe && i < n; i++)
		str_wipe_free(safe[i]);
	free(safe);
	free(titles);
	hwpack_list_free(packs, n);
}

/* ---- written exercises, step by step ----------------------------------------- */

/* Exercises with a screen of their own in the full-screen journal (paced
 * breathing's timer, the support map, the affirmations list): not written
 * steps, so plain mode does not list them. */
static bool written_exercise(const char *id)
{
	return !homework_builtin_exercise(id) && !homework_is_list(id) && exercise_exists(id) == 1;
}

/* Markdown shown through the pager, wrapped. */
static void show_md(struct plain *p, const char *md)
{
	struct pager pg = {p, 0};
	struct error e = {0};
	if (cli_md_lines(md, PAGE_COLS, page_line, &pg, &e) && e.msg[0])
		printf("(This could not be shown: %s)\n", e.msg);
}

/* A score from 0 to 10: 0, with *out -1 when skipped with Enter; 1 when
 * the answer was one of the words in cmds (its first letter in *cmd);
 * -1 when input ended. */
static int ask_score10(struct plain *p, const char *prompt, const char *cmds, int *out, char *cmd)
{
	struct buf b = BUF_INIT;
	int rc;
	for (;;) {
		if (ask(p, prompt, &b)) {
			rc = -1;
			break;
		}
		const char *s;
		size_t n = trimmed(buf_str(&b), &s);
		*out = -1;
		if (n == 0) {
			rc = 0;
			break;
		}
		if (n == 1 && cmds && strchr(cmds, tolower((unsigned char)*s))) {
			*cmd = (char)tolower((unsigned char)*s);
			rc = 1;
			break;
		}
		if (score_parse(buf_str(&b), out) == 0) {
			rc = 0;
			break;
		}
		puts(cmds ? "A whole number from 0 to 10, please; Enter skips, p pauses, f finishes now."
		          : "A whole number from 0 to 10, please, or Enter to skip.");
	}
	buf_free(&b);
	return rc;
}

struct plain_ex {
	struct exercise_def d;
	struct buf text[EXERCISE_MAX_STEPS];
	struct exsession s;
};

/* The session points at the words as they are now. */
static void ex_sync(struct plain_ex *x)
{
	for (size_t i = 0; i < x->d.nsteps; i++)
		x->s.answer[i] = buf_str(&x->text[i]);
}

/* What a compose step puts together from the answers so far ("" when
 * none of the answers it uses was given); the number of answers it
 * lacks. */
static size_t ex_compose(struct plain_ex *x, size_t i, struct buf *out)
{
	buf_clear(out);
	const char *answers[EXERCISE_MAX_STEPS];
	for (size_t k = 0; k < x->d.nsteps; k++)
		answers[k] = buf_str(&x->text[k]);
	size_t refs;
	size_t gaps = exercise_compose_gaps(&x->d, i, answers, &refs);
	if (!(refs && gaps == refs))
		exercise_compose(&x->d, i, answers, out);
	return gaps;
}

enum ex_next { EX_ON, EX_PAUSE, EX_FINISH, EX_ENDED };

/* Lines up to one holding only a dot, into out (the first line is in out
 * already). -1 when input ended part way (what was written is kept). */
static int ex_more_lines(struct plain *p, struct buf *out)
{
	struct buf line = BUF_INIT;
	int rc = 0;
	for (;;) {
		if (ask(p, "", &line)) {
			rc = -1;
			break;
		}
		if (strcmp(buf_str(&line), ".") == 0)
			break;
		buf_putc(out, '\n');
		buf_puts(out, buf_str(&line));
	}
	buf_free(&line);
	return rc;
}

/* One step: its guidance, then the answer. */
static enum ex_next ex_step(struct plain *p, struct plain_ex *x, size_t i)
{
	const struct ex_step *st = &x->d.steps[i];
	printf("\nStep %zu of %zu: %s\n\n", i + 1, x->d.nsteps, st->heading);
	show_md(p, st->guide);
	if (p->ended)
		return EX_ENDED;
	char cmd = 0;
	if (st->kind == ANSWER_SCALE) {
		char prompt[240];
		int v;
		snprintf(prompt, sizeof(prompt),
		         "From 0%s%s%s to 10%s%s%s; Enter skips, p pauses, f finishes now:",
		         *st->low ? " (" : "", st->low, *st->low ? ")" : "", *st->high ? " (" : "",
		         st->high, *st->high ? ")" : "");
		int r = ask_score10(p, prompt, "pf", &v, &cmd);
		if (r < 0)
			return EX_ENDED;
		if (r == 0) {
			if (v >= 0 || x->s.rating[i] < 0)
				x->s.rating[i] = v;
			return EX_ON;
		}
		return cmd == 'p' ? EX_PAUSE : EX_FINISH;
	}
	struct buf line = BUF_INIT, composed = BUF_INIT;
	enum ex_next next = EX_ON;
	if (st->kind == ANSWER_NONE) {
		if (ask(p, "Press Enter to go on; p pauses, f finishes now:", &line))
			next = EX_ENDED;
	} else {
		const char *kept = buf_str(&x->text[i]);
		size_t gaps = 0;
		if (st->kind == ANSWER_COMPOSE && !*kept) {
			gaps = ex_compose(x, i, &composed);
			kept = buf_str(&composed);
			/* With a gap it is only a start, as on the screen: it is
			 * kept only in the person's own words. */
			if (*kept)
				puts(gaps ? "Put together from your answers, with ... where one was skipped "
				            "(write your own words to keep it):"
				          : "Put together from your answers (Enter keeps it; or write your "
				            "own):");
		} else if (*kept) {
			puts("What you wrote before (Enter keeps it; or write it anew):");
		}
		if (*kept) {
			termsafe_fputs(kept, stdout, TERMSAFE_TEXT);
			putchar('\n');
		}
		if (ask(p, "Your words; end with a line holding only a dot. A dot alone skips, p "
		           "pauses, f finishes now:",
		        &line))
			next = EX_ENDED;
		else if (!line.len && !gaps && st->kind == ANSWER_COMPOSE && composed.len)
			buf_puts(&x->text[i], buf_str(&composed));
	}
	const char *s;
	size_t n = next == EX_ON ? trimmed(buf_str(&line), &s) : 0;
	if (next != EX_ON) {
	} else if (n == 1 && (*s == 'p' || *s == 'P')) {
		next = EX_PAUSE;
	} else if (n == 1 && (*s == 'f' || *s == 'F')) {
		next = EX_FINISH;
	} else if (exsession_writes(st) && line.len && strcmp(buf_str(&line), ".") != 0) {
		/* New words take the place of what was there. */
		buf_clear(&x->text[i]);
		buf_puts(&x->text[i], buf_str(&line));
		if (ex_more_lines(p, &x->text[i]))
			next = EX_ENDED;
	}
	buf_free(&line);
	buf_free(&composed);
	return next;
}

/* Keeps the exercise as a pause; says so. */
static void ex_pause(struct plain *p, struct plain_ex *x)
{
	struct error e = {0};
	ex_sync(x);
	if (!exsession_any(&x->s) && x->s.before < 0) {
		exsession_drop(p->v, &x->d, &e);
		puts("Left; nothing had been given, so nothing was kept.");
	} else if (exsession_pause(p->v, &x->s, &e)) {
		printf("The exercise could not be kept (%s).\n", e.msg);
	} else {
		puts("Paused. What you wrote is kept, encrypted in the vault; choose the exercise "
		     "again to go on.");
	}
}

static void run_exercise(struct plain *p, const char *id)
{
	struct plain_ex *x = calloc(1, sizeof(*x));
	struct error e = {0};
	if (!x) {
		puts("Out of memory; the exercise could not be opened.");
		return;
	}
	if (exercise_load(id, &x->d, &e)) {
		printf("The exercise could not be opened: %s\n", e.msg);
		free(x);
		return;
	}
	x->s = (struct exsession){.d = &x->d, .stage = EXSESSION_AT_STEP, .before = -1, .after = -1};
	for (size_t i = 0; i < x->d.nsteps; i++)
		x->s.rating[i] = -1;
	struct buf kept = BUF_INIT, b = BUF_INIT;
	bool resumed = exsession_resume(p->v, &x->s, &kept) == 1;
	for (size_t i = 0; resumed && i < x->d.nsteps; i++)
		buf_puts(&x->text[i], x->s.answer[i] ? x->s.answer[i] : "");
	buf_free(&kept);
	ex_sync(x);
	printf("\n%s\n\n", x->d.m.title);
	if (x->d.m.content_note)
		printf("Content note: %s\n\n", x->d.m.content_note);
	show_md(p, x->d.intro);
	enum ex_next next = EX_ON;
	if (resumed) {
		char go[80];
		snprintf(go, sizeof(go), "Go on at step %zu of %zu", x->s.cur + 1, x->d.nsteps);
		const char *const items[] = {go, "Start afresh (what you wrote here is wiped)"};
		int k = menu(p, "You started this before, and what you wrote is kept.", items, 2,
		             "to go back");
		if (k <= 0)
			goto out;
		if (k == 2) {
			if (exsession_drop(p->v, &x->d, &e)) {
				printf("It could not be wiped (%s); nothing changed.\n", e.msg);
				goto out;
			}
			for (size_t i = 0; i < x->d.nsteps; i++) {
				buf_clear(&x->text[i]);
				x->s.rating[i] = -1;
			}
			x->s.cur = 0;
			x->s.before = -1;
			x->s.stage = EXSESSION_AT_STEP;
			resumed = false;
		}
	}
	if (!resumed) {
		printf("\n%zu steps. Any step can be skipped; p pauses and keeps your words to go on "
		       "later, f finishes now.\n",
		       x->d.nsteps);
		if (ask(p, "Press Enter to begin, or q to go back:", &b))
			goto out;
		const char *s;
		if (trimmed(buf_str(&b), &s) == 1 && (*s == 'q' || *s == 'Q'))
			goto out;
		char cmd;
		if (ask_score10(p, "How much distress do you feel right now, from 0 to 10 (Enter "
		                   "skips)?",
		                NULL, &x->s.before, &cmd) < 0)
			goto out;
	}
	if (x->s.stage != EXSESSION_AT_AFTER) {
		for (size_t i = x->s.cur; i < x->d.nsteps && next == EX_ON; i++) {
			x->s.cur = i;
			next = ex_step(p, x, i);
			ex_sync(x);
			if (next == EX_ON && i + 1 < x->d.nsteps) {
				/* Kept as it goes, as the full screen does. */
				x->s.cur = i + 1;
				exsession_pause(p->v, &x->s, &e);
			}
		}
	}
	if (next == EX_PAUSE || next == EX_ENDED) {
		ex_pause(p, x);
		goto out;
	}
	x->s.stage = EXSESSION_AT_AFTER;
	char q[120], cmd;
	if (x->s.before >= 0)
		snprintf(q, sizeof(q), "And now, from 0 to 10? (Before, it was %d.) Enter skips:",
		         x->s.before);
	else
		snprintf(q, sizeof(q), "%s", "And now, from 0 to 10? Enter skips:");
	if (ask_score10(p, q, NULL, &x->s.after, &cmd) < 0) {
		ex_pause(p, x);
		goto out;
	}
	bool wrote;
	ex_sync(x);
	if (exsession_finish(p->v, &x->s, &wrote, &e)) {
		printf("Not saved: %s\nWhat you wrote is kept as a pause; choose the exercise again "
		       "to go on.\n",
		       e.msg);
		goto out;
	}
	char change[40];
	helpnow_change(x->s.before, x->s.after, change, sizeof(change));
	printf("%s%s%s.\n", wrote ? "Saved in your journal, tagged exercise" : "Noted",
	       *change ? "; " : "", change);
out:
	buf_free(&b);
	for (size_t i = 0; i < EXERCISE_MAX_STEPS; i++)
		buf_free(&x->text[i]);
	exercise_free(&x->d);
	free(x);
}

struct exlist {
	char *id[32], *title[32];
	size_t n;
};

static int collect_ex(size_t folder, const char *path, const struct page_meta *m, void *arg)
{
	(void)folder;
	(void)path;
	struct exlist *l = arg;
	if (l->n == 32)
		return 1;
	if (!written_exercise(m->id))
		return 0;
	l->id[l->n] = strdup(m->id);
	l->title[l->n] = strdup(m->title);
	if (!l->id[l->n] || !l->title[l->n]) {
		free(l->id[l->n]);
		free(l->title[l->n]);
		return 1;
	}
	l->n++;
	return 0;
}

static void exlist_free(struct exlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->id[i]);
		free(l->title[i]);
	}
}

static void exercises(struct plain *p)
{
	static const char *const folder[] = {"exercises/"};
	struct exlist l = {0};
	page_each(folder, 1, collect_ex, &l);
	if (!l.n)
		puts("No exercises could be read.");
	int k;
	while (l.n && !p->ended &&
	       (k = menu(p, "Exercises: written steps, at your own pace.",
	                 (const char *const *)l.title, l.n, "to go back")) > 0)
		run_exercise(p, l.id[k - 1]);
	exlist_free(&l);
}

/* After a low check-in or a trigger log with high distress: an offer,
 * once; Enter goes on as before. */
static void offer_help(struct plain *p)
{
	char q[240];
	snprintf(q, sizeof(q),
	         "Type 1 for %s, step by step, 2 for your safety plan, or press Enter for no, "
	         "thanks:",
	         helpnow_name(HELP_GROUND));
	puts("\nIf you like, an exercise may help right now, or a look at your safety plan. (A "
	     "line holding only ! opens crisis help at any prompt.)");
	struct buf b = BUF_INIT;
	const char *s;
	if (ask(p, q, &b) == 0 && trimmed(buf_str(&b), &s) == 1) {
		if (*s == '1')
			run_exercise(p, helpnow_exercise(HELP_GROUND));
		else if (*s == '2')
			show_safety(p);
	}
	buf_free(&b);
}

/* ---- the healing path --------------------------------------------------------------- */

static void path_module(struct plain *p, struct healpath_module *h)
{
	char *items[2 + 4 + 16];
	char status[120];
	for (;;) {
		size_t n = 0, first_ex, first_prompt;
		snprintf(status, sizeof(status), "Where I am with it: %s (choose to change it)",
		         healpath_status(h->status));
		items[n++] = (char *)"Read about it";
		items[n++] = status;
		first_ex = n;
		const char *ids[4];
		for (size_t i = 0; i < h->m.nexercises && n - first_ex < 4; i++) {
			struct page_meta pm;
			char path[160], line[200];
			struct error e;
			if (!written_exercise(h->m.exercises[i]))
				continue;
			snprintf(path, sizeof(path), "exercises/%s.md", h->m.exercises[i]);
			if (page_load(path, &pm, NULL, NULL, &e))
				continue;
			snprintf(line, sizeof(line), "Try: %s", pm.title);
			page_meta_free(&pm);
			if ((items[n] = strdup(line)) != NULL)
				ids[n++ - first_ex] = h->m.exercises[i];
		}
		first_prompt = n;
		for (size_t i = 0; i < h->m.nprompts && n < sizeof(items) / sizeof(items[0]); i++) {
			char line[600];
			snprintf(line, sizeof(line), "Write: %s", h->m.prompts[i]);
			if ((items[n] = strdup(line)) != NULL)
				n++;
		}
		printf("\n%s\n", h->m.title);
		if (*h->m.summary)
			printf("%s\n", h->m.summary);
		int k = menu(p, "What would you like to do?", (const char *const *)items, n,
		             "to go back");
		size_t sel = k > 0 ? (size_t)k - 1 : 0;
		if (k == 1) {
			struct pager pg = {p, 0};
			struct error e = {0};
			page_line(&pg, "");
			if (cli_page_lines(h->path, PAGE_COLS, page_line, &pg, &e) == 0)
				puts("(end of the page)");
			else if (e.msg[0])
				printf("The page could not be shown: %s\n", e.msg);
		} else if (k == 2) {
			const char *st[HEALPATH_NSTATUS];
			for (int i = 0; i < HEALPATH_NSTATUS; i++)
				st[i] = healpath_status(i);
			int c = menu(p, "Where are you with it? There is no right answer.", st,
			             HEALPATH_NSTATUS, "to keep it as it is");
			struct error e = {0};
			if (c > 0 && healpath_set_status(p->v, h, c - 1, &e))
				printf("Not changed: %s\n", e.msg);
			else if (c > 0)
				printf("Kept: %s.\n", healpath_status(h->status));
		} else if (k > 0 && sel < first_prompt) {
			run_exercise(p, ids[sel - first_ex]);
		} else if (k > 0) {
			write_entry(p, h->m.prompts[sel - first_prompt]);
		}
		for (size_t i = first_ex; i < n; i++)
			free(items[i]);
		if (k <= 0 || p->ended)
			return;
	}
}

static void healing_path(struct plain *p)
{
	struct healpath_module *mods = calloc(HEALPATH_MAX, sizeof(*mods));
	struct error e = {0};
	size_t n = mods ? healpath_load(p->v, mods, HEALPATH_MAX, &e) : 0;
	if (!n) {
		printf("The healing path could not be read%s%s.\n", e.msg[0] ? ": " : "", e.msg);
		free(mods);
		return;
	}
	for (;;) {
		char *items[HEALPATH_MAX];
		for (size_t i = 0; i < n; i++) {
			char line[300];
			snprintf(line, sizeof(line), "%s (%s). %s.", mods[i].m.title,
			         healpath_status(mods[i].status), healpath_phase_title(mods[i].phase));
			items[i] = strdup(line);
			if (!items[i])
				items[i] = mods[i].m.title;
		}
		int k = menu(p, "The healing path: ten ways of working on healing. Many people begin "
		                "with the steadying ones; any module can be opened in any order.",
		             (const char *const *)items, n, "to go back");
		for (size_t i = 0; i < n; i++)
			if (items[i] != mods[i].m.title)
				free(items[i]);
		if (k <= 0 || p->ended)
			break;
		path_module(p, &mods[k - 1]);
	}
	healpath_free(mods, n);
	free(mods);
}

/* ---- home ------------------------------------------------------------------------- */

static void write_home(struct plain *p)
{
	write_entry(p, NULL);
}

static void leave(struct plain *p)
{
	(void)p;
}

static int home(struct plain *p)
{
	/* Homework shows only while there are packs, as on the home screen,
	 * so the numbers stay the same for everyone else. */
	static const struct {
		const char *label;
		void (*run)(struct plain *p);
	} items[] = {
		{"Check in: your mood from 0 to 10", check_in},
		{"Write in your journal", write_home},
		{"Log a trigger", trigger},
		{"Learn: read a page", learn},
		{"Homework from my therapist", homework},
		{"The healing path: modules to read, try and write about", healing_path},
		{"Exercises: written steps, with a pause whenever you like", exercises},
		{"Crisis help", show_crisis},
		{"My safety plan", show_safety},
		{"Leave tend", leave},
	};
	enum { N = sizeof(items) / sizeof(items[0]) };
	while (!p->ended) {
		struct error e = {0};
		bool hw = hwpack_count(p->v, &e) > 0;
		const char *shown[N];
		size_t at[N], n = 0;
		for (size_t i = 0; i < N; i++)
			if (items[i].run != homework || hw) {
				at[n] = i;
				shown[n++] = items[i].label;
			}
		int k = menu(p, "Home. What would you like to do?", shown, n, "to leave");
		if (k <= 0 || items[at[k - 1]].run == leave)
			break;
		items[at[k - 1]].run(p);
	}
	return 0;
}

int plain_run(struct cli_ctx *ctx)
{
	struct plain p = {.ctx = ctx, .tty = isatty(STDIN_FILENO) == 1};
	p.rows = plain_rows(getenv("LINES"));
	struct error e = {0};
	if (paths_resolve(&p.paths, &e)) {
		fprintf(stderr, "tend: %s\n", e.msg);
		return e.code ? e.code : E_FAIL;
	}
	/* No SA_RESTART: a read waiting for a line returns, and the loop
	 * leaves through the same door as the end of input. */
	struct sigaction sa = {.sa_handler = on_stop}, old_int, old_term, old_hup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	puts("tend, plain mode: numbered menus and line prompts. Type an answer and press\n"
	     "Enter. At any prompt, a line holding only ! or help opens crisis help.\n"
	     "Ctrl-D leaves; what you were writing is kept.");
	int rc = vault_exists(p.paths.data_dir) ? unlock(&p, &e) : first_run(&p, &e);
	if (rc == 0)
		rc = home(&p);
	bool opened = p.v != NULL;
	vault_close(p.v);
	p.v = NULL;
	if (rc < 0) {
		fprintf(stderr, "tend: %s\n", e.msg);
		rc = e.code ? e.code : E_FAIL;
	} else {
		rc = 0;
	}
	if (opened)
		puts("\nYour vault is closed. Take care.");
	else if (rc == 0)
		puts("\nNothing was changed. Take care.");
	if (stop_signal)
		rc = 128 + stop_signal;
	fflush(stdout);
	mem_wipe(p.in, sizeof(p.in));
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	paths_free(&p.paths);
	return rc;
}
