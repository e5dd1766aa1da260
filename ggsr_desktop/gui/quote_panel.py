"""The quotes behind the evidence matrix: those of the chosen cell (or indicator), or the results of a full-text
search over the whole approach, filtered by source, stance and kind. The list is paged through SQL queries
(200 at a time, more as it scrolls), so 100,000 quotes in the database cost nothing up front."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.framework import Framework
from ggsr_desktop.gui import labels
from ggsr_desktop.gui.guide_view import one_line
from ggsr_desktop.gui.quote_list import BADGE, HTML_ROLE, QUOTE_ID_ROLE, HtmlDelegate, highlighted
from ggsr_desktop.models import POLICY_SOURCES, Kind, Level, Quote, Role, Stance
from ggsr_desktop.store import Store

PAGE = 200
INTERVIEW_ROLE = Qt.ItemDataRole.UserRole + 2


class QuoteModel(QAbstractListModel):
    """Quotes of one query, fetched a page at a time. `query` is a dict of `Store.find_quotes` filters."""

    def __init__(self, store: Store, approach_id: int, describe, parent=None):
        super().__init__(parent)
        self.store, self.approach_id, self.describe = store, approach_id, describe
        self.query: dict = {}
        self.quotes: list[Quote] = []
        self.total = 0

    def set_query(self, query: dict) -> None:
        self.beginResetModel()
        self.query = dict(query)
        self.total = self.store.count_quotes(self.approach_id, **self.query)
        self.quotes = self.store.find_quotes(self.approach_id, limit=PAGE, **self.query)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.query, self.quotes, self.total = {}, [], 0
        self.endResetModel()

    def reload(self) -> None:
        """After a change: the same query, as many rows as were loaded."""
        loaded = max(len(self.quotes), PAGE)
        self.beginResetModel()
        self.total = self.store.count_quotes(self.approach_id, **self.query)
        self.quotes = self.store.find_quotes(self.approach_id, limit=loaded, **self.query)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.quotes)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.quotes) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        more = self.store.find_quotes(self.approach_id, limit=PAGE, offset=len(self.quotes), **self.query)
        if not more:
            self.total = len(self.quotes)
            return
        self.beginInsertRows(QModelIndex(), len(self.quotes), len(self.quotes) + len(more) - 1)
        self.quotes.extend(more)
        self.endInsertRows()

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.quotes):
            return None
        quote = self.quotes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return quote.text
        if role == QUOTE_ID_ROLE:
            return quote.id
        if role == INTERVIEW_ROLE:
            return quote.interview_id
        if role == HTML_ROLE:
            return self.describe(quote)
        return None

    def row_of(self, quote_id: int) -> int | None:
        return next((r for r, q in enumerate(self.quotes) if q.id == quote_id), None)


class QuotePanel(QWidget):
    """Search field, filters, a title line and the paged list. Signals: `quote_activated(interview_id, quote_id)`
    (Enter or double-click: open it in its interview)."""

    quote_activated = Signal(int, int)

    def __init__(self, store: Store, framework: Framework, approach_id: int, parent=None):
        super().__init__(parent)
        self.store, self.framework, self.approach_id = store, framework, approach_id
        approach = store.get_approach(approach_id)
        self.places: dict[int, str] = {}
        for case in store.list_cases(approach_id):
            for iv in store.list_interviews(case.id):
                org = f" ({iv.organisation_type})" if iv.organisation_type else ""
                self.places[iv.id] = f"{case.code} · {labels.role(iv.role, approach.regisseur_label)}{org}"
        for iv in store.respondents(approach_id):  # a policy-level approach: its respondents
            self.places[iv.id] = labels.respondent(iv)
        policy = framework.level == Level.POLICY
        self.indicator_id: str | None = None
        self.case_id = 0
        self.illustrative: set[int] = set()

        self.search = QLineEdit()
        self.search.setObjectName("quoteSearch")
        self.search.setAccessibleName(self.tr("Zoeken in alle citaten van de aanpak"))
        self.search.setPlaceholderText(self.tr("Zoeken in alle citaten van de aanpak (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250, timeout=self.run_query)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.source = self._combo("sourceFilter", self.tr("Filter op bron"), [
            (self.tr("alle bronnen"), None), *[(labels.policy_role(r), r) for r in POLICY_SOURCES]] if policy else [
            (self.tr("alle bronnen"), None), (labels.role(Role.FAMILY), Role.FAMILY),
            (labels.role(Role.REGISSEUR, approach.regisseur_label), Role.REGISSEUR),
            (labels.role(Role.PROFESSIONAL), Role.PROFESSIONAL), (labels.role(Role.DOCUMENT), Role.DOCUMENT)])
        self.stance = self._combo("stanceFilter", self.tr("Filter op oordeel"), [
            (self.tr("elk oordeel"), None), *[(labels.stance(s), s.value) for s in Stance]])
        self.kind = self._combo("kindFilter", self.tr("Filter op soort"), [
            (self.tr("elke soort"), None), *[(labels.kind(k), k.value) for k in Kind]])
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 3)
        for combo in (self.source, self.stance, self.kind):
            filters.addWidget(combo, 1)

        self.title = QLabel()
        self.title.setObjectName("quotePanelTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)

        self.model = QuoteModel(store, approach_id, self._html, self)
        self.list = QListView()
        self.list.setObjectName("evidenceQuoteList")
        self.list.setAccessibleName(self.tr("Citaten bij de gekozen cel of zoekvraag"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(1)
        self.list.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)

    def _combo(self, name: str, accessible: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.run_query())
        return combo

    # ---- what is shown -------------------------------------------------------------------------------------

    def show_cell(self, indicator_id: str | None, case_id: int = 0, illustrative: tuple[int, ...] = ()) -> None:
        self.indicator_id, self.case_id = indicator_id, case_id
        self.illustrative = set(illustrative)
        self.run_query()

    def set_illustrative(self, quote_ids) -> None:
        self.illustrative = set(quote_ids)
        self.list.viewport().update()
        self.model.dataChanged.emit(self.model.index(0), self.model.index(max(self.model.rowCount() - 1, 0)))

    def query(self) -> dict:
        text = self.search.text().strip()
        query: dict = {}
        if text:
            query["text"] = text  # a search covers the whole approach
        else:
            if self.indicator_id:
                query["indicator_id"] = self.indicator_id
            if self.case_id:
                query["case_id"] = self.case_id
        for key, combo in (("roles", self.source), ("stances", self.stance), ("kinds", self.kind)):
            if combo.currentData():
                query[key] = [combo.currentData()]
        return query

    def run_query(self) -> None:
        keep = self.current_quote_id()
        query = self.query()
        if "text" not in query and "indicator_id" not in query:
            self.model.clear()  # nothing chosen yet
        else:
            self.model.set_query(query)
        self._update_title()
        row = self.model.row_of(keep) if keep is not None else None
        self.list.setCurrentIndex(self.model.index(row if row is not None else 0))

    def reload(self) -> None:
        keep = self.current_quote_id()
        if not self.model.query:
            return
        self.model.reload()
        self._update_title()
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))

    def _update_title(self) -> None:
        n = self.model.total
        text = self.search.text().strip()
        if text:
            what = self.tr("Zoekresultaat voor ‘{0}’ in de hele aanpak").format(html.escape(text))
        elif self.indicator_id:
            indicator = one_line(self.framework.indicator(self.indicator_id).text)
            case = next((c.code for c in self.store.list_cases(self.approach_id) if c.id == self.case_id), None)
            what = f"{html.escape(case)} · {html.escape(indicator)}" if case else html.escape(indicator)
        else:
            what = self.tr("Kies een cel in de matrix of zoek")
        filtered = self.tr(" (gefilterd)") if any(c.currentData() for c in (self.source, self.stance, self.kind)) \
            else ""
        count = self.tr("1 citaat") if n == 1 else self.tr("{0} citaten").format(n)
        self.title.setText(self.tr("<b>{0}</b> — {1}{2}").format(what, count, filtered))

    def current_quote_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(QUOTE_ID_ROLE) if index.isValid() else None

    def current_quote(self) -> Quote | None:
        index = self.list.currentIndex()
        return self.model.quotes[index.row()] if index.isValid() and index.row() < len(self.model.quotes) else None

    def select_quote(self, quote_id: int) -> None:
        row = self.model.row_of(quote_id)
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))

    def _activated(self, index: QModelIndex) -> None:
        self.quote_activated.emit(index.data(INTERVIEW_ROLE), index.data(QUOTE_ID_ROLE))

    def _html(self, quote: Quote) -> str:
        head = [f'<span style="{BADGE.format("#1f2937")}">{html.escape(self.places.get(quote.interview_id, ""))}'
                f"</span>", f'<span style="{BADGE.format("#374151")}">{html.escape(labels.kind(quote.kind))}</span>']
        if quote.id in self.illustrative:
            head.append(f'<span style="{BADGE.format("#7c3aed")}">★ {html.escape(self.tr("illustratief"))}</span>')
        if quote.needs_review:
            head.append(f'<span style="{BADGE.format("#b91c1c")}">⚠ {html.escape(self.tr("controleren"))}</span>')
        codes = []
        for coding in quote.codings:
            mine = coding.indicator_id == self.indicator_id
            text = coding.indicator_id
            if self.framework.has_indicator(coding.indicator_id):
                text = one_line(self.framework.indicator(coding.indicator_id).text)
                text = text if len(text) <= 70 else text[:68] + "…"
            colour = {Stance.POSITIVE: "#15803d", Stance.NEGATIVE: "#b91c1c"}.get(coding.stance.value, "#4b5563")
            stance = html.escape(labels.stance(coding.stance))
            entry = f"{html.escape(text)} <span style='color:{colour}'>({stance})</span>"
            codes.append(f"<b>{entry}</b>" if mine else entry)
        coded = "<br>".join(f"▸ {c}" for c in codes) if codes else html.escape(self.tr("nog te coderen"))
        return (f'{" &nbsp;·&nbsp; ".join(head)}<br>{highlighted(quote)}'
                f'<br><span style="color:#4b5563; font-size:small;">{coded}</span>')
