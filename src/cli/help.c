/* help.c: tend help [COMMAND | TOPIC | topics]. A topic is any Learn page,
 * healing-path module or exercise, printed as plain wrapped text so it can
 * be read (or printed) without the full-screen program. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_int.h"
#include "cli/commands.h"
#include "content/embed.h"
#include "content/exercise.h"
#include "content/homework.h"
#include "content/page.h"
#include "content/render.h"

static const char *const folders[] = {"learn/", "path/", "exercises/"};

int cli_topics_each(page_each_fn fn, void *arg)
{
	return page_each(folders, sizeof(folders) / sizeof(folders[0]), fn, arg);
}

struct find {
	const char *topic;
	char path[160];
};

static int match_topic(size_t folder, const char *path, const struct page_meta *m, void *arg)
{
	(void)folder;
	struct find *f = arg;
	if (strcmp(m->id, f->topic) != 0)
		return 0;
	snprintf(f->path, sizeof(f->path), "%s", path);
	return 1;
}

static int list_topic(size_t folder, const char *path, const struct page_meta *m, void *arg)
{
	static const char *const heads[] = {"Learn", "The healing path", "Exercises"};
	(void)path;
	size_t *last = arg;
	if (folder != *last)
		printf("%s%s:\n", *last == (size_t)-1 ? "" : "\n", heads[folder]);
	*last = folder;
	printf("  %-24s %s\n", m->id, m->title);
	return 0;
}

static int list_exercise(const char *id, const char *title, void *arg)
{
	(void)arg;
	printf("  %-24s %s\n", id, title);
	return 0;
}

struct out {
	line_fn fn;
	void *arg;
	int cols;
	int rc;
};

static void emit(struct out *o, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void emit(struct out *o, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (!o->rc)
		o->rc = o->fn(o->arg, line);
}

/* Markdown as plain text, o->cols wide. */
static void emit_md(struct out *o, const char *md, size_t len, struct error *e)
{
	struct doc *d = doc_parse(md, len, e);
	struct layout *l = d ? doc_layout(d, o->cols) : NULL;
	for (size_t i = 0; l && i < l->nlines && !o->rc; i++)
		o->rc = o->fn(o->arg, l->lines[i].text);
	if (!l && !o->rc)
		o->rc = error_set(e, E_FAIL, "The page could not be laid out (out of memory).");
	layout_free(l);
	doc_free(d);
}

int cli_md_lines(const char *md, int cols, line_fn fn, void *arg, struct error *e)
{
	struct out o = {fn, arg, cols, 0};
	emit_md(&o, md, strlen(md), e);
	return o.rc ? -1 : 0;
}

/* An exercise: its intro, then each step with its guidance. */
static void emit_steps(struct out *o, const char *id, struct error *e)
{
	struct exercise_def d;
	if (exercise_load(id, &d, e)) {
		o->rc = -1;
		return;
	}
	emit_md(o, d.intro, strlen(d.intro), e);
	for (size_t i = 0; i < d.nsteps && !o->rc; i++) {
		emit(o, "%s", "");
		emit(o, "Step %zu of %zu: %s", i + 1, d.nsteps, d.steps[i].heading);
		emit(o, "%s", "");
		emit_md(o, d.steps[i].guide, strlen(d.steps[i].guide), e);
	}
	exercise_free(&d);
}

int cli_page_lines(const char *path, int cols, line_fn fn, void *arg, struct error *e)
{
	struct page_meta m;
	const char *body;
	size_t len;
	if (page_load(path, &m, &body, &len, e))
		return -1;
	struct out o = {fn, arg, cols, 0};
	if (m.content_note) {
		emit(&o, "Content note: %s", m.content_note);
		emit(&o, "%s", "");
	}
	if (strncmp(path, "exercises/", 10) == 0 && exercise_exists(m.id))
		emit_steps(&o, m.id, e);
	else
		emit_md(&o, body, len, e);
	if (m.nsources) {
		emit(&o, "%s", "");
		emit(&o, "%s", "Sources:");
		for (size_t i = 0; i < m.nsources; i++)
			emit(&o, "  - %s", m.sources[i]);
	}
	if (m.reviewed) {
		emit(&o, "%s", "");
		emit(&o, "Last reviewed %s%s%s.", m.reviewed, m.reviewer ? " by " : "",
		     m.reviewer ? m.reviewer : "");
		if (m.review_due)
			emit(&o, "Next review due %s.", m.review_due);
		emit(&o, "%s", "tend is self-help, not treatment.");
	}
	page_meta_free(&m);
	return o.rc ? -1 : 0;
}

static int print_line(void *arg, const char *line)
{
	(void)arg;
	puts(line);
	return ferror(stdout) ? -1 : 0;
}

static int print_page(const char *path)
{
	struct error e = {0};
	if (cli_page_lines(path, 76, print_line, NULL, &e) == 0)
		return 0;
	if (e.msg[0])
		fprintf(stderr, "tend: %s\n", e.msg);
	return 1;
}

int cmd_help(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc < 2) {
		char *args[] = {argv[0], "--help", NULL};
		return cli_main(2, args);
	}
	if (argc > 2)
		return cli_usage_error("'tend help' takes one command or topic.");
	const char *what = argv[1];
	if (strcmp(what, "topics") == 0) {
		puts("usage: tend help TOPIC    (or tend help COMMAND)\n");
		size_t last = (size_t)-1;
		if (cli_topics_each(list_topic, &last))
			return 1;
		puts("\nExercises a homework pack may name (exercise: ID):");
		return homework_exercises_each(list_exercise, NULL) ? 1 : 0;
	}
	const struct cli_command *cmd = cli_find(what);
	if (cmd && strcmp(what, "help") != 0) {
		char *args[] = {(char *)what, "--help", NULL};
		return cmd->run(ctx, 2, args);
	}
	struct find f = {.topic = what};
	if (cli_topics_each(match_topic, &f))
		return print_page(f.path);
	return cli_usage_error("no command or topic '%s'; 'tend help topics' lists the topics.", what);
}
