"""The strict fallback: what a quote gets when the real anonymiser is not there (it failed to load) or failed on
this text. A typed quote is never lost, and a name never reaches the disk, so this replaces more than needed:

- the case register (known persons and facts) and the direct identifiers, as the real anonymiser does;
- every other capitalised word, except a sentence's first word when it is a common Dutch function word ('Ik',
  'De', 'Maar'), by `[woord]`;
- every remaining run of digits by `[nummer]`.

It needs no word lists (those are what may have failed to load). Every quote it makes is marked 'controleren';
the inspector can put a wrongly replaced word back by retyping it (`ggsr_desktop.ops.review`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ggsr_desktop.anonymise.anonymiser import BRACKETED, Anonymised, public_spans
from ggsr_desktop.anonymise.categories import placeholder as placeholder_label
from ggsr_desktop.anonymise.identifiers import find_identifiers
from ggsr_desktop.anonymise.lexicon import TOKEN
from ggsr_desktop.anonymise.register import CaseRegister
from ggsr_desktop.models import Level, QuoteSpan

UNSURE = 0.3  # every strict replacement is to be checked
BREAKS = set(".!?:;\n\"“”‘’'(-–•")
# Words that may open a sentence without being a name (lowercase).
OPENERS = frozenset("""
ik je jij u we wij ze zij hij het de een dat die dit deze er daar hier toen nu dan maar en of want omdat als
ook nog niet geen wel wat waar wie hoe waarom wanneer welke mijn ons onze zijn haar hun jullie men iemand
niemand alles niets in op met voor na bij van naar uit over door om tot sinds tijdens volgens zonder ja nee
soms vaak altijd nooit eerst daarna later samen alleen elke iedere sommige veel weinig meer minder
""".split())


def strict_anonymise(text: str, register: CaseRegister | None = None, *, level: Level = Level.CASE,
                     public: Iterable[str] = ()) -> Anonymised:
    """`public` names (the municipality and network partners at policy level) stay as they are; the register and
    the direct identifiers still replace a part of them. `level` only decides what a placeholder may be kept for:
    the strict fallback keeps nothing else at either level, so a policy-level quote is never less safe."""
    register = register or CaseRegister(b"\0" * 32)
    protected = [m.span() for m in BRACKETED.finditer(text)]
    named = public_spans(text, public)
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)
            if not any(a <= m.start() < b for a, b in protected)]
    words = [t[2] for t in toks]
    chosen: list[tuple[int, int, str, str, float]] = []  # start, end, category, placeholder, confidence

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b, *_ in chosen)

    for i, (start, _end, _word) in enumerate(toks):
        hit = register.match(words, i)
        if hit:
            n, category, placeholder = hit
            if free(start, toks[i + n - 1][1]):
                chosen.append((start, toks[i + n - 1][1], category, f"[{placeholder}]", 1.0))
    for span in find_identifiers(text):
        if free(span.start, span.end) and all(span.end <= a or span.start >= b for a, b in protected):
            chosen.append((span.start, span.end, span.category,
                           f"[{placeholder_label(span.category)}]", UNSURE))
    for start, end, word in toks:
        if not free(start, end) or any(a <= start < b for a, b in named):
            continue
        if word[:1].isupper() and not (word.lower() in OPENERS and _sentence_start(text, start)):
            chosen.append((start, end, "onbekend", "[woord]", UNSURE))
        elif any(ch.isdigit() for ch in word):
            chosen.append((start, end, "nummer", "[nummer]", UNSURE))
    chosen.sort()

    out: list[str] = []
    spans: list[QuoteSpan] = []
    pos = length = 0
    for start, end, category, placeholder, confidence in chosen:
        out.append(text[pos:start])
        length += start - pos
        spans.append(QuoteSpan(length, length + len(placeholder), category, placeholder, confidence))
        out.append(placeholder)
        length += len(placeholder)
        pos = end
    out.append(text[pos:])
    return Anonymised("".join(out), tuple(spans), tuple((s, e) for s, e, *_ in chosen), unsure=1)


def _sentence_start(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in BREAKS
