"""Word lists the anonymiser matches against, in a lean structure of our own.

Names and places come from the data files that ship inside the `deduce` package (Dutch de-identification,
LGPL/GPL); we read those files directly and never import deduce itself (its import sets the root logger to
DEBUG on stdout, and its own structures take about 1.1 GB and seconds to build). Institutions, neighbourhoods,
school words and the keep-list are the app's own lists in `resources/anonymise/`. The broad lexicon of ordinary
Dutch words (`woorden_nl.tsv.gz`: every word of wordfreq's Dutch data that the OpenTaal dictionary accepts in
lowercase, with its Zipf frequency) tells an ordinary word written with a capital from a name; see
`resources/anonymise/README.md` for sources and licences.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.errors import GgsrError

TOKEN = re.compile(r"\w+", re.UNICODE)

# Tussenvoegsels and name particles (lowercase).
PARTICLES = frozenset(
    ["van", "de", "der", "den", "het", "'t", "t", "ter", "ten", "te", "v", "d", "vd", "el", "al", "ben", "bin", "ibn",
     "abu", "da", "di", "du", "dos", "das", "del", "della", "la", "le", "les", "von", "zu", "zum", "vom", "mc", "mac",
     "o"]
)


# Dutch function words that are also first names or nicknames (added to deduce's stop words).
FUNCTION_WORDS = frozenset(["wil", "mag", "ben", "kan", "dan", "bas", "will", "jan", "en", "of", "maar", "toen",
                            "dus", "als", "al", "nog", "wel", "niet", "ook", "zo"])


# A capitalised word whose lowercase form is at least this frequent (Zipf scale: 3 = once per million words) is an
# ordinary word; rarer words count as ordinary only in positions where a name is unlikely (see `Lexicon.is_word`).
FREQUENT = 3.0
# Linking sounds in Dutch compounds: 'schuld|hulp|verlening', 'kind|er|opvang', 'gemeente|s|huis'.
_LINKS = ("", "s", "e", "en", "er")
# Regular endings on a known stem: 'mijdend' (mijden), 'gezinnen' is listed itself, 'hulpverleners' (hulpverlener).
_INFLECTIONS = (("end", "en"), ("ende", "en"), ("s", ""), ("en", ""), ("e", ""), ("er", ""), ("tje", ""),
                ("tjes", ""), ("je", ""), ("jes", ""), ("heid", ""), ("ing", "en"), ("de", "en"), ("te", "en"))
# Prefixes that make words of any word: 'multiprobleemgezin', 'ex-partner', 'oud-leerling'.
_PREFIXES = frozenset(["multi", "anti", "pre", "post", "ex", "mega", "super", "sub", "inter", "co", "oud", "niet",
                       "on", "her", "hyper", "mini", "maxi", "semi", "pseudo", "non", "mede", "hoofd", "vice"])


class LexiconError(GgsrError):
    """The word lists cannot be found or read."""


def _deduce_data() -> Path:
    spec = importlib.util.find_spec("deduce")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise LexiconError("het pakket 'deduce' (naam- en plaatslijsten) is niet geïnstalleerd")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"kan woordenlijst niet lezen: {path}: {exc.strerror}") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _list(folder: Path) -> list[str]:
    items = _lines(folder / "items.txt")
    exceptions = folder / "exceptions.txt"
    if exceptions.is_file():
        drop = set(_lines(exceptions))
        items = [i for i in items if i not in drop]
    return items


def _plain(word: str) -> str:
    """The word without diacritics ('één' -> 'een')."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def tokens(text: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(text))


