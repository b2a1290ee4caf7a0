# What the app shell does around every screen: the help overlay (F1, and
# "?" where no text is typed) lists what each bound action of the action
# table does, in the table's order, with the keys of the shared ones;
# Ctrl-L locks to the unlock screen with a note (and means nothing on the
# unlock screen itself); Ctrl-B hides at once: a blank screen without a
# status bar or colour, and any key goes to the unlock screen without being
# typed into it; auto-lock (`autolock = 1` in config) locks after a quiet
# minute with its own quiet note, not after 30 seconds, and a key starts
# the minute again; NO_COLOR=1 takes every colour pair away from the home
# and crisis screens, which use colour without it; Q on the home screen
# (and Ctrl-Q while typing) quits with status 0; home scrolled down in a
# small window shows every item again when the window grows.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_NOW=1795420800 LANG=C.UTF-8 TEND_HOME=$T_TMP/vault
PASS='shell screen passphrase'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
t_ok "a vault" test -s "$TEND_HOME/key"
printf 'region = US\n' >"$TEND_HOME/config"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

# ---- help --------------------------------------------------------------------
# The overlay lists the keys of the screen below ("On this screen", from its
# status-bar hints), then the keys that work everywhere, then moving keys;
# each key and description comes from the action table (src/ui/action.c,
# include/ui/action.h), so the check reads them from there too.
help_of() { grep -oE "X\($1, \"[^\"]*\", \"[^\"]*\"\)" "$SRC/include/ui/action.h" | sed -E 's/.*, "([^"]*)"\)$/\1/'; }
cat >"$T_TMP/help" <<SCRIPT
size 60x120
type $PASS
key Enter
key ?
dump ? on the home screen
key Esc
dump Esc: home
key F1
dump F1 on the home screen
key q
dump q closes it too
SCRIPT
"$SCREEN_BIN" "$T_TMP/help" >"$T_TMP/help.out" 2>"$T_TMP/help.err"
t_eq "help: the run ends with status 0" 0 $?
for how in "?" F1; do
	h=$(t_section "$T_TMP/help.out" "$how on the home screen")
	t_match "$how: the overlay is titled Keys" "^  Keys" "$h"
	t_match "$how: the home screen's own keys come first" \
		"On this screen.*Enter: open.*w: write.*Everywhere" "$(tr '\n' ' ' <<<"$h")"
	for a in ACT_CRISIS ACT_HELP ACT_BACK ACT_LOCK ACT_HIDE ACT_QUIT; do
		t_match "$how: $a is described as in the action table" "$(help_of $a | sed "s/[()].*//" | cut -c1-25)" "$h"
	done
	t_match "$how: the crisis keys are listed" "Ctrl-G !: Crisis help" "$h"
	t_match "$how: moving keys follow on a screen without typing" "Moving" "$h"
done
t_match "Esc closes the overlay" "Welcome( back)?\. There is nothing" "$(t_section "$T_TMP/help.out" "Esc: home")"
t_match "q closes the overlay" "Welcome( back)?\. There is nothing" "$(t_section "$T_TMP/help.out" "q closes it too")"
t_nomatch "Esc: nothing of the overlay is left" "Keys" "$(t_section "$T_TMP/help.out" "Esc: home")"

# At 80x24 descriptions wrap instead of being cut, and the overlay covers the
# whole screen so nothing of the screen below shows beside it.
cat >"$T_TMP/help80" <<SCRIPT
type $PASS
key Enter
key F1
key PgDn
dump help at 80x24
SCRIPT
"$SCREEN_BIN" "$T_TMP/help80" >"$T_TMP/help80.out" 2>&1
h80=$(t_section "$T_TMP/help80.out" "help at 80x24")
t_match "80x24: the overlay opens" "Keys" "$h80"
t_match "80x24: the lock key's description is whole" "passphrase is typed" "$(tr '\n' ' ' <<<"$h80" | tr -s ' ')"
t_nomatch "80x24: nothing of the home screen shows through" "Welcome|feels right" "$h80"

