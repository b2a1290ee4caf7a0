/* vfs.c: the encrypting VFS. See include/store/vfs.h for the design. */
#include "store/vfs.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/page.h"
#include "crypto/secmem.h"
#include "util/num.h"

#define PS VFS_PAGE_SIZE
#define SKIP1 16 /* plaintext bytes at the start of page 1 */
#define SECTOR 512

/* What page 1 starts with on disk: names the format, nothing else. Format
 * 1 kept a 32-byte page-set digest in page 1; format 2 keeps a 16-byte
 * digest, the change counter and the id of the journal that last wrote it
 * (see "The state page 1 carries" below). Format 1 is still read; every
 * write makes page 1 format 2. */
static const uint8_t vault_magic1[SKIP1] = "tend vault 1\0\0\0";
static const uint8_t vault_magic2[SKIP1] = "tend vault 2\0\0\0";
static const uint8_t sqlite_magic[SKIP1] = "SQLite format 3";

#define JID_BYTES 8

struct slot {
	bool used;
	uint8_t enc[PAGE_KEY_BYTES];
	uint8_t mac[PAGE_KEY_BYTES];
	uint8_t id[16];
	struct vfs_stats stats;
};

static struct slot *slots; /* VFS_SLOTS of them, in locked memory */
static sqlite3_vfs *base_vfs;

enum kind { MAIN, JOURNAL, MEM };

struct tfile {
	sqlite3_file base;
	enum kind kind;
	struct slot *slot;
	sqlite3_file *real;
	sqlite3_int64 off0; /* where the database starts in the real file */
	/* MAIN */
	const char *path;
	uint8_t *sealed; /* PS bytes scratch for ciphertext */
	uint8_t *plain;  /* PS bytes scratch for plaintext */
	uint8_t *p1;     /* plaintext of page 1 */
	bool p1_valid;
	bool p1_dirty; /* page 1 on disk may not match: seal it again */
	bool stale;    /* a write failed part way: rebuild root from disk */
	uint32_t npages;
	uint8_t root[PAGE_MAC_BYTES];        /* XOR of page_mac over pages 2..npages */
	uint8_t sealed_root[PAGE_MAC_BYTES]; /* what page 1 on disk is bound to */
	uint32_t sealed_npages;
	uint8_t p1_tag[PAGE_TAG_BYTES]; /* page 1's tag on disk, as last seen */
	uint64_t counter;               /* page 1's change counter on disk */
	uint8_t jid[JID_BYTES];         /* and the journal id it names */
	int lock;                       /* the lock level held */
	/* MAIN: the change under way, from its journal's first header to the
	 * journal's end. Page 1 is sealed with txn_counter and txn_jid, and is
	 * marked so before any other page of the database is written. */
	bool txn, txn_marked;
	uint64_t txn_counter;
	uint8_t txn_jid[JID_BYTES];
	/* JOURNAL */
	struct tfile *db;
	bool emptied; /* cut to nothing: the change it protected is committed */
	int jver; /* 0 not known yet, 1 (unbound, old), 2 (bound) */
	uint64_t c0;
	uint8_t j_id[JID_BYTES];
	/* MEM */
	uint8_t *mem;
	size_t mem_len, mem_cap;
};

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)(v >> 32));
	put32(p + 4, (uint32_t)v);
}

static uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) << 32 | get32(p + 4);
}

/* Associated data: vault id, file kind ('D' database, 'J' journal), page
 * number, then for page 1 of format 2 the format byte, and for a bound
 * journal record its journal id. */
enum { AD_BASE = 16 + 1 + 4, AD_MAX = AD_BASE + JID_BYTES };

static size_t make_ad(uint8_t *ad, const struct slot *s, char kind, uint32_t pgno)
{
	memcpy(ad, s->id, 16);
	ad[16] = (uint8_t)kind;
	put32(ad + 17, pgno);
	return AD_BASE;
}

static size_t page1_ad(uint8_t *ad, const struct slot *s, int version)
{
	size_t n = make_ad(ad, s, 'D', 1);
	if (version == 2)
		ad[n++] = '2';
	return n;
}

static size_t journal_ad(uint8_t *ad, const struct tfile *j, uint32_t pgno)
{
	size_t n = make_ad(ad, j->slot, 'J', pgno);
	if (j->jver == 2) {
		memcpy(ad + n, j->j_id, JID_BYTES);
		n += JID_BYTES;
	}
	return n;
}

/* ---- the state page 1 carries -----------------------------------------
 *
 * Page 1's reserved bytes (inside its encrypted part) hold, in format 2:
 *   16 bytes  the page-set digest: a keyed digest of every other page's
 *             tag and of the page count (format 1: 32 bytes, nothing else)
 *    8 bytes  the change counter, which only grows
 *    8 bytes  the id of the journal of the change that last wrote page 1
 * A change (from its journal's first header to the journal's end) with
 * journal id J that starts at counter c seals page 1 with c + 1 and J
 * before it writes any other page; rolling back J after a crash seals it
 * with c + 2 and J. The journal's headers carry c and J under a MAC, and
 * its records are sealed with J, so a hot journal is played back only if
 * page 1 says (c, -), (c + 1, J) or (c + 2, J): the state it was written
 * against. docs/security.md gives the argument. */
#define AUX_OFF (PS - VFS_RESERVE)
#define DIGEST2 16

static void xor_into(uint8_t *acc, const uint8_t *m)
{
	for (int i = 0; i < PAGE_MAC_BYTES; i++)
		acc[i] ^= m[i];
}

static void xor_mac(const struct tfile *f, uint8_t *root, uint32_t pgno, const uint8_t *tag)
{
	uint8_t m[PAGE_MAC_BYTES];
	page_mac(f->slot->mac, pgno, tag, m);
	xor_into(root, m);
}

/* The digest page 1 carries: the XOR over pages 2..n, plus the count n
 * (as a pseudo-page that no real page number can equal). */
static void page_set_digest(const struct slot *s, const uint8_t *root, uint32_t npages,
                            uint8_t out[PAGE_MAC_BYTES])
{
	uint8_t count[PAGE_TAG_BYTES] = {0};
	put32(count, npages);
	page_mac(s->mac, UINT32_MAX, count, out);
	xor_into(out, root);
}

/* What page 1 on disk says, read without SQLite. */
struct p1info {
	int version; /* 1 or 2 */
	uint8_t digest[PAGE_MAC_BYTES];
	size_t digest_len;
	uint64_t counter;
	uint8_t jid[JID_BYTES];
	uint8_t tag[PAGE_TAG_BYTES];
};

/* Opens the sealed page 1 in `sealed` into `out`, in SQLite's view (its
 * own header magic, the reserved bytes zero), and says what page 1
 * carries. Returns 0, or -1 if it is not authentic. */
