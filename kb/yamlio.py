"""Reading YAML safely, keeping the line of every mapping, key and list item.

Only plain data is accepted: no Python objects (safe loading), no anchors or
aliases (a "billion laughs" file is refused at once), no duplicate keys, no
merge keys. Dates stay strings so that ``kb.dates`` parses and reports them.
Every problem is a ``SourceError`` with the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader without the timestamp rule: dates are checked by kb.dates."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class Mapping(dict):
    """A dict that remembers the line of the mapping and of each key (1-based)."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list that remembers its line and the line of each item."""

    line: int = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


def read_text(path: Path) -> str:
    """The file as text, or a located error for oversized or non-UTF-8 files."""

    return decode(path, path.read_bytes())


def decode(path: Path, data: bytes) -> str:
    """Bytes already read as text, or a located error for oversized or non-UTF-8 files."""
    from .errors import SourceError

    if len(data) > MAX_BYTES:
        raise SourceError.at(path, 1, f"file is {len(data)} bytes; at most {MAX_BYTES} are read")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise SourceError.at(
            path, line, f"byte 0x{data[e.start]:02x} is not UTF-8; save the file as UTF-8 text"
        ) from None


def load_yaml(path: Path, text: str | None = None) -> Any:
    """Parse one YAML document into Mapping/Sequence/scalars with line numbers."""
    from .errors import SourceError

    if text is None:
        text = read_text(path)
    _check_depth(path, text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SourceError.at(path, 1, "the file is empty; expected a YAML mapping")
        return _convert(path, loader, node, set())
    except yaml.MarkedYAMLError as e:
        line, message = explain(e, text.splitlines())
        raise SourceError.at(path, line, f"YAML syntax: {message}") from None
    except yaml.YAMLError as e:
        raise SourceError.at(path, 1, f"YAML syntax: {e}") from None
    finally:
        loader.dispose()


def explain(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str]:
    """The line a YAML syntax error most likely concerns, and what is wrong in plain words (the
    parser's own wording names its internals: "expected <block end>, but found ...")."""
    problem, context = error.problem or "", error.context or ""
    # The parser may notice at the end of the text, a line after the last one: name the last line then.
    last = max(1, len(lines))
    problem_line = min(error.problem_mark.line + 1, last) if error.problem_mark else 1
    context_line = min(error.context_mark.line + 1, last) if error.context_mark else problem_line
    for line in {problem_line, context_line}:
        if 0 < line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]:
            return line, "a tab character; YAML is indented with spaces only"
    if "could not find expected ':'" in problem:
        # The parser notices on the next line; the line without its colon is where the key began.
        return context_line, ("this line has no colon: a field is written `name: value`, a list item "
                              "`- value`")
    if "mapping values are not allowed" in problem:
        return problem_line, ("a colon followed by a space inside a value; put the value in quotes "
                              "('...') or write it as a block (>-)")
    if "end of stream" in problem and "quoted scalar" in context:
        return context_line, "a quotation mark opened on this line is never closed"
    if "flow" in context:
        return context_line, ("a list in brackets [ ... ] or a mapping in braces { ... } opened on this line "
                              "is not closed properly; close it, or put an item holding a colon in quotes")
    if any(words in problem for words in ("expected <block end>", "expected '-' indicator",
                                          "did not find expected key", "expected <block mapping")):
        return problem_line, ("this line's indentation does not match the lines above: the fields of one "
                              "record start at the same column, and the items of a list each start with "
                              "'- ' at the same column")
    if "found character" in problem and "cannot start any token" in problem:
        return problem_line, f"{problem}; put the value in quotes"
    return problem_line, problem or "is not valid YAML"


_BRACKETS = re.compile(r"[\[\]{}\n]")


def _check_depth(path: Path, text: str) -> None:
    """Refuse pathologically nested files before the parser recurses into them."""
    from .errors import SourceError

    deep = re.search(rf"^ {{{MAX_DEPTH * 4 + 1},}}", text, re.MULTILINE)
    if deep:
        raise SourceError.at(path, text.count("\n", 0, deep.start()) + 1, f"nested more than {MAX_DEPTH} levels deep")
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth, line = 0, 1
    for match in _BRACKETS.finditer(text):
        char = match.group()
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise SourceError.at(path, line, f"nested more than {MAX_DEPTH} levels deep")
        else:
            depth = max(0, depth - 1)


def _convert(path: Path, loader: Any, node: yaml.Node, seen: set[int]) -> Any:
    from .errors import SourceError

    line = node.start_mark.line + 1
    if id(node) in seen or getattr(node, "anchor", None):
        raise SourceError.at(path, line, "anchors and aliases (&name, *name) are not allowed")
    seen.add(id(node))
    if node.tag.startswith("tag:yaml.org,2002:python") or node.tag.startswith("!"):
        raise SourceError.at(path, line, f"tag {node.tag} is not allowed; expected plain data")
    if isinstance(node, yaml.MappingNode):
        result = Mapping()
        result.line = line
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise SourceError.at(path, key_line, "merge keys (<<) are not allowed")
            if not isinstance(key_node, yaml.ScalarNode):
                raise SourceError.at(path, key_line, "a key must be plain text")
            key = str(loader.construct_object(key_node))
            if key in result:
                raise SourceError.at(
                    path, key_line, f"duplicate key {key!r} (first on line {result.key_lines[key]})"
                )
            result[key] = _convert(path, loader, value_node, seen)
            result.key_lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        result = Sequence()
        result.line = line
        for item in node.value:
            result.append(_convert(path, loader, item, seen))
            result.item_lines.append(item.start_mark.line + 1)
        return result
    if node.tag not in _PLAIN_TAGS:
        raise SourceError.at(path, line, f"tag {node.tag} is not allowed; expected plain data")
    return loader.construct_object(node)


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


def line_at(data: Any, path: list) -> int:
    """The line of the deepest element of ``data`` reachable by ``path`` (a JSON path)."""
    line = getattr(data, "line", 1) or 1
    current = data
    for step in path:
        if isinstance(current, Mapping) and step in current:
            line = current.line_of(step)
            current = current[step]
        elif isinstance(current, Sequence) and isinstance(step, int) and step < len(current):
            line = current.line_of(step)
            current = current[step]
        else:
            break
        line = getattr(current, "line", line) or line
    return line
