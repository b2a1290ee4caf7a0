/* testhook.c: compiled twice by the Makefile, with and without
 * TEND_TEST_HOOKS (see util/testhook.h). */
#include "util/testhook.h"

#ifdef TEND_TEST_HOOKS

#include <stdlib.h>
#include <string.h>

bool testhook_now(int64_t *t)
{
	const char *fixed = getenv("TEND_NOW");
	if (!fixed || !*fixed)
		return false;
	*t = (int64_t)strtoll(fixed, NULL, 10);
	return true;
}

bool testhook_fast_kdf(void)
{
	const char *v = getenv("TEND_INSECURE_FAST_KDF");
	return v && strcmp(v, "1") == 0;
}

#else

bool testhook_now(int64_t *t)
{
	(void)t;
	return false;
}

bool testhook_fast_kdf(void)
{
	return false;
}

#endif
