/* keyfile.c: the vault key, wrapped under a passphrase, and its two copies
 * on disk.
 *
 * On-disk format, KEYFILE_SIZE = 168 bytes, integers little-endian:
 *
 *     0   8  magic "TENDKEY\0"
 *     8   1  format version = 1
 *     9   1  kdf algorithm id = 2 (Argon2id v1.3)
 *    10   6  zero
 *    16   8  opslimit
 *    24   8  memlimit (bytes)
 *    32  16  salt
 *    48  16  vault_id
 *    64  24  nonce
 *    88  48  wrapped key: XChaCha20-Poly1305-IETF of the 32-byte vault key,
 *            16-byte tag appended; associated data = bytes 0..64
 *   136  32  BLAKE2b-256 (unkeyed) of bytes 0..136
 *
 * The checksum lets tend tell a damaged file from a wrong passphrase
 * without the passphrase; the AEAD tag is what actually protects the
 * header from tampering, since the header is its associated data. */
#include "crypto/keyfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "crypto/secmem.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"

#define KF_VERSION 1
#define KF_ALG_ARGON2ID13 2
#define KF_HEADER_END 64  /* bytes 0..64 are the AEAD's associated data */
#define KF_SUM_OFF 136
#define KF_SUM_BYTES 32

static const uint8_t kf_magic[8] = {'T', 'E', 'N', 'D', 'K', 'E', 'Y', '\0'};

/* Measured on the development machine (AMD EPYC, libsodium 1.0.18): with
 * opslimit 3, one Argon2id derivation over 256 MiB takes about 0.49 s;
 * 192 MiB about 0.35 s, 128 MiB about 0.23 s. These equal libsodium's
 * crypto_pwhash_OPSLIMIT_MODERATE / MEMLIMIT_MODERATE. */
#define KDF_DEFAULT_OPSLIMIT 3ULL
#define KDF_DEFAULT_MEMLIMIT (256ULL * 1024 * 1024)

/* The most a key file may ask for. The limits are read from the file (a
 * vault's key, a backup's header, a therapist's key), before any
 * passphrase can be checked, so a damaged or hostile file must not make
 * tend spend hours or all the memory there is: opslimit 2^32-1 ran for
 * ever. Well above the defaults, so a later tend can raise them: at most
 * 16 passes (5x today's 3), at most 4 GiB (16x today's 256 MiB), and at
 * most 16 GiB of passes in all (passes x memory; 21x today's 768 MiB, e.g.
 * 4 passes over 4 GiB or 16 over 1 GiB). Measured on a 2-core test machine
 * (libsodium 1.0.18) where the default takes 0.93 s: 16 passes over
 * 256 MiB 3.2 s, 3 over 1 GiB 6.5 s, 4 over 4 GiB 34 s, the worst a file
 * within the caps can cost. */
#define KDF_MAX_OPSLIMIT 16ULL
#define KDF_MAX_MEMLIMIT (4096ULL * 1024 * 1024)
#define KDF_MAX_WORK (16ULL * 1024 * 1024 * 1024)

static const char msg_damaged[] = "The vault's key file is damaged.";
static const char msg_newer[] =
	"This vault was made by a newer version of tend; update tend to open it.";
static const char msg_wrong_pass[] =
	"Wrong passphrase. Nothing was changed. Try again, or use your recovery "
	"code (tend recover).";

_Static_assert(sizeof(((struct keyfile *)0)->salt) == crypto_pwhash_SALTBYTES,
               "salt size must match crypto_pwhash");
_Static_assert(sizeof(((struct keyfile *)0)->nonce) ==
                       crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
               "nonce size must match XChaCha20-Poly1305");
_Static_assert(sizeof(((struct keyfile *)0)->wrapped) ==
                       VAULT_KEY_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES,
               "wrapped key holds key and tag");
_Static_assert(VAULT_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
               "wrapping key and vault key are both 32 bytes");

