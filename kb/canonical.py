"""The canonical form of a source file, written by ``huquq fmt``.

One form for every file keeps pull-request diffs about the law, not about
layout: keys in the order of the JSON Schema, two-space indentation,
verbatim texts as literal blocks (line for line as pasted), long prose
folded at ``WIDTH`` columns, short lists of ids on one line, and a first
line naming the schema so that editors check the file while it is typed.

Comments other than that first line are not part of the form: what a
maintainer wants to say goes into ``verification.maintainer_note`` (or a
circumstance's ``notes``); a record's ``notes`` are shown to readers. ``comment_lines`` finds them
so that ``fmt`` can refuse to drop them silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .schema import schema

WIDTH = 100
SCHEMA_LINE = "# yaml-language-server: $schema={}"
# Keys whose string values are verbatim legal text: always literal blocks.
_VERBATIM_KEYS = {"content"}


def schema_comment(path: Path, root: Path, kind: str) -> str:
    """The first line of a source file: its schema, relative to the checkout.

    Sources live in ``<checkout>/legal_sources``; the path is computed from
    the file's depth below ``root`` so that it is the same wherever the
    checkout (or a copy of the sources) is.
    """
    depth = len(path.relative_to(root).parts) - 1
    return SCHEMA_LINE.format("../" * depth + f"../kb/schemas/{kind}.schema.json")


# -- key order -------------------------------------------------------------------------------

def _resolve(node: dict, defs: dict) -> dict:
    while "$ref" in node:
        node = defs[node["$ref"].rsplit("/", 1)[1]]
    return node


def order_keys(data: Any, node: dict | None, defs: dict) -> Any:
    """``data`` with mapping keys in the schema's order (unknown keys last, as found)."""
    node = _resolve(node, defs) if node else {}
    if isinstance(data, dict):
        props = node.get("properties", {})
        ordered = [k for k in props if k in data] + [k for k in data if k not in props]
        return {k: order_keys(data[k], props.get(k), defs) for k in ordered}
    if isinstance(data, list):
        return [order_keys(item, node.get("items"), defs) for item in data]
    return data


# -- emitting --------------------------------------------------------------------------------

class _Str(str):
    """A string with the block style it should be written in."""

    style: str | None = None


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent sequences under their key ("key:\n  - item"), as people write YAML.
        super().increase_indent(flow, False)


def _represent_str(dumper: _Dumper, value: str) -> yaml.Node:
    style = getattr(value, "style", None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


def _represent_list(dumper: _Dumper, value: list) -> yaml.Node:
    flow = bool(value) and all(isinstance(v, str) and "\n" not in v for v in value) \
        and sum(len(v) + 2 for v in value) < WIDTH - 20
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(_Str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def _styled(data: Any, key: str | None = None, literal_only: bool = False) -> Any:
    if isinstance(data, dict):
        return {k: _styled(v, k, literal_only) for k, v in data.items()}
    if isinstance(data, list):
        return [_styled(v, None, literal_only) for v in data]
    if isinstance(data, str):
        text = _Str(data)
        # Verbatim texts line for line; templates (circumstances' arguments) with their own line breaks.
        if key in _VERBATIM_KEYS or "\n" in data or "{%" in data:
            text.style = "|"
        elif len(data) > WIDTH - 30 and " " in data.strip() and not literal_only:
            text.style = ">"
        return text
    return data


def _emit(data: Any, literal_only: bool) -> str:
    return yaml.dump(_styled(data, literal_only=literal_only), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=WIDTH, indent=2, default_flow_style=False)


def dump(data: Any, kind: str, first_line: str) -> str:
    """The canonical text of a source file holding ``data`` (plain dicts, lists and scalars)."""
    full = schema(kind)
    ordered = order_keys(data, full, full.get("$defs", {}))
    body = _emit(ordered, literal_only=False)
    if yaml.safe_load(body) != ordered:
        # PyYAML cannot fold some strings faithfully (runs of spaces, odd
        # characters); then write prose unfolded rather than change a word.
        body = _emit(ordered, literal_only=True)
    return f"{first_line}\n{body}"


def plain(data: Any) -> Any:
    """Loaded YAML (with line information) as plain dicts and lists."""
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


def comment_lines(text: str) -> list[int]:
    """Lines (1-based) holding a comment other than the schema line, which ``fmt`` would drop."""
    covered: set[int] = set()
    tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    for token in tokens:
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">", '"', "'"):
            covered.update(range(token.start_mark.line, token.end_mark.line + 1))
    ends = {t.end_mark.line: t.end_mark.column for t in tokens}
    found = []
    for number, line in enumerate(text.split("\n")):
        if number == 0 and line.startswith(SCHEMA_LINE.format("")):
            continue
        stripped = line.lstrip()
        if stripped.startswith("#") and number not in covered:
            found.append(number + 1)
        elif " #" in line and number not in covered and ends.get(number, 0) <= line.index(" #"):
            found.append(number + 1)
    return found
