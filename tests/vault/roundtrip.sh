# Every vault command, end to end, through the real binary. Proves that:
# init prints a well-formed recovery code; add/list/show keep titles, bodies
# and tags exactly (UTF-8, emoji, a 1 MB entry); a wrong passphrase or a
# mistyped code exits 3 and leaves every file byte-for-byte as it was;
# recover, passwd and rekey change only what they say (rekey retires the old
# code); backup/restore reproduce the vault exactly and restore replaces an
# existing vault's contents, and a stray FILE-journal beside the backup is
# neither read nor changed; backup never overwrites a file; destroy needs
# its confirmation and then removes the key files and the database; a
# second tend gets exit 5 while another holds the vault open (a `passwd`
# waiting for its new passphrase); and misuse (init twice,
# no vault, arguments to add, an empty entry) gives the documented exit.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1

CODE_RE='[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){10}'
P1='first passphrase here'
P2='second passphrase, after recovery'
P3='third passphrase from passwd'

# tp PASS ARGS...: tend with PASS on fd 3 (stdin passes through).
tp() { local pw=$1; shift; "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$pw"; }
# tp2 LINE1 LINE2 ARGS...: two lines on fd 3 (passwd, recover, restore).
tp2() { local a=$1 b=$2; shift 2; "$TEND_BIN" --passphrase-fd 3 "$@" 3< <(printf '%s\n%s\n' "$a" "$b"); }
# snap DIR: names and sha256 of every file in DIR.
snap() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum); }
# show_all PASS: `show` of every listed entry, concatenated.
show_all() {
	local pw=$1 id
	for id in $(tp "$pw" list | cut -f1); do
		echo "== $id"
		tp "$pw" show "$id"
	done
}
code_of() { grep -oE "$CODE_RE" <<<"$1" | head -n 1; }

export TEND_HOME=$T_TMP/v1

# ---- init ------------------------------------------------------------------
out=$(tp "$P1" init 2>"$T_TMP/err"); rc=$?
t_eq "init exits 0" 0 "$rc"
CODE1=$(code_of "$out")
t_match "init prints a recovery code of 11 groups of 5 Crockford chars" "^${CODE_RE}\$" "$CODE1"
t_eq "the code is on a line of its own" 1 "$(grep -cE "^ *${CODE_RE} *\$" <<<"$out")"
for f in key key.bak tend.db; do
	t_ok "init made $f" test -s "$TEND_HOME/$f"
done
t_eq "vault folder is private (0700)" 700 "$(stat -c %a "$TEND_HOME")"

# ---- add / list / show -----------------------------------------------------
out=$(printf 'First title\nline two of the body\nline three\n' | tp "$P1" add --tag work --tag calm)
t_eq "add reports the new id" "Saved entry 1." "$out"
out=$(printf 'Second title\nsecond body\n' | tp "$P1" add -t evening)
t_eq "second add gets id 2" "Saved entry 2." "$out"
out=$(printf '   \n\nThird, after blank lines  \nthird body' | tp "$P1" add)
t_eq "third add gets id 3" "Saved entry 3." "$out"

list1=$(tp "$P1" list); rc=$?
t_eq "list exits 0" 0 "$rc"
t_eq "list has three rows" 3 "$(grep -c . <<<"$list1")"
DATE_RE='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}'
t_match "list row 1: id, date, title, sorted tags" $'(^|\n)1\t'"$DATE_RE"$'\tFirst title\tcalm,work(\n|$)' "$list1"
t_match "list row 2" $'(^|\n)2\t'"$DATE_RE"$'\tSecond title\tevening(\n|$)' "$list1"
t_match "list row 3: title trimmed, no tags" $'(^|\n)3\t'"$DATE_RE"$'\tThird, after blank lines\t(\n|$)' "$list1"