# ---- lock and hide -------------------------------------------------------------
cat >"$T_TMP/lock" <<SCRIPT
type half
key Ctrl-L
dump Ctrl-L on the unlock screen: nothing happens, the typed part stays
key Ctrl-U
type $PASS
key Enter
key Enter
key Ctrl-L
dump Ctrl-L in the Learn list: locked, with the note
type $PASS
key Enter
dump unlocked again: the home screen
key Ctrl-B
dump Ctrl-B: a blank screen, no status bar
colors
key x
dump any key: the unlock screen, and the key is not typed
type $PASS
key Enter
dump unlocked again after hiding
key Ctrl-B
key Enter
dump Enter on the hidden screen: the unlock screen, no empty-passphrase message
SCRIPT
t_screen shell-lock "$T_TMP/lock"
raw=$T_TMP/shell-lock.raw
t_eq "hidden: every cell is blank" "" "$(t_section "$raw" "Ctrl-B: a blank screen, no status bar" | tr -d ' \n')"
t_eq "hidden: no colour anywhere" "" \
	"$(awk '/^--- colors/{on=1; next} /^--- /{on=0} on' "$raw" | tr -d '.\n')"

# ---- auto-lock -----------------------------------------------------------------
printf 'region = US\nautolock = 1\n' >"$TEND_HOME/config"
cat >"$T_TMP/autolock" <<SCRIPT
type $PASS
key Enter
wait 30
dump 30 quiet seconds: still open
wait 31
dump a quiet minute: locked, with the quiet note
SCRIPT
t_screen shell-autolock "$T_TMP/autolock"

cat >"$T_TMP/autolock2" <<SCRIPT
type $PASS
key Enter
wait 61
dump locked
SCRIPT
"$SCREEN_BIN" "$T_TMP/autolock2" >"$T_TMP/autolock2.out" 2>&1
t_eq "wait 61 straight after unlocking locks, with the quiet note" \
	" Ctrl-G  crisis help  Locked after a quiet while. Your writing is saved." \
	"$(t_section "$T_TMP/autolock2.out" locked | tail -n 1)"

cat >"$T_TMP/autolock3" <<SCRIPT
type $PASS
key Enter
wait 50
key Down
wait 50
dump 100 seconds open, a key after 50: still open
wait 11
dump a full quiet minute after the key: locked
wait 120
dump more time while locked changes nothing
SCRIPT
"$SCREEN_BIN" "$T_TMP/autolock3" >"$T_TMP/autolock3.out" 2>&1
t_match "a key starts the quiet minute again" "Welcome( back)?\. There is nothing" \
	"$(t_section "$T_TMP/autolock3.out" "100 seconds open, a key after 50: still open")"
t_match "... and a full quiet minute after it locks" "Locked after a quiet while" \
	"$(t_section "$T_TMP/autolock3.out" "a full quiet minute after the key: locked")"
t_match "locked: time passing shows the unlock screen still" "Your journal is locked" \
	"$(t_section "$T_TMP/autolock3.out" "more time while locked changes nothing")"
printf 'region = US\n' >"$TEND_HOME/config"

