# One failing I/O call at every step of every command that changes the
# vault, as SQLite's own I/O-error tests do. tests/faults/inject.c (loaded
# with LD_PRELOAD) counts the writes, fsyncs, truncates, renames and unlinks
# an operation makes under its folder, then each case runs the operation
# again with the Nth call of one kind failing: once (a disk full for a
# moment, then room again), from then on (persist), or with SIGKILL in its
# place (kill: rekey and restore). After each case, without the shim:
#   - the vault opens (`tend list` exits 0) and `tend verify` passes;
#   - what the operation reported as done is there, whole, and what it
#     reported as failed is not there at all, with everything before it
#     unchanged (the export is compared with the one before, or with the
#     one a clean run gives); a failure exits 1 with a message;
#   - no stray file is left in the vault folder or beside the output, and
#     once the vault was opened again its crash journal is not hot (one
#     whose header SQLite zeroed is ignored and reused, so it may stay).
# A case is named OP:KIND:N:MODE[:ERR]; a failing one prints a command that
# runs only it (INJECT_CASE=ID), which shows its output and keeps its folder
# to look at. INJECT_CASE may be a pattern ('passwd:*', '*:fsync:*').
# By default the operations that write most often (add, mood, import) run
# every N and the others a fixed sample of N (all of them in a sanitizer
# build, or with FAULT_SAMPLE=1); FAULT_FULL=1 runs every N of every
# operation. INJECT_PART=K/N runs every Nth case from the Kth (each part
# still makes its clean counting runs), so tests/run can run the sweep as N
# suites side by side; the parts together run every case once.
# A layout update with a failing call is in the unit suite
# `faults` (tests/unit/test_faults.c), which needs an older vault.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
export TEND_NOW=1767225600 # exports from two runs then compare equal
: "${INJECT_SO:?set INJECT_SO (make check does)}"
FIX=$(cd "$(dirname "$0")/../fixtures" && pwd)
SELF=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
P1='inject test passphrase'
P2='a new passphrase after it'
FULL=${FAULT_FULL:-0}
# A sanitizer build runs each tend three or four times slower: there every
# operation is sampled, more thinly (FAULT_SAMPLE=1 asks for that anywhere;
# FAULT_FULL=1 still runs everything).
SAMPLE=${FAULT_SAMPLE:-0}
if [ "$SAMPLE" = 0 ] && grep -qa __asan_init "$TEND_BIN"; then SAMPLE=1; fi
ONLY=${INJECT_CASE:-}
PART_K=1 PART_N=1
if [ -n "${INJECT_PART:-}" ]; then
	if [[ $INJECT_PART =~ ^([1-9][0-9]*)/([1-9][0-9]*)$ ]] &&
		[ "${BASH_REMATCH[1]}" -le "${BASH_REMATCH[2]}" ]; then
		PART_K=${BASH_REMATCH[1]} PART_N=${BASH_REMATCH[2]}
	else
		echo "INJECT_PART must be K/N with 1 <= K <= N, such as 1/2"
		exit 2
	fi
fi
CODE_RE='[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){10}'

# Cases that fail because of the VFS (src/store/vfs.c), not the code this
# suite can fix: each is run and shown as XFAIL while it fails, and fails
# the suite once it passes, so the list shrinks with the fix.
KNOWN_VFS="
"
KNOWN=" $(grep -v '^#' <<<"$KNOWN_VFS" | tr '\n' ' ') "

C=$T_TMP/c    # the case's folder: FAULT_DIR
H=$C/vault    # TEND_HOME
O=$C/out      # where a backup goes
LOG=$T_TMP/log
mkdir -p "$LOG"

