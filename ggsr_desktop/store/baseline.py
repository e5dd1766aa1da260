"""The benchmark's baseline for saving a quote: the same rows written with plain SQL on a second connection in the
same mode (SQLCipher, WAL, synchronous), one transaction and commit per quote. Here because only `store/` runs SQL."""

from __future__ import annotations

import time

from ggsr_desktop.models import Kind, Stance
from ggsr_desktop.store.connection import connect


def raw_quote_inserts(store, interview: int, texts: list[str]) -> list[float]:
    """Milliseconds per quote; `store` is open (its file and key are used, not its connection)."""
    conn = connect(store.path, store._key)
    times = []
    try:
        for text in texts:
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute("INSERT INTO quotes (interview_id, text, kind, created, updated, needs_review) "
                               "VALUES (?, ?, ?, '2026-01-01', '2026-01-01', 0)", (interview, text, Kind.QUOTE.value))
            conn.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)",
                             [(cur.lastrowid, "aanpak.doelen", Stance.POSITIVE.value),
                              (cur.lastrowid, "aanpak.outreachend", Stance.NEUTRAL.value)])
            conn.execute("COMMIT")
            times.append((time.perf_counter() - start) * 1000)
    finally:
        conn.close()
    return times


def codings_per_indicator(store) -> list[dict]:
    return store._rows("SELECT indicator_id, count(*) AS n FROM codings GROUP BY indicator_id")
