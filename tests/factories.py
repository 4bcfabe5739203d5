"""Small builders for test data (real rows through the real services)."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from models import uscc
from models.entities import Town, Village
from models.services.enterprises import EnterpriseInput


def code(n: int, region: str = "430681") -> str:
    """A valid USCC, different for each ``n``."""
    body = f"{n:09d}"
    return uscc.make("91" + region + body)


def town(session: Session, name: str = "归义镇", sort_order: int = 0) -> uuid.UUID:
    t = Town(name=name, sort_order=sort_order)
    session.add(t)
    session.flush()
    return t.id


def village(session: Session, town_id: uuid.UUID, name: str = "上马社区") -> uuid.UUID:
    v = Village(town_id=town_id, name=name, is_community=name.endswith("社区"))
    session.add(v)
    session.flush()
    return v.id


def enterprise_input(town_id: uuid.UUID, n: int = 1, **overrides) -> EnterpriseInput:  # type: ignore[no-untyped-def]
    data = EnterpriseInput(
        name=overrides.pop("name", f"汨罗市测试{n}号化工有限公司"),
        uscc=overrides.pop("uscc", code(n)),
        sector=overrides.pop("sector", "危险化学品"),
        town_id=town_id,
        address=overrides.pop("address", f"归义镇工业园{n}号"),
    )
    for k, v in overrides.items():
        setattr(data, k, v)
    return data
