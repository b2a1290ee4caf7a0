/* app.h: the full-screen program: one loop, a stack of views. */
#ifndef TEND_APP_APP_H
#define TEND_APP_APP_H

#include <stdbool.h>
#include <stdio.h>

#include "ui/input.h"

/* Where events come from: the terminal, or a script in screen tests. */
struct app_io {
	void (*read)(struct event *ev, int timeout_ms, void *arg);
	void *arg;
	/* Milliseconds on a monotonic clock; NULL: the real one. Tests pass a
	 * clock they can move forward (auto-lock, timers). */
	long long (*now_ms)(void *arg);
};

struct app_opts {
	bool headless;             /* fixed size from LINES/COLUMNS, no tty needed */
	FILE *in, *out;            /* for headless runs */
	const struct app_io *io;   /* NULL: the terminal */
};

/* Runs until the person quits. Returns an exit status. */
int app_run(const struct app_opts *o);

#endif
