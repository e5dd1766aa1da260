"""Synthetic studies of any size: invented, already anonymised Dutch quotes on the case-level framework.

For looking at the GUI with 100,000 quotes and for benchmarks. A study has N approaches (about 2,000 quotes each,
like a national programme), three cases per approach and the six interviews of the method per case; every quote
is coded to one to three indicators, and every indicator of every approach is judged. The same seed gives the
same study. Written into a new, unencrypted database; Qt-free.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.exchange.demo import remove_database
from ggsr_desktop.framework import Framework, FrameworkCatalog, load_catalog
from ggsr_desktop.models import (
    DEFAULT_REGISSEUR_LABEL,
    ORGANISATION_TYPES,
    SOURCES,
    Highlight,
    Kind,
    Mark,
    Role,
    Stance,
    Status,
)
from ggsr_desktop.ops.planning import PROFESSIONALS_PER_CASE
from ggsr_desktop.store import Store

FRAMEWORK_ID = "casusniveau"
AUTHOR = "synthetisch"
QUOTES_PER_APPROACH = 2000
CASE_CODES = ("Gezin A", "Gezin B", "Gezin C")

# How many quotes an interview of a role yields, relative to the others.
ROLE_WEIGHTS = {Role.FAMILY: 3.0, Role.REGISSEUR: 4.0, Role.PROFESSIONAL: 2.0, Role.DOCUMENT: 1.5}
SENTENCES = ((1, 2, 3), (50, 35, 15))
CODINGS = ((1, 2, 3), (55, 30, 15))
KINDS = ((Kind.QUOTE, Kind.PARAPHRASE, Kind.OBSERVATION), (75, 15, 10))
DOCUMENT_KINDS = ((Kind.PARAPHRASE, Kind.OBSERVATION), (40, 60))

# ---- word lists --------------------------------------------------------------------------------------------

TOWN_STARTS = ("Wad", "Berk", "Hol", "Zand", "Ree", "Lin", "Oost", "Mar", "Veld", "Ter", "Bro", "Sel")
TOWN_ENDS = ("lo", "dam", "hoven", "rade", "wijk", "meer", "horst", "beek", "um", "sum")
REGIONS = ("Noord", "Zuid", "Oost", "West")
PROGRAMMES = ("Eén Gezin Eén Plan", "Samen Sterk", "Gezin Centraal", "Sterk Thuis", "Wijkaanpak Gezinnen",
              "Doorbraak", "Krachtig Gezin")
REGISSEUR_LABELS = ("gezinscoach", "procesmanager", "casusregisseur", DEFAULT_REGISSEUR_LABEL, "gezinsregisseur")

PRO_SUBJECTS = ("De {label}", "De {label}", "De {label}", "De school", "Het wijkteam", "De woningcorporatie",
                "De huisarts", "De jeugdbeschermer", "De schuldhulpverlener", "De bewindvoerder",
                "De GGZ-behandelaar", "De leerplichtambtenaar", "De wijkagent", "De maatschappelijk werker")
PRO_PREDICATES = {
    Stance.POSITIVE: (
        "kwam elke week langs en nam de tijd voor de kinderen", "hield iedereen goed op de hoogte van de afspraken",
        "stelde samen met het gezin de doelen op", "pakte de schulden en de huisvesting tegelijk aan",
        "schakelde snel de juiste hulp in", "bleef betrokken, ook toen het even beter ging",
        "zorgde ervoor dat er één plan voor het hele gezin kwam", "belde meteen terug als er iets was",
        "begon direct na de aanmelding met de eerste gesprekken", "vroeg steeds wat het gezin zelf wilde",
        "betrok de familie en de buren bij het plan", "sprak de andere partijen aan op hun afspraken",
        "regelde binnen een week een plek bij de dagbesteding", "keek samen met moeder naar wat zij zelf kon",
    ),
    Stance.NEGATIVE: (
        "reageerde pas na weken op de mail", "wist niet wie de regie had",
        "stopte met de begeleiding zonder overdracht", "maakte het plan zonder het gezin",
        "kwam de afspraken niet na", "deelde geen informatie met de andere partijen",
        "liet het gezin lang op een wachtlijst staan", "keek alleen naar de eigen problemen",
        "wisselde drie keer van contactpersoon", "sloot het dossier terwijl de problemen bleven",
        "zag de schulden pas laat", "hield de evaluatie zonder de ouders",
        "verwees het gezin door zonder te controleren of de hulp begon",
    ),
    Stance.NEUTRAL: (
        "had contact met de school over het verzuim", "was bij het laatste overleg aanwezig",
        "schreef een verslag van het huisbezoek", "nam deel aan het casusoverleg",
        "sprak met moeder over de financiën", "verwees door naar het maatschappelijk werk",
        "plande een evaluatie na de zomer", "vroeg toestemming om informatie op te vragen",
        "werkte volgens het afgesproken stappenplan",
    ),
}
PRO_TAILS = {
    Stance.POSITIVE: (", en dat gaf veel rust", ", zodat het gezin weer overzicht kreeg", ", wat echt verschil maakte",
                      ", en de kinderen merkten dat meteen"),
    Stance.NEGATIVE: (", waardoor het gezin het vertrouwen verloor", ", en daardoor liep alles vertraging op",
                      ", terwijl de situatie thuis verslechterde", ", en niemand greep in"),
    Stance.NEUTRAL: (", zoals was afgesproken", ", op verzoek van de {label}", ", in het bijzijn van vader"),
}
FAMILY_SENTENCES = {
    Stance.POSITIVE: (
        "We voelden ons echt gehoord.", "Eindelijk was er één persoon die alles overzag.",
        "Ik kon de {label} altijd bellen, ook in het weekend.", "De kinderen vonden het fijn dat er iemand kwam.",
        "Voor het eerst hadden we zelf iets te zeggen over het plan.", "Het voelde alsof ze echt naast ons stonden.",
        "We weten nu bij wie we terecht kunnen.",
    ),
    Stance.NEGATIVE: (
        "We moesten ons verhaal steeds opnieuw vertellen.", "Niemand wist wie wat deed.",
        "Ik hoorde weken niets van de {label}.", "Er werd over ons gepraat, niet met ons.",
        "We stonden er uiteindelijk weer alleen voor.", "Iedereen beloofde iets, maar er gebeurde niets.",
    ),
    Stance.NEUTRAL: (
        "We hebben een paar gesprekken gehad.", "Het plan hebben we thuis doorgenomen.",
        "Ik weet niet meer precies wanneer dat was.", "De {label} kwam meestal op dinsdag.",
        "Daar hebben we het later nog over gehad.",
    ),
}
DOCUMENT_SUBJECTS = ("Het gezinsplan", "Het dossier", "Het evaluatieverslag", "Het plan van aanpak",
                     "Het verslag van het casusoverleg")
DOCUMENT_PREDICATES = {
    Stance.POSITIVE: ("beschrijft de doelen per leefgebied", "noemt voor elke afspraak wie wat doet",
                      "is samen met het gezin opgesteld en ondertekend",
                      "laat zien dat de evaluatie op tijd plaatsvond",
                      "brengt het netwerk van het gezin goed in beeld"),
    Stance.NEGATIVE: ("noemt geen termijnen", "is sinds de start niet meer bijgewerkt",
                      "mist de afspraken met de school", "beschrijft alleen de problemen van de ouders",
                      "zegt niets over de rol van het netwerk"),
    Stance.NEUTRAL: ("bevat een overzicht van de betrokken partijen", "verwijst naar het eerdere hulpverleningstraject",
                     "is opgesteld door de {label}", "bestaat uit vier onderdelen"),
}
FINDINGS = {
    Mark.SATISFIED: ("In {n} van de drie casussen is dit goed geregeld; het gezin en de professionals bevestigen dat.",
                     "De bronnen zijn hierover eensgezind positief, in {n} van de drie casussen."),
    Mark.IMPROVEMENT: ("In {n} van de drie casussen schiet dit tekort.",
                       "Het gezin en de professionals noemen hier in {n} van de drie casussen knelpunten."),
    Mark.NOT_ESTABLISHED: ("Op basis van de gesprekken en het dossier is dit niet vast te stellen.",
                           "De bronnen spreken elkaar hierover tegen."),
}
DESCRIPTION = {
    "persons_and_families": "Gezinnen met problemen op meerdere leefgebieden tegelijk, vaak al jaren in beeld.",
    "registration": "Via het wijkteam, de school of de woningcorporatie.",
    "goal": "Het gezin weer op eigen benen, met één plan en één regisseur.",
    "direction": "De {label} houdt de regie en is het vaste aanspreekpunt van het gezin.",
    "parties_involved": "Wijkteam, woningcorporatie, schuldhulpverlening, onderwijs en GGZ.",
    "working_method": "Binnen twee weken een eerste gesprek, daarna elke drie maanden een evaluatie.",
}


# ---- the study ---------------------------------------------------------------------------------------------

def write_synthetic_study(db_path, quotes: int, seed: int = 1, approaches: int | None = None,
                          catalog: FrameworkCatalog | None = None) -> dict:
    """Create a new database at `db_path` holding a synthetic study of `quotes` quotes; returns what was written
    {"database", "approaches", "cases", "interviews", "quotes", "codings", "seconds"}."""
    start = time.perf_counter()
    path = Path(db_path)
    n_approaches = _check_arguments(path, quotes, approaches)
    framework = _framework(catalog or load_catalog())
    rng = random.Random(seed)
    store = Store.create(path)
    try:
        study = store.add_study(f"Synthetisch onderzoek ({quotes} citaten)", framework.id)
        towns = _towns(rng, n_approaches)
        totals = {"approaches": n_approaches, "cases": 0, "interviews": 0, "quotes": 0, "codings": 0}
        for index, share in enumerate(_spread(quotes, [1.0] * n_approaches)):
            for key, n in _write_approach(store, study.id, framework, rng, towns[index], share).items():
                totals[key] += n
    except BaseException:
        store.close(backup=False)
        remove_database(path)  # the file is ours and holds nothing else
        raise
    store.close()
    return {"database": str(path), **totals, "seconds": round(time.perf_counter() - start, 2)}


def _check_arguments(path: Path, quotes: int, approaches: int | None) -> int:
    """The number of approaches to write; refuses an existing file and impossible numbers."""
    if path.exists():
        raise GgsrError(f"bestand bestaat al: {path}; kies een nieuwe naam voor de synthetische database")
    if isinstance(quotes, bool) or not isinstance(quotes, int) or quotes < 0:
        raise GgsrError(f"ongeldig aantal citaten {quotes!r}; geef een geheel getal van 0 of meer")
    if approaches is None:
        return max(1, quotes // QUOTES_PER_APPROACH)
    if isinstance(approaches, bool) or not isinstance(approaches, int) or approaches < 1:
        raise GgsrError(f"ongeldig aantal aanpakken {approaches!r}; geef een geheel getal van 1 of meer")
    return approaches


def _framework(catalog: FrameworkCatalog) -> Framework:
    try:
        return catalog.get(FRAMEWORK_ID)
    except KeyError:
        raise GgsrError(f"toetsingskader '{FRAMEWORK_ID}' niet gevonden; bekend: {', '.join(catalog.ids())}") from None


def _towns(rng: random.Random, n: int) -> list[str]:
    """`n` invented municipality names (syllables, not real places on purpose); a region is added once they run out."""
    names = [a + b for a in TOWN_STARTS for b in TOWN_ENDS]
    rng.shuffle(names)
    return [names[i % len(names)] + (f" {REGIONS[(i // len(names) - 1) % len(REGIONS)]}" if i >= len(names) else "")
            for i in range(n)]


def _spread(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights` (largest remainders), summing exactly to `total`."""
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in by_remainder[:total - sum(shares)]:
        shares[i] += 1
    return shares


