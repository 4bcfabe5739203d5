"""On-site recording (现场检查): one firm of one visit — checklist results, hazards, photos, expert advice, the
camphor-oil entry verdict, and finishing.

Autosave is the contract with the screen: every call here changes one thing (one item's outcome, one field of a
hazard, one text of the stop) and the caller commits it at once in its own short transaction, so a crash loses
nothing the user has left (ui/inspection_page.py commits on leaving a field and one second after typing stops).
Nothing here commits.

Templates: a visit's checklists are the rows of ``visit_checklists``. When a visit is first opened for recording and
has none, the suggested current templates for its kind and its firms' sectors are attached
(``checklists.suggested_for``); each firm then sees the visit's templates that suit its sector. Results point at
item ids of one template revision, so an edited template (a new revision) never changes a past inspection.

A 不符合 creates a hazard pre-filled from the item: description, basis, major when the item is a major-hazard
criterion, suggested measure, deadline (the item's days, else the severity's default from the settings). Switching
the item back removes that hazard only while it is as it was created (no edit, no photo); otherwise it is kept and the
caller is told.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.entities import (
    ChecklistItem,
    ChecklistResult,
    ChecklistResultPhoto,
    ChecklistTemplate,
    Enterprise,
    Expert,
    Hazard,
    HazardPhoto,
    Officer,
    RectificationEvent,
    Visit,
    VisitChecklist,
    VisitMember,
    VisitStop,
)
from models.enums import (
    ENTRY_LABELS,
    EntryStatus,
    HazardStatus,
    MemberRole,
    Outcome,
    Severity,
    VisitKind,
    VisitStatus,
)
from models.services import audit, settings
from models.services.errors import NotFound, ServiceError
from models.services.locking import flush_or_conflict
from models.text import pinyin_keys, search_key

# ------------------------------------------------------------------------------------------------ plain data


@dataclass(frozen=True)
class TemplateRef:
    id: uuid.UUID
    code: str
    name: str
    revision: int
    edition: str


@dataclass(frozen=True)
class ItemRow:
    item_id: uuid.UUID
    template_id: uuid.UUID
    seq: int
    section: str
    text: str
    basis: str
    is_major_criterion: bool
    suggested_measure: str
    deadline_days: int | None
    category: str
    outcome: str | None
    note: str
    photo_ids: tuple[uuid.UUID, ...]
    hazard_id: uuid.UUID | None  # the hazard this item's 不符合 created at this firm


@dataclass(frozen=True)
class HazardData:
    id: uuid.UUID
    seq: int
    description: str
    location: str
    category: str
    severity: str
    basis: str
    measure: str
    found_on: date
    deadline: date | None
    responsible_person: str
    rectified_on_site: bool
    found_by_expert_id: uuid.UUID | None
    found_by_officer_id: uuid.UUID | None
    checklist_item_id: uuid.UUID | None
    status: str
    photo_ids: tuple[uuid.UUID, ...]  # before (as found)
    after_photo_ids: tuple[uuid.UUID, ...]  # after rectification on the spot
    version: int


@dataclass(frozen=True)
class Person:
    id: uuid.UUID
    name: str
    role: str  # MemberRole
    certificate_no: str = ""


@dataclass(frozen=True)
class InspectionData:
    stop_id: uuid.UUID
    stop_version: int
    visit_id: uuid.UUID
    visit_kind: str
    visit_status: str
    day: date
    enterprise_id: uuid.UUID
    enterprise_name: str
    sector: str
    address: str
    legal_rep: str
    safety_manager: str
    entry_status: str | None
    templates: tuple[TemplateRef, ...]
    items: tuple[ItemRow, ...]
    hazards: tuple[HazardData, ...]
    people: tuple[Person, ...]
    place: str
    summary: str
    expert_advice: str
    recorded_by: str
    entry_verdict: str | None
    entry_reasons: str
    entry_halt_ref: str
    entry_evidence: str
    done: bool
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def is_entry_check(self) -> bool:
        return self.visit_kind == VisitKind.CAMPHOR_ENTRY

    def item(self, item_id: uuid.UUID) -> ItemRow:
        return next(i for i in self.items if i.item_id == item_id)

    def hazard(self, hazard_id: uuid.UUID) -> HazardData:
        return next(h for h in self.hazards if h.id == hazard_id)


@dataclass(frozen=True)
class OutcomeChange:
    """What set_outcome did besides storing the outcome."""

    hazard_created: uuid.UUID | None = None
    hazard_removed: uuid.UUID | None = None
    hazard_kept: uuid.UUID | None = None  # 不符合 withdrawn but its hazard was edited or has photos: kept


@dataclass(frozen=True)
class Summary:
    items_total: int
    passed: int
    failed: int
    not_applicable: int
    unchecked: int
    hazards_general: int
    hazards_major: int
    rectified_on_site: int
    problems: tuple[str, ...]  # each blocks finishing

    @property
    def checked(self) -> int:
        return self.passed + self.failed + self.not_applicable

    @property
    def hazards(self) -> int:
        return self.hazards_general + self.hazards_major


class FinishRefused(ServiceError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("还不能完成检查：\n" + "\n".join(f"· {p}" for p in problems))


STOP_TEXT_FIELDS = ("place", "summary", "expert_advice", "recorded_by", "entry_halt_ref", "entry_evidence")
HAZARD_FIELDS = (
    "description", "location", "category", "severity", "basis", "measure", "deadline", "responsible_person",
    "rectified_on_site", "found_by_expert_id", "found_by_officer_id",
)
_LIMITS = {"location": 100, "category": 40, "responsible_person": 40, "place": 200, "recorded_by": 40}
_HAZARD_WORDS = {
    "description": "隐患描述", "location": "隐患部位", "category": "隐患类别", "severity": "隐患等级",
    "basis": "判定依据", "measure": "整改措施", "deadline": "整改期限", "responsible_person": "企业责任人",
    "rectified_on_site": "立即整改", "found_by_expert_id": "发现人", "found_by_officer_id": "发现人",
}


# ------------------------------------------------------------------------------------------------ helpers


def _stop(session: Session, stop_id: uuid.UUID) -> VisitStop:
    stop = session.get(VisitStop, stop_id)
    if stop is None:
        raise NotFound("该检查记录已不存在（可能所属检查已被删除）。")
    return stop


def _editable_stop(session: Session, stop_id: uuid.UUID) -> VisitStop:
    stop = _stop(session, stop_id)
    if stop.visit.status == VisitStatus.CANCELLED:
        raise ServiceError("该检查已取消，不能再记录。")
    return stop


def _hazard(session: Session, hazard_id: uuid.UUID) -> Hazard:
    h = session.get(Hazard, hazard_id)
    if h is None:
        raise NotFound("该隐患已被删除。")
    return h


def _touch_stop(stop: VisitStop) -> None:
    if stop.started_at is None:
        stop.started_at = utcnow()
    if stop.visit.status in (VisitStatus.PLANNED, VisitStatus.SCHEDULED):
        stop.visit.status = VisitStatus.IN_PROGRESS


def default_deadline(session: Session, severity: str, found_on: date, item_days: int | None = None) -> date:
    days = item_days or int(settings.get(
        session, "hazard_deadline_days_major" if severity == Severity.MAJOR else "hazard_deadline_days_general"))
    return found_on + timedelta(days=days)


def _hazard_search_text(h: Hazard) -> str:
    return search_key(*(x or "" for x in (h.description, h.location, h.basis, h.measure, h.responsible_person)))


def _loop_guard(h: Hazard) -> None:
    """A hazard that has entered the rectification loop (progress, extension, re-inspection, closing …) is changed
    only there (models/services/rectification.py), not by reopening the inspection that found it."""
    if h.status != HazardStatus.PENDING or any(e.kind != "found" for e in h.events):
        from models.enums import HAZARD_STATUS_LABELS

        raise ServiceError(f"隐患 {h.seq} 已进入整改跟踪（{HAZARD_STATUS_LABELS.get(h.status, h.status)}），"
                           "不能在检查记录中修改或删除；请在隐患台账中打开该隐患办理。")


def _next_seq(session: Session, stop_id: uuid.UUID) -> int:
    return (session.execute(select(func.max(Hazard.seq)).where(Hazard.stop_id == stop_id)).scalar() or 0) + 1


# ------------------------------------------------------------------------------------------------ templates


def visit_templates(session: Session, visit_id: uuid.UUID) -> list[TemplateRef]:
    rows = session.execute(
        select(ChecklistTemplate)
        .join(VisitChecklist, VisitChecklist.template_id == ChecklistTemplate.id)
        .where(VisitChecklist.visit_id == visit_id)
    ).scalars()
    return [TemplateRef(t.id, t.code, t.name, t.revision, t.edition) for t in sorted(rows, key=_template_order)]


def ensure_templates(session: Session, visit_id: uuid.UUID) -> list[TemplateRef]:
    """The visit's templates; when it has none, attach the suggested current ones for its kind and firms."""
    current = visit_templates(session, visit_id)
    if current:
        return current
    from models.services import checklists  # imported here: the checklist module loads data files

    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("该检查已不存在。")
    chosen: dict[uuid.UUID, None] = {}
    for stop in visit.stops:
        for t in checklists.suggested_for(session, visit.kind, stop.enterprise.sector):
            chosen.setdefault(t.id)
    for tid in chosen:
        session.add(VisitChecklist(visit_id=visit_id, template_id=tid))
    session.flush()
    return visit_templates(session, visit_id)


