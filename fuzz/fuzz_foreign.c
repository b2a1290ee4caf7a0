/* fuzz_foreign: the readers of other apps' exports (jrnl JSON and text,
 * tui-journal and Day One JSON, Daylio CSV) and import_detect on arbitrary
 * bytes; the first byte picks the format (its value mod 4), and whether
 * the bytes are read as Latin-1 or UTF-16 first (the rest).
 * They must never crash, and what they count must add up. */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "io/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const enum import_format formats[] = {IMPORT_JRNL, IMPORT_TUI_JOURNAL, IMPORT_DAYLIO,
	                                             IMPORT_DAY_ONE};
	static const struct mood_name moods[] = {{"sleepy", 4}, {"calm", 6}};
	static const char *const encodings[] = {NULL, NULL, "latin1", "utf-16"};
	struct import_opts o = {.format = formats[data[0] % 4], .moods = moods, .nmoods = 2,
	                        .encoding = encodings[(data[0] / 4) % 4]};
	struct import_summary s;
	struct error e = {0};
	/* telling the format from the file: never a crash, a known answer */
	enum import_format told;
	const char *what = NULL;
	struct error de = {0};
	if (import_detect((const char *)data + 1, size - 1, &told, &what, &de) == 0)
		FUZZ_CHECK(what && import_format_info(told)->format == told);
	int r = import_foreign(NULL, (const char *)data + 1, size - 1, &o, &s, &e);
	if (r == 0) {
		FUZZ_CHECK(s.entries + s.checkins >= s.total);
		FUZZ_CHECK(s.entries <= s.total && s.checkins <= s.total);
		FUZZ_CHECK(s.first <= s.last);
		FUZZ_CHECK(s.dated == (s.total > 0));
	} else {
		FUZZ_CHECK(r == -1);
		FUZZ_CHECK(e.code == E_CORRUPT || e.code == E_FAIL || e.code == E_USAGE);
		FUZZ_CHECK(memchr(e.msg, '\0', sizeof(e.msg)));
	}
	return 0;
}
