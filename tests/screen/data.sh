# Export, import and report through the real screens (home's "Export,
# import, a report"): an export lands 0600 with the vault in it, asks
# before replacing a file, names a missing folder and writes nothing; Esc
# leaves without writing; Markdown and CSV come out of the same screen.
# jrnl, Daylio and tend's own imports show a dry run first
# (a malformed file its problem by entry, importing nothing); Daylio's
# own moods get their scores on the mood screen and land in the vault. A
# report previews what was picked and holds a picked entry's text and not
# an unpicked one's. The crisis key works on each screen, each fits 80x24
# and 18x60, and nothing private is on disk in the clear.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault TZ=UTC TEND_NOW=1795420800
export HOME=$T_TMP/home
mkdir -p "$HOME"
PASS='data screens'
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FIX=$ROOT/tests/fixtures
tend_() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tend_ init >/dev/null 2>&1
# Two entries on days in the last fortnight, one before it.
printf 'Picked evening\nmarker-picked-body by the river\n' |
	TEND_NOW=1795300000 tend_ add >/dev/null
printf 'Left out morning\nmarker-unpicked-body stays home\n' |
	TEND_NOW=1795400000 tend_ add >/dev/null
printf 'Long ago\nmarker-old-body\n' | TEND_NOW=1790000000 tend_ add >/dev/null
tend_ mood 6 >/dev/null

printf 'size 60x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
TO_DATA=$(t_downs "$T_TMP/home.out" "Export, import, a report")
t_match "home has the data item" "Export, import, a report" "$(t_section "$T_TMP/home.out" home)"
open_data() { printf 'size %s\ntype %s\nkey Enter\n%s\nkey Enter\n' "${1:-24x80}" "$PASS" "$TO_DATA"; }
sec() { t_section "$O" "$1"; }
flat() { t_section "$O" "$1" | tr -s ' \n' ' '; }
fmode() { stat -c %a "$1" 2>/dev/null; }
# The three screens under "Export, import, a report" (open_data's
# argument is the window size).
to_export() { open_data "$@"; echo "key Enter"; }
to_import() { open_data "$@"; printf 'key Down\nkey Enter\n'; }
to_report() { open_data "$@"; printf 'key Down\nkey Down\nkey Enter\n'; }
# On the report screen: the entry on the eighth row picked, then on to
# "Preview the report" and into it.
pick_and_preview() { for i in 1 2 3 4 5 6 7; do echo "key Down"; done; printf 'key Enter\nkey PgDn\nkey Enter\n'; }

# ---- export
{
	open_data
	echo "dump data"
	echo "key Enter"
	echo "dump export"
	echo "key Enter"
	echo "dump written"
	echo "key Enter"
	echo "key Enter"
	echo "key Enter"
	echo "dump replace?"
	echo "key Enter"
	echo "dump kept"
} >"$T_TMP/export.script"
t_screen data-export "$T_TMP/export.script"
O=$T_TMP/data-export.raw
F=$HOME/tend-export-2026-11-23.json
t_match "the menu offers export, import and a report" \
	"Export everything.*Import from another app.*A report for a session" "$(flat data)"
t_match "the export screen says it is not encrypted" "NOT encrypted" "$(sec export)"
t_match "and offers a dated path in the home folder" "~/tend-export-2026-11-23\.json" "$(sec export)"
t_match "it says where it wrote" "Written: ~/tend-export-2026-11-23\.json" "$(flat written)"
t_eq "the export is readable only by its owner" 600 "$(fmode "$F")"
t_match "it is tend's JSON with the entries in it" '"format": *"tend-export".*marker-picked-body' \
	"$(tr -d '\n' <"$F")"
t_ok "tend reads it back as its own export" tend_ import --dry-run "$F" >/dev/null
t_match "a second export asks before replacing" "Replace the file\?.*Keep it.*Replace it" \
	"$(flat "replace?")"
touch -d @1000000000 "$F"
# Keeping it (the first choice) leaves the file as it was.
"$SCREEN_BIN" "$T_TMP/export.script" >/dev/null 2>&1
t_eq "keeping it changes nothing" 1000000000 "$(stat -c %Y "$F")"
{
	to_export
	echo "key Enter"
	echo "key Right"
	echo "key Enter"
	echo "dump replaced"
} >"$T_TMP/replace.script"
O=$T_TMP/replace.out
"$SCREEN_BIN" "$T_TMP/replace.script" >"$O" 2>&1
t_match "replacing it is said" "Written: ~/tend-export" "$(flat replaced)"
t_nomatch "and it was replaced" "^1000000000$" "$(stat -c %Y "$F")"
t_eq "still 0600" 600 "$(fmode "$F")"