def set_templates(session: Session, visit_id: uuid.UUID, template_ids: list[uuid.UUID], *, actor: str = "") -> None:
    """Choose the visit's checklists. A template with results already recorded cannot be removed."""
    existing = {r for r in session.execute(
        select(VisitChecklist.template_id).where(VisitChecklist.visit_id == visit_id)).scalars()}
    wanted = list(dict.fromkeys(template_ids))
    removing = existing - set(wanted)
    if removing:
        used = session.execute(
            select(ChecklistTemplate.name)
            .join(ChecklistItem, ChecklistItem.template_id == ChecklistTemplate.id)
            .join(ChecklistResult, ChecklistResult.item_id == ChecklistItem.id)
            .join(VisitStop, VisitStop.id == ChecklistResult.stop_id)
            .where(VisitStop.visit_id == visit_id, ChecklistTemplate.id.in_(removing),
                   ChecklistResult.outcome.is_not(None))
            .distinct()
        ).scalars().all()
        if used:
            raise ServiceError(f"检查表“{'、'.join(used)}”已有检查结果，不能移除。")
        session.execute(delete(VisitChecklist).where(
            VisitChecklist.visit_id == visit_id, VisitChecklist.template_id.in_(removing)))
    for tid in wanted:
        if tid not in existing:
            session.add(VisitChecklist(visit_id=visit_id, template_id=tid))
    audit.record(session, actor, "visit", visit_id, "checklists", templates=[str(t) for t in wanted])
    session.flush()


