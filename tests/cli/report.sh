# tend report, keygen and open-report: a report holds what was asked and
# nothing else; an unsealed one lands only where -o said; a sealed one
# opens only with the right key file and passphrase, and says which of
# the two (or damage) stood in the way.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC TEND_NOW=1795420800
PASS='report pass'
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
echo 'marker-title-one
marker-body-one a long walk' | pw add --tag calm >/dev/null
echo 'marker-title-two
marker-body-two stays private' | pw add >/dev/null
pw mood 4 >/dev/null
pw mood 7 >/dev/null
printf '1\nmarker-what a door slammed\nkitchen\n8\n1\n4\n6\n' | pw trigger >/dev/null 2>&1
printf '3\nsiren outside\nstreet\n6\nmarker-did my own words\n5\n2\n' | pw trigger >/dev/null 2>&1
R="--from 2026-11-20 --to 2026-11-26"
OUT=$T_TMP/out
mkdir -p "$OUT"
cd "$OUT" || exit 1

# A preview says what would go in, and writes nothing.
out=$(pw report $R --entry 1 --dry-run 2>&1)
t_match "the preview gives the dates" "From 2026-11-20 to 2026-11-26 \(7 days\)" "$out"
t_match "and the counts" "Mood over time: 2 check-ins.*Distress before and after: 2 trigger logs in 2 kinds" "$out"
t_match "and the figures, each scale with its direction" \
	"average 5.5 \\(few\\) \\(lowest 4, highest 7; 0 = hardest, 10 = best\\).*distress 7.0 before, 4.5 after, over 2 logs with both \\(few\\) \\(10 = most\\)" "$out"
t_match "and each chosen entry by title" "1  2026-11-23 08:00  marker-title-one" "$out"
t_nomatch "but not its text" "marker-body-one" "$out"
t_match "it says it wrote nothing" "Nothing was written" "$out"
t_eq "and it did not" "" "$(ls -A "$OUT")"

# Unsealed, to -o: warned about, 0600, holding only what was asked.
err=$(pw report $R --entry 1 -o "$OUT/r.md" 2>&1 >/dev/null)
t_match "an unsealed report warns that it is not encrypted" "NOT encrypted" "$err"
t_eq "the report is the person's alone" 600 "$(stat -c %a "$OUT/r.md")"
md=$(cat "$OUT/r.md")
t_match "it has its heading" "^# tend report, 2026-11-20 to 2026-11-26" "$md"
t_match "and says it is self-help records" "self-help records.*not a diagnosis" "$md"
t_match "the named entry is in it" "marker-body-one a long walk" "$md"
t_nomatch "the other entry is not" "marker-title-two|marker-body-two" "$md"
t_nomatch "nor what happened in a trigger, nor own words" "marker-what|marker-did" "$md"
t_match "own words are counted, unnamed" "in their own words \(not included\) \| 1 \| 1 \| 1.0" "$md"
t_match "a toolbox item is named" "\| Slow breathing \| 1 \| 1 \| 4.0 \(few\) \|" "$md"
t_match "trigger kinds with distress, paired, n shown, few marked" \
	"\| people \| 1 \| 1 \| 8.0 \(few\) \| 4.0 \(few\) \|" "$md"
t_nomatch "a path with no module begun is left out" "## The healing path" "$md"
t_match "and the summary says so, with the day it was made" \
	"## Summary.*- Made on 2026-11-23\..*Left out, as nothing was noted for them: The healing path" "$(tr '\n' ' ' <<<"$md")"
# The marker is only where -o said: not in the vault folder, nowhere else here.
t_eq "the journal text is only in the -o file" "$OUT/r.md" \
	"$(grep -rl marker-body-one "$T_TMP" 2>/dev/null)"
