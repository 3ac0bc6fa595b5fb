"""The site in three interface languages, from one build: every label is written in the page in Tajik,
Russian and English, and the reader's choice (kept in the browser) shows one of them.

Why one build and not three (measured in bench/RESULTS.md): a build per language triples the pages, the
build time and the size of the site, and a memo's link to /iccpr/9/ would have to pick one of three
copies. Here the labels add a few kilobytes to a page, and every address stays the one address.

How: templates write a label as three ``<span class="l-xx">`` (``spans``), one per interface language. Text
that the theme (Material for MkDocs) prints, such as navigation titles and its own interface words, is
written as a marker ``⟦key⟧`` (the theme's language is set to ``huquq``, a language file that returns
markers) and ``resolve`` replaces each marker after the page is rendered: with spans in text; with the
default language's words, and the three versions in ``data-l10n-attrs``, inside an attribute; with the
default words inside <title> and scripts. ``docs/assets/huquq-l10n.js`` shows the chosen language.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

import yaml

from kb.cite import pick_lang
from kb.models import LANGS

from .. import paths

DEFAULT = "ru"  # shown before the reader chooses, and without JavaScript: the lingua franca of the courts
MARKER = re.compile("\u27e6([^\u27e6\u27e7]+)\u27e7")
STRINGS = paths.TEMPLATES / "site" / "strings.yaml"


class Markup(str):
    """HTML built here from escaped parts; Jinja must not escape it again."""

    def __html__(self) -> str:
        return str(self)


def script_json(data) -> Markup:
    """``data`` as JSON that can sit inside a <script> element ("</" cannot end it)."""
    return Markup(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))


def marker(key: str) -> str:
    return f"\u27e6{key}\u27e7"


@functools.lru_cache(maxsize=4)
def load_strings(path: Path = STRINGS) -> dict[str, dict[str, str]]:
    """The interface strings, read once (the server asks for them on every request): do not change them."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def complete(texts: dict[str, str]) -> dict[str, tuple[str, str]]:
    """For each interface language, (text, language the text is in), falling back as readers do."""
    found = {}
    for lang in LANGS:
        chosen = pick_lang(texts, lang)
        found[lang] = (texts[chosen], chosen) if chosen else ("", lang)
    return found


# Between the versions of a label: a space the reader never sees (a visible one would show as "( word )"),
# which the search index, reading all three versions, needs so that "torture" and "Определение" do not run
# together into one word.
SEPARATOR = '<span class="l-sep" hidden> </span>'


def spans(texts: dict[str, str], escape: bool = True) -> Markup:
    """The three versions of a label, one shown at a time (plain text when all three are the same)."""
    versions = complete(texts)
    shown = {text for text, _lang in versions.values()}
    if len(shown) == 1:
        text = shown.pop()
        return Markup(html.escape(text) if escape else text)
    parts = []
    for lang, (text, text_lang) in versions.items():
        body = html.escape(text) if escape else text
        # lang only where the text is not in the interface language it is shown for (a Russian title on
        # the Tajik interface): the script gives <html> the interface language.
        marked = "" if text_lang == lang else f' lang="{text_lang}"'
        parts.append(f'<span class="l-{lang}"{marked}>{body}</span>')
    return Markup(SEPARATOR.join(parts))


class Catalogue:
    """Every label the site shows, by key: the strings file, the theme's words and the titles of pages
    and navigation entries registered while the pages are made."""

    def __init__(self, strings: dict[str, dict[str, str]] | None = None):
        self.table: dict[str, dict[str, str]] = dict(strings if strings is not None else load_strings())
        self._spans: dict[str, Markup] = {}  # a label is written thousands of times in a build

    def register(self, key: str, texts: dict[str, str]) -> str:
        """Remember ``texts`` under ``key``; return the marker that stands for them."""
        self.table[key] = dict(texts)
        self._spans.pop(key, None)
        return marker(key)

    def t(self, key: str) -> Markup:
        if key not in self._spans:
            self._spans[key] = spans(self.table[key])
        return self._spans[key]

    def text(self, key: str, lang: str) -> str:
        return complete(self.table.get(key, {}))[lang][0]

    def _versions(self, source: str) -> dict[str, str]:
        """``source`` (HTML holding markers) in each interface language, the labels escaped."""
        return {lang: MARKER.sub(lambda m: html.escape(self.text(m.group(1), lang)), source) for lang in LANGS}

    def resolve(self, page: str) -> str:
        """Replace every marker of a rendered page (see the module's description)."""
        if "\u27e6" not in page:
            return page
        out: list[str] = []
        position = 0
        for match in _UNITS.finditer(page):
            out.append(self._text(page[position:match.start()]))
            unit = match.group(0)
            if "\u27e6" not in unit:
                out.append(unit)
            elif unit.startswith(("<title", "<TITLE")):
                out.append(self._title(unit))
            elif unit.startswith(("<script", "<style")):
                out.append(MARKER.sub(lambda m: _json_safe(self.text(m.group(1), DEFAULT)), unit))
            else:
                out.append(self._tag(unit))
            position = match.end()
        out.append(self._text(page[position:]))
        return "".join(out)

    def _text(self, chunk: str) -> str:
        return MARKER.sub(lambda m: spans(self.table.get(m.group(1), {})), chunk)

    def _title(self, unit: str) -> str:
        head, _, rest = unit.partition(">")
        inner, _, tail = rest.rpartition("</")
        texts = self._versions(inner)
        versions = {lang: html.unescape(text) for lang, text in texts.items()}
        attribute = html.escape(json.dumps(versions, ensure_ascii=False), quote=True)
        return f'{head} data-l10n="{attribute}">{texts[DEFAULT]}</{tail}'

    def _tag(self, tag: str) -> str:
        """A tag with markers in its attributes: the default language's words, and every version in
        ``data-l10n-attrs`` for the script to put in when the reader chooses another language."""
        versions: dict[str, dict[str, str]] = {}

        def attribute(match: re.Match) -> str:
            name, quote, value = match.group(1), match.group(2), match.group(3)
            if "\u27e6" not in value:
                return match.group(0)
            texts = self._versions(value)
            versions[name] = {lang: html.unescape(text) for lang, text in texts.items()}
            return f"{name}={quote}{texts[DEFAULT]}{quote}"

        tag = _ATTRIBUTE.sub(attribute, tag)
        if not versions:
            return self._text(tag)
        data = html.escape(json.dumps(versions, ensure_ascii=False), quote=True)
        end = -2 if tag.endswith("/>") else -1
        return f'{tag[:end]} data-l10n-attrs="{data}"{tag[end:]}'


_UNITS = re.compile(r"<title\b[^>]*>.*?</title>|<script\b[^>]*>.*?</script>|<style\b[^>]*>.*?</style>|<[a-zA-Z][^>]*>",
                    re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)=(["'])(.*?)\2""", re.DOTALL)


def _json_safe(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]
