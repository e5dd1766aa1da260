"""Benchmark figures of team work: merging 30 exchange files of an approach with 600 quotes each into a round
database, against a raw SQL insert of the same rows measured in the same run."""

from __future__ import annotations

import json
import re
import tempfile
import time
import uuid as uuidlib
from pathlib import Path

from ggsr_desktop.bench.figures import Figure

BUNDLES = 30
QUOTES = 600
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _variant(data: dict, k: int) -> dict:
    """The payload as if it were another approach: every id replaced consistently, the name numbered."""
    text = json.dumps(data, ensure_ascii=False)
    fresh: dict[str, str] = {}
    text = _UUID.sub(lambda m: fresh.setdefault(m.group(0), str(uuidlib.uuid4())), text)
    out = json.loads(text)
    out["study"]["uuid"] = data["study"]["uuid"]  # one round: the same study
    for a in out["approaches"]:
        a["name"] = f"{a['name']} {k + 1}"
        a["study"] = data["study"]["uuid"]
    return out


def merge_figure(bundles: int = BUNDLES, quotes: int = QUOTES) -> Figure:
    from ggsr_desktop import __version__
    from ggsr_desktop.exchange import merge as merging
    from ggsr_desktop.exchange.bundle import Secret, write_bundle
    from ggsr_desktop.exchange.synthetic import write_synthetic_study
    from ggsr_desktop.exchange.team import merge_bundle
    from ggsr_desktop.framework import load_catalog
    from ggsr_desktop.store import Store
    from ggsr_desktop.store.baseline import raw_payload_insert
    from ggsr_desktop.store.keyfile import new_recovery_key_pair

    catalog = load_catalog()
    framework = catalog.get("casusniveau")
    pair = new_recovery_key_pair()  # a team key: X25519 is fast, so the figure is the merge, not the key derivation
    with tempfile.TemporaryDirectory(prefix="ggsr-bench-team-") as tmp:
        folder = Path(tmp)
        write_synthetic_study(folder / "bron.sqlite", quotes, seed=11, approaches=1)
        with Store.open(folder / "bron.sqlite", keep_backups=False) as store:
            data = merging.payload(store, 1, [1])
        variants = [_variant(data, k) for k in range(bundles)]
        header = {"framework": framework.id, "fingerprint": framework.fingerprint, "study": data["study"]["name"]}
        paths = []
        for k, variant in enumerate(variants):
            paths.append(folder / f"aanpak-{k + 1}.ggsr-bundle")
            write_bundle(paths[-1], "aanpak", header, variant, Secret(team_public_pem=pair.public_pem), __version__,
                         "bench")
        ours = Store.create(folder / "ronde.sqlite")
        try:
            start = time.perf_counter()
            for path in paths:
                merge_bundle(ours, path, Secret(team_private_pem=pair.private_pem), catalog, author="bench")
            merged = time.perf_counter() - start
            total = ours.totals()["quotes"]
        finally:
            ours.close(backup=False)
        with Store.create(folder / "kaal.sqlite") as bare:
            bare.add_study(data["study"]["name"], framework.id)
        baseline = sum(raw_payload_insert(folder / "kaal.sqlite", variant) for variant in variants)
    ratio_ok = merged <= 3 * baseline
    return Figure(f"merge_{bundles}x{quotes}", merged, "s", baseline, "ratio ≤ 3", ratio_ok,
                  note=f"{total} citaten samengevoegd")


def national_figure(approaches: int = 30, repeat: int = 3) -> Figure:
    """Aggregation and the national report's export over `approaches` policy-level approaches (read from the round
    database, counted, guarded, laid out with its native charts), against a bare python-docx document with the same
    paragraphs, tables and charts."""
    import random
    import statistics

    from ggsr_desktop.bench.figures import timed
    from ggsr_desktop.framework import load_catalog
    from ggsr_desktop.models import APPROACH_ATTRIBUTES, Mark
    from ggsr_desktop.report.national import export_national
    from ggsr_desktop.store import Store

    catalog = load_catalog()
    framework = catalog.get("beleidsniveau")
    rng = random.Random(13)
    with tempfile.TemporaryDirectory(prefix="ggsr-bench-national-") as tmp:
        folder = Path(tmp)
        with Store.create(folder / "ronde.sqlite") as store:
            study = store.add_study("Benchmark beleidsniveau", framework.id)
            with store.transaction():
                for k in range(approaches):
                    a = store.add_approach(study.id, f"Gemeente {k // 2 + 1:02d}", f"Aanpak {k + 1:02d}")
                    for ind in framework.indicators:
                        mark = Mark.SATISFIED if rng.random() < 0.7 else Mark.IMPROVEMENT
                        store.set_judgement(a.id, ind.id, author="bench", mark=mark.value, finding="Bevinding.")
                    for key in ("type_aanpak", "gezinsplan_leidend", "problemen_beschikbaarheid"):
                        store.set_approach_attribute(a.id, key, rng.choice(APPROACH_ATTRIBUTES[key]))
            out = folder / "landelijk.docx"
            export_national(store, catalog, study.id, out)  # warm-up: imports python-docx
            ours = statistics.median(timed(lambda: export_national(store, catalog, study.id, out), repeat))
        bare = statistics.median(timed(lambda: _bare_with_images(out, folder / "kaal.docx"), repeat))
    return Figure(f"export_national_{approaches}", ours / 1000, "s", bare / 1000, "ratio ≤ 2", ours <= 2 * bare)


def _bare_with_images(source: Path, out: Path) -> None:
    """The baseline: python-docx writing the paragraphs, table rows, pictures and charts (their parts as they are,
    not generated) of `source` into a new document."""
    import io

    import docx
    from docx.shared import Mm

    from ggsr_desktop.report.docx_chart import ChartWriter

    document = docx.Document(str(source))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    parts = list(document.part.related_parts.values())
    images = [part.blob for part in parts if part.content_type.startswith("image/")]
    charts = [part.blob for part in parts if part.content_type.endswith("chart+xml")]
    bare = docx.Document()
    for text in paragraphs:
        bare.add_paragraph(text)
    for rows in tables:
        table = bare.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=False):
                cell.text = text
    for blob in images:
        bare.add_picture(io.BytesIO(blob), width=Mm(150))
    writer = ChartWriter(bare)
    for blob in charts:
        writer.add(bare.add_paragraph(), blob, 150, 60, "Figuur", "")
    bare.save(str(out))
