# Faults from outside tend: a full disk and a read-only vault folder. Each
# must give a clear message and lose nothing: what was saved before stays
# whole (`tend verify`, and the export is what it was), and the thing being
# saved is either all there or not there at all.
#
# The full disk comes two ways. Always: tests/faults/nospace.c, loaded with
# LD_PRELOAD, lets writes under the vault folder add up to FAULT_BYTES and
# then fails them with ENOSPC, so every command that writes is tried with a
# range of budgets, from nothing at all to nearly enough. When this runs as
# root and may mount (as in CI): a real 2 MiB tmpfs filled to the last byte,
# then made read-only. Elsewhere the read-only folder is made with chmod
# (root ignores that, so there the tmpfs is the only way). The vault from a
# newer tend and a layout update that fails part way are unit tests
# (tests/unit/test_faults.c).
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
: "${NOSPACE_SO:?set NOSPACE_SO (make check does)}"
FIX=$(cd "$(dirname "$0")/../fixtures" && pwd)
PASS='faults test passphrase'
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
# full BYTES CMD...: CMD with writes under $TEND_HOME (or $FULL_DIR, when
# set) limited to BYTES.
# (ASan wants to be the first library; the shim only passes calls on.)
full() {
	local n=$1; shift
	FAULT_DIR=${FULL_DIR:-$TEND_HOME} FAULT_BYTES=$n LD_PRELOAD=$NOSPACE_SO \
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 "$@"
}
# The export without its time stamp: what the vault holds.
snapshot() { tp export 2>/dev/null | grep -v '"exported_at"'; }
verify() { tp verify >/dev/null 2>&1; }

export TEND_HOME=$T_TMP/vault
tp init >/dev/null 2>&1
printf 'Kept one\nFirst words KEEPMARK1 saved before the disk filled.\n' | tp add >/dev/null
printf 'Kept two\nSecond words KEEPMARK2.\n' | tp add --tag calm >/dev/null
tp mood 6 --emotion calm >/dev/null
t_ok "a vault with two entries and a check-in" test "$(tp list | wc -l)" -eq 2
base=$(snapshot)
kept() { tp show 1; tp show 2; tp export 2>/dev/null | grep -c '"score"'; }
base_kept=$(kept)

# ---- tend add, budgets from none to enough
BUDGETS="0 1 512 4096 8192 16384 32768 49152 65536 98304 131072 262144"
saved=0 refused=0 bad=
for n in $BUDGETS; do
	body="Entry written with $n bytes free NEWMARK$n"
	out=$(printf 'Full disk %s\n%s\n' "$n" "$body" | full "$n" "$TEND_BIN" --passphrase-fd 3 add 3<<<"$PASS" 2>&1)
	rc=$?
	if [ $rc -eq 0 ]; then
		saved=$((saved + 1))
		tp search "NEWMARK$n" | grep -q "Full disk $n" || bad+=" $n:saved-but-missing"
		tp show "$(tp search "NEWMARK$n" | cut -f1)" | grep -qx "$body" || bad+=" $n:not-whole"
	else
		refused=$((refused + 1))
		[[ $out == *"The disk is full, so nothing was saved"* ]] || bad+=" $n:message[$out]"
		[ $rc -eq 1 ] || bad+=" $n:exit$rc"
		tp search "NEWMARK$n" | grep -q . && bad+=" $n:half-saved"
	fi
	verify || bad+=" $n:verify"
done
t_eq "tend add on a full disk: the message, exit 1, all or nothing, verify passes" "" "$bad"
t_ok "some budgets were too small to save ($refused)" test "$refused" -ge 3
t_ok "and the largest were enough ($saved)" test "$saved" -ge 1
now=$(snapshot)
t_eq "the earlier entries and check-in are unchanged" "$base_kept" "$(kept)"

# ---- a check-in
out=$(full 0 "$TEND_BIN" --passphrase-fd 3 mood 3 3<<<"$PASS" 2>&1)
t_match "a check-in on a full disk says so" "disk is full.*check-in" "$out"
t_eq "and no check-in was added" "$(snapshot | grep -c '"score"')" "$(grep -c '"score"' <<<"$now")"

