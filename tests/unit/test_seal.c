/* Sealed reports and the therapist's key file: the round trip, and each
 * way it must refuse (wrong key, wrong passphrase, a changed byte, a
 * mistyped public key). */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "crypto/seal.h"
#include "unit.h"
#include "util/buf.h"

static const char pass[] = "therapist pass";
static const char text[] = "# tend report\nmarker-seal-text: a calmer week\n";

static void make_key(uint8_t pk[SEAL_PK_BYTES], uint8_t kf[SEAL_KEYFILE_SIZE])
{
	struct kdf_params p;
	struct error e = {0};
	kdf_params_default(&p, true);
	if (seal_keygen(pass, strlen(pass), &p, pk, kf, &e))
		fail_msg("keygen: %s", e.msg);
}

static void round_trip(void **state)
{
	(void)state;
	uint8_t pk[SEAL_PK_BYTES], kf[SEAL_KEYFILE_SIZE];
	make_key(pk, kf);
	struct error e = {0};
	struct buf sealed = BUF_INIT, open = BUF_INIT;
	assert_int_equal(seal_data(pk, NULL, text, strlen(text), &sealed, &e), 0);
	assert_int_equal(sealed.len, SEAL_HEADER_BYTES + SEAL_OVERHEAD + strlen(text));
	assert_memory_equal(sealed.data, "TENDSEAL\x01", 9);
	assert_null(memmem(sealed.data, sealed.len, "marker-seal", 11));

	uint8_t pk2[SEAL_PK_BYTES];
	uint8_t *sk = secmem_alloc(SEAL_SK_BYTES);
	assert_non_null(sk);
	assert_int_equal(seal_keyfile_public(kf, sizeof(kf), pk2, &e), 0);
	assert_memory_equal(pk, pk2, sizeof(pk));
	memset(pk2, 0, sizeof(pk2));
	assert_int_equal(seal_keyfile_unlock(kf, sizeof(kf), pass, strlen(pass), pk2, sk, &e), 0);
	assert_memory_equal(pk, pk2, sizeof(pk));
	assert_int_equal(seal_open((uint8_t *)sealed.data, sealed.len, pk2, sk, &open, NULL, &e), 0);
	assert_int_equal(open.len, strlen(text));
	assert_string_equal(open.data, text);
	secmem_free(sk);
	buf_free(&sealed);
	buf_free(&open);
}

