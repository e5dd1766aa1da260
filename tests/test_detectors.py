"""The general mechanisms of the anonymiser, each with what it must find and what it must leave: phone numbers in
any grouping, streets by ending and house-number forms, institutions by head words, acronyms and camel-case brands,
ages in days/weeks/months, rare details, the broad lexicon of ordinary words and the sector keep-list."""

from __future__ import annotations

import pytest

from ggsr_desktop.anonymise.identifiers import find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.category) for s in find_identifiers(text) if not s.needs_review]


@pytest.mark.parametrize("phone", [
    "0591 - 61 23 45", "(010) 412 33 21", "+31 (0)6 1234 5678", "0031 6 12345678", "+31 6 1234 5678",
    "06 - 4128 7730", "013 - 583 22 10", "06 12 34 56 78", "06-12345678", "020-6123456", "050 - 312 45 67",
    "0612345678", "010.412.33.21",
])
def test_phone_numbers_in_any_grouping(phone):
    assert found(f"Bel haar op {phone}, liefst 's ochtends.") == [(phone, "telefoon")]


@pytest.mark.parametrize("text", [
    "De schuld is 14.500 euro en de huur 1.250,- per maand.",
    "Op 01-02-2016 en 12/04/2019 waren er gesprekken.",
    "Er waren 0 meldingen in 2023 en 12 34 56 78 90 is geen nummer.",
    "Dossier 2023-04417 loopt nog.",
])
def test_no_phone_in_amounts_dates_or_counts(text):
    assert [f for f in found(text) if f[1] == "telefoon"] == []


@pytest.mark.parametrize("text, address", [
    ("Ze woont op It Heechhôf 3 bij haar moeder.", "It Heechhôf 3"),
    ("Het gezin woont op Achter de Hoven 4, boven de bakker.", "Achter de Hoven 4"),
    ("Paterswoldseweg 212-b is het oude adres.", "Paterswoldseweg 212-b"),
    ("Ze zitten in de Kerkstraat 44 rood.", "Kerkstraat 44 rood"),
    ("Het huis aan de Molenbocht 17-bis is te klein.", "Molenbocht 17-bis"),
    ("Ze woont Van Limburg Stirumstraat 5-II.", "Van Limburg Stirumstraat 5-II"),
    ("Adres: Groenmarkt 9, daar is het.", "Groenmarkt 9"),
    ("Vader slaapt op de Ringdijk 3 hs bij een vriend.", "Ringdijk 3 hs"),
    ("Ze wonen in de Kastanjelaan, op nummer 12.", "Kastanjelaan, op nummer 12"),
    ("Verblijfsadres: Gouw 14, daar slaapt hij.", "Gouw 14"),
    ("Opa en oma wonen in Dokkum, Achter de Hoven 4, en passen op.", "Achter de Hoven 4"),
    ("Adres: Ringbaan-West 118, 5000 AB Tilburg", "Ringbaan-West 118"),
    ("Woonadres Dorpsstraat 5, 1234 AB Ee", "Dorpsstraat 5"),
    ("nu wonen we Achter de Kerk 14 in Lochem.", "Achter de Kerk 14"),
    ("De buren van nummer 46 draaien muziek.", "van nummer 46"),
    ("Stacaravan staat op Zuiderzeebaan 2 plek 44, zonder water.", "Zuiderzeebaan 2 plek 44"),
    ("Adres: Thorbeckegracht 18-1, 8011 VM Zwolle", "Thorbeckegracht 18-1"),
    ("Adres: woonwagenlocatie Achter de Hoven 4, Heusden", "Achter de Hoven 4"),
    ("Gezin X, Achter de Hoven 4, 1234 AB Ee.", "Achter de Hoven 4"),
    ("De politie was bij de woning Achter de Hoven 4.", "Achter de Hoven 4"),
    ("Onderwerp: gezin X, Ringbaan-Oost 212-b. Inkomen besproken.", "Ringbaan-Oost 212-b"),
    ("Adres: Oan 'e Feart 9, 8701 AB Bolsward", "Oan 'e Feart 9"),
    ("De buurman, Rachid van de Lange Gracht 7, tolkt.", "Lange Gracht 7"),
    ("Buurvrouw Fatma van de Lange Gracht 7 let op.", "Lange Gracht 7"),
    ("Melding op de Hoofdstraat op nummer 12, vader aangehouden.", "Hoofdstraat op nummer 12"),
    ("Ze woont met X en Y op het Kerkerf 9, 1234 AB Ee.", "Kerkerf 9"),
    ("Verhuisd van Wolphaertsbocht 120-A per 1 mei.", "Wolphaertsbocht 120-A"),
])
def test_streets_and_house_numbers(text, address):
    assert (address, "adres") in found(text)


