"""Building blocks for the Kooperacja document templates.

A small layer over python-docx so that every template shares one look: A4 page, styles with Polish
display names, a legal numbering (§ 1. / 1. / 1) / a)), a header with the municipality's name, a
footer with page numbers, tables with a repeated header row and loop rows, and signature blocks.

Templates are written with the tag syntax of DESIGN.md §7 (docxtemplater with paragraphLoop and
linebreaks). Loops meant for printing blank forms follow one pattern: the real rows are a loop
`{#items}…{/items}` and the blank form's empty rows are an inverted section `{^items}…{/items}`, so
a document rendered without the list (`koop render --blanks`) still prints the empty rows of the seed.
"""

import copy
import datetime
import io
import re
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

FIXED_TIME = datetime.datetime(2026, 1, 1, 0, 0, 0)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
DOTS = "…………………………"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# Paragraph styles: (style id, Polish display name, size pt, bold, italic, alignment, space before,
# space after, keep with next).
_PARA_STYLES = [
    ("KoopTytul", "Tytuł dokumentu", 13, True, False, "center", 6, 6, True),
    ("KoopPodtytul", "Podtytuł dokumentu", 11, False, True, "center", 0, 10, True),
    ("KoopNaglowek", "Nagłówek części", 11, True, False, "left", 12, 4, True),
    ("KoopParagraf", "Paragraf (§)", 11, True, False, "center", 10, 4, True),
    ("KoopTytulParagrafu", "Tytuł paragrafu", 11, True, False, "center", 0, 4, True),
    ("KoopUstep", "Ustęp", 11, False, False, "justify", 0, 3, False),
    ("KoopPunkt", "Punkt", 11, False, False, "justify", 0, 2, False),
    ("KoopLitera", "Litera", 11, False, False, "justify", 0, 2, False),
    ("KoopLista", "Lista numerowana", 11, False, False, "left", 0, 2, False),
    ("KoopObjasnienie", "Objaśnienie pod linią", 8, False, True, "center", 0, 0, False),
    ("KoopPrzypis", "Uwaga drobnym drukiem", 9, False, True, "left", 6, 0, False),
    ("KoopTabela", "Tekst w tabeli", 10, False, False, "left", 0, 0, False),
    ("KoopTabelaNaglowek", "Nagłówek tabeli", 9, True, False, "center", 0, 0, False),
    ("KoopZalacznik", "Oznaczenie załącznika", 10, False, True, "right", 0, 6, False),
    ("KoopMiejsceData", "Miejscowość i data", 11, False, False, "right", 0, 12, False),
    ("KoopAdresat", "Adresat", 11, True, False, "left", 0, 0, False),
    ("KoopPetla", "Znacznik pętli", 8, False, False, "left", 0, 0, False),
]

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}

# Legal numbering: § 1. / 1. / 1) / a). Levels restart whenever a higher level appears.
_LEGAL_ABSTRACT = 90
_LIST_ABSTRACT = 91
_LEGAL_NUM = 90
_LIST_NUM = 89


def _lvl(ilvl, fmt, text, left, hanging, jc="left", suff="tab", bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="{jc}"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
    )


def _abstract(aid, levels):
    return parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
        + "".join(levels)
        + "</w:abstractNum>"
    )


