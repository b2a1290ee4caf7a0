# tend homework: a pack is checked whole (every problem named by line),
# shown, added once (the same file again is recognised), listed with its
# progress, and removed only with --yes. A pack is private: its words are
# not on disk in the clear.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC TEND_NOW=1795420800
PASS='homework pass'
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
EX=$(dirname "$0")/../../content/examples
F=$(dirname "$0")/../fixtures/homework

# A dry run needs no vault: a therapist can check a pack anywhere.
out=$(TEND_HOME=$T_TMP/none "$TEND_BIN" homework import --dry-run "$EX/grounding-week.md")
t_eq "a dry run without a vault works" 0 $?
t_match "it names the pack and who it is from" \
	"^A grounding week"$'\n'"from Alex Morgan, Riverside Counselling, assigned 2026-11-20, for the session on 2026-11-27" "$out"
t_match "it lists each item with what it asks" \
	"2\. Slow breathing: Paced breathing, 3 times" "$out"
t_match "a read item names the page" '1\. Read about the nervous system: read "Noticing your nervous system"' "$out"
t_match "a scale shows its words" "a number from 0 \(on edge all week\) to 10 \(mostly settled\)" "$out"
t_match "and says nothing was added" "Nothing was added \(--dry-run\)" "$out"
t_ok "and made no vault" test ! -e "$T_TMP/none"
t_match "the other example is fine too" "The pack is fine" \
	"$("$TEND_BIN" homework import --dry-run "$EX/boundaries-week.md")"
out=$("$TEND_BIN" homework import --dry-run "$EX/steadiness-check.md")
t_match "the measure example is fine, and its content note shows at import" \
	"Content note: asks about sleep, tension and hard thoughts.*The pack is fine" "$(tr '\n' ' ' <<<"$out")"

"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
t_match "no packs at first" "No homework packs yet" "$(pw homework list)"

# A pack with a marker in it, to look for on disk later.
cp "$EX/grounding-week.md" "$T_TMP/pack.md"
sed -i 's/^title: A grounding week/title: marker-homework-pack week/' "$T_TMP/pack.md"
out=$(pw homework import "$T_TMP/pack.md")
t_eq "import exits 0" 0 $?
t_match "import says where to find it" 'Added as pack 1\. It is under "From my therapist"' "$out"
out=$(pw homework import "$T_TMP/pack.md")
t_match "the same file again is recognised" "already in the vault \(pack 1\); nothing was added" "$out"
pw homework import "$EX/boundaries-week.md" >/dev/null
list=$(pw homework list)
t_eq "two packs, not three" 2 "$(grep -c '^[0-9]' <<<"$list")"
t_match "the list names each pack" "^1  marker-homework-pack week"$'\n'"    from Alex Morgan, Riverside Counselling, assigned 2026-11-20, for the session on 2026-11-27, added 2026-11-23" "$list"
t_match "with each item not yet started" "Slow breathing +not yet" "$list"
t_match "the second pack too" "2  A week of small boundaries" "$list"
t_nomatch "no pressure words" "(overdue|missed|late|streak|failed)" "$list"

# The list numbers the items and shows the therapist's notes.
t_match "items are numbered" "     2\. Slow breathing +not yet" "$list"
t_match "the note under an exercise is in the list" \
	"Slow breathing +not yet"$'\n'"        A few minutes at a time, on a day when you are already fairly calm\." "$list"
t_match "and the note under a read item" "        A short page on why a body can stay braced" "$list"
t_match "the pack's note too" "    Small ways to come back to the present" "$list"

# A scale or a short answer can be answered from the command line (a
# screen reader's way in): the question is asked, the answer read from
# standard input, never from argv.
out=$(pw homework answer 1 5 <<<"6" 2>&1)
t_eq "answering a scale exits 0" 0 $?
t_match "it asks the question with what 0 and 10 mean" \
	"how settled did you feel on the whole\?"$'\n'"0 is on edge all week, 10 is mostly settled\." "$out"
t_match "and keeps the number" "Kept in your vault" "$out"
out=$(pw homework answer 1 5 <<<$'eleven\n4' 2>&1)
t_match "a number out of range is asked again" "A whole number from 0 to 10, please" "$out"
out=$(pw homework answer 1 6 <<<"marker-cli-answer" 2>&1)
t_eq "answering a short answer exits 0" 0 $?
list=$(pw homework list)
t_match "the latest number shows" "5\. How settled the week felt +4 of 10" "$list"
t_match "the answer counts" "6\. What to bring next time +answered" "$list"
t_match "the answer is in the vault" "marker-cli-answer" "$(pw export 2>/dev/null)"
t_exit "an exercise item is not answered here" 2 pw homework answer 1 2 </dev/null
t_exit "an item that is not there" 2 pw homework answer 1 9 </dev/null
t_exit "a pack that is not there" 2 pw homework answer 7 1 </dev/null
out=$(pw homework answer 1 6 </dev/null 2>&1)
t_eq "no answer at all keeps nothing and fails" 1 $?
t_match "and says so" "Stopped; nothing was kept" "$out"

