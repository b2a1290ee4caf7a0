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

#include <stdbool.h>
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
/* The sender's signing key (Ed25519): the 32-byte seed it grows from is
 * what a vault keeps; the public half goes inside every signed report. */
#define SEAL_SIGN_SEED_BYTES 32
#define SEAL_SIGN_PK_BYTES 32
#define SEAL_SIG_BYTES 64
/* What a signed report holds before its text: signer's key, signature. */
#define SEAL_SIGNED_HEAD (SEAL_SIGN_PK_BYTES + SEAL_SIG_BYTES)
/* A sender's fingerprint as text: five groups of four hex digits. */
#define SEAL_FPR_TEXT_MAX 32

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

/* A new signing seed (into secmem memory the caller owns). */
int seal_sign_seed_new(uint8_t seed[SEAL_SIGN_SEED_BYTES], struct error *e);
/* The public half of a signing seed. */
int seal_sign_public(const uint8_t seed[SEAL_SIGN_SEED_BYTES], uint8_t spk[SEAL_SIGN_PK_BYTES],
                     struct error *e);
/* A sender's public signing key as "a1b2 c3d4 e5f6 0718 293a": short
 * enough to read aloud and compare in a session. */
void seal_fingerprint(const uint8_t spk[SEAL_SIGN_PK_BYTES], char out[SEAL_FPR_TEXT_MAX]);

/* Appends the sealed file for plain to out. With a signing seed (version
 * 2) the sealed text is the sender's public signing key, an Ed25519
 * signature over the reader's key id and plain, then plain; without one
 * (version 1, the older format, kept for tests and old files) it is plain
 * alone. plain is only read; it never leaves memory unencrypted. */
int seal_data(const uint8_t pk[SEAL_PK_BYTES], const uint8_t *sign_seed, const void *plain,
              size_t n, struct buf *out, struct error *e);

/* Who sealed an opened report: a version 1 report is not signed (anyone
 * holding the reader's public key could have made it). */
struct seal_sender {
	bool is_signed;
	uint8_t spk[SEAL_SIGN_PK_BYTES];
};
/* Opens a sealed file into out (a wiping buffer), the report's text only.
 * E_FAIL "sealed for a different key" when the key id differs; E_CORRUPT
 * when the file was damaged or changed after sealing, or when its
 * signature does not hold. from (may be NULL) says who signed it. */
int seal_open(const uint8_t *data, size_t len, const uint8_t pk[SEAL_PK_BYTES],
              const uint8_t *sk, struct buf *out, struct seal_sender *from, struct error *e);

#endif
