/* recovery.c: the vault key as a code a person can write down.
 *
 * 32 key bytes + 2 checksum bytes (the first two of BLAKE2b-256 of the key)
 * = 34 bytes = 272 bits, written most significant bit first in Crockford
 * base32: 55 characters (the last carries 2 zero padding bits), shown in
 * eleven groups of five joined by '-'. */
#include "crypto/recovery.h"

#include <stdbool.h>
#include <string.h>

#include <sodium.h>

#include "crypto/secmem.h"

#define SUM_BYTES 2
#define RAW_BYTES (VAULT_KEY_BYTES + SUM_BYTES)
#define CODE_CHARS ((RAW_BYTES * 8 + 4) / 5) /* 55 */
#define GROUP 5

_Static_assert(CODE_CHARS + (CODE_CHARS - 1) / GROUP + 1 <= RECOVERY_CODE_MAX,
               "the code and its dashes fit RECOVERY_CODE_MAX");

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static const char msg_bad_code[] =
	"That recovery code does not look right; check it for typos.";

/* The checksum: the first SUM_BYTES of BLAKE2b-256(key). */
static int checksum(const uint8_t key[VAULT_KEY_BYTES], uint8_t out[SUM_BYTES])
{
	uint8_t h[crypto_generichash_BYTES];
	if (crypto_init() != 0 ||
	    crypto_generichash(h, sizeof(h), key, VAULT_KEY_BYTES, NULL, 0) != 0) {
		secmem_wipe(h, sizeof(h));
		return -1;
	}
	memcpy(out, h, SUM_BYTES);
	secmem_wipe(h, sizeof(h));
	return 0;
}

void recovery_encode(const uint8_t key[VAULT_KEY_BYTES], char out[RECOVERY_CODE_MAX])
{
	uint8_t raw[RAW_BYTES];
	memcpy(raw, key, VAULT_KEY_BYTES);
	if (checksum(key, raw + VAULT_KEY_BYTES) != 0) {
		/* Cannot happen with a working libsodium; an empty code is
		 * never mistaken for a real one. */
		secmem_wipe(raw, sizeof(raw));
		out[0] = '\0';
		return;
	}
	uint32_t acc = 0;
	int bits = 0;
	size_t n = 0, o = 0;
	for (size_t i = 0; i < RAW_BYTES; i++) {
		acc = (acc << 8) | raw[i];
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			if (n > 0 && n % GROUP == 0)
				out[o++] = '-';
			out[o++] = alphabet[(acc >> bits) & 31];
			n++;
		}
		acc &= (1u << bits) - 1;
	}
	if (bits > 0) {
		if (n % GROUP == 0)
			out[o++] = '-';
		out[o++] = alphabet[(acc << (5 - bits)) & 31];
	}
	out[o] = '\0';
	acc = 0;
	secmem_wipe(raw, sizeof(raw));
	secmem_wipe(&acc, sizeof(acc));
}

/* The 5-bit value of one code character, or -1. Crockford's rules: any
 * case, O reads as 0, I and L as 1; U is not used. */
static int char_value(char c)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c == 'O')
		return 0;
	if (c == 'I' || c == 'L')
		return 1;
	for (int v = 0; v < 32; v++)
		if (alphabet[v] == c)
			return v;
	return -1;
}

static bool is_separator(char c)
{
	return c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int recovery_decode(const char *text, uint8_t key[VAULT_KEY_BYTES], struct error *e)
{
	if (!text)
		return error_set(e, E_AUTH, "%s", msg_bad_code);

	uint8_t raw[RAW_BYTES];
	uint8_t sum[SUM_BYTES];
	uint32_t acc = 0;
	int bits = 0;
	size_t nchars = 0, nbytes = 0;
	bool ok = true;
	for (const char *p = text; *p && ok; p++) {
		if (is_separator(*p))
			continue;
		int v = char_value(*p);
		if (v < 0 || nchars == CODE_CHARS) {
			ok = false; /* not a code character, or too long */
			break;
		}
		nchars++;
		acc = (acc << 5) | (uint32_t)v;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			raw[nbytes++] = (uint8_t)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	/* The right length, and the padding bits at the end are zero. */
	if (nchars != CODE_CHARS || nbytes != RAW_BYTES || acc != 0)
		ok = false;
	if (ok && checksum(raw, sum) != 0) {
		secmem_wipe(raw, sizeof(raw));
		return error_set(e, E_FAIL, "The encryption library could not start.");
	}
	if (ok && sodium_memcmp(sum, raw + VAULT_KEY_BYTES, SUM_BYTES) != 0)
		ok = false;
	if (ok)
		memcpy(key, raw, VAULT_KEY_BYTES);
	acc = 0;
	secmem_wipe(raw, sizeof(raw));
	secmem_wipe(sum, sizeof(sum));
	secmem_wipe(&acc, sizeof(acc));
	if (!ok)
		return error_set(e, E_AUTH, "%s", msg_bad_code);
	return 0;
}
