/* secmem.h: locked, guarded memory for secrets, wiped when freed. */
#ifndef TEND_CRYPTO_SECMEM_H
#define TEND_CRYPTO_SECMEM_H

#include <stddef.h>

/* Initialises libsodium once; returns 0, or -1 if it cannot start. */
int crypto_init(void);
/* sodium_malloc: NULL when out of memory. */
void *secmem_alloc(size_t n);
/* sodium_free (wipes first); NULL is fine. */
void secmem_free(void *p);
/* sodium_memzero. */
void secmem_wipe(void *p, size_t n);

#endif
