"""The detention-rights notice: one A4 page per language, from legal_sources/notices/."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from kb.cite import cite_many
from kb.ids import parse_citation
from kb.models import Corpus
from kb.yamlio import Mapping, load_yaml

from . import paths
from .files import save_document
from .templating import environment, render
from .word.blocks import finalize, missing_styles, write_blocks
from .word.oxml import clear_body
from .word.properties import describe
from .word.reference import DEFAULT_PATH

NOTICE_STYLES = ("Notice Title", "Notice Intro", "Notice Heading", "Notice Right", "Notice Basis",
                 "Notice Text", "Notice Small")
ORG_FIELDS = ("name", "phone", "address", "hours")


def parse_langs(text: str) -> list[str]:
    langs = [part.strip() for part in text.split(",") if part.strip()]
    bad = [lang for lang in langs if lang not in ("tg", "ru", "en")]
    if bad or not langs or len(set(langs)) != len(langs):
        raise ValueError(f"--lang {text!r}: expected a comma-separated list of tg, ru, en, each once")
    return langs


def load_org(path: Path) -> dict:
    from kb.errors import SourceError
    from kb.validate import CONTROL_CHARS

    data = load_yaml(path)
    if not isinstance(data, Mapping) or "name" not in data:
        raise SourceError.at(path, 1, "expected a mapping with at least 'name' (and phone, address, hours)")
    for key in data:
        if key not in ORG_FIELDS:
            raise SourceError.at(path, data.line_of(key), f"unknown field {key!r}; expected one of: {', '.join(ORG_FIELDS)}")
    for key, value in data.items():
        if isinstance(value, (Mapping, list)):
            raise SourceError.at(path, data.line_of(key), f"{key}: expected text")
    # Word cannot store control characters: drop them rather than write a broken document.
    return {key: CONTROL_CHARS.sub("", str(data.get(key) or "")) for key in ORG_FIELDS}


def right_basis(corpus: Corpus, right) -> list[tuple[str, str]] | None:
    """What a right is printed on, as (provision id, pinpoint): None when it may not be printed.

    One rule for every right: a right is printed when an international provision binding on or
    addressed to Tajikistan supports it and that provision is confirmed (verified or from a secondary
    source); it is cited, and the Tajik provisions of the right that are confirmed are added before it.
    An unconfirmed provision is never printed on a notice: the reader has no one to check it with yet.
    """
    international, tajik = [], []
    for citation in right.provisions:
        pid, pinpoint = parse_citation(citation)
        provision = corpus.provisions[pid]
        if not provision.verification.is_confirmed:
            continue
        instrument = corpus.instrument_of(provision)
        if instrument.jurisdiction == "tj":
            tajik.append((pid, pinpoint))
        elif instrument.is_binding or instrument.authority in ("interpretation", "standard"):
            international.append((pid, pinpoint))
    return tajik + international if international else None


def notice_order(lang: str) -> list[str]:
    """The notice's languages, the reader's first, then the others in the notice's own order."""
    return [lang] + [other for other in ("tg", "ru", "en") if other != lang]


def render_notice(corpus: Corpus, output: Path, langs: list[str], **options) -> list[str]:
    """Write the notice; return the ids of rights left out (no confirmed international basis)."""
    document, left_out = build_notice(corpus, langs, **options)
    save_document(document, output)
    return left_out


def build_notice(corpus: Corpus, langs: list[str], *, notice_id: str = "detention-rights",
                 org: dict | None = None, template: Path | None = None):
    """The notice as a python-docx Document, and the ids of the rights left out."""
    notice = corpus.notices.get(notice_id)
    if notice is None:
        raise ValueError(f"no notice {notice_id!r}; expected one of: {', '.join(corpus.notices)}")
    reference = template or DEFAULT_PATH
    document = Document(str(reference))
    missing = missing_styles(document, NOTICE_STYLES)
    if missing:
        raise ValueError(f"{reference}: the template lacks the styles {', '.join(missing)}")
    clear_body(document)
    from docx.shared import Cm

    for section in document.sections:  # a notice uses the whole page
        section.left_margin = section.right_margin = Cm(1.6)
        section.top_margin = section.bottom_margin = Cm(1.4)
    bases = {right.id: right_basis(corpus, right) for right in notice.rights}
    left_out = [right.id for right in notice.rights if bases[right.id] is None]
    pages = []
    for lang in langs:
        rights = []
        for right in notice.rights:
            if bases[right.id] is None:
                continue
            basis = cite_many([(corpus.instrument_of(corpus.provisions[pid]), corpus.provisions[pid], pinpoint)
                               for pid, pinpoint in bases[right.id]], lang)
            rights.append({"text": right.text[lang], "basis": basis})
        pages.append({"title": notice.title[lang], "intro": notice.intro[lang], "rights": rights,
                      "what_to_do_heading": notice.what_to_do_heading[lang],
                      "what_to_do": [item[lang] for item in notice.what_to_do],
                      "contact_heading": notice.contact_heading[lang],
                      "translation": notice.translations.get(lang, "")})
    env = environment(paths.TEMPLATES / "notice", autoescape=False, finalize=finalize)
    markup = render(env, "notice.j2", pages=pages, org=org, sep="\x1f")
    write_blocks(document, markup, [], "notice.j2")
    describe(document, title=notice.title[langs[0]], language=langs[0], author=(org or {}).get("name") or "huquq")
    return document, left_out
