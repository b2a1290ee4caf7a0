# tend merge: two vault folders that started as copies of one vault, each
# written on its own (entries added and deleted, check-ins made and
# changed, trigger logs, a homework pack), end up holding the same thing
# after each merges the other's tend.db, whichever goes first; merging
# again changes nothing; --dry-run changes nothing; another vault's file
# is refused with exit 4 and nothing changed; tend delete asks, or wants
# --yes; tend verify passes throughout. "The same thing" is the export
# with each row's local number replaced by its uid (numbers are each
# device's own).
. "$(dirname "$0")/../lib.sh"
export TEND_INSECURE_FAST_KDF=1 TZ=UTC
PASS='merge pass phrase'
EX=$(dirname "$0")/../../content/examples
# dev NAME ARGS...: tend on device NAME (its own vault folder and its own
# state folder, as two computers have).
dev() { local d=$1; shift; TEND_HOME=$T_TMP/$d XDG_STATE_HOME=$T_TMP/state-$d \
	"$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
snap() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum); }
# same DEV: the vault's export, local numbers turned into uids, sorted.
same() {
	dev "$1" export 2>/dev/null | jq -S '
	  .tables as $t
	  | def uidof($tab; $id): if $id == null then null
	      else ([$t[$tab][] | select(.id == $id) | .uid][0]) end;
	  {entries: [$t.entries[] | . + {mood_id: uidof("moods"; .mood_id),
	      trigger_id: uidof("triggers"; .trigger_id),
	      tags: ([.id as $e | $t.entry_tags[] | select(.entry_id == $e) | .tag_id as $g
	              | $t.tags[] | select(.id == $g) | .name] | sort)} | del(.id)] | sort_by(.uid),
	   versions: [$t.entry_versions[] | . + {entry_id: uidof("entries"; .entry_id)} | del(.id)]
	     | sort_by(.uid),
	   moods: [$t.moods[] | del(.id)] | sort_by(.uid),
	   triggers: [$t.triggers[] | del(.id, .tool_id)] | sort_by(.uid),
	   packs: [$t.homework_packs[] | del(.id)] | sort_by(.uid),
	   done: [$t.homework_done[] | . + {pack_id: uidof("homework_packs"; .pack_id),
	      entry_id: uidof("entries"; .entry_id)} | del(.id)] | sort_by(.uid),
	   did: [$t.trigger_did[] | {trigger: uidof("triggers"; .trigger_id), text, position,
	      tool: (.tool_id as $g | [$t.tools[] | select(.id == $g) | .name][0])}]
	     | sort_by(.trigger, .position),
	   settings: $t.settings, tombstones: $t.tombstones}'
}
verify_both() {
	t_ok "$1: a verifies" dev a verify
	t_ok "$1: b verifies" dev b verify
}

# ---- one vault, then two devices ---------------------------------------------
dev a init >/dev/null 2>&1
for n in 1 2 3; do echo "entry $n from before" | TEND_NOW=$((1800000000 + n)) dev a add --tag old >/dev/null; done
TEND_NOW=1800000010 dev a mood 4 >/dev/null
TEND_NOW=1800000011 dev a mood 6 >/dev/null
cp -a "$T_TMP/a" "$T_TMP/b"
t_eq "the two copies start the same" "$(same a)" "$(same b)"

# ---- each writes on its own ---------------------------------------------------
echo "written on a" | TEND_NOW=1800001000 dev a add --tag laptop >/dev/null
TEND_NOW=1800001001 dev a mood 2 >/dev/null
printf '3\na door slammed\nkitchen\n8\n1\n4\n6\n' | TEND_NOW=1800001002 dev a trigger >/dev/null 2>&1
TEND_NOW=1800001003 dev a delete --yes 2 2>/dev/null
TEND_NOW=1800001004 dev a checkins edit 1 --score 9 >/dev/null 2>&1
TEND_NOW=1800001005 dev a homework import "$EX/grounding-week.md" >/dev/null 2>&1

