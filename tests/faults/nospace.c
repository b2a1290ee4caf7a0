/* nospace.so: a full disk on demand, for tests/vault/faults.sh.
 *
 * Loaded with LD_PRELOAD, it lets writes to regular files under the folder
 * FAULT_DIR add up to FAULT_BYTES bytes; after that every write there fails
 * with ENOSPC (a write that would cross the limit writes what fits, as a
 * real disk does). fsync and rename are not touched: a full disk shows
 * itself on write. Files elsewhere (the terminal, a pipe, the test's own
 * output) are never affected.
 *
 * Only the test suite loads this; tend knows nothing of it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long long budget = -1; /* bytes left; -1: not read yet */
static char dir[PATH_MAX];
static size_t dirlen;

static void setup(void)
{
	if (budget != -1)
		return;
	const char *b = getenv("FAULT_BYTES"), *d = getenv("FAULT_DIR");
	budget = b ? atoll(b) : LLONG_MAX;
	if (d && realpath(d, dir))
		dirlen = strlen(dir);
}

/* How many of n bytes may go to fd: n when fd is not a file under dir. */
static size_t allowed(int fd, size_t n)
{
	setup();
	struct stat st;
	if (!dirlen || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return n;
	char link[64], path[PATH_MAX];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t len = readlink(link, path, sizeof path - 1);
	if (len < 0)
		return n;
	path[len] = '\0';
	if (strncmp(path, dir, dirlen) != 0 || (path[dirlen] != '/' && path[dirlen] != '\0'))
		return n;
	size_t ok = budget < (long long)n ? (size_t)budget : n;
	budget -= (long long)ok;
	return ok;
}

#define REAL(name)                                                                         \
	static __typeof__(&name) real_##name;                                              \
	if (!real_##name)                                                                  \
	real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	size_t ok = allowed(fd, n);
	if (n && !ok) {
		errno = ENOSPC;
		return -1;
	}
	return real_write(fd, buf, ok);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	size_t ok = allowed(fd, n);
	if (n && !ok) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite(fd, buf, ok, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	REAL(pwrite64);
	size_t ok = allowed(fd, n);
	if (n && !ok) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite64(fd, buf, ok, off);
}

/* Vectored writes are refused whole once the budget cannot take them all:
 * simpler than splitting the vector, and still a full disk. */
ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	REAL(writev);
	size_t n = 0;
	for (int i = 0; i < cnt; i++)
		n += iov[i].iov_len;
	if (n && allowed(fd, n) < n) {
		budget = 0;
		errno = ENOSPC;
		return -1;
	}
	return real_writev(fd, iov, cnt);
}

/* Growing a file without writing (SQLite's chunked growth) also needs room. */
int posix_fallocate(int fd, off_t off, off_t len)
{
	REAL(posix_fallocate);
	if (len > 0 && allowed(fd, 1) == 0)
		return ENOSPC;
	return real_posix_fallocate(fd, off, len);
}
