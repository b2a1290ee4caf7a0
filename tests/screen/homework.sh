# Homework from a therapist, through the real screens: the import screen
# (reached from the therapy module while there is no pack) shows a bad
# pack's problem by line, then a good pack's summary, and adds it; home
# then has "From my therapist"; each kind of item is done from there and
# its progress shows; an answer left half way waits; nothing a person
# answered is on disk in the clear.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800
PASS='homework screens'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

printf 'size 30x90\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
t_nomatch "no pack: home has no therapist item" "From my therapist" "$(t_section "$T_TMP/home.out" home)"

# The import screen, from the therapy module.
cat >"$T_TMP/import.script" <<SCRIPT
size 30x90
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" "The healing path")
key Enter
key Enter
key Down
key Down
key Down
dump module
key Enter
dump import
type $ROOT/tests/fixtures/homework/missing-page.md
key Enter
dump bad pack
key Enter
dump try again
key Ctrl-U
type $ROOT/content/examples/grounding-week.md
key Enter
dump summary
key Enter
dump added
key Esc
key Esc
dump home
SCRIPT
t_screen homework-import "$T_TMP/import.script" sed "s#$ROOT#ROOT#g"
O=$T_TMP/homework-import.raw
sec() { t_section "$O" "$1"; }
t_match "the therapy module offers to add homework" "> *Add homework from my therapist|Add homework from my therapist" "$(sec module)"
t_match "the import screen asks for a file" "File:" "$(sec import)"
t_match "a bad pack names its line and what is wrong" \
	"missing-page\.md cannot be added as it is: . line 8: page 'nervous' is not a Learn page" "$(sec "bad pack" | tr -s ' \n' ' ')"
t_match "Enter goes back to the file, to change it" "File: .*missing-page\.md" "$(sec "try again")"
t_match "a good pack shows what it asks" "Slow breathing: Paced breathing, 3 times" "$(sec summary)"
t_match "and is added on Enter" "Added\. It is under From my therapist" "$(sec added)"
t_match "home now has the therapist item" "From my therapist" "$(sec home)"
t_eq "the vault holds one pack" 1 "$(tend_ homework list | grep -c '^[0-9]')"

# Each kind of item, from home.
printf 'size 30x90\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
cat >"$T_TMP/items.script" <<SCRIPT
size 30x90
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" "From my therapist")
key Enter
dump pack
key Enter
dump read note
key Enter
dump read
key Esc
dump opened only
key Enter
key Enter
key End
dump read to the end
key Esc
key Down
key Enter
dump breathe note
key Enter
key Enter
key Enter
wait 30
key Esc
key Enter
dump breathed
key Down
key Enter
key Enter
key Enter
key Enter
type marker-hw-ground
key Ctrl-S
key Enter
dump grounded
key Down
key Enter
dump prompt
type A steadier moment
key Tab
type marker-hw-prompt
key Ctrl-S
key Esc
dump written
key Down
key Enter
type 7
dump scale
key Enter
key Down
key Enter
type marker-hw-answer
key Esc
dump answer waits
key Enter
dump answer back
key Enter
dump progress
SCRIPT
t_screen homework-items "$T_TMP/items.script"
O=$T_TMP/homework-items.raw
t_match "the pack lists its items, none begun" "Slow breathing +not yet" "$(sec pack)"
t_match "the note under a read item comes first" \
	"A short page on why a body can stay braced.*Enter opens the page" "$(sec "read note" | tr -s ' \n' ' ')"
t_match "a read item opens the page" "Noticing your nervous system" "$(sec read)"
t_match "opening a page is not reading it" "Read about the nervous system +not yet" "$(sec "opened only")"
t_match "the note under an exercise comes first" \
	"A few minutes at a time, on a day when.*Enter starts the exercise" "$(sec "breathe note" | tr -s ' \n' ' ')"
t_match "a finished breathing run counts" "Slow breathing +1 of 3 times" "$(sec breathed)"
t_match "a finished written exercise counts" "5-4-3-2-1 +1 of 2 times" "$(sec grounded)"
t_match "the read item is read" "Read about the nervous system +read" "$(sec grounded)"
t_match "a prompt opens the journal with the prompt" "Think of a moment this week" "$(sec prompt)"
t_match "tagged homework" "Tags: +homework" "$(sec prompt)"
t_match "a saved entry answers the prompt" "A moment you felt steady +answered" "$(sec written)"
t_match "a digit picks a number on the scale" "Chosen: 7 of 10" "$(sec scale)"
t_match "Esc keeps a half-written answer" "Your words wait here" "$(sec "answer waits")"
t_match "and it is there again" "marker-hw-answer" "$(sec "answer back")"
t_match "the scale shows the number kept" "How settled the week felt +7 of 10" "$(sec progress)"
t_match "the answer is answered" "What to bring next time +answered" "$(sec progress)"
t_nomatch "no pressure words anywhere" "(overdue|missed|late|streak|failed)" "$(cat "$O")"
list=$(tend_ homework list)
t_match "the command line sees the same progress" "Slow breathing +1 of 3 times" "$list"

