"""Deterministic detectors for direct identifiers in Dutch text.

Each detector finds spans by pattern and, where the identifier has a check digit (BSN, IBAN), validates it.
These are the identifiers the anonymiser must remove without exception, so the patterns lean towards
removing: a candidate that fails validation is still returned, with a low confidence, to be reviewed
('controleren') rather than silently kept.

Categories (Dutch, as the placeholders and the labelled evaluation set use them): bsn, telefoon, email,
iban, postcode, adres, datum, geboortedatum, leeftijd, dossiernummer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ggsr_desktop.models import REVIEW_BELOW


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    category: str
    confidence: float = 1.0

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_BELOW


def bsn_is_valid(digits: str) -> bool:
    """The Dutch 11-proof for a BSN (8-digit numbers get a leading zero)."""
    digits = re.sub(r"\D", "", digits)
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def iban_is_valid(text: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN (spaces allowed)."""
    iban = re.sub(r"\s", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_STREET_SUFFIX = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|pad|steeg|dreef|baan|markt|plantsoen|ring|wal|"
    "boulevard|allee|erf|veld|akker|horst|burcht|haven|polder|hoek|berg|dal|oord|zoom|rode|donk|kamp|straatweg"
)
_SEP = r"[ \t.\-]"

_PATTERNS: list[tuple[str, re.Pattern, float]] = [
    ("email", re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b"), 1.0),
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"), 1.0),
    ("dossiernummer", re.compile(
        r"(?i:\b(?:zaaknummer|zaaknr|dossiernummer|dossiernr|parketnummer|parketnr|kenmerk|registratienummer|"
        r"cli[eë]ntnummer|referentie|rolnummer|rekestnummer|vonnisnummer)\b\.?(?:\s+[a-zë]+){0,4}?\s*:?\s*)"
        r"(?P<value>[A-Z0-9][A-Z0-9/\-.]*\d[A-Z0-9]*)"), 1.0),
    # court numbers, also with the youth-protection request number: 'C/16/558213 / JE RK 24-417'
    ("dossiernummer", re.compile(
        r"\b[A-Z]{1,4}/\d{2}/\d{3,}(?:\s?/\s?(?:[A-Z]{1,3}\s?)*\d{2}-\d{2,6}|\s?/\s?[A-Z0-9]+)*\b"), 1.0),
    ("dossiernummer", re.compile(r"\b[A-Z]{2}\s?RK\s?\d{2}-\d{2,6}\b"), 1.0),
    ("dossiernummer", re.compile(r"\b\d{2}/\d{6}-\d{2}\b"), 1.0),
    ("dossiernummer", re.compile(r"\b[A-Z]{2,5}-\d{2,4}-\d{3,}\b"), 1.0),
    ("dossiernummer", re.compile(r"\b[A-Z]{2,5}\d{5,}\b"), 1.0),
    ("bsn", re.compile(
        r"(?i:\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)(?:-?nummer)?\s*(?:is|:)?\s*)"
        r"(?P<value>\d[\d .\-]{6,12}\d)"), 1.0),
    ("geboortedatum", re.compile(
        rf"(?i:\b(?:geboren\s+(?:op\s+)?|geb\.\s*|geboortedatum\s*:?\s*))(?P<value>\d{{1,2}}(?:[-/.]\d{{1,2}}[-/.]"
        rf"\d{{2,4}}|\s+(?:{_MONTHS})\.?(?:\s+\d{{4}})?))"), 1.0),
    ("datum", re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}\b"), 1.0),
    ("datum", re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+(?:19|20)\d{{2}})?\b", re.IGNORECASE), 1.0),
    ("datum", re.compile(rf"\b(?:{_MONTHS})\s+(?:19|20)\d{{2}}\b", re.IGNORECASE), 0.8),
    ("datum", re.compile(r"(?<![\d/])\b\d{1,2}/\d{1,2}\b(?![\d/])"), 0.6),
    ("postcode", re.compile(r"\b[1-9]\d{3}[ ]?(?!SA\b|SD\b|SS\b)[A-Z]{2}\b"), 1.0),
    ("adres", re.compile(
        rf"\b(?:[A-Z][\w'.-]*\s+)*[A-Z]?[\w'-]*(?:{_STREET_SUFFIX})\s+\d{{1,5}}(?:\s?-?\s?(?:bis|hs|[a-zA-Z]\b|"
        rf"[IV]{{1,3}}\b|\d{{1,3}}\b))?"), 1.0),
    ("leeftijd", re.compile(r"\b\d{1,2}-jarige\b|\b\d{1,3}(?:[,.]5)?\s?(?:jaar|jr\.?)\s+oud\b"), 1.0),
    ("leeftijd", re.compile(  # 'is 14 jaar', not a duration such as 'is 3 jaar geleden' or 'al 2 jaar'
        r"(?i:\b(?:(?:is|was|wordt|werd)(?:\s+(?:nu|pas|bijna|ruim|al))?|van)\s+)(?P<value>\d{1,2}(?:[,.]5)?\s?(?:jaar|jr\.?))"
        r"(?!\s+(?:geleden|lang|later|eerder|bezig|betrokken|in|bij|met|op|onder|aan|na))\b"), 1.0),
    ("leeftijd", re.compile(  # 'ik ben 16', 'was toen 6', 'ik word in mei 18'
        r"(?i:\b(?:ben|is|was|word|wordt|werd)(?:\s+(?:toen|nu|pas|bijna|al|net|in\s+\w+))?\s+)(?P<value>\d{1,2})"
        r"(?=\s*(?:[.,;:!?)]|$|\s+(?:en|of|maar|toen|dus|geworden)\b))"), 0.9),
    ("leeftijd", re.compile(
        r"(?i:\b(?:meisje|jongen|kind|zoon|dochter|baby|broertje|zusje|broer|zus|tiener|puber|man|vrouw)\s+van\s+)"
        r"(?P<value>\d{1,2})\b(?!\s*(?:jaar\s+geleden|keer|uur|euro|minuten|weken|maanden))"), 0.9),
    ("leeftijd", re.compile(r"(?<=[\w\]] )\((?P<value>\d{1,2})\)"), 0.9),
    ("telefoon", re.compile(r"(?:\+|\b00)\d{2,3}[ \-]?(?:\(0\)[ \-]?)?\d(?:[ \-]?\d){6,11}\b"), 1.0),
    ("telefoon", re.compile(r"\b0\d(?:[ \-]?\d){8}\b"), 1.0),
    ("telefoon", re.compile(r"\b0\d{2,3}[ \-]\d{2,3}(?:[ \-]?\d{2}){1,3}\b"), 0.8),
    ("bsn", re.compile(r"\b\d{4}\.\d{2}\.\d{3}\b|\b\d{3}[ .\-]\d{3}[ .\-]\d{3}\b|\b\d{8,9}\b"), 1.0),
]

# Priority when two candidates overlap: the earlier category in this list wins if the spans are equally long.
_PRIORITY = ["email", "iban", "dossiernummer", "bsn", "geboortedatum", "telefoon", "adres", "postcode", "datum",
             "leeftijd"]


def find_identifiers(text: str) -> list[Span]:
    """All direct identifiers in `text`, non-overlapping, in order."""
    candidates: list[Span] = []
    for category, pattern, confidence in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("value") if "value" in pattern.groupindex else m.span()
            value = text[start:end].rstrip(" .-")
            end = start + len(value)
            if not value:
                continue
            conf = confidence
            if category == "iban" and not iban_is_valid(value):
                conf = 0.6
            if category == "bsn" and "value" not in pattern.groupindex and not bsn_is_valid(value):
                continue  # a bare 9-digit number that fails the 11-proof is not a BSN
            candidates.append(Span(start, end, category, conf))
    return _resolve(candidates)


def _resolve(candidates: list[Span]) -> list[Span]:
    """Keep the longest span where candidates overlap (ties by category priority)."""
    ranked = sorted(candidates, key=lambda s: (-(s.end - s.start), _PRIORITY.index(s.category), s.start))
    chosen: list[Span] = []
    for span in ranked:
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen)
