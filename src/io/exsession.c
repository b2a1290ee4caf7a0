/* exsession.c: a guided exercise as it is kept (see io/exsession.h). */
#include "io/exsession.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/entries.h"
#include "store/exercises.h"
#include "store/settings.h"

#define SEP '\x1f'

bool exsession_writes(const struct ex_step *s)
{
	return s->kind == ANSWER_TEXT || s->kind == ANSWER_COMPOSE;
}

static const char *text_of(const struct exsession *s, size_t i)
{
	return exsession_writes(&s->d->steps[i]) && s->answer[i] ? s->answer[i] : "";
}

bool exsession_any(const struct exsession *s)
{
	for (size_t i = 0; i < s->d->nsteps; i++)
		if ((s->d->steps[i].kind == ANSWER_SCALE && s->rating[i] >= 0) || text_of(s, i)[0])
			return true;
	return false;
}

void exsession_key(const struct exercise_def *d, char *out, size_t size)
{
	snprintf(out, size, "exercise.paused.%s", d->m.id);
}

int exsession_pause(struct vault *v, const struct exsession *s, struct error *e)
{
	char key[96];
	exsession_key(s->d, key, sizeof(key));
	struct buf b = BUF_INIT;
	int rc = buf_printf(&b, "1%c%d%c%zu%c%d", SEP, s->stage, SEP, s->cur, SEP, s->before);
	for (size_t i = 0; i < s->d->nsteps && rc == 0; i++) {
		rc = buf_putc(&b, SEP);
		if (rc == 0 && s->d->steps[i].kind == ANSWER_SCALE && s->rating[i] >= 0)
			rc = buf_printf(&b, "%d", s->rating[i]);
		for (const char *p = text_of(s, i); rc == 0 && *p; p++)
			rc = buf_putc(&b, *p == SEP ? ' ' : *p);
	}
	if (rc == 0)
		rc = settings_set(v, key, buf_str(&b), e);
	else
		rc = error_set(e, E_FAIL, "Out of memory keeping the exercise.");
	if (b.data)
		mem_wipe(b.data, b.cap);
	buf_free(&b);
	return rc;
}

int exsession_resume(struct vault *v, struct exsession *s, struct buf *store)
{
	char key[96];
	struct error e = {0};
	exsession_key(s->d, key, sizeof(key));
	if (settings_get_buf(v, key, store, &e) != 1)
		return 0;
	char *f[3 + 1 + EXERCISE_MAX_STEPS + 1];
	size_t n = 0;
	for (char *p = store->data; p && n < sizeof(f) / sizeof(f[0]);) {
		f[n++] = p;
		char *sep = strchr(p, SEP);
		if (sep)
			*sep = '\0';
		p = sep ? sep + 1 : NULL;
	}
	if (n != 4 + s->d->nsteps || strcmp(f[0], "1") != 0)
		return 0;
	s->stage = atoi(f[1]) == EXSESSION_AT_AFTER ? EXSESSION_AT_AFTER : EXSESSION_AT_STEP;
	s->cur = (size_t)atoi(f[2]);
	if (s->cur >= s->d->nsteps)
		s->cur = s->d->nsteps - 1;
	s->before = atoi(f[3]);
	if (s->before < 0 || s->before > 10)
		s->before = -1;
	for (size_t i = 0; i < s->d->nsteps; i++) {
		const char *val = f[4 + i];
		s->answer[i] = exsession_writes(&s->d->steps[i]) ? val : "";
		int r = *val && s->d->steps[i].kind == ANSWER_SCALE ? atoi(val) : -1;
		s->rating[i] = r >= 0 && r <= 10 ? r : -1;
	}
	return 1;
}

int exsession_drop(struct vault *v, const struct exercise_def *d, struct error *e)
{
	char key[96];
	exsession_key(d, key, sizeof(key));
	return settings_delete(v, key, e);
}

int exsession_body(const struct exsession *s, struct buf *b)
{
	for (size_t i = 0; i < s->d->nsteps; i++) {
		const struct ex_step *st = &s->d->steps[i];
		if (st->kind == ANSWER_SCALE && s->rating[i] >= 0) {
			if (buf_printf(b, "## %s\n\n%d out of 10\n\n", st->heading, s->rating[i]))
				return -1;
		} else if (text_of(s, i)[0]) {
			if (buf_printf(b, "## %s\n\n", st->heading) || buf_puts(b, text_of(s, i)) ||
			    buf_puts(b, "\n\n"))
				return -1;
		}
	}
	while (b->len && b->data[b->len - 1] == '\n')
		b->data[--b->len] = '\0';
	return 0;
}

int exsession_finish(struct vault *v, const struct exsession *s, bool *wrote, struct error *e)
{
	struct buf body = BUF_INIT;
	char key[96];
	*wrote = exsession_any(s);
	exsession_key(s->d, key, sizeof(key));
	int rc = exsession_body(s, &body) ? error_set(e, E_FAIL, "Out of memory: nothing was lost, "
	                                                          "try again.")
	                                  : 0;
	if (rc == 0) {
		/* The entry, the session and the pause's removal are one
		 * transaction: a failure leaves no entry without its session,
		 * and no second entry when it is finished again. */
		const char *tags[] = {"exercise", s->d->m.id};
		struct new_entry ne = {.title = s->d->m.title, .body = buf_str(&body),
		                       .prompt = s->d->m.title, .tags = tags, .ntags = 2};
		rc = exercise_finish(v, *wrote ? &ne : NULL, s->d->m.title, s->before, s->after, key,
		                     e);
	}
	if (body.data)
		mem_wipe(body.data, body.cap);
	buf_free(&body);
	if (rc) {
		/* Keep every word as a pause. */
		struct error e2 = {0};
		exsession_pause(v, s, &e2);
		return -1;
	}
	return 0;
}
