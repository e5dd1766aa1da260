"""The local study store: the only package that holds the SQLite connection and executes SQL.

`base` owns the connection, settings, migrations (schema text in `schema`) and transactions; the mixins add
the records of an inspection. Opening an encrypted database (`database`), its key file and recovery key
(`keyfile`), the per-case register keys (`case_keys`), backups and restore live here too. Quote texts arrive here
already anonymised. May import `models`, `errors`, `paths` and `anonymise`; everything above it may import it.
"""

from __future__ import annotations

from ggsr_desktop.store.attributes import AttributeRecords
from ggsr_desktop.store.base import StoreBase, now
from ggsr_desktop.store.bulk import BulkRecords
from ggsr_desktop.store.followups import FollowupRecords
from ggsr_desktop.store.identity import IdentityRecords
from ggsr_desktop.store.inspection import InspectionRecords
from ggsr_desktop.store.judgements import JudgementRecords
from ggsr_desktop.store.quotes import QuoteRecords
from ggsr_desktop.store.register import RegisterRecords
from ggsr_desktop.store.report import ReportRecords

__all__ = ["Store", "now"]


class Store(InspectionRecords, QuoteRecords, JudgementRecords, ReportRecords, FollowupRecords, AttributeRecords,
            IdentityRecords, RegisterRecords, BulkRecords, StoreBase):
    """An open GGSR Desktop database. Use `Store.create`, `Store.open` or `Store.open_or_create`."""
