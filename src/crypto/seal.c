/* seal.c: sealed reports (crypto_box_seal) and the therapist's key pair.
 *
 * Therapist key file, SEAL_KEYFILE_SIZE = 216 bytes:
 *
 *     0   8  magic "TENDTKEY"
 *     8   1  format version = 1
 *     9   7  zero
 *    16  32  public key (X25519)
 *    48 168  a crypto/keyfile.h key file: the 32-byte secret key wrapped
 *            under the passphrase (Argon2id, XChaCha20-Poly1305); its
 *            vault_id field holds the first 16 bytes of the public key,
 *            so the AEAD binds the two halves together.
 *
 * Sealed report, SEAL_HEADER_BYTES = 20 bytes of head, then the body:
 *
 *     0   8  magic "TENDSEAL"
 *     8   1  format version = 1
 *     9   3  zero
 *    12   8  key id: BLAKE2b-64 of the reader's public key (domain
 *            separated), so a report opened with the wrong key says so
 *            instead of looking damaged
 *    20   -  crypto_box_seal(inner, public key): 48 bytes more than the
 *            inner text. A sealed box hides the text from everyone but the
 *            reader and shows a change to it, but it says nothing about
 *            who made it: anyone with the public key can make one.
 *
 * So in version 2 the inner text starts with who made it:
 *
 *     0  32  the sender's public signing key (Ed25519, one per vault)
 *    32  64  signature over BLAKE2b-512("tend sealed report v2", reader's
 *            key id, report), binding the report to this reader too
 *    96   -  the report
 *
 * Version 1 (older tend) holds the report alone: it opens, as unsigned.
 *
 * The public key as text: "tendpk1:" + base64url without padding of
 * pk (32 bytes) || checksum (4 bytes: BLAKE2b of "tendpk1" and pk). */
#include "crypto/seal.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"

#define TK_VERSION 1
#define TK_HEAD 48
#define SEAL_VERSION 2
#define SEAL_VERSION_UNSIGNED 1
#define PK_SUM_BYTES 4
#define PK_B64_LEN 48 /* base64 of 36 bytes, no padding */

static const uint8_t tk_magic[8] = {'T', 'E', 'N', 'D', 'T', 'K', 'E', 'Y'};
static const uint8_t seal_magic[8] = {'T', 'E', 'N', 'D', 'S', 'E', 'A', 'L'};

static const char msg_tk_damaged[] = "The key file is damaged (or is not a tend therapist key).";

_Static_assert(SEAL_PK_BYTES == crypto_box_PUBLICKEYBYTES, "public key size");
_Static_assert(SEAL_SK_BYTES == crypto_box_SECRETKEYBYTES, "secret key size");
_Static_assert(SEAL_SK_BYTES == VAULT_KEY_BYTES, "the key file wraps 32-byte keys");
_Static_assert(SEAL_OVERHEAD == crypto_box_SEALBYTES, "sealed box overhead");
_Static_assert(SEAL_PK_TEXT_MAX > sizeof(SEAL_PK_PREFIX) - 1 + PK_B64_LEN, "text fits");
_Static_assert(SEAL_SIGN_SEED_BYTES == crypto_sign_SEEDBYTES, "signing seed size");
_Static_assert(SEAL_SIGN_PK_BYTES == crypto_sign_PUBLICKEYBYTES, "signing key size");
_Static_assert(SEAL_SIG_BYTES == crypto_sign_BYTES, "signature size");

/* out = first n bytes of BLAKE2b-128(domain || pk). */
static void pk_digest(const char *domain, const uint8_t pk[SEAL_PK_BYTES], uint8_t *out,
                      size_t n)
{
	uint8_t h[crypto_generichash_BYTES_MIN];
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const uint8_t *)domain, strlen(domain));
	crypto_generichash_update(&st, pk, SEAL_PK_BYTES);
	crypto_generichash_final(&st, h, sizeof(h));
	memcpy(out, h, n);
}

void seal_key_id(const uint8_t pk[SEAL_PK_BYTES], uint8_t id[SEAL_KEY_ID_BYTES])
{
	if (crypto_init() != 0) {
		memset(id, 0, SEAL_KEY_ID_BYTES);
		return;
	}
	pk_digest("tend sealed report key id", pk, id, SEAL_KEY_ID_BYTES);
}

