"""Scheduling (检查排期): the rules a visit's team must meet, create/edit/move/cancel with optimistic locking and a
history, ratings and refusals, calendar queries, and the expert recommendation. No Qt.

Rules (``check``). Each finding names the rule and the person, in Chinese; ``code`` is stable:

- blocks (never overridden):
  ``officer_count``  an enforcement visit (执法+专家) needs ≥ 2 officers valid for enforcement on the day;
  ``officer_invalid`` an officer on an enforcement visit without a valid certificate, or deactivated;
  ``expert_required`` an expert visit (检查+专家, 执法+专家, 樟脑油准入检查) without any expert;
  ``field``          an expert visit where no expert's field (Specialty.sectors) covers a firm's sector;
  ``double_booked``  a person on another non-cancelled visit the same day whose half-day (or time span) overlaps;
  ``unavailable``    a person on leave, an expert not 在库 or outside the term, a deactivated supervisor;
  ``recused``        an expert recused (回避) from a firm on the route.
- warnings (overridable with a reason, kept in ``VisitMember.override_reason`` of the person concerned):
  ``same_firm``      the same expert at the same firm within N months (before or after; any non-cancelled visit);
  ``monthly_load``   more than M visits for one expert in the calendar month.

Refused assignments (``mark_refused``) stay on the visit as members with ``refused`` set; they count for nothing.

Recommendation (``recommend``): every expert of the pool gets a score

    score = field × W_field + rotation × W_rotation − visits_this_month × W_workload + min(town_visits, 5) × W_town

with field ∈ {0, 1} (one of his fields covers the firm's sector), rotation ∈ [0, 1] (1 when he never visited the
firm, else the nearest visit's distance in days / (N months), capped at 1) and town_visits the done visits to firms
of the firm's town in the last T months. Available experts come first, by score (ties: name); experts who cannot go (recused, on leave,
not 在库, outside the term, double-booked) are listed after them with ``blocked`` giving the reason, unless
``include_blocked=False``. ``limit`` applies to the whole list. Ten small queries whatever the pool's size
(the visit ones grouped per expert), none per expert: ~25–35 ms on SQLite and PostgreSQL with 200 experts and
20,000 past visits, most of it the town count.
"""

from __future__ import annotations

import re
import uuid
from calendar import monthrange
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.entities import (
    AuditEntry,
    ChecklistTemplate,
    Enterprise,
    Expert,
    ExpertRecusal,
    ExpertSpecialty,
    Officer,
    Specialty,
    Supervisor,
    Unavailability,
    Visit,
    VisitChecklist,
    VisitMember,
    VisitStop,
)
from models.enums import (
    PERSON_STATUS_LABELS,
    VISIT_KIND_LABELS,
    VISIT_STATUS_LABELS,
    MemberRole,
    PersonStatus,
    VisitKind,
    VisitStatus,
)
from models.services import audit
from models.services import experts as experts_svc
from models.services import officers as officers_svc
from models.services import settings as settings_svc
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ServiceError, ValidationFailed
from models.services.locking import flush_or_conflict, saved_meanwhile

# Settings this module reads (N, M, the recommendation weights) are in models.services.settings.DEFAULTS,
# keys "schedule_*".

EXPERT_KINDS = frozenset({VisitKind.INSPECTION_EXPERT, VisitKind.ENFORCEMENT_EXPERT, VisitKind.CAMPHOR_ENTRY})
ENFORCEMENT_KINDS = frozenset({VisitKind.ENFORCEMENT_EXPERT})
PARTS = ("am", "pm", "full")
PART_LABELS: dict[str, str] = {"am": "上午", "pm": "下午", "full": "全天"}
ROLE_LABELS: dict[str, str] = {MemberRole.OFFICER: "执法人员", MemberRole.EXPERT: "专家", MemberRole.OBSERVER: "监督员"}

RULE_LABELS: dict[str, str] = {
    "officer_count": "执法人数",
    "officer_invalid": "执法资格",
    "expert_required": "专家参加",
    "field": "专业对口",
    "double_booked": "重复安排",
    "unavailable": "人员不可用",
    "recused": "回避",
    "same_firm": "同一企业轮换",
    "monthly_load": "月度工作量",
}
WARNING_CODES = frozenset({"same_firm", "monthly_load"})

# Forward steps; cancelling goes through cancel_visit (needs a reason).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    VisitStatus.PLANNED: (VisitStatus.SCHEDULED,),
    VisitStatus.SCHEDULED: (VisitStatus.PLANNED, VisitStatus.IN_PROGRESS),
    VisitStatus.IN_PROGRESS: (VisitStatus.DONE,),
    VisitStatus.DONE: (),
    VisitStatus.CANCELLED: (),
}
_OPEN = (VisitStatus.PLANNED.value, VisitStatus.SCHEDULED.value)
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def setting(session: Session, key: str) -> Any:
    return settings_svc.get(session, key)


def _int_setting(session: Session, key: str) -> int:
    try:
        return int(setting(session, key))
    except (TypeError, ValueError):
        return int(settings_svc.DEFAULTS[key])


def _float_setting(session: Session, key: str) -> float:
    try:
        return float(setting(session, key))
    except (TypeError, ValueError):
        return float(settings_svc.DEFAULTS[key])


# ================================================================================================ data


@dataclass
class VisitInput:
    kind: str
    day: date
    part_of_day: str = "full"  # am / pm / full
    start_time: str | None = None  # "09:00"
    end_time: str | None = None
    purpose: str = ""
    enterprise_ids: list[uuid.UUID] = field(default_factory=list)  # route order
    officer_ids: list[uuid.UUID] = field(default_factory=list)
    expert_ids: list[uuid.UUID] = field(default_factory=list)
    observer_ids: list[uuid.UUID] = field(default_factory=list)  # supervisors (监督员)
    status: str = VisitStatus.PLANNED
    notes: str = ""
    overrides: dict[str, str] = field(default_factory=dict)  # warning code → reason
    checklist_ids: list[uuid.UUID] = field(default_factory=list)  # checklist templates to use


@dataclass
class Finding:
    code: str  # a key of RULE_LABELS
    person: str  # name(s) of the person(s) concerned ("" when the rule concerns nobody in particular)
    message: str  # a Chinese sentence naming the rule and the person
    person_ids: tuple[uuid.UUID, ...] = ()
    override: str = ""  # the reason given to override this warning ("" = not overridden)


