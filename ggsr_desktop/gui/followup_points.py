"""The two halves of a follow-up's re-assessment tab: the list of verbeterpunten (the year-1 X's, by theme, with
the year-1 and year-2 symbol) and the editor of one verbeterpunt (the year-1 judgement read-only above the year-2
mark and finding). Views only: they emit what the inspector chose; the follow-up screen does it through the core."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.evidence.followup import Point, PointRow
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui.guide_view import CENTER, WrapDelegate, one_line
from ggsr_desktop.gui.judgement_editor import BUTTON_STYLE, SAVE_DELAY_MS, FindingEdit
from ggsr_desktop.models import Mark

POINT_ROLE = Qt.ItemDataRole.UserRole  # the indicator id of a verbeterpunt (None for a theme row)
MISSING = "?"  # the year-2 column of a verbeterpunt not re-assessed yet
COLOURS = {Mark.SATISFIED: "#15803d", Mark.IMPROVEMENT: "#b91c1c", Mark.NOT_ESTABLISHED: "#4b5563", None: "#b45309"}
THEME_COLOUR = QColor("#1f2937")
THEME_BACKGROUND = QColor("#e5eaf1")


def symbol(mark: Mark | None) -> str:
    return mark.symbol if mark else MISSING


def badge(mark: Mark | None, text: str) -> str:
    """A mark as a small coloured label (rich text)."""
    return (f"<span style='background:{COLOURS[mark]}; color:white; font-weight:600'>&nbsp;{html.escape(text)}"
            "&nbsp;</span>")


class PointList(QTreeWidget):
    """Theme rows (not selectable; the arrow keys pass over them) with their verbeterpunten under them, the texts
    word-wrapped."""

    point_chosen = Signal(str)  # indicator id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(WrapDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self.setObjectName("followupPoints")
        self.setAccessibleName(self.tr("Verbeterpunten van het eerste jaar"))
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, 52)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._ids: list[str] = []
        self.currentItemChanged.connect(self._current_changed)
        self.set_years("", "")

    def moveCursor(self, action, modifiers):
        """Up/Down (Page, Home, End) go from verbeterpunt to verbeterpunt, over the theme headings."""
        index = super().moveCursor(action, modifiers)
        down = action in (self.CursorAction.MoveDown, self.CursorAction.MoveNext, self.CursorAction.MovePageDown,
                          self.CursorAction.MoveHome)
        while index.isValid() and index.siblingAtColumn(0).data(POINT_ROLE) is None:
            index = self.indexBelow(index) if down else self.indexAbove(index)
        return index if index.isValid() else self.currentIndex()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def set_years(self, year1: str, year2: str) -> None:
        self.setHeaderLabels([self.tr("Verbeterpunt"), year1 or self.tr("Jaar 1"), year2 or self.tr("Jaar 2")])
        for column in (1, 2):
            self.headerItem().setData(column, Qt.ItemDataRole.TextAlignmentRole, CENTER)

    def point_ids(self) -> list[str]:
        return list(self._ids)

    def show_rows(self, framework: Framework, rows: list[PointRow]) -> None:
        """Rebuild when the verbeterpunten changed (a refresh of year 1), else update the symbols."""
        ids = [p.indicator_id for r in rows for p in r.points]
        if ids != self._ids:
            self._build(framework, rows, ids)
        for row in rows:
            for point in row.points:
                self._show_marks(self.items[point.indicator_id], point)

    def _build(self, framework: Framework, rows: list[PointRow], ids: list[str]) -> None:
        current = self.current_id()
        self.blockSignals(True)
        self.clear()
        self.items.clear()
        self._ids = ids
        bold = QFont(self.font())
        bold.setBold(True)
        big = QFont(bold)
        big.setPointSizeF(bold.pointSizeF() * 1.25)
        theme_item = None
        for row in rows:
            if theme_item is None or theme_item.text(0) != row.theme:
                theme_item = QTreeWidgetItem([row.theme, "", ""])
                theme_item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: `moveCursor` passes over it
                theme_item.setFont(0, bold)
                theme_item.setForeground(0, QBrush(THEME_COLOUR))
                for column in range(3):
                    theme_item.setBackground(column, QBrush(THEME_BACKGROUND))
                theme_item.setData(0, POINT_ROLE, None)
                self.addTopLevelItem(theme_item)
                theme_item.setExpanded(True)
            for point in row.points:
                text = row.indicator_text if len(row.points) == 1 else \
                    framework.indicator(point.indicator_id).text
                item = QTreeWidgetItem([one_line(text), "", ""])
                item.setData(0, POINT_ROLE, point.indicator_id)
                item.setToolTip(0, one_line(text))
                for column in (1, 2):
                    item.setData(column, Qt.ItemDataRole.TextAlignmentRole, CENTER)
                    item.setFont(column, big)
                theme_item.addChild(item)
                self.items[point.indicator_id] = item
        self.expandAll()
        self.blockSignals(False)
        if current in self.items:
            self.select(current, emit=False)

    def _show_marks(self, item: QTreeWidgetItem, point: Point) -> None:
        for column, mark in ((1, point.year1.mark), (2, point.mark)):
            item.setText(column, symbol(mark))
            item.setForeground(column, QBrush(QColor(COLOURS[mark])))
        item.setToolTip(2, self.tr("nog niet opnieuw beoordeeld") if point.mark is None else "")

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, POINT_ROLE) if item is not None else None

    def select(self, indicator_id: str, emit: bool = True) -> None:
        item = self.items.get(indicator_id)
        if item is None:
            return
        self.blockSignals(not emit)
        self.setCurrentItem(item)
        self.blockSignals(False)
        self.scrollToItem(item)

    def step(self, delta: int) -> str | None:
        """The verbeterpunt `delta` places from the current one (the first when none is current)."""
        if not self._ids:
            return None
        current = self.current_id()
        k = self._ids.index(current) + delta if current in self._ids else 0
        return self._ids[max(0, min(k, len(self._ids) - 1))]

    def _current_changed(self, item, _previous) -> None:
        indicator_id = item.data(0, POINT_ROLE) if item is not None else None
        if indicator_id is not None:
            self.point_chosen.emit(indicator_id)
        elif item is not None and item.childCount():  # a theme heading clicked: its first verbeterpunt
            self.setCurrentItem(item.child(0))


class PointEditor(QWidget):
    """One verbeterpunt: what year 1 said (read-only) and the year-2 mark and finding (saved while typing)."""

    mark_chosen = Signal(object)  # a Mark, or None
    finding_changed = Signal(str)
    step_requested = Signal(int)  # -1 previous, +1 next verbeterpunt
    history_requested = Signal()

    def __init__(self, framework: Framework, parent=None):
        super().__init__(parent)
        self.setObjectName("followupPointEditor")
        self.framework = framework
        self.indicator_id: str | None = None
        self._showing = False
        self._saved_text = ""

        self.title = QLabel()
        self.title.setObjectName("followupPointTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)

        self.year1_box = QGroupBox()
        self.year1_box.setObjectName("year1Box")
        self.year1_mark = QLabel()
        self.year1_mark.setObjectName("year1Mark")
        self.year1_mark.setTextFormat(Qt.TextFormat.RichText)
        self.year1_note = QLabel(self.tr("bevroren kopie: verandert niet mee met het eerste jaar"))
        self.year1_note.setStyleSheet("color:#6b7280")
        self.year1_note.setWordWrap(True)
        self.year1_finding = QTextBrowser()
        self.year1_finding.setObjectName("year1Finding")
        self.year1_finding.setAccessibleName(self.tr("Bevinding van het eerste jaar (alleen lezen)"))
        self.year1_finding.setFrameShape(QFrame.Shape.NoFrame)
        self.year1_finding.setStyleSheet("QTextBrowser { background:#f3f4f6; padding:6px; }")
        self.year1_finding.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        top = QHBoxLayout()
        top.addWidget(self.year1_mark)
        top.addWidget(self.year1_note, 1)
        v1 = QVBoxLayout(self.year1_box)
        v1.addLayout(top)
        v1.addWidget(self.year1_finding, 1)

        self.year2_box = QGroupBox()
        self.year2_box.setObjectName("year2Box")
        self.mark_buttons: dict[Mark | None, QPushButton] = {}
        marks = QHBoxLayout()
        marks.addWidget(QLabel(self.tr("Oordeel:")))
        for mark, text, keys in ((Mark.SATISFIED, self.tr("✓ Opgepakt"), "Ctrl+1"),
                                 (Mark.IMPROVEMENT, self.tr("X Nog verbeterpunt"), "Ctrl+2"),
                                 (Mark.NOT_ESTABLISHED, self.tr("– Niet vastgesteld"), "Ctrl+3"),
                                 (None, self.tr("Geen oordeel"), "Ctrl+0")):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setObjectName(f"year2_{mark.value if mark else 'none'}")
            button.setAccessibleName(text)
            button.setToolTip(keys)
            colours = (COLOURS[mark], "white") if mark is not None else ("#e5e7eb", "#111827")
            button.setStyleSheet(BUTTON_STYLE.format(*colours))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, m=mark: self.mark_chosen.emit(m))
            self.mark_buttons[mark] = button
            marks.addWidget(button)
        marks.addStretch(1)
        self.finding = FindingEdit()
        self.finding.setObjectName("year2Finding")
        self.finding.setAccessibleName(self.tr("Bevinding van de herbeoordeling"))
        self.finding.setPlaceholderText(self.tr("Hoe is het verbeterpunt opgepakt? Bijv. 'Er is een doelgroepanalyse "
                                                "gemaakt per wijk.' (vanzelf bewaard; namen van organisaties en "
                                                "documenten blijven)"))
        self.finding.setTabChangesFocus(True)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS, timeout=self.save_finding)
        self.finding.textChanged.connect(lambda: None if self._showing else self._save_timer.start())
        self.finding.focus_lost.connect(self.save_finding)
        v2 = QVBoxLayout(self.year2_box)
        v2.addLayout(marks)
        v2.addWidget(self.finding, 1)

        self.previous_button = QPushButton(self.tr("↑ Vorige (Alt+↑)"))
        self.previous_button.setObjectName("previousPoint")
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button = QPushButton(self.tr("Volgende (Alt+↓) ↓"))
        self.next_button.setObjectName("nextPoint")
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.history_button = QPushButton(self.tr("Geschiedenis… (Ctrl+H)"))
        self.history_button.setObjectName("followupHistoryButton")
        self.history_button.clicked.connect(self.history_requested.emit)
        for button in (self.previous_button, self.next_button, self.history_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.next_button)
        bottom.addStretch(1)
        bottom.addWidget(self.history_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.year1_box, 1)
        layout.addWidget(self.year2_box, 2)
        layout.setSpacing(8)
        layout.addLayout(bottom)
        self.set_years("", "")
        self.setEnabled(False)

    def set_years(self, year1: str, year2: str) -> None:
        self.year1_box.setTitle(self.tr("{0} · eerste jaar").format(year1) if year1 else self.tr("Eerste jaar"))
        self.year2_box.setTitle(self.tr("{0} · herbeoordeling").format(year2) if year2 else self.tr("Herbeoordeling"))

    def show_point(self, row: PointRow, point: Point, force: bool = False) -> None:
        """Show a verbeterpunt; a finding being typed for it is kept unless `force` (after an undo)."""
        if point.indicator_id != self.indicator_id:
            self.save_finding()
        same = point.indicator_id == self.indicator_id
        self.indicator_id = point.indicator_id
        self.setEnabled(True)
        indicator = self.framework.indicator(point.indicator_id)
        criterion = next(c for c in self.framework.criteria if indicator in c.indicators)
        text = row.indicator_text if len(row.points) == 1 else indicator.text
        extra = ""
        if len(row.indicator_ids) > 1:
            extra = (self.tr("Eén rij met: {0}") if len(row.points) == 1 else
                     self.tr("Rij met eigen bevindingen per indicator: {0}")).format(
                "; ".join(html.escape(one_line(t)) for t in row.indicator_texts))
            extra = f"<br><span style='color:#6b7280'>{extra}</span>"
        self.title.setText(f"<span style='color:#4b5563'>{html.escape(row.theme)} › "
                           f"{html.escape(one_line(criterion.text))}</span><br><span style='font-size:13pt; "
                           f"font-weight:600'>{html.escape(one_line(text))}</span>{extra}")
        year1 = point.year1
        self.year1_mark.setText(badge(year1.mark, f"{symbol(year1.mark)} " + (
            self.tr("verbeterpunt") if year1.mark is Mark.IMPROVEMENT else self.tr("eerste jaar"))))
        body = "".join(f"<p>{html.escape(p)}</p>" for p in (year1.finding or "").split("\n") if p.strip()) or \
            f"<p style='color:#6b7280'>{self.tr('(geen bevinding)')}</p>"
        if year1.let_op:
            body += f"<p><b>{self.tr('LET OP:')}</b> {html.escape(year1.let_op)}</p>"
        self.year1_finding.setHtml(body)
        for mark, button in self.mark_buttons.items():
            button.setChecked(mark is point.mark)
        stored = point.finding
        if force or not (same and self.finding.hasFocus()):
            if self.finding.toPlainText() != stored:
                self._showing = True
                self.finding.setPlainText(stored)
                self._showing = False
        self._saved_text = stored

    def save_finding(self) -> None:
        self._save_timer.stop()
        text = self.finding.toPlainText()
        if self.indicator_id is not None and text.strip() != self._saved_text.strip():
            self.finding_changed.emit(text)  # the screen calls `saved()` once it is stored

    def saved(self, stored: str) -> None:
        """The finding as stored (anonymised): shown at once unless the inspector is typing in it."""
        self._saved_text = stored
        if not self.finding.hasFocus() and self.finding.toPlainText() != stored:
            self._showing = True
            self.finding.setPlainText(stored)
            self._showing = False
