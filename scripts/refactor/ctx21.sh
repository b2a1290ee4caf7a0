#!/bin/sh
# ctx21.sh: the mechanical half of splitting struct ctx (issue #21, part 4).
# The hand-written half is in include/views/view.h, src/views/common.c and
# src/app/app.c; this script brings the views up to it. It can be run again
# at any time: code already converted is left as it is, so it also converts
# views changed or added on other branches after they are merged.
#
#   1. Status notes: every `snprintf(c->note, sizeof(c->note), ...);` with
#      the `c->note_role = R;` after it becomes `view_note(c, R, ...);`
#      (ROLE_STATUS when no role was set).
#   2. Settings and session: c->wide becomes c->set->wide for the config
#      values (read-only), c->vault becomes c->ses->vault for what changes
#      while tend runs (include/views/view.h says which is which).
#
# At the end it lists any use of the old fields it could not convert (those
# need a hand edit) and exits 1 if there is one. The typed results between
# views (on_result, POP_WITH) are hand-written, one view at a time, and not
# part of this script.
set -eu
cd "$(dirname "$0")/../.."
files=$(ls src/views/*.c src/app/*.c tests/screen/driver.c)

# shellcheck disable=SC2086
perl -0pi -e '
my $bal = qr{(?<bal>(?:[^()"\x27]++|"(?:[^"\\]|\\.)*+"|\x27(?:[^\x27\\]|\\.)*+\x27|\((?&bal)\))*+)};

# The call, laid out like the code around it: joined on one line when every
# break in it follows a comma and it fits 100 columns (tabs as 4), else each
# continued line one column further right (view_note( is one longer than
# snprintf().
sub call {
	my ($ind, $head, $sep, $args) = @_;
	# A message cut to fit the old buffer: view_note cuts at a whole
	# character itself.
	$args =~ s{^"%\.\*s",\s*\(int\)utf8_cut\(\s*([\w>.-]+),\s*sizeof\s*\(?\s*c->note\s*\)?\s*-\s*1\s*\),\s*\1\s*$}{"%s", $1};
	my $one = $args;
	$one =~ s/,\n[ \t]*/, /g;
	my $line = "$ind$head, $one);";
	(my $w = $line) =~ s/\t/    /g;
	return $line if $one !~ /\n/ && length($w) <= 100;
	$args =~ s/\n([ \t]*)/\n$1 /g;
	my @l = split /\n/, $sep =~ /\n/ ? "$ind$head,$sep$args);" : "$ind$head, $args);", -1;
	# The ": b" of "a ? x\n: y" stays under its "?".
	for my $i (1 .. $#l) {
		next unless $l[$i] =~ /^\Q$ind\E +(: .*)$/;
		my $rest = $1;
		my $at = index(substr($l[$i - 1], length $ind), " ? ");
		$l[$i] = $ind . (" " x ($at + 1)) . $rest if $at >= 0;
	}
	return join "\n", @l;
}

# A note built in two steps (the count, then " (N there already)." or ".").
s{^([ \t]*)int\ n\ =\ snprintf\(\s*c->note,\s*sizeof\s*\(?\s*c->note\s*\)?,\s*
   "Imported\ %zu\ entr%s\ and\ %zu\ check-in%s",\s*
   done\.entries,\s*done\.entries\ ==\ 1\ \?\ "y"\ :\ "ies",\s*done\.checkins,\s*
   done\.checkins\ ==\ 1\ \?\ ""\ :\ "s"\);\s*
   if\ \(n\ >\ 0\ &&\ \(size_t\)n\ <\ sizeof\s*\(?\s*c->note\s*\)?\)\s*
   snprintf\(c->note\ \+\ n,\ sizeof\s*\(?\s*c->note\s*\)?\ -\ \(size_t\)n,\s*
   done\.duplicates\ \?\ "\ \(%zu\ there\ already\)\."\ :\ "\.",\ done\.duplicates\);
}{$1char there[48] = ".";
$1if (done.duplicates)
$1\tsnprintf(there, sizeof(there), " (%zu there already).", done.duplicates);
$1view_note(c, ROLE_STATUS, "Imported %zu entr%s and %zu check-in%s%s", done.entries,
$1          done.entries == 1 ? "y" : "ies", done.checkins, done.checkins == 1 ? "" : "s",
$1          there);}mgx;

# A note copied whole (learn.c), then its role.
s{^([ \t]*)copy_cut\(\s*c->note,\s*sizeof\s*\(?\s*c->note\s*\)?,\s*(\w+),\s*strlen\(\2\)\);\n\1c->note_role\s*=\s*(\w+);}
 {$1view_note(c, $3, "%s", $2);}mg;

# The common case: snprintf into the note, and the role right after it at
# the same indent (a role line anywhere else is left for a hand edit).
s{^(?<ind>[ \t]*)snprintf\(\s*(?<c>(?:\w+->)?c)->note,\s*sizeof\s*\(?\s*\k<c>->note\s*\)?,(?<sep>\s*)$bal\);(?:\n\k<ind>\k<c>->note_role\s*=\s*(?<role>[^;\n]+);)?}
 {call($+{ind}, "view_note($+{c}, " . ($+{role} // "ROLE_STATUS"), $+{sep}, $+{bal})}mge;

# Part 2: the fields that left struct ctx. \b keeps rc->vault and the like.
s{\bc->(data_dir|config_dir|no_color|autolock_min|reduced_motion|week_start|date_style|wide)\b}{c->set->$1}g;
s{\bc->(vault|region|now_ms|journal_gen|open_entry|last_deleted)\b}{c->ses->$1}g;
' $files

# shellcheck disable=SC2086
left=$(grep -nE '(c->|ctx\.)note(_role)?\b|\bc->(data_dir|config_dir|no_color|autolock_min|reduced_motion|week_start|date_style|wide|vault|region|now_ms|journal_gen|open_entry|last_deleted)\b' $files || true)
if [ -n "$left" ]; then
	echo "ctx21.sh: left for a hand edit:" >&2
	printf "%s\n" "$left" >&2
	exit 1
fi
