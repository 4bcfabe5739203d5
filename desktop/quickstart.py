"""The registry's first screen straight from the SQLite file, before SQLAlchemy is imported.

Importing SQLAlchemy and mapping the model costs ~0.35 s, more than Qt itself. When the embedded database is
already at the program's schema and the list is in its default order, start-up reads the first rows with the
standard library, paints them, and only then loads the full program (desktop/app.py), which replaces this snapshot
with the live list a moment later. Everything else (a new, older or newer database; PostgreSQL; a saved sort
order) takes the normal path.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models.revisions import known_revisions

ROWS = 60  # more than a 1366×768 screen shows

_QUERY = """
SELECT e.name, e.uscc, coalesce(t.name, ''), coalesce(v.name, ''), e.sector, e.risk_level, e.is_high_risk,
       e.in_park, e.status, e.address, e.legal_rep, e.legal_rep_phone
FROM enterprises AS e
LEFT OUTER JOIN towns AS t ON t.id = e.town_id
LEFT OUTER JOIN villages AS v ON v.id = e.village_id
ORDER BY e.name_sort ASC, e.name ASC, e.id ASC
LIMIT ?
"""


@dataclass(frozen=True)
class Snapshot:
    total: int
    rows: list[tuple]  # in ui.registry_columns.COLUMNS order, raw values


def sqlite_file(url: str) -> Path | None:
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = Path(url[len(prefix):])
    return path if path.name and path.exists() else None


def read(url: str, limit: int = ROWS) -> Snapshot | None:
    """The first rows in name order and the total, or None when the fast path does not apply."""
    path = sqlite_file(url)
    if path is None:
        return None
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"  # as models.schema: creates no files
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        try:
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if version is None or version[0] != known_revisions()[-1]:
                return None
            total = conn.execute("SELECT count(*) FROM enterprises").fetchone()[0]
            rows = conn.execute(_QUERY, (limit,)).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # the normal path will say what is wrong
    return Snapshot(total, rows)
