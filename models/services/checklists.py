"""Checklist templates (检查表): versioned data files in resources/checklists, loaded into the database, edited by
the office. No Qt; services take a session, never commit, and return plain data.

Versioning: results (ChecklistResult) point at items by id, so the items of a revision are never changed or deleted.
An edit saves a new template row (same ``code``, ``revision`` + 1, new items) and the old row stops being current.
A data file carries its own ``version``: when it changes, ``sync_builtin`` adds a new current revision from the file;
the office's own edits stay as older revisions. A code without a current revision is retired (停用): it is not offered
for new visits, and the results that used it keep their revision.
"""

from __future__ import annotations

import re
import tomllib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from models.entities import ChecklistItem, ChecklistTemplate
from models.enums import HAZARD_CATEGORIES, VISIT_KIND_LABELS
from models.services import audit
from models.services.errors import ConcurrentEdit, FieldError, NotFound, ServiceError, ValidationFailed
from models.services.locking import flush_or_conflict
from models.text import pinyin_keys

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent.parent / "resources" / "checklists"
SYSTEM_ACTOR = "系统"
CUSTOM_PREFIX = "custom-"

SECTOR_SEP = "、"
KIND_SEP = ","

_LIMITS = {"name": 100, "edition": 40, "sectors": 200, "visit_kinds": 200, "section": 100, "category": 40}


class BadTemplateFile(ServiceError):
    """A data file in resources/checklists that cannot be read; the message names the file and the item."""


# ================================================================================================ data


@dataclass(frozen=True)
class ItemData:
    id: uuid.UUID
    seq: int
    section: str
    text: str
    basis: str
    is_major_criterion: bool
    suggested_measure: str
    deadline_days: int | None
    category: str


@dataclass(frozen=True)
class TemplateData:
    id: uuid.UUID
    code: str
    revision: int
    name: str
    source: str
    edition: str
    effective_date: date | None
    is_partial: bool
    is_current: bool
    description: str
    sectors: tuple[str, ...]
    visit_kinds: tuple[str, ...]
    file_version: str | None
    changed_by: str
    change_note: str
    updated_at: datetime
    items: tuple[ItemData, ...] = ()
    created_at: datetime | None = None  # when this revision was made
    item_count: int = 0

    @property
    def is_builtin(self) -> bool:
        return not self.code.startswith(CUSTOM_PREFIX)


@dataclass
class ItemDraft:
    """One item as the editor holds it."""

    text: str = ""
    section: str = ""
    basis: str = ""
    is_major_criterion: bool = False
    suggested_measure: str = ""
    deadline_days: int | None = None
    category: str = ""

    @classmethod
    def from_data(cls, i: ItemData) -> ItemDraft:
        return cls(text=i.text, section=i.section, basis=i.basis, is_major_criterion=i.is_major_criterion,
                   suggested_measure=i.suggested_measure, deadline_days=i.deadline_days, category=i.category)


@dataclass
class TemplateDraft:
    """A template as the editor holds it; saved as a new revision."""

    name: str = ""
    source: str = ""
    edition: str = ""
    effective_date: date | None = None
    is_partial: bool = False
    description: str = ""
    sectors: list[str] = field(default_factory=list)
    visit_kinds: list[str] = field(default_factory=list)
    items: list[ItemDraft] = field(default_factory=list)

    @classmethod
    def from_data(cls, t: TemplateData) -> TemplateDraft:
        return cls(name=t.name, source=t.source, edition=t.edition, effective_date=t.effective_date,
                   is_partial=t.is_partial, description=t.description, sectors=list(t.sectors),
                   visit_kinds=list(t.visit_kinds), items=[ItemDraft.from_data(i) for i in t.items])


@dataclass(frozen=True)
class FileItem:
    section: str
    text: str
    basis: str
    major: bool
    measure: str
    deadline_days: int | None
    category: str
    note: str = ""


