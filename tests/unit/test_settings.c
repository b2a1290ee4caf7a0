/* Settings kept in the vault: missing keys, upsert, cutting to the
 * caller's buffer, and surviving a close and reopen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/settings.h"
#include "store/vault.h"
#include "unit.h"

#define PASS "a calm test passphrase"

struct fx {
	char *dir;
	struct vault *v;
};

static int setup(void **state)
{
	setenv("TEND_INSECURE_FAST_KDF", "1", 1);
	struct fx *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	f->dir = test_tmpdir();
	char code[VAULT_CODE_MAX];
	struct error e = {0};
	assert_int_equal(vault_init(f->dir, PASS, strlen(PASS), code, &e), 0);
	assert_int_equal(vault_open(f->dir, PASS, strlen(PASS), &f->v, &e), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	if (f->v)
		vault_close(f->v);
	test_rmtree(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

static void missing_key(void **state)
{
	struct fx *f = *state;
	struct error e = {0};
	char out[32] = "junk";
	assert_int_equal(settings_get(f->v, "learn.pos.none", out, sizeof(out), &e), 0);
	assert_string_equal(out, "");
}

static void set_then_replace(void **state)
{
	struct fx *f = *state;
	struct error e = {0};
	char out[32];
	assert_int_equal(settings_set(f->v, "learn.pos.spectrum", "0.25", &e), 0);
	assert_int_equal(settings_get(f->v, "learn.pos.spectrum", out, sizeof(out), &e), 1);
	assert_string_equal(out, "0.25");
	assert_int_equal(settings_set(f->v, "learn.pos.spectrum", "0.5", &e), 0);
	assert_int_equal(settings_get(f->v, "learn.pos.spectrum", out, sizeof(out), &e), 1);
	assert_string_equal(out, "0.5");
	/* Other keys are untouched. */
	assert_int_equal(settings_set(f->v, "other", "", &e), 0);
	assert_int_equal(settings_get(f->v, "other", out, sizeof(out), &e), 1);
	assert_string_equal(out, "");
	assert_int_equal(settings_get(f->v, "learn.pos.spectrum", out, sizeof(out), &e), 1);
	assert_string_equal(out, "0.5");
}

static void cut_to_buffer(void **state)
{
	struct fx *f = *state;
	struct error e = {0};
	char out[6];
	assert_int_equal(settings_set(f->v, "k", "abcdefgh", &e), 0);
	assert_int_equal(settings_get(f->v, "k", out, sizeof(out), &e), 1);
	assert_string_equal(out, "abcde");
	/* "abcd" then a two-byte character: it must not be split. */
	assert_int_equal(settings_set(f->v, "k", "abcd\xc3\xa9z", &e), 0);
	assert_int_equal(settings_get(f->v, "k", out, sizeof(out), &e), 1);
	assert_string_equal(out, "abcd");
	char small[1] = {'x'};
	assert_int_equal(settings_get(f->v, "k", small, sizeof(small), &e), 1);
	assert_int_equal(small[0], '\0');
}

static void survives_reopen(void **state)
{
	struct fx *f = *state;
	struct error e = {0};
	char out[32];
	assert_int_equal(settings_set(f->v, "learn.pos.phases", "0.75", &e), 0);
	vault_close(f->v);
	f->v = NULL;
	assert_int_equal(vault_open(f->dir, PASS, strlen(PASS), &f->v, &e), 0);
	assert_int_equal(settings_get(f->v, "learn.pos.phases", out, sizeof(out), &e), 1);
	assert_string_equal(out, "0.75");
}

static void locked_vault_is_an_error(void **state)
{
	(void)state;
	struct error e = {0};
	char out[8];
	assert_int_equal(settings_get(NULL, "k", out, sizeof(out), &e), -1);
	assert_true(e.msg[0] != '\0');
	assert_int_equal(settings_set(NULL, "k", "v", &e), -1);
}

static void whole_value_and_delete(void **state)
{
	struct fx *f = *state;
	struct error e = {0};
	char big[5000];
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	struct buf b = BUF_INIT;
	assert_int_equal(settings_get_buf(f->v, "long", &b, &e), 0);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(settings_set(f->v, "long", big, &e), 0);
	assert_int_equal(settings_get_buf(f->v, "long", &b, &e), 1);
	assert_int_equal(b.len, sizeof(big) - 1);
	assert_string_equal(buf_str(&b), big);
	assert_int_equal(settings_delete(f->v, "long", &e), 0);
	assert_int_equal(settings_get_buf(f->v, "long", &b, &e), 0);
	assert_int_equal(b.len, 0);
	/* Deleting what is not there is fine; a locked vault is not. */
	assert_int_equal(settings_delete(f->v, "long", &e), 0);
	assert_int_equal(settings_delete(NULL, "long", &e), -1);
	assert_int_equal(settings_get_buf(NULL, "long", &b, &e), -1);
	buf_free(&b);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
SUITE(settings, T(missing_key), T(set_then_replace), T(cut_to_buffer), T(survives_reopen),
      T(locked_vault_is_an_error), T(whole_value_and_delete))
