/* help.c: tend help [COMMAND | TOPIC | topics]. A topic is any Learn page,
 * healing-path module or exercise, printed as plain wrapped text so it can
 * be read (or printed) without the full-screen program. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_int.h"
#include "cli/commands.h"
#include "content/embed.h"
#include "content/exercise.h"
#include "content/page.h"
#include "content/render.h"

static const char *const folders[] = {"learn/", "path/", "exercises/"};

/* Calls fn with each page's folder index, path and front matter, until fn
 * returns non-zero (which is returned). */
static int each_topic(int (*fn)(size_t folder, const char *path, const struct page_meta *m,
                                void *arg),
                      void *arg)
{
	for (size_t f = 0; f < sizeof(folders) / sizeof(folders[0]); f++) {
		const char *paths[64];
		size_t n = content_list(folders[f], paths, 64);
		for (size_t i = 0; i < n && i < 64; i++) {
			struct page_meta m;
			struct error e;
			if (!strstr(paths[i], ".md") || page_load(paths[i], &m, NULL, NULL, &e))
				continue;
			int r = fn(f, paths[i], &m, arg);
			page_meta_free(&m);
			if (r)
				return r;
		}
	}
	return 0;
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

/* Markdown as plain text, 76 columns wide; -1 when it cannot be laid out. */
static int print_md(const char *md, size_t len)
{
	struct error e;
	struct doc *d = doc_parse(md, len, &e);
	struct layout *l = d ? doc_layout(d, 76) : NULL;
	for (size_t i = 0; l && i < l->nlines; i++)
		printf("%s\n", l->lines[i].text);
	int rc = l ? 0 : -1;
	layout_free(l);
	doc_free(d);
	return rc;
}

/* An exercise: its intro, then each step with its guidance. */
static int print_steps(const char *id)
{
	struct exercise_def d;
	struct error e = {0};
	if (exercise_load(id, &d, &e))
		return -1;
	int rc = print_md(d.intro, strlen(d.intro));
	for (size_t i = 0; i < d.nsteps && rc == 0; i++) {
		printf("\nStep %zu of %zu: %s\n\n", i + 1, d.nsteps, d.steps[i].heading);
		rc = print_md(d.steps[i].guide, strlen(d.steps[i].guide));
	}
	exercise_free(&d);
	return rc;
}

static int print_page(const char *path)
{
	struct page_meta m;
	struct error e = {0};
	const char *body;
	size_t len;
	if (page_load(path, &m, &body, &len, &e)) {
		fprintf(stderr, "tend: %s\n", e.msg);
		return 1;
	}
	if (m.content_note)
		printf("Content note: %s\n\n", m.content_note);
	int rc = strncmp(path, "exercises/", 10) == 0 && exercise_exists(m.id) ? print_steps(m.id)
	                                                                   : print_md(body, len);
	if (m.nsources) {
		puts("\nSources:");
		for (size_t i = 0; i < m.nsources; i++)
			printf("  - %s\n", m.sources[i]);
	}
	if (m.reviewed)
		printf("\nLast reviewed %s. tend is self-help, not treatment.\n", m.reviewed);
	page_meta_free(&m);
	return rc ? 1 : 0;
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
		return each_topic(list_topic, &last);
	}
	const struct cli_command *cmd = cli_find(what);
	if (cmd && strcmp(what, "help") != 0) {
		char *args[] = {(char *)what, "--help", NULL};
		return cmd->run(ctx, 2, args);
	}
	struct find f = {.topic = what};
	if (each_topic(match_topic, &f))
		return print_page(f.path);
	return cli_usage_error("no command or topic '%s'; 'tend help topics' lists the topics.", what);
}
