"""The site: built from the real corpus, pages at their permanent addresses."""

import base64
import json
import re

import yaml

import pytest

from generator.cli_site import build_site
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def site(built_site):
    return built_site


def page(site, address):
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_pages_at_their_addresses(site, corpus):
    for address in ["iccpr", "iccpr/9", "tj-constitution/19", "cases/toonen-v-australia",
                    "topics/arbitrary-detention", "notices/detention-rights", "instruments", "cases", "topics"]:
        assert (site / address / "index.html").exists(), address
    assert len(list(site.glob("*/*/index.html"))) >= len(corpus.provisions)


def test_provision_page_shows_languages_sources_and_verification(site):
    html = page(site, "udhr/9")
    for label in ("English", "Русский", "Тоҷикӣ"):
        assert f">{label}</label>" in html
    assert "huquq-badge--secondary" in html
    assert "twardoch/udhr-custom" in html          # provenance of the verbatim text
    for label in ("Cite this", "Как сослаться", "Истинод"):  # every label in the three languages
        assert label in html, label


def test_a_case_names_its_parties_in_the_readers_language(site):
    html = page(site, "cases/jalloh-v-germany")
    for lang, applicant, respondent in (("en", "Abu Bakah Jalloh", "Germany"), ("ru", "Абу Баках Джаллох", "Германия"),
                                        ("tg", "Абу Баках Джаллох", "Олмон")):
        assert f'<span class="l-{lang}">{applicant}</span>' in html and f'<span class="l-{lang}">{respondent}</span>' in html
    for label in ("Respondent State", "Государство-ответчик", "Давлати ҷавобгар"):
        assert label in html
    assert "European Court of Human Rights</dd>" not in html  # the court, in English, once beside its own name


def test_a_tajik_reader_sees_the_argument_where_only_russian_has_one(site, corpus):
    # The Tajik tab of a provision whose argument has no Tajik shows the Russian one, named as Russian.
    provision = next(p for p in corpus.provisions.values()
                     if p.argument.get("ru") and not p.argument.get("tg") and p.summary.get("tg"))
    tajik = page(site, provision.id).split('<div class="tabbed-block" lang="tg">')[1].split('<div class="tabbed-block"')[0]
    assert 'class="huquq-argument" lang="ru"' in tajik and "(Русский)" in tajik


def test_a_circumstance_shows_its_argument_as_text_not_as_a_template(site, corpus):
    for circumstance in corpus.circumstances.values():
        html = page(site, f"circumstances/{circumstance.id}")
        shown = html.split('class="huquq-templates"')[0]  # the maintainers' templates come after, closed
        assert "{%" not in shown and "{{" not in shown, circumstance.id
        for lang in ("en", "ru", "tg"):
            assert f'class="l-{lang} huquq-outline"' in shown, (circumstance.id, lang)
    html = page(site, "circumstances/extortion-money-or-sex")
    assert "{% if demanded" in html.split('class="huquq-templates"')[1]
    # A sentence said only for some answers names the answer, as the question and its choice read.
    assert "Only when «What was demanded?» — Money or property:" in html
    assert "Только если «Что от вас требовали?» — Деньги или имущество:" in html
    assert 'The sum demanded was about <span class="huquq-blank"' in html


def test_related_provisions_in_both_directions(site, corpus):
    source = next(p for p in corpus.provisions.values() if p.related)
    target = source.related[0]
    assert f'href="../../{target}/"' in page(site, source.id)
    assert f'href="../../{source.id}/"' in page(site, target)


def test_unverified_badge_and_versions(site):
    html = page(site, "tj-criminal-code/143")
    assert "huquq-badge--unverified" in html
    assert '<span class="l-en">Versions</span><span class="l-sep" hidden> </span><span class="l-ru">Редакции</span>' in page(site, "tj-criminal-code/125")


