#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/render.h"
#include "unit.h"
#include "util/buf.h"
#include "util/utf8.h"

/* What every layout must hold: widths measured right and within the window,
 * valid UTF-8, spans inside the line, sorted, on code point boundaries, and
 * no line starting with a combining mark. */
static void check_layout(const struct layout *l, int width)
{
	for (size_t i = 0; i < l->nlines; i++) {
		const struct layout_line *ln = &l->lines[i];
		assert_int_equal(strlen(ln->text), ln->len);
		assert_true(utf8_valid(ln->text, ln->len));
		assert_int_equal((size_t)ln->width, utf8_width(ln->text, ln->len));
		if (ln->width > width)
			fail_msg("line %zu is %d columns wide, more than %d: '%s'", i, ln->width, width,
			         ln->text);
		size_t end = 0;
		for (size_t k = 0; k < ln->nspans; k++) {
			const struct style_span *s = &ln->spans[k];
			assert_true(s->off >= end);
			assert_true(s->len > 0);
			assert_true(s->off + s->len <= ln->len);
			assert_true(s->style != 0);
			assert_true(((unsigned char)ln->text[s->off] & 0xC0) != 0x80);
			end = s->off + s->len;
		}
		size_t adv;
		if (ln->len)
			assert_true(u_width(utf8_decode(ln->text, ln->len, &adv)) != 0);
	}
}

static struct layout *render(const char *md, int width, struct doc **keep)
{
	struct error e;
	struct doc *d = doc_parse(md, strlen(md), &e);
	assert_non_null(d);
	struct layout *l = doc_layout(d, width);
	assert_non_null(l);
	assert_int_equal(l->width, width);
	check_layout(l, width);
	if (keep)
		*keep = d;
	else
		doc_free(d);
	return l;
}

/* The lines joined with '\n', in a static buffer. */
static const char *text_of(const struct layout *l)
{
	static char out[16384];
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < l->nlines; i++) {
		assert_true(n + l->lines[i].len + 2 < sizeof(out));
		memcpy(out + n, l->lines[i].text, l->lines[i].len);
		n += l->lines[i].len;
		out[n++] = '\n';
		out[n] = '\0';
	}
	return out;
}

static void expect(const char *md, int width, const char *want)
{
	struct layout *l = render(md, width, NULL);
	const char *got = text_of(l);
	if (strcmp(got, want) != 0)
		fail_msg("width %d\n--- wanted\n%s--- got\n%s---", width, want, got);
	layout_free(l);
}

/* The style of the byte at off in line i (0 when unstyled). */
static unsigned style_at(const struct layout *l, size_t i, size_t off)
{
	const struct layout_line *ln = &l->lines[i];
	for (size_t k = 0; k < ln->nspans; k++)
		if (off >= ln->spans[k].off && off < ln->spans[k].off + ln->spans[k].len)
			return ln->spans[k].style;
	return 0;
}

static unsigned style_of(const struct layout *l, size_t i, const char *word)
{
	const char *at = strstr(l->lines[i].text, word);
	assert_non_null(at);
	return style_at(l, i, (size_t)(at - l->lines[i].text));
}

static void headings(void **state)
{
	(void)state;
	struct layout *l = render("# One\n\nText.\n\n## Two *em*\n\n### Three\n\n#### Four\n", 40, NULL);
	assert_string_equal(text_of(l), "One\n\nText.\n\nTwo em\n\nThree\n\nFour\n");
	assert_int_equal(style_of(l, 0, "One"), STYLE_HEADING1);
	assert_int_equal(style_of(l, 2, "Text"), 0);
	assert_int_equal(style_of(l, 4, "Two"), STYLE_HEADING2);
	assert_int_equal(style_of(l, 4, "em"), STYLE_HEADING2 | STYLE_EMPH);
	assert_int_equal(style_of(l, 6, "Three"), STYLE_HEADING3);
	assert_int_equal(style_of(l, 8, "Four"), STYLE_HEADING3);
	assert_int_equal(l->nheadings, 4);
	static const struct {
		const char *text;
		int level;
		size_t line;
	} want[] = {{"One", 1, 0}, {"Two em", 2, 4}, {"Three", 3, 6}, {"Four", 4, 8}};
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(l->headings[i].text, want[i].text);
		assert_int_equal(l->headings[i].level, want[i].level);
		assert_int_equal(l->headings[i].line, want[i].line);
	}
	layout_free(l);
	/* Setext headings and a heading that wraps: the entry points at its first line. */
	l = render("Intro\n\nA long heading that wraps\n=========================\n", 12, NULL);
	assert_string_equal(text_of(l), "Intro\n\nA long\nheading that\nwraps\n");
	assert_int_equal(l->nheadings, 1);
	assert_string_equal(l->headings[0].text, "A long heading that wraps");
	assert_int_equal(l->headings[0].line, 2);
	assert_int_equal(style_of(l, 4, "wraps"), STYLE_HEADING1);
	layout_free(l);
}

