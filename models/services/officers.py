"""Law-enforcement officers (执法人员) with their enforcement certificates, and safety supervisors (监督员).

Small lists (tens of people): rows are read whole and filtered/sorted in Python; the certificate state is
computed against a given day so tests and the reminder can pin it."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import Officer, Supervisor, Unavailability, Visit, VisitMember
from models.enums import VisitStatus
from models.services import audit
from models.services import settings as settings_svc
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ServiceError, ValidationFailed
from models.services.locking import flush_or_conflict, saved_meanwhile
from models.text import normalize_phone, phone_problem, pinyin_keys

# Settings this module reads; the key belongs in models.services.settings.DEFAULTS (read from there when present).


def setting(session: Session, key: str) -> Any:
    """An officer setting (models/services/settings.py: the stored value, else its default)."""
    return settings_svc.get(session, key)


def warning_days(session: Session) -> int:
    try:
        return max(0, int(setting(session, "officer_certificate_warning_days")))
    except (TypeError, ValueError):
        return settings_svc.DEFAULTS["officer_certificate_warning_days"]


class InUse(ServiceError):
    """The person is on a visit's team and cannot be deleted (deactivate instead)."""


# ------------------------------------------------------------------------------------------------ certificate state

CERT_VALID = "valid"
CERT_EXPIRING = "expiring"
CERT_EXPIRED = "expired"
CERT_MISSING = "missing"
CERT_STATES = (CERT_VALID, CERT_EXPIRING, CERT_EXPIRED, CERT_MISSING)


def certificate_state(certificate_no: str, expiry: date | None, today: date, days: int) -> tuple[str, int | None]:
    """(state, days left) of a certificate on ``today``. The expiry day itself is still valid; "expiring" means it
    runs out within ``days`` days (expiry − today ≤ days)."""
    if not certificate_no or expiry is None:
        return CERT_MISSING, None
    left = (expiry - today).days
    if left < 0:
        return CERT_EXPIRED, left
    if left <= days:
        return CERT_EXPIRING, left
    return CERT_VALID, left


def certificate_label(state: str, days: int) -> str:
    """有效 / 即将到期（30天内） / 已过期 / 未登记."""
    return {
        CERT_VALID: "有效",
        CERT_EXPIRING: f"即将到期（{days}天内）",
        CERT_EXPIRED: "已过期",
        CERT_MISSING: "未登记",
    }[state]


# ------------------------------------------------------------------------------------------------ data


OFFICER_LABELS: dict[str, str] = {
    "name": "姓名",
    "department": "所属部门",
    "certificate_no": "执法证号",
    "certificate_expiry": "执法证有效期至",
    "phone": "联系电话",
}

SUPERVISOR_LABELS: dict[str, str] = {"name": "姓名", "affiliation": "身份/单位", "phone": "联系电话"}


@dataclass
class OfficerInput:
    name: str
    department: str
    certificate_no: str = ""
    certificate_expiry: date | None = None
    phone: str = ""


@dataclass
class SupervisorInput:
    name: str
    affiliation: str = ""
    phone: str = ""


class OfficerRow(NamedTuple):
    id: uuid.UUID
    version: int
    name: str
    department: str
    certificate_no: str
    certificate_expiry: date | None
    phone: str
    active: bool
    cert_state: str  # one of CERT_STATES
    days_left: int | None  # days until expiry (negative: expired)
    cert_label: str  # 有效 / 即将到期（N天内） / 已过期 / 未登记


class SupervisorRow(NamedTuple):
    id: uuid.UUID
    version: int
    name: str
    affiliation: str
    phone: str
    active: bool


@dataclass
class OfficerFilter:
    text: str = ""
    department: str | None = None
    active: bool | None = None
    certificate: str | None = None  # one of CERT_STATES


@dataclass
class SupervisorFilter:
    text: str = ""
    active: bool | None = None


@dataclass
class OfficerRecord:
    id: uuid.UUID
    version: int
    active: bool
    data: OfficerInput


