"""The rectification loop (整改闭环): a hazard is followed from 待整改 through 整改中 and 待复查 until it is verified
fixed and closed (已销号). No Qt; every change writes a ``RectificationEvent`` (who, when, why) and an audit entry,
flushes, never commits.

States and the steps between them (``TRANSITIONS``)::

    待整改 ──report_progress──▶ 整改中 ──submit_for_review──▶ 待复查
       │  └────────────submit_for_review──────────────────────▲   │
       │                                                       │   │ re-inspection (record_reinspection):
       └──────────── close / re-inspection 已整改 ──▶ 已销号 ◀───┘   │   已整改 → 已销号 (closed_on = the visit day)
                                                                   │   部分整改 → 整改中 with a new deadline
                                                                   │   未整改 → stays open (待复查 goes back to
                                                                   │            待整改), escalation + 1

- Overdue (逾期) is never stored: ``models/services/hazard_rules.py`` decides it from the deadline and the day.
- Extension (延期): the firm asks for a later date with a reason (``request_extension``; one request at a time, not
  after the deadline has passed); an officer with a valid enforcement certificate approves or refuses
  (``decide_extension``). Approval moves ``deadline``; ``original_deadline`` keeps the first one. A re-inspection
  that closes the hazard or sets a new deadline, and a report that the work is finished, withdraw a pending request
  (event ``extension_withdrawn``), so ``extension_pending`` always equals "the last extension event is a request".
- Closing (销号) is final: nothing closes a hazard twice (status check, and the row version guards two clerks
  closing at the same moment), and no later event changes a closed hazard's state. There is no reopen on purpose:
  a closing is what the re-inspection opinion (整改复查意见书) certifies; if the hazard comes back it is a new finding.
  Who may close (``close``): a general hazard — an officer or the office, after a re-inspection found it 已整改 or
  with evidence (photos of the fix); a major hazard — only an officer with a valid certificate after a
  re-inspection recorded 已整改. ``record_reinspection`` with 已整改 closes at once, except a major hazard without
  such an officer: the finding is kept and the hazard waits (待复查) for an officer's ``close``.
- A re-inspection (复查) is a visit of kind REINSPECTION made with ``scheduling.create_visit`` (its rules: leave,
  double booking …) plus one ``ReinspectionItem`` per hazard; this module also requires two officers valid on the
  day (the re-inspection opinion carries two officers' signatures). Each finding is final once recorded (the page
  asks before storing); its note can still be corrected.
- Major hazards keep a remediation plan with six parts (``enums.REMEDIATION_PLAN_PARTS``) and the supervision
  flag 挂牌督办.

Event kinds and their labels: ``EVENT_LABELS``. The kinds that close a hazard are those whose ``to_status`` is
已销号 (``closed``, ``rectified_on_site``, ``review_rectified``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.entities import (
    Enterprise,
    Expert,
    Hazard,
    HazardPhoto,
    Officer,
    RectificationEvent,
    ReinspectionItem,
    Visit,
    VisitStop,
)
from models.enums import (
    HAZARD_STATUS_LABELS,
    REINSPECTION_LABELS,
    REMEDIATION_PLAN_PARTS,
    SEVERITY_LABELS,
    VISIT_KIND_LABELS,
    HazardStatus,
    MemberRole,
    ReinspectionOutcome,
    Severity,
    VisitKind,
    VisitStatus,
)
from models.services import audit, hazard_rules, scheduling
from models.services import officers as officers_svc
from models.services import settings as settings_svc
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ServiceError, ValidationFailed
from models.services.inspection import Person as TeamMember
from models.services.inspection import visit_team
from models.services.locking import flush_or_conflict, saved_meanwhile

# ------------------------------------------------------------------------------------------------ vocabulary

EVENT_LABELS: dict[str, str] = {
    "found": "发现隐患",
    "rectified_on_site": "立即整改，现场销号",
    "status": "状态变更",
    "progress": "报告整改进展",
    "submitted": "报告整改完成，申请复查",
    "extension_requested": "申请延期",
    "extension_approved": "同意延期",
    "extension_refused": "不同意延期",
    "extension_withdrawn": "延期申请撤销",
    "reinspection_scheduled": "安排复查",
    "review_rectified": "复查：已整改",
    "review_partial": "复查：部分整改",
    "review_not_rectified": "复查：未整改",
    "evidence": "补充整改证据",
    "plan": "整改方案",
    "supervised": "挂牌督办",
    "unsupervised": "解除督办",
    "closed": "销号",
}
EXTENSION_KINDS = ("extension_requested", "extension_approved", "extension_refused", "extension_withdrawn")
REINSPECTION_KINDS: dict[str, str] = {
    ReinspectionOutcome.RECTIFIED: "review_rectified",
    ReinspectionOutcome.PARTIAL: "review_partial",
    ReinspectionOutcome.NOT_RECTIFIED: "review_not_rectified",
}

_P, _W, _R, _C = (HazardStatus.PENDING.value, HazardStatus.IN_PROGRESS.value, HazardStatus.AWAITING_REVIEW.value,
                  HazardStatus.CLOSED.value)
# Every status change the loop makes (a step to the same status records news without a change of state).
TRANSITIONS: dict[str, frozenset[str]] = {
    _P: frozenset({_P, _W, _R, _C}),
    _W: frozenset({_W, _R, _C}),
    _R: frozenset({_P, _W, _R, _C}),
    _C: frozenset(),
}

# What can be done with a hazard (``HazardDetail.allowed_actions``), with the button labels.
ACTION_LABELS: dict[str, str] = {
    "report_progress": "报告整改进展",
    "submit_for_review": "报告整改完成",
    "request_extension": "申请延期",
    "decide_extension": "审批延期",
    "schedule_reinspection": "安排复查",
    "close": "销号",
    "save_plan": "整改方案",
    "set_supervised": "挂牌督办",
    "add_evidence": "补充整改证据",
}

PHOTO_KINDS = ("before", "after", "evidence")

# ------------------------------------------------------------------------------------------------ plain data


@dataclass(frozen=True)
class EventRow:
    at: datetime  # UTC
    kind: str
    label: str
    from_status: str | None
    to_status: str | None
    new_deadline: date | None
    reason: str
    actor: str
    visit_day: date | None  # the day of the visit the event belongs to (inspection or re-inspection)


@dataclass(frozen=True)
class HazardDetail:
    id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    description: str
    location: str
    category: str
    severity: str
    basis: str
    measure: str
    found_on: date
    deadline: date | None
    original_deadline: date | None
    responsible_person: str
    status: str
    overdue: bool
    days_overdue: int  # days past the deadline (0 on the day, negative before it, 0 when closed)
    escalation_level: int  # hazard_rules.escalation_level
    escalation: int  # re-inspections that found it 未整改
    extension_pending: bool
    pending_extension: tuple[date | None, str] | None  # (requested date, reason) of the pending request
    extension_answer_due: date | None  # the bureau answers a pending request by this day (setting)
    supervised: bool
    remediation_plan: dict[str, str]  # every key of REMEDIATION_PLAN_PARTS, "" when not written
    rectified_on_site: bool
    closed_on: date | None
    closed_by: str
    review_note: str
    reviewed_on: date | None
    progress_note: str
    found_by: str
    visit_id: uuid.UUID | None
    visit_day: date | None
    visit_kind: str | None
    before_photo_ids: tuple[uuid.UUID, ...]
    after_photo_ids: tuple[uuid.UUID, ...]
    evidence_photo_ids: tuple[uuid.UUID, ...]
    scheduled_reinspection: tuple[uuid.UUID, date] | None  # a planned re-inspection that has not decided it yet
    history: tuple[EventRow, ...]
    allowed_actions: tuple[str, ...]
    version: int

    @property
    def is_major(self) -> bool:
        return self.severity == Severity.MAJOR

    @property
    def is_closed(self) -> bool:
        return self.status == HazardStatus.CLOSED


@dataclass(frozen=True)
class OpenHazardRow:
    """A firm's open hazard as the re-inspection dialog lists it."""

    id: uuid.UUID
    description: str
    location: str
    severity: str
    status: str
    found_on: date
    deadline: date | None
    overdue: bool
    days_overdue: int
    escalation_level: int
    extension_pending: bool
    supervised: bool
    scheduled_on: date | None  # already on a planned re-inspection (undecided there)


