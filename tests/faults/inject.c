/* inject.so: one I/O call that fails, for tests/vault/inject.sh.
 *
 * Loaded with LD_PRELOAD, it counts the calls that change files under the
 * folder FAULT_DIR, by kind:
 *
 *   write     write, pwrite(64), writev, pwritev(64/2), (posix_)fallocate
 *   fsync     fsync, fdatasync (of a file or a folder)
 *   truncate  ftruncate(64), truncate(64)
 *   rename    rename, renameat, renameat2 (either name under FAULT_DIR)
 *   unlink    unlink, unlinkat
 *
 * and makes the FAULT_N-th call (1-based) of the kind FAULT_OP fail with
 * FAULT_ERR (ENOSPC, EIO, EROFS or EDQUOT; EIO when not set). FAULT_MODE
 * says how: "once" fails that call only, as a disk that was full for a
 * moment; "persist" fails it and every later call of that kind; "kill"
 * raises SIGKILL in place of that call, as a power cut would stop tend.
 * A failed write writes nothing.
 *
 * FAULT_COUNT=FILE counts only, and at exit appends one line "KIND N" per
 * kind to FILE, so a test knows which N exist for an operation.
 * FAULT_LOG=FILE appends "KIND N PATH" for every counted call, to see
 * which call a number names.
 *
 * A call is under FAULT_DIR when its file descriptor's path (from
 * /proc/self/fd) or its path argument, with the folder resolved, is the
 * folder or inside it; the terminal, pipes and other files are never
 * touched or counted. Only the test suite loads this; tend knows nothing of
 * it. Built without sanitizers: it only counts and passes calls on. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum kind { K_WRITE, K_FSYNC, K_TRUNCATE, K_RENAME, K_UNLINK, K_COUNT };
static const char *const kind_names[K_COUNT] = {"write", "fsync", "truncate", "rename", "unlink"};
enum mode { M_ONCE, M_PERSIST, M_KILL };

static int ready;
static char dir[PATH_MAX];
static size_t dirlen;
static int fault_kind = -1;
static long fault_n;
static int fault_err = EIO;
static enum mode fault_mode;
static const char *count_file;
static FILE *log_file;
static long counts[K_COUNT];

static void report_counts(void)
{
	FILE *f = fopen(count_file, "a");
	if (!f)
		return;
	for (int k = 0; k < K_COUNT; k++)
		fprintf(f, "%s %ld\n", kind_names[k], counts[k]);
	fclose(f);
}

/* Run when the library is loaded, so the counts are written at exit even
 * when no call was counted. */
__attribute__((constructor)) static void setup(void)
{
	if (ready)
		return;
	ready = 1;
	const char *d = getenv("FAULT_DIR"), *op = getenv("FAULT_OP"), *n = getenv("FAULT_N");
	const char *err = getenv("FAULT_ERR"), *mode = getenv("FAULT_MODE");
	if (d && realpath(d, dir))
		dirlen = strlen(dir);
	for (int k = 0; op && k < K_COUNT; k++)
		if (strcmp(op, kind_names[k]) == 0)
			fault_kind = k;
	fault_n = n ? atol(n) : 0;
	if (err && strcmp(err, "ENOSPC") == 0)
		fault_err = ENOSPC;
	else if (err && strcmp(err, "EROFS") == 0)
		fault_err = EROFS;
	else if (err && strcmp(err, "EDQUOT") == 0)
		fault_err = EDQUOT;
	if (mode && strcmp(mode, "persist") == 0)
		fault_mode = M_PERSIST;
	else if (mode && strcmp(mode, "kill") == 0)
		fault_mode = M_KILL;
	const char *log = getenv("FAULT_LOG");
	if (log && *log)
		log_file = fopen(log, "a");
	count_file = getenv("FAULT_COUNT");
	if (count_file && *count_file)
		atexit(report_counts);
	else
		count_file = NULL;
}

static int under_dir(const char *path)
{
	return strncmp(path, dir, dirlen) == 0 && (path[dirlen] == '/' || path[dirlen] == '\0');
}

/* The file behind fd is a regular file (or, for fsync, a folder) under
 * dir; its path is left in path. */
static int fd_under(int fd, int dirs_too, char path[PATH_MAX])
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || (dirs_too && S_ISDIR(st.st_mode))))
		return 0;
	char link[64];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t len = readlink(link, path, PATH_MAX - 1);
	if (len < 0)
		return 0;
	path[len] = '\0';
	return under_dir(path);
}

/* A path argument, relative to dirfd: its folder resolved, its last part
 * kept as it is (the file may not exist, or be a link); the whole path is
 * left in full. */
static int path_under(int dirfd, const char *p, char full[PATH_MAX])
{
	char buf[PATH_MAX], base[PATH_MAX], res[PATH_MAX];
	if (!p || strlen(p) >= sizeof buf)
		return 0;
	if (p[0] != '/' && dirfd != AT_FDCWD) {
		char link[64];
		snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
		ssize_t len = readlink(link, full, PATH_MAX - 1);
		if (len < 0)
			return 0;
		full[len] = '\0';
		if (snprintf(buf, sizeof buf, "%s/%s", full, p) >= (int)sizeof buf)
			return 0;
	} else {
		strcpy(buf, p);
	}
	strcpy(base, buf);
	char *b = basename(base), *d = dirname(buf);
	if (!realpath(d, res))
		return 0;
	if (snprintf(full, PATH_MAX, "%s/%s", res, b) >= PATH_MAX)
		return 0;
	return under_dir(full);
}