# ---- one approach ------------------------------------------------------------------------------------------

def _write_approach(store: Store, study_id: int, framework: Framework, rng: random.Random, town: str,
                    n_quotes: int) -> dict[str, int]:
    """An approach with its cases, interviews, quotes and judgements, in one transaction."""
    label = rng.choice(REGISSEUR_LABELS)
    # How well the approach does on each indicator: the chance that evidence on it is positive.
    tendency = {ind.id: rng.uniform(0.2, 0.8) for ind in framework.indicators}
    with store.transaction():
        approach = store.add_approach(study_id, town, rng.choice(PROGRAMMES), label,
                                      {k: v.format(label=label) for k, v in DESCRIPTION.items()})
        interviews = [iv for code in CASE_CODES for iv in _add_case(store, approach.id, code, rng)]
        shares = _spread(n_quotes, [ROLE_WEIGHTS[iv.role] * rng.uniform(0.7, 1.3) for iv in interviews])
        sources = _indicators_by_role(framework)
        rows = [_quote_row(rng, iv.id, iv.role, sources[iv.role], tendency, label)
                for iv, n in zip(interviews, shares) for _ in range(n)]
        store.add_quotes_bulk(rows)
        for ind in framework.indicators:
            _judge(store, approach.id, ind.id, tendency[ind.id], rng)
    return {"cases": len(CASE_CODES), "interviews": len(interviews), "quotes": len(rows),
            "codings": sum(len(r[3]) for r in rows)}