static void put_le64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

void kdf_params_default(struct kdf_params *p, bool fast)
{
	if (fast) {
		p->opslimit = crypto_pwhash_OPSLIMIT_MIN;
		p->memlimit = crypto_pwhash_MEMLIMIT_MIN;
	} else {
		p->opslimit = KDF_DEFAULT_OPSLIMIT;
		p->memlimit = KDF_DEFAULT_MEMLIMIT;
	}
}

/* At least what libsodium's Argon2id needs, at most tend's caps (which are
 * within libsodium's maximums and fit a size_t on 64-bit systems). */
static bool kdf_params_valid(const struct kdf_params *p)
{
	return p->opslimit >= crypto_pwhash_argon2id_opslimit_min() &&
	       p->opslimit <= KDF_MAX_OPSLIMIT &&
	       p->opslimit <= crypto_pwhash_argon2id_opslimit_max() &&
	       p->memlimit >= crypto_pwhash_argon2id_memlimit_min() &&
	       p->memlimit <= KDF_MAX_MEMLIMIT &&
	       p->memlimit <= crypto_pwhash_argon2id_memlimit_max() &&
	       p->opslimit * p->memlimit <= KDF_MAX_WORK;
}

/* E_CORRUPT for limits outside kdf_params_valid, saying what they were. */
static int kdf_params_refused(const struct kdf_params *p, struct error *e)
{
	return error_set(e, E_CORRUPT,
	                 "The key file is damaged or was not written by tend: it asks for key "
	                 "derivation with %llu passes over %llu KiB, outside what tend ever uses "
	                 "(at least 1 pass over 8 KiB; at most %llu passes, %llu MiB, and %llu "
	                 "passes over 1 GiB in all).",
	                 (unsigned long long)p->opslimit, (unsigned long long)(p->memlimit >> 10),
	                 KDF_MAX_OPSLIMIT, KDF_MAX_MEMLIMIT >> 20, KDF_MAX_WORK >> 30);
}

/* Bytes 0..64: what the AEAD authenticates along with the key. */
static void encode_header(const struct keyfile *kf, uint8_t out[KF_HEADER_END])
{
	memset(out, 0, KF_HEADER_END);
	memcpy(out, kf_magic, sizeof(kf_magic));
	out[8] = KF_VERSION;
	out[9] = KF_ALG_ARGON2ID13;
	put_le64(out + 16, kf->kdf.opslimit);
	put_le64(out + 24, kf->kdf.memlimit);
	memcpy(out + 32, kf->salt, sizeof(kf->salt));
	memcpy(out + 48, kf->vault_id, sizeof(kf->vault_id));
}

/* Argon2id(pass, salt) into a new secmem buffer of VAULT_KEY_BYTES, or NULL
 * with e filled. */
static uint8_t *derive(const struct keyfile *kf, const char *pass, size_t passlen,
                       struct error *e)
{
	if (crypto_init() != 0) {
		error_set(e, E_FAIL, "The encryption library could not start.");
		return NULL;
	}
	if (!kdf_params_valid(&kf->kdf)) {
		kdf_params_refused(&kf->kdf, e);
		return NULL;
	}
	if (passlen > crypto_pwhash_passwd_max()) {
		error_set(e, E_FAIL, "The passphrase is too long.");
		return NULL;
	}
	if (!pass) {
		if (passlen != 0) {
			error_set(e, E_FAIL, "No passphrase was given.");
			return NULL;
		}
		pass = "";
	}
	uint8_t *wk = secmem_alloc(VAULT_KEY_BYTES);
	if (!wk) {
		error_set(e, E_FAIL, "Out of memory for the key.");
		return NULL;
	}
	if (crypto_pwhash(wk, VAULT_KEY_BYTES, pass, (unsigned long long)passlen, kf->salt,
	                  (unsigned long long)kf->kdf.opslimit, (size_t)kf->kdf.memlimit,
	                  crypto_pwhash_ALG_ARGON2ID13) != 0) {
		/* The only way Argon2id fails with valid limits is memory. */
		secmem_free(wk);
		error_set(e, E_FAIL,
		          "Not enough memory to unlock the key (it needs %llu MiB). "
		          "Close other programs and try again.",
		          (unsigned long long)(kf->kdf.memlimit >> 20));
		return NULL;
	}
	return wk;
}

