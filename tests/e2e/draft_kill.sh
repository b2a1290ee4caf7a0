# A half-written entry survives tend being ended from outside. In a real
# terminal (tmux), tend is unlocked, `w` opens a new entry, and a title and
# half a sentence with a unique marker word are typed. Then tend is ended:
#   (a) SIGTERM, sent at once (before the two-second autosave could run:
#       the screen just before the signal has no "Draft kept");
#   (b) SIGHUP, by closing its tmux window, also at once;
#   (c) SIGKILL three seconds after the last key, after the autosave
#       (written two seconds after typing stops) shows "Draft kept".
# Each time tend must leave promptly (within 2 s for the signals it
# catches; after SIGTERM, having saved, with status 143 = 128 + 15),
# `tend verify` must pass, and `tend list` must not show the marker (a
# draft is not an entry). A fresh tend then offers "Continue your draft"
# on its home screen; that item opens the title and the half sentence;
# Ctrl-S saves them, and `tend list` and `tend show` have them.
#
# Not tested, by design: SIGKILL cannot be caught, so a SIGKILL sooner
# than two seconds after the last key loses what was typed since the last
# autosave (at most those two seconds of typing); (c) waits past that.
#
# Each tend runs in a tmux window of its own, under a shell that writes
# its exit status to a file (closing the window hangs up both). Every wait
# is a poll with a time limit; the tmux server is private (its own socket)
# and killed at exit.
. "$(dirname "$0")/../lib.sh"
t_tmux e2e
export TEND_INSECURE_FAST_KDF=1 TEND_NOW=1795458600 TZ=UTC
export TEND_HOME=$T_TMP/tend-home
PASS='a half written sentence'
start=$(date +%s)

ms() { echo $(($(date +%s%N) / 1000000)); }
# ended: tend's exit status as the shell around it saw it ("status N";
# 128 + N for signal N), once it is written.
ended() {
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/$W.status" ] && { cat "$T_TMP/$W.status"; return; }
		sleep 0.02
	done
	echo "no status"
}

"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
t_ok "a vault" test -s "$TEND_HOME/key"
printf 'region = US\n' >>"$TEND_HOME/config"
printf 'An older entry\nwritten before\n' | tp add >/dev/null

# tend in a window of its own, in a clean environment.
t_run_tend "TEND_NOW=$TEND_NOW"
tm -f /dev/null new-session -d -s e2e -n idle -x 100 -y 30 "sleep 3600"
PID=
# open NAME: tend in a new window NAME, unlocked, on the home screen.
open() {
	W=$1
	# A shell around tend writes its exit status.
	tm new-window -d -t e2e -n "$W" \
		"sh -c '\"\$0\" \"\$1\"; echo \"status \$?\" >\"\$1.status\"' '$T_TMP/run-tend' '$T_TMP/$W'"
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$T_TMP/$W.pid" ] && break
		sleep 0.02
	done
	PID=$(cat "$T_TMP/$W.pid")
	t_see "$W: the unlock screen" 'Type your passphrase to open it' || give_up
	text "$PASS"
	keys Enter
	t_see "$W: the home screen" '^ +Welcome( back)?\. There is nothing' || give_up
}
# half NAME MARK: opens tend, writes a title and half a sentence.
LAST_KEY=0
half() {
	open "$1"
	keys w
	t_see "$W: w opens a new entry" '^  New entry' || give_up
	text "Unfinished $2"
	keys Tab
	text "I was about to say that the $2 was"
	LAST_KEY=$(ms)
	t_see "$W: the half sentence is on the screen" "the $2 was\$"
}
# after_kill NAME MARK: the checks once tend is gone, then a fresh tend
# continues the draft and saves it.
after_kill() {
	local name=$1 mark=$2
	t_ok "$name: tend verify passes" tp verify >/dev/null
	t_eq "$name: the draft is not an entry (tend list has no marker)" "" \
		"$(tp list | grep -F "$mark")"
	open "$name-again"
	t_see "$name: a fresh start offers \"Continue your draft\"" '^ +Continue your draft$'
	# Down to that item (each item is a title line after a blank line;
	# the menu's order may change), then Enter.
	local n i
	n=$(screen | awk 'prev == "" && /^    [^ ]/ { i++; if ($0 == "    Continue your draft") { print i - 1; exit } } { prev = $0 }')
	for ((i = 0; i < ${n:-0}; i++)); do keys Down; done
	keys Enter
	t_see "$name: opening it shows the half sentence" "^  I was about to say that the $mark was\$"
	t_see "$name: ... with its title" "Title: +Unfinished $mark\$"
	text " kind."
	keys C-s
	t_see "$name: Ctrl-S saves it" 'Saved [0-9]{2}:[0-9]{2}$'
	keys C-q
	gone "$PID" 3
	t_eq "$name: Ctrl-Q quits with status 0" "status 0" "$(ended)"
	t_match "$name: tend list has the entry" "	Unfinished $mark	" "$(tp list)"
	t_match "$name: tend show has the whole sentence" "I was about to say that the $mark was kind\." \
		"$(tp show "$(tp list | grep -F "Unfinished $mark" | cut -f1)")"
}

# ---- (a) SIGTERM ---------------------------------------------------------------------
MARK_A="heron${RANDOM}a"
half sigterm "$MARK_A"
before=$(screen)
t0=$(ms)
kill -TERM "$PID"
gone "$PID" 2
t1=$(ms)
echo "# SIGTERM $((t0 - LAST_KEY)) ms after the last key; gone $((t1 - t0)) ms later"
t_nomatch "sigterm: sent before the autosave (no \"Draft kept\" on the screen)" 'Draft kept' "$before"
t_ok "sigterm: tend is gone within 2 seconds" dead "$PID"
t_eq "sigterm: tend ends with status 143 (128 + SIGTERM)" "status 143" "$(ended)"
after_kill sigterm "$MARK_A"

# ---- (b) SIGHUP: the window is closed ---------------------------------------------------
MARK_B="heron${RANDOM}b"
half sighup "$MARK_B"
before=$(screen)
t0=$(ms)
tm kill-window -t "e2e:$W"
gone "$PID" 2
t1=$(ms)
echo "# window closed $((t0 - LAST_KEY)) ms after the last key; tend gone $((t1 - t0)) ms later"
t_nomatch "sighup: closed before the autosave (no \"Draft kept\" on the screen)" 'Draft kept' "$before"
t_ok "sighup: tend is gone within 2 seconds of its window closing" dead "$PID"
after_kill sighup "$MARK_B"

# ---- (c) SIGKILL three seconds after the last key ------------------------------------------
MARK_C="heron${RANDOM}c"
half sigkill "$MARK_C"
t_see "sigkill: \"Draft kept\" two seconds after the last key" 'Draft kept [0-9]{2}:[0-9]{2}$' 4
kept=$(ms)
left=$((LAST_KEY + 3000 - kept))
[ "$left" -gt 0 ] && sleep "$((left / 1000)).$(printf '%03d' $((left % 1000)))"
t0=$(ms)
kill -KILL "$PID"
gone "$PID" 2
echo "# \"Draft kept\" seen $((kept - LAST_KEY)) ms after the last key; SIGKILL at $((t0 - LAST_KEY)) ms"
t_ok "sigkill: tend is gone" dead "$PID"
t_eq "sigkill: killed by signal 9" "status 137" "$(ended)"
after_kill sigkill "$MARK_C"

t_eq "three entries saved from drafts, and the older one" 4 "$(tp list | grep -c .)"
t_ok "tend verify passes at the end" tp verify >/dev/null
echo "# e2e took $(($(date +%s) - start)) s"
t_done
