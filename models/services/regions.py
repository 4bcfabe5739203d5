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


def towns(session: Session) -> list[TownRow]:
    return [TownRow(*r) for r in session.execute(select(Town.id, Town.name).order_by(Town.sort_order, Town.name))]


def villages(session: Session, town_id: uuid.UUID | None = None) -> list[VillageRow]:
    q = select(Village.id, Village.town_id, Village.name).order_by(Village.sort_order, Village.name)
    if town_id is not None:
        q = q.where(Village.town_id == town_id)
    return [VillageRow(*r) for r in session.execute(q)]