@dataclass(frozen=True)
class ReinspectionRow:
    hazard_id: uuid.UUID
    seq: int
    description: str
    location: str
    severity: str
    basis: str
    measure: str
    found_on: date
    deadline: date | None  # the hazard's deadline now
    original_deadline: date | None
    status: str
    overdue: bool  # on the visit day
    days_overdue: int
    escalation: int
    outcome: str | None  # ReinspectionOutcome; None until decided
    note: str
    new_deadline: date | None
    decided_by: str
    decided_at: datetime | None
    before_photo_ids: tuple[uuid.UUID, ...]
    evidence_photo_ids: tuple[uuid.UUID, ...]

    @property
    def is_major(self) -> bool:
        return self.severity == Severity.MAJOR


@dataclass(frozen=True)
class ReinspectionData:
    visit_id: uuid.UUID
    visit_version: int
    day: date
    status: str  # VisitStatus
    enterprise_id: uuid.UUID
    enterprise_name: str
    address: str
    stop_id: uuid.UUID | None
    team: tuple[TeamMember, ...]
    items: tuple[ReinspectionRow, ...]

    @property
    def officers(self) -> tuple[TeamMember, ...]:
        return tuple(m for m in self.team if m.role == MemberRole.OFFICER)

    @property
    def decided(self) -> int:
        return sum(1 for i in self.items if i.outcome is not None)

    def item(self, hazard_id: uuid.UUID) -> ReinspectionRow:
        return next(i for i in self.items if i.hazard_id == hazard_id)


# ------------------------------------------------------------------------------------------------ helpers


def _label(status: str | None) -> str:
    return HAZARD_STATUS_LABELS.get(status or "", status or "")


def _hazard(session: Session, hazard_id: uuid.UUID) -> Hazard:
    h = session.get(Hazard, hazard_id)
    if h is None:
        raise NotFound("该隐患已不存在（可能已被删除）。")
    return h


def _check_version(h: Hazard, expected_version: int | None) -> None:
    if expected_version is not None and h.version != expected_version:
        raise ConcurrentEdit(saved_meanwhile("该隐患", h.updated_at))


def _refuse_step(h: Hazard, target: str, what: str) -> ServiceError:
    return ServiceError(f"该隐患目前为“{_label(h.status)}”，不能{what}（“{_label(h.status)}”不能变为“{_label(target)}”）。")


def _require_step(h: Hazard, target: str, what: str) -> None:
    if target not in TRANSITIONS.get(h.status, frozenset()):
        raise _refuse_step(h, target, what)


def _require_open(h: Hazard, what: str) -> None:
    if h.status == HazardStatus.CLOSED:
        when = f"于{h.closed_on.isoformat()}" if h.closed_on else ""
        raise ServiceError(f"该隐患已{when}销号，不能再{what}。")


def _text(value: str | None) -> str:
    return (value or "").strip()


def _event(session: Session, h: Hazard, kind: str, *, actor: str, reason: str = "", to_status: str | None = None,
           new_deadline: date | None = None, visit_id: uuid.UUID | None = None, status_change: bool = True) -> None:
    """Write one history line (``to_status`` None: no change of state) strictly after the hazard's last one, so the
    history reads in the order things were done even within one clock tick."""
    last = session.execute(select(func.max(RectificationEvent.at))
                           .where(RectificationEvent.hazard_id == h.id)).scalar()
    at = utcnow()
    if last is not None and at <= last:
        at = last + timedelta(microseconds=1)
    session.add(RectificationEvent(
        hazard_id=h.id, kind=kind, from_status=h.status if status_change else None,
        to_status=to_status if status_change else None, new_deadline=new_deadline, reason=reason, actor=actor,
        at=at, visit_id=visit_id))


def _set_status(h: Hazard, target: str) -> None:
    if h.status != target:
        h.status = target


def _int_list(session: Session, key: str) -> list[int]:
    try:
        return [int(x) for x in settings_svc.get(session, key)]
    except (TypeError, ValueError):
        return [int(x) for x in settings_svc.DEFAULTS[key]]


def _int(session: Session, key: str) -> int:
    try:
        return int(settings_svc.get(session, key))
    except (TypeError, ValueError):
        return int(settings_svc.DEFAULTS[key])


def _officer_problem(session: Session, officer_id: uuid.UUID | None, day: date) -> str | None:
    if officer_id is None:
        return "请选择执法人员。"
    return officers_svc.valid_for_enforcement(session, officer_id, day)


def _officer_name(session: Session, officer_id: uuid.UUID | None) -> str:
    if officer_id is None:
        return ""
    return session.execute(select(Officer.name).where(Officer.id == officer_id)).scalar() or ""


