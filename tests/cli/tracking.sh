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

# Backdating: --at records a check-in or an entry at the local time given,
# with the offset of that moment; times that are not real, not in that
# form, or in the future are refused and nothing is saved.
export TZ=Europe/London TEND_NOW=1795420800 # 2026-11-23 08:00 UTC
t_match "a check-in from earlier" '^Saved check-in 4\.$' "$(pw mood 3 --at '2026-07-01 21:30')"
t_eq "it is stored at that local time, with summer time's offset" "2026-07-01 21:30 60 3" \
	"$(pw export 2>/dev/null |
		jq -r '.tables.moods[-1] | "\(.at + .at_off * 60 | todate | .[0:16] | sub("T"; " ")) \(.at_off) \(.score)"')"
t_match "an entry from earlier" '^Saved entry 1\.$' \
	"$(printf 'Before\nwritten on paper\n' | pw add --at '2026-01-02 07:05')"
t_match "the list shows its day" "2026-01-02" "$(pw list)"
for bad in '2026-02-30 10:00' '2026-13-01 10:00' '2026-07-01' '01/07/2026 10:00' 'yesterday' \
	'2026-07-01 10:00x' '2026-03-29 01:30'; do
	t_exit "--at '$bad' is refused" 2 pw mood 5 --at "$bad"
done
t_exit "--at in the future is refused" 2 pw mood 5 --at '2026-11-24 09:00'
t_match "the message shows the form" "like '2026-11-23 08:10'" "$(pw mood 5 --at 'soon' 2>&1)"
t_eq "nothing was saved by the refused ones" 4 "$(pw export 2>/dev/null | jq '.tables.moods | length')"
unset TZ TEND_NOW

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
