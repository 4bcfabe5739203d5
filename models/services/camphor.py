"""Camphor-oil firms (樟脑油企业) and their entry check (准入检查): the verdict of a check, the entry status and its
history, and the register of every camphor-oil firm (domain note: camphor-oil.md). No Qt.

Who is a camphor-oil firm: ``Enterprise.sector == "樟脑油"``. Its current entry status is ``Enterprise.entry_status``
(``EntryStatus``; None is read as 未检查); every change is one ``EntryStatusChange`` line (the history).

A verdict (``record_verdict``) is given on one firm of a 樟脑油准入检查 visit (a ``VisitStop``):

- 准予准入 (admitted): the firm may operate. Its enterprise status becomes 正常 (from 暂时停产停业 after the May 2022
  halt, or from 关闭取缔 when an earlier refusal is overturned).
- 整改后复查 (recheck): rectify, then be checked again; until then it may not operate, so a firm that was 正常 (or
  关闭取缔) becomes 暂时停产停业; one already 暂时停产停业 / 停产整顿 stays as it is.
- 不予准入（关停） (refused): the firm is shut. Its status becomes 关闭取缔, not 暂时停产停业: every firm has been
  暂时停产停业 since the May 2022 halt, so keeping that status would not record the refusal at all; the seed figure
  "23 checked, 12 shut" and the demo data read 关停 as closed for good. (A refusal then calls for an on-site handling
  decision, 现场处理措施决定书, which the documents module prints.)
- A 已注销 firm keeps its status whatever the verdict.

Each enterprise-status change is an ``EnterpriseStatusChange`` line with the verdict and its reasons, dated the day
of the verdict, as the archive (一企一档) shows it.

Re-recording a verdict on the same stop (the experts correct it, or the check is reopened and finished again)
replaces that stop's history line instead of adding a second one, and works from the statuses the firm had *before*
the first recording: correcting 不予准入 to 准予准入 leaves the firm 正常 with the history 暂停 → 准予准入, and
correcting back to what the firm was before removes the enterprise-status line the first recording wrote. The link
from a stop to the enterprise-status line its verdict wrote is kept in the verdict's audit entry (``detail``:
``n``, ``status_before``, ``status_after``, ``status_change_id``): the schema has no column for it.

The history is a chain: each line's ``old_status`` is the previous line's ``new_status`` (ordered by date; on one
day a decision without a check comes before a check), and the firm's ``entry_status`` is the last line's. Recording
a check late (dated before a later line) therefore slots it into place, and only a verdict that ends up last changes
the firm's current statuses.

Stops that carry a verdict but have no history line (data written before the history existed, e.g. the demo data)
still count as checks and appear in ``history`` as events derived from the stop.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.entities import (
    AuditEntry,
    ChecklistItem,
    ChecklistResult,
    ChecklistTemplate,
    Enterprise,
    EnterpriseStatusChange,
    EntryStatusChange,
    Town,
    Village,
    Visit,
    VisitStop,
)
from models.enums import (
    ENTRY_LABELS,
    STATUS_LABELS,
    VISIT_KIND_LABELS,
    EnterpriseStatus,
    EntryStatus,
    Outcome,
    VisitKind,
    VisitStatus,
)
from models.services import audit
from models.services.errors import FieldError, NotFound, ValidationFailed
from models.services.locking import flush_or_conflict

SECTOR = "樟脑油"
VERDICTS: tuple[str, ...] = (EntryStatus.ADMITTED, EntryStatus.RECHECK, EntryStatus.REFUSED)
# Register order: the firms that need attention first.
STATUS_ORDER: dict[str, int] = {EntryStatus.REFUSED: 0, EntryStatus.RECHECK: 1, EntryStatus.NOT_CHECKED: 2,
                                EntryStatus.ADMITTED: 3}
_AUDIT_ENTITY, _AUDIT_ACTION = "visit_stop", "entry_verdict"


@dataclass(frozen=True)
class EntryEvent:
    """One line of a firm's entry history."""

    on: date
    old_status: str | None  # EntryStatus; None before the first line
    new_status: str
    reason: str
    changed_by: str
    stop_id: uuid.UUID | None  # the check that gave the verdict; None for a decision without a check
    visit_day: date | None  # the day of that check