@dataclass
class SupervisorRecord:
    id: uuid.UUID
    version: int
    active: bool
    data: SupervisorInput


# ------------------------------------------------------------------------------------------------ validation

_CERT_RE = re.compile(r"^[0-9A-Z]+$")


def _ascii(text: str) -> str:
    """Full-width letters and digits (Chinese input methods) to ASCII."""
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)


def normalize_certificate(number: str) -> str:
    """Trimmed, full-width → ASCII, spaces dropped, upper case."""
    return "".join(_ascii(number or "").split()).upper()


def clean_officer(data: OfficerInput) -> OfficerInput:
    return replace(data, name=(data.name or "").strip(), department=(data.department or "").strip(),
                   certificate_no=normalize_certificate(data.certificate_no), phone=normalize_phone(data.phone))


def clean_supervisor(data: SupervisorInput) -> SupervisorInput:
    return replace(data, name=(data.name or "").strip(), affiliation=(data.affiliation or "").strip(),
                   phone=normalize_phone(data.phone))


def _length(errors: list[FieldError], field: str, label: str, value: str, most: int) -> None:
    if len(value) > most:
        errors.append(FieldError(field, f"{label}过长（{len(value)}字，最多{most}字）。"))


def check_officer(data: OfficerInput) -> list[FieldError]:
    """Checks that need no database (``data`` cleaned)."""
    errors: list[FieldError] = []
    if not data.name:
        errors.append(FieldError("name", "姓名不能为空。"))
    _length(errors, "name", "姓名", data.name, 40)
    if not data.department:
        errors.append(FieldError("department", "所属部门不能为空。"))
    _length(errors, "department", "所属部门", data.department, 60)
    if data.certificate_no:
        if not _CERT_RE.match(data.certificate_no):
            errors.append(FieldError("certificate_no", f"执法证号“{data.certificate_no}”格式不正确：只能由数字和字母组成。"))
        elif len(data.certificate_no) > 40:
            errors.append(FieldError("certificate_no", f"执法证号过长（{len(data.certificate_no)}位，最多40位）。"))
        if data.certificate_expiry is None:
            errors.append(FieldError("certificate_expiry", "填写了执法证号时，请同时填写有效期。"))
    elif data.certificate_expiry is not None:
        errors.append(FieldError("certificate_no", "填写了有效期时，请同时填写执法证号。"))
    p = phone_problem(data.phone)
    if p:
        errors.append(FieldError("phone", p))
    return errors


def validate_officer(session: Session, data: OfficerInput, officer_id: uuid.UUID | None = None) -> list[FieldError]:
    errors = check_officer(data)
    if data.certificate_no and not any(e.field == "certificate_no" for e in errors):
        q = select(Officer.id, Officer.name, Officer.department).where(Officer.certificate_no == data.certificate_no)
        for other_id, other_name, other_dept in session.execute(q):
            if other_id != officer_id:
                errors.append(FieldError(
                    "certificate_no",
                    f"执法证号 {data.certificate_no} 已登记为“{other_name}”（{other_dept}）的执法证，不能重复。"))
    return errors