static void paragraphs_wrap(void **state)
{
	(void)state;
	const char *fox = "The quick brown fox jumps over the lazy dog.";
	expect(fox, 10, "The quick\nbrown fox\njumps over\nthe lazy\ndog.\n");
	expect(fox, 15, "The quick brown\nfox jumps over\nthe lazy dog.\n");
	expect(fox, 44, "The quick brown fox jumps over the lazy dog.\n");
	expect(fox, 120, "The quick brown fox jumps over the lazy dog.\n");
	/* Source line breaks are spaces; runs of spaces collapse. */
	expect("one\ntwo   three\n\nnext   para", 40, "one two three\n\nnext para\n");
	/* Hard breaks, both spellings. */
	expect("one  \ntwo\\\nthree", 40, "one\ntwo\nthree\n");

	/* A long paragraph at 120 wraps near the edge and only there. */
	struct buf b = BUF_INIT;
	for (int i = 0; i < 60; i++)
		assert_int_equal(buf_printf(&b, "word%d ", i), 0);
	struct layout *l = render(buf_str(&b), 120, NULL);
	assert_true(l->nlines >= 3);
	for (size_t i = 0; i + 1 < l->nlines; i++) {
		/* the next line's first word would not have fitted */
		const char *next = l->lines[i + 1].text;
		size_t first = strcspn(next, " ");
		assert_true((size_t)l->lines[i].width + 1 + first > 120);
	}
	layout_free(l);
	buf_free(&b);
}

static void inline_styles(void **state)
{
	(void)state;
	struct layout *l =
		render("Plain *emph* **strong** `co de` ***both*** _u_", 80, NULL);
	assert_string_equal(text_of(l), "Plain emph strong co de both u\n");
	assert_int_equal(style_of(l, 0, "Plain"), 0);
	assert_int_equal(style_of(l, 0, "emph"), STYLE_EMPH);
	assert_int_equal(style_of(l, 0, "strong"), STYLE_STRONG);
	assert_int_equal(style_of(l, 0, "co de"), STYLE_CODE);
	assert_int_equal(style_of(l, 0, "both"), STYLE_EMPH | STYLE_STRONG);
	assert_int_equal(style_of(l, 0, "u"), STYLE_EMPH);
	/* The span covers exactly the word. */
	const struct layout_line *ln = &l->lines[0];
	assert_int_equal(ln->spans[0].off, 6);
	assert_int_equal(ln->spans[0].len, 4);
	layout_free(l);

	/* Styles carry across a wrap. */
	l = render("**one two three four**", 10, NULL);
	assert_string_equal(text_of(l), "one two\nthree four\n");
	assert_int_equal(l->lines[1].nspans, 1);
	assert_int_equal(l->lines[1].spans[0].off, 0);
	assert_int_equal(l->lines[1].spans[0].len, 10);
	assert_int_equal(l->lines[1].spans[0].style, STYLE_STRONG);
	layout_free(l);
}

static void quotes(void **state)
{
	(void)state;
	const char *md = "> one\n>\n> > inner words here\n>\n> back\n\nafter";
	expect(md, 40, "│ one\n│\n│ │ inner words here\n│\n│ back\n\nafter\n");
	expect(md, 12, "│ one\n│\n│ │ inner\n│ │ words\n│ │ here\n│\n│ back\n\nafter\n");
	struct layout *l = render(md, 40, NULL);
	assert_int_equal(style_at(l, 0, 0), STYLE_QUOTE);
	assert_int_equal(style_of(l, 0, "one"), STYLE_QUOTE);
	assert_int_equal(style_of(l, 6, "after"), 0);
	layout_free(l);
}

