# The crisis key from every top-level screen: Ctrl-G everywhere, and "!"
# where no text is being typed (on the unlock screen "!" is part of the
# passphrase). From the unlock screen, the home screen, the Learn list, a
# Learn page and the help overlay, the same crisis screen opens, with the
# region's lines and their "number checked" dates, and Esc goes back to the
# screen it came from; Ctrl-G on the crisis screen itself opens no second
# copy. "r" opens the region list; choosing Australia shows Lifeline
# (13 11 14) and 000, and `config` holds region = AU. At 40x10, below the
# 60x18 minimum, the crisis screen is still drawn (VIEW_ANY_SIZE) while the
# home screen asks for a larger window, and growing the window brings the
# home screen back.
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TEND_NOW=1795420800 LANG=C.UTF-8 TEND_HOME=$T_TMP/vault
PASS='crisis screen passphrase'
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
t_ok "a vault" test -s "$TEND_HOME/key"
# The region a first run would have chosen. (Without one, LANG=C.UTF-8
# gives "Everywhere else", checked at the end of this file.)
printf 'region = US\n' >"$TEND_HOME/config"

# How many Downs from the top of the home menu to "Learn" (each item is a
# title line after a blank line), so the script does not depend on the
# menu's order.
printf 'size 60x100\ntype %s\nkey Enter\ndump home\n' "$PASS" >"$T_TMP/home.script"
"$SCREEN_BIN" "$T_TMP/home.script" >"$T_TMP/home.out" 2>&1
n=$(t_section "$T_TMP/home.out" home |
	awk 'prev == "" && /^    [^ ]/ { i++; if ($0 ~ /^    Learn$/) { print i - 1; exit } } { prev = $0 }')
t_match "the home screen has a Learn item" '^[0-9]+$' "$n"
to_learn=$(for ((i = 0; i < ${n:-0}; i++)); do echo "key Down"; done)

cat >"$T_TMP/everywhere" <<SCRIPT
type !
dump on the unlock screen ! is typed into the field
key Ctrl-U
key Ctrl-G
dump crisis from the unlock screen
key Esc
dump Esc: the unlock screen
type $PASS
key Enter
key Ctrl-G
dump crisis from the home screen (Ctrl-G)
key Ctrl-G
key Esc
dump Ctrl-G on the crisis screen opens no second copy: one Esc is home
key !
dump crisis from the home screen (!)
key Esc
$to_learn
key Enter
key Ctrl-G
dump crisis from the Learn list (Ctrl-G)
key Esc
dump Esc: the Learn list
key !
dump crisis from the Learn list (!)
key Esc
key Enter
key Enter
key Down
key Ctrl-G
dump crisis from a Learn page (Ctrl-G)
key Esc
dump Esc: the same page, one line down
key !
dump crisis from a Learn page (!)
key Esc
dump Esc: the page again
SCRIPT
t_screen crisis-everywhere "$T_TMP/everywhere"
raw=$T_TMP/crisis-everywhere.raw
first=$(t_section "$raw" "crisis from the unlock screen")
t_match "the crisis screen: the emergency number" "call 911" "$first"
t_match "the crisis screen: the region's lines" "Crisis lines: United States.*988 Suicide & Crisis Lifeline" \
	"$(tr '\n' ' ' <<<"$first")"
t_match "the crisis screen: when each number was checked" "number checked 20[0-9]{2}-[0-9]{2}-[0-9]{2}" "$first"
for from in "the home screen (Ctrl-G)" "the home screen (!)" "the Learn list (Ctrl-G)" \
	"the Learn list (!)" "a Learn page (Ctrl-G)" "a Learn page (!)"; do
	t_eq "crisis from $from: the same screen" "$first" "$(t_section "$raw" "crisis from $from")"
done

# The help overlay (over the unlock screen). Its own look is shell.sh's
# business, and it changes with the action table, so it is compared with
# itself here, not with a golden file.
cat >"$T_TMP/help" <<'SCRIPT'
key F1
dump the help overlay
key Ctrl-G
dump crisis from the help overlay (Ctrl-G)
key Esc
dump Esc: the help overlay again
key !
dump crisis from the help overlay (!)
key Esc
dump Esc: the help overlay again (2)
key Esc
dump Esc: the unlock screen
SCRIPT
"$SCREEN_BIN" "$T_TMP/help" >"$T_TMP/help.out" 2>&1
t_eq "help overlay: the run ends with status 0" 0 $?
out=$T_TMP/help.out
t_match "the help overlay opens over the unlock screen" "^  Keys" \
	"$(t_section "$out" "the help overlay")"