# A missing folder, a folder, and Esc: nothing written.
{
	to_export
	echo "key Ctrl-U"
	echo "type ~/no-such-folder/out.json"
	echo "key Enter"
	echo "dump missing folder"
	echo "key Ctrl-U"
	echo "type ~"
	echo "key Enter"
	echo "dump a folder"
	echo "key Ctrl-U"
	echo "type ~/left.json"
	echo "key Esc"
	echo "dump left"
} >"$T_TMP/bad.script"
O=$T_TMP/bad.out
"$SCREEN_BIN" "$T_TMP/bad.script" >"$O" 2>&1
t_match "a missing folder is named, nothing written" \
	"Nothing was written: Cannot write .*no-such-folder/out\.json.*No such file or directory" \
	"$(flat "missing folder")"
t_match "a folder is not replaced" "~ is a folder\. Add a file name" "$(flat "a folder")"
t_match "Esc goes back to the menu" "Export everything" "$(sec left)"
t_eq "nothing was left behind" "tend-export-2026-11-23.json" "$(ls -A "$HOME")"

# Never into the vault folder, spelt through a link in the home folder:
# refused before any "Replace the file?", and the vault is untouched.
ln -s "$TEND_HOME" "$HOME/v"
vsum=$(cd "$TEND_HOME" && sha256sum tend.db key key.bak)
{
	to_export
	echo "key Ctrl-U"
	echo "type ~/v/tend.db"
	echo "key Enter"
	echo "dump onto tend.db"
	echo "key Ctrl-U"
	echo "type ~/v/notes.json"
	echo "key Enter"
	echo "dump beside the vault"
} >"$T_TMP/invault.script"
O=$T_TMP/invault.out
"$SCREEN_BIN" "$T_TMP/invault.script" >"$O" 2>&1
t_match "an export onto tend.db is refused, saying why" \
	"Nothing was written: Refused to write the export inside the vault folder .*unencrypted, or overwrite the vault's own files" \
	"$(flat "onto tend.db")"
t_nomatch "without asking to replace it" "Replace the file" "$(flat "onto tend.db")"
t_match "a new file beside the vault is refused too" "Refused to write the export inside the vault folder" \
	"$(flat "beside the vault")"
t_eq "the vault's files are untouched" "$vsum" "$(cd "$TEND_HOME" && sha256sum tend.db key key.bak)"
t_ok "and nothing new is in the vault folder" test ! -e "$TEND_HOME/notes.json"
rm "$HOME/v"

# ---- import: jrnl, a malformed file first
mkdir -p "$HOME/in"
cp "$FIX/jrnl/journal.json" "$FIX/jrnl/bad-date.json" "$FIX/daylio/custom-moods.csv" "$HOME/in/"
before=$(tend_ list | wc -l)
{
	to_import
	echo "dump import"
	echo "type ~/in/bad-date.json"
	echo "key Enter"
	echo "dump malformed"
	echo "key Enter"
	echo "key Ctrl-U"
	echo "type ~/in/journal.json"
	echo "key Enter"
	echo "dump dry run"
	echo "key Enter"
	echo "dump imported"
} >"$T_TMP/jrnl.script"
t_screen data-import-jrnl "$T_TMP/jrnl.script"
O=$T_TMP/data-import-jrnl.raw
t_match "the import screen asks for the app and the file" "From +< Tell from the file >.*File" "$(flat import)"
t_match "and says what it took the file for" "Read as a jrnl JSON export\." "$(flat "dry run")"
t_match "a malformed file shows its entry and what is wrong" \
	"entry 2: 2024-02-30 08:15 is not a real date.*Nothing was imported" "$(flat malformed)"
t_match "the dry run counts and dates" \
	"Would add 3 entries and 0 check-ins, from 2024-03-02 to 2024-03-05" "$(flat "dry run")"
