#include "core/stats.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

bool stats_enough(size_t n)
{
	return n >= STATS_MIN_MEAN;
}

bool stats_enough_corr(size_t n)
{
	return n >= STATS_MIN_CORR;
}

/* ---- calendar */

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	if (a % b != 0 && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

int64_t stats_local(int64_t t, int off_min)
{
	return t + (int64_t)off_min * 60;
}

int64_t stats_day_of(int64_t t, int off_min)
{
	return floor_div(stats_local(t, off_min), 86400);
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t stats_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = floor_div(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t mp = (m + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void stats_civil_from_days(int64_t day, int *y, int *m, int *d)
{
	int64_t z = day + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t dd = doy - (153 * mp + 2) / 5 + 1;
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

int stats_weekday(int64_t day)
{
	return (int)floor_mod(day + 3, 7); /* 1970-01-01 was a Thursday */
}

const char *stats_day_text(int64_t day, char out[16])
{
	int y, m, d;
	stats_civil_from_days(day, &y, &m, &d);
	snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
	return out;
}

/* ---- mood over time */

static bool score_ok(int s)
{
	return s >= 0 && s <= 10;
}

/* A bucket's key: consecutive buckets have consecutive keys. */
static int64_t bucket_key(int64_t day, enum bucket b)
{
	int y, m, d;
	switch (b) {
	case B_WEEK:
		return floor_div(day - stats_weekday(day), 7);
	case B_MONTH:
		stats_civil_from_days(day, &y, &m, &d);
		return (int64_t)y * 12 + (m - 1);
	case B_DAY:
	default:
		return day;
	}
}

static int64_t bucket_first_day(int64_t key, enum bucket b)
{
	switch (b) {
	case B_WEEK:
		return key * 7 + 4; /* day 4 (1970-01-05) was a Monday */
	case B_MONTH:
		return stats_days_from_civil((int)floor_div(key, 12), (int)floor_mod(key, 12) + 1, 1);
	case B_DAY:
	default:
		return key;
	}
}

void series_free(struct series *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
	s->total = 0;
}

int mood_series(const struct mood_point *p, size_t n, int64_t from, int64_t to, enum bucket b,
                struct series *out)
{
	memset(out, 0, sizeof(*out));
	out->b = b;
	if (from > to)
		return 0;
	int64_t k0 = bucket_key(floor_div(from, 86400), b);
	int64_t k1 = bucket_key(floor_div(to, 86400), b);
	if (k1 - k0 + 1 > STATS_MAX_BUCKETS)
		return -1;
	size_t nb = (size_t)(k1 - k0 + 1);
	struct series_bucket *v = calloc(nb, sizeof(*v));
	double *sum = calloc(nb, sizeof(*sum));
	if (!v || !sum) {
		free(v);
		free(sum);
		return -1;
	}
	for (size_t i = 0; i < nb; i++)
		v[i].day = bucket_first_day(k0 + (int64_t)i, b);
	for (size_t i = 0; i < n; i++) {
		if (!score_ok(p[i].score))
			continue;
		int64_t k = bucket_key(stats_day_of(p[i].t, p[i].off_min), b);
		if (k < k0 || k > k1)
			continue;
		struct series_bucket *sb = &v[k - k0];
		if (!sb->count || p[i].score < sb->min)
			sb->min = p[i].score;
		if (!sb->count || p[i].score > sb->max)
			sb->max = p[i].score;
		sb->count++;
		sum[k - k0] += p[i].score;
		out->total++;
	}
	for (size_t i = 0; i < nb; i++)
		if (v[i].count)
			v[i].mean = sum[i] / (double)v[i].count;
	free(sum);
	out->v = v;
	out->n = nb;
	return 0;
}

void year_heatmap(const struct mood_point *p, size_t n, int year, int week_start,
                  struct heatmap *out)
{
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->day0 = stats_days_from_civil(year, 1, 1);
	out->days = (int)(stats_days_from_civil(year + 1, 1, 1) - out->day0);
	out->week_start = (int)floor_mod(week_start, 7);
	out->wday0 = (int)floor_mod(stats_weekday(out->day0) - out->week_start, 7);
	double sum[366] = {0};
	for (size_t i = 0; i < n; i++) {
		if (!score_ok(p[i].score))
			continue;
		int64_t d = stats_day_of(p[i].t, p[i].off_min) - out->day0;
		if (d < 0 || d >= out->days)
			continue;
		out->count[d]++;
		sum[d] += p[i].score;
	}
	for (int d = 0; d < out->days; d++)
		if (out->count[d])
			out->mean[d] = sum[d] / (double)out->count[d];
}

/* ---- trigger patterns */

static int cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_cat(const void *a, const void *b)
{
	const struct cat_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->category, y->category);
}

void trigger_counts_free(struct trigger_counts *c)
{
	free(c->cats);
	memset(c, 0, sizeof(*c));
}

int trigger_counts(const struct trigger_point *p, size_t n, struct trigger_counts *out)
{
	memset(out, 0, sizeof(*out));
	const char **names = NULL;
	size_t nn = 0;
	if (n) {
		names = malloc(n * sizeof(*names));
		if (!names)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		int64_t local = stats_local(p[i].t, p[i].off_min);
		out->hour[floor_mod(local, 86400) / 3600]++;
		out->wday[stats_weekday(floor_div(local, 86400))]++;
		out->total++;
		if (p[i].category && *p[i].category)
			names[nn++] = p[i].category;
	}
	if (!nn) {
		free(names);
		return 0;
	}
	qsort(names, nn, sizeof(*names), cmp_str_ptr);
	struct cat_count *cats = malloc(nn * sizeof(*cats));
	if (!cats) {
		free(names);
		memset(out, 0, sizeof(*out));
		return -1;
	}
	size_t nc = 0;
	for (size_t i = 0; i < nn; i++) {
		if (nc && strcmp(cats[nc - 1].category, names[i]) == 0) {
			cats[nc - 1].count++;
			continue;
		}
		cats[nc].category = names[i];
		cats[nc].count = 1;
		nc++;
	}
	free(names);
	qsort(cats, nc, sizeof(*cats), cmp_cat);
	out->cats = cats;
	out->ncats = nc;
	return 0;
}

/* ---- what helps */

static bool suds_ok(int s)
{
	return s >= 0;
}

static int cmp_tool_ptr(const void *a, const void *b)
{
	const struct trigger_point *x = *(const struct trigger_point *const *)a;
	const struct trigger_point *y = *(const struct trigger_point *const *)b;
	return strcmp(x->tool, y->tool);
}

static int cmp_effect(const void *a, const void *b)
{
	const struct tool_effect *x = a, *y = b;
	if ((x->n == 0) != (y->n == 0))
		return x->n == 0 ? 1 : -1;
	if (x->mean_drop != y->mean_drop)
		return x->mean_drop > y->mean_drop ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->tool, y->tool);
}

int coping_effects(const struct trigger_point *p, size_t n, struct tool_effect **out,
                   size_t *nout)
{
	*out = NULL;
	*nout = 0;
	size_t nu = 0;
	for (size_t i = 0; i < n; i++)
		nu += p[i].tool != NULL;
	if (!nu)
		return 0;
	const struct trigger_point **use = malloc(nu * sizeof(*use));
	struct tool_effect *fx = malloc(nu * sizeof(*fx));
	if (!use || !fx) {
		free(use);
		free(fx);
		return -1;
	}
	nu = 0;
	for (size_t i = 0; i < n; i++)
		if (p[i].tool)
			use[nu++] = &p[i];
	qsort(use, nu, sizeof(*use), cmp_tool_ptr);
	size_t nf = 0;
	double sum = 0;
	for (size_t i = 0; i < nu; i++) {
		if (!nf || strcmp(fx[nf - 1].tool, use[i]->tool) != 0) {
			if (nf && fx[nf - 1].n)
				fx[nf - 1].mean_drop = sum / (double)fx[nf - 1].n;
			fx[nf] = (struct tool_effect){.tool = use[i]->tool};
			nf++;
			sum = 0;
		}
		struct tool_effect *e = &fx[nf - 1];
		e->uses++;
		if (suds_ok(use[i]->suds_before) && suds_ok(use[i]->suds_after)) {
			e->n++;
			sum += use[i]->suds_before - use[i]->suds_after;
		}
	}
	if (fx[nf - 1].n)
		fx[nf - 1].mean_drop = sum / (double)fx[nf - 1].n;
	free(use);
	qsort(fx, nf, sizeof(*fx), cmp_effect);
	*out = fx;
	*nout = nf;
	return 0;
}

/* ---- relations */

/* Square root by Newton's method, so core needs no libm. Starting at or
 * above the root, each step decreases until it converges. */
static double root(double v)
{
	if (!(v > 0))
		return 0;
	double x = v > 1 ? v : 1;
	for (int i = 0; i < 200; i++) {
		double nx = 0.5 * (x + v / x);
		if (nx >= x)
			break;
		x = nx;
	}
	return x;
}

/* Two passes (means, then deviations): steadier than the one-pass sums. */
struct relation stats_pearson(const double *x, const double *y, size_t n)
{
	struct relation r = {0, n, false};
	if (!stats_enough_corr(n))
		return r;
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= (double)n;
	my /= (double)n;
	double sxx = 0, syy = 0, sxy = 0, ax = 0, ay = 0;
	for (size_t i = 0; i < n; i++) {
		double dx = x[i] - mx, dy = y[i] - my;
		sxx += dx * dx;
		syy += dy * dy;
		sxy += dx * dy;
		ax += x[i] * x[i];
		ay += y[i] * y[i];
	}
	/* Rounding can leave a constant column with a hair of variance. */
	if (sxx <= 1e-12 * (ax + 1) || syy <= 1e-12 * (ay + 1))
		return r;
	double v = sxy / root(sxx * syy);
	r.r = v > 1 ? 1 : v < -1 ? -1 : v;
	r.enough = true;
	return r;
}

enum side { SIDE_SLEEP, SIDE_ENERGY };

static bool side_known(const struct mood_point *p, enum side s, double *v)
{
	if (!score_ok(p->score))
		return false;
	if (s == SIDE_SLEEP) {
		if (!(p->sleep_hours >= 0 && p->sleep_hours <= 24)) /* also rejects NaN */
			return false;
		*v = p->sleep_hours;
		return true;
	}
	if (p->energy < 0 || p->energy > 10)
		return false;
	*v = p->energy;
	return true;
}

/* stats_pearson without copying the pairs out. */
static struct relation mood_vs(const struct mood_point *p, size_t n, enum side s)
{
	struct relation r = {0, 0, false};
	double mx = 0, my = 0, v;
	for (size_t i = 0; i < n; i++) {
		if (!side_known(&p[i], s, &v))
			continue;
		mx += v;
		my += p[i].score;
		r.n++;
	}
	if (!stats_enough_corr(r.n))
		return r;
	mx /= (double)r.n;
	my /= (double)r.n;
	double sxx = 0, syy = 0, sxy = 0, ax = 0, ay = 0;
	for (size_t i = 0; i < n; i++) {
		if (!side_known(&p[i], s, &v))
			continue;
		double dx = v - mx, dy = p[i].score - my;
		sxx += dx * dx;
		syy += dy * dy;
		sxy += dx * dy;
		ax += v * v;
		ay += (double)p[i].score * p[i].score;
	}
	if (sxx <= 1e-12 * (ax + 1) || syy <= 1e-12 * (ay + 1))
		return r;
	double c = sxy / root(sxx * syy);
	r.r = c > 1 ? 1 : c < -1 ? -1 : c;
	r.enough = true;
	return r;
}

struct relation mood_vs_sleep(const struct mood_point *p, size_t n)
{
	return mood_vs(p, n, SIDE_SLEEP);
}

struct relation mood_vs_energy(const struct mood_point *p, size_t n)
{
	return mood_vs(p, n, SIDE_ENERGY);
}

static int cmp_tag_ptr(const void *a, const void *b)
{
	const struct tag_score *x = *(const struct tag_score *const *)a;
	const struct tag_score *y = *(const struct tag_score *const *)b;
	return strcmp(x->tag, y->tag);
}

static int cmp_tag_mean(const void *a, const void *b)
{
	const struct tag_mean *x = a, *y = b;
	if (x->enough != y->enough)
		return x->enough ? -1 : 1;
	if (x->mean != y->mean)
		return x->mean > y->mean ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->tag, y->tag);
}

int tag_means(const struct tag_score *p, size_t n, struct tag_mean **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	size_t nv = 0;
	for (size_t i = 0; i < n; i++)
		nv += p[i].tag && score_ok(p[i].score);
	if (!nv)
		return 0;
	const struct tag_score **use = malloc(nv * sizeof(*use));
	struct tag_mean *tm = malloc(nv * sizeof(*tm));
	double *sum = malloc(nv * sizeof(*sum));
	if (!use || !tm || !sum) {
		free(use);
		free(tm);
		free(sum);
		return -1;
	}
	nv = 0;
	for (size_t i = 0; i < n; i++)
		if (p[i].tag && score_ok(p[i].score))
			use[nv++] = &p[i];
	qsort(use, nv, sizeof(*use), cmp_tag_ptr);
	size_t nt = 0;
	for (size_t i = 0; i < nv; i++) {
		if (!nt || strcmp(tm[nt - 1].tag, use[i]->tag) != 0) {
			tm[nt] = (struct tag_mean){.tag = use[i]->tag};
			sum[nt] = 0;
			nt++;
		}
		tm[nt - 1].n++;
		sum[nt - 1] += use[i]->score;
	}
	for (size_t i = 0; i < nt; i++) {
		tm[i].mean = sum[i] / (double)tm[i].n;
		tm[i].enough = stats_enough(tm[i].n);
	}
	free(use);
	free(sum);
	qsort(tm, nt, sizeof(*tm), cmp_tag_mean);
	*out = tm;
	*nout = nt;
	return 0;
}