def _template_order(t: ChecklistTemplate) -> tuple[bool, str]:
    """General checklists (no sectors) first, then the special ones, each in pinyin order of the name."""
    return (bool(t.sectors), pinyin_keys(t.name)[0])


def _templates_for_stop(session: Session, stop: VisitStop) -> list[ChecklistTemplate]:
    """The visit's templates that suit this firm's sector (a template without sectors suits every firm), plus any
    template this firm already has results for."""
    templates = session.execute(
        select(ChecklistTemplate)
        .join(VisitChecklist, VisitChecklist.template_id == ChecklistTemplate.id)
        .where(VisitChecklist.visit_id == stop.visit_id)
    ).scalars().all()
    used = set(session.execute(
        select(ChecklistItem.template_id).join(ChecklistResult, ChecklistResult.item_id == ChecklistItem.id)
        .where(ChecklistResult.stop_id == stop.id).distinct()).scalars())
    templates = sorted(templates, key=_template_order)
    sector = stop.enterprise.sector
    out = []
    for t in templates:
        sectors = [s for s in t.sectors.split("、") if s]
        if t.id in used or not sectors or sector in sectors:
            out.append(t)
    # Results of a template that was later removed from the visit still show.
    missing = used - {t.id for t in out}
    if missing:
        out += session.execute(select(ChecklistTemplate).where(ChecklistTemplate.id.in_(missing))).scalars().all()
    return out


# ------------------------------------------------------------------------------------------------ reading


def visit_team(session: Session, visit: Visit, *, officers_first: bool = False) -> list[Person]:
    """The visit's experts (not those who declined) and officers, each group in the order they were added."""
    def order(m: VisitMember) -> tuple[bool, datetime]:
        first = MemberRole.OFFICER if officers_first else MemberRole.EXPERT
        return (m.role != first, m.created_at or datetime.min)

    people: list[Person] = []
    for m in sorted(visit.members, key=order):
        if m.role == MemberRole.EXPERT and m.expert_id and not m.refused:
            e = session.get(Expert, m.expert_id)
            if e is not None:
                people.append(Person(e.id, e.name, MemberRole.EXPERT))
        elif m.role == MemberRole.OFFICER and m.officer_id:
            o = session.get(Officer, m.officer_id)
            if o is not None:
                people.append(Person(o.id, o.name, MemberRole.OFFICER, o.certificate_no))
    return people



def _hazard_rows(session: Session, where: Any) -> list[HazardData]:
    hazards = session.execute(select(Hazard).where(where).order_by(Hazard.seq, Hazard.created_at)).scalars().all()
    photos: dict[uuid.UUID, list[tuple[str, uuid.UUID]]] = {}
    if hazards:
        for hid, kind, pid in session.execute(
            select(HazardPhoto.hazard_id, HazardPhoto.kind, HazardPhoto.photo_id)
            .where(HazardPhoto.hazard_id.in_([h.id for h in hazards]))
            .order_by(HazardPhoto.created_at)
        ):
            photos.setdefault(hid, []).append((kind, pid))
    return [
        HazardData(
            id=h.id, seq=h.seq, description=h.description, location=h.location, category=h.category,
            severity=h.severity, basis=h.basis, measure=h.measure, found_on=h.found_on, deadline=h.deadline,
            responsible_person=h.responsible_person, rectified_on_site=h.rectified_on_site,
            found_by_expert_id=h.found_by_expert_id, found_by_officer_id=h.found_by_officer_id,
            checklist_item_id=h.checklist_item_id, status=h.status,
            photo_ids=tuple(p for k, p in photos.get(h.id, []) if k != "after"),
            after_photo_ids=tuple(p for k, p in photos.get(h.id, []) if k == "after"),
            version=h.version,
        )
        for h in hazards
    ]


def hazards_of_stop(session: Session, stop_id: uuid.UUID) -> list[HazardData]:
    return _hazard_rows(session, Hazard.stop_id == stop_id)


