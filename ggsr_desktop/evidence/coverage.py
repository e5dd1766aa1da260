"""A case's evidence coverage: quotes per indicator and source kind (the interview screen's guide)."""

from __future__ import annotations

from dataclasses import dataclass

from ggsr_desktop.framework import Framework
from ggsr_desktop.models import SOURCES
from ggsr_desktop.store import Store


@dataclass(frozen=True)
class Coverage:
    """Quotes per indicator and source kind in one case (a quote coded twice to one indicator counts once)."""

    counts: dict[str, dict[str, int]]

    def of(self, indicator_id: str) -> dict[str, int]:
        return {source: self.counts.get(indicator_id, {}).get(source, 0) for source in SOURCES}

    def missing(self, framework: Framework) -> list[str]:
        """Indicators without any evidence yet ('nog geen bewijs')."""
        return [i.id for i in framework.indicators if not any(self.of(i.id).values())]


def case_coverage(store: Store, case_id: int) -> Coverage:
    return Coverage(store.coding_counts_by_source(case_id))
