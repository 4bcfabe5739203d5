"""Autosave against a killed process: a real program records on a real SQLite file, is killed with SIGKILL one
second after the last keystroke, and the file is reopened — nothing typed more than a second before is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.db import make_engine, make_session_factory, session_scope
from models.enums import Outcome
from models.services import enterprises
from models.services import inspection as svc
from tests import factories as f

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_a_killed_program_loses_nothing_older_than_a_second(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        firm = enterprises.create(s, f.enterprise_input(f.town(s), 1))
        tid = f.template(s, n_items=3)
        _vid, stop = f.visit_with_stop(s, firm, templates=(tid,))
    engine.dispose()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-m", "tests.autosave_child", sqlite_url, str(stop)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "TYPED", child.stderr.read() if child.stderr else line
        time.sleep(1.0)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    engine = make_engine(sqlite_url)  # reopening runs SQLite's WAL recovery
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with session_scope(make_session_factory(engine)) as s:
            data = svc.open_inspection(s, stop)
        assert [i.outcome for i in data.items] == [Outcome.FAIL, Outcome.PASS, None]
        assert data.items[1].note == "现场灭火器 3 具，其中 1 具压力不足"
        (hazard,) = data.hazards
        assert hazard.location == "二号仓库"
    finally:
        engine.dispose()
