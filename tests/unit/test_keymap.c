/* Keys from the config file: names read back the way they are shown, key.ACTION
 * lines add, replace and unbind, problems name their line, and crisis help
 * never loses its key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/action.h"
#include "ui/input.h"
#include "unit.h"
#include "util/config.h"
#include "util/fileio.h"
#include "util/path.h"

/* Loads text as a config file and applies its key lines. */
static void load(const char *text, struct config *c)
{
	char *dir = test_tmpdir();
	char *p = path_join(dir, "config");
	struct error e;
	assert_int_equal(atomic_write(p, text, strlen(text), 0600, &e), 0);
	config_load(dir, c);
	keymap_configure(c);
	free(p);
	test_rmtree(dir);
	free(dir);
}

static void names_read_back(void **state)
{
	(void)state;
	/* Every key the terminal can give has a name that means it again. */
	for (int k = 1; k < 0x7F; k++) {
		if (k == '\t' || k == '\n' || k == '\r' || k == 8 || k == 27)
			continue; /* these arrive as Tab, Enter, Bksp, Esc */
		char buf[16];
		const char *name = input_key_name(k, buf);
		assert_int_equal(input_key_parse(name), k);
	}
	for (int k = KEYC_UP; k <= KEYC_SHIFT_END; k++) {
		char buf[16];
		assert_int_equal(input_key_parse(input_key_name(k, buf)), k);
	}
	for (int c = '!'; c < 0x7F; c++) {
		char buf[16];
		assert_int_equal(input_key_parse(input_key_name(KEYC_ALT(c), buf)), KEYC_ALT(c));
	}
	/* Spellings people use, in any case. */
	assert_int_equal(input_key_parse("esc"), KEYC_ESC);
	assert_int_equal(input_key_parse("Escape"), KEYC_ESC);
	assert_int_equal(input_key_parse("PageDown"), KEYC_PGDN);
	assert_int_equal(input_key_parse("pgdn"), KEYC_PGDN);
	assert_int_equal(input_key_parse("Shift-Tab"), KEYC_BACKTAB);
	assert_int_equal(input_key_parse("ctrl-x"), KEYC_CTRL('x'));
	assert_int_equal(input_key_parse("Ctrl-X"), KEYC_CTRL('x'));
	assert_int_equal(input_key_parse("F12"), KEYC_F12);
	assert_int_equal(input_key_parse("f7"), KEYC_F1 + 6);
	assert_int_equal(input_key_parse("Space"), ' ');
	assert_int_equal(input_key_parse("M-b"), KEYC_ALT('b'));
	assert_int_equal(input_key_parse("é"), 0xE9);
	/* A single character keeps its case. */
	assert_int_equal(input_key_parse("q"), 'q');
	assert_int_equal(input_key_parse("Q"), 'Q');
	/* Nothing that is not a key, and no control key a terminal sends as
	 * another one. */
	static const char *const bad[] = {"", "F0", "F13", "F1x", "Ctrl-", "Ctrl-1", "Ctrl-I",
	                                  "Ctrl-M", "Ctrl-H", "Ctrl-[", "Ctrl-J", "Hyper-Q",
	                                  "Alt-", "Alt-xy", "ab", "\xff", "Up2"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(input_key_parse(bad[i]), 0);
	assert_int_equal(action_parse("crisis"), ACT_CRISIS);
	assert_int_equal(action_parse("page-down"), ACT_PGDN);
	assert_int_equal(action_parse("save"), ACT_SKIP);
	assert_int_equal(action_parse("Crisis"), -1);
	assert_int_equal(action_parse("nothing"), -1);
}

static void lines_add_and_take_keys(void **state)
{
	(void)state;
	struct config c;
	load("key.crisis = F2\nkey.down = n\n", &c);
	assert_int_equal(c.nwarnings, 0);
	/* F2 leaves the check-in and opens crisis help, everywhere. */
	assert_int_equal(keymap_lookup(KEYC_F2, true), ACT_CRISIS);
	assert_int_equal(keymap_lookup(KEYC_F2, false), ACT_CRISIS);
	assert_int_equal(keymap_lookup('c', false), ACT_CHECKIN); /* its other key stays */
	/* Ctrl-G still works: a line adds, and the new key is shown first. */
	assert_int_equal(keymap_lookup(KEYC_CTRL('g'), true), ACT_CRISIS);
	char buf[16];
	assert_string_equal(keymap_key_for(ACT_CRISIS, true, buf), "F2");
	assert_string_equal(keymap_label(ACT_CRISIS, false), "F2");
	/* n moves down where nothing is typed; it no longer finds the next match. */
	assert_int_equal(keymap_lookup('n', false), ACT_DOWN);
	assert_int_equal(keymap_lookup('n', true), ACT_NONE);
	assert_int_equal(keymap_lookup(KEYC_DOWN, true), ACT_DOWN);
	char keys[64];
	keymap_keys_for(ACT_SEARCH_NEXT, false, keys, sizeof(keys));
	assert_string_equal(keys, "");
	keymap_keys_for(ACT_DOWN, false, keys, sizeof(keys));
	assert_string_equal(keys, "n Down j");
	/* The keys overlay of a screen that takes text names no letter: there
	 * a letter types itself. */
	keymap_keys_for(ACT_DOWN, true, keys, sizeof(keys));
	assert_string_equal(keys, "Down");
	keymap_keys_for(ACT_SEARCH_NEXT, true, keys, sizeof(keys));
	assert_string_equal(keys, "");
	/* In a text view the hint is a key that works while typing. */
	assert_string_equal(keymap_key_for(ACT_DOWN, true, buf), "Down");
	assert_string_equal(keymap_key_for(ACT_DOWN, false, buf), "n");
	keymap_reset();
	assert_int_equal(keymap_lookup(KEYC_F2, true), ACT_CHECKIN);
	assert_int_equal(keymap_lookup('n', false), ACT_SEARCH_NEXT);
}

static void none_replaces_and_unbinds(void **state)
{
	(void)state;
	struct config c;
	load("key.write = none W F3\nkey.none = q Ctrl-Q\nkey.back = Esc x\n", &c);
	assert_int_equal(c.nwarnings, 0);
	assert_int_equal(keymap_lookup('w', false), ACT_NONE);
	assert_int_equal(keymap_lookup('W', false), ACT_WRITE);
	assert_int_equal(keymap_lookup(KEYC_F3, true), ACT_WRITE);
	char keys[64];
	keymap_keys_for(ACT_WRITE, false, keys, sizeof(keys));
	assert_string_equal(keys, "W F3");
	assert_int_equal(keymap_lookup('q', false), ACT_NONE);
	assert_int_equal(keymap_lookup(KEYC_CTRL('q'), true), ACT_NONE);
	assert_int_equal(keymap_lookup('Q', false), ACT_QUIT); /* untouched */
	/* Naming a key again for its own action keeps it, once. */
	keymap_keys_for(ACT_BACK, false, keys, sizeof(keys));
	assert_string_equal(keys, "Esc x");
	/* A character key never takes a letter from the writing. */
	assert_int_equal(keymap_lookup('x', true), ACT_NONE);
	assert_int_equal(keymap_lookup('x', false), ACT_BACK);
	keymap_reset();
}

static void problems_name_their_lines(void **state)
{
	(void)state;
	struct config c;
	load("region = GB\nkey.bogus = x\nkey.up = Ctrl-I K\nkey.lock = Hyper-Q\ndate_format = "
	     "weird\nkey.help =\n",
	     &c);
	assert_int_equal(c.nwarnings, 5);
	assert_non_null(strstr(c.warnings[0], "config line 2: no action 'bogus'"));
	assert_non_null(strstr(c.warnings[1], "config line 3: no key named 'Ctrl-I'"));
	assert_non_null(strstr(c.warnings[2], "config line 4: no key named 'Hyper-Q'"));
	assert_non_null(strstr(c.warnings[3], "config line 5: bad date_format"));
	assert_non_null(strstr(c.warnings[4], "config line 6: no keys for help"));
	/* The status bar shows the earliest, though the keymap found it after
	 * the date_format line. */
	assert_non_null(strstr(c.warnings[0], "config line 2"));
	/* The good parts of a line still count; the rest stays as it was. */
	assert_int_equal(keymap_lookup('K', false), ACT_UP);
	assert_int_equal(keymap_lookup(KEYC_UP, true), ACT_UP);
	assert_int_equal(keymap_lookup(KEYC_CTRL('l'), true), ACT_LOCK);
	assert_string_equal(c.region, "GB");
	keymap_reset();
}

static void crisis_keeps_a_key(void **state)
{
	(void)state;
	struct config c;
	/* Unbound outright. */
	load("color = off\nkey.crisis = none\n", &c);
	assert_int_equal(keymap_lookup(KEYC_CTRL('g'), true), ACT_CRISIS);
	assert_int_equal(c.nwarnings, 1);
	assert_non_null(strstr(c.warnings[0], "config line 2: crisis help"));
	assert_non_null(strstr(c.warnings[0], "Ctrl-G kept"));
	/* Shadowed: its keys given to other actions, one a line; the warning
	 * names the line that took the last one. */
	load("key.help = Ctrl-G\nkey.lock = !\n", &c);
	assert_int_equal(keymap_lookup(KEYC_CTRL('g'), true), ACT_CRISIS);
	assert_int_equal(keymap_lookup(KEYC_CTRL('g'), false), ACT_CRISIS);
	assert_int_equal(keymap_lookup('!', false), ACT_LOCK);
	assert_non_null(strstr(c.warnings[0], "config line 2: crisis help"));
	/* Only a character key left: that cannot work while typing. */
	load("key.crisis = none !\n", &c);
	assert_int_equal(keymap_lookup('!', false), ACT_CRISIS);
	assert_int_equal(keymap_lookup(KEYC_CTRL('g'), true), ACT_CRISIS);
	assert_int_equal(c.nwarnings, 1);
	/* Moved to another key that works everywhere: fine, no warning, and
	 * Ctrl-G is free for something else. */
	load("key.crisis = none F9\nkey.lock = Ctrl-G\n", &c);
	assert_int_equal(c.nwarnings, 0);
	assert_int_equal(keymap_lookup(KEYC_F1 + 8, true), ACT_CRISIS);
	assert_int_equal(keymap_lookup(KEYC_CTRL('g'), true), ACT_LOCK);
	char buf[16];
	assert_string_equal(keymap_key_for(ACT_CRISIS, true, buf), "F9");
	keymap_reset();
}

static void many_lines_stay_bounded(void **state)
{
	(void)state;
	/* More key lines than fit: each extra one is a warning, none overflow. */
	char text[8192] = "";
	size_t len = 0;
	for (int i = 0; i < CONFIG_MAX_KEYS + 5; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
		                        "key.up = F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 a b c d e\n");
	struct config c;
	load(text, &c);
	assert_int_equal(c.nwarnings, 5);
	assert_non_null(strstr(c.warnings[0], "more than"));
	assert_int_equal(keymap_lookup(KEYC_F12, true), ACT_UP);
	assert_int_equal(keymap_lookup(KEYC_CTRL('g'), true), ACT_CRISIS);
	keymap_reset();
}

SUITE(keymap, cmocka_unit_test(names_read_back), cmocka_unit_test(lines_add_and_take_keys),
      cmocka_unit_test(none_replaces_and_unbinds), cmocka_unit_test(problems_name_their_lines),
      cmocka_unit_test(crisis_keeps_a_key), cmocka_unit_test(many_lines_stay_bounded))
