"""The `bench` command: speed and memory at field scale, each figure with a baseline measured in the same run.

Synthetic studies of 1,000 / 10,000 / 100,000 quotes are generated in a temporary folder (`--quick` stops at
10,000). GUI figures are taken in fresh processes (`gui/bench_child.py`); the others in this process. Medians over
repeated runs. `GGSR_BENCH_SIZES` (e.g. '200,500,1000') and `GGSR_BENCH_REPEAT` shrink a run for tests.
May import every core package (never `gui` itself: it starts it as a child process); imported only by `cli`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from ggsr_desktop.bench.figures import Figure

SIZES = (1_000, 10_000, 100_000)
TARGET_RATIO = {1: 1.5, 2: 2.0}  # start-up ratio at the second and third size


def sizes(quick: bool) -> tuple[int, ...]:
    override = os.environ.get("GGSR_BENCH_SIZES")
    chosen = tuple(int(s) for s in override.split(",")) if override else SIZES
    return chosen[:2] if quick else chosen


def label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def run(quick: bool = False, log=lambda text: print(text, file=sys.stderr, flush=True)) -> list[Figure]:
    from ggsr_desktop.bench import core_figures, figures
    from ggsr_desktop.exchange.demo import write_demo
    from ggsr_desktop.exchange.synthetic import quote_texts, write_synthetic_study

    repeat = int(os.environ.get("GGSR_BENCH_REPEAT", "5"))
    chosen = sizes(quick)
    results: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="ggsr-bench-") as tmp:
        folder = Path(tmp)
        dbs = {}
        for n in chosen:
            log(f"synthetische studie van {n} citaten maken…")
            started = time.perf_counter()
            dbs[n] = folder / f"studie-{n}.sqlite"
            write_synthetic_study(dbs[n], n, seed=n)
            log(f"  klaar in {time.perf_counter() - started:.1f} s")
        write_demo(folder / "demo.sqlite")
        memory = None
        for index, n in enumerate(chosen[1:], 1):
            log(f"opstarten op {n} citaten ({2 * repeat - 1}× app en kaal PySide6, elk een nieuw proces)…")
            start, memory = figures.startup(dbs[n], 2 * repeat - 1, TARGET_RATIO[index], label(n))
            results.append(start)
        results.append(memory)
        log("citaten opslaan (versleutelde database, synchronous=FULL)…")
        texts = quote_texts(300 if not quick else 120, seed=3)
        results += core_figures.quote_save(texts, folder)
        log("anonimiseerder…")
        results += figures.anonymiser_figures(quote_texts(400, seed=5), max(1, repeat // 2), folder / "demo.sqlite")
        log("anonimiseerder op de gelabelde sets (tests/data)…")
        results += figures.labelled_figures(Path(__file__).resolve().parents[2] / "tests" / "data")
        largest = chosen[-1]
        log(f"bewijsmatrix en zoeken op {largest} citaten…")
        results += core_figures.matrix_and_search(dbs[largest], max(5, repeat * 4), label(largest))
        log("nota exporteren (600 citaten)…")
        results.append(core_figures.export(max(3, repeat)))
        from ggsr_desktop.bench import team_figures

        log(f"samenvoegen: {team_figures.BUNDLES} uitwisselbestanden van {team_figures.QUOTES} citaten…")
        results.append(team_figures.merge_figure(*_team_size(quick)))
        log("landelijke rapportage: tellen en exporteren over 30 aanpakken…")
        results.append(team_figures.national_figure(repeat=max(3, repeat)))
    return results


def _team_size(quick: bool) -> tuple[int, int]:
    """(bundles, quotes per bundle); `GGSR_BENCH_TEAM` (e.g. '3,60') shrinks it for tests."""
    override = os.environ.get("GGSR_BENCH_TEAM")
    if override:
        bundles, quotes = (int(x) for x in override.split(","))
        return bundles, quotes
    return (10, 600) if quick else (30, 600)


def table(results: list[Figure], machine: str = "") -> str:
    """The figures as a plain-text table (figure, value, baseline, ratio, target, PASS/FAIL)."""
    rows = [("figuur", "waarde", "basislijn", "verhouding", "doel", "")]
    for f in results:
        ratio = f.ratio
        rows.append((f.name, _amount(f.value, f.unit), _amount(f.baseline, f.unit) if f.baseline is not None else "—",
                     f"{ratio:.2f}×" if ratio is not None else "—", f.target,
                     {True: "PASS", False: "FAIL", None: ""}[f.passed]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return (f"{machine}\n" if machine else "") + "\n".join(lines)


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.2f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "%":
        return f"{value:.1f} %"
    return f"{value:g}"


def machine() -> str:
    import platform

    cpu = "onbekende processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} kernen, {cpu}, "
            f"Python {platform.python_version()}")
