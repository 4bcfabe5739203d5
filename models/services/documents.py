"""Enforcement documents (执法文书): build from the database, number, issue (freeze), void, correct, verify, export.

The forms and their wording are /work/shared/domain/documents.md; every wording a county may change is a setting
(``doc_*`` keys, ``agency_name``, ``county_abbr``: ``models/services/settings.py``). ``build`` turns what the clerk
chose in the compose dialog (``DraftInput``) into ``document_data.DocumentData``; ``document_pdf.render`` prints it.

Numbers — ``（汨）应急责改〔2026〕12号``: n runs per kind and year from 1, unique and without gaps. ``issue`` takes n in
the caller's transaction, inside a savepoint, so the document row and its number commit or roll back together (a
failed issue gives its number back, even if the caller then commits other work):

* PostgreSQL: ``INSERT … ON CONFLICT (kind, year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`` on
  ``document_counters``. The upsert locks the counter row until commit; a second clerk's upsert waits and then sees
  the committed value (READ COMMITTED re-reads the row on conflict).
* SQLite: the first statement of ``issue`` is a write (a no-op UPDATE of ``document_counters``), which takes the
  database's write lock exactly as ``BEGIN IMMEDIATE`` would (``models/db.py`` lets SQLAlchemy emit ``BEGIN`` itself
  and a deferred transaction whose first statement writes waits on the busy timeout for the lock). Everything the
  document is built from is then read under that lock, and the lock is held until commit. Call ``issue`` first in
  its transaction (the UI's one session per action does): a transaction that has already read may find its snapshot
  stale and is refused with ``ConcurrentEdit`` instead of waiting.
* ``(kind, year, seq)`` is unique in the schema as the last line of defence.
* Setting ``doc_share_visit_number``: a document of another kind takes the n (and year) of the issued 现场检查记录 it
  refers to, or else of the issued record of the same firm on the same visit; the counter of its kind is raised to
  at least that n. When that n is already taken for the kind, issuing is refused with a clear message. Without such a
  record (e.g. a re-inspection visit without its own record) it takes the next n of its kind. A correction never
  shares (the voided paper keeps the shared n): it takes the next n of its kind.

Integrity. Issuing stores the PDF bytes, their SHA-256 (``sha256``), the page count, and the printed data as JSON
(``content`` = ``document_data.to_json`` plus ``_hazard_ids``, the hazards in printed order). The QR code and the
PDF metadata carry the payload ``TIJIAN1|{number}|{content hash}|{document id}`` where the content hash is
``document_data.content_hash`` of the printed data with ``verify_payload`` empty (the bytes' own hash cannot be
inside the bytes). ``verify`` compares the file's SHA-256 with the archive (match / void), else reads the payload
from the PDF metadata: a payload naming an archived document whose bytes differ means the file was changed
(tampered); anything else is unknown. The number is never reused: a document issued in error is voided with a
reason, and ``correct`` voids it and issues the replacement (``replaces_id``) — both stay in the archive.

Times: ``issued_at`` / ``voided_at`` are stored and returned in UTC (naive), like every timestamp in the schema; the
date printed on the paper is ``DraftInput.issue_date`` (default: today on the office's clock).
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import monotonic
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, aliased

from models.base import utcnow
from models.db import is_busy_error
from models.entities import (
    ChecklistItem,
    ChecklistResult,
    ChecklistTemplate,
    Document,
    DocumentCounter,
    Enterprise,
    Expert,
    Hazard,
    Officer,
    ReinspectionItem,
    Setting,
    Visit,
    VisitMember,
    VisitStop,
)
from models.enums import (
    DOCUMENT_KIND_LABELS,
    REINSPECTION_LABELS,
    DocumentKind,
    DocumentStatus,
    HazardStatus,
    MemberRole,
    Outcome,
    ReinspectionOutcome,
    Severity,
)
from models.services import audit, settings
from models.services import officers as officer_svc
from models.services.document_data import (
    ChecklistLine,
    DocumentData,
    ExpertRef,
    HazardLine,
    ReviewLine,
    SeizedItem,
    content_hash,
    from_json,
    to_json,
)
from models.services.document_data import Officer as OfficerRef
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ServiceError, ValidationFailed
from models.services.locking import flush_or_conflict

PAYLOAD_PREFIX = "TIJIAN1"

# What a new document of each kind must refer to (documents.md: an order or decision refers to an inspection record;
# a re-inspection opinion to an order or decision).
REFERS_TO: dict[str, tuple[str, ...]] = {
    DocumentKind.INSPECTION_RECORD: (),
    DocumentKind.RECTIFICATION_ORDER: (DocumentKind.INSPECTION_RECORD,),
    DocumentKind.ONSITE_DECISION: (DocumentKind.INSPECTION_RECORD,),
    DocumentKind.SEIZURE_DECISION: (DocumentKind.INSPECTION_RECORD,),
    DocumentKind.REINSPECTION_OPINION: (
        DocumentKind.RECTIFICATION_ORDER, DocumentKind.ONSITE_DECISION, DocumentKind.SEIZURE_DECISION),
}
# The act named in the appeal clause (本指令 / 本决定); forms without one have no appeal clause.
_ACT = {
    DocumentKind.RECTIFICATION_ORDER: "指令",
    DocumentKind.ONSITE_DECISION: "决定",
    DocumentKind.SEIZURE_DECISION: "决定",
}
_WITH_COPIES = (DocumentKind.RECTIFICATION_ORDER, DocumentKind.ONSITE_DECISION, DocumentKind.SEIZURE_DECISION)
_RESULT_WORDS = {Outcome.PASS: "合格", Outcome.FAIL: "不合格", Outcome.NOT_APPLICABLE: "不适用"}
_HAZARD_IDS = "_hazard_ids"  # extra key of Document.content: the hazards in printed order (from_json ignores it)


# ------------------------------------------------------------------------------------------------ plain data


@dataclass(frozen=True)
class DocumentRow:
    id: uuid.UUID
    kind: str
    status: str
    number: str | None
    year: int | None
    seq: int | None
    enterprise_id: uuid.UUID
    enterprise_name: str
    visit_id: uuid.UUID | None
    visit_day: date | None
    refers_to_id: uuid.UUID | None
    refers_to_number: str | None
    replaces_id: uuid.UUID | None
    replaced_by_id: uuid.UUID | None
    issued_at: datetime | None  # UTC
    issued_by: str
    sha256: str | None
    pages: int | None
    void_reason: str
    voided_at: datetime | None  # UTC
    voided_by: str

    @property
    def kind_label(self) -> str:
        return DOCUMENT_KIND_LABELS.get(self.kind, self.kind)


@dataclass
class DraftInput:
    """What the clerk chooses in the compose dialog.

    ``officer_ids``: exactly two, each with a valid certificate on the document's date. ``hazard_ids``: ``None`` =
    the open hazards of the stop (else of the firm) for an order, a decision or a seizure; the hazards of the stop
    for a record; for an opinion, a filter on the re-inspected hazards. ``deadlines``: per-hazard overrides of the
    hazard's deadline (order). ``legal_basis``: ``None`` = the setting. ``summary``: 检查情况 of a record (``None`` =
    the stop's text), the reason of a seizure. ``issue_date``: the date printed (``None`` = today)."""

    kind: str
    enterprise_id: uuid.UUID
    visit_id: uuid.UUID | None = None
    stop_id: uuid.UUID | None = None
    refers_to_id: uuid.UUID | None = None
    officer_ids: list[uuid.UUID] = field(default_factory=list)
    hazard_ids: list[uuid.UUID] | None = None
    deadlines: dict[uuid.UUID, date] = field(default_factory=dict)
    decisions: list[str] = field(default_factory=list)
    legal_basis: str | None = None
    seized: list[SeizedItem] = field(default_factory=list)
    seizure_from: date | None = None
    summary: str | None = None
    issue_date: date | None = None


