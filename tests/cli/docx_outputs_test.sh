#!/usr/bin/env bash
# Regression: outputs that destroyed what was there. `koop render -o` replaced a symbolic link, a
# FIFO or a device node by rename() (the link's target kept, the link gone; a FIFO replaced), and a
# mail merge that failed on document N left documents 1..N-1 behind and had already replaced the
# files of an earlier merge. Now -o replaces only a regular file (74 otherwise, nothing touched)
# and a failed merge leaves the output folder byte for byte as it was.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
FIX="$KOOP_SOURCE_DIR/tests/data/docx/zaproszenie"
"$PY" "$KOOP_SOURCE_DIR/tests/data/docx/make_docx.py" t.docx "$FIX/document.xml" "$FIX/header1.xml"

# snapshot DIR: every entry (hidden ones too) with its type and content hash, sorted.
snapshot() {
  (cd "$1" && find . -printf '%y %p %l\n' | sort && find . -type f -exec sha256sum {} + | sort)
}

# --- Class: -o names something that is not a regular file -----------------------------------
echo "precious" >target.txt
ln -s target.txt link.docx
"$KOOP" render t.docx "$FIX/data.json" -o link.docx 2>err.txt
check "symlink: exit 74" 74 $?
check "symlink: message" \
  "koop: link.docx: refusing to replace a symbolic link (only regular files are replaced)" \
  "$(cat err.txt)"
check "symlink: still a link" "link.docx -> target.txt" "$(find link.docx -printf '%p -> %l')"
check "symlink: target untouched" "precious" "$(cat target.txt)"

mkfifo pipe.docx
timeout 30 "$KOOP" render t.docx "$FIX/data.json" -o pipe.docx 2>err.txt
check "fifo: exit 74" 74 $?
check "fifo: message" \
  "koop: pipe.docx: refusing to replace a FIFO (only regular files are replaced)" "$(cat err.txt)"
check "fifo: still a FIFO" "yes" "$([ -p pipe.docx ] && echo yes || echo no)"

"$KOOP" render t.docx "$FIX/data.json" -o /dev/null 2>err.txt
check "device: exit 74" 74 $?
check "device: message" \
  "koop: /dev/null: refusing to replace a character device (only regular files are replaced)" \
  "$(cat err.txt)"
check "device: still a device" "character special file" "$(stat -c %F /dev/null)"

mkdir folder.docx
"$KOOP" render t.docx "$FIX/data.json" -o folder.docx 2>err.txt
check "folder: exit 74" 74 $?
check "folder: message" \
  "koop: folder.docx: refusing to replace a folder (only regular files are replaced)" \
  "$(cat err.txt)"

ln -s target.txt plain.pdf
cp t.docx plain.docx
"$KOOP" render t.docx "$FIX/data.json" -o plain.docx --pdf 2>err.txt
check "pdf beside a symlink: exit 74" 74 $?
check "pdf: docx not written either" "$(sha256sum <t.docx)" "$(sha256sum <plain.docx)"

ln -s target.txt graph.svg
"$KOOP" graph "$KOOP_SOURCE_DIR/workflows/case.scxml" -o graph.svg 2>err.txt
check "graph symlink: exit 74" 74 $?
check "graph symlink: target untouched" "precious" "$(cat target.txt)"

# A regular file is replaced, and nothing temporary is left beside it.
echo old >ok.docx
"$KOOP" render t.docx "$FIX/data.json" -o ok.docx
check "regular: exit 0" 0 $?
check "regular: replaced by a docx" "PK" "$(head -c 2 ok.docx)"
check "no temporaries" "" "$(ls -A | grep -E '\.tmp|koop-' || true)"

# --- Class: a mail merge that fails part way -------------------------------------------------
mkdir out
echo "an earlier merge" >out/dokument-1.docx
echo "keep me" >out/notes.txt
ln -s ../target.txt out/link
head -2 "$FIX/data.jsonl" >merge.jsonl
echo '{"gmina": {}}' >>merge.jsonl # document 3 misses values
before=$(snapshot out)
"$KOOP" render t.docx merge.jsonl -o out/ 2>err.txt
check "merge failing on document 3: exit 65" 65 $?
check "merge: names document 3" 1 "$(lines err.txt 'merge.jsonl: document 3 (dokument-3.docx)')"
check "merge: output folder exactly as it was" "$before" "$(snapshot out)"
check "merge: nothing left beside it" "" "$(ls -A | grep koop- || true)"

# A merge whose document name is a symbolic link is refused before anything moves.
head -2 "$FIX/data.jsonl" >good.jsonl
ln -s ../target.txt out/dokument-2.docx
before=$(snapshot out)
"$KOOP" render t.docx good.jsonl -o out/ 2>err.txt
check "merge onto a symlink: exit 74" 74 $?
check "merge onto a symlink: message" \
  "koop: out/dokument-2.docx: refusing to replace a symbolic link (only regular files are replaced)" \
  "$(cat err.txt)"
check "merge onto a symlink: folder as it was" "$before" "$(snapshot out)"
check "merge onto a symlink: target untouched" "precious" "$(cat target.txt)"

# A merge into a folder that did not exist and fails leaves no folder.
"$KOOP" render t.docx merge.jsonl -o fresh/ 2>/dev/null
check "failed merge into a new folder: exit 65" 65 $?
check "failed merge into a new folder: no folder" "no" "$([ -e fresh ] && echo yes || echo no)"

# A good merge replaces same-named files and keeps the others.
rm out/dokument-2.docx
"$KOOP" render t.docx good.jsonl -o out/ >/dev/null
check "good merge: exit 0" 0 $?
check "good merge: listing" "dokument-1.docx dokument-2.docx link notes.txt" "$(ls out | xargs)"
check "good merge: replaced" "PK" "$(head -c 2 out/dokument-1.docx)"
check "good merge: others kept" "keep me" "$(cat out/notes.txt)"

[ "$failures" -eq 0 ]
