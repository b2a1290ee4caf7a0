#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "content/crisis.h"
#include "content/embed.h"
#include "content/page.h"
#include "content/render.h"
#include "unit.h"
#include "util/fileio.h"
#include "util/path.h"

/* Writes text to root/rel, making folders. */
static void put(const char *root, const char *rel, const char *text)
{
	char *full = path_join(root, rel);
	assert_non_null(full);
	char *slash = strrchr(full, '/');
	*slash = '\0';
	struct error e;
	assert_int_equal(mkdir_p(full, &e), 0);
	*slash = '/';
	assert_int_equal(atomic_write(full, text, strlen(text), 0600, &e), 0);
	free(full);
}

static void use_dir(const char *dir)
{
	content_cache_clear();
	if (dir)
		assert_int_equal(setenv("TEND_CONTENT_DIR", dir, 1), 0);
	else
		assert_int_equal(unsetenv("TEND_CONTENT_DIR"), 0);
}

static void embedded_table(void **state)
{
	(void)state;
	use_dir(NULL);
	for (size_t i = 0; i < content_nfiles; i++) {
		const struct content_file *f = &content_files[i];
		if (i > 0)
			assert_true(strcmp(content_files[i - 1].path, f->path) < 0);
		size_t len = 0;
		const char *t = content_get(f->path, &len);
		assert_ptr_equal(t, f->data);
		assert_int_equal(len, f->len);
		assert_int_equal(t[len], '\0');
		assert_int_equal(strlen(t), len); /* text files: no NUL inside */
		size_t n = strlen(f->path);
		assert_true((n > 3 && strcmp(f->path + n - 3, ".md") == 0) ||
		            (n > 4 && strcmp(f->path + n - 4, ".tsv") == 0));
	}
	assert_null(content_get("no/such/page.md", NULL));
	assert_null(content_get("", NULL));
	assert_null(content_get(NULL, NULL));
	assert_null(content_get("/etc/passwd", NULL));
	assert_null(content_get("learn/../learn/x.md", NULL));
	assert_null(content_get("learn/", NULL));
}

static void embedded_list(void **state)
{
	(void)state;
	use_dir(NULL);
	assert_int_equal(content_list("", NULL, 0), content_nfiles);
	const char **all = calloc(content_nfiles + 1, sizeof(*all));
	assert_non_null(all);
	assert_int_equal(content_list("", all, content_nfiles), content_nfiles);
	for (size_t i = 0; i < content_nfiles; i++)
		assert_string_equal(all[i], content_files[i].path);

	size_t want = 0;
	for (size_t i = 0; i < content_nfiles; i++)
		want += strncmp(content_files[i].path, "learn/", 6) == 0;
	const char **learn = calloc(want + 1, sizeof(*learn));
	assert_non_null(learn);
	assert_int_equal(content_list("learn/", learn, want), want);
	for (size_t i = 0; i < want; i++) {
		assert_memory_equal(learn[i], "learn/", 6);
		if (i)
			assert_true(strcmp(learn[i - 1], learn[i]) < 0);
	}
	/* A short array gets the first ones and the total. */
	if (want >= 2) {
		const char *one[1] = {NULL};
		assert_int_equal(content_list("learn/", one, 1), want);
		assert_string_equal(one[0], learn[0]);
	}
	assert_int_equal(content_list("zz-none/", NULL, 0), 0);
	free(all);
	free(learn);
}

