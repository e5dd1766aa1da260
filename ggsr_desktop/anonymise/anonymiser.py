"""The anonymiser: Dutch text in, text with placeholders and the list of replaced spans out.

Sources of spans, strongest first: the case register (known persons and facts), direct identifiers
(`identifiers`), listed institutions, neighbourhoods and places, person-name patterns (titles, initials, first
names with surnames), and finally capitalised words inside a sentence that nothing explains (replaced, but
marked 'controleren'). The keep-list (national bodies, laws, sector terms, holidays, languages, countries)
overrides everything but the register and the direct identifiers; so do the names the caller declares public
(`public`: the municipality, the network partners, document titles).

Per level (`Level`): a case-level text is anonymised as above. A policy-level text names municipalities,
organisations, documents and dates on purpose: the categories of `KEPT_AT_POLICY` are kept there, and a capitalised
word nothing explains is left in place (the quote is marked 'controleren'); private persons named with evidence
(register, title or relation word, initials, first name with surname) and the direct identifiers still go.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from ggsr_desktop.anonymise.categories import DIRECT_CATEGORIES, KEPT_AT_POLICY, NUMBERED
from ggsr_desktop.anonymise.categories import placeholder as placeholder_label
from ggsr_desktop.anonymise.identifiers import find_identifiers
from ggsr_desktop.anonymise.lexicon import FREQUENT, PARTICLES, TOKEN, Lexicon
from ggsr_desktop.anonymise.register import CaseRegister
from ggsr_desktop.labels import MUNICIPALITY_WORD
from ggsr_desktop.models import Level, QuoteSpan

PERSON_TRIGGERS = frozenset(
    ["meneer", "mevrouw", "mevr", "mw", "mr", "dhr", "heer", "juf", "juffrouw", "meester", "familie", "fam", "dokter",
     "dr", "oom", "tante", "opa", "oma", "neef", "nicht", "zus", "zusje", "broer", "broertje", "vriend", "vriendin",
     "vriendje", "vriendinnetje", "buurman", "buurvrouw", "collega", "mentor", "stiefvader", "stiefmoeder",
     "stiefzus", "stiefbroer", "partner", "ex", "schoonmoeder", "schoonvader", "zoon", "dochter", "agent",
     "wijkagent", "trainer", "coach", "docent", "leraar",
     "lerares", "begeleider", "hulpverlener", "consulent", "casemanager", "advocaat", "advocate", "rechter",
     "bewindvoerder", "wijkcoach", "gezinscoach", "jeugdbeschermer", "voogd", "huisarts", "ambtenaar",
     "leerplichtambtenaar", "buurjongen", "buurmeisje"]
)
PLACE_PREPOSITIONS = frozenset(["in", "naar", "uit", "te", "vanuit", "richting", "rond", "nabij", "bij"])
SENTENCE_END = set(".!?:;\"“”‘’'([\n–-•")
INITIALS = re.compile(
    r"\b(?:[A-Z]\.\s?){1,3}(?:(?:van der|van den|van de|van 't|van|de|der|den|ter|ten|te|el|al)\s)?"
    r"[A-Z][\w'’-]+"
)
LONG_NUMBER = re.compile(r"(?<![\w€.,])\d{6,}(?![\w.,]|\s?(?:euro|EUR|,-))")
SENTENCE_BREAK = re.compile(r"[.!?;:\n(),]")  # no name runs across these
BRACKETED = re.compile(r"\[[^\[\]\n]{1,40}\]")  # placeholders already in the text
ABBREVIATIONS = frozenset(["dr", "drs", "st", "mr", "ir", "ing", "mgr", "prof", "dhr", "mevr", "mw", "ds", "jhr",
                           "fam"])
# Articles and quantifiers after which a registered name that is also a frequent word is that word ('de storm').
DETERMINERS = frozenset("de het een geen veel weinig meer minder deze dit".split())
NAME_INNER = frozenset(["de", "der", "den", "het", "'t", "ter", "ten", "le", "la"])  # inside a name, not 'van'
ROLE_SUFFIX = re.compile(r"['’-]?(?:er|ers|en|je|tje)\b")  # 'IB'er', 'SMW'ers'
HEAD_SUFFIX = re.compile(r"(?:college|lyceum|gymnasium|ziekenhuis|kliniek|gasthuis|school|bedrijf|kerk|moskee|"
                         r"winkel|praktijk)$")
CLUB_YEAR = re.compile(r"\s+['’]\d{2}\b")
ORDINAL = re.compile(r"\d{1,2}(?:e|ste|de)?")
ACRONYM = re.compile(r"[A-Z]{2,6}")  # 'OLVG', 'AFC', 'UMCG' (the keep-list holds the national ones)
CAMEL = re.compile(r"[a-z]{1,8}[A-Z][a-z]+[A-Za-z]*|[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*")  # 'WoonWijzer', 'deWoonplaats'
STREET_WORDS = frozenset("markt plein kade dijk gracht singel haven wal weg laan straat hof dreef steeg brink "
                         "boulevard wei".split())
COMPASS = frozenset("noord zuid oost west centrum midden noordoost noordwest zuidoost zuidwest".split())
STREET = re.compile(r"..(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|dreef|steeg|erf|bocht|wal|markt|"
                    r"plantsoen|boulevard|allee|straatweg|pad)$")
# Rare details that single a family out: 'de enige Eritrese familie in het dorp', 'met een drieling'.
RARE_DETAIL = re.compile(
    r"(?i:\b(?:de|het)\s+enige\s+(?:\w+\s+){1,4}?(?:in|op|van|uit|met)\s+(?:het|de|ons|onze|dit|deze)\s+"
    r"(?:dorp|wijk|buurt|straat|flat|klas|school|stad|gemeente|kern|eiland|galerij|portiek)\b"
    r"|\b(?:(?:twee|één|een)\s+van\s+)?(?:met\s+)?(?:een|de)\s+(?:drieling|vierling|vijfling|zesling)\b"
    r"|\b(?:de|een)\s+bekende\s+\w+\s+(?:op|in|aan|bij|tegenover|van)\s+(?:het|de)\s+\w+"
    r"|\bstond\s+(?:ook\s+)?in\s+de\s+(?:krant|media)\b"
    r"|\b(?:de|het)\s+(?:enige|eerste)\s+(?:\w+\s+){1,3}?in\s+(?:Nederland|de\s+wereld|het\s+land|de\s+regio|Europa)\b"
    r"|\b(?:vorig\s+jaar\s+|ooit\s+)?(?:op|bij)\s+(?:de\s+)?(?:tv|televisie)\b|\bin\s+het\s+nieuws\b)")


# Identifiers that must go whole even when a registered name sits inside them (j.devries@…).
_WHOLE = {"email", "iban", "dossiernummer", "bsn", "telefoon"}
# At policy level a guess from an unexplained word at most this sure is left in place (and counted as unsure).
WEAK_GUESS = 0.6
# Places that are also surnames: after strong person evidence they are the name ('mevrouw Van Assen').
_PLACE_CATEGORIES = frozenset({"plaats", "wijk"})


@functools.lru_cache(maxsize=64)
def _public_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    forms = sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)
    if not forms:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in forms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def public_spans(text: str, public: Iterable[str] | str = ()) -> list[tuple[int, int]]:
    """Where the names declared public ('Den Helder', 'Parlan Jeugd en opvoedhulp') occur in `text`: whole words,
    in any capitalisation, with any run of white space between their words; longest name first."""
    if not public or not text:
        return []
    pattern = _public_pattern((public,) if isinstance(public, str) else tuple(public))
    return [m.span() for m in pattern.finditer(text)] if pattern else []


class PlaceholderBook(Protocol):
    def number(self, category: str, digest: bytes) -> int: ...


class MemoryBook:
    """Placeholder numbers kept in memory (one anonymisation session or a test)."""

    def __init__(self):
        self._numbers: dict[tuple[str, bytes], int] = {}

    def number(self, category: str, digest: bytes) -> int:
        key = (category, digest)
        if key not in self._numbers:
            self._numbers[key] = 1 + sum(1 for c, _ in self._numbers if c == category)
        return self._numbers[key]


@dataclass(frozen=True)
class Anonymised:
    text: str
    spans: tuple[QuoteSpan, ...]
    source_spans: tuple[tuple[int, int], ...]  # positions in the input (in memory only, for evaluation)
    unsure: int = 0  # possible names deliberately left in place (a sentence-initial 'Hoop')

    @property
    def needs_review(self) -> bool:
        """'Controleren': a replacement below the confidence threshold, or a possible name left in place."""
        return self.unsure > 0 or any(s.needs_review for s in self.spans)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    category: str
    confidence: float
    priority: int  # 0 register, 1 identifiers, 2 lists, 3 name patterns, 4 unexplained capitals
    placeholder: str | None = None  # fixed placeholder (register); otherwise derived from the category


class _Intervals:
    """Spans sorted by start, with a quick overlap query (keeps long texts linear-ish, not quadratic)."""

    def __init__(self, items=()):
        self.items: list[tuple[int, int, object]] = sorted(items, key=lambda t: (t[0], t[1]))
        self._longest = max((b - a for a, b, _ in self.items), default=0)

    def add(self, start: int, end: int, item) -> None:
        bisect.insort(self.items, (start, end, item), key=lambda t: (t[0], t[1]))
        self._longest = max(self._longest, end - start)

    def remove(self, start: int, end: int, item) -> None:
        self.items.remove((start, end, item))

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, object]]:
        hi = bisect.bisect_left(self.items, end, key=lambda t: t[0])
        lo = bisect.bisect_left(self.items, start - self._longest, key=lambda t: t[0])
        return [t for t in self.items[lo:hi] if t[1] > start]


class Anonymiser:
    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or Lexicon.load()

    def anonymise(self, text: str, register: CaseRegister | None = None,
                  book: PlaceholderBook | None = None, *, level: Level = Level.CASE,
                  public: Iterable[str] = ()) -> Anonymised:
        """`level`: at `Level.POLICY` the categories of `KEPT_AT_POLICY` stay and weak guesses are left in place
        (counted in `unsure`). `public`: names kept verbatim wherever they occur (at any level); only the case
        register and the direct identifiers replace a part of them."""
        book = book or MemoryBook()
        register = register or CaseRegister(b"\0" * 32)
        protected = [m.span() for m in BRACKETED.finditer(text)]
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)
                if not any(a <= m.start() < b for a, b in protected)]
        words = [t[2] for t in toks]
        lowered = [w.lower() for w in words]
        gaps = [text[toks[k][1]:toks[k + 1][0]].strip() for k in range(len(toks) - 1)] + [""]  # between words
        # For the name runs: a word after a sentence break is marked so that no run crosses into it.
        run_words = [("\0" + w if k and SENTENCE_BREAK.search(text, toks[k - 1][1], toks[k][0])
                      and not self._abbreviation(words[k - 1], text[toks[k - 1][1]:toks[k][0]]) else w)
                     for k, w in enumerate(words)]
        run_lowered = [w.lower() for w in run_words]
        candidates: list[_Candidate] = []
        keep_spans: list[tuple[int, int]] = []
        lex = self.lexicon
        unsure = 0  # names left in place on purpose: the inspector should look at the quote

        for i, (start, _end, word) in enumerate(toks):
            hit = register.match(words, i)
            if hit and hit[0] == 1 and word.islower() and i and lowered[i - 1] in DETERMINERS and not gaps[i - 1] \
                    and lex.zipf(lowered[i]) >= FREQUENT:
                hit = None  # 'de storm', 'geen hoop': the word, although 'Storm' and 'Hoop' are registered
            if hit:
                n, category, placeholder = hit
                candidates.append(_Candidate(start, toks[i + n - 1][1], category, 1.0, 0, placeholder))
            kept = lex.keep.match(lowered, i)
            if kept:
                keep_spans.append((start, toks[i + kept[0] - 1][1]))
            capital = word[:1].isupper()
            initial = self._sentence_start(text, start) and not (
                i and self._abbreviation(words[i - 1], text[toks[i - 1][1]:start]))
            if capital:
                for index, priority in ((lex.institutions, 2), (lex.places, 2)):
                    found = index.match(lowered, i)
                    if found and self._proper(lowered, i, found[0], initial):
                        last = i + found[0] - 1
                        if last + 1 < len(toks) and gaps[last] == "-" and lowered[last + 1] in COMPASS:
                            last += 1  # 'Drachten-Zuid', 'Hengelo-Noord'
                        candidates.append(_Candidate(start, toks[last][1], found[1], 0.95, priority))
                        break
            if lowered[i] in lex.school_words:
                first = i + 1
                while first < len(toks) and lex.keep.match(lowered, first) and words[first].isupper():
                    first += 1  # 'School: ISK De Brug': the school type stays
                name = self._name_run(run_words, first, allow_article=True,
                                      fresh=first == i + 1 and gaps[i] == ":")
                if name > first:
                    candidates.append(_Candidate(toks[first][0], toks[name - 1][1], "school", 0.95, 2))
            if lowered[i] in PERSON_TRIGGERS and i + 1 < len(toks):
                end = self._person_run(run_words, run_lowered, i + 1)
                if end:
                    candidates.append(_Candidate(toks[i + 1][0], toks[end - 1][1], "persoon", 0.95, 3))
            if capital and lowered[i] in lex.first_names and lowered[i] not in PARTICLES:
                end = self._surname_run(run_words, run_lowered, i + 1)
                ordinary = lowered[i] in lex.common_words
                if end > i + 1 or not (initial and ordinary) and not (initial and word.isupper()):
                    confidence = 0.9 if (end > i + 1 or not ordinary) else 0.7
                    if initial and end == i + 1:
                        confidence = 0.7
                    candidates.append(_Candidate(start, toks[end - 1][1], "persoon", confidence, 3))
                else:
                    unsure += 1  # 'Hoop …' at the start of a sentence: a word here, but it is also a name
            if capital and not initial and not word.isupper() and lowered[i] not in lex.common_words \
                    and not (self._ordinary_capital(lowered[i]) and not self._joined_capital(text, toks, i)):
                end = self._name_run(run_words, i, allow_article=False, fresh=True)
                category = "plaats" if i and lowered[i - 1] in PLACE_PREPOSITIONS else "persoon"
                if lowered[i] in lex.surnames:
                    category = "persoon"
                candidates.append(_Candidate(start, toks[end - 1][1], category, 0.5, 4))
            elif capital and not initial and lowered[i] in ("de", "het") and i + 1 < len(words) \
                    and words[i + 1][:1].isupper():
                end = self._name_run(run_words, i + 1, allow_article=False)
                candidates.append(_Candidate(start, toks[end - 1][1], "instelling", 0.5, 4))

            if capital and initial and not word.isupper() and len(word) > 2 and self._unknown(lowered[i]) \
                    and not lex.keep.match(lowered, i):
                # 'Tomek drinkt weer': a sentence opens with a word Dutch does not know: a name, to be checked
                end = self._surname_run(run_words, run_lowered, i + 1)
                candidates.append(_Candidate(start, toks[end - 1][1], "persoon", 0.6, 4))
            if capital and lowered[i] in STREET_WORDS and i and words[i - 1][:1].isupper() \
                    and not run_words[i].startswith("\0") and lowered[i - 1] not in ("de", "het", "t"):
                first = i - 1  # 'aan de Oude Markt', 'op de Grote Kade'
                while first > 0 and not run_words[first].startswith("\0") and words[first - 1][:1].isupper() \
                        and lowered[first - 1] not in ("de", "het", "t"):
                    first -= 1
                candidates.append(_Candidate(toks[first][0], toks[i][1], "adres", 0.8, 2))
            head = lex.heads.get(lowered[i]) or self._head_suffix(lowered[i], capital)
            if head:
                span = self._institution(words, run_words, lowered, gaps, i, capital)
                if span:
                    end = toks[span[1] - 1][1]
                    year = CLUB_YEAR.match(text, end)  # 'SC Kloosterveen '08'
                    candidates.append(_Candidate(toks[span[0]][0], year.end() if year else end, head, 0.9, 2))
            if len(word) > 1 and (capital and ACRONYM.fullmatch(word) or CAMEL.fullmatch(word)) \
                    and lowered[i] not in lex.common_words and not ROLE_SUFFIX.match(text, toks[i][1]) \
                    and not (gaps[i] == "-" and i + 1 < len(words) and words[i + 1].islower()) \
                    and not any(lex.keep.by_first.get(lowered[i][:n]) for n in range(4, len(word))):
                # ('IB'er', 'WhatsAppen', 'AVI-niveau' are words: a role suffix, an inflected brand, a compound)
                # 'OLVG', 'AFC', 'WoonWijzer': a local organisation unless the keep-list knows it
                candidates.append(_Candidate(start, toks[i][1], "instelling", 0.7, 4))
            if capital and STREET.search(lowered[i]) and lex.zipf(lowered[i]) < (2.0 if initial else FREQUENT) \
                    and lowered[i] not in lex.common_words:
                # 'aan de Kastanjelaan': a street without a number (the number is found with it when there is one),
                # with the capitalised words before it ('Jan van Galenstraat', 'Burgemeester de Withstraat')
                first = i
                while first > 0 and not run_words[first].startswith("\0") and (
                        words[first - 1][:1].isupper() or (lowered[first - 1] in PARTICLES and first > 1
                                                           and words[first - 2][:1].isupper())):
                    first -= 1
                if first > 0 and not run_words[first].startswith("\0") and ORDINAL.fullmatch(words[first - 1]):
                    first -= 1  # '18 Septemberplein', '2e Hugo de Grootstraat'
                candidates.append(_Candidate(toks[first][0], toks[i][1], "adres", 0.8, 2))

            if not capital and len(word) > 2 and (lowered[i] in lex.first_names or lowered[i] in lex.surnames) \
                    and not lex.is_word(lowered[i], frequent=1.0) and lowered[i] not in lex.function_words \
                    and not lex.keep.match(lowered, i):
                # 'groet tjitske', 'die priscilla': a name typed in lowercase that is no Dutch word
                candidates.append(_Candidate(start, toks[i][1], "persoon", 0.6, 4))
            elif not capital and len(word) > 3 and lex.places.by_first.get(lowered[i]) \
                    and not lex.is_word(lowered[i], frequent=1.0) and i and lowered[i - 1] in PLACE_PREPOSITIONS:
                found = lex.places.match(lowered, i)
                if found and found[0] == 1:  # 'een huis in holtenbroek'
                    candidates.append(_Candidate(start, toks[i][1], found[1], 0.6, 4))
            if capital and i + 2 < len(toks) and gaps[i] == "&" and words[i + 1][:1].isupper() \
                    and not lex.keep.match(lowered, i):
                candidates.append(_Candidate(start, toks[i + 1][1], "instelling", 0.8, 2))  # 'Schoon & Zo'

        for m in RARE_DETAIL.finditer(text):
            candidates.append(_Candidate(m.start(), m.end(), "detail", 0.8, 2))
        for m in INITIALS.finditer(text):
            last = m.group().split()[-1].split(".")[-1].lower()
            if (last in lex.function_words or self._ordinary_capital(last)) and last not in lex.surnames:
                continue  # 'Gezin C. Bij de school …': a case code and a sentence, not 'C. Bij'
            candidates.append(_Candidate(m.start(), m.end(), "persoon", 0.95, 3))
        for s in find_identifiers(text):
            candidates.append(_Candidate(s.start, s.end, s.category, s.confidence, 0 if s.category in _WHOLE else 1))

        for m in LONG_NUMBER.finditer(text):  # a long number nothing explains: replaced, to be checked
            candidates.append(_Candidate(m.start(), m.end(), "nummer", 0.5, 4))
        policy = level == Level.POLICY
        if policy:
            candidates = self._persons_over_places(candidates, toks, lowered)
        chosen = self._resolve(text, candidates, keep_spans, protected, public_spans(text, public))
        if policy:
            chosen, left = self._policy_kept(chosen)
            unsure += left
        return self._render(text, chosen, register, book, unsure)

    # ---- helpers -------------------------------------------------------------------------------------------

    @staticmethod
    def _persons_over_places(candidates: list[_Candidate], toks: list[tuple[int, int, str]],
                             lowered: list[str]) -> list[_Candidate]:
        """At policy level a listed place inside a name with strong person evidence is that person's surname
        ('mevrouw Van Assen', 'Sandra Hengelo', 'J. Breda', 'meneer De Bilt'): it gives way to the name, which is
        replaced, instead of winning as a place and staying. A place that merely starts where a lone first name
        does ('In Ede …') stays a place."""
        strong = [c for c in candidates if c.category == "persoon" and c.priority == 3 and c.confidence >= 0.9]
        if not strong:
            return candidates
        starts = [t[0] for t in toks]

        def after_title(c: _Candidate) -> bool:
            k = bisect.bisect_left(starts, c.start)
            return k > 0 and lowered[k - 1] in PERSON_TRIGGERS

        def surname(p: _Candidate) -> bool:
            return any(s.start < p.end and p.start < s.end and (s.start < p.start or after_title(s)) for s in strong)

        return [c for c in candidates if not (c.category in _PLACE_CATEGORIES and c.priority == 2
                                              and c.placeholder is None and surname(c))]

    @staticmethod
    def _policy_kept(chosen: list[_Candidate]) -> tuple[list[_Candidate], int]:
        """At policy level: what is replaced, and how many guesses were left in place to be checked. A category of
        `KEPT_AT_POLICY` stays (it has won the overlaps, so the words it covers stay with it); so does a weak guess
        from an unexplained word (priority 4, at most `WEAK_GUESS` sure), which is more often an organisation or a
        project than a private person here, and which makes the quote 'controleren'."""
        replaced: list[_Candidate] = []
        left = 0
        for c in chosen:
            weak = c.priority == 4 and c.confidence <= WEAK_GUESS and c.placeholder is None
            if c.placeholder is None and (c.category in KEPT_AT_POLICY or (weak and c.category == "persoon")):
                left += weak
            else:
                replaced.append(c)
        return replaced, left

    @staticmethod
    def _capitalised_head(text: str, start: int, limit: int) -> int:
        """The end of the capitalised words from `start` up to `limit` (start itself when there are none)."""
        end = start
        for m in TOKEN.finditer(text, start, limit):
            if not m.group()[:1].isupper():
                break
            end = m.end()
        return end

    def _ordinary_capital(self, lower: str) -> bool:
        """A capitalised word inside a sentence that is a frequent ordinary word ('Inkomen, Wonen en Schulden'),
        and not also a first name or surname."""
        lex = self.lexicon
        return lex.zipf(lower) >= FREQUENT and lower not in lex.first_names and lower not in lex.surnames

    def _head_suffix(self, lower: str, capital: bool) -> str | None:
        """'Janscollege', 'Stadslyceum': a name written as one word with a head word at its end; written in
        lowercase ('fruitbedrijf Van Damme'), such a word introduces the name after it."""
        m = HEAD_SUFFIX.search(lower)
        if not m or len(lower) <= len(m.group()) + 2:
            return None
        if capital and (lower in self.lexicon.common_words or self.lexicon.zipf(lower) >= 2.0):
            return None  # 'Rijschool', 'Bouwbedrijf' are ordinary words
        return self.lexicon.heads.get(m.group())

    @staticmethod
    def _abbreviation(word: str, gap: str) -> bool:
        """'Dr. Nassau', 'St. Jozef': the dot of a title abbreviation does not end a sentence."""
        return gap.strip() == "." and word.lower() in ABBREVIATIONS

    @staticmethod
    def _joined_capital(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
        """The next word is capitalised too and only a space apart: one name ('Bakkerij Van Dam'), not a list
        ('Inkomen, Wonen en Schulden')."""
        k = i + 1
        while k < len(toks) and toks[k][2].lower() in PARTICLES and toks[k][2][:1].islower():
            k += 1
        return (k < len(toks) and toks[k][2][:1].isupper()
                and all(not text[toks[j][1]:toks[j + 1][0]].strip() for j in range(i, k)))

    def _unknown(self, lower: str) -> bool:
        """A word that no list knows: not an ordinary word (also not as a compound), name, place or keep-word."""
        lex = self.lexicon
        if lower in lex.surnames and lex.zipf(lower) < 2.0 and lower not in lex.common_words:
            return True  # 'Hendriks zei …': a surname, not a word
        if any(lex.keep.by_first.get(lower[:n]) for n in range(5, len(lower))):
            return False  # 'Papiamentstalig', 'Marokkaans-Nederlandse': built on a keep-list word
        return not (lex.is_word(lower, frequent=1.0) or lower in lex.first_names or lower in lex.common_words
                    or lower in lex.function_words or lower in lex.heads or lower.isdigit()
                    or lex.places.by_first.get(lower) or lex.institutions.by_first.get(lower)
                    or lex.keep.by_first.get(lower))

    def _institution(self, words: list[str], run_words: list[str], lowered: list[str], gaps: list[str], i: int,
                     capital: bool) -> tuple[int, int] | None:
        """The name around a head word: capitalised words before and after a capitalised head ('Stedelijk Lyceum
        Zuid', 'Máxima MC'); after a lowercase head, the capitalised name that follows ('praktijk De Linde')."""
        if lowered[i] == MUNICIPALITY_WORD and not capital:
            return None  # 'de gemeente Utrecht': the municipality, a place
        skip = i + 1
        while skip < len(words) and words[skip].isupper() and self.lexicon.keep.match(lowered, skip):
            skip += 1  # 'School: ISK De Brug': the school type stays
        label = i + 1 < len(words) and skip == i + 1 and run_words[i + 1].startswith("\0") \
            and gaps[i] == ":"  # 'School: De Regenboog', 'Huisarts: Praktijk Kethel'
        after = self._name_run(run_words, skip, allow_article=True, fresh=label)
        if label:
            return (skip, after) if after > skip and not self._kept(lowered, skip, after) else None
        if skip > i + 1:
            return (skip, after) if after > skip else None
        if not capital:
            return (i + 1, after) if after > i + 1 and not self._kept(lowered, i + 1, after) else None
        first = i
        while first > 0 and not run_words[first].startswith("\0") \
                and (lowered[first - 1] not in PERSON_TRIGGERS or lowered[first - 1] in ABBREVIATIONS) \
                and (words[first - 1][:1].isupper() or (lowered[first - 1] in NAME_INNER and first > 1
                                                        and words[first - 2][:1].isupper())):
            first -= 1  # 'Johan de Witt College'; not across 'van' ('Meijer van Praktijk De Wissel')
        while first < i and (first == 0 or run_words[first].startswith("\0")) \
                and (lowered[first] in self.lexicon.function_words or self._ordinary_capital(lowered[first])):
            first += 1  # 'Vanuit Buurtteam Overvecht': the sentence's first word is an ordinary word
        if first == i and after == i + 1:
            return None  # 'Praktijk' or 'School' alone is a word, not a name
        if lowered[i] == MUNICIPALITY_WORD and first == i:
            return None  # 'Gemeente Utrecht' is the municipality (a place); 'Evangelie Gemeente Maranatha' a church
        if all(words[k].isupper() for k in range(first, i)) and self._kept(lowered, first, i) \
                and (after == i + 1 or self._kept(lowered, i + 1, after)):
            return None  # 'Stichting MEE', 'GGD Kliniek': names the keep-list holds (not 'Libanon Lyceum')
        if first == i and after > i + 1 and self.lexicon.keep.match(lowered, i):
            return i + 1, after  # 'Buurtteam Overvecht': the head is a sector word and stays
        return first, max(after, i + 1)

    def _kept(self, lowered: list[str], start: int, end: int) -> bool:
        """The words start..end are all covered by keep-list phrases (or there are none)."""
        k = start
        while k < end:
            found = self.lexicon.keep.match(lowered, k)
            if not found:
                return False
            k += found[0]
        return True

    @staticmethod
    def _sentence_start(text: str, start: int) -> bool:
        k = start - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        return k < 0 or text[k] in SENTENCE_END

    def _proper(self, lowered: list[str], i: int, n: int, initial: bool) -> bool:
        """A listed name that is also an ordinary word counts only after a place preposition ('in Houten', not
        'Houten meubels' at the start of a sentence)."""
        ordinary = lowered[i] in self.lexicon.common_words or (initial and self.lexicon.zipf(lowered[i]) >= 2.5)
        if n > 1 or not ordinary:
            return True
        return i > 0 and lowered[i - 1] in PLACE_PREPOSITIONS

    @staticmethod
    def _name_run(words: list[str], j: int, allow_article: bool, fresh: bool = False) -> int:
        """End (exclusive) of a run of capitalised words (and inner particles) starting at j; j if none. A run
        never crosses a break (a word marked with \\0); with `fresh`, word j itself may follow one."""
        if fresh and j < len(words) and words[j].startswith("\0"):
            words = [*words[:j], words[j][1:], *words[j + 1:]]
        k = j
        if allow_article and k < len(words) and words[k].lower() in ("de", "het", "t") and k + 1 < len(words) \
                and words[k + 1][:1].isupper():
            k += 1
        end = j
        while k < len(words) and (words[k][:1].isupper() or (words[k].lower() in PARTICLES and end > j)):
            k += 1
            if words[k - 1][:1].isupper() or words[k - 1].isdigit():
                end = k
        return end

    def _surname_run(self, words: list[str], lowered: list[str], j: int) -> int:
        """After a first name: particles and capitalised words that form the surname."""
        k, end = j, j
        heads = self.lexicon.heads
        keep = self.lexicon.keep
        while k < len(words) and (lowered[k] in PARTICLES or words[k][:1].isupper()) and lowered[k] not in heads \
                and not (words[k][:1].isupper() and keep.match(lowered, k)):  # 'Tineke van de Sociale Dienst'

            k += 1
            if words[k - 1][:1].isupper():
                end = k
        return max(end, j)

    def _person_run(self, words: list[str], lowered: list[str], j: int) -> int:
        """After a title or relation word: the name (capitalised, or a known first name typed in lowercase)."""
        k = j
        while k < len(words) and lowered[k] in PARTICLES and k + 1 < len(words):
            k += 1
        if k < len(words) and (words[k][:1].isupper()
                               or (lowered[k] in self.lexicon.first_names
                                   and lowered[k] not in self.lexicon.common_words)):
            return self._surname_run(words, lowered, k + 1) if words[k][:1].isupper() else k + 1
        return 0

    @classmethod
    def _resolve(cls, text: str, candidates: list[_Candidate], keep: list[tuple[int, int]],
                 protected: list[tuple[int, int]], public: list[tuple[int, int]] = ()) -> list[_Candidate]:
        keep_index = _Intervals((a, b, None) for a, b in keep)
        protected_index = _Intervals((a, b, None) for a, b in protected)
        public_index = _Intervals((a, b, None) for a, b in public) if public else None
        chosen = _Intervals()
        for c in sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
            # a keep-word blocks a weak candidate, unless a listed name contains it ('GGZ inGeest' around 'GGZ')
            if c.priority >= 2 and any(not (c.priority == 2 and c.start <= a and b <= c.end and b - a < c.end - c.start)
                                       for a, b, _ in keep_index.overlapping(c.start, c.end)):
                continue
            if protected_index.overlapping(c.start, c.end):
                continue
            if public_index is not None and c.placeholder is None and c.category == "adres" and any(
                    a <= c.start and c.end <= b for a, b, _ in public_index.overlapping(c.start, c.end)):
                continue  # 'de Beleidsnota Sociaal Domein 2026' looks like a street and number, but is a title
            if public_index is not None and c.placeholder is None and c.category not in DIRECT_CATEGORIES:
                # a public name blocks all but the register and the direct identifiers; a name found before it
                # keeps its capitalised words up to it ('mevrouw [Jansen] van Parlan …')
                inside = public_index.overlapping(c.start, c.end)
                if inside:
                    first = min(a for a, _, _ in inside)
                    end = cls._capitalised_head(text, c.start, first) if c.priority >= 3 else c.start
                    if end <= c.start:
                        continue
                    c = replace(c, end=end)
            overlapping = [o for _, _, o in chosen.overlapping(c.start, c.end)]
            contains_persons = c.category == "persoon" and all(
                o.category == "persoon" and c.start <= o.start and o.end <= c.end for o in overlapping)
            if overlapping and not contains_persons and c.priority >= 3 \
                    and min(o.start for o in overlapping) > c.start:
                # 'Tineke van de Sociale Dienst [Drechtsteden]': the name up to the first lowercase word
                end = cls._capitalised_head(text, c.start, min(o.start for o in overlapping))
                if end > c.start:
                    c = _Candidate(c.start, end, c.category, c.confidence, c.priority, c.placeholder)
                    overlapping = []
            if overlapping and c.category == "adres" and max(o.end for o in overlapping) < c.end \
                    and all(o.start <= c.start or o.end <= c.end for o in overlapping):
                # 'Noor op het Kerkerf 9' where 'Noor' is a registered name: the address is what follows it
                after = max(o.end for o in overlapping)
                street = next((m.start() for m in TOKEN.finditer(text, after, c.end) if m.group()[:1].isupper()), None)
                if street is not None and not chosen.overlapping(street, c.end):
                    c = _Candidate(street, c.end, c.category, c.confidence, c.priority, c.placeholder)
                    overlapping = []
            if not overlapping:
                chosen.add(c.start, c.end, c)
            elif contains_persons:
                # 'K.M. Nowak' around a registered 'Nowak': take the whole name, keep the register's placeholder
                for o in overlapping:
                    chosen.remove(o.start, o.end, o)
                placeholder = next((o.placeholder for o in overlapping if o.placeholder), None)
                merged = _Candidate(c.start, c.end, c.category, max(o.confidence for o in overlapping),
                                    min(o.priority for o in overlapping), placeholder)
                chosen.add(merged.start, merged.end, merged)
        return [item for _, _, item in chosen.items]

    @staticmethod
    def _render(text: str, chosen: list[_Candidate], register: CaseRegister,
                book: PlaceholderBook, unsure: int) -> Anonymised:
        out: list[str] = []
        spans: list[QuoteSpan] = []
        pos = 0
        length = 0
        for c in chosen:
            if c.placeholder is not None:
                label = c.placeholder
            elif c.category in NUMBERED:
                label = f"{c.category} {book.number(c.category, register.keyed(text[c.start:c.end]))}"
            else:
                label = placeholder_label(c.category)
            placeholder = f"[{label}]"
            out.append(text[pos:c.start])
            length += c.start - pos
            spans.append(QuoteSpan(length, length + len(placeholder), c.category, placeholder, c.confidence))
            out.append(placeholder)
            length += len(placeholder)
            pos = c.end
        out.append(text[pos:])
        return Anonymised("".join(out), tuple(spans), tuple((c.start, c.end) for c in chosen), unsure)