int keyfile_wrap(struct keyfile *kf, const struct kdf_params *kdf,
                 const char *pass, size_t passlen,
                 const uint8_t key[VAULT_KEY_BYTES], struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	if (!kdf_params_valid(kdf))
		return error_set(e, E_FAIL,
		                 "The key derivation settings are outside what tend accepts.");

	/* Work on a copy so kf is unchanged when anything fails. */
	struct keyfile next = *kf;
	next.kdf = *kdf;
	randombytes_buf(next.salt, sizeof(next.salt));
	randombytes_buf(next.nonce, sizeof(next.nonce));

	uint8_t *wk = derive(&next, pass, passlen, e);
	if (!wk)
		return -1;
	uint8_t ad[KF_HEADER_END];
	encode_header(&next, ad);
	unsigned long long clen = 0;
	int rc = crypto_aead_xchacha20poly1305_ietf_encrypt(
		next.wrapped, &clen, key, VAULT_KEY_BYTES, ad, sizeof(ad), NULL, next.nonce, wk);
	secmem_free(wk);
	if (rc != 0 || clen != sizeof(next.wrapped)) {
		secmem_wipe(&next, sizeof(next));
		return error_set(e, E_FAIL, "Could not encrypt the vault key.");
	}
	*kf = next;
	secmem_wipe(&next, sizeof(next));
	return 0;
}

int keyfile_unwrap(const struct keyfile *kf, const char *pass, size_t passlen,
                   uint8_t key[VAULT_KEY_BYTES], struct error *e)
{
	uint8_t *wk = derive(kf, pass, passlen, e);
	if (!wk)
		return -1;
	uint8_t *plain = secmem_alloc(VAULT_KEY_BYTES);
	if (!plain) {
		secmem_free(wk);
		return error_set(e, E_FAIL, "Out of memory for the key.");
	}
	uint8_t ad[KF_HEADER_END];
	encode_header(kf, ad);
	unsigned long long mlen = 0;
	int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
		plain, &mlen, NULL, kf->wrapped, sizeof(kf->wrapped), ad, sizeof(ad), kf->nonce, wk);
	secmem_free(wk);
	if (rc != 0 || mlen != VAULT_KEY_BYTES) {
		secmem_free(plain);
		return error_set(e, E_AUTH, "%s", msg_wrong_pass);
	}
	memcpy(key, plain, VAULT_KEY_BYTES);
	secmem_free(plain);
	return 0;
}

void keyfile_encode(const struct keyfile *kf, uint8_t out[KEYFILE_SIZE])
{
	encode_header(kf, out);
	memcpy(out + 64, kf->nonce, sizeof(kf->nonce));
	memcpy(out + 88, kf->wrapped, sizeof(kf->wrapped));
	/* Unkeyed BLAKE2b-256 cannot fail; should it ever, a zero checksum
	 * makes the result one that keyfile_decode rejects, not a silent
	 * success. */
	if (crypto_init() != 0 ||
	    crypto_generichash(out + KF_SUM_OFF, KF_SUM_BYTES, out, KF_SUM_OFF, NULL, 0) != 0)
		memset(out + KF_SUM_OFF, 0, KF_SUM_BYTES);
}

static bool all_zero(const uint8_t *p, size_t n)
{
	uint8_t acc = 0;
	for (size_t i = 0; i < n; i++)
		acc |= p[i];
	return acc == 0;
}

