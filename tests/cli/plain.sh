# tend --plain: the line-oriented front end, driven through a pipe as a
# screen reader or a serial line would. First run, check-in, a multi-line
# entry, a trigger log, a Learn page through the pager, crisis help from a
# nested prompt, bad answers asked again, the end of input and Ctrl-C
# mid-entry, no escape sequences, and nothing typed left in TEND_HOME.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
PASS='plain river stone'
O=$T_TMP/out
mkdir -p "$O"
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
# plain NAME INPUT: runs tend --plain with INPUT on standard input; the
# output goes to $O/NAME (outside TEND_HOME) and into $out; $rc is kept.
plain() {
	printf '%b' "$2" | "$TEND_BIN" --plain >"$O/$1" 2>"$O/$1.err"
	rc=$?
	out=$(cat "$O/$1")
}

# First run: a passphrase too short, then two that differ, then a good one;
# a wrong copy of the recovery code, then the check skipped; a region.
plain first "\nshort\n$PASS\n$PASS and more\n$PASS\n$PASS\n\nWRONG\n\ns\n1\nq\n"
t_eq "the first run ends cleanly" 0 "$rc"
t_match "the first screen says how to reach crisis help" \
	"a line holding only ! or help opens crisis help" "$out"
t_match "it says what tend is not" "it is not treatment" "$(tr '\n' ' ' <"$O/first")"
t_match "a short passphrase is refused with the reason" "Too short: please use at least 8" "$out"
t_match "two passphrases that differ are asked again" "The two passphrases differ" "$out"
t_ok "a vault was made" test -s "$TEND_HOME/key"
code=$(grep -Eo '[0-9A-Z]{5}(-[0-9A-Z]{5}){10}' "$O/first" | head -1)
t_match "the recovery code is shown" '^[0-9A-Z]{5}(-[0-9A-Z]{5}){10}$' "$code"
t_match "a wrong copy does not match, and the code is shown again" \
	"does not match the third group.*Your recovery code" "$(tr '\n' ' ' <"$O/first")"
t_match "the check can be skipped" "Check skipped" "$out"
t_match "the region chosen is kept in the settings" "region *= *US" "$(cat "$TEND_HOME/config")"
t_eq "the passphrase opens the vault from the command line" "" "$(pw list)"

# The recovery code check that matches: its third group, typed back.
G=$T_TMP/vault-g
TEND_HOME=$G "$TEND_BIN" --plain >"$O/g" 2>&1 < <(
	printf '\n%s\n%s\n\n' "$PASS" "$PASS"
	# wait for the code to be shown, then type its third group
	for _ in $(seq 100); do grep -q 'Your recovery code' "$O/g" 2>/dev/null && break; sleep 0.1; done
	grep -Eo '[0-9A-Z]{5}(-[0-9A-Z]{5}){10}' "$O/g" | head -1 | cut -d- -f3 | tr 'A-Z' 'a-z'
	printf '\n6\n')
t_match "the third group typed back (any case) matches" "That matches" "$(cat "$O/g")"

# A check-in, with bad scores asked again and crisis help from inside it.
plain checkin "$PASS\n1\n11\nlots\n6\n!\n\ncalm, marker-feeling tired\nmarker-note slow morning\nq\n"
t_eq "a check-in session ends cleanly" 0 "$rc"
t_match "every prompt says what to type" "Mood from 0 \(worst\) to 10 \(best\), or Enter to skip:" "$out"
t_match "a score outside 0-10 is asked again" "A whole number from 0 to 10, please" "$out"
t_eq "twice, for 11 and for a word" 2 "$(grep -c 'A whole number from 0 to 10' "$O/checkin")"
t_match "! at a nested prompt shows the region's crisis lines" \
	"Crisis lines: United States:.*988 Suicide & Crisis Lifeline: 988 \(call or text, 24/7\)" \
	"$(tr '\n' ' ' <"$O/checkin")"
t_match "each line with the date it was checked" "Number checked +20[0-9]{2}-[0-9]{2}-[0-9]{2}\." \
	"$(tr '\n' ' ' <"$O/checkin")"
t_match "the emergency number comes first" "call 911 +now" "$(tr '\n' ' ' <"$O/checkin")"
t_match "and it returns to the same question" \
	"Back where you were\.[[:space:]]+How you feel" "$out"
