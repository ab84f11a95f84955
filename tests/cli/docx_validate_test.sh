#!/usr/bin/env bash
# Polish fixture rendered by `koop render`: the template and the output validate against the
# WordprocessingML schema, python-docx reads the output, LibreOffice converts it to PDF (--pdf).
set -euo pipefail
PY=/usr/bin/python3
FIX="$KOOP_SOURCE_DIR/tests/data/docx/zaproszenie"
XSD="$KOOP_SHARED_DIR/ooxml-xsd/wml.xsd"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$PY" "$KOOP_SOURCE_DIR/tests/data/docx/make_docx.py" "$TMP/t.docx" "$FIX/document.xml" "$FIX/header1.xml"

# The template's main part is schema-valid, so the output must be too.
xmllint --noout --schema "$XSD" "$FIX/document.xml" 2>"$TMP/xsd.log" || { cat "$TMP/xsd.log"; fail "template invalid"; }

"$KOOP" render "$TMP/t.docx" "$FIX/data.json" -o "$TMP/out.docx" || fail "render exited $?"
"$PY" - "$TMP/out.docx" "$TMP/document.xml" <<'PYEOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    open(sys.argv[2], "wb").write(z.read("word/document.xml"))
PYEOF
xmllint --noout --schema "$XSD" "$TMP/document.xml" 2>"$TMP/xsd.log" || { cat "$TMP/xsd.log"; fail "output invalid"; }
echo "ok: output validates against wml.xsd"

"$PY" - "$TMP/out.docx" <<'PYEOF' || fail "python-docx"
import sys, docx
d = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in d.paragraphs)
for want in ["Sieradz, 23 listopada 2026 r.", "7 grudnia 2026 r. (poniedziałek)", "3 punkty",
             "125,50 zł", "5 dni", "☒ potwierdzam", "Anna WIŚNIEWSKA",
             "2. Omówienie sytuacji rodziny & dzieci <w wieku szkolnym>."]:
    assert want in text, (want, text)
rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
assert rows[1] == ["1", "GOPS Sieradz", "Zofia Łęcka"], rows
assert len(rows) == 4, rows
assert "{" not in text, text
hdr = d.sections[0].header.paragraphs[0].text
assert hdr == "Gminny Ośrodek Pomocy Społecznej – Gmina Sieradz", hdr
print("ok: python-docx reads the output")
PYEOF

if command -v soffice >/dev/null; then
  "$KOOP" render "$TMP/t.docx" "$FIX/data.json" -o "$TMP/pdf.docx" --pdf || fail "render --pdf exited $?"
  [ -s "$TMP/pdf.pdf" ] || fail "no PDF written"
  head -c 5 "$TMP/pdf.pdf" | grep -q '%PDF-' || fail "not a PDF"
  if command -v pdftotext >/dev/null; then
    pdftotext "$TMP/pdf.pdf" - | grep -q "ZAPROSZENIE" || fail "PDF lacks the text"
  fi
  echo "ok: LibreOffice converted the output to PDF"
else
  echo "soffice not installed: PDF conversion not checked"
fi
echo "1 passed, 0 failed"
