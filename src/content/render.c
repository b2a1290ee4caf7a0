/* render.c: cmark AST -> width-independent blocks (doc_parse) -> wrapped
 * lines (doc_layout).
 *
 * A doc keeps every byte it shows in one text array: each leaf block (a
 * paragraph, heading, code block or rule) has its body there, plus three
 * prefixes made from the containers around it (quote bars, list markers):
 * one for its first line, one for the lines after, one for the blank line
 * before it. Style runs partition each of these ranges. Paragraph and
 * heading bodies are also cut into tokens (words, or single characters of
 * wide scripts) with their display width, so that laying out is one greedy
 * pass that copies byte ranges and never measures text again. */
#include "content/render.h"

#include <cmark.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

#define STYLE_REF_ (1u << 15)  /* internal: a link reference, left out of heading text */
#define STYLE_PUBLIC_ 0x3FFu   /* the bits render.h documents */
#define NBSP "\xC2\xA0"
#define MIN_TEXT_COLS 4        /* room kept for text however deep the nesting */
#define CODE_INDENT 2

/* ---- growable arrays ---------------------------------------------------- */

/* Makes room for need elements in *slot (a pointer to any object pointer).
 * Returns 0, or -1 with *slot unchanged when memory runs out. */
static int reserve_(void *slot, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			return -1;
		c *= 2;
	}
	void *old;
	memcpy(&old, slot, sizeof(old));
	void *p = realloc(old, c * size);
	if (!p)
		return -1;
	memcpy(slot, &p, sizeof(p));
	*cap = c;
	return 0;
}
#define RESERVE(a, n, cap, extra) reserve_(&(a), &(cap), (n) + (extra), sizeof(*(a)))

/* ---- the parsed document ------------------------------------------------ */

struct run {
	size_t off; /* up to the next run's off, or the end of its range */
	unsigned style;
};

/* A styled range of the doc's text. */
struct sstr {
	size_t off, len;
	size_t run, nrun;
	int width;
};

enum { TOK_SPACE = 1, TOK_HARD = 2 };

struct tok {
	size_t off, len;
	int width;
	unsigned flags; /* TOK_SPACE: a space separates it from the token before */
};

enum bkind { BK_TEXT, BK_CODE, BK_RULE };

struct block {
	enum bkind kind;
	int level; /* heading level, 0 for other blocks */
	bool gap;  /* a blank line before it */
	struct sstr blank, first, cont, body;
	size_t tok, ntok;
};

struct doc {
	char *text;
	size_t len, cap;
	struct run *runs;
	size_t nruns, runs_cap;
	struct tok *toks;
	size_t ntoks, toks_cap;
	struct block *blocks;
	size_t nblocks, blocks_cap;
	char **links;
	size_t nlinks, links_cap;
};

void doc_free(struct doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nlinks; i++)
		free(d->links[i]);
	free(d->links);
	free(d->text);
	free(d->runs);
	free(d->toks);
	free(d->blocks);
	free(d);
}

const char *const *doc_links(const struct doc *d, size_t *count)
{
	if (count)
		*count = d ? d->nlinks : 0;
	return d ? (const char *const *)d->links : NULL;
}

/* ---- parsing ------------------------------------------------------------ */

enum ckind { C_QUOTE, C_LIST, C_ITEM };

struct cont {
	cmark_node *node;
	enum ckind kind;
	bool used;     /* item: its marker has been shown */
	bool tight;    /* list */
	bool ordered;  /* list */
	char delim;    /* list: '.' or ')' */
	int next;      /* list: the next item's number */
	int numw;      /* list: digits of the largest number */
	int depth;     /* list: how many lists enclose it */
	char marker[32];
	int mwidth;
};

struct parser {
	struct doc *d;
	struct cont *stack;
	size_t depth, cap;
	cmark_node **prev; /* the containers around the previous leaf */
	size_t nprev, prev_cap;
	bool have_prev;
	bool oom;
	/* the leaf being built */
	bool in_leaf;
	enum bkind kind;
	int level;
	unsigned base;
	size_t start, run_start;
	int emph, strong, link, image;
	size_t image_mark;
	int col;          /* code blocks: the column, for tab stops */
	int link_item;    /* the Links list: the number of the link being added */
	/* the styled range being appended to */
	size_t seg_off, seg_run;
};

static void seg_begin(struct parser *p)
{
	p->seg_off = p->d->len;
	p->seg_run = p->d->nruns;
}

static struct sstr seg_end(struct parser *p)
{
	struct doc *d = p->d;
	struct sstr s = {p->seg_off, d->len - p->seg_off, p->seg_run, d->nruns - p->seg_run, 0};
	s.width = (int)utf8_width(d->text + s.off, s.len);
	return s;
}

