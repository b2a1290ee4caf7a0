# File modes in the vault folder. Every vault file (key, key.bak, tend.db,
# tend.db-journal, lock) is 0600: made so whatever the umask, and set back
# to 0600 at the next open when something loosened it (a chmod, a copy
# tool; SQLite gives the journal tend.db's mode). The folder is never
# changed, since it may be shared on purpose; when group or others may
# read or write it, every open says so once on stderr, naming the folder
# and 'chmod 700 DIR'.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1
PASS='modes passphrase'
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
FILES='key key.bak tend.db tend.db-journal lock'
# modes DIR: "name mode" for each vault file, one line.
modes() { local f out=''; for f in $FILES; do out+="$f $(stat -c %a "$1/$f" 2>/dev/null || echo none) "; done; echo "$out"; }
ALL600='key 600 key.bak 600 tend.db 600 tend.db-journal 600 lock 600 '

# ---- made private, whatever the umask ------------------------------------
export TEND_HOME=$T_TMP/open
(umask 000 && tp init >/dev/null 2>&1 && echo 'First entry' | tp add >/dev/null 2>&1)
t_eq "umask 000: init and add exit 0" 0 $?
t_eq "umask 000: every vault file is 0600" "$ALL600" "$(modes "$TEND_HOME")"
t_eq "umask 000: the new folder is 0700" 700 "$(stat -c %a "$TEND_HOME")"
(umask 000 && tp list >/dev/null 2>"$T_TMP/err")
t_eq "a private folder: nothing said about it" "" "$(cat "$T_TMP/err")"

# ---- loosened: mended at open, the folder told about --------------------
chmod 755 "$TEND_HOME"
chmod 644 "$TEND_HOME/tend.db" "$TEND_HOME/key" "$TEND_HOME/lock"
chmod 664 "$TEND_HOME/key.bak"
chmod 666 "$TEND_HOME/tend.db-journal"
out=$(tp list 2>"$T_TMP/err"); rc=$?
err=$(cat "$T_TMP/err")
t_eq "folder 0755, files 0644: list exits 0" 0 "$rc"
t_match "... and lists the entry" 'First entry' "$out"
t_eq "... every vault file is 0600 again" "$ALL600" "$(modes "$TEND_HOME")"
t_eq "... the folder is left as it was" 755 "$(stat -c %a "$TEND_HOME")"
t_match "... stderr names the folder and its mode" "the vault folder $TEND_HOME can be opened by other people on this computer \(mode 0755\)" "$err"
t_match "... and says it may be shared on purpose" 'in case you share it on purpose' "$err"
t_match "... and how to fix it" "chmod 700 $TEND_HOME\$" "$err"
t_eq "... once" 1 "$(grep -c 'chmod 700' <<<"$err")"
t_nomatch "... a folder others cannot write: no word of replacing files" 'replace' "$err"
# A write after the mend keeps the journal private (it takes tend.db's mode).
echo 'Second entry' | tp add >/dev/null 2>&1
t_eq "after another add every vault file is still 0600" "$ALL600" "$(modes "$TEND_HOME")"

chmod 770 "$TEND_HOME"
tp list >/dev/null 2>"$T_TMP/err"
t_match "a folder the group can write: said, with what that allows" 'mode 0770.*remove or replace its files.*chmod 700' "$(cat "$T_TMP/err")"
chmod 711 "$TEND_HOME"
tp list >/dev/null 2>"$T_TMP/err"
t_eq "a folder others can only pass through (0711): nothing said" "" "$(cat "$T_TMP/err")"
chmod 700 "$TEND_HOME"
tp list >/dev/null 2>"$T_TMP/err"
t_eq "after chmod 700: nothing said" "" "$(cat "$T_TMP/err")"

# ---- a restored vault, too -----------------------------------------------
tp backup "$T_TMP/b.tend" >/dev/null 2>&1
(umask 000 && TEND_HOME=$T_TMP/restored tp restore "$T_TMP/b.tend" >/dev/null 2>&1 &&
	echo 'Third' | TEND_HOME=$T_TMP/restored tp add >/dev/null 2>&1)
t_eq "umask 000: a restored vault's files are 0600" "$ALL600" "$(modes "$T_TMP/restored")"
t_done
