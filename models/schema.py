"""Schema state, backup and migration at start-up.

Start-up must stay fast: reading the current revision needs only SQLAlchemy, and the revisions the program knows
are read from the migration files' text. Alembic itself is imported only when an upgrade is really needed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from models import revisions
from models.db import foreign_keys_off, sqlite_path
from models.revisions import MIGRATIONS_DIR


class SchemaState(StrEnum):
    EMPTY = "empty"  # a new database: nothing to back up
    CURRENT = "current"
    BEHIND = "behind"  # older than the program: back up, then upgrade
    AHEAD = "ahead"  # newer than the program: refuse, touch nothing
    FOREIGN = "foreign"  # tables but no Alembic revision: not a Tijian database


class SchemaError(RuntimeError):
    """A database the program must not open; the message is for the user (Chinese)."""


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    current: str | None
    head: str


def known_revisions() -> list[str]:
    """Revisions of MIGRATIONS_DIR, base to head (read from the files' text; see models/revisions.py)."""
    return revisions.known_revisions(MIGRATIONS_DIR)


def _read_state(engine: Engine) -> tuple[list[str], str | None]:
    """Table names and the Alembic revision, without changing the database.

    A SQLite file is read through a read-only connection of its own: the program's engine switches files to WAL on
    connect, which would rewrite the header of a file that is then refused."""
    path = sqlite_path(engine)
    if path is not None:
        if not path.exists():
            return [], None
        # Without a -wal file beside it, everything is in the main file: read it as immutable, which creates no
        # -wal/-shm files either. With one, a plain read-only connection also reads what the WAL holds.
        wal = path.with_name(path.name + "-wal")
        mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                      if not r[0].startswith("sqlite_")]
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone() \
                if "alembic_version" in tables else None
        finally:
            conn.close()
        return tables, row[0] if row else None
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first() \
            if "alembic_version" in tables else None
    return tables, row[0] if row else None


def status(engine: Engine) -> SchemaStatus:
    revisions = known_revisions()
    head = revisions[-1]
    tables, current = _read_state(engine)
    if current is None:
        others = [t for t in tables if t != "alembic_version"]
        return SchemaStatus(SchemaState.FOREIGN if others else SchemaState.EMPTY, None, head)
    if current == head:
        return SchemaStatus(SchemaState.CURRENT, current, head)
    if current in revisions:
        return SchemaStatus(SchemaState.BEHIND, current, head)
    return SchemaStatus(SchemaState.AHEAD, current, head)


def backup_sqlite(engine: Engine, now: datetime | None = None) -> Path | None:
    """Copy the SQLite file (consistently, WAL included) next to itself with a timestamp; return its path."""
    path = sqlite_path(engine)
    if path is None or not path.exists():
        return None
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    n = 1
    while target.exists():  # two upgrades in the same second keep both copies
        n += 1
        target = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn, foreign_keys_off(conn), conn.begin():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def ensure_current(engine: Engine) -> tuple[SchemaStatus, Path | None]:
    """Bring the database to the program's schema: refuse newer or foreign ones, back up then upgrade older ones.

    Returns the status found and the backup made (if any)."""
    st = status(engine)
    if st.state is SchemaState.AHEAD:
        raise SchemaError(
            f"数据库的结构版本（{st.current}）比本程序新（本程序支持到 {st.head}）。"
            "请安装新版本的程序后再打开；数据库未作任何改动。"
        )
    if st.state is SchemaState.FOREIGN:
        raise SchemaError("该数据库已有数据表，但不是本程序创建的数据库；为避免破坏数据，程序未作任何改动。")
    backup = None
    if st.state is SchemaState.BEHIND:
        backup = backup_sqlite(engine)
    if st.state in (SchemaState.EMPTY, SchemaState.BEHIND):
        upgrade(engine)
    return st, backup
