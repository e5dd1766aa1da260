"""The inspector's review of an anonymised quote (Qt-free): put back a word that was wrongly replaced, or replace a
part the anonymiser missed. Both work on the stored (anonymised) text and its spans; the original text was never
stored, so a word is put back by retyping it.

A word put back must not make the quote identifying: it is refused when, in its place in the quote, it matches
a known person or fact of the case register or forms a direct identifier (BSN, phone number, e-mail, IBAN,
postcode, address, date of birth, …). The check runs in memory; a refused word reaches no file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ggsr_desktop.anonymise.policy import REGISTER, first_identifying
from ggsr_desktop.anonymise.register import CaseRegister
from ggsr_desktop.errors import ValidationError
from ggsr_desktop.models import Quote, QuoteSpan

# What a missed part can be replaced by (besides the placeholders already used in the interview).
PLACEHOLDER_CHOICES: tuple[str, ...] = (
    "persoon", "kind", "familielid", "school", "woningcorporatie", "zorgaanbieder", "instelling", "werkgever",
    "plaats", "wijk", "adres", "datum", "nummer",
)
MANUAL = "handmatig"  # category of a span the inspector replaced
MAX_WORD = 80
LABEL = re.compile(r"^[\w][\w .'’-]{0,38}$")


@dataclass(frozen=True)
class Revised:
    """A quote's new text, spans and review flag after a review step."""

    text: str
    spans: tuple[QuoteSpan, ...]
    needs_review: bool


def _shift(spans, after: int, delta: int) -> list[QuoteSpan]:
    return [QuoteSpan(s.start + delta, s.end + delta, s.category, s.placeholder, s.confidence) if s.start >= after
            else s for s in spans]


def _review_flag(quote: Quote, spans) -> bool:
    """Still 'controleren' while a doubtful replacement remains. A quote flagged for another reason (a possible
    name left in place) stays flagged until the inspector confirms it."""
    if not quote.needs_review:
        return False
    had_doubtful = any(s.needs_review for s in quote.spans)
    return any(s.needs_review for s in spans) or not had_doubtful


def revert_span(quote: Quote, index: int, word: str, register: CaseRegister) -> Revised:
    """Put `word` back where span `index` of the quote is; refused if it identifies someone."""
    if not 0 <= index < len(quote.spans):
        raise ValidationError(f"citaat {quote.id} heeft geen vervanging nummer {index + 1}")
    word = " ".join(word.split())
    if not word:
        raise ValidationError("Typ het woord dat er stond.")
    if len(word) > MAX_WORD:
        raise ValidationError(f"Dat is te lang voor één vervanging (hoogstens {MAX_WORD} tekens).")
    if "[" in word or "]" in word:
        raise ValidationError("Het woord mag geen [ of ] bevatten.")
    span = quote.spans[index]
    text = quote.text[:span.start] + word + quote.text[span.end:]
    start, end = span.start, span.start + len(word)
    _refuse_identifying(text, start, end, register)
    spans = [s for k, s in enumerate(quote.spans) if k != index]
    spans = _shift(spans, span.end, len(word) - (span.end - span.start))
    return Revised(text, tuple(spans), _review_flag(quote, spans))


def _refuse_identifying(text: str, start: int, end: int, register: CaseRegister) -> None:
    found = first_identifying(text, [register], within=(start, end))
    if found is None:
        return
    if found.kind == REGISTER:
        raise ValidationError(f"Geweigerd: op deze plek is dit de naam van een bekende persoon of een bekend "
                              f"gegeven van deze casus; het blijft vervangen door [{found.category}].")
    raise ValidationError(f"Geweigerd: op deze plek vormt dit {found.what}; dat blijft vervangen.")


def redact_span(quote: Quote, start: int, end: int, label: str) -> Revised:
    """Replace text[start:end] (widened to whole words) by `[label]`; spans inside it are absorbed."""
    text = quote.text
    if not (0 <= start < end <= len(text)):
        raise ValidationError("Selecteer eerst in de tekst wat vervangen moet worden.")
    label = " ".join(label.strip().strip("[]").split())
    if not LABEL.match(label):
        raise ValidationError("Kies een vervanging van 1 tot 40 letters of cijfers, bijv. 'persoon' of 'school'.")
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    for s in quote.spans:  # a selection that touches a placeholder takes the whole placeholder
        if s.start < end and s.end > start:
            start, end = min(start, s.start), max(end, s.end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError("De selectie bevat geen tekst om te vervangen.")
    placeholder = f"[{label}]"
    kept = [s for s in quote.spans if s.end <= start or s.start >= end]
    kept = _shift(kept, end, len(placeholder) - (end - start))
    new = QuoteSpan(start, start + len(placeholder), MANUAL, placeholder, 1.0)
    spans = sorted([*kept, new], key=lambda s: s.start)
    return Revised(text[:start] + placeholder + text[end:], tuple(spans), _review_flag(quote, spans))
