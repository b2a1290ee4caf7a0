/* safety.c: the safety plan: seven short parts in the person's own words,
 * with the crisis lines for their region listed under professionals.
 * Reached from the crisis screen in one key. */
#include <stdio.h>
#include <string.h>

#include "content/crisis.h"
#include "store/lists.h"
#include "store/safety.h"
#include "util/buf.h"
#include "views/journal_int.h"
#include "views/view.h"
#include "widgets/list.h"

#define PART_MAX 1024

struct safety_state {
	char text[SP_COUNT][PART_MAX];
	char lines[600]; /* crisis lines for the region, read-only */
	struct menu m;
	struct ask ask;
	/* Filling "People I can ask for help" from the support map, asked first. */
	struct confirm fill_q;
	char fill[PART_MAX];
	char fill_msg[400];
	int top; /* first row shown */
};

static int safety_enter(struct ctx *c, void *st, const void *arg)
{
	(void)arg;
	struct safety_state *s = st;
	if (!c->ses->vault) {
		view_note(c, ROLE_WARN, "%s",
		          "Unlock tend to see your safety plan; the lines here work without it.");
		return -1;
	}
	struct error e = {0};
	for (int p = 0; p < SP_COUNT; p++)
		if (safety_get(c->ses->vault, (enum safety_part)p, s->text[p], PART_MAX, &e)) {
			view_warn(c, &e);
			return -1;
		}
	struct crisis_data d;
	if (crisis_load(&d, &e) == 0) {
		size_t used = 0;
		for (size_t i = 0; i < d.nlines && used < sizeof(s->lines); i++)
			if (strcmp(d.lines[i].region, c->ses->region) == 0)
				used += (size_t)snprintf(s->lines + used, sizeof(s->lines) - used, "%s%s %s",
				                         used ? "; " : "", d.lines[i].service, d.lines[i].contact);
		const struct crisis_region *r = crisis_region(&d, c->ses->region);
		if (r && used < sizeof(s->lines))
			snprintf(s->lines + used, sizeof(s->lines) - used, "%semergency: %s", used ? "; " : "",
			         r->emergency);
		crisis_free(&d);
	}
	s->m.n = SP_COUNT;
	return 0;
}

static void safety_leave(struct ctx *c, void *st)
{
	(void)c;
	struct safety_state *s = st;
	mem_wipe(s->text, sizeof(s->text));
	mem_wipe(s->fill, sizeof(s->fill));
	mem_wipe(s->fill_msg, sizeof(s->fill_msg));
}

/* A part's body as markdown: the line of guidance, then the person's words
 * (or how to add some), then for professionals the region's crisis lines. */
static void part_body(const struct safety_state *s, int p, char *out, size_t n)
{
	snprintf(out, n, "*%s*\n\n%s%s%s", safety_guidance((enum safety_part)p),
	         *s->text[p] ? s->text[p] : "(empty: Enter to write something here)",
	         p == SP_PROFESSIONAL && *s->lines ? "  \n" : "",
	         p == SP_PROFESSIONAL ? s->lines : "");
}

static void safety_draw(struct ctx *c, void *st, int rows, int cols)
{
	(void)c;
	struct safety_state *s = st;
	int w = cols - 4 > 100 ? 100 : cols - 4;
	int y = view_title(cols, "My safety plan");
	char body[PART_MAX + 1200];
	/* Keep the chosen part in view: scroll by parts. */
	if ((int)s->m.sel < s->top)
		s->top = (int)s->m.sel;
	for (;;) {
		int need = 0;
		for (int p = s->top; p <= (int)s->m.sel; p++) {
			part_body(s, p, body, sizeof(body));
			need += 2 + view_markdown(rows, 0, w - 2, 0, 0, body);
		}
		if (need <= rows - y || s->top >= (int)s->m.sel)
			break;
		s->top++;
	}
	for (int p = s->top; p < SP_COUNT && y < rows; p++) {
		bool sel = (size_t)p == s->m.sel;
		list_fill(y, 2, w, sel);
		ui_puts(y++, 2, w, list_role(sel, ROLE_HEADING), safety_title((enum safety_part)p));
		part_body(s, p, body, sizeof(body));
		y += view_markdown(y, 4, w - 2, rows - y, 0, body) + 1;
	}
}

