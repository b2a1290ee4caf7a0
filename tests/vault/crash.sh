# The crash loop: ROUNDS (CRASH_ROUNDS, default 200) times, `tend add` of a
# 50-500 KB random entry is SIGKILLed after a random 0-40 ms (longer if a
# whole add takes longer, as in a sanitizer build). After every
# round the vault must open (`tend list` exits 0) and every entry whose add
# had reported "Saved entry N." must still be listed under its title; every
# 20 rounds and at the end `tend verify` must pass. At the end every entry
# that is listed must be whole (its body exactly what was sent), including
# any whose add was killed after its commit: an entry is all there or not
# there at all. Proves that a crash at any point of a write loses at most
# that write, and never damages what was saved before.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1
export TEND_HOME=$T_TMP/vault
PASS='crash loop passphrase'
ROUNDS=${CRASH_ROUNDS:-200}
MIN_KB=50 MAX_KB=500
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }

tp init >/dev/null 2>&1; t_eq "init exits 0" 0 $?

# Bodies are random slices of one pool of random text, so they cost nothing
# to make and the search index does not balloon; each also starts with a
# line unique to its round.
POOL=$T_TMP/pool.txt
head -c $((MAX_KB * 1024 * 3 / 4 + 4096)) /dev/urandom | base64 -w 76 >"$POOL"
POOL_SIZE=$(stat -c %s "$POOL")
SAVED=$T_TMP/saved   # "id<TAB>title" of every add that reported success
SUMS=$T_TMP/sums     # "title<TAB>sha256 of the body" of every round
: >"$SAVED"
: >"$SUMS"

# make_entry ROUND: writes $T_TMP/entry (title line, then body) for a
# round and records the body's checksum; sets $title.
make_entry() {
	local size off body=$T_TMP/body
	size=$(( (MIN_KB + RANDOM % (MAX_KB - MIN_KB + 1)) * 1024 ))
	off=$(( RANDOM * 32768 % (POOL_SIZE - size) ))
	title="Round $1 $RANDOM"
	{ echo "round $1 of $ROUNDS, $size bytes"; tail -c +$((off + 1)) "$POOL" | head -c "$size"; echo; } >"$body"
	printf '%s\t%s\n' "$title" "$(sha256sum <"$body" | cut -d' ' -f1)" >>"$SUMS"
	{ printf '%s\n' "$title"; cat "$body"; } >"$T_TMP/entry"
}

# The kill comes 0-40 ms after the start, or within 1.5 times what one
# whole add takes when that is longer (a slow machine, a sanitizer build),
# so kills still land before, during and after the commit, and some adds
# finish. CRASH_KILL_MS sets it outright.
times=()
for r in 1 2 3; do
	make_entry "calibration$r"
	t0=$EPOCHREALTIME
	out=$(tp add --tag crash <"$T_TMP/entry" 2>/dev/null)
	t1=$EPOCHREALTIME
	times+=($(( (${t1/./} - ${t0/./}) / 1000 )))
	if [[ $out =~ ^Saved\ entry\ ([0-9]+)\.$ ]]; then
		printf '%s\t%s\n' "${BASH_REMATCH[1]}" "$title" >>"$SAVED"
	fi
done
t_eq "three calibration adds saved" 3 "$(grep -c . "$SAVED")"
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
KILL_MS=${CRASH_KILL_MS:-$(( median * 3 / 2 > 40 ? median * 3 / 2 : 40 ))}
echo "# one whole add takes ~${median} ms (${times[*]}); kills come 0-${KILL_MS} ms after the start"

