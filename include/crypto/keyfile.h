/* keyfile.h: the small file beside the database that holds the vault key,
 * wrapped (encrypted) with a key derived from the passphrase.
 *
 * Key hierarchy: passphrase --Argon2id--> wrapping key --XChaCha20-Poly1305-->
 * vault key (32 random bytes). The vault key is also the recovery code.
 * The file is written as "key" and a backup copy "key.bak" in the vault
 * folder, each atomically. */
#ifndef TEND_CRYPTO_KEYFILE_H
#define TEND_CRYPTO_KEYFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

#define VAULT_KEY_BYTES 32
#define VAULT_ID_BYTES 16

struct kdf_params {
	uint64_t opslimit;
	uint64_t memlimit;
};

struct keyfile {
	struct kdf_params kdf;
	uint8_t salt[16];
	uint8_t vault_id[VAULT_ID_BYTES]; /* random, names this vault's pages */
	uint8_t nonce[24];
	uint8_t wrapped[VAULT_KEY_BYTES + 16];
};

/* The limits new vaults get: about half a second of Argon2id here. When
 * fast is true, libsodium's minimum limits (for tests only). */
void kdf_params_default(struct kdf_params *p, bool fast);

/* Wraps key under pass: fresh salt and nonce, kdf copied in; vault_id is
 * kept as it is. */
int keyfile_wrap(struct keyfile *kf, const struct kdf_params *kdf,
                 const char *pass, size_t passlen,
                 const uint8_t key[VAULT_KEY_BYTES], struct error *e);
/* E_AUTH: "Wrong passphrase." when pass does not unwrap the key. */
int keyfile_unwrap(const struct keyfile *kf, const char *pass, size_t passlen,
                   uint8_t key[VAULT_KEY_BYTES], struct error *e);

#define KEYFILE_SIZE 168
void keyfile_encode(const struct keyfile *kf, uint8_t out[KEYFILE_SIZE]);
/* E_CORRUPT when the bytes are not an intact key file; E_FAIL for a key
 * file written by a newer tend. */
int keyfile_decode(const uint8_t *data, size_t len, struct keyfile *kf,
                   struct error *e);

/* Writes dir/key.bak then dir/key, each atomically, mode 0600. When key
 * cannot be written the save failed, and key (the copy that counts) is as
 * it was; key.bak may be the new one until keyfile_mend_backup. */
int keyfile_save(const char *dir, const struct keyfile *kf, struct error *e);
/* Writes dir/key.bak alone, the same way (the file and the folder synced). */
int keyfile_save_backup(const char *dir, const struct keyfile *kf, struct error *e);
/* Reads one copy, dir/key or (backup) dir/key.bak, with no fallback: -1
 * with e filled when it is missing, damaged or unreadable. */
int keyfile_load_copy(const char *dir, bool backup, struct keyfile *kf, struct error *e);
/* Makes key.bak a copy of key when key is intact and key.bak is not the
 * same (a save that failed between the two, or a damaged key.bak). */
int keyfile_mend_backup(const char *dir, struct error *e);
/* Reads dir/key; if it is missing or damaged, dir/key.bak. *used_backup
 * says which. E_CORRUPT when neither copy is intact; E_FAIL with a
 * "no vault here" message when neither exists. */
int keyfile_load(const char *dir, struct keyfile *kf, bool *used_backup,
                 struct error *e);
/* keyfile_load and keyfile_unwrap together, with key.bak as the second
 * chance for anything that stops "key": missing, damaged, or intact by its
 * checksum yet not opened by pass (a header changed and its unkeyed
 * checksum redone reads as intact). *used_backup says key.bak gave the
 * key, so "key" should be written again. E_AUTH ("Wrong passphrase") only
 * when pass opens neither copy and neither failed for another reason. */
int keyfile_unlock(const char *dir, const char *pass, size_t passlen, struct keyfile *kf,
                   uint8_t key[VAULT_KEY_BYTES], bool *used_backup, struct error *e);
/* true when dir/key or dir/key.bak exists. */
bool keyfile_exists(const char *dir);
/* Shreds the temporary files (key.tmp-*, key.bak.tmp-*) that a write of
 * either copy leaves when it is killed before its rename: never needed,
 * since the copy they were to replace is still whole. Only under the
 * vault's lock, so that no write is under way. */
void keyfile_clean_tmp(const char *dir);
/* Overwrites both copies with random bytes, syncs, and unlinks them. */
int keyfile_shred(const char *dir, struct error *e);

#endif