/* Appends bytes as they are. */
static void append(struct parser *p, const char *s, size_t n, unsigned style)
{
	struct doc *d = p->d;
	if (n == 0 || p->oom)
		return;
	if (d->nruns == p->seg_run || d->runs[d->nruns - 1].style != style) {
		if (RESERVE(d->runs, d->nruns, d->runs_cap, 1) != 0) {
			p->oom = true;
			return;
		}
		d->runs[d->nruns++] = (struct run){d->len, style};
	}
	if (RESERVE(d->text, d->len, d->cap, n + 1) != 0) {
		p->oom = true;
		return;
	}
	memcpy(d->text + d->len, s, n);
	d->len += n;
	d->text[d->len] = '\0';
}

/* Drops trailing bytes of the current range that are in `what`. */
static void trim_end(struct parser *p, const char *what)
{
	struct doc *d = p->d;
	while (d->len > p->seg_off && strchr(what, d->text[d->len - 1]))
		d->len--;
	while (d->nruns > p->seg_run && d->runs[d->nruns - 1].off >= d->len)
		d->nruns--;
	if (d->text)
		d->text[d->len] = '\0';
}

static unsigned cur_style(const struct parser *p)
{
	unsigned s = p->base;
	if (p->emph)
		s |= STYLE_EMPH;
	if (p->strong)
		s |= STYLE_STRONG;
	if (p->link)
		s |= STYLE_LINK;
	if (p->image)
		s |= STYLE_MUTED;
	return s;
}

/* Appends inline text: whitespace runs become one space (none at the start
 * of the block or after a hard break); control characters are dropped. */
static void put_inline(struct parser *p, const char *s, size_t n, unsigned style)
{
	struct doc *d = p->d;
	size_t i = 0;
	while (i < n && !p->oom) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			char last = d->len > p->seg_off ? d->text[d->len - 1] : '\n';
			if (last != ' ' && last != '\n')
				append(p, " ", 1, style);
			i++;
			continue;
		}
		/* A stretch of ordinary bytes at once. Input is valid UTF-8 (cmark
		 * checks), so only C0 controls and C1 controls (0xC2 0x80..0x9F)
		 * need a look. */
		size_t j = i;
		while (j < n) {
			unsigned char b = (unsigned char)s[j];
			if (b < 0x20 || b == ' ' || b == 0x7F || b == 0xC2)
				break;
			j++;
		}
		append(p, s + i, j - i, style);
		if (j == i) {
			size_t adv;
			uint32_t cp = utf8_decode(s + i, n - i, &adv);
			if (cp == UTF8_REPLACEMENT)
				append(p, "\xEF\xBF\xBD", 3, style);
			else if (cp >= 0xA0)
				append(p, s + i, adv, style); /* U+00A0..U+00BF */
			i += adv;
		} else {
			i = j;
		}
	}
}

/* Appends a code block's text: newlines kept, tabs expanded to stops every
 * four columns, other control characters dropped. */
static void put_code(struct parser *p, const char *s, size_t n, unsigned style)
{
	size_t i = 0;
	while (i < n && !p->oom) {
		size_t adv;
		uint32_t cp = utf8_decode(s + i, n - i, &adv);
		if (cp == '\n') {
			append(p, "\n", 1, style);
			p->col = 0;
		} else if (cp == '\t') {
			int to = (p->col / 4 + 1) * 4;
			append(p, "    ", (size_t)(to - p->col), style);
			p->col = to;
		} else if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)) {
			append(p, s + i, adv, style);
			p->col += u_width(cp);
		}
		i += adv;
	}
}

static void begin_leaf(struct parser *p, enum bkind kind, int level)
{
	p->in_leaf = true;
	p->kind = kind;
	p->level = level;
	p->emph = p->strong = p->link = p->image = 0;
	p->col = 0;
	p->base = 0;
	for (size_t i = 0; i < p->depth; i++)
		if (p->stack[i].kind == C_QUOTE)
			p->base |= STYLE_QUOTE;
	if (level == 1)
		p->base |= STYLE_HEADING1;
	else if (level == 2)
		p->base |= STYLE_HEADING2;
	else if (level >= 3)
		p->base |= STYLE_HEADING3;
	if (kind == BK_CODE)
		p->base |= STYLE_CODE;
	seg_begin(p);
	p->start = p->seg_off;
	p->run_start = p->seg_run;
}

/* Builds a prefix from the containers stack[0..upto): for the first line
 * (showing item markers not shown yet), the lines after, or a blank line
 * (the continuation, trailing spaces dropped). */
