"""The default reference document: styles, A4 page, header and footer.

An organisation restyles ``templates/reference.docx`` in Word (fonts, colours,
letterhead in the header) and passes it with ``--template``. This module
rebuilds the default one: ``python -m generator.word.reference``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from .. import paths
from .oxml import add_field

DEFAULT_PATH = paths.TEMPLATES / "reference.docx"
BODY_FONT = "Times New Roman"   # has the Tajik letters ҳ ҷ қ ғ ӣ ӯ in Word's standard fonts
HEADING_FONT = "Arial"
GREY = RGBColor(0x55, 0x55, 0x55)


def build_reference(path: Path = DEFAULT_PATH) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
    styles = document.styles

    normal = styles["Normal"]
    normal.font.name, normal.font.size = BODY_FONT, Pt(11.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 20), ("Subtitle", 13), ("Heading 1", 15), ("Heading 2", 12.5), ("Heading 3", 11.5)):
        style = styles[name]
        style.font.name, style.font.size = HEADING_FONT, Pt(size)
        style.font.color.rgb = RGBColor(0x1A, 0x23, 0x7E)
        style.paragraph_format.space_before = Pt(12 if name.startswith("Heading") else 0)
        style.paragraph_format.space_after = Pt(6)
    styles["Title"].font.bold = True
    quote = styles["Quote"]
    quote.font.name, quote.font.size, quote.font.italic = BODY_FONT, Pt(10.5), False
    quote.paragraph_format.left_indent = Cm(1)

    _paragraph_style(styles, "Huquq Note", size=9.5, italic=True, color=GREY)
    _paragraph_style(styles, "Huquq Meta", size=10.5, space_after=0)
    confidential = _paragraph_style(styles, "Huquq Confidential", size=11, bold=True, color=RGBColor(0xB7, 0x1C, 0x1C))
    confidential.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table_text = _paragraph_style(styles, "Huquq Table Text", size=9, space_after=0)
    table_text.paragraph_format.line_spacing = 1.0
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        styles[name].paragraph_format.keep_with_next = True  # a heading never ends a page
    normal.paragraph_format.widow_control = True  # no line of a paragraph alone on a page
    footnote = _paragraph_style(styles, "Footnote Text", size=9, space_after=2)
    footnote.paragraph_format.line_spacing = 1.0
    reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True
    hyperlink = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    hyperlink.font.color.rgb, hyperlink.font.underline = RGBColor(0x0B, 0x50, 0xA0), True

    # The notice: large, clear type for a person who has just been detained.
    _paragraph_style(styles, "Notice Title", size=17, bold=True, font=HEADING_FONT, space_after=6)
    _paragraph_style(styles, "Notice Intro", size=11, font=HEADING_FONT, space_after=8)
    _paragraph_style(styles, "Notice Heading", size=12, bold=True, font=HEADING_FONT, space_after=3)
    right = _paragraph_style(styles, "Notice Right", size=11, font=HEADING_FONT, space_after=0)
    right.paragraph_format.left_indent = Cm(0.6)
    right.paragraph_format.first_line_indent = Cm(-0.6)
    basis = _paragraph_style(styles, "Notice Basis", size=7.5, font=HEADING_FONT, color=GREY, space_after=5)
    basis.paragraph_format.left_indent = Cm(0.6)
    _paragraph_style(styles, "Notice Text", size=11, font=HEADING_FONT, space_after=3)
    _paragraph_style(styles, "Notice Small", size=7.5, font=HEADING_FONT, color=GREY, space_after=0)
    for name in ("Notice Title", "Notice Intro", "Notice Heading", "Notice Right", "Notice Basis", "Notice Text", "Notice Small"):
        styles[name].paragraph_format.line_spacing = 1.0

    header = section.header.paragraphs[0]  # the organisation's name goes here (--org), or nothing
    header.style = styles["Huquq Note"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.style = styles["Huquq Note"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(footer, "PAGE")
    footer.add_run(" / ")
    add_field(footer, "NUMPAGES")

    core = document.core_properties
    core.author, core.title, core.comments = "huquq", "huquq reference document", "Styles for huquq memos and notices"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _paragraph_style(styles, name, size, bold=False, italic=False, color=None, font=BODY_FONT, space_after=4):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name, style.font.size, style.font.bold, style.font.italic = font, Pt(size), bold, italic
    if color is not None:
        style.font.color.rgb = color
    style.paragraph_format.space_after = Pt(space_after)
    return style


if __name__ == "__main__":
    print(build_reference(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH))
