/* fileio.h: whole-file reads and crash-safe whole-file writes. */
#ifndef TEND_UTIL_FILEIO_H
#define TEND_UTIL_FILEIO_H

#include <stddef.h>
#include <sys/types.h>

#include "util/buf.h"
#include "util/error.h"

/* Replaces path with data so that after a crash it holds either the old or
 * the new bytes, never a mix: a temporary file in the same folder, fsync,
 * rename over path, fsync of the folder. */
int atomic_write(const char *path, const void *data, size_t len, mode_t mode,
                 struct error *e);
/* Reads the whole file (at most max bytes) into out. ENOENT is reported
 * with code E_FAIL and errno-style text; *missing (when not NULL) is set
 * to 1 if the file does not exist. */
int read_file(const char *path, size_t max, struct buf *out, int *missing,
              struct error *e);
/* fsync of the folder that holds path. */
int fsync_dir_of(const char *path, struct error *e);
/* write(2) until done, retrying on EINTR. */
int write_all(int fd, const void *p, size_t n);

#endif
