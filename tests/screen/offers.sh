# Tools offered at the moment they help: after a check-in of 3 or less, or a
# trigger log whose latest distress is 7 or more, one calm line offers slow
# breathing, grounding or the safety plan (1, 2, 3 or Enter opens one, Esc
# closes it); a middling check-in or a log that ended calmer brings nothing.
# A toolbox row that is one of tend's exercises starts it with Enter, and an
# exercise ends by showing the distress before and after.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800
PASS='offered, never pushed'
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tend_ init >/dev/null 2>&1
printf 'size 40x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
run() { "$SCREEN_BIN" "$1" >"$1.out" 2>&1; }
sec() { t_section "$1.out" "$2" | tr -s ' \n' ' '; }
OFFER='If you like, one of these may help right now'

# A check-in with SCORE, then KEYS after the save.
checkin() { # NAME SCORE KEYS...
	local name=$1 score=$2
	shift 2
	{
		printf 'size 40x100\ntype %s\nkey Enter\nkey c\n' "$PASS"
		[ "$score" = 10 ] && printf 'type 1\ntype 0\n' || printf 'type %s\n' "$score"
		printf 'key Enter\ndump saved\n'
		for k in "$@"; do printf '%s\n' "$k"; done
		printf 'dump after\n'
	} >"$T_TMP/$name"
	run "$T_TMP/$name"
}

checkin low 2
t_match "a low check-in brings the offer" "$OFFER" "$(sec "$T_TMP/low" saved)"
t_match "the offer names breathing, grounding and the safety plan" \
	"1 Slow breathing .*2 Grounding: 5-4-3-2-1 .*3 My safety plan" "$(sec "$T_TMP/low" saved)"
t_match "the save is still said" "Checked in" "$(sec "$T_TMP/low" saved)"
checkin edge 3
t_match "3 is low enough for the offer" "$OFFER" "$(sec "$T_TMP/edge" saved)"
for score in 4 5 10; do
	checkin "mid$score" "$score"
	t_nomatch "a check-in of $score brings no offer" "$OFFER" "$(sec "$T_TMP/mid$score" saved)"
	t_match "a check-in of $score is saved as ever" "Checked in" "$(sec "$T_TMP/mid$score" saved)"
done

checkin esc 1 'key Esc'
t_nomatch "Esc closes the offer" "$OFFER" "$(sec "$T_TMP/esc" after)"
t_match "and leaves the home screen as it was" "Check in" "$(sec "$T_TMP/esc" after)"
checkin one 1 'type 1'
t_match "1 opens paced breathing" "Paced breathing" "$(sec "$T_TMP/one" after)"
t_nomatch "and the offer is gone" "$OFFER" "$(sec "$T_TMP/one" after)"
checkin two 1 'type 2'
t_match "2 opens grounding" "5-4-3-2-1 grounding" "$(sec "$T_TMP/two" after)"
checkin three 1 'type 3'
t_match "3 opens the safety plan" "My safety plan" "$(sec "$T_TMP/three" after)"
checkin enter 1 'key Down' 'key Enter'
t_match "Down and Enter open the second tool" "5-4-3-2-1 grounding" "$(sec "$T_TMP/enter" after)"
checkin back 1 'type 1' 'key Esc'
t_match "leaving the tool comes back home, not to the offer" "Check in" "$(sec "$T_TMP/back" after)"
t_nomatch "the offer is shown once per save" "$OFFER" "$(sec "$T_TMP/back" after)"
t_eq "every check-in was saved" "1 1 1 1 1 1 2 3 4 5 10" \
	"$(tend_ checkins | awk -F'\t' '{ print $3 }' | sort -n | tr '\n' ' ' | sed 's/ $//')"

