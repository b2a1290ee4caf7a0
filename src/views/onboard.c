/* onboard.c: the first run. What tend is and is not, privacy in plain
 * words before anything private is typed, a passphrase, the recovery code
 * (shown until it is checked, or the check skipped), the region for crisis
 * lines, and a gentle first step that can be skipped.
 *
 * Set-up left after the vault exists (hidden with Ctrl-B, locked, or the
 * terminal gone) goes on after the next unlock: the code and the region
 * step wait in the vault (setup.code, setup.region) until they are done.
 * The code there is no weaker than the vault around it: whoever can read
 * the vault holds its key already. */
#include <stdio.h>
#include <string.h>

#include "content/crisis.h"
#include "core/firstrun.h"
#include "store/settings.h"
#include "store/vault.h"
#include "util/utf8.h"
#include "views/view.h"
#include "widgets/field.h"
#include "widgets/list.h"

enum stage { WELCOME, PRIVACY, PASSPHRASE, CODE, CODE_CHECK, REGION, FIRST_STEP };

struct onboard {
	enum stage stage;
	struct field pass, again, check;
	int focus; /* PASSPHRASE: 0 first field, 1 second */
	char *code; /* recovery code, locked memory */
	char msg[512];
	bool busy;
	struct crisis_data regions;
	bool have_regions;
	struct menu m;
	int scroll, total, visible; /* long text on a small screen */
};

/* Draws Markdown that may be longer than the screen, from o->scroll, with
 * a hint at the bottom while more is below. */
static int draw_long(struct onboard *o, int y, int w, int rows, const char *md)
{
	int room = rows - y;
	o->total = view_markdown(y, 2, w, room, o->scroll, md);
	o->visible = room;
	if (o->total - o->scroll > room) {
		view_markdown(y, 2, w, room - 1, o->scroll, md);
		ui_fill(rows - 1, 2, w, ROLE_NORMAL);
		char more[48];
		snprintf(more, sizeof(more), "(more below: %s or %s)", keymap_label(ACT_DOWN, true),
		         keymap_label(ACT_PGDN, true));
		ui_puts(rows - 1, 2, w, ROLE_MUTED, more);
	}
	return o->total - o->scroll;
}

static bool scroll_action(struct onboard *o, enum action a)
{
	int max = o->total - o->visible + 1;
	if (max < 0)
		max = 0;
	int page = o->visible > 2 ? o->visible - 2 : 1;
	switch (a) {
	case ACT_DOWN: o->scroll = o->scroll < max ? o->scroll + 1 : max; return true;
	case ACT_PGDN: o->scroll = o->scroll + page < max ? o->scroll + page : max; return true;
	case ACT_UP: o->scroll = o->scroll ? o->scroll - 1 : 0; return true;
	case ACT_PGUP: o->scroll = o->scroll > page ? o->scroll - page : 0; return true;
	default: return false;
	}
}

#define SETUP_CODE "setup.code"
#define SETUP_REGION "setup.region"

static void go_region(struct ctx *c, struct onboard *o);

bool onboard_unfinished(struct ctx *c)
{
	char val[8];
	struct error e = {0};
	return c->ses->vault && (settings_get(c->ses->vault, SETUP_CODE, val, sizeof(val), &e) == 1 ||
	                    settings_get(c->ses->vault, SETUP_REGION, val, sizeof(val), &e) == 1);
}

/* Picks up set-up left part way (arg non-NULL, after an unlock): the code
 * step while the code is waiting, else the region step. */
static int resume(struct ctx *c, struct onboard *o)
{
	struct error e = {0};
	char val[8];
	o->code = vault_secret_alloc(VAULT_CODE_MAX);
	if (!o->code)
		return -1;
	if (c->ses->vault && settings_get(c->ses->vault, SETUP_CODE, o->code, VAULT_CODE_MAX, &e) == 1) {
		o->stage = CODE;
		return 0;
	}
	vault_secret_free(o->code);
	o->code = NULL;
	if (c->ses->vault && settings_get(c->ses->vault, SETUP_REGION, val, sizeof(val), &e) == 1) {
		go_region(c, o);
		return 0;
	}
	return -1;
}

