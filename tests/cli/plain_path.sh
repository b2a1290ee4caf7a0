# tend --plain, the healing path and the written exercises, driven through a
# pipe as a screen reader would: an exercise's steps with the distress
# before and after, a step skipped, finishing early, a pause (p, and the end
# of input) picked up again, here and on the full screen alike, starting
# afresh, a compose step filled from earlier answers; the path's modules
# with their status, page, exercises and prompts; and the offer of an
# exercise after a low check-in or a trigger log with high distress.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC LANG=C.UTF-8 TEND_NOW=1795420800
unset LC_ALL LC_MESSAGES LINES
PASS='plain path stone'
O=$T_TMP/out
mkdir -p "$O"
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
pw init >/dev/null 2>&1
plain() {
	printf '%b' "$2" | "$TEND_BIN" --plain >"$O/$1" 2>"$O/$1.err"
	rc=$?
	out=$(cat "$O/$1")
}
one() { tr -s ' \n' ' ' <"$O/$1"; }
# num FILE MENU-TITLE ITEM: the number of ITEM in the first menu under
# MENU-TITLE in FILE, so the inputs do not depend on the order of items.
num() {
	awk -v menu="$2" -v item="$3" '
		index($0, menu) == 1 { on = 1; next }
		on && /^  [0-9]+\. / { n = $1; sub(/\.$/, "", n); t = $0; sub(/^  [0-9]+\. /, "", t)
			if (index(t, item) == 1) { print n; exit } next }
		on { exit }' "$1"
}
sessions() { pw export 2>/dev/null | jq -r '.tables.exercise_sessions[] | "\(.exercise) \(.suds_before) \(.suds_after)"'; }

plain menus "$PASS\n"
H_EX=$(num "$O/menus" "Home." "Exercises")
H_PATH=$(num "$O/menus" "Home." "The healing path")
H_CHECK=$(num "$O/menus" "Home." "Check in")
H_TRIG=$(num "$O/menus" "Home." "Log a trigger")
t_match "home offers the exercises" '^[0-9]+$' "$H_EX"
t_match "and the healing path" '^[0-9]+$' "$H_PATH"
plain exlist "$PASS\n$H_EX\n"
GROUND=$(num "$O/exlist" "Exercises:" "5-4-3-2-1 grounding")
BOUND=$(num "$O/exlist" "Exercises:" "Boundary builder")
t_match "the exercises list grounding" '^[0-9]+$' "$GROUND"
t_nomatch "but not the ones with a screen of their own" "Affirmations|Paced breathing" "$out"

# A whole run: distress 7, a two-line answer, a step skipped with a dot,
# one answered, finished early with f, distress 4 after.
plain ex "$PASS\n$H_EX\n$GROUND\n\n7\nmarker-see a lamp\nand a door\n.\n.\nmarker-hear rain\n.\nf\n4\n"
t_eq "the exercise ends cleanly" 0 "$rc"
t_match "it begins with the intro" "This exercise uses your senses" "$(one ex)"
t_match "and says steps can be skipped or paused" "Any step can be skipped; p pauses" "$out"
t_match "it asks the distress first" "How much distress do you feel right now, from 0 to 10" "$out"
t_match "each step is numbered and named" "Step 1 of 6: Five things you can see" "$out"
t_match "the step's guidance is shown" "What five things can you see\?" "$(one ex)"
t_match "the after question recalls the before" "And now, from 0 to 10\? \(Before, it was 7\.\)" "$out"
t_match "it ends with the change in distress" "Saved in your journal, tagged exercise; distress 7 → 4\." "$out"
id=$(pw list | awk -F'\t' '$3 == "5-4-3-2-1 grounding" { print $1; exit }')
body=$(pw show "${id:-0}")
t_match "the answer is in the journal, every line" \
	"## Five things you can see"$'\n\n'"marker-see a lamp"$'\n'"and a door" "$body"
t_match "and the third step's" "## Three things you can hear"$'\n\n'"marker-hear rain" "$body"
t_nomatch "the skipped step is left out" "## Four things" "$body"
t_match "tagged exercise and by its id" "tags: .*exercise.*grounding-54321|tags: .*grounding-54321.*exercise" "$body"
t_eq "the session is kept for what helps, as the screen keeps it" "5-4-3-2-1 grounding 7 4" "$(sessions)"