int seal_keygen(const char *pass, size_t passlen, const struct kdf_params *kdf,
                uint8_t pk[SEAL_PK_BYTES], uint8_t out[SEAL_KEYFILE_SIZE], struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	uint8_t *sk = secmem_alloc(SEAL_SK_BYTES);
	if (!sk)
		return error_set(e, E_FAIL, "Out of memory for the key.");
	uint8_t pub[SEAL_PK_BYTES];
	if (crypto_box_keypair(pub, sk) != 0) {
		secmem_free(sk);
		return error_set(e, E_FAIL, "Could not make a key pair.");
	}
	struct keyfile kf;
	memset(&kf, 0, sizeof(kf));
	memcpy(kf.vault_id, pub, sizeof(kf.vault_id));
	int rc = keyfile_wrap(&kf, kdf, pass, passlen, sk, e);
	secmem_free(sk);
	if (rc)
		return -1;
	memset(out, 0, TK_HEAD);
	memcpy(out, tk_magic, sizeof(tk_magic));
	out[8] = TK_VERSION;
	memcpy(out + 16, pub, SEAL_PK_BYTES);
	keyfile_encode(&kf, out + TK_HEAD);
	secmem_wipe(&kf, sizeof(kf));
	memcpy(pk, pub, SEAL_PK_BYTES);
	return 0;
}

/* Checks the head and decodes the wrapped half. */
static int tk_decode(const uint8_t *data, size_t len, uint8_t pk[SEAL_PK_BYTES],
                     struct keyfile *kf, struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	if (!data || len < 9 || memcmp(data, tk_magic, sizeof(tk_magic)) != 0)
		return error_set(e, E_CORRUPT, "%s", msg_tk_damaged);
	if (data[8] > TK_VERSION)
		return error_set(e, E_FAIL, "This key file was made by a newer version of tend; "
		                            "update tend to use it.");
	if (data[8] != TK_VERSION || len != SEAL_KEYFILE_SIZE)
		return error_set(e, E_CORRUPT, "%s", msg_tk_damaged);
	for (size_t i = 9; i < 16; i++)
		if (data[i])
			return error_set(e, E_CORRUPT, "%s", msg_tk_damaged);
	struct error inner;
	if (keyfile_decode(data + TK_HEAD, KEYFILE_SIZE, kf, &inner) != 0)
		return error_set(e, inner.code == E_FAIL ? E_FAIL : E_CORRUPT, "%s",
		                 inner.code == E_FAIL ? inner.msg : msg_tk_damaged);
	if (sodium_memcmp(kf->vault_id, data + 16, sizeof(kf->vault_id)) != 0)
		return error_set(e, E_CORRUPT, "%s", msg_tk_damaged);
	memcpy(pk, data + 16, SEAL_PK_BYTES);
	return 0;
}

int seal_keyfile_public(const uint8_t *data, size_t len, uint8_t pk[SEAL_PK_BYTES],
                        struct error *e)
{
	struct keyfile kf;
	return tk_decode(data, len, pk, &kf, e);
}

int seal_keyfile_unlock(const uint8_t *data, size_t len, const char *pass, size_t passlen,
                        uint8_t pk[SEAL_PK_BYTES], uint8_t *sk, struct error *e)
{
	struct keyfile kf;
	uint8_t pub[SEAL_PK_BYTES], check[SEAL_PK_BYTES];
	if (tk_decode(data, len, pub, &kf, e))
		return -1;
	if (keyfile_unwrap(&kf, pass, passlen, sk, e) != 0) {
		if (e && e->code == E_AUTH)
			error_set(e, E_AUTH, "Wrong passphrase for this key file. Nothing was opened; "
			                     "try again.");
		return -1;
	}
	/* The wrapped secret must be the public key's other half. */
	if (crypto_scalarmult_base(check, sk) != 0 ||
	    sodium_memcmp(check, pub, SEAL_PK_BYTES) != 0) {
		secmem_wipe(sk, SEAL_SK_BYTES);
		return error_set(e, E_CORRUPT, "%s", msg_tk_damaged);
	}
	memcpy(pk, pub, SEAL_PK_BYTES);
	return 0;
}

