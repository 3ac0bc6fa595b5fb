"""The site as an archive that works from a USB stick: opened as files, with no server.

A browser shows a folder's listing, not its index.html, for a link to a folder ("../iccpr/9/") opened as
a file. In the archive's copy of each page, every link to a folder of the site names its index.html;
the site itself keeps its clean, permanent addresses. A README in Tajik, Russian and English says how to
open it and how to search (browsers do not run the search on pages opened as files).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..files import write_atomically

# href="../x/", href="../..", src="./", action="find/" and the like: relative links to a folder.
_FOLDER_LINK = re.compile(r'''(\s(?:href|src|action)=)(["'])(?![a-zA-Z][\w+.-]*:|//|#)([^"'#?]*/|\.\.?(?:/\.\.)*)([?#][^"']*)?\2''')

README = """huquq — human rights law for Tajikistan / право прав человека для Таджикистана /
ҳуқуқи инсон барои Тоҷикистон

Тоҷикӣ
  Ин бойгонӣ нусхаи пурраи сайти huquq аст, ки бе интернет кор мекунад. Онро ба ҷузвдоне (ё флешка)
  кушоед ва файли index.html-ро ду бор пахш кунед: сайт дар браузер кушода мешавад ва ҳамаи пайвандҳо
  кор мекунанд. Ҷустуҷӯ дар саҳифаҳое, ки ҳамчун файл кушода шудаанд, кор намекунад: барои ҷустуҷӯ дар
  ин ҷузвдон фармони `huquq serve -d .` -ро иҷро кунед ва http://127.0.0.1:8000/ -ро кушоед, ё
  ҷузвдонро дар ягон веб-сервер ҷойгир кунед.

Русский
  Этот архив — полная копия сайта huquq, работающая без интернета. Распакуйте его в папку (или на
  флешку) и дважды щёлкните файл index.html: сайт откроется в браузере, и все ссылки будут работать.
  Поиск не работает на страницах, открытых как файлы: чтобы искать, выполните в этой папке команду
  `huquq serve -d .` и откройте http://127.0.0.1:8000/, или разместите папку на любом веб-сервере.

English
  This archive is a complete copy of the huquq site that works without the internet. Unpack it into a
  folder (or onto a USB stick) and double-click index.html: the site opens in the browser and every
  link works. The search does not run on pages opened as files: to search, run `huquq serve -d .` in
  this folder and open http://127.0.0.1:8000/, or put the folder on any web server.
"""


def offline_page(html: str) -> str:
    """A page whose links to folders of the site name their index.html."""
    def rewrite(m: re.Match) -> str:
        folder = m.group(3) if m.group(3).endswith("/") else m.group(3) + "/"
        return f"{m.group(1)}{m.group(2)}{folder}index.html{m.group(4) or ''}{m.group(2)}"

    return _FOLDER_LINK.sub(rewrite, html)


def make_archive(site_dir: Path, archive: Path) -> Path:
    """Write the site's offline archive (atomically: never half an archive)."""
    site_dir = Path(site_dir)

    def write(tmp: str) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            zf.writestr("README.txt", README)
            for path in sorted(site_dir.rglob("*")):
                if not path.is_file():
                    continue
                name = path.relative_to(site_dir).as_posix()
                if path.suffix == ".html":
                    zf.writestr(name, offline_page(path.read_text(encoding="utf-8")))
                else:
                    zf.write(path, name)

    write_atomically(archive, write, suffix=".zip")
    return archive
