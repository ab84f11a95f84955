#!/usr/bin/env python3
"""make_docx.py OUT.docx DOCUMENT.xml [HEADER.xml [FOOTER.xml]]

Builds a minimal Word package around the given parts (standard library only), so test
templates live in the repository as readable XML rather than binary .docx files.
"""
import sys
import zipfile

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
{overrides}</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
{rels}</Relationships>"""
REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_T = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out, document = argv[1], argv[2]
    extra = [("header1.xml", "header", "rIdH1", argv[3]) if len(argv) > 3 else None,
             ("footer1.xml", "footer", "rIdF1", argv[4]) if len(argv) > 4 else None]
    extra = [e for e in extra if e]
    overrides = "".join('<Override PartName="/word/%s" ContentType="%s"/>\n'
                        % (name, CT_T.format(kind)) for name, kind, _, _ in extra)
    rels = "".join('<Relationship Id="%s" Type="%s%s" Target="%s"/>\n'
                   % (rid, REL_T, kind, name) for name, kind, rid, _ in extra)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT.format(overrides=overrides))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS.format(rels=rels))
        with open(document, encoding="utf-8") as f:
            z.writestr("word/document.xml", f.read())
        for name, _, _, path in extra:
            with open(path, encoding="utf-8") as f:
                z.writestr("word/" + name, f.read())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
