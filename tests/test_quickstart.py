"""The fast first paint: the registry's first rows read from the SQLite file before the database layer loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from sqlalchemy import text

from desktop import quickstart
from models.db import make_engine
from models.services import demo
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.registry_page import RegistryPage
from ui.snapshot_page import SnapshotPage

ROOT = Path(__file__).resolve().parent.parent


def test_snapshot_only_for_a_current_sqlite_file(sqlite_url, tmp_path):
    assert quickstart.read("postgresql+psycopg://u@127.0.0.1/x") is None
    assert quickstart.read(f"sqlite:///{tmp_path / 'missing.sqlite3'}") is None
    snap = quickstart.read(sqlite_url)
    assert snap is not None and snap.total == 0 and snap.rows == []
    engine = make_engine(sqlite_url)
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    engine.dispose()
    assert quickstart.read(sqlite_url) is None  # an upgrade is due: the normal path backs up and migrates


def test_snapshot_shows_exactly_the_rows_of_the_live_list(sqlite_url, qtbot, tmp_path):
    ctx = AppContext.open(sqlite_url)
    demo.generate(ctx.factory, "seed", 3)
    snap = quickstart.read(sqlite_url)
    assert snap is not None and snap.total == 4027 and len(snap.rows) == quickstart.ROWS
    settings = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    w = MainWindow(None, settings, snap)
    qtbot.addWidget(w)
    w.show()
    page = w.stack.currentWidget()
    assert isinstance(page, SnapshotPage) and not w.ready
    assert "4027" in page.count_label.text()
    shown = page.texts(40)
    w.attach(ctx)
    live = w.stack.currentWidget()
    assert isinstance(live, RegistryPage) and w.ready
    m = live.list.model
    assert [tuple(m.data(m.index(r, c)) for c in range(m.columnCount())) for r in range(40)] == shown
    ctx.engine.dispose()


def test_second_start_paints_first_rows_then_goes_live(tmp_path, sqlite_url):
    ctx = AppContext.open(sqlite_url)
    demo.generate(ctx.factory, "seed", 0)
    ctx.engine.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIJIAN_HOME=str(tmp_path / "home"))
    cmd = [sys.executable, "-m", "desktop.cli", "--quit-when-ready", "--db", sqlite_url]
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    stages = [(line.split()[0], line.split()[-1]) for line in out.stdout.splitlines()]
    assert stages == [("READY", "via=snapshot"), ("INTERACTIVE", "via=live")] and "rows=4027" in out.stdout
    # A user who sorted the list another way gets the normal path (the snapshot knows only the default order).
    ini = tmp_path / "home" / "config" / "Tijian" / "Tijian.ini"
    s = QSettings(str(ini), QSettings.Format.IniFormat)
    s.setValue("registry/sort", "town:desc")
    s.sync()
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    stages = [(line.split()[0], line.split()[-1]) for line in out.stdout.splitlines()]
    assert stages == [("READY", "via=live"), ("INTERACTIVE", "via=live")]