show1=$(tp "$P1" show 1)
t_eq "show 1: title line" "First title" "$(sed -n 1p <<<"$show1")"
t_match "show 1: date and tags line" "^${DATE_RE}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}  tags: calm,work\$" "$(sed -n 2p <<<"$show1")"
t_eq "show 1: body" $'line two of the body\nline three' "$(tail -n +4 <<<"$show1")"
t_eq "show 3: body without final newline" "third body" "$(tp "$P1" show 3 | tail -n +4)"
tp "$P1" show 99 >/dev/null 2>&1; t_eq "show of a missing id exits 1" 1 $?
"$TEND_BIN" --passphrase-fd 3 show abc 3<<<"$P1" >/dev/null 2>&1; t_eq "show abc is a usage error" 2 $?

# ---- wrong passphrase: exit 3, nothing changes -----------------------------
before=$(snap "$TEND_HOME")
for cmd in list "show 1" verify rekey "backup $T_TMP/never.tend"; do
	# shellcheck disable=SC2086
	tp "wrong passphrase" $cmd >/dev/null 2>"$T_TMP/err"; rc=$?
	t_eq "wrong passphrase: '$cmd' exits 3" 3 "$rc"
done
t_match "wrong passphrase says so" 'Wrong passphrase' "$(cat "$T_TMP/err")"
printf 'sneaky\nbody\n' | tp "wrong passphrase" add >/dev/null 2>&1; t_eq "wrong passphrase: add exits 3" 3 $?
tp2 "wrong passphrase" "new one here" passwd >/dev/null 2>&1; t_eq "wrong passphrase: passwd exits 3" 3 $?
t_eq "wrong passphrase: vault byte-for-byte unchanged" "$before" "$(snap "$TEND_HOME")"
t_ok "wrong passphrase: no backup written" test ! -e "$T_TMP/never.tend"
t_eq "wrong passphrase: list still the same" "$list1" "$(tp "$P1" list)"

# ---- recover ---------------------------------------------------------------
before=$(snap "$TEND_HOME")
bad=${CODE1:0:3}$([ "${CODE1:3:1}" = 7 ] && echo 8 || echo 7)${CODE1:4}
tp2 "$bad" "$P2" recover >/dev/null 2>"$T_TMP/err"; rc=$?
t_eq "recover with a mistyped code exits 3" 3 "$rc"
t_eq "failed recover changed nothing" "$before" "$(snap "$TEND_HOME")"
tp2 "not a code at all" "$P2" recover >/dev/null 2>&1; t_eq "recover with garbage exits 3" 3 $?
# "Forget" P1: only the code is used from here.
tp2 "$CODE1" "$P2" recover >/dev/null 2>"$T_TMP/err"; rc=$?
t_eq "recover with the code exits 0" 0 "$rc"
t_eq "after recover the new passphrase opens the vault" "$list1" "$(tp "$P2" list)"
tp "$P1" list >/dev/null 2>&1; t_eq "after recover the old passphrase is refused" 3 $?

# ---- passwd ----------------------------------------------------------------
tp2 "$P2" "$P3" passwd >/dev/null 2>"$T_TMP/err"; t_eq "passwd exits 0" 0 $?
t_match "passwd says old key file copies still open with the old passphrase, and names rekey" \
	"Copies of the key file made before.*still open the vault with the old passphrase.*tend rekey" \
	"$(cat "$T_TMP/err")"
t_match "passwd --help says the same" "cannot reach copies of the key.*tend rekey" \
	"$("$TEND_BIN" passwd --help | tr '\n' ' ')"
t_eq "passwd keeps all entries" "$list1" "$(tp "$P3" list)"
tp "$P2" list >/dev/null 2>&1; t_eq "after passwd the old passphrase is refused" 3 $?
show_ref=$(show_all "$P3")
t_match "show_all covers every entry" '== 3' "$show_ref"

