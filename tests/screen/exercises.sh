# The guided written exercises, each driven through the real screens:
# start, distress before, an answer, pause (Esc) and pick up again, skip a
# step, finish early, distress after; then the answers are in the journal
# (and only the ones given), and the session is in "what helps".
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800
PASS='exercise screens'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }

printf 'size 40x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
sec() { t_section "$O" "$1"; }
# Keys from the home screen to a path module's "Try:" item. Modules are
# shown by phase; N is the module's place in that order.
open_try() { # MODULE_INDEX TRY_INDEX
	local n
	t_downs "$T_TMP/home.out" "The healing path"
	echo "key Enter"
	for ((i = 0; i < $1; i++)); do echo "key Down"; done
	echo "key Enter"
	for ((i = 0; i < $2 + 2; i++)); do echo "key Down"; done
	echo "key Enter"
}

# id, module index, "Try:" index, its title, its first step's heading, its
# second step's heading
while IFS='|' read -r id mod try title first second; do
	marker="marker-$id-$RANDOM"
	cat >"$T_TMP/$id" <<SCRIPT
size 40x100
type $PASS
key Enter
$(open_try "$mod" "$try")
dump intro
key Enter
type 7
dump distress before
key Enter
dump first step
type $marker
key Tab
dump second step
key Esc
dump paused
key Enter
dump picked up
key Enter
dump going on
key Tab
key Ctrl-S
dump distress after
type 4
key Enter
dump finished
SCRIPT
	"$SCREEN_BIN" "$T_TMP/$id" >"$T_TMP/$id.out" 2>&1
	rc=$?
	O=$T_TMP/$id.out
	t_eq "$id: the driver ran" 0 "$rc"
	t_match "$id: starts with its intro" "$title" "$(sec intro)"
	t_match "$id: says steps can be skipped or paused" "(skip|pause)" "$(sec intro)"
	t_match "$id: asks distress first" "Chosen: 7 of 10" "$(sec "distress before")"
	t_match "$id: step one" "Step 1 of [0-9]+: $first" "$(sec "first step")"
	t_match "$id: Tab goes on" "Step 2 of [0-9]+: $second" "$(sec "second step")"
	t_match "$id: Esc pauses, keeping the words" "Paused\. What you wrote is kept" "$(sec paused)"
	t_match "$id: opening it again offers to go on" "You started this before.*step 2 of" \
		"$(sec "picked up" | tr -s ' \n' ' ')"
	t_match "$id: and goes on where it stopped" "Step 2 of [0-9]+: $second" "$(sec "going on")"
	t_match "$id: finishing early asks distress after" "And now, from 0 to 10\? \(Before, it was 7\.\)" "$(sec "distress after")"
	t_match "$id: saved in the journal" "Saved in your journal" "$(sec finished)"
	t_match "$id: ends with the change in distress" "distress 7 → 4" "$(sec finished)"
	entry=$(tend_ list | awk -F'\t' -v t="$title" '$3 == t { print $1; exit }')
	body=$(tend_ show "${entry:-0}")
	t_match "$id: the entry holds the answer" "## $first"$'\n\n'"$marker" "$body"
	t_nomatch "$id: a skipped step is left out" "## $second" "$body"
	t_match "$id: tagged as an exercise" "tags: ([a-z0-9-]+,)*exercise(,|[[:space:]])" "$body"
	t_match "$id: tagged by its id" "tags: ([a-z0-9-]+,)*$id(,|[[:space:]])" "$body"
done <<'LIST'
grounding-54321|1|0|5-4-3-2-1 grounding|Five things you can see|Four things you can feel
thought-record|5|0|Thought record|What happened|The thought that came up
self-compassion-break|6|0|Self-compassion break|This is a hard moment|You are not alone in this
boundary-builder|7|0|Boundary builder|The situation|What you feel
repair-planner|8|0|Repair planner|What happened|What you felt
values-compass|8|1|Values compass|Pick an area of life|What matters to you there
parts-check-in|4|3|Parts check-in|Notice a part|Where you feel it
session-prep|0|0|Getting ready for a session|Since we last met|What helped
grounding-flashbacks|2|2|Grounding for flashbacks|Today's date|Where you are
LIST

# Nothing typed in an exercise reaches the disk in plain text, in the
# vault folder or anywhere else the program wrote.
t_nomatch "no answer is readable on disk" "marker-" "$(grep -rl marker- "$TEND_HOME" 2>/dev/null)"

