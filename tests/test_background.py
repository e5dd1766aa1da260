"""The one helper for work off the GUI thread: results, failures and progress arrive on the GUI thread; the
synchronous stand-in runs everything before the call returns."""

from __future__ import annotations

import threading

import pytest

from ggsr_desktop.errors import StoreError
from ggsr_desktop.gui.background import run_in_background, synchronous


def test_work_runs_on_a_worker_and_its_result_arrives_on_the_gui_thread(qtbot):
    seen = {}

    def work(report):
        seen["worker"] = threading.current_thread()
        report(0.5, "half")
        return 42

    job = run_in_background(work, lambda result: seen.update(result=result, done=threading.current_thread()),
                            lambda exc: seen.update(error=exc),
                            progress=lambda fraction, text: seen.update(progress=(fraction, text)), name="t")
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["worker"] is job.thread and job.thread is not threading.main_thread()
    assert seen["done"] is threading.main_thread() and seen["result"] == 42 and seen["progress"] == (0.5, "half")
    assert "error" not in seen


def test_a_failure_reaches_failed_with_the_exception(qtbot):
    errors = []

    def work():
        raise StoreError("schijf weg")

    run_in_background(work, lambda _r: errors.append("done?!"), errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], StoreError) and str(errors[0]) == "schijf weg"


@pytest.mark.parametrize("fails", [False, True])
def test_the_synchronous_stand_in_calls_back_before_returning(qtbot, fails):
    calls = []

    def work():
        calls.append(threading.current_thread())
        if fails:
            raise ValueError("x")
        return "klaar"

    with synchronous():
        job = run_in_background(work, lambda r: calls.append(r), lambda e: calls.append(type(e).__name__))
    assert job.thread is None and calls == [threading.main_thread(), "ValueError" if fails else "klaar"]
