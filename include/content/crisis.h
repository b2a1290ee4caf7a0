/* crisis.h: crisis lines and regions, read from content/crisis (regions.tsv, lines.tsv). */
#ifndef TEND_CONTENT_CRISIS_H
#define TEND_CONTENT_CRISIS_H

#include <stddef.h>

#include "util/error.h"

struct crisis_region {
	char *code, *name, *countries, *emergency;
};

struct crisis_line {
	char *region, *service, *contact, *how, *hours, *verified, *checked, *note;
};

struct crisis_data {
	struct crisis_region *regions;
	size_t nregions;
	struct crisis_line *lines;
	size_t nlines;
};

/* Parses both files; a malformed line is an error naming file and line. */
int crisis_load(struct crisis_data *d, struct error *e);
void crisis_free(struct crisis_data *d);
const struct crisis_region *crisis_region(const struct crisis_data *d, const char *code);
/* The region for a locale such as "en_GB.UTF-8": its country code, else
 * the region whose countries are "*" (INTL). */
const char *crisis_guess_region(const struct crisis_data *d, const char *locale);
/* The region to show: configured (the settings file's) when it is one of
 * d's, else a guess from the locale variables (LC_ALL, LC_MESSAGES, LANG:
 * the first that names a country). The full screen and --plain share it. */
const char *crisis_pick_region(const struct crisis_data *d, const char *configured);
/* The same, and why (n bytes, for a person to read): the settings file,
 * which locale variable and its value, or that none named a country.
 * why may be NULL. */
const char *crisis_pick_region_why(const struct crisis_data *d, const char *configured,
                                   char *why, size_t n);
/* The heading over a region's lines: "Crisis lines: Germany", or for the
 * region of every other country, "Crisis lines that work in any country". */
void crisis_heading(const struct crisis_region *r, char *out, size_t n);
/* A line's "how" (call, text, call-or-text, chat, web) in words to show. */
const char *crisis_how_text(const char *how);

#endif
