"""The site: built from the real corpus, pages at their permanent addresses."""

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
    assert not (tmp_path / "site" / "pagefind").exists()


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


def test_recently_added_or_amended_page_links_each_change(site):
    html = page(site, "changes")
    assert "Recently added or amended" in html and "Недавно добавлено или изменено" in html
    assert 'href="../crc/37/"' in html and ">CRC, art. 37<" in html
    assert 'href="../changes/"' in page(site, "iccpr/9") or "changes/" in page(site, "iccpr/9")


def test_pages_carry_the_site_search_filters_and_folded_tajik(site):
    provision = page(site, "iccpr/9")
    assert "data-pagefind-body" in provision
    # Filters by id: the Search page shows their names in the reader's language.
    for value in ("kind:provision", "jurisdiction:intl", "instrument:iccpr", "topic:arbitrary-detention"):
        assert f'data-pagefind-filter="{value}"' in provision, value
    tajik = page(site, "tj-constitution/5")
    assert 'data-pagefind-filter="jurisdiction:tj"' in tajik
    folded = re.search(r'<div class="huquq-folded" hidden>huquqextra <span data-pagefind-weight="[0-9.]+">([^<]*)</span>',
                       tajik).group(1)
    assert "кадр" in folded and not re.search("[ҳҷқғӣӯ]", folded)
    # A provision's search terms are in the hidden part only, Tajik ones folded.
    hidden = provision[provision.index('<div class="huquq-folded" hidden>'):]
    visible = provision[:provision.index('<div class="huquq-folded" hidden>')]
    assert "mass round-ups" in hidden and "массовые задержания" in hidden and "боздоштхои оммави" in hidden
    assert "mass round-ups" not in visible and "массовые задержания" not in visible
    # Weighed as the command line weighs its fields: the title and the subjects the provision leads above
    # its text, topic words and the instrument's name below; the interface's own words not indexed.
    assert '<h1 data-pagefind-weight="2.00">' in provision
    lead = re.search(r'<span data-pagefind-weight="2.50">([^<]*)</span>', provision).group(1)
    assert "Arbitrary detention" in lead and "Произвольное задержание" in lead
    assert re.search(r'<span data-pagefind-weight="0.15">[^<]*arbitrary arrest', provision)
    assert '<p class="huquq-breadcrumb" data-pagefind-ignore>' in provision
    assert '<div class="tabbed-labels" data-pagefind-ignore>' in provision
    standard = page(site, "body-of-principles-detention/11")
    assert '<h1 data-pagefind-weight="1.10">' in standard  # a standard: 0.55 of binding law
    # Results are titled in the reader's language.
    assert '<span data-pagefind-meta="title_ru">МПГПП, ст. 9: ' in provision
    case = page(site, "cases/toonen-v-australia")
    assert 'data-pagefind-filter="kind:case"' in case
    assert 'data-pagefind-filter="jurisdiction:intl"' in case
    # The search index and the search page are in the site; the theme's own search is not.
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not list((site / "pagefind").glob("pagefind-*ui*")) and not (site / "pagefind" / "pagefind-worker.js").exists()
    assert 'src="../assets/huquq-search.js"' in page(site, "find")
    assert not (site / "search" / "search_index.json").exists()
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
