# Check-ins, trigger logs, the toolbox, insights and the healing path on
# screen: the quick check-in is a number and Enter; the details are
# optional; a trigger log can be left to finish later; insights say how
# much data each figure rests on; path statuses are kept in the vault.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800
PASS='tracking screens'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1

# The home items, found by name so the scripts do not depend on their order.
printf 'size 60x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
downs() { t_downs "$T_TMP/home.out" "$1"; }

cat >"$T_TMP/checkin" <<SCRIPT
type $PASS
key Enter
key c
dump the quick check-in
key Right
key Right
key Enter
dump saved with one key
key c
type 3
key Tab
dump the details, all optional
key Enter
key Down
key Down
key Enter
key Down
key Enter
dump feelings: sad, then lonely
key Esc
key Esc
key Down
key Enter
key End
key Enter
dump saved with details
SCRIPT
t_screen tracking-checkin "$T_TMP/checkin"
t_match "two check-ins were saved" "Checked in" "$(t_section "$T_TMP/tracking-checkin.raw" "saved with details")"
t_match "the feeling chosen shows as chosen" "Chosen: sad/lonely" \
	"$(t_section "$T_TMP/tracking-checkin.raw" "feelings: sad, then lonely")"

cat >"$T_TMP/trigger" <<SCRIPT
type $PASS
key Enter
$(downs "Log a trigger")
key Enter
key Enter
dump a new trigger log
key Down
key Enter
type a door slammed
key Enter
key Down
key Down
type 8
key Down
key End
key Enter
dump saved to finish later
key Esc
key Down
key Down
key Enter
dump the kinds of trigger
key e
type work
key Enter
dump a kind of my own
key Esc
key Down
key Down
key Down
key Enter
dump the log left to finish
key Up
key Enter
key Enter
key Esc
key Down
type 3
key Down
type 1
type 0
key Down
key Enter
dump finished
key Down
key Enter
dump the toolbox
SCRIPT
t_screen tracking-trigger "$T_TMP/trigger"
t_match "a log can be kept to finish later" "Finish: .* a door slammed" \
	"$(t_section "$T_TMP/tracking-trigger.raw" "saved to finish later")"
t_match "a kind of trigger of your own joins the list" "    other
    work" \
	"$(t_section "$T_TMP/tracking-trigger.raw" "a kind of my own")"
t_nomatch "a finished log leaves the to-finish list" "Finish:" \
	"$(t_section "$T_TMP/tracking-trigger.raw" "finished")"
t_match "the toolbox says how often a tool was used" "used 1 time" \
	"$(t_section "$T_TMP/tracking-trigger.raw" "the toolbox")"
# The numbers stored are the ones chosen: 8 typed for then, 3 for now and
# "1" "0" for how much it helped.
t_eq "the distress and help chosen are the ones stored" "8 3 10" \
	"$("$TEND_BIN" --passphrase-fd 3 export 3<<<"$PASS" 2>/dev/null |
		jq -r '.tables.triggers[0] | "\(.suds_before) \(.suds_after) \(.helped)"')"

cat >"$T_TMP/insights" <<SCRIPT
type $PASS
key Enter
$(downs Insights)
key Enter
dump mood this week
key Tab
key Tab
dump triggers
key Tab
dump what helps
key Tab
dump patterns
SCRIPT
t_screen tracking-insights "$T_TMP/insights"
t_match "too little data is said plainly" "too few to say anything" \
	"$(t_section "$T_TMP/tracking-insights.raw" "mood this week")"
t_match "a link needs ten points" "too few, or too alike, to tell" \
	"$(t_section "$T_TMP/tracking-insights.raw" "patterns")"

# Each chart at 60 and 120 columns with a month of data, and in monochrome.
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS" >/dev/null 2>&1; }
for d in $(seq 1 30); do
	TEND_NOW=$((1795420800 - d * 86400)) pw mood $(((d * 7) % 11)) --tag $([ $((d % 3)) = 0 ] && echo work || echo rest)
done
for d in 1 2 3 4; do
	printf '3\nloud\n\n7\n1\n3\n6\n' | TEND_NOW=$((1795420800 - d * 30000)) pw trigger
done
for size in 24x60 30x120; do
	cat >"$T_TMP/charts-$size" <<SCRIPT
