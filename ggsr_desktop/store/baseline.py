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


def raw_payload_insert(path, payload: dict) -> float:
    """The merge benchmark's baseline: the rows of an exchange payload (approaches, cases, interviews, quotes with
    codings and spans, judgements) inserted with plain SQL in one transaction into the (unencrypted) database at
    `path`, which has the current schema and the payload's study. Seconds."""
    conn = connect(path, None)
    start = time.perf_counter()
    try:
        conn.execute("BEGIN IMMEDIATE")
        study = conn.execute("SELECT id FROM studies ORDER BY id LIMIT 1").fetchone()[0]
        ids: dict[str, int] = {}
        for a in payload["approaches"]:
            ids[a["uuid"]] = conn.execute(
                "INSERT INTO approaches (study_id, municipality, name, created, updated, uuid) "
                "VALUES (?, ?, ?, '', '', ?)",
                (study, a["municipality"], a["name"], a["uuid"])).lastrowid
        for c in payload["cases"]:
            ids[c["uuid"]] = conn.execute(
                "INSERT INTO cases (approach_id, code, created, survey, uuid) VALUES (?, ?, '', ?, ?)",
                (ids[c["approach"]], c["code"], int(c["survey"]), c["uuid"])).lastrowid
        for i in payload["interviews"]:
            ids[i["uuid"]] = conn.execute(
                "INSERT INTO interviews (case_id, role, date, status, created, updated, uuid) "
                "VALUES (?, ?, ?, ?, '', '', ?)",
                (ids[i["case"]], i["role"], i["date"], i["status"], i["uuid"])).lastrowid
        for q in payload["quotes"]:
            qid = conn.execute("INSERT INTO quotes (interview_id, text, kind, created, updated, needs_review, uuid) "
                               "VALUES (?, ?, ?, '', '', ?, ?)",
                               (ids[q["interview"]], q["text"], q["kind"], int(q["needs_review"]), q["uuid"])).lastrowid
            ids[q["uuid"]] = qid
            conn.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)",
                             [(qid, ind, st) for ind, st in q["codings"]])
            conn.executemany("INSERT INTO quote_spans (quote_id, position, start, end, category, placeholder, "
                             "confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             [(qid, k, *s) for k, s in enumerate(q["spans"])])
        for j in payload["judgements"]:
            conn.execute("INSERT INTO judgements (approach_id, indicator_id, mark, finding, highlight, updated) "
                         "VALUES (?, ?, ?, ?, ?, '')",
                         (ids[j["approach"]], j["indicator"], j["mark"], j["finding"], j["highlight"]))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return time.perf_counter() - start
