# What the app shell does around every screen: the help overlay (F1, and
# "?" where no text is typed) lists exactly the bound actions of the action
# table, in its order, with their keys; Ctrl-L locks to the unlock screen
# with a note (and means nothing on the unlock screen itself); Ctrl-B hides
# at once: a blank screen without a status bar or colour, and any key goes
# to the unlock screen without being typed into it; auto-lock (`autolock = 1`
# in config) locks after a quiet minute with its own quiet note, not after
# 30 seconds, and a key starts the minute again; NO_COLOR=1 takes every
# colour pair away from the home and crisis screens, which use colour
# without it; Q on the home screen (and Ctrl-Q while typing) quits with
# status 0.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_NOW=1795420800 LANG=C.UTF-8 TEND_HOME=$T_TMP/vault
PASS='shell screen passphrase'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
t_ok "a vault" test -s "$TEND_HOME/key"
printf 'region = US\n' >"$TEND_HOME/config"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

filter() {
	sed -E "s/^( +)Forgot it\? In a terminal, 'tend recover' sets a new one with\$/\1<KNOWN BUG: the \"Forgot it?\" line is cut, see unlock.sh>/"
}

# ---- help --------------------------------------------------------------------
# What the overlay must list, worked out from the action table itself: each
# action with at least one key, in the order of include/ui/action.h, with
# its keys in the order of the keymap in src/ui/action.c.
key_name() {
	case $1 in
	KEYC_CTRL*) local c=${1#KEYC_CTRL(\'}; c=${c%\')}; echo "Ctrl-${c^^}" ;;
	KEYC_ESC) echo Esc ;; KEYC_ENTER) echo Enter ;; KEYC_TAB) echo Tab ;;
	KEYC_BACKTAB) echo S-Tab ;; KEYC_BACKSPACE) echo Bksp ;; KEYC_DELETE) echo Del ;;
	KEYC_UP) echo Up ;; KEYC_DOWN) echo Down ;; KEYC_LEFT) echo Left ;; KEYC_RIGHT) echo Right ;;
	KEYC_PGUP) echo PgUp ;; KEYC_PGDN) echo PgDn ;; KEYC_HOME) echo Home ;; KEYC_END) echo End ;;
	KEYC_F*) echo "${1#KEYC_}" ;;
	"' '") echo Space ;;
	"'"?"'") local c=${1#\'}; echo "${c%\'}" ;;
	*) echo "?$1" ;;
	esac
}
declare -A keys=()
while IFS=$'\t' read -r k a; do
	n=$(key_name "$k")
	keys[$a]="${keys[$a]:+${keys[$a]} }$n"
done < <(grep -oE "\{(KEYC_[A-Z0-9_]+(\('.'\))?|'.'), ACT_[A-Z_]+, (true|false)\}" "$SRC/src/ui/action.c" |
	sed -E 's/^\{(.*), (ACT_[A-Z_]+), (true|false)\}$/\1\t\2/')
want=$(grep -oE 'X\(ACT_[A-Z_]+, "[^"]*", "[^"]*"\)' "$SRC/include/ui/action.h" |
	sed -E 's/^X\((ACT_[A-Z_]+), "[^"]*", "([^"]*)"\)$/\1\t\2/' |
	while IFS=$'\t' read -r a help; do
		[ -n "${keys[$a]:-}" ] && printf '%s|%s\n' "${keys[$a]}" "$help"
	done)
t_ok "the action table was read ($(grep -c . <<<"$want") actions with keys)" \
	test "$(grep -c . <<<"$want")" -ge 20

# At 40x120 the whole list fits. The overlay's box starts at column 15;
# keys are in columns 16-33, what they do from column 35.
cat >"$T_TMP/help" <<SCRIPT
size 40x120
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
listed() {
	t_section "$T_TMP/help.out" "$1" | sed -n '4,38p' |
		awk '{ k = substr($0, 16, 18); d = substr($0, 35, 71);
		       sub(/ +$/, "", k); sub(/ +$/, "", d); if (k != "") print k "|" d }'
}
t_eq "? lists every bound action with its keys, in table order" "$want" "$(listed "? on the home screen")"
t_eq "F1 lists the same" "$want" "$(listed "F1 on the home screen")"
t_match "Esc closes the overlay" "Welcome back" "$(t_section "$T_TMP/help.out" "Esc: home")"
t_match "q closes the overlay" "Welcome back" "$(t_section "$T_TMP/help.out" "q closes it too")"
t_nomatch "Esc: nothing of the overlay is left" "Keys" "$(t_section "$T_TMP/help.out" "Esc: home")"

# At 80x24 (known bugs, so no golden file).
cat >"$T_TMP/help80" <<SCRIPT
type $PASS
key Enter
key F1
dump help at 80x24
SCRIPT
"$SCREEN_BIN" "$T_TMP/help80" >"$T_TMP/help80.out" 2>&1
h80=$(t_section "$T_TMP/help80.out" "help at 80x24")
t_match "80x24: the overlay opens" "Keys  \(Esc closes this\)" "$h80"
# KNOWN BUG: at 80x24 the help overlay gives each description w-19 = 53
# columns and cuts it mid-word: "Lock now: the vault closes until the
# passphrase is ty", "Hide: clear the screen and scrollback at once, and lo".
t_known_bug "80x24: the lock key's description is whole" \
	t_match "80x24: the lock key's description is whole" "until the passphrase is typed" "$h80"
# KNOWN BUG: the overlay's box covers columns 3-76 only, and the screen below
# shows through around it; on the home screen that leaves single letters
# standing at column 2 - "W" and "f" from "Welcome back" and "feels right"
# (help.c help_draw fills x-1 .. x+w only; at 120 columns whole words of
# the home screen show on both sides).
t_known_bug "80x24: no stray letters left of the help box" \
	t_eq "80x24: no stray letters left of the help box" "" \
	"$(sed -n '2,23p' <<<"$h80" | cut -c1-3 | tr -d ' \n')"

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
t_screen shell-lock "$T_TMP/lock" filter
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
t_screen shell-autolock "$T_TMP/autolock" filter

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
t_match "a key starts the quiet minute again" "Welcome back" \
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

t_done