class Template:
    """One .docx template being built."""

    def __init__(self, title, subject, header_right="{osrodek.nazwa}", landscape=False):
        self.doc = Document()
        self.title = title
        self._next_num = _LEGAL_NUM + 1
        self._setup_page(landscape)
        self._setup_styles()
        self._setup_numbering()
        self._setup_header_footer(header_right)
        props = self.doc.core_properties
        props.title = title
        props.subject = subject
        props.author = "Kooperacja – szablony dokumentów"
        props.last_modified_by = "doc-templates/src/build.py"
        props.keywords = "Model kooperacji; szablon"
        props.language = "pl-PL"
        props.created = FIXED_TIME
        props.modified = FIXED_TIME
        props.last_printed = FIXED_TIME
        props.revision = 1
        props.comments = ""
        props.category = "Szablon"
        # The default template ships one empty paragraph; start from an empty body.
        body = self.doc.element.body
        for p in body.findall(qn("w:p")):
            body.remove(p)

    # ---- set-up ---------------------------------------------------------------------------------

    def _setup_page(self, landscape):
        s = self.doc.sections[0]
        if landscape:
            s.orientation = WD_ORIENT.LANDSCAPE
            s.page_width, s.page_height = Cm(29.7), Cm(21.0)
        else:
            s.page_width, s.page_height = Cm(21.0), Cm(29.7)
        s.left_margin = s.right_margin = Cm(2.2)
        s.top_margin = Cm(2.0)
        s.bottom_margin = Cm(2.0)
        s.header_distance = Cm(1.0)
        s.footer_distance = Cm(1.0)
        self.text_width = s.page_width - s.left_margin - s.right_margin

    def _setup_styles(self):
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(11)
        rpr = normal.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), "Times New Roman")
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = parse_xml(f'<w:lang {W} w:val="pl-PL"/>')
            rpr.append(lang)
        else:
            lang.set(qn("w:val"), "pl-PL")
        normal.paragraph_format.space_after = Pt(3)
        normal.paragraph_format.line_spacing = 1.15
        for sid, name, size, bold, italic, align, before, after, keep in _PARA_STYLES:
            st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.element.set(qn("w:styleId"), sid)
            st.base_style = normal
            st.quick_style = True
            st.font.size = Pt(size)
            st.font.bold = bold
            st.font.italic = italic
            pf = st.paragraph_format
            pf.alignment = _ALIGN[align]
            pf.space_before = Pt(before)
            pf.space_after = Pt(after)
            pf.keep_with_next = keep
            if sid in ("KoopTabela", "KoopTabelaNaglowek", "KoopObjasnienie"):
                pf.line_spacing = 1.0
        styles["Uwaga drobnym drukiem"].font.color.rgb = RGBColor(0x40, 0x40, 0x40)
        styles["Znacznik pętli"].font.color.rgb = RGBColor(0x80, 0x80, 0x80)

    def _setup_numbering(self):
        numbering = self.doc.part.numbering_part.element
        legal = _abstract(
            _LEGAL_ABSTRACT,
            [
                _lvl(0, "decimal", "§ %1.", 0, 0, jc="center", suff="nothing", bold=True),
                _lvl(1, "decimal", "%2.", 357, 357),
                _lvl(2, "decimal", "%3)", 714, 357),
                _lvl(3, "lowerLetter", "%4)", 1071, 357),
            ],
        )
        simple = _abstract(
            _LIST_ABSTRACT,
            [_lvl(0, "decimal", "%1.", 357, 357), _lvl(1, "decimal", "%2)", 714, 357)],
        )
        first_num = numbering.find(qn("w:num"))
        for a in (legal, simple):
            if first_num is not None:
                first_num.addprevious(a)
            else:
                numbering.append(a)
        numbering.append(
            parse_xml(
                f'<w:num {W} w:numId="{_LEGAL_NUM}"><w:abstractNumId w:val="{_LEGAL_ABSTRACT}"/>'
                "</w:num>"
            )
        )
        numbering.append(
            parse_xml(
                f'<w:num {W} w:numId="{_LIST_NUM}"><w:abstractNumId w:val="{_LIST_ABSTRACT}"/>'
                "</w:num>"
            )
        )
        st = self._style_by_id("KoopLista")
        numpr = st.element.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = _LIST_NUM
        for sid, ilvl in (("KoopParagraf", 0), ("KoopUstep", 1), ("KoopPunkt", 2),
                          ("KoopLitera", 3)):
            st = self._style_by_id(sid)
            numpr = st.element.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = ilvl
            numpr.get_or_add_numId().val = _LEGAL_NUM
            if ilvl == 0:
                ind = st.element.get_or_add_pPr().get_or_add_ind()
                ind.left = 0
                ind.hanging = 0

    def _style_by_id(self, sid):
        for st in self.doc.styles:
            if st.style_id == sid:
                return st
        raise KeyError(sid)

    def new_list(self):
        """A fresh "1. 2. 3." list (restarting at 1); returns its numId."""
        nid = self._next_num
        self._next_num += 1
        numbering = self.doc.part.numbering_part.element
        numbering.append(
            parse_xml(
                f'<w:num {W} w:numId="{nid}"><w:abstractNumId w:val="{_LIST_ABSTRACT}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                "</w:num>"
            )
        )
        return nid

    def _setup_header_footer(self, header_right):
        sec = self.doc.sections[0]
        hp = sec.header.paragraphs[0]
        hp.text = ""
        hp.paragraph_format.tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT)
        r = hp.add_run("{gmina.nazwa}")
        r.font.size = Pt(9)
        r.bold = True
        if header_right:
            r = hp.add_run("\t" + header_right)
            r.font.size = Pt(9)
        _bottom_border(hp)
        fp = sec.footer.paragraphs[0]
        fp.text = ""
        fp.paragraph_format.tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT)
        r = fp.add_run(self.title)
        r.font.size = Pt(8)
        r.italic = True
        r = fp.add_run("\tStrona ")
        r.font.size = Pt(8)
        _field(fp, "PAGE", "1")
        r = fp.add_run(" z ")
        r.font.size = Pt(8)
        _field(fp, "NUMPAGES", "1")

    # ---- content --------------------------------------------------------------------------------

    def p(self, text="", style=None, bold=False, italic=False, align=None, size=None, numid=None,
          ilvl=0, keep=None, space_after=None):
        """A paragraph. Segments between ** are bold: "Cel: **{cel}**"."""
        para = self.doc.add_paragraph(style=style)
        _runs(para, text, bold, italic, size)
        if align:
            para.paragraph_format.alignment = _ALIGN[align]
        if keep is not None:
            para.paragraph_format.keep_with_next = keep
        if space_after is not None:
            para.paragraph_format.space_after = Pt(space_after)
        if numid is not None:
            numpr = para._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = ilvl
            numpr.get_or_add_numId().val = numid
        return para

    def title_block(self, title, subtitle=None, annex=None):
        if annex:
            self.p(annex, style="Oznaczenie załącznika")
        self.p(title, style="Tytuł dokumentu")
        if subtitle:
            self.p(subtitle, style="Podtytuł dokumentu")

    def par(self, title=None, inline_title=None):
        """A § heading; `inline_title` goes on the same line ("§ 1. Cel Porozumienia")."""
        self.p(" " + inline_title if inline_title else "", style="Paragraf (§)")
        if title:
            self.p(title, style="Tytuł paragrafu")

    def ust(self, text):
        return self.p(text, style="Ustęp")

    def pkt(self, text):
        return self.p(text, style="Punkt")

    def lit(self, text):
        return self.p(text, style="Litera")

    def loop_open(self, name, inverted=False):
        return self.p(("{^" if inverted else "{#") + name + "}", style="Znacznik pętli")

    def loop_close(self, name):
        return self.p("{/" + name + "}", style="Znacznik pętli")

    def page_break(self):
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def place_date(self, text="{dokument.miejscowosc}, {dokument.data | data}"):
        self.p(text, style="Miejscowość i data")

    def note(self, text):
        return self.p(text, style="Uwaga drobnym drukiem")

    def signatures(self, captions, top=None, width_cm=None):
        """Signature lines side by side (a borderless table), a caption under each line.

        `top` optionally gives text above each line (a name tag); captions are Polish words such as
        "/podpis osoby upoważnionej/"."""
        n = len(captions)
        table = self.doc.add_table(rows=2, cols=n)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for i, cap in enumerate(captions):
            c0 = table.cell(0, i)
            c0.paragraphs[0].text = ""
            if top and top[i]:
                _runs(c0.paragraphs[0], top[i], False, False, 10)
                c0.paragraphs[0].paragraph_format.space_before = Pt(18)
                c0.add_paragraph(DOTS + "……")
            else:
                c0.paragraphs[0].add_run(DOTS + "……")
                c0.paragraphs[0].paragraph_format.space_before = Pt(30)
            for para in c0.paragraphs:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                para.paragraph_format.space_after = Pt(0)
            c1 = table.cell(1, i)
            c1.paragraphs[0].style = self.doc.styles["Objaśnienie pod linią"]
            c1.paragraphs[0].add_run(cap)
        self.p("", space_after=0)
        return table

    def table(self, headers, widths_cm, loop=None, cells=None, blank_rows=0, fixed_rows=None,
              first_col_lp=False, size=None):
        """A grid table with a repeated header row.

        - `loop` + `cells`: one row template repeated for each item of `loop` (table-row loop);
          `blank_rows` empty rows follow as the inverted section for the printed blank form.
        - `fixed_rows`: rows of literal cell texts (no loop)."""
        rows = 1 + (1 if loop else 0) + (blank_rows if loop else 0) + len(fixed_rows or [])
        table = self.doc.add_table(rows=rows, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for row in table.rows:
            for i, w in enumerate(widths_cm):
                row.cells[i].width = Cm(w)
        hdr = table.rows[0]
        _repeat_header(hdr)
        for i, h in enumerate(headers):
            cell = hdr.cells[i]
            cell.paragraphs[0].style = self.doc.styles["Nagłówek tabeli"]
            _runs(cell.paragraphs[0], h, False, False, None)
            _shade(cell, "E7ECF2")
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        r = 1
        if loop:
            cells = list(cells)
            cells[0] = "{#" + loop + "}" + cells[0]
            cells[-1] = cells[-1] + "{/" + loop + "}"
            self._fill_row(table.rows[r], cells, size)
            r += 1
            for k in range(blank_rows):
                blank = ["" for _ in headers]
                if first_col_lp:
                    blank[0] = f"{k + 1}."
                blank[0] = "{^" + loop + "}" + blank[0]
                blank[-1] = blank[-1] + "{/" + loop + "}"
                self._fill_row(table.rows[r], blank, size, min_height=0.8)
                r += 1
        for fr in fixed_rows or []:
            self._fill_row(table.rows[r], fr, size)
            r += 1
        self.p("", space_after=2)
        return table

    def _fill_row(self, row, texts, size, min_height=None):
        for i, t in enumerate(texts):
            cell = row.cells[i]
            lines = t.split("\n") if t else [""]
            cell.paragraphs[0].style = self.doc.styles["Tekst w tabeli"]
            _runs(cell.paragraphs[0], lines[0], False, False, size)
            for extra in lines[1:]:
                para = cell.add_paragraph(style=self.doc.styles["Tekst w tabeli"])
                _runs(para, extra, False, False, size)
        if min_height:
            row.height = Cm(min_height)

    def label_table(self, rows, widths_cm=(6.0, 10.6)):
        """Two-column form table: label | value (a tag or an empty field)."""
        table = self.doc.add_table(rows=len(rows), cols=2)
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        for r, (label, value) in enumerate(rows):
            c0, c1 = table.rows[r].cells
            c0.width, c1.width = Cm(widths_cm[0]), Cm(widths_cm[1])
            c0.paragraphs[0].style = self.doc.styles["Tekst w tabeli"]
            _runs(c0.paragraphs[0], label, True, False, None)
            _shade(c0, "F2F4F7")
            lines = value.split("\n")
            c1.paragraphs[0].style = self.doc.styles["Tekst w tabeli"]
            _runs(c1.paragraphs[0], lines[0], False, False, None)
            for extra in lines[1:]:
                _runs(c1.add_paragraph(style=self.doc.styles["Tekst w tabeli"]), extra, False,
                      False, None)
        self.p("", space_after=2)
        return table

    # ---- output ---------------------------------------------------------------------------------

    def save(self, path):
        buf = io.BytesIO()
        self.doc.save(buf)
        _deterministic_zip(buf.getvalue(), path)


def _runs(para, text, bold, italic, size):
    parts = text.split("**")
    for i, part in enumerate(parts):
        if not part:
            continue
        run = para.add_run(part)
        run.bold = True if (bold or i % 2 == 1) else None
        if italic:
            run.italic = True
        if size:
            run.font.size = Pt(size)


def _field(para, instr, placeholder):
    fld = parse_xml(
        f'<w:fldSimple {W} w:instr=" {instr} "><w:r><w:rPr><w:sz w:val="16"/></w:rPr>'
        f"<w:t>{placeholder}</w:t></w:r></w:fldSimple>"
    )
    para._p.append(fld)


def _bottom_border(para):
    ppr = para._p.get_or_add_pPr()
    bdr = parse_xml(
        f'<w:pBdr {W}><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>'
    )
    # pBdr comes after keepNext..pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers
    # and before shd/tabs; inserting before tabs keeps the schema order.
    tabs = ppr.find(qn("w:tabs"))
    if tabs is not None:
        tabs.addprevious(bdr)
    else:
        ppr.append(bdr)


def _shade(cell, fill):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = parse_xml(f'<w:shd {W} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    tcw = tcpr.find(qn("w:tcW"))
    if tcw is not None:
        tcw.addnext(shd)
    else:
        tcpr.insert(0, shd)


def _repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader {W}/>'))


def _deterministic_zip(data, path):
    """Rewrites the package with fixed entry times so that the same source gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            blob = src.read(info.filename)
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", info.filename):
                # The parts we write carry no Word extensions; without the markup-compatibility
                # declaration they validate against the plain ECMA-376 schema.
                blob = re.sub(rb' mc:Ignorable="[^"]*"', b"", blob)
            out.writestr(zi, blob)
    import os

    os.replace(tmp, path)
