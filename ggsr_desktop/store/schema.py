"""The database schema as a chain of forward migrations, applied only by `store.Store`.

MIGRATIONS[n] takes a database from schema version n to n + 1 (version 0 is an empty file). The version
lives in `PRAGMA user_version`; `PRAGMA application_id` marks the file as a GGSR Desktop database.
Never edit a published migration: append a new one and a test that migrates from every earlier version.
"""

from __future__ import annotations

APPLICATION_ID = 0x47475352  # 'GGSR'

_ROLES = "'gezin', 'regisseur', 'professional', 'document'"
_STATUSES = "'gepland', 'bezig', 'afgerond'"
_KINDS = "'citaat', 'parafrase', 'observatie'"
_STANCES = "'positief', 'negatief', 'neutraal'"
_MARKS = "'voldoet', 'verbeterpunt', 'niet_vastgesteld'"
_HIGHLIGHTS = "'groen', 'rood', 'geen'"

# Version 1: the entities of an inspection.
_V1 = f"""
CREATE TABLE studies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    framework_id TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE approaches (
    id INTEGER PRIMARY KEY,
    study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    municipality TEXT NOT NULL CHECK (trim(municipality) <> ''),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    regisseur_label TEXT NOT NULL DEFAULT 'regisseur',
    persons_and_families TEXT NOT NULL DEFAULT '',
    registration TEXT NOT NULL DEFAULT '',
    goal TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT '',
    parties_involved TEXT NOT NULL DEFAULT '',
    working_method TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX approaches_study ON approaches(study_id);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    code TEXT NOT NULL CHECK (trim(code) <> ''),
    created TEXT NOT NULL,
    UNIQUE (approach_id, code)
);
CREATE TABLE interviews (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ({_ROLES})),
    organisation_type TEXT,
    date TEXT,
    status TEXT NOT NULL DEFAULT 'gepland' CHECK (status IN ({_STATUSES})),
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX interviews_case ON interviews(case_id);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    text TEXT NOT NULL CHECK (trim(text) <> ''),
    kind TEXT NOT NULL DEFAULT 'citaat' CHECK (kind IN ({_KINDS})),
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX quotes_interview ON quotes(interview_id);
CREATE TABLE codings (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    stance TEXT NOT NULL DEFAULT 'neutraal' CHECK (stance IN ({_STANCES})),
    PRIMARY KEY (quote_id, indicator_id)
) WITHOUT ROWID;
CREATE INDEX codings_indicator ON codings(indicator_id, quote_id);
CREATE TABLE judgements (
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    mark TEXT CHECK (mark IS NULL OR mark IN ({_MARKS})),
    finding TEXT NOT NULL DEFAULT '',
    highlight TEXT NOT NULL DEFAULT 'geen' CHECK (highlight IN ({_HIGHLIGHTS})),
    updated TEXT NOT NULL,
    PRIMARY KEY (approach_id, indicator_id)
);
"""

# Version 2: full-text search over quotes, kept in sync by triggers; indexes quotes already present.
_V2 = """
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
"""

# Version 3: illustrative quotes per judgement and the history of every judgement change.
_V3 = """
CREATE TABLE judgement_quotes (
    approach_id INTEGER NOT NULL,
    indicator_id TEXT NOT NULL,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (approach_id, indicator_id, quote_id),
    FOREIGN KEY (approach_id, indicator_id) REFERENCES judgements(approach_id, indicator_id) ON DELETE CASCADE
);
CREATE INDEX judgement_quotes_quote ON judgement_quotes(quote_id);
CREATE TABLE judgement_history (
    id INTEGER PRIMARY KEY,
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    author TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    old TEXT NOT NULL,
    new TEXT NOT NULL
);
CREATE INDEX judgement_history_indicator ON judgement_history(approach_id, indicator_id, id);
"""