enum pmode { P_FIRST, P_CONT, P_BLANK };

static struct sstr make_prefix(struct parser *p, size_t upto, enum pmode mode)
{
	static const char spaces[] = "                                ";
	seg_begin(p);
	for (size_t i = 0; i < upto; i++) {
		struct cont *c = &p->stack[i];
		if (c->kind == C_QUOTE) {
			append(p, "\xE2\x94\x82 ", 4, STYLE_QUOTE); /* "│ " */
		} else if (c->kind == C_ITEM) {
			if (mode == P_FIRST && !c->used) {
				append(p, c->marker, strlen(c->marker), STYLE_BULLET);
				c->used = true;
			} else {
				for (int w = c->mwidth; w > 0; w -= 32)
					append(p, spaces, (size_t)(w < 32 ? w : 32), 0);
			}
		}
	}
	if (mode == P_BLANK)
		trim_end(p, " ");
	return seg_end(p);
}

static bool no_break_before(uint32_t cp)
{
	static const uint32_t list[] = {
		'!', ')', ',', '.', ':', ';', '?', ']', '}', '%', 0xA0, 0x2019, 0x201D,
		0x2026, 0x2060, 0x202F, 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F,
		0x3011, 0x3015, 0x30FC, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B,
		0xFF1F,
	};
	for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++)
		if (list[i] == cp)
			return true;
	return false;
}

static bool no_break_after(uint32_t cp)
{
	static const uint32_t list[] = {
		'(', '[', '{', 0xA0, 0x2018, 0x201C, 0x2060, 0x202F, 0x3008, 0x300A,
		0x300C, 0x300E, 0x3010, 0x3014, 0xFF08,
	};
	for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++)
		if (list[i] == cp)
			return true;
	return false;
}

/* Cuts a paragraph's text into tokens. A token ends at a space, a hard
 * break, or between two characters either of which is wide (CJK, emoji),
 * unless punctuation rules say they stay together. A character keeps the
 * zero-width marks after it, and a zero-width joiner keeps what follows. */
static int tokenize(struct parser *p, struct block *b)
{
	struct doc *d = p->d;
	const char *t = d->text;
	size_t i = b->body.off, end = b->body.off + b->body.len;
	bool open = false, space = false, prev_wide = false;
	uint32_t prev_cp = 0;
	b->tok = d->ntoks;
	while (i < end) {
		char c = t[i];
		if (c == ' ' || c == '\n') {
			open = false;
			space = c == ' ';
			prev_wide = false;
			prev_cp = 0;
			if (c == '\n') {
				if (RESERVE(d->toks, d->ntoks, d->toks_cap, 1) != 0)
					return -1;
				d->toks[d->ntoks++] = (struct tok){i, 0, 0, TOK_HARD};
			}
			i++;
			continue;
		}
		size_t adv;
		uint32_t cp = utf8_decode(t + i, end - i, &adv), last = cp;
		int w = u_width(cp);
		size_t j = i + adv;
		while (j < end) {
			uint32_t next = utf8_decode(t + j, end - j, &adv);
			if (next == ' ' || next == '\n' || (u_width(next) != 0 && last != 0x200D))
				break;
			w += u_width(next);
			last = next;
			j += adv;
		}
		bool wide = w >= 2;
		if (open && (wide || prev_wide) && !no_break_after(prev_cp) && !no_break_before(cp))
			open = false;
		if (!open) {
			if (RESERVE(d->toks, d->ntoks, d->toks_cap, 1) != 0)
				return -1;
			d->toks[d->ntoks++] = (struct tok){i, 0, 0, space ? TOK_SPACE : 0};
			open = true;
			space = false;
		}
		struct tok *k = &d->toks[d->ntoks - 1];
		k->len += j - i;
		k->width += w;
		prev_wide = wide;
		prev_cp = cp;
		i = j;
	}
	b->ntok = d->ntoks - b->tok;
	return 0;
}

static bool list_tight(const struct parser *p, size_t idx)
{
	const struct cont *c = &p->stack[idx];
	if (c->kind == C_LIST)
		return c->tight;
	if (c->kind == C_ITEM && idx > 0)
		return p->stack[idx - 1].tight;
	return false;
}

