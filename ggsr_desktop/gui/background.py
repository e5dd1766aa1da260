"""Work off the GUI thread, in one way: `run_in_background(fn, done, failed, progress=None, name=...)`.

The threading rule: the Store (its SQLite connection) is used on the GUI thread only. A worker gets plain data, a
prepared job that does not touch the store (`PreparedExport.write`), or a store method written for it
(`Store.verify_and_back_up`, which opens its own connection). `fn` runs on a worker thread; `done(result)`,
`failed(error)` and `progress(fraction, text)` are called on the GUI thread (queued signals). `failed` receives
the exception; the caller words it for the inspector.

Tests that want the work done at once use `synchronous()`: inside it `fn` runs on the calling thread and the
callbacks are called before `run_in_background` returns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal

_SYNCHRONOUS = threading.local()
_RUNNING: set[Job] = set()  # alive until their result arrives (Qt must not collect them meanwhile)


class Job(QObject):
    """One piece of work on its thread; `thread` is the worker thread (None when run synchronously)."""

    succeeded = Signal(object)
    errored = Signal(object)
    progressed = Signal(float, str)

    def __init__(self):
        super().__init__()
        self.thread: threading.Thread | None = None


def run_in_background(fn: Callable[..., Any], done: Callable[[Any], None], failed: Callable[[BaseException], None],
                      progress: Callable[[float, str], None] | None = None, name: str = "worker") -> Job:
    """Run `fn()` (or `fn(report)` when `progress` is given, `report(fraction, text)` callable from the worker)."""
    job = Job()
    job.succeeded.connect(lambda result: (_RUNNING.discard(job), done(result)))
    job.errored.connect(lambda error: (_RUNNING.discard(job), failed(error)))
    if progress is not None:
        job.progressed.connect(progress)

    def work() -> None:
        try:
            result = fn(job.progressed.emit) if progress is not None else fn()
        except Exception as exc:  # noqa: BLE001 - every failure reaches `failed`, on the GUI thread
            job.errored.emit(exc)
        else:
            job.succeeded.emit(result)

    _RUNNING.add(job)
    if getattr(_SYNCHRONOUS, "on", False):
        work()
        return job
    job.thread = threading.Thread(target=work, name=name, daemon=True)
    job.thread.start()
    return job


@contextmanager
def synchronous() -> Iterator[None]:
    """The stand-in for tests: background work runs on the calling thread, callbacks before the call returns."""
    before = getattr(_SYNCHRONOUS, "on", False)
    _SYNCHRONOUS.on = True
    try:
        yield
    finally:
        _SYNCHRONOUS.on = before
