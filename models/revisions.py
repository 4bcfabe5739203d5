"""The migration history as the program knows it, read from the migration files' text (stdlib only: start-up
uses this before SQLAlchemy and Alembic are imported)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_REV_RE = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN_RE = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


@lru_cache(maxsize=4)
def _known(folder: Path) -> tuple[str, ...]:
    parents: dict[str, str | None] = {}
    for f in (folder / "versions").glob("*.py"):
        src = f.read_text(encoding="utf-8")
        rev = _REV_RE.search(src)
        down = _DOWN_RE.search(src)
        if rev:
            parents[rev.group(1)] = down.group(1) if down else None
    children = {p: r for r, p in parents.items()}
    order: list[str] = []
    cur = children.get(None)
    while cur is not None:
        order.append(cur)
        cur = children.get(cur)
    if len(order) != len(parents):
        raise RuntimeError("migration history is not a single line")
    return tuple(order)


def known_revisions(folder: Path = MIGRATIONS_DIR) -> list[str]:
    """Revisions in order from base to head."""
    return list(_known(folder))
