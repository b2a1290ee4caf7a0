/* num.h: whole numbers read strictly from text. */
#ifndef TEND_UTIL_NUM_H
#define TEND_UTIL_NUM_H

/* Reads s as a decimal whole number in [min, max] into *out: an optional
 * '-', then digits, and nothing before or after them ("4096x", " 12", ""
 * and "+3" are refused). 0, or -1 with *out untouched. */
int num_parse(const char *s, long long min, long long max, long long *out);

#endif