def _pending_request(session: Session, hazard_id: uuid.UUID) -> RectificationEvent | None:
    """The last extension event when it is a request (i.e. the request still waits for an answer)."""
    last = session.execute(
        select(RectificationEvent).where(RectificationEvent.hazard_id == hazard_id,
                                         RectificationEvent.kind.in_(EXTENSION_KINDS))
        .order_by(RectificationEvent.at.desc()).limit(1)).scalar()
    return last if last is not None and last.kind == "extension_requested" else None


def _withdraw_extension(session: Session, h: Hazard, *, actor: str, why: str,
                        visit_id: uuid.UUID | None = None) -> None:
    if h.extension_pending:
        _event(session, h, "extension_withdrawn", actor=actor, reason=why, visit_id=visit_id, status_change=False)
        h.extension_pending = False


def _last_reinspection(session: Session, hazard_id: uuid.UUID) -> tuple[str | None, date | None]:
    """(outcome, visit day) of the hazard's latest decided re-inspection."""
    row = session.execute(
        select(ReinspectionItem.outcome, Visit.day).join(Visit, Visit.id == ReinspectionItem.visit_id)
        .where(ReinspectionItem.hazard_id == hazard_id, ReinspectionItem.outcome.is_not(None))
        .order_by(Visit.day.desc(), ReinspectionItem.decided_at.desc()).limit(1)).first()
    return (row.outcome, row.day) if row is not None else (None, None)


def _has_evidence(session: Session, hazard_id: uuid.UUID) -> bool:
    return session.execute(select(HazardPhoto.id).where(
        HazardPhoto.hazard_id == hazard_id, HazardPhoto.kind.in_(("after", "evidence"))).limit(1)).first() is not None


def _scheduled(session: Session, hazard_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[uuid.UUID, date]]:
    """Hazards on a re-inspection not cancelled that has not decided them yet: hazard → (visit, day)."""
    if not hazard_ids:
        return {}
    out: dict[uuid.UUID, tuple[uuid.UUID, date]] = {}
    for hid, vid, day in session.execute(
        select(ReinspectionItem.hazard_id, Visit.id, Visit.day).join(Visit, Visit.id == ReinspectionItem.visit_id)
        .where(ReinspectionItem.hazard_id.in_(list(hazard_ids)), ReinspectionItem.outcome.is_(None),
               Visit.status != VisitStatus.CANCELLED).order_by(Visit.day)
    ):
        out.setdefault(hid, (vid, day))
    return out


def _record(session: Session, h: Hazard, actor: str, action: str, **detail: Any) -> None:
    audit.record(session, actor, "hazard", h.id, action, status=h.status, **detail)


# ------------------------------------------------------------------------------------------------ reading


def can_close(session: Session, hazard_id: uuid.UUID, officer_id: uuid.UUID | None = None,
              today: date | None = None) -> str | None:
    """None when ``close`` would accept; else the refusal (Chinese)."""
    h = _hazard(session, hazard_id)
    return _close_problem(session, h, officer_id, today or date.today())


def _close_problem(session: Session, h: Hazard, officer_id: uuid.UUID | None, today: date) -> str | None:
    if h.status == HazardStatus.CLOSED:
        when = f"于{h.closed_on.isoformat()}" if h.closed_on else ""
        return f"该隐患已{when}销号，不能重复销号。"
    outcome, _day = _last_reinspection(session, h.id)
    rectified = outcome == ReinspectionOutcome.RECTIFIED
    if h.severity == Severity.MAJOR:
        if not rectified:
            return "重大事故隐患须经执法人员现场复查确认“已整改”后才能销号；请先安排复查。"
        if officer_id is None:
            return "重大事故隐患只能由持有效执法证的执法人员销号，请选择执法人员。"
        return _officer_problem(session, officer_id, today)
    if officer_id is not None:
        problem = _officer_problem(session, officer_id, today)
        if problem:
            return problem
    if not rectified and not _has_evidence(session, h.id):
        return "一般事故隐患销号须有复查记录（已整改）或整改证据（整改后照片）；请先安排复查或补充整改证据。"
    return None


def _allowed(session: Session, h: Hazard, today: date, scheduled: bool) -> tuple[str, ...]:
    if h.status == HazardStatus.CLOSED:
        return ()
    out: list[str] = []
    if h.status in (_P, _W):
        out += ["report_progress", "submit_for_review"]
        if not h.extension_pending and h.deadline is not None and today <= h.deadline:
            out.append("request_extension")
    if h.extension_pending:
        out.append("decide_extension")
    if not scheduled:
        out.append("schedule_reinspection")
    outcome, _day = _last_reinspection(session, h.id)
    if h.severity == Severity.MAJOR:
        if outcome == ReinspectionOutcome.RECTIFIED:
            out.append("close")
        out += ["save_plan", "set_supervised"]
    elif outcome == ReinspectionOutcome.RECTIFIED or _has_evidence(session, h.id):
        out.append("close")
    out.append("add_evidence")
    return tuple(a for a in ACTION_LABELS if a in out)


def _plan(raw: Any) -> dict[str, str]:
    raw = raw if isinstance(raw, dict) else {}
    return {k: str(raw.get(k) or "") for k in REMEDIATION_PLAN_PARTS}