@dataclass
class PhraseIndex:
    """Multi-word phrases by their first token (lowercased), longest first."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    def add(self, phrase: str, category: str) -> None:
        toks = tuple(t.lower() for t in tokens(phrase))
        if toks:
            self.by_first.setdefault(toks[0], []).append((toks, category))

    def finish(self) -> None:
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, lowered: list[str], i: int) -> tuple[int, str] | None:
        """Longest phrase starting at token i: (number of tokens, category)."""
        for toks, category in self.by_first.get(lowered[i], ()):
            n = len(toks)
            if tuple(lowered[i:i + n]) == toks:
                return n, category
        return None


@dataclass
class Lexicon:
    first_names: frozenset[str]  # lowercase
    surnames: frozenset[str]  # lowercase, single tokens
    common_words: frozenset[str]  # lowercase ordinary Dutch words (names that are also words live here too)
    function_words: frozenset[str]  # lowercase function words ('wil', 'mag', 'ben'): a first name like that
    # in the register matches only when capitalised
    school_words: frozenset[str]  # lowercase words that introduce a school name
    places: PhraseIndex  # residences, municipalities, provinces, regions -> 'plaats'; wijken -> 'wijk'
    institutions: PhraseIndex  # -> 'woningcorporatie', 'zorgaanbieder', 'instelling'
    keep: PhraseIndex  # phrases that must never be redacted
    words: dict[str, float] = field(default_factory=dict)  # lowercase ordinary Dutch words -> Zipf frequency
    heads: dict[str, str] = field(default_factory=dict)  # head words of institution names -> category
    _cache: dict[str, bool] = field(default_factory=dict, repr=False)  # is_word answers for rare words

    def zipf(self, lower: str) -> float:
        """Zipf frequency of an ordinary lowercase word; 0 when it is not a known word."""
        return self.words.get(lower, 0.0)

    def is_word(self, lower: str, frequent: float = FREQUENT) -> bool:
        """An ordinary Dutch word: listed at least this frequent or, for `frequent` <= 2.5, also an inflection
        of a listed word ('mijdend') or a compound of known words ('zorgmijdend', 'multiprobleemgezin')."""
        if self.words.get(lower, 0.0) >= frequent or lower in self.common_words:
            return True
        plain = _plain(lower)
        if plain != lower and (self.words.get(plain, 0.0) >= frequent or plain in self.common_words):
            return True  # 'Eén', 'Hé', 'Cliënt' typed with or without the accents
        if frequent > 2.5:
            return False
        cached = self._cache.get(lower)
        if cached is None:
            cached = self._cache[lower] = self._known(lower) or self._compound(lower, 2)
        return cached

    def _known(self, part: str) -> bool:
        """A part of a compound: a listed word (of some frequency) or a regular inflection of one."""
        if self.words.get(part, 0.0) >= 2.5:
            return True
        for ending, stem_end in _INFLECTIONS:
            if part.endswith(ending) and len(part) - len(ending) >= 3 \
                    and self.words.get(part[:len(part) - len(ending)] + stem_end, 0.0) >= 2.5:
                return True
        return False

    def _compound(self, lower: str, depth: int) -> bool:
        if len(lower) < 6 or depth == 0:
            return False
        for cut in range(2, len(lower) - 2):
            head, tail = lower[:cut], lower[cut:]
            if not (self._known(tail) or self._compound(tail, depth - 1)):
                continue
            if head in _PREFIXES:
                return True
            for link in _LINKS:
                stem = head[:len(head) - len(link)] if link else head
                if head.endswith(link) and len(stem) >= 3 and self._known(stem):
                    return True
        return False

    @classmethod
    def load(cls) -> Lexicon:
        src = _deduce_data()
        own = paths.resources_dir() / "anonymise"
        common = {w.lower() for w in _list(src / "whitelist" / "lst_common_word")}
        function = {w.lower() for w in _list(src / "whitelist" / "lst_stop_word")} | FUNCTION_WORDS
        common |= function
        common |= {w.lower() for w in _own(own, "gewone_woorden.txt")}
        places = PhraseIndex()
        for sub in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
            for name in _list(src / "locations" / "lst_placename" / sub):
                places.add(name, "plaats")
        for name in _own(own, "plaatsen.txt"):
            places.add(name, "plaats")
        for name in _own(own, "wijken.txt"):
            places.add(name, "wijk")
        places.finish()
        institutions = PhraseIndex()
        for sub in ("lst_hospital", "lst_healthcare_institution"):
            for name in _list(src / "institutions" / sub):
                institutions.add(name, "zorgaanbieder")
        for name in _own(own, "zorgaanbieders.txt"):
            institutions.add(name, "zorgaanbieder")
        for name in _own(own, "woningcorporaties.txt"):
            institutions.add(name, "woningcorporatie")
        institutions.finish()
        keep = PhraseIndex()
        for name in _own(own, "behouden.txt"):
            keep.add(name, "behouden")
        keep.finish()
        words = _frequencies(own / "woorden_nl.tsv.gz")
        for word, zipf in [(w, z) for w, z in words.items() if not w.isascii()]:  # 'client' for 'cliënt'
            plain = _plain(word)
            if plain != word and words.get(plain, 0.0) < zipf:
                words[plain] = zipf
        return cls(
            first_names=frozenset(n.lower() for n in _list(src / "names" / "lst_first_name")),
            surnames=frozenset(n.lower() for n in _list(src / "names" / "lst_surname") if " " not in n),
            common_words=frozenset(common),
            function_words=frozenset(function),
            school_words=frozenset(w.lower() for w in _own(own, "scholen.txt")),
            places=places,
            institutions=institutions,
            keep=keep,
            words=words,
            heads=_heads(own / "kernwoorden.txt"),
        )


def _heads(path: Path) -> dict[str, str]:
    heads = {}
    for line in _lines(path):
        word, _, category = line.partition("\t")
        if not category:
            raise LexiconError(f"{path}: regel zonder tab en categorie: '{line}'")
        heads[word.lower()] = category.strip()
    return heads


def _frequencies(path: Path) -> dict[str, float]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise LexiconError(f"kan woordenlijst niet lezen: {path}: {exc}") from None
    try:
        return {word: float(zipf) for word, zipf in rows}
    except ValueError:
        raise LexiconError(f"woordenlijst beschadigd: {path}") from None


def _own(folder: Path, name: str) -> list[str]:
    path = folder / name
    return _lines(path) if path.is_file() else []
