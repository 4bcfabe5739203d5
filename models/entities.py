"""All persistent entities of Tijian.

One module on purpose: a newcomer sees the whole domain on one screen of scrolling, and Alembic's autogenerate
sees every table. Behaviour lives in ``models/services``; these classes hold data and relations only.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Entity, utcnow
from models.enums import (
    DocumentStatus,
    EnterpriseStatus,
    EntryStatus,
    HazardStatus,
    PersonStatus,
    Severity,
    VisitStatus,
)


def _fk(target: str, *, ondelete: str = "RESTRICT", nullable: bool = False, index: bool = True) -> Any:
    return mapped_column(Uuid, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


# --------------------------------------------------------------------------------------------------- regions


class Town(Entity):
    """镇 (or 街道)."""

    __tablename__ = "towns"
    name: Mapped[str] = mapped_column(String(40), unique=True)
    code: Mapped[str | None] = mapped_column(String(12))  # administrative division code
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    villages: Mapped[list[Village]] = relationship(back_populates="town", order_by="Village.sort_order")


class Village(Entity):
    """村 / 社区, with its grassroots informant (基层信息员)."""

    __tablename__ = "villages"
    __table_args__ = (UniqueConstraint("town_id", "name"),)
    town_id: Mapped[uuid.UUID] = _fk("towns.id")
    name: Mapped[str] = mapped_column(String(40))
    is_community: Mapped[bool] = mapped_column(Boolean, default=False)
    informant_name: Mapped[str | None] = mapped_column(String(40))
    informant_phone: Mapped[str | None] = mapped_column(String(20))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    town: Mapped[Town] = relationship(back_populates="villages")


# --------------------------------------------------------------------------------------------------- enterprises


class Enterprise(Entity):
    """A supervised object (监管对象 / 生产经营单位); its archive is 一企一档."""

    __tablename__ = "enterprises"
    # ix_enterprises_name_sort serves the unfiltered list in name order without sorting 50,000 rows; the text
    # search orders by an expression so that SQLite does not walk this index (see services/enterprises.py).
    # version/updated_at: the registry index asks "did anything change?" from these two small indexes
    # (services/registry_index.py), ~3 ms at 50,000 firms instead of a 20 ms table scan.
    __table_args__ = (
        Index("ix_enterprises_town_sector", "town_id", "sector"),
        Index("ix_enterprises_name_sort", "name_sort"),
        Index("ix_enterprises_version", "version"),
        Index("ix_enterprises_updated_at", "updated_at"),
    )

    name: Mapped[str] = mapped_column(String(100))
    name_sort: Mapped[str] = mapped_column(String(400), default="")  # pinyin of the name: lists in pinyin order
    uscc: Mapped[str] = mapped_column(String(18), unique=True)
    town_id: Mapped[uuid.UUID | None] = _fk("towns.id", nullable=True)
    village_id: Mapped[uuid.UUID | None] = _fk("villages.id", nullable=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    sector: Mapped[str] = mapped_column(String(20), index=True)
    risk_level: Mapped[str | None] = mapped_column(String(8), index=True)
    is_high_risk: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    in_park: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    status: Mapped[str] = mapped_column(String(16), default=EnterpriseStatus.NORMAL, index=True)
    legal_rep: Mapped[str] = mapped_column(String(40), default="")
    legal_rep_phone: Mapped[str] = mapped_column(String(20), default="")
    safety_manager: Mapped[str] = mapped_column(String(40), default="")
    safety_manager_phone: Mapped[str] = mapped_column(String(20), default="")
    employees: Mapped[int | None] = mapped_column(Integer)
    main_products: Mapped[str] = mapped_column(String(200), default="")
    established_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    entry_status: Mapped[str | None] = mapped_column(String(16))  # camphor-oil firms only (EntryStatus)
    # Lower-case name + pinyin initials + USCC + address: one LIKE answers "mlhg", "汨罗", "914306…" and "归义".
    search_text: Mapped[str] = mapped_column(Text, default="")

    town: Mapped[Town | None] = relationship()
    village: Mapped[Village | None] = relationship()
    licences: Mapped[list[EnterpriseLicence]] = relationship(
        back_populates="enterprise", cascade="all, delete-orphan", order_by="EnterpriseLicence.kind"
    )
    contacts: Mapped[list[EnterpriseContact]] = relationship(
        back_populates="enterprise", cascade="all, delete-orphan", order_by="EnterpriseContact.name"
    )
    status_changes: Mapped[list[EnterpriseStatusChange]] = relationship(
        back_populates="enterprise", cascade="all, delete-orphan", order_by="EnterpriseStatusChange.changed_at"
    )


class EnterpriseLicence(Entity):
    """证照: business licence, hazardous-chemical licence, safety-standardisation certificate …"""

    __tablename__ = "enterprise_licences"
    enterprise_id: Mapped[uuid.UUID] = _fk("enterprises.id", ondelete="CASCADE")
    kind: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(60), default="")
    issuer: Mapped[str] = mapped_column(String(60), default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    enterprise: Mapped[Enterprise] = relationship(back_populates="licences")


class EnterpriseContact(Entity):
    __tablename__ = "enterprise_contacts"
    enterprise_id: Mapped[uuid.UUID] = _fk("enterprises.id", ondelete="CASCADE")
    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    enterprise: Mapped[Enterprise] = relationship(back_populates="contacts")


class EnterpriseStatusChange(Entity):
    """One line of an enterprise's status history (正常 → 停产整顿 …)."""

    __tablename__ = "enterprise_status_changes"
    enterprise_id: Mapped[uuid.UUID] = _fk("enterprises.id", ondelete="CASCADE")
    old_status: Mapped[str | None] = mapped_column(String(16))
    new_status: Mapped[str] = mapped_column(String(16))
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(40), default="")

    enterprise: Mapped[Enterprise] = relationship(back_populates="status_changes")


