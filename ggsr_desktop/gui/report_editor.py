"""The report sections of chapters 3 ('Wat gaat goed?', green) and 4 ('Wat kan beter?', red) of an approach:
left the sections per chapter and the highlighted indicators that are in no section yet, right the selected
section's title, introduction, conclusion and indicators.

Every change goes through `JudgementActions` (anonymised, undoable); texts are saved by `AutoSave` when a field
loses the focus and after a pause in typing. Nothing is ever written to the store directly from here.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui.autosave import AutoSave, ErrorLabel, GrowingTextEdit
from ggsr_desktop.gui.form_dialog import FormDialog, named
from ggsr_desktop.gui.guide_view import _WrappingTree, one_line
from ggsr_desktop.models import Highlight, ReportSection
from ggsr_desktop.ops.judging import JudgementActions

SECTION_ROLE = Qt.ItemDataRole.UserRole  # tree: the section id of a row (None for a chapter row)
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 1  # tree and unplaced list: 'groen' or 'rood'
INDICATOR_ROLE = Qt.ItemDataRole.UserRole  # lists: the indicator id of a row
COLOURS = {Highlight.GREEN: QColor("#15803d"), Highlight.RED: QColor("#b91c1c")}
WARNING = QColor("#b45309")
TEXT_FIELDS = ("title", "intro", "conclusion")


class SectionDialog(FormDialog):
    """A new section: its title and its chapter (colour)."""

    def __init__(self, parent, judging: JudgementActions, highlight: Highlight):
        super().__init__(parent, self.tr("Nieuwe sectie"))
        self.judging = judging
        form = QFormLayout()
        self.title = named(QLineEdit(), "newSectionTitleEdit", self.tr("Titel van de nieuwe sectie"))
        self.title.setPlaceholderText(self.tr("het centrale thema, bijv. 'Beperkte aandacht voor het netwerk'"))
        self.title.setMinimumWidth(self.title.fontMetrics().averageCharWidth() * 50)
        self.colour = named(QComboBox(), "newSectionColourCombo", self.tr("Hoofdstuk van de nieuwe sectie"))
        self.colour.addItem(self.tr("Groen: hoofdstuk 3, Wat gaat goed?"), Highlight.GREEN.value)
        self.colour.addItem(self.tr("Rood: hoofdstuk 4, Wat kan beter?"), Highlight.RED.value)
        self.colour.setCurrentIndex(1 if highlight == Highlight.RED else 0)
        form.addRow(self.tr("&Titel:"), self.title)
        form.addRow(self.tr("&Hoofdstuk:"), self.colour)
        self.layout_.addLayout(form)
        self.finish_layout()

    def apply(self) -> ReportSection:
        return self.judging.add_section(self.colour.currentData(), self.title.text())


class ReportEditor(QWidget):
    """Call `refresh()` after undo/redo (it saves what is being typed first); `flush()` saves what is typed now
    (before an undo, so that the typing is a step of its own). `changed` is emitted after every stored change."""

    changed = Signal()

    def __init__(self, store, framework: Framework, judging: JudgementActions, parent=None):
        super().__init__(parent)
        self.setObjectName("reportEditor")
        self.store, self.framework, self.judging = store, framework, judging
        self.approach_id = judging.approach_id
        self.section_id: int | None = None  # the selected section
        self._shown_id: int | None = None  # the section whose texts are in the fields
        self._sections: list[ReportSection] = []
        self._highlights: dict[str, Highlight] = {}
        self._order = {ind.id: k for k, ind in enumerate(framework.indicators)}
        self._loading = False
        self._build()
        self._shortcuts()
        self.refresh()

    # ---- layout --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.errors = ErrorLabel("reportError", self.tr("Foutmelding bij de rapportsecties"))

        self.tree = named(_WrappingTree(), "sectionList", self.tr("Secties van hoofdstuk 3 en 4"))
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.add_button = self._button("sectionAddButton", self.tr("Nieuwe sectie…"), self.tr("Nieuwe sectie"),
                                       self.new_section, "Ctrl+Shift+S")
        self.delete_button = self._button("sectionDeleteButton", self.tr("Verwijderen"),
                                          self.tr("Sectie verwijderen"), self.delete_section, "Del")
        self.up_button = self._button("sectionUpButton", self.tr("Omhoog"), self.tr("Sectie omhoog"),
                                      lambda: self.move(-1), "Alt+↑")
        self.down_button = self._button("sectionDownButton", self.tr("Omlaag"), self.tr("Sectie omlaag"),
                                        lambda: self.move(1), "Alt+↓")
        buttons = QGridLayout()  # two rows of two: the left pane stays narrow at 150 %
        for k, button in enumerate((self.add_button, self.delete_button, self.up_button, self.down_button)):
            buttons.addWidget(button, k // 2, k % 2)

        self.unplaced_label = QLabel()
        self.unplaced_label.setWordWrap(True)
        self.unplaced = named(QListWidget(), "unplacedList", self.tr("Gemarkeerd, nog in geen sectie"))
        self.unplaced.setWordWrap(True)
        self.unplaced.itemDoubleClicked.connect(lambda _item: self.place_selected())
        self.unplaced_label.setBuddy(self.unplaced)
        self.place_button = self._button("placeButton", self.tr("In geselecteerde sectie plaatsen"),
                                         self.tr("Indicator in de geselecteerde sectie plaatsen"),
                                         self.place_selected, self.tr("Enter of dubbelklik"))

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 4, 0)
        lv.addWidget(self.tree, 3)
        lv.addLayout(buttons)
        lv.addWidget(self.unplaced_label)
        lv.addWidget(self.unplaced, 1)
        lv.addWidget(self.place_button)

        self.chapter_label = QLabel()
        self.chapter_label.setObjectName("sectionChapterLabel")
        self.chapter_label.setWordWrap(True)
        self.title_edit = named(QLineEdit(), "sectionTitleEdit", self.tr("Titel van de sectie"))
        self.intro_edit = named(GrowingTextEdit(3, 14), "sectionIntroEdit", self.tr("Inleiding van de sectie"))
        self.intro_edit.setPlaceholderText(self.tr("Waarom dit thema ertoe doet voor de gezinnen…"))
        self.conclusion_edit = named(GrowingTextEdit(3, 14), "sectionConclusionEdit",
                                     self.tr("Conclusie van de sectie"))
        self.conclusion_edit.setPlaceholderText(self.tr("De conclusie van deze sectie (nodig voor de nota)…"))
        self.indicator_list = named(QListWidget(), "sectionIndicatorList", self.tr("Indicatoren van deze sectie"))
        self.indicator_list.setWordWrap(True)
        self.indicator_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.indicator_list.itemChanged.connect(self._indicator_toggled)
        self.indicator_hint = QLabel()
        self.indicator_hint.setObjectName("sectionIndicatorHint")
        self.indicator_hint.setWordWrap(True)
        hint = QLabel(self.tr("Wordt vanzelf opgeslagen (bij het verlaten van een veld en na 1,5 seconde zonder "
                              "typen). Namen worden vervangen door rollen."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#6b7280")

        self.section_panel = QWidget()
        form = QVBoxLayout(self.section_panel)
        form.addWidget(self.chapter_label)
        for caption, widget in ((self.tr("Titel"), self.title_edit), (self.tr("Inleiding"), self.intro_edit),
                                (self.tr("Conclusie"), self.conclusion_edit),
                                (self.tr("Indicatoren in deze sectie (aangevinkt)"), self.indicator_list)):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addWidget(label)
            form.addWidget(widget, 1 if widget is self.indicator_list else 0)
        form.addWidget(self.indicator_hint)
        form.addWidget(hint)
        right = QScrollArea()
        right.setObjectName("sectionScroll")
        right.setWidgetResizable(True)
        right.setWidget(self.section_panel)
        right.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a tab stop: its fields are

        self.autosaves = {field: AutoSave(edit, lambda text, f=field: self._save_text(f, text), what, self.errors)
                          for field, edit, what in (
                              ("title", self.title_edit, self.tr("Titel van de sectie")),
                              ("intro", self.intro_edit, self.tr("Inleiding van de sectie")),
                              ("conclusion", self.conclusion_edit, self.tr("Conclusie van de sectie")))}
        for autosave in self.autosaves.values():
            autosave.saved.connect(self._text_saved)

        self.splitter = QSplitter()
        self.splitter.setObjectName("reportSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors)
        layout.addWidget(self.splitter, 1)
        order = (self.tree, self.add_button, self.delete_button, self.up_button, self.down_button, self.unplaced,
                 self.place_button, self.title_edit, self.intro_edit, self.conclusion_edit, self.indicator_list)
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _button(self, name: str, text: str, accessible: str, slot, keys: str) -> QPushButton:
        button = named(QPushButton(text), name, accessible)
        button.setToolTip(f"{accessible} ({keys})")
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _shortcuts(self) -> None:
        for keys, slot, widget, context in (
                ("Ctrl+Shift+S", self.new_section, self, Qt.ShortcutContext.WidgetWithChildrenShortcut),
                ("Del", self.delete_section, self.tree, Qt.ShortcutContext.WidgetShortcut),
                ("Alt+Up", lambda: self.move(-1), self.tree, Qt.ShortcutContext.WidgetShortcut),
                ("Alt+Down", lambda: self.move(1), self.tree, Qt.ShortcutContext.WidgetShortcut),
                ("Return", self.place_selected, self.unplaced, Qt.ShortcutContext.WidgetShortcut),
                ("Enter", self.place_selected, self.unplaced, Qt.ShortcutContext.WidgetShortcut)):
            QShortcut(QKeySequence(keys), widget, context=context).activated.connect(slot)

    # ---- reading -------------------------------------------------------------------------------------------

    def section(self) -> ReportSection | None:
        return next((s for s in self._sections if s.id == self.section_id), None)

    def _read(self) -> bool:
        try:
            self._sections = self.store.list_sections(self.approach_id)
            self._highlights = {j.indicator_id: j.highlight for j in self.store.list_judgements(self.approach_id)
                                if j.highlight in COLOURS}
        except GgsrError as exc:
            self.errors.report("read", self.tr("Rapportsecties niet gelezen: {0}").format(exc))
            return False
        self.errors.resolve("read")
        if self.section() is None:
            self.section_id = self._sections[0].id if self._sections else None
        return True

    def _indicator_text(self, indicator_id: str) -> str:
        if self.framework.has_indicator(indicator_id):
            return one_line(self.framework.indicator(indicator_id).text)
        return indicator_id

    def _sorted(self, ids) -> list[str]:
        return sorted(ids, key=lambda i: (self._order.get(i, len(self._order)), i))

    # ---- display -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything from the store (after undo/redo). What is being typed is saved first; what cannot
        be saved stays in its field."""
        saved = self.flush()
        self._reload(texts=True, keep_typing=not saved)

    def flush(self) -> bool:
        """Save the texts typed in the fields now; False when one could not be saved (it stays in its field)."""
        results = [autosave.flush() for autosave in self.autosaves.values()]  # every one, also after a failure
        return all(results)

    def _reload(self, indicators: bool = True, texts: bool = False, keep_typing: bool = False) -> None:
        """Read the store and show it; the fields are loaded when another section is selected now, or with
        `texts` (`keep_typing`: except fields with typing that could not be saved)."""
        self._read()
        self._fill_tree()
        self._fill_unplaced()
        if texts or self._shown_id != self.section_id:
            self._load_section(keep_typing)
        elif indicators:
            self._fill_indicators()
        else:
            self._label_indicators()

    def _fill_tree(self) -> None:
        blocked = self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        current = None
        for highlight, title in ((Highlight.GREEN, self.tr("Hoofdstuk 3 · Wat gaat goed?")),
                                 (Highlight.RED, self.tr("Hoofdstuk 4 · Wat kan beter?"))):
            chapter = QTreeWidgetItem([title])
            chapter.setFont(0, bold)
            chapter.setForeground(0, QBrush(COLOURS[highlight]))
            chapter.setData(0, SECTION_ROLE, None)
            chapter.setData(0, HIGHLIGHT_ROLE, highlight.value)
            self.tree.addTopLevelItem(chapter)
            for section in (s for s in self._sections if s.highlight == highlight):
                item = QTreeWidgetItem()
                item.setData(0, SECTION_ROLE, section.id)
                item.setData(0, HIGHLIGHT_ROLE, highlight.value)
                chapter.addChild(item)
                if section.id == self.section_id:
                    current = item
            chapter.setExpanded(True)
        self._label_tree()
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.blockSignals(blocked)
        self._update_buttons()

    def _label_tree(self) -> None:
        """Title, number of indicators and a warning mark for a missing conclusion on every section row."""
        sections = {s.id: s for s in self._sections}
        for c in range(self.tree.topLevelItemCount()):
            chapter = self.tree.topLevelItem(c)
            for k in range(chapter.childCount()):
                item = chapter.child(k)
                section = sections.get(item.data(0, SECTION_ROLE))
                if section is None:
                    continue
                n = len(section.indicator_ids)
                count = self.tr("1 indicator") if n == 1 else self.tr("{0} indicatoren").format(n)
                missing = not section.conclusion.strip()
                item.setText(0, f"{'⚠ ' if missing else ''}{section.title} ({count})")
                item.setForeground(0, QBrush(WARNING) if missing else QBrush())
                tip = [section.title, count]
                if missing:
                    tip.append(self.tr("De conclusie ontbreekt nog."))
                item.setToolTip(0, "\n".join(tip))
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, ", ".join(tip))

    def _fill_unplaced(self) -> None:
        placed = {i for s in self._sections for i in s.indicator_ids}
        ids = self._sorted(i for i in self._highlights if i not in placed)
        self.unplaced.clear()
        for indicator_id in ids:
            highlight = self._highlights[indicator_id]
            colour = self.tr("Groen") if highlight == Highlight.GREEN else self.tr("Rood")
            item = QListWidgetItem(f"{colour} · {self._indicator_text(indicator_id)}")
            item.setData(INDICATOR_ROLE, indicator_id)
            item.setData(HIGHLIGHT_ROLE, highlight.value)
            item.setForeground(QBrush(COLOURS[highlight]))
            item.setToolTip(indicator_id)
            self.unplaced.addItem(item)
        if ids:
            self.unplaced.setCurrentRow(0)
        self.unplaced_label.setText(self.tr("Gemarkeerd, nog in geen sectie ({0})").format(len(ids)))
        self.place_button.setEnabled(bool(ids))

    def _load_section(self, keep_typing: bool = False) -> None:
        """Put the selected section in the fields; with `keep_typing`, fields with unsaved typing of the same
        section keep it."""
        section = self.section()
        same = section is not None and section.id == self._shown_id
        self._shown_id = section.id if section else None
        for field, autosave in self.autosaves.items():
            if not (keep_typing and same and autosave.dirty):
                autosave.load(getattr(section, field) if section else "")
        self.section_panel.setEnabled(section is not None)
        if section is None:
            self.chapter_label.setText(self.tr("Kies links een sectie, of maak een nieuwe (Ctrl+Shift+S)."))
            self.chapter_label.setStyleSheet("")
        else:
            chapter = (self.tr("Hoofdstuk 3 · Wat gaat goed? (groene sectie)") if section.highlight == Highlight.GREEN
                       else self.tr("Hoofdstuk 4 · Wat kan beter? (rode sectie)"))
            self.chapter_label.setText(chapter)
            self.chapter_label.setStyleSheet(f"color:{COLOURS[section.highlight].name()}; font-weight:600")
        self._fill_indicators()

    def _fill_indicators(self) -> None:
        """Every indicator highlighted in the section's colour, checked when in this section; also those in it
        that are no longer highlighted so (to take them out)."""
        section = self.section()
        self._loading = True
        self.indicator_list.clear()
        if section is not None:
            ids = [i for i, h in self._highlights.items() if h == section.highlight]
            ids = self._sorted({*ids, *section.indicator_ids})
            for indicator_id in ids:
                item = QListWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setData(INDICATOR_ROLE, indicator_id)
                item.setToolTip(indicator_id)
                self.indicator_list.addItem(item)
        self._loading = False
        self._label_indicators()

    def _label_indicators(self) -> None:
        section = self.section()
        if section is None:
            self.indicator_hint.setText("")
            return
        colour = self.tr("groen") if section.highlight == Highlight.GREEN else self.tr("rood")
        where = {i: s for s in self._sections for i in s.indicator_ids}
        self._loading = True
        for row in range(self.indicator_list.count()):
            item = self.indicator_list.item(row)
            indicator_id = item.data(INDICATOR_ROLE)
            text = self._indicator_text(indicator_id)
            other = where.get(indicator_id)
            if other is not None and other.id != section.id:
                text += self.tr(" — nu in ‘{0}’").format(other.title)
            if self._highlights.get(indicator_id) != section.highlight:
                text += self.tr(" — niet (meer) {0} gemarkeerd").format(colour)
            item.setText(text)
            item.setCheckState(Qt.CheckState.Checked if indicator_id in section.indicator_ids
                               else Qt.CheckState.Unchecked)
        self._loading = False
        empty = self.indicator_list.count() == 0
        self.indicator_hint.setText(self.tr("Nog geen indicator {0} gemarkeerd: markeer indicatoren in de "
                                            "beoordeling.").format(colour) if empty else "")
        self.indicator_hint.setVisible(empty)

    def _update_buttons(self) -> None:
        section = self.section()
        chapter = [s.id for s in self._sections if section is not None and s.highlight == section.highlight]
        self.delete_button.setEnabled(section is not None)
        self.up_button.setEnabled(section is not None and chapter.index(section.id) > 0)
        self.down_button.setEnabled(section is not None and chapter.index(section.id) < len(chapter) - 1)

    def _select(self, section_id: int | None) -> None:
        """Select a section's row without loading it (its texts are still in the fields)."""
        for c in range(self.tree.topLevelItemCount()):
            chapter = self.tree.topLevelItem(c)
            for k in range(chapter.childCount()):
                if chapter.child(k).data(0, SECTION_ROLE) == section_id:
                    blocked = self.tree.blockSignals(True)
                    self.tree.setCurrentItem(chapter.child(k))
                    self.tree.blockSignals(blocked)

    def _current_changed(self, item, _previous=None) -> None:
        new_id = item.data(0, SECTION_ROLE) if item is not None else None
        if new_id == self.section_id:
            return
        if not self.flush():  # what was typed in the shown section cannot be saved: stay on it, keep the text
            kept = self.section_id
            QTimer.singleShot(0, lambda: self._select(kept))
            return
        self.section_id = new_id
        self._load_section()
        self._update_buttons()

    def _colour(self) -> Highlight:
        """The chapter of the selected row (for a new section)."""
        item = self.tree.currentItem()
        value = item.data(0, HIGHLIGHT_ROLE) if item is not None else None
        return Highlight(value) if value else Highlight.GREEN

    # ---- actions -------------------------------------------------------------------------------------------

    def _run(self, key: str, what: str, action, indicators: bool = True) -> bool:
        try:
            action()
        except GgsrError as exc:
            self.errors.report(key, self.tr("{0} mislukt: {1}").format(what, exc))
            self._reload(indicators)
            return False
        self.errors.resolve(key)
        self._reload(indicators)
        self.changed.emit()
        return True

    def _save_text(self, field: str, text: str) -> str:
        return getattr(self.judging.update_section(self._shown_id, **{field: text}), field)

    def _text_saved(self, _text: str) -> None:
        if self._read():
            self._label_tree()
            self._label_indicators()
        self.changed.emit()

    def new_section(self) -> None:
        """Ask title and chapter in a dialog; the new section is selected, its introduction has the focus."""
        self.flush()
        dialog = SectionDialog(self, self.judging, self._colour())
        dialog.setObjectName("sectionDialog")
        self.section_dialog = dialog

        def done(result: int) -> None:
            if result and dialog.result_ is not None:
                self.section_id = dialog.result_.id
                self._reload()
                self.changed.emit()
                self.intro_edit.setFocus()

        dialog.finished.connect(done)
        dialog.open()

    def delete_section(self) -> None:
        """Delete the selected section after confirmation (undoable); its indicators stay highlighted."""
        section = self.section()
        if section is None:
            return
        self.flush()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sectie verwijderen"), self.tr(
            "Sectie ‘{0}’ verwijderen? Haar indicatoren blijven gemarkeerd en staan daarna bij 'nog in geen "
            "sectie'. Ongedaan maken (Ctrl+Z) zet de sectie terug.").format(section.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("sectionDeleteConfirm")
        box.setAccessibleName(self.tr("Sectie verwijderen bevestigen"))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Verwijderen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Annuleren"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm_box = box

        def done(_result: int) -> None:
            if box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Yes:
                return
            chapter = [s.id for s in self._sections if s.highlight == section.highlight]
            index = chapter.index(section.id)
            rest = [sid for sid in chapter if sid != section.id]
            if self._run("delete", self.tr("Sectie verwijderen"), lambda: self.judging.delete_section(section.id)):
                self.section_id = rest[min(index, len(rest) - 1)] if rest else None  # its neighbour
                self._reload()
            self.tree.setFocus()

        box.finished.connect(done)
        box.open()

    def move(self, delta: int) -> None:
        """Move the selected section up (-1) or down (+1) within its chapter."""
        section = self.section()
        if section is None:
            return
        button = self.up_button if delta < 0 else self.down_button
        had_focus = button.hasFocus()
        self._run("move", self.tr("Sectie verplaatsen"), lambda: self.judging.move_section(section.id, delta))
        if had_focus and not button.isEnabled():  # at the end of its chapter: the focus goes back to the list
            self.tree.setFocus()

    def place_selected(self) -> None:
        """Put the selected 'not in a section' indicator into the selected section (of the same colour)."""
        item = self.unplaced.currentItem()
        if item is None:
            return
        indicator_id, colour = item.data(INDICATOR_ROLE), Highlight(item.data(HIGHLIGHT_ROLE))
        section = self.section()
        if section is None or section.highlight != colour:
            self.errors.report("place", self.tr("Kies eerst links een {0} sectie om ‘{1}’ in te plaatsen.").format(
                self.tr("groene") if colour == Highlight.GREEN else self.tr("rode"),
                self._indicator_text(indicator_id)))
            return
        self._run("place", self.tr("Indicator plaatsen"),
                  lambda: self.judging.move_to_section(indicator_id, section.id))

    def _indicator_toggled(self, item: QListWidgetItem) -> None:
        if self._loading or self.section_id is None:
            return
        indicator_id = item.data(INDICATOR_ROLE)
        target = self.section_id if item.checkState() == Qt.CheckState.Checked else None
        self.errors.resolve("place")
        # the list is relabelled, not rebuilt: this item is still being handled by the view
        self._run("indicator", self.tr("Indicator in sectie plaatsen"),
                  lambda: self.judging.move_to_section(indicator_id, target), indicators=False)
