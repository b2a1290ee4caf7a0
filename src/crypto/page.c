#include "crypto/page.h"

#include <sodium.h>
#include <string.h>
#include <unistd.h>

/* Nonces: 16 random bytes per process, then a 64-bit counter. Unique
 * without a system call per page (randombytes_buf costs one each); a new
 * prefix is drawn if the process id changes (after a fork). */
static uint8_t nonce_prefix[16];
static uint64_t nonce_counter;
static pid_t nonce_pid;

static void next_nonce(uint8_t *nonce)
{
	pid_t pid = getpid();
	if (pid != nonce_pid || nonce_counter == UINT64_MAX) {
		randombytes_buf(nonce_prefix, sizeof(nonce_prefix));
		nonce_counter = 0;
		nonce_pid = pid;
	}
	nonce_counter++;
	memcpy(nonce, nonce_prefix, sizeof(nonce_prefix));
	for (int i = 0; i < 8; i++)
		nonce[16 + i] = (uint8_t)(nonce_counter >> (8 * i));
}

int page_seal(uint8_t *out, const uint8_t *in, size_t size, size_t skip,
              const uint8_t key[PAGE_KEY_BYTES], const uint8_t *ad, size_t adlen)
{
	if (size < PAGE_RESERVE + skip)
		return -1;
	size_t body = size - PAGE_RESERVE;
	uint8_t *nonce = out + body;
	uint8_t *tag = nonce + PAGE_NONCE_BYTES;
	next_nonce(nonce);
	memcpy(out, in, skip);
	unsigned long long taglen;
	return crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
	           out + skip, tag, &taglen, in + skip, body - skip, ad, adlen, NULL, nonce, key) == 0
	           ? 0
	           : -1;
}

int page_open(uint8_t *out, const uint8_t *in, size_t size, size_t skip,
              const uint8_t key[PAGE_KEY_BYTES], const uint8_t *ad, size_t adlen)
{
	if (size < PAGE_RESERVE + skip)
		return -1;
	size_t body = size - PAGE_RESERVE;
	const uint8_t *nonce = in + body;
	const uint8_t *tag = nonce + PAGE_NONCE_BYTES;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(out + skip, NULL, in + skip,
	                                                        body - skip, tag, ad, adlen,
	                                                        nonce, key) != 0) {
		sodium_memzero(out, size);
		return -1;
	}
	memcpy(out, in, skip);
	memset(out + body, 0, PAGE_RESERVE);
	return 0;
}

const uint8_t *page_tag(const uint8_t *sealed, size_t size)
{
	return sealed + size - PAGE_TAG_BYTES;
}

void page_mac(const uint8_t key[PAGE_KEY_BYTES], uint32_t pgno,
              const uint8_t tag[PAGE_TAG_BYTES], uint8_t out[PAGE_MAC_BYTES])
{
	uint8_t msg[4 + PAGE_TAG_BYTES];
	msg[0] = (uint8_t)(pgno >> 24);
	msg[1] = (uint8_t)(pgno >> 16);
	msg[2] = (uint8_t)(pgno >> 8);
	msg[3] = (uint8_t)pgno;
	memcpy(msg + 4, tag, PAGE_TAG_BYTES);
	crypto_generichash(out, PAGE_MAC_BYTES, msg, sizeof(msg), key, PAGE_KEY_BYTES);
}

void page_mac_bytes(const uint8_t key[PAGE_KEY_BYTES], const uint8_t *msg, size_t len,
                    uint8_t out[PAGE_MAC_BYTES])
{
	crypto_generichash(out, PAGE_MAC_BYTES, msg, len, key, PAGE_KEY_BYTES);
}

bool page_equal(const uint8_t *a, const uint8_t *b, size_t n)
{
	return sodium_memcmp(a, b, n) == 0;
}

void page_keys_derive(const uint8_t vault_key[32], uint8_t enc_key[PAGE_KEY_BYTES],
                      uint8_t mac_key[PAGE_KEY_BYTES])
{
	static const char ctx[crypto_kdf_CONTEXTBYTES] = {'t', 'e', 'n', 'd', 'p', 'a', 'g', 'e'};
	crypto_kdf_derive_from_key(enc_key, PAGE_KEY_BYTES, 1, ctx, vault_key);
	crypto_kdf_derive_from_key(mac_key, PAGE_KEY_BYTES, 2, ctx, vault_key);
}

void crypto_random(void *buf, size_t n)
{
	randombytes_buf(buf, n);
}
