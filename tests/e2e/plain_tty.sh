# tend --plain in a real terminal (tmux), as a screen-reader user would
# meet it: the passphrase is not echoed, Ctrl-D ends an entry and goes
# back to the menu (a terminal goes on reading after it), Ctrl-D at the
# menu leaves, and the exit status is 0; with TERM=dumb, plain 'tend'
# suggests 'tend --plain'. The pipe cases are in
# tests/cli/plain.sh.
. "$(dirname "$0")/../lib.sh"
t_tmux plain
T_PANE=plain
export TEND_INSECURE_FAST_KDF=1 TZ=UTC TEND_HOME=$T_TMP/tend-home
PASS='plain terminal words'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
screen() { tm capture-pane -p -J -S -200 -t plain 2>/dev/null; }

tm new-session -d -s plain -x 80 -y 24 \
	"env -u TERM TEND_HOME='$TEND_HOME' '$TEND_BIN' --plain; echo \"exit=\$?\"; sleep 30"
t_see "the passphrase is asked on the terminal" 'Passphrase \(or ! for crisis help\):'
text "$PASS"
keys Enter
t_see "the home menu follows" 'Type a number from 1 to [0-9]+'
t_nomatch "the passphrase was not echoed" "$PASS" "$(screen)"
text 2
keys Enter
t_see "writing starts with the title" 'Title, one line'
text 'marker-tty title'
keys Enter
t_see "then the tags" 'Tags, separated by commas'
keys Enter
t_see "then the entry itself" 'Your entry \(end with a line'
text 'written in a real terminal'
keys Enter
keys C-d
t_see "Ctrl-D ends the entry and saves it" 'Saved your entry\.'
sleep 0.2
t_eq "the menu is asked again after the entry" 2 \
	"$(screen | grep -cE 'Type a number from 1 to [0-9]+')"
keys C-d
t_see "Ctrl-D at the menu leaves, with status 0" '^exit=0$'
t_match "the entry is in the vault" $'\tmarker-tty title\t' \
	"$("$TEND_BIN" --passphrase-fd 3 list 3<<<"$PASS")"

# In a terminal that cannot draw screens (TERM=dumb), plain 'tend' says
# why and points to --plain (it pointed only to --help).
tm kill-session -t plain 2>/dev/null
tm new-session -d -s plain -x 100 -y 24 \
	"env TERM=dumb TEND_HOME='$TEND_HOME' '$TEND_BIN'; echo \"exit=\$?\"; sleep 30"
t_see "TERM=dumb: tend says it cannot draw its screens" 'cannot show tend.s screens \(TERM is dumb\)'
t_see "and exits 1" '^exit=1$'
t_match "and suggests tend --plain" "tend --plain" "$(screen)"
t_done
