/* pacer.h: the timing of paced breathing, as pure functions of a clock the
 * caller passes in (so tests can use a fake one). */
#ifndef TEND_CORE_PACER_H
#define TEND_CORE_PACER_H

#include <stdbool.h>

enum pacer_pattern { PACE_BOX, PACE_478, PACE_SLOW, PACE_COUNT };

/* A pace can be made slower or quicker: every phase is pct percent of its
 * usual length. */
#define PACE_PCT_MIN 50
#define PACE_PCT_MAX 200

struct pacer {
	enum pacer_pattern pattern;
	int pct;             /* PACE_PCT_MIN..PACE_PCT_MAX, 100: as named */
	long long start_ms;  /* when breathing started, shifted by pauses */
	long long paused_at; /* when paused, or -1 */
};

struct pacer_now {
	int phase;            /* index into the pattern's phases */
	const char *label;    /* "Breathe in", "Hold", "Breathe out" */
	double progress;      /* 0..1 through this phase */
	bool filling;         /* the breath grows (in), shrinks (out) or holds */
	bool emptying;
	long long phase_left_ms;
	int cycle;            /* whole breaths completed */
};

/* "Box 4-4-4-4", "4-7-8", "Slow, 5.5 a minute". */
const char *pacer_name(enum pacer_pattern p);
int pacer_clamp_pct(int pct);
/* Milliseconds for one whole breath at pct percent. */
long long pacer_cycle_ms(enum pacer_pattern p, int pct);
void pacer_start(struct pacer *pc, enum pacer_pattern p, int pct, long long now_ms);
void pacer_pause(struct pacer *pc, long long now_ms);
void pacer_resume(struct pacer *pc, long long now_ms);
bool pacer_paused(const struct pacer *pc);
void pacer_at(const struct pacer *pc, long long now_ms, struct pacer_now *out);
/* Milliseconds until the screen should change: a frame (100 ms) while
 * animating, or the next phase change with reduced motion; -1 when
 * paused (nothing moves, so no timer and no CPU). */
long long pacer_next_ms(const struct pacer *pc, long long now_ms, bool reduced_motion);

#endif
