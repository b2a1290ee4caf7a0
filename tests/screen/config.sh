# The config file's comfort settings and keys, on the real screens.
#
# Keys: `key.crisis = F2` adds F2 for crisis help, `key.write = none W` moves
# writing from w to W; the status bar shows F2 and W where it showed Ctrl-G
# and w (w itself does nothing any more); the keys overlay lists them.
# A hostile file (crisis unbound, Ctrl-G given to help, ! to lock) still
# leaves Ctrl-G opening crisis help, shown first in the status bar, with a
# warning naming the line; `tend keys` prints the same. Binding a letter
# (key.back = x) never takes it from the writing: x is typed into an entry.
# Junk lines: tend starts, and the status bar names the first bad line and
# how many more there are.
# date_format = dmy with week_start = sunday: the journal's day headings
# read "Monday 23/11/2026", and grouped by week the groups begin on Sundays.
# spacing = wide: a Learn page at 80x24 (golden config-wide) has a blank
# line between list items and wider margins.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 TEND_HOME=$T_TMP/vault
# "Now": Monday 23 November 2026, 18:30 UTC.
export TEND_NOW=1795458600
PASS='config screen passphrase'
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
tp init >/dev/null 2>&1
t_ok "a vault" test -s "$TEND_HOME/key"
seed() { local at=$1; shift; TEND_NOW=$at tp add "$@" >/dev/null; }
seed 1795038000 <<<$'Evening walk\nA slow walk by the river after dinner.'     # Wed 18 Nov
seed 1795332600 <<<$'Slept badly\nWoke at four and could not settle.'          # Sun 22 Nov
seed 1795424400 <<<$'Morning pages\nThree pages before breakfast.'             # Mon 23 Nov
cfg() { printf '%s\n' "region = US" "$@" >"$TEND_HOME/config"; }

# The home items, to find Journal and Learn by name.
cfg
printf 'size 60x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
t_match "the home screen lists Journal" '    Journal' "$(cat "$T_TMP/home.out")"

# ---- remapped keys -------------------------------------------------------------
cfg "key.crisis = F2" "key.write = none W" "key.back = x"
cat >"$T_TMP/remap" <<SCRIPT
size 24x200
type $PASS
key Enter
dump home
key w
dump w no longer writes
key W
dump W writes
type Box
key Ctrl-S
key Esc
dump x was typed, Esc still leaves
key F2
dump F2 opens crisis help
key Esc
key F1
dump the keys overlay
SCRIPT
"$SCREEN_BIN" "$T_TMP/remap" >"$T_TMP/remap.out" 2>&1
t_eq "remapped: tend runs" 0 $?
home=$(t_section "$T_TMP/remap.out" home | tail -n 1)
t_match "the status bar names F2 for crisis help" '^ F2  crisis help ' "$home"
t_match "... and W for write" ' W write ' "$home"
t_nomatch "... and not Ctrl-G or w" 'Ctrl-G| w write' "$home"
t_match "w alone stays on home" 'Welcome back' "$(t_section "$T_TMP/remap.out" "w no longer writes")"
t_match "W opens the write screen" 'New entry' "$(t_section "$T_TMP/remap.out" "W writes")"
t_match "the write screen's bar names F2 too" '^ F2  crisis help' \
	"$(t_section "$T_TMP/remap.out" "W writes" | tail -n 1)"
t_match "F2 opens crisis help" 'Crisis help: you do not have to go through this alone' \
	"$(t_section "$T_TMP/remap.out" "F2 opens crisis help")"
t_match "the keys overlay lists F2 for crisis help" 'F2 Ctrl-G !: Crisis help' \
	"$(t_section "$T_TMP/remap.out" "the keys overlay")"
t_match "... and W for write" 'W: write' "$(t_section "$T_TMP/remap.out" "the keys overlay")"
t_eq "an x typed into a title is text, though x means back elsewhere" 1 \
	"$(tp list | grep -c 'Box')"

# ---- a hostile file cannot take crisis help away -------------------------------
cfg "key.crisis = none" "key.help = Ctrl-G" "key.lock = !"
cat >"$T_TMP/hostile" <<SCRIPT
size 24x200
dump start with a hostile config
type $PASS
key Enter
key Ctrl-G
dump Ctrl-G
key Esc
$(t_downs "$T_TMP/home.out" Journal)
key Enter
key w
key Ctrl-G
dump Ctrl-G while writing
SCRIPT
"$SCREEN_BIN" "$T_TMP/hostile" >"$T_TMP/hostile.out" 2>&1
t_eq "hostile config: tend runs" 0 $?
bar=$(t_section "$T_TMP/hostile.out" "start with a hostile config" | tail -n 1)
# Line 2 took crisis help's keys; line 3 then gave Ctrl-G to help.
t_match "the warning names the line" 'config line 2: crisis help needs a key .*Ctrl-G kept' "$bar"
t_match "the bar still starts with Ctrl-G" '^ Ctrl-G  crisis help' "$bar"
t_match "Ctrl-G opens crisis help" 'Crisis help: you do not have to' \
	"$(t_section "$T_TMP/hostile.out" Ctrl-G)"
t_match "... while writing too" 'Crisis help: you do not have to' \
	"$(t_section "$T_TMP/hostile.out" "Ctrl-G while writing")"
