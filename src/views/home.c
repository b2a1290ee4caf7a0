/* home.c: the calm overview the vault opens to. It lists what tend can do;
 * there are no streaks and no counts to live up to. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "content/prompts.h"
#include "util/timefmt.h"
#include "store/homework.h"
#include "store/drafts.h"
#include "store/journal.h"
#include "store/settings.h"
#include "store/sync.h"
#include "store/vault.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"

enum item_kind { I_CHECKIN, I_TRIGGER, I_WRITE, I_PROMPT, I_FREE, I_JOURNAL, I_HOMEWORK, I_INSIGHTS, I_PATH, I_LEARN, I_DATA, I_CRISIS, I_LOCK, I_QUIT, I_BRINGIN, I_COUNT };

struct home {
	struct menu m;
	bool draft;              /* an unsaved draft is waiting */
	struct prompt prompts[32];
	size_t nprompts;
	const struct prompt *today;
	struct write_req req;
	unsigned gen;
	bool homework;           /* a therapist's pack is in the vault */
	bool first;              /* the vault's first visit here: no "Welcome back" */
	char conflict[4096];     /* a sync tool's copy of the vault beside it, or "" */
};

/* The item shown at place i: "From my therapist" only while there is a
 * pack, so the screen is the same as ever without one. */
static int kind_at(const struct home *h, size_t i)
{
	/* "Bring it in" comes first while a sync tool's copy waits. */
	if (h->conflict[0] && i-- == 0)
		return I_BRINGIN;
	return !h->homework && i >= I_HOMEWORK ? (int)i + 1 : (int)i;
}

static size_t shown_items(const struct home *h)
{
	return (h->homework ? I_BRINGIN : I_BRINGIN - 1) + (h->conflict[0] ? 1 : 0);
}

static void check_draft(struct ctx *c, struct home *h)
{
	struct draft d;
	struct error e;
	h->draft = c->ses->vault && draft_load(c->ses->vault, "new", &d, &e) == 1;
	if (h->draft)
		draft_free(&d);
	h->homework = c->ses->vault && hwpack_count(c->ses->vault, &e) > 0;
	struct vault_conflicts vc;
	h->conflict[0] = '\0';
	if (c->ses->vault && vault_conflicts(c->ses->vault, &vc, &e) == 0) {
		if (vc.ndb)
			snprintf(h->conflict, sizeof(h->conflict), "%s", vc.db[0]);
		vault_conflicts_free(&vc);
	}
	h->m.n = shown_items(h);
	if (h->m.sel >= h->m.n)
		h->m.sel = h->m.n - 1;
}

#define HOME_SEEN "home.seen"

static int home_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct home *h = st;
	h->nprompts = prompts_load(h->prompts, 32);
	struct stamp now = stamp_now(); /* honours TEND_NOW, so tests are stable */
	h->today = prompt_of_day(h->prompts, h->nprompts, (now.t + (int64_t)now.off_min * 60) / 86400);
	h->gen = c->ses->journal_gen;
	check_draft(c, h);
	/* The very first visit (right after setting up, or the first time
	 * the screens open a vault made on the command line) is not greeted
	 * as a return. The vault keeps that home was seen; if that cannot be
	 * written (a vault opened read-only), "Welcome" is said once more,
	 * which is never wrong. */
	char seen[8];
	struct error e;
	h->first = !c->ses->vault || settings_get(c->ses->vault, HOME_SEEN, seen, sizeof(seen), &e) != 1;
	if (c->ses->vault && h->first)
		settings_set(c->ses->vault, HOME_SEEN, "1", &e);
	return 0;
}

static void home_leave(struct ctx *c, void *st)
{
	(void)c;
	struct home *h = st;
	prompts_free(h->prompts, h->nprompts);
}

static void item_text(const struct home *h, int i, const char **title, const char **about)
{
	/* Sized by their contents: the asserts below catch a missing line. */
	static const char *const titles[] = {
		"Check in", "Log a trigger", "Write", "Write to today's prompt",
		"Free write for ten minutes", "Journal", "From my therapist", "Insights", "The healing path", "Learn",
		"Export, import, a report", "Crisis help and grounding", "Lock", "Quit",
		"Bring in the copy from another device",
	};
	static const char *const abouts[] = {
		"How you are right now, as a number from 0 to 10; more only if you want.",
		"What set you off, and what you did; your coping toolbox; logs to finish.",
		"A new entry. A single line is enough.",
		"",
		"Write without stopping to fix anything; a quiet timer keeps the time.",
		"Read, search and tidy what you have written.",
		"What your therapist suggested between sessions; any of it, in any order.",
		"Mood over time, what sets you off, what helps; always with how much data.",
		"Ten ways of working on healing, at your own pace, with prompts to write to.",
		"What trauma is, how healing tends to unfold, and why it takes time.",
		"A copy of your journal to keep, another app's diary brought in, a session report.",
		"Lines you can call or text, and a short way to steady yourself.",
		"Close the vault now. Your passphrase opens it again.",
		"Lock the vault and leave tend.",
		"A sync tool kept two copies of your journal. This joins them; nothing is lost.",
	};
	_Static_assert(sizeof(titles) / sizeof(titles[0]) == I_COUNT, "a title per item");
	_Static_assert(sizeof(abouts) / sizeof(abouts[0]) == I_COUNT, "a line per item");
	*title = titles[i];
	*about = abouts[i];
	if (i == I_WRITE && h->draft) {
		*title = "Continue your draft";
		*about = "Words you wrote earlier are waiting, just as you left them.";
	}
	if (i == I_PROMPT)
		*about = h->today ? h->today->text : "";
}