t_match "the import says what it added" "Imported 3 entries and 0 check-ins\." "$(sec imported)"
t_eq "three entries more in the vault" $((before + 3)) "$(tend_ list | wc -l)"
t_match "with the jrnl titles" "Morning walk by the canal" "$(tend_ list)"
# The screen's choices are the formats of 'tend import --help', in order
# (both come from one table), then "Tell from the file" again.
labels=$("$TEND_BIN" import --help | sed -n 's/^  [a-z-]\{1,\}  *//p')
n=$(printf '%s\n' "$labels" | wc -l)
{
	to_import
	echo "key Up"
	for i in $(seq 0 "$n"); do
		echo "key Right"
		echo "dump choice $i"
	done
} >"$T_TMP/choices.script"
"$SCREEN_BIN" "$T_TMP/choices.script" >"$T_TMP/choices.out" 2>&1
O=$T_TMP/choices.out
shown=$(for i in $(seq 0 $((n - 1))); do flat "choice $i" | sed -n 's/.*From < \(.*\) > File.*/\1/p'; echo; done)
t_ok "the usage text lists formats" test "$n" -ge 5
t_eq "the import screen offers the formats the usage text lists, in order" "$labels" "$shown"
t_match "and then telling from the file" "From < Tell from the file >" "$(flat "choice $n")"

# Again: all of it is there already.
O=$T_TMP/again.out
"$SCREEN_BIN" "$T_TMP/jrnl.script" >"$O" 2>&1
t_match "a second time, all of it is skipped" "Would add 0 entries.*3 already in your vault, skipped" \
	"$(flat "dry run")"
t_eq "and nothing more came in" $((before + 3)) "$(tend_ list | wc -l)"

# ---- import: Daylio with moods of its own
{
	to_import
	echo "key Up"
	echo "key Right"
	echo "key Right"
	echo "key Right"
	echo "key Down"
	echo "type ~/in/custom-moods.csv"
	echo "key Enter"
	echo "dump mood scores"
	echo "key Enter"
	echo "dump not all set"
	echo "type 4"
	echo "key Down"
	echo "key Right"
	echo "key Right"
	echo "key Right"
	echo "dump scored"
	echo "key Enter"
	echo "dump daylio dry run"
	echo "key Enter"
	echo "dump daylio imported"
} >"$T_TMP/daylio.script"
t_screen data-import-daylio "$T_TMP/daylio.script"
O=$T_TMP/data-import-daylio.raw
t_match "the mood screen lists each unknown mood" "sleepy +not chosen yet.*calm +not chosen yet" \
	"$(flat "mood scores")"
t_match "Enter waits until each has a score" "Give 'sleepy' a score first" "$(sec "not all set")"
t_match "digits and Right set scores" "sleepy .*\[4\].*calm .*\[7\]" "$(flat scored)"
t_match "the dry run is done again with them" "Would add 0 entries and 4 check-ins" \
	"$(flat "daylio dry run")"
t_match "and shows the scores" "sleepy 4, calm 7" "$(flat "daylio dry run")"
t_match "then imports" "Imported 0 entries and 4 check-ins" "$(sec "daylio imported")"
# The check-ins of June 2024 (the fixture's), score in the CSV's fifth column.
scores=$(tend_ export --format csv 2>/dev/null |
	awk -F, '$1 == "check-in" && $2 ~ /^2024-06/ { print $5 }' | paste -sd' ')
t_eq "the scores landed (sleepy 4, calm 7, good 7, sleepy 4)" "4 7 7 4" "$scores"

# ---- report
{
	to_report
	echo "dump report"
	for i in 1 2 3 4 5 6 7; do echo "key Down"; done
	echo "key Enter"
	echo "dump picked"
	echo "key PgDn"
	echo "key Enter"
	echo "dump preview"
	echo "key Enter"
	echo "dump report written"
} >"$T_TMP/report.script"
t_screen data-report "$T_TMP/report.script"
O=$T_TMP/data-report.raw
R=$HOME/tend-report-2026-11-23.md
t_match "the report starts with the last fourteen days" \
	"First day +2026-11-10.*Last day +2026-11-23" "$(flat report)"
t_match "it lists the titles of those days only" "2026-11-23 +Left out morning.*2026-11-21 +Picked evening" \
	"$(flat report)"
t_nomatch "not older ones" "Long ago" "$(sec report)"
t_match "an entry is picked" "\[x\] 2026-11-21 +Picked evening" "$(sec picked)"
t_match "the preview lists the picked entry" "chosen for this report: 1, with their whole text: 1 2026-11-21 [0-9:]+ Picked evening" \
	"$(flat preview)"
