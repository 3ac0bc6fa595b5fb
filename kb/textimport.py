"""Reading an official text pasted as plain text into articles.

A maintainer copies a law from an official database into a text file; this
module finds the article headings ("Статья 19. Title", "Моддаи 19.",
"Article 19", also as Markdown headings, with labels like 143(1), 143-1 or
143¹) and returns each article's label, title and verbatim body. It reads;
it never guesses: what it cannot parse is reported with its line number and
nothing is imported (see ``huquq import``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem

HEADING_WORDS = {
    "en": ("article", "art."),
    "ru": ("статья", "ст."),
    "tg": ("моддаи", "модда"),
}
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_WORDS = "|".join(re.escape(w) for words in HEADING_WORDS.values() for w in words)
HEADING = re.compile(
    rf"^\s*(?P<hashes>#+\s*)?(?P<word>{_WORDS})(?=[\s\d]|$)\s*"
    r"(?P<number>\d+)?"
    r"(?P<suffix>[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\(\d+\)|-\d+)?"
    r"\s*(?P<stop>[.:])?\s*(?P<title>.*?)\s*$",
    re.IGNORECASE,
)
TAJIK_LETTERS = set("ҳҷқғӣӯҲҶҚҒӢӮ")
# Headings of parts and chapters between articles: not part of any article's text.
SECTION = re.compile(r"^\s*(#+.*|(?i:part|chapter|section|раздел|глава|параграф|қисми|боби|фасли)\s+"
                     r"[\dIVXLC]+\.?(\s+[A-ZА-ЯЁҲҶҚҒӢӮ\d].*)?)$")  # "Глава 5. Задержание", not "Part 2 of this article"


@dataclass(frozen=True)
class Article:
    label: str
    title: str
    body: str
    line: int  # line of the heading in the pasted file


def label_of(number: str, suffix: str | None) -> str:
    """143 + ¹ / (1) / -1 -> "143-1", the label form of DESIGN.md."""
    if not suffix:
        return number
    return f"{number}-{suffix.translate(_SUPERSCRIPTS).strip('()-')}"


def _language_problem(text: str, lang: str) -> str | None:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)
    if lang == "en" and cyrillic > 0.05:
        return "Cyrillic text in a text imported as English"
    if lang in ("ru", "tg") and cyrillic < 0.6:
        return f"Latin text in a text imported as {'Russian' if lang == 'ru' else 'Tajik'}"
    if lang == "ru" and TAJIK_LETTERS & set(text):
        return "Tajik letters (ҳ ҷ қ ғ ӣ ӯ) in a text imported as Russian"
    return None


def parse_articles(text: str, lang: str, shown: str) -> tuple[list[Article], list[Problem]]:
    """The articles of a pasted text, and every problem found (with lines in the text)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problems: list[Problem] = []
    articles: list[Article] = []
    seen: dict[str, int] = {}
    current: dict | None = None

    def close() -> None:
        if current is None:
            return
        body = "\n".join(current["lines"]).strip("\n")
        if not body.strip():
            problems.append(Problem(shown, current["line"], f"article {current['label']} has no text; "
                                    "expected its text on the lines after the heading"))
            return
        articles.append(Article(current["label"], current["title"], body, current["line"]))

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        match = HEADING.match(line)
        if match and match["title"] and not (match["stop"] or match["hashes"]):
            match = None  # "Article 4 of the Convention ..." starts a sentence, not an article
        if match is None and SECTION.match(line):
            continue
        if match is None:
            if current is not None:
                current["lines"].append(line)
                if (why := _language_problem(line, lang)) is not None:
                    problems.append(Problem(shown, number, f"{why}; expected {lang} text (--lang {lang})"))
            continue
        close()
        word = match["word"].lower()
        if word not in HEADING_WORDS[lang]:
            expected = HEADING_WORDS[lang][0].capitalize()
            problems.append(Problem(shown, number, f"heading {match['word']!r} in a text imported as "
                                    f"{lang}; expected '{expected} N.' (or give the right --lang)"))
        if match["number"] is None:
            problems.append(Problem(shown, number, f"article heading without a number: {line.strip()!r}; "
                                    f"expected e.g. '{HEADING_WORDS[lang][0].capitalize()} 19.'"))
            current = None
            continue
        label = label_of(match["number"], match["suffix"])
        if label in seen:
            problems.append(Problem(shown, number, f"article {label} appears twice (first at line "
                                    f"{seen[label]}); expected each article once"))
        seen.setdefault(label, number)
        current = {"label": label, "title": match["title"].rstrip("."), "line": number, "lines": []}
    close()
    if not seen and not problems:
        word = HEADING_WORDS[lang][0].capitalize()
        problems.append(Problem(shown, 1, f"no article headings found; expected lines like '{word} 19.' "
                                "or '{word} 19. Title'".replace("{word}", word)))
    return articles, problems