# A pause with p at step 2, picked up in plain mode and finished.
plain pause "$PASS\n$H_EX\n$GROUND\n\n6\nmarker-pause one\n.\np\n"
t_match "p pauses and says the words are kept" "Paused\. What you wrote is kept" "$out"
t_eq "a pause is no session yet" 1 "$(sessions | wc -l)"
t_eq "nor an entry" 1 "$(pw list | wc -l)"
plain resume "$PASS\n$H_EX\n$GROUND\n1\nmarker-pause two\n.\nf\n\n"
t_match "opening it again offers to go on" "You started this before, and what you wrote is kept\." "$out"
t_match "at the step it stopped" "1\. Go on at step 2 of 6" "$out"
t_match "and goes on there" "Step 2 of 6: Four things you can feel" "$out"
t_nomatch "without asking the distress again" "How much distress do you feel right now" "$out"
t_match "no after given: it is saved" "Saved in your journal, tagged exercise\." "$out"
t_nomatch "and no change is shown" "→" "$out"
id=$(pw list | awk -F'\t' '$3 == "5-4-3-2-1 grounding" { print $1 }' | sort -n | tail -1)
body=$(pw show "${id:-0}")
t_match "the entry holds the words from before the pause" "marker-pause one" "$body"
t_match "and after it" "marker-pause two" "$body"
t_eq "the before from the first part is kept" "5-4-3-2-1 grounding 6 null" "$(sessions | tail -1)"

# The end of input mid-step keeps a pause; the full screen picks it up.
plain eof "$PASS\n$H_EX\n$GROUND\n\n5\nmarker-eof see\n.\nmarker-eof feel\n"
t_match "the end of input pauses, keeping the words" "Paused\. What you wrote is kept" "$out"
cat >"$T_TMP/screen" <<SCRIPT
size 40x100
type $PASS
key Enter
dump home
SCRIPT
"$SCREEN_BIN" "$T_TMP/screen" >"$T_TMP/home.out" 2>&1
{
	printf 'size 40x100\ntype %s\nkey Enter\n' "$PASS"
	t_downs "$T_TMP/home.out" "The healing path"
	# the second module (Mindfulness), its first Try: (grounding)
	printf 'key Enter\nkey Down\nkey Enter\nkey Down\nkey Down\nkey Enter\ndump intro\nkey Enter\ndump step\n'
} >"$T_TMP/screen2"
"$SCREEN_BIN" "$T_TMP/screen2" >"$T_TMP/screen2.out" 2>&1
t_match "the full screen offers to go on with the plain-mode pause" \
	"You started this before.*step 2 of 6" "$(t_section "$T_TMP/screen2.out" intro | tr -s ' \n' ' ')"
t_match "with the words written in plain mode" "marker-eof feel" "$(t_section "$T_TMP/screen2.out" step)"
plain afresh "$PASS\n$H_EX\n$GROUND\n2\n\n\n.\n"
t_match "starting afresh begins at step 1" "Step 1 of 6: Five things" "$out"
t_match "asking the distress again" "How much distress do you feel right now" "$out"
t_nomatch "and the old words are gone" "marker-eof" "$out"

# A compose step is put together from the answers; Enter keeps it.
plain compose "$PASS\n$H_EX\n$BOUND\n\n\nmarker-sit plans change\n.\nmarker-feel let down\n.\nmarker-need notice\n.\nmarker-ask text me\n.\n\nf\n\n"
t_match "the compose step shows the answers put together" \
	"When marker-sit plans change, I feel marker-feel let down\. I need marker-need notice\." "$(one compose)"
id=$(pw list | awk -F'\t' '$3 == "Boundary builder" { print $1; exit }')
t_match "Enter keeps it in the entry" "## Put it together"$'\n\n'"When marker-sit plans change" "$(pw show "${id:-0}")"
# With a step skipped, the put-together text has a gap: as on the screen,
# Enter does not keep it.
plain gap "$PASS\n$H_EX\n$BOUND\n\n\nmarker-gap plans change\n.\n.\nmarker-gap notice\n.\nmarker-gap text me\n.\n\nf\n\n"
t_match "a gap shows as ..." "I feel \.\.\." "$(one gap)"
id=$(pw list | awk -F'\t' '$3 == "Boundary builder" { print $1 }' | sort -n | tail -1)
t_match "the other answers are in the entry" "marker-gap notice" "$(pw show "${id:-0}")"
t_nomatch "but not the text with the gap" "## Put it together" "$(pw show "${id:-0}")"

