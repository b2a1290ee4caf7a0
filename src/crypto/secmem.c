/* secmem.c: libsodium's guarded, locked allocations for secrets. */
#include "crypto/secmem.h"

#include <sodium.h>

int crypto_init(void)
{
	/* sodium_init is itself thread-safe and returns 1 when it has already
	 * run; the flag only saves the call. */
	static int ready;
	if (ready)
		return 0;
	if (sodium_init() < 0)
		return -1;
	ready = 1;
	return 0;
}

void *secmem_alloc(size_t n)
{
	/* sodium_malloc needs sodium_init for its page size and canary. */
	if (crypto_init() != 0)
		return NULL;
	return sodium_malloc(n);
}

void secmem_free(void *p)
{
	if (p)
		sodium_free(p);
}

void secmem_wipe(void *p, size_t n)
{
	if (p && n)
		sodium_memzero(p, n);
}
