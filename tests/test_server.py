"""`huquq serve`: the site on 127.0.0.1, and the Prepare page's documents made only for its own page.
Requests are made with http.client, as a browser or another page would send them."""

from __future__ import annotations

import datetime as dt
import http.client
import io
import json
import socket
import tempfile
import threading
import urllib.parse
from pathlib import Path

import pytest
from docx import Document

from generator.cli_docs import facts_ranker
from generator.matter import load_matter, matter_from_text
from generator.memo import plan_memo
from generator.server import Documents, SiteServer
from tests.conftest import ROOT, SOURCES
from tests.memo_checks import missing_authorities

CLIENT = "Зарина Каримова"
FACTS = "Задержана в сауне во время облавы; двадцать часов в отделе без адвоката."


@pytest.fixture(scope="module")
def server(built_site, corpus, index_dir):
    log: list[str] = []
    documents = Documents(corpus, facts_ranker(corpus, SOURCES, index_dir))
    calls = {"memo": 0}
    original = documents.memo

    def counted(payload):
        calls["memo"] += 1
        return original(payload)

    documents.memo = counted
    httpd = SiteServer(built_site, 0, documents, log=log.append)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.log_lines, httpd.calls = log, calls
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def request(server, method, path, body=None, headers=None, host=None):
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    sent = {"Host": host or f"127.0.0.1:{port}"}
    sent.update(headers or {})
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def own(server, token=True):
    port = server.server_address[1]
    headers = {"Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/json",
               "Sec-Fetch-Site": "same-origin"}
    if token:
        headers["X-Huquq-Token"] = server.token
    return headers


def khujand(lang="ru", **changes):
    payload = {
        "lang": lang, "memo_language": "ru",
        "matter": {"date": "2015-05-14", "place": "Худжанд", "client": CLIENT, "facts": FACTS,
                   "prepared_by": "НКО"},
        "gates": {"detained": True, "prosecuted": False, "ngo": False},
        "circumstances": {"held-beyond-time-limit": {"hours": "20", "proceeding": "none"},
                          "no-lawyer-from-detention": {"lawyer_access": "refused"},
                          "mass-raid-roundup": {"place": "venue"}},
    }
    payload.update(changes)
    return payload


def post(server, path, payload, headers=None, host=None):
    return request(server, "POST", path, json.dumps(payload).encode("utf-8"), headers or own(server), host)


def test_the_site_with_its_own_404_page(server):
    response, body = request(server, "GET", "/iccpr/9/")
    assert response.status == 200 and "МПГПП" in body.decode("utf-8")
    response, body = request(server, "GET", "/no/such/page/")
    assert response.status == 404 and b"<html" in body and b"l-ru" in body
    assert response.getheader("X-Frame-Options") == "DENY"
    assert "default-src 'self'" in response.getheader("Content-Security-Policy")


def test_a_foreign_host_gets_nothing_not_even_the_token(server):
    for path in ("/", "/prepare/"):
        response, body = request(server, "GET", path, host="attacker.example:80")
        assert response.status == 421 and server.token.encode() not in body
    response, body = request(server, "GET", "/prepare/")
    assert response.status == 200 and f'data-huquq-token="{server.token}"'.encode() in body
    assert response.getheader("Cache-Control") == "no-store"


def test_the_memo_cites_the_leading_authorities_of_what_happened(server, corpus):
    response, body = post(server, "/api/memo", khujand())
    assert response.status == 200, body[:300]
    assert response.getheader("Content-Disposition") == 'attachment; filename="memo-2015-05-14.docx"'
    path = Path(tempfile.mkdtemp()) / "memo.docx"
    try:
        path.write_bytes(body)
        matter = matter_from_text(post(server, "/api/matter", khujand())[1].decode("utf-8"), "m.yaml", corpus)
        plan = plan_memo(corpus, matter)
        expected = [item for answer in matter.circumstances for item in corpus.circumstances[answer.id].leading
                    if item.split("(")[0] not in plan.not_cited]
        assert len(expected) > 10
        assert missing_authorities(path, corpus, expected, "ru") == []
        assert CLIENT in "\n".join(p.text for p in Document(str(path)).paragraphs)
    finally:
        path.unlink()
        path.parent.rmdir()


def test_the_notice_opens_in_the_readers_language(server):
    response, body = post(server, "/api/notice", khujand(lang="tg"))
    assert response.status == 200
    first = next(p.text for p in Document(io.BytesIO(body)).paragraphs if p.text.strip())
    assert any(letter in first for letter in "ҳҷӯқғӣ"), first


def test_a_tajik_volunteer_gets_a_tajik_memo_unless_another_language_is_chosen(server):
    payload = khujand(lang="tg")
    del payload["memo_language"]  # the page's default: the language it is read in
    response, body = post(server, "/api/memo", payload)
    assert response.status == 200, body[:300]
    text = "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
    assert "Маълумотномаи ҳуқуқӣ" in text and "Дархостҳо" in text and "Требования" not in text
    response, body = post(server, "/api/memo", khujand(lang="tg", memo_language="ru"))
    assert "Требования" in "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)


