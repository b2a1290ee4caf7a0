# The test hooks belong to test builds only. TEND_BIN is tend built with
# -DTEND_TEST_HOOKS (make check's build/tend-test); PLAIN_TEND_BIN is ./tend,
# the binary `make` builds and `make install` installs. The plain one must
# ignore TEND_NOW (an entry gets today's date, not 1970) and
# TEND_INSECURE_FAST_KDF (a passphrase set with it still gets the default
# Argon2id limits, 3 passes over 256 MiB); the test build must obey both,
# or these checks would prove nothing.
. "$(dirname "$0")/../lib.sh"
: "${PLAIN_TEND_BIN:?set PLAIN_TEND_BIN to the plain ./tend (make check does)}"
PASS='hooks passphrase'
export TEND_HOME=$T_TMP/v
# The vault is made by the test build, so its key file is cheap to open
# for both binaries.
TEND_INSECURE_FAST_KDF=1 "$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
t_eq "the test build made a vault" 0 $?
# limits FILE: a key file's Argon2id opslimit and memlimit (bytes 16..32).
limits() { od -An -t u8 -j 16 -N 16 "$1" | awk '{ print $1, $2 }'; }
t_eq "TEND_INSECURE_FAST_KDF: the test build wrote the cheapest limits" "1 8192" \
	"$(limits "$TEND_HOME/key")"

# add BIN TITLE: an entry added at TEND_NOW=0 (1 January 1970).
add() { printf '%s\nbody\n' "$2" | TEND_NOW=0 "$1" --passphrase-fd 3 add 3<<<"$PASS" >/dev/null 2>&1; }
year_of() { "$TEND_BIN" --passphrase-fd 3 list 3<<<"$PASS" | awk -F'\t' -v t="$1" '$3 == t { print substr($2, 1, 4) }'; }
before=$(date +%Y)
add "$TEND_BIN" "from the test build"
add "$PLAIN_TEND_BIN" "from plain tend"
after=$(date +%Y)
t_match "TEND_NOW: the test build dates the entry 1970" '^19(69|70)$' "$(year_of "from the test build")"
got=$(year_of "from plain tend")
if [ "$got" = "$before" ] || [ "$got" = "$after" ]; then
	t_pass "TEND_NOW: plain tend ignores it (the entry has this year, $got)"
else
	t_fail "TEND_NOW: plain tend ignores it" "the entry's year is [$got], not $before"
fi

# passwd with TEND_INSECURE_FAST_KDF=1: the plain binary wraps with the
# real limits (about half a second), whatever the environment says.
TEND_INSECURE_FAST_KDF=1 "$PLAIN_TEND_BIN" --passphrase-fd 3 passwd \
	3< <(printf '%s\n%s\n' "$PASS" "$PASS") >/dev/null 2>&1
t_eq "plain tend: passwd works" 0 $?
t_eq "TEND_INSECURE_FAST_KDF: plain tend ignores it (default limits)" "3 268435456" \
	"$(limits "$TEND_HOME/key")"
t_eq "key.bak has the same limits" "3 268435456" "$(limits "$TEND_HOME/key.bak")"
t_done
