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


def template(session: Session, name: str = "通用安全检查表", code_: str = "t-general", n_items: int = 3,
             major: tuple[int, ...] = (), sectors: str = "", deadline_days: int | None = None) -> uuid.UUID:
    """A checklist template with ``n_items`` items (item k is a major-hazard criterion when k is in ``major``)."""
    from models.entities import ChecklistItem, ChecklistTemplate

    t = ChecklistTemplate(code=code_, revision=1, name=name, source="测试", sectors=sectors)
    session.add(t)
    session.flush()
    for k in range(1, n_items + 1):
        session.add(ChecklistItem(
            template_id=t.id, seq=k, section="基础管理" if k <= n_items // 2 else "现场管理",
            text=f"检查项{k}：灭火器配置符合要求", basis=f"GB 50140 第{k}条",
            is_major_criterion=k in major, suggested_measure=f"措施{k}", deadline_days=deadline_days,
            category="消防安全"))
    session.flush()
    return t.id


def visit_with_stop(session: Session, enterprise_id: uuid.UUID, *, kind: str = "inspection_expert",
                    day=None, templates: tuple[uuid.UUID, ...] = (), expert_ids: tuple[uuid.UUID, ...] = (),
                    status: str = "scheduled") -> tuple[uuid.UUID, uuid.UUID]:  # type: ignore[no-untyped-def]
    """(visit id, stop id) of a visit to one firm, written directly, with the given checklists attached."""
    from datetime import date as _date

    from models.entities import Visit, VisitChecklist, VisitMember, VisitStop

    v = Visit(kind=kind, day=day or _date(2026, 6, 10), status=status)
    session.add(v)
    session.flush()
    stop = VisitStop(visit_id=v.id, enterprise_id=enterprise_id, seq=0)
    session.add(stop)
    for tid in templates:
        session.add(VisitChecklist(visit_id=v.id, template_id=tid))
    for eid in expert_ids:
        session.add(VisitMember(visit_id=v.id, role="expert", expert_id=eid))
    session.flush()
    return v.id, stop.id
