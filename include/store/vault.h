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

/* In a test build only (util/testhook.h): true when TEND_INSECURE_FAST_KDF=1
 * asks for the cheapest Argon2id limits for new key files. The tend that
 * is installed always answers false. */
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
/* The folder the vault is in, as it was given to vault_open. */
const char *vault_folder(const struct vault *v);
/* true when people other than its owner may read or write the vault's
 * folder (group or others have r or w); *mode gets its mode. The files in
 * it are set to 0600 at every open; the folder is only told about, since
 * it may be shared on purpose. */
bool vault_folder_shared(const struct vault *v, unsigned *mode);

/* Copies a sync tool made beside the vault when two devices changed it at
 * once (docs/sync.md): Syncthing's "tend.sync-conflict-DATE-TIME-ID.db",
 * Dropbox's "tend (NAME's conflicted copy DATE).db", Nextcloud's and
 * ownCloud's "tend (conflicted copy DATE TIME).db", OneDrive's
 * "tend-HOST.db", Resilio's "tend.Conflict.db"; the same for the key file.
 * vault_conflict_kind says which a file name is. */
enum conflict_kind { CONFLICT_NONE, CONFLICT_DB, CONFLICT_KEY };
enum conflict_kind vault_conflict_kind(const char *name);
struct vault_conflicts {
	char **db;      /* database copies, full paths, sorted: merge them */
	size_t ndb;
	char **key;     /* key file copies holding another key (a re-key on
	                   another device); those wrapping this vault's key
	                   are left out: they are harmless */
	size_t nkey;
};
/* Looks beside v's database; out is empty (and 0) when there are none. */
int vault_conflicts(const struct vault *v, struct vault_conflicts *out, struct error *e);
void vault_conflicts_free(struct vault_conflicts *c);
/* After a conflict copy (file) was merged: once v verifies, the copy is
 * moved into merged/ in the vault folder. -1 with e filled (and the copy
 * where it was) when the vault does not verify or the move fails. */
int vault_put_away_copy(struct vault *v, const char *file, struct error *e);

/* Wraps the key under a new passphrase (key file only; instant). */
int vault_set_passphrase(struct vault *v, const char *pass, size_t passlen, struct error *e);

struct vault_check {
	unsigned pages;          /* pages read and authenticated */
	bool used_key_backup;    /* the key file was damaged; key.bak was used */
	bool recovered;          /* a crash was rolled back at open */
	bool older;              /* older than this computer last saw: read-only */
	unsigned long long counter, seen; /* the vault's change count, and the mark's */
	bool rekey_finished;     /* an interrupted re-key was finished at open:
	                            the key, so the recovery code, is new */
	bool rekey_undone;       /* an interrupted re-key was undone at open:
	                            the old key and code stay */
};
/* Authenticates every page, then runs SQLite's integrity check. */
int vault_verify(struct vault *v, struct vault_check *out, struct error *e);
/* What happened at open (key backup used, crash rolled back). */
void vault_open_info(const struct vault *v, struct vault_check *out);

/* A number that changes when another tend has changed the vault since the
 * last call (SQLite's data_version); -1 when it cannot be read. */
long long vault_data_version(struct vault *v);

/* A vault older than the one this computer last opened (the per-device
 * mark in path_state_dir(); see docs/security.md) opens read-only, with
 * info.older set. This takes the vault as it is: the mark is set back to
 * it and writing is allowed again. */
int vault_accept_older(struct vault *v, struct error *e);

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
 * recovery code into code, and leaves code "" when the new key did not
 * take over. It can fail after the new key took over (code is then
 * filled, and must be shown), or where that cannot be told: v can then
 * no longer be used (close it), and the next open finishes the re-key or
 * undoes it. The steps, and what a crash at each leaves: docs/security.md. */
int vault_rekey(struct vault *v, const char *pass, size_t passlen, char code[VAULT_CODE_MAX],
                struct error *e);
/* Crypto-shreds the vault in dir: both key files are overwritten and
 * removed, then the database. The vault must not be open. */
int vault_destroy(const char *dir, struct error *e);

#endif
