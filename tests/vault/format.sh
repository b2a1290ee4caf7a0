# Vaults written by an earlier tend (page format 1: no change counter, no
# journal binding; tests/fixtures/vault-v1 was made by the tend of the
# commit before format 2) open, read and take new writes, and the first
# write moves page 1 to format 2. A format-1 journal is refused beside a
# format-2 page 1 (it could only be an old journal put back).
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1
export TEND_HOME=$T_TMP/vault
PASS='format one passphrase'
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
magic() { head -c 12 "$TEND_HOME/tend.db"; }

cp -a "$(dirname "$0")/../fixtures/vault-v1" "$TEND_HOME"
chmod 700 "$TEND_HOME"
t_eq "the fixture is format 1" "tend vault 1" "$(magic)"
out=$(tp list 2>&1); t_eq "a format-1 vault lists (exit 0)" 0 $?
t_match "its entry is there" "First entry, written by format 1" "$out"
# The fixture's layout is schema 7; opening it runs the later layout
# updates (store/migrate.c), and that is its first write. (A read that
# writes nothing leaves page 1 in format 1; that needs a format-1 fixture at
# the latest schema, which today's tend cannot make.)
t_eq "the first write (the layout update on opening) makes page 1 format 2" "tend vault 2" "$(magic)"
t_exit "verify passes after it" 0 tp verify >/dev/null
out=$(printf 'Second entry\nwritten by format 2\n' | tp add 2>&1); t_eq "add exits 0" 0 $?
t_eq "page 1 stays format 2" "tend vault 2" "$(magic)"
out=$(tp list 2>&1)
t_match "both entries listed" "First entry.*Second entry|Second entry.*First entry" "$(echo $out)"
t_exit "verify passes on format 2" 0 tp verify >/dev/null
out=$(tp export 2>/dev/null)
t_match "the check-in made by format 1 is there" '"score": 6' "$out"

# A journal in format 1 (no tend header after SQLite's 28 bytes) beside
# a format-2 page 1: refused, nothing changed.
printf '\331\325\005\371\040\241\143\327\000\000\000\000\000\000\000\000\000\000\000\002\000\000\002\000\000\000\020\000' >"$TEND_HOME/tend.db-journal"
head -c 484 /dev/zero >>"$TEND_HOME/tend.db-journal"
before=$(sha256sum "$TEND_HOME/tend.db" "$TEND_HOME/tend.db-journal")
out=$(tp list 2>&1); rc=$?
t_eq "an unbound journal beside a bound vault: exit 4" 4 "$rc"
t_match "the message names the crash journal" "crash journal" "$out"
t_eq "nothing changed" "$before" "$(sha256sum "$TEND_HOME/tend.db" "$TEND_HOME/tend.db-journal")"
rm "$TEND_HOME/tend.db-journal"
t_exit "without it the vault opens" 0 tp list >/dev/null
t_done