# ---- backup / restore ------------------------------------------------------
B1=$T_TMP/backup1.tend
tp "$P3" backup "$B1" >/dev/null 2>&1; t_eq "backup exits 0" 0 $?
t_ok "backup file written" test -s "$B1"
t_eq "backup file is private (0600)" 600 "$(stat -c %a "$B1")"
t_ok "no .partial file left" test ! -e "$B1.partial"

printf 'precious, not a backup\n' >"$T_TMP/exists.tend"
sum=$(sha256sum <"$T_TMP/exists.tend")
tp "$P3" backup "$T_TMP/exists.tend" >/dev/null 2>"$T_TMP/err"; rc=$?
t_eq "backup to an existing file exits 1" 1 "$rc"
t_match "backup to an existing file says so" 'already exists' "$(cat "$T_TMP/err")"
t_eq "the existing file is untouched" "$sum" "$(sha256sum <"$T_TMP/exists.tend")"
# Never into the vault folder: it could replace the vault's own files
# (a backup to key.bak, say), and would be lost with the folder.
before=$(snap "$TEND_HOME")
ln -s "$TEND_HOME" "$T_TMP/vault-link"
for target in "$TEND_HOME/key.bak" "$TEND_HOME/backup.tend" "$T_TMP/vault-link/b.tend" \
	"$TEND_HOME/../v1/b.tend"; do
	tp "$P3" backup "$target" >/dev/null 2>"$T_TMP/err"; rc=$?
	t_eq "backup to $target: refused (exit 1)" 1 "$rc"
	t_match "... says what and why" "Refused to write the backup inside the vault folder.*overwrite the vault's own files.*Nothing was written" "$(cat "$T_TMP/err")"
done
t_eq "the vault folder is exactly as it was" "$before" "$(snap "$TEND_HOME")"

TEND_HOME=$T_TMP/r1 tp "$P3" restore "$B1" >/dev/null 2>&1; t_eq "restore into a fresh folder exits 0" 0 $?
t_eq "restored vault: list identical" "$list1" "$(TEND_HOME=$T_TMP/r1 tp "$P3" list)"
t_eq "restored vault: every show identical" "$show_ref" "$(TEND_HOME=$T_TMP/r1 show_all "$P3")"
TEND_HOME=$T_TMP/r1 tp "$P3" verify >/dev/null 2>&1; t_eq "restored vault verifies" 0 $?
TEND_HOME=$T_TMP/r1 tp "wrong passphrase" restore "$B1" >/dev/null 2>&1
t_eq "restore with a wrong passphrase exits 3" 3 $?

# A stray FILE-journal beside a backup (left by a copy tool, or by SQLite
# when the file was once opened elsewhere) is never read or needed: the
# backup opens read-only and immutable.
SB=$T_TMP/stray.tend
cp "$B1" "$SB"
{ printf 'not a journal at all'; head -c 5000 /dev/urandom; } >"$SB-journal"
sum=$(sha256sum <"$SB-journal")
TEND_HOME=$T_TMP/r-stray tp "$P3" restore "$SB" >/dev/null 2>"$T_TMP/err"; rc=$?
t_eq "a garbage BACKUP-journal beside the backup: restore exits 0" 0 "$rc"
t_nomatch "... with no word about permissions" 'permission' "$(cat "$T_TMP/err")"
t_eq "... restores the vault" "$list1" "$(TEND_HOME=$T_TMP/r-stray tp "$P3" list)"
t_eq "... and leaves the stray file as it was" "$sum" "$(sha256sum <"$SB-journal")"
t_ok "... and the backup as it was" cmp -s "$B1" "$SB"

