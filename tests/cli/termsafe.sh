# Output safe for the terminal: words that did not come from tend itself
# (an entry's title, tags and body, a homework pack, an opened report, a
# file quoted in a message) never reach the terminal as commands. Each
# holds an OSC 52 (writes the clipboard), an OSC 8 (a hidden link) and a
# CSI 2J (clears the screen); what tend prints holds no ESC byte, and the
# words are still there, shown as ^[. What goes to -o FILE is kept as is.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC TEND_NOW=1795420800
PASS='termsafe pass'
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
EX=$(dirname "$0")/../../content/examples

OSC52=$'\e]52;c;aGVsbG8=\a'
OSC8=$'\e]8;;https://example.invalid/\e\\click\e]8;;\e\\'
CLEAR=$'\e[2J'
ALL="$OSC52 $OSC8 $CLEAR"

# no_esc NAME TEXT: TEXT holds no ESC (nor BEL) byte, and shows the three
# sequences as text.
no_esc() {
	if [[ $2 == *$'\e'* || $2 == *$'\a'* ]]; then
		t_fail "$1" "an ESC or BEL byte reached the output: $(printf %q "${2:0:300}")"
	elif [[ $2 != *'^[]52;c;aGVsbG8=^G'* || $2 != *'^[]8;;https://example.invalid/^[\click'* ||
		$2 != *'^[[2J'* ]]; then
		t_fail "$1" "the sequences are not shown as text: $(printf %q "${2:0:300}")"
	else
		t_pass "$1"
	fi
}

"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
printf '%s\n%s\nsecond line\n' "title $ALL" "body $ALL" | pw add --tag "tag $ALL" >/dev/null

out=$(pw list)
no_esc "tend list" "$out"
t_eq "a title in tend list stays one row" 1 "$(wc -l <<<"$out")"
no_esc "tend show" "$(pw show 1)"
t_match "tend show keeps the body's lines" $'\nsecond line$' "$(pw show 1)"
no_esc "tend search" "$(pw search click)"

# A check-in's tags and note, read back with tend checkins.
printf 'note %s\nnext line\n' "$ALL" | pw mood 4 --tag "mood $ALL" --emotion sad/lonely --emotion sad/grieving --note - >/dev/null
out=$(pw checkins list)
no_esc "tend checkins list" "$out"
t_match "tend checkins list shows feelings as words" $'\tlonely, grieving\t' "$out"
out=$(pw checkins show "$(cut -f1 <<<"$out" | head -1)")
no_esc "tend checkins show" "$out"
t_match "tend checkins show keeps the note's lines" $'\nnext line$' "$out"
t_match "tend checkins show: feelings as words" 'feelings: lonely, grieving' "$out"

# The safety plan, as a tend export brings it in.
pw export -o "$T_TMP/plan.json" 2>/dev/null
plan='"settings": [{"key": "safety.0", "value": "signs \\u001b]52;c;aGVsbG8=\\u0007 \\u001b]8;;https://example.invalid/\\u001b\\\\click\\u001b]8;;\\u001b\\\\ \\u001b[2J\\nnext line"}]'
sed -i "s|\"settings\": \[\]|$plan|" "$T_TMP/plan.json"
t_ok "a tend export with a safety plan in it" grep -q 'safety.0' "$T_TMP/plan.json"
pw import "$T_TMP/plan.json" >/dev/null 2>&1
out=$(pw safety-plan)
no_esc "tend safety-plan" "$out"
t_match "tend safety-plan keeps a part's lines" $'\nnext line' "$out"

# A pack from someone else, shown by a dry run, the list and an error.
# (Bash replaces, not sed: the sequences hold backslashes.)
pack=$(<"$EX/grounding-week.md")
pack=${pack/title: A grounding week/"title: Week $ALL"}
pack=${pack/note: Small/"note: $ALL Small"}
pack=${pack/"## Slow breathing"/"## Slow $ALL breathing"}
printf '%s\n' "$pack" >"$T_TMP/pack.md"
no_esc "tend homework import --dry-run" "$("$TEND_BIN" homework import --dry-run "$T_TMP/pack.md")"
pw homework import "$T_TMP/pack.md" >/dev/null
no_esc "tend homework list" "$(pw homework list)"
pack=$(<"$EX/grounding-week.md")
printf '%s\n' "${pack/kind: read/"kind: read $ALL"}" >"$T_TMP/bad.md"
err=$("$TEND_BIN" homework import --dry-run "$T_TMP/bad.md" 2>&1)
t_match "a pack error still names the line" 'line [0-9]+:' "$err"
no_esc "a pack error that quotes the file" "$err"

