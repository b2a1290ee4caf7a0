#include "util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

int fsync_dir_of(const char *path, struct error *e)
{
	char *copy = strdup(path);
	if (!copy)
		return error_set(e, E_FAIL, "Out of memory.");
	char *slash = strrchr(copy, '/');
	const char *dir = ".";
	if (slash == copy)
		dir = "/";
	else if (slash) {
		*slash = '\0';
		dir = copy;
	}
	int rc = 0;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0)
		rc = error_errno(e, errno, "Cannot flush the folder %s", dir);
	if (fd >= 0)
		close(fd);
	free(copy);
	return rc;
}

int atomic_begin(struct atomic_file *f, const char *path, mode_t mode, struct error *e)
{
	size_t n = strlen(path);
	f->path = path;
	f->fd = -1;
	f->tmp = malloc(n + sizeof(".tmp-XXXXXX"));
	if (!f->tmp)
		return error_set(e, E_FAIL, "Out of memory.");
	memcpy(f->tmp, path, n);
	memcpy(f->tmp + n, ".tmp-XXXXXX", sizeof(".tmp-XXXXXX"));
	f->fd = mkostemp(f->tmp, O_CLOEXEC);
	if (f->fd < 0) { /* no file was made: nothing to remove */
		int err = errno;
		free(f->tmp);
		f->tmp = NULL;
		return error_errno(e, err, "Cannot write %s", path);
	}
	if (fchmod(f->fd, mode) != 0) {
		int err = errno;
		atomic_abort(f);
		return error_errno(e, err, "Cannot write %s", path);
	}
	return 0;
}

int atomic_add(struct atomic_file *f, const void *data, size_t len, struct error *e)
{
	if (write_all(f->fd, data, len) != 0) {
		int err = errno;
		atomic_abort(f);
		return error_errno(e, err, "Cannot write %s (nothing was changed)", f->path);
	}
	return 0;
}

int rename_into_place(const char *from, const char *to)
{
	if (rename(from, to) != 0)
		return -1;
	/* The rename is the change: from here on `to` holds the new bytes,
	 * and a failure to flush the folder must not be reported as "not
	 * done" (SQLite ignores it for a new journal's folder too). */
	struct error ignored;
	fsync_dir_of(to, &ignored);
	return 0;
}

int atomic_commit(struct atomic_file *f, struct error *e)
{
	int rc = 0;
	if (fsync(f->fd) != 0) {
		rc = error_errno(e, errno, "Cannot write %s (nothing was changed)", f->path);
		close(f->fd);
	} else if (close(f->fd) != 0) {
		rc = error_errno(e, errno, "Cannot write %s (nothing was changed)", f->path);
	} else if (rename_into_place(f->tmp, f->path) != 0) {
		rc = error_errno(e, errno, "Cannot replace %s (nothing was changed)", f->path);
	}
	f->fd = -1;
	if (rc) {
		atomic_abort(f);
		return rc;
	}
	free(f->tmp);
	f->tmp = NULL;
	return 0;
}

void atomic_abort(struct atomic_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	f->tmp = NULL;
	f->fd = -1;
}

int atomic_write(const char *path, const void *data, size_t len, mode_t mode,
                 struct error *e)
{
	struct atomic_file f;
	if (atomic_begin(&f, path, mode, e) || atomic_add(&f, data, len, e))
		return -1;
	return atomic_commit(&f, e);
}

int read_file(const char *path, size_t max, struct buf *out, int *missing,
              struct error *e)
{
	if (missing)
		*missing = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT && missing)
			*missing = 1;
		return error_errno(e, errno, "Cannot open %s", path);
	}
	int rc = 0;
	char chunk[8192];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof(chunk));
		if (r < 0) {
			if (errno == EINTR)
				continue;
			rc = error_errno(e, errno, "Cannot read %s", path);
			break;
		}
		if (r == 0)
			break;
		if (out->len + (size_t)r > max) {
			rc = error_set(e, E_FAIL, "%s is larger than expected (over %zu bytes).",
			               path, max);
			break;
		}
		if (buf_append(out, chunk, (size_t)r)) {
			rc = error_set(e, E_FAIL, "Out of memory reading %s.", path);
			break;
		}
	}
	mem_wipe(chunk, sizeof(chunk));
	close(fd);
	return rc;
}
