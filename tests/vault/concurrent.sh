# Several tends at once on one vault, as a person with the screen open and
# a script or cron job has them: three writers add entries side by side,
# a reader lists all the while, and check-ins come in between. Every add
# must save (exit 0), nothing may be reported damaged or "rolled back",
# every entry must be there at the end, whole, and `tend verify` must pass.
# (SQLite peeks at page 1 with no lock held while another tend may be part
# way through a change; a page 1 read that way once stood for the page set
# in memory, and a reader then called the vault damaged.)
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1
export TEND_HOME=$T_TMP/vault
PASS='side by side'
N=${CONCURRENT_ADDS:-30}
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tp init >/dev/null 2>&1; t_eq "init exits 0" 0 $?

writer() {
	local w=$1 i
	for ((i = 1; i <= N; i++)); do
		printf 'Writer %s, entry %s\nthe body of %s %s\n' "$w" "$i" "$w" "$i" |
			tp add >/dev/null 2>>"$T_TMP/err.$w" || echo "$w $i" >>"$T_TMP/failed"
	done
}
reader() {
	while [ ! -e "$T_TMP/stop" ]; do
		tp list >/dev/null 2>>"$T_TMP/err.reader" || echo "list" >>"$T_TMP/failed"
	done
}
moods() {
	local i
	for ((i = 0; i < N / 3; i++)); do
		tp mood $((i % 11)) >/dev/null 2>>"$T_TMP/err.moods" || echo "mood $i" >>"$T_TMP/failed"
	done
}
reader &
rpid=$!
writer a & writer b & writer c & moods &
wait %2 %3 %4 %5
touch "$T_TMP/stop"
wait "$rpid"

t_eq "every add, list and check-in succeeded" "" "$(cat "$T_TMP/failed" 2>/dev/null)"
t_eq "nothing said damaged, busy or rolled back" "" "$(cat "$T_TMP"/err.* 2>/dev/null | sort -u)"
list=$(tp list)
t_eq "every entry is listed" $((3 * N)) "$(grep -c 'Writer [abc], entry' <<<"$list")"
missing=
for w in a b c; do
	for ((i = 1; i <= N; i++)); do
		grep -q "	Writer $w, entry $i	" <<<"$list" || missing+=" $w$i"
	done
done
t_eq "none is missing" "" "$missing"
t_eq "every check-in is there" $((N / 3)) "$(tp export 2>/dev/null | grep -c '"score"')"
t_ok "tend verify passes" tp verify >/dev/null
t_done