# The scale again: Enter with nothing chosen asks for a number and keeps
# none; Esc leaves with the 7 from before as it was.
cat >"$T_TMP/none.script" <<SCRIPT
size 30x90
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" "From my therapist")
key Enter
key Down
key Down
key Down
key Down
key Enter
dump scale again
key Enter
dump enter with none
key Esc
dump left
SCRIPT
"$SCREEN_BIN" "$T_TMP/none.script" >"$T_TMP/none.out" 2>&1
O=$T_TMP/none.out
t_match "the scale starts with nothing chosen" "Not chosen yet" "$(sec "scale again")"
t_match "Enter with nothing chosen asks for a number" "Choose a number first" \
	"$(sec "enter with none" | tr -s ' \n' ' ')"
t_match "Esc leaves it as it was" "How settled the week felt +7 of 10" "$(sec left)"
t_eq "no number was added" "7" \
	"$(tend_ export 2>/dev/null | jq -r '[.tables.homework_done[] | select(.item == 4) | .score] | map(tostring) | join(" ")')"
entry=$(tend_ list | awk -F'\t' '$3 == "A steadier moment" { print $1; exit }')
body=$(tend_ show "${entry:-0}")
t_match "the prompt's entry is in the journal" "marker-hw-prompt" "$body"
t_match "tagged homework" "tags: ([a-z0-9-]+,)*homework(,|[[:space:]])" "$body"
t_match "the answer is in the vault" "marker-hw-answer" "$(tend_ export 2>/dev/null)"
t_nomatch "no answer is on disk in the clear" "." \
	"$(grep -rl -e marker-hw -e 'A steadier moment' "$TEND_HOME" 2>/dev/null)"

# Removing a pack from the screen asks first ("Keep it" chosen), then the
# home screen is as it was before any pack.
cat >"$T_TMP/remove.script" <<SCRIPT
size 30x90
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" "From my therapist")
key Enter
key Esc
key d
dump asks
key Enter
dump kept
key d
key Right
key Enter
dump removed
key Esc
dump home
SCRIPT
"$SCREEN_BIN" "$T_TMP/remove.script" >"$T_TMP/remove.out" 2>&1
O=$T_TMP/remove.out
t_match "d asks before removing" "Remove this pack\?.*Journal entries written to its prompts stay" \
	"$(sec asks | tr -s ' \n' ' ')"
t_match "Keep it keeps it" "A grounding week" "$(sec kept)"
t_match "Remove takes it out" "The pack and what was kept for it are gone" "$(sec removed)"
t_nomatch "and home has no therapist item again" "From my therapist" "$(sec home)"
t_match "the prompt's entry stays in the journal" "A steadier moment" "$(tend_ list)"
t_match "the vault has no packs" "No homework packs yet" "$(tend_ homework list)"
# A long introduction scrolls with the page keys on every size down to
# 60x18, so its last line (here a stop rule) can always be reached. The only
# pack opens straight away.
tend_ homework import "$ROOT/tests/fixtures/homework/long-intro.md" >/dev/null
for size in 24x80 18x60; do
	cat >"$T_TMP/intro.script" <<SCRIPT
size $size
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" "From my therapist")
key Enter
dump top
$(for i in $(seq 12); do echo 'key PgDn'; done)
dump end
$(for i in $(seq 12); do echo 'key PgUp'; done)
dump back
SCRIPT
	"$SCREEN_BIN" "$T_TMP/intro.script" >"$T_TMP/intro-$size.out" 2>&1
	O=$T_TMP/intro-$size.out
	t_match "$size: the pack's note shows on the pack" "The introduction runs long on purpose" "$(sec top)"
	t_nomatch "$size: the stop rule does not fit at first" "marker-stop-rule" "$(sec top)"
	t_match "$size: the screen says there is more" "PgDn: more of the introduction" "$(sec top)"
	t_match "$size: page down reaches the stop rule" "marker-stop-rule" "$(sec end | tr -s ' \n' ' ')"
	# The breathing run done for the first pack (2026-11-23) is practice
	# too: it counts toward this pack's item, assigned 2026-11-20.
	t_match "$size: the items still show, and practice done anywhere counts" \
		"Breathe +done" "$(sec end)"
	t_match "$size: page up comes back to the start" "This pack has an introduction" "$(sec back)"
done

