# A whole vault put back from an older copy (a sync tool's history, an old
# disk image): every page is genuine, so only this computer's mark of the
# last change it saw can tell. Such a vault opens read-only with a warning
# until 'tend accept-older'; the mark lives outside the vault folder and
# cannot be forged or moved to another vault.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1
export TEND_HOME=$T_TMP/vault
PASS='rollback passphrase'
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
snap() { (cd "$TEND_HOME" && sha256sum tend.db key); }

tp init >/dev/null 2>&1; t_eq "init exits 0" 0 $?
echo "Before the copy" | tp add >/dev/null 2>&1
cp -a "$TEND_HOME" "$T_TMP/old"
echo "Written after the copy" | tp add >/dev/null 2>&1
t_eq "the mark is kept outside the vault folder" 1 "$(ls "$XDG_STATE_HOME/tend" | grep -c '^seen-')"
t_eq "nothing of it in the vault folder" 0 "$(ls "$TEND_HOME" | grep -c seen)"

rm -rf "$TEND_HOME"; cp -a "$T_TMP/old" "$TEND_HOME"
out=$(tp list 2>"$T_TMP/err"); rc=$?
t_eq "an older vault still opens to read (exit 0)" 0 "$rc"
t_match "it lists what it holds" "Before the copy" "$out"
t_match "a warning says it is older than this computer saw" "older than the one this computer last opened" "$(cat "$T_TMP/err")"
t_match "and names the way out" "tend accept-older" "$(cat "$T_TMP/err")"
before=$(snap)
out=$(echo "Into the old copy" | tp add 2>&1); rc=$?
t_eq "writing to it is refused (exit 1)" 1 "$rc"
t_match "the refusal says why" "older than the one this computer last opened.*saved nothing" "$out"
t_eq "the refused write changed nothing" "$before" "$(snap)"
out=$(tp mood 4 2>&1); t_eq "a check-in is refused too" 1 $?

# A mark edited by hand (a lower count, its MAC not matching) is not
# believed: it is written anew from the vault as it is.
mark=$(ls "$XDG_STATE_HOME"/tend/seen-*)
cp "$mark" "$T_TMP/mark.keep"
sed -i 's/^tend-seen 1 [0-9]*/tend-seen 1 1/' "$mark"
out=$(tp list 2>&1)
t_nomatch "a forged mark is not believed (no warning)" "older than" "$out"
cp "$T_TMP/mark.keep" "$mark"

out=$(tp accept-older 2>&1); rc=$?
t_eq "accept-older exits 0" 0 "$rc"
t_match "accept-older says what it did" "takes this copy" "$out"
out=$(echo "After accepting" | tp add 2>&1); t_eq "writing works again" 0 $?
out=$(tp list 2>&1)
t_nomatch "no warning after accepting" "older than" "$out"
out=$(tp accept-older 2>&1)
t_match "accept-older on a current vault changes nothing" "nothing to accept" "$out"

# A second vault's mark is its own: copying one mark over another's name
# does not carry over (the MAC binds the vault id).
export TEND_HOME=$T_TMP/vault2
tp init >/dev/null 2>&1
echo one | tp add >/dev/null 2>&1
mark2=$(ls -t "$XDG_STATE_HOME"/tend/seen-* | head -1)
[ "$mark2" != "$mark" ] && cp "$mark" "$mark2"
out=$(tp list 2>&1); t_eq "another vault's mark under this name: opens (exit 0)" 0 $?
t_nomatch "and is not taken for this vault's" "older than" "$out"
t_done