def open_inspection(session: Session, stop_id: uuid.UUID) -> InspectionData:
    """Everything the inspection screen shows, in a handful of queries (≤ 200 ms for 120 items: bench)."""
    stop = _stop(session, stop_id)
    visit = stop.visit
    ent = stop.enterprise
    if not session.execute(select(VisitChecklist.template_id).where(VisitChecklist.visit_id == visit.id)).first():
        ensure_templates(session, visit.id)
    templates = _templates_for_stop(session, stop)
    order = {t.id: n for n, t in enumerate(templates)}
    items = session.execute(
        select(ChecklistItem).where(ChecklistItem.template_id.in_(list(order)))
    ).scalars().all() if order else []
    items = sorted(items, key=lambda i: (order[i.template_id], i.seq))
    results = {r.item_id: r for r in session.execute(
        select(ChecklistResult).where(ChecklistResult.stop_id == stop_id)).scalars()}
    photo_map: dict[uuid.UUID, list[uuid.UUID]] = {}
    if results:
        by_result = {r.id: r.item_id for r in results.values()}
        for rid, pid in session.execute(
            select(ChecklistResultPhoto.result_id, ChecklistResultPhoto.photo_id)
            .where(ChecklistResultPhoto.result_id.in_(list(by_result)))
            .order_by(ChecklistResultPhoto.created_at)
        ):
            photo_map.setdefault(by_result[rid], []).append(pid)
    hazards = hazards_of_stop(session, stop_id)
    hazard_by_item = {h.checklist_item_id: h.id for h in hazards if h.checklist_item_id}
    rows = tuple(
        ItemRow(
            item_id=i.id, template_id=i.template_id, seq=i.seq, section=i.section, text=i.text, basis=i.basis,
            is_major_criterion=i.is_major_criterion, suggested_measure=i.suggested_measure,
            deadline_days=i.deadline_days, category=i.category,
            outcome=results[i.id].outcome if i.id in results else None,
            note=results[i.id].note if i.id in results else "",
            photo_ids=tuple(photo_map.get(i.id, ())), hazard_id=hazard_by_item.get(i.id),
        )
        for i in items
    )
    people = visit_team(session, visit)
    return InspectionData(
        stop_id=stop.id, stop_version=stop.version, visit_id=visit.id, visit_kind=visit.kind,
        visit_status=visit.status, day=visit.day, enterprise_id=ent.id, enterprise_name=ent.name, sector=ent.sector,
        address=ent.address, legal_rep=ent.legal_rep, safety_manager=ent.safety_manager,
        entry_status=ent.entry_status,
        templates=tuple(TemplateRef(t.id, t.code, t.name, t.revision, t.edition) for t in templates),
        items=rows, hazards=tuple(hazards), people=tuple(people), place=stop.place, summary=stop.summary,
        expert_advice=stop.expert_advice, recorded_by=stop.recorded_by, entry_verdict=stop.entry_verdict,
        entry_reasons=stop.entry_reasons, entry_halt_ref=stop.entry_halt_ref, entry_evidence=stop.entry_evidence,
        done=stop.done, started_at=stop.started_at, finished_at=stop.finished_at,
    )


# ------------------------------------------------------------------------------------------------ checklist


def _result(session: Session, stop_id: uuid.UUID, item_id: uuid.UUID, actor: str) -> ChecklistResult:
    r = session.execute(select(ChecklistResult).where(
        ChecklistResult.stop_id == stop_id, ChecklistResult.item_id == item_id)).scalar_one_or_none()
    if r is None:
        if session.get(ChecklistItem, item_id) is None:
            raise NotFound("该检查项已不存在。")
        r = ChecklistResult(stop_id=stop_id, item_id=item_id, outcome=None, note="", recorded_by=actor)
        session.add(r)
    return r


def _done_guard(stop: VisitStop) -> None:
    if stop.done:
        raise ServiceError("该企业的检查已完成，记录已锁定。如需更正，请先“重新打开”检查。")


def set_outcome(session: Session, stop_id: uuid.UUID, item_id: uuid.UUID, outcome: str | None, *,
                actor: str = "", found_by_expert_id: uuid.UUID | None = None,
                found_by_officer_id: uuid.UUID | None = None) -> OutcomeChange:
    """符合 / 不符合 / 不适用 (None clears). 不符合 creates the item's hazard at this firm (once)."""
    if outcome is not None and outcome not in set(Outcome):
        raise ServiceError(f"未知的检查结果：{outcome}")
    stop = _editable_stop(session, stop_id)
    _done_guard(stop)
    r = _result(session, stop_id, item_id, actor)
    r.outcome = outcome
    r.recorded_by = actor or r.recorded_by
    _touch_stop(stop)
    existing = session.execute(select(Hazard).where(
        Hazard.stop_id == stop_id, Hazard.checklist_item_id == item_id)).scalar_one_or_none()
    change = OutcomeChange()
    if outcome == Outcome.FAIL and existing is None:
        item = session.get(ChecklistItem, item_id)
        assert item is not None
        severity = Severity.MAJOR if item.is_major_criterion else Severity.GENERAL
        found_on = stop.visit.day
        h = Hazard(
            enterprise_id=stop.enterprise_id, visit_id=stop.visit_id, stop_id=stop.id, checklist_item_id=item.id,
            seq=_next_seq(session, stop.id), description=item.text, category=item.category, severity=severity,
            basis=item.basis, measure=item.suggested_measure, found_on=found_on,
            deadline=default_deadline(session, severity, found_on, item.deadline_days),
            responsible_person=stop.enterprise.safety_manager or stop.enterprise.legal_rep,
            found_by_expert_id=found_by_expert_id, found_by_officer_id=found_by_officer_id,
            status=HazardStatus.PENDING,
        )
        h.original_deadline = h.deadline
        h.search_text = _hazard_search_text(h)
        session.add(h)
        session.flush()
        session.add(RectificationEvent(hazard_id=h.id, kind="found", to_status=h.status, actor=actor,
                                       visit_id=stop.visit_id, reason="检查项不符合"))
        change = OutcomeChange(hazard_created=h.id)
    elif outcome != Outcome.FAIL and existing is not None:
        has_photos = session.execute(select(HazardPhoto.id).where(HazardPhoto.hazard_id == existing.id)).first()
        if existing.version > 1 or has_photos or existing.status != HazardStatus.PENDING:
            change = OutcomeChange(hazard_kept=existing.id)
        else:
            session.delete(existing)
            change = OutcomeChange(hazard_removed=existing.id)
    flush_or_conflict(session, "检查记录")
    return change