# ---- passwd: the old passphrase still opens, the new one does not
out=$(full 0 "$TEND_BIN" --passphrase-fd 3 passwd 3<<<"$PASS
a new passphrase here
a new passphrase here" 2>&1)
t_match "passwd on a full disk: a clear message" "No space left|disk is full" "$out"
t_ok "the old passphrase still opens the vault" verify
t_exit "the new one does not" 3 "$TEND_BIN" --passphrase-fd 3 list 3<<<"a new passphrase here" 2>/dev/null

# ---- export and backup onto a full disk: no file, not even part of one
# (into a folder of their own: tend writes neither inside the vault folder)
OUTD=$T_TMP/outdisk
mkdir -p "$OUTD"
out=$(FULL_DIR=$OUTD full 1000 "$TEND_BIN" --passphrase-fd 3 export -o "$OUTD/out.json" 3<<<"$PASS" 2>&1)
t_match "export to a full disk: a clear message" "Cannot write .*out.json.*No space left" "$out"
t_ok "no export file, not even part of one" test ! -e "$OUTD/out.json"
out=$(FULL_DIR=$OUTD full 1000 "$TEND_BIN" --passphrase-fd 3 backup "$OUTD/b.tend" 3<<<"$PASS" 2>&1)
t_match "backup to a full disk: a clear message" "No space left|disk is full" "$out"
t_ok "no backup file, not even part of one" test ! -e "$OUTD/b.tend"
t_eq "nothing left in the full folder" "" "$(ls -A "$OUTD")"
t_eq "no stray files left in the vault folder" "" \
	"$(ls -A "$TEND_HOME" | grep -v -x -e tend.db -e key -e key.bak -e lock -e config -e 'tend.db-journal')"

# ---- an import on a full disk adds nothing
out=$(full 2000 "$TEND_BIN" --passphrase-fd 3 import --format jrnl "$FIX/jrnl/journal.json" 3<<<"$PASS" 2>&1)
t_match "an import on a full disk: the message" "disk is full" "$out"
t_eq "and not one of its entries is there" "$now" "$(snapshot)"
t_ok "the vault verifies after all of it" verify

# ---- the write screen: the words stay on screen until the person lets them go
if [ -n "${SCREEN_BIN:-}" ]; then
	export TERM=xterm-256color
	{
		echo "type $PASS"
		echo "key Enter"
		echo "key w"
		echo "type Screen words SCREENMARK"
		echo "key Tab"
		for i in $(seq 40); do echo "paste Line $i of a long entry written while the disk was full, so no room for it."; done
		echo "key Ctrl-S"
		echo "dump save refused"
		echo "key Esc"
		echo "dump first Esc"
		echo "type  and a few words more"
		echo "key Esc"
		echo "dump Esc after more words"
		echo "key Esc"
		echo "dump second Esc"
	} >"$T_TMP/write.scr"
	full 30000 "$SCREEN_BIN" "$T_TMP/write.scr" >"$T_TMP/write.out" 2>"$T_TMP/write.err"
	t_eq "the screen driver ran" 0 $?
	s=$(t_section "$T_TMP/write.out" "save refused")
	t_match "Ctrl-S on a full disk: not saved, and why (read whole)" "Not saved: The disk is full.*try again" "$(tr -s ' \n' ' ' <<<"$s")"
	t_match "the words are still on the screen" "Screen words SCREENMARK" "$s"
	s=$(t_section "$T_TMP/write.out" "first Esc")
	t_match "Esc does not leave: the words could not be kept" "still here but could not be kept" "$(tr -s ' \n' ' ' <<<"$s")"
	t_match "and they are still there" "Line 40 of a long entry" "$s"
	s=$(t_section "$T_TMP/write.out" "Esc after more words")
	t_match "words typed after the warning: Esc tries to keep them again, and stays" \
		"still here but could not be kept" "$(tr -s ' \n' ' ' <<<"$s")"
	s=$(t_section "$T_TMP/write.out" "second Esc")
	t_match "a second Esc leaves, as the message said" "Welcome( back)?\. There is nothing" "$s"
	t_eq "nothing of it reached the vault" "" "$(tp search SCREENMARK)"
	t_ok "and the vault verifies" verify
fi

# ---- a real full disk, then a read-only one (root, where mounting works)
mnt=$T_TMP/mnt
mkdir -p "$mnt"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=2m,mode=0700 tend-test "$mnt" 2>/dev/null; then
	trap 'umount "$mnt" 2>/dev/null; rm -rf "$T_TMP"' EXIT
	export TEND_HOME=$mnt/vault
	tp init >/dev/null 2>&1
	printf 'On the small disk\nTMPFSMARK before it filled.\n' | tp add >/dev/null
	dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null
	t_eq "the small disk is full" 0 "$(df --output=avail -k "$mnt" | tail -1 | tr -d ' ')"
	out=$(printf 'Too late\nNo room TMPFSNEW.\n' | tp add 2>&1)
	t_eq "tend add on the real full disk exits 1" 1 $?
	t_match "with the plain message" "The disk is full, so nothing was saved" "$out"
	t_ok "the vault still opens and lists the earlier entry" grep -q 'On the small disk' <<<"$(tp list)"
	rm -f "$mnt/filler"
	t_ok "with room again it verifies" verify
	t_eq "and nothing of the refused entry is there" "" "$(tp search TMPFSNEW)"
	printf 'Room again\nTMPFSAFTER.\n' | tp add >/dev/null
	t_ok "and saving works again" grep -q 'Room again' <<<"$(tp search TMPFSAFTER)"
	before=$(snapshot)
	mount -o remount,ro "$mnt"
	out=$(printf 'Read only\nROMARK.\n' | tp add 2>&1)
	t_eq "tend add in a read-only folder exits 1" 1 $?
	t_match "the message names the folder and what to do" "vault folder .* cannot be written to \(Read-only file system\).*Nothing was changed.*TEND_HOME" "$(tr '\n' ' ' <<<"$out")"
	mount -o remount,rw "$mnt"
	t_eq "the vault is as it was" "$before" "$(snapshot)"
	umount "$mnt"
elif [ "$(id -u)" -ne 0 ]; then
	echo "skip - real full disk (needs root to mount a small tmpfs)"
	export TEND_HOME=$T_TMP/ro
	tp init >/dev/null 2>&1
	printf 'Read only\nROKEEP.\n' | tp add >/dev/null
	chmod -R a-w "$TEND_HOME"
	out=$(printf 'More\nROMARK.\n' | tp add 2>&1)
	t_eq "tend add in a read-only folder exits 1" 1 $?
	t_match "the message names the folder and what to do" "cannot be written to.*Nothing was changed" "$(tr '\n' ' ' <<<"$out")"
	chmod -R u+w "$TEND_HOME"
	t_ok "the vault is as it was" grep -q 'Read only' <<<"$(tp list)"
else
	echo "skip - real full disk and read-only folder (this root may not mount a tmpfs)"
fi
t_done
