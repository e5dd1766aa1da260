"""Team work: an approach (or a whole study) as the payload of an exchange file, and merging such a payload into a
round database **by id** (spec: team issue).

Records: study, approach (with its description, attributes, exclusions, texts, recommendations and row groups),
case (with its register: keyed digests and the case key, which travel only inside the encrypted bundle),
interview, quote (text already anonymised, codings, spans), judgement (identified by its approach and indicator)
and report section. A merge compares each incoming record with the local one of the same id:
- not there: added;
- equal: nothing;
- changed on one side only: that side's version is kept or taken. Which side changed is told by the merge bases:
  the digest of a record when it was last exchanged, kept by each database (`merge_base`) and sent along in the
  file (`bases`: the sender's), so that a third database that got the record from someone else still sees a change
  on both sides;
- changed on both sides: a **conflict**, listed with both versions; the merge is refused until each conflict is
  resolved (`mine`, `theirs`, or for a quote `both`). Nothing is resolved silently.
The merge is one transaction, with a backup before it; merging the same file twice changes nothing. Records
deleted on one side are not deleted by a merge.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.labels import RECORD_WORDS
from ggsr_desktop.models import DESCRIPTION_FIELDS, QuoteSpan, RowGroup
from ggsr_desktop.store import Store

RESOLUTIONS = ("mine", "theirs", "both")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def digest(record: dict) -> str:
    """The digest of a record's content (its id and its register excluded)."""
    content = {k: v for k, v in record.items() if k not in ("uuid", "register", "numbers", "key")}
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


# ---- export ----------------------------------------------------------------------------------------------------

def payload(store: Store, study_id: int, approach_ids: list[int]) -> dict:
    """The records of the given approaches of a study, each with its uuid (given now where it had none)."""
    study = store.get_study(study_id)
    study_uuid = store.ensure_uuids("studies", [study_id])[study_id]
    out: dict = {"study": {"uuid": study_uuid, "name": study.name, "framework_id": study.framework_id},
                 "approaches": [], "cases": [], "interviews": [], "quotes": [], "judgements": [], "sections": []}
    approach_uuids = store.ensure_uuids("approaches", approach_ids)
    for approach_id in approach_ids:
        a = store.get_approach(approach_id)
        au = approach_uuids[approach_id]
        out["approaches"].append({
            "uuid": au, "study": study_uuid, "municipality": a.municipality, "name": a.name,
            "regisseur_label": a.regisseur_label, "description": a.description, "overview": a.overview,
            "attributes": store.approach_attributes(approach_id), "exclusions": store.exclusions(approach_id),
            "texts": store.get_approach_texts(approach_id),
            "recommendations": [[r.lead, r.text] for r in store.list_recommendations(approach_id)],
            "row_groups": [[list(g.indicator_ids), g.shared_finding] for g in store.row_groups(approach_id)]})
        cases = store.list_cases(approach_id)
        survey = store.survey_case(approach_id)
        cases = [*cases, *([survey] if survey else [])]
        case_uuids = store.ensure_uuids("cases", [c.id for c in cases])
        quote_uuid: dict[int, str] = {}
        for case in cases:
            key = store.case_key(case.id)
            out["cases"].append({
                "uuid": case_uuids[case.id], "approach": au, "code": case.code, "survey": case.survey,
                "key": _b64(key) if key else None,
                "register": [[_b64(d), cat, ph] for d, (cat, ph) in sorted(store.register_entries(case.id).items())],
                "numbers": [[cat, _b64(d), n] for cat, d, n in store.placeholder_numbers(case.id)]})
            interviews = store.list_interviews(case.id)
            iv_uuids = store.ensure_uuids("interviews", [i.id for i in interviews])
            for iv in interviews:
                out["interviews"].append({
                    "uuid": iv_uuids[iv.id], "case": case_uuids[case.id], "role": iv.role.value,
                    "organisation_type": iv.organisation_type, "date": iv.date, "status": iv.status.value,
                    "name": iv.name, "nominated": iv.nominated})
                quotes = store.list_quotes(iv.id)
                q_uuids = store.ensure_uuids("quotes", [q.id for q in quotes])
                for q in quotes:
                    quote_uuid[q.id] = q_uuids[q.id]
                    out["quotes"].append({
                        "uuid": q_uuids[q.id], "interview": iv_uuids[iv.id], "text": q.text, "kind": q.kind.value,
                        "needs_review": q.needs_review,
                        "codings": sorted([c.indicator_id, c.stance.value] for c in q.codings),
                        "spans": [[s.start, s.end, s.category, s.placeholder, s.confidence] for s in q.spans]})
        for j in store.list_judgements(approach_id):
            out["judgements"].append({
                "uuid": f"{au}/{j.indicator_id}", "approach": au, "indicator": j.indicator_id,
                "mark": j.mark.value if j.mark else None, "finding": j.finding, "highlight": j.highlight.value,
                "let_op": j.let_op, "quotes": [quote_uuid[q] for q in j.quote_ids if q in quote_uuid]})
        sections = store.list_sections(approach_id)
        s_uuids = store.ensure_uuids("report_sections", [s.id for s in sections])
        for s in sections:
            out["sections"].append({
                "uuid": s_uuids[s.id], "approach": au, "highlight": s.highlight.value, "title": s.title,
                "intro": s.intro, "conclusion": s.conclusion, "position": s.position,
                "indicators": list(s.indicator_ids)})
    return out


