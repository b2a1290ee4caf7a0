# make check-browser: a report's HTML from a fixed vault, rendered by
# headless Chromium. The screenshot must not be blank and must show the
# charts' own colours; the DOM Chromium built must hold both charts, and
# text that looks like markup must stay text (no script element at all).
# Without Chromium it is skipped, unless TEND_REQUIRE_BROWSER=1 (CI).
. "$(dirname "$0")/../lib.sh"
T_NAME=check-browser
here=$(cd "$(dirname "$0")" && pwd)
browser=
for b in ${CHROMIUM:-chromium chromium-browser google-chrome}; do
	command -v "$b" >/dev/null 2>&1 && browser=$b && break
done
if [ -z "$browser" ]; then
	echo "check-browser: skipped: chromium not installed"
	if [ "${TEND_REQUIRE_BROWSER:-}" = 1 ]; then
		t_fail "chromium is required here (TEND_REQUIRE_BROWSER=1)"
		t_done
		exit 1
	fi
	exit 0
fi
export TEND_HOME=$T_TMP/vault TEND_INSECURE_FAST_KDF=1 TZ=UTC
PASS='browser pass'
pw() { "$TEND_BIN" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
pw init >/dev/null 2>&1
# Ten days of check-ins from 2026-11-10, two on some days, one gap.
day0=1794268800 # 2026-11-10 00:00 UTC
i=0
for score in 3 5 4 6 x 5 7 6 8 7; do
	if [ "$score" != x ]; then
		TEND_NOW=$((day0 + i * 86400 + 9 * 3600)) pw mood "$score" >/dev/null
		[ $((i % 3)) = 0 ] && TEND_NOW=$((day0 + i * 86400 + 20 * 3600)) pw mood $((score - 1)) >/dev/null
	fi
	i=$((i + 1))
done
for answers in '1\nx\nx\n8\n1\n4\n6' '1\nx\nx\n7\n2\n5\n5' '3\nx\nx\n6\n1\n3\n7' '6\nx\nx\n9\n5\n6\n4'; do
	printf "$answers\n" | TEND_NOW=$((day0 + 3 * 86400)) pw trigger >/dev/null 2>&1
done
printf '<script>alert(1)</script> & more\nA <b>quiet</b> day & a walk.\n' |
	TEND_NOW=$((day0 + 2 * 86400)) pw add >/dev/null
html=$T_TMP/report.html
pw report --from 2026-11-10 --to 2026-11-19 --entry 1 --format html -o "$html" 2>/dev/null
t_ok "the report was written" test -s "$html"

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
	--user-data-dir="$T_TMP/profile" --window-size=1000,1400)
timeout 120 "$browser" "${flags[@]}" --screenshot="$T_TMP/out.png" "file://$html" \
	>"$T_TMP/shot.log" 2>&1
t_ok "Chromium made a screenshot" test -s "$T_TMP/out.png"
stat=$(python3 "$here/pngstat.py" "$T_TMP/out.png" 2f6f8f c0703a 2>&1)
echo "$stat"
t_match "it is the window's size" "^1000x1400 " "$stat"
colours=$(sed -n 's/.*colours=\([0-9]*\).*/\1/p' <<<"$stat" | head -n 1)
nonwhite=$(sed -n 's/.*nonwhite=0\.\([0-9]*\).*/\1/p' <<<"$stat" | head -n 1)
t_ok "it is not blank: many colours ($colours)" test "${colours:-0}" -gt 32
t_ok "and not mostly white: ${nonwhite:-0}/10000 of it is drawn" test "$((10#${nonwhite:-0}))" -gt 300
line=$(sed -n 's/^2f6f8f=//p' <<<"$stat")
bar=$(sed -n 's/^c0703a=//p' <<<"$stat")
t_ok "the mood chart's points are drawn ($line pixels)" test "${line:-0}" -gt 20
t_ok "the trigger bars are drawn ($bar pixels)" test "${bar:-0}" -gt 1000

timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$html" >"$T_TMP/dom.html" 2>"$T_TMP/dom.log"
dom=$(cat "$T_TMP/dom.html")
t_match "the DOM holds the mood chart" '<svg class="chart mood-chart" role="img" aria-label="Mood per day, 0 to 10"' "$dom"
t_match "a day of two check-ins is a range with its two points, not one dot" \
	'<g class="day"><title>2026-11-10: 2 check-ins, 2 to 3, average 2.5</title><line class="range"[^>]*>(</line>)?<circle class="dot"[^>]*>(</circle>)?<circle class="dot"' "$dom"
t_nomatch "no line through averages" "<polyline" "$dom"
t_match "the axis says which way mood runs" "Mood: 0 = hardest, 10 = best</text>" "$dom"
t_match "and the trigger chart" '<svg class="chart trigger-chart" role="img" aria-label="Trigger logs per kind"' "$dom"
t_nomatch "no script element exists" "<script" "$dom"
t_match "the title that looks like a script is text" "&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; more" "$dom"
t_nomatch "and so is the markup in the entry" "<b>quiet</b>" "$dom"

# Print: Chromium prints it to a PDF of a few pages.
timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$T_TMP/report.pdf" \
	"file://$html" >"$T_TMP/pdf.log" 2>&1
t_ok "Chromium prints it to PDF" test -s "$T_TMP/report.pdf"
t_eq "a PDF" "%PDF" "$(head -c 4 "$T_TMP/report.pdf")"
pages=$(grep -ac '/Type /Page$\|/Type /Page[^s]' "$T_TMP/report.pdf")
t_ok "of at least one page ($pages)" test "${pages:-0}" -ge 1

# At phone width nothing scrolls sideways: a page with a script (the
# report itself allows none) frames the report 360 pixels wide and
# writes, into its own DOM, how wide the report's content came out.
cat >"$T_TMP/narrow.html" <<EOF2
<!DOCTYPE html><html><body>
<iframe id="r" src="report.html" style="width:360px;height:2000px;border:0"></iframe>
<pre id="out">waiting</pre>
<script>
document.getElementById('r').onload = function () {
	var d = this.contentDocument, w = d.documentElement.clientWidth, worst = 0;
	d.querySelectorAll('table, svg, h2, p').forEach(function (el) {
		var r = el.getBoundingClientRect().right;
		if (r > worst) worst = Math.ceil(r);
	});
	document.getElementById('out').textContent = 'client=' + w + ' scroll=' +
		d.documentElement.scrollWidth + ' right=' + worst;
};
</script></body></html>
EOF2
timeout 120 "$browser" "${flags[@]}" --allow-file-access-from-files --virtual-time-budget=5000 \
	--dump-dom "file://$T_TMP/narrow.html" >"$T_TMP/narrow.dom" 2>"$T_TMP/narrow.log"
narrow=$(sed -n 's/.*<pre id="out">\([^<]*\)<.*/\1/p' "$T_TMP/narrow.dom")
echo "narrow: $narrow"
client=$(sed -n 's/client=\([0-9]*\).*/\1/p' <<<"$narrow")
scroll=$(sed -n 's/.*scroll=\([0-9]*\).*/\1/p' <<<"$narrow")
right=$(sed -n 's/.*right=\([0-9]*\).*/\1/p' <<<"$narrow")
t_ok "at 360 pixels the report was measured ($narrow)" test -n "$client" -a -n "$scroll" -a -n "$right"
t_ok "nothing scrolls sideways (content $scroll, window $client)" test "${scroll:-1}" -le "${client:-0}"
t_ok "no table, chart or heading runs past the edge ($right > $client?)" test "${right:-1}" -le "${client:-0}"
timeout 120 "$browser" "${flags[@]/--window-size=1000,1400/--window-size=360,1400}" \
	--screenshot="$T_TMP/narrow.png" "file://$html" >/dev/null 2>&1
t_ok "and a narrow screenshot is made" test -s "$T_TMP/narrow.png"
[ -n "${KEEP_SHOT:-}" ] && cp "$T_TMP/out.png" "$KEEP_SHOT"
t_done
