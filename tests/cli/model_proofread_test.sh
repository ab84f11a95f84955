#!/usr/bin/env bash
# Proof-reading of every template rendered with its sample data (issue 15, last bullet): the text
# has no doubled full stop after "r." ("2026 r.."), no space before a comma or full stop, no
# doubled word ("się się"), no double space, no leftover "Wzór – załącznik" line, no technical
# key names, no handbook guidance in a letter that leaves the municipality; headings (Nagłówek
# części, Paragraf, Tytuł paragrafu, Tytuł dokumentu) keep with the next paragraph; signature lines
# have room above them (space before >= 18 pt); every table's column widths add up to no more than
# the page's text width.
set -euo pipefail
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}"
PY=/usr/bin/python3
$PY -c "import docx" 2>/dev/null || { echo "FAIL: python3-docx missing for $PY"; exit 1; }
DATA="$KOOP_SOURCE_DIR/tests/data/model/templates"
TPL="$KOOP_SOURCE_DIR/doc-templates"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
$PY - "$DATA" "$WORK" <<'PYEOF'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
common = json.load(open(os.path.join(src, "common.json"), encoding="utf-8"))
per = json.load(open(os.path.join(src, "per-template.json"), encoding="utf-8"))
def merge(a, b):
    r = dict(a)
    for k, v in b.items():
        r[k] = merge(r[k], v) if isinstance(v, dict) and isinstance(r.get(k), dict) else v
    return r
for name, extra in per.items():
    json.dump(merge(common, extra), open(os.path.join(out, name + ".json"), "w"), ensure_ascii=False)
PYEOF
fail=0
for f in "$TPL"/*.docx; do
  name=$(basename "$f" .docx)
  "$KOOP" render "$f" "$WORK/$name.json" -o "$WORK/$name.docx" 2>"$WORK/err" ||
    { echo "FAIL: $name: render: $(cat "$WORK/err")"; fail=1; }
done
$PY - "$WORK" <<'PYEOF' || fail=1
import glob, os, re, sys
import docx
from docx.shared import Pt
bad = 0
def report(name, what):
    global bad
    bad += 1
    print(f"FAIL: {name}: {what}")
HEADINGS = {"Nagłówek części", "Paragraf (§)", "Tytuł paragrafu", "Tytuł dokumentu"}
OUTGOING = {"zgloszenie-rops", "informacja-rops", "zaproszenie-spotkanie-partnerskie",
            "zaproszenie-ggk", "informacja-o-spotkaniu-pzk", "informacja-pracownik-sieci",
            "wniosek-kooperanta", "notatka-sluzbowa"}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.docx"))):
    name = os.path.basename(path)
    d = docx.Document(path)
    paras = list(d.paragraphs)
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                paras.extend(c.paragraphs)
    for p in paras:
        text = p.text
        for pattern, what in [(r"r\.\.", "doubled full stop after 'r.'"),
                              (r" [,.;:](?!\.)", "space before punctuation"),
                              (r"\b(\w{2,}) \1\b", "doubled word"),
                              (r"\S  +\S", "double space"),
                              (r"Wzór – załącznik", "'Wzór – załącznik' on an executed copy"),
                              (r"\b(true|false|null|undefined)\b", "technical value")]:
            m = re.search(pattern, text)
            if m:
                report(name, f"{what}: …{text[max(0, m.start() - 30):m.end() + 30]}…")
        # Letters that leave the municipality carry no handbook guidance nor its annex labels.
        if name.split(".")[0] in OUTGOING:
            m = re.search(r"\(podręcznik|do podręcznika wdrażania|\(Regulamin, §", text)
            if m:
                report(name, f"handbook guidance in an outgoing letter: …{text[max(0, m.start() - 30):m.end() + 30]}…")
    for p in d.paragraphs:
        if p.style is not None and p.style.name in HEADINGS and p.text.strip():
            kwn = p.paragraph_format.keep_with_next
            st = p.style
            while kwn is None and st is not None:
                kwn = st.paragraph_format.keep_with_next
                st = st.base_style
            if not kwn:
                report(name, f"heading does not keep with next: {p.text[:50]}")
    width = d.sections[0].page_width - d.sections[0].left_margin - d.sections[0].right_margin
    for t in d.tables:
        total = sum((c.width or 0) for c in t.rows[0].cells)
        if total > width + Pt(1):
            report(name, f"table wider than the text ({total / 360000:.1f} cm > {width / 360000:.1f} cm)")
        for row in t.rows:
            for c in row.cells:
                if c.paragraphs and c.paragraphs[0].text.startswith("…………") and \
                        c._tc.getparent() is not None and len(row.cells) and \
                        t.style is not None and t.style.name != "Table Grid":
                    sb = c.paragraphs[0].paragraph_format.space_before
                    if sb is None or sb < Pt(18):
                        report(name, "signature line without room above it")
sys.exit(1 if bad else 0)
PYEOF
[ "$fail" = 0 ] && echo "model proof-reading: OK ($(ls "$TPL"/*.docx | wc -l) templates)"
exit "$fail"
