#include "core/trigger.h"

#include "core/checkin.h"
#include "util/error.h"

const struct trigger_question trigger_questions[TF_COUNT] = {
	[TF_KIND] = {"Kind of trigger", "What sort of thing it was; Enter opens the list of kinds.",
	             "What kind of trigger (a number above, Enter for other)? ", TA_KIND, TF_COUNT},
	[TF_WHAT] = {"What happened", "What happened, in a few words; Enter to type.",
	             "What happened? ", TA_TEXT, TF_COUNT},
	[TF_WHERE] = {"Where", "Where you were; Enter to type.", "Where were you? ", TA_TEXT,
	              TF_COUNT},
	[TF_BEFORE] = {"Distress then (0-10)",
	               "How much distress you felt then: 0 calm, 10 the most you can imagine.",
	               "How strong was the distress, 0-10? ", TA_SCALE, TF_COUNT},
	[TF_BODY] = {"In the body", "What you noticed in your body; Enter to type.", NULL, TA_TEXT,
	             TF_COUNT},
	[TF_THOUGHTS] = {"Thoughts", "The thoughts that came; Enter to type.", NULL, TA_TEXT,
	                 TF_COUNT},
	[TF_URGES] = {"Urges", "What you felt like doing; Enter to type.", NULL, TA_TEXT, TF_COUNT},
	[TF_DID] = {"What I did",
	            "What you did to cope: every tool you used, and your own words; Enter opens "
	            "the list.",
	            "What did you do (numbers above, separated by commas or spaces, and/or your "
	            "own words)? ",
	            TA_DID, TF_COUNT},
	[TF_AFTER] = {"Distress now (0-10)",
	              "How much distress you feel now: 0 calm, 10 the most you can imagine.",
	              "Distress now, 0-10 (Enter: finish this later)? ", TA_SCALE, TF_COUNT},
	[TF_HELPED] = {"It helped (0-10)",
	               "How much what you did helped: 0 not at all, 10 a great deal.",
	               "How much did it help, 0-10? ", TA_SCALE, TF_AFTER},
};

const char **trigger_field_text(struct trigger_log *t, enum trigger_field f)
{
	switch (f) {
	case TF_KIND: return &t->category;
	case TF_WHAT: return &t->what;
	case TF_WHERE: return &t->place;
	case TF_BODY: return &t->body;
	case TF_THOUGHTS: return &t->thoughts;
	case TF_URGES: return &t->urges;
	default: return NULL;
	}
}

int *trigger_field_score(struct trigger_log *t, enum trigger_field f)
{
	switch (f) {
	case TF_BEFORE: return &t->suds_before;
	case TF_AFTER: return &t->suds_after;
	case TF_HELPED: return &t->helped;
	default: return NULL;
	}
}

bool trigger_field_given(struct trigger_log *t, enum trigger_field f)
{
	const char **text = trigger_field_text(t, f);
	int *score = trigger_field_score(t, f);
	return score ? *score >= 0 : text && *text && **text;
}

int trigger_check(const struct trigger_log *t, struct error *e)
{
	if (!score_or_none(t->suds_before) || !score_or_none(t->suds_after) ||
	    !score_or_none(t->helped))
		return error_set(e, E_USAGE, "Distress and how much it helped are whole numbers "
		                             "from 0 to 10.");
	return 0;
}