def test_the_matter_file_validates_and_loads_back(server, corpus, tmp_path):
    response, body = post(server, "/api/matter", khujand())
    assert response.status == 200 and response.getheader("Content-Disposition").endswith('matter-2015-05-14.yaml"')
    path = tmp_path / "m.yaml"
    path.write_bytes(body)
    matter = load_matter(path, corpus)
    assert {a.id for a in matter.circumstances} == {"held-beyond-time-limit", "no-lawyer-from-detention", "mass-raid-roundup"}
    assert matter.answer("held-beyond-time-limit").values == {"hours": 20, "proceeding": "none"}
    response, body = post(server, "/api/read-matter", {"text": body.decode("utf-8"), "name": "m.yaml", "lang": "ru"})
    form = json.loads(body)
    assert form["matter"]["client"] == CLIENT and form["gates"]["detained"] is True
    assert form["circumstances"]["held-beyond-time-limit"] == {"hours": 20, "proceeding": "none"}


def test_a_hand_written_matter_keeps_what_the_form_does_not_show(server, corpus):
    text = (ROOT / "examples/matters/2014-dushanbe-detentions.yaml").read_text(encoding="utf-8")
    response, body = post(server, "/api/read-matter", {"text": text, "name": "d.yaml", "lang": "en"})
    assert response.status == 200
    form = json.loads(body)
    original = load_matter(ROOT / "examples/matters/2014-dushanbe-detentions.yaml", corpus)
    assert form["keep"]["issues"] == list(original.issues)
    response, body = post(server, "/api/matter", form)
    again = matter_from_text(body.decode("utf-8"), "again.yaml", corpus)
    assert again.issues == original.issues and again.cite == original.cite and again.date == original.date


def test_a_bad_matter_file_is_located_and_a_bad_answer_named_in_the_readers_language(server):
    response, body = post(server, "/api/read-matter", {"text": "title: [", "name": "broken.yaml"})
    assert response.status == 422 and "broken.yaml:1" in json.loads(body)["error"]
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response, body = post(server, "/api/memo", khujand(matter={"date": future}))
    assert response.status == 422
    assert json.loads(body) == {"error": "Эта дата ещё не наступила. Укажите дату, когда это произошло.", "field": "date"}
    payload = khujand(lang="tg")
    payload["circumstances"]["held-beyond-time-limit"]["hours"] = "бист"
    response, body = post(server, "/api/memo", payload)
    assert json.loads(body)["field"] == "held-beyond-time-limit.hours" and "рақам" in json.loads(body)["error"]


@pytest.mark.parametrize("case", ["foreign origin", "no origin", "cross-site fetch", "no token", "wrong token",
                                  "form post", "foreign host", "10 MB"])
def test_requests_not_from_its_own_page_are_refused_and_make_nothing(server, case):
    before = server.calls["memo"]
    headers = own(server)
    body = json.dumps(khujand()).encode("utf-8")
    host = None
    if case == "foreign origin":
        headers["Origin"] = "http://attacker.example"
    elif case == "no origin":
        del headers["Origin"]
    elif case == "cross-site fetch":
        headers["Sec-Fetch-Site"] = "cross-site"
    elif case == "no token":
        del headers["X-Huquq-Token"]
    elif case == "wrong token":
        headers["X-Huquq-Token"] = "x" * len(server.token)
    elif case == "form post":  # what a cross-site <form> can send
        headers["Content-Type"] = "text/plain"
    elif case == "foreign host":  # DNS rebinding: the browser sends the attacker's name
        host = "attacker.example:80"
        headers["Origin"] = "http://attacker.example:80"
    elif case == "10 MB":
        body = b"{" + b" " * (10 * 1024 * 1024) + b"}"
    try:
        response, answer = request(server, "POST", "/api/memo", body, headers, host)
        assert response.status in (403, 413, 415, 421), case
        assert b"PK" not in answer[:2]
    except (ConnectionResetError, BrokenPipeError):
        assert case == "10 MB"  # refused before the body was read
    assert server.calls["memo"] == before


def test_the_log_has_no_names_or_facts_and_nothing_is_left_on_disk(server, built_site):
    before = set(Path(tempfile.gettempdir()).iterdir())
    post(server, "/api/memo", khujand())
    post(server, "/api/matter", khujand())
    request(server, "GET", "/find/?q=" + urllib.parse.quote("Каримова"))
    log = "\n".join(server.log_lines)
    assert "POST /api/memo 200" in log
    for private in (CLIENT, *CLIENT.split(), "сауне", "Худжанд", "Каримова", "%D0"):
        assert private not in log, private
    new = set(Path(tempfile.gettempdir()).iterdir()) - before
    assert not [p for p in new if p.is_file()], new
    assert not [p for p in built_site.rglob("*") if p.is_file() and p.stat().st_mtime > server.started]


def test_a_port_in_use_is_one_line(run, built_site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "-d", built_site, "--port", port)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and f"port {port} is already in use" in result.output


def test_no_built_site_says_how_to_build_it(run, tmp_path):
    result = run("serve", "-d", tmp_path)
    assert result.exit_code == 1 and "make run" in result.output
