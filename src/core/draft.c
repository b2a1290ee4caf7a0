#include "core/draft.h"

#include "util/buf.h"

void draft_free(struct draft *d)
{
	str_wipe_free(d->title);
	str_wipe_free(d->body);
	str_wipe_free(d->tags);
	str_wipe_free(d->prompt);
	d->title = d->body = d->tags = d->prompt = NULL;
}
