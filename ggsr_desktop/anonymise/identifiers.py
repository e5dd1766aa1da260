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
_UNITS = "een twee drie vier vijf zes zeven acht negen".split()
_NUMBERS = [*_UNITS, *"tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig".split(),
            *(f"{u}{'ën' if u.endswith('e') else 'en'}twintig" for u in _UNITS), "dertig",
            *(f"{u}{'ën' if u.endswith('e') else 'en'}dertig" for u in _UNITS[:1])]
# 'een' … 'eenendertig' (ages and days of the month in words), longest first so that 'zeventien' is not 'zeven'
_NUMBER_WORDS = "een|" + "|".join(sorted(_NUMBERS[1:], key=len, reverse=True))
_STREET_SUFFIX = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|pad|steeg|dreef|baan|markt|plantsoen|ring|wal|"
    "boulevard|allee|erf|veld|akker|horst|burcht|haven|polder|hoek|berg|dal|oord|zoom|rode|donk|kamp|straatweg|"
    "bocht|dwarsstraat|hove|hoven|werf|brink|esch|es|kamp|wei|weide|gaarde|hoeve|stede|vaart|dreef|lei|loop|"
    "pleintje|kwartier|passage|promenade|dam|sluis|haven|wijk|burg|tuin|tuinen|hout|bos|straatje|laantje|stoep|"
    "driesch|wetering|molen|rak|zijde|kant|voorde|heem|hiem|leane|wei|dyk|strjitte|paed|buorren|loane|stins"
)
# House numbers with their additions: 12, 12a, 12 A, 17-bis, 3 hs, 5-II, 212-b, 44 rood, 7-1, 12 zw.
_HOUSE_NUMBER = (r"\d{1,5}(?:\s?-?\s?(?:bis|hs|huis|rood|zwart|zw|boven|bov|beneden|bg|[a-zA-Z](?![\w'’])|"
                 r"[IVX]{1,4}(?![\w'’])|\d{1,3}(?!\d|[.,]\d))|[a-z](?![\w]))?"
                 r"(?:\s+(?:plek|kavel|unit|kamer|app\.?|appartement|box)\s+\d{1,4}\b)?")  # a camping pitch, a room
# Words that follow 'op', 'aan' … with a number but are not streets ('in Groep 7', 'op Pagina 3').
_NOT_STREET = ("groep|fase|stap|niveau|artikel|hoofdstuk|bladzijde|pagina|week|klas|versie|lijn|bus|tram|route|"
               "sectie|kamer|bed|spoor|perron|punt|nummer|nr|afdeling|verdieping|stand|plek|plaats|leerjaar|jaar|"
               "wet|wmo|jeugdwet|participatiewet|code|stap|ronde|dag|bijlage|tabel|figuur|zaal|unit|groepje|team")
_SEP = r"[ \t.\-]"

