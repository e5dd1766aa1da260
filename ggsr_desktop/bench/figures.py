"""The measurements of the benchmark, each with its baseline measured in the same run (Qt-free: GUI figures are
taken in child processes, see `gui/bench_child.py`)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GUI_TIMEOUT_S = 120


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline: float | None
    target: str
    passed: bool | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline:
            return None
        return self.value / self.baseline

    def to_dict(self) -> dict:
        ratio = self.ratio
        return {"name": self.name, "value": round(self.value, 4), "unit": self.unit,
                "baseline": None if self.baseline is None else round(self.baseline, 4),
                "ratio": None if ratio is None else round(ratio, 3), "target": self.target, "pass": self.passed}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def timed(fn, repeat: int) -> list[float]:
    """Wall times of `repeat` calls, in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


# ---- child processes -----------------------------------------------------------------------------------------

def child_env() -> dict:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_child(*args: str) -> tuple[float, dict]:
    """Start a fresh child process; (seconds from start until it reported, what it reported)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "ggsr_desktop.gui.bench_child", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=child_env())
    try:
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.wait(timeout=GUI_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    if not line.strip():
        raise RuntimeError(f"benchmark-proces '{args[0]}' gaf geen meting: {proc.stderr.read()[-500:]}")
    return elapsed, json.loads(line)


def startup(db: Path, repeat: int, limit: float, label: str) -> tuple[Figure, Figure]:
    """Start-up (process start → main window shown, loop idle) and peak memory, against a bare PySide6 window.
    The runs of app and baseline alternate, so that a busy moment of the machine hits both."""
    app_times, bare_times, app_rss, bare_rss = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="ggsr-bench-ini-") as tmp:
        for n in range(repeat):
            seconds, report = run_child("bare")
            bare_times.append(seconds)
            bare_rss.append(report["rss_mb"])
            seconds, report = run_child("app", str(db), str(Path(tmp) / f"{n}.ini"))
            app_times.append(seconds)
            app_rss.append(report["rss_mb"])
    value, baseline = statistics.median(app_times), statistics.median(bare_times)
    start = Figure(f"startup_{label}", value, "s", baseline, f"ratio ≤ {limit}", value / baseline <= limit)
    rss, rss_bare = max(app_rss), statistics.median(bare_rss)
    memory = Figure(f"memory_{label}", rss, "MB", rss_bare, "≤ baseline + 150 MB", rss - rss_bare <= 150)
    return start, memory


def anonymiser_figures(texts: list[str], repeat: int, demo_db: Path) -> list[Figure]:
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.anonymise.register import CaseRegister, Person

    inits, rss = [], []
    for _ in range(repeat):
        _seconds, report = run_child("anonymiser")
        inits.append(report["init_s"])
        rss.append(report["rss_mb"])
    with tempfile.TemporaryDirectory(prefix="ggsr-bench-ini-") as tmp:
        _seconds, report = run_child("interview", str(demo_db), str(Path(tmp) / "i.ini"))
    anonymiser = Anonymiser()
    register = CaseRegister.of([Person("moeder", "Fatima Yilmaz"), Person("vader", "Jan de Vries")], [],
                               anonymiser.lexicon.function_words)
    for text in texts[:20]:  # warm-up: the first calls compile and fill caches
        anonymiser.anonymise(text, register)
    per_quote = []
    for text in texts:
        start = time.perf_counter()
        anonymiser.anonymise(text, register)
        per_quote.append((time.perf_counter() - start) * 1000)
    init = statistics.median(inits)
    return [
        Figure("anonymiser_init", init, "s", None, "≤ 1.5 s", init <= 1.5),
        Figure("anonymiser_on_gui_thread", float(report["gui_thread"]), "", None, "0 (built on a worker thread)",
               report["gui_thread"] == 0 and report["built"] > 0),
        Figure("anonymiser_p50", statistics.median(per_quote), "ms", None, "—", None),
        Figure("anonymiser_p95", percentile(per_quote, 95), "ms", None, "≤ 10 ms", percentile(per_quote, 95) <= 10),
        Figure("anonymiser_max", max(per_quote), "ms", None, "≤ 50 ms", max(per_quote) <= 50),
        Figure("anonymiser_rss", max(rss), "MB", None, "≤ 300 MB", max(rss) <= 300),
    ]


# The labelled sets the bench scores (in a checkout): the development set, and the blind sets written by helpers
# who saw neither code nor lists; each blind set was measured once before anything was tuned on it, and the
# earlier ones were tuned on afterwards (docs/anonymisation.md gives both figures). The last one (blind8) is the
# held-out set: never tuned on.
LABELLED_SETS = (("dev", "anonymisation_dev.jsonl"), ("blind1", "anonymisation_heldout_blind.jsonl"),
                 ("blind2", "anonymisation_heldout_blind2.jsonl"), ("blind3", "anonymisation_heldout_blind3.jsonl"),
                 ("blind4", "anonymisation_heldout_blind4.jsonl"), ("blind5", "anonymisation_heldout_blind5.jsonl"),
                 ("blind6", "anonymisation_heldout_blind6.jsonl"), ("blind7", "anonymisation_heldout_blind7.jsonl"),
                 ("blind8", "anonymisation_heldout_blind8.jsonl"))


def labelled_figures(data_dir: Path) -> list[Figure]:
    """Recall, false redactions and latency on each labelled JSONL set present in `data_dir` (tests/data)."""
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.anonymise.scoring import evaluate_file

    anonymiser = Anonymiser()
    found = []
    for name, file in LABELLED_SETS:
        path = data_dir / file
        if not path.is_file():
            continue
        s = evaluate_file(path, anonymiser).summary()
        found += [
            Figure(f"anon_{name}_item_recall", 100 * s["item_recall"], "%", None, "≥ 97 %", s["item_recall"] >= 0.97),
            Figure(f"anon_{name}_register_names", 100 * s["register_name_recall"], "%", None, "100 %",
                   s["register_name_recall"] == 1.0),
            Figure(f"anon_{name}_direct", 100 * s["direct_identifier_recall"], "%", None, "100 %",
                   s["direct_identifier_recall"] == 1.0),
            Figure(f"anon_{name}_false_redactions", 100 * s["false_redaction_rate"], "%", None, "≤ 2 %",
                   s["false_redaction_rate"] <= 0.02),
            Figure(f"anon_{name}_p95", s["quote_ms_p95"], "ms", None, "≤ 10 ms", s["quote_ms_p95"] <= 10),
        ]
    return found