t_match "the check-in is saved" "Saved your check-in\." "$out"
json=$(pw export 2>/dev/null)
t_match "with its score" '"score": 6' "$json"
t_match "its feelings, split on commas" '"emotions": "calm,marker-feeling tired"' "$json"
t_match "and its note" '"note": "marker-note slow morning"' "$json"

# Menu choices out of range are asked again.
plain badmenu "$PASS\n99\nseven\n0\nq\n"
t_eq "a bad menu answer is asked again, each time" 3 \
	"$(grep -c 'That is not one of the numbers 1 to [0-9]*\.' "$O/badmenu")"

# A multi-line entry: title, tags, lines (an empty one too), ended by a dot;
# ! in the middle of it opens crisis help and is not written down.
plain entry "$PASS\n2\nmarker-title A long day\nwork, rest\nfirst line\n\nthird line é\n!\n\nlast line\n.\nq\n"
t_match "writing says how to end before it starts" \
	"End with a line holding only a dot \(\.\), or press Ctrl-D" "$out"
t_match "the entry is saved" "Saved your entry\." "$out"
t_match "after crisis help it goes back to the writing" "Back where you were; go on writing\." "$out"
t_match "it is listed with its tags" $'\tmarker-title A long day\trest,work$' "$(pw list)"
t_eq "every line is kept, and the ! is not" \
	"$(printf 'first line\n\nthird line é\nlast line')" "$(pw show 1 | tail -n +4)"

# A trigger log: the same questions as 'tend trigger'.
plain trigger "$PASS\n3\n99\n2\nmarker-what a door slammed\nkitchen\n12\n8\n1\n4\n6\nq\n"
t_match "a kind out of range is asked again" "That is not one of the numbers 1 to" "$out"
t_match "a distress score out of range is asked again" "A whole number from 0 to 10, please" "$out"
t_match "the trigger is logged" "Saved trigger log 1\." "$out"
t_match "with what happened" '"what": "marker-what a door slammed"' "$(pw export 2>/dev/null)"

# A Learn page through the pager: 10 rows, Enter for more, q to stop.
export LINES=10
plain learn "$PASS\n4\n1\n\nq\n\nq\n"
t_match "Learn lists the pages" "Learn: short pages to read at your own pace" "$out"
t_match "the page is shown" "Trauma" "$out"
t_match "the pager says what to type" "-- Enter for more, q to stop --" "$out"
t_eq "it stops to ask twice before q" 2 "$(grep -c 'Enter for more' "$O/learn")"
# Between one question and the next, at most LINES - 1 rows, so nothing
# scrolls away unread: from the Learn menu's question to the list again.
longest=$(sed -n -E '/^Learn: short/,$p' "$O/learn" |
	sed -n -E '/^Type a number from 1 to [0-9]+/,/^Learn: short/{p;/^Learn: short/q}' |
	awk '/Enter for more|^Type a number/ { if (n > m) m = n; n = 0; next } { n++ } END { print m }')
t_ok "no run of page lines is longer than the screen ($longest)" test "$longest" -le 9
t_nomatch "q stops the page" "end of the page" "$out"
plain learnall "$PASS\n4\n1\n$(printf '\\n%.0s' $(seq 40))q\n"
t_match "Enter pages to the end, with its sources, who reviewed it, when, and when next" \
	"Sources:.*Last reviewed [0-9-]+ by tend maintainers\..*Next review due [0-9-]+\..*\(end of the page\)" "$(tr '\n' ' ' <"$O/learnall")"
unset LINES

# help at the passphrase prompt, before anything is open.
plain crisisfirst "help\n\n$PASS\nq\n"
t_match "help at the passphrase prompt shows crisis help" "Crisis help: you do not have to" "$out"
t_match "and the passphrase is asked again" "Passphrase.*Crisis help.*Passphrase" "$(tr '\n' ' ' <"$O/crisisfirst")"
t_eq "then the vault opens" 0 "$rc"

