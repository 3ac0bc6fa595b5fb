"""Tajik word forms: the pairs that must meet in search and the pairs that must not (kb.tajik).

The lists are written from Tajik grammar, not from the stemmer's output: the izofa (-и, -ии), the
plurals (-ҳо, -он, -гон, -ён), the object marker (-ро), hyphenated endings on abbreviations, the
participle -шуда written onto its noun (боздоштшуда, the detained person), and the possessives "my",
"his, her", "their" (писарамро, ҳуҷҷатҳояш).
"""

import pytest

from kb.tajik import stem
from kb.textnorm import ANALYZERS, fold_tajik

# Each group: forms of one word that a search must treat as the same word.
MEET = [
    ["ҳуқуқ", "ҳуқуқи", "ҳуқуқҳо", "ҳуқуқҳои", "ҳуқуқро", "ҳуқуқҳоро"],
    ["озодӣ", "озодии", "озодиҳо", "озодиҳои"],
    ["адвокат", "адвокати", "адвокатро", "адвокатҳо", "адвокатон"],
    ["шиканҷа", "шиканҷаи", "шиканҷаро", "шиканҷаҳо"],
    ["иттиҳодия", "иттиҳодияи", "иттиҳодияҳо", "иттиҳодияҳои"],
    ["боздошт", "боздошти", "боздоштро", "боздоштшуда", "боздоштшудаи", "боздоштшударо", "боздоштшудагон"],
    ["ҳабс", "ҳабси", "ҳабсшуда"],
    ["гумонбар", "гумонбаршуда", "гумонбаршудагон"],
    ["зан", "занон", "занони"],
    ["мард", "мардон"],
    ["кӯдак", "кӯдакон", "кӯдакони"],
    ["шаҳрванд", "шаҳрвандон", "шаҳрвандони"],
    ["санҷиш", "санҷиши", "санҷишҳо"],
    ["маҷбурӣ", "маҷбурии"],
    ["тиббӣ", "тиббии"],
    ["худсарона", "худсаронаи"],
    ["Конститутсия", "Конститутсияи"],
    ["модда", "моддаи", "моддаҳо", "моддаҳои"],
    ["қонун", "қонуни", "қонунҳо", "қонунро"],
    ["ВНМО", "ВНМО-и", "ВНМО-ро"],
    # after an abbreviation every ending follows a hyphen, the possessives too: "my HIV", "his HIV", "their HIV"
    ["ВНМО", "ВНМО-ам", "ВНМО-амро", "ВНМО-ашро", "ВНМО-ашон", "ВНМО-ҳо"],
    ["ЛГБТ", "ЛГБТ-ро", "ЛГБТ-и", "ЛГБТ-ҳо"],
    ["ҳамҷинсгаро", "ҳамҷинсгароён", "ҳамҷинсгароӣ", "ҳамҷинсгароро"],  # -гаро keeps its -ро
    ["фоҳиша", "фоҳишагӣ", "фоҳишагии", "фоҳишаҳо"],  # the abstract noun in -гӣ
    ["зинда", "зиндагӣ", "зиндагии"],
    ["муоина", "муоинаи"],
    ["бача", "бачагон"],
    ["донишҷӯ", "донишҷӯён"],
    ["Ҷумҳурӣ", "Ҷумҳурии"],
    ["ҳимоятгар", "ҳимоятгарон", "ҳимоятгарони"],
    ["маҷбуран", "маҷбурӣ", "маҷбур"],       # the Arabic adverb -ан
    ["ихтиёран", "ихтиёрӣ", "ихтиёр"],
    ["қонунан", "қонун", "қонунӣ"],
    # "my", "his, her", "their": what a volunteer writes of the client (-ам, -аш, -ашон; -ям, -яш after a vowel)
    ["писар", "писари", "писарам", "писарамро", "писараш"],
    ["ҳуҷҷат", "ҳуҷҷатҳо", "ҳуҷҷатҳоям", "ҳуҷҷатҳояшро", "ҳуҷҷатҳояшон"],
    ["хона", "хонаи", "хонаам", "хонаашро"],
    ["пул", "пулам", "пуламро", "пулашро"],
    ["хун", "хунамро", "хуни"],
    ["ном", "номаш", "номи"],
    ["шикоят", "шикояташ", "шикоятҳо"],
    ["фаъолият", "фаъолияташон", "фаъолияти"],
    ["муттаҳам", "муттаҳами", "муттаҳамон"],  # a noun ending in -ам: one stem in every form
    ["рақам", "рақами", "рақамҳо"],
    # a past stem in -т or -д: the infinitive -ан, "they did" -анд (what a volunteer writes they did)
    ["гирифтан", "гирифтани", "гирифтанд", "гирифтааст", "гирифтаанд"],  # and the perfect: "has, have taken"
    ["доштан", "доштани", "доштанд"],
    ["бурдан", "бурданд", "бурдааст", "бурдаанд"],
    ["қасдан", "қасд", "қасди"],
]