def hazard_detail(session: Session, hazard_id: uuid.UUID, today: date | None = None) -> HazardDetail:
    """Everything the hazard window shows, with what may be done now (``allowed_actions``)."""
    today = today or date.today()
    h = _hazard(session, hazard_id)
    firm = session.execute(select(Enterprise.name).where(Enterprise.id == h.enterprise_id)).scalar() or ""
    visit = session.get(Visit, h.visit_id) if h.visit_id else None
    found_by = ""
    if h.found_by_expert_id:
        found_by = session.execute(select(Expert.name).where(Expert.id == h.found_by_expert_id)).scalar() or ""
    elif h.found_by_officer_id:
        found_by = _officer_name(session, h.found_by_officer_id)
    photos: dict[str, list[uuid.UUID]] = {k: [] for k in PHOTO_KINDS}
    for kind, pid in session.execute(select(HazardPhoto.kind, HazardPhoto.photo_id)
                                     .where(HazardPhoto.hazard_id == h.id).order_by(HazardPhoto.created_at)):
        photos.setdefault(kind, []).append(pid)
    events = session.execute(
        select(RectificationEvent, Visit.day).outerjoin(Visit, Visit.id == RectificationEvent.visit_id)
        .where(RectificationEvent.hazard_id == h.id).order_by(RectificationEvent.at, RectificationEvent.created_at)
    ).all()
    history = tuple(EventRow(at=e.at, kind=e.kind, label=EVENT_LABELS.get(e.kind, e.kind), from_status=e.from_status,
                             to_status=e.to_status, new_deadline=e.new_deadline, reason=e.reason, actor=e.actor,
                             visit_day=day) for e, day in events)
    pending = None
    answer_due = None
    if h.extension_pending:
        req = _pending_request(session, h.id)
        if req is not None:
            pending = (req.new_deadline, req.reason)
            answer_due = req.at.date() + timedelta(days=_int(session, "extension_answer_days"))
    scheduled = _scheduled(session, [h.id]).get(h.id)
    thresholds = _int_list(session, "escalation_days")
    return HazardDetail(
        id=h.id, enterprise_id=h.enterprise_id, enterprise_name=firm, description=h.description, location=h.location,
        category=h.category, severity=h.severity, basis=h.basis, measure=h.measure, found_on=h.found_on,
        deadline=h.deadline, original_deadline=h.original_deadline, responsible_person=h.responsible_person,
        status=h.status, overdue=hazard_rules.is_overdue(h.status, h.deadline, today),
        days_overdue=hazard_rules.days_overdue(h.status, h.deadline, today),
        escalation_level=hazard_rules.escalation_level(h.status, h.deadline, today, thresholds),
        escalation=h.escalation or 0, extension_pending=bool(h.extension_pending), pending_extension=pending,
        extension_answer_due=answer_due, supervised=bool(h.supervised), remediation_plan=_plan(h.remediation_plan),
        rectified_on_site=bool(h.rectified_on_site), closed_on=h.closed_on, closed_by=h.closed_by or "",
        review_note=h.review_note or "", reviewed_on=h.reviewed_on, progress_note=h.progress_note or "",
        found_by=found_by, visit_id=h.visit_id, visit_day=visit.day if visit else None,
        visit_kind=visit.kind if visit else None, before_photo_ids=tuple(photos["before"]),
        after_photo_ids=tuple(photos["after"]), evidence_photo_ids=tuple(photos["evidence"]),
        scheduled_reinspection=scheduled, history=history,
        allowed_actions=_allowed(session, h, today, scheduled is not None), version=h.version,
    )


def open_hazards(session: Session, enterprise_id: uuid.UUID, today: date | None = None) -> list[OpenHazardRow]:
    """The firm's hazards not closed: overdue first (longest overdue first), then by deadline, then as found."""
    today = today or date.today()
    thresholds = _int_list(session, "escalation_days")
    rows = session.execute(
        select(Hazard.id, Hazard.description, Hazard.location, Hazard.severity, Hazard.status, Hazard.found_on,
               Hazard.deadline, Hazard.extension_pending, Hazard.supervised, Hazard.seq)
        .where(Hazard.enterprise_id == enterprise_id, Hazard.status != HazardStatus.CLOSED)).all()
    scheduled = _scheduled(session, [r.id for r in rows])
    out = [OpenHazardRow(
        id=r.id, description=r.description, location=r.location, severity=r.severity, status=r.status,
        found_on=r.found_on, deadline=r.deadline, overdue=hazard_rules.is_overdue(r.status, r.deadline, today),
        days_overdue=hazard_rules.days_overdue(r.status, r.deadline, today),
        escalation_level=hazard_rules.escalation_level(r.status, r.deadline, today, thresholds),
        extension_pending=bool(r.extension_pending), supervised=bool(r.supervised),
        scheduled_on=scheduled[r.id][1] if r.id in scheduled else None) for r in rows]
    seqs = {r.id: r.seq for r in rows}
    out.sort(key=lambda r: (not r.overdue, -r.days_overdue if r.overdue else 0, r.deadline or date.max,
                            r.found_on, seqs[r.id]))
    return out


def suggested_reinspection_day(session: Session, hazard_ids: Iterable[uuid.UUID], today: date | None = None) -> date:
    """When to re-inspect these hazards: the day after the earliest deadline (or the day after the firm reported a
    hazard fixed, if earlier) — the re-inspection is due within ``reinspection_within_days`` after that — never in
    the past, and a Saturday or Sunday moves to the Monday. Without deadlines: today (or the next working day)."""
    today = today or date.today()
    ids = list(hazard_ids)
    starts: list[date] = []
    if ids:
        for hid, deadline, status in session.execute(
                select(Hazard.id, Hazard.deadline, Hazard.status).where(Hazard.id.in_(ids))):
            if status == HazardStatus.CLOSED:
                continue
            if deadline is not None:
                starts.append(deadline + timedelta(days=1))
            if status == HazardStatus.AWAITING_REVIEW:
                at = session.execute(select(func.max(RectificationEvent.at)).where(
                    RectificationEvent.hazard_id == hid, RectificationEvent.to_status == HazardStatus.AWAITING_REVIEW
                )).scalar()
                if at is not None:
                    starts.append(at.date() + timedelta(days=1))
    day = max(today, min(starts)) if starts else today
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def reinspection_due(session: Session, hazard_id: uuid.UUID) -> date | None:
    """The last day of the re-inspection period (deadline + ``reinspection_within_days``), None without deadline."""
    h = _hazard(session, hazard_id)
    if h.deadline is None:
        return None
    return h.deadline + timedelta(days=_int(session, "reinspection_within_days"))


# ------------------------------------------------------------------------------------------------ the firm's side


def report_progress(session: Session, hazard_id: uuid.UUID, note: str, *, actor: str,
                    expected_version: int | None = None) -> int:
    """The firm reports how the work goes (待整改/整改中 → 整改中). Returns the hazard's new version."""
    note = _text(note)
    h = _hazard(session, hazard_id)
    _check_version(h, expected_version)
    if h.status == _R:
        raise ServiceError("该隐患目前为“待复查”（企业已报告整改完成），不能再报告整改进展（“待复查”不能变为“整改中”，"
                           "复查发现部分整改时才回到“整改中”）。")
    _require_step(h, _W, "报告整改进展")
    if not note:
        raise ValidationFailed([FieldError("note", "请填写整改进展。")])
    _event(session, h, "progress", actor=actor, reason=note, to_status=_W)
    _set_status(h, _W)
    h.progress_note = note
    h.updated_at = utcnow()
    _record(session, h, actor, "progress", note=note)
    flush_or_conflict(session, "隐患")
    return h.version


