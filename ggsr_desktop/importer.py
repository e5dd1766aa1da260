"""Importing typed-up notes (JSON, format in docs/import-format.md): all or nothing, anonymised on the way in.

The whole file is validated first; any problem is reported with its JSON path
(`cases[1].interviews[0].quotes[3].indicators[0]: onbekende indicator '…'`) and nothing is written. Then
everything is written in one transaction: persons and facts into the case registers (as keyed digests), every
quote and finding through the anonymiser.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ggsr_desktop.anonymise.register import CaseRegister, register_entries
from ggsr_desktop.capture import Capture
from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import Framework, FrameworkCatalog
from ggsr_desktop.models import Approach, Highlight, Kind, Role, Stance, Status

MARKS = {"✓": "voldoet", "✔": "voldoet", "X": "verbeterpunt", "x": "verbeterpunt", "✗": "verbeterpunt",
         "–": "niet_vastgesteld", "-": "niet_vastgesteld", "—": "niet_vastgesteld"}
IMPORT_AUTHOR = "import"


class ImportFileError(GgsrError):
    """The import file is malformed; names the file and the JSON path."""


@dataclass(frozen=True)
class ImportResult:
    study_id: int
    approach_id: int
    counts: dict[str, int]
    needs_review: int


class _Checker:
    def __init__(self, path: Path, framework: Framework | None = None):
        self.path = path
        self.framework = framework

    def fail(self, where: str, problem: str):
        raise ImportFileError(f"{self.path}: {where}: {problem}" if where else f"{self.path}: {problem}")

    def obj(self, value, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(where, f"verwacht een object, gevonden: {_kind(value)}")
        return value

    def array(self, value, where: str) -> list:
        if not isinstance(value, list):
            self.fail(where, f"verwacht een lijst, gevonden: {_kind(value)}")
        return value

    def text(self, parent: dict, key: str, where: str, required: bool = True) -> str | None:
        path = f"{where}.{key}" if where else key
        if key not in parent or parent[key] is None:
            if required:
                self.fail(path, "ontbreekt")
            return None
        value = parent[key]
        if not isinstance(value, str):
            self.fail(path, f"verwacht tekst, gevonden: {_kind(value)}")
        if required and not value.strip():
            self.fail(path, "is leeg")
        return value.strip()

    def choice(self, parent: dict, key: str, where: str, allowed, default=None):
        value = self.text(parent, key, where, required=False)
        if value is None:
            return default
        if value not in allowed:
            self.fail(f"{where}.{key}", f"ongeldige waarde '{value}'; toegestaan: {', '.join(allowed)}")
        return value

    def indicator(self, value, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(where, f"verwacht een indicator-id of indicatortekst, gevonden: {_kind(value)}")
        wanted = " ".join(value.split())
        for ind in self.framework.indicators:
            if ind.id == wanted or " ".join(ind.text.split()).rstrip(".") == wanted.rstrip("."):
                return ind.id
        self.fail(where, f"onbekende indicator '{value}'")


def _kind(value) -> str:
    return {dict: "een object", list: "een lijst", str: "tekst", bool: "ja/nee", type(None): "null"}.get(
        type(value), "een getal" if isinstance(value, (int, float)) else type(value).__name__)


def read_import_file(path: Path, catalog: FrameworkCatalog) -> tuple[dict, Framework]:
    """Parse and validate an import file completely; returns the data with indicator ids resolved."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ImportFileError(f"{path}: kan bestand niet lezen: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: bestand is geen UTF-8-tekst") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path}: ongeldige JSON op regel {exc.lineno}, kolom {exc.colno}: {exc.msg}") from None
    ck = _Checker(path)
    top = ck.obj(data, "")
    ck.text(top, "study", "")
    framework_id = ck.text(top, "framework", "")
    try:
        ck.framework = catalog.get(framework_id)
    except KeyError:
        ck.fail("framework", f"onbekend toetsingskader '{framework_id}'; bekend: {', '.join(catalog.ids())}")
    approach = ck.obj(top.get("approach"), "approach")
    ck.text(approach, "municipality", "approach")
    ck.text(approach, "name", "approach")
    ck.text(approach, "regisseur_label", "approach", required=False)
    codes = set()
    for ci, case in enumerate(ck.array(top.get("cases"), "cases")):
        cw = f"cases[{ci}]"
        ck.obj(case, cw)
        code = ck.text(case, "code", cw)
        if code in codes:
            ck.fail(f"{cw}.code", f"casuscode '{code}' komt twee keer voor")
        codes.add(code)
        for pi, person in enumerate(ck.array(case.get("persons", []), f"{cw}.persons")):
            pw = f"{cw}.persons[{pi}]"
            ck.obj(person, pw)
            ck.text(person, "role", pw)
            ck.text(person, "name", pw)
            for vi, variant in enumerate(ck.array(person.get("variants", []), f"{pw}.variants")):
                if not isinstance(variant, str) or not variant.strip():
                    ck.fail(f"{pw}.variants[{vi}]", "verwacht niet-lege tekst")
        for fi, fact in enumerate(ck.array(case.get("facts", []), f"{cw}.facts")):
            fw = f"{cw}.facts[{fi}]"
            ck.obj(fact, fw)
            ck.text(fact, "kind", fw)
            ck.text(fact, "value", fw)
        for ii, interview in enumerate(ck.array(case.get("interviews", []), f"{cw}.interviews")):
            iw = f"{cw}.interviews[{ii}]"
            ck.obj(interview, iw)
            role = ck.choice(interview, "respondent", iw, [r.value for r in Role])
            if role is None:
                ck.fail(f"{iw}.respondent", "ontbreekt")
            organisation = ck.text(interview, "organisation", iw, required=False)
            if role == Role.PROFESSIONAL and not organisation:
                ck.fail(f"{iw}.organisation", "een professional heeft een organisatietype nodig")
            date = ck.text(interview, "date", iw, required=False)
            if date is not None:
                _check_date(ck, date, f"{iw}.date")
            for qi, quote in enumerate(ck.array(interview.get("quotes", []), f"{iw}.quotes")):
                qw = f"{iw}.quotes[{qi}]"
                ck.obj(quote, qw)
                ck.text(quote, "text", qw)
                ck.choice(quote, "kind", qw, [k.value for k in Kind])
                ck.choice(quote, "stance", qw, [s.value for s in Stance])
                indicators = ck.array(quote.get("indicators", []), f"{qw}.indicators")
                quote["indicators"] = [ck.indicator(v, f"{qw}.indicators[{k}]") for k, v in enumerate(indicators)]
    seen = set()
    for ji, judgement in enumerate(ck.array(top.get("judgements", []), "judgements")):
        jw = f"judgements[{ji}]"
        ck.obj(judgement, jw)
        judgement["indicator"] = ck.indicator(judgement.get("indicator"), f"{jw}.indicator")
        if judgement["indicator"] in seen:
            ck.fail(f"{jw}.indicator", f"indicator '{judgement['indicator']}' heeft al een oordeel")
        seen.add(judgement["indicator"])
        ck.choice(judgement, "mark", jw, list(MARKS))
        ck.text(judgement, "finding", jw, required=False)
        ck.choice(judgement, "highlight", jw, [h.value for h in Highlight])
    return top, ck.framework


