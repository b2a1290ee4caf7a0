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
#include "content/page.h"
#include "core/firstrun.h"
#include "store/entries.h"
#include "store/journal.h"
#include "store/tracking.h"
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

/* Returns true when the person asked to choose another region. */
static bool crisis_page(struct plain *p, const struct crisis_data *d, const char *code)
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
		snprintf(line, sizeof(line), "Lines in %s:", r->name);
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
	int rc = ask(p, "Type r to choose another region, or press Enter to go back:", &b);
	const char *s;
	bool again = !rc && trimmed(buf_str(&b), &s) == 1 && (*s == 'r' || *s == 'R');
	buf_free(&b);
	return again;
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
	printf("Crisis lines for %s.\n", d->regions[k - 1].name);
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
	while (!p->ended && crisis_page(p, &d, region_of(p, &d)))
		choose_region(p, &d, "Where are you? Crisis lines differ by country.");
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
		char intro[256];
		const char *guess = region_of(p, &d);
		const struct crisis_region *gr = crisis_region(&d, guess);
		snprintf(intro, sizeof(intro),
		         "Crisis lines differ by country. The guess from this computer's language "
		         "settings is: %s.",
		         gr ? gr->name : guess);
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
		if (cli_parse_score(buf_str(&b), &c.score) == 0)
			break;
		puts("A whole number from 0 to 10, please, or Enter to skip.");
	}
	if (ask(p, "How you feel, in a few words separated by commas (Enter to skip):", &b))
		goto stopped;
	const char *words[16];
	size_t n = list_split(b.data ? b.data : (char *)"", words, 16);
	for (size_t i = 0; i < n; i++)
		buf_printf(&feelings, "%s%s", i ? "," : "", words[i]);
	if (ask(p, "A note, one line (Enter to skip):", &note))
		goto stopped;
	c.emotions = buf_str(&feelings);
	c.note = buf_str(&note);
	struct error e = {0};
	int64_t id;
	if (checkin_add(p->v, &c, &id, &e))
		printf("The check-in was not saved: %s\n", e.msg);
	else
		puts("Saved your check-in.");
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
};

static void writing_free(struct writing *w)
{
	buf_free(&w->title);
	buf_free(&w->tags);
	buf_free(&w->body);
}

static int keep_draft(struct plain *p, struct writing *w)
{
	struct draft d = {.slot = "new"};
	d.title = (char *)buf_str(&w->title);
	d.tags = (char *)buf_str(&w->tags);
	d.body = (char *)buf_str(&w->body);
	d.prompt = (char *)"";
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
	int found = draft_load(p->v, "new", &d, &e);
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
		draft_delete(p->v, "new", &e);
		puts("The entry is empty, so there was nothing to save.");
		return;
	}
	/* Split a copy: the draft keeps the tags as typed if saving fails. */
	const char *tags[64];
	struct buf split = BUF_INIT;
	buf_puts(&split, buf_str(&w->tags));
	size_t ntags = list_split(split.data ? split.data : (char *)"", tags, 64);
	struct new_entry ne = {.title = buf_str(&w->title), .body = all, .prompt = "",
	                       .tags = tags, .ntags = ntags};
	struct error e = {0};
	int64_t id;
	int rc = entries_add_ex(p->v, &ne, &id, &e);
	buf_free(&split);
	if (rc) {
		printf("Not saved: %s\n", e.msg);
		keep_draft(p, w);
		return;
	}
	draft_delete(p->v, "new", &e);
	puts("Saved your entry.");
}

static void write_entry(struct plain *p)
{
	struct writing w = {BUF_INIT, BUF_INIT, BUF_INIT, false};
	struct buf line = BUF_INIT;
	int go = offer_draft(p, &w);
	if (go <= 0)
		goto done;
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
	const struct cli_asker a = {ask_cb, stdout, p};
	struct error e = {0};
	putchar('\n');
	if (cli_trigger_questions(&a, p->v, &e))
		printf("%s\n", e.msg);
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

/* ---- home ------------------------------------------------------------------------- */

static int home(struct plain *p)
{
	static const char *const items[] = {
		"Check in: your mood from 0 to 10",
		"Write in your journal",
		"Log a trigger",
		"Learn: read a page",
		"Crisis help",
		"Leave tend",
	};
	while (!p->ended) {
		int k = menu(p, "Home. What would you like to do?", items, 6, "to leave");
		if (k <= 0 || k == 6)
			break;
		switch (k) {
		case 1: check_in(p); break;
		case 2: write_entry(p); break;
		case 3: trigger(p); break;
		case 4: learn(p); break;
		case 5: show_crisis(p); break;
		}
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