# The healing path: modules in phase order with their status; a module's
# page, status, exercise and prompt.
plain path "$PASS\n$H_PATH\n"
t_match "the path lists its modules with their status and phase" \
	"Resilient coping \(not started\)\. Feel safer and steadier\." "$out"
COPE=$(num "$O/path" "The healing path:" "Resilient coping")
plain module "$PASS\n$H_PATH\n$COPE\n"
t_match "a module offers its page" "1\. Read about it" "$out"
t_match "its status" "2\. Where I am with it: not started" "$out"
t_match "its written exercises" "Try: 5-4-3-2-1 grounding" "$out"
t_nomatch "but not a screen-only one" "Try: Paced breathing|Try: Support map" "$out"
t_match "and its prompts" "Write: What has helped you get through a hard moment before" "$out"
TRY=$(num "$O/module" "What would you like to do?" "Try: 5-4-3-2-1")
PROMPT=$(num "$O/module" "What would you like to do?" "Write: What has helped")
plain status "$PASS\n$H_PATH\n$COPE\n2\n3\n\n\n$H_PATH\n"
t_match "a status is chosen from a list" "Kept: practising\." "$out"
t_match "and is kept in the vault" "Resilient coping \(practising\)" "$(sed -n '/Kept: practising/,$p' "$O/status")"
plain read "$PASS\n$H_PATH\n$COPE\n1\n$(printf '\\n%.0s' $(seq 30))"
t_match "the module's page can be read" "\(end of the page\)" "$out"
plain try "$PASS\n$H_PATH\n$COPE\n$TRY\n\n5\n.\n.\nf\n3\n"
t_match "an exercise opens from its module" "Step 1 of 6: Five things you can see" "$out"
t_match "and ends the same way" "Noted; distress 5 → 3\." "$out"
t_eq "with its session kept" "5-4-3-2-1 grounding 5 3" "$(sessions | tail -1)"
plain prompt "$PASS\n$H_PATH\n$COPE\n$PROMPT\nmarker-prompt title\n\nmarker-prompt body\n.\n"
t_match "a prompt opens the writing, showing the prompt" "The prompt: What has helped you get through" "$out"
t_match "and saves the entry" "Saved your entry\." "$out"
t_match "with the prompt kept" "What has helped you get through a hard moment before" \
	"$(pw export 2>/dev/null | jq -r '.tables.entries[] | select(.title == "marker-prompt title") | .prompt')"

# The offer: after a check-in of 3 or less, not after a middling one.
plain low "$PASS\n$H_CHECK\n2\n\n\n1\n\n"
t_match "a low check-in is saved" "Saved your check-in\." "$out"
t_match "and an exercise is offered, once" "If you like, an exercise may help right now" "$out"
t_match "choosing it opens grounding" "Step 1 of 6: Five things you can see|This exercise uses your senses" "$(one low)"
plain lowplan "$PASS\n$H_CHECK\n2\n\n\n2\n\n\n"
t_match "2 opens the safety plan instead" "for no, thanks: My safety plan My warning signs" "$(one lowplan)"
H_PLAN=$(num "$O/menus" "Home." "My safety plan")
plain homeplan "$PASS\n$H_PLAN\n\n\n"
t_match "the safety plan has its own line on the home menu" "My safety plan My warning signs" "$(one homeplan)"
plain mid "$PASS\n$H_CHECK\n5\n\n\n"
t_nomatch "a check-in of 5 brings no offer" "If you like, an exercise may help" "$out"
plain lowno "$PASS\n$H_CHECK\n3\n\n\n\n"
t_match "3 brings the offer too" "If you like, an exercise may help right now" "$out"
t_match "and Enter declines it, back home" "Enter for no, thanks: +Home\. What would" "$(one lowno)"
plain trig "$PASS\n$H_TRIG\n\nmarker-trig\n\n8\n\n\n"
t_match "a trigger log at 8 brings the offer" "If you like, an exercise may help right now" "$out"
plain trigcalm "$PASS\n$H_TRIG\n\nmarker-trig\n\n8\n\n3\n\n"
t_nomatch "one that came down to 3 does not" "If you like, an exercise may help" "$out"

t_eq "no output holds an escape character" "" "$(grep -l $'\x1b' "$O"/* 2>/dev/null)"
t_eq "nothing typed is in any file in TEND_HOME" "" "$(grep -rl marker- "$TEND_HOME" 2>/dev/null)"
t_done