def test_navigation_lists_instruments_and_topics_not_provisions(site):
    # Only the open part of the navigation is in a page (navigation.prune): the topics on a topic page.
    html = page(site, "topics")
    nav = html[html.index('md-sidebar--primary'):html.index('md-sidebar--secondary')]
    assert '<span class="l-en">Arbitrary detention</span><span class="l-sep" hidden> </span><span class="l-ru">Произвольное задержание</span>' in nav
    html = page(site, "iccpr")
    nav = html[html.index('md-sidebar--primary'):html.index('md-sidebar--secondary')]
    assert 'href="../iccpr/9/"' not in nav and "Произвольное задержание" not in nav


def test_no_request_leaves_the_site(site):
    external = re.compile(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//', re.I)
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not external.search(text), html_file
        assert "fonts.googleapis" not in text, html_file


def test_internal_links_resolve(site):
    for address in ["iccpr/9", "topics/forced-hiv-testing", "cases/toonen-v-australia"]:
        for href in re.findall(r'href="(\.\./[^"#]*)"', page(site, address)):
            target = (site / address / href).resolve()
            assert (target / "index.html").exists() or target.is_file(), (address, href)


def test_front_matter_is_not_shown_as_text(site):
    html = page(site, "iccpr/9")
    # The window's title in the default language, every language ready for the reader's choice.
    assert re.search(r'<title data-l10n="[^"]*ICCPR, art. 9: Liberty and security of person[^"]*">МПГПП, ст. 9: ', html)
    assert "description: " not in html and "&amp;#34;" not in html and "⟦" not in html


def test_a_bad_source_stops_the_site_with_its_file_and_line(fixture_copy, tmp_path, run):
    # The pages are built in a child process: its error comes back located, and no site is left.
    iccpr = fixture_copy / "instruments/un/iccpr.yaml"
    lines = iccpr.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("in_force_from:"))
    lines[number - 1] = lines[number - 1].split(":")[0] + ": 31 February 1999"
    iccpr.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("site", "--sources", fixture_copy, "-d", tmp_path / "site")
    assert result.exit_code == 1, result.output
    assert f"iccpr.yaml:{number}:" in result.stderr and "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "site" / "search-index").exists()


def test_hostile_text_is_shown_as_text(fixture_copy, tmp_path):
    iccpr = fixture_copy / "instruments/un/iccpr.yaml"
    text = iccpr.read_text(encoding="utf-8").replace(
        "Liberty and security of person, ru:",
        "\"<script>alert(1)</script> **bold** {{ 7*7 }}\", ru:", 1)
    iccpr.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    build_site(fixture_copy, site)
    html = page(site, "iccpr/9")
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **bold** {{ 7*7 }}" in html
    # The title is escaped wherever the theme prints it: window title, header, navigation.
    assert not re.search(r"<script>alert", html)


def test_notes_are_in_the_readers_language(site):
    # The case's note says the judgment only persuades: a Tajik or Russian reader reads it in their language.
    html = page(site, "cases/lapunov-v-russia")
    blocks = dict(re.findall(r'<div class="l-(en|ru|tg)">(.*?)</div>', html, re.S))
    assert "Council of Europe" in blocks["en"]
    assert "Совета Европы" in blocks["ru"] and re.search("[ҳҷқғӣӯ]", blocks["tg"])
    assert "Council of Europe" not in blocks["ru"] + blocks["tg"]
    # Who issued an instrument, and whether it binds Tajikistan, likewise.
    html = page(site, "iccpr")
    assert '<span class="l-ru">Генеральная Ассамблея ООН</span>' in html
    assert '<span class="l-tg">Ассамблеяи Генералии СММ</span>' in html


def test_a_note_written_only_in_english_is_shown_as_english_and_said_to_be(fixture_copy, tmp_path):
    iccpr = fixture_copy / "instruments/un/iccpr.yaml"
    text = iccpr.read_text(encoding="utf-8").replace(
        'adopted: "1966-12-16"', 'adopted: "1966-12-16"\nnotes: {en: "Only in English, for now."}', 1)
    iccpr.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    build_site(fixture_copy, site)
    html = page(site, "iccpr")
    assert '<div class="l-en"><p>Only in English, for now.</p></div>' in html
    for lang, said in (("ru", "(примечание на английском языке)"), ("tg", "(эзоҳ бо забони англисӣ)")):
        assert (f'<div class="l-{lang}"><div lang="en"><p>Only in English, for now.</p></div><p>{said}</p></div>'
                in html), lang
        # A verification note written only in English, likewise, within its line.
        assert f'<span class="l-{lang}"><span lang="en">Fixture.</span> {said}</span>' in page(site, "iccpr/9"), lang