@dataclass(frozen=True)
class Verification:
    ok: bool
    status: str  # "match" | "void" | "tampered" | "unknown"
    message: str  # Chinese, shown as is
    document: DocumentRow | None


# ------------------------------------------------------------------------------------------------ reading


_Ref = aliased(Document)
_Next = aliased(Document)


def _row_query() -> Any:
    replaced_by = (select(_Next.id).where(_Next.replaces_id == Document.id).order_by(_Next.issued_at)
                   .limit(1).correlate(Document).scalar_subquery())
    return (
        select(
            Document.id, Document.kind, Document.status, Document.number, Document.year, Document.seq,
            Document.enterprise_id, Enterprise.name, Document.visit_id, Visit.day, Document.refers_to_id,
            _Ref.number, Document.replaces_id, replaced_by, Document.issued_at, Document.issued_by, Document.sha256,
            Document.pages, Document.void_reason, Document.voided_at, Document.voided_by,
        )
        .join(Enterprise, Enterprise.id == Document.enterprise_id)
        .outerjoin(Visit, Visit.id == Document.visit_id)
        .outerjoin(_Ref, _Ref.id == Document.refers_to_id)
    )


def _to_row(r: Any) -> DocumentRow:
    return DocumentRow(*r)


def _row(session: Session, doc_id: uuid.UUID) -> DocumentRow:
    r = session.execute(_row_query().where(Document.id == doc_id)).first()
    if r is None:
        raise NotFound("该文书已不存在。")
    return _to_row(r)


def _local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC (naive) instants where ``day`` begins and ends on the office's clock."""
    start = datetime.combine(day, time()).astimezone().astimezone(UTC).replace(tzinfo=None)
    end = datetime.combine(day + timedelta(days=1), time()).astimezone().astimezone(UTC).replace(tzinfo=None)
    return start, end


def documents(session: Session, *, enterprise_id: uuid.UUID | None = None, visit_id: uuid.UUID | None = None,
              day: date | None = None, kind: str | None = None, include_void: bool = True) -> list[DocumentRow]:
    """The archive, newest first. ``day``: documents issued that day (office's clock)."""
    q = _row_query()
    if enterprise_id is not None:
        q = q.where(Document.enterprise_id == enterprise_id)
    if visit_id is not None:
        q = q.where(Document.visit_id == visit_id)
    if day is not None:
        start, end = _local_day_bounds(day)
        q = q.where(Document.issued_at >= start, Document.issued_at < end)
    if kind is not None:
        q = q.where(Document.kind == kind)
    q = q.where(Document.status.in_(
        [DocumentStatus.ISSUED, DocumentStatus.VOID] if include_void else [DocumentStatus.ISSUED]))
    q = q.order_by(Document.issued_at.desc(), Document.kind, Document.seq.desc())
    return [_to_row(r) for r in session.execute(q)]


def sources(session: Session, enterprise_id: uuid.UUID) -> list[DocumentRow]:
    """Issued documents of this firm a new document may refer to (records, orders, decisions), newest first."""
    q = (_row_query()
         .where(Document.enterprise_id == enterprise_id, Document.status == DocumentStatus.ISSUED,
                Document.kind.in_([DocumentKind.INSPECTION_RECORD, *REFERS_TO[DocumentKind.REINSPECTION_OPINION]]))
         .order_by(Document.issued_at.desc(), Document.kind, Document.seq.desc()))
    return [_to_row(r) for r in session.execute(q)]


