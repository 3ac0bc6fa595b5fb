"""``huquq serve``: the built site on http://127.0.0.1:PORT/, and the "Prepare a memo" page's documents.

The page sends a client's story here, so the server is built to keep it on this machine and to let no
other web page drive it:

- it listens on 127.0.0.1 only, and answers only requests whose Host is its own address (a page that
  rebinds its DNS name to 127.0.0.1 gets nothing, not even the token);
- a request that makes a document must come from its own page: the same Origin, JSON, and the token
  written into the Prepare page when the server started (a new one on each start);
- bodies above MAX_BODY are refused unread;
- documents are made in memory and sent; nothing is written to disk, and the log has the method, the
  address without its query, and the status: never a name or a fact.
"""

from __future__ import annotations

import hmac
import html
import http.server
import io
import json
import secrets
import threading
import time
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

MAX_BODY = 1024 * 1024
TOKEN_SLOT = 'data-huquq-token=""'  # in the Prepare page's form (templates/site/prepare.md.j2)
API = ("/api/memo", "/api/notice", "/api/matter", "/api/read-matter")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # no other page may frame the form
    "Referrer-Policy": "no-referrer",
    # Nothing loads from outside the site (its scripts and styles are its own; the head has one inline script).
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                               "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class Documents:
    """What the API makes, from the corpus and index loaded once at start."""

    def __init__(self, corpus, rank: Callable | None):
        self.corpus, self.rank = corpus, rank
        self.lock = threading.Lock()  # python-docx and the Whoosh searcher are used one request at a time

    def matter(self, payload: dict):
        from .interview import answers_from_form, matter_data, matter_yaml
        from .matter import matter_from_text

        answers, memo_language, keep = answers_from_form(payload, self.corpus)
        text = matter_yaml(matter_data(answers, self.corpus, memo_language, keep))
        return text, matter_from_text(text, "matter.yaml", self.corpus)

    def memo(self, payload: dict) -> tuple[bytes, str]:
        from .memo import build_memo, plan_memo

        _, matter = self.matter(payload)
        with self.lock:
            document = build_memo(self.corpus, matter, plan_memo(self.corpus, matter, self.rank))
            return _docx_bytes(document), f"memo-{matter.date.isoformat()}.docx"

    def notice(self, payload: dict) -> tuple[bytes, str]:
        from .notice import build_notice, notice_order

        lang = payload.get("lang") if payload.get("lang") in ("tg", "ru", "en") else "ru"
        with self.lock:
            document, _ = build_notice(self.corpus, notice_order(lang))
            return _docx_bytes(document), "detention-rights-notice.docx"

    def matter_file(self, payload: dict) -> tuple[bytes, str]:
        text, matter = self.matter(payload)
        return text.encode("utf-8"), f"matter-{matter.date.isoformat()}.yaml"

    def read_matter(self, payload: dict) -> dict:
        from .interview import form_from_matter
        from .matter import matter_from_text

        text = payload.get("text")
        if not isinstance(text, str):
            raise Refused(400, "expected the text of a matter file")
        matter = matter_from_text(text, payload.get("name") or "matter.yaml", self.corpus)
        return form_from_matter(matter, self.corpus, payload.get("lang") or "ru")


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class Handler(http.server.SimpleHTTPRequestHandler):
    server: "SiteServer"

    # --- checks ---------------------------------------------------------------------------------------
    def own_host(self) -> bool:
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in {f"127.0.0.1:{port}", f"localhost:{port}"}

    def check_api(self) -> dict:
        if self.headers.get("Origin", "") != f"http://{self.headers.get('Host')}":
            raise Refused(403, "refused: the request does not come from this server's own page")
        if self.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            raise Refused(403, "refused: the request does not come from this server's own page")
        token = self.headers.get("X-Huquq-Token", "")
        if not hmac.compare_digest(token.encode(), self.server.token.encode()):
            raise Refused(403, "refused: no valid token; reload the Prepare page from this server")
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            raise Refused(415, "expected application/json")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise Refused(411, "expected a Content-Length") from None
        if length > MAX_BODY:
            raise Refused(413, f"refused: more than {MAX_BODY // 1024} KB")
        try:
            payload = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise Refused(400, "expected JSON") from None
        if not isinstance(payload, dict):
            raise Refused(400, "expected a JSON object")
        return payload

    # --- requests -------------------------------------------------------------------------------------
    def do_GET(self):
        if not self.own_host():
            return self.refuse(421, "refused: this server answers only to http://127.0.0.1 and localhost")
        path = urlsplit(self.path).path
        if path in ("/prepare/", "/prepare/index.html"):
            return self.prepare_page(path)
        super().do_GET()

    def do_HEAD(self):
        if not self.own_host():
            return self.refuse(421, "refused")
        super().do_HEAD()

    def do_POST(self):
        path = urlsplit(self.path).path
        try:
            if not self.own_host():
                raise Refused(421, "refused: this server answers only to http://127.0.0.1 and localhost")
            if path not in API:
                raise Refused(404, "no such address")
            payload = self.check_api()
            self.answer(path, payload)
        except Refused as e:
            self.refuse(e.status, str(e))
        except Exception as e:  # noqa: BLE001 - the form shows a message; the log names only the kind
            self.answer_error(e)

    def answer(self, path: str, payload: dict) -> None:
        documents = self.server.documents
        if path == "/api/read-matter":
            return self.send_json(200, documents.read_matter(payload))
        body, name = {"/api/memo": documents.memo, "/api/notice": documents.notice,
                      "/api/matter": documents.matter_file}[path](payload)
        kind = "application/x-yaml; charset=utf-8" if name.endswith(".yaml") else DOCX
        self.reply(200, kind, body, {"Content-Disposition": f'attachment; filename="{name}"',
                                     "Cache-Control": "no-store"})

    def answer_error(self, error: Exception) -> None:
        from kb.errors import SourceError

        from .interview import FormError

        if isinstance(error, FormError):
            return self.send_json(422, {"error": str(error), "field": error.field})
        if isinstance(error, SourceError):
            return self.send_json(422, {"error": str(error)})
        self.log_message("error while answering: %s", type(error).__name__)
        self.send_json(500, {"error": f"internal error ({type(error).__name__}); the server's window says no more"})

    def prepare_page(self, path: str) -> None:
        page = Path(self.translate_path("/prepare/index.html"))
        if not page.is_file():
            return self.not_found()
        text = page.read_text(encoding="utf-8").replace(
            TOKEN_SLOT, f'data-huquq-token="{html.escape(self.server.token)}"', 1)
        self.reply(200, "text/html; charset=utf-8", text.encode("utf-8"), {"Cache-Control": "no-store"})

    # --- replies --------------------------------------------------------------------------------------
    def end_headers(self):
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def reply(self, status: int, kind: str, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_json(self, status: int, data: dict) -> None:
        body = json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
        self.reply(status, "application/json; charset=utf-8", body, {"Cache-Control": "no-store"})

    def refuse(self, status: int, message: str) -> None:
        self.close_connection = True  # a refused body is not read
        self.reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), {"Connection": "close"})

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            return self.not_found()
        super().send_error(code, message, explain)

    def not_found(self) -> None:
        """The site's own 404 page."""
        page = Path(self.directory) / "404.html"
        if page.is_file():
            self.reply(404, "text/html; charset=utf-8", page.read_bytes())
        else:
            self.reply(404, "text/plain; charset=utf-8", b"Not found\n")

    def log_message(self, format, *args):  # noqa: A002 - the name is http.server's
        if self.server.quiet:
            return
        self.server.log(format % args)

    def log_request(self, code="-", size="-"):
        # The address without its query (a search on the site puts words there), the status: nothing else.
        if isinstance(code, http.HTTPStatus):
            code = code.value
        self.log_message("%s %s %s", self.command, urlsplit(self.path).path, code)


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site_dir: Path, port: int, documents: Documents | None,
                 log: Callable[[str], None] = print, quiet: bool = False):
        self.site_dir, self.documents, self.log, self.quiet = Path(site_dir), documents, log, quiet
        self.token = secrets.token_urlsafe(24)  # a new one on each start
        self.started = time.time()
        handler = lambda *args, **kwargs: Handler(*args, directory=str(self.site_dir), **kwargs)  # noqa: E731
        super().__init__(("127.0.0.1", port), handler)