static void override_dir(void **state)
{
	(void)state;
	char *root = test_tmpdir();
	put(root, "learn/b.md", "bee\n");
	put(root, "learn/a.md", "ay\n");
	put(root, "learn/.hidden.md", "no\n");
	put(root, "learn/notes.txt", "no\n");
	put(root, "crisis/lines.tsv", "x\ty\n");
	put(root, "learn/deeper/c.md", "sea\n");
	put(root, "learnt.md", "not under learn/\n");
	use_dir(root);

	size_t len = 0;
	const char *a = content_get("learn/a.md", &len);
	assert_non_null(a);
	assert_string_equal(a, "ay\n");
	assert_int_equal(len, 3);
	/* Loaded once: the same text until the cache is cleared. */
	put(root, "learn/a.md", "changed\n");
	assert_ptr_equal(content_get("learn/a.md", NULL), a);
	assert_null(content_get("learn/missing.md", NULL));
	assert_null(content_get("../escape.md", NULL));
	assert_non_null(content_get("learn/deeper/c.md", NULL));

	const char *paths[8] = {NULL};
	assert_int_equal(content_list("learn/", paths, 8), 3);
	assert_string_equal(paths[0], "learn/a.md");
	assert_string_equal(paths[1], "learn/b.md");
	assert_string_equal(paths[2], "learn/deeper/c.md");
	assert_int_equal(content_list("", paths, 8), 5);
	assert_string_equal(paths[0], "crisis/lines.tsv");
	assert_string_equal(paths[4], "learnt.md");
	assert_int_equal(content_list("crisis/", paths, 1), 1);

	content_cache_clear();
	assert_string_equal(content_get("learn/a.md", NULL), "changed\n");

	/* An empty file is text too. */
	put(root, "learn/empty.md", "");
	assert_string_equal(content_get("learn/empty.md", &len), "");
	assert_int_equal(len, 0);

	/* A folder that does not exist lists nothing and finds nothing. */
	char *gone = path_join(root, "nowhere");
	use_dir(gone);
	assert_null(content_get("learn/a.md", NULL));
	assert_int_equal(content_list("", NULL, 0), 0);
	free(gone);

	use_dir(NULL);
	test_rmtree(root);
	free(root);
}

static const char good_page[] =
	"---\n"
	"id: spectrum\n"
	"title:   Trauma is a spectrum  \n"
	"summary: One line.\n"
	"order: 7\n"
	"\n"
	"# a comment\n"
	"kind: article\n"
	"content_note: Mentions hard things.\n"
	"reviewed: A. Reviewer, MSW , 2024-02-29\n"
	"review-due: 2025-02-28\n"
	"source: First source: with a colon.\n"
	"source: Second source.\n"
	"---\n"
	"# Body\n";

static void front_matter_good(void **state)
{
	(void)state;
	struct page_meta m;
	struct error e;
	size_t off = 0;
	assert_int_equal(page_meta_parse(good_page, strlen(good_page), &m, &off, &e), 0);
	assert_string_equal(m.id, "spectrum");
	assert_string_equal(m.title, "Trauma is a spectrum");
	assert_string_equal(m.summary, "One line.");
	assert_int_equal(m.order, 7);
	assert_string_equal(m.content_note, "Mentions hard things.");
	assert_string_equal(m.reviewed, "2024-02-29");
	assert_string_equal(m.reviewer, "A. Reviewer, MSW");
	assert_string_equal(m.review_due, "2025-02-28");
	assert_int_equal(m.nsources, 2);
	assert_string_equal(m.sources[0], "First source: with a colon.");
	assert_string_equal(m.sources[1], "Second source.");
	assert_string_equal(good_page + off, "# Body\n");
	page_meta_free(&m);
	page_meta_free(&m); /* harmless twice */

	/* CRLF lines, optional keys absent, no body at all. */
	const char crlf[] = "---\r\nid: x\r\ntitle: T\r\norder: -2\r\n---\r\n";
	assert_int_equal(page_meta_parse(crlf, strlen(crlf), &m, &off, &e), 0);
	assert_string_equal(m.id, "x");
	assert_string_equal(m.title, "T");
	assert_string_equal(m.summary, "");
	assert_int_equal(m.order, -2);
	assert_null(m.content_note);
	assert_null(m.reviewed);
	assert_null(m.reviewer);
	assert_null(m.review_due);
	assert_int_equal(m.nsources, 0);
	assert_int_equal(off, strlen(crlf));
	page_meta_free(&m);

	/* A bare date still reads, with nobody named. */
	const char bare_date[] = "---\nid: x\ntitle: T\nreviewed: 2026-11-23\n---\n";
	assert_int_equal(page_meta_parse(bare_date, strlen(bare_date), &m, &off, &e), 0);
	assert_string_equal(m.reviewed, "2026-11-23");
	assert_null(m.reviewer);
	page_meta_free(&m);

	/* The closing line may end the file. */
	const char bare[] = "---\nid: x\ntitle: T\n---";
	assert_int_equal(page_meta_parse(bare, strlen(bare), &m, &off, &e), 0);
	assert_int_equal(off, strlen(bare));
	page_meta_free(&m);
}

