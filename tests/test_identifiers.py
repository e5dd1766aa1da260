"""Deterministic detectors of direct identifiers: every format found, check digits, nothing ordinary taken."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ggsr_desktop.anonymise.identifiers import bsn_is_valid, find_identifiers, iban_is_valid


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.category) for s in find_identifiers(text)]


@pytest.mark.parametrize("text, expected", [
    ("Haar BSN is 111222333, dat stond op de brief.", [("111222333", "bsn")]),
    ("burgerservicenummer: 1234.56.782", [("1234.56.782", "bsn")]),
    ("Het nummer 123 456 782 stond op de beschikking.", [("123 456 782", "bsn")]),
    ("BSN 123456789 (klopt niet met de elfproef, maar staat na 'BSN')", [("123456789", "bsn")]),
    ("Bel me op 06-12345678 of 06 1234 5678.", [("06-12345678", "telefoon"), ("06 1234 5678", "telefoon")]),
    ("Het nummer is 0612345678.", [("0612345678", "telefoon")]),
    ("Vader belt vanaf +31 6 12345678 of 0031 20 1234567.",
     [("+31 6 12345678", "telefoon"), ("0031 20 1234567", "telefoon")]),
    ("Kantoor: 020-1234567, thuis 010 123 45 67.", [("020-1234567", "telefoon"), ("010 123 45 67", "telefoon")]),
    ("Oma in België: +32 470 12 34 56; tante in Polen +48 601 234 567.",
     [("+32 470 12 34 56", "telefoon"), ("+48 601 234 567", "telefoon")]),
    ("Mail naar j.devries@gemeente.amsterdam of info@wijkteam-noord.nl.",
     [("j.devries@gemeente.amsterdam", "email"), ("info@wijkteam-noord.nl", "email")]),
    ("Het geld gaat naar NL91 ABNA 0417 1643 00 en NL91ABNA0417164300.",
     [("NL91 ABNA 0417 1643 00", "iban"), ("NL91ABNA0417164300", "iban")]),
    ("Ze woont op de Molenstraat 14, 3512 AB Utrecht.", [("Molenstraat 14", "adres"), ("3512 AB", "postcode")]),
    ("Verhuisd naar Graaf Florislaan 3-bis (postcode 1234AB).",
     [("Graaf Florislaan 3-bis", "adres"), ("1234AB", "postcode")]),
    ("De zitting was op 12-04-2023 en op 3 maart.", [("12-04-2023", "datum"), ("3 maart", "datum")]),
    ("Hij is geboren op 1 januari 2010.", [("1 januari 2010", "geboortedatum")]),
    ("geb. 04-05-2012", [("04-05-2012", "geboortedatum")]),
    ("De jongste is 14 jaar, de 16-jarige broer woont bij oma.", [("14 jaar", "leeftijd"), ("16-jarige", "leeftijd")]),
    ("Ze is nu 15 jaar; een jongen van 12 jaar oud.", [("15 jaar", "leeftijd"), ("12 jaar oud", "leeftijd")]),
    ("Zaaknummer C/13/123456 en parketnummer 13/123456-22.",
     [("C/13/123456", "dossiernummer"), ("13/123456-22", "dossiernummer")]),
    ("Melding VT-2023-0457 bij Veilig Thuis, dossier BJZ123456.",
     [("VT-2023-0457", "dossiernummer"), ("BJZ123456", "dossiernummer")]),
    ("Onder kenmerk AB/12345 is de zaak bekend.", [("AB/12345", "dossiernummer")]),
    ("OTS verlengd, zaaknummer C/13/612345 / JE RK 25-1021.", [("C/13/612345 / JE RK 25-1021", "dossiernummer")]),
    ("Het verzoek JE RK 24-88 ligt bij de rechter.", [("JE RK 24-88", "dossiernummer")]),
    ("dossiernummer 2023-04512 bij de rechtbank", [("2023-04512", "dossiernummer")]),
])
def test_finds_every_format(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "In 2019 ging het mis met de huur; al 3 jaar is er een schuld.",
    "Het gezin heeft 3 kinderen en krijgt 2 keer per week bezoek.",
    "De aanpak loopt nu 2 jaar en de casus is 3 jaar geleden gestart.",
    "In maart was er een rondetafel, op maandag om 10 uur.",
    "Er zijn 20 partijen betrokken geweest, nu nog 5.",
    "De huurachterstand was 4500 euro.",
    "Veilig Thuis, de Raad voor de Kinderbescherming en het CJIB waren betrokken.",
])
def test_leaves_ordinary_numbers_and_words(text):
    assert found(text) == []


def test_check_digits():
    assert bsn_is_valid("111222333") and bsn_is_valid("1234.56.782") and bsn_is_valid("12345672")
    assert not bsn_is_valid("123456789") and not bsn_is_valid("000000000") and not bsn_is_valid("12")
    assert iban_is_valid("NL91 ABNA 0417 1643 00") and iban_is_valid("DE89370400440532013000")
    assert not iban_is_valid("NL91 ABNA 0417 1643 01")


def test_invalid_iban_is_still_removed_but_marked_for_review():
    spans = find_identifiers("Rekening NL91 ABNA 0417 1643 01 van moeder")
    assert [(s.category, s.needs_review) for s in spans] == [("iban", True)]


def _with_check_digit(first8: list[int]) -> str:
    check = sum(d * w for d, w in zip(first8, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    return "".join(map(str, first8)) + str(check)


valid_bsns = st.lists(st.integers(0, 9), min_size=8, max_size=8).filter(
    lambda d: sum(x * w for x, w in zip(d, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11 < 10 and any(d)
).map(_with_check_digit)


@given(valid_bsns, st.sampled_from(["{} ", "nummer {} staat", "({})", "{}."]))
def test_every_valid_bsn_is_found_anywhere(bsn, template):
    text = "Tekst " + template.format(bsn) + " meer tekst"
    assert (bsn, "bsn") in found(text)


@given(st.text())
def test_arbitrary_text_never_crashes_and_spans_are_sane(text):
    spans = find_identifiers(text)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
