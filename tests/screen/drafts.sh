# Nothing typed into a check-in or a trigger log is lost: each change is
# kept in the vault as a draft (encrypted), which comes back after Ctrl-L,
# auto-lock and the terminal going away; Esc on a filled form asks before
# throwing it away; a draft emptied by the person disappears; saving takes
# the draft away. Nothing typed is on disk in the clear.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800
PASS='drafts of forms'
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tend_ init >/dev/null 2>&1
run() { "$SCREEN_BIN" "$1" >"$1.out" 2>&1; }
sec() { t_section "$1.out" "$2" | tr -s ' \n' ' '; }
# Which forms have a draft waiting: each is opened in a fresh tend, and a
# form that says "is back" had one. (Drafts stay out of exports.)
drafts() {
	printf 'size 30x100\ntype %s\nkey Enter\nkey c\ndump checkin\n' "$PASS" >"$T_TMP/probe1"
	printf 'size 30x100\ntype %s\nkey Enter\nkey Down\nkey Enter\nkey Enter\ndump trigger\n' \
		"$PASS" >"$T_TMP/probe2"
	"$SCREEN_BIN" "$T_TMP/probe1" >"$T_TMP/probe1.out" 2>&1
	"$SCREEN_BIN" "$T_TMP/probe2" >"$T_TMP/probe2.out" 2>&1
	local out=
	grep -q "is back" "$T_TMP/probe1.out" && out="checkin"
	grep -q "is back" "$T_TMP/probe2.out" && out="${out:+$out }trigger"
	echo "$out"
}
moods() { tend_ export 2>/dev/null | jq -r '[.tables.moods[] | .score] | map(tostring) | join(" ")'; }

# ---- a check-in through Ctrl-L
cat >"$T_TMP/lock" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
type 4
key Tab
key Down
key Down
type 8
key Down
key Down
key Down
key Down
key Enter
type marker-checkin-tag
key Enter
key Ctrl-L
dump locked
type $PASS
key Enter
key c
dump back
SCRIPT
run "$T_TMP/lock"
t_match "Ctrl-L locks" "passphrase" "$(sec "$T_TMP/lock" locked)"
t_match "the check-in comes back after the lock" \
	"\[4\].*How strong \(0-10\) 8 of 10.*Tags marker-checkin-tag.*is back" "$(sec "$T_TMP/lock" back)"
t_eq "it is a draft, not a check-in" "checkin" "$(drafts)"
t_nomatch "and it is not in an export" "marker-checkin-tag" "$(tend_ export 2>/dev/null)"
t_eq "no check-in was saved" "" "$(moods)"

# ---- Esc asks; keeping it leaves it as a draft; the terminal going away too
cat >"$T_TMP/esc" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
key Esc
dump asked
key Enter
dump kept
key c
type 6
SCRIPT
run "$T_TMP/esc"
t_match "Esc on a filled check-in asks first" "Leave the check-in without saving it\?.*Keep it for later.*Throw it away" \
	"$(sec "$T_TMP/esc" asked)"
t_match "keeping it says where it waits" "Kept as a draft" "$(sec "$T_TMP/esc" kept)"
# The script ends with the terminal gone (end of input) after a 6 was typed.
printf 'size 30x100\ntype %s\nkey Enter\nkey c\ndump back\n' "$PASS" >"$T_TMP/eof"
run "$T_TMP/eof"
t_match "a change just before the terminal went away is kept" "\[6\].*Tags marker-checkin-tag" \
	"$(sec "$T_TMP/eof" back)"

# ---- throwing it away on purpose, and a draft emptied by the person
cat >"$T_TMP/throw" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
key Esc
key Right
key Enter
dump thrown
key c
dump fresh
type 3
key Del
key Esc
dump emptied and left
SCRIPT
run "$T_TMP/throw"
t_match "throwing it away says so" "Thrown away" "$(sec "$T_TMP/throw" thrown)"
t_match "and the next check-in starts empty" "Not chosen yet" "$(sec "$T_TMP/throw" fresh)"
t_nomatch "an emptied check-in leaves without asking" "Leave the check-in" \
	"$(sec "$T_TMP/throw" "emptied and left")"
t_eq "and leaves no draft" "" "$(drafts)"

# ---- auto-lock, and saving takes the draft away
printf 'autolock = 1\n' >"$TEND_HOME/config"
cat >"$T_TMP/auto" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
type 7
wait 61
dump auto-locked
type $PASS
key Enter
key c
dump back
key Enter
SCRIPT
run "$T_TMP/auto"
t_match "auto-lock locks the check-in" "passphrase" "$(sec "$T_TMP/auto" auto-locked)"
t_match "which comes back after it" "Chosen: 7 of 10" "$(sec "$T_TMP/auto" back)"
t_eq "saving it keeps the check-in" "7" "$(moods)"
t_eq "and the draft is gone" "" "$(drafts)"
rm -f "$TEND_HOME/config"

# ---- a trigger log through Ctrl-L, then Esc keeps it, then it is saved
cat >"$T_TMP/trigger" <<SCRIPT
size 30x100
type $PASS
key Enter
key Down
key Enter
key Enter
key Down
key Enter
type marker-trigger-what
key Enter
key Down
key Down
type 9
key Ctrl-L
type $PASS
key Enter
key Down
key Enter
key Enter
dump back
key Esc
dump asked
key Enter
key Enter
key End
key Up
key Enter
dump saved
SCRIPT
run "$T_TMP/trigger"
t_match "the trigger log comes back after the lock" \
	"What happened marker-trigger-what.*Distress then \(0-10\) 9 of 10.*is back" \
	"$(sec "$T_TMP/trigger" back)"
t_match "Esc on it asks first" "Leave the trigger log without saving\?" "$(sec "$T_TMP/trigger" asked)"
t_eq "saved, with the distress chosen" "9 marker-trigger-what" \
	"$(tend_ export 2>/dev/null | jq -r '.tables.triggers[-1] | "\(.suds_before) \(.what)"')"
t_eq "and no draft is left" "" "$(drafts)"

t_nomatch "nothing typed is on disk in the clear" "marker-" \
	"$(grep -rl marker- "$TEND_HOME" "$T_TMP"/*.db 2>/dev/null)"

t_done