def test_recently_added_or_amended_page_links_each_change(site):
    html = page(site, "changes")
    assert "Recently added or amended" in html and "Недавно добавлено или изменено" in html
    assert 'href="../crc/37/"' in html and ">CRC, art. 37<" in html
    assert 'href="../circumstances/mass-raid-roundup/"' in html  # a circumstance the changelog names
    # Each description in the reader's language: the Russian one on the Russian page, marked for it.
    assert re.search(r'<span class="l-ru">[^<]*Международный Суд', html)
    assert re.search(r'<span class="l-tg">[^<]*Суди Байналмилалии Адлия', html)
    assert 'href="../changes/"' in page(site, "iccpr/9") or "changes/" in page(site, "iccpr/9")


def _postings(encoded: str) -> dict[int, int]:
    """A posting list of the site's search index: document gaps, then frequencies, as varints."""
    numbers, value, shift = [], 0, 0
    for byte in base64.b64decode(encoded):
        value |= (byte & 127) << shift
        shift += 7
        if not byte & 128:
            numbers.append(value)
            value, shift = 0, 0
    half, doc, found = len(numbers) // 2, -1, {}
    for gap, freq in zip(numbers[:half], numbers[half:]):
        doc += gap + 1
        found[doc] = freq
    return found


def test_the_search_index_is_the_command_lines(site, index_dir):
    """The Search page's files hold what `huquq search` ranks by: the same documents (what is in force),
    the same words for what is typed, the same postings, statistics and priors."""
    from generator.site.search_index import lookup_key, word_hash, word_key
    from kb.search import AUTHORITY_PRIOR, Searcher

    folder = site / "search-index"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    searcher = Searcher(index_dir)
    try:
        docnums = sorted(searcher._filter_set(None, None, None, None, None))
        assert meta["count"] == len(docnums) > 300
        cards = [json.loads((folder / "d" / "tg" / f"{n}.json").read_text(encoding="utf-8")) for n in range(meta["count"])]
        ids = [card["id"] for card in cards]
        assert ids == [searcher.searcher.stored_fields(d)["id"] for d in docnums]
        iccpr9 = ids.index("iccpr/9")
        assert cards[iccpr9]["url"] == "iccpr/9/" and cards[iccpr9]["title"]["ru"] == "МПГПП, ст. 9: Право на свободу и личную неприкосновенность"
        assert cards[iccpr9]["text"].startswith("Ҳар кас ба озодӣ ва дахлнопазирии шахсӣ")  # its Tajik summary
        assert meta["priors"][meta["prior"][ids.index("body-of-principles-detention/11")]] == AUTHORITY_PRIOR["standard"]
        assert meta["kinds"][meta["kind"][ids.index("toonen-v-australia")]] == "case"

        # What is typed, as the index analysed it: Russian endings, Tajik letters typed or not, English families.
        def index_word(lang, typed):
            key = lookup_key(typed, lang)
            table = json.loads((folder / "w" / lang / f"{word_hash(word_key(key)) % meta['words'][lang]}.json")
                               .read_text(encoding="utf-8"))
            return table[key]
        assert index_word("ru", "задержания") == searcher.words_of["ru"]("задержания")[0]
        assert index_word("tg", "ҳабси") == index_word("tg", "хабси") == "хабс"
        assert index_word("en", "detained") == index_word("en", "detention") == "detent"
        assert index_word("en", "the") == ""  # left out, as by the command line

        # The postings of a word are Whoosh's, renumbered; its idf and the field's statistics too.
        shard = json.loads((folder / "p" / "en" / f"{word_hash('arbitrari') % meta['shards']['en']}.json")
                           .read_text(encoding="utf-8"))
        idf, encoded = shard["arbitrari"]["title"]
        number = {d: n for n, d in enumerate(docnums)}
        whoosh = searcher.ranker.postings("title_en", "arbitrari")
        assert _postings(encoded) == {number[d]: int(f) for d, f in whoosh.items() if d in number}
        assert iccpr9 not in _postings(encoded) and ids.index("udhr/9") in _postings(encoded)
        assert idf == searcher.searcher.idf("title_en", "arbitrari")
        field = next(f for f in meta["fields"] if f["name"] == "lead_en")
        assert field["b"] == 0.0 and field["weight"] == 1.5
        lengths = (folder / "len" / "text_en.bin").read_bytes()
        assert meta["lengths"][lengths[iccpr9]] == searcher.ranker.lengths("text_en")[docnums[iccpr9]]
        assert not (folder / "len" / "lead_en.bin").exists()  # scored without regard to length
    finally:
        searcher.close()


