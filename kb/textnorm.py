"""Text analysis for search: English and Russian stemming, Tajik letter folding and endings (kb.tajik).

Tajik is often typed on a Russian keyboard without its own letters (х for ҳ,
ч for ҷ, к for қ, г for ғ, и for ӣ, у for ӯ). Folding both the text and the
query to the plain letters makes either spelling find the other.
"""

from __future__ import annotations

import re

import Stemmer
from whoosh.analysis import (
    STOP_WORDS, CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StemmingAnalyzer, StopFilter,
)
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import charset_table_to_dict

from .tajik import stem as tajik_stem

TAJIK_FOLDING = str.maketrans({
    "ҳ": "х", "Ҳ": "х", "ҷ": "ч", "Ҷ": "ч", "қ": "к", "Қ": "к", "ғ": "г", "Ғ": "г",
    "ӣ": "и", "Ӣ": "и", "ӯ": "у", "Ӯ": "у", "ё": "е", "Ё": "е",
})

# Words: letters and digits in any script, with inner hyphens (143-1, ҳуқуқ-и).
WORD = r"\w+(?:[-.]\w+)*"


def fold_tajik(text: str) -> str:
    return text.translate(TAJIK_FOLDING).lower()


_FOLD_MAP = charset_table_to_dict(
    ", ".join(f"U+{ord(src):04X}->U+{ord(dst):04X}"
              for src, dst in (("ҳ", "х"), ("Ҳ", "х"), ("ҷ", "ч"), ("Ҷ", "ч"), ("қ", "к"),
                               ("Қ", "к"), ("ғ", "г"), ("Ғ", "г"), ("ӣ", "и"), ("Ӣ", "и"),
                               ("ӯ", "у"), ("Ӯ", "у"), ("ё", "е"), ("Ё", "е")))
)


# Function words ("of", "и", "ва") are left out of the index and of queries in every language: a
# query is searched in the fields of all three languages, and a word kept by one analyzer but dropped
# by another would make "all the words" impossible to match.
# Folded, as the stop filter sees them (it runs after the folding): "ё" ("or") is "е" there. The light
# verbs of Tajik compound verbs (эътироф кардан "to confess", пахн шудан "to spread") are left out too: the
# meaning is in the noun, and "кардани" matches any text about anything done; so are the copula and those
# verbs in the first and second persons a caller writes ("ҳастам", "будем", "кардам"). The Search page gets
# this list.
TAJIK_STOP = frozenset(fold_tajik(word) for word in """ва дар ба аз бо бе ки барои ё то ин он
    кардан кардани карда кард карданд накард накарданд мекунад мекунанд кунад накунад шудан шудани шуда
    шуд шуданд нашуд нашуданд мешавад мешаванд намудан намуда намуд гардидан гардида гардид мегардад
    будан буда буд аст нест мебошад мебошанд бораи рӯи
    ман маро мо моро ту туро ӯ ӯро вай вайро онҳо онҳоро шумо шуморо
    онро инро инҳо инҳоро ҳама ҳамаро худ худро худам худат худаш худамон худатон худашон ҳеҷ кас касе касро
    чӣ чиро чизе кӣ киро кадом ягон ҳар ҳамин ҳамон чунин чунон агар вале аммо низ ҳам мисли
    дигар
    ҳаст ҳастам ҳастӣ ҳастем ҳастед ҳастанд будам будӣ будем будед буданд нестам нестӣ нестем нестед нестанд
    мебошам мебошем мебошед мешавам мешавем мешавед шудам шудӣ шудем шудед кардам кардӣ кардем кардед
    кунам кунӣ кунем кунед мекунам мекунӣ мекунем мекунед""".split())
