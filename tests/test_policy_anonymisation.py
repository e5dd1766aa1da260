"""Anonymisation per level (spec §8.1, §10.10): at policy level municipality, organisation and document names and
dates of events are kept; private persons and the direct identifiers still go, at capture and at export."""

import pytest

from ggsr_desktop.anonymise.anonymiser import Anonymiser
from ggsr_desktop.anonymise.policy import identifying
from ggsr_desktop.anonymise.strict import strict_anonymise
from ggsr_desktop.models import Level
from ggsr_desktop.report.guard import ExportRefused, check

PUBLIC = ("Gemeente Den Helder", "Den Helder", "Parlan Jeugd en opvoedhulp", "Stichting Halt", "Handleiding Gezinsplan")


@pytest.fixture(scope="module")
def anonymiser():
    return Anonymiser()


@pytest.mark.parametrize("text", [
    "De gemeente Den Helder heeft in mei 2012 met Parlan Jeugd en opvoedhulp de Handleiding Gezinsplan vastgesteld.",
    "Het bureau Partners in Jeugdbeleid schreef op 2 juli 2014 een visiedocument voor de gemeente Den Helder.",
    "Stichting Halt en de gemeente overleggen elke maand in Den Helder.",
])
def test_policy_level_keeps_organisations_places_and_dates(anonymiser, text):
    result = anonymiser.anonymise(text, level=Level.POLICY, public=PUBLIC)
    assert result.text == text
    assert identifying(text, anonymiser=anonymiser, level=Level.POLICY, public=PUBLIC) == []


def test_case_level_is_unchanged_by_the_level_argument(anonymiser):
    text = "De gemeente Den Helder heeft in mei 2012 met Parlan Jeugd en opvoedhulp een plan gemaakt."
    assert anonymiser.anonymise(text).text == anonymiser.anonymise(text, level=Level.CASE).text
    assert "Den Helder" not in anonymiser.anonymise(text).text


@pytest.mark.parametrize("text, gone", [
    ("Mevrouw Jansen van Stichting Halt is bereikbaar op 06-12345678.", ["Jansen", "06-12345678"]),
    ("Piet de Vries, geboren op 3 maart 1980, woont aan de Kerkstraat 12 in Den Helder.",
     ["Piet", "Vries", "3 maart 1980", "Kerkstraat 12"]),
    ("Zijn BSN is 123456782 en hij mailt vanaf j.devries@gmail.com.", ["123456782", "j.devries@gmail.com"]),
])
def test_policy_level_still_removes_private_persons_and_identifiers(anonymiser, text, gone):
    for result in (anonymiser.anonymise(text, level=Level.POLICY, public=PUBLIC),
                   strict_anonymise(text, level=Level.POLICY, public=PUBLIC)):
        for word in gone:
            assert word not in result.text
    assert "Stichting Halt" in anonymiser.anonymise(text, level=Level.POLICY, public=PUBLIC).text or \
        "Stichting Halt" not in text


def test_strict_fallback_keeps_public_names():
    text = "Parlan Jeugd en opvoedhulp sprak Jan Smit."
    result = strict_anonymise(text, level=Level.POLICY, public=PUBLIC)
    assert result.text.startswith("Parlan Jeugd en opvoedhulp")
    assert "Smit" not in result.text


@pytest.mark.parametrize("text", [
    "Zijn BSN is 123456782.", "Bel mevrouw Jansen op 06-12345678.", "Mail j.devries@gmail.com.",
    "Volgens mevrouw Jansen werkt het goed.",
])
def test_guard_refuses_identifiers_and_private_names_at_policy_level(anonymiser, text):
    with pytest.raises(ExportRefused):
        check([("bevinding 1", text)], [], level=Level.POLICY, anonymiser=anonymiser, public=PUBLIC)


def test_guard_accepts_a_policy_finding(anonymiser):
    check([("bevinding 1", "De gemeente Den Helder en Parlan Jeugd en opvoedhulp benoemden in mei 2012 eensluidend "
                           "dat het gezinsplan leidend is.")], [],
          level=Level.POLICY, anonymiser=anonymiser, public=PUBLIC)


def test_a_public_document_title_that_looks_like_an_address_is_kept(anonymiser):
    title = "Beleidsnota Sociaal Domein 2026"
    text = f"De doelgroep is omschreven in de {title}: gezinnen met schulden."
    assert anonymiser.anonymise(text, level=Level.POLICY, public=(title,)).text == text
    street = "Het gezin woont in de Kerkstraat 12: gezinnen met schulden."
    assert "Kerkstraat" not in anonymiser.anonymise(street, level=Level.POLICY, public=(title,)).text
