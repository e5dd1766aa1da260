"""What the inspector does when judging an approach (Qt-free), each step undoable: mark, finding, highlight and
illustrative quotes per indicator; report sections; the approach description (chapter 2), the voorwoord, the
conclusion and the recommendations (chapter 5).

Every text goes through the anonymiser with the registers of all the approach's cases before it is stored (a
finding may name anyone of any case). Every judgement change is kept in the store's history with the author,
the inspector's name; an undo is a change too, and is kept as well.
"""

from __future__ import annotations

from ggsr_desktop.errors import ValidationError
from ggsr_desktop.evidence.findings import Proposal
from ggsr_desktop.framework import Framework
from ggsr_desktop.models import Highlight, Judgement, ReportSection, RowGroup
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.changes import JUDGEMENTS, SECTIONS, TEXTS
from ggsr_desktop.ops.undo import Step, UndoStack


def _fields(j: Judgement | None) -> dict:
    if j is None:
        return {"mark": None, "finding": "", "highlight": Highlight.NONE.value, "quote_ids": [], "let_op": ""}
    return {"mark": j.mark.value if j.mark else None, "finding": j.finding, "highlight": j.highlight.value,
            "quote_ids": list(j.quote_ids), "let_op": j.let_op}


class JudgementActions:
    def __init__(self, capture: Capture, approach_id: int, author: str, stack: UndoStack | None = None):
        self.capture = capture
        self.store = capture.store
        self.approach_id = approach_id
        self.author = author
        self.stack = stack or UndoStack()

    def _anonymised(self, text: str) -> str:
        return self.capture.anonymise_approach_text(self.approach_id, text)

    # ---- judgements ----------------------------------------------------------------------------------------

    def _put(self, indicator_id: str, fields: dict) -> Judgement:
        return self.store.set_judgement(self.approach_id, indicator_id, author=self.author, **fields)

    def _judge(self, indicator_id: str, label: str, merge: str | None = None, **changes) -> Judgement:
        if not self.author.strip():
            raise ValidationError("Vul eerst uw naam in (Bewerken › Naam van de inspecteur): elke wijziging van "
                                  "een oordeel wordt met naam bewaard.")
        before = _fields(self.store.get_judgement(self.approach_id, indicator_id))
        after_judgement = self._put(indicator_id, changes)
        after = _fields(after_judgement)
        if after != before:
            self.stack.push(Step(label, lambda: self._put(indicator_id, before),
                                 lambda: self._put(indicator_id, after), merge, JUDGEMENTS))
        return after_judgement

    def set_mark(self, indicator_id: str, mark: str | None) -> Judgement:
        return self._judge(indicator_id, "beoordeling wijzigen", mark=mark)

    def set_finding(self, indicator_id: str, text: str) -> Judgement:
        """Saved while typing: the saves of one stretch of typing undo as one step (until `stack.seal()`)."""
        return self._judge(indicator_id, "bevinding wijzigen", f"finding:{indicator_id}",
                           finding=self._anonymised(text))

    def set_let_op(self, indicator_id: str, text: str) -> Judgement:
        """Policy level: the 'LET OP:' note after the finding; saved while typing, like the finding."""
        return self._judge(indicator_id, "LET OP wijzigen", f"let_op:{indicator_id}", let_op=self._anonymised(text))

    def set_highlight(self, indicator_id: str, highlight: str) -> Judgement:
        return self._judge(indicator_id, "markering wijzigen", highlight=highlight)

    def set_quotes(self, indicator_id: str, quote_ids: list[int]) -> Judgement:
        return self._judge(indicator_id, "illustratieve citaten wijzigen", quote_ids=quote_ids)

    def toggle_quote(self, indicator_id: str, quote_id: int) -> Judgement:
        """Select a quote as illustrative for the indicator, or deselect it."""
        current = self.store.get_judgement(self.approach_id, indicator_id)
        ids = list(current.quote_ids) if current else []
        ids = [q for q in ids if q != quote_id] if quote_id in ids else [*ids, quote_id]
        return self.set_quotes(indicator_id, ids)

    def apply_proposal(self, indicator_id: str, proposal: Proposal) -> Judgement:
        """Take over a drafted mark and finding in one step (the caller asks before replacing written text)."""
        return self._judge(indicator_id, "voorstel overnemen", mark=proposal.mark.value,
                           finding=self._anonymised(proposal.text))

    # ---- report sections -----------------------------------------------------------------------------------

    def add_section(self, highlight: str, title: str, indicator_ids: list[str] = (), intro: str = "",
                    conclusion: str = "") -> ReportSection:
        section = self.store.add_section(self.approach_id, highlight, self._anonymised(title), self._anonymised(intro),
                                         self._anonymised(conclusion), indicator_ids)
        self.stack.push(Step("sectie toevoegen", lambda: self.store.delete_section(section.id),
                             lambda: self._restore_section(section), changes=SECTIONS))
        return section

    def _restore_section(self, section: ReportSection) -> None:
        self.store.add_section(section.approach_id, section.highlight, section.title, section.intro,
                               section.conclusion, section.indicator_ids, section.position, section.id)

    def update_section(self, section_id: int, *, title: str | None = None, intro: str | None = None,
                       conclusion: str | None = None, indicator_ids: list[str] | None = None) -> ReportSection:
        before = self.store.get_section(section_id)
        texts = {k: self._anonymised(v) for k, v in (("title", title), ("intro", intro), ("conclusion", conclusion))
                 if v is not None}
        after = self.store.update_section(section_id, indicator_ids=indicator_ids, **texts)
        if after != before:
            merge = f"section:{section_id}:{','.join(sorted(texts))}" if texts and indicator_ids is None else None
            self.stack.push(Step("sectie wijzigen", lambda: self._put_section(before), lambda: self._put_section(after),
                                 merge, changes=SECTIONS))
        return after

    def _put_section(self, s: ReportSection) -> None:
        self.store.update_section(s.id, title=s.title, intro=s.intro, conclusion=s.conclusion,
                                  highlight=s.highlight, indicator_ids=s.indicator_ids, position=s.position)

    def delete_section(self, section_id: int) -> None:
        section = self.store.get_section(section_id)
        self.store.delete_section(section_id)
        self.stack.push(Step("sectie verwijderen", lambda: self._restore_section(section),
                             lambda: self.store.delete_section(section_id), changes=SECTIONS))

    def move_to_section(self, indicator_id: str, section_id: int | None) -> None:
        """Put an indicator in one section (out of any other of the approach); None takes it out of all."""
        before = self.store.list_sections(self.approach_id)
        for s in before:
            wanted = [i for i in s.indicator_ids if i != indicator_id]
            if s.id == section_id:
                wanted.append(indicator_id)
            if tuple(wanted) != s.indicator_ids:
                self.store.update_section(s.id, indicator_ids=wanted)
        after = self.store.list_sections(self.approach_id)
        if after != before:
            self.stack.push(Step("indicator in sectie plaatsen", lambda: self._put_sections(before),
                                 lambda: self._put_sections(after), changes=SECTIONS))

    def _put_sections(self, sections: list[ReportSection]) -> None:
        for s in sections:
            self.store.update_section(s.id, indicator_ids=s.indicator_ids)

    def move_section(self, section_id: int, delta: int) -> ReportSection:
        """Move a section up (delta -1) or down (+1) in its chapter: it swaps places with its neighbour of the
        same colour. At the start or end of the chapter nothing changes and no step is pushed."""
        section = self.store.get_section(section_id)
        chapter = [s for s in self.store.list_sections(self.approach_id) if s.highlight == section.highlight]
        index = next((k for k, s in enumerate(chapter) if s.id == section_id), None)
        if index is None:
            raise ValidationError(f"rapportsectie {section_id} hoort niet bij deze aanpak")
        target = index + (1 if delta > 0 else -1 if delta < 0 else 0)
        if target == index or not 0 <= target < len(chapter):
            return section
        neighbour = chapter[target]
        if neighbour.position != section.position:
            after = {section.id: neighbour.position, neighbour.id: section.position}
        else:  # equal positions (ordered by id): number the chapter in its new order
            order = [s.id for s in chapter]
            order[index], order[target] = order[target], order[index]
            after = {sid: k for k, sid in enumerate(order)}
        before = {s.id: s.position for s in chapter if s.id in after}
        self._put_positions(after)
        self.stack.push(Step("sectie verplaatsen", lambda: self._put_positions(before),
                             lambda: self._put_positions(after), changes=SECTIONS))
        return self.store.get_section(section_id)

    def _put_positions(self, positions: dict[int, int]) -> None:
        with self.store.transaction():
            for sid, position in positions.items():
                self.store.update_section(sid, position=position)

    # ---- texts of the nota ---------------------------------------------------------------------------------

    def set_description(self, field: str, text: str) -> None:
        """A field of chapter 2 'Typering van de aanpak'."""
        before = self.store.get_approach(self.approach_id).description.get(field, "")
        after = self.store.update_approach(self.approach_id, description={field: self._anonymised(text)})
        new = after.description[field]
        if new != before:
            self.stack.push(Step("typering wijzigen",
                                 lambda: self.store.update_approach(self.approach_id, description={field: before}),
                                 lambda: self.store.update_approach(self.approach_id, description={field: new}),
                                 f"description:{field}", changes=TEXTS))

    def set_text(self, key: str, text: str) -> None:
        """The voorwoord or the general conclusion (chapter 5.1)."""
        before = self.store.get_approach_texts(self.approach_id)[key]
        self.store.set_approach_text(self.approach_id, key, self._anonymised(text))
        new = self.store.get_approach_texts(self.approach_id)[key]
        if new != before:
            self.stack.push(Step("tekst wijzigen", lambda: self.store.set_approach_text(self.approach_id, key, before),
                                 lambda: self.store.set_approach_text(self.approach_id, key, new), f"text:{key}",
                                 changes=TEXTS))

    def set_overview(self, text: str) -> None:
        """Policy level: the factsheet's 'Beschrijving' of the approach."""
        before = self.store.get_approach(self.approach_id).overview
        new = self.store.update_approach(self.approach_id, overview=self._anonymised(text)).overview
        if new != before:
            self.stack.push(Step("beschrijving wijzigen",
                                 lambda: self.store.update_approach(self.approach_id, overview=before),
                                 lambda: self.store.update_approach(self.approach_id, overview=new), "overview",
                                 changes=TEXTS))

    def set_row_groups(self, groups: list[RowGroup], framework: Framework) -> list[RowGroup]:
        """Policy level: the factsheet's row groups; each within one criterion of the framework."""
        criterion = {i.id: i.criterion_id for i in framework.indicators}
        for k, group in enumerate(groups, 1):
            unknown = [i for i in group.indicator_ids if i not in criterion]
            if unknown:
                raise ValidationError(f"rijgroep {k}: onbekende indicator '{unknown[0]}'")
            if len({criterion[i] for i in group.indicator_ids}) > 1:
                raise ValidationError(f"rijgroep {k}: de indicatoren horen bij verschillende criteria; een rijgroep "
                                      "blijft binnen één criterium")
        before = self.store.row_groups(self.approach_id)
        after = self.store.set_row_groups(self.approach_id, groups)
        if after != before:
            self.stack.push(Step("rijgroepen wijzigen", lambda: self.store.set_row_groups(self.approach_id, before),
                                 lambda: self.store.set_row_groups(self.approach_id, after), changes=JUDGEMENTS))
        return after

    def set_recommendations(self, items: list[tuple[str, str]]) -> None:
        """Chapter 5.2: (lead, text) pairs in order."""
        before = [(r.lead, r.text) for r in self.store.list_recommendations(self.approach_id)]
        stored = self.store.set_recommendations(
            self.approach_id, [(self._anonymised(lead), self._anonymised(text)) for lead, text in items])
        after = [(r.lead, r.text) for r in stored]
        if after != before:
            self.stack.push(Step("aanbevelingen wijzigen",
                                 lambda: self.store.set_recommendations(self.approach_id, before),
                                 lambda: self.store.set_recommendations(self.approach_id, after), changes=TEXTS))
