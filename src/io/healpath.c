/* healpath.c: the healing path's modules and statuses (io/healpath.h). */
#include "io/healpath.h"

#include <stdio.h>
#include <string.h>

#include "content/embed.h"
#include "store/settings.h"

static const char *const statuses[HEALPATH_NSTATUS] = {"not started", "exploring", "practising",
                                                       "this helps me"};

static const struct {
	const char *id, *title;
} phases[HEALPATH_NPHASES] = {
	{"stabilise", "Feel safer and steadier"},
	{"work-through", "Work through it, with support"},
	{"reconnect", "Rebuild and reconnect"},
};

const char *healpath_status(int status)
{
	return status >= 0 && status < HEALPATH_NSTATUS ? statuses[status] : statuses[0];
}

const char *healpath_phase_title(int phase)
{
	return phase >= 0 && phase < HEALPATH_NPHASES ? phases[phase].title : "";
}

static int status_of(struct vault *v, const char *id)
{
	char key[160], val[32];
	struct error e;
	snprintf(key, sizeof(key), "path.status.%s", id);
	if (!v || settings_get(v, key, val, sizeof(val), &e) != 1)
		return 0;
	for (int i = 0; i < HEALPATH_NSTATUS; i++)
		if (strcmp(val, statuses[i]) == 0)
			return i;
	return 0;
}

static int phase_of(const struct page_meta *m)
{
	for (int i = 0; i < HEALPATH_NPHASES; i++)
		if (m->phase && strcmp(m->phase, phases[i].id) == 0)
			return i;
	return HEALPATH_NPHASES - 1;
}

size_t healpath_load(struct vault *v, struct healpath_module *mods, size_t max, struct error *e)
{
	const char *paths[HEALPATH_MAX];
	size_t total = content_list("path/", paths, HEALPATH_MAX), n = 0;
	e->msg[0] = '\0';
	for (size_t i = 0; i < total && n < max; i++) {
		size_t len = strlen(paths[i]);
		if (len < 3 || strcmp(paths[i] + len - 3, ".md") != 0)
			continue;
		struct healpath_module *m = &mods[n];
		memset(m, 0, sizeof(*m));
		if (page_load(paths[i], &m->m, NULL, NULL, e))
			continue;
		snprintf(m->path, sizeof(m->path), "%s", paths[i]);
		m->status = status_of(v, m->m.id);
		m->phase = phase_of(&m->m);
		n++;
	}
	/* Phase first, keeping the content order within a phase: a stable
	 * insertion sort. */
	for (size_t i = 1; i < n; i++) {
		struct healpath_module t = mods[i];
		size_t j = i;
		for (; j > 0 && mods[j - 1].phase > t.phase; j--)
			mods[j] = mods[j - 1];
		mods[j] = t;
	}
	return n;
}

void healpath_free(struct healpath_module *mods, size_t n)
{
	for (size_t i = 0; i < n; i++)
		page_meta_free(&mods[i].m);
}

int healpath_set_status(struct vault *v, struct healpath_module *m, int status, struct error *e)
{
	char key[160];
	snprintf(key, sizeof(key), "path.status.%s", m->m.id);
	if (settings_set(v, key, healpath_status(status), e))
		return -1;
	m->status = status;
	return 0;
}