# A measure, on screen: one question at a time; a safety question answered
# above its first response opens crisis help and the person's own safety
# plan at once, on one page (written here first), then the questions
# go on; leaving part way keeps the answers so far; the person sees their
# own totals, never a band's label (those are for the report).
# The measure's pack has a label: the list of packs shows it, not the
# title, which shows once the pack is open.
tend_ homework import "$ROOT/tests/fixtures/homework/measure.md" >/dev/null
cat >"$T_TMP/plan.script" <<SCRIPT
size 24x80
type $PASS
key Enter
key Ctrl-G
key p
key Enter
type marker-plan-sign I stop answering messages
key Enter
SCRIPT
"$SCREEN_BIN" "$T_TMP/plan.script" >/dev/null 2>&1
cat >"$T_TMP/measure.script" <<SCRIPT
size 24x80
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" "From my therapist")
key Enter
dump packs
key Down
key Enter
dump opened
key Enter
dump q1
key Down
key Enter
dump q2
key Down
key Enter
dump crisis
key Esc
dump q3
key Enter
dump kept
key Enter
dump again
key Down
key Down
key Enter
key Esc
dump paused
key Enter
dump resumed
SCRIPT
"$SCREEN_BIN" "$T_TMP/measure.script" >"$T_TMP/measure.out" 2>&1
O=$T_TMP/measure.out
t_match "the list of packs shows the label" "Weekly check" "$(sec packs)"
t_nomatch "not the title" "A measure to try" "$(sec packs)"
t_match "the open pack shows its title" "A measure to try" "$(sec opened)"
t_match "the measure shows its first question" "Question 1 of 3.*I felt tired\..*never.*sometimes.*often" \
	"$(sec q1 | tr -s ' \n' ' ')"
t_match "then the next" "Question 2 of 3.*I thought about hurting myself" "$(sec q2 | tr -s ' \n' ' ')"
t_match "a safety answer opens crisis help at once" "Crisis help" "$(sec crisis)"
t_match "and says the safety plan is on the same page" "Your safety plan is on this page too" \
	"$(sec crisis | tr -s ' \n' ' ')"
t_match "the person's own safety plan is there, under the lines, on the first screen" \
	"Your safety plan.*My warning signs.*marker-plan-sign I stop answering messages" \
	"$(sec crisis | tr -s ' \n' ' ')"
t_match "and the questions go on after it" "Question 3 of 3.*I felt at ease" "$(sec q3 | tr -s ' \n' ' ')"
t_match "the answers are kept, with the person's own total" "Three questions +answered once" "$(sec kept)"
t_match "Esc part way keeps the answers so far" "Your answers so far wait here" "$(sec paused)"
t_match "and the measure goes on where it was" "Question 2 of 3" "$(sec resumed)"
t_match "the totals so far show to the person" "Your totals so far: 4 on" "$(sec again | tr -s ' \n' ' ')"
t_match "and this time's total when kept" "Kept in your vault\. This time: 4\." "$(sec kept)"
t_nomatch "no band label ever shows to the client" "band-(low|high)-marker" "$(cat "$O")"
t_match "the report shows it with its date, score and band, for the clinician" \
	"\| 2026-11-23 \| 4 \| band-high-marker \|" \
	"$(tend_ report --from 2026-11-01 --to 2026-11-30 --include homework -o "$T_TMP/r.md" 2>/dev/null; cat "$T_TMP/r.md")"

# When the safety question is the last one, the answers are kept and crisis
# help with the safety plan takes the measure's place.
tend_ homework import "$ROOT/tests/fixtures/homework/measure-last.md" >/dev/null
cat >"$T_TMP/last.script" <<SCRIPT
size 24x80
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" "From my therapist")
key Enter
dump packs
SCRIPT
"$SCREEN_BIN" "$T_TMP/last.script" >"$T_TMP/last-packs.out" 2>&1
downs=$(t_section "$T_TMP/last-packs.out" packs |
	awk '/^    [^ ]/ { if ($0 == "    Safety last") { print n; exit } n++ }')
{
	head -n -1 "$T_TMP/last.script"
	for ((i = 0; i < ${downs:-99}; i++)); do echo "key Down"; done
	printf 'key Enter\nkey Enter\ndump question\nkey Down\nkey Enter\ndump crisis\nkey Esc\ndump after\n'
} >"$T_TMP/last2.script"
"$SCREEN_BIN" "$T_TMP/last2.script" >"$T_TMP/last.out" 2>&1
O=$T_TMP/last.out
t_match "the last question is a safety question" "Question 1 of 1.*thoughts of hurting myself" \
	"$(sec question | tr -s ' \n' ' ')"
t_match "answered above its lowest: crisis help with the safety plan on the page" \
	"Crisis help.*Your safety plan.*marker-plan-sign I stop answering messages" \
	"$(sec crisis | tr -s ' \n' ' ')"
t_match "the answers were kept, and leaving goes back to the pack" "One question +answered once" \
	"$(sec after)"
t_done