# --------------------------------------------------------------------------------------------------- people


class Specialty(Entity):
    """Expert field (专业领域): an editable vocabulary."""

    __tablename__ = "specialties"
    name: Mapped[str] = mapped_column(String(40), unique=True)
    sectors: Mapped[list[str]] = mapped_column(JSON, default=list)  # enterprise sectors this field covers
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ExpertSpecialty(Base):
    __tablename__ = "expert_specialties"
    expert_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("experts.id", ondelete="CASCADE"), primary_key=True)
    specialty_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("specialties.id", ondelete="CASCADE"), primary_key=True
    )


class Expert(Entity):
    __tablename__ = "experts"
    name: Mapped[str] = mapped_column(String(40), index=True)
    gender: Mapped[str] = mapped_column(String(2), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    employer: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(40), default="")  # technical title (职称)
    licences: Mapped[str] = mapped_column(String(200), default="")  # 注册安全工程师 …
    group_name: Mapped[str] = mapped_column(String(40), default="")
    term_start: Mapped[date | None] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default=PersonStatus.ACTIVE)
    notes: Mapped[str] = mapped_column(Text, default="")

    specialties: Mapped[list[Specialty]] = relationship(secondary="expert_specialties", order_by="Specialty.sort_order")


class ExpertRecusal(Entity):
    """回避: a firm the expert must not inspect, why, and until when."""

    __tablename__ = "expert_recusals"
    expert_id: Mapped[uuid.UUID] = _fk("experts.id", ondelete="CASCADE")
    enterprise_id: Mapped[uuid.UUID] = _fk("enterprises.id", ondelete="CASCADE")
    reason: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    until: Mapped[date | None] = mapped_column(Date)


class Unavailability(Entity):
    """Leave or other unavailable period of an expert or an officer."""

    __tablename__ = "unavailabilities"
    expert_id: Mapped[uuid.UUID | None] = _fk("experts.id", ondelete="CASCADE", nullable=True)
    officer_id: Mapped[uuid.UUID | None] = _fk("officers.id", ondelete="CASCADE", nullable=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(100), default="")