size $size
type $PASS
key Enter
$(downs Insights)
key Enter
key Right
dump mood this month
key Right
dump mood this year
key Tab
dump the year
key Tab
dump triggers
key Tab
dump what helps
key Tab
dump patterns
SCRIPT
	t_screen "tracking-charts-$size" "$T_TMP/charts-$size"
done
t_match "60 columns: a month of bars with its n" "[0-9]+ check-ins; the average" \
	"$(t_section "$T_TMP/tracking-charts-24x60.raw" "mood this month")"
t_match "120 columns: the coping tool and its n" "Slow breathing.*n=[0-9]+" \
	"$(t_section "$T_TMP/tracking-charts-30x120.raw" "what helps")"
t_match "tags with enough data have a mean" "work .*n=10" \
	"$(t_section "$T_TMP/tracking-charts-30x120.raw" "patterns")"
# The year view reads as a calendar, not a score: a legend for the shades,
# and the count of days with a check-in only when asked for (Enter), a
# choice kept in the vault.
cat >"$T_TMP/count" <<SCRIPT
size 30x120
type $PASS
key Enter
$(downs Insights)
key Enter
key Tab
dump the year, count hidden
key Enter
dump the count shown
key Esc
key Enter
key Tab
dump the count still shown
key Enter
dump hidden again
SCRIPT
"$SCREEN_BIN" "$T_TMP/count" >"$T_TMP/count.out" 2>&1
t_match "the year has a legend for its shades" "no check-in.*mood 0 to 3.*4 to 6.*7 to 10" \
	"$(t_section "$T_TMP/count.out" "the year, count hidden")"
t_nomatch "no shade is called better" "better" "$(t_section "$T_TMP/count.out" "the year, count hidden")"
t_nomatch "the count is hidden at first" "[0-9]+ days? with|check-in: [0-9]" \
	"$(t_section "$T_TMP/count.out" "the year, count hidden")"
t_match "Enter shows the count" "Days in [0-9]+ with a check-in: 31 " \
	"$(t_section "$T_TMP/count.out" "the count shown")"
t_match "the choice is kept" "with a check-in: 31 " "$(t_section "$T_TMP/count.out" "the count still shown")"
t_nomatch "and Enter hides it again" "[0-9]+ days? with|check-in: [0-9]" "$(t_section "$T_TMP/count.out" "hidden again")"
printf 'size 30x120\ntype %s\nkey Enter\n%s\nkey Enter\nkey Right\ncolors\nkey Tab\nkey Tab\ncolors\n' \
	"$PASS" "$(downs Insights)" >"$T_TMP/mono"
NO_COLOR=1 "$SCREEN_BIN" "$T_TMP/mono" >"$T_TMP/mono.out" 2>&1
t_eq "NO_COLOR: the charts use no colour at all" "" "$(grep -v '^---' "$T_TMP/mono.out" | tr -d '.\n')"
"$SCREEN_BIN" "$T_TMP/mono" >"$T_TMP/color.out" 2>&1
t_nomatch "without NO_COLOR the charts are coloured" "^$" "$(grep -v '^---' "$T_TMP/color.out" | tr -d '.\n')"

# The safety plan: one key from the crisis screen; its parts are kept.
cat >"$T_TMP/safety" <<SCRIPT
type $PASS
key Enter
key Ctrl-G
key p
key Enter
type Not sleeping, pulling away
key Enter
dump the safety plan
SCRIPT
"$SCREEN_BIN" "$T_TMP/safety" >"$T_TMP/safety.out" 2>&1
t_match "the safety plan opens from the crisis screen" "My safety plan" "$(t_section "$T_TMP/safety.out" "the safety plan")"
t_match "a part written there is kept in the vault" "Not sleeping, pulling away" \
	"$("$TEND_BIN" --passphrase-fd 3 safety-plan 3<<<"$PASS")"

# Paced breathing: from the crisis screen, with a fake clock; it can be
# paused and left, and the distress numbers feed "what helps".
cat >"$T_TMP/breathe" <<SCRIPT
type $PASS
key Enter
key Ctrl-G
key B
dump breathing: choose a pace
key Enter
key Right
key Right
key Enter
wait 2
dump breathing in, two seconds along
key Enter
wait 30
dump paused, the clock does not move it
key Enter
wait 3
dump going on
key Esc
key Left
key Left
key Left
key Left
key Enter
key Esc
$(downs Insights)
key Enter
key Tab
key Tab
key Tab
dump what helps
SCRIPT
t_screen tracking-breathe "$T_TMP/breathe"
B=$T_TMP/tracking-breathe.raw
t_match "breathing opens from the crisis screen" "Paced breathing" "$(t_section "$B" "breathing: choose a pace")"
t_match "the pace is shown with the seconds left" "Breathe in  [0-9]" \
	"$(t_section "$B" "breathing in, two seconds along")"
