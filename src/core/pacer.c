#include "core/pacer.h"

#include <stddef.h>

struct phase {
	const char *label;
	int ms;
	int kind; /* +1 in, 0 hold, -1 out */
};

static const struct {
	const char *name;
	struct phase ph[4];
	int n;
} patterns[PACE_COUNT] = {
	[PACE_BOX] = {"Box 4-4-4-4",
	              {{"Breathe in", 4000, 1}, {"Hold", 4000, 0}, {"Breathe out", 4000, -1},
	               {"Hold", 4000, 0}},
	              4},
	[PACE_478] = {"4-7-8", {{"Breathe in", 4000, 1}, {"Hold", 7000, 0}, {"Breathe out", 8000, -1}}, 3},
	/* 5.5 breaths a minute: 10.909 s a breath, in and out. */
	[PACE_SLOW] = {"Slow, 5.5 a minute", {{"Breathe in", 5455, 1}, {"Breathe out", 5454, -1}}, 2},
};

#define FRAME_MS 100

const char *pacer_name(enum pacer_pattern p)
{
	return p < PACE_COUNT ? patterns[p].name : "";
}

int pacer_clamp_pct(int pct)
{
	return pct < PACE_PCT_MIN ? PACE_PCT_MIN : pct > PACE_PCT_MAX ? PACE_PCT_MAX : pct;
}

static long long phase_ms(const struct pacer *pc, int i)
{
	return (long long)patterns[pc->pattern].ph[i].ms * pc->pct / 100;
}

long long pacer_cycle_ms(enum pacer_pattern p, int pct)
{
	struct pacer pc = {.pattern = p < PACE_COUNT ? p : PACE_BOX, .pct = pacer_clamp_pct(pct)};
	long long ms = 0;
	for (int i = 0; i < patterns[pc.pattern].n; i++)
		ms += phase_ms(&pc, i);
	return ms;
}

void pacer_start(struct pacer *pc, enum pacer_pattern p, int pct, long long now_ms)
{
	pc->pattern = p < PACE_COUNT ? p : PACE_BOX;
	pc->pct = pacer_clamp_pct(pct);
	pc->start_ms = now_ms;
	pc->paused_at = -1;
}

bool pacer_paused(const struct pacer *pc)
{
	return pc->paused_at >= 0;
}

void pacer_pause(struct pacer *pc, long long now_ms)
{
	if (pc->paused_at < 0)
		pc->paused_at = now_ms;
}

void pacer_resume(struct pacer *pc, long long now_ms)
{
	if (pc->paused_at >= 0) {
		pc->start_ms += now_ms - pc->paused_at; /* the pause does not count */
		pc->paused_at = -1;
	}
}

void pacer_at(const struct pacer *pc, long long now_ms, struct pacer_now *out)
{
	long long t = (pc->paused_at >= 0 ? pc->paused_at : now_ms) - pc->start_ms;
	if (t < 0)
		t = 0;
	long long cycle_ms = pacer_cycle_ms(pc->pattern, pc->pct);
	/* Every pattern has phases of some length, so this holds; the reader
	 * is never left with a half-filled answer if it does not. */
	*out = (struct pacer_now){.label = ""};
	if (cycle_ms <= 0)
		return;
	out->cycle = (int)(t / cycle_ms);
	long long in = t % cycle_ms;
	for (int i = 0; i < patterns[pc->pattern].n; i++) {
		const struct phase *ph = &patterns[pc->pattern].ph[i];
		long long ms = phase_ms(pc, i);
		if (in < ms) {
			out->phase = i;
			out->label = ph->label;
			out->progress = (double)in / (double)ms;
			out->filling = ph->kind > 0;
			out->emptying = ph->kind < 0;
			out->phase_left_ms = ms - in;
			return;
		}
		in -= ms;
	}
}

long long pacer_next_ms(const struct pacer *pc, long long now_ms, bool reduced_motion)
{
	if (pc->paused_at >= 0)
		return -1;
	struct pacer_now n;
	pacer_at(pc, now_ms, &n);
	if (reduced_motion)
		return n.phase_left_ms;
	return n.phase_left_ms < FRAME_MS ? n.phase_left_ms : FRAME_MS;
}
