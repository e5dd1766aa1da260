"""Studies, approaches, cases and interviews, and counts over them."""

from __future__ import annotations

from dataclasses import dataclass

from ggsr_desktop.errors import ValidationError
from ggsr_desktop.labels import MUNICIPALITY_WORD
from ggsr_desktop.models import (
    DEFAULT_REGISSEUR_LABEL,
    DESCRIPTION_FIELDS,
    POLICY_SOURCES,
    SOURCES,
    Approach,
    Case,
    Interview,
    Role,
    Status,
    Study,
)
from ggsr_desktop.store.base import _enum, _iso_date, _required_text, now


@dataclass(frozen=True)
class CaseSnapshot:
    """A case as it was, to put it back after an undone deletion (redo of 'casus aanmaken'): its row, interviews,
    register key, register digests and placeholder numbers. Held in memory only, never written elsewhere."""

    case: Case
    interviews: tuple[Interview, ...]
    key: bytes | None
    entries: dict[bytes, tuple[str, str]]
    numbers: tuple[tuple[str, bytes, int], ...]


class InspectionRecords:
    """Store methods for the structure of an inspection (mixed into Store)."""

    # ---- studies -------------------------------------------------------------------------------------------

    def add_study(self, name: str, framework_id: str, *, study_id: int | None = None) -> Study:
        """`study_id` puts back a study under the id it had (redo of its creation)."""
        name = _required_text(name, "naam van het onderzoek")
        framework_id = _required_text(framework_id, "toetsingskader")
        with self._write() as c:
            cur = c.execute("INSERT INTO studies (id, name, framework_id, created) VALUES (?, ?, ?, ?)",
                            (study_id, name, framework_id, now()))
        return self.get_study(cur.lastrowid)

    def get_study(self, study_id: int) -> Study:
        return Study(**self._one("SELECT * FROM studies WHERE id = ?", [study_id], f"onderzoek {study_id}"))

    def list_studies(self) -> list[Study]:
        return [Study(**r) for r in self._rows("SELECT * FROM studies ORDER BY id")]

    def rename_study(self, study_id: int, name: str) -> Study:
        name = _required_text(name, "naam van het onderzoek")
        self.get_study(study_id)
        with self._write() as c:
            c.execute("UPDATE studies SET name = ? WHERE id = ?", (name, study_id))
        return self.get_study(study_id)

    def delete_study(self, study_id: int) -> None:
        self._delete("studies", study_id, f"onderzoek {study_id}")

    # ---- approaches ----------------------------------------------------------------------------------------

    def add_approach(self, study_id: int, municipality: str, name: str, regisseur_label: str = DEFAULT_REGISSEUR_LABEL,
                     description: dict[str, str] | None = None, *, approach_id: int | None = None) -> Approach:
        """`approach_id` puts back an approach under the id it had (redo of its creation)."""
        self.get_study(study_id)
        desc = self._description(description or {})
        fields = {
            "id": approach_id, "study_id": study_id,
            "municipality": _required_text(municipality, MUNICIPALITY_WORD),
            "name": _required_text(name, "naam van de aanpak"),
            "regisseur_label": _required_text(regisseur_label, "benaming van de regisseur"),
            **desc, "created": now(), "updated": now(),
        }
        cols = ", ".join(fields)
        marks = ", ".join("?" for _ in fields)
        with self._write() as c:
            cur = c.execute(f"INSERT INTO approaches ({cols}) VALUES ({marks})", list(fields.values()))
        return self.get_approach(cur.lastrowid)

    def update_approach(self, approach_id: int, *, municipality: str | None = None, name: str | None = None,
                        regisseur_label: str | None = None, description: dict[str, str] | None = None,
                        overview: str | None = None) -> Approach:
        self.get_approach(approach_id)
        fields: dict[str, str] = {}
        if municipality is not None:
            fields["municipality"] = _required_text(municipality, MUNICIPALITY_WORD)
        if name is not None:
            fields["name"] = _required_text(name, "naam van de aanpak")
        if regisseur_label is not None:
            fields["regisseur_label"] = _required_text(regisseur_label, "benaming van de regisseur")
        if description:
            fields.update(self._description(description))
        if overview is not None:
            fields["overview"] = overview.strip()
        self._update("approaches", approach_id, fields)
        return self.get_approach(approach_id)

    @staticmethod
    def _description(description: dict[str, str]) -> dict[str, str]:
        unknown = set(description) - set(DESCRIPTION_FIELDS)
        if unknown:
            raise ValidationError(f"onbekend beschrijvingsveld: {', '.join(sorted(unknown))}; "
                                  f"toegestaan: {', '.join(DESCRIPTION_FIELDS)}")
        return {k: (v or "").strip() for k, v in description.items()}

    @staticmethod
    def _approach(row: dict) -> Approach:
        desc = {k: row.pop(k) for k in DESCRIPTION_FIELDS}
        return Approach(description=desc, **row)

    def get_approach(self, approach_id: int) -> Approach:
        return self._approach(self._one("SELECT * FROM approaches WHERE id = ?", [approach_id],
                                        f"aanpak {approach_id}"))

    def list_approaches(self, study_id: int | None = None) -> list[Approach]:
        if study_id is None:
            rows = self._rows("SELECT * FROM approaches ORDER BY id")
        else:
            rows = self._rows("SELECT * FROM approaches WHERE study_id = ? ORDER BY id", [study_id])
        return [self._approach(r) for r in rows]

    def delete_approach(self, approach_id: int) -> None:
        self._delete("approaches", approach_id, f"aanpak {approach_id}")

    # ---- cases ---------------------------------------------------------------------------------------------

    def add_case(self, approach_id: int, code: str) -> Case:
        self.get_approach(approach_id)
        code = _required_text(code, "code van de casus")
        with self._write() as c:
            cur = c.execute("INSERT INTO cases (approach_id, code, created) VALUES (?, ?, ?)",
                            (approach_id, code, now()))
        return self.get_case(cur.lastrowid)

    @staticmethod
    def _case(row: dict) -> Case:
        return Case(**{**row, "survey": bool(row["survey"])})

    def get_case(self, case_id: int) -> Case:
        return self._case(self._one("SELECT * FROM cases WHERE id = ?", [case_id], f"casus {case_id}"))

    def case_ids(self) -> list[int]:
        return [r["id"] for r in self._rows("SELECT id FROM cases ORDER BY id")]

    def list_cases(self, approach_id: int) -> list[Case]:
        """The families of an approach (not the survey case of a policy-level approach)."""
        return [self._case(r) for r in self._rows(
            "SELECT * FROM cases WHERE approach_id = ? AND survey = 0 ORDER BY code, id", [approach_id])]

    # ---- policy level: the survey case and its respondents --------------------------------------------------

    SURVEY_CODE = "Bevraging"

    def survey_case(self, approach_id: int, *, create: bool = False) -> Case | None:
        """The case that holds the respondents of a policy-level approach (made on first use with `create`)."""
        rows = self._rows("SELECT * FROM cases WHERE approach_id = ? AND survey = 1", [approach_id])
        if rows:
            return self._case(rows[0])
        if not create:
            return None
        self.get_approach(approach_id)
        with self._write() as c:
            cur = c.execute("INSERT INTO cases (approach_id, code, created, survey) VALUES (?, ?, ?, 1)",
                            (approach_id, self.SURVEY_CODE, now()))
        return self.get_case(cur.lastrowid)

    def add_respondent(self, approach_id: int, role: str, name: str | None = None, *, nominated: bool | None = None,
                       date: str | None = None, status: str = Status.PLANNED,
                       interview_id: int | None = None) -> Interview:
        """A respondent of a policy-level approach: the municipality, a network partner (its organisation's name;
        nominated by the municipality or not) or a document (its title)."""
        role = _enum(Role, role, "soort respondent")
        if role not in POLICY_SOURCES:
            raise ValidationError(f"soort respondent '{role}' bestaat niet op beleidsniveau; toegestaan: "
                                  f"{', '.join(POLICY_SOURCES)}")
        name = (name or "").strip() or None
        if role is not Role.MUNICIPALITY and name is None:
            raise ValidationError("een netwerkpartner heeft de naam van de organisatie nodig" if role is
                                  Role.NETWORK_PARTNER else "een document heeft een titel nodig")
        with self._write():
            case = self.survey_case(approach_id, create=True)
            return self.add_interview(case.id, role, date=date, status=status, name=name,
                                      nominated=nominated if role is Role.NETWORK_PARTNER else None,
                                      interview_id=interview_id)

    def respondents(self, approach_id: int) -> list[Interview]:
        """The respondents of a policy-level approach: the municipality, the network partners, the documents."""
        case = self.survey_case(approach_id)
        return self.list_interviews(case.id) if case else []

    def rename_case(self, case_id: int, code: str) -> Case:
        code = _required_text(code, "code van de casus")
        self.get_case(case_id)
        with self._write() as c:
            c.execute("UPDATE cases SET code = ? WHERE id = ?", (code, case_id))
        return self.get_case(case_id)

    def delete_case(self, case_id: int) -> None:
        self._delete("cases", case_id, f"casus {case_id}")

    def case_snapshot(self, case_id: int) -> CaseSnapshot:
        numbers = self._rows("SELECT category, digest, number FROM placeholder_numbers WHERE case_id = ? "
                             "ORDER BY category, number", [case_id])
        return CaseSnapshot(self.get_case(case_id), tuple(self.list_interviews(case_id)), self.case_key(case_id),
                            self.register_entries(case_id),
                            tuple((r["category"], bytes(r["digest"]), r["number"]) for r in numbers))

    def restore_case(self, snapshot: CaseSnapshot) -> Case:
        """Put a deleted case back as the snapshot has it, in one transaction (its ids are free again)."""
        case = snapshot.case
        with self._write() as c:
            c.execute("INSERT INTO cases (id, approach_id, code, created) VALUES (?, ?, ?, ?)",
                      (case.id, case.approach_id, case.code, case.created))
            c.executemany(
                "INSERT INTO interviews (id, case_id, role, organisation_type, date, status, created, updated, name, "
                "nominated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(iv.id, iv.case_id, iv.role.value, iv.organisation_type, iv.date, iv.status.value, iv.created,
                  iv.updated, iv.name, iv.nominated) for iv in snapshot.interviews])
            if snapshot.key is not None:
                self.set_case_key(case.id, snapshot.key)
            if snapshot.entries:
                self.add_register_entries(case.id, snapshot.entries)
            c.executemany("INSERT INTO placeholder_numbers (case_id, category, digest, number) VALUES (?, ?, ?, ?)",
                          [(case.id, cat, digest, number) for cat, digest, number in snapshot.numbers])
        return self.get_case(case.id)

    # ---- interviews ----------------------------------------------------------------------------------------

    def add_interview(self, case_id: int, role: str, organisation_type: str | None = None, date: str | None = None,
                      status: str = Status.PLANNED, *, name: str | None = None,
                      nominated: bool | None = None, interview_id: int | None = None) -> Interview:
        """`interview_id` puts back an interview under the id it had (redo of its creation)."""
        case = self.get_case(case_id)
        role = _enum(Role, role, "rol")
        allowed = POLICY_SOURCES if case.survey else SOURCES
        if role not in allowed:
            raise ValidationError(f"rol '{role}' past niet bij {'een beleidsaanpak' if case.survey else 'een casus'}; "
                                  f"toegestaan: {', '.join(allowed)}")
        status = _enum(Status, status, "status")
        organisation_type = (organisation_type or "").strip() or None
        if role is Role.PROFESSIONAL and organisation_type is None:
            raise ValidationError("een gesprek met een professional heeft een organisatietype nodig")
        date = _iso_date(date)
        stamp = now()
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO interviews (id, case_id, role, organisation_type, date, status, created, updated, name, "
                "nominated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (interview_id, case_id, role, organisation_type, date, status, stamp, stamp,
                 (name or "").strip() or None, None if nominated is None else int(bool(nominated))))
        return self.get_interview(cur.lastrowid)

    def update_interview(self, interview_id: int, *, organisation_type: str | None = None, date: str | None = None,
                         status: str | None = None, clear_date: bool = False, name: str | None = None,
                         nominated: bool | None = None) -> Interview:
        """Fields left None stay; `clear_date` removes the date (undo of setting a first date)."""
        interview = self.get_interview(interview_id)
        fields: dict[str, str | int | None] = {}
        if name is not None:
            if not name.strip() and interview.role is not Role.MUNICIPALITY:
                raise ValidationError("de naam van een netwerkpartner of de titel van een document mag niet leeg zijn")
            fields["name"] = name.strip() or None
        if nominated is not None:
            fields["nominated"] = int(bool(nominated))
        if organisation_type is not None:
            fields["organisation_type"] = organisation_type.strip() or None
        if clear_date:
            fields["date"] = None
        elif date is not None:
            fields["date"] = _iso_date(date)
        if status is not None:
            fields["status"] = _enum(Status, status, "status")
        self._update("interviews", interview_id, fields)
        return self.get_interview(interview_id)

    @staticmethod
    def _interview(row: dict) -> Interview:
        nominated = row["nominated"]
        return Interview(**{**row, "role": Role(row["role"]), "status": Status(row["status"]),
                            "nominated": None if nominated is None else bool(nominated)})

    def get_interview(self, interview_id: int) -> Interview:
        return self._interview(self._one("SELECT * FROM interviews WHERE id = ?", [interview_id],
                                         f"gesprek {interview_id}"))

    _INTERVIEW_ORDER = ("CASE role WHEN 'gezin' THEN 0 WHEN 'regisseur' THEN 1 WHEN 'professional' THEN 2 "
                        "WHEN 'gemeente' THEN 0 WHEN 'netwerkpartner' THEN 1 ELSE 3 END, id")

    def list_interviews(self, case_id: int) -> list[Interview]:
        return [self._interview(r) for r in self._rows(
            f"SELECT * FROM interviews WHERE case_id = ? ORDER BY {self._INTERVIEW_ORDER}", [case_id])]

    def interviews_by_case(self) -> dict[int, list[Interview]]:
        """Every interview of the database per case, in the order of `list_interviews` (one query)."""
        found: dict[int, list[Interview]] = {}
        for r in self._rows(f"SELECT * FROM interviews ORDER BY case_id, {self._INTERVIEW_ORDER}"):
            found.setdefault(r["case_id"], []).append(self._interview(r))
        return found

    def delete_interview(self, interview_id: int) -> None:
        self._delete("interviews", interview_id, f"gesprek {interview_id}")

    # ---- overview ------------------------------------------------------------------------------------------

    def totals(self) -> dict[str, int]:
        """Cases, interviews and quotes in the whole database (the status bar)."""
        return self._rows("SELECT (SELECT count(*) FROM cases WHERE survey = 0) AS cases, "
                          "(SELECT count(*) FROM interviews) AS interviews, (SELECT count(*) FROM quotes) AS quotes")[0]

    def counts(self, approach_id: int | None = None) -> dict[str, int]:
        """Numbers of cases, interviews, quotes, codings and judgements (of one approach, or of all)."""
        if approach_id is None:  # the whole database: plain counts (a join over every quote takes long at scale)
            return {name: self._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"] for name, table in (
                ("cases", "cases WHERE survey = 0"), ("interviews", "interviews"), ("quotes", "quotes"),
                ("codings", "codings"), ("judgements", "judgements"))}
        scope, params = ("WHERE c.approach_id = ?", [approach_id]) if approach_id is not None else ("", [])
        row = self._rows(
            "SELECT count(DISTINCT CASE WHEN c.survey = 0 THEN c.id END) AS cases, count(DISTINCT i.id) AS interviews, "
            "count(DISTINCT q.id) AS quotes "
            "FROM cases c LEFT JOIN interviews i ON i.case_id = c.id LEFT JOIN quotes q ON q.interview_id = i.id "
            f"{scope}", params)[0]
        codings = self._rows(
            "SELECT count(*) AS n FROM codings k JOIN quotes q ON q.id = k.quote_id "
            "JOIN interviews i ON i.id = q.interview_id JOIN cases c ON c.id = i.case_id " + scope, params)[0]["n"]
        jscope = "WHERE approach_id = ?" if approach_id is not None else ""
        judged = self._rows(f"SELECT count(*) AS n FROM judgements {jscope}", params)[0]["n"]
        return {**row, "codings": codings, "judgements": judged}
