"""Engines and sessions for the embedded SQLite file and the shared PostgreSQL server.

One URL chooses the database. SQLite connections get foreign keys, WAL and a busy timeout on every connect.
A session belongs to one user action: ``with session_scope(factory) as s: ...`` commits or rolls back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else make_url(url_or_engine)
    return url.get_backend_name() == "sqlite"


def sqlite_path(url_or_engine: str | Engine) -> Path | None:
    """The file behind a SQLite URL, or None (memory database, other backend)."""
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else make_url(url_or_engine)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # The pysqlite driver opens transactions lazily; let SQLAlchemy emit BEGIN itself so that
    # "BEGIN IMMEDIATE" (used by services that must serialise writers) works.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: every commit (each autosaved field of an inspection) is on disk before the call returns, so a power
    # loss keeps it too; NORMAL would only survive a crash of the program. A commit costs ~1–3 ms more.
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _on_sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    conn.exec_driver_sql("BEGIN")


def is_busy_error(exc: BaseException) -> bool:
    """SQLite refused a write because another connection holds or has changed the database
    (busy timeout exhausted, or a stale read snapshot that cannot become a writer)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text


def make_engine(url: str, **kwargs) -> Engine:  # type: ignore[no-untyped-def]
    """Create an engine for ``url``; for SQLite the parent folder is created if missing."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


@contextmanager
def foreign_keys_off(conn) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """For a migration: SQLite foreign keys off around the whole transaction (table rebuilds must not fire ON DELETE
    CASCADE). SQLite ignores the pragma inside a transaction, so it goes to the raw connection before one begins.
    Other databases: nothing to do."""
    raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
    if raw is not None:
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services return plain data, but a caller may still read loaded attributes
    # after the commit without touching a closed session.
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
