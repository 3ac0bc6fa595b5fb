"""Tajik word endings, reduced so that the forms a lawyer types meet the forms a text uses.

A small rule-based stemmer for search, not a lemmatiser. It works on words already lowercased and
folded (ҳ→х, ҷ→ч, қ→к, ғ→г, ӣ→и, ӯ→у: ``kb.textnorm``), so that a word typed on a Russian keyboard
meets the same word typed with the Tajik letters. It removes, from the end:

- the object marker -ро (адвокатро → адвокат), but not the -ро of -гаро (ҳамҷинсгаро "gay" is one word with
  ҳамҷинсгароён "gay people" and ҳамҷинсгароӣ "homosexuality");
- the abstract noun's -гӣ after -а (фоҳишагӣ "prostitution" meets фоҳиша, зиндагӣ "life" зинда "alive");
- the izofa -и, also after an adjectival or abstract -ӣ (ҳуқуқи → ҳуқуқ, озодии → озод, тиббӣ → тибб);
- the plurals -ҳо (иттиҳодияҳо), -гон after -а (бачагон → бача), -ён after a vowel (донишҷӯён), and
  -он where what is left is a word of four letters or more, or one of the few short nouns that take it
  (занон → зан, мардон → мард; but ҷавон "young" stays, so that it does not meet ҷав "barley");
- the same endings after a hyphen, and the possessives of every person there (ВНМО-и, ВНМО-ро, ВНМО-амро
  "my HIV", ЛГБТ-ашон): after an abbreviation they are written with a hyphen;
- the adverb -ан of Arabic words where a stem of five letters or more is left (маҷбуран "by force" meets
  маҷбурӣ "forced", қонунан meets қонун; гардан "neck" does not meet гард "dust");
- the participle -шуда written onto its noun (боздоштшуда "detained person", боздоштшудагон, ҳабсшуда):
  the person meets the act, as "detainee" meets "detention" in English (kb.textnorm);
- the possessives "my", "his, her" and "their" (-ам, -аш, -ашон; -ям, -яш, -яшон after a vowel) where a stem
  of four letters or more is left, or one of a few short nouns a person says of themselves (пул "money",
  хун "blood"): a volunteer writes what happened to the client, телефонамро "my phone", ҳуҷҷатҳояшро "his
  documents", писарам "my son". They are taken off before the plural and again last, so that a noun that
  itself ends in -ам (муттаҳам "accused") has one stem in all its forms; рақам "number" keeps its -ам (a
  stem of three).

- the infinitive -ан, the past "they" -анд and the perfect -ааст, -аанд ("has, have done") after a past
  stem in -т or -д of four letters or more (гирифтан, гирифтани, гирифтанд "they took", гирифтааст,
  гирифтаанд → гирифт; доштанд "they held" → дошт): a volunteer writes what they did, a text names the
  act; the Arabic adverbs of four letters go with them (қасдан "intentionally" → қасд).

The other possessives (-ат "your" would take давлат "state" apart) and the other verb endings are left
alone: in legal text they are rare in the words people search. ``tests/test_tajik.py``
holds the pairs that must meet and the pairs that must not; ``bench/tajik_stemmers.py`` measures this
stemmer and tajiknlp's against them.
"""

from __future__ import annotations

import re