static int page1_open(const struct slot *s, const uint8_t *sealed, uint8_t *out,
                      struct p1info *info)
{
	int version = !memcmp(sealed, vault_magic2, SKIP1)   ? 2
	              : !memcmp(sealed, vault_magic1, SKIP1) ? 1
	                                                     : 0;
	uint8_t ad[AD_MAX];
	if (!version || page_open(out, sealed, PS, SKIP1, s->enc, ad, page1_ad(ad, s, version)))
		return -1;
	memset(info, 0, sizeof(*info));
	info->version = version;
	const uint8_t *aux = out + AUX_OFF;
	if (version == 1) {
		memcpy(info->digest, aux, PAGE_MAC_BYTES);
		info->digest_len = PAGE_MAC_BYTES;
	} else {
		memcpy(info->digest, aux, DIGEST2);
		info->digest_len = DIGEST2;
		info->counter = get64(aux + DIGEST2);
		memcpy(info->jid, aux + DIGEST2 + 8, JID_BYTES);
	}
	memcpy(info->tag, page_tag(sealed, PS), PAGE_TAG_BYTES);
	memcpy(out, sqlite_magic, SKIP1);
	memset(out + AUX_OFF, 0, PAGE_MAC_BYTES);
	return 0;
}

/* Does page 1's digest match the page set (root, npages)? */
static bool digest_matches(const struct slot *s, const struct p1info *info, const uint8_t *root,
                           uint32_t npages)
{
	uint8_t want[PAGE_MAC_BYTES];
	page_set_digest(s, root, npages, want);
	return page_equal(want, info->digest, info->digest_len);
}

static int real_read(struct tfile *f, void *p, int amt, sqlite3_int64 off)
{
	return f->real->pMethods->xRead(f->real, p, amt, off + f->off0);
}

static int real_write(struct tfile *f, const void *p, int amt, sqlite3_int64 off)
{
	return f->real->pMethods->xWrite(f->real, p, amt, off + f->off0);
}
/* The tag stored on disk for pgno (zeros past the end). */
static int disk_tag(struct tfile *f, uint32_t pgno, uint8_t tag[PAGE_TAG_BYTES])
{
	int rc = real_read(f, tag, PAGE_TAG_BYTES, (sqlite3_int64)pgno * PS - PAGE_TAG_BYTES);
	return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_OK : rc;
}

static void note_counter(struct tfile *f, uint64_t counter, const uint8_t *jid)
{
	f->counter = counter;
	memcpy(f->jid, jid, JID_BYTES);
	if (counter > f->slot->stats.counter)
		f->slot->stats.counter = counter;
}

/* Seals f->p1 as page 1, bound to the page set as it is now. On failure
 * nothing in memory claims the write happened: page 1 is sealed again at
 * the next chance, and the page set is read again from disk. */
static int seal_page1(struct tfile *f)
{
	uint8_t ad[AD_MAX];
	uint8_t *in = f->plain;
	uint64_t counter = f->txn ? f->txn_counter : f->counter;
	const uint8_t *jid = f->txn ? f->txn_jid : f->jid;
	uint8_t digest[PAGE_MAC_BYTES];
	memcpy(in, f->p1, PS);
	memcpy(in, vault_magic2, SKIP1);
	page_set_digest(f->slot, f->root, f->npages, digest);
	memset(in + AUX_OFF, 0, PAGE_MAC_BYTES);
	memcpy(in + AUX_OFF, digest, DIGEST2);
	put64(in + AUX_OFF + DIGEST2, counter);
	memcpy(in + AUX_OFF + DIGEST2 + 8, jid, JID_BYTES);
	int rc = page_seal(f->sealed, in, PS, SKIP1, f->slot->enc, ad, page1_ad(ad, f->slot, 2))
	             ? SQLITE_IOERR_WRITE
	             : SQLITE_OK;
	secmem_wipe(in, PS);
	if (rc == SQLITE_OK)
		rc = real_write(f, f->sealed, PS, 0);
	if (rc != SQLITE_OK) {
		f->p1_dirty = true;
		f->stale = true; /* a first page cut short changes the count */
		return rc;
	}
	memcpy(f->sealed_root, f->root, PAGE_MAC_BYTES);
	f->sealed_npages = f->npages;
	memcpy(f->p1_tag, page_tag(f->sealed, PS), PAGE_TAG_BYTES);
	f->p1_dirty = false;
	note_counter(f, counter, jid);
	if (f->txn)
		f->txn_marked = true;
	return SQLITE_OK;
}

/* Reads the tags of every page to rebuild the page-set digest, in large
 * reads of ciphertext (a read per page costs a system call each). */
#define SCAN_CHUNK (256 * PS)

static int scan_root(struct tfile *f)
{
	sqlite3_int64 size;
	int rc = f->real->pMethods->xFileSize(f->real, &size);
	if (rc != SQLITE_OK)
		return rc;
	size -= f->off0;
	if (size < 0)
		size = 0;
	uint32_t npages = (uint32_t)((size + PS - 1) / PS);
	uint8_t root[PAGE_MAC_BYTES] = {0};
	uint8_t tag[PAGE_TAG_BYTES];
	uint8_t *chunk = npages > 1 ? malloc(SCAN_CHUNK) : NULL;
	int fd = chunk ? open(f->path, O_RDONLY | O_CLOEXEC) : -1;
	uint32_t p = 2;
	while (fd >= 0 && p <= npages) {
		/* Pages p .. p + n - 1, read whole. */
		off_t at = (off_t)(p - 1) * PS + f->off0;
		ssize_t got = pread(fd, chunk, SCAN_CHUNK, at);
		if (got <= 0)
			break;
		uint32_t n = (uint32_t)(got / PS);
		for (uint32_t i = 0; i < n && p <= npages; i++, p++)
			xor_mac(f, root, p, chunk + (size_t)i * PS + PS - PAGE_TAG_BYTES);
		if (got % PS)
			break; /* a cut-short last page: read its tag the slow way */
	}
	if (fd >= 0)
		close(fd);
	free(chunk);
	for (; p <= npages; p++) {
		if ((rc = disk_tag(f, p, tag)) != SQLITE_OK)
			return rc;
		xor_mac(f, root, p, tag);
	}
	memcpy(f->root, root, sizeof(root));
	f->npages = npages;
	f->stale = false;
	return SQLITE_OK;
}

/* After a failed write the page set in memory is rebuilt from what the
 * disk really holds (the write may have gone down in part), and page 1 is
 * sealed to it at the next flush. */
static int fresh(struct tfile *f)
{
	if (!f->stale)
		return SQLITE_OK;
	f->p1_dirty = true;
	return scan_root(f);
}

/* Rebinds page 1 on disk to the current page set, if it changed. A hot
 * journal's playback may not rewrite page 1 (it was marked, not changed):
 * then page 1 is read as it is, its old digest set aside, since the
 * journal was checked against it before the playback began. */
