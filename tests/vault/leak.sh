# The privacy proof: no plaintext of an entry or a tag ever reaches the disk
# or the process's public surface. A unique marker goes into titles, bodies
# and tags; then every file tend could have written (the vault folders,
# backups, HOME and a private TMPDIR, i.e. everything under $T_TMP except
# our own inputs in plain/) is searched for the marker as text (any case,
# since full-text search lowercases), as UTF-16LE and UTF-16BE, and as
# lowercase or uppercase hex text. It must not be found (a) after normal
# use, (b) after backup, rekey and restore, (c) in the crash image left by
# SIGKILL in the middle of adding a 5 MB entry full of the marker, and
# (d) after that aborted transaction was rolled back, and, in the
# full-screen app (driven headless by the screen driver), (e) after a draft
# is autosaved, (f) after an edit that keeps an earlier version, and (g)
# after deleting that entry. A running `tend add`
# must not show the marker in /proc/PID/cmdline or /proc/PID/environ.
# Canary checks plant the marker in each form and prove the scanner finds
# it, so a silent scanner cannot pass.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1

PLAIN=$T_TMP/plain # our inputs and outputs: the only folder not scanned
mkdir -p "$PLAIN" "$T_TMP/tmp" "$T_TMP/home" "$T_TMP/backups"
export TMPDIR=$T_TMP/tmp HOME=$T_TMP/home XDG_DATA_HOME=$T_TMP/home/data \
	XDG_CONFIG_HOME=$T_TMP/home/config XDG_CACHE_HOME=$T_TMP/home/cache
export TEND_HOME=$T_TMP/vault
PASS='leak test passphrase'

MARK="LEAK${RANDOM}X${RANDOM}Q"
MARKL=${MARK,,}
hexof() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n'; }
HEX_M=$(hexof "$MARK") HEX_L=$(hexof "$MARKL")
LE_M=$(sed 's/../&00/g' <<<"$HEX_M") LE_L=$(sed 's/../&00/g' <<<"$HEX_L")
BE_M=$(sed 's/../00&/g' <<<"$HEX_M") BE_L=$(sed 's/../00&/g' <<<"$HEX_L")

tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }

# scan_file FILE: prints the forms in which the marker occurs in FILE
# (nothing when it is clean).
scan_file() {
	local f=$1 n forms=
	n=$(LC_ALL=C grep -c -a -F -i -e "$MARK" -- "$f")
	[ "$n" -gt 0 ] && forms+=" text"
	n=$(LC_ALL=C grep -c -a -F -i -e "$HEX_M" -e "$HEX_L" -- "$f")
	[ "$n" -gt 0 ] && forms+=" hex"
	od -An -tx1 -v -w4096 -- "$f" | tr -d ' \n' >"$PLAIN/dump.hex"
	n=$(LC_ALL=C grep -c -F -e "$LE_M" -e "$LE_L" "$PLAIN/dump.hex")
	[ "$n" -gt 0 ] && forms+=" utf16le"
	n=$(LC_ALL=C grep -c -F -e "$BE_M" -e "$BE_L" "$PLAIN/dump.hex")
	[ "$n" -gt 0 ] && forms+=" utf16be"
	printf '%s' "${forms# }"
}
# scan_all: every file under $T_TMP but plain/; prints "FILE: forms" per hit.
# One grep for the text and hex-text forms and one pass over the hex dump
# for UTF-16 per file; scan_file names the forms only when something hit.
SCANNED_FILES=0 SCANNED_BYTES=0
scan_all() {
	local f size n16 ntext
	SCANNED_FILES=0 SCANNED_BYTES=0
	while IFS=' ' read -r -d '' size f; do
		SCANNED_FILES=$((SCANNED_FILES + 1)) SCANNED_BYTES=$((SCANNED_BYTES + size))
		ntext=$(LC_ALL=C grep -c -a -F -i -e "$MARK" -e "$HEX_M" -e "$HEX_L" -- "$f")
		n16=$(od -An -tx1 -v -w4096 -- "$f" | tr -d ' \n' |
			LC_ALL=C grep -c -F -e "$LE_M" -e "$LE_L" -e "$BE_M" -e "$BE_L")
		if [ "$ntext" -gt 0 ] || [ "$n16" -gt 0 ]; then
			printf '%s: %s\n' "${f#"$T_TMP"/}" "$(scan_file "$f")"
		fi
	done < <(find "$T_TMP" -path "$PLAIN" -prune -o -type f -printf '%s %p\0')
}
# no_leak NAME: the scan finds nothing (and did look at the vault).
no_leak() {
	local hits
	scan_all >"$PLAIN/hits"
	hits=$(cat "$PLAIN/hits")
	echo "# $1: scanned $SCANNED_FILES files, $SCANNED_BYTES bytes"
	t_eq "$1: marker found nowhere" "" "$hits"
	t_ok "$1: the scan covered the database" test "$(find "$T_TMP" -path "$PLAIN" -prune -o -name tend.db -type f -print | wc -l)" -ge 1
}

