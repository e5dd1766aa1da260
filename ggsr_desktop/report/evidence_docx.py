"""The evidence working document for team discussion: per indicator its mark, finding and all its quotes, grouped by
case and source. Anonymised like everything stored; checked like the nota before it is written."""

from __future__ import annotations

from ggsr_desktop.evidence import SOURCES, evidence_matrix
from ggsr_desktop.framework import Framework
from ggsr_desktop.models import Role
from ggsr_desktop.report.content import role_prefix
from ggsr_desktop.report.docx_base import QUOTE_STYLE, clean, muted
from ggsr_desktop.store import Store

SOURCE_TITLES = {"gezin": "Gezin", "regisseur": None, "professional": "Professionals", "document": "Gezinsplan"}


def evidence_texts(store: Store, framework: Framework, approach_id: int) -> list[tuple[str, str]]:
    """(where, text) of everything the working document writes (for the audit)."""
    texts = [(f"bevinding bij '{j.indicator_id}'", j.finding) for j in store.list_judgements(approach_id)]
    for quote in store.find_quotes(approach_id, limit=1_000_000):
        if quote.codings:
            texts.append((f"citaat {quote.id}", quote.text))
    return texts


def write_evidence(doc, store: Store, framework: Framework, approach_id: int, progress=lambda _f, _m: None) -> None:
    approach = store.get_approach(approach_id)
    judgements = {j.indicator_id: j for j in store.list_judgements(approach_id)}
    matrix = evidence_matrix(store, framework, approach_id)
    roles = {iv.id: iv.role for case in matrix.cases for iv in store.list_interviews(case.id)}
    doc.add_paragraph(clean(f"Bewijs per indicator — {approach.municipality} {approach.name}"), style="Title")
    intro = doc.add_paragraph(clean("Werkdocument voor de bespreking in het team: per indicator het oordeel, de "
                                    "bevinding en alle citaten per casus en bron. Geanonimiseerd; niet voor "
                                    "verspreiding buiten het inspectieteam."))
    intro.runs[0].italic = True
    total = len(framework.indicators)
    for k, indicator in enumerate(framework.indicators):
        progress(k / total, indicator.id)
        j = judgements.get(indicator.id)
        doc.add_heading(clean(" ".join(indicator.text.split())), 2)
        mark = doc.add_paragraph()
        mark.add_run("Oordeel: ").bold = True
        mark.add_run(f"{j.mark.symbol} {j.mark.value.replace('_', ' ')}" if j and j.mark else "nog niet beoordeeld")
        if j and j.highlight.value != "geen":
            mark.add_run(f" · gemarkeerd {j.highlight.value}")
        finding = doc.add_paragraph()
        finding.add_run("Bevinding: ").bold = True
        finding.add_run(clean(j.finding) if j and j.finding else "—")
        for cell in matrix.row(indicator.id):
            if not cell.total:
                muted(doc.add_paragraph().add_run(clean(f"{cell.case_code}: geen bewijs")))
                continue
            doc.add_heading(clean(f"{cell.case_code} — {cell.total} citaten (+{cell.stances['positief']} "
                                  f"−{cell.stances['negatief']})"), 4)
            quotes = store.find_quotes(approach_id, indicator_id=indicator.id, case_id=cell.case_id, limit=100_000)
            for source in SOURCES:
                of_source = [q for q in quotes if roles[q.interview_id].value == source]
                if not of_source:
                    continue
                title = SOURCE_TITLES[source] or role_prefix(Role.REGISSEUR, approach.regisseur_label)
                doc.add_paragraph().add_run(clean(f"{title} ({len(of_source)})")).bold = True
                for q in of_source:
                    stance = next(c.stance.value for c in q.codings if c.indicator_id == indicator.id)
                    p = doc.add_paragraph(style=QUOTE_STYLE)
                    p.add_run(clean(f"{q.text} "))
                    muted(p.add_run(clean(f"({q.kind.value}, {stance})")))
    progress(1.0, "klaar")
