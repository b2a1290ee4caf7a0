# check-layers passes on the tree and fails on deliberately wrong includes.
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)

t_ok "the real tree passes" "$top/scripts/check-layers" "$top" >/dev/null

# The store's helpers for tests (tests/unit/store_helpers.c) fill vaults in
# the unit tests and the benchmark; tend itself must not carry them. A
# binary nm cannot read (the valgrind wrapper script) is skipped; one it
# can must show entries_add_ex, so that an empty answer means something.
defined() { # defined BIN NAME...: which of NAME... BIN defines as functions
	local bin=$1; shift
	nm "$bin" | awk -v want=" $* " '$2 ~ /^[TtWw]$/ && index(want, " " $3 " ") { print $3 }'
}
for bin in "$TEND_BIN" "${PLAIN_TEND_BIN:-}"; do
	[ -n "$bin" ] && nm "$bin" >/dev/null 2>&1 || continue
	t_eq "$(basename "$bin") is read by nm" entries_add_ex "$(defined "$bin" entries_add_ex)"
	t_eq "$(basename "$bin") has no test-only store functions" "" \
		"$(defined "$bin" entries_add entries_count moods_add triggers_add)"
done

mk() { mkdir -p "$T_TMP/$1/$(dirname "$2")"; printf '%s\n' "$3" >"$T_TMP/$1/$2"; }
mk good src/store/x.c '#include <sqlite3.h>
#include "crypto/key.h"
#include "util/buf.h"'
t_ok "allowed includes pass" "$top/scripts/check-layers" "$T_TMP/good" >/dev/null

mk sql src/core/x.c '#include <sqlite3.h>'
out=$("$top/scripts/check-layers" "$T_TMP/sql"); t_eq "sqlite3 outside store fails" 1 $?
t_match "names the file and line" 'src/core/x.c:1:' "$out"
mk curses src/views/x.c '#include <curses.h>'
t_exit "curses outside src/ui/curses_int.h fails" 1 "$top/scripts/check-layers" "$T_TMP/curses" >/dev/null
mk cursesh include/ui/term.h '#include <curses.h>'
t_exit "ui/term.h, which every view includes, may not include curses" 1 \
	"$top/scripts/check-layers" "$T_TMP/cursesh" >/dev/null
mk cursesok src/ui/curses_int.h '#include <curses.h>'
t_ok "src/ui/curses_int.h may" "$top/scripts/check-layers" "$T_TMP/cursesok" >/dev/null

# Calls between layers, read from the objects with nm: cli calling into ui
# fails even though no include says so; cli calling cmd_keys in app is the
# one allowed exception.
obj() { # obj DIR LAYER NAME SOURCE: compiles SOURCE into DIR/LAYER/NAME.o
	mkdir -p "$1/$2" && printf '%s\n' "$4" | ${CC:-cc} -x c -c -o "$1/$2/$3.o" -
}
o=$T_TMP/objs
obj "$o" ui term 'int ui_thing(void); int ui_thing(void) { return 1; }'
obj "$o" app keys 'int cmd_keys(void); int cmd_keys(void) { return 2; }'
obj "$o" cli ok 'int cmd_keys(void); int f(void); int f(void) { return cmd_keys(); }'
t_ok "objects: cli may call cmd_keys in app" "$top/scripts/check-layers" "$T_TMP/good" "$o" >/dev/null
obj "$o" cli bad 'int ui_thing(void); int g(void); int g(void) { return ui_thing(); }'
out=$("$top/scripts/check-layers" "$T_TMP/good" "$o"); t_eq "objects: cli calling ui fails" 1 $?
t_match "and names the object and the function" 'cli/bad.o: layer cli calls ui_thing, defined in ui' "$out"
mk cliui src/cli/x.c '#include "ui/term.h"'
t_exit "cli including ui fails" 1 "$top/scripts/check-layers" "$T_TMP/cliui" >/dev/null
mk sod include/store/x.h '#include <sodium.h>'
t_exit "sodium outside crypto fails (headers too)" 1 "$top/scripts/check-layers" "$T_TMP/sod" >/dev/null
mk cm src/views/x.c '  #  include <cmark.h>'
t_exit "cmark outside content fails, spacing or not" 1 "$top/scripts/check-layers" "$T_TMP/cm" >/dev/null
mk up src/util/x.c '#include "core/entry.h"'
t_exit "util including a higher layer fails" 1 "$top/scripts/check-layers" "$T_TMP/up" >/dev/null

# Nothing in the repository points outside it: not the workshop folder the
# project was written beside, its source articles (by name or file name)
# or its style guide. The pattern is built from pieces so that this file
# does not match itself.
up='\.\./''shared'; seeds='shared''/seeds'; art='seed'' articles?'; style='STYLE''\.md'
seedfile='[0-9]{3}''_[0-9a-f]{16}\.txt'
outside="$up|$seeds|$art|$style|$seedfile"
refs() { # refs DIR: each line in DIR's files that points outside it
	if git -C "$1" rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
		[ "$(git -C "$1" rev-parse --show-toplevel)" = "$(cd "$1" && pwd -P)" ]; then
		(cd "$1" && git ls-files -z | xargs -0 grep -nIiE "$outside" --)
	else
		(cd "$1" && grep -rnIiE "$outside" --exclude-dir=.git --exclude-dir=build .)
	fi
}
found=$(refs "$top")
t_eq "no file in the repository refers outside it" "" "$found"
mk refs content/learn/x.md 'source: Seed'' article 000 (see the other folder)'
mk refs README.md 'See ../'"shared"'/STY''LE.md.'
mk refs src/x.c '/* as in 000''_06c1e1366679cea4.txt */'
found=$(refs "$T_TMP/refs")
t_match "a source naming a source article is found" "content/learn/x.md:1:" "$found"
t_match "a path to the workshop folder is found" "README.md:1:" "$found"
t_match "a source article's file name is found" "src/x.c:1:" "$found"

t_done