def set_note(session: Session, stop_id: uuid.UUID, item_id: uuid.UUID, note: str, *, actor: str = "") -> None:
    stop = _editable_stop(session, stop_id)
    _done_guard(stop)
    r = _result(session, stop_id, item_id, actor)
    r.note = note.strip()
    _touch_stop(stop)
    flush_or_conflict(session, "检查记录")


def set_all_unchecked(session: Session, stop_id: uuid.UUID, outcome: str, *, actor: str = "") -> int:
    """Give every item still without an outcome this outcome (typically 不适用); returns how many."""
    if outcome == Outcome.FAIL:
        raise ServiceError("不能把未检项一次全部设为“不符合”，请逐项判定。")
    data = open_inspection(session, stop_id)
    n = 0
    for item in data.items:
        if item.outcome is None:
            set_outcome(session, stop_id, item.item_id, outcome, actor=actor)
            n += 1
    return n


def add_item_photos(session: Session, stop_id: uuid.UUID, item_id: uuid.UUID, photo_ids: list[uuid.UUID], *,
                    actor: str = "") -> None:
    stop = _editable_stop(session, stop_id)
    _done_guard(stop)
    r = _result(session, stop_id, item_id, actor)
    session.flush()
    have = set(session.execute(select(ChecklistResultPhoto.photo_id).where(
        ChecklistResultPhoto.result_id == r.id)).scalars())
    for pid in photo_ids:
        if pid not in have:
            session.add(ChecklistResultPhoto(result_id=r.id, photo_id=pid))
            have.add(pid)
    _touch_stop(stop)
    session.flush()


def remove_item_photo(session: Session, stop_id: uuid.UUID, item_id: uuid.UUID, photo_id: uuid.UUID) -> None:
    _done_guard(_stop(session, stop_id))
    r = _result(session, stop_id, item_id, "")
    session.flush()
    session.execute(delete(ChecklistResultPhoto).where(
        ChecklistResultPhoto.result_id == r.id, ChecklistResultPhoto.photo_id == photo_id))
    session.flush()


# ------------------------------------------------------------------------------------------------ hazards


def add_hazard(session: Session, stop_id: uuid.UUID, *, description: str = "", basis: str = "",
               category: str = "", severity: str = Severity.GENERAL, measure: str = "", actor: str = "",
               found_by_expert_id: uuid.UUID | None = None,
               found_by_officer_id: uuid.UUID | None = None) -> uuid.UUID:
    """A hazard outside the checklist (free, or from the hazard library)."""
    if severity not in set(Severity):
        raise ServiceError(f"未知的隐患等级：{severity}")
    stop = _editable_stop(session, stop_id)
    _done_guard(stop)
    found_on = stop.visit.day
    h = Hazard(
        enterprise_id=stop.enterprise_id, visit_id=stop.visit_id, stop_id=stop.id, seq=_next_seq(session, stop.id),
        description=description.strip(), basis=basis.strip(), category=category.strip(), severity=severity,
        measure=measure.strip(), found_on=found_on, deadline=default_deadline(session, severity, found_on),
        responsible_person=stop.enterprise.safety_manager or stop.enterprise.legal_rep,
        found_by_expert_id=found_by_expert_id, found_by_officer_id=found_by_officer_id, status=HazardStatus.PENDING,
    )
    h.original_deadline = h.deadline
    h.search_text = _hazard_search_text(h)
    session.add(h)
    _touch_stop(stop)
    session.flush()
    session.add(RectificationEvent(hazard_id=h.id, kind="found", to_status=h.status, actor=actor,
                                   visit_id=stop.visit_id, reason="现场检查发现"))
    session.flush()
    return h.id


def update_hazard(session: Session, hazard_id: uuid.UUID, field: str, value: Any, *, actor: str = "") -> HazardData:
    """Store one field of a hazard (autosave). Changing the severity moves a deadline that was still the default
    to the new severity's default."""
    if field not in HAZARD_FIELDS:
        raise ServiceError(f"不能修改隐患的“{field}”。")
    h = _hazard(session, hazard_id)
    if h.stop_id is not None:
        stop = _stop(session, h.stop_id)
        _done_guard(stop)
    _loop_guard(h)
    if (field == "rectified_on_site" and value and h.severity == Severity.MAJOR) or \
            (field == "severity" and value == Severity.MAJOR and h.rectified_on_site):
        raise ServiceError("重大事故隐患不能按“立即整改”当场销号：须制定整改方案，经执法人员复查后销号。")
    if isinstance(value, str):
        value = value.strip()
        most = _LIMITS.get(field)
        if most and len(value) > most:
            raise ServiceError(f"{_HAZARD_WORDS[field]}最多 {most} 个字（现在 {len(value)} 个）。")
    if field == "severity":
        if value not in set(Severity):
            raise ServiceError(f"未知的隐患等级：{value}")
        item_days = None
        if h.checklist_item_id:
            item = session.get(ChecklistItem, h.checklist_item_id)
            item_days = item.deadline_days if item else None
        if h.deadline == default_deadline(session, h.severity, h.found_on, item_days):
            h.deadline = default_deadline(session, value, h.found_on, item_days if value == h.severity else None)
    if field == "deadline" and value is not None:
        if not isinstance(value, date):
            raise ServiceError("整改期限不是有效日期。")
        if value < h.found_on:
            raise ServiceError(f"整改期限（{value:%Y-%m-%d}）不能早于发现日期（{h.found_on:%Y-%m-%d}）。")
    if field == "rectified_on_site":
        value = bool(value)
    if field == "found_by_expert_id" and value is not None:
        h.found_by_officer_id = None
    if field == "found_by_officer_id" and value is not None:
        h.found_by_expert_id = None
    if getattr(h, field) == value:
        return _hazard_rows(session, Hazard.id == h.id)[0]
    setattr(h, field, value)
    if h.stop_id is not None:
        h.original_deadline = h.deadline  # still being recorded (see _loop_guard): the first deadline is this one
    h.search_text = _hazard_search_text(h)
    flush_or_conflict(session, "隐患")
    return _hazard_rows(session, Hazard.id == h.id)[0]


