/* proc.h: process-wide protections set once at start. */
#ifndef TEND_UTIL_PROC_H
#define TEND_UTIL_PROC_H

/* Files created private (umask 077), no core dumps and no ptrace by other users' processes: a crash must not
 * leave journal text on disk. Returns 0, or -1 if a limit could not be set. */
int proc_harden(void);

#endif