static int flush_page1(struct tfile *f)
{
	int rc = fresh(f);
	if (rc != SQLITE_OK || f->npages == 0)
		return rc;
	if (!f->p1_dirty && f->sealed_npages == f->npages &&
	    !memcmp(f->sealed_root, f->root, PAGE_MAC_BYTES))
		return SQLITE_OK;
	if (!f->p1_valid) {
		struct p1info info;
		if (!f->txn || (rc = real_read(f, f->sealed, PS, 0)) != SQLITE_OK ||
		    page1_open(f->slot, f->sealed, f->p1, &info) != 0)
			return rc != SQLITE_OK ? rc : SQLITE_IOERR_DATA;
		f->p1_valid = true;
	}
	return seal_page1(f);
}

/* What SQLite needs from the header before a crash is rolled back: the
 * page size and reserved bytes, which are fixed for every tend vault. */
static void fallback_header(uint8_t *out)
{
	memset(out, 0, PS);
	memcpy(out, sqlite_magic, SKIP1);
	out[16] = PS >> 8;
	out[17] = PS & 0xFF;
	out[18] = out[19] = 1;
	out[20] = VFS_RESERVE;
	out[21] = 64, out[22] = 32, out[23] = 32;
}

/* Decrypts page pgno into out. SQLITE_IOERR_SHORT_READ past the end.
 * `whole` says SQLite reads the whole page: only then is page 1 checked
 * against the page set and kept, because SQLite peeks at page 1's header
 * when it opens the file, before it rolls back an interrupted change. */
static int load_page(struct tfile *f, uint32_t pgno, uint8_t *out, bool whole)
{
	if (pgno == 1 && f->p1_valid) {
		memcpy(out, f->p1, PS);
		return SQLITE_OK;
	}
	int rc = real_read(f, f->sealed, PS, (sqlite3_int64)(pgno - 1) * PS);
	if (rc == SQLITE_IOERR_SHORT_READ) {
		/* A page cut short by a truncation is damage, not the end. */
		for (int i = 0; i < PS; i++) {
			if (f->sealed[i]) {
				f->slot->stats.page_failures++;
				return SQLITE_IOERR_DATA;
			}
		}
		memset(out, 0, PS);
		return SQLITE_IOERR_SHORT_READ;
	}
	if (rc != SQLITE_OK)
		return rc;
	if (pgno != 1) {
		uint8_t ad[AD_MAX];
		if (page_open(out, f->sealed, PS, 0, f->slot->enc, ad, make_ad(ad, f->slot, 'D', pgno)) ==
		    0)
			return SQLITE_OK;
		f->slot->stats.page_failures++;
		return SQLITE_IOERR_DATA;
	}
	struct p1info info;
	bool bad = page1_open(f->slot, f->sealed, out, &info) != 0, mismatch = false;
	if (!bad && whole) {
		if ((rc = fresh(f)) != SQLITE_OK)
			return rc;
		bad = mismatch = !digest_matches(f->slot, &info, f->root, f->npages);
		/* The page set in memory may come from a scan made with no lock
		 * held (when the file was opened) while another tend was part way
		 * through a change. Under a lock the file is whole: read the set
		 * again before calling it not page 1's own. (Seen once, under
		 * load, as a second tend refusing a vault another was writing.) */
		if (mismatch && f->lock >= SQLITE_LOCK_SHARED) {
			if ((rc = scan_root(f)) != SQLITE_OK)
				return rc;
			bad = mismatch = !digest_matches(f->slot, &info, f->root, f->npages);
		}
	}
	if (bad && !whole) {
		fallback_header(out);
		return SQLITE_OK;
	}
	if (bad) {
		f->slot->stats.page_failures++;
		f->slot->stats.set_mismatches += mismatch;
		return SQLITE_IOERR_DATA;
	}
	/* Only a page 1 checked against the page set may say which page 1 the
	 * set in memory belongs to: SQLite also peeks at page 1's header with
	 * no lock held (when it opens the file), while another tend may be
	 * part way through a change. */
	if (whole) {
		memcpy(f->p1, out, PS);
		f->p1_valid = true;
		f->p1_dirty = false;
		memcpy(f->sealed_root, f->root, PAGE_MAC_BYTES);
		f->sealed_npages = f->npages;
		memcpy(f->p1_tag, info.tag, PAGE_TAG_BYTES);
		note_counter(f, info.counter, info.jid);
	}
	return SQLITE_OK;
}

/* ---- main database ---------------------------------------------------- */

static int main_read(struct tfile *f, void *buf, int amt, sqlite3_int64 off)
{
	uint8_t *dst = buf;
	int result = SQLITE_OK;
	while (amt > 0) {
		uint32_t pgno = (uint32_t)(off / PS) + 1;
		int in = (int)(off % PS);
		int n = PS - in < amt ? PS - in : amt;
		int rc = load_page(f, pgno, f->plain, in == 0 && n == PS);
		if (rc == SQLITE_IOERR_SHORT_READ) {
			result = rc;
		} else if (rc != SQLITE_OK) {
			return rc;
		}
		memcpy(dst, f->plain + in, (size_t)n);
		dst += n, off += n, amt -= n;
	}
	secmem_wipe(f->plain, PS);
	return result;
}

/* Every change to the page set is worked out on a copy and kept only once
 * the write is on disk: a failed write leaves memory as the disk was, and
 * one that may have gone down in part makes the set be read again. */
static int main_write(struct tfile *f, const void *buf, int amt, sqlite3_int64 off)
{
	const uint8_t *src = buf;
	if (amt != PS || off % PS) {
		f->slot->stats.refused++;
		return SQLITE_IOERR_WRITE;
	}
	int rc = fresh(f);
	if (rc != SQLITE_OK)
		return rc;
	uint32_t pgno = (uint32_t)(off / PS) + 1;
	if (pgno == 1) {
		/* Page size 4096 and the reserved bytes tend needs, or nothing. */
		if (src[16] != (PS >> 8) || src[17] != (PS & 0xFF) || src[20] != VFS_RESERVE) {
			f->slot->stats.refused++;
			return SQLITE_IOERR_WRITE;
		}
		memcpy(f->p1, src, PS);
		f->p1_valid = true;
		if (f->npages == 0)
			f->npages = 1;
		return seal_page1(f);
	}
	/* A change marks page 1 as its own before it writes any other page, so
	 * that a crash journal can be matched to the state it protects. */
	if (f->txn && !f->txn_marked && f->npages > 0) {
		if (!f->p1_valid) {
			rc = load_page(f, 1, f->plain, true);
			secmem_wipe(f->plain, PS);
			if (rc != SQLITE_OK)
				return rc;
		}
		if ((rc = seal_page1(f)) != SQLITE_OK)
			return rc;
	}
	uint8_t root[PAGE_MAC_BYTES], tag[PAGE_TAG_BYTES];
	memcpy(root, f->root, sizeof(root));
	uint32_t npages = f->npages;
	/* Pages between the old end and this one are holes: count them as
	 * they are on disk so the digest matches a fresh read of the file. */
	for (uint32_t p = npages + 1; p < pgno; p++) {
		if (p < 2)
			continue;
		memset(tag, 0, sizeof(tag));
		xor_mac(f, root, p, tag);
	}
	if (pgno <= npages) {
		if ((rc = disk_tag(f, pgno, tag)) != SQLITE_OK)
			return rc;
		xor_mac(f, root, pgno, tag);
	}
	if (pgno > npages)
		npages = pgno;
	uint8_t ad[AD_MAX];
	if (page_seal(f->sealed, src, PS, 0, f->slot->enc, ad, make_ad(ad, f->slot, 'D', pgno)))
		return SQLITE_IOERR_WRITE;
	xor_mac(f, root, pgno, page_tag(f->sealed, PS));
	if ((rc = real_write(f, f->sealed, PS, off)) != SQLITE_OK) {
		f->stale = true;
		return rc;
	}
	memcpy(f->root, root, sizeof(root));
	f->npages = npages;
	return SQLITE_OK;
}

