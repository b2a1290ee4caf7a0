#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "unit.h"
#include "util/fileio.h"
#include "util/path.h"

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void write_then_read(void **state)
{
	(void)state;
	char *root = test_tmpdir();
	char *f = path_join(root, "settings");
	struct error e;
	assert_int_equal(atomic_write(f, "one", 3, 0600, &e), 0);
	assert_int_equal(atomic_write(f, "second", 6, 0600, &e), 0);
	struct buf b = BUF_INIT;
	int missing;
	assert_int_equal(read_file(f, 100, &b, &missing, &e), 0);
	assert_string_equal(buf_str(&b), "second");
	struct stat st;
	assert_int_equal(stat(f, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* no temporary files left behind */
	assert_int_equal(count_entries(root), 1);
	buf_free(&b);
	free(f);
	test_rmtree(root);
	free(root);
}

static void read_limits_and_missing(void **state)
{
	(void)state;
	char *root = test_tmpdir();
	char *f = path_join(root, "big");
	struct error e;
	assert_int_equal(atomic_write(f, "0123456789", 10, 0600, &e), 0);
	struct buf b = BUF_INIT;
	int missing = -1;
	assert_int_equal(read_file(f, 5, &b, &missing, &e), -1);
	assert_non_null(strstr(e.msg, "larger than expected"));
	assert_int_equal(missing, 0);
	buf_free(&b);
	char *nope = path_join(root, "nope");
	assert_int_equal(read_file(nope, 5, &b, &missing, &e), -1);
	assert_int_equal(missing, 1);
	free(nope);
	free(f);
	test_rmtree(root);
	free(root);
}

static void write_into_missing_folder_fails(void **state)
{
	(void)state;
	struct error e;
	assert_int_equal(atomic_write("/nonexistent-tend-dir/x", "a", 1, 0600, &e), -1);
	assert_non_null(strstr(e.msg, "Cannot write"));
}

SUITE(fileio, cmocka_unit_test(write_then_read), cmocka_unit_test(read_limits_and_missing),
      cmocka_unit_test(write_into_missing_folder_fails))
