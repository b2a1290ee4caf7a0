# tend import from other apps: jrnl, tui-journal and Daylio exports go into
# a vault in use, all or nothing, with what is there already skipped; an
# odd file names its line or entry and changes nothing.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC TEND_NOW=1795420800
F=$(dirname "$0")/../fixtures
PASS='import pass'
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
echo 'written in tend first' | pw add >/dev/null

# jrnl
out=$(pw import --format jrnl --dry-run "$F/jrnl/journal.json")
t_match "jrnl: a dry run says what it would add" "3 records: would add 3 entries and 0 check-ins" "$out"
t_match "jrnl: and the dates" "from 2024-03-02 to 2024-03-05" "$out"
t_eq "jrnl: the dry run added nothing" 1 "$(pw list | wc -l)"
t_match "jrnl: into a vault in use" "added 3 entries" "$(pw import --format jrnl "$F/jrnl/journal.json")"
list=$(pw list)
t_match "jrnl: the title and its local time" "2024-03-03T21:40	Called my sister, a hard call.	sister,starred,walk" "$list"
t_match "jrnl: what was there stays" "written in tend first" "$list"
t_match "jrnl: the body" "the heron was back" "$(pw show "$(pw list | awk -F'\t' '/canal/ {print $1}')")"
out=$(pw import --format jrnl "$F/jrnl/journal.json")
t_match "jrnl: importing again skips all of it" "added 0 entries and 0 check-ins; 3 already in the vault, skipped" "$out"
t_eq "jrnl: nothing doubled" 4 "$(pw list | wc -l)"

# jrnl's own journal file, and JSON from jrnl before 2.4.4 (tags only in the words)
out=$(pw import --format jrnl "$F/jrnl/journal.txt")
t_match "jrnl text: every entry" "4 records: added 4 entries and 0 check-ins" "$out"
list=$(pw list)
t_match "jrnl text: jrnl 1's layout, title to the first full stop" $'2019-11-02T07:40\tFrost on the allotment.\tgarden' "$list"
t_match "jrnl text: a star and tags from the words" $'2024-03-03T21:40\tCalled my sister, a hard call.\tholiday,sister,starred' "$list"
t_match "jrnl text: a time with seconds and PM" $'2024-03-05T18:55\tSlept badly' "$list"
body=$(pw show "$(pw list | awk -F'\t' '/allotment/ {print $1}')")
t_match "jrnl text: the rest of a one-line entry is its body" "The leeks survived @garden" "$body"
t_match "jrnl JSON before 2.4.4: tags from the words" $'Long shift at @work.\ttired,work' \
	"$(pw import --format jrnl "$F/jrnl/old-json.json" >/dev/null; pw list)"

# tui-journal
out=$(pw import --format tui-journal "$F/tui-journal/export.json")
t_match "tui-journal: two entries" "2 records: added 2 entries" "$out"
t_match "tui-journal: with tags, at its UTC time" "2024-01-04T16:07	First week back at work	body,work" "$(pw list)"

# Daylio: every header variant, a byte order mark, quoted multi-line notes
out=$(pw import --format daylio "$F/daylio/full.csv")
t_match "daylio: check-ins and the notes as entries" "3 records: added 2 entries and 3 check-ins" "$out"
list=$(pw list)
t_match "daylio: activities become tags" "2024-05-18T21:54	A good day	friends,movies / tv,music" "$list"
id=$(pw list | awk -F'\t' '/Rough/ {print $1}')
t_match "daylio: a multi-line note keeps its lines" $'Everything felt loud.\nI stayed in and that was okay.' "$(pw show "$id")"
t_match "daylio: <br> is a new line" $'Went to the lake.\nLaughed a lot.' "$(pw show "$(pw list | awk -F'\t' '/A good day/ {print $1}')")"
t_match "daylio: the oldest header (year, 12-hour times)" "2 records: added 1 entry and 2 check-ins" \
	"$(pw import --format daylio "$F/daylio/old.csv")"
t_match "daylio: ... at 23:54 on 18 May 2018" "2018-05-18T23:54" "$(pw list)"
t_match "daylio: with a scales column" "1 record: added 0 entries and 1 check-in" \
	"$(pw import --format daylio "$F/daylio/scales.csv")"
t_match "daylio: with no note_title column" "added 1 entry and 1 check-in" \
	"$(pw import --format daylio "$F/daylio/no-title.csv")"
t_match "daylio: again, all skipped" "3 records: added 0 entries and 0 check-ins; 3 already in the vault, skipped" \
	"$(pw import --format daylio "$F/daylio/full.csv")"
err=$(pw import --format daylio "$F/daylio/custom-moods.csv" 2>&1)
t_eq "daylio: moods with no score are a usage error" 2 $?
t_match "daylio: ... named, with where they are and how to give them" \
	'"sleepy" \(line 2\), "calm" \(line 3\). Give each one, e.g. --mood "sleepy=4"' "$err"
t_match "daylio: --mood gives them a score" "4 records: added 0 entries and 4 check-ins" \
	"$(pw import --format daylio --mood sleepy=4 --mood Calm=6 "$F/daylio/custom-moods.csv")"