@dataclass(frozen=True)
class CamphorRow:
    """One firm of the camphor-oil register."""

    enterprise_id: uuid.UUID
    name: str
    town: str
    village: str
    address: str
    legal_rep: str
    entry_status: str  # EntryStatus (未检查 when the firm has none)
    enterprise_status: str  # EnterpriseStatus
    last_check_on: date | None  # day of the last check with a verdict
    checks: int  # checks with a verdict
    last_reasons: str  # reasons of the last verdict
    failed_items: int  # 不符合 items in the last check
    history: tuple[EntryEvent, ...]  # oldest first


@dataclass(frozen=True)
class ItemResult:
    """One checklist item of a check, as the experts judged it."""

    template: str
    seq: int
    text: str
    outcome: str | None  # Outcome; None when not judged
    note: str


@dataclass(frozen=True)
class EntryCheck:
    """A firm's last check with a verdict: what the panel and documents show about it."""

    stop_id: uuid.UUID
    visit_day: date
    verdict: str
    reasons: str
    halt_ref: str  # the original halt decision (原停产停业决定)
    evidence: str  # the firm's rectification evidence (整改佐证材料)
    summary: str
    items: tuple[ItemResult, ...]

    @property
    def failed(self) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if i.outcome == Outcome.FAIL)


# ================================================================================================ writes


def _implied_status(before: str, verdict: str) -> str:
    """The enterprise status a verdict gives a firm that had ``before`` (see the module docstring)."""
    if before == EnterpriseStatus.DEREGISTERED:
        return before
    if verdict == EntryStatus.REFUSED:
        return EnterpriseStatus.CLOSED
    if verdict == EntryStatus.ADMITTED:
        return EnterpriseStatus.NORMAL
    if before in (EnterpriseStatus.HALTED, EnterpriseStatus.RECTIFYING):
        return before
    return EnterpriseStatus.HALTED


def _line_key(ln: EntryStatusChange) -> tuple[Any, ...]:
    """Chain order: by date; on one day a decision without a check before the checks; then as recorded."""
    return (ln.changed_on, ln.stop_id is not None, ln.created_at or utcnow(), str(ln.id))


def _stop_key(s: Any) -> tuple[Any, ...]:
    return (s.day, True, s.created_at, str(s.id))


def _sequence(lines: Iterable[EntryStatusChange], stops: Iterable[Any]) -> list[EntryStatusChange | Any]:
    """The history lines and the checks with a verdict but no line (older data), in chain order."""
    lines = list(lines)
    linked = {ln.stop_id for ln in lines}
    items: list[tuple[tuple[Any, ...], EntryStatusChange | Any]] = [(_line_key(ln), ln) for ln in lines]
    items += [(_stop_key(s), s) for s in stops if s.id not in linked]
    items.sort(key=lambda x: x[0])
    return [x[1] for x in items]


def _lines(session: Session, enterprise_id: uuid.UUID) -> list[EntryStatusChange]:
    q = select(EntryStatusChange).where(EntryStatusChange.enterprise_id == enterprise_id)
    return sorted(session.scalars(q), key=_line_key)


def _rechain(session: Session, ent: Enterprise, start: str | None) -> EntryStatusChange | Any | None:
    """Link each line to the one before it (``start`` is the first one's old status), set the firm's current
    entry status from the last one, and return that last line (or older check)."""
    session.flush()
    sequence = _sequence(_lines(session, ent.id), _verdict_stops(session, [ent.id]).get(ent.id, []))
    previous = start
    for item in sequence:
        if isinstance(item, EntryStatusChange):
            if item.old_status != previous:
                item.old_status = previous
            previous = item.new_status
        else:
            previous = item.verdict
    if sequence:
        ent.entry_status = previous
    return sequence[-1] if sequence else None


