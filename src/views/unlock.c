/* unlock.c: the passphrase screen that opens the vault. */
#include <stdio.h>
#include <string.h>

#include "store/vault.h"
#include "views/view.h"
#include "widgets/field.h"

struct unlock {
	struct field pass;
	char msg[512];
	bool busy;
};

static int unlock_enter(struct ctx *c, void *st, const void *arg)
{
	(void)c;
	(void)arg;
	struct unlock *u = st;
	return field_init(&u->pass, true, vault_secret_alloc, vault_secret_free);
}

static void unlock_leave(struct ctx *c, void *st)
{
	(void)c;
	struct unlock *u = st;
	field_free(&u->pass);
}

static void unlock_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct unlock *u = st;
	int w = cols < 64 ? cols - 4 : 60;
	int x = (cols - w) / 2;
	int y = rows / 2 - 5;
	if (y < 1)
		y = 1;
	ui_puts(y, x, w, ROLE_TITLE, "tend");
	ui_puts(y + 2, x, w, ROLE_NORMAL, "Your journal is locked. Type your passphrase to open it.");
	ui_puts(y + 4, x, w, ROLE_NORMAL, "Passphrase:");
	int fx = x + 12;
	if (u->busy) {
		ui_puts(y + 4, fx, w - 12, ROLE_MUTED, "Unlocking, one moment...");
	} else {
		field_draw(&u->pass, y + 4, fx, w - 12, ROLE_SELECTED);
	}
	if (u->msg[0]) {
		int my, mx;
		ui_cursor_get(&my, &mx);
		view_markdown(y + 6, x, w, 4, 0, u->msg);
		ui_cursor_move(my, mx);
	}
	int cy, cx;
	ui_cursor_get(&cy, &cx);
	view_markdown(y + 11, x, w, 2, 0,
	              "*Forgot it? In a terminal, `tend recover` sets a new one with your recovery "
	              "code.*");
	ui_cursor_move(cy, cx);
}

static struct step unlock_text(struct ctx *c, void *st, const char *text, size_t len)
{
	(void)c;
	struct unlock *u = st;
	if (u->busy)
		return STEP(STEP_NONE);
	u->msg[0] = '\0';
	if (field_insert(&u->pass, text, len))
		snprintf(u->msg, sizeof(u->msg), "That is longer than this computer can hold in memory.");
	return STEP(STEP_REDRAW);
}

static struct step unlock_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct unlock *u = st;
	if (u->busy)
		return STEP(STEP_NONE);
	if (field_action(&u->pass, a))
		return STEP(STEP_REDRAW);
	switch (a) {
	case ACT_SELECT:
		if (!u->pass.len) {
			snprintf(u->msg, sizeof(u->msg), "Type your passphrase first, then press %s.",
			         keymap_label(ACT_SELECT, true));
			return STEP(STEP_REDRAW);
		}
		u->busy = true;
		u->msg[0] = '\0';
		return STEP(STEP_WORK);
	case ACT_BACK:
		return STEP(STEP_QUIT);
	default:
		return STEP(STEP_NONE);
	}
}

/* What opening found that the person should know, in the status bar. */
static void open_notes(struct ctx *c, struct vault *v)
{
	struct vault_check info;
	vault_open_info(v, &info);
	unsigned mode;
	if (info.used_key_backup) {
		view_note(c, ROLE_STATUS, "%s",
		          "The key file was damaged; its backup copy was used and the key file was "
		          "written again.");
	} else if (vault_folder_shared(v, &mode)) {
		view_note(c, ROLE_WARN,
		         "Others on this computer can open the vault folder. Unless shared on "
		          "purpose: chmod 700 %s",
		          vault_folder(v));
	}
}

static struct step unlock_work(struct ctx *c, void *st)
{
	struct unlock *u = st;
	struct error e = {0};
	struct vault *v = NULL;
	int rc = vault_open(c->set->data_dir, u->pass.buf, u->pass.len, &v, &e);
	field_clear(&u->pass);
	u->busy = false;
	if (rc) {
		snprintf(u->msg, sizeof(u->msg), "%s", e.msg);
		return STEP(STEP_REDRAW);
	}
	c->ses->vault = v;
	open_notes(c, v);
	struct vault_check info;
	vault_open_info(v, &info);
	if (info.rekey_finished) {
		view_note(c, ROLE_WARN, "%s",
		          "An interrupted re-key was finished: the old recovery code no longer opens "
		          "the vault. Run 'tend rekey' in a terminal for a new one.");
	} else if (info.rekey_undone) {
		view_note(c, ROLE_STATUS, "%s",
		          "An interrupted re-key was undone: the old key and recovery code still "
		          "open the vault.");
	} else if (info.recovered) {
		view_note(c, ROLE_STATUS, "%s",
		          "An interrupted change was rolled back; everything saved before it is safe.");
	}
	if (info.older) {
		view_note(c, ROLE_WARN, "%s",
		          "This vault is OLDER than the one this computer last opened, so it is "
		          "read-only. If you brought this copy back on purpose, run 'tend "
		          "accept-older'.");
	}
	if (onboard_unfinished(c)) {
		c->after_unlock = &onboard_view;
		c->after_arg = "resume";
	}
	return STEP(STEP_UNLOCKED);
}

static const struct hint unlock_hints[] = {
	{ACT_SELECT, "unlock"},
	{ACT_BACK, "quit"},
	{ACT_NONE, NULL},
};

const struct view_ops unlock_view = {
	.name = "unlock",
	.state_size = sizeof(struct unlock),
	.flags = VIEW_TAKES_TEXT | VIEW_NO_LOCK,
	.hints = unlock_hints,
	.enter = unlock_enter,
	.leave = unlock_leave,
	.draw = unlock_draw,
	.on_action = unlock_action,
	.on_text = unlock_text,
	.work = unlock_work,
};