t_match "a pause holds still however long it lasts" "Paused\. Breathe in  [0-9]" \
	"$(t_section "$B" "paused, the clock does not move it")"
t_nomatch "going on clears the pause" "Paused" "$(t_section "$B" "going on")"
t_match "the session and its drop in distress feed what helps" "Paced breathing" \
	"$(t_section "$B" "what helps")"

# The pace can be made slower; the choice is remembered in the vault.
printf 'type %s\nkey Enter\nkey Ctrl-G\nkey B\nkey Down\nkey Right\nkey Right\ndump slower\nkey Enter\nkey Tab\nwait 4.5\ndump running slower\nkey Esc\nkey Tab\nkey B\ndump remembered\n' "$PASS" >"$T_TMP/pace"
"$SCREEN_BIN" "$T_TMP/pace" >"$T_TMP/pace.out" 2>&1
t_match "a breath's length is shown" "One breath takes 22\.8 s \(120% of the usual\)" \
	"$(t_section "$T_TMP/pace.out" slower)"
t_match "the slower pace is used (4-7-8 at 120%: in for 4.8 s)" "Breathe in  [0-9]" \
	"$(t_section "$T_TMP/pace.out" "running slower")"
t_match "and remembered next time" "120% of the usual" "$(t_section "$T_TMP/pace.out" remembered)"

# Before unlocking, breathing still works; nothing is kept.
printf 'key Ctrl-G\nkey B\nkey Enter\nkey Tab\nwait 1\ndump locked, breathing\nkey Esc\nkey Tab\ndump back on the crisis screen\n' >"$T_TMP/breathe-locked"
"$SCREEN_BIN" "$T_TMP/breathe-locked" >"$T_TMP/breathe-locked.out" 2>&1
t_match "breathing works before unlocking" "Breathe in" "$(t_section "$T_TMP/breathe-locked.out" "locked, breathing")"
t_match "leaving it goes back to the crisis screen" "Crisis help" \
	"$(t_section "$T_TMP/breathe-locked.out" "back on the crisis screen")"

cat >"$T_TMP/path" <<SCRIPT
type $PASS
key Enter
$(downs "The healing path")
key Enter
dump the path by phase
key Enter
key Down
key Enter
dump a module, status exploring
key Down
key Down
key Down
key Enter
dump writing to a module's prompt
SCRIPT
t_screen tracking-path "$T_TMP/path"
t_match "statuses are the person's own words, not scores" "exploring" \
	"$(t_section "$T_TMP/tracking-path.raw" "a module, status exploring")"
printf 'type %s\nkey Enter\n%s\nkey Enter\ndump again\n' "$PASS" "$(downs "The healing path")" >"$T_TMP/path2"
"$SCREEN_BIN" "$T_TMP/path2" >"$T_TMP/path2.out" 2>&1
t_match "the status is kept in the vault" "Talking with a therapist +exploring" \
	"$(t_section "$T_TMP/path2.out" again)"

# A module whose page names exercises offers them: Mindfulness has
# grounding and paced breathing, and choosing one opens it.
cat >"$T_TMP/path-try" <<SCRIPT
type $PASS
key Enter
$(downs "The healing path")
key Enter
key Down
key Enter
dump mindfulness offers breathing
key Down
key Down
key Down
key Enter
dump its exercise opens
SCRIPT
"$SCREEN_BIN" "$T_TMP/path-try" >"$T_TMP/path-try.out" 2>&1
t_match "a module lists the exercises its page names" "Try: 5-4-3-2-1 grounding.*Try: Paced breathing" \
	"$(t_section "$T_TMP/path-try.out" "mindfulness offers breathing" | tr -s ' \n' ' ')"
t_match "choosing it opens the exercise" "Box 4-4-4-4" "$(t_section "$T_TMP/path-try.out" "its exercise opens")"

