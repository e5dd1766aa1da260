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
