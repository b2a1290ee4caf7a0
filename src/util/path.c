#include "util/path.h"

#include <errno.h>
#include <stdbool.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *path_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	while (la > 1 && a[la - 1] == '/')
		la--;
	size_t sep = la && a[la - 1] == '/' ? 0 : 1;
	char *p = malloc(la + sep + lb + 1);
	if (!p)
		return NULL;
	memcpy(p, a, la);
	if (sep)
		p[la] = '/';
	memcpy(p + la + sep, b, lb + 1);
	return p;
}

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	if (h && *h)
		return h;
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
}

/* $var/tend when var holds an absolute path, else ~/fallback/tend. */
static char *xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	if (v && v[0] == '/')
		return path_join(v, "tend");
	const char *home = home_dir();
	if (!home)
		return NULL;
	char *base = path_join(home, fallback);
	char *p = base ? path_join(base, "tend") : NULL;
	free(base);
	return p;
}

char *path_state_dir(void)
{
	return xdg_dir("XDG_STATE_HOME", ".local/state");
}

int paths_resolve(struct paths *p, struct error *e)
{
	p->data_dir = p->config_dir = NULL;
	const char *th = getenv("TEND_HOME");
	if (th && *th) {
		p->data_dir = strdup(th);
		p->config_dir = strdup(th);
	} else {
		if (!home_dir())
			return error_set(e, E_FAIL, "Cannot tell where your home folder is. "
			                 "Set TEND_HOME to the folder tend should use.");
		p->data_dir = xdg_dir("XDG_DATA_HOME", ".local/share");
		p->config_dir = xdg_dir("XDG_CONFIG_HOME", ".config");
	}
	if (!p->data_dir || !p->config_dir) {
		paths_free(p);
		return error_set(e, E_FAIL, "Out of memory.");
	}
	return 0;
}

void paths_free(struct paths *p)
{
	free(p->data_dir);
	free(p->config_dir);
	p->data_dir = p->config_dir = NULL;
}

int mkdir_p(const char *dir, struct error *e)
{
	if (!dir || !*dir)
		return error_set(e, E_FAIL, "No folder name given.");
	char *p = strdup(dir);
	if (!p)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char saved = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc = error_errno(e, errno, "Cannot create the folder %s", p);
			break;
		}
		*s = saved;
		if (!saved)
			break;
	}
	if (!rc) {
		struct stat st;
		if (stat(dir, &st) != 0)
			rc = error_errno(e, errno, "Cannot use the folder %s", dir);
		else if (!S_ISDIR(st.st_mode))
			rc = error_set(e, E_FAIL, "%s exists but is not a folder.", dir);
	}
	free(p);
	return rc;
}

/* true when real (a resolved path) is the folder real_dir or inside it. */
static bool within(const char *real_dir, const char *real)
{
	size_t n = strlen(real_dir);
	if (n == 1 && real_dir[0] == '/')
		return true;
	return strncmp(real, real_dir, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

int path_refuse_inside(const char *dir, const char *path, const char *what, const char *why,
                       struct error *e)
{
	/* The message leaves out path: the person has just given it, and
	 * dir says where it points. */
	char *rdir = realpath(dir, NULL);
	if (!rdir)
		return 0; /* no such folder: nothing in it to overwrite */
	/* The folder the file goes in: what is before the last '/'. */
	char *folder = strdup(path);
	if (!folder) {
		free(rdir);
		return error_set(e, E_FAIL, "Out of memory.");
	}
	size_t n = strlen(folder);
	while (n > 1 && folder[n - 1] == '/')
		folder[--n] = '\0';
	char *slash = strrchr(folder, '/');
	const char *parent = ".";
	if (slash == folder)
		parent = "/";
	else if (slash) {
		*slash = '\0';
		parent = folder;
	}
	char *real = realpath(parent, NULL);
	bool inside = real && within(rdir, real);
	free(real);
	/* The file itself, when something is there already: a link into the
	 * vault folder counts as inside. */
	real = inside ? NULL : realpath(path, NULL);
	if (real && within(rdir, real))
		inside = true;
	free(real);
	free(folder);
	free(rdir);
	if (!inside)
		return 0;
	return error_set(e, E_FAIL,
	                 "Refused to write %s inside the vault folder %s: %s Nothing was "
	                 "written; choose a place outside that folder.",
	                 what, dir, why);
}