# English function words beyond Whoosh's short list: a matter's facts ("she was held ... any ...") would
# otherwise match treaty texts on "any", "was", "which" (kb.search.rank_facts); "against" in a title
# ("Definition of discrimination against women") put it above the answer to "discrimination against
# transgender people"; the particles of "beat me up", "shut down", "took him out" are no word a record has.
ENGLISH_STOP = frozenset("""about after against all also am any because been before being both but could did do does
each had has he her hers him his how i into its me more most my no nor only other our ours own same she
should so some such than their theirs them then there these they those through too under until very was
were what where which while who whom why would up down out off mine yours whose here just really even still
already now again never ever always sometimes often anyone someone nobody nothing anything something
everyone everything get gets getting got""".split())
# Whoosh's Russian list has a few forms of each pronoun ("какая", "свою", "этого"); their other forms are as
# empty ("в каком отделе" found the records with "какого"; "других", other, stemmed as "друг", a friend). Each
# pronoun is listed in all its forms, those in Whoosh's list too, so that a paradigm can be checked whole.
# "другом" and "друга" stay: they are the friend's too.
RUSSIAN_STOP_FORMS = frozenset("""какой какое какие какого какому каким каком какую какими каких
    такой такая такое такие такого такому таким таком такую такими таких
    другой другая другое другие другого другому другим другую другими других
    этот эта это эти этого этому этим этом эту этими этих
    свой своя свое свои своего своему своим своем свою своими своих своей
    сам сама само сами самого самому самим самом саму самими самих самой
    весь вся все всего всему всем всю всеми всех всей
    тот та то те того тому тем том ту теми тех той
    мой моя мое мои моего моему моим моем мою моими моих моей
    твой твоя твое твои твоего твоему твоим твоем твою твоими твоих твоей
    наш наша наше наши нашего нашему нашим нашем нашу нашими наших нашей
    ваш ваша ваше ваши вашего вашему вашим вашем вашу вашими ваших вашей
    который которая которое которые которого которому которым котором которую которыми которых которой
    кто кого кому кем ком что чего чему чем никто никого никому никем ничто ничего ничему ничем
    его ему ей ее нее ней него нему ним ними них их оно мной мною тебе тобой нам нами вами ею собой
    также очень просто откуда почему вообще словно хотя пока""".split())
STOP = (frozenset(STOP_WORDS) | ENGLISH_STOP | frozenset(stopwords_for_language("ru")) | RUSSIAN_STOP_FORMS
        | TAJIK_STOP)


# English: the Snowball project's Porter2 (PyStemmer, in C), after the American -ize spelling is made the
# British -ise of the UN's texts ("organization" meets "organisation"), and then one stem for the words of a
# family that lawyers use for one another but that the stemmer keeps apart ("detainee", "detained",
# "detention"; "complaint", "complain"): tests/test_search.py lists the pairs that must meet and must not.
_ENGLISH = Stemmer.Stemmer("english")
_IZE = re.compile(r"(?<=\w{3})iz(?=(?:e|es|ed|ing|ation|ations|er|ers)$)")
ENGLISH_FAMILIES = {
    "detain": "detent", "detaine": "detent",
    "coerc": "coercion", "coerciv": "coercion",
    "disclosur": "disclos",
    "complaint": "complain",
    "registr": "regist",
    "briberi": "bribe",
    "beaten": "beat",
    "discriminatori": "discrimin",
    "consensu": "consent",
    # A caller says "he died", a text "death in custody".
    "die": "death", "dead": "death", "deceas": "death",
    # "Denied a lawyer", "refused treatment": one act.
    "deni": "refus", "denial": "refus",
    # A caller says "the cops".
    "cop": "polic",
    # "trans" as people say it, and the older "transsexual".
    "tran": "transgend", "transsexu": "transgend",
    # The act and its noun, which Porter2 keeps apart: "threatened" and "threat", "ill-treated" and
    # "ill-treatment", "dissolved" and "dissolution", "suspended" and "suspension", "compelled" and
    # "compulsion", "notified" and "notification", "injured" and "injury". Not "medicine" and "medical" ("no
    # medicines in detention" would lead with ICCPR 7's medical experiments), "expelled" and "expulsion" (the
    # expulsion of aliens, for a student expelled), nor "closed" and "closure" (measured: "authorities want a
    # court to close our NGO" lost the Constitution's art. 28 to the cases on closures).
    "threaten": "threat", "treatment": "treat", "dissolut": "dissolv", "suspens": "suspend",
    "compuls": "compel", "notif": "notifi", "injuri": "injur",
    # The irregular past of the verbs a caller tells what happened with ("never told us", "kept me three days",
    # "I paid them"), which Porter2 leaves as they are; a text says "tell", "keep", "pay". Not "took"
    # ("shall take measures" is in every treaty: measured, "police took my 14-year-old son" lost its
    # answer), "held" ("hold opinions") nor "given".
    "told": "tell", "kept": "keep", "brought": "bring", "caught": "catch", "threw": "throw", "thrown": "throw",
    "sent": "send", "stole": "steal", "stolen": "steal", "broke": "break", "broken": "break", "paid": "pay",
    "sold": "sell", "hid": "hide", "hidden": "hide",
}


def english_stem(word: str) -> str:
    stem = _ENGLISH.stemWord(_IZE.sub("is", word))
    return ENGLISH_FAMILIES.get(stem, stem)


