"""The legal grounding memo: a plan (what to cite, and why) and its rendering into Word."""

from .plan import MAX_EXTRAS, Cited, IssuePlan, MemoPlan, plan_json, plan_memo
from .render import build_memo, redacted, render_memo

__all__ = ["MAX_EXTRAS", "Cited", "IssuePlan", "MemoPlan", "plan_json", "build_memo", "plan_memo", "redacted", "render_memo"]
