# tend export: the whole vault as JSON, only where the person asks, with a
# warning that it is not encrypted; nothing is written on a wrong
# passphrase or a bad option.
. "$(dirname "$0")/../lib.sh"
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC TEND_NOW=1795420800
PASS='export pass'
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
"$TEND_BIN" --passphrase-fd 3 init 3<<<"$PASS" >/dev/null 2>&1
echo 'marker-export-body a quiet evening' | pw add --tag calm >/dev/null
pw mood 6 --emotion tired >/dev/null

err=$(pw export -o "$T_TMP/out.json" 2>&1 >/dev/null)
t_match "export says it is not encrypted" "NOT encrypted" "$err"
t_eq "the file is the person's alone" 600 "$(stat -c %a "$T_TMP/out.json")"
json=$(cat "$T_TMP/out.json")
t_match "it names its format and version" '"format": "tend-export",[[:space:]]*"version": 1,' "$json"
t_match "the entry is in it" '"title": "marker-export-body a quiet evening"' "$json"
t_match "with its tag" '"name": "calm"' "$json"
t_match "and the check-in" '"score": 6' "$json"
t_eq "standard output gets the same" "$json" "$(pw export 2>/dev/null)"

t_exit "an unknown format is a usage error" 2 pw export --format xml -o "$T_TMP/x"
t_exit "extra words are a usage error" 2 pw export now
"$TEND_BIN" --passphrase-fd 3 export -o "$T_TMP/wrong.json" 3<<<"not it" >/dev/null 2>&1
t_eq "a wrong passphrase exits 3" 3 $?
t_ok "and writes nothing" test ! -e "$T_TMP/wrong.json"
t_nomatch "no export lands in the vault folder" "marker-export" \
	"$(grep -rl marker-export "$TEND_HOME" 2>/dev/null)"
t_done