static int main_truncate(struct tfile *f, sqlite3_int64 size)
{
	int rc = fresh(f);
	if (rc != SQLITE_OK)
		return rc;
	uint32_t keep = (uint32_t)((size + PS - 1) / PS);
	uint8_t root[PAGE_MAC_BYTES], tag[PAGE_TAG_BYTES];
	memcpy(root, f->root, sizeof(root));
	for (uint32_t p = keep + 1; p <= f->npages; p++) {
		if (p < 2)
			continue;
		if ((rc = disk_tag(f, p, tag)) != SQLITE_OK)
			return rc;
		xor_mac(f, root, p, tag);
	}
	rc = f->real->pMethods->xTruncate(f->real, size + f->off0);
	if (rc != SQLITE_OK) {
		f->stale = true;
		return rc;
	}
	if (keep < f->npages) {
		memcpy(f->root, root, sizeof(root));
		f->npages = keep;
	}
	if (f->npages == 0) {
		f->p1_valid = false;
		f->p1_dirty = false;
		memset(f->root, 0, sizeof(f->root));
		memcpy(f->sealed_root, f->root, sizeof(f->root));
		f->sealed_npages = 0;
		return SQLITE_OK;
	}
	return flush_page1(f);
}

/* Reads page 1's tag and the file's size: if either changed since this
 * process last looked, another tend wrote the vault, and what is kept in
 * memory is read again. Run whenever a lock is taken afresh, and with
 * force when the file is opened. */
static int main_refresh(struct tfile *f, bool force)
{
	sqlite3_int64 size;
	uint8_t tag[PAGE_TAG_BYTES];
	int rc = f->real->pMethods->xFileSize(f->real, &size);
	if (rc != SQLITE_OK)
		return rc;
	size -= f->off0;
	uint32_t npages = size > 0 ? (uint32_t)((size + PS - 1) / PS) : 0;
	if ((rc = disk_tag(f, 1, tag)) != SQLITE_OK)
		return rc;
	if (!force && npages == f->npages && !memcmp(tag, f->p1_tag, PAGE_TAG_BYTES) && !f->stale)
		return SQLITE_OK;
	f->p1_valid = false;
	f->p1_dirty = false;
	if ((rc = scan_root(f)) != SQLITE_OK)
		return rc;
	memcpy(f->sealed_root, f->root, sizeof(f->root));
	f->sealed_npages = f->npages;
	memcpy(f->p1_tag, tag, PAGE_TAG_BYTES);
	/* The counter and journal id: page 1 read, its digest checked later. */
	if (f->npages > 0 && real_read(f, f->sealed, PS, 0) == SQLITE_OK) {
		struct p1info info;
		if (page1_open(f->slot, f->sealed, f->plain, &info) == 0)
			note_counter(f, info.counter, info.jid);
		secmem_wipe(f->plain, PS);
	}
	return SQLITE_OK;
}

/* ---- journal ------------------------------------------------------------ */

/* A journal record is: page number (4 bytes), page image, checksum (4).
 * Only the page image is encrypted; its page number comes from the 4 bytes
 * SQLite wrote just before it. Journal headers are one sector (512 bytes),
 * so a 4096-byte access is always a page image. */
static int journal_pgno(struct tfile *f, sqlite3_int64 off, uint32_t *pgno)
{
	uint8_t b[4];
	if (off < 4)
		return SQLITE_IOERR_READ;
	int rc = real_read(f, b, 4, off - 4);
	if (rc != SQLITE_OK)
		return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_READ : rc;
	*pgno = get32(b);
	return SQLITE_OK;
}

/* A journal header is SQLite's 28 bytes (magic, record count, checksum
 * seed, original size in pages, sector size, page size), then tend's:
 *   8 bytes   "tend J2" marker
 *   8 bytes   c: page 1's change counter when the change began
 *   8 bytes   the journal id
 *  32 bytes   a MAC (the digest key) over the vault id, the header's
 *             offset, SQLite's 28 bytes and the three fields above
 * The rest of the sector is zero, as SQLite leaves it. SQLite writes the
 * magic and record count last (12 bytes, before its final sync of the
 * journal); the MAC is written again just before them, so a crash between
 * the two leaves a header without its magic, which SQLite ignores. */
static const uint8_t journal_magic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
static const uint8_t jhdr_marker[8] = "tend J2";
enum { JH_SQLITE = 28, JH_MARK = 28, JH_C0 = 36, JH_JID = 44, JH_MAC = 52, JH_LEN = 84 };

static void jhdr_mac(const struct tfile *j, sqlite3_int64 off, const uint8_t *hdr,
                     uint8_t out[PAGE_MAC_BYTES])
{
	static const char label[] = "tend journal header";
	uint8_t msg[sizeof(label) + 16 + 8 + JH_MAC];
	size_t n = 0;
	memcpy(msg, label, sizeof(label));
	n += sizeof(label);
	memcpy(msg + n, j->slot->id, 16);
	n += 16;
	put64(msg + n, (uint64_t)off);
	n += 8;
	memcpy(msg + n, hdr, JH_MAC);
	n += JH_MAC;
	page_mac_bytes(j->slot->mac, msg, n, out);
}

/* Where page 1 of the database stands, for binding a hot journal. */
enum p1state { P1_EMPTY, P1_BAD, P1_OK };

static enum p1state db_page1(struct tfile *db, struct p1info *info)
{
	sqlite3_int64 size;
	if (db->real->pMethods->xFileSize(db->real, &size) != SQLITE_OK)
		return P1_BAD;
	if (size - db->off0 <= 0)
		return P1_EMPTY;
	uint8_t *sealed = secmem_alloc(PS), *plain = secmem_alloc(PS);
	enum p1state st = P1_BAD;
	if (sealed && plain && real_read(db, sealed, PS, 0) == SQLITE_OK &&
	    page1_open(db->slot, sealed, plain, info) == 0)
		st = P1_OK;
	secmem_free(sealed);
	secmem_free(plain);
	return st;
}

