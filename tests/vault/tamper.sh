# Tamper evidence. Each damage is done to a fresh copy of a vault of 30
# entries (~70 pages): one flipped bit in page 1's plaintext header, body,
# nonce or tag, in a middle page and in the last page; two pages swapped;
# a page put back from an older copy of the file; the file cut short by a
# page or half a page, or grown by a page of zeros. For every one,
# `tend verify` exits 4 with a clear message, and `tend list` never crashes
# and never prints a line that is not in the true list: it exits non-zero,
# or (only when the damage is in a page it does not read, such as the
# search index, which verify alone reads in full) prints exactly the true
# list. The key file: damage to `key` alone is survived (key.bak is used,
# stderr says so, `key` is written back); damage to both exits 4. A key
# header edited with its checksum redone opens from key.bak (a wrong
# passphrase still exits 3), and a key or backup header asking for more
# Argon2id work than tend's caps is refused at once (exit 4). The
# crash journal: a real hot journal (from a SIGKILL during a big add) rolls
# back cleanly; the same journal with a flipped bit in a page image makes
# the open exit 4, names the journal, and truly changes nothing; put
# beside a backup as its FILE-journal, it is ignored by restore.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1
PASS='tamper test passphrase'
PS=4096
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }

# flip FILE OFFSET: flips the lowest bit of the byte at OFFSET.
flip() {
	local b
	b=$(od -An -tu1 -j "$2" -N1 -- "$1" | tr -d ' ')
	# shellcheck disable=SC2059
	printf "\\$(printf '%03o' $((b ^ 1)))" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
# page_copy FROM N TO M: copies page N of FROM over page M of TO.
page_copy() {
	dd if="$1" of="$3" bs=$PS skip=$(($2 - 1)) seek=$(($4 - 1)) count=1 conv=notrunc status=none
}

ORIG=$T_TMP/orig
export TEND_HOME=$ORIG
tp init >/dev/null 2>&1
for i in $(seq 30); do
	{ printf 'Entry %02d\n' "$i"; head -c 1500 /dev/urandom | base64 -w 100; } |
		tp add --tag "t$((i % 4))" >/dev/null
done
LIST=$(tp list); rc=$?
t_eq "the vault lists 30 entries" "0 30" "$rc $(grep -c . <<<"$LIST")"
tp verify >/dev/null 2>&1; t_eq "the untouched vault verifies" 0 $?
NPAGES=$(($(stat -c %s "$ORIG/tend.db") / PS))
t_ok "the database has 10+ pages ($NPAGES)" test "$NPAGES" -ge 10
t_eq "the database is whole pages" 0 $(($(stat -c %s "$ORIG/tend.db") % PS))
MID=$((NPAGES / 2))
LIST_OK_CASES=()

# expect_damage NAME: TEND_HOME holds a damaged vault; verify and list must
# both refuse it, cleanly.
expect_damage() {
	local name=$1 out err rc line wrong=0
	out=$(tp verify 2>"$T_TMP/err"); rc=$?
	err=$(cat "$T_TMP/err")
	t_eq "$name: verify exits 4" 4 "$rc"
	t_match "$name: verify explains" 'damaged|changed outside tend' "$err"
	t_nomatch "$name: verify does not say intact" 'intact' "$out"
	out=$(tp list 2>"$T_TMP/err"); rc=$?
	t_ok "$name: list does not crash (got $rc)" test "$rc" -lt 128
	# list decrypts only the pages it reads: damage to a page it never
	# touches (the search index) is verify's to find. It may then succeed,
	# but only with exactly the true list.
	if [ "$rc" -eq 0 ]; then
		LIST_OK_CASES+=("$name")
		t_eq "$name: list exited 0, so it printed exactly the true list" "$LIST" "$out"
	else
		t_match "$name: list exits non-zero with a message" 'tend: ' "$(cat "$T_TMP/err")"
	fi
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		grep -qxF -- "$line" <<<"$LIST" || wrong=$((wrong + 1))
	done <<<"$out"
	t_eq "$name: list printed no wrong line" 0 "$wrong"
}
# fresh NAME: a new copy of the vault, made TEND_HOME. Each copy is as if
# on a computer of its own (its own mark against rollback), since the
# copies go back and forth in time on purpose.
fresh() {
	export TEND_HOME=$T_TMP/case-$1
	export XDG_STATE_HOME=$T_TMP/state-$1
	rm -rf "$TEND_HOME"
	cp -a "$ORIG" "$TEND_HOME"
	DB=$TEND_HOME/tend.db
}
# tamper_flip NAME OFFSET: flips a bit of tend.db at OFFSET in a fresh copy.
tamper_flip() {
	fresh "$1"
	flip "$DB" "$2"
	t_ok "$1: the file really changed" test "$(cmp -l "$ORIG/tend.db" "$DB" | wc -l)" -eq 1
	expect_damage "$1"
}

# ---- single bits in pages ----------------------------------------------------
tamper_flip "page 1 header byte 3" 3
tamper_flip "page 1 body" 1000
tamper_flip "page 1 nonce" $((PS - 40 + 5))
tamper_flip "page 1 tag" $((PS - 16 + 7))
tamper_flip "middle page $MID body" $(((MID - 1) * PS + 2222))
tamper_flip "middle page $MID nonce" $((MID * PS - 40 + 11))
tamper_flip "middle page $MID tag" $((MID * PS - 3))
tamper_flip "last page body" $(((NPAGES - 1) * PS + 77))
tamper_flip "last page tag" $((NPAGES * PS - 1))

# ---- whole pages ---------------------------------------------------------------
fresh swap
page_copy "$ORIG/tend.db" 3 "$DB" 4
page_copy "$ORIG/tend.db" 4 "$DB" 3
t_ok "swap: pages 3 and 4 differ to begin with" test -n "$(cmp "$ORIG/tend.db" "$DB" 2>&1)"
expect_damage "pages 3 and 4 swapped"

# An older copy of a page: take a copy, add an entry, put back the old
# version of a page (other than 1) that the add rewrote.
OLD=$T_TMP/older.db
cp "$ORIG/tend.db" "$OLD"
fresh rollback
printf 'One more entry\nchanges some pages\n' | tp add >/dev/null
LIST_NEW=$(tp list)
changed=
for p in $(seq 2 "$NPAGES"); do
	if ! cmp -s <(dd if="$OLD" bs=$PS skip=$((p - 1)) count=1 status=none) \
		<(dd if="$DB" bs=$PS skip=$((p - 1)) count=1 status=none); then
		changed=$p
		break
	fi
done
t_ok "rollback: the add rewrote a page other than page 1 (page ${changed:-none})" test -n "$changed"
if [ -n "$changed" ]; then
	cp -a "$TEND_HOME" "$T_TMP/case-rollback1"
	page_copy "$OLD" "$changed" "$DB" "$changed"
	LIST_SAVE=$LIST LIST=$LIST_NEW
	expect_damage "old copy of page $changed put back"
	# Page 1 as it was before the add, with every other page new.
	export TEND_HOME=$T_TMP/case-rollback1
	page_copy "$OLD" 1 "$TEND_HOME/tend.db" 1
	expect_damage "old copy of page 1 put back"
	LIST=$LIST_SAVE
fi

# ---- the file's length ---------------------------------------------------------
fresh trunc1
truncate -s $(((NPAGES - 1) * PS)) "$DB"
expect_damage "truncated by one page"
fresh trunchalf
truncate -s $((NPAGES * PS - PS / 2)) "$DB"
expect_damage "truncated by half a page"
fresh append
head -c $PS /dev/zero >>"$DB"
expect_damage "a page of zeros appended"

# ---- key files -----------------------------------------------------------------
fresh key
flip "$TEND_HOME/key" 100
t_ok "key: the key file really changed" test -n "$(cmp "$ORIG/key" "$TEND_HOME/key" 2>&1)"
out=$(tp list 2>"$T_TMP/err"); rc=$?
t_eq "damaged key: list still works (exit 0)" 0 "$rc"
t_eq "damaged key: list is right" "$LIST" "$out"
t_match "damaged key: stderr says the backup copy was used" 'key file was damaged; its backup copy was used' "$(cat "$T_TMP/err")"
t_ok "damaged key: key was written again (same as before the damage)" cmp -s "$ORIG/key" "$TEND_HOME/key"
tp verify >/dev/null 2>"$T_TMP/err"; t_eq "damaged key: verify then passes" 0 $?
t_nomatch "damaged key: no warning once repaired" 'damaged' "$(cat "$T_TMP/err")"

fresh keybak
flip "$TEND_HOME/key.bak" 100
out=$(tp list 2>/dev/null); rc=$?
t_eq "damaged key.bak only: list works" "0" "$rc"
t_eq "damaged key.bak only: list is right" "$LIST" "$out"

fresh keyboth
flip "$TEND_HOME/key" 100
flip "$TEND_HOME/key.bak" 50
out=$(tp list 2>"$T_TMP/err"); rc=$?
t_eq "both key files damaged: list exits 4" 4 "$rc"
t_eq "both key files damaged: nothing listed" "" "$out"
t_match "both key files damaged: says so" 'damaged' "$(cat "$T_TMP/err")"
tp verify >/dev/null 2>&1; t_eq "both key files damaged: verify exits 4" 4 $?
recout=$(tp list 2>&1)
t_nomatch "both key files damaged: not called a wrong passphrase" 'Wrong passphrase' "$recout"

# ---- key headers edited, their checksum redone --------------------------------
# The key file's checksum is unkeyed: anyone can edit a header and redo it,
# and the copy then reads as intact. Such edits must be refused or routed
# round, never trusted.
# put_u64 FILE OFFSET VALUE: VALUE as 8 little-endian bytes at OFFSET.
put_u64() {
	local i out=''
	for ((i = 0; i < 8; i++)); do out+=$(printf '\\x%02x' $((($3 >> (8 * i)) & 255))); done
	# shellcheck disable=SC2059
	printf "$out" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
# resum FILE OFFSET: redoes the BLAKE2b-256 of the key file at OFFSET.
resum() {
	local sum
	sum=$(head -c $(($2 + 136)) "$1" | tail -c 136 | b2sum -l 256 | cut -d' ' -f1)
	# shellcheck disable=SC2059
	printf "$(sed 's/../\\x&/g' <<<"$sum")" | dd of="$1" bs=1 seek=$(($2 + 136)) conv=notrunc status=none
}

fresh edited-salt
flip "$TEND_HOME/key" 33
resum "$TEND_HOME/key" 0
out=$(tp list 2>"$T_TMP/err"); rc=$?
t_eq "key header edited, checksum redone: list opens from key.bak (exit 0)" 0 "$rc"
t_eq "key header edited: list is right" "$LIST" "$out"
t_match "key header edited: stderr says the backup copy was used" 'its backup copy was used' "$(cat "$T_TMP/err")"
t_ok "key header edited: key was written again" cmp -s "$ORIG/key" "$TEND_HOME/key"
"$TEND_BIN" --passphrase-fd 3 list 3<<<"not the passphrase" >/dev/null 2>"$T_TMP/err"
t_eq "wrong passphrase after the mend: exit 3" 3 $?

fresh edited-wrong
flip "$TEND_HOME/key" 33
resum "$TEND_HOME/key" 0
before=$(cat "$TEND_HOME/key" "$TEND_HOME/key.bak" | sha256sum)
"$TEND_BIN" --passphrase-fd 3 list 3<<<"not the passphrase" >/dev/null 2>"$T_TMP/err"
t_eq "key header edited, wrong passphrase (fails on both copies): exit 3" 3 $?
t_match "... says wrong passphrase" 'Wrong passphrase' "$(cat "$T_TMP/err")"
t_eq "... and changes neither key file" "$before" "$(cat "$TEND_HOME/key" "$TEND_HOME/key.bak" | sha256sum)"

fresh edited-limits
put_u64 "$TEND_HOME/key" 16 4294967295
resum "$TEND_HOME/key" 0
out=$(timeout 60 "$TEND_BIN" --passphrase-fd 3 list 3<<<"$PASS" 2>"$T_TMP/err"); rc=$?
t_eq "key asking for 2^32-1 passes (checksum redone): opens from key.bak at once" "0" "$rc"
t_eq "... and lists the vault" "$LIST" "$out"
t_ok "... and key was written again" cmp -s "$ORIG/key" "$TEND_HOME/key"

# A backup's header holds a copy of the key file at byte 16.
BK=$T_TMP/edited.tend
TEND_HOME=$ORIG tp backup "$BK" >/dev/null 2>&1
put_u64 "$BK" $((16 + 16)) 4294967295
resum "$BK" 16
export TEND_HOME=$T_TMP/from-edited
start=$SECONDS
timeout 60 "$TEND_BIN" --passphrase-fd 3 restore "$BK" 3<<<"$PASS" >/dev/null 2>"$T_TMP/err"; rc=$?
t_eq "restore of a backup whose key copy asks for 2^32-1 passes: exit 4" 4 "$rc"
t_ok "... at once ($((SECONDS - start)) s), not after hours" test $((SECONDS - start)) -lt 10
t_match "... says the backup is damaged or not from tend" 'damaged or was not made by tend' "$(cat "$T_TMP/err")"
t_match "... and what it asked for" '4294967295 passes' "$(cat "$T_TMP/err")"
t_ok "... and makes no vault" test ! -e "$TEND_HOME/key"
put_u64 "$BK" $((16 + 24)) $((8 << 30))
put_u64 "$BK" $((16 + 16)) 1
resum "$BK" 16
timeout 60 "$TEND_BIN" --passphrase-fd 3 restore "$BK" 3<<<"$PASS" >/dev/null 2>"$T_TMP/err"
t_eq "restore of a backup whose key copy asks for 8 GiB: exit 4" 4 $?

# ---- the crash journal ---------------------------------------------------------
# A hot journal: SIGKILL a big add while it writes, until the journal is
# left with records and a header (its first byte is not zero). Two kinds
# of crash image are kept when they turn up: "early" (the database's page 1
# is still the old one) and "late" (page 1 was rewritten). Since page
# format 2 a change re-seals page 1 (its counter and journal id) before it
# writes any other page, so an early image now turns up only when the kill
# lands before the change wrote anything at all; often none does.
BASE=$T_TMP/jbase
cp -a "$ORIG" "$BASE"
big=$T_TMP/big.txt
{ echo "A twenty megabyte entry"; yes 'breathing in, breathing out, noticing the floor under my feet' | head -c 20000000; } >"$big"
cp -a "$BASE" "$T_TMP/jtime"
t0=$EPOCHREALTIME
TEND_HOME=$T_TMP/jtime XDG_STATE_HOME=$T_TMP/jtime.state tp add <"$big" >/dev/null 2>&1
t1=$EPOCHREALTIME
full_ms=$(( (${t1/./} - ${t0/./}) / 1000 ))
rm -rf "$T_TMP/jtime"
echo "# one whole 20 MB add took ${full_ms} ms"
CRASH=$T_TMP/crash
tries=0 early='' late=''
# Up to 50 tries for a first hot journal; the second kind is looked for
# only up to try 20, to bound the time.
want_more() {
	[ "$tries" -lt 50 ] || return 1
	[ -z "$early$late" ] && return 0
	[ "$tries" -lt 20 ] && { [ -z "$early" ] || [ -z "$late" ]; }
}
while want_more; do
	tries=$((tries + 1))
	rm -rf "$CRASH" "$CRASH.state"
	cp -a "$BASE" "$CRASH"
	delay=$(( full_ms * 15 / 100 + RANDOM % (full_ms * 90 / 100 + 1) ))
	TEND_HOME=$CRASH XDG_STATE_HOME=$CRASH.state "$TEND_BIN" --passphrase-fd 3 add 3<<<"$PASS" <"$big" >"$T_TMP/jadd.out" 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	j=$CRASH/tend.db-journal
	if ! [ -f "$j" ] || [ "$(stat -c %s "$j")" -lt $((512 + 4 + PS + 4)) ] ||
		[ "$(od -An -tu1 -N1 "$j" | tr -d ' ')" = 0 ]; then
		continue
	fi
	if cmp -s -n $PS "$BASE/tend.db" "$CRASH/tend.db"; then
		[ -z "$early" ] && early=$T_TMP/crash-early && mv "$CRASH" "$early"
	else
		[ -z "$late" ] && late=$T_TMP/crash-late && mv "$CRASH" "$late"
	fi
done
echo "# hot journals after $tries tries: early=${early:-none} late=${late:-none}"
t_ok "a SIGKILL during a big add left a hot journal" test -n "$early$late"
# snap DIR: names and sha256 of the files in DIR.
snap() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum); }
for img in $early $late; do
	kind=${img##*-}
	export TEND_HOME=$T_TMP/$kind-ok XDG_STATE_HOME=$T_TMP/$kind-ok.state
	cp -a "$img" "$TEND_HOME"
	out=$(tp list 2>"$T_TMP/err"); rc=$?
	t_eq "$kind hot journal: the vault opens (exit 0)" 0 "$rc"
	t_eq "$kind hot journal: rolled back to exactly the 30 entries" "$LIST" "$out"
	t_match "$kind hot journal: says an interrupted change was rolled back" 'rolled back' "$(cat "$T_TMP/err")"
	tp verify >/dev/null 2>&1; t_eq "$kind hot journal: verify passes after the rollback" 0 $?
	# The same journal put back once the vault has moved on (kept by a
	# sync tool, say): played back it would undo what was saved since.
	printf 'Saved after the crash\nbody\n' | tp add >/dev/null 2>&1
	cp "$img/tend.db-journal" "$TEND_HOME/tend.db-journal"
	before=$(snap "$TEND_HOME")
	out=$(tp list 2>"$T_TMP/err"); rc=$?
	t_eq "$kind journal put back later: opening exits 4" 4 "$rc"
	t_match "$kind journal put back later: says it is from an earlier change" 'from an earlier change' "$(cat "$T_TMP/err")"
	t_eq "$kind journal put back later: nothing changed" "$before" "$(snap "$TEND_HOME")"
	mv "$TEND_HOME/tend.db-journal" "$T_TMP/$kind-old-journal"
	out=$(tp list 2>&1)
	t_match "$kind journal put back later: moved aside, the vault opens with the later entry" 'Saved after the crash' "$out"
	tp verify >/dev/null 2>&1; t_eq "$kind journal put back later: verify passes" 0 $?

	# The same hot journal beside a backup of the vault, named as the
	# backup's journal: restore opens the backup immutable and never
	# reads it (it used to refuse, blaming the folder's permissions).
	SB=$T_TMP/$kind-stray.tend
	TEND_HOME=$ORIG XDG_STATE_HOME=$T_TMP/$kind-orig.state tp backup "$SB" >/dev/null 2>&1
	cp "$img/tend.db-journal" "$SB-journal"
	sum=$(sha256sum <"$SB-journal")
	export TEND_HOME=$T_TMP/$kind-from-stray XDG_STATE_HOME=$T_TMP/$kind-from-stray.state
	tp restore "$SB" >/dev/null 2>"$T_TMP/err"; rc=$?
	t_eq "$kind hot journal as BACKUP-journal: restore exits 0" 0 "$rc"
	t_eq "$kind hot journal as BACKUP-journal: the 30 entries restored" "$LIST" "$(tp list 2>/dev/null)"
	t_eq "$kind hot journal as BACKUP-journal: the stray file untouched" "$sum" "$(sha256sum <"$SB-journal")"

	export TEND_HOME=$T_TMP/$kind-bad XDG_STATE_HOME=$T_TMP/$kind-bad.state
	cp -a "$img" "$TEND_HOME"
	flip "$TEND_HOME/tend.db-journal" $((512 + 4 + 100))
	before=$(snap "$TEND_HOME")
	out=$(tp list 2>"$T_TMP/err"); rc=$?
	err=$(cat "$T_TMP/err")
	echo "# $kind damaged journal, first open: exit $rc: $err"
	t_eq "$kind damaged journal: opening exits 4" 4 "$rc"
	t_match "$kind damaged journal: says the vault or its journal is damaged" 'damaged' "$err"
	t_match "$kind damaged journal: the message names the crash journal" 'journal' "$err"
	t_eq "$kind damaged journal: nothing listed" "" "$out"
	# The message must be true: if it says nothing was changed, the
	# files must be as they were.
	if [[ $err == *"Nothing was changed"* ]]; then
		t_eq "$kind damaged journal: 'Nothing was changed' is true (files as before)" "$before" "$(snap "$TEND_HOME")"
	fi
	# What is left must either still be refused, or be exactly the vault
	# as it was before the crash: never a mix, never the half-written entry.
	tp verify >"$T_TMP/out" 2>&1; rc=$?
	echo "# $kind damaged journal, second open: verify exit $rc: $(cat "$T_TMP/out")"
	t_ok "$kind damaged journal, second open: verify exits 0 or 4 (got $rc)" test "$rc" -eq 0 -o "$rc" -eq 4
	out=$(tp list 2>/dev/null); rc2=$?
	t_ok "$kind damaged journal, second open: list does not crash (got $rc2)" test "$rc2" -lt 128
	if [ "$rc" -eq 0 ]; then
		t_eq "$kind damaged journal, second open: a vault that verifies lists exactly the 30 entries" "$LIST" "$out"
	else
		t_ok "$kind damaged journal, second open: list refuses a vault verify refuses" test "$rc2" -ne 0
	fi
done
[ -z "$early$late" ] && echo "# SKIP damaged-journal checks: no hot journal could be produced in $tries tries"

[ ${#LIST_OK_CASES[@]} -gt 0 ] && printf '# list did not read the damaged page (exit 0, true list) in: %s\n' "${LIST_OK_CASES[*]}"
t_done