MIN_STEM = 3
MIN_ADVERB_STEM = 5  # маҷбур-ан, қонун-ан; not бад-ан "body", гард-ан "neck", душм-ан "enemy"
PARTICIPLE = "шуда"  # боздошт-шуда; the word шуда alone is a stop word (kb.textnorm.TAJIK_STOP)
# Short nouns (3 letters, folded) whose plural is -он: "women", "men" (мард is 4 and needs no entry).
SHORT_PLURAL_ON = frozenset({"зан", "пир", "чон"})
VOWELS = "аеиоуэюя"
POSSESSIVES = ("ашон", "яшон", "ам", "аш", "ям", "яш")  # "their", "my", "his, her" (folded), longest first
MIN_POSSESSIVE_STEM = 4  # писар-ам, хона-ам; not рақ-ам "number", қад-ам "step", сит-ам "oppression"
# Short nouns (3 letters, folded) a person names with "my" or "his": money, blood, head, wife, soul, heart,
# name, work.
SHORT_POSSESSED = frozenset({"пул", "хун", "сар", "зан", "чон", "дил", "ном", "кор"})
# A verb's past stem ends in -т or -д: the infinitive adds -ан, "they did" -анд (гирифт-ан "to take",
# гирифт-анд "they took", дошт-анд "they held"). Only where a stem of four letters is left: зад-анд "they
# hit" keeps its ending, so that бад-ан "body" and ват-ан "homeland" keep theirs.
_VERB = re.compile(r"^(.{3,}[тд])(?:аанд|ааст|аед|аем|анд|ан)$")
NOT_VERBS = frozenset({"гардан"})  # "neck", not a verb: it must not meet гард "dust"
# After a hyphen: the plural, a possessive of any person ("my", "your", "his, her" and their plurals; -ат is
# safe here, as давлат has no hyphen), then the izofa or the object marker; at least one of them.
_HYPHENATED = re.compile(r"^(.+?)-(?=.)(?:хо)?(?:[ая][мтш](?:он)?)?(?:и|ро)?$")


def stem(word: str) -> str:
    """The stem of one folded, lowercased Tajik word (see the module's description)."""
    hyphen = _HYPHENATED.match(word)
    if hyphen:
        return hyphen.group(1)
    if len(word) <= MIN_STEM:
        return word
    if not word.endswith("гаро"):  # ҳамҷинсгаро "gay": its -ро is its own, not the object marker
        word = _strip(word, "ро")
    word = _abstract(_strip_izofa(_possessive(word)))
    for plural in ("хо", "гон", "ен", "он"):  # ё is folded to е: -ён is -ен here
        cut = _plural(word, plural)
        if cut != word:
            return _possessive(_strip(_abstract(_strip_izofa(cut)), PARTICIPLE))
    if word.endswith("ан") and len(word) - 2 >= MIN_ADVERB_STEM:
        return word[:-2]
    verb = _VERB.match(word)
    if verb and word not in NOT_VERBS:
        return verb.group(1)
    return _possessive(_strip(word, PARTICIPLE))


def _possessive(word: str) -> str:
    for ending in POSSESSIVES:
        if word.endswith(ending):
            rest = word[: -len(ending)]
            return rest if len(rest) >= MIN_POSSESSIVE_STEM or rest in SHORT_POSSESSED else word
    return word


def _abstract(word: str) -> str:
    """The abstract noun in -гӣ of a word in -а, once its ӣ is gone as an izofa would be (фоҳишагӣ
    "prostitution" → фоҳиша, зиндагӣ "life" → зинда "alive"), where four letters or more are left."""
    if word.endswith("аг") and len(word) - 1 >= 4:
        return word[:-1]
    return word


def _strip(word: str, ending: str) -> str:
    if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
        return word[: -len(ending)]
    return word


def _strip_izofa(word: str) -> str:
    """-и, -ии (озодӣ + izofa), each only while a stem of three letters remains."""
    for _ in range(2):
        if word.endswith("и") and len(word) - 1 >= MIN_STEM:
            word = word[:-1]
    return word


def _plural(word: str, ending: str) -> str:
    if not word.endswith(ending):
        return word
    rest = word[: -len(ending)]
    if ending == "хо":
        return rest if len(rest) >= MIN_STEM else word
    if ending == "гон":
        return rest if rest.endswith("а") and len(rest) >= MIN_STEM else word
    if ending == "ен":
        return rest if rest and rest[-1] in VOWELS and len(rest) >= MIN_STEM else word
    if len(rest) >= 4 or rest in SHORT_PLURAL_ON:
        return rest
    return word
