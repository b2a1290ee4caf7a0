/* seal.h: reports sealed for one reader (a therapist) with crypto_box_seal,
 * and that reader's key pair, whose secret half is kept wrapped under a
 * passphrase exactly as the vault key is (crypto/keyfile.h).
 *
 * The client only ever holds the public key, as one short line of text:
 * "tendpk1:" and the base64url (no padding) of the 32-byte public key
 * followed by a 4-byte checksum, so a mistyped or cut line is caught
 * before anything is sealed to a key nobody has. */
#ifndef TEND_CRYPTO_SEAL_H
#define TEND_CRYPTO_SEAL_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/keyfile.h"
#include "util/buf.h"
#include "util/error.h"

#define SEAL_PK_BYTES 32
#define SEAL_SK_BYTES 32
#define SEAL_PK_PREFIX "tendpk1:"
/* "tendpk1:" + 48 characters + NUL. */
#define SEAL_PK_TEXT_MAX 64
/* The therapist's key file: a 48-byte head (magic, version, public key),
 * then a crypto/keyfile.h key file holding the wrapped secret key. */
#define SEAL_KEYFILE_SIZE (48 + KEYFILE_SIZE)
/* The sealed report's head: magic, version, three zero bytes, key id. */
#define SEAL_HEADER_BYTES 20
#define SEAL_KEY_ID_BYTES 8
/* What crypto_box_seal adds to the plaintext. */
#define SEAL_OVERHEAD 48

/* A new key pair. pk gets the public key; out gets the key file's bytes,
 * the secret key wrapped under pass with the given Argon2id limits. */
int seal_keygen(const char *pass, size_t passlen, const struct kdf_params *kdf,
                uint8_t pk[SEAL_PK_BYTES], uint8_t out[SEAL_KEYFILE_SIZE], struct error *e);
/* The public key a key file holds, without its passphrase. E_CORRUPT when
 * the bytes are not an intact therapist key file. */
int seal_keyfile_public(const uint8_t *data, size_t len, uint8_t pk[SEAL_PK_BYTES],
                        struct error *e);
/* Unwraps the secret key into sk (SEAL_SK_BYTES of secmem_alloc memory)
 * and the public key into pk. E_AUTH on a wrong passphrase, E_CORRUPT on
 * a damaged file (or one whose two halves do not belong together). */
int seal_keyfile_unlock(const uint8_t *data, size_t len, const char *pass, size_t passlen,
                        uint8_t pk[SEAL_PK_BYTES], uint8_t *sk, struct error *e);

/* The public key as one line of text. */
void seal_pk_format(const uint8_t pk[SEAL_PK_BYTES], char out[SEAL_PK_TEXT_MAX]);
/* Reads such a line back (spaces around it are ignored). E_USAGE with a
 * message saying what is off: no prefix, wrong length or characters, or a
 * checksum that does not match (a typo). */
int seal_pk_parse(const char *text, uint8_t pk[SEAL_PK_BYTES], struct error *e);
/* A short id of a public key (what a sealed file names its reader by). */
void seal_key_id(const uint8_t pk[SEAL_PK_BYTES], uint8_t id[SEAL_KEY_ID_BYTES]);

struct sealed_header {
	unsigned version;
	uint8_t key_id[SEAL_KEY_ID_BYTES];
	const uint8_t *body; /* the crypto_box_seal bytes, inside data */
	size_t body_len;
};
/* Reads a sealed file's head. E_CORRUPT when it is not one (or is cut
 * short); E_FAIL when a newer tend wrote it. */
int sealed_parse(const uint8_t *data, size_t len, struct sealed_header *out, struct error *e);

/* Appends the sealed file for plain (header, then crypto_box_seal of it)
 * to out. plain is only read; it never leaves memory unencrypted. */
int seal_data(const uint8_t pk[SEAL_PK_BYTES], const void *plain, size_t n, struct buf *out,
              struct error *e);
/* Opens a sealed file into out (a wiping buffer). E_FAIL "sealed for a
 * different key" when the key id differs; E_CORRUPT when the file was
 * damaged or changed after sealing. */
int seal_open(const uint8_t *data, size_t len, const uint8_t pk[SEAL_PK_BYTES],
              const uint8_t *sk, struct buf *out, struct error *e);

#endif
