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

t_done