keys=$("$TEND_BIN" keys 2>"$T_TMP/keys.err")
t_eq "tend keys: status 0" 0 $?
t_match "tend keys: crisis keeps Ctrl-G" $'\ncrisis +Ctrl-G +Crisis help' "$keys"
t_match "tend keys: ! is lock now, listed first" $'\nlock +! Ctrl-L ' "$keys"
t_match "tend keys: help lost Ctrl-G again" $'\nhelp +F1 \\? ' "$keys"
t_match "tend keys: the warning on standard error" 'tend: config line 2: crisis help' \
	"$(cat "$T_TMP/keys.err")"

t_exit "tend keys takes no arguments" 2 "$TEND_BIN" keys extra 2>/dev/null
t_match "tend keys --help says what it lists" 'key.ACTION' "$("$TEND_BIN" keys --help)"
t_match "without a config file: the keys tend ships with" $'\ncrisis +Ctrl-G ! ' \
	"$(TEND_HOME=$T_TMP/none "$TEND_BIN" keys 2>&1)"

# ---- junk lines ------------------------------------------------------------------
cfg "shoe_size = 9" "just words" "key.fly = F3" "date_format = soon" "spacing = double"
printf 'size 24x200\ndump junk\ntype %s\nkey Enter\ndump after a key\n' "$PASS" >"$T_TMP/junk"
"$SCREEN_BIN" "$T_TMP/junk" >"$T_TMP/junk.out" 2>&1
t_eq "junk lines: tend still starts" 0 $?
t_match "the bar names the first bad line and counts the rest" \
	"config line 2: unknown setting 'shoe_size'.*4 more" \
	"$(t_section "$T_TMP/junk.out" junk | tail -n 1)"
t_match "the unlock screen is there under it" 'Passphrase' "$(t_section "$T_TMP/junk.out" junk)"
t_match "and the vault opens" 'Welcome back' "$(t_section "$T_TMP/junk.out" "after a key")"
t_nomatch "the note goes with the next key" 'config line' \
	"$(t_section "$T_TMP/junk.out" "after a key" | tail -n 1)"
"$TEND_BIN" keys >/dev/null 2>"$T_TMP/junk.err"
t_eq "tend keys lists every problem, in line order" \
	"$(printf '%s\n' 2 3 4 5 6)" "$(sed -E 's/^tend: config line ([0-9]+):.*/\1/' "$T_TMP/junk.err")"

# ---- date format and week start in the journal ------------------------------
cfg "date_format = dmy" "week_start = sunday"
cat >"$T_TMP/dates" <<SCRIPT
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" Journal)
key Enter
dump by day
key m
dump by week
SCRIPT
"$SCREEN_BIN" "$T_TMP/dates" >"$T_TMP/dates.out" 2>&1
day=$(t_section "$T_TMP/dates.out" "by day")
t_match "day headings in dmy" $'\n  Monday 23/11/2026\n' "$day"
t_match "... every one" $'\n  Sunday 22/11/2026\n' "$day"
t_nomatch "no long dates left" 'November' "$day"
week=$(t_section "$T_TMP/dates.out" "by week")
t_match "Sunday 22 and Monday 23 share a week that starts on the Sunday" \
	$'\n  Week of 22/11/2026\n' "$week"
t_match "Wednesday 18 is in the week from Sunday 15" $'\n  Week of 15/11/2026\n' "$week"
t_eq "two week groups" 2 "$(grep -c '^  Week of' <<<"$week")"
cfg "date_format = iso"
"$SCREEN_BIN" "$T_TMP/dates" >"$T_TMP/iso.out" 2>&1
t_match "iso dates, weeks from Monday by default" $'\n  Week of 2026-11-23\n' \
	"$(t_section "$T_TMP/iso.out" "by week")"

# ---- wide spacing on a Learn page ---------------------------------------------
cfg "spacing = wide"
cat >"$T_TMP/wide" <<SCRIPT
size 24x80
type $PASS
key Enter
$(t_downs "$T_TMP/home.out" Learn)
key Enter
key Enter
dump the content note with wide spacing
key Enter
dump a Learn page with wide spacing
key F1
dump the keys overlay with wide spacing
SCRIPT
t_screen config-wide "$T_TMP/wide"
page=$(t_section "$T_TMP/config-wide.raw" "a Learn page with wide spacing")
t_match "the text starts six columns in" $'\n      [A-Z]' "$page"
# Bullets (one column each) as '*', then the longest text line.
longest() { sed -n '3,23p' | sed 's/•/*/g' | awk '{ n = length($0) > n ? length($0) : n } END { print n + 0 }'; }
t_ok "nothing in the right margin either (74 columns at most)" \
	test "$(longest <<<"$page")" -le 74
# Bullets right under a line with text, and bullets in all.
tight() { awk '/^ *•/ { all++; if (prev !~ /^ *$/) t++ } { prev = $0 } END { print t + 0, all + 0 }'; }
t_eq "list items have a blank line between them" "0 2" "$(tight <<<"$page")"
cfg
"$SCREEN_BIN" "$T_TMP/wide" >"$T_TMP/narrow.out" 2>&1
narrow=$(t_section "$T_TMP/narrow.out" "a Learn page with wide spacing")
t_match "without it, the same list is tight" '^[1-9][0-9]* [1-9]' "$(tight <<<"$narrow")"
t_ok "... and the text runs wider" test "$(longest <<<"$narrow")" -gt 74

t_done
