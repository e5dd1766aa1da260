"""Importing typed-up notes (JSON, format in docs/import-format.md): all or nothing, anonymised on the way in.

The whole file is validated first (`import_checks`); any problem is reported with its JSON path
(`cases[1].interviews[0].quotes[3].indicators[0]: onbekende indicator '…'`) and nothing is written. Then
everything is written in one transaction: persons and facts into the case registers (as keyed digests), every
quote and finding through the anonymiser, and so every text of the nota (sections, typering, voorwoord,
conclusion, recommendations).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ggsr_desktop.anonymise.policy import identifying
from ggsr_desktop.anonymise.register import CaseRegister, register_entries
from ggsr_desktop.exchange.import_checks import MARKS, ImportFileError, read_import_file
from ggsr_desktop.framework import Framework, FrameworkCatalog
from ggsr_desktop.models import (
    APPROACH_ATTRIBUTES,
    APPROACH_TEXTS,
    DEFAULT_REGISSEUR_LABEL,
    Approach,
    Highlight,
    Kind,
    Level,
    Role,
    RowGroup,
    Stance,
    Status,
)
from ggsr_desktop.ops.capture import Capture

FREE_ATTRIBUTES = {k for k, allowed in APPROACH_ATTRIBUTES.items() if allowed is None}  # typed text: anonymised

__all__ = ["IMPORT_AUTHOR", "MARKS", "ImportFileError", "ImportResult", "import_file", "read_import_file"]

IMPORT_AUTHOR = "import"


@dataclass(frozen=True)
class ImportResult:
    study_id: int
    approach_id: int
    counts: dict[str, int]
    needs_review: int
    warnings: tuple[str, ...] = ()  # imported, but worth a look (Dutch, one line each)


def _check_case_codes(capture: Capture, path: Path, data: dict) -> None:
    """A case code is stored as it is, so it may not contain a name or other identifying detail."""
    for ci, case in enumerate(data["cases"]):
        lexicon = capture.anonymiser.lexicon
        register = CaseRegister.of(*register_entries(case), lexicon.function_words, words=lexicon.words)
        if identifying(case["code"], [register], capture.anonymiser):
            raise ImportFileError(f"{path}: cases[{ci}].code: de casuscode bevat een naam of ander identificerend "
                                  "gegeven; gebruik een code zoals 'Gezin A'")


def import_file(capture: Capture, path: Path, catalog: FrameworkCatalog) -> ImportResult:
    """Validate, then write everything in one transaction (the database is unchanged on any failure)."""
    data, framework = read_import_file(path, catalog)
    if "followup" in data:
        from ggsr_desktop.exchange.followup_import import import_followup

        return import_followup(capture, Path(path), data, framework)
    if framework.level != Level.POLICY:
        _check_case_codes(capture, path, data)
    store = capture.store
    try:
        approach = _write(capture, data, framework)
    except BaseException:
        capture.forget_cached_registers()  # the transaction was rolled back
        raise
    needs_review = len(store.quotes_needing_review(approach.id))
    return ImportResult(approach.study_id, approach.id, store.counts(approach.id), needs_review,
                        _warnings(data, framework))


def _warnings(data: dict, framework: Framework) -> tuple[str, ...]:
    if framework.level != Level.POLICY or "followup" in data:
        return ()
    partners = sum(r["respondent"] == Role.NETWORK_PARTNER for r in data["respondents"])
    return () if partners == 3 else (
        f"de aanpak heeft {partners} netwerkpartner(s); de methode gaat uit van drie",)


def _write(capture: Capture, data: dict, framework: Framework) -> Approach:
    store = capture.store
    with store.transaction():
        study = store.add_study(data["study"], framework.id)
        ap = data["approach"]
        approach = store.add_approach(study.id, ap["municipality"], ap["name"],
                                      ap.get("regisseur_label") or DEFAULT_REGISSEUR_LABEL)
        illustrative: dict[str, list[int]] = {}  # indicator -> illustrative quotes, in the file's order
        if framework.level == Level.POLICY:
            _write_respondents(capture, approach.id, data, illustrative)
        for case_data in data.get("cases", []):
            _write_case(capture, approach.id, case_data, illustrative)
        write_judgements(capture, approach.id, data, illustrative)
        _write_nota(capture, approach.id, data)
        for key, value in data.get("attributes", {}).items():
            store.set_approach_attribute(approach.id, key, capture.anonymise_approach_text(approach.id, value)
                                         if key in FREE_ATTRIBUTES else value)
        for e in data.get("exclusions", []):
            store.set_exclusion(approach.id, e["indicator"], capture.anonymise_approach_text(approach.id, e["reason"]))
    return approach


def _write_respondents(capture: Capture, approach_id: int, data: dict, illustrative: dict[str, list[int]]) -> None:
    """Policy level: the respondents first (their names are public, and the anonymiser keeps them in what
    follows), then their answers, the description and the row groups."""
    store = capture.store
    made = []
    for r in data["respondents"]:
        quotes = r.get("quotes", [])
        made.append((store.add_respondent(approach_id, r["respondent"], r.get("name"),
                                          nominated=r.get("nominated", False), date=r.get("date"),
                                          status=Status.DONE if quotes else Status.PLANNED), quotes))
    for interview, quotes in made:
        _write_quotes(capture, interview.id, quotes, illustrative)
    if data.get("description"):
        store.update_approach(approach_id, overview=capture.anonymise_approach_text(approach_id, data["description"]))
    if data.get("groups"):
        store.set_row_groups(approach_id, [RowGroup(approach_id, tuple(g["indicators"]),
                                                    bool(g.get("shared_finding", False))) for g in data["groups"]])


def _write_case(capture: Capture, approach_id: int, case_data: dict, illustrative: dict[str, list[int]]) -> None:
    store = capture.store
    case = store.add_case(approach_id, case_data["code"])
    persons, facts = register_entries(case_data)
    capture.add_to_register(case.id, persons, facts)
    for iv in case_data.get("interviews", []):
        quotes = iv.get("quotes", [])
        organisation = iv.get("organisation")
        if organisation:  # meant as a type ('woningcorporatie'), but a name ('Ymere') must not get through
            organisation = capture.anonymise(case.id, organisation).text
        interview = store.add_interview(case.id, iv["respondent"], organisation, iv.get("date"),
                                        Status.DONE if quotes else Status.PLANNED)
        _write_quotes(capture, interview.id, quotes, illustrative)


def _write_quotes(capture: Capture, interview_id: int, quotes: list[dict], illustrative: dict[str, list[int]]) -> None:
    for q in quotes:
        stance = q.get("stance") or Stance.NEUTRAL
        quote = capture.save_quote(interview_id, q["text"], q.get("kind") or Kind.QUOTE,
                                   {ind: stance for ind in q["indicators"]})
        if q.get("illustrative"):  # illustrates every indicator it is coded to
            for ind in q["indicators"]:
                illustrative.setdefault(ind, []).append(quote.id)


def write_judgements(capture: Capture, approach_id: int, data: dict, illustrative: dict[str, list[int]]) -> None:
    """One change per indicator: the file's judgement, the colour of its section, its illustrative quotes."""
    changes: dict[str, dict] = {}
    for j in data.get("judgements", []):
        changes[j["indicator"]] = {
            "mark": MARKS[j["mark"]] if j.get("mark") else None,
            "finding": capture.anonymise_approach_text(approach_id, j.get("finding") or ""),  # may name anyone
            "highlight": j.get("highlight") or Highlight.NONE,
            **({"let_op": capture.anonymise_approach_text(approach_id, j["let_op"])} if j.get("let_op") else {}),
        }
    for section in data.get("sections", []):
        for ind in section["indicators"]:
            changes.setdefault(ind, {})["highlight"] = section["highlight"]
    for ind, quote_ids in illustrative.items():
        changes.setdefault(ind, {})["quote_ids"] = quote_ids
    for ind, fields in changes.items():
        capture.store.set_judgement(approach_id, ind, author=IMPORT_AUTHOR, **fields)


def _write_nota(capture: Capture, approach_id: int, data: dict) -> None:
    """Chapters 2 to 5 of the nota; every text may name people of any case."""
    store = capture.store

    def clean(text: str | None) -> str:
        return capture.anonymise_approach_text(approach_id, text or "")

    if data.get("typering"):
        store.update_approach(approach_id, description={k: clean(v) for k, v in data["typering"].items()})
    for key in APPROACH_TEXTS:
        if data.get(key):
            store.set_approach_text(approach_id, key, clean(data[key]))
    if data.get("recommendations"):
        store.set_recommendations(approach_id, [(clean(r.get("lead")), clean(r["text"]))
                                                for r in data["recommendations"]])
    for s in data.get("sections", []):
        store.add_section(approach_id, s["highlight"], clean(s["title"]), clean(s.get("intro")),
                          clean(s.get("conclusion")), s["indicators"])