echo "written on b" | TEND_NOW=1800002000 dev b add >/dev/null
echo "and more on b" | TEND_NOW=1800002001 dev b add --tag desk >/dev/null
TEND_NOW=1800002002 dev b mood 7 >/dev/null
printf '6\nraised voices\n\n7\n2, 5, walked away\n\n' | TEND_NOW=1800002003 dev b trigger >/dev/null 2>&1
TEND_NOW=1800002004 dev b delete --yes 3 2>/dev/null
TEND_NOW=1800002005 dev b checkins edit 1 --score 1 >/dev/null 2>&1
TEND_NOW=1800002006 dev b checkins remove --yes 2 >/dev/null 2>&1
verify_both "written apart"
t_nomatch "the copies differ before merging" '^$' "$(diff <(same a) <(same b))"

# ---- a dry run changes nothing --------------------------------------------------
before=$(snap "$T_TMP/a")
out=$(dev a merge --dry-run "$T_TMP/b/tend.db")
t_match "dry run says what would come in" 'entries +2 new, 0 newer, 1 deleted' "$out"
t_match "dry run: b's newer check-in score" 'moods +1 new, 1 newer, 1 deleted' "$out"
t_eq "dry run leaves the vault's files as they were" "$before" "$(snap "$T_TMP/a")"

# ---- a merges b, then b merges a ------------------------------------------------
cp -a "$T_TMP/a" "$T_TMP/a0"; cp -a "$T_TMP/b" "$T_TMP/b0"
cp -a "$T_TMP/state-a" "$T_TMP/state-a0"; cp -a "$T_TMP/state-b" "$T_TMP/state-b0"
t_ok "a merges b's copy" dev a merge "$T_TMP/b/tend.db" >/dev/null
t_ok "b merges a's copy" dev b merge "$T_TMP/a/tend.db" >/dev/null
verify_both "merged a then b"
t_eq "a then b: both hold the same" "$(same a)" "$(same b)"
ab=$(same a)
t_eq "entries: 1 old, a's, b's two (two deleted)" 4 "$(jq '.entries | length' <<<"$ab")"
t_eq "check-ins never double: 2 old (1 removed on b), 1 from a, 1 from b" 3 \
	"$(jq '.moods | length' <<<"$ab")"
t_eq "the later edit of a check-in wins (b's score 1)" 1 \
	"$(jq '[.moods[] | select(.at == 1800000010)][0].score' <<<"$ab")"
t_eq "both trigger logs" 2 "$(jq '.triggers | length' <<<"$ab")"
t_eq "the homework pack came over" 1 "$(jq '.packs | length' <<<"$ab")"
t_eq "a trigger log's choices of what I did come with it, tools by name" \
	'["Grounding: 5-4-3-2-1","Cold water","walked away"]' \
	"$(jq -c '[.did | group_by(.trigger)[] | select(length == 3)][0] | map(.tool // .text)' <<<"$ab")"
t_eq "each entry keeps its tags" '["laptop"]' \
	"$(jq -c '[.entries[] | select(.title + .body | contains("written on a"))][0].tags' <<<"$ab")"
out=$(dev a merge "$T_TMP/b/tend.db")
t_match "merging again changes nothing (a)" 'nothing: this vault has everything' "$out"
out=$(dev b merge "$T_TMP/a/tend.db")
t_match "merging again changes nothing (b)" 'nothing: this vault has everything' "$out"
t_eq "and after merging again both still hold the same" "$ab" "$(same b)"

# ---- the other order: b merges a first ------------------------------------------
rm -rf "$T_TMP/a" "$T_TMP/b" "$T_TMP/state-a" "$T_TMP/state-b"
cp -a "$T_TMP/a0" "$T_TMP/a"; cp -a "$T_TMP/b0" "$T_TMP/b"
cp -a "$T_TMP/state-a0" "$T_TMP/state-a"; cp -a "$T_TMP/state-b0" "$T_TMP/state-b"
t_ok "b merges a's copy first" dev b merge "$T_TMP/a/tend.db" >/dev/null
t_ok "then a merges b's" dev a merge "$T_TMP/b/tend.db" >/dev/null
verify_both "merged b then a"
t_eq "b then a: both hold the same" "$(same a)" "$(same b)"
t_eq "and the same as in the other order" "$ab" "$(same a)"

# ---- another vault is refused ---------------------------------------------------
TEND_HOME=$T_TMP/c XDG_STATE_HOME=$T_TMP/state-c "$TEND_BIN" --passphrase-fd 3 init \
	3<<<"$PASS" >/dev/null 2>&1
