#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "crypto/recovery.h"

static void key_of(uint8_t key[VAULT_KEY_BYTES], uint8_t seed)
{
	for (int i = 0; i < VAULT_KEY_BYTES; i++)
		key[i] = (uint8_t)(seed * 37 + i * 101 + (i >> 2));
}

static void round_trip(void **state)
{
	(void)state;
	for (int seed = 0; seed < 64; seed++) {
		uint8_t key[VAULT_KEY_BYTES], back[VAULT_KEY_BYTES];
		key_of(key, (uint8_t)seed);
		char code[RECOVERY_CODE_MAX];
		recovery_encode(key, code);
		struct error e;
		assert_int_equal(recovery_decode(code, back, &e), 0);
		assert_memory_equal(key, back, sizeof(key));
	}
	/* all-zero and all-ones keys too */
	uint8_t k[VAULT_KEY_BYTES], b[VAULT_KEY_BYTES];
	char code[RECOVERY_CODE_MAX];
	struct error e;
	for (int fill = 0; fill < 256; fill += 255) {
		memset(k, fill, sizeof(k));
		recovery_encode(k, code);
		assert_int_equal(recovery_decode(code, b, &e), 0);
		assert_memory_equal(k, b, sizeof(k));
	}
}

static void shape_of_the_code(void **state)
{
	(void)state;
	uint8_t key[VAULT_KEY_BYTES];
	key_of(key, 7);
	char code[RECOVERY_CODE_MAX];
	recovery_encode(key, code);
	/* 55 characters in 11 groups of 5, 10 dashes */
	assert_int_equal(strlen(code), 65);
	for (size_t i = 0; i < strlen(code); i++) {
		if (i % 6 == 5)
			assert_int_equal(code[i], '-');
		else
			assert_non_null(strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", code[i]));
	}
	/* a known value: an all-zero key starts with 51 zeros (255 bits) */
	uint8_t zero[VAULT_KEY_BYTES] = {0};
	recovery_encode(zero, code);
	assert_memory_equal(code, "00000-00000-00000-00000-00000-00000-00000-00000-00000-00000-0", 61);
}

static void forgiving_input(void **state)
{
	(void)state;
	uint8_t key[VAULT_KEY_BYTES], back[VAULT_KEY_BYTES];
	key_of(key, 42);
	char code[RECOVERY_CODE_MAX];
	recovery_encode(key, code);
	struct error e;

	/* lower case, spaces instead of dashes, no separators at all */
	char alt[256];
	size_t n = 0;
	for (const char *p = code; *p; p++)
		alt[n++] = *p == '-' ? ' ' : (char)tolower((unsigned char)*p);
	alt[n] = '\0';
	assert_int_equal(recovery_decode(alt, back, &e), 0);
	assert_memory_equal(key, back, sizeof(key));

	n = 0;
	alt[n++] = ' ';
	for (const char *p = code; *p; p++)
		if (*p != '-')
			alt[n++] = *p;
	alt[n++] = '\n';
	alt[n] = '\0';
	assert_int_equal(recovery_decode(alt, back, &e), 0);
	assert_memory_equal(key, back, sizeof(key));

	/* extra dashes and spaces in odd places */
	n = 0;
	for (const char *p = code; *p; p++) {
		alt[n++] = *p;
		if ((p - code) % 7 == 3) {
			alt[n++] = '-';
			alt[n++] = ' ';
		}
	}
	alt[n] = '\0';
	assert_int_equal(recovery_decode(alt, back, &e), 0);
	assert_memory_equal(key, back, sizeof(key));
}

static void lookalikes(void **state)
{
	(void)state;
	/* Find keys whose codes hold a 0 and a 1, then write them as O/o and
	 * I/i/L/l. */
	int checked_zero = 0, checked_one = 0;
	for (int seed = 0; seed < 200 && !(checked_zero && checked_one); seed++) {
		uint8_t key[VAULT_KEY_BYTES], back[VAULT_KEY_BYTES];
		key_of(key, (uint8_t)seed);
		char code[RECOVERY_CODE_MAX], alt[RECOVERY_CODE_MAX];
		recovery_encode(key, code);
		struct error e;
		static const char ones[] = "IiLl";
		int k = 0;
		bool any0 = false, any1 = false;
		for (size_t i = 0; code[i]; i++) {
			alt[i] = code[i];
			if (code[i] == '0') {
				alt[i] = (i & 1) ? 'O' : 'o';
				any0 = true;
			} else if (code[i] == '1') {
				alt[i] = ones[k++ % 4];
				any1 = true;
			}
		}
		alt[strlen(code)] = '\0';
		assert_int_equal(recovery_decode(alt, back, &e), 0);
		assert_memory_equal(key, back, sizeof(key));
		checked_zero |= any0;
		checked_one |= any1;
	}
	assert_true(checked_zero && checked_one);
}

static void one_wrong_character(void **state)
{
	(void)state;
	uint8_t key[VAULT_KEY_BYTES], back[VAULT_KEY_BYTES];
	key_of(key, 3);
	char code[RECOVERY_CODE_MAX], bad[RECOVERY_CODE_MAX];
	recovery_encode(key, code);
	static const char alpha[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	int tried = 0, rejected = 0;
	for (size_t i = 0; code[i]; i++) {
		if (code[i] == '-')
			continue;
		for (int v = 0; v < 32; v++) {
			if (alpha[v] == code[i])
				continue;
			memcpy(bad, code, sizeof(code));
			bad[i] = alpha[v];
			struct error e;
			memset(back, 0, sizeof(back));
			int rc = recovery_decode(bad, back, &e);
			tried++;
			if (rc == -1) {
				assert_int_equal(e.code, E_AUTH);
				assert_string_equal(e.msg, "That recovery code does not look right; check it for typos.");
				rejected++;
			} else {
				/* A 16-bit checksum lets about 1 in 65536 through; the
				 * result is then a different key, never this one. */
				assert_memory_not_equal(back, key, sizeof(key));
			}
		}
	}
	assert_int_equal(tried, 55 * 31);
	assert_true(rejected >= tried - 2);
	/* this key's code catches every single substitution */
	assert_int_equal(rejected, tried);

	/* characters Crockford does not use */
	memcpy(bad, code, sizeof(code));
	bad[0] = 'U';
	struct error e;
	assert_int_equal(recovery_decode(bad, back, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	bad[0] = '*';
	assert_int_equal(recovery_decode(bad, back, &e), -1);
	assert_int_equal(e.code, E_AUTH);
}

static void wrong_length(void **state)
{
	(void)state;
	uint8_t key[VAULT_KEY_BYTES], back[VAULT_KEY_BYTES];
	key_of(key, 9);
	char code[RECOVERY_CODE_MAX], bad[RECOVERY_CODE_MAX + 8];
	recovery_encode(key, code);
	struct error e;
	/* every truncation */
	for (size_t len = 0; len < strlen(code); len++) {
		memcpy(bad, code, len);
		bad[len] = '\0';
		assert_int_equal(recovery_decode(bad, back, &e), -1);
		assert_int_equal(e.code, E_AUTH);
		assert_non_null(strstr(e.msg, "recovery code does not look right"));
	}
	/* one character too many */
	snprintf(bad, sizeof(bad), "%s0", code);
	assert_int_equal(recovery_decode(bad, back, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	/* a dropped character in the middle */
	size_t n = 0;
	for (size_t i = 0; code[i]; i++)
		if (i != 20)
			bad[n++] = code[i];
	bad[n] = '\0';
	assert_int_equal(recovery_decode(bad, back, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	assert_int_equal(recovery_decode(NULL, back, &e), -1);
	assert_int_equal(e.code, E_AUTH);
}

SUITE(recovery, cmocka_unit_test(round_trip), cmocka_unit_test(shape_of_the_code),
      cmocka_unit_test(forgiving_input), cmocka_unit_test(lookalikes),
      cmocka_unit_test(one_wrong_character), cmocka_unit_test(wrong_length))
