# The entry point: version, help, usage errors, no terminal.
. "$(dirname "$0")/../lib.sh"

out=$("$TEND_BIN" --version); t_exit "--version exits 0" 0 "$TEND_BIN" --version
t_match "--version prints tend X.Y.Z" '^tend [0-9]+\.[0-9]+\.[0-9]+$' "$out"
out=$("$TEND_BIN" -V); t_match "-V is --version" '^tend [0-9]+\.[0-9]+\.[0-9]+$' "$out"

out=$("$TEND_BIN" --help); t_exit "--help exits 0" 0 "$TEND_BIN" --help
t_match "--help lists commands" 'Commands:' "$out"
t_match "--help mentions crisis help" 'crisis' "$out"
out2=$("$TEND_BIN" help); t_eq "help command is --help" "$out" "$out2"

err=$("$TEND_BIN" --bogus 2>&1 >/dev/null); t_exit "unknown option exits 2" 2 "$TEND_BIN" --bogus
t_match "unknown option says so on stderr" "unknown option '--bogus'" "$err"
t_match "usage points to --help" "tend --help" "$err"
out=$("$TEND_BIN" --bogus 2>/dev/null); t_eq "nothing on stdout for a usage error" "" "$out"

err=$("$TEND_BIN" frobnicate 2>&1); t_exit "unknown command exits 2" 2 "$TEND_BIN" frobnicate
t_match "unknown command named" "'frobnicate' is not a tend command" "$err"

t_exit "--passphrase-fd wants a number" 2 "$TEND_BIN" --passphrase-fd abc help
t_exit "--passphrase-fd without value" 2 "$TEND_BIN" --passphrase-fd

# No terminal: one clear line, exit 1, nothing else.
err=$("$TEND_BIN" </dev/null 2>&1 >/dev/null); t_exit "no terminal exits 1" 1 "$TEND_BIN" </dev/null >/dev/null 2>&1
t_match "no terminal message" '^tend: no terminal here' "$err"
t_eq "no terminal is a single line" 1 "$(printf '%s\n' "$err" | wc -l)"
echo hi | "$TEND_BIN" >/dev/null 2>&1; t_eq "piped input is not a terminal either" 1 $?

# The manual names every command --help lists, and every exit status.
man=$(dirname "$0")/../../docs/tend.1
for cmd in $("$TEND_BIN" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } /^$/ && on { exit }'); do
	t_ok "the manual describes '$cmd'" grep -q "^\.B[IR]* \"\?$cmd\b" "$man"
done
for code in 0 1 2 3 4 5; do
	t_ok "the manual explains exit status $code" grep -qx ".B $code" "$man"
done
rm -rf "$T_TMP/inst"
# A fresh copy, so make sees nothing to rebuild (TEND_BIN may be a wrapper
# script, as under valgrind, which make must not relink over).
cp "$TEND_BIN" "$T_TMP/tend-to-install"
t_ok "make install puts tend and its manual in place" \
	make -s -C "$(dirname "$0")/../.." install DESTDIR="$T_TMP/inst" PREFIX=/usr TEND="$T_TMP/tend-to-install"
t_ok "installed: the program" test -x "$T_TMP/inst/usr/bin/tend"
t_ok "installed: the manual" test -f "$T_TMP/inst/usr/share/man/man1/tend.1"
t_ok "installed: bash completion" test -f "$T_TMP/inst/usr/share/bash-completion/completions/tend"
# The completion offers the commands --help lists.
# (TEND_BIN may be a wrapper with another name, as under valgrind.)
mkdir -p "$T_TMP/bin" && ln -sf "$TEND_BIN" "$T_TMP/bin/tend"
comp=$(PATH="$T_TMP/bin:$PATH" bash -c '. "$1"; COMP_WORDS=(tend ba); COMP_CWORD=1; _tend; printf "%s\n" "${COMPREPLY[@]}"' _ "$(dirname "$0")/../../completions/tend.bash")
t_eq "bash completion completes 'ba' to backup" "backup" "$comp"

# tend help TOPIC: any Learn page, path module or exercise as plain text.
topics=$("$TEND_BIN" help topics)
t_match "help topics lists pages, modules and exercises" "Learn:.*spectrum.*The healing path:.*cbt.*Exercises:.*thought-record" \
	"$(tr '\n' ' ' <<<"$topics")"
page=$("$TEND_BIN" help spectrum)
t_match "a Learn page prints with its content note" "^Content note:" "$page"
t_match "and its sources" "Sources:.*Herman, J. L." "$(tr '\n' ' ' <<<"$page")"
t_match "who reviewed it, when, and when it is next due" \
	"Last reviewed [0-9-]+ by [^.]+\. Next review due [0-9-]+\." "$(tr '\n' ' ' <<<"$page")"
w=$(grep -v '^Content note:\|^  - ' <<<"$page" | LC_ALL=C.UTF-8 wc -L)
t_ok "wrapped to 76 columns (widest: $w)" test "$w" -le 76
t_match "an exercise prints step by step" "Step 1 of 8: What happened" "$("$TEND_BIN" help thought-record)"
# The pages the clinical review found missing (issue 18): each is listed
# and prints, and the finding-help page names the red flags.
nl=$'\n'
for id in dissociation sleep shame anger substances; do
	t_match "help topics lists the page $id" "$nl  $id  " "$topics"
	t_match "tend help $id prints it, with sources" "Sources:" "$("$TEND_BIN" help $id)"
done
t_match "help topics lists grounding for flashbacks" "$nl  grounding-flashbacks +Grounding for flashbacks" "$topics"
t_match "grounding for flashbacks orients to now" "Step 1 of 6: Today's date" \
	"$("$TEND_BIN" help grounding-flashbacks)"
t_match "finding help says when self-help is not enough" "When self-help is not enough" \
	"$("$TEND_BIN" help finding-help)"
t_match "finding help names the red flags" "lose time.*hear or see things.*still being harmed.*plan to die" \
	"$("$TEND_BIN" help finding-help | tr '\n' ' ')"
t_nomatch "finding help no longer says ! works at any time" "! key at any time" \
	"$("$TEND_BIN" help finding-help | tr '\n' ' ')"
t_nomatch "without its step keys" "answer: text" "$("$TEND_BIN" help thought-record)"
t_match "help COMMAND is the command's help" "usage: tend export" "$("$TEND_BIN" help export)"
t_exit "an unknown topic is a usage error" 2 "$TEND_BIN" help no-such-topic

t_done
