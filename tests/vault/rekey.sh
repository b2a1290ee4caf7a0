# tend rekey stopped at every step. A real rekey runs once, and the files
# from before it (old key, old database) and after it (new key, new
# database, which is what tend.db.new was) are kept; each state a kill can
# leave is then put together in a folder of its own and opened. Every one
# must open to all the entries (list and show are what they were, and
# `tend verify` passes) with the right key in force, or fail with a clear
# message and exit 4 having changed and removed nothing. A re-key that had
# passed its commit point (`key` names the new key) is finished: key.bak is
# then a copy of key, tend.db.new is gone, the new code opens the vault and
# the old one is refused, and the person is told that the recovery code
# changed and to run `tend rekey` again (on stderr, in --plain and on the
# full screen after unlocking). One that had not is undone: the old key,
# key.bak and database stay, the old code still opens the vault, and they
# are told so. A stray temporary key file from a cut-off write is removed.
# Last, rekey itself is run with the disk filling at each step and with a
# failing folder sync at each of its syncs (tests/faults/nospace.c): after
# each the vault opens whole, key.bak equals key, and nothing is left over.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 TEND_NOW=1795420800
: "${NOSPACE_SO:?set NOSPACE_SO (make check does)}"
: "${SCREEN_BIN:?set SCREEN_BIN (make check does)}"
CODE_RE='[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){10}'
PASS='rekey crash passphrase'
FINISHED='an interrupted re-key was finished.*old recovery code no longer opens.*tend rekey'
UNDONE='an interrupted re-key was undone.*old recovery code still opens'