def _add_case(store: Store, approach_id: int, code: str, rng: random.Random) -> list:
    """A case with the six interviews of the method: family, regisseur, three professionals, the family plan."""
    case = store.add_case(approach_id, code)
    day = dt.date(2026, 1, 12) + dt.timedelta(days=rng.randrange(150))
    roles = [(Role.FAMILY, None), (Role.REGISSEUR, None)]
    roles += [(Role.PROFESSIONAL, t) for t in rng.sample(ORGANISATION_TYPES, PROFESSIONALS_PER_CASE)]
    roles.append((Role.DOCUMENT, None))
    return [store.add_interview(case.id, role, org, (day + dt.timedelta(days=n)).isoformat(), Status.DONE)
            for n, (role, org) in enumerate(roles)]


def _indicators_by_role(framework: Framework) -> dict[str, list[str]]:
    """Per source, the indicators with questions for it (all of them when none has)."""
    every = [ind.id for ind in framework.indicators]
    return {role: [ind.id for ind in framework.indicators if role in ind.questions] or every for role in SOURCES}


# ---- quotes and judgements ---------------------------------------------------------------------------------

def _quote_row(rng: random.Random, interview_id: int, role: str, indicators: list[str], tendency: dict[str, float],
               label: str) -> tuple[int, str, str, dict[str, str]]:
    """(interview_id, text, kind, codings) of one quote; the text leans to the stance of its first coding."""
    chosen = rng.sample(indicators, min(len(indicators), _pick(rng, CODINGS)))
    codings = {ind: _stance(rng, tendency[ind]) for ind in chosen}
    stance = codings[chosen[0]]
    kind = _pick(rng, DOCUMENT_KINDS if role == Role.DOCUMENT else KINDS)
    return interview_id, _text(rng, role, stance, label), kind.value, {ind: s.value for ind, s in codings.items()}


