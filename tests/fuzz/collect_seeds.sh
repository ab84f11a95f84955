#!/usr/bin/env bash
# Builds the fuzzers' seed corpora from the repository's own test data (nothing is committed):
#   tests/fuzz/collect_seeds.sh OUT_DIR
# OUT_DIR/<fuzzer>/ gets one file per seed. Run from anywhere; needs unzip for .docx seeds.
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
out="$1"
mkdir -p "$out"/{expression,template,scxml,municipality,json,script_rewrite,time}
seed() {  # seed FUZZER < CONTENT: named by its hash, so duplicates collapse
  local tmp
  tmp="$(mktemp "$out/$1/.new-XXXXXX")"
  cat >"$tmp"
  mv "$tmp" "$out/$1/$(sha1sum <"$tmp" | cut -c1-16)"
}

# Template parts: the test XML parts and the main part of every committed .docx.
for f in $(find "$src/tests/data" -name '*.xml' -path '*docx*'); do seed template <"$f"; done
for f in $(find "$src/doc-templates" "$src/tests/data" -name '*.docx'); do
  unzip -p "$f" word/document.xml 2>/dev/null | seed template || true
done
# The shared corpora beside the repository, when present (KOOP_SHARED_DIR or ../shared).
shared="${KOOP_SHARED_DIR:-$src/../shared}"
if [ -d "$shared" ]; then
  for f in $(find "$shared" -name '*.scxml' | head -300); do seed scxml <"$f"; done
  for f in $(find "$shared" -name '*.docx' | head -100); do
    unzip -p "$f" word/document.xml 2>/dev/null | seed template || true
  done
fi
# Expressions: the text of every {tag} in those parts.
cat "$out"/template/* | grep -o '{[^{}]*}' | sed 's/^{[#^\/]\{0,1\}//; s/}$//' | sort -u |
  while IFS= read -r tag; do printf '%s' "$tag" | seed expression; done
for e in 'a.b[0].c | upper' 'n > 1 ? "tak" : "nie"' '!(t && s == "x") || -n * 2 % 3' \
         'kwota | kwota' 'n | liczba:"dzień":"dni":"dni"' '[1, 2, a.b].length' '$index + 1'; do
  printf '%s' "$e" | seed expression
done
# Workflows and municipalities.
for f in $(find "$src/workflows" "$src/tests" \( -name '*.scxml' -o -name '*.xml' \) | xargs grep -l '<scxml'); do
  seed scxml <"$f"
done
for f in $(find "$src/samples" "$src/tests" -name '*.xml' | xargs grep -l '<municipality' || true); do
  seed municipality <"$f"
done
# JSON: samples, scenarios and test data.
for f in $(find "$src/samples" "$src/tests" -name '*.json' -size -64k); do seed json <"$f"; done
printf '%s' '{"id":"case-1","seq":3,"done":false,"data":{"a":[1,2.5e3,"\u017c",null,true]}}' |
  seed json
# Rules and scripts.
for f in $(find "$src/rules" "$src/tests" -name '*.js' -size -64k); do seed script_rewrite <"$f"; done
# Dates, instants and durations, from the docs and the workflows.
{
  grep -rhoE 'P[0-9WDTHMSY]+' "$src/workflows" "$src/docs/calendar.md" 2>/dev/null | sort -u
  grep -rhoE '20[0-9]{2}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?' \
    "$src/docs/calendar.md" "$src/README.md" 2>/dev/null | sort -u
  printf '%s\n' P1D P5WD PT2H P1Y2M3W4DT5H6M7S 2024-02-29 2026-11-23T10:00+02:00 1970-01-01T00:00:00.250Z
  grep -rhoE '(due|every)="[^"]*"' "$src/workflows" "$src/tests" 2>/dev/null | sed 's/^[a-z]*="//; s/"$//' |
    sort -u
} | while IFS= read -r t; do printf '%s' "$t" | seed time; done
# A holiday rule file: the embedded Polish rules without the raw-string wrapper.
grep -v 'RULES' "$src/engine/src/time/holidays_pl.inc" | seed time
for d in "$out"/*; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done