/* The rows item i takes: its title, its line (at most two rows, as
 * drawn) and the blank line after it. */
static int item_rows(const struct home *h, size_t i, int w, int rows)
{
	const char *title, *about;
	item_text(h, kind_at(h, i), &title, &about);
	int n = view_markdown(rows, 0, w - 4, 0, 0, about);
	return 2 + (n < 2 ? n : 2);
}

/* Whether the items from top to the end fit in room rows (the last one's
 * blank line may fall off the screen). */
static bool rest_fits(const struct home *h, size_t top, int room, int w, int rows)
{
	int used = 0;
	for (size_t i = top; i < h->m.n; i++) {
		used += item_rows(h, i, w, rows);
		if (used > room + 1)
			return false;
	}
	return true;
}

static void home_draw(struct ctx *c, void *st, int rows, int cols)
{
	struct home *h = st;
	if (h->gen != c->ses->journal_gen) {
		h->gen = c->ses->journal_gen;
		check_draft(c, h);
	}
	int y = view_title(cols, "tend");
	int w = cols - 4;
	y += view_markdown(y, 2, w, 3, 0,
	                   h->first ? "Welcome. There is nothing you have to do here today; "
	                              "choose whatever feels right, or nothing at all."
	                            : "Welcome back. There is nothing you have to do here today; "
	                              "choose whatever feels right, or nothing at all.");
	if (h->conflict[0]) {
		const char *name = strrchr(h->conflict, '/');
		char note[4200];
		snprintf(note, sizeof(note),
		         "What you wrote on another device is waiting beside this vault, in %s.",
		         name ? name + 1 : h->conflict);
		y += view_markdown(y, 2, w, 2, 0, note);
	}
	y++;
	/* Items are a title and a wrapped line or two; scroll by whole items
	 * so the chosen one is always in view. */
	int room = rows - y;
	if (h->m.sel < h->m.top)
		h->m.top = h->m.sel;
	for (;;) {
		int used = 0;
		size_t i;
		for (i = h->m.top; i < h->m.n; i++) {
			int need = item_rows(h, i, w, rows);
			if (used + need > room + 1)
				break;
			used += need;
		}
		if (h->m.sel < i || h->m.top >= h->m.sel)
			break;
		h->m.top++;
	}
	/* When the window grows, earlier items come back into view rather
	 * than the rows below the last item staying empty. */
	while (h->m.top > 0 && rest_fits(h, h->m.top - 1, room, w, rows))
		h->m.top--;
	for (size_t i = h->m.top; i < h->m.n && y < rows; i++) {
		bool sel = i == h->m.sel;
		const char *title, *about;
		item_text(h, kind_at(h, i), &title, &about);
		list_line(y, 2, w, sel, ROLE_STRONG, title);
		int n = view_markdown(y + 1, 4, w - 4, rows - y - 1 > 2 ? 2 : rows - y - 1, 0, about);
		y += 2 + (n < 2 ? n : 2);
	}
}

static struct step home_action(struct ctx *c, void *st, enum action a)
{
	(void)c;
	struct home *h = st;
	if (menu_action(&h->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_CHECKIN)
		return PUSH(checkin_view, NULL);
	if (a == ACT_WRITE) {
		h->req = (struct write_req){0};
		return PUSH(write_view, &h->req);
	}
	if (a != ACT_SELECT)
		return STEP(STEP_NONE);
	h->req = (struct write_req){0};
	switch ((enum item_kind)kind_at(h, h->m.sel)) {
	case I_CHECKIN:
		return PUSH(checkin_view, NULL);
	case I_TRIGGER:
		return PUSH(triggers_view, NULL);
	case I_WRITE:
		return PUSH(write_view, &h->req);
	case I_PROMPT:
		h->req.prompt = h->today ? h->today->text : NULL;
		return PUSH(write_view, &h->req);
	case I_FREE:
		h->req.minutes = 10;
		return PUSH(write_view, &h->req);
	case I_JOURNAL:
		return PUSH(journal_view, NULL);
	case I_HOMEWORK:
		return PUSH(homework_view, NULL);
	case I_INSIGHTS:
		return PUSH(insights_view, NULL);
	case I_PATH:
		return PUSH(path_view, NULL);
	case I_LEARN:
		return PUSH(learn_list_view, NULL);
	case I_DATA:
		return PUSH(data_view, NULL);
	case I_CRISIS:
		return PUSH(crisis_view, NULL);
	case I_LOCK:
		return STEP(STEP_LOCK);
	case I_BRINGIN: {
		struct sync_result r;
		struct error e = {0};
		if (store_sync_merge(c->ses->vault, h->conflict, false, &r, &e) ||
		    vault_put_away_copy(c->ses->vault, h->conflict, &e)) {
			view_warn(c, &e);
		} else {
			view_note(c, ROLE_STATUS,
			         "Brought in. The copy is kept in the merged folder of the vault.");
			c->ses->journal_gen++;
		}
		check_draft(c, h);
		return STEP(STEP_REDRAW);
	}
	default:
		return STEP(STEP_QUIT);
	}
}

static const struct hint home_hints[] = {
	{ACT_SELECT, "open"},
	{ACT_CHECKIN, "check in"},
	{ACT_WRITE, "write"},
	{ACT_LOCK, "lock"},
	{ACT_HIDE, "hide"},
	{ACT_HELP, "keys"},
	{ACT_NONE, NULL},
};

const struct view_ops home_view = {
	.name = "home",
	.state_size = sizeof(struct home),
	.flags = VIEW_NEEDS_VAULT,
	.hints = home_hints,
	.enter = home_enter,
	.leave = home_leave,
	.draw = home_draw,
	.on_action = home_action,
};