static void lists(void **state)
{
	(void)state;
	const char *md = "- one\n"
	                 "- two is longer than the width\n"
	                 "  - nested a\n"
	                 "    - deeper\n"
	                 "- three\n"
	                 "\n"
	                 "after\n";
	expect(md, 20, "• one\n"
	               "• two is longer than\n"
	               "  the width\n"
	               "  ◦ nested a\n"
	               "    ▪ deeper\n"
	               "• three\n"
	               "\n"
	               "after\n");
	/* Ordered: numbers from the start, right-aligned, the list's delimiter. */
	expect("8. eight\n9. nine wraps here\n10. ten\n", 12,
	       " 8. eight\n 9. nine\n    wraps\n    here\n10. ten\n");
	expect("1) a\n2) b\n", 20, "1) a\n2) b\n");
	/* Loose lists keep a blank line between items; a second paragraph
	 * sits under the text. */
	expect("- a\n\n- b\n\n  more b\n", 20, "• a\n\n• b\n\n  more b\n");
	/* A quote in an item, a list in a quote, an empty item. */
	expect("- > quoted\n\n> - in quote\n\n-\n", 20,
	       "• │ quoted\n\n│ • in quote\n\n•\n");
	struct layout *l = render(md, 20, NULL);
	assert_int_equal(style_at(l, 0, 0), STYLE_BULLET);
	assert_int_equal(style_of(l, 0, "one"), 0);
	assert_int_equal(style_at(l, 2, 0), 0); /* continuation indent is plain */
	layout_free(l);
}

/* spacing = wide: a blank line between every two blocks, list items and
 * the items of a nested list too, and the blank line keeps a quote's bar. */
static void wide_spacing(void **state)
{
	(void)state;
	const char *md = "# Title\n"
	                 "- one\n"
	                 "- two\n"
	                 "  - nested\n"
	                 "\n"
	                 "> said\n"
	                 ">\n"
	                 "> - in quote\n"
	                 "> - and more\n"
	                 "\n"
	                 "after\n";
	struct error e;
	struct doc *d = doc_parse(md, strlen(md), &e);
	assert_non_null(d);
	struct layout *l = doc_layout_flags(d, 30, LAYOUT_WIDE);
	check_layout(l, 30);
	assert_string_equal(text_of(l), "Title\n"
	                                "\n"
	                                "• one\n"
	                                "\n"
	                                "• two\n"
	                                "\n"
	                                "  ◦ nested\n"
	                                "\n"
	                                "│ said\n"
	                                "│\n"
	                                "│ • in quote\n"
	                                "│\n"
	                                "│ • and more\n"
	                                "\n"
	                                "after\n");
	/* The headings still point at their lines. */
	assert_int_equal(l->nheadings, 1);
	assert_int_equal(l->headings[0].line, 0);
	layout_free(l);
	/* Without the flag the same text stays tight. */
	l = doc_layout_flags(d, 30, 0);
	assert_string_equal(text_of(l), "Title\n\n• one\n• two\n  ◦ nested\n\n│ said\n│\n"
	                                "│ • in quote\n│ • and more\n\nafter\n");
	layout_free(l);
	doc_free(d);
}

static void code_blocks(void **state)
{
	(void)state;
	const char *md = "Text\n\n```c\nshort();\n\tx = 1; // tab\nthis_line_is_far_too_long_for_the_window();\n```\n";
	expect(md, 24, "Text\n\n"
	               "  short();\n"
	               "      x = 1; // tab\n"
	               "  this_line_is_far_too_…\n");
	struct layout *l = render(md, 24, NULL);
	assert_int_equal(l->lines[4].width, 24);
	assert_int_equal(style_of(l, 2, "short"), STYLE_CODE);
	assert_int_equal(style_of(l, 4, "…"), STYLE_MUTED);
	layout_free(l);
	/* Indented code, a blank line inside, code in a quote. */
	expect("    a\n\n    b\n", 20, "  a\n\n  b\n");
	expect("> ```\n> q\n> ```\n", 20, "│   q\n");
	/* Never wrapped, at any width. */
	for (int w = 10; w <= 60; w++) {
		l = render(md, w, NULL);
		assert_int_equal(l->nlines, 5);
		layout_free(l);
	}
}

