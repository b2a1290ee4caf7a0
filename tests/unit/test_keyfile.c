#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "crypto/keyfile.h"
#include "crypto/secmem.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"

static const uint8_t test_key[VAULT_KEY_BYTES] = {
	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa,
	0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab,
	0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
};

/* A key file for test_key under "pass", with the fast limits. */
static void make_keyfile(struct keyfile *kf, const char *pass)
{
	struct kdf_params p;
	struct error e;
	kdf_params_default(&p, true);
	memset(kf, 0, sizeof(*kf));
	memset(kf->vault_id, 0x5a, sizeof(kf->vault_id));
	assert_int_equal(crypto_init(), 0);
	assert_int_equal(keyfile_wrap(kf, &p, pass, strlen(pass), test_key, &e), 0);
}

static void wrap_unwrap_round_trip(void **state)
{
	(void)state;
	struct keyfile kf;
	make_keyfile(&kf, "correct horse battery staple");
	uint8_t vid[VAULT_ID_BYTES];
	memset(vid, 0x5a, sizeof(vid));
	assert_memory_equal(kf.vault_id, vid, sizeof(vid)); /* kept as it was */
	struct kdf_params fast;
	kdf_params_default(&fast, true);
	assert_true(kf.kdf.opslimit == fast.opslimit && kf.kdf.memlimit == fast.memlimit);

	uint8_t key[VAULT_KEY_BYTES];
	struct error e;
	const char *pass = "correct horse battery staple";
	assert_int_equal(keyfile_unwrap(&kf, pass, strlen(pass), key, &e), 0);
	assert_memory_equal(key, test_key, sizeof(key));

	/* Wrapping again picks a fresh salt and nonce. */
	struct keyfile again = kf;
	assert_int_equal(keyfile_wrap(&again, &fast, pass, strlen(pass), test_key, &e), 0);
	assert_memory_not_equal(again.salt, kf.salt, sizeof(kf.salt));
	assert_memory_not_equal(again.nonce, kf.nonce, sizeof(kf.nonce));
}

static void default_limits_are_sane(void **state)
{
	(void)state;
	struct kdf_params p, fast;
	kdf_params_default(&p, false);
	kdf_params_default(&fast, true);
	assert_true(p.opslimit >= 3);
	assert_true(p.memlimit >= 128u * 1024 * 1024);
	assert_true(fast.opslimit <= p.opslimit && fast.memlimit < p.memlimit);
}