def _start_status(session: Session, ent: Enterprise, exclude: uuid.UUID | None = None) -> str | None:
    """What the firm had before its history began, read before a write: the first line's old status.
    ``exclude``: the stop being recorded (its verdict may be on the stop already, with no line yet)."""
    stops = [s for s in _verdict_stops(session, [ent.id]).get(ent.id, []) if s.id != exclude]
    sequence = _sequence(_lines(session, ent.id), stops)
    if sequence and isinstance(sequence[0], EntryStatusChange):
        return sequence[0].old_status
    return EntryStatus.NOT_CHECKED if sequence else (ent.entry_status or EntryStatus.NOT_CHECKED)


def _camphor_firm(session: Session, enterprise_id: uuid.UUID) -> Enterprise:
    ent = session.get(Enterprise, enterprise_id)
    if ent is None:
        raise NotFound("该企业档案已不存在（可能已被其他用户删除）。")
    if ent.sector != SECTOR:
        raise ValidationFailed([FieldError(
            "enterprise_id", f"“{ent.name}”的行业领域是“{ent.sector}”，不是樟脑油企业，没有准入状态。"
                             "如行业领域有误，请先在企业档案中更正。")])
    return ent


def _last_recording(session: Session, stop_id: uuid.UUID) -> dict[str, Any] | None:
    """What the previous recording of this stop's verdict did (its audit detail), or None."""
    q = select(AuditEntry.detail).where(AuditEntry.entity == _AUDIT_ENTITY, AuditEntry.entity_id == stop_id,
                                        AuditEntry.action == _AUDIT_ACTION)
    details = [d for d in session.scalars(q) if isinstance(d, dict)]
    return max(details, key=lambda d: int(d.get("n") or 0)) if details else None


def _stamp(on: date) -> datetime:
    """``changed_at`` of an enterprise-status line dated ``on``: now when it is today, else that day."""
    now = utcnow()
    return now if on == now.date() else datetime.combine(on, time())