# ---- canaries: the scanner can fail ------------------------------------------
tp init >/dev/null 2>&1; t_eq "init exits 0" 0 $?
C=$TEND_HOME/canary
printf 'junk %s junk' "$MARK" >"$C"
t_eq "canary: plain marker found as text" "text" "$(scan_file "$C")"
printf 'x%sx' "$MARKL" >"$C"
t_eq "canary: lowercase marker found as text" "text" "$(scan_file "$C")"
printf '%s' "$MARK" | iconv -f UTF-8 -t UTF-16LE >"$C"
t_eq "canary: UTF-16LE marker found" "utf16le" "$(scan_file "$C")"
printf 'zz%s' "$MARKL" | iconv -f UTF-8 -t UTF-16BE >"$C"
t_eq "canary: UTF-16BE marker found (odd offset)" "utf16be" "$(scan_file "$C")"
printf 'abc%s\n' "$HEX_M" >"$C"
t_eq "canary: lowercase hex found" "hex" "$(scan_file "$C")"
printf '%s' "${HEX_M^^}" >"$C"
t_eq "canary: uppercase hex found" "hex" "$(scan_file "$C")"
printf '%s' "$MARK" >"$C"
t_match "canary: scan_all finds a plain file in the vault folder" "vault/canary: text" "$(scan_all)"
rm -f "$C"
printf '%s' "$MARK" >"$TMPDIR/canary"
t_match "canary: scan_all searches TMPDIR" "tmp/canary: text" "$(scan_all)"
rm -f "$TMPDIR/canary"
t_eq "canary: clean after removing the canaries" "" "$(scan_all)"

# ---- (a) normal use ------------------------------------------------------------
printf 'Title with %s in it\nThe body says %s twice: %s.\n' "$MARK" "$MARK" "$MARKL" |
	tp add --tag "$MARK" --tag "tag-${MARKL}-x" >"$PLAIN/out" 2>&1
t_eq "add with marker title, body and tags" "Saved entry 1." "$(cat "$PLAIN/out")"
for i in $(seq 2 12); do
	{ printf 'Entry %d\n' "$i"; for _ in $(seq 40); do printf 'words %s more words %d\n' "$MARK" "$i"; done; } |
		tp add --tag "t$i$MARK" >/dev/null
done
printf 'Plain title\nno marker here\n' | tp add --tag plain >/dev/null
tp list >"$PLAIN/list" 2>&1
t_match "list shows the marker (it is really in the vault)" "$MARK" "$(cat "$PLAIN/list")"
tp show 1 >"$PLAIN/show" 2>&1
t_match "show returns the marker body" "The body says $MARK" "$(cat "$PLAIN/show")"
t_match "show returns the marker tag" "tags: .*$MARK" "$(cat "$PLAIN/show")"
tp verify >/dev/null 2>&1; t_eq "verify after normal use" 0 $?
"$TEND_BIN" --passphrase-fd 3 passwd 3< <(printf '%s\n%s\n' "$PASS" "$PASS") >/dev/null 2>&1
t_eq "passwd exits 0" 0 $?

