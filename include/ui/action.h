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
	X(ACT_KILL_LINE, "kill-line", "Erase the line (in the journal: back to its start)") \
	X(ACT_CONTENTS, "contents", "Table of contents of this page") \
	X(ACT_SEARCH, "search", "Search this page") \
	X(ACT_SEARCH_NEXT, "search-next", "Next match") \
	X(ACT_SEARCH_PREV, "search-prev", "Previous match") \
	X(ACT_REGION, "region", "Choose the region for crisis lines") \
	X(ACT_SKIP, "skip", "Skip this step; in the journal, save the entry") \
	X(ACT_WORD_LEFT, "word-left", "Cursor to the start of the word") \
	X(ACT_WORD_RIGHT, "word-right", "Cursor to the end of the word") \
	X(ACT_PARA_UP, "paragraph-up", "Cursor to the paragraph before") \
	X(ACT_PARA_DOWN, "paragraph-down", "Cursor to the paragraph after") \
	X(ACT_SEL_LEFT, "select-left", "Select with the cursor, left") \
	X(ACT_SEL_RIGHT, "select-right", "Select with the cursor, right") \
	X(ACT_SEL_UP, "select-up", "Select with the cursor, up") \
	X(ACT_SEL_DOWN, "select-down", "Select with the cursor, down") \
	X(ACT_SEL_LINE_START, "select-line-start", "Select to the start of the line") \
	X(ACT_SEL_LINE_END, "select-line-end", "Select to the end of the line") \
	X(ACT_MARK, "mark", "Start selecting here; moving selects (again: stop)") \
	X(ACT_SELECT_ALL, "select-all", "Select all the text") \
	X(ACT_CUT, "cut", "Cut the selection") \
	X(ACT_COPY, "copy", "Copy the selection (tend's own clipboard)") \
	X(ACT_PASTE, "paste", "Paste what was cut or copied (the terminal's paste works too)") \
	X(ACT_KILL_TO_END, "kill-to-end", "Erase to the end of the line") \
	X(ACT_DELETE_WORD, "delete-word", "Erase the word before the cursor") \
	X(ACT_UNDO, "undo", "Undo") \
	X(ACT_REDO, "redo", "Redo") \
	X(ACT_WRITE, "write", "Write a new journal entry") \
	X(ACT_EDIT, "edit", "Edit this (an entry, or rename a tag)") \
	X(ACT_REMOVE, "remove", "Delete this, after asking") \
	X(ACT_RESTORE, "bring-back", "Bring back the entry deleted last (until lock)") \
	X(ACT_VERSIONS, "versions", "Earlier versions of this entry") \
	X(ACT_FILTER, "filters", "Narrow a search by date, tag, mood or trigger") \
	X(ACT_GROUPING, "grouping", "Group the journal by day, week or month") \
	X(ACT_TAGS, "tags", "All tags: rename, merge, remove") \
	X(ACT_CHECKIN, "check-in", "A mood check-in (while writing: linked to the entry)") \
	X(ACT_SAFETY, "safety-plan", "My safety plan (from the crisis screen)") \
	X(ACT_BREATHE, "breathe", "Paced breathing (from the crisis screen)")

enum action {
#define X(id, name, help) id,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

/* The journal saves with the key that skips a step elsewhere (Ctrl-S): one
 * action, two names, so a view that means "save" can say so. */
#define ACT_SAVE ACT_SKIP

const char *action_name(enum action a);
const char *action_help(enum action a);
/* The action a name from ACTIONS means ("crisis", "page-down"; "save" too,
 * as another name for skip); -1 when there is none. */
int action_parse(const char *name);

struct config;
/* Applies the config file's key.ACTION lines, top to bottom, over the
 * default keymap (docs/config.md):
 *   key.ACTION = KEY [KEY...]   each KEY now means ACTION on every screen
 *                               (and nothing else); ACTION keeps its other
 *                               keys, and the ones named here are shown first
 *   key.ACTION = none [KEY...]  ACTION loses every key it had first
 *   key.none = KEY [KEY...]     the keys do nothing
 * A character key (a letter, digit or sign) works only where nothing is
 * being typed, so binding one never gets in the way of writing. An unknown
 * action or key name is a warning in cfg naming its line; the rest of the
 * line still counts. Crisis help always keeps a key that works while
 * typing: when the file leaves it none, Ctrl-G is given back with a
 * warning. Calling it again starts from the defaults. */
void keymap_configure(struct config *cfg);
/* The default keymap again (tests). */
void keymap_reset(void);

/* What a key means. In views that take text (VIEW_TAKES_TEXT), printable
 * keys are text, so only bindings marked "in text" count there. */
enum action keymap_lookup(int key, bool text_view);
/* The first key bound to a, written as a name; with text_view, the first
 * that works while typing. "" when there is none. */
const char *keymap_key_for(enum action a, bool text_view, char buf[16]);
/* Every key bound to a, for the help screen: "Up k". With text_view, only
 * those that work while typing (a letter there just types). */
void keymap_keys_for(enum action a, bool text_view, char *out, size_t size);
/* Writes a's key for text on screen into one of a few rotating buffers, so
 * one printf can name several keys: keymap_label(ACT_WRITE, false) is "w"
 * unless the config file moved it. "" when a has no key. */
const char *keymap_label(enum action a, bool text_view);

#endif
