/* hidden.c: the neutral screen shown by the hide key. The vault is already
 * locked; any key goes to the unlock screen. */
#include "store/vault.h"
#include "views/view.h"

static void hidden_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	(void)st;
	(void)rows;
	(void)cols;
}

static struct step hidden_any(struct ctx *c, void *st)
{
	(void)st;
	/* Hidden during the first run, before a vault exists: start again. */
	return vault_exists(c->set->data_dir) ? REPLACE(unlock_view, NULL) : REPLACE(onboard_view, NULL);
}

static struct step hidden_action(struct ctx *c, void *st, enum action a)
{
	(void)a;
	return hidden_any(c, st);
}

static struct step hidden_text(struct ctx *c, void *st, const char *t, size_t n)
{
	(void)t;
	(void)n;
	return hidden_any(c, st);
}

const struct view_ops hidden_view = {
	.name = "hidden",
	.flags = VIEW_BARE | VIEW_ANY_SIZE | VIEW_TAKES_TEXT | VIEW_NO_LOCK,
	.draw = hidden_draw,
	.on_action = hidden_action,
	.on_text = hidden_text,
};
