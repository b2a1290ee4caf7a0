/* fuzz_homework: homework_parse on arbitrary bytes, with and without the
 * check of pages and exercises. A pack comes from outside tend, so
 * whatever it holds must give either a whole pack that keeps the rules
 * docs/homework.md states, or an error naming a line, and never a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content/homework.h"
#include "fuzz.h"

static void count_problem(const char *msg, void *arg)
{
	FUZZ_CHECK(msg && *msg);
	(*(size_t *)arg)++;
}

static void check(const uint8_t *data, size_t size, unsigned flags)
{
	struct homework h;
	struct error e = {0};
	size_t problems = 0;
	int r = homework_check((const char *)data, size, flags, &h, count_problem, &problems, &e);
	/* A pack with problems names at least one, and a good one none. */
	FUZZ_CHECK(r == 0 ? problems == 0 : problems >= 1 || e.code == E_FAIL);
	if (r == 0) {
		FUZZ_CHECK(size <= HOMEWORK_MAX_BYTES);
		FUZZ_CHECK(h.title && *h.title && h.from && *h.from && h.intro);
		FUZZ_CHECK(h.assigned && strlen(h.assigned) == 10);
		FUZZ_CHECK(!h.due || strcmp(h.due, h.assigned) >= 0);
		FUZZ_CHECK(h.nitems >= 1 && h.nitems <= HOMEWORK_MAX_ITEMS);
		for (size_t i = 0; i < h.nitems; i++) {
			const struct hw_item *it = &h.items[i];
			FUZZ_CHECK(it->heading && *it->heading && it->text && it->low && it->high);
			FUZZ_CHECK(it->kind < HW_KINDS);
			FUZZ_CHECK(it->times >= 1 && it->times <= HOMEWORK_MAX_TIMES);
			FUZZ_CHECK((it->kind == HW_READ || it->kind == HW_EXERCISE) == (it->target != NULL));
			FUZZ_CHECK(!(flags & HW_CHECK_REFS) || !it->target || it->target_title);
			FUZZ_CHECK(it->kind != HW_PROMPT || *it->text);
			if (it->kind == HW_MEASURE) {
				/* A measure has questions and responses; any full set of
				 * answers scores within its range and reads back. */
				const struct hw_measure *m = &it->m;
				FUZZ_CHECK(m->nquestions >= 1 && m->nquestions <= HOMEWORK_MAX_QUESTIONS);
				FUZZ_CHECK(m->nresponses >= 2 && m->nresponses <= HOMEWORK_MAX_RESPONSES);
				int a[HOMEWORK_MAX_QUESTIONS], b[HOMEWORK_MAX_QUESTIONS];
				for (size_t q = 0; q < m->nquestions; q++)
					a[q] = (int)((q * 7 + size) % m->nresponses);
				char enc[HOMEWORK_MAX_QUESTIONS * 4];
				FUZZ_CHECK(homework_measure_encode(it, a, enc, sizeof(enc)) == 0);
				FUZZ_CHECK(homework_measure_decode(it, enc, b) == 0);
				FUZZ_CHECK(memcmp(a, b, m->nquestions * sizeof(int)) == 0);
				double sc = homework_measure_score(it, a);
				double top = (double)(m->nresponses - 1) *
				             (m->mean ? 1.0 : (double)m->nquestions);
				FUZZ_CHECK(sc >= 0 && sc <= top);
				(void)homework_measure_band(it, sc);
			} else {
				FUZZ_CHECK(it->m.nquestions == 0 && it->m.nresponses == 0);
			}
			for (size_t k = 0; k < i; k++)
				FUZZ_CHECK(strcmp(h.items[k].heading, it->heading) != 0);
			char out[400];
			homework_describe(it, out, sizeof(out));
			homework_status(it, (long long)i, (int)i % 12 - 1, out, sizeof(out));
			FUZZ_CHECK(memchr(out, '\0', sizeof(out)));
		}
	} else {
		FUZZ_CHECK(r == -1 && (e.code == E_CORRUPT || e.code == E_FAIL));
		FUZZ_CHECK(memchr(e.msg, '\0', sizeof(e.msg)));
		FUZZ_CHECK(!h.title && h.nitems == 0);
	}
	homework_free(&h);
	homework_free(&h); /* harmless twice */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check(data, size, HW_CHECK_REFS);
	check(data, size, 0);
	return 0;
}
