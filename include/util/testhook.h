/* testhook.h: the two environment switches the test suites lean on:
 *
 *     TEND_NOW=SECONDS          the clock stands still at that Unix time
 *     TEND_INSECURE_FAST_KDF=1  new key files get Argon2id's cheapest limits
 *
 * They are read only when src/util/testhook.c is compiled with
 * -DTEND_TEST_HOOKS, as the Makefile does for the test binaries
 * ($(BUILD)/tend-test, the unit tests, the screen driver, bench and fuzz).
 * The tend that `make` and `make install` build ignores both: a stray
 * variable in someone's environment must never weaken their key file or
 * date their entries wrongly. */
#ifndef TEND_UTIL_TESTHOOK_H
#define TEND_UTIL_TESTHOOK_H

#include <stdbool.h>
#include <stdint.h>

/* true, with *t set, when the clock is fixed (TEND_NOW set, not empty). */
bool testhook_now(int64_t *t);
/* true when TEND_INSECURE_FAST_KDF=1. */
bool testhook_fast_kdf(void);

#endif