@dataclass(frozen=True)
class TemplateFile:
    """One parsed data file."""

    path: Path
    code: str
    name: str
    source: str
    edition: str
    version: str
    effective_date: date | None
    partial: bool
    description: str
    sectors: tuple[str, ...]
    visit_kinds: tuple[str, ...]
    items: tuple[FileItem, ...]

    def full_description(self) -> str:
        """The description, with the items still to be checked against the source text (``note``) listed under
        it, so the office sees them in the editor (items have no note column)."""
        notes = [f"第{n}项（{i.note.removeprefix('[核实]').strip()}）" for n, i in enumerate(self.items, 1) if i.note]
        if not notes:
            return self.description
        return self.description.rstrip() + "\n待核实：" + "；".join(notes) + "。"


# ================================================================================================ files


def _text(where: str, raw: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise BadTemplateFile(f"{where}：“{key}”应为文字。")
    value = value.strip()
    if required and not value:
        raise BadTemplateFile(f"{where}：缺少“{key}”。")
    return value


def _str_list(where: str, raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadTemplateFile(f"{where}：“{key}”应为文字列表，例如 [\"危险化学品\"]。")
    return tuple(v.strip() for v in value if v.strip())


def _parse(path: Path) -> TemplateFile:
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise BadTemplateFile(f"检查表文件 {name} 不是 UTF-8 编码的文本。") from exc
    except tomllib.TOMLDecodeError as exc:
        raise BadTemplateFile(f"检查表文件 {name} 格式错误：{exc}") from exc
    where = f"检查表文件 {name}"
    code = _text(where, raw, "code", required=True)
    if not re.fullmatch(r"[a-z][a-z0-9_]*", code) or len(code) > 40:
        raise BadTemplateFile(f"{where}：代码“{code}”只能由小写英文字母、数字和下划线组成（不超过40个字符）。")
    version = raw.get("version")
    if isinstance(version, int) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or not version.strip() or len(version) > 40:
        raise BadTemplateFile(f"{where}：缺少文件版本“version”（例如 version = \"1\"）。")
    eff = raw.get("effective_date")
    if isinstance(eff, str) and eff.strip():
        try:
            eff = date.fromisoformat(eff.strip())
        except ValueError as exc:
            raise BadTemplateFile(f"{where}：施行日期“{eff}”应写成 2023-05-15 的形式。") from exc
    elif isinstance(eff, datetime):
        eff = eff.date()
    elif eff in (None, ""):
        eff = None
    elif not isinstance(eff, date):
        raise BadTemplateFile(f"{where}：施行日期应写成 2023-05-15 的形式。")
    partial = raw.get("partial", False)
    if not isinstance(partial, bool):
        raise BadTemplateFile(f"{where}：“partial”应为 true 或 false。")
    kinds = _str_list(where, raw, "visit_kinds")
    unknown = [k for k in kinds if k not in VISIT_KIND_LABELS]
    if unknown:
        raise BadTemplateFile(f"{where}：未知的检查类型“{unknown[0]}”（可用：{'、'.join(VISIT_KIND_LABELS)}）。")
    raw_items = raw.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise BadTemplateFile(f"{where}：没有检查项（[[items]]）。")
    items: list[FileItem] = []
    for n, it in enumerate(raw_items, 1):
        at = f"{where} 第{n}项"
        if not isinstance(it, dict):
            raise BadTemplateFile(f"{at}：格式错误。")
        text = _text(at, it, "text", required=True)
        at = f"{at}（{text[:16]}…）" if len(text) > 16 else f"{at}（{text}）"
        major = it.get("major", False)
        if not isinstance(major, bool):
            raise BadTemplateFile(f"{at}：“major”应为 true 或 false。")
        days = it.get("deadline_days")
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 1):
            raise BadTemplateFile(f"{at}：整改期限“deadline_days”应为不小于1的整数（天）。")
        category = _text(at, it, "category")
        if category and category not in HAZARD_CATEGORIES:
            raise BadTemplateFile(f"{at}：未知的隐患类别“{category}”（可用：{'、'.join(HAZARD_CATEGORIES)}）。")
        section = _text(at, it, "section")
        if len(section) > _LIMITS["section"]:
            raise BadTemplateFile(f"{at}：分组“section”最多{_LIMITS['section']}字。")
        items.append(FileItem(section=section, text=text, basis=_text(at, it, "basis"), major=major,
                              measure=_text(at, it, "measure"), deadline_days=days, category=category,
                              note=_text(at, it, "note")))
    tpl_name = _text(where, raw, "name", required=True)
    if len(tpl_name) > _LIMITS["name"]:
        raise BadTemplateFile(f"{where}：名称最多{_LIMITS['name']}字。")
    sectors = _str_list(where, raw, "sectors")
    if len(SECTOR_SEP.join(sectors)) > _LIMITS["sectors"]:
        raise BadTemplateFile(f"{where}：适用行业太多（合计最多{_LIMITS['sectors']}字）。")
    return TemplateFile(path=path, code=code, name=tpl_name, source=_text(where, raw, "source"),
                        edition=_text(where, raw, "edition")[:_LIMITS["edition"]], version=version.strip(),
                        effective_date=eff, partial=partial, description=_text(where, raw, "description"),
                        sectors=sectors, visit_kinds=kinds, items=tuple(items))


def load_files(folder: Path = DEFAULT_FOLDER) -> list[TemplateFile]:
    """Every ``*.toml`` in ``folder``, parsed and checked, in file-name order. A bad file raises BadTemplateFile
    naming the file (and the item)."""
    files = [_parse(p) for p in sorted(Path(folder).glob("*.toml"))]
    seen: dict[str, Path] = {}
    for f in files:
        if f.code in seen:
            raise BadTemplateFile(f"检查表文件 {f.path.name} 与 {seen[f.code].name} 的代码相同（“{f.code}”）。")
        seen[f.code] = f.path
    return files


def _row_from_file(f: TemplateFile, revision: int, current: bool) -> ChecklistTemplate:
    row = ChecklistTemplate(
        code=f.code, revision=revision, name=f.name, source=f.source, effective_date=f.effective_date,
        is_partial=f.partial, is_current=current, edition=f.edition, description=f.full_description(),
        sectors=SECTOR_SEP.join(f.sectors), visit_kinds=KIND_SEP.join(f.visit_kinds), file_version=f.version,
        changed_by=SYSTEM_ACTOR,
        change_note=f"载入内置检查表（文件 {f.path.name}，第 {f.version} 版）",
    )
    row.items = [ChecklistItem(seq=n, section=i.section, text=i.text, basis=i.basis, is_major_criterion=i.major,
                               suggested_measure=i.measure, deadline_days=i.deadline_days, category=i.category)
                 for n, i in enumerate(f.items, 1)]
    return row


def sync_builtin(session: Session, folder: Path = DEFAULT_FOLDER) -> int:
    """Bring the built-in templates up to the data files; the number of template rows inserted.

    A new code gets revision 1. A file whose ``version`` no row of its code was loaded from gets a new revision
    (current, unless the office retired the code); earlier revisions, the office's edits among them, stay as they
    are. Running it again changes nothing. Another user syncing at the same moment is harmless."""
    inserted = 0
    for f in load_files(folder):
        rows = session.execute(
            select(ChecklistTemplate.revision, ChecklistTemplate.is_current, ChecklistTemplate.file_version)
            .where(ChecklistTemplate.code == f.code)).all()
        if any(r.file_version == f.version for r in rows):
            continue
        retired = bool(rows) and not any(r.is_current for r in rows)
        revision = max((r.revision for r in rows), default=0) + 1
        try:
            with session.begin_nested():
                if rows and not retired:
                    for old in session.scalars(select(ChecklistTemplate).where(
                            ChecklistTemplate.code == f.code, ChecklistTemplate.is_current.is_(True))):
                        old.is_current = False
                    session.flush()
                row = _row_from_file(f, revision, current=not retired)
                session.add(row)
                session.flush()
        except IntegrityError:
            continue  # another user loaded the same file at the same moment
        audit.record(session, SYSTEM_ACTOR, "checklist_template", row.id, "load_builtin", code=f.code,
                     revision=revision, file=f.path.name, file_version=f.version)
        inserted += 1
    session.flush()
    return inserted


# ================================================================================================ reading


def _item(i: ChecklistItem) -> ItemData:
    return ItemData(id=i.id, seq=i.seq, section=i.section, text=i.text, basis=i.basis,
                    is_major_criterion=i.is_major_criterion, suggested_measure=i.suggested_measure,
                    deadline_days=i.deadline_days, category=i.category)


def _split(value: str, sep: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(sep) if v.strip())


def _data(t: ChecklistTemplate, items: Sequence[ChecklistItem] | None, count: int) -> TemplateData:
    return TemplateData(
        id=t.id, code=t.code, revision=t.revision, name=t.name, source=t.source, edition=t.edition,
        effective_date=t.effective_date, is_partial=t.is_partial, is_current=t.is_current,
        description=t.description, sectors=_split(t.sectors, SECTOR_SEP), visit_kinds=_split(t.visit_kinds, KIND_SEP),
        file_version=t.file_version, changed_by=t.changed_by, change_note=t.change_note, updated_at=t.updated_at,
        items=tuple(_item(i) for i in items) if items is not None else (), created_at=t.created_at,
        item_count=count)


def _counts(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    ids = list(ids)
    if not ids:
        return {}
    return dict(session.execute(select(ChecklistItem.template_id, func.count()).where(
        ChecklistItem.template_id.in_(ids)).group_by(ChecklistItem.template_id)).all())


def _to_data(session: Session, rows: Sequence[ChecklistTemplate], with_items: bool) -> list[TemplateData]:
    if with_items:
        return [_data(t, t.items, len(t.items)) for t in rows]
    counts = _counts(session, (t.id for t in rows))
    return [_data(t, None, counts.get(t.id, 0)) for t in rows]


def _by_name(rows: list[TemplateData]) -> list[TemplateData]:
    return sorted(rows, key=lambda t: (pinyin_keys(t.name), t.code, -t.revision))


def templates(session: Session, *, current_only: bool = True, with_items: bool = False) -> list[TemplateData]:
    """Templates ordered by name (pinyin): the current revision of each code, or every revision."""
    q = select(ChecklistTemplate)
    if current_only:
        q = q.where(ChecklistTemplate.is_current.is_(True))
    if with_items:
        q = q.options(selectinload(ChecklistTemplate.items))
    return _by_name(_to_data(session, session.scalars(q).all(), with_items))


def catalogue(session: Session) -> list[TemplateData]:
    """One row per code for the template list: its current revision, or for a retired code its latest one
    (``is_current`` False). Ordered by name."""
    latest = (select(ChecklistTemplate.code, func.max(ChecklistTemplate.revision).label("rev"))
              .group_by(ChecklistTemplate.code).subquery())
    rows = session.scalars(select(ChecklistTemplate).join(
        latest, (latest.c.code == ChecklistTemplate.code) & (latest.c.rev == ChecklistTemplate.revision))).all()
    current = {t.code: t for t in session.scalars(
        select(ChecklistTemplate).where(ChecklistTemplate.is_current.is_(True)))}
    chosen = [current.get(t.code, t) for t in rows]
    return _by_name(_to_data(session, chosen, False))


def _get(session: Session, template_id: uuid.UUID) -> ChecklistTemplate:
    row = session.get(ChecklistTemplate, template_id)
    if row is None:
        raise NotFound("该检查表已不存在。")
    return row


def template(session: Session, template_id: uuid.UUID) -> TemplateData:
    """One revision with its items."""
    row = _get(session, template_id)
    return _data(row, row.items, len(row.items))


def revisions(session: Session, code: str) -> list[TemplateData]:
    """Every revision of ``code``, newest first (without items)."""
    rows = session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.code == code)
                           .order_by(ChecklistTemplate.revision.desc())).all()
    return _to_data(session, rows, False)