def record_bases(data: dict) -> dict[str, str]:
    """uuid -> digest of every record of a payload (kept as the merge base when it is exported or merged)."""
    bases = {data["study"]["uuid"]: digest(data["study"])}
    for kind in ("approaches", "cases", "interviews", "quotes", "judgements", "sections"):
        bases.update({r["uuid"]: digest(r) for r in data[kind]})
    return bases


def counts(data: dict) -> dict[str, int]:
    return {kind: len(data[kind]) for kind in ("approaches", "cases", "interviews", "quotes", "judgements",
                                               "sections")}


# ---- merge -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Conflict:
    kind: str  # 'aanpak', 'casus', 'gesprek', 'citaat', 'oordeel', 'sectie', 'onderzoek'
    uuid: str
    label: str  # where, in Dutch: "oordeel aanpak.doorzettingsmacht (Venlo — Sociale wijkteams)"
    mine: dict
    theirs: dict


@dataclass
class MergePlan:
    added: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, uuid, label)
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # taken from theirs
    kept: list[tuple[str, str, str]] = field(default_factory=list)  # changed only here: mine stays
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0

    def to_dict(self) -> dict:
        def rows(items):
            return [{"kind": k, "uuid": u, "label": lab} for k, u, lab in items]

        return {"added": rows(self.added), "changed": rows(self.changed), "kept": rows(self.kept),
                "conflicts": [{"kind": c.kind, "uuid": c.uuid, "label": c.label, "mine": c.mine, "theirs": c.theirs}
                              for c in self.conflicts], "unchanged": self.unchanged}


class MergeConflicts(GgsrError):
    def __init__(self, plan: MergePlan):
        self.plan = plan
        names = "; ".join(c.label for c in plan.conflicts[:5])
        more = f" en nog {len(plan.conflicts) - 5}" if len(plan.conflicts) > 5 else ""
        super().__init__(f"{len(plan.conflicts)} conflict(en): aan beide kanten gewijzigd: {names}{more}; kies per "
                         "conflict 'mine' (houd mijn versie), 'theirs' (neem de andere) of bij een citaat 'both' "
                         "(houd beide); er is niets samengevoegd")


_KIND_WORDS = RECORD_WORDS


