"""huquq's knowledge base: load, validate, index and search the legal sources.

The public surface is small: ``load_corpus`` (raises), ``check_sources``
(reports every problem), the models, and the search functions in
``kb.search``.
"""

from .errors import Problem, SourceError
from .load import check_sources, load_corpus
from .models import Case, Corpus, Instrument, Notice, Provision, Topic

__all__ = [
    "Case", "Corpus", "Instrument", "Notice", "Problem", "Provision", "SourceError", "Topic",
    "check_sources", "load_corpus",
]