static void wrong_passphrase_is_auth(void **state)
{
	(void)state;
	struct keyfile kf;
	make_keyfile(&kf, "right");
	uint8_t key[VAULT_KEY_BYTES];
	memset(key, 0x77, sizeof(key));
	struct error e;
	assert_int_equal(keyfile_unwrap(&kf, "wrong", 5, key, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	assert_non_null(strstr(e.msg, "Wrong passphrase. Nothing was changed."));
	assert_non_null(strstr(e.msg, "tend recover"));
	/* A prefix of the right passphrase is wrong too. */
	assert_int_equal(keyfile_unwrap(&kf, "righ", 4, key, &e), -1);
	assert_int_equal(e.code, E_AUTH);
}

static void tampered_header_is_auth(void **state)
{
	(void)state;
	struct keyfile kf;
	make_keyfile(&kf, "pw");
	uint8_t key[VAULT_KEY_BYTES];
	struct error e;
	/* The vault id is associated data: changing it breaks the tag. */
	struct keyfile t = kf;
	t.vault_id[0] ^= 1;
	assert_int_equal(keyfile_unwrap(&t, "pw", 2, key, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	t = kf;
	t.wrapped[3] ^= 0x80;
	assert_int_equal(keyfile_unwrap(&t, "pw", 2, key, &e), -1);
	assert_int_equal(e.code, E_AUTH);
}

static void empty_and_long_passphrases(void **state)
{
	(void)state;
	struct kdf_params p;
	kdf_params_default(&p, true);
	struct keyfile kf;
	memset(&kf, 0, sizeof(kf));
	struct error e;
	uint8_t key[VAULT_KEY_BYTES];

	assert_int_equal(keyfile_wrap(&kf, &p, "", 0, test_key, &e), 0);
	assert_int_equal(keyfile_unwrap(&kf, "", 0, key, &e), 0);
	assert_memory_equal(key, test_key, sizeof(key));
	assert_int_equal(keyfile_unwrap(&kf, " ", 1, key, &e), -1);
	assert_int_equal(e.code, E_AUTH);

	size_t n = 10000;
	char *longpass = malloc(n);
	assert_non_null(longpass);
	for (size_t i = 0; i < n; i++)
		longpass[i] = (char)('a' + i % 26);
	assert_int_equal(keyfile_wrap(&kf, &p, longpass, n, test_key, &e), 0);
	memset(key, 0, sizeof(key));
	assert_int_equal(keyfile_unwrap(&kf, longpass, n, key, &e), 0);
	assert_memory_equal(key, test_key, sizeof(key));
	/* Every byte counts, even the last. */
	longpass[n - 1] ^= 1;
	assert_int_equal(keyfile_unwrap(&kf, longpass, n, key, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	free(longpass);
}

static void encode_decode_round_trip(void **state)
{
	(void)state;
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	uint8_t bytes[KEYFILE_SIZE];
	keyfile_encode(&kf, bytes);
	assert_memory_equal(bytes, "TENDKEY\0", 8);
	assert_int_equal(bytes[8], 1);
	assert_int_equal(bytes[9], 2);
	/* little-endian limits */
	assert_int_equal(bytes[16], (uint8_t)kf.kdf.opslimit);
	assert_int_equal(bytes[24], (uint8_t)kf.kdf.memlimit);
	assert_int_equal(bytes[25], (uint8_t)(kf.kdf.memlimit >> 8));
	assert_memory_equal(bytes + 32, kf.salt, 16);
	assert_memory_equal(bytes + 48, kf.vault_id, 16);
	assert_memory_equal(bytes + 64, kf.nonce, 24);
	assert_memory_equal(bytes + 88, kf.wrapped, 48);

	struct error e;
	assert_int_equal(keyfile_decode(bytes, sizeof(bytes), &back, &e), 0);
	assert_memory_equal(&back.kdf, &kf.kdf, sizeof(kf.kdf));
	assert_memory_equal(back.salt, kf.salt, sizeof(kf.salt));
	assert_memory_equal(back.vault_id, kf.vault_id, sizeof(kf.vault_id));
	assert_memory_equal(back.nonce, kf.nonce, sizeof(kf.nonce));
	assert_memory_equal(back.wrapped, kf.wrapped, sizeof(kf.wrapped));
	uint8_t key[VAULT_KEY_BYTES];
	assert_int_equal(keyfile_unwrap(&back, "pw", 2, key, &e), 0);
	assert_memory_equal(key, test_key, sizeof(key));
}

static void every_bit_flip_is_rejected(void **state)
{
	(void)state;
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	uint8_t good[KEYFILE_SIZE], bad[KEYFILE_SIZE];
	keyfile_encode(&kf, good);
	for (size_t i = 0; i < KEYFILE_SIZE; i++) {
		for (int b = 0; b < 8; b++) {
			memcpy(bad, good, sizeof(bad));
			bad[i] ^= (uint8_t)(1u << b);
			struct error e;
			error_clear(&e);
			int rc = keyfile_decode(bad, sizeof(bad), &back, &e);
			if (rc != -1)
				fail_msg("flip of byte %zu bit %d was accepted", i, b);
			if (i == 8) {
				assert_true(e.code == E_FAIL || e.code == E_CORRUPT);
			} else if (e.code != E_CORRUPT) {
				fail_msg("flip of byte %zu bit %d gave code %d", i, b, e.code);
			}
			assert_true(e.msg[0] != '\0');
		}
	}
}

static void truncated_and_empty(void **state)
{
	(void)state;
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	uint8_t bytes[KEYFILE_SIZE + 1];
	keyfile_encode(&kf, bytes);
	bytes[KEYFILE_SIZE] = 0;
	struct error e;
	size_t lens[] = {0, 1, 8, 9, 64, 136, KEYFILE_SIZE - 1, KEYFILE_SIZE + 1};
	for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		assert_int_equal(keyfile_decode(bytes, lens[i], &back, &e), -1);
		assert_int_equal(e.code, E_CORRUPT);
		assert_string_equal(e.msg, "The vault's key file is damaged.");
	}
	assert_int_equal(keyfile_decode(NULL, 0, &back, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
}

static void newer_version_message(void **state)
{
	(void)state;
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	uint8_t bytes[KEYFILE_SIZE];
	keyfile_encode(&kf, bytes);
	struct error e;
	for (int v = 2; v < 256; v += 37) {
		bytes[8] = (uint8_t)v;
		assert_int_equal(keyfile_decode(bytes, sizeof(bytes), &back, &e), -1);
		assert_int_equal(e.code, E_FAIL);
		assert_non_null(strstr(e.msg, "newer version of tend"));
	}
	/* Even when a later format is a different size. */
	uint8_t longer[300];
	memset(longer, 0, sizeof(longer));
	memcpy(longer, bytes, sizeof(bytes));
	longer[8] = 2;
	assert_int_equal(keyfile_decode(longer, sizeof(longer), &back, &e), -1);
	assert_int_equal(e.code, E_FAIL);
	/* Version 0 is not a newer tend; it is damage. */
	bytes[8] = 0;
	assert_int_equal(keyfile_decode(bytes, sizeof(bytes), &back, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
}

static void out_of_range_limits_are_corrupt(void **state)
{
	(void)state;
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	uint8_t bytes[KEYFILE_SIZE];
	struct error e;
	struct keyfile t = kf;
	t.kdf.opslimit = 0;
	keyfile_encode(&t, bytes); /* a consistent checksum over bad limits */
	assert_int_equal(keyfile_decode(bytes, sizeof(bytes), &back, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	t = kf;
	t.kdf.memlimit = 1024;
	keyfile_encode(&t, bytes);
	assert_int_equal(keyfile_decode(bytes, sizeof(bytes), &back, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	t = kf;
	t.kdf.memlimit = UINT64_MAX;
	keyfile_encode(&t, bytes);
	assert_int_equal(keyfile_decode(bytes, sizeof(bytes), &back, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	t = kf;
	t.kdf.opslimit = UINT64_MAX;
	keyfile_encode(&t, bytes);
	assert_int_equal(keyfile_decode(bytes, sizeof(bytes), &back, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	/* unwrap refuses such limits too instead of trying them */
	uint8_t key[VAULT_KEY_BYTES];
	assert_int_equal(keyfile_unwrap(&t, "pw", 2, key, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	/* and wrap will not make a key file with them */
	struct kdf_params bad = {0, 0};
	t = kf;
	assert_int_equal(keyfile_wrap(&t, &bad, "pw", 2, test_key, &e), -1);
	assert_memory_equal(&t, &kf, sizeof(kf)); /* unchanged */
}

/* decode_limits: keyfile_decode of kf with these limits and a checksum
 * that matches them (what an edited file with its checksum redone looks
 * like); returns decode's result with e filled. */
static int decode_limits(const struct keyfile *kf, uint64_t ops, uint64_t mem,
                         struct error *e)
{
	struct keyfile t = *kf, back;
	t.kdf.opslimit = ops;
	t.kdf.memlimit = mem;
	uint8_t bytes[KEYFILE_SIZE];
	keyfile_encode(&t, bytes);
	error_clear(e);
	return keyfile_decode(bytes, sizeof(bytes), &back, e);
}

/* A key file read from disk may not ask for hours of Argon2id: the caps
 * are 16 passes, 4 GiB, and 16 GiB of passes in all. */
static void limits_past_the_cap_are_refused(void **state)
{
	(void)state;
	struct keyfile kf;
	make_keyfile(&kf, "pw");
	struct error e;
	const uint64_t MiB = 1024 * 1024, GiB = 1024 * MiB;
	/* today's defaults and the edges of the caps are read */
	assert_int_equal(decode_limits(&kf, 3, 256 * MiB, &e), 0);
	assert_int_equal(decode_limits(&kf, 16, 8192, &e), 0);
	assert_int_equal(decode_limits(&kf, 1, 4 * GiB, &e), 0);
	assert_int_equal(decode_limits(&kf, 4, 4 * GiB, &e), 0);
	assert_int_equal(decode_limits(&kf, 16, 1 * GiB, &e), 0);
	/* one step past each is damage, and the message says what was asked */
	const struct {
		uint64_t ops, mem;
		const char *says;
	} bad[] = {
		{17, 8192, "17 passes over 8 KiB"},
		{UINT32_MAX, 8192, "4294967295 passes"},
		{(uint64_t)UINT32_MAX + 1, 8192, "4294967296 passes"},
		{1, 4 * GiB + 1024, "1 passes over 4194305 KiB"},
		{3, 64 * GiB, "3 passes"},
		{5, 4 * GiB, "5 passes over 4194304 KiB"},
		{16, GiB + 1024, "16 passes"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (decode_limits(&kf, bad[i].ops, bad[i].mem, &e) != -1)
			fail_msg("limits %llu x %llu were accepted", (unsigned long long)bad[i].ops,
			         (unsigned long long)bad[i].mem);
		assert_int_equal(e.code, E_CORRUPT);
		assert_non_null(strstr(e.msg, bad[i].says));
		assert_non_null(strstr(e.msg, "damaged or was not written by tend"));
		assert_non_null(strstr(e.msg, "at most 16 passes, 4096 MiB"));
	}
	/* unwrap refuses them before deriving anything (not a wrong passphrase) */
	struct keyfile t = kf;
	t.kdf.opslimit = 17;
	uint8_t key[VAULT_KEY_BYTES];
	assert_int_equal(keyfile_unwrap(&t, "pw", 2, key, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	/* and wrap will not write them */
	struct kdf_params p = {17, 8192};
	t = kf;
	assert_int_equal(keyfile_wrap(&t, &p, "pw", 2, test_key, &e), -1);
	assert_memory_equal(&t, &kf, sizeof(kf));
}

/* Test helpers for files in the vault folder. */
static char *file_in(const char *dir, const char *name)
{
	char *p = path_join(dir, name);
	assert_non_null(p);
	return p;
}

static bool present(const char *dir, const char *name)
{
	char *p = file_in(dir, name);
	bool r = access(p, F_OK) == 0;
	free(p);
	return r;
}

static void put_bytes(const char *dir, const char *name, const void *data, size_t len)
{
	char *p = file_in(dir, name);
	struct error e;
	assert_int_equal(atomic_write(p, data, len, 0600, &e), 0);
	free(p);
}

static void flip_byte(const char *dir, const char *name, size_t off)
{
	char *p = file_in(dir, name);
	struct buf b = BUF_INIT;
	struct error e;
	assert_int_equal(read_file(p, 4096, &b, NULL, &e), 0);
	assert_true(off < b.len);
	b.data[off] ^= 0x01;
	assert_int_equal(atomic_write(p, b.data, b.len, 0600, &e), 0);
	buf_free(&b);
	free(p);
}

static void remove_file(const char *dir, const char *name)
{
	char *p = file_in(dir, name);
	assert_int_equal(unlink(p), 0);
	free(p);
}

static void save_load_round_trip(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	struct error e;
	assert_false(keyfile_exists(dir));
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	assert_true(keyfile_exists(dir));
	assert_true(present(dir, "key"));
	assert_true(present(dir, "key.bak"));
	for (int i = 0; i < 2; i++) {
		char *p = file_in(dir, i ? "key.bak" : "key");
		struct stat st;
		assert_int_equal(stat(p, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0600);
		assert_int_equal(st.st_size, KEYFILE_SIZE);
		free(p);
	}
	bool used_backup = true;
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), 0);
	assert_false(used_backup);
	uint8_t key[VAULT_KEY_BYTES];
	assert_int_equal(keyfile_unwrap(&back, "pw", 2, key, &e), 0);
	assert_memory_equal(key, test_key, sizeof(key));
	assert_memory_equal(back.vault_id, kf.vault_id, sizeof(kf.vault_id));
	test_rmtree(dir);
	free(dir);
}

static void damaged_key_falls_back_to_backup(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	struct error e;
	uint8_t key[VAULT_KEY_BYTES];
	bool used_backup = false;

	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	flip_byte(dir, "key", 100);
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), 0);
	assert_true(used_backup);
	assert_int_equal(keyfile_unwrap(&back, "pw", 2, key, &e), 0);
	assert_memory_equal(key, test_key, sizeof(key));

	/* a truncated key, then an empty one */
	uint8_t bytes[KEYFILE_SIZE];
	keyfile_encode(&kf, bytes);
	put_bytes(dir, "key", bytes, 100);
	used_backup = false;
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), 0);
	assert_true(used_backup);
	put_bytes(dir, "key", bytes, 0);
	used_backup = false;
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), 0);
	assert_true(used_backup);

	/* a missing key */
	remove_file(dir, "key");
	used_backup = false;
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), 0);
	assert_true(used_backup);
	assert_true(keyfile_exists(dir));

	/* only the backup damaged: key is used */
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	flip_byte(dir, "key.bak", 3);
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), 0);
	assert_false(used_backup);
	test_rmtree(dir);
	free(dir);
}

/* bytes of kf with its header (bytes 0..64) edited and the unkeyed
 * checksum redone: intact by the checksum, but the AEAD refuses it. */
static void put_edited(const char *dir, const char *name, const struct keyfile *kf, size_t off)
{
	struct keyfile t = *kf;
	uint8_t bytes[KEYFILE_SIZE];
	assert_true(off >= 32 && off < 64); /* salt or vault id */
	if (off < 48)
		t.salt[off - 32] ^= 0x01;
	else
		t.vault_id[off - 48] ^= 0x01;
	keyfile_encode(&t, bytes);
	put_bytes(dir, name, bytes, sizeof(bytes));
}

static void unlock_tries_backup_when_key_does_not_open(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct keyfile kf, got;
	make_keyfile(&kf, "pw");
	struct error e;
	uint8_t key[VAULT_KEY_BYTES], want[KEYFILE_SIZE], have[KEYFILE_SIZE];
	keyfile_encode(&kf, want);
	bool used_backup = true;

	/* both intact: key is used */
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	assert_int_equal(keyfile_unlock(dir, "pw", 2, &got, key, &used_backup, &e), 0);
	assert_false(used_backup);
	assert_memory_equal(key, test_key, sizeof(key));

	/* key's salt edited, checksum redone: it reads as intact... */
	put_edited(dir, "key", &kf, 33);
	assert_int_equal(keyfile_load(dir, &got, &used_backup, &e), 0);
	assert_false(used_backup);
	/* ...but does not open, and key.bak does */
	memset(key, 0, sizeof(key));
	assert_int_equal(keyfile_unlock(dir, "pw", 2, &got, key, &used_backup, &e), 0);
	assert_true(used_backup);
	assert_memory_equal(key, test_key, sizeof(key));
	keyfile_encode(&got, have);
	assert_memory_equal(have, want, sizeof(want)); /* key.bak's copy, to mend key with */

	/* a wrong passphrase fails on both: wrong passphrase */
	assert_int_equal(keyfile_unlock(dir, "nope", 4, &got, key, &used_backup, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	assert_non_null(strstr(e.msg, "Wrong passphrase"));

	/* the vault id edited the same way in key.bak: neither opens */
	put_edited(dir, "key.bak", &kf, 50);
	assert_int_equal(keyfile_unlock(dir, "pw", 2, &got, key, &used_backup, &e), -1);
	assert_int_equal(e.code, E_AUTH);

	/* key.bak edited, key intact: key is used, as before */
	put_bytes(dir, "key", want, sizeof(want));
	assert_int_equal(keyfile_unlock(dir, "pw", 2, &got, key, &used_backup, &e), 0);
	assert_false(used_backup);

	/* key asking for limits past the cap (checksum redone) is damage:
	 * key.bak opens, nothing is derived with those limits */
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	struct keyfile t = kf;
	t.kdf.opslimit = UINT32_MAX;
	uint8_t bytes[KEYFILE_SIZE];
	keyfile_encode(&t, bytes);
	put_bytes(dir, "key", bytes, sizeof(bytes));
	assert_int_equal(keyfile_unlock(dir, "pw", 2, &got, key, &used_backup, &e), 0);
	assert_true(used_backup);

	/* key edited and key.bak missing: the one copy there says wrong
	 * passphrase */
	put_edited(dir, "key", &kf, 40);
	remove_file(dir, "key.bak");
	assert_int_equal(keyfile_unlock(dir, "pw", 2, &got, key, &used_backup, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	/* and with no key at all, "no vault" as keyfile_load says it */
	remove_file(dir, "key");
	assert_int_equal(keyfile_unlock(dir, "pw", 2, &got, key, &used_backup, &e), -1);
	assert_int_equal(e.code, E_FAIL);
	assert_non_null(strstr(e.msg, "tend init"));
	test_rmtree(dir);
	free(dir);
}

static void both_damaged_is_corrupt(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	struct error e;
	bool used_backup;
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	flip_byte(dir, "key", 40);
	flip_byte(dir, "key.bak", 150);
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	assert_non_null(strstr(e.msg, "damaged"));

	/* one damaged, the other missing: still damage, not "no vault" */
	remove_file(dir, "key.bak");
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	test_rmtree(dir);
	free(dir);
}

static void no_vault_is_fail(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct keyfile back;
	struct error e;
	bool used_backup;
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), -1);
	assert_int_equal(e.code, E_FAIL);
	assert_non_null(strstr(e.msg, "tend init"));
	assert_non_null(strstr(e.msg, dir));
	assert_false(keyfile_exists(dir));
	/* a folder that is not there at all */
	char *sub = file_in(dir, "nowhere");
	assert_int_equal(keyfile_load(sub, &back, &used_backup, &e), -1);
	assert_int_equal(e.code, E_FAIL);
	assert_non_null(strstr(e.msg, "tend init"));
	assert_false(keyfile_exists(sub));
	free(sub);
	test_rmtree(dir);
	free(dir);
}

static void newer_key_file_on_disk(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	struct error e;
	bool used_backup;
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	uint8_t bytes[KEYFILE_SIZE];
	keyfile_encode(&kf, bytes);
	bytes[8] = 2;
	put_bytes(dir, "key", bytes, sizeof(bytes));
	/* An older backup must not be used in place of a newer key file. */
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), -1);
	assert_int_equal(e.code, E_FAIL);
	assert_non_null(strstr(e.msg, "newer version"));
	test_rmtree(dir);
	free(dir);
}

static void shred_removes_both(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct keyfile kf, back;
	make_keyfile(&kf, "pw");
	struct error e;
	bool used_backup;
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	put_bytes(dir, "other", "keep me", 7);
	/* a temporary copy a crash might have left behind */
	uint8_t bytes[KEYFILE_SIZE];
	keyfile_encode(&kf, bytes);
	put_bytes(dir, "key.tmp-AbC123", bytes, sizeof(bytes));

	/* A second name for key's inode shows what happened to its bytes. */
	char *kpath = file_in(dir, "key"), *peek = file_in(dir, "peek");
	assert_int_equal(link(kpath, peek), 0);

	assert_int_equal(keyfile_shred(dir, &e), 0);
	struct buf b = BUF_INIT;
	assert_int_equal(read_file(peek, 4096, &b, NULL, &e), 0);
	assert_int_equal(b.len, KEYFILE_SIZE);
	assert_memory_not_equal(b.data, bytes, 16); /* overwritten in place */
	assert_memory_not_equal(b.data + 88, bytes + 88, 48);
	buf_free(&b);
	free(kpath);
	free(peek);
	assert_false(present(dir, "key"));
	assert_false(present(dir, "key.bak"));
	assert_false(present(dir, "key.tmp-AbC123"));
	assert_true(present(dir, "other"));
	assert_false(keyfile_exists(dir));
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), -1);
	assert_int_equal(e.code, E_FAIL);

	/* nothing to shred is fine, and so is only one copy */
	assert_int_equal(keyfile_shred(dir, &e), 0);
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	remove_file(dir, "key");
	assert_int_equal(keyfile_shred(dir, &e), 0);
	assert_false(keyfile_exists(dir));
	test_rmtree(dir);
	free(dir);
}

static bool same_files(const char *dir, const char *a, const char *b)
{
	char *pa = file_in(dir, a), *pb = file_in(dir, b);
	struct buf x = BUF_INIT, y = BUF_INIT;
	struct error e;
	bool same = read_file(pa, 4096, &x, NULL, &e) == 0 && read_file(pb, 4096, &y, NULL, &e) == 0 &&
	            x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
	buf_free(&x);
	buf_free(&y);
	free(pa);
	free(pb);
	return same;
}

/* key.bak left different from key (a save that failed after writing it),
 * damaged or missing is made key's copy again; a damaged key is left for
 * keyfile_load to fall back from, with key.bak untouched. */
static void mend_backup_from_key(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	struct keyfile kf, other;
	make_keyfile(&kf, "pw");
	make_keyfile(&other, "a passphrase that failed to take");
	struct error e;
	assert_int_equal(keyfile_save(dir, &other, &e), 0);
	char *bak = file_in(dir, "key.bak"), *old = file_in(dir, "old.bak");
	assert_int_equal(rename(bak, old), 0);
	assert_int_equal(keyfile_save(dir, &kf, &e), 0);
	assert_int_equal(rename(old, bak), 0);
	assert_false(same_files(dir, "key", "key.bak"));
	assert_int_equal(keyfile_mend_backup(dir, &e), 0);
	assert_true(same_files(dir, "key", "key.bak"));

	flip_byte(dir, "key.bak", 100);
	assert_int_equal(keyfile_mend_backup(dir, &e), 0);
	assert_true(same_files(dir, "key", "key.bak"));

	remove_file(dir, "key.bak");
	assert_int_equal(keyfile_mend_backup(dir, &e), 0);
	assert_true(same_files(dir, "key", "key.bak"));

	flip_byte(dir, "key", 100);
	assert_int_equal(keyfile_mend_backup(dir, &e), 0);
	assert_false(same_files(dir, "key", "key.bak"));
	struct keyfile back;
	bool used_backup = false;
	assert_int_equal(keyfile_load(dir, &back, &used_backup, &e), 0);
	assert_true(used_backup);
	free(bak);
	free(old);
	test_rmtree(dir);
	free(dir);
}

/* What a killed key file write leaves ("key.tmp-XXXXXX") is shredded: a
 * second name for the same file sees its bytes overwritten. Other files
 * stay. */
static void clean_tmp_shreds_leftovers(void **state)
{
	(void)state;
	char *dir = test_tmpdir();
	static const char wrapped[] = "a wrapped key, as a killed write left it";
	put_bytes(dir, "key.tmp-Ab12Cd", wrapped, sizeof wrapped);
	put_bytes(dir, "key.bak.tmp-Ef34Gh", wrapped, sizeof wrapped);
	put_bytes(dir, "keep", wrapped, sizeof wrapped);
	char *tmp = file_in(dir, "key.tmp-Ab12Cd"), *seen = file_in(dir, "seen");
	assert_int_equal(link(tmp, seen), 0);
	keyfile_clean_tmp(dir);
	assert_false(present(dir, "key.tmp-Ab12Cd"));
	assert_false(present(dir, "key.bak.tmp-Ef34Gh"));
	assert_true(present(dir, "keep"));
	struct buf b = BUF_INIT;
	struct error e;
	assert_int_equal(read_file(seen, 4096, &b, NULL, &e), 0);
	assert_int_equal(b.len, sizeof wrapped);
	assert_memory_not_equal(b.data, wrapped, sizeof wrapped);
	buf_free(&b);
	free(tmp);
	free(seen);
	test_rmtree(dir);
	free(dir);
}

SUITE(keyfile, cmocka_unit_test(wrap_unwrap_round_trip), cmocka_unit_test(default_limits_are_sane),
      cmocka_unit_test(wrong_passphrase_is_auth), cmocka_unit_test(tampered_header_is_auth),
      cmocka_unit_test(empty_and_long_passphrases), cmocka_unit_test(encode_decode_round_trip),
      cmocka_unit_test(every_bit_flip_is_rejected), cmocka_unit_test(truncated_and_empty),
      cmocka_unit_test(newer_version_message), cmocka_unit_test(out_of_range_limits_are_corrupt),
      cmocka_unit_test(limits_past_the_cap_are_refused),
      cmocka_unit_test(save_load_round_trip), cmocka_unit_test(damaged_key_falls_back_to_backup),
      cmocka_unit_test(both_damaged_is_corrupt),
      cmocka_unit_test(unlock_tries_backup_when_key_does_not_open), cmocka_unit_test(no_vault_is_fail),
      cmocka_unit_test(newer_key_file_on_disk), cmocka_unit_test(shred_removes_both),
      cmocka_unit_test(mend_backup_from_key), cmocka_unit_test(clean_tmp_shreds_leftovers))