def english_family_words(text: str) -> dict[str, str]:
    """For the Search page's excerpts, which mark words by Porter2 alone: {word: the word of its family the
    page marks it by} for the words of ``text`` that english_stem joins to another stem: a query with
    "detained" marks "detention" in an excerpt, and the other way round."""
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", text)}
    instead: dict[str, str] = {}
    for word in sorted(words):
        joined = english_stem(word)
        if joined == _ENGLISH.stemWord(word):
            continue
        spelled = _IZE.sub("is", word)
        if english_stem(spelled) == _ENGLISH.stemWord(spelled):
            instead[word] = spelled  # only the -ize spelling
        else:
            instead[word] = FAMILY_WORDS[joined]
    return instead


# One word of each family that Porter2 alone stems to the family's stem (ENGLISH_FAMILIES' values).
FAMILY_WORDS = {"detent": "detention", "coercion": "coercion", "disclos": "disclose", "complain": "complain",
                "regist": "register", "bribe": "bribe", "beat": "beat", "discrimin": "discrimination",
                "consent": "consent", "death": "death", "refus": "refuse", "polic": "police",
                "transgend": "transgender", "threat": "threat", "treat": "treat", "dissolv": "dissolve",
                "suspend": "suspend", "compel": "compel", "notifi": "notify", "injur": "injure",
                "keep": "keep", "tell": "tell", "bring": "bring",
                "catch": "catch", "throw": "throw", "send": "send", "steal": "steal", "break": "break",
                "pay": "pay", "sell": "sell", "hide": "hide"}


def english_analyzer():
    return StemmingAnalyzer(stoplist=STOP, stemfn=english_stem)


# The Snowball project's own Russian stemmer (PyStemmer, in C): Whoosh's pure-Python port took a tenth of the
# time of re-indexing one file at 10,000 provisions, and it mishandles ъ.
_RUSSIAN = Stemmer.Stemmer("russian")


# One stem for the verb and the noun of the acts a caller describes and a text names: "избили" (they beat)
# meets "избиение" (beating), "угрожали" "угроза", "отказали" "отказ", "ликвидировать" "ликвидация".
# Snowball keeps them apart (the verb loses its suffix, the noun keeps one). Left out where a stem is
# shared with another word: "пытали" (tortured) stems as "пытались" (tried) does, "проверить" (check) as
# "проверено" (verified). tests/test_search.py lists the pairs that must meet and must not.
RUSSIAN_FAMILIES = {
    "изб": "избиен", "избит": "избиен", "избива": "избиен", "бил": "избиен",
    "арестова": "арест",
    "обыска": "обыск", "обыскива": "обыск",
    "угрожа": "угроз",
    "оскорб": "оскорблен", "оскорбля": "оскорблен",
    "униз": "унижен", "унижа": "унижен",
    "изъ": "изъят", "изъя": "изъят",
    "отказа": "отказ",
    "принуд": "принужден", "принужда": "принужден",
    "тестирова": "тестирован", "протестирова": "тестирован",
    "обследова": "обследован",
    "осмотрет": "осмотр", "осмотрел": "осмотр", "осматрива": "осмотр",
    "разглас": "разглашен",
    "вымога": "вымогательств",
    "изнасилова": "изнасилован",
    "допрашива": "допрос",
    "жалова": "жалоб", "пожалова": "жалоб",
    "ликвидирова": "ликвидац",
    "уведом": "уведомлен",
    "освобод": "освобожден",
    "наруш": "нарушен", "наруша": "нарушен",
    "закр": "закрыт", "закрыва": "закрыт",
    "регистрирова": "регистрац", "зарегистрирова": "регистрац",
    "дискриминирова": "дискриминац",
    "преслед": "преследован", "преследова": "преследован",
    "рассмотр": "рассмотрен", "рассмотрел": "рассмотрен", "рассмотрет": "рассмотрен", "рассматрива": "рассмотрен",
    # "умер" (died), "погиб" (perished), "скончался" (passed away) and "смерть" (death).
    "умер": "смерт", "умерл": "смерт", "умерет": "смерт", "умира": "смерт", "умерш": "смерт",
    "сконча": "смерт", "погиб": "смерт", "погибл": "смерт", "гибел": "смерт",
    # "защищать" (to protect) and "защита" (protection); "защитник" (defence counsel) keeps its own stem.
    "защища": "защит", "защищ": "защит", "защищен": "защит",
    # The vowel that comes and goes: "пыток" (of tortures) and "пытки", "ребёнок" and "ребёнка", "суток" and
    # "сутки"; Snowball keeps it in one form only.
    "пыток": "пытк", "ребенок": "ребенк", "девочек": "девочк", "девушек": "девушк", "лесбиянок": "лесбиянк",
    "проституток": "проституц", "проверок": "проверк", "поправок": "поправк", "оговорок": "оговорк",
    "порядок": "порядк", "список": "списк", "суток": "сутк", "подросток": "подростк", "таблеток": "таблетк",
    "звонок": "звонк",
    # "трансгендер" and "трансгендерных" (the adjective), and "транс" as people say it.
    "трансгендерн": "трансгендер", "транс": "трансгендер", "транссексуа": "трансгендер",
    "транссексуал": "трансгендер",
    # The person and what the law names: "проститутка" and "проституция" (as English "prostitute",
    # "prostitution"), "секс-работница" and "секс-работник", "гомосексуалист" and "гомосексуальность".
    "проститутк": "проституц", "секс-работниц": "секс-работник",
    "гомосексуалист": "гомосексуальн", "гомосексуал": "гомосексуальн",
}