def check_supervisor(data: SupervisorInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if not data.name:
        errors.append(FieldError("name", "姓名不能为空。"))
    _length(errors, "name", "姓名", data.name, 40)
    _length(errors, "affiliation", "身份/单位", data.affiliation, 60)
    p = phone_problem(data.phone)
    if p:
        errors.append(FieldError("phone", p))
    return errors


# ------------------------------------------------------------------------------------------------ writes

_OFFICER_FIELDS = ("name", "department", "certificate_no", "certificate_expiry", "phone")
_SUPERVISOR_FIELDS = ("name", "affiliation", "phone")


def create_officer(session: Session, data: OfficerInput, actor: str = "") -> uuid.UUID:
    data = clean_officer(data)
    errors = validate_officer(session, data)
    if errors:
        raise ValidationFailed(errors)
    o = Officer(id=uuid.uuid4(), active=True, **{f: getattr(data, f) for f in _OFFICER_FIELDS})
    session.add(o)
    audit.record(session, actor, "officer", o.id, "create", name=data.name, department=data.department,
                 certificate_no=data.certificate_no)
    session.flush()
    return o.id


def _get_officer(session: Session, officer_id: uuid.UUID) -> Officer:
    o = session.get(Officer, officer_id)
    if o is None:
        raise NotFound("该执法人员已不存在（可能已被其他用户删除）。")
    return o


def _get_supervisor(session: Session, supervisor_id: uuid.UUID) -> Supervisor:
    s = session.get(Supervisor, supervisor_id)
    if s is None:
        raise NotFound("该监督员已不存在（可能已被其他用户删除）。")
    return s


def update_officer(session: Session, officer_id: uuid.UUID, data: OfficerInput, expected_version: int,
                   actor: str = "") -> int:
    """Save an edit made on ``expected_version``; returns the new version. ConcurrentEdit: nothing written."""
    data = clean_officer(data)
    o = _get_officer(session, officer_id)
    if o.version != expected_version:
        raise ConcurrentEdit(saved_meanwhile(f"执法人员“{o.name}”的信息", o.updated_at))
    errors = validate_officer(session, data, officer_id)
    if errors:
        raise ValidationFailed(errors)
    before = {f: getattr(o, f) for f in _OFFICER_FIELDS}
    for f in _OFFICER_FIELDS:
        setattr(o, f, getattr(data, f))
    changed = {f: [before[f], getattr(o, f)] for f in _OFFICER_FIELDS if before[f] != getattr(o, f)}
    if changed:
        audit.record(session, actor, "officer", o.id, "update", changes=changed)
    flush_or_conflict(session, "记录")
    return o.version


def create_supervisor(session: Session, data: SupervisorInput, actor: str = "") -> uuid.UUID:
    data = clean_supervisor(data)
    errors = check_supervisor(data)
    if errors:
        raise ValidationFailed(errors)
    s = Supervisor(id=uuid.uuid4(), active=True, **{f: getattr(data, f) for f in _SUPERVISOR_FIELDS})
    session.add(s)
    audit.record(session, actor, "supervisor", s.id, "create", name=data.name, affiliation=data.affiliation)
    session.flush()
    return s.id


def update_supervisor(session: Session, supervisor_id: uuid.UUID, data: SupervisorInput, expected_version: int,
                      actor: str = "") -> int:
    data = clean_supervisor(data)
    s = _get_supervisor(session, supervisor_id)
    if s.version != expected_version:
        raise ConcurrentEdit(saved_meanwhile(f"监督员“{s.name}”的信息", s.updated_at))
    errors = check_supervisor(data)
    if errors:
        raise ValidationFailed(errors)
    before = {f: getattr(s, f) for f in _SUPERVISOR_FIELDS}
    for f in _SUPERVISOR_FIELDS:
        setattr(s, f, getattr(data, f))
    changed = {f: [before[f], getattr(s, f)] for f in _SUPERVISOR_FIELDS if before[f] != getattr(s, f)}
    if changed:
        audit.record(session, actor, "supervisor", s.id, "update", changes=changed)
    flush_or_conflict(session, "记录")
    return s.version


def _set_active(session: Session, entity: str, row: Officer | Supervisor, active: bool,
                expected_version: int | None, actor: str, what: str) -> int:
    if expected_version is not None and row.version != expected_version:
        raise ConcurrentEdit(saved_meanwhile(f"{what}“{row.name}”的信息", row.updated_at))
    if row.active != active:
        row.active = active
        audit.record(session, actor, entity, row.id, "reactivate" if active else "deactivate", name=row.name)
        flush_or_conflict(session, "记录")
    return row.version


def set_officer_active(session: Session, officer_id: uuid.UUID, active: bool, expected_version: int | None = None,
                       actor: str = "") -> int:
    """停用 / 启用 an officer (records are never deleted once on a visit); returns the new version."""
    return _set_active(session, "officer", _get_officer(session, officer_id), active, expected_version, actor,
                       "执法人员")


def set_supervisor_active(session: Session, supervisor_id: uuid.UUID, active: bool,
                          expected_version: int | None = None, actor: str = "") -> int:
    return _set_active(session, "supervisor", _get_supervisor(session, supervisor_id), active, expected_version,
                       actor, "监督员")


def deactivate_officer(session: Session, officer_id: uuid.UUID, expected_version: int | None = None,
                       actor: str = "") -> int:
    return set_officer_active(session, officer_id, False, expected_version, actor)


def reactivate_officer(session: Session, officer_id: uuid.UUID, expected_version: int | None = None,
                       actor: str = "") -> int:
    return set_officer_active(session, officer_id, True, expected_version, actor)


def deactivate_supervisor(session: Session, supervisor_id: uuid.UUID, expected_version: int | None = None,
                          actor: str = "") -> int:
    return set_supervisor_active(session, supervisor_id, False, expected_version, actor)


def reactivate_supervisor(session: Session, supervisor_id: uuid.UUID, expected_version: int | None = None,
                          actor: str = "") -> int:
    return set_supervisor_active(session, supervisor_id, True, expected_version, actor)


_OPEN_STATUSES = (VisitStatus.PLANNED.value, VisitStatus.SCHEDULED.value, VisitStatus.IN_PROGRESS.value)


def upcoming_visits(session: Session, today: date, *, officer_id: uuid.UUID | None = None,
                    supervisor_id: uuid.UUID | None = None) -> int:
    """Number of visits on or after ``today``, not done or cancelled, with this person on the team (to mention
    when deactivating)."""
    col = VisitMember.officer_id if officer_id is not None else VisitMember.supervisor_id
    q = (select(func.count(func.distinct(Visit.id))).select_from(VisitMember).join(Visit, Visit.id == VisitMember.visit_id)
         .where(col == (officer_id if officer_id is not None else supervisor_id), Visit.day >= today,
                Visit.status.in_(_OPEN_STATUSES)))
    return session.execute(q).scalar() or 0


def delete_officer(session: Session, officer_id: uuid.UUID, actor: str = "") -> None:
    """Delete an officer entered by mistake; refused (InUse) once the officer is on any visit's team."""
    o = _get_officer(session, officer_id)
    n = session.execute(select(func.count()).select_from(VisitMember).where(VisitMember.officer_id == officer_id)
                        ).scalar() or 0
    if n:
        raise InUse(f"“{o.name}”已参加{n}次检查，不能删除；如不再参加，请将其停用。")
    audit.record(session, actor, "officer", o.id, "delete", name=o.name, certificate_no=o.certificate_no)
    session.delete(o)
    session.flush()


def delete_supervisor(session: Session, supervisor_id: uuid.UUID, actor: str = "") -> None:
    s = _get_supervisor(session, supervisor_id)
    n = session.execute(select(func.count()).select_from(VisitMember)
                        .where(VisitMember.supervisor_id == supervisor_id)).scalar() or 0
    if n:
        raise InUse(f"“{s.name}”已参加{n}次检查，不能删除；如不再参加，请将其停用。")
    audit.record(session, actor, "supervisor", s.id, "delete", name=s.name)
    session.delete(s)
    session.flush()


# ------------------------------------------------------------------------------------------------ reads


def officer(session: Session, officer_id: uuid.UUID) -> OfficerRecord:
    o = _get_officer(session, officer_id)
    return OfficerRecord(o.id, o.version, o.active, OfficerInput(**{f: getattr(o, f) for f in _OFFICER_FIELDS}))


def supervisor(session: Session, supervisor_id: uuid.UUID) -> SupervisorRecord:
    s = _get_supervisor(session, supervisor_id)
    return SupervisorRecord(s.id, s.version, s.active,
                            SupervisorInput(**{f: getattr(s, f) for f in _SUPERVISOR_FIELDS}))


_O = Officer.__table__.c
_S = Supervisor.__table__.c


def _matches(text: str, *parts: str) -> bool:
    words = text.lower().split()
    if not words:
        return True
    hay = " | ".join(p.lower() for p in parts if p)
    return all(w in hay for w in words)


def officers(session: Session, flt: OfficerFilter | None = None, today: date | None = None,
             days: int | None = None) -> list[OfficerRow]:
    """Officers passing the filter, in pinyin order of the name; ``days`` defaults to the warning setting."""
    flt = flt or OfficerFilter()
    today = today or date.today()
    days = warning_days(session) if days is None else days
    q = select(_O.id, _O.version, _O.name, _O.department, _O.certificate_no, _O.certificate_expiry, _O.phone,
               _O.active)
    if flt.department:
        q = q.where(_O.department == flt.department)
    if flt.active is not None:
        q = q.where(_O.active == flt.active)
    out = []
    for r in session.connection().execute(q):
        state, left = certificate_state(r.certificate_no, r.certificate_expiry, today, days)
        if flt.certificate and state != flt.certificate:
            continue
        sort, initials = pinyin_keys(r.name)
        if not _matches(flt.text, r.name, r.department, r.certificate_no, r.phone, initials):
            continue
        out.append((sort, OfficerRow(r.id, r.version, r.name, r.department, r.certificate_no, r.certificate_expiry,
                                     r.phone, r.active, state, left, certificate_label(state, days))))
    out.sort(key=lambda x: (x[0], x[1].name, str(x[1].id)))
    return [row for _, row in out]


def supervisors(session: Session, flt: SupervisorFilter | None = None) -> list[SupervisorRow]:
    flt = flt or SupervisorFilter()
    q = select(_S.id, _S.version, _S.name, _S.affiliation, _S.phone, _S.active)
    if flt.active is not None:
        q = q.where(_S.active == flt.active)
    out = []
    for r in session.connection().execute(q):
        sort, initials = pinyin_keys(r.name)
        if _matches(flt.text, r.name, r.affiliation, r.phone, initials):
            out.append((sort, SupervisorRow(*r)))
    out.sort(key=lambda x: (x[0], x[1].name, str(x[1].id)))
    return [row for _, row in out]


def departments_in_use(session: Session) -> list[str]:
    rows = session.connection().execute(select(_O.department).distinct()).scalars()
    return sorted((d for d in rows if d), key=lambda d: pinyin_keys(d)[0])


def expiring_certificates(session: Session, today: date, days: int) -> list[OfficerRow]:
    """Active officers whose certificate runs out within ``days`` days of ``today`` (expiry day included), soonest
    first: the reminder's list."""
    rows = officers(session, OfficerFilter(active=True, certificate=CERT_EXPIRING), today, days)
    return sorted(rows, key=lambda r: (r.certificate_expiry, r.name))


def expired_certificates(session: Session, today: date) -> list[OfficerRow]:
    """Active officers whose certificate has run out before ``today``."""
    rows = officers(session, OfficerFilter(active=True, certificate=CERT_EXPIRED), today, 0)
    return sorted(rows, key=lambda r: (r.certificate_expiry, r.name))


def valid_for_enforcement(session: Session, officer_id: uuid.UUID, day: date) -> str | None:
    """None when the officer may take part in enforcement on ``day``; else the reason, in Chinese, naming him."""
    o = session.get(Officer, officer_id)
    if o is None:
        return "该执法人员已不存在。"
    if not o.active:
        return f"执法人员“{o.name}”已停用。"
    if not o.certificate_no or o.certificate_expiry is None:
        return f"执法人员“{o.name}”未登记执法证。"
    if o.certificate_expiry < day:
        return f"执法人员“{o.name}”的执法证已于{o.certificate_expiry.isoformat()}到期，{day.isoformat()}不能执法。"
    leave = session.execute(
        select(Unavailability.start, Unavailability.end, Unavailability.reason)
        .where(Unavailability.officer_id == officer_id, Unavailability.start <= day, Unavailability.end >= day)
        .order_by(Unavailability.start).limit(1)).first()
    if leave is not None:
        reason = f"（{leave.reason}）" if leave.reason else ""
        return f"执法人员“{o.name}”{leave.start.isoformat()}至{leave.end.isoformat()}请假{reason}，不能参加。"
    return None


# ------------------------------------------------------------------------------------------------ leave


@dataclass
class LeaveInput:
    start: date | None
    end: date | None
    reason: str = ""


class LeaveRow(NamedTuple):
    id: uuid.UUID
    start: date
    end: date
    reason: str


def leaves(session: Session, officer_id: uuid.UUID) -> list[LeaveRow]:
    q = (select(Unavailability.id, Unavailability.start, Unavailability.end, Unavailability.reason)
         .where(Unavailability.officer_id == officer_id).order_by(Unavailability.start))
    return [LeaveRow(*r) for r in session.execute(q)]


def add_leave(session: Session, officer_id: uuid.UUID, data: LeaveInput, actor: str = "") -> uuid.UUID:
    """A leave or unavailable period (start and end included); refused if it overlaps another of the officer's."""
    reason = (data.reason or "").strip()
    errors: list[FieldError] = []
    if data.start is None:
        errors.append(FieldError("start", "请填写开始日期。"))
    if data.end is None:
        errors.append(FieldError("end", "请填写结束日期。"))
    if data.start and data.end and data.end < data.start:
        errors.append(FieldError("end", "结束日期不能早于开始日期。"))
    _length(errors, "reason", "事由", reason, 100)
    if errors:
        raise ValidationFailed(errors)
    o = _get_officer(session, officer_id)
    clash = session.execute(
        select(Unavailability.start, Unavailability.end)
        .where(Unavailability.officer_id == officer_id, Unavailability.start <= data.end,
               Unavailability.end >= data.start).order_by(Unavailability.start).limit(1)).first()
    if clash is not None:
        raise ValidationFailed([FieldError(
            "start", f"与“{o.name}”已登记的请假（{clash.start.isoformat()}至{clash.end.isoformat()}）时间重叠。")])
    u = Unavailability(id=uuid.uuid4(), officer_id=officer_id, start=data.start, end=data.end, reason=reason)
    session.add(u)
    audit.record(session, actor, "unavailability", u.id, "create", officer_id=officer_id, start=data.start,
                 end=data.end, reason=reason)
    session.flush()
    return u.id


def delete_leave(session: Session, leave_id: uuid.UUID, actor: str = "") -> None:
    u = session.get(Unavailability, leave_id)
    if u is None or u.officer_id is None:
        raise NotFound("该请假记录已不存在。")
    audit.record(session, actor, "unavailability", u.id, "delete", officer_id=u.officer_id, start=u.start,
                 end=u.end)
    session.delete(u)
    session.flush()


__all__ = [
    "CERT_EXPIRED",
    "CERT_EXPIRING",
    "CERT_MISSING",
    "CERT_STATES",
    "CERT_VALID",
    "InUse",
    "LeaveInput",
    "LeaveRow",
    "OfficerFilter",
    "OfficerInput",
    "OfficerRecord",
    "OfficerRow",
    "SupervisorFilter",
    "SupervisorInput",
    "SupervisorRecord",
    "SupervisorRow",
    "add_leave",
    "certificate_label",
    "certificate_state",
    "create_officer",
    "create_supervisor",
    "deactivate_officer",
    "deactivate_supervisor",
    "delete_leave",
    "delete_officer",
    "delete_supervisor",
    "departments_in_use",
    "expired_certificates",
    "expiring_certificates",
    "leaves",
    "officer",
    "officers",
    "reactivate_officer",
    "reactivate_supervisor",
    "set_officer_active",
    "set_supervisor_active",
    "supervisor",
    "supervisors",
    "update_officer",
    "update_supervisor",
    "upcoming_visits",
    "valid_for_enforcement",
    "warning_days",
]