# tend with the lines given on fd 3 (passphrases, a code), in folder $1.
tpin() { local home=$1 lines=$2; shift 2; TEND_HOME=$home "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$lines"; }
# The export: everything the vault holds (its time stamp is TEND_NOW's).
# Without each row's uid and change time, which are random by design (a
# run that saves makes other ones than the clean run did), and without the
# home screen's note that it was seen once, home.seen: a failed write of it
# is let go on purpose, and the next visit writes it.
snap() {
	tpin "$1" "$2" export 2>/dev/null | tr -d '\n' |
		sed -E -e 's/, "(uid|changed_at|deleted_at)": ("[0-9a-f]*"|[0-9]+)//g' \
			-e 's/\{"key": "home\.seen", "value": "[^"]*"\}//' \
			-e 's/, *]/]/g' -e 's/\[ *, */[/g' -e 's/\[ *]/[]/g'
}
# has FILE REGEX: FILE's text matches (without a process per check).
has() { local t; t=$(<"$1"); [[ $t =~ $2 ]]; }

# faulted CMD...: CMD with the case's fault (F_KIND F_N F_MODE F_ERR) under
# $C, or counting into F_COUNT. (ASan wants to be the first library.)
faulted() {
	TEND_HOME=$H FAULT_DIR=$C FAULT_OP=$F_KIND FAULT_N=$F_N FAULT_MODE=$F_MODE FAULT_ERR=$F_ERR \
		FAULT_COUNT=$F_COUNT LD_PRELOAD=$INJECT_SO \
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 "$@"
}

# ---- the vault every case starts from -----------------------------------
TPL=$T_TMP/template
out=$(tpin "$TPL" "$P1" init 2>/dev/null)
CODE1=$(grep -oE "$CODE_RE" <<<"$out" | head -n 1)
printf 'Kept one\nFirst words KEEPMARK1, written before any fault.\n' | tpin "$TPL" "$P1" add >/dev/null
printf 'Kept two\nSecond words KEEPMARK2.\n' | tpin "$TPL" "$P1" add --tag calm >/dev/null
tpin "$TPL" "$P1" mood 6 --emotion calm >/dev/null
BASE=$(snap "$TPL" "$P1")
t_ok "the starting vault has two entries and a check-in" \
	test "$(tpin "$TPL" "$P1" list | wc -l)" -eq 2 -a -n "$CODE1"
# What restore brings back: the same vault with one entry more.
cp -a "$TPL" "$T_TMP/src"
printf 'From the backup\nRESTOREMARK only in the backup.\n' | tpin "$T_TMP/src" "$P1" add >/dev/null
tpin "$T_TMP/src" "$P1" backup "$T_TMP/src.tend" 2>/dev/null
SRC=$(snap "$T_TMP/src" "$P1")
tpin "$T_TMP/src" "$P1" export -o "$T_TMP/src.json" 2>/dev/null
t_ok "the backup to restore was written" test -s "$T_TMP/src.tend"

# ---- the operations -------------------------------------------------------
# prep_OP makes $C; run_OP runs the operation through `faulted`, its output
# in $LOG/out and $LOG/err, and returns its exit status; check_OP RC adds
# what broke to $why. OK[OP] (from the clean run that counts) is the export
# after a success.

# Each case starts again from the same copy, a step back in time on
# purpose: as if on a computer of its own, with no mark against rollback.
prep_vault() { rm -rf "$C" "$XDG_STATE_HOME/tend"; mkdir -p "$C" "$O"; cp -a "$TPL" "$H"; }

# A reported failure: exit 1 (not "damaged", not "busy") and a message
# that names the cause, not SQLite's bare words.
failed_well() {
	[ "$1" -eq 1 ] || why+=" exit$1"
	has "$LOG/err" '^tend: ' || why+=" no-message"
	! has "$LOG/err" 'Database error|not an error' || why+=" unclear-message"
	case $F_ERR in
	ENOSPC) has "$LOG/err" 'disk is full|No space left' || why+=" message-hides-ENOSPC" ;;
	EIO) has "$LOG/err" 'Input/output error|I/O error' || why+=" message-hides-EIO" ;;
	esac
}

# The state after the case is the one before (BASE) or after (OK) the
# operation, as its exit status says; with SIGKILL either will do.
same_as() {
	local rc=$1 ok=$2 now
	now=$(snap "$H" "${3:-$P1}")
	if [ "$rc" -eq 0 ]; then
		[ "$now" == "$ok" ] || why+=" saved-but-not-whole"
	elif [ "$rc" -eq 137 ]; then
		[ "$now" == "$ok" ] || [ "$now" == "$BASE" ] || why+=" neither-old-nor-new"
	else
		[ "$now" == "$BASE" ] || why+=" failed-but-changed"
	fi
}

