"""A proposal for an indicator's judgement, drafted from its evidence (Qt-free): the finding counts over the cases
in Dutch words as the reports write them ('In twee van de drie casussen …', 'Bij geen van de onderzochte gezinnen
…', 'In alle drie de casussen …') and a proposed mark. The inspector edits it; nothing here is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from ggsr_desktop.evidence.matrix import CONTRADICTION, ONE_SOURCE, Cell
from ggsr_desktop.labels import source_phrases
from ggsr_desktop.models import DEFAULT_REGISSEUR_LABEL, Highlight, Mark, Stance

NUMBER_WORDS = (Highlight.NONE, "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
                "twaalf")


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def cases_phrase(k: int, n: int) -> str:
    """How many of the n examined cases, as the opening of a sentence."""
    if k <= 0:
        return "Bij geen van de onderzochte gezinnen"
    if k >= n:
        if n == 1:
            return "In de onderzochte casus"
        if n == 2:
            return "In beide casussen"
        return f"In alle {number_word(n)} de casussen"
    return f"In {number_word(k)} van de {number_word(n)} casussen"


@dataclass(frozen=True)
class Proposal:
    mark: Mark
    text: str


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def propose(cells: list[Cell], regisseur_label: str = DEFAULT_REGISSEUR_LABEL) -> Proposal:
    """Draft a finding and a mark from the evidence of one indicator in each case of the approach."""
    n = len(cells)
    if n == 0:
        return Proposal(Mark.NOT_ESTABLISHED, "Er zijn (nog) geen casussen onderzocht.")
    positive = [c for c in cells if c.leaning == Stance.POSITIVE]
    negative = [c for c in cells if c.leaning == Stance.NEGATIVE]
    unclear = [c for c in cells if c.leaning == Stance.NEUTRAL]
    missing = [c for c in cells if c.total == 0]
    sentences = []
    if len(missing) == n:
        sentences.append(f"{cases_phrase(0, n)} is hierover informatie gevonden.")
    else:
        if positive:
            sentences.append(f"{cases_phrase(len(positive), n)} wijst het bewijs erop dat hieraan wordt voldaan.")
        if negative:
            sentences.append(f"{cases_phrase(len(negative), n)} wijst het bewijs op een tekortkoming.")
        if unclear:
            sentences.append(f"{cases_phrase(len(unclear), n)} geeft het bewijs geen eenduidig beeld.")
        if missing:
            sentences.append(f"{cases_phrase(len(missing), n)} is hierover geen informatie gevonden.")
        names = source_phrases(regisseur_label)
        single = [c for c in cells if ONE_SOURCE in c.flags]
        if single:
            kinds = sorted({c.source_kinds[0] for c in single}, key=list(names).index)
            sentences.append(f"{cases_phrase(len(single), n)} berust dit op één bron "
                             f"({_join([names[k] for k in kinds])}).")
        contradicting = [c for c in cells if CONTRADICTION in c.flags]
        if contradicting:
            sentences.append(f"{cases_phrase(len(contradicting), n)} spreken de bronnen elkaar tegen.")
    if not positive and not negative:
        mark = Mark.NOT_ESTABLISHED
    elif len(negative) >= len(positive):
        mark = Mark.IMPROVEMENT
    else:
        mark = Mark.SATISFIED
    return Proposal(mark, " ".join(sentences))