def delete_hazard(session: Session, hazard_id: uuid.UUID, *, actor: str = "") -> None:
    """Remove a hazard recorded by mistake (only while its inspection is open). An item's hazard takes the item
    back to 未检."""
    h = _hazard(session, hazard_id)
    _loop_guard(h)
    if h.stop_id is not None:
        _done_guard(_stop(session, h.stop_id))
        if h.checklist_item_id:
            r = session.execute(select(ChecklistResult).where(
                ChecklistResult.stop_id == h.stop_id, ChecklistResult.item_id == h.checklist_item_id)
            ).scalar_one_or_none()
            if r is not None and r.outcome == Outcome.FAIL:
                r.outcome = None
    audit.record(session, actor, "hazard", h.id, "delete", description=h.description)
    session.delete(h)
    session.flush()


def add_hazard_photos(session: Session, hazard_id: uuid.UUID, photo_ids: list[uuid.UUID], *,
                      kind: str = "before") -> None:
    if kind not in ("before", "after", "evidence"):
        raise ServiceError(f"未知的照片类别：{kind}")
    h = _hazard(session, hazard_id)
    if h.stop_id is not None and kind != "evidence":
        _done_guard(_stop(session, h.stop_id))
    have = set(session.execute(select(HazardPhoto.photo_id).where(
        HazardPhoto.hazard_id == hazard_id, HazardPhoto.kind == kind)).scalars())
    for pid in photo_ids:
        if pid not in have:
            session.add(HazardPhoto(hazard_id=hazard_id, photo_id=pid, kind=kind))
            have.add(pid)
    session.flush()


def remove_hazard_photo(session: Session, hazard_id: uuid.UUID, photo_id: uuid.UUID, *, kind: str = "before") -> None:
    h = _hazard(session, hazard_id)
    if h.stop_id is not None:
        _done_guard(_stop(session, h.stop_id))
    session.execute(delete(HazardPhoto).where(
        HazardPhoto.hazard_id == hazard_id, HazardPhoto.photo_id == photo_id, HazardPhoto.kind == kind))
    session.flush()


# ------------------------------------------------------------------------------------------------ the stop


def set_stop_text(session: Session, stop_id: uuid.UUID, field: str, value: str, *, actor: str = "") -> None:
    if field not in STOP_TEXT_FIELDS:
        raise ServiceError(f"不能修改检查记录的“{field}”。")
    stop = _editable_stop(session, stop_id)
    _done_guard(stop)
    value = value.strip()
    most = _LIMITS.get(field)
    if most and len(value) > most:
        raise ServiceError(f"内容最多 {most} 个字（现在 {len(value)} 个）。")
    setattr(stop, field, value)
    _touch_stop(stop)
    flush_or_conflict(session, "检查记录")


def set_entry_verdict(session: Session, stop_id: uuid.UUID, verdict: str | None, reasons: str) -> None:
    """The verdict as recorded while the check goes on; it takes effect on the firm when the check is finished."""
    stop = _editable_stop(session, stop_id)
    _done_guard(stop)
    if stop.visit.kind != VisitKind.CAMPHOR_ENTRY:
        raise ServiceError("只有樟脑油准入检查才有准入结论。")
    if verdict is not None and verdict not in (EntryStatus.ADMITTED, EntryStatus.RECHECK, EntryStatus.REFUSED):
        raise ServiceError(f"未知的准入结论：{verdict}")
    stop.entry_verdict = verdict
    stop.entry_reasons = reasons.strip()
    _touch_stop(stop)
    flush_or_conflict(session, "检查记录")


