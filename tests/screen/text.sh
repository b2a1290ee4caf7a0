# What an entry holds, shown on the full screen as it should be: terminal
# commands (an OSC 52, an OSC 8, a CSI 2J) and bidi overrides in a title
# and a body never reach the terminal (each is drawn as a replacement
# mark), and a tab in the text reads as spaces to the next stop in the
# reader, as in the editor (it was a replacement mark). Each mark takes a
# column, so a title with controls in it is cut to its row (it ran into
# the next one). The golden file
# holds the journal list and the reader. F1 on the write screen lists
# only keys that act there, not letters that just type. An entry without
# a title is "(untitled)" wherever it is named. Search lists newest first.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
export TEND_HOME=$T_TMP/vault TEND_NOW=1795458600
unset NO_COLOR
PASS='text screen passphrase'
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tp init >/dev/null 2>&1
printf 'region = US\n' >>"$TEND_HOME/config"
printf 'Clip \e]52;c;aGk=\a and \e]8;;https://example.invalid/\e\\link\e]8;;\e\\ x\xe2\x80\xaeevil\nbody \e[2J then\ta tab\n\tindented line\n' |
	tp add >/dev/null

printf 'size 60x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
{
	printf 'type %s\nkey Enter\n' "$PASS"
	t_downs "$T_TMP/home.out" Journal
	printf 'key Enter\ndump list\nkey Enter\ndump reader\n'
} >"$T_TMP/read.script"
t_screen text-reader "$T_TMP/read.script"
raw=$(cat "$T_TMP/text-reader.raw")
t_nomatch "no ESC reaches the screen" $'\e' "$raw"
t_nomatch "no BEL reaches the screen" $'\a' "$raw"
t_nomatch "no right-to-left override reaches the screen" $'\u202e' "$raw"
t_match "a title with controls in it stays on its row" '^ {11}body' \
	"$(t_section "$T_TMP/text-reader.raw" list | sed -n 5p)"
reader=$(t_section "$T_TMP/text-reader.raw" reader)
t_nomatch "a tab in the reader is not a replacement mark" $'\ufffd(then|a tab|indented)' "$reader"
t_match "a tab in the reader is spaces to the next stop" $'\n      indented line' "$reader"

# F1 while writing lists only keys that act there: a letter or other
# character key types itself in the editor (it listed "s Ctrl-S", "c F2",
# "Esc q", "Ctrl-G !").
{
	printf 'size 60x100\ntype %s\nkey Enter\nkey w\nkey F1\ndump keys while writing\n' "$PASS"
	printf 'key Esc\nkey Esc\nkey F1\ndump keys at home\n'
} >"$T_TMP/keys.script"
"$SCREEN_BIN" "$T_TMP/keys.script" >"$T_TMP/keys.out" 2>&1
# char_keys LABEL: the key lists in that dump that hold a one-character key.
char_keys() {
	t_section "$T_TMP/keys.out" "$1" | sed -n 's/^  • \([^:]*\):.*/\1/p' |
		awk '{ for (i = 1; i <= NF; i++) if (length($i) == 1) { print; break } }'
}
writing=$(t_section "$T_TMP/keys.out" "keys while writing")
t_match "F1 while writing lists the keys" 'Ctrl-S: save' "$writing"
t_match "and the keys that work everywhere" 'Ctrl-G: Crisis help' "$writing"
t_eq "but no letter or other character key" "" "$(char_keys "keys while writing")"
t_match "F1 at home still lists the letter keys" 'Up k: Move up' \
	"$(t_section "$T_TMP/keys.out" "keys at home")"

# One word for an entry without a title, everywhere it is named (the
# report screen said "(no title)", --plain "with no title" and "(none)",
# the command line nothing at all).
{
	printf 'type %s\nkey Enter\nkey w\nkey Tab\ntype only-a-body here\nkey Ctrl-S\nkey Esc\n' "$PASS"
	t_downs "$T_TMP/home.out" Journal
	printf 'key Enter\ndump list\nkey Enter\ndump reader\n'
} >"$T_TMP/untitled.script"
"$SCREEN_BIN" "$T_TMP/untitled.script" >"$T_TMP/untitled.out" 2>&1
id=$(tp search only-a-body | cut -f1)
t_match "an entry written with no title" '^[0-9]+$' "$id"
t_match "the journal calls it (untitled)" '[0-9]{2}:[0-9]{2}  \(untitled\)' \
	"$(t_section "$T_TMP/untitled.out" list)"
t_match "so does the reader" '^  \(untitled\)' "$(t_section "$T_TMP/untitled.out" reader)"
t_match "tend list" $'\t\\(untitled\\)\t' "$(tp list)"
t_match "tend search" $'\t\\(untitled\\)$' "$(tp search only-a-body)"
t_match "tend show" '^\(untitled\)' "$(tp show "$id")"
t_match "tend report --dry-run" "$id  [0-9-]+ [0-9:]+  \\(untitled\\)" \
	"$(tp report --from 2026-11-20 --to 2026-11-26 --entry "$id" --dry-run 2>/dev/null)"

# Search on screen lists newest first by the day written, not in the order
# the entries were added (the later-added one is about an earlier day).
printf 'Later river\nBy the river in the evening.\n' | TEND_NOW=1795400000 tp add >/dev/null
printf 'Earlier river\nThe river in spring.\n' | TEND_NOW=1795000000 tp add >/dev/null
{
	printf 'type %s\nkey Enter\n' "$PASS"
	t_downs "$T_TMP/home.out" Journal
	printf 'key Enter\nkey /\ntype river\ndump search river\n'
} >"$T_TMP/search.script"
"$SCREEN_BIN" "$T_TMP/search.script" >"$T_TMP/search.out" 2>&1
found=$(t_section "$T_TMP/search.out" "search river" | grep -oE '(Later|Earlier) river' | tr '\n' '|')
t_eq "search on screen: newest first" "Later river|Earlier river|" "$found"

t_done
