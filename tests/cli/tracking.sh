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

# Reading back, changing and removing check-ins.
list=$(pw checkins)
# (The first three were saved at the real time, after TEND_NOW.)
t_eq "checkins lists them newest first: id, score, feelings, tags" \
	"3 5 - - | 2 4 lonely, tired work | 1 7 - - | 4 3 - - | " \
	"$(awk -F'\t' '{ printf "%s %s %s %s | ", $1, $3, $4 == "" ? "-" : $4, $5 == "" ? "-" : $5 }' <<<"$list")"
t_match "with the local time it was written at" $'\n4\t2026-07-01 21:30\t' "$list"
t_match "show prints one whole, the note too" "Check-in 3.*score: 5 of 10.*a slow start" "$(pw checkins show 3 | tr '\n' ' ')"
t_eq "edit changes what is given" "Changed check-in 4." \
	"$(pw checkins edit 4 --score 2 --at '2026-07-02 07:15' --tag ' family' --tag work)"
t_match "and keeps the rest" $'^4\t2026-07-02 07:15\t2\t\tfamily,work$' "$(pw checkins | tail -n 1)"
t_eq "the note is changed from standard input" "a better day" \
	"$(echo 'a better day' | pw checkins edit 4 --note - >/dev/null; pw checkins show 4 | tail -n 1)"
t_exit "edit with nothing to change is a usage error" 2 pw checkins edit 4
t_exit "edit of a check-in that is not there fails" 1 pw checkins edit 99 --score 3
t_exit "a score out of range is refused" 2 pw checkins edit 4 --score 12
t_exit "remove without --yes is refused" 2 pw checkins remove 4
t_eq "so it is still there" 4 "$(pw checkins | wc -l)"
t_eq "remove --yes removes it" "Removed check-in 4." "$(pw checkins remove --yes 4)"
t_eq "and it is gone" 3 "$(pw checkins | wc -l)"
t_exit "showing it now fails" 1 pw checkins show 4
t_exit "a bad number is a usage error" 2 pw checkins show four
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

# "What I did" takes several choices: numbers from the toolbox, and the
# person's own words after a comma; each is kept as its own choice.
tools=$(pw export 2>/dev/null | jq -r '[.tables.tools[] | .name] | "\(.[0])|\(.[2])"')
dids() {
	pw export 2>/dev/null | jq -r --argjson g "$1" '.tables as $t | [$t.trigger_did[] |
		select(.trigger_id == $g) | .tool_id as $k |
		if $k then ($t.tools[] | select(.id == $k) | .name) else .text end] | join("|")'
}
logged() { sed -n 's/^Saved trigger log \([0-9]*\).*/\1/p'; }
g=$(printf '1\nan old song\n\n7\n1 3, called my sister\n3\n8\n' | pw trigger 2>/dev/null | logged)
t_eq "each choice is stored, in order" "$tools|called my sister" "$(dids "$g")"
t_eq "the older did column keeps the own words" "called my sister" \
	"$(pw export 2>/dev/null | jq -r --argjson g "$g" '.tables.triggers[] | select(.id == $g) | .did')"
t_match "the CSV names every tool chosen, and the own words" \
	"^trigger,.*,called my sister,\"?${tools/|/; }\"?,8,yes"$'\r'"?\$" \
	"$(pw export --format csv 2>/dev/null | grep 'an old song')"
t_match "and so does the Markdown diary" "What I did: called my sister.*What helped: ${tools/|/, } \(8/10\)" \
	"$(pw export --format md 2>/dev/null | tr '\n' ' ')"
g=$(printf '1\n\n\n\n2,3\n\n' | pw trigger 2>/dev/null | logged)
t_eq "numbers with a comma and no space" \
	"$(pw export 2>/dev/null | jq -r '[.tables.tools[1:3][] | .name] | join("|")')" "$(dids "$g")"
g=$(printf '1\n\n\n\n3 walks\n\n' | pw trigger 2>/dev/null | logged)
t_eq "a number followed by words is all words" "3 walks" "$(dids "$g")"
err=$(printf '1\n\n\n\n1 99\n2\n\n' | pw trigger 2>&1 >/dev/null)
t_match "a number that is no tool is asked again" 'There is no tool 99' "$err"
t_eq "and the answer given then is kept" \
	"$(pw export 2>/dev/null | jq -r '.tables.tools[1].name')" "$(dids "$((g + 1))")"
t_eq "a log with one tool keeps it as its one choice" \
	"$(pw export 2>/dev/null | jq -r '.tables.tools[0].name')" "$(dids 1)"

out=$(pw safety-plan)
t_match "an empty safety plan prints every part" "My warning signs.*My reasons to keep going" "$(tr '\n' ' ' <<<"$out")"
t_exit "tend safety-plan takes no arguments" 2 pw safety-plan now

t_done