out=$(pw report $R --include mood,coping 2>/dev/null)
t_match "standard output when it is not a terminal; sections as asked" "## Mood over time" "$out"
t_nomatch "sections left out stay out" "## Triggers|## The healing path|marker" "$out"
# "-o -" is standard output, as for export and open-report: not a file
# named "-" (it was one, holding the report in the clear).
out=$(pw report $R --include mood -o - 2>/dev/null)
t_match "-o - is standard output" "## Mood over time" "$out"
t_ok "and leaves no file named -" test ! -e "$OUT/-"
html=$(pw report $R --format html 2>/dev/null)
t_match "HTML carries its charts" '<svg class="chart mood-chart".*<svg class="chart trigger-chart"' "$html"
t_nomatch "and no script" "<script" "$html"
rm -f "$OUT/r.md"

# Bad words: exit 2, nothing written, the vault not even opened.
t_exit "a date that is not one" 2 pw report --from 2026-02-30 --to 2026-03-01 -o x
t_exit "a date in another shape" 2 pw report --from 20261120 --to 2026-11-26 -o x
t_exit "from after to" 2 pw report --from 2026-11-27 --to 2026-11-26 -o x
t_exit "no dates" 2 pw report -o x
err=$(pw report $R --include mood,feelings -o x 2>&1)
t_eq "an unknown section exits 2" 2 $?
t_match "and is named" "'feelings' is not a section" "$err"
t_exit "entries without --entry" 2 pw report $R --include entries -o x
t_exit "--entry with entries left out" 2 pw report $R --include mood --entry 1 -o x
t_exit "an unknown format" 2 pw report $R --format pdf -o x
t_exit "a public key with a typo" 2 pw report $R --seal-to tendpk1:AAAA -o x
t_exit "a missing entry is an error" 1 pw report $R --entry 99 -o x
t_eq "none of these wrote anything" "" "$(ls -A "$OUT")"

# Sealing: the therapist makes a key; the client seals; the therapist opens.
TP='therapist words'
tk() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$TP"; }
mkdir -p "$T_TMP/therapist"
pk=$(tk keygen -o "$T_TMP/therapist" 2>"$T_TMP/keygen.err")
t_match "keygen prints one short public key line" '^tendpk1:[A-Za-z0-9_-]{48}$' "$pk"
KEY=$T_TMP/therapist/tend-therapist.key
t_eq "the key file is the therapist's alone" 600 "$(stat -c %a "$KEY")"
t_nomatch "the key file does not hold the passphrase" "$TP" "$(strings "$KEY")"
t_exit "keygen never replaces a key file" 1 tk keygen -o "$KEY"
t_exit "keygen -o - is refused: the secret key goes to a file" 2 tk keygen -o -
t_ok "... and no file named - is made" test ! -e "$PWD/-"
err=$(pw report $R --entry 1 --seal-to "$pk" -o "$OUT/r.sealed" 2>&1 >/dev/null)
t_match "sealing says so" "sealed, to .*r.sealed" "$err"
t_nomatch "and does not warn it is unencrypted" "NOT encrypted" "$err"
t_ok "the sealed file has tend's sealed header" grep -q '^TENDSEAL' "$OUT/r.sealed"
t_eq "no journal text anywhere but in sealed form" "" \
	"$(grep -rl -e marker-body-one -e marker-title "$T_TMP" 2>/dev/null)"
plain=$(pw report $R --entry 1 2>/dev/null | wc -c)
t_eq "sealing adds 164 bytes (20 of header, 48 of box, 96 of sender key and signature)" \
	$((plain + 164)) "$(stat -c %s "$OUT/r.sealed")"
opened=$(tk open-report "$OUT/r.sealed" -k "$KEY" -o - 2>/dev/null)
t_match "the therapist opens it" "marker-body-one a long walk" "$opened"
t_eq "and reads what the client would have" "$(pw report $R --entry 1 2>/dev/null)" "$opened"
tk open-report "$OUT/r.sealed" -k "$KEY" -o "$T_TMP/therapist/r.md" 2>/dev/null
t_eq "open-report -o writes a private file" 600 "$(stat -c %a "$T_TMP/therapist/r.md")"

