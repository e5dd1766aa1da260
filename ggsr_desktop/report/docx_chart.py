"""Native Word charts (DrawingML, `word/charts/chartN.xml`) for python-docx, which has none: horizontal bars stacked to
100% (ja / nee per item, the ja percentage labelled '93%') and a pie of shares. The numbers are written as the
chart's cached values, so Word and LibreOffice draw the chart themselves — nothing is rendered here, which keeps
the export fast and the chart sharp at any zoom. No embedded workbook: the chart shows, its data is not editable.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Mm

_NS = ('xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_PERCENT = '0"%"'
_FONT = '<a:latin typeface="Calibri"/><a:cs typeface="Calibri"/>'  # the body font of the report (Carlito stands in)


def _text_props(size: int, bold: bool = False) -> str:
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size * 100}" b="{int(bold)}">{_FONT}'
            '</a:defRPr></a:pPr>'
            '<a:endParaRPr lang="nl-NL"/></a:p></c:txPr>')


def _fill(colour: str) -> str:
    return f'<c:spPr><a:solidFill><a:srgbClr val="{colour.lstrip("#")}"/></a:solidFill></c:spPr>'


def _strings(ref: str, values: list[str]) -> str:
    points = "".join(f'<c:pt idx="{k}"><c:v>{escape(v)}</c:v></c:pt>' for k, v in enumerate(values))
    return f'<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val="{len(values)}"/>{points}</c:strCache></c:strRef>'


def _numbers(ref: str, values: list[float]) -> str:
    points = "".join(f'<c:pt idx="{k}"><c:v>{v:g}</c:v></c:pt>' for k, v in enumerate(values))
    return (f'<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>General</c:formatCode>'
            f'<c:ptCount val="{len(values)}"/>{points}</c:numCache></c:numRef>')


def _labels(show: bool, colour: str = "FFFFFF") -> str:
    if not show:
        return '<c:dLbls><c:delete val="1"/></c:dLbls>'
    return (f'<c:dLbls><c:numFmt formatCode="{escape(_PERCENT, {chr(34): "&quot;"})}" sourceLinked="0"/>'
            '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
            f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800" b="1"><a:solidFill><a:srgbClr '
            f'val="{colour}"/></a:solidFill>{_FONT}</a:defRPr></a:pPr><a:endParaRPr lang="nl-NL"/></a:p></c:txPr>'
            '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
            '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>')


def _title(text: str) -> str:
    return (f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900" b="1">{_FONT}'
            f'</a:defRPr></a:pPr><a:r><a:rPr lang="nl-NL" sz="900" b="1">{_FONT}</a:rPr><a:t>{escape(text)}</a:t></a:r>'
            '</a:p></c:rich></c:tx>'
            '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>')


def _space(title: str, plot: str, legend: bool = True) -> bytes:
    legend_xml = ('<c:legend><c:legendPos val="b"/><c:overlay val="0"/>' + _text_props(8) + '</c:legend>'
                  if legend else "")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace {_NS}>'
            '<c:roundedCorners val="0"/><c:chart>' + _title(title) + f'<c:plotArea><c:layout/>{plot}</c:plotArea>'
            f'{legend_xml}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
            '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
            f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800">{_FONT}</a:defRPr></a:pPr>'
            '<a:endParaRPr lang="nl-NL"/>'
            '</a:p></c:txPr></c:chartSpace>').encode("utf-8")


def bar_chart_xml(title: str, labels: list[str], yes: list[float], yes_colour: str, no_colour: str,
                  yes_labels: list[bool]) -> bytes:
    """Horizontal bars, ja then nee stacked to 100 per item (values in percent); ja labelled where shown."""
    n = len(labels)
    cats = _strings(f"Blad1!$A$2:$A${n + 1}", labels)
    series = []
    for k, (name, values, colour, show) in enumerate((
            ("ja", yes, yes_colour, any(yes_labels)), ("nee", [100 - v for v in yes], no_colour, False))):
        col = "B" if k == 0 else "C"
        series.append(
            f'<c:ser><c:idx val="{k}"/><c:order val="{k}"/><c:tx>{_strings(f"Blad1!${col}$1", [name])}</c:tx>'
            f'{_fill(colour)}<c:invertIfNegative val="0"/>{_labels(show)}<c:cat>{cats}</c:cat>'
            f'<c:val>{_numbers(f"Blad1!${col}$2:${col}${n + 1}", values)}</c:val></c:ser>')
    plot = ('<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>' + "".join(series)
            + '<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>'
            '<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
            '<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
            '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' + _text_props(8) +
            '<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
            '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
            '<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/>'
            '<c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln '
            'w="3175"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
            f'<c:numFmt formatCode="{escape(_PERCENT, {chr(34): "&quot;"})}" sourceLinked="0"/>'
            '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
            + _text_props(7) + '<c:crossAx val="5001"/><c:crosses val="max"/><c:crossBetween val="between"/>'
            '<c:majorUnit val="25"/></c:valAx>')
    return _space(title, plot)


def pie_chart_xml(title: str, labels: list[str], percentages: list[float], colours: list[str]) -> bytes:
    """One pie of shares (values in percent), each slice labelled with its percentage."""
    n = len(labels)
    points = "".join(f'<c:dPt><c:idx val="{k}"/><c:bubble3D val="0"/>{_fill(colour)}</c:dPt>'
                     for k, colour in enumerate(colours))
    series = (f'<c:ser><c:idx val="0"/><c:order val="0"/><c:tx>{_strings("Blad1!$B$1", ["aandeel"])}</c:tx>'
              f'{points}{_labels(True, "000000")}<c:cat>{_strings(f"Blad1!$A$2:$A${n + 1}", labels)}</c:cat>'
              f'<c:val>{_numbers(f"Blad1!$B$2:$B${n + 1}", percentages)}</c:val></c:ser>')
    plot = f'<c:pieChart><c:varyColors val="1"/>{series}<c:firstSliceAng val="0"/></c:pieChart>'
    return _space(title, plot)


class ChartWriter:
    """Adds chart parts to one document and inline chart frames to its paragraphs."""

    def __init__(self, doc):
        self.doc = doc
        self.count = 0

    def add(self, paragraph, xml: bytes, width_mm: float, height_mm: float, title: str, descr: str):
        self.count += 1
        package = self.doc.part.package
        partname = package.next_partname("/word/charts/chart%d.xml")
        part = Part(PackURI(str(partname)), CT.DML_CHART, xml, package)
        rid = self.doc.part.relate_to(part, RT.CHART)
        cx, cy = Mm(width_mm), Mm(height_mm)
        inline = parse_xml(
            '<wp:inline distT="0" distB="0" distL="0" distR="0" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<wp:extent cx="{int(cx)}" cy="{int(cy)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{5000 + self.count}" name="{escape(title, {chr(34): "&quot;"})}" '
            f'descr="{escape(descr, {chr(34): "&quot;"})}" title="{escape(title, {chr(34): "&quot;"})}"/>'
            '<wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>')
        run = paragraph.add_run()
        drawing = parse_xml('<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
        drawing.append(inline)
        run._r.append(drawing)
        return inline
