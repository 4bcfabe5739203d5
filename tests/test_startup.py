"""Start-up as a user meets it: first run, database choice, refusal of a newer schema, the error dialog."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop import app as app_mod
from desktop.paths import resolve_db_url
from models.db import make_engine
from ui import alerts

ROOT = Path(__file__).resolve().parent.parent


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIJIAN_HOME=str(home))
    env.pop("TIJIAN_DB", None)
    env.update(extra)
    return env


def test_first_run_creates_and_migrates_the_embedded_database(tmp_path):
    home = tmp_path / "home"
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "--quit-when-ready"], cwd=ROOT, env=_env(home),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "READY" in out.stdout and "rows=0" in out.stdout
    db = home / "data" / "tijian.sqlite3"
    assert db.exists()
    with make_engine(f"sqlite:///{db}").connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert (home / "logs" / "tijian.log").read_text(encoding="utf-8").count("created a new database") == 1
    # A second start finds it current: no backup is made for a database that needs no upgrade.
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "--quit-when-ready"], cwd=ROOT, env=_env(home),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and not list((home / "data").glob("*backup*"))


def test_database_url_resolution(monkeypatch, tmp_path):
    monkeypatch.setenv("TIJIAN_HOME", str(tmp_path))
    monkeypatch.delenv("TIJIAN_DB", raising=False)
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'data' / 'tijian.sqlite3'}"
    monkeypatch.setenv("TIJIAN_DB", "postgresql+psycopg://u@127.0.0.1:5432/tj")
    assert resolve_db_url(None) == "postgresql+psycopg://u@127.0.0.1:5432/tj"
    assert resolve_db_url("sqlite:///x.db") == "sqlite:///x.db"  # --db beats TIJIAN_DB
    assert resolve_db_url(str(tmp_path / "office.sqlite3")) == f"sqlite:///{tmp_path / 'office.sqlite3'}"


def test_a_newer_database_is_refused_with_a_message_and_left_untouched(qapp, tmp_path, monkeypatch, sqlite_url):
    monkeypatch.setenv("TIJIAN_HOME", str(tmp_path / "home"))
    engine = make_engine(sqlite_url)
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(alerts, "error", lambda parent, title, msg, details="": shown.append((title, msg)))
    assert app_mod.run_gui(sqlite_url) == 2
    assert shown and "比本程序新" in shown[0][1] and "未作任何改动" in shown[0][1]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not list(path.parent.glob("*backup*"))


def test_uncaught_exception_is_logged_and_shown_once_with_details(qapp, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(alerts, "error", lambda parent, title, msg, details="": shown.append((title, msg, details)))
    old = sys.excepthook
    try:
        app_mod.install_excepthook()
        try:
            raise ValueError("坏数据")
        except ValueError as exc:
            with caplog.at_level(logging.ERROR, logger="tijian"):
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old
    assert len(shown) == 1
    title, msg, details = shown[0]
    assert title == "程序错误" and "坏数据" in msg and "Traceback" in details and "ValueError" in details
    assert "uncaught exception" in caplog.text


@pytest.mark.slow
def test_self_test_command_passes(tmp_path):
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "self-test"], cwd=ROOT, env=_env(tmp_path),
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test passed" in out.stdout and "FAIL" not in out.stdout