err=$("$TEND_BIN" --passphrase-fd 3 open-report "$OUT/r.sealed" -k "$KEY" 3<<<'not it' 2>&1)
t_eq "a wrong passphrase exits 3" 3 $?
t_match "and says so" "Wrong passphrase for this key file" "$err"
mkdir -p "$T_TMP/other"
tk keygen -o "$T_TMP/other" >/dev/null 2>&1
err=$(tk open-report "$OUT/r.sealed" -k "$T_TMP/other/tend-therapist.key" 2>&1)
t_eq "another therapist's key exits 1" 1 $?
t_match "and says the report was sealed for a different key" "sealed for a different key" "$err"
cp "$OUT/r.sealed" "$T_TMP/bad.sealed"
# Flip the byte (setting it to a fixed value left it as it was once in 256 runs).
b=$(od -An -tu1 -j200 -N1 "$T_TMP/bad.sealed" | tr -d ' ')
printf "\\$(printf '%03o' $((b ^ 255)))" | dd of="$T_TMP/bad.sealed" bs=1 seek=200 conv=notrunc 2>/dev/null
t_ok "the byte really changed" test -n "$(cmp "$OUT/r.sealed" "$T_TMP/bad.sealed" 2>&1)"
err=$(tk open-report "$T_TMP/bad.sealed" -k "$KEY" 2>&1)
t_eq "a changed byte exits 4" 4 $?
t_match "and says it was damaged or changed" "damaged or changed" "$err"
t_nomatch "and shows nothing of it" "marker" "$err"
head -c 30 "$OUT/r.sealed" >"$T_TMP/cut.sealed"
err=$(tk open-report "$T_TMP/cut.sealed" -k "$KEY" 2>&1)
t_eq "a cut file exits 4" 4 $?
t_match "and is named as not a sealed report" "not a sealed tend report" "$err"
err=$(tk open-report "$OUT/r.sealed" -k "$T_TMP/none.key" 2>&1)
t_eq "a missing key file exits 1" 1 $?
t_match "and says to give -k" "\-k KEYFILE" "$err"
t_exit "open-report takes one file" 2 tk open-report

# keygen --show gives the public key again, without the passphrase.
t_eq "keygen --show prints the same public key" "$pk" "$("$TEND_BIN" keygen --show -k "$KEY" 2>/dev/null)"
t_eq "keygen --show takes the key's folder too" "$pk" \
	"$("$TEND_BIN" keygen --show -k "$T_TMP/therapist" 2>/dev/null)"
t_exit "keygen --show of no key file exits 1" 1 "$TEND_BIN" keygen --show -k "$T_TMP/none.key"