def submit_for_review(session: Session, hazard_id: uuid.UUID, note: str = "", *, actor: str,
                      expected_version: int | None = None) -> int:
    """The firm says the hazard is fixed and asks for the re-inspection (→ 待复查); a pending extension request is
    withdrawn. Returns the new version."""
    note = _text(note) or "企业报告整改完成，申请复查"
    h = _hazard(session, hazard_id)
    _check_version(h, expected_version)
    if h.status == _R:
        raise ServiceError("该隐患已是“待复查”，企业已报告整改完成，请安排复查。")
    _require_step(h, _R, "申请复查")
    _withdraw_extension(session, h, actor=actor, why="企业报告整改完成，延期申请不再需要")
    _event(session, h, "submitted", actor=actor, reason=note, to_status=_R)
    _set_status(h, _R)
    h.progress_note = note
    h.updated_at = utcnow()
    _record(session, h, actor, "submit", note=note)
    flush_or_conflict(session, "隐患")
    return h.version


def request_extension(session: Session, hazard_id: uuid.UUID, new_deadline: date | None, reason: str, *,
                      actor: str, on: date | None = None, expected_version: int | None = None) -> int:
    """The firm asks for a later deadline (延期申请), with its reason; one request at a time, made before the
    deadline has passed (the firm is to apply in the ``extension_apply_days_before`` days before it)."""
    on = on or date.today()
    reason = _text(reason)
    h = _hazard(session, hazard_id)
    _check_version(h, expected_version)
    _require_open(h, "申请延期")
    if h.status == _R:
        raise ServiceError("该隐患为“待复查”（企业已报告整改完成），不能再申请延期。")
    if h.extension_pending:
        req = _pending_request(session, h.id)
        asked = f"（申请延至{req.new_deadline.isoformat()}）" if req and req.new_deadline else ""
        raise ServiceError(f"该隐患已有一份延期申请{asked}等待审批，审批后才能再次申请。")
    if h.deadline is None:
        raise ServiceError("该隐患没有整改期限，无需延期。")
    if on > h.deadline:
        days = _int(session, "extension_apply_days_before")
        raise ServiceError(f"整改期限（{h.deadline.isoformat()}）已过，不能再申请延期；延期申请应在期限届满前"
                           f"{days}日内提出。")
    errors = []
    if new_deadline is None:
        errors.append(FieldError("new_deadline", "请填写申请延至的日期。"))
    elif new_deadline <= h.deadline:
        errors.append(FieldError("new_deadline", f"申请延至的日期应晚于现在的整改期限（{h.deadline.isoformat()}）。"))
    if not reason:
        errors.append(FieldError("reason", "请填写延期理由。"))
    if errors:
        raise ValidationFailed(errors)
    _event(session, h, "extension_requested", actor=actor, reason=reason, new_deadline=new_deadline,
           status_change=False)
    h.extension_pending = True
    h.updated_at = utcnow()
    _record(session, h, actor, "extension_request", new_deadline=new_deadline, reason=reason)
    flush_or_conflict(session, "隐患")
    return h.version


def decide_extension(session: Session, hazard_id: uuid.UUID, approve: bool, reason: str, *,
                     officer_id: uuid.UUID | None, actor: str, on: date | None = None,
                     expected_version: int | None = None) -> int:
    """An officer with a valid certificate approves (the deadline moves to the requested date; the first deadline
    stays in ``original_deadline``) or refuses (reason required) the pending request."""
    on = on or date.today()
    reason = _text(reason)
    h = _hazard(session, hazard_id)
    _check_version(h, expected_version)
    _require_open(h, "审批延期")
    req = _pending_request(session, h.id) if h.extension_pending else None
    if req is None:
        raise ServiceError("该隐患没有待审批的延期申请。")
    problem = _officer_problem(session, officer_id, on)
    if problem:
        raise ValidationFailed([FieldError("officer_id", f"延期须由持有效执法证的执法人员审批：{problem}")])
    if not approve and not reason:
        raise ValidationFailed([FieldError("reason", "不同意延期时请写明理由。")])
    who = _officer_name(session, officer_id)
    if approve:
        new = req.new_deadline
        if new is None or new < h.found_on:
            raise ServiceError("延期申请的日期无效，不能批准。")
        reason = reason or "同意延期"
        _event(session, h, "extension_approved", actor=who or actor, reason=reason, new_deadline=new,
               status_change=False)
        if h.original_deadline is None:
            h.original_deadline = h.deadline
        h.deadline = new
    else:
        _event(session, h, "extension_refused", actor=who or actor, reason=reason, status_change=False)
    h.extension_pending = False
    h.updated_at = utcnow()
    _record(session, h, actor, "extension_decision", approve=approve, officer=who, reason=reason,
            deadline=h.deadline)
    flush_or_conflict(session, "隐患")
    return h.version


# ------------------------------------------------------------------------------------------------ re-inspection


def schedule_reinspection(session: Session, enterprise_id: uuid.UUID, hazard_ids: Sequence[uuid.UUID], day: date, *,
                          officer_ids: Sequence[uuid.UUID], expert_ids: Sequence[uuid.UUID] = (), actor: str,
                          overrides: dict[str, str] | None = None, purpose: str = "") -> uuid.UUID:
    """A re-inspection visit (复查) to the firm for these open hazards, planned through ``scheduling.create_visit``
    (status 已排定), with one ReinspectionItem per hazard. Needs two officers valid for enforcement on the day."""
    ids = list(dict.fromkeys(hazard_ids))
    firm = session.get(Enterprise, enterprise_id)
    if firm is None:
        raise NotFound("该企业已不存在。")
    errors: list[FieldError] = []
    if not ids:
        errors.append(FieldError("hazard_ids", "请至少选择一项需要复查的隐患。"))
    if day is None:
        errors.append(FieldError("day", "请选择复查日期。"))
    hazards = session.execute(select(Hazard).where(Hazard.id.in_(ids))).scalars().all() if ids else []
    if len(hazards) != len(ids):
        errors.append(FieldError("hazard_ids", "所选隐患中有已不存在的记录，请重新选择。"))
    for h in hazards:
        if h.enterprise_id != enterprise_id:
            errors.append(FieldError("hazard_ids", f"隐患“{h.description[:20]}”不属于“{firm.name}”。"))
        elif h.status == HazardStatus.CLOSED:
            errors.append(FieldError("hazard_ids", f"隐患“{h.description[:20]}”已销号，无需复查。"))
        elif day is not None and day < h.found_on:
            errors.append(FieldError("day", f"复查日期不能早于隐患“{h.description[:20]}”的发现日期"
                                            f"（{h.found_on.isoformat()}）。"))
    taken = _scheduled(session, ids)
    for h in hazards:
        if h.id in taken:
            errors.append(FieldError("hazard_ids", f"隐患“{h.description[:20]}”已安排在{taken[h.id][1].isoformat()}"
                                                   "的复查中，尚未复查。"))
    officer_ids = list(dict.fromkeys(officer_ids))
    if day is not None:
        checked = [(o, officers_svc.valid_for_enforcement(session, o, day)) for o in officer_ids]
        valid = [o for o, p in checked if p is None]
        problems = [p for _o, p in checked if p]
        if len(valid) < 2:
            text = "复查须有至少2名持有效执法证的执法人员" + (f"，目前只有{len(valid)}名" if officer_ids else "") + "。"
            errors.append(FieldError("officer_ids", text + "".join(problems)))
    if errors:
        raise ValidationFailed(errors)
    order = {hid: n for n, hid in enumerate(ids)}
    hazards = sorted(hazards, key=lambda h: order[h.id])
    data = scheduling.VisitInput(
        kind=VisitKind.REINSPECTION, day=day, enterprise_ids=[enterprise_id], officer_ids=officer_ids,
        expert_ids=list(expert_ids), status=VisitStatus.SCHEDULED, overrides=dict(overrides or {}),
        purpose=_text(purpose) or f"复查{len(hazards)}项隐患的整改情况")
    visit_id = scheduling.create_visit(session, data, actor=actor)
    base = utcnow()
    for n, h in enumerate(hazards):  # created_at keeps the order chosen
        session.add(ReinspectionItem(visit_id=visit_id, hazard_id=h.id, created_at=base + timedelta(microseconds=n)))
        _event(session, h, "reinspection_scheduled", actor=actor, reason=f"安排于{day.isoformat()}复查",
               visit_id=visit_id, status_change=False)
        _record(session, h, actor, "reinspection_plan", visit_id=visit_id, day=day)
    session.flush()
    return visit_id