@pytest.mark.parametrize("text", [
    "Hij zit in Groep 7 en op Pagina 3 staat het plan.",
    "Volgens de Wmo 2015 en de Jeugdwet is dat zo.",
    "Ze woont in Zwolle 3 jaar en werkt in Kampen 2 dagen per week.",
])
def test_no_address_in_groups_laws_or_durations(text):
    assert [f for f in found(text) if f[1] == "adres"] == []


@pytest.mark.parametrize("text, age", [
    ("De baby is pas 4 maanden oud.", "pas 4 maanden oud"),
    ("Het kindje is tien dagen oud.", "tien dagen oud"),
    ("De baby van 6 weken huilt veel.", "6 weken"),
    ("De jongste is pas 3 maanden en moeder is moe.", "pas 3 maanden"),
    ("De 14-jarige zoon spijbelt.", "14-jarige"),
    ("Ze is nu vijf jaar en zit in groep 2.", "vijf jaar"),
    ("Hij was toen 9 jaar, nu zit hij op het vmbo.", "9 jaar"),
    ("Mijn oudste van 19 woont bij haar vriend.", "19"),
    ("Noah is vier en praat nog weinig.", "vier"),
    ("De tweeling, die zijn pas 6 weken.", "pas 6 weken"),
    ("Ze was toen 3 maanden en moeder bleef bij haar.", "3 maanden"),
    ("Leerplicht: Noah, 15 jaar, 94 uur verzuim.", "15 jaar"),
    ("Kevin van 4 jaar gaat naar de opvang.", "4 jaar"),
    ("Nour is een lief meisje van 9 jaar.", "9 jaar"),
])
def test_ages_in_days_weeks_months_and_years(text, age):
    assert (age, "leeftijd") in found(text)


@pytest.mark.parametrize("text", [
    "Ik werk hier pas 3 weken en de hulp loopt al 6 maanden.",
    "Het traject duurt nog 3 maanden.",
    "Er is al twee jaar een schuld en de OTS is twee jaar verlengd.",
    "Er is een ondertoezichtstelling van een jaar uitgesproken.",
    "De Raad adviseert een ondertoezichtstelling van 1 jaar.",
    "We zijn pas 6 weken bezig en nu 3 maanden verder.",
    "De wachttijd bij het CJG is nu zes weken.",
    "Tekst (010000008) is geen telefoonnummer.",
    "Het traject, drie maanden, was kort; een kind drie weken niet op school is te lang.",
    "De wachttijd is zeven jaar en de looptijd is twee jaar.",
    "Ze kwamen in maart 2022 naar Nederland.",
    "Hij is in groep 8 en heeft een vwo-advies.",
])
def test_durations_are_not_ages(text):
    assert [f for f in found(text) if f[1] == "leeftijd"] == []


def test_date_ranges():
    assert ("3 t/m 7 mei", "datum") in found("Opname van 3 t/m 7 mei in het ziekenhuis.")