def suggested_for(session: Session, visit_kind: str, sector: str) -> list[TemplateData]:
    """The current templates that suit a visit of ``visit_kind`` to a firm of ``sector``: a template with no visit
    kinds (sectors) suits every kind (sector). Ordered: the template for any sector first, then by name."""
    sector = (sector or "").strip()
    found = [t for t in templates(session)
             if (not t.visit_kinds or visit_kind in t.visit_kinds) and (not t.sectors or sector in t.sectors)]
    return sorted(found, key=lambda t: bool(t.sectors))  # stable: keeps the name order within each group


def items_for_templates(session: Session, template_ids: Sequence[uuid.UUID]) -> list[ItemData]:
    """The items of the given revisions, in the order of ``template_ids`` and then by seq."""
    order = {tid: n for n, tid in enumerate(dict.fromkeys(template_ids))}
    if not order:
        return []
    rows = session.scalars(select(ChecklistItem).where(ChecklistItem.template_id.in_(list(order)))).all()
    return [_item(i) for i in sorted(rows, key=lambda i: (order[i.template_id], i.seq))]


# ================================================================================================ writing


def _clean(draft: TemplateDraft) -> TemplateDraft:
    return TemplateDraft(
        name=draft.name.strip(), source=draft.source.strip(), edition=draft.edition.strip(),
        effective_date=draft.effective_date, is_partial=draft.is_partial, description=draft.description.strip(),
        sectors=list(dict.fromkeys(s.strip() for s in draft.sectors if s.strip())),
        visit_kinds=list(dict.fromkeys(k.strip() for k in draft.visit_kinds if k.strip())),
        items=[ItemDraft(text=i.text.strip(), section=i.section.strip(), basis=i.basis.strip(),
                         is_major_criterion=bool(i.is_major_criterion), suggested_measure=i.suggested_measure.strip(),
                         deadline_days=i.deadline_days, category=i.category.strip()) for i in draft.items])