# ---- the running process -----------------------------------------------------
fifo=$PLAIN/in.fifo
mkfifo "$fifo"
# proc_check NAME TAGS...: a `tend add` blocked on stdin; its cmdline and
# environ must not hold the marker (its body, on stdin, always does).
proc_check() {
	local name=$1 pid exe ok=no cmdline environ
	shift
	"$TEND_BIN" --passphrase-fd 3 add "$@" 3<<<"$PASS" <"$fifo" >"$PLAIN/proc.out" 2>&1 &
	pid=$!
	exec 8>"$fifo"
	printf 'Running title %s\nbody %s\n' "$MARK" "$MARK" >&8
	for _ in $(seq 100); do
		exe=$(readlink "/proc/$pid/exe" 2>/dev/null)
		if [ "$exe" = "$(readlink -f "$TEND_BIN")" ]; then ok=yes; break; fi
		sleep 0.02
	done
	sleep 0.1 # let it read what was written
	t_eq "$name: tend add is running" yes "$ok"
	cmdline=$(tr '\0' '\n' <"/proc/$pid/cmdline")
	environ=$(tr '\0' '\n' <"/proc/$pid/environ")
	t_match "$name: cmdline was read" $'(^|\n)add(\n|$)' "$cmdline"
	t_match "$name: environ was read" 'TEND_HOME=' "$environ"
	t_eq "$name: marker not in /proc/PID/cmdline" 0 "$(printf '%s' "$cmdline" | LC_ALL=C grep -c -a -F -i -e "$MARK")"
	t_eq "$name: marker not in /proc/PID/environ" 0 "$(printf '%s' "$environ" | LC_ALL=C grep -c -a -F -i -e "$MARK")"
	exec 8>&-
	wait "$pid"
	t_eq "$name: the add then saves (exit 0)" 0 $?
}
# The /proc check can fail: a process with the marker in argv and environ.
MARKER_ENV=$MARK sh -c 'sleep 30' sh "$MARK" &
canary=$!
sleep 0.1
t_eq "canary: marker found in a process's cmdline" 1 "$(tr '\0' '\n' <"/proc/$canary/cmdline" | LC_ALL=C grep -c -a -F -e "$MARK")"
t_eq "canary: marker found in a process's environ" 1 "$(tr '\0' '\n' <"/proc/$canary/environ" | LC_ALL=C grep -c -a -F -e "$MARK")"
kill "$canary"; wait "$canary" 2>/dev/null
proc_check "running add (entry on stdin)" --tag calm
# Tags are command-line arguments, so a tag holding the marker is visible
# to every local user in /proc/PID/cmdline (and ps) while tend runs.
proc_check "running add with a marker tag" --tag "$MARK"
no_leak "(a) after the running adds"

# ---- (b) backup, rekey, restore ------------------------------------------------
tp backup "$T_TMP/backups/one.tend" >/dev/null 2>&1; t_eq "backup exits 0" 0 $?
no_leak "(b) after backup"
tp rekey >"$PLAIN/rekey.out" 2>&1; t_eq "rekey exits 0" 0 $?
no_leak "(b) after rekey"
tp backup "$T_TMP/backups/two.tend" >/dev/null 2>&1
TEND_HOME=$T_TMP/vault2 tp restore "$T_TMP/backups/one.tend" >/dev/null 2>&1
t_eq "restore into a new folder exits 0" 0 $?
t_match "the restored vault holds the marker entries" "$MARK" "$(TEND_HOME=$T_TMP/vault2 tp list)"
tp restore "$T_TMP/backups/two.tend" >/dev/null 2>&1; t_eq "restore into the vault exits 0" 0 $?
no_leak "(b) after second backup and restores"

