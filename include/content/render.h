/* render.h: Markdown to styled, wrapped lines of text.
 *
 * A pure pipeline in two steps. doc_parse turns Markdown (CommonMark) into
 * width-independent styled blocks, once per page; doc_layout wraps them for
 * a given width, as often as the window changes size. The result is plain
 * UTF-8 lines with style spans: the pager only paints them.
 *
 * What is shown: headings, paragraphs, block quotes (a bar per level),
 * bullet and ordered lists (markers per level, continuation lines under the
 * text), code blocks (never wrapped; cut with "…" when too wide), thematic
 * breaks (a rule), emphasis, strong, inline code, hard and soft breaks, and
 * links as their text followed by a reference like "[1]" (joined to the
 * text by a no-break space), listed under a "Links" heading at the end.
 * Images show their alt text. Raw HTML is dropped, never shown. */
#ifndef TEND_CONTENT_RENDER_H
#define TEND_CONTENT_RENDER_H

#include <stddef.h>

#include "util/error.h"

/* A style is a bitmask of these. */
enum {
	STYLE_EMPH = 1u << 0,
	STYLE_STRONG = 1u << 1,
	STYLE_CODE = 1u << 2,     /* inline code and code blocks */
	STYLE_LINK = 1u << 3,     /* link text and the URLs under "Links" */
	STYLE_HEADING1 = 1u << 4,
	STYLE_HEADING2 = 1u << 5,
	STYLE_HEADING3 = 1u << 6, /* levels 3 to 6 */
	STYLE_QUOTE = 1u << 7,    /* quote bars and quoted text */
	STYLE_MUTED = 1u << 8,    /* link references, rules, image alt text, "…" */
	STYLE_BULLET = 1u << 9,   /* list markers */
};

struct doc;

/* Parses Markdown text (no front matter; see page.h). Returns NULL with e
 * filled when memory runs out. */
struct doc *doc_parse(const char *md, size_t len, struct error *e);
void doc_free(struct doc *d);

/* The link targets in reference order: urls[0] is "[1]". Each distinct URL
 * gets one number. *count gets how many; the array lives as long as d. */
const char *const *doc_links(const struct doc *d, size_t *count);

/* A run of bytes in a line with one style. Only styled runs are listed
 * (unstyled text has none); they are sorted and do not overlap. */
struct style_span {
	size_t off, len;
	unsigned style;
};

struct layout_line {
	const char *text; /* UTF-8, NUL-terminated, no trailing newline */
	size_t len;       /* bytes */
	int width;        /* display columns, at most the layout width unless
	                     a single character is wider than the room left */
	const struct style_span *spans;
	size_t nspans;
};

/* A heading for a table of contents: its plain text (no link references),
 * its Markdown level (1 to 6) and the index of its first line. */
struct layout_heading {
	const char *text;
	int level;
	size_t line;
};

/* Read-only for callers; everything is freed by layout_free. */
struct layout {
	int width;
	struct layout_line *lines;
	size_t nlines;
	struct layout_heading *headings;
	size_t nheadings;
	char *store; /* the bytes the lines and headings point into */
	struct style_span *spans;
};

/* Wraps d for a window width columns wide (meant for 10 or more; smaller
 * values work, clumsily). Words wrap at spaces by display width; a word
 * wider than the room is broken between characters; text without spaces in
 * wide scripts (CJK) wraps between characters; a code point is never split
 * and combining marks stay with their base. One blank line separates
 * blocks, none inside tight lists. NULL when memory runs out. */
struct layout *doc_layout(const struct doc *d, int width);
/* The same with more room for reading (the config file's spacing = wide):
 * one blank line between every two blocks, list items included, even in a
 * tight list. */
#define LAYOUT_WIDE 1u
struct layout *doc_layout_flags(const struct doc *d, int width, unsigned flags);
void layout_free(struct layout *l);

/* The first line at or after from_line (dir > 0) or at or before it
 * (dir < 0) whose text contains needle, ignoring ASCII case; -1 when none
 * or needle is empty. For "find next", pass the current line + 1. A match
 * that a wrap splits across two lines is not found. */
long layout_find(const struct layout *l, const char *needle, size_t from_line, int dir);

#endif
