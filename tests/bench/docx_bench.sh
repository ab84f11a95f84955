#!/usr/bin/env bash
# DOCX rendering: koop against docxtemplater on the same templates and data, in one run.
#   tests/bench/docx_bench.sh [BUILD_DIR]      (default build; needs -DKOOP_BUILD_BENCH=ON)
# docxtemplater, pizzip and angular-expressions are installed from npm into a temporary folder
# (the versions the docx corpus was made with). Prints figures; asserts nothing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
BENCH="$BUILD/tests/bench_docx"
SHARED=${KOOP_SHARED_DIR:-$ROOT/../shared}
CASE="$SHARED/docx-corpus/tag-intelligent-loop-table"
[ -x "$BENCH" ] || { echo "build bench_docx first (cmake -DKOOP_BUILD_BENCH=ON)"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== machine: $(nproc) cores, $(uname -srm)"
echo "== koop"
"$BENCH" loop-table 3
"$BENCH" rows 10000
"$BENCH" make-rows "$WORK" 10000
/usr/bin/time -f "koop render CLI, 10000 rows: %e s wall, peak RSS %M KB" \
  "$BUILD/runner/koop" render "$WORK/rows.docx" "$WORK/rows.json" -o "$WORK/koop-rows.docx"

echo "== docxtemplater (npm)"
(cd "$WORK" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund \
  docxtemplater@3.71.0 pizzip@3.3.0 angular-expressions@1.6.0 >/dev/null)
cat > "$WORK/bench.js" <<'JS'
"use strict";
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const expressionParser = require("docxtemplater/expressions.js");
const OPTIONS = { paragraphLoop: true, linebreaks: true, parser: expressionParser };
function renderOnce(tpl, dataText, out) {
  const doc = new Docxtemplater(new PizZip(tpl), Object.assign({ errorLogging: false }, OPTIONS));
  doc.render(JSON.parse(dataText));
  fs.writeFileSync(out, doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
}
const [mode, tplPath, dataPath, out, arg] = process.argv.slice(2);
const tpl = fs.readFileSync(tplPath);
const dataText = fs.readFileSync(dataPath, "utf8");
if (mode === "loop") {
  const seconds = Number(arg || 3);
  let n = 0;
  const start = process.hrtime.bigint();
  let el = 0;
  while (el < seconds) {
    renderOnce(tpl, dataText, out);
    n++;
    el = Number(process.hrtime.bigint() - start) / 1e9;
  }
  console.log(`docxtemplater loop-table: ${n} documents in ${el.toFixed(2)} s = ${(n / el).toFixed(0)} docs/s (${(el / n * 1e3).toFixed(3)} ms/doc); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
} else {
  let best = 1e9;
  for (let k = 0; k < 3; k++) {
    const a = process.hrtime.bigint();
    renderOnce(tpl, dataText, out);
    best = Math.min(best, Number(process.hrtime.bigint() - a) / 1e9);
  }
  console.log(`docxtemplater 10000-row table: parse+render+write ${best.toFixed(3)} s (best of 3); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
}
JS
NODE_PATH="$WORK/node_modules" node "$WORK/bench.js" loop "$CASE/template.docx" "$CASE/data.json" "$WORK/dt.docx" 3
NODE_PATH="$WORK/node_modules" node "$WORK/bench.js" rows "$WORK/rows.docx" "$WORK/rows.json" "$WORK/dt-rows.docx"

# Same text from both on the 10,000-row document.
if "$SHARED/tools/docx-text" "$WORK/koop-rows.docx" > "$WORK/koop.txt" &&
   "$SHARED/tools/docx-text" "$WORK/dt-rows.docx" > "$WORK/dt.txt" && cmp -s "$WORK/koop.txt" "$WORK/dt.txt"; then
  echo "10000-row outputs: same text ($(wc -l < "$WORK/koop.txt") paragraphs)"
else
  echo "10000-row outputs DIFFER"
fi