def pdf_bytes(session: Session, doc_id: uuid.UUID) -> bytes:
    pdf = session.execute(select(Document.pdf).where(Document.id == doc_id)).scalar_one_or_none()
    if pdf is None:
        if session.get(Document, doc_id) is None:
            raise NotFound("该文书已不存在。")
        raise ServiceError("该文书没有已出具的 PDF。")
    return bytes(pdf)


def content(session: Session, doc_id: uuid.UUID) -> DocumentData:
    """The data an issued document was printed from."""
    raw = session.execute(select(Document.content).where(Document.id == doc_id)).scalar_one_or_none()
    if raw is None:
        raise NotFound("该文书已不存在。")
    return from_json(raw)


# ------------------------------------------------------------------------------------------------ build


def _today() -> date:
    return date.today()


class _Settings:
    """The settings, read in one query (a document reads a dozen of them)."""

    def __init__(self, session: Session) -> None:
        self._stored: dict[str, Any] = {k: v for k, v in session.execute(select(Setting.key, Setting.value))}

    def get(self, key: str) -> Any:
        value = self._stored.get(key, None)
        return settings.DEFAULTS[key] if value is None else value

    def text(self, key: str) -> str:
        return str(self.get(key) or "")


def format_number(session: Session, kind: str, year: int, n: int, conf: _Settings | None = None) -> str:
    """``（汨）应急责改〔2026〕12号`` from the settings (pattern, county abbreviation, office code of the kind)."""
    conf = conf or _Settings(session)
    code = (conf.get("doc_office_codes") or {}).get(kind) or settings.DEFAULTS["doc_office_codes"][kind]
    return _fill("doc_number_pattern", conf.text("doc_number_pattern"), abbr=conf.text("county_abbr"), code=code,
                 year=year, n=n)


def _fill(key: str, template: str, **values: object) -> str:
    """A wording setting with its {placeholders} filled; a setting the office broke (a stray brace, an unknown
    name) is a Chinese message naming the setting, not a crash."""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        names = "、".join("{" + k + "}" for k in values)
        raise ServiceError(f"设置“{key}”的文字格式有误（{exc}）：只能使用 {names} 这些占位符，"
                           "花括号须成对。请在设置中改正后再出具文书。") from exc


def appeal_clause(session: Session, kind: str, conf: _Settings | None = None) -> str:
    """The appeal clause of the kind, fully worded (本指令 / 本决定); "" for the record and the opinion."""
    act = _ACT.get(kind)
    if act is None:
        return ""
    conf = conf or _Settings(session)
    court = conf.text("doc_court").strip() or "人民法院"
    if not court.endswith("法院"):  # the office typed the place only (the old form's "______人民法院" blank)
        court += "人民法院"
    return _fill("doc_appeal_clause", conf.text("doc_appeal_clause"), act=act,
                 review_body=conf.text("doc_review_body"), court=court)


def _local(dt: datetime | None) -> datetime | None:
    return dt.replace(tzinfo=UTC).astimezone().replace(tzinfo=None) if dt else None


def _at(day: date, hhmm: str | None) -> datetime | None:
    if not hhmm:
        return None
    try:
        h, m = (int(x) for x in hhmm.split(":")[:2])
        return datetime.combine(day, time(h, m))
    except (ValueError, TypeError):
        return None


def join_basis(first: str, second: str) -> str:
    """Two citations of one law said once: 《安全生产法》第六十五条第一款第（二）项 + 《安全生产法》第六十五条第一款第（三）项
    → 《安全生产法》第六十五条第一款第（二）项、第（三）项. Different laws are joined as they are."""
    if not first or not second or second in first:
        return first or second
    common = 0
    while common < min(len(first), len(second)) and first[common] == second[common]:
        common += 1
    cut = max(first.rfind(mark, 0, common) for mark in ("》", "条", "款"))
    if cut < 0 or not first.startswith("《"):
        return f"{first}、{second}"
    return f"{first}、{second[cut + 1:]}"


def _hazard_text(h: Hazard) -> str:
    text_ = h.description.strip()
    if h.location.strip():
        text_ = f"{h.location.strip()}：{text_}"
    return text_


@dataclass
class _Resolved:
    kind: str
    enterprise: Enterprise
    stop: VisitStop | None
    visit: Visit | None
    ref: Document | None
    day: date
    hazards: list[Hazard]


