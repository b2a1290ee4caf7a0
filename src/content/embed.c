#include "content/embed.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"

#define MAX_FILE (4u << 20) /* a page is a few KiB; refuse anything huge */
#define MAX_DEPTH 8         /* folder nesting under TEND_CONTENT_DIR */

/* The only mutable global state of the layer: text loaded from
 * TEND_CONTENT_DIR, kept for the process lifetime (or until
 * content_cache_clear). Keyed by the full file path, so changing the
 * variable while running does not mix folders. */
struct cached {
	char *key;
	char *data;
	size_t len;
};
static struct {
	struct cached *files;
	size_t nfiles, cap;
	char **names; /* interned relative paths handed out by content_list */
	size_t nnames, names_cap;
} cache;

static const char *override_dir(void)
{
	const char *d = getenv("TEND_CONTENT_DIR");
	return d && *d ? d : NULL;
}

/* Relative, no empty or ".." components. */
static int path_ok(const char *p)
{
	if (!p || !*p || *p == '/')
		return 0;
	for (const char *s = p; *s;) {
		size_t n = strcspn(s, "/");
		if (n == 0 || (n == 2 && s[0] == '.' && s[1] == '.'))
			return 0;
		s += n;
		if (*s == '/')
			s++;
	}
	return p[strlen(p) - 1] != '/';
}

static int cmp_file(const void *key, const void *elem)
{
	return strcmp(key, ((const struct content_file *)elem)->path);
}

static const char *load_override(const char *dir, const char *path, size_t *len)
{
	char *key = path_join(dir, path);
	if (!key)
		return NULL;
	for (size_t i = 0; i < cache.nfiles; i++) {
		if (strcmp(cache.files[i].key, key) == 0) {
			free(key);
			if (len)
				*len = cache.files[i].len;
			return cache.files[i].data;
		}
	}
	if (cache.nfiles == cache.cap) {
		size_t ncap = cache.cap ? cache.cap * 2 : 16;
		struct cached *f = realloc(cache.files, ncap * sizeof(*f));
		if (!f) {
			free(key);
			return NULL;
		}
		cache.files = f;
		cache.cap = ncap;
	}
	struct buf b = BUF_INIT;
	if (read_file(key, MAX_FILE, &b, NULL, NULL) != 0 || buf_reserve(&b, 0) != 0) {
		buf_free(&b);
		free(key);
		return NULL;
	}
	/* buf_reserve(0) made sure data exists and is NUL-terminated. */
	struct cached *c = &cache.files[cache.nfiles++];
	c->key = key;
	c->data = b.data;
	c->len = b.len;
	if (len)
		*len = c->len;
	return c->data;
}

const char *content_get(const char *path, size_t *len)
{
	if (!path_ok(path))
		return NULL;
	const char *dir = override_dir();
	if (dir)
		return load_override(dir, path, len);
	const struct content_file *f =
		bsearch(path, content_files, content_nfiles, sizeof(content_files[0]), cmp_file);
	if (!f)
		return NULL;
	if (len)
		*len = f->len;
	return f->data;
}

static const char *intern(const char *name)
{
	for (size_t i = 0; i < cache.nnames; i++)
		if (strcmp(cache.names[i], name) == 0)
			return cache.names[i];
	if (cache.nnames == cache.names_cap) {
		size_t ncap = cache.names_cap ? cache.names_cap * 2 : 32;
		char **n = realloc(cache.names, ncap * sizeof(*n));
		if (!n)
			return NULL;
		cache.names = n;
		cache.names_cap = ncap;
	}
	char *s = strdup(name);
	if (!s)
		return NULL;
	cache.names[cache.nnames++] = s;
	return s;
}

struct listing {
	const char **v;
	size_t n, cap;
};

static int wanted(const char *name)
{
	size_t n = strlen(name);
	return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".tsv") == 0);
}

/* Collects the files under dir/rel whose path starts with prefix. A path
 * that cannot match the prefix is not descended into. Unreadable folders
 * are skipped: listing is best effort, content_get reports what is missing. */
static int walk(const char *dir, const char *rel, const char *prefix, struct listing *out,
                int depth)
{
	struct buf full = BUF_INIT;
	if (buf_printf(&full, "%s%s%s", dir, *rel ? "/" : "", rel) != 0)
		return -1;
	DIR *d = opendir(buf_str(&full));
	if (!d) {
		buf_free(&full);
		return 0;
	}
	int rc = 0;
	struct dirent *de;
	struct buf sub = BUF_INIT, subfull = BUF_INIT;
	while (rc == 0 && (de = readdir(d))) {
		/* content/examples holds homework packs for therapists, not pages
		 * tend shows; the build leaves it out too (scripts/embed.c). */
		if (de->d_name[0] == '.' || (depth == 0 && strcmp(de->d_name, "examples") == 0))
			continue;
		buf_clear(&sub);
		buf_clear(&subfull);
		if (buf_printf(&sub, "%s%s%s", rel, *rel ? "/" : "", de->d_name) != 0 ||
		    buf_printf(&subfull, "%s/%s", buf_str(&full), de->d_name) != 0) {
			rc = -1;
			break;
		}
		struct stat st;
		if (stat(buf_str(&subfull), &st) != 0)
			continue;
		size_t plen = strlen(prefix), slen = sub.len;
		size_t common = plen < slen ? plen : slen;
		if (strncmp(buf_str(&sub), prefix, common) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < MAX_DEPTH)
				rc = walk(dir, buf_str(&sub), prefix, out, depth + 1);
			continue;
		}
		if (!S_ISREG(st.st_mode) || !wanted(de->d_name) || slen < plen)
			continue;
		const char *name = intern(buf_str(&sub));
		if (!name) {
			rc = -1;
			break;
		}
		if (out->n == out->cap) {
			size_t ncap = out->cap ? out->cap * 2 : 32;
			const char **v = realloc(out->v, ncap * sizeof(*v));
			if (!v) {
				rc = -1;
				break;
			}
			out->v = v;
			out->cap = ncap;
		}
		out->v[out->n++] = name;
	}
	closedir(d);
	buf_free(&sub);
	buf_free(&subfull);
	buf_free(&full);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t content_list(const char *prefix, const char **paths, size_t max)
{
	if (!prefix)
		prefix = "";
	const char *dir = override_dir();
	if (dir) {
		struct listing l = {NULL, 0, 0};
		/* On running out of memory, list what was found. */
		walk(dir, "", prefix, &l, 0);
		if (l.n)
			qsort(l.v, l.n, sizeof(*l.v), cmp_str);
		for (size_t i = 0; i < l.n && i < max; i++)
			paths[i] = l.v[i];
		size_t n = l.n;
		free(l.v);
		return n;
	}
	size_t plen = strlen(prefix), n = 0;
	/* The table is sorted: find the first match, then take the run. */
	size_t lo = 0, hi = content_nfiles;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(content_files[mid].path, prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < content_nfiles; i++) {
		if (strncmp(content_files[i].path, prefix, plen) != 0)
			break;
		if (n < max)
			paths[n] = content_files[i].path;
		n++;
	}
	return n;
}

void content_cache_clear(void)
{
	for (size_t i = 0; i < cache.nfiles; i++) {
		free(cache.files[i].key);
		free(cache.files[i].data);
	}
	free(cache.files);
	for (size_t i = 0; i < cache.nnames; i++)
		free(cache.names[i]);
	free(cache.names);
	memset(&cache, 0, sizeof(cache));
}