@pytest.mark.parametrize("text, value, category", [
    ("BSN moeder: 193 847 266, verder niets.", "193 847 266", "bsn"),
    ("BSN van Noah: 204118573.", "204118573", "bsn"),
    ("Onder kenmerk 24/0318-OTS bekend.", "24/0318-OTS", "dossiernummer"),
    ("Telefoon moeder (0344) 612 33 21.", "(0344) 612 33 21", "telefoon"),
    ("Tel.: +599 717 4521 / 06 - 5530 1298", "+599 717 4521", "telefoon"),
    ("Tel.: +599 717 4521 / 06 - 5530 1298", "06 - 5530 1298", "telefoon"),
    ("Tel 06 12345678 1234 AB Ee", "06 12345678", "telefoon"),
    ("Leerplicht: dossier 2022-11873", "2022-11873", "dossiernummer"),
    ("Kind: Noah, 5 jaar\nReden: brandwonden", "5 jaar", "leeftijd"),
    ("De drieling zijn nu zes jaar.", "zes jaar", "leeftijd"),
    ("[kind], nu 9 jaar, is gezien.", "9 jaar", "leeftijd"),
    ("Moeder is thuis met [kind], pas 6 weken.", "pas 6 weken", "leeftijd"),
    ("hij is zestien nu en heel boos.", "zestien", "leeftijd"),
    ("Ze was toen net twaalf.", "twaalf", "leeftijd"),
    ("[kind], nu bijna 2, is gezien.", "bijna 2", "leeftijd"),
    ("Sinds de zitting van elf september gaat het beter.", "elf september", "datum"),
    ("Ze is op eenentwintig augustus geboren.", "eenentwintig augustus", "datum"),
    ("Dat is veel voor een kind van twaalf.", "twaalf", "leeftijd"),
    ("Noah (7 jaar). Nieuw adres volgt.", "7 jaar", "leeftijd"),
    ("[kind], 9 jaar: ik mis papa.", "9 jaar", "leeftijd"),
    ("IBAN: zie boven\nClientnr.: 78812", "78812", "dossiernummer"),
])
def test_labelled_numbers(text, value, category):
    assert (value, category) in found(text)


def anon(anonymiser, text: str) -> str:
    return anonymiser.anonymise(text).text


