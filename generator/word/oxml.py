"""The raw WordprocessingML that python-docx has no API for: footnotes,
hyperlinks and page-number fields. Everything that touches XML directly is here.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

_EMPTY_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


class FootnotesPart(XmlPart):
    """word/footnotes.xml, loaded as XML so that footnotes can be added."""


# A document that already has footnotes (a reference restyled in Word) loads them as XML.
PartFactory.part_type_for[CT.WML_FOOTNOTES] = FootnotesPart


class Footnotes:
    """Adds real Word footnotes to a document."""

    def __init__(self, document):
        self.document = document
        self.part = self._footnotes_part(document.part)
        # Footnotes a reference document carried are dropped: only separators stay.
        for note in self.part.element.findall(qn("w:footnote")):
            if note.get(qn("w:type")) not in ("separator", "continuationSeparator"):
                self.part.element.remove(note)
        self.next_id = 1

    @staticmethod
    def _footnotes_part(document_part) -> FootnotesPart:
        for rel in document_part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                if isinstance(rel.target_part, FootnotesPart):
                    return rel.target_part
                part = FootnotesPart(rel.target_part.partname, CT.WML_FOOTNOTES,
                                     parse_xml(rel.target_part.blob), document_part.package)
                rel._target = part
                return part
        part = FootnotesPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                             parse_xml(_EMPTY_FOOTNOTES), document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)
        return part

    def add(self, paragraph: Paragraph, text: str, links=()) -> int:
        """Put a footnote reference at the end of ``paragraph``; the note says ``text``, then each of
        ``links`` ((address, text shown) pairs) as a hyperlink."""
        note_id = self.next_id
        self.next_id += 1
        ref = parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>'
        )
        paragraph._p.append(ref)
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r></w:p></w:footnote>'
        )
        p = note.find(qn("w:p"))
        p.append(_text_run(" " + text))
        for url, shown in links:
            p.append(_text_run(" "))
            p.append(hyperlink_element(self.part, url, shown))
        self.part.element.append(note)
        return note_id


def _text_run(text: str, style: str | None = None):
    run = parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"></w:t></w:r>')
    run.find(qn("w:t")).text = text
    if style:
        run.insert(0, parse_xml(f'<w:rPr {nsdecls("w")}><w:rStyle w:val="{style}"/></w:rPr>'))
    return run


def hyperlink_element(part, url: str, text: str):
    rid = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}" w:history="1"></w:hyperlink>')
    link.append(_text_run(text, style="Hyperlink"))
    return link


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    paragraph._p.append(hyperlink_element(paragraph.part, url, text))


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A field such as PAGE or NUMPAGES; Word computes its value when it opens the file."""
    for xml in (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r {ns}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        '<w:r {ns}><w:t>{placeholder}</w:t></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"), instr=instruction, placeholder=placeholder)))


def clear_body(document) -> None:
    """Remove the reference document's content, keeping its section (page) settings."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def keep_with_next(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True