def test_pages_carry_no_hidden_search_words(site):
    provision = page(site, "iccpr/9")
    assert "huquq-folded" not in provision and "pagefind" not in provision
    # The search page's scripts are in the site; the theme's own search and its index are not.
    find = page(site, "find")
    assert 'src="../assets/huquq-engine.js"' in find and 'src="../assets/huquq-search.js"' in find
    assert not (site / "search" / "search_index.json").exists() and not (site / "pagefind").exists()
    assert (site / "search" / "index.html").is_file()  # "How to search", beside the index's own folder
    assert "assets/huquq-l10n.js" in provision


def test_archive_links_name_index_html_and_readme_in_three_languages(site, tmp_path):
    import zipfile

    from generator.site.archive import make_archive

    archive = make_archive(site, tmp_path / "huquq-site.zip")
    with zipfile.ZipFile(archive) as zf:
        readme = zf.read("README.txt").decode("utf-8")
        html = zf.read("iccpr/9/index.html").decode("utf-8")
        assert len(zf.namelist()) > len(list(site.rglob("*.html")))
    for words in ("index.html", "Тоҷикӣ", "Русский", "English", "huquq serve"):
        assert words in readme
    folder_links = [h for h in re.findall(r'href="([^"#?]*)"', html)
                    if not re.match(r"[a-z]+:|//", h) and not h.endswith((".html", ".css", ".js", ".svg", ".png", ".ico", ".json"))]
    assert folder_links == [], folder_links[:5]
    assert 'href="../../iccpr/index.html"' in html or 'href="../index.html"' in html
    assert (site / "iccpr/9/index.html").read_text(encoding="utf-8").count('index.html"') < html.count('index.html"')


def test_every_interface_string_has_three_languages_and_every_key_used_exists():
    strings = yaml.safe_load((ROOT / "templates/site/strings.yaml").read_text(encoding="utf-8"))
    for key, texts in strings.items():
        assert set(texts) == {"en", "ru", "tg"} and all(isinstance(t, str) for t in texts.values()), key
        # Empty only where a word is needed in some languages alone ("(note in English)" is not said in English).
        assert all(t.strip() for t in texts.values()) or key == "provision.note_in_english", key
    used = set()
    for path in [*(ROOT / "templates/site").glob("*.j2"), *(ROOT / "generator").rglob("*.py"), *(ROOT / "docs").rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\("([a-z_.]+)"\)', text)) | set(re.findall(r"⟦([a-z_.]+)⟧", text))
        used |= set(re.findall(r'words\("(interview\.[a-z_.]+)"', text))
    used = {key for key in used if "." in key}
    assert len(used) > 100 and used - set(strings) == set()


def test_the_page_knows_the_tajik_words_the_command_line_reads_tajik_by():
    # docs/assets/huquq-engine.js decides a query's languages before any index file is fetched, so it keeps
    # its own copy of kb.search.TAJIK_MARKERS.
    from kb.search import TAJIK_MARKERS

    engine = (ROOT / "docs/assets/huquq-engine.js").read_text(encoding="utf-8")
    listed = re.search(r'var TAJIK_MARKERS = "([^"]+)"', engine).group(1).split(" ")
    assert sorted(listed) == sorted(TAJIK_MARKERS) and len(listed) == len(TAJIK_MARKERS)
