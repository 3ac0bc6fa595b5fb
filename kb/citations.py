"""Recognising a citation typed as a lawyer types it: "ICCPR 9", "art. 125 CC",
"статья 19 Конституции", "143¹ УК", "ч. 1 ст. 94 УПК"; a case by its number or document symbol
("1096/2002", "CCPR/C/81/D/964/2001"). Such a query goes straight to the provision or the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textnorm import fold_tajik

SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
# Words that only say "article" or "paragraph" in the three languages.
UNIT_WORDS = {
    "art", "arts", "article", "articles", "para", "paras", "paragraph", "paragraphs", "principle",
    "principles", "guideline", "no", "of", "the",
    "ст", "ст.", "статья", "статьи", "статье", "статьей", "статью", "статей", "п", "пункт", "пункта",
    "параграф", "принцип", "часть", "ч",
    "модда", "моддаи", "м", "банд", "банди", "б",
    "и", "ум",  # the izofa and the ordinal after a number: "моддаи 19-и Конститутсия", "19-ум"
}
# A part or paragraph written before its article, as Russian and Tajik pleadings do ("ч. 1 ст. 94",
# "часть 2 статьи 9", "қисми 1 моддаи 94"): read as the article, with the part as its pinpoint ("ст. 94(1)"),
# never as an article "94-1". On folded text (қ -> к).
PART_FIRST = re.compile(r"(?<!\w)(?:ч|часть|части|кисми|кисм)\.?\s*(\d+)\s+(ст|статья|статьи|статье|моддаи|модда)\.?\s*"
                        r"(\d+(?:-\d+)?)(?![\w(])")
NUMBER = re.compile(r"(?<![\w-])(\d+)([¹²³⁴⁵⁶⁷⁸⁹]+|(?:[-.]\d+)*)((?:\(\w{1,3}\))*)(?:-(?:и|ум)\b)?")


def find_citation(query: str, catalog: dict, prepared: Prepared | None = None) -> tuple[str, str] | None:
    """(provision id, pinpoint) when ``query`` names one provision, else None. ``prepared``: the
    catalog's lookups, made once by ``prepare(catalog)`` where many queries are asked (kb.search)."""
    text = fold_tajik(query)
    prepared = prepared or prepare(catalog)
    part = PART_FIRST.search(text)
    if part:
        text = f"{text[:part.start()]}{part.group(2)} {part.group(3)}{text[part.end():]}"
    cited = _cited(text, prepared)
    return (cited[0], f"({part.group(1)}){cited[1]}") if cited and part else cited


def _cited(text: str, prepared: Prepared) -> tuple[str, str] | None:
    """find_citation on the folded ``text``."""
    provisions = prepared.provisions
    # A name that holds a number itself ("GC 35 para 3", "CCPR/C/TJK/CO/3 para 15") is found whole first;
    # the provision's number is then looked for in the rest of the query.
    for pattern, instrument in prepared.whole_names:
        found = pattern.search(text)
        if not found:
            continue
        rest = text[: found.start()] + " " + text[found.end():]
        number = NUMBER.search(rest)
        if not number or any(w not in UNIT_WORDS for w in re.findall(r"[^\W\d_]+", rest)):
            continue
        cited = _label(instrument, number, provisions)
        if cited:
            return cited
    match = NUMBER.search(text)
    if not match:
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", text[: match.start()] + " " + text[match.end():])
             if w not in UNIT_WORDS]
    if not words:
        return None
    for instrument in _instruments_named(words, prepared.names):
        cited = _label(instrument, match, provisions)
        if cited:
            return cited
    return None


def case_keys(number: str, symbol: str | None) -> list[str]:
    """The keys a case is looked up by: each of its numbers ("31039/11, 48511/11", "9988/13 and 60
    others") and its document symbol, lower-case."""
    keys = re.findall(r"\d+(?:-\d+)?/\d+", number)
    return [key.lower() for key in keys + ([symbol] if symbol else [])]


def find_case(query: str, catalog: dict) -> str | None:
    """The id of the case whose number or symbol is one of the query's words ("№ 1096/2002",
    "communication 1096/2002", "CCPR/C/81/D/964/2001"), else None (the Search page's script: the same)."""
    cases = catalog.get("cases", {})
    for word in re.split(r"[\s,;№]+", query.lower()):
        key = word.strip("().:")
        if key in cases:
            return cases[key]
    return None


