"""Every kind of malformed framework file is rejected with the file, the line and the field."""

from __future__ import annotations

import pytest

from ggsr_desktop.errors import FrameworkError
from ggsr_desktop.framework import load_framework
from tests.test_framework import MINIMAL


def _error(tmp_path, text: str, name: str = "kader.yaml") -> FrameworkError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        load_framework(path)
    return info.value


def test_minimal_file_is_valid(tmp_path):
    path = tmp_path / "kader.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    fw = load_framework(path)
    assert fw.indicator("thema.indicator").questions == {"gezin": ("Hoe gaat het?",)}


@pytest.mark.parametrize(
    "old, new, line, field, words",
    [
        # bad YAML syntax
        ("name: Eigen kader", "name: [Eigen kader", None, None, "ongeldige YAML"),
        # missing field
        ("            text: Een indicator\n", "", 12, "themes[0].criteria[0].indicators[0].text", "ontbreekt"),
        # duplicate id
        ("id: thema.indicator", "id: thema.criterium", 12, "themes[0].criteria[0].indicators[0].id", "dubbele id"),
        # unknown role
        ("              gezin:", "              ouder:", 15, "themes[0].criteria[0].indicators[0].questions.ouder",
         "onbekende rol"),
        # empty text
        ("text: Een criterium", "text: '   '", 10, "themes[0].criteria[0].text", "is leeg"),
        # duplicate key (PyYAML would silently keep the last one)
        ("name: Eigen kader", "name: Eigen kader\nname: Ander kader", 4, None, "dubbele sleutel 'name'"),
        # YAML 1.1 trap: an unquoted 1.10 is the number 1.1
        ("id: thema\n", "id: 1.10\n", 6, "themes[0].id", "getal 1.1"),
        # YAML 1.1 trap: NO is not a boolean here, but still no valid id
        ("id: thema\n", "id: NO\n", 6, "themes[0].id", "ongeldige id 'NO'"),
        # unknown field (a typo must not be ignored)
        ("            text: Een indicator", "            txt: Een indicator", 13,
         "themes[0].criteria[0].indicators[0].txt", "onbekend veld"),
        # an empty question
        ('                - "Hoe gaat het?"', '                - ""', 16,
         "themes[0].criteria[0].indicators[0].questions.gezin[0]", "vraag is leeg"),
        # unknown level
        ("level: casus", "level: wijk", 4, "level", "onbekend niveau"),
        # case-level indicator without any source
        ('            questions:\n              gezin:\n                - "Hoe gaat het?"\n', "", 12,
         "themes[0].criteria[0].indicators[0].questions", "geen enkele bron"),
    ],
)
def test_malformed_file_names_file_line_and_field(tmp_path, old, new, line, field, words):
    assert old in MINIMAL
    err = _error(tmp_path, MINIMAL.replace(old, new, 1))
    assert err.path.endswith("kader.yaml")
    assert words in str(err)
    if line is not None:
        assert err.line == line
        assert f"kader.yaml:{line}:" in str(err)
    else:
        assert err.line is not None  # syntax errors still name a line
    if field is not None:
        assert err.field == field
        assert f"veld '{field}'" in str(err)


def test_empty_file_and_non_utf8(tmp_path):
    assert "leeg" in str(_error(tmp_path, ""))
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Caf\xe9".encode("latin-1"))
    with pytest.raises(FrameworkError, match="geen UTF-8"):
        load_framework(path)