static void end_leaf(struct parser *p, bool keep_empty)
{
	struct doc *d = p->d;
	p->in_leaf = false;
	if (p->oom)
		return;
	trim_end(p, p->kind == BK_TEXT ? " \n" : "\n");
	struct block b = {.kind = p->kind, .level = p->level};
	b.body = seg_end(p);
	if (p->kind == BK_TEXT && b.body.len == 0 && !keep_empty) {
		d->len = p->start; /* nothing to show (raw HTML only, say) */
		d->nruns = p->run_start;
		return;
	}
	/* The deepest container this leaf shares with the one before decides
	 * the gap: none inside a tight list, else one blank line. */
	size_t common = 0;
	if (p->have_prev) {
		while (common < p->nprev && common < p->depth &&
		       p->prev[common] == p->stack[common].node)
			common++;
		b.gap = !(common > 0 && list_tight(p, common - 1));
		if (p->link_item > 1)
			b.gap = false;
	}
	if (p->link_item) { /* "[n] " with the brackets right-aligned */
		char ref[24], top[24], num[32];
		snprintf(ref, sizeof(ref), "[%d]", p->link_item);
		int topw = snprintf(top, sizeof(top), "[%zu]", d->nlinks);
		snprintf(num, sizeof(num), "%*s ", topw, ref);
		seg_begin(p);
		append(p, num, strlen(num), STYLE_MUTED);
		b.first = seg_end(p);
		seg_begin(p);
		for (int w = b.first.width; w > 0; w--)
			append(p, " ", 1, 0);
		b.cont = seg_end(p);
		seg_begin(p);
		b.blank = seg_end(p);
	} else {
		b.blank = make_prefix(p, common, P_BLANK);
		b.first = make_prefix(p, p->depth, P_FIRST);
		b.cont = make_prefix(p, p->depth, P_CONT);
	}
	if (p->oom)
		return;
	if (b.kind == BK_TEXT && tokenize(p, &b) != 0) {
		p->oom = true;
		return;
	}
	if (RESERVE(d->blocks, d->nblocks, d->blocks_cap, 1) != 0 ||
	    RESERVE(p->prev, 0, p->prev_cap, p->depth + 1) != 0) {
		p->oom = true;
		return;
	}
	d->blocks[d->nblocks++] = b;
	for (size_t i = 0; i < p->depth; i++)
		p->prev[i] = p->stack[i].node;
	p->nprev = p->depth;
	p->have_prev = true;
}

static struct cont *push(struct parser *p, cmark_node *node, enum ckind kind)
{
	if (RESERVE(p->stack, p->depth, p->cap, 1) != 0) {
		p->oom = true;
		return NULL;
	}
	struct cont *c = &p->stack[p->depth++];
	memset(c, 0, sizeof(*c));
	c->node = node;
	c->kind = kind;
	return c;
}

static void enter_list(struct parser *p, cmark_node *node)
{
	int depth = 0;
	for (size_t i = 0; i < p->depth; i++)
		depth += p->stack[i].kind == C_LIST;
	struct cont *c = push(p, node, C_LIST);
	if (!c)
		return;
	c->tight = cmark_node_get_list_tight(node) != 0;
	c->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	c->delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ')' : '.';
	c->next = cmark_node_get_list_start(node);
	c->depth = depth;
	int items = 0;
	for (cmark_node *k = cmark_node_first_child(node); k; k = cmark_node_next(k))
		items++;
	long last = (long)c->next + (items > 0 ? items - 1 : 0);
	char tmp[24];
	c->numw = snprintf(tmp, sizeof(tmp), "%ld", last);
}

static void enter_item(struct parser *p, cmark_node *node)
{
	static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA"};
	struct cont *c = push(p, node, C_ITEM);
	if (!c)
		return;
	struct cont *list = p->depth >= 2 ? &p->stack[p->depth - 2] : NULL;
	if (!list || list->kind != C_LIST) {
		snprintf(c->marker, sizeof(c->marker), "%s ", bullets[0]);
	} else if (list->ordered) {
		snprintf(c->marker, sizeof(c->marker), "%*d%c ", list->numw, list->next, list->delim);
		if (list->next < INT_MAX)
			list->next++;
	} else {
		snprintf(c->marker, sizeof(c->marker), "%s ", bullets[list->depth % 3]);
	}
	c->mwidth = (int)utf8_width(c->marker, strlen(c->marker));
}

static void add_link_ref(struct parser *p, cmark_node *node)
{
	struct doc *d = p->d;
	const char *url = cmark_node_get_url(node);
	if (!url || !*url)
		return;
	size_t n = 0;
	while (n < d->nlinks && strcmp(d->links[n], url) != 0)
		n++;
	if (n == d->nlinks) {
		char *copy = strdup(url);
		if (!copy || RESERVE(d->links, d->nlinks, d->links_cap, 1) != 0) {
			free(copy);
			p->oom = true;
			return;
		}
		d->links[d->nlinks++] = copy;
	}
	char ref[32];
	snprintf(ref, sizeof(ref), NBSP "[%zu]", n + 1);
	append(p, ref, strlen(ref), (cur_style(p) & ~STYLE_LINK) | STYLE_MUTED | STYLE_REF_);
}