/* Is a journal begun at counter c0 with id jid the one that protects the
 * database as page 1 now stands? */
static bool journal_bound(struct tfile *db, uint64_t c0, const uint8_t *jid, uint32_t orig)
{
	struct p1info p;
	switch (db_page1(db, &p)) {
	case P1_EMPTY:
		return true; /* nothing there to roll back onto */
	case P1_BAD:
		/* Only a vault that was being made has no readable page 1. */
		return c0 == 0 && orig == 0;
	default:
		break;
	}
	if (p.counter == c0)
		return true; /* the change wrote no page yet: playing back is a no-op */
	if (memcmp(p.jid, jid, JID_BYTES) != 0)
		return false;
	return p.counter == c0 + 1 || p.counter == c0 + 2;
}

/* Before SQLite plays back a hot journal, the whole journal is checked
 * here, so a damaged, altered, old or spliced journal is refused before a
 * single page of the database is touched: each header's MAC, that every
 * header names the same change, that the change is the one page 1 says is
 * under way, and every record counted in a header (with synchronous=FULL
 * those were synced before the database was written, so a crash cannot
 * leave them torn). A journal from a tend that did not bind journals is
 * accepted only while page 1 is of that format too. */
static int journal_validate(struct tfile *f, bool rw)
{
	sqlite3_int64 size;
	int rc = f->real->pMethods->xFileSize(f->real, &size);
	if (rc != SQLITE_OK || size == 0)
		return rc;
	uint8_t hdr[JH_LEN], mac[PAGE_MAC_BYTES];
	uint8_t *rec = secmem_alloc(4 + PS), *plain = secmem_alloc(PS);
	if (!rec || !plain) {
		secmem_free(rec);
		secmem_free(plain);
		return SQLITE_NOMEM;
	}
	sqlite3_int64 off = 0;
	int jver = 0;
	uint64_t c0 = 0;
	uint8_t jid[JID_BYTES] = {0};
	uint32_t orig = 0;
	rc = SQLITE_OK;
	while (rc == SQLITE_OK && off + JH_SQLITE <= size) {
		memset(hdr, 0, sizeof(hdr));
		int r = real_read(f, hdr, off + JH_LEN <= size ? JH_LEN : JH_SQLITE, off);
		if ((r != SQLITE_OK && r != SQLITE_IOERR_SHORT_READ) ||
		    memcmp(hdr, journal_magic, sizeof(journal_magic)) != 0)
			break; /* no further segment: SQLite stops here too */
		int ver = memcmp(hdr + JH_MARK, jhdr_marker, sizeof(jhdr_marker)) ? 1 : 2;
		if (ver == 2) {
			jhdr_mac(f, off, hdr, mac);
			if (!page_equal(mac, hdr + JH_MAC, PAGE_MAC_BYTES)) {
				rc = SQLITE_IOERR_DATA;
				break;
			}
		}
		if (off == 0) {
			jver = ver;
			c0 = get64(hdr + JH_C0);
			memcpy(jid, hdr + JH_JID, JID_BYTES);
			orig = get32(hdr + 16);
			f->jver = jver;
			memcpy(f->j_id, jid, JID_BYTES);
			f->c0 = c0;
		} else if (ver != jver ||
		           (ver == 2 && (get64(hdr + JH_C0) != c0 ||
		                         memcmp(hdr + JH_JID, jid, JID_BYTES) != 0))) {
			rc = SQLITE_IOERR_DATA; /* segments of two different journals */
			break;
		}
		uint32_t nrec = get32(hdr + 8), sector = get32(hdr + 20);
		if (sector < 512 || sector > 65536 || (sector & (sector - 1))) {
			rc = ver == 2 ? SQLITE_IOERR_DATA : SQLITE_OK;
			break;
		}
		sqlite3_int64 at = off + sector;
		if (nrec == 0xFFFFFFFFu)
			nrec = (uint32_t)((size - at) / (PS + 8));
		for (uint32_t i = 0; i < nrec && rc == SQLITE_OK; i++, at += PS + 8) {
			uint8_t ad[AD_MAX];
			if (real_read(f, rec, 4 + PS, at) != SQLITE_OK) {
				rc = SQLITE_IOERR_DATA;
				break;
			}
			if (page_open(plain, rec + 4, PS, 0, f->slot->enc, ad,
			              journal_ad(ad, f, get32(rec))) != 0)
				rc = SQLITE_IOERR_DATA;
		}
		if (nrec == 0)
			break;
		off = ((at - 1) / sector + 1) * sector;
	}
	if (rc == SQLITE_OK && jver && f->db) {
		struct p1info p;
		enum p1state st = db_page1(f->db, &p);
		/* Authentic, but written against another state of the vault: an
		 * unbound journal beside a bound vault, or one not bound to this
		 * page 1. Told apart from damage, since the vault may be fine. */
		if ((jver == 1 && st == P1_OK && p.version == 2) ||
		    (jver == 2 && !journal_bound(f->db, c0, jid, orig))) {
			rc = SQLITE_IOERR_DATA;
			f->slot->stats.journal_stale++;
		}
		/* SQLite opens a hot journal read-only to look at it, and
		 * read-write only to play it back. */
		if (rc == SQLITE_OK && rw)
			f->slot->stats.journals_played++;
		if (rc == SQLITE_OK && jver == 2) {
			/* Playing it back is a change of its own: page 1 gets c + 2. */
			struct tfile *db = f->db;
			db->txn = true;
			db->txn_marked = true;
			db->txn_counter = c0 + 2;
			memcpy(db->txn_jid, jid, JID_BYTES);
		}
	}
	secmem_wipe(plain, PS);
	secmem_free(rec);
	secmem_free(plain);
	if (rc == SQLITE_IOERR_DATA)
		f->slot->stats.journal_failures++;
	return rc;
}

/* The change under way ends with its journal (emptied, or closed). */
static void journal_end(struct tfile *j)
{
	if (j->db)
		j->db->txn = false;
}

static int journal_header(struct tfile *f, const uint8_t *buf, sqlite3_int64 off)
{
	struct tfile *db = f->db;
	if (!db)
		return SQLITE_IOERR_WRITE;
	uint8_t hdr[SECTOR];
	memcpy(hdr, buf, SECTOR);
	f->emptied = false;
	if (off == 0) {
		/* A new change: a new journal id, from the counter on disk. */
		f->jver = 2;
		crypto_random(f->j_id, JID_BYTES);
		f->c0 = db->counter;
		db->txn = true;
		db->txn_marked = false;
		db->txn_counter = f->c0 + 1;
		memcpy(db->txn_jid, f->j_id, JID_BYTES);
	}
	memcpy(hdr + JH_MARK, jhdr_marker, sizeof(jhdr_marker));
	put64(hdr + JH_C0, f->c0);
	memcpy(hdr + JH_JID, f->j_id, JID_BYTES);
	jhdr_mac(f, off, hdr, hdr + JH_MAC);
	return real_write(f, hdr, SECTOR, off);
}