t_exit "daylio: --mood needs NAME=SCORE" 2 pw import --format daylio --mood sleepy "$F/daylio/full.csv"
t_exit "daylio: a score from 0 to 10" 2 pw import --format daylio --mood sleepy=11 "$F/daylio/full.csv"
t_exit "--mood is for Daylio" 2 pw import --format jrnl --mood a=1 "$F/jrnl/journal.json"

t_match "daylio: the older layout in Polish" "2 records: added 1 entry and 2 check-ins" \
	"$(pw import --format daylio "$F/daylio/old-polish.csv")"
list=$(pw list)
t_match "daylio: 7 września is 7 September, with a title from the note's first words" \
	$'2019-09-07T21:40\tDługi spacer nad rzeką & kolacja.\trodzina,spacer' "$list"
t_match "daylio: dates before 1970, and the span said right" "from 1936-07-04 to 1954-03-01" \
	"$(pw import --format daylio "$F/daylio/before-1970.csv")"
t_match "daylio: ... and stored right" "1954-03-01T08:00	Wrote to Ada." "$(pw list)"

# A note with no title in the older layout: the vault may hold it with no
# title (imported by a tend that made none) or one the person gave it since.
# Importing the file again, with any mood map, adds nothing.
TEND_HOME=$T_TMP/older "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
TEND_HOME=$T_TMP/older pw import --format daylio "$F/daylio/old.csv" >/dev/null
TEND_HOME=$T_TMP/older pw export -o "$T_TMP/older.json" 2>/dev/null
for title in '' 'The party at Ana'"'"'s'; do
	home=$T_TMP/older-${#title}
	sed "s/\"title\": \"Went to a party\"/\"title\": \"$title\"/" "$T_TMP/older.json" >"$T_TMP/older-t.json"
	TEND_HOME=$home "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
	TEND_HOME=$home pw import "$T_TMP/older-t.json" >/dev/null 2>&1
	t_eq "daylio old layout, note titled '$title' in the vault: the entry is there" 1 \
		"$(TEND_HOME=$home pw list | grep -c "2018-05-18T23:54")"
	t_match "daylio old layout, note titled '$title': importing again adds nothing" \
		"added 0 entries and 0 check-ins; 2 already in the vault" \
		"$(TEND_HOME=$home pw import --format daylio "$F/daylio/old.csv")"
	t_match "... nor with another mood map" "added 0 entries and 0 check-ins; 2 already in the vault" \
		"$(TEND_HOME=$home pw import --format daylio --mood good=9 --mood bad=1 "$F/daylio/old.csv")"
	t_eq "... one entry still" 1 "$(TEND_HOME=$home pw list | grep -c "2018-05-18T23:54")"
done

# Odd files: exit 4, the place named, nothing changed.
before=$(pw list)
while IFS='|' read -r fmt file want; do
	err=$(pw import --format "$fmt" "$F/$file" 2>&1)
	rc=$?
	t_eq "$file: exits 4" 4 "$rc"
	t_match "$file: says what is wrong" "$want" "$err"
done <<'LIST'
jrnl|jrnl/bad-date.json|entry 2: 2024-02-30 08:15 is not a real date and time
jrnl|jrnl/bad-time.json|entry 1: "time" is "quarter past", not HH:MM
jrnl|jrnl/not-jrnl.json|not a jrnl export
jrnl|jrnl/truncated.json|line 2, column [0-9]+:
tui-journal|tui-journal/bad-date.json|entry 1: "date" is "2024-01-04 16:07"
tui-journal|tui-journal/bad-version.json|version" is not 1xx
daylio|daylio/bad-quote.csv|line 2: a quote out of place
daylio|daylio/short-row.csv|line 3: 5 fields where the header has 8
daylio|daylio/not-daylio.csv|line 1: this is not a Daylio export
daylio|daylio/bad-time.csv|line 2: the time "25:54"
daylio|tui-journal/export.json|line 1: this is not a Daylio export
LIST
t_eq "the odd files changed nothing" "$before" "$(pw list)"

# Text tend's own export would refuse never gets in.
before=$(pw list)
err=$(pw import --format daylio "$F/daylio/latin1.csv" 2>&1)
t_eq "not UTF-8: exits 4" 4 $?
t_match "not UTF-8: names the line and says what to do" \
	'line 3: byte 0xE9 is not UTF-8.*--encoding windows-1252' "$err"
t_eq "not UTF-8: nothing changed" "$before" "$(pw list)"
t_exit "--encoding: an unknown name is a usage error" 2 \
	pw import --format daylio --encoding no-such-code "$F/daylio/latin1.csv"
t_match "--encoding latin1 reads it" "2 records: added 2 entries and 2 check-ins" \
	"$(pw import --format daylio --encoding latin1 "$F/daylio/latin1.csv")"
t_match "--encoding: the words arrive as written" "Café with Renée" "$(pw list)"
t_match "--encoding: the activities too" $'2024-07-01T19:05\tCafé with Renée\tcafé,reading' "$(pw list)"
out=$(pw import --format jrnl "$F/jrnl/controls.json")
t_match "control characters: removed, and said so" "3 control characters were removed" "$out"
t_match "a line break in a title or tag: said so" "2 titles or tags had line breaks" "$out"
t_match "and where each change was" \
	"Where: entry 1 \(control characters\), entry 2 \(a line break\)\." "$out"
list=$(pw list)
t_match "a title's line break is a space" $'Two lines\ta b' "$list"
t_match "a title's bell is gone" $'Bell rang\thome' "$list"
body=$(pw show "$(pw list | awk -F'\t' '/Bell rang/ {print $1}')")
t_match "the body keeps its lines, without the escape" $'Screen\\[2J cleared\nnext line' "$body"
t_eq "no escape byte reached the vault" "" "$(printf '%s' "$body" | tr -d -c '\033\r')"
t_exit "and the export still works" 0 pw export -o "$T_TMP/after.json"
t_match "verify finds nothing to refuse" "The vault is intact" "$(pw verify)"

# Day One: words, times in their own zone, tags and stars; media and places counted
out=$(pw import --format day-one "$F/day-one/Journal.json")
t_match "day one: the entries with words" "2 records: added 2 entries and 0 check-ins" "$out"
t_match "day one: photos and places left out, and said" "Left out: 2 photos or other media and 1 place" "$out"
t_match "day one: an entry of only a photo is said" "1 entry had no words, only media, and was not added" "$out"
list=$(pw list)
t_match "day one: Berlin's summer time, the title without its #, the tags and star" \
	$'2023-07-14T20:05\tPicnic in the park\tfamily,starred,summer' "$list"
t_match "day one: New York's winter time" $'2023-12-02T02:30\tCouldn\'t sleep' "$list"
body=$(pw show "$(pw list | awk -F'\t' '/Picnic/ {print $1}')")
t_match "day one: Markdown's backslashes and the image go, the words stay" \
	$'again. We laughed anyway!\n\nHome by eight.' "$body"

# A time in a daylight-saving change keeps its clock reading, and is said.
printf '[2024-03-31 02:30] The hour that was skipped\n' >"$T_TMP/dst.txt"
out=$(TZ=Europe/Berlin pw import --format jrnl "$T_TMP/dst.txt")
t_match "dst: said in the summary" "1 time fell in a daylight-saving change" "$out"
t_match "dst: kept as the clock showed it" $'2024-03-31T02:30\tThe hour that was skipped' "$(TZ=Europe/Berlin pw list)"

# Without --format, tend tells the format from the file and says so.
while IFS='|' read -r file want; do
	err=$(pw import --dry-run "$F/$file" 2>&1 >/dev/null)
	t_match "$file: taken for $want" "reading .*$file as $want \\(--format" "$err"
done <<'LIST'
jrnl/journal.txt|jrnl's journal file
jrnl/journal.json|a jrnl JSON export
daylio/old.csv|a Daylio export
tui-journal/export.json|a tui-journal export
day-one/Journal.json|a Day One export
LIST
t_match "tend's own export: taken for it" "as tend's own export \\(--format tend-json\\)" \
	"$(pw import --dry-run "$T_TMP/after.json" 2>&1 >/dev/null)"
err=$(pw import "$F/daylio/not-daylio.csv" 2>&1)
t_eq "a file of no known app: a usage error" 2 $?
t_match "... that lists the formats" "give --format \(tend-json, jrnl, daylio, tui-journal or day-one\)" "$err"
err=$(pw import --format jrnl "$F/daylio/full.csv" 2>&1)
t_match "a wrong --format names the right one" "It looks like a Daylio export: try --format daylio." "$err"
t_match "--help lists the formats from the same table" "day-one +Day One \(Journal.json from its export\)" \
	"$("$TEND_BIN" import --help)"

# Leaving: 'tend export --format jrnl' writes jrnl's journal file, which
# reads back (here into tend, by jrnl's own rules) with every entry whole.
pw export --format jrnl -o "$T_TMP/out.jrnl" 2>/dev/null
jr=$(cat "$T_TMP/out.jrnl")
t_match "export jrnl: date, title and star" $'\\[2024-03-03 21:40\\] Called my sister, a hard call. \\*\n' "$jr"
t_match "export jrnl: tags the words lack, on a last line" $'Laughed a lot.\n@friends @movies-/-tv @music\n\n' "$jr"
t_match "export jrnl: tags already in the words are not repeated" $'about the #holiday in 2009.\n\n' "$jr"
# (a space in a tag is a "-" in jrnl)
before=$(pw list | awk -F'\t' -v OFS='\t' '{gsub(/ /, "-", $4); print $2, $3, $4}' | sort)
out=$(TEND_HOME=$T_TMP/second; "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
	pw import "$T_TMP/out.jrnl" 2>/dev/null >/dev/null; pw list | cut -f2- | sort)
t_eq "export jrnl: every entry comes back, with its title, time and tags" "$before" "$out"

# Privacy: what came in is only in the vault, encrypted.
t_eq "no imported word is readable in the vault folder" "" \
	"$(grep -rl -e heron -e 'Everything felt loud' "$TEND_HOME" 2>/dev/null)"
t_done
