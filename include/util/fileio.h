/* fileio.h: whole-file reads and crash-safe whole-file writes. */
#ifndef TEND_UTIL_FILEIO_H
#define TEND_UTIL_FILEIO_H

#include <stddef.h>
#include <sys/types.h>

#include "util/buf.h"
#include "util/error.h"

/* Replaces path with data so that after a crash it holds either the old or
 * the new bytes, never a mix: a temporary file in the same folder, fsync,
 * rename over path (rename_into_place). 0 means path holds the new bytes,
 * -1 that it holds the old ones. */
int atomic_write(const char *path, const void *data, size_t len, mode_t mode,
                 struct error *e);
/* The same, written in pieces: begin makes the temporary file (with mode),
 * add appends to it, commit puts it in place of path, abort (or a failed
 * add or commit) removes it and leaves path as it was. */
struct atomic_file {
	int fd;
	char *tmp;
	const char *path; /* borrowed: must outlive the atomic_file */
};
int atomic_begin(struct atomic_file *f, const char *path, mode_t mode, struct error *e);
int atomic_add(struct atomic_file *f, const void *data, size_t len, struct error *e);
int atomic_commit(struct atomic_file *f, struct error *e);
void atomic_abort(struct atomic_file *f);
/* Reads the whole file (at most max bytes) into out. ENOENT is reported
 * with code E_FAIL and errno-style text; *missing (when not NULL) is set
 * to 1 if the file does not exist. */
int read_file(const char *path, size_t max, struct buf *out, int *missing,
              struct error *e);
/* fsync of the folder that holds path. */
int fsync_dir_of(const char *path, struct error *e);
/* rename(2), then an fsync of the folder. Once the rename is done the
 * change is made, so only a failed rename returns -1 (errno set): a folder
 * that cannot be flushed afterwards does not undo it, and saying "failed"
 * then would contradict what is on disk. */
int rename_into_place(const char *from, const char *to);
/* write(2) until done, retrying on EINTR. */
int write_all(int fd, const void *p, size_t n);

#endif