def summary(session: Session, stop_id: uuid.UUID) -> Summary:
    data = open_inspection(session, stop_id)
    outcomes = [i.outcome for i in data.items]
    problems: list[str] = []
    unchecked = [i for i in data.items if i.outcome is None]
    if unchecked:
        first = unchecked[0]
        problems.append(f"还有 {len(unchecked)} 个检查项未判定（第一个：{first.seq}. {first.text[:30]}）。"
                        "不涉及的项请选“不适用”。")
    if not data.items and not data.hazards:
        problems.append("没有任何检查项或隐患记录。")
    for h in data.hazards:
        label = f"隐患 {h.seq}"
        if not h.description:
            problems.append(f"{label}：未填写隐患描述。")
        if h.rectified_on_site:
            if not h.after_photo_ids:
                problems.append(f"{label}：已立即整改，但缺少整改后的照片。")
        else:
            if not h.measure:
                problems.append(f"{label}：未填写整改措施。")
            if h.deadline is None:
                problems.append(f"{label}：未填写整改期限。")
            if not h.responsible_person:
                problems.append(f"{label}：未填写企业责任人。")
    if data.is_entry_check:
        if data.entry_verdict is None:
            problems.append("樟脑油准入检查需要给出结论：准予准入 / 整改后复查 / 不予准入（关停）。")
        elif data.entry_verdict != EntryStatus.ADMITTED and not data.entry_reasons:
            problems.append(f"结论为“{ENTRY_LABELS[data.entry_verdict]}”时须写明理由。")
        elif data.entry_verdict == EntryStatus.ADMITTED:
            failed = [i for i in data.items if i.outcome == Outcome.FAIL]
            open_major = [h for h in data.hazards if h.severity == Severity.MAJOR and not h.rectified_on_site]
            if failed or open_major:
                problems.append(f"有 {len(failed)} 个不符合项、{len(open_major)} 项重大事故隐患，不能“准予准入”："
                                "请改为“整改后复查”或“不予准入（关停）”，或先复核检查结果。")
    return Summary(
        items_total=len(outcomes), passed=outcomes.count(Outcome.PASS), failed=outcomes.count(Outcome.FAIL),
        not_applicable=outcomes.count(Outcome.NOT_APPLICABLE), unchecked=len(unchecked),
        hazards_general=sum(1 for h in data.hazards if h.severity != Severity.MAJOR),
        hazards_major=sum(1 for h in data.hazards if h.severity == Severity.MAJOR),
        rectified_on_site=sum(1 for h in data.hazards if h.rectified_on_site), problems=tuple(problems),
    )


def finish(session: Session, stop_id: uuid.UUID, *, actor: str = "", on: date | None = None) -> Summary:
    """Check the record is complete, then mark this firm done: hazards rectified on the spot are closed with their
    evidence, an entry verdict takes effect on the firm, and the visit is 已完成 when all its firms are."""
    stop = _editable_stop(session, stop_id)
    _done_guard(stop)
    result = summary(session, stop_id)
    if result.problems:
        raise FinishRefused(list(result.problems))
    today = on or stop.visit.day
    for h in session.execute(select(Hazard).where(Hazard.stop_id == stop_id)).scalars():
        if h.rectified_on_site and h.status == HazardStatus.PENDING and h.severity != Severity.MAJOR:
            session.add(RectificationEvent(hazard_id=h.id, kind="rectified_on_site", from_status=h.status,
                                           to_status=HazardStatus.CLOSED, actor=actor, visit_id=stop.visit_id,
                                           reason="立即整改，现场确认"))
            h.status = HazardStatus.CLOSED
            h.closed_on = h.found_on
            h.closed_by = actor
    if stop.visit.kind == VisitKind.CAMPHOR_ENTRY and stop.entry_verdict:
        from models.services import camphor

        camphor.record_verdict(session, stop.id, stop.entry_verdict, stop.entry_reasons, actor=actor,
                               on=stop.visit.day)
    stop.done = True
    stop.finished_at = utcnow()
    _touch_stop(stop)
    visit = stop.visit
    if all(s.done for s in visit.stops):
        visit.status = VisitStatus.DONE
    audit.record(session, actor, "visit_stop", stop.id, "finish", hazards=result.hazards, day=today)
    flush_or_conflict(session, "检查记录")
    return result


def reopen(session: Session, stop_id: uuid.UUID, reason: str, *, actor: str = "") -> None:
    """Unlock a finished firm for a correction (the reason is kept in the audit log)."""
    if not reason.strip():
        raise ServiceError("重新打开已完成的检查须写明原因。")
    stop = _stop(session, stop_id)
    if not stop.done:
        return
    stop.done = False
    stop.finished_at = None
    if stop.visit.status == VisitStatus.DONE:
        stop.visit.status = VisitStatus.IN_PROGRESS
    audit.record(session, actor, "visit_stop", stop.id, "reopen", reason=reason.strip())
    flush_or_conflict(session, "检查记录")


# ------------------------------------------------------------------------------------------------ archive


@dataclass(frozen=True)
class InspectionRow:
    stop_id: uuid.UUID
    visit_id: uuid.UUID
    day: date
    kind: str
    done: bool
    items_checked: int
    failed: int
    hazards: int
    major: int
    entry_verdict: str | None
    people: str