def _resolve(session: Session, draft: DraftInput, errors: list[FieldError]) -> _Resolved:
    if draft.kind not in DOCUMENT_KIND_LABELS:
        raise ValidationFailed([FieldError("kind", f"未知的文书种类：{draft.kind}")])
    label = DOCUMENT_KIND_LABELS[draft.kind]
    ent = session.get(Enterprise, draft.enterprise_id)
    if ent is None:
        raise NotFound("该企业已不存在。")
    day = draft.issue_date or _today()
    stop: VisitStop | None = None
    visit: Visit | None = None
    if draft.stop_id is not None:
        stop = session.get(VisitStop, draft.stop_id)
        if stop is None:
            raise NotFound("该检查记录已不存在。")
        if stop.enterprise_id != ent.id:
            errors.append(FieldError("stop_id", f"所选检查不是对“{ent.name}”的检查。"))
        visit = stop.visit
    elif draft.visit_id is not None:
        visit = session.get(Visit, draft.visit_id)
        if visit is None:
            raise NotFound("该检查已不存在。")
        stop = session.execute(select(VisitStop).where(
            VisitStop.visit_id == visit.id, VisitStop.enterprise_id == ent.id)).scalar_one_or_none()
        if stop is None and draft.kind == DocumentKind.INSPECTION_RECORD:
            errors.append(FieldError("visit_id", f"所选检查不包括“{ent.name}”。"))
    if visit is not None and draft.visit_id is not None and visit.id != draft.visit_id:
        errors.append(FieldError("visit_id", "所选检查与所选企业的检查记录不一致。"))

    ref: Document | None = None
    allowed = REFERS_TO[draft.kind]
    if allowed:
        wanted = "或".join(DOCUMENT_KIND_LABELS[k] for k in allowed)
        if draft.refers_to_id is None:
            errors.append(FieldError("refers_to_id", f"{label}须引用本单位已出具的{wanted}。"))
        else:
            ref = session.get(Document, draft.refers_to_id)
            if ref is None:
                errors.append(FieldError("refers_to_id", "所引用的文书已不存在。"))
            elif ref.enterprise_id != ent.id:
                errors.append(FieldError("refers_to_id", f"所引用的文书{ref.number or ''}不是“{ent.name}”的文书。"))
                ref = None
            elif ref.kind not in allowed:
                errors.append(FieldError("refers_to_id", f"{label}须引用{wanted}，不能引用"
                                                         f"{DOCUMENT_KIND_LABELS.get(ref.kind, ref.kind)}。"))
                ref = None
            elif ref.status != DocumentStatus.ISSUED:
                state = "已作废" if ref.status == DocumentStatus.VOID else "尚未出具"
                errors.append(FieldError("refers_to_id", f"所引用的{DOCUMENT_KIND_LABELS[ref.kind]}"
                                                         f"{ref.number or ''}{state}，请引用有效的文书。"))
                ref = None
    elif draft.refers_to_id is not None:
        errors.append(FieldError("refers_to_id", f"{label}不引用其他文书。"))
    # An order or decision made from a record belongs to the record's visit.
    if ref is not None and ref.kind == DocumentKind.INSPECTION_RECORD and stop is None and ref.visit_id:
        visit = session.get(Visit, ref.visit_id)
        stop = session.execute(select(VisitStop).where(
            VisitStop.visit_id == ref.visit_id, VisitStop.enterprise_id == ent.id)).scalar_one_or_none()
    if draft.kind == DocumentKind.INSPECTION_RECORD and stop is None and not errors:
        errors.append(FieldError("stop_id", "现场检查记录须选择一次检查（日期和被检查单位）。"))
    return _Resolved(draft.kind, ent, stop, visit, ref, day, [])


def _check_officers(session: Session, draft: DraftInput, day: date, errors: list[FieldError]) -> list[OfficerRef]:
    ids = list(dict.fromkeys(draft.officer_ids))
    if len(ids) != 2:
        errors.append(FieldError("officer_ids", f"须选择两名执法人员（现在 {len(ids)} 名）。"))
    out: list[OfficerRef] = []
    for oid in ids:
        problem = officer_svc.valid_for_enforcement(session, oid, day)
        if problem:
            errors.append(FieldError("officer_ids", problem))
            continue
        o = session.get(Officer, oid)
        assert o is not None
        out.append(OfficerRef(o.name, o.certificate_no))
    return out


def _chosen_hazards(session: Session, draft: DraftInput, r: _Resolved, errors: list[FieldError]) -> list[Hazard]:
    if draft.hazard_ids is not None:
        ids = list(dict.fromkeys(draft.hazard_ids))
        rows = session.execute(select(Hazard).where(Hazard.id.in_(ids))).scalars().all() if ids else []
        found = {h.id: h for h in rows}
        for hid in ids:
            h = found.get(hid)
            if h is None:
                errors.append(FieldError("hazard_ids", "所选隐患已被删除。"))
            elif h.enterprise_id != r.enterprise.id:
                errors.append(FieldError("hazard_ids", f"隐患“{h.description[:20]}”不是“{r.enterprise.name}”的隐患。"))
        hazards = [found[h] for h in ids if h in found and found[h].enterprise_id == r.enterprise.id]
    elif r.kind == DocumentKind.INSPECTION_RECORD:
        hazards = list(session.execute(select(Hazard).where(Hazard.stop_id == r.stop.id)).scalars()) if r.stop else []
    else:
        where = [Hazard.status != HazardStatus.CLOSED, Hazard.rectified_on_site.is_(False)]
        where.append(Hazard.stop_id == r.stop.id if r.stop else Hazard.enterprise_id == r.enterprise.id)
        hazards = list(session.execute(select(Hazard).where(*where)).scalars())
    return sorted(hazards, key=lambda h: (h.found_on, h.seq, h.created_at))


def _hazard_lines(draft: DraftInput, hazards: list[Hazard], *, with_deadlines: bool, day: date,
                  errors: list[FieldError]) -> tuple[HazardLine, ...]:
    lines = []
    for n, h in enumerate(hazards, 1):
        deadline = draft.deadlines.get(h.id, h.deadline) if with_deadlines else None
        if with_deadlines:
            if deadline is None:
                errors.append(FieldError("deadlines", f"第{n}项隐患未填写整改期限。"))
            elif deadline < day:
                errors.append(FieldError("deadlines", f"第{n}项隐患的整改期限（{deadline:%Y-%m-%d}）早于文书日期"
                                                      f"（{day:%Y-%m-%d}）。"))
        text_ = _hazard_text(h)
        if h.rectified_on_site and not with_deadlines:
            text_ += "（已现场整改）"
        lines.append(HazardLine(seq=n, text=text_, major=h.severity == Severity.MAJOR, deadline=deadline,
                                basis=h.basis.strip(), measure=h.measure.strip()))
    return tuple(lines)