class ExpertAssessment(Entity):
    """Annual assessment grade (优秀 / 称职 / 不称职)."""

    __tablename__ = "expert_assessments"
    __table_args__ = (UniqueConstraint("expert_id", "year"),)
    expert_id: Mapped[uuid.UUID] = _fk("experts.id", ondelete="CASCADE")
    year: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str] = mapped_column(String(12))
    remark: Mapped[str] = mapped_column(Text, default="")


class Officer(Entity):
    """执法人员 with enforcement certificate (执法证号)."""

    __tablename__ = "officers"
    name: Mapped[str] = mapped_column(String(40), index=True)
    department: Mapped[str] = mapped_column(String(60), default="")
    certificate_no: Mapped[str] = mapped_column(String(40), default="")
    certificate_expiry: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(20), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Supervisor(Entity):
    """安全生产监督员: NPC deputy or CPPCC member who may join a visit as observer."""

    __tablename__ = "supervisors"
    name: Mapped[str] = mapped_column(String(40))
    affiliation: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Entity):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40), default="")
    role: Mapped[str] = mapped_column(String(20), default="staff")  # staff / expert / officer / leader / admin
    password_hash: Mapped[str | None] = mapped_column(String(200))
    officer_id: Mapped[uuid.UUID | None] = _fk("officers.id", ondelete="SET NULL", nullable=True)
    expert_id: Mapped[uuid.UUID | None] = _fk("experts.id", ondelete="SET NULL", nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# --------------------------------------------------------------------------------------------------- visits


class Visit(Entity):
    """A planned or done visit ("检查+专家" …); one or more firms (a route) on one day."""

    __tablename__ = "visits"
    kind: Mapped[str] = mapped_column(String(24), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    part_of_day: Mapped[str] = mapped_column(String(8), default="full")  # am / pm / full
    start_time: Mapped[str | None] = mapped_column(String(5))  # "09:00"
    end_time: Mapped[str | None] = mapped_column(String(5))
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=VisitStatus.PLANNED, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    stops: Mapped[list[VisitStop]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitStop.seq"
    )
    members: Mapped[list[VisitMember]] = relationship(back_populates="visit", cascade="all, delete-orphan")


class VisitStop(Entity):
    """One firm on a visit's route."""

    __tablename__ = "visit_stops"
    __table_args__ = (UniqueConstraint("visit_id", "enterprise_id"),)
    visit_id: Mapped[uuid.UUID] = _fk("visits.id", ondelete="CASCADE")
    enterprise_id: Mapped[uuid.UUID] = _fk("enterprises.id")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200), default="")  # 检查场所
    summary: Mapped[str] = mapped_column(Text, default="")  # 检查情况 free text
    expert_advice: Mapped[str] = mapped_column(Text, default="")  # 专家建议
    entry_verdict: Mapped[str | None] = mapped_column(String(16))  # camphor-oil entry visits (EntryStatus)
    entry_reasons: Mapped[str] = mapped_column(Text, default="")
    entry_halt_ref: Mapped[str] = mapped_column(Text, default="")  # the original halt decision (原停产停业决定)
    entry_evidence: Mapped[str] = mapped_column(Text, default="")  # the firm's rectification evidence
    recorded_by: Mapped[str] = mapped_column(String(40), default="")  # who recorded the inspection (记录人)

    visit: Mapped[Visit] = relationship(back_populates="stops")
    enterprise: Mapped[Enterprise] = relationship()


class VisitMember(Entity):
    """A person on a visit's team: officer, expert or observer (exactly one of the three ids is set)."""

    __tablename__ = "visit_members"
    visit_id: Mapped[uuid.UUID] = _fk("visits.id", ondelete="CASCADE")
    role: Mapped[str] = mapped_column(String(10))
    officer_id: Mapped[uuid.UUID | None] = _fk("officers.id", nullable=True)
    expert_id: Mapped[uuid.UUID | None] = _fk("experts.id", nullable=True)
    supervisor_id: Mapped[uuid.UUID | None] = _fk("supervisors.id", nullable=True)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)  # the expert declined the assignment
    rating: Mapped[int | None] = mapped_column(Integer)  # 1–5, given by the office after the visit
    remark: Mapped[str] = mapped_column(Text, default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")  # why a scheduling warning was overridden

    visit: Mapped[Visit] = relationship(back_populates="members")


class VisitChecklist(Base):
    __tablename__ = "visit_checklists"
    visit_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True)
    template_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("checklist_templates.id"), primary_key=True)


