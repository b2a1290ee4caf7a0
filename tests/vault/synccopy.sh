# A sync tool copies tend.db while tend writes: a stream of adds runs while
# a slow copier (128 KB at a time, as a sync tool reads) takes copies of
# the folder, and one more after the last add. Every copy must open to a
# state some add left (its entries are exactly the first N added, the
# newest whole, and `tend verify` passes), or be refused with exit 4 and
# the message that says a copy may have been caught mid-write; never a
# silent mix. A copy spliced by hand from two
# states must be refused the same way.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1
export TEND_HOME=$T_TMP/vault
PASS='kept in step'
ADDS=${SYNCCOPY_ADDS:-24}
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
# tc DIR ARGS...: tend on the copy in DIR, as another computer (its own
# marks against rollback).
tc() { TEND_HOME=$1 XDG_STATE_HOME=$1.state "$TEND_BIN" --passphrase-fd 3 "${@:2}" 3<<<"$PASS"; }

tp init >/dev/null 2>&1; t_eq "init exits 0" 0 $?

POOL=$T_TMP/pool.txt
head -c 400000 /dev/urandom | base64 -w 76 >"$POOL"
# body N: the body of add N (a slice of the pool of 30-130 KB).
body() { tail -c +$(( $1 * 7919 % 100000 + 1 )) "$POOL" | head -c $(( ($1 * 37 % 100 + 30) * 1024 )); echo; }

writer() {
	local i
	for ((i = 1; i <= ADDS; i++)); do
		{ echo "Sync $i"; body "$i"; } | tp add >/dev/null 2>>"$T_TMP/writer.err" ||
			echo "add $i" >>"$T_TMP/writer.err"
		# Quiet moments now and then, as a person writes.
		[ $((i % 2)) -eq 0 ] && sleep "0.$((3 + RANDOM % 4))"
	done
	touch "$T_TMP/done"
}
# slow_copy DIR: the folder's files (not the lock, not the journal, which a
# sync tool is told to leave out) into DIR, tend.db 128 KB at a time.
slow_copy() {
	local dst=$1 off=0 size
	mkdir -m 700 "$dst"
	for f in key key.bak config; do
		[ -e "$TEND_HOME/$f" ] && cp "$TEND_HOME/$f" "$dst/"
	done
	size=$(stat -c %s "$TEND_HOME/tend.db")
	: >"$dst/tend.db"
	while [ "$off" -lt "$size" ]; do
		dd if="$TEND_HOME/tend.db" bs=128K iflag=skip_bytes,count_bytes skip="$off" count=131072 \
			status=none >>"$dst/tend.db"
		off=$((off + 131072))
	done
}

writer &
wpid=$!
n=0
while [ ! -e "$T_TMP/done" ]; do
	n=$((n + 1))
	slow_copy "$T_TMP/copy$n"
done
wait "$wpid"
n=$((n + 1))
slow_copy "$T_TMP/copy$n"
t_eq "every add saved" "" "$(cat "$T_TMP/writer.err" 2>/dev/null)"

whole=0 midwrite=0 other=0 mixed=0
for ((k = 1; k <= n; k++)); do
	d=$T_TMP/copy$k
	tc "$d" list >"$d.list" 2>"$d.err"
	rc=$?
	if [ "$rc" -eq 4 ] && grep -q 'do not belong together' "$d.err" &&
		grep -q 'let the sync finish' "$d.err"; then
		midwrite=$((midwrite + 1))
		continue
	fi
	if [ "$rc" -ne 0 ]; then
		other=$((other + 1))
		echo "# copy $k: exit $rc: $(cat "$d.err")"
		continue
	fi
	# The first N adds, in order, no gaps, no strangers.
	got=$(cut -f3 "$d.list" | sort -t' ' -k2,2n | tr '\n' ,)
	cnt=$(grep -c . "$d.list")
	want=$(for ((i = 1; i <= cnt; i++)); do printf 'Sync %s,' "$i"; done)
	bad=
	[ "$got" = "$want" ] || bad="lists [$got]"
	# Its newest entry whole, and the copy verifies.
	if [ -z "$bad" ] && [ "$cnt" -gt 0 ]; then
		id=$(sort -n "$d.list" | tail -n 1 | cut -f1)
		[ "$(tc "$d" show "$id" | tail -n +4 | sha256sum)" = \
			"$(body "$cnt" | sha256sum)" ] || bad="entry $cnt is not whole"
	fi
	[ -z "$bad" ] && ! tc "$d" verify >/dev/null 2>&1 && bad="verify failed"
	if [ -n "$bad" ]; then
		mixed=$((mixed + 1))
		echo "# copy $k opened as a mix: $bad"
	else
		whole=$((whole + 1))
	fi
