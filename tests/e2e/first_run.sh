# The real binary in a real terminal (tmux), driven as a new person would:
# the first run from the welcome screen to the home screen (passphrase
# typed twice, the recovery code read off the screen and its third group
# typed back, the region suggested from LANG=en_GB.UTF-8 chosen), crisis
# help and back, and Q, which ends tend with status 0 and gives the shell
# its terminal back (normal screen, cursor shown, keypad mode off, echo and
# line editing on). A second run opens on the unlock screen and the
# passphrase opens the vault. From the command line afterwards the vault
# verifies, and the recovery code that was on the screen sets a new
# passphrase. Second check: SIGTERM to an unlocked tend makes it leave
# within 2 seconds, with the terminal given back the same way, and the
# vault still verifies.
#
# Every wait is a poll with a time limit. The tmux server is private to this
# run (its own socket) and is killed at exit.
. "$(dirname "$0")/../lib.sh"
t_tmux e2e
T_PANE=e2e
export TEND_INSECURE_FAST_KDF=1 TEND_NOW=1795420800
HOME_DIR=$T_TMP/tend-home
PASS='a quiet walk by the river'
NEWPASS='a different quiet walk'
CODE_RE='[0-9A-Z]{5}(-[0-9A-Z]{5}){10}'
SOCK_PATH=
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; [ -n "$SOCK_PATH" ] && rm -f "$SOCK_PATH"; rm -rf "$T_TMP"' EXIT

# The terminal as the shell should get it back after tend: the normal
# screen, the cursor shown, keypad (application cursor) mode off, and
# echo and line editing on.
restored() {
	local what=$1 flags
	flags=$(tm display -p -t e2e '#{alternate_on} #{cursor_flag} #{keypad_flag} #{keypad_cursor_flag}')
	t_eq "$what: normal screen, cursor shown, keypad off" "0 1 0 0" "$flags"
	keys "clear; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(echo|icanon)' | tr '\n' ' '; echo" Enter
	t_see "$what: echo and line editing on (stty)" '^(echo icanon|icanon echo) ?$' 3
}

# One shell in a 100x30 terminal, with tend on its PATH.
mkdir -p "$T_TMP/bin"
ln -s "$TEND_BIN" "$T_TMP/bin/tend"
tm -f /dev/null new-session -d -s e2e -x 100 -y 30 \
	env -i PATH="$T_TMP/bin:/usr/bin:/bin" HOME="$T_TMP" TERM=screen PS1='$ ' \
	TEND_HOME="$HOME_DIR" TEND_INSECURE_FAST_KDF=1 TEND_NOW="$TEND_NOW" \
	LC_ALL=C.UTF-8 LANG=en_GB.UTF-8 bash --norc --noprofile -i
t_ok "tmux started a terminal" t_wait_for '^\$$' 5
# kill-server can leave the socket file behind; it is removed at exit.
SOCK_PATH=$(tm display -p '#{socket_path}')
start=$(date +%s)

# ---- the first run ----------------------------------------------------------
text 'tend; echo EXIT=$?'
keys Enter
t_see "first run: the welcome screen" '^ +Welcome$'
keys Enter
t_see "first run: the privacy screen names the vault folder" "The vault folder: $HOME_DIR"
keys Enter
t_see "first run: the passphrase screen" 'Choose a passphrase'
text "$PASS"
t_see "first run: the passphrase shows as stars" 'Passphrase: +\*{25}$'
keys Tab
text "$PASS"
t_see "first run: the second copy shows as stars" 'Once more: +\*{25}$'
keys Enter
t_see "first run: the vault is made and the recovery code shown" "$CODE_RE"
CODE=$(screen | grep -oE "$CODE_RE" | head -n 1)
keys Enter
t_see "first run: the check screen" 'Third group:'
text "$(cut -d- -f3 <<<"$CODE" | tr A-Z a-z)"
keys Enter
t_see "first run: the third group (typed in lower case) is accepted" 'Where are you\?'
t_see "first run: the United Kingdom is suggested" 'United Kingdom +\(suggested\)'
keys Enter
t_see "first run: the first-step screen" 'Your vault is ready'
keys Escape
# Was a bug: the very first visit to home was greeted "Welcome back".
t_see "first run: Esc goes to the home screen" '^ +Welcome\. There is nothing'
keys C-g
t_see "first run: Ctrl-G shows crisis help for the region chosen" 'Crisis lines: United Kingdom'
t_see "first run: ... with the Samaritans" 'Samaritans'
keys Escape
t_see "first run: Esc goes back to the home screen" '^ +Welcome\. There is nothing'
keys Q
t_see "first run: Q quits with status 0" '^EXIT=0$'
restored "after Q"
t_eq "first run: config holds the region" "region = GB" "$(grep '^region' "$HOME_DIR/config" 2>&1)"

# ---- the second run ---------------------------------------------------------
keys "clear; tend; echo EXIT=\$?" Enter
t_see "second run: the unlock screen" 'Type your passphrase to open it'
text "$PASS"
keys Enter
t_see "second run: the passphrase opens the home screen" '^ +Welcome back\.'
keys Q
t_see "second run: Q quits with status 0" '^EXIT=0$'

# ---- from the command line ----------------------------------------------------
t_ok "tend verify passes with the passphrase" \
	env TEND_HOME="$HOME_DIR" "$TEND_BIN" --passphrase-fd 3 verify 3<<<"$PASS"
t_ok "the recovery code read off the screen works with tend recover" \
	env TEND_HOME="$HOME_DIR" "$TEND_BIN" --passphrase-fd 3 recover 3< <(printf '%s\n%s\n' "$CODE" "$NEWPASS")
t_ok "tend verify passes with the new passphrase" \
	env TEND_HOME="$HOME_DIR" "$TEND_BIN" --passphrase-fd 3 verify 3<<<"$NEWPASS"
t_exit "the old passphrase no longer opens the vault" 3 \
	env TEND_HOME="$HOME_DIR" "$TEND_BIN" --passphrase-fd 3 verify 3<<<"$PASS"

# ---- SIGTERM to an unlocked tend -----------------------------------------------
keys "clear; sh -c 'echo \$\$ >\"\$0\"; exec tend' $T_TMP/pid; echo EXIT=\$?" Enter
t_see "SIGTERM: the unlock screen" 'Type your passphrase to open it'
text "$NEWPASS"
keys Enter
t_see "SIGTERM: unlocked, the home screen" '^ +Welcome back\.'
pid=$(cat "$T_TMP/pid")
t0=$(date +%s%N)
kill -TERM "$pid"
t_see "SIGTERM: tend leaves, and the shell prints its status" '^EXIT=[0-9]+$' 2
t1=$(date +%s%N)
t_ok "SIGTERM: gone within 2 seconds ($(((t1 - t0) / 1000000)) ms)" test $(((t1 - t0) / 1000000)) -le 2000
echo "# exit status after SIGTERM: $(screen | grep -oE '^EXIT=[0-9]+$')"
t_ok "SIGTERM: the process is gone" test ! -d "/proc/$pid"
restored "after SIGTERM"
t_ok "SIGTERM: tend verify still passes" \
	env TEND_HOME="$HOME_DIR" "$TEND_BIN" --passphrase-fd 3 verify 3<<<"$NEWPASS"

echo "# e2e took $(($(date +%s) - start)) s"
t_done