# Reports: the preview is for reading; the report itself is a document
# (tend report refuses a terminal), kept byte for byte in a file or a pipe.
R="--from 2026-11-20 --to 2026-11-26 --entry 1"
out=$(pw report $R --dry-run 2>/dev/null)
t_match "tend report --dry-run names the entry" '1  2026-11-23' "$out"
t_nomatch "tend report --dry-run holds no ESC" $'\e' "$out"
pw report $R -o "$T_TMP/r.md" 2>/dev/null
t_ok "tend report -o keeps the words as they are" grep -q $'\e]52;c;aGVsbG8=\a' "$T_TMP/r.md"
pw report $R >"$T_TMP/r-stdout.md" 2>/dev/null
t_ok "tend report > FILE is the same as -o" cmp -s "$T_TMP/r.md" "$T_TMP/r-stdout.md"
TP='therapist words'
tk() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$TP"; }
mkdir -p "$T_TMP/therapist"
pk=$(tk keygen -o "$T_TMP/therapist" 2>/dev/null)
pw report $R --seal-to "$pk" -o "$T_TMP/r.sealed" 2>/dev/null
KEY=$T_TMP/therapist/tend-therapist.key
# Opened on a terminal, the report is not shown there at all: it goes
# beside the sealed file, as it was sealed, and what open-report does say
# (names, the fingerprint) carries no sequence. util-linux's script(1)
# gives it a terminal and keeps every byte it wrote; elsewhere tmux does.
printf '%s\n' "$TP" >"$T_TMP/tp"
cp "$T_TMP/r.sealed" "$T_TMP/tty.sealed"
OPEN="'$TEND_BIN' --passphrase-fd 3 open-report '$T_TMP/tty.sealed' -k '$KEY' 3<'$T_TMP/tp'"
if script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	script -qec "$OPEN" /dev/null </dev/null >"$T_TMP/tty.out"
	out=$(tr -d '\r' <"$T_TMP/tty.out")
	t_ok "tend open-report on a terminal sends no ESC or BEL" test -n "${out##*[$'\e\a']*}"
	t_nomatch "and shows none of the report" "marker" "$(cat "$T_TMP/tty.out")"
elif command -v tmux >/dev/null; then
	SOCK=tend-termsafe-$$
	tmux -L "$SOCK" new-session -d -x 200 -y 50 "$OPEN; sleep 5"
	sleep 1
	pane=$(tmux -L "$SOCK" capture-pane -p -J -S -100)
	tmux -L "$SOCK" kill-server 2>/dev/null
	t_nomatch "tend open-report on a terminal shows none of the report" "marker" "$pane"
else
	t_fail "script(1) from util-linux or tmux, to give open-report a terminal"
fi
t_ok "it went beside the sealed file, as it was" cmp -s "$T_TMP/r.md" "$T_TMP/tty.md"
tk open-report "$T_TMP/r.sealed" -k "$KEY" -o "$T_TMP/opened.md" 2>/dev/null
t_ok "tend open-report -o keeps the words as they are" cmp -s "$T_TMP/r.md" "$T_TMP/opened.md"
tk open-report "$T_TMP/r.sealed" -k "$KEY" -o - >"$T_TMP/opened-stdout.md" 2>/dev/null
t_ok "tend open-report > FILE too" cmp -s "$T_TMP/r.md" "$T_TMP/opened-stdout.md"

# Messages that quote a file or the command line.
printf '{"tags": {}, "entries": [\n {"title": "t", "body": "", "date": "%s", "time": "08:15", "tags": [], "starred": false}\n]}\n' \
	'\u001b]52;c;aGVsbG8=\u0007 \u001b]8;;https://example.invalid/\u001b\\click\u001b]8;;\u001b\\ \u001b[2J' \
	>"$T_TMP/bad-jrnl.json"
err=$(pw import --format jrnl "$T_TMP/bad-jrnl.json" 2>&1)
t_match "an import error names the entry" 'entry 1' "$err"
no_esc "an import error that quotes the file" "$err"
mkdir -p "$T_TMP/conf"
printf 'spacing = %s\n' "$CLEAR" >"$T_TMP/conf/config"
err=$(TEND_HOME=$T_TMP/conf "$TEND_BIN" keys 2>&1 >/dev/null)
t_match "a config warning names its line" 'config line 1' "$err"
t_nomatch "a config warning that quotes the file holds no ESC" $'\e' "$err"
err=$("$TEND_BIN" "cmd$CLEAR" 2>&1)
t_nomatch "a usage error that quotes the command line holds no ESC" $'\e' "$err"
t_match "and shows it" 'cmd\^\[\[2J' "$err"

# The export is the data itself: kept byte for byte.
pw export -o "$T_TMP/all.json" 2>/dev/null
t_ok "tend export keeps the words as they are" grep -qiF 'title \u001b]52;c;aGVsbG8=\u0007' "$T_TMP/all.json"

t_done
