"""`audit` and the one rule of what identifies someone: an identifier planted in every kind of stored free text is
found (and only its location is reported), and every TEXT column of the schema is classified as free or coded."""

from __future__ import annotations

import itertools

from ggsr_desktop.anonymise.policy import ANONYMISER, IDENTIFIER, REGISTER, first_identifying, identifying
from ggsr_desktop.anonymise.register import CaseRegister, Person
from ggsr_desktop.exchange.audit import audit
from ggsr_desktop.models import DESCRIPTION_FIELDS
from ggsr_desktop.store.schema import CODED_TEXT, FREE_TEXT

_numbers = itertools.count(10)


def phone() -> str:
    return f"Bel 06-123456{next(_numbers):02d}."


def test_an_identifier_in_every_kind_of_stored_text_is_found(store):
    study = store.add_study(phone(), "casusniveau")
    approach = store.add_approach(study.id, phone(), phone(), regisseur_label=phone(),
                                  description={name: phone() for name in DESCRIPTION_FIELDS})
    case = store.add_case(approach.id, phone())
    store.update_approach(approach.id, overview=phone())
    interview = store.add_interview(case.id, "professional", organisation_type=phone(), name=phone())
    store.add_quote(interview.id, phone())
    store.save_draft(interview.id, phone())
    store.set_judgement(approach.id, "1.1.1", author="inspecteur", mark="voldoet", finding=phone(), highlight="groen",
                        let_op=phone())
    store.add_section(approach.id, "groen", phone(), intro=phone(), conclusion=phone())
    store.set_approach_text(approach.id, "voorwoord", phone())
    store.set_approach_text(approach.id, "conclusion", phone())
    store.set_recommendations(approach.id, [(phone(), phone())])
    from ggsr_desktop.models import BaselineJudgement, DevelopmentSection, FollowupDocument
    later = store.add_approach(study.id, "Wadlo", "Vervolg")
    store.add_followup(later.id, framework_id="casusniveau", former_name=phone(), year1_label=phone(),
                       year2_label=phone(), assessed_year=phone(), month=phone(), source_title=phone(),
                       event_form=phone(), event_respondents=phone(), source_approach_id=approach.id,
                       baseline=[BaselineJudgement("1.1.1", None, phone(), phone())])
    store.set_followup_documents(later.id, [FollowupDocument(phone(), phone())])
    store.set_development(later.id, [DevelopmentSection(phone(), phone())])
    store.set_approach_attribute(approach.id, "soorten_problemen", phone())
    store.set_exclusion(approach.id, "1.1.1", phone())
    store.set_round_text(study.id, "voorwoord", phone())

    cells = list(store.free_texts())
    assert {(t, c) for t, _, c, _ in cells} == {(t, c) for t, cols in FREE_TEXT.items() for c in cols}
    planted = [cell for cell in cells if "06-123456" in cell[3]]  # the history's 'old' holds no finding yet
    assert len(planted) == len(cells) - 4  # nor do the follow-up approach's municipality, name, regisseur
    findings = audit(store)
    assert len(findings) == len(planted) and {f.category for f in findings} == {"telefoon"}
    locations = {f.location for f in findings}
    assert len(locations) == len(planted)  # one place each, named
    assert f"rapportsectie {store.list_sections(approach.id)[0].id} inleiding" in locations
    assert f"rapporttekst {approach.id} voorwoord tekst" in locations
    assert any(loc.startswith("aanbeveling ") for loc in locations)
    assert any(loc.startswith(f"concept van gesprek {interview.id}") for loc in locations)
    assert f"vervolgonderzoek {later.id} naam eerste jaar" in locations
    assert any(loc.startswith("ontwikkeling van vervolgonderzoek ") and loc.endswith(" kop") for loc in locations)
    assert not [loc for loc in locations if "06-123456" in loc]  # where, never what


def test_a_clean_database_has_no_findings(store):
    study = store.add_study("GGSR 2026", "casusniveau")
    approach = store.add_approach(study.id, "Gemeente A", "Aanpak B")
    store.add_section(approach.id, "rood", "Regie", intro="De regisseur belt de school niet terug.")
    assert audit(store) == []


def test_every_text_column_is_classified(store):
    seen = set()
    for table in store.db.table_names():
        if table.startswith(("sqlite_", "quotes_fts")):
            continue
        for column in store.db[table].columns:
            if column.type.upper() == "TEXT":
                seen.add((table, column.name))
                free, coded = column.name in FREE_TEXT.get(table, ()), column.name in CODED_TEXT.get(table, ())
                assert free != coded, f"{table}.{column.name}: classify it in FREE_TEXT or CODED_TEXT (schema.py)"
    declared = {(t, c) for d in (FREE_TEXT, CODED_TEXT) for t, cols in d.items() for c in cols}
    assert declared == seen  # nothing declared that the schema does not have


def test_one_rule_register_identifiers_and_anonymiser(anonymiser):
    register = CaseRegister.of([Person("moeder", "Samira El Idrissi")], [], anonymiser.lexicon.function_words)
    text = "Samira belt op 06-12345678 met Gezin Jansen."
    kinds = [(text[f.start:f.end], f.kind) for f in identifying(text, [register])]
    assert kinds == [("Samira", REGISTER), ("06-12345678", IDENTIFIER)]
    assert first_identifying(text, [register], within=(15, 20)).what == "een telefoonnummer"
    assert first_identifying(text, [register], within=(0, 3)).category == "moeder"
    assert first_identifying("Gezin Jansen") is None  # a name only the anonymiser recognises …
    found = first_identifying("Gezin Jansen", anonymiser=anonymiser)  # … counts where the anonymiser is asked
    assert found.kind == ANONYMISER and found.category == "persoon"
    assert first_identifying("Gezin A", [register], anonymiser) is None
    assert first_identifying("Het gesprek was op 3 maart; controleer 12/4.") .kind == IDENTIFIER


def test_a_policy_level_text_is_audited_by_its_level(store):
    """Dates of events and organisation names are named on purpose at policy level; a phone number still is found,
    and the same date in a case-level approach's finding is (a date may be a date of birth there)."""
    from ggsr_desktop.models import Role

    policy = store.add_approach(store.add_study("B", "beleidsniveau").id, "Den Helder", "1 Gezin 1 Plan")
    store.add_respondent(policy.id, Role.NETWORK_PARTNER, "Partners in Jeugdbeleid")
    store.set_judgement(policy.id, "aanpak.beleid", author="t", mark="voldoet",
                        finding="Partners in Jeugdbeleid evalueerde de pilot op 2 juli 2014.")
    assert audit(store) == []
    store.set_judgement(policy.id, "aanpak.gezamenlijke-visie", author="t", finding="Bel 06-12345678.")
    assert {f.category for f in audit(store)} == {"telefoon"}
    case = store.add_approach(store.add_study("C", "casusniveau").id, "Wadlo", "Aanpak")
    store.set_judgement(case.id, "1.1.1", author="t", finding="Geboren op 2 juli 2014.")
    assert any(f.location.startswith(f"oordeel 1.1.1 (aanpak {case.id})") for f in audit(store))