def _reinspection_visit(session: Session, visit_id: uuid.UUID) -> Visit:
    v = session.get(Visit, visit_id)
    if v is None:
        raise NotFound("该复查安排已不存在（可能已被删除）。")
    if v.kind != VisitKind.REINSPECTION:
        raise ServiceError(f"这次检查是“{VISIT_KIND_LABELS.get(v.kind, v.kind)}”，不是复查。")
    return v


def reinspection(session: Session, visit_id: uuid.UUID) -> ReinspectionData:
    """A re-inspection visit with its hazards (in the order chosen) and what was found so far. Overdue is counted
    on the visit day."""
    v = _reinspection_visit(session, visit_id)
    stop = v.stops[0] if v.stops else None
    firm = stop.enterprise if stop else None
    rows = session.execute(
        select(ReinspectionItem, Hazard).join(Hazard, Hazard.id == ReinspectionItem.hazard_id)
        .where(ReinspectionItem.visit_id == visit_id).order_by(ReinspectionItem.created_at, Hazard.found_on,
                                                               Hazard.seq)).all()
    photos: dict[tuple[uuid.UUID, str], list[uuid.UUID]] = {}
    if rows:
        for hid, kind, pid in session.execute(
                select(HazardPhoto.hazard_id, HazardPhoto.kind, HazardPhoto.photo_id)
                .where(HazardPhoto.hazard_id.in_([h.id for _i, h in rows])).order_by(HazardPhoto.created_at)):
            photos.setdefault((hid, kind), []).append(pid)
    items = tuple(ReinspectionRow(
        hazard_id=h.id, seq=n, description=h.description, location=h.location, severity=h.severity, basis=h.basis,
        measure=h.measure, found_on=h.found_on, deadline=h.deadline, original_deadline=h.original_deadline,
        status=h.status, overdue=hazard_rules.is_overdue(h.status, h.deadline, v.day) and it.outcome is None,
        days_overdue=hazard_rules.days_overdue(h.status, h.deadline, v.day), escalation=h.escalation or 0,
        outcome=it.outcome, note=it.note or "", new_deadline=it.new_deadline, decided_by=it.decided_by or "",
        decided_at=it.decided_at, before_photo_ids=tuple(photos.get((h.id, "before"), ())),
        evidence_photo_ids=tuple(photos.get((h.id, "evidence"), ())),
    ) for n, (it, h) in enumerate(rows, start=1))
    team = visit_team(session, v, officers_first=True)
    return ReinspectionData(
        visit_id=v.id, visit_version=v.version, day=v.day, status=v.status,
        enterprise_id=firm.id if firm else uuid.UUID(int=0), enterprise_name=firm.name if firm else "",
        address=firm.address if firm else "", stop_id=stop.id if stop else None, team=tuple(team), items=items)


def _item(session: Session, visit_id: uuid.UUID, hazard_id: uuid.UUID) -> ReinspectionItem:
    it = session.execute(select(ReinspectionItem).where(ReinspectionItem.visit_id == visit_id,
                                                        ReinspectionItem.hazard_id == hazard_id)).scalar()
    if it is None:
        raise NotFound("该隐患不在这次复查的清单中。")
    return it


def _touch_visit(v: Visit, decided_all: bool) -> None:
    stop = v.stops[0] if v.stops else None
    if stop is not None and stop.started_at is None:
        stop.started_at = utcnow()
    if v.status in (VisitStatus.PLANNED, VisitStatus.SCHEDULED):
        v.status = VisitStatus.IN_PROGRESS
    if decided_all and stop is not None and not stop.done:
        stop.done = True
        stop.finished_at = utcnow()
        if all(s.done for s in v.stops):
            v.status = VisitStatus.DONE


