# tests/lib.sh: sourced by the shell test suites.
# Each check prints "ok - name" or "not ok - name"; t_done prints the suite's
# closing line "NAME: N passed, N failed" and sets the exit status.
set -u
T_PASS=0
T_FAIL=0
T_NAME=$(basename "$0" .sh)
: "${TEND_BIN:?set TEND_BIN}"

t_pass() { T_PASS=$((T_PASS + 1)); echo "ok - $1"; }
t_fail() { T_FAIL=$((T_FAIL + 1)); echo "not ok - $1"; [ $# -gt 1 ] && echo "  $2"; return 0; }

# t_ok NAME CMD...: the command succeeds.
t_ok() { local n=$1; shift; if "$@"; then t_pass "$n"; else t_fail "$n" "exit $? from: $*"; fi; }
# t_exit NAME CODE CMD...: the command exits with CODE.
t_exit() {
	local n=$1 want=$2; shift 2
	"$@"; local got=$?
	if [ "$got" -eq "$want" ]; then t_pass "$n"; else t_fail "$n" "wanted exit $want, got $got from: $*"; fi
}
# t_eq NAME WANT GOT
t_eq() { if [ "$2" == "$3" ]; then t_pass "$1"; else t_fail "$1" "wanted [$2] got [$3]"; fi; }
# t_match NAME REGEX TEXT
t_match() { if [[ $3 =~ $2 ]]; then t_pass "$1"; else t_fail "$1" "[$3] does not match /$2/"; fi; }
t_nomatch() { if [[ $3 =~ $2 ]]; then t_fail "$1" "[$3] matches /$2/"; else t_pass "$1"; fi; }

# A private scratch folder removed at exit.
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tend-test-XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
# This computer's marks against rollback (path_state_dir) stay in it too.
export XDG_STATE_HOME=$T_TMP/state

t_done() {
	echo "$T_NAME: $T_PASS passed, $T_FAIL failed"
	[ "$T_FAIL" -eq 0 ]
}

# t_screen NAME SCRIPT [FILTER...]: runs the headless screen driver on
# SCRIPT and compares its dumps with tests/screen/golden/NAME.txt. With a
# FILTER command, the dumps go through it first (to take out what differs
# from run to run, such as the recovery code or a scratch folder); the
# unfiltered dumps stay in $T_TMP/NAME.raw. The driver's exit status is left
# in T_SCREEN_RC. A crash or a sanitizer report fails the check.
# UPDATE_GOLDEN=1 writes the golden file instead (review the diff before
# committing it).
T_SCREEN_RC=0
t_screen() {
	local name=$1 script=$2 golden out
	shift 2
	golden="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/screen/golden/$name.txt"
	out="$T_TMP/$name.out"
	: "${SCREEN_BIN:?set SCREEN_BIN}"
	"$SCREEN_BIN" "$script" >"$T_TMP/$name.raw" 2>"$T_TMP/$name.err"
	local rc=$?
	T_SCREEN_RC=$rc
	if [ $# -gt 0 ]; then
		"$@" <"$T_TMP/$name.raw" >"$out"
	else
		cp "$T_TMP/$name.raw" "$out"
	fi
	if [ "$rc" -ge 128 ]; then
		t_fail "screen $name" "driver crashed (exit $rc): $(head -c 400 "$T_TMP/$name.err")"
		return
	fi
	if grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$T_TMP/$name.err"; then
		t_fail "screen $name" "sanitizer report: $(head -c 600 "$T_TMP/$name.err")"
		return
	fi
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$out" "$golden"
		t_pass "screen $name (golden written)"
	elif diff -u "$golden" "$out" >"$T_TMP/$name.diff" 2>&1; then
		t_pass "screen $name"
	else
		t_fail "screen $name" "$(head -n 40 "$T_TMP/$name.diff")"
	fi
}

# t_section FILE LABEL: the screen dumped as "dump LABEL" in the driver's
# output FILE (the first dump with that label).
t_section() {
	awk -v want="--- $2" '
		$0 == want { on = 1; next }
		on && /^--- / { exit }
		on { print }' "$1"
}

# t_downs DUMP ITEM: the "key Down" lines that move the home screen's
# selection to ITEM, found by name in DUMP (driver output with a "home"
# section), so scripts do not depend on the order of the home items.
t_downs() {
	local n i
	n=$(t_section "$1" home |
		awk -v want="$2" 'prev == "" && /^    [^ ]/ { i++; if ($0 == "    " want) { print i - 1; exit } } { prev = $0 }')
	for ((i = 0; i < ${n:-99}; i++)); do echo "key Down"; done
}

# t_known_bug DESCRIPTION CHECK...: a check that fails because of a known
# bug in src/ (each use says which, in a "# KNOWN BUG:" comment). It prints
# a skip line and counts nothing, so the suite stays green; run the suite
# with TEND_KNOWN_BUGS=1 to run these checks, e.g. to see whether a fix
# worked.
t_known_bug() {
	local d=$1; shift
	if [ "${TEND_KNOWN_BUGS:-}" = 1 ]; then
		"$@"
	else
		echo "skip - $d (KNOWN BUG)"
	fi
}

# For end-to-end runs in tmux: the suite defines screen (what its pane
# shows now). t_wait_for REGEX [SECONDS] polls it until a line matches.
t_wait_for() {
	local i
	for ((i = 0; i < ${2:-5} * 20; i++)); do
		screen | grep -qE -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
# t_see NAME REGEX [SECONDS]: a check that the screen comes to show REGEX;
# non-zero when it does not, with the screen in the failure.
t_see() {
	if t_wait_for "$2" "${3:-5}"; then
		t_pass "$1"
	else
		t_fail "$1" "not on the screen: /$2/; the screen was:
$(screen | sed 's/^/    /')"
		return 1
	fi
}

# ---- end-to-end runs in tmux (tests/e2e) ----
# t_tmux NAME: the suite runs tend in a tmux server of its own (socket
# tend-NAME-PID), killed at exit. Without tmux the suite fails and ends.
# The helpers below act on the pane "e2e:$W" (session e2e, window W); a
# suite with another pane sets T_PANE.
t_tmux() {
	if ! command -v tmux >/dev/null; then
		t_fail "tmux is installed (scripts/deps installs it)"
		t_done
		exit
	fi
	SOCK=tend-$1-$$
	trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T_TMP"' EXIT
}
W=
T_PANE=
tm() { tmux -L "$SOCK" "$@"; }
screen() { tm capture-pane -p -t "${T_PANE:-e2e:$W}" 2>/dev/null; }
keys() { tm send-keys -t "${T_PANE:-e2e:$W}" "$@"; }
text() { tm send-keys -t "${T_PANE:-e2e:$W}" -l "$1"; }
# tp CMD...: a tend command with the suite's passphrase ($PASS).
tp() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
# When tend does not even start or unlock, the rest cannot run: stop.
give_up() {
	t_fail "the rest of the checks need tend running; stopping here"
	t_done
	exit 1
}
# dead PID: the process has ended (gone, or a zombie not yet reaped: once
# its shell is gone too, tend's parent is whatever reaps orphans here).
dead() {
	local st
	st=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 0
	[ -z "$st" ] || [ "$st" = Z ]
}
# gone PID SECONDS: polls until the process has ended.
gone() {
	local i
	for ((i = 0; i < $2 * 50; i++)); do
		dead "$1" && return 0
		sleep 0.02
	done
	return 1
}
# t_run_tend [NAME=VALUE...]: writes $T_TMP/run-tend, which runs the tend
# under test as `tend` in a clean environment (TERM=screen, UTC, C.UTF-8,
# this suite's TEND_HOME and fast key derivation, and the NAME=VALUEs
# given). With an argument PATH, it first writes its PID to PATH.pid.
t_run_tend() {
	mkdir -p "$T_TMP/bin"
	ln -sf "$TEND_BIN" "$T_TMP/bin/tend"
	{
		echo '#!/bin/sh'
		echo '[ $# -gt 0 ] && echo $$ >"$1.pid"'
		printf 'exec env -i PATH="%s/bin:/usr/bin:/bin" HOME="%s" TERM=screen TZ=UTC ' "$T_TMP" "$T_TMP"
		printf 'TEND_HOME="%s" TEND_INSECURE_FAST_KDF=1 LC_ALL=C.UTF-8' "$TEND_HOME"
		local kv
		for kv in "$@"; do printf ' "%s"' "$kv"; done
		echo ' tend'
	} >"$T_TMP/run-tend"
	chmod +x "$T_TMP/run-tend"
}
