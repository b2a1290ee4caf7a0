/* gen.h: deterministic journal text for the benchmarks, shared by bench.c
 * and sqlcipher.c so both write exactly the same entries.
 *
 * Entry i is generated from its own seed (a fixed seed plus i), so any
 * entry can be made again without the ones before it. Words are drawn
 * from a list of ordinary words with Zipf-like weights (the word of rank
 * k has weight 1/(k+1)), so search terms occur at very different
 * frequencies; two marker words are sprinkled in at fixed low rates to
 * give rare search terms. */
#ifndef TEND_BENCH_GEN_H
#define TEND_BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define GEN_SEED 0x74656e64ULL /* "tend" */
#define GEN_TITLE_MAX 128
#define GEN_BODY_MAX 4096

static const char *const gen_words[] = {
	/* the most common first */
	"the", "i", "and", "to", "a", "it", "was", "of", "my", "that", "in", "me", "but",
	"felt", "so", "today", "for", "not", "with", "is", "just", "feel", "had", "on", "this",
	"at", "like", "about", "when", "what", "again", "really", "time", "day", "all", "be",
	"still", "think", "some", "after", "know", "more", "then", "there", "little", "tired",
	"better", "sleep", "walk", "morning", "work", "night", "tried", "back", "home", "long",
	"good", "hard", "want", "much", "calm", "breathing", "mind", "talked", "friend", "heavy",
	"quiet", "anxious", "mother", "father", "sister", "brother", "thoughts", "remember",
	"enough", "head", "chest", "body", "hands", "together", "slowly", "later", "outside",
	"window", "coffee", "tea", "kitchen", "rain", "sun", "weather", "cold", "warm", "light",
	"dark", "week", "weekend", "evening", "afternoon", "dinner", "lunch", "breakfast",
	"phone", "message", "call", "meeting", "office", "boss", "project", "email", "deadline",
	"therapy", "therapist", "session", "journal", "writing", "notes", "read", "book", "music",
	"song", "listened", "park", "trees", "garden", "flowers", "dog", "cat", "bird", "river",
	"bridge", "street", "bus", "train", "car", "drove", "road", "shop", "market", "bread",
	"soup", "cooked", "ate", "hungry", "water", "shower", "bath", "bed", "pillow", "blanket",
	"dream", "dreamed", "woke", "early", "late", "restless", "grateful", "thankful", "proud",
	"small", "step", "steps", "progress", "setback", "patient", "gentle", "kind", "voice",
	"cried", "laughed", "smiled", "hug", "alone", "lonely", "safe", "scared", "afraid",
	"angry", "upset", "sad", "happy", "relieved", "hopeful", "numb", "overwhelmed", "stress",
	"worry", "worried", "panic", "heart", "racing", "stomach", "shoulders", "tension",
	"stretch", "yoga", "run", "ran", "bike", "swim", "gym", "exercise", "stairs", "hill",
	"view", "sky", "clouds", "wind", "snow", "autumn", "spring", "summer", "winter",
	"birthday", "holiday", "visit", "visited", "family", "kids", "neighbor", "colleague",
	"doctor", "appointment", "medicine", "pills", "headache", "pain", "ache", "rest",
	"nap", "couch", "movie", "show", "game", "puzzle", "painting", "drawing",
	"knitting", "candle", "bakery", "library", "museum", "beach", "sand", "waves", "ocean",
	"lake", "forest", "path", "trail", "mountain", "picnic", "letter", "postcard", "gift",
	"plant", "watered", "soil", "seeds", "tomatoes", "apples", "oranges", "lemon", "honey",
	"chocolate", "cake", "cookies", "dishes", "laundry", "cleaned", "tidy", "mess", "boxes",
	"moving", "apartment", "rent", "money", "bills", "budget", "savings", "plans", "future",
	"past", "childhood", "school", "teacher", "lesson", "learned", "practice", "habit",
	"routine", "schedule", "list", "goals", "boundaries", "compassion", "forgive", "trust",
	"honest", "courage", "patience", "meditation", "grounding", "senses", "noticed",
	"counted", "exhale", "inhale", "pause", "moment", "present", "memory", "photo",
	"album", "grandmother", "grandfather", "uncle", "aunt", "cousin", "wedding", "funeral",
	"grief", "loss", "miss", "missed", "letting", "healing", "recovery", "trigger",
	"argument", "apology", "conversation", "understood", "support", "group",
	"volunteer", "helped", "neighborhood", "fountain", "bench", "pigeons",
	"sparrow", "violin", "piano", "guitar", "choir", "poem", "story", "chapter", "page",
};
#define GEN_NWORDS (sizeof(gen_words) / sizeof(gen_words[0]))