def _label(instrument: str, match: re.Match, provisions: set[str]) -> tuple[str, str] | None:
    """The provision of ``instrument`` that a number (with its suffix and pinpoint) names, if any."""
    number, suffix, pinpoint = match.groups()
    if suffix and suffix[0] in "¹²³⁴⁵⁶⁷⁸⁹":
        suffix = "-" + suffix.translate(SUPERSCRIPT_DIGITS)
    labels = [number + suffix]
    first_pin = re.match(r"\((\w+)\)", pinpoint)
    if first_pin and not suffix:  # 143(1) may be article 143¹ rather than part 1 of 143
        labels.insert(0, f"{number}-{first_pin.group(1)}")
    for label in labels:
        if f"{instrument}/{label}" in provisions:
            rest = pinpoint if label == number + suffix else pinpoint[first_pin.end():]
            return f"{instrument}/{label}", rest
    return None


@dataclass(frozen=True)
class Prepared:
    """What every query needs from the catalog, read once: the provision ids; the names holding a number,
    as patterns, longest first; every name's words; the names without a number, longest first; and each
    instrument's own name words."""
    provisions: frozenset[str]
    whole_names: list[tuple[re.Pattern, str]]
    names: list[tuple[tuple[str, ...], str]]
    word_names: list[tuple[tuple[str, ...], str]]
    own_words: dict[str, frozenset[str]]


def prepare(catalog: dict) -> Prepared:
    names = [(name, instrument) for instrument, instrument_names in catalog.get("instruments", {}).items()
             for name in instrument_names]
    split = [(_words(name), instrument) for name, instrument in names]  # each name's words, once
    plain = {(tokens, instrument) for (name, _), (tokens, instrument) in zip(names, split)
             if name != instrument and not re.search(r"\d", name) and tokens}
    word_names = sorted(plain, key=lambda item: (-len(item[0]), " ".join(item[0]), item[1]))
    own: dict[str, set[str]] = {}
    for tokens, instrument in word_names:
        own.setdefault(instrument, set()).update(tokens)
    return Prepared(frozenset(catalog.get("provisions", ())), _whole_names(names), split, word_names,
                    {instrument: frozenset(words) for instrument, words in own.items()})


def named_instrument(query: str, prepared: Prepared) -> tuple[str, str] | None:
    """(instrument, the query's other words) when a query names an instrument among its words ("Criminal
    Code torture", "свобода собраний Конституция", "Кодекси ҷиноятӣ шиканҷа"), by its longest name found;
    None if it names none. Words of a name meet in another grammatical case (Конституции ~ Конституция),
    short ones (УК, CAT) only as typed. The other words leave out those that only qualify the name
    ("Tajik" in "Tajik Criminal Code": the start of a word of one of its names)."""
    # Folding keeps each letter in its place: the words' places in the query as typed.
    spans = list(re.finditer(r"[^\W_]+", fold_tajik(query)))
    words = [m.group() for m in spans]
    for tokens, instrument in prepared.word_names:
        for start in range(len(words) - len(tokens) + 1):
            typed = words[start:start + len(tokens)]
            if all(_same_word(w, t) if len(t) > 3 else w == t for w, t in zip(typed, tokens)):
                own = prepared.own_words[instrument]
                rest = [query[m.start():m.end()] for at, m in enumerate(spans)
                        if not start <= at < start + len(tokens) and not _qualifies(m.group(), own)]
                return instrument, " ".join(rest)
    return None


def _qualifies(word: str, name_words: frozenset[str]) -> bool:
    return any((len(word) >= 4 and t.startswith(word)) or _same_word(word, t) for t in name_words)


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+", fold_tajik(name)))


def _whole_names(names: list[tuple[str, str]]) -> list[tuple[re.Pattern, str]]:
    """(pattern of the folded name, instrument) for names that hold a digit, longest first."""
    found = {(fold_tajik(name), instrument) for name, instrument in names
             if re.search(r"\d", name) and not re.match(r"(?i)no\s", name)}
    return [(re.compile(rf"(?<![\w/]){re.escape(name)}(?![\w/])"), instrument)
            for name, instrument in sorted(found, key=lambda item: -len(item[0]))]


def _instruments_named(words: list[str], names: list[tuple[tuple[str, ...], str]]) -> list[str]:
    """Instruments one of whose names contains every word, best (shortest name) first."""
    scored = {(len(tokens), instrument) for tokens, instrument in names
              if all(any(_same_word(w, t) for t in tokens) for w in words)}
    return [instrument for _, instrument in sorted(scored)]


def _same_word(typed: str, token: str) -> bool:
    """Equal, or the same word in another grammatical case (конституции ~ конституция)."""
    if typed == token:
        return True
    stem = min(len(typed), len(token)) - 2
    return stem >= 4 and typed[:stem] == token[:stem]