def record_verdict(session: Session, stop_id: uuid.UUID, verdict: str, reasons: str, *, actor: str,
                   on: date | None = None, halt_ref: str | None = None, evidence: str | None = None) -> None:
    """Record the verdict of a camphor-oil entry check on one firm (see the module docstring for its effects).

    ``on`` is the day of the verdict (default: the day of the check). ``halt_ref`` / ``evidence``, when given, are
    saved on the stop with it (the original halt decision, the firm's rectification evidence). Raises
    ValidationFailed (fields ``verdict``, ``reasons``) with every problem, writing nothing; NotFound for a stop
    that no longer exists."""
    stop = session.get(VisitStop, stop_id)
    if stop is None:
        raise NotFound("该检查记录已不存在（可能已被其他用户删除）。")
    visit: Visit = stop.visit
    ent: Enterprise = stop.enterprise
    reasons = (reasons or "").strip()
    errors: list[FieldError] = []
    if visit.kind != VisitKind.CAMPHOR_ENTRY:
        kind = VISIT_KIND_LABELS.get(visit.kind, visit.kind)
        errors.append(FieldError("verdict", f"只有“樟脑油准入检查”才能作出准入结论，这次检查是“{kind}”。"))
    elif visit.status == VisitStatus.CANCELLED:
        errors.append(FieldError("verdict", "这次检查已取消，不能作出准入结论。"))
    if ent.sector != SECTOR:
        errors.append(FieldError("verdict", f"“{ent.name}”的行业领域是“{ent.sector}”，不是樟脑油企业，不能作出准入结论。"
                                            "如行业领域有误，请先在企业档案中更正。"))
    if verdict not in VERDICTS:
        errors.append(FieldError("verdict", "请选择准入结论：准予准入、整改后复查或不予准入（关停）。"))
    elif verdict != EntryStatus.ADMITTED and not reasons:
        errors.append(FieldError("reasons", f"结论为“{ENTRY_LABELS[verdict]}”时须写明理由。"))
    if errors:
        raise ValidationFailed(errors)
    on = on or visit.day

    previous = _last_recording(session, stop.id)
    start = _start_status(session, ent, exclude=stop.id)
    line = session.scalars(select(EntryStatusChange).where(EntryStatusChange.stop_id == stop.id)).first()
    if line is None:
        line = EntryStatusChange(enterprise_id=ent.id, stop_id=stop.id, old_status=ent.entry_status)
        session.add(line)
    line.new_status, line.reason, line.changed_on, line.changed_by = verdict, reasons, on, actor
    stop.entry_verdict, stop.entry_reasons = verdict, reasons
    if halt_ref is not None:
        stop.entry_halt_ref = halt_ref.strip()
    if evidence is not None:
        stop.entry_evidence = evidence.strip()
    last = _rechain(session, ent, start)

    # the enterprise status: from the status before the first recording of this stop, if nothing changed it since
    ours: EnterpriseStatusChange | None = None
    before = ent.status
    if previous is not None and previous.get("status_after") == ent.status:
        before = previous.get("status_before") or ent.status
        if previous.get("status_change_id"):
            ours = session.get(EnterpriseStatusChange, uuid.UUID(previous["status_change_id"]))
    change_id: uuid.UUID | None = None
    if last is line:
        target = _implied_status(before, verdict)
        text = f"樟脑油准入检查（{visit.day.isoformat()}）结论：{ENTRY_LABELS[verdict]}" + (f"。{reasons}" if reasons else "")
        if ours is not None and target == ours.old_status:
            ent.status_changes.remove(ours)  # the correction puts the firm back where it was: its line goes
        elif ours is not None:
            ours.new_status, ours.reason, ours.changed_by, ours.changed_at = target, text, actor, _stamp(on)
            change_id = ours.id
        elif target != ent.status:
            ours = EnterpriseStatusChange(id=uuid.uuid4(), old_status=ent.status, new_status=target, reason=text,
                                          changed_by=actor, changed_at=_stamp(on))
            ent.status_changes.append(ours)
            change_id = ours.id
        ent.status = target
    else:
        before = ent.status
    audit.record(session, actor, _AUDIT_ENTITY, stop.id, _AUDIT_ACTION,
                 n=int(previous.get("n") or 0) + 1 if previous else 1, enterprise_id=ent.id, verdict=verdict,
                 reasons=reasons, on=on, status_before=before, status_after=ent.status, status_change_id=change_id,
                 previous_verdict=previous.get("verdict") if previous else None)
    flush_or_conflict(session, "企业档案")


def set_initial_status(session: Session, enterprise_id: uuid.UUID, status: str, *, reason: str, on: date,
                       actor: str) -> None:
    """A history line that no check gave: the starting point (e.g. the May 2022 halt, 未检查 with the reason
    "2022年5月 停产停业决定"), or a status decided on paper before the program was used.

    Changes the entry status only; the enterprise status (暂时停产停业 …) is the archive's business."""
    ent = _camphor_firm(session, enterprise_id)
    reason = (reason or "").strip()
    errors: list[FieldError] = []
    if status not in STATUS_ORDER:
        errors.append(FieldError("status", f"准入状态“{status}”无效。"))
    if not reason:
        errors.append(FieldError("reason", "请写明依据或原因（如：2022年5月 停产停业决定）。"))
    if on is None:
        errors.append(FieldError("on", "请填写日期。"))
    if errors:
        raise ValidationFailed(errors)
    start = _start_status(session, ent)
    if not _lines(session, ent.id):
        start = None  # the very first line: nothing before it
    session.add(EntryStatusChange(enterprise_id=ent.id, old_status=start, new_status=status, changed_on=on,
                                  reason=reason, stop_id=None, changed_by=actor))
    _rechain(session, ent, start)
    audit.record(session, actor, "enterprise", ent.id, "entry_status", status=status, reason=reason, on=on)
    flush_or_conflict(session, "企业档案")


