# The home screen and a sync tool's conflict copy: when another device's
# copy of the vault waits beside it, home says so in a calm line and offers
# "Bring in the copy from another device" first; choosing it merges the
# copy (its entry appears in the journal), moves the copy into merged/ once
# the vault verifies, and the note and the item go away. Without a copy
# the home screen is as ever.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800 LANG=C.UTF-8
PASS='sync screens'
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tend_ init >/dev/null 2>&1
printf 'region = US\n' >"$TEND_HOME/config"
echo "written here" | tend_ add >/dev/null
cp -a "$TEND_HOME" "$T_TMP/other"
echo "written on the laptop" | TEND_HOME=$T_TMP/other XDG_STATE_HOME=$T_TMP/state-other \
	TEND_NOW=1795420900 tend_ add >/dev/null
cc='tend.sync-conflict-20261205-101010-ABCDEFG.db'

printf 'size 30x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/plain.script"
"$SCREEN_BIN" "$T_TMP/plain.script" >"$T_TMP/plain.out" 2>&1
t_nomatch "no copy: no note and no item" 'another device' "$(t_section "$T_TMP/plain.out" home)"

cp "$T_TMP/other/tend.db" "$TEND_HOME/$cc"
printf 'size 30x100\ntype %s\nkey Enter\ndump home\nkey Enter\ndump brought\n' "$PASS" \
	>"$T_TMP/bring.script"
"$SCREEN_BIN" "$T_TMP/bring.script" >"$T_TMP/bring.out" 2>&1
home=$(t_section "$T_TMP/bring.out" home | tr -s ' \n' ' ')
t_match "home: a calm line naming the copy" "waiting beside this vault, in $cc" "$home"
t_match "and 'Bring in' as the first item" 'Welcome.*Bring in the copy from another device.*Check in' "$home"
after=$(t_section "$T_TMP/bring.out" brought | tr -s ' \n' ' ')
t_match "after it: the status bar says so" 'Brought in' "$after"
t_nomatch "and the item is gone" 'Bring in the copy' "$after"
t_ok "the copy is in merged/" test -f "$TEND_HOME/merged/$cc"
t_match "the laptop's entry is in the vault" 'written on the laptop' "$(tend_ list 2>/dev/null)"
t_ok "the vault verifies" tend_ verify
t_done
