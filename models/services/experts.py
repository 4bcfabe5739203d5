"""The expert pool (专家库): experts and their fields, recusals (回避), unavailable periods, annual assessment, and
the work file (工作档案) per expert. No Qt; services take a session, never commit, and return plain data.

The pool is small (14 experts in the seed, a few hundred at most), so the list is read whole and filtered by text
in Python: that lets a search match the pinyin initials of a name without a search column in the schema.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session

from models.base import utcnow
from models.entities import (
    Enterprise,
    Expert,
    ExpertAssessment,
    ExpertRecusal,
    ExpertSpecialty,
    Hazard,
    Specialty,
    Unavailability,
    Visit,
    VisitMember,
    VisitStop,
)
from models.enums import PERSON_STATUS_LABELS, PersonStatus, Severity, VisitStatus
from models.services import audit
from models.services import settings as settings_svc
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ValidationFailed
from models.services.locking import flush_or_conflict, saved_meanwhile
from models.text import normalize_phone, phone_problem, pinyin_keys

# Settings a county may change (recusal reasons, look-back years, fee basis and rates) are in
# models.services.settings.DEFAULTS, keys "expert_*".

GRADES: tuple[str, ...] = ("优秀", "称职", "不称职")
GENDERS: tuple[str, ...] = ("", "男", "女")

FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "gender": "性别",
    "phone": "电话",
    "employer": "工作单位",
    "title": "职称",
    "licences": "执业资格",
    "specialty_ids": "专业领域",
    "group_name": "专家组",
    "term_start": "聘期起",
    "term_end": "聘期止",
    "status": "状态",
    "notes": "备注",
}
_LIMITS = {"name": 40, "phone": 20, "employer": 100, "title": 40, "licences": 200, "group_name": 40}


def setting(session: Session, key: str) -> Any:
    """An expert setting (models/services/settings.py: the stored value, else its default)."""
    return settings_svc.get(session, key)


def recusal_reasons(session: Session) -> list[str]:
    return list(setting(session, "expert_recusal_reasons"))


# ================================================================================================ data


@dataclass
class ExpertInput:
    """What the form (or an import row) supplies for one expert."""

    name: str
    gender: str = ""
    phone: str = ""
    employer: str = ""
    title: str = ""
    licences: str = ""  # 注册安全工程师；注册消防工程师 …
    specialty_ids: list[uuid.UUID] = field(default_factory=list)
    group_name: str = ""
    term_start: date | None = None
    term_end: date | None = None
    status: str = PersonStatus.ACTIVE
    notes: str = ""


_COLUMNS = ("name", "gender", "phone", "employer", "title", "licences", "group_name", "term_start", "term_end",
            "status", "notes")


class ExpertRow(NamedTuple):
    """One line of the expert list."""

    id: uuid.UUID
    name: str
    gender: str
    phone: str
    employer: str
    title: str
    licences: str
    specialties: tuple[str, ...]
    group_name: str
    term_start: date | None
    term_end: date | None
    status: str
    version: int


@dataclass
class ExpertFilter:
    text: str = ""  # name, employer, phone, title, licences, pinyin initials of the name
    specialty_id: uuid.UUID | None = None
    status: str | None = None
    group_name: str | None = None


@dataclass
class ExpertRecord:
    """One expert as an edit dialog loads it."""

    id: uuid.UUID
    version: int
    data: ExpertInput
    specialties: list[str]


class SpecialtyRow(NamedTuple):
    id: uuid.UUID
    name: str
    sectors: tuple[str, ...]
    sort_order: int
    experts: int  # how many experts hold the field


@dataclass
class RecusalInput:
    enterprise_id: uuid.UUID | None
    reason: str
    detail: str = ""
    until: date | None = None  # last day the recusal applies; None = open-ended


class RecusalRow(NamedTuple):
    id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise: str
    reason: str
    detail: str
    until: date | None
    active: bool  # on the day asked for (today by default)


@dataclass
class UnavailabilityInput:
    start: date
    end: date
    reason: str = ""


class UnavailabilityRow(NamedTuple):
    id: uuid.UUID
    start: date
    end: date
    reason: str


class AssessmentRow(NamedTuple):
    id: uuid.UUID
    year: int
    grade: str
    remark: str


class WorkVisit(NamedTuple):
    """One done visit in a work file."""

    visit_id: uuid.UUID
    day: date
    kind: str
    part_of_day: str
    firms: str  # names of the firms on the route, joined with "、"
    rating: int | None
    remark: str


class RefusedRow(NamedTuple):
    visit_id: uuid.UUID
    day: date
    kind: str
    remark: str


@dataclass
class WorkFile:
    """工作档案: what an expert did (in ``year``, or ever when year is None)."""

    expert_id: uuid.UUID
    name: str
    year: int | None
    visits: list[WorkVisit]
    visits_done: int
    person_days: float
    hazards_found: int
    major_hazards: int
    ratings: list[int]
    average_rating: float | None
    refused: list[RefusedRow]
    fee_basis: str  # "visit" or "person_day"
    fee_rate: float
    fees_owed: float
    assessments: list[AssessmentRow]

    @property
    def refused_count(self) -> int:
        return len(self.refused)


# ================================================================================================ experts


def clean(data: ExpertInput) -> ExpertInput:
    d = replace(data, specialty_ids=list(dict.fromkeys(data.specialty_ids or [])))
    for f in ("name", "gender", "phone", "employer", "title", "licences", "group_name", "notes"):
        setattr(d, f, (getattr(d, f) or "").strip())
    d.phone = normalize_phone(d.phone)
    return d


def check_fields(data: ExpertInput) -> list[FieldError]:
    """Checks that need no database."""
    errors: list[FieldError] = []
    if not data.name:
        errors.append(FieldError("name", "姓名不能为空。"))
    for f, most in _LIMITS.items():
        n = len(getattr(data, f))
        if n > most:
            errors.append(FieldError(f, f"{FIELD_LABELS[f]}过长（{n}字，最多{most}字）。"))
    if data.gender not in GENDERS:
        errors.append(FieldError("gender", f"性别“{data.gender}”无效，应为男或女。"))
    p = phone_problem(data.phone)
    if p:
        errors.append(FieldError("phone", p))
    if not data.specialty_ids:
        errors.append(FieldError("specialty_ids", "请至少选择一个专业领域。"))
    if data.term_start and data.term_end and data.term_end < data.term_start:
        errors.append(FieldError("term_end", "聘期止不能早于聘期起。"))
    if data.status not in PERSON_STATUS_LABELS:
        errors.append(FieldError("status", f"状态“{data.status}”无效。"))
    return errors


def validate(session: Session, data: ExpertInput) -> list[FieldError]:
    errors = check_fields(data)
    if data.specialty_ids:
        found = set(session.execute(select(Specialty.id).where(Specialty.id.in_(data.specialty_ids))).scalars())
        if len(found) != len(data.specialty_ids):
            errors.append(FieldError("specialty_ids", "所选的专业领域已不存在（可能已被删除），请重新选择。"))
    return errors


def _apply(session: Session, ent: Expert, data: ExpertInput) -> None:
    specs = session.execute(select(Specialty).where(Specialty.id.in_(data.specialty_ids))).scalars().all()
    for f in _COLUMNS:
        setattr(ent, f, getattr(data, f))
    order = {sid: i for i, sid in enumerate(data.specialty_ids)}
    ent.specialties = sorted(specs, key=lambda s: order[s.id])


def create(session: Session, data: ExpertInput, actor: str = "") -> uuid.UUID:
    """Add an expert to the pool; raises ValidationFailed with every problem, writing nothing."""
    data = clean(data)
    errors = validate(session, data)
    if errors:
        raise ValidationFailed(errors)
    ent = Expert(id=uuid.uuid4())
    _apply(session, ent, data)
    session.add(ent)
    audit.record(session, actor, "expert", ent.id, "create", name=data.name,
                 specialties=[s.name for s in ent.specialties])
    session.flush()
    return ent.id


def _locked(session: Session, expert_id: uuid.UUID, expected_version: int) -> Expert:
    ent = session.get(Expert, expert_id)
    if ent is None:
        raise NotFound("该专家已不存在（可能已被其他用户删除）。")
    if ent.version != expected_version:
        raise ConcurrentEdit(saved_meanwhile(f"专家“{ent.name}”的资料", ent.updated_at))
    return ent


def update(session: Session, expert_id: uuid.UUID, data: ExpertInput, expected_version: int,
           actor: str = "") -> int:
    """Save an edit made on version ``expected_version``; returns the new version. ConcurrentEdit (nothing
    written) when somebody saved the expert in between."""
    data = clean(data)
    ent = _locked(session, expert_id, expected_version)
    errors = validate(session, data)
    if errors:
        raise ValidationFailed(errors)
    before = {f: getattr(ent, f) for f in _COLUMNS}
    before_specs = [s.name for s in ent.specialties]
    _apply(session, ent, data)
    changed: dict[str, Any] = {f: [before[f], getattr(ent, f)] for f in _COLUMNS if before[f] != getattr(ent, f)}
    after_specs = [s.name for s in ent.specialties]
    if before_specs != after_specs:
        changed["specialties"] = [before_specs, after_specs]
    if changed:
        # a change of fields only (the secondary table) must bump the version, and be guarded by it, too
        ent.updated_at = utcnow()
        audit.record(session, actor, "expert", ent.id, "update", changes=changed)
    flush_or_conflict(session, "专家的资料")
    return ent.version


def set_status(session: Session, expert_id: uuid.UUID, status: str, expected_version: int, reason: str = "",
               actor: str = "") -> int:
    """在库 / 暂停 / 解聘 with the reason kept in the audit log and appended to the notes; returns the new version."""
    reason = (reason or "").strip()
    if status not in PERSON_STATUS_LABELS:
        raise ValidationFailed([FieldError("status", f"状态“{status}”无效。")])
    ent = _locked(session, expert_id, expected_version)
    if status == ent.status:
        return ent.version
    if status != PersonStatus.ACTIVE and not reason:
        raise ValidationFailed([FieldError("reason", "暂停或解聘时请填写原因。")])
    old = ent.status
    ent.status = status
    line = f"{date.today().isoformat()} {PERSON_STATUS_LABELS[old]}→{PERSON_STATUS_LABELS[status]}" + (
        f"：{reason}" if reason else "")
    ent.notes = f"{ent.notes}\n{line}".strip()
    audit.record(session, actor, "expert", ent.id, "status", old=old, new=status, reason=reason)
    flush_or_conflict(session, "专家的资料")
    return ent.version


def get(session: Session, expert_id: uuid.UUID) -> ExpertRecord:
    ent = session.get(Expert, expert_id)
    if ent is None:
        raise NotFound("该专家已不存在（可能已被其他用户删除）。")
    data = ExpertInput(**{f: getattr(ent, f) for f in _COLUMNS}, specialty_ids=[s.id for s in ent.specialties])
    return ExpertRecord(ent.id, ent.version, data, [s.name for s in ent.specialties])


def _matches(row: ExpertRow, initials: str, words: list[str]) -> bool:
    hay = " ".join((row.name, row.employer, row.phone, row.title, row.licences, row.group_name,
                    " ".join(row.specialties))).lower() + " " + initials
    return all(w in hay for w in words)


def search(session: Session, flt: ExpertFilter | None = None) -> list[ExpertRow]:
    """The experts that pass the filter, in pinyin order of the name."""
    flt = flt or ExpertFilter()
    q = select(Expert)
    if flt.specialty_id is not None:
        q = q.where(Expert.id.in_(select(ExpertSpecialty.expert_id)
                                  .where(ExpertSpecialty.specialty_id == flt.specialty_id)))
    if flt.status:
        q = q.where(Expert.status == flt.status)
    if flt.group_name:
        q = q.where(Expert.group_name == flt.group_name)
    experts = session.execute(q).scalars().all()
    links: dict[uuid.UUID, list[tuple[int, str]]] = {}
    for eid, order, name in session.execute(
            select(ExpertSpecialty.expert_id, Specialty.sort_order, Specialty.name)
            .join(Specialty, Specialty.id == ExpertSpecialty.specialty_id)):
        links.setdefault(eid, []).append((order, name))
    words = flt.text.lower().split()
    out: list[tuple[str, ExpertRow]] = []
    for e in experts:
        row = ExpertRow(e.id, e.name, e.gender, e.phone, e.employer, e.title, e.licences,
                        tuple(n for _, n in sorted(links.get(e.id, []))), e.group_name, e.term_start, e.term_end,
                        e.status, e.version)
        sort, initials = pinyin_keys(e.name)
        if words and not _matches(row, initials, words):
            continue
        out.append((sort, row))
    out.sort(key=lambda x: (x[0], x[1].name, str(x[1].id)))
    return [r for _, r in out]


def groups(session: Session) -> list[str]:
    """Group names in use (专家组), for filters and the form's suggestions."""
    names = session.execute(select(Expert.group_name).where(Expert.group_name != "").distinct()).scalars()
    return sorted(names, key=lambda n: pinyin_keys(n)[0])