# ================================================================================================ reads


_E = Enterprise.__table__.c


def _verdict_stops(session: Session, firm_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    """Per firm, its checks with a verdict (rows: enterprise_id, id, day, verdict, reasons, recorded_by,
    created_at), oldest first."""
    out: dict[uuid.UUID, list[Any]] = {}
    if not firm_ids:
        return out
    q = (select(VisitStop.enterprise_id, VisitStop.id, Visit.day, VisitStop.entry_verdict.label("verdict"),
                VisitStop.entry_reasons.label("reasons"), VisitStop.recorded_by, VisitStop.created_at)
         .join(Visit, Visit.id == VisitStop.visit_id)
         .where(Visit.kind == VisitKind.CAMPHOR_ENTRY, Visit.status != VisitStatus.CANCELLED,
                VisitStop.entry_verdict.is_not(None), VisitStop.enterprise_id.in_(firm_ids))
         .order_by(Visit.day, VisitStop.finished_at, VisitStop.created_at))
    for r in session.execute(q):
        out.setdefault(r[0], []).append(r)
    return out


def _events(lines: Iterable[EntryStatusChange], stops: list[Any]) -> tuple[EntryEvent, ...]:
    """The history as events: the lines, and an event for each check with a verdict but no line."""
    day_of = {s.id: s.day for s in stops}
    out: list[EntryEvent] = []
    for item in _sequence(lines, stops):
        if isinstance(item, EntryStatusChange):
            out.append(EntryEvent(item.changed_on, item.old_status, item.new_status, item.reason, item.changed_by,
                                  item.stop_id, day_of.get(item.stop_id)))
        else:
            old = out[-1].new_status if out else None
            out.append(EntryEvent(item.day, old, item.verdict, item.reasons or "", item.recorded_by or "", item.id,
                                  item.day))
    return tuple(out)


def register(session: Session, *, status: str | None = None, town_id: uuid.UUID | None = None,
             text: str = "") -> list[CamphorRow]:
    """Every camphor-oil firm (also those never checked) that passes the filters, in the order 不予准入, 整改后复查,
    未检查, 准予准入, then by name in pinyin order. ``status``: an EntryStatus code; ``text``: words that must all
    occur in the name, its pinyin initials, the USCC, the address or the legal representative. Four queries."""
    t, v = Town.__table__.alias(), Village.__table__.alias()
    q = (select(_E.id, _E.name, func.coalesce(t.c.name, ""), func.coalesce(v.c.name, ""), _E.address, _E.legal_rep,
                _E.entry_status, _E.status, _E.name_sort)
         .select_from(Enterprise.__table__)
         .outerjoin(t, t.c.id == _E.town_id).outerjoin(v, v.c.id == _E.village_id)
         .where(_E.sector == SECTOR))
    if status == EntryStatus.NOT_CHECKED:
        q = q.where(or_(_E.entry_status.is_(None), _E.entry_status == EntryStatus.NOT_CHECKED))
    elif status:
        q = q.where(_E.entry_status == status)
    if town_id is not None:
        q = q.where(_E.town_id == town_id)
    for word in (text or "").lower().split():
        q = q.where(_E.search_text.contains(word, autoescape=True))
    firms = list(session.execute(q))
    ids = [r[0] for r in firms]
    stops = _verdict_stops(session, ids)
    lines: dict[uuid.UUID, list[EntryStatusChange]] = {}
    if ids:
        for ln in session.scalars(select(EntryStatusChange).where(EntryStatusChange.enterprise_id.in_(ids))):
            lines.setdefault(ln.enterprise_id, []).append(ln)
    last_stop = {eid: s[-1] for eid, s in stops.items()}
    failed: dict[uuid.UUID, int] = {}
    if last_stop:
        fq = (select(ChecklistResult.stop_id, func.count())
              .where(ChecklistResult.stop_id.in_([s.id for s in last_stop.values()]),
                     ChecklistResult.outcome == Outcome.FAIL)
              .group_by(ChecklistResult.stop_id))
        failed = {stop_id: n for stop_id, n in session.execute(fq)}
    rows = []
    for eid, name, town, village, address, legal_rep, entry, ent_status, name_sort in firms:
        last = last_stop.get(eid)
        rows.append((STATUS_ORDER.get(entry or EntryStatus.NOT_CHECKED, 9), name_sort or "", name, CamphorRow(
            enterprise_id=eid, name=name, town=town, village=village, address=address, legal_rep=legal_rep,
            entry_status=entry or EntryStatus.NOT_CHECKED, enterprise_status=ent_status,
            last_check_on=last.day if last else None, checks=len(stops.get(eid, ())),
            last_reasons=(last.reasons or "") if last else "", failed_items=failed.get(last.id, 0) if last else 0,
            history=_events(lines.get(eid, ()), stops.get(eid, [])))))
    rows.sort(key=lambda x: x[:3])
    return [r[3] for r in rows]


def history(session: Session, enterprise_id: uuid.UUID) -> list[EntryEvent]:
    """The firm's entry history, oldest first."""
    ent = _camphor_firm(session, enterprise_id)
    lines = session.scalars(select(EntryStatusChange).where(EntryStatusChange.enterprise_id == ent.id))
    return list(_events(lines, _verdict_stops(session, [ent.id]).get(ent.id, [])))


def last_check(session: Session, enterprise_id: uuid.UUID) -> EntryCheck | None:
    """The firm's last check with a verdict, with the halt decision, the evidence and the item-by-item result."""
    ent = _camphor_firm(session, enterprise_id)
    stops = _verdict_stops(session, [ent.id]).get(ent.id)
    if not stops:
        return None
    stop = session.get(VisitStop, stops[-1].id)
    assert stop is not None
    q = (select(ChecklistTemplate.name, ChecklistItem.seq, ChecklistItem.text, ChecklistResult.outcome,
                ChecklistResult.note)
         .join(ChecklistItem, ChecklistItem.id == ChecklistResult.item_id)
         .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistItem.template_id)
         .where(ChecklistResult.stop_id == stop.id)
         .order_by(ChecklistTemplate.name, ChecklistItem.seq))
    items = tuple(ItemResult(*r) for r in session.execute(q))
    return EntryCheck(stop_id=stop.id, visit_day=stop.visit.day, verdict=stop.entry_verdict or "",
                      reasons=stop.entry_reasons, halt_ref=stop.entry_halt_ref, evidence=stop.entry_evidence,
                      summary=stop.summary, items=items)


