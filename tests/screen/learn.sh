# The Learn section: the list, the content note screen (read on, skip, back),
# a page at 60 and 120 columns, the table of contents, search (found, next,
# nothing found), a resize in the middle of a page that keeps the place, the
# sources at the end, and the reading place kept in the vault across a lock
# and across runs ("started" in the list).
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_HOME=$T_TMP/vault
PASS='learn screen passphrase'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
t_ok "a vault to read in" test -s "$TEND_HOME/key"

# How many Downs from the top of the home menu to "Learn", read from the
# home screen itself, so the scripts do not depend on the menu's order.
printf 'size 60x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
n=$(t_section "$T_TMP/home.out" home |
	awk 'prev == "" && /^    [^ ]/ { i++; if ($0 ~ /^    Learn$/) { print i - 1; exit } } { prev = $0 }')
t_match "the home screen has a Learn item" '^[0-9]+$' "$n"
to_learn=$(for ((i = 0; i < ${n:-0}; i++)); do echo "key Down"; done)

cat >"$T_TMP/narrow" <<SCRIPT
size 24x60
type $PASS
key Enter
$to_learn
key Enter
dump the list
key Down
key Enter
dump a content note first
key s
dump skip goes to the next page, which has its own note
key Esc
key Enter
key Enter
dump reading at 60 columns
key t
dump contents
key Down
key Down
key Enter
dump jumped to a heading
key /
type trust
dump the search prompt
key Enter
dump the first match from the top of the screen
colors
key n
dump the next match
colors
key N
dump back to the first
resize 24x120
dump the same place at 120 columns
resize 24x60
dump and back at 60 columns
key G
dump the end: sources and the review date
key Ctrl-L
type $PASS
key Enter
$to_learn
key Enter
key Down
key Enter
key Enter
dump after a lock, back where it was
key Esc
dump the list marks it started
SCRIPT
t_screen learn-narrow "$T_TMP/narrow"

cat >"$T_TMP/wide" <<SCRIPT
size 30x120
type $PASS
key Enter
$to_learn
key Enter
dump the list at 120 columns, one page started
key Down
key Enter
key Enter
dump reading resumes where the last run stopped
key g
key /
type no such words here
key Enter
dump nothing found
key t
key End
key Enter
dump contents: the sources
key Esc
key Down
key Down
key Down
key Down
key Enter
dump a page without a content note opens directly
SCRIPT
t_screen learn-wide "$T_TMP/wide"

# A page added with the review (issue 18): Dissociation and flashbacks,
# eleventh in the list, opens on its content note, then reads; the
# sources close it.
cat >"$T_TMP/flashbacks" <<SCRIPT
size 30x100
type $PASS
key Enter
$to_learn
key Enter
$(for ((i = 0; i < 10; i++)); do echo "key Down"; done)
key Enter
dump the dissociation page's content note
key Enter
dump reading it
key G
dump its sources
SCRIPT
t_screen learn-flashbacks "$T_TMP/flashbacks"
t_match "the new page opens on its content note" "Dissociation and flashbacks" \
	"$(t_section "$T_TMP/learn-flashbacks.raw" "the dissociation page's content note")"
t_match "it opens at the top" "What dissociation is" "$(t_section "$T_TMP/learn-flashbacks.raw" "reading it")"
t_match "and ends with its sources" "Brewin, C. R." "$(t_section "$T_TMP/learn-flashbacks.raw" "its sources")"

t_done
