/* embed.h: the pages and data files under content/, compiled into tend.
 *
 * Paths are relative to content/ and use '/': "learn/01-spectrum.md",
 * "crisis/lines.tsv". When TEND_CONTENT_DIR is set and not empty, files are
 * read from that folder instead, so authors can edit text and see it without
 * rebuilding. */
#ifndef TEND_CONTENT_EMBED_H
#define TEND_CONTENT_EMBED_H

#include <stddef.h>

/* The file's bytes, NUL-terminated (the NUL is not counted in *len), or NULL
 * when there is no such file (or the path is absolute or climbs out with
 * ".."). Embedded text lives as long as the program. Text read from
 * TEND_CONTENT_DIR is loaded once and kept until content_cache_clear(). */
const char *content_get(const char *path, size_t *len);

/* Fills paths[0..max) with the paths that start with prefix ("learn/", or ""
 * for all), in byte order, and returns how many there are in total (which
 * may exceed max; paths may be NULL when max is 0). Under TEND_CONTENT_DIR
 * the folder is listed (.md and .tsv files, hidden ones skipped). The
 * strings live as long as content_get's text. */
size_t content_list(const char *prefix, const char **paths, size_t max);

/* Forgets text loaded from TEND_CONTENT_DIR, so the next content_get reads
 * the files again (a "reload" for authors). Every pointer content_get or
 * content_list returned from that folder becomes invalid. Embedded text is
 * not affected. */
void content_cache_clear(void);

/* The generated table ($(BUILD)/gen/content_data.c, written by
 * scripts/embed.c), sorted by path. Use content_get, not this. */
struct content_file {
	const char *path;
	const char *data;
	size_t len;
};
extern const struct content_file content_files[];
extern const size_t content_nfiles;

#endif