def validate(draft: TemplateDraft) -> list[FieldError]:
    """The problems of a draft, in Chinese; ``items[3].text`` names the 4th item's field."""
    d = _clean(draft)
    errors: list[FieldError] = []
    if not d.name:
        errors.append(FieldError("name", "检查表名称不能为空。"))
    elif len(d.name) > _LIMITS["name"]:
        errors.append(FieldError("name", f"检查表名称最多{_LIMITS['name']}字。"))
    if len(d.edition) > _LIMITS["edition"]:
        errors.append(FieldError("edition", f"版本号最多{_LIMITS['edition']}字。"))
    if len(SECTOR_SEP.join(d.sectors)) > _LIMITS["sectors"]:
        errors.append(FieldError("sectors", f"适用行业太多（合计最多{_LIMITS['sectors']}字）。"))
    unknown = [k for k in d.visit_kinds if k not in VISIT_KIND_LABELS]
    if unknown:
        errors.append(FieldError("visit_kinds", f"未知的检查类型“{unknown[0]}”。"))
    if not d.items:
        errors.append(FieldError("items", "检查表至少要有一个检查项。"))
    for n, i in enumerate(d.items):
        if not i.text:
            errors.append(FieldError(f"items[{n}].text", f"第{n + 1}项：检查内容不能为空。"))
        if i.deadline_days is not None and i.deadline_days < 1:
            errors.append(FieldError(f"items[{n}].deadline_days", f"第{n + 1}项：整改期限至少为1天。"))
        if len(i.section) > _LIMITS["section"]:
            errors.append(FieldError(f"items[{n}].section", f"第{n + 1}项：分组最多{_LIMITS['section']}字。"))
        if i.category and i.category not in HAZARD_CATEGORIES:
            errors.append(FieldError(f"items[{n}].category", f"第{n + 1}项：未知的隐患类别“{i.category}”。"))
    return errors