# Different words that a careless stemmer would join.
APART = [
    ("шаҳр", "шаҳрванд"),        # city, citizen
    ("кор", "корманд"),          # work, employee
    ("ном", "номус"),            # name, honour
    ("ман", "манъ"),             # I, prohibition
    ("озод", "озор"),            # free, harm
    ("ҳуқуқ", "ҳуқуқвайронкунӣ"),  # right, offence
    ("ҳақ", "ҳақиқат"),          # right (due), truth
    ("зан", "занҷир"),           # woman, chain
    ("қонун", "қонунгузорӣ"),    # law, legislation
    ("ҳабс", "ҳабсхона"),        # detention, prison
    ("ҷавон", "ҷав"),            # young, barley (-он is not a plural here)
    ("инсон", "инс"),            # human, (nothing): -он stays on a short stem
    ("забон", "заб"),
    ("суд", "судя"),             # court, judge
    ("давлат", "давл"),          # the possessive -ат is not stripped
    ("иҷро", "иҷ"),              # execution: -ро of a short word is not the object marker
    ("гардан", "гард"),          # neck, dust: -ан is an adverb only after a long stem
    ("бадан", "бад"),            # body, bad
    ("душман", "душм"),
    ("қадам", "қад"),            # step, height: -ам of a short stem is not "my"
    ("рақам", "рақ"),
    ("одам", "од"),              # person
    ("оташ", "от"),              # fire, horse
    ("давлатам", "давл"),        # "your" (-ат) is not taken off
    ("ватан", "ват"),            # homeland: -ан after a stem of three is not the infinitive
    ("заданд", "зад"),           # so "they hit" keeps its ending too
    ("баланд", "бал"),           # high: -анд after other letters than т and д is the word's own
    ("фарзанд", "фарз"),         # child
]


def tajik_stem(word: str) -> str:
    return stem(fold_tajik(word))


@pytest.mark.parametrize("forms", MEET, ids=[group[0] for group in MEET])
def test_forms_of_one_word_meet(forms):
    assert len({tajik_stem(form) for form in forms}) == 1, {form: tajik_stem(form) for form in forms}


@pytest.mark.parametrize("a, b", APART, ids=[f"{a}-{b}" for a, b in APART])
def test_different_words_stay_apart(a, b):
    assert tajik_stem(a) != tajik_stem(b)


def test_typed_without_tajik_letters_meets_typed_with_them():
    for typed, written in [("хукуки", "ҳуқуқ"), ("шиканчаи", "шиканҷа"), ("озодии", "озодӣ"), ("хабси", "ҳабс")]:
        assert tajik_stem(typed) == tajik_stem(written)


def test_the_tajik_analyzer_reduces_a_genitive_phrase_to_the_nominative():
    analyzer = ANALYZERS["tg"]()
    assert [t.text for t in analyzer("озодии иттиҳодияҳо")] == [t.text for t in analyzer("озодӣ иттиҳодия")]
    assert [t.text for t in analyzer("ҳуқуқ ба адвокат")] == [t.text for t in analyzer("ҳуқуқи адвокатро")]