# The kind of trigger is picked from the list of kinds (Enter used to step
# through them one by one, unseen).
cat >"$T_TMP/kind" <<SCRIPT
type $PASS
key Enter
$(downs "Log a trigger")
key Enter
key Enter
key Enter
dump the kinds as a list
key Down
key Down
key Enter
dump sound chosen
key End
key Up
key Enter
SCRIPT
"$SCREEN_BIN" "$T_TMP/kind" >"$T_TMP/kind.out" 2>&1
t_match "Enter on the kind shows the list, the kind there now chosen" \
	"What kind of trigger was it\?.*people.*place.*sound" "$(t_section "$T_TMP/kind.out" "the kinds as a list" | tr -s ' \n' ' ')"
t_match "the kind picked shows in the form" "Kind of trigger +sound" "$(t_section "$T_TMP/kind.out" "sound chosen")"
t_eq "and is the one saved" "sound" \
	"$("$TEND_BIN" --passphrase-fd 3 export 3<<<"$PASS" 2>/dev/null | jq -r '.tables.triggers[-1].category')"

# A new trigger log of the first kind, what happened typed, opened at its
# "What I did" list of tools.
to_did() {
	printf 'type %s\nkey Enter\n%s\nkey Enter\nkey Enter\nkey Down\nkey Enter\n' "$PASS" "$(downs "Log a trigger")"
	printf 'type %s\nkey Enter\n' "$1"
	for i in 1 2 3 4 5 6; do echo "key Down"; done
	echo "key Enter"
}
# "What I did" takes several choices: tools marked in the toolbox list
# (Enter marks and unmarks, the list stays open) and the person's own
# words; each is stored as its own choice.
cat >"$T_TMP/did" <<SCRIPT
$(to_did "a letter came")
dump the toolbox as a list to mark
key Enter
key Down
key Enter
key Down
key Enter
key Up
key Enter
dump two tools marked
key End
key Up
key Enter
type called my sister
key Enter
dump own words with them
key End
key Enter
dump back in the log
key Down
type 3
key Down
key Down
key Enter
dump saved
SCRIPT
"$SCREEN_BIN" "$T_TMP/did" >"$T_TMP/did.out" 2>&1
tools=$("$TEND_BIN" --passphrase-fd 3 export 3<<<"$PASS" 2>/dev/null | jq -r '.tables.tools | "\(.[0].name)|\(.[2].name)"')
t_match "Enter on What I did shows the toolbox to mark" "Choose all that apply.*\\[ \\] ${tools%%|*}" \
	"$(t_section "$T_TMP/did.out" "the toolbox as a list to mark" | tr -s ' \n' ' ')"
t_match "the marked tools show as marked" "\\[x\\] ${tools%%|*}.*\\[ \\] .*\\[x\\] ${tools#*|}" \
	"$(t_section "$T_TMP/did.out" "two tools marked" | tr -s ' \n' ' ')"
t_match "own words go with them" "\\[x\\] My own words: called my sister" \
	"$(t_section "$T_TMP/did.out" "own words with them")"
t_match "the log shows all three" "What I did +${tools%%|*}, ${tools#*|}, called my" \
	"$(t_section "$T_TMP/did.out" "back in the log")"
t_eq "each is stored as its own choice, in order" "${tools}|called my sister" \
	"$("$TEND_BIN" --passphrase-fd 3 export 3<<<"$PASS" 2>/dev/null | jq -r '.tables as $t |
		($t.triggers[] | select(.what == "a letter came") | .id) as $g | [$t.trigger_did[] |
		select(.trigger_id == $g) | .tool_id as $k |
		if $k then ($t.tools[] | select(.id == $k) | .name) else .text end] | join("|")')"

# Space ticks a tool as Enter does (it paged down to "Done" before, so a
# person who ticked with Space saved nothing of it), and again unticks.
cat >"$T_TMP/space" <<SCRIPT
$(to_did "space ticks")
key Space
dump ticked with space
key Down
key Space
key Space
dump ticked and unticked
SCRIPT
"$SCREEN_BIN" "$T_TMP/space" >"$T_TMP/space.out" 2>&1
t_match "Space ticks the tool under the cursor" "\\[x\\] ${tools%%|*}" \
	"$(t_section "$T_TMP/space.out" "ticked with space" | tr -s ' \n' ' ')"
t_match "Space again unticks; the first stays ticked" \
	"\\[x\\] ${tools%%|*} .*\\[ \\] [A-Z]" \
	"$(t_section "$T_TMP/space.out" "ticked and unticked" | tr -s ' \n' ' ')"

t_done
