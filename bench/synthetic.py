"""Synthetic corpora shaped like the real one, for the scale benchmarks (never for legal_sources/).

Instruments of 100 provisions, half Tajik-style (``tj-synth-0001``), half international
(``synth-0002``); each provision with English and Russian titles and summaries and a text of
50-800 words in English, Russian or both, drawn from legal vocabulary so that the stemmers have
real work. Deterministic for a given seed. The real topics.yaml is copied (without its example queries) so topic ids validate.

    python bench/synthetic.py 10000 build/bench/sources-10000
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PER_INSTRUMENT = 100

EN = ("detention arrest police officer custody lawyer counsel court judge protocol hours relatives notify "
      "interpreter medical examination evidence torture ill-treatment confession complaint prosecutor "
      "investigation health HIV test consent confidentiality discrimination association registration "
      "inspection liquidation funding report privacy family marriage certificate woman man person citizen "
      "State party measures guarantee right freedom liberty security remedy compensation law code article "
      "procedure administrative offence fine penalty sentence appeal review hearing public order morality "
      "sex work prostitution raid extortion bribe abuse power official force firearm treatment prison "
      "cell conditions visit record register release bail charge accused suspect defence witness").split()
RU = ("задержание арест полиция милиция сотрудник содержание адвокат защитник суд судья протокол часов "
      "родственники уведомление переводчик медицинское освидетельствование доказательство пытка "
      "жестокое обращение признание жалоба прокурор расследование здоровье ВИЧ тест согласие "
      "конфиденциальность дискриминация объединение регистрация проверка ликвидация финансирование "
      "отчёт частная жизнь семья брак справка женщина мужчина лицо гражданин государство меры гарантия "
      "право свобода безопасность средство защиты компенсация закон кодекс статья порядок "
      "административное правонарушение штраф наказание приговор обжалование пересмотр заседание "
      "общественный порядок нравственность секс-работа проституция рейд вымогательство взятка "
      "превышение полномочий должностное лицо сила оружие обращение тюрьма камера условия свидание "
      "запись реестр освобождение залог обвинение обвиняемый подозреваемый защита свидетель").split()


def words(rng: random.Random, vocabulary: list[str], low: int, high: int) -> str:
    count = rng.randint(low, high)
    sentences, sentence = [], []
    for _ in range(count):
        sentence.append(rng.choice(vocabulary))
        if len(sentence) >= rng.randint(8, 20):
            sentences.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    if sentence:
        sentences.append(" ".join(sentence).capitalize() + ".")
    return " ".join(sentences)


def provision(rng: random.Random, label: int, topics: list[str]) -> dict:
    record: dict = {
        "label": str(label),
        "title": {"en": words(rng, EN, 2, 6).rstrip("."), "ru": words(rng, RU, 2, 6).rstrip(".")},
        "summary": {"en": words(rng, EN, 15, 40), "ru": words(rng, RU, 15, 40)},
    }
    languages = rng.choice([("en",), ("ru",), ("en", "ru")])
    record["text"] = {
        lang: {"kind": "transcription", "content": words(rng, EN if lang == "en" else RU, 50, 800),
               "source": {"title": "Synthetic text", "provenance": "bench/synthetic.py"}}
        for lang in languages
    }
    record["topics"] = rng.sample(topics, rng.randint(0, 2))
    record["verification"] = {"status": "unverified", "note": "Synthetic benchmark record."}
    record["sources"] = [{"title": "Synthetic", "url": "https://example.org/synthetic"}]
    return record


def instrument(rng: random.Random, number: int, count: int, topics: list[str]) -> tuple[str, dict]:
    tajik = number % 2 == 1
    instrument_id = f"{'tj-' if tajik else ''}synth-{number:04d}"
    data = {
        "id": instrument_id,
        "title": {"en": f"Synthetic act {number}", "ru": f"Синтетический акт {number}",
                  "tg": f"Санади синтетикӣ {number}"},
        "short_title": {"en": f"Synth {number}"},
        "kind": "law" if tajik else "treaty",
        "jurisdiction": "tj" if tajik else "intl",
        "official_sources": [{"title": "Synthetic", "url": "https://example.org/synthetic"}],
        "provisions": [provision(rng, label, topics) for label in range(1, count + 1)],
    }
    return ("tj" if tajik else "un"), data


def write_corpus(target: Path, provisions: int, seed: int = 1) -> Path:
    """Write a corpus of ``provisions`` provisions under ``target`` (replaced if it exists)."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "instruments" / "tj").mkdir(parents=True)
    (target / "instruments" / "un").mkdir(parents=True)
    vocabulary = yaml.safe_load((ROOT / "legal_sources" / "topics.yaml").read_text(encoding="utf-8"))
    for topic in vocabulary["topics"]:
        topic.pop("queries", None)  # they name real provisions, which a synthetic corpus lacks
    (target / "topics.yaml").write_text(yaml.safe_dump(vocabulary, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")
    topics = [t["id"] for t in vocabulary["topics"]]
    number = 0
    while provisions > 0:
        number += 1
        folder, data = instrument(rng, number, min(PER_INSTRUMENT, provisions), topics)
        provisions -= len(data["provisions"])
        path = target / "instruments" / folder / f"{data['id']}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return target


if __name__ == "__main__":
    write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