# The end of input in the middle of an entry keeps it as a draft.
plain eof "$PASS\n2\nmarker-draft title\n"
t_eq "the end of input leaves cleanly" 0 "$rc"
t_match "the unfinished entry is kept as a draft" "kept as a draft" "$out"
t_match "the vault is closed" "Your vault is closed" "$out"
t_eq "it is not an entry yet" 1 "$(pw list | wc -l)"
plain draft "$PASS\n2\n1\nmarker-draft body\n.\nq\n"
t_match "the next time, the draft is offered" 'unfinished entry kept on .*titled "marker-draft title"' "$out"
t_match "and going on with it saves it" "Saved your entry\." "$out"
t_match "with its title" $'\tmarker-draft title\t' "$(pw list)"
plain nodraft "$PASS\n2\n"
t_nomatch "a saved draft is not offered again" "unfinished entry" "$out"
plain eofhome "$PASS"
t_eq "the end of input at the first prompt is a clean end too" 0 "$rc"

# Ctrl-C while writing: the words so far become a draft, the vault closes.
mkfifo "$T_TMP/in"
"$TEND_BIN" --plain <"$T_TMP/in" >"$O/sigint" 2>&1 &
pid=$!
exec 7>"$T_TMP/in"
printf '%s\n2\nmarker-interrupted\n\nsome words\n' "$PASS" >&7
for _ in $(seq 100); do grep -q 'Your entry (end with' "$O/sigint" && break; sleep 0.1; done
sleep 0.3
kill -INT "$pid"
wait "$pid"
rc=$?
exec 7>&-
t_eq "Ctrl-C leaves with 128 + SIGINT" 130 "$rc"
t_match "and says the entry was kept" "kept as a draft" "$(cat "$O/sigint")"
plain afterint "$PASS\n2\n1\n.\nq\n"
t_match "the interrupted entry comes back with its words" "So far:[[:space:]]+some words" "$out"

# A wrong passphrase three times: exit 3, nothing changed.
plain wrong "not it\nnor this\nstill no\n"
t_eq "three wrong passphrases exit 3" 3 "$rc"
t_match "with a way forward" "tend recover" "$out"

# --passphrase-fd: the passphrase comes from there, once; 0 is standard
# input, read like any answer.
out=$(printf '1\n4\n\n\nq\n' | "$TEND_BIN" --plain --passphrase-fd 3 3<<<"$PASS" 2>&1)
t_match "--passphrase-fd gives the passphrase" "Saved your check-in" "$out"
t_nomatch "and no passphrase prompt is shown" "Passphrase \(or" "$out"
printf 'q\n' | "$TEND_BIN" --plain --passphrase-fd 3 3<<<"not it" >/dev/null 2>&1
t_eq "a wrong one there exits 3 at once" 3 $?
out=$(printf '%s\n1\n3\n\n\nq\n' "$PASS" | "$TEND_BIN" --plain --passphrase-fd 0 2>&1)
t_match "--passphrase-fd 0 reads it from the same input" "Saved your check-in" "$out"

# Control characters typed do not reach the vault or the output.
plain ctrl "$PASS\n2\nmarker-ctrl \033[31mred\n\nplain text\n.\nq\n"
t_match "an escape typed in a title is dropped" $'\tmarker-ctrl \\[31mred\t' "$(pw list)"

# The terminal does not matter.
plain termunset "$PASS\nq\n"
env -u TERM "$TEND_BIN" --plain <<<"$(printf '%s\nq' "$PASS")" >"$O/noterm" 2>&1
t_eq "TERM unset works" 0 $?
TERM=dumb "$TEND_BIN" --plain <<<"$(printf '%s\n1\n5\n\n\nq' "$PASS")" >"$O/dumb" 2>&1
t_eq "TERM=dumb works" 0 $?
t_match "and saves a check-in there" "Saved your check-in" "$(cat "$O/dumb")"
t_eq "no output holds an escape character" "" "$(grep -l $'\x1b' "$O"/* 2>/dev/null)"
t_eq "nor any carriage-return redraw" "" "$(grep -l $'\r' "$O"/* 2>/dev/null)"

t_exit "--plain takes no command after it" 2 "$TEND_BIN" --plain list 2>/dev/null
t_match "without a terminal, plain tend points at --plain" "tend --plain" \
	"$("$TEND_BIN" </dev/null 2>&1)"
t_match "--help lists --plain" "--plain" "$("$TEND_BIN" --help)"

t_eq "nothing typed is in any file in TEND_HOME" "" \
	"$(grep -rl -e marker- -e 'some words' -e 'plain river' "$TEND_HOME" "$G" 2>/dev/null)"
t_done
