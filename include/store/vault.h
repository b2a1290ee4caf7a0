/* vault.h: the encrypted vault: a folder holding the key file ("key",
 * "key.bak"), the database ("tend.db", encrypted by store/vfs.h) and a
 * lock file. Every function returns 0, or -1 with e filled; e->code is an
 * exit status from util/error.h (E_AUTH wrong passphrase or code,
 * E_CORRUPT damaged or tampered with, E_BUSY open elsewhere). Nothing a
 * failed call touched is left half-changed. */
#ifndef TEND_STORE_VAULT_H
#define TEND_STORE_VAULT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

struct vault;

#define VAULT_CODE_MAX 96

/* Memory for passphrases, recovery codes and text being written: locked,
 * wiped on free. Shaped like malloc/free so widgets take them as is. */
void *vault_secret_alloc(size_t n);
void vault_secret_free(void *p);

/* Test-only: when TEND_INSECURE_FAST_KDF=1 is set in the environment, new
 * key files use the cheapest Argon2id limits. Never set it for real use. */
bool vault_fast_kdf_requested(void);

/* true when dir holds a vault (a key file). */
bool vault_exists(const char *dir);
/* true when dir holds a key file or a vault database (a vault whose key
 * files were lost can still be opened with the recovery code). */
bool vault_has_data(const char *dir);

/* Creates a vault in dir (made 0700 if missing) and writes its recovery
 * code (NUL-terminated) into code. E_FAIL if a vault is already there. */
int vault_init(const char *dir, const char *pass, size_t passlen,
               char code[VAULT_CODE_MAX], struct error *e);
/* Opens with a passphrase, or with the recovery code. */
int vault_open(const char *dir, const char *pass, size_t passlen, struct vault **out,
               struct error *e);
int vault_open_code(const char *dir, const char *code, struct vault **out, struct error *e);
void vault_close(struct vault *v);

/* Wraps the key under a new passphrase (key file only; instant). */
int vault_set_passphrase(struct vault *v, const char *pass, size_t passlen, struct error *e);

struct vault_check {
	unsigned pages;          /* pages read and authenticated */
	bool used_key_backup;    /* the key file was damaged; key.bak was used */
	bool recovered;          /* a crash was rolled back at open */
};
/* Authenticates every page, then runs SQLite's integrity check. */
int vault_verify(struct vault *v, struct vault_check *out, struct error *e);
/* What happened at open (key backup used, crash rolled back). */
void vault_open_info(const struct vault *v, struct vault_check *out);

/* An encrypted single-file copy: the key file, then the database, both as
 * they are in the vault (same passphrase). file must not exist yet. */
int vault_backup(struct vault *v, const char *file, struct error *e);
/* Unlocks the backup in file with pass (E_AUTH if it does not fit). */
struct backup;
int backup_open(const char *file, const char *pass, size_t passlen, struct backup **out,
                struct error *e);
void backup_close(struct backup *b);
/* Replaces the contents of v with the backup's. */
int vault_restore_into(struct vault *v, struct backup *b, struct error *e);
/* Creates a vault in dir from the backup (dir must hold no vault). */
int vault_restore_new(const char *dir, struct backup *b, struct error *e);

/* New random key: the database is rewritten under it and swapped in
 * atomically; the key file is rewrapped with pass. Writes the new
 * recovery code into code. Returns 1 (code written, e filled) when the
 * new key is in place but a last step failed: the re-key is done, the next
 * open finishes that step, and the vault must be opened again to be used. */
int vault_rekey(struct vault *v, const char *pass, size_t passlen, char code[VAULT_CODE_MAX],
                struct error *e);
/* Crypto-shreds the vault in dir: both key files are overwritten and
 * removed, then the database. The vault must not be open. */
int vault_destroy(const char *dir, struct error *e);

#endif