prep_add() { prep_vault; }
run_add() {
	printf 'Fault title\nThe words ADDMARK of an entry saved through a fault.\n' |
		faulted "$TEND_BIN" --passphrase-fd 3 add --tag hard 3<<<"$P1" >"$LOG/out" 2>"$LOG/err"
}
check_add() {
	[ "$1" -ne 0 ] || has "$LOG/out" '^Saved entry 3\.$' || why+=" no-saved-message"
	[ "$1" -eq 0 ] || failed_well "$1"
	same_as "$1" "${OK[add]}"
}

prep_mood() { prep_vault; }
run_mood() {
	faulted "$TEND_BIN" --passphrase-fd 3 mood 3 --emotion tired --note - \
		3<<<"$P1" <<<"A note MOODMARK" >"$LOG/out" 2>"$LOG/err"
}
check_mood() {
	[ "$1" -ne 0 ] || has "$LOG/out" '^Saved check-in' || why+=" no-saved-message"
	[ "$1" -eq 0 ] || failed_well "$1"
	same_as "$1" "${OK[mood]}"
}

prep_import() { prep_vault; }
run_import() {
	faulted "$TEND_BIN" --passphrase-fd 3 import --format jrnl "$FIX/jrnl/journal.json" \
		3<<<"$P1" >"$LOG/out" 2>"$LOG/err"
}
check_import() {
	[ "$1" -ne 0 ] || has "$LOG/out" 'Imported, all of it\.' || why+=" no-saved-message"
	[ "$1" -eq 0 ] || failed_well "$1"
	same_as "$1" "${OK[import]}"
}

# A tend export merged into the vault in use (one entry is new).
prep_importjson() { prep_vault; }
run_importjson() {
	faulted "$TEND_BIN" --passphrase-fd 3 import "$T_TMP/src.json" \
		3<<<"$P1" >"$LOG/out" 2>"$LOG/err"
}
check_importjson() {
	[ "$1" -ne 0 ] || has "$LOG/out" 'Imported, all of it\.' || why+=" no-saved-message"
	[ "$1" -eq 0 ] || failed_well "$1"
	same_as "$1" "${OK[importjson]}"
}

# The write screen: a new entry saved with Ctrl-S. The screen says whether
# it was saved; the driver closes the app at the end of the script.
cat >"$T_TMP/write.scr" <<EOF
type $P1
key Enter
key w
type Screen words SCREENMARK
key Tab
type A body line saved from the write screen.
key Ctrl-S
dump after Ctrl-S
EOF
prep_screen() { prep_vault; }
run_screen() {
	faulted "$SCREEN_BIN" "$T_TMP/write.scr" >"$LOG/out" 2>"$LOG/err"
	local rc=$?
	# Saved or not, as the screen said it.
	if has "$LOG/out" 'Not saved'; then
		return 1
	elif [ "$rc" -eq 0 ] && has "$LOG/out" 'Saved [0-9][0-9]:[0-9][0-9]'; then
		return 0
	fi
	return $((rc ? rc : 99))
}
check_screen() {
	[ "$1" -eq 0 ] || [ "$1" -eq 1 ] || why+=" screen-said-neither(exit$1)"
	same_as "$(($1 == 0 ? 0 : 1))" "${OK[screen]}"
}

# passwd and recover: the passphrase that opens the vault, and both copies
# of the key file, are the new one after a success and the old one after a
# failure; the contents never change.
key_state() {
	local rc=$1 want=$2 other=$3
	tpin "$H" "$want" list >/dev/null 2>&1 || why+=" $want-refused"
	tpin "$H" "$other" list >/dev/null 2>&1; [ $? -eq 3 ] || why+=" $other-not-refused"
	[ "$(snap "$H" "$want")" == "$BASE" ] || why+=" contents-changed"
	rm -rf "$T_TMP/kb"; cp -a "$H" "$T_TMP/kb"; rm -f "$T_TMP/kb/key"
	tpin "$T_TMP/kb" "$want" list >/dev/null 2>&1 || why+=" key.bak-not-$want"
}
passphrase_after() {
	if [ "$1" -eq 0 ]; then key_state "$1" "$P2" "$P1"; else key_state "$1" "$P1" "$P2"; fi
}