@pytest.mark.parametrize("text, gone", [
    ("Ze gaat naar het Stedelijk Lyceum Zuid.", ["Stedelijk", "Zuid"]),
    ("Hij is opgenomen in het Máxima MC.", ["Máxima"]),
    ("De huisarts van Huisartsenpraktijk Bergweg belde.", ["Bergweg"]),
    ("Ze gaan naar praktijk De Linde.", ["Linde"]),
    ("Stichting De Brug helpt met eten.", ["Brug"]),
    ("Hij voetbalt bij VV Groen Wit.", ["Groen", "Wit"]),
    ("Vader werkt bij distributiecentrum Bol in ploegendienst.", ["Bol"]),
    ("Ze is bekend bij het OLVG.", ["OLVG"]),
    ("We huren bij WoonWijzer en eerder bij deWoonplaats.", ["WoonWijzer", "deWoonplaats"]),
    ("Het enige gezin in de wijk met een drieling.", ["drieling"]),
    ("Ze is de enige Eritrese moeder op de school.", ["Eritrese"]),
    ("Tomek drinkt weer, zegt zijn moeder.", ["Tomek"]),
    ("Hij keept elke zaterdag bij SC Kloosterveen '08.", ["Kloosterveen", "08"]),
    ("Hij is vorige week aangehouden op het 18 Septemberplein.", ["18", "Septemberplein"]),
    ("We hebben het huis aan de Jan van Galenstraat opgezegd.", ["Jan", "Galenstraat"]),
    ("Kofi zit op het Sint-Janscollege.", ["Sint", "Janscollege"]),
    ("Dokter Meijer van Huisartsenpraktijk De Wissel verwees.", ["Meijer", "Wissel"]),
    ("Ze belde met Tineke van de Sociale Dienst Drechtsteden.", ["Tineke", "Drechtsteden"]),
    ("Vader is de bekende kapper op het plein, iedereen kent hem.", ["kapper"]),
    ("Hij stond ook in de krant na de brand.", ["krant"]),
    ("Ze zijn twee van een drieling.", ["drieling"]),
    ("Ze is de eerste baby in Nederland met deze afwijking.", ["baby"]),
    ("Hij zit op de Koningin Julianaschool in het dorp.", ["Koningin", "Julianaschool"]),
    ("Ze werkt in de keuken van restaurant Al Salam.", ["Salam"]),
    ("Meneer Van 't Hul wil ze weg hebben.", ["Hul"]),
    ("Vader verblijft regelmatig op Curaçao.", ["Curaçao"]),
    ("Wij komen uit Wrocław, Zofia is hier geboren.", ["Wrocław"]),
    ("Ze danst aan de Oude Markt in de stad.", ["Oude", "Markt"]),
    ("Zondag naar de Evangelie Gemeente Maranatha.", ["Evangelie", "Maranatha"]),
    ("Hij start op het Prof. Dr. Kuypers Lyceum.", ["Prof", "Dr", "Kuypers"]),
    ("School: De Regenboog, Assen\nHuisarts: Praktijk Kethel", ["Regenboog", "Kethel"]),
    ("Een woning van deltaWonen.", ["deltaWonen"]),
    ("Ze zit op het Libanon Lyceum.", ["Libanon"]),
    ("De huisarts in Drachten-Zuid verwees.", ["Drachten", "Zuid"]),
    ("Vanuit Buurtteam Overvecht: het gezin krijgt hulp.", ["Overvecht"]),
    ("Geboorteplaats: Kralendijk, Bonaire", ["Kralendijk", "Bonaire"]),
    ("ik weet het ff niet meer. kun je bellen? groet tjitske", ["tjitske"]),
    ("die jeugdbeschermer, die priscilla, appt elke dag", ["priscilla"]),
    ("Contactgegevens gastgezin: fam. Dekker, verder niets.", ["Dekker"]),
    ("Ze werkt als schoonmaker bij Schoon & Zo in de stad.", ["Schoon", "Zo"]),
    ("Het geld staat bij de Kredietbank Zaanstad.", ["Zaanstad"]),
    ("Vader werkt bij fruitbedrijf Van Damme in de Betuwe.", ["Damme"]),
])
def test_institutions_acronyms_brands_details_and_unknown_names(anonymiser, text, gone):
    out = anon(anonymiser, text)
    assert not any(word in out for word in gone), out


@pytest.mark.parametrize("text", [
    "Houten meubels uit de kringloop, verder niets.",
    "Inkomen, Wonen en Schulden zijn besproken.",
    "Gisteren kwam de Raad langs; de GI volgt nu.",
    "Het Rijk betaalt de pilot, volgens de Wet kan dat.",
    "Een Gecertificeerde Instelling voert de OTS uit, de kinderrechter besliste.",
    "Veilig Thuis, het CJG, MEE, de GGD, het UWV en het CJIB zitten aan tafel.",
    "Ondertoezichtstelling en uithuisplaatsing zijn besproken met de jeugdbeschermer.",
    "Schuldhulpverlening loopt via de gemeente; Leerplicht is ingeschakeld.",
    "Hij zit op het VMBO, zijn zus op het ROC; de BSO is vol.",
    "Stichting MEE helpt met de aanvraag bij de Belastingdienst en DUO.",
    "Eerlijk gezegd, Vaak gaat het mis. Veiligheid staat voorop.",
    "Ehm, tja. Zorgmijdend gedrag. Multiprobleemgezin, zo noemen ze ons. Eén keer per week.",
    "De IB'er en de SMW'er overleggen; WhatsAppen doet ze veel. Het OPP is klaar, hij moet naar het Werkplein.",
    "Het Jeugdfonds Sport betaalt; Humanitas en de Voedselbank helpen ook.",
    "Het intakegesprek is bij het Stadsloket. IBAN: zie de brief. Clientnummer volgt.",
    "Naam: zie dossier\nSchool: ISK\nBijzonderheden: geen",
    "Casus A, Casus B, Gezin C. Bij casus B en Casus C ging het goed.",
    "Op de NOS zagen we het. Bijzonderheden: Papiamentstalig.",
    "Vanuit Buurtteam: het gezin krijgt hulp. Mama van het kind belt.",
    "ok thx, ik bel morgen. groet en tot ziens",
    "Ze leest al op AVI-niveau E4, zegt de juf.",
    "Appen werkt beter dan mailen.",
])
def test_ordinary_words_and_sector_terms_stay(anonymiser, text):
    assert anon(anonymiser, text) == text


