# tend export: the whole vault as JSON, only where the person asks, with a
# warning that it is not encrypted; nothing is written on a wrong
# passphrase or a bad option.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC TEND_NOW=1795420800
PASS='export pass'
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
echo 'marker-export-body a quiet evening' | pw add --tag calm >/dev/null
echo 'marker-export-note, "quoted"' | pw mood 6 --emotion tired --note - >/dev/null

err=$(pw export -o "$T_TMP/out.json" 2>&1 >/dev/null)
t_match "export says it is not encrypted" "NOT encrypted" "$err"
t_eq "the file is the person's alone" 600 "$(stat -c %a "$T_TMP/out.json")"
json=$(cat "$T_TMP/out.json")
t_match "it names its format and version" '"format": "tend-export",[[:space:]]*"version": 2,' "$json"
t_match "the entry is in it" '"title": "marker-export-body a quiet evening"' "$json"
t_match "with its tag" '"name": "calm"' "$json"
t_match "and the check-in" '"score": 6' "$json"
t_eq "standard output gets the same" "$json" "$(pw export 2>/dev/null)"

t_exit "an unknown format is a usage error" 2 pw export --format xml -o "$T_TMP/x"
t_exit "extra words are a usage error" 2 pw export now
"$TEND_BIN" --passphrase-fd 3 export -o "$T_TMP/wrong.json" 3<<<"not it" >/dev/null 2>&1
t_eq "a wrong passphrase exits 3" 3 $?
t_ok "and writes nothing" test ! -e "$T_TMP/wrong.json"
t_eq "no export lands in the vault folder" "" "$(grep -rl marker-export "$TEND_HOME" 2>/dev/null)"

# Never into the vault folder (TEND_HOME), however the path is spelt: the
# export would sit beside the vault in plain text, or replace the vault.
snap() { (cd "$TEND_HOME" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum); }
before=$(snap)
ln -s "$TEND_HOME" "$T_TMP/link-to-vault"
mkdir -p "$TEND_HOME/sub"
for target in "$TEND_HOME/tend.db" "$TEND_HOME/key" "$TEND_HOME/notes.json" \
	"$TEND_HOME/sub/notes.json" "$T_TMP/link-to-vault/tend.db" "$TEND_HOME/../vault/x.json" \
	"$T_TMP/link-to-vault/./sub/../y.json" "$TEND_HOME/"; do
	for f in json md csv; do
		err=$(pw export --format $f -o "$target" 2>&1 >/dev/null); rc=$?
		t_eq "export $f -o $target: refused (exit 1)" 1 "$rc"
		t_match "... says what and why" "Refused to write the export inside the vault folder .*unencrypted, or overwrite the vault's own files.*Nothing was written" "$err"
	done
done
err=$(cd "$TEND_HOME/sub" && pw export -o ../relative.json 2>&1 >/dev/null)
t_match "a relative path into the vault folder is refused" "Refused to write the export" "$err"
ln -s "$TEND_HOME/tend.db" "$T_TMP/innocent.json"
err=$(pw export -o "$T_TMP/innocent.json" 2>&1 >/dev/null)
t_match "a link outside pointing at tend.db is refused" "Refused to write the export" "$err"
rm "$T_TMP/innocent.json"
rmdir "$TEND_HOME/sub"
t_eq "the vault folder is exactly as it was" "$before" "$(snap)"
t_ok "and the vault still opens" pw verify
pw export -o "$T_TMP/vault-sibling.json" 2>/dev/null
t_eq "a file beside the vault folder (not in it) is fine" 0 $?

# Markdown and CSV: the same rules as JSON.
mkdir "$T_TMP/md" "$T_TMP/csv"
for f in md csv; do
	err=$(cd "$T_TMP/$f" && pw export --format $f -o "out.$f" 2>&1 >/dev/null)
	t_match "$f: says it is not encrypted" "NOT encrypted" "$err"
	t_eq "$f: the file is the person's alone" 600 "$(stat -c %a "$T_TMP/$f/out.$f")"
	t_eq "$f: nothing but the file asked for" "out.$f" "$(ls -A "$T_TMP/$f")"
	t_eq "$f: standard output gets the same" "$(cat "$T_TMP/$f/out.$f")" \
		"$(pw export --format $f 2>/dev/null)"
	"$TEND_BIN" --passphrase-fd 3 export --format $f -o "$T_TMP/wrong.$f" 3<<<"not it" \
		>/dev/null 2>&1
	t_eq "$f: a wrong passphrase exits 3" 3 $?
	t_ok "$f: and writes nothing" test ! -e "$T_TMP/wrong.$f"
done
md=$(cat "$T_TMP/md/out.md")
t_match "md: a header saying it is not encrypted" \
	"^# tend journal, exported Monday, 23 November 2026.*NOT encrypted" "$md"
t_match "md: one heading for the day" "## Monday, 23 November 2026" "$md"
t_match "md: the entry, with its tag" \
	"Journal entry: marker-export-body a quiet evening"$'\n\n'"- Tags: calm" "$md"
t_match "md: the check-in, with its note" \
	"Check-in: 6/10.*- Emotions: tired.*- Note: marker-export-note" "$md"
