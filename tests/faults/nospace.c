/* nospace.so: a full disk (and a failing folder sync) on demand, for
 * tests/vault/faults.sh and tests/vault/rekey.sh.
 *
 * Loaded with LD_PRELOAD, it lets writes to regular files under the folder
 * FAULT_DIR add up to FAULT_BYTES bytes; after that every write there fails
 * with ENOSPC (a write that would cross the limit writes what fits, as a
 * real disk does). The budget leaves fsync and rename alone: a full disk
 * shows itself on write. Files elsewhere (the terminal, a pipe, the test's own
 * output) are never affected.
 *
 * With FAULT_DIRSYNC=N as well, the Nth fsync or fdatasync of a folder
 * at or under FAULT_DIR (counted from 1) fails with EIO and does nothing,
 * as a failing disk may answer; the others pass. That is the one way a
 * write through a temporary file can fail after its rename.
 *
 * Only the test suite loads this; tend knows nothing of it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long long budget = -1; /* bytes left; -1: not read yet */
static long long dirsync_fail; /* which folder sync fails; 0: none */
static char dir[PATH_MAX];
static size_t dirlen;

static void setup(void)
{
	if (budget != -1)
		return;
	const char *b = getenv("FAULT_BYTES"), *d = getenv("FAULT_DIR");
	const char *s = getenv("FAULT_DIRSYNC");
	budget = b ? atoll(b) : LLONG_MAX;
	dirsync_fail = s ? atoll(s) : 0;
	if (d && realpath(d, dir))
		dirlen = strlen(dir);
}

/* true when fd is open on a file of the given type (S_IFREG, S_IFDIR) at
 * or under dir. */
static bool under_dir(int fd, mode_t type)
{
	setup();
	struct stat st;
	if (!dirlen || fstat(fd, &st) != 0 || (st.st_mode & S_IFMT) != type)
		return false;
	char link[64], path[PATH_MAX];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t len = readlink(link, path, sizeof path - 1);
	if (len < 0)
		return false;
	path[len] = '\0';
	return strncmp(path, dir, dirlen) == 0 && (path[dirlen] == '/' || path[dirlen] == '\0');
}

/* How many of n bytes may go to fd: n when fd is not a file under dir. */
static size_t allowed(int fd, size_t n)
{
	if (!under_dir(fd, S_IFREG))
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

/* The folder syncs, counted; the FAULT_DIRSYNC'th one fails. */
static bool dirsync_fails(int fd)
{
	static long long seen;
	return under_dir(fd, S_IFDIR) && ++seen == dirsync_fail;
}

int fsync(int fd)
{
	REAL(fsync);
	if (dirsync_fails(fd)) {
		errno = EIO;
		return -1;
	}
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(fdatasync);
	if (dirsync_fails(fd)) {
		errno = EIO;
		return -1;
	}
	return real_fdatasync(fd);
}
