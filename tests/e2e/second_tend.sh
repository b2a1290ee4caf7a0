# A second tend may write while the full screen is open. tend is unlocked
# in a real terminal (tmux) and left on its journal; from outside, as a
# script or cron job would, `tend add` and `tend mood` save at once (not
# exit 5), and within a few seconds the open journal shows the new entry
# without a key being pressed. Saving on the screen still works after, and
# `tend verify` passes with every entry there. Then `tend rekey`, which
# replaces the vault's files, waits and exits 5 while the screen is open.
. "$(dirname "$0")/../lib.sh"
t_tmux e2e
export TEND_INSECURE_FAST_KDF=1 TZ=UTC
export TEND_HOME=$T_TMP/tend-home
PASS='two at once'
W=main

tp init >/dev/null 2>&1
printf 'region = US\n' >>"$TEND_HOME/config"
printf 'Written before the screen opened\nfirst\n' | tp add >/dev/null
t_run_tend
tm -f /dev/null new-session -d -s e2e -n main -x 100 -y 30 "$T_TMP/run-tend"
t_see "the unlock screen" 'Type your passphrase to open it' || give_up
text "$PASS"
keys Enter
t_see "the home screen" 'Welcome( back)?\. There is nothing' || give_up
# Down to the Journal item, then Enter.
n=$(screen | awk 'prev == "" && /^    [^ ]/ { i++; if ($0 == "    Journal") { print i - 1; exit } } { prev = $0 }')
for ((i = 0; i < ${n:-0}; i++)); do keys Down; done
keys Enter
t_see "the journal lists the first entry" 'Written before the screen opened' || give_up

t0=$EPOCHREALTIME
out=$(printf 'Added by a script meanwhile\nfrom outside\n' | tp add 2>&1); rc=$?
t1=$EPOCHREALTIME
t_eq "tend add while the screen is open saves (exit 0)" 0 "$rc"
t_match "and says so" 'Saved entry' "$out"
t_ok "without waiting for the screen ($(( (${t1/./} - ${t0/./}) / 1000 )) ms)" \
	test $(( (${t1/./} - ${t0/./}) / 1000 )) -lt 2500
out=$(tp mood 6 2>&1); t_eq "tend mood while the screen is open saves (exit 0)" 0 $?
t_see "the open journal shows the new entry by itself" 'Added by a script meanwhile' 6

# The screen still saves: a new entry from the journal's own key.
keys Escape
t_see "back on the home screen" 'Welcome( back)?\. There is nothing'
keys w
t_see "w opens a new entry" '^  New entry' || give_up
text "Saved on the screen after"
keys Tab
text "the body"
keys C-s
sleep 1
out=$(tp rekey 2>&1 </dev/null); rc=$?
t_eq "rekey while the screen is open exits 5" 5 "$rc"
t_match "and says another tend has it open" 'open in another tend' "$out"
keys C-q
sleep 1
list=$(tp list)
t_match "the script's entry is kept" 'Added by a script meanwhile' "$list"
t_match "the screen's entry is kept" 'Saved on the screen after' "$list"
t_match "the first entry is kept" 'Written before the screen opened' "$list"
t_ok "tend verify passes" tp verify >/dev/null
t_match "the check-in is kept" '"score": 6' "$(tp export 2>/dev/null)"
t_done
