# check-layers passes on the tree and fails on deliberately wrong includes.
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)

t_ok "the real tree passes" "$top/scripts/check-layers" "$top" >/dev/null

mk() { mkdir -p "$T_TMP/$1/$(dirname "$2")"; printf '%s\n' "$3" >"$T_TMP/$1/$2"; }
mk good src/store/x.c '#include <sqlite3.h>
#include "crypto/key.h"
#include "util/buf.h"'
t_ok "allowed includes pass" "$top/scripts/check-layers" "$T_TMP/good" >/dev/null

mk sql src/core/x.c '#include <sqlite3.h>'
out=$("$top/scripts/check-layers" "$T_TMP/sql"); t_eq "sqlite3 outside store fails" 1 $?
t_match "names the file and line" 'src/core/x.c:1:' "$out"
mk curses src/views/x.c '#include <curses.h>'
t_exit "curses outside ui/term.h fails" 1 "$top/scripts/check-layers" "$T_TMP/curses" >/dev/null
mk cliui src/cli/x.c '#include "ui/term.h"'
t_exit "cli including ui fails" 1 "$top/scripts/check-layers" "$T_TMP/cliui" >/dev/null
mk sod include/store/x.h '#include <sodium.h>'
t_exit "sodium outside crypto fails (headers too)" 1 "$top/scripts/check-layers" "$T_TMP/sod" >/dev/null
mk cm src/views/x.c '  #  include <cmark.h>'
t_exit "cmark outside content fails, spacing or not" 1 "$top/scripts/check-layers" "$T_TMP/cm" >/dev/null
mk up src/util/x.c '#include "core/entry.h"'
t_exit "util including a higher layer fails" 1 "$top/scripts/check-layers" "$T_TMP/up" >/dev/null

t_done
