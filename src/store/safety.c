#include "store/safety.h"

#include <stdio.h>

#include "store/settings.h"

static const char *const titles[SP_COUNT] = {
	"My warning signs",
	"Things I can do on my own",
	"People and places that help me feel better",
	"People I can ask for help",
	"Professionals and crisis lines",
	"Making my surroundings safer",
	"My reasons to keep going",
};

const char *safety_title(enum safety_part p)
{
	return p < SP_COUNT ? titles[p] : "";
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
