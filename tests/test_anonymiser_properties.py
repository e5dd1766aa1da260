"""Properties of the anonymiser (hypothesis): it never crashes, and a known name is always removed."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ggsr_desktop.anonymise.anonymiser import DETERMINERS
from ggsr_desktop.anonymise.lexicon import FREQUENT
from ggsr_desktop.anonymise.register import CaseRegister, Person, new_key

FIRST = ["Samira", "Dennis", "Anouk", "Youssef", "Fatma", "Kevin", "Priya", "Wojciech", "Semhar", "Jan-Willem",
         "Roos", "Mark", "Hoop"]
SURNAMES = ["Visser", "de Vries", "van der Berg", "el Amrani", "Yilmaz", "Kowalski", "Bakker", "van 't Hof",
            "Tesfaye", "Ramdin-Soekhoe"]
WORDS = ["de", "moeder", "zegt", "dat", "het", "gezin", "school", "schulden", "Veilig", "Thuis", "OTS", "maandag",
         "3", "maart", "en", "visser", "bakker", ".", ",", "?", "Hij", "kwam", "met", "naar", "wijkteam", "\n"]

names = st.builds(lambda f, s: f"{f} {s}", st.sampled_from(FIRST), st.sampled_from(SURNAMES))
context = st.lists(st.sampled_from(WORDS), max_size=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_arbitrary_text_never_crashes(anonymiser, text):
    result = anonymiser.anonymise(text)
    for span in result.spans:
        assert result.text[span.start:span.end] == span.placeholder


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names, context, st.integers(0, 25), st.sampled_from(["full", "first", "surname", "lower", "upper"]),
       st.sampled_from(["", "'s", ",", ".", ":"]))
def test_a_known_name_inserted_anywhere_is_removed(anonymiser, name, words, at, form, suffix):
    first, _, surname = name.partition(" ")
    # A first name that is also an ordinary word ('roos') is matched only when capitalised, by design.
    assume(not (form == "lower" and first.lower() in anonymiser.lexicon.function_words))
    register = CaseRegister(new_key())
    register.add_person(Person("moeder", name), anonymiser.lexicon.function_words)
    written = {"full": name, "first": first, "surname": surname[0].upper() + surname[1:],
               "lower": first.lower(), "upper": first.upper()}[form]
    at = min(at, len(words))
    # After a determiner a lowercase frequent word is the word ('de roos', 'geen hoop'), by design (anonymiser rule).
    assume(not (form == "lower" and at and words[at - 1] in DETERMINERS
                and anonymiser.lexicon.zipf(written) >= FREQUENT))
    text = " ".join([*words[:at], written + suffix, *words[at:]])
    result = anonymiser.anonymise(text, register)
    assert "[moeder]" in result.text
    leftover = re.sub(r"\[[^\]]*\]", " ", result.text)
    ordinary = anonymiser.lexicon.function_words
    first_tokens = set(re.findall(r"\w+", first))
    for token in re.findall(r"\w+", written):
        if token.lower() in ("de", "der", "van", "t", "el", "s"):
            continue
        # first names must go in any case (but function words only capitalised); surnames when capitalised, so
        # that the context word 'visser' stays
        ignore_case = token in first_tokens and token.lower() not in ordinary
        flags = re.IGNORECASE if ignore_case else 0
        assert not re.search(rf"(?<!\w){re.escape(token)}(?!\w)", leftover, flags), (text, result.text)
