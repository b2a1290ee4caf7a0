#include "core/draft.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

void draft_free(struct draft *d)
{
	str_wipe_free(d->title);
	str_wipe_free(d->body);
	str_wipe_free(d->tags);
	str_wipe_free(d->prompt);
	d->title = d->body = d->tags = d->prompt = NULL;
}

struct draft_key draft_key_of(int64_t entry_id)
{
	return entry_id ? (struct draft_key){DRAFT_EDIT, entry_id} : (struct draft_key){DRAFT_NEW, 0};
}

void draft_slot_name(struct draft_key k, char out[32])
{
	if (k.kind == DRAFT_EDIT)
		snprintf(out, 32, "edit:%lld", (long long)k.entry_id);
	else
		snprintf(out, 32, "new");
}

int draft_key_parse(const char *slot, struct draft_key *out)
{
	if (strcmp(slot, "new") == 0) {
		*out = (struct draft_key){DRAFT_NEW, 0};
		return 0;
	}
	if (strncmp(slot, "edit:", 5) != 0 || slot[5] < '1' || slot[5] > '9')
		return -1;
	char *end;
	errno = 0;
	long long id = strtoll(slot + 5, &end, 10);
	if (errno || *end)
		return -1;
	*out = (struct draft_key){DRAFT_EDIT, (int64_t)id};
	return 0;
}
