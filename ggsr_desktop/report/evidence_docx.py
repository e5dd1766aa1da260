"""The evidence working document for team discussion: per indicator its mark, finding and all its quotes, grouped by
case and source. Anonymised like everything stored; checked like the nota before it is written. The data is read
first (`gather_evidence`, on the caller's thread), the document written from it (`write_evidence`, any thread)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ggsr_desktop.evidence.matrix import SOURCES, evidence_matrix
from ggsr_desktop.framework import Framework
from ggsr_desktop.labels import source_titles
from ggsr_desktop.models import Highlight, Stance
from ggsr_desktop.report.docx_base import QUOTE_STYLE, Styles, clean, muted
from ggsr_desktop.store import Store


@dataclass
class IndicatorEvidence:
    text: str
    mark: str
    highlight: str
    finding: str
    cases: list[tuple[str, int, int, int, dict[str, list[str]]]] = field(default_factory=list)
    # (case code, total, positive, negative, {source title: ["text (kind, stance)", …]})


@dataclass
class EvidenceData:
    title: str
    indicators: list[IndicatorEvidence]
    texts: list[tuple[str, str]]  # (where, text) for the audit


def gather_evidence(store: Store, framework: Framework, approach_id: int) -> EvidenceData:
    approach = store.get_approach(approach_id)
    judgements = {j.indicator_id: j for j in store.list_judgements(approach_id)}
    matrix = evidence_matrix(store, framework, approach_id)
    roles = {iv.id: iv.role for case in matrix.cases for iv in store.list_interviews(case.id)}
    titles = source_titles(approach.regisseur_label)
    data = EvidenceData(f"Bewijs per indicator — {approach.municipality} {approach.name}", [], [])
    for indicator in framework.indicators:
        j = judgements.get(indicator.id)
        item = IndicatorEvidence(
            " ".join(indicator.text.split()),
            f"{j.mark.symbol} {j.mark.value.replace('_', ' ')}" if j and j.mark else "nog niet beoordeeld",
            (j.highlight if j else Highlight.NONE).value, j.finding if j else "")
        if item.finding:
            data.texts.append((f"bevinding bij '{indicator.id}'", item.finding))
        for cell in matrix.row(indicator.id):
            quotes = store.find_quotes(approach_id, indicator_id=indicator.id, case_id=cell.case_id, limit=100_000) \
                if cell.total else []
            by_source: dict[str, list[str]] = {}
            for source in SOURCES:
                for q in (q for q in quotes if roles[q.interview_id] is source):
                    stance = next(c.stance.value for c in q.codings if c.indicator_id == indicator.id)
                    by_source.setdefault(titles[source], []).append(f"{q.text} ({q.kind.value}, {stance})")
                    data.texts.append((f"citaat {q.id}", q.text))
            item.cases.append((cell.case_code, cell.total, cell.stances[Stance.POSITIVE], cell.stances[Stance.NEGATIVE],
                               by_source))
        data.indicators.append(item)
    return data


def write_evidence(doc, data: EvidenceData, progress=lambda _f, _m: None) -> None:
    styles = Styles(doc)
    styles.paragraph("Title", data.title)
    intro = doc.add_paragraph(clean("Werkdocument voor de bespreking in het team: per indicator het oordeel, de "
                                    "bevinding en alle citaten per casus en bron. Geanonimiseerd; niet voor "
                                    "verspreiding buiten het inspectieteam."))
    intro.runs[0].italic = True
    for k, item in enumerate(data.indicators):
        progress(k / len(data.indicators), item.text)
        styles.heading(item.text, 2)
        mark = doc.add_paragraph()
        mark.add_run("Oordeel: ").bold = True
        mark.add_run(item.mark + (f" · gemarkeerd {item.highlight}" if item.highlight != Highlight.NONE else ""))
        finding = doc.add_paragraph()
        finding.add_run("Bevinding: ").bold = True
        finding.add_run(clean(item.finding) or "—")
        for code, total, positive, negative, by_source in item.cases:
            if not total:
                muted(doc.add_paragraph().add_run(clean(f"{code}: geen bewijs")))
                continue
            styles.heading(f"{code} — {total} citaten (+{positive} −{negative})", 4)
            for title, lines in by_source.items():
                doc.add_paragraph().add_run(clean(f"{title} ({len(lines)})")).bold = True
                for line in lines:
                    styles.paragraph(QUOTE_STYLE, line)
    progress(1.0, "klaar")