t_nomatch "and not the other" "Left out morning" "$(sec preview)"
# The preview's lines are the CLI's --dry-run lines (wrapped to the window).
cli=$(tend_ report --from 2026-11-10 --to 2026-11-23 --entry 1 --dry-run 2>&1 | sed '/^As /,$d')
shown=$(sec preview | sed -n '3,/^$/p')
t_eq "the preview is the text tend report --dry-run prints" "$(echo $cli)" "$(echo $shown)"
t_match "the written report is said" "Written: ~/tend-report-2026-11-23\.md" "$(flat "report written")"
t_eq "the report is 0600" 600 "$(fmode "$R")"
t_match "it holds the picked entry's text" "marker-picked-body" "$(cat "$R")"
t_nomatch "not the unpicked one's" "marker-unpicked-body" "$(cat "$R")"

# ---- a report sealed for a therapist's key (as --seal-to)
TP='therapist words'
mkdir -p "$T_TMP/therapist"
pk=$("$TEND_BIN" --passphrase-fd 3 keygen -o "$T_TMP/therapist" 3<<<"$TP" 2>/dev/null)
{
	to_report
	pick_and_preview
	echo "key Up"
	echo "type tendpk1:short"
	echo "key Down"
	echo "key Ctrl-U"
	echo "type ~/for-my-therapist.sealed"
	echo "key Enter"
	echo "dump bad key"
	echo "key Up"
	echo "key Ctrl-U"
	echo "type $pk"
	echo "dump sealing"
	echo "key Enter"
	echo "key Enter"
	echo "dump sealed"
} >"$T_TMP/seal.script"
O=$T_TMP/seal.out
"$SCREEN_BIN" "$T_TMP/seal.script" >"$O" 2>&1
S=$HOME/for-my-therapist.sealed
t_match "a wrong key is named, nothing written" "Nothing was written: Seal for: The public key" \
	"$(flat "bad key")"
t_match "a key given says the report is sealed" "Sealed for the key above" "$(flat sealing)"
t_nomatch "and not that it is unencrypted" "NOT encrypted" "$(sec sealing)"
t_match "the sealed report is written" "Written: ~/for-my-therapist\.sealed" "$(flat sealed)"
t_eq "0600" 600 "$(fmode "$S")"
t_eq "no text in the clear in it" "" "$(grep -l marker-picked-body "$S")"
opened=$("$TEND_BIN" --passphrase-fd 3 open-report "$S" -k "$T_TMP/therapist/tend-therapist.key" \
	-o - 3<<<"$TP" 2>/dev/null)
t_match "the therapist's key opens it, the picked entry inside" "marker-picked-body" "$opened"
t_nomatch "and not the other" "marker-unpicked-body" "$opened"
# The name offered for a sealed report ends in .sealed, and the format's
# ending comes back when the key is cleared.
{
	to_report
	pick_and_preview
	echo "key Up"
	echo "type $pk"
	echo "dump with key"
	echo "key Ctrl-U"
	echo "dump no key"
} >"$T_TMP/sealname.script"
O=$T_TMP/sealname.out
"$SCREEN_BIN" "$T_TMP/sealname.script" >"$O" 2>&1
t_match "with a key, the name offered ends in .sealed" "Save to +~/tend-report-[0-9-]+\.sealed" \
	"$(flat "with key")"
t_match "without one, in .md again" "Save to +~/tend-report-[0-9-]+\.md" "$(flat "no key")"

# ---- small windows, the crisis key, Esc
{
	open_data 18x60
	echo "dump data small"
	echo "key Enter"
	echo "dump export small"
	echo "key Ctrl-G"
	echo "dump crisis from export"
	echo "key Esc"
	echo "key Esc"
	echo "key Down"
	echo "key Enter"
	echo "dump import small"
	echo "key Ctrl-G"
	echo "dump crisis from import"
	echo "key Esc"
	echo "key Esc"
	echo "key Down"
	echo "key Down"
	echo "key Enter"
	echo "dump report small"
	echo "key PgDn"
	echo "key Enter"
	echo "dump preview small"
	echo "key Ctrl-G"
	echo "dump crisis from the preview"
	echo "key Esc"
	echo "key Esc"
	echo "key Esc"
	echo "dump report left"
} >"$T_TMP/small.script"
t_screen data-small "$T_TMP/small.script"
O=$T_TMP/data-small.raw
for s in "export small" "import small" "report small" "preview small"; do
	t_nomatch "$s: fits 18x60" "make this window larger" "$(sec "$s")"