# ---- (c) SIGKILL in the middle of adding 5 MB; (d) its rollback --------------------
big=$PLAIN/big.txt
{
	printf 'Big entry %s\n' "$MARK"
	yes "$MARK feeling $MARKL calmer today $MARK breathing slowly ${MARK}END" | head -c 5300000
} >"$big"
t_ok "the big entry is at least 5 MB" test "$(stat -c %s "$big")" -ge 5000000
# Time one whole add, then kill others between 40% and 95% of that time,
# when the entry is being written (the first part is reading and checking
# the input). Stop after three kills, at least one with a hot journal.
t0=$EPOCHREALTIME
tp add --tag "$MARK" <"$big" >"$PLAIN/full.out" 2>&1
t1=$EPOCHREALTIME
t_eq "a whole big add succeeds" "Saved entry" "$(grep -o 'Saved entry' "$PLAIN/full.out")"
full_ms=$(( (${t1/./} - ${t0/./}) / 1000 ))
echo "# one whole 5 MB add took ${full_ms} ms"
killed=0 hot=0 finished=0
n_before=$(tp list 2>/dev/null | grep -c .)
for _ in $(seq 12); do
	delay=$(( full_ms * 40 / 100 + RANDOM % (full_ms * 55 / 100 + 1) ))
	"$TEND_BIN" --passphrase-fd 3 add --tag "$MARK" 3<<<"$PASS" <"$big" >"$PLAIN/kill.out" 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null; rc=$?
	if [ "$rc" -eq 137 ] && ! grep -q 'Saved entry' "$PLAIN/kill.out"; then
		killed=$((killed + 1))
		j=no
		[ -s "$TEND_HOME/tend.db-journal" ] && hot=$((hot + 1)) j=yes
		no_leak "(c) crash image after SIGKILL at ${delay} ms (hot journal: $j)"
		tp list >"$PLAIN/list" 2>"$PLAIN/list.err"; rc=$?
		t_eq "(d) the vault opens after the kill at ${delay} ms" 0 "$rc"
		no_leak "(d) after the rollback of the kill at ${delay} ms"
	else
		finished=$((finished + 1))
	fi
	[ "$killed" -ge 3 ] && [ "$hot" -ge 1 ] && break
done
echo "# big adds: $killed killed before finishing ($hot with a hot journal), $finished finished first"
t_ok "a big add was killed with its transaction open (hot journal)" test "$hot" -ge 1
tp verify >/dev/null 2>&1; t_eq "verify after the kills" 0 $?
# A killed add may have committed just before the kill (before it could
# print "Saved"), so: every finished add is there, and nothing else but
# the killed ones can be.
n_after=$(tp list 2>/dev/null | grep -c .)
t_ok "entries after the kills: $n_before before + $finished finished <= $n_after <= + $killed killed" \
	test "$n_after" -ge $((n_before + finished)) -a "$n_after" -le $((n_before + finished + killed))
no_leak "final scan"

# ---- (e)-(g) the full-screen app: a draft, an edit, a delete -----------------------
# The screen driver's scripts type the marker, and its dumps show it, so
# both stay in plain/ (not scanned). Everything tend writes goes where the
# scans look: the vault folder, HOME and TMPDIR.
# tui NAME: runs the screen driver on plain/NAME.script; dumps in plain/NAME.out.
tui() {
	"$SCREEN_BIN" "$PLAIN/$1.script" >"$PLAIN/$1.out" 2>"$PLAIN/$1.err"
	t_eq "$1: the screen run ends with status 0" 0 $?
}
if [ -x "${SCREEN_BIN:-}" ]; then
	# The home menu, read off the screen, so the scripts open "Write" and
	# "Journal" by title (each item is a title line after a blank line).
	printf 'size 60x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$PLAIN/home.script"
	tui home
	item_index() {
		t_section "$PLAIN/home.out" home |
			awk -v t="    $1" 'prev == "" && /^    [^ ]/ { i++; if ($0 == t) { print i - 1; exit } } { prev = $0 }'
	}
	n_write=$(item_index Write) n_journal=$(item_index Journal)
	t_match "the home menu has a Write item" '^[0-9]+$' "$n_write"
	t_match "the home menu has a Journal item" '^[0-9]+$' "$n_journal"
	# downs N: the keys that open the Nth item (from 0).
	downs() { for ((i = 0; i < ${1:-0}; i++)); do echo "key Down"; done; echo "key Enter"; }
	to_write=$(downs "$n_write") to_journal=$(downs "$n_journal")
	# (e) a draft: typed, kept by the autosave two quiet seconds later, Esc.
	cat >"$PLAIN/draft.script" <<SCRIPT