static void rules(void **state)
{
	(void)state;
	struct layout *l = render("above\n\n---\n\nbelow", 15, NULL);
	assert_int_equal(l->nlines, 5);
	assert_int_equal(l->lines[2].width, 15);
	assert_non_null(strstr(l->lines[2].text, "─────"));
	assert_int_equal(style_at(l, 2, 0), STYLE_MUTED);
	layout_free(l);
	expect("> ***", 10, "│ ────────\n");
}

static void links(void **state)
{
	(void)state;
	struct doc *d;
	struct layout *l = render("See [the guide](https://a.example/guide) and [more](https://b.example) "
	                          "and [again](https://a.example/guide) and <https://c.example>.",
	                          80, &d);
	size_t n = 0;
	const char *const *urls = doc_links(d, &n);
	assert_int_equal(n, 3);
	assert_string_equal(urls[0], "https://a.example/guide");
	assert_string_equal(urls[1], "https://b.example");
	assert_string_equal(urls[2], "https://c.example");
	assert_string_equal(text_of(l),
	                    "See the guide\xC2\xA0[1] and more\xC2\xA0[2] and again\xC2\xA0[1] and "
	                    "https://c.example\xC2\xA0[3].\n"
	                    "\n"
	                    "Links\n"
	                    "\n"
	                    "[1] https://a.example/guide\n"
	                    "[2] https://b.example\n"
	                    "[3] https://c.example\n");
	assert_int_equal(style_of(l, 0, "the guide"), STYLE_LINK);
	assert_int_equal(style_of(l, 0, "[1]"), STYLE_MUTED);
	assert_int_equal(style_of(l, 0, "and"), 0);
	assert_int_equal(style_of(l, 2, "Links"), STYLE_HEADING2);
	assert_int_equal(style_of(l, 4, "[1]"), STYLE_MUTED);
	assert_int_equal(style_of(l, 4, "https"), STYLE_LINK);
	assert_int_equal(l->nheadings, 1);
	assert_string_equal(l->headings[0].text, "Links");
	assert_int_equal(l->headings[0].line, 2);
	layout_free(l);

	/* The reference stays with the last word; a long URL in the list is
	 * broken and continues under itself. */
	l = doc_layout(d, 24);
	assert_non_null(l);
	check_layout(l, 24);
	assert_string_equal(text_of(l),
	                    "See the guide\xC2\xA0[1] and\n"
	                    "more\xC2\xA0[2] and again\xC2\xA0[1]\n"
	                    "and\n"
	                    "https://c.example\xC2\xA0[3].\n"
	                    "\n"
	                    "Links\n"
	                    "\n"
	                    "[1] https://a.example/gu\n"
	                    "    ide\n"
	                    "[2] https://b.example\n"
	                    "[3] https://c.example\n");
	layout_free(l);
	doc_free(d);

	/* More than nine links: the numbers line up. A link in a heading is
	 * left out of the table of contents text. */
	struct buf b = BUF_INIT;
	assert_int_equal(buf_puts(&b, "# Head [x](u0)\n\n"), 0);
	for (int i = 1; i <= 10; i++)
		assert_int_equal(buf_printf(&b, "[l%d](u%d) ", i, i), 0);
	l = render(buf_str(&b), 80, &d);
	doc_links(d, &n);
	assert_int_equal(n, 11);
	assert_string_equal(l->headings[0].text, "Head x");
	assert_int_equal(layout_find(l, " [1] u0", 0, 1), (long)l->nlines - 11);
	assert_int_equal(layout_find(l, "[11] u10", 0, 1), (long)l->nlines - 1);
	layout_free(l);
	doc_free(d);
	buf_free(&b);

	/* No links: no list. */
	l = render("[empty]() text", 40, &d);
	doc_links(d, &n);
	assert_int_equal(n, 0);
	assert_string_equal(text_of(l), "empty text\n");
	layout_free(l);
	doc_free(d);
}