def _experts(session: Session, visit: Visit | None) -> tuple[ExpertRef, ...]:
    if visit is None:
        return ()
    rows = session.execute(
        select(Expert.name, Expert.employer).join(VisitMember, VisitMember.expert_id == Expert.id)
        .where(VisitMember.visit_id == visit.id, VisitMember.role == MemberRole.EXPERT,
               VisitMember.refused.is_(False))
        .order_by(VisitMember.created_at)).all()
    return tuple(ExpertRef(name, employer or "") for name, employer in rows)


def _checklist(session: Session, stop: VisitStop) -> tuple[ChecklistLine, ...]:
    rows = session.execute(
        select(ChecklistItem.text, ChecklistResult.outcome)
        .join(ChecklistResult, ChecklistResult.item_id == ChecklistItem.id)
        .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistItem.template_id)
        .where(ChecklistResult.stop_id == stop.id, ChecklistResult.outcome.is_not(None))
        .order_by(ChecklistTemplate.code, ChecklistItem.seq)).all()
    return tuple(ChecklistLine(n, t, _RESULT_WORDS.get(o, o)) for n, (t, o) in enumerate(rows, 1))


def _review_lines(session: Session, draft: DraftInput, r: _Resolved,
                  errors: list[FieldError]) -> tuple[tuple[ReviewLine, ...], date | None, list[uuid.UUID]]:
    """Item by item what the re-inspection found, numbered as in the reviewed document."""
    assert r.ref is not None
    printed = [uuid.UUID(str(x)) for x in (r.ref.content or {}).get(_HAZARD_IDS, [])]
    number_of = {hid: n for n, hid in enumerate(printed, 1)}
    q = select(ReinspectionItem, Hazard).join(Hazard, Hazard.id == ReinspectionItem.hazard_id).where(
        ReinspectionItem.hazard_id.in_(printed), ReinspectionItem.outcome.is_not(None))
    if r.visit is not None:
        q = q.where(ReinspectionItem.visit_id == r.visit.id)
    if draft.hazard_ids is not None:
        q = q.where(ReinspectionItem.hazard_id.in_(list(draft.hazard_ids)))
    latest: dict[uuid.UUID, tuple[ReinspectionItem, Hazard]] = {}
    for item, h in session.execute(q.order_by(ReinspectionItem.decided_at, ReinspectionItem.created_at)):
        latest[h.id] = (item, h)  # the latest decision per hazard
    if not latest:
        errors.append(FieldError("visit_id", "没有已作出复查结论的隐患，不能出具整改复查意见书。"))
        return (), None, []
    lines = []
    day: date | None = r.visit.day if r.visit is not None else None
    for hid in sorted(latest, key=lambda x: number_of[x]):
        item, h = latest[hid]
        outcome = REINSPECTION_LABELS.get(item.outcome or "", item.outcome or "")
        if item.outcome == ReinspectionOutcome.PARTIAL and item.new_deadline is None:
            errors.append(FieldError("hazard_ids", f"第{number_of[hid]}项为部分整改，但没有新的整改期限。"))
        lines.append(ReviewLine(seq=number_of[hid], text=_hazard_text(h), outcome=outcome,
                                new_deadline=item.new_deadline if item.outcome == ReinspectionOutcome.PARTIAL else None,
                                note=item.note.strip()))
        if day is None and item.decided_at is not None:
            day = _local(item.decided_at).date()  # type: ignore[union-attr]
    return tuple(lines), day, sorted(latest, key=lambda x: number_of[x])