def _check(draft: TemplateDraft) -> TemplateDraft:
    errors = validate(draft)
    if errors:
        raise ValidationFailed(errors)
    return _clean(draft)


def _new_row(code: str, revision: int, d: TemplateDraft, actor: str, note: str) -> ChecklistTemplate:
    row = ChecklistTemplate(
        code=code, revision=revision, name=d.name, source=d.source, effective_date=d.effective_date,
        is_partial=d.is_partial, is_current=True, edition=d.edition, description=d.description,
        sectors=SECTOR_SEP.join(d.sectors), visit_kinds=KIND_SEP.join(d.visit_kinds), file_version=None,
        changed_by=actor, change_note=note.strip(),
    )
    row.items = [ChecklistItem(seq=n, section=i.section, text=i.text, basis=i.basis,
                               is_major_criterion=i.is_major_criterion, suggested_measure=i.suggested_measure,
                               deadline_days=i.deadline_days, category=i.category)
                 for n, i in enumerate(d.items, 1)]
    return row


def _superseded(base: ChecklistTemplate) -> str:
    return (f"“{base.name}”已有更新的版本（可能刚被其他用户保存，或已停用），您的修改未保存。"
            "请重新打开最新版本后再修改。")


def save_revision(session: Session, base_id: uuid.UUID, draft: TemplateDraft, *, actor: str,
                  note: str = "") -> TemplateData:
    """Save ``draft`` as the next revision of the template ``base_id`` was loaded from; the old revision stops
    being current and keeps its items. Refused (ConcurrentEdit) when ``base_id`` is no longer current."""
    d = _check(draft)
    base = _get(session, base_id)
    if not base.is_current:
        raise ConcurrentEdit(_superseded(base))
    if TemplateDraft.from_data(template(session, base_id)) == d:
        raise ValidationFailed([FieldError("", "内容没有改动，无需保存新版本。")])
    top = session.scalar(select(func.max(ChecklistTemplate.revision)).where(ChecklistTemplate.code == base.code))
    base.is_current = False
    flush_or_conflict(session, "检查表")
    row = _new_row(base.code, (top or 0) + 1, d, actor, note)
    session.add(row)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise ConcurrentEdit(_superseded(base)) from exc
    audit.record(session, actor, "checklist_template", row.id, "revise", code=row.code, revision=row.revision,
                 base_revision=base.revision, items=len(d.items), note=note.strip())
    return template(session, row.id)


