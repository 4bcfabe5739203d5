"""Alembic environment. Runs against the connection handed over by ``models.schema.upgrade`` (or the
``sqlalchemy.url`` of alembic.ini for developers). Batch mode everywhere so SQLite can alter tables."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from models import entities  # noqa: F401  (registers every table on the metadata)
from models.base import Base
from models.db import foreign_keys_off, make_engine

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    # Foreign keys are already OFF on SQLite here: models.schema.upgrade sets that before the transaction begins
    # (inside one SQLite ignores it), so that table rebuilds do not fire ON DELETE CASCADE.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    if connection.dialect.name == "sqlite":
        bad = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
        if bad:
            raise RuntimeError(f"foreign key check failed after migration: {bad[:5]}")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn, foreign_keys_off(conn), conn.begin():
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported")
run_migrations_online()