def _text(rng: random.Random, role: str, stance: Stance, label: str) -> str:
    """One to three different sentences; the first in the given stance, later ones mostly too."""
    sentences: list[str] = []
    for n in range(_pick(rng, SENTENCES)):
        sentence = _sentence(rng, role, stance if n == 0 or rng.random() < 0.7 else Stance.NEUTRAL, label)
        if sentence not in sentences:
            sentences.append(sentence)
    return " ".join(sentences)


def _pick(rng: random.Random, choices: tuple[tuple, tuple]):
    values, weights = choices
    return rng.choices(values, weights)[0]


def _stance(rng: random.Random, positive: float) -> Stance:
    roll = rng.random()
    if roll < 0.2:
        return Stance.NEUTRAL
    return Stance.POSITIVE if roll < 0.2 + 0.8 * positive else Stance.NEGATIVE


def _sentence(rng: random.Random, role: str, stance: Stance, label: str) -> str:
    """One sentence in the voice of the source: the family often speaks for itself, a document is described."""
    if role == Role.DOCUMENT:
        text = f"{rng.choice(DOCUMENT_SUBJECTS)} {rng.choice(DOCUMENT_PREDICATES[stance])}."
    elif role == Role.FAMILY and rng.random() < 0.6:
        text = rng.choice(FAMILY_SENTENCES[stance])
    else:
        tail = rng.choice(PRO_TAILS[stance]) if rng.random() < 0.35 else ""
        text = f"{rng.choice(PRO_SUBJECTS)} {rng.choice(PRO_PREDICATES[stance])}{tail}."
    return text.format(label=label)


def _judge(store: Store, approach_id: int, indicator_id: str, positive: float, rng: random.Random) -> None:
    """A judgement following the approach's tendency; strong ones are highlighted for the report."""
    if positive >= 0.55:
        mark, highlight = Mark.SATISFIED, Highlight.GREEN if positive >= 0.74 else Highlight.NONE
    elif positive <= 0.45:
        mark, highlight = Mark.IMPROVEMENT, Highlight.RED if positive <= 0.26 else Highlight.NONE
    else:
        mark, highlight = Mark.NOT_ESTABLISHED, Highlight.NONE
    finding = rng.choice(FINDINGS[mark]).format(n=rng.choice(("twee", "drie")))
    store.set_judgement(approach_id, indicator_id, author=AUTHOR, mark=mark.value, finding=finding,
                        highlight=highlight.value)


PERSON_NAMES = ("Fatima Yilmaz", "Jan de Vries", "Sanne Bakker", "Mohamed El Amrani", "Kees Jansen", "Priya Ramdin",
                "Lotte van Dijk", "Ahmet Demir")


def quote_texts(n: int, seed: int = 1, with_names: bool = True) -> list[str]:
    """`n` quotes of one to three sentences as an inspector types them; with `with_names`, about a third mention
    a person or a phone number (for timing the anonymiser on realistic input)."""
    rng = random.Random(seed)
    roles = [Role.FAMILY, Role.REGISSEUR, Role.PROFESSIONAL, Role.DOCUMENT]
    texts = []
    for _ in range(n):
        text = _text(rng, rng.choice(roles), rng.choice(list(Stance)), rng.choice(REGISSEUR_LABELS))
        if with_names and rng.random() < 0.35:
            text = f"{rng.choice(PERSON_NAMES)} zegt: {text[0].lower()}{text[1:]}"
        if with_names and rng.random() < 0.05:
            text += " Bel haar op 06-12345678."
        texts.append(text)
    return texts