# ---- NO_COLOR --------------------------------------------------------------------
cat >"$T_TMP/colors" <<SCRIPT
type $PASS
key Enter
dump home
colors
key Ctrl-G
dump crisis
colors
SCRIPT
"$SCREEN_BIN" "$T_TMP/colors" >"$T_TMP/color.out" 2>&1
NO_COLOR=1 "$SCREEN_BIN" "$T_TMP/colors" >"$T_TMP/nocolor.out" 2>&1
# The colour dump that follows the text dump LABEL.
colours() { awk -v want="--- $2" '$0 == want {s = 1; next} s == 1 && /^--- colors/ {s = 2; next}
	s == 2 && /^--- / {exit} s == 2' "$1"; }
for s in home crisis; do
	t_eq "NO_COLOR=1: the $s screen has no colour pair" "" "$(colours "$T_TMP/nocolor.out" $s | tr -d '.\n')"
	t_ok "without NO_COLOR: the $s screen uses colour" \
		test -n "$(colours "$T_TMP/color.out" $s | tr -d '.\n')"
	t_eq "NO_COLOR=1: the $s screen's text is the same" \
		"$(t_section "$T_TMP/color.out" $s)" "$(t_section "$T_TMP/nocolor.out" $s)"
done
t_ok "without NO_COLOR: the crisis key in the status bar is coloured" \
	test -n "$(colours "$T_TMP/color.out" crisis | tail -n 1 | cut -c1-8 | tr -d '.')"

# ---- quitting ------------------------------------------------------------------
printf 'type %s\nkey Enter\nkey Q\ndump not reached\n' "$PASS" >"$T_TMP/quit"
"$SCREEN_BIN" "$T_TMP/quit" >"$T_TMP/quit.out" 2>&1
t_eq "Q on the home screen quits with status 0" 0 $?
t_eq "Q: nothing drawn after it" "" "$(cat "$T_TMP/quit.out")"
printf 'type half\nkey Ctrl-Q\ndump not reached\n' >"$T_TMP/quit2"
"$SCREEN_BIN" "$T_TMP/quit2" >"$T_TMP/quit2.out" 2>&1
t_eq "Ctrl-Q while typing quits with status 0" 0 $?
t_eq "Ctrl-Q: nothing drawn after it" "" "$(cat "$T_TMP/quit2.out")"
t_ok "the vault is whole after all that" "$TEND_BIN" --passphrase-fd 3 verify 3<<<"$PASS"

# ---- a settings file with a mistake ------------------------------------------
# tend still starts, says which line it could not use, and keeps the default.
cp "$TEND_HOME/config" "$T_TMP/config.saved" 2>/dev/null
printf 'autolock = soon\nregion = GB\n' >"$TEND_HOME/config"
printf 'dump start with a bad settings line\n' >"$T_TMP/badcfg"
"$SCREEN_BIN" "$T_TMP/badcfg" >"$T_TMP/badcfg.out" 2>&1
t_eq "a bad settings line: tend still starts" 0 $?
t_match "the status bar names the line and the value" "config line 1: .*soon.*default" \
	"$(t_section "$T_TMP/badcfg.out" "start with a bad settings line")"
if [ -f "$T_TMP/config.saved" ]; then cp "$T_TMP/config.saved" "$TEND_HOME/config"; else rm -f "$TEND_HOME/config"; fi

# ---- the home screen when the window grows ---------------------------------------
# Was a bug: scrolled down to Quit in a small window, then made tall enough
# for every item, home kept its scroll and showed only the last items with
# empty rows below; now the first items come back.
{
	printf 'size 18x60\ntype %s\nkey Enter\nkey End\ndump home at 18x60, at the end\n' "$PASS"
	printf 'resize 60x100\ndump home grown to 60x100\nkey Up\ndump and Up\n'
} >"$T_TMP/grow"
"$SCREEN_BIN" "$T_TMP/grow" >"$T_TMP/grow.out" 2>&1
small=$(t_section "$T_TMP/grow.out" "home at 18x60, at the end")
t_match "home at 18x60 scrolls to Quit" $'\n    Quit\n' "$small"
t_nomatch "so Check in is out of view" $'\n    Check in\n' "$small"
grown=$(t_section "$T_TMP/grow.out" "home grown to 60x100")
t_match "grown to 60x100, Check in is back at the top" $'^  tend\n.*\n\n    Check in\n' "$grown"
t_match "and Quit is still there" $'\n    Quit\n' "$grown"
t_match "Up after growing keeps every item in view" $'\n    Check in\n' \
	"$(t_section "$T_TMP/grow.out" "and Up")"

t_done