# --------------------------------------------------------------------------------------------------- checklists


class ChecklistTemplate(Entity):
    """A versioned checklist; an edit makes a new version and results keep the version they used."""

    __tablename__ = "checklist_templates"
    __table_args__ = (UniqueConstraint("code", "revision"),)
    code: Mapped[str] = mapped_column(String(40))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(Text, default="")
    effective_date: Mapped[date | None] = mapped_column(Date)
    is_partial: Mapped[bool] = mapped_column(Boolean, default=False)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    edition: Mapped[str] = mapped_column(String(40), default="")  # the standard's own version label, e.g. "2023"
    description: Mapped[str] = mapped_column(Text, default="")
    sectors: Mapped[str] = mapped_column(String(200), default="")  # "、"-separated sectors it suits; "" = any
    visit_kinds: Mapped[str] = mapped_column(String(200), default="")  # ","-separated VisitKind codes; "" = any
    # The data file version this row was loaded from (resources/checklists); None when the office edited it.
    file_version: Mapped[str | None] = mapped_column(String(40))
    changed_by: Mapped[str] = mapped_column(String(40), default="")
    change_note: Mapped[str] = mapped_column(Text, default="")

    items: Mapped[list[ChecklistItem]] = relationship(
        back_populates="template", cascade="all, delete-orphan", order_by="ChecklistItem.seq"
    )


class ChecklistItem(Entity):
    __tablename__ = "checklist_items"
    template_id: Mapped[uuid.UUID] = _fk("checklist_templates.id", ondelete="CASCADE")
    seq: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(100), default="")
    text: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text, default="")
    is_major_criterion: Mapped[bool] = mapped_column(Boolean, default=False)
    suggested_measure: Mapped[str] = mapped_column(Text, default="")
    deadline_days: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(40), default="")  # hazard category a 不符合 pre-fills

    template: Mapped[ChecklistTemplate] = relationship(back_populates="items")


class ChecklistResult(Entity):
    __tablename__ = "checklist_results"
    __table_args__ = (UniqueConstraint("stop_id", "item_id"),)
    stop_id: Mapped[uuid.UUID] = _fk("visit_stops.id", ondelete="CASCADE")
    item_id: Mapped[uuid.UUID] = _fk("checklist_items.id")
    outcome: Mapped[str | None] = mapped_column(String(4))  # Outcome
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(40), default="")


# --------------------------------------------------------------------------------------------------- hazards


class Photo(Entity):
    """A photo stored once per content hash (downscaled on import)."""

    __tablename__ = "photos"
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    mime: Mapped[str] = mapped_column(String(20), default="image/jpeg")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)
    original_name: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumb: Mapped[bytes | None] = mapped_column(LargeBinary)  # small JPEG for strips and lists