# A trigger log: distress before (and after), then saved as finished.
trigger() { # NAME BEFORE AFTER (AFTER "-": not given)
	{
		printf 'size 40x100\ntype %s\nkey Enter\n' "$PASS"
		t_downs "$T_TMP/home.out" "Log a trigger"
		printf 'key Enter\nkey Enter\nkey Down\nkey Down\nkey Down\ntype %s\n' "$2"
		if [ "$3" != - ]; then
			printf 'key Down\nkey Down\nkey Down\nkey Down\nkey Down\ntype %s\n' "$3"
		fi
		printf 'key Down\nkey Down\nkey End\nkey Up\nkey Enter\ndump saved\ntype 2\ndump chosen\n'
	} >"$T_TMP/$1"
	run "$T_TMP/$1"
}
trigger high 8 -
t_match "a trigger log at 8 brings the offer" "$OFFER" "$(sec "$T_TMP/high" saved)"
t_match "the log is saved" "Saved\. Noticing a trigger" "$(sec "$T_TMP/high" saved)"
t_match "and 2 opens grounding from there" "5-4-3-2-1 grounding" "$(sec "$T_TMP/high" chosen)"
trigger edge7 7 -
t_match "7 is high enough for the offer" "$OFFER" "$(sec "$T_TMP/edge7" saved)"
trigger calmer 8 3
t_nomatch "a log that came down to 3 brings no offer" "$OFFER" "$(sec "$T_TMP/calmer" saved)"
trigger middling 6 -
t_nomatch "a log at 6 brings no offer" "$OFFER" "$(sec "$T_TMP/middling" saved)"
t_match "and is saved as ever" "Saved\. Noticing a trigger" "$(sec "$T_TMP/middling" saved)"
t_eq "every log was saved, with its numbers" "6/null 7/null 8/3 8/null" \
	"$(tend_ export 2>/dev/null | jq -r '.tables.triggers[] | "\(.suds_before)/\(.suds_after)"' |
		sort | tr '\n' ' ' | sed 's/ $//')"

# The toolbox: a row that is an exercise starts it; others stay rows.
toolbox() { # NAME DOWNS
	{
		printf 'size 40x100\ntype %s\nkey Enter\n' "$PASS"
		t_downs "$T_TMP/home.out" "Log a trigger"
		printf 'key Enter\nkey Down\nkey Enter\n'
		for ((i = 0; i < $2; i++)); do echo "key Down"; done
		printf 'dump toolbox\nkey Enter\ndump started\n'
	} >"$T_TMP/$1"
	run "$T_TMP/$1"
}
toolbox breathing 0
t_match "the toolbox says Enter starts an exercise row" "Slow breathing .*Enter starts it now" \
	"$(sec "$T_TMP/breathing" toolbox)"
t_match "Enter on Slow breathing opens paced breathing" "Paced breathing" \
	"$(sec "$T_TMP/breathing" started)"
toolbox ground 1
t_match "Enter on Grounding opens the 5-4-3-2-1 exercise" "5-4-3-2-1 grounding" \
	"$(sec "$T_TMP/ground" started)"
toolbox plain 2
t_nomatch "a row that is no exercise says nothing of starting" "starts it now" \
	"$(sec "$T_TMP/plain" toolbox)"
t_match "and Enter on it leaves the toolbox as it is" "My coping toolbox" "$(sec "$T_TMP/plain" started)"

# Breathing ends with the change in distress, when both were given.
cat >"$T_TMP/breathe" <<SCRIPT
size 40x100
type $PASS
key Enter
key Ctrl-G
key B
key Enter
type 7
key Enter
wait 12
key Esc
type 4
key Enter
dump ended
key Ctrl-G
key B
key Enter
type 6
key Enter
wait 12
key Esc
key Tab
dump after skipped
SCRIPT
run "$T_TMP/breathe"
t_match "breathing ends with distress 7 → 4" "distress 7 → 4" "$(sec "$T_TMP/breathe" ended)"
t_match "without the after, no change is shown" "Noted\. Come back" "$(sec "$T_TMP/breathe" "after skipped")"
t_nomatch "and no arrow" "→" "$(sec "$T_TMP/breathe" "after skipped")"

t_done