int keyfile_decode(const uint8_t *data, size_t len, struct keyfile *kf,
                   struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	/* Magic and version come first so that a later format, whatever its
	 * size or checksum, is reported as "newer", not as damage. */
	if (!data || len < 9 || memcmp(data, kf_magic, sizeof(kf_magic)) != 0)
		return error_set(e, E_CORRUPT, "%s", msg_damaged);
	if (data[8] > KF_VERSION)
		return error_set(e, E_FAIL, "%s", msg_newer);
	if (data[8] != KF_VERSION || len != KEYFILE_SIZE)
		return error_set(e, E_CORRUPT, "%s", msg_damaged);

	uint8_t sum[KF_SUM_BYTES];
	if (crypto_generichash(sum, sizeof(sum), data, KF_SUM_OFF, NULL, 0) != 0)
		return error_set(e, E_FAIL, "Could not check the vault's key file.");
	if (sodium_memcmp(sum, data + KF_SUM_OFF, KF_SUM_BYTES) != 0)
		return error_set(e, E_CORRUPT, "%s", msg_damaged);
	if (data[9] != KF_ALG_ARGON2ID13 || !all_zero(data + 10, 6))
		return error_set(e, E_CORRUPT, "%s", msg_damaged);

	struct keyfile out;
	out.kdf.opslimit = get_le64(data + 16);
	out.kdf.memlimit = get_le64(data + 24);
	if (!kdf_params_valid(&out.kdf))
		return kdf_params_refused(&out.kdf, e);
	memcpy(out.salt, data + 32, sizeof(out.salt));
	memcpy(out.vault_id, data + 48, sizeof(out.vault_id));
	memcpy(out.nonce, data + 64, sizeof(out.nonce));
	memcpy(out.wrapped, data + 88, sizeof(out.wrapped));
	*kf = out;
	return 0;
}

static const char *const copy_names[2] = {"key", "key.bak"};

/* Writes copy i (0 "key", 1 "key.bak") atomically. */
static int save_copy(const char *dir, int i, const uint8_t bytes[KEYFILE_SIZE],
                     struct error *e)
{
	char *path = path_join(dir, copy_names[i]);
	if (!path)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = atomic_write(path, bytes, KEYFILE_SIZE, 0600, e);
	free(path);
	return rc;
}

/* Never write a file that would not read back. */
static int encode_checked(const struct keyfile *kf, uint8_t bytes[KEYFILE_SIZE], struct error *e)
{
	keyfile_encode(kf, bytes);
	struct keyfile check;
	if (keyfile_decode(bytes, KEYFILE_SIZE, &check, e) != 0)
		return error_set(e, E_FAIL, "Could not prepare the vault's key file (nothing was written).");
	return 0;
}

int keyfile_save(const char *dir, const struct keyfile *kf, struct error *e)
{
	uint8_t bytes[KEYFILE_SIZE];
	if (encode_checked(kf, bytes, e))
		return -1;
	/* The backup first: if we stop half-way, "key" is still the old,
	 * intact copy. */
	if (save_copy(dir, 1, bytes, e))
		return -1;
	return save_copy(dir, 0, bytes, e);
}

int keyfile_save_backup(const char *dir, const struct keyfile *kf, struct error *e)
{
	uint8_t bytes[KEYFILE_SIZE];
	if (encode_checked(kf, bytes, e))
		return -1;
	return save_copy(dir, 1, bytes, e);
}

/* The bytes of dir/name when it is an intact key file. */
static bool read_intact(const char *dir, const char *name, uint8_t out[KEYFILE_SIZE])
{
	char *path = path_join(dir, name);
	struct buf b = BUF_INIT;
	struct error ignored;
	struct keyfile check;
	bool ok = path && read_file(path, KEYFILE_SIZE + 1, &b, NULL, &ignored) == 0 &&
	          b.len == KEYFILE_SIZE &&
	          keyfile_decode((const uint8_t *)b.data, b.len, &check, &ignored) == 0;
	if (ok)
		memcpy(out, b.data, KEYFILE_SIZE);
	buf_free(&b);
	free(path);
	return ok;
}

