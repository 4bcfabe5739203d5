"""Shared fixtures: a real SQLite file and a real PostgreSQL database per test, both migrated by Alembic.

PostgreSQL comes from TIJIAN_TEST_PG_URL (``.ci/run`` starts a throwaway cluster and sets it). Without it the
PostgreSQL variants skip with a message on a developer machine, and fail in CI (CI=true).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models import schema  # noqa: E402
from models.db import make_engine, make_session_factory  # noqa: E402

PG_ENV = "TIJIAN_TEST_PG_URL"


def pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {PG_ENV} is not set: .ci/run must start PostgreSQL", pytrace=False)
        return None
    return url


@pytest.fixture(scope="session", autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window geometry and other QSettings go to a temporary folder, never the developer's own config; and
    everything desktop.paths resolves (data, logs, cache) too."""
    from PySide6.QtCore import QSettings

    home = tmp_path_factory.mktemp("home")
    os.environ["TIJIAN_HOME"] = str(home)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))


@pytest.fixture(scope="session", autouse=True)
def _bundled_font(_private_settings: None) -> None:
    """The bundled CJK font, as the program registers it, once QApplication exists (pytest-qt's qapp)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QApplication([])
    from desktop.app import register_font

    register_font()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once per test session; each test gets a copy."""
    path = tmp_path_factory.mktemp("tpl") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    schema.ensure_current(engine)
    with engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str | None]:
    """A PostgreSQL database migrated to head once per session (per xdist worker), used as CREATE DATABASE template."""
    admin = pg_admin_url()
    if admin is None:
        yield None
        return
    name = f"tijian_tpl_{uuid.uuid4().hex[:10]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    schema.ensure_current(engine)
    engine.dispose()
    yield name
    with admin_engine.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin_engine.dispose()


def _fresh_pg(template: str | None) -> Iterator[str]:
    admin = pg_admin_url()
    if admin is None:
        pytest.skip(f"PostgreSQL not available: set {PG_ENV} (e.g. run tools/pg_throwaway.sh) to run this variant")
    name = f"tijian_t_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_engine.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin_engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """URL of a database migrated to head, once on a SQLite file and once on PostgreSQL."""
    if request.param == "sqlite":
        target = tmp_path / "tijian.sqlite3"
        shutil.copyfile(sqlite_template, target)
        yield f"sqlite:///{target}"
    else:
        yield from _fresh_pg(request.getfixturevalue("pg_template"))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty database (no tables), for migration tests."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    else:
        yield from _fresh_pg(None)


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated SQLite file only (GUI tests and others that need not run twice)."""
    target = tmp_path / "tijian.sqlite3"
    shutil.copyfile(sqlite_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def session(factory: sessionmaker[Session]) -> Iterator[Session]:
    s = factory()
    yield s
    s.rollback()
    s.close()