static int onboard_enter(struct ctx *c, void *st, const void *arg)
{
	struct onboard *o = st;
	struct error e;
	if (field_init(&o->pass, true, vault_secret_alloc, vault_secret_free) ||
	    field_init(&o->again, true, vault_secret_alloc, vault_secret_free) ||
	    field_init(&o->check, false, vault_secret_alloc, vault_secret_free))
		return -1;
	o->have_regions = crisis_load(&o->regions, &e) == 0;
	return arg ? resume(c, o) : 0;
}

/* A set-up step is done: it no longer waits in the vault. */
static void step_done(struct ctx *c, const char *key)
{
	struct error e = {0};
	if (c->ses->vault && settings_delete(c->ses->vault, key, &e))
		view_warn(c, &e);
}

static void onboard_leave(struct ctx *c, void *st)
{
	(void)c;
	struct onboard *o = st;
	field_free(&o->pass);
	field_free(&o->again);
	field_free(&o->check);
	vault_secret_free(o->code);
	o->code = NULL;
	if (o->have_regions)
		crisis_free(&o->regions);
}

/* The keys named in these pages come from the keymap, so a config file
 * that moves them is told the truth. */
static void welcome_md(char *out, size_t size)
{
	snprintf(out, size,
	         "## Welcome\n\n"
	         "tend is a private place to learn about trauma and healing, to practise steadying "
	         "skills, and to keep a journal of how you are doing, at your own pace.\n\n"
	         "It is self-help. It can sit alongside therapy or other support, but it is not "
	         "treatment, it does not diagnose anything, and it cannot respond in an "
	         "emergency.\n\n"
	         "- **%s** goes back or leaves any screen. Nothing here has to be finished.\n"
	         "- **%s** opens crisis help on every screen, even this one.\n"
	         "- **%s** shows the keys for the screen you are on.\n\n"
	         "Press **%s** to go on.",
	         keymap_label(ACT_BACK, true), keymap_label(ACT_CRISIS, true),
	         keymap_label(ACT_HELP, true), keymap_label(ACT_SELECT, true));
}

static void privacy_md(char *out, size_t size, const char *dir)
{
	snprintf(out, size,
	         "## Your privacy, in plain words\n\n"
	         "Everything you write in tend stays on this computer. tend sends nothing anywhere "
	         "and has no account to sign in to.\n\n"
	         "Your journal, moods and notes are kept in one vault in the folder below. The "
	         "vault is encrypted before it touches the disk, so a lost laptop, a copied folder "
	         "or a cloud backup shows only scrambled data.\n\n"
	         "Your passphrase is the key. Nobody, including the people who make tend, can open "
	         "the vault without it or without the recovery code you will see next.\n\n"
	         "What encryption cannot do: it cannot protect you from someone who controls this "
	         "computer while you use it (for example with spying software), or who can see "
	         "your screen. **%s** hides tend at once and locks it; **%s** locks it.\n\n"
	         "Press **%s** to choose a passphrase.\n\nThe vault folder: `%s`",
	         keymap_label(ACT_HIDE, true), keymap_label(ACT_LOCK, true),
	         keymap_label(ACT_SELECT, true), dir);
}

static const char *strength(const struct field *f, enum role *r)
{
	enum pass_level l;
	const char *say = pass_rate(f->buf ? f->buf : "", f->len, &l);
	*r = l <= PASS_TOO_SHORT ? ROLE_WARN : l == PASS_FAIR ? ROLE_NORMAL : ROLE_GOOD;
	return say;
}

static void draw_passphrase(struct onboard *o, int y, int w, int rows)
{
	char md[240];
	snprintf(md, sizeof(md),
	         "## Choose a passphrase\n\n"
	         "Type it twice. Spaces are fine and there is no upper limit. %s moves between the "
	         "two fields; %s goes on.",
	         keymap_label(ACT_NEXT_FIELD, true), keymap_label(ACT_SELECT, true));
	y += view_markdown(y, 2, w, 6, 0, md);
	y++;
	ui_puts(y, 2, 14, ROLE_NORMAL, "Passphrase:");
	ui_puts(y + 2, 2, 14, ROLE_NORMAL, "Once more:");
	enum role r;
	const char *hint = strength(&o->pass, &r);
	(void)r;
	int hl = view_markdown(y + 4, 2, w, 2, 0, hint);
	if (o->msg[0])
		view_markdown(y + 5 + hl, 2, w, rows - y - 5 - hl, 0, o->msg);
	int fw = w - 16 > 50 ? 50 : w - 16;
	if (o->busy) {
		ui_puts(y + 6, 2, w, ROLE_MUTED, "Making your vault, one moment...");
		return;
	}
	/* The focused field is drawn last so the cursor rests in it. */
	if (o->focus == 0) {
		field_draw(&o->again, y + 2, 16, fw, ROLE_SELECTED);
		field_draw(&o->pass, y, 16, fw, ROLE_SELECTED);
	} else {
		field_draw(&o->pass, y, 16, fw, ROLE_SELECTED);
		field_draw(&o->again, y + 2, 16, fw, ROLE_SELECTED);
	}
}

