#include "widgets/form.h"

#include <stdio.h>
#include <string.h>

#include "ui/term.h"
#include "util/utf8.h"

void form_init(struct form *f, const struct form_row *rows, int n, int focus)
{
	memset(f, 0, sizeof(*f));
	f->n = n < FORM_MAX_ROWS ? n : FORM_MAX_ROWS;
	memcpy(f->rows, rows, (size_t)f->n * sizeof(*rows));
	f->focus = focus >= 0 && focus < f->n ? focus : 0;
}

enum form_answer form_action(struct form *f, enum action a)
{
	if (f->n <= 0)
		return FORM_NONE;
	struct form_row *r = &f->rows[f->focus];
	switch (a) {
	case ACT_UP:
	case ACT_PREV_FIELD:
		f->focus = (f->focus + f->n - 1) % f->n;
		return FORM_MOVED;
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		f->focus = (f->focus + 1) % f->n;
		return FORM_MOVED;
	case ACT_SELECT:
		if (r->kind == FORM_BUTTON || (r->kind == FORM_FIELD && r->submits))
			return FORM_SUBMIT;
		f->focus = (f->focus + 1) % f->n;
		return FORM_MOVED;
	default:
		break;
	}
	if (r->kind == FORM_CHOICE && (a == ACT_LEFT || a == ACT_RIGHT))
		return a == ACT_RIGHT ? FORM_NEXT : FORM_PREV;
	if (r->kind == FORM_FIELD && field_action(r->field, a))
		return FORM_EDITED;
	return FORM_NONE;
}

bool form_text(struct form *f, const char *text, size_t len)
{
	if (f->n <= 0 || f->rows[f->focus].kind != FORM_FIELD)
		return false;
	field_insert(f->rows[f->focus].field, text, len);
	return true;
}

void form_draw_choice(int y, int x, int w, bool focus, const char *label)
{
	char line[160];
	snprintf(line, sizeof(line), "< %s >", label);
	ui_fill(y, x, w, focus ? ROLE_SELECTED : ROLE_NORMAL);
	ui_puts(y, x, w, focus ? ROLE_SELECTED : ROLE_STRONG, line);
}

void form_draw_field(int y, int w, const char *label, const struct field *f, bool focus,
                     const char *empty)
{
	ui_puts(y, 2, 9, ROLE_NORMAL, label);
	if (focus)
		field_draw(f, y, 12, w - 10, ROLE_SELECTED);
	else if (f->len || !empty)
		ui_puts(y, 12, w - 10, ROLE_STRONG, f->buf);
	else
		ui_puts(y, 12, w - 10, ROLE_MUTED, empty);
}

void form_draw_button(int y, bool focus, const char *label)
{
	int w = (int)utf8_width(label, strlen(label));
	ui_fill(y, 12, w, focus ? ROLE_SELECTED : ROLE_NORMAL);
	ui_puts(y, 12, w, focus ? ROLE_SELECTED : ROLE_STRONG, label);
}

int form_draw(const struct form *f, int y, int w)
{
	for (int i = 0; i < f->n; i++, y++) {
		const struct form_row *r = &f->rows[i];
		bool focus = i == f->focus;
		switch (r->kind) {
		case FORM_CHOICE:
			ui_puts(y, 2, 9, ROLE_NORMAL, r->label);
			form_draw_choice(y, 12, w - 10, focus, r->choice ? r->choice : "");
			break;
		case FORM_FIELD:
			if (r->stand_in && !focus) {
				ui_puts(y, 2, 9, ROLE_NORMAL, r->label);
				ui_puts(y, 12, w - 10, ROLE_STRONG, r->stand_in);
			} else {
				form_draw_field(y, w, r->label, r->field, focus, r->empty);
			}
			break;
		case FORM_BUTTON:
			form_draw_button(y, focus, r->label);
			break;
		}
	}
	return y;
}
