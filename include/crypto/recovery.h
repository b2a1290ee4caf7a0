/* recovery.h: the recovery code, which is the vault key written out so a
 * person can copy it by hand. */
#ifndef TEND_CRYPTO_RECOVERY_H
#define TEND_CRYPTO_RECOVERY_H

#include <stdint.h>

#include "crypto/keyfile.h"
#include "util/error.h"

#define RECOVERY_CODE_MAX 96

/* Writes a NUL-terminated code into out: Crockford base32 in groups of
 * five, joined by '-', with a short checksum at the end (55 characters in
 * eleven groups). out is "" only if libsodium cannot start. */
void recovery_encode(const uint8_t key[VAULT_KEY_BYTES], char out[RECOVERY_CODE_MAX]);
/* Forgiving of case, spaces, dashes and the look-alikes O/0, I/L/1. E_AUTH
 * with a plain message when the code is mistyped (the checksum fails) or
 * has the wrong length. */
int recovery_decode(const char *text, uint8_t key[VAULT_KEY_BYTES], struct error *e);

#endif