def record_reinspection(session: Session, visit_id: uuid.UUID, hazard_id: uuid.UUID, outcome: str, *,
                        note: str = "", new_deadline: date | None = None, officer_id: uuid.UUID | None = None,
                        actor: str, on: date | None = None) -> None:
    """What the re-inspection found for one hazard (final once recorded):

    - 已整改: closed (closed_on = the visit day, closed_by = the officer, else ``actor``); a major hazard only with
      ``officer_id`` an officer valid on the visit day — otherwise the finding is kept and the hazard waits (待复查)
      for an officer's ``close``;
    - 部分整改: ``new_deadline`` (after the visit day) required; the hazard is 整改中 with that deadline;
    - 未整改: stays open (待复查 goes back to 待整改) with its deadline, ``escalation`` + 1.
    """
    on = on or date.today()
    note = _text(note)
    v = _reinspection_visit(session, visit_id)
    if v.status == VisitStatus.CANCELLED:
        raise ServiceError("这次复查已取消，不能再记录。")
    if v.day > on:
        raise ServiceError(f"复查日期是{v.day.isoformat()}，还没到，不能提前记录复查结果。")
    if outcome not in REINSPECTION_LABELS:
        raise ServiceError(f"未知的复查结果：{outcome}")
    it = _item(session, visit_id, hazard_id)
    h = _hazard(session, hazard_id)
    if it.outcome is not None:
        raise ServiceError(f"该隐患在这次复查中已记录为“{REINSPECTION_LABELS.get(it.outcome, it.outcome)}”"
                           f"（{it.decided_by}），复查结果记录后不能更改。")
    if h.status == HazardStatus.CLOSED:
        when = f"于{h.closed_on.isoformat()}" if h.closed_on else ""
        raise ServiceError(f"该隐患已{when}销号，不能再记录复查结果（“已销号”不能变为其他状态）。")
    officer_ok = False
    if officer_id is not None:
        if session.get(Officer, officer_id) is None:
            raise ServiceError("该执法人员已不存在。")
        officer_ok = officers_svc.valid_for_enforcement(session, officer_id, v.day) is None
    who = _officer_name(session, officer_id) or actor
    label = REINSPECTION_LABELS[outcome]
    kind = REINSPECTION_KINDS[outcome]
    summary = f"{v.day.isoformat()}复查：{label}"
    if outcome == ReinspectionOutcome.PARTIAL:
        if new_deadline is None:
            raise ValidationFailed([FieldError("new_deadline", "部分整改须确定新的整改期限。")])
        if new_deadline <= v.day:
            raise ValidationFailed([FieldError("new_deadline", f"新的整改期限应晚于复查日期（{v.day.isoformat()}）。")])
        summary += f"，限{new_deadline.isoformat()}前整改完毕"
    else:
        new_deadline = None
    reason = summary + (f"。{note}" if note else "")

    if outcome == ReinspectionOutcome.RECTIFIED:
        if h.severity == Severity.MAJOR and not officer_ok:
            _require_step(h, _R, "记录复查结果")
            _withdraw_extension(session, h, actor=who, why="复查已整改，延期申请不再需要", visit_id=v.id)
            _event(session, h, kind, actor=who, reason=reason + "。重大事故隐患待持有效执法证的执法人员销号",
                   to_status=_R, visit_id=v.id)
            _set_status(h, _R)
        else:
            _require_step(h, _C, "销号")
            _withdraw_extension(session, h, actor=who, why="复查已整改，延期申请不再需要", visit_id=v.id)
            _event(session, h, kind, actor=who, reason=reason, to_status=_C, visit_id=v.id)
            _set_status(h, _C)
            h.closed_on = v.day
            h.closed_by = who
    elif outcome == ReinspectionOutcome.PARTIAL:
        _require_step(h, _W, "记录部分整改")
        _withdraw_extension(session, h, actor=who, why="复查确定了新的整改期限，延期申请不再需要", visit_id=v.id)
        _event(session, h, kind, actor=who, reason=reason, to_status=_W, new_deadline=new_deadline, visit_id=v.id)
        _set_status(h, _W)
        if h.original_deadline is None:
            h.original_deadline = h.deadline
        h.deadline = new_deadline
    else:
        target = _P if h.status == _R else h.status
        _require_step(h, target, "记录未整改")
        _event(session, h, kind, actor=who, reason=reason, to_status=target, visit_id=v.id)
        _set_status(h, target)
        h.escalation = (h.escalation or 0) + 1
    h.review_note = reason
    h.reviewed_on = v.day
    h.updated_at = utcnow()
    it.outcome = outcome
    it.note = note
    it.new_deadline = new_deadline
    it.decided_by = who
    it.decided_at = utcnow()
    flush_or_conflict(session, "隐患")
    undecided = session.execute(select(func.count()).select_from(ReinspectionItem).where(
        ReinspectionItem.visit_id == visit_id, ReinspectionItem.outcome.is_(None))).scalar()
    _touch_visit(v, decided_all=undecided == 0)
    _record(session, h, actor, "reinspection", visit_id=v.id, outcome=outcome, note=note, new_deadline=new_deadline,
            officer=who)
    flush_or_conflict(session, "隐患")


def set_reinspection_note(session: Session, visit_id: uuid.UUID, hazard_id: uuid.UUID, note: str, *,
                          actor: str) -> None:
    """The re-inspection note of one hazard, stored as it is typed (before or after the finding)."""
    note = _text(note)
    v = _reinspection_visit(session, visit_id)
    if v.status == VisitStatus.CANCELLED:
        raise ServiceError("这次复查已取消，不能再记录。")
    it = _item(session, visit_id, hazard_id)
    if it.note == note:
        return
    old = it.note
    it.note = note
    if it.outcome is not None:
        audit.record(session, actor, "reinspection_item", it.id, "note", old=old, new=note)
    flush_or_conflict(session, "复查记录")


def add_evidence(session: Session, hazard_id: uuid.UUID, photo_ids: Sequence[uuid.UUID], *, actor: str,
                 visit_id: uuid.UUID | None = None, note: str = "") -> int:
    """Evidence of the fix (整改证据: photos kind "evidence"); returns how many were new. A closed hazard takes
    evidence only from the re-inspection that closed it (photos uploaded after the finding)."""
    h = _hazard(session, hazard_id)
    if h.status == HazardStatus.CLOSED:
        closing = session.execute(select(RectificationEvent.visit_id).where(
            RectificationEvent.hazard_id == h.id, RectificationEvent.to_status == HazardStatus.CLOSED)).scalar()
        if visit_id is None or closing != visit_id:
            _require_open(h, "补充整改证据")
    have = set(session.execute(select(HazardPhoto.photo_id).where(
        HazardPhoto.hazard_id == hazard_id, HazardPhoto.kind == "evidence")).scalars())
    new = [p for p in dict.fromkeys(photo_ids) if p not in have]
    if not new:
        return 0
    for pid in new:
        session.add(HazardPhoto(hazard_id=hazard_id, photo_id=pid, kind="evidence"))
    _event(session, h, "evidence", actor=actor, reason=_text(note) or f"补充整改证据照片{len(new)}张",
           visit_id=visit_id, status_change=False)
    _record(session, h, actor, "evidence", photos=new)
    session.flush()
    return len(new)


def remove_evidence(session: Session, hazard_id: uuid.UUID, photo_id: uuid.UUID, *, actor: str,
                    visit_id: uuid.UUID | None = None) -> None:
    """Take back an evidence photo added by mistake (open hazards, or the re-inspection that closed it)."""
    h = _hazard(session, hazard_id)
    if h.status == HazardStatus.CLOSED:
        closing = session.execute(select(RectificationEvent.visit_id).where(
            RectificationEvent.hazard_id == h.id, RectificationEvent.to_status == HazardStatus.CLOSED)).scalar()
        if visit_id is None or closing != visit_id:
            _require_open(h, "删除整改证据")
    row = session.execute(select(HazardPhoto).where(HazardPhoto.hazard_id == hazard_id,
                                                    HazardPhoto.photo_id == photo_id,
                                                    HazardPhoto.kind == "evidence")).scalar()
    if row is None:
        return
    session.delete(row)
    _record(session, h, actor, "evidence_removed", photo=photo_id)
    session.flush()