# --plain: the same homework, as numbered menus and line prompts. Home
# offers it (only while there are packs), each item shows its status and
# the note, a scale is answered, and a page read to its end counts.
plain_out=$(printf '%s\n5\n1\n1\n2\n5\n3\n\n\n7\n' "$PASS" | LINES=1000 "$TEND_BIN" --plain 2>&1)
t_match "plain home offers the homework" "5\. Homework from my therapist" "$plain_out"
t_match "plain lists the pack" "1\. marker-homework-pack week" "$plain_out"
t_match "and its items with their status" "5\. How settled the week felt \(4 of 10\)" "$plain_out"
t_match "a read item shows its note" "A short page on why a body can stay braced" "$plain_out"
t_match "and its page to the end" "\(end of the page\)" "$plain_out"
t_match "an exercise with a screen of its own says where it runs" "This exercise runs on tend's full screen" \
	"$plain_out"
t_match "the read counts" "1\. Read about the nervous system \(read\)" "$plain_out"
# A written exercise runs from its item, and the finished run counts.
ex_out=$(printf '%s\n5\n1\n3\n1\n\n6\nf\n3\n\n\n' "$PASS" | LINES=1000 "$TEND_BIN" --plain 2>&1)
t_match "a written exercise can be started from its item" "Step 1 of 6: Five things you can see" "$ex_out"
t_match "and its finished run counts toward the item" "3\. 5-4-3-2-1 \(1 of 2" "$ex_out"
t_match "the scale shows its meaning" "0 is on edge all week, 10 is mostly settled" "$plain_out"
t_match "and keeps the number" "5\. How settled the week felt \(3 of 10\)" "$plain_out"

# Privacy: the pack's words live only inside the vault's encryption.
t_nomatch "the pack's words are not on disk in the clear" "." \
	"$(grep -rl marker-homework "$TEND_HOME" 2>/dev/null)"
t_match "but the vault holds them" "marker-homework-pack" "$(pw export 2>/dev/null)"

# Removing asks for --yes, and then takes the pack out.
t_exit "remove without --yes is a usage error" 2 pw homework remove 2
t_eq "and removed nothing" 2 "$(pw homework list | grep -c '^[0-9]')"
t_match "remove --yes removes it" "Pack 2 and what was kept for it are gone" \
	"$(pw homework remove --yes 2)"
t_eq "one pack left" 1 "$(pw homework list | grep -c '^[0-9]')"
t_exit "a pack that is not there exits 2" 2 pw homework remove --yes 2
t_exit "a number is needed" 2 pw homework remove --yes two
t_exit "a wrong passphrase exits 3" 3 "$TEND_BIN" --passphrase-fd 3 homework list 3<<<"not it"
t_exit "an unknown subcommand is a usage error" 2 pw homework send
t_exit "no subcommand is a usage error" 2 pw homework
t_exit "import needs one file" 2 pw homework import
t_exit "a missing file exits 1" 1 pw homework import "$T_TMP/none.md"
t_match "homework --help shows the subcommands" "tend homework remove --yes ID" \
	"$("$TEND_BIN" homework --help)"

# Bad packs: exit 1 (a pack to fix, not a damaged vault: that is 4), the
# line and what is wrong, and nothing added.
while IFS='|' read -r file want; do
	err=$(pw homework import "$F/$file" 2>&1)
	rc=$?
	t_eq "$file: exits 1" 1 "$rc"
	t_match "$file: names the line" "^tend: .*$file: $want" "$err"
done <<'LIST'
no-front-matter.md|line 1: the file must start with a line '---'
unknown-key.md|line 6: unknown key 'session'
bad-date.md|line 5: due: 2026-11-31 is not a day on the calendar
due-before.md|line 5: due \(2026-11-13\) is before assigned \(2026-11-20\)
no-items.md|line 6: a pack needs at least one item
unknown-kind.md|line 9: kind 'video' is not one tend knows
item-key.md|line 9: unknown key 'minutes' in an item
missing-page.md|line 8: page 'nervous' is not a Learn page or path module
unknown-exercise.md|line 8: exercise 'box-breathing' is not one this tend has
bad-times.md|line 9: times must be a whole number from 1 to 50
empty-prompt.md|line 6: a prompt item needs the prompt written under it
duplicate-heading.md|line 11: the heading 'Check in' is used twice \(first on line 6\)
too-many-items.md|line 66: more than 20 items; a pack holds at most 20
LIST
t_nomatch "nothing from a bad pack got in" "fixture-kept-out" "$(pw export 2>/dev/null)"