/* Counts one call of kind k on path (under dir); says whether it must
 * fail (errno set), and kills the process when that is the mode. */
static int hit(enum kind k, const char *path)
{
	long n = ++counts[k];
	if (log_file) {
		fprintf(log_file, "%s %ld %s\n", kind_names[k], n, path);
		fflush(log_file);
	}
	if ((int)k != fault_kind || count_file || fault_n <= 0)
		return 0;
	if (n == fault_n && fault_mode == M_KILL)
		raise(SIGKILL);
	if (n == fault_n || (n > fault_n && fault_mode == M_PERSIST)) {
		errno = fault_err;
		return 1;
	}
	return 0;
}

static int fd_fails(enum kind k, int fd)
{
	int saved = errno;
	setup();
	char path[PATH_MAX];
	int r = dirlen && fd_under(fd, k == K_FSYNC, path) && hit(k, path);
	if (!r)
		errno = saved;
	return r;
}

static int path_fails(enum kind k, int dirfd, const char *p, int dirfd2, const char *p2)
{
	int saved = errno;
	setup();
	char full[PATH_MAX];
	int r = dirlen && (path_under(dirfd, p, full) || (p2 && path_under(dirfd2, p2, full))) &&
	        hit(k, full);
	if (!r)
		errno = saved;
	return r;
}

#define REAL(name)                                                                         \
	static __typeof__(&name) real_##name;                                              \
	if (!real_##name)                                                                  \
	real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	return fd_fails(K_WRITE, fd) ? -1 : real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	return fd_fails(K_WRITE, fd) ? -1 : real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	REAL(pwrite64);
	return fd_fails(K_WRITE, fd) ? -1 : real_pwrite64(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	REAL(writev);
	return fd_fails(K_WRITE, fd) ? -1 : real_writev(fd, iov, cnt);
}

ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off)
{
	REAL(pwritev);
	return fd_fails(K_WRITE, fd) ? -1 : real_pwritev(fd, iov, cnt, off);
}

ssize_t pwritev64(int fd, const struct iovec *iov, int cnt, off64_t off)
{
	REAL(pwritev64);
	return fd_fails(K_WRITE, fd) ? -1 : real_pwritev64(fd, iov, cnt, off);
}

ssize_t pwritev2(int fd, const struct iovec *iov, int cnt, off_t off, int flags)
{
	REAL(pwritev2);
	return fd_fails(K_WRITE, fd) ? -1 : real_pwritev2(fd, iov, cnt, off, flags);
}

/* Growing a file without writing also needs room on the disk. */
int posix_fallocate(int fd, off_t off, off_t len)
{
	REAL(posix_fallocate);
	return fd_fails(K_WRITE, fd) ? errno : real_posix_fallocate(fd, off, len);
}

int posix_fallocate64(int fd, off64_t off, off64_t len)
{
	REAL(posix_fallocate64);
	return fd_fails(K_WRITE, fd) ? errno : real_posix_fallocate64(fd, off, len);
}

int fallocate(int fd, int mode, off_t off, off_t len)
{
	REAL(fallocate);
	return fd_fails(K_WRITE, fd) ? -1 : real_fallocate(fd, mode, off, len);
}

int fallocate64(int fd, int mode, off64_t off, off64_t len)
{
	REAL(fallocate64);
	return fd_fails(K_WRITE, fd) ? -1 : real_fallocate64(fd, mode, off, len);
}

int fsync(int fd)
{
	REAL(fsync);
	return fd_fails(K_FSYNC, fd) ? -1 : real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(fdatasync);
	return fd_fails(K_FSYNC, fd) ? -1 : real_fdatasync(fd);
}

int ftruncate(int fd, off_t len)
{
	REAL(ftruncate);
	return fd_fails(K_TRUNCATE, fd) ? -1 : real_ftruncate(fd, len);
}

int ftruncate64(int fd, off64_t len)
{
	REAL(ftruncate64);
	return fd_fails(K_TRUNCATE, fd) ? -1 : real_ftruncate64(fd, len);
}

int truncate(const char *p, off_t len)
{
	REAL(truncate);
	return path_fails(K_TRUNCATE, AT_FDCWD, p, AT_FDCWD, NULL) ? -1 : real_truncate(p, len);
}

int truncate64(const char *p, off64_t len)
{
	REAL(truncate64);
	return path_fails(K_TRUNCATE, AT_FDCWD, p, AT_FDCWD, NULL) ? -1 : real_truncate64(p, len);
}

int rename(const char *from, const char *to)
{
	REAL(rename);
	return path_fails(K_RENAME, AT_FDCWD, from, AT_FDCWD, to) ? -1 : real_rename(from, to);
}

int renameat(int fd1, const char *from, int fd2, const char *to)
{
	REAL(renameat);
	return path_fails(K_RENAME, fd1, from, fd2, to) ? -1 : real_renameat(fd1, from, fd2, to);
}

int renameat2(int fd1, const char *from, int fd2, const char *to, unsigned flags)
{
	REAL(renameat2);
	return path_fails(K_RENAME, fd1, from, fd2, to) ? -1
	                                                 : real_renameat2(fd1, from, fd2, to, flags);
}

int unlink(const char *p)
{
	REAL(unlink);
	return path_fails(K_UNLINK, AT_FDCWD, p, AT_FDCWD, NULL) ? -1 : real_unlink(p);
}

int unlinkat(int fd, const char *p, int flags)
{
	REAL(unlinkat);
	return path_fails(K_UNLINK, fd, p, AT_FDCWD, NULL) ? -1 : real_unlinkat(fd, p, flags);
}
