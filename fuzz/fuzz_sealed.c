/* fuzz_sealed: the readers of what crosses between client and therapist.
 * The input is read as a sealed report (sealed_parse, then seal_open with
 * a fixed key pair), as a therapist key file (seal_keyfile_public) and as
 * a public key line (seal_pk_parse). It is also sealed to the fixed key:
 * opening gives it back exactly, and any one changed byte (picked by the
 * input) makes opening fail with nothing written out; the same signed
 * (version 2) opens to the same text and names the signer. */
#include <string.h>

#include "crypto/secmem.h"
#include "crypto/seal.h"
#include "fuzz.h"

static uint8_t pk[SEAL_PK_BYTES], spk[SEAL_SIGN_PK_BYTES];
static uint8_t *sk, *seed;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct kdf_params kdf;
	uint8_t file[SEAL_KEYFILE_SIZE], again[SEAL_PK_BYTES];
	struct error e = {0};
	kdf_params_default(&kdf, true);
	sk = secmem_alloc(SEAL_SK_BYTES);
	FUZZ_CHECK(sk != NULL);
	FUZZ_CHECK(seal_keygen("fuzz", 4, &kdf, pk, file, &e) == 0);
	FUZZ_CHECK(seal_keyfile_unlock(file, sizeof(file), "fuzz", 4, again, sk, &e) == 0);
	FUZZ_CHECK(memcmp(pk, again, sizeof(pk)) == 0);
	seed = secmem_alloc(SEAL_SIGN_SEED_BYTES);
	FUZZ_CHECK(seed != NULL);
	FUZZ_CHECK(seal_sign_seed_new(seed, &e) == 0);
	FUZZ_CHECK(seal_sign_public(seed, spk, &e) == 0);
	return 0;
}

/* Seals data (signed with the fixed seed when sign), opens it again, then
 * changes one byte (picked by the input) and opening must fail. */
static void round_trip(const uint8_t *data, size_t size, bool sign)
{
	struct error e = {0};
	struct buf sealed = BUF_INIT, out = BUF_INIT;
	struct seal_sender from;
	FUZZ_CHECK(seal_data(pk, sign ? seed : NULL, data, size, &sealed, &e) == 0);
	FUZZ_CHECK(sealed.len ==
	           size + SEAL_HEADER_BYTES + SEAL_OVERHEAD + (sign ? SEAL_SIGNED_HEAD : 0));
	FUZZ_CHECK(seal_open((uint8_t *)sealed.data, sealed.len, pk, sk, &out, &from, &e) == 0);
	FUZZ_CHECK(out.len == size && (size == 0 || memcmp(out.data, data, size) == 0));
	FUZZ_CHECK(from.is_signed == sign);
	FUZZ_CHECK(!sign || memcmp(from.spk, spk, sizeof(spk)) == 0);
	buf_free(&out);
	size_t at = SEAL_HEADER_BYTES + (size ? data[0] * 131u % (sealed.len - SEAL_HEADER_BYTES) : 0);
	sealed.data[at] ^= (char)(size > 1 ? (data[1] | 1) : 1);
	FUZZ_CHECK(seal_open((uint8_t *)sealed.data, sealed.len, pk, sk, &out, NULL, &e) != 0);
	FUZZ_CHECK(out.len == 0 && e.code == E_CORRUPT);
	buf_free(&out);
	buf_free(&sealed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error e = {0};
	struct sealed_header h;
	struct buf out = BUF_INIT;
	if (sealed_parse(data, size, &h, &e) == 0) {
		FUZZ_CHECK(h.version == 1 || h.version == 2);
		FUZZ_CHECK(h.body == data + SEAL_HEADER_BYTES);
		FUZZ_CHECK(h.body_len == size - SEAL_HEADER_BYTES);
		FUZZ_CHECK(h.body_len >= SEAL_OVERHEAD);
		struct seal_sender from;
		if (seal_open(data, size, pk, sk, &out, &from, &e) == 0)
			FUZZ_CHECK(from.is_signed == (h.version == 2) &&
			           out.len == size - SEAL_HEADER_BYTES - SEAL_OVERHEAD -
			                          (from.is_signed ? SEAL_SIGNED_HEAD : 0));
		else
			FUZZ_CHECK(out.len == 0 && (e.code == E_FAIL || e.code == E_CORRUPT));
	} else {
		FUZZ_CHECK(e.code == E_CORRUPT || e.code == E_FAIL);
	}
	buf_free(&out);

	uint8_t got[SEAL_PK_BYTES];
	error_clear(&e);
	if (seal_keyfile_public(data, size, got, &e) == 0) {
		FUZZ_CHECK(size == SEAL_KEYFILE_SIZE);
		FUZZ_CHECK(memcmp(got, data + 16, SEAL_PK_BYTES) == 0);
	} else {
		FUZZ_CHECK(e.code == E_CORRUPT || e.code == E_FAIL);
	}

	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	error_clear(&e);
	if (seal_pk_parse(text, got, &e) == 0) {
		char line[SEAL_PK_TEXT_MAX];
		seal_pk_format(got, line);
		FUZZ_CHECK(strstr(text, line) != NULL);
	} else {
		FUZZ_CHECK(e.code == E_USAGE || e.code == E_FAIL);
	}
	free(text);

	/* Round trips, unsigned and signed, then one changed byte. */
	round_trip(data, size, false);
	round_trip(data, size, true);
	return 0;
}
