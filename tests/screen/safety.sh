# The safety plan screen: a line of guidance under each part (making the
# surroundings safer among them); "People I can ask for help" offers the
# support map's people, asking first (nothing is added by itself); the
# copy readable before unlocking is off by default (no file), and when the
# person turns it on, the crisis screen reached from the unlock screen
# shows it.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800 LANG=C.UTF-8
PASS='safety plan screens'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
COPY=$TEND_HOME/safety-plan-readable.txt
sec() { t_section "$O" "$1"; }

printf 'size 40x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
# Keys from the home screen to the support map (as tests/screen/exercises.sh).
to_support() {
	t_downs "$T_TMP/home.out" "The healing path"
	echo "key Enter"
	for ((i = 0; i < 9; i++)); do echo "key Down"; done
	echo "key Enter"
	echo "key Down"
	echo "key Down"
	echo "key Enter"
}

# Guidance under every part; writing a part keeps no readable copy.
cat >"$T_TMP/guide" <<SCRIPT
size 100x60
type $PASS
key Enter
key Ctrl-G
key p
dump the plan
key Enter
type marker-sign pulling away
key Enter
dump written
SCRIPT
"$SCREEN_BIN" "$T_TMP/guide" >"$T_TMP/guide.out" 2>&1
O=$T_TMP/guide.out
plan=$(sec "the plan" | tr -s ' \n' ' ')
t_match "guidance under the warning signs" "My warning signs .*tell you a hard time may be starting" "$plan"
t_match "guidance under coping alone" "Things I can do on my own .*without calling anyone" "$plan"
t_match "a step on making the surroundings safer (means safety)" \
	"Making my surroundings safer .*time and distance between you and anything you might use to hurt yourself" "$plan"
t_match "guidance under reasons" "My reasons to keep going .*A reason can be small" "$plan"
t_match "the part is written" "marker-sign pulling away" "$(sec written)"
t_ok "the readable copy is off by default: no file" test ! -e "$COPY"
t_eq "and no other new file in the vault folder" "" \
	"$(ls "$TEND_HOME" | grep -v -x -e key -e key.bak -e lock -e 'tend\.db' -e 'tend\.db-journal' -e 'tend\.db-wal' -e 'tend\.db-shm')"

# The support map's people, offered on "People I can ask for help".
cat >"$T_TMP/support" <<SCRIPT
size 40x100
type $PASS
key Enter
$(to_support)
key Enter
type Sam marker-support
key Tab
type listens
key Tab
type text after six
key Enter
dump map
key Ctrl-G
key p
key Down
key Down
key Down
key Enter
dump asked
key Esc
dump closed
SCRIPT
"$SCREEN_BIN" "$T_TMP/support" >"$T_TMP/support.out" 2>&1
O=$T_TMP/support.out
t_match "the support map has Sam" "Sam marker-support" "$(sec map)"
t_match "writing the people to ask for help asks first" \
	"Add people from your support map\?.*Sam marker-support" "$(sec asked | tr -s ' \n' ' ')"
t_nomatch "nothing is added by itself" "marker-support" "$(tend_ safety-plan)"

cat >"$T_TMP/fill" <<SCRIPT
size 40x100
type $PASS
key Enter
key Ctrl-G
key p
key Down
key Down
key Down
key Enter
key Enter
dump filled
key Enter
dump saved
key Enter
dump asked again
SCRIPT
"$SCREEN_BIN" "$T_TMP/fill" >"$T_TMP/fill.out" 2>&1
O=$T_TMP/fill.out
t_match "yes puts the name and how to reach them in the field" "Sam marker-support \(text after six\)" \
	"$(sec filled | tr -s ' \n' ' ')"
t_match "saved in the plan" "Sam marker-support \(text after six\)" "$(tend_ safety-plan)"
t_nomatch "someone already named is not offered again" "Add people from your support map" \
	"$(sec "asked again")"

# The readable copy: on with the parts chosen, shown from the unlock screen.
out=$(tend_ safety-plan --copy 1,6)
t_match "turning the copy on says it is not encrypted" "NOT encrypted" "$out"
t_ok "the copy is a file in the vault folder" test -f "$COPY"
t_eq "readable by its owner only" 600 "$(stat -c %a "$COPY")"
t_match "it holds the parts chosen" "marker-sign pulling away" "$(cat "$COPY")"
t_nomatch "and not the others" "marker-support" "$(cat "$COPY")"
cat >"$T_TMP/locked" <<SCRIPT
size 100x60
key Ctrl-G
dump crisis from the unlock screen
SCRIPT
"$SCREEN_BIN" "$T_TMP/locked" >"$T_TMP/locked.out" 2>&1
O=$T_TMP/locked.out
t_match "the unlock screen's crisis page shows the copy" \
	"Your safety plan \(the copy you keep readable\).*marker-sign pulling away" \
	"$(sec "crisis from the unlock screen" | tr -s ' \n' ' ')"
tend_ safety-plan --copy off >/dev/null
t_ok "turning it off removes the file" test ! -e "$COPY"
"$SCREEN_BIN" "$T_TMP/locked" >"$T_TMP/locked.out" 2>&1
t_nomatch "and the crisis page no longer shows it" "marker-sign" \
	"$(sec "crisis from the unlock screen")"

t_done
