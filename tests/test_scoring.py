"""`anonymise --evaluate`: the scores of a small labelled set whose outcome is known item by item, the JSON and the
Dutch text output, and clear messages for a malformed file."""

from __future__ import annotations

import json

import pytest

from ggsr_desktop.anonymise.scoring import LabelledSetError, load, score
from ggsr_desktop.cli import main

REGISTER = ["Elif Kaya", "Deniz Kaya"]
QUOTES = [
    # 1: register name and phone, both removed; the keep-phrase stays
    {"id": "t1", "case": "kaya", "text": "Elif belt op 06-12345678 na acht uur.",
     "must_remove": ["Elif", "06-12345678"], "remove_types": ["name", "phone"], "must_keep": ["na acht uur"],
     "known_names": REGISTER},
    # 2: an e-mail address, removed; 'de GI' stays
    {"id": "t2", "case": "kaya", "text": "Mail Deniz via deniz.k@voorbeeld.nl, zegt de GI.",
     "must_remove": ["Deniz", "deniz.k@voorbeeld.nl"], "remove_types": ["name", "email"], "must_keep": ["de GI"],
     "known_names": REGISTER},
    # 3: 'mooi' is labelled as a rare detail: an ordinary word no anonymiser removes (a known miss)
    {"id": "t3", "case": "kaya", "text": "Het huis is mooi en de buurt is rustig.",
     "must_remove": ["mooi"], "remove_types": ["rare_detail"], "must_keep": ["de buurt"],
     "known_names": REGISTER},
    # 4: nothing to remove; 'Elif' labelled as a must-keep word is replaced (a known false redaction)
    {"id": "t4", "case": "kaya", "text": "Gisteren was Elif er niet.",
     "must_remove": [], "remove_types": [], "must_keep": ["Gisteren", "Elif"], "known_names": REGISTER},
]


@pytest.fixture
def labelled(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QUOTES) + "\n", encoding="utf-8")
    return path


def test_known_scores(anonymiser, labelled):
    summary = score(anonymiser, load(labelled)).summary()
    assert summary["quotes"] == 4 and summary["items"] == 5
    assert summary["item_recall"] == 0.8  # 4 of 5: 'mooi' stays
    assert summary["name_recall"] == 1.0 and summary["register_name_recall"] == 1.0
    assert summary["direct_identifier_recall"] == 1.0  # the phone and the e-mail
    assert summary["must_keep"] == 5 and summary["must_keep_lost"] == 1 and summary["false_redaction_rate"] == 0.2
    assert summary["quotes_fully_correct"] == 2 and summary["quotes_fully_correct_rate"] == 0.5
    assert summary["by_category"]["rare_detail"] == {"removed": 0, "items": 1, "recall": 0.0}
    assert summary["by_category"]["phone"] == {"removed": 1, "items": 1, "recall": 1.0}
    assert [m["item"] for m in summary["misses_by_category"]["rare_detail"]] == ["mooi"]
    assert [(f["id"], f["keep"]) for f in summary["false_redactions"]] == [("t4", "Elif")]
    assert 0 < summary["quote_ms_p50"] <= summary["quote_ms_p95"] <= summary["quote_ms_max"]


def test_evaluate_command_json_and_text(capsys, labelled):
    assert main(["anonymise", "--evaluate", str(labelled), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["item_recall"] == 0.8 and data["false_redaction_rate"] == 0.2
    assert main(["anonymise", "--evaluate", str(labelled)]) == 0
    out = capsys.readouterr().out
    assert "items verwijderd:           80.0 %" in out
    assert "ten onrechte vervangen:     20.0 % (1 van 5)" in out
    assert "gemist (rare_detail):" in out and "t3: 'mooi'" in out


@pytest.mark.parametrize("line, message", [
    ("geen json", "regel 2: geen geldige JSON"),
    (json.dumps({"id": "x"}), "regel 2: veld 'text' ontbreekt"),
    (json.dumps({"text": "Jan belt.", "must_remove": ["Jan"], "remove_types": []}), "niet even lang"),
    (json.dumps({"text": "Jan belt.", "must_remove": ["Jan"], "remove_types": ["naam"]}), "onbekende categorie 'naam'"),
    (json.dumps({"text": "Jan belt.", "must_remove": ["Piet"], "remove_types": ["name"]}),
     "'Piet' uit 'must_remove' komt niet voor"),
    (json.dumps({"text": "Jan belt.", "must_keep": "belt"}), "veld 'must_keep' moet een lijst"),
])
def test_malformed_lines_are_named(tmp_path, capsys, line, message):
    path = tmp_path / "kapot.jsonl"
    path.write_text(json.dumps(QUOTES[0]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(LabelledSetError, match=message):
        load(path)
    assert main(["anonymise", "--evaluate", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and message.split(":")[0] in err


def test_missing_file(tmp_path, capsys):
    assert main(["anonymise", "--evaluate", str(tmp_path / "weg.jsonl")]) == 1
    assert "kan" in capsys.readouterr().err