int keyfile_mend_backup(const char *dir, struct error *e)
{
	uint8_t key[KEYFILE_SIZE], bak[KEYFILE_SIZE];
	if (!read_intact(dir, copy_names[0], key))
		return 0;
	if (read_intact(dir, copy_names[1], bak) && memcmp(key, bak, KEYFILE_SIZE) == 0)
		return 0;
	char *path = path_join(dir, copy_names[1]);
	if (!path)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = atomic_write(path, key, KEYFILE_SIZE, 0600, e);
	free(path);
	return rc;
}

/* Plenty for any key file; a longer file is not one. */
#define KEYFILE_READ_MAX 4096

enum copy_state { COPY_OK, COPY_MISSING, COPY_DAMAGED, COPY_NEWER, COPY_UNREADABLE };

/* Reads and decodes one copy; e holds the reason when it is not COPY_OK. */
static enum copy_state load_copy(const char *dir, const char *name, struct keyfile *kf,
                                 struct error *e)
{
	char *path = path_join(dir, name);
	if (!path) {
		error_set(e, E_FAIL, "Out of memory.");
		return COPY_UNREADABLE;
	}
	struct buf b = BUF_INIT;
	int missing = 0;
	enum copy_state st = COPY_OK;
	struct stat sb;
	if (read_file(path, KEYFILE_READ_MAX, &b, &missing, e) != 0) {
		if (missing)
			st = COPY_MISSING;
		else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > KEYFILE_READ_MAX)
			st = COPY_DAMAGED; /* far too long to be a key file */
		else
			st = COPY_UNREADABLE;
	} else if (keyfile_decode((const uint8_t *)b.data, b.len, kf, e) != 0) {
		st = (e && e->code == E_FAIL) ? COPY_NEWER : COPY_DAMAGED;
	}
	buf_free(&b);
	free(path);
	return st;
}

int keyfile_load_copy(const char *dir, bool backup, struct keyfile *kf, struct error *e)
{
	struct keyfile got;
	if (load_copy(dir, copy_names[backup ? 1 : 0], &got, e) != COPY_OK)
		return -1;
	*kf = got;
	return 0;
}

/* Why neither copy could be read (s_key and s_bak both not COPY_OK, and
 * s_key not COPY_NEWER), from what load_copy said of each. */
static int load_error(const char *dir, enum copy_state s_key, const struct error *e_key,
                      enum copy_state s_bak, const struct error *e_bak, struct error *e)
{
	if (s_bak == COPY_NEWER)
		return error_set(e, E_FAIL, "%s", e_bak->msg);
	if (s_key == COPY_UNREADABLE)
		return error_set(e, E_FAIL, "%s", e_key->msg);
	if (s_bak == COPY_UNREADABLE)
		return error_set(e, E_FAIL, "%s", e_bak->msg);
	if (s_key == COPY_MISSING && s_bak == COPY_MISSING)
		return error_set(e, E_FAIL, "There is no vault in %s yet. Create one with 'tend init'.",
		                 dir);
	if (s_key == COPY_DAMAGED && s_bak == COPY_DAMAGED)
		return error_set(e, E_CORRUPT,
		                 "The vault's key file is damaged: neither %s/key nor its backup "
		                 "key.bak is intact.",
		                 dir);
	return error_set(e, E_CORRUPT,
	                 "The vault's key file is damaged: %s/%s is not intact and %s is missing.",
	                 dir, s_key == COPY_DAMAGED ? "key" : "key.bak",
	                 s_key == COPY_DAMAGED ? "key.bak" : "key");
}

int keyfile_load(const char *dir, struct keyfile *kf, bool *used_backup,
                 struct error *e)
{
	struct error e_key, e_bak;
	error_clear(&e_key);
	error_clear(&e_bak);
	struct keyfile got;
	if (used_backup)
		*used_backup = false;

