#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/vault.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "unit.h"

char *test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char tmpl[4096];
	snprintf(tmpl, sizeof(tmpl), "%s/tend-unit-XXXXXX", base && *base ? base : "/tmp");
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void test_rmtree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

struct test_vault *test_vault_new(void)
{
	struct test_vault *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	setenv("TEND_INSECURE_FAST_KDF", "1", 1);
	f->dir = test_tmpdir();
	char code[VAULT_CODE_MAX];
	struct error e;
	assert_int_equal(vault_init(f->dir, "pw", 2, code, &e), 0);
	assert_int_equal(vault_open(f->dir, "pw", 2, &f->v, &e), 0);
	return f;
}

void test_vault_free(struct test_vault *f)
{
	vault_close(f->v);
	test_rmtree(f->dir);
	free(f->dir);
	free(f);
}

void test_zone(const char *tz)
{
	static char saved[64];
	static bool have;
	if (tz && !have) {
		const char *old = getenv("TZ");
		snprintf(saved, sizeof(saved), "%s", old ? old : "");
		have = true;
	}
	if (tz)
		setenv("TZ", tz, 1);
	else if (have && *saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
}

void test_golden(const char *path, const char *got)
{
	struct error e = {0};
	const char *update = getenv("UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		assert_int_equal(atomic_write(path, got, strlen(got), 0644, &e), 0);
		return;
	}
	struct buf want = BUF_INIT;
	if (read_file(path, 1 << 20, &want, NULL, &e))
		fail_msg("%s (run the unit tests from the top of the repository)", e.msg);
	if (strcmp(buf_str(&want), got) != 0) {
		fprintf(stderr, "---- %s differs; got:\n%s----\n", path, got);
		fail_msg("%s differs from what was made", path);
	}
	buf_free(&want);
}