t_eq "crisis from the help overlay (Ctrl-G): the same screen" "$first" \
	"$(t_section "$out" "crisis from the help overlay (Ctrl-G)")"
t_eq "crisis from the help overlay (!): the same screen" "$first" \
	"$(t_section "$out" "crisis from the help overlay (!)")"
t_eq "Esc from crisis help: the help overlay as it was" \
	"$(t_section "$out" "the help overlay")" "$(t_section "$out" "Esc: the help overlay again")"
t_eq "Esc from crisis help (!): the help overlay as it was" \
	"$(t_section "$out" "the help overlay")" "$(t_section "$out" "Esc: the help overlay again (2)")"
t_match "Esc closes the overlay: the unlock screen" "Your journal is locked" \
	"$(t_section "$out" "Esc: the unlock screen")"

# Another region, then a window below the minimum size.
cat >"$T_TMP/region" <<SCRIPT
type $PASS
key Enter
key Ctrl-G
dump crisis help, region United States
key r
dump r on the crisis screen: the region list, United States chosen now
colors
key Down
key Down
key Down
key Down
key Down
dump five down: Australia
colors
key Enter
dump crisis help for Australia
key Esc
dump Esc: home
resize 10x40
dump home at 40x10: please make this window larger
key Ctrl-G
dump crisis at 40x10: still drawn
key Esc
dump Esc: the small-window message again
resize 24x80
dump 80x24 again: the home screen
SCRIPT
t_screen crisis-region "$T_TMP/region"
raw=$T_TMP/crisis-region.raw
t_match "Australia: Lifeline 13 11 14 and 000" "call 000 .*Crisis lines: Australia.*Lifeline +13 11 14" \
	"$(t_section "$raw" "crisis help for Australia" | tr '\n' ' ')"
t_eq "config holds the new region" "region = AU" "$(grep '^region' "$TEND_HOME/config")"
t_match "40x10: the crisis screen shows the emergency number" "call 000 now" \
	"$(t_section "$raw" "crisis at 40x10: still drawn" | tr '\n' ' ' | tr -s ' ')"
t_match "40x10: the home screen asks for a larger window" "Please make this window larger" \
	"$(t_section "$raw" "home at 40x10: please make this window larger")"

# Was a bug: with no region chosen and a locale that names no country (for
# example LANG=C.UTF-8, or any vault made with `tend init`), the crisis
# screen said "call local emergency number now." ("your" was missing from
# the "Everywhere else" row of content/crisis/regions.tsv).
export TEND_HOME=$T_TMP/intl
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
printf 'key Ctrl-G\ndump crisis\n' >"$T_TMP/intl.script"
"$SCREEN_BIN" "$T_TMP/intl.script" >"$T_TMP/intl.out" 2>&1
intl=$(t_section "$T_TMP/intl.out" crisis | tr '\n' ' ' | tr -s ' ')
t_match "no region and LANG=C.UTF-8: lines for any country" "Crisis lines that work in any country" "$intl"
t_match "Everywhere else: \"call your local emergency number\"" "call your local emergency number" "$intl"
# Was a bug: at 40 columns the crisis screen's title "Crisis help: you do
# not have to go through this alone" was cut to "...you do not have to go t"
# (ui_puts in cols-4 columns), and the small-window message "tend needs at
# least 60 columns and 18 rows." to "...and 18 ro" (draw_too_small used
# ui_puts and never wrapped) - on the one screen meant for small windows.
# Now a narrow crisis screen says "Crisis help" alone (crisis.c), and the
# message wraps (app.c draw_too_small, view_markdown).
t_match "40x10: the crisis title is whole" "^  Crisis help(: you do not have to go through this alone)?\$" \
	"$(t_section "$T_TMP/crisis-region.raw" "crisis at 40x10: still drawn" | head -n 1)"
# Was a bug: the status bar's last hint was cut to "B b" at 40 columns (and
# "Es" at 60); app.c draw_status now leaves out a hint that does not fit.
t_match "40x10: the status bar shows whole hints only" \
	'^ Ctrl-G  crisis help(  [^ ]+ (safety plan|breathe|region|back))+ *$' \
	"$(t_section "$T_TMP/crisis-region.raw" "crisis at 40x10: still drawn" | tail -n 1)"
t_match "40x10: the small-window message is whole" \
	"^Please make this window larger: tend needs at least 60 columns and 18 rows\. Ctrl-G: crisis help \$" \
	"$(t_section "$T_TMP/crisis-region.raw" "home at 40x10: please make this window larger" | tr '\n' ' ' | tr -s ' ')"

t_done
