"""The interview screen's side panels: the question guide (left) and the evidence coverage (right) of the case, or of
a policy-level approach's respondents (columns gemeente, netwerkpartners, documenten)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QTreeWidget, QTreeWidgetItem

from ggsr_desktop.evidence.coverage import Coverage
from ggsr_desktop.framework import Framework
from ggsr_desktop.models import LEVEL_SOURCES, Level

INDICATOR_ROLE = Qt.ItemDataRole.UserRole  # indicator id of a row (None for a theme row)
TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
# As plain int data: QTreeWidgetItem.setTextAlignment leaks a reference to None in this PySide6 (crashes after
# a few hundred calls).
CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
MUTED = QColor("#6b7280")
GAP = QColor("#b45309")
EVIDENCE = QColor("#15803d")


def one_line(text: str) -> str:
    return " ".join(text.split())


class WrapDelegate(QStyledItemDelegate):
    """Rows of the first column as high as their word-wrapped text needs at the column's current width."""

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        if index.column() != 0 or view is None:
            return hint
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indent = view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
        width = max(view.columnWidth(0) - indent - 8, 60)
        self.initStyleOption(option, index)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, option.text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class _WrappingTree(QTreeWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(WrapDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class GuideTree(_WrappingTree):
    """The questions for one respondent role, theme → indicator → question. Emits the indicator of the
    selected row."""

    indicator_selected = Signal(str)

    def __init__(self, framework: Framework, role: str, parent=None):
        super().__init__(parent)
        self.setObjectName("guideTree")
        self.setAccessibleName(self.tr("Gespreksleidraad"))
        self.setHeaderLabels([self.tr("Leidraad: vragen per indicator"), self.tr("Bewijs")])
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.indicator_items: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for theme in framework.themes:
            t_item = QTreeWidgetItem([theme.name, ""])
            t_item.setFont(0, bold)
            t_item.setData(0, INDICATOR_ROLE, None)
            t_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(t_item)
            for indicator in theme.indicators:
                i_item = QTreeWidgetItem([one_line(indicator.text), ""])
                i_item.setData(0, INDICATOR_ROLE, indicator.id)
                i_item.setToolTip(0, f"{indicator.id}: {one_line(indicator.text)}")
                questions = indicator.questions.get(role, ())
                if not questions:
                    i_item.setForeground(0, QBrush(MUTED))
                for question in questions:
                    q_item = QTreeWidgetItem([one_line(question), ""])
                    q_item.setData(0, INDICATOR_ROLE, indicator.id)
                    q_item.setToolTip(0, one_line(question))
                    i_item.addChild(q_item)
                t_item.addChild(i_item)
                i_item.setExpanded(bool(questions))
                self.indicator_items[indicator.id] = i_item
            t_item.setExpanded(True)
        self.currentItemChanged.connect(self._current_changed)

    def _current_changed(self, item, _previous=None) -> None:
        indicator_id = item.data(0, INDICATOR_ROLE) if item is not None else None
        if indicator_id:
            self.indicator_selected.emit(indicator_id)

    def select_indicator(self, indicator_id: str) -> None:
        item = self.indicator_items.get(indicator_id)
        if item is not None and self.currentItem() is not item:
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def show_evidence(self, counts: dict[str, int]) -> None:
        """Quotes of this interview per indicator: '✓ 2' on the indicator row, nothing when none."""
        for indicator_id, item in self.indicator_items.items():
            n = counts.get(indicator_id, 0)
            tip = self.tr("{0} citaten in dit gesprek").format(n) if n else self.tr("nog geen bewijs in dit gesprek")
            rows = [(item, f"✓ {n}" if n else "")]
            rows += [(item.child(k), "✓" if n else "·") for k in range(item.childCount())]  # each question too
            for row, text in rows:
                row.setText(1, text)
                row.setForeground(1, QBrush(EVIDENCE if n else MUTED))
                row.setToolTip(1, tip)


class CoverageView(_WrappingTree):
    """Every indicator of the framework with its evidence per source in this case."""

    indicator_clicked = Signal(str)

    def __init__(self, framework: Framework, parent=None):
        super().__init__(parent)
        self.framework = framework
        self.policy = framework.level == Level.POLICY
        self.sources = LEVEL_SOURCES[Level.POLICY if self.policy else Level.CASE]
        self.where = self.tr("deze aanpak") if self.policy else self.tr("deze casus")
        self.setObjectName("coverageView")
        self.setAccessibleName(self.tr("Dekking van de indicatoren in {0}").format(self.where))
        if self.policy:
            self.setHeaderLabels([self.tr("Indicator"), self.tr("Gm"), self.tr("N"), self.tr("D")])
            tips = [self.tr("Gemeente"), self.tr("Netwerkpartners"), self.tr("Documenten")]
        else:
            self.setHeaderLabels([self.tr("Indicator"), self.tr("G"), self.tr("R"), self.tr("P"),
                                  self.tr("D")])
            tips = [self.tr("Gezin"), self.tr("Regisseur"), self.tr("Professionals"), self.tr("Gezinsplan")]
        for column, tip in enumerate(tips, 1):
            self.headerItem().setToolTip(column, tip)
            self.headerItem().setData(column, Qt.ItemDataRole.TextAlignmentRole, CENTER)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(tips) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("Gm0") + 12)
        self.setRootIsDecorated(False)
        self._items: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for theme in framework.themes:
            t_item = QTreeWidgetItem([theme.name])
            t_item.setFont(0, bold)
            t_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            t_item.setFirstColumnSpanned(True)
            self.addTopLevelItem(t_item)
            for indicator in theme.indicators:
                item = QTreeWidgetItem([one_line(indicator.text)])
                item.setData(0, INDICATOR_ROLE, indicator.id)
                item.setData(0, TEXT_ROLE, one_line(indicator.text))
                item.setToolTip(0, f"{indicator.id}: {one_line(indicator.text)}")
                t_item.addChild(item)
                self._items[indicator.id] = item
            t_item.setExpanded(True)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def _clicked(self, item, _column=0) -> None:
        indicator_id = item.data(0, INDICATOR_ROLE)
        if indicator_id:
            self.indicator_clicked.emit(indicator_id)

    def item_for(self, indicator_id: str) -> QTreeWidgetItem:
        return self._items[indicator_id]

    def show_coverage(self, coverage: Coverage) -> int:
        """Fill the counts; returns the number of indicators without any evidence."""
        missing = 0
        for indicator_id, item in self._items.items():
            per_source = coverage.counts.get(indicator_id, {})  # the sources of this level (Coverage.of: case level)
            counts = {source: per_source.get(source, 0) for source in self.sources}
            total = sum(counts.values())
            for column, source in enumerate(self.sources, 1):
                item.setText(column, str(counts[source]) if counts[source] else "·")
                item.setData(column, Qt.ItemDataRole.TextAlignmentRole, CENTER)
                item.setForeground(column, QBrush(EVIDENCE if counts[source] else MUTED))
            text = item.data(0, TEXT_ROLE)
            if total:
                item.setText(0, text)
                item.setForeground(0, QBrush(self.palette().text().color()))
                item.setToolTip(0, self.tr("{0}\n{1} citaten in {2}").format(text, total, self.where))
            else:
                missing += 1
                item.setText(0, self.tr("{0}\n— nog geen bewijs").format(text))
                item.setForeground(0, QBrush(GAP))
                item.setToolTip(0, self.tr("{0}\nnog geen bewijs in {1}").format(text, self.where))
        return missing
