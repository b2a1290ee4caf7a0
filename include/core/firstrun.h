/* firstrun.h: the rules of making a vault that both front ends follow (the
 * full-screen onboarding and tend --plain): how strong a new passphrase
 * is, and checking that the recovery code was copied. Pure. */
#ifndef TEND_CORE_FIRSTRUN_H
#define TEND_CORE_FIRSTRUN_H

#include <stdbool.h>
#include <stddef.h>

/* Shorter than this (in display columns) is refused. */
#define PASS_MIN_COLS 8

enum pass_level { PASS_EMPTY, PASS_TOO_SHORT, PASS_FAIR, PASS_STRONG, PASS_VERY_STRONG };

/* Rates a new passphrase of len bytes and returns a sentence saying so
 * (for the person to read; names the minimum when it is too short). */
const char *pass_rate(const char *s, size_t len, enum pass_level *level);

/* The group of the recovery code a person types back to show it was
 * copied: the third, after the second dash. out gets it NUL-terminated. */
void code_check_group(const char *code, char out[8]);
/* Whether typed (len bytes) is that group, forgiving case and the
 * look-alikes O/0 and I/L/1 as the code itself does. */
bool code_check_matches(const char *code, const char *typed, size_t len);

#endif