def _build(session: Session, draft: DraftInput) -> tuple[DocumentData, _Resolved, list[uuid.UUID]]:
    errors: list[FieldError] = []
    conf = _Settings(session)
    r = _resolve(session, draft, errors)
    ent, kind, day = r.enterprise, r.kind, r.day
    officers = _check_officers(session, draft, day, errors)
    data = DocumentData(
        kind=kind, number=None, agency=conf.text("agency_name"),
        header_line=conf.text("doc_header_line"), enterprise_name=ent.name, address=ent.address,
        officers=tuple(officers), appeal_clause=appeal_clause(session, kind, conf),
        copies_line=(_fill("doc_copies_line", conf.text("doc_copies_line"), agency=conf.text("agency_name"))
                     if kind in _WITH_COPIES else ""),
        issue_date=day,
    )
    hazard_ids: list[uuid.UUID] = []
    record_day = r.visit.day if r.visit is not None else None
    if kind == DocumentKind.INSPECTION_RECORD:
        stop, visit = r.stop, r.visit
        if stop is not None and visit is not None:
            hazards = _chosen_hazards(session, draft, r, errors)
            hazard_ids = [h.id for h in hazards]
            # 职务 is the person's post (厂长, 总经理 …), which the archive does not hold: left blank for the pen.
            rep = ent.legal_rep or ent.safety_manager
            data = replace(
                data, legal_rep=rep, legal_rep_title="",
                phone=ent.legal_rep_phone if ent.legal_rep else ent.safety_manager_phone,
                place=stop.place or ent.address,
                started_at=_at(visit.day, visit.start_time) or _local(stop.started_at),
                finished_at=_at(visit.day, visit.end_time) or _local(stop.finished_at),
                experts=_experts(session, visit), purpose=visit.purpose.strip(),
                summary=(draft.summary if draft.summary is not None else stop.summary).strip(),
                checklist=_checklist(session, stop),
                hazards=_hazard_lines(draft, hazards, with_deadlines=False, day=day, errors=errors),
                inspection_date=visit.day, legal_basis=conf.text("doc_basis_record"),
            )
    elif kind in (DocumentKind.RECTIFICATION_ORDER, DocumentKind.ONSITE_DECISION, DocumentKind.SEIZURE_DECISION):
        hazards = _chosen_hazards(session, draft, r, errors) if r.ref is not None else []
        hazard_ids = [h.id for h in hazards]
        if kind == DocumentKind.RECTIFICATION_ORDER:
            if r.ref is not None and not hazards:
                errors.append(FieldError("hazard_ids", "没有需要限期整改的隐患，不能出具责令限期整改指令书。"))
            lines = _hazard_lines(draft, hazards, with_deadlines=True, day=day, errors=errors)
            basis = conf.text("doc_basis_order")
            if any(line.major for line in lines):
                basis = join_basis(basis, conf.text("doc_basis_order_major"))
            data = replace(data, hazards=lines, legal_basis=draft.legal_basis or basis,
                           inspection_date=record_day)
        elif kind == DocumentKind.ONSITE_DECISION:
            decisions = tuple(d.strip() for d in draft.decisions if d.strip())
            if r.ref is not None and not hazards:
                errors.append(FieldError("hazard_ids", "请选择现场发现的违法违规行为或事故隐患。"))
            if not decisions:
                errors.append(FieldError("decisions", "请填写现场处理决定（如：责令暂时停产停业）。"))
            data = replace(data, hazards=_hazard_lines(draft, hazards, with_deadlines=False, day=day, errors=errors),
                           decisions=decisions, inspection_date=record_day,
                           legal_basis=draft.legal_basis or conf.text("doc_basis_onsite"))
        else:
            seized = tuple(s for s in draft.seized if s.name.strip())
            reason = (draft.summary or "").strip()
            if not seized:
                errors.append(FieldError("seized", "查封扣押决定书须列明查封、扣押的场所、设施或者财物。"))
            if not reason and not hazards:
                errors.append(FieldError("summary", "请写明查封、扣押的理由，或选择所涉及的隐患。"))
            data = replace(data, hazards=_hazard_lines(draft, hazards, with_deadlines=False, day=day, errors=errors),
                           seizure_reason=reason, seized=seized, seizure_from=draft.seizure_from or day,
                           seizure_days=int(conf.get("doc_seizure_days")), inspection_date=record_day,
                           legal_basis=draft.legal_basis or conf.text("doc_basis_seizure"))
    else:  # re-inspection opinion
        if r.ref is not None:
            lines, review_day, hazard_ids = _review_lines(session, draft, r, errors)
            ref_data = from_json(r.ref.content or {})
            data = replace(
                data, review_lines=lines, inspection_date=review_day,
                refers_to_title=DOCUMENT_KIND_LABELS[r.ref.kind], refers_to_number=r.ref.number or "",
                refers_to_date=ref_data.issue_date or (_local(r.ref.issued_at).date() if r.ref.issued_at else None),
                legal_basis=draft.legal_basis or conf.text("doc_reinspection_article"),
            )
    if errors:
        raise ValidationFailed(errors)
    return data, r, hazard_ids


def build(session: Session, draft: DraftInput) -> DocumentData:
    """The data of the document the draft describes (no number: a draft). Reads only; ValidationFailed in Chinese
    when something the form needs is missing or wrong."""
    return _build(session, draft)[0]


def _render(data: DocumentData) -> Any:
    from models.services import document_pdf  # reportlab is imported on first PDF

    return document_pdf.render(data)


def render_preview(session: Session, draft: DraftInput) -> Any:
    """``document_pdf.RenderResult`` of the draft (草稿 watermark, no number): the PDF, its pages, and the characters
    the bundled font lacks (``missing``) for the dialog to report."""
    return _render(build(session, draft))


def preview(session: Session, draft: DraftInput) -> bytes:
    return render_preview(session, draft).pdf


# ------------------------------------------------------------------------------------------------ numbering


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


LOCK_PATIENCE_S = 60.0  # SQLite: how long issue() waits for another clerk's issue to commit before giving up
_SQLITE_BUSY_SNAPSHOT = 517  # the transaction read before another writer committed: waiting cannot help


def _lock_numbering(session: Session) -> None:
    """SQLite: take the database's write lock now, as BEGIN IMMEDIATE would (a no-op write as the transaction's first
    statement). SQLite's busy timeout waits 10 s per attempt and is not fair (a clerk issuing in a loop can take the
    lock again before a waiting one wakes up), so the attempt is repeated for up to LOCK_PATIENCE_S. PostgreSQL:
    nothing — the counter upsert locks its row and waits in a queue."""
    if not _is_sqlite(session):
        return
    give_up = monotonic() + LOCK_PATIENCE_S
    while True:
        try:
            session.execute(text("UPDATE document_counters SET last_seq = last_seq WHERE 1 = 0"))
            return
        except OperationalError as exc:
            stale = getattr(exc.orig, "sqlite_errorcode", None) == _SQLITE_BUSY_SNAPSHOT
            if not is_busy_error(exc) or stale or monotonic() > give_up:
                raise


def _insert(session: Session) -> Any:
    if _is_sqlite(session):
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    return insert(DocumentCounter)


def _next_seq(session: Session, kind: str, year: int) -> int:
    stmt = _insert(session).values(kind=kind, year=year, last_seq=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=["kind", "year"], set_={"last_seq": DocumentCounter.last_seq + 1}
    ).returning(DocumentCounter.last_seq)
    return int(session.execute(stmt).scalar_one())


def _raise_counter(session: Session, kind: str, year: int, n: int) -> None:
    greatest = func.max if _is_sqlite(session) else func.greatest
    stmt = _insert(session).values(kind=kind, year=year, last_seq=n)
    session.execute(stmt.on_conflict_do_update(
        index_elements=["kind", "year"], set_={"last_seq": greatest(DocumentCounter.last_seq, n)}))