static void front_matter_bad(void **state)
{
	(void)state;
	static const struct {
		const char *text, *line;
	} cases[] = {
		{"", "line 1:"},
		{"# Just markdown\n", "line 1:"},
		{"--- \nid: a\ntitle: T\n", "line 3:"},                     /* never closed */
		{"---\ntitle: T\nsummary: s\n---\n", "line 4:"},           /* no id */
		{"---\nid: a\n---\nbody\n", "line 3:"},                    /* no title */
		{"---\nid: a\ntitle: T\nbroken line\n---\n", "line 4:"},
		{"---\nid: a\n: no key\ntitle: T\n---\n", "line 3:"},
		{"---\nid: a\ntitle: T\norder: 1x\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\norder: 99999999999\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\nreviewed: 2023-02-29\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\nreviewed: 23-02-01\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\nreviewed: us, 2023-02-29\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\nreviewed: 2024-01-01, us\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\nreviewed:  , 2024-01-01\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\nreview-due: next year\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\nreview-due: 2024-01-01\nreview-due: 2025-01-01\n---\n",
		 "line 5:"},
		/* due on or before the review is named at its own line */
		{"---\nid: a\ntitle: T\nreview-due: 2024-01-01\nreviewed: us, 2024-01-01\n---\n",
		 "line 4:"},
		{"---\nid: a\ntitle: T\nreviewed: us, 2024-06-01\nreview-due: 2024-05-31\n---\n",
		 "line 5:"},
		{"---\nid: a b\ntitle: T\n---\n", "line 2:"},
		{"---\nid: a\ntitle: T\n\ntitle: U\n---\n", "line 5:"},
		{"---\nid: a\ntitle:\n---\n", "line 3:"},
		{"---\nid: a\ntitle: T\nsource:\n---\n", "line 4:"},
		{"---\nid: a\ntitle: T\norder: 1\norder: 2\n---\n", "line 5:"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct page_meta m;
		struct error e;
		error_clear(&e);
		size_t off = 12345;
		int rc = page_meta_parse(cases[i].text, strlen(cases[i].text), &m, &off, &e);
		if (rc != -1 || strncmp(e.msg, cases[i].line, strlen(cases[i].line)) != 0)
			fail_msg("case %zu: rc %d, message '%s', wanted '%s'", i, rc, e.msg,
			         cases[i].line);
		assert_int_equal(e.code, E_CORRUPT);
		assert_null(m.id);
		assert_null(m.sources);
		page_meta_free(&m);
	}
}

static void load_page(void **state)
{
	(void)state;
	char *root = test_tmpdir();
	put(root, "learn/good.md", good_page);
	put(root, "learn/bad.md", "---\nid: bad\ntitle: Bad\nreviewed: soon\n---\n");
	use_dir(root);

	struct page_meta m;
	struct error e;
	const char *body = NULL;
	size_t blen = 0;
	assert_int_equal(page_load("learn/good.md", &m, &body, &blen, &e), 0);
	assert_string_equal(m.id, "spectrum");
	assert_int_equal(blen, strlen("# Body\n"));
	assert_memory_equal(body, "# Body\n", blen);
	page_meta_free(&m);

	assert_int_equal(page_load("learn/bad.md", &m, NULL, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "learn/bad.md: line 4:"));
	assert_int_equal(page_load("learn/none.md", &m, NULL, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "learn/none.md"));
	assert_null(m.id);

	use_dir(NULL);
	test_rmtree(root);
	free(root);
}

/* Every embedded page has what the learn screen and the review process
 * need, and renders. */
static void embedded_pages_valid(void **state)
{
	(void)state;
	use_dir(NULL);
	size_t n = content_list("", NULL, 0);
	const char **paths = calloc(n + 1, sizeof(*paths));
	char **ids = calloc(n + 1, sizeof(*ids));
	assert_non_null(paths);
	assert_non_null(ids);
	content_list("", paths, n);
	size_t nids = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(paths[i]);
		if (len < 3 || strcmp(paths[i] + len - 3, ".md") != 0)
			continue;
		struct page_meta m;
		struct error e;
		const char *body;
		size_t blen;
		if (page_load(paths[i], &m, &body, &blen, &e) != 0)
			fail_msg("%s", e.msg);
		/* Every page says who reviewed it, when, and when it is next
		 * due, after that (the parser has checked the dates are real). */
		if (!m.reviewed || !m.reviewer || !*m.reviewer)
			fail_msg("%s: needs 'reviewed: WHO, YYYY-MM-DD'", paths[i]);
		if (!m.review_due)
			fail_msg("%s: needs 'review-due: YYYY-MM-DD'", paths[i]);
		if (strcmp(m.review_due, m.reviewed) <= 0)
			fail_msg("%s: review-due %s is not after reviewed %s", paths[i], m.review_due,
			         m.reviewed);
		if (strncmp(paths[i], "learn/", 6) == 0) {
			if (m.nsources < 1)
				fail_msg("%s: needs at least one 'source:'", paths[i]);
			for (size_t k = 0; k < nids; k++)
				if (strcmp(ids[k], m.id) == 0)
					fail_msg("%s: id '%s' is used twice", paths[i], m.id);
			ids[nids++] = strdup(m.id);
		}
		struct doc *d = doc_parse(body, blen, &e);
		assert_non_null(d);
		struct layout *l = doc_layout(d, 60);
		assert_non_null(l);
		assert_true(l->nlines > 0);
		layout_free(l);
		doc_free(d);
		page_meta_free(&m);
	}
	for (size_t k = 0; k < nids; k++)
		free(ids[k]);
	free(ids);
	free(paths);
}