@dataclass
class CheckResult:
    blocks: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def unresolved(self) -> list[Finding]:
        """Warnings without an override reason."""
        return [w for w in self.warnings if not w.override]

    @property
    def ok(self) -> bool:
        return not self.blocks and not self.unresolved

    def message(self) -> str:
        lines = ["该检查安排不符合排期规则，未保存："] if self.blocks else ["该检查安排有以下提醒，须填写理由后方可保存："]
        lines += [f"· {b.message}" for b in self.blocks]
        if self.blocks and self.unresolved:
            lines.append("另有以下提醒（可填写理由后保存）：")
        lines += [f"· {w.message}" for w in self.unresolved]
        return "\n".join(lines)


class ScheduleRefused(ServiceError):
    """The visit breaks a rule (or has a warning without a reason); nothing was written."""

    def __init__(self, result: CheckResult):
        self.result = result
        super().__init__(result.message())


@dataclass
class VisitRecord:
    """One visit as an edit dialog loads it."""

    id: uuid.UUID
    version: int
    data: VisitInput
    refused_ids: list[uuid.UUID]  # experts who declined


class VisitRow(NamedTuple):
    """One visit of a calendar or a list (plain data)."""

    id: uuid.UUID
    version: int
    kind: str
    day: date
    part: str
    start_time: str | None
    end_time: str | None
    status: str
    purpose: str
    firm_ids: tuple[uuid.UUID, ...]
    firms: tuple[str, ...]  # route order
    officers: tuple[str, ...]
    experts: tuple[str, ...]  # without those who declined
    observers: tuple[str, ...]


@dataclass
class VisitFilter:
    town_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None  # officer, expert or supervisor (declined assignments excluded)
    kind: str | None = None
    status: str | None = None
    include_cancelled: bool = True


class HistoryRow(NamedTuple):
    at: datetime  # UTC
    actor: str
    action: str  # create / update / status / move / cancel / refuse / rate
    old_day: date | None
    new_day: date | None
    reason: str
    detail: dict[str, Any]


@dataclass
class Recommendation:
    expert_id: uuid.UUID
    name: str
    score: float
    reasons: list[str]
    blocked: str | None = None


# ================================================================================================ helpers


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, monthrange(y, m)[1]))


def _month(d: date) -> tuple[date, date]:
    return date(d.year, d.month, 1), date(d.year, d.month, monthrange(d.year, d.month)[1])


def _overlaps(p1: str, s1: str | None, e1: str | None, p2: str, s2: str | None, e2: str | None) -> bool:
    """Two visits of the same day overlap: by their time spans when both have one, else by half-day."""
    if s1 and e1 and s2 and e2:
        return s1 < e2 and s2 < e1
    return p1 == "full" or p2 == "full" or p1 == p2


def _when(day: date, part: str, start: str | None, end: str | None) -> str:
    if start and end:
        return f"{day.isoformat()} {start}—{end}"
    return f"{day.isoformat()}{PART_LABELS.get(part, '')}"


def _unique(ids: list[uuid.UUID] | None) -> list[uuid.UUID]:
    return list(dict.fromkeys(i for i in (ids or []) if i is not None))


def clean(data: VisitInput) -> VisitInput:
    d = replace(data, enterprise_ids=_unique(data.enterprise_ids), officer_ids=_unique(data.officer_ids),
                expert_ids=_unique(data.expert_ids), observer_ids=_unique(data.observer_ids),
                checklist_ids=_unique(data.checklist_ids),
                overrides={k: (v or "").strip() for k, v in (data.overrides or {}).items() if (v or "").strip()})
    d.purpose = (d.purpose or "").strip()
    d.notes = (d.notes or "").strip()
    d.start_time = (d.start_time or "").strip() or None
    d.end_time = (d.end_time or "").strip() or None
    return d


def check_fields(session: Session, data: VisitInput) -> list[FieldError]:
    """Form checks (not scheduling rules): vocabularies, times, the route, that every id exists."""
    errors: list[FieldError] = []
    if data.kind not in VISIT_KIND_LABELS:
        errors.append(FieldError("kind", f"检查类型“{data.kind}”无效。"))
    if data.day is None:
        errors.append(FieldError("day", "请选择检查日期。"))
    if data.part_of_day not in PARTS:
        errors.append(FieldError("part_of_day", f"时段“{data.part_of_day}”无效，应为上午、下午或全天。"))
    for f_, label in (("start_time", "开始时间"), ("end_time", "结束时间")):
        v = getattr(data, f_)
        if v is not None and not _TIME.match(v):
            errors.append(FieldError(f_, f"{label}“{v}”格式不正确，应为 09:00 这样的时间。"))
    if bool(data.start_time) != bool(data.end_time):
        errors.append(FieldError("end_time", "请同时填写开始时间和结束时间，或都不填。"))
    elif data.start_time and data.end_time and _TIME.match(data.start_time) and _TIME.match(data.end_time) \
            and data.end_time <= data.start_time:
        errors.append(FieldError("end_time", "结束时间应晚于开始时间。"))
    if data.status not in VISIT_STATUS_LABELS:
        errors.append(FieldError("status", f"状态“{data.status}”无效。"))
    if not data.enterprise_ids:
        errors.append(FieldError("enterprise_ids", "请至少选择一家被检查企业。"))
    for ids, entity, f_, what in ((data.enterprise_ids, Enterprise, "enterprise_ids", "企业"),
                                  (data.officer_ids, Officer, "officer_ids", "执法人员"),
                                  (data.expert_ids, Expert, "expert_ids", "专家"),
                                  (data.observer_ids, Supervisor, "observer_ids", "监督员"),
                                  (data.checklist_ids, ChecklistTemplate, "checklist_ids", "检查表")):
        if ids:
            found = set(session.execute(select(entity.id).where(entity.id.in_(ids))).scalars())
            if len(found) != len(ids):
                errors.append(FieldError(f_, f"所选的{what}中有已不存在的记录（可能已被删除），请重新选择。"))
    unknown = [k for k in data.overrides if k not in WARNING_CODES]
    if unknown:
        errors.append(FieldError("overrides", f"规则“{RULE_LABELS.get(unknown[0], unknown[0])}”不能以理由放行。"))
    return errors


