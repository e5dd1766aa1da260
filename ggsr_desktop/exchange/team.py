"""Exchange files between the inspectors of a round: export an approach or a study (everything in it) or only its
judgement files (for the national report and follow-ups elsewhere), inspect one, and merge one into a round database
by id (`merge.py`). Frameworks must match by fingerprint; a tampered, truncated or foreign file is refused."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ggsr_desktop import __version__
from ggsr_desktop.errors import GgsrError
from ggsr_desktop.exchange import merge as merging
from ggsr_desktop.exchange.bundle import Bundle, BundleError, Secret, read_bundle, read_header, write_bundle
from ggsr_desktop.framework import Framework, FrameworkCatalog
from ggsr_desktop.models import ApproachRecord, Mark
from ggsr_desktop.store import Store

JUDGEMENT_FORMAT = "ggsr-judgements"


@dataclass(frozen=True)
class ExportedBundle:
    path: Path
    kind: str
    counts: dict[str, int]


def _framework(store: Store, catalog: FrameworkCatalog, study_id: int) -> Framework:
    study = store.get_study(study_id)
    try:
        return catalog.get(study.framework_id)
    except KeyError:
        raise GgsrError(f"toetsingskader '{study.framework_id}' van onderzoek {study.id} is niet gevonden") from None


def judgement_file(store: Store, framework: Framework, approach_id: int, inspectors: list[str]) -> dict:
    """The judgements of one approach without quotes, registers or persons (spec round2 §4.6)."""
    a = store.get_approach(approach_id)
    study = store.get_study(a.study_id)
    group_of = {ind: k for k, g in enumerate(store.row_groups(approach_id)) for ind in g.indicator_ids}
    return {
        "format": JUDGEMENT_FORMAT, "version": 1, "app_version": __version__, "framework": framework.id,
        "fingerprint": framework.fingerprint, "round": study.name, "municipality": a.municipality,
        "approach": a.name, "approach_uuid": store.ensure_uuids("approaches", [approach_id])[approach_id],
        "inspectors": inspectors,
        "judgements": [{"indicator": j.indicator_id, "mark": j.mark.symbol if j.mark else None,
                        "finding": j.finding, "let_op": j.let_op, "group": group_of.get(j.indicator_id)}
                       for j in store.list_judgements(approach_id)],
        "groups": [{"indicators": list(g.indicator_ids), "shared_finding": g.shared_finding}
                   for g in store.row_groups(approach_id)],
        "attributes": store.approach_attributes(approach_id),
        "exclusions": [{"indicator": i, "reason": r} for i, r in store.exclusions(approach_id).items()],
    }


def export_bundle(store: Store, catalog: FrameworkCatalog, out: Path, secret: Secret, *, author: str,
                  approach_id: int | None = None, study_id: int | None = None,
                  judgements_only: bool = False) -> ExportedBundle:
    """Write one approach (or every approach of a study) as an encrypted exchange file."""
    if (approach_id is None) == (study_id is None):
        raise GgsrError("geef een aanpak of een onderzoek")
    if approach_id is not None:
        study_id = store.get_approach(approach_id).study_id
        ids = [approach_id]
    else:
        followups = store.followup_ids()
        ids = [a.id for a in store.list_approaches(study_id) if a.id not in followups]
        if not ids:
            raise GgsrError(f"onderzoek {study_id} heeft geen aanpakken om uit te wisselen")
    framework = _framework(store, catalog, study_id)
    header = {"framework": framework.id, "fingerprint": framework.fingerprint, "study": store.get_study(study_id).name,
              "approaches": [f"{a.municipality} — {a.name}" for a in map(store.get_approach, ids)]}
    if judgements_only:
        files = [judgement_file(store, framework, i, [author] if author else []) for i in ids]
        header["counts"] = {"approaches": len(files), "judgements": sum(len(f["judgements"]) for f in files)}
        write_bundle(out, "oordelen", header, {"judgement_files": files}, secret, __version__, author)
        return ExportedBundle(Path(out), "oordelen", header["counts"])
    with store.transaction():  # the ids given now and the merge bases: one commit
        data = merging.payload(store, study_id, ids)
        data["bases"] = store.merge_bases(merging.record_bases(data))  # what this side last exchanged
        header["counts"] = merging.counts(data)
        write_bundle(out, "aanpak" if approach_id is not None else "onderzoek", header, data, secret, __version__,
                     author)
        store.set_merge_bases(merging.record_bases(data))
    return ExportedBundle(Path(out), "aanpak" if approach_id is not None else "onderzoek", header["counts"])


def inspect(path: Path, secret: Secret | None = None) -> dict:
    """The header (readable without the key); with a secret also authenticated, with the counts of the content."""
    header, _, _ = read_header(path)
    shown = {k: v for k, v in header.items() if k not in ("wrap", "nonce")}
    shown["encrypted_for"] = "team" if (header.get("wrap") or {}).get("method") == "x25519" else "wachtwoord"
    if secret is not None:
        bundle = read_bundle(path, secret)
        shown["verified"] = True
        if header.get("kind") != "oordelen":
            shown["counts"] = merging.counts(bundle.payload)
    else:
        shown["verified"] = False
    return shown


def open_for_merge(path: Path, secret: Secret, catalog: FrameworkCatalog) -> Bundle:
    bundle = read_bundle(path, secret)
    if bundle.header.get("kind") == "oordelen":
        raise BundleError(f"{path}: dit bestand bevat alleen oordelen (voor de landelijke rapportage of een "
                          "vervolgonderzoek) en kan niet worden samengevoegd")
    _check_framework(path, bundle.header, catalog)
    return bundle


def _check_framework(path: Path, header: dict, catalog: FrameworkCatalog) -> Framework:
    try:
        framework = catalog.get(header.get("framework"))
    except KeyError:
        raise BundleError(f"{path}: toetsingskader '{header.get('framework')}' is hier niet bekend") from None
    if header.get("fingerprint") != framework.fingerprint:
        raise BundleError(f"{path}: het toetsingskader '{framework.id}' van dit bestand verschilt van het uwe (andere "
                          "ids of teksten); samenvoegen kan alleen bij hetzelfde toetsingskader")
    return framework


def merge_bundle(store: Store, path: Path, secret: Secret, catalog: FrameworkCatalog, *, author: str,
                 resolutions: dict[str, str] | None = None, dry_run: bool = False) -> merging.MergePlan:
    """Merge an exchange file (one transaction, a backup first); `dry_run` only says what it would do."""
    bundle = open_for_merge(path, secret, catalog)
    if dry_run:
        return merging.plan(store, bundle.payload, resolutions)
    return merging.merge(store, bundle.payload, resolutions, author=author or bundle.header.get("author") or "team",
                         backup=store.backup if store.keep_backups else None)


def records_from_bundle(path: Path, secret: Secret, catalog: FrameworkCatalog) -> list[ApproachRecord]:
    """The judgement files of a bundle as the national report counts them."""
    bundle = read_bundle(path, secret)
    _check_framework(path, bundle.header, catalog)
    files = bundle.payload.get("judgement_files")
    if files is None:  # a full bundle: its judgements are there too
        data = bundle.payload
        return [_record_from_payload(path, data, a, bundle.header) for a in data["approaches"]]
    return [record_from_judgement_file(path, f) for f in files]


def record_from_judgement_file(path: Path, f: dict) -> ApproachRecord:
    symbols = {m.symbol: m for m in Mark}
    return ApproachRecord(
        source=Path(path).name, round=f["round"], municipality=f["municipality"], approach=f["approach"],
        framework_id=f["framework"], fingerprint=f["fingerprint"],
        marks={j["indicator"]: symbols.get(j["mark"]) for j in f["judgements"]},
        findings={j["indicator"]: j["finding"] for j in f["judgements"]},
        attributes=dict(f.get("attributes") or {}),
        exclusions={e["indicator"]: e["reason"] for e in f.get("exclusions") or []},
        approach_uuid=f.get("approach_uuid"))


def _record_from_payload(path: Path, data: dict, a: dict, header: dict) -> ApproachRecord:
    judgements = [j for j in data["judgements"] if j["approach"] == a["uuid"]]
    return ApproachRecord(
        source=Path(path).name, round=data["study"]["name"], municipality=a["municipality"], approach=a["name"],
        framework_id=header["framework"], fingerprint=header["fingerprint"],
        marks={j["indicator"]: Mark(j["mark"]) if j["mark"] else None for j in judgements},
        findings={j["indicator"]: j["finding"] for j in judgements}, attributes=dict(a["attributes"]),
        exclusions=dict(a["exclusions"]), approach_uuid=a["uuid"])
