#include "store/safety.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/settings.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/path.h"

static const char *const titles[SP_COUNT] = {
	"My warning signs",
	"Things I can do on my own",
	"People and places that help me feel better",
	"People I can ask for help",
	"Professionals and crisis lines",
	"Making my surroundings safer",
	"My reasons to keep going",
};

/* One line of guidance under each part. The parts and their order follow
 * the Safety Planning Intervention (Stanley B. and Brown G. K., "Safety
 * Planning Intervention: A Brief Intervention to Mitigate Suicide Risk",
 * Cognitive and Behavioral Practice 19(2):256-264, 2012); the words are
 * ours. */
static const char *const guidance[SP_COUNT] = {
	"The thoughts, moods, pictures or moments that tell you a hard time may be starting. "
	"The sooner you notice them, the sooner the rest of this plan can help.",
	"Small things you can do alone to get through the next few minutes, without calling "
	"anyone: a walk, music, a shower, slow breathing.",
	"People and places where you can be around others without having to talk about how "
	"you feel: a friend's kitchen, a park, a library.",
	"People you could tell that things are hard and ask to help, with a way to reach "
	"each one.",
	"Your doctor, therapist or local crisis team, with their numbers. The crisis lines for "
	"your region are listed here too.",
	"Ways to put time and distance between you and anything you might use to hurt "
	"yourself, for example asking someone you trust to keep it for a while.",
	"People, animals, plans or hopes that matter to you, even a little. A reason can be "
	"small.",
};

const char *safety_title(enum safety_part p)
{
	return p < SP_COUNT ? titles[p] : "";
}

const char *safety_guidance(enum safety_part p)
{
	return p < SP_COUNT ? guidance[p] : "";
}

int safety_get(struct vault *v, enum safety_part p, char *out, size_t size, struct error *e)
{
	char key[32];
	snprintf(key, sizeof(key), "safety.%d", (int)p);
	return settings_get(v, key, out, size, e) < 0 ? -1 : 0;
}

int safety_set(struct vault *v, enum safety_part p, const char *text, struct error *e)
{
	char key[32];
	snprintf(key, sizeof(key), "safety.%d", (int)p);
	return settings_set(v, key, text, e);
}

/* ---- the copy readable before unlocking ------------------------------------- */

unsigned safety_copy_parts(struct vault *v)
{
	char val[32];
	struct error e = {0};
	if (settings_get(v, "safety.copy", val, sizeof(val), &e) < 0 || !*val)
		return 0;
	unsigned long m = strtoul(val, NULL, 10);
	return (unsigned)(m & ((1u << SP_COUNT) - 1));
}

static int write_copy(struct vault *v, const char *path, unsigned parts, struct error *e)
{
	struct buf b = BUF_INIT;
	char text[4096];
	buf_puts(&b, "tend: your safety plan, the parts you chose to keep readable before tend is\n"
	             "unlocked. This file is NOT encrypted: anyone who can open this folder can\n"
	             "read it. 'tend safety-plan --copy off' removes it.\n");
	int rc = 0;
	for (int p = 0; p < SP_COUNT && rc == 0; p++) {
		if (!(parts & (1u << p)))
			continue;
		rc = safety_get(v, (enum safety_part)p, text, sizeof(text), e);
		if (rc == 0)
			buf_printf(&b, "\n%s\n  %s\n", titles[p], *text ? text : "-");
	}
	mem_wipe(text, sizeof(text));
	if (rc == 0)
		rc = atomic_write(path, buf_str(&b), b.len, 0600, e);
	if (b.data)
		mem_wipe(b.data, b.cap);
	buf_free(&b);
	return rc;
}

int safety_copy_set(struct vault *v, const char *dir, unsigned parts, struct error *e)
{
	char *path = path_join(dir, SAFETY_COPY_FILE);
	if (!path)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc;
	parts &= (1u << SP_COUNT) - 1;
	if (parts) {
		char val[16];
		snprintf(val, sizeof(val), "%u", parts);
		rc = settings_set(v, "safety.copy", val, e);
		if (rc == 0)
			rc = write_copy(v, path, parts, e);
	} else {
		/* Off: the file goes first, so that a failure leaves the setting
		 * saying on, and the next try removes it. */
		rc = 0;
		if (unlink(path) && errno != ENOENT)
			rc = error_set(e, E_FAIL, "The readable copy %s could not be removed: %s.", path,
			               strerror(errno));
		else
			fsync_dir_of(path, e);
		if (rc == 0)
			rc = settings_delete(v, "safety.copy", e);
	}
	free(path);
	return rc;
}

int safety_copy_update(struct vault *v, const char *dir, struct error *e)
{
	unsigned parts = safety_copy_parts(v);
	if (!parts)
		return 0;
	char *path = path_join(dir, SAFETY_COPY_FILE);
	if (!path)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = write_copy(v, path, parts, e);
	free(path);
	return rc;
}

int safety_copy_read(const char *dir, struct buf *out, int *missing, struct error *e)
{
	char *path = path_join(dir, SAFETY_COPY_FILE);
	if (!path)
		return error_set(e, E_FAIL, "Out of memory.");
	int rc = read_file(path, 1 << 20, out, missing, e);
	free(path);
	return rc;
}
