"""Towns and villages (镇 / 村·社区)."""

from __future__ import annotations

import uuid
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Town, Village


class TownRow(NamedTuple):
    id: uuid.UUID
    name: str


class VillageRow(NamedTuple):
    id: uuid.UUID
    town_id: uuid.UUID
    name: str


# Core queries on the tables: cheap at start-up (no ORM mapper configuration needed).
_T = Town.__table__.c
_V = Village.__table__.c


def towns(session: Session) -> list[TownRow]:
    q = select(_T.id, _T.name).order_by(_T.sort_order, _T.name)
    return [TownRow(*r) for r in session.connection().execute(q)]


def villages(session: Session, town_id: uuid.UUID | None = None) -> list[VillageRow]:
    q = select(_V.id, _V.town_id, _V.name).order_by(_V.sort_order, _V.name)
    if town_id is not None:
        q = q.where(_V.town_id == town_id)
    return [VillageRow(*r) for r in session.connection().execute(q)]
