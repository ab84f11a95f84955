#!/usr/bin/env bash
# `koop demo` end to end: fresh database, the sample scenarios (samples/demo/*.scenario), packs
# rendered, deadlines and reminders printed; finishes in seconds. Checks the seeds' numbers in the
# printed transcript and that reminders carry no personal data (DESIGN.md §10; the scenarios also
# check it themselves with `personal` lines).
set -euo pipefail
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}" "${KOOP_SHARED_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$KOOP_SOURCE_DIR"
fail=0
err() { echo "FAIL: $*" >&2; fail=1; }

start=$(date +%s)
"$KOOP" demo -o "$WORK/out" >"$WORK/demo.txt" 2>"$WORK/demo.err" || { cat "$WORK/demo.err" >&2; exit 1; }
secs=$(( $(date +%s) - start ))
[ "$secs" -le 60 ] || err "demo took ${secs}s"
out="$WORK/demo.txt"

grep -q 'Zawiązanie PZK w Gminie Zielony Gaj' "$out" || err "founding script not run"
grep -q 'Sprawa MOPS/2027/003' "$out" || err "case script not run"
# Friday 18 December 2026 + 7 days (002 §3.5) → Monday 28 December 2026.
grep -q '^  2026-12-28  rops.information  open  Informacja do ROPS o samodzielnym zawiązaniu PZK$' "$out" || err "ROPS information deadline"
# ZZK meeting on 17 February 2027: invitations 5 working days before → 10 February 2027.
grep -q '^  2027-02-10  team.invitations  open  Wysłanie pisemnych zaproszeń na posiedzenie zespołu$' "$out" || err "ZZK invitations deadline"
grep -q '^  to coordinator: Przypomnienie: Wysłanie pisemnych zaproszeń na posiedzenie zespołu – termin 2027-02-10$' "$out" || err "no reminder printed"
grep -E '^  (to|raised) ' "$out" >"$WORK/reminders.txt" || true
if grep -qE 'Karolina|Filip|Testow' "$WORK/reminders.txt"; then
  err "a reminder carries personal data"
fi
n_docs=$(find "$WORK/out" -name '*.docx' | wc -l)
# As many documents as the summary says, one manifest per `pack` line of the scenarios.
said=$(sed -n 's/^Podsumowanie: .*, \([0-9]*\) dokument.*/\1/p' "$out")
[ "$n_docs" -gt 0 ] && [ "$n_docs" = "$said" ] || err "$n_docs documents written, the summary says '$said'"
n_packs=$(cat samples/demo/*.scenario | grep -c '^pack ')
[ "$(find "$WORK/out" -name manifest.json | wc -l)" = "$n_packs" ] || err "not one manifest per pack"
for f in $(find "$WORK/out" -name '*.docx' | head -5); do
  xmllint --noout --schema "$KOOP_SHARED_DIR/ooxml-xsd/wml.xsd" <(unzip -p "$f" word/document.xml) \
    2>/dev/null || err "$(basename "$f"): not valid WordprocessingML"
done
# The same demo again gives the same account (fresh database each time).
"$KOOP" demo -o "$WORK/out" >"$WORK/demo2.txt" 2>/dev/null
mask() { grep -v 'baza:' "$1"; }
diff -q <(mask "$out") <(mask "$WORK/demo2.txt") >/dev/null || err "demo output not reproducible"

[ "$fail" = 0 ] && echo "model demo: OK ($n_docs documents, ${secs}s)"
exit "$fail"