def totals(session: Session) -> dict[str, int]:
    """{"firms", "checked", "admitted", "recheck", "refused", "not_checked"} over all camphor-oil firms; checked =
    firms with an entry status other than 未检查."""
    q = select(_E.entry_status, func.count()).where(_E.sector == SECTOR).group_by(_E.entry_status)
    out = {"firms": 0, "checked": 0, EntryStatus.ADMITTED.value: 0, EntryStatus.RECHECK.value: 0,
           EntryStatus.REFUSED.value: 0, EntryStatus.NOT_CHECKED.value: 0}
    for code, n in session.execute(q):
        key = code if code in out and code != "firms" else EntryStatus.NOT_CHECKED.value
        out[key] += n
        out["firms"] += n
    out["checked"] = out["firms"] - out[EntryStatus.NOT_CHECKED]
    return out


# ================================================================================================ export

EXPORT_HEADERS = ("序号", "企业名称", "所属镇", "村（社区）", "地址", "法定代表人", "准入状态", "企业状态",
                  "最近检查日期", "检查次数", "不符合项", "最近结论理由", "准入历程")
HISTORY_HEADERS = ("企业名称", "日期", "原准入状态", "新准入状态", "理由", "检查日期", "记录人")
_FILLS = {EntryStatus.REFUSED: "F8D7DA", EntryStatus.RECHECK: "FFF3CD", EntryStatus.ADMITTED: "D4EDDA"}


