/* The editor widget without a terminal: actions and text onto the buffer,
 * and the keys that reach those actions. Drawing is for the screen tests. */
#include <string.h>

#include "unit.h"
#include "ui/input.h"
#include "widgets/editor.h"

static void type(struct editor *ed, const char *s)
{
	for (; *s; s++)
		assert_int_equal(editor_insert(ed, s, 1), 0);
}

static void is(const struct editor *ed, const char *want)
{
	size_t len;
	const char *t = editor_text(ed, &len);
	assert_int_equal(len, strlen(want));
	assert_string_equal(t, want);
}

static void typing_and_lines(void **state)
{
	(void)state;
	struct editor ed;
	assert_int_equal(editor_init(&ed, NULL, NULL), 0);
	type(&ed, "Dear diary");
	assert_true(editor_action(&ed, ACT_SELECT));
	type(&ed, "today was ok");
	is(&ed, "Dear diary\ntoday was ok");
	assert_int_equal(editor_words(&ed), 5);
	assert_true(editor_action(&ed, ACT_DELETE_WORD));
	is(&ed, "Dear diary\ntoday was ");
	assert_true(editor_action(&ed, ACT_ERASE));
	assert_true(editor_action(&ed, ACT_KILL_LINE));
	is(&ed, "Dear diary\n");
	assert_true(editor_action(&ed, ACT_UNDO));
	is(&ed, "Dear diary\ntoday was");
	assert_true(editor_action(&ed, ACT_REDO));
	is(&ed, "Dear diary\n");
	assert_true(editor_action(&ed, ACT_UP));
	assert_true(editor_action(&ed, ACT_LINE_END));
	assert_true(editor_action(&ed, ACT_KILL_TO_END));
	is(&ed, "Dear diary");
	assert_true(editor_action(&ed, ACT_TOP));
	assert_true(editor_action(&ed, ACT_WORD_RIGHT));
	assert_true(editor_action(&ed, ACT_DELETE));
	is(&ed, "Deardiary");
	editor_free(&ed);
	assert_null(ed.tb);
}

static void paste_is_one_step(void **state)
{
	(void)state;
	struct editor ed;
	assert_int_equal(editor_init(&ed, NULL, NULL), 0);
	type(&ed, "a ");
	const char *p = "pasted\r\nlines";
	assert_int_equal(editor_insert(&ed, p, strlen(p)), 0);
	is(&ed, "a pasted\nlines");
	/* A single character that comes with more bytes is still typing. */
	assert_int_equal(editor_insert(&ed, "\xC3\xA9", 2), 0);
	assert_true(editor_action(&ed, ACT_UNDO));
	is(&ed, "a pasted\nlines");
	assert_true(editor_action(&ed, ACT_UNDO));
	is(&ed, "a ");
	editor_free(&ed);
}

static void selection_actions(void **state)
{
	(void)state;
	struct editor ed;
	assert_int_equal(editor_init(&ed, NULL, NULL), 0);
	assert_int_equal(editor_set_text(&ed, "one two", 7), 0);
	uint64_t v = editor_version(&ed);
	/* Esc without a selection is the view's. */
	assert_false(editor_action(&ed, ACT_BACK));
	assert_true(editor_action(&ed, ACT_SEL_LINE_START));
	assert_true(editor_has_selection(&ed));
	assert_true(editor_action(&ed, ACT_BACK));
	assert_false(editor_has_selection(&ed));
	/* Mark, move, copy, paste. */
	assert_true(editor_action(&ed, ACT_BOTTOM));
	assert_true(editor_action(&ed, ACT_WORD_LEFT));
	assert_true(editor_action(&ed, ACT_MARK));
	assert_true(editor_action(&ed, ACT_LINE_END));
	assert_true(editor_has_selection(&ed));
	assert_true(editor_action(&ed, ACT_COPY));
	assert_false(editor_has_selection(&ed));
	assert_int_equal(editor_version(&ed), v);
	assert_true(editor_action(&ed, ACT_TOP));
	assert_true(editor_action(&ed, ACT_PASTE));
	is(&ed, "twoone two");
	assert_true(editor_version(&ed) != v);
	/* Shift-movement, cut. */
	assert_true(editor_action(&ed, ACT_SEL_LEFT));
	assert_true(editor_action(&ed, ACT_SEL_LEFT));
	assert_true(editor_action(&ed, ACT_CUT));
	is(&ed, "tone two");
	assert_true(editor_action(&ed, ACT_SELECT_ALL));
	assert_int_equal(editor_insert(&ed, "x", 1), 0);
	is(&ed, "x");
	assert_true(editor_action(&ed, ACT_SEL_UP));
	assert_true(editor_action(&ed, ACT_SEL_DOWN));
	assert_true(editor_action(&ed, ACT_SEL_RIGHT));
	editor_free(&ed);
}

