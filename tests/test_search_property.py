"""Property: after any sequence of inserts, edits and deletes, full-text search agrees with a plain model."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ggsr_desktop.store import Store

WORDS = ["gezin", "gezinscoach", "school", "schuld", "schulden", "wijkteam", "plan", "netwerk", "moeder", "[kind"]
text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
operation = st.one_of(
    st.tuples(st.just("add"), text),
    st.tuples(st.just("edit"), st.integers(0, 20), text),
    st.tuples(st.just("delete"), st.integers(0, 20)),
)


def _matches(word: str, sentence: str) -> bool:
    return any(token.startswith(word) for token in re.findall(r"\w+", sentence.lower()))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, max_size=15))
def test_search_agrees_with_model(ops):
    with tempfile.TemporaryDirectory() as tmp, Store.create(Path(tmp) / "p.sqlite") as store:
        study = store.add_study("S", "casusniveau")
        approach = store.add_approach(study.id, "Wadlo", "Aanpak")
        case = store.add_case(approach.id, "Gezin A")
        interview = store.add_interview(case.id, "gezin")
        model: dict[int, str] = {}
        for op in ops:
            if op[0] == "add":
                model[store.add_quote(interview.id, op[1]).id] = op[1]
            elif model and op[0] == "edit":
                quote_id = sorted(model)[op[1] % len(model)]
                store.update_quote(quote_id, text=op[2])
                model[quote_id] = op[2]
            elif model and op[0] == "delete":
                quote_id = sorted(model)[op[1] % len(model)]
                store.delete_quote(quote_id)
                del model[quote_id]
        for word in ["gezin", "school", "schuld", "wijkteam", "plan", "netwerk", "moeder", "kind"]:
            expected = {i for i, t in model.items() if _matches(word, t)}
            assert {q.id for q in store.search_quotes(word)} == expected, word
