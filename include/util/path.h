/* path.h: where tend keeps its data and settings, and making folders. */
#ifndef TEND_UTIL_PATH_H
#define TEND_UTIL_PATH_H

#include "util/error.h"

struct paths {
	char *data_dir;   /* the vault lives here */
	char *config_dir; /* settings (never secret) */
};

/* TEND_HOME, when set and not empty, is both folders. Otherwise
 * $XDG_DATA_HOME/tend and $XDG_CONFIG_HOME/tend, falling back to
 * ~/.local/share/tend and ~/.config/tend (relative XDG values are ignored,
 * as the XDG spec says). Nothing is created. */
int paths_resolve(struct paths *p, struct error *e);
void paths_free(struct paths *p);
/* This computer's own state, never synced on purpose: $XDG_STATE_HOME/tend
 * or ~/.local/state/tend, whatever TEND_HOME says (a copy of the vault
 * folder must not carry it). NULL when no home folder is known. */
char *path_state_dir(void);

/* Creates dir and its missing parents; new folders get mode 0700. An
 * existing folder is left as it is. */
int mkdir_p(const char *dir, struct error *e);
/* 0 when the file path is to be written outside the folder dir; -1 with e
 * (E_FAIL) when it would land in dir or any folder inside it, or replace
 * a file there, compared by real paths (symlinks, "." and ".." resolved).
 * what names the file in the message ("the export"), why says what would
 * go wrong there. A path whose folder does not exist passes: writing it
 * fails by itself. */
int path_refuse_inside(const char *dir, const char *path, const char *what, const char *why,
                       struct error *e);
/* a + "/" + b in new memory, or NULL when out of memory. */
char *path_join(const char *a, const char *b);

#endif
