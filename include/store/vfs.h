/* vfs.h: "tend", an SQLite VFS that encrypts every page on its way to disk.
 *
 * It wraps the default (unix) VFS. The main database and its rollback
 * journal are encrypted page by page (crypto/page.h) with the page number
 * and the vault id as associated data, so pages cannot be moved, swapped
 * or carried to another vault. Page 1 is also bound to a keyed digest of
 * every other page's tag and the page count (stored encrypted in page 1's
 * reserved bytes), so an old copy of a page, swapped pages or a truncated
 * file are caught. Temporary files live in memory. WAL, memory
 * mapping and page sizes other than 4096 are refused.
 *
 * A database is opened through the VFS with a URI naming a key slot:
 *   file:/path/tend.db?vfs=tend&tendkey=N   (and optionally &tendoffset=B
 * to keep the database at byte B of the file, as in a backup file). */
#ifndef TEND_STORE_VFS_H
#define TEND_STORE_VFS_H

#include <stdbool.h>
#include <stdint.h>

#define VFS_NAME "tend"
#define VFS_PAGE_SIZE 4096
/* Reserved bytes per page: 24 nonce + 16 tag, and 32 more that page 1
 * uses for the page-set digest (kept on every page, as SQLite requires). */
#define VFS_RESERVE 72
#define VFS_SLOTS 32

/* Registers the VFS once (not as the default). Returns an SQLite code. */
int vfs_register(void);

/* Puts a vault key in a free slot; returns the slot number, or -1 when
 * none is free or memory runs out. The key is copied into locked memory. */
int vfs_slot_open(const uint8_t vault_key[32], const uint8_t vault_id[16]);
void vfs_slot_close(int slot);

struct vfs_stats {
	unsigned page_failures;    /* database pages that failed to authenticate */
	unsigned set_mismatches;   /* of those: page 1 genuine, the page set not its own */
	unsigned journal_failures; /* journals refused, or their pages (read as zeros) */
	unsigned journal_stale;    /* of those: authentic, but of another state */
	unsigned refused;          /* writes or opens refused as unsafe */
	unsigned journals_played;  /* crash journals checked and played back */
	unsigned late_syncs;       /* syncs that failed after a change was committed */
	uint64_t counter;          /* the highest change counter page 1 showed */
};
void vfs_slot_stats(int slot, struct vfs_stats *out);

/* Does page 1 of the file at path open with this slot's key (its page-set
 * digest not checked)? 1 yes, 0 no, -1 when it cannot be read. Tells a copy
 * of this vault caught mid-write from another vault's file. */
int vfs_page1_opens(const char *path, long long base, int slot);

/* Reads every page of the file at path (database at byte offset base)
 * and checks each one and the page-set digest, without SQLite. Returns 0
 * when all is intact, 1 when something failed (*bad_page gets the first
 * bad page, 0 for the page-set digest), -1 when the file cannot be read. */
int vfs_verify_file(const char *path, long long base, int slot, uint32_t *bad_page,
                    uint32_t *npages);

#endif