def _shared_record(session: Session, r: _Resolved) -> Document | None:
    if r.ref is not None and r.ref.kind == DocumentKind.INSPECTION_RECORD:
        return r.ref
    if r.visit is None:
        return None
    return session.execute(
        select(Document).where(Document.kind == DocumentKind.INSPECTION_RECORD,
                               Document.status == DocumentStatus.ISSUED, Document.visit_id == r.visit.id,
                               Document.enterprise_id == r.enterprise.id)
        .order_by(Document.issued_at.desc()).limit(1)).scalar_one_or_none()


def _take_number(session: Session, r: _Resolved, *, correction: bool) -> tuple[int, int]:
    """(year, n) for the document being issued; the caller holds the numbering lock."""
    if (not correction and r.kind != DocumentKind.INSPECTION_RECORD
            and settings.get(session, "doc_share_visit_number")):
        record = _shared_record(session, r)
        if record is not None and record.year and record.seq:
            year, n = record.year, record.seq
            taken = session.execute(select(Document.number).where(
                Document.kind == r.kind, Document.year == year, Document.seq == n)).scalar_one_or_none()
            if taken is not None:
                raise ServiceError(
                    f"已设置“同一次检查的文书共用现场检查记录的编号”，但{DOCUMENT_KIND_LABELS[r.kind]}{taken}已经出具"
                    f"（现场检查记录{record.number}的编号），不能重复使用。如需更正，请作废原文书后用“更正”重新出具。")
            _raise_counter(session, r.kind, year, n)
            return year, n
    year = r.day.year
    return year, _next_seq(session, r.kind, year)


# ------------------------------------------------------------------------------------------------ issue, void


def payload(number: str, chash: str, doc_id: uuid.UUID) -> str:
    return f"{PAYLOAD_PREFIX}|{number}|{chash}|{doc_id}"


def parse_payload(value: str) -> tuple[str, str, uuid.UUID] | None:
    parts = value.strip().split("|")
    if len(parts) != 4 or parts[0] != PAYLOAD_PREFIX:
        return None
    try:
        return parts[1], parts[2], uuid.UUID(parts[3])
    except ValueError:
        return None


def _issue_locked(session: Session, draft: DraftInput, *, actor: str, replaces: Document | None) -> uuid.UUID:
    data, r, hazard_ids = _build(session, draft)
    year, n = _take_number(session, r, correction=replaces is not None)
    number = format_number(session, r.kind, year, n)
    doc_id = uuid.uuid4()
    data = replace(data, number=number, verify_payload=None)
    data = replace(data, verify_payload=payload(number, content_hash(data), doc_id))
    result = _render(data)
    pdf = bytes(result.pdf)
    stored = to_json(data)
    stored[_HAZARD_IDS] = [str(h) for h in hazard_ids]
    visit_id = r.visit.id if r.visit is not None else (r.ref.visit_id if r.ref is not None else None)
    doc = Document(
        id=doc_id, kind=r.kind, status=DocumentStatus.ISSUED, year=year, seq=n, number=number,
        enterprise_id=r.enterprise.id, visit_id=visit_id, refers_to_id=r.ref.id if r.ref is not None else None,
        replaces_id=replaces.id if replaces is not None else None, content=stored, issued_at=utcnow(),
        issued_by=actor, pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest(), pages=result.pages,
    )
    session.add(doc)
    session.flush()
    audit.record(session, actor, "document", doc_id, "issue", kind=r.kind, number=number, sha256=doc.sha256,
                 pages=result.pages, replaces=replaces.number if replaces is not None else None,
                 missing_glyphs="".join(getattr(result, "missing", ()) or ()))
    session.flush()
    return doc_id


def _in_savepoint(session: Session, work: Any) -> Any:
    """Run ``work`` in a savepoint holding the numbering lock; database refusals become Chinese messages."""
    try:
        _lock_numbering(session)
        with session.begin_nested():
            return work()
    except IntegrityError as exc:
        raise ConcurrentEdit("该编号刚刚被其他用户占用，文书未出具。请重试。") from exc
    except OperationalError as exc:
        if is_busy_error(exc):
            raise ConcurrentEdit("其他用户正在出具文书，数据库忙，文书未出具。请稍后重试。") from exc
        raise


def issue(session: Session, draft: DraftInput, *, actor: str) -> DocumentRow:
    """Number, print and freeze the document in the caller's transaction (see the module docstring)."""
    doc_id = _in_savepoint(session, lambda: _issue_locked(session, draft, actor=actor, replaces=None))
    return _row(session, doc_id)


def _issued(session: Session, doc_id: uuid.UUID) -> Document:
    doc = session.get(Document, doc_id)
    if doc is None:
        raise NotFound("该文书已不存在。")
    if doc.status == DocumentStatus.VOID:
        raise ServiceError(f"文书{doc.number}已于{_local(doc.voided_at):%Y-%m-%d}作废，不能再作废或更正。")
    if doc.status != DocumentStatus.ISSUED:
        raise ServiceError("草稿尚未出具，无需作废。")
    return doc


def _void(session: Session, doc: Document, reason: str, actor: str) -> None:
    doc.status = DocumentStatus.VOID
    doc.void_reason = reason
    doc.voided_at = utcnow()
    doc.voided_by = actor
    flush_or_conflict(session, "文书")
    audit.record(session, actor, "document", doc.id, "void", number=doc.number, reason=reason)
    session.flush()


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed([FieldError("reason", "作废文书须写明原因。")])
    return reason


def void(session: Session, doc_id: uuid.UUID, reason: str, *, actor: str) -> None:
    """Issued → void, with the reason. The row, its PDF and its number stay; the number is never given again."""
    reason = _reason(reason)
    _void(session, _issued(session, doc_id), reason, actor)


