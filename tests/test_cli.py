"""The headless CLI contract: subcommands, output and exit codes (0 ok, 2 usage, 1 failure)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ggsr_desktop import __version__
from ggsr_desktop.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _command() -> list[str]:
    script = shutil.which("ggsr-desktop")
    return [script] if script else [sys.executable, "-m", "ggsr_desktop"]


def test_console_script_version_and_usage_error(tmp_path):
    env = {**os.environ, "GGSR_DATA_DIR": str(tmp_path)}
    done = subprocess.run([*_command(), "--version"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"ggsr-desktop {__version__}")
    done = subprocess.run([*_command(), "opruimen"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 2
    assert "fout" in done.stderr and "opruimen" in done.stderr


def test_gui_without_display_fails_cleanly(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["GGSR_DATA_DIR"] = str(tmp_path)
    done = subprocess.run(_command(), capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "geen beeldscherm" in done.stderr
    assert not any(tmp_path.iterdir())  # nothing written


def test_demo_writes_a_new_database_and_refuses_to_overwrite(capsys, tmp_path):
    db = tmp_path / "demo.sqlite"
    code, out, err = run(capsys, "demo", "--db", str(db), "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["cases"] == 3 and result["interviews"] == 18 and result["judgements"] == 33
    assert 18 * 8 <= result["quotes"] <= 18 * 15
    before = db.read_bytes()
    code, out, err = run(capsys, "demo", "--db", str(db))
    assert code == 1 and "bestaat al" in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_demo_requires_db(capsys):
    code, _, err = run(capsys, "demo")
    assert code == 2 and "--db" in err


@pytest.mark.parametrize("args", [["--demo", "--db", "x.sqlite"], ["--demo", "dump"], ["--demo", "frameworks"]])
def test_demo_flag_conflicts_are_usage_errors(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and "--demo" in err


def test_global_db_option_applies_to_subcommands(capsys, tmp_path):
    db = tmp_path / "globaal.sqlite"
    assert run(capsys, "--db", str(db), "demo")[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "dump", "--json")
    assert code == 0 and json.loads(out)["database"] == str(db)


def test_frameworks_text_and_json(capsys):
    code, out, err = run(capsys, "frameworks")
    assert (code, err) == (0, "")
    assert "casusniveau — Toetsingskader casusniveau" in out and "33 indicatoren" in out
    assert "gezin-centraal.probleemanalyse-met-gezin  De probleemanalyse is met het gezin gemaakt." in out
    code, out, _ = run(capsys, "frameworks", "--json")
    data = json.loads(out)
    counts = {fw["id"]: sum(len(c["indicators"]) for t in fw["themes"] for c in t["criteria"])
              for fw in data["frameworks"]}
    assert counts == {"beleidsniveau": 30, "casusniveau": 33}
    assert data["errors"] == []


def test_frameworks_lists_user_files_and_reports_broken_ones(capsys, tmp_path):
    from tests.test_framework import MINIMAL

    db = tmp_path / "werk.sqlite"
    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "eigen.yaml").write_text(MINIMAL, encoding="utf-8")
    code, out, _ = run(capsys, "frameworks", "--db", str(db), "--json")
    assert code == 0 and "eigen-kader" in [fw["id"] for fw in json.loads(out)["frameworks"]]
    (folder / "stuk.yaml").write_text(MINIMAL.replace("level: casus", "level: wijk"), encoding="utf-8")
    code, out, err = run(capsys, "frameworks", "--db", str(db))
    assert code == 1
    assert "stuk.yaml:4: veld 'level'" in err
    assert "eigen-kader" in out  # the good ones are still listed


@pytest.fixture
def demo_db(capsys, tmp_path) -> Path:
    db = tmp_path / "demo.sqlite"
    assert run(capsys, "demo", "--db", str(db))[0] == 0
    return db


def test_dump_overview_and_one_approach(capsys, demo_db):
    code, out, err = run(capsys, "dump", "--db", str(demo_db), "--json")
    assert (code, err) == (0, "")
    overview = json.loads(out)
    approach = overview["studies"][0]["approaches"][0]
    assert overview["schema_version"] >= 1 and approach["cases"] == 3

    code, out, _ = run(capsys, "dump", "--db", str(demo_db), "--approach", str(approach["id"]), "--json")
    detail = json.loads(out)
    assert code == 0
    assert [c["code"] for c in detail["cases"]] == ["Gezin A", "Gezin B", "Gezin C"]
    for case in detail["cases"]:
        roles = sorted(iv["role"] for iv in case["interviews"])
        assert roles == ["document", "gezin", "professional", "professional", "professional", "regisseur"]
        orgs = [iv["organisation_type"] for iv in case["interviews"] if iv["role"] == "professional"]
        assert len(set(orgs)) == 3
        for iv in case["interviews"]:
            assert 8 <= len(iv["quotes"]) <= 15
            assert all(1 <= len(q["codings"]) <= 3 for q in iv["quotes"])
    assert len(detail["judgements"]) == 33
    assert {j["highlight"] for j in detail["judgements"]} == {"groen", "rood", "geen"}
    assert all(j["finding"] and j["symbol"] in ("✓", "X", "–") for j in detail["judgements"])

    code, out, _ = run(capsys, "dump", "--db", str(demo_db), "--approach", str(approach["id"]))
    assert code == 0 and "Gezin B" in out


def test_dump_failures(capsys, tmp_path, demo_db):
    missing = tmp_path / "weg.sqlite"
    code, out, err = run(capsys, "dump", "--db", str(missing), "--json")
    assert (code, out) == (1, "") and "niet gevonden" in err and err.count("\n") == 1
    assert not missing.exists()
    code, _, err = run(capsys, "dump", "--db", str(demo_db), "--approach", "999", "--json")
    assert code == 1 and "aanpak 999 bestaat niet" in err
    code, _, err = run(capsys, "dump", "--db", str(demo_db), "--approach", "een")
    assert code == 2 and "ongeldige waarde" in err


def test_core_never_imports_qt():
    code = ("import sys, ggsr_desktop.cli, ggsr_desktop.store, ggsr_desktop.framework, ggsr_desktop.exchange.demo, "
            "ggsr_desktop.exchange.dump; sys.exit('PySide6' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60, check=False).returncode == 0
