#include "core/entry.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

void entry_free(struct entry *en)
{
	str_wipe_free(en->title);
	str_wipe_free(en->body);
	free(en->created);
	free(en->updated);
	str_wipe_free(en->tags);
	str_wipe_free(en->prompt);
	memset(en, 0, sizeof(*en));
}