static void not_for_the_editor(void **state)
{
	(void)state;
	struct editor ed;
	assert_int_equal(editor_init(&ed, NULL, NULL), 0);
	enum action views[] = {ACT_HELP, ACT_QUIT, ACT_LOCK, ACT_HIDE, ACT_CRISIS, ACT_SAVE,
	                       ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_SEARCH, ACT_NONE};
	for (size_t i = 0; i < sizeof(views) / sizeof(views[0]); i++)
		assert_false(editor_action(&ed, views[i]));
	is(&ed, "");
	/* Everything else that moves or edits is taken, even on an empty text. */
	enum action mine[] = {ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PGUP, ACT_PGDN,
	                      ACT_PARA_UP, ACT_PARA_DOWN, ACT_UNDO, ACT_REDO, ACT_ERASE,
	                      ACT_DELETE, ACT_CUT, ACT_COPY, ACT_PASTE, ACT_MARK};
	for (size_t i = 0; i < sizeof(mine) / sizeof(mine[0]); i++)
		assert_true(editor_action(&ed, mine[i]));
	editor_free(&ed);
}

/* Keys that reach the editor's actions in a view that takes text, and the
 * older bindings the other views rely on, unchanged. */
static void keys(void **state)
{
	(void)state;
	static const struct {
		int key;
		enum action a;
	} want[] = {
		{KEYC_CTRL_LEFT, ACT_WORD_LEFT}, {KEYC_ALT('b'), ACT_WORD_LEFT},
		{KEYC_CTRL_RIGHT, ACT_WORD_RIGHT}, {KEYC_ALT('f'), ACT_WORD_RIGHT},
		{KEYC_CTRL_UP, ACT_PARA_UP}, {KEYC_CTRL_DOWN, ACT_PARA_DOWN},
		{KEYC_CTRL('k'), ACT_KILL_TO_END}, {KEYC_CTRL('u'), ACT_KILL_LINE},
		{KEYC_CTRL('w'), ACT_DELETE_WORD}, {KEYC_ALT(KEYC_BACKSPACE), ACT_DELETE_WORD},
		{KEYC_CTRL('z'), ACT_UNDO}, {KEYC_CTRL('y'), ACT_REDO},
		{KEYC_CTRL_SPACE, ACT_MARK}, {KEYC_ALT('a'), ACT_SELECT_ALL},
		{KEYC_CTRL('x'), ACT_CUT}, {KEYC_ALT('w'), ACT_COPY}, {KEYC_F5, ACT_COPY},
		{KEYC_CTRL('v'), ACT_PASTE}, {KEYC_SHIFT_LEFT, ACT_SEL_LEFT},
		{KEYC_SHIFT_END, ACT_SEL_LINE_END}, {KEYC_CTRL_HOME, ACT_TOP},
		/* unchanged */
		{KEYC_CTRL('s'), ACT_SKIP}, {KEYC_CTRL('s'), ACT_SAVE}, {KEYC_ENTER, ACT_SELECT},
		{KEYC_HOME, ACT_LINE_START}, {KEYC_END, ACT_LINE_END}, {KEYC_CTRL('a'), ACT_LINE_START},
		{KEYC_CTRL('e'), ACT_LINE_END}, {KEYC_BACKSPACE, ACT_ERASE}, {KEYC_DELETE, ACT_DELETE},
		{KEYC_TAB, ACT_NEXT_FIELD}, {KEYC_ESC, ACT_BACK}, {KEYC_CTRL('g'), ACT_CRISIS},
		{KEYC_CTRL('l'), ACT_LOCK}, {KEYC_CTRL('b'), ACT_HIDE}, {KEYC_CTRL('q'), ACT_QUIT},
		{KEYC_F1, ACT_HELP}, {KEYC_UP, ACT_UP}, {KEYC_PGDN, ACT_PGDN},
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_int_equal(keymap_lookup(want[i].key, true), want[i].a);
	/* Outside text the letters keep their meanings. */
	assert_int_equal(keymap_lookup('s', false), ACT_SKIP);
	assert_int_equal(keymap_lookup(KEYC_HOME, false), ACT_TOP);
	assert_int_equal(keymap_lookup('q', false), ACT_BACK);
	assert_int_equal(keymap_lookup('s', true), ACT_NONE);
	/* Names for the help screen. */
	char buf[16];
	assert_string_equal(input_key_name(KEYC_ALT('b'), buf), "Alt-b");
	assert_string_equal(input_key_name(KEYC_ALT(KEYC_BACKSPACE), buf), "Alt-Bksp");
	assert_string_equal(input_key_name(KEYC_CTRL_LEFT, buf), "Ctrl-Left");
	assert_string_equal(input_key_name(KEYC_SHIFT_END, buf), "S-End");
	assert_string_equal(input_key_name(KEYC_CTRL_SPACE, buf), "Ctrl-Space");
	char keys_for[64];
	keymap_keys_for(ACT_DELETE_WORD, false, keys_for, sizeof(keys_for));
	assert_string_equal(keys_for, "Ctrl-W Alt-Bksp");
	assert_true(KEYC_CTRL_SPACE != KEYC_NONE);
}

SUITE(editor, cmocka_unit_test(typing_and_lines), cmocka_unit_test(paste_is_one_step),
      cmocka_unit_test(selection_actions), cmocka_unit_test(not_for_the_editor),
      cmocka_unit_test(keys))
