"""A circumstance's argument template shown to a lawyer as text, not as Jinja.

The memo fills the template in from a matter's answers (kb.arguments). Its page shows every sentence it
can say: the text common to all matters as it is, each sentence that depends on an answer in a box that
names the question and the answer ("Only when «What was demanded?» — Money or property"), and an answer
put into a sentence as a blank ("[…]"). Conditions on the date of the events, or more intricate ones, are
named as such. The same for each of its requests.
"""

from __future__ import annotations

from html import escape

from jinja2 import nodes

from kb.arguments import parse
from kb.cite import pick
from kb.models import Circumstance, ValueSpec

from .l10n import Catalogue


class Outline:
    """The outline of a circumstance's templates in one reader's language."""

    def __init__(self, circumstance: Circumstance, lang: str, catalogue: Catalogue):
        self.values = {value.id: value for value in circumstance.values}
        self.lang = lang
        self.t = lambda key: catalogue.text(key, lang)

    def html(self, template: str) -> str:
        return self._blocks(parse(template).body)

    # -- the template's body --------------------------------------------------------------------------
    def _blocks(self, body: list[nodes.Node]) -> str:
        """Paragraphs of plain text and boxes of conditional text, in order."""
        out: list[str] = []
        text: list[str] = []

        def paragraph() -> None:
            words = " ".join("".join(text).split())
            if words:
                out.append(f"<p>{words}</p>")
            text.clear()

        for node in body:
            if isinstance(node, nodes.If):
                paragraph()
                out.append(self._branches(node))
            elif isinstance(node, nodes.Output):
                text.extend(self._inline(part) for part in node.nodes)
        paragraph()
        return "".join(out)

    def _inline(self, part: nodes.Node) -> str:
        if isinstance(part, nodes.TemplateData):
            return escape(part.data)
        return f'<span class="huquq-blank" title="{escape(self.t("outline.blank"))}">[…]</span>'

    def _branches(self, node: nodes.If) -> str:
        parts = [(f"{self.t('outline.when')} {self._condition(node.test)}", node.body)]
        parts += [(f"{self.t('outline.or_when')} {self._condition(other.test)}", other.body) for other in node.elif_]
        if node.else_:
            parts.append((self.t("outline.otherwise"), node.else_))
        return "".join(f'<div class="huquq-when"><p class="huquq-when-label">{label}:</p>{self._blocks(body)}</div>'
                       for label, body in parts)

    # -- conditions -------------------------------------------------------------------------------------
    def _condition(self, test: nodes.Node) -> str:
        if any(name.name == "matter_date" for name in test.find_all(nodes.Name)):
            return self.t("outline.by_date")
        said = self._said(test)
        return said if said is not None else self.t("outline.depending")

    def _said(self, test: nodes.Node) -> str | None:
        """The condition in the reader's words, or None where it is not a plain test of answers."""
        if isinstance(test, (nodes.And, nodes.Or)):
            left, right = self._said(test.left), self._said(test.right)
            joiner = self.t("outline.and" if isinstance(test, nodes.And) else "outline.or")
            return None if left is None or right is None else f"{left} {joiner} {right}"
        if isinstance(test, nodes.Not):
            inner = test.node
            if isinstance(inner, nodes.Name):
                return self._answer(inner.name, False)
            if isinstance(inner, nodes.Test) and inner.name == "none" and isinstance(inner.node, nodes.Name):
                return self._given(inner.node.name, True)
            said = self._said(inner)
            return None if said is None else f"{self.t('outline.not')} ({said})"
        if isinstance(test, nodes.Name):
            return self._answer(test.name, True)
        if isinstance(test, nodes.Test) and isinstance(test.node, nodes.Name):
            if test.name == "none":
                return self._given(test.node.name, False)
            if test.name in ("true", "false"):
                return self._answer(test.node.name, test.name == "true")
        if (isinstance(test, nodes.Compare) and isinstance(test.expr, nodes.Name) and len(test.ops) == 1
                and isinstance(test.ops[0].expr, nodes.Const)):
            return self._compared(test.expr.name, test.ops[0].op, test.ops[0].expr.value)
        return None

    def _question(self, name: str) -> str | None:
        value = self.values.get(name)
        return f"«{escape(pick(value.question, self.lang))}»" if value else None

    def _answer(self, name: str, yes: bool) -> str | None:
        question = self._question(name)
        if question is None:
            return None
        if self.values[name].type != "boolean":
            return self._given(name, yes)
        return f"{question} — {self.t('outline.yes' if yes else 'outline.no')}"

    def _given(self, name: str, given: bool) -> str | None:
        question = self._question(name)
        if question is None:
            return None
        return f"{question} — {self.t('outline.given' if given else 'outline.not_given')}"

    def _compared(self, name: str, op: str, constant) -> str | None:
        question, value = self._question(name), self.values.get(name)
        if question is None:
            return None
        if isinstance(constant, bool) and op in ("eq", "ne"):
            return self._answer(name, constant == (op == "eq"))
        if op in ("eq", "ne") and isinstance(constant, str):
            label = _choice_label(value, constant, self.lang)
            if label is None:
                return None
            return f"{question} — {'' if op == 'eq' else self.t('outline.not') + ' '}{escape(label)}"
        symbol = {"gt": ">", "lt": "<", "gteq": "≥", "lteq": "≤"}.get(op)
        if symbol and isinstance(constant, (int, float)):
            return f"{question} {symbol} {constant}"
        return None


def _choice_label(value: ValueSpec, choice: str, lang: str) -> str | None:
    return next((pick(c.label, lang) for c in value.choices if c.id == choice), None)
