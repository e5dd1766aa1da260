"""Word lists the anonymiser matches against, in a lean structure of our own.

Names and places come from the data files that ship inside the `deduce` package (Dutch de-identification,
LGPL/GPL); we read those files directly and never import deduce itself (its import sets the root logger to
DEBUG on stdout, and its own structures take about 1.1 GB and seconds to build). Institutions, neighbourhoods,
school words and the keep-list are the app's own lists in `resources/anonymise/`.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.errors import GgsrError

TOKEN = re.compile(r"\w+", re.UNICODE)

# Tussenvoegsels and name particles (lowercase).
PARTICLES = frozenset(
    ["van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "v", "d", "vd", "el", "al", "ben", "bin", "ibn", "abu", "da", "di", "du", "dos", "das", "del", "della", "la", "le", "les", "von", "zu", "zum", "vom", "mc", "mac", "o"]
)


# Dutch function words that are also first names or nicknames (added to deduce's stop words).
FUNCTION_WORDS = frozenset(["wil", "mag", "ben", "kan", "dan", "bas", "will", "jan", "en", "of", "maar", "toen", "dus", "als", "al", "nog", "wel", "niet", "ook", "zo"])


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
        return cls(
            first_names=frozenset(n.lower() for n in _list(src / "names" / "lst_first_name")),
            surnames=frozenset(n.lower() for n in _list(src / "names" / "lst_surname") if " " not in n),
            common_words=frozenset(common),
            function_words=frozenset(function),
            school_words=frozenset(w.lower() for w in _own(own, "scholen.txt")),
            places=places,
            institutions=institutions,
            keep=keep,
        )


def _own(folder: Path, name: str) -> list[str]:
    path = folder / name
    return _lines(path) if path.is_file() else []