csv=$(cat "$T_TMP/csv/out.csv")
t_match "csv: the header row" "^kind,date,time,utc_offset,score," "$csv"
t_match "csv: the check-in, its note quoted" \
	'check-in,2026-11-23,08:00,UTC\+00:00,6,tired,.*"marker-export-note, ""quoted"""' "$csv"
t_nomatch "csv: journal entries stay out" "marker-export-body" "$csv"
t_eq "csv: two lines, each ending CRLF" 2 "$(grep -c $'\r$' "$T_TMP/csv/out.csv")"
t_eq "no marker anywhere in the vault folder" "" \
	"$(grep -rla -e marker-export-body -e marker-export-note "$TEND_HOME" 2>/dev/null)"
if command -v script >/dev/null; then
	t_exit "md: refused to a terminal's screen" 2 \
		script -qec "$TEND_BIN --passphrase-fd 3 export --format md 3</dev/null" /dev/null
fi
# Round trip: a new vault that imports the export exports the same data.
printf '3\na door slammed\nkitchen\n8\n1\n4\n6\n' | pw trigger >/dev/null 2>&1
echo 'second entry' | pw add --tag calm --tag night >/dev/null
pw export -o "$T_TMP/a.json" 2>/dev/null
B=$T_TMP/vault-b
TEND_HOME=$B "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
pb() { TEND_HOME=$B "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
out=$(pb import --dry-run "$T_TMP/a.json")
t_match "a dry run says what the file holds" "rows in a tend export:.* entries 2;.* moods 1;" "$out"
t_match "and the dates it spans" "from 2026-11-23 to 2026-11-23" "$out"
t_match "and that it changed nothing" "Nothing was imported" "$out"
t_eq "after a dry run the vault is still empty" "" "$(pb list)"
t_match "importing says so" "Imported, all of it" "$(pb import "$T_TMP/a.json")"
pb export -o "$T_TMP/b.json" 2>/dev/null
t_eq "export, import, export gives the same data" \
	"$(grep -v exported_at "$T_TMP/a.json")" "$(grep -v exported_at "$T_TMP/b.json")"
t_match "and the search index is rebuilt" "second entry" "$(pb search second)"
# Into a vault in use: only what is not there yet, all or nothing.
out=$(pb import "$T_TMP/a.json")
t_match "importing the same export again adds nothing" \
	"Into the vault as it is: added 0 rows; [0-9]+ already there, skipped" "$out"
t_eq "nothing doubled" 2 "$(pb list | wc -l)"
echo 'marker-merge-new a third entry' | pw add --tag calm >/dev/null
pw mood 3 >/dev/null
pw export -o "$T_TMP/a2.json" 2>/dev/null
echo 'only in b' | pb add >/dev/null
out=$(pb import --dry-run "$T_TMP/a2.json")
t_match "a dry run counts what a merge would add" \
	"would add 3 rows \(entries 1; entry_tags 1; moods 1\)" "$out"
t_eq "and adds nothing" 3 "$(pb list | wc -l)"
out=$(pb import "$T_TMP/a2.json")
t_match "a partial overlap adds only the new" "added 3 rows \(entries 1; entry_tags 1; moods 1\)" "$out"
t_eq "b has its own entry and a's three" 4 "$(pb list | wc -l)"
t_match "the new entry is found by search" "marker-merge-new" "$(pb search third)"
pb export -o "$T_TMP/b2.json" 2>/dev/null
# A broken copy of the same file: a check-in linked to a row it lacks.
sed 's/"mood_id": null/"mood_id": 99/' "$T_TMP/a2.json" >"$T_TMP/broken.json"
err=$(pb import "$T_TMP/broken.json" 2>&1)
t_eq "a malformed file exits 4" 4 $?
t_match "and names the row and column" \
	"entries, row [0-9]+: column 'mood_id': there is no row 99 in tables.moods" "$err"
pb export -o "$T_TMP/b3.json" 2>/dev/null
t_eq "and changes nothing" "$(grep -v exported_at "$T_TMP/b2.json")" \
	"$(grep -v exported_at "$T_TMP/b3.json")"

# Odd files: a clear message, exit 4, and nothing changed.
F=$(dirname "$0")/../fixtures/tend-json
C=$T_TMP/vault-c
TEND_HOME=$C "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
pc() { TEND_HOME=$C "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
while IFS='|' read -r file want; do
	err=$(pc import "$F/$file" 2>&1)
	rc=$?
	t_eq "$file: exits 4" 4 "$rc"
	t_match "$file: says what is wrong" "$want" "$err"
done <<'LIST'
bad-syntax.json|line 6, column [0-9]+:
not-tend.json|not a tend export
newer-schema.json|newer tend \(schema 999
unknown-table.json|tables\.passwords: tend has no such table
bad-value.json|moods, row 1, column 'score': a value is a number, text or null
refused-row.json|moods, row 1: A row of moods was refused
unknown-column.json|is not a column name
LIST
t_eq "a refused row leaves the vault as it was (all or nothing)" "" "$(pc list)"
t_nomatch "nothing from the bad files got in" "fixture-kept-out" "$(pc export 2>/dev/null)"
t_exit "a missing file exits 1" 1 pc import "$T_TMP/none.json"
t_exit "an unknown format is a usage error" 2 pc import --format xml "$F/not-tend.json"
t_done