# Restore into an existing vault with other contents and its own passphrase.
PO='other vault passphrase'
export TEND_HOME=$T_TMP/other
tp "$PO" init >/dev/null 2>&1
printf 'Only in the other vault\nshould vanish\n' | tp "$PO" add --tag gone >/dev/null
printf 'Another other\nalso vanish\n' | tp "$PO" add >/dev/null
printf 'And a third\nvanish\n' | tp "$PO" add >/dev/null
printf 'And a fourth\nvanish\n' | tp "$PO" add >/dev/null
tp2 "$P3" "$PO" restore "$B1" >/dev/null 2>&1; t_eq "restore into an existing vault exits 0" 0 $?
t_eq "restore replaced the existing vault's list" "$list1" "$(tp "$PO" list)"
t_eq "restore replaced the existing vault's entries" "$show_ref" "$(show_all "$PO")"
t_nomatch "the old contents are gone" 'Only in the other vault|Another other|fourth' "$(tp "$PO" list)"
tp "$PO" verify >/dev/null 2>&1; t_eq "the restored-into vault verifies" 0 $?
export TEND_HOME=$T_TMP/v1

# ---- rekey -----------------------------------------------------------------
out=$(tp "$P3" rekey 2>/dev/null); rc=$?
t_eq "rekey exits 0" 0 "$rc"
CODE2=$(code_of "$out")
t_match "rekey prints a new code" "^${CODE_RE}\$" "$CODE2"
t_ok "the new code differs from the old" test "$CODE2" != "$CODE1"
t_eq "rekey keeps all entries (list)" "$list1" "$(tp "$P3" list)"
t_eq "rekey keeps all entries (show)" "$show_ref" "$(show_all "$P3")"
tp "$P3" verify >/dev/null 2>&1; t_eq "verify passes after rekey" 0 $?
t_ok "no tend.db.new left after rekey" test ! -e "$TEND_HOME/tend.db.new"
before=$(snap "$TEND_HOME")
tp2 "$CODE1" "$P2" recover >/dev/null 2>&1; t_eq "the OLD recovery code no longer opens it" 3 $?
t_eq "the refused old code changed nothing" "$before" "$(snap "$TEND_HOME")"
tp "$P3" list >/dev/null 2>&1; t_eq "the passphrase still opens it after rekey" 0 $?
# A backup taken before the rekey still restores (it carries its own key).
TEND_HOME=$T_TMP/r2 tp "$P3" restore "$B1" >/dev/null 2>&1
t_eq "an old backup still restores into a new folder" "$list1" "$(TEND_HOME=$T_TMP/r2 tp "$P3" list)"
tp2 "$CODE2" "$P1" recover >/dev/null 2>&1; t_eq "the NEW code works with recover" 0 $?
t_eq "entries intact after recover with the new code" "$list1" "$(tp "$P1" list)"

# ---- a second tend while one holds the vault open ---------------------------
# Several tends may have the vault open (each change holds the database
# for itself alone); what replaces the vault's files (rekey, destroy) needs
# tend to be the only one, waits a few seconds, then exits 5.
# `passwd` opens the vault and then waits for the new passphrase on the
# same descriptor, which holds it open for as long as we like.
fifo=$T_TMP/hold.fifo
mkfifo "$fifo"
"$TEND_BIN" --passphrase-fd 3 passwd 3<"$fifo" >/dev/null 2>"$T_TMP/hold.err" &
holder=$!
exec 7>"$fifo"
printf '%s\n' "$P1" >&7
# Wait until /proc/locks shows the holder's flock on the lock file (looking
# must not take the lock, or the holder could be the one refused).
inode=$(stat -c %i "$TEND_HOME/lock")
held=no
for _ in $(seq 200); do
	if awk -v p="$holder" -v i=":$inode" '$2 == "FLOCK" && $5 == p && substr($6, length($6) - length(i) + 1) == i { f = 1 } END { exit !f }' /proc/locks; then
		held=yes
		break
	fi
	sleep 0.05
