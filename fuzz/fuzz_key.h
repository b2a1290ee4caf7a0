/* fuzz_key.h: the vault key and id the fuzz seeds are made with
 * (fuzz/gen_seeds.c) and fuzz_vfs reads with. Test values, nothing else. */
#ifndef TEND_FUZZ_KEY_H
#define TEND_FUZZ_KEY_H

#include <stdint.h>

static const uint8_t fuzz_vault_key[32] = {
	0x74, 0x65, 0x6e, 0x64, 0x2d, 0x66, 0x75, 0x7a, 0x7a, 1, 2, 3, 4, 5, 6, 7,
	8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
};
static const uint8_t fuzz_vault_id[16] = {
	0x66, 0x75, 0x7a, 0x7a, 0x2d, 0x76, 0x61, 0x75, 0x6c, 0x74, 0, 0, 0, 0, 0, 1,
};

#endif
