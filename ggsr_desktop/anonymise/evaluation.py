"""Measuring the anonymiser on a labelled set (tests/data/anonymisation_eval.yaml; format in docs/anonymisation.md).

Per quote the set lists the spans that must be removed (with a category) and words that must stay. A span
counts as removed when the anonymiser replaced every character of it; a keep-word counts as wrongly
redacted when any replacement touches it. Timings are per quote, wall clock.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ggsr_desktop.anonymise.anonymiser import Anonymiser, MemoryBook
from ggsr_desktop.anonymise.categories import DIRECT_CATEGORIES
from ggsr_desktop.anonymise.lexicon import tokens
from ggsr_desktop.anonymise.register import CaseRegister, register_entries


@dataclass
class Report:
    counts: dict[str, list[int]] = field(default_factory=dict)  # group -> [removed, total]
    keep_total: int = 0
    keep_redacted: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (category, span, quote)
    false_redactions: list[tuple[str, str]] = field(default_factory=list)  # (keep word, quote)
    timings_ms: list[float] = field(default_factory=list)

    def add(self, group: str, removed: bool) -> None:
        entry = self.counts.setdefault(group, [0, 0])
        entry[0] += int(removed)
        entry[1] += 1

    def recall(self, group: str) -> float:
        removed, total = self.counts.get(group, [0, 0])
        return removed / total if total else 1.0

    @property
    def false_keep_rate(self) -> float:
        return self.keep_redacted / self.keep_total if self.keep_total else 0.0

    def latency(self, q: float) -> float:
        ordered = sorted(self.timings_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0

    def summary(self) -> dict:
        return {
            "recall_all": round(self.recall("all"), 4),
            "recall_known_persons": round(self.recall("known"), 4),
            "recall_direct_identifiers": round(self.recall("direct"), 4),
            "false_keep_rate": round(self.false_keep_rate, 4),
            "items": self.counts.get("all", [0, 0])[1],
            "keep_words": self.keep_total,
            "quote_ms_p50": round(statistics.median(self.timings_ms), 2) if self.timings_ms else 0.0,
            "quote_ms_p95": round(self.latency(0.95), 2),
            "quote_ms_max": round(max(self.timings_ms, default=0.0), 2),
        }


def _locate(text: str, needle: str, start: int) -> tuple[int, int]:
    at = text.find(needle, start)
    if at < 0:
        at = text.find(needle)
    if at < 0:
        raise ValueError(f"'{needle}' komt niet voor in: {text}")
    return at, at + len(needle)


def evaluate(anonymiser: Anonymiser, path: Path) -> Report:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    report = Report()
    for case in data["cases"]:
        register = CaseRegister.of(*register_entries(case), anonymiser.lexicon.function_words,
                                   words=anonymiser.lexicon.words)
        book = MemoryBook()
        for quote in case["quotes"]:
            text = quote["text"]
            started = time.perf_counter()
            result = anonymiser.anonymise(text, register, book)
            report.timings_ms.append((time.perf_counter() - started) * 1000)
            covered = [False] * len(text)
            for a, b in result.source_spans:
                covered[a:b] = [True] * (b - a)
            pos = 0
            for item in quote.get("remove") or []:
                a, b = _locate(text, item["text"], pos)
                pos = b
                removed = all(covered[a:b])
                toks = list(tokens(item["text"]))
                known = bool(toks) and (register.match(toks, 0) or (0,))[0] == len(toks)
                groups = ["all", item["category"]]
                if item["category"] in DIRECT_CATEGORIES:
                    groups.append("direct")
                if known:
                    groups.append("known")
                for g in groups:
                    report.add(g, removed)
                if not removed:
                    report.misses.append((item["category"], item["text"], text))
            for word in quote.get("keep") or []:
                a, b = _locate(text, word, 0)
                report.keep_total += 1
                if any(covered[a:b]):
                    report.keep_redacted += 1
                    report.false_redactions.append((word, text))
    return report