void seal_pk_format(const uint8_t pk[SEAL_PK_BYTES], char out[SEAL_PK_TEXT_MAX])
{
	uint8_t raw[SEAL_PK_BYTES + PK_SUM_BYTES];
	memcpy(raw, pk, SEAL_PK_BYTES);
	size_t pre = sizeof(SEAL_PK_PREFIX) - 1;
	memcpy(out, SEAL_PK_PREFIX, pre);
	if (crypto_init() != 0) {
		out[0] = '\0';
		return;
	}
	pk_digest("tendpk1", pk, raw + SEAL_PK_BYTES, PK_SUM_BYTES);
	sodium_bin2base64(out + pre, SEAL_PK_TEXT_MAX - pre, raw, sizeof(raw),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int seal_pk_parse(const char *text, uint8_t pk[SEAL_PK_BYTES], struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	size_t pre = sizeof(SEAL_PK_PREFIX) - 1;
	while (*text == ' ' || *text == '\t')
		text++;
	size_t len = strlen(text);
	while (len && strchr(" \t\r\n", text[len - 1]))
		len--;
	if (len < pre || memcmp(text, SEAL_PK_PREFIX, pre) != 0)
		return error_set(e, E_USAGE, "A public key starts with '%s' (the line 'tend keygen' "
		                             "printed); this one does not.", SEAL_PK_PREFIX);
	if (len - pre != PK_B64_LEN)
		return error_set(e, E_USAGE, "The public key should have %d characters after '%s'; "
		                             "this one has %zu. Copy the whole line again.",
		                 PK_B64_LEN, SEAL_PK_PREFIX, len - pre);
	uint8_t raw[SEAL_PK_BYTES + PK_SUM_BYTES];
	size_t got = 0;
	const char *end = NULL;
	if (sodium_base642bin(raw, sizeof(raw), text + pre, len - pre, NULL, &got, &end,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    got != sizeof(raw) || end != text + len)
		return error_set(e, E_USAGE, "The public key holds characters that cannot be in one "
		                             "(only letters, digits, '-' and '_'). Copy it again.");
	uint8_t sum[PK_SUM_BYTES];
	pk_digest("tendpk1", raw, sum, sizeof(sum));
	if (memcmp(sum, raw + SEAL_PK_BYTES, sizeof(sum)) != 0)
		return error_set(e, E_USAGE, "The public key has a typo: its checksum does not "
		                             "match. Copy it again from 'tend keygen'.");
	memcpy(pk, raw, SEAL_PK_BYTES);
	return 0;
}

int sealed_parse(const uint8_t *data, size_t len, struct sealed_header *out, struct error *e)
{
	static const char damaged[] = "This is not a sealed tend report, or it was cut short or "
	                              "damaged.";
	if (!data || len < 9 || memcmp(data, seal_magic, sizeof(seal_magic)) != 0)
		return error_set(e, E_CORRUPT, "%s", damaged);
	if (data[8] > SEAL_VERSION)
		return error_set(e, E_FAIL, "This report was sealed by a newer version of tend; "
		                            "update tend to open it.");
	if (data[8] < SEAL_VERSION_UNSIGNED || len < SEAL_HEADER_BYTES + SEAL_OVERHEAD ||
	    data[9] || data[10] || data[11])
		return error_set(e, E_CORRUPT, "%s", damaged);
	out->version = data[8];
	memcpy(out->key_id, data + 12, SEAL_KEY_ID_BYTES);
	out->body = data + SEAL_HEADER_BYTES;
	out->body_len = len - SEAL_HEADER_BYTES;
	return 0;
}

int seal_sign_seed_new(uint8_t seed[SEAL_SIGN_SEED_BYTES], struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	randombytes_buf(seed, SEAL_SIGN_SEED_BYTES);
	return 0;
}

/* The Ed25519 key pair a seed grows; sk is secmem_alloc memory. */
static uint8_t *sign_keypair(const uint8_t *seed, uint8_t spk[SEAL_SIGN_PK_BYTES],
                             struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start."), NULL;
	uint8_t *sk = secmem_alloc(crypto_sign_SECRETKEYBYTES);
	if (!sk)
		return error_set(e, E_FAIL, "Out of memory for the key."), NULL;
	if (crypto_sign_seed_keypair(spk, sk, seed) != 0) {
		secmem_free(sk);
		return error_set(e, E_FAIL, "Could not make the signing key."), NULL;
	}
	return sk;
}

int seal_sign_public(const uint8_t seed[SEAL_SIGN_SEED_BYTES], uint8_t spk[SEAL_SIGN_PK_BYTES],
                     struct error *e)
{
	uint8_t *sk = sign_keypair(seed, spk, e);
	if (!sk)
		return -1;
	secmem_free(sk);
	return 0;
}

void seal_fingerprint(const uint8_t spk[SEAL_SIGN_PK_BYTES], char out[SEAL_FPR_TEXT_MAX])
{
	uint8_t h[10];
	out[0] = '\0';
	if (crypto_init() != 0)
		return;
	pk_digest("tend sender fingerprint", spk, h, sizeof(h));
	char *p = out;
	for (size_t i = 0; i < sizeof(h); i++) {
		if (i && i % 2 == 0)
			*p++ = ' ';
		p += snprintf(p, 3, "%02x", h[i]);
	}
}

/* What a version 2 signature covers, hashed: the reader's key id binds a
 * report to the therapist it was made for, so it cannot be sealed again
 * for someone else and passed off as sent to them. */
static void signed_digest(const uint8_t id[SEAL_KEY_ID_BYTES], const void *plain, size_t n,
                          uint8_t h[crypto_generichash_BYTES_MAX])
{
	static const char domain[] = "tend sealed report v2";
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, crypto_generichash_BYTES_MAX);
	crypto_generichash_update(&st, (const uint8_t *)domain, sizeof(domain) - 1);
	crypto_generichash_update(&st, id, SEAL_KEY_ID_BYTES);
	crypto_generichash_update(&st, plain, n);
	crypto_generichash_final(&st, h, crypto_generichash_BYTES_MAX);
}

int seal_data(const uint8_t pk[SEAL_PK_BYTES], const uint8_t *sign_seed, const void *plain,
              size_t n, struct buf *out, struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	size_t head = sign_seed ? SEAL_SIGNED_HEAD : 0;
	if (n > SIZE_MAX - SEAL_HEADER_BYTES - SEAL_OVERHEAD - head - 1)
		return error_set(e, E_FAIL, "The report is too large to seal.");
	size_t total = SEAL_HEADER_BYTES + SEAL_OVERHEAD + head + n;
	if (buf_reserve(out, total))
		return error_set(e, E_FAIL, "Out of memory sealing the report.");
	uint8_t *p = (uint8_t *)out->data + out->len;
	memset(p, 0, SEAL_HEADER_BYTES);
	memcpy(p, seal_magic, sizeof(seal_magic));
	p[8] = sign_seed ? SEAL_VERSION : SEAL_VERSION_UNSIGNED;
	seal_key_id(pk, p + 12);
	const uint8_t *inner = plain;
	uint8_t *tmp = NULL;
	if (sign_seed) {
		/* signer key || signature || report, in wiped memory only */
		tmp = secmem_alloc(head + n);
		uint8_t *sk = tmp ? sign_keypair(sign_seed, tmp, e) : NULL;
		if (!sk) {
			secmem_free(tmp);
			return tmp ? -1 : error_set(e, E_FAIL, "Out of memory sealing the report.");
		}
		uint8_t h[crypto_generichash_BYTES_MAX];
		signed_digest(p + 12, plain, n, h);
		crypto_sign_detached(tmp + SEAL_SIGN_PK_BYTES, NULL, h, sizeof(h), sk);
		secmem_free(sk);
		if (n)
			memcpy(tmp + head, plain, n);
		inner = tmp;
	}
	int rc = crypto_box_seal(p + SEAL_HEADER_BYTES, inner, (unsigned long long)(head + n), pk);
	secmem_free(tmp);
	if (rc != 0) {
		secmem_wipe(p, total);
		return error_set(e, E_FAIL, "Could not seal the report (is the public key valid?).");
	}
	out->len += total;
	out->data[out->len] = '\0';
	return 0;
}

int seal_open(const uint8_t *data, size_t len, const uint8_t pk[SEAL_PK_BYTES],
              const uint8_t *sk, struct buf *out, struct seal_sender *from, struct error *e)
{
	static const char changed[] = "The sealed report was damaged or changed after it was "
	                              "sealed; nothing in it can be trusted. Ask for it to be "
	                              "sent again.";
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	struct sealed_header h;
	if (sealed_parse(data, len, &h, e))
		return -1;
	uint8_t id[SEAL_KEY_ID_BYTES];
	seal_key_id(pk, id);
	if (sodium_memcmp(id, h.key_id, sizeof(id)) != 0)
		return error_set(e, E_FAIL, "This report was sealed for a different key, not the one "
		                            "in this key file. Use the key file whose public key the "
		                            "client was given.");
	size_t n = h.body_len - SEAL_OVERHEAD;
	size_t head = h.version >= SEAL_VERSION ? SEAL_SIGNED_HEAD : 0;
	if (n < head)
		return error_set(e, E_CORRUPT, "%s", changed);
	if (buf_reserve(out, n))
		return error_set(e, E_FAIL, "Out of memory opening the report.");
	uint8_t *p = (uint8_t *)out->data + out->len;
	if (crypto_box_seal_open(p, h.body, (unsigned long long)h.body_len, pk, sk) != 0) {
		secmem_wipe(p, n);
		return error_set(e, E_CORRUPT, "%s", changed);
	}
	struct seal_sender who = {0};
	if (head) {
		uint8_t d[crypto_generichash_BYTES_MAX];
		signed_digest(id, p + head, n - head, d);
		if (crypto_sign_verify_detached(p + SEAL_SIGN_PK_BYTES, d, sizeof(d), p) != 0) {
			secmem_wipe(p, n);
			return error_set(e, E_CORRUPT, "The report's signature does not hold: it was "
			                               "not made by the tend whose key it names, or was "
			                               "changed. Nothing in it can be trusted.");
		}
		who.is_signed = true;
		memcpy(who.spk, p, SEAL_SIGN_PK_BYTES);
		memmove(p, p + head, n - head);
		secmem_wipe(p + n - head, head);
		n -= head;
	}
	if (from)
		*from = who;
	out->len += n;
	out->data[out->len] = '\0';
	return 0;
}