# The boundary builder puts the person's words together into a request
# they can reword.
cat >"$T_TMP/compose" <<SCRIPT
size 40x100
type $PASS
key Enter
$(open_try 7 0)
key Enter
key Tab
type my sister reads my messages
key Tab
type uneasy.
key Tab
type some privacy
key Tab
type ask first
key Tab
dump composed
type  Thank you.
key Ctrl-S
key Tab
SCRIPT
"$SCREEN_BIN" "$T_TMP/compose" >"$T_TMP/compose.out" 2>&1
t_match "a request is composed from the answers" \
	"When my sister reads my messages, I feel uneasy\. I need some privacy\. Would you be willing to ask first\?" \
	"$(tr -s ' \n' ' ' <"$T_TMP/compose.out")"
t_match "distress skipped both times is fine, and it is saved" \
	"ask first\? Thank you\." "$(tend_ show "$(tend_ list | awk -F'\t' '$3 == "Boundary builder" && $1 > m { m = $1 } END { print m }')")"

# Enter on either distress question with nothing chosen goes on and keeps
# no number; the answer is still saved.
cat >"$T_TMP/enter-none" <<SCRIPT
size 40x100
type $PASS
key Enter
$(open_try 7 0)
key Enter
dump distress before
key Enter
dump first step
type marker-enter-none
key Ctrl-S
dump distress after
key Enter
dump finished
SCRIPT
"$SCREEN_BIN" "$T_TMP/enter-none" >"$T_TMP/enter-none.out" 2>&1
O=$T_TMP/enter-none.out
t_match "distress before starts with nothing chosen" "Not chosen yet" "$(sec "distress before")"
t_match "Enter with nothing chosen goes on to the first step" "Step 1 of 7" "$(sec "first step")"
t_match "and after, Enter with nothing chosen finishes" "Saved in your journal" "$(sec finished)"
t_eq "the session keeps no distress number" "Boundary builder null null 1" \
	"$(tend_ export 2>/dev/null |
		jq -r '.tables.exercise_sessions[-1] | "\(.exercise) \(.suds_before) \(.suds_after) \(.finished)"')"
t_match "the answer is saved" "marker-enter-none" \
	"$(tend_ show "$(tend_ list | awk -F'\t' '$3 == "Boundary builder" && $1 > m { m = $1 } END { print m }')")"

# With the steps it uses skipped, the compose step stays empty rather than
# showing (and saving) the bare template; with some answered, it is built
# from them, built again when an earlier answer changes, and not kept in
# the journal while it is still the template with gaps.
bb_entries() { tend_ list | awk -F'\t' '$3 == "Boundary builder"' | wc -l; }
before=$(bb_entries)
cat >"$T_TMP/compose-skips" <<SCRIPT
size 40x100
type $PASS
key Enter
$(open_try 7 0)
key Enter
key Tab
key Tab
key Tab
key Tab
key Tab
dump every step skipped
key Ctrl-S
key Tab
dump finished
SCRIPT
"$SCREEN_BIN" "$T_TMP/compose-skips" >"$T_TMP/compose-skips.out" 2>&1
cat >"$T_TMP/compose-rebuilt" <<SCRIPT
size 40x100
type $PASS
key Enter
$(open_try 7 0)
key Enter
key Tab
type the dog barks at night
key Tab
key Tab
key Tab
key Tab
dump built from one answer
key S-Tab
key S-Tab
key S-Tab
key S-Tab
key Ctrl-U
type the radio is loud
key Tab
key Tab
key Tab
key Tab
dump built again
key Ctrl-S
key Tab
SCRIPT
O=$T_TMP/compose-skips.out
t_match "every step skipped: the compose step is there" "Put it together" "$(sec "every step skipped")"
t_nomatch "but holds no bare template" "When \.\.\.|I feel \.\.\." "$(sec "every step skipped")"
t_eq "and finishing saves no entry of it" "$before" "$(bb_entries)"
"$SCREEN_BIN" "$T_TMP/compose-rebuilt" >"$T_TMP/compose-rebuilt.out" 2>&1
O=$T_TMP/compose-rebuilt.out
t_match "one answer: the request is built from it" "When the dog barks at night, I feel \.\.\." \
	"$(sec "built from one answer" | tr -s ' \n' ' ')"
t_match "an earlier answer changed: built again" "When the radio is loud, I feel \.\.\." \
	"$(sec "built again" | tr -s ' \n' ' ')"
body=$(tend_ show "$(tend_ list | awk -F'\t' '$3 == "Boundary builder" && $1 > m { m = $1 } END { print m }')")
t_match "the answer given is saved" "the radio is loud" "$body"
t_nomatch "the template with gaps is not" "Put it together|I feel \.\.\." "$body"