def _names(session: Session, entity: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return dict(session.execute(select(entity.id, entity.name).where(entity.id.in_(ids))).all())


def _quote(names: list[str]) -> str:
    return "、".join(f"“{n}”" for n in names)


# ================================================================================================ rules


def check(session: Session, data: VisitInput, visit_id: uuid.UUID | None = None) -> CheckResult:
    """Every scheduling rule for ``data`` (the visit ``visit_id`` itself, if it exists, is not a conflict)."""
    data = clean(data)
    res = CheckResult()
    day = data.day

    def block(code: str, names: list[str], ids: list[uuid.UUID], text: str) -> None:
        res.blocks.append(Finding(code, "、".join(names), f"{RULE_LABELS[code]}：{text}", tuple(ids)))

    def warn(code: str, name: str, pid: uuid.UUID, text: str) -> None:
        res.warnings.append(Finding(code, name, f"{RULE_LABELS[code]}：{text}", (pid,),
                                    data.overrides.get(code, "")))

    firms = {r.id: r for r in session.execute(select(Enterprise.id, Enterprise.name, Enterprise.sector)
                                              .where(Enterprise.id.in_(data.enterprise_ids or [])))}
    route = [firms[i] for i in data.enterprise_ids if i in firms]

    # ---- officers: leave, certificate, how many
    officers = {o.id: o for o in session.execute(select(Officer).where(
        Officer.id.in_(data.officer_ids or []))).scalars()}
    leaves = {r.officer_id: r for r in session.execute(
        select(Unavailability.officer_id, Unavailability.start, Unavailability.end, Unavailability.reason)
        .where(Unavailability.officer_id.in_(data.officer_ids or []), Unavailability.start <= day,
               Unavailability.end >= day))}
    enforcement = data.kind in ENFORCEMENT_KINDS
    valid: list[str] = []
    for oid in data.officer_ids:
        o = officers.get(oid)
        if o is None:
            continue
        lv = leaves.get(oid)
        if lv is not None:
            why = f"（{lv.reason}）" if lv.reason else ""
            block("unavailable", [o.name], [oid], f"执法人员“{o.name}”{lv.start.isoformat()}至{lv.end.isoformat()}"
                                                  f"请假{why}，不能参加{day.isoformat()}的检查。")
            continue
        if enforcement:
            problem = officers_svc.valid_for_enforcement(session, oid, day)
            if problem:
                block("officer_invalid", [o.name], [oid], f"{problem.rstrip('。')}，不能参加执法检查。")
                continue
        elif not o.active:
            block("officer_invalid", [o.name], [oid], f"执法人员“{o.name}”已停用，不能安排。")
            continue
        valid.append(o.name)
    if enforcement and len(valid) < 2:
        who = f"（{_quote(valid)}）" if valid else ""
        block("officer_count", valid, [], f"{VISIT_KIND_LABELS[data.kind]}须有至少2名持有效执法证的执法人员，"
                                          f"目前只有{len(valid)}名{who}。")

    # ---- experts: present, available, not recused, fields cover every firm
    experts = {e.id: e for e in session.execute(select(Expert).where(Expert.id.in_(data.expert_ids or []))).scalars()}
    if data.kind in EXPERT_KINDS and not experts:
        block("expert_required", [], [], f"{VISIT_KIND_LABELS.get(data.kind, data.kind)}须安排至少1名专家。")
    for eid in data.expert_ids:
        e = experts.get(eid)
        if e is None:
            continue
        why = experts_svc.unavailable_reason(session, eid, day)
        if why:
            block("unavailable", [e.name], [eid], f"专家{why.rstrip('。')}，不能参加{day.isoformat()}的检查。")
        for firm in route:
            rec = experts_svc.is_recused(session, eid, firm.id, day)
            if rec:
                block("recused", [e.name], [eid], f"专家“{e.name}”须回避“{firm.name}”（{rec}），不能参加该企业的检查。")
    if data.kind in EXPERT_KINDS and experts:
        covers: dict[uuid.UUID, set[str]] = {}
        fields_of: dict[uuid.UUID, list[str]] = {}
        for eid, name, sectors in session.execute(
                select(ExpertSpecialty.expert_id, Specialty.name, Specialty.sectors)
                .join(Specialty, Specialty.id == ExpertSpecialty.specialty_id)
                .where(ExpertSpecialty.expert_id.in_(list(experts))).order_by(Specialty.sort_order)):
            covers.setdefault(eid, set()).update(sectors or [])
            fields_of.setdefault(eid, []).append(name)
        for firm in route:
            if not any(firm.sector in covers.get(eid, ()) for eid in experts):
                team = "、".join(f"{experts[i].name}（{'、'.join(fields_of.get(i, [])) or '未登记领域'}）"
                                for i in data.expert_ids if i in experts)
                block("field", [experts[i].name for i in data.expert_ids if i in experts], list(experts),
                      f"“{firm.name}”属{firm.sector}行业，检查组的专家{team}中没有对口该行业的专业领域。")

    # ---- supervisors
    sups = {s.id: s for s in session.execute(select(Supervisor).where(
        Supervisor.id.in_(data.observer_ids or []))).scalars()}
    for sid in data.observer_ids:
        s = sups.get(sid)
        if s is not None and not s.active:
            block("unavailable", [s.name], [sid], f"监督员“{s.name}”已停用，不能安排。")

    # ---- double booking: one query over the day's non-cancelled visits with any of these people
    people = {**{i: (MemberRole.OFFICER, o.name) for i, o in officers.items()},
              **{i: (MemberRole.EXPERT, e.name) for i, e in experts.items()},
              **{i: (MemberRole.OBSERVER, s.name) for i, s in sups.items()}}
    if people and day is not None:
        ids = list(people)
        q = (select(Visit.id, Visit.kind, Visit.part_of_day, Visit.start_time, Visit.end_time,
                    VisitMember.officer_id, VisitMember.expert_id, VisitMember.supervisor_id)
             .join(VisitMember, VisitMember.visit_id == Visit.id)
             .where(Visit.day == day, Visit.status != VisitStatus.CANCELLED, VisitMember.refused.is_(False),
                    or_(VisitMember.officer_id.in_(ids), VisitMember.expert_id.in_(ids),
                        VisitMember.supervisor_id.in_(ids))))
        if visit_id is not None:
            q = q.where(Visit.id != visit_id)
        clashes = [r for r in session.execute(q)
                   if _overlaps(data.part_of_day, data.start_time, data.end_time, r.part_of_day, r.start_time,
                                r.end_time)]
        other_firms = _firm_names(session, list({r.id for r in clashes}))
        seen: set[tuple[uuid.UUID, uuid.UUID]] = set()
        for r in clashes:
            pid = r.officer_id or r.expert_id or r.supervisor_id
            if (pid, r.id) in seen:
                continue
            seen.add((pid, r.id))
            role, name = people[pid]
            block("double_booked", [name], [pid],
                  f"{ROLE_LABELS[role]}“{name}”{_when(day, r.part_of_day, r.start_time, r.end_time)}已安排在另一项检查"
                  f"（{VISIT_KIND_LABELS.get(r.kind, r.kind)}：{'、'.join(other_firms.get(r.id, [])) or '未定企业'}），"
                  "不能同时参加。")

    # ---- warnings: rotation (same firm within N months) and monthly load
    if experts and day is not None:
        n_months = _int_setting(session, "schedule_same_firm_months")
        most = _int_setting(session, "schedule_expert_monthly_max")
        ids = list(experts)
        if route and n_months > 0:
            q = (select(VisitMember.expert_id, VisitStop.enterprise_id, Visit.day, Visit.status)
                 .join(Visit, Visit.id == VisitMember.visit_id)
                 .join(VisitStop, VisitStop.visit_id == Visit.id)
                 .where(VisitMember.expert_id.in_(ids), VisitMember.refused.is_(False),
                        Visit.status != VisitStatus.CANCELLED, VisitStop.enterprise_id.in_(list(firms)),
                        Visit.day > _add_months(day, -n_months), Visit.day < _add_months(day, n_months))
                 .order_by(Visit.day))
            if visit_id is not None:
                q = q.where(Visit.id != visit_id)
            nearest: dict[tuple[uuid.UUID, uuid.UUID], tuple[date, str]] = {}
            for eid, fid, d, st in session.execute(q):
                k = (eid, fid)
                if k not in nearest or abs((d - day).days) < abs((nearest[k][0] - day).days):
                    nearest[k] = (d, st)
            for eid in data.expert_ids:
                for firm in route:
                    if (eid, firm.id) not in nearest:
                        continue
                    d, st = nearest[(eid, firm.id)]
                    name = experts[eid].name
                    verb = "到过" if st == VisitStatus.DONE else "已安排到"
                    warn("same_firm", name, eid,
                         f"专家“{name}”{d.isoformat()}{verb}“{firm.name}”，与本次相隔不足{n_months}个月，宜轮换其他专家。")
        start, end = _month(day)
        q = (select(VisitMember.expert_id, func.count(func.distinct(Visit.id)))
             .join(Visit, Visit.id == VisitMember.visit_id)
             .where(VisitMember.expert_id.in_(ids), VisitMember.refused.is_(False),
                    Visit.status != VisitStatus.CANCELLED, Visit.day >= start, Visit.day <= end)
             .group_by(VisitMember.expert_id))
        if visit_id is not None:
            q = q.where(Visit.id != visit_id)
        counts = dict(session.execute(q).all())
        for eid in data.expert_ids:
            n = counts.get(eid, 0)
            if eid in experts and n + 1 > most:
                name = experts[eid].name
                warn("monthly_load", name, eid, f"专家“{name}”{day.year}年{day.month}月已安排{n}次检查，"
                                                f"加上本次将超过每月{most}次的上限。")
    return res


def _firm_names(session: Session, visit_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = {}
    for start in range(0, len(visit_ids), 500):
        chunk = visit_ids[start:start + 500]
        for vid, name in session.execute(select(VisitStop.visit_id, Enterprise.name)
                                         .join(Enterprise, Enterprise.id == VisitStop.enterprise_id)
                                         .where(VisitStop.visit_id.in_(chunk)).order_by(VisitStop.seq)):
            out.setdefault(vid, []).append(name)
    return out


# ================================================================================================ writes

def _visit(session: Session, visit_id: uuid.UUID) -> Visit:
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("该检查安排已不存在（可能已被其他用户删除）。")
    return v


def _locked(session: Session, visit_id: uuid.UUID, expected_version: int) -> Visit:
    v = _visit(session, visit_id)
    if v.version != expected_version:
        raise ConcurrentEdit(saved_meanwhile(f"{v.day.isoformat()}的检查安排", v.updated_at))
    return v


def _override_text(result: CheckResult, person_id: uuid.UUID) -> str:
    parts = []
    for w in result.warnings:
        if w.override and person_id in w.person_ids:
            line = f"{RULE_LABELS[w.code]}：{w.override}"
            if line not in parts:
                parts.append(line)
    return "；".join(parts)


def _parse_overrides(texts: list[str]) -> dict[str, str]:
    by_label = {v: k for k, v in RULE_LABELS.items() if k in WARNING_CODES}
    out: dict[str, str] = {}
    for text in texts:
        for part in (text or "").split("；"):
            label, sep, reason = part.partition("：")
            if sep and label in by_label and reason:
                out.setdefault(by_label[label], reason)
    return out


def _require_ok(session: Session, data: VisitInput, visit_id: uuid.UUID | None) -> CheckResult:
    result = check(session, data, visit_id)
    if not result.ok:
        raise ScheduleRefused(result)
    return result


def _apply(session: Session, v: Visit, data: VisitInput, result: CheckResult) -> bool:
    """Write ``data`` onto ``v`` (columns, route, team, checklists); True when anything changed. No autoflush on
    the way: the version must rise once per save."""
    with session.no_autoflush:
        return _apply_unflushed(session, v, data, result)


def _apply_unflushed(session: Session, v: Visit, data: VisitInput, result: CheckResult) -> bool:
    changed = False
    for f_ in ("kind", "day", "part_of_day", "start_time", "end_time", "purpose", "status", "notes"):
        if getattr(v, f_) != getattr(data, f_):
            setattr(v, f_, getattr(data, f_))
            changed = True
    stops = {s.enterprise_id: s for s in v.stops}
    for s in list(v.stops):
        if s.enterprise_id not in data.enterprise_ids:
            v.stops.remove(s)
            changed = True
    for seq, fid in enumerate(data.enterprise_ids):
        s = stops.get(fid)
        if s is None:
            v.stops.append(VisitStop(id=uuid.uuid4(), enterprise_id=fid, seq=seq))
            changed = True
        elif s.seq != seq:
            s.seq = seq
            changed = True
    wanted = ([(MemberRole.OFFICER, i) for i in data.officer_ids] + [(MemberRole.EXPERT, i) for i in data.expert_ids]
              + [(MemberRole.OBSERVER, i) for i in data.observer_ids])
    current = {(m.role, m.officer_id or m.expert_id or m.supervisor_id): m for m in v.members}
    for key, m in current.items():
        if key not in wanted and not m.refused:  # a declined assignment stays on record
            v.members.remove(m)
            changed = True
    col = {MemberRole.OFFICER: "officer_id", MemberRole.EXPERT: "expert_id", MemberRole.OBSERVER: "supervisor_id"}
    for role, pid in wanted:
        m = current.get((role, pid))
        text = _override_text(result, pid)
        if m is None:
            v.members.append(VisitMember(id=uuid.uuid4(), role=role, override_reason=text, **{col[role]: pid}))
            changed = True
        else:
            if m.refused:
                m.refused = False
                changed = True
            if (m.override_reason or "") != text:
                m.override_reason = text
                changed = True
    have = set(session.execute(select(VisitChecklist.template_id).where(VisitChecklist.visit_id == v.id)).scalars())
    if have != set(data.checklist_ids):
        for tid in have - set(data.checklist_ids):
            session.execute(VisitChecklist.__table__.delete().where(VisitChecklist.visit_id == v.id,
                                                                    VisitChecklist.template_id == tid))
        for tid in data.checklist_ids:
            if tid not in have:
                session.add(VisitChecklist(visit_id=v.id, template_id=tid))
        changed = True
    return changed


def _summary(data: VisitInput) -> dict[str, Any]:
    return {"kind": data.kind, "day": data.day, "part_of_day": data.part_of_day, "status": data.status,
            "enterprise_ids": data.enterprise_ids, "officer_ids": data.officer_ids, "expert_ids": data.expert_ids,
            "observer_ids": data.observer_ids, "overrides": data.overrides}


def create_visit(session: Session, data: VisitInput, actor: str = "") -> uuid.UUID:
    """Plan a visit (status 计划中 or 已排定); ValidationFailed for form errors, ScheduleRefused listing the blocks and
    unoverridden warnings; nothing written in either case."""
    data = clean(data)
    errors = check_fields(session, data)
    if data.status not in _OPEN:
        errors.append(FieldError("status", "新建的检查安排只能是“计划中”或“已排定”。"))
    if errors:
        raise ValidationFailed(errors)
    result = _require_ok(session, data, None)
    v = Visit(id=uuid.uuid4(), kind=data.kind, day=data.day)
    session.add(v)
    _apply(session, v, data, result)
    audit.record(session, actor, "visit", v.id, "create", **_summary(data))
    session.flush()
    return v.id


def update_visit(session: Session, visit_id: uuid.UUID, data: VisitInput, expected_version: int,
                 actor: str = "") -> int:
    """Save an edit made on ``expected_version``; returns the new version. ConcurrentEdit when somebody saved the
    visit in between; the status may only stay or take one allowed step (cancel with cancel_visit)."""
    data = clean(data)
    v = _locked(session, visit_id, expected_version)
    if v.status in (VisitStatus.DONE, VisitStatus.CANCELLED):
        raise ServiceError(f"该检查已{VISIT_STATUS_LABELS[v.status]}，不能再修改安排。")
    errors = check_fields(session, data)
    if data.status != v.status and data.status not in TRANSITIONS.get(v.status, ()):
        errors.append(FieldError("status", f"状态不能从“{VISIT_STATUS_LABELS.get(v.status, v.status)}”改为"
                                           f"“{VISIT_STATUS_LABELS.get(data.status, data.status)}”。"))
    if errors:
        raise ValidationFailed(errors)
    before = _summary(get_visit(session, visit_id).data)
    result = _require_ok(session, data, visit_id)
    if _apply(session, v, data, result):
        v.updated_at = utcnow()  # a change of route or team alone must bump (and be guarded by) the version
        after = _summary(data)
        audit.record(session, actor, "visit", v.id, "update",
                     changes={k: [before[k], after[k]] for k in after if before[k] != after[k]})
    flush_or_conflict(session, "检查安排")
    return v.version


def get_visit(session: Session, visit_id: uuid.UUID) -> VisitRecord:
    v = _visit(session, visit_id)
    members = sorted(v.members, key=lambda m: (m.created_at or datetime.min, str(m.id)))
    ids: dict[str, list[uuid.UUID]] = {r: [] for r in MemberRole}
    refused: list[uuid.UUID] = []
    for m in members:
        if m.refused:
            refused.append(m.expert_id)  # type: ignore[arg-type]
            continue
        ids[m.role].append(m.officer_id or m.expert_id or m.supervisor_id)  # type: ignore[arg-type]
    checklists = list(session.execute(select(VisitChecklist.template_id)
                                      .where(VisitChecklist.visit_id == v.id)).scalars())
    data = VisitInput(kind=v.kind, day=v.day, part_of_day=v.part_of_day, start_time=v.start_time,
                      end_time=v.end_time, purpose=v.purpose, enterprise_ids=[s.enterprise_id for s in v.stops],
                      officer_ids=ids[MemberRole.OFFICER], expert_ids=ids[MemberRole.EXPERT],
                      observer_ids=ids[MemberRole.OBSERVER], status=v.status, notes=v.notes,
                      overrides=_parse_overrides([m.override_reason for m in members if not m.refused]),
                      checklist_ids=checklists)
    return VisitRecord(v.id, v.version, data, refused)


def move_visit(session: Session, visit_id: uuid.UUID, new_day: date, reason: str, expected_version: int,
               actor: str = "", part_of_day: str | None = None, overrides: dict[str, str] | None = None) -> int:
    """Move a planned or scheduled visit to another day (and half-day) with a reason, re-checking every rule
    (overrides given before still apply; ``overrides`` adds reasons for new warnings). Returns the new version."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed([FieldError("reason", "调整检查日期时请填写原因。")])
    v = _locked(session, visit_id, expected_version)
    if v.status not in _OPEN:
        raise ServiceError(f"该检查{VISIT_STATUS_LABELS.get(v.status, v.status)}，不能调整日期。")
    if part_of_day is not None and part_of_day not in PARTS:
        raise ValidationFailed([FieldError("part_of_day", f"时段“{part_of_day}”无效，应为上午、下午或全天。")])
    data = get_visit(session, visit_id).data
    old_day, old_part = data.day, data.part_of_day
    data.day = new_day
    if part_of_day is not None:
        data.part_of_day = part_of_day
    data.overrides = {**data.overrides, **(overrides or {})}
    data = clean(data)
    result = _require_ok(session, data, visit_id)
    _apply(session, v, data, result)
    v.updated_at = utcnow()
    audit.record(session, actor, "visit", v.id, "move", old_day=old_day, new_day=new_day, old_part=old_part,
                 new_part=data.part_of_day, reason=reason)
    flush_or_conflict(session, "检查安排")
    return v.version


def cancel_visit(session: Session, visit_id: uuid.UUID, reason: str, expected_version: int, actor: str = "") -> int:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed([FieldError("reason", "取消检查时请填写原因。")])
    v = _locked(session, visit_id, expected_version)
    if v.status in (VisitStatus.DONE, VisitStatus.CANCELLED):
        raise ServiceError(f"该检查已{VISIT_STATUS_LABELS[v.status]}，不能取消。")
    old = v.status
    v.status = VisitStatus.CANCELLED
    audit.record(session, actor, "visit", v.id, "cancel", old_day=v.day, new_day=None, old_status=old, reason=reason)
    flush_or_conflict(session, "检查安排")
    return v.version


def set_status(session: Session, visit_id: uuid.UUID, status: str, expected_version: int, actor: str = "") -> int:
    """计划中 → 已排定 → 进行中 → 已完成 (已排定 may go back to 计划中). Becoming 已排定 re-checks the rules (leave or
    recusals may have been registered since). Returns the new version."""
    v = _locked(session, visit_id, expected_version)
    if status == VisitStatus.CANCELLED:
        raise ServiceError("取消检查请使用“取消”，并填写原因。")
    if status == v.status:
        return v.version
    if status not in TRANSITIONS.get(v.status, ()):
        raise ServiceError(f"检查状态不能从“{VISIT_STATUS_LABELS.get(v.status, v.status)}”改为"
                           f"“{VISIT_STATUS_LABELS.get(status, status)}”。")
    if status == VisitStatus.SCHEDULED:
        _require_ok(session, get_visit(session, visit_id).data, visit_id)
    old = v.status
    v.status = status
    audit.record(session, actor, "visit", v.id, "status", old=old, new=status)
    flush_or_conflict(session, "检查安排")
    return v.version


def _member(v: Visit, expert_id: uuid.UUID) -> VisitMember:
    for m in v.members:
        if m.role == MemberRole.EXPERT and m.expert_id == expert_id:
            return m
    raise NotFound("该专家不在这次检查的检查组中。")


def rate_expert(session: Session, visit_id: uuid.UUID, expert_id: uuid.UUID, rating: int, remark: str = "",
                actor: str = "") -> None:
    """The office's rating (1–5) of an expert after a done visit."""
    v = _visit(session, visit_id)
    if v.status != VisitStatus.DONE:
        raise ServiceError("检查完成后才能评价专家。")
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
        raise ValidationFailed([FieldError("rating", "评分应为1至5分。")])
    m = _member(v, expert_id)
    if m.refused:
        raise ServiceError("该专家已拒绝这次任务，不能评价。")
    audit.record(session, actor, "visit", v.id, "rate", expert_id=expert_id, old=m.rating, rating=rating,
                 remark=(remark or "").strip())
    m.rating, m.remark = rating, (remark or "").strip()
    session.flush()


def mark_refused(session: Session, visit_id: uuid.UUID, expert_id: uuid.UUID, reason: str,
                 actor: str = "") -> CheckResult:
    """The expert declined the assignment (kept in his work file). Returns the visit's check without him, so the
    office sees whether a replacement is needed (e.g. no expert left for a firm's sector)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed([FieldError("reason", "请填写专家拒绝的原因。")])
    v = _visit(session, visit_id)
    if v.status not in (*_OPEN, VisitStatus.IN_PROGRESS):
        raise ServiceError(f"该检查{VISIT_STATUS_LABELS.get(v.status, v.status)}，不能再登记拒绝。")
    m = _member(v, expert_id)
    if not m.refused:
        m.refused, m.remark = True, reason
        v.updated_at = utcnow()
        audit.record(session, actor, "visit", v.id, "refuse", expert_id=expert_id, reason=reason)
        session.flush()
    return check(session, get_visit(session, visit_id).data, visit_id)


def history(session: Session, visit_id: uuid.UUID) -> list[HistoryRow]:
    """Who did what to the visit and when (create, edits, status, moves and cancellation with their reasons)."""
    q = (select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.detail)
         .where(AuditEntry.entity == "visit", AuditEntry.entity_id == visit_id).order_by(AuditEntry.at))
    out = []
    for at, actor, action, detail in session.execute(q):
        detail = detail or {}

        def day(key: str, detail: dict[str, Any] = detail) -> date | None:
            v = detail.get(key)
            return date.fromisoformat(v) if v else None

        old_day = day("old_day") if action in ("move", "cancel") else None
        new_day = day("new_day") if action == "move" else (day("day") if action == "create" else None)
        out.append(HistoryRow(at, actor, action, old_day, new_day, detail.get("reason", "") or "", detail))
    return out


# ================================================================================================ queries


def _rows(session: Session, visit_q: Any) -> list[VisitRow]:
    visits = session.execute(visit_q).all()
    if not visits:
        return []
    ids = [v.id for v in visits]
    stops: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
    members: dict[uuid.UUID, dict[str, list[str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for vid, fid, name in session.execute(
                select(VisitStop.visit_id, VisitStop.enterprise_id, Enterprise.name)
                .join(Enterprise, Enterprise.id == VisitStop.enterprise_id)
                .where(VisitStop.visit_id.in_(chunk)).order_by(VisitStop.visit_id, VisitStop.seq)):
            stops.setdefault(vid, []).append((fid, name))
        for vid, role, oname, ename, sname in session.execute(
                select(VisitMember.visit_id, VisitMember.role, Officer.name, Expert.name, Supervisor.name)
                .outerjoin(Officer, Officer.id == VisitMember.officer_id)
                .outerjoin(Expert, Expert.id == VisitMember.expert_id)
                .outerjoin(Supervisor, Supervisor.id == VisitMember.supervisor_id)
                .where(VisitMember.visit_id.in_(chunk), VisitMember.refused.is_(False))
                .order_by(VisitMember.created_at, VisitMember.id)):
            members.setdefault(vid, {}).setdefault(role, []).append(oname or ename or sname or "")
    out = []
    for v in visits:
        st = stops.get(v.id, [])
        mem = members.get(v.id, {})
        out.append(VisitRow(v.id, v.version, v.kind, v.day, v.part_of_day, v.start_time, v.end_time, v.status,
                            v.purpose, tuple(f for f, _ in st), tuple(n for _, n in st),
                            tuple(mem.get(MemberRole.OFFICER, ())), tuple(mem.get(MemberRole.EXPERT, ())),
                            tuple(mem.get(MemberRole.OBSERVER, ()))))
    return out


_PART_ORDER = case({"am": 0, "full": 1, "pm": 2}, value=Visit.part_of_day, else_=3)


def visits_between(session: Session, start: date, end: date, flt: VisitFilter | None = None) -> list[VisitRow]:
    """Visits from ``start`` to ``end`` (both included) passing the filter, by day and half-day: a calendar's data."""
    flt = flt or VisitFilter()
    q = (select(Visit.id, Visit.version, Visit.kind, Visit.day, Visit.part_of_day, Visit.start_time, Visit.end_time,
                Visit.status, Visit.purpose)
         .where(Visit.day >= start, Visit.day <= end)
         .order_by(Visit.day, _PART_ORDER, Visit.start_time, Visit.created_at, Visit.id))
    if flt.kind:
        q = q.where(Visit.kind == flt.kind)
    if flt.status:
        q = q.where(Visit.status == flt.status)
    elif not flt.include_cancelled:
        q = q.where(Visit.status != VisitStatus.CANCELLED)
    if flt.town_id is not None:
        q = q.where(Visit.id.in_(select(VisitStop.visit_id).join(Enterprise, Enterprise.id == VisitStop.enterprise_id)
                                 .where(Enterprise.town_id == flt.town_id)))
    if flt.person_id is not None:
        p = flt.person_id
        q = q.where(Visit.id.in_(select(VisitMember.visit_id).where(
            VisitMember.refused.is_(False),
            or_(VisitMember.officer_id == p, VisitMember.expert_id == p, VisitMember.supervisor_id == p))))
    return _rows(session, q)


def enterprise_visits(session: Session, enterprise_id: uuid.UUID) -> list[VisitRow]:
    """Every visit that had the firm on its route, newest first, cancelled ones included (一企一档's 检查记录)."""
    q = (select(Visit.id, Visit.version, Visit.kind, Visit.day, Visit.part_of_day, Visit.start_time, Visit.end_time,
                Visit.status, Visit.purpose)
         .where(Visit.id.in_(select(VisitStop.visit_id).where(VisitStop.enterprise_id == enterprise_id)))
         .order_by(Visit.day.desc(), _PART_ORDER.desc(), Visit.id))
    return _rows(session, q)


def person_schedule(session: Session, start: date, end: date, *, officer_id: uuid.UUID | None = None,
                    expert_id: uuid.UUID | None = None, supervisor_id: uuid.UUID | None = None,
                    include_cancelled: bool = False) -> list[VisitRow]:
    """One person's visits from ``start`` to ``end`` (declined assignments and, by default, cancelled visits left
    out): the data of his calendar and .ics file."""
    given = [(c, p) for c, p in ((VisitMember.officer_id, officer_id), (VisitMember.expert_id, expert_id),
                                 (VisitMember.supervisor_id, supervisor_id)) if p is not None]
    if len(given) != 1:
        raise ValueError("person_schedule: give exactly one of officer_id, expert_id, supervisor_id")
    col, pid = given[0]
    q = (select(Visit.id, Visit.version, Visit.kind, Visit.day, Visit.part_of_day, Visit.start_time, Visit.end_time,
                Visit.status, Visit.purpose)
         .where(Visit.day >= start, Visit.day <= end,
                Visit.id.in_(select(VisitMember.visit_id).where(col == pid, VisitMember.refused.is_(False))))
         .order_by(Visit.day, _PART_ORDER, Visit.start_time, Visit.id))
    if not include_cancelled:
        q = q.where(Visit.status != VisitStatus.CANCELLED)
    return _rows(session, q)


# ================================================================================================ recommendation


# Town experience of every expert in a window, for all towns at once (one grouped query, ~50 ms at 20,000 visits),
# kept per database and window until the visits change: recommending for the firms of a route or for several days
# in a row then costs a dict look-up instead of a query per firm.
_TOWN_CACHE: dict[tuple, tuple[tuple, dict[uuid.UUID, dict[uuid.UUID, int]]]] = {}


def _visits_stamp(session: Session) -> tuple:
    """Changes when a visit is added, removed or edited (team and route edits bump the visit's version too)."""
    v = Visit.__table__.c
    q = select(select(func.count()).select_from(Visit.__table__).scalar_subquery(),
               select(func.coalesce(func.sum(v.version), 0)).scalar_subquery(),
               select(func.max(v.updated_at)).scalar_subquery())
    return tuple(session.connection().execute(q).one())


def _town_experience(session: Session, day: date, months: int) -> dict[uuid.UUID, dict[uuid.UUID, int]]:
    """town id → expert id → done visits to firms of that town in (day − months, day]."""
    key = (str(session.get_bind().url), day, months)
    stamp = _visits_stamp(session)
    hit = _TOWN_CACHE.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    rows = session.execute(
        select(Enterprise.town_id, VisitMember.expert_id, func.count(func.distinct(Visit.id)))
        .select_from(Visit).join(VisitStop, VisitStop.visit_id == Visit.id)
        .join(Enterprise, Enterprise.id == VisitStop.enterprise_id)
        .join(VisitMember, VisitMember.visit_id == Visit.id)
        .where(VisitMember.expert_id.is_not(None), VisitMember.refused.is_(False),
               (Visit.status + "") == VisitStatus.DONE.value,  # the day index leads, not ix_visits_status
               Visit.day <= day, Visit.day > _add_months(day, -months))
        .group_by(Enterprise.town_id, VisitMember.expert_id))
    out: dict[uuid.UUID, dict[uuid.UUID, int]] = {}
    for town_id, expert_id, n in rows:
        if town_id is not None:
            out.setdefault(town_id, {})[expert_id] = n
    if len(_TOWN_CACHE) > 32:
        _TOWN_CACHE.clear()
    _TOWN_CACHE[key] = (stamp, out)
    return out


def recommend(session: Session, enterprise_id: uuid.UUID, day: date, part_of_day: str = "full", limit: int = 10,
              *, visit_id: uuid.UUID | None = None, include_blocked: bool = True) -> list[Recommendation]:
    """Experts for one firm on one day, best first, each with the reasons in words (see the module docstring).
    ``visit_id``: the visit being edited (not counted against anybody)."""
    firm = session.execute(select(Enterprise.name, Enterprise.sector, Enterprise.town_id)
                           .where(Enterprise.id == enterprise_id)).first()
    if firm is None:
        raise NotFound("该企业档案已不存在（可能已被其他用户删除）。")
    n_months = _int_setting(session, "schedule_same_firm_months")
    most = _int_setting(session, "schedule_expert_monthly_max")
    w_field = _float_setting(session, "schedule_weight_field")
    w_rot = _float_setting(session, "schedule_weight_rotation")
    w_load = _float_setting(session, "schedule_weight_workload")
    w_town = _float_setting(session, "schedule_weight_town")
    town_months = _int_setting(session, "schedule_town_months")
    not_cancelled = Visit.status != VisitStatus.CANCELLED
    not_this = Visit.id != visit_id if visit_id is not None else None

    def where_visit(q: Any) -> Any:
        return q.where(not_this) if not_this is not None else q

    pool = session.execute(select(Expert.id, Expert.name, Expert.status, Expert.term_start, Expert.term_end)).all()
    specs = {sid: (order, name, firm.sector in (sectors or ())) for sid, order, name, sectors in session.execute(
        select(Specialty.id, Specialty.sort_order, Specialty.name, Specialty.sectors))}
    fields: dict[uuid.UUID, list[tuple[int, str, bool]]] = {}
    for eid, sid in session.execute(select(ExpertSpecialty.expert_id, ExpertSpecialty.specialty_id)):
        fields.setdefault(eid, []).append(specs[sid])
    leave = {r.expert_id: r for r in session.execute(
        select(Unavailability.expert_id, Unavailability.start, Unavailability.end, Unavailability.reason)
        .where(Unavailability.expert_id.is_not(None), Unavailability.start <= day, Unavailability.end >= day))}
    recused = {r.expert_id: r for r in session.execute(
        select(ExpertRecusal.expert_id, ExpertRecusal.reason, ExpertRecusal.detail)
        .where(ExpertRecusal.enterprise_id == enterprise_id,
               or_(ExpertRecusal.until.is_(None), ExpertRecusal.until >= day)))}
    # this month's assignments per expert (workload), and the day's (double booking)
    m_start, m_end = _month(day)
    load: dict[uuid.UUID, int] = dict(session.execute(where_visit(
        select(VisitMember.expert_id, func.count()).join(Visit, Visit.id == VisitMember.visit_id)
        .where(VisitMember.expert_id.is_not(None), VisitMember.refused.is_(False), not_cancelled,
               Visit.day >= m_start, Visit.day <= m_end)
        .group_by(VisitMember.expert_id))).all())
    busy: dict[uuid.UUID, str] = {}
    for eid, part, s, e in session.execute(where_visit(
            select(VisitMember.expert_id, Visit.part_of_day, Visit.start_time, Visit.end_time)
            .join(Visit, Visit.id == VisitMember.visit_id)
            .where(VisitMember.expert_id.is_not(None), VisitMember.refused.is_(False), not_cancelled,
                   Visit.day == day))):
        if _overlaps(part_of_day, None, None, part, s, e):
            busy.setdefault(eid, _when(day, part, s, e))
    # nearest visit to this firm, before and after the day
    last_q = where_visit(
        select(VisitMember.expert_id, func.max(case((Visit.day <= day, Visit.day))),
               func.min(case((Visit.day > day, Visit.day))))
        .select_from(VisitStop).join(Visit, Visit.id == VisitStop.visit_id)
        .join(VisitMember, VisitMember.visit_id == Visit.id)
        .where(VisitStop.enterprise_id == enterprise_id, VisitMember.expert_id.is_not(None),
               VisitMember.refused.is_(False), not_cancelled)
        .group_by(VisitMember.expert_id))
    near: dict[uuid.UUID, tuple[date | None, date | None]] = {}
    for eid, before, after in session.execute(last_q):
        near[eid] = (_as_date(before), _as_date(after))
    # done visits to firms of the same town in the last T months
    town: dict[uuid.UUID, int] = {}
    if firm.town_id is not None and town_months > 0:
        if not_this is None:
            town = _town_experience(session, day, town_months).get(firm.town_id, {})
        else:  # the visit being edited must not count: the direct query (driven from the town's firms)
            town = dict(session.execute(where_visit(
                select(VisitMember.expert_id, func.count(func.distinct(Visit.id)))
                .select_from(Enterprise).join(VisitStop, VisitStop.enterprise_id == Enterprise.id)
                .join(Visit, Visit.id == VisitStop.visit_id).join(VisitMember, VisitMember.visit_id == Visit.id)
                .where(Enterprise.town_id == firm.town_id, VisitMember.expert_id.is_not(None),
                       VisitMember.refused.is_(False), (Visit.status + "") == VisitStatus.DONE.value,
                       Visit.day <= day, Visit.day > _add_months(day, -town_months))
                .group_by(VisitMember.expert_id))).all())

    horizon = max(1, n_months) * 30.44
    ranked: list[tuple[bool, float, str, Recommendation]] = []
    for eid, name, status, term_start, term_end in pool:
        reasons: list[str] = []
        score = 0.0
        own = sorted(fields.get(eid, []))
        match = [n for _, n, ok in own if ok]
        if match:
            score += w_field
            reasons.append(f"专业对口：{'、'.join(match)}")
        else:
            reasons.append(f"专业不对口（{'、'.join(n for _, n, _ in own) or '未登记领域'}，企业属{firm.sector}）")
        n = load.get(eid, 0)
        score -= w_load * n
        reasons.append(f"本月已安排{n}次" + (f"（已达每月{most}次上限）" if n >= most else "") if n else "本月尚无安排")
        before, after = near.get(eid, (None, None))
        gaps = [(abs((d - day).days), d) for d in (before, after) if d is not None]
        if not gaps:
            score += w_rot
            reasons.append("从未到过该企业")
        else:
            gap, d = min(gaps)
            score += w_rot * min(gap / horizon, 1.0)
            if d > day:
                reasons.append(f"已安排{d.isoformat()}到该企业")
            elif gap >= horizon:
                reasons.append(f"近{n_months}个月未到过该企业（上次{d.isoformat()}）")
            else:
                reasons.append(f"{d.isoformat()}到过该企业（{gap}天前，宜轮换）")
        t = town.get(eid, 0)
        if t:
            score += w_town * min(t, 5)
            reasons.append(f"近{town_months}个月到本镇企业检查{t}次")
        blocked = None
        if status != PersonStatus.ACTIVE:
            blocked = f"状态为“{PERSON_STATUS_LABELS.get(status, status)}”"
        elif term_start and day < term_start:
            blocked = f"聘期自{term_start.isoformat()}开始"
        elif term_end and day > term_end:
            blocked = f"聘期已于{term_end.isoformat()}结束"
        elif eid in recused:
            r = recused[eid]
            blocked = f"须回避该企业（{r.reason}{'：' + r.detail if r.detail else ''}）"
        elif eid in leave:
            lv = leave[eid]
            blocked = f"{lv.start.isoformat()}至{lv.end.isoformat()}不可用" + (f"（{lv.reason}）" if lv.reason else "")
        elif eid in busy:
            blocked = f"{busy[eid]}已有其他检查安排"
        if blocked and not include_blocked:
            continue
        score = round(score, 1)
        ranked.append((blocked is not None, -score, name, Recommendation(eid, name, score, reasons, blocked)))
    ranked.sort(key=lambda x: (x[0], x[1], x[2], str(x[3].expert_id)))
    return [r for *_, r in ranked[:max(0, limit)]]


def _as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


__all__ = [
    "ENFORCEMENT_KINDS",
    "EXPERT_KINDS",
    "PART_LABELS",
    "RULE_LABELS",
    "TRANSITIONS",
    "WARNING_CODES",
    "CheckResult",
    "Finding",
    "HistoryRow",
    "Recommendation",
    "ScheduleRefused",
    "VisitFilter",
    "VisitInput",
    "VisitRecord",
    "VisitRow",
    "cancel_visit",
    "check",
    "check_fields",
    "clean",
    "create_visit",
    "get_visit",
    "history",
    "mark_refused",
    "move_visit",
    "person_schedule",
    "enterprise_visits",
    "rate_expert",
    "recommend",
    "set_status",
    "setting",
    "update_visit",
    "visits_between",
]
