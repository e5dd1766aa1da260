"""Review of the anonymisation through the real store and anonymiser: put a wrongly replaced word back (retyped),
replace a missed part, confirm; refusals of words that identify; undo/redo; nothing refused reaches the disk.
And the strict fallback that keeps a quote when the anonymiser is missing or fails."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.errors import ValidationError
from ggsr_desktop.models import QuoteSpan
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.quote_actions import QuoteActions
from ggsr_desktop.ops.review import redact_span, revert_span

MOTHER = "Wilhelmina Kanarievogel"


@pytest.fixture
def setup(store, anonymiser):
    study = store.add_study("S", "casusniveau")
    case = store.add_case(store.add_approach(study.id, "Wadlo", "Aanpak").id, "Gezin A")
    interview = store.add_interview(case.id, "gezin")
    capture = Capture(store, anonymiser)
    capture.add_person(case.id, Person("moeder", MOTHER))
    return QuoteActions(capture), interview.id


def _on_disk(db_path: Path) -> bytes:
    return b"".join(Path(f"{db_path}{s}").read_bytes() for s in ("", "-wal") if Path(f"{db_path}{s}").exists())


def _index(quote, placeholder: str) -> int:
    return next(k for k, s in enumerate(quote.spans) if s.placeholder == placeholder)


def test_a_retyped_word_goes_back_and_later_spans_move(setup, store):
    actions, interview = setup
    quote = actions.save(interview, "Toen kwam Jeugdzorg erbij en [moeder] belde 06-12345678.")
    # A word the anonymiser may keep or replace; construct a stored quote with a wrong replacement to be sure.
    quote = store.update_quote(quote.id, text="Toen kwam [persoon 1] erbij en [moeder] belde [telefoonnummer].",
                               spans=[QuoteSpan(10, 21, "persoon", "[persoon 1]", 0.5),
                                      QuoteSpan(31, 39, "persoon", "[moeder]", 1.0),
                                      QuoteSpan(46, 62, "telefoon", "[telefoonnummer]", 1.0)],
                               needs_review=True)
    after = actions.revert_span(quote.id, 0, "Jeugdzorg")
    assert after.text == "Toen kwam Jeugdzorg erbij en [moeder] belde [telefoonnummer]."
    assert [(s.placeholder, after.text[s.start:s.end]) for s in after.spans] == [
        ("[moeder]", "[moeder]"), ("[telefoonnummer]", "[telefoonnummer]")]
    assert not after.needs_review  # the only doubtful replacement is resolved
    assert store.get_quote(quote.id) == after

    actions.undo()
    assert store.get_quote(quote.id).text == quote.text and store.get_quote(quote.id).needs_review
    actions.redo()
    assert store.get_quote(quote.id).text == after.text


@pytest.mark.parametrize("word, reason", [
    ("Wilhelmina", "bekende persoon"),
    ("Kanarievogel", "bekende persoon"),
    ("wilhelmina kanarievogel", "bekende persoon"),
    ("06-98765432", "telefoonnummer"),
    ("111222333", "BSN"),
    ("jan@voorbeeld.nl", "e-mailadres"),
    ("NL91 ABNA 0417 1643 00", "rekeningnummer"),
])
def test_a_word_that_identifies_is_refused_and_never_stored(setup, store, db_path, word, reason):
    actions, interview = setup
    quote = actions.save(interview, "Ze zei dat Kees Pietersma haar hielp.")
    index = next(k for k, s in enumerate(quote.spans) if s.category == "persoon")
    with pytest.raises(ValidationError, match="Geweigerd") as refused:
        actions.revert_span(quote.id, index, word)
    assert reason.split()[-1] in str(refused.value) or reason in str(refused.value)
    assert word.split()[0].lower() not in str(refused.value).lower()  # the message does not repeat it
    assert store.get_quote(quote.id) == quote
    assert not actions.can_redo and actions.undo_label == "citaat opslaan"
    store.close()
    for form in {word, word.split()[0], word.replace(" ", "")}:
        assert form.encode() not in _on_disk(db_path)


def test_bad_retyped_words_are_refused(setup, store):
    actions, interview = setup
    quote = actions.save(interview, "Ze zei dat Kees Pietersma haar hielp.")
    for word, message in (("", "Typ het woord"), ("  ", "Typ het woord"), ("[x]", "[ of ]"), ("a" * 81, "te lang")):
        with pytest.raises(ValidationError, match=message.replace("[", r"\[")):
            actions.revert_span(quote.id, 0, word)
    with pytest.raises(ValidationError, match="geen vervanging"):
        actions.revert_span(quote.id, 7, "Pasen")
    assert store.get_quote(quote.id) == quote


def test_a_missed_part_is_replaced_by_whole_words(setup, store, db_path):
    actions, interview = setup
    quote = actions.save(interview,
                         "De juf op de Zonnebloemschool heet eigenlijk mevrouw Ottolien en [moeder] weet dat.")
    text = quote.text
    start = text.index("eigenlijk") + 2  # a selection in the middle of a word takes the whole word
    end = start + 5
    after = actions.redact(quote.id, start, end, "persoon")
    assert "eigenlijk" not in after.text and "[persoon]" in after.text
    manual = [s for s in after.spans if s.category == "handmatig"]
    assert len(manual) == 1 and after.text[manual[0].start:manual[0].end] == "[persoon]"
    for span in after.spans:
        assert after.text[span.start:span.end] == span.placeholder
    actions.undo()
    assert store.get_quote(quote.id).text == text
    actions.redo()
    assert store.get_quote(quote.id).text == after.text


def test_redact_absorbs_a_placeholder_it_touches_and_checks_the_label(setup, store):
    actions, interview = setup
    quote = actions.save(interview, "Wilhelmina Kanarievogel uit de straat belde.")
    assert quote.text.startswith("[moeder] uit")
    after = actions.redact(quote.id, 3, quote.text.index("straat") + 6, "[adres]")
    assert after.text == "[adres] belde."
    assert [(s.start, s.end, s.placeholder) for s in after.spans] == [(0, 7, "[adres]")]
    for label in ("", "a]b[", "x" * 41):
        with pytest.raises(ValidationError):
            actions.redact(quote.id, 0, 3, label)
    with pytest.raises(ValidationError, match="Selecteer"):
        actions.redact(quote.id, 5, 5, "persoon")


def test_confirm_clears_the_flag_and_undo_brings_it_back(setup, store):
    actions, interview = setup
    quote = actions.save(interview, "Ze ging toen naar Xyloberg.")  # an unexplained capitalised word: to check
    assert quote.needs_review
    approach = store.list_approaches()[0].id
    assert [q.id for q in store.quotes_needing_review(approach)] == [quote.id]
    actions.confirm(quote.id)
    assert not store.get_quote(quote.id).needs_review and store.quotes_needing_review(approach) == []
    actions.undo()
    assert store.get_quote(quote.id).needs_review


def test_flag_stays_when_the_quote_was_flagged_for_another_reason(store):
    from ggsr_desktop.anonymise.register import CaseRegister
    from ggsr_desktop.models import Kind, Quote

    quote = Quote(1, 1, "Hoop zag [persoon 1] daar.", Kind.QUOTE, "", "", needs_review=True,
                  spans=(QuoteSpan(9, 20, "persoon", "[persoon 1]", 0.95),))
    revised = revert_span(quote, 0, "Pasen", CaseRegister(b"k" * 32))
    assert revised.text == "Hoop zag Pasen daar." and revised.needs_review  # 'Hoop' is still to be checked
    revised = redact_span(quote, 0, 4, "persoon")
    assert revised.text == "[persoon] zag [persoon 1] daar." and revised.needs_review


# ---- the strict fallback ------------------------------------------------------------------------------------

def test_without_anonymiser_quotes_are_kept_strictly(store, db_path, anonymiser):
    study = store.add_study("S", "casusniveau")
    case = store.add_case(store.add_approach(study.id, "Wadlo", "Aanpak").id, "Gezin A")
    interview = store.add_interview(case.id, "gezin").id
    Capture(store, anonymiser).add_person(case.id, Person("moeder", MOTHER))
    strict = Capture(store, None)
    assert strict.strict
    strict.add_person(case.id, Person("vader", "Bartholomeus Spikker"))
    quote = strict.save_quote(interview, "Ik zag Wilhelmina en Bartholomeus bij Kees Ottolien thuis. Bel 0612345678.")
    assert quote.text == "Ik zag [moeder] en [vader] bij [woord] [woord] thuis. [woord] [telefoonnummer]."
    assert quote.needs_review
    for span in quote.spans:
        assert quote.text[span.start:span.end] == span.placeholder
    store.close()
    for name in (b"Wilhelmina", b"Bartholomeus", b"Kees", b"Ottolien", b"0612345678", b"Spikker"):
        assert name not in _on_disk(db_path)


class _Broken:
    """An anonymiser that fails on every text, with the text in its message (as a real bug might)."""

    lexicon = None

    def anonymise(self, text, register=None, book=None, **context):
        raise RuntimeError(f"kapot op {text!r}")


def test_a_failing_anonymiser_falls_back_and_logs_no_text(store, caplog):
    study = store.add_study("S", "casusniveau")
    case = store.add_case(store.add_approach(study.id, "Wadlo", "Aanpak").id, "Gezin A")
    interview = store.add_interview(case.id, "gezin").id
    capture = Capture(store, _Broken())
    with caplog.at_level(logging.ERROR):
        quote = capture.save_quote(interview, "Ottolien zei dat het goed gaat.")
    assert quote.text == "[woord] zei dat het goed gaat." and quote.needs_review
    assert capture.fallbacks == 1
    assert "RuntimeError" in caplog.text and "Ottolien" not in caplog.text and "kapot" not in caplog.text