_PATTERNS: list[tuple[str, re.Pattern, float]] = [
    ("email", re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b"), 1.0),
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"), 1.0),
    ("dossiernummer", re.compile(
        r"(?i:\b(?:zaaknummer|zaaknr|dossiernummer|dossiernr|dossier|zaak|parketnummer|parketnr|kenmerk|"
        r"registratienummer|"
        r"cli[eë]ntnummer|cli[eë]ntnr|klantnummer|klantnr|relatienummer|lidnummer|polisnummer|referentie|rolnummer|"
        r"rekestnummer|vonnisnummer)\b\.?(?:\s+[a-zë]+){0,4}?\s*:?\s*)"
        r"(?P<value>[A-Z0-9][A-Z0-9/\-.]*\d[A-Z0-9]*(?:-[A-Z]{1,5}\b)?)"), 1.0),
    # court numbers, also with the youth-protection request number: 'C/16/558213 / JE RK 24-417'
    ("dossiernummer", re.compile(
        r"\b[A-Z]{1,4}/\d{2}/\d{3,}(?:\s?/\s?(?:[A-Z]{1,3}\s?)*\d{2}-\d{2,6}|\s?/\s?[A-Z0-9]+)*\b"), 1.0),
    ("dossiernummer", re.compile(r"\b[A-Z]{2}\s?RK\s?\d{2}-\d{2,6}\b"), 1.0),
    ("dossiernummer", re.compile(r"\b\d{2}/\d{6}-\d{2}\b"), 1.0),
    ("dossiernummer", re.compile(r"\b[A-Z]{2,5}-\d{2,4}-\d{3,}\b"), 1.0),
    ("dossiernummer", re.compile(r"\b[A-Z]{2,5}\d{5,}\b"), 1.0),
    ("bsn", re.compile(
        r"(?i:\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)(?:-?nummer)?(?:\s+(?:van\s+)?[\w\[\]]+){0,2}?"
        r"\s*(?:is|:)?\s*)(?P<value>\d[\d .\-]{6,12}\d)"), 1.0),
    ("geboortedatum", re.compile(
        rf"(?i:\b(?:geboren\s+(?:op\s+)?|geb\.\s*|geboortedatum\s*:?\s*))(?P<value>\d{{1,2}}(?:[-/.]\d{{1,2}}[-/.]"
        rf"\d{{2,4}}|\s+(?:{_MONTHS})\.?(?:\s+\d{{4}})?))"), 1.0),
    ("datum", re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}\b"), 1.0),
    ("datum", re.compile(rf"(?i:\b(?:{_NUMBER_WORDS[4:]})\s+(?:{_MONTHS})\b(?:\s+(?:19|20)\d{{2}})?)"), 1.0),
    ("datum", re.compile(rf"\b(?:\d{{1,2}}\s*(?:t/m|tot en met|tot|-|–)\s*)?\d{{1,2}}\s+(?:{_MONTHS})\.?"
                         rf"(?:\s+(?:19|20)\d{{2}})?\b(?:\s+j\.?l\b)?", re.IGNORECASE), 1.0),  # '2 januari jl.'
    ("datum", re.compile(r"(?<![\d/])\b\d{1,2}/\d{1,2}\b(?![\d/])"), 0.6),
    ("postcode", re.compile(r"\b[1-9]\d{3}[ ]?(?!SA\b|SD\b|SS\b)[A-Z]{2}\b"), 1.0),
    ("adres", re.compile(
        rf"\b(?:[A-Z][\w'’.-]*\s+(?:(?:van|de|der|den|het|'t|te|ter|ten)\s+)*)*[A-Z]?[\w'’-]*"
        rf"(?:{_STREET_SUFFIX})(?:-(?:Noord|Zuid|Oost|West|Midden))?\s+{_HOUSE_NUMBER}"), 1.0),
    # a street word written apart: 'Lange Gracht 7', 'Oude Markt 12'
    ("adres", re.compile(
        rf"\b(?:[A-Z][\w'’-]*\s+)+(?:Straat|Laan|Weg|Plein|Gracht|Kade|Singel|Dijk|Markt|Hof|Wal|Haven|Dreef|Steeg|"
        rf"Brink|Ring)\s+{_HOUSE_NUMBER}"), 1.0),
    # a street of capitalised words around a particle, then a number and an end: 'Achter de Hoven 4,'
    ("adres", re.compile(
        rf"\b[A-Z][\w'’-]+\s+(?:de|het|den|der|van|op|aan|bij|in|'t)\s+[A-Z][\w'’-]+\s+{_HOUSE_NUMBER}"
        rf"(?=\s*(?:[,.;)]|$|\s+[1-9]\d{{3}}\s?[A-Z]{{2}}\b|\s+(?:in|te)\s+[A-Z]))", re.MULTILINE), 0.9),
    # a street the suffixes do not know, after 'woont op', 'aan', 'adres' …: 'op It Heechhôf 3', 'Achter de Hoven 4'
    ("adres", re.compile(
        rf"(?:(?i:\b\w*adres:?)\s+(?:[a-z]+\s+){{0,2}}"
        rf"|\b(?:op|aan|naar|in|woont|woonde|woonachtig|richting|woning|pand)\s+(?:(?:de|het|'t)\s+)?"
        rf"|\b(?:woont|wonen|woonde|woonden)(?:\s+(?:we|wij|ze|zij|hij|jullie|ik|nu|sinds|nog|al|toen))+\s+"
        rf"|\b(?:woont|wonen|woonde|woonden|ingeschreven|verhuisd)\b[^.;:!?\n]{{1,40}}?,\s+)"
        rf"(?P<value>(?!(?i:{_NOT_STREET})\b)(?:(?:De|Het|'t|It|Op|Oan|Aan|Van|Der|Den|Ter|Ten)\s+)*"
        rf"[A-Z][\w'’\-]+(?:\s+(?:(?:de|het|'t|['’]e|van|der|den|ter|ten|op|oan|aan|bij|in)\s+)*[A-Z][\w'’\-]+)*"
        rf"\s+{_HOUSE_NUMBER})(?!\w|[.,]\d|\s*(?:euro|%|procent|keer|jaar|uur|kinderen|minuten|dagen|weken))"), 0.9),
    # '... in de Kastanjelaan, op nummer 12': the house number on its own
    ("adres", re.compile(rf"(?:\b[A-Z][\w'’-]*(?:{_STREET_SUFFIX}),?\s+)?"
                         rf"(?i:\b(?:op|van|naar)\s+(?:huis)?nummer\s+){_HOUSE_NUMBER}\b"
                         rf"|(?i:\b(?:huisnummer|huisnr\.?)\s+)"
                         rf"{_HOUSE_NUMBER}\b"), 0.9),
    ("leeftijd", re.compile(r"\b\d{1,2}-jarige\b|\b\d{1,3}(?:[,.]5)?\s?(?:jaar|jr\.?)\s+oud\b"), 1.0),
    # days, weeks and months: 'pas 4 maanden oud', 'tien dagen oud', 'de baby van 6 weken', 'is pas 3 maanden'
    ("leeftijd", re.compile(
        rf"(?i:\b(?:(?:pas|net|nog maar|bijna|ruim)\s+)?(?:{_NUMBER_WORDS}|\d{{1,3}})\s+"
        rf"(?:dag|dagen|week|weken|maand|maanden|jaar)\s+oud\b)"), 1.0),
    ("leeftijd", re.compile(
        rf"(?i:\b(?:baby|babytje|kind|kindje|zoon|zoontje|dochter|dochtertje|zusje|broertje|meisje|jongen|"
        rf"jongste|kleine|tweeling|drieling|pasgeborene|zuigeling)(?:\s+(?:is|was|werd|van))(?:\s+(?:nu|pas|net|"
        rf"nog maar|bijna|ruim|toen))*\s+)(?P<value>(?:{_NUMBER_WORDS}|\d{{1,3}})\s+"
        rf"(?:dagen|weken|maanden|dag|week|maand))\b"), 0.9),
    ("leeftijd", re.compile(
        rf"(?i:\b(?:is|was|werd|wordt|zijn|waren)(?:\s+(?:nu|toen))?\s+)"
        rf"(?P<value>(?:pas|net|nog maar|bijna|ruim)\s+(?:{_NUMBER_WORDS}|\d{{1,2}})\s+(?:dagen|weken|maanden)"
        rf"|(?<=toen )(?:{_NUMBER_WORDS}|\d{{1,2}})\s+(?:dagen|weken|maanden))(?!\s+(?:bezig|in|bij|hier|aan|"
        rf"geleden|lang|later|terug|thuis|weg|binnen|open|dicht|onderweg|in beeld|betrokken|gestart|actief|verder|"
        r"samen|getrouwd|aan het|hier|daar|in Nederland|in behandeling|aangemeld|wachten))\b"), 0.9),
    ("leeftijd", re.compile(  # 'is 14 jaar', not a duration such as 'is 3 jaar geleden' or 'al 2 jaar'
        r"(?i:\b(?:is|was|wordt|werd)(?:\s+(?:nu|pas|bijna|ruim|al|toen|net|inmiddels|intussen))?\s+)"
        r"(?P<value>\d{1,2}(?:[,.]5)?\s?(?:jaar|jr\.?))"
        r"(?!\s+(?:geleden|lang|later|eerder|bezig|betrokken|in|bij|met|op|onder|aan|na|terug|getrouwd|samen|weg|"
        r"gescheiden|hier|daar|thuis|werkloos|ziek|actief|verlengd|uitgesproken|gestart|gestopt|"
        r"gaande|geldig|van kracht|getekend|afgesproken|aan het))\b"), 1.0),
    ("leeftijd", re.compile(  # 'is nu vijf jaar', 'was toen negen jaar' (not 'al twee jaar', 'van een jaar')
        rf"(?<!wachttijd )(?<!looptijd )(?<!termijn )(?<!traject )(?<!straf )(?<!contract )(?<!duur )"
        rf"(?i:\b(?:is|was|wordt|werd|zijn|waren)(?:\s+(?:nu|pas|bijna|toen|net|inmiddels|intussen))?\s+)"
        rf"(?P<value>(?:{_NUMBER_WORDS[4:]})\s+jaar)(?!\s+(?:geleden|lang|later|eerder|bezig|betrokken|in|bij|met|op|"
        rf"onder|aan|na|terug|getrouwd|samen|weg|gescheiden|hier|daar|thuis|werkloos|ziek|actief|verlengd|"
        rf"uitgesproken|gestart|gestopt|"
        r"gaande|geldig|van kracht|getekend|afgesproken))\b"), 1.0),
    ("leeftijd", re.compile(  # 'ik ben 16', 'was toen 6', 'ik word in mei 18'
        rf"(?i:\b(?:ben|is|was|word|wordt|werd)(?:\s+(?:toen|nu|pas|bijna|al|net|inmiddels|in\s+(?:{_MONTHS})))*\s+)"
        rf"(?P<value>\d{{1,2}}|{_NUMBER_WORDS[4:]})"
        r"(?=\s*(?:[.,;:!?)]|$|\s+(?:en|of|maar|toen|dus|geworden|nu|inmiddels)\b))"), 0.9),
    ("leeftijd", re.compile(  # '[kind], nu bijna 2, is …'
        r"(?:\]|\b[A-Z][a-zà-ÿ][\w'’-]*),\s+(?:nu\s+)?(?P<value>(?:bijna|pas|net)\s+\d{1,2})(?=\s*,)"), 0.9),
    ("leeftijd", re.compile(
        r"(?i:\b(?:meisje|jongen|kind|zoon|dochter|baby|broertje|zusje|broer|zus|tiener|puber|man|vrouw|oudste|"
        r"jongste|middelste|kleinste|grootste)\s+van\s+)"
        rf"(?P<value>(?:\d{{1,2}}|{_NUMBER_WORDS[4:]})(?:\s?(?:jaar|jr)(?!\s+geleden)(?:\s+oud)?)?)\b"
        r"(?!\s*(?:jaar\s+geleden|keer|uur|euro|minuten|weken|maanden))"), 0.9),
    ("leeftijd", re.compile(r"(?<=[\w\]] )\((?P<value>\d{1,2}(?:\s?(?:jaar|jr\.?|mnd|maanden|weken))?)\)"), 0.9),
    # 'Kevin van 4 jaar', '[kind] van 4 jaar' (not 'een OTS van 1 jaar')
    ("leeftijd", re.compile(
        r"(?:\]|\b[A-Z][a-zà-ÿ][\w'’-]*)\s+van\s+(?P<value>\d{1,2}\s?jaar)\b(?!\s+geleden)"), 0.9),
    ("leeftijd", re.compile(  # 'Noah, 15 jaar,', '[kind], pas 6 weken.' (after a name or placeholder)
        rf"(?:\]|\b[A-Z][a-zà-ÿ][\w'’-]*),\s+(?:nu\s+)?"
        rf"(?P<value>(?:(?:pas|net|nog maar|bijna)\s+)?(?:\d{{1,2}}|{_NUMBER_WORDS})\s+"
        rf"(?:jaar|maanden|weken|dagen)(?:\s+oud)?)(?=\s*(?:[,;:.)]|$))", re.MULTILINE), 0.9),
    ("bsn", re.compile(r"\b\d{4}\.\d{2}\.\d{3}\b|\b\d{3}[ .\-]\d{3}[ .\-]\d{3}\b|\b\d{8,9}\b"), 1.0),
]

# Priority when two candidates overlap: the earlier category in this list wins if the spans are equally long.
_PRIORITY = ["email", "iban", "dossiernummer", "bsn", "geboortedatum", "telefoon", "adres", "postcode", "datum",
             "leeftijd"]


# Phone numbers in any grouping: a run of digits, spaces, dashes, dots and brackets, then counted. Dutch numbers have
# ten digits from the leading 0 ('0591 - 61 23 45', '(010) 412 33 21'); international ones +31/0031 and nine
# more ('+31 (0)6 1234 5678'); other countries +CC and 7-12 digits.
ADDRESS_OF = re.compile(r"\s(?:van|uit|bij|naast|tegenover)\s+(?:de|het)\s+"
                        r"|^(?i:verhuisd|verhuist|vertrokken|afkomstig|komt|kwam|woont|woonde|woonden|wonen|gaat|ging)"
                        r"\s+(?:van|uit|naar|bij)\s+")
ADDRESS_LABEL = re.compile(r"(?i:\w*adres)\s*:?\s+")
_PHONE = re.compile(r"(?<![\w+/.,€-])(?:\+|00)?\(?\d[\d()\-./ \u00a0]{6,40}\d(?![\w/]|[.,]\d)")
_PHONE_SEP = re.compile(r"^(?:\d|\s?[-./]\s?|\s|\(0\)|[()])+$")


def _phones(text: str) -> list[Span]:
    found = []
    for m in _PHONE.finditer(text):
        for offset, raw in _parts(m.group()):
            # the longest start of the run that is a number: '06 12345678 1234 AB' ends before the postcode
            cuts = [len(raw)] + [g.start() for g in reversed(list(re.finditer(r"\s+", raw)))]
            span = next((n for n in (_phone(raw[:c]) for c in cuts) if n), 0)
            if span:
                found.append(Span(m.start() + offset, m.start() + offset + span, "telefoon", 1.0))
    return found


def _parts(run: str) -> list[tuple[int, str]]:
    """'+599 717 4521 / 06 - 5530 1298': two numbers."""
    parts, pos = [], 0
    for sep in re.finditer(r"\s+/\s+", run):
        parts.append((pos, run[pos:sep.start()]))
        pos = sep.end()
    return [*parts, (pos, run[pos:])]


def _phone(raw: str) -> int:
    """The length of the phone number `raw` (ending in its last digit), or 0 when it is none."""
    while raw and not raw[-1].isdigit():
        raw = raw[:-1]
    if not _PHONE_SEP.match(raw.lstrip("+")) or "  " in raw or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        return 0  # double spaces end a number; '14.500.000' is an amount
    digits = re.sub(r"\D", "", raw.replace("(0)", ""))
    if raw.startswith("+") or raw.startswith("00"):
        digits = digits[2:] if raw.startswith("00") else digits
        dutch = digits.startswith("31")
        ok = (dutch and len(digits) == 11) or (not dutch and 9 <= len(digits) <= 14)
    else:
        # ten digits; a typo of one more or less still counts when the area code is in brackets '(0344) …'
        length_ok = len(digits) == 10 or (re.match(r"\(0\d{1,3}\)", raw) is not None and 9 <= len(digits) <= 11)
        ok = digits.startswith("0") and not digits.startswith("00") and length_ok
        if ok and re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", raw):
            ok = False  # a date such as 01-02-2016 is not a phone number
    return len(raw) if ok else 0


def find_identifiers(text: str) -> list[Span]:
    """All direct identifiers in `text`, non-overlapping, in order."""
    candidates: list[Span] = _phones(text)
    for category, pattern, confidence in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("value") if "value" in pattern.groupindex else m.span()
            value = text[start:end].rstrip(" .-")
            end = start + len(value)
            if category == "adres":
                inner = list(ADDRESS_OF.finditer(value))
                if inner:  # 'Buurvrouw Fatma van de Lange Gracht 7': the address is what follows 'van de'
                    start, value = start + inner[-1].end(), value[inner[-1].end():]
                label = ADDRESS_LABEL.match(value)  # 'Woonadres Dorpsstraat 5': the label is not the address
                if label:
                    start, value = start + label.end(), value[label.end():]
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