	enum copy_state s_key = load_copy(dir, copy_names[0], &got, &e_key);
	if (s_key == COPY_OK) {
		*kf = got;
		return 0;
	}
	/* A newer tend wrote this vault; an older backup must not win. */
	if (s_key == COPY_NEWER)
		return error_set(e, E_FAIL, "%s", e_key.msg);

	enum copy_state s_bak = load_copy(dir, copy_names[1], &got, &e_bak);
	if (s_bak == COPY_OK) {
		*kf = got;
		if (used_backup)
			*used_backup = true;
		return 0;
	}
	return load_error(dir, s_key, &e_key, s_bak, &e_bak, e);
}

/* true when a and b would be written as the same bytes. */
static bool same_copy(const struct keyfile *a, const struct keyfile *b)
{
	uint8_t x[KEYFILE_SIZE], y[KEYFILE_SIZE];
	keyfile_encode(a, x);
	keyfile_encode(b, y);
	return memcmp(x, y, sizeof(x)) == 0;
}

int keyfile_unlock(const char *dir, const char *pass, size_t passlen, struct keyfile *kf,
                   uint8_t key[VAULT_KEY_BYTES], bool *used_backup, struct error *e)
{
	struct error e_key, e_bak;
	error_clear(&e_key);
	error_clear(&e_bak);
	struct keyfile k_key, k_bak;
	int rc = -1;
	*used_backup = false;

	enum copy_state s_key = load_copy(dir, copy_names[0], &k_key, &e_key);
	if (s_key == COPY_NEWER)
		return error_set(e, E_FAIL, "%s", e_key.msg);
	if (s_key == COPY_OK && keyfile_unwrap(&k_key, pass, passlen, key, &e_key) == 0) {
		*kf = k_key;
		rc = 0;
		goto out;
	}
	/* key is missing, damaged, or intact by its checksum but does not
	 * open (a wrong passphrase, or a header changed and its unkeyed
	 * checksum redone): key.bak gets its own try, unless it is the very
	 * same bytes, which would fail the same way. */
	enum copy_state s_bak = load_copy(dir, copy_names[1], &k_bak, &e_bak);
	bool tried_bak = s_bak == COPY_OK && !(s_key == COPY_OK && same_copy(&k_key, &k_bak));
	if (tried_bak && keyfile_unwrap(&k_bak, pass, passlen, key, &e_bak) == 0) {
		*kf = k_bak;
		*used_backup = true;
		rc = 0;
		goto out;
	}
	if (s_key != COPY_OK && s_bak != COPY_OK) {
		rc = load_error(dir, s_key, &e_key, s_bak, &e_bak, e);
		goto out;
	}
	if (s_bak == COPY_NEWER) {
		rc = error_set(e, E_FAIL, "%s", e_bak.msg);
		goto out;
	}
	/* Each copy that was tried failed. Only when every one of them said
	 * "wrong passphrase" is that the answer; another reason (memory for
	 * Argon2id, say) is said as it is. */
	if (s_key == COPY_OK && e_key.code != E_AUTH)
		rc = error_set(e, e_key.code, "%s", e_key.msg);
	else if (tried_bak && e_bak.code != E_AUTH)
		rc = error_set(e, e_bak.code, "%s", e_bak.msg);
	else
		rc = error_set(e, E_AUTH, "%s", msg_wrong_pass);
out:
	secmem_wipe(&k_key, sizeof(k_key));
	secmem_wipe(&k_bak, sizeof(k_bak));
	return rc;
}

bool keyfile_exists(const char *dir)
{
	for (int i = 0; i < 2; i++) {
		char *path = path_join(dir, copy_names[i]);
		if (!path)
			return true; /* cannot tell: the careful answer */
		struct stat st;
		int r = lstat(path, &st);
		int err = errno;
		free(path);
		/* Anything but "not there" (a permission problem, say) counts as
		 * there, so nobody creates a vault over one they cannot see. */
		if (r == 0 || (err != ENOENT && err != ENOTDIR))
			return true;
	}
	return false;
}