class _Local:
    """The local version of each incoming record (as a payload record), found by uuid."""

    def __init__(self, store: Store, data: dict):
        self.store = store
        self.records: dict[str, dict] = {}
        self.ids: dict[str, int] = {}
        study_id = store.id_by_uuid("studies", data["study"]["uuid"])
        approach_ids = [i for i in (store.id_by_uuid("approaches", a["uuid"]) for a in data["approaches"])
                        if i is not None]
        if study_id is not None:
            self.ids[data["study"]["uuid"]] = study_id
        by_study: dict[int, list[int]] = {}
        for aid in approach_ids:
            by_study.setdefault(store.get_approach(aid).study_id, []).append(aid)
        for sid, aids in by_study.items():
            mine = payload(store, sid, aids)
            self.records[mine["study"]["uuid"]] = mine["study"]
            self.ids.setdefault(mine["study"]["uuid"], sid)
            for kind in ("approaches", "cases", "interviews", "quotes", "judgements", "sections"):
                for r in mine[kind]:
                    self.records[r["uuid"]] = r
        if study_id is not None and data["study"]["uuid"] not in self.records:
            s = store.get_study(study_id)
            self.records[data["study"]["uuid"]] = {"uuid": data["study"]["uuid"], "name": s.name,
                                                   "framework_id": s.framework_id}


def _label(kind: str, record: dict, names: dict[str, str]) -> str:
    word = _KIND_WORDS[kind]
    if kind == "studies":
        return f"{word} '{record['name']}'"
    if kind == "approaches":
        return f"{word} {record['municipality']} — {record['name']}"
    if kind == "judgements":
        return f"{word} {record['indicator']} ({names.get(record['approach'], '?')})"
    if kind == "cases":
        return f"{word} {record['code']} ({names.get(record['approach'], '?')})"
    return f"{word} {record['uuid'][:8]}"


def plan(store: Store, data: dict, resolutions: dict[str, str] | None = None) -> MergePlan:
    """What merging `data` would do, without writing anything."""
    return _merge(store, data, resolutions or {}, None)


def merge(store: Store, data: dict, resolutions: dict[str, str] | None = None, *, author: str,
          backup: Callable[[], object] | None = None) -> MergePlan:
    """Merge in one transaction (after `backup`); refused with `MergeConflicts` while a conflict is unresolved."""
    resolutions = resolutions or {}
    first = _merge(store, data, resolutions, None)
    unresolved = [c for c in first.conflicts if c.uuid not in resolutions]
    if unresolved:
        raise MergeConflicts(MergePlan(conflicts=unresolved))
    wrong = [u for u, r in resolutions.items() if r not in RESOLUTIONS]
    if wrong:
        raise GgsrError(f"onbekende keuze bij conflict {wrong[0]}: '{resolutions[wrong[0]]}'; kies mine, theirs of "
                        "both")
    if backup is not None:
        backup()
    with store.transaction():
        return _merge(store, data, resolutions, author)