def russian_stem(word: str) -> str:
    stem = _RUSSIAN.stemWord(word)
    return RUSSIAN_FAMILIES.get(stem, stem)


def russian_analyzer():
    # ё and е are one letter for searching; the Snowball stemmer expects lowercase.
    return (RegexTokenizer(WORD) | LowercaseFilter() | CharsetFilter(_FOLD_MAP) | StopFilter(stoplist=STOP)
            | StemFilter(stemfn=russian_stem))


# Tajik, after kb.tajik's stem on the folded word: the verb "to die" and the nouns for death meet
# ("мурд" died, "фавтид" passed away, "марг" death). Same role as the families above; the Search page
# gets the table with its index.
TAJIK_FAMILIES = {
    "мурд": "марг", "мурда": "марг", "мурдааст": "марг", "фавтид": "марг", "фавтида": "марг",
    "фавтидааст": "марг", "фавт": "марг", "вафот": "марг",
    # A verb's past stem and its noun in -иш on the present stem: "санҷиданд" (they tested) and "санҷиш" (a
    # test), "пурсиданд" (they questioned) and "пурсиш" (questioning).
    "санчид": "санчиш", "пурсид": "пурсиш",
}


def tajik_family_stem(word: str) -> str:
    stem = tajik_stem(word)
    return TAJIK_FAMILIES.get(stem, stem)


def tajik_analyzer():
    # Folded first, then reduced: a word typed without the Tajik letters meets the same word with them.
    return (RegexTokenizer(WORD) | LowercaseFilter() | CharsetFilter(_FOLD_MAP) | StopFilter(stoplist=STOP, minsize=1)
            | StemFilter(stemfn=tajik_family_stem))


ANALYZERS = {"en": english_analyzer, "ru": russian_analyzer, "tg": tajik_analyzer}


def words_of_each_language() -> dict[str, "WordsOf"]:
    """{lang: WordsOf(its analyzer)}: the words each language's fields make of a text."""
    return {lang: WordsOf(make()) for lang, make in ANALYZERS.items()}


class WordsOf:
    """The words ``analyzer`` gives a text, in order (no positions), and fast on long texts: the text is
    split with the analyzer's own tokenizer pattern, and each distinct word is analysed once and
    remembered. Every filter of these analyzers works on one word at a time, so the result is the
    analyzer's (tests/test_search.py checks it on the corpus and on generated text)."""

    def __init__(self, analyzer, remember: int = 200_000):
        self.analyzer = analyzer
        expression = analyzer.items[0].expression  # the RegexTokenizer's compiled pattern
        # Without capturing groups, findall gives whole words ("\w+(\.?\w+)*" is Whoosh's default).
        self.pattern = re.compile(re.sub(r"(?<!\\)\((?!\?)", "(?:", expression.pattern), expression.flags)
        if self.pattern.groups:
            raise ValueError(f"cannot split text like {expression.pattern!r}")
        self.remember = remember
        self.known: dict[str, str | None] = {}

    def __call__(self, text: str) -> list[str]:
        tokens = self.pattern.findall(text)
        known = self.known
        new = set(tokens).difference(known)
        if new:
            if len(known) + len(new) > self.remember:
                known.clear()
                new = set(tokens)
            for word in new:
                known[word] = next((token.text for token in self.analyzer(word)), None)
        return list(filter(None, map(known.__getitem__, tokens)))
