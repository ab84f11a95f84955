#!/usr/bin/env bash
# Regression: a 1 KB template crashed `koop render` and `koop tags` with SIGSEGV (deep
# parentheses), and loops over loops grew the output without bound. Through the real binary:
# each is exit 65 with a message naming the part and the tag, never a signal, never a file.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
W='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# docx NAME BODY: NAME.docx whose body is BODY.
docx() {
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<w:document %s><w:body>%s</w:body></w:document>' \
    "$W" "$2" >"$1.xml"
  "$PY" "$KOOP_SOURCE_DIR/tests/data/docx/make_docx.py" "$1.docx" "$1.xml"
}
rep() { "$PY" -c 'import sys; print(sys.argv[1] * int(sys.argv[2]), end="")' "$1" "$2"; }

# Deep brackets inside a short expression (the crash class): `tags` and `render` both refuse it.
expr="$(rep '[' 200)1$(rep ']' 200)"
docx deep "<w:p><w:r><w:t>{$expr}</w:t></w:r></w:p>"
"$KOOP" tags deep.docx >out.txt 2>err.txt
check "tags deep: exit 65" 65 $?
check "tags deep: message" "koop: deep.docx: 1 template error:
  word/document.xml: tag \"$expr\": tag {$expr}: expression nested deeper than 64 levels [scopeparser_compilation_failed]" \
  "$(cat err.txt)"
echo '{}' >data.json
"$KOOP" render deep.docx data.json -o deep-out.docx 2>/dev/null
check "render deep: exit 65" 65 $?
check "render deep: no output" "no" "$([ -e deep-out.docx ] && echo yes || echo no)"

# Loops over loops: 25^6 repetitions of an empty body stop at the step budget.
docx loops "<w:p><w:r><w:t>{#a}{#a}{#a}{#a}{#a}{#a}{/}{/}{/}{/}{/}{/}.</w:t></w:r></w:p>"
"$PY" -c 'import json; print(json.dumps({"a": [{}] * 25}))' >items.json
"$KOOP" render loops.docx items.json -o loops-out.docx 2>err.txt
check "loops: exit 65" 65 $?
check "loops: message" "koop: items.json: loops.docx: word/document.xml: tag \"#a\": rendering takes more than 10000000 steps (loops repeat too much)" \
  "$(cat err.txt)"
check "loops: no output" "no" "$([ -e loops-out.docx ] && echo yes || echo no)"

[ "$failures" -eq 0 ]
