"""The shape of the code: the core stays Qt-free, the cli package has no import cycle, one vocabulary, and the
layers of pyproject.toml's import contracts (with tests of the checks themselves on planted violations)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "ggsr_desktop"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_outside_the_gui_imports_qt():
    core = [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]
    assert len(core) > 30
    assert [str(p.relative_to(PACKAGE)) for p in core if "PySide6" in _imports(p)] == []


def _cli_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ggsr_desktop.cli"):
            if node.module == "ggsr_desktop.cli":
                found |= {a.name for a in node.names}  # 'from ggsr_desktop.cli import data'
            else:
                found.add(node.module.removeprefix("ggsr_desktop.cli."))
    return found


def test_the_cli_package_has_no_import_cycle():
    """common imports no other cli module; a group of commands imports only common; contract wires the groups."""
    cli = PACKAGE / "cli"
    imports = {p.stem: _cli_imports(p) for p in cli.glob("*.py")}
    assert imports["common"] == set()
    groups = set(imports) - {"common", "contract", "__init__"}
    for group in groups:
        assert imports[group] <= {"common"}, (group, imports[group])
    assert imports["contract"] <= {"common"} | groups
    assert imports["__init__"] == {"contract"}


# ---- one vocabulary ------------------------------------------------------------------------------------------

VOCABULARY_OWNERS = {"models.py", "store/schema.py", "labels.py", "gui/labels.py"}  # enums, schema, label modules


def _enum_values() -> dict[str, str]:
    from ggsr_desktop import models

    return {m.value: f"{enum.__name__}.{m.name}" for enum in (models.Role, models.Status, models.Kind, models.Stance,
                                                               models.Mark, models.Highlight) for m in enum}


def _bare_enum_strings(path: Path, values: dict[str, str]) -> list[str]:
    """String literals equal to an enum value, outside docstrings and texts passed to tr()."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and body \
                and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in ("tr", "_t", "translate"):
                skip |= {id(sub) for arg in node.args for sub in ast.walk(arg)}
    return [f"{node.lineno}: {node.value!r} (use {values[node.value]})" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in values
            and id(node) not in skip]


def test_no_enum_value_is_written_as_a_bare_string_outside_its_owners():
    values = _enum_values()
    found = {rel: hits for p in PACKAGE.rglob("*.py")
             if (rel := p.relative_to(PACKAGE).as_posix()) not in VOCABULARY_OWNERS
             and (hits := _bare_enum_strings(p, values))}
    assert found == {}


def test_the_vocabulary_check_finds_a_planted_bare_string(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text('"""Doc: gezin."""\nif role == "gezin":\n    label = tr("gezin")\n', encoding="utf-8")
    assert _bare_enum_strings(planted, _enum_values()) == ["2: 'gezin' (use Role.FAMILY)"]


def test_each_list_of_the_vocabulary_is_defined_once():
    """ORGANISATION_TYPES and the role/source lists live in models only; the others derive from them."""
    definitions = {}
    for p in PACKAGE.rglob("*.py"):
        for node in ast.parse(p.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                if isinstance(target, ast.Name) and target.id in ("ORGANISATION_TYPES", "SOURCES", "LEVEL_ROLES"):
                    definitions.setdefault(target.id, []).append(p.relative_to(PACKAGE).as_posix())
    assert definitions == {"ORGANISATION_TYPES": ["models.py"], "SOURCES": ["models.py"],
                           "LEVEL_ROLES": ["framework/loader.py"]}


# ---- the layers (import-linter contracts in pyproject.toml) -------------------------------------------------

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")], cwd=root,
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_layer_contracts_are_kept():
    result = _lint_imports(PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_the_layer_contracts_fail_on_a_planted_violation(tmp_path):
    """The contract itself is tested: a copy of the package with a crossed layer, SQL outside store/ and Qt in the
    core is refused, naming each."""
    shutil.copytree(PACKAGE, tmp_path / "ggsr_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE.parent / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "ggsr_desktop" / "store" / "planted_upward.py").write_text("from ggsr_desktop.ops import session\n")
    (tmp_path / "ggsr_desktop" / "evidence" / "planted_sql.py").write_text("import sqlite3\n")
    (tmp_path / "ggsr_desktop" / "report" / "planted_qt.py").write_text("import PySide6.QtCore\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "0 kept, 3 broken" in result.stdout, result.stdout
    for planted in ("ggsr_desktop.store.planted_upward", "ggsr_desktop.evidence.planted_sql",
                    "ggsr_desktop.report.planted_qt"):
        assert planted in result.stdout