/* SQLite's last word on a header: its magic and record count. */
static int journal_seal_header(struct tfile *f, const uint8_t *buf, int amt, sqlite3_int64 off)
{
	uint8_t hdr[JH_LEN];
	int rc = real_read(f, hdr, JH_LEN, off);
	if (rc != SQLITE_OK)
		return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_WRITE : rc;
	if (memcmp(hdr + JH_MARK, jhdr_marker, sizeof(jhdr_marker)) != 0)
		return SQLITE_IOERR_WRITE; /* not a header this process wrote */
	memcpy(hdr, buf, (size_t)amt);
	jhdr_mac(f, off, hdr, hdr + JH_MAC);
	if ((rc = real_write(f, hdr + JH_MAC, PAGE_MAC_BYTES, off + JH_MAC)) != SQLITE_OK)
		return rc;
	return real_write(f, buf, amt, off);
}

static int journal_write(struct tfile *f, const void *buf, int amt, sqlite3_int64 off)
{
	if (amt == SECTOR && off % SECTOR == 0)
		return journal_header(f, buf, off);
	if (amt == 12 && off % SECTOR == 0 && !memcmp(buf, journal_magic, sizeof(journal_magic)))
		return journal_seal_header(f, buf, amt, off);
	if (amt != PS)
		return real_write(f, buf, amt, off);
	uint32_t pgno;
	int rc = journal_pgno(f, off, &pgno);
	if (rc != SQLITE_OK)
		return rc == SQLITE_IOERR_READ ? SQLITE_IOERR_WRITE : rc;
	if (f->jver != 2)
		return SQLITE_IOERR_WRITE; /* a record before its header */
	uint8_t ad[AD_MAX], sealed[PS];
	if (page_seal(sealed, buf, PS, 0, f->slot->enc, ad, journal_ad(ad, f, pgno)))
		return SQLITE_IOERR_WRITE;
	return real_write(f, sealed, PS, off);
}

static int journal_read(struct tfile *f, void *buf, int amt, sqlite3_int64 off)
{
	int rc = real_read(f, buf, amt, off);
	if (amt != PS || rc != SQLITE_OK)
		return rc;
	uint32_t pgno;
	if ((rc = journal_pgno(f, off, &pgno)) != SQLITE_OK)
		return rc;
	uint8_t ad[AD_MAX], sealed[PS];
	memcpy(sealed, buf, PS);
	if (!f->jver || page_open(buf, sealed, PS, 0, f->slot->enc, ad, journal_ad(ad, f, pgno))) {
		/* Zeros fail SQLite's record checksum, which ends the rollback at
		 * this record as for a torn write. Counted, so the store can tell
		 * the person the journal was damaged. */
		memset(buf, 0, PS);
		f->slot->stats.journal_failures++;
	}
	return SQLITE_OK;
}

/* ---- in-memory temporary files ------------------------------------------ */

static int mem_grow(struct tfile *f, size_t need)
{
	if (need <= f->mem_cap)
		return SQLITE_OK;
	size_t cap = f->mem_cap ? f->mem_cap : 65536;
	while (cap < need)
		cap *= 2;
	uint8_t *p = calloc(1, cap);
	if (!p)
		return SQLITE_IOERR_NOMEM;
	if (f->mem) {
		memcpy(p, f->mem, f->mem_len);
		secmem_wipe(f->mem, f->mem_cap);
		free(f->mem);
	}
	f->mem = p;
	f->mem_cap = cap;
	return SQLITE_OK;
}

static int mem_read(struct tfile *f, void *buf, int amt, sqlite3_int64 off)
{
	size_t o = (size_t)off, n = (size_t)amt;
	if (o >= f->mem_len) {
		memset(buf, 0, n);
		return SQLITE_IOERR_SHORT_READ;
	}
	size_t have = f->mem_len - o < n ? f->mem_len - o : n;
	memcpy(buf, f->mem + o, have);
	if (have < n) {
		memset((uint8_t *)buf + have, 0, n - have);
		return SQLITE_IOERR_SHORT_READ;
	}
	return SQLITE_OK;
}

static int mem_write(struct tfile *f, const void *buf, int amt, sqlite3_int64 off)
{
	size_t end = (size_t)off + (size_t)amt;
	int rc = mem_grow(f, end);
	if (rc != SQLITE_OK)
		return rc;
	if ((size_t)off > f->mem_len)
		memset(f->mem + f->mem_len, 0, (size_t)off - f->mem_len);
	memcpy(f->mem + off, buf, (size_t)amt);
	if (end > f->mem_len)
		f->mem_len = end;
	return SQLITE_OK;
}

/* ---- io methods ----------------------------------------------------------- */

static int t_close(sqlite3_file *file)
{
	struct tfile *f = (struct tfile *)file;
	int rc = SQLITE_OK;
	if (f->kind == MEM) {
		if (f->mem) {
			secmem_wipe(f->mem, f->mem_cap);
			free(f->mem);
		}
		f->mem = NULL;
		return SQLITE_OK;
	}
	if (f->kind == MAIN)
		rc = flush_page1(f);
	else
		journal_end(f);
	int rc2 = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
	secmem_free(f->sealed);
	secmem_free(f->plain);
	secmem_free(f->p1);
	f->sealed = f->plain = f->p1 = NULL;
	return rc != SQLITE_OK ? rc : rc2;
}

static int t_read(sqlite3_file *file, void *buf, int amt, sqlite3_int64 off)
{
	struct tfile *f = (struct tfile *)file;
	switch (f->kind) {
	case MAIN:
		return main_read(f, buf, amt, off);
	case JOURNAL:
		return journal_read(f, buf, amt, off);
	default:
		return mem_read(f, buf, amt, off);
	}
}

static int t_write(sqlite3_file *file, const void *buf, int amt, sqlite3_int64 off)
{
	struct tfile *f = (struct tfile *)file;
	switch (f->kind) {
	case MAIN:
		return main_write(f, buf, amt, off);
	case JOURNAL:
		return journal_write(f, buf, amt, off);
	default:
		return mem_write(f, buf, amt, off);
	}
}

static int t_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	struct tfile *f = (struct tfile *)file;
	if (f->kind == MAIN)
		return main_truncate(f, size);
	if (f->kind == JOURNAL) {
		if (size == 0) {
			journal_end(f);
			f->emptied = true;
		}
		return f->real->pMethods->xTruncate(f->real, size + f->off0);
	}
	if ((size_t)size < f->mem_len) {
		memset(f->mem + size, 0, f->mem_len - (size_t)size);
		f->mem_len = (size_t)size;
	}
	return SQLITE_OK;
}