class Hazard(Entity):
    """事故隐患, followed until it is verified rectified and closed (销号)."""

    __tablename__ = "hazards"
    __table_args__ = (
        Index("ix_hazards_status_deadline", "status", "deadline"),
        Index("ix_hazards_enterprise_status", "enterprise_id", "status"),
        # The ledger's change stamp (count, sum of versions, latest update) reads these small indexes instead of
        # scanning 100,000 rows every few seconds (models/services/ledger.py), as the registry does for firms.
        Index("ix_hazards_version", "version"),
        Index("ix_hazards_updated_at", "updated_at"),
    )
    enterprise_id: Mapped[uuid.UUID] = _fk("enterprises.id")
    visit_id: Mapped[uuid.UUID | None] = _fk("visits.id", ondelete="SET NULL", nullable=True)
    stop_id: Mapped[uuid.UUID | None] = _fk("visit_stops.id", ondelete="SET NULL", nullable=True)
    checklist_item_id: Mapped[uuid.UUID | None] = _fk("checklist_items.id", ondelete="SET NULL", nullable=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)  # order within the inspection (numbered on documents)
    description: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(40), default="")
    severity: Mapped[str] = mapped_column(String(8), default=Severity.GENERAL, index=True)
    basis: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[str] = mapped_column(Text, default="")
    found_on: Mapped[date] = mapped_column(Date, index=True)
    deadline: Mapped[date | None] = mapped_column(Date)
    responsible_person: Mapped[str] = mapped_column(String(40), default="")
    rectified_on_site: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default=HazardStatus.PENDING)
    closed_on: Mapped[date | None] = mapped_column(Date)
    found_by_expert_id: Mapped[uuid.UUID | None] = _fk("experts.id", ondelete="SET NULL", nullable=True)
    found_by_officer_id: Mapped[uuid.UUID | None] = _fk("officers.id", ondelete="SET NULL", nullable=True)
    supervised: Mapped[bool] = mapped_column(Boolean, default=False)  # 挂牌督办 (major hazards)
    remediation_plan: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the six parts of the plan
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The rectification loop (models/services/rectification.py). Overdue is never stored: deadline vs today.
    original_deadline: Mapped[date | None] = mapped_column(Date)  # the first deadline, before extensions
    extension_pending: Mapped[bool] = mapped_column(Boolean, default=False)  # a 延期 request awaits an officer
    escalation: Mapped[int] = mapped_column(Integer, default=0)  # re-inspections that found it 未整改
    progress_note: Mapped[str] = mapped_column(Text, default="")  # the firm's latest progress report
    review_note: Mapped[str] = mapped_column(Text, default="")  # latest 复查情况 (the ledger column)
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    closed_by: Mapped[str] = mapped_column(String(40), default="")

    enterprise: Mapped[Enterprise] = relationship()
    photos: Mapped[list[HazardPhoto]] = relationship(back_populates="hazard", cascade="all, delete-orphan")
    events: Mapped[list[RectificationEvent]] = relationship(
        back_populates="hazard", cascade="all, delete-orphan", order_by="RectificationEvent.at"
    )


class ReinspectionItem(Entity):
    """One hazard on a re-inspection visit (复查) and what the re-inspection found."""

    __tablename__ = "reinspection_items"
    __table_args__ = (UniqueConstraint("visit_id", "hazard_id"),)
    visit_id: Mapped[uuid.UUID] = _fk("visits.id", ondelete="CASCADE")
    hazard_id: Mapped[uuid.UUID] = _fk("hazards.id", ondelete="CASCADE")
    outcome: Mapped[str | None] = mapped_column(String(16))  # ReinspectionOutcome; None until decided
    note: Mapped[str] = mapped_column(Text, default="")
    new_deadline: Mapped[date | None] = mapped_column(Date)  # 部分整改
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


class HazardPhoto(Entity):
    __tablename__ = "hazard_photos"
    hazard_id: Mapped[uuid.UUID] = _fk("hazards.id", ondelete="CASCADE")
    photo_id: Mapped[uuid.UUID] = _fk("photos.id")
    kind: Mapped[str] = mapped_column(String(10), default="before")  # before / after / evidence
    caption: Mapped[str] = mapped_column(String(200), default="")

    hazard: Mapped[Hazard] = relationship(back_populates="photos")