# tp DIR ARGS...: tend on the vault in DIR, with the passphrase on fd 3.
tp() { local d=$1; shift; TEND_HOME=$d "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
# recover DIR CODE: tend recover with CODE, setting the same passphrase.
recover() {
	TEND_HOME=$1 "$TEND_BIN" --passphrase-fd 3 recover 3< <(printf '%s\n%s\n' "$2" "$PASS")
}
# everything DIR: the list and every entry shown in full.
everything() {
	local id
	tp "$1" list || return
	for id in $(tp "$1" list | cut -f1); do
		tp "$1" show "$id" || return
	done
}
# files DIR: the names in DIR, one line, lock and the empty journal left out.
files() { (cd "$1" && ls -A | grep -vxE 'lock|tend\.db-journal' | tr '\n' ' '); }
snap() { (cd "$1" && find . -type f ! -name lock -print0 | LC_ALL=C sort -z | xargs -0r sha256sum); }
code_of() { grep -oE "$CODE_RE" <<<"$1" | head -n 1; }

# ---- one real rekey, its files kept -----------------------------------------
V=$T_TMP/real
F=$T_TMP/files
mkdir -p "$F"
out=$(tp "$V" init 2>/dev/null); t_eq "init exits 0" 0 $?
CODE_OLD=$(code_of "$out")
for i in 1 2 3 4 5 6; do
	printf 'Entry %s\nWords of entry %s, kept through every crash. %s\n' "$i" "$i" \
		"$(head -c 3000 /dev/urandom | base64 -w 0)" | tp "$V" add --tag "t$i" >/dev/null
done
REF=$(everything "$V")
t_eq "six entries to keep" 6 "$(tp "$V" list | wc -l)"
cp "$V/key" "$F/key.old"
cp "$V/key.bak" "$F/key.bak.old"
cp "$V/tend.db" "$F/db.old"
out=$(tp "$V" rekey 2>/dev/null); t_eq "rekey exits 0" 0 $?
CODE_NEW=$(code_of "$out")
t_match "rekey shows a new code" "^$CODE_RE\$" "$CODE_NEW"
cp "$V/key" "$F/key.new"
cp "$V/tend.db" "$F/db.new"
t_ok "after a whole rekey key.bak equals key" cmp -s "$V/key" "$V/key.bak"
t_ok "the old key.bak was a copy of the old key" cmp -s "$F/key.old" "$F/key.bak.old"
t_eq "the real rekey left only its files" "key key.bak tend.db " "$(files "$V")"
t_eq "the real rekey kept every entry" "$REF" "$(everything "$V")"
# A copy cut off half way (as if the kill came while it was written) and a
# key file with one byte changed (damaged after the kill).
size=$(stat -c %s "$F/db.new")
head -c $((size / 2)) "$F/db.new" >"$F/db.partial"
cp "$F/key.new" "$F/key.bad"
printf '\x5a' | dd of="$F/key.bad" bs=1 seek=100 conv=notrunc status=none
if cmp -s "$F/key.bad" "$F/key.new"; then
	t_fail "the damaged key differs from the new one"
else
	t_pass "the damaged key differs from the new one"
fi

# state NAME KEY KEYBAK DB NEXT: the folder $T_TMP/NAME as a kill leaves it:
# KEY and KEYBAK are old, new or bad (damaged), DB is old or new, NEXT
# (tend.db.new) is none, partial or new. Sets S to the folder.
state() {
	S=$T_TMP/$1
	mkdir -m 700 "$S"
	cp "$F/key.$2" "$S/key"
	cp "$F/key.$3" "$S/key.bak"
	cp "$F/db.$4" "$S/tend.db"
	[ "$5" = none ] || cp "$F/db.$5" "$S/tend.db.new"
}
# opens NAME: the first open (tend list) exits 0 with its stderr in $ERR
# (and the folder as it left it in $T_TMP/NAME.first); every entry is there
# and verify passes.
opens() {
	tp "$S" list >/dev/null 2>"$T_TMP/$1.err"
	t_eq "$1: the vault opens" 0 $?
	cp -a "$S" "$T_TMP/$1.first"
	ERR=$(tr '\n' ' ' <"$T_TMP/$1.err")
	t_eq "$1: every entry is all there" "$REF" "$(everything "$S" 2>/dev/null)"
	tp "$S" verify >/dev/null 2>&1
	t_eq "$1: verify passes" 0 $?
}
# codes NAME CODE WHICH OTHER OTHERWHICH: on copies of the folder, recover
# with CODE (the WHICH one: old or new) exits 0 and every entry is there,
# and with OTHER exits 3 and changes nothing.
codes() {
	local a=$T_TMP/$1.code-ok b=$T_TMP/$1.code-refused before
	cp -a "$S" "$a"
	cp -a "$S" "$b"
	recover "$a" "$2" >/dev/null 2>&1
	t_eq "$1: the $3 recovery code opens it" 0 $?
	t_eq "$1: ... to every entry" "$REF" "$(everything "$a" 2>/dev/null)"
	before=$(snap "$b")
	recover "$b" "$4" >/dev/null 2>&1
	t_eq "$1: the $5 recovery code is refused" 3 $?
	t_eq "$1: ... and changes nothing" "$before" "$(snap "$b")"
}
# finished NAME: the re-key was completed at open.
finished() {
	t_match "$1: the person is told the code changed" "$FINISHED" "$ERR"
	t_ok "$1: key names the new key" cmp -s "$S/key" "$F/key.new"
	t_ok "$1: key.bak is now a copy of key" cmp -s "$S/key.bak" "$S/key"
	t_eq "$1: nothing else is left" "key key.bak tend.db " "$(files "$S")"
	codes "$1" "$CODE_NEW" new "$CODE_OLD" old
	tp "$S" list >/dev/null 2>"$T_TMP/$1.again"
	t_nomatch "$1: the next open says nothing more" "re-key" "$(cat "$T_TMP/$1.again")"
}
# undone NAME: the re-key was rolled back at open.
undone() {
	t_match "$1: the person is told it was undone" "$UNDONE" "$ERR"
	t_nomatch "$1: nor told of a new code" "$FINISHED" "$ERR"
	t_ok "$1: key is the old key" cmp -s "$S/key" "$F/key.old"
	t_ok "$1: key.bak is the old key.bak" cmp -s "$S/key.bak" "$F/key.bak.old"
}

# ---- killed before the commit point: undone --------------------------------
state before-commit old bak.old old new
opens before-commit
undone before-commit
t_eq "before-commit: tend.db.new is removed" "key key.bak tend.db " "$(files "$S")"
codes before-commit "$CODE_OLD" old "$CODE_NEW" new

state while-copying old bak.old old partial
opens while-copying
undone while-copying
t_eq "while-copying: the partial copy is removed" "key key.bak tend.db " "$(files "$S")"

# Killed inside atomic_write of key, before its rename: the new key file
# is only a temporary file beside the old one.
state key-half-written old bak.old old new
cp "$F/key.new" "$S/key.tmp-Ab3dE9"
opens key-half-written
undone key-half-written
t_eq "key-half-written: the temporary key file and tend.db.new are removed" \
	"key key.bak tend.db " "$(files "$S")"

# ---- killed after the commit point: finished -------------------------------
# key names the new key; key.bak (and the database) not yet. The kill came
# while key.bak was written, so its temporary file is there too.
state after-commit new bak.old old new
head -c 77 "$F/key.new" >"$S/key.bak.tmp-Zx81Qp"
cp -a "$S" "$T_TMP/after-commit.pristine"
opens after-commit
finished after-commit

# key.bak written too; tend.db.new not yet renamed.
state after-keybak new new old new
opens after-keybak
finished after-keybak

# The database renamed, key.bak still old: the state an earlier tend left
# when killed between its rename and its key.bak write.
state renamed new bak.old new none
opens renamed
finished renamed

# ---- a damaged key file on top ----------------------------------------------
# After the commit point, key damaged: key.bak (old key) is used. The old
# database opens with it and holds every entry, so the re-key is undone;
# tend.db.new, which the damaged key may have named, is not deleted then.
state bad-key-after-commit bad bak.old old new
opens bad-key-after-commit
t_match "bad-key-after-commit: the key backup is reported" "key file was damaged" "$ERR"
t_match "bad-key-after-commit: the re-key is reported undone" "$UNDONE" "$ERR"
t_ok "bad-key-after-commit: tend.db.new is kept by the open that used key.bak" \
	cmp -s "$T_TMP/bad-key-after-commit.first/tend.db.new" "$F/db.new"
t_ok "bad-key-after-commit: key was mended from key.bak (the old key)" cmp -s "$S/key" "$F/key.old"
t_ok "bad-key-after-commit: key.bak is the old key" cmp -s "$S/key.bak" "$F/key.old"
t_eq "bad-key-after-commit: once key is whole again, the next open removes tend.db.new" \
	"key key.bak tend.db " "$(files "$S")"
codes bad-key-after-commit "$CODE_OLD" old "$CODE_NEW" new

# key damaged once key.bak named the new key: key.bak finishes the re-key.
state bad-key-after-keybak bad new old new
opens bad-key-after-keybak
finished bad-key-after-keybak

# ---- states no kill leaves on a sound disk: refused, nothing touched ---------
# The key file names the new key but tend.db.new is incomplete (the disk
# lost what it had said was written).
state lost-copy new bak.old old partial
before=$(snap "$S")
tp "$S" list >/dev/null 2>"$T_TMP/lost-copy.err"
t_eq "lost-copy: refused as damaged (exit 4)" 4 $?
t_match "lost-copy: the message says nothing was removed and what to do" \
	"re-key was interrupted.*Nothing was changed or removed.*tend restore" \
	"$(tr '\n' ' ' <"$T_TMP/lost-copy.err")"
t_eq "lost-copy: every file is as it was" "$before" "$(snap "$S")"

# Renamed by an earlier tend, then key damaged: key.bak's old key does
# not open the new database.
state bad-key-renamed bad bak.old new none
before=$(snap "$S")
tp "$S" list >/dev/null 2>"$T_TMP/bad-key-renamed.err"
t_eq "bad-key-renamed: refused as damaged (exit 4)" 4 $?
t_eq "bad-key-renamed: every file is as it was" "$before" "$(snap "$S")"

# A tend.db.new left alone in a folder (its vault removed by hand) does not
# stop a new vault being made there.
O=$T_TMP/orphan
mkdir -m 700 "$O"
cp "$F/db.new" "$O/tend.db.new"
tp "$O" init >/dev/null 2>&1
t_eq "orphan: init beside a stray tend.db.new exits 0" 0 $?
printf 'Fresh\nA new vault.\n' | tp "$O" add >/dev/null 2>&1
tp "$O" verify >/dev/null 2>&1
t_eq "orphan: the new vault works" 0 $?

# ---- the message in each front end ------------------------------------------
P=$T_TMP/plain
cp -a "$T_TMP/after-commit.pristine" "$P"
printf 'q\n' | TEND_HOME=$P "$TEND_BIN" --plain --passphrase-fd 3 3<<<"$PASS" \
	>"$T_TMP/plain.out" 2>"$T_TMP/plain.err"
t_eq "--plain: runs and ends cleanly" 0 $?
t_match "--plain: the person is told the code changed" "$FINISHED" \
	"$(tr '\n' ' ' <"$T_TMP/plain.err")"
t_ok "--plain: key.bak is a copy of key" cmp -s "$P/key.bak" "$P/key"

R=$T_TMP/recover
cp -a "$T_TMP/after-commit.pristine" "$R"
recover "$R" "$CODE_NEW" >/dev/null 2>"$T_TMP/recover.err"
t_eq "recover: the new code finishes the re-key" 0 $?
t_match "recover: the person is told the code changed" "$FINISHED" \
	"$(tr '\n' ' ' <"$T_TMP/recover.err")"

W=$T_TMP/screen
cp -a "$T_TMP/after-commit.pristine" "$W"
printf 'type %s\nkey Enter\ndump after unlocking\n' "$PASS" >"$T_TMP/screen.script"
TEND_HOME=$W "$SCREEN_BIN" "$T_TMP/screen.script" >"$T_TMP/screen.out" 2>"$T_TMP/screen.err"
t_eq "screen: the driver ends cleanly" 0 $?
t_match "screen: the status bar says the code changed and to run tend rekey" \
	"interrupted re-key was finished.*old recovery code no longer opens.*tend rekey" \
	"$(t_section "$T_TMP/screen.out" "after unlocking" | tr -s ' \n' '  ')"
t_ok "screen: key.bak is a copy of key" cmp -s "$W/key.bak" "$W/key"
rm -rf "$W"
cp -a "$T_TMP/after-commit.pristine" "$W"
printf 'size 18x60\ntype %s\nkey Enter\ndump small\n' "$PASS" >"$T_TMP/small.script"
TEND_HOME=$W "$SCREEN_BIN" "$T_TMP/small.script" >"$T_TMP/small.out" 2>&1
t_match "screen at 60x18: the whole note fits" \
	"re-key was finished: the old recovery code no longer opens the vault\. Run 'tend rekey' in a terminal for a new one\." \
	"$(t_section "$T_TMP/small.out" small | sed 's/Ctrl-G  crisis help//' | tr -s ' \n' '  ')"

# ---- rekey with a full disk and a failing folder sync ------------------------
# Each run starts from the old files in $D. whole NAME, after a rekey whose
# output is in $T_TMP/faulty.out: the vault opens to every entry, verify
# passes, key.bak equals key, nothing is left over, and the person can
# open it with a code they know: the one this rekey showed, if it showed
# one, or else the old one, unless the open said the re-key was finished.
# What fails is added to bad.
D=$T_TMP/faulty
bad=
fresh() {
	rm -rf "$D" "$D.copy"
	mkdir -m 700 "$D"
	cp "$F/key.old" "$D/key"
	cp "$F/key.bak.old" "$D/key.bak"
	cp "$F/db.old" "$D/tend.db"
}
whole() {
	local code
	tp "$D" list >/dev/null 2>"$T_TMP/faulty.open" || bad+=" $1:open"
	[ "$(everything "$D" 2>/dev/null)" = "$REF" ] || bad+=" $1:entries"
	tp "$D" verify >/dev/null 2>&1 || bad+=" $1:verify"
	cmp -s "$D/key" "$D/key.bak" || bad+=" $1:key.bak"
	[ "$(files "$D")" = "key key.bak tend.db " ] || bad+=" $1:files[$(files "$D")]"
	code=$(code_of "$(cat "$T_TMP/faulty.out")")
	cp -a "$D" "$D.copy"
	if [ -n "$code" ]; then
		recover "$D.copy" "$code" >/dev/null 2>&1 || bad+=" $1:the-code-shown-fails"
	elif ! recover "$D.copy" "$CODE_OLD" >/dev/null 2>&1; then
		grep -q "re-key was finished" "$T_TMP/faulty.open" || bad+=" $1:no-code-and-not-told"
	fi
}
# rekey_with ENV...: rekey under nospace.so for $D with ENV; its exit
# status is in rc (a rekey that succeeds must show a code).
rekey_with() {
	env FAULT_DIR="$D" "$@" LD_PRELOAD="$NOSPACE_SO" \
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
		TEND_HOME="$D" "$TEND_BIN" --passphrase-fd 3 rekey 3<<<"$PASS" >"$T_TMP/faulty.out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && [ -z "$(code_of "$(cat "$T_TMP/faulty.out")")" ]; then
		bad+=" $*:no-code"
	fi
	return $rc
}
# The fewest bytes a rekey needs (found by halving), then budgets that
# run out in the copy, in the key file's write and in key.bak's.
lo=0 hi=$((8 * size + 65536))
while [ $((hi - lo)) -gt 1 ]; do
	mid=$(((lo + hi) / 2))
	fresh
	if rekey_with FAULT_BYTES=$mid; then hi=$mid; else lo=$mid; fi
done
echo "# a rekey of this ${size}-byte vault writes $hi bytes"
failed=0 done=0
for n in 0 $((size / 2)) $((hi - 4096)) $((hi - 168 - 84)) $((hi - 84)) $((hi - 1)) $hi; do
	fresh
	rekey_with FAULT_BYTES=$n
	case $rc in 0) done=$((done + 1)) ;; 1) failed=$((failed + 1)) ;; *) bad+=" full$n:exit$rc" ;; esac
	whole "full$n"
done
t_eq "full disk: the last budget went through, the six below it were refused" "1 6" "$done $failed"
synced=0
for n in 1 2 3 4 5 6; do
	fresh
	rekey_with FAULT_DIRSYNC=$n
	case $rc in 0) ;; 1) synced=$((synced + 1)) ;; *) bad+=" sync$n:exit$rc" ;; esac
	whole "sync$n"
done
t_ok "failing folder syncs: some rekeys were stopped by one ($synced)" test "$synced" -gt 0
t_eq "every rekey cut short left a whole vault, key.bak equal to key, and a code that opens it" \
	"" "$bad"

t_done