static void draw_code(struct onboard *o, int y, int w)
{
	y += view_markdown(y, 2, w, 8, 0,
	                   "## Your recovery code\n\n"
	                   "If you ever forget your passphrase, this code is the only other way "
	                   "into your vault. Write it on paper now and keep it somewhere private. "
	                   "It will not be shown again.");
	/* Never cut: as many whole groups of five as fit on each line. */
	const char *code = o->code ? o->code : "";
	int per = (w - 4 + 1) / 6;
	if (per < 1)
		per = 1;
	y++;
	for (const char *p = code; *p; y++) {
		int groups = 0;
		const char *end = p;
		while (*end && groups < per) {
			end += strcspn(end, "-");
			groups++;
			if (*end == '-' && groups < per)
				end++;
		}
		ui_put(y, 4, w - 4, ROLE_STRONG, p, (size_t)(end - p));
		p = *end == '-' ? end + 1 : end;
	}
	char md[240];
	snprintf(md, sizeof(md),
	         "Please do not keep it in a file on this computer or in a photo that syncs to the "
	         "cloud. Press **%s** when it is written down.",
	         keymap_label(ACT_SELECT, true));
	view_markdown(y + 1, 2, w, 4, 0, md);
}

static void draw_check(struct onboard *o, int y, int w)
{
	char md[400];
	snprintf(md, sizeof(md),
	         "## Check the copy\n\n"
	         "From what you wrote down, type the **third group** of five characters (after the "
	         "second dash). Case does not matter. If you would rather check later, press **%s** "
	         "to skip; you can always make a new code with 'tend rekey'.",
	         keymap_label(ACT_SKIP, true));
	y += view_markdown(y, 2, w, 8, 0, md);
	y++;
	ui_puts(y, 2, 14, ROLE_NORMAL, "Third group:");
	if (o->msg[0])
		view_markdown(y + 2, 2, w, 4, 0, o->msg);
	field_draw(&o->check, y, 16, 8, ROLE_SELECTED);
}

static void draw_region(struct ctx *c, struct onboard *o, int y, int w, int rows)
{
	char why[256], md[512];
	const char *guess = crisis_pick_region_why(&o->regions, NULL, why, sizeof(why));
	if (strcmp(guess, c->ses->region) != 0)
		snprintf(why, sizeof(why), "the region in tend's settings file");
	snprintf(md, sizeof(md),
	         "## Where are you?\n\n"
	         "Crisis lines differ from country to country. The one suggested is %s; choose "
	         "another if it is wrong.",
	         why);
	y += view_markdown(y, 2, w, 7, 0, md);
	y++;
	struct region_rows d = {&o->regions, c->ses->region, "  (suggested)"};
	menu_draw(&o->m, (struct list_area){.y = y, .end = rows, .x = 2, .w = w}, view_region_row, &d);
}

