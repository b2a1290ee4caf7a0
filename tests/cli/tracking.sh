# Check-ins and trigger logs from the command line: tend mood and tend trigger.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"track pass"; }
"$TEND_BIN" --passphrase-fd 3 init 3<<<"track pass" >/dev/null 2>&1

t_match "a quick check-in is one command" '^Saved check-in 1\.$' "$(pw mood 7)"
t_match "emotions and tags may follow the score" '^Saved check-in 2\.$' \
	"$(pw mood 4 --emotion sad/lonely --emotion tired --tag work)"
t_match "the note comes from standard input" '^Saved check-in 3\.$' \
	"$(echo 'a slow start' | pw mood 5 --note -)"
t_exit "a score above 10 is a usage error" 2 pw mood 11
t_exit "a score that is not a number is a usage error" 2 pw mood high
t_exit "no score is a usage error" 2 pw mood
t_exit "a note on the command line is refused" 2 pw mood 5 --note "private words"
t_exit "a comma in --emotion is refused" 2 pw mood 5 --emotion a,b

out=$(printf '3\na door slammed\nkitchen\n8\n1\n4\n6\n' | pw trigger 2>/dev/null)
t_eq "a full trigger log" "Saved trigger log 1." "$out"
out=$(printf '6\nraised voices\n\n7\nwalked away\n\n' | pw trigger 2>/dev/null)
t_eq "log now, finish later (no distress after)" "Saved trigger log 2 (to finish later)." "$out"
out=$(printf '1\n' | pw trigger 2>&1 >/dev/null)
t_match "stopping part way saves nothing" 'Stopped; nothing was saved' "$out"
err=$(printf '1\nx\n\nnot a number\n5\n\n\n' | pw trigger 2>&1 >/dev/null)
t_match "a bad score is asked again" 'A whole number from 0 to 10' "$err"
t_exit "tend trigger takes no arguments" 2 pw trigger now

out=$(pw safety-plan)
t_match "an empty safety plan prints every part" "My warning signs.*My reasons to keep going" "$(tr '\n' ' ' <<<"$out")"
t_exit "tend safety-plan takes no arguments" 2 pw safety-plan now

t_done