def _check_date(ck: _Checker, value: str, where: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        ck.fail(where, f"ongeldige datum '{value}'; gebruik JJJJ-MM-DD")


def _check_case_codes(capture: Capture, path: Path, data: dict) -> None:
    """A case code is stored as it is, so it may not contain a name or other identifying detail."""
    for ci, case in enumerate(data["cases"]):
        register = CaseRegister.of(*register_entries(case), capture.anonymiser.lexicon.function_words)
        result = capture.anonymiser.anonymise(case["code"], register)
        if any(not s.needs_review for s in result.spans):
            raise ImportFileError(f"{path}: cases[{ci}].code: de casuscode bevat een naam of ander identificerend "
                                  "gegeven; gebruik een code zoals 'Gezin A'")


def import_file(capture: Capture, path: Path, catalog: FrameworkCatalog) -> ImportResult:
    """Validate, then write everything in one transaction (the database is unchanged on any failure)."""
    data, framework = read_import_file(path, catalog)
    _check_case_codes(capture, path, data)
    store = capture.store
    try:
        approach = _write(capture, data, framework)
    except BaseException:
        capture.forget_cached_registers()  # the transaction was rolled back
        raise
    needs_review = len(store.quotes_needing_review(approach.id))
    return ImportResult(approach.study_id, approach.id, store.counts(approach.id), needs_review)


def _write(capture: Capture, data: dict, framework: Framework) -> Approach:
    store = capture.store
    with store.transaction():
        study = store.add_study(data["study"], framework.id)
        ap = data["approach"]
        approach = store.add_approach(study.id, ap["municipality"], ap["name"],
                                      ap.get("regisseur_label") or "regisseur")
        for case_data in data["cases"]:
            case = store.add_case(approach.id, case_data["code"])
            persons, facts = register_entries(case_data)
            capture.add_to_register(case.id, persons, facts)
            for iv in case_data.get("interviews", []):
                quotes = iv.get("quotes", [])
                organisation = iv.get("organisation")
                if organisation:  # meant as a type ('woningcorporatie'), but a name ('Ymere') must not get through
                    organisation = capture.anonymise(case.id, organisation).text
                interview = store.add_interview(case.id, iv["respondent"], organisation, iv.get("date"),
                                                Status.DONE if quotes else Status.PLANNED)
                for q in quotes:
                    stance = q.get("stance") or Stance.NEUTRAL
                    capture.save_quote(interview.id, q["text"], q.get("kind") or Kind.QUOTE,
                                       {ind: stance for ind in q["indicators"]})
        for j in data.get("judgements", []):
            finding = capture.anonymise_approach_text(approach.id, j.get("finding") or "")  # may name anyone
            store.set_judgement(approach.id, j["indicator"], author=IMPORT_AUTHOR,
                                mark=MARKS[j["mark"]] if j.get("mark") else None, finding=finding,
                                highlight=j.get("highlight") or Highlight.NONE)
    return approach
