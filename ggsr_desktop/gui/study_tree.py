"""The study tree on the left of the main window: studies › approaches › cases › interviews, each item carrying
(kind, id); building it from the store, finding items, the selection, and the interviews' labels. A policy-level
approach has no families: its respondents (the gemeente, the netwerkpartners, the documents; interviews of its
hidden survey case) are shown right under it, as interview items. A follow-up a year later (vervolgonderzoek) is an
approach with the suffix ' (vervolg {year 2})' and a tooltip naming the approach and year it follows up."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from ggsr_desktop.gui import labels

ITEM_ROLE = Qt.ItemDataRole.UserRole  # (kind, id) of a tree item


class StudyTree(QTreeWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("studyTree")
        self.setHeaderLabels([self.tr("Onderzoek / aanpak / casus / gesprek"), self.tr("Status")])
        self.setColumnWidth(0, 300)
        self.setUniformRowHeights(True)
        self.setAccessibleName(self.tr("Onderzoeken"))

    def rebuild(self, store) -> QTreeWidgetItem | None:
        """Every study, approach, case and interview of the store (five queries, and one per approach for its
        respondents); returns the first approach."""
        self.clear()
        first_approach = None
        interviews = store.interviews_by_case()
        followups = {i: store.get_followup(i) for i in store.followup_ids()}
        for study in store.list_studies():
            s_item = self._item(study.name, "study", study.id)
            self.addTopLevelItem(s_item)
            for approach in store.list_approaches(study.id):
                a_item = self._item(f"{approach.municipality} — {approach.name}", "approach", approach.id)
                if approach.id in followups:
                    label_followup(a_item, followups[approach.id])
                s_item.addChild(a_item)
                first_approach = first_approach or a_item
                for case in store.list_cases(approach.id):
                    c_item = self._item(case.code, "case", case.id)
                    a_item.addChild(c_item)
                    for iv in interviews.get(case.id, ()):
                        i_item = self._item("", "interview", iv.id)
                        label_interview(i_item, iv, approach.regisseur_label)
                        c_item.addChild(i_item)
                survey = store.survey_case(approach.id)
                for iv in interviews.get(survey.id, ()) if survey is not None else ():
                    r_item = self._item("", "interview", iv.id)
                    label_interview(r_item, iv, approach.regisseur_label)
                    a_item.addChild(r_item)
                a_item.setExpanded(True)
            s_item.setExpanded(True)
        return first_approach

    @staticmethod
    def _item(text: str, kind: str, item_id: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        item.setData(0, ITEM_ROLE, (kind, item_id))
        return item

    def relabel_interviews(self, store) -> None:
        """Status and date of every interview in the tree, read in two queries (not three per interview)."""
        interviews = {iv.id: iv for ivs in store.interviews_by_case().values() for iv in ivs}
        regisseur = {a.id: a.regisseur_label for a in store.list_approaches()}
        label = None
        for item in self.items():
            kind, item_id = item.data(0, ITEM_ROLE)
            if kind == "approach":
                label = regisseur.get(item_id)
            elif kind == "interview" and item_id in interviews:
                label_interview(item, interviews[item_id], label)

    def items(self) -> Iterator[QTreeWidgetItem]:
        """Every item, parents before their children, in tree order."""
        stack = [self.topLevelItem(i) for i in reversed(range(self.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(k) for k in reversed(range(item.childCount())))

    def item_of(self, kind: str, item_id: int) -> QTreeWidgetItem | None:
        return next((item for item in self.items() if item.data(0, ITEM_ROLE) == (kind, item_id)), None)

    def current_key(self) -> tuple[str, int] | None:
        item = self.currentItem()
        return item.data(0, ITEM_ROLE) if item is not None else None

    def selected(self, kind: str) -> int | None:
        """The id of the selected item of `kind`, or of the item of that kind above the selection."""
        item = self.currentItem()
        while item is not None:
            item_kind, item_id = item.data(0, ITEM_ROLE)
            if item_kind == kind:
                return item_id
            item = item.parent()
        return None

    def select_quietly(self, item: QTreeWidgetItem) -> None:
        """Make `item` current without the signal (what is shown on the right stays)."""
        if self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)


def label_followup(item: QTreeWidgetItem, followup) -> None:
    """'Venlo — Sociale wijkteams (vervolg 2014)', with the approach and year it follows up in the tooltip."""
    item.setText(0, item.text(0) + QCoreApplication.translate("StudyTree", " (vervolg {0})").format(
        followup.year2_label))
    item.setToolTip(0, QCoreApplication.translate("StudyTree", "Vervolgonderzoek van '{0}' ({1})").format(
        followup.former_name, followup.year1_label))
    font = item.font(0)
    font.setItalic(True)
    item.setFont(0, font)


def label_interview(item: QTreeWidgetItem, iv, regisseur_label: str | None) -> None:
    if labels.is_respondent(iv):
        item.setText(0, labels.respondent(iv))
        item.setText(1, labels.status(iv.status))
        item.setToolTip(0, labels.respondent(iv) + (QCoreApplication.translate(
            "StudyTree", " (aangedragen door de gemeente)") if iv.nominated else ""))
        return
    text = labels.role(iv.role, regisseur_label)
    if iv.organisation_type:
        text += f" — {iv.organisation_type}"
    item.setText(0, text)
    item.setText(1, labels.status(iv.status))
