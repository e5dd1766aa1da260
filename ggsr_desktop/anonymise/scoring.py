"""Scoring the anonymiser on a labelled JSON Lines set (`../shared/anonymisation/` format, see docs/anonymisation.md).

One object per line: id, case, speaker, topic, text, must_remove (exact substrings), remove_types (one category per
item), must_keep (exact substrings) and known_names (the case register, full names without roles).

The scoring reads only the anonymised text, so it judges what would reach the disk:
- an item is removed when none of its identifying words survives outside the placeholders (`[...]`); a word
  survives when it occurs, as a whole word, more often in the output than in the parts of the input that are not
  to be removed ('groep 6' elsewhere does not make the age '6' a leak). Tussenvoegsels, month names, house-number
  suffixes and generic words (school, college, praktijk, straat, head words such as buurthuis) do not identify on
  their own;
- a must-keep string is lost when it occurs fewer times, as a whole word, than in the input.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from ggsr_desktop.anonymise.anonymiser import Anonymiser, MemoryBook
from ggsr_desktop.anonymise.categories import DIRECT_TYPES, REMOVE_TYPES
from ggsr_desktop.anonymise.lexicon import PARTICLES, TOKEN
from ggsr_desktop.anonymise.register import CaseRegister, Person
from ggsr_desktop.errors import GgsrError

MONTHS = frozenset("januari februari maart april mei juni juli augustus september oktober november december "
                   "jan feb mrt apr jun jul aug sep sept okt nov dec".split())
# Words that do not identify anyone on their own (the head words of institutions, units of an age, …).
GENERIC = frozenset(
    "school basisschool obs cbs rkbs sbo so vso vo mavo havo vwo vmbo college lyceum gymnasium scholengemeenschap "
    "csg rsg praktijk huisartsenpraktijk tandartspraktijk ziekenhuis kliniek mc umc stichting vereniging vv sv "
    "fc rksv kerk moskee wonen woningbouwvereniging woonstichting centrum groep team de het een en van op in aan "
    "hs bis a b c jaar jaar jr maand maanden week weken dag dagen oud nummer nr huisnummer straat weg laan "
    "geb geboren".split()) | PARTICLES | MONTHS
NAME_TYPES = frozenset({"name", "nickname"})


class LabelledSetError(GgsrError):
    """A labelled set that cannot be read; the message names the file, line and field."""


@dataclass(frozen=True)
class Quote:
    id: str
    case: str
    text: str
    remove: tuple[tuple[str, str], ...]  # (substring, category)
    keep: tuple[str, ...]
    known_names: tuple[str, ...]


@dataclass
class Score:
    counts: dict[str, list[int]] = field(default_factory=dict)  # group -> [removed, total]
    keep_total: int = 0
    keep_lost: int = 0
    quotes: int = 0
    quotes_correct: int = 0
    misses: list[dict] = field(default_factory=list)  # {id, category, item, output}
    false_redactions: list[dict] = field(default_factory=list)  # {id, keep, output}
    timings_ms: list[float] = field(default_factory=list)

    def add(self, group: str, removed: bool) -> None:
        entry = self.counts.setdefault(group, [0, 0])
        entry[0] += int(removed)
        entry[1] += 1

    def rate(self, group: str) -> float:
        removed, total = self.counts.get(group, [0, 0])
        return removed / total if total else 1.0

    def _ms(self, q: float) -> float:
        ordered = sorted(self.timings_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0

    def summary(self) -> dict:
        by_category = {c: {"removed": r, "items": t, "recall": round(r / t, 4)}
                       for c, (r, t) in sorted(self.counts.items()) if c in REMOVE_TYPES}
        return {
            "quotes": self.quotes,
            "items": self.counts.get("all", [0, 0])[1],
            "item_recall": round(self.rate("all"), 4),
            "name_recall": round(self.rate("names"), 4),
            "register_name_recall": round(self.rate("register"), 4),
            "direct_identifier_recall": round(self.rate("direct"), 4),
            "must_keep": self.keep_total,
            "must_keep_lost": self.keep_lost,
            "false_redaction_rate": round(self.keep_lost / self.keep_total, 4) if self.keep_total else 0.0,
            "quotes_fully_correct": self.quotes_correct,
            "quotes_fully_correct_rate": round(self.quotes_correct / self.quotes, 4) if self.quotes else 0.0,
            "quote_ms_p50": round(statistics.median(self.timings_ms), 3) if self.timings_ms else 0.0,
            "quote_ms_p95": round(self._ms(0.95), 3),
            "quote_ms_max": round(max(self.timings_ms, default=0.0), 3),
            "by_category": by_category,
            "misses_by_category": _group(self.misses),
            "false_redactions": list(self.false_redactions),
        }


def _group(misses: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for m in misses:
        out.setdefault(m["category"], []).append({"id": m["id"], "item": m["item"], "output": m["output"]})
    return dict(sorted(out.items()))


def load(path: Path) -> list[Quote]:
    """The quotes of a JSONL file; a malformed line raises LabelledSetError naming the line and field."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelledSetError(f"kan {path} niet lezen: {exc}") from None
    quotes = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}, regel {number}"
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise LabelledSetError(f"{where}: geen geldige JSON ({exc.msg})") from None
        if not isinstance(item, dict):
            raise LabelledSetError(f"{where}: verwacht een object")
        text = item.get("text")
        if not isinstance(text, str):
            raise LabelledSetError(f"{where}: veld 'text' ontbreekt of is geen tekst")
        lists = {}
        for name in ("must_remove", "remove_types", "must_keep", "known_names"):
            value = item.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise LabelledSetError(f"{where}: veld '{name}' moet een lijst teksten zijn")
            lists[name] = value
        if len(lists["must_remove"]) != len(lists["remove_types"]):
            raise LabelledSetError(f"{where}: 'must_remove' en 'remove_types' zijn niet even lang")
        for kind in lists["remove_types"]:
            if kind not in REMOVE_TYPES:
                raise LabelledSetError(f"{where}: onbekende categorie '{kind}' in 'remove_types'")
        for name in ("must_remove", "must_keep"):
            for s in lists[name]:
                if s not in text:
                    raise LabelledSetError(f"{where}: '{s}' uit '{name}' komt niet voor in 'text'")
        quotes.append(Quote(str(item.get("id", number)), str(item.get("case", "")), text,
                            tuple(zip(lists["must_remove"], lists["remove_types"], strict=True)),
                            tuple(lists["must_keep"]), tuple(lists["known_names"])))
    return quotes


