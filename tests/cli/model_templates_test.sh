#!/usr/bin/env bash
# The model's templates (doc-templates/*.docx):
#   1. the committed .docx files are exactly what doc-templates/src/build.py generates;
#   2. every template's own XML parts validate against the WordprocessingML schema;
#   3. every template renders through `koop render` with sample data and with --blanks, the output
#      validates against wml.xsd, holds no leftover {tags}, and LibreOffice converts it to PDF.
# Step 3 needs the renderer (issue 3); while `koop render` is not implemented the script says so
# and checks the templates themselves (validation and PDF conversion of the raw templates).
set -euo pipefail

: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}" "${KOOP_SHARED_DIR:?}"
PY=/usr/bin/python3
XSD="$KOOP_SHARED_DIR/ooxml-xsd/wml.xsd"
DATA="$KOOP_SOURCE_DIR/tests/data/model/templates"
TPL="$KOOP_SOURCE_DIR/doc-templates"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
err() { echo "FAIL: $*" >&2; fail=1; }

# ---- 1. reproducible generation -------------------------------------------------------------------
if $PY -c "import docx" 2>/dev/null; then
  $PY "$TPL/src/build.py" "$WORK/gen" >/dev/null
  for f in "$TPL"/*.docx; do
    cmp -s "$f" "$WORK/gen/$(basename "$f")" || err "$(basename "$f") differs from build.py output (regenerate: see doc-templates/README.md)"
  done
  n_gen=$(ls "$WORK/gen" | wc -l)
  n_tpl=$(ls "$TPL"/*.docx | wc -l)
  [ "$n_gen" = "$n_tpl" ] || err "build.py makes $n_gen templates, doc-templates/ holds $n_tpl"
else
  echo "note: python-docx missing for /usr/bin/python3; generation check skipped"
fi

# Validates word/document.xml, headers and footers of a .docx against wml.xsd.
validate_docx() {
  local docx=$1 dir
  dir=$(mktemp -d -p "$WORK")
  (cd "$dir" && unzip -q "$docx")
  for part in "$dir"/word/document.xml "$dir"/word/header*.xml "$dir"/word/footer*.xml; do
    [ -f "$part" ] || continue
    xmllint --noout --schema "$XSD" "$part" 2>"$dir/err" ||
      err "$(basename "$docx") ${part#"$dir"/}: $(head -3 "$dir/err")"
  done
}

# Text of document.xml, headers and footers (for leftover-tag checks), into a file: grepping a
# pipe with `grep -q` would end the pipe early and fail it under pipefail.
docx_text() {
  local txt="$WORK/text.$$.txt"
  unzip -p "$1" word/document.xml 'word/header*.xml' 'word/footer*.xml' 2>/dev/null |
    sed -e 's/<w:tab\/>/ /g' -e 's/<[^>]*>//g' >"$txt" || true
  cat "$txt"
}
has_text() { docx_text "$1" >"$WORK/has.txt"; grep -q -- "$2" "$WORK/has.txt"; }

# ---- 2. the templates themselves ------------------------------------------------------------------
for f in "$TPL"/*.docx; do validate_docx "$f"; done

# ---- 3. rendering ---------------------------------------------------------------------------------
renderer=1
probe_out=$("$KOOP" render "$TPL/notatka-sluzbowa.docx" "$DATA/common.json" -o "$WORK/probe.docx" --blanks 2>&1) || {
  if grep -qE "not implemented|Unknown option" <<<"$probe_out"; then renderer=0; fi
}
mkdir -p "$WORK/out" "$WORK/data"
$PY - "$DATA" "$WORK/data" <<'EOF'
import json, sys, os
src, out = sys.argv[1], sys.argv[2]
common = json.load(open(os.path.join(src, "common.json"), encoding="utf-8"))
per = json.load(open(os.path.join(src, "per-template.json"), encoding="utf-8"))
def merge(a, b):
    r = dict(a)
    for k, v in b.items():
        r[k] = merge(r[k], v) if isinstance(v, dict) and isinstance(r.get(k), dict) else v
    return r
for name, extra in per.items():
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(merge(common, extra), f, ensure_ascii=False)
EOF
echo '{}' >"$WORK/empty.json"

to_pdf=()
if [ "$renderer" = 1 ]; then
  for f in "$TPL"/*.docx; do
    name=$(basename "$f" .docx)
    data="$WORK/data/$name.json"
    [ -f "$data" ] || { err "$name: no sample data in per-template.json"; continue; }
    if ! "$KOOP" render "$f" "$data" -o "$WORK/out/$name.docx" 2>"$WORK/err"; then
      err "$name: render with sample data: $(cat "$WORK/err")"; continue
    fi
    if ! "$KOOP" render "$f" "$WORK/empty.json" -o "$WORK/out/$name-blank.docx" --blanks 2>"$WORK/err"; then
      err "$name: render --blanks: $(cat "$WORK/err")"; continue
    fi
    for out in "$WORK/out/$name.docx" "$WORK/out/$name-blank.docx"; do
      validate_docx "$out"
      docx_text "$out" >"$WORK/left.txt"
      if grep -q '{[#^/]\?[a-z_.]*[ }|]' "$WORK/left.txt"; then
        err "$(basename "$out"): leftover tag: $(grep -o '{[^}]*}' "$WORK/left.txt" | head -3 | tr '\n' ' ')"
      fi
    done
    has_text "$WORK/out/$name-blank.docx" '…' || err "$name-blank: no dotted fill-in line"
    to_pdf+=("$WORK/out/$name.docx" "$WORK/out/$name-blank.docx")
  done
  # Spot checks of content in correct Polish, with values from the sample data.
  has_text "$WORK/out/zaproszenie-ggk.docx" 'ZG/2026/014' || err "zaproszenie-ggk: case number missing"
  # 002 §4.2: on paper the invitation carries the information about the family; by e-mail
  # (instytucja.pisemnie false) the case number only (footnote 7).
  has_text "$WORK/out/zaproszenie-ggk.docx" 'Nowakowska-Testowa' || err "zaproszenie-ggk on paper: family information missing"
  $PY -c 'import json,sys; d=json.load(open(sys.argv[1])); d["instytucja"]["pisemnie"]=False; json.dump(d,open(sys.argv[2],"w"))' \
    "$WORK/data/zaproszenie-ggk.json" "$WORK/ggk-email.json"
  "$KOOP" render "$TPL/zaproszenie-ggk.docx" "$WORK/ggk-email.json" -o "$WORK/ggk-email.docx" || err "zaproszenie-ggk by e-mail: render"
  has_text "$WORK/ggk-email.docx" 'ZG/2026/014' || err "zaproszenie-ggk by e-mail: case number missing"
  has_text "$WORK/ggk-email.docx" 'Nowakowska' && err "zaproszenie-ggk by e-mail: personal data leaked"
  has_text "$WORK/out/zgoda-osoby-rodziny.docx" 'NA PRZETWARZANIE DANYCH OSOBOWYCH' || err "zgoda: consent to data processing missing"
  has_text "$WORK/out/wniosek-kooperanta.docx" 'GMINNEJ GRUPY KOOPERACJI' || err "wniosek: team name (upper filter)"
  has_text "$WORK/out/karta-planu-pracy.docx" 'Nowakowska-Testowa' || err "karta: family members missing"
  has_text "$WORK/out/porozumienie-wariant-5.docx" 'Komisariat Policji w Zielonym Gaju' || err "wariant-5: partner rows missing"
  has_text "$WORK/out/porozumienie-powiatowo-gminne.docx" 'radna/radny Jan Testowy' || err "000: councillor missing"
  # An outgoing letter carries no handbook guidance (issue 15): ROPS's own 7 days are not ours to print.
  has_text "$WORK/out/zgloszenie-rops.docx" 'ROPS kontaktuje się' && err "zgloszenie-rops: handbook guidance in the letter"
  has_text "$WORK/out/informacja-o-spotkaniu-pzk.docx" 'Powiatowy Urząd Pracy w Olszanach' || err "informacja-o-spotkaniu-pzk: a member missing from the recipients"
else
  echo "note: 'koop render' is not implemented yet; rendering checks skipped, templates checked as they are"
  to_pdf=("$TPL"/*.docx)
fi

# ---- LibreOffice --------------------------------------------------------------------------------
if command -v soffice >/dev/null; then
  mkdir -p "$WORK/pdf" "$WORK/lo"
  soffice -env:UserInstallation="file://$WORK/lo" --headless --convert-to pdf --outdir "$WORK/pdf" \
    "${to_pdf[@]}" >"$WORK/soffice.log" 2>&1 || true
  for f in "${to_pdf[@]}"; do
    pdf="$WORK/pdf/$(basename "$f" .docx).pdf"
    [ -s "$pdf" ] || err "LibreOffice did not convert $(basename "$f")"
  done
else
  echo "note: soffice missing; PDF conversion skipped"
fi

[ "$fail" = 0 ] && echo "model templates: OK (${#to_pdf[@]} documents converted)"
exit "$fail"
