/* io_int.h: what the io/ files share. */
#ifndef TEND_IO_INT_H
#define TEND_IO_INT_H

/* Makes jansson wipe every byte it allocated when it frees it (exports
 * and imports hold the person's journal). */
void io_json_wipe_alloc(void);

#endif
