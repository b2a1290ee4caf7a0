#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

PRINTF_LIKE(3, 0)
static void vset(struct error *e, int code, const char *fmt, va_list ap)
{
	e->code = code;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
}

int error_set(struct error *e, int code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vset(e, code, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int error_errno(struct error *e, int errnum, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vset(e, E_FAIL, fmt, ap);
		va_end(ap);
		size_t n = strlen(e->msg);
		snprintf(e->msg + n, sizeof(e->msg) - n, ": %s", strerror(errnum));
	}
	return -1;
}

void error_clear(struct error *e)
{
	e->code = E_OK;
	e->msg[0] = '\0';
}