prep_passwd() { prep_vault; }
run_passwd() {
	faulted "$TEND_BIN" --passphrase-fd 3 passwd 3<<<"$P1
$P2" >"$LOG/out" 2>"$LOG/err"
}
check_passwd() {
	[ "$1" -eq 0 ] || failed_well "$1"
	passphrase_after "$1"
}

prep_recover() { prep_vault; }
run_recover() {
	faulted "$TEND_BIN" --passphrase-fd 3 recover 3<<<"$CODE1
$P2" >"$LOG/out" 2>"$LOG/err"
}
check_recover() {
	[ "$1" -eq 0 ] || failed_well "$1"
	passphrase_after "$1"
}

# rekey: the passphrase still opens the same contents; the new code opens
# the vault after a success, the old one after a failure.
code_opens() {
	rm -rf "$T_TMP/kc"; cp -a "$H" "$T_TMP/kc"
	tpin "$T_TMP/kc" "$1
$P2" recover >/dev/null 2>&1
}
prep_rekey() { prep_vault; }
run_rekey() {
	faulted "$TEND_BIN" --passphrase-fd 3 rekey 3<<<"$P1" >"$LOG/out" 2>"$LOG/err"
}
check_rekey() {
	local rc=$1 code
	[ "$rc" -eq 0 ] || [ "$rc" -eq 137 ] || failed_well "$rc"
	same_as "$rc" "$BASE"
	if [ "$rc" -eq 0 ]; then
		code=$(grep -oE "$CODE_RE" "$LOG/out" | head -n 1)
		code_opens "$code" || why+=" new-code-refused"
		code_opens "$CODE1"; [ $? -eq 3 ] || why+=" old-code-still-opens"
	elif [ "$rc" -ne 137 ]; then
		# A failure after the new key took over shows the new code (and
		# the next open finishes the re-key): then that one opens it.
		code=$(grep -oE "$CODE_RE" "$LOG/out" | head -n 1)
		if [ -n "$code" ]; then
			code_opens "$code" || why+=" shown-code-refused"
		else
			code_opens "$CODE1" || why+=" old-code-refused"
		fi
	fi
}

# backup: a backup file that restores to the vault as it is, or none at all.
prep_backup() { prep_vault; }
run_backup() {
	faulted "$TEND_BIN" --passphrase-fd 3 backup "$O/b.tend" 3<<<"$P1" >"$LOG/out" 2>"$LOG/err"
}
check_backup() {
	same_as 1 "$BASE"
	if [ "$1" -eq 0 ]; then
		rm -rf "$T_TMP/rb"
		tpin "$T_TMP/rb" "$P1" restore "$O/b.tend" >/dev/null 2>&1 || why+=" backup-does-not-restore"
		[ "$(snap "$T_TMP/rb" "$P1")" == "$BASE" ] || why+=" backup-not-whole"
	else
		failed_well "$1"
		[ ! -e "$O/b.tend" ] || why+=" failed-but-backup-left"
	fi
}

# restore into the vault in use: its contents are the backup's, or its own.
prep_restore() { prep_vault; }
run_restore() {
	faulted "$TEND_BIN" --passphrase-fd 3 restore "$T_TMP/src.tend" 3<<<"$P1" \
		>"$LOG/out" 2>"$LOG/err"
}
check_restore() {
	[ "$1" -eq 0 ] || [ "$1" -eq 137 ] || failed_well "$1"
	same_as "$1" "$SRC"
}