before=$(snap "$T_TMP/a")
err=$(dev a merge "$T_TMP/c/tend.db" 2>&1 >/dev/null); rc=$?
t_eq "another vault's file: exit 4" 4 "$rc"
t_match "and it says so" 'not a copy of this vault' "$err"
t_eq "and nothing changed" "$before" "$(snap "$T_TMP/a")"
head -c 8192 /dev/urandom >"$T_TMP/junk.db"
t_exit "a file that is no vault at all: exit 4" 4 dev a merge "$T_TMP/junk.db" 2>/dev/null
t_exit "a missing file: exit 1" 1 dev a merge "$T_TMP/none.db" 2>/dev/null

# ---- conflict copies beside the vault ---------------------------------------------
echo "only in the conflict copy" | TEND_NOW=1800003000 dev b add >/dev/null
cc='tend.sync-conflict-20261205-101010-ABCDEFG.db'
cp "$T_TMP/b/tend.db" "$T_TMP/a/$cc"
cp "$T_TMP/a/key" "$T_TMP/a/key.sync-conflict-20261205-101010-ABCDEFG"
err=$(dev a list 2>&1 >/dev/null)
t_match "the CLI says a sync tool left a copy, and how to bring it in" \
	"left another copy of the vault beside it \\($cc\\).*tend merge '$T_TMP/a/$cc'" "$err"
t_eq "one line for it, none for a key copy holding the same key" 1 "$(grep -c . <<<"$err")"
t_ok "bring it in" dev a merge "$T_TMP/a/$cc" >/dev/null 2>&1
t_match "its entry is in the vault" 'only in the conflict copy' "$(dev a list 2>/dev/null)"
t_ok "the copy went to merged/ once the vault verified" test -f "$T_TMP/a/merged/$cc"
t_eq "and the notice is gone" "" "$(dev a list 2>&1 >/dev/null)"
cp "$T_TMP/c/key" "$T_TMP/a/key (Sam's conflicted copy 2026-12-05)"
err=$(dev a list 2>&1 >/dev/null)
t_match "a key file copy with another key: what to do" 'is a key file for another key.*re-keyed' "$err"
rm "$T_TMP/a/key (Sam's conflicted copy 2026-12-05)" "$T_TMP/a/key.sync-conflict-20261205-101010-ABCDEFG"
for n in 'tend (Sam'"'"'s conflicted copy 2026-12-05).db' 'tend (conflicted copy 2026-12-05 101010).db' \
	'tend-LAPTOP.db' 'tend.Conflict.db'; do
	cp "$T_TMP/b/tend.db" "$T_TMP/a/$n"
	t_match "noticed: $n" "beside it \\(${n//[()]/.}\\)" "$(dev a list 2>&1 >/dev/null)"
	rm "$T_TMP/a/$n"
done

# ---- the sync tool put the other device's file in place -----------------------
# s1 wrote more than s2; the sync tool keeps s2's tend.db and s1's own as a
# conflict copy. s1 then sees a vault older than it last saw (read-only);
# merging its own copy back brings everything back and writing resumes.
cp -a "$T_TMP/a0" "$T_TMP/s1"; cp -a "$T_TMP/a0" "$T_TMP/s2"
for i in 1 2 3 4 5 6; do echo "s1 wrote $i" | dev s1 add >/dev/null; done
echo "s2 wrote this" | dev s2 add >/dev/null
mv "$T_TMP/s1/tend.db" "$T_TMP/s1/$cc"
cp "$T_TMP/s2/tend.db" "$T_TMP/s1/tend.db"
err=$(dev s1 list 2>&1 >/dev/null)
t_match "s1 is told its vault is older" 'older than the one this computer' "$err"
t_match "and of the copy to bring in" 'left another copy of the vault beside it' "$err"
t_ok "merging its own copy back works on the older vault" dev s1 merge "$T_TMP/s1/$cc" >/dev/null 2>&1
err=$(dev s1 list 2>&1 >/dev/null)
t_eq "then no warning is left" "" "$err"
t_eq "and both devices' entries are there" 7 "$(dev s1 list 2>/dev/null | grep -c 'wrote')"
echo more | dev s1 add >/dev/null 2>&1
t_eq "and it takes writing again" 8 "$(dev s1 list 2>/dev/null | grep -cE "wrote|more")"