# Version 4: anonymisation. The case register and the numbering of unknown persons hold only keyed digests
# (the keys live outside the database, see case_keys.py); every quote keeps its replaced spans (category and
# placeholder, never the original text) and a review flag. `meta` gives the database an identity for its keys.
_V4 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))));
CREATE TABLE register_entries (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    digest BLOB NOT NULL,
    category TEXT NOT NULL,
    placeholder TEXT NOT NULL,
    PRIMARY KEY (case_id, digest)
) WITHOUT ROWID;
CREATE TABLE placeholder_numbers (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    digest BLOB NOT NULL,
    number INTEGER NOT NULL,
    PRIMARY KEY (case_id, category, digest),
    UNIQUE (case_id, category, number)
) WITHOUT ROWID;
CREATE TABLE quote_spans (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    category TEXT NOT NULL,
    placeholder TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (quote_id, position)
) WITHOUT ROWID;
ALTER TABLE quotes ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0;
CREATE INDEX quotes_review ON quotes(needs_review) WHERE needs_review = 1;
"""

# v5: the per-case register keys move into the (now encrypted) database, so that they are backed up and
# restored with it and die with their case; FTS5 secure-delete removes a deleted text's tokens at once.
_V5 = """
CREATE TABLE case_keys (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    key BLOB NOT NULL
);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('secure-delete', 1);
"""

# v6: the unsaved text in the capture field of an interview, kept (anonymised) every few seconds so that a
# crash costs at most a few seconds of typing; offered back on the next start.
_V6 = """
CREATE TABLE drafts (
    interview_id INTEGER PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    updated TEXT NOT NULL
);
"""

# v7: what the report needs beyond the judgements. Highlighted indicators grouped into report sections (chapter 3
# 'Wat gaat goed?' for green, chapter 4 'Wat kan beter?' for red) with a title, an introduction and a conclusion;
# per approach the texts of the nota (voorwoord, chapter 5 conclusion) and the recommendations (lead + text).
# The indexes serve the evidence matrix (codings by quote) and the drill-down by case.
_V7 = """
CREATE TABLE report_sections (
    id INTEGER PRIMARY KEY,
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    highlight TEXT NOT NULL CHECK (highlight IN ('groen', 'rood')),
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    intro TEXT NOT NULL DEFAULT '',
    conclusion TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE INDEX report_sections_approach ON report_sections(approach_id, highlight, position);
CREATE TABLE report_section_indicators (
    section_id INTEGER NOT NULL REFERENCES report_sections(id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (section_id, indicator_id)
) WITHOUT ROWID;
CREATE TABLE approach_texts (
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (key IN ('voorwoord', 'conclusion')),
    value TEXT NOT NULL,
    PRIMARY KEY (approach_id, key)
) WITHOUT ROWID;
CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY,
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    lead TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE INDEX recommendations_approach ON recommendations(approach_id, position);
"""

# v8: the policy level (beleidsniveau). Its respondents (the municipality, network partners, documents) are
# interviews of one 'survey' case per approach, which holds the approach's register key and placeholder numbers as a
# family's case does; an interview gets the respondent's name (organisation or document title) and whether the
# municipality nominated it. Judgements get a 'LET OP' note; indicators of a criterion can share a table row (row
# groups, with one finding per indicator or one shared finding); an approach gets its 'Beschrijving' (overview).
# The interviews table is rebuilt for its role check (the migration runs with foreign keys off, see Store.migrate).
_V8 = f"""
CREATE TABLE interviews_v8 (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ({_ROLES}, 'gemeente', 'netwerkpartner')),
    organisation_type TEXT,
    date TEXT,
    status TEXT NOT NULL DEFAULT 'gepland' CHECK (status IN ({_STATUSES})),
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    name TEXT,
    nominated INTEGER CHECK (nominated IS NULL OR nominated IN (0, 1))
);
INSERT INTO interviews_v8 (id, case_id, role, organisation_type, date, status, created, updated)
    SELECT id, case_id, role, organisation_type, date, status, created, updated FROM interviews;
DROP TABLE interviews;
ALTER TABLE interviews_v8 RENAME TO interviews;
CREATE INDEX interviews_case ON interviews(case_id);
ALTER TABLE cases ADD COLUMN survey INTEGER NOT NULL DEFAULT 0 CHECK (survey IN (0, 1));
CREATE UNIQUE INDEX cases_survey ON cases(approach_id) WHERE survey = 1;
ALTER TABLE judgements ADD COLUMN let_op TEXT NOT NULL DEFAULT '';
ALTER TABLE approaches ADD COLUMN overview TEXT NOT NULL DEFAULT '';
CREATE TABLE row_groups (
    id INTEGER PRIMARY KEY,
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    shared_finding INTEGER NOT NULL DEFAULT 0 CHECK (shared_finding IN (0, 1)),
    position INTEGER NOT NULL
);
CREATE INDEX row_groups_approach ON row_groups(approach_id, position);
CREATE TABLE row_group_indicators (
    group_id INTEGER NOT NULL REFERENCES row_groups(id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (group_id, indicator_id)
) WITHOUT ROWID;
"""

# v9: the follow-up a year later (spec round2 §3). A follow-up is an approach of its own (its judgements are the
# year-2 re-assessment) with a row in `followups`: the year-1 approach it follows up (when in this database), the
# year labels, the report month and the reporting event; a frozen copy of the year-1 judgements and row groups
# (`followup_baseline`, `followup_baseline_groups`) that later edits of year 1 do not change; the documents the
# municipality provided and the 'Ontwikkeling' narrative in parts with optional subheadings.
_V9 = f"""
CREATE TABLE followups (
    approach_id INTEGER PRIMARY KEY REFERENCES approaches(id) ON DELETE CASCADE,
    source_approach_id INTEGER REFERENCES approaches(id) ON DELETE SET NULL,
    framework_id TEXT NOT NULL,
    former_name TEXT NOT NULL CHECK (trim(former_name) <> ''),
    year1_label TEXT NOT NULL CHECK (trim(year1_label) <> ''),
    year2_label TEXT NOT NULL CHECK (trim(year2_label) <> ''),
    assessed_year TEXT NOT NULL DEFAULT '',
    month TEXT NOT NULL DEFAULT '',
    source_title TEXT NOT NULL DEFAULT '',
    event_date TEXT,
    event_form TEXT NOT NULL DEFAULT '',
    event_respondents TEXT NOT NULL DEFAULT '',
    frozen_at TEXT NOT NULL
);
CREATE INDEX followups_source ON followups(source_approach_id);
CREATE TABLE followup_baseline (
    approach_id INTEGER NOT NULL REFERENCES followups(approach_id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    mark TEXT CHECK (mark IS NULL OR mark IN ({_MARKS})),
    finding TEXT NOT NULL DEFAULT '',
    let_op TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (approach_id, indicator_id)
) WITHOUT ROWID;
CREATE TABLE followup_baseline_groups (
    approach_id INTEGER NOT NULL REFERENCES followups(approach_id) ON DELETE CASCADE,
    group_no INTEGER NOT NULL,
    indicator_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    shared_finding INTEGER NOT NULL DEFAULT 0 CHECK (shared_finding IN (0, 1)),
    PRIMARY KEY (approach_id, indicator_id)
) WITHOUT ROWID;
CREATE TABLE followup_documents (
    id INTEGER PRIMARY KEY,
    approach_id INTEGER NOT NULL REFERENCES followups(approach_id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    date TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE INDEX followup_documents_approach ON followup_documents(approach_id, position);
CREATE TABLE followup_development (
    id INTEGER PRIMARY KEY,
    approach_id INTEGER NOT NULL REFERENCES followups(approach_id) ON DELETE CASCADE,
    heading TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE INDEX followup_development_approach ON followup_development(approach_id, position);
"""

# A random version-4 UUID, in SQL (the migration gives every existing record one).
_UUID = ("lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2), "
         "substr('89AB', 1 + abs(random()) % 4, 1), substr(hex(randomblob(2)), 2), hex(randomblob(6))))")

# v10: rounds as team work (spec round2 §4). Records keep their identity across databases: a `uuid` column on the
# records that travel in an exchange file: filled for the records present at migration, given to a newer record when it
# is first exported (`Store.ensure_uuids`), kept by a merged record as it came). A judgement
# is identified by its approach and indicator. `merge_base` holds, per record id, the digest of its content when it
# was last exchanged (exported or merged), so that a merge can tell a change on one side from a change on both.
# Per approach: attributes for the national report that are not in the framework, and exclusions of an indicator
# from a count with their reason; per study (a round): the free texts of its national report.
_V10 = f"""
ALTER TABLE studies ADD COLUMN uuid TEXT;
ALTER TABLE approaches ADD COLUMN uuid TEXT;
ALTER TABLE cases ADD COLUMN uuid TEXT;
ALTER TABLE interviews ADD COLUMN uuid TEXT;
ALTER TABLE quotes ADD COLUMN uuid TEXT;
ALTER TABLE report_sections ADD COLUMN uuid TEXT;
CREATE UNIQUE INDEX studies_uuid ON studies(uuid) WHERE uuid IS NOT NULL;
CREATE UNIQUE INDEX approaches_uuid ON approaches(uuid) WHERE uuid IS NOT NULL;
CREATE UNIQUE INDEX cases_uuid ON cases(uuid) WHERE uuid IS NOT NULL;
CREATE UNIQUE INDEX interviews_uuid ON interviews(uuid) WHERE uuid IS NOT NULL;
CREATE UNIQUE INDEX quotes_uuid ON quotes(uuid) WHERE uuid IS NOT NULL;
CREATE UNIQUE INDEX report_sections_uuid ON report_sections(uuid) WHERE uuid IS NOT NULL;
UPDATE studies SET uuid = {_UUID};
UPDATE approaches SET uuid = {_UUID};
UPDATE cases SET uuid = {_UUID};
UPDATE interviews SET uuid = {_UUID};
UPDATE quotes SET uuid = {_UUID};
UPDATE report_sections SET uuid = {_UUID};
CREATE TABLE merge_base (
    uuid TEXT PRIMARY KEY,
    digest TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE approach_attributes (
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (trim(key) <> ''),
    value TEXT NOT NULL,
    PRIMARY KEY (approach_id, key)
) WITHOUT ROWID;
CREATE TABLE round_texts (
    study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (trim(key) <> ''),
    value TEXT NOT NULL,
    PRIMARY KEY (study_id, key)
) WITHOUT ROWID;
CREATE TABLE indicator_exclusions (
    approach_id INTEGER NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (trim(reason) <> ''),
    PRIMARY KEY (approach_id, indicator_id)
) WITHOUT ROWID;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10)
SCHEMA_VERSION = len(MIGRATIONS)
# Every table of the current schema (`Store.check` reports a missing one).
TABLES = ("studies", "approaches", "cases", "interviews", "quotes", "codings", "judgements", "quotes_fts",
          "judgement_quotes", "judgement_history", "meta", "register_entries", "placeholder_numbers", "quote_spans",
          "case_keys", "drafts", "report_sections", "report_section_indicators", "approach_texts", "recommendations",
          "row_groups", "row_group_indicators", "followups", "followup_baseline", "followup_baseline_groups",
          "followup_documents", "followup_development", "merge_base", "approach_attributes", "indicator_exclusions",
          "round_texts")


# Every TEXT column of the schema, classified (tests/test_architecture.py fails on one that is not).
# FREE_TEXT: what a person typed or pasted, anonymised on the way in; `audit` scans every one of them and a restore
# counts those it salvaged. CODED_TEXT: ids, codes, timestamps, fixed vocabularies and placeholders.
FREE_TEXT: dict[str, tuple[str, ...]] = {
    "studies": ("name",),
    "approaches": ("municipality", "name", "regisseur_label", "persons_and_families", "registration", "goal",
                   "direction", "parties_involved", "working_method", "overview"),
    "cases": ("code",),
    "interviews": ("organisation_type", "name"),
    "quotes": ("text",),
    "judgements": ("finding", "let_op"),
    "judgement_history": ("old", "new"),  # JSON of the changed fields, the finding among them
    "drafts": ("text",),
    "report_sections": ("title", "intro", "conclusion"),
    "approach_texts": ("value",),
    "recommendations": ("lead", "text"),
    # the follow-up: names and texts at the approach's level (the former name, the titles of documents)
    "followups": ("former_name", "year1_label", "year2_label", "assessed_year", "month", "source_title",
                  "event_form", "event_respondents"),
    "followup_baseline": ("finding", "let_op"),
    "followup_documents": ("title", "date"),
    "followup_development": ("heading", "text"),
    "approach_attributes": ("value",),
    "indicator_exclusions": ("reason",),
    "round_texts": ("value",),
}
CODED_TEXT: dict[str, tuple[str, ...]] = {
    "studies": ("framework_id", "created", "uuid"),
    "approaches": ("created", "updated", "uuid"),
    "cases": ("created", "uuid"),
    "interviews": ("role", "date", "status", "created", "updated", "uuid"),
    "quotes": ("kind", "created", "updated", "uuid"),
    "codings": ("indicator_id", "stance"),
    "judgements": ("indicator_id", "mark", "highlight", "updated"),
    "judgement_quotes": ("indicator_id",),
    "judgement_history": ("indicator_id", "author", "changed_at"),  # author: the inspector's own label
    "meta": ("key", "value"),
    "register_entries": ("category", "placeholder"),
    "placeholder_numbers": ("category",),
    "quote_spans": ("category", "placeholder"),
    "drafts": ("updated",),
    "report_sections": ("highlight", "uuid"),
    "report_section_indicators": ("indicator_id",),
    "approach_texts": ("key",),
    "row_group_indicators": ("indicator_id",),
    "followups": ("framework_id", "event_date", "frozen_at"),
    "followup_baseline": ("indicator_id", "mark"),
    "followup_baseline_groups": ("indicator_id",),
    "merge_base": ("uuid", "digest"),
    "approach_attributes": ("key",),
    "indicator_exclusions": ("indicator_id",),
    "round_texts": ("key",),
}