# ================================================================================================ specialties


def specialties(session: Session) -> list[SpecialtyRow]:
    counts = dict(session.execute(select(ExpertSpecialty.specialty_id, func.count())
                                  .group_by(ExpertSpecialty.specialty_id)).all())
    rows = session.execute(select(Specialty).order_by(Specialty.sort_order, Specialty.name)).scalars()
    return [SpecialtyRow(s.id, s.name, tuple(s.sectors or ()), s.sort_order, counts.get(s.id, 0)) for s in rows]


def _check_specialty_name(session: Session, name: str, specialty_id: uuid.UUID | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationFailed([FieldError("name", "专业领域名称不能为空。")])
    if len(name) > 40:
        raise ValidationFailed([FieldError("name", f"专业领域名称过长（{len(name)}字，最多40字）。")])
    other = session.execute(select(Specialty.id).where(Specialty.name == name)).scalar()
    if other is not None and other != specialty_id:
        raise ValidationFailed([FieldError("name", f"专业领域“{name}”已存在。")])
    return name


def _clean_sectors(sectors: Iterable[str]) -> list[str]:
    out = list(dict.fromkeys(s.strip() for s in sectors if s and s.strip()))
    long = [s for s in out if len(s) > 20]
    if long:
        raise ValidationFailed([FieldError("sectors", f"行业领域“{long[0]}”过长（最多20字）。")])
    return out


def add_specialty(session: Session, name: str, sectors: Iterable[str] = (), actor: str = "") -> uuid.UUID:
    name = _check_specialty_name(session, name)
    secs = _clean_sectors(sectors)
    last = session.execute(select(func.max(Specialty.sort_order))).scalar()
    spec = Specialty(id=uuid.uuid4(), name=name, sectors=secs, sort_order=(last or 0) + 1)
    session.add(spec)
    audit.record(session, actor, "specialty", spec.id, "create", name=name, sectors=secs)
    session.flush()
    return spec.id


def _specialty(session: Session, specialty_id: uuid.UUID) -> Specialty:
    spec = session.get(Specialty, specialty_id)
    if spec is None:
        raise NotFound("该专业领域已不存在（可能已被其他用户删除）。")
    return spec


def rename_specialty(session: Session, specialty_id: uuid.UUID, name: str, actor: str = "") -> None:
    spec = _specialty(session, specialty_id)
    name = _check_specialty_name(session, name, specialty_id)
    if name != spec.name:
        audit.record(session, actor, "specialty", spec.id, "rename", old=spec.name, new=name)
        spec.name = name
        session.flush()


def set_specialty_sectors(session: Session, specialty_id: uuid.UUID, sectors: Iterable[str], actor: str = "") -> None:
    """The enterprise sectors the field covers (scheduling matches experts to firms through them)."""
    spec = _specialty(session, specialty_id)
    secs = _clean_sectors(sectors)
    if secs != list(spec.sectors or []):
        audit.record(session, actor, "specialty", spec.id, "sectors", old=list(spec.sectors or []), new=secs)
        spec.sectors = secs
        session.flush()


def delete_specialty(session: Session, specialty_id: uuid.UUID, actor: str = "") -> None:
    """Refused (ValidationFailed) while any expert holds the field."""
    spec = _specialty(session, specialty_id)
    n = session.execute(select(func.count()).select_from(ExpertSpecialty)
                        .where(ExpertSpecialty.specialty_id == specialty_id)).scalar() or 0
    if n:
        raise ValidationFailed([FieldError("specialty", f"专业领域“{spec.name}”仍有 {n} 名专家使用，不能删除。"
                                                        "请先在这些专家的资料中取消该领域。")])
    audit.record(session, actor, "specialty", spec.id, "delete", name=spec.name)
    session.delete(spec)
    session.flush()


# ================================================================================================ recusals


def _expert(session: Session, expert_id: uuid.UUID) -> Expert:
    ent = session.get(Expert, expert_id)
    if ent is None:
        raise NotFound("该专家已不存在（可能已被其他用户删除）。")
    return ent


def _is_active(until: date | None, day: date) -> bool:
    return until is None or until >= day


def add_recusal(session: Session, expert_id: uuid.UUID, data: RecusalInput, actor: str = "",
                today: date | None = None) -> uuid.UUID:
    today = today or date.today()
    reason, detail = (data.reason or "").strip(), (data.detail or "").strip()
    errors: list[FieldError] = []
    if data.enterprise_id is None:
        errors.append(FieldError("enterprise_id", "请选择需回避的企业。"))
    elif session.get(Enterprise, data.enterprise_id) is None:
        errors.append(FieldError("enterprise_id", "所选的企业已不存在。"))
    reasons = recusal_reasons(session)
    if not reason:
        errors.append(FieldError("reason", "请选择回避原因。"))
    elif reason not in reasons:
        errors.append(FieldError("reason", f"回避原因“{reason}”不在设置的原因列表中。"))
    elif reason.startswith("其他") and not detail:
        errors.append(FieldError("detail", "选择“其他”原因时请填写具体情况。"))
    if data.until is not None and data.until < today:
        errors.append(FieldError("until", "回避截止日期不能早于今天。"))
    if not errors:
        ent = _expert(session, expert_id)
        dup = session.execute(select(ExpertRecusal).where(
            ExpertRecusal.expert_id == expert_id, ExpertRecusal.enterprise_id == data.enterprise_id,
            or_(ExpertRecusal.until.is_(None), ExpertRecusal.until >= today))).scalars().first()
        if dup is not None:
            firm = session.get(Enterprise, data.enterprise_id)
            errors.append(FieldError("enterprise_id", f"{ent.name}对“{firm.name if firm else ''}”已有有效的回避记录"
                                                      f"（{dup.reason}）。"))
    if errors:
        raise ValidationFailed(errors)
    rec = ExpertRecusal(id=uuid.uuid4(), expert_id=expert_id, enterprise_id=data.enterprise_id, reason=reason,
                        detail=detail, until=data.until)
    session.add(rec)
    audit.record(session, actor, "expert_recusal", rec.id, "create", expert_id=expert_id,
                 enterprise_id=data.enterprise_id, reason=reason, detail=detail, until=data.until)
    session.flush()
    return rec.id


def end_recusal(session: Session, recusal_id: uuid.UUID, day: date | None = None, actor: str = "") -> None:
    """The recusal applies no more after ``day`` (default today): sets ``until``."""
    rec = session.get(ExpertRecusal, recusal_id)
    if rec is None:
        raise NotFound("该回避记录已不存在。")
    day = day or date.today()
    if rec.until is not None and rec.until <= day:
        return
    audit.record(session, actor, "expert_recusal", rec.id, "end", old_until=rec.until, until=day)
    rec.until = day
    session.flush()


def delete_recusal(session: Session, recusal_id: uuid.UUID, actor: str = "") -> None:
    rec = session.get(ExpertRecusal, recusal_id)
    if rec is not None:
        audit.record(session, actor, "expert_recusal", rec.id, "delete", expert_id=rec.expert_id,
                     enterprise_id=rec.enterprise_id, reason=rec.reason, until=rec.until)
        session.delete(rec)
        session.flush()


def recusals(session: Session, expert_id: uuid.UUID, day: date | None = None) -> list[RecusalRow]:
    """All recusals of an expert (active ones first), ``active`` as of ``day`` (default today)."""
    day = day or date.today()
    q = (select(ExpertRecusal, Enterprise.name).join(Enterprise, Enterprise.id == ExpertRecusal.enterprise_id)
         .where(ExpertRecusal.expert_id == expert_id))
    out = [RecusalRow(r.id, r.enterprise_id, name, r.reason, r.detail, r.until, _is_active(r.until, day))
           for r, name in session.execute(q)]
    out.sort(key=lambda r: (not r.active, r.enterprise, r.until or date.max))
    return out


def is_recused(session: Session, expert_id: uuid.UUID, enterprise_id: uuid.UUID, day: date) -> str | None:
    """The reason the expert may not inspect the firm on ``day``, or None."""
    q = (select(ExpertRecusal.reason, ExpertRecusal.detail)
         .where(ExpertRecusal.expert_id == expert_id, ExpertRecusal.enterprise_id == enterprise_id,
                or_(ExpertRecusal.until.is_(None), ExpertRecusal.until >= day))
         .order_by(ExpertRecusal.created_at))
    row = session.execute(q).first()
    if row is None:
        return None
    reason, detail = row
    return f"{reason}（{detail}）" if detail else reason


# ================================================================================================ unavailability


def add_unavailability(session: Session, expert_id: uuid.UUID, data: UnavailabilityInput, actor: str = "") -> uuid.UUID:
    reason = (data.reason or "").strip()
    errors: list[FieldError] = []
    if data.start is None:
        errors.append(FieldError("start", "请填写开始日期。"))
    if data.end is None:
        errors.append(FieldError("end", "请填写结束日期。"))
    if data.start and data.end and data.end < data.start:
        errors.append(FieldError("end", "结束日期不能早于开始日期。"))
    if len(reason) > 100:
        errors.append(FieldError("reason", f"事由过长（{len(reason)}字，最多100字）。"))
    if errors:
        raise ValidationFailed(errors)
    _expert(session, expert_id)
    clash = session.execute(select(Unavailability).where(
        Unavailability.expert_id == expert_id, Unavailability.start <= data.end,
        Unavailability.end >= data.start).order_by(Unavailability.start)).scalars().first()
    if clash is not None:
        raise ValidationFailed([FieldError("start", f"与已登记的不可用时段 {clash.start.isoformat()} 至 "
                                                    f"{clash.end.isoformat()}（{clash.reason or '未注明事由'}）重叠。")])
    u = Unavailability(id=uuid.uuid4(), expert_id=expert_id, start=data.start, end=data.end, reason=reason)
    session.add(u)
    audit.record(session, actor, "unavailability", u.id, "create", expert_id=expert_id, start=data.start,
                 end=data.end, reason=reason)
    session.flush()
    return u.id


def delete_unavailability(session: Session, unavailability_id: uuid.UUID, actor: str = "") -> None:
    u = session.get(Unavailability, unavailability_id)
    if u is not None:
        audit.record(session, actor, "unavailability", u.id, "delete", expert_id=u.expert_id, start=u.start,
                     end=u.end, reason=u.reason)
        session.delete(u)
        session.flush()


def unavailabilities(session: Session, expert_id: uuid.UUID) -> list[UnavailabilityRow]:
    q = select(Unavailability).where(Unavailability.expert_id == expert_id).order_by(Unavailability.start.desc())
    return [UnavailabilityRow(u.id, u.start, u.end, u.reason) for u in session.execute(q).scalars()]


def unavailable_reason(session: Session, expert_id: uuid.UUID, day: date) -> str | None:
    """Why the expert cannot be sent on ``day`` (not in the pool, outside the term, on leave), or None."""
    ent = _expert(session, expert_id)
    if ent.status != PersonStatus.ACTIVE:
        return f"{ent.name}的状态为“{PERSON_STATUS_LABELS.get(ent.status, ent.status)}”。"
    if ent.term_start and day < ent.term_start:
        return f"{ent.name}的聘期自 {ent.term_start.isoformat()} 开始。"
    if ent.term_end and day > ent.term_end:
        return f"{ent.name}的聘期已于 {ent.term_end.isoformat()} 结束。"
    u = session.execute(select(Unavailability).where(
        Unavailability.expert_id == expert_id, Unavailability.start <= day, Unavailability.end >= day)).scalars().first()
    if u is not None:
        return (f"{ent.name}在 {u.start.isoformat()} 至 {u.end.isoformat()} 不可用"
                + (f"（{u.reason}）。" if u.reason else "。"))
    return None


def is_available(session: Session, expert_id: uuid.UUID, day: date) -> bool:
    """In the pool (status 在库), within the term of engagement, and on no leave on ``day``."""
    return unavailable_reason(session, expert_id, day) is None


# ================================================================================================ assessment


def _check_grade(grade: str, remark: str) -> None:
    if grade not in GRADES:
        raise ValidationFailed([FieldError("grade", f"考核等次“{grade}”无效，应为{'、'.join(GRADES)}之一。")])


def add_assessment(session: Session, expert_id: uuid.UUID, year: int, grade: str, remark: str = "",
                   actor: str = "") -> uuid.UUID:
    """The annual grade; one per expert and year (a second for the same year is refused)."""
    _check_grade(grade, remark)
    if not (2000 <= year <= date.today().year + 1):
        raise ValidationFailed([FieldError("year", f"考核年度 {year} 无效。")])
    ent = _expert(session, expert_id)
    existing = session.execute(select(ExpertAssessment).where(ExpertAssessment.expert_id == expert_id,
                                                              ExpertAssessment.year == year)).scalars().first()
    if existing is not None:
        raise ValidationFailed([FieldError("year", f"{ent.name}的 {year} 年度考核已登记为“{existing.grade}”，"
                                                   "每年只能有一个考核等次；如需更改，请修改该记录。")])
    a = ExpertAssessment(id=uuid.uuid4(), expert_id=expert_id, year=year, grade=grade, remark=(remark or "").strip())
    session.add(a)
    audit.record(session, actor, "expert_assessment", a.id, "create", expert_id=expert_id, year=year, grade=grade)
    session.flush()
    return a.id


def update_assessment(session: Session, assessment_id: uuid.UUID, grade: str, remark: str = "",
                      actor: str = "") -> None:
    _check_grade(grade, remark)
    a = session.get(ExpertAssessment, assessment_id)
    if a is None:
        raise NotFound("该考核记录已不存在。")
    audit.record(session, actor, "expert_assessment", a.id, "update", old=[a.grade, a.remark],
                 new=[grade, remark])
    a.grade, a.remark = grade, (remark or "").strip()
    session.flush()


def delete_assessment(session: Session, assessment_id: uuid.UUID, actor: str = "") -> None:
    a = session.get(ExpertAssessment, assessment_id)
    if a is not None:
        audit.record(session, actor, "expert_assessment", a.id, "delete", year=a.year, grade=a.grade)
        session.delete(a)
        session.flush()


def assessments(session: Session, expert_id: uuid.UUID) -> list[AssessmentRow]:
    q = select(ExpertAssessment).where(ExpertAssessment.expert_id == expert_id).order_by(ExpertAssessment.year.desc())
    return [AssessmentRow(a.id, a.year, a.grade, a.remark) for a in session.execute(q).scalars()]


# ================================================================================================ work file

_DAYS = {"am": 0.5, "pm": 0.5}  # anything else (full, or a time span) is one person-day


def _year_range(column: Any, year: int | None) -> Any:
    if year is None:
        return true()
    return and_(column >= date(year, 1, 1), column <= date(year, 12, 31))


def work_file(session: Session, expert_id: uuid.UUID, year: int | None = None) -> WorkFile:
    """Visits done (visits with status 已完成 where the expert was on the team and did not decline), hazards he
    found, ratings, refused assignments, fees owed at the configured rate, and annual grades."""
    ent = _expert(session, expert_id)
    member_q = (select(VisitMember.visit_id, Visit.day, Visit.kind, Visit.part_of_day, VisitMember.rating,
                       VisitMember.remark)
                .join(Visit, Visit.id == VisitMember.visit_id)
                .where(VisitMember.expert_id == expert_id, VisitMember.refused.is_(False),
                       Visit.status == VisitStatus.DONE, _year_range(Visit.day, year))
                .order_by(Visit.day.desc()))
    members = session.execute(member_q).all()
    firms: dict[uuid.UUID, list[str]] = {}
    visit_ids = [m.visit_id for m in members]
    for start in range(0, len(visit_ids), 500):
        chunk = visit_ids[start:start + 500]
        for vid, name in session.execute(select(VisitStop.visit_id, Enterprise.name)
                                         .join(Enterprise, Enterprise.id == VisitStop.enterprise_id)
                                         .where(VisitStop.visit_id.in_(chunk)).order_by(VisitStop.seq)):
            firms.setdefault(vid, []).append(name)
    visits = [WorkVisit(m.visit_id, m.day, m.kind, m.part_of_day, "、".join(firms.get(m.visit_id, [])), m.rating,
                        m.remark) for m in members]
    person_days = sum(_DAYS.get(v.part_of_day, 1.0) for v in visits)
    ratings = [v.rating for v in visits if v.rating is not None]

    hz = session.execute(select(func.count(), func.count().filter(Hazard.severity == Severity.MAJOR))
                         .where(Hazard.found_by_expert_id == expert_id, _year_range(Hazard.found_on, year))).one()
    refused = [RefusedRow(vid, day, kind, remark) for vid, day, kind, remark in session.execute(
        select(VisitMember.visit_id, Visit.day, Visit.kind, VisitMember.remark)
        .join(Visit, Visit.id == VisitMember.visit_id)
        .where(VisitMember.expert_id == expert_id, VisitMember.refused.is_(True), _year_range(Visit.day, year))
        .order_by(Visit.day.desc()))]

    basis = setting(session, "expert_fee_basis")
    if basis == "person_day":
        rate = float(setting(session, "expert_fee_per_person_day"))
        fees = rate * person_days
    else:
        basis = "visit"
        rate = float(setting(session, "expert_fee_per_visit"))
        fees = rate * len(visits)
    grades = [a for a in assessments(session, expert_id) if year is None or a.year == year]
    return WorkFile(
        expert_id=ent.id, name=ent.name, year=year, visits=visits, visits_done=len(visits), person_days=person_days,
        hazards_found=hz[0] or 0, major_hazards=hz[1] or 0, ratings=ratings,
        average_rating=round(sum(ratings) / len(ratings), 2) if ratings else None, refused=refused,
        fee_basis=basis, fee_rate=rate, fees_owed=fees, assessments=grades,
    )


__all__ = [
    "GRADES",
    "AssessmentRow",
    "ExpertFilter",
    "ExpertInput",
    "ExpertRecord",
    "ExpertRow",
    "RecusalInput",
    "RecusalRow",
    "SpecialtyRow",
    "UnavailabilityInput",
    "UnavailabilityRow",
    "WorkFile",
    "WorkVisit",
    "add_assessment",
    "add_recusal",
    "add_specialty",
    "add_unavailability",
    "assessments",
    "check_fields",
    "create",
    "delete_assessment",
    "delete_recusal",
    "delete_specialty",
    "delete_unavailability",
    "end_recusal",
    "get",
    "groups",
    "is_available",
    "is_recused",
    "recusal_reasons",
    "recusals",
    "rename_specialty",
    "search",
    "set_specialty_sectors",
    "set_status",
    "setting",
    "specialties",
    "unavailabilities",
    "unavailable_reason",
    "update",
    "update_assessment",
    "validate",
    "work_file",
]
