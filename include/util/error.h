/* error.h: a status code plus a message a person can act on. */
#ifndef TEND_UTIL_ERROR_H
#define TEND_UTIL_ERROR_H

/* Codes double as the command line's exit statuses. */
enum err_code {
	E_OK = 0,
	E_FAIL = 1,    /* anything else */
	E_USAGE = 2,   /* the call's words are off */
	E_AUTH = 3,    /* wrong passphrase or recovery code */
	E_CORRUPT = 4, /* damaged or tampered with */
	E_BUSY = 5,    /* open in another process */
};

struct error {
	int code;
	char msg[512];
};

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* Fills e (when not NULL) and returns -1, so callers can write
 * `return error_set(e, E_FAIL, "...")`. */
int error_set(struct error *e, int code, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Like error_set, with ": strerror(errnum)" appended. */
int error_errno(struct error *e, int errnum, const char *fmt, ...) PRINTF_LIKE(3, 4);
void error_clear(struct error *e);

#endif
