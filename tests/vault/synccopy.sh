# Safe to sync while open: a sync tool may copy tend.db at any moment,
# also in the middle of a save. Here one tend adds entries in a loop while
# tend.db is copied at random moments (as a sync tool reads it, without
# the crash journal). Every copy must either open to a whole state (entries
# 1..n, nothing half there; tend verify passes) or be refused with exit 4
# and say it was caught mid-write, never open as a silent mix; and tend
# merge of a refused copy changes nothing.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TZ=UTC
PASS='sync copy pass'
tw() { TEND_HOME=$T_TMP/v XDG_STATE_HOME=$T_TMP/state-v "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tc() { local d=$1; shift; TEND_HOME=$d XDG_STATE_HOME=$d.state "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tw init >/dev/null 2>&1
echo "entry 0" | tw add >/dev/null
cp -a "$T_TMP/v" "$T_TMP/ref"
(
	for i in $(seq 1 60); do
		head -c 30000 /dev/urandom | base64 | sed "1s/^/entry $i /" | tw add >/dev/null 2>&1
	done
) &
writer=$!
n=0
while kill -0 "$writer" 2>/dev/null && [ $n -lt 40 ]; do
	n=$((n + 1))
	mkdir "$T_TMP/c$n"
	cp "$T_TMP/v/key" "$T_TMP/v/key.bak" "$T_TMP/c$n/"
	if [ $((n % 2)) -eq 0 ]; then
		cp "$T_TMP/v/tend.db" "$T_TMP/c$n/tend.db" 2>/dev/null
	else
		# a slow reader, 16 pages at a time, as a sync tool over a network
		size=$(stat -c %s "$T_TMP/v/tend.db")
		for ((off = 0; off < size; off += 65536)); do
			dd if="$T_TMP/v/tend.db" of="$T_TMP/c$n/tend.db" bs=65536 skip=$((off / 65536)) \
				seek=$((off / 65536)) count=1 conv=notrunc status=none 2>/dev/null
		done
	fi
	sleep "0.0$((RANDOM % 10))"
done
wait "$writer"
whole=0 refused=0 mixed=0 unclear=0
for i in $(seq 1 $n); do
	d=$T_TMP/c$i
	err=$(tc "$d" verify 2>&1 >/dev/null); rc=$?
	if [ $rc -eq 0 ]; then
		# a whole state: the entries are 0..k with nothing missing
		titles=$(tc "$d" list 2>/dev/null | cut -f3 | awk '{print $2}' | sort -n | tr '\n' ' ')
		k=$(tc "$d" list 2>/dev/null | wc -l)
		want=$(seq 0 $((k - 1)) | tr '\n' ' ')
		if [ "$titles" = "$want" ]; then whole=$((whole + 1)); else mixed=$((mixed + 1)); fi
		[ -z "${first_whole:-}" ] && first_whole=$d
	elif [ $rc -eq 4 ]; then
		refused=$((refused + 1))
		[ -z "${shown:-}" ] && shown=1 && echo "# opening a refused copy says: $err"
		before=$(cd "$T_TMP/ref" && sha256sum tend.db)
		merr=$(tc "$T_TMP/ref" merge "$d/tend.db" 2>&1 >/dev/null); mrc=$?
		[ $mrc -eq 4 ] && [[ $merr =~ caught\ mid-write ]] &&
			[ "$before" = "$(cd "$T_TMP/ref" && sha256sum tend.db)" ] || unclear=$((unclear + 1))
	else
		unclear=$((unclear + 1))
		echo "copy $i: exit $rc: $err"
	fi
done
echo "# $n copies: $whole whole, $refused refused (exit 4), $mixed mixed, $unclear unclear"
t_ok "copies were taken while tend wrote" test "$n" -ge 10
t_eq "no copy opens as a mix" 0 "$mixed"
t_eq "every refused copy: exit 4, 'caught mid-write' from tend merge, nothing changed" 0 "$unclear"
t_ok "the vault written to verifies" tw verify
t_ok "whole copies merge into a copy made before" tc "$T_TMP/ref" merge "$first_whole/tend.db"
t_done
