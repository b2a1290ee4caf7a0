# tend safety-plan: the printout carries the real emergency number and
# crisis lines of the region (chosen, else guessed from the locale), not
# "tend, then Ctrl-G"; --no-passphrase shows the readable copy only when
# the person turned it on; --copy checks its parts. In --plain mode the
# crisis page opens the safety plan (s): guidance, the person's words, a
# part written anew; locked, the readable copy or how to reach the plan.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
PASS='safety plan printout'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }

out=$(LANG=de_DE.UTF-8 pw safety-plan)
t_match "the printout: Germany's emergency number" "call 112 now" "$out"
t_match "and its crisis lines" "TelefonSeelsorge: 0800 111 0 111 .*0800 111 0 222" "$(tr '\n' ' ' <<<"$out")"
t_match "and where the region came from" "LANG=de_DE.UTF-8" "$out"
t_nomatch "not 'tend, then Ctrl-G' instead of numbers" "Crisis lines: tend, then Ctrl-G" "$out"
printf 'region = AU\n' >"$TEND_HOME/config"
out=$(LANG=de_DE.UTF-8 pw safety-plan)
t_match "a chosen region wins over the locale" "call 000 now.*Lifeline: 13 11 14.*13YARN: 13 92 76" \
	"$(tr '\n' ' ' <<<"$out")"
t_match "and says so" "settings file" "$out"
rm "$TEND_HOME/config"

out=$("$TEND_BIN" safety-plan --no-passphrase </dev/null)
t_match "--no-passphrase with the copy off says so" "no readable copy" "$out"
t_match "and still gives the lines" "Find A Helpline" "$out"
t_ok "no file appears" test ! -e "$TEND_HOME/safety-plan-readable.txt"
pw safety-plan --copy 0,9 >/dev/null 2>&1
t_eq "--copy with a part that does not exist is a usage error" 2 $?
t_ok "and writes nothing" test ! -e "$TEND_HOME/safety-plan-readable.txt"

# --plain: the crisis page, then s.
plain() {
	printf '%b' "$2" | LINES=200 "$TEND_BIN" --plain >"$T_TMP/$1" 2>"$T_TMP/$1.err"
	out=$(tr '\n' ' ' <"$T_TMP/$1" | tr -s ' ')
}
plain locked '!\ns\n\n'
t_match "plain, locked: the crisis page offers the plan" "s for your safety plan" "$out"
t_match "and says where the plan is" "Your safety plan is in your vault: unlock tend to see it" "$out"
plain open "$PASS\n!\ns\n1\nmarker-plain I go quiet\n\n\n\n"
t_match "plain: each part with its guidance" "My warning signs The thoughts, moods" "$out"
t_match "the means-safety step" "Making my surroundings safer Ways to put time and distance" "$out"
t_match "a part is written" "Saved\." "$out"
t_match "and kept in the vault" "marker-plain I go quiet" "$(pw safety-plan)"
pw safety-plan --copy 1 >/dev/null
plain copy '!\ns\n\n'
t_match "plain, locked, with the copy on: the copy" "the copy you keep readable.*marker-plain I go quiet" "$out"
pw safety-plan --copy off >/dev/null
t_ok "off removes it" test ! -e "$TEND_HOME/safety-plan-readable.txt"

# tend destroy takes the readable copy with the vault: nothing of the
# person's stays behind in the clear.
pw safety-plan --copy all >/dev/null
t_ok "the copy is on again" test -f "$TEND_HOME/safety-plan-readable.txt"
echo destroy | setsid -w "$TEND_BIN" destroy >/dev/null 2>&1
t_eq "destroy" 0 $?
t_ok "destroy removes the readable copy" test ! -e "$TEND_HOME/safety-plan-readable.txt"
t_done