# ---- git as the sync engine -------------------------------------------------------
# Two clones of one repository holding the vault; each adds on its own, and
# git pull merges tend.db through tend's merge driver. The driver reads the
# passphrase from the terminal; here the clones' driver line gives it fd 3.
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t \
	GIT_COMMITTER_EMAIL=t@t HOME=$T_TMP
g() { local d=$1; shift; git -C "$T_TMP/$d" -c init.defaultBranch=main "$@"; }
cp -a "$T_TMP/a0" "$T_TMP/g1"
rm -f "$T_TMP/g1/lock"
git init -q -b main "$T_TMP/g1"
out=$(TEND_HOME=$T_TMP/g1 "$TEND_BIN" sync-setup git --yes)
t_match "sync-setup git writes .gitattributes and runs git config" 'ran: git config merge.tend.driver' "$out"
t_eq ".gitattributes sends tend.db to the driver" 'tend.db binary merge=tend' "$(cat "$T_TMP/g1/.gitattributes")"
t_match ".gitignore keeps the lock and journal home" $'^lock\ntend.db-journal' "$(cat "$T_TMP/g1/.gitignore")"
t_eq "the driver line as git keeps it" 'tend merge-driver %O %A %B' "$(g g1 config merge.tend.driver)"
TEND_HOME=$T_TMP/g1 "$TEND_BIN" sync-setup git >/dev/null
t_eq "running it again adds nothing twice" 1 "$(grep -c '^lock$' "$T_TMP/g1/.gitignore")"
g g1 add -A && g g1 commit -qm start
git init -q --bare -b main "$T_TMP/hub.git"
g g1 remote add origin "$T_TMP/hub.git" && g g1 push -q origin main 2>/dev/null
git clone -q "$T_TMP/hub.git" "$T_TMP/g2" 2>/dev/null
for d in g1 g2; do g $d config merge.tend.driver "$TEND_BIN --passphrase-fd 3 merge-driver %O %A %B"; done
gd() { local d=$1; shift; TEND_HOME=$T_TMP/$d XDG_STATE_HOME=$T_TMP/state-$d \
	"$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
echo "on the first clone" | TEND_NOW=1800004000 gd g1 add >/dev/null
TEND_NOW=1800004001 gd g1 mood 3 >/dev/null
g g1 commit -qam one && g g1 push -q origin main 2>/dev/null
echo "on the second clone" | TEND_NOW=1800004002 gd g2 add >/dev/null
TEND_NOW=1800004003 gd g2 delete --yes 1 2>/dev/null
g g2 commit -qam two
t_ok "git pull merges tend.db through the driver" g g2 pull -q --no-rebase origin main 3<<<"$PASS"
t_ok "and pushes" g g2 push -q origin main
t_ok "the first clone pulls it" g g1 pull -q --no-rebase origin main
same_g() { TEND_HOME=$T_TMP/$1 XDG_STATE_HOME=$T_TMP/state-$1 "$TEND_BIN" --passphrase-fd 3 \
	export 2>/dev/null 3<<<"$PASS" | jq -S '[.tables.entries[] | .title + .body] | sort'; }
t_eq "both clones hold the same entries" "$(same_g g1)" "$(same_g g2)"
t_match "both additions are there" 'on the first clone.*on the second clone' "$(same_g g1 | tr -d '\n')"
t_ok "the merged vault verifies" gd g1 verify
t_eq "nothing is left to commit or ignored by mistake" "" "$(g g2 status --porcelain)"

# ---- tend delete -----------------------------------------------------------------
id=$(dev a list | head -n 1 | cut -f1)
err=$(dev a delete "$id" 2>&1 </dev/null); rc=$?
t_eq "delete without --yes and no terminal: usage exit" 2 "$rc"
t_match "and it says to add --yes" 'add --yes' "$err"
t_exit "delete of an entry that is not there: exit 1" 1 dev a delete --yes 999 2>/dev/null
t_ok "delete --yes" dev a delete --yes "$id" 2>/dev/null
t_eq "the tombstone names the entry's uid only" 1 \
	"$(dev a export 2>/dev/null | jq '[.tables.tombstones[] | select(.tbl == "entries")] | length - 2')"
t_done
