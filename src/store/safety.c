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
