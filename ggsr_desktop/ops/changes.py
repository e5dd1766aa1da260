"""What an operation changed, so that every screen refreshes only that (as Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which kinds of records an operation (or its undo) changed. `tree`: studies, approaches, cases or
    interviews were added or removed (the study tree is rebuilt); `interviews`: an interview's date or status."""

    quotes: bool = False
    interviews: bool = False
    judgements: bool = False
    sections: bool = False
    texts: bool = False
    tree: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self) if getattr(self, f.name))


NOTHING = Changes()
QUOTES = Changes(quotes=True)
INTERVIEWS = Changes(interviews=True)
JUDGEMENTS = Changes(judgements=True)
SECTIONS = Changes(sections=True)
TEXTS = Changes(texts=True)
TREE = Changes(tree=True)
