#include "cli/secret.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "store/vault.h"
#include "util/fileio.h"

void secret_free(struct secret *s)
{
	vault_secret_free(s->s);
	s->s = NULL;
	s->len = 0;
}

/* Reads up to '\n' from fd, one byte at a time so nothing after the line
 * is consumed (the next secret may follow on the same descriptor). */
static int read_line_fd(int fd, struct secret *out, bool *eof)
{
	size_t cap = 256;
	out->s = vault_secret_alloc(cap);
	out->len = 0;
	*eof = false;
	if (!out->s)
		return -1;
	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0) {
			*eof = out->len == 0;
			break;
		}
		if (c == '\n')
			break;
		if (out->len + 1 >= cap) {
			char *bigger = vault_secret_alloc(cap * 2);
			if (!bigger)
				return -1;
			memcpy(bigger, out->s, out->len);
			vault_secret_free(out->s);
			out->s = bigger;
			cap *= 2;
		}
		out->s[out->len++] = c;
	}
	if (out->len && out->s[out->len - 1] == '\r')
		out->len--;
	out->s[out->len] = '\0';
	return 0;
}

static struct termios saved_tio;
static volatile sig_atomic_t tty_fd = -1;

static void restore_tty(int sig)
{
	if (tty_fd >= 0)
		tcsetattr(tty_fd, TCSAFLUSH, &saved_tio);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int read_tty(const char *prompt, struct secret *out, struct error *e)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return error_set(e, E_USAGE, "No terminal to ask for the passphrase. Run tend in a "
		                             "terminal, or give --passphrase-fd N.");
	write_all(fd, prompt, strlen(prompt));
	struct termios tio;
	int have_tio = tcgetattr(fd, &tio) == 0;
	struct sigaction sa = {.sa_handler = restore_tty}, old_int, old_term;
	if (have_tio) {
		saved_tio = tio;
		tty_fd = fd;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, &old_int);
		sigaction(SIGTERM, &sa, &old_term);
		tio.c_lflag &= ~(tcflag_t)ECHO;
		tio.c_lflag |= ECHONL;
		tcsetattr(fd, TCSAFLUSH, &tio);
	}
	bool eof;
	int rc = read_line_fd(fd, out, &eof);
	if (have_tio) {
		tcsetattr(fd, TCSAFLUSH, &saved_tio);
		tty_fd = -1;
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
	}
	close(fd);
	if (rc || eof) {
		secret_free(out);
		return error_set(e, E_FAIL, "No passphrase was entered; nothing was changed.");
	}
	return 0;
}

int secret_read(struct cli_ctx *ctx, const char *prompt, struct secret *out, struct error *e)
{
	out->s = NULL;
	out->len = 0;
	if (ctx->pass_fd < 0)
		return read_tty(prompt, out, e);
	bool eof;
	if (read_line_fd(ctx->pass_fd, out, &eof) || eof) {
		secret_free(out);
		return error_set(e, E_USAGE, "Nothing could be read from file descriptor %d "
		                             "(--passphrase-fd); nothing was changed.",
		                 ctx->pass_fd);
	}
	return 0;
}

int secret_read_new(struct cli_ctx *ctx, const char *prompt, struct secret *out,
                    struct error *e)
{
	if (secret_read(ctx, prompt, out, e))
		return -1;
	if (out->len == 0) {
		secret_free(out);
		return error_set(e, E_USAGE, "A passphrase cannot be empty; nothing was changed.");
	}
	if (ctx->pass_fd < 0) {
		struct secret again;
		if (secret_read(ctx, "Type it again: ", &again, e)) {
			secret_free(out);
			return -1;
		}
		int same = again.len == out->len && memcmp(again.s, out->s, out->len) == 0;
		secret_free(&again);
		if (!same) {
			secret_free(out);
			return error_set(e, E_USAGE, "The two passphrases differ; nothing was changed. "
			                             "Try again.");
		}
	}
	if (out->len < 10)
		fputs("tend: note: a passphrase of several words is much harder to guess.\n", stderr);
	return 0;
}

int line_read(const char *prompt, char *buf, size_t size)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	FILE *in = NULL;
	if (fd >= 0) {
		write_all(fd, prompt, strlen(prompt));
		in = fdopen(fd, "r");
	} else {
		fputs(prompt, stderr);
		in = stdin;
	}
	int rc = in && fgets(buf, (int)size, in) ? 0 : -1;
	if (fd >= 0 && in)
		fclose(in);
	else if (fd >= 0)
		close(fd);
	if (rc == 0)
		buf[strcspn(buf, "\r\n")] = '\0';
	return rc;
}
