"""Turning a rendered document template into Word paragraphs.

Templates (``templates/memo/*.j2``, ``templates/notice/*.j2``) render to a
line-based markup, one block per line, so that a pull request shows a plain
diff of the document's structure:

    @title Legal grounding memo          a paragraph in style "Title"
    @h1 Facts                            "Heading 1" (also @h2, @h3)
    @p Text{{ fn("ICCPR, art. 9") }}     "Normal", with a footnote
    @lead Bold part{{ sep }}rest          bold lead-in, then normal text
    @quote, @bullet, @number, @note      "Quote", "List Bullet", "List Number", "Huquq Note"
    @style Style Name{{ sep }}text        any paragraph style
    @table A{{ sep }}B                   a table with these headers; then @row a{{ sep }}b
    @pagebreak

Values from the sources never start a line: the environment turns their line
breaks into soft paragraph breaks (``BREAK``), so a text can never inject a
block of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.enum.text import WD_BREAK

from .oxml import Footnotes, keep_with_next

SEP = "\x1f"       # separates the parts of a block
BREAK = "\x1e"     # a paragraph break inside a value
FN_OPEN, FN_CLOSE = "\x02", "\x03"  # a footnote marker: FN_OPEN + number + FN_CLOSE
_FOOTNOTE = re.compile(f"{FN_OPEN}(\\d+){FN_CLOSE}")

STYLES = {
    "title": "Title", "subtitle": "Subtitle", "h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3",
    "p": "Normal", "quote": "Quote", "bullet": "List Bullet", "number": "List Number",
    "note": "Huquq Note", "meta": "Huquq Meta", "confidential": "Huquq Confidential", "lead": "Normal",
}
REQUIRED_STYLES = sorted({*STYLES.values(), "Table Grid", "Footnote Text", "Footnote Reference", "Hyperlink"})


@dataclass
class Note:
    text: str
    links: tuple[tuple[str, str], ...] = ()  # (address, text shown)


@dataclass
class NoteCollector:
    """Remembers each footnote and leaves a marker in the text where its reference goes."""

    notes: list[Note] = field(default_factory=list)

    def __call__(self, text: str, links=()) -> str:
        self.notes.append(Note(clean(text), tuple(links)))
        return f"{FN_OPEN}{len(self.notes)}{FN_CLOSE}"


def finalize(value) -> str:
    """Jinja's finalize: every value printed into a template passes here."""
    if value is None:
        return ""
    return clean(str(value)).replace("\r\n", "\n").replace("\n", BREAK)


def clean(text: str) -> str:
    """Drop characters Word cannot store (the sources refuse them; matters are cleaned)."""
    return re.sub(r"[\x00-\x01\x04-\x08\x0b\x0c\x0e-\x1d\x7f\ufffe\uffff]", "", text)


class BlockError(ValueError):
    """A template produced a line that is not a known block."""


def write_blocks(document, markup: str, notes: list[Note], template_name: str = "template") -> None:
    footnotes = Footnotes(document) if notes else None
    # Looked up once: finding a style by name walks all of the reference document's styles.
    cell_style = next((style for style in document.styles if style.name == TABLE_TEXT), None)
    table = None
    paragraph = None  # the body's last paragraph, while nothing has followed it
    for number, line in enumerate(markup.split("\n"), 1):
        if not line.strip():
            continue
        if not line.startswith("@"):
            raise BlockError(f"{template_name}: output line {number} does not start with a block name "
                             f"(@p, @h1, ...): {line[:60]!r}")
        name, _, rest = line[1:].partition(" ")
        if name == "pagebreak":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            paragraph = None
            continue
        if name == "table":
            # The heading and the sentence that introduce a table stay on its page, not alone at a page's foot.
            if paragraph is not None:
                keep_with_next(paragraph)
                paragraph = None
            headers = rest.split(SEP)
            table = document.add_table(rows=1, cols=len(headers))
            table.style = document.styles["Table Grid"]
            _full_width(table)
            for cell, text in zip(table.rows[0].cells, headers):
                _cell_style(cell.paragraphs[0], cell_style)
                keep_with_next(cell.paragraphs[0])  # the header row with the first row
                _fill(cell.paragraphs[0], text, notes, footnotes, bold=True)
            _repeat_header(table.rows[0])
            continue
        if name == "row":
            if table is None:
                raise BlockError(f"{template_name}: output line {number}: @row before any @table")
            row = table.add_row()
            _keep_whole(row)
            for cell, text in zip(row.cells, rest.split(SEP)):
                _cell_style(cell.paragraphs[0], cell_style)
                _fill(cell.paragraphs[0], text.replace(BREAK, " "), notes, footnotes)
            continue
        table = None
        if name == "style":
            style, _, rest = rest.partition(SEP)
        elif name in STYLES:
            style = STYLES[name]
        else:
            raise BlockError(f"{template_name}: output line {number}: unknown block @{name}; "
                             f"expected one of {', '.join(sorted([*STYLES, 'style', 'table', 'row', 'pagebreak']))}")
        chunks = [chunk for chunk in rest.split(BREAK) if chunk.strip()] or [""]
        for index, chunk in enumerate(chunks):
            paragraph = document.add_paragraph(style=document.styles[style])
            if name == "lead" and index == 0 and SEP in chunk:
                lead, _, chunk = chunk.partition(SEP)
                _fill(paragraph, lead, notes, footnotes, bold=True)
            _fill(paragraph, chunk, notes, footnotes)
            if name in ("h1", "h2", "h3"):
                # A heading stays with its first paragraph, and nothing else is chained: a chain of
                # kept paragraphs leaves half-empty pages and pages of two lines.
                keep_with_next(paragraph)


def _fill(paragraph, text: str, notes: list[Note], footnotes: Footnotes | None, bold: bool = False) -> None:
    """Text with footnote markers: runs of text, and a reference where each marker was."""
    position = 0
    for match in _FOOTNOTE.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position:match.start()]).bold = bold or None
        note = notes[int(match.group(1)) - 1]
        footnotes.add(paragraph, note.text, note.links)
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:].replace(BREAK, " ")).bold = bold or None


TABLE_TEXT = "Huquq Table Text"  # compact type for tables, where the reference document has it


def _cell_style(paragraph, style) -> None:
    if style is not None:
        paragraph.style = style


def _full_width(table) -> None:
    """The table spans the text width (LibreOffice otherwise shrinks it to its content)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="5000" w:type="pct"/>'))


def _keep_whole(row) -> None:
    """A row is not split across pages (a page holding only a row's last words and the repeated header)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))


def _repeat_header(row) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def missing_styles(document, extra: tuple[str, ...] = ()) -> list[str]:
    names = {style.name for style in document.styles}
    return [name for name in (*REQUIRED_STYLES, *extra) if name not in names]