/* Every crisis line row points to a page a reader can follow on the
 * service's own site (https, and not one of the news sites the rows once
 * named), with a real checked date that is not in the future; every region
 * has lines, and every line a region. */
static const char *const news_hosts[] = {
	"primerahora.com", "newswire.ca",  "irishhealthpro.com", "midwestradio.ie",
	"theleader.com.au", "thehawk.in",  "questbg.com",        "odt.co.nz",
	"businesstoday.in", "rtve.es",     "nu.nl",              "todayfm.com",
	"irishexaminer.com", "domradio.de", "miragenews.com",
};

static int news_host(const char *host, size_t n)
{
	for (size_t i = 0; i < sizeof(news_hosts) / sizeof(news_hosts[0]); i++) {
		size_t k = strlen(news_hosts[i]);
		if (n >= k && strncmp(host + n - k, news_hosts[i], k) == 0 &&
		    (n == k || host[n - k - 1] == '.'))
			return 1;
	}
	/* Words that name a newsroom in a host name. */
	static const char *const words[] = {"news", "radio", "herald", "times", "gazette"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		for (size_t j = 0; j + strlen(words[i]) <= n; j++)
			if (strncmp(host + j, words[i], strlen(words[i])) == 0)
				return 1;
	return 0;
}

static void crisis_rows_valid(void **state)
{
	(void)state;
	use_dir(NULL);
	struct crisis_data d;
	struct error e;
	if (crisis_load(&d, &e))
		fail_msg("%s", e.msg);
	char today[16];
	time_t now = time(NULL);
	strftime(today, sizeof(today), "%Y-%m-%d", localtime(&now));
	for (size_t i = 0; i < d.nlines; i++) {
		const struct crisis_line *l = &d.lines[i];
		if (strncmp(l->checked, "https://", 8) != 0)
			fail_msg("%s %s: site '%s' is not an https address", l->region, l->service,
			         l->checked);
		const char *host = l->checked + 8;
		size_t hn = strcspn(host, "/?#");
		if (hn == 0 || news_host(host, hn))
			fail_msg("%s %s: '%s' is a news site, not the service's own", l->region,
			         l->service, l->checked);
		int y, m, dd;
		char tail;
		if (strlen(l->verified) != 10 ||
		    sscanf(l->verified, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3 || y < 2000 ||
		    m < 1 || m > 12 || dd < 1 || dd > 31)
			fail_msg("%s %s: checked date '%s' is not YYYY-MM-DD", l->region, l->service,
			         l->verified);
		if (strcmp(l->verified, today) > 0)
			fail_msg("%s %s: checked date %s is in the future", l->region, l->service,
			         l->verified);
		if (!crisis_region(&d, l->region))
			fail_msg("%s %s: no such region", l->region, l->service);
	}
	for (size_t r = 0; r < d.nregions; r++) {
		size_t n = 0;
		for (size_t i = 0; i < d.nlines; i++)
			n += strcmp(d.lines[i].region, d.regions[r].code) == 0;
		if (!n)
			fail_msg("region %s has no lines", d.regions[r].code);
	}
	crisis_free(&d);
}

/* Has region code a line whose contact is contact? */
static int has_line(const struct crisis_data *d, const char *code, const char *contact)
{
	for (size_t i = 0; i < d->nlines; i++)
		if (strcmp(d->lines[i].region, code) == 0 && strcmp(d->lines[i].contact, contact) == 0)
			return 1;
	return 0;
}

/* A person in Germany, France, Spain or the Netherlands gets their own
 * country's lines (once all they had was 112), and each region has its
 * domestic abuse line where one was found. */
static void crisis_regions_new(void **state)
{
	(void)state;
	use_dir(NULL);
	struct crisis_data d;
	struct error e;
	if (crisis_load(&d, &e))
		fail_msg("%s", e.msg);
	static const struct {
		const char *locale, *code, *contact;
	} want[] = {
		{"de_DE.UTF-8", "DE", "0800 111 0 111"}, {"de_DE.UTF-8", "DE", "116 016"},
		{"fr_FR.UTF-8", "FR", "3114"},           {"fr_FR.UTF-8", "FR", "3919"},
		{"es_ES.UTF-8", "ES", "024"},            {"nl_NL.UTF-8", "NL", "113"},
		{"en_IE.UTF-8", "IE", "50808"},          {"en_GB.UTF-8", "GB", "111"},
		{"en_GB.UTF-8", "GB", "0808 2000 247"},  {"en_AU.UTF-8", "AU", "13 92 76"},
		{"en_US.UTF-8", "US", "1-800-799-7233"}, {"es_PR.UTF-8", "PR", "988"},
		{"en_NZ.UTF-8", "NZ", "0800 733 843"},   {"en_AU.UTF-8", "AU", "1800 737 732"},
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_string_equal(crisis_guess_region(&d, want[i].locale), want[i].code);
		if (!has_line(&d, want[i].code, want[i].contact))
			fail_msg("%s has no line %s", want[i].code, want[i].contact);
	}
	/* Italy stays with the other EU countries. */
	assert_string_equal(crisis_guess_region(&d, "it_IT.UTF-8"), "EU");
	crisis_free(&d);
}

/* The region's heading reads naturally for the rest of the world too, and
 * the guess says where it came from. */
static void crisis_region_words(void **state)
{
	(void)state;
	use_dir(NULL);
	struct crisis_data d;
	struct error e;
	if (crisis_load(&d, &e))
		fail_msg("%s", e.msg);
	char head[160], why[256], *saved[3];
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (int i = 0; i < 3; i++)
		saved[i] = getenv(vars[i]) ? strdup(getenv(vars[i])) : NULL;
	crisis_heading(crisis_region(&d, "DE"), head, sizeof(head));
	assert_string_equal(head, "Crisis lines: Germany");
	crisis_heading(crisis_region(&d, "INTL"), head, sizeof(head));
	assert_string_equal(head, "Crisis lines that work in any country");

	unsetenv("LC_ALL");
	setenv("LC_MESSAGES", "C.UTF-8", 1);
	setenv("LANG", "fr_FR.UTF-8", 1);
	assert_string_equal(crisis_pick_region_why(&d, NULL, why, sizeof(why)), "FR");
	assert_string_equal(why, "a guess from the language setting LANG=fr_FR.UTF-8");
	setenv("LC_ALL", "xx_ZZ.UTF-8", 1);
	assert_string_equal(crisis_pick_region_why(&d, NULL, why, sizeof(why)), "INTL");
	assert_non_null(strstr(why, "LC_ALL=xx_ZZ.UTF-8 names a country tend has no lines for"));
	unsetenv("LC_ALL");
	setenv("LANG", "C.UTF-8", 1);
	assert_string_equal(crisis_pick_region_why(&d, NULL, why, sizeof(why)), "INTL");
	assert_non_null(strstr(why, "no language setting"));
	assert_string_equal(crisis_pick_region_why(&d, "NL", why, sizeof(why)), "NL");
	assert_non_null(strstr(why, "settings file"));
	for (int i = 0; i < 3; i++) {
		if (saved[i])
			setenv(vars[i], saved[i], 1);
		else
			unsetenv(vars[i]);
		free(saved[i]);
	}
	crisis_free(&d);
}

SUITE(content, cmocka_unit_test(embedded_table), cmocka_unit_test(embedded_list),
      cmocka_unit_test(override_dir), cmocka_unit_test(front_matter_good),
      cmocka_unit_test(front_matter_bad), cmocka_unit_test(load_page),
      cmocka_unit_test(embedded_pages_valid), cmocka_unit_test(crisis_rows_valid),
      cmocka_unit_test(crisis_regions_new), cmocka_unit_test(crisis_region_words))
