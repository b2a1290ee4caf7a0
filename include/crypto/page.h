/* page.h: authenticated encryption of one database page.
 *
 * A page of `size` bytes is sealed as
 *   [0, skip)              copied as is (plaintext, authenticated)
 *   [skip, size - 40)      XChaCha20 ciphertext
 *   [size - 40, size - 16) 24-byte nonce
 *   [size - 16, size)      16-byte Poly1305 tag
 * The last 40 bytes of the plaintext page are SQLite's reserved bytes,
 * which tend sets aside for this; opening a page returns them as zeros. */
#ifndef TEND_CRYPTO_PAGE_H
#define TEND_CRYPTO_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PAGE_RESERVE 40
#define PAGE_NONCE_BYTES 24
#define PAGE_TAG_BYTES 16
#define PAGE_KEY_BYTES 32
#define PAGE_MAC_BYTES 32

/* Seals in -> out (they may not overlap) with a fresh nonce (a random
 * per-process prefix and a counter: never repeated).
 * Returns 0, or -1 if size is too small. */
int page_seal(uint8_t *out, const uint8_t *in, size_t size, size_t skip,
              const uint8_t key[PAGE_KEY_BYTES], const uint8_t *ad, size_t adlen);
/* Opens in -> out. Returns 0, or -1 when the page is not authentic (wrong
 * key, wrong associated data, or any changed byte); out is then zeroed. */
int page_open(uint8_t *out, const uint8_t *in, size_t size, size_t skip,
              const uint8_t key[PAGE_KEY_BYTES], const uint8_t *ad, size_t adlen);
/* The tag of a sealed page. */
const uint8_t *page_tag(const uint8_t *sealed, size_t size);

/* A keyed BLAKE2b digest of (pgno, tag). The XOR of these over a file's
 * pages is a MAC of the whole set, updated in O(1) per page write. */
void page_mac(const uint8_t key[PAGE_KEY_BYTES], uint32_t pgno,
              const uint8_t tag[PAGE_TAG_BYTES], uint8_t out[PAGE_MAC_BYTES]);

/* A keyed BLAKE2b digest of any bytes (the journal header's MAC). Callers
 * start msg with a label of their own, so it never equals a page_mac. */
void page_mac_bytes(const uint8_t key[PAGE_KEY_BYTES], const uint8_t *msg, size_t len,
                    uint8_t out[PAGE_MAC_BYTES]);

/* Compares n bytes in constant time: true when equal. */
bool page_equal(const uint8_t *a, const uint8_t *b, size_t n);

/* Fills buf with n unpredictable bytes. */
void crypto_random(void *buf, size_t n);

/* Derives the page-encryption key and the page-set MAC key from a vault
 * key, so no key is used for two purposes. */
void page_keys_derive(const uint8_t vault_key[32], uint8_t enc_key[PAGE_KEY_BYTES],
                      uint8_t mac_key[PAGE_KEY_BYTES]);

#endif