static void html_and_images(void **state)
{
	(void)state;
	struct layout *l = render("<div>\nsecret block\n</div>\n\n"
	                          "A <b>bold</b> word<!-- hidden -->.\n\n"
	                          "![a small tree](tree.png) and ![](x.png)\n\n"
	                          "<script>alert(1)</script>\n",
	                          60, NULL);
	assert_string_equal(text_of(l), "A bold word.\n\na small tree and [image]\n");
	assert_int_equal(style_of(l, 2, "a small tree"), STYLE_MUTED);
	layout_free(l);
	/* A page of only HTML shows nothing. */
	l = render("<p>hi</p>\n", 40, NULL);
	assert_int_equal(l->nlines, 0);
	layout_free(l);
}

static void wide_text(void **state)
{
	(void)state;
	/* 23 CJK characters, no spaces: lines of 5 characters at width 10
	 * or 11 (half a character does not fit). */
	const char *cjk = "日本語の文章は空白なしで書かれるので文字間改行";
	for (int w = 10; w <= 11; w++) {
		struct layout *l = render(cjk, w, NULL);
		assert_int_equal(l->nlines, 5);
		for (size_t i = 0; i < 4; i++)
			assert_int_equal(l->lines[i].width, 10);
		assert_int_equal(l->lines[4].width, 6);
		assert_memory_equal(l->lines[0].text, "日本語の文", l->lines[0].len);
		layout_free(l);
	}
	/* Closing punctuation does not start a line; opening does not end one. */
	expect("あいうえお。", 10, "あいうえ\nお。\n");
	expect("あいうえ「かきく", 10, "あいうえ\n「かきく\n");
	/* Mixed: spaces still break, and so do CJK boundaries. */
	expect("tend は日本語も", 10, "tend は日\n本語も\n");

	/* Emoji are two columns: five to a line of ten. */
	const char *sprouts = "🌱🌱🌱🌱🌱🌱🌱 grow";
	expect(sprouts, 10, "🌱🌱🌱🌱🌱\n🌱🌱 grow\n");
	expect(sprouts, 11, "🌱🌱🌱🌱🌱\n🌱🌱 grow\n");
	/* A joined emoji sequence stays whole. */
	struct layout *l = render("👩\u200d👧👩\u200d👧👩\u200d👧", 10, NULL);
	for (size_t i = 0; i < l->nlines; i++)
		assert_true(l->lines[i].len % 11 == 0);
	layout_free(l);
}

static void combining_marks(void **state)
{
	(void)state;
	/* e + U+0301, twelve times: one word of 12 columns in 36 bytes. */
	struct buf b = BUF_INIT;
	for (int i = 0; i < 12; i++)
		assert_int_equal(buf_puts(&b, "e\xCC\x81"), 0);
	struct layout *l = render(buf_str(&b), 10, NULL);
	assert_int_equal(l->nlines, 2);
	assert_int_equal(l->lines[0].width, 10);
	assert_int_equal(l->lines[0].len, 30); /* each mark stays with its e */
	assert_int_equal(l->lines[1].width, 2);
	assert_int_equal(l->lines[1].len, 6);
	layout_free(l);
	/* Precomposed and combined words wrap by columns, not bytes. */
	expect("caf\xC3\xA9 cafe\xCC\x81 na\xC3\xAFve re\xCC\x81sume\xCC\x81", 10,
	       "caf\xC3\xA9 cafe\xCC\x81\nna\xC3\xAFve\nre\xCC\x81sume\xCC\x81\n");
	buf_free(&b);
}

static void long_words(void **state)
{
	(void)state;
	const char *url = "https://example.org/a/very/long/path/that/fits/nowhere/at-all";
	char md[256];
	snprintf(md, sizeof(md), "see %s end", url);
	struct layout *l = render(md, 20, NULL);
	assert_true(l->nlines >= 4);
	assert_string_equal(l->lines[0].text, "see");
	/* Full lines of the URL, then the rest with the next word. */
	struct buf joined = BUF_INIT;
	for (size_t i = 1; i < l->nlines; i++) {
		if (i + 1 < l->nlines)
			assert_int_equal(l->lines[i].width, 20);
		assert_int_equal(buf_append(&joined, l->lines[i].text, l->lines[i].len), 0);
	}
	snprintf(md, sizeof(md), "%s end", url);
	assert_string_equal(buf_str(&joined), md);
	buf_free(&joined);
	layout_free(l);
	/* Inside a list, the pieces stay under the text. */
	expect("- abcdefghijklmnopqrstuvwxyz", 10, "• abcdefgh\n  ijklmnop\n  qrstuvwx\n  yz\n");
	/* Nesting deeper than the window: the outer columns go, the marker stays. */
	expect("- a\n  - b\n    - c\n      - d\n        - e\n", 10,
	       "• a\n  ◦ b\n    ▪ c\n    • d\n    ◦ e\n");
}