/* Overwrites path's bytes in place with random ones and syncs them. 0 when
 * done or when there is no such file (*found says which). */
static int overwrite_random(const char *path, bool *found, struct error *e)
{
	*found = false;
	int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		*found = true;
		if (errno == ELOOP) /* a symlink: remove the link, leave its target */
			return 0;
		return error_errno(e, errno, "Cannot overwrite %s", path);
	}
	*found = true;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int err = errno;
		close(fd);
		return error_errno(e, err, "Cannot overwrite %s", path);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	uint8_t chunk[4096];
	off_t left = st.st_size;
	int rc = 0;
	while (left > 0) {
		size_t n = left < (off_t)sizeof(chunk) ? (size_t)left : sizeof(chunk);
		randombytes_buf(chunk, n);
		if (write_all(fd, chunk, n) != 0) {
			rc = error_errno(e, errno, "Cannot overwrite %s", path);
			break;
		}
		left -= (off_t)n;
	}
	if (rc == 0 && fsync(fd) != 0)
		rc = error_errno(e, errno, "Cannot flush %s", path);
	if (close(fd) != 0 && rc == 0)
		rc = error_errno(e, errno, "Cannot overwrite %s", path);
	return rc;
}

/* Shreds one file; keeps the first error in e. */
static int shred_one(const char *path, bool *removed, struct error *first, int rc)
{
	struct error e;
	error_clear(&e);
	bool found;
	int r = overwrite_random(path, &found, &e);
	/* Even if the overwrite failed, removing the file is better than
	 * leaving it. */
	if (found && unlink(path) != 0 && errno != ENOENT && r == 0)
		r = error_errno(&e, errno, "Cannot remove %s", path);
	if (found)
		*removed = true;
	if (r != 0 && rc == 0) {
		*first = e;
		return -1;
	}
	return rc;
}

/* Temporary files that atomic_write leaves behind only if it is
 * interrupted by a crash: "key.tmp-XXXXXX" and "key.bak.tmp-XXXXXX". */
static bool is_key_tmp(const char *name)
{
	return strncmp(name, "key.tmp-", 8) == 0 || strncmp(name, "key.bak.tmp-", 12) == 0;
}

void keyfile_clean_tmp(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (!is_key_tmp(de->d_name))
			continue;
		char *path = path_join(dir, de->d_name);
		/* Shredded as the key files are: it holds the wrapped key. */
		struct error ignored;
		bool removed;
		if (path)
			shred_one(path, &removed, &ignored, 0);
		free(path);
	}
	closedir(d);
}

int keyfile_shred(const char *dir, struct error *e)
{
	if (crypto_init() != 0)
		return error_set(e, E_FAIL, "The encryption library could not start.");
	struct error first;
	error_clear(&first);
	int rc = 0;
	bool removed = false;
	for (int i = 0; i < 2; i++) {
		char *path = path_join(dir, copy_names[i]);
		if (!path)
			return error_set(e, E_FAIL, "Out of memory.");
		rc = shred_one(path, &removed, &first, rc);
		free(path);
	}
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			if (!is_key_tmp(de->d_name))
				continue;
			char *path = path_join(dir, de->d_name);
			if (!path)
				continue;
			rc = shred_one(path, &removed, &first, rc);
			free(path);
		}
		closedir(d);
	}
	if (removed) {
		char *any = path_join(dir, copy_names[0]);
		if (!any)
			return error_set(e, E_FAIL, "Out of memory.");
		struct error fe;
		if (fsync_dir_of(any, &fe) != 0 && rc == 0) {
			first = fe;
			rc = -1;
		}
		free(any);
	}
	if (rc != 0)
		return error_set(e, first.code, "%s", first.msg);
	return 0;
}
