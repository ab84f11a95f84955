#!/usr/bin/env bash
# `koop render` mail merge (DATA.jsonl, --name), --blanks, missing values, `koop tags`, exit codes.
set -uo pipefail
PY=/usr/bin/python3
FIX="$KOOP_SOURCE_DIR/tests/data/docx/zaproszenie"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}
"$PY" "$KOOP_SOURCE_DIR/tests/data/docx/make_docx.py" "$TMP/t.docx" "$FIX/document.xml" "$FIX/header1.xml"

# Mail merge: one document per line, named by the pattern, unsafe characters replaced.
"$KOOP" render "$TMP/t.docx" "$FIX/data.jsonl" -o "$TMP/out/" --name "zaproszenie-{instytucja.nazwa}.docx" >"$TMP/merge.log"
check "merge exit 0" test $? -eq 0
check "merge wrote 3 files" test "$(ls "$TMP/out" | wc -l)" -eq 3
check "merge names" test -f "$TMP/out/zaproszenie-Komenda Powiatowa Policji w Sieradzu.docx"
check "merge sanitises" test -f "$TMP/out/zaproszenie-PCPR_Sieradz_ _Wsparcie_.docx"
check "merge text" "$PY" -c '
import sys, docx
d = docx.Document(sys.argv[1])
assert d.paragraphs[1].text == "Szkoła Podstawowa nr 2", d.paragraphs[1].text
' "$TMP/out/zaproszenie-Szkoła Podstawowa nr 2.docx"

# Default names, and a line with a missing value fails the whole merge without leaving files.
printf '%s\n' '{"gmina": {}}' > "$TMP/bad.jsonl"
"$KOOP" render "$TMP/t.docx" "$TMP/bad.jsonl" -o "$TMP/bad/" 2>"$TMP/bad.err"
check "merge missing value exit 65" test $? -eq 65
check "merge missing value leaves nothing" test -z "$(ls -A "$TMP/bad" 2>/dev/null)"
check "merge names the line" test "$(head -n 1 "$TMP/bad.err")" = \
  "koop: $TMP/bad.jsonl: document 1 (dokument-1.docx): $TMP/t.docx: 16 problems with the data:"
printf '{"a": 1}\nnot json\n' > "$TMP/broken.jsonl"
"$KOOP" render "$TMP/t.docx" "$TMP/broken.jsonl" -o "$TMP/broken/" 2>"$TMP/broken.err"
check "bad JSON line exit 65" test $? -eq 65
check "bad JSON line number" grep -q "broken.jsonl:2" "$TMP/broken.err"

# Missing values: every one listed, exit 65, no output; --blanks fills them with dots.
echo '{"instytucja": {"nazwa": "X"}}' > "$TMP/partial.json"
"$KOOP" render "$TMP/t.docx" "$TMP/partial.json" -o "$TMP/partial.docx" 2>"$TMP/partial.err"
check "missing exit 65" test $? -eq 65
check "missing no output" test ! -e "$TMP/partial.docx"
check "missing lists tags" grep -qxF '  word/document.xml: tag "koordynator.stanowisko": no value in the data' "$TMP/partial.err"
check "missing lists header tags" grep -qxF '  word/header1.xml: tag "ops.nazwa": no value in the data' "$TMP/partial.err"
# As many tag lines as the first line counts.
said=$(sed -n '1s/.*: \([0-9]*\) problems with the data:$/\1/p' "$TMP/partial.err")
check "missing lists every tag" test "$(grep -c ': no value in the data$' "$TMP/partial.err")" = "$said"
"$KOOP" render "$TMP/t.docx" "$TMP/partial.json" -o "$TMP/blank.docx" --blanks 2>"$TMP/blank.err"
check "blanks exit 0" test $? -eq 0
check "blanks dotted line" "$PY" -c '
import sys, docx
t = "\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs)
assert "…………" in t and "X" in t, t
' "$TMP/blank.docx"

# `koop tags`: JSON with the loops and their kind.
"$KOOP" tags "$TMP/t.docx" > "$TMP/tags.json"
check "tags exit 0" test $? -eq 0
check "tags structure" "$PY" -c '
import json, sys
t = json.load(open(sys.argv[1]))
body = t["parts"][0]["tags"]
loops = {x["tag"]: x for x in body if x["type"] == "loop"}
assert loops["czlonkowie"]["repeats"] == "table-row", loops
assert loops["porzadek"]["repeats"] == "paragraphs", loops
assert "instytucja" in t["data"]["czlonkowie"], t["data"]
assert "nazwa" in t["data"]["ops"], t["data"]
' "$TMP/tags.json"

# Exit codes: missing template 66, missing data 66, missing -o 64.
"$KOOP" render "$TMP/none.docx" "$FIX/data.json" -o "$TMP/x.docx" 2>/dev/null
check "missing template 66" test $? -eq 66
"$KOOP" render "$TMP/t.docx" "$TMP/none.json" -o "$TMP/x.docx" 2>/dev/null
check "missing data 66" test $? -eq 66
"$KOOP" render "$TMP/t.docx" "$FIX/data.json" 2>/dev/null
check "missing -o 64" test $? -eq 64
mkdir -p "$TMP/ro" && chmod 500 "$TMP/ro"
if [ "$(id -u)" != 0 ]; then
  "$KOOP" render "$TMP/t.docx" "$FIX/data.json" -o "$TMP/ro/x.docx" 2>/dev/null
  check "unwritable 74" test $? -eq 74
fi
"$KOOP" render "$TMP/t.docx" "$FIX/data.json" -o "$TMP/nodir/x.docx" 2>/dev/null
check "missing folder 74" test $? -eq 74

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