static void search(void **state)
{
	(void)state;
	struct layout *l = render("# Finding Help\n\nAsk for help early.\n\nNothing here.\n\nHELP is near.",
	                          40, NULL);
	/* lines: 0 heading, 2 ask, 4 nothing, 6 HELP */
	assert_int_equal(layout_find(l, "help", 0, 1), 0);
	assert_int_equal(layout_find(l, "help", 1, 1), 2);
	assert_int_equal(layout_find(l, "help", 3, 1), 6);
	assert_int_equal(layout_find(l, "help", 7, 1), -1);
	assert_int_equal(layout_find(l, "HeLp", 5, -1), 2);
	assert_int_equal(layout_find(l, "help", 100, -1), 6);
	assert_int_equal(layout_find(l, "help", 1, -1), 0);
	assert_int_equal(layout_find(l, "absent", 0, 1), -1);
	assert_int_equal(layout_find(l, "", 0, 1), -1);
	assert_int_equal(layout_find(l, NULL, 0, 1), -1);
	assert_int_equal(layout_find(NULL, "x", 0, 1), -1);
	layout_free(l);
}

static const char sampler[] =
	"# Title with `code`\n\nIntro *words* and a [link](https://x.example/a/b) "
	"and more words to wrap around a few times over.\n\n"
	"> Quote with **strong** text\n> > nested 日本語のテキスト\n\n"
	"1. one\n2. two with several words\n   - sub item text\n\n"
	"```\ncode line that is wider than narrow windows\n```\n\n---\n\n"
	"Emoji 🌱🌱🌱 and combining e\xCC\x81 and averyveryverylongwordwithoutanybreaks.\n";

static void any_width(void **state)
{
	(void)state;
	struct error e;
	struct doc *d = doc_parse(sampler, strlen(sampler), &e);
	assert_non_null(d);
	for (int w = 1; w <= 130; w++) {
		struct layout *l = doc_layout(d, w);
		assert_non_null(l);
		assert_int_equal(l->nheadings, 2);
		assert_true(l->headings[1].line < l->nlines);
		if (w >= 10) {
			check_layout(l, w);
			assert_string_equal(l->lines[l->headings[1].line].text, "Links");
		}
		layout_free(l);
	}
	/* The same width twice gives the same lines. */
	struct layout *a = doc_layout(d, 33), *b = doc_layout(d, 33);
	char *first = strdup(text_of(a));
	assert_non_null(first);
	assert_string_equal(first, text_of(b));
	free(first);
	layout_free(a);
	layout_free(b);
	doc_free(d);

	/* Empty input. */
	d = doc_parse("", 0, &e);
	assert_non_null(d);
	struct layout *l = doc_layout(d, 40);
	assert_non_null(l);
	assert_int_equal(l->nlines, 0);
	assert_int_equal(l->nheadings, 0);
	layout_free(l);
	doc_free(d);
	doc_free(NULL);
	layout_free(NULL);
	assert_null(doc_layout(NULL, 40));
}


SUITE(render, cmocka_unit_test(headings), cmocka_unit_test(paragraphs_wrap),
      cmocka_unit_test(inline_styles), cmocka_unit_test(quotes), cmocka_unit_test(lists),
      cmocka_unit_test(wide_spacing),
      cmocka_unit_test(code_blocks), cmocka_unit_test(rules), cmocka_unit_test(links),
      cmocka_unit_test(html_and_images), cmocka_unit_test(wide_text),
      cmocka_unit_test(combining_marks), cmocka_unit_test(long_words), cmocka_unit_test(search),
      cmocka_unit_test(any_width))
