/* feelings.h: a check-in's feelings as a person reads them. They are kept
 * as the picker chose them, "sad/lonely,sad/grieving,tired" (a core word,
 * then a finer one), and shown as words: "lonely, grieving, tired". Pure. */
#ifndef TEND_CORE_FEELINGS_H
#define TEND_CORE_FEELINGS_H

#include <stddef.h>

/* Writes the feelings in stored (NULL is "") to out (size > 0) as words
 * separated by ", ": the finer word of each "core/finer" pair, spaces
 * trimmed, empty items left out. Cut at a whole word when out is too
 * small. Returns the length written. */
size_t feelings_words(const char *stored, char *out, size_t size);

#endif