# open-report writes beside the sealed file (r.sealed: r.md), never onto
# the terminal, and replaces nothing without -f.
T2=$T_TMP/t2
mkdir -p "$T2"
cp "$OUT/r.sealed" "$T2/r.sealed"
err=$(tk open-report "$T2/r.sealed" -k "$KEY" 2>&1 >"$T_TMP/o2.out")
t_eq "open-report exits 0" 0 $?
t_eq "and writes nothing to standard output" "" "$(cat "$T_TMP/o2.out")"
t_eq "but beside the sealed file, privately" 600 "$(stat -c %a "$T2/r.md")"
t_eq "the very report" "$opened" "$(cat "$T2/r.md")"
echo "the therapist's own notes" >"$T2/r.md"
err=$(tk open-report "$T2/r.sealed" -k "$KEY" 2>&1 </dev/null)
t_eq "an existing file: exit 1" 1 $?
t_match "and says how to go on" "exists already.*-f" "$err"
t_eq "and it is left as it was" "the therapist's own notes" "$(cat "$T2/r.md")"
echo "notes" >"$T2/mine.md"
t_exit "-o onto an existing file: refused too" 1 tk open-report "$T2/r.sealed" -k "$KEY" -o "$T2/mine.md"
t_eq "... before the passphrase, leaving it" "notes" "$(cat "$T2/mine.md")"
t_exit "-f replaces it" 0 tk open-report "$T2/r.sealed" -k "$KEY" -f
t_eq "... with the report" "$opened" "$(cat "$T2/r.md")"
if command -v script >/dev/null; then
	printf '%s\n' "$TP" >"$T_TMP/tp"
	timeout 60 script -qec "'$TEND_BIN' --passphrase-fd 3 open-report '$T2/r.sealed' -k '$KEY' -o - 3<'$T_TMP/tp'" \
		/dev/null >"$T_TMP/tty.out" 2>&1 </dev/null
	t_nomatch "-o - on a terminal shows no report" "marker-body-one" "$(cat "$T_TMP/tty.out")"
	t_match "... and says where it can go" "not shown on the terminal" "$(cat "$T_TMP/tty.out")"
	cp "$T2/r.sealed" "$T2/tty.sealed"
	timeout 60 script -qec "'$TEND_BIN' --passphrase-fd 3 open-report '$T2/tty.sealed' -k '$KEY' 3<'$T_TMP/tp'" \
		/dev/null >"$T_TMP/tty.out" 2>&1 </dev/null
	t_nomatch "open-report on a terminal does not print the report there" "marker-body-one" \
		"$(cat "$T_TMP/tty.out")"
	t_eq "... but writes it beside the sealed file" "$opened" "$(cat "$T2/tty.md" 2>&1)"
fi

# Sender authenticity: a report is signed by the client's vault; the
# therapist sees its fingerprint and whether the key is one seen before.
fpr=$(pw report --fingerprint 2>/dev/null)
t_match "the client sees their fingerprint" '^[0-9a-f]{4}( [0-9a-f]{4}){4}$' "$fpr"
t_eq "and it stays the same" "$fpr" "$(pw report --fingerprint 2>/dev/null)"
KEY3=$T_TMP/t3/tend-therapist.key
mkdir -p "$T_TMP/t3"
pk3=$(tk keygen -o "$KEY3" 2>/dev/null)
pw report $R --seal-to "$pk3" -o "$T_TMP/t3/a.sealed" 2>/dev/null
err=$(tk open-report "$T_TMP/t3/a.sealed" -k "$KEY3" --client AB 2>&1)
t_eq "a signed report opens with exit 0" 0 $?
t_match "showing the sender's fingerprint" "sender's fingerprint: $fpr" "$err"
t_match "the first time, as a first report" "first report from this client" "$err"
t_ok "the known senders sit beside the key, privately" test "$(stat -c %a "$KEY3.senders")" = 600
t_nomatch "holding no report text" "marker" "$(cat "$KEY3.senders")"
pw report $R --seal-to "$pk3" -o "$T_TMP/t3/b.sealed" 2>/dev/null
err=$(tk open-report "$T_TMP/t3/b.sealed" -k "$KEY3" --client AB 2>&1)
t_match "the next one, as the same sender" "same sender as before \\(AB\\)" "$err"
# Someone else's tend, with only the therapist's public key, signs as
# itself: named as a different key, with exit 4.
OTHER=$T_TMP/othervault
TEND_HOME=$OTHER "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
TEND_HOME=$OTHER "$TEND_BIN" --passphrase-fd 3 report $R --seal-to "$pk3" -o "$T_TMP/t3/c.sealed" \
	3<<<"$PASS" 2>/dev/null
