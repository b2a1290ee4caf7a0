# Quick capture and finding from the command line: add --prompt, search
# with words (argument or standard input) and filters; results newest first.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"journal pass"; }

"$TEND_BIN" --passphrase-fd 3 init 3<<<"journal pass" >/dev/null 2>&1
TZ=UTC TEND_NOW=1795420800 pw add --tag calm <<<$'River walk\nI walked by the river at dawn.' >/dev/null
TZ=UTC TEND_NOW=1795507200 pw add --prompt=safe <<<$'Office\nThe office was loud.' >/dev/null 2>"$T_TMP/err"
t_match "--prompt=ID shows that prompt" 'Prompt: Describe a place' "$(cat "$T_TMP/err")"
out=$(pw show 2)
t_match "show prints the prompt kept with the entry" 'Prompt: Describe a place' "$out"
pw add --prompt <<<$'Third\nbody' >/dev/null 2>"$T_TMP/err"
t_match "--prompt alone shows today's prompt" '^Prompt: .+' "$(head -1 "$T_TMP/err")"
t_exit "--prompt with an unknown id is a usage error" 2 pw add --prompt=nope <<<$'x\ny'

out=$(pw search walk)
t_eq "search finds by word prefix" "1	$(TZ=UTC date -u -d @1795420800 +%FT%H:%M)	River walk" "$out"
out=$(echo "loud" | pw search -)
t_match "search reads words from stdin with -" $'^2\t.*\tOffice$' "$out"
out=$(pw search --tag calm)
t_match "search by tag alone" 'River walk' "$out"
out=$(TZ=UTC pw search --from 2026-11-24 office)
t_match "search with a date range" 'Office' "$out"
out=$(TZ=UTC pw search --to 2026-11-23 office)
t_eq "a date range can exclude" "" "$out"
err=$(pw search nothinglikethis 2>&1 >/dev/null)
t_match "no match says so on stderr" 'no entries match' "$err"
t_exit "no words and no filter is a usage error" 2 pw search
t_exit "a bad date is a usage error" 2 pw search --from 2026-13-01 x
# Written later about an earlier day: search lists by the day written,
# newest first, not in the order the entries were added.
TZ=UTC TEND_NOW=1795000000 pw add <<<$'Older river\nThe river in spring.' >/dev/null
out=$(pw search river | cut -f1 | tr '\n' ' ')
t_eq "search results come newest first" "1 4 " "$out"
out=$(pw search '"walk*(' 2>/dev/null)
t_match "search syntax in the words is just text" 'River walk' "$out"

t_done
