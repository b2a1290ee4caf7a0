#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "util/path.h"


static void set_env(const char *name, const char *value)
{
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

static void tend_home_wins(void **state)
{
	(void)state;
	set_env("TEND_HOME", "/tmp/th");
	set_env("XDG_DATA_HOME", "/tmp/xd");
	struct paths p;
	struct error e;
	assert_int_equal(paths_resolve(&p, &e), 0);
	assert_string_equal(p.data_dir, "/tmp/th");
	assert_string_equal(p.config_dir, "/tmp/th");
	paths_free(&p);
	set_env("TEND_HOME", NULL);
	set_env("XDG_DATA_HOME", NULL);
}

static void xdg_and_fallbacks(void **state)
{
	(void)state;
	set_env("TEND_HOME", "");
	set_env("HOME", "/home/someone");
	set_env("XDG_DATA_HOME", "/x/data");
	set_env("XDG_CONFIG_HOME", "relative/ignored");
	struct paths p;
	struct error e;
	assert_int_equal(paths_resolve(&p, &e), 0);
	assert_string_equal(p.data_dir, "/x/data/tend");
	assert_string_equal(p.config_dir, "/home/someone/.config/tend");
	paths_free(&p);
	set_env("XDG_DATA_HOME", NULL);
	set_env("XDG_CONFIG_HOME", NULL);
	assert_int_equal(paths_resolve(&p, &e), 0);
	assert_string_equal(p.data_dir, "/home/someone/.local/share/tend");
	paths_free(&p);
	set_env("TEND_HOME", NULL);
}

static void join(void **state)
{
	(void)state;
	char *p = path_join("/a/b/", "c");
	assert_string_equal(p, "/a/b/c");
	free(p);
	p = path_join("/", "c");
	assert_string_equal(p, "/c");
	free(p);
}

static void mkdir_p_creates_private_folders(void **state)
{
	(void)state;
	char *root = test_tmpdir();
	char *deep = path_join(root, "one/two/three");
	struct error e;
	assert_int_equal(mkdir_p(deep, &e), 0);
	struct stat st;
	assert_int_equal(stat(deep, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	/* again: already there is fine */
	assert_int_equal(mkdir_p(deep, &e), 0);
	free(deep);
	test_rmtree(root);
	free(root);
}

static void mkdir_p_reports_failure(void **state)
{
	(void)state;
	char *root = test_tmpdir();
	char *file = path_join(root, "plain-file");
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	char *below = path_join(file, "sub");
	struct error e;
	assert_int_equal(mkdir_p(below, &e), -1);
	assert_non_null(strstr(e.msg, "Cannot create the folder"));
	assert_int_equal(mkdir_p(file, &e), -1);
	assert_non_null(strstr(e.msg, "not a folder"));
	if (geteuid() != 0) {
		char *ro = path_join(root, "ro");
		assert_int_equal(mkdir(ro, 0500), 0);
		char *inside = path_join(ro, "x");
		assert_int_equal(mkdir_p(inside, &e), -1);
		free(inside);
		free(ro);
	}
	free(below);
	free(file);
	test_rmtree(root);
	free(root);
}

/* refused (-1) or let through (0), for a file name under root */
static int inside(const char *dir, const char *root, const char *rel)
{
	char *p = path_join(root, rel);
	assert_non_null(p);
	struct error e;
	error_clear(&e);
	int rc = path_refuse_inside(dir, p, "the export", "it would be there.", &e);
	if (rc)
		assert_non_null(strstr(e.msg, "Refused to write the export inside the vault folder"));
	free(p);
	return rc;
}

static void refuse_inside_by_real_path(void **state)
{
	(void)state;
	char *root = test_tmpdir();
	char *vault = path_join(root, "vault");
	struct error e;
	assert_int_equal(mkdir_p(vault, &e), 0);
	char *sub = path_join(vault, "sub");
	assert_int_equal(mkdir(sub, 0700), 0);
	char *link = path_join(root, "link");
	assert_int_equal(symlink(vault, link), 0);
	char *twin = path_join(root, "vault2");
	assert_int_equal(mkdir(twin, 0700), 0);

	assert_int_equal(inside(vault, root, "vault/tend.db"), -1);
	assert_int_equal(inside(vault, root, "vault/new.json"), -1);
	assert_int_equal(inside(vault, root, "vault/sub/new.json"), -1);
	assert_int_equal(inside(vault, root, "link/key"), -1);
	assert_int_equal(inside(vault, root, "vault2/../vault/x"), -1);
	assert_int_equal(inside(vault, root, "vault/"), -1);
	assert_int_equal(inside(link, root, "vault/x"), -1); /* dir given as a link */
	/* a folder whose name starts like the vault's is not inside it */
	assert_int_equal(inside(vault, root, "vault2/x.json"), 0);
	assert_int_equal(inside(vault, root, "vault.json"), 0);
	assert_int_equal(inside(vault, root, "x.json"), 0);
	/* a folder that is not there: writing fails by itself */
	assert_int_equal(inside(vault, root, "nowhere/x.json"), 0);
	/* a link outside that points at a file inside */
	char *db = path_join(vault, "tend.db");
	FILE *f = fopen(db, "w");
	assert_non_null(f);
	fclose(f);
	char *out = path_join(root, "out.json");
	assert_int_equal(symlink(db, out), 0);
	assert_int_equal(inside(vault, root, "out.json"), -1);
	/* a relative name, from inside the vault folder */
	char *cwd = getcwd(NULL, 0);
	assert_non_null(cwd);
	assert_int_equal(chdir(sub), 0);
	assert_int_equal(path_refuse_inside(vault, "x.json", "the export", "w.", &e), -1);
	assert_int_equal(path_refuse_inside(vault, "../../x.json", "the export", "w.", &e), 0);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	free(out);
	free(db);
	free(twin);
	free(link);
	free(sub);
	free(vault);
	test_rmtree(root);
	free(root);
}

SUITE(path, cmocka_unit_test(tend_home_wins), cmocka_unit_test(xdg_and_fallbacks),
      cmocka_unit_test(join), cmocka_unit_test(mkdir_p_creates_private_folders),
      cmocka_unit_test(mkdir_p_reports_failure), cmocka_unit_test(refuse_inside_by_real_path))