def test_a_frequent_word_is_still_a_name_after_a_title_or_in_the_register(anonymiser):
    from ggsr_desktop.anonymise.register import CaseRegister, Person

    assert "Storm" not in anon(anonymiser, "Ik sprak juf Storm gisteren.")
    register = CaseRegister.of([Person("kind", "Roos de Vries")], [], anonymiser.lexicon.function_words)
    assert "Roos" not in anonymiser.anonymise("Roos gaat weer naar school.", register).text
    assert anon(anonymiser, "Roos en eczeem zijn goed te behandelen.").startswith("Roos")


@pytest.mark.parametrize("text, kept", [
    ("Emre zit op het Pius X College. Leerplicht heeft proces-verbaal opgemaakt.", "Leerplicht heeft"),
    ("Ze mist lessen op Het Dr. Hofstede Lyceum. Mentor mevrouw Sterk belde.", "Mentor mevrouw"),
    ("Geb.datum: onbekend\nSchool: Basisschool Het Spectrum", "School:"),
    ("School: Cals College Nieuwegein (ISK)", "(ISK)"),
])
def test_a_name_stops_at_a_sentence_break_or_bracket(anonymiser, text, kept):
    out = anon(anonymiser, text)
    assert kept in out and ("Spectrum" not in out and "Hofstede" not in out and "Pius" not in out
                            and "Cals" not in out), out


def test_a_registered_word_name_after_an_article_is_the_word(anonymiser):
    from ggsr_desktop.anonymise.register import CaseRegister, Person

    register = CaseRegister.of([Person("kind", "Storm Jansen"), Person("kind", "Roos Jansen")], [],
                               anonymiser.lexicon.function_words)
    out = anonymiser.anonymise("De storm in dat gezin is gaan liggen; storm z'n vader en roos bellen.", register).text
    assert out.startswith("De storm in dat gezin") and "storm z'n" not in out and "roos" not in out, out


def test_a_registered_surname_that_is_no_word_matches_in_lowercase(anonymiser):
    from ggsr_desktop.anonymise.register import CaseRegister, Person

    lexicon = anonymiser.lexicon
    register = CaseRegister.of([Person("kind", "Filmon Tesfay"), Person("vader", "Jan Visser")], [],
                               lexicon.function_words, words=lexicon.words)
    out = anonymiser.anonymise("dat is wat tesfay betekent; de visser was er ook, en Visser zelf.", register).text
    assert "tesfay" not in out and "de visser was" in out and "Visser zelf" not in out, out


def test_an_address_around_a_registered_name_keeps_its_number(anonymiser):
    from ggsr_desktop.anonymise.register import CaseRegister, Person

    register = CaseRegister.of([Person("kind", "Noor Bakker")], [], anonymiser.lexicon.function_words)
    out = anonymiser.anonymise("Moeder woont met Noor op het Kerkerf 9, 1234 AB. Lijst: Bakker, N.", register).text
    assert "Kerkerf" not in out and " 9" not in out and "Noor" not in out and "N." not in out, out
