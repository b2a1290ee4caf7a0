#include "ui/action.h"

#include <stdio.h>
#include <string.h>

#include "ui/input.h"
#include "util/config.h"
#include "util/utf8.h"

static const char *const names[] = {
#define X(id, name, help) name,
	ACTIONS(X)
#undef X
};

static const char *const helps[] = {
#define X(id, name, help) help,
	ACTIONS(X)
#undef X
};

const char *action_name(enum action a)
{
	return a < ACT_COUNT ? names[a] : "";
}

const char *action_help(enum action a)
{
	return a < ACT_COUNT ? helps[a] : "";
}

int action_parse(const char *name)
{
	if (strcmp(name, "save") == 0)
		return ACT_SAVE;
	for (size_t i = 0; i < ACT_COUNT; i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

/* The default keymap. in_text: the binding also works while typing. */
struct binding {
	int key;
	enum action a;
	bool in_text;
};

static const struct binding defaults[] = {
	{KEYC_CTRL('g'), ACT_CRISIS, true},
	{'!', ACT_CRISIS, false},
	{KEYC_F1, ACT_HELP, true},
	{'?', ACT_HELP, false},
	{KEYC_ESC, ACT_BACK, true},
	{'q', ACT_BACK, false},
	{'Q', ACT_QUIT, false},
	{KEYC_CTRL('q'), ACT_QUIT, true},
	{KEYC_CTRL('l'), ACT_LOCK, true},
	{KEYC_CTRL('b'), ACT_HIDE, true},
	{KEYC_UP, ACT_UP, true},
	{'k', ACT_UP, false},
	{KEYC_DOWN, ACT_DOWN, true},
	{'j', ACT_DOWN, false},
	{KEYC_LEFT, ACT_LEFT, true},
	{'h', ACT_LEFT, false},
	{KEYC_RIGHT, ACT_RIGHT, true},
	{'l', ACT_RIGHT, false},
	{KEYC_PGUP, ACT_PGUP, true},
	{'b', ACT_PGUP, false},
	{KEYC_PGDN, ACT_PGDN, true},
	{' ', ACT_PGDN, false},
	{KEYC_HOME, ACT_TOP, false},
	{'g', ACT_TOP, false},
	{KEYC_END, ACT_BOTTOM, false},
	{'G', ACT_BOTTOM, false},
	{KEYC_ENTER, ACT_SELECT, true},
	{KEYC_TAB, ACT_NEXT_FIELD, true},
	{KEYC_BACKTAB, ACT_PREV_FIELD, true},
	{KEYC_BACKSPACE, ACT_ERASE, true},
	{KEYC_DELETE, ACT_DELETE, true},
	{KEYC_HOME, ACT_LINE_START, true},
	{KEYC_CTRL('a'), ACT_LINE_START, true},
	{KEYC_END, ACT_LINE_END, true},
	{KEYC_CTRL('e'), ACT_LINE_END, true},
	{KEYC_CTRL('u'), ACT_KILL_LINE, true},
	{'t', ACT_CONTENTS, false},
	{'/', ACT_SEARCH, false},
	{'n', ACT_SEARCH_NEXT, false},
	{'N', ACT_SEARCH_PREV, false},
	{'r', ACT_REGION, false},
	{'s', ACT_SKIP, false},
	{KEYC_CTRL('s'), ACT_SKIP, true},
	/* Writing. Ctrl-Left/Right/Up/Down are decoded in input.c when the
	 * terminal sends them; the Alt keys (Emacs's) work everywhere. */
	{KEYC_CTRL_LEFT, ACT_WORD_LEFT, true},
	{KEYC_ALT('b'), ACT_WORD_LEFT, true},
	{KEYC_CTRL_RIGHT, ACT_WORD_RIGHT, true},
	{KEYC_ALT('f'), ACT_WORD_RIGHT, true},
	{KEYC_CTRL_UP, ACT_PARA_UP, true},
	{KEYC_ALT('{'), ACT_PARA_UP, true},
	{KEYC_CTRL_DOWN, ACT_PARA_DOWN, true},
	{KEYC_ALT('}'), ACT_PARA_DOWN, true},
	{KEYC_CTRL_HOME, ACT_TOP, true},
	{KEYC_CTRL_END, ACT_BOTTOM, true},
	{KEYC_SHIFT_LEFT, ACT_SEL_LEFT, true},
	{KEYC_SHIFT_RIGHT, ACT_SEL_RIGHT, true},
	{KEYC_SHIFT_UP, ACT_SEL_UP, true},
	{KEYC_SHIFT_DOWN, ACT_SEL_DOWN, true},
	{KEYC_SHIFT_HOME, ACT_SEL_LINE_START, true},
	{KEYC_SHIFT_END, ACT_SEL_LINE_END, true},
	{KEYC_CTRL_SPACE, ACT_MARK, true},
	{KEYC_ALT('a'), ACT_SELECT_ALL, true},
	{KEYC_CTRL('x'), ACT_CUT, true},
	{KEYC_ALT('w'), ACT_COPY, true},
	{KEYC_F5, ACT_COPY, true},
	{KEYC_CTRL('v'), ACT_PASTE, true},
	{KEYC_CTRL('k'), ACT_KILL_TO_END, true},
	{KEYC_CTRL('w'), ACT_DELETE_WORD, true},
	{KEYC_ALT(KEYC_BACKSPACE), ACT_DELETE_WORD, true},
	{KEYC_CTRL('z'), ACT_UNDO, true},
	{KEYC_CTRL('y'), ACT_REDO, true},
	{'w', ACT_WRITE, false},
	{'e', ACT_EDIT, false},
	{'d', ACT_REMOVE, false},
	{'u', ACT_RESTORE, false},
	{'v', ACT_VERSIONS, false},
	{KEYC_CTRL('f'), ACT_FILTER, true},
	{'m', ACT_GROUPING, false},
	{'T', ACT_TAGS, false},
	{'c', ACT_CHECKIN, false},
	{KEYC_F2, ACT_CHECKIN, true},
	{'p', ACT_SAFETY, false},
	{'B', ACT_BREATHE, false},
};

#define NDEFAULTS (sizeof(defaults) / sizeof(defaults[0]))
#define KEYMAP_MAX 320

/* The keymap in use: the defaults, or the config file's version of them.
 * Lookups go top to bottom, so the first binding of a key wins. */
static struct binding custom[KEYMAP_MAX];
static const struct binding *keymap = defaults;
static size_t nbind = NDEFAULTS;

#define NBIND nbind

void keymap_reset(void)
{
	keymap = defaults;
	nbind = NDEFAULTS;
}

static bool has_text_key(const struct binding *m, size_t n, enum action a)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].a == a && m[i].in_text)
			return true;
	return false;
}