done
echo "# $n copies taken during $ADDS adds: $whole opened whole, $midwrite refused as caught mid-write"
t_eq "no copy opened as a silent mix" 0 "$mixed"
t_eq "no copy failed any other way" 0 "$other"
t_ok "some copies opened whole ($whole)" test "$whole" -gt 0

# A copy spliced from two states: the first pages of the vault before one
# more add, the rest after it.
slow_copy "$T_TMP/before"
{ echo "One more"; body 1; } | tp add >/dev/null
slow_copy "$T_TMP/after"
S=$T_TMP/spliced
mkdir -m 700 "$S"
cp "$T_TMP/after/key" "$T_TMP/after/key.bak" "$S/"
size=$(stat -c %s "$T_TMP/after/tend.db")
half=$(( size / 4096 / 2 * 4096 ))
{ head -c "$half" "$T_TMP/before/tend.db"; tail -c +$((half + 1)) "$T_TMP/after/tend.db"; } >"$S/tend.db"
cmp -s "$S/tend.db" "$T_TMP/after/tend.db"; t_eq "the splice differs from the state after" 1 $?
tc "$S" list >/dev/null 2>"$T_TMP/spliced.err"
t_eq "a spliced copy is refused with exit 4" 4 $?
t_match "it says a sync tool may have caught it mid-write" \
	"do not belong together.*let the sync finish" "$(tr '\n' ' ' <"$T_TMP/spliced.err")"
tc "$S" verify >/dev/null 2>"$T_TMP/spliced.verr"
t_eq "verify refuses it too" 4 $?
t_match "verify names the sync tool as a likely cause" "sync tool" "$(cat "$T_TMP/spliced.verr")"
before=$(sha256sum <"$T_TMP/before/tend.db")
tc "$T_TMP/before" merge "$S/tend.db" >/dev/null 2>"$T_TMP/spliced.merr"
t_eq "merging it into another copy is refused with exit 4" 4 $?
t_match "saying it was caught mid-write" "caught mid-write" "$(cat "$T_TMP/spliced.merr")"
t_eq "and that copy is unchanged" "$before" "$(sha256sum <"$T_TMP/before/tend.db")"
t_eq "the spliced copy was left as it was" \
	"$( { head -c "$half" "$T_TMP/before/tend.db"; tail -c +$((half + 1)) "$T_TMP/after/tend.db"; } | sha256sum)" \
	"$(sha256sum <"$S/tend.db")"

# A torn page: one page half as one save left it, half as the next; the
# first page after page 1 that the save changed.
T=$T_TMP/torn
mkdir -m 700 "$T"
cp "$T_TMP/after/key" "$T_TMP/after/key.bak" "$T/"
cp "$T_TMP/after/tend.db" "$T/tend.db"
at=$(cmp -i 4096 "$T_TMP/before/tend.db" "$T_TMP/after/tend.db" | awk '{ sub(/,/, "", $5); print $5 }')
pg=$(( (at - 1) / 4096 + 1 ))
t_ok "the save changed a page after page 1 (page $((pg + 1)))" test "$pg" -ge 1
dd if="$T_TMP/before/tend.db" of="$T/tend.db" bs=1 skip=$((pg * 4096 + 2048)) \
	seek=$((pg * 4096 + 2048)) count=2048 conv=notrunc status=none
cp -a "$T_TMP/before" "$T_TMP/before2"
tc "$T_TMP/before2" merge "$T/tend.db" >/dev/null 2>"$T_TMP/torn.merr"
t_eq "merging a copy with a torn page is refused with exit 4" 4 $?
t_match "as caught mid-write, not as another vault" "caught mid-write" "$(cat "$T_TMP/torn.merr")"

t_done
