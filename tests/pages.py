"""A .docx as LibreOffice lays it out: its pages and their lines, each known as heading, body, footnote or
running header/footer from its type (colour and size), so that page breaks can be checked.

LibreOffice converts to PDF; ``pdftohtml -xml`` (poppler) gives every line with its position and font.
Used by the tests of page counts and page breaks and by bench/memo.py. Needs `soffice` and `pdftohtml`
(Debian: libreoffice-writer, poppler-utils); ``available()`` says whether they are here.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HEADING_COLOUR = "#1a237e"  # the reference document's headings (generator/word/reference.py)
EDGE = 0.075  # share of the page's height at top and bottom where the running header and footer are


def available() -> bool:
    return bool(shutil.which("soffice") and shutil.which("pdftohtml"))


@dataclass(frozen=True)
class Line:
    text: str
    top: float
    size: float
    colour: str
    kind: str = ""  # heading, body, small (footnotes, notes), edge (running header or footer)


@dataclass
class Layout:
    pages: list[list[Line]]

    def body(self, number: int) -> list[Line]:
        """The headings and body lines of a page (from 1), in reading order."""
        return [line for line in self.pages[number - 1] if line.kind in ("heading", "body")]

    def first_page_with(self, *starts: str) -> int | None:
        """The number (from 1) of the first page with a heading starting with one of ``starts``."""
        for number, lines in enumerate(self.pages, 1):
            if any(line.kind == "heading" and line.text.startswith(starts) for line in lines):
                return number
        return None

    def stranded_headings(self) -> list[tuple[int, str]]:
        """(page, text) where the last line of a page's text is a heading: its paragraph is on the next."""
        found = []
        for number in range(1, len(self.pages)):
            lines = self.body(number)
            if lines and lines[-1].kind == "heading":
                found.append((number, lines[-1].text))
        return found

    def thin_pages(self, fewest: int = 3) -> list[tuple[int, int]]:
        """(page, lines) for pages other than the last holding fewer than ``fewest`` lines of text."""
        return [(number, len(self.body(number))) for number in range(1, len(self.pages))
                if len(self.body(number)) < fewest]


def layout(docx: Path) -> Layout:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        profile = out / "profile"  # a profile of its own: no clash with another LibreOffice running
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=300)
        pdf = out / (Path(docx).stem + ".pdf")
        xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], check=True, capture_output=True,
                             text=True).stdout
    fonts = {m.group(1): (float(m.group(2)), m.group(3).lower())
             for m in re.finditer(r'<fontspec id="(\d+)" size="([\d.]+)" family="[^"]*" color="(#[0-9a-fA-F]+)"', xml)}
    raw: list[tuple[float, list[Line]]] = []
    for page in re.finditer(r'<page number="\d+"[^>]*height="([\d.]+)"[^>]*>(.*?)</page>', xml, re.S):
        lines = []
        for text in re.finditer(r'<text top="([\d.]+)" left="[\d.]+" width="[\d.]+" height="[\d.]+" font="(\d+)">(.*?)</text>',
                                page.group(2), re.S):
            size, colour = fonts[text.group(2)]
            words = html.unescape(re.sub(r"<[^>]+>", "", text.group(3))).strip()
            if words:
                lines.append(Line(words, float(text.group(1)), size, colour))
        raw.append((float(page.group(1)), sorted(lines, key=lambda line: line.top)))
    body_size = Counter(line.size for _, lines in raw for line in lines).most_common(1)[0][0] if raw else 0
    pages = []
    for height, lines in raw:
        kinds = []
        for line in lines:
            if line.top < EDGE * height or line.top > (1 - EDGE) * height:
                kind = "edge"
            elif line.colour == HEADING_COLOUR:
                kind = "heading"
            elif line.size < 0.85 * body_size:
                kind = "small"
            else:
                kind = "body"
            kinds.append(Line(line.text, line.top, line.size, line.colour, kind))
        pages.append(kinds)
    return Layout(pages)