static int t_sync(sqlite3_file *file, int flags)
{
	struct tfile *f = (struct tfile *)file;
	if (f->kind == MEM)
		return SQLITE_OK;
	if (f->kind == MAIN) {
		int rc = flush_page1(f);
		if (rc != SQLITE_OK)
			return rc;
	}
	int rc = f->real->pMethods->xSync(f->real, flags);
	/* In journal_mode=TRUNCATE a change is committed when its journal is
	 * cut to nothing; the sync after that only makes the cut lasting. If
	 * it fails, the change is in the database all the same, and saying it
	 * failed would have the person write it again: it is counted instead
	 * (docs/security.md names what a power cut could then undo). */
	if (rc != SQLITE_OK && f->kind == JOURNAL && f->emptied) {
		f->slot->stats.late_syncs++;
		return SQLITE_OK;
	}
	return rc;
}

static int t_size(sqlite3_file *file, sqlite3_int64 *size)
{
	struct tfile *f = (struct tfile *)file;
	if (f->kind == MEM) {
		*size = (sqlite3_int64)f->mem_len;
		return SQLITE_OK;
	}
	int rc = f->real->pMethods->xFileSize(f->real, size);
	if (rc == SQLITE_OK) {
		*size -= f->off0;
		if (*size < 0)
			*size = 0;
	}
	return rc;
}

/* Taking a lock afresh is where another tend's writes become visible. */
static int t_lock(sqlite3_file *file, int level)
{
	struct tfile *f = (struct tfile *)file;
	if (f->kind == MEM)
		return SQLITE_OK;
	int rc = f->real->pMethods->xLock(f->real, level);
	if (rc == SQLITE_OK && f->kind == MAIN) {
		if (f->lock == SQLITE_LOCK_NONE && level >= SQLITE_LOCK_SHARED)
			rc = main_refresh(f, false);
		if (level > f->lock)
			f->lock = level;
	}
	return rc;
}

static int t_unlock(sqlite3_file *file, int level)
{
	struct tfile *f = (struct tfile *)file;
	if (f->kind == MEM)
		return SQLITE_OK;
	int rc = f->real->pMethods->xUnlock(f->real, level);
	if (rc == SQLITE_OK && f->kind == MAIN && level < f->lock)
		f->lock = level;
	return rc;
}

static int t_check_lock(sqlite3_file *file, int *out)
{
	struct tfile *f = (struct tfile *)file;
	if (f->kind == MEM) {
		*out = 0;
		return SQLITE_OK;
	}
	return f->real->pMethods->xCheckReservedLock(f->real, out);
}

static int t_control(sqlite3_file *file, int op, void *arg)
{
	struct tfile *f = (struct tfile *)file;
	if (f->kind == MEM)
		return SQLITE_NOTFOUND;
	switch (op) {
	case SQLITE_FCNTL_MMAP_SIZE:
		/* Memory mapping would bypass encryption: keep it off. */
		*(sqlite3_int64 *)arg = 0;
		return SQLITE_OK;
	case SQLITE_FCNTL_PRAGMA: {
		/* Refuse, with a reason, what would put plaintext on disk or
		 * change the page layout the encryption depends on. */
		char **a = arg;
		const char *name = a[1], *val = a[2];
		if (val && sqlite3_stricmp(name, "journal_mode") == 0 &&
		    sqlite3_stricmp(val, "wal") == 0) {
			f->slot->stats.refused++;
			a[0] = sqlite3_mprintf("tend keeps its vault out of WAL mode");
			return SQLITE_ERROR;
		}
		long long ps;
		/* Strictly: atoi read "4096x" as 4096 and let it through. */
		if (val && sqlite3_stricmp(name, "page_size") == 0 &&
		    (num_parse(val, 0, 65536, &ps) || ps != PS)) {
			f->slot->stats.refused++;
			a[0] = sqlite3_mprintf("tend's vault uses %d-byte pages only", PS);
			return SQLITE_ERROR;
		}
		return f->real->pMethods->xFileControl(f->real, op, arg);
	}
	case SQLITE_FCNTL_VFSNAME:
		*(char **)arg = sqlite3_mprintf("%s", VFS_NAME);
		return SQLITE_OK;
	case SQLITE_FCNTL_SIZE_HINT:
	case SQLITE_FCNTL_CHUNK_SIZE:
		return f->off0 ? SQLITE_OK : f->real->pMethods->xFileControl(f->real, op, arg);
	default:
		return f->real->pMethods->xFileControl(f->real, op, arg);
	}
}

static int t_sector(sqlite3_file *file)
{
	(void)file;
	return SECTOR;
}

static int t_devchar(sqlite3_file *file)
{
	struct tfile *f = (struct tfile *)file;
	if (f->kind == MEM)
		return 0;
	return f->real->pMethods->xDeviceCharacteristics(f->real) & SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

/* Version 1: no shared memory (so no WAL index) and no xFetch (no mmap). */
static const sqlite3_io_methods t_methods = {
	.iVersion = 1,
	.xClose = t_close,
	.xRead = t_read,
	.xWrite = t_write,
	.xTruncate = t_truncate,
	.xSync = t_sync,
	.xFileSize = t_size,
	.xLock = t_lock,
	.xUnlock = t_unlock,
	.xCheckReservedLock = t_check_lock,
	.xFileControl = t_control,
	.xSectorSize = t_sector,
	.xDeviceCharacteristics = t_devchar,
};

static struct slot *slot_from_uri(const char *name)
{
	sqlite3_int64 n = sqlite3_uri_int64(name, "tendkey", -1);
	if (n < 0 || n >= VFS_SLOTS || !slots || !slots[n].used)
		return NULL;
	return &slots[n];
}

static int t_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags,
                  int *out_flags)
{
	(void)vfs;
	struct tfile *f = (struct tfile *)file;
	memset(f, 0, sizeof(*f));
	f->real = (sqlite3_file *)(f + 1);
	if (flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_SUPER_JOURNAL))
		return SQLITE_CANTOPEN; /* would hold plaintext outside the scheme */
	if (!(flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL))) {
		/* Temporary databases, statement journals, sorter spill files:
		 * kept in memory, so nothing readable reaches the disk. */
		f->kind = MEM;
		f->base.pMethods = &t_methods;
		if (out_flags)
			*out_flags = flags;
		return SQLITE_OK;
	}
	if (!name)
		return SQLITE_CANTOPEN;
	if (flags & SQLITE_OPEN_MAIN_DB) {
		f->kind = MAIN;
		f->path = name;
		f->slot = slot_from_uri(name);
		f->off0 = sqlite3_uri_int64(name, "tendoffset", 0);
	} else {
		f->kind = JOURNAL;
		struct tfile *db = (struct tfile *)sqlite3_database_file_object(name);
		if (db && db->base.pMethods == &t_methods) {
			f->db = db;
			f->slot = db->slot;
			f->off0 = 0;
		}
	}
	if (!f->slot || f->off0 < 0)
		return SQLITE_CANTOPEN; /* tend never opens a file without a key */
	if (f->kind == MAIN) {
		f->sealed = secmem_alloc(PS);
		f->plain = secmem_alloc(PS);
		f->p1 = secmem_alloc(PS);
		if (!f->sealed || !f->plain || !f->p1) {
			secmem_free(f->sealed);
			secmem_free(f->plain);
			secmem_free(f->p1);
			return SQLITE_NOMEM;
		}
	}
	int rc = base_vfs->xOpen(base_vfs, name, f->real, flags, out_flags);
	if (rc == SQLITE_OK && f->kind == MAIN)
		rc = main_refresh(f, true); /* everything, once */
	else if (rc == SQLITE_OK && f->kind == JOURNAL)
		rc = journal_validate(f, (flags & SQLITE_OPEN_READWRITE) != 0);
	if (rc != SQLITE_OK) {
		if (f->real->pMethods)
			f->real->pMethods->xClose(f->real);
		secmem_free(f->sealed);
		secmem_free(f->plain);
		secmem_free(f->p1);
		f->sealed = f->plain = f->p1 = NULL;
		return rc;
	}
	f->base.pMethods = &t_methods;
	return SQLITE_OK;
}

