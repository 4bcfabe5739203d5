"""The enterprise registry (一企一档): validation, create/update with optimistic locking, search, the archive."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Select, String, case, cast, func, select
from sqlalchemy.orm import Session

from models import uscc as uscc_mod
from models.entities import (
    Enterprise,
    EnterpriseContact,
    EnterpriseLicence,
    EnterpriseStatusChange,
    Town,
    Village,
)
from models.enums import RISK_LABELS, SECTORS, STATUS_LABELS, EnterpriseStatus, RiskLevel
from models.services import audit
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ValidationFailed
from models.services.locking import flush_or_conflict, saved_meanwhile
from models.text import normalize_phone, phone_problem, pinyin_keys, search_key

# Field names as the office reads them (messages, Excel headers, the bad-row report).
FIELD_LABELS: dict[str, str] = {
    "name": "单位名称",
    "uscc": "统一社会信用代码",
    "sector": "行业领域",
    "town_id": "所属镇",
    "village_id": "所属村（社区）",
    "address": "地址",
    "risk_level": "风险等级",
    "is_high_risk": "高危企业",
    "in_park": "园区企业",
    "status": "状态",
    "legal_rep": "法定代表人",
    "legal_rep_phone": "法定代表人电话",
    "safety_manager": "安全负责人",
    "safety_manager_phone": "安全负责人电话",
    "employees": "从业人数",
    "main_products": "主要产品",
    "established_on": "成立日期",
    "notes": "备注",
}


@dataclass
class EnterpriseInput:
    """What a form or an import row supplies for one enterprise."""

    name: str
    uscc: str
    sector: str
    town_id: uuid.UUID | None = None
    village_id: uuid.UUID | None = None
    address: str = ""
    risk_level: str | None = None
    is_high_risk: bool = False
    in_park: bool = False
    status: str = EnterpriseStatus.NORMAL
    legal_rep: str = ""
    legal_rep_phone: str = ""
    safety_manager: str = ""
    safety_manager_phone: str = ""
    employees: int | None = None
    main_products: str = ""
    established_on: date | None = None
    notes: str = ""
    status_reason: str = ""  # kept in the status history when the status changes


_DATA_FIELDS = [f.name for f in fields(EnterpriseInput) if f.name != "status_reason"]


class EnterpriseRow(NamedTuple):
    """One line of the registry list."""

    id: uuid.UUID
    name: str
    uscc: str
    town: str
    village: str
    sector: str
    risk_level: str | None
    is_high_risk: bool
    in_park: bool
    status: str
    address: str
    legal_rep: str
    legal_rep_phone: str


@dataclass
class EnterpriseFilter:
    text: str = ""
    town_id: uuid.UUID | None = None
    village_id: uuid.UUID | None = None
    sector: str | None = None
    risk_level: str | None = None  # a RiskLevel, or "none" for not yet graded
    high_risk: bool | None = None
    in_park: bool | None = None
    status: str | None = None


class LicenceRow(NamedTuple):
    id: uuid.UUID
    kind: str
    number: str
    issuer: str
    valid_from: date | None
    valid_until: date | None
    notes: str


class ContactRow(NamedTuple):
    id: uuid.UUID
    name: str
    role: str
    phone: str
    notes: str


class StatusChangeRow(NamedTuple):
    changed_at: datetime
    old_status: str | None
    new_status: str
    reason: str
    changed_by: str


@dataclass
class EnterpriseArchive:
    """Everything the archive page shows about one enterprise."""

    id: uuid.UUID
    version: int
    data: EnterpriseInput
    town: str
    village: str
    created_at: datetime
    updated_at: datetime
    licences: list[LicenceRow] = field(default_factory=list)
    contacts: list[ContactRow] = field(default_factory=list)
    status_history: list[StatusChangeRow] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------ validation


def clean(data: EnterpriseInput) -> EnterpriseInput:
    """Trimmed copy with the USCC normalised (full-width → ASCII, upper case)."""
    d = replace(data)
    for f in ("name", "address", "sector", "legal_rep", "legal_rep_phone", "safety_manager", "safety_manager_phone",
              "main_products", "notes", "status_reason"):
        setattr(d, f, (getattr(d, f) or "").strip())
    d.uscc = uscc_mod.normalize(d.uscc or "")
    d.legal_rep_phone = normalize_phone(d.legal_rep_phone)
    d.safety_manager_phone = normalize_phone(d.safety_manager_phone)
    if d.risk_level == "":
        d.risk_level = None
    return d


def check_fields(data: EnterpriseInput) -> list[FieldError]:
    """Checks that need no database: required fields, formats, vocabularies."""
    errors: list[FieldError] = []
    if not data.name:
        errors.append(FieldError("name", "单位名称不能为空。"))
    elif len(data.name) > 100:
        errors.append(FieldError("name", f"单位名称过长（{len(data.name)}字，最多100字）。"))
    problem = uscc_mod.problem(data.uscc)
    if problem:
        errors.append(FieldError("uscc", problem))
    if not data.sector:
        errors.append(FieldError("sector", "行业领域不能为空。"))
    elif len(data.sector) > 20:
        errors.append(FieldError("sector", "行业领域过长（最多20字）。"))
    if data.town_id is None:
        errors.append(FieldError("town_id", "请选择所属镇。"))
    if len(data.address) > 200:
        errors.append(FieldError("address", "地址过长（最多200字）。"))
    if data.risk_level is not None and data.risk_level not in RISK_LABELS:
        errors.append(FieldError("risk_level", f"风险等级“{data.risk_level}”无效，应为红、橙、黄、蓝之一。"))
    if data.status not in STATUS_LABELS:
        errors.append(FieldError("status", f"状态“{data.status}”无效。"))
    for f, most in (("legal_rep", 40), ("safety_manager", 40), ("main_products", 200)):
        if len(getattr(data, f)) > most:
            errors.append(FieldError(f, f"{FIELD_LABELS[f]}过长（{len(getattr(data, f))}字，最多{most}字）。"))
    for f in ("legal_rep_phone", "safety_manager_phone"):
        p = phone_problem(getattr(data, f))
        if p:
            errors.append(FieldError(f, f"{FIELD_LABELS[f]}：{p}"))
    if data.employees is not None and not (0 <= data.employees <= 1_000_000):
        errors.append(FieldError("employees", "从业人数应为0或正整数。"))
    if data.established_on is not None and data.established_on > date.today():
        errors.append(FieldError("established_on", "成立日期不能晚于今天。"))
    return errors


def validate(session: Session, data: EnterpriseInput, enterprise_id: uuid.UUID | None = None) -> list[FieldError]:
    """All checks, including those that read the database (duplicate USCC, town/village consistency)."""
    errors = check_fields(data)
    if not any(e.field == "uscc" for e in errors):
        q = select(Enterprise.id, Enterprise.name).where(Enterprise.uscc == data.uscc)
        for other_id, other_name in session.execute(q):
            if other_id != enterprise_id:
                errors.append(FieldError("uscc", f"统一社会信用代码 {data.uscc} 已登记为“{other_name}”，不能重复。"))
    if enterprise_id is not None:
        current = session.get(Enterprise, enterprise_id)
        if current is not None and current.status != data.status and not data.status_reason:
            errors.append(FieldError("status_reason", "变更状态时请填写变更原因。"))
    if data.town_id is not None and session.get(Town, data.town_id) is None:
        errors.append(FieldError("town_id", "所选的镇不存在。"))
    if data.village_id is not None:
        v = session.get(Village, data.village_id)
        if v is None:
            errors.append(FieldError("village_id", "所选的村（社区）不存在。"))
        elif data.town_id is not None and v.town_id != data.town_id:
            errors.append(FieldError("village_id", f"“{v.name}”不属于所选的镇。"))
    return errors


# ------------------------------------------------------------------------------------------------ writes


def _apply(ent: Enterprise, data: EnterpriseInput) -> None:
    for f in _DATA_FIELDS:
        setattr(ent, f, getattr(data, f))
    ent.name_sort, initials = pinyin_keys(data.name)
    ent.search_text = search_key(data.name, data.uscc, data.address, data.legal_rep, initials_of_first=initials)


def create(session: Session, data: EnterpriseInput, actor: str = "", *, validated: bool = False,
           flush: bool = True) -> uuid.UUID:
    """Register a new enterprise; raises ValidationFailed with every problem, writing nothing.

    ``flush=False`` lets a bulk caller (the Excel import) flush many rows at once."""
    data = clean(data)
    if not validated:
        errors = validate(session, data)
        if errors:
            raise ValidationFailed(errors)
    ent = Enterprise(id=uuid.uuid4())
    _apply(ent, data)
    ent.status_changes.append(
        EnterpriseStatusChange(old_status=None, new_status=data.status, reason=data.status_reason or "建档",
                               changed_by=actor)
    )
    session.add(ent)
    audit.record(session, actor, "enterprise", ent.id, "create", name=data.name, uscc=data.uscc)
    if flush:
        session.flush()
    return ent.id


def update(
    session: Session,
    enterprise_id: uuid.UUID,
    data: EnterpriseInput,
    expected_version: int,
    actor: str = "",
    *,
    validated: bool = False,
    flush: bool = True,
) -> int:
    """Save an edit made on the version ``expected_version``; returns the new version (with ``flush=False``, the
    version before the caller's flush).

    Raises ConcurrentEdit (nothing written) when somebody saved the record in between."""
    data = clean(data)
    ent = session.get(Enterprise, enterprise_id)
    if ent is None:
        raise NotFound("该企业档案已不存在（可能已被其他用户删除）。")
    if ent.version != expected_version:
        raise ConcurrentEdit(saved_meanwhile(f"“{ent.name}”的档案", ent.updated_at))
    if not validated:
        errors = validate(session, data, enterprise_id)
        if errors:
            raise ValidationFailed(errors)
    before = {f: getattr(ent, f) for f in _DATA_FIELDS}
    if data.status != ent.status:
        if not data.status_reason:
            raise ValidationFailed([FieldError("status_reason", "变更状态时请填写变更原因。")])
        ent.status_changes.append(
            EnterpriseStatusChange(old_status=ent.status, new_status=data.status, reason=data.status_reason,
                                   changed_by=actor)
        )
    _apply(ent, data)
    changed = {f: [before[f], getattr(ent, f)] for f in _DATA_FIELDS if before[f] != getattr(ent, f)}
    if changed:
        audit.record(session, actor, "enterprise", ent.id, "update", changes=changed)
    if not flush:
        return ent.version
    flush_or_conflict(session, "企业档案")
    return ent.version


# ------------------------------------------------------------------------------------------------ licences, contacts


@dataclass
class LicenceInput:
    kind: str
    number: str = ""
    issuer: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    notes: str = ""


@dataclass
class ContactInput:
    name: str
    role: str = ""
    phone: str = ""
    notes: str = ""


def _too_long(data: object, limits: dict[str, tuple[str, int]]) -> list[FieldError]:
    out = []
    for f, (label, most) in limits.items():
        n = len(getattr(data, f).strip())
        if n > most:
            out.append(FieldError(f, f"{label}过长（{n}字，最多{most}字）。"))
    return out


def save_licence(session: Session, enterprise_id: uuid.UUID, data: LicenceInput,
                 licence_id: uuid.UUID | None = None, actor: str = "") -> uuid.UUID:
    errors = _too_long(data, {"kind": ("证照名称", 40), "number": ("编号", 60), "issuer": ("发证机关", 60)})
    if not data.kind.strip():
        errors.append(FieldError("kind", "证照名称不能为空。"))
    if data.valid_from and data.valid_until and data.valid_until < data.valid_from:
        errors.append(FieldError("valid_until", "有效期止不能早于有效期起。"))
    if errors:
        raise ValidationFailed(errors)
    if session.get(Enterprise, enterprise_id) is None:
        raise NotFound("该企业档案已不存在。")
    lic = session.get(EnterpriseLicence, licence_id) if licence_id else EnterpriseLicence(enterprise_id=enterprise_id)
    if lic is None or lic.enterprise_id != enterprise_id:
        raise NotFound("该证照记录已不存在。")
    values = {k: v.strip() if isinstance(v, str) else v for k, v in asdict(data).items()}
    before = {k: getattr(lic, k) for k in values} if licence_id else None
    for k, v in values.items():
        setattr(lic, k, v)
    session.add(lic)
    session.flush()
    audit.record(session, actor, "enterprise_licence", lic.id, "update" if licence_id else "create",
                 enterprise_id=enterprise_id, values=values, before=before)
    return lic.id


def delete_licence(session: Session, licence_id: uuid.UUID, actor: str = "") -> None:
    lic = session.get(EnterpriseLicence, licence_id)
    if lic is not None:
        audit.record(session, actor, "enterprise_licence", lic.id, "delete", kind=lic.kind, number=lic.number)
        session.delete(lic)
        session.flush()


def save_contact(session: Session, enterprise_id: uuid.UUID, data: ContactInput,
                 contact_id: uuid.UUID | None = None, actor: str = "") -> uuid.UUID:
    data = replace(data, phone=normalize_phone(data.phone))
    errors = _too_long(data, {"name": ("姓名", 40), "role": ("职务", 40)})
    if not data.name.strip():
        errors.append(FieldError("name", "联系人姓名不能为空。"))
    p = phone_problem(data.phone)
    if p:
        errors.append(FieldError("phone", p))
    if errors:
        raise ValidationFailed(errors)
    if session.get(Enterprise, enterprise_id) is None:
        raise NotFound("该企业档案已不存在。")
    c = session.get(EnterpriseContact, contact_id) if contact_id else EnterpriseContact(enterprise_id=enterprise_id)
    if c is None or c.enterprise_id != enterprise_id:
        raise NotFound("该联系人记录已不存在。")
    values = {k: v.strip() for k, v in asdict(data).items()}
    before = {k: getattr(c, k) for k in values} if contact_id else None
    for k, v in values.items():
        setattr(c, k, v)
    session.add(c)
    session.flush()
    audit.record(session, actor, "enterprise_contact", c.id, "update" if contact_id else "create",
                 enterprise_id=enterprise_id, values=values, before=before)
    return c.id


def delete_contact(session: Session, contact_id: uuid.UUID, actor: str = "") -> None:
    c = session.get(EnterpriseContact, contact_id)
    if c is not None:
        audit.record(session, actor, "enterprise_contact", c.id, "delete", name=c.name)
        session.delete(c)
        session.flush()


# ------------------------------------------------------------------------------------------------ reads

# The list queries below use the tables (Core), not the mapped classes: the first ORM query configures every
# mapper of the model (~0.2 s), which start-up need not pay before the registry's first rows are on screen.
_E = Enterprise.__table__.c
_TOWNS = Town.__table__
_VILLAGES = Village.__table__

_RISK_ORDER = case(
    {RiskLevel.RED.value: 0, RiskLevel.ORANGE.value: 1, RiskLevel.YELLOW.value: 2, RiskLevel.BLUE.value: 3},
    value=_E.risk_level,
    else_=4,
)
_STATUS_ORDER = case({s.value: i for i, s in enumerate(EnterpriseStatus)}, value=_E.status, else_=9)

# Sort keys offered to the list view (column → SQL expression); towns/villages sort by their official order.
SORT_KEYS = ("name", "uscc", "town", "village", "sector", "risk_level", "is_high_risk", "in_park", "status",
             "address", "legal_rep", "legal_rep_phone")


def _filtered(q: Select, flt: EnterpriseFilter) -> Select:
    if flt.text.strip():
        for word in flt.text.lower().split():
            q = q.where(_E.search_text.contains(word, autoescape=True))
    if flt.town_id is not None:
        q = q.where(_E.town_id == flt.town_id)
    if flt.village_id is not None:
        q = q.where(_E.village_id == flt.village_id)
    if flt.sector:
        q = q.where(_E.sector == flt.sector)
    if flt.risk_level == "none":
        q = q.where(_E.risk_level.is_(None))
    elif flt.risk_level:
        q = q.where(_E.risk_level == flt.risk_level)
    if flt.high_risk is not None:
        q = q.where(_E.is_high_risk == flt.high_risk)
    if flt.in_park is not None:
        q = q.where(_E.in_park == flt.in_park)
    if flt.status:
        q = q.where(_E.status == flt.status)
    return q


def _ordered(q: Select, sort: str, descending: bool, scanning: bool = False) -> Select:
    """ORDER BY for a sort key. ``scanning``: the rows come from a full scan anyway (a text search), so name
    order is given as an expression, which keeps SQLite from walking the name index and fetching every row at
    random to find a few matches."""
    if sort == "name" and scanning:
        keys = [func.coalesce(_E.name_sort, ""), _E.name]
    elif sort == "town":
        t = _TOWNS.alias()
        q = q.outerjoin(t, t.c.id == _E.town_id)
        keys = [t.c.sort_order, t.c.name]
    elif sort == "village":
        v = _VILLAGES.alias()
        q = q.outerjoin(v, v.c.id == _E.village_id)
        keys = [v.c.sort_order, v.c.name]
    elif sort == "risk_level":
        keys = [_RISK_ORDER]
    elif sort == "status":
        keys = [_STATUS_ORDER]
    elif sort == "name":
        keys = [_E.name_sort, _E.name]  # pinyin order, as the office reads a list
    elif sort in SORT_KEYS:
        keys = [_E[sort]]
    else:
        raise ValueError(f"unknown sort key {sort!r}")
    keys = [k.desc() if descending else k.asc() for k in keys]
    return q.order_by(*keys, _E.name_sort, _E.name, _E.id)


def _from_enterprises(*columns) -> Select:  # type: ignore[no-untyped-def]
    return select(*columns).select_from(Enterprise.__table__)


def find_keys(session: Session, flt: EnterpriseFilter | None = None, sort: str = "name",
              descending: bool = False) -> list[str]:
    """Ids (as text) of the enterprises that pass the filter, in display order.

    Text keys, because turning 50,000 ids into UUID objects costs more than the query; the list view converts only
    the ids it shows (``rows`` accepts text keys)."""
    q = _ordered(_filtered(_from_enterprises(cast(_E.id, String)), flt or EnterpriseFilter()), sort, descending)
    return list(session.connection().execute(q).scalars())


def first_keys(session: Session, flt: EnterpriseFilter | None, sort: str, descending: bool,
               limit: int) -> tuple[list[str], int]:
    """The first ``limit`` keys in display order and the total number that pass the filter.

    A narrow search costs one query; only when more than ``limit`` rows match is the total counted apart, so a
    broad filter on 50,000 firms shows its first screen without fetching or ordering every id."""
    flt = flt or EnterpriseFilter()
    q = _filtered(_from_enterprises(cast(_E.id, String)), flt)
    q = _ordered(q, sort, descending, scanning=bool(flt.text.strip())).limit(limit + 1)
    keys = list(session.connection().execute(q).scalars())
    if len(keys) <= limit:
        return keys, len(keys)
    return keys[:limit], count(session, flt)


def find_ids(session: Session, flt: EnterpriseFilter | None = None, sort: str = "name",
             descending: bool = False) -> list[uuid.UUID]:
    """Ids of the enterprises that pass the filter, in display order."""
    return [uuid.UUID(k) for k in find_keys(session, flt, sort, descending)]


def count(session: Session, flt: EnterpriseFilter | None = None) -> int:
    q = _filtered(_from_enterprises(func.count()), flt or EnterpriseFilter())
    return session.connection().execute(q).scalar() or 0


def rows(session: Session, ids: Sequence[uuid.UUID | str]) -> dict[uuid.UUID, EnterpriseRow]:
    """The list lines for ``ids`` (UUIDs or text keys, any order), keyed by UUID."""
    if not ids:
        return {}
    ids = [i if isinstance(i, uuid.UUID) else uuid.UUID(i) for i in ids]
    t, v = _TOWNS.alias(), _VILLAGES.alias()
    q = (
        select(_E.id, _E.name, _E.uscc, func.coalesce(t.c.name, ""), func.coalesce(v.c.name, ""),
               _E.sector, _E.risk_level, _E.is_high_risk, _E.in_park,
               _E.status, _E.address, _E.legal_rep, _E.legal_rep_phone)
        .select_from(Enterprise.__table__)
        .outerjoin(t, t.c.id == _E.town_id)
        .outerjoin(v, v.c.id == _E.village_id)
    )
    out: dict[uuid.UUID, EnterpriseRow] = {}
    conn = session.connection()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for r in conn.execute(q.where(_E.id.in_(chunk))):
            out[r[0]] = EnterpriseRow(*r)
    return out


def archive(session: Session, enterprise_id: uuid.UUID) -> EnterpriseArchive:
    ent = session.get(Enterprise, enterprise_id)
    if ent is None:
        raise NotFound("该企业档案已不存在（可能已被其他用户删除）。")
    data = EnterpriseInput(**{f: getattr(ent, f) for f in _DATA_FIELDS})
    return EnterpriseArchive(
        id=ent.id,
        version=ent.version,
        data=data,
        town=ent.town.name if ent.town else "",
        village=ent.village.name if ent.village else "",
        created_at=ent.created_at,
        updated_at=ent.updated_at,
        licences=[LicenceRow(x.id, x.kind, x.number, x.issuer, x.valid_from, x.valid_until, x.notes)
                  for x in ent.licences],
        contacts=[ContactRow(x.id, x.name, x.role, x.phone, x.notes) for x in ent.contacts],
        status_history=[StatusChangeRow(x.changed_at, x.old_status, x.new_status, x.reason, x.changed_by)
                        for x in ent.status_changes],
    )


def sectors_in_use(session: Session) -> list[str]:
    """The vocabulary plus any sector found in the data (imports may bring new ones)."""
    used = set(session.connection().execute(select(_E.sector).distinct()).scalars())
    return list(SECTORS) + sorted(used - set(SECTORS))


def uscc_index(session: Session) -> dict[str, tuple[uuid.UUID, int]]:
    """USCC → (id, version) of every enterprise; import uses it to match rows without a query per row."""
    return {u: (i, v) for u, i, v in session.execute(select(Enterprise.uscc, Enterprise.id, Enterprise.version))}


__all__ = [
    "ConcurrentEdit",
    "ContactInput",
    "EnterpriseArchive",
    "EnterpriseFilter",
    "EnterpriseInput",
    "EnterpriseRow",
    "FIELD_LABELS",
    "LicenceInput",
    "ValidationFailed",
    "archive",
    "check_fields",
    "clean",
    "count",
    "create",
    "find_ids",
    "find_keys",
    "first_keys",
    "rows",
    "update",
    "validate",
]