# ------------------------------------------------------------------------------------------------ closing


def close(session: Session, hazard_id: uuid.UUID, *, actor: str, officer_id: uuid.UUID | None = None, reason: str,
          on: date | None = None, expected_version: int | None = None) -> int:
    """销号. General hazards: an officer or the office, after a re-inspection found it 已整改 or with evidence
    (photos after the fix). Major hazards: only an officer with a valid certificate, after a re-inspection recorded
    已整改. ``closed_on`` = ``on`` (today); ``closed_by`` = the officer, else ``actor``."""
    on = on or date.today()
    reason = _text(reason)
    h = _hazard(session, hazard_id)
    _check_version(h, expected_version)
    problem = _close_problem(session, h, officer_id, on)
    if problem:
        raise ServiceError(problem)
    _require_step(h, _C, "销号")
    if not reason:
        raise ValidationFailed([FieldError("reason", "请填写销号说明（如：经复查整改合格）。")])
    if on < h.found_on:
        raise ValidationFailed([FieldError("on", f"销号日期不能早于发现日期（{h.found_on.isoformat()}）。")])
    who = _officer_name(session, officer_id) or actor
    _withdraw_extension(session, h, actor=who, why="隐患已销号，延期申请不再需要")
    _event(session, h, "closed", actor=who, reason=reason, to_status=_C)
    _set_status(h, _C)
    h.closed_on = on
    h.closed_by = who
    h.updated_at = utcnow()
    _record(session, h, actor, "close", officer=who, reason=reason, closed_on=on)
    flush_or_conflict(session, "隐患")
    return h.version


# ------------------------------------------------------------------------------------------------ major hazards


def save_plan(session: Session, hazard_id: uuid.UUID, plan: dict[str, str], *, actor: str,
              expected_version: int | None = None) -> int:
    """The remediation plan of a major hazard (six parts, keys of ``REMEDIATION_PLAN_PARTS``). Returns the new
    version (ConcurrentEdit when someone saved the hazard since ``expected_version``)."""
    h = _hazard(session, hazard_id)
    _check_version(h, expected_version)
    _require_open(h, "修改整改方案")
    if h.severity != Severity.MAJOR:
        raise ServiceError(f"整改方案适用于重大事故隐患；该隐患为{SEVERITY_LABELS.get(h.severity, h.severity)}隐患。")
    unknown = [k for k in plan if k not in REMEDIATION_PLAN_PARTS]
    if unknown:
        raise ServiceError(f"整改方案没有“{unknown[0]}”这一部分。")
    new = {k: _text(plan.get(k, "")) for k in REMEDIATION_PLAN_PARTS}
    old = _plan(h.remediation_plan)
    if new == old:
        return h.version
    changed = [REMEDIATION_PLAN_PARTS[k] for k in REMEDIATION_PLAN_PARTS if new[k] != old[k]]
    _event(session, h, "plan", actor=actor, reason="修改：" + "、".join(changed), status_change=False)
    h.remediation_plan = new
    h.updated_at = utcnow()
    _record(session, h, actor, "plan", changed=changed)
    flush_or_conflict(session, "隐患")
    return h.version


def set_supervised(session: Session, hazard_id: uuid.UUID, on: bool, *, actor: str, reason: str,
                   expected_version: int | None = None) -> int:
    """挂牌督办 on or off for an open major hazard, with a reason."""
    reason = _text(reason)
    h = _hazard(session, hazard_id)
    _check_version(h, expected_version)
    _require_open(h, "调整挂牌督办")
    if h.severity != Severity.MAJOR:
        raise ServiceError("挂牌督办适用于重大事故隐患。")
    if bool(h.supervised) == bool(on):
        raise ServiceError("该隐患已挂牌督办。" if on else "该隐患没有挂牌督办。")
    if not reason:
        raise ValidationFailed([FieldError("reason", "请填写挂牌督办的理由。" if on else "请填写解除督办的理由。")])
    _event(session, h, "supervised" if on else "unsupervised", actor=actor, reason=reason, status_change=False)
    h.supervised = bool(on)
    h.updated_at = utcnow()
    _record(session, h, actor, "supervise", on=bool(on), reason=reason)
    flush_or_conflict(session, "隐患")
    return h.version


# ------------------------------------------------------------------------------------------------ pickers


@dataclass(frozen=True)
class PersonChoice:
    id: uuid.UUID
    name: str
    detail: str  # department / fields, certificate state
    valid: bool  # may be chosen (officer valid for enforcement on the day; expert 在库)
    problem: str  # why not, in Chinese ("" when valid)


def officer_choices(session: Session, day: date) -> list[PersonChoice]:
    """Active officers for a decision or a re-inspection on ``day``: valid ones first (pinyin order)."""
    out = []
    for o in officers_svc.officers(session, officers_svc.OfficerFilter(active=True), today=day):
        problem = officers_svc.valid_for_enforcement(session, o.id, day) or ""
        out.append(PersonChoice(o.id, o.name, f"{o.department} · 执法证 {o.cert_label}".strip(" ·"), not problem,
                                problem))
    return sorted(out, key=lambda p: not p.valid)


def expert_choices(session: Session, day: date) -> list[PersonChoice]:
    """Experts of the pool for a re-inspection on ``day`` (optional on a re-inspection): available ones first."""
    from models.services import experts as experts_svc

    out = []
    for e in experts_svc.search(session):
        why = experts_svc.unavailable_reason(session, e.id, day) or ""
        out.append(PersonChoice(e.id, e.name, "、".join(e.specialties), not why, why))
    return sorted(out, key=lambda p: not p.valid)


def visit_of(session: Session, visit_id: uuid.UUID) -> tuple[str, date]:
    """(kind, day) of a visit: the inspection module asks whether to show the re-inspection page."""
    row = session.execute(select(Visit.kind, Visit.day).where(Visit.id == visit_id)).first()
    if row is None:
        raise NotFound("该检查安排已不存在。")
    return row.kind, row.day


def stop_visit(session: Session, stop_id: uuid.UUID) -> uuid.UUID:
    vid = session.execute(select(VisitStop.visit_id).where(VisitStop.id == stop_id)).scalar()
    if vid is None:
        raise NotFound("该检查记录已不存在。")
    return vid

