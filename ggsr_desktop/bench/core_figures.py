"""Benchmark figures of the core, measured in this process: saving a quote, the evidence matrix, full-text search and
the export of the nota, each against its baseline."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from ggsr_desktop.bench.figures import Figure, percentile, timed
from ggsr_desktop.models import Kind, Role, Stance

PASSPHRASE = "benchmark wachtwoord lang genoeg"
SEARCH_WORDS = ("gezinscoach", "schulden", "wachtlijst", "school", "plan", "netwerk")


def quote_save(texts: list[str], folder: Path) -> list[Figure]:
    """Saving one quote through the core (anonymise, insert, code, durable commit) on an encrypted store, and the
    store part alone, against a raw insert + commit of the same row on a SQLCipher connection in the same mode."""
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.ops.capture import Capture
    from ggsr_desktop.store import database
    from ggsr_desktop.store.baseline import raw_quote_inserts

    store = database.create_database(folder / "opslaan.sqlite", PASSPHRASE)
    try:
        study = store.add_study("Benchmark", "casusniveau")
        case = store.add_case(store.add_approach(study.id, "Wadlo", "Aanpak").id, "Gezin A")
        interview = store.add_interview(case.id, Role.FAMILY).id
        capture = Capture(store, Anonymiser())
        codings = {"aanpak.doelen": Stance.POSITIVE, "aanpak.outreachend": Stance.NEUTRAL}
        full, store_part = [], []
        for text in texts:
            start = time.perf_counter()
            capture.save_quote(interview, text, Kind.QUOTE, codings)
            full.append((time.perf_counter() - start) * 1000)
        for text in texts:
            start = time.perf_counter()
            store.add_quote(interview, text, Kind.QUOTE, codings)
            store_part.append((time.perf_counter() - start) * 1000)
        raw = raw_quote_inserts(store, interview, texts)
    finally:
        store.close(backup=False)
    return [
        Figure("save_p50", statistics.median(full), "ms", statistics.median(raw), "—", None),
        Figure("save_p99", percentile(full, 99), "ms", percentile(raw, 99), "≤ 15 ms", percentile(full, 99) <= 15),
        Figure("save_store_part_p99", percentile(store_part, 99), "ms", percentile(raw, 99), "ratio ≤ 3",
               percentile(store_part, 99) <= 3 * percentile(raw, 99)),
    ]


def matrix_and_search(db: Path, repeat: int, label: str) -> list[Figure]:
    from ggsr_desktop.evidence.matrix import evidence_matrix
    from ggsr_desktop.framework import load_catalog
    from ggsr_desktop.store import Store
    from ggsr_desktop.store.baseline import codings_per_indicator

    framework = load_catalog().get("casusniveau")
    with Store.open(db, keep_backups=False) as store:
        approach = store.list_approaches()[0].id
        evidence_matrix(store, framework, approach)  # warm the page cache once, like a second look
        matrix = statistics.median(timed(lambda: evidence_matrix(store, framework, approach), repeat))
        group_by = statistics.median(timed(lambda: codings_per_indicator(store), repeat))
        searches = []
        for word in SEARCH_WORDS:
            store.search_quotes(word, limit=200)
            searches += timed(lambda w=word: store.search_quotes(w, limit=200), max(3, repeat // 3))
    return [
        Figure(f"evidence_matrix_{label}", matrix, "ms", group_by, "≤ 50 ms", matrix <= 50),
        Figure(f"search_{label}", statistics.median(searches), "ms", None, "≤ 20 ms (first 200 hits)",
               statistics.median(searches) <= 20),
    ]


def export(repeat: int) -> Figure:
    """The nota of an approach with 600 quotes, against python-docx writing the same paragraphs and table rows."""
    from ggsr_desktop.exchange.synthetic import write_synthetic_study
    from ggsr_desktop.framework import load_catalog
    from ggsr_desktop.report import export_nota
    from ggsr_desktop.store import Store

    framework = load_catalog().get("casusniveau")
    with tempfile.TemporaryDirectory(prefix="ggsr-bench-export-") as tmp:
        folder = Path(tmp)
        write_synthetic_study(folder / "export.sqlite", 600, seed=7, approaches=1)
        out = folder / "nota.docx"
        with Store.open(folder / "export.sqlite", keep_backups=False) as store:
            export_nota(store, framework, 1, out)  # warm-up (imports python-docx)
            ours = statistics.median(timed(lambda: export_nota(store, framework, 1, out), repeat))
        paragraphs, tables = _content_of(out)
        bare = statistics.median(timed(lambda: _bare_docx(paragraphs, tables, folder / "kaal.docx"), repeat))
    return Figure("export_nota_600", ours / 1000, "s", bare / 1000, "ratio ≤ 1.5", ours / bare <= 1.5)


def _content_of(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    import docx

    document = docx.Document(str(path))
    return ([p.text for p in document.paragraphs],
            [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables])


def _bare_docx(paragraphs: list[str], tables: list[list[list[str]]], out: Path) -> None:
    """The baseline: a bare python-docx script writing the same paragraphs and table rows."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=False):
                cell.text = text
    document.save(str(out))