done
t_eq "background passwd holds the vault lock" yes "$held"
before=$(snap "$TEND_HOME")
tp "$P1" list >/dev/null 2>"$T_TMP/err"; t_eq "second tend (list) while held reads (exit 0)" 0 $?
t0=$EPOCHREALTIME
tp "$P1" rekey >/dev/null 2>"$T_TMP/err"; t_eq "second tend (rekey) while held exits 5" 5 $?
t1=$EPOCHREALTIME
t_match "busy message names the other tend" 'open in another tend' "$(cat "$T_TMP/err")"
waited=$(( (${t1/./} - ${t0/./}) / 1000 ))
t_ok "rekey waited a few seconds first (${waited} ms)" test "$waited" -ge 2500
echo destroy | setsid -w "$TEND_BIN" destroy >/dev/null 2>&1; t_eq "destroy while held exits 5" 5 $?
t_eq "nothing changed by the refused ones" "$before" "$(snap "$TEND_HOME")"
printf 'Written beside the other tend\nits body\n' | tp "$P1" add >/dev/null 2>&1
t_eq "second tend (add) while held saves (exit 0)" 0 $?
t_match "and its entry is there" "Written beside the other tend" "$(tp "$P1" list)"
printf '%s\n' "$P2" >&7
exec 7>&-
wait "$holder"; t_eq "the holding passwd then finishes (exit 0)" 0 $?
t_match "passphrase set by the holder works" "Written beside the other tend" "$(tp "$P2" list)"
list1=$(tp "$P2" list)

# ---- misuse ----------------------------------------------------------------
before=$(snap "$TEND_HOME")
tp "$P1" init >/dev/null 2>"$T_TMP/err"; t_eq "init twice exits 1" 1 $?
t_match "init twice says a vault exists" 'already a vault' "$(cat "$T_TMP/err")"
t_eq "init twice changed nothing" "$before" "$(snap "$TEND_HOME")"

"$TEND_BIN" --passphrase-fd 3 add "my secret words" 3<<<"$P2" </dev/null >/dev/null 2>&1
t_eq "add with arguments exits 2" 2 $?
printf 'x\n' | "$TEND_BIN" --passphrase-fd 3 add --tag a title 3<<<"$P2" >/dev/null 2>&1
t_eq "add with a tag and an argument exits 2" 2 $?
printf '' | tp "$P2" add >/dev/null 2>"$T_TMP/err"; t_eq "empty entry exits 1" 1 $?
t_match "empty entry says so" 'empty' "$(cat "$T_TMP/err")"
printf ' \n\t\n\n' | tp "$P2" add >/dev/null 2>&1; t_eq "whitespace-only entry exits 1" 1 $?
printf 'bad \xff\xfe utf8\n' | tp "$P2" add >/dev/null 2>&1; t_eq "invalid UTF-8 entry exits 1" 1 $?
t_eq "misuse changed nothing" "$before" "$(snap "$TEND_HOME")"

export TEND_HOME=$T_TMP/nothing-here
for cmd in list "show 1" verify rekey passwd "backup $T_TMP/b-none.tend"; do
	# shellcheck disable=SC2086
	tp2 "$P1" "$P2" $cmd >/dev/null 2>"$T_TMP/err" </dev/null; rc=$?
	t_eq "missing vault: '$cmd' exits 1" 1 "$rc"
	t_match "missing vault: '$cmd' says tend init" 'tend init' "$(cat "$T_TMP/err")"
done
tp2 "$CODE1" "$P2" recover >/dev/null 2>"$T_TMP/err"; t_eq "missing vault: recover exits 1" 1 $?
t_match "missing vault: recover says tend init" 'tend init' "$(cat "$T_TMP/err")"
printf 'a\nb\n' | tp "$P1" add >/dev/null 2>"$T_TMP/err"; t_eq "missing vault: add exits 1" 1 $?
t_match "missing vault: add says tend init" 'tend init' "$(cat "$T_TMP/err")"
echo destroy | setsid -w "$TEND_BIN" destroy >/dev/null 2>"$T_TMP/err"; t_eq "missing vault: destroy exits 1" 1 $?
t_match "missing vault: destroy says tend init" 'tend init' "$(cat "$T_TMP/err")"
t_ok "missing vault: no vault was created" test ! -e "$TEND_HOME/key"