static void visit(struct parser *p, cmark_node *n, bool enter)
{
	const char *lit;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_BLOCK_QUOTE:
		if (enter)
			push(p, n, C_QUOTE);
		else if (p->depth)
			p->depth--;
		break;
	case CMARK_NODE_LIST:
		if (enter)
			enter_list(p, n);
		else if (p->depth)
			p->depth--;
		break;
	case CMARK_NODE_ITEM:
		if (enter) {
			enter_item(p, n);
		} else if (p->depth) {
			if (!p->stack[p->depth - 1].used) { /* an empty item still shows */
				begin_leaf(p, BK_TEXT, 0);
				end_leaf(p, true);
			}
			p->depth--;
		}
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		if (enter)
			begin_leaf(p, BK_TEXT, cmark_node_get_type(n) == CMARK_NODE_HEADING
			                               ? cmark_node_get_heading_level(n)
			                               : 0);
		else if (p->in_leaf)
			end_leaf(p, false);
		break;
	case CMARK_NODE_CODE_BLOCK:
		begin_leaf(p, BK_CODE, 0);
		if ((lit = cmark_node_get_literal(n)))
			put_code(p, lit, strlen(lit), p->base);
		end_leaf(p, true);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		begin_leaf(p, BK_RULE, 0);
		end_leaf(p, true);
		break;
	default:
		break;
	}
	if (!p->in_leaf)
		return; /* inline content outside a paragraph or heading: none in CommonMark */
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		if ((lit = cmark_node_get_literal(n)))
			put_inline(p, lit, strlen(lit), cur_style(p));
		break;
	case CMARK_NODE_CODE:
		if ((lit = cmark_node_get_literal(n)))
			put_inline(p, lit, strlen(lit), cur_style(p) | STYLE_CODE);
		break;
	case CMARK_NODE_SOFTBREAK:
		put_inline(p, " ", 1, cur_style(p));
		break;
	case CMARK_NODE_LINEBREAK:
		trim_end(p, " ");
		append(p, "\n", 1, cur_style(p));
		break;
	case CMARK_NODE_EMPH:
		p->emph += enter ? 1 : -1;
		break;
	case CMARK_NODE_STRONG:
		p->strong += enter ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (enter) {
			p->link++;
		} else {
			p->link--;
			add_link_ref(p, n);
		}
		break;
	case CMARK_NODE_IMAGE:
		if (enter) {
			if (p->image++ == 0)
				p->image_mark = p->d->len;
		} else if (--p->image == 0 && p->d->len == p->image_mark) {
			put_inline(p, "[image]", 7, cur_style(p) | STYLE_MUTED);
		}
		break;
	default: /* raw HTML and anything unknown: dropped */
		break;
	}
}

static void add_links_section(struct parser *p)
{
	struct doc *d = p->d;
	size_t n = d->nlinks;
	if (n == 0)
		return;
	p->depth = 0;
	begin_leaf(p, BK_TEXT, 2);
	put_inline(p, "Links", 5, p->base);
	end_leaf(p, false);
	for (size_t i = 0; i < n && !p->oom; i++) {
		p->link_item = (int)i + 1;
		begin_leaf(p, BK_TEXT, 0);
		put_inline(p, d->links[i], strlen(d->links[i]), STYLE_LINK);
		end_leaf(p, true);
	}
	p->link_item = 0;
}

