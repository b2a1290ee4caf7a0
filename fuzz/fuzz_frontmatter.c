/* fuzz_frontmatter: page_meta_parse on arbitrary bytes. Whatever it
 * returns, the offset of the body must lie within the input and the
 * required fields must be there on success. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content/page.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct page_meta m;
	struct error e = {0};
	size_t body = (size_t)-1;
	memset(&m, 0, sizeof(m));
	int r = page_meta_parse((const char *)data, size, &m, &body, &e);
	if (r == 0) {
		FUZZ_CHECK(body <= size);
		FUZZ_CHECK(m.id && m.title && m.summary);
		FUZZ_CHECK(m.nsources == 0 || m.sources);
		for (size_t i = 0; i < m.nsources; i++)
			FUZZ_CHECK(m.sources[i]);
		FUZZ_CHECK(!m.reviewed || strlen(m.reviewed) == 10);
		FUZZ_CHECK(!m.review_due || strlen(m.review_due) == 10);
		FUZZ_CHECK(!m.review_due || !m.reviewed || strcmp(m.review_due, m.reviewed) > 0);
	} else {
		FUZZ_CHECK(r == -1 && (e.code == E_CORRUPT || e.code == E_FAIL));
		FUZZ_CHECK(memchr(e.msg, '\0', sizeof(e.msg)));
	}
	page_meta_free(&m);
	/* Freeing twice must be harmless too (the header promises it after an
	 * error; page_meta_free leaves m empty). */
	page_meta_free(&m);
	return 0;
}
