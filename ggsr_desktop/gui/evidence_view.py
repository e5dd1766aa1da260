"""The evidence matrix on screen: themes › criteria › indicators (collapsible) down, the cases of the approach
across, then the judgement. A cell shows the number of quotes, the stance balance and which source kinds they
come from, coloured so that strong (triangulated), weak (one source), contradicting and missing evidence differ at
a glance; the flags are spelled out in the cell's tooltip and in the legend. A policy-level approach has its
respondents across (gemeente, netwerkpartners, documents), each cell the respondent's answers on the indicator
('+2 −0', coloured by its position), then the agreement of the answers and the judgement."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeView

from ggsr_desktop.evidence.matrix import CONTRADICTION, ONE_SOURCE, SOURCES, Cell, Matrix
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui import labels
from ggsr_desktop.gui.guide_view import WrapDelegate, one_line
from ggsr_desktop.labels import SOURCE_LETTERS
from ggsr_desktop.models import Highlight, Judgement, Role, Stance

INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 10
CASE_ROLE = Qt.ItemDataRole.UserRole + 11
CELL_ROLE = Qt.ItemDataRole.UserRole + 12
STRENGTH_COLOURS = {"strong": "#bfdbfe", "weak": "#fef08a", "contradicting": "#fdba74", "missing": "#f3f4f6"}
POSITION_COLOURS = {Stance.POSITIVE: "#bbf7d0", Stance.NEGATIVE: "#fecaca", Stance.NEUTRAL: "#e5e7eb"}
HIGHLIGHT_COLOURS = {Highlight.GREEN: "#86efac", Highlight.RED: "#fca5a5"}


def cell_width(metrics) -> int:
    """Room for '12 +9 −3' on the first line and the four source letters on the second."""
    letters = (metrics.horizontalAdvance("W") + 4) * 4 + metrics.horizontalAdvance("⚠") + 2
    return max(metrics.horizontalAdvance("12 +9 −3"), letters) + 14


class CellDelegate(WrapDelegate):
    """Paints a case cell: '5  +3 −1' over the source letters (present dark, absent faint), ⚠ on contradiction."""

    def paint(self, painter, option, index) -> None:
        cell: Cell | None = index.data(CELL_ROLE)
        if cell is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(2, 1, -2, -1)
        painter.fillRect(rect, QColor(STRENGTH_COLOURS[cell.strength]))
        if option.state & QStyle.StateFlag.State_Selected:
            pen = painter.pen()
            pen.setColor(option.palette.highlight().color())
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        metrics = option.fontMetrics
        line = metrics.height()
        top = QRect(rect.left() + 4, rect.top() + 2, rect.width() - 8, line)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setPen(QColor("#111827"))
        if cell.total:
            painter.setFont(bold)
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(cell.total))
            painter.setFont(option.font)
            balance = f"+{cell.stances[Stance.POSITIVE]} −{cell.stances[Stance.NEGATIVE]}"
            painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, balance)
            letters = QRect(top.left(), top.bottom() + 1, top.width(), line)
            x = letters.left()
            for source in SOURCES:
                present = cell.sources[source] > 0
                painter.setFont(bold if present else option.font)
                painter.setPen(QColor("#111827" if present else "#c0c4cc"))
                letter = SOURCE_LETTERS[source]
                painter.drawText(QRect(x, letters.top(), metrics.horizontalAdvance("W") + 4, line),
                                 Qt.AlignmentFlag.AlignLeft, letter)
                x += metrics.horizontalAdvance("W") + 4
            if CONTRADICTION in cell.flags:
                painter.setPen(QColor("#9a3412"))
                painter.setFont(bold)
                painter.drawText(letters, Qt.AlignmentFlag.AlignRight, "⚠")
        else:
            painter.setPen(QColor("#6b7280"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("geen"))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        if index.data(CELL_ROLE) is None:
            return super().sizeHint(option, index)  # the indicator's text wraps to the column's width
        metrics = option.fontMetrics
        return QSize(cell_width(metrics), metrics.height() * 2 + 8)


class EvidenceView(QTreeView):
    """Emits `cell_chosen(indicator_id, case_id or 0)` when a cell (or, with 0, the indicator's row) is chosen."""

    cell_chosen = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("evidenceMatrix")
        self.setAccessibleName(self.tr("Bewijsmatrix: indicatoren per casus"))
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setItemDelegate(CellDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(False)
        self.setIndentation(14)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.cells: dict[tuple[str, int], QStandardItem] = {}
        self.marks: dict[str, QStandardItem] = {}
        self._rows: dict[str, QStandardItem] = {}
        self._cases: list = []
        self.agreements: dict[str, QStandardItem] = {}  # policy level: the agreement column
        self.respondent_codes: dict[int, str] = {}  # policy level: respondent id -> column header ('N2')
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the indicator texts wrap to the new width

    # ---- building ------------------------------------------------------------------------------------------

    def build(self, framework: Framework, matrix: Matrix, judgements: dict[str, Judgement]) -> None:
        """Lay out the rows and columns once per approach; `update` fills them."""
        self.model_.clear()
        self.cells.clear()
        self.marks.clear()
        self._rows.clear()
        self._cases = list(matrix.cases)
        headers = [self.tr("Indicator"), *[case.code for case in self._cases], self.tr("Oordeel")]
        self.model_.setHorizontalHeaderLabels(headers)
        bold = QFont(self.font())
        bold.setBold(True)
        for theme in framework.themes:
            theme_item = self._label_item(theme.name, bold)
            self.model_.appendRow([theme_item, *self._blank(len(self._cases) + 1)])
            for criterion in theme.criteria:
                crit_item = self._label_item(one_line(criterion.text))
                crit_item.setForeground(QBrush(QColor("#374151")))
                theme_item.appendRow([crit_item, *self._blank(len(self._cases) + 1)])
                for indicator in criterion.indicators:
                    text_item = self._label_item(one_line(indicator.text))
                    text_item.setData(indicator.id, INDICATOR_ROLE)
                    text_item.setToolTip(f"{indicator.id}: {one_line(indicator.text)}")
                    text_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    row = [text_item]
                    for case in self._cases:
                        cell_item = QStandardItem()
                        cell_item.setData(indicator.id, INDICATOR_ROLE)
                        cell_item.setData(case.id, CASE_ROLE)
                        cell_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                        self.cells[(indicator.id, case.id)] = cell_item
                        row.append(cell_item)
                    mark_item = QStandardItem()
                    mark_item.setData(indicator.id, INDICATOR_ROLE)
                    mark_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    mark_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.marks[indicator.id] = mark_item
                    self._rows[indicator.id] = text_item
                    row.append(mark_item)
                    crit_item.appendRow(row)
        self.expandAll()
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        width = cell_width(self.fontMetrics())
        for column in range(1, len(self._cases) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(width, self.fontMetrics().horizontalAdvance(headers[column]) + 16))
        header.setSectionResizeMode(len(self._cases) + 1, QHeaderView.ResizeMode.ResizeToContents)
        self.update_matrix(matrix, judgements)

    def build_policy(self, framework: Framework, matrix, judgements: dict[str, Judgement]) -> None:
        """A policy-level approach: the respondents across, then the agreement and the judgement (`matrix`: an
        `evidence.policy_matrix.PolicyMatrix`)."""
        self.model_.clear()
        self.cells.clear()
        self.marks.clear()
        self._rows.clear()
        self.agreements.clear()
        self._cases = []
        respondents = list(matrix.respondents)
        self.respondent_codes = respondent_codes(respondents)
        headers = [self.tr("Indicator"), *self.respondent_codes.values(), self.tr("Antwoorden"), self.tr("Oordeel")]
        self.model_.setHorizontalHeaderLabels(headers)
        for column, respondent in enumerate(respondents, 1):
            self.model_.horizontalHeaderItem(column).setToolTip(labels.respondent(respondent))
        bold = QFont(self.font())
        bold.setBold(True)
        extra = len(respondents) + 2
        for theme in framework.themes:
            theme_item = self._label_item(theme.name, bold)
            self.model_.appendRow([theme_item, *self._blank(extra)])
            for criterion in theme.criteria:
                crit_item = self._label_item(one_line(criterion.text))
                crit_item.setForeground(QBrush(QColor("#374151")))
                theme_item.appendRow([crit_item, *self._blank(extra)])
                for indicator in criterion.indicators:
                    text_item = self._label_item(one_line(indicator.text))
                    text_item.setData(indicator.id, INDICATOR_ROLE)
                    text_item.setToolTip(f"{indicator.id}: {one_line(indicator.text)}")
                    text_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    row = [text_item]
                    for respondent in respondents:
                        item = QStandardItem()
                        item.setData(indicator.id, INDICATOR_ROLE)
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                        self.cells[(indicator.id, -respondent.id)] = item  # negative: not a case id
                        row.append(item)
                    agreement = QStandardItem()
                    agreement.setData(indicator.id, INDICATOR_ROLE)
                    agreement.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.agreements[indicator.id] = agreement
                    mark_item = QStandardItem()
                    mark_item.setData(indicator.id, INDICATOR_ROLE)
                    mark_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    mark_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.marks[indicator.id] = mark_item
                    self._rows[indicator.id] = text_item
                    crit_item.appendRow([*row, agreement, mark_item])
        self.expandAll()
        header = self.header()
        header.setStretchLastSection(False)
        # the indicator's text keeps room to read; with many respondents the matrix scrolls sideways
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("x") * 34)
        width = self.fontMetrics().horizontalAdvance("+12 −9") + 14
        for column in range(1, len(respondents) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(respondents) + 1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(respondents) + 2, QHeaderView.ResizeMode.ResizeToContents)
        self.update_policy(matrix, judgements)

    def update_policy(self, matrix, judgements: dict[str, Judgement]) -> None:
        """Refresh a policy-level matrix in place: each respondent's answers, the agreement, the judgement."""
        words = agreement_words(self)
        for (indicator_id, key), item in self.cells.items():
            if key >= 0:
                continue
            cell = matrix.cells.get((indicator_id, -key))
            if cell is None:
                continue
            counts = cell.counts
            who = labels.respondent(cell.respondent)
            if cell.total:
                item.setText(f"+{counts.get(Stance.POSITIVE, 0)} −{counts.get(Stance.NEGATIVE, 0)}")
                item.setBackground(QBrush(QColor(POSITION_COLOURS[cell.leaning or Stance.NEUTRAL])))
                tip = self.tr("{0}: {1} antwoord(en) — positief {2}, negatief {3}, neutraal {4}").format(
                    who, cell.total, counts.get(Stance.POSITIVE, 0), counts.get(Stance.NEGATIVE, 0),
                    counts.get(Stance.NEUTRAL, 0))
            else:
                item.setText("·")
                item.setBackground(QBrush())
                tip = self.tr("{0}: geen antwoord").format(who)
            item.setToolTip(tip)
            item.setData(tip, Qt.ItemDataRole.AccessibleTextRole)
        for row in matrix:
            item = self.agreements.get(row.indicator_id)
            if item is not None:
                item.setText(words.get(row.agreement, str(row.agreement)))
        self._update_marks(judgements)

    @staticmethod
    def _label_item(text: str, font: QFont | None = None) -> QStandardItem:
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if font is not None:
            item.setFont(font)
        return item

    @staticmethod
    def _blank(n: int) -> list[QStandardItem]:
        items = []
        for _ in range(n):
            item = QStandardItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            items.append(item)
        return items

    def update_matrix(self, matrix: Matrix, judgements: dict[str, Judgement]) -> None:
        """Refresh the counts and the judgements in place (selection and folding stay)."""
        for (indicator_id, case_id), item in self.cells.items():
            cell = matrix.cells.get((indicator_id, case_id))
            if cell is None:
                continue
            item.setData(cell, CELL_ROLE)
            item.setData(self._cell_text(cell), Qt.ItemDataRole.AccessibleTextRole)
            item.setToolTip(self._cell_text(cell))
        self._update_marks(judgements)

    def _update_marks(self, judgements: dict[str, Judgement]) -> None:
        for indicator_id, item in self.marks.items():
            j = judgements.get(indicator_id)
            item.setText(j.mark.symbol if j and j.mark else "")
            colour = HIGHLIGHT_COLOURS.get(j.highlight) if j else None
            item.setBackground(QBrush(QColor(colour)) if colour else QBrush())
            tip = self.tr("nog niet beoordeeld") if not (j and j.mark) else j.mark.value.replace("_", " ")
            if j and j.highlight is not Highlight.NONE:
                tip += self.tr(" · gemarkeerd {0}").format(j.highlight.value)
            item.setToolTip(tip)
            row = self._rows[indicator_id]
            row.setBackground(QBrush(QColor(colour)) if colour else QBrush())

    def _cell_text(self, cell: Cell) -> str:
        if not cell.total:
            return self.tr("{0}: geen bewijs").format(cell.case_code)
        sources = ", ".join(f"{labels.source(s)} {cell.sources[s]}" for s in SOURCES)
        text = self.tr("{0}: {1} citaten — {2}; positief {3}, negatief {4}, neutraal {5}").format(
            cell.case_code, cell.total, sources, cell.stances[Stance.POSITIVE], cell.stances[Stance.NEGATIVE],
            cell.stances[Stance.NEUTRAL])
        flags = []
        if ONE_SOURCE in cell.flags:
            flags.append(self.tr("één bron (niet getrianguleerd)"))
        if CONTRADICTION in cell.flags:
            flags.append(self.tr("tegenstrijdig"))
        if flags:
            text += self.tr(". Let op: {0}").format(", ".join(flags))
        return text

    # ---- choosing ------------------------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        indicator_id = current.data(INDICATOR_ROLE)
        if indicator_id:
            self.cell_chosen.emit(indicator_id, current.data(CASE_ROLE) or 0)

    def select(self, indicator_id: str, case_id: int = 0) -> None:
        item = self.cells.get((indicator_id, case_id)) if case_id else self._rows.get(indicator_id)
        if item is not None:
            index = self.model_.indexFromItem(item)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def current_cell(self) -> tuple[str | None, int]:
        index = self.currentIndex()
        return index.data(INDICATOR_ROLE), index.data(CASE_ROLE) or 0

    def case_ids(self) -> list[int]:
        return [case.id for case in self._cases]


def respondent_codes(respondents) -> dict[int, str]:
    """Short column headers for the respondents: 'Gm' for the municipality, 'N1', 'N2', … for the network partners,
    'D1', … for the documents (letters as in the coverage panel); the full names are in the tooltips and legend."""
    codes, seen = {}, {}
    for r in respondents:
        letter = SOURCE_LETTERS[r.role]
        seen[letter] = seen.get(letter, 0) + 1
        codes[r.id] = letter if r.role is Role.MUNICIPALITY else f"{letter}{seen[letter]}"
    return codes


def agreement_words(widget) -> dict:
    """The agreement of the answers in short Dutch words (the matrix column and the editor's line)."""
    from ggsr_desktop.evidence.policy_matrix import Agreement

    tr = widget.tr
    return {Agreement.ALL_AGREE: tr("eensluidend"), Agreement.ALL_AGREE_NEGATIVE: tr("eensluidend negatief"),
            Agreement.ONE_DEVIATES: tr("één wijkt af"), Agreement.DISAGREE: tr("niet eenduidig"),
            Agreement.UNCLEAR: tr("geen standpunt"), Agreement.NO_EVIDENCE: tr("geen antwoorden")}
