"""Plain-data (JSON-ready) views of a store, for `ggsr-desktop dump` and tests. Part of the CLI contract."""

from __future__ import annotations

from ggsr_desktop.store import Store


def _description(approach) -> dict:
    return {
        "id": approach.id, "study_id": approach.study_id, "municipality": approach.municipality,
        "name": approach.name, "regisseur_label": approach.regisseur_label,
        "description": dict(approach.description), "created": approach.created, "updated": approach.updated,
    }


def overview(store: Store) -> dict:
    """All studies with their approaches (and counts)."""
    return {
        "database": str(store.path),
        "schema_version": store.schema_version,
        "studies": [
            {
                "id": s.id, "name": s.name, "framework": s.framework_id, "created": s.created,
                "approaches": [
                    {"id": a.id, "municipality": a.municipality, "name": a.name, **store.counts(a.id)}
                    for a in store.list_approaches(s.id)
                ],
            }
            for s in store.list_studies()
        ],
    }


def approach_detail(store: Store, approach_id: int) -> dict:
    """One approach with its cases, interviews, quotes, codings and judgements (with history)."""
    approach = store.get_approach(approach_id)
    study = store.get_study(approach.study_id)
    cases = []
    for case in store.list_cases(approach_id):
        interviews = []
        for iv in store.list_interviews(case.id):
            interviews.append({
                "id": iv.id, "role": iv.role.value, "organisation_type": iv.organisation_type, "date": iv.date,
                "status": iv.status.value, "created": iv.created, "updated": iv.updated,
                "quotes": [
                    {"id": q.id, "text": q.text, "kind": q.kind.value, "created": q.created, "updated": q.updated,
                     "codings": [{"indicator": c.indicator_id, "stance": c.stance.value} for c in q.codings]}
                    for q in store.list_quotes(iv.id)
                ],
            })
        cases.append({"id": case.id, "code": case.code, "created": case.created, "interviews": interviews})
    judgements = [
        {
            "indicator": j.indicator_id, "mark": j.mark.value if j.mark else None,
            "symbol": j.mark.symbol if j.mark else None, "finding": j.finding, "highlight": j.highlight.value,
            "quotes": list(j.quote_ids), "updated": j.updated,
            "history": [
                {"author": h.author, "changed_at": h.changed_at, "old": h.old, "new": h.new}
                for h in store.judgement_history(approach_id, j.indicator_id)
            ],
        }
        for j in store.list_judgements(approach_id)
    ]
    return {
        "database": str(store.path),
        "schema_version": store.schema_version,
        "study": {"id": study.id, "name": study.name, "framework": study.framework_id, "created": study.created},
        "approach": _description(approach),
        "cases": cases,
        "judgements": judgements,
        "sections": [
            {"id": sec.id, "highlight": sec.highlight.value, "title": sec.title, "intro": sec.intro,
             "conclusion": sec.conclusion, "indicators": list(sec.indicator_ids)}
            for sec in store.list_sections(approach_id)
        ],
        "texts": store.get_approach_texts(approach_id),
        "recommendations": [{"lead": r.lead, "text": r.text} for r in store.list_recommendations(approach_id)],
        "followup": _followup(store, approach_id),
    }


def _followup(store: Store, approach_id: int) -> dict | None:
    """A follow-up's details and its frozen copy of year 1 (None for an approach that is not a follow-up)."""
    if not store.is_followup(approach_id):
        return None
    f = store.get_followup(approach_id)
    return {
        "of": f.source_approach_id, "framework": f.framework_id, "former_name": f.former_name,
        "year1_label": f.year1_label, "year2_label": f.year2_label, "assessed_year": f.assessed_year,
        "month": f.month, "source_title": f.source_title, "frozen_at": f.frozen_at,
        "event": {"date": f.event_date, "form": f.event_form, "respondents": f.event_respondents},
        "documents": [{"title": d.title, "date": d.date} for d in f.documents],
        "development": [{"heading": s.heading, "text": s.text} for s in f.development],
        "year1": [{"indicator": b.indicator_id, "mark": b.mark.symbol if b.mark else None, "finding": b.finding,
                   "let_op": b.let_op} for b in f.baseline],
        "year1_groups": [{"indicators": list(g.indicator_ids), "shared_finding": g.shared_finding}
                         for g in f.baseline_groups],
    }