def enterprise_inspections(session: Session, enterprise_id: uuid.UUID) -> list[InspectionRow]:
    """The firm's inspections, newest first, with their counts (the archive's 现场检查 tab)."""
    stops = session.execute(
        select(VisitStop, Visit).join(Visit, Visit.id == VisitStop.visit_id)
        .where(VisitStop.enterprise_id == enterprise_id, Visit.status != VisitStatus.CANCELLED)
        .order_by(Visit.day.desc())
    ).all()
    ids = [s.id for s, _v in stops]
    if not ids:
        return []
    checked: dict[uuid.UUID, tuple[int, int]] = {}
    for sid, outcome, n in session.execute(
        select(ChecklistResult.stop_id, ChecklistResult.outcome, func.count())
        .where(ChecklistResult.stop_id.in_(ids), ChecklistResult.outcome.is_not(None))
        .group_by(ChecklistResult.stop_id, ChecklistResult.outcome)
    ):
        c, f = checked.get(sid, (0, 0))
        checked[sid] = (c + n, f + (n if outcome == Outcome.FAIL else 0))
    hz: dict[uuid.UUID, tuple[int, int]] = {}
    for sid, sev, n in session.execute(
        select(Hazard.stop_id, Hazard.severity, func.count()).where(Hazard.stop_id.in_(ids))
        .group_by(Hazard.stop_id, Hazard.severity)
    ):
        a, m = hz.get(sid, (0, 0))
        hz[sid] = (a + n, m + (n if sev == Severity.MAJOR else 0))
    names: dict[uuid.UUID, list[str]] = {}
    for vid, name in session.execute(
        select(VisitMember.visit_id, Expert.name).join(Expert, Expert.id == VisitMember.expert_id)
        .where(VisitMember.visit_id.in_({v.id for _s, v in stops}), VisitMember.refused.is_(False))
    ):
        names.setdefault(vid, []).append(name)
    return [
        InspectionRow(
            stop_id=s.id, visit_id=v.id, day=v.day, kind=v.kind, done=s.done,
            items_checked=checked.get(s.id, (0, 0))[0], failed=checked.get(s.id, (0, 0))[1],
            hazards=hz.get(s.id, (0, 0))[0], major=hz.get(s.id, (0, 0))[1], entry_verdict=s.entry_verdict,
            people="、".join(sorted(names.get(v.id, []))),
        )
        for s, v in stops
    ]


def enterprise_hazards(session: Session, enterprise_id: uuid.UUID) -> list[HazardData]:
    """Every hazard of the firm, newest first (the archive's 隐患 tab)."""
    rows = _hazard_rows(session, Hazard.enterprise_id == enterprise_id)
    return sorted(rows, key=lambda h: (h.found_on, -h.seq), reverse=True)


def stop_for(session: Session, visit_id: uuid.UUID, enterprise_id: uuid.UUID) -> uuid.UUID:
    sid = session.execute(select(VisitStop.id).where(
        VisitStop.visit_id == visit_id, VisitStop.enterprise_id == enterprise_id)).scalar()
    if sid is None:
        raise NotFound("该企业不在这次检查的路线中。")
    return sid


def visit_stops(session: Session, visit_id: uuid.UUID) -> list[tuple[uuid.UUID, str, bool]]:
    """(stop id, firm name, done) in route order: the inspection screen's firm switcher."""
    return [(sid, name, done) for sid, name, done in session.execute(
        select(VisitStop.id, Enterprise.name, VisitStop.done).join(Enterprise, Enterprise.id == VisitStop.enterprise_id)
        .where(VisitStop.visit_id == visit_id).order_by(VisitStop.seq))]


@dataclass(frozen=True)
class StopBrief:
    stop_id: uuid.UUID
    enterprise_name: str
    done: bool
    hazards: int


@dataclass(frozen=True)
class VisitBrief:
    visit_id: uuid.UUID
    day: date
    kind: str
    status: str
    people: str
    stops: tuple[StopBrief, ...]


def visits_for_recording(session: Session, day: date) -> list[VisitBrief]:
    """The visits of ``day`` (not cancelled), then earlier visits still 进行中 (a record left half-done)."""
    visits = session.execute(
        select(Visit).where(
            Visit.status != VisitStatus.CANCELLED,
            (Visit.day == day) | ((Visit.day < day) & (Visit.status == VisitStatus.IN_PROGRESS)),
        ).order_by(Visit.day.desc(), Visit.created_at)
    ).scalars().all()
    if not visits:
        return []
    ids = [v.id for v in visits]
    stops: dict[uuid.UUID, list[tuple[int, StopBrief]]] = {}
    counts = dict(session.execute(
        select(Hazard.stop_id, func.count()).where(Hazard.visit_id.in_(ids)).group_by(Hazard.stop_id)).all())
    for sid, vid, seq, name, done in session.execute(
        select(VisitStop.id, VisitStop.visit_id, VisitStop.seq, Enterprise.name, VisitStop.done)
        .join(Enterprise, Enterprise.id == VisitStop.enterprise_id).where(VisitStop.visit_id.in_(ids))
    ):
        stops.setdefault(vid, []).append((seq, StopBrief(sid, name, done, counts.get(sid, 0))))
    names: dict[uuid.UUID, list[str]] = {}
    for vid, ename, oname in session.execute(
        select(VisitMember.visit_id, Expert.name, Officer.name)
        .outerjoin(Expert, Expert.id == VisitMember.expert_id).outerjoin(Officer, Officer.id == VisitMember.officer_id)
        .where(VisitMember.visit_id.in_(ids), VisitMember.refused.is_(False))
        .order_by(VisitMember.role, VisitMember.created_at)
    ):
        if ename or oname:
            names.setdefault(vid, []).append(ename or oname)
    return [
        VisitBrief(v.id, v.day, v.kind, v.status, "、".join(names.get(v.id, [])),
                   tuple(b for _seq, b in sorted(stops.get(v.id, []), key=lambda x: x[0])))
        for v in visits
    ]
