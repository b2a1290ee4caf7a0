/* fuzz_import: the check of a tend JSON export (the dry run, which runs
 * before anything is written) on arbitrary bytes. It must never crash,
 * and what it counts must add up. */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "io/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_summary s;
	struct error e = {0};
	int r = import_tend_json(NULL, (const char *)data, size, true, &s, &e);
	if (r == 0) {
		size_t sum = 0;
		for (size_t i = 0; i < IMPORT_MAX_TABLES; i++)
			sum += s.rows[i];
		FUZZ_CHECK(sum == s.total);
		FUZZ_CHECK(s.first <= s.last);
	} else {
		FUZZ_CHECK(r == -1 && (e.code == E_CORRUPT || e.code == E_FAIL));
		FUZZ_CHECK(memchr(e.msg, '\0', sizeof(e.msg)));
	}
	return 0;
}
