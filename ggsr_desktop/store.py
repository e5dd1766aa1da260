"""The local study store: the only module that holds the SQLite connection and executes SQL.

Every write runs in a short `BEGIN IMMEDIATE` transaction and returns after COMMIT (WAL, synchronous=FULL).
Quote texts arrive here already anonymised. Errors are mapped to the app's own StoreError/ValidationError
with Dutch messages.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import sqlite_utils

from ggsr_desktop import schema
from ggsr_desktop.errors import NotFoundError, StoreError, ValidationError
from ggsr_desktop.models import (
    DESCRIPTION_FIELDS,
    Approach,
    Case,
    Coding,
    Highlight,
    Interview,
    Judgement,
    JudgementChange,
    Kind,
    Mark,
    Quote,
    Role,
    Stance,
    Status,
    Study,
)

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 5000",
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _enum(enum_cls, value, what: str):
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum_cls)
        raise ValidationError(f"ongeldige {what} '{value}'; toegestaan: {allowed}") from None


def _required_text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{what} mag niet leeg zijn")
    return value.strip()


class Store:
    """An open GGSR Desktop database. Use `Store.create`, `Store.open` or `Store.open_or_create`."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = Path(path)
        self._conn = conn
        self._depth = 0  # nesting of write transactions; only the outermost one begins and commits
        self.db = sqlite_utils.Database(conn)

    # ---- opening -------------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path) -> Store:
        """Create a new, empty database at `path` (which must not exist yet)."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise StoreError(f"bestand bestaat al: {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"kan map {path.parent} niet aanmaken: {exc.strerror}") from None
        return cls._connect(path)

    @classmethod
    def open(cls, path) -> Store:
        """Open an existing database, migrating it forward if it has an older schema."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"database niet gevonden: {path}")
        return cls._connect(path)

    @classmethod
    def open_or_create(cls, path) -> Store:
        path = Path(path)
        return cls.open(path) if path.is_file() and path.stat().st_size > 0 else cls.create(path)

    @classmethod
    def _connect(cls, path: Path) -> Store:
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"kan database niet openen: {path}: {exc}") from None
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        except sqlite3.DatabaseError:
            conn.close()
            raise StoreError(f"geen GGSR-database (geen SQLite-bestand of beschadigd): {path}") from None
        if has_tables and app_id != schema.APPLICATION_ID:
            conn.close()
            raise StoreError(f"geen GGSR-database (andere SQLite-database): {path}")
        if version > schema.SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"database heeft schemaversie {version}, deze versie van GGSR Desktop kent tot en met "
                f"{schema.SCHEMA_VERSION}; werk GGSR Desktop bij: {path}"
            )
        try:
            for pragma in _PRAGMAS:
                conn.execute(pragma)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"kan database niet openen: {path}: {exc}") from None
        store = cls(path, conn)
        store.migrate()
        return store

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- schema --------------------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self, target: int = schema.SCHEMA_VERSION) -> None:
        """Apply the forward migrations up to `target`, each in its own transaction."""
        version = self.schema_version
        while version < target:
            script = schema.MIGRATIONS[version]
            try:
                self._conn.executescript(
                    f"BEGIN IMMEDIATE;\nPRAGMA application_id = {schema.APPLICATION_ID};\n{script}\n"
                    f"PRAGMA user_version = {version + 1};\nCOMMIT;"
                )
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.rollback()
                raise StoreError(f"migratie naar schemaversie {version + 1} mislukt: {exc}") from None
            version += 1

    # ---- transactions and queries -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes (a bulk import) into one atomic, durable transaction."""
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"kan niet schrijven in {self.path.name}: {exc}") from None
        self._depth = 1
        try:
            yield self._conn
            self._depth = 0
            self._conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            self._rollback()
            raise ValidationError(_integrity_message(exc)) from None
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"opslaan mislukt in {self.path.name}: {exc}") from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        self._depth = 0
        if self._conn.in_transaction:
            self._conn.rollback()

    def _rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        try:
            return list(self.db.query(sql, tuple(params)))
        except sqlite3.Error as exc:
            raise StoreError(f"lezen mislukt uit {self.path.name}: {exc}") from None

    def _one(self, sql: str, params: Iterable, what: str) -> dict:
        rows = self._rows(sql, params)
        if not rows:
            raise NotFoundError(f"{what} bestaat niet")
        return rows[0]

    # ---- studies -------------------------------------------------------------------------------------------

    def add_study(self, name: str, framework_id: str) -> Study:
        name = _required_text(name, "naam van het onderzoek")
        framework_id = _required_text(framework_id, "toetsingskader")
        with self._write() as c:
            cur = c.execute("INSERT INTO studies (name, framework_id, created) VALUES (?, ?, ?)",
                            (name, framework_id, now()))
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

    def add_approach(self, study_id: int, municipality: str, name: str, regisseur_label: str = "regisseur",
                     description: dict[str, str] | None = None) -> Approach:
        self.get_study(study_id)
        desc = self._description(description or {})
        fields = {
            "study_id": study_id,
            "municipality": _required_text(municipality, "gemeente"),
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
                        regisseur_label: str | None = None, description: dict[str, str] | None = None) -> Approach:
        self.get_approach(approach_id)
        fields: dict[str, str] = {}
        if municipality is not None:
            fields["municipality"] = _required_text(municipality, "gemeente")
        if name is not None:
            fields["name"] = _required_text(name, "naam van de aanpak")
        if regisseur_label is not None:
            fields["regisseur_label"] = _required_text(regisseur_label, "benaming van de regisseur")
        if description:
            fields.update(self._description(description))
        if fields:
            fields["updated"] = now()
            assignments = ", ".join(f"{k} = ?" for k in fields)
            with self._write() as c:
                c.execute(f"UPDATE approaches SET {assignments} WHERE id = ?", [*fields.values(), approach_id])
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

    def get_case(self, case_id: int) -> Case:
        return Case(**self._one("SELECT * FROM cases WHERE id = ?", [case_id], f"casus {case_id}"))

    def list_cases(self, approach_id: int) -> list[Case]:
        return [Case(**r) for r in self._rows("SELECT * FROM cases WHERE approach_id = ? ORDER BY code, id",
                                               [approach_id])]

    def rename_case(self, case_id: int, code: str) -> Case:
        code = _required_text(code, "code van de casus")
        self.get_case(case_id)
        with self._write() as c:
            c.execute("UPDATE cases SET code = ? WHERE id = ?", (code, case_id))
        return self.get_case(case_id)

    def delete_case(self, case_id: int) -> None:
        self._delete("cases", case_id, f"casus {case_id}")

    # ---- interviews ----------------------------------------------------------------------------------------

    def add_interview(self, case_id: int, role: str, organisation_type: str | None = None, date: str | None = None,
                      status: str = Status.PLANNED) -> Interview:
        self.get_case(case_id)
        role = _enum(Role, role, "rol")
        status = _enum(Status, status, "status")
        organisation_type = (organisation_type or "").strip() or None
        if role is Role.PROFESSIONAL and organisation_type is None:
            raise ValidationError("een gesprek met een professional heeft een organisatietype nodig")
        date = _iso_date(date)
        stamp = now()
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO interviews (case_id, role, organisation_type, date, status, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (case_id, role, organisation_type, date, status, stamp, stamp))
        return self.get_interview(cur.lastrowid)

    def update_interview(self, interview_id: int, *, organisation_type: str | None = None, date: str | None = None,
                         status: str | None = None) -> Interview:
        self.get_interview(interview_id)
        fields: dict[str, str | None] = {}
        if organisation_type is not None:
            fields["organisation_type"] = organisation_type.strip() or None
        if date is not None:
            fields["date"] = _iso_date(date)
        if status is not None:
            fields["status"] = _enum(Status, status, "status")
        if fields:
            fields["updated"] = now()
            assignments = ", ".join(f"{k} = ?" for k in fields)
            with self._write() as c:
                c.execute(f"UPDATE interviews SET {assignments} WHERE id = ?", [*fields.values(), interview_id])
        return self.get_interview(interview_id)

    @staticmethod
    def _interview(row: dict) -> Interview:
        return Interview(**{**row, "role": Role(row["role"]), "status": Status(row["status"])})

    def get_interview(self, interview_id: int) -> Interview:
        return self._interview(self._one("SELECT * FROM interviews WHERE id = ?", [interview_id],
                                         f"gesprek {interview_id}"))

    def list_interviews(self, case_id: int) -> list[Interview]:
        order = "CASE role WHEN 'gezin' THEN 0 WHEN 'regisseur' THEN 1 WHEN 'professional' THEN 2 ELSE 3 END, id"
        return [self._interview(r) for r in self._rows(
            f"SELECT * FROM interviews WHERE case_id = ? ORDER BY {order}", [case_id])]

    def delete_interview(self, interview_id: int) -> None:
        self._delete("interviews", interview_id, f"gesprek {interview_id}")

    # ---- quotes and codings --------------------------------------------------------------------------------

    def add_quote(self, interview_id: int, text: str, kind: str = Kind.QUOTE,
                  codings: dict[str, str] | None = None) -> Quote:
        """Store an (already anonymised) quote with its codings {indicator_id: stance}, durably."""
        self.get_interview(interview_id)
        text = _required_text(text, "tekst van het citaat")
        kind = _enum(Kind, kind, "soort")
        coding_rows = [(ind, _enum(Stance, st, "houding")) for ind, st in (codings or {}).items()]
        stamp = now()
        with self._write() as c:
            cur = c.execute("INSERT INTO quotes (interview_id, text, kind, created, updated) VALUES (?, ?, ?, ?, ?)",
                            (interview_id, text, kind, stamp, stamp))
            c.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)",
                          [(cur.lastrowid, ind, st) for ind, st in coding_rows])
        return self.get_quote(cur.lastrowid)

    def update_quote(self, quote_id: int, *, text: str | None = None, kind: str | None = None) -> Quote:
        self.get_quote(quote_id)
        fields: dict[str, str] = {}
        if text is not None:
            fields["text"] = _required_text(text, "tekst van het citaat")
        if kind is not None:
            fields["kind"] = _enum(Kind, kind, "soort")
        if fields:
            fields["updated"] = now()
            assignments = ", ".join(f"{k} = ?" for k in fields)
            with self._write() as c:
                c.execute(f"UPDATE quotes SET {assignments} WHERE id = ?", [*fields.values(), quote_id])
        return self.get_quote(quote_id)

    def delete_quote(self, quote_id: int) -> None:
        self._delete("quotes", quote_id, f"citaat {quote_id}")

    def set_coding(self, quote_id: int, indicator_id: str, stance: str = Stance.NEUTRAL) -> Quote:
        self.get_quote(quote_id)
        indicator_id = _required_text(indicator_id, "indicator")
        stance = _enum(Stance, stance, "houding")
        with self._write() as c:
            c.execute("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?) "
                      "ON CONFLICT (quote_id, indicator_id) DO UPDATE SET stance = excluded.stance",
                      (quote_id, indicator_id, stance))
            c.execute("UPDATE quotes SET updated = ? WHERE id = ?", (now(), quote_id))
        return self.get_quote(quote_id)

    def remove_coding(self, quote_id: int, indicator_id: str) -> Quote:
        self.get_quote(quote_id)
        with self._write() as c:
            c.execute("DELETE FROM codings WHERE quote_id = ? AND indicator_id = ?", (quote_id, indicator_id))
            c.execute("UPDATE quotes SET updated = ? WHERE id = ?", (now(), quote_id))
        return self.get_quote(quote_id)

    def _quotes(self, where: str, params: Iterable) -> list[Quote]:
        rows = self._rows(f"SELECT * FROM quotes WHERE {where} ORDER BY id", params)
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        codings: dict[int, list[Coding]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            marks = ", ".join("?" for _ in chunk)
            for c in self._rows(f"SELECT * FROM codings WHERE quote_id IN ({marks}) ORDER BY quote_id, indicator_id",
                                chunk):
                codings[c["quote_id"]].append(Coding(c["quote_id"], c["indicator_id"], Stance(c["stance"])))
        return [Quote(**{**r, "kind": Kind(r["kind"])}, codings=tuple(codings[r["id"]])) for r in rows]

    def get_quote(self, quote_id: int) -> Quote:
        quotes = self._quotes("id = ?", [quote_id])
        if not quotes:
            raise NotFoundError(f"citaat {quote_id} bestaat niet")
        return quotes[0]

    def list_quotes(self, interview_id: int) -> list[Quote]:
        return self._quotes("interview_id = ?", [interview_id])

    def search_quotes(self, query: str, approach_id: int | None = None, limit: int = 200) -> list[Quote]:
        """Full-text search; each word must occur (prefix match), case- and accent-insensitive."""
        words = [w for w in "".join(ch if ch.isalnum() else " " for ch in query).split() if w]
        if not words:
            return []
        match = " ".join(f'"{w}"*' for w in words)
        sql = "SELECT quotes_fts.rowid AS id FROM quotes_fts WHERE quotes_fts MATCH ?"
        params: list = [match]
        if approach_id is not None:
            sql = ("SELECT f.rowid AS id FROM quotes_fts f JOIN quotes q ON q.id = f.rowid "
                   "JOIN interviews i ON i.id = q.interview_id JOIN cases c ON c.id = i.case_id "
                   "WHERE quotes_fts MATCH ? AND c.approach_id = ?")
            params.append(approach_id)
        ids = [r["id"] for r in self._rows(f"{sql} ORDER BY rank LIMIT ?", [*params, limit])]
        if not ids:
            return []
        by_id = {q.id: q for q in self._quotes(f"id IN ({', '.join('?' for _ in ids)})", ids)}
        return [by_id[i] for i in ids]

    # ---- judgements ----------------------------------------------------------------------------------------

    def get_judgement(self, approach_id: int, indicator_id: str) -> Judgement | None:
        rows = self._rows("SELECT * FROM judgements WHERE approach_id = ? AND indicator_id = ?",
                          [approach_id, indicator_id])
        return self._judgement(rows[0]) if rows else None

    def list_judgements(self, approach_id: int) -> list[Judgement]:
        return [self._judgement(r) for r in self._rows(
            "SELECT * FROM judgements WHERE approach_id = ? ORDER BY indicator_id", [approach_id])]

    def _judgement(self, row: dict) -> Judgement:
        quote_ids = tuple(r["quote_id"] for r in self._rows(
            "SELECT quote_id FROM judgement_quotes WHERE approach_id = ? AND indicator_id = ? ORDER BY position",
            [row["approach_id"], row["indicator_id"]]))
        return Judgement(
            approach_id=row["approach_id"], indicator_id=row["indicator_id"],
            mark=Mark(row["mark"]) if row["mark"] else None, finding=row["finding"],
            highlight=Highlight(row["highlight"]), quote_ids=quote_ids, updated=row["updated"],
        )

    def set_judgement(self, approach_id: int, indicator_id: str, *, author: str, mark: str | None = ...,
                      finding: str | None = None, highlight: str | None = None,
                      quote_ids: Iterable[int] | None = None) -> Judgement:
        """Change a judgement; fields left out stay as they are. Every change is kept in the history."""
        self.get_approach(approach_id)
        author = _required_text(author, "naam van de inspecteur")
        indicator_id = _required_text(indicator_id, "indicator")
        old = self.get_judgement(approach_id, indicator_id)
        before = _judgement_fields(old)
        after = dict(before)
        if mark is not ...:
            after["mark"] = _enum(Mark, mark, "beoordeling").value if mark is not None else None
        if finding is not None:
            after["finding"] = finding.strip()
        if highlight is not None:
            after["highlight"] = _enum(Highlight, highlight, "markering").value
        if quote_ids is not None:
            after["quote_ids"] = list(dict.fromkeys(int(q) for q in quote_ids))
            for qid in after["quote_ids"]:
                self.get_quote(qid)
        changed = [k for k in after if after[k] != before[k]]
        if not changed and old is not None:
            return old
        stamp = now()
        with self._write() as c:
            c.execute(
                "INSERT INTO judgements (approach_id, indicator_id, mark, finding, highlight, updated) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (approach_id, indicator_id) DO UPDATE SET "
                "mark = excluded.mark, finding = excluded.finding, highlight = excluded.highlight, "
                "updated = excluded.updated",
                (approach_id, indicator_id, after["mark"], after["finding"], after["highlight"], stamp))
            if "quote_ids" in changed:
                c.execute("DELETE FROM judgement_quotes WHERE approach_id = ? AND indicator_id = ?",
                          (approach_id, indicator_id))
                c.executemany(
                    "INSERT INTO judgement_quotes (approach_id, indicator_id, quote_id, position) VALUES (?, ?, ?, ?)",
                    [(approach_id, indicator_id, q, pos) for pos, q in enumerate(after["quote_ids"])])
            c.execute(
                "INSERT INTO judgement_history (approach_id, indicator_id, author, changed_at, old, new) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (approach_id, indicator_id, author, stamp,
                 json.dumps({k: before[k] for k in changed}, ensure_ascii=False),
                 json.dumps({k: after[k] for k in changed}, ensure_ascii=False)))
        return self.get_judgement(approach_id, indicator_id)

    def judgement_history(self, approach_id: int, indicator_id: str) -> list[JudgementChange]:
        return [
            JudgementChange(id=r["id"], approach_id=r["approach_id"], indicator_id=r["indicator_id"],
                            author=r["author"], changed_at=r["changed_at"], old=json.loads(r["old"]),
                            new=json.loads(r["new"]))
            for r in self._rows("SELECT * FROM judgement_history WHERE approach_id = ? AND indicator_id = ? "
                                "ORDER BY id", [approach_id, indicator_id])
        ]

    # ---- overview ------------------------------------------------------------------------------------------

    def counts(self, approach_id: int | None = None) -> dict[str, int]:
        """Numbers of cases, interviews, quotes, codings and judgements (of one approach, or of all)."""
        scope, params = ("WHERE c.approach_id = ?", [approach_id]) if approach_id is not None else ("", [])
        row = self._rows(
            "SELECT count(DISTINCT c.id) AS cases, count(DISTINCT i.id) AS interviews, count(DISTINCT q.id) AS quotes "
            "FROM cases c LEFT JOIN interviews i ON i.case_id = c.id LEFT JOIN quotes q ON q.interview_id = i.id "
            f"{scope}", params)[0]
        codings = self._rows(
            "SELECT count(*) AS n FROM codings k JOIN quotes q ON q.id = k.quote_id "
            "JOIN interviews i ON i.id = q.interview_id JOIN cases c ON c.id = i.case_id " + scope, params)[0]["n"]
        jscope = "WHERE approach_id = ?" if approach_id is not None else ""
        judged = self._rows(f"SELECT count(*) AS n FROM judgements {jscope}", params)[0]["n"]
        return {**row, "codings": codings, "judgements": judged}

    def quote_counts_by_interview(self, case_id: int) -> dict[int, int]:
        return {r["id"]: r["n"] for r in self._rows(
            "SELECT i.id, count(q.id) AS n FROM interviews i LEFT JOIN quotes q ON q.interview_id = i.id "
            "WHERE i.case_id = ? GROUP BY i.id", [case_id])}

    # ---- helpers -------------------------------------------------------------------------------------------

    def _delete(self, table: str, row_id: int, what: str) -> None:
        with self._write() as c:
            cur = c.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        if cur.rowcount == 0:
            raise NotFoundError(f"{what} bestaat niet")


def _judgement_fields(j: Judgement | None) -> dict:
    if j is None:
        return {"mark": None, "finding": "", "highlight": Highlight.NONE.value, "quote_ids": []}
    return {"mark": j.mark.value if j.mark else None, "finding": j.finding, "highlight": j.highlight.value,
            "quote_ids": list(j.quote_ids)}


def _iso_date(value: str | None) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    try:
        return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise ValidationError(f"ongeldige datum '{text}'; gebruik JJJJ-MM-DD") from None


def _integrity_message(exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    if "cases.approach_id, cases.code" in text:
        return "er is al een casus met deze code in deze aanpak"
    if "codings.quote_id, codings.indicator_id" in text:
        return "het citaat is al aan deze indicator gekoppeld"
    if "FOREIGN KEY" in text:
        return "verwijzing naar een onderdeel dat niet (meer) bestaat"
    return f"ongeldige gegevens: {text}"
