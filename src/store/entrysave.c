#include "store/entrysave.h"
#include "store/drafts.h"

#include "core/tags.h"
#include "store/entries.h"
#include "store/journal.h"
#include "util/buf.h"

int entry_save(struct vault *v, const struct entry_save *s, int64_t *id, struct error *e)
{
	/* Split a copy: the caller's text stays as typed, for the draft. */
	struct buf copy = BUF_INIT;
	const char *tags[64];
	if (buf_puts(&copy, s->tags ? s->tags : ""))
		return error_set(e, E_FAIL, "Out of memory; nothing was saved.");
	size_t ntags = list_split(copy.data, tags, 64);
	int64_t new_id = 0;
	int rc;
	if (s->key.kind == DRAFT_EDIT) {
		rc = entries_update(v, s->key.entry_id, s->title, s->body, tags, ntags, e);
	} else {
		struct new_entry ne = {.title = s->title, .body = s->body,
		                       .prompt = s->prompt ? s->prompt : "", .tags = tags,
		                       .ntags = ntags, .mood_id = s->mood_id,
		                       .trigger_id = s->trigger_id};
		rc = entries_add_ex(v, &ne, &new_id, e);
	}
	buf_free(&copy);
	if (rc)
		return -1;
	if (id && s->key.kind == DRAFT_NEW)
		*id = new_id;
	char slot[32];
	draft_slot_name(s->key, slot);
	struct error ignored = {0};
	draft_delete(v, slot, &ignored);
	return 0;
}