# Every problem in one run, each with its line, in the order of the file.
err=$(TEND_HOME=$T_TMP/none "$TEND_BIN" homework import --dry-run "$F/many-problems.md" 2>&1)
t_eq "a pack with many problems exits 1" 1 $?
t_eq "every problem is named" \
"tend: $F/many-problems.md: line 4: assigned: 2026-02-30 is not a day on the calendar; check the month and the day.
tend: $F/many-problems.md: line 5: unknown key 'colour'; a pack's front matter has title, from, assigned, due, note, content-note, label and key.
tend: $F/many-problems.md: line 13: times must be a whole number from 1 to 50.
tend: $F/many-problems.md: line 16: kind 'video' is not one tend knows; use read, exercise, prompt, scale, answer or measure.
tend: $F/many-problems.md: line 20: page 'nowhere' is not a Learn page or path module in this tend ('tend help topics' lists them).
tend: 5 problems in the pack; nothing was added." "$err"

# A blank line between an item's heading and its keys is fine.
printf -- '---\ntitle: Blank lines\nfrom: A. Tester\nassigned: 2026-11-20\n---\n## Breathe\n\nkind: exercise\nexercise: paced-breathing\ntimes: 2\n\nSlowly.\n' >"$T_TMP/blank.md"
out=$("$TEND_BIN" homework import --dry-run "$T_TMP/blank.md" 2>&1)
t_eq "a blank line after a heading is fine" 0 $?
t_match "and the keys under it are read" "Breathe: Paced breathing, 2 times" "$out"

# tend help topics lists every exercise a pack may name, and a pack may
# name every one it lists.
topics=$("$TEND_BIN" help topics)
t_match "help topics lists paced-breathing for packs" \
	"Exercises a homework pack may name.*"$'\n'"  paced-breathing +Paced breathing" "$topics"
dry() { "$TEND_BIN" homework import --dry-run "$1" >/dev/null 2>&1; }
ids=$(sed -n '/^Exercises a homework pack may name/,$p' <<<"$topics" | awk 'NR > 1 { print $1 }')
t_ok "it lists more than one" test "$(wc -l <<<"$ids")" -gt 5
for id in $ids; do
	printf -- '---\ntitle: T\nfrom: F\nassigned: 2026-11-20\n---\n## Do\nkind: exercise\nexercise: %s\n' \
		"$id" >"$T_TMP/ex.md"
	t_exit "a pack may name $id" 0 dry "$T_TMP/ex.md"
done

head -c 70000 /dev/zero | tr '\0' 'x' >"$T_TMP/big.md"
t_match "a file over 64 KiB is refused" "The pack is 70000 bytes; a pack may be at most 65536" \
	"$(pw homework import "$T_TMP/big.md" 2>&1)"
# A measure from the command line: each question with its responses; a
# safety question answered above its first response brings crisis help
# and the safety plan at once; the person's own total shows, never a band.
mid=$(pw homework import "$F/measure.md" | sed -n 's/^Added as pack \([0-9]*\).*/\1/p')
out=$(pw homework answer "$mid" 1 <<<$'2\n2\n1' 2>&1)
t_eq "answering a measure exits 0" 0 $?
t_match "each question comes with its responses" \
	"2 of 3\. I thought about hurting myself\."$'\n'"  1\. never"$'\n'"  2\. sometimes" "$out"
t_match "a safety answer brings crisis help at once" \
	"I thought about hurting myself.*call your local emergency number.*3 of 3\. I felt at ease" \
	"$(tr '\n' ' ' <<<"$out")"
t_match "the person's own total shows" "Your totals so far, oldest first:"$'\n'"  2026-11-23  4" "$out"
t_nomatch "never a band's label" "band-(low|high)-marker" "$out$(pw homework list)"
t_match "the list says it was answered" "1\. Three questions +answered once" "$(pw homework list)"
out=$(pw homework answer "$mid" 1 <<<$'1\n' 2>&1)
t_match "Enter part way keeps nothing and says so" "Nothing was kept" "$out"
t_match "a bad measure is named by line" "line 9: score: is sum or mean" \
	"$(printf -- '---\ntitle: T\nfrom: F\nassigned: 2026-11-20\n---\n## M\nkind: measure\nresponses: a | b\nscore: median\n\n1. Q\n' >"$T_TMP/m.md"; "$TEND_BIN" homework import --dry-run "$T_TMP/m.md" 2>&1)"

t_done