def _next_custom_code(session: Session) -> str:
    codes = set(session.scalars(select(ChecklistTemplate.code).where(
        ChecklistTemplate.code.like(f"{CUSTOM_PREFIX}%"))))
    n = len(codes) + 1
    while f"{CUSTOM_PREFIX}{n}" in codes:
        n += 1
    return f"{CUSTOM_PREFIX}{n}"


def create(session: Session, draft: TemplateDraft, *, actor: str, note: str = "") -> TemplateData:
    """A new template (code ``custom-N``), revision 1."""
    d = _check(draft)
    for _ in range(5):
        row = _new_row(_next_custom_code(session), 1, d, actor, note.strip() or "新建")
        session.add(row)
        try:
            with session.begin_nested():
                session.flush()
        except IntegrityError:
            session.expunge(row)
            continue  # another user took the same code at the same moment
        audit.record(session, actor, "checklist_template", row.id, "create", code=row.code, name=row.name,
                     items=len(d.items))
        return template(session, row.id)
    raise ConcurrentEdit("新建检查表时与其他用户冲突，请重试。")


def retire(session: Session, code: str, *, actor: str) -> None:
    """Stop offering ``code`` for new visits (its current revision stops being current)."""
    rows = session.scalars(select(ChecklistTemplate).where(
        ChecklistTemplate.code == code, ChecklistTemplate.is_current.is_(True))).all()
    if not rows:
        raise ConcurrentEdit("该检查表已停用或不存在。")
    for r in rows:
        r.is_current = False
    flush_or_conflict(session, "检查表")
    audit.record(session, actor, "checklist_template", rows[0].id, "retire", code=code, revision=rows[0].revision)


def restore(session: Session, code: str, *, actor: str) -> TemplateData:
    """Offer a retired ``code`` again: its latest revision becomes current."""
    rows = session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.code == code)
                           .order_by(ChecklistTemplate.revision.desc())).all()
    if not rows:
        raise NotFound("该检查表已不存在。")
    if any(r.is_current for r in rows):
        raise ConcurrentEdit("该检查表已在使用中，无需恢复。")
    rows[0].is_current = True
    flush_or_conflict(session, "检查表")
    audit.record(session, actor, "checklist_template", rows[0].id, "restore", code=code, revision=rows[0].revision)
    return template(session, rows[0].id)