def _merge(store: Store, data: dict, resolutions: dict[str, str], author: str | None) -> MergePlan:
    local = _Local(store, data)
    stored = store.merge_bases(record_bases(data))
    bases = {u: v.split(";")[0] for u, v in stored.items()}  # the base, then versions already dealt with
    seen = {u: set(v.split(";")) for u, v in stored.items()}
    their_bases = {u: v.split(";")[0] for u, v in (data.get("bases") or {}).items()}
    result = MergePlan()
    names = {a["uuid"]: f"{a['municipality']} — {a['name']}" for a in data["approaches"]}
    writer = _Writer(store, local, author) if author is not None else None
    new_bases: dict[str, str] = {}
    for kind in ("studies", "approaches", "cases", "interviews", "quotes", "judgements", "sections"):
        records = [data["study"]] if kind == "studies" else data[kind]
        for theirs in records:
            uid, mine = theirs["uuid"], local.records.get(theirs["uuid"])
            label = _label(kind, theirs, names)
            t = digest(theirs)
            if mine is None:
                result.added.append((_KIND_WORDS[kind], uid, label))
                if writer:
                    writer.put(kind, theirs, None)
                    if kind == "cases":
                        writer.register(theirs)
                new_bases[uid] = t
                continue
            m = digest(mine)
            side = _changed_side(m, t, bases.get(uid), their_bases.get(uid))
            if side == "both" and t in seen.get(uid, ()):
                side = "mine"  # this version of theirs was merged before and a choice was made
            if side == "none":
                result.unchanged += 1
                new_bases[uid] = t
            elif side == "theirs":
                result.changed.append((_KIND_WORDS[kind], uid, label))
                if writer:
                    writer.put(kind, theirs, mine)
                new_bases[uid] = t
            elif side == "mine":
                result.kept.append((_KIND_WORDS[kind], uid, label))
            else:
                choice = resolutions.get(uid)
                if choice is None or writer is None:
                    result.conflicts.append(Conflict(_KIND_WORDS[kind], uid, label, mine, theirs))
                if writer and choice == "theirs":
                    writer.put(kind, theirs, mine)
                elif writer and choice == "both" and kind == "quotes":
                    writer.put(kind, {**theirs, "uuid": None}, None)
                if choice is not None:  # resolved: theirs is the base now, and this version is remembered
                    known = sorted(seen.get(uid, set()) | {t, m})
                    new_bases[uid] = ";".join([t if choice == "theirs" else m, *known][:20])
            if writer and kind == "cases":
                writer.register(theirs)
        if writer and kind == "quotes":
            writer.flush_quotes()
    if writer:
        for uid, value in list(new_bases.items()):  # keep what was dealt with before
            if ";" not in value and uid in seen:
                new_bases[uid] = ";".join([value, *sorted(seen[uid] - {value})][:20])
        store.set_merge_bases(new_bases)
    return result


def _changed_side(m: str, t: str, mine_base: str | None, their_base: str | None) -> str:
    """'none' (equal), 'theirs' (only theirs changed), 'mine' (only mine) or 'both' (a conflict)."""
    if m == t:
        return "none"
    if their_base is not None and t == their_base:
        return "mine"  # theirs has not changed since it was last exchanged
    if their_base is not None and m == their_base:
        return "theirs"  # mine is the version theirs started from
    if mine_base is not None and m == mine_base and their_base in (None, mine_base):
        return "theirs"
    if mine_base is not None and t == mine_base:
        return "mine"
    return "both"


