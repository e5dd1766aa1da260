"""The built-in frameworks: structure, counts, wording against the seed, questions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ggsr_desktop import paths
from ggsr_desktop.framework import LEVEL_ROLES, load_catalog

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_both_frameworks_load_with_exact_counts(catalog):
    case = catalog.get("casusniveau")
    policy = catalog.get("beleidsniveau")
    assert (len(case.themes), len(case.criteria), len(case.indicators)) == (5, 12, 33)
    assert (len(policy.themes), len(policy.criteria), len(policy.indicators)) == (5, 13, 30)
    assert [t.name for t in case.themes] == ["Toeleiding", "Gezin centraal", "De aanpak", "Samenwerking", "Continu"]
    assert [t.name for t in policy.themes] == [t.name for t in case.themes]
    assert not catalog.errors


@pytest.mark.parametrize("framework_id", ["casusniveau", "beleidsniveau"])
def test_ids_are_unique_readable_and_nested(catalog, framework_id):
    fw = catalog.get(framework_id)
    ids = [t.id for t in fw.themes] + [c.id for c in fw.criteria] + [i.id for i in fw.indicators]
    assert len(ids) == len(set(ids))
    for theme in fw.themes:
        for crit in theme.criteria:
            assert crit.id.startswith(theme.id + ".")
            for ind in crit.indicators:
                assert ind.id.startswith(theme.id + ".")
                assert re.fullmatch(r"[a-z0-9]+(?:[.-][a-z0-9]+)*", ind.id)
                assert (ind.theme_id, ind.criterion_id) == (theme.id, crit.id)


def test_every_case_indicator_has_a_source_with_real_questions(case_framework):
    roles_used = set()
    for ind in case_framework.indicators:
        assert ind.questions, ind.id
        assert set(ind.questions) <= set(LEVEL_ROLES["casus"])
        for role, questions in ind.questions.items():
            roles_used.add(role)
            for q in questions:
                assert len(q) > 15 and q.endswith("?"), (ind.id, role, q)
    assert roles_used == {"gezin", "regisseur", "professional", "document"}


def test_policy_questionnaire_covers_every_indicator(catalog):
    policy = catalog.get("beleidsniveau")
    assert len(policy.indicators) == 30
    questions = []
    for ind in policy.indicators:
        assert ind.questions.get("gemeente"), ind.id
        assert set(ind.questions) <= set(LEVEL_ROLES["beleid"]), ind.id
        for role, items in ind.questions.items():
            for q in items:
                assert q.endswith("?"), (ind.id, role, q)
                questions.append(q)
    assert sum(1 for ind in policy.indicators if ind.questions.get("netwerkpartner")) >= 24
    repeated = sorted({q for q in questions if questions.count(q) > 1})
    assert not repeated, repeated


def test_family_is_asked_about_the_problem_analysis(case_framework):
    ind = case_framework.indicator("gezin-centraal.probleemanalyse-met-gezin")
    assert ind.text == "De probleemanalyse is met het gezin gemaakt."
    assert ind.questions["gezin"] and ind.questions["regisseur"]


def _normalise(text: str) -> str:
    return " ".join(text.replace("- ", " ").split()).rstrip(".")


def _seed_rows(seed_name: str) -> list[tuple[str, str]]:
    """(criterion, indicator) cells of the findings tables in a seed, tab separated."""
    rows, criterion = [], None
    for line in (SEEDS / seed_name).read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 3 or cells[1] in ("Indicatoren", ""):
            continue
        criterion = cells[0] or criterion
        rows.append((criterion, cells[1]))
    return rows


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not beside the checkout")
def test_case_framework_wording_matches_bijlage_1_of_seed_001(case_framework):
    rows = _seed_rows("001_d60b924b50413b3d.txt")
    assert [_normalise(i) for _, i in rows] == [_normalise(i.text) for i in case_framework.indicators]
    seed_criteria = list(dict.fromkeys(_normalise(c) for c, _ in rows))
    assert seed_criteria == [_normalise(c.text) for c in case_framework.criteria]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not beside the checkout")
def test_policy_framework_indicators_all_occur_in_seed_003(catalog):
    seed = " ".join((SEEDS / "003_1b897dc814a8f4e7.txt").read_text(encoding="utf-8").split())
    for ind in catalog.get("beleidsniveau").indicators:
        assert ind.text in seed, ind.id
    for crit in catalog.get("beleidsniveau").criteria:
        assert crit.text in seed, crit.id


def test_user_framework_is_listed_and_cannot_shadow_a_builtin(tmp_path):
    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "eigen.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "kopie.yaml").write_text(MINIMAL.replace("id: eigen-kader", "id: casusniveau"), encoding="utf-8")
    catalog = load_catalog(folder)
    assert "eigen-kader" in catalog.ids()
    assert catalog.get("eigen-kader").builtin is False
    assert len(catalog.errors) == 1
    assert "kopie.yaml:2" in str(catalog.errors[0]) and "casusniveau" in str(catalog.errors[0])


MINIMAL = """format: 1
id: eigen-kader
name: Eigen kader
level: casus
themes:
  - id: thema
    name: Thema
    criteria:
      - id: thema.criterium
        text: Een criterium
        indicators:
          - id: thema.indicator
            text: Een indicator
            questions:
              gezin:
                - "Hoe gaat het?"
"""


def test_parsed_frameworks_are_cached_and_a_changed_file_is_parsed_again(tmp_path, monkeypatch):
    import sys

    from ggsr_desktop.framework import cache as framework_cache
    from ggsr_desktop.framework import load_framework

    monkeypatch.setenv("GGSR_CACHE_DIR", str(tmp_path / "cache"))
    source = next(paths.builtin_frameworks_dir().glob("casusniveau.yaml"))
    own = tmp_path / "eigen.yaml"
    own.write_text(source.read_text(encoding="utf-8").replace("id: casusniveau", "id: eigen-kader", 1),
                   encoding="utf-8")
    first = load_framework(own)
    assert first.id == "eigen-kader" and list((tmp_path / "cache").glob("*.json"))
    assert framework_cache.get(own, False) is not None
    again = load_framework(own)  # from the cache: the same framework, questions and all
    assert again == first and again.indicators[0].questions == first.indicators[0].questions
    assert again.id_line == first.id_line
    own.write_text(own.read_text(encoding="utf-8").replace("name: ", "name: Gewijzigd ", 1), encoding="utf-8")
    assert framework_cache.get(own, False) is None  # changed: parsed again, not taken from the cache
    assert load_framework(own).name.startswith("Gewijzigd")
    for entry in (tmp_path / "cache").glob("*.json"):
        entry.write_text("{kapot", encoding="utf-8")
    assert load_framework(own).name.startswith("Gewijzigd")  # a broken cache is ignored
    assert "yaml" in sys.modules  # (parsing imported the YAML reader; start-up with a warm cache does not)