err=$(tk open-report "$T_TMP/t3/c.sealed" -k "$KEY3" --client AB 2>&1)
t_eq "a report in a known client's name from another key exits 4" 4 $?
t_match "saying so" "DIFFERENT KEY.*from AB.*$fpr" "$err"
err=$(tk open-report "$T_TMP/t3/c.sealed" -k "$KEY3" --client AB -f --new-key 2>&1)
t_eq "--new-key accepts it once the client says so" 0 $?
# A report sealed with the public key alone, as tend before signing made
# them (and as anyone can): it opens, but as unsigned and not with exit 0.
FX=$ROOT/tests/fixtures/sealed-v1
cp "$FX/old.sealed" "$T_TMP/t3/old.sealed"
err=$("$TEND_BIN" --passphrase-fd 3 open-report "$T_TMP/t3/old.sealed" -k "$FX/tend-therapist.key" \
	3<<<'older therapist' 2>&1)
t_eq "an unsigned report exits 1" 1 $?
t_match "and says it is unsigned, in the older format" "UNSIGNED \\(older format\\).*anyone holding your public key" "$err"
t_match "but the older report is still readable" "^# tend report" "$(cat "$T_TMP/t3/old.md")"
# The version byte set back to 1 does not pass a signed report off as
# an older one: it is unsigned, and its text starts with the signature.
cp "$T_TMP/t3/a.sealed" "$T_TMP/t3/down.sealed"
printf '\001' | dd of="$T_TMP/t3/down.sealed" bs=1 seek=8 conv=notrunc 2>/dev/null
t_exit "a signed report made to look older: not exit 0" 1 tk open-report "$T_TMP/t3/down.sealed" -k "$KEY3"
# The signing key never leaves the vault in an export, and one planted in
# an import file is never taken (or two vaults fed the same file would
# sign alike, as whoever wrote the file).
pw export -o "$T_TMP/t3/all.json" 2>/dev/null
t_nomatch "an export holds no signing key" "key\\.report" "$(cat "$T_TMP/t3/all.json")"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["tables"]["settings"] = [{"key": "key.report-signing", "value": "11" * 32}]
json.dump(d, open(sys.argv[2], "w"))' "$T_TMP/t3/all.json" "$T_TMP/t3/planted.json"
for v in p1 p2; do
	TEND_HOME=$T_TMP/$v "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
	TEND_HOME=$T_TMP/$v "$TEND_BIN" --passphrase-fd 3 import "$T_TMP/t3/planted.json" 3<<<"$PASS" >/dev/null 2>&1
done
f1=$(TEND_HOME=$T_TMP/p1 "$TEND_BIN" --passphrase-fd 3 report --fingerprint 3<<<"$PASS" 2>/dev/null)
f2=$(TEND_HOME=$T_TMP/p2 "$TEND_BIN" --passphrase-fd 3 report --fingerprint 3<<<"$PASS" 2>/dev/null)
t_ok "a signing key in an import file is not taken ($f1, $f2)" test -n "$f1" -a "$f1" != "$f2"
TEND_HOME=$T_TMP/p1 "$TEND_BIN" --passphrase-fd 3 import "$T_TMP/t3/planted.json" 3<<<"$PASS" >/dev/null 2>&1
t_eq "nor by a vault in use" "$f1" \
	"$(TEND_HOME=$T_TMP/p1 "$TEND_BIN" --passphrase-fd 3 report --fingerprint 3<<<"$PASS" 2>/dev/null)"
t_ok "the therapist's key file is unchanged by all this" test "$(tk keygen --show -k "$KEY3" 2>/dev/null)" = "$pk3"

# Never into the vault folder (TEND_HOME): an unsealed report would sit
# beside the vault in plain text, and either kind could replace it.
before=$(cd "$TEND_HOME" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum)
ln -s "$TEND_HOME" "$T_TMP/vault-link"
for target in "$TEND_HOME/tend.db" "$TEND_HOME/report.md" "$T_TMP/vault-link/key.bak" \
	"$TEND_HOME/../vault/r.html"; do
	err=$(pw report $R -o "$target" 2>&1 >/dev/null); rc=$?
	t_eq "report -o $target: refused (exit 1)" 1 "$rc"
	t_match "... says what and why" "Refused to write the report inside the vault folder .*unencrypted.*Nothing was written" "$err"
