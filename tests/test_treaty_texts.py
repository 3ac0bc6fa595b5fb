"""The English texts of the ICCPR, its First Optional Protocol, the ICESCR and the CRC.

Every provision of these four treaties carries its English text, and that text is, word for word, the
article of the shared transcription it was copied from (whitespace aside), except for the few words the
transcription gets wrong and the second copy of the authentic text has right (CORRECTED).
"""

import re

import pytest

from tests.conftest import SOURCES

SHARED_SOURCES = SOURCES.parent.parent / "shared" / "sources"

TREATY_FILES = {
    "iccpr": "iccpr/iccpr_en.txt",
    "iccpr-op1": "iccpr/iccpr_op1_en.txt",
    "icescr": "icescr/icescr_en.txt",
    "crc": "crc/crc_en.txt",
}

# (provision id, the shared file's reading, the reading used): typos and missing words that the file's
# header lists for that file and not for the second copy. Each provision's public note names them.
CORRECTED = [
    ("iccpr/8", "the life of well-being", "the life or well-being"),
    ("iccpr/20", "racial or religion hatred", "racial or religious hatred"),
    ("icescr/7", "working hours periodic holidays", "working hours and periodic holidays"),
    ("icescr/8", "necessary democratic society", "necessary in a democratic society"),
    ("icescr/8", "national security or order", "national security or public order"),
    ("icescr/13", "the same of its dignity", "the sense of its dignity"),
    ("icescr/13", "equally acessible", "equally accessible"),
    ("crc/37", "best interest no to do so", "best interest not to do so"),
    ("crc/40", "his of her parents", "his or her parents"),
]

HEADING = re.compile(r"^###\s*Article\s+(\d+)\s*$", re.MULTILINE)
# What ends an article besides the next article heading: a part heading or the closing formula.
END = re.compile(r"^(?:#|IN FAITH WHEREOF|IN WITNESS THEREOF)", re.MULTILINE)


def shared_articles(path):
    """Article number -> the article's text in a shared file, found by its '### Article N' heading."""
    text = path.read_text(encoding="utf-8")
    headings = list(HEADING.finditer(text))
    found = {}
    for heading, following in zip(headings, [*headings[1:], None]):
        body = text[heading.end(): following.start() if following else len(text)]
        end = END.search(body)
        found[heading.group(1)] = body[: end.start()] if end else body
    return found


def words(text):
    return " ".join(text.split())


def treaty_provisions(corpus):
    return [p for p in corpus.provisions.values() if p.instrument_id in TREATY_FILES]


def test_every_provision_of_the_four_treaties_has_an_english_text(corpus):
    provisions = treaty_provisions(corpus)
    assert {p.instrument_id for p in provisions} == set(TREATY_FILES)
    for provision in provisions:
        text = provision.texts.get("en")
        assert text is not None and text.content.strip(), provision.id
        assert text.kind == "transcription", provision.id
        assert text.source.provenance and text.source.url, provision.id
        official = [s.url for s in corpus.instrument_of(provision).official_sources]
        assert text.source.url == official[0], provision.id


@pytest.mark.skipif(not SHARED_SOURCES.exists(), reason="shared/sources not beside the checkout")
def test_treaty_texts_are_verbatim_from_the_shared_copies(corpus):
    files = {iid: shared_articles(SHARED_SOURCES / rel) for iid, rel in TREATY_FILES.items()}
    assert [len(files[i]) for i in TREATY_FILES] == [53, 14, 31, 54]
    provisions = treaty_provisions(corpus)
    ids = {p.id for p in provisions}
    assert {pid for pid, _, _ in CORRECTED} <= ids
    for provision in provisions:
        expected = files[provision.instrument_id][provision.label]
        for pid, reading, corrected in CORRECTED:
            if pid == provision.id:
                assert expected.count(reading) == 1, (pid, reading)
                expected = expected.replace(reading, corrected)
        assert words(provision.texts["en"].content) == words(expected), provision.id


def test_the_article_parser_reads_the_headings(tmp_path):
    path = tmp_path / "sample.txt"
    path.write_text("# header\n### PART  I\n\n### Article  1\n\n1.  One.\n\n###Article 2\n\nTwo.\n"
                    "### PART  II\n\n### Article 3\n\nThree.\n\nIN FAITH WHEREOF the undersigned ...\n",
                    encoding="utf-8")
    found = {label: words(text) for label, text in shared_articles(path).items()}
    assert found == {"1": "1. One.", "2": "Two.", "3": "Three."}