# ---- UTF-8, emoji and a 1 MB entry -----------------------------------------
export TEND_HOME=$T_TMP/v3
tp "$P1" init >/dev/null 2>&1
title='Café naïve — 日本語 🌱🧘‍♀️ Ελληνικά'
body=$'Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich.\n😀😢🫶 RTL: שלום עולם\ncombining: e\u0301 and ZWJ 👨‍👩‍👧\n'
out=$(printf '%s\n%s' "$title" "$body" | tp "$P1" add --tag 'ünïcödé🌈' --tag '心'); rc=$?
t_eq "UTF-8 add exits 0" 0 "$rc"
id=${out//[!0-9]/}
shown=$(tp "$P1" show "$id")
t_eq "UTF-8 title round-trips" "$title" "$(sed -n 1p <<<"$shown")"
t_match "UTF-8 tags round-trip" 'tags: (ünïcödé🌈,心|心,ünïcödé🌈)$' "$(sed -n 2p <<<"$shown")"
t_eq "UTF-8 body round-trips byte for byte" "$(printf '%s' "$body" | sha256sum)" \
	"$(tp "$P1" show "$id" | tail -n +4 | sha256sum)"
t_match "UTF-8 title in list" "	${title}	" "$(tp "$P1" list)"

big=$T_TMP/big.txt
{ echo "A one megabyte entry"; head -c 786432 /dev/urandom | base64 -w 76; } >"$big"
t_ok "the big entry is at least 1 MB" test "$(stat -c %s "$big")" -ge 1048576
out=$(tp "$P1" add --tag big <"$big"); rc=$?
t_eq "1 MB add exits 0" 0 "$rc"
id=${out//[!0-9]/}
t_eq "1 MB entry round-trips byte for byte" "$(tail -n +2 "$big" | sha256sum)" \
	"$(tp "$P1" show "$id" | tail -n +4 | sha256sum)"
tp "$P1" verify >/dev/null 2>&1; t_eq "verify passes with the 1 MB entry" 0 $?
B3=$T_TMP/backup3.tend
tp "$P1" backup "$B3" >/dev/null 2>&1
TEND_HOME=$T_TMP/r3 tp "$P1" restore "$B3" >/dev/null 2>&1
t_eq "1 MB entry survives backup and restore" "$(tail -n +2 "$big" | sha256sum)" \
	"$(TEND_HOME=$T_TMP/r3 tp "$P1" show "$id" | tail -n +4 | sha256sum)"

# ---- destroy -----------------------------------------------------------------
before=$(snap "$TEND_HOME")
echo nope | setsid -w "$TEND_BIN" destroy >/dev/null 2>"$T_TMP/err"; rc=$?
t_eq "destroy with a wrong confirmation exits 1" 1 "$rc"
t_match "wrong confirmation says nothing changed" 'Not confirmed' "$(cat "$T_TMP/err")"
t_eq "wrong confirmation changed nothing" "$before" "$(snap "$TEND_HOME")"
setsid -w "$TEND_BIN" destroy </dev/null >/dev/null 2>&1; t_eq "destroy with no answer exits 1" 1 $?
t_eq "no answer changed nothing" "$before" "$(snap "$TEND_HOME")"
echo destroy | setsid -w "$TEND_BIN" destroy >/dev/null 2>"$T_TMP/err"; rc=$?
t_eq "destroy with 'destroy' exits 0" 0 "$rc"
for f in key key.bak tend.db tend.db-journal; do
	t_ok "destroy removed $f" test ! -e "$TEND_HOME/$f"
done
tp "$P1" list >/dev/null 2>"$T_TMP/err"; t_eq "after destroy list exits 1" 1 $?
t_match "after destroy list says tend init" 'tend init' "$(cat "$T_TMP/err")"

t_done