done
t_match "the export fits its warning at 60 columns" "NOT encrypted" "$(sec "export small")"
t_match "the preview keeps its controls in view" "Save to +~/tend-report" "$(sec "preview small")"
for s in "crisis from export" "crisis from import" "crisis from the preview"; do
	t_match "$s" "Crisis help" "$(sec "$s")"
done
t_match "Esc from the report leaves it" "Export everything" "$(sec "report left")"
t_eq "only what was asked for was written" \
	"for-my-therapist.sealed in tend-export-2026-11-23.json tend-report-2026-11-23.md" \
	"$(ls -A "$HOME" | tr '\n' ' ' | sed 's/ $//')"

# ---- Markdown and CSV from the export screen; tend's own export in
{
	to_export
	echo "key Up"
	echo "key Right"
	echo "dump markdown chosen"
	echo "key Down"
	echo "key Enter"
	echo "dump markdown written"
	echo "key Esc"
	echo "key Enter"
	echo "key Up"
	echo "key Right"
	echo "key Right"
	echo "key Down"
	echo "key Enter"
	echo "dump csv written"
	echo "key Esc"
	echo "key Enter"
	echo "key Up"
	echo "key Right"
	echo "key Right"
	echo "key Right"
	echo "dump jrnl chosen"
	echo "key Down"
	echo "key Enter"
	echo "dump jrnl written"
} >"$T_TMP/formats.script"
"$SCREEN_BIN" "$T_TMP/formats.script" >"$T_TMP/formats.out" 2>&1
O=$T_TMP/formats.out
t_match "Right picks Markdown, and the path follows" "Markdown \(a diary to read\).*tend-export-2026-11-23\.md" \
	"$(flat "markdown chosen")"
t_match "the diary is written" "Written: ~/tend-export-2026-11-23\.md" "$(flat "markdown written")"
MD=$HOME/tend-export-2026-11-23.md
t_eq "0600" 600 "$(fmode "$MD")"
t_match "a diary with the entries' text" "^# tend journal.*marker-picked-body" "$(tr '\n' ' ' <"$MD")"
t_match "CSV next" "Written: ~/tend-export-2026-11-23\.csv" "$(flat "csv written")"
t_match "with the check-in in it" "^kind,date,time.*check-in," "$(tr '\r\n' '  ' <"$HOME/tend-export-2026-11-23.csv")"
t_match "jrnl's journal file last, as .txt" "jrnl's journal file.*tend-export-2026-11-23\.txt" \
	"$(flat "jrnl chosen")"
t_match "jrnl's file is written" "Written: ~/tend-export-2026-11-23\.txt" "$(flat "jrnl written")"
JR=$HOME/tend-export-2026-11-23.txt
t_eq "0600 too" 600 "$(fmode "$JR")"
t_match "it is jrnl text: a dated title line, then the body" \
	$'(^|\n)\\[2026-11-[0-9]{2} [0-9]{2}:[0-9]{2}\\] Picked evening\nmarker-picked-body by the river\n' "$(cat "$JR")"
n=$(tend_ list | wc -l)
t_eq "and it reads back as jrnl's journal file, every entry" \
	"$n records: would add $n entries and 0 check-ins." \
	"$(TEND_HOME=$T_TMP/jr-back; "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
	   tend_ import --dry-run --format jrnl "$JR" 2>/dev/null | head -1)"
rm -f "$MD" "$HOME/tend-export-2026-11-23.csv" "$JR"

# Another vault's export comes in beside what is here.
OTHER=$T_TMP/other
TEND_HOME=$OTHER tend_ init >/dev/null 2>&1
printf 'From the old laptop\nmarker-other-vault written elsewhere\n' |
	TEND_HOME=$OTHER TEND_NOW=1780000000 tend_ add >/dev/null
TEND_HOME=$OTHER tend_ export -o "$HOME/in/old.json" 2>/dev/null
before=$(tend_ list | wc -l)
{
	to_import
	echo "key Up"
	echo "key Right"
	echo "key Down"
	echo "type ~/in/old.json"
	echo "key Enter"
	echo "dump tend dry run"
	echo "key Enter"
	echo "dump tend imported"
} >"$T_TMP/tendjson.script"
"$SCREEN_BIN" "$T_TMP/tendjson.script" >"$T_TMP/tendjson.out" 2>&1
O=$T_TMP/tendjson.out
t_match "tend's own export is offered, and its dry run counts" \
	"old\.json Would add 1 entry and 0 check-ins; [0-9]+ already in your vault" \
	"$(flat "tend dry run")"
