"""Convert a .docx to PDF with a headless LibreOffice, updating its indexes (table of contents) and fields first.

Run with the system Python that has python3-uno (not the project's venv):

    /usr/bin/python3 tests/lo_convert.py IN.docx OUT.pdf [--timeout SECONDS]
    /usr/bin/python3 tests/lo_convert.py --check     # exit 0 when uno and soffice are usable

Every run starts its own soffice with a throw-away user profile and a unique pipe name (no TCP port, no clash with
another run or a desktop LibreOffice), so runs may follow each other or run side by side. soffice leads a process
group of its own. The UNO work runs in a worker thread; the main thread waits for it until a deadline (--timeout,
default 180 s) or a SIGTERM/SIGINT/SIGHUP, then always stops soffice before it exits: politely (XDesktop.terminate)
when all went well, else, or when soffice does not quit within 20 s, SIGTERM and then SIGKILL to its process group,
until no process of the group is left. The PDF is written to a temporary file and moved into place only on success;
the profile is removed. Exit status 0 (one line on stdout) or 1 (one line on stderr).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError as _exc:  # the venv's Python, or python3-uno not installed
    uno = None
    _UNO_PROBLEM = f"cannot import uno ({_exc}); install python3-uno and run with /usr/bin/python3"

DEFAULT_TIMEOUT = 180.0  # s for the whole conversion; a cold start plus a 30-page document takes a few seconds
SHUTDOWN_GRACE = 20.0  # s soffice gets to exit after XDesktop.terminate before it is signalled
SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)  # answered by stopping soffice and exiting 1
SOFFICE_CANDIDATES = ("soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice")


class ConvertError(Exception):
    """A failed conversion; its message is the one line the script prints."""


def find_soffice() -> str | None:
    for candidate in SOFFICE_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def _props(**values) -> tuple:
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(getattr(exc, "Message", "") or exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


class _Job:
    """The UNO side of one conversion, run in a worker thread; `stage` says where it is for error messages."""

    def __init__(self, proc: subprocess.Popen, connect_url: str, src: Path, pdf: Path, deadline: float):
        self.proc, self.connect_url, self.src, self.pdf, self.deadline = proc, connect_url, src, pdf, deadline
        self.stage = "connecting to soffice"
        self.error: BaseException | None = None
        self.indexes = 0
        self.terminated = False  # XDesktop.terminate was called

    def run(self) -> None:
        # Signals go to the main thread: one taken by a UNO thread (they inherit this mask) would break its call.
        signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
        desktop = None
        try:
            desktop = self._connect()
            self._convert(desktop)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            self.error = exc
        finally:
            if desktop is not None:
                try:
                    desktop.terminate()
                except Exception:  # noqa: BLE001 - the bridge goes down while soffice quits: expected
                    pass
                self.terminated = True
                self.stage = "quitting soffice"

    def _connect(self):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        while True:
            if self.proc.poll() is not None:
                raise ConvertError(f"soffice exited with status {self.proc.returncode} before accepting a connection")
            try:
                ctx = resolver.resolve(self.connect_url)
                break
            except NoConnectException:
                if time.monotonic() > self.deadline:
                    raise ConvertError("soffice did not accept a connection in time") from None
                time.sleep(0.1)
        return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

    def _convert(self, desktop) -> None:
        self.stage = "loading the document"
        doc = desktop.loadComponentFromURL(self.src.as_uri(), "_blank", 0,
                                           _props(Hidden=True, MacroExecutionMode=0, UpdateDocMode=0))
        if doc is None:
            raise ConvertError("LibreOffice could not load the document")
        try:
            self.stage = "updating indexes and fields"
            indexes = doc.getDocumentIndexes()
            self.indexes = indexes.getCount()
            # Twice, as cheap insurance: the first update replaces a one-line placeholder by entries that can push
            # everything after the table of contents to later pages. (LibreOffice 7.4 already gets the page numbers
            # right in one pass, even when the contents grow from one line to four pages; the second costs ~0.1 s.)
            for _ in range(2):
                for i in range(self.indexes):
                    indexes.getByIndex(i).update()
                doc.getTextFields().refresh()
                doc.refresh()
            self.stage = "exporting the PDF"
            doc.storeToURL(self.pdf.as_uri(), _props(FilterName="writer_pdf_Export"))
        finally:
            self.stage = "closing the document"
            try:
                doc.close(True)
            except Exception:  # noqa: BLE001 - a document that will not close is disposed of
                doc.dispose()


def _group_alive(pgid: int) -> bool:
    """Whether a process of the group still runs (zombies waiting for their reaper do not count)."""
    proc_dir = Path("/proc")
    if not proc_dir.is_dir():
        try:
            os.killpg(pgid, 0)
            return True
        except ProcessLookupError:
            return False
    for stat in proc_dir.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":  # fields: state, ppid, pgrp, ...
            return True
    return False


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def _stop_soffice(proc: subprocess.Popen, polite: bool) -> None:
    """Make sure no process of soffice's group is left: wait after a polite terminate, then TERM, then KILL."""
    pgid = proc.pid  # start_new_session: soffice's wrapper leads its own process group
    for sig, wait in ((None, SHUTDOWN_GRACE if polite else 0.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        if sig is not None:
            _signal_group(pgid, sig)
            _signal_group(pgid, signal.SIGCONT)  # a stopped process would hold a SIGTERM until continued
        end = time.monotonic() + wait
        while True:
            if proc.poll() is not None and not _group_alive(pgid):
                return
            if time.monotonic() >= end:
                break
            time.sleep(0.05)
    proc.poll()


_signalled: str | None = None  # the first of SIGNALS received; the handler raises nothing, so no cleanup is cut short


def _on_signal(signum, _frame):
    global _signalled
    _signalled = _signalled or signal.Signals(signum).name


def _wait_for(worker: threading.Thread, deadline: float) -> None:
    """Until the worker is done, the deadline has passed or a signal came (its handler runs between two joins)."""
    while worker.is_alive() and _signalled is None and time.monotonic() < deadline:
        worker.join(min(0.1, max(0.0, deadline - time.monotonic())))


def convert(src: Path, dst: Path, timeout: float = DEFAULT_TIMEOUT) -> tuple[float, int]:
    """Convert `src` to the PDF `dst`; returns (seconds, number of indexes updated). Raises ConvertError."""
    if uno is None:
        raise ConvertError(_UNO_PROBLEM)
    soffice = find_soffice()
    if soffice is None:
        raise ConvertError("soffice not found; install libreoffice-writer")
    if not src.is_file():
        raise ConvertError(f"no such file: {src}")
    started = time.monotonic()
    deadline = started + timeout
    workdir = Path(tempfile.mkdtemp(prefix="lo_convert_"))
    pipe = f"lo_convert_{os.getpid()}_{uuid.uuid4().hex[:12]}"
    proc = job = None
    try:
        with open(workdir / "soffice.log", "wb") as log:
            proc = subprocess.Popen(
                [soffice, f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless", "--invisible",
                 "--nologo", "--norestore", "--nodefault", "--nolockcheck",
                 f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=workdir,
                start_new_session=True)
        # A private copy: LibreOffice puts a lock file '.~lock.NAME#' beside what it opens, and one left by a killed
        # soffice makes every later load of that file fail.
        shutil.copyfile(src, workdir / f"in{src.suffix}")
        job = _Job(proc, f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext", workdir / f"in{src.suffix}",
                   workdir / "out.pdf", deadline)
        worker = threading.Thread(target=job.run, name="uno", daemon=True)
        worker.start()
        _wait_for(worker, deadline)
        if _signalled is not None:
            raise ConvertError(f"interrupted by {_signalled} while {job.stage}")
        if worker.is_alive():
            raise ConvertError(f"timed out after {timeout:g} s while {job.stage}")
        if job.error is not None:
            if isinstance(job.error, ConvertError):
                raise job.error
            raise ConvertError(f"failed while {job.stage}: {_one_line(job.error)}")
        if not (workdir / "out.pdf").is_file():
            raise ConvertError("LibreOffice wrote no PDF")
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(workdir / "out.pdf", dst)
        return time.monotonic() - started, job.indexes
    finally:
        if proc is not None:
            _stop_soffice(proc, polite=job is not None and job.terminated)
        shutil.rmtree(workdir, ignore_errors=True)


def check() -> str | None:
    """None when conversions can run here, else why not."""
    if uno is None:
        return _UNO_PROBLEM
    if find_soffice() is None:
        return "soffice not found; install libreoffice-writer"
    return None


def main(argv: list[str]) -> int:
    for sig in SIGNALS:
        signal.signal(sig, _on_signal)
    timeout = str(DEFAULT_TIMEOUT)
    if len(argv) >= 2 and argv[-2] == "--timeout":
        argv, timeout = argv[:-2], argv[-1]
    try:
        if argv == ["--check"]:
            problem = check()
            if problem:
                raise ConvertError(problem)
            print(f"lo_convert: ready ({find_soffice()})")
            return 0
        if len(argv) != 2 or argv[0].startswith("-") or not timeout.replace(".", "", 1).isdigit():
            raise ConvertError("usage: lo_convert.py IN.docx OUT.pdf [--timeout SECONDS] | --check")
        seconds, indexes = convert(Path(argv[0]), Path(argv[1]), float(timeout))
    except ConvertError as exc:
        print(f"lo_convert: {exc}", file=sys.stderr)
        return 1
    print(f"lo_convert: wrote {argv[1]} ({indexes} index(es) updated) in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