class _Writer:
    def __init__(self, store: Store, local: _Local, author: str):
        self.store = store
        self.ids = dict(local.ids)
        self.author = author
        self.pending: list[tuple] = []
        for uid in local.records:
            for table in ("approaches", "cases", "interviews", "quotes", "report_sections"):
                found = store.id_by_uuid(table, uid)
                if found is not None:
                    self.ids[uid] = found
                    break

    def flush_quotes(self) -> None:
        self.ids.update(self.store.add_merged_quotes(self.pending))
        self.pending = []

    def _keep(self, table: str, uid: str | None, row_id: int) -> None:
        if uid is not None:
            self.store.set_uuid(table, row_id, uid)
            self.ids[uid] = row_id

    def put(self, kind: str, r: dict, mine: dict | None) -> None:
        getattr(self, f"_{kind}")(r, mine)

    def _studies(self, r: dict, mine: dict | None) -> None:
        if mine is None:
            self._keep("studies", r["uuid"], self.store.add_study(r["name"], r["framework_id"]).id)
        else:
            self.store.rename_study(self.ids[r["uuid"]], r["name"])

    def _approaches(self, r: dict, mine: dict | None) -> None:
        s = self.store
        if mine is None:
            approach = s.add_approach(self.ids[r["study"]], r["municipality"], r["name"], r["regisseur_label"])
            self._keep("approaches", r["uuid"], approach.id)
        aid = self.ids[r["uuid"]]
        s.update_approach(aid, municipality=r["municipality"], name=r["name"], regisseur_label=r["regisseur_label"],
                          description={k: r["description"].get(k, "") for k in DESCRIPTION_FIELDS},
                          overview=r["overview"])
        for key in set(s.approach_attributes(aid)) | set(r["attributes"]):
            s.set_approach_attribute(aid, key, r["attributes"].get(key))
        for ind in set(s.exclusions(aid)) | set(r["exclusions"]):
            s.set_exclusion(aid, ind, r["exclusions"].get(ind))
        for key, value in r["texts"].items():
            s.set_approach_text(aid, key, value)
        s.set_recommendations(aid, [tuple(x) for x in r["recommendations"]])
        s.set_row_groups(aid, [RowGroup(aid, tuple(ids), shared) for ids, shared in r["row_groups"]])

    def _cases(self, r: dict, mine: dict | None) -> None:
        s = self.store
        aid = self.ids[r["approach"]]
        if mine is None:
            case = s.survey_case(aid, create=True) if r["survey"] else s.add_case(aid, r["code"])
            self._keep("cases", r["uuid"], case.id)
        elif not r["survey"]:
            s.rename_case(self.ids[r["uuid"]], r["code"])

    def register(self, r: dict) -> None:
        """The case's register travels with it: its key (when the case has none yet), digests and numbers."""
        s = self.store
        cid = self.ids.get(r["uuid"])
        if cid is None:
            return
        if r.get("key"):
            s.set_case_key(cid, _unb64(r["key"]))
        entries = {_unb64(d): (cat, ph) for d, cat, ph in r.get("register", [])}
        known = s.register_entries(cid)
        new = {d: v for d, v in entries.items() if d not in known}
        if new:
            s.add_register_entries(cid, new)
        s.add_placeholder_numbers(cid, [(cat, _unb64(d), n) for cat, d, n in r.get("numbers", [])])

    def _interviews(self, r: dict, mine: dict | None) -> None:
        s = self.store
        if mine is None:
            iv = s.add_interview(self.ids[r["case"]], r["role"], r["organisation_type"], r["date"], r["status"],
                                 name=r["name"], nominated=r["nominated"])
            self._keep("interviews", r["uuid"], iv.id)
        else:
            s.update_interview(self.ids[r["uuid"]], organisation_type=r["organisation_type"], date=r["date"],
                               status=r["status"], clear_date=r["date"] is None, name=r["name"],
                               nominated=r["nominated"])

    def _quotes(self, r: dict, mine: dict | None) -> None:
        s = self.store
        spans = [QuoteSpan(a, b, cat, ph, conf) for a, b, cat, ph, conf in r["spans"]]
        codings = {ind: stance for ind, stance in r["codings"]}
        if mine is None:  # new quotes are written together (flush_quotes), as one statement per table
            self.pending.append((self.ids[r["interview"]], r["uuid"], r["text"], r["kind"], r["needs_review"],
                                 list(codings.items()), [tuple(x) for x in r["spans"]]))
        else:
            qid = self.ids[r["uuid"]]
            s.update_quote(qid, text=r["text"], kind=r["kind"], spans=spans, needs_review=r["needs_review"])
            s.replace_codings(qid, codings)

    def _judgements(self, r: dict, mine: dict | None) -> None:
        quote_ids = [self.ids[q] for q in r["quotes"] if q in self.ids]
        self.store.set_judgement(self.ids[r["approach"]], r["indicator"], author=self.author, mark=r["mark"],
                                 finding=r["finding"], highlight=r["highlight"], let_op=r["let_op"],
                                 quote_ids=quote_ids)

    def _sections(self, r: dict, mine: dict | None) -> None:
        s = self.store
        if mine is None:
            sec = s.add_section(self.ids[r["approach"]], r["highlight"], r["title"], r["intro"], r["conclusion"],
                                r["indicators"], r["position"])
            self._keep("report_sections", r["uuid"], sec.id)
        else:
            s.update_section(self.ids[r["uuid"]], title=r["title"], intro=r["intro"], conclusion=r["conclusion"],
                             highlight=r["highlight"], indicator_ids=r["indicators"], position=r["position"])