/* Drops every binding for which the key (key != 0) or else the action
 * matches; *front, the count of bindings from the config file at the
 * start, shrinks with them. */
static size_t drop(struct binding *m, size_t n, size_t *front, int key, int a)
{
	size_t out = 0, f = 0;
	for (size_t i = 0; i < n; i++) {
		if (key ? m[i].key == key : (int)m[i].a == a)
			continue;
		f += i < *front;
		m[out++] = m[i];
	}
	*front = f;
	return out;
}

void keymap_configure(struct config *cfg)
{
	struct binding *m = custom;
	memcpy(m, defaults, sizeof(defaults));
	size_t n = NDEFAULTS;
	/* Lines that bind, in order; they go ahead of the defaults so the
	 * keys a person chose are the ones shown. */
	size_t front = 0;
	int crisis_line = 0;
	for (size_t i = 0; i < cfg->nkeys; i++) {
		const struct config_key *k = &cfg->keys[i];
		int a = action_parse(k->action);
		if (a < 0) {
			config_warn(cfg, k->line, "no action '%.*s' (tend keys lists them), line skipped",
			            (int)utf8_cut(k->action, 24), k->action);
			continue;
		}
		char words[sizeof(k->keys)];
		snprintf(words, sizeof(words), "%s", k->keys);
		char *save = NULL;
		bool first = true;
		for (char *w = strtok_r(words, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
			if (first && strcmp(w, "none") == 0) {
				n = drop(m, n, &front, 0, a);
				if (a == ACT_CRISIS)
					crisis_line = k->line;
				first = false;
				continue;
			}
			first = false;
			int key = input_key_parse(w);
			if (!key) {
				config_warn(cfg, k->line, "no key named '%.*s' (for %s), skipped",
				            (int)utf8_cut(w, 20), w, k->action);
				continue;
			}
			/* One key, one meaning: it leaves whatever it did before. */
			for (size_t j = 0; j < n; j++)
				if (m[j].key == key && m[j].a == ACT_CRISIS && a != ACT_CRISIS)
					crisis_line = k->line;
			n = drop(m, n, &front, key, 0);
			if (a == ACT_NONE)
				continue;
			if (n == KEYMAP_MAX) {
				config_warn(cfg, k->line, "too many keys, '%.*s' skipped",
				            (int)utf8_cut(w, 20), w);
				continue;
			}
			memmove(&m[front + 1], &m[front], (n - front) * sizeof(*m));
			m[front++] = (struct binding){key, (enum action)a, !input_key_is_text(key)};
			n++;
			if (a == ACT_CRISIS && input_key_is_text(key))
				crisis_line = k->line;
		}
	}
	/* Safety: crisis help must open from every screen, even while typing,
	 * so it keeps a key that is not text. */
	if (!has_text_key(m, n, ACT_CRISIS)) {
		int g = KEYC_CTRL('g');
		n = drop(m, n, &front, g, 0);
		if (n < KEYMAP_MAX)
			m[n++] = (struct binding){g, ACT_CRISIS, true};
		config_warn(cfg, crisis_line ? crisis_line : 1,
		            "crisis help needs a key that works while typing; Ctrl-G kept for it");
	}
	keymap = m;
	nbind = n;
}

enum action keymap_lookup(int key, bool text_view)
{
	for (size_t i = 0; i < NBIND; i++) {
		if (keymap[i].key != key)
			continue;
		if (text_view && !keymap[i].in_text)
			continue;
		/* Home and End move within a line while typing, and to the top
		 * and bottom elsewhere. */
		if (!text_view && (keymap[i].a == ACT_LINE_START || keymap[i].a == ACT_LINE_END))
			continue;
		return keymap[i].a;
	}
	return ACT_NONE;
}

const char *keymap_key_for(enum action a, bool text_view, char buf[16])
{
	const struct binding *best = NULL;
	for (size_t i = 0; i < NBIND; i++) {
		if (keymap[i].a != a)
			continue;
		if (!best || (text_view && keymap[i].in_text && !best->in_text))
			best = &keymap[i];
		if (!text_view && best)
			break;
	}
	/* While typing, a character key is text: naming it would mislead. */
	if (!best || (text_view && !best->in_text)) {
		buf[0] = '\0';
		return buf;
	}
	return input_key_name(best->key, buf);
}

const char *keymap_label(enum action a, bool text_view)
{
	static char ring[4][16];
	static unsigned next;
	char *buf = ring[next++ % 4];
	const char *name = keymap_key_for(a, text_view, buf);
	if (name != buf)
		snprintf(buf, 16, "%s", name);
	return buf;
}

void keymap_keys_for(enum action a, bool text_view, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < NBIND; i++) {
		if (keymap[i].a != a || (text_view && !keymap[i].in_text))
			continue;
		char buf[16];
		const char *name = input_key_name(keymap[i].key, buf);
		int n = snprintf(out + used, size - used, "%s%s", used ? " " : "", name);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}