static void wrong_key_and_damage_are_told_apart(void **state)
{
	(void)state;
	uint8_t pk[SEAL_PK_BYTES], kf[SEAL_KEYFILE_SIZE];
	uint8_t pk_b[SEAL_PK_BYTES], kf_b[SEAL_KEYFILE_SIZE];
	make_key(pk, kf);
	make_key(pk_b, kf_b);
	struct error e = {0};
	struct buf sealed = BUF_INIT, open = BUF_INIT;
	assert_int_equal(seal_data(pk, NULL, text, strlen(text), &sealed, &e), 0);
	uint8_t *sk = secmem_alloc(SEAL_SK_BYTES);
	uint8_t got[SEAL_PK_BYTES];

	/* Another therapist's key. */
	assert_int_equal(seal_keyfile_unlock(kf_b, sizeof(kf_b), pass, strlen(pass), got, sk, &e), 0);
	assert_int_equal(seal_open((uint8_t *)sealed.data, sealed.len, got, sk, &open, NULL, &e), -1);
	assert_int_equal(e.code, E_FAIL);
	assert_non_null(strstr(e.msg, "different key"));
	assert_int_equal(open.len, 0);

	/* The right key, but one byte of the body changed: every byte counts. */
	assert_int_equal(seal_keyfile_unlock(kf, sizeof(kf), pass, strlen(pass), got, sk, &e), 0);
	for (size_t i = SEAL_HEADER_BYTES; i < sealed.len; i += 7) {
		sealed.data[i] ^= 0x01;
		error_clear(&e);
		assert_int_equal(seal_open((uint8_t *)sealed.data, sealed.len, got, sk, &open, NULL, &e), -1);
		assert_int_equal(e.code, E_CORRUPT);
		assert_non_null(strstr(e.msg, "damaged or changed"));
		assert_int_equal(open.len, 0);
		sealed.data[i] ^= 0x01;
	}
	/* Cut short, or not a sealed file at all. */
	assert_int_equal(seal_open((uint8_t *)sealed.data, sealed.len - 1, got, sk, &open, NULL, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	assert_int_equal(seal_open((const uint8_t *)text, strlen(text), got, sk, &open, NULL, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	assert_non_null(strstr(e.msg, "not a sealed tend report"));
	/* A newer format is named as such. */
	sealed.data[8] = 3;
	assert_int_equal(seal_open((uint8_t *)sealed.data, sealed.len, got, sk, &open, NULL, &e), -1);
	assert_int_equal(e.code, E_FAIL);
	assert_non_null(strstr(e.msg, "newer version"));
	secmem_free(sk);
	buf_free(&sealed);
	buf_free(&open);
}

static void key_file_refuses_wrong_pass_and_damage(void **state)
{
	(void)state;
	uint8_t pk[SEAL_PK_BYTES], kf[SEAL_KEYFILE_SIZE], got[SEAL_PK_BYTES];
	make_key(pk, kf);
	uint8_t *sk = secmem_alloc(SEAL_SK_BYTES);
	struct error e = {0};
	assert_int_equal(seal_keyfile_unlock(kf, sizeof(kf), "not it", 6, got, sk, &e), -1);
	assert_int_equal(e.code, E_AUTH);
	assert_non_null(strstr(e.msg, "Wrong passphrase"));
	/* Every byte of the file matters: a change is damage or a wrong
	 * passphrase (the wrapped key's tag), never a silent success. */
	for (size_t i = 0; i < sizeof(kf); i++) {
		kf[i] ^= 0x40;
		error_clear(&e);
		assert_int_equal(seal_keyfile_unlock(kf, sizeof(kf), pass, strlen(pass), got, sk, &e),
		                 -1);
		assert_true(e.code == E_CORRUPT || e.code == E_AUTH || e.code == E_FAIL);
		kf[i] ^= 0x40;
	}
	assert_int_equal(seal_keyfile_public(kf, sizeof(kf) - 1, got, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	/* The public half swapped for another key's: caught at once. */
	uint8_t pk_b[SEAL_PK_BYTES], kf_b[SEAL_KEYFILE_SIZE];
	make_key(pk_b, kf_b);
	memcpy(kf + 16, pk_b, SEAL_PK_BYTES);
	assert_int_equal(seal_keyfile_public(kf, sizeof(kf), got, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	secmem_free(sk);
}

static void public_key_text(void **state)
{
	(void)state;
	uint8_t pk[SEAL_PK_BYTES], kf[SEAL_KEYFILE_SIZE], got[SEAL_PK_BYTES];
	make_key(pk, kf);
	char line[SEAL_PK_TEXT_MAX];
	seal_pk_format(pk, line);
	assert_int_equal(strlen(line), 8 + 48);
	assert_memory_equal(line, "tendpk1:", 8);
	struct error e = {0};
	assert_int_equal(seal_pk_parse(line, got, &e), 0);
	assert_memory_equal(got, pk, sizeof(pk));
	char padded[SEAL_PK_TEXT_MAX + 8];
	snprintf(padded, sizeof(padded), "  %s\n", line);
	assert_int_equal(seal_pk_parse(padded, got, &e), 0);

	/* One character changed anywhere: the checksum catches it. */
	for (size_t i = 8; i < strlen(line); i++) {
		char typo[SEAL_PK_TEXT_MAX];
		memcpy(typo, line, sizeof(typo));
		typo[i] = typo[i] == 'A' ? 'B' : 'A';
		error_clear(&e);
		assert_int_equal(seal_pk_parse(typo, got, &e), -1);
		assert_int_equal(e.code, E_USAGE);
	}
	char cut[SEAL_PK_TEXT_MAX];
	memcpy(cut, line, sizeof(cut));
	cut[40] = '\0';
	assert_int_equal(seal_pk_parse(cut, got, &e), -1);
	assert_non_null(strstr(e.msg, "this one has 32"));
	assert_int_equal(seal_pk_parse(line + 1, got, &e), -1);
	assert_non_null(strstr(e.msg, "starts with 'tendpk1:'"));
	memcpy(cut, line, sizeof(cut));
	cut[20] = '*';
	assert_int_equal(seal_pk_parse(cut, got, &e), -1);
	assert_non_null(strstr(e.msg, "characters"));
	/* The key id a sealed file carries is that of its key. */
	uint8_t id[SEAL_KEY_ID_BYTES];
	struct buf sealed = BUF_INIT;
	seal_key_id(pk, id);
	assert_int_equal(seal_data(pk, NULL, "x", 1, &sealed, &e), 0);
	struct sealed_header h;
	assert_int_equal(sealed_parse((uint8_t *)sealed.data, sealed.len, &h, &e), 0);
	assert_memory_equal(h.key_id, id, sizeof(id));
	assert_int_equal(h.body_len, SEAL_OVERHEAD + 1);
	buf_free(&sealed);
}

/* A signed report names its sender; an unsigned one (what anyone holding
 * the public key can make) says it is not signed; a signature over other
 * text, or over the same text for another reader, does not hold. */
static void signed_reports_name_their_sender(void **state)
{
	(void)state;
	uint8_t pk[SEAL_PK_BYTES], kf[SEAL_KEYFILE_SIZE];
	uint8_t pk_b[SEAL_PK_BYTES], kf_b[SEAL_KEYFILE_SIZE];
	make_key(pk, kf);
	make_key(pk_b, kf_b);
	struct error e = {0};
	uint8_t *sk = secmem_alloc(SEAL_SK_BYTES), *sk_b = secmem_alloc(SEAL_SK_BYTES);
	uint8_t *seed = secmem_alloc(SEAL_SIGN_SEED_BYTES);
	assert_true(sk && sk_b && seed);
	assert_int_equal(seal_keyfile_unlock(kf, sizeof(kf), pass, strlen(pass), pk, sk, &e), 0);
	assert_int_equal(seal_keyfile_unlock(kf_b, sizeof(kf_b), pass, strlen(pass), pk_b, sk_b,
	                                     &e), 0);
	assert_int_equal(seal_sign_seed_new(seed, &e), 0);
	uint8_t spk[SEAL_SIGN_PK_BYTES];
	assert_int_equal(seal_sign_public(seed, spk, &e), 0);

	struct buf sealed = BUF_INIT, open = BUF_INIT;
	struct seal_sender from;
	assert_int_equal(seal_data(pk, seed, text, strlen(text), &sealed, &e), 0);
	assert_memory_equal(sealed.data, "TENDSEAL\x02", 9);
	assert_int_equal(sealed.len,
	                 SEAL_HEADER_BYTES + SEAL_OVERHEAD + SEAL_SIGNED_HEAD + strlen(text));
	memset(&from, 0xff, sizeof(from));
	assert_int_equal(seal_open((uint8_t *)sealed.data, sealed.len, pk, sk, &open, &from, &e), 0);
	assert_string_equal(buf_str(&open), text);
	assert_true(from.is_signed);
	assert_memory_equal(from.spk, spk, sizeof(spk));
	char f1[SEAL_FPR_TEXT_MAX], f2[SEAL_FPR_TEXT_MAX];
	seal_fingerprint(spk, f1);
	assert_int_equal(strlen(f1), 24);
	spk[0] ^= 1;
	seal_fingerprint(spk, f2);
	assert_string_not_equal(f1, f2);

	/* The older format opens, as unsigned. */
	struct buf old = BUF_INIT;
	buf_clear(&open);
	assert_int_equal(seal_data(pk, NULL, text, strlen(text), &old, &e), 0);
	assert_int_equal(seal_open((uint8_t *)old.data, old.len, pk, sk, &open, &from, &e), 0);
	assert_string_equal(buf_str(&open), text);
	assert_false(from.is_signed);

	/* The inner text of the signed report, changed and sealed again with
	 * the public key alone: the signature no longer holds. */
	size_t n = sealed.len - SEAL_HEADER_BYTES - SEAL_OVERHEAD;
	uint8_t inner[1024], again[1024 + SEAL_HEADER_BYTES + SEAL_OVERHEAD];
	assert_true(n <= sizeof(inner));
	assert_int_equal(crypto_box_seal_open(inner, (uint8_t *)sealed.data + SEAL_HEADER_BYTES,
	                                      sealed.len - SEAL_HEADER_BYTES, pk, sk), 0);
	inner[SEAL_SIGNED_HEAD + 2] ^= 1;
	memcpy(again, sealed.data, SEAL_HEADER_BYTES);
	assert_int_equal(crypto_box_seal(again + SEAL_HEADER_BYTES, inner, n, pk), 0);
	buf_clear(&open);
	assert_int_equal(seal_open(again, sealed.len, pk, sk, &open, &from, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	assert_non_null(strstr(e.msg, "signature does not hold"));
	assert_int_equal(open.len, 0);

	/* The same signed text passed on, sealed for another therapist: the
	 * signature names the reader it was made for. */
	inner[SEAL_SIGNED_HEAD + 2] ^= 1;
	seal_key_id(pk_b, again + 12);
	assert_int_equal(crypto_box_seal(again + SEAL_HEADER_BYTES, inner, n, pk_b), 0);
	assert_int_equal(seal_open(again, sealed.len, pk_b, sk_b, &open, &from, &e), -1);
	assert_int_equal(e.code, E_CORRUPT);
	/* ...while the untouched inner text, resealed for its own reader, opens. */
	seal_key_id(pk, again + 12);
	assert_int_equal(crypto_box_seal(again + SEAL_HEADER_BYTES, inner, n, pk), 0);
	assert_int_equal(seal_open(again, sealed.len, pk, sk, &open, &from, &e), 0);
	assert_true(from.is_signed);

	sodium_memzero(inner, sizeof(inner));
	secmem_free(sk);
	secmem_free(sk_b);
	secmem_free(seed);
	buf_free(&sealed);
	buf_free(&old);
	buf_free(&open);
}

SUITE(seal, cmocka_unit_test(round_trip), cmocka_unit_test(wrong_key_and_damage_are_told_apart),
      cmocka_unit_test(key_file_refuses_wrong_pass_and_damage), cmocka_unit_test(public_key_text),
      cmocka_unit_test(signed_reports_name_their_sender))
