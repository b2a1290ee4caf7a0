# A check-in and a trigger log half filled in, in a real terminal (tmux),
# then tend is killed with SIGKILL straight after the last key (nothing can
# be saved at that moment: every change was kept as it was made) or its
# window is closed (SIGHUP). A fresh tend offers each back, with what was
# typed; nothing is saved as a check-in or log until the person saves it.
# The tmux server is private (its own socket) and killed at exit.
. "$(dirname "$0")/../lib.sh"
t_tmux e2e-form
export TEND_INSECURE_FAST_KDF=1 TEND_NOW=1795458600 TZ=UTC
export TEND_HOME=$T_TMP/tend-home
PASS='a form half filled in'

tp init >/dev/null 2>&1
printf 'region = US\n' >>"$TEND_HOME/config"
t_run_tend "TEND_NOW=$TEND_NOW" "XDG_STATE_HOME=$XDG_STATE_HOME"
tm -f /dev/null new-session -d -s e2e -n idle -x 100 -y 30 "sleep 3600"
PID=
open() {
	W=$1
	tm new-window -d -t e2e -n "$W" "sh -c '\"\$0\" \"\$1\"' '$T_TMP/run-tend' '$T_TMP/$W'"
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/$W.pid" ] && break
		sleep 0.02
	done
	PID=$(cat "$T_TMP/$W.pid")
	t_see "$W: the unlock screen" 'Type your passphrase to open it' || give_up
	text "$PASS"
	keys Enter
	t_see "$W: the home screen" '^ +Welcome( back)?\.' || give_up
}

# ---- a check-in, SIGKILL at once after the last key
open checkin
keys c
t_see "checkin: c opens the check-in" 'How are you, right now' || give_up
text 3
keys Tab Down Down Down Down Down Down Enter
t_see "checkin: the tags dialog" 'Words separated by commas' || give_up
text "heron-tag"
keys Enter
t_see "checkin: the tag is in the form" 'Tags +heron-tag'
kill -KILL "$PID"
gone "$PID" 2
t_ok "checkin: tend is gone" dead "$PID"
t_eq "checkin: nothing was saved as a check-in" "" "$(tp checkins)"
open checkin-again
keys c
t_see "checkin: it is offered back, with the number and the tag" 'Tags +heron-tag' &&
	t_match "checkin: the number chosen too" 'Chosen: 3 of 10' "$(screen)"
tm kill-window -t "e2e:$W"
gone "$PID" 3

# ---- a trigger log, its window closed (SIGHUP) at once after the last key
open trigger
keys Down Enter
t_see "trigger: the trigger menu" 'Log a new trigger' || give_up
keys Enter
t_see "trigger: the form" 'Kind of trigger' || give_up
keys Down Enter
t_see "trigger: what happened is asked" 'What happened' || give_up
text "egret-what"
keys Enter Down Down
text 7
t_see "trigger: the distress is in the form" 'Distress then \(0-10\) +7 of 10'
tm kill-window -t "e2e:$W"
gone "$PID" 3
t_ok "trigger: tend is gone after the hang-up" dead "$PID"
t_eq "trigger: nothing was saved as a log" 0 "$(tp export 2>/dev/null | jq '.tables.triggers | length')"
open trigger-again
keys Down Enter Enter
t_see "trigger: it is offered back" 'What happened +egret-what' &&
	t_match "trigger: with the distress" 'Distress then \(0-10\) +7 of 10' "$(screen)"

t_ok "tend verify passes at the end" tp verify >/dev/null
t_nomatch "nothing typed is on disk in the clear" "heron-tag|egret-what" \
	"$(grep -rlE 'heron-tag|egret-what' "$TEND_HOME" 2>/dev/null)"
t_done