t_match "what the vault has already is skipped" "already in your vault, skipped" "$(flat "tend dry run")"
t_match "then it comes in" "Imported 1 entry" "$(flat "tend imported")"
t_eq "one entry more" $((before + 1)) "$(tend_ list | wc -l)"
t_match "the other vault's entry" "From the old laptop" "$(tend_ list)"
rm -f "$HOME/in/old.json"

# Day One, told from the file: what was left out is said before the import.
cp "$FIX/day-one/Journal.json" "$HOME/in/"
{
	to_import
	echo "type ~/in/Journal.json"
	echo "key Enter"
	echo "dump dayone dry run"
	echo "key Enter"
	echo "dump dayone imported"
} >"$T_TMP/dayone.script"
"$SCREEN_BIN" "$T_TMP/dayone.script" >"$T_TMP/dayone.out" 2>&1
O=$T_TMP/dayone.out
t_match "day one: the screen says what it read the file as" "Read as a Day One export\." \
	"$(flat "dayone dry run")"
t_match "day one: and what is left out" "Left out: 2 photos or other media, 1 place\." \
	"$(flat "dayone dry run")"
t_match "day one: then it comes in" "Imported 2 entries" "$(flat "dayone imported")"

# ---- a pack that carries the therapist's key: the report screen offers
# "Seal for <from>", names the file .sealed, and remembers the key.
sed "s|^note: .*|&\nkey: $pk|" "$ROOT/content/examples/grounding-week.md" >"$T_TMP/keyed.md"
"$TEND_BIN" --passphrase-fd 3 homework import "$T_TMP/keyed.md" 3<<<"$PASS" >/dev/null 2>&1
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home2.out" 2>&1
TO_DATA=$(t_downs "$T_TMP/home2.out" "Export, import, a report")
report_preview() {
	to_report
	echo "key PgDn" # to "Preview the report"
	echo "key Enter"
}
{
	report_preview
	echo "dump offered"
	echo "key Ctrl-U"
	echo "type ~/keyed.sealed"
	echo "key Enter"
	echo "dump keyed written"
} >"$T_TMP/keyed.script"
O=$T_TMP/keyed.out
"$SCREEN_BIN" "$T_TMP/keyed.script" >"$O" 2>&1
t_match "the pack's key is offered as Seal for its author" \
	"Seal for Alex Morgan, Riverside Counselling \\(their key\\)" "$(flat offered)"
t_match "the report will be sealed" "Sealed for the key above" "$(flat offered)"
t_match "under a name ending in .sealed" "Save to +~/tend-report-[0-9-]+\.sealed" "$(flat offered)"
t_ok "the sealed report is written" grep -q '^TENDSEAL' "$HOME/keyed.sealed"
t_match "and opens with the therapist's key" "marker-picked-body|# tend report" \
	"$("$TEND_BIN" --passphrase-fd 3 open-report "$HOME/keyed.sealed" -o - \
		-k "$T_TMP/therapist/tend-therapist.key" 3<<<"$TP" 2>/dev/null)"
"$TEND_BIN" --passphrase-fd 3 homework remove --yes 1 3<<<"$PASS" >/dev/null 2>&1
t_eq "(the pack is gone)" "" "$("$TEND_BIN" --passphrase-fd 3 homework list 3<<<"$PASS" 2>/dev/null | grep -i grounding)"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home3.out" 2>&1
TO_DATA=$(t_downs "$T_TMP/home3.out" "Export, import, a report")
{
	report_preview
	echo "dump remembered"
} >"$T_TMP/remembered.script"
O=$T_TMP/remembered.out
"$SCREEN_BIN" "$T_TMP/remembered.script" >"$O" 2>&1
t_match "the key is remembered, with whose it is" \
	"Seal for Alex Morgan, Riverside Counselling \\(their key\\)" "$(flat remembered)"

# Nothing private in the clear in the vault's folder.
for m in marker-picked-body marker-unpicked-body marker-other-vault heron sleepy "Morning walk"; do
	t_eq "no '$m' in the clear under TEND_HOME" "" "$(grep -rl -- "$m" "$TEND_HOME")"
done
t_done
