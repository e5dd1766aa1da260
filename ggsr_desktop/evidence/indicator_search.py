"""Finding indicators by a few typed letters (the indicator picker and the judgement dialogs)."""

from __future__ import annotations

import unicodedata

from ggsr_desktop.framework import Framework, Indicator


def find_indicators(framework: Framework, query: str, limit: int = 20) -> list[Indicator]:
    """Indicators whose text (or id) has a word starting with each typed fragment: 'net kaa' finds
    'Het sociale netwerk … in kaart gebracht'. Accents and case do not matter; framework order is kept."""
    fragments = fold(query).split()
    if not fragments:
        return list(framework.indicators)[:limit]
    found = []
    for indicator in framework.indicators:
        words = _words(f"{indicator.text} {indicator.id}")
        if all(any(w.startswith(f) for w in words) for f in fragments):
            found.append(indicator)
            if len(found) == limit:
                break
    return found


def _words(text: str) -> list[str]:
    folded = fold(text)
    return "".join(c if c.isalnum() else " " for c in folded).split()


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