# restore into a folder with no vault: the backup's vault, or no vault.
# Killed before there is one, the same restore run again must work.
prep_restorenew() { rm -rf "$C" "$XDG_STATE_HOME/tend"; mkdir -p "$C" "$O"; }
run_restorenew() { run_restore; }
check_restorenew() {
	local rc=$1 now
	[ "$rc" -eq 0 ] || [ "$rc" -eq 137 ] || failed_well "$rc"
	if [ "$rc" -eq 0 ]; then
		[ "$(snap "$H" "$P1")" == "$SRC" ] || why+=" saved-but-not-whole"
	elif [ -e "$H/key" ] || [ -e "$H/key.bak" ] || [ -e "$H/tend.db" ]; then
		now=$(snap "$H" "$P1")
		[ "$rc" -eq 137 ] && [ "$now" == "$SRC" ] || why+=" failed-but-vault-left"
	elif [ "$rc" -eq 137 ]; then
		tpin "$H" "$P1" restore "$T_TMP/src.tend" >/dev/null 2>&1 || why+=" restore-again-fails"
		[ "$(snap "$H" "$P1")" == "$SRC" ] || why+=" restore-again-not-whole"
	fi
}

# What every case must leave: a vault that opens and verifies (unless
# there is rightly none), and no stray file.
common_checks() {
	local op=$1 rc=$2 pass=$P1 r f
	if [ "$op" = passwd ] || [ "$op" = recover ]; then
		[ "$rc" -eq 0 ] && pass=$P2
	fi
	if [ "$op" != restorenew ] || [ -e "$H/key" ]; then
		# verify opens the vault first; list only tells more when it fails.
		tpin "$H" "$pass" verify >/dev/null 2>"$LOG/list.err"
		r=$?
		if [ $r -ne 0 ]; then
			tpin "$H" "$pass" list >/dev/null 2>"$LOG/list.err"
			why+=" list-exit$? verify-exit$r"
		fi
	fi
	for f in "$H"/* "$H"/.[!.]* "$O"/* "$O"/.[!.]*; do
		[ -e "$f" ] || continue
		case ${f#"$C"/} in
		vault/key | vault/key.bak | vault/lock | vault/tend.db) ;;
		vault/tend.db-journal) [ "$(head -c 1 "$f" | od -An -tx1)" != " d9" ] || why+=" journal-still-hot" ;;
		out/b.tend) [ "$op" = backup ] && [ "$rc" -eq 0 ] || why+=" stray:${f#"$C"/}" ;;
		*) why+=" stray:${f#"$C"/}" ;;
		esac
	done
}

# ---- the sweep --------------------------------------------------------------
F_KIND='' F_N='' F_MODE='' F_ERR='' F_COUNT=''
ncases=0 nfail=0 nxfail=0 nseen=0
declare -A COUNTS OK

# count OP: the clean run that counts its calls (and gives OK[OP]).
count() {
	local op=$1 k n
	prep_"$op"
	F_COUNT=$LOG/count
	rm -f "$F_COUNT"
	"run_$op"
	local rc=$?
	F_COUNT=
	t_eq "$op runs cleanly under the shim" 0 "$rc"
	while read -r k n; do
		COUNTS[$op:$k]=$((${COUNTS[$op:$k]:-0} + n))
	done <"$LOG/count"
	case $op in
	passwd | recover) OK[$op]=$(snap "$H" "$P2") ;;
	*) OK[$op]=$(snap "$H" "$P1") ;;
	esac
}

# which_n COUNT EVERY: the N to try: all of 1..COUNT when EVERY (unless
# SAMPLE) or FULL, else the first three, the last three and about six
# spread between (with SAMPLE two, two and three), always the same.
which_n() {
	local c=$1 every=$2 i step ends=3 between=6
	[ "$SAMPLE" = 1 ] && ends=2 between=3
	if { [ "$every" = 1 ] && [ "$SAMPLE" != 1 ]; } || [ "$FULL" = 1 ] ||
		[ "$c" -le $((2 * (ends + between))) ]; then
		seq 1 "$c"
		return
	fi
	step=$(((c + between - 1) / between))
	for ((i = 1; i <= c; i++)); do
		if [ $i -le $ends ] || [ $i -gt $((c - ends)) ] || [ $((i % step)) -eq 0 ]; then echo $i; fi
	done
}

# one_case ID: runs it and checks it; prints a line if it broke.
one_case() {
	local id=$1 op rc known
	IFS=: read -r op F_KIND F_N F_MODE F_ERR <<<"$id"
	# shellcheck disable=SC2053 # INJECT_CASE may be a pattern
	[ -n "$ONLY" ] && [[ $id != $ONLY ]] && return
	nseen=$((nseen + 1))
	[ $(((nseen - 1) % PART_N)) -eq $((PART_K - 1)) ] || return
	why=
	"prep_$op"
	"run_$op"
	rc=$?
	"check_$op" "$rc"
	common_checks "$op" "$rc"
	ncases=$((ncases + 1))
	known=0
	[[ $KNOWN == *" $id "* ]] && known=1
	if [ -n "$ONLY" ] && [ "$id" = "$ONLY" ]; then
		echo "case $id: exit $rc; stdout:"; cat "$LOG/out"
		echo "stderr:"; cat "$LOG/err"
		echo "next open:"; cat "$LOG/list.err" 2>/dev/null
		rm -rf "${TMPDIR:-/tmp}/tend-inject-case"
		cp -a "$C" "${TMPDIR:-/tmp}/tend-inject-case"
		echo "the folder is kept in ${TMPDIR:-/tmp}/tend-inject-case"
	fi
	if [ -z "$why" ] && [ $known = 0 ]; then
		T_PASS=$((T_PASS + 1))
	elif [ -n "$why" ] && [ $known = 1 ]; then
		nxfail=$((nxfail + 1))
		echo "XFAIL - $id:$why"
	else
		nfail=$((nfail + 1))
		T_FAIL=$((T_FAIL + 1))
		if [ -z "$why" ]; then
			echo "not ok - $id: passes now; take it out of KNOWN_VFS in $SELF"
		else
			echo "not ok - $id:$why (exit $rc) | INJECT_CASE=$id TEND_BIN=$TEND_BIN SCREEN_BIN=${SCREEN_BIN:-} INJECT_SO=$INJECT_SO bash $SELF"
		fi
	fi
}

# sweep OP EVERY KILL: every kind the operation makes calls of, N as
# which_n says, once and persist (writes with ENOSPC, and with EIO at the
# sampled N; the rest with EIO), and SIGKILL at each N when KILL.
sweep() {
	local op=$1 every=$2 kill=$3 k n c some before=$ncases
	# shellcheck disable=SC2053
	[ -z "$ONLY" ] || [[ $op == ${ONLY%%:*} ]] || return
	count "$op"
	local line="$op:"
	for k in write fsync truncate rename unlink; do
		c=${COUNTS[$op:$k]:-0}
		line+=" $k $c"
		some=" $(which_n "$c" 0 | tr '\n' ' ') "
		for n in $(which_n "$c" "$every"); do
			if [ $k = write ]; then
				one_case "$op:$k:$n:once:ENOSPC"
				one_case "$op:$k:$n:persist:ENOSPC"
			fi
			if [ $k != write ] || [[ $some == *" $n "* ]]; then
				one_case "$op:$k:$n:once:EIO"
				one_case "$op:$k:$n:persist:EIO"
			fi
			[ "$kill" = 1 ] && one_case "$op:$k:$n:kill"
		done
	done
	echo "# $line; $((ncases - before)) cases"
}

start=$(date +%s)
sweep add 1 0
sweep mood 1 0
sweep import 1 0
sweep importjson 0 0
[ -n "${SCREEN_BIN:-}" ] && sweep screen 0 0
sweep passwd 0 0
sweep recover 0 0
sweep rekey 0 1
sweep backup 0 0
sweep restore 0 1
sweep restorenew 0 1
[ "$PART_N" -gt 1 ] && echo "# part $PART_K of $PART_N: $ncases of the $nseen cases"
echo "# $ncases cases in $(($(date +%s) - start)) s: $nfail failed, $nxfail known VFS failures (XFAIL)"
t_done
