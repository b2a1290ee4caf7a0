# Every 0-10 question on screen records only what the person chose: it
# starts with nothing chosen, digits pick ("1" then "0" is 10), Left and
# Right move only the scale that has focus, and Enter with nothing chosen
# keeps no number. The numbers are read back through `tend export`.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800
PASS='scales on screen'
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tend_ init >/dev/null 2>&1
# The check-ins' scores, oldest first, on one line.
moods() { tend_ export 2>/dev/null | jq -r '[.tables.moods[] | .score] | map(tostring) | join(" ")'; }
run() { "$SCREEN_BIN" "$1" >"$1.out" 2>&1; }
sec() { t_section "$1.out" "$2"; }

# A digit picks the mood: c, 2, Enter saves a 2 (it saved a 5).
printf 'size 30x100\ntype %s\nkey Enter\nkey c\ntype 2\nkey Enter\n' "$PASS" >"$T_TMP/two"
run "$T_TMP/two"
t_eq "c, 2, Enter saves a check-in of 2" "2" "$(moods)"

# 1 then 0 is 10; a 0 typed a while after a 1 is a 0.
cat >"$T_TMP/ten" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
dump nothing chosen
type 1
type 0
dump ten
key Enter
key c
type 1
wait 3
type 0
key Enter
SCRIPT
run "$T_TMP/ten"
t_match "the check-in starts with nothing chosen" "Not chosen yet" "$(sec "$T_TMP/ten" "nothing chosen")"
t_nomatch "and no number marked" "\[[0-9]+\]" "$(sec "$T_TMP/ten" "nothing chosen")"
t_match "the choice shows in words" "Chosen: 10 of 10" "$(sec "$T_TMP/ten" ten)"
t_match "the hint says how to type it" "Type 0 to 10 \(10 is 1 then 0\)" "$(sec "$T_TMP/ten" ten)"
t_eq "1 then 0 is 10; 1, a pause, then 0 is 0" "2 10 0" "$(moods)"

# Enter with nothing chosen saves nothing and says how to choose.
cat >"$T_TMP/none" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
key Enter
dump asked
key Esc
SCRIPT
run "$T_TMP/none"
t_match "Enter with no mood chosen asks for one" "How are you, from 0 to 10\?" "$(sec "$T_TMP/none" asked)"
t_eq "and nothing is saved" "2 10 0" "$(moods)"

# In the details, Left and Right move only the row that has focus: on
# Feelings they leave the mood alone; on How strong they move that.
cat >"$T_TMP/focus" <<SCRIPT
size 30x100
type $PASS
key Enter
key c
type 6
key Tab
key Right
key Right
key Left
dump details, feelings focused
key Down
key Down
type 7
dump strength 7
key Down
key Right
key Down
key End
key Enter
SCRIPT
run "$T_TMP/focus"
t_match "Right on another row leaves the mood as chosen" "Chosen: 6 of 10" \
	"$(sec "$T_TMP/focus" "details, feelings focused")"
t_match "How strong explains itself" "How strong the feelings are: 0 barely there" \
	"$(sec "$T_TMP/focus" "strength 7" | tr -s ' \n' ' ')"
t_eq "mood, strength and energy as chosen" "6 7 5" \
	"$(tend_ export 2>/dev/null | jq -r '.tables.moods[-1] | "\(.score) \(.intensity) \(.energy)"')"

# Paced breathing: distress typed before, nothing chosen after and Enter:
# the first is kept, the second is not (it saved a 5 each time).
cat >"$T_TMP/breathe" <<SCRIPT
size 30x100
type $PASS
key Enter
key Ctrl-G
key B
key Enter
dump before
type 8
key Enter
wait 5
key Esc
key Enter
SCRIPT
run "$T_TMP/breathe"
t_match "breathing asks distress with nothing chosen" "Not chosen yet" "$(sec "$T_TMP/breathe" before)"
t_eq "breathing keeps the 8 typed and no number after" "8 null" \
	"$(tend_ export 2>/dev/null | jq -r '.tables.exercise_sessions[-1] | "\(.suds_before) \(.suds_after)"')"

# The trigger log: Enter on "Distress then" with nothing chosen goes on
# to the next row, and the log saves with its words and no numbers.
cat >"$T_TMP/trigger" <<SCRIPT
size 30x100
type $PASS
key Enter
key Down
key Enter
key Enter
key Down
key Enter
type marker-cup-broke
key Enter
key Down
key Down
dump on distress
key Enter
dump after enter
key End
key Up
key Enter
dump saved
SCRIPT
run "$T_TMP/trigger"
t_match "the trigger log's distress starts with nothing chosen" "Distress then \(0-10\) +not chosen yet" \
	"$(sec "$T_TMP/trigger" "on distress")"
t_match "Enter there with nothing chosen goes on to the next row" "What you noticed in your body" \
	"$(sec "$T_TMP/trigger" "after enter")"
t_eq "the log is saved with no distress or help number" "marker-cup-broke null null null 1" \
	"$(tend_ export 2>/dev/null |
		jq -r '.tables.triggers[-1] | "\(.what) \(.suds_before) \(.suds_after) \(.helped) \(.finished)"')"

t_done