def event_line(e: EntryEvent) -> str:
    """"2022-07-05 未检查 → 准予准入：理由（检查 2022-07-05）" — one history line as text."""
    old = ENTRY_LABELS.get(e.old_status, e.old_status) if e.old_status else "—"
    line = f"{e.on.isoformat()} {old} → {ENTRY_LABELS.get(e.new_status, e.new_status)}"
    if e.reason:
        line += f"：{e.reason}"
    if e.visit_day:
        line += f"（检查 {e.visit_day.isoformat()}）"
    return line


def export_register(rows: Sequence[CamphorRow], path: str | os.PathLike[str]) -> int:
    """Write the register (sheet 樟脑油企业名册) and every history line (sheet 准入历程) to an .xlsx file; returns the
    number of firms. The file appears only when complete (ServiceError with the reason when it cannot be written)."""
    from pathlib import Path

    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from models.services.enterprise_excel import _atomic_target

    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(vertical="top", wrap_text=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "樟脑油企业名册"
    ws.append(list(EXPORT_HEADERS))
    for n, r in enumerate(rows, start=1):
        ws.append([n, r.name, r.town, r.village or None, r.address or None, r.legal_rep or None,
                   ENTRY_LABELS.get(r.entry_status, r.entry_status),
                   STATUS_LABELS.get(r.enterprise_status, r.enterprise_status), r.last_check_on, r.checks,
                   r.failed_items if r.checks else None, r.last_reasons or None,
                   "\n".join(event_line(e) for e in r.history) or None])
        fill = _FILLS.get(r.entry_status)
        if fill:
            ws.cell(row=n + 1, column=7).fill = PatternFill("solid", fgColor=fill)
        ws.cell(row=n + 1, column=9).number_format = "yyyy-mm-dd"
        for col in (12, 13):
            ws.cell(row=n + 1, column=col).alignment = wrap
    for i, width in enumerate((6, 36, 12, 14, 30, 12, 18, 14, 13, 9, 9, 44, 70), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    hs = wb.create_sheet("准入历程")
    hs.append(list(HISTORY_HEADERS))
    for r in rows:
        for e in r.history:
            hs.append([r.name, e.on, ENTRY_LABELS.get(e.old_status, e.old_status) if e.old_status else None,
                       ENTRY_LABELS.get(e.new_status, e.new_status), e.reason or None, e.visit_day,
                       e.changed_by or None])
            for col in (2, 6):
                hs.cell(row=hs.max_row, column=col).number_format = "yyyy-mm-dd"
            hs.cell(row=hs.max_row, column=5).alignment = wrap
    for i, width in enumerate((36, 12, 18, 18, 60, 12, 12), start=1):
        hs.column_dimensions[get_column_letter(i)].width = width
    for sheet in (ws, hs):
        for cell in sheet[1]:
            cell.font, cell.fill = bold, head_fill
            cell.alignment = Alignment(horizontal="center", vertical="center")
        sheet.freeze_panes = "A2"
    with _atomic_target(Path(path)) as tmp:
        wb.save(tmp)
    return len(rows)


__all__ = [
    "CamphorRow",
    "EntryCheck",
    "EntryEvent",
    "ItemResult",
    "SECTOR",
    "STATUS_ORDER",
    "VERDICTS",
    "event_line",
    "export_register",
    "history",
    "last_check",
    "record_verdict",
    "register",
    "set_initial_status",
    "totals",
]
