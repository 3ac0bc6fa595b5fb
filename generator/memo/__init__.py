"""The legal grounding memo: a plan (what to cite, and why) and its rendering into Word."""

from .plan import MAX_EXTRAS, Cited, IssuePlan, MemoPlan, plan_json, plan_memo
from .render import redacted, render_memo

__all__ = ["MAX_EXTRAS", "Cited", "IssuePlan", "MemoPlan", "plan_json", "plan_memo", "redacted", "render_memo"]