def _visible(text: str) -> str:
    return re.sub(r"\[[^\[\]]*\]", " ", text)


def _count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in TOKEN.findall(text):
        counts[w] = counts.get(w, 0) + 1
    return counts


def _count_phrase(text: str, phrase: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))


def identifying_words(item: str, generic: frozenset[str] = GENERIC) -> list[str]:
    return [w for w in TOKEN.findall(item) if w.lower() not in generic]


def _register(names: tuple[str, ...], anonymiser: Anonymiser) -> CaseRegister:
    lexicon = anonymiser.lexicon
    return CaseRegister.of([Person("persoon", n) for n in names], [], lexicon.function_words, words=lexicon.words)


def score(anonymiser: Anonymiser, quotes: list[Quote]) -> Score:
    result = Score()
    # the head words of institution names ('buurthuis', 'kinderdagverblijf') do not identify on their own either
    generic = GENERIC | frozenset(anonymiser.lexicon.heads) | anonymiser.lexicon.school_words
    books: dict[str, MemoryBook] = {}
    registers: dict[tuple[str, tuple[str, ...]], CaseRegister] = {}
    for q in quotes:
        key = (q.case, q.known_names)
        if key not in registers:
            registers[key] = _register(q.known_names, anonymiser)
        register = registers[key]
        started = time.perf_counter()
        output = anonymiser.anonymise(q.text, register, books.setdefault(q.case, MemoryBook())).text
        result.timings_ms.append((time.perf_counter() - started) * 1000)
        visible = _count_words(_visible(output))
        rest = q.text
        for item, _ in q.remove:
            rest = rest.replace(item, " ")
        remaining = _count_words(rest)
        correct = True
        for item, category in q.remove:
            leaked = [w for w in identifying_words(item, generic) if visible.get(w, 0) > remaining.get(w, 0)]
            removed = not leaked
            groups = ["all", category]
            if category in DIRECT_TYPES:
                groups.append("direct")
            if category in NAME_TYPES:
                groups.append("names")
                if _is_registered(item, register):
                    groups.append("register")
            for g in groups:
                result.add(g, removed)
            if not removed:
                correct = False
                result.misses.append({"id": q.id, "category": category, "item": item, "output": output})
        for keep in q.keep:
            result.keep_total += 1
            if _count_phrase(output, keep) < _count_phrase(q.text, keep):
                result.keep_lost += 1
                correct = False
                result.false_redactions.append({"id": q.id, "keep": keep, "output": output})
        result.quotes += 1
        result.quotes_correct += int(correct)
    return result


def _is_registered(item: str, register: CaseRegister) -> bool:
    toks = TOKEN.findall(item)
    if not toks:
        return False
    hit = register.match(toks, 0)
    if hit and hit[0] == len(toks):
        return True
    # possessive or lowercase forms ('Romy's', 'sem'): the item's first word as a register form
    return any(register.match([t], 0) or register.match([t[:1].upper() + t[1:]], 0) for t in toks
               if t.lower() not in GENERIC)


def evaluate_file(path: Path, anonymiser: Anonymiser | None = None) -> Score:
    quotes = load(path)
    return score(anonymiser or Anonymiser(), quotes)
