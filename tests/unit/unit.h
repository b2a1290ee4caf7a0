/* unit.h: what every unit test file needs. A file ends with
 *   SUITE(name, cmocka_unit_test(a), cmocka_unit_test(b), ...)
 * and adds `X(name)` to SUITES in tests/unit/main.c. */
#ifndef TEND_TESTS_UNIT_H
#define TEND_TESTS_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define SUITE(name, ...) \
	int suite_##name(int *total); \
	int suite_##name(int *total) \
	{ \
		const struct CMUnitTest t[] = {__VA_ARGS__}; \
		*total = (int)(sizeof(t) / sizeof(t[0])); \
		return cmocka_run_group_tests_name(#name, t, NULL, NULL); \
	}

/* A fresh empty folder under $TMPDIR (or /tmp) for one test; removed with
 * test_rmdir. */
char *test_tmpdir(void);
void test_rmtree(const char *dir);

/* A new vault (cheap key derivation) in its own folder, open; for suites
 * that test what is stored in a vault. */
struct vault;
struct test_vault {
	char *dir;
	struct vault *v;
};
struct test_vault *test_vault_new(void);
void test_vault_free(struct test_vault *f);

/* Sets TZ (a POSIX rule needs no zone files); NULL puts back the zone
 * the suite was given. */
void test_zone(const char *tz);
/* got must equal the file at path (from the top of the repository);
 * UPDATE_GOLDEN=1 writes it instead. */
void test_golden(const char *path, const char *got);

#endif
