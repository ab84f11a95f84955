#!/usr/bin/env bash
# docxtemplater compatibility: every case of the shared docx corpus (40 renders, 8 error cases)
# rendered by `koop render` must give docxtemplater's text, or its errors.
set -u
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
exec "$PY" "$KOOP_SHARED_DIR/tools/docx-compat-check" "$KOOP render {template} {data} -o {out}"