static void onboard_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct onboard *o = st;
	int w = cols - 4 > 90 ? 90 : cols - 4;
	int y = view_title(cols, "tend: getting started");
	switch (o->stage) {
	case WELCOME: {
		char md[1200];
		welcome_md(md, sizeof(md));
		draw_long(o, y, w, rows, md);
		break;
	}
	case PRIVACY: {
		char md[2400];
		privacy_md(md, sizeof(md), c->set->data_dir);
		draw_long(o, y, w, rows, md);
		break;
	}
	case PASSPHRASE:
		draw_passphrase(o, y, w, rows);
		break;
	case CODE:
		draw_code(o, y, w);
		break;
	case CODE_CHECK:
		draw_check(o, y, w);
		break;
	case REGION:
		draw_region(c, o, y, w, rows);
		break;
	case FIRST_STEP: {
		char md[400];
		snprintf(md, sizeof(md),
		         "## Your vault is ready\n\n"
		         "A gentle first step, if you like: read the first short page about how trauma "
		         "shows up in many different ways. Or go straight to the home screen. Either is "
		         "fine.\n\n"
		         "- **%s**: read the first page\n"
		         "- **%s**: go to the home screen",
		         keymap_label(ACT_SELECT, true), keymap_label(ACT_BACK, true));
		draw_long(o, y, w, rows, md);
		break;
	}
	}
}

static struct field *focused(struct onboard *o)
{
	if (o->stage == PASSPHRASE)
		return o->focus ? &o->again : &o->pass;
	if (o->stage == CODE_CHECK)
		return &o->check;
	return NULL;
}

static struct step onboard_text(struct ctx *c, void *st, const char *t, size_t n)
{
	(void)c;
	struct onboard *o = st;
	struct field *f = focused(o);
	if (!f || o->busy)
		return STEP(STEP_NONE);
	o->msg[0] = '\0';
	field_insert(f, t, n);
	return STEP(STEP_REDRAW);
}

static void go_region(struct ctx *c, struct onboard *o)
{
	o->stage = REGION;
	o->m.n = o->have_regions ? o->regions.nregions : 0;
	for (size_t i = 0; i < o->m.n; i++)
		if (strcmp(o->regions.regions[i].code, c->ses->region) == 0)
			o->m.sel = i;
	if (!o->m.n) {
		step_done(c, SETUP_REGION);
		o->stage = FIRST_STEP;
	}
}

static struct step passphrase_select(struct onboard *o)
{
	if (o->focus == 0) {
		o->focus = 1;
		return STEP(STEP_REDRAW);
	}
	enum pass_level l;
	pass_rate(o->pass.buf ? o->pass.buf : "", o->pass.len, &l);
	if (l < PASS_FAIR) {
		snprintf(o->msg, sizeof(o->msg), "Please choose a passphrase of at least 8 characters.");
		o->focus = 0;
		return STEP(STEP_REDRAW);
	}
	if (o->pass.len != o->again.len || memcmp(o->pass.buf, o->again.buf, o->pass.len) != 0) {
		snprintf(o->msg, sizeof(o->msg),
		         "The two passphrases differ. Please type the second one again.");
		field_clear(&o->again);
		return STEP(STEP_REDRAW);
	}
	o->busy = true;
	return STEP(STEP_WORK);
}

static struct step onboard_work(struct ctx *c, void *st)
{
	struct onboard *o = st;
	struct error e = {0};
	o->busy = false;
	o->code = vault_secret_alloc(VAULT_CODE_MAX);
	if (!o->code) {
		snprintf(o->msg, sizeof(o->msg), "Out of memory.");
		return STEP(STEP_REDRAW);
	}
	struct vault *v = NULL;
	if (vault_init(c->set->data_dir, o->pass.buf, o->pass.len, o->code, &e) ||
	    vault_open(c->set->data_dir, o->pass.buf, o->pass.len, &v, &e)) {
		snprintf(o->msg, sizeof(o->msg), "%s", e.msg);
		vault_secret_free(o->code);
		o->code = NULL;
		return STEP(STEP_REDRAW);
	}
	c->ses->vault = v;
	field_free(&o->pass);
	field_free(&o->again);
	/* Until they are done, the code and the region step wait in the vault. */
	if (settings_set(v, SETUP_CODE, o->code, &e) || settings_set(v, SETUP_REGION, "1", &e))
		view_warn(c, &e);
	o->stage = CODE;
	return STEP(STEP_REDRAW);
}

static bool code_matches(const struct onboard *o)
{
	return code_check_matches(o->code, o->check.buf ? o->check.buf : "", o->check.len);
}

static void forget_code(struct onboard *o)
{
	vault_secret_free(o->code);
	o->code = NULL;
	field_clear(&o->check);
}

