"""The list of an interview's quotes: placeholders highlighted, 'controleren' flagged, codings shown below."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate

from ggsr_desktop.framework import Framework
from ggsr_desktop.gui import labels
from ggsr_desktop.gui.guide_view import one_line
from ggsr_desktop.models import Quote

QUOTE_ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,40}\]")
PLACEHOLDER_STYLE = "background-color:#dbeafe; color:#1e3a8a; font-weight:600;"
REVIEW_STYLE = "background-color:#fde68a; color:#78350f; font-weight:600;"
BADGE = "color:{0}; font-weight:600; font-size:small;"


def highlighted(quote: Quote) -> str:
    """The quote's text as HTML with its placeholders marked (spans to review in amber)."""
    spans = sorted(quote.spans, key=lambda s: s.start)
    if not spans:  # older quotes without span data: every [placeholder] is marked
        spans = [_Span(m.start(), m.end(), False) for m in PLACEHOLDER.finditer(quote.text)]
    parts, at = [], 0
    for span in spans:
        if span.start < at or span.end > len(quote.text):
            continue
        parts.append(html.escape(quote.text[at:span.start]))
        style = REVIEW_STYLE if span.needs_review else PLACEHOLDER_STYLE
        parts.append(f'<span style="{style}">&nbsp;{html.escape(quote.text[span.start:span.end])}&nbsp;</span>')
        at = span.end
    parts.append(html.escape(quote.text[at:]))
    return "".join(parts).replace("\n", "<br>")


class _Span:
    def __init__(self, start: int, end: int, needs_review: bool):
        self.start, self.end, self.needs_review = start, end, needs_review


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML (HTML_ROLE), wrapped to the view's width."""

    def _document(self, option, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(index.data(HTML_ROLE) or html.escape(index.data() or ""))
        doc.setTextWidth(max(option.rect.width(), 200))
        return doc

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, option.palette.highlightedText().color())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        width = option.widget.viewport().width() if option.widget else 400
        option.rect.setWidth(width)
        doc = self._document(option, index)
        return QSize(width, int(doc.size().height()) + 2)


class QuoteList(QListWidget):
    """This interview's quotes, newest first. Double-click or F2 asks to edit (signal `edit_requested`)."""

    edit_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("quoteList")
        self.setAccessibleName(self.tr("Citaten van dit gesprek"))
        self.setItemDelegate(HtmlDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemDoubleClicked.connect(lambda _item: self.edit_requested.emit())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # wrapped heights follow the width

    def current_quote_id(self) -> int | None:
        item = self.currentItem()
        return item.data(QUOTE_ID_ROLE) if item is not None else None

    def show_quotes(self, quotes: list[Quote], framework: Framework, keep: int | None = None) -> None:
        keep = self.current_quote_id() if keep is None else keep
        self.clear()
        for quote in reversed(quotes):  # newest first: right under the editor
            item = QListWidgetItem(quote.text)
            item.setData(QUOTE_ID_ROLE, quote.id)
            item.setData(HTML_ROLE, self._html(quote, framework))
            item.setToolTip(self.tr("F2 of dubbelklik: bewerken · Del: verwijderen · Ctrl+R: hercoderen"))
            self.addItem(item)
            if quote.id == keep:
                self.setCurrentItem(item)

    def _html(self, quote: Quote, framework: Framework) -> str:
        badges = [f'<span style="{BADGE.format("#374151")}">{html.escape(labels.kind(quote.kind).upper())}</span>']
        if quote.needs_review:
            badges.append(f'<span style="{BADGE.format("#b91c1c")}">⚠ {html.escape(self.tr("controleren"))}</span>')
        codes = []
        for coding in quote.codings:
            text = coding.indicator_id
            if framework.has_indicator(coding.indicator_id):
                text = one_line(framework.indicator(coding.indicator_id).text)
                if len(text) > 70:
                    text = text[:68] + "…"
            codes.append(f"{html.escape(text)} <i>({html.escape(labels.stance(coding.stance))})</i>")
        if codes:
            coded = "<br>".join(f"▸ {c}" for c in codes)
            coded = f'<span style="color:#4b5563; font-size:small;">{coded}</span>'
        else:
            coded = f'<span style="{BADGE.format("#b45309")}">{html.escape(self.tr("nog te coderen"))}</span>'
        return (f'{" &nbsp;·&nbsp; ".join(badges)}<br><span style="font-size:large;">{highlighted(quote)}</span>'
                f"<br>{coded}")