# A paused exercise can be wiped and started afresh, after asking.
cat >"$T_TMP/afresh" <<SCRIPT
size 40x100
type $PASS
key Enter
$(open_try 6 0)
key Enter
key Tab
type words to wipe
key Tab
key Esc
key Enter
key Del
dump asked
key Right
key Enter
dump fresh
key Enter
key Tab
dump first step again
SCRIPT
"$SCREEN_BIN" "$T_TMP/afresh" >"$T_TMP/afresh.out" 2>&1
O=$T_TMP/afresh.out
t_match "starting afresh asks first" "Start afresh\?" "$(sec asked)"
t_match "then the exercise is new" "[0-9]+ steps\. Enter begins" "$(sec fresh | tr -s ' \n' ' ')"
t_nomatch "and the old words are gone" "words to wipe" "$(sec "first step again")"

# The support map: people, what each helps with, how to reach them; kept
# in the vault, changed and removed in place.
cat >"$T_TMP/support" <<SCRIPT
size 40x100
type $PASS
key Enter
$(open_try 9 0)
dump empty map
key Enter
type Sam marker-support
key Tab
type listens without fixing
key Tab
type text after six
dump the form
key Enter
dump one person
key Enter
key Tab
key Ctrl-U
type walks and talks
key Enter
dump changed
key Down
key Enter
type Ana
key Enter
key Up
key d
dump asked
key Right
key Enter
dump removed
SCRIPT
"$SCREEN_BIN" "$T_TMP/support" >"$T_TMP/support.out" 2>&1
O=$T_TMP/support.out
t_match "the support map opens from its module" "My support map" "$(sec "empty map")"
t_match "a person has a name, what they help with and how to reach them" \
	"Name: +Sam marker-support.*Helps with: +listens without fixing.*How to reach: +text after six" \
	"$(sec "the form" | tr -s ' \n' ' ')"
t_match "the person is listed" "Sam marker-support +· +helps with: listens without fixing +· +reach: text after six" \
	"$(sec "one person")"
t_match "a person can be changed" "helps with: walks and talks" "$(sec changed)"
t_match "removing asks first" "Take this person off the map\?" "$(sec asked)"
t_nomatch "and then they are gone" "Sam marker-support" "$(sec removed)"
t_match "the others stay" "Ana" "$(sec removed)"

# Affirmations: ours, and the person's own list.
cat >"$T_TMP/affirm" <<SCRIPT
size 50x100
type $PASS
key Enter
$(open_try 6 1)
dump ours
key End
key Enter
type marker-affirm I can go slowly.
key Enter
dump mine
key Esc
key Enter
dump again
SCRIPT
"$SCREEN_BIN" "$T_TMP/affirm" >"$T_TMP/affirm.out" 2>&1
O=$T_TMP/affirm.out
t_match "affirmations of ours are offered" "A few of ours" "$(sec ours)"
t_match "with a place for the person's own" "My own.*\+ Add one of my own" "$(sec ours | tr -s ' \n' ' ')"
t_match "an own affirmation is added" "My own marker-affirm I can go slowly\." "$(sec mine | tr -s ' \n' ' ')"
t_match "and kept in the vault" "marker-affirm I can go slowly\." "$(sec again)"
t_nomatch "own lists are not readable on disk" "marker-" "$(grep -rl marker- "$TEND_HOME" 2>/dev/null)"

# Locking in the middle of an exercise keeps what was typed as a pause.
cat >"$T_TMP/lock" <<SCRIPT
size 40x100
type $PASS
key Enter
$(open_try 5 0)
key Enter
key Tab
type typed before the lock
key Ctrl-L
type $PASS
key Enter
$(open_try 5 0)
dump after unlocking
key Enter
dump the words are back
key Esc
key Enter
key Del
key Right
key Enter
SCRIPT
"$SCREEN_BIN" "$T_TMP/lock" >"$T_TMP/lock.out" 2>&1
O=$T_TMP/lock.out
t_match "locking keeps the exercise as a pause" "You started this before" "$(sec "after unlocking")"
t_match "with the words typed" "typed before the lock" "$(sec "the words are back")"

# Every session counts in "what helps" (distress before and after given
# for each one above).
printf 'size 40x100\ntype %s\nkey Enter\n' "$PASS" >"$T_TMP/helps"
t_downs "$T_TMP/home.out" Insights >>"$T_TMP/helps"
printf 'key Enter\nkey Tab\nkey Tab\nkey Tab\ndump what helps\n' >>"$T_TMP/helps"
"$SCREEN_BIN" "$T_TMP/helps" >"$T_TMP/helps.out" 2>&1
O=$T_TMP/helps.out
# Each: distress 7 before, 4 after, so it fell by 3.0 in one session.
for title in "5-4-3-2-1 grounding" "Thought record" "Self-compassion break" "Boundary builder" \
	"Repair planner" "Values compass" "Parts check-in" "Getting ready for a session" \
	"Grounding for flashbacks"; do
	t_match "$title: its distress before and after feed what helps" "$title +█+ 3\.0 n=1" \
		"$(sec "what helps")"
done

t_done
