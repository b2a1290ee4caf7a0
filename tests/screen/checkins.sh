# Check-ins on screen can be read back, changed, removed and backdated: the
# check-in screen's key for earlier ones lists them newest first; Enter
# opens one to change (Esc after a change asks first); d removes one after
# asking; the When row of a new check-in takes an earlier local time.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800
PASS='check-ins read back'
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tend_ init >/dev/null 2>&1
tend_ mood 3 --tag work --at '2026-11-20 18:00' >/dev/null
tend_ mood 6 --at '2026-11-22 09:30' >/dev/null
run() { "$SCREEN_BIN" "$1" >"$1.out" 2>&1; }
sec() { t_section "$1.out" "$2" | tr -s ' \n' ' '; }
scores() { tend_ checkins | awk -F'\t' '{ printf "%s %s %s|", $1, $2, $3 }'; }

cat >"$T_TMP/list" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
key v
dump earlier check-ins
key Enter
dump the newest, to change
type 9
key Esc
dump leaving a change asks
key Enter
key Down
key Down
key Down
key Down
key Down
key Down
key Down
key Down
key Down
key Down
key Enter
dump changed
key Down
key d
dump remove asks
key Right
key Enter
dump removed
SCRIPT
run "$T_TMP/list"
t_match "the earlier check-ins, newest first" \
	"Earlier check-ins 22 November 2026 09:30 6 of 10 20 November 2026 18:00 3 of 10 tags: work" \
	"$(sec "$T_TMP/list" "earlier check-ins")"
t_match "one opens with what it holds, its time in When" "\[6\].*When 2026-11-22 09:30" \
	"$(sec "$T_TMP/list" "the newest, to change")"
t_match "leaving after a change asks first" "Leave without saving the changes\?" \
	"$(sec "$T_TMP/list" "leaving a change asks")"
t_match "the change shows in the list" "22 November 2026 09:30 9 of 10" "$(sec "$T_TMP/list" changed)"
t_match "removing asks first" "Remove this check-in\?" "$(sec "$T_TMP/list" "remove asks")"
t_eq "changed and removed in the vault, the time kept" "2 2026-11-22 09:30 9|" "$(scores)"

# A new check-in from earlier: the When row.
cat >"$T_TMP/when" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
type 4
key Tab
key End
key Up
key Enter
dump when asks
type 2026-11-21 07:45
key Enter
key Down
key Enter
SCRIPT
run "$T_TMP/when"
t_match "the When dialog says what to type before anything is typed" \
	"When was it\?.*The local date and time, like 2026-11-23 08:10; empty for now\." \
	"$(sec "$T_TMP/when" "when asks")"
t_eq "the check-in is stored at that time" "2 2026-11-22 09:30 9|3 2026-11-21 07:45 4|" "$(scores)"

# A check-in made from the write screen (F2) is linked to the entry: the
# check-in screen hands its id back to the write screen when it closes,
# and the entry is saved with it.
cat >"$T_TMP/link" <<SCRIPT
size 30x100
type $PASS
key Enter
key w
type Linked day
key F2
dump a check-in for the entry
key Right
key Right
key Enter
dump back in the entry
key Ctrl-S
SCRIPT
run "$T_TMP/link"
t_match "from the write screen: the check-in says it will be linked" \
	"Checked in; the entry will be linked to it\." "$(sec "$T_TMP/link" "back in the entry")"
t_match "from the write screen: the entry shows the link" "check-in linked" \
	"$(sec "$T_TMP/link" "back in the entry")"
newest=$(tend_ checkins | awk -F'\t' 'NR == 1 { print $1 }')
t_ok "the new check-in is there" test -n "$newest"
t_eq "the entry is saved linked to the new check-in" "$newest" \
	"$(tend_ export --format json -o - | grep '"title": "Linked day"' |
		grep -o '"mood_id": [0-9]*' | grep -o '[0-9]*$')"

# In the list of feelings, Space ticks the word under the cursor as Enter
# does for a finer word (it paged down before), a main word too, whose
# finer words Enter opens.
cat >"$T_TMP/space" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
key Tab
key Enter
key Space
dump a main word ticked
key Down
key Enter
key Down
key Space
key Esc
key Esc
dump back in the check-in
SCRIPT
run "$T_TMP/space"
t_match "Space ticks the main word under the cursor" "Chosen: glad \\[x\\] glad" \
	"$(sec "$T_TMP/space" "a main word ticked")"
t_match "and a finer word; both are the check-in's feelings" "Feelings +glad, peaceful" \
	"$(sec "$T_TMP/space" "back in the check-in")"

t_done