static const char *const gen_tags[] = {
	"sleep", "work", "family", "walk", "therapy", "anxiety", "gratitude", "friends",
	"body", "grief",
};
#define GEN_NTAGS (sizeof(gen_tags) / sizeof(gen_tags[0]))

/* Marker words and their rates per entry: ~1 in 400 and ~1 in 4000. */
#define GEN_UNCOMMON "lighthouse"
#define GEN_RARE "accordion"

static inline uint64_t gen_next(uint64_t *s)
{
	/* splitmix64 */
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Cumulative integer weights, so every build draws the same words. */
static uint64_t gen_cum[GEN_NWORDS];

static inline void gen_init(void)
{
	uint64_t t = 0;
	for (size_t k = 0; k < GEN_NWORDS; k++) {
		t += 1000000ULL / (k + 1);
		gen_cum[k] = t;
	}
}

static inline const char *gen_word(uint64_t *s)
{
	uint64_t r = gen_next(s) % gen_cum[GEN_NWORDS - 1];
	size_t lo = 0, hi = GEN_NWORDS - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (gen_cum[mid] > r)
			hi = mid;
		else
			lo = mid + 1;
	}
	return gen_words[lo];
}

static inline size_t gen_put(char *buf, size_t len, size_t cap, const char *w, int upper)
{
	size_t n = strlen(w);
	if (len + n + 3 >= cap)
		return len;
	memcpy(buf + len, w, n);
	if (upper && buf[len] >= 'a' && buf[len] <= 'z')
		buf[len] = (char)(buf[len] - 'a' + 'A');
	return len + n;
}

/* Entry i: a title of 3-6 words, a body of 80-150 words in sentences of
 * 6-16 words, and 0-2 tags (i % 3 of them). */
static inline void gen_entry(uint64_t i, char title[GEN_TITLE_MAX], char body[GEN_BODY_MAX],
                             const char *tags[2], size_t *ntags)
{
	uint64_t s = GEN_SEED ^ (i * 0x2545f4914f6cdd1dULL);
	size_t len = 0;
	int nt = 3 + (int)(gen_next(&s) % 4);
	for (int k = 0; k < nt; k++) {
		if (k)
			title[len++] = ' ';
		len = gen_put(title, len, GEN_TITLE_MAX, gen_word(&s), k == 0);
	}
	title[len] = '\0';

	int nw = 80 + (int)(gen_next(&s) % 71);
	int marker = -1; /* word position of a marker word, if any */
	uint64_t m = gen_next(&s) % 4000;
	const char *mword = m == 0 ? GEN_RARE : m < 11 ? GEN_UNCOMMON : NULL;
	if (mword)
		marker = (int)(gen_next(&s) % (uint64_t)nw);
	len = 0;
	int left = 0;
	for (int k = 0; k < nw; k++) {
		int start = left == 0;
		if (start) {
			if (k)
				body[len++] = ' ';
			left = 6 + (int)(gen_next(&s) % 11);
		} else {
			body[len++] = ' ';
		}
		len = gen_put(body, len, GEN_BODY_MAX, k == marker ? mword : gen_word(&s), start);
		left--;
		if (left == 0 || k == nw - 1)
			body[len++] = '.';
		else if (gen_next(&s) % 12 == 0)
			body[len++] = ',';
	}
	body[len] = '\0';

	*ntags = (size_t)(i % 3);
	for (size_t k = 0; k < *ntags; k++)
		tags[k] = gen_tags[(i / 3 + k * 7) % GEN_NTAGS];
}

#endif
