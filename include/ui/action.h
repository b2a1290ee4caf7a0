/* action.h: everything a key can ask for, as data. One list feeds the
 * keymap, the help screen and the manual, so they cannot drift apart.
 * Views react to actions, never to key codes. */
#ifndef TEND_UI_ACTION_H
#define TEND_UI_ACTION_H

#include <stdbool.h>
#include <stddef.h>

/* X(id, name, help) */
#define ACTIONS(X) \
	X(ACT_NONE, "none", "") \
	X(ACT_CRISIS, "crisis", "Crisis help: lines to call or text, on every screen") \
	X(ACT_HELP, "help", "Show the keys for this screen") \
	X(ACT_BACK, "back", "Go back, or leave this screen") \
	X(ACT_QUIT, "quit", "Quit tend (the vault is locked)") \
	X(ACT_LOCK, "lock", "Lock now: the vault closes until the passphrase is typed") \
	X(ACT_HIDE, "hide", "Hide: clear the screen and scrollback at once, and lock") \
	X(ACT_UP, "up", "Move up") \
	X(ACT_DOWN, "down", "Move down") \
	X(ACT_LEFT, "left", "Move left") \
	X(ACT_RIGHT, "right", "Move right") \
	X(ACT_PGUP, "page-up", "Page up") \
	X(ACT_PGDN, "page-down", "Page down") \
	X(ACT_TOP, "top", "Go to the top") \
	X(ACT_BOTTOM, "bottom", "Go to the end") \
	X(ACT_SELECT, "select", "Choose, or go on") \
	X(ACT_NEXT_FIELD, "next-field", "Next field or choice") \
	X(ACT_PREV_FIELD, "prev-field", "Previous field or choice") \
	X(ACT_ERASE, "erase", "Erase the character before the cursor") \
	X(ACT_DELETE, "delete", "Erase the character under the cursor") \
	X(ACT_LINE_START, "line-start", "Cursor to the start of the line") \
	X(ACT_LINE_END, "line-end", "Cursor to the end of the line") \
	X(ACT_KILL_LINE, "kill-line", "Erase the whole line") \
	X(ACT_CONTENTS, "contents", "Table of contents of this page") \
	X(ACT_SEARCH, "search", "Search this page") \
	X(ACT_SEARCH_NEXT, "search-next", "Next match") \
	X(ACT_SEARCH_PREV, "search-prev", "Previous match") \
	X(ACT_REGION, "region", "Choose the region for crisis lines") \
	X(ACT_SKIP, "skip", "Skip this step")

enum action {
#define X(id, name, help) id,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

const char *action_name(enum action a);
const char *action_help(enum action a);

/* What a key means. In views that take text (VIEW_TAKES_TEXT), printable
 * keys are text, so only bindings marked "in text" count there. */
enum action keymap_lookup(int key, bool text_view);
/* The first key bound to a (preferring one that works in text views when
 * text_view), written as a name; "" when unbound. */
const char *keymap_key_for(enum action a, bool text_view, char buf[16]);
/* Every key bound to a, for the help screen: "Up k". */
void keymap_keys_for(enum action a, char *out, size_t size);

#endif
