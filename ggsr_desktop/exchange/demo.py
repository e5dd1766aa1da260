"""The built-in demo: a fictitious case-level approach with three cases, and a fictitious policy-level approach of
the same municipality, written into a new database.

The case-level content lives in `resources/demo/demo_study.yaml` (already anonymised, invented), validated against
the framework it names, with errors naming the file, the line and the field. The policy-level approach is
`resources/demo/demo_policy.json` in the import format (docs/import-format.md), imported through the anonymiser
as any import file is (its organisation names and dates are kept at policy level).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from ggsr_desktop import paths
from ggsr_desktop.errors import FrameworkError
from ggsr_desktop.framework import FrameworkCatalog, load_catalog, strict_yaml
from ggsr_desktop.models import DEFAULT_REGISSEUR_LABEL, DESCRIPTION_FIELDS, Highlight, Kind, Mark, Role, Stance, Status
from ggsr_desktop.store import Store

DEMO_AUTHOR = "demo"


class DemoDataError(FrameworkError):
    """The demo (or another study) file is malformed; same file/line/field message as framework errors."""


@dataclass(frozen=True)
class DemoResult:
    study_id: int
    approach_id: int
    counts: dict[str, int]
    policy_study_id: int | None = None
    policy_approach_id: int | None = None


def demo_file() -> Path:
    return paths.resources_dir() / "demo" / "demo_study.yaml"


def demo_policy_file() -> Path:
    return paths.resources_dir() / "demo" / "demo_policy.json"


def _check(cond: bool, path, line, field, problem):
    if not cond:
        raise DemoDataError(path, line, field, problem)


def _allowed(enum_cls, value, path, line, field):
    values = [e.value for e in enum_cls]
    _check(value in values, path, line, field, f"ongeldige waarde {value!r}; toegestaan: {', '.join(values)}")
    return value


def load_study_file(path: Path) -> dict:
    """Read and parse a study file strictly (duplicate keys and YAML 1.1 booleans rejected)."""
    try:
        data = strict_yaml.load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DemoDataError(path, None, None, f"kan bestand niet lezen: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DemoDataError(path, mark.line + 1 if mark else None, None,
                            f"ongeldige YAML: {getattr(exc, 'problem', None) or exc}") from None
    _check(isinstance(data, dict), path, 1, None, "verwacht een mapping bovenaan het bestand")
    return data


def write_study(store: Store, data: dict, path: Path, catalog: FrameworkCatalog) -> DemoResult:
    """Validate a parsed study file and write it into `store` atomically."""
    for key in ("study", "approach", "cases", "judgements"):
        _check(key in data, path, data.line, key, "ontbreekt")
    study = data["study"]
    try:
        framework = catalog.get(study.get("framework"))
    except KeyError:
        raise DemoDataError(path, study.line_of("framework"), "study.framework",
                            f"onbekend toetsingskader {study.get('framework')!r}; bekend: {', '.join(catalog.ids())}"
                            ) from None
    ap = data["approach"]
    desc = ap.get("description") or {}
    for key in desc:
        _check(key in DESCRIPTION_FIELDS, path, desc.line_of(key), f"approach.description.{key}",
               f"onbekend veld; toegestaan: {', '.join(DESCRIPTION_FIELDS)}")

    def indicator(ind_id, line, field):
        _check(isinstance(ind_id, str) and framework.has_indicator(ind_id), path, line, field,
               f"onbekende indicator {ind_id!r} in toetsingskader '{framework.id}'")
        return ind_id

    with store.transaction():
        st = store.add_study(study.get("name"), framework.id)
        approach = store.add_approach(st.id, ap.get("municipality"), ap.get("name"),
                                      ap.get("regisseur_label") or DEFAULT_REGISSEUR_LABEL, dict(desc))
        illustrative: dict[str, list[int]] = {}
        cases = data["cases"]
        for ci, case in enumerate(cases):
            cf = f"cases[{ci}]"
            c = store.add_case(approach.id, case.get("code"))
            interviews = case.get("interviews") or []
            for ii, interview in enumerate(interviews):
                inf = f"{cf}.interviews[{ii}]"
                line = interviews.line_of(ii)
                role = _allowed(Role, interview.get("role"), path, line, f"{inf}.role")
                status = _allowed(Status, interview.get("status", Status.PLANNED), path, line, f"{inf}.status")
                date = interview.get("date")
                if isinstance(date, dt.date):
                    date = date.isoformat()
                iv = store.add_interview(c.id, role, interview.get("organisation_type"), date, status)
                quotes = interview.get("quotes") or []
                for qi, quote in enumerate(quotes):
                    qf = f"{inf}.quotes[{qi}]"
                    qline = quotes.line_of(qi)
                    _check(isinstance(quote.get("text"), str) and quote["text"].strip(), path, qline, f"{qf}.text",
                           "ontbreekt of is leeg")
                    kind = _allowed(Kind, quote.get("kind", Kind.QUOTE), path, qline, f"{qf}.kind")
                    codings = quote.get("codings") or {}
                    checked = {}
                    for ind_id, stance in codings.items():
                        cline = codings.line_of(ind_id)
                        indicator(ind_id, cline, f"{qf}.codings")
                        checked[ind_id] = _allowed(Stance, stance, path, cline, f"{qf}.codings.{ind_id}")
                    added = store.add_quote(iv.id, quote["text"], kind, checked)
                    if quote.get("illustrative") is True:  # illustrates every indicator it is coded to
                        for ind_id in checked:
                            illustrative.setdefault(ind_id, []).append(added.id)
        judgements = data["judgements"]
        for ji, j in enumerate(judgements):
            jf = f"judgements[{ji}]"
            line = judgements.line_of(ji)
            ind_id = indicator(j.get("indicator"), line, f"{jf}.indicator")
            mark = j.get("mark")
            if mark is not None:
                _allowed(Mark, mark, path, line, f"{jf}.mark")
            store.set_judgement(approach.id, ind_id, author=DEMO_AUTHOR, mark=mark,
                                finding=j.get("finding") or "",
                                highlight=_allowed(Highlight, j.get("highlight", Highlight.NONE), path, line,
                                                   f"{jf}.highlight"))
        for ind_id, quote_ids in illustrative.items():
            store.set_judgement(approach.id, ind_id, author=DEMO_AUTHOR, quote_ids=quote_ids)
        _write_report(store, approach.id, data, path, indicator)
    return DemoResult(st.id, approach.id, store.counts(approach.id))


def _write_report(store: Store, approach_id: int, data: dict, path: Path, indicator) -> None:
    """The optional texts of the nota: voorwoord, conclusion, recommendations and report sections."""
    for key in ("voorwoord", "conclusion"):
        if data.get(key) is not None:
            _check(isinstance(data[key], str), path, data.line_of(key), key, "verwacht een tekst")
            store.set_approach_text(approach_id, key, data[key])
    recommendations = data.get("recommendations") or []
    items = []
    for ri, r in enumerate(recommendations):
        line = recommendations.line_of(ri)
        _check(isinstance(r, dict) and isinstance(r.get("text"), str), path, line, f"recommendations[{ri}].text",
               "ontbreekt of is geen tekst")
        items.append((r.get("lead") or "", r["text"]))
    store.set_recommendations(approach_id, items)
    sections = data.get("sections") or []
    for si, section in enumerate(sections):
        sf, line = f"sections[{si}]", sections.line_of(si)
        _check(isinstance(section.get("title"), str) and section["title"].strip(), path, line, f"{sf}.title",
               "ontbreekt of is leeg")
        highlight = section.get("highlight")
        _check(highlight in (Highlight.GREEN, Highlight.RED), path, line, f"{sf}.highlight",
               f"ongeldige waarde {highlight!r}; toegestaan: groen, rood")
        ids = [indicator(i, line, f"{sf}.indicators") for i in section.get("indicators") or []]
        store.add_section(approach_id, highlight, section["title"], section.get("intro") or "",
                          section.get("conclusion") or "", ids)


def write_demo(db_path: Path, catalog: FrameworkCatalog | None = None) -> DemoResult:
    """Create a new database at `db_path` holding the demo study."""
    path = demo_file()
    data = load_study_file(path)
    catalog = catalog or load_catalog()
    store = Store.create(db_path)
    try:
        result = write_study(store, data, path, catalog)
        policy = _write_policy(store, catalog)
        result = DemoResult(result.study_id, result.approach_id, result.counts, policy.study_id, policy.approach_id)
    except BaseException as exc:
        store.close()
        remove_database(Path(db_path))  # the file is ours and holds nothing else
        if isinstance(exc, (AttributeError, TypeError)):
            raise DemoDataError(path, None, None, f"onverwachte structuur: {exc}") from None
        raise
    store.close()
    return result


def _write_policy(store: Store, catalog: FrameworkCatalog):
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.exchange.importer import import_file
    from ggsr_desktop.ops.capture import Capture

    return import_file(Capture(store, Anonymiser(), catalog=catalog), demo_policy_file(), catalog)


def remove_database(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