class HazardLibraryEntry(Entity):
    """A standard hazard description with its basis (kind "hazard"), or a reusable phrase (kind "phrase").

    Built-in entries come from resources/hazard_library and carry ``builtin_key``; the office adds its own."""

    __tablename__ = "hazard_library"
    kind: Mapped[str] = mapped_column(String(10), default="hazard", index=True)
    builtin_key: Mapped[str | None] = mapped_column(String(60), unique=True)
    text: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(40), default="")
    severity: Mapped[str] = mapped_column(String(8), default=Severity.GENERAL)
    measure: Mapped[str] = mapped_column(Text, default="")
    sectors: Mapped[str] = mapped_column(String(200), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")  # lower-case text + pinyin initials + basis
    use_count: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class EntryStatusChange(Entity):
    """One line of a camphor-oil firm's entry history (halted → 整改后复查 → 准予准入 …)."""

    __tablename__ = "entry_status_changes"
    enterprise_id: Mapped[uuid.UUID] = _fk("enterprises.id", ondelete="CASCADE")
    old_status: Mapped[str | None] = mapped_column(String(16))
    new_status: Mapped[str] = mapped_column(String(16))
    changed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    stop_id: Mapped[uuid.UUID | None] = _fk("visit_stops.id", ondelete="SET NULL", nullable=True)
    changed_by: Mapped[str] = mapped_column(String(40), default="")


class ChecklistResultPhoto(Entity):
    __tablename__ = "checklist_result_photos"
    result_id: Mapped[uuid.UUID] = _fk("checklist_results.id", ondelete="CASCADE")
    photo_id: Mapped[uuid.UUID] = _fk("photos.id")


class RectificationEvent(Entity):
    """Every change in a hazard's life: who, when, why (state change, extension, re-inspection …)."""

    __tablename__ = "rectification_events"
    hazard_id: Mapped[uuid.UUID] = _fk("hazards.id", ondelete="CASCADE")
    kind: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    new_deadline: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(40), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    visit_id: Mapped[uuid.UUID | None] = _fk("visits.id", ondelete="SET NULL", nullable=True)

    hazard: Mapped[Hazard] = relationship(back_populates="events")


# --------------------------------------------------------------------------------------------------- documents


class Document(Entity):
    """An enforcement document; issuing freezes its PDF bytes and their SHA-256."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("kind", "year", "seq"),)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    status: Mapped[str] = mapped_column(String(8), default=DocumentStatus.DRAFT)
    year: Mapped[int | None] = mapped_column(Integer)
    seq: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(60))
    enterprise_id: Mapped[uuid.UUID] = _fk("enterprises.id")
    visit_id: Mapped[uuid.UUID | None] = _fk("visits.id", ondelete="SET NULL", nullable=True)
    refers_to_id: Mapped[uuid.UUID | None] = _fk("documents.id", nullable=True)
    replaces_id: Mapped[uuid.UUID | None] = _fk("documents.id", nullable=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    issued_at: Mapped[datetime | None] = mapped_column(DateTime)
    issued_by: Mapped[str] = mapped_column(String(40), default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)
    voided_by: Mapped[str] = mapped_column(String(40), default="")
    pages: Mapped[int | None] = mapped_column(Integer)


class DocumentCounter(Base):
    """Next number per document kind and year, taken in the transaction that issues the document."""

    __tablename__ = "document_counters"
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


# --------------------------------------------------------------------------------------------------- audit, settings


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(40), default="")
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    action: Mapped[str] = mapped_column(String(20))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Setting(Base):
    """A setting a county may change (agency name, office codes, review body …); value is JSON."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


__all__ = [
    "AuditEntry",
    "ChecklistItem",
    "ChecklistResult",
    "ChecklistResultPhoto",
    "ChecklistTemplate",
    "Document",
    "DocumentCounter",
    "Enterprise",
    "EnterpriseContact",
    "EnterpriseLicence",
    "EnterpriseStatusChange",
    "Expert",
    "ExpertAssessment",
    "ExpertRecusal",
    "ExpertSpecialty",
    "Hazard",
    "HazardPhoto",
    "Officer",
    "Photo",
    "RectificationEvent",
    "Setting",
    "Specialty",
    "Supervisor",
    "Town",
    "Unavailability",
    "User",
    "Village",
    "Visit",
    "VisitChecklist",
    "VisitMember",
    "VisitStop",
    "EntryStatus",
]