type $PASS
key Enter
key w
type Draft $MARK title
key Tab
type The draft says $MARK and $MARKL in its text
wait 3
dump autosaved
key Esc
SCRIPT
	tui draft
	t_match "(e) the draft was autosaved (\"Draft kept\")" 'Draft kept' \
		"$(t_section "$PLAIN/draft.out" autosaved | head -n 1)"
	no_leak "(e) after a draft autosaved in the full-screen app"
	# The draft is really in the vault: a fresh start offers it back.
	cat >"$PLAIN/draft2.script" <<SCRIPT
type $PASS
key Enter
dump home
$to_write
dump the draft
SCRIPT
	tui draft2
	t_match "(e) a fresh start offers the draft" 'Continue your draft' "$(t_section "$PLAIN/draft2.out" home)"
	t_match "(e) the draft holds the marker" "The draft says $MARK and $MARKL" \
		"$(t_section "$PLAIN/draft2.out" "the draft")"

	# (f) an entry added from the command line (dated after every other, so
	# it is first in the list), edited in the app and saved: its first text
	# becomes an earlier version.
	printf 'Edit %s title\nThe first text of %s.\n' "$MARK" "$MARK" |
		TEND_NOW=4102444800 tp add --tag "$MARKL" >"$PLAIN/out" 2>&1
	EDIT_ID=$(grep -oE '[0-9]+' "$PLAIN/out")
	t_match "(f) an entry to edit" '^[0-9]+$' "$EDIT_ID"
	cat >"$PLAIN/edit.script" <<SCRIPT
type $PASS
key Enter
$to_journal
key Enter
dump the newest entry
key e
type The second text of $MARK.
key Ctrl-S
dump saved
key Esc
key v
dump its earlier versions
key Enter
dump the earlier version
SCRIPT
	tui edit
	t_match "(f) the entry opened is the new one" "Edit $MARK title" \
		"$(t_section "$PLAIN/edit.out" "the newest entry" | head -n 1)"
	t_match "(f) Ctrl-S saved it" 'Saved [0-9]{2}:[0-9]{2}$' "$(t_section "$PLAIN/edit.out" saved | head -n 1)"
	t_eq "(f) one earlier version" 1 \
		"$(t_section "$PLAIN/edit.out" "its earlier versions" | grep -c "Edit $MARK title")"
	t_match "(f) the earlier version has the first text" "The first text of $MARK" \
		"$(t_section "$PLAIN/edit.out" "the earlier version")"
	t_match "(f) the entry has the new text" "The second text of $MARK" "$(tp show "$EDIT_ID" 2>&1)"
	no_leak "(f) after an edit that keeps an earlier version"

	# (g) that entry deleted in the app (Right + Enter confirms); the run
	# then ends, which drops the copy kept in memory for undo.
	cat >"$PLAIN/delete.script" <<SCRIPT
type $PASS
key Enter
$to_journal
key Enter
dump the entry
key d
key Right
key Enter
dump the list after the delete
SCRIPT
	tui delete
	t_match "(g) the entry deleted is the edited one" "Edit $MARK title" \
		"$(t_section "$PLAIN/delete.out" "the entry" | head -n 1)"
	t_nomatch "(g) the list no longer shows it" "Edit $MARK title" \
		"$(t_section "$PLAIN/delete.out" "the list after the delete")"
	tp show "$EDIT_ID" >/dev/null 2>&1
	t_eq "(g) tend show no longer finds it (exit 1)" 1 $?
	tp verify >/dev/null 2>&1; t_eq "(g) verify after the delete" 0 $?
	no_leak "(g) after deleting the entry"
else
	t_fail "the screen driver (SCREEN_BIN, which make check sets) for (e)-(g)"
fi

t_done