/* ---- the rest goes straight to the unix VFS ------------------------------ */

static int t_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	return base_vfs->xDelete(base_vfs, name, sync);
}

static int t_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return base_vfs->xAccess(base_vfs, name, flags, out);
}

static int t_fullpath(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return base_vfs->xFullPathname(base_vfs, name, n, out);
}

static int t_random(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return base_vfs->xRandomness(base_vfs, n, out);
}

static int t_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return base_vfs->xSleep(base_vfs, us);
}

static int t_time(sqlite3_vfs *v, double *out)
{
	(void)v;
	return base_vfs->xCurrentTime(base_vfs, out);
}

static int t_lasterr(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return base_vfs->xGetLastError(base_vfs, n, out);
}

static int t_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	(void)v;
	return base_vfs->xCurrentTimeInt64(base_vfs, out);
}

static sqlite3_vfs t_vfs = {
	.iVersion = 2,
	.zName = VFS_NAME,
	.xOpen = t_open,
	.xDelete = t_delete,
	.xAccess = t_access,
	.xFullPathname = t_fullpath,
	.xRandomness = t_random,
	.xSleep = t_sleep,
	.xCurrentTime = t_time,
	.xGetLastError = t_lasterr,
	.xCurrentTimeInt64 = t_time64,
};

int vfs_register(void)
{
	if (base_vfs)
		return SQLITE_OK;
	if (crypto_init() != 0)
		return SQLITE_ERROR;
	sqlite3_vfs *b = sqlite3_vfs_find("unix");
	if (!b)
		b = sqlite3_vfs_find(NULL);
	if (!b || b->iVersion < 2)
		return SQLITE_ERROR;
	slots = secmem_alloc(sizeof(struct slot) * VFS_SLOTS);
	if (!slots)
		return SQLITE_NOMEM;
	memset(slots, 0, sizeof(struct slot) * VFS_SLOTS);
	base_vfs = b;
	t_vfs.szOsFile = (int)((sizeof(struct tfile) + 7) & ~(size_t)7) + b->szOsFile;
	t_vfs.mxPathname = b->mxPathname;
	int rc = sqlite3_vfs_register(&t_vfs, 0);
	if (rc != SQLITE_OK) {
		secmem_free(slots);
		slots = NULL;
		base_vfs = NULL;
	}
	return rc;
}

int vfs_slot_open(const uint8_t vault_key[32], const uint8_t vault_id[16])
{
	if (vfs_register() != SQLITE_OK)
		return -1;
	for (int i = 0; i < VFS_SLOTS; i++) {
		if (slots[i].used)
			continue;
		page_keys_derive(vault_key, slots[i].enc, slots[i].mac);
		memcpy(slots[i].id, vault_id, 16);
		memset(&slots[i].stats, 0, sizeof(slots[i].stats));
		slots[i].used = true;
		return i;
	}
	return -1;
}

void vfs_slot_close(int slot)
{
	if (slots && slot >= 0 && slot < VFS_SLOTS) {
		secmem_wipe(&slots[slot], sizeof(slots[slot]));
		slots[slot].used = false;
	}
}

void vfs_slot_stats(int slot, struct vfs_stats *out)
{
	memset(out, 0, sizeof(*out));
	if (slots && slot >= 0 && slot < VFS_SLOTS && slots[slot].used)
		*out = slots[slot].stats;
}

int vfs_page1_opens(const char *path, long long base, int slot)
{
	if (!slots || slot < 0 || slot >= VFS_SLOTS || !slots[slot].used)
		return -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	uint8_t *sealed = secmem_alloc(PS), *plain = secmem_alloc(PS);
	int r = -1;
	if (sealed && plain) {
		struct p1info info;
		r = pread(fd, sealed, PS, base) == PS &&
		    page1_open(&slots[slot], sealed, plain, &info) == 0;
	}
	secmem_free(sealed);
	secmem_free(plain);
	close(fd);
	return r;
}

int vfs_verify_file(const char *path, long long base, int slot, uint32_t *bad_page,
                    uint32_t *npages)
{
	*bad_page = 0;
	*npages = 0;
	if (!slots || slot < 0 || slot >= VFS_SLOTS || !slots[slot].used)
		return -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	off_t end = lseek(fd, 0, SEEK_END);
	if (end < 0 || end < base) {
		close(fd);
		return -1;
	}
	struct slot *s = &slots[slot];
	uint8_t *sealed = secmem_alloc(PS), *plain = secmem_alloc(PS);
	uint8_t root[PAGE_MAC_BYTES] = {0}, ad[AD_MAX];
	int result = -1;
	if (!sealed || !plain)
		goto out;
	uint32_t n = (uint32_t)((end - base + PS - 1) / PS);
	*npages = n;
	result = 0;
	for (uint32_t p = 2; p <= n; p++) {
		if (pread(fd, sealed, PS, base + (off_t)(p - 1) * PS) != PS ||
		    page_open(plain, sealed, PS, 0, s->enc, ad, make_ad(ad, s, 'D', p)) != 0) {
			*bad_page = p;
			result = 1;
			goto out;
		}
		uint8_t m[PAGE_MAC_BYTES];
		page_mac(s->mac, p, page_tag(sealed, PS), m);
		xor_into(root, m);
	}
	struct p1info info;
	if (n > 0 && (pread(fd, sealed, PS, base) != PS || page1_open(s, sealed, plain, &info) != 0 ||
	              !digest_matches(s, &info, root, n))) {
		*bad_page = 1;
		result = 1;
	}
out:
	secmem_free(sealed);
	secmem_free(plain);
	close(fd);
	return result;
}