struct doc *doc_parse(const char *md, size_t len, struct error *e)
{
	struct doc *d = calloc(1, sizeof(*d));
	if (!d) {
		error_set(e, E_FAIL, "Out of memory while reading the page.");
		return NULL;
	}
	cmark_node *root = cmark_parse_document(md ? md : "", md ? len : 0,
	                                        CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
	cmark_iter *it = root ? cmark_iter_new(root) : NULL;
	struct parser p = {.d = d, .oom = !it};
	/* The text array exists from the start (most of it is the page's text). */
	if (RESERVE(d->text, 0, d->cap, len + len / 8 + 64) != 0)
		p.oom = true;
	else
		d->text[0] = '\0';
	if (it) {
		cmark_event_type ev;
		while (!p.oom && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
			visit(&p, cmark_iter_get_node(it), ev == CMARK_EVENT_ENTER);
		add_links_section(&p);
		cmark_iter_free(it);
	}
	if (root)
		cmark_node_free(root);
	free(p.stack);
	free(p.prev);
	if (p.oom) {
		doc_free(d);
		error_set(e, E_FAIL, "Out of memory while reading the page.");
		return NULL;
	}
	return d;
}

/* ---- layout ------------------------------------------------------------- */

struct lrec {
	size_t off, len, span, nspans;
	int width;
};

struct hrec {
	size_t off;
	int level;
	size_t line;
};

struct lb {
	const struct doc *d;
	int width;
	char *text;
	size_t len, cap;
	struct style_span *spans;
	size_t nspans, spans_cap;
	struct lrec *lines;
	size_t nlines, lines_cap;
	struct hrec *heads;
	size_t nheads, heads_cap;
	bool oom;
	size_t cur_off, cur_span;
	int cur_w;
};

static void lb_bytes(struct lb *b, const char *s, size_t n)
{
	if (b->oom || RESERVE(b->text, b->len, b->cap, n + 1) != 0) {
		b->oom = true;
		return;
	}
	memcpy(b->text + b->len, s, n);
	b->len += n;
}

static void line_begin(struct lb *b)
{
	b->cur_off = b->len;
	b->cur_span = b->nspans;
	b->cur_w = 0;
}

static void line_add(struct lb *b, const char *s, size_t n, unsigned style)
{
	if (n == 0 || b->oom)
		return;
	size_t at = b->len - b->cur_off;
	lb_bytes(b, s, n);
	style &= STYLE_PUBLIC_;
	if (!style || b->oom)
		return;
	if (b->nspans > b->cur_span) {
		struct style_span *last = &b->spans[b->nspans - 1];
		if (last->style == style && last->off + last->len == at) {
			last->len += n;
			return;
		}
	}
	if (RESERVE(b->spans, b->nspans, b->spans_cap, 1) != 0) {
		b->oom = true;
		return;
	}
	b->spans[b->nspans++] = (struct style_span){at, n, style};
}

/* Adds doc text [a, z) of s with the styles of its runs, starting the run
 * search at *cursor (runs only move forward as lines do). */
static void line_add_range(struct lb *b, const struct sstr *s, size_t a, size_t z,
                           size_t *cursor)
{
	const struct doc *d = b->d;
	size_t k = *cursor, last = s->run + s->nrun, send = s->off + s->len;
	if (k < s->run)
		k = s->run;
	while (k + 1 < last && d->runs[k + 1].off <= a)
		k++;
	*cursor = k;
	while (a < z && k < last) {
		size_t rend = k + 1 < last ? d->runs[k + 1].off : send;
		size_t to = rend < z ? rend : z;
		if (to > a)
			line_add(b, d->text + a, to - a, d->runs[k].style);
		a = to;
		k++;
	}
}

/* Drops trailing spaces: an empty line keeps its marker, not the indent. */
static void line_rstrip(struct lb *b)
{
	while (b->len > b->cur_off && b->text[b->len - 1] == ' ') {
		b->len--;
		b->cur_w--;
	}
	size_t at = b->len - b->cur_off;
	while (b->nspans > b->cur_span) {
		struct style_span *s = &b->spans[b->nspans - 1];
		if (s->off < at) {
			if (s->off + s->len > at)
				s->len = at - s->off;
			break;
		}
		b->nspans--;
	}
}

static void line_end(struct lb *b)
{
	if (b->oom)
		return;
	lb_bytes(b, "", 1); /* the NUL, not counted */
	if (b->oom || RESERVE(b->lines, b->nlines, b->lines_cap, 1) != 0) {
		b->oom = true;
		return;
	}
	b->lines[b->nlines++] = (struct lrec){b->cur_off, b->len - 1 - b->cur_off, b->cur_span,
	                                      b->nspans - b->cur_span, b->cur_w};
}

/* A prefix, cut to leave room for text. When containers nest deeper than
 * the window allows, the outer (leftmost) columns go and the innermost
 * marker stays, so text still lines up under it. */
struct pfx {
	const struct sstr *s;
	size_t from; /* bytes skipped at the start */
	int width;
};

static struct pfx clip_prefix(const struct lb *b, const struct sstr *s)
{
	struct pfx f = {s, 0, s->width};
	int max = b->width - (b->width > MIN_TEXT_COLS ? MIN_TEXT_COLS : 1);
	const char *t = b->d->text + s->off;
	while (f.width > (max > 0 ? max : 0) && f.from < s->len) {
		size_t adv;
		f.width -= u_width(utf8_decode(t + f.from, s->len - f.from, &adv));
		f.from += adv;
	}
	return f;
}

static void line_prefix(struct lb *b, const struct pfx *f)
{
	size_t cursor = f->s->run;
	line_add_range(b, f->s, f->s->off + f->from, f->s->off + f->s->len, &cursor);
	b->cur_w += f->width;
}

/* Bytes of the first character of s[0..n) and the marks that follow it. */
static size_t one_char(const char *s, size_t n, size_t *cols)
{
	size_t adv, i;
	*cols = (size_t)u_width(utf8_decode(s, n, &adv));
	for (i = adv; i < n; i += adv)
		if (u_width(utf8_decode(s + i, n - i, &adv)) != 0)
			break;
	return i;
}

static void text_line(struct lb *b, const struct block *k, const struct pfx *pf, size_t a,
                      size_t z, int w, size_t *cursor)
{
	line_begin(b);
	line_prefix(b, pf);
	line_add_range(b, &k->body, a, z, cursor);
	b->cur_w += w;
	if (a == z)
		line_rstrip(b);
	line_end(b);
}

static void layout_text(struct lb *b, const struct block *k)
{
	const struct doc *d = b->d;
	struct pfx first = clip_prefix(b, &k->first), cont = clip_prefix(b, &k->cont);
	const struct pfx *pf = &first;
	size_t cursor = k->body.run, a = 0, z = 0, lines = 0;
	int w = 0, avail = b->width - pf->width;
	bool open = false;
#define FLUSH(from, to, cols) \
	do { \
		text_line(b, k, pf, from, to, cols, &cursor); \
		pf = &cont; \
		avail = b->width - pf->width; \
		lines++; \
	} while (0)
	for (size_t i = k->tok; i < k->tok + k->ntok; i++) {
		const struct tok *t = &d->toks[i];
		if (t->flags & TOK_HARD) {
			if (open)
				FLUSH(a, z, w);
			else
				FLUSH(t->off, t->off, 0);
			open = false;
			continue;
		}
		int sp = open && (t->flags & TOK_SPACE) ? 1 : 0;
		if (open && w + sp + t->width <= avail) {
			z = t->off + t->len;
			w += sp + t->width;
			continue;
		}
		if (open)
			FLUSH(a, z, w);
		open = false;
		if (t->width <= avail) {
			a = t->off;
			z = t->off + t->len;
			w = t->width;
			open = true;
			continue;
		}
		/* Wider than a whole line: break it between characters. */
		size_t off = t->off, rem = t->len;
		while (rem > 0 && !b->oom) {
			size_t cols;
			size_t n = utf8_fit(d->text + off, rem, avail > 0 ? (size_t)avail : 0, &cols);
			if (n == 0)
				n = one_char(d->text + off, rem, &cols);
			if (n == rem) {
				a = off;
				z = off + n;
				w = (int)cols;
				open = true;
				break;
			}
			FLUSH(off, off + n, (int)cols);
			off += n;
			rem -= n;
		}
	}
	if (open || lines == 0)
		FLUSH(open ? a : k->body.off, open ? z : k->body.off, open ? w : 0);
#undef FLUSH
}

static void layout_code(struct lb *b, const struct block *k)
{
	const struct doc *d = b->d;
	struct pfx first = clip_prefix(b, &k->first), cont = clip_prefix(b, &k->cont);
	const struct pfx *pf = &first;
	size_t pos = k->body.off, end = k->body.off + k->body.len, cursor = k->body.run;
	do {
		const char *nl = memchr(d->text + pos, '\n', end - pos);
		size_t z = nl ? (size_t)(nl - d->text) : end;
		int room = b->width - pf->width;
		int indent = room - CODE_INDENT >= 8 ? CODE_INDENT : 0;
		room -= indent;
		line_begin(b);
		line_prefix(b, pf);
		line_add(b, "  ", (size_t)indent, 0);
		b->cur_w += indent;
		size_t cols, n = utf8_fit(d->text + pos, z - pos, room > 0 ? (size_t)room : 0, &cols);
		if (n < z - pos) {
			n = utf8_fit(d->text + pos, z - pos, room > 1 ? (size_t)room - 1 : 0, &cols);
			line_add_range(b, &k->body, pos, pos + n, &cursor);
			line_add(b, "\xE2\x80\xA6", 3, STYLE_MUTED); /* "…" */
			cols++;
		} else {
			line_add_range(b, &k->body, pos, z, &cursor);
		}
		b->cur_w += (int)cols;
		if (z == pos)
			line_rstrip(b);
		line_end(b);
		pf = &cont;
		pos = z + 1;
	} while (pos <= end && !b->oom);
}

static void layout_rule(struct lb *b, const struct block *k)
{
	struct pfx f = clip_prefix(b, &k->first);
	line_begin(b);
	line_prefix(b, &f);
	for (int i = f.width; i < b->width; i++) {
		line_add(b, "\xE2\x94\x80", 3, STYLE_MUTED); /* "─" */
		b->cur_w++;
	}
	line_end(b);
}

/* A heading's text for a table of contents: no link references, hard
 * breaks as spaces. */
static void add_heading(struct lb *b, const struct block *k)
{
	const struct doc *d = b->d;
	size_t off = b->len, last = k->body.run + k->body.nrun, send = k->body.off + k->body.len;
	for (size_t r = k->body.run; r < last; r++) {
		if (d->runs[r].style & STYLE_REF_)
			continue;
		size_t a = d->runs[r].off, z = r + 1 < last ? d->runs[r + 1].off : send;
		for (size_t i = a; i < z; i++)
			lb_bytes(b, d->text[i] == '\n' ? " " : &d->text[i], 1);
	}
	lb_bytes(b, "", 1);
	if (b->oom || RESERVE(b->heads, b->nheads, b->heads_cap, 1) != 0) {
		b->oom = true;
		return;
	}
	b->heads[b->nheads++] = (struct hrec){off, k->level, b->nlines};
}

static void lb_free(struct lb *b)
{
	free(b->text);
	free(b->spans);
	free(b->lines);
	free(b->heads);
}

struct layout *doc_layout(const struct doc *d, int width)
{
	return doc_layout_flags(d, width, 0);
}

struct layout *doc_layout_flags(const struct doc *d, int width, unsigned flags)
{
	if (!d)
		return NULL;
	struct lb b = {.d = d, .width = width < 1 ? 1 : width};
	/* Room for the usual case up front: the text, a prefix per line. */
	if (RESERVE(b.text, 0, b.cap, d->len + d->len / 4 + 64) != 0 ||
	    RESERVE(b.lines, 0, b.lines_cap, d->len / 32 + d->nblocks * 2 + 8) != 0)
		b.oom = true;
	for (size_t i = 0; i < d->nblocks && !b.oom; i++) {
		const struct block *k = &d->blocks[i];
		if ((k->gap || (flags & LAYOUT_WIDE)) && b.nlines > 0) {
			struct pfx f = clip_prefix(&b, &k->blank);
			line_begin(&b);
			line_prefix(&b, &f);
			line_end(&b);
		}
		if (k->level > 0)
			add_heading(&b, k);
		if (k->kind == BK_TEXT)
			layout_text(&b, k);
		else if (k->kind == BK_CODE)
			layout_code(&b, k);
		else
			layout_rule(&b, k);
	}
	struct layout *l = b.oom ? NULL : calloc(1, sizeof(*l));
	if (l && b.nlines && !(l->lines = calloc(b.nlines, sizeof(*l->lines))))
		b.oom = true;
	if (l && b.nheads && !(l->headings = calloc(b.nheads, sizeof(*l->headings))))
		b.oom = true;
	if (!l || b.oom) {
		if (l) {
			free(l->lines);
			free(l->headings);
			free(l);
		}
		lb_free(&b);
		return NULL;
	}
	l->width = b.width;
	l->nlines = b.nlines;
	l->nheadings = b.nheads;
	for (size_t i = 0; i < b.nlines; i++) {
		const struct lrec *r = &b.lines[i];
		l->lines[i] = (struct layout_line){b.text + r->off, r->len, r->width,
		                                   r->nspans ? b.spans + r->span : NULL, r->nspans};
	}
	for (size_t i = 0; i < b.nheads; i++)
		l->headings[i] = (struct layout_heading){b.text + b.heads[i].off, b.heads[i].level,
		                                         b.heads[i].line};
	l->store = b.text;
	l->spans = b.spans;
	free(b.lines);
	free(b.heads);
	return l;
}

void layout_free(struct layout *l)
{
	if (!l)
		return;
	free(l->lines);
	free(l->headings);
	free(l->store);
	free(l->spans);
	free(l);
}

long layout_find(const struct layout *l, const char *needle, size_t from_line, int dir)
{
	size_t m = needle ? strlen(needle) : 0;
	if (!l || m == 0 || l->nlines == 0 || dir == 0)
		return -1;
	if (dir > 0) {
		for (size_t i = from_line; i < l->nlines; i++)
			if (utf8_find_nocase(l->lines[i].text, l->lines[i].len, needle, m) >= 0)
				return (long)i;
	} else {
		size_t i = from_line < l->nlines ? from_line + 1 : l->nlines;
		while (i-- > 0)
			if (utf8_find_nocase(l->lines[i].text, l->lines[i].len, needle, m) >= 0)
				return (long)i;
	}
	return -1;
}