def correct(session: Session, doc_id: uuid.UUID, reason: str, draft: DraftInput, *, actor: str) -> DocumentRow:
    """Void the document and issue its replacement (a new number, ``replaces_id``) in one step."""
    reason = _reason(reason)

    def work() -> uuid.UUID:
        old = _issued(session, doc_id)
        if draft.kind != old.kind:
            raise ValidationFailed([FieldError("kind", f"更正后的文书应仍为{DOCUMENT_KIND_LABELS[old.kind]}。")])
        if draft.enterprise_id != old.enterprise_id:
            raise ValidationFailed([FieldError("enterprise_id", "更正后的文书应仍为同一被检查单位的文书。")])
        _void(session, old, reason, actor)
        return _issue_locked(session, draft, actor=actor, replaces=old)

    return _row(session, _in_savepoint(session, work))


# ------------------------------------------------------------------------------------------------ verify


def payload_from_pdf(data: bytes) -> str | None:
    """The verification payload of a PDF: from the keywords (``document_pdf.read_payload``, found in the raw bytes,
    so a damaged file still tells which document it claims to be), else from the subject of its metadata."""
    from models.services import document_pdf

    found = document_pdf.read_payload(data)
    if found:
        return found
    try:
        from pypdf import PdfReader

        subject = (PdfReader(io.BytesIO(data), strict=False).metadata or {}).get("/Subject")
    except Exception:  # noqa: BLE001 - not a readable PDF: no payload
        return None
    return str(subject) if subject and str(subject).startswith(PAYLOAD_PREFIX + "|") else None


def _when(dt: datetime | None) -> str:
    local = _local(dt)
    return f"{local:%Y-%m-%d %H:%M}" if local else ""


def verify(session: Session, data: bytes) -> Verification:
    """Does this file match an issued document of the archive? (see the module docstring)"""
    digest = hashlib.sha256(data).hexdigest()
    doc_id = session.execute(select(Document.id).where(Document.sha256 == digest)).scalars().first()
    if doc_id is not None:
        row = _row(session, doc_id)
        what = f"{row.kind_label}{row.number}（{row.enterprise_name}）"
        if row.status == DocumentStatus.VOID:
            msg = f"该文件与档案中的{what}一致，但该文书已于{_when(row.voided_at)}作废，原因：{row.void_reason}。"
            if row.replaced_by_id is not None:
                msg += f"已由{_row(session, row.replaced_by_id).number}替代。"
            msg += "作废的文书不再有效。"
            return Verification(False, "void", msg, row)
        return Verification(True, "match", f"该文件与档案一致：{what}，{_when(row.issued_at)}由{row.issued_by or '—'}"
                                           "出具，未被修改。", row)
    if not data.startswith(b"%PDF"):
        return Verification(False, "unknown", "该文件不是 PDF 文件，无法核验。", None)
    found = payload_from_pdf(data)
    parsed = parse_payload(found) if found else None
    if parsed is None:
        return Verification(False, "unknown", "该文件不是本系统出具的执法文书（没有核验标记），档案中也没有与之相同的文件。",
                            None)
    number, chash, pid = parsed
    doc = session.get(Document, pid)
    if doc is None:
        doc = session.execute(select(Document).where(Document.number == number, Document.status != DocumentStatus.DRAFT)
                              .order_by(Document.issued_at.desc())).scalars().first()
    if doc is None or doc.status == DocumentStatus.DRAFT:
        return Verification(False, "unknown", f"该文件自称为文书{number}，但档案中没有这份文书。不能作为有效文书。", None)
    row = _row(session, doc.id)
    archived_hash = content_hash(replace(from_json(doc.content or {}), verify_payload=None))
    detail = "文件中的核验信息与档案不符，且" if archived_hash != chash else ""
    msg = (f"该文件自称为{row.kind_label}{row.number}（{row.enterprise_name}），但{detail}文件内容与档案中保存的原件不一致，"
           "可能已被修改。不能作为有效文书，请以档案原件为准。")
    if row.status == DocumentStatus.VOID:
        msg += f"（该文书已于{_when(row.voided_at)}作废。）"
    return Verification(False, "tampered", msg, row)


# ------------------------------------------------------------------------------------------------ export


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_name(row: DocumentRow) -> str:
    """``（汨）应急责改〔2026〕12号.pdf``; a voided one ends in ``（作废）``."""
    base = _UNSAFE.sub("_", row.number or str(row.id))
    if row.status == DocumentStatus.VOID:
        base += "（作废）"
    return base + ".pdf"


def export(session: Session, doc_ids: list[uuid.UUID], target: Path, *, one_file: bool) -> list[Path]:
    """Write the issued PDFs: one merged file at ``target`` (pypdf), or each document's own bytes into the folder
    ``target`` named by its number (these files verify; a merged file does not, its bytes are new)."""
    if not doc_ids:
        raise ServiceError("没有选择要导出的文书。")
    rows = [_row(session, d) for d in doc_ids]
    target = Path(target)
    if one_file:
        from pypdf import PdfWriter

        writer = PdfWriter()
        for row in rows:
            writer.append(io.BytesIO(pdf_bytes(session, row.id)))
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        with open(tmp, "wb") as fh:
            writer.write(fh)
        tmp.replace(target)
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    used: set[str] = set()
    for row in rows:
        name = file_name(row)
        stem, k = name[:-4], 2
        while name in used:
            name, k = f"{stem}-{k}.pdf", k + 1
        used.add(name)
        path = target / name
        path.write_bytes(pdf_bytes(session, row.id))
        out.append(path)
    return out


__all__ = [
    "DocumentRow",
    "DraftInput",
    "SeizedItem",
    "Verification",
    "build",
    "content",
    "correct",
    "documents",
    "export",
    "file_name",
    "issue",
    "pdf_bytes",
    "preview",
    "render_preview",
    "sources",
    "verify",
    "void",
]