static struct step stage_action(struct ctx *c, void *st, enum action a)
{
	struct onboard *o = st;
	if (o->busy)
		return STEP(STEP_NONE);
	struct field *f = focused(o);
	if (f && field_action(f, a))
		return STEP(STEP_REDRAW);
	if ((o->stage == WELCOME || o->stage == PRIVACY || o->stage == FIRST_STEP) &&
	    scroll_action(o, a))
		return STEP(STEP_REDRAW);
	switch (o->stage) {
	case WELCOME:
	case PRIVACY:
		if (a == ACT_SELECT)
			o->stage++;
		else if (a == ACT_BACK)
			return o->stage == WELCOME ? STEP(STEP_QUIT) : (o->stage--, STEP(STEP_REDRAW));
		return STEP(STEP_REDRAW);
	case PASSPHRASE:
		if (a == ACT_NEXT_FIELD || a == ACT_PREV_FIELD || a == ACT_UP || a == ACT_DOWN) {
			o->focus = !o->focus;
			return STEP(STEP_REDRAW);
		}
		if (a == ACT_SELECT)
			return passphrase_select(o);
		if (a == ACT_BACK) {
			o->stage = PRIVACY;
			o->msg[0] = '\0';
		}
		return STEP(STEP_REDRAW);
	case CODE:
		if (a == ACT_SELECT)
			o->stage = CODE_CHECK;
		return STEP(STEP_REDRAW);
	case CODE_CHECK:
		if (a == ACT_SELECT) {
			if (code_matches(o)) {
				forget_code(o);
				step_done(c, SETUP_CODE);
				go_region(c, o);
			} else {
				snprintf(o->msg, sizeof(o->msg),
				         "That does not match. Check the third group (after the second "
				         "dash), or press **%s** to see the code again.",
				         keymap_label(ACT_BACK, true));
				field_clear(&o->check);
			}
		} else if (a == ACT_BACK) {
			o->stage = CODE;
			o->msg[0] = '\0';
		} else if (a == ACT_SKIP) {
			forget_code(o);
			step_done(c, SETUP_CODE);
			view_note(c, ROLE_STATUS, "%s",
			          "Check skipped; 'tend rekey' makes a new code any time.");
			go_region(c, o);
		}
		return STEP(STEP_REDRAW);
	case REGION:
		if (menu_action(&o->m, a))
			return STEP(STEP_REDRAW);
		if (a == ACT_SELECT) {
			view_set_region(c, o->regions.regions[o->m.sel].code);
			step_done(c, SETUP_REGION);
			o->stage = FIRST_STEP;
		} else if (a == ACT_BACK || a == ACT_SKIP) {
			step_done(c, SETUP_REGION);
			o->stage = FIRST_STEP;
		}
		return STEP(STEP_REDRAW);
	case FIRST_STEP:
		if (a == ACT_SELECT) {
			c->after_unlock = &learn_page_view;
			c->after_arg = "learn/01-spectrum.md";
			return STEP(STEP_UNLOCKED);
		}
		if (a == ACT_BACK || a == ACT_SKIP)
			return STEP(STEP_UNLOCKED);
		return STEP(STEP_NONE);
	}
	return STEP(STEP_NONE);
}

static struct step onboard_action(struct ctx *c, void *st, enum action a)
{
	struct onboard *o = st;
	enum stage was = o->stage;
	struct step next = stage_action(c, st, a);
	if (o->stage != was)
		o->scroll = 0;
	return next;
}

static void onboard_before_lock(struct ctx *c, void *st)
{
	(void)c;
	struct onboard *o = st;
	/* Locking mid-way: the code was shown; forget it. */
	if (o->code)
		forget_code(o);
}

static const struct hint onboard_hints[] = {
	{ACT_SELECT, "go on"},
	{ACT_BACK, "back"},
	{ACT_HELP, "keys"},
	{ACT_NONE, NULL},
};

const struct view_ops onboard_view = {
	.name = "onboard",
	.state_size = sizeof(struct onboard),
	.flags = VIEW_TAKES_TEXT | VIEW_NO_LOCK,
	.hints = onboard_hints,
	.enter = onboard_enter,
	.leave = onboard_leave,
	.draw = onboard_draw,
	.on_action = onboard_action,
	.on_text = onboard_text,
	.work = onboard_work,
	.before_lock = onboard_before_lock,
};