finished=0 killed_hot=0 killed_early=0 bad_exit=0 open_fail=0 missing=0 verify_fail=0
start=$EPOCHREALTIME
for round in $(seq "$ROUNDS"); do
	make_entry "$round"
	"$TEND_BIN" --passphrase-fd 3 add --tag crash 3<<<"$PASS" <"$T_TMP/entry" >"$T_TMP/add.out" 2>"$T_TMP/add.err" &
	pid=$!
	delay=$(( RANDOM * 32768 % (KILL_MS + 1) ))
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null; rc=$?
	out=$(cat "$T_TMP/add.out")
	if [[ $out =~ ^Saved\ entry\ ([0-9]+)\.$ ]]; then
		finished=$((finished + 1))
		printf '%s\t%s\n' "${BASH_REMATCH[1]}" "$title" >>"$SAVED"
	elif [ "$rc" -eq 137 ]; then
		j=$TEND_HOME/tend.db-journal
		if [ -s "$j" ] && [ "$(od -An -tu1 -N1 "$j" | tr -d ' ')" != 0 ]; then
			killed_hot=$((killed_hot + 1))
		else
			killed_early=$((killed_early + 1))
		fi
	else
		bad_exit=$((bad_exit + 1))
		echo "# round $round: add exited $rc: $out $(cat "$T_TMP/add.err")"
	fi

	if ! tp list >"$T_TMP/list" 2>"$T_TMP/list.err"; then
		open_fail=$((open_fail + 1))
		echo "# round $round: the vault did not open: $(cat "$T_TMP/list.err")"
		continue
	fi
	lost=$(LC_ALL=C comm -23 <(LC_ALL=C sort "$SAVED") <(cut -f1,3 "$T_TMP/list" | LC_ALL=C sort))
	if [ -n "$lost" ]; then
		missing=$((missing + 1))
		echo "# round $round: saved entries missing: $lost"
	fi
	if [ $((round % 20)) -eq 0 ]; then
		if ! tp verify >/dev/null 2>"$T_TMP/verify.err"; then
			verify_fail=$((verify_fail + 1))
			echo "# round $round: verify failed: $(cat "$T_TMP/verify.err")"
		fi
	fi
done
end=$EPOCHREALTIME
echo "# $ROUNDS rounds in $(( (${end/./} - ${start/./}) / 1000000 )) s:" \
	"$finished finished, $killed_hot killed mid-write (during the commit: hot journal)," \
	"$killed_early killed before the commit began (no hot journal)"

t_eq "every add either finished or was killed" 0 "$bad_exit"
t_eq "the vault opened after every round" 0 "$open_fail"
t_eq "no saved entry ever went missing" 0 "$missing"
t_eq "verify passed every 20 rounds" 0 "$verify_fail"
t_ok "some adds finished ($finished)" test "$finished" -gt 0
t_ok "some adds were killed mid-write ($killed_hot)" test "$killed_hot" -gt 0
tp verify >/dev/null 2>&1; t_eq "verify passes at the end" 0 $?

# Every listed entry is whole: its body is exactly what its round sent.
tp list >"$T_TMP/list"
t_eq "every saved entry is listed at the end" "" \
	"$(LC_ALL=C comm -23 <(LC_ALL=C sort "$SAVED") <(cut -f1,3 "$T_TMP/list" | LC_ALL=C sort))"
extra=$(( $(grep -c . "$T_TMP/list") - $(grep -c . "$SAVED") ))
echo "# $(grep -c . "$T_TMP/list") entries listed; $extra of them from adds killed after their commit"
# Checked in full: every entry whose add was killed (it committed but never
# said so) and a random dozen of the saved ones.
cut -f1 "$SAVED" | LC_ALL=C sort >"$T_TMP/saved-ids"
{
	LC_ALL=C join -v1 -t$'\t' <(LC_ALL=C sort -t$'\t' -k1,1 "$T_TMP/list") "$T_TMP/saved-ids"
	shuf -n 12 "$T_TMP/list"
} >"$T_TMP/check"
torn=0 unknown=0 checked=0
while IFS=$'\t' read -r id _ title _; do
	want=$(grep -F "$title"$'\t' "$SUMS" | cut -f2)
	if [ -z "$want" ]; then
		unknown=$((unknown + 1))
		continue
	fi
	checked=$((checked + 1))
	got=$(tp show "$id" | tail -n +4 | sha256sum | cut -d' ' -f1)
	[ "$got" = "$want" ] || { torn=$((torn + 1)); echo "# entry $id ($title) is not whole"; }
done <"$T_TMP/check"
echo "# checked $checked entries byte for byte"
t_eq "no listed entry has an unknown title" 0 "$unknown"
t_ok "entries were checked byte for byte ($checked)" test "$checked" -ge 3
t_eq "every checked entry is whole" 0 "$torn"

t_done
