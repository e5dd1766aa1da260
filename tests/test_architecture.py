"""The core stays Qt-free: no module outside ggsr_desktop/gui imports PySide6."""

from __future__ import annotations

import ast
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
    for group in ("data", "reports", "storage", "gui_launch"):
        assert imports[group] <= {"common"}, (group, imports[group])
    assert imports["contract"] <= {"common", "data", "reports", "storage", "gui_launch"}
    assert imports["__init__"] == {"contract"}