static int save_part(struct ctx *c, void *data, const char *text, struct error *e)
{
	struct safety_state *s = data;
	if (safety_set(c->ses->vault, (enum safety_part)s->m.sel, text, e))
		return -1;
	/* The readable copy, when the person keeps one, follows the plan. */
	if (safety_copy_update(c->ses->vault, c->set->data_dir, e))
		view_warn(c, e);
	snprintf(s->text[s->m.sel], PART_MAX, "%s", text);
	return 0;
}

static struct step write_with(struct safety_state *s, const char *initial)
{
	s->ask = (struct ask){.title = safety_title((enum safety_part)s->m.sel),
	                      .about = safety_guidance((enum safety_part)s->m.sel),
	                      .initial = initial, .on_done = save_part, .data = s};
	return PUSH(ask_view, &s->ask);
}

static struct step fill_yes(struct ctx *c, void *data)
{
	(void)c;
	struct safety_state *s = data;
	return write_with(s, s->fill);
}

static struct step fill_no(struct ctx *c, void *data)
{
	(void)c;
	struct safety_state *s = data;
	return write_with(s, s->text[s->m.sel]);
}

/* The people on the support map not yet named in "People I can ask for
 * help", added after what is there (name, then how to reach them) into
 * s->fill; their names into s->fill_msg. 0 when there is nobody to add. */
static size_t support_fill(struct ctx *c, struct safety_state *s)
{
	struct list_item *items = NULL;
	size_t n = 0, added = 0;
	struct error e = {0};
	if (list_items(c->ses->vault, LIST_SUPPORT, &items, &n, &e))
		return 0;
	const char *have = s->text[SP_ASK];
	size_t used = (size_t)snprintf(s->fill, sizeof(s->fill), "%s", have);
	char names[300] = "";
	size_t nl = 0;
	for (size_t i = 0; i < n && used < sizeof(s->fill) - 1; i++) {
		if (!items[i].a || !*items[i].a || strstr(have, items[i].a))
			continue;
		const char *how = items[i].c && *items[i].c ? items[i].c : NULL;
		used += (size_t)snprintf(s->fill + used, sizeof(s->fill) - used, "%s%s%s%s%s",
		                         used ? "; " : "", items[i].a, how ? " (" : "", how ? how : "",
		                         how ? ")" : "");
		if (nl < sizeof(names))
			nl += (size_t)snprintf(names + nl, sizeof(names) - nl, "%s%s", added ? ", " : "",
			                       items[i].a);
		added++;
	}
	list_items_free(items, n);
	if (added)
		snprintf(s->fill_msg, sizeof(s->fill_msg),
		         "Your support map names %s. Add %s here, with how to reach them? You can "
		         "change the words before you save.",
		         names, added == 1 ? "them" : "all of them");
	mem_wipe(names, sizeof(names));
	return added;
}

static struct step safety_action(struct ctx *c, void *st, enum action a)
{
	struct safety_state *s = st;
	if (menu_action(&s->m, a))
		return STEP(STEP_REDRAW);
	if (a == ACT_SELECT || a == ACT_EDIT) {
		/* Asked, never done by itself: the person says yes, then sees
		 * the words and saves them (or not). */
		if (s->m.sel == SP_ASK && support_fill(c, s)) {
			s->fill_q = (struct confirm){
				.title = "Add people from your support map?", .message = s->fill_msg,
				.yes = "Add them", .no = "Write my own", .on_yes = fill_yes,
				.on_no = fill_no, .data = s};
			return PUSH(confirm_view, &s->fill_q);
		}
		return write_with(s, s->text[s->m.sel]);
	}
	if (a == ACT_BACK)
		return STEP(STEP_POP);
	return STEP(STEP_NONE);
}

static const struct hint safety_hints[] = {
	{ACT_SELECT, "write"},
	{ACT_BACK, "back"},
	{ACT_NONE, NULL},
};

const struct view_ops safety_view = {
	.name = "safety",
	.state_size = sizeof(struct safety_state),
	.flags = VIEW_NEEDS_VAULT | VIEW_ANY_SIZE,
	.hints = safety_hints,
	.enter = safety_enter,
	.leave = safety_leave,
	.draw = safety_draw,
	.on_action = safety_action,
};
