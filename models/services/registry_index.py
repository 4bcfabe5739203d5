"""An in-memory index of the registry list: what the list filters, sorts and shows, for every enterprise.

Why: a text search must look at every firm (substring of name, USCC, address, pinyin initials), and at 50,000 firms
SQLite needs 15 ms for the scan alone and 50–80 ms when thousands match and must be ordered. The same work on
Python lists takes a few milliseconds, so a keystroke is answered in time at any size, on SQLite and PostgreSQL alike.

Freshness: the index is reloaded when the database changed. Whether it did is asked at most every ``max_age``
seconds (one aggregate query over count, the sum of row versions — every update bumps a version — and the latest
update), and at once after this program's own writes (``invalidate``). Another user's edit therefore shows within
``max_age`` seconds of the next search or filter. No Qt here.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from itertools import compress, repeat
from operator import contains, eq
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from models.entities import Enterprise, Town, Village
from models.enums import EnterpriseStatus, RiskLevel
from models.services.enterprises import SORT_KEYS, EnterpriseFilter, EnterpriseRow

_E = Enterprise.__table__.c
_RISK_RANK = {RiskLevel.RED.value: 0, RiskLevel.ORANGE.value: 1, RiskLevel.YELLOW.value: 2, RiskLevel.BLUE.value: 3}
_STATUS_RANK = {s.value: i for i, s in enumerate(EnterpriseStatus)}

# Positions in a loaded row.
(KEY, NAME, USCC, TOWN, VILLAGE, SECTOR, RISK, HIGH, PARK, STATUS, ADDRESS, REP, PHONE,
 TOWN_ID, VILLAGE_ID, TOWN_ORDER, VILLAGE_ORDER, SEARCH, NAME_SORT) = range(19)


def _load_rows(session: Session) -> list[tuple]:
    t, v = Town.__table__.alias(), Village.__table__.alias()
    q = (
        select(cast(_E.id, String), _E.name, _E.uscc, func.coalesce(t.c.name, ""), func.coalesce(v.c.name, ""),
               _E.sector, _E.risk_level, _E.is_high_risk, _E.in_park, _E.status, _E.address, _E.legal_rep,
               _E.legal_rep_phone, cast(_E.town_id, String), cast(_E.village_id, String), t.c.sort_order,
               v.c.sort_order, _E.search_text, _E.name_sort)
        .select_from(Enterprise.__table__)
        .outerjoin(t, t.c.id == _E.town_id)
        .outerjoin(v, v.c.id == _E.village_id)
    )
    return [tuple(r) for r in session.connection().execute(q)]


def stamp(session: Session) -> tuple:
    """Changes whenever an enterprise is added, removed or updated (updates always bump ``version``).
    Three scalar subqueries, so that each is answered from its own small index."""
    t = Enterprise.__table__
    q = select(select(func.count()).select_from(t).scalar_subquery(),
               select(func.coalesce(func.sum(_E.version), 0)).scalar_subquery(),
               select(func.max(_E.updated_at)).scalar_subquery())
    return tuple(session.connection().execute(q).one())


def _key_text(value: uuid.UUID | None, sample: str | None) -> str | None:
    """A UUID as the database renders it as text (hex on SQLite, dashed on PostgreSQL)."""
    if value is None:
        return None
    return str(value) if sample is None or "-" in sample else value.hex


def _none_first(value: Any) -> tuple[int, Any]:
    return (0, 0) if value is None else (1, value)


_SORT: dict[str, Callable[[tuple], Any]] = {
    "name": lambda r: (r[NAME_SORT], r[NAME]),
    "uscc": lambda r: r[USCC],
    "town": lambda r: (_none_first(r[TOWN_ORDER]), r[TOWN]),
    "village": lambda r: (_none_first(r[VILLAGE_ORDER]), r[VILLAGE]),
    "sector": lambda r: r[SECTOR],
    "risk_level": lambda r: _RISK_RANK.get(r[RISK], 4),
    "is_high_risk": lambda r: bool(r[HIGH]),
    "in_park": lambda r: bool(r[PARK]),
    "status": lambda r: _STATUS_RANK.get(r[STATUS], 9),
    "address": lambda r: r[ADDRESS],
    "legal_rep": lambda r: r[REP],
    "legal_rep_phone": lambda r: r[PHONE],
}
assert set(_SORT) == set(SORT_KEYS)


class RegistryIndex:
    def __init__(self, max_age: float = 2.0) -> None:
        self.max_age = max_age
        self._rows: list[tuple] = []
        self._stamp: tuple | None = None
        self._checked = 0.0
        self._orders: dict[tuple[str, bool], list[int]] = {}
        self._columns: dict[int, list[Any]] = {}

    # ------------------------------------------------------------------ freshness

    def invalidate(self) -> None:
        """Reload on next use (call after this program wrote enterprises)."""
        self._stamp = None
        self._checked = 0.0

    def ensure_fresh(self, session: Session) -> bool:
        """Reload when the database changed since the last load; returns True when it reloaded."""
        now = time.monotonic()
        if self._stamp is not None and now - self._checked < self.max_age:
            return False
        current = stamp(session)
        self._checked = now
        if current == self._stamp:
            return False
        self._rows = _load_rows(session)
        self._orders.clear()
        self._columns.clear()
        self._stamp = current
        return True

    # ------------------------------------------------------------------ queries

    def __len__(self) -> int:
        return len(self._rows)

    def _order(self, sort: str, descending: bool) -> list[int]:
        """Row positions in display order: the sort key, then name and id as in the SQL services."""
        cached = self._orders.get((sort, descending))
        if cached is None:
            rows = self._rows
            base = self._orders.get(("name", False))
            if base is None:  # tie-breakers: name (pinyin, then characters), then id
                ties = [(r[NAME_SORT], r[NAME], r[KEY]) for r in rows]
                base = self._orders[("name", False)] = sorted(range(len(rows)), key=ties.__getitem__)
            if (sort, descending) == ("name", False):
                return base
            key = _SORT[sort]
            values = [key(r) for r in rows]
            # Stable: rows with equal keys keep the name/id order, also when reversed.
            cached = self._orders[(sort, descending)] = sorted(base, key=values.__getitem__, reverse=descending)
        return cached

    def _column(self, position: int) -> list[Any]:
        col = self._columns.get(position)
        if col is None:
            col = self._columns[position] = [r[position] for r in self._rows]
        return col

    def _keep(self, picked: list[int], column: int, test: Callable[[Any, Any], bool], value: Any) -> list[int]:
        """The positions of ``picked`` whose ``test(cell, value)`` holds. Few candidates: look at those only;
        many: one C-level pass over the whole column (map/compress, no Python call per row)."""
        col = self._column(column)
        if len(picked) * 8 < len(col):
            return [i for i in picked if test(col[i], value)]
        mask = list(map(test, col, repeat(value)))
        return list(compress(picked, map(mask.__getitem__, picked)))

    def query(self, flt: EnterpriseFilter, sort: str = "name", descending: bool = False) -> list[int]:
        """Positions of the rows that pass ``flt``, in display order (same rules as services.enterprises).

        Each condition is a mask over one column computed by C-level map/compress, no Python call per row, so a
        keystroke over 50,000 firms costs a few milliseconds."""
        if sort not in _SORT:
            raise ValueError(f"unknown sort key {sort!r}")
        picked = self._order(sort, descending)
        for word in flt.text.lower().split():
            picked = self._keep(picked, SEARCH, contains, word)
        if flt.town_id is not None:
            sample = next(filter(None, self._column(TOWN_ID)), None)
            picked = self._keep(picked, TOWN_ID, eq, _key_text(flt.town_id, sample))
        if flt.village_id is not None:
            sample = next(filter(None, self._column(VILLAGE_ID)), None)
            picked = self._keep(picked, VILLAGE_ID, eq, _key_text(flt.village_id, sample))
        if flt.sector:
            picked = self._keep(picked, SECTOR, eq, flt.sector)
        if flt.risk_level:
            picked = self._keep(picked, RISK, eq, None if flt.risk_level == "none" else flt.risk_level)
        if flt.high_risk is not None:  # stored as 0/1 or bool: both compare equal to the bool
            picked = self._keep(picked, HIGH, eq, flt.high_risk)
        if flt.in_park is not None:
            picked = self._keep(picked, PARK, eq, flt.in_park)
        if flt.status:
            picked = self._keep(picked, STATUS, eq, flt.status)
        return picked if picked is not self._orders.get((sort, descending)) else list(picked)

    def snapshot(self) -> list[tuple]:
        """The rows the positions of the last ``query`` refer to; a reload replaces the list, never changes it, so
        a view that keeps this list stays consistent until it queries again."""
        return self._rows

    def row(self, position: int, snapshot: list[tuple] | None = None) -> EnterpriseRow:
        r = (self._rows if snapshot is None else snapshot)[position]
        return EnterpriseRow(uuid.UUID(r[KEY]), r[NAME], r[USCC], r[TOWN], r[VILLAGE], r[SECTOR], r[RISK],
                             bool(r[HIGH]), bool(r[PARK]), r[STATUS], r[ADDRESS], r[REP], r[PHONE])

    def key(self, position: int, snapshot: list[tuple] | None = None) -> str:
        return (self._rows if snapshot is None else snapshot)[position][KEY]
