/* settings.h: small named values kept inside the vault (the settings
 * table), for things that say something about the person and so must not
 * sit in a plain config file, such as where they stopped reading a page.
 * Keys and values are UTF-8 text. */
#ifndef TEND_STORE_SETTINGS_H
#define TEND_STORE_SETTINGS_H

#include <stddef.h>

#include "store/vault.h"
#include "util/buf.h"
#include "util/error.h"

/* Copies the value for key into out (NUL-terminated; cut to size - 1
 * bytes, never in the middle of a UTF-8 character). Returns 1 when found,
 * 0 when there is no such key (out gets ""), -1 with e filled on error. */
int settings_get(struct vault *v, const char *key, char *out, size_t size, struct error *e);
/* The whole value, however long, into out (cleared first; wiped when
 * freed). 1 found, 0 not found, -1 with e filled. */
int settings_get_buf(struct vault *v, const char *key, struct buf *out, struct error *e);
/* Removes key (nothing happens when it is not there). */
int settings_delete(struct vault *v, const char *key, struct error *e);
/* Sets key to value, replacing what was there. 0, or -1 with e filled. */
int settings_set(struct vault *v, const char *key, const char *value, struct error *e);

#endif
