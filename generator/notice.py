"""The detention-rights notice: one A4 page per language, from legal_sources/notices/."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from kb.cite import cite_provision
from kb.models import Corpus
from kb.yamlio import Mapping, load_yaml

from . import paths
from .memo import save_atomically
from .templating import environment, render
from .word.blocks import finalize, missing_styles, write_blocks
from .word.oxml import clear_body
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


def render_notice(corpus: Corpus, output: Path, langs: list[str], *, notice_id: str = "detention-rights",
                  org: dict | None = None, allow_unverified: bool = False, template: Path | None = None) -> list[str]:
    """Write the notice; return the ids of rights left out because they rest on unverified law."""
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
    left_out: list[str] = []
    pages = []
    for lang in langs:
        rights = []
        for right in notice.rights:
            provisions = [corpus.provisions[pid] for pid in right.provisions]
            shaky = [p for p in provisions if p.verification.is_unverified]
            if shaky and not allow_unverified and len(shaky) == len(provisions):
                if right.id not in left_out:
                    left_out.append(right.id)
                continue
            basis = "; ".join(cite_provision(corpus.instrument_of(p), p, lang) for p in provisions)
            rights.append({"text": right.text[lang], "basis": basis, "check": bool(shaky)})
        pages.append({"title": notice.title[lang], "intro": notice.intro[lang], "rights": rights,
                      "what_to_do_heading": notice.what_to_do_heading[lang],
                      "what_to_do": [item[lang] for item in notice.what_to_do],
                      "contact_heading": notice.contact_heading[lang],
                      "check_with_lawyer": notice.check_with_lawyer[lang],
                      "translation": notice.translations.get(lang, "")})
    env = environment(paths.TEMPLATES / "notice", autoescape=False, finalize=finalize)
    markup = render(env, "notice.j2", pages=pages, org=org, sep="\x1f")
    write_blocks(document, markup, [], "notice.j2")
    save_atomically(document, output)
    return left_out
