"""kill -9 at random moments: no acknowledged quote lost, the database opens and passes its checks.

CI runs a few rounds; the full run is `GGSR_KILL_ROUNDS=200 pytest tests/test_kill.py` (see docs/storage.md).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from ggsr_desktop.store.database import open_database
from tests.conftest import PASSPHRASE
from tests.storage_helpers import first_interview, make_encrypted, quote_ids

ROOT = Path(__file__).parent.parent
ROUNDS = int(os.environ.get("GGSR_KILL_ROUNDS", "12"))

SAVER = """
import sys
from ggsr_desktop.store.database import open_database
from tests.storage_helpers import first_interview
store = open_database(sys.argv[1], sys.argv[2])
interview = first_interview(store)
n = 0
while True:
    n += 1
    quote = store.add_quote(interview, f"Citaat {n} dat er na een harde stop nog moet zijn.")
    print(quote.id, flush=True)  # acknowledged: add_quote returned
"""


def _collect(stream, into: list[str]) -> None:
    into.extend(stream)


def test_no_acknowledged_quote_is_lost_under_kill_9(tmp_path):
    db = tmp_path / "s.sqlite"
    expected = set(make_encrypted(db, 3))
    rng = random.Random(int(os.environ.get("GGSR_KILL_SEED", "4")))
    killed_with_progress = 0
    for _ in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(db), PASSPHRASE], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines: list[str] = []
        reader = threading.Thread(target=_collect, args=(child.stdout, lines))
        reader.start()
        if rng.random() < 0.25:  # a quarter of the kills land anywhere, also during open and the backup on open
            time.sleep(rng.uniform(0.0, 2.0))
        else:  # the rest while the save loop runs
            deadline = time.monotonic() + 20
            while not lines and time.monotonic() < deadline and child.poll() is None:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join()
        acknowledged = {int(line) for line in lines if line.strip().isdigit()}
        killed_with_progress += bool(acknowledged)
        expected |= acknowledged
        with open_database(db, PASSPHRASE, keep_backups=False) as store:  # runs the quick check on open
            stored = {q.id for q in store.list_quotes(first_interview(store))}
            assert expected - stored == set(), "acknowledged quotes lost"
            assert store.check() == []  # integrity, foreign keys and the FTS index
            expected = stored  # unacknowledged-but-committed quotes are fine; keep them as the new floor
    assert killed_with_progress >= ROUNDS // 2  # most kills hit a running save loop, not only start-up


IMPORTER = [sys.executable, "-m", "ggsr_desktop", "import", "--db"]


def test_import_is_all_or_nothing_under_kill_9(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 2)
    sample = ROOT / "tests" / "data" / "import_sample.json"
    env = {**os.environ, "GGSR_PASSPHRASE": PASSPHRASE}
    full = subprocess.run([*IMPORTER, str(tmp_path / "ref.sqlite"), str(sample), "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    per_import = __import__("json").loads(full.stdout)["quotes"]
    started = time.monotonic()
    subprocess.run([*IMPORTER, str(tmp_path / "timing.sqlite"), str(sample)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    duration = time.monotonic() - started
    rng = random.Random(7)
    seen = set()
    for _ in range(max(3, ROUNDS // 3)):
        child = subprocess.Popen([*IMPORTER, str(db), str(sample)], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, duration * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        with open_database(db, PASSPHRASE, keep_backups=False) as store:
            assert store.check() == []
            counts = store.counts()
        assert (counts["quotes"] - 2) % per_import == 0, counts  # whole imports only
        seen.add(counts["quotes"])
    assert quote_ids(db)
