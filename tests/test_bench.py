"""`ggsr-desktop bench --quick --json` on tiny sizes: only that the output is well-formed (no timing assertions;
the figures themselves belong to the command's own run on a quiet machine)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

from ggsr_desktop.bench import Figure, table

EXPECTED = {"startup_200", "memory_200", "save_p50", "save_p99", "save_store_part_p99", "anonymiser_init",
            "anonymiser_on_gui_thread", "anonymiser_p50", "anonymiser_p95", "anonymiser_max", "anonymiser_rss",
            "evidence_matrix_200", "search_200", "export_nota_600", "merge_2x40", "export_national_30"} | {
            f"anon_{s}_{f}" for s in ("dev", *(f"blind{n}" for n in range(1, 9)))
            for f in ("item_recall", "register_names", "direct", "false_redactions", "p95")}


def test_bench_quick_json_is_well_formed(tmp_path):
    out = tmp_path / "bench.json"
    env = {**os.environ, "GGSR_BENCH_SIZES": "100,200", "GGSR_BENCH_REPEAT": "1",
           "GGSR_BENCH_TEAM": "2,40", "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "ggsr_desktop", "bench", "--quick", "--json", "--out", str(out)],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    assert {f["name"] for f in figures} == EXPECTED
    for f in figures:
        assert set(f) == {"name", "value", "unit", "baseline", "ratio", "target", "pass"}
        assert isinstance(f["value"], (int, float)) and math.isfinite(f["value"]) and f["value"] >= 0
        assert f["baseline"] is None or (isinstance(f["baseline"], (int, float)) and f["baseline"] >= 0)
        assert (f["ratio"] is None) == (f["baseline"] in (None, 0))
        assert isinstance(f["target"], str) and f["pass"] in (True, False, None)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["figures"] == figures and "kernen" in saved["machine"]
    assert "synthetische studie" in run.stderr  # progress goes to stderr, the JSON alone to stdout


def test_the_table_has_a_row_per_figure():
    rows = table([Figure("startup_10k", 0.3, "s", 0.2, "ratio ≤ 1.5", True),
                  Figure("search_100k", 12.5, "ms", None, "≤ 20 ms", True)]).splitlines()
    assert rows[0].split()[:5] == ["figuur", "waarde", "basislijn", "verhouding", "doel"]
    assert "1.50×" in rows[2] and rows[2].endswith("PASS") and "—" in rows[3]