done
err=$(pw report $R --seal-to "$pk" -o "$TEND_HOME/r.sealed" 2>&1 >/dev/null)
t_eq "a sealed report into the vault folder: refused too (exit 1)" 1 $?
t_match "... as it could overwrite the vault" "Refused to write the report.*overwrite the vault's own files" "$err"
t_eq "the vault folder is exactly as it was" "$before" \
	"$(cd "$TEND_HOME" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum)"

# ---- homework progress, only when asked for
pw homework import "$ROOT/content/examples/grounding-week.md" >/dev/null 2>&1
dry=$(pw report $R --include homework --dry-run 2>&1)
t_match "the preview counts the pack and its items" "Homework from the therapist: 1 pack, [0-9]+ items and how far along each is" "$dry"
hw=$(pw report $R --include homework 2>/dev/null)
t_match "the section lists the pack's items and how far along they are" \
	"## Homework from the therapist.*\| Item \| What it asks \| So far \|.*not yet" "$(tr '\n' ' ' <<<"$hw")"
t_nomatch "the default report has no homework" "Homework" "$(pw report $R 2>/dev/null)"

# ---- a scale's every number with its day; what to bring, in the summary
TEND_NOW=1795161600 pw homework answer 1 5 <<<"3" >/dev/null 2>&1 # 2026-11-20
TEND_NOW=1795420800 pw homework answer 1 5 <<<"6" >/dev/null 2>&1 # 2026-11-23
TEND_NOW=1795420800 pw homework answer 1 6 <<<"marker-hw-bring the evenings" >/dev/null 2>&1
hw=$(pw report $R --include homework 2>/dev/null)
t_match "each number given for a scale, with its day, oldest first" \
	'Numbers given for "How settled the week felt", oldest first: 2026-11-20: 3 · 2026-11-23: 6\.' "$hw"
t_match "the summary gives the homework's short answer" \
	$'\n''- Homework answers: "What to bring next time": marker-hw-bring the evenings \(in full under Homework from the therapist\)\.'$'\n' "$hw"
html=$(pw report $R --include homework --format html 2>/dev/null)
t_match "... in HTML too" '<li>Homework answers: "What to bring next time": marker-hw-bring' "$html"
# The session-prep exercise done in plain mode keeps its answers as entry 3.
menu=$(printf '%s\n' "$PASS" | "$TEND_BIN" --plain 2>/dev/null)
ex=$(sed -n 's/^  \([0-9]*\)\. Exercises:.*/\1/p' <<<"$menu")
menu=$(printf '%s\n%s\n' "$PASS" "$ex" | "$TEND_BIN" --plain 2>/dev/null)
prep=$(sed -n 's/^  \([0-9]*\)\. Getting ready for a session$/\1/p' <<<"$menu")
printf '%s\n%s\n%s\n\n\nA long week\n.\n.\nmarker-prep-bring sleep\nand more\n.\nf\n\n' \
	"$PASS" "$ex" "$prep" | "$TEND_BIN" --plain >/dev/null 2>&1
t_match "the session prep is kept as an entry tagged with its id" \
	"^3	.*	Getting ready for a session	exercise,session-prep" "$(pw list | head -1)"
prep=$(pw report $R --entry 3 2>/dev/null)
t_match "the summary gives what the session prep says to bring" \
	$'\n''- To bring to the session \(written on 2026-11-23, getting ready for it\): marker-prep-bring sleep \(in full under Journal entries chosen for this report\)\.'$'\n' "$prep"
t_nomatch "... its first line only" "To bring[^"$'\n'"]*and more" "$prep"
t_nomatch "not when the entry was not chosen" "marker-prep-bring" "$(pw report $R --entry 1 2>/dev/null)"
t_nomatch "nor the homework answer without homework" "marker-hw-bring" "$prep"
t_done
